"""Scoring `/who-confirmed` answers against the judged attribution set (rules in README.md).

The engine is run through its stable seam: the article is written to a temporary
`NNN_<hash>.txt` and read with `bot.corpus.reader.read_article`, the query parsed with
`parse_figure` (from `bot.corpus.figures.query`, or `bot.corpus.figures` before the figure
reader became a package), then `bot.nlp.claims.find_claims` and `claim_items`.
`score_query` compares the returned `AnswerItem`s with one judged query and returns a
`Tally`; `score` does it for every query and sums the tallies per split. The corpus-wide
queries reuse the same rules item by item (`eval.attribution.corpus_score`).

Rules, in short:
- an item is *related* (left out) when its kind is "related"; it is *unnamed* when its
  label is empty or starts with "no source named", or its kind is "unattributed" or
  "medium"; every other item *names* a source;
- its label is `who`, `organization` and `source` joined, with "(via ...)" and
  "(reported by ...)" removed: an outlet that relayed a figure is never its source;
- an alias matches when, normalised (case, accents and punctuation folded), it occurs as
  whole words in the label or in the label without its parenthesised glosses; for a
  person the last word of the canonical name counts too (`eval.attribution.names`);
- a named item is right when it cites at least one judged mention, matches an alias of
  an expected source of every mention it cites, and contains none of their `must_not`;
  a right item whose `who` is not exactly an alias (role or place words folded into the
  name, "Mimika Eddy Santoso") is counted apart as a diagnostic, not as wrong; a right
  item is *clean* when its label also passes `eval.attribution.labels` for an expected
  source of every mention it cites;
- an expected source is found when an item citing its mention names a matching alias;
  stance and scope are then right when one such item carries the expected value
  (an Enum's value is compared; a missing scope counts as wrong);
- a mention without a source is right when some item cites it, none that cites it names
  a source, and one of them carries `stance_unnamed`; when its note is SPEAKER_OUTSIDE (a
  pronoun or "ujarnya" speaker its own sentence does not name) any unnamed answer is right;
- a mention's citation is right when some item (not related) cites its sentence.

Sentences are keyed by (kabar article id, 1-based sentence index) throughout.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bot.corpus.figures.query import parse_figure
from bot.corpus.reader import read_article
from bot.models import AnswerItem, Article, Figure
from bot.nlp.claims import claim_items, find_claims
from eval.attribution.judged import ExpectedSource, JudgedArticle, JudgedSet, Mention, Query
from eval.attribution.labels import label_problems
from eval.attribution.names import contains, exact_name, forbidden, names, normalise

UNNAMED_KINDS = frozenset({"unattributed", "medium"})
RELATED_KINDS = frozenset({"related"})
_RELAY = re.compile(r"\((?:via|reported by)\b[^)]*\)", re.IGNORECASE)
LABEL_FIELDS = ("who", "role", "organization", "source")

Key = tuple[str, int]  # (kabar article id, sentence index)


# --------------------------------------------------------------------------------------
# The engine seam
# --------------------------------------------------------------------------------------


def kabar_name(article: JudgedArticle, number: int) -> str:
    """The file name kabar reads the article from: `NNN_<16 hex of the IndoSum id>.txt`."""
    return f"{number:03d}_{hashlib.sha256(article.id.encode('utf-8')).hexdigest()[:16]}.txt"


def write_article(article: JudgedArticle, number: int, folder: Path) -> Path:
    """Write `article` as kabar's `NNN_<16 hex>.txt` in `folder` and return the path."""
    path = folder / kabar_name(article, number)
    path.write_text(article.kabar_text(), encoding="utf-8")
    return path


def read_judged(judged: JudgedSet) -> dict[str, Article]:
    """Every judged article as kabar reads it, by IndoSum id (numbered in file order from 000)."""
    with tempfile.TemporaryDirectory(prefix="kabar-judged-") as tmp:
        return {aid: read_article(write_article(a, n, Path(tmp))) for n, (aid, a) in enumerate(judged.articles.items())}


def parse_query(figure_text: str) -> Figure | None:
    """The query as kabar parses it (None when it is not a figure)."""
    return parse_figure(figure_text)


