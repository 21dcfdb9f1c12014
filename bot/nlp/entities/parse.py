"""Taking an Indonesian source phrase apart: `parse_source` -> person, role, organisation.

A source phrase is the noun phrase that stands before a reporting verb ("Sekjen NATO,
Mark Rutte"), after "oleh" / "kata" / "menurut", or after "seorang" ("seorang pejabat
Barat"). `parse_source` splits it into a person's name, a role and an organisation, each
kept in Indonesian and rendered in English from the vocabulary; outlets, reporters,
pronouns and documents come back as their own kinds so that callers can set them aside.
"""

from __future__ import annotations

import re

from bot.nlp import vocab
from bot.nlp.entities.apposition import parse_apposition
from bot.nlp.entities.gloss import translate_org
from bot.nlp.entities.lexicon import (
    ADDRESSEES,
    COUNTRIES,
    COUNTRY_PREFIX,
    INDONESIAN_BODIES,
    KNOWN_ENTITIES,
    ORG_HEAD_PREFIX,
    ORG_HEADS,
    ORG_LED_ROLES,
    PAREN_RE,
    PLACE_ROLES,
    PRONOUNS,
    RANKS,
    REPORT_NOUNS,
    REPORTER_WORDS,
    ROLE_ORGS,
    ROLE_PREFIX,
    ROLES,
    TITLE_LIST_RE,
    UNNAMED_SPEAKERS,
    WORK_NOUNS,
    find_medium,
    is_medium,
    known_entity,
    longest_prefix,
    norm,
    norm_keep_case,
)
from bot.nlp.entities.names import leading_place, name_from, regional_place, split_org_and_name, with_place
from bot.nlp.entities.titles import may_name_body, names_a_body, role_field, word_kind
from bot.nlp.entities.values import Source

_ANON_MARKERS = vocab.word_list("anonymous_markers")


_ACRONYM_RE = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z0-9&.\-]{1,11}$")


_RANK_PHRASE_RE = re.compile(
    r"\((?:pol|purn|purn\.|tni|ret)\)|"
    r"\b(?:ajun\s+)?komisari?s?\s+(?:besar|jenderal)(?:\s+polisi)?\b|\b(?:ajun\s+)?komisaris\s+polisi\b|\binspektur\s+jenderal(?:\s+polisi)?\b|"
    r"\bbrigadir\s+jenderal(?:\s+polisi)?\b|\b(?:mayor|letnan)\s+jenderal\b|\b(?:laksamana|marsekal)\s+(?:muda|madya|pertama)\b",
    re.I,
)


_ACTING_RE = re.compile(r"(?:" + vocab.alternation("acting_titles") + r")\s+", re.I)
_WEB_NAME_RE = re.compile(r"[A-Za-z][\w-]*(?:\.[a-z]{2,6}){1,2}")
_JOINED_ROLE_RE = re.compile(r"\s*(?:&|dan|sekaligus|merangkap|/)\s*", re.I)


