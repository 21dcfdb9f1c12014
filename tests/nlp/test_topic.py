"""Topic summaries across articles: merging one fact told by several outlets, keeping others apart, order."""

from __future__ import annotations

import pytest

from bot.nlp.textvec import figure_keys
from bot.nlp.topic import Candidate, TopicSummary, summarize_topic
from tests.nlp.seeds import find as _find
from tests.nlp.seeds import invented, seed_candidates


def _item_of(summary: TopicSummary, cand: Candidate) -> int | None:
    for k, pick in enumerate(summary.items):
        if pick.main == cand or cand in pick.also:
            return k
    return None


def test_unknown_method_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown summary method"):
        summarize_topic([Candidate("000", 1, "a b c.")], method="bogus")


# ----------------------------------------------------------------------------- topics


def test_pentagon_10000_in_000_and_001_is_one_item() -> None:
    cands = seed_candidates()
    summary = summarize_topic(cands, n=20, method="lexrank")
    pentagon_000 = _find(cands, "000", "Pentagon) membenarkan pengiriman 10,000")
    pentagon_001 = _find(cands, "001", "Pentagon mengonfirmasi bahwa sekitar 10.000")
    assert _item_of(summary, pentagon_000) is not None
    assert _item_of(summary, pentagon_000) == _item_of(summary, pentagon_001)


def test_rutte_confirmation_in_000_001_004_is_one_item() -> None:
    cands = seed_candidates()
    for method in ("lexrank", "news", "lead"):
        summary = summarize_topic(cands, n=20, method=method)
        rutte = [
            _find(cands, "000", "Mark Rutte membenarkan"),
            _find(cands, "001", "dikonfirmasi oleh Sekjen NATO, Mark Rutte"),
            _find(cands, "004", "dikonfirmasi langsung oleh Sekretaris Jenderal"),
        ]
        items = {_item_of(summary, c) for c in rutte}
        assert len(items) == 1 and None not in items, method


def test_different_facts_stay_apart() -> None:
    cands = seed_candidates()
    summary = summarize_topic(cands, n=20, method="lexrank")
    pentagon = _item_of(summary, _find(cands, "000", "Pentagon) membenarkan"))
    rutte = _item_of(summary, _find(cands, "000", "Mark Rutte membenarkan"))
    kim_letter = _item_of(summary, _find(cands, "003", "Dalam sebuah surat"))
    kremlin = _item_of(summary, _find(cands, "004", "Kremlin dengan tegas"))
    surrender = _item_of(summary, _find(cands, "004", "mendesak tentara Korea Utara yang tiba"))
    assert pentagon != rutte
    for other in (kim_letter, kremlin, surrender):
        assert other is None or other not in {pentagon, rutte}
    # a denial is never folded into the confirmation it denies
    assert kremlin is None or kremlin != rutte


def test_sentences_of_one_article_are_not_merged_for_sharing_names() -> None:
    cands = seed_candidates()
    summary = summarize_topic(cands, n=20, method="news")
    confirm = _item_of(summary, _find(cands, "001", "dikonfirmasi oleh Sekjen NATO"))
    escalation = _item_of(summary, _find(cands, "001", "eskalasi signifikan"))
    assert confirm != escalation


def test_topic_summary_shape_order_keywords_and_reduction() -> None:
    cands = seed_candidates()
    summary = summarize_topic(cands, n=5, method="lexrank", query_terms=("Korea",))
    assert len(summary.items) >= 1 and len(summary.items) <= 5
    shown = [p.main.article for p in summary.items]
    runs = [a for k, a in enumerate(shown) if k == 0 or shown[k - 1] != a]
    assert len(runs) == len(set(runs))  # reading order: one article's items stay together
    cited = [(c.article, c.sentence) for p in summary.items for c in [p.main, *p.also]]
    assert len(cited) == len(set(cited))  # every candidate at most once
    assert summary.keywords and "korea" not in {k.lower() for k in summary.keywords}
    assert len(summary.keywords) == len({k.lower() for k in summary.keywords})
    assert 0 < summary.words_out < summary.words_in
    assert summary.reduction == pytest.approx(summary.words_out / summary.words_in)


