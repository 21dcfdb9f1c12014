"""Claims about one figure: the sentences that state it, grouped by who stands behind them.

`find_claims(articles, figure)` takes (article id, the article's full sentence list) pairs
and the figure asked about. A sentence matches when one of its figures has the same exact
value (any notation; its qualifier such as "about" or "more than" is kept); vague
quantities whose order of magnitude covers the figure ("puluhan ribu", "ribuan") are
listed apart as `related`. A vague query ("puluhan ribu") matches the same vague quantity
and lists exact figures it could stand for as related. Every match is attributed, its
source resolved to a canonical entity, and the matches grouped by entity and stance:
confirmed first, then decided, reported, estimated ... denied (the order of `Stance`); then
by number of citations.

Grouping decisions:
- a spokesperson or an unnamed official counts for their organisation (the Pentagon's
  spokesperson is the Pentagon); a named head (NATO's Secretary General) is a person;
- unnamed sources of one affiliation are one group ("unnamed Western official/diplomat"):
  anonymous people cannot be told apart, and counting them twice would overstate how many
  independent sources confirmed the figure;
- one group per source, stance and scope: a source that estimated the figure in one
  sentence and reported it in another has two groups (kept next to each other), so every
  citation sits beside the stance its own sentence gives; a denier is never listed among
  confirmers; an outlet is only ever a `via`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.corpus.figures.query import figures_related
from bot.models import Figure, Sentence
from bot.nlp.attribution.cues import Stance
from bot.nlp.attribution.engine import Attribution, attribute
from bot.nlp.attribution.phrases import sources_in
from bot.nlp.attribution.scope import Scope
from bot.nlp.claims.match import ClaimMatch
from bot.nlp.claims.matching import same_figure
from bot.nlp.entities.gloss import anonymous_group_name
from bot.nlp.entities.parse import parse_source
from bot.nlp.entities.resolve import EntityResolver
from bot.nlp.entities.values import Entity, Source


@dataclass(frozen=True)
class SourceGroup:
    """Every match that one canonical source stands behind, with one stance."""

    key: str
    name: str  # English display name, with the media it came through
    who: str | None
    role: str | None
    organization: str | None
    stance: Stance
    cues: tuple[str, ...]
    via: tuple[str, ...]
    matches: tuple[ClaimMatch, ...]
    kind: str = "organization"  # person | organization | anonymous | country | medium | role
    scope: Scope = Scope.FIGURE  # "event": it stands behind what the figure describes, not the number

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
        return tuple(g for g in self.groups if g.stance == Stance.CONFIRMED)

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
            hit = next((f for f in sentence.figures if same_figure(sentence.text, f, figure)), None)
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
    exact = _leads_given_later(exact, resolver)

    related = [_resolved(m, resolver) for m in related]
    buckets: dict[tuple[str, Stance, Scope], list[tuple[ClaimMatch, Entity]]] = {}
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
        buckets.setdefault((entity.key, att.stance, att.scope), []).append((match, entity))
        if att.disputed_by is not None and att.disputed_by.source is not None:
            denier = resolver.resolve(att.disputed_by.source, scope=match.article)
            index = match.sentence + 1
            denial_text = _sentence_text(articles, match.article, index)
            denial = replace(
                match,
                attribution=att.disputed_by,
                source_name=denier.name,
                source_key=denier.key,
                source_sentence=index if denial_text else None,
                source_sentence_text=denial_text,
                cue_sentence_text=denial_text,
            )
            buckets.setdefault((denier.key, Stance.DENIED, Scope.FIGURE), []).append((denial, denier))

    groups = _ordered([_group(key, members) for (key, _, _), members in buckets.items()])
    return ClaimReport(figure=figure, groups=tuple(groups), unattributed=tuple(unattributed), related=tuple(related))


#: Sentences of an article's lead (1-based): a figure stated there is often given later by its source.
LEAD_SENTENCES = 2


def _leads_given_later(matches: list[ClaimMatch], resolver: EntityResolver) -> list[ClaimMatch]:
    """A lead that states a figure with no source is the source's who gives it later in the article.

    "Sebanyak 135 ABK ... membawa keluar 39 kapal" in the first sentence, then '"Sekitar
    135 orang asing ...," kata Kepala DKP Mimika Eddy Santoso': the lead reports Eddy's
    figure. Only when the later sentences of that article that give the figure a source
    all give the same named one, for the figure itself (not its event), and none denies it:
    unnamed officials cannot be told apart, so a lead is not credited to them.
    """
    by_article: dict[str, list[ClaimMatch]] = {}
    for match in matches:
        by_article.setdefault(match.article, []).append(match)
    out = []
    for match in matches:
        att = match.attribution
        if match.sentence > LEAD_SENTENCES or att.source is not None or att.via or att.cue is not None:
            out.append(match)
            continue
        later = [m for m in by_article[match.article] if m.sentence > match.sentence]
        givers = [m for m in later if m.attribution.source is not None]
        entities = {resolver.resolve(m.attribution.source, scope=m.article) for m in givers}  # type: ignore[arg-type]
        if (
            len({e.key for e in entities}) != 1
            or any(e.kind == "anonymous" for e in entities)
            or any(m.attribution.scope != Scope.FIGURE or m.attribution.stance == Stance.DENIED for m in givers)
        ):
            out.append(match)
            continue
        giver = givers[0]
        g = giver.attribution
        out.append(
            replace(
                match,
                attribution=replace(
                    att,
                    who=g.who,
                    role=g.role,
                    role_id=g.role_id,
                    organization=g.organization,
                    organization_id=g.organization_id,
                    source_text=g.source_text,
                    source_span=g.source_span,
                    source_sentence=g.source_sentence,
                    source=g.source,
                    note="the lead states the figure its source gives later in the article",
                ),
                source_sentence=giver.source_sentence or giver.sentence,
                source_sentence_text=giver.source_sentence_text or giver.text,
            )
        )
    return out


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
    window = tuple(s.text for s in sentences[max(0, pos - 12) : pos + 7])
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
        cue_sentence_text=(
            sentences[att.cue_sentence].text if att.cue_sentence is not None and att.cue_sentence != pos else None
        ),
    )


def _learn_bare_names(
    resolver: EntityResolver, matches: list[ClaimMatch], articles: Sequence[tuple[str, Sequence[Sentence]]]
) -> None:
    bare = {
        (m.article, m.attribution.source.who)
        for m in matches
        if m.attribution.source is not None
        and m.attribution.source.kind == "person"
        and m.attribution.source.who
        and not m.attribution.source.role
        and not m.attribution.source.organization
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
        window = text[max(0, idx - 90) : idx]
        for stop in ("oleh", "bahwa", ".", ";", "dari", "kata", "ujar", "menurut", "yang"):
            cut = window.lower().rfind(stop)  # "Menurut Ahli Gizi, X" as well as "menurut"
            if cut >= 0:
                window = window[cut + len(stop) :]
        words = window.split()
        full = _full_name_at(text, idx)
        for start in range(max(0, len(words) - 10), len(words)):
            if not words[start][:1].isupper():
                continue  # a phrase naming someone's role opens with a capital ("Sekjen NATO, ...")
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
    stance = matches[0].attribution.stance  # one stance per group (see `find_claims`)
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
        return SourceGroup(
            key, name, None, None, None, stance, cues, via, matches, kind="medium", scope=matches[0].attribution.scope
        )
    if via:
        name = f"{name} (via {', '.join(via)})"
    return SourceGroup(
        key,
        name,
        who,
        role,
        organization,
        stance,
        cues,
        via,
        matches,
        kind=entity.kind,
        scope=matches[0].attribution.scope,
    )


def _ordered(groups: list[SourceGroup]) -> list[SourceGroup]:
    """Sources of the figure first, then those that only confirm its event; strongest stance first.

    A source with several stances keeps its lines together, ordered by its strongest line.
    """
    best: dict[str, tuple[bool, int]] = {}
    count: dict[str, int] = {}
    first: dict[str, int] = {}
    for i, g in enumerate(groups):
        rank = (g.scope != Scope.FIGURE, g.stance.rank)
        best[g.key] = min(best.get(g.key, rank), rank)
        count[g.key] = count.get(g.key, 0) + len(g.matches)
        first.setdefault(g.key, i)
    return sorted(
        groups, key=lambda g: (best[g.key], -count[g.key], first[g.key], g.scope != Scope.FIGURE, g.stance.rank)
    )


def _affiliation(source: Source | None) -> str:
    if source is None:
        return "unidentified"
    return source.affiliation or source.organization or "unidentified"