def parse_source(text: str) -> Source | None:
    """Take apart an Indonesian source phrase; None when nothing in it names a source.

    >>> parse_source("Sekjen NATO, Mark Rutte").who
    'Mark Rutte'
    """
    raw = norm_keep_case(text)
    raw = re.sub(r"^(?:pihak|kalangan)\s+", "", raw, flags=re.I)
    # "Kepala Pusat Data, Informasi, dan Humas BNPB": a title's list of fields, not appositions
    raw = TITLE_LIST_RE.sub(
        lambda m: re.sub(r",\s+(?:dan\s+)?", lambda c: " dan " if "dan" in c.group(0) else " ", m.group(0)), raw
    )
    # "Rhenald Kasali selaku pendiri ...", "Ria Miranda sebagai penyelenggara ...": a name and its role
    raw = re.sub(r"(?<=[A-Za-z])\s+(?:selaku|sebagai)\s+(?=[a-zA-Z])", ", ", raw)
    # "pendiri Rumah Perubahan sekaligus Guru Besar ...": the first of two offices held at once
    raw = re.sub(r"(\s(?:dari|di)\s+[A-Z][^,]*?)\s+sekaligus\s+[^,]*", r"\1", raw)
    if not raw:
        return None
    low = raw.lower()
    raw = _RANK_PHRASE_RE.sub(" ", raw)
    raw = re.sub(r"\s+", " ", raw).strip(" ,")
    if not raw:
        return None
    low = raw.lower()
    aliases = tuple(
        m.group(1).strip()
        for m in PAREN_RE.finditer(raw)
        if _ACRONYM_RE.match(m.group(1).strip()) or known_entity(m.group(1).strip().lower())
    )
    plain = PAREN_RE.sub(" ", raw)
    plain = re.sub(r"\s+", " ", plain).strip(" ,")
    plain_low = plain.lower()
    words_low = plain_low.replace(",", " ").split()
    if not words_low:
        return None

    if "," in plain and "," not in (longest_prefix(ROLE_PREFIX, plain_low) or ""):
        merged = parse_apposition(raw, plain, aliases, parse_source)
        if merged is not None:
            return merged
    if words_low[0] in WORK_NOUNS and len(words_low) > 1:
        return None  # "Film Avengers", "Acara Indonesian Idol", "Ponsel Galaxy S10": a work or a product
    if words_low[0] in ADDRESSEES or re.fullmatch(r"salah\s+(?:satu|seorang)(?:nya|\s+di\s+antaranya)", plain_low):
        return None  # "Menurut Anda, ...": the reader is asked, nobody answers; "Salah satunya": one of them
    if words_low[0] in PRONOUNS or plain_low in PRONOUNS:
        return Source(text=raw, kind="pronoun")
    if words_low[0] in REPORT_NOUNS or (
        len(words_low) > 1 and words_low[0] in ("sebuah", "satu", "hasil") and words_low[1] in REPORT_NOUNS
    ):
        return Source(text=raw, kind="document")
    if any(w in REPORTER_WORDS for w in words_low[:2]) and not find_medium(plain):
        return Source(text=raw, kind="reporter", role="reporter")
    if is_medium(plain) and not known_entity(plain_low):
        return Source(text=raw, kind="medium", organization=find_medium(plain))
    if (
        len(words_low) == 2
        and word_kind(plain.split()[0]) == "acronym"
        and word_kind(plain.split()[1]) == "name"
        and words_low[0] not in ROLES
    ):
        # "XL Axiata", "MCM Live", "BRI Syariah": an acronym and a word name a body, not a person
        return Source(
            text=raw, kind="organization", organization=plain, organization_id=plain, org_key="org:" + norm(plain)
        )
    if _WEB_NAME_RE.fullmatch(plain):
        # "Dompetku.id mencatat ...": a company named like its web address, not an outlet
        return Source(
            text=raw, kind="organization", organization=plain, organization_id=plain, org_key="org:" + plain_low
        )

    former = False
    body = plain
    if re.match(r"^(mantan|eks|bekas)\s", body, re.I):
        former = True
        body = body.split(" ", 1)[1]

    acting = _ACTING_RE.match(body)
    if acting:
        body = body[acting.end() :]  # "Plt Bupati Bogor, Iwan Setiawan": the acting Regent

    anonymous = False
    opener = re.match(r"^(seorang|salah satu|salah seorang|sejumlah|beberapa|para|dua|tiga|sebuah)\s+", body, re.I)
    if opener:
        anonymous = True
        body = body[opener.end() :]
        if re.match(r"^(mantan|eks)\s", body, re.I):
            former = True
            body = body.split(" ", 1)[1]
    marked = any(m in low for m in _ANON_MARKERS)  # "yang enggan disebut namanya": unnamed on purpose
    anonymous = anonymous or marked

    # Role at the start ("Juru Bicara Pentagon ...", "Kapolda Metro Jaya ...")
    body_low = body.lower()
    role_key = longest_prefix(ROLE_PREFIX, body_low)
    if role_key and " " in role_key:
        # "Kepala Kantor Staf Presiden": the role is "kepala", "Kantor Staf Presiden" the body
        shorter, last = role_key.rsplit(" ", 1)
        tail = known_entity(body_low[len(shorter) :].strip())
        if tail is not None and tail[1].start() == 0 and tail[1].group(0).startswith(last) and shorter in ROLES:
            role_key = shorter
    role_id = body[: len(role_key)] if role_key else None
    rest = body[len(role_key) :].strip(" ,") if role_key else body
    role_en, speaks = ROLES[role_key] if role_key else (None, False)
    joined = _JOINED_ROLE_RE.match(rest) if role_key else None
    second = longest_prefix(ROLE_PREFIX, rest[joined.end() :].lower()) if joined else None
    if joined and second:
        # "Co-Founder & CEO Ruangguru ...", "Pendiri sekaligus CEO ...": two roles held at once
        end = joined.end() + len(second)
        role_id = f"{role_id} {rest[:end]}".strip()
        role_en = f"{role_en} and {ROLES[second][0]}"
        speaks = speaks and ROLES[second][1]
        role_key = second
        rest = rest[end:].strip(" ,")
    if acting and role_en:
        role_en, role_id = f"acting {role_en}", f"{acting.group(0).strip()} {role_id}"
    modifier = re.match(r"(?:[a-z][\w-]*\s+){1,3}(?=(?:dari|di|pada)\s+[A-Z])", rest) if role_key else None
    if modifier:
        # "Pengamat politik dari Universitas Indonesia Arbi Sanit": the role's field, then its body
        role_id, rest = f"{role_id} {modifier.group(0).strip()}", rest[modifier.end() :]
    field = role_field(rest) if role_key and not modifier else None
    also = re.match(r"(?:dan|&)\s+((?:[A-Z][\w-]*\s*){1,2})(?=,|$)", rest) if role_key and not field else None
    if (
        also
        and all(word_kind(w) in ("title", "common", "name") for w in also.group(1).split())
        and not known_entity(also.group(1).lower())
    ):
        field = also.group(0).strip()  # "Ahli Gizi dan Olahraga": one role over two fields
    if field:
        # "Direktur Pemasaran PT ADM": the role's field, kept with the role as written
        role_id, rest = f"{role_id} {field}", rest[len(field) :].lstrip()
        role_en = str(role_id)
    rest = re.sub(r"^(dari|di|pada)\s+", "", rest, flags=re.I)
    rest = re.sub(r"^(aliansi|pakta|organisasi)\s+(?=[A-Z])", "", rest)

    # Organisation: a known entity, else a country, else an org head ("Dinas X")
    organization = organization_id = org_key = None
    affiliation = None
    rest_low = rest.lower()
    name_part = rest
    known = known_entity(rest_low)
    if known is None and aliases:
        for alias in aliases:
            known_alias = known_entity(alias.lower())
            if known_alias:
                known = (known_alias[0], None)
                break
    if known is not None:
        org_key = known[0]
        organization = KNOWN_ENTITIES[org_key][0]
        if known[1] is not None:
            m = known[1]
            organization_id = rest[: m.end()].strip(" ,") if m.start() < 40 else rest[m.start() : m.end()]
            domain = rest[: m.start()].strip(" ,")
            if role_en and domain and m.start() < 40:
                # "Direktur Jenderal Pajak Kementerian Keuangan": Director General of Tax, Ministry of Finance
                glossed = translate_org(domain)
                if glossed != domain and glossed[:1].isupper():
                    role_en = f"{role_en} of {glossed}"
            name_part = rest[m.end() :]
            place = leading_place(name_part)
            if place and m.group(0) not in ("pentagon", "kremlin", "nato"):
                # "KPU Jateng", "BPBD Garut", "KPU Jawa Tengah": the regional branch is an organisation of its own
                organization = with_place(organization, place, organization_id)
                organization_id = f"{organization_id} {place}"
                org_key = f"org:{norm(organization_id)}"
                name_part = " ".join(name_part.split()[len(place.split()) :])
            foreign = longest_prefix(COUNTRY_PREFIX, name_part.strip(" ,").lower())
            if foreign and COUNTRIES[foreign][0] != "Indonesia" and org_key in INDONESIAN_BODIES:
                # "Kementerian Kesehatan Arab Saudi": another country's ministry, not Indonesia's
                n = len(foreign.split())
                words = name_part.strip(" ,").split()
                organization_id = f"{organization_id} {' '.join(words[:n])}"
                organization = translate_org(organization_id)
                org_key = "org:" + norm(organization_id)
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
            org_key = "org:" + norm(org_text)
    else:
        org_text, name_part = split_org_and_name(rest, after_role=role_key in PLACE_ROLES or role_key in ORG_LED_ROLES)
        if org_text is None and role_key in ORG_LED_ROLES and re.fullmatch(r"[A-Z][\w.&-]*", rest.strip(" ,")):
            org_text, name_part = rest.strip(" ,"), ""  # "CEO Tesla", "pelatih Persib": the body, no name
        if (
            role_key is None
            and org_text
            and longest_prefix(ORG_HEAD_PREFIX, org_text.lower()) is not None
            and "," not in rest
            and not any(w.lower() in RANKS for w in rest.split())
        ):
            org_text, name_part = rest.strip(" ,"), ""  # "Lembaga Penjamin Simpanan": all of it is the name
        countries = (
            [COUNTRIES.get(c.strip()) for c in re.split(r"\s+dan\s+|\s*,\s*", org_text.lower())] if org_text else []
        )
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
            elif may_name_body(org_text, role_key):
                organization = translate_org(org_text)
                organization_id = org_text
                org_key = "org:" + norm(org_text)
            # else: lower-case words that are no organisation's name ("dan", "sosial"): nothing
    if aliases and org_key and org_key.startswith("org:"):
        organization = f"{organization} ({aliases[0]})"
    if role_key in ROLE_ORGS and (org_key is None or not org_key.startswith(("polri", "tni"))):
        base = ROLE_ORGS[role_key]
        place = split_org_and_name(rest)[0] if base not in ("Polri", "TNI", "TNI AD") else None
        organization_id = f"{base} {place}".strip() if place and base != "Polri" else base
        base_known = known_entity(base.lower())
        if base_known:
            org_key = base_known[0]
            organization = KNOWN_ENTITIES[org_key][0]
        else:
            organization = f"{place} {ORG_HEADS.get(base.lower(), base)}".strip() if place else base
            org_key = "org:" + norm(organization_id)
            affiliation = None
        name_part = rest[len(place) :] if place and rest.lower().startswith(place.lower()) else rest

    place, name_part = (
        regional_place(organization_id, name_part) if not (org_key or "").startswith("country:") else (None, name_part)
    )
    if place and organization:
        organization, organization_id = with_place(organization, place, organization_id), f"{organization_id} {place}"
        org_key = "org:" + norm(organization_id)
    who = name_from(name_part)
    if who and organization and who.lower() in organization.lower():
        who = None
    if who and marked:
        who = None
    elif who and anonymous:
        anonymous = False  # "seorang psikolog klinis asal Inggris Noel McDermott": "a" psychologist, named

    if anonymous:
        if role_en is None and not organization:
            return None
        if affiliation is None and org_key and org_key.startswith("country:"):
            affiliation = COUNTRIES.get((organization_id or "").lower(), (None, None))[1]
        # an unnamed spokesperson or official speaks for the body; an unnamed salesperson does not
        speaks_for = role_key is None or speaks or role_key in UNNAMED_SPEAKERS
        return Source(
            text=raw,
            kind="anonymous",
            role=role_en or "source",
            role_id=role_id,
            organization=organization,
            organization_id=organization_id,
            org_key=org_key,
            affiliation=affiliation,
            speaks_for_org=speaks_for,
            former=former,
            aliases=aliases,
        )
    if who:
        return Source(
            text=raw,
            kind="person",
            who=who,
            role=role_en,
            role_id=role_id,
            organization=organization,
            organization_id=organization_id,
            org_key=org_key,
            affiliation=affiliation,
            speaks_for_org=speaks,
            former=former,
            aliases=aliases,
        )
    if role_en and (speaks or role_key in UNNAMED_SPEAKERS):
        # "juru bicara Pentagon", "pejabat Ukraina dan AS" without a name
        return Source(
            text=raw,
            kind="anonymous" if organization else "role",
            role=role_en,
            role_id=role_id,
            organization=organization,
            organization_id=organization_id,
            org_key=org_key,
            affiliation=affiliation,
            speaks_for_org=True,
            former=former,
            aliases=aliases,
        )
    if organization:
        kind = "country" if org_key and org_key.startswith("country:") else "organization"
        return Source(
            text=raw,
            kind=kind,
            role=role_en,
            role_id=role_id,
            organization=organization,
            organization_id=organization_id,
            org_key=org_key,
            affiliation=affiliation,
            former=former,
            aliases=aliases,
        )
    if role_en:
        return Source(text=raw, kind="role", role=role_en, role_id=role_id, former=former)
    if not anonymous and names_a_body(plain.split()):
        # "Mayo Clinic", "Pew Research Center", "Journal of Food Science": a body named as written
        return Source(
            text=raw,
            kind="organization",
            organization=plain,
            organization_id=plain,
            org_key="org:" + norm(plain),
            former=former,
            aliases=aliases,
        )
    return None


def _long_name_before_paren(raw: str, aliases: tuple[str, ...]) -> str:
    idx = raw.find("(" + aliases[0])
    before = raw[:idx].strip() if idx > 0 else raw
    return f"{before} ({aliases[0]})" if idx > 0 else before


def _after_org(rest: str, organization_id: str | None) -> str:
    close = rest.find(")")
    return rest[close + 1 :] if close >= 0 else ""
