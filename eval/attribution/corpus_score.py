"""Scoring corpus-wide `/who-confirmed` answers: the whole corpus through kabar's service, as a user asks.

`ask_corpus(judged, figures)` writes every article of `articles.jsonl` to a temporary seeds
folder as `NNN_<16 hex>.txt` (NNN its line number from 000), indexes the folder with
`bot.service.Kabar` (Settings pointing at temporary state) and asks `who_confirmed(figure)`
for each figure, each of a fresh copy of the index (the service caches answers, and an
answer cached for one figure must not stand in for another). `score_answer` reads one answer the way a careful reader does, with the
per-article rules of `eval.attribution.score` item by item:

- the answer should cite every listed mention in the articles a user is shown: the
  `CLAIM_ARTICLE_LIMIT` (40) most recent articles that state the figure; a listed
  mention in an article the service did not read is a citation failure marked "not-read";
- a named item is right only when its label names an expected source of every judged
  mention it cites (in any article), holds none of their `must_not` words, and holds no
  canonical name of a source judged for another mention of the query that is not also a
  name of its own sources (two different people merged into one group, a name learned
  in one article resolving a bare name in another);
- a cited sentence that the annotation does not list but in which kabar's figure reader
  finds the figure is *noise* (printed: either the annotation missed it and the data is
  fixed, or the engine matched a sentence that does not state the figure); a listed
  sentence shown only among `meta["related"]` is printed too; related items never name;
- per split: a mention counts in its article's split; a named item in the split of the
  mentions it cites, or in "all" only when they come from both splits.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from bot.config import Settings
from bot.confirming import CLAIM_ARTICLE_LIMIT
from bot.corpus.figures.query import figures_match
from bot.corpus.figures.scan import find_figures
from bot.models import Answer, AnswerItem, Article, Figure
from bot.service import Kabar
from eval.attribution.judged import SPLITS, CorpusQuery, JudgedSet, split_for
from eval.attribution.score import (
    Failure,
    ItemView,
    Key,
    Tally,
    mention_key,
    parse_query,
    quote_sentences,
    read_judged,
    score_mention,
    score_named,
    view,
    write_article,
)

# --------------------------------------------------------------------------------------
# Asking the corpus through the service
# --------------------------------------------------------------------------------------


def _settings(folder: Path, seeds: Path, db: Path) -> Settings:
    return Settings(
        _env_file=None,
        seeds_dir=seeds,
        db=db,
        models_dir=folder / "argos-packages",
        translations_dir=folder / "translations",
    )


async def _ask(judged: JudgedSet, figures: Sequence[str], folder: Path) -> dict[str, Answer]:
    seeds = folder / "seeds"
    seeds.mkdir()
    for number, article in enumerate(judged.articles.values()):
        write_article(article, number, seeds)
    indexed = folder / "indexed" / "kabar.db"
    async with Kabar(_settings(folder, seeds, indexed)) as kabar:
        await kabar.index()
    answers = {}
    for number, figure in enumerate(dict.fromkeys(figures)):
        # each figure is asked of a fresh copy of the index, as the first question a new bot gets:
        # no answer cached for another figure can stand in for it
        db = folder / f"ask-{number}" / "kabar.db"
        db.parent.mkdir()
        for part in indexed.parent.glob(indexed.name + "*"):
            shutil.copy2(part, db.parent / part.name)
        async with Kabar(_settings(folder, seeds, db)) as kabar:
            answers[figure] = await kabar.who_confirmed(figure)
    return answers


def ask_corpus(judged: JudgedSet, figures: Iterable[str]) -> dict[str, Answer]:
    """kabar's who-confirmed answer for each figure, asked of the whole corpus as a user would."""
    with tempfile.TemporaryDirectory(prefix="kabar-corpus-") as tmp:
        return asyncio.run(_ask(judged, list(figures), Path(tmp)))


def _item(raw: object) -> AnswerItem:
    """An answer item, also from its JSON form (answers come back from the cache as plain data)."""
    if isinstance(raw, AnswerItem):
        return raw
    return AnswerItem.from_dict({"text": "", **dict(raw)})  # type: ignore[call-overload]


# --------------------------------------------------------------------------------------
# Reading one answer
# --------------------------------------------------------------------------------------


def most_recent(article_ids: Iterable[str], limit: int = CLAIM_ARTICLE_LIMIT) -> set[str]:
    """The `limit` highest kabar ids (ids grow with time), as the service chooses them."""
    return set(sorted(set(article_ids), key=lambda a: (len(a), a))[-limit:])


