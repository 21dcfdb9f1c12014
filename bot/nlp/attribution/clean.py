"""Trimming a candidate source phrase: datelines, openers, trailing adverbs, media, clauses.

Also the outlets a sentence names as its medium ("seperti dilansir Antara") and the owner
of a document ("data BPS", "Laporan yang diperoleh AFP").
"""

from __future__ import annotations

import re

from bot.nlp import vocab
from bot.nlp.entities.lexicon import (
    ANON_OPENERS,
    PRONOUNS,
    RANKS,
    REPORT_NOUNS,
    REPORTER_WORDS,
    ROLES,
    TITLE_LIST_RE,
    find_medium,
    is_medium,
)

BOUNDARY_RE = re.compile(
    r"(?<![\w-])(?:bahwa|setelah|sebelum|ketika|saat|sementara|sedangkan|karena|sehingga|namun|tetapi|"
    r"meski(?:pun)?|walaupun|jika|kalau|sejak|agar|supaya|yang)(?![\w-])|[;:“”\"]"
    r"|(?<=[a-z)][a-z)][a-z)])\.\s+(?=[A-Z])",  # a sentence end the splitter missed ("... (Persero). Kepala ...")
    re.I,
)


CUT_RE = re.compile(
    r"\s(?:pada|kepada|usai|seusai|saat|ketika|dalam|di hadapan|melalui|lewat|seperti|sebagaimana|"
    r"terkait|mengenai|soal|setelah|sebelum|sejak|bahwa|karena|akibat|sehingga|dengan|ke)\s",
    re.I,
)


_MEDIUM_MARK_RE = re.compile(
    r"(?:(?:seperti|sebagaimana)\s+)?(?:dikutip|dilansir|disitat|dinukil|diberitakan|dilaporkan)(?:\s+(?:oleh|dari))?\s+|"
    r"(?:melansir|mengutip|menukil)\s+|kepada\s+|yang\s+diperoleh\s+|diperoleh\s+",
    re.I,
)


_OPENERS = vocab.words("openers")


_TRAILING = vocab.word_list("trailing")


MONTHS = vocab.words("calendar")


def split_segments(text: str, offset: int) -> list[tuple[str, int]]:
    """Comma-separated pieces (commas inside parentheses or a title's list of fields kept), with their offsets."""
    pieces: list[tuple[str, int]] = []
    kept = {i for m in TITLE_LIST_RE.finditer(text) for i in range(m.start(), m.end())}
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0 and i not in kept:
            pieces.append((text[start:i], offset + start))
            start = i + 1
    pieces.append((text[start:], offset + start))
    out = []
    for piece, off in pieces:
        lead = len(piece) - len(piece.lstrip())
        if piece.strip():
            out.append((piece.strip(), off + lead))
    return out


_PRONOUN_SUBJECT_RE = re.compile(r"\s(?=(?:ia|dia|mereka|beliau|kami|kita)$)")


def strip_medium(segment: str) -> tuple[str, tuple[str, ...]]:
    """Take "dikutip oleh Kyiv Independent" and the like out of a segment; return the rest and the media."""
    via: list[str] = []
    m = _MEDIUM_MARK_RE.search(segment)
    while m:
        tail = segment[m.end() :]
        stop = CUT_RE.search(" " + tail) or _PRONOUN_SUBJECT_RE.search(tail)
        target = tail[: stop.start()] if stop else tail  # "Kepada pemerintah setempat ia meminta": ia stays
        medium = find_medium(target)
        if medium is None and m.group(0).lower().startswith("kepada"):
            segment = segment[: m.start()] + tail[len(target) :]  # an audience ("kepada Sky Sports Italia")
        elif medium is None and any(w in target.lower().split()[:2] for w in REPORTER_WORDS):
            segment = segment[: m.start()] + tail[len(target) :]
        elif medium is not None:
            via.append(medium)
            segment = segment[: m.start()] + tail[len(target) :]
        else:
            break
        m = _MEDIUM_MARK_RE.search(segment)
    return segment.strip(" ,"), tuple(via)


_DATELINE_RE = re.compile(
    r"^(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*\s*\([^)]{1,40}\)|[\w.-]+\.(?:com|co\.id|id|net|tv)|[A-Z]{3,}[\w.]*)\s*[-–—]+\s*"
)


