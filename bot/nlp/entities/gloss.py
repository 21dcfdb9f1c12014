"""English labels for organisations, roles and unnamed sources (glossing from the vocabulary).

`translate_org("Kementerian Sosial")` is "Ministry of Social Affairs", word by word from
the tables, a proper name kept as written; a role with its organisation reads
"NATO Secretary General" or "Minister of ..."; unnamed sources of one affiliation read
"unnamed Western official/diplomat".
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.nlp.entities.lexicon import (
    COUNTRIES,
    COUNTRY_PREFIX,
    KNOWN_ENTITIES,
    ORG_HEAD_PREFIX,
    ORG_HEADS,
    ORG_WORD_PREFIX,
    ORG_WORDS,
    PLACE_PHRASES,
    PLACES,
    ROLES,
    known_entity,
    longest_prefix,
    norm,
    norm_keep_case,
)
from bot.nlp.entities.values import Source
from bot.nlp.language import is_formed_word, is_root

#: The English labels of the role table: a role shown as written is none of these.
_ENGLISH_ROLES = frozenset(english for english, _ in ROLES.values())


def translate_org(text: str) -> str:
    """English for an organisation's Indonesian name, word by word from the tables.

    "Kementerian Kesehatan" -> "Ministry of Health"; "Dinas Pemadam Kebakaran DKI Jakarta"
    -> "DKI Jakarta Fire and Rescue Agency". Words not in the tables are kept as they are.
    """
    low = norm(text)
    match = known_entity(low)
    if match and match[1].group(0) == low:
        return KNOWN_ENTITIES[match[0]][0]
    located = re.match(r"^(.+?)\s+di\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)$", norm_keep_case(text))
    if located:
        return f"{translate_org(located.group(1))} in {located.group(2)}"
    words = low.split()
    head = None
    key = longest_prefix(ORG_HEAD_PREFIX, low)
    if key is not None:
        head = ORG_HEADS[key]
        words = low[len(key) :].split()
    parts: list[str] = []
    unknown: list[str] = []  # words kept as written: a place, or a word the tables lack
    place: str | None = None
    i = 0
    original = norm_keep_case(text).split()
    offset = len(original) - len(words)
    while i < len(words):
        rest = " ".join(words[i:])
        if words[i] in ("kabupaten", "kota", "provinsi", "kab.", "kab") and i + 1 < len(words):
            kind = {"kota": "City", "provinsi": "Province"}.get(words[i], "Regency")
            following = " ".join(words[i + 1 :])
            phrase = next((p for p in PLACE_PHRASES if following == p or following.startswith(p + " ")), None)
            n = len(phrase.split()) if phrase else 1  # "Provinsi Jawa Barat": the place is two words
            parts.insert(0, f"{' '.join(original[offset + i + 1 : offset + i + 1 + n]) or words[i + 1]} {kind}")
            i += 1 + n
            continue
        hit = longest_prefix(ORG_WORD_PREFIX, rest)
        if hit:
            parts.append(ORG_WORDS[hit])
            i += len(hit.split())
            continue
        place_hit = next((p for p in PLACE_PHRASES if rest == p or rest.startswith(p + " ")), None)
        if place_hit:
            n = len(place_hit.split())
            place_words = original[offset + i : offset + i + n]
            parts.insert(0, " ".join(place_words))
            i += n
            continue
        country = longest_prefix(COUNTRY_PREFIX, rest)
        if country:
            place = COUNTRIES[country][0]
            i += len(country.split())
            continue
        if words[i] in ("dan", "&"):
            parts.append("and")
        elif words[i] not in ("ri", "republik", "indonesia"):
            parts.append(original[offset + i] if offset + i < len(original) else words[i])
            unknown.append(parts[-1])
        i += 1
    if head in ("PT", "Bank", "University", "Party", "Foundation", "Hospital", "Hospital"):
        return norm_keep_case(text)  # a proper name: "Universitas Indonesia", "PT Pertamina"
    known_words = set(ORG_WORDS.values())
    if (
        parts
        and (place is None or head is None)
        and (head is None or head[0].isupper())
        and not any(p in known_words or " " in p for p in parts)
    ):
        return norm_keep_case(text)  # nothing to translate: keep the proper name as written ("Samuel Sekuritas")
    tail: list[str] = []
    while (
        parts
        and parts[-1][:1].isupper()
        and parts[-1] not in known_words
        and len(parts) > 1
        and _could_be_place(parts[-1])
    ):
        tail.insert(0, parts.pop())  # "Kepolisian Resor Bogor": Bogor is the place
    if tail:
        parts.insert(0, " ".join(tail))
    if any(p in unknown for p in parts[1 if tail else 0 :]) and (head or any(p in known_words for p in parts)):
        # half a gloss ("Ministry of Reformasi Birokrasi ...", "lokal government") is worse than none
        return norm_keep_case(text)
    if head is None:
        name = " ".join(parts) or norm_keep_case(text)
        return f"{name} of {place}" if place else name
    if head in ("Ministry", "Department", "Directorate", "Office", "Centre", "Bureau"):
        name = f"{head} of {' '.join(parts)}" if parts else head
    else:
        name = f"{' '.join(parts)} {head}".strip()
    if place:
        name = f"{_possessive(place)} {name}"
    return name


def _could_be_place(word: str) -> bool:
    """A place we know, or a word no Indonesian dictionary lists: "Bogor", "Sleman", not "Udara"
    ("Perhubungan Udara" is air transport, not transport in a place called Udara)."""
    low = word.lower()
    return low in PLACES or not (is_root(low) or is_formed_word(low))


def _indonesian_name(org: str) -> bool:
    """Does a body's name as written open with an Indonesian head ("Departemen ...", "Kecamatan ...")?"""
    words = [w.lower().strip(",.()") for w in org.split()]
    first = words[0] if words else ""
    return (
        (first in ORG_HEADS and ORG_HEADS[first] not in ("PT", "Bank"))
        or first in ("kecamatan", "kelurahan", "desa", "kabupaten", "kota", "provinsi", "divisi", "bidang", "bagian")
        or any(is_formed_word(w) for w in words)
    )  # "Sumber Daya Akademik dan Perpustakaan Unpad"