def engine_answer(article: Article, figure_text: str) -> tuple[AnswerItem, ...]:
    """kabar's who-confirmed items for `figure_text` asked of one article."""
    figure = parse_query(figure_text)
    if figure is None:
        raise ValueError(f"{figure_text!r} does not parse as a figure")
    return claim_items(find_claims([(article.id, article.sentences)], figure))


def quote_sentences(article: Article, quote: str) -> list[int]:
    """The 1-based indexes of the sentences holding `quote`, once per occurrence."""
    return [s.index for s in article.sentences for _ in range(s.text.count(quote))]


def mention_key(article: Article, mention: Mention) -> Key | None:
    """Where `mention` sits in `article`, or None when its quote is not in exactly one sentence."""
    found = quote_sentences(article, mention.quote)
    return (article.id, found[0]) if len(found) == 1 else None


# --------------------------------------------------------------------------------------
# Reading answer items
# --------------------------------------------------------------------------------------


def _value(raw: object) -> str | None:
    """A field as text: an Enum's value, a string stripped and lower-cased, None for nothing."""
    raw = getattr(raw, "value", raw)
    if raw is None:
        return None
    text = str(raw).strip().lower()
    return text or None


@dataclass(frozen=True)
class ItemView:
    """What scoring reads from one answer item."""

    text: str
    who: str  # the `who` field ("" when none)
    label: str  # who / organization / source, relays removed ("" when none)
    named: bool
    related: bool
    stance: str | None
    scope: str | None
    cited: frozenset[Key]  # (article, sentence) pairs cited
    fields: tuple[tuple[str, str], ...] = ()  # who / role / organization / source as text, for the clean-label check

    def field(self, name: str) -> str:
        return dict(self.fields).get(name, "")


def view(item: AnswerItem, article_id: str | None = None) -> ItemView:
    """Read one answer item for scoring; with `article_id`, only that article's citations count."""
    fields = item.fields
    parts = [str(fields.get(key) or "") for key in ("who", "organization", "source")]
    label = " | ".join(p for p in (_RELAY.sub("", part).strip(" ,;") for part in parts) if p)
    kind = _value(fields.get("kind"))
    named = bool(label) and not normalise(label).startswith("no source named") and kind not in UNNAMED_KINDS
    return ItemView(
        text=item.text,
        who=str(fields.get("who") or "").strip(),
        label=label,
        named=named,
        related=kind in RELATED_KINDS,
        stance=_value(fields.get("stance")),
        scope=_value(fields.get("scope")),
        cited=frozenset(
            (c.article, c.sentence) for c in item.citations if article_id is None or c.article == article_id
        ),
        fields=tuple((key, str(fields.get(key) or "")) for key in LABEL_FIELDS),
    )


# --------------------------------------------------------------------------------------
# Tallies
# --------------------------------------------------------------------------------------

COUNTS = (
    "queries",
    "mentions",
    "named",
    "named_right",
    "named_clean",
    "must_not_hits",
    "other_source_hits",
    "stray_named",
    "who_extra",
    "sentence_total",
    "sentence_found",
    "neighbour_total",
    "neighbour_found",
    "stance_total",
    "stance_right",
    "marked_total",
    "marked_right",
    "scope_total",
    "scope_right",
    "scope_missing",
    "unnamed_total",
    "unnamed_right",
    "outside_total",
    "outside_right",
    "citation_total",
    "citation_right",
    "noise_sentences",
    "noise_items",
    "related_exact",
    "not_read",
    "read_idle",
)


@dataclass(frozen=True)
class Failure:
    query: str
    what: str  # named-wrong | who-extra | unclean | missed | stance | scope | unnamed | citation | noise | related | not-read | read-idle
    expected: str
    got: str


