"""Indonesian sentence and word segmentation (rule-based, no downloaded data).

Public API (other modules rely on these names):
    MAX_SENTENCE_CHARS = 1000
    split_sentences(text: str, max_chars=MAX_SENTENCE_CHARS) -> list[str]
        Cut a paragraph of Indonesian news text into sentences; strings are stripped,
        never empty, and joined back with single spaces they reproduce the text's words.
        No sentence is longer than `max_chars` (None: no limit).
    split_long(sentence: str, max_chars=MAX_SENTENCE_CHARS) -> list[str]
        A sentence over the limit cut into parts: at the last clause boundary (, ; : or a
        spaced dash) in the second half of the limit, else at the last space there, else
        right at the limit (a run of text without spaces).
    split_words(text: str) -> list[str]
        Word tokens (numbers such as "10.000" and "2,5" stay one token; punctuation dropped).
    token_spans(text: str) -> list[tuple[int, int]]
        (start, end) offsets of the tokens a part-of-speech tagger reads: the words of
        `split_words`, except that a currency glued to its amount ("Rp10.000") is two
        tokens and a web name ("Dompetku.id") one, and every other non-space character
        (punctuation, symbols) is one token.
    IndonesianTokenizer
        sumy-compatible tokenizer: `.language`, `.to_sentences(paragraph)`,
        `.to_words(sentence)`; never touches NLTK data.

How sentences are found: every run of terminal punctuation (`.`, `?`, `!`, an
ellipsis), together with the closing quotes and brackets right after it, is a
candidate end. A candidate followed by whitespace ends a sentence unless the next
word starts in lower case (an attribution such as `"...." kata dia`, or text
after `dll.`), or the word before the stop is an abbreviation, a title or a
personal initial that introduces a name, or a list number. A candidate glued to
the next word (`Kyiv Independent.Pada`) ends a sentence only when a lower-case
word meets a capitalised word that is not a domain part (`KONTAN.CO.ID`,
`detik.com`) and the token is not a URL or an e-mail address. Numbers (`10.000`,
`2,5`, `10.30`, `27/2/2025`) never contain a candidate because their stops are
not followed by whitespace or a capital letter.
"""

from __future__ import annotations

import re

__all__ = ["MAX_SENTENCE_CHARS", "IndonesianTokenizer", "split_long", "split_sentences", "split_words", "token_spans"]

#: the longest sentence kept whole: 2.8 times the longest sentence of the 100 IndoSum
#: evaluation articles and the seeds (360 characters); a file without punctuation would
#: otherwise be one sentence of megabytes, printed whole by a single search hit
MAX_SENTENCE_CHARS = 1000
_CLAUSE_END = re.compile(r"[,;:](?=\s)|\s[-–—](?=\s)")

# --- abbreviation tables (lower-cased, without the final dot) -----------------------

#: Words that, followed by a dot, introduce what comes next (a name, a number, a
#: street): the dot never ends a sentence unless a clear sentence opener follows.
_TITLES = frozenset(
    """
    dr drg drh ir prof h hj kh st sh se mm mt msi mpd mkes spd skom sp ssi ak apt
    jl jln gg kav kel kec kab prov no tel telp fax rp
    mr mrs ms mayjen sekjen brigjen letjen jend jen kol letkol kompol akbp
    akp iptu ipda aiptu bripka brigpol bripda kapt lettu letda serka serda sertu kopda
    pol inf laks laksda laksma marsda marsma marsdya capt gen lt col sgt rev fr sr jr
    dra drs bpk bp ny nn sdr sdri yth a.n u.p s.d a.l u.b d.a q.q c.q ybs vol ed
    pt cv ud vs hlm tn ds kep ket tlp tgl pk ust
    jan feb mar apr jun jul agu ags agt sep sept okt nov des
    """.split()
)

#: Abbreviations that often end a sentence too: they end one when a capitalised
#: word follows (the common case after `dll.`), never before a lower-case word.
_MAY_END = frozenset("dll dsb dst dkk tsb etc cs tbk ltd inc corp co plc bhd".split())

#: Capitalised words that open sentences and never continue a name: a title
#: abbreviation or an initial followed by one of these still ends the sentence.
_OPENERS = frozenset(
    """
    ia dia mereka kami kita saya aku anda beliau ini itu hal namun tetapi tapi
    sementara sedangkan selain pada di dalam dari untuk dengan menurut saat ketika
    sebelumnya kemudian lalu bahkan adapun meski meskipun walaupun walau jika kalau
    apabila sejak hingga sampai setelah sebelum selama oleh karena sehingga yang
    para sebanyak sekitar kini tak tidak juga akan sudah telah apa bagaimana mengapa
    kenapa siapa kapan berdasarkan terkait sebab maka jadi dengan bagi atas the
    menurutnya selanjutnya akibatnya pihaknya padahal apalagi terlebih misalnya
    diketahui dikatakan sebagaimana kendati demikian begitu pun
    """.split()
)

