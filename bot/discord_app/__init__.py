"""The discord.py adapter: client, slash commands, digest task and error handler.

client.py       create_bot(settings, kabar, *, clock=None, guild_ready_timeout=2.0, page_timeout=300.0, ...)
                -> KabarBot; run_bot(settings); the error handler; answers clicks on expired buttons
commands.py     the slash commands and /digest group; article and zone autocomplete; who waits for what
replies.py      defer, defer-only-if-slow, paged follow-ups, ephemeral errors (never a ping)
views.py        the pager: Previous/Next for the invoker, "Show sources" for anyone; expired clicks
digest_task.py  the background loop (re-index, recover, post when due) and the channel poster
"""
