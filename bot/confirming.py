"""The /who-confirmed answer: the articles holding a figure, newest first from the figure index, and who gives it.

    await confirmed_answer(figures, articles, boilerplate, cpu, text=..., wanted=..., explain=False) -> Answer

`figures` is a bot.store.figures.FigureIndex, `articles` a bot.store.articles.ArticleStore,
`boilerplate` a bot.store.boilerplate.BoilerplateStore; `cpu(func, *args)` runs the claim
finder off the event loop. At most CLAIM_ARTICLE_LIMIT articles are read (the most recent),
in one query, with their learned boilerplate left out; how many hold the figure is counted
up to FIGURE_COUNT_CAP, so a figure in most of a million articles costs what a rare one does.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from bot.corpus.figures.query import other_units
from bot.corpus.figures.render import figure_label
from bot.models import Answer
from bot.plural import counted

#: how many articles /who-confirmed reads sources from (the most recent ones: highest ids)
CLAIM_ARTICLE_LIMIT = 40
#: /who-confirmed counts the articles holding a figure up to this many ("5,000 or more")
FIGURE_COUNT_CAP = 5000


async def confirmed_answer(
    figures: Any, articles: Any, boilerplate: Any, cpu: Any, *, text: str, wanted: Any, explain: bool
) -> Answer:
    """Who gives the figure `wanted` (asked as `text`) in the most recent articles holding it."""
    from bot.nlp.claims import claim_items, find_claims  # imported when first asked, like the service's engines

    chosen = await figures.newest_articles(wanted.value, vague_too=wanted.vague, limit=CLAIM_ARTICLE_LIMIT)
    holding = len(chosen)
    if len(chosen) == CLAIM_ARTICLE_LIMIT:  # there may be more: count them (up to a cap)
        holding = await figures.count_articles(wanted.value, vague_too=wanted.vague, cap=FIGURE_COUNT_CAP)
    if not chosen:  # no exact figure: the articles with a related vague quantity
        chosen = await figures.newest_articles(wanted.value, vague_too=True, limit=CLAIM_ARTICLE_LIMIT)
    chosen.sort(key=lambda a: (len(a), a))
    stored = await articles.sentences_of(chosen)
    learned = await boilerplate.among((a, s.index) for a in chosen for s in stored.get(a, ()))
    sentences = {  # an outlet's footer is not a source
        a: tuple(s for s in stored.get(a, ()) if (a, s.index) not in learned) for a in chosen
    }
    report = await cpu(find_claims, [(a, sentences[a]) for a in chosen], wanted)
    shown = figure_label(wanted, qualifier=False, noun=True)
    items = list(claim_items(report))
    main = [item for item in items if item.fields.get("kind") != "related"]
    related = [item for item in items if item.fields.get("kind") == "related"]
    notes: list[str] = []
    if not main:
        notes.append(f"No indexed sentence gives the figure {shown}.")
    left_out = other_units([f for a in chosen for s in sentences[a] for f in s.figures], wanted)
    if left_out:
        bare = figure_label(dataclasses.replace(wanted, unit=None), qualifier=False)
        notes.append(f"Left out: {bare} as {', '.join(left_out[:5])}; ask for {bare} alone to see every unit.")
    if holding > len(chosen):
        many = f"{FIGURE_COUNT_CAP:,} or more" if holding >= FIGURE_COUNT_CAP else f"{holding:,}"
        notes.append(f"The figure appears in {many} articles; sources are drawn from the {len(chosen)} most recent.")
    if related:
        label = "Related figures of that size" if wanted.vague else "Related vague quantities"
        notes.append(
            f"{label}: {counted(len(related), 'sentence')} ("
            + ", ".join(f"[{item.citations[0].ref}]" for item in related if item.citations)
            + ")."
        )
    meta: dict[str, Any] = {
        "figure": {"value": wanted.value, "text": shown, "qualifier": wanted.qualifier, "unit": wanted.unit},
        "related": related,
        "articles": chosen,
    }
    if explain:
        meta["explain"] = [m.explain() for m in report.matches]
    return Answer(command="who-confirmed", query=text, items=tuple(main), notes=tuple(notes), meta=meta)
