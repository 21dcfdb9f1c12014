"""Translating every indexed article in one run (`kabar translate --all`): the batch that fills the cache."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from bot.models import Article, ArticleInfo, TranslationRun
from bot.translate.api import Translations

#: progress(article id being translated, sentences done so far, sentences in all)
Progress = Callable[[str, int, int], None]


async def translate_all(
    infos: Sequence[ArticleInfo],
    read: Callable[[str], Awaitable[Article]],
    translations: Translations,
    lang: str,
    *,
    export: bool = False,
    progress: Progress | None = None,
) -> TranslationRun:
    """Translate each listed article (read by id) to `lang`, from the cache where it can.

    Fails before any progress report when no model route leads to `lang`; with `export`,
    each article's review file is written too.
    """
    translations.route("id", lang)
    total = sum(i.sentences for i in infos)
    before = translations.decoded_sentences
    done = flagged = 0
    exported: list[str] = []
    for info in infos:
        if progress is not None:
            progress(info.id, done, total)
        article = await read(info.id)
        if export:
            exported.append(str(await translations.export_article(article, lang)))
        citations = await translations.translate_article(article, lang)
        done += len(citations)
        flagged += sum(1 for c in citations if c.flags)
    if progress is not None:
        progress("", total, total)
    return TranslationRun(
        articles=len(infos),
        sentences=done,
        decoded=translations.decoded_sentences - before,
        flagged=flagged,
        exported=tuple(exported),
    )
