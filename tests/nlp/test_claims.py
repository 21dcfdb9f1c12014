"""who-confirmed on the seeds and on invented articles: matching, grouping, ordering, media."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.corpus.figures.query import parse_figure
from bot.corpus.figures.scan import find_figures
from bot.corpus.reader import read_article
from bot.corpus.segment import split_sentences
from bot.models import Sentence
from bot.nlp.claims import ClaimReport, claim_items, explain, explain_line, find_claims

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
OUTLETS = ("Kyiv Independent", "AFP", "ABC News", "Tribunnews", "TRIBUNNEWS", "Kontan", "KONTAN", "Reuters")


@pytest.fixture(scope="module")
def seeds() -> list[tuple[str, tuple[Sentence, ...]]]:
    return [(a.id, a.sentences) for a in (read_article(p) for p in sorted(SEEDS.glob("*.txt")))]


@pytest.fixture(scope="module")
def report(seeds: list[tuple[str, tuple[Sentence, ...]]]) -> ClaimReport:
    return find_claims(seeds, parse_figure("10000"))


def _article(text: str) -> tuple[Sentence, ...]:
    return tuple(
        Sentence(index=i + 1, paragraph=1, text=t, figures=tuple(find_figures(t)))
        for i, t in enumerate(split_sentences(text))
    )


def _group(report: ClaimReport, needle: str):
    found = [g for g in report.groups if needle in g.name]
    assert len(found) == 1, [g.name for g in report.groups]
    return found[0]


def _refs(group) -> set[tuple[str, str]]:
    return {(m.article, m.text) for m in group.matches}


def test_pentagon_confirmed_in_000_and_001(report: ClaimReport) -> None:
    group = _group(report, "Pentagon")
    assert group.stance == "confirmed"
    assert group.name == "Pentagon (US Department of Defense)"
    assert {m.article for m in group.matches} == {"000", "001"}
    assert set(group.cues) == {"membenarkan", "mengonfirmasi"}
    texts = " ".join(m.text for m in group.matches)
    assert "10,000 prajurit" in texts and "sekitar 10.000 tentara" in texts


def test_rutte_confirms_the_arrival_in_004_not_the_figure(report: ClaimReport) -> None:
    # the figure is reported with no source; Rutte confirms the arrival in the next sentence
    group = _group(report, "Mark Rutte")
    assert group.name == "Mark Rutte, NATO Secretary General"
    assert (group.stance, group.who, group.role, group.organization) == (
        "confirmed",
        "Mark Rutte",
        "Secretary General",
        "NATO",
    )
    assert group.scope == "event"
    assert group.matches[0].attribution.event == "the arrival"
    (match,) = group.matches
    assert match.article == "004"
    assert "Sekitar 10.000" in match.text
    assert match.source_sentence == match.sentence + 1
    assert "dikonfirmasi langsung oleh" in match.source_sentence_text


def test_western_official_and_diplomat_are_one_group_via_kyiv_independent(report: ClaimReport) -> None:
    group = _group(report, "Western")
    assert group.kind == "anonymous"
    assert group.stance == "reported"
    assert group.via == ("Kyiv Independent",)
    assert group.role == "official/diplomat"
    assert [m.article for m in group.matches] == ["002", "002"]
    assert "Kyiv Independent" in group.name


def test_intelligence_service_via_afp_more_than(report: ClaimReport) -> None:
    group = _group(report, "National Intelligence Service")
    assert group.name == "South Korea's National Intelligence Service (via AFP)"
    assert group.via == ("AFP",)
    (match,) = group.matches
    assert match.article == "003"
    assert match.figure.qualifier == "more than"
    assert "Badan Intelijen Korea Selatan" in match.source_sentence_text


def test_exactly_the_expected_sources_and_order(report: ClaimReport) -> None:
    # sources of the figure first (strongest stance first), then Rutte, who confirms only its event
    assert [(g.stance, g.scope) for g in report.groups] == [
        ("confirmed", "figure"),
        ("reported", "figure"),
        ("reported", "figure"),
        ("confirmed", "event"),
    ]
    assert report.groups[0].name.startswith("Pentagon")
    assert len(report.groups[0].matches) == 2
    assert report.groups[-1].name.startswith("Mark Rutte")


def test_no_outlet_reporter_or_denier_is_a_source(report: ClaimReport) -> None:
    for group in report.groups:
        for outlet in OUTLETS:
            assert not group.name.startswith(outlet)
            assert outlet not in (group.who or "") and outlet not in (group.organization or "")
        assert "Kremlin" not in group.name
    for confirmer in report.confirmers:
        assert "Kremlin" not in confirmer.name and confirmer.stance == "confirmed"
    assert all(g.stance != "denied" for g in report.groups)


def test_headline_standfirst_without_source_is_unattributed(report: ClaimReport) -> None:
    assert [(m.article, m.text) for m in report.unattributed] == [
        ("002", "Korea Utara mengirim 10.000 pasukan ke Rusia.")
    ]


def test_every_sentence_with_the_exact_figure_is_listed_once(report: ClaimReport, seeds) -> None:
    wanted = parse_figure("10.000")
    expected = {
        (aid, s.index)
        for aid, sentences in seeds
        for s in sentences
        if any(not f.vague and f.value == wanted.value for f in s.figures)
    }
    listed = [(m.article, m.sentence) for m in report.matches]
    assert len(listed) == len(set(listed))
    assert set(listed) == expected


def test_vague_quantities_are_related_not_matches(report: ClaimReport) -> None:
    related = {(m.article, m.figure.text) for m in report.related}
    assert ("004", "puluhan ribu") in related
    assert ("001", "ribuan") in related
    assert all(m.figure.vague for m in report.related)
    rutte = [m for m in report.related if m.article == "004" and m.figure.text == "puluhan ribu"]
    assert rutte[0].source_name == "Mark Rutte, NATO Secretary General"  # bare "Rutte" resolved


@pytest.mark.parametrize("query", ["10000", "10.000", "10,000", "10 ribu", "sepuluh ribu"])
def test_any_notation_of_the_query_gives_the_same_groups(seeds, report: ClaimReport, query: str) -> None:
    other = find_claims(seeds, parse_figure(query))
    assert [g.name for g in other.groups] == [g.name for g in report.groups]


def test_claim_items_carry_the_json_fields_and_neighbour_citations(report: ClaimReport) -> None:
    items = claim_items(report)
    rutte = next(i for i in items if i.fields.get("who") == "Mark Rutte")
    assert rutte.fields["stance"] == "confirmed"
    assert (rutte.fields["scope"], rutte.fields["event"]) == ("event", "the arrival")
    assert rutte.text == "Mark Rutte, NATO Secretary General — confirmed the arrival; gave no figure"
    pentagon = next(i for i in items if i.fields.get("source", "").startswith("Pentagon"))
    assert (pentagon.fields["scope"], pentagon.fields["event"]) == ("figure", None)
    assert all(i.fields["scope"] in ("figure", "event") for i in items)
    assert rutte.fields["figure"]["value"] == 10000.0
    assert [c.article for c in rutte.citations] == ["004", "004"]
    assert rutte.citations[1].sentence == rutte.citations[0].sentence + 1
    afp = next(i for i in items if i.fields.get("via") == ["AFP"])
    assert afp.fields["figure"]["qualifier"] == "more than"
    assert all(i.citations for i in items)


def test_explain_names_the_spans(report: ClaimReport) -> None:
    rutte = _group(report, "Mark Rutte").matches[0]
    data = rutte.explain()
    assert data == explain(rutte)
    assert data["figure"] == "10.000"
    assert data["cue"] == "dikonfirmasi" and data["cue_lemma"] == "dikonfirmasi oleh"
    assert data["cue_sentence"] == data["source_sentence"] == rutte.sentence + 1
    assert data["source"].endswith("Mark Rutte")
    start, end = data["source_span"]
    assert rutte.source_sentence_text[start:end] == data["source"]
    assert json.loads(json.dumps(data)) == data
    line = explain_line(rutte)
    assert "«10.000»" in line and "cue «dikonfirmasi»" in line and "(next sentence)" in line
    diplomat = next(m for m in _group(report, "Western").matches if "diplomat" in m.text)
    assert explain(diplomat)["via"] == ["Kyiv Independent"]
    assert explain(diplomat)["cue"] == "mangatakan"
    assert explain(diplomat)["source_sentence"] == diplomat.sentence


def test_a_figure_nobody_gives_is_an_empty_report(seeds) -> None:
    empty = find_claims(seeds, parse_figure("777"))
    assert empty.groups == () and empty.unattributed == () and empty.related == ()


# --------------------------------------------------------------------------------------
# Invented articles
# --------------------------------------------------------------------------------------


def test_disaster_toll_groups_by_agency_and_keeps_the_denier_apart() -> None:
    a = _article(
        "Menurut BNPB, sebanyak 25 orang meninggal dunia akibat banjir bandang di Sumatera Barat. "
        "Kepala BNPB Suharyanto mengatakan tim masih mencari korban hilang."
    )
    b = _article(
        "Badan Nasional Penanggulangan Bencana (BNPB) mengonfirmasi 25 korban jiwa. "
        "Pemerintah daerah menepis kabar bahwa korban mencapai 25 orang."
    )
    c = _article("Sekitar 25 orang dilaporkan tewas, seperti dilansir Kompas.")
    result = find_claims([("a", a), ("b", b), ("c", c)], parse_figure("25"))
    # one source, two stances: two adjacent lines, the confirmation first, each with its own sentence
    bnpb = [g for g in result.groups if "BNPB" in g.name]
    assert [(g.stance, [m.article for m in g.matches]) for g in bnpb] == [("confirmed", ["b"]), ("reported", ["a"])]
    assert result.groups[:2] == tuple(bnpb)
    denied = [g for g in result.groups if g.stance == "denied"]
    assert len(denied) == 1 and result.groups[-1] is denied[0]
    assert "BNPB" not in denied[0].name
    # an outlet that is the origin of a report nobody else in its sentence gives is its source
    origin = [g for g in result.groups if g.organization == "Kompas"]
    assert len(origin) == 1 and origin[0].via == () and {m.article for m in origin[0].matches} == {"c"}
    assert origin[0].stance == "reported" and origin[0].who is None


def test_police_figure_with_spokesperson_counts_for_the_police() -> None:
    a = _article(
        "Kapolda Metro Jaya Irjen Karyoto mengatakan 1.200 personel dikerahkan untuk mengamankan aksi. "
        '"Sebanyak 1.200 personel gabungan kami siagakan," ujar Kabid Humas Polda Metro Jaya Kombes Ade Ary.'
    )
    result = find_claims([("x", a)], parse_figure("1200"))
    names = [g.name for g in result.groups]
    assert any(n.startswith("Karyoto") for n in names)
    assert len(result.groups) == 2
    assert all(g.stance == "reported" for g in result.groups)


def test_same_person_by_surname_in_another_article_is_one_group() -> None:
    a = _article("Menteri Keuangan Sri Mulyani Indrawati menyatakan defisit mencapai Rp 300 triliun.")
    b = _article('"Defisit kita Rp 300 triliun," kata Sri Mulyani di Jakarta.')
    result = find_claims([("a", a), ("b", b)], parse_figure("Rp 300 triliun"))
    assert len(result.groups) == 1
    assert result.groups[0].name == "Sri Mulyani Indrawati, Finance Minister"
    assert len(result.groups[0].matches) == 2


def test_vague_query_matches_the_same_vague_quantity(seeds) -> None:
    result = find_claims(seeds, parse_figure("puluhan ribu"))
    (group,) = result.groups
    assert group.name == "Mark Rutte, NATO Secretary General"
    assert [m.figure.text for m in group.matches] == ["puluhan ribu"]
    assert any(m.figure.value == 10000.0 and not m.figure.vague for m in result.related)


def test_a_bare_first_name_is_not_someone_of_another_article() -> None:
    articles = [
        ("101", _article("Presiden Joko Widodo mengatakan ada 100 kursi baru di parlemen.")),
        ("102", _article("Pendaftaran ditutup kemarin. Jadi 100 kursi sudah terisi, kata Joko di kantornya.")),
    ]
    report = find_claims(articles, parse_figure("100"))
    president = _group(report, "Joko Widodo")
    assert {m.article for m in president.matches} == {"101"}
    other = [g for g in report.groups if g is not president]
    assert [g.name for g in other] == ["Joko"] and {m.article for m in other[0].matches} == {"102"}


def test_explain_marks_a_quote_speaker_in_a_later_sentence() -> None:
    articles = [
        (
            "103",
            _article(
                'Polisi menangkap seorang pemuda. "Dari laptopnya kami menemukan 1.000 video. '
                'Semuanya sudah disita," kata Kombes Argo Yuwono.'
            ),
        )
    ]
    report = find_claims(articles, parse_figure("1000"))
    (match,) = report.matches
    data = explain(match)
    assert data["cue"] == "kata" and data["cue_sentence"] == 3
    assert data["source"] == "Kombes Argo Yuwono" and data["source_sentence"] == 3
    assert "cue «kata» (next sentence)" in explain_line(match)
    group = _group(report, "Argo Yuwono")
    assert {c.sentence for c in claim_items(report)[0].citations} >= {2, 3}
    assert group.stance == "reported"


def test_a_quote_resolved_through_nya_cites_the_speaker_and_the_cue_sentences() -> None:
    articles = [
        (
            "104",
            _article(
                "Menteri Pertanian Andi Amran Sulaiman mengatakan ekspor naik. "
                '"Kiriman perdana sebanyak 1.000 karton. Semuanya ayam olahan," katanya.'
            ),
        )
    ]
    report = find_claims(articles, parse_figure("1000"))
    (item,) = claim_items(report)
    assert [c.sentence for c in item.citations] == [2, 1, 3]
    assert report.groups[0].who == "Andi Amran Sulaiman"


def test_a_lead_states_the_figure_its_one_named_source_gives_later() -> None:
    article = _article(
        "Sebanyak 135 awak kapal asing akan membawa keluar 39 kapal. "
        "Kapal itu ditambatkan di Pomako. "
        '"Sekitar 135 orang asing, datanya ada di Imigrasi," kata Kepala DKP Mimika Eddy Santoso.'
    )
    report = find_claims([("x", article)], parse_figure("135"))
    (group,) = report.groups
    assert group.who == "Eddy Santoso" and sorted(m.sentence for m in group.matches) == [1, 3]
    assert report.unattributed == ()
    # with two different sources later, the lead names nobody
    article = _article(
        "Sebanyak 135 awak kapal asing akan membawa keluar 39 kapal. "
        "Kepala DKP Mimika Eddy Santoso mengatakan ada 135 orang. "
        "Menteri Kelautan dan Perikanan Susi Pudjiastuti menyebut 135 orang itu sudah diperiksa."
    )
    report = find_claims([("x", article)], parse_figure("135"))
    assert [m.sentence for m in report.unattributed] == [1]


@pytest.mark.parametrize(
    "text",
    [
        "Tesla berharap bisa memproduksi 10.000 unit Model 3 setiap minggu.",
        "Uang itu diserahkan kepada tersangka 3 yang mengurus dokumen.",
        "Pemungutan suara putaran tiga digelar pekan depan.",
        "Kedudukan agregat kedua tim 3-3 setelah laga itu.",
        "Menteri menerbitkan Keputusan Menteri nomor 3 tahun ini.",
    ],
)
def test_a_label_score_or_document_number_is_no_figure_to_attribute(text: str) -> None:
    report = find_claims([("x", _article(text))], parse_figure("3"))
    assert report.matches == ()


def test_a_number_counting_something_is_still_a_figure() -> None:
    report = find_claims([("x", _article("Polisi menangkap 3 tersangka dan menyita 3 unit mobil."))], parse_figure("3"))
    assert len(report.matches) == 1
    report = find_claims([("x", _article("Kapolres mengatakan sebanyak 3 orang ditangkap."))], parse_figure("3"))
    assert len(report.matches) == 1


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Bandara itu punya kapasitas terminal 20 juta penumpang per tahun.", "20 juta"),
        ("Iuran naik dari Rp 23 ribu/bulan menjadi Rp 42 ribu/bulan.", "Rp 23 ribu"),
    ],
)
def test_a_number_with_a_scale_word_is_never_a_label(text: str, figure: str) -> None:
    report = find_claims([("x", _article(text))], parse_figure(figure))
    assert len(report.matches) == 1


def test_a_label_noun_before_a_measured_number_counts_it() -> None:
    report = find_claims([("x", _article("Jaksa menuntut terdakwa 25 tahun penjara."))], parse_figure("25"))
    assert len(report.matches) == 1
    report = find_claims([("x", _article("Tesla meluncurkan Model 3 tahun ini."))], parse_figure("3"))
    assert report.matches == ()


def test_a_source_with_two_stances_has_a_line_for_each_next_to_each_other() -> None:
    a = _article("BPBD memperkirakan 300 rumah rusak akibat gempa. Polisi mengatakan jalan ditutup.")
    b = _article("Polisi mengatakan 300 rumah rusak. BPBD mengatakan 300 rumah rusak dan ratusan warga mengungsi.")
    result = find_claims([("a", a), ("b", b)], parse_figure("300"))
    lines = [(g.key, str(g.stance), [m.article for m in g.matches]) for g in result.groups]
    bpbd = [line for line in lines if line[0] == lines[0][0]]
    assert [(stance, cited) for _, stance, cited in bpbd] == [("reported", ["b"]), ("estimated", ["a"])]
    assert lines[:2] == bpbd  # the source's lines stay together, before the police's
    items = claim_items(result)
    assert [i.fields["stance"] for i in items[:2]] == ["reported", "estimated"]
    assert [[c.article for c in i.citations] for i in items[:2]] == [["b"], ["a"]]


@pytest.mark.parametrize(
    ("text", "figure", "line"),
    [
        (
            "Jake Zim, Sony Pictures VP, mengatakan film itu ditonton 5 juta orang.",
            "5 juta",
            "Jake Zim, VP Sony Pictures",
        ),
        (
            "Kepala Departemen Operasi Divisi Produk Emas Pegadaian Heri Santosa mengatakan stoknya 60 ton.",
            "60 ton",
            "Heri Santosa, Kepala Departemen Operasi Divisi Produk Emas Pegadaian",
        ),
        (
            "Camat Kecamatan Fatuleu Lambertus Paut mengatakan 40 rumah rusak.",
            "40",
            "Lambertus Paut, Camat Kecamatan Fatuleu",
        ),
    ],
)
def test_a_label_kept_as_written_stays_in_one_language(text: str, figure: str, line: str) -> None:
    [item] = claim_items(find_claims([("a", _article(text))], parse_figure(figure)))
    assert item.text.startswith(line + " — reported")
