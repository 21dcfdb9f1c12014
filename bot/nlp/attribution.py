"""Who said a sentence's figure, with which verb, and how firmly: Indonesian attribution.

`attribute(sentences, position)` reads the sentence at `position` (0-based into an
article's sentence list) and returns an `Attribution`: the source (person, role,
organisation, parsed by `bot.nlp.entities`), the reporting cue ("membenarkan",
"dikonfirmasi oleh", "kata", "menurut" ...), the medium it came through ("dikutip oleh
Kyiv Independent", "yang diperoleh AFP"), and a stance:

    confirmed   membenarkan, mengonfirmasi, dikonfirmasi oleh, memastikan, mengakui
    reported    mengatakan, menyebutkan, menyatakan, kata, ujar, menurut, melaporkan, dilaporkan
    claimed     mengklaim, menuding, menuduh, mengaku
    denied      membantah, menepis, menyangkal, dibantah oleh
    unverified  diyakini, diduga, kemungkinan, belum dapat memverifikasi, berhenti mengonfirmasi

The cue that governs the figure is the nearest one whose scope covers it: a verb with its
source on the left ("X mengatakan bahwa ...") governs what follows it; "kata X" and a
passive "dikonfirmasi oleh X" govern what precedes them; "menurut X" governs its sentence.
When the figure's sentence names no source, the next sentence may ("Kedatangan tentara Korut
dikonfirmasi langsung oleh ...") and a report's subject ("Laporan yang diperoleh AFP ...")
points back to the source named in the previous sentence. Outlets and reporters are only
ever the medium (`via`), never the source; an outlet alone makes the stance "reported".

Public API:
    attribute(sentences: Sequence[Sentence], position: int, *, figure: Figure | None = None) -> Attribution
    find_cues(text: str) -> list of cues (lemma, stance, kind, span)
    sources_in(text: str) -> list[Source]

Pure and synchronous; no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.models import Figure, Sentence
from bot.nlp import vocab
from bot.nlp.entities import (
    ANON_OPENERS,
    PRONOUNS,
    REPORT_NOUNS,
    REPORTER_WORDS,
    ROLES,
    Source,
    find_medium,
    is_medium,
    parse_source,
)

STANCES: tuple[str, ...] = ("confirmed", "reported", "claimed", "unverified", "denied")

#: Reporting cues: (regex on lower-case text, lemma, stance, kind), from data/cues.tsv.
#: kind: active (source on the left), passive (agent after "oleh"), post ("..., kata X"),
#: according ("menurut X, ..."), hedge (an adverb with no source).
CUES: tuple[tuple[str, str, str, str], ...] = tuple(
    (vocab.expand(pattern), lemma, stance, kind) for pattern, lemma, stance, kind in vocab.table("cues").rows
)

#: One alternation of every cue, in table order: at a given position the first entry wins,
#: so negated forms ("belum dapat memverifikasi") are found before their parts.
_CUE_RE = re.compile(
    r"(?<![\w-])(?:" + "|".join(f"(?P<c{i}>{rx})" for i, (rx, _, _, _) in enumerate(CUES)) + r")(?![\w-])"
)

_DENIAL_HINT = re.compile(r"bantah|tepis|sangkal")
_BOUNDARY_RE = re.compile(
    r"(?<![\w-])(?:bahwa|setelah|sebelum|ketika|saat|sementara|sedangkan|karena|sehingga|namun|tetapi|"
    r"meski(?:pun)?|walaupun|jika|kalau|sejak|agar|supaya|yang)(?![\w-])|[;:“”\"]",
    re.I,
)
_CUT_RE = re.compile(
    r"\s(?:pada|kepada|usai|seusai|saat|ketika|dalam|di hadapan|melalui|lewat|seperti|sebagaimana|"
    r"terkait|mengenai|soal|setelah|sebelum|sejak|bahwa)\s",
    re.I,
)
_MEDIUM_MARK_RE = re.compile(
    r"(?:(?:seperti|sebagaimana)\s+)?(?:dikutip|dilansir|diberitakan|dilaporkan)(?:\s+(?:oleh|dari))?\s+|"
    r"(?:melansir|mengutip)\s+|kepada\s+|yang\s+diperoleh\s+|diperoleh\s+",
    re.I,
)
_OPENERS = vocab.words("openers")
_CONNECTIVES = vocab.words("connectives")
_TRAILING = vocab.word_list("trailing")
_MONTHS = vocab.words("calendar")
_ANAPHORA = vocab.words("anaphora")
_STOP = vocab.words("function_words")


@dataclass(frozen=True)
class Attribution:
    """Who stands behind one sentence's figure, and how firmly.

    Spans are character offsets into the text of the sentence they name:
    `figure_span` and `cue_span`/`source_span` may sit in different sentences
    (`cue_sentence`, `source_sentence` are 0-based positions in the article's list).
    """

    position: int
    stance: str  # confirmed | reported | claimed | denied | unverified
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

    @property
    def attributed(self) -> bool:
        """True when a source (not only a medium) stands behind the figure."""
        return self.source is not None

    @property
    def borrowed(self) -> bool:
        """True when the source was taken from a neighbouring sentence."""
        return self.source_sentence is not None and self.source_sentence != self.position


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    text: str
    lemma: str
    stance: str
    kind: str


@dataclass(frozen=True)
class _Found:
    cue: _Cue | None
    source: Source | None
    span: tuple[int, int] | None
    via: tuple[str, ...]
    stance: str


# --------------------------------------------------------------------------------------
# Public entry point
# --------------------------------------------------------------------------------------


def attribute(sentences: Sequence[Sentence], position: int, *, figure: Figure | None = None) -> Attribution:
    """Attribute the sentence at `position` (0-based); `figure` defaults to its first figure."""
    if not 0 <= position < len(sentences):
        raise IndexError(f"no sentence at position {position} (article has {len(sentences)})")
    text = sentences[position].text
    fig = figure if figure is not None else (sentences[position].figures[0] if sentences[position].figures else None)
    fspan = _figure_span(text, fig)
    found = _attribute_text(text, fspan)

    note = None
    source_pos: int | None = position if found.source is not None else None
    cue_pos: int | None = position if found.cue is not None else None
    cue, source, span, via, stance = found.cue, found.source, found.span, found.via, found.stance

    quoted = _quote_speaker(sentences, position, fspan, found)
    if quoted is not None:
        qfound, cue_pos, source_pos, note = quoted
        cue, source, span, via, stance = qfound.cue, qfound.source, qfound.span, qfound.via, qfound.stance

    if source is not None and source.kind != "pronoun" and not source.who and _ANAPHOR_END_RE.search(source.text):
        # "kata pemain berusia 22 tahun tersebut": someone named earlier, if the article did
        back = _previous_source(sentences, position)
        if back is not None:
            pos, prev = back
            source, span, source_pos = prev.source, prev.span, pos
            note = "'... tersebut' resolved to the source of an earlier sentence"

    if source is not None and source.kind == "pronoun":
        back = _previous_source(sentences, position)
        if back is not None:
            pos, prev = back
            source, span, source_pos = prev.source, prev.span, pos
            note = "pronoun resolved to the source of an earlier sentence"
        else:
            source, span, source_pos = None, None, None

    if source is not None and source.kind == "document":
        # "Laporan yang diperoleh AFP ... menyebutkan": the report's source is named just before
        prev = _sentence_attribution(sentences[position - 1].text) if position > 0 else None
        if prev is not None and prev.source is not None and prev.source.kind not in ("document", "pronoun"):
            source, span, source_pos = prev.source, prev.span, position - 1
            via = tuple(dict.fromkeys(via + prev.via))
            note = "source named in the previous sentence; this sentence reports its findings"
        else:
            source, span, source_pos = None, None, None

    if source is None and not via and (cue is None or cue.kind in ("passive", "hedge")):
        nxt = _back_reference(sentences, position)
        if nxt is not None:
            cue, source, span, via = nxt.cue, nxt.source, nxt.span, nxt.via
            stance = nxt.stance
            source_pos = cue_pos = position + 1
            note = "source named in the next sentence, which refers back to this one"

    disputed: Attribution | None = None
    if (
        source is not None and cue is not None and cue_pos == position and stance != "denied"
        and position + 1 < len(sentences) and _DENIAL_HINT.search(sentences[position + 1].text.lower())
    ):
        nxt = _back_reference(sentences, position)
        if nxt is not None and nxt.stance == "denied" and nxt.source is not None and nxt.source.text != source.text:
            disputed = _from_found(nxt, position, position + 1, fspan, "the next sentence denies it")

    if source is None and via and stance == "confirmed":
        stance = "reported"  # an outlet alone never confirms
    if cue is None:
        stance = "reported"  # stated as fact by the article itself, or by a source with no verb

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
    )


def _from_found(found: _Found, position: int, where: int, fspan: tuple[int, int] | None, note: str) -> Attribution:
    cue, source = found.cue, found.source
    return Attribution(
        position=position, stance=found.stance,
        cue=cue.lemma if cue else None, cue_text=cue.text if cue else None,
        cue_span=(cue.start, cue.end) if cue else None, cue_sentence=where if cue else None,
        who=source.who if source else None, role=source.role if source else None,
        role_id=source.role_id if source else None,
        organization=source.organization if source else None,
        organization_id=source.organization_id if source else None,
        source_text=source.text if source else None, source_span=found.span if source else None,
        source_sentence=where if source else None, source=source, via=found.via,
        figure_span=fspan, note=note,
    )


# --------------------------------------------------------------------------------------
# Cues
# --------------------------------------------------------------------------------------


def find_cues(text: str, start: int = 0) -> list[_Cue]:
    """Every reporting cue in the text (from offset `start`), left to right; negated forms win over their parts."""
    low = text.lower()
    found: list[_Cue] = []
    for m in _CUE_RE.finditer(low, start):
        _, lemma, stance, kind = CUES[int(str(m.lastgroup)[1:])]
        if kind == "post" and not _is_post_position(text, m.start()):
            if not _FRONTED_POST_RE.match(text[m.end():]) or text[: m.start()].strip(" “\"'"):
                continue
            kind = "according"  # "Kata Amran, produksi ...", "Lanjut dia, ...": fronted, governs the sentence
        if kind == "passive" and _is_medium_marker(low, m.start(), m.end()):
            continue
        if kind == "passive" and _WHEN_ASKED_RE.search(low, 0, m.start()):
            continue  # "ketika dikonfirmasi (wartawan)": when asked, not who confirmed
        if kind == "according" and lemma == "menurut" and low[m.end():].lstrip().startswith(("saya", "kami")):
            continue
        found.append(_Cue(m.start(), m.end(), text[m.start():m.end()], lemma, stance, kind))
    return found


_WHEN_ASKED_RE = re.compile(r"(?<![\w-])(?:ketika|saat|sewaktu|waktu|usai|seusai|setelah|begitu)\s+(?:di\w+\s+)?$")

#: After a sentence-opening "Kata"/"Lanjut"/"Tambahnya": a name or pronoun, then a comma.
_FRONTED_POST_RE = re.compile(r"\s+(?:[A-Z][\w.'-]*|dia|ia|beliau|mereka)(?:\s+[\w().'-]+){0,7}\s*,")


def _is_post_position(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return bool(before) and before[-1] in ",\"”'’"


def _is_medium_marker(low: str, start: int, end: int) -> bool:
    """"seperti dilaporkan AFP", "yang dilansir dari Reuters": an outlet named, not a source's verb."""
    before = low[:start].rstrip()
    after = low[end:]
    m = re.match(r"\s+(?:oleh|dari)?\s*([^,.;]+)", after)
    target = m.group(1) if m else ""
    if before.endswith(("seperti", "sebagaimana")):
        # "sebagaimana disampaikan Bupati X" is a source; "seperti dilaporkan AFP" is a medium
        return not target.strip() or find_medium(target) is not None
    return bool(m) and is_medium(target) and before.endswith(("yang", ","))


def _governing(cues: list[_Cue], text: str, fspan: tuple[int, int] | None) -> list[tuple[int, _Cue]]:
    """Cues whose scope covers the figure, nearest first (distance in characters)."""
    if fspan is None:
        fs = fe = len(text)
    else:
        fs, fe = fspan
    ranked: list[tuple[int, _Cue]] = []
    for c in cues:
        if c.kind == "according":
            opening = not text[: c.start].strip(" “\"'") or text[: c.start].rstrip().endswith(",")
            ranked.append((0 if opening else abs(fs - c.end), c))
        elif c.kind in ("active", "hedge"):
            if c.end <= fs:
                ranked.append((fs - c.end, c))
        elif c.kind == "post":
            if c.start >= fe:
                ranked.append((c.start - fe, c))
            elif re.match(r"\s+[^,.;]{1,60},", text[c.end:]):
                ranked.append((0, c))  # "Informasi itu, lanjut Awang, akan ...": a parenthetical
        elif c.kind == "passive":
            followed_by_bahwa = re.match(r"\s+bahwa\b", text[c.end:].lower()) is not None
            if followed_by_bahwa and c.end <= fs:
                ranked.append((fs - c.end, c))
            elif c.start >= fe:
                ranked.append((c.start - fe, c))
            elif c.end <= fs and _AGENT_THEN_VERB_RE.match(text, c.end):
                ranked.append((fs - c.end, c))  # "Aris disebut Miryam meminta Rp 2 miliar": the agent's account
            elif c.end <= fs and _opens_sentence(text[:c.start]):
                ranked.append((fs - c.end, c))  # "Diperkirakan 10.000 orang ...", "Namun, dijelaskan oleh WHO, ..."
    ranked.sort(key=lambda pair: (pair[0], pair[1].kind == "hedge"))
    return ranked


_AGENT_THEN_VERB_RE = re.compile(r"\s+(?:oleh\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}\s+(?:me|mem|men|meng|meny|ber)[a-z]{3,}\b")


def _opens_sentence(prefix: str) -> bool:
    """Nothing before the cue but a connective: "", "Namun,", "Selain itu,"."""
    words = prefix.strip(" “\"',").lower().replace(",", " ").split()
    return not words or (len(words) <= 2 and words[0] in _CONNECTIVES)


# --------------------------------------------------------------------------------------
# One sentence
# --------------------------------------------------------------------------------------


def _attribute_text(text: str, fspan: tuple[int, int] | None) -> _Found:
    cues = find_cues(text)
    ranked = _governing(cues, text, fspan)
    for dist, cue in ranked:
        source, span, via = _source_for(text, cue)
        if source is None and not via and cue.kind == "active" and not _left_text(text, cue).strip(" ,"):
            continue  # a sentence-opening participle ("Menanggapi eskalasi ini, ...")
        stance = cue.stance
        return _Found(cue, source, span, tuple(dict.fromkeys(via + _media_in(text))), stance)
    return _Found(None, None, None, _media_in(text), "reported")


def _media_in(text: str) -> tuple[str, ...]:
    """Outlets a sentence says it was taken from ("seperti dilansir Antara", "dikutip dari ABC News")."""
    media: list[str] = []
    for m in _MEDIUM_MARK_RE.finditer(text):
        if m.group(0).lower().startswith(("kepada", "yang diperoleh", "diperoleh")):
            continue
        tail = text[m.end():]
        stop = re.search(r"[,.;:]|\s(?:pada|bahwa|yang)\s", tail)
        medium = find_medium(tail[: stop.start()] if stop else tail)
        if medium:
            media.append(medium)
    return tuple(dict.fromkeys(media))


def sources_in(text: str) -> list[Source]:
    """Every source a sentence names with a reporting cue, in order (for learning names and roles)."""
    found = []
    for cue in find_cues(text):
        source, _, _ = _source_for(text, cue)
        if source is not None:
            found.append(source)
    return found


def _sentence_attribution(text: str) -> _Found | None:
    """The main attribution of a sentence regardless of figures: its first cue with a source."""
    for cue in find_cues(text):
        source, span, via = _source_for(text, cue)
        if source is not None:
            return _Found(cue, source, span, via, cue.stance)
    return None


def _source_for(text: str, cue: _Cue) -> tuple[Source | None, tuple[int, int] | None, tuple[str, ...]]:
    if cue.kind == "hedge":
        return None, None, ()
    if cue.kind == "active":
        left = _left_text(text, cue)
        start = cue.start - len(left)
        found = _source_from_left(left, start, text, cue)
        if found[0] is None and not found[2] and start > 0:
            # "Juru bicara X, Milena Sales, saat itu mengatakan", "Presiden X saat meninjau lokasi mengatakan":
            # the subject stands before the temporal clause
            head = text[:start]
            m = re.search(r"\b(?:saat|ketika|usai|seusai|setelah|sebelum|sambil)\s*$", head, re.I)
            if m:
                before = head[: m.start()]
                inner = None
                for b in _BOUNDARY_RE.finditer(before):
                    inner = b
                seg_start = inner.end() if inner else 0
                again = _source_from_left(before[seg_start:], seg_start, text, cue)
                if again[0] is not None:
                    return again
        return found
    if cue.kind == "passive":
        after = text[cue.end:]
        m = re.match(r"(?:\s+\S+){0,2}?\s+oleh\s+", after, re.I)
        if not m:
            direct = re.match(r"\s+(?=[A-Z])", after)
            if direct and (text[: cue.start].strip(" “\"'") == "" or _ends_clause(after)
                           or _AGENT_THEN_VERB_RE.match(after)):
                # "Dikatakan Alex, ...", "Dijelaskan Kapolres X, ...": the agent follows directly
                lead = len(after) - len(after.lstrip())
                return _source_from_right(after.lstrip(), cue.end + lead, stop_at_comma=True)
            return None, None, ()
        return _source_from_right(after[m.end():], cue.end + m.end(), stop_at_comma=False)
    if cue.kind == "according":
        after = text[cue.end:]
        stripped = len(after) - len(after.lstrip())
        return _source_from_right(after.lstrip(), cue.end + stripped, stop_at_comma=True)
    # post
    after = text[cue.end:]
    stripped = len(after) - len(after.lstrip())
    source, span, via = _source_from_right(after.lstrip(), cue.end + stripped, stop_at_comma=False)
    if source is None and cue.text.lower().endswith("nya"):
        return Source(text=cue.text, kind="pronoun"), (cue.start, cue.end), via
    return source, span, via


def _ends_clause(after: str) -> bool:
    """"diungkapkan Nolan." / "diungkapkan Nolan, ...": a name closes the clause, so it is the agent."""
    m = re.match(
        r"\s+((?:[A-Z][\w'.-]*\s*){1,5})(?:[,.;!?]|$|(?<=\s)(?:di|pada|saat|ketika|kepada|dalam|usai|seusai)\b)", after
    )
    return m is not None


def _left_text(text: str, cue: _Cue) -> str:
    before = text[: cue.start]
    last = None
    for m in _BOUNDARY_RE.finditer(before):
        last = m
    if last is None:
        return before
    segment = before[last.end():]
    if last.group(0).lower() == "yang" and segment.strip(" ,"):
        # "Laporan yang diperoleh AFP ... menyebutkan": the relative clause belongs to the subject
        head = before[: last.start()]
        inner = None
        for m in _BOUNDARY_RE.finditer(head):
            inner = m
        return before[inner.end():] if inner else before
    if last.group(0).lower() == "yang" and not segment.strip(" ,"):
        # "..., Mark Rutte, yang menyebutkan": the antecedent before "yang"
        head = before[: last.start()].rstrip(" ,")
        oleh = list(re.finditer(r"\boleh\s+", head, re.I))
        if oleh:
            return head[oleh[-1].end():] + " " * (len(before) - len(head))
        inner = None
        for m in _BOUNDARY_RE.finditer(head):
            inner = m
        return (head[inner.end():] if inner else head) + " " * (len(before) - len(head))
    return segment


def _split_segments(text: str, offset: int) -> list[tuple[str, int]]:
    """Comma-separated pieces (commas inside parentheses kept), with their offsets."""
    pieces: list[tuple[str, int]] = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0:
            pieces.append((text[start:i], offset + start))
            start = i + 1
    pieces.append((text[start:], offset + start))
    out = []
    for piece, off in pieces:
        lead = len(piece) - len(piece.lstrip())
        if piece.strip():
            out.append((piece.strip(), off + lead))
    return out


def _strip_medium(segment: str) -> tuple[str, tuple[str, ...]]:
    """Take "dikutip oleh Kyiv Independent" and the like out of a segment; return the rest and the media."""
    via: list[str] = []
    m = _MEDIUM_MARK_RE.search(segment)
    while m:
        tail = segment[m.end():]
        stop = _CUT_RE.search(" " + tail)
        target = tail[: stop.start()] if stop else tail
        medium = find_medium(target)
        if medium is None and m.group(0).lower().startswith("kepada"):
            segment = segment[: m.start()] + tail[len(target):]  # an audience ("kepada Sky Sports Italia")
        elif medium is None and any(w in target.lower().split()[:2] for w in REPORTER_WORDS):
            segment = segment[: m.start()] + tail[len(target):]
        elif medium is not None:
            via.append(medium)
            segment = segment[: m.start()] + tail[len(target):]
        else:
            break
        m = _MEDIUM_MARK_RE.search(segment)
    return segment.strip(" ,"), tuple(via)


_DATELINE_RE = re.compile(
    r"^(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*\s*\([^)]{1,40}\)|[\w.-]+\.(?:com|co\.id|id|net|tv)|[A-Z]{3,}[\w.]*)\s*[-–—]+\s*"
)


def _strip_dateline(segment: str) -> str:
    """"Jakarta (ANTARA News) - Direktur ...", "Suara.com-Robson ...", "TRIBUNNEWS.COM – ..."."""
    return _DATELINE_RE.sub("", segment, count=1)


def _strip_opener(segment: str) -> str:
    words = segment.split()
    if not words or words[0].lower().strip(",") not in _OPENERS:
        return segment
    # "Pada 29 Oktober 2024 Sekretaris ...", "Menanggapi eskalasi ini Presiden ...", "Selain itu Departemen ..."
    i = 1
    while i < len(words):
        w = words[i].strip(",.")
        if w[:1].isupper() and w.lower() not in _MONTHS and not w.lower() in _OPENERS:
            break
        if w.lower() in ("seorang", "sejumlah", "para", "pihak", "beberapa", "salah", "ia", "dia", "mereka", "beliau"):
            break
        i += 1
    return " ".join(words[i:])


def _strip_trailing(segment: str) -> str:
    changed = True
    while changed and segment:
        changed = False
        low = segment.lower().rstrip(" ,")
        for adverb in _TRAILING:
            if low.endswith(" " + adverb) or low == adverb:
                segment = segment.rstrip(" ,")[: len(low) - len(adverb)].rstrip(" ,")
                changed = True
                break
    return segment


_RIGHT_VERB_RE = re.compile(r"\s(?:me|mem|men|meng|meny)[a-z]{3,}\b")


def _clean_np(segment: str) -> str:
    if re.match(r"(?i)di\s", segment):
        return ""  # "tuturnya di Graha CIMB": a place, not a source
    located = re.search(r"\sdi\s+(?=[a-z])", segment)
    if located:
        segment = segment[: located.start()]  # "Joko di kantornya"
    closed = re.search(r"\([A-Z][A-Za-z]+\)\s+(?=[a-z])", segment)
    if closed:
        segment = segment[: closed.end()].rstrip()  # "... (BMKG) tekanan magma saat ini"
    cut = _CUT_RE.search(" " + segment + " ")
    if cut and cut.start() == 0:
        return ""  # "seperti dikutip dari ...", "pada Senin ...": not a source phrase
    if cut:
        segment = segment[: cut.start()]
    return _strip_trailing(segment).strip(" ,")


_VERB_RE = re.compile(r"\s(?:me|ber|ter|di|mem|men|meng|meny)[a-z]{3,}(?:kan|i)?\b.*$")
_NOT_VERBS = vocab.words("not_verbs")


def _before_verb(segment: str) -> str:
    """"mereka berekspansi di Indonesia dan" -> "mereka": a clause's subject is before its verb."""
    text = re.sub(r"\s+(?:dan|serta|lalu|kemudian|pun)\s*$", "", segment)
    if text == segment:
        return segment
    for m in _VERB_RE.finditer(text):
        word = m.group(0).split()[0]
        if word.lower() not in _NOT_VERBS and word[:1].islower():
            return text[: m.start()]
    return text


# Lower-case first words that can open a source phrase ("pejabat", "seorang", "juru ...").
_NP_OPENERS: frozenset[str] = frozenset(
    PRONOUNS | REPORT_NOUNS | {"pihak", "kalangan", "mantan", "eks", "salah"}
    | {o.split()[0] for o in ANON_OPENERS} | {r.split()[0] for r in ROLES}
)


def _np_like(text: str) -> bool:
    """Could this piece open a source phrase? ("Sekjen NATO", "seorang pejabat", "pihak Ukraina")."""
    words = text.split()
    if not words:
        return False
    first = words[0].strip("“\"'(")
    low = first.lower()
    if first[:1].isupper():
        return True
    return low in _NP_OPENERS


_ORIGIN_RE = re.compile(r"(?<![\w-])([A-Z][\w&.'-]*(?:\s+(?:[A-Z][\w&.'-]*|dan|&|\([A-Z]+\)))*)")


def _document_origin(np: str) -> tuple[str | None, tuple[str, ...]]:
    """"Laporan yang diperoleh AFP" -> (None, ("AFP",)); "informasi yang diterbitkan oleh X" -> ("X", ())."""
    genitive = re.match(r"^\w+\s+(?=[A-Z])(.+)$", np)
    if genitive and not re.search(r"\byang\b", np):
        origin = _clean_np(genitive.group(1))
        if is_medium(origin):
            return None, (str(find_medium(origin)),)
        return origin, ()
    m = re.search(r"\b(?:yang\s+)?(?:diperoleh|diterbitkan|dirilis|dikeluarkan|disusun|dibuat|disampaikan|milik|dari)(?:\s+oleh)?\s+(.+)$", np, re.I)
    if not m:
        # "data triwulanan BPS terus melambat ...": the first name after the noun, before any verb
        head = np.split(None, 1)[1] if len(np.split()) > 1 else ""
        verb = _RIGHT_VERB_RE.search(" " + head)
        head = head[: verb.start()] if verb else head
        name = _ORIGIN_RE.search(head)
        if name is None or len(head[: name.start()].split()) > 2:
            return None, ()
        origin = name.group(1).strip()
        if is_medium(origin):
            return None, (str(find_medium(origin)),)
        return origin, ()
    origin = _clean_np(m.group(1).strip(" ,"))
    if is_medium(origin):
        return None, (str(find_medium(origin)),)
    return origin, ()


def _source_from_left(left: str, start: int, text: str, cue: _Cue) -> tuple[Source | None, tuple[int, int] | None, tuple[str, ...]]:
    segments = _split_segments(left, start)
    via: list[str] = []
    run: list[tuple[str, int]] = []
    for seg, off in reversed(segments):
        if re.match(r"(?i)yang\b", seg) and run == []:
            continue  # "Pejabat senior AS, yang berbicara dengan syarat anonim, mengatakan"
        cleaned, media = _strip_medium(_strip_dateline(seg))
        via.extend(media)
        if not cleaned:
            continue
        if not run:
            cleaned = _before_verb(cleaned)
            inner = re.search(r"\s(?=(?:Seorang|Sebuah|Salah satu|Salah seorang|Para|Pihak)\s)", cleaned)
            if inner:
                cleaned = cleaned[inner.end():]  # a title glued before the sentence
            np = _clean_np(cleaned)
            if np and np != cleaned and parse_source(np) is not None:
                cleaned = np  # "CEO Ankiti Bose dalam rilisnya"
        opened = _strip_opener(cleaned)
        trimmed = _strip_trailing(opened)
        if not trimmed:
            if run:
                break
            continue
        if opened != cleaned and run:
            break
        candidate = trimmed
        rel = re.search(r"\syang\s", candidate)
        if rel:
            head_src = parse_source(candidate[: rel.start()])
            if head_src is not None and head_src.kind != "document":
                candidate = candidate[: rel.start()]  # "Sting yang pekan lalu merilis ..."
        if not _np_like(candidate):
            break
        if run and _RIGHT_VERB_RE.search(" " + candidate):
            break  # a clause before the subject ("Kendati membuka pintu ..., Mourinho")
        src = parse_source(candidate) if candidate else None
        if src is None and run:
            break
        if src is None:
            # the nearest piece is no source: maybe a document ("Laporan yang diperoleh AFP ...")
            src = parse_source(_clean_np(candidate))
            if src is None:
                break
            candidate = _clean_np(candidate)
        seg_off = off + seg.find(candidate.split()[0]) if candidate.split() else off
        run.insert(0, (candidate, max(seg_off, off)))
        if opened != cleaned:
            break
    if not run:
        return None, None, tuple(dict.fromkeys(via))
    np = ", ".join(piece for piece, _ in run)
    span = (run[0][1], run[-1][1] + len(run[-1][0]))
    return _finish(np, span, tuple(dict.fromkeys(via)))


def _source_from_right(after: str, start: int, *, stop_at_comma: bool) -> tuple[Source | None, tuple[int, int] | None, tuple[str, ...]]:
    body = re.split(r"[.;:!?](?:\s|$)|[“\"]", after, maxsplit=1)[0]
    segments = _split_segments(body, start)
    via: list[str] = []
    run: list[tuple[str, int]] = []
    for i, (seg, off) in enumerate(segments):
        cleaned, media = _strip_medium(seg)
        via.extend(media)
        if re.match(r"(?i)yang\b", seg):
            if any(marker in seg.lower() for marker in ("tidak disebutkan", "tak disebutkan", "enggan disebut", "anonim")):
                run.append((seg, off))
            break
        if not cleaned:
            continue
        np = _clean_np(cleaned)
        if i == 0:
            verb = _RIGHT_VERB_RE.search(np)
            if verb and verb.start() > 0:
                np = np[: verb.start()]  # "kata Ilham menuturkan"
            rel = _RELATIVE_RE.search(np)
            if rel and not any(marker in np.lower() for marker in ("disebut", "anonim")):
                np = np[: rel.start()]  # "kata Yayan yang juga ...": the relative clause is not the source
            place = _AT_PLACE_RE.search(np)
            if place:
                named = parse_source(np[: place.start()])
                if named is not None and named.who and np[: place.start()].rstrip().endswith(named.who.split()[-1]):
                    np = np[: place.start()]  # "kata Kepala Dinas X Eddy Santoso di Timika": where, not who
        if not np:
            break
        src = parse_source(np)
        if i == 0:
            if src is None:
                break
            run.append((np, off + max(0, seg.find(np))))
            # the first piece ended at a cut word: what follows it is no longer the source
            if _CUT_RE.search(" " + cleaned + " ") and len(np) < len(cleaned) - 1:
                rest = cleaned[len(np):]
                _, more = _strip_medium(rest)
                via.extend(more)
                break
            continue
        # later pieces: an appositive name or role ("Sekjen NATO, Mark Rutte, Senin (28/10)")
        words = np.split()
        if src is not None and src.kind == "person" and not src.role and not words[0][:1].isupper():
            break  # "oleh WHO, kontras dengan HIV ...": a lower-case clause, not an appositive name
        if src is None or len(words) > 12 or words[0].lower() in _MONTHS or _RIGHT_VERB_RE.search(" " + np):
            break  # a clause, not an appositive ("kata Argo, salah satu pelaku kembali melakukan ...")
        so_far = parse_source(", ".join(piece for piece, _ in run))
        if so_far is None or so_far.kind in ("document", "medium", "reporter", "pronoun"):
            break
        has_role = so_far is not None and (so_far.role is not None or so_far.kind in ("organization", "anonymous"))
        has_name = so_far is not None and so_far.who is not None
        name_piece = src.kind == "person" and not src.role and not src.organization
        single_word_name = has_name and so_far is not None and len(str(so_far.who).split()) == 1
        if not ((name_piece and has_role and (not has_name or single_word_name)) or (src.role and not has_role)):
            break
        run.append((np, off + max(0, seg.find(np))))
    if not run:
        return None, None, tuple(dict.fromkeys(via))
    np = ", ".join(piece for piece, _ in run)
    span = (run[0][1], run[-1][1] + len(run[-1][0]))
    return _finish(np, span, tuple(dict.fromkeys(via)))


_AT_PLACE_RE = re.compile(r"\s+di\s+(?=[A-Z])")
_RELATIVE_RE = re.compile(r"\s+yang(?:\s|$)")


def _finish(np: str, span: tuple[int, int], via: tuple[str, ...]) -> tuple[Source | None, tuple[int, int] | None, tuple[str, ...]]:
    src = parse_source(np)
    if src is None:
        return None, None, via
    if src.kind == "document":
        origin, media = _document_origin(np)
        via = tuple(dict.fromkeys(via + media))
        if origin:
            origin_src = parse_source(origin)
            if origin_src is not None and (
                origin_src.kind in ("organization", "country", "anonymous")
                or (origin_src.kind == "person" and origin_src.role)
            ):
                return origin_src, span, via
            if origin_src is not None and origin_src.kind == "person" and len(origin.split()) <= 2:
                # "data Billboard", "data IDC": whoever owns data is an organisation
                return Source(text=origin, kind="organization", organization=origin, organization_id=origin,
                              org_key="org:" + origin.lower()), span, via
        return src, span, via
    if src.kind == "medium":
        return None, None, tuple(dict.fromkeys(via + ((src.organization,) if src.organization else ())))
    if src.kind == "reporter":
        return None, None, via
    return src, span, via


# --------------------------------------------------------------------------------------
# Neighbours
# --------------------------------------------------------------------------------------

#: How many sentences a quotation may run over before or after the figure's sentence.
_QUOTE_REACH = 6
_ANAPHOR_END_RE = re.compile(r"\s(?:tersebut|itu)$", re.I)
_QUOTE_CHAR_RE = re.compile(r"[“”\"]")
_POST_WORD_RE = re.compile(r"\s*(?:" + CUES[[c[1] for c in CUES].index("kata")][0] + r"|klaim|klaimnya|akunya)(?![\w-])", re.I)


def _quote_marks(text: str) -> list[tuple[int, str]]:
    """Quotation marks of one sentence: (offset, "open" | "close" | "toggle").

    Curly quotes say which they are; a straight one closes when a "kata"-like word or the end
    of the sentence follows it, opens at the start of the sentence, and toggles otherwise.
    """
    marks: list[tuple[int, str]] = []
    for m in _QUOTE_CHAR_RE.finditer(text):
        ch, i = m.group(0), m.start()
        if ch == "“":
            marks.append((i, "open"))
        elif ch == "”":
            marks.append((i, "close"))
        elif _POST_WORD_RE.match(text, i + 1) or not text[i + 1:].strip(" .,!?)"):
            marks.append((i, "close"))
        elif not text[:i].strip():
            marks.append((i, "open"))
        else:
            marks.append((i, "toggle"))
    return marks


def _quote_speaker(
    sentences: Sequence[Sentence], position: int, fspan: tuple[int, int] | None, found: _Found
) -> tuple[_Found, int, int | None, str] | None:
    """The speaker of a quotation that holds the figure, named where it closes or opens.

    `"Sekitar 135 orang ... Imigrasi.` / `Mereka ... keluar," kata Kepala Dinas X.`: the
    figure's sentence is part of a quote whose speaker stands after its closing mark (or
    before its opening mark, "Dia menyambung, ..."). Used when the sentence itself names no
    source, or only through a verb inside the quote ("Pelaku mengakui ...", kata Argo).
    Returns (found, cue position, source position, note) or None.
    """
    if fspan is None:
        return None
    # is a quotation open at the figure? (state assumed closed _QUOTE_REACH sentences before)
    first = max(0, position - _QUOTE_REACH)
    inside = False
    opened_at: tuple[int, int] | None = None
    for pos in range(first, position + 1):
        text = sentences[pos].text
        for off, kind in _quote_marks(text):
            if pos == position and off >= fspan[0]:
                break
            now_open = kind == "open" or (kind == "toggle" and not inside)
            inside = now_open
            opened_at = (pos, off) if now_open else None
    if not inside:
        return None
    own = found.cue
    region_start = opened_at[1] if opened_at is not None and opened_at[0] == position else 0
    if found.source is not None and found.source.kind != "pronoun" and own is not None:
        closes_here = [off for off, kind in _quote_marks(sentences[position].text)
                       if off >= fspan[1] and kind != "open"]
        region_end = closes_here[0] if closes_here else len(sentences[position].text)
        if not region_start <= own.start < region_end:
            return None  # the sentence's own source stands outside the quotation
    # where does it close?
    for pos in range(position, min(len(sentences), position + _QUOTE_REACH)):
        text = sentences[pos].text
        marks = [(off, kind) for off, kind in _quote_marks(text) if pos > position or off >= fspan[1]]
        if not marks:
            continue
        off, kind = marks[0]
        if kind == "open":
            break  # a new quotation before this one closed: the marks do not pair up
        speaker = _speaker_after(text, off)
        if speaker is not None:
            if speaker.source is not None and speaker.source.kind == "pronoun" and opened_at is not None:
                before = _speaker_before(sentences[opened_at[0]].text, opened_at[1])
                if before is not None:
                    return (_Found(speaker.cue, before.source, before.span, tuple(dict.fromkeys(speaker.via + before.via)),
                                   speaker.stance), pos, opened_at[0], "quoted; the speaker is named where the quote opens")
                back = _previous_source(sentences, opened_at[0])
                if back is not None:
                    where, prev = back
                    return (_Found(speaker.cue, prev.source, prev.span, speaker.via, speaker.stance), pos, where,
                            "quoted; 'nya' resolved to the source of an earlier sentence")
                return None
            return speaker, pos, pos, "quoted; the speaker is named where the quote closes"
        break
    if opened_at is not None and opened_at[0] != position:
        before = _speaker_before(sentences[opened_at[0]].text, opened_at[1])
        if before is not None:
            return before, opened_at[0], opened_at[0], "quoted; the speaker is named where the quote opens"
    if opened_at is not None and opened_at[0] > 0 and not sentences[opened_at[0]].text[: opened_at[1]].strip():
        # a new quoted paragraph right after '..." cetus Ronaldo.': the same speaker goes on
        prev_pos = opened_at[0] - 1
        prev = sentences[prev_pos].text
        marks = _quote_marks(prev)
        if marks and marks[-1][1] != "open":
            speaker = _speaker_after(prev, marks[-1][0])
            if speaker is not None and speaker.source is not None and speaker.source.kind != "pronoun":
                return speaker, prev_pos, prev_pos, "quoted; the quote goes on from the previous one's speaker"
    return None


def _speaker_after(text: str, close: int) -> _Found | None:
    """`..., "kata Argo.` / `...," ujar Ketua KPU X`: the post cue right after a closing mark."""
    for cue in find_cues(text, close + 1):
        if cue.kind != "post" or text[close + 1: cue.start].strip(" ,"):
            return None
        source, span, via = _source_for(text, cue)
        if source is None or source.kind == "document":
            return None
        return _Found(cue, source, span, tuple(dict.fromkeys(via + _media_in(text))), cue.stance)
    return None


def _speaker_before(text: str, open_at: int) -> _Found | None:
    """`Dia menyambung, "...` / `X mengatakan: “...`: an active cue right before an opening mark."""
    for cue in reversed(find_cues(text[:open_at])):
        if cue.kind != "active" or text[cue.end: open_at].strip(" ,:"):
            return None
        source, span, via = _source_for(text, cue)
        if source is None or source.kind in ("document", "pronoun"):
            return None
        return _Found(cue, source, span, via, cue.stance)
    return None



def _previous_source(sentences: Sequence[Sentence], position: int) -> tuple[int, _Found] | None:
    # a quote's "ujarnya" often comes a few sentences after the speaker was named
    for pos in range(position - 1, max(-1, position - 5), -1):
        found = _sentence_attribution(sentences[pos].text)
        if found is not None and found.source is not None and found.source.kind not in ("pronoun", "document"):
            return pos, found
    return None


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z-]{3,}", text.lower()) if w not in _STOP}


