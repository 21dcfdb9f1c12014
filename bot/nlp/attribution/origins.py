"""Where a statement comes from when nobody speaks in its sentence: a report, a site or an outlet.

"Menurut laporan CNN, ...", "Berdasarkan dokumen Kemenhub, ...", "Menurut penelitian yang
dilakukan oleh NASA, ...", "Mengutip American Pregnancy Association, ...", "Sebagaimana
dilaporkan Goal UK, ...", "New York Times menyebut, ...": with no person or body speaking
in the sentence, the named report, site or outlet is the origin of what it says, and so
its source. Two rules keep relays apart from origins:

- a verb of relaying ("dilansir", "dikutip", "disitat", "mengutip", "melansir") at the start of a
  clause makes a wire service a `via` only ("Seperti dilansir dari Antara, ...",
  `news_agencies.txt`); any other outlet, a site, a body or a journal named that way is
  the origin ("Mengutip Boldsky, berikut ...", "Melansir Cosmopolitan, ...", "Mengutip
  data perdagangan Reuters, ...": data is the agency's own); inside a clause "dilansir
  Samsung" is a launch, not a relay;
- when the sentence has a speaker of its own ("Dilansir Parents, Cynthia menjelaskan ..."),
  whatever it was taken from is `via`, never the source (the caller decides that: this
  module is asked only when the sentence names no source).

A report, study or document that names no one ("laporan terbaru", "data yang ada") has no
origin here: "no source named".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.nlp import vocab
from bot.nlp.entities.lexicon import find_medium, is_medium, known_entity, norm
from bot.nlp.entities.parse import parse_source
from bot.nlp.entities.titles import word_kind
from bot.nlp.entities.values import Source

#: Markers that name where a statement comes from, and what kind of marker each is.
_DOC_NOUNS = vocab.alternation("report_nouns")

_ORIGIN_MARK_RE = re.compile(
    r"(?<![\w-])(?:(?P<according>menurut|berdasarkan|mengacu(?:\s+(?:pada|kepada))?|merujuk(?:\s+(?:pada|ke|kepada))?"
    r"|(?:dalam|dari)(?=\s+(?:sebuah\s+)?" + _DOC_NOUNS + r"\b))"
    r"|(?P<report>(?:(?:seperti|sebagaimana)\s+(?:yang\s+)?)?(?:dilaporkan|diberitakan|dipublikasikan|diterbitkan)(?:\s+oleh)?)"
    r"|(?:(?<=^)|(?<=[,;]\s))(?P<forecast>perkiraan|estimasi|taksiran|prediksi|proyeksi)(?=\s+[A-Z])"
    r"|(?:(?<=^)|(?<=[,;]\s)|(?<=seperti\s)|(?<=sebagaimana\s)|(?<=yang\s))"
    r"(?P<relay>(?:(?:seperti|sebagaimana)\s+(?:yang\s+)?)?(?:dilansir|dikutip|disitat|dinukil|mengutip|menukil|melansir))"
    r")(?:\s+(?:dari|oleh))?\s+",
    re.I,
)

#: Documents that say how firmly they state their figures: "perkiraan BPS" estimates.
_FORECAST_NOUN_RE = re.compile(r"\b(?:perkiraan|estimasi|taksiran|prediksi|proyeksi)\b", re.I)

#: Wire services: relays only, never the origin when named with a verb of relaying.
_AGENCIES = vocab.words("news_agencies")

#: "sebuah laporan terbaru", "hasil survei", "keterangan resmi yang diterima kumparan dari": the
#: document before its owner's name (lower-case words only, with its relative clause).
_DOCUMENT_RE = re.compile(
    r"(?:(?:sebuah|salah\s+satu|hasil|data)\s+)?" + _DOC_NOUNS + r"(?:nya)?"
    r"(?:\s+(?!yang\b|dari\b|oleh\b|milik\b)[a-z][\w-]*){0,4}"
    r"(?:\s+yang\s+(?:di|ter)[a-z]+(?:\s+(?:oleh|dari|di|dalam|pada))?(?:\s+[a-z][\w-]*){0,3}?)?"
    r"(?:\s+(?:dari|oleh|milik|versi))?\s+(?=[A-Z0-9])"
)

#: A report of a body named in lower case: "catatan kepolisian", "data pemerintah".
_LOWER_BODY_RE = re.compile(r"(?:sebuah\s+)?" + _DOC_NOUNS + r"(?:nya)?\s+((?:pihak\s+)?[a-z]+)(?=[\s,.])")

#: A name: capitalised words, with "dan", "&", "of", "the", "for", "de" between them and an
#: acronym in parentheses ("Pusat Pengendalian ... ( CDC)", "Taylor& Francis Online").
_NAME_RE = re.compile(
    r"[A-Z][\w.&'’-]*(?:(?:\s+|(?<=&))(?:(?:dan|and|of|the|for|de|&)\s+)?(?:[A-Z0-9][\w.&'’-]*|\(\s*[^()]{1,60}\)))*"
)

#: Report verbs an outlet speaks with when it is the subject ("New York Times menyebut, ...").
_OUTLET_VERB_RE = re.compile(
    r"\s+(?:juga\s+|sebelumnya\s+)?(?:me(?:nyebut(?:kan)?|laporkan|mberitakan|ngabarkan|nulis(?:kan)?|ngatakan|nyatakan"
    r"|ngonfirmasi|mastikan|mbenarkan))\b"
)

#: Outlets that are the writer's own medium: never the origin of a statement ("yang diterima kumparan").
_OWN = ("kumparan",)


@dataclass(frozen=True)
class Origin:
    """The named origin of a sentence's statement: a source, or a relay that is only `via`."""

    source: Source | None
    span: tuple[int, int] | None
    via: tuple[str, ...]
    marker: str  # "according" | "report" | "relay" | "subject"
    cue_span: tuple[int, int] = (0, 0)  # the marker ("Menurut", "dilaporkan", "menyebut")


