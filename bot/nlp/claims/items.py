"""A claim report as answer items: one per source group, with the who-confirmed JSON fields."""

from __future__ import annotations

from collections.abc import Sequence

from bot.corpus.figures.render import figure_field, figure_label
from bot.models import AnswerItem, Citation
from bot.nlp.attribution.scope import Reference, Scope, event_phrase
from bot.nlp.claims.grouping import ClaimReport
from bot.nlp.claims.match import ClaimMatch


def claim_items(report: ClaimReport) -> tuple[AnswerItem, ...]:
    """One AnswerItem per source group, then one per unattributed and related sentence.

    Each item's `fields` hold who, role, organization, stance, scope ("figure", or "event"
    when the source confirms what the figure describes but gives no number; then `event`
    names it), cue, via and figure (value and qualifier), as the who-confirmed JSON
    contract asks; citations hold the figure's
    sentence and, when the source stood in a neighbouring sentence, that sentence too.
    """
    items: list[AnswerItem] = []
    for group in report.groups:
        event = None
        if group.scope == Scope.EVENT:
            att = group.matches[0].attribution
            ref = Reference(Scope.EVENT, att.event, att.event_text)
            event = att.event or att.event_text
            text = f"{group.name} — {event_phrase(group.stance, ref)}"
        else:
            figures = tuple(dict.fromkeys(figure_label(m.figure) for m in group.matches))
            text = f"{group.name} — {group.stance}: {'; '.join(figures)}"
        items.append(
            AnswerItem(
                text=text,
                citations=_citations(group.matches),
                fields={
                    "who": group.who,
                    "role": group.role,
                    "organization": group.organization,
                    "stance": group.stance,
                    "scope": group.scope,
                    "event": event,
                    "cue": ", ".join(group.cues) or None,
                    "via": list(group.via),
                    "figure": figure_field(group.matches[0].figure),
                    "source": group.name,
                    "kind": group.kind,
                },
            )
        )
    for match in report.unattributed:
        att = match.attribution
        items.append(
            AnswerItem(
                text=f"no source named — {att.stance}: {figure_label(match.figure)}",
                citations=_citations((match,)),
                fields={
                    "who": None,
                    "role": None,
                    "organization": None,
                    "stance": att.stance,
                    "scope": Scope.FIGURE,
                    "event": None,
                    "cue": att.cue,
                    "via": list(att.via),
                    "figure": figure_field(match.figure),
                    "source": None,
                    "kind": "unattributed",
                },
            )
        )
    for match in report.related:
        att = match.attribution
        who = match.source_name
        items.append(
            AnswerItem(
                text=f"related: {figure_label(match.figure)}" + (f" ({who}, {att.stance})" if who else ""),
                citations=_citations((match,)),
                fields={
                    "who": att.who,
                    "role": att.role,
                    "organization": att.organization,
                    "stance": att.stance,
                    "scope": att.scope,
                    "event": att.event or att.event_text,
                    "cue": att.cue,
                    "via": list(att.via),
                    "figure": figure_field(match.figure),
                    "source": who,
                    "kind": "related",
                },
            )
        )
    return tuple(items)


def _citations(matches: Sequence[ClaimMatch]) -> tuple[Citation, ...]:
    cites: list[Citation] = []
    seen: set[tuple[str, int]] = set()
    for m in matches:
        att = m.attribution
        cue_index = (
            m.sentence + att.cue_sentence - att.position
            if m.cue_sentence_text and att.cue_sentence is not None
            else None
        )
        # the sentence, the one naming the source, and the one holding the cue ('"...," katanya')
        for index, text in (
            (m.sentence, m.text),
            (m.source_sentence, m.source_sentence_text),
            (cue_index, m.cue_sentence_text),
        ):
            if index is None or text is None or (m.article, index) in seen:
                continue
            seen.add((m.article, index))
            cites.append(Citation(article=m.article, sentence=index, text=text))
    return tuple(cites)