def test_topic_with_no_or_one_candidate() -> None:
    empty = summarize_topic([], n=5)
    assert empty.items == [] and empty.words_in == 0 and empty.reduction == 0.0
    one = Candidate("002", 4, "Korea Utara mengirim 10.000 pasukan ke Rusia.", 0.2)
    single = summarize_topic([one, one], n=5)
    assert [p.main for p in single.items] == [one] and single.items[0].also == []


def test_topic_never_exceeds_n_items() -> None:
    cands = seed_candidates()
    for n in (1, 2, 3):
        assert len(summarize_topic(cands, n=n, method="textrank").items) == n


# ----------------------------------------------------------------------------- figures


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sekitar 10.000 tentara", {10000.0}),
        ("10,000 prajurit", {10000.0}),
        ("10 ribu personel", {10000.0}),
        ("sepuluh ribu orang", {10000.0}),
        ("puluhan ribu tentara", set()),  # vague: not a shared exact figure
        ("1.500.000 orang dan Rp 3,5 juta", {1500000.0, 3500000.0}),
        ("pada Kamis (27/2/2025) tahun 2024", set()),
        ("10 kapal dan 2,5 tahun", set()),  # below 100: too common to signal a shared fact
    ],
)
def test_figure_keys(text: str, expected: set[float]) -> None:
    assert figure_keys(text) == expected


