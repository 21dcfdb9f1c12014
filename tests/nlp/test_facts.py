"""What counts as one fact: the same figures, the same source, the same thing happening."""

from __future__ import annotations

from bot.nlp.facts import same_fact, supports
from bot.nlp.textvec import stems, tfidf_vectors
from bot.nlp.voices import same_voice, voice_of
from tests.nlp.seeds import find, seed_candidates


def _same(a: str, b: str, *others: str) -> bool:
    """same_fact for two sentences, IDF over them and `others` (the rest of a topic's candidates)."""
    texts = [a, b, *others]
    vectors = tfidf_vectors([stems(t) for t in texts])
    support = supports(texts)
    return same_fact(vectors[0], vectors[1], support[0], support[1])


def _seed(article: str, fragment: str) -> str:
    return find(seed_candidates(), article, fragment).text


POOL = [c.text for c in seed_candidates()]


def test_the_kremlins_two_denials_are_two_facts() -> None:
    # 002 denies Ukraine's claim to have killed six officers; 004 denies the deployment
    assert not _same(_seed("002", "dibantah oleh Kremlin"), _seed("004", "Kremlin dengan tegas"), *POOL)


def test_a_sentence_crediting_the_pentagon_is_not_one_crediting_nobody() -> None:
    pentagon = _seed("001", "Pentagon mengonfirmasi bahwa sekitar 10.000")
    assert not _same(pentagon, _seed("002", "Korea Utara mengirim 10.000 pasukan ke Rusia."), *POOL)
    assert not _same(pentagon, _seed("002", "seorang pejabat Barat menyebutkan"), *POOL)
    # ... while the Pentagon's own confirmation told by another outlet is
    assert _same(pentagon, _seed("000", "Pentagon) membenarkan pengiriman 10,000"), *POOL)


def test_rutte_confirming_and_rutte_calling_it_an_escalation_are_two_facts() -> None:
    confirm = _seed("000", "Mark Rutte membenarkan")
    assert _same(confirm, _seed("004", "dikonfirmasi langsung oleh Sekretaris Jenderal"), *POOL)
    assert not _same(confirm, _seed("001", "sebagai “eskalasi signifikan”"), *POOL)
    assert _same(_seed("001", "sebagai “eskalasi signifikan”"), _seed("004", "eskalasi yang signifikan"), *POOL)


OTHERS = [
    "Harga cabai rawit di pasar induk naik menjadi Rp 80.000 per kilogram.",
    "Pemerintah provinsi menyiapkan operasi pasar menjelang Lebaran.",
    "Banjir merendam ratusan rumah di tiga kecamatan sejak Senin pagi.",
]


def test_invented_pairs() -> None:
    # the same figure, the same source, the same thing happening: one fact
    assert _same(
        "Kepala BPS mengatakan inflasi Mei mencapai 4,5 persen, tertinggi sejak 2015.",
        "Inflasi bulan Mei mencapai 4,5 persen, kata Kepala BPS dalam jumpa pers di Jakarta.",
        *OTHERS,
    )
    # different figures: two facts, however alike the words
    assert not _same(
        "Harga beras medium di Jakarta naik menjadi Rp 14.000 per kilogram pekan ini.",
        "Harga beras medium di Jakarta naik menjadi Rp 15.000 per kilogram pekan ini.",
        *OTHERS,
    )
    # the same words from two named sources: two items
    assert not _same(
        "Polda Metro Jaya menyatakan tersangka penipuan investasi telah ditahan di Jakarta.",
        "Kejaksaan Agung menyatakan tersangka penipuan investasi telah ditahan di Jakarta.",
        *OTHERS,
    )
    # a denial is never one fact with what it denies
    assert not _same(
        "Kementerian Perdagangan membantah impor beras 500.000 ton tahun ini.",
        "Kementerian Perdagangan membenarkan impor beras 500.000 ton tahun ini.",
        *OTHERS,
    )
    # one source saying two different things: two facts
    assert not _same(
        "Menurut Jansen, ada sejumlah kesalahan yang sering dilakukan seseorang saat diet.",
        "Jansen mengatakan, penggunaan obat diet juga dapat menggagalkan diet.",
        *OTHERS,
    )
    # a pronoun's sentence cannot be compared: who said it is unknown here
    assert not _same(
        "Ia menyatakan banjir merendam ratusan rumah di tiga kecamatan sejak Senin pagi.",
        "Banjir merendam ratusan rumah di tiga kecamatan sejak Senin pagi, kata Kepala BPBD.",
        *OTHERS,
    )


def test_voices() -> None:
    assert same_voice(voice_of("Mark Rutte membenarkan kabar itu."), voice_of("Kabar itu dibenarkan oleh Rutte."))
    assert same_voice(
        voice_of("Presiden Korea Selatan, Yoon Suk-yeol, menyatakan hal itu ancaman."),
        voice_of("“Ini ancaman signifikan,” kata Yoon."),
    )
    # two spokespeople of one body are two voices; the body and its spokesperson are one
    singh = voice_of("Menurut juru bicara Pentagon, Sabrina Singh, pasukan itu berada di Kursk.")
    ryder = voice_of("Juru Bicara Pentagon Mayjen Pat Ryder menambahkan pasukan itu akan menjadi infanteri.")
    assert not same_voice(singh, ryder)
    assert same_voice(singh, voice_of("Pentagon mengonfirmasi pasukan itu berada di Kursk."))
    assert voice_of('"Kami terus memantau situasi," katanya.').unresolved
    assert not voice_of("Korea Utara mengirim 10.000 pasukan ke Rusia.").named
