"""The source phrase a cue points to inside its sentence.

Left of an active verb ("Sekjen NATO, Mark Rutte, mengatakan"), right of a passive's
"oleh", of "kata" after a quotation or of "menurut"; appositives are joined, outlets
become `via`, documents point to their owner. `sources_in` lists every source a sentence
names with a cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.nlp import vocab
from bot.nlp.attribution.clean import (
    BOUNDARY_RE,
    DEGREE_SEGMENT_RE,
    DESCRIPTIONS,
    RIGHT_VERB_RE,
    WITHIN_DOCUMENT_RE,
    before_verb,
    clean_np,
    np_like,
    split_segments,
    strip_dateline,
    strip_medium,
    strip_opener,
    strip_trailing,
)
from bot.nlp.attribution.cues import AGENT_THEN_VERB_RE, Cue, Stance, find_cues
from bot.nlp.attribution.finish import finish_phrase
from bot.nlp.attribution.following import source_from_right
from bot.nlp.entities.parse import parse_source
from bot.nlp.entities.tagged import plain_capitals, strip_plain
from bot.nlp.entities.titles import is_title, word_kind
from bot.nlp.entities.values import Source
from bot.nlp.language import is_root, stem


@dataclass(frozen=True)
class Found:
    cue: Cue | None
    source: Source | None
    span: tuple[int, int] | None
    via: tuple[str, ...]
    stance: Stance


def source_for(
    text: str, cue: Cue, names: frozenset[str] = frozenset()
) -> tuple[Source | None, tuple[int, int] | None, tuple[str, ...]]:
    """The source phrase `cue` points to in `text`, parsed; with the media named around it.

    `names`: words the article writes with a capital inside a sentence somewhere, so a name
    even where the tagger reads it otherwise at the start of this one ("Rama juga ...").
    """
    if cue.kind == "hedge":
        return None, None, ()
    if cue.kind == "active":
        left = left_text(text, cue)
        start = cue.start - len(left)
        found = _source_from_left(left, start, text, cue, names)
        if found[0] is None and not found[2] and start > 0:
            # "Juru bicara X, Milena Sales, saat itu mengatakan", "Presiden X saat meninjau lokasi mengatakan":
            # the subject stands before the temporal clause
            head = text[:start]
            m = re.search(r"\b(?:saat|ketika|usai|seusai|setelah|sebelum|sambil)\s*$", head, re.I)
            if m:
                before = head[: m.start()]
                inner = None
                for b in BOUNDARY_RE.finditer(before):
                    inner = b
                seg_start = inner.end() if inner else 0
                again = _source_from_left(before[seg_start:], seg_start, text, cue, names)
                if again[0] is not None:
                    return again
        return found
    if cue.kind == "passive":
        after = text[cue.end :]
        # "dikonfirmasi langsung oleh X", "dijatuhi hukuman 16 bulan penjara oleh X"
        m = re.match(r"(?:\s+[^\s,.;:]+){0,5}?\s+oleh\s+", after, re.I)
        if m and re.search(r"\s(?:di|ter)[a-z]{3,}\s", after[: m.end()]):
            return None, None, ()  # "diduga dibuat oleh suku Aztec": the agent of another verb
        if not m and _AS_SAID_RE.search(text[: cue.start]):
            m = re.match(r"\s+", after)  # "..., seperti yang dikatakan polisi": the agent follows, any case
        if not m:
            direct = re.match(r"\s+(?=[A-Z])", after)
            if direct and (
                text[: cue.start].strip(" “\"'") == "" or _ends_clause(after) or AGENT_THEN_VERB_RE.match(after)
            ):
                # "Dikatakan Alex, ...", "Dijelaskan Kapolres X, ...": the agent follows directly
                lead = len(after) - len(after.lstrip())
                return source_from_right(after.lstrip(), cue.end + lead, stop_at_comma=True)
            within = WITHIN_DOCUMENT_RE.search(text[: cue.start])
            if within:
                # "Dalam website Unpad dijelaskan, ...", "Dalam laporan BPS disebutkan ...": the document says it
                return finish_phrase(within.group(1), within.span(1), ())
            return None, None, ()
        return source_from_right(after[m.end() :], cue.end + m.end(), stop_at_comma=False)
    if cue.kind == "according":
        if cue.text.lower().endswith("nya"):
            # "Menurutnya, ...", "Dikatakannya, ...": the source is the pronoun in the cue
            return Source(text=cue.text, kind="pronoun"), (cue.start, cue.end), ()
        after = text[cue.end :]
        stripped = len(after) - len(after.lstrip())
        return source_from_right(after.lstrip(), cue.end + stripped, stop_at_comma=True)
    # post
    after = text[cue.end :]
    stripped = len(after) - len(after.lstrip())
    source, span, via = source_from_right(after.lstrip(), cue.end + stripped, stop_at_comma=False)
    if source is None and cue.text.lower().endswith("nya"):
        return Source(text=cue.text, kind="pronoun"), (cue.start, cue.end), via
    return source, span, via


#: What ends the phrase a "yang" clause hangs on: a preposition or a verb before it.
_CLAUSE_HEAD_RE = re.compile(
    r"\s(?:dari|kepada|untuk|dengan|pada|di|ke|oleh|terhadap|tentang|bagi|(?:me|mem|men|meng|meny|ber|di)[a-z]{3,}(?:kan|i)?)\s"
)

#: "..., seperti (yang) dikatakan X": the words before are X's.
_AS_SAID_RE = re.compile(r"(?:^|,)\s*(?:seperti|sebagaimana)(?:\s+yang)?\s*$", re.I)

#: An aside between a subject and its verb: a relative clause or a nickname.
_ASIDE_RE = re.compile(r"(?i)(?:yang|sapaan|panggilan|alias|akrab\s+disapa|biasa\s+disapa)\b")
#: A day or date set off by commas between a subject and its verb ("Sofyan ..., Sabtu menyatakan").
_DATE_RE = re.compile(
    r"(?i)(?:hari\s+)?(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu)(?:\s*\([\d/ ]+\))?(?:\s+(?:lalu|kemarin|malam|pagi|siang|sore))?"
)
_THING_RE = re.compile(r"([A-Z][\w'-]*)\s+(?:itu|ini|tersebut)(?:\s+(?:juga|pun|sudah|telah))?")


def _ends_clause(after: str) -> bool:
    """ "diungkapkan Nolan." / "diungkapkan Nolan, ...": a name closes the clause, so it is the agent."""
    m = re.match(
        r"\s+((?:[A-Z][\w'.-]*\s*){1,8})(?:[,.;!?]|$|(?<=\s)(?:di|pada|saat|ketika|kepada|dalam|usai|seusai|ke|untuk|melalui|lewat|sejak|bahwa)\b)",
        after,
    )
    return m is not None


def left_text(text: str, cue: Cue) -> str:
    before = text[: cue.start]
    last = None
    for m in BOUNDARY_RE.finditer(before):
        last = m
    if last is None:
        return before
    segment = before[last.end() :]
    pieces = [p for p in segment.split(",") if p.strip()]
    if (
        last.group(0).lower() == "yang"
        and len(pieces) >= 2
        and pieces[-1].strip()[:1].isupper()
        and not _DATE_RE.fullmatch(pieces[-1].strip())
    ):
        # "Sebagai motor yang punya roda empat, Budi menyebut", "Dompet digital yang dikembangkan
        # BUMN, LinkAja, mengklaim": the relative clause ended at a comma; the name after it speaks
        return segment[segment.rindex(pieces[-1]) :]
    if last.group(0).lower() == "yang" and not segment.strip(" ,"):
        # "... dari penduduk setempat yang mengaku": the antecedent is the phrase just before "yang"
        head = before[: last.start()].rstrip()
        cut = list(_CLAUSE_HEAD_RE.finditer(head))
        if cut and not re.search(r"[,(]", head[cut[-1].end() :]):
            return head[cut[-1].end() :] + " " * (len(before) - len(head))
    if last.group(0).lower() == "yang" and segment.strip(" ,"):
        # "Laporan yang diperoleh AFP ... menyebutkan": the relative clause belongs to the subject
        head = before[: last.start()]
        inner = None
        for m in BOUNDARY_RE.finditer(head):
            inner = m
        return before[inner.end() :] if inner else before
    if last.group(0).lower() == "yang" and not segment.strip(" ,"):
        # "..., Mark Rutte, yang menyebutkan": the antecedent before "yang"
        head = before[: last.start()].rstrip(" ,")
        oleh = list(re.finditer(r"\boleh\s+", head, re.I))
        if oleh:
            return head[oleh[-1].end() :] + " " * (len(before) - len(head))
        inner = None
        for m in BOUNDARY_RE.finditer(head):
            inner = m
        return (head[inner.end() :] if inner else head) + " " * (len(before) - len(head))
    return segment


def _source_from_left(
    left: str, start: int, text: str, cue: Cue, names: frozenset[str] = frozenset()
) -> tuple[Source | None, tuple[int, int] | None, tuple[str, ...]]:
    segments = split_segments(left, start)
    via: list[str] = []
    run: list[tuple[str, int]] = []
    pointer: re.Match[str] | None = None
    for seg, off in reversed(segments):
        if (
            (_ASIDE_RE.match(seg) and run == [])
            or _DATE_RE.fullmatch(seg)
            or DEGREE_SEGMENT_RE.fullmatch(seg)
            or all(word_kind(w) == "rank" for w in seg.split())
        ):
            continue  # "Pejabat senior AS, yang berbicara ..., mengatakan", "X, Sabtu menyatakan", "X, MD, menyarankan"
        if not run and seg.split()[0] in DESCRIPTIONS and len(segments) > 1 and segments[0][0] != seg:
            continue  # "Pew Research Center, pusat penelitian tentang ..., merilis": a description of the name
        cleaned, media = strip_medium(strip_dateline(seg))
        via.extend(media)
        if not cleaned:
            continue
        if not run:
            pointer = re.search(r"\s(itu|tersebut|ini)\s*$", cleaned)
            cleaned = before_verb(cleaned)
            thing = _THING_RE.fullmatch(strip_opener(cleaned))
            if thing and getattr(parse_source(thing.group(1)), "kind", None) == "person":
                break  # "Marketplace itu mencatat ...": one capitalised word pointed back at is a thing
            inner = re.search(r"\s(?=(?:Seorang|Sebuah|Salah satu|Salah seorang|Para|Pihak)\s)", cleaned)
            if inner:
                cleaned = cleaned[inner.end() :]  # a title glued before the sentence
            np = clean_np(cleaned)
            if np and np != cleaned and parse_source(np) is not None:
                cleaned = np  # "CEO Ankiti Bose dalam rilisnya"
        opened = strip_opener(cleaned)
        trimmed = strip_trailing(opened)
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
        if candidate[:1].isupper() and not _lone_speaker(candidate, text, off, cue, run):
            named = strip_plain(candidate, plain_capitals(text) - names)
            if named != candidate and run:
                break  # "Terlebih lagi, Ciki": a word the tagger reads as no name opens a clause
            candidate = named  # "Menanggapi hal itu" -> "hal itu"; "Pesinetron Eza Gionino" -> "Eza Gionino"
        if not np_like(candidate):
            break
        if run and RIGHT_VERB_RE.search(" " + candidate):
            break  # a clause before the subject ("Kendati membuka pintu ..., Mourinho")
        src = parse_source(candidate) if candidate else None
        if src is None and run:
            break
        if src is None and not is_title(candidate.split()):
            # the nearest piece is no source: maybe a document ("Laporan yang diperoleh AFP ...")
            src = parse_source(clean_np(candidate))
            if src is None:
                break
            candidate = clean_np(candidate)  # (a job title alone, "Sony Pictures VP", waits for its name)
        seg_off = off + seg.find(candidate.split()[0]) if candidate.split() else off
        run.insert(0, (candidate, max(seg_off, off)))
        if opened != cleaned:
            break
    if not run:
        return None, None, tuple(dict.fromkeys(via))
    np = ", ".join(piece for piece, _ in run)
    span = (run[0][1], run[-1][1] + len(run[-1][0]))
    source, span, found_via = finish_phrase(np, span, tuple(dict.fromkeys(via)))
    if source is not None and pointer is not None and not source.who and source.kind not in ("pronoun", "document"):
        # "Anggota Komisi I DPR itu menjelaskan": a descriptor pointing back to someone named before
        source = replace(source, text=f"{source.text} {pointer.group(1)}")
    return source, span, found_via


def _lone_speaker(candidate: str, text: str, off: int, cue: Cue, run: list[tuple[str, int]]) -> bool:
    """One capitalised word opening the sentence and speaking is a name, whatever the tagger reads:
    "Indah mengatakan, ...", "Tata, Head of Hospitality dari X, mengaku ..." (not "Menanggapi ...")."""
    low = candidate.lower()
    if " " in candidate or text[:off].strip(" “\"'") or low in _PROSE_WORDS or low.endswith(("nya", "lah", "kah")):
        return False
    if not run:
        # right before its verb, only a word no dictionary lists ("Desainnya", "Lagu" stay common words)
        return (
            text[off + len(candidate) : cue.start].strip() == ""
            and cue.stance != Stance.UNVERIFIED
            and not is_root(low)
            and stem(low) == low
        )
    described = parse_source(", ".join(piece for piece, _ in run))
    return (
        described is not None and not described.who and (described.role is not None or described.kind == "organization")
    )


#: Sentence openers that are never a speaker's name.
_PROSE_WORDS = (
    vocab.words("openers") | vocab.words("connectives") | vocab.words("function_words") | vocab.words("pronouns")
)


def sentence_attribution(text: str) -> Found | None:
    """The main attribution of a sentence regardless of figures: its first cue with a source."""
    for cue in find_cues(text):
        source, span, via = source_for(text, cue)
        if source is not None:
            return Found(cue, source, span, via, cue.stance)
    return None


def sources_in(text: str) -> list[Source]:
    """Every source a sentence names with a reporting cue, in order (for learning names and roles)."""
    found = []
    for cue in find_cues(text):
        source, _, _ = source_for(text, cue)
        if source is not None:
            found.append(source)
    return found
