"""Scoring `/who-confirmed` answers against the judged attribution set (rules in README.md).

The engine is run through its stable seam: the article is written to a temporary
`NNN_<hash>.txt` and read with `bot.corpus.reader.read_article`, the query parsed with
`parse_figure` (from `bot.corpus.figures.query`, or `bot.corpus.figures` before the figure
reader became a package), then `bot.nlp.claims.find_claims` and `claim_items`.
`score_query` compares the returned `AnswerItem`s with one judged query and returns a
`Tally`; `score` does it for every query and sums the tallies per split.

Rules, in short:
- an item is *related* (left out) when its kind is "related"; it is *unnamed* when its
  label is empty or starts with "no source named", or its kind is "unattributed" or
  "medium"; every other item *names* a source;
- its label is `who`, `organization` and `source` joined, with "(via ...)" and
  "(reported by ...)" removed: an outlet that relayed a figure is never its source;
- an alias matches when, normalised (case, accents and punctuation folded), it occurs as
  whole words in the label or in the label without its parenthesised glosses; for a
  person the last word of the canonical name counts too;
- a named item is right when it cites at least one judged mention, matches an alias of
  an expected source of every mention it cites, and contains none of their `must_not`;
  a right item whose `who` is not exactly an alias (role or place words folded into the
  name, "Mimika Eddy Santoso") is counted apart as a diagnostic, not as wrong;
- an expected source is found when an item citing its mention names a matching alias;
  stance and scope are then right when one such item carries the expected value
  (an Enum's value is compared; a missing scope counts as wrong);
- a mention without a source is right when some item cites it, none that cites it names
  a source, and one of them carries `stance_unnamed`;
- a mention's citation is right when some item (not related) cites its sentence.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bot.corpus.reader import read_article
from bot.models import AnswerItem, Article, Figure
from bot.nlp.claims import claim_items, find_claims
from eval.attribution.judged import ExpectedSource, JudgedArticle, JudgedSet, Mention, Query

try:  # the figure reader as a package (bot/corpus/figures/query.py) ...
    from bot.corpus.figures.query import parse_figure
except ImportError:  # ... or as the single module it was when this set was made
    from bot.corpus.figures import parse_figure  # type: ignore[no-redef]

UNNAMED_KINDS = frozenset({"unattributed", "medium"})
RELATED_KINDS = frozenset({"related"})
_RELAY = re.compile(r"\((?:via|reported by)\b[^)]*\)", re.IGNORECASE)
_GLOSS = re.compile(r"\([^)]*\)")


# --------------------------------------------------------------------------------------
# The engine seam
# --------------------------------------------------------------------------------------


def write_article(article: JudgedArticle, number: int, folder: Path) -> Path:
    """Write `article` as kabar's `NNN_<16 hex>.txt` in `folder` and return the path."""
    path = folder / f"{number:03d}_{hashlib.sha256(article.id.encode('utf-8')).hexdigest()[:16]}.txt"
    path.write_text(article.kabar_text(), encoding="utf-8")
    return path


def read_judged(judged: JudgedSet) -> dict[str, Article]:
    """Every judged article as kabar reads it, by IndoSum id (numbered in file order)."""
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


# --------------------------------------------------------------------------------------
# Reading answer items
# --------------------------------------------------------------------------------------


