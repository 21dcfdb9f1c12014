"""Attributing one figure: the `Attribution` value and the order in which evidence is tried.

The sentence's own governing cue first, then the quotation around the figure, then
pronouns and "... tersebut" descriptors resolved backwards, a report pointing to the
source named just before, and a next sentence referring back; a denial in the next
sentence is kept as `disputed_by`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.models import Figure, Sentence
from bot.nlp import vocab
from bot.nlp.attribution.cues import Stance
from bot.nlp.attribution.phrases import Found, sentence_attribution
from bot.nlp.attribution.record import between_statements, continued, last_named, same_role
from bot.nlp.attribution.scope import Reference, Scope
from bot.nlp.attribution.sentence import own_source
from bot.nlp.attribution.speakers import ANAPHOR_END_RE, back_reference, quote_speaker
from bot.nlp.entities.tagged import article_names
from bot.nlp.entities.values import Source, same_speaker

_DENIAL_HINT = re.compile(r"bantah|tepis|sangkal")

#: After a figure: "... tahun tersebut/itu/ini", an age that points back to someone.
_AGE_DESCRIPTOR_RE = re.compile(r"\s+tahun\s+(?:tersebut|itu|ini)")
_PERSON_BEFORE_RE = re.compile(r"(?<![\w-])(?:berusia|berumur|" + vocab.alternation("person_nouns") + r")\s+$")


@dataclass(frozen=True)
class Attribution:
    """Who stands behind one sentence's figure, and how firmly.

    Spans are character offsets into the text of the sentence they name:
    `figure_span` and `cue_span`/`source_span` may sit in different sentences
    (`cue_sentence`, `source_sentence` are 0-based positions in the article's list).
    """

    position: int
    stance: Stance
    cue: str | None = None  # the cue's lemma: "mengatakan" (also for the typo "mangatakan")
    cue_text: str | None = None  # as written
    cue_span: tuple[int, int] | None = None
    cue_sentence: int | None = None
    who: str | None = None
    role: str | None = None  # English
    role_id: str | None = None  # Indonesian span
    organization: str | None = None  # English
    organization_id: str | None = None  # Indonesian span
    source_text: str | None = None  # the Indonesian source phrase
    source_span: tuple[int, int] | None = None
    source_sentence: int | None = None
    source: Source | None = None
    via: tuple[str, ...] = ()  # outlets it came through ("Kyiv Independent", "AFP")
    figure_span: tuple[int, int] | None = None
    note: str | None = None  # how it was found, when not plainly in the sentence
    disputed_by: Attribution | None = None  # the next sentence denies it ("Namun hal itu dibantah oleh Kremlin")
    scope: Scope = Scope.FIGURE  # "event": the source confirms what the figure describes, not the number
    event: str | None = None  # that event in English ("the arrival"), when the vocabulary knows it
    event_text: str | None = None  # the event as written ("Kedatangan tentara Korut")

    @property
    def attributed(self) -> bool:
        """True when a source (not only a medium) stands behind the figure."""
        return self.source is not None

    @property
    def borrowed(self) -> bool:
        """True when the source was taken from a neighbouring sentence."""
        return self.source_sentence is not None and self.source_sentence != self.position


def attribute(sentences: Sequence[Sentence], position: int, *, figure: Figure | None = None) -> Attribution:
    """Attribute the sentence at `position` (0-based); `figure` defaults to its first figure."""
    if not 0 <= position < len(sentences):
        raise IndexError(f"no sentence at position {position} (article has {len(sentences)})")
    text = sentences[position].text
    fig = figure if figure is not None else (sentences[position].figures[0] if sentences[position].figures else None)
    fspan = _figure_span(text, fig)
    if fspan is not None and _AGE_DESCRIPTOR_RE.match(text, fspan[1]) and _PERSON_BEFORE_RE.search(text[: fspan[0]]):
        # "pemain 27 tahun tersebut", "pria 34 tahun itu": the writer's description of someone
        return Attribution(
            position=position,
            stance=Stance.REPORTED,
            figure_span=fspan,
            note="an age the writer gives to describe someone",
        )
    found = own_source(text, fspan, article_names(tuple(s.text for s in sentences)))

    note = None
    source_pos: int | None = position if found.source is not None else None
    cue_pos: int | None = position if found.cue is not None else None
    cue, source, span, via, stance = found.cue, found.source, found.span, found.via, found.stance

    quoted = quote_speaker(sentences, position, fspan, found)
    if quoted is not None:
        qfound, cue_pos, source_pos, note = quoted
        cue, source, span, via, stance = qfound.cue, qfound.source, qfound.span, qfound.via, qfound.stance
        if (
            found.cue is not None
            and found.stance != Stance.REPORTED
            and qfound.source is not None
            and same_speaker(found.source, qfound.source)
        ):
            # '"Kami memperkirakan 5.000 orang hadir," kata X': X's estimate, not only X's report
            cue, stance, cue_pos = found.cue, found.stance, position

    if source is not None and source.kind != "pronoun" and not source.who and ANAPHOR_END_RE.search(source.text):
        # "kata pemain berusia 22 tahun tersebut": the person named last, if the article did
        named = last_named(sentences, source_pos if source_pos is not None else position, person=True)
        if named is not None and named.found.source is not None and same_role(source, named.found.source):
            source, span, source_pos = named.found.source, named.found.span, named.position
            note = "'... tersebut' resolved to the person named last"
        else:
            # "Anggota Komisi I DPR itu menjelaskan": someone named before, not found; the body
            # the descriptor mentions is not who spoke
            source, span, source_pos = None, None, None

    if source is not None and source.kind == "pronoun":
        named = last_named(sentences, source_pos if source_pos is not None else position)
        if named is not None:
            source, span, source_pos = named.found.source, named.found.span, named.position
            note = "pronoun resolved to the source named last"
        else:
            source, span, source_pos = None, None, None

    if source is None and cue is None and not via and position > 0:
        # "Pengamat X mengatakan ... . Sebab, Flores memiliki 16 titik ...": X goes on; "Mengutip Boldsky,
        # berikut beberapa manfaat ... . Dalam 100 gram kulit jeruk ...": the list is the site's
        went_on = continued(sentences, position)
        if went_on is not None:
            prev, note = went_on.found, went_on.note
            cue, source, span, via, stance = prev.cue, prev.source, prev.span, prev.via, Stance.REPORTED
            source_pos = cue_pos = went_on.position

    if source is None and cue is None and not via and quoted is None:
        around = between_statements(sentences, position)
        if around is not None:
            # "... , ujar Prof Budi. Setiap kamar diisi dua hingga empat mahasiswa. Prof Budi menilai ...":
            # a plain sentence between two statements of one source is part of that source's account
            source_pos, prev = around.position, around.found
            cue, source, span, via, stance = prev.cue, prev.source, prev.span, prev.via, Stance.REPORTED
            cue_pos = source_pos
            note = "the sentence stands between two statements of the same source"

    if source is not None and source.kind == "document" and source.organization is None:
        # "Laporan yang diperoleh AFP ... menyebutkan": the report's source is named just before
        prev = sentence_attribution(sentences[position - 1].text) if position > 0 else None
        if prev is not None and prev.source is not None and prev.source.kind not in ("document", "pronoun"):
            source, span, source_pos = prev.source, prev.span, position - 1
            via = tuple(dict.fromkeys(via + prev.via))
            note = "source named in the previous sentence; this sentence reports its findings"
        else:
            source, span, source_pos = None, None, None

    ref = Reference(Scope.FIGURE)
    if source is None and not via and (cue is None or cue.kind in ("passive", "hedge")):
        back = back_reference(sentences, position)
        if back is not None:
            nxt, ref = back
            cue, source, span, via = nxt.cue, nxt.source, nxt.span, nxt.via
            stance = nxt.stance
            source_pos = cue_pos = position + 1
            note = "source named in the next sentence, which refers back to " + (
                "this one" if ref.scope == Scope.FIGURE else "the event it describes, not the figure"
            )

    disputed: Attribution | None = None
    if (
        source is not None
        and cue is not None
        and cue_pos == position
        and stance != Stance.DENIED
        and position + 1 < len(sentences)
        and _DENIAL_HINT.search(sentences[position + 1].text.lower())
    ):
        back = back_reference(sentences, position)
        nxt = back[0] if back is not None else None
        if (
            nxt is not None
            and nxt.stance == Stance.DENIED
            and nxt.source is not None
            and nxt.source.text != source.text
        ):
            disputed = _from_found(nxt, position, position + 1, fspan, "the next sentence denies it")

    if source is None and via and stance == Stance.CONFIRMED:
        stance = Stance.REPORTED  # an outlet alone never confirms
    if cue is None:
        stance = Stance.REPORTED  # stated as fact by the article itself, or by a source with no verb

    return Attribution(
        position=position,
        stance=stance,
        cue=cue.lemma if cue else None,
        cue_text=cue.text if cue else None,
        cue_span=(cue.start, cue.end) if cue else None,
        cue_sentence=cue_pos if cue else None,
        who=source.who if source else None,
        role=source.role if source else None,
        role_id=source.role_id if source else None,
        organization=source.organization if source else None,
        organization_id=source.organization_id if source else None,
        source_text=source.text if source else None,
        source_span=span if source else None,
        source_sentence=source_pos if source else None,
        source=source,
        via=via,
        figure_span=fspan,
        note=note,
        disputed_by=disputed,
        scope=ref.scope if source is not None else Scope.FIGURE,
        event=ref.event if source is not None else None,
        event_text=ref.event_text if source is not None else None,
    )


def _from_found(found: Found, position: int, where: int, fspan: tuple[int, int] | None, note: str) -> Attribution:
    cue, source = found.cue, found.source
    return Attribution(
        position=position,
        stance=found.stance,
        cue=cue.lemma if cue else None,
        cue_text=cue.text if cue else None,
        cue_span=(cue.start, cue.end) if cue else None,
        cue_sentence=where if cue else None,
        who=source.who if source else None,
        role=source.role if source else None,
        role_id=source.role_id if source else None,
        organization=source.organization if source else None,
        organization_id=source.organization_id if source else None,
        source_text=source.text if source else None,
        source_span=found.span if source else None,
        source_sentence=where if source else None,
        source=source,
        via=found.via,
        figure_span=fspan,
        note=note,
    )


def _figure_span(text: str, figure: Figure | None) -> tuple[int, int] | None:
    if figure is None:
        return None
    if 0 <= figure.start < figure.end <= len(text) and text[figure.start : figure.end] == figure.text:
        return (figure.start, figure.end)
    idx = text.find(figure.text) if figure.text else -1
    if idx >= 0:
        return (idx, idx + len(figure.text))
    return None
