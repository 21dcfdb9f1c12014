"""Interactive message parts: the pager (Previous/Next, invoker only) and the "Show sources" button.

A `Pager` holds the rendered pages of one answer. Only the user who asked can turn
pages (anyone else gets an ephemeral note); anyone may open the sources, which are
sent as ephemeral messages. On timeout every button is disabled by editing the
message once; a message that has gone away is ignored.

Every pager button's custom_id is `kabar-pager:<key>:<action>`, and the bot keeps its
live pagers by key (`Pager(..., live=bot.pagers)`). A click on a pager that is no
longer live (it timed out, the edit that disabled it had not reached the user yet or
failed, or the bot restarted) is answered by `answer_expired`: the buttons are
disabled in place and the user is told to ask again, instead of Discord's
"This interaction failed".

Public API:
    Pager(pages, invoker_id, *, timeout=300.0, live=None); pager.track(); pager.key
    pager_key(custom_id) -> str | None
    await answer_expired(interaction)
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import MutableMapping, Sequence

import discord

from bot.present.discord import Page

log = logging.getLogger(__name__)

NO_MENTIONS = discord.AllowedMentions.none()
ONLY_INVOKER = "Only the person who asked can page through this answer."
MAX_SOURCE_MESSAGES = 5
PAGER_PREFIX = "kabar-pager"
EXPIRED = "These buttons have expired. Run the command again to page through the answer or see its sources."


def pager_key(custom_id: str | None) -> str | None:
    """The pager key in a pager button's custom_id (None for anything else)."""
    parts = (custom_id or "").split(":")
    if len(parts) == 3 and parts[0] == PAGER_PREFIX and parts[1]:
        return parts[1]
    return None


class Pager(discord.ui.View):
    """Previous / Next / Show sources for a list of pages."""

    def __init__(
        self,
        pages: Sequence[Page],
        invoker_id: int,
        *,
        timeout: float = 300.0,
        live: MutableMapping[str, Pager] | None = None,
    ) -> None:
        super().__init__(timeout=timeout)
        if not pages:
            raise ValueError("a pager needs at least one page")
        self.pages = list(pages)
        self.invoker_id = invoker_id
        self.index = 0
        self.message: discord.Message | discord.WebhookMessage | None = None
        self.key = secrets.token_hex(8)
        self._live = live
        for action, item in (("previous", self.previous), ("next", self.next), ("sources", self.sources)):
            item.custom_id = f"{PAGER_PREFIX}:{self.key}:{action}"
        if len(self.pages) == 1:
            self.remove_item(self.previous)
            self.remove_item(self.next)
        if not any(page.sources for page in self.pages):
            self.remove_item(self.sources)
        self._sync()

    def track(self) -> None:
        """Count this pager as live (until it stops or times out) for late-click handling."""
        if self._live is not None and not self.is_finished():
            self._live[self.key] = self

    def _forget(self) -> None:
        if self._live is not None and self._live.get(self.key) is self:
            del self._live[self.key]

    def stop(self) -> None:
        super().stop()
        self._forget()

    @property
    def needed(self) -> bool:
        """False when the view would have no buttons at all."""
        return bool(self.children)

    @property
    def page(self) -> Page:
        return self.pages[self.index]

    def _sync(self) -> None:
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index >= len(self.pages) - 1
        self.sources.disabled = not self.page.sources

    async def _turn(self, interaction: discord.Interaction, step: int) -> None:
        if interaction.user.id != self.invoker_id:
            await interaction.response.send_message(ONLY_INVOKER, ephemeral=True, allowed_mentions=NO_MENTIONS)
            return
        self.index = max(0, min(len(self.pages) - 1, self.index + step))
        self._sync()
        await interaction.response.edit_message(embed=self.page.embed, view=self, allowed_mentions=NO_MENTIONS)

    @discord.ui.button(label="Previous", style=discord.ButtonStyle.secondary)
    async def previous(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await self._turn(interaction, -1)

    @discord.ui.button(label="Next", style=discord.ButtonStyle.secondary)
    async def next(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await self._turn(interaction, +1)

    @discord.ui.button(label="Show sources", style=discord.ButtonStyle.primary)
    async def sources(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        messages = list(self.page.sources[:MAX_SOURCE_MESSAGES])
        if not messages:
            await interaction.response.send_message(
                "This page cites no sources.", ephemeral=True, allowed_mentions=NO_MENTIONS
            )
            return
        await interaction.response.send_message(messages[0], ephemeral=True, allowed_mentions=NO_MENTIONS)
        for content in messages[1:]:
            await interaction.followup.send(content, ephemeral=True, allowed_mentions=NO_MENTIONS)

    async def on_timeout(self) -> None:
        self._forget()
        for child in self.children:
            if isinstance(child, discord.ui.Button):
                child.disabled = True
        if self.message is None:
            return
        try:
            await self.message.edit(view=self, allowed_mentions=NO_MENTIONS)
        except discord.HTTPException:
            log.debug("could not disable the buttons of an expired pager", exc_info=True)

    async def on_error(self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item) -> None:
        log.error("error in a pager button", exc_info=error)
        content = "Sorry, something went wrong with that button."
        try:
            if interaction.response.is_done():
                await interaction.followup.send(content, ephemeral=True, allowed_mentions=NO_MENTIONS)
            else:
                await interaction.response.send_message(content, ephemeral=True, allowed_mentions=NO_MENTIONS)
        except discord.HTTPException:
            log.debug("could not report a pager error", exc_info=True)


async def answer_expired(interaction: discord.Interaction) -> None:
    """Answer a click on a pager that is no longer live: disable its buttons, say so privately."""
    message = interaction.message
    if message is not None and message.components:
        view = discord.ui.View.from_message(message, timeout=None)
        for item in view.children:
            if isinstance(item, discord.ui.Button) and item.url is None:
                item.disabled = True
        view.stop()  # nothing listens to these: keep them out of discord.py's view store
        await interaction.response.edit_message(view=view, allowed_mentions=NO_MENTIONS)
        await interaction.followup.send(EXPIRED, ephemeral=True, allowed_mentions=NO_MENTIONS)
    else:
        await interaction.response.send_message(EXPIRED, ephemeral=True, allowed_mentions=NO_MENTIONS)