def normalise(text: str) -> str:
    """Lower case, accents and punctuation folded to single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", bare).split())


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
    cited: frozenset[int]  # sentence indexes cited in the queried article


def view(item: AnswerItem, article_id: str) -> ItemView:
    """Read one answer item for scoring; only citations of `article_id` count."""
    fields = item.fields
    parts = [str(fields.get(key) or "") for key in ("who", "organization", "source")]
    label = " | ".join(p for p in (_RELAY.sub("", part).strip(" ,;") for part in parts) if p)
    kind = _value(fields.get("kind"))
    named = bool(label) and not normalise(label).startswith("no source named") and kind not in UNNAMED_KINDS
    return ItemView(
        text=item.text, who=str(fields.get("who") or "").strip(), label=label, named=named, related=kind in RELATED_KINDS,
        stance=_value(fields.get("stance")), scope=_value(fields.get("scope")),
        cited=frozenset(c.sentence for c in item.citations if c.article == article_id),
    )


def _contains(label: str, phrase: str) -> bool:
    needle = normalise(phrase)
    return bool(needle) and f" {needle} " in f" {normalise(label)} "


def names(source: ExpectedSource, label: str) -> bool:
    """True when `label` names `source`: an alias, or a person's surname, as whole words in the
    label or in the label with its parenthesised glosses removed ("KPU (Elections Commission) Jateng")."""
    aliases = [*source.aliases, *_surname(source)]
    labels = {label, _GLOSS.sub(" ", label)}
    return any(_contains(text, alias) for text in labels for alias in aliases)


def _surname(source: ExpectedSource) -> list[str]:
    last = source.name.split()[-1]
    return [last] if source.kind == "person" and len(last) >= 3 else []


def exact_name(source: ExpectedSource, who: str) -> bool:
    """True when `who` is exactly one of the source's aliases (or a person's surname), nothing more."""
    return normalise(who) in {normalise(alias) for alias in (*source.aliases, *_surname(source))}


def forbidden(mention: Mention, label: str) -> list[str]:
    """The `must_not` words of `mention` found in `label`."""
    return [word for word in mention.must_not if _contains(label, word)]


# --------------------------------------------------------------------------------------
# Tallies
# --------------------------------------------------------------------------------------

COUNTS = (
    "queries", "mentions", "named", "named_right", "must_not_hits", "stray_named", "who_extra",
    "sentence_total", "sentence_found", "neighbour_total", "neighbour_found",
    "stance_total", "stance_right", "marked_total", "marked_right", "scope_total", "scope_right", "scope_missing",
    "unnamed_total", "unnamed_right", "citation_total", "citation_right",
)


@dataclass(frozen=True)
class Failure:
    query: str
    what: str  # named-wrong | who-extra | missed | stance | scope | unnamed | citation
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

    def add(self, other: "Tally") -> "Tally":
        for name, value in other.counts.items():
            self.counts[name] += value
        self.failures.extend(other.failures)
        return self

    def rate(self, right: str, total: str) -> float | None:
        """`right / total`, None when nothing was counted."""
        return self.counts[right] / self.counts[total] if self.counts[total] else None


MEASURES = (
    ("named precision", "named_right", "named"),
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


def _score_named(query: Query, item: ItemView, positions: Sequence[tuple[Mention, int | None]], tally: Tally) -> None:
    cited = [m for m, at in positions if at is not None and at in item.cited]
    tally.bump("named")
    words = [w for m in cited for w in forbidden(m, item.label)]
    wrong = [m for m in cited if not any(names(s, item.label) for s in m.sources)]
    if words:
        tally.bump("must_not_hits")
    if not cited:
        tally.bump("stray_named")
    if cited and not wrong and not words:
        tally.bump("named_right")
        if item.who and not any(exact_name(s, item.who) for m in cited for s in m.sources):
            tally.bump("who_extra")
            names_ = "; ".join(sorted({s.name for m in cited for s in m.sources}))
            tally.failures.append(Failure(query.id, "who-extra", f"who exactly a name of {names_}", item.who))
        return
    if not cited:
        expected = "no sentence it cites states the figure"
    else:
        expected = "; ".join(f"«{m.quote}»: {_expected(m)}" for m in (wrong or cited))
    got = item.label + (f" (must not contain: {', '.join(words)})" if words else "")
    tally.failures.append(Failure(query.id, "named-wrong", expected, got))


def _score_source(query: Query, mention: Mention, source: ExpectedSource, citing: list[ItemView], tally: Tally) -> None:
    tally.bump(f"{source.strength}_total")
    finders = [v for v in citing if v.named and names(source, v.label)]
    if not finders:
        got = "; ".join(f"{v.label or 'no source named'} ({v.stance})" for v in citing) or "not cited"
        tally.failures.append(Failure(query.id, "missed", f"«{mention.quote}»: {source.name} ({source.strength})", got))
        return
    tally.bump(f"{source.strength}_found")
    stance_ok = any(v.stance == source.stance for v in finders)
    tally.bump("stance_total")
    tally.bump("stance_right", int(stance_ok))
    if source.stance != "reported":
        tally.bump("marked_total")
        tally.bump("marked_right", int(stance_ok))
    if not stance_ok:
        tally.failures.append(Failure(query.id, "stance", f"{source.name}: {source.stance}",
                                      ", ".join(sorted({str(v.stance) for v in finders}))))
    tally.bump("scope_total")
    if all(v.scope is None for v in finders):
        tally.bump("scope_missing")
    if any(v.scope == source.scope for v in finders):
        tally.bump("scope_right")
    else:
        tally.failures.append(Failure(query.id, "scope", f"{source.name}: {source.scope}",
                                      ", ".join(sorted({str(v.scope) for v in finders}))))


def _score_unnamed(query: Query, mention: Mention, citing: list[ItemView], tally: Tally) -> None:
    tally.bump("unnamed_total")
    if citing and not any(v.named for v in citing) and any(v.stance == mention.stance_unnamed for v in citing):
        tally.bump("unnamed_right")
        return
    got = "; ".join(f"{v.label if v.named else 'no source named'} ({v.stance})" for v in citing) or "not cited"
    tally.failures.append(Failure(query.id, "unnamed", f"«{mention.quote}»: {_expected(mention)}", got))


def score_query(query: Query, article: Article, items: Iterable[AnswerItem]) -> Tally:
    """Compare the answer items for `query` with its judged mentions."""
    tally = Tally()
    tally.bump("queries")
    views = [v for v in (view(item, article.id) for item in items) if not v.related]
    positions = []
    for mention in query.mentions:
        found = quote_sentences(article, mention.quote)
        positions.append((mention, found[0] if len(found) == 1 else None))
    for item in views:
        if item.named:
            _score_named(query, item, positions, tally)
    for mention, at in positions:
        tally.bump("mentions")
        citing = [v for v in views if at is not None and at in v.cited]
        tally.bump("citation_total")
        if citing:
            tally.bump("citation_right")
        else:
            tally.failures.append(Failure(query.id, "citation", f"«{mention.quote}» cited", "not cited"))
        for source in mention.sources:
            _score_source(query, mention, source, citing, tally)
        if not mention.sources:
            _score_unnamed(query, mention, citing, tally)
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
    "COUNTS", "Failure", "ItemView", "MEASURES", "Tally", "engine_answer", "exact_name", "forbidden", "names", "normalise",
    "parse_query", "quote_sentences", "read_judged", "score", "score_query", "view", "write_article",
]
