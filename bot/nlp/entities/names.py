"""Name spans in a source phrase: which words are a person's name, and where an organisation ends.

`name_from` keeps the capitalised words of a name, leaving out ranks, titles, roles,
countries, places and function words; `split_org_and_name` cuts "Kementerian Kesehatan
Budi Sadikin" into the organisation and the name after it.
"""

from __future__ import annotations

from bot.nlp import vocab
from bot.nlp.entities.lexicon import (
    COUNTRIES,
    COUNTRY_PREFIX,
    NAMED_HEADS,
    ORG_CONTINUE,
    ORG_HEAD_PREFIX,
    ORG_HEADS,
    PAREN_RE,
    PLACE_PHRASES,
    PLACES,
    RANKS,
    ROLES,
    longest_prefix,
)
from bot.nlp.entities.titles import NAME_PREFIXES, names_a_body, person_name, word_kind

_STOP_NAME = vocab.words("name_stops")


_CALENDAR = vocab.words("calendar")


def _is_name_token(word: str) -> bool:
    bare = word.strip(".,'’()")
    if not bare or not bare[0].isupper():
        return False
    low = bare.lower()
    if low in RANKS or low in _STOP_NAME or low in COUNTRIES or low in ROLES or low in PLACES or low in _CALENDAR:
        return False
    return not bare.isdigit()


def _is_acronym(word: str) -> bool:
    bare = word.strip(".,()")
    return len(bare) >= 2 and bare.isupper() and bare.isalpha() and bare.lower() not in RANKS


_COMPANY = vocab.words("company_words")


def split_org_and_name(rest: str, after_role: bool = True) -> tuple[str | None, str]:
    """("Kementerian Kesehatan Budi Sadikin") -> ("Kementerian Kesehatan", "Budi Sadikin")."""
    text = rest.strip(" ,")
    if not text:
        return None, ""
    if "," in text:
        head, tail = text.split(",", 1)
        org, leftover = split_org_and_name(head)
        return org, (leftover + " " + tail).strip()
    words = text.split()
    low = [w.lower().strip(".") for w in words]
    if len(words) > 2 and word_kind(words[0]) == "body" and low[1] in ("for", "of", "on", "and", "&"):
        # "Institute for Development of Economics and Finance Bhima Y": an English body's name, then a person's
        name = None if names_a_body(words) else person_name(words[2:])  # "Journal of Food Science": all body
        k = len(words) - len(name.split()) if name and " ".join(words[-len(name.split()) :]) == name else len(words)
        k = max(k, 3)  # the body's name goes on after its link at least one word ("University of Oxford")
        return " ".join(words[:k]), " ".join(words[k:])
    # a country or place phrase at the start
    joined = " ".join(low)
    name = longest_prefix(COUNTRY_PREFIX, joined)
    if name is not None:
        n = len(name.split())
        tail = " ".join(low[n:])
        if low[n : n + 1] == ["dan"]:
            second = longest_prefix(COUNTRY_PREFIX, tail[4:])
            if second:
                n += 1 + len(second.split())
        return " ".join(words[:n]), " ".join(words[n:])
    starts_with_head = longest_prefix(ORG_HEAD_PREFIX, joined) is not None
    n = 0
    while n < len(words) and (low[n] in ORG_CONTINUE or (n == 0 and starts_with_head) or _is_acronym(words[n])):
        if low[n] in RANKS:
            break
        n += 1
        if (
            low[n - 1] in NAMED_HEADS
            and low[n - 1] not in ("tbk", "persero")
            and n < len(words)
            and words[n][:1].isupper()
            and low[n] not in RANKS
        ):
            n += 1  # "PT Pertamina", "Universitas Airlangga": the head's own name
    caps = 0
    while caps < len(words) and words[caps][:1].isupper() and low[caps] not in RANKS:
        caps += 1
    company = max((i for i in range(min(caps, len(words) - 1)) if low[i] in _COMPANY), default=-1)
    if after_role and company >= n:
        # "Analis Samuel Sekuritas Lana Soelistianingsih": the company runs through "Sekuritas"
        n = company + 1
        while n < caps - 1 and low[n] in ("tbk", "persero"):
            n += 1
    if n == 0:
        if after_role and all(w[:1].isupper() for w in words) and low[0] not in RANKS:
            name = person_name(words)
            if name is None:
                return text, ""  # "Direktur Utama Garuda Tauberes Indonesia": all of it is the body
            if len(words) >= 4 and low[0] in ("kecamatan", "kelurahan", "desa", "kabupaten", "kota", "provinsi"):
                return " ".join(words[:2]), " ".join(words[2:])  # "Camat Kecamatan Fatuleu Lambertus Paut"
            if len(words) >= 3 and low[0] not in NAME_PREFIXES:
                return words[0], " ".join(words[1:])  # "Bupati Bantul Abdul Halim": a place word, then the name
        return None, text
    if low[0] in NAMED_HEADS and caps - n >= 3:
        # "PT Sinar Harapan Makmur Budi Santoso": the company's name keeps all but the last two words
        n = caps - 2
    while 0 < n < len(words) and word_kind(words[n]) in ("common", "body", "acronym", "title"):
        n += 1  # "Rumah Perubahan", "Departemen Operasi Divisi": the body's name runs on through its words
    name = person_name(words[n:]) if n else None
    if name is not None and n < caps:
        start = len(words) - len(name.split())
        while start > n and " ".join(words[start : start + len(name.split())]).strip(".,") != name:
            start -= 1
        if n < start <= caps:
            n = start  # "Departemen Operasi Divisi Produk Emas Pegadaian Heri Prasongko": all before the name
    # a name must keep at least one word; the org stops before a rank
    return " ".join(words[:n]), " ".join(words[n:])


