"""Reporting cues and their stance: finding them in a sentence, and which one governs a figure.

A cue ties a source to what it says: an active verb with its source on the left
("X mengatakan"), a passive with its agent after it ("dikonfirmasi oleh X"), a verb after
a quotation ("..., kata X"), "menurut X", or a hedge with no source ("kemungkinan"). The
table is data (`bot/nlp/data/cues.tsv`); `governing` ranks the cues whose scope covers a
figure, nearest first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from bot.nlp import vocab
from bot.nlp.attribution.clean import WITHIN_DOCUMENT_RE
from bot.nlp.entities.lexicon import find_medium, is_medium


class Stance(StrEnum):
    """How a source stands behind what it says: a closed set, listed strongest first.

    The values are the words answers and JSON show. An agentless "diperkirakan" or
    "diklaim" keeps its stance with no source named.
    """

    CONFIRMED = "confirmed"  # membenarkan, mengonfirmasi, memastikan, dikonfirmasi oleh
    DECIDED = "decided"  # memutuskan, menetapkan, menjatuhkan vonis/sanksi, divonis
    REPORTED = "reported"  # mengatakan, menyebutkan, kata, menurut, mencatat, merilis data
    ESTIMATED = "estimated"  # memperkirakan, diperkirakan, menaksir, ditaksir
    PREDICTED = "predicted"  # memprediksi, diprediksi, meramalkan, memproyeksikan
    CLAIMED = "claimed"  # mengklaim, diklaim, mengaku, bersikeras
    ALLEGED = "alleged"  # menduga, diduga, menuduh, dituding, disinyalir
    UNVERIFIED = "unverified"  # belum dapat memverifikasi, diyakini, kemungkinan, dikabarkan
    DENIED = "denied"  # membantah, menepis, menyangkal, dibantah oleh

    @property
    def rank(self) -> int:
        """Position in listings: confirmed first, denied last."""
        return list(Stance).index(self)


STANCES: tuple[str, ...] = tuple(s.value for s in Stance)

#: The kinds of cue (see `find_cues`).
CUE_KINDS = frozenset({"active", "passive", "post", "according", "hedge"})


def _cue_table() -> tuple[tuple[str, str, Stance, str], ...]:
    rows = []
    for pattern, lemma, stance, kind in vocab.table("cues").rows:
        if stance not in STANCES or kind not in CUE_KINDS:
            raise vocab.VocabularyError(f"cues.tsv: {lemma!r} has stance {stance!r} and kind {kind!r}")
        rows.append((vocab.expand(pattern), lemma, Stance(stance), kind))
    return tuple(rows)


#: Reporting cues: (regex on lower-case text, lemma, stance, kind), from data/cues.tsv.
#: kind: active (source on the left), passive (agent after "oleh"), post ("..., kata X"),
#: according ("menurut X, ..."), hedge (an adverb with no source).
CUES: tuple[tuple[str, str, Stance, str], ...] = _cue_table()


#: One alternation of every cue, in table order: at a given position the first entry wins,
#: so negated forms ("belum dapat memverifikasi") are found before their parts.
_CUE_RE = re.compile(
    r"(?<![\w-])(?:" + "|".join(f"(?P<c{i}>{rx})" for i, (rx, _, _, _) in enumerate(CUES)) + r")(?![\w-])"
)


_CONNECTIVES = vocab.words("connectives")


@dataclass(frozen=True)
class Cue:
    """One reporting cue found in a sentence (offsets into it)."""

    start: int
    end: int
    text: str
    lemma: str
    stance: Stance
    kind: str


def find_cues(text: str, start: int = 0) -> list[Cue]:
    """Every reporting cue in the text (from offset `start`), left to right; negated forms win over their parts."""
    low = text.lower()
    found: list[Cue] = []
    for m in _CUE_RE.finditer(low, start):
        _, lemma, stance, kind = CUES[int(str(m.lastgroup)[1:])]
        if kind == "post" and not _is_post_position(text, m.start()):
            if not _FRONTED_POST_RE.match(text[m.end() :]) or not _opens_sentence(text[: m.start()]):
                continue
            # "Kata Amran, produksi ...", "Lanjut dia, ...", "Bahkan lanjut Stanley, ...": fronted, governs the sentence
            kind = "according"
        if kind == "passive" and _is_medium_marker(low, m.start(), m.end()):
            continue
        if kind == "passive" and _WHEN_ASKED_RE.search(low, 0, m.start()):
            continue  # "ketika dikonfirmasi (wartawan)": when asked, not who confirmed
        if kind == "active" and _INTENT_RE.search(low, 0, m.start()):
            continue  # "berjuang untuk memastikan diri lolos", "ingin menegaskan": an aim, not a statement
        if lemma == "menjanjikan" and _DEGREE_RE.search(low, 0, m.start()):
            continue  # "begitu menjanjikan": "promising", an adjective, not a promise
        if kind == "active" and _THING_RELATIVE_RE.search(text, 0, m.start()):
            continue  # "mesin ... yang menjanjikan tenaga 6,5 dk": a thing's property, not a statement
        if lemma == "menepis" and re.match(r"\s+\d", text[m.end() :]):
            continue  # "menepis 19 dari 21 tembakan": a goalkeeper's saves, not a denial
        if kind == "according" and lemma == "menurut" and low[m.end() :].lstrip().startswith(("saya", "kami")):
            continue
        found.append(Cue(m.start(), m.end(), text[m.start() : m.end()], lemma, stance, kind))
    return found


#: Words before a verb that make it an aim or a duty rather than something said.
_INTENT_RE = re.compile(
    r"(?<![\w-])(?:untuk|agar|supaya|demi|guna|ingin|hendak|berupaya|berusaha|mencoba|adalah|ialah)"
    r"\s+(?:(?:bisa|dapat|segera|kembali|terus|lebih)\s+)?$"
)

#: A passive's agent right after it: "disebarkan PSSI", "dikatakan polisi", "dibenarkan oleh X".
_AGENT_AFTER_RE = re.compile(r"\s+(?:oleh\s+)?(?:[A-Z]|(?:" + vocab.alternation("person_nouns") + r")\b)")

#: Degree words that make "menjanjikan" after them an adjective ("begitu menjanjikan").
_DEGREE_RE = re.compile(r"(?<![\w-])(?:sangat|begitu|cukup|amat|paling|kurang|makin|semakin|sungguh)\s+$")

#: "mesin berpendingin udara yang menjanjikan": a relative clause on a lower-case thing (not a person).
_THING_RELATIVE_RE = re.compile(r"(?<![\w-])(?!(?:" + vocab.alternation("person_nouns") + r")\b)[a-z][\w-]*\s+yang\s+$")


_WHEN_ASKED_RE = re.compile(r"(?<![\w-])(?:ketika|saat|sewaktu|waktu|usai|seusai|setelah|begitu)\s+(?:di\w+\s+)?$")


#: After a sentence-opening "Kata"/"Lanjut"/"Tambahnya": a name or pronoun, then a comma.
_FRONTED_POST_RE = re.compile(r"\s+(?:[A-Z][\w.'-]*|dia|ia|beliau|mereka)(?:\s+[\w().'-]+){0,7}\s*,")


def _is_post_position(text: str, start: int) -> bool:
    """After a comma or a closing quote, or "..., seperti kata X, ..." (the words are X's)."""
    before = text[:start].rstrip()
    return bool(before) and (before[-1] in ",\"”'’" or _AS_SAID_RE.search(before) is not None)


_AS_SAID_RE = re.compile(r",\s*(?:seperti|sebagaimana)(?:\s+yang)?$", re.I)

#: A clause of reason or concession between a hedge and a figure: the hedge stays in its own clause.
_REASON_BREAK_RE = re.compile(
    r"\b(?:mengingat|karena|sebab|sehingga|meskipun|walaupun|meski|namun|tetapi|padahal)\b", re.I
)

#: A quotation split by its attribution: '"...," kata X, "... 25 ..."' (the figure is in the same quote).
_SPLIT_QUOTE_BEFORE_RE = re.compile(r",\s*[”\"]\s*$")
_SPLIT_QUOTE_AFTER_RE = re.compile(r"\s+(?:[^,.;“”\"]{1,80},\s*){1,3}[“\"]")

#: "Seperti diungkapkan (oleh) X, ...": a passive opening the sentence after "seperti" speaks for the clause.
_AS_SAID_OPENING_RE = re.compile(r"[\s“\"']*(?:seperti|sebagaimana)(?:\s+yang)?\s+$", re.I)


def _is_medium_marker(low: str, start: int, end: int) -> bool:
    """ "seperti dilaporkan AFP", "yang dilansir dari Reuters": an outlet named, not a source's verb."""
    before = low[:start].rstrip()
    after = low[end:]
    m = re.match(r"\s+(?:oleh|dari)?\s*([^,.;]+)", after)
    target = m.group(1) if m else ""
    if before.endswith(("seperti", "sebagaimana")):
        # "sebagaimana disampaikan Bupati X" is a source; "seperti dilaporkan AFP" is a medium
        return not target.strip() or find_medium(target) is not None
    return bool(m) and is_medium(target) and before.endswith(("yang", ","))


def governing(cues: list[Cue], text: str, fspan: tuple[int, int] | None) -> list[tuple[int, Cue]]:
    """Cues whose scope covers the figure, nearest first (distance in characters)."""
    if fspan is None:
        fs = fe = len(text)
    else:
        fs, fe = fspan
    ranked: list[tuple[int, Cue]] = []
    for c in cues:
        if c.kind == "according":
            opening = not text[: c.start].strip(" “\"'") or text[: c.start].rstrip().endswith(",")
            ranked.append((0 if opening else abs(fs - c.end), c))
        elif c.kind in ("active", "hedge"):
            if c.kind == "hedge" and _REASON_BREAK_RE.search(text, c.end, fs):
                continue  # "Kemungkinan terbuka lebar, mengingat ... enam juta unit": the reason is a fact
            if c.end <= fs and not (c.kind == "active" and _CHANNEL_RE.search(text, c.end, fs)):
                ranked.append((fs - c.end, c))
        elif c.kind == "post":
            if c.start >= fe:
                ranked.append((c.start - fe, c))
            elif re.match(r"\s+[^,.;]{1,60},(?!\s*yang\b)", text[c.end :]) and not re.search(
                r"[“”\"]\s*$", text[: c.start]
            ):
                # "Informasi itu, lanjut Awang, akan ...": a parenthetical; not '"Otak sapi," kata
                # Kobi, yang pernah menghabiskan 57 ...', where the quotation is what Kobi said
                ranked.append((0, c))
            elif (
                c.end <= fs
                and _SPLIT_QUOTE_BEFORE_RE.search(text, 0, c.start)
                and _SPLIT_QUOTE_AFTER_RE.match(text, c.end)
            ):
                ranked.append((fs - c.end, c))  # '"Kami sudah mengirim," kata Budi, "sebanyak 25 truk."': one quote
        elif c.kind == "passive":
            followed_by_bahwa = re.match(r"\s+bahwa\b", text[c.end :].lower()) is not None
            if followed_by_bahwa and c.end <= fs:
                ranked.append((fs - c.end, c))
            elif c.start >= fe and _governs_back(text, fs, fe, c):
                ranked.append((c.start - fe, c))
            elif c.end <= fs and _AGENT_THEN_CLAUSE_RE.match(text[:fs], c.end):
                ranked.append((fs - c.end, c))  # "Hal itu ditegaskan oleh X: kontrak ... 20 tahun": X's statement
            elif c.end <= fs and AGENT_THEN_VERB_RE.match(text, c.end):
                ranked.append((fs - c.end, c))  # "Aris disebut Miryam meminta Rp 2 miliar": the agent's account
            elif c.end <= fs and (
                _opens_sentence(text[: c.start])
                or WITHIN_DOCUMENT_RE.search(text[: c.start])
                or _AS_SAID_OPENING_RE.match(text, 0, c.start)
            ):
                ranked.append((fs - c.end, c))  # "Diperkirakan 10.000 orang ...", "Namun, dijelaskan oleh WHO, ..."
            elif (
                c.end <= fs
                and c.stance != Stance.REPORTED
                and not _CLAUSE_BREAK_RE.search(text, c.end, fs)
                and not _LATER_VERB_RE.match(text[c.end : fs])
            ):
                ranked.append((fs - c.end, c))  # "Kerugian ditaksir mencapai Rp 5 miliar": the clause's own hedge
    ranked.sort(key=lambda pair: (pair[0], pair[1].kind == "hedge"))
    return ranked


def _governs_back(text: str, fs: int, fe: int, cue: Cue) -> bool:
    """Does a passive after the figure speak of it ("10.000 tentara dikonfirmasi oleh X", "30 persen
    dari itu yang diproyeksikan ...")? Not an agentless one past a clause break ("..., sehingga
    diharapkan"), in a relative clause on something further on ("... di lokasi yang diprediksi
    mengalami lonjakan"), about another verb's agent ("yang diduga dibuat oleh"), or after a
    figure that only measures the subject ("Tol ... sepanjang 36,4 km dipastikan beroperasi")."""
    if _AGENT_AFTER_RE.match(text, cue.end):
        return True
    between = text[fe : cue.start]
    if re.search(r",\s*(?:sehingga|dan|namun|tetapi|karena|agar|supaya|maka|lalu)\b", between):
        return False
    relative = re.search(r"\byang\b", between)
    if relative and re.search(
        r"\b(?:di|ke|dari|pada|untuk|dengan|dalam)\s+(?!(?:itu|ini|tersebut)\b)\w", between[: relative.start()]
    ):
        return False  # the clause hangs on a noun after a preposition, not on the figure's own noun
    if re.match(r"\s+(?:di|ter)[a-z]{3,}\s+oleh\b", text[cue.end :]):
        return False
    return not re.search(
        r"(?:sepanjang|seluas|setinggi|sedalam|seberat|berkapasitas|berukuran|berdiameter)\s*$", text[:fs]
    )


#: A passive's "oleh" agent, then what it said after a colon or "bahwa"/"yakni" ("Hal itu ditegaskan
#: kembali oleh X dalam perbincangan ...: ...", "Hal ini disampaikan oleh X, bahwa ...").
_AGENT_THEN_CLAUSE_RE = re.compile(
    r"(?:\s+[a-z]+){0,2}?\s+oleh\s+[A-Z][^;:“”\"]{0,160}?(?::|,?\s+(?:bahwa|yakni|yaitu)\b)"
)

AGENT_THEN_VERB_RE = re.compile(
    r"\s+(?:oleh\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}\s+(?:me|mem|men|meng|meny|ber)[a-z]{3,}\b"
)


#: A channel phrase that holds the figure: "mengumumkan ... melalui Instagram dengan 15 juta
#: pengikut" says nothing about the 15 million.
_CHANNEL_RE = re.compile(r"\b(?:melalui|lewat|via)\s[^,;:“”\"]*$")

#: A hedge whose complement is a phrase of its own ends before the next verb: "ledakan diduga akibat
#: granat asap melukai dua anggota" (the cause is suspected, not the count), while "diperkirakan
#: merusak 500 rumah", "diduga kuat menerima Rp 2 miliar" and "ditaksir mencapai Rp 5 miliar"
#: hedge the figure.
_LATER_VERB_RE = re.compile(
    r"\s+(?:akibat|karena|dari|oleh|sebagai|di|ke|pada|dengan|dalam)\s+[^,]*?\s+(?!(?:mencapai|menembus|menjadi"
    r"|meningkat|menurun|bertambah|berkurang|berjumlah|berkisar|melonjak|merosot|sebesar|sebanyak|senilai)\b)"
    r"(?:me|mem|men|meng|meny|ber)[a-z]{3,}\b"
)

#: What ends a clause between a passive and a figure after it.
_CLAUSE_BREAK_RE = re.compile(r"[,;:“”\"]|\b(?:bahwa|namun|tetapi|sedangkan|sementara|dan|karena)\b")


def _opens_sentence(prefix: str) -> bool:
    """Nothing before the cue but a connective: "", "Namun,", "Selain itu,"."""
    words = prefix.strip(" “\"',").lower().replace(",", " ").split()
    return not words or (len(words) <= 2 and words[0] in _CONNECTIVES)


POST_WORD_RE = re.compile(
    r"\s*(?:" + CUES[[c[1] for c in CUES].index("kata")][0] + r"|klaim|klaimnya|akunya)(?![\w-])", re.I
)