@dataclass
class Tally:
    """Counts behind every measure, and the failures that explain them."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTS, 0))
    failures: list[Failure] = field(default_factory=list)

    def __getitem__(self, name: str) -> int:
        return self.counts[name]

    def bump(self, name: str, by: int = 1) -> None:
        self.counts[name] += by

    def add(self, other: Tally) -> Tally:
        for name, value in other.counts.items():
            self.counts[name] += value
        self.failures.extend(other.failures)
        return self

    def rate(self, right: str, total: str) -> float | None:
        """`right / total`, None when nothing was counted."""
        return self.counts[right] / self.counts[total] if self.counts[total] else None


MEASURES = (
    ("named precision", "named_right", "named"),
    ("named precision with clean labels", "named_clean", "named"),
    ("recall, source in the sentence", "sentence_found", "sentence_total"),
    ("recall, source in neighbouring sentences", "neighbour_found", "neighbour_total"),
    ("stance on found sources", "stance_right", "stance_total"),
    ("stance on found sources, not 'reported'", "marked_right", "marked_total"),
    ("scope on found sources", "scope_right", "scope_total"),
    ("'no source named' right", "unnamed_right", "unnamed_total"),
    ("citations", "citation_right", "citation_total"),
)


# --------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------


def _expected(mention: Mention) -> str:
    return " / ".join(s.name for s in mention.sources) or f"no source named ({mention.stance_unnamed})"


def _others(label: str, cited: Sequence[Mention], others: Iterable[ExpectedSource]) -> list[str]:
    """Canonical names of sources judged for other mentions of the query that the label holds,
    when they are not also names of a source of the mentions it cites."""
    own = [s for m in cited for s in m.sources]
    hits = []
    for other in others:
        if any(
            normalise(other.name) == normalise(s.name) or any(contains(a, other.name) for a in s.aliases) for s in own
        ):
            continue
        if contains(label, other.name):
            hits.append(other.name)
    return sorted(set(hits))


def _unclean(item: ItemView, cited: Sequence[Mention]) -> list[str]:
    """Why the label is not clean for every mention it cites (empty when it is clean)."""
    fields = dict(item.fields)
    reasons: list[str] = []
    for mention in cited:
        options = [label_problems(fields, s) for s in mention.sources if names(s, item.label)]
        if options and not any(not problems for problems in options):
            fewest = min(options, key=len)
            reasons.extend(fewest)
    return list(dict.fromkeys(reasons))


def score_named(
    query_id: str,
    item: ItemView,
    positions: Sequence[tuple[Mention, Key | None]],
    tally: Tally,
    others: Iterable[ExpectedSource] = (),
) -> None:
    """Score one item that names a source; `others` are the sources of the query's other
    mentions, whose names must not stand in a label for a mention they are not judged for."""
    cited = [m for m, at in positions if at is not None and at in item.cited]
    tally.bump("named")
    words = [w for m in cited for w in forbidden(m, item.label)]
    strangers = _others(item.label, cited, others)
    wrong = [m for m in cited if not any(names(s, item.label) for s in m.sources)]
    if words:
        tally.bump("must_not_hits")
    if strangers:
        tally.bump("other_source_hits")
    if not cited:
        tally.bump("stray_named")
    if cited and not wrong and not words and not strangers:
        tally.bump("named_right")
        if item.who and not any(exact_name(s, item.who) for m in cited for s in m.sources):
            tally.bump("who_extra")
            names_ = "; ".join(sorted({s.name for m in cited for s in m.sources}))
            tally.failures.append(Failure(query_id, "who-extra", f"who exactly a name of {names_}", item.who))
        reasons = _unclean(item, cited)
        if reasons:
            tally.failures.append(Failure(query_id, "unclean", "a clean label", f"{item.label}: {'; '.join(reasons)}"))
        else:
            tally.bump("named_clean")
        return
    if not cited:
        expected = "no sentence it cites states the figure"
    else:
        expected = "; ".join(f"«{m.quote}»: {_expected(m)}" for m in (wrong or cited))
    got = item.label + (f" (must not contain: {', '.join(words)})" if words else "")
    got += f" (names a source of another sentence: {', '.join(strangers)})" if strangers else ""
    tally.failures.append(Failure(query_id, "named-wrong", expected, got))


def score_source(query_id: str, mention: Mention, source: ExpectedSource, citing: list[ItemView], tally: Tally) -> None:
    tally.bump(f"{source.strength}_total")
    finders = [v for v in citing if v.named and names(source, v.label)]
    if not finders:
        got = "; ".join(f"{v.label or 'no source named'} ({v.stance})" for v in citing) or "not cited"
        tally.failures.append(Failure(query_id, "missed", f"«{mention.quote}»: {source.name} ({source.strength})", got))
        return
    tally.bump(f"{source.strength}_found")
    stance_ok = any(v.stance == source.stance for v in finders)
    tally.bump("stance_total")
    tally.bump("stance_right", int(stance_ok))
    if source.stance != "reported":
        tally.bump("marked_total")
        tally.bump("marked_right", int(stance_ok))
    if not stance_ok:
        tally.failures.append(
            Failure(
                query_id,
                "stance",
                f"{source.name}: {source.stance}",
                ", ".join(sorted({str(v.stance) for v in finders})),
            )
        )
    tally.bump("scope_total")
    if all(v.scope is None for v in finders):
        tally.bump("scope_missing")
    if any(v.scope == source.scope for v in finders):
        tally.bump("scope_right")
    else:
        tally.failures.append(
            Failure(
                query_id, "scope", f"{source.name}: {source.scope}", ", ".join(sorted({str(v.scope) for v in finders}))
            )
        )


def score_unnamed(query_id: str, mention: Mention, citing: list[ItemView], tally: Tally) -> None:
    """Right when an item cites the sentence, none citing it names a source, and one carries the
    wording's stance; for a speaker outside the sentence any unnamed answer is right."""
    tally.bump("unnamed_total")
    if mention.speaker_outside:
        tally.bump("outside_total")
    stance_ok = mention.speaker_outside or any(v.stance == mention.stance_unnamed for v in citing)
    if citing and not any(v.named for v in citing) and stance_ok:
        tally.bump("unnamed_right")
        tally.bump("outside_right", int(mention.speaker_outside))
        return
    got = "; ".join(f"{v.label if v.named else 'no source named'} ({v.stance})" for v in citing) or "not cited"
    tally.failures.append(Failure(query_id, "unnamed", f"«{mention.quote}»: {_expected(mention)}", got))


