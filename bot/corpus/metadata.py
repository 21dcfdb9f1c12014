"""Metadata lines of an article file: datelines (outlet, place), cross-links, editor and byline lines.

    match_dateline(line) -> (prefix as written, outlet, place) | None
    strip_cross_links(line, no, removed) -> str   # the line without its cross-links, each recorded
    EDITOR, BYLINE, DISCLAIMER, LINK_ALONE, NOISE_LINE, CROSS_LINK   # whole-line and prefix patterns
    ends_with(line, marks) -> bool                # the last mark before closing quotes/brackets

The rules these follow are described in bot.corpus.reader, which applies them line by line.
"""

from __future__ import annotations

import re

from bot.models import Removal

_CLOSING = "\"'”’»)]"
EDITOR = re.compile(r"(?i)(editor|penyunting|redaktur)\s*:\s*(.+?)[\s.]*$")
BYLINE = re.compile(r"(?i)(penulis|reporter|pewarta|kontributor|sumber|foto)\s*:\s*(.+?)[\s.]*$")
DISCLAIMER = re.compile(
    r"(?i)^\W*(?:konten|artikel|berita|tulisan|teks)\s+ini\s+(?:\w+\s+){0,3}?"
    r"(?:dibuat|dihasilkan|disempurnakan|ditulis|disusun|diterjemahkan|dibantu|diolah|disunting)\b.*"
    r"\b(?:kecerdasan\s+buatan|artificial\s+intelligence|AI)\b"
)
NOISE_LINE = re.compile(r"(?i)(?:advertisement|scroll to continue with content|\W+)")

# the dateline/outlet prefixes, tried in order on the first body paragraphs
_DASH = r"\s*(?:-{1,3}|–|—)\s*"
_DOMAIN = r"[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z]{2,}){1,3}"
_PLACE = r"[A-Z][A-Za-z.'’]*(?:\s+[A-Z][A-Za-z.'’]*){0,3}"
_DOMAIN_SUFFIXES = frozenset("com co id net org go ac or sch web tv info news biz my sg".split())
_KNOWN_OUTLETS = (
    "kumparan|detik|okezone|tempo|antara|kompas|tribun|viva|sindonews|suara|merdeka|liputan6"
    "|republika|bisnis|kontan|cnbc|katadata|idntimes|kapanlagi|bola|juara|goal"
)
_DATELINES = (
    # KONTAN.CO.ID - JAKARTA.   TRIBUNNEWS.COM --   OUTLET.COM - CITY.
    re.compile(
        rf"(?P<outlet>{_DOMAIN}){_DASH}"
        rf"(?:(?P<place>[A-Z][A-Z'’]+(?:\s+[A-Z][A-Z'’]+){{0,3}})\s*[.,]\s+)?"
    ),
    # Liputan6.com, Jakarta -
    re.compile(rf"(?P<outlet>{_DOMAIN}),\s*(?P<place>{_PLACE}){_DASH}"),
    # Jakarta, CNN Indonesia --   JAKARTA, KOMPAS.com -
    re.compile(
        rf"(?P<place>{_PLACE}),\s*"
        rf"(?P<outlet>{_DOMAIN}|[A-Z][A-Za-z0-9]*(?:\s+[A-Z][A-Za-z0-9]*){{0,2}}){_DASH}"
    ),
    # Jakarta (ANTARA) -   Singkil, Aceh, (ANTARA News) -
    re.compile(
        rf"(?P<place>{_PLACE}(?:,\s*{_PLACE})*),?\s*"
        rf"\((?P<outlet>[A-Z][A-Za-z0-9.]*(?:\s+[A-Za-z0-9.]+){{0,2}})\){_DASH}"
    ),
    # Rimanews -   Rimanews-Konsulat ...   kumparan -
    re.compile(rf"(?P<outlet>[A-Z][A-Za-z0-9]*(?:news|NEWS|News)|{_KNOWN_OUTLETS}){_DASH}", re.IGNORECASE),
    # SPANYOL-Tragis ...   JAKARTA - ...   (a place in capitals)
    re.compile(r"(?P<place>[A-Z]{5,}(?:\s[A-Z]{2,}){0,2})\s*(?:-{1,2}|–|—)\s*(?=[A-Z][a-z]|[\"“])"),
    # Jakarta -   (a place alone, only with a spaced dash)
    re.compile(r"(?P<place>[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+){0,2})\s(?:-{1,2}|–|—)\s(?=[A-Z\"“])"),
)