class _Splits:
    """Tallies per split and overall; a piece of scoring goes to its split(s) and to "all"."""

    def __init__(self) -> None:
        self.tallies = {name: Tally() for name in (*SPLITS, "all")}

    def put(self, tally: Tally, splits: Iterable[str]) -> None:
        chosen = set(splits)
        for name in (*SPLITS, "all"):
            if name == "all" or (len(chosen) == 1 and name in chosen):
                self.tallies[name].add(tally)


def _states(article: Article, index: int, figure_text: str) -> bool:
    """True when kabar's figure reader finds the queried figure in that sentence."""
    wanted = parse_query(figure_text)
    sentence = next((s for s in article.sentences if s.index == index), None)
    return (
        wanted is not None
        and sentence is not None
        and any(figures_match(found, wanted) for found in find_figures(sentence.text))
    )


def score_answer(
    query: CorpusQuery,
    answer: Answer,
    judged: JudgedSet,
    articles: Mapping[str, Article],
    limit: int = CLAIM_ARTICLE_LIMIT,
) -> dict[str, Tally]:
    """Tallies ("tune", "held-out", "all") for one corpus query's answer; `articles` by IndoSum id."""
    by_kabar = {judged.kabar_id(aid): aid for aid in judged.articles}
    positions = [(cm, mention_key(articles[cm.article], cm.mention)) for cm in query.mentions]
    listed = {key for _, key in positions if key is not None}
    shown = most_recent({judged.kabar_id(cm.article) for cm in query.mentions}, limit)
    read = {str(a) for a in answer.meta.get("articles", ())}
    main = [v for v in (view(_item(i)) for i in answer.items) if not v.related]
    related = [view(_item(i)) for i in answer.meta.get("related", ())]
    out = _Splits()
    out.tallies["all"].bump("queries")
    for split in {split_for(cm.article) for cm in query.mentions if judged.kabar_id(cm.article) in shown}:
        out.tallies[split].bump("queries")
    others = [s for cm in query.mentions for s in cm.mention.sources]
    plain = [(cm.mention, key) for cm, key in positions]
    for item in main:
        if item.named:
            tally = Tally()
            score_named(query.id, item, plain, tally, others)
            cited = {split_for(cm.article) for cm, key in positions if key in item.cited}
            out.put(tally, cited or {split_for(by_kabar[a]) for a, _ in item.cited if a in by_kabar})
    for cm, key in positions:
        if judged.kabar_id(cm.article) not in shown:
            continue
        tally = Tally()
        score_mention(query.id, cm.mention, key, main, tally)
        if key is not None and key[0] not in read:
            tally.bump("not_read")
            tally.failures.append(
                Failure(
                    query.id,
                    "not-read",
                    f"article {key[0]} read («{cm.mention.quote}»)",
                    "left out of the articles the answer was drawn from",
                )
            )
        out.put(tally, [split_for(cm.article)])
    _noise(query, main + related, listed, articles, by_kabar, out)
    _related(query, related, positions, out)
    idle = sorted(read - {judged.kabar_id(cm.article) for cm in query.mentions})
    for article in idle:
        tally = Tally()
        tally.bump("read_idle")
        out.put(tally, [split_for(by_kabar[article])] if article in by_kabar else [])
    if idle:
        tally = Tally()
        tally.failures.append(
            Failure(
                query.id,
                "read-idle",
                "only articles that state the figure are read",
                f"{len(idle)} read that state no listed {query.figure}: {', '.join(idle)}",
            )
        )
        out.put(tally, [])
    return out.tallies


def _noise(
    query: CorpusQuery,
    views: Sequence[ItemView],
    listed: set[Key],
    articles: Mapping[str, Article],
    by_kabar: Mapping[str, str],
    out: _Splits,
) -> None:
    """Cited sentences the annotation does not list but where kabar's figure reader sees the figure."""
    seen: dict[Key, Tally] = {}
    for item in views:
        noisy = sorted(
            key
            for key in item.cited - listed
            if key[0] in by_kabar and _states(articles[by_kabar[key[0]]], key[1], query.figure)
        )
        for key in noisy:
            if key not in seen:
                text = next(s.text for s in articles[by_kabar[key[0]]].sentences if s.index == key[1])
                seen[key] = Tally()
                seen[key].bump("noise_sentences")
                seen[key].failures.append(
                    Failure(
                        query.id,
                        "noise",
                        f"{key[0]}·{key[1]} listed, or not cited",
                        f"{item.label or 'no source named'}: «{text}»",
                    )
                )
        if noisy:
            tally = Tally()
            tally.bump("noise_items")
            out.put(tally, {split_for(by_kabar[a]) for a, _ in noisy})
    for key, tally in seen.items():
        out.put(tally, [split_for(by_kabar[key[0]])])