def strip_dateline(segment: str) -> str:
    """ "Jakarta (ANTARA News) - Direktur ...", "Suara.com-Robson ...", "TRIBUNNEWS.COM – ..."."""
    return _DATELINE_RE.sub("", segment, count=1)


def strip_opener(segment: str) -> str:
    words = segment.split()
    if not words or words[0].lower().strip(",") not in _OPENERS:
        return segment
    # "Pada 29 Oktober 2024 Sekretaris ...", "Menanggapi eskalasi ini Presiden ...", "Selain itu Departemen ..."
    i = 1
    while i < len(words):
        w = words[i].strip(",.")
        if w[:1].isupper() and w.lower() not in MONTHS and w.lower() not in _OPENERS:
            break
        if w.lower() in ("seorang", "sejumlah", "para", "pihak", "beberapa", "salah", "ia", "dia", "mereka", "beliau"):
            break
        i += 1
    return " ".join(words[i:])


#: A time phrase closing a source phrase: "Data BNPB per Senin (2/12)", "BPS hingga akhir Oktober".
_TRAILING_TIME_RE = re.compile(
    r"\s+(?:(?:per|hingga|sampai|pada|sejak)\s+(?:(?:hari\s+)?(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu)\b"
    r"|tanggal\b|akhir\b|awal\b|\d)|(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu)\s*\([\d/ ]+\))[^,]*$",
    re.I,
)


def strip_trailing(segment: str) -> str:
    segment = _TRAILING_TIME_RE.sub("", segment)
    changed = True
    while changed and segment:
        changed = False
        low = segment.lower().rstrip(" ,")
        for adverb in _TRAILING:
            if low.endswith(" " + adverb) or low == adverb:
                segment = segment.rstrip(" ,")[: len(low) - len(adverb)].rstrip(" ,")
                changed = True
                break
    return segment


RIGHT_VERB_RE = re.compile(r"\s(?:me|mem|men|meng|meny)[a-z]{3,}\b")


def clean_np(segment: str) -> str:
    if re.match(r"(?i)di\s", segment):
        return ""  # "tuturnya di Graha CIMB": a place, not a source
    located = re.search(r"\sdi\s+(?=[a-z])", segment)
    if located:
        segment = segment[: located.start()]  # "Joko di kantornya"
    closed = re.search(r"\([A-Z][A-Za-z]+\)\s+(?=[a-z])", segment)
    if closed:
        segment = segment[: closed.end()].rstrip()  # "... (BMKG) tekanan magma saat ini"
    cut = CUT_RE.search(" " + segment + " ")
    if cut and cut.start() == 0:
        return ""  # "seperti dikutip dari ...", "pada Senin ...": not a source phrase
    if cut:
        segment = segment[: cut.start()]
    return strip_trailing(segment).strip(" ,")


_VERB_RE = re.compile(r"\s(?:me|ber|ter|di|mem|men|meng|meny)[a-z]{3,}(?:kan|i)?\b.*$")


_NOT_VERBS = vocab.words("not_verbs")


def before_verb(segment: str) -> str:
    """ "mereka berekspansi di Indonesia dan" -> "mereka": a clause's subject is before its verb."""
    text = re.sub(r"\s+(?:dan|serta|lalu|kemudian|pun)\s*$", "", segment)
    if text == segment:
        return segment
    for m in _VERB_RE.finditer(text):
        word = m.group(0).split()[0]
        if word.lower() not in _NOT_VERBS and word[:1].islower():
            return text[: m.start()]
    return text


# Lower-case first words that can open a source phrase ("pejabat", "seorang", "juru ...").
_NP_OPENERS: frozenset[str] = frozenset(
    PRONOUNS
    | REPORT_NOUNS
    | {"pihak", "kalangan", "mantan", "eks", "salah"}
    | {o.split()[0] for o in ANON_OPENERS}
    | {r.split()[0] for r in ROLES}
)


def np_like(text: str) -> bool:
    """Could this piece open a source phrase? ("Sekjen NATO", "seorang pejabat", "pihak Ukraina")."""
    words = text.split()
    if not words:
        return False
    first = words[0].strip("“\"'(")
    low = first.lower()
    if first[:1].isupper():
        return True
    if (low in RANKS or low.replace(".", "") in RANKS) and len(words) > 1 and words[1][:1].isupper():
        return True  # "dr Budi Santoso", "drg. Ani": a lower-case title before a name
    return low in _NP_OPENERS


