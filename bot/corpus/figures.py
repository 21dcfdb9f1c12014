"""Quantities in Indonesian text: finding, normalising and matching figures.

Public API (other modules rely on these names):
    find_figures(text: str) -> list[Figure]
        Every quantity in a sentence, with value, qualifier, vagueness, span and unit.
    parse_figure(query: str) -> Figure | None
        A user's figure ("10000", "10k", "10.000", "10 ribu", "sepuluh ribu").
    format_figure(value: float) -> str
        The canonical English rendering ("10,000", "2.5").
    figure_key(value: float) -> str
        An exact, notation-free key for indexing a value in SQL ("10000", "2.5").
    figures_match(a: Figure, b: Figure) -> bool
        Same exact value (any notation, any qualifier); a "%" never matches a count,
        and two different currencies never match.
    figures_related(a: Figure, b: Figure) -> bool
        A vague quantity and a value that it could stand for ("puluhan ribu" and
        10000, "ribuan" and 10000): the value lies within two orders of magnitude
        starting at the vague quantity's lower bound (`10**m <= v < 10**(m+2)`).
    describe_figure(figure: Figure) -> str
        English words for a figure: "about 10,000", "tens of thousands", "20%".

What a Figure holds:
    value      the exact number; for a vague quantity the lower bound of its order
               of magnitude (ribuan -> 1000, puluhan ribu -> 10000), `vague=True`
               and `magnitude` the power of ten (3, 4). Exact figures have
               `magnitude=None`.
    text/start/end
               the number phrase itself: currency prefix, digits or number words,
               scale word (ribu, juta, "rb", "k") and percent sign or word. The
               qualifier and the counted noun are NOT inside the span, so
               `text[f.start:f.end] == f.text` always holds.
    qualifier  in English: about, more than, less than, almost, as many as,
               at least, up to (from sekitar, lebih dari, kurang dari, hampir,
               sebanyak, setidaknya, hingga ... before the number; a trailing
               "lebih" as in "10.000 lebih" is "more than"; "10 ribuan" and
               "10.000-an" are "about" 10,000).
    unit       "%" for percentages; a currency code ("rp", "usd", "eur", ...) for
               money; otherwise the counted noun right after the number, lower-cased,
               without a "-nya" suffix ("10.000 personelnya" -> "personel"); None
               when the next word is a function word.

Notation: "." groups thousands and "," marks decimals in Indonesian, but English
"10,000" also appears. A separator followed by exactly three digits groups
thousands ("10.000", "10,000", "1.500"); any other single separator is a decimal
("2,5", "1.5", "10.30"); a mix uses the last one as the decimal mark
("1.234,5", "1,234.5"); anything else ("1.2.3", "192.168.1.1") is not a figure.

Number words: satu..sembilan, sepuluh, sebelas, "dua belas", "dua puluh lima",
seratus, "dua ratus lima puluh", seribu, "tiga juta lima ratus ribu", sejuta,
miliar/milyar, triliun, and setengah ("satu setengah juta" = 1,500,000). Scales
after digits: ribu/rb/k, juta/jt, miliar/milyar, triliun (and M/T after "Rp": "Rp
5 M" is 5 miliar). Vague words: belasan, puluhan, ratusan, ribuan, jutaan,
miliaran, triliunan, optionally followed by a scale ("puluhan ribu" = 10**4,
"ratusan juta" = 10**8), and "beberapa" + scale ("beberapa ribu" = 10**3).

Ranges: in "3-4 ribu", "3-9 tahun", "20-30 persen" both ends are figures and what
follows the second (scale word, percent, noun) applies to the first too (its
`text` stays its own surface, "USD 3", with value 3000); a dash
pair with nothing countable after it ("menang 3-1", "21-13") is a score, and
"21-28 Mei" a date range: neither is a figure.

Not figures: years (a 4-digit 1900-2100 number standing alone, or after tahun,
sejak, pada, awal, akhir, a month ...; "1438 Hijriah"), dates ("19 Juni 2024",
"13 Oktober", "1 Syawal", "27/2/2025", "2024-10-28"), clock times ("pukul 10.30",
"10.30 WIB", "10:30", "jam 10"), ordinals ("ke-979", "kedua"), designations
("KN-23", "F-16", "G7", "COVID-19", "Pasal 5", "No. 3", "roda dua", "nomor urut
enam", and a small number right after a capitalised name with nothing counted
after it: "Liga 1", "Jurassic World 2"), minute marks ("(22’)"), list numbers
("1." opening a text), phone numbers and codes with leading zeros, digits inside
words, "sejumlah", "beberapa" alone, "seorang", "salah satu", "satu sama lain",
"satu-satunya". A query (`parse_figure`, which returns the first figure) goes through
the same scanner with the year/date/designation-word rules off (a user who asks
for "2022" means 2022) and English scales on ("10k", "1.5m", "2 million").

Everything is a few precompiled regular expressions and a left-to-right scan; no
per-call compilation and no module-level mutable state.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation

from bot.models import Figure

__all__ = [
    "describe_figure",
    "figure_key",
    "figures_match",
    "figures_related",
    "find_figures",
    "format_figure",
    "parse_figure",
]

# --- vocabularies -------------------------------------------------------------------

_L = r"[^\W\d_]"  # one letter (any script)

_UNITS = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5,
    "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9,
}
#: "se-" words are "one" glued to a scale word.
_SE_WORDS = {
    "sepuluh": "puluh", "sebelas": "belas", "seratus": "ratus", "seribu": "ribu",
    "sejuta": "juta", "semiliar": "miliar", "semilyar": "miliar", "setriliun": "triliun",
}
_SMALL_SCALES = {"belas", "puluh", "ratus"}
_BIG_SCALES = {"ribu": 3, "juta": 6, "miliar": 9, "milyar": 9, "triliun": 12}

#: scale words after digits ("10 ribu", "1,5 juta", "10rb"), as powers of ten
_TEXT_MULTIPLIERS = {
    "ribu": 3, "rb": 3, "k": 3, "juta": 6, "jt": 6, "miliar": 9, "milyar": 9,
    "triliun": 12, "thousand": 3, "million": 6, "billion": 9, "trillion": 12,
}
#: extra scales understood in a user's query ("1.5m", "2 bn")
_QUERY_MULTIPLIERS = {
    **_TEXT_MULTIPLIERS,
    "m": 6, "mn": 6, "mio": 6, "b": 9, "bn": 9, "t": 12, "tn": 12,
}
#: "10 ribuan" is about 10,000: a scale with "-an" after digits makes the figure approximate
_APPROX_MULTIPLIERS = {"ribuan": 3, "jutaan": 6, "miliaran": 9, "milyaran": 9, "triliunan": 12}
#: upper-case scale letters that follow an amount of money ("Rp 5 M", "Rp 3 T")
_MONEY_LETTERS = {"m": 9, "t": 12, "jt": 6, "rb": 3, "b": 9}

#: units glued to the digits ("5km", "10kg"); anything else glued makes a designation
_ATTACHED_UNITS = {
    "km": "km", "m": "m", "cm": "cm", "mm": "mm", "kg": "kg", "g": "g", "gr": "g",
    "ton": "ton", "ha": "ha", "l": "l", "ml": "ml", "mw": "mw", "kw": "kw", "gw": "gw",
    "kwh": "kwh", "gb": "gb", "mb": "mb", "tb": "tb", "x": "kali",
}

_CURRENCIES = {
    "rp": "rp", "idr": "rp", "rupiah": "rp", "usd": "usd", "us$": "usd", "$": "usd",
    "dolar": "usd", "dollar": "usd", "s$": "sgd", "sgd": "sgd", "eur": "eur", "€": "eur",
    "euro": "eur", "gbp": "gbp", "£": "gbp", "jpy": "jpy", "¥": "jpy", "yen": "jpy",
    "won": "krw", "yuan": "cny", "rubel": "rub", "ringgit": "myr",
}

_VAGUE_MAGNITUDE = {
    "belasan": 1, "puluhan": 1, "ratusan": 2, "ribuan": 3, "jutaan": 6,
    "miliaran": 9, "milyaran": 9, "triliunan": 12,
}
_FEW_MAGNITUDE = {
    "puluh": 1, "ratus": 2, "ribu": 3, "juta": 6, "miliar": 9, "milyar": 9, "triliun": 12,
}

_VAGUE_ENGLISH = {
    "belasan": "more than ten", "puluhan": "dozens", "ratusan": "hundreds",
    "ribuan": "thousands", "jutaan": "millions", "miliaran": "billions",
    "milyaran": "billions", "triliunan": "trillions",
    "puluhan ribu": "tens of thousands", "belasan ribu": "more than ten thousand",
    "ratusan ribu": "hundreds of thousands", "puluhan juta": "tens of millions",
    "belasan juta": "more than ten million", "ratusan juta": "hundreds of millions",
    "puluhan miliar": "tens of billions", "ratusan miliar": "hundreds of billions",
    "puluhan milyar": "tens of billions", "ratusan milyar": "hundreds of billions",
    "puluhan triliun": "tens of trillions", "ratusan triliun": "hundreds of trillions",
    "beberapa puluh": "several dozen", "beberapa ratus": "several hundred",
    "beberapa ribu": "several thousand", "beberapa juta": "several million",
    "beberapa miliar": "several billion", "beberapa milyar": "several billion",
    "beberapa triliun": "several trillion",
}

_QUALIFIERS = {
    "sekitar": "about", "kurang lebih": "about", "lebih kurang": "about",
    "kira-kira": "about", "kira kira": "about", "kisaran": "about", "sekira": "about",
    "lebih dari": "more than", "lebih daripada": "more than", "di atas": "more than",
    "kurang dari": "less than", "kurang daripada": "less than", "di bawah": "less than",
    "hampir": "almost", "nyaris": "almost",
    "sebanyak": "as many as",
    "setidaknya": "at least", "sedikitnya": "at least", "minimal": "at least",
    "paling sedikit": "at least", "sekurang-kurangnya": "at least", "sekurangnya": "at least",
    "tidak kurang dari": "at least", "tak kurang dari": "at least",
    "hingga": "up to", "sampai": "up to", "maksimal": "up to", "paling banyak": "up to",
    "sebanyak-banyaknya": "up to", "tidak lebih dari": "up to", "tak lebih dari": "up to",
}
#: qualifiers strong enough to make a year-like number a count ("sebanyak 2000")
_COUNT_QUALIFIERS = {"as many as", "at least", "more than", "less than", "almost"}

#: words after a number that are not the thing counted
_NOT_UNITS = frozenset(
    """
    yang dan atau di ke dari pada untuk dengan hingga sampai oleh itu ini lalu silam
    kemarin mendatang nanti saat ketika sebagai dalam juga akan telah sudah belum masih
    adalah ialah merupakan tersebut karena namun tetapi tapi serta bahwa kepada terhadap
    sejak per lebih kurang hanya saja pun lagi sekitar atas bawah antara hampir sebanyak
    setidaknya sedikitnya selama tak tidak bukan agar supaya jika bila kalau maka sehingga
    seperti bagi tentang menurut melalui tanpa sebelum sesudah setelah usai mulai sama
    para sang si the and of to in on at for from or by a an is was were are ada
    dimana mana yakni yaitu kemudian
    wib wita wit gmt utc am pm
    """.split()
)

#: number words and scales are never the thing counted ("dua tiga hari")
_NUMBER_WORDS = frozenset(
    [*_UNITS, *_SE_WORDS, *_SMALL_SCALES, *_BIG_SCALES, *_VAGUE_MAGNITUDE,
     "setengah", "beberapa", "rb", "jt", "persen", "prosen"]
)

_MONTH = (
    r"(?:januari|january|februari|pebruari|february|maret|march|april|mei|may|juni|june"
    r"|juli|july|agustus|august|september|oktober|october|november|nopember|desember|december"
    r"|jan|feb|mar|apr|jun|jul|agu|agt|ags|aug|sep|sept|okt|oct|nov|des|dec"
    r"|(?:janu|febr|pebr|agus|septe|okto|novem|nopem|desem)" + _L + r"*"
    r"|muharram|muharam|safar|rabiul|jumadil|jumadilawal|jumadilakhir|rajab|syakban|syaban"
    r"|ramadan|ramadhan|syawal|zulkaidah|dzulqaidah|zulhijah|zulhijjah|dzulhijjah)"
)

# --- regular expressions (compiled once) --------------------------------------------

_NUMBER_WORD = (
    r"(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|seratus"
    r"|seribu|sejuta|semiliar|semilyar|setriliun|setengah|belas|puluh|ratus|ribu|juta"
    r"|miliar|milyar|triliun)"
)
_NUMBER_WORD_START = (
    r"(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|seratus"
    r"|seribu|sejuta|semiliar|semilyar|setriliun|setengah)"
)
# Every candidate starts at a word boundary, which keeps the scan fast and leaves
# digits glued to letters ("G7", "MH17") alone; "Rp5" is the one glued prefix allowed.
_CANDIDATE_PATTERN = rf"""
    \b(?:
      (?:(?:rp|idr|usd)(?=[0-9]))?(?P<num>[0-9]+(?:[.,][0-9]+)*)
    | (?P<vague>
          (?:puluhan|belasan|ratusan|ribuan|jutaan|miliaran|milyaran|triliunan)\b
          (?:\s+(?:ribu|juta|miliar|milyar|triliun)\b)?
        | beberapa\s+(?:puluh|ratus|ribu|juta|miliar|milyar|triliun)\b
      )
    | (?P<words>{_NUMBER_WORD_START}\b(?:\s+{_NUMBER_WORD}\b)*)
    )