# cross-link boilerplate: "Baca juga:", "BACA JUGA:", "Simak juga:", "Lihat juga:" ...
CROSS_LINK = re.compile(
    r"(?:^|(?<=[\s.!?\"”]))(?P<open>[\[(]\s*)?"
    r"(?:(?:baca|simak|lihat|tonton|cek|klik)(?:[\s_]+(?:juga|pula))"
    r"|baca(?:[\s_]+selengkapnya)?|berita\s+terkait|artikel\s+terkait)"
    r"\s*:\s*",
    re.IGNORECASE,
)
LINK_ALONE = re.compile(r"(?i)\W*(?:baca|simak|lihat|tonton)(?:[\s_]+(?:juga|pula))\W*")
_CROSS_LINK_CUES = ("baca", "juga", "pula", "terkait")  # one of them is in every cross-link
#: words a Title Case link title may keep in lower case
_TITLE_FUNCTION = frozenset(
    """
    di ke dari dan yang untuk dengan pada dalam akan atau vs oleh bagi tentang soal
    atas per antara hingga sampai usai jelang demi agar serta sebagai jadi tak
    """.split()
)


def ends_with(line: str, marks: str) -> bool:
    """True when the line's last character before closing quotes/brackets is in `marks`."""
    last = line.rstrip(_CLOSING)[-1:]
    return bool(last) and last in marks


def match_dateline(line: str) -> tuple[str, str | None, str | None] | None:
    """(prefix as written, outlet, place) when the paragraph opens with a dateline."""
    for pattern in _DATELINES:
        m = pattern.match(line)
        if not m or len(m.group(0)) > 60:
            continue
        rest = line[m.end() :]
        if rest and not (rest[:1].isupper() or rest[:1].isdigit() or rest[:1] in "\"“'‘("):
            continue
        groups = m.groupdict()
        outlet = _outlet_name(groups["outlet"]) if groups.get("outlet") else None
        place = groups.get("place")
        place = place.strip(" .,") if place else None
        return m.group(0).rstrip(), outlet, place or None
    return None


def _outlet_name(raw: str) -> str:
    """ "KONTAN.CO.ID" -> "KONTAN", "bandung.detik.com" -> "detik", "CNN Indonesia" as is."""
    raw = raw.strip()
    if "." in raw and " " not in raw:
        labels = raw.split(".")
        while len(labels) > 1 and labels[-1].lower() in _DOMAIN_SUFFIXES:
            labels.pop()
        return labels[-1]
    return raw


def strip_cross_links(line: str, no: int, removed: list[Removal]) -> str:
    """Remove every cross-link in the line; keep the real text around it."""
    if ":" not in line:
        return line
    lower = line.lower()
    if not any(cue in lower for cue in _CROSS_LINK_CUES):
        return line
    start = 0
    while True:
        m = CROSS_LINK.search(line, start)
        if not m:
            return line.strip()
        before = line[: m.start()].rstrip()
        if m.group("open"):
            close = "]" if m.group("open").strip() == "[" else ")"
            end = line.find(close, m.end())
            end = len(line) if end < 0 else end + 1
            removed.append(Removal("cross-link", line[m.start() : end].strip(), no))
            rest = line[end:].strip()
        else:
            link, rest = _split_link_title(line[m.end() :])
            removed.append(Removal("cross-link", (line[m.start() : m.end()] + link).strip(), no))
        line = f"{before} {rest}".strip() if before and rest else (before or rest)
        start = len(before)


def _split_link_title(rest: str) -> tuple[str, str]:
    """Split "Judul Tautan Title Case Teks asli dimulai ..." into (link title, real text)."""
    tokens = [(m.start(), m.group(0)) for m in re.finditer(r"\S+", rest)]
    cut = None
    for i, (_, token) in enumerate(tokens):
        core = token.strip("\"'“”‘’()[],:;.!?")
        if not core or any(c.isdigit() for c in core):
            continue
        if core[0].isupper() or core.lower() in _TITLE_FUNCTION:
            continue
        cut = i - 1  # the capitalised word right before the first lower-case word
        break
    if cut is None or cut < 2:
        # no lower-case word, or one right at the start: a sentence-case link title
        return rest.strip(), ""
    start = tokens[cut][0]
    real = rest[start:].strip()
    if len(tokens) - cut < 4 or not ends_with(real, ".!?…"):
        return rest.strip(), ""  # what follows is not a sentence: the whole line is the link
    if not tokens[cut][1].lstrip("\"'“‘(")[:1].isupper():
        return rest.strip(), ""
    return rest[:start].strip(), real