def origin_of(text: str) -> Origin | None:
    """The origin a sentence names for what it says (see the module docstring), or None."""
    legal = _LEGAL_RE.search(text)
    if legal is not None:
        return _legal(text, legal)
    for m in _ORIGIN_MARK_RE.finditer(text):
        kind = str(m.lastgroup)
        start = m.end()
        doc = _DOCUMENT_RE.match(text, start)
        if doc is not None:
            start = doc.end()
        name = _NAME_RE.match(text, start)
        if name is None and doc is None:
            body = _LOWER_BODY_RE.match(text, m.end())  # "Berdasarkan catatan kepolisian, ..."
            source = parse_source(body.group(1)) if body else None
            if body and source is not None and source.kind in ("organization", "anonymous"):
                return Origin(source, body.span(1), (), kind, (m.start(), m.end()))
        if name is None:
            continue
        found = _named(name.group(0).strip(), (name.start(), name.end()), kind, text, documented=doc is not None)
        if found is not None:
            noun = _FORECAST_NOUN_RE.search(doc.group(0)) if doc is not None else None
            marker = noun.group(0).lower() if noun else found.marker  # "Menurut perkiraan BPS": an estimate
            if kind == "forecast":
                marker = m.group("forecast").lower()  # "Estimasi Bank Dunia, ...": the bank's estimate
            return replace(found, cue_span=(m.start(), m.end()), marker=marker)
    for outlet in _outlet_subjects(text):
        return outlet
    return None


