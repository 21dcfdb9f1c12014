"""The discord.py adapter: client, slash commands, digest task and error handler."""
