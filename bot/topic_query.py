"""Turning a user's topic into what is searched: its names in their other forms, English translated.

`/summary Jokowi` also searches "Joko Widodo" (`bot.nlp.aliases`). A topic written in
English (`bot.nlp.querylang.looks_english`) is translated to Indonesian through the
translation façade when an en→id model is installed; without one, it is searched as
written and with the Indonesian forms of the names it contains ("north korea" -> "Korea
Utara"), and the answer says so.

Public API:
    TopicQuery(topic, searched, variants, terms, notes)
    english_topic(topic) -> bool
    await prepare(topic, translations, translate) -> TopicQuery
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from bot.errors import TranslationError
from bot.nlp.aliases import load_aliases
from bot.nlp.querylang import looks_english

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TopicQuery:
    """What to search for a topic: the text, its variants, the words that say what is on topic, notes."""

    topic: str
    searched: str
    variants: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


def english_topic(topic: str) -> bool:
    return looks_english(topic)


async def prepare(topic: str, translations: Any, translate: bool) -> TopicQuery:
    """The search for `topic`; `translate`: the topic is English and an en→id model is installed."""
    aliases = load_aliases()
    if not english_topic(topic):
        return TopicQuery(topic, topic, tuple(aliases.query_variants(topic)), tuple(topic.split()))
    named = aliases.query_variants(topic)  # "north korea" -> "Korea Utara", "Korut", ...
    if translate:
        try:
            done = await translations.translate_texts([topic], src="en", tgt="id")
            searched = " ".join((done[0].text_en or "").split()) or topic
        except TranslationError as exc:
            log.warning("the topic could not be translated: %s", exc)
        else:
            variants = tuple(dict.fromkeys([*aliases.query_variants(searched), *named]))
            note = f"The topic was translated to Indonesian and searched as {searched!r}."
            return TopicQuery(topic, searched, variants, tuple(searched.split()), (note,))
    also = f" and as {named[0]!r}" if named else ""
    note = (
        f"{topic!r} looks English and no en→id translation model is installed: it was searched as written{also} "
        "(see `kabar models`)."
    )
    terms = tuple((named[0] if named else topic).split())
    return TopicQuery(topic, topic, tuple(named), terms, (note,))


__all__ = ["TopicQuery", "english_topic", "prepare"]