def _named(name: str, span: tuple[int, int], kind: str, text: str, *, documented: bool) -> Origin | None:
    name = re.sub(r"\s*\(\s*", " (", name).replace("( ", "(").strip(" ,")
    if not name or norm(name) in _OWN:
        return None
    both = re.fullmatch(r"(.+?)\s+(?:dan|and|&)\s+(.+)", name)
    if both and all(is_medium(part) for part in both.groups()):
        # "data perdagangan Reuters dan Financial Times": two outlets, one report
        outlets = [str(find_medium(part)) for part in both.groups()]
        return Origin(_outlet_source(name, " and ".join(outlets)), span, (), kind)
    outlet = find_medium(name) if is_medium(name) else None
    if outlet is not None:
        if (kind == "relay" and not documented and outlet.lower() in _AGENCIES) or outlet.lower() in _OWN:
            return Origin(None, None, (outlet,), kind)  # "Seperti dilansir dari Antara": a wire service relays
        return Origin(_outlet_source(name, outlet), span, (), kind)  # "Melansir Cosmopolitan", "data Reuters"
    source = parse_source(_with_apposition(name, text, span[1]))
    if source is not None and source.kind in ("pronoun", "reporter", "medium"):
        return None
    if (source is None or (source.kind == "person" and not source.role)) and (documented or kind != "according"):
        # "data Billboard", "Mengutip American Pregnancy Association", "diberitakan oleh Fox 35
        # Orlando": what a report, a site or a relay is named after is a body, kept as written
        return Origin(
            Source(
                text=name, kind="organization", organization=name, organization_id=name, org_key="org:" + norm(name)
            ),
            span,
            (),
            kind,
        )
    return Origin(source, span, (), kind)


def _with_apposition(name: str, text: str, end: int) -> str:
    """ "Mary Fagan, asisten profesor di University of Missouri, ...": the name with its role."""
    rest = re.match(r",\s+((?:seorang\s+)?[a-z][^,.;:]{2,80})(?=,)", text[end:])
    return f"{name}, {rest.group(1)}" if rest else name


def _outlet_source(written: str, outlet: str) -> Source:
    """An outlet as the origin of a report: an organisation shown by its usual name."""
    return Source(
        text=written,
        kind="organization",
        organization=outlet,
        organization_id=written,
        org_key="outlet:" + norm(outlet),
    )


def _outlet_subjects(text: str) -> list[Origin]:
    """ "New York Times menyebut, ...", "..., lapor kantor berita AFP": an outlet that is the subject of a report verb."""
    out = []
    for m in (*_SUBJECT_THEN_VERB_RE.finditer(text), *_VERB_THEN_SUBJECT_RE.finditer(text)):
        subject = m.group("subject").strip(" .,")
        outlet = find_medium(subject) if is_medium(subject) else None
        if outlet is not None and outlet.lower() not in _OWN:
            out.append(
                Origin(
                    _outlet_source(subject, outlet),
                    (m.start("subject"), m.end("subject")),
                    (),
                    "subject",
                    (m.end("subject"), m.end()),
                )
            )
    return out


#: A short capitalised subject at the start of the sentence or of a clause, then a report verb.
_SUBJECT_THEN_VERB_RE = re.compile(
    r"(?:^|(?<=,\s))(?P<subject>(?:[Hh]arian\s+|[Ss]itus\s+|[Mm]edia\s+|[Kk]antor\s+berita\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z0-9][\w.&'’-]*){0,4})"
    + _OUTLET_VERB_RE.pattern
)


#: "dalam dakwaan ...", "berdasarkan putusan ...": a court document, by itself or with its author.
_LEGAL_RE = re.compile(
    r"(?<![\w-])(?:[Dd]alam|[Mm]enurut|[Bb]erdasarkan)\s+(?:surat\s+)?(?P<doc>dakwaan|tuntutan|putusan|gugatan|vonis)\b"
    r"(?:\s+(?P<author>(?:jaksa|JPU|hakim|majelis|pengadilan|Pengadilan|Jaksa|Majelis)(?:\s+[\w]+){0,5}?)(?=[,.]))?"
)

#: The stance a court document gives what it states.
_LEGAL_STANCE = {
    "dakwaan": "alleged",
    "tuntutan": "alleged",
    "gugatan": "alleged",
    "putusan": "decided",
    "vonis": "decided",
}


