"""Speakers beyond the figure's sentence: quotations, pronouns, earlier sources, back-references.

A quotation that holds the figure is said by whoever is named where it closes ("...,"
kata X) or opens; a pronoun or "-nya" stands for the source of an earlier sentence; the
next sentence may name who confirmed or denied this one ("Hal itu dibenarkan oleh X").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.models import Sentence
from bot.nlp import vocab
from bot.nlp.attribution.clean import media_in
from bot.nlp.attribution.cues import POST_WORD_RE, Stance, find_cues
from bot.nlp.attribution.phrases import Found, source_for
from bot.nlp.attribution.record import last_named
from bot.nlp.attribution.scope import Reference, Scope, reference

_STOP = vocab.words("function_words")


#: How many sentences a quotation may run over before or after the figure's sentence.
_QUOTE_REACH = 6


ANAPHOR_END_RE = re.compile(r"\s(?:tersebut|itu)$", re.I)


_QUOTE_CHAR_RE = re.compile(r"[“”\"]")


def _quote_marks(text: str) -> list[tuple[int, str]]:
    """Quotation marks of one sentence: (offset, "open" | "close" | "toggle").

    Curly quotes say which they are, unless written the wrong way round: a "”" that opens
    a sentence or follows "menyebutkan," before a capital toggles, and so does a "“" that
    ends one. A straight one closes when a "kata"-like word or the end of the sentence
    follows it, opens at the start of the sentence, and toggles otherwise.
    """
    marks: list[tuple[int, str]] = []
    for m in _QUOTE_CHAR_RE.finditer(text):
        ch, i = m.group(0), m.start()
        before, after = text[:i].rstrip(), text[i + 1 :]
        if ch == "“":
            marks.append((i, "toggle" if before and not after.strip(" .,!?)") else "open"))
        elif ch == "”":
            opens = (not before or before.endswith((",", ":"))) and re.match(r"\s*[A-Z]", after) is not None
            marks.append((i, "toggle" if opens else "close"))
        elif POST_WORD_RE.match(text, i + 1) or not text[i + 1 :].strip(" .,!?)"):
            marks.append((i, "close"))
        elif not text[:i].strip():
            marks.append((i, "open"))
        else:
            marks.append((i, "toggle"))
    return marks


def quote_speaker(
    sentences: Sequence[Sentence], position: int, fspan: tuple[int, int] | None, found: Found
) -> tuple[Found, int, int | None, str] | None:
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
        closes_here = [
            off for off, kind in _quote_marks(sentences[position].text) if off >= fspan[1] and kind != "open"
        ]
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
                    return (
                        Found(
                            speaker.cue,
                            before.source,
                            before.span,
                            tuple(dict.fromkeys(speaker.via + before.via)),
                            speaker.stance,
                        ),
                        pos,
                        opened_at[0],
                        "quoted; the speaker is named where the quote opens",
                    )
                back = last_named(sentences, opened_at[0])
                if back is not None:
                    prev = back.found
                    return (
                        Found(speaker.cue, prev.source, prev.span, speaker.via, speaker.stance),
                        pos,
                        back.position,
                        "quoted; 'nya' resolved to the source of an earlier sentence",
                    )
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


def _speaker_after(text: str, close: int) -> Found | None:
    """`..., "kata Argo.` / `...," ujar Ketua KPU X`: the post cue right after a closing mark."""
    for cue in find_cues(text, close + 1):
        if cue.kind != "post" or text[close + 1 : cue.start].strip(" ,"):
            return None
        source, span, via = source_for(text, cue)
        if source is None or source.kind == "document":
            return None
        return Found(cue, source, span, tuple(dict.fromkeys(via + media_in(text))), cue.stance)
    return None


def _speaker_before(text: str, open_at: int) -> Found | None:
    """`Dia menyambung, "...` / `X mengatakan: “...`: an active cue right before an opening mark."""
    for cue in reversed(find_cues(text[:open_at])):
        if cue.kind != "active" or text[cue.end : open_at].strip(" ,:"):
            return None
        source, span, via = source_for(text, cue)
        if source is None or source.kind in ("document", "pronoun"):
            return None
        return Found(cue, source, span, via, cue.stance)
    return None


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z-]{3,}", text.lower()) if w not in _STOP}


def back_reference(sentences: Sequence[Sentence], position: int) -> tuple[Found, Reference] | None:
    """The next sentence names who confirmed/denied this one's content ("Kedatangan ... dikonfirmasi oleh X").

    With the `Reference` that says whether the source stands behind the figure ("Hal itu
    dibenarkan oleh X") or only the event it describes ("Kedatangan ... dikonfirmasi").
    """
    if position + 1 >= len(sentences):
        return None
    nxt = sentences[position + 1].text
    for cue in find_cues(nxt):
        if cue.kind not in ("passive", "active"):
            continue
        if cue.lemma == "belum dikonfirmasi":
            return None  # "sertifikasi itu tidak diakui MUI": a refusal of something else, not a source
        source, span, via = source_for(nxt, cue)
        if source is None or source.kind in ("document", "pronoun"):
            continue
        if cue.kind == "passive":
            subject = nxt[: cue.start]
            words = re.findall(r"[a-z][a-z-]+", subject.lower())
            if len(words) > 10 or re.search(r"\d", subject):
                return None  # a long subject, or one with its own quantity, is a new statement
            ref = reference(subject)
            shared = bool(_content_words(subject) & _content_words(sentences[position].text))
            if ref is None and shared:
                ref = Reference(Scope.FIGURE)  # "Rumah yang rusak itu dibenarkan ...": the same statement
            elif ref is not None and ref.scope == Scope.EVENT and not shared and ref.event is None:
                ref = None  # an unlisted nominalisation about something else
        else:
            if cue.stance not in (Stance.CONFIRMED, Stance.DENIED):
                return None  # "X mengatakan ..." opens a new statement
            obj = nxt[cue.end : cue.end + 60]
            ref = reference(obj)
            if (
                ref is not None
                and ref.scope == Scope.EVENT
                and not (_content_words(obj) & _content_words(sentences[position].text))
            ):
                ref = None  # "X membenarkan kedatangan presiden": not this sentence's event
        if ref is not None:
            return Found(cue, source, span, via, cue.stance), ref
        return None
    return None
