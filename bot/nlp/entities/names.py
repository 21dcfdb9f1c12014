"""Name spans in a source phrase: which words are a person's name, and where an organisation ends.

`name_from` keeps the capitalised words of a name, leaving out ranks, titles, roles,
countries, places and function words; `split_org_and_name` cuts "Kementerian Kesehatan
Budi Sadikin" into the organisation and the name after it.
"""

from __future__ import annotations

from bot.nlp import vocab
from bot.nlp.entities.lexicon import (
    ORG_HEADS,
    PLACE_PHRASES,
    COUNTRIES, COUNTRY_PREFIX, NAMED_HEADS, ORG_CONTINUE, ORG_HEAD_PREFIX, ORG_HEAD_WORDS, PAREN_RE, PLACES,
    RANKS, ROLES, longest_prefix,
)


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
    # a country or place phrase at the start
    joined = " ".join(low)
    name = longest_prefix(COUNTRY_PREFIX, joined)
    if name is not None:
        n = len(name.split())
        tail = " ".join(low[n:])
        if low[n:n + 1] == ["dan"]:
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
        if low[n - 1] in NAMED_HEADS and low[n - 1] not in ("tbk", "persero") and n < len(words) and words[n][:1].isupper() and low[n] not in RANKS:
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
        # "Bupati Bantul Abdul Halim": an unknown place word, then a name of two or more words
        if after_role and len(words) >= 3 and all(w[:1].isupper() for w in words) and low[0] not in RANKS:
            return words[0], " ".join(words[1:])
        return None, text
    if low[0] in NAMED_HEADS and caps - n >= 3:
        # "PT Sinar Harapan Makmur Budi Santoso": the company's name keeps all but the last two words
        n = caps - 2
    # a name must keep at least one word; the org stops before a rank
    return " ".join(words[:n]), " ".join(words[n:])


def name_from(text: str) -> str | None:
    text = PAREN_RE.sub(" ", text)
    tokens = [t.strip(".,;:()") for t in text.replace(",", " ").split()]
    names: list[str] = []
    skipping = False
    for i, tok in enumerate(tokens):
        if not tok:
            continue
        if tok.lower().strip(".") in RANKS:
            if names:
                break
            continue
        if tok.lower() in ORG_HEAD_WORDS and tok[:1].isupper():
            names, skipping = [], True  # "... Polda Metro Jaya Argo Yuwono": the name follows the organisation
            continue
        if skipping and tok.lower() in ORG_CONTINUE:
            continue
        skipping = False
        inner_capital = (  # "Dan Bartel": a capitalised "Dan" before a name is a name, not "dan"
            tok == "Dan" and i + 1 < len(tokens) and _is_name_token(tokens[i + 1])
        )
        if _is_name_token(tok) or inner_capital or (names and tok[:1].isupper()) or (names and tok.lower() in ("bin", "binti", "van", "de", "al")):
            names.append(tok)
        elif names:
            break
    if not names:
        return None
    # honorific suffixes such as "CBE" stay: they are part of how the name is printed
    return " ".join(names)


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
    place = leading_place(" ".join(words[:caps - 2]))
    if place is None and organization_id.split()[0].lower().strip("()") in _REGIONAL:
        place = words[0].strip(",")
    if place is None:
        return None, name_part
    return place, " ".join(words[len(place.split()):])


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
    """"KPU (General Elections Commission)" + "Jateng" -> "KPU Jateng (General Elections Commission)";
    an English gloss of our tables takes the place in front ("Mimika Maritime Affairs and
    Fisheries Agency (DKP)"); a well-known body named in English keeps its branch as
    written ("Golkar Purwakarta", not "Purwakarta Golkar Party")."""
    head, paren, gloss = organization.partition(" (")
    if head.isupper() or " " not in head:
        return f"{head} {place}{paren}{gloss}"
    if written and written.split()[0].lower() not in ORG_HEAD_WORDS_ALL:
        return f"{written} {place}"
    return f"{place} {organization.removeprefix('the ')}"
