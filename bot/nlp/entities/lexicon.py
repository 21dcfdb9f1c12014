"""The source vocabulary as lookups: roles, ranks, countries, places, bodies and outlets.

Built once from the data files under `bot/nlp/data/` (see `bot.nlp.vocab`): the tables
as dicts and sets, the longest-first regexes that find a role, country or organisation
head at the start of a phrase, and the alternations that find a well-known body or a
news outlet anywhere in it. `find_medium` / `is_medium` tell an outlet from a source.
"""

from __future__ import annotations

import re

from bot.nlp import vocab
from bot.nlp.aliases import load_aliases

#: Roles, longest first when matched. Value: (English, speaks_for_org).
#: A role that speaks for its organisation (a spokesperson) is grouped under the
#: organisation; a head (a minister, a secretary general) or anyone else named is a person.
_ROLE_TABLE = vocab.table("roles")
ROLES: dict[str, tuple[str, bool]] = {row[0]: (row[1], row[2] == "yes") for row in _ROLE_TABLE.rows}

#: Roles whose unnamed holder speaks for the organisation ("seorang pejabat Barat").
UNNAMED_SPEAKERS: frozenset[str] = frozenset(row[0] for row in _ROLE_TABLE.rows if row[2] in ("yes", "unnamed"))

ROLE_ORGS: dict[str, str] = _ROLE_TABLE.optional("body")


#: Ranks, titles and honorifics stripped from names, and the degrees written after them.
RANKS: frozenset[str] = vocab.words("ranks") | vocab.words("degrees")
#: Nouns introducing a work, a show or a product by name ("Film ...", "Acara ..."): never a source.
WORK_NOUNS: frozenset[str] = vocab.words("work_nouns")


#: Roles followed by the place they govern ("Bupati Bantul ...", "Kapolda Metro Jaya ...").
PLACE_ROLES: frozenset[str] = frozenset(k for k, v in _ROLE_TABLE.mapping("followed_by").items() if v == "place")


#: Roles usually followed by the name of their organisation, then the person's
#: ("CEO Tesla Elon Musk", "pelatih Persib Djadjang Nurdjaman"): with three capitalised
#: words after the role, the first is the organisation.
ORG_LED_ROLES: frozenset[str] = frozenset(k for k, v in _ROLE_TABLE.mapping("followed_by").items() if v == "org")


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


def _known_entities() -> dict[str, tuple[str, str, tuple[str, ...]]]:
    """bodies.tsv (display names, home) with their forms from the shared alias file.

    Every organisation of `data/aliases.tsv` is a known body; bodies.tsv gives the English
    display name kabar shows (acronym first: "KPK (Corruption Eradication Commission)")
    and the few forms the alias file lacks. A body only in the alias file is shown by its
    acronym and English name, else its English or canonical name; its forms of three
    letters or fewer are left out (lower-cased, "MA" or "UE" would match common words).
    """
    table = load_aliases()
    known: dict[str, tuple[str, str, tuple[str, ...]]] = {}
    for key, english, _home, more in vocab.table("bodies").rows:
        entry = table.get(key)
        names = [] if more == vocab.NONE else more.split("|")
        if entry is not None:
            names += [n.lower() for n in (*entry.names, *entry.english)]
        known[key] = (english, "organization", tuple(dict.fromkeys(names)))
    for entry in table.entries:
        if entry.kind != "organization" or entry.key in known:
            continue
        acronym = next((f for f in entry.forms if f.isupper() and 2 <= len(f) <= 8), None)
        english = entry.english[0] if entry.english else None
        display = f"{acronym} ({english})" if acronym and english and english != acronym else english or entry.canonical
        names = [n.lower() for n in (*entry.names, *entry.english) if len(n) > 3]
        known[entry.key] = (display, "organization", tuple(dict.fromkeys(names)))
    return known


#: Well-known entities: key -> (English display name, kind, aliases in Indonesian/English).
#: An alias in parentheses after a long name ("... (Pentagon)") also makes an alias at run time.
KNOWN_ENTITIES: dict[str, tuple[str, str, tuple[str, ...]]] = _known_entities()


def canonical_person(name: str) -> str | None:
    """The full name of a well-known person from the alias file ("Jokowi" -> "Joko Widodo")."""
    entry = load_aliases().lookup(name)
    return entry.canonical if entry is not None and entry.kind == "person" else None


#: News outlets and agencies: a medium is never a confirmer. Canonical name -> aliases.
OUTLETS: dict[str, tuple[str, ...]] = {row[0]: tuple(row[1].split("|")) for row in vocab.table("outlets").rows}


#: People whose job is to report (never a source of the claim).
REPORTER_WORDS: frozenset[str] = vocab.words("reporters")