def _legal(text: str, m: re.Match[str]) -> Origin | None:
    """ "Namun dalam dakwaan pemilik PT X, ..., disebut 22 anggota DPRD menerima suap": the indictment
    states it, not the defendant named after it; its author when named ("tuntutan jaksa KPK")."""
    author = parse_source(m.group("author")) if m.group("author") else None
    if author is not None and author.kind not in ("pronoun", "document", "medium"):
        return Origin(author, m.span("author"), (), "legal:" + m.group("doc"), m.span())
    doc = m.group("doc")
    source = Source(text=doc, kind="document", organization=doc, organization_id=doc, org_key="document:" + doc)
    return Origin(source, m.span("doc"), (), "legal:" + doc, m.span())


#: "target penguasaan pasar ADM sebesar 17 persen": a target's or an estimate's owner, before the figure.
_FORECAST_RE = re.compile(
    r"(?<![\w-])(?P<noun>target|sasaran|proyeksi|prediksi|perkiraan|estimasi|taksiran|rencana)(?:nya)?"
    r"(?:\s+[a-z][\w-]*){0,3}\s+(?P<name>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4})"
    r"\s+(?:sebesar|senilai|sebanyak|yakni|yaitu|mencapai|di\s+angka|hingga|ialah|adalah)?\s*$"
)


def forecast_of(text: str, fspan: tuple[int, int]) -> tuple[Origin, str] | None:
    """The owner of a target or an estimate that holds the figure, with the stance it gives."""
    m = _FORECAST_RE.search(text[: fspan[0]])
    if m is None:
        return None
    source = parse_source(m.group("name"))
    if source is None or source.kind in ("pronoun", "document", "medium", "reporter"):
        return None
    if source.kind == "person" and not source.role:
        name = m.group("name")
        source = Source(
            text=name, kind="organization", organization=name, organization_id=name, org_key="org:" + norm(name)
        )
    stance = "estimated" if m.group("noun") in ("perkiraan", "estimasi", "taksiran") else "predicted"
    return Origin(source, m.span("name"), (), "forecast", m.span("noun")), stance


#: "23 persen (Canalys) dan 26,2 persen (IDC)": a figure with its source in brackets.
_BRACKETED_RE = re.compile(r"\s*(?:[a-z%]+\s+){0,2}\(\s*([A-Z][\w&.-]{1,20}(?:\s+[A-Z][\w&.-]+){0,2})\s*\)")
_CODES = vocab.words("bracket_codes")
_CALENDAR = vocab.words("calendar")
_BRACKET_CONTEXT_RE = re.compile(
    r"(?i)\b(?:laporan|data|riset|survei|lembaga|versi|catatan|menurut|studi|penelitian)\b"
)


def bracketed_source(text: str, fspan: tuple[int, int]) -> Origin | None:
    """The body named in brackets right after the figure, in a sentence about reports or data."""
    m = _BRACKETED_RE.match(text, fspan[1])
    if m is None or not _BRACKET_CONTEXT_RE.search(text):
        return None
    name = m.group(1)
    known = known_entity(name.lower()) is not None or find_medium(name) is not None
    single = " " not in name and len(name) >= 4 and word_kind(name) == "name" and name.lower() not in _CALENDAR
    if name.lower() in _CODES or not (known or single or (name.isupper() and len(name) >= 3)):
        return None  # "5 persen (YoY)", "Rp 5 miliar (USD 350 ribu)": a code or a unit, not a source
    source = parse_source(name)
    if source is None or source.kind in ("person", "pronoun", "medium", "reporter"):
        source = Source(
            text=name, kind="organization", organization=name, organization_id=name, org_key="org:" + norm(name)
        )
    return Origin(source, m.span(1), (), "bracket", m.span(1))


#: "..., lapor kantor berita AFP.": a report verb closing the sentence, then the outlet.
_VERB_THEN_SUBJECT_RE = re.compile(
    r"[,\"”]\s*(?:lapor|tulis|sebut|kata)\s+(?P<subject>(?:[Kk]antor\s+berita\s+|[Hh]arian\s+|[Ss]itus\s+|[Mm]edia\s+)?"
    r"[A-Z][\w.&'’-]*(?:\s+[A-Z0-9][\w.&'’-]*){0,4})\s*[.,]?\s*$"
)
