"""Where a title ends and a person's name begins: the capitalised words of a source phrase by kind.

A capital letter does not make a name. In "Kepala Departemen Operasi Divisi Produk Emas
Pegadaian Heri Prasongko" or "Corporate Planning and Communication Division Head ADM,
Elvina Afny" most capitalised words belong to the title. `word_kind` sorts a word by what
it can be, from the vocabulary and from Indonesian word formation:

    rank      a rank, honorific or degree (ranks.txt, degrees.txt): "Kolonel", "Dr", "SpOG"
    title     a word of a role or a job title (roles.tsv, title_words.txt): "Kepala", "Head", "Divisi"
    body      a word that makes the phrase a body's name (org heads, body_words.txt): "Dinas", "Association"
    place     a place or country word: "Jakarta", "Jawa"
    acronym   capitals only, digits or a Roman numeral: "ADM", "KPK", "A330", "Pelindo I"
    common    an Indonesian word formed from a root ("Penyelenggara", "Pegadaian", "Pemasaran":
              pe(N)-, per-, ke- ... -an) or a dictionary word in -si ("Komunikasi")
    link      a joining word: "dan", "&", "of", "the", "and", "for"
    name      any other capitalised word
    lower     any other lower-case word

`person_name(words)` is the person's name in a run of capitalised words: its last run of
name words, unless the run ends the phrase's title ("Sony Picture VP") or a body's name
("Pew Research Center"); a run of four words or more loses its first word unless that word
opens names ("Ni Wayan ...", "Muhammad ..."): "Munas Melchias Marcus Mekeng" is the
Munas's chair Melchias Marcus Mekeng. `is_title(words)` says whether a comma-separated
piece names a job rather than a person ("Head of Hospitality dari Full Color Entertainment"),
and `split_title` cuts such a piece into the job and the body it is held at;
`job_apposition` makes the source of a name and such a job ("Jake Zim, Sony Pictures VP").
`may_name_body(text, role)` says whether the words after a role could name an organisation,
and `role_field(rest)` finds a field's words before a body ("Pemasaran" in "Direktur
Pemasaran PT ADM").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from bot.nlp import vocab
from bot.nlp.entities.gloss import translate_org
from bot.nlp.entities.lexicon import (
    COUNTRIES,
    KNOWN_ENTITIES,
    ORG_HEAD_PREFIX,
    ORG_HEADS,
    ORG_WORD_PREFIX,
    ORG_WORDS,
    PLACES,
    RANKS,
    ROLES,
    known_entity,
    longest_prefix,
    norm,
)
from bot.nlp.entities.values import Source
from bot.nlp.language import is_formed_word

_JOB_WORDS = vocab.words("title_words")
_ROLE_WORDS = frozenset(w for key in ROLES for w in key.split() if len(w) > 2)
_BODY_WORDS = (
    vocab.words("body_words")
    | vocab.words("company_words")
    | vocab.words("named_heads")
    | frozenset(k for k in ORG_HEADS if " " not in k)
)
_PLACE_WORDS = PLACES | frozenset(w for key in COUNTRIES for w in key.split())
_ORG_WORDS = frozenset(w for key in ORG_WORDS for w in key.split() if len(w) > 3)
_ENTITY_WORDS = frozenset(a for _, _, aliases in KNOWN_ENTITIES.values() for a in aliases if " " not in a)
NAME_PREFIXES = vocab.words("name_prefixes")
_PROSE = (
    vocab.words("openers")
    | vocab.words("connectives")
    | vocab.words("function_words")
    | vocab.words("speech_verbs")
    | {"menurut", "berdasarkan", "mengutip", "melansir", "dilansir"}
)
_LINKS = frozenset({"dan", "&", "of", "the", "and", "for", "de", "di", "dari", "asal", "selaku", "sekaligus"})
_INNER_LINKS = frozenset({"bin", "binti", "van", "von", "de", "al", "el", "da", "di"})
#: Capitalised, these open a name ("Dan Bartel", "De La Hoya", "Van Dijk", "Di Maria").
_PARTICLES = _INNER_LINKS | {"dan", "la", "le", "del", "dos", "das", "du", "ten", "ter"}
_PLACE_HEADS = frozenset({"kecamatan", "kelurahan", "desa", "kabupaten", "kota", "provinsi", "kampung", "dusun"})
_WHERE = frozenset({"asal", "dari", "di", "pada", "at", "from", "of", "in"})


@lru_cache(maxsize=8192)
def word_kind(word: str) -> str:
    """The kind of one word of a source phrase (see the module docstring)."""
    bare = word.strip(".,;:()\"'“”")
    low = bare.lower()
    if not bare:
        return "link"
    if low in RANKS or low.replace(".", "") in RANKS:
        return "rank"
    if not bare[:1].isupper() and not bare[:1].isdigit():
        return "link" if low in _LINKS else "lower"
    if low in _LINKS:
        return "link"
    if low in _PROSE:
        return "lower"  # "Menurut", "Sementara", "Kata": a sentence's opening word, capitalised
    if low in _JOB_WORDS:
        return "title"  # before acronyms: "VP", "GM"
    if (len(bare) >= 2 and bare.isupper()) or any(ch.isdigit() for ch in bare) or re.fullmatch(r"[IVX]+", bare):
        return "acronym"  # "KPK", "ADM", "A330"; "LinkAja" or "DompetKu" is a name (of a brand)
    if low in _ROLE_WORDS:
        return "title"
    if low in _BODY_WORDS:
        return "body"
    if low in _PLACE_WORDS:
        return "place"
    if low in _ORG_WORDS or low in _ENTITY_WORDS or is_formed_word(low):
        return "common"
    return "name"


def person_name(words: Sequence[str]) -> str | None:
    """The person's name in a run of capitalised words (see the module docstring), or None."""
    kinds = [word_kind(w) for w in words]
    for k in range(len(words) - 1):
        if words[k].lower() in _PLACE_HEADS and kinds[k + 1] == "name":
            kinds[k], kinds[k + 1] = "place", "place"  # "Kecamatan Fatuleu Lambertus Paut": a place, then the name
    for k in range(len(words) - 2, -1, -1):
        if (
            words[k][:1].isupper()
            and words[k].lower() in _PARTICLES
            and kinds[k + 1] == "name"
            and (k == 0 or kinds[k - 1] != "name")
        ):
            kinds[k] = "name"  # "Dan Bartel", "De La Hoya", "Van Dijk": part of the name
        if words[k] == "I" and words[k + 1].lower() in NAME_PREFIXES:
            kinds[k] = "name"  # "I Gede Ngurah": Balinese, not the numeral of "Pelindo I"
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        if kinds[i] != "name":
            i += 1
            continue
        j = i + 1
        while j < len(words) and (
            kinds[j] == "name" or (words[j].lower() in _INNER_LINKS and j + 1 < len(words) and kinds[j + 1] == "name")
        ):
            j += 1
        runs.append((i, j))
        i = j
    # a run after "asal", "dari", "di" ("Career Coach asal New York") is a place or a body
    runs = [(a, b) for a, b in runs if not (a > 0 and words[a - 1] in _WHERE)]
    if not runs:
        return None
    start, end = runs[-1]
    ranked = kinds[start - 1 : start] == ["rank"]
    if not ranked and any(k in ("title", "body", "common", "place") for k in kinds[end:]):
        return None  # "Sony Picture VP", "Pew Research Center", "Rumah Perubahan": a job or a body
    if not ranked and any(kinds[k] == "body" and words[k + 1].lower() in ("of", "for") for k in range(start - 1)):
        return None  # "Journal of Food Science", "University of Missouri": the body's own name
    if end - start >= 4 and words[start].lower() not in NAME_PREFIXES and kinds[start - 1 : start] != ["rank"]:
        start += 1  # "Munas Melchias Marcus Mekeng": the title's last word, then the name
    return " ".join(w.strip(".,;:()") for w in words[start:end])


