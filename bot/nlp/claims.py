"""Claims about one figure: the sentences that state it, grouped by who stands behind them.

`find_claims(articles, figure)` takes (article id, the article's full sentence list) pairs
and the figure asked about. A sentence matches when one of its figures has the same exact
value (any notation; its qualifier such as "about" or "more than" is kept); vague
quantities whose order of magnitude covers the figure ("puluhan ribu", "ribuan") are
listed apart as `related`. A vague query ("puluhan ribu") matches the same vague quantity
and lists exact figures it could stand for as related. Every match is attributed (`bot.nlp.attribution`), its source
resolved to a canonical entity (`bot.nlp.entities`), and the matches grouped by entity:
confirmed first, then reported, claimed, unverified, denied; then by number of citations.

Grouping decisions:
- a spokesperson or an unnamed official counts for their organisation (the Pentagon's
  spokesperson is the Pentagon); a named head (NATO's Secretary General) is a person;
- unnamed sources of one affiliation are one group ("unnamed Western official/diplomat"):
  anonymous people cannot be told apart, and counting them twice would overstate how many
  independent sources confirmed the figure;
- a source that denies is grouped apart from the same source affirming, so a denier is
  never listed among confirmers; an outlet is only ever a `via`.

`claim_items(report)` turns a report into `AnswerItem`s for the who-confirmed answer;
`explain(match)` (also `match.explain()`) gives the spans that produced one attribution as
a JSON-ready dict for `--explain`, and `explain_line(match)` the same as one line of text.
Pure and synchronous; no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.corpus.figures.query import figures_match, figures_related
from bot.corpus.figures.render import figure_field, figure_label
from bot.models import AnswerItem, Citation, Figure, Sentence
from bot.nlp.attribution import STANCES, Attribution, attribute, sources_in
from bot.nlp.entities import Entity, EntityResolver, Source, anonymous_group_name, parse_source

_STANCE_RANK = {stance: i for i, stance in enumerate(STANCES)}


@dataclass(frozen=True)
class ClaimMatch:
    """One sentence that states the figure (or a related vague quantity), attributed."""

    article: str
    sentence: int  # 1-based index within the article
    text: str
    figure: Figure  # the figure as written in this sentence (qualifier kept)
    attribution: Attribution
    source_sentence: int | None = None  # 1-based index of the sentence naming the source, when another
    source_sentence_text: str | None = None
    cue_sentence_text: str | None = None  # the text of the sentence holding the cue, when another
    source_name: str | None = None  # the canonical source's English name, once resolved
    source_key: str | None = None

    @property
    def ref(self) -> str:
        return f"{self.article}·{self.sentence}"

    def explain(self) -> dict[str, object]:
        """The figure, cue and source spans behind this match, as data (see `explain`)."""
        return explain(self)


@dataclass(frozen=True)
class SourceGroup:
    """Every match that one canonical source stands behind, with one stance."""

    key: str
    name: str  # English display name, with the media it came through
    who: str | None
    role: str | None
    organization: str | None
    stance: str
    cues: tuple[str, ...]
    via: tuple[str, ...]
    matches: tuple[ClaimMatch, ...]
    kind: str = "organization"  # person | organization | anonymous | country | medium | role

    @property
    def display(self) -> str:
        """Same as `name`: the English display name with its media."""
        return self.name


@dataclass(frozen=True)
class ClaimReport:
    """The answer to "who confirmed <figure>?" as data."""

    figure: Figure
    groups: tuple[SourceGroup, ...] = ()
    unattributed: tuple[ClaimMatch, ...] = ()
    related: tuple[ClaimMatch, ...] = ()

    @property
    def confirmers(self) -> tuple[SourceGroup, ...]:
        return tuple(g for g in self.groups if g.stance == "confirmed")

    @property
    def matches(self) -> tuple[ClaimMatch, ...]:
        return tuple(m for g in self.groups for m in g.matches) + self.unattributed


def find_claims(articles: Sequence[tuple[str, Sequence[Sentence]]], figure: Figure) -> ClaimReport:
    """Group every sentence stating `figure` by its canonical source; see the module docstring."""
    resolver = EntityResolver()
    # syndicated copies repeat sentences word for word: attribute each context once per call
    seen: dict[tuple[object, ...], Attribution] = {}
    exact: list[ClaimMatch] = []
    related: list[ClaimMatch] = []
    for article_id, sentences in articles:
        for pos, sentence in enumerate(sentences):
            hit = next((f for f in sentence.figures if _same(f, figure)), None)
            if hit is not None:
                exact.append(_match(article_id, sentences, pos, hit, seen))
                continue
            near = next((f for f in sentence.figures if f.vague and figures_related(f, figure)), None)
            if near is None and figure.vague:
                near = next((f for f in sentence.figures if figures_related(f, figure)), None)
            if near is not None:
                related.append(_match(article_id, sentences, pos, near, seen))

    # learn every person seen with a role in the articles concerned, so that a bare
    # "Rutte" resolves to "Sekjen NATO, Mark Rutte"
    for match in exact + related:
        if match.attribution.source is not None:
            resolver.learn(match.attribution.source, scope=match.article)
    _learn_bare_names(resolver, exact + related, articles)

    related = [_resolved(m, resolver) for m in related]
    buckets: dict[tuple[str, str], list[tuple[ClaimMatch, Entity]]] = {}
    unattributed: list[ClaimMatch] = []
    for match in exact:
        att = match.attribution
        if att.source is None and not att.via:
            unattributed.append(match)
            continue
        if att.source is None:
            entity = Entity(key="via:" + "+".join(att.via), name="no source named", kind="medium")
        else:
            entity = resolver.resolve(att.source, scope=match.article)
        match = replace(match, source_name=entity.name, source_key=entity.key)
        polarity = "denied" if att.stance == "denied" else "affirmed"
        buckets.setdefault((entity.key, polarity), []).append((match, entity))
        if att.disputed_by is not None and att.disputed_by.source is not None:
            denier = resolver.resolve(att.disputed_by.source, scope=match.article)
            index = match.sentence + 1
            denial_text = _sentence_text(articles, match.article, index)
            denial = replace(match, attribution=att.disputed_by, source_name=denier.name, source_key=denier.key,
                             source_sentence=index if denial_text else None, source_sentence_text=denial_text,
                             cue_sentence_text=denial_text)
            buckets.setdefault((denier.key, "denied"), []).append((denial, denier))

    groups = [_group(key, members) for (key, _), members in buckets.items()]
    first_seen = {g.key + g.stance: i for i, g in enumerate(groups)}
    groups.sort(key=lambda g: (_STANCE_RANK.get(g.stance, 9), -len(g.matches), first_seen[g.key + g.stance]))
    return ClaimReport(figure=figure, groups=tuple(groups), unattributed=tuple(unattributed), related=tuple(related))


def _same(found: Figure, wanted: Figure) -> bool:
    """Same exact value; for a vague query ("puluhan ribu") the same vague quantity."""
    if wanted.vague:
        return found.vague and found.value == wanted.value and found.magnitude == wanted.magnitude
    return figures_match(found, wanted)


def _sentence_text(articles: Sequence[tuple[str, Sequence[Sentence]]], article: str, index: int) -> str | None:
    for article_id, sentences in articles:
        if article_id == article:
            return next((s.text for s in sentences if s.index == index), None)
    return None


def _resolved(match: ClaimMatch, resolver: EntityResolver) -> ClaimMatch:
    if match.attribution.source is None:
        return match
    entity = resolver.resolve(match.attribution.source, scope=match.article)
    return replace(match, source_name=entity.name, source_key=entity.key)


def _match(
    article_id: str, sentences: Sequence[Sentence], pos: int, fig: Figure, seen: dict[tuple[object, ...], Attribution]
) -> ClaimMatch:
    # everything attribute() may read: this sentence, the ones before (pronouns, reports, an open
    # quotation) and after (a quotation's speaker, a back-reference)
    window = tuple(s.text for s in sentences[max(0, pos - 12): pos + 7])
    key = (pos, len(sentences) > pos + 1, window, fig.text, fig.start, fig.end)
    att = seen.get(key)
    if att is None:
        att = seen[key] = attribute(sentences, pos, figure=fig)
    src_pos = att.source_sentence if att.source_sentence is not None else att.cue_sentence
    borrowed = src_pos is not None and src_pos != pos
    return ClaimMatch(
        article=article_id,
        sentence=sentences[pos].index,
        text=sentences[pos].text,
        figure=fig,
        attribution=att,
        source_sentence=sentences[src_pos].index if borrowed and src_pos is not None else None,
        source_sentence_text=sentences[src_pos].text if borrowed and src_pos is not None else None,
        cue_sentence_text=(sentences[att.cue_sentence].text
                           if att.cue_sentence is not None and att.cue_sentence != pos else None),
    )


def _learn_bare_names(
    resolver: EntityResolver, matches: list[ClaimMatch], articles: Sequence[tuple[str, Sequence[Sentence]]]
) -> None:
    bare = {
        (m.article, m.attribution.source.who)
        for m in matches
        if m.attribution.source is not None and m.attribution.source.kind == "person"
        and m.attribution.source.who and not m.attribution.source.role and not m.attribution.source.organization
    }
    if not bare:
        return
    for scope, name in sorted(bare):
        if resolver.knows(name, scope):
            continue
        # the name's own article first: a bare first name is someone introduced there
        ordered = sorted(articles, key=lambda pair: pair[0] != scope)
        for article_id, sentences in ordered:
            for sentence in sentences:
                if name not in sentence.text:
                    continue
                for source in sources_in(sentence.text):
                    resolver.learn(source, scope=article_id)
                # a name with its role outside any reporting verb ("... oleh Sekjen NATO, Mark Rutte")
                _learn_from_mention(resolver, sentence.text, name, article_id)
                if resolver.knows(name, scope):
                    break
            if resolver.knows(name, scope):
                break


def _learn_from_mention(resolver: EntityResolver, text: str, name: str, scope: str | None = None) -> None:
    """Learn "Sekjen NATO, Mark Rutte" from the words just before a full-name mention."""
    idx = text.find(name)
    while idx >= 0:
        window = text[max(0, idx - 90): idx]
        for stop in ("oleh", "bahwa", ".", ";", "dari", "kata", "ujar", "menurut"):
            cut = window.rfind(stop)
            if cut >= 0:
                window = window[cut + len(stop):]
        words = window.split()
        full = _full_name_at(text, idx)
        for start in range(max(0, len(words) - 10), len(words)):
            source = parse_source(" ".join(words[start:]) + " " + full)
            if source is not None and source.kind == "person" and source.role and source.who and name in source.who:
                resolver.learn(source, scope=scope)
                break
        idx = text.find(name, idx + len(name))


def _full_name_at(text: str, idx: int) -> str:
    words = []
    for word in text[idx:].split():
        bare = word.strip(",.;:)(")
        if not bare[:1].isupper():
            break
        words.append(bare)
        if word.endswith((",", ".", ";")):
            break
    return " ".join(words)


def _group(key: str, members: list[tuple[ClaimMatch, Entity]]) -> SourceGroup:
    matches = tuple(m for m, _ in members)
    entity = members[0][1]
    stance = min((m.attribution.stance for m in matches), key=lambda s: _STANCE_RANK.get(s, 9))
    cues = tuple(dict.fromkeys(m.attribution.cue for m in matches if m.attribution.cue))
    via = tuple(dict.fromkeys(v for m in matches for v in m.attribution.via))
    who, role, organization = entity.who, entity.role, entity.organization
    name = entity.name
    if entity.kind == "anonymous":
        roles = tuple(dict.fromkeys(m.attribution.role or "source" for m in matches))
        affiliation = _affiliation(matches[0].attribution.source)
        name = anonymous_group_name(affiliation, roles)
        role = "/".join(roles)
    elif entity.kind == "medium":
        name = "no source named (reported by " + ", ".join(via) + ")"
        return SourceGroup(key, name, None, None, None, stance, cues, via, matches, kind="medium")
    if via:
        name = f"{name} (via {', '.join(via)})"
    return SourceGroup(key, name, who, role, organization, stance, cues, via, matches, kind=entity.kind)


def _affiliation(source: Source | None) -> str:
    if source is None:
        return "unidentified"
    return source.affiliation or source.organization or "unidentified"


# --------------------------------------------------------------------------------------
# Presenting as data
# --------------------------------------------------------------------------------------


def _figure_field(fig: Figure) -> dict[str, object]:
    return figure_field(fig)


def claim_items(report: ClaimReport) -> tuple[AnswerItem, ...]:
    """One AnswerItem per source group, then one per unattributed and related sentence.

    Each item's `fields` hold who, role, organization, stance, cue, via and figure (value
    and qualifier), as the who-confirmed JSON contract asks; citations hold the figure's
    sentence and, when the source stood in a neighbouring sentence, that sentence too.
    """
    items: list[AnswerItem] = []
    for group in report.groups:
        figures = tuple(dict.fromkeys(figure_label(m.figure) for m in group.matches))
        text = f"{group.name} — {group.stance}: {'; '.join(figures)}"
        items.append(AnswerItem(
            text=text,
            citations=_citations(group.matches),
            fields={
                "who": group.who, "role": group.role, "organization": group.organization,
                "stance": group.stance, "cue": ", ".join(group.cues) or None, "via": list(group.via),
                "figure": _figure_field(group.matches[0].figure), "source": group.name, "kind": group.kind,
            },
        ))
    for match in report.unattributed:
        att = match.attribution
        items.append(AnswerItem(
            text=f"no source named — {att.stance}: {figure_label(match.figure)}",
            citations=_citations((match,)),
            fields={"who": None, "role": None, "organization": None, "stance": att.stance,
                    "cue": att.cue, "via": list(att.via), "figure": _figure_field(match.figure),
                    "source": None, "kind": "unattributed"},
        ))
    for match in report.related:
        att = match.attribution
        who = match.source_name
        items.append(AnswerItem(
            text=f"related: {figure_label(match.figure)}" + (f" ({who}, {att.stance})" if who else ""),
            citations=_citations((match,)),
            fields={"who": att.who, "role": att.role, "organization": att.organization, "stance": att.stance,
                    "cue": att.cue, "via": list(att.via), "figure": _figure_field(match.figure),
                    "source": who, "kind": "related"},
        ))
    return tuple(items)


def _citations(matches: Sequence[ClaimMatch]) -> tuple[Citation, ...]:
    cites: list[Citation] = []
    seen: set[tuple[str, int]] = set()
    for m in matches:
        att = m.attribution
        cue_index = m.sentence + att.cue_sentence - att.position if m.cue_sentence_text and att.cue_sentence is not None else None
        # the sentence, the one naming the source, and the one holding the cue ('"...," katanya')
        for index, text in ((m.sentence, m.text), (m.source_sentence, m.source_sentence_text), (cue_index, m.cue_sentence_text)):
            if index is None or text is None or (m.article, index) in seen:
                continue
            seen.add((m.article, index))
            cites.append(Citation(article=m.article, sentence=index, text=text))
    return tuple(cites)


def explain(match: ClaimMatch) -> dict[str, object]:
    """The spans that produced one attribution, as data for `--explain` (JSON-ready).

    Keys: ref, figure (the figure's text) and figure_span; cue (as written), cue_lemma,
    cue_span and cue_sentence (1-based); source (the Indonesian phrase), source_span and
    source_sentence; via; stance; note. Spans are [start, end) character offsets into the
    sentence they name; a missing part is None.
    """
    att = match.attribution
    offset = match.sentence - att.position  # 1-based index = 0-based position + offset
    cue_text = match.cue_sentence_text if att.cue_sentence not in (None, att.position) else match.text
    source_text = _text_at(match, att.source_sentence)
    return {
        "ref": match.ref,
        "figure": _span(match.text, att.figure_span) if att.figure_span else match.figure.text,
        "figure_span": list(att.figure_span) if att.figure_span else None,
        "cue": _span(cue_text, att.cue_span) if att.cue_span and cue_text else None,
        "cue_lemma": att.cue,
        "cue_span": list(att.cue_span) if att.cue_span else None,
        "cue_sentence": att.cue_sentence + offset if att.cue_sentence is not None else None,
        "source": _span(source_text, att.source_span) if att.source_span and source_text else None,
        "source_span": list(att.source_span) if att.source_span else None,
        "source_sentence": att.source_sentence + offset if att.source_sentence is not None else None,
        "via": list(att.via),
        "stance": att.stance,
        "note": att.note,
    }


def _text_at(match: ClaimMatch, position: int | None) -> str | None:
    if position is None:
        return None
    if position == match.attribution.position:
        return match.text
    return match.source_sentence_text


def explain_line(match: ClaimMatch) -> str:
    """The spans that produced one attribution: figure, cue and source, marked in the text."""
    att = match.attribution
    parts = [f"{match.ref} figure «{_span(match.text, att.figure_span)}»"]
    cue_text = match.cue_sentence_text if att.cue_sentence is not None and att.cue_sentence != att.position else match.text
    if att.cue_span and cue_text:
        where = "" if att.cue_sentence in (None, att.position) else (
            " (next sentence)" if att.cue_sentence == att.position + 1 else
            " (later sentence)" if att.cue_sentence is not None and att.cue_sentence > att.position else " (earlier sentence)")
        parts.append(f"cue «{_span(cue_text, att.cue_span)}»{where} = {att.cue}")
    else:
        parts.append("no cue")
    if att.source_span is not None and att.source_sentence is not None:
        text = match.text if att.source_sentence == att.position else (match.source_sentence_text or "")
        where = "" if att.source_sentence == att.position else (
            " (next sentence)" if att.source_sentence == att.position + 1 else
            " (later sentence)" if att.source_sentence > att.position else " (earlier sentence)")
        parts.append(f"source «{_span(text, att.source_span)}»{where}")
    else:
        parts.append("no source")
    if att.via:
        parts.append("via " + ", ".join(att.via))
    parts.append(f"stance {att.stance}")
    if att.note:
        parts.append(att.note)
    return " · ".join(parts)


def _span(text: str, span: tuple[int, int] | None) -> str:
    if span is None:
        return "?"
    return text[span[0]:span[1]]


__all__ = ["ClaimMatch", "ClaimReport", "SourceGroup", "claim_items", "explain", "explain_line", "find_claims"]
