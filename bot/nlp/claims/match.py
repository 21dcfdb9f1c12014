"""One attributed sentence of a claim (`ClaimMatch`) and the spans behind it, for `--explain`."""

from __future__ import annotations

from dataclasses import dataclass

from bot.models import Figure
from bot.nlp.attribution.engine import Attribution


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
    cue_text = (
        match.cue_sentence_text if att.cue_sentence is not None and att.cue_sentence != att.position else match.text
    )
    if att.cue_span and cue_text:
        where = (
            ""
            if att.cue_sentence in (None, att.position)
            else (
                " (next sentence)"
                if att.cue_sentence == att.position + 1
                else " (later sentence)"
                if att.cue_sentence is not None and att.cue_sentence > att.position
                else " (earlier sentence)"
            )
        )
        parts.append(f"cue «{_span(cue_text, att.cue_span)}»{where} = {att.cue}")
    else:
        parts.append("no cue")
    if att.source_span is not None and att.source_sentence is not None:
        text = match.text if att.source_sentence == att.position else (match.source_sentence_text or "")
        where = (
            ""
            if att.source_sentence == att.position
            else (
                " (next sentence)"
                if att.source_sentence == att.position + 1
                else " (later sentence)"
                if att.source_sentence > att.position
                else " (earlier sentence)"
            )
        )
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
    return text[span[0] : span[1]]