def split_title(words: Sequence[str]) -> tuple[str, str]:
    """A job title and the body it is held at: "Sales Manager Domestic PT Hankook Tires Indonesia"
    -> ("Sales Manager Domestic", "PT Hankook Tires Indonesia"); "Sony Pictures VP" -> ("VP", "Sony Pictures")."""
    kinds = [word_kind(w) for w in words]
    if kinds and kinds[0] == "title":
        i = 0
        while i < len(words) and (
            kinds[i] in ("title", "common")
            or (
                words[i].lower() in ("and", "&", "of", "dan")
                and i + 1 < len(words)
                and kinds[i + 1] in ("title", "common")
            )
        ):
            i += 1
        body = list(words[i:])
        while body and body[0].lower() in ("dari", "di", "asal", "at", "from", "pada", "of", "the", "for"):
            body = body[1:]
        return " ".join(words[:i]), " ".join(body)
    j = len(words)
    while j > 0 and kinds[j - 1] == "title":
        j -= 1
    return " ".join(words[j:]), " ".join(words[:j])


def is_title(words: Sequence[str]) -> bool:
    """Does this piece name a job rather than a person ("Head of Hospitality dari ...", "Sony Picture VP",
    "Program Director MCM Live": a title, then the body it is held at)?"""
    kinds = [word_kind(w) for w in words]
    if "title" not in kinds:
        return False
    name = person_name(words)
    if name is None:
        return True
    start = len(words) - len(name.split())
    return kinds[0] == "title" and start > 0 and kinds[start - 1] in ("acronym", "body")