#: nouns that a single capital letter follows as a label, not as an initial
#: ("Grup A.", "vitamin C."): the letter may end a sentence like any word
_LETTER_NOUNS = frozenset(
    """
    grup group vitamin kelas tipe type huruf blok pasal ayat opsi pilihan zona sektor
    paket seri gelombang poin bagian babak pool lantai kategori level plan rencana
    golongan gedung tower terminal pintu gate gerbong kode model varian ukuran
    """.split()
)

#: Domain labels that may follow a dot inside an outlet name (`Tribunnews.Com`).
_DOMAIN_PARTS = frozenset("com co id net org go ac or sch web tv my sg info news biz".split())

#: how far back (in characters) the word before a stop is looked for
_TOKEN_WINDOW = 80

# --- patterns ---------------------------------------------------------------------

_CLOSERS = "\"'”’»)]}"
_OPENING = "\"'“‘«([{"

#: terminal punctuation (with an ellipsis written as dots, spaced dots or "…"),
#: then any closing quotes or brackets that belong to the sentence that ends.
#: (written to start with a character class, which the regex engine scans for quickly)
_STOP = re.compile(r"[.!?…](?:(?<=\.)(?:\s?\.){2,}|[.!?…]*)[\"'”’»)\]}]*")
_SPACE = re.compile(r"\s+")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_LETTERS = re.compile(r"[^\W\d_]+")
#: "a.n", "s.d", "U.S", "Ph.D": letters separated by single dots
_DOTTED = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")
_URLISH = re.compile(r"(?:://|www\.|@)", re.IGNORECASE)
#: a dateline opener such as "KONTAN.CO.ID - JAKARTA" or "BANDUNG, KOMPAS.com - BANDUNG"
_DATELINE_HEAD = re.compile(r"[\w.,/ ]{2,40}\s(?:-{1,2}|–|—)\s*[A-Z][A-Z .]{1,30}")

_WORD = re.compile(
    r"\d+(?:[.,:/]\d+)*(?:-?[^\W\d_]+)?"  # 10.000, 2,5, 27/2/2025, 10.30, 1990-an, 10rb
    r"|[^\W_]+(?:[-'’][^\W_]+)*"  # words, KN-23, Rusia-Ukraina, ke-979, G7
)
#: tagger tokens: a currency written against its amount, a web name ("Dompetku.id",
#: "KONTAN.CO.ID"), a word, or one other character
_TOKEN = re.compile(
    r"(?:Rp|RM)(?=\d)"
    r"|[^\W\d_][^\W_]*(?:-[^\W_]+)*(?:\.[^\W_]+)*\.(?i:" + "|".join(sorted(_DOMAIN_PARTS)) + r")(?!\.?\w)"
    r"|" + _WORD.pattern + r"|\S"
)


def _next_word(text: str, pos: int) -> str:
    """The word starting at `pos` with opening quotes and brackets skipped."""
    n = len(text)
    while pos < n and text[pos] in _OPENING:
        pos += 1
    end = pos
    while end < n and not text[end].isspace() and text[end] not in '.,;:!?)]}"”’':
        end += 1
    return text[pos:end]


def _sentence_end(text: str, stop_start: int, stop_end: int, last_cut: int) -> int:
    """Where the sentence ends if the stop at text[stop_start:stop_end] ends one, else -1.

    The end can lie after `stop_end` when a closing quote set apart by a space
    (`lancang. ”`) belongs to the sentence that ends.
    """
    n = len(text)
    stop = text[stop_start:stop_end].rstrip(_CLOSERS)
    quoted = len(stop) < stop_end - stop_start
    if stop_end < n and not text[stop_end].isspace():
        return stop_end if _glued_boundary(text, stop_start, stop_end) else -1
    end = stop_end
    after = _skip_space(text, end)
    if after >= n:
        return end
    ch = text[after]
    if (ch in "”’»" and (after + 1 >= n or text[after + 1].isspace())) or (ch == '"' and after + 1 >= n):
        end = after + 1
        quoted = True
        after = _skip_space(text, end)
        if after >= n:
            return end
        ch = text[after]
    nxt = _next_word(text, after)
    first = nxt[:1]
    if not first:
        # a dash, bullet or other symbol opens what follows
        return end if ch not in ",;:" else -1
    lower = first.islower()
    if stop[0] != "." or len(stop) > 1:
        # "?", "!", "?!", an ellipsis: end unless a lower-case word goes on; a quoted
        # question or exclamation ends its sentence even before "tanya dia" (as news
        # corpora segment it), while a quoted statement keeps its attribution
        if quoted and stop[0] in "?!":
            return end
        return -1 if lower else end
    begin = stop_start
    floor = max(last_cut, stop_start - _TOKEN_WINDOW)
    while begin > floor and not text[begin - 1].isspace():
        begin -= 1
    prev = text[begin:stop_start].lstrip(_OPENING)
    if quoted:
        # `“...,” kata Yoon.` never gets here; `"...." kata dia` is one sentence
        return -1 if lower else end
    if not prev:
        return -1 if lower else end
    low = prev.lower()
    if low in _MAY_END:
        # "dll. Semua" ends; "dll. untuk" and "Tbk. (BBCA)" go on
        return -1 if lower or ch in "([" else end
    if ch in "([":
        return end  # an editor's code "(adt)" or a new bracketed remark
    opener = not lower and nxt.lower() in _OPENERS
    if low in _TITLES or _DOTTED.fullmatch(prev):
        return end if opener else -1
    if len(prev) == 1 and prev.isalpha() and prev.isupper():
        # a personal initial ("M. Yamin", "Susilo B. Yudhoyono"), unless a label ("Grup A.")
        if opener or _word_before(text, begin, last_cut).lower() in _LETTER_NOUNS:
            return end
        return -1
    if (
        not lower
        and prev.isupper()
        and stop_start - last_cut <= 80
        and _DATELINE_HEAD.fullmatch(text[last_cut:stop_start])
    ):
        return -1  # "KONTAN.CO.ID - JAKARTA. Keterlibatan ..."
    return end


