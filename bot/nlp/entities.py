"""Who a source is: parsing Indonesian source phrases and resolving their aliases to one entity.

A source phrase is the noun phrase that stands before a reporting verb ("Sekjen NATO,
Mark Rutte"), after "oleh" / "kata" / "menurut", or after "seorang" ("seorang pejabat
Barat"). `parse_source` splits it into a person's name, a role and an organisation, each
kept in Indonesian and rendered in English from the vocabulary tables below; the tables
are data so that they can grow without touching the rules.

`EntityResolver` is built once per question (never shared between calls): it turns parsed
sources into canonical `Entity` values, so that "Departemen Pertahanan Amerika Serikat
(Pentagon)", "Pentagon" and "Departemen Pertahanan AS" are one entity, a spokesperson or
an unnamed official counts for their organisation, and a bare "Rutte" resolves to the
"Sekjen NATO, Mark Rutte" seen earlier.

Public API:
    parse_source(text: str) -> Source | None
    find_medium(text: str) -> str | None        # canonical outlet name ("AFP") or None
    is_medium(text: str) -> bool
    translate_org(text: str) -> str             # "Kementerian Sosial" -> "Ministry of Social Affairs"
    anonymous_group_name(affiliation: str, roles: tuple[str, ...]) -> str
    EntityResolver().resolve(source: Source) -> Entity
    EntityResolver().learn(source: Source) -> None
    EntityResolver().knows(name: str) -> bool
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.nlp import vocab

# --------------------------------------------------------------------------------------
# Vocabulary tables (Indonesian -> English)
# --------------------------------------------------------------------------------------

#: Roles, longest first when matched. Value: (English, speaks_for_org).
#: A role that speaks for its organisation (a spokesperson, an unnamed official) is
#: grouped under the organisation; a head (a minister, a secretary general) is a person.
_ROLE_TABLE = vocab.table("roles")
ROLES: dict[str, tuple[str, bool]] = {
    row[0]: (row[1], row[2] == "yes") for row in _ROLE_TABLE.rows
}

#: Roles that carry their organisation in the word itself.
ROLE_ORGS: dict[str, str] = _ROLE_TABLE.optional("body")

#: Ranks, titles and honorifics stripped from names.
RANKS: frozenset[str] = vocab.words("ranks")

#: Roles followed by the place they govern ("Bupati Bantul ...", "Kapolda Metro Jaya ...").
PLACE_ROLES: frozenset[str] = frozenset(k for k, v in _ROLE_TABLE.mapping("followed_by").items() if v == "place")

#: Countries and regions: Indonesian -> (English noun, English adjective).
COUNTRIES: dict[str, tuple[str, str]] = {row[0]: (row[1], row[2]) for row in vocab.table("countries").rows}

#: Indonesian provinces and big cities (every word of them): kept as they are in English.
PLACES: frozenset[str] = frozenset(w for place in vocab.word_list("places") for w in place.split())

#: Multi-word places, matched as phrases (longest first).
PLACE_PHRASES: tuple[str, ...] = tuple(
    sorted((p for p in vocab.word_list("places") if " " in p), key=lambda p: -len(p.split()))
)

#: Words that head an organisation's name, with their English rendering.
ORG_HEADS: dict[str, str] = vocab.table("org_heads").mapping("english")

#: Words inside organisation names.
ORG_WORDS: dict[str, str] = vocab.table("org_words").mapping("english")

#: Well-known entities: key -> (English display name, kind, aliases in Indonesian/English).
#: An alias in parentheses after a long name ("... (Pentagon)") also makes an alias at run time.
KNOWN_ENTITIES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    row[0]: (row[1], "organization", tuple(row[3].split("|"))) for row in vocab.table("bodies").rows
}

#: News outlets and agencies: a medium is never a confirmer. Canonical name -> aliases.
OUTLETS: dict[str, tuple[str, ...]] = {row[0]: tuple(row[1].split("|")) for row in vocab.table("outlets").rows}

#: People whose job is to report (never a source of the claim).
REPORTER_WORDS: frozenset[str] = vocab.words("reporters")

#: Words that open an anonymous source ("seorang pejabat Barat").
ANON_OPENERS: frozenset[str] = vocab.words("anonymous_openers")

#: Pronouns standing for a source named elsewhere.
PRONOUNS: frozenset[str] = vocab.words("pronouns")

#: Nouns for a document rather than a speaker ("Laporan yang diperoleh AFP").
REPORT_NOUNS: frozenset[str] = vocab.words("report_nouns")

_ANON_MARKERS = vocab.word_list("anonymous_markers")

_STOP_NAME = vocab.words("name_stops")

_ACRONYM_RE = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z0-9&.\-]{1,11}$")
_RANK_PHRASE_RE = re.compile(
    r"\((?:pol|purn|purn\.|tni|ret)\)|"
    r"\b(?:ajun\s+)?komisari?s?\s+(?:besar|jenderal)(?:\s+polisi)?\b|\b(?:ajun\s+)?komisaris\s+polisi\b|\binspektur\s+jenderal(?:\s+polisi)?\b|"
    r"\bbrigadir\s+jenderal(?:\s+polisi)?\b|\b(?:mayor|letnan)\s+jenderal\b|\b(?:laksamana|marsekal)\s+(?:muda|madya|pertama)\b",
    re.I,
)
_PAREN_RE = re.compile(r"\(([^()]{1,80})\)")


# --------------------------------------------------------------------------------------
# Values
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """A source phrase taken apart. Indonesian spans are kept next to their English."""

    text: str  # the Indonesian phrase as found
    kind: str  # person | organization | anonymous | country | medium | reporter | pronoun | document
    who: str | None = None  # a person's name without rank or title ("Mark Rutte")
    role: str | None = None  # English ("Secretary General")
    role_id: str | None = None  # Indonesian span ("Sekjen")
    organization: str | None = None  # English ("NATO")
    organization_id: str | None = None  # Indonesian span ("Pakta Pertahanan Atlantik Utara (NATO)")
    org_key: str | None = None  # canonical key of the organisation, when known
    affiliation: str | None = None  # English adjective for anonymous sources ("Western")
    speaks_for_org: bool = False
    former: bool = False
    aliases: tuple[str, ...] = ()  # acronyms defined in parentheses


@dataclass(frozen=True)
class Entity:
    """A canonical source: everything said by its aliases is grouped under `key`."""

    key: str
    name: str  # English display name ("Mark Rutte, NATO Secretary General")
    kind: str
    who: str | None = None
    role: str | None = None
    organization: str | None = None


# --------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------


def _norm(text: str) -> str:
    text = text.replace("’", "'").replace("“", "").replace("”", "").replace('"', "")
    text = re.sub(r"[.,;:]+$", "", text.strip())
    return re.sub(r"\s+", " ", text).strip().lower()


def _alias_table() -> list[tuple[str, str]]:
    pairs = [(alias, key) for key, (_, _, aliases) in KNOWN_ENTITIES.items() for alias in aliases]
    return sorted(pairs, key=lambda p: -len(p[0]))


def _outlet_table() -> list[tuple[str, str]]:
    pairs = [(alias, name) for name, aliases in OUTLETS.items() for alias in aliases]
    return sorted(pairs, key=lambda p: -len(p[0]))


_ALIASES = tuple(_alias_table())
_OUTLET_ALIASES = tuple(_outlet_table())
_ROLE_KEYS = tuple(sorted(ROLES, key=lambda r: -len(r)))
_COUNTRY_KEYS = tuple(sorted(COUNTRIES, key=lambda c: -len(c)))
_ORG_WORD_KEYS = tuple(sorted(ORG_WORDS, key=lambda w: -len(w)))
_ORG_HEAD_KEYS = tuple(sorted(ORG_HEADS, key=lambda w: -len(w)))


#: Known entities that are Indonesian bodies: followed by another country, they are that country's.
_INDONESIAN_BODIES = frozenset(k for k, home in vocab.table("bodies").mapping("home").items() if home == "id")



def _alternation(aliases: list[str]) -> re.Pattern[str]:
    ordered = sorted(set(aliases), key=lambda a: -len(a))
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(a) for a in ordered) + r")(?![\w])")


_ENTITY_KEYS = dict(_ALIASES)
_ENTITY_RE = _alternation(list(_ENTITY_KEYS))
_OUTLET_NAMES = {alias: name for alias, name in _OUTLET_ALIASES}
_OUTLET_LONG_RE = _alternation([a for a in _OUTLET_NAMES if len(a) > 3])
_OUTLET_SHORT_RE = _alternation([a.upper() for a in _OUTLET_NAMES if len(a) <= 3])


def _prefix_re(keys: tuple[str, ...], stop: str = r"\s") -> re.Pattern[str]:
    """Match any key at the start of a string, longest first, ending at `stop` or the end."""
    ordered = sorted(keys, key=lambda k: -len(k))
    return re.compile(r"(?:" + "|".join(re.escape(k) for k in ordered) + r")(?=" + stop + r"|$)")


_ROLE_PREFIX = _prefix_re(_ROLE_KEYS, r"[\s,]")
_COUNTRY_PREFIX = _prefix_re(_COUNTRY_KEYS)
_ORG_HEAD_PREFIX = _prefix_re(_ORG_HEAD_KEYS)
_ORG_WORD_PREFIX = _prefix_re(_ORG_WORD_KEYS)


def _prefix(pattern: re.Pattern[str], low: str) -> str | None:
    """The longest table key that `low` starts with, as a whole word or words."""
    m = pattern.match(low)
    return m.group(0) if m else None


def find_medium(text: str) -> str | None:
    """The canonical name of the news outlet or agency named in `text`, if any.

    Short acronyms count only in their upper-case form ("AP", "ABC"); the longest name wins.
    """
    low = _norm(text)
    found = [m.group(0) for m in _OUTLET_LONG_RE.finditer(low)]
    found += [m.group(0).lower() for m in _OUTLET_SHORT_RE.finditer(text)]
    if not found:
        return None
    return _OUTLET_NAMES[max(found, key=len)]


_MEDIUM_WORDS_RE = re.compile(r"\b" + vocab.alternation("medium_words") + r"\b")


def is_medium(text: str) -> bool:
    """True when the phrase is (mostly) the name of an outlet: "Kyiv Independent", "kantor berita AFP"."""
    name = find_medium(text)
    if name is None:
        return False
    rest = _norm(text)
    for alias in sorted(OUTLETS[name], key=len, reverse=True):
        rest = rest.replace(alias, " ")
    rest = _MEDIUM_WORDS_RE.sub(" ", rest)
    return len(rest.split()) <= 2


def _known_entity(low: str) -> tuple[str, re.Match[str]] | None:
    matches = list(_ENTITY_RE.finditer(low))
    if not matches:
        return None
    best = max(matches, key=lambda m: len(m.group(0)))
    return _ENTITY_KEYS[best.group(0)], best


def translate_org(text: str) -> str:
    """English for an organisation's Indonesian name, word by word from the tables.

    "Kementerian Kesehatan" -> "Ministry of Health"; "Dinas Pemadam Kebakaran DKI Jakarta"
    -> "DKI Jakarta Fire and Rescue Agency". Words not in the tables are kept as they are.
    """
    low = _norm(text)
    match = _known_entity(low)
    if match and match[1].group(0) == low:
        return KNOWN_ENTITIES[match[0]][0]
    located = re.match(r"^(.+?)\s+di\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)$", _norm_keep_case(text))
    if located:
        return f"{translate_org(located.group(1))} in {located.group(2)}"
    words = low.split()
    head = None
    key = _prefix(_ORG_HEAD_PREFIX, low)
    if key is not None:
        head = ORG_HEADS[key]
        words = low[len(key):].split()
    parts: list[str] = []
    place: str | None = None
    i = 0
    original = _norm_keep_case(text).split()
    offset = len(original) - len(words)
    while i < len(words):
        rest = " ".join(words[i:])
        if words[i] in ("kabupaten", "kota", "provinsi", "kab.", "kab") and i + 1 < len(words):
            kind = {"kota": "City", "provinsi": "Province"}.get(words[i], "Regency")
            parts.insert(0, f"{original[offset + i + 1] if offset + i + 1 < len(original) else words[i + 1]} {kind}")
            i += 2
            continue
        hit = _prefix(_ORG_WORD_PREFIX, rest)
        if hit:
            parts.append(ORG_WORDS[hit])
            i += len(hit.split())
            continue
        place_hit = next((p for p in PLACE_PHRASES if rest == p or rest.startswith(p + " ")), None)
        if place_hit:
            n = len(place_hit.split())
            place_words = original[offset + i: offset + i + n]
            parts.insert(0, " ".join(place_words))
            i += n
            continue
        country = _prefix(_COUNTRY_PREFIX, rest)
        if country:
            place = COUNTRIES[country][0]
            i += len(country.split())
            continue
        if words[i] in ("dan", "&"):
            parts.append("and")
        elif words[i] not in ("ri", "republik", "indonesia"):
            parts.append(original[offset + i] if offset + i < len(original) else words[i])
        i += 1
    if head in ("PT", "Bank", "University", "Party", "Foundation", "Hospital", "Hospital"):
        return _norm_keep_case(text)  # a proper name: "Universitas Indonesia", "PT Pertamina"
    known_words = set(ORG_WORDS.values())
    if parts and place is None and head and head[0].isupper() and not any(p in known_words or " " in p for p in parts):
        return _norm_keep_case(text)  # nothing to translate: keep the Indonesian proper name
    tail: list[str] = []
    while parts and parts[-1][:1].isupper() and parts[-1] not in known_words and len(parts) > 1:
        tail.insert(0, parts.pop())  # "Kepolisian Resor Bogor": Bogor is the place
    if tail:
        parts.insert(0, " ".join(tail))
    if head is None:
        name = " ".join(parts) or _norm_keep_case(text)
        return f"{name} of {place}" if place else name
    if head in ("Ministry", "Department", "Directorate", "Office", "Centre", "Bureau"):
        name = f"{head} of {' '.join(parts)}" if parts else head
    else:
        name = f"{' '.join(parts)} {head}".strip()
    if place:
        name = f"{_possessive(place)} {name}"
    return name


def _possessive(place: str) -> str:
    place = place.removeprefix("the ")
    return f"{place}'" if place.endswith("s") else f"{place}'s"


def _norm_keep_case(text: str) -> str:
    text = text.replace("“", "").replace("”", "").replace('"', "")
    text = re.sub(r"[.,;:]+$", "", text.strip())
    return re.sub(r"\s+", " ", text).strip()


def _is_name_token(word: str) -> bool:
    bare = word.strip(".,'’()")
    if not bare or not bare[0].isupper():
        return False
    low = bare.lower()
    if low in RANKS or low in _STOP_NAME or low in COUNTRIES or low in ROLES or low in PLACES:
        return False
    return not bare.isdigit()


# --------------------------------------------------------------------------------------
# Parsing a source phrase
# --------------------------------------------------------------------------------------


def parse_source(text: str) -> Source | None:
    """Take apart an Indonesian source phrase; None when nothing in it names a source.

    >>> parse_source("Sekjen NATO, Mark Rutte").who
    'Mark Rutte'
    """
    raw = _norm_keep_case(text)
    raw = re.sub(r"^(?:pihak|kalangan)\s+", "", raw, flags=re.I)
    if not raw:
        return None
    low = raw.lower()
    raw = _RANK_PHRASE_RE.sub(" ", raw)
    raw = re.sub(r"\s+", " ", raw).strip(" ,")
    if not raw:
        return None
    low = raw.lower()
    aliases = tuple(
        m.group(1).strip() for m in _PAREN_RE.finditer(raw)
        if _ACRONYM_RE.match(m.group(1).strip()) or _known_entity(m.group(1).strip().lower())
    )
    plain = _PAREN_RE.sub(" ", raw)
    plain = re.sub(r"\s+", " ", plain).strip(" ,")
    plain_low = plain.lower()
    words_low = plain_low.replace(",", " ").split()
    if not words_low:
        return None

    if "," in plain:
        merged = _parse_segments(raw, plain, aliases)
        if merged is not None:
            return merged
    if words_low[0] in PRONOUNS or plain_low in PRONOUNS:
        return Source(text=raw, kind="pronoun")
    if words_low[0] in REPORT_NOUNS or (
        len(words_low) > 1 and words_low[0] in ("sebuah", "satu", "hasil") and words_low[1] in REPORT_NOUNS
    ):
        return Source(text=raw, kind="document")
    if any(w in REPORTER_WORDS for w in words_low[:2]) and not find_medium(plain):
        return Source(text=raw, kind="reporter", role="reporter")
    if is_medium(plain) and not _known_entity(plain_low):
        return Source(text=raw, kind="medium", organization=find_medium(plain))

    former = False
    body = plain
    if re.match(r"^(mantan|eks|bekas)\s", body, re.I):
        former = True
        body = body.split(" ", 1)[1]

    anonymous = False
    opener = re.match(r"^(seorang|salah satu|salah seorang|sejumlah|beberapa|para|dua|tiga|sebuah)\s+", body, re.I)
    if opener:
        anonymous = True
        body = body[opener.end():]
        if re.match(r"^(mantan|eks)\s", body, re.I):
            former = True
            body = body.split(" ", 1)[1]
    if any(m in low for m in _ANON_MARKERS):
        anonymous = True

    # Role at the start ("Juru Bicara Pentagon ...", "Kapolda Metro Jaya ...")
    body_low = body.lower()
    role_key = _prefix(_ROLE_PREFIX, body_low)
    role_id = body[: len(role_key)] if role_key else None
    rest = body[len(role_key):].strip(" ,") if role_key else body
    role_en, speaks = ROLES[role_key] if role_key else (None, False)
    joined = _JOINED_ROLE_RE.match(rest) if role_key else None
    second = _prefix(_ROLE_PREFIX, rest[joined.end():].lower()) if joined else None
    if joined and second:
        # "Co-Founder & CEO Ruangguru ...", "Pendiri sekaligus CEO ...": two roles held at once
        end = joined.end() + len(second)
        role_id = f"{role_id} {rest[:end]}".strip()
        role_en = f"{role_en} and {ROLES[second][0]}"
        speaks = speaks and ROLES[second][1]
        role_key = second
        rest = rest[end:].strip(" ,")
    rest = re.sub(r"^(dari|di|pada)\s+", "", rest, flags=re.I)
    rest = re.sub(r"^(aliansi|pakta|organisasi)\s+(?=[A-Z])", "", rest)

    # Organisation: a known entity, else a country, else an org head ("Dinas X")
    organization = organization_id = org_key = None
    affiliation = None
    rest_low = rest.lower()
    name_part = rest
    known = _known_entity(rest_low)
    if known is None and aliases:
        for alias in aliases:
            known_alias = _known_entity(alias.lower())
            if known_alias:
                known = (known_alias[0], None)  # type: ignore[assignment]
                break
    if known is not None:
        org_key = known[0]
        organization = KNOWN_ENTITIES[org_key][0]
        if known[1] is not None:
            m = known[1]
            organization_id = rest[: m.end()].strip(" ,") if m.start() < 40 else rest[m.start(): m.end()]
            name_part = rest[m.end():]
            place = name_part.split()[0].strip(",.") if name_part.split() else ""
            if place.lower() in PLACES and not m.group(0) in ("pentagon", "kremlin", "nato"):
                # "KPU Jateng", "BPBD Garut": the regional branch is an organisation of its own
                organization = f"{organization} {place}"
                organization_id = f"{organization_id} {place}"
                org_key = f"org:{_norm(organization_id)}"
                name_part = name_part.split(None, 1)[1] if len(name_part.split()) > 1 else ""
            foreign = _prefix(_COUNTRY_PREFIX, name_part.strip(" ,").lower())
            if foreign and COUNTRIES[foreign][0] != "Indonesia" and org_key in _INDONESIAN_BODIES:
                # "Kementerian Kesehatan Arab Saudi": another country's ministry, not Indonesia's
                n = len(foreign.split())
                words = name_part.strip(" ,").split()
                organization_id = f"{organization_id} {' '.join(words[:n])}"
                organization = translate_org(organization_id)
                org_key = "org:" + _norm(organization_id)
                name_part = " ".join(words[n:])
        else:
            # the alias came from parentheses: the org's long name runs up to where they stood
            organization_id = _long_name_before_paren(raw, aliases)
            name_part = _after_org(rest, organization_id)
    elif aliases and "," not in raw and rest:
        # "Lembaga Penjamin Simpanan (LPS) Purbaya": the org's name runs up to its acronym
        n_before = len(raw[: raw.find("(" + aliases[0])].split())
        n_prefix = len(plain.split()) - len(rest.split())
        rest_words = rest.split()
        cut = max(0, min(len(rest_words), n_before - n_prefix))
        org_text = " ".join(rest_words[:cut])
        name_part = " ".join(rest_words[cut:])
        if org_text:
            organization = translate_org(org_text)
            organization_id = org_text
            org_key = "org:" + _norm(org_text)
    else:
        org_text, name_part = _split_org_and_name(rest, after_role=role_key in PLACE_ROLES or role_key in ORG_LED_ROLES)
        if role_key is None and org_text and _prefix(_ORG_HEAD_PREFIX, org_text.lower()) is not None \
                and "," not in rest and not any(w.lower() in RANKS for w in rest.split()):
            org_text, name_part = rest.strip(" ,"), ""  # "Lembaga Penjamin Simpanan": all of it is the name
        countries = [COUNTRIES.get(c.strip()) for c in re.split(r"\s+dan\s+|\s*,\s*", org_text.lower())] if org_text else []
        if org_text and len(countries) > 1 and all(countries):
            organization = " and ".join(c[0] for c in countries)  # type: ignore[index]
            organization_id = org_text
            affiliation = " and ".join(c[1] for c in countries)  # type: ignore[index]
            org_key = "country:" + organization
        elif org_text:
            country = COUNTRIES.get(org_text.lower())
            if country is not None:
                organization = country[0]
                organization_id = org_text
                affiliation = country[1]
                org_key = "country:" + country[0]
            else:
                organization = translate_org(org_text)
                organization_id = org_text
                org_key = "org:" + _norm(org_text)
    if aliases and org_key and org_key.startswith("org:"):
        organization = f"{organization} ({aliases[0]})"
    if role_key in ROLE_ORGS and (org_key is None or not org_key.startswith(("polri", "tni"))):
        base = ROLE_ORGS[role_key]
        place = _split_org_and_name(rest)[0] if base not in ("Polri", "TNI", "TNI AD") else None
        organization_id = f"{base} {place}".strip() if place and base != "Polri" else base
        base_known = _known_entity(base.lower())
        if base_known:
            org_key = base_known[0]
            organization = KNOWN_ENTITIES[org_key][0]
        else:
            organization = f"{place} {ORG_HEADS.get(base.lower(), base)}".strip() if place else base
            org_key = "org:" + _norm(organization_id)
            affiliation = None
        name_part = rest[len(place):] if place and rest.lower().startswith(place.lower()) else rest

    who = _name_from(name_part)
    if who and organization and who.lower() in organization.lower():
        who = None
    if who and anonymous:
        who = None

    if anonymous:
        if role_en is None and not organization:
            return None
        if affiliation is None and org_key and org_key.startswith("country:"):
            affiliation = COUNTRIES.get((organization_id or "").lower(), (None, None))[1]
        return Source(
            text=raw, kind="anonymous", role=role_en or "source", role_id=role_id,
            organization=organization, organization_id=organization_id, org_key=org_key,
            affiliation=affiliation, speaks_for_org=True, former=former, aliases=aliases,
        )
    if who:
        return Source(
            text=raw, kind="person", who=who, role=role_en, role_id=role_id,
            organization=organization, organization_id=organization_id, org_key=org_key,
            affiliation=affiliation, speaks_for_org=speaks, former=former, aliases=aliases,
        )
    if role_en and speaks:
        # "juru bicara Pentagon", "pejabat Ukraina dan AS" without a name
        return Source(
            text=raw, kind="anonymous" if organization else "role", role=role_en, role_id=role_id,
            organization=organization, organization_id=organization_id, org_key=org_key,
            affiliation=affiliation, speaks_for_org=True, former=former, aliases=aliases,
        )
    if organization:
        kind = "country" if org_key and org_key.startswith("country:") else "organization"
        return Source(
            text=raw, kind=kind, role=role_en, role_id=role_id, organization=organization,
            organization_id=organization_id, org_key=org_key, affiliation=affiliation,
            former=former, aliases=aliases,
        )
    if role_en:
        return Source(text=raw, kind="role", role=role_en, role_id=role_id, former=former)
    return None


def _parse_segments(raw: str, plain: str, aliases: tuple[str, ...]) -> Source | None:
    """"Sekjen NATO, Mark Rutte" or "John Foreman, mantan atase ...": a role and a name apart."""
    segments = [seg.strip() for seg in plain.split(",") if seg.strip()]
    parsed = [parse_source(seg) for seg in segments]
    name_only = [i for i, (seg, src) in enumerate(zip(segments, parsed))
                 if src is not None and src.kind == "person" and not src.role and not src.organization]
    with_role = [i for i, src in enumerate(parsed) if src is not None and (src.role or src.organization)
                 and src.kind not in ("medium", "reporter")
                 and not (src.role is None and src.org_key is not None and src.org_key.startswith("org:")
                          and (src.organization_id or "").lower() in PLACES)]
    if not with_role:
        return None
    base = parsed[with_role[0]]
    assert base is not None
    if name_only and base.role and base.kind in ("role", "anonymous", "organization", "country", "person"):
        who = parsed[name_only[0]].who  # type: ignore[union-attr]
        if base.who and base.who != who and base.organization:
            # "Kepala BPBD Cilacap, Satria": the stray word after the org is a place
            base = replace(base, organization=f"{base.organization} {base.who}",
                           organization_id=f"{base.organization_id} {base.who}", who=None)
        elif base.who and base.who != who:
            # "pelatih Persija, Stefano Cugurra Teco": the word after the role names the organisation
            base = replace(base, organization=base.who, organization_id=base.who,
                           org_key="org:" + _norm(base.who), who=None)
        return replace(base, text=raw, who=who, kind="person", aliases=aliases or base.aliases)
    if len(with_role) == 1 and not name_only:
        return replace(base, text=raw, aliases=aliases or base.aliases)
    return replace(base, text=raw, aliases=aliases or base.aliases)


def _long_name_before_paren(raw: str, aliases: tuple[str, ...]) -> str:
    idx = raw.find("(" + aliases[0])
    before = raw[:idx].strip() if idx > 0 else raw
    return f"{before} ({aliases[0]})" if idx > 0 else before


def _after_org(rest: str, organization_id: str | None) -> str:
    close = rest.find(")")
    return rest[close + 1:] if close >= 0 else ""


_ORG_CONTINUE = frozenset(
    {w for k in ORG_WORDS for w in k.split()}
    | {w for k in ORG_HEADS for w in k.split()}
    | {w for k in COUNTRIES for w in k.split()}
    | {w for p in PLACE_PHRASES for w in p.split()}
    | PLACES
    | {"dan", "republik", "ri", "provinsi", "kabupaten", "kota", "daerah", "negara", "nasional", "tbk", "persero"}
)


#: Roles usually followed by the name of their organisation, then the person's
#: ("CEO Tesla Elon Musk", "pelatih Persib Djadjang Nurdjaman"): with three capitalised
#: words after the role, the first is the organisation.
ORG_LED_ROLES: frozenset[str] = frozenset(k for k, v in _ROLE_TABLE.mapping("followed_by").items() if v == "org")

_JOINED_ROLE_RE = re.compile(r"\s*(?:&|dan|sekaligus|merangkap|/)\s*", re.I)

_NAMED_HEADS = vocab.words("named_heads")


def _is_acronym(word: str) -> bool:
    bare = word.strip(".,()")
    return len(bare) >= 2 and bare.isupper() and bare.isalpha() and bare.lower() not in RANKS


def _split_org_and_name(rest: str, after_role: bool = True) -> tuple[str | None, str]:
    """("Kementerian Kesehatan Budi Sadikin") -> ("Kementerian Kesehatan", "Budi Sadikin")."""
    text = rest.strip(" ,")
    if not text:
        return None, ""
    if "," in text:
        head, tail = text.split(",", 1)
        org, leftover = _split_org_and_name(head)
        return org, (leftover + " " + tail).strip()
    words = text.split()
    low = [w.lower().strip(".") for w in words]
    # a country or place phrase at the start
    joined = " ".join(low)
    name = _prefix(_COUNTRY_PREFIX, joined)
    if name is not None:
        n = len(name.split())
        tail = " ".join(low[n:])
        if low[n:n + 1] == ["dan"]:
            second = _prefix(_COUNTRY_PREFIX, tail[4:])
            if second:
                n += 1 + len(second.split())
        return " ".join(words[:n]), " ".join(words[n:])
    starts_with_head = _prefix(_ORG_HEAD_PREFIX, joined) is not None
    n = 0
    while n < len(words) and (low[n] in _ORG_CONTINUE or (n == 0 and starts_with_head) or _is_acronym(words[n])):
        if low[n] in RANKS:
            break
        n += 1
        if low[n - 1] in _NAMED_HEADS and low[n - 1] not in ("tbk", "persero") and n < len(words) and words[n][:1].isupper() and low[n] not in RANKS:
            n += 1  # "PT Pertamina", "Universitas Airlangga": the head's own name
    if n == 0:
        # "Bupati Bantul Abdul Halim": an unknown place word, then a name of two or more words
        caps = [w for w in words if w[:1].isupper()]
        if after_role and len(words) >= 3 and len(caps) == len(words) and low[0] not in RANKS:
            return words[0], " ".join(words[1:])
        return None, text
    # a name must keep at least one word; the org stops before a rank
    return " ".join(words[:n]), " ".join(words[n:])


_ORG_HEAD_WORDS = frozenset(k for k in ORG_HEADS if " " not in k and k not in ("pusat", "militer", "tentara", "intelijen"))


def _name_from(text: str) -> str | None:
    text = _PAREN_RE.sub(" ", text)
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
        if tok.lower() in _ORG_HEAD_WORDS and tok[:1].isupper():
            names, skipping = [], True  # "... Polda Metro Jaya Argo Yuwono": the name follows the organisation
            continue
        if skipping and tok.lower() in _ORG_CONTINUE:
            continue
        skipping = False
        inner_capital = (  # "Dan Bartel": a capitalised "Dan" before a name is a name, not "dan"
            tok[:1].isupper() and tok.lower() in _STOP_NAME and i + 1 < len(tokens) and _is_name_token(tokens[i + 1])
        )
        if _is_name_token(tok) or inner_capital or (names and tok[:1].isupper()) or (names and tok.lower() in ("bin", "binti", "van", "de", "al")):
            names.append(tok)
        elif names:
            break
    if not names:
        return None
    # honorific suffixes such as "CBE" stay: they are part of how the name is printed
    return " ".join(names)


# --------------------------------------------------------------------------------------
# Resolving sources to canonical entities
# --------------------------------------------------------------------------------------


def _person_role_label(source: Source) -> str | None:
    if not source.role:
        return None
    label = _role_label(source)
    return f"former {label}" if source.former and label else label


def _role_label(source: Source) -> str | None:
    if not source.role:
        return None
    role = source.role
    org = source.organization
    if not org or (source.role_id or "").lower() in ("kapolri", "wakapolri", "panglima tni", "kasad"):
        return role
    if source.org_key and source.org_key.startswith("country:"):
        adj = COUNTRIES.get((source.organization_id or "").lower(), (org, org))[1]
        return f"{adj} {role}"
    short = org.split(" (")[0]
    if len(short.split()) <= 2 and " of " not in short:
        return f"{short} {role}"
    if role == "Minister":
        return f"{role} of {short}"
    if short.startswith(("Ministry", "Department", "Directorate", "Office", "the ")) or "'s " in short:
        return f"{role}, {short}"
    return f"{role} of the {short}"


class EntityResolver:
    """Turns parsed sources into canonical entities; remembers names seen with a role.

    Make one per question: what it learns ("Rutte" is NATO's Secretary General) holds for
    the articles of that question only.
    """

    def __init__(self) -> None:
        self._people: dict[str, Entity | None] = {}  # lower-case full name -> entity (None: ambiguous)
        # (scope, name part) -> entity: a bare "Joko" is the Joko of the same article
        self._parts: dict[tuple[str | None, str], Entity | None] = {}
        # a surname ("Rutte") or several parts ("Sri Mulyani") also hold across articles
        self._surnames: dict[str, Entity | None] = {}
        self._any_part: dict[str, Entity | None] = {}
        self._acronyms: dict[str, str] = {}  # acronym defined in parentheses -> org key

    def learn(self, source: Source, scope: str | None = None) -> None:
        """Remember a person seen with a role, and acronyms defined in parentheses.

        `scope` (an article id) limits what a bare first name resolves to: "Joko" in one
        article is not the "Joko Widodo" of another, while a surname ("Rutte") and a
        name of several parts ("Sri Mulyani") resolve across articles.
        """
        if source.org_key:
            for alias in source.aliases:
                self._acronyms.setdefault(alias.lower(), source.org_key)
        if source.kind != "person" or not source.who:
            return
        if not (source.role or source.organization):
            return
        entity = self._person_entity(source)
        full = source.who.lower()
        self._people[full] = entity
        parts = full.split()
        if len(parts) >= 2:
            for i, part in enumerate(parts):
                if len(part) < 3 or part == full:
                    continue
                _remember(self._parts, (scope, part), entity)
                _remember(self._any_part, part, entity)
                if i == len(parts) - 1:
                    _remember(self._surnames, part, entity)

    def knows(self, name: str, scope: str | None = None) -> bool:
        """True when `name` (or each of its parts) resolves to one remembered person."""
        probe = Source(text=name, kind="person", who=name)
        return self.resolve(probe, scope).key != "person:" + name.lower() or name.lower() in self._people

    def _known_person(self, who: str, scope: str | None) -> Entity | None:
        name = who.lower()
        known = self._people.get(name)
        if known is not None:
            return known
        words = [p for p in name.split() if len(p) >= 3]
        if not words:
            return None
        local = [self._parts.get((scope, p)) for p in words]
        if all(e is not None and e.key == local[0].key for e in local):  # type: ignore[union-attr]
            return local[0]
        if scope is None:
            return None
        # across articles: a surname alone, or every part of a longer name
        found = [self._surnames.get(words[0])] if len(words) == 1 else [self._any_part.get(p) for p in words]
        if all(e is not None and e.key == found[0].key for e in found):  # type: ignore[union-attr]
            return found[0]
        return None

    def _person_entity(self, source: Source) -> Entity:
        if source.speaks_for_org and source.org_key and not source.org_key.startswith("country:"):
            return self._org_entity(source)
        label = _person_role_label(source)
        name = f"{source.who}, {label}" if label else str(source.who)
        return Entity(
            key="person:" + str(source.who).lower(), name=name, kind="person", who=source.who,
            role=("former " + source.role) if source.former and source.role else source.role,
            organization=source.organization,
        )

    def resolve(self, source: Source, scope: str | None = None) -> Entity:
        """The canonical entity a source stands for (`scope`: the article it was found in)."""
        if source.kind == "person" and source.who:
            if source.speaks_for_org and source.org_key and not source.org_key.startswith("country:"):
                return self._org_entity(source)
            # "Sri Mulyani" after "Sri Mulyani Indrawati": every part points to one person
            known = self._known_person(source.who, scope)
            if known is not None and not (source.role and known.role and source.role != known.role and source.organization != known.organization):
                return known
            if source.speaks_for_org and source.org_key:
                return self._org_entity(source)
            return self._person_entity(source)
        if source.kind == "anonymous":
            if source.org_key and not source.org_key.startswith("country:"):
                return self._org_entity(source)
            affiliation = source.affiliation or source.organization or "unidentified"
            return Entity(
                key="anon:" + affiliation.lower(), name=_anon_name(affiliation, (source.role or "source",)),
                kind="anonymous", role=source.role, organization=source.organization,
            )
        if source.kind in ("organization", "country"):
            return self._org_entity(source)
        if source.kind == "role":
            return Entity(key="role:" + str(source.role).lower(), name=f"a {source.role}", kind="role", role=source.role)
        label = source.organization or source.text
        return Entity(key=f"{source.kind}:" + _norm(label), name=label, kind=source.kind)

    def _org_entity(self, source: Source) -> Entity:
        key = source.org_key or "org:" + _norm(source.organization or source.text)
        key = self._acronyms.get(key.removeprefix("org:"), key)
        if key in KNOWN_ENTITIES:
            name = KNOWN_ENTITIES[key][0]
        elif key.startswith("country:"):
            name = key.removeprefix("country:")
        else:
            name = source.organization or source.text
        return Entity(key=key, name=name, kind="organization", organization=name)


def _remember(table: dict, key: object, entity: Entity) -> None:  # type: ignore[type-arg]
    """Store `entity` under `key`; a key seen with two different entities becomes ambiguous (None)."""
    seen = table.get(key, entity)
    table[key] = entity if seen is not None and seen.key == entity.key else None


def _anon_name(affiliation: str, roles: tuple[str, ...]) -> str:
    """"unnamed Western official/diplomat"."""
    adj = affiliation
    if affiliation.lower() in {c[0].lower() for c in COUNTRIES.values()}:
        adj = next(a for n, a in COUNTRIES.values() if n.lower() == affiliation.lower())
    roles_text = "/".join(dict.fromkeys(roles))
    return f"unnamed {adj} {roles_text}".replace("  ", " ")


def anonymous_group_name(affiliation: str, roles: tuple[str, ...]) -> str:
    """Display name for a group of unnamed sources of one affiliation."""
    return _anon_name(affiliation, roles)
