"""Composing a digest: the articles indexed since a watermark, grouped into stories, each summarised.

    await compose_digest(kabar, since=watermark, local_date="2026-11-23") -> Digest
    group_stories(articles) -> list[list[Article]]   # near-duplicates together, biggest first
    story_of(group) -> Story                          # summary, figures and sources of one story

"What was indexed since the last digest" is tracked by a watermark per channel: the
newest `indexed_at` a digest covered. The first digest of a channel covers everything
indexed so far (at most MAX_DIGEST_ARTICLES of the newest are read). No Discord and no
scheduling here: bot.digest decides when a digest is due and posts it once.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from bot.corpus.boilerplate import without_boilerplate
from bot.corpus.figures.render import figure_label
from bot.corpus.segment import split_words
from bot.isotime import iso_utc
from bot.models import Article, Citation
from bot.nlp.language import content_stems
from bot.nlp.topic import Candidate, summarize_topic
from bot.seams import ArticleReader

log = logging.getLogger(__name__)

#: near-duplicate threshold on the Jaccard similarity of title+lead content-stem sets
STORY_SIMILARITY = 0.25
SUMMARY_SENTENCES = 3
#: a digest reads at most this many of the newest articles (grouping is quadratic)
MAX_DIGEST_ARTICLES = 200
MAX_FIGURES = 5


@dataclass(frozen=True)
class Story:
    """Near-duplicate articles told as one story."""

    title: str
    articles: tuple[str, ...]
    summary: tuple[Citation, ...]
    figures: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Digest:
    """One day's digest for one channel."""

    local_date: str
    stories: tuple[Story, ...] = ()
    watermark: str | None = None  # newest indexed_at covered
    articles: int = 0
    notes: tuple[str, ...] = field(default_factory=tuple)


def _words(text: str) -> set[str]:
    """The canonical content stems of `text` (the summariser's stop words, stemmer and synonyms)."""
    return set(content_stems(split_words(text)))


def _fingerprint(article: Article) -> tuple[set[str], set[float]]:
    lead = " ".join(s.text for s in article.sentences[:2])
    figures = {f.value for s in article.sentences for f in s.figures if not f.vague and f.value >= 100}
    return _words(f"{article.title} {lead}"), figures


def group_stories(articles: Sequence[Article], threshold: float = STORY_SIMILARITY) -> list[list[Article]]:
    """Group near-duplicates: Jaccard over title+lead content stems >= threshold, or
    a moderate word overlap (half the threshold) plus a shared exact figure (>= 100)."""
    prints = [_fingerprint(a) for a in articles]
    parent = list(range(len(articles)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(articles)):
        for j in range(i + 1, len(articles)):
            (wi, fi), (wj, fj) = prints[i], prints[j]
            union = wi | wj
            jaccard = len(wi & wj) / len(union) if union else 0.0
            if jaccard >= threshold or (jaccard >= threshold / 2 and fi & fj):
                parent[find(i)] = find(j)
    groups: dict[int, list[Article]] = {}
    for index, article in enumerate(articles):
        groups.setdefault(find(index), []).append(article)
    ordered = sorted(groups.values(), key=lambda g: (-len(g), min(a.id for a in g)))
    return [sorted(group, key=lambda a: a.id) for group in ordered]


def _candidates(group: Sequence[Article]) -> list[Candidate]:
    """Every article's sentences (learned boilerplate left out), leads first across the articles."""
    found = []
    for article in group:
        texts = [s.text for s in article.sentences]
        total = max(1, len(texts))
        for s in without_boilerplate(article).sentences:
            context = tuple(texts[max(0, s.index - 4) : s.index - 1])
            found.append(Candidate(article.id, s.index, s.text, (s.index - 1) / total, context))
    # the summary rates the first candidates it is given: every article's lead comes first
    return sorted(found, key=lambda c: (c.position, c.article, c.sentence))


def _summary_of(group: Sequence[Article], n: int) -> tuple[Citation, ...]:
    """The story's summary: the multi-article topic summary of its articles, as at most n cited sentences.

    An item shown after the sentence it needs cites both; an item that only reads on its
    own with an inserted name is left out (a digest line is one sentence as written).
    """
    try:
        picks = summarize_topic(_candidates(group), n=n + 2, method="news").items
    except Exception:
        log.warning("summariser failed for the story of %s; using its lead", group[0].id, exc_info=True)
        lead = group[0]
        return tuple(Citation(article=lead.id, sentence=s.index, text=s.text) for s in lead.sentences[:n])
    chosen: list[Citation] = []
    for pick in picks:
        if pick.named:
            continue
        cited = [c for c in (pick.before, pick.main) if c is not None]
        if len(chosen) + len(cited) > n:
            continue
        chosen += [Citation(article=c.article, sentence=c.sentence, text=c.text) for c in cited]
    return tuple(chosen)


def _figure_label(figure: Any) -> str:
    """'about 10,000 tentara', '20%': the figure in English notation with its counted noun."""
    return figure_label(figure, noun=True)


def story_of(group: Sequence[Article], n: int = SUMMARY_SENTENCES) -> Story:
    """A story: the multi-article summary of its articles, their figures, and every source."""
    main = max(group, key=lambda a: (len(a.sentences), -int(a.id) if a.id.isdigit() else 0))
    summary = _summary_of(group, n)
    figures: list[str] = []
    seen: set[float] = set()
    for article in [main, *[a for a in group if a is not main]]:
        for sentence in article.sentences[:6]:
            for figure in sentence.figures:
                if figure.vague or figure.value in seen or (figure.value < 10 and not figure.unit):
                    continue
                seen.add(figure.value)
                figures.append(_figure_label(figure))
    sources = tuple(f"{a.id} ({a.outlet})" if a.outlet else a.id for a in group)
    titled = [a for a in [main, *group] if not a.title_derived]
    return Story(
        title=(titled[0] if titled else main).title,
        articles=tuple(a.id for a in group),
        summary=summary,
        figures=tuple(figures[:MAX_FIGURES]),
        sources=sources,
    )


async def _in_english(kabar: ArticleReader, stories: list[Story]) -> list[Story]:
    """The stories with English beside their cited sentences when a model is installed."""
    cited = [c for story in stories for c in story.summary]
    if not cited:
        return stories
    try:
        english = iter(await kabar.in_english(cited))
    except Exception:
        log.warning("digest translation skipped", exc_info=True)
        return stories
    return [replace(story, summary=tuple(next(english) for _ in story.summary)) for story in stories]


async def compose_digest(kabar: ArticleReader, *, since: str | None, local_date: str) -> Digest:
    """Everything indexed after the `since` watermark, grouped into stories."""
    fresh = await kabar.articles(since=since)
    if not fresh:
        return Digest(local_date=local_date, watermark=since)
    newest = sorted(fresh, key=lambda i: (iso_utc(i.indexed_at), i.id), reverse=True)[:MAX_DIGEST_ARTICLES]
    notes: tuple[str, ...] = ()
    if len(fresh) > len(newest):
        more = len(fresh) - len(newest)
        notes = (f"{more} more article{'s were' if more != 1 else ' was'} indexed; see /articles.",)
    articles = [await kabar.article(info.id) for info in sorted(newest, key=lambda i: i.id)]
    stories = await asyncio.to_thread(lambda: [story_of(group) for group in group_stories(articles)])
    stories = await _in_english(kabar, stories)
    watermark = max(iso_utc(info.indexed_at) for info in fresh)
    if since is not None:
        watermark = max(watermark, since)
    return Digest(local_date=local_date, stories=tuple(stories), watermark=watermark, articles=len(fresh), notes=notes)
