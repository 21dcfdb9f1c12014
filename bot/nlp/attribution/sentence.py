"""One sentence's own source of its figure: the governing cue, the origin it names, a hedge's stance.

`own_source(text, fspan)` reads one sentence: the cue that governs the figure and its source
phrase (`cues.governing`, `phrases.source_for`), an agentless hedge inside someone's
statement ("BNPB mencatat 5.000 warga diperkirakan mengungsi": BNPB's estimate), a closing
"kata X" that speaks a whole clause, the origin the sentence names when nobody speaks
(`origins.origin_of`), a source tied to the figure itself ("26,2 persen (IDC)", "target ADM
sebesar 17 persen"), and the stance a document or a hedge gives ("Menurut perkiraan BPS").
What lies beyond the sentence (quotations, pronouns, neighbours) is `engine`'s.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.nlp.attribution.clean import media_in
from bot.nlp.attribution.cues import AGENT_THEN_VERB_RE, Cue, Stance, find_cues, governing
from bot.nlp.attribution.origins import bracketed_source, forecast_of, origin_of
from bot.nlp.attribution.phrases import Found, left_text, source_for
from bot.nlp.entities.values import same_speaker

#: Passive report verbs that accuse when their agent is followed by what the subject did.
_ACCUSING = frozenset({"disebutkan", "dituding oleh", "dikatakan"})


def own_source(text: str, fspan: tuple[int, int] | None, names: frozenset[str] = frozenset()) -> Found:
    """The sentence's own source of the figure: its governing cue, else the origin it names."""
    found = _governed(text, fspan, names)
    unowned = found.source is None or (found.source.kind == "document" and found.source.organization is None)
    according = found.cue is not None and found.cue.kind == "according"
    if (unowned or according) and found.stance == Stance.REPORTED:
        # "Berdasarkan hasil penyelidikan, kerugian ditaksir mencapai Rp 2 miliar" (nobody named: the
        # hedge stays); "Menurut data BPS, 5.000 warga diperkirakan mengungsi" (BPS's estimate)
        hedge = next(
            (
                c
                for _, c in governing(find_cues(text), text, fspan)
                if c.kind in ("passive", "hedge") and c.stance not in (Stance.REPORTED, Stance.CONFIRMED)
            ),
            None,
        )
        if hedge is not None:
            found = replace(found, cue=hedge if unowned else found.cue, stance=hedge.stance)
    if found.cue is not None and found.cue.kind == "according" and found.stance == Stance.REPORTED:
        noun = _FORECAST_DOC_RE.match(text, found.cue.end)
        if noun is not None:  # "Menurut perkiraan BPS, ...": BPS's estimate
            found = replace(found, stance=Stance(_LEGAL_STANCES[noun.group(1).lower()]))
    origin = origin_of(text) if found.source is None or found.cue is None or found.cue.kind != "post" else None
    if origin is None:
        return _figure_origin(text, fspan, found)
    unowned = found.source is not None and found.source.kind == "document" and found.source.organization is None
    if found.source is not None and not (unowned and origin.source is not None):
        outlet = origin.source is not None and (origin.source.org_key or "").startswith("outlet:")
        if (
            (origin.marker == "relay" or outlet)
            and origin.source is not None
            and origin.span is not None
            and not (found.span and found.span[0] <= origin.span[0] < found.span[1])
        ):
            # "Dilansir Parents, Cynthia menjelaskan ...", "Reuters melaporkan, Kepala Polisi X mengatakan
            # ...": what the speaker's words were taken from is a medium
            name = origin.source.organization if outlet else origin.source.organization_id or origin.source.text
            return replace(found, via=tuple(dict.fromkeys(found.via + (str(name),))))
        return found
    via = tuple(
        v for v in dict.fromkeys(found.via + origin.via) if origin.source is None or v != origin.source.organization
    )
    if origin.source is None:
        return replace(found, via=via)
    start, end = origin.cue_span
    lemma = _ORIGIN_LEMMAS.get(origin.marker, origin.marker.split(":")[-1])
    own = Stance(_LEGAL_STANCES.get(lemma, "reported"))
    marker = found.cue or Cue(start, end, text[start:end].strip(), lemma, own, "according")
    stance = (
        found.stance if found.cue is not None and found.stance not in (Stance.CONFIRMED, Stance.REPORTED) else own
    )  # "Menurut data BPS, 5.000 warga diperkirakan ...": BPS's estimate
    return Found(marker, origin.source, origin.span, via, stance)


def _figure_origin(text: str, fspan: tuple[int, int] | None, found: Found) -> Found:
    """A source tied to the figure itself: its bracketed body ("26,2 persen (IDC)"), or the owner
    of the target or estimate it is ("target pasar ADM sebesar 17 persen")."""
    unowned = found.source is not None and found.source.kind == "document" and found.source.organization is None
    if (found.source is not None and not unowned) or fspan is None:
        return found
    bracket = bracketed_source(text, fspan)
    if bracket is not None and bracket.source is not None:
        cue = Cue(*bracket.cue_span, text[slice(*bracket.cue_span)], "menurut", Stance.REPORTED, "according")
        return Found(found.cue or cue, bracket.source, bracket.span, found.via, found.stance)
    forecast = forecast_of(text, fspan)
    if forecast is not None:
        origin, stance = forecast
        start, end = origin.cue_span
        cue = Cue(start, end, text[start:end], text[start:end].lower(), Stance(stance), "according")
        return Found(cue, origin.source, origin.span, found.via, Stance(stance))
    return found


