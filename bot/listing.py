"""What the index holds, as shown to users: /articles, /show (one article), /search and the about facts.

articles_answer(infos) -> Answer          # one item per indexed article: "003  title"
show_answer(article) -> Answer            # every sentence of the article, cited
search_answer(query, hits) -> Answer      # the matching sentences, cited
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.models import Answer, AnswerItem, Article, ArticleInfo, SearchHit


def articles_answer(infos: Sequence[ArticleInfo]) -> Answer:
    """The indexed articles, one item each with its outlet and sentence count."""
    return Answer(
        command="articles",
        query="",
        items=tuple(
            AnswerItem(text=f"{i.id}  {i.title}", fields={"outlet": i.outlet, "sentences": i.sentences}) for i in infos
        ),
    )


def show_answer(art: Article) -> Answer:
    """One article as an answer: each sentence an item citing itself, the title as its note."""
    return Answer(
        command="show",
        query=art.id,
        items=tuple(AnswerItem.citing(art.id, s.index, s.text) for s in art.sentences),
        notes=(art.title,),
    )


def search_answer(query: str, hits: Sequence[SearchHit]) -> Answer:
    """The sentences matching `query`, each cited; a note when nothing matches."""
    return Answer(
        command="search",
        query=query,
        items=tuple(AnswerItem.citing(h.article, h.sentence, h.text) for h in hits),
        notes=() if hits else (f"Nothing matches {query!r}.",),
    )


def about_facts(infos: Sequence[ArticleInfo], status: dict[str, Any]) -> dict[str, str | int]:
    """Facts fit to show any user (no paths), from the indexed articles and the translation models' status."""
    models = [
        f"{p['from']}→{p['to']} {p['name']} {p['version']}" + ("" if p["ok"] else " (broken)")
        for p in status["packages"]
    ]
    newest = max((i.indexed_at for i in infos), default=None)
    return {
        "articles": len(infos),
        "sentences": sum(i.sentences for i in infos),
        "translation": ", ".join(models) if models else "no model installed (Indonesian originals shown)",
        "last indexed": newest[:16].replace("T", " ") + " UTC" if newest else "never",
    }
