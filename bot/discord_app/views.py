"""Interactive message parts: the pager (Previous/Next, invoker only) and the "Show sources" button.

A `Pager` holds the rendered pages of one answer. Only the user who asked can turn
pages (anyone else gets an ephemeral note); anyone may open the sources, which are
sent as ephemeral messages. On timeout every button is disabled by editing the
message once; a message that has gone away is ignored.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import discord

from bot.present.discord import Page

log = logging.getLogger(__name__)

NO_MENTIONS = discord.AllowedMentions.none()
ONLY_INVOKER = "Only the person who asked can page through this answer."
MAX_SOURCE_MESSAGES = 5


class Pager(discord.ui.View):
    """Previous / Next / Show sources for a list of pages."""

    def __init__(self, pages: Sequence[Page], invoker_id: int, *, timeout: float = 300.0) -> None:
        super().__init__(timeout=timeout)
        if not pages:
            raise ValueError("a pager needs at least one page")
        self.pages = list(pages)
        self.invoker_id = invoker_id
        self.index = 0
        self.message: discord.Message | discord.WebhookMessage | None = None
        if len(self.pages) == 1:
            self.remove_item(self.previous)
            self.remove_item(self.next)
        if not any(page.sources for page in self.pages):
            self.remove_item(self.sources)
        self._sync()

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
