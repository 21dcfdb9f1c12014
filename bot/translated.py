"""Translations in answers: /translate of one article, and English attached to other answers' citations.

    await translation_answer(translations, article, lang="en") -> Answer
    await with_english(translations, items, lang, shown=False) -> list[AnswerItem]
    translation_notes(translations, items, lang) -> list[str]   # "no model installed" when nothing was translated

`translations` is the bot.translate.api façade (sentence cache, installed models, decoding).
A failed translation of an answer is logged and the answer shown in Indonesian.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from bot.errors import QueryError, TranslationError
from bot.models import Answer, AnswerItem, Article, Citation
from bot.plural import counted

log = logging.getLogger(__name__)


async def translation_answer(translations: Any, art: Article, lang: str = "en") -> Answer:
    """The /translate answer: every sentence of `art` with its `lang` translation beside it."""
    lang = (lang or "en").strip().lower()
    if not lang.isalpha() or len(lang) > 8:
        raise QueryError(f"{lang[:20]!r} is not a language code; use a code such as en or de.")
    decoded_before = translations.decoded_sentences
    citations = await translations.translate_article(art, lang)
    decoded = translations.decoded_sentences - decoded_before
    items = tuple(AnswerItem(text=c.text_en or c.text, text_en=c.text_en, citations=(c,)) for c in citations)
    flagged = sum(1 for c in citations if c.flags)
    notes = [f"{counted(len(citations), 'sentence')}, {lang} beside the original."]
    if flagged:
        notes.append(
            f"{counted(flagged, 'sentence')} flagged: check the original beside {'it' if flagged == 1 else 'them'}."
        )
    notes += await translations.review_warnings(art, lang)
    return Answer(
        command="translate",
        query=art.id,
        items=items,
        notes=tuple(notes),
        meta={"article": art.id, "title": art.title, "lang": lang, "decoded": decoded},
    )


async def with_english(
    translations: Any, items: Sequence[AnswerItem], lang: str, shown: bool = False
) -> list[AnswerItem]:
    """Attach translations to every citation when a model for id->lang is installed.

    With `shown`, an item's own text is Indonesian as shown (a sentence with a marked
    change, or two sentences) and is translated as a whole.
    """
    items = list(items)
    lang = (lang or "en").lower()
    if not items or lang == "id" or not translations.available("id", lang):
        return items
    texts = sorted({c.text for item in items for c in item.citations} | ({i.text for i in items} if shown else set()))
    try:
        done = await translations.translate_texts(texts, src="id", tgt=lang)
    except TranslationError as exc:
        log.warning("translation skipped: %s", exc)
        return items
    by_text = dict(zip(texts, done))
    out = []
    for item in items:
        cites = tuple(
            Citation(
                article=c.article,
                sentence=c.sentence,
                text=c.text,
                text_en=by_text[c.text].text_en,
                provenance=by_text[c.text].provenance,
                flags=tuple(by_text[c.text].flags),
            )
            for c in item.citations
        )
        main_en = by_text[item.text].text_en if item.text in by_text else None
        out.append(AnswerItem(text=item.text, citations=cites, text_en=main_en or item.text_en, fields=item.fields))
    return out


def translation_notes(translations: Any, items: Sequence[AnswerItem], lang: str) -> list[str]:
    if lang == "id" or any(c.text_en for item in items for c in item.citations):
        return []
    if translations.available("id", lang):
        return []
    return [f"No id→{lang} translation model is installed: showing the Indonesian original (see `kabar models`)."]