def _word_before(text: str, pos: int, floor: int) -> str:
    """The word that ends just before the whitespace in front of `pos`."""
    end = pos
    while end > floor and text[end - 1].isspace():
        end -= 1
    start = end
    while start > max(floor, end - _TOKEN_WINDOW) and text[start - 1].isalpha():
        start -= 1
    return text[start:end]


def _skip_space(text: str, pos: int) -> int:
    n = len(text)
    while pos < n and text[pos].isspace():
        pos += 1
    return pos


def _glued_boundary(text: str, stop_start: int, stop_end: int) -> bool:
    """A stop with no space after it: `Independent.Pada` splits, `KONTAN.CO.ID` does not."""
    nxt = _LETTERS.match(text, stop_end)
    if nxt is None:
        return False
    following = nxt.group(0)
    if not following[0].isupper() or following.lower() in _DOMAIN_PARTS:
        return False
    if len(following) == 1:
        return False  # "A.S", "Ph.D"
    if following.isupper() and len(following) < 3:
        return False
    # the whole non-space token around the stop: URLs and e-mail addresses never split
    low = max(0, stop_start - _TOKEN_WINDOW)
    left = text.rfind(" ", low, stop_start)
    left = low if left < 0 else left + 1
    right = stop_end + len(following)
    if _URLISH.search(text, left, right):
        return False
    before = text[left:stop_start].rstrip(_CLOSERS)
    letters = _LETTERS.findall(before)
    if not letters:
        return False
    last = letters[-1]
    if len(last) < 2 or not last[-1].islower():
        return False
    return last.lower() not in _TITLES


def split_long(sentence: str, max_chars: int = MAX_SENTENCE_CHARS) -> list[str]:
    """`sentence` in parts of at most `max_chars`, cut where a reader would pause (see the module doc)."""
    parts: list[str] = []
    rest = sentence.strip()
    while len(rest) > max_chars:
        floor = max_chars // 2
        window = rest[: max_chars + 1]
        clause = [m.end() for m in _CLAUSE_END.finditer(window, floor)]
        cut = clause[-1] if clause else window.rfind(" ", floor)
        if cut <= 0:
            cut = max_chars
        parts.append(rest[:cut].strip())
        rest = rest[cut:].strip()
    if rest:
        parts.append(rest)
    return parts


def split_sentences(text: str, max_chars: int | None = MAX_SENTENCE_CHARS) -> list[str]:
    """Cut a paragraph of Indonesian news text into stripped, non-empty sentences.

    A blank line is a paragraph break and always ends a sentence. A sentence longer than
    `max_chars` is cut by `split_long` (None keeps it whole).
    """
    if max_chars is not None:
        return [
            part
            for piece in split_sentences(text, None)
            for part in (split_long(piece, max_chars) if len(piece) > max_chars else (piece,))
        ]
    if "\n" in text and _BLANK_LINE.search(text):
        return [s for block in _BLANK_LINE.split(text) for s in split_sentences(block, None)]
    if "  " in text or "\n" in text or "\t" in text or "\r" in text or "\xa0" in text:
        text = _SPACE.sub(" ", text)
    out: list[str] = []
    start = 0
    last_cut = 0
    for m in _STOP.finditer(text):
        if m.start() < start:
            continue
        end = _sentence_end(text, m.start(), m.end(), last_cut)
        if end >= 0:
            piece = text[start:end].strip()
            if piece:
                out.append(piece)
            start = last_cut = _skip_space(text, end)
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


def split_words(text: str) -> list[str]:
    """Word tokens; numbers with separators stay whole, punctuation is dropped."""
    return _WORD.findall(text)


def token_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of word and punctuation tokens, in order; every non-space character is in one."""
    return [m.span() for m in _TOKEN.finditer(text)]


class IndonesianTokenizer:
    """A sumy-compatible tokenizer for Indonesian (no NLTK, no downloads)."""

    language = "indonesian"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(split_words(sentence))

    def __repr__(self) -> str:
        return "IndonesianTokenizer()"
