"""The discord.py adapter: client, slash commands, digest task and error handler.

    client.py       create_bot(settings, kabar, *, clock=None) -> KabarBot; run_bot(settings); the error handler
    commands.py     the slash commands and /digest group; article autocomplete
    replies.py      defer, paged follow-ups, ephemeral errors (never a ping)
    views.py        the pager: Previous/Next for the invoker, "Show sources" for anyone
    digest_task.py  the background loop (re-index, recover, post when due) and the channel poster
"""