def test_candidates_beyond_the_ranked_head_still_join_their_fact(monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.nlp.topic as topic

    monkeypatch.setattr(topic, "TOPIC_RANK_LIMIT", 10)
    cands = seed_candidates()
    pentagon_000 = _find(cands, "000", "Pentagon) membenarkan")
    pentagon_001 = _find(cands, "001", "Pentagon mengonfirmasi")
    kim_letter = _find(cands, "003", "Dalam sebuah surat")
    head = [c for c in cands if c.article == "000"][:9] + [c for c in cands if c.article == "003"][:1]
    assert pentagon_000 in head
    tail = [c for c in cands if c not in head]
    summary = summarize_topic(head + tail, n=10, method="lexrank")
    assert len(summary.items) <= 10
    assert _item_of(summary, pentagon_001) == _item_of(summary, pentagon_000) is not None
    assert _item_of(summary, kim_letter) is None  # past the head and telling no chosen fact
    assert summary.words_in > sum(len(c.text.split()) for c in head)  # every candidate is counted


# ----------------------------------------------------------------------------- what counts as one fact


def test_rutte_quoted_confirmation_is_never_a_second_item_beside_the_confirmation() -> None:
    # the quote confirms what the confirmation item says: it joins it, or is dropped as a restatement
    cands = seed_candidates()
    for method in ("lexrank", "news"):
        summary = summarize_topic(cands, n=20, method=method)
        confirm = _item_of(summary, _find(cands, "001", "dikonfirmasi oleh Sekjen NATO, Mark Rutte"))
        quoted = _item_of(summary, _find(cands, "004", "Hari ini saya dapat mengonfirmasi"))
        assert confirm is not None and quoted in (None, confirm), method


def _about(*words: str, context: bool = False) -> list[Candidate]:
    """The seed sentences naming any of `words`, as retrieval hands them over."""
    return [c for c in seed_candidates(context) if any(w.lower() in c.text.lower() for w in words)]


def test_the_kremlins_two_denials_stay_apart_and_never_join_a_confirmation() -> None:
    # 002 denies Ukraine's claim to have killed six officers, 004 denies the deployment
    cands = _about("Kremlin", "membenarkan", context=True)
    summary = summarize_topic(cands, n=20, method="lexrank")
    denial_002 = _item_of(summary, _find(cands, "002", "dibantah oleh Kremlin"))
    denial_004 = _item_of(summary, _find(cands, "004", "Kremlin dengan tegas telah menepis"))
    assert denial_002 is not None and denial_004 is not None and denial_002 != denial_004
    # "Namun hal itu langsung dibantah ..." is shown after the claim it denies
    pick = summary.items[denial_002]
    assert pick.before is not None and pick.before.sentence == pick.main.sentence - 1
    assert "menewaskan enam perwira" in pick.before.text and pick.text.endswith("dibantah oleh Kremlin.")
    for confirmation in ("Mark Rutte membenarkan", "Pentagon) membenarkan"):
        assert _item_of(summary, _find(cands, "000", confirmation)) not in (denial_002, denial_004)


def test_the_same_speaker_with_the_same_phrase_is_one_item() -> None:
    cands = _about("Rutte", "Putin")
    summary = summarize_topic(cands, n=20, method="lexrank")
    said_001 = _item_of(summary, _find(cands, "001", "sebagai “eskalasi signifikan”"))
    said_004 = _item_of(summary, _find(cands, "004", "merupakan eskalasi yang signifikan"))
    assert said_001 is not None and said_001 == said_004
    # ... while the letter Kim Jong Un sent to Putin is not what Putin did not deny
    letter = _item_of(summary, _find(cands, "003", "Dalam sebuah surat"))
    not_denied = _item_of(summary, _find(cands, "004", "tidak menyangkal"))
    assert letter != not_denied


def test_a_shared_figure_needs_the_same_source_and_the_same_thing_happening_to_it() -> None:
    cands = seed_candidates()
    summary = summarize_topic(cands, n=20, method="lexrank")
    sent = _item_of(summary, _find(cands, "002", "Korea Utara mengirim 10.000 pasukan ke Rusia."))
    arrived = _item_of(summary, _find(cands, "004", "dilaporkan tiba di Kursk"))
    pentagon = _item_of(summary, _find(cands, "001", "Pentagon mengonfirmasi bahwa sekitar 10.000"))
    assert pentagon is not None
    assert sent != pentagon  # 002 credits Western officials, never the Pentagon
    assert arrived != sent and arrived != pentagon  # "10,000 arrived in Kursk" is another fact


def test_sentences_of_one_article_about_one_subject_stay_apart() -> None:
    cands = invented(
        ("050", 1, "Rangkaian konser BTS dimulai dari empat konser di dua lokasi di Jepang pada 25-30 April."),
        ("050", 2, "Tiga dari empat konser BTS diselenggarakan di Tokyo Dome, lokasi konser terbesar di Jepang."),
        ("051", 1, "Harga tiket kereta cepat naik mulai bulan depan di Jepang."),
        ("052", 1, "Festival bunga sakura di Jepang menarik ribuan wisatawan."),
    )
    summary = summarize_topic(cands, n=5, method="lexrank", query_terms=("Jepang",))
    assert len(summary.items) == 4 and all(not pick.also for pick in summary.items)


def test_two_spokespeople_of_one_ministry_are_two_sources() -> None:
    cands = invented(
        (
            "060",
            1,
            "Juru bicara Kementerian Luar Negeri, Budi Santoso, mengatakan delegasi akan tiba di Tokyo pekan depan.",
        ),
        ("061", 1, "Juru bicara Kementerian Luar Negeri, Sari Wulandari, mengatakan visa pelajar akan dipermudah."),
        ("062", 1, "Kementerian Luar Negeri membantah kabar penutupan kedutaan di Tokyo."),
        ("063", 1, "Kementerian Luar Negeri menepis kabar bahwa kedutaan di Tokyo akan ditutup."),
        ("064", 1, "Kementerian Luar Negeri membenarkan bahwa kedutaan di Tokyo akan ditutup sementara."),
    )
    summary = summarize_topic(cands, n=5, method="lexrank", query_terms=("Kementerian",))
    assert _item_of(summary, cands[0]) != _item_of(summary, cands[1])
    assert _item_of(summary, cands[2]) == _item_of(summary, cands[3])  # one denial, told twice
    assert _item_of(summary, cands[4]) != _item_of(summary, cands[2])  # a confirmation is not a denial


# ----------------------------------------------------------------------------- relevance and order


def test_a_multi_word_topic_leaves_out_sentences_with_its_words_scattered() -> None:
    cands = invented(
        ("070", 1, "Buffon mengatakan Piala Dunia 2018 kemungkinan menjadi turnamen terakhirnya."),
        ("071", 3, "Kiatisuk mundur karena gagal membawa timnya ke Piala Dunia 2018."),
        ("072", 2, "Lee akan bermain di Piala Thomas dan kejuaraan dunia tahun depan."),
    )
    summary = summarize_topic(cands, n=5, method="lexrank", query_terms=("piala", "dunia"))
    assert {p.main.article for p in summary.items} == {"070", "071"}


def test_a_sentence_naming_the_topic_by_another_name_names_it_whole() -> None:
    cands = invented(
        ("070", 1, "Pebulu tangkis Lee Chong Wei belum memutuskan pensiun tahun ini."),
        ("071", 3, "Para pemain badminton tiba di Seoul untuk turnamen Korea Terbuka."),
        ("072", 2, "Tangkis serangan lawan menjadi kunci kemenangan tim tamu semalam."),
    )
    without = summarize_topic(cands, n=5, method="lexrank", query_terms=("bulu", "tangkis"))
    assert {p.main.article for p in without.items} == {"070"}
    named = summarize_topic(cands, n=5, method="lexrank", query_terms=("bulu", "tangkis"), names=("badminton",))
    assert {p.main.article for p in named.items} == {"070", "071"}


def test_pieces_of_quotations_are_shown_only_when_nothing_else_is_left() -> None:
    piece = ("080", 2, '"Kami menghimbau para prajurit yang dikirim untuk mendukung rezim Putin.')
    cands = invented(
        piece,
        ("081", 1, "Putin menggelar pertemuan BRICS bersama China dan India di Kazan."),
        ("082", 1, "Putin menandatangani pakta pertahanan bersama dengan Pyongyang tahun lalu."),
    )
    for n in (2, 3):  # a free slot is no reason to show a piece of a quotation
        summary = summarize_topic(cands, n=n, method="lexrank", query_terms=("putin",))
        assert {p.main.article for p in summary.items} == {"081", "082"}
    alone = summarize_topic(invented(piece), n=3, method="lexrank", query_terms=("putin",))
    assert [p.main.article for p in alone.items] == ["080"]


def test_items_read_in_the_order_the_articles_lead_with_them() -> None:
    cands = [
        Candidate(
            "090", 9, "Bagi Ukraina, kedatangan tentara Korea Utara kabar buruk di wilayah Kursk yang digempur.", 0.8
        ),
        Candidate("091", 1, "Rutte membenarkan keberadaan tentara Korea Utara di wilayah Kursk.", 0.0),
        Candidate("092", 4, "Juru bicara Pentagon menyebut tentara Korea Utara berada dekat Kursk.", 0.3),
    ]
    summary = summarize_topic(cands, n=3, method="lexrank", query_terms=("kursk",))
    assert [p.main.article for p in summary.items] == ["091", "092", "090"]


def test_an_outlets_footer_is_not_news() -> None:
    footer = "DailySocial.id adalah portal berita startup dan inovasi teknologi."
    cands = [Candidate(f"10{k}", 9, footer, 0.9) for k in range(4)] + invented(
        ("110", 1, "Startup asal Malaysia makin banyak yang melakukan ekspansi ke Indonesia."),
        ("111", 2, "Startup pembayaran digital itu meraih pendanaan seri A pekan lalu."),
    )
    summary = summarize_topic(cands, n=2, method="lexrank", query_terms=("startup",))
    assert all(p.main.text != footer for p in summary.items)


def test_items_of_one_article_stay_together_in_their_order() -> None:
    first = "Tiga poin dihasilkan pada Rapat Pleno DPD Golkar Purwakarta."
    cands = invented(
        ("120", 1, first),
        ("121", 1, "Hakim memutuskan melanjutkan kasus korupsi dengan terdakwa mantan Ketua Umum Golkar."),
        ("120", 5, "Poin kedua, Golkar memutuskan panitia Rakerda dan pelantikan pengurus."),
    ) + [
        Candidate(
            "120", 2, "Salah satunya, menetapkan dukungan Golkar terhadap calon gubernur Jawa Barat.", 0.1, (first,)
        )
    ]
    summary = summarize_topic(cands, n=4, method="lexrank", query_terms=("golkar",))
    shown = [(p.main.article, p.main.sentence) for p in summary.items]
    assert shown == [("120", 1), ("120", 2), ("120", 5), ("121", 1)]
    # "Salah satunya, ..." follows the sentence it needs, which is not repeated
    assert summary.items[1].before is None and summary.items[1].text.startswith("Salah satunya")
    alone = summarize_topic(cands[1:], n=4, method="lexrank", query_terms=("golkar",))
    pick = next(p for p in alone.items if p.main.sentence == 2)
    assert pick.before is not None and pick.text == f"{first} {pick.main.text}"