def _possessive(place: str) -> str:
    place = place.removeprefix("the ")
    return f"{place}'" if place.endswith("s") else f"{place}'s"


def person_role_label(source: Source) -> str | None:
    """ "NATO Secretary General", "acting Bogor Regent", "former Health Minister"."""
    if not source.role:
        return None
    acting = source.role.startswith("acting ")
    label = _role_label(replace(source, role=source.role.removeprefix("acting "))) if acting else _role_label(source)
    if acting and label:
        label = f"acting {label}"
    return f"former {label}" if source.former and label else label


def _role_label(source: Source) -> str | None:
    if not source.role:
        return None
    role = source.role
    org = source.organization
    if not org or (source.role_id or "").lower() in ("kapolri", "wakapolri", "panglima tni", "kasad"):
        return role
    if role == source.role_id and org == source.organization_id and role not in _ENGLISH_ROLES:
        return f"{role} {org}"  # a role and a body kept as written: "Direktur Pemasaran PT ADM", in one language
    if org.split(" (")[0] == source.organization_id and source.role_id and _indonesian_name(source.organization_id):
        # "Kepala Departemen Operasi ... Pegadaian", "Camat Kecamatan Fatuleu": an untranslated body keeps its role
        # in Indonesian too, so that the label stays in one language
        return f"{source.role_id} {source.organization_id}"
    if source.org_key and source.org_key.startswith("country:"):
        adj = COUNTRIES.get((source.organization_id or "").lower(), (org, org))[1]
        return f"{adj} {role}"
    short = org.split(" (")[0]
    holder = role.rsplit(" ", 1)
    if len(holder) == 2 and short.endswith(" " + holder[0]):
        return f"{short} {holder[1]}"  # "Bogor District Police" + "District Police Chief"
    if len(short.split()) <= 2 and " of " not in short:
        return f"{short} {role}"
    if role == "Minister":
        return f"{role} of {short}"
    if short.startswith(("Ministry", "Department", "Directorate", "Office", "the ")) or "'s " in short:
        return f"{role}, {short}"
    if short == source.organization_id:
        return f"{role} of {short}"  # a name kept as written: "Director of PT Sinar Harapan Makmur"
    return f"{role} of the {short}"


def anon_name(affiliation: str, roles: tuple[str, ...]) -> str:
    """ "unnamed Western official/diplomat"."""
    adj = affiliation
    if affiliation.lower() in {c[0].lower() for c in COUNTRIES.values()}:
        adj = next(a for n, a in COUNTRIES.values() if n.lower() == affiliation.lower())
    roles_text = "/".join(dict.fromkeys(roles))
    return f"unnamed {adj} {roles_text}".replace("  ", " ")


def anonymous_group_name(affiliation: str, roles: tuple[str, ...]) -> str:
    """Display name for a group of unnamed sources of one affiliation."""
    return anon_name(affiliation, roles)