def score_mention(query_id: str, mention: Mention, at: Key | None, views: Sequence[ItemView], tally: Tally) -> None:
    """Citation, sources (recall, stance, scope) or "no source named" for one judged mention."""
    tally.bump("mentions")
    citing = [v for v in views if at is not None and at in v.cited]
    tally.bump("citation_total")
    if citing:
        tally.bump("citation_right")
    else:
        tally.failures.append(Failure(query_id, "citation", f"«{mention.quote}» cited", "not cited"))
    for source in mention.sources:
        score_source(query_id, mention, source, citing, tally)
    if not mention.sources:
        score_unnamed(query_id, mention, citing, tally)


def score_query(query: Query, article: Article, items: Iterable[AnswerItem]) -> Tally:
    """Compare the answer items for `query` with its judged mentions."""
    tally = Tally()
    tally.bump("queries")
    views = [v for v in (view(item, article.id) for item in items) if not v.related]
    positions = [(mention, mention_key(article, mention)) for mention in query.mentions]
    for item in views:
        if item.named:
            score_named(query.id, item, positions, tally)
    for mention, at in positions:
        score_mention(query.id, mention, at, views, tally)
    return tally


Engine = Callable[[Article, str], Sequence[AnswerItem]]


def score(judged: JudgedSet, engine: Engine = engine_answer, split: str | None = None) -> dict[str, Tally]:
    """Tallies for "tune", "held-out" and "all" (only the asked split and "all" when `split` is set)."""
    articles = read_judged(judged)
    tallies: dict[str, Tally] = {}
    for query in judged.in_split(split):
        tally = score_query(query, articles[query.article], engine(articles[query.article], query.figure))
        tallies.setdefault(query.split, Tally()).add(tally)
        tallies.setdefault("all", Tally()).add(tally)
    return tallies


__all__ = [
    "COUNTS",
    "MEASURES",
    "Failure",
    "ItemView",
    "Key",
    "Tally",
    "engine_answer",
    "exact_name",
    "forbidden",
    "kabar_name",
    "mention_key",
    "names",
    "normalise",
    "parse_query",
    "quote_sentences",
    "read_judged",
    "score",
    "score_mention",
    "score_named",
    "score_query",
    "score_source",
    "score_unnamed",
    "view",
    "write_article",
]
