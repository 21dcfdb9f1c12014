"""The per-article record speakers are resolved against: who was last named before a sentence.

A pronoun ("Ia mengatakan", "ujarnya", "Menurutnya"), a descriptor ("kata pemain berusia
22 tahun tersebut", "Direktur Utama PT X itu menjelaskan") or a sentence that continues
a statement ("Sebab, ...") points to the person or body named last. The record is read
lazily, backwards from the sentence that needs it and no further than `REACH` sentences:
in each sentence, the sources its reporting cues name, else the person it opens with
as its subject ("Bek tengah Timnas Malaysia U-22, Adib Zainudin, sesumbar ...", not
"skandal seks Harvey Weinstein ..."; one bare word only when named in full before).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from bot.models import Sentence
from bot.nlp import vocab
from bot.nlp.attribution.clean import clean_np, strip_dateline
from bot.nlp.attribution.cues import Cue, Stance, find_cues
from bot.nlp.attribution.origins import origin_of
from bot.nlp.attribution.phrases import Found, sentence_attribution, source_for
from bot.nlp.entities.parse import parse_source
from bot.nlp.entities.tagged import plain_capitals, strip_plain
from bot.nlp.entities.values import Source, same_speaker

#: How many sentences back the record is read.
REACH = 6

#: Sentence openers that continue the statement of the sentence before ("Sebab, ...").
CONTINUATIONS: dict[str, str] = vocab.table("continuations").mapping("kind")
_CONTINUES_RE = re.compile(
    r"^[“”\"'\s]*(" + "|".join(re.escape(k) for k in sorted(CONTINUATIONS, key=len, reverse=True)) + r")(?=[\s,])", re.I
)
#: Words before a capitalised name that make it a place, not a person ("Pulau Flores").
_PLACE_HEADS = vocab.words("place_heads")

#: The first predicate of a sentence: a prefixed verb or a listed stative word.
_PREDICATE_RE = re.compile(
    r"\s(?:(?:me|mem|men|meng|meny|ber|ter|di)[a-z]{3,}|" + vocab.alternation("predicates") + r")\b"
)
_NOT_VERBS = vocab.words("not_verbs")
_LEADING_CONNECTIVES_RE = re.compile(r"^(?:[“”\"'\s]*" + vocab.alternation("connectives") + r"[\s,]+)*", re.I)


@dataclass(frozen=True)
class Named:
    """A source named in an earlier sentence: where, and as what (and how it was found)."""

    position: int
    found: Found
    note: str | None = None


#: How far back a list introduced by its origin ("berikut ...") reaches.
LIST_REACH = 6


def continued(sentences: Sequence[Sentence], position: int) -> Named | None:
    """The statement a sentence goes on with: the sentence before's, when this one opens with
    "Sebab, ...", "Juga ...", or an item of a list an origin introduced ("Mengutip Boldsky,
    berikut beberapa manfaat ...", "Dalam website Unpad dijelaskan juga, ..."), with no other
    source named in between."""
    text = sentences[position].text
    if continues(text):
        before = [f for f in named_in(sentences[position - 1].text) if f.cue is not None]
        if not before:
            documented = sentence_attribution(sentences[position - 1].text)
            if (
                documented is not None
                and documented.source is not None
                and documented.source.kind == "document"
                and documented.source.organization
            ):
                before = [documented]  # "Dalam website Unpad dijelaskan juga, ... . Juga ada 36 kamar mandi"
        if before:
            return Named(position - 1, before[-1], "the sentence goes on with the previous sentence's statement")
    for pos in range(position - 1, max(-1, position - 1 - LIST_REACH), -1):
        earlier = sentences[pos].text
        origin = origin_of(earlier) if _LIST_RE.search(earlier) else None
        if origin is not None and origin.source is not None:
            cue = Cue(*origin.cue_span, earlier[slice(*origin.cue_span)], "mengutip", Stance.REPORTED, "according")
            return Named(
                pos,
                Found(cue, origin.source, origin.span, (), Stance.REPORTED),
                "an item of the list its origin introduced",
            )
        if named_in(earlier):
            return None
    return None


#: A sentence that introduces a list: "berikut ...", "... antara lain:", "sebagai berikut".
_LIST_RE = re.compile(r"(?i)\bberikut\b|:\s*$")


def last_named(sentences: Sequence[Sentence], position: int, *, person: bool = False) -> Named | None:
    """The source named last before `position` (a person only, with `person`), within REACH.

    A subject of one bare word ("Tatum sepertinya ...") counts only when an earlier
    sentence names it as part of a longer name ("Channing Tatum").
    """
    for pos in range(position - 1, max(-1, position - 1 - REACH), -1):
        for found in reversed(named_in(sentences[pos].text)):
            src = found.source
            if src is None or (person and not (src.kind == "person" and src.who)):
                continue
            if found.cue is None and src.who and " " not in src.who and not _named_in_full(sentences, pos, src.who):
                continue
            return Named(pos, found)
    return None


#: How far a plain sentence may stand from the two statements around it (sentences each way).
ACCOUNT_REACH = 3


def between_statements(sentences: Sequence[Sentence], position: int) -> Named | None:
    """The source of the statements just before and just after `position`, when they are one source's.

    Only sources named by a reporting cue count, and only the nearest statement each way:
    another source in between breaks the account.
    """
    before = _nearest_statement(sentences, range(position - 1, max(-1, position - 1 - ACCOUNT_REACH), -1))
    after = _nearest_statement(sentences, range(position + 1, min(len(sentences), position + 1 + ACCOUNT_REACH)))
    if before is None or after is None:
        return None
    a, b = before.found.source, after.found.source
    if a is None or b is None or not (same_speaker(a, b) and same_speaker(b, a)):
        return None
    return before


def _nearest_statement(sentences: Sequence[Sentence], positions: range) -> Named | None:
    for pos in positions:
        found = [f for f in named_in(sentences[pos].text) if f.cue is not None]
        if not found and positions.step > 0 and _PRONOUN_CLOSE_RE.search(sentences[pos].text):
            # '... Rp 8.000," ujarnya.': the person named last speaks again
            speaker = last_named(sentences, pos, person=True)
            found = [speaker.found] if speaker is not None and speaker.found.cue is not None else []
        if found:
            nearest = found[-1] if positions.step < 0 else found[0]
            if nearest.stance in (Stance.UNVERIFIED, Stance.DENIED):
                return None  # "Goldblum tidak menjelaskan ...": what he did not say is no account of his
            return Named(pos, nearest)
    return None


#: A closing pronoun speaker: '...," ujarnya.', '..." katanya.'
_PRONOUN_CLOSE_RE = re.compile(r"[,”\"]\s*(?:" + vocab.alternation("speech_verbs") + r")nya\b", re.I)


def _named_in_full(sentences: Sequence[Sentence], position: int, word: str) -> bool:
    """Was `word` part of a longer name before ("Channing Tatum"), not of a place ("Pulau Flores")?"""
    pattern = re.compile(rf"([A-Z][\w'-]+)\s+{re.escape(word)}\b|\b{re.escape(word)}\s+[A-Z][\w'-]+")
    for sentence in sentences[:position]:
        for m in pattern.finditer(sentence.text):
            if not (m.group(1) and m.group(1).lower() in _PLACE_HEADS):
                return True
    return False


@lru_cache(maxsize=4096)
def named_in(text: str) -> tuple[Found, ...]:
    """The sources a sentence names, in order: those of its cues, else its opening subject."""
    found = []
    for cue in find_cues(text):
        source, span, via = source_for(text, cue)
        if source is not None and source.kind not in ("pronoun", "document", "medium", "reporter"):
            found.append(Found(cue, source, span, via, cue.stance))
    if found:
        return tuple(found)
    subject = _subject(text)
    return (subject,) if subject is not None else ()


def _subject(text: str) -> Found | None:
    """ "Bek tengah Timnas Malaysia U-22, Adib Zainudin, sesumbar ...": a person opening the sentence."""
    body = _LEADING_CONNECTIVES_RE.sub("", strip_dateline(text))
    offset = len(text) - len(body) if text.endswith(body) else text.find(body)
    for m in _PREDICATE_RE.finditer(body):
        if m.group(0).strip().lower() in _NOT_VERBS:
            continue
        if re.search(r"\s(?:ini|itu|tersebut)\s*$", body[: m.start()]):
            return None  # "Flores ini memiliki ...": a thing or a place, not a person
        phrase = clean_np(body[: m.start()])
        if not phrase or len(phrase.split()) > 14 or strip_plain(phrase, plain_capitals(text)) != phrase:
            return None  # "Balapan ini ...": the tagger reads the opening word as no name
        source = parse_source(phrase)
        if source is None or source.kind != "person" or not source.who:
            return None
        rest = phrase
        for part in (source.who, source.role_id, source.organization_id):
            rest = rest.replace(part or "", " ")
        if re.search(r"\b(?!(?:dari|di|dan)\b)[a-z][\w-]*", rest):
            return None  # "skandal seks Harvey Weinstein": the person is not the subject
        start = max(0, offset) + body.find(phrase)
        return Found(None, source, (start, start + len(phrase)), (), Stance.REPORTED)
    return None


def continues(text: str) -> bool:
    """Does the sentence open by continuing the one before ("Sebab, ...", "Selain itu, ...")?

    Not when a name stands before its first predicate: "Selain itu, Kemenhub akan ...",
    "Sementara buat City, ..." turn to someone else.
    """
    opener = _CONTINUES_RE.match(text)
    if opener is None or re.match(r"[“”\"'\s]*sementara\s+itu\b", text, re.I):
        return False
    if CONTINUATIONS[opener.group(1).lower()] == "reason":
        return True
    rest = text[opener.end() :].lstrip(" ,")
    predicate = _PREDICATE_RE.search(rest)
    head = rest[: predicate.start()] if predicate else rest
    head = head.split(",")[0]
    return re.search(r"(?<![\w-])[A-Z][\w-]", head) is None


def same_role(descriptor: Source, named: Source) -> bool:
    """Could "Direktur Utama PT X itu" be the person named earlier? Not if it names another body."""
    return not (descriptor.org_key and named.org_key and descriptor.org_key != named.org_key)