def names_a_body(words: Sequence[str]) -> bool:
    """Does this run of capitalised words name a body ("Pew Research Center", "Journal of Food Science")?

    It holds a body word, ends with one or has one before "of", and no person's name.
    """
    kinds = [word_kind(w) for w in words]
    if "body" not in kinds or "lower" in kinds or person_name(words) is not None:
        return False
    return kinds[-1] == "body" or any(
        kinds[k] == "body" and words[k + 1].lower() in ("of", "for") for k in range(len(words) - 1)
    )


def job_apposition(
    raw: str, segments: list[str], parsed: list[Source | None], aliases: tuple[str, ...]
) -> Source | None:
    """ "Jake Zim, Sony Pictures VP", "Career Coach asal New York, Jamie Terran": a name and a job
    title the role table does not read, the title and its body kept as written."""
    names = [i for i, seg in enumerate(segments) if person_name(seg.split()) == " ".join(seg.split())]
    jobs = [
        i
        for i, (seg, src) in enumerate(zip(segments, parsed))
        if is_title(seg.split())
        and (src is None or src.role is None)
        and "title" in (word_kind(seg.split()[0]), word_kind(seg.split()[-1]))
    ]
    if not names or not jobs:
        return None
    role, body = split_title(segments[jobs[0]].split())
    organization = translate_org(body) if body else None
    return Source(
        text=raw,
        kind="person",
        who=segments[names[0]],
        role=role or None,
        role_id=role or None,
        organization=organization,
        organization_id=body or None,
        org_key="org:" + norm(body) if body else None,
        aliases=aliases,
    )


def may_name_body(org_text: str, role_key: str | None) -> bool:
    """Could these words name an organisation? Not lower-case words ("dan"), nor, with no role
    before them, a bare place ("Jakarta Selatan") or a bare subject ("Kesehatan")."""
    low = org_text.lower()
    if longest_prefix(ORG_HEAD_PREFIX, low) is not None:
        return True
    if not re.search(r"[A-Z]", org_text):
        return False
    if role_key is not None:
        return True
    if all(w.strip(",.") in PLACES for w in low.split()):
        return False
    return not all(longest_prefix(ORG_WORD_PREFIX, w) is not None for w in low.split())


def role_field(rest: str) -> str | None:
    """ "Pemasaran" in "Direktur Pemasaran PT ADM": words of a field before the body they are held at."""
    words = rest.split()
    n = 0
    while n < len(words) and word_kind(words[n]) == "common" and not known_entity(words[n].lower()):
        n += 1
    if n == 0 or n >= len(words) or word_kind(words[n]) not in ("body", "acronym"):
        return None
    if any(longest_prefix(ORG_WORD_PREFIX, w.lower()) for w in words[:n]):
        return None  # "Kesehatan", "Keuangan": a body's own words, glossed with it ("Dinas Kesehatan")
    return " ".join(words[:n])