def _related(query: CorpusQuery, related: Sequence[ItemView], positions: Sequence[tuple], out: _Splits) -> None:
    for cm, key in positions:
        if key is not None and any(key in item.cited for item in related):
            tally = Tally()
            tally.bump("related_exact")
            tally.failures.append(
                Failure(
                    query.id,
                    "related",
                    f"«{cm.mention.quote}» among the answer's items",
                    "shown only as a related figure",
                )
            )
            out.put(tally, [split_for(cm.article)])


def score_corpus(judged: JudgedSet, answers: Mapping[str, Answer] | None = None) -> dict[str, Tally]:
    """Tallies for "tune", "held-out" and "all" over every corpus query (asked through the service
    unless `answers`, by figure, are given)."""
    articles = read_judged(judged)
    answers = answers if answers is not None else ask_corpus(judged, [q.figure for q in judged.corpus])
    total = {name: Tally() for name in (*SPLITS, "all")}
    for query in judged.corpus:
        for name, tally in score_answer(query, answers[query.figure], judged, articles).items():
            total[name].add(tally)
    return total


# --------------------------------------------------------------------------------------
# The two kinds of query agree
# --------------------------------------------------------------------------------------


def _judgement(mention) -> tuple:
    sources = tuple((s.name, s.kind, s.strength, s.stance, s.scope, s.aliases, s.bodies) for s in mention.sources)
    return sources, mention.stance_unnamed, tuple(sorted(mention.must_not))


def inconsistencies(judged: JudgedSet, articles: Mapping[str, Article] | None = None) -> list[str]:
    """Where the corpus queries and the per-article queries disagree, or a corpus quote is not
    found once: the same sentence judged two ways for the same value, a per-article query
    listing sentences the corpus query with that figure leaves out (or the other way round)."""
    articles = articles if articles is not None else read_judged(judged)
    found = []
    judgements: dict[tuple[str, int, float], tuple[str, tuple]] = {}

    def record(where: str, article: str, mention, value: float) -> None:
        key = mention_key(articles[article], mention)
        if key is None:
            found.append(f"{where}: «{mention.quote}» is not in exactly one sentence of {article}")
            return
        if judged.articles[article].text.count(mention.quote) != 1:
            found.append(f"{where}: «{mention.quote}» is not found exactly once in the text of {article}")
        slot = (article, key[1], value)
        if slot in judgements and judgements[slot][1] != _judgement(mention):
            found.append(f"{where}: sentence {key[1]} of {article} is judged differently in {judgements[slot][0]}")
        judgements.setdefault(slot, (where, _judgement(mention)))

    for query in judged.queries:
        value = _query_figure(query.figure).value
        for mention in query.mentions:
            record(query.id, query.article, mention, value)
    for query in judged.corpus:
        wanted = _query_figure(query.figure)
        for cm in query.mentions:
            record(query.id, cm.article, cm.mention, wanted.value)
        found += _coverage(judged, articles, query, wanted)
    return found


def _query_figure(text: str) -> Figure:
    """A judged query's figure (every judged query is one)."""
    figure = parse_query(text)
    if figure is None:
        raise ValueError(f"the judged query {text!r} is not a figure kabar reads")
    return figure


def _coverage(judged: JudgedSet, articles: Mapping[str, Article], query: CorpusQuery, wanted) -> list[str]:
    found = []
    mine = {(cm.article, *quote_at(articles[cm.article], cm.mention.quote)) for cm in query.mentions}
    for other in judged.queries:
        theirs = _query_figure(other.figure)
        if theirs.value != wanted.value or wanted.unit not in (None, theirs.unit):
            continue
        listed = {(other.article, *quote_at(articles[other.article], m.quote)) for m in other.mentions}
        here = {place for place in mine if place[0] == other.article}
        if not listed <= here or (wanted.unit == theirs.unit and listed != here):
            found.append(
                f"{query.id} and {other.id} list different sentences of {other.article}: "
                f"{sorted(p[1] for p in here)} and {sorted(p[1] for p in listed)}"
            )
    return found


def quote_at(article: Article, quote: str) -> tuple[int]:
    """The one sentence index holding `quote` (0 when it is not exactly one)."""
    found = quote_sentences(article, quote)
    return (found[0] if len(found) == 1 else 0,)


__all__ = ["ask_corpus", "inconsistencies", "most_recent", "score_answer", "score_corpus"]