def _back_reference(sentences: Sequence[Sentence], position: int) -> _Found | None:
    """The next sentence names who confirmed/denied this one's content ("Kedatangan ... dikonfirmasi oleh X")."""
    if position + 1 >= len(sentences):
        return None
    nxt = sentences[position + 1].text
    for cue in find_cues(nxt):
        if cue.kind not in ("passive", "active"):
            continue
        if cue.lemma == "belum dikonfirmasi":
            return None  # "sertifikasi itu tidak diakui MUI": a refusal of something else, not a source
        source, span, via = _source_for(nxt, cue)
        if source is None or source.kind in ("document", "pronoun"):
            continue
        if cue.kind == "passive":
            subject = nxt[: cue.start]
            words = re.findall(r"[a-z][a-z-]+", subject.lower())
            if len(words) > 10 or re.search(r"\d", subject):
                return None  # a long subject, or one with its own quantity, is a new statement
            refers = bool(set(words) & _ANAPHORA) or bool(_content_words(subject) & _content_words(sentences[position].text))
        else:
            if cue.stance not in ("confirmed", "denied"):
                return None  # "X mengatakan ..." opens a new statement
            obj = re.findall(r"[a-z][a-z-]+", nxt[cue.end: cue.end + 40].lower())[:4]
            refers = bool(set(obj) & {"hal", "itu", "tersebut", "ini", "kabar", "laporan", "informasi", "berita", "klaim"})
        if refers:
            return _Found(cue, source, span, via, cue.stance)
        return None
    return None


def _figure_span(text: str, figure: Figure | None) -> tuple[int, int] | None:
    if figure is None:
        return None
    if 0 <= figure.start < figure.end <= len(text) and text[figure.start:figure.end] == figure.text:
        return (figure.start, figure.end)
    idx = text.find(figure.text) if figure.text else -1
    if idx >= 0:
        return (idx, idx + len(figure.text))
    return None


__all__ = ["Attribution", "CUES", "STANCES", "attribute", "find_cues", "sources_in"]
