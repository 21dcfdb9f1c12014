"""Summary answers: /summary of a topic across the index, and /summarize of pasted text.

    await summary_answer(search, articles, boilerplate, cpu, translations, topic=..., n=3, method="news") -> Answer
    await text_summary(cpu, text, sentences=3, method=None) -> Answer

`search` is a bot.store.search.SentenceSearch, `articles` a bot.store.articles.ArticleStore,
`boilerplate` a bot.store.boilerplate.BoilerplateStore, `translations` the bot.translate.api
façade (an English topic is translated when `translate`); `cpu(func, *args)` runs the
summariser off the event loop. At most RETRIEVAL_LIMIT sentences are retrieved for a topic.
"""

from __future__ import annotations

from typing import Any

from bot.errors import QueryError
from bot.models import Answer, AnswerItem, Citation
from bot.plural import counted

#: how many sentences a topic retrieval feeds the summariser at most (the best ranked; the
#: summariser's cost grows faster than linearly beyond ~200)
RETRIEVAL_LIMIT = 200


async def summary_answer(
    search: Any,
    articles: Any,
    boilerplate: Any,
    cpu: Any,
    translations: Any,
    *,
    topic: str,
    n: int,
    method: str,
    translate: bool = False,
) -> Answer:
    """The /summary answer for a checked `topic`: `n` sentences chosen by `method` from the matching ones."""
    from bot.nlp.standalone import needs_context
    from bot.nlp.topic import Candidate, summarize_topic
    from bot.topic_query import names_topic, prepare

    query = await prepare(topic, translations, translate)
    hits = await search.search(query.searched, limit=RETRIEVAL_LIMIT, variants=query.variants)
    learned = await boilerplate.among((h.article, h.sentence) for h in hits)
    hits = [h for h in hits if (h.article, h.sentence) not in learned]  # an outlet's footer is not news
    apart = bool(hits) and not names_topic([h.text for h in hits], query)
    close = await search.suggest(topic) if not hits or apart or len(topic.split()) > 1 else []
    # a topic no sentence names whole has no match, unless a word of it is in no article at all
    # (misspelt: "kursk pentagen" answers on kursk and offers Pentagon)
    if not hits or (apart and not close):
        note = f"No indexed article mentions {topic!r}" + (" as a whole, only some of its words." if apart else ".")
        if close:
            note += " Close terms: " + ", ".join(close) + "."
        return Answer(command="summary", query=topic, notes=(note, *query.notes), meta={"suggestions": close})
    sizes = await articles.sentence_counts({h.article for h in hits})
    # a sentence opening with "Ia ...", "Laporan ini ..." or an unnamed quote is shown with what it needs
    contexts = await articles.sentences_before((h.article, h.sentence) for h in hits if needs_context(h.text))
    candidates = [
        Candidate(
            article=h.article,
            sentence=h.sentence,
            text=h.text,
            position=(h.sentence - 1) / max(1, sizes.get(h.article, 1)),
            context=contexts.get((h.article, h.sentence), ()),
        )
        for h in hits
    ]
    result = await cpu(summarize_topic, candidates, n=n, method=method, query_terms=query.terms, names=query.variants)
    items = []
    for pick in result.items:
        shown = [c for c in (pick.before, pick.main) if c is not None]
        cites = [Citation(article=c.article, sentence=c.sentence, text=c.text) for c in [*shown, *pick.also]]
        also = sorted({c.article for c in pick.also if c.article != pick.main.article})
        fields: dict[str, Any] = {"also_reported_by": also} if also else {}
        items.append(AnswerItem(text=pick.text, citations=tuple(cites), fields=fields))
    used = sorted({c.article for item in items for c in item.citations}, key=lambda a: (len(a), a))
    kept = 100.0 * result.words_out / max(1, result.words_in)
    shown_used = ", ".join(used[:12]) + (f" and {len(used) - 12} more" if len(used) > 12 else "")
    notes = [
        (
            f"{counted(len(items), 'sentence')} from {counted(len(used), 'article')} ({shown_used}): {result.words_out} of the "
            f"{result.words_in} words in the {len(hits)} matching sentences ({kept:.0f}% kept)."
        ),
        "Keywords: " + ", ".join(result.keywords) + ".",
        *query.notes,
    ]
    if close:  # some words found nothing ("Prabowo Subiyanto"): say what they may have meant
        notes.append("Some words of the topic are in no article; close terms: " + ", ".join(close) + ".")
    return Answer(
        command="summary",
        query=topic,
        items=tuple(items),
        notes=tuple(notes),
        meta={
            "method": method,
            "keywords": list(result.keywords),
            "articles": used,
            "words_in": result.words_in,
            "words_out": result.words_out,
            "reduction": round(kept, 1),
            "suggestions": close,
        },
    )


async def text_summary(cpu: Any, text: str, sentences: int = 3, method: str | None = None) -> Answer:
    """The /summarize answer: `sentences` sentences of a pasted text, chosen by a single-article `method`."""
    from bot.corpus.reader import parse_article
    from bot.nlp.summarize import SINGLE_METHODS, summarize_sentences

    method = (method or "news").lower()
    if method not in SINGLE_METHODS:
        raise QueryError(f"Unknown method {method!r}; choose one of: {', '.join(SINGLE_METHODS)}.")
    if not 1 <= sentences <= 50:
        raise QueryError("Ask for between 1 and 50 sentences.")
    if not (text or "").strip():
        raise QueryError("The text is empty: nothing to summarise.")
    parsed = await cpu(parse_article, text, "input")
    parts = [s.text for s in parsed.sentences]
    chosen = await cpu(summarize_sentences, parts, n=sentences, method=method)
    items = tuple(AnswerItem.citing("input", i + 1, parts[i]) for i in chosen)
    words_in = sum(len(p.split()) for p in parts)
    words_out = sum(len(item.text.split()) for item in items)
    return Answer(
        command="summarize",
        query="",
        items=items,
        notes=(
            f"{len(items)} of {counted(len(parts), 'sentence')}; {100.0 * words_out / max(1, words_in):.0f}% of words kept.",
        ),
        meta={"method": method, "sentences_in": len(parts), "words_in": words_in, "words_out": words_out},
    )