_ORIGIN_RE = re.compile(r"(?<![\w-])([A-Z][\w&.'-]*(?:\s+(?:[A-Z][\w&.'-]*|dan|&|\([A-Z]+\)))*)")


#: "Dalam website Unpad", "Dalam laporan BPS": a named document a passive verb speaks through.
WITHIN_DOCUMENT_RE = re.compile(
    r"(?:^|,\s*)[“\"]?(?:[Dd]alam|[Dd]i|[Mm]elalui|[Ll]ewat|[Pp]ada)\s+("
    + vocab.alternation("report_nouns")
    + r"(?:nya)?\s+[A-Z][\w.&-]*(?:\s+[A-Z0-9][\w.&-]*){0,5})\s+(?:juga\s+)?$"
)


def document_origin(np: str) -> tuple[str | None, tuple[str, ...]]:
    """ "Laporan yang diperoleh AFP" -> (None, ("AFP",)); "informasi yang diterbitkan oleh X" -> ("X", ())."""
    genitive = re.match(r"^\w+\s+(?=[A-Z])(.+)$", np)
    if genitive and not re.search(r"\byang\b", np):
        # "Laporan Bloomberg", "Survei Litbang Kompas": the owner is the origin, an outlet too
        return clean_np(re.split(r"\s(?:untuk|tentang|periode)\s", genitive.group(1))[0]), ()
    m = re.search(
        r"\b(?:yang\s+)?(?:diperoleh|diterbitkan|dirilis|dikeluarkan|disusun|dibuat|disampaikan|milik|dari)(?:\s+oleh)?\s+(.+)$",
        np,
        re.I,
    )
    if not m:
        # "data triwulanan BPS terus melambat ...": the first name after the noun, before any verb
        head = np.split(None, 1)[1] if len(np.split()) > 1 else ""
        verb = RIGHT_VERB_RE.search(" " + head)
        head = head[: verb.start()] if verb else head
        name = _ORIGIN_RE.search(head)
        if name is None or len(head[: name.start()].split()) > 2:
            return None, ()
        origin = name.group(1).strip()
        if is_medium(origin):
            return None, (str(find_medium(origin)),)
        return origin, ()
    origin = clean_np(m.group(1).strip(" ,"))
    if is_medium(origin):
        return None, (str(find_medium(origin)),)
    return origin, ()


def media_in(text: str) -> tuple[str, ...]:
    """Outlets a sentence says it was taken from ("seperti dilansir Antara", "dikutip dari ABC News")."""
    media: list[str] = []
    for m in _MEDIUM_MARK_RE.finditer(text):
        if m.group(0).lower().startswith(("kepada", "yang diperoleh", "diperoleh")):
            continue
        tail = text[m.end() :]
        stop = re.search(r"[,.;:]|\s(?:pada|bahwa|yang)\s", tail)
        medium = find_medium(tail[: stop.start()] if stop else tail)
        if medium:
            media.append(medium)
    return tuple(dict.fromkeys(media))


#: Pieces of a source phrase that are not its source (read by `phrases`).
DESCRIPTIONS = vocab.words("body_descriptions")

#: Degrees written after a name, set off by commas: "dr.", "Sp. A(K)", "M.Kes.", "S.H., M.H."
DEGREE_SEGMENT_RE = re.compile(r"(?:(?:[A-Z][a-z]{0,3}|dr|drg)\.\s*)+[A-Z]{0,4}(?:\([A-Z]+\))?\.?")

#: "pria yang akrab disapa Kang Emil itu": a person known by a name.
NICKNAME_RE = re.compile(
    r"^[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}\s+yang\s+(?:akrab\s+|biasa\s+)?(?:disapa|dipanggil|dikenal\s+dengan)\s+"
    r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})"
)

#: A person's statement before the person: "keterangan (resmi) Kapolda ...", "pernyataan Menteri ...".
STATEMENT_RE = re.compile(
    r"^(?:keterangan|pernyataan|penjelasan|penuturan|pengakuan|kesaksian)(?:\s+(?:resmi|tertulis|pers))?\s+(?=[A-Z])"
)