#: Words that open an anonymous source ("seorang pejabat Barat").
ANON_OPENERS: frozenset[str] = vocab.words("anonymous_openers")


#: Pronouns standing for a source named elsewhere.
PRONOUNS: frozenset[str] = vocab.words("pronouns")


#: The reader or the person spoken to ("Menurut Anda"): never a source.
ADDRESSEES: frozenset[str] = vocab.words("addressees")


#: Nouns for a document rather than a speaker ("Laporan yang diperoleh AFP").
REPORT_NOUNS: frozenset[str] = vocab.words("report_nouns")


#: Known entities that are Indonesian bodies: followed by another country, they are that country's.
INDONESIAN_BODIES = frozenset(k for k, home in vocab.table("bodies").mapping("home").items() if home == "id")


NAMED_HEADS = vocab.words("named_heads")


ORG_CONTINUE = frozenset(
    {w for k in ORG_WORDS for w in k.split()}
    | {w for k in ORG_HEADS for w in k.split()}
    | {w for k in COUNTRIES for w in k.split()}
    | {w for p in PLACE_PHRASES for w in p.split()}
    | PLACES
    | {"dan", "republik", "ri", "provinsi", "kabupaten", "kota", "daerah", "negara", "nasional", "tbk", "persero"}
)


ORG_HEAD_WORDS = frozenset(
    k for k in ORG_HEADS if " " not in k and k not in ("pusat", "militer", "tentara", "intelijen")
)


PAREN_RE = re.compile(r"\(([^()]{1,80})\)")


#: A list of one-word fields inside a title, commas and all: "Pusat Data, Informasi, dan Humas".
TITLE_LIST_RE = re.compile(r"[A-Z][\w-]+(?:,\s+[A-Z][\w-]+)+,?\s+dan\s+[A-Z][\w-]+")


def norm(text: str) -> str:
    text = text.replace("’", "'").replace("“", "").replace("”", "").replace('"', "")
    text = re.sub(r"[.,;:]+$", "", text.strip())
    return re.sub(r"\s+", " ", text).strip().lower()


def norm_keep_case(text: str) -> str:
    text = text.replace("“", "").replace("”", "").replace('"', "")
    text = re.sub(r"[.,;:]+$", "", text.strip())
    return re.sub(r"\s+", " ", text).strip()


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


def _alternation(aliases: list[str]) -> re.Pattern[str]:
    ordered = sorted(set(aliases), key=lambda a: -len(a))
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(a) for a in ordered) + r")(?![\w])")


_ENTITY_KEYS = dict(_ALIASES)


_ENTITY_RE = _alternation(list(_ENTITY_KEYS))


_OUTLET_NAMES = dict(_OUTLET_ALIASES)


_OUTLET_LONG_RE = _alternation([a for a in _OUTLET_NAMES if len(a) > 3])


_OUTLET_SHORT_RE = _alternation([a.upper() for a in _OUTLET_NAMES if len(a) <= 3])


def _prefix_re(keys: tuple[str, ...], stop: str = r"\s") -> re.Pattern[str]:
    """Match any key at the start of a string, longest first, ending at `stop` or the end."""
    ordered = sorted(keys, key=lambda k: -len(k))
    return re.compile(r"(?:" + "|".join(re.escape(k) for k in ordered) + r")(?=" + stop + r"|$)")


ROLE_PREFIX = _prefix_re(_ROLE_KEYS, r"[\s,]")


COUNTRY_PREFIX = _prefix_re(_COUNTRY_KEYS)


ORG_HEAD_PREFIX = _prefix_re(_ORG_HEAD_KEYS)


ORG_WORD_PREFIX = _prefix_re(_ORG_WORD_KEYS)


def longest_prefix(pattern: re.Pattern[str], low: str) -> str | None:
    """The longest table key that `low` starts with, as a whole word or words."""
    m = pattern.match(low)
    return m.group(0) if m else None


def find_medium(text: str) -> str | None:
    """The canonical name of the news outlet or agency named in `text`, if any.

    Short acronyms count only in their upper-case form ("AP", "ABC"); the longest name wins.
    """
    low = norm(text)
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
    rest = norm(text)
    for alias in sorted(OUTLETS[name], key=len, reverse=True):
        rest = rest.replace(alias, " ")
    rest = _MEDIUM_WORDS_RE.sub(" ", rest)
    return len(rest.split()) <= 2


def known_entity(low: str) -> tuple[str, re.Match[str]] | None:
    matches = list(_ENTITY_RE.finditer(low))
    if not matches:
        return None
    best = max(matches, key=lambda m: len(m.group(0)))
    return _ENTITY_KEYS[best.group(0)], best