#: "Menurut perkiraan X", "berdasarkan proyeksi X": a document that estimates or forecasts.
_FORECAST_DOC_RE = re.compile(r"\s+(?:data\s+|hasil\s+)?(perkiraan|estimasi|taksiran|prediksi|proyeksi)\b", re.I)

#: The cue shown for an origin, by the kind of marker that named it.
_ORIGIN_LEMMAS = {"according": "menurut", "report": "dilaporkan", "relay": "mengutip", "subject": "menyebutkan"}

#: The stance a document gives what it states ("dakwaan" alleges, "putusan" decides, "perkiraan" estimates).
_LEGAL_STANCES = {
    "dakwaan": "alleged",
    "tuntutan": "alleged",
    "gugatan": "alleged",
    "putusan": "decided",
    "vonis": "decided",
    "perkiraan": "estimated",
    "estimasi": "estimated",
    "taksiran": "estimated",
    "prediksi": "predicted",
    "proyeksi": "predicted",
}


def _governed(text: str, fspan: tuple[int, int] | None, names: frozenset[str]) -> Found:
    cues = find_cues(text)
    ranked = governing(cues, text, fspan)
    for _dist, cue in ranked:
        source, span, via = source_for(text, cue, names)
        if source is None and not via and cue.kind == "active" and not left_text(text, cue).strip(" ,"):
            continue  # a sentence-opening participle ("Menanggapi eskalasi ini, ...")
        stance = cue.stance
        if cue.lemma in _ACCUSING and cue.kind == "passive" and AGENT_THEN_VERB_RE.match(text, cue.end):
            stance = Stance.ALLEGED  # "Aris disebut Miryam meminta Rp 2 miliar": Miryam's accusation
        found = Found(cue, source, span, tuple(dict.fromkeys(via + media_in(text))), stance)
        hearsay = (
            source is not None
            and source.kind == "document"
            and source.organization is None
            and cue.kind == "active"
            and re.search(r"\byang\s*$", text[: cue.start]) is not None
        )
        if (source is None and not via and cue.kind in ("passive", "hedge")) or hearsay:
            # "BNPB mencatat 5.000 warga diperkirakan mengungsi", "Rizky membantah kabar yang menyebut ..."
            found = _outer_speaker(text, ranked, found, names) or found
        return _closing_speaker(text, fspan, ranked, found, names) or found
    return Found(None, None, None, media_in(text), Stance.REPORTED)


def _outer_speaker(text: str, ranked: list[tuple[int, Cue]], inner: Found, names: frozenset[str]) -> Found | None:
    """`BNPB mencatat 5.000 warga diperkirakan mengungsi`: an agentless hedge inside someone's statement.

    The source is the subject of the farther verb; the stance stays the hedge's when it
    says more than "reported" (the estimate is BNPB's estimate).
    """
    assert inner.cue is not None
    for _, outer in ranked:
        if outer is inner.cue or outer.kind not in ("active", "according") or outer.start > inner.cue.start:
            continue
        source, span, via = source_for(text, outer, names)
        if (source is None and not via) or (source is not None and source.kind == "document"):
            continue
        # "PSSI menampik tudingan ...": a denial of the allegation is a denial
        stance = outer.stance if outer.stance == Stance.DENIED or inner.stance == Stance.REPORTED else inner.stance
        if source is None and stance == Stance.CONFIRMED:
            stance = Stance.REPORTED
        return Found(
            inner.cue if stance == inner.stance else outer, source, span, tuple(dict.fromkeys(via + inner.via)), stance
        )
    return None


def _closing_speaker(
    text: str, fspan: tuple[int, int] | None, ranked: list[tuple[int, Cue]], inner: Found, names: frozenset[str]
) -> Found | None:
    """`KPK menetapkan 3 tersangka, kata Jubir KPK X`: a closing "kata X" speaks the whole clause.

    The inner verb keeps its stance when its subject is the speaker (or a pronoun, or none):
    "Kami memperkirakan 5.000 orang hadir, ujar Kapolres X" is X's estimate, while
    "Pelaku mengakui ..., kata Argo" is only Argo's report of what someone else said.
    """
    if fspan is None or inner.cue is None or inner.cue.kind == "post" or inner.cue.start > fspan[0]:
        return None
    closing = next((c for _, c in ranked if c.kind == "post" and c.start >= fspan[1]), None)
    if closing is None or (
        re.search(r"[“”\"]", text[inner.cue.end : fspan[0]])
        and inner.source is not None
        and not re.search(r"[“”\"]", text[: inner.cue.start])
    ):
        return None  # 'X mengatakan: "..."' is X's own quotation
    source, span, via = source_for(text, closing, names)
    quoted = re.match(r"\s*[“\"]", text) is not None and not re.search(r"[”\"]", text[1 : inner.cue.start])
    if source is None or source.kind == "document" or (source.kind == "pronoun" and not quoted):
        return None  # '"Setelah itu, tersangka melaporkan ...," jelasnya': the quoted verb is the speaker's words
    via = tuple(dict.fromkeys(via + inner.via))
    if inner.stance != Stance.REPORTED and same_speaker(inner.source, source):
        return Found(inner.cue, source, span, via, inner.stance)
    return Found(closing, source, span, via, closing.stance)