"""
#: run on lower-cased text (same length as the original, the usual case) ...
_CANDIDATE_RE = re.compile(_CANDIDATE_PATTERN, re.VERBOSE)
#: ... or on the original when lower-casing changes the length ("İ")
_CANDIDATE_I_RE = re.compile(_CANDIDATE_PATTERN, re.VERBOSE | re.IGNORECASE)
#: when a text has no number word in it, only digits need looking for
_DIGITS_ONLY_RE = re.compile(r"(?P<num>[0-9]+(?:[.,][0-9]+)*)")
_DIGIT_RE = re.compile(r"[0-9]")


def _may_hold_number_word(lowered: str) -> bool:
    """Every number word and vague word contains one of these substrings (a cheap test)."""
    return (
        "dua" in lowered or "tiga" in lowered or "satu" in lowered or "empat" in lowered
        or "lima" in lowered or "enam" in lowered or "tujuh" in lowered
        or "delapan" in lowered or "sembilan" in lowered or "puluh" in lowered
        or "belas" in lowered or "ratus" in lowered or "ribu" in lowered or "juta" in lowered
        or "miliar" in lowered or "milyar" in lowered or "triliun" in lowered
        or "setengah" in lowered
    )


_WORD_TOKEN_RE = re.compile(r"\S+")

# Context before a number: a short slice ending at the number, cut into words.
_CURRENCY_BEFORE_RE = re.compile(
    rf"(?:(?<!{_L})(?:rp|idr|usd|us\s?\$|s\$|sgd|eur|gbp|jpy)|\$|€|£|¥)\.?\s?$", re.IGNORECASE
)
_MONTH_RE = re.compile(_MONTH, re.IGNORECASE)
_DESIGNATION_WORDS = frozenset(
    """
    pasal ayat nomor nomer no nmr halaman hal bab jilid versi seri tipe type kode lantai
    pukul resolusi edisi episode putaran babak tahap fase gelombang rt rw kav blok
    gang gg jalur peron gerbang kamar ruang nop nip nik npwp rekening telp tel hp wa km
    tanggal tgl urut peringkat punggung ranking urutan
    """.split()
)
_TAHUN_WORDS = frozenset({"tahun", "thn", "th"})
#: words after which a number word names something rather than counts ("roda dua")
_WORD_DESIGNATION_WORDS = frozenset(
    {"roda", "nomor", "urut", "simpang", "juara", "peringkat", "bintang", "punggung"}
)
_YEAR_WORDS = frozenset(
    "tahun thn th sejak semenjak pada awal akhir pertengahan medio era dekade periode".split()
)
_YEAR_PAIR_WORDS = frozenset({"musim", "kuartal", "semester", "triwulan"})
#: words allowed between a qualifier and its number ("hampir mencapai tiga tahun")
_QUALIFIER_LINKS = frozenset({"mencapai", "sebesar", "sejumlah"})

# Context after a number (matched at the position right after it).
_MONTH_AFTER_RE = re.compile(rf"\s*{_MONTH}(?!{_L})", re.IGNORECASE)
_TIME_AFTER_RE = re.compile(
    rf"\s*(?:wib|wita|wit|gmt|utc|am|pm|a\.m\.|p\.m\.)(?!{_L})", re.IGNORECASE
)
_ATTACHED_RE = re.compile(rf"{_L}+")
_MULTIPLIER_AFTER_RE = re.compile(rf"\s*({_L}+)(?!{_L})")
_MONEY_LETTER_AFTER_RE = re.compile(rf"\s?(M|T|Jt|JT|Rb|RB|B)(?!{_L})")
_PERCENT_AFTER_RE = re.compile(rf"\s*(%|persen|prosen|percent)(?!{_L})", re.IGNORECASE)
_MORE_AFTER_RE = re.compile(
    rf"\s+lebih(?!{_L})(?!\s+(?:dari|daripada|banyak|besar|kecil|tinggi|rendah|sedikit|cepat"
    rf"|lambat|lama|baik|buruk|murah|mahal|jauh|luas|berat|kuat|awal|dulu)(?!{_L}))",
    re.IGNORECASE,
)
_UNIT_AFTER_RE = re.compile(rf"[ \t]+({_L}+(?:-{_L}+)?)")
_RANGE_AFTER_RE = re.compile(r"[-–][0-9]+(?:[.,][0-9]+)*(?![0-9]|[.,][0-9]|\w)")
_ERA_AFTER_RE = re.compile(r"\s*(?:hijriah|hijriyah|masehi|H|M|SM)(?!\w)")
_VERB_LIKE_RE = re.compile(r"(?:me|di|ber|ter)\w{4,}")
_SPACE_GROUPED_RE = re.compile(r"\s*([1-9][0-9]{0,2}(?:[ \u00a0\u202f][0-9]{3})+)\s*")
_SAME_PER_AFTER_RE = re.compile(r"\s+(?:sama|per|demi)\s", re.IGNORECASE)
_PHONE_RE = re.compile(r"(?:\+\d{1,3}|\(0\d{1,4}\)|0\d{1,4})(?:[ .-]?\d{2,5}){2,}")
_DASH_DATE_RE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}(?!\d)|\d{1,2}-\d{1,2}-\d{4}(?!\d)")
_SEPARATOR_RE = re.compile(r"[.,]")
_THREE_DIGITS_RE = re.compile(r"\d{3}")
_GLUED_RE = re.compile(r"(?:\w|[.,/:-](?=\w))*")

_CONTEXT = 48  # characters of left context examined for qualifiers, currencies, years


# --- numbers ------------------------------------------------------------------------


def _parse_digits(raw: str) -> Decimal | None:
    """The value of a digit string with "." and "," separators, or None if it is not a number."""
    if "." not in raw and "," not in raw:
        return Decimal(raw)
    groups = _SEPARATOR_RE.split(raw)
    seps = [c for c in raw if c in ".,"]
    head = groups[0]
    if len(set(seps)) == 1:
        if len(seps) == 1:
            tail = groups[1]
            if len(tail) == 3 and head != "0" and not head.startswith("0") and len(head) <= 3:
                return Decimal(head + tail)
            return Decimal(f"{head}.{tail}")
        # several of one kind: only thousands groups make sense
        if 1 <= len(head) <= 3 and not head.startswith("0") and all(
            _THREE_DIGITS_RE.fullmatch(g) for g in groups[1:]
        ):
            return Decimal("".join(groups))
        return None
    # both kinds: the last separator is the decimal mark and appears once
    decimal_mark = seps[-1]
    if seps.count(decimal_mark) != 1:
        return None
    thousands = groups[:-1]
    if not (1 <= len(thousands[0]) <= 3) or thousands[0].startswith("0"):
        return None
    if not all(_THREE_DIGITS_RE.fullmatch(g) for g in thousands[1:]):
        return None
    return Decimal("".join(thousands) + "." + groups[-1])


def _words_value(tokens: list[str]) -> tuple[Decimal, int] | None:
    """Value of Indonesian number words and how many tokens it used (a valid prefix)."""
    total = Decimal(0)
    group = Decimal(0)
    pending: Decimal | None = None
    last_big = 99
    used = 0
    best: tuple[Decimal, int] | None = None
    for tok in tokens:
        word = tok.lower()
        scale: str | None = None
        if word in _SE_WORDS:
            if pending is not None:
                break
            pending = Decimal(1)
            scale = _SE_WORDS[word]
        elif word in _UNITS:
            if pending is not None:
                break
            pending = Decimal(_UNITS[word])
        elif word == "setengah":
            if group or total:
                break
            if pending is None:
                pending = Decimal("0.5")
            elif pending == pending.to_integral_value():
                pending += Decimal("0.5")
            else:
                break
        else:
            scale = word
        if scale is not None:
            if scale in _SMALL_SCALES:
                if pending is None or pending != pending.to_integral_value():
                    break
                if scale == "ratus":
                    if group:
                        break
                    group = pending * 100
                elif scale == "puluh":
                    if group % 100:
                        break
                    group += pending * 10
                else:  # belas
                    if group % 100:
                        break
                    group += pending + 10
                pending = None
            else:
                power = _BIG_SCALES.get(scale)
                if power is None:
                    break
                amount = group + (pending or 0)
                if not amount or power >= last_big:
                    break
                total += amount * (Decimal(10) ** power)
                group = Decimal(0)
                pending = None
                last_big = power
        used += 1
        value = total + group + (pending or 0)
        if value:
            best = (value, used)
    return best


def _to_float(value: Decimal) -> float | None:
    try:
        result = float(value)
    except (OverflowError, InvalidOperation):
        return None
    return result if math.isfinite(result) else None


def _unit_after(text: str, pos: int) -> str | None:
    m = _UNIT_AFTER_RE.match(text, pos)
    if not m:
        return None
    word = m.group(1).lower()
    if word in _NOT_UNITS or word in _NUMBER_WORDS or _MONTH_AFTER_RE.fullmatch(word):
        return None
    if word.endswith("nya") and len(word) > 5:
        word = word[:-3]
    return _CURRENCIES.get(word, word)


# --- the scanner --------------------------------------------------------------------


def _scan(text: str, query: bool) -> list[Figure]:
    lowered = text.lower()
    if len(lowered) == len(text):
        subject = lowered
        if _may_hold_number_word(lowered):
            candidates = _CANDIDATE_RE
        elif _DIGIT_RE.search(lowered):
            candidates = _DIGITS_ONLY_RE
        else:
            return []
    else:
        subject, candidates = text, _CANDIDATE_I_RE
    figures: list[Figure] = []
    pos = 0
    n = len(text)
    while pos < n:
        m = candidates.search(subject, pos)
        if m is None:
            break
        pos = m.end()
        if m.group("num") is not None:
            fig, resume = _digits_figure(text, m.start("num"), m.end("num"), query)
        elif m.group("vague") is not None:
            fig, resume = _vague_figure(text, m.start(), m.end())
        else:
            fig, resume = _words_figure(text, m.start(), m.group("words"), query)
        if resume is not None:
            pos = max(resume, m.start() + 1)
        if fig is not None:
            figures.append(fig)
    return figures


class _Before:
    """The words right before a number (lower-cased), read once per candidate."""

    __slots__ = ("words", "spaced", "_head")

    def __init__(self, head: str) -> None:
        self.words = head.lower().split()[-4:]
        self.spaced = head[-1:].isspace()
        self._head = head

    def follows_a_name(self) -> bool:
        """The number comes right after a capitalised word that does not open the sentence."""
        if not self.spaced:
            return False
        words = self._head.split()[-2:]
        if len(words) < 2 or not words[-1].isalpha() or not words[-1][0].isupper():
            return False
        return words[-2][-1] not in ".!?:;\"“”'‘’([-–—"

    def last(self) -> str:
        """The last word before the number, without punctuation ("ayat (" -> "ayat")."""
        for word in reversed(self.words):
            word = word.strip(".,:;([{\"“‘'")
            if word:
                return word
        return ""

    def qualifier(self) -> str | None:
        if not self.spaced or not self.words:
            return None
        words = self.words
        found = _qualifier_at_end(words)
        if found is None and len(words) > 1 and words[-1] in _QUALIFIER_LINKS:
            found = _qualifier_at_end(words[:-1])
        return found

    def is_year_context(self) -> bool:
        last = self.last()
        if last in _YEAR_WORDS or _MONTH_RE.fullmatch(last):
            return True
        return len(self.words) >= 2 and self.words[-2] in _YEAR_PAIR_WORDS


def _qualifier_at_end(words: list[str]) -> str | None:
    for k in (3, 2, 1):
        if len(words) >= k:
            found = _QUALIFIERS.get(" ".join(words[-k:]))
            if found is not None:
                return found
    return None


def _finish(
    text: str, start: int, end: int, value: float, *, before: _Before, unit: str | None,
    vague: bool = False, magnitude: int | None = None, approximate: bool = False,
) -> Figure:
    """Percent sign, trailing "lebih", qualifier and counted noun around a number."""
    pct = _PERCENT_AFTER_RE.match(text, end)
    if pct:
        end = pct.end()
        unit = "%"
    qualifier = before.qualifier() or ("about" if approximate else None)
    after = end
    more = _MORE_AFTER_RE.match(text, end)
    if more:
        after = more.end()
        if qualifier is None:
            qualifier = "more than"
    if unit is None:
        unit = _unit_after(text, after)
    return Figure(
        value=value, text=text[start:end], start=start, end=end, qualifier=qualifier,
        vague=vague, magnitude=magnitude, unit=unit,
    )


def _digits_figure(text: str, s: int, e: int, query: bool) -> tuple[Figure | None, int | None]:
    raw = text[s:e]
    prev = text[s - 1] if s else " "
    nxt = text[e] if e < len(text) else " "
    if prev.isdigit() or (prev in ".," and s >= 2 and text[s - 2].isalnum()):
        return None, _skip_glued(text, e)  # the tail of "US23,4" or of another script's number

    # phone numbers, codes and dash dates are skipped as a whole
    if raw[0] == "0" or prev in "+(":
        phone = _PHONE_RE.match(text, s - 1 if prev in "+(" else s)
        if phone and phone.end() > e:
            return None, phone.end()
    if nxt == "-":
        dash_date = _DASH_DATE_RE.match(text, s)
        if dash_date:
            return None, dash_date.end()
    if raw[0] == "0" and len(raw) > 1 and raw[1] not in ".,":
        return None, None  # 007, 05: codes, not counts
    if prev in "/:#@+" or (nxt in "/:" and e + 1 < len(text) and text[e + 1].isdigit()):
        return None, _skip_glued(text, e)  # 27/2/2025, 10:30, 3/4

    head = text[max(0, s - _CONTEXT) : s]
    start = s
    unit: str | None = None
    cur = _CURRENCY_BEFORE_RE.search(head, max(0, len(head) - 8))
    if cur:
        start = s - (len(head) - cur.start())
        symbol = "".join(cur.group(0).split()).rstrip(".").lower()
        unit = _CURRENCIES.get(symbol, symbol)
        head = head[: cur.start()]
    elif prev.isalpha() or prev == "_":
        return None, _skip_glued(text, e)  # glued to letters
    elif prev in "-–" and s >= 2 and text[s - 2].isalpha():
        return None, _skip_glued(text, e)  # KN-23, F-16, ke-979

    value = _parse_digits(raw)
    if value is None:
        return None, None

    end = e
    multiplied = False
    approximate = False
    glued = _ATTACHED_RE.match(text, e)
    if glued:
        suffix = glued.group(0).lower()
        table = _QUERY_MULTIPLIERS if query else _TEXT_MULTIPLIERS
        if unit == "rp" and suffix in _MONEY_LETTERS:
            value *= Decimal(10) ** _MONEY_LETTERS[suffix]
            end = glued.end()
            multiplied = True
        elif suffix in table:
            value *= Decimal(10) ** table[suffix]
            end = glued.end()
            multiplied = True
        elif suffix == "an" and not raw.isdigit():
            end = glued.end()  # 2.000an: about 2,000 (but 1990an is a decade)
            approximate = True
        elif (
            suffix in _ATTACHED_UNITS
            and not (query and suffix in _QUERY_MULTIPLIERS)
            and not (len(suffix) == 1 and glued.group(0).isupper())  # 5G, 3D
        ):
            unit = unit or _ATTACHED_UNITS[suffix]
            end = glued.end()
        else:
            return None, glued.end()  # 4WD, 19th
    elif nxt in "-–" and text[e + 1 : e + 3].lower() == "an" and not (
        e + 3 < len(text) and text[e + 3].isalpha()
    ):
        if raw.isdigit():
            return None, e + 3  # 1990-an, 80-an: decades
        end = e + 3  # 10.000-an: about 10,000
        approximate = True
    elif nxt in "-–":
        span = _RANGE_AFTER_RE.match(text, e)
        if span:
            # "3-4 ribu", "3-9 tahun", "20-30 persen" are ranges: what follows the
            # second number applies to the first; "3-1", "21-13" (scores) and
            # "21-28 Mei" (dates) are not quantities at all.
            r_end = span.end()
            if not query and _MONTH_AFTER_RE.match(text, r_end):
                return None, r_end
            mult = _MULTIPLIER_AFTER_RE.match(text, r_end)
            power = _TEXT_MULTIPLIERS.get(mult.group(1).lower()) if mult else None
            if power is not None and mult is not None:
                value *= Decimal(10) ** power
                multiplied = True
                unit = unit or _unit_after(text, mult.end())
            elif _PERCENT_AFTER_RE.match(text, r_end):
                unit = "%"
            elif unit is None:
                unit = _unit_after(text, r_end)
                if unit is None and not query:
                    return None, r_end
    if end == e:
        mult = _MULTIPLIER_AFTER_RE.match(text, e)
        if mult:
            word = mult.group(1).lower()
            table = _QUERY_MULTIPLIERS if query else _TEXT_MULTIPLIERS
            if word in table and (query or word != "k"):
                value *= Decimal(10) ** table[word]
                end = mult.end()
                multiplied = True
            elif word in _APPROX_MULTIPLIERS:
                value *= Decimal(10) ** _APPROX_MULTIPLIERS[word]
                end = mult.end()
                multiplied = approximate = True
        if not multiplied and unit is not None:
            money = _MONEY_LETTER_AFTER_RE.match(text, e)
            if money:
                value *= Decimal(10) ** _MONEY_LETTERS[money.group(1).lower()]
                end = money.end()
                multiplied = True

    before = _Before(head)
    if not query:
        if before.last() == "pukul" or (before.last() == "jam" and not raw.isdigit()):
            return None, None  # pukul 10.30, jam 10.30
        if raw.isdigit() and not multiplied and unit is None:
            if _not_a_count(text, e, raw, before):
                return None, None
        elif "." in raw and _TIME_AFTER_RE.match(text, e):
            return None, None  # 10.30 WIB

    number = _to_float(value)
    if number is None:
        return None, None
    fig = _finish(text, start, end, number, before=before, unit=unit, approximate=approximate)
    return fig, end


def _not_a_count(text: str, e: int, raw: str, before: _Before) -> bool:
    """Whether a plain integer is a year, a day of the month, a time or a designation."""
    if _TIME_AFTER_RE.match(text, e):
        return True  # 10 WIB
    if e < len(text) and text[e] in "’'′":
        return True  # a minute mark: Terry (22’)
    last = before.last()
    if not before.words and e < len(text) and text[e] in ".)" and (
        e + 1 == len(text) or text[e + 1].isspace()
    ):
        return True  # a list item number: "1. ..." at the start of the text
    if last in _DESIGNATION_WORDS or last in _WORD_DESIGNATION_WORDS:
        return True  # Pasal 5, No. 3, tanggal 5
    if last == "jam" and not (len(before.words) >= 2 and before.words[-2][:1].isdigit()):
        return True  # jam 10 pagi (but "3 jam 20 menit" is a duration)
    if last and _MONTH_RE.fullmatch(last):
        return True  # Januari 2025, Oktober 3
    if len(raw) <= 2 and 1 <= int(raw) <= 31 and _MONTH_AFTER_RE.match(text, e):
        return True  # 19 Juni, 13 Oktober
    if len(raw) in (3, 4) and (last in _TAHUN_WORDS or _ERA_AFTER_RE.match(text, e)):
        return True  # tahun 2022, 1438 Hijriah
    if len(raw) == 4:
        if before.is_year_context():
            return True  # sejak 2023, pada 2024, musim gugur 2023
        year = int(raw)
        if 1900 <= year <= 2100:
            if _PERCENT_AFTER_RE.match(text, e):
                return False
            noun = _unit_after(text, e)
            if noun is not None and not _VERB_LIKE_RE.match(noun):
                return False  # 2000 tentara (but "Lebaran 2017 melonjak" is a year)
            return before.qualifier() not in _COUNT_QUALIFIERS
    if len(raw) <= 3 and before.follows_a_name() and _unit_after(text, e) is None:
        return before.qualifier() is None  # Liga 1, Jurassic World 2, iPhone 4
    return False


def _skip_glued(text: str, e: int) -> int:
    """Resume after the rest of a glued token (digits and letters) such as "Su-34M"."""
    m = _GLUED_RE.match(text, e)
    return m.end() if m else e


def _vague_figure(text: str, s: int, e: int) -> tuple[Figure | None, int | None]:
    phrase = " ".join(text[s:e].lower().split())
    first, _, second = phrase.partition(" ")
    if first == "beberapa":
        magnitude = _FEW_MAGNITUDE[second]
    else:
        magnitude = _VAGUE_MAGNITUDE[first] + (_BIG_SCALES[second] if second else 0)
    before = _Before(text[max(0, s - _CONTEXT) : s])
    fig = _finish(
        text, s, e, float(10**magnitude), before=before, unit=None, vague=True,
        magnitude=magnitude,
    )
    return fig, e


def _words_figure(text: str, s: int, phrase: str, query: bool) -> tuple[Figure | None, int | None]:
    spans = [(m.start() + s, m.end() + s) for m in _WORD_TOKEN_RE.finditer(phrase)]
    first_end = spans[0][1]
    prev = text[s - 1] if s else " "
    if prev in "-–":
        return None, first_end  # ke-tiga
    before = _Before(text[max(0, s - _CONTEXT) : s])
    if not query and before.last() in _WORD_DESIGNATION_WORDS:
        return None, first_end  # roda dua, nomor satu, nomor urut enam
    if not query and text[s:first_end].lower() == "satu":
        if before.last() == "salah" or _SAME_PER_AFTER_RE.match(text, first_end):
            return None, first_end  # salah satu, satu sama lain, satu per satu
    parsed = _words_value([text[a:b] for a, b in spans])
    if parsed is None:
        return None, first_end
    value, used = parsed
    end = spans[used - 1][1]
    if end < len(text) and text[end] in "-–":
        return None, _skip_glued(text, end)  # satu-satunya, dua-duanya
    number = _to_float(value)
    if number is None:
        return None, end
    if not query and value <= 31 and _MONTH_AFTER_RE.match(text, end):
        return None, end  # dua puluh Juni
    fig = _finish(text, s, end, number, before=before, unit=None)
    if not query and text[s].isupper() and fig.unit is None and before.follows_a_name():
        return None, end  # Kelapa Dua, Mangga Dua: part of a name
    return fig, end


# --- public API ---------------------------------------------------------------------


def find_figures(text: str) -> list[Figure]:
    """Every quantity in `text`, left to right (see the module docstring for the rules)."""
    if not text:
        return []
    return _scan(text, query=False)


def parse_figure(query: str) -> Figure | None:
    """The first figure in a user's query, parsed like article text plus English scales.

    A query that is only digits grouped by spaces ("10 000") is read as one number.
    """
    if not query or not query.strip():
        return None
    spaced = _SPACE_GROUPED_RE.fullmatch(query)
    if spaced:
        digits = "".join(spaced.group(1).split())
        return Figure(
            value=float(digits), text=spaced.group(1), start=spaced.start(1), end=spaced.end(1)
        )
    found = _scan(query, query=True)
    return found[0] if found else None


def figure_key(value: float) -> str:
    """A canonical string for an exact value: no grouping, no trailing zeros ("10000", "2.5")."""
    d = Decimal(repr(float(value)))
    if d == d.to_integral_value():
        return str(int(d))
    text = format(d.normalize(), "f")
    return text


def format_figure(value: float) -> str:
    """English rendering with comma grouping and only the decimals it needs ("10,000", "2.5")."""
    key = figure_key(value)
    sign = ""
    if key.startswith("-"):
        sign, key = "-", key[1:]
    whole, dot, frac = key.partition(".")
    grouped = f"{int(whole):,}"
    return sign + grouped + (dot + frac if frac else "")


_MONEY_UNITS = frozenset(_CURRENCIES.values())


def figures_match(a: Figure, b: Figure) -> bool:
    """Same exact value in any notation; percentages and different currencies kept apart."""
    if a.vague or b.vague:
        return False
    if a.unit is not None and b.unit is not None:
        if (a.unit == "%") != (b.unit == "%"):
            return False
        if a.unit in _MONEY_UNITS and b.unit in _MONEY_UNITS and a.unit != b.unit:
            return False
    return math.isclose(a.value, b.value, rel_tol=1e-12, abs_tol=0.0)


def figures_related(a: Figure, b: Figure) -> bool:
    """A vague quantity and a value it could stand for (or two vague ones of similar size)."""
    if a.vague == b.vague:
        if a.vague:
            return abs((a.magnitude or 0) - (b.magnitude or 0)) <= 1
        return False
    vague, exact = (a, b) if a.vague else (b, a)
    if exact.value <= 0:
        return False
    low = vague.value
    return low <= exact.value < low * 100


def describe_figure(figure: Figure) -> str:
    """English words for a figure, qualifier first: "about 10,000", "tens of thousands"."""
    if figure.vague:
        key = " ".join(figure.text.lower().split())
        words = _VAGUE_ENGLISH.get(key) or f"on the order of {format_figure(figure.value)}"
    else:
        words = format_figure(figure.value)
        if figure.unit == "%":
            words += "%"
        elif figure.unit in _MONEY_UNITS:
            symbol = {"rp": "Rp", "usd": "US$"}.get(figure.unit, figure.unit.upper())
            words = f"{symbol} {words}"
    if figure.qualifier:
        words = f"{figure.qualifier} {words}"
    return words
