"""Sending replies to interactions: deferring, paged follow-ups, ephemeral errors; never a ping.

    await defer(interaction, ephemeral=False)
    result = await quick_or_defer(interaction, awaitable, ephemeral=False, within=None)  # QUICK_SECONDS
    await send_pages(interaction, pages, ephemeral=False, timeout=None)   # None: the bot's page_timeout
    await send_text(interaction, content, ephemeral=True)
    await send_error(interaction, message)

Every send, follow-up and edit here passes `allowed_mentions=AllowedMentions.none()`
(the client sets it too). `interaction.extras["answered"]` records that the deferred
"thinking" message has been replaced by an answer, so an error raised afterwards is
sent as a new ephemeral message instead of deleting the answer.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Sequence
from typing import TypeVar

import discord

from bot.discord_app.views import NO_MENTIONS, Pager
from bot.present.discord import Page, render_error

log = logging.getLogger(__name__)

APOLOGY = "Sorry, something went wrong inside kabar. The problem has been logged."
#: how long a pager's buttons stay live unless the bot says otherwise
DEFAULT_PAGE_TIMEOUT = 300.0
#: work expected to be quick is given this long before the reply is deferred after all
QUICK_SECONDS = 1.0

T = TypeVar("T")


async def defer(interaction: discord.Interaction, *, ephemeral: bool = False) -> None:
    """Acknowledge now (Discord allows 3 s) and show "thinking" while the work runs."""
    if not interaction.response.is_done():
        await interaction.response.defer(thinking=True, ephemeral=ephemeral)


async def quick_or_defer(
    interaction: discord.Interaction, work: Awaitable[T], *, ephemeral: bool = False, within: float | None = None
) -> T:
    """Await work that is usually instant; defer the reply only if it is still running after `within` s
    (default QUICK_SECONDS).

    An error raised quickly therefore reaches the error handler while the interaction is
    still unanswered, and goes out as a true ephemeral reply (no public "thinking" first).
    """
    task = asyncio.ensure_future(work)
    try:
        done, _ = await asyncio.wait({task}, timeout=QUICK_SECONDS if within is None else within)
        if not done:
            await defer(interaction, ephemeral=ephemeral)
        return await task
    finally:
        if not task.done():
            task.cancel()


async def send_pages(
    interaction: discord.Interaction,
    pages: Sequence[Page],
    *,
    ephemeral: bool = False,
    timeout: float | None = None,
) -> discord.WebhookMessage | None:
    """Answer with the first page and a pager (only when there are buttons to show).

    `timeout`: seconds the buttons stay live; None takes the bot's `page_timeout`.
    """
    client = interaction.client
    if timeout is None:
        timeout = getattr(client, "page_timeout", DEFAULT_PAGE_TIMEOUT)
    pager = Pager(pages, interaction.user.id, timeout=timeout, live=getattr(client, "pagers", None))
    kwargs: dict = {"embed": pager.page.embed, "allowed_mentions": NO_MENTIONS, "ephemeral": ephemeral}
    if pager.needed:
        kwargs["view"] = pager
    await defer(interaction, ephemeral=ephemeral)
    message = await interaction.followup.send(wait=True, **kwargs)
    interaction.extras["answered"] = True
    if pager.needed:
        pager.message = message
        pager.track()
    else:
        pager.stop()
    return message


async def send_text(interaction: discord.Interaction, content: str, *, ephemeral: bool = True) -> None:
    """A short text reply (confirmations, notes), as a response or a follow-up."""
    content = render_error(content)
    if not interaction.response.is_done():
        await interaction.response.send_message(content, ephemeral=ephemeral, allowed_mentions=NO_MENTIONS)
        return
    await interaction.followup.send(content, ephemeral=ephemeral, allowed_mentions=NO_MENTIONS)
    interaction.extras["answered"] = True


async def send_error(interaction: discord.Interaction, message: str) -> None:
    """Show `message` to the invoker only.

    A public "thinking" message left by `defer` cannot turn ephemeral, so it is
    deleted first (unless an answer already replaced it).
    """
    content = render_error(message)
    try:
        if not interaction.response.is_done():
            await interaction.response.send_message(content, ephemeral=True, allowed_mentions=NO_MENTIONS)
            return
        if not interaction.extras.get("answered"):
            try:
                await interaction.delete_original_response()
            except discord.HTTPException:
                log.debug("could not delete the thinking message", exc_info=True)
        await interaction.followup.send(content, ephemeral=True, allowed_mentions=NO_MENTIONS)
        interaction.extras["answered"] = True
    except discord.HTTPException:
        log.warning("could not send an error reply", exc_info=True)