def name_from(text: str) -> str | None:
    """The person's name in what is left of a source phrase once its role and body are taken out.

    The capitalised words up to the first lower-case word after them (ranks, titles, bodies
    and places among them); `titles.person_name` picks the name out of that run.
    """
    text = PAREN_RE.sub(" ", text)
    tokens = [t.strip(".,;:()") for t in text.replace(",", " ").split()]
    stretch: list[str] = []
    for tok in tokens:
        if not tok:
            continue
        kind = word_kind(tok)
        if kind == "lower" or (kind == "link" and tok.islower() and tok not in ("dan", "&", "of", "the", "and", "for")):
            if any(word_kind(w) == "name" for w in stretch):
                break
            stretch = []
            continue
        if tok.lower() == "dan" and tok.islower() and any(word_kind(w) == "name" for w in stretch):
            break  # "Joko Widodo dan Prabowo": the first person
        stretch.append(tok)
    return person_name(stretch) if stretch else None


_REGIONAL = vocab.words("regional_bodies")
ORG_HEAD_WORDS_ALL = frozenset(k.split()[0] for k in ORG_HEADS)


def regional_place(organization_id: str | None, name_part: str) -> tuple[str | None, str]:
    """("Dinas Kelautan dan Perikanan", "Mimika Eddy Santoso") -> ("Mimika", "Eddy Santoso").

    After a body with branches everywhere, or before a known place, the first of three or
    more capitalised words is the branch's place, the rest the person's name.
    """
    words = name_part.strip(" ,").split()
    caps = 0
    for word in words:
        if not word[:1].isupper() or word.lower().strip(".,") in RANKS:
            break
        caps += 1
    if not organization_id or caps < 3:
        return None, name_part
    place = leading_place(" ".join(words[: caps - 2]))
    if place is None and organization_id.split()[0].lower().strip("()") in _REGIONAL:
        place = words[0].strip(",")
    if place is None:
        return None, name_part
    return place, " ".join(words[len(place.split()) :])


def leading_place(text: str) -> str | None:
    """The place a phrase opens with, as written: "Jawa Tengah Joko ..." -> "Jawa Tengah"."""
    words = text.strip(" ,").split()
    low = " ".join(w.lower().strip(",") for w in words)
    phrase = next((p for p in PLACE_PHRASES if low == p or low.startswith(p + " ")), None)
    if phrase is not None:
        return " ".join(w.strip(",") for w in words[: len(phrase.split())])
    if words and words[0].lower().strip(",") in PLACES:
        return words[0].strip(",")
    return None


def with_place(organization: str, place: str, written: str | None = None) -> str:
    """ "KPU (General Elections Commission)" + "Jateng" -> "KPU Jateng (General Elections Commission)";
    an English gloss of our tables takes the place in front ("Mimika Maritime Affairs and
    Fisheries Agency (DKP)"); a well-known body named in English keeps its branch as
    written ("Golkar Purwakarta", not "Purwakarta Golkar Party")."""
    head, paren, gloss = organization.partition(" (")
    if head.isupper() or " " not in head:
        return f"{head} {place}{paren}{gloss}"
    if written and written.split()[0].lower() not in ORG_HEAD_WORDS_ALL:
        return f"{written} {place}"
    return f"{place} {organization.removeprefix('the ')}"
