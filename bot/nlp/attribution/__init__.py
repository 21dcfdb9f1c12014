"""Who said a sentence's figure, with which verb, and how firmly: Indonesian attribution.

`attribute(sentences, position)` reads the sentence at `position` (0-based into an
article's sentence list) and returns an `Attribution`: the source (person, role,
organisation, parsed by `bot.nlp.entities`), the reporting cue ("membenarkan",
"dikonfirmasi oleh", "kata", "menurut" ...), the medium it came through ("dikutip oleh
Kyiv Independent", "yang diperoleh AFP"), and a `Stance` from a closed set:

    confirmed   membenarkan, mengonfirmasi, dikonfirmasi oleh, memastikan, mengakui
    decided     memutuskan, menetapkan, menjatuhkan sanksi/vonis, divonis, disahkan
    reported    mengatakan, menyebutkan, kata, ujar, menurut, mencatat, merilis data, mengumumkan
    estimated   memperkirakan, diperkirakan, menaksir, "perkiraan kami"
    predicted   memprediksi, diprediksi, meramalkan, memproyeksikan, "prediksi kami"
    claimed     mengklaim, diklaim, mengaku, bersikeras
    alleged     menduga, diduga, menuduh, dituding, disinyalir
    unverified  belum dapat memverifikasi, berhenti mengonfirmasi, diyakini, kemungkinan
    denied      membantah, menepis, menyangkal, dibantah oleh

An agentless "diperkirakan" or "diklaim" keeps its stance with no source named; a verb
inside a quotation or before a closing "kata X" keeps its stance when X is its subject.

The cue that governs the figure is the nearest one whose scope covers it: a verb with its
source on the left ("X mengatakan bahwa ...") governs what follows it; "kata X" and a
passive "dikonfirmasi oleh X" govern what precedes them; "menurut X" governs its sentence.
When the figure's sentence names no source, the next sentence may ("Kedatangan tentara Korut
dikonfirmasi langsung oleh ...") and a report's subject ("Laporan yang diperoleh AFP ...")
points back to the source named in the previous sentence. Reporters are never a source,
and an outlet that relays someone's words is only the medium (`via`); when nobody speaks in
the sentence, the report, site or outlet it names as the origin of what it says is the
source ("Menurut laporan Bloomberg", "Mengutip Mayo Clinic"; see `origins`), always with the
stance "reported".

Modules: `cues` (cues and stance), `clean` (trimming phrases), `phrases` (the source
phrase of a cue), `origins` (reports, sites and outlets as the origin of a statement),
`sentence` (one sentence's own source of its figure), `record` and `speakers` (earlier
sources, quotations, pronouns, neighbours), `scope`, `engine` (`attribute`).

Public API:
    attribute(sentences: Sequence[Sentence], position: int, *, figure: Figure | None = None) -> Attribution
    find_cues(text: str) -> list of cues (lemma, stance, kind, span)
    sources_in(text: str) -> list[Source]

Pure and synchronous; no I/O.
"""

from bot.nlp.attribution.cues import CUES, STANCES, Stance, find_cues
from bot.nlp.attribution.engine import Attribution, attribute
from bot.nlp.attribution.phrases import sources_in

__all__ = ["CUES", "STANCES", "Attribution", "Stance", "attribute", "find_cues", "sources_in"]
