"""Attribution of Indonesian sentences: sources, cues, media, stances and entity aliases."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.corpus.figures.scan import find_figures
from bot.corpus.reader import read_article
from bot.corpus.segment import split_sentences
from bot.models import Sentence
from bot.nlp.attribution import Attribution, Stance, attribute, find_cues
from bot.nlp.entities import EntityResolver, find_medium, is_medium, parse_source, translate_org

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _article(text: str) -> list[Sentence]:
    return [
        Sentence(index=i + 1, paragraph=1, text=t, figures=tuple(find_figures(t)))
        for i, t in enumerate(split_sentences(text))
    ]


def _seed(prefix: str) -> list[Sentence]:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return list(read_article(path).sentences)


def _position(sentences: list[Sentence], needle: str) -> int:
    return next(i for i, s in enumerate(sentences) if needle in s.text)


def _attr(text: str, figure_text: str | None = None) -> Attribution:
    sentences = _article(text)
    for pos, sentence in enumerate(sentences):
        for fig in sentence.figures:
            if figure_text is None or fig.text == figure_text:
                return attribute(sentences, pos, figure=fig)
    raise AssertionError(f"no figure {figure_text!r} in {text!r}")


# --------------------------------------------------------------------------------------
# The seeds
# --------------------------------------------------------------------------------------


def test_000_pentagon_confirms_with_its_long_name() -> None:
    sentences = _seed("000")
    pos = _position(sentences, "10,000")
    att = attribute(sentences, pos)
    assert att.stance == "confirmed"
    assert att.cue == "membenarkan"
    assert att.source_text == "Departemen Pertahanan Amerika Serikat (Pentagon)"
    assert att.organization == "Pentagon (US Department of Defense)"
    text = sentences[pos].text
    assert text[att.source_span[0] : att.source_span[1]] == att.source_text
    assert text[att.cue_span[0] : att.cue_span[1]] == "membenarkan"
    assert "10,000" in text[att.figure_span[0] : att.figure_span[1]]


def test_001_pentagon_after_a_subordinate_clause() -> None:
    sentences = _seed("001")
    att = attribute(sentences, _position(sentences, "sekitar 10.000"))
    assert (att.stance, att.cue, att.source_text) == ("confirmed", "mengonfirmasi", "Pentagon")


def test_004_passive_figure_takes_its_source_from_the_next_sentence() -> None:
    sentences = _seed("004")
    pos = _position(sentences, "Sekitar 10.000")
    att = attribute(sentences, pos)
    assert att.stance == "confirmed"
    assert att.cue == "dikonfirmasi oleh"
    assert att.who == "Mark Rutte"
    assert att.role == "Secretary General"
    assert att.organization == "NATO"
    assert att.source_sentence == att.cue_sentence == pos + 1
    assert att.borrowed
    nxt = sentences[pos + 1].text
    assert nxt[att.source_span[0] : att.source_span[1]].endswith("Mark Rutte")


def test_002_western_diplomat_quoted_through_kyiv_independent_with_a_typo_cue() -> None:
    sentences = _seed("002")
    att = attribute(sentences, _position(sentences, "Seorang diplomat Barat"))
    assert att.cue_text == "mangatakan"
    assert att.cue == "mengatakan"
    assert att.stance == "reported"
    assert att.via == ("Kyiv Independent",)
    assert att.role == "diplomat"
    assert att.source.kind == "anonymous"
    assert att.source.affiliation == "Western"
    assert "Kyiv" not in (att.source_text or "")


def test_002_western_official() -> None:
    sentences = _seed("002")
    att = attribute(sentences, _position(sentences, "seorang pejabat Barat"))
    assert (att.stance, att.cue, att.role, att.source.affiliation) == ("reported", "menyebutkan", "official", "Western")
    assert att.via == ()


def test_003_report_obtained_by_afp_points_back_to_the_intelligence_service() -> None:
    sentences = _seed("003")
    pos = _position(sentences, "diperoleh AFP")
    att = attribute(sentences, pos)
    assert att.organization == "South Korea's National Intelligence Service"
    assert att.via == ("AFP",)
    assert att.source_sentence == pos - 1
    assert att.stance == "reported"


def test_002_kremlin_denial_in_the_next_sentence_disputes_the_claim() -> None:
    sentences = _seed("002")
    att = attribute(sentences, _position(sentences, "enam perwira"))
    assert (att.stance, att.organization) == ("claimed", "Ukraine")
    assert att.disputed_by is not None
    assert att.disputed_by.stance == "denied"
    assert att.disputed_by.organization == "the Kremlin"


def test_004_kremlin_dismissal_is_a_denial_and_not_nato() -> None:
    sentences = _seed("004")
    text = next(s.text for s in sentences if "Kremlin" in s.text and "menepis" in s.text)
    att = attribute([Sentence(1, 1, text)], 0)
    assert att.stance == "denied"
    assert att.organization == "the Kremlin"


def test_001_lavrov_stopping_short_of_confirming_is_not_a_confirmation() -> None:
    sentences = _seed("001")
    pos = _position(sentences, "berhenti mengonfirmasi")
    att = attribute(sentences, pos)
    assert att.stance == "unverified"
    assert att.who == "Sergei Lavrov"  # "Ia" resolved to the previous sentence's subject
    assert att.source_sentence == pos - 1


def test_002_outlet_that_cannot_verify_is_only_a_medium() -> None:
    sentences = _seed("002")
    att = attribute(sentences, _position(sentences, "belum dapat memverifikasi"))
    assert att.stance == "unverified"
    assert att.source is None
    assert att.via == ("Kyiv Independent",)


# --------------------------------------------------------------------------------------
# Invented sentences in the style of Indonesian news
# --------------------------------------------------------------------------------------


def test_police_chief_with_region_and_rank() -> None:
    att = _attr("Kapolda Metro Jaya Irjen Karyoto mengatakan 1.200 personel dikerahkan untuk mengamankan aksi.")
    assert att.who == "Karyoto"
    assert att.role == "Regional Police Chief"
    assert att.organization_id == "Polda Metro Jaya"
    assert (att.stance, att.cue) == ("reported", "mengatakan")


def test_menurut_an_agency() -> None:
    att = _attr("Menurut BNPB, sebanyak 25 orang meninggal dunia akibat banjir bandang.")
    assert (att.stance, att.cue) == ("reported", "menurut")
    assert att.organization == "BNPB (National Disaster Management Agency)"


def test_ministry_denies_a_rumour() -> None:
    att = _attr("Kementerian Kesehatan membantah kabar 10 ribu kasus demam berdarah di Jakarta.")
    assert (att.stance, att.cue, att.organization) == ("denied", "membantah", "Ministry of Health")


def test_quote_then_ujar_role_then_name() -> None:
    att = _attr(
        '"Jumlah korban terus bertambah menjadi 42 orang," ujar Kepala Dinas Kesehatan Kabupaten Cianjur, Budi Santoso.'
    )
    assert att.who == "Budi Santoso"
    assert att.role == "Head"
    assert att.organization == "Cianjur Regency Health Agency"
    assert att.stance == "reported"


def test_back_reference_hal_itu_dibenarkan() -> None:
    att = _attr("Sebanyak 300 rumah rusak berat. Hal itu dibenarkan oleh Kepala BPBD Garut, Satria Budi.")
    assert att.stance == "confirmed"
    assert att.who == "Satria Budi"
    assert att.source_sentence == 1


def test_unrelated_next_sentence_is_not_borrowed() -> None:
    att = _attr("Sebanyak 300 rumah rusak berat. Presiden Joko Widodo mengatakan pemerintah akan membangun jalan baru.")
    assert att.source is None


def test_outlet_reporting_with_nobody_else_named_is_the_origin_of_its_report() -> None:
    att = _attr("Reuters melaporkan bahwa sedikitnya 50 orang tewas dalam serangan itu.")
    assert (att.who, att.organization, att.via) == (None, "Reuters", ())
    assert att.stance == "reported"


def test_outlet_confirming_is_downgraded_to_reported() -> None:
    att = _attr("AFP mengonfirmasi bahwa 40 orang tewas.")
    assert (att.organization, att.via) == ("AFP", ())
    assert att.stance == "reported"


def test_an_outlet_relaying_someone_is_only_the_medium() -> None:
    att = _attr("Reuters melaporkan, Kepala Polisi Abdul Karim mengatakan 50 orang tewas.")
    assert (att.who, att.via) == ("Abdul Karim", ("Reuters",))
    relayed = _attr("Seperti dilansir dari Antara, lima nama yang tersisa akan mengikuti tes lanjutan.")
    assert relayed.source is None and relayed.via == ("Antara",)


def test_dilansir_at_the_end_is_the_medium() -> None:
    att = _attr("Polisi menyebut 12 tersangka telah diamankan, seperti dilansir Antara.")
    assert att.via == ("Antara",)
    assert att.role == "police"


def test_agentless_estimate_keeps_its_stance_with_no_source() -> None:
    # "diperkirakan" is an estimate, not a doubt: it was shown as "unverified" before
    att = _attr("Sekitar 5.000 warga diperkirakan mengungsi ke lokasi yang lebih aman.")
    assert att.stance == Stance.ESTIMATED
    assert att.source is None


def test_appositive_spokesperson_with_a_name_that_looks_like_an_adverb() -> None:
    att = _attr("Juru bicara Kemenlu, Lalu Muhamad Iqbal, memastikan 120 WNI telah dievakuasi dari Lebanon.")
    assert att.who == "Lalu Muhamad Iqbal"
    assert att.role == "spokesperson"
    assert att.organization == "Ministry of Foreign Affairs"
    assert att.stance == "confirmed"


def test_post_quote_kata_with_reporters_and_date_after_the_name() -> None:
    att = _attr(
        "KPK menetapkan 3 tersangka baru, kata Juru Bicara KPK Tessa Mahardhika kepada wartawan di Jakarta, Senin (4/11/2024)."
    )
    assert att.who == "Tessa Mahardhika"
    assert att.via == ()  # reporters are an audience, not a medium or a source


def test_claim_and_non_denial() -> None:
    assert _attr("Presiden Prabowo Subianto mengklaim 80 persen target akan tercapai.").stance == "claimed"
    att = _attr("Wali Kota Surabaya Eri Cahyadi tidak membantah bahwa 1.500 warga terdampak banjir.")
    assert att.stance != "denied"
    assert att.cue == "tidak menyangkal"


def test_data_of_a_ministry_names_the_ministry() -> None:
    att = _attr("Data Kementerian Sosial menunjukkan 2.000 keluarga menerima bantuan.")
    assert att.organization == "Ministry of Social Affairs"


def test_unnamed_official_with_relative_clause() -> None:
    att = _attr("Pejabat senior AS, yang berbicara dengan syarat anonim, mengatakan 2.000 tentara akan dikirim.")
    assert att.source.kind == "anonymous"
    assert att.role == "senior official"
    assert att.source.affiliation == "US"


def test_pronoun_resolves_to_previous_named_source() -> None:
    att = _attr("Bupati Bogor Iwan Setiawan mengatakan banjir merendam 4 desa. Ia menyebut 800 warga mengungsi.", "800")
    assert att.who == "Iwan Setiawan"
    assert att.role == "Regent"


def test_not_yet_able_to_confirm_is_unverified() -> None:
    att = _attr("Kemenkes belum dapat memastikan 10 ribu kasus tersebut.")
    assert att.stance == "unverified"


def test_sentence_without_any_cue() -> None:
    att = _attr("Korea Utara mengirim 10.000 pasukan ke Rusia.")
    assert att.source is None and att.cue is None and att.via == ()


def test_attribute_rejects_a_position_outside_the_article() -> None:
    with pytest.raises(IndexError):
        attribute(_article("Satu kalimat saja."), 3)


def test_find_cues_prefers_negated_forms() -> None:
    cues = find_cues("Kyiv Independent belum dapat memverifikasi laporan ini.")
    assert [c.lemma for c in cues] == ["belum dapat memverifikasi"]


# --------------------------------------------------------------------------------------
# Entities
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase",
    [
        "Departemen Pertahanan Amerika Serikat (Pentagon)",
        "Pentagon",
        "Departemen Pertahanan AS",
        "Juru Bicara Pentagon Mayjen Pat Ryder",
        "juru bicara Pentagon, Sabrina Singh",
    ],
)
def test_pentagon_aliases_are_one_entity(phrase: str) -> None:
    source = parse_source(phrase)
    assert source is not None
    assert EntityResolver().resolve(source).key == "pentagon"


@pytest.mark.parametrize(
    "phrase",
    [
        "Sekjen NATO, Mark Rutte",
        "Sekretaris Jenderal NATO Mark Rutte",
        "Sekretaris Jenderal aliansi North Atlantic Treaty Organization (NATO) Mark Rutte",
        "Sekretaris Jenderal Pakta Pertahanan Atlantik Utara (NATO), Mark Rutte",
    ],
)
def test_nato_secretary_general_aliases(phrase: str) -> None:
    entity = EntityResolver().resolve(parse_source(phrase))
    assert entity.key == "person:mark rutte"
    assert entity.name == "Mark Rutte, NATO Secretary General"


def test_bare_surname_resolves_after_the_name_was_seen_with_its_role() -> None:
    resolver = EntityResolver()
    bare = parse_source("Rutte")
    assert resolver.resolve(bare).name == "Rutte"
    resolver.learn(parse_source("Sekjen NATO, Mark Rutte"))
    assert resolver.resolve(bare).name == "Mark Rutte, NATO Secretary General"


def test_ambiguous_name_part_stays_unresolved() -> None:
    resolver = EntityResolver()
    resolver.learn(parse_source("Kapolri Jenderal Listyo Sigit Prabowo"))
    resolver.learn(parse_source("Presiden Prabowo Subianto"))
    assert resolver.resolve(parse_source("Prabowo")).key == "person:prabowo"
    assert resolver.resolve(parse_source("Sigit")).key == "person:listyo sigit prabowo"


def test_intelligence_service_aliases() -> None:
    a = EntityResolver().resolve(parse_source("Badan Intelijen Korea Selatan"))
    b = EntityResolver().resolve(parse_source("Badan Intelijen Nasional Korea Selatan"))
    c = EntityResolver().resolve(
        parse_source("seorang pejabat dari Badan Intelijen Nasional Korea Selatan, yang tidak disebutkan namanya")
    )
    assert a.key == b.key == c.key == "nis"
    assert a.name == "South Korea's National Intelligence Service"


def test_acronym_in_parentheses_defines_an_alias() -> None:
    resolver = EntityResolver()
    long = parse_source("Badan Pengelola Keuangan Haji (BPKH)")
    resolver.learn(long)
    assert resolver.resolve(parse_source("BPKH")).key == resolver.resolve(long).key != "org:bpkh"


@pytest.mark.parametrize(
    ("text", "medium"),
    [
        ("Kyiv Independent", "Kyiv Independent"),
        ("kantor berita AFP", "AFP"),
        ("ABC News", "ABC News"),
        ("TRIBUNNEWS.COM", "Tribunnews"),
        ("Kontan", "Kontan"),
    ],
)
def test_outlets_are_media(text: str, medium: str) -> None:
    assert find_medium(text) == medium
    assert is_medium(text)
    assert parse_source(text).kind == "medium"


def test_roles_translate_with_their_organisations() -> None:
    cases = {
        "Menteri Luar Negeri Rusia Sergei Lavrov": ("Sergei Lavrov", "Foreign Minister", "Russia"),
        "Presiden Amerika Serikat Joe Biden": ("Joe Biden", "President", "the United States"),
        "Kepala BNPB Suharyanto": ("Suharyanto", "Head", "BNPB (National Disaster Management Agency)"),
        "Ketua KPU Hasyim Asyari": ("Hasyim Asyari", "Chair", "KPU (General Elections Commission)"),
        "Bupati Bantul Abdul Halim Muslih": ("Abdul Halim Muslih", "Regent", "Bantul"),
        "Dubes RI untuk Rusia Jose Tavares": ("Jose Tavares", "Ambassador", "Indonesia"),
        "Menteri Kesehatan Budi Gunadi Sadikin": ("Budi Gunadi Sadikin", "Health Minister", None),
    }
    for phrase, expected in cases.items():
        source = parse_source(phrase)
        assert (source.who, source.role, source.organization) == expected, phrase


def test_organisation_names_translate_word_by_word() -> None:
    assert translate_org("Kementerian Sosial") == "Ministry of Social Affairs"
    assert translate_org("Kedutaan Besar Rusia di Pyongyang") == "Russia's Embassy in Pyongyang"
    assert translate_org("Dinas Pemadam Kebakaran DKI Jakarta") == "DKI Jakarta Fire and Rescue Agency"
    assert translate_org("Universitas Indonesia") == "Universitas Indonesia"


# --------------------------------------------------------------------------------------
# Shapes seen in real Indonesian news beyond the seeds
# --------------------------------------------------------------------------------------


def test_dateline_before_the_source_is_dropped() -> None:
    att = _attr(
        "Jakarta (ANTARA News) - Direktur Penyidikan KPK Brigjen (Pol) Aris Budiman membantah menerima Rp 2 miliar."
    )
    assert att.who == "Aris Budiman"
    assert att.role == "Director of Investigations"
    assert att.stance == "denied"
    assert "ANTARA" not in (att.source_text or "")


def test_rank_phrases_are_not_names() -> None:
    att = _attr("Kapolres Bogor Ajun Komisaris Besar Rio Wahyu mengatakan 14 orang ditangkap.")
    assert att.who == "Rio Wahyu"


def test_temporal_clause_between_subject_and_verb() -> None:
    att = _attr("Juru bicara Basarnas, Yusuf Latif, saat itu mengatakan 60 penumpang telah dievakuasi.")
    assert att.who == "Yusuf Latif"
    assert att.organization == "Basarnas (National Search and Rescue Agency)"


def test_audience_before_the_subject_is_not_the_source() -> None:
    att = _attr("Kepada Sky Sports, Buffon mengatakan bahwa 2 laga tersisa akan menentukan.")
    assert att.who == "Buffon"
    assert att.via == ("Sky Sports",)


def test_concessive_clause_before_the_subject_is_skipped() -> None:
    att = _attr("Kendati membuka pintu keluar dari klub, Mourinho tetap menegaskan komitmen 100 persen bagi timnya.")
    assert att.who == "Mourinho"


def test_coach_of_a_club_then_name() -> None:
    att = _attr("Menurut pelatih Persib, Bojan Hodak, ada dua alasan kekalahan timnya.")
    assert (att.who, att.role, att.organization) == ("Bojan Hodak", "coach", "Persib")


def test_passive_at_the_start_takes_its_agent_without_oleh() -> None:
    att = _attr("Dikatakan Kapolsek Cilandak Kompol Wahyu, sebanyak 9 sepeda motor diamankan.")
    assert att.who == "Wahyu"
    assert att.role == "Sub-district Police Chief"


def test_regional_branch_of_a_national_body_is_its_own_organisation() -> None:
    att = _attr("KPU Jateng menyatakan pemilihan gubernur hanya diikuti dua pasangan calon.")
    assert att.organization_id == "KPU Jateng"
    assert att.who is None


def test_report_without_an_owner_is_not_a_person() -> None:
    att = _attr(
        "Berdasarkan laporan terbaru hari ini, korban jiwa dalam insiden tersebut bertambah menjadi tiga orang."
    )
    assert att.source is None
    assert att.cue == "berdasarkan"


def test_midsentence_parenthetical_kata_keeps_the_clause_out_of_the_source() -> None:
    att = _attr("Tiga hari kemudian, kata Argo, salah satu pelaku kembali melakukan pertemuan di hotel itu.")
    assert att.who == "Argo" and att.role is None


# --------------------------------------------------------------------------------------
# Any text
# --------------------------------------------------------------------------------------

_WORDS = st.sampled_from(
    "kata ujar menurut oleh dikonfirmasi membantah Pentagon NATO , . “ ” ( ) - seorang pejabat Barat "
    "10.000 sekitar bahwa yang Rutte Sekjen dikutip AFP Kyiv Independent ia Kapolda di pada tidak belum".split()
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(_WORDS | st.text(max_size=6), max_size=25).map(" ".join), min_size=1, max_size=4), st.data())
def test_attribute_never_fails_and_spans_stay_inside_their_sentence(texts: list[str], data: st.DataObject) -> None:
    sentences = [Sentence(i + 1, 1, t, tuple(find_figures(t))) for i, t in enumerate(texts)]
    pos = data.draw(st.integers(0, len(sentences) - 1))
    att = attribute(sentences, pos)
    assert isinstance(att.stance, Stance)
    for span, where in ((att.cue_span, att.cue_sentence), (att.source_span, att.source_sentence)):
        if span is not None:
            assert where is not None
            assert 0 <= span[0] <= span[1] <= len(sentences[where].text)
    if att.source is not None:
        assert att.source.kind not in ("medium", "reporter")


def test_passive_with_the_agent_right_after_the_verb() -> None:
    att = _attr("Namun, ada satu rahasia yang baru saja diungkapkan Nolan.")
    assert att.who == "Nolan"


def test_parenthetical_lanjut_governs_the_figure_after_it() -> None:
    att = _attr("Informasi sementara, lanjut Awang, akan difinalisasi selama tiga pekan mendatang.")
    assert att.who == "Awang"


@pytest.mark.parametrize(
    ("text", "organization"),
    [
        ("Menurut data World Bank, Indonesia memiliki lebih dari 50 juta murid.", "the World Bank"),
        (
            "Konsumsi rumah tangga berdasarkan data triwulanan BPS terus melambat menjadi 4,93 persen.",
            "BPS (Statistics Indonesia)",
        ),
    ],
)
def test_data_names_its_owner(text: str, organization: str) -> None:
    assert _attr(text).organization == organization


def test_quote_followed_by_hal_itu_disampaikan() -> None:
    att = _attr(
        '"Korban meninggal bertambah menjadi 25 orang." Hal itu disampaikan Kepala BNPB Suharyanto di Jakarta, Senin (2/12/2024).'
    )
    assert (att.who, att.role, att.source_sentence) == ("Suharyanto", "Head", 1)


def test_sebagaimana_disampaikan_names_a_source_but_seperti_dilaporkan_an_outlet() -> None:
    regent = _attr("Jumlah pengungsi mencapai 3.500 jiwa, sebagaimana disampaikan Bupati Cianjur Herman Suherman.")
    assert (regent.who, regent.role) == ("Herman Suherman", "Regent")
    outlet = _attr("Sekitar 40 orang tewas, seperti dilaporkan AFP.")
    assert (outlet.organization, outlet.via) == ("AFP", ())  # the origin of the report
    relayed = _attr("Sekitar 40 orang tewas, kata polisi seperti dilaporkan AFP.")
    assert relayed.role == "police" and relayed.via == ("AFP",)


def test_quote_with_kata_dia_resolves_the_pronoun() -> None:
    att = _attr(
        'Kapolres Jakarta Selatan Kombes Ade Rahmat mengatakan kasus itu masih diselidiki. "Ada 7 saksi yang sudah kami periksa," kata dia.',
        "7",
    )
    assert att.who == "Ade Rahmat"


def test_ujarnya_after_a_long_quote_finds_the_speaker_named_earlier() -> None:
    text = (
        "Ketua Umum Kadin Arsjad Rasjid mengatakan ekspor melemah. "
        '"Permintaan dari China turun." '
        '"Harga komoditas juga turun." '
        '"Kita harus mencari pasar baru, setidaknya 5 negara," ujarnya.'
    )
    att = _attr(text, "5")
    assert att.who == "Arsjad Rasjid"


def test_data_of_a_named_outfit_is_an_organisation() -> None:
    att = _attr("Berdasarkan data Billboard, tur itu mencapai lebih dari US$ 240 juta.")
    assert att.organization == "Billboard"
    assert att.who is None


# --------------------------------------------------------------------------------------
# Unseen news: quotations over several sentences, fronted cues, vocabulary
# --------------------------------------------------------------------------------------


def test_quote_speaker_named_where_the_quote_closes() -> None:
    sentences = _article(
        'Polisi menangkap seorang pemuda di Bekasi. "Dari laptopnya kami menemukan 1.000 video. '
        'Semuanya sudah kami sita," kata Kepala Bidang Humas Polda Metro Jaya Argo Yuwono.'
    )
    att = attribute(sentences, 1)
    assert att.who == "Argo Yuwono"
    assert att.cue == "kata" and att.stance == "reported"
    assert att.source_sentence == 2 and att.cue_sentence == 2
    assert "quote" in (att.note or "")


def test_quote_speaker_with_nya_resolves_before_the_quote_opens() -> None:
    sentences = _article(
        "Pemilik warung Siti Aminah mengatakan usahanya ramai. "
        "“ Kalau sehari bisa 250 mangkok. Sabtu bisa lebih banyak, ” ujarnya."
    )
    att = attribute(sentences, 1)
    assert att.who == "Siti Aminah"
    assert att.source_sentence == 0 and att.cue_sentence == 2


def test_quote_speaker_named_before_the_opening_mark() -> None:
    sentences = _article('Pelatih Persib Djadjang Nurdjaman mengatakan: "Kami butuh tiga poin. Itu target kami.')
    att = attribute(sentences, 0)
    assert att.who == "Djadjang Nurdjaman"


def test_the_quotes_speaker_beats_a_verb_inside_the_quote() -> None:
    att = _attr('"Pelaku mengakui punya uang USD 10 juta di luar negeri," kata Argo melalui keterangan tertulis.')
    assert att.who == "Argo"
    assert att.cue == "kata" and att.stance == "reported"


def test_quote_that_does_not_close_with_a_cue_names_no_speaker() -> None:
    sentences = _article('Ia datang pukul tujuh. "Saya menunggu dua jam di sana. Itu melelahkan."')
    att = attribute(sentences, 1)
    assert att.source is None


def test_a_figure_before_the_quote_is_not_quoted() -> None:
    att = _attr('Pada usia 53 tahun ia berpose untuk buku "Madame" yang terbit di Jepang, kata Budi.', "53")
    assert att.who == "Budi"


def test_fronted_kata_governs_its_sentence() -> None:
    att = _attr("Kata Amran, konsumsi daging ayam sekitar 10 kg per tahun.")
    assert att.who == "Amran" and att.cue == "kata"
    assert att.source_text == "Amran"
    assert _attr("Kata kunci itu terdiri dari 5 huruf.").source is None


def test_passive_explained_by_takes_its_agent() -> None:
    att = _attr("Namun, diterangkan oleh WHO, kematian akibat hepatitis bertambah 22 persen.")
    assert att.organization == "the World Health Organization"
    assert att.stance == "reported"


def test_more_post_cues_and_mengemukakan() -> None:
    att = _attr('Penjualan naik 20 persen, "beber Direktur Utama PT Maju Jaya Tbk, Andi Wijaya.')
    assert att.who == "Andi Wijaya"
    att = _attr("Herry Sudradjat mengemukakan, pangsa pasar Indonesia hanya 208.000 dolar.")
    assert att.who == "Herry Sudradjat" and att.cue == "mengemukakan"


def test_release_and_record_in_their_non_reporting_senses_are_no_cues() -> None:
    assert (
        _attr("Sting yang pekan lalu merilis album pertamanya dalam satu dekade mendapat penghargaan.").source is None
    )
    assert _attr("McCartney pernah mencatatkan pemasukan dari 146.845 tiket.").source is None
    assert _attr("Seusai mencatat skor imbang, Sung mencetak lima poin beruntun.").cue is None
    att = _attr("BPS merilis data 27 juta penduduk miskin.")
    assert att.cue == "merilis" and att.organization == "BPS (Statistics Indonesia)"


def test_dilansir_reuter_is_a_medium_not_part_of_the_source() -> None:
    att = _attr("Dilansir Reuter, PBB melaporkan 325 juta orang mengidap hepatitis.")
    assert att.organization == "the United Nations"
    assert "Reuters" in att.via


@pytest.mark.parametrize(
    ("phrase", "who", "role", "org"),
    [
        ("CEO Tesla Elon Musk", "Elon Musk", "CEO", "Tesla"),
        ("pelatih Persib Djadjang Nurdjaman", "Djadjang Nurdjaman", "coach", "Persib"),
        ("Co-Founder & CEO Ruangguru Belva Devara", "Belva Devara", "co-founder and CEO", "Ruangguru"),
        (
            "Menteri Pendidikan dan Kebudayaan Muhadjir Effendy",
            "Muhadjir Effendy",
            "Education and Culture Minister",
            None,
        ),
        ("Direktur Jenderal Perdagangan Luar Negeri Oke Nurwan", "Oke Nurwan", "Director General", "Foreign Trade"),
        # Garuda Indonesia is a known body of the shared alias file: shown by its canonical name
        (
            "Direktur Utama PT Garuda Indonesia (Persero) Tbk Arif Wibowo",
            "Arif Wibowo",
            "President Director",
            "Garuda Indonesia",
        ),
        ("Kapolda Metro Jaya Irjen Pol M Iriawan", "M Iriawan", "Regional Police Chief", "Metro Jaya Regional Police"),
        (
            "Menteri Koordinator Bidang Perekonomian Darmin Nasution",
            "Darmin Nasution",
            "Coordinating Minister for Economic Affairs",
            None,
        ),
        ("Konsul Jenderal RI di Istanbul, Turki, Herry Sudradjat", "Herry Sudradjat", "Consul General", None),
        ("Kepala Badan Pusat Statistik (BPS) Suhariyanto", "Suhariyanto", "Head", "BPS (Statistics Indonesia)"),
        ("Menteri Keuangan Sri Mulyani Indrawati", "Sri Mulyani Indrawati", "Finance Minister", None),
        ("Presiden Susilo Bambang Yudhoyono", "Susilo Bambang Yudhoyono", "President", None),
    ],
)
def test_role_organisation_and_name_come_apart(phrase: str, who: str, role: str, org: str | None) -> None:
    src = parse_source(phrase)
    assert src is not None
    assert (src.who, src.role) == (who, role)
    if org is not None:
        assert src.organization == org


def test_a_misspelt_rank_and_the_police_unit_stay_out_of_the_name() -> None:
    src = parse_source("Kepala Hubungan Bidang Humas Polda Metro Jaya Komisari Besar Argo Yuwono")
    assert src is not None and src.who == "Argo Yuwono"


def test_a_command_post_is_an_organisation() -> None:
    src = parse_source("Posko Angkutan Lebaran Bakauheni")
    assert src is not None and src.kind == "organization" and src.who is None


def test_when_asked_by_an_outlet_is_no_confirmation() -> None:
    att = _attr("Ketika dikonfirmasi CNNIndonesia, pemain 19 tahun itu mengatakan ia hanya cedera ringan.")
    assert att.stance != "confirmed"
    assert att.organization is None and att.who is None


def test_resolver_keeps_a_bare_first_name_inside_its_article() -> None:
    resolver = EntityResolver()
    resolver.learn(parse_source("Presiden Joko Widodo"), scope="001")  # type: ignore[arg-type]
    resolver.learn(parse_source("Sekjen NATO, Mark Rutte"), scope="001")  # type: ignore[arg-type]
    bare_joko = parse_source("Joko")
    bare_rutte = parse_source("Rutte")
    assert bare_joko is not None and bare_rutte is not None
    assert resolver.resolve(bare_joko, scope="001").name.startswith("Joko Widodo")
    assert resolver.resolve(bare_joko, scope="002").name == "Joko"  # another article's Joko
    assert resolver.resolve(bare_rutte, scope="002").name.startswith("Mark Rutte")  # a surname travels


def test_relative_clause_and_place_after_a_named_speaker_are_not_the_source() -> None:
    att = _attr('Saya berlatih dua jam sehari, "kata Yayan yang baru pulang syuting di Jepang.')
    assert att.source_text == "Yayan"
    att = _attr('Ada 135 orang asing di sana, "kata Kepala Dinas Perikanan Eddy Santoso di Timika, Kamis.')
    assert att.source_text == "Kepala Dinas Perikanan Eddy Santoso"
    assert att.who == "Eddy Santoso"


def test_a_refusal_in_the_next_sentence_is_no_confirmation() -> None:
    sentences = _article(
        "Perusahaan itu punya sertifikat halal Korea untuk 23 produk. Namun di Indonesia, sertifikat itu tidak diakui MUI."
    )
    att = attribute(sentences, 0)
    assert att.stance != "confirmed" and att.source is None


def test_opinion_verbs_name_their_source() -> None:
    att = _attr("Ekonom Indef Bhima Yudhistira menilai pertumbuhan hanya 5 persen tahun ini.")
    assert att.who == "Bhima Yudhistira" and att.cue == "menilai"


def test_a_descriptor_ending_in_tersebut_points_to_the_speaker_named_before() -> None:
    sentences = _article(
        "Bek Timnas Malaysia Adib Zainudin mengatakan timnya siap. "
        '"Kami perlu tiga poin," kata pemain berusia 22 tahun tersebut.'
    )
    att = attribute(sentences, 1)
    assert att.who == "Adib Zainudin" and att.source_sentence == 0


def test_a_quoted_paragraph_goes_on_with_the_previous_quotes_speaker() -> None:
    sentences = _article(
        "“ Semua orang tahu siapa yang terbaik, ” cetus Ronaldo. “ Dia tidak pernah menang. Saya punya tiga! ”"
    )
    att = attribute(sentences, 2)
    assert att.who == "Ronaldo" and att.source_sentence == 0
    # without a speaker before it, a quotation stays unattributed
    alone = _article("Cuaca cerah hari itu. “ Dia tidak pernah menang. Saya punya tiga! ”")
    assert attribute(alone, 2).source is None


def test_passive_with_its_agent_then_a_verb_governs_what_follows() -> None:
    att = _attr("Dalam video itu, Aris disebut Miryam menemui anggota DPR dan meminta Rp 2 miliar.")
    assert att.who == "Miryam" and att.cue == "disebutkan"
    assert att.stance == Stance.ALLEGED  # Miryam's account of what Aris did is an accusation


def test_guaranteeing_that_something_did_not_happen_is_a_denial() -> None:
    assert _attr("Kapolres Bogor AKBP Rio Wahyu menjamin tidak ada 5 korban jiwa.").stance == Stance.DENIED


def test_capitalised_dan_before_a_name_is_part_of_the_name() -> None:
    src = parse_source("vice president Garmin Dan Bartel")
    assert src is not None and (src.who, src.organization) == ("Dan Bartel", "Garmin")


def test_an_indonesian_ministry_name_followed_by_a_country_is_that_countrys() -> None:
    src = parse_source("Kementerian Kesehatan Arab Saudi")
    assert src is not None and src.organization == "Saudi Arabia's Ministry of Health" and src.who is None
    assert parse_source("Kementerian Kesehatan").organization == "Ministry of Health"  # type: ignore[union-attr]
    pentagon = parse_source("Kementerian Pertahanan Amerika Serikat")
    assert pentagon is not None and pentagon.organization == "Pentagon (US Department of Defense)"


# --------------------------------------------------------------------------------------
# Stances: a closed set, each with its cues
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "stance", "who"),
    [
        ("Kapolres Bogor AKBP Rio Wahyu membenarkan 14 orang ditangkap.", Stance.CONFIRMED, "Rio Wahyu"),
        ("Menteri Kesehatan Budi Sadikin mengonfirmasi 12 kasus baru.", Stance.CONFIRMED, "Budi Sadikin"),
        ("Bupati Garut Rudy Gunawan mengatakan 300 rumah rusak.", Stance.REPORTED, "Rudy Gunawan"),
        ("Kepala BPS Suhariyanto menyebutkan inflasi 3 persen.", Stance.REPORTED, "Suhariyanto"),
        ("Direktur Utama PT Maju Jaya Andi Wijaya mengklaim 2 juta pengguna aktif.", Stance.CLAIMED, "Andi Wijaya"),
        ("Juru bicara Kremlin Dmitry Peskov membantah 500 tentara tewas.", Stance.DENIED, None),
        ("Wali Kota Surabaya Eri Cahyadi menepis kabar 40 sekolah ditutup.", Stance.DENIED, "Eri Cahyadi"),
        ("Ekonom Indef Bhima Yudhistira memperkirakan pertumbuhan 4,8 persen.", Stance.ESTIMATED, "Bhima Yudhistira"),
        (
            "Lana Soelistianingsih memprediksi rupiah menguat ke 14.200 per dolar.",
            Stance.PREDICTED,
            "Lana Soelistianingsih",
        ),
        ("Penyidik menduga 3 orang terlibat dalam kasus itu.", Stance.ALLEGED, None),
        ("Majelis hakim memutuskan 5 terdakwa bersalah.", Stance.DECIDED, None),
        ("Komisi Disiplin PSSI menjatuhkan sanksi denda Rp 100 juta kepada klub itu.", Stance.DECIDED, None),
        ("Kyiv Independent belum dapat memverifikasi laporan 300 korban itu.", Stance.UNVERIFIED, None),
    ],
)
def test_each_stance_comes_from_its_verb(text: str, stance: Stance, who: str | None) -> None:
    att = _attr(text)
    assert att.stance == stance
    if who is not None:
        assert att.who == who


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Sekitar 5.000 warga diperkirakan mengungsi.", Stance.ESTIMATED),
        ("Produk itu diklaim dipakai 3 juta orang.", Stance.CLAIMED),
        ("Uang sebanyak Rp 2 miliar diduga mengalir ke rekening pejabat.", Stance.ALLEGED),
        ("Harga beras diprediksi naik 10 persen bulan depan.", Stance.PREDICTED),
        ("Kerugian ditaksir mencapai Rp 5 miliar.", Stance.ESTIMATED),
    ],
)
def test_an_agentless_passive_keeps_its_stance_with_no_source(text: str, stance: Stance) -> None:
    att = _attr(text)
    assert att.stance == stance
    assert att.source is None


def test_a_verb_before_a_closing_kata_keeps_its_stance_when_the_speaker_is_its_subject() -> None:
    att = _attr("KPK menetapkan 3 tersangka baru, kata Juru Bicara KPK Tessa Mahardhika.")
    assert att.who == "Tessa Mahardhika" and att.stance == Stance.DECIDED
    att = _attr('"Kami memperkirakan 5.000 orang akan hadir," ujar Kapolres Bogor AKBP Rio Wahyu.')
    assert att.who == "Rio Wahyu" and att.stance == Stance.ESTIMATED
    # someone else's admission inside a spokesman's quote stays his report
    att = _attr('"Pelaku mengakui menerima Rp 10 juta," kata Kabid Humas Polda Metro Jaya Argo Yuwono.')
    assert att.who == "Argo Yuwono" and att.stance == Stance.REPORTED


def test_a_first_person_estimate_in_a_quote_is_the_speakers() -> None:
    sentences = _article(
        "Kepala BNPB Suharyanto mengatakan pencarian masih berlangsung. "
        '"Prediksi kami, korban bisa mencapai 50 orang. Tim terus bekerja," kata Suharyanto.'
    )
    att = attribute(sentences, 1)
    assert att.who == "Suharyanto" and att.stance == Stance.PREDICTED


def test_stance_is_a_string_valued_closed_set() -> None:
    assert [s.value for s in Stance] == [
        "confirmed",
        "decided",
        "reported",
        "estimated",
        "predicted",
        "claimed",
        "alleged",
        "unverified",
        "denied",
    ]
    assert Stance("estimated") == "estimated" and Stance.DENIED.rank == len(Stance) - 1


def test_an_agentless_hedge_inside_a_named_statement_is_that_sources_estimate() -> None:
    att = _attr("BNPB mencatat sekitar 5.000 warga diperkirakan masih mengungsi.")
    assert att.organization == "BNPB (National Disaster Management Agency)"
    assert att.stance == Stance.ESTIMATED


# --------------------------------------------------------------------------------------
# Scope: the figure or only the event it describes
# --------------------------------------------------------------------------------------


def test_hal_itu_dibenarkan_confirms_the_figure() -> None:
    att = _attr("Sebanyak 300 rumah rusak berat. Hal itu dibenarkan oleh Kepala BPBD Garut, Satria Budi.")
    assert (att.who, att.scope, att.event) == ("Satria Budi", "figure", None)


def test_a_source_confirming_the_event_in_the_next_sentence_gives_no_figure() -> None:
    att = _attr(
        "Sekitar 2.000 tentara dilaporkan tiba di perbatasan. "
        "Kedatangan pasukan itu dikonfirmasi oleh Menteri Pertahanan Ukraina Rustem Umerov."
    )
    assert (att.who, att.stance, att.scope, att.event) == ("Rustem Umerov", "confirmed", "event", "the arrival")
    assert att.event_text.startswith("Kedatangan pasukan")
    att = _attr(
        "Sebanyak 40 orang ditangkap dalam razia semalam. "
        "Kapolres Bogor AKBP Rio Wahyu membenarkan penangkapan puluhan orang dalam razia itu.",
        "40",
    )
    assert (att.who, att.scope, att.event) == ("Rio Wahyu", "event", "the arrest")


def test_an_unlisted_event_noun_is_kept_as_written() -> None:
    att = _attr(
        "Sebanyak 12 kapal asing memasuki perairan Natuna. "
        "Penyusupan kapal asing itu dibenarkan oleh Panglima TNI Agus Subiyanto."
    )
    assert (att.scope, att.event, att.event_text) == ("event", None, "Penyusupan kapal asing itu")


def test_an_event_of_something_else_is_no_back_reference() -> None:
    att = _attr(
        "Sebanyak 40 orang ditangkap dalam razia semalam. Kapolri membenarkan kedatangan presiden ke Bogor.", "40"
    )
    assert att.source is None


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Lionel Messi juga mendapat hukuman 21 bulan penjara.", Stance.DECIDED),
        ("Ronaldo menyelesaikan kasus tuduhan penggelapan pajak sebesar € 14,7 juta.", Stance.ALLEGED),
        ("Mourinho masih dalam penyelidikan terkait penggelapan pajak sebesar £ 2,94 juta.", Stance.ALLEGED),
        ("Pada Desember Tesla menargetkan bisa memproduksi 20.000 mobil per bulan.", Stance.PREDICTED),
    ],
)
def test_noun_and_light_verb_cues_carry_their_stance(text: str, stance: Stance) -> None:
    assert _attr(text).stance == stance


def test_menurutnya_and_dikatakannya_resolve_their_pronoun() -> None:
    for opener in ("Menurutnya", "Dikatakannya"):
        sentences = _article(
            f"Camat Kutabaharu, Sofyan, mengatakan danau itu ramai. {opener}, danau ini punya tiga pulau kecil."
        )
        att = attribute(sentences, 1)
        assert att.who == "Sofyan" and att.source_sentence == 0, opener


def test_a_passive_agent_after_the_figure_and_its_noun() -> None:
    att = _attr("Pemain itu dijatuhi hukuman 16 bulan penjara oleh pengadilan Spanyol karena penggelapan pajak.")
    assert att.stance == Stance.DECIDED
    assert att.source_text == "pengadilan Spanyol"


def test_a_named_manager_is_a_person_not_the_stall_she_runs() -> None:
    att = _attr("Ruth Tulus Subekti, pengelola Dawet Telasih mengaku dapat menjual hingga 250 mangkok.")
    assert att.who == "Ruth Tulus Subekti" and att.stance == Stance.REPORTED
    entity = EntityResolver().resolve(att.source)
    assert entity.key == "person:ruth tulus subekti"
    # unnamed, the same role speaks for the body
    assert EntityResolver().resolve(parse_source("seorang pengelola BPBD Garut")).key.startswith("org:bpbd")


# --------------------------------------------------------------------------------------
# The article record: who was named last
# --------------------------------------------------------------------------------------


def test_a_reason_after_a_statement_is_the_speakers() -> None:
    sentences = _article(
        "Pengamat ekonomi James Adam mengatakan Flores layak menjadi pusat energi terbarukan. "
        "Sebab, Flores ini memiliki 16 titik potensi panas bumi."
    )
    att = attribute(sentences, 1)
    assert (att.who, att.source_sentence) == ("James Adam", 0)
    assert "previous sentence" in (att.note or "")


def test_an_addition_with_its_own_subject_is_not_the_previous_speakers() -> None:
    sentences = _article(
        "Bupati Azwar Anas menjelaskan rencana pariwisata daerahnya. "
        "Selain itu, Kemenhub akan menganggarkan dana sebesar Rp 2 triliun."
    )
    assert attribute(sentences, 1).source is None
    sentences = _article(
        "Kapolda Metro Jaya Irjen Gatot Eddy Pramono mengatakan pelaku sudah ditangkap. "
        "Sementara itu, harga cabai naik 10 persen."
    )
    assert attribute(sentences, 1).source is None


def test_a_descriptor_resolves_to_the_person_named_last_even_without_a_cue() -> None:
    sentences = _article(
        "Bek tengah Timnas Malaysia U-22, Adib Zainudin, sesumbar bisa mengalahkan Indonesia. "
        "Adib yakin skuatnya lebih baik. "
        '"Kami perlu mendapat tiga poin," kata pemain berusia 22 tahun tersebut.'
    )
    att = attribute(sentences, 2)
    assert att.who in ("Adib Zainudin", "Adib") and att.source_sentence in (0, 1)


def test_a_genitive_name_or_a_place_is_no_subject_to_resolve_to() -> None:
    sentences = _article(
        "Channing Tatum batal menjadi sutradara. "
        "Namun skandal seks Harvey Weinstein menghentikan langkahnya. "
        "Ia menyebut 3 proyek dibatalkan."
    )
    assert attribute(sentences, 2).who != "Harvey Weinstein"
    sentences = _article(
        "Pulau Flores ada di NTT. Flores ini memiliki 16 titik panas bumi. Ia menyebut 3 titik sudah dibor."
    )
    assert attribute(sentences, 2).source is None


def test_a_channel_phrase_holding_the_figure_is_not_what_was_announced() -> None:
    att = _attr("Aktor itu mengumumkan pengunduran dirinya melalui Instagram dengan 15 juta pengikut.")
    assert att.source is None


def test_a_named_publication_is_a_source_kept_as_written() -> None:
    att = _attr("Berdasarkan data Statistik Peternakan Tahun 2016, populasi ayam ras mencapai 1,59 miliar ekor.")
    assert att.source.kind == "document" and att.organization == "Statistik Peternakan Tahun 2016"
    att = _attr("Berdasarkan database KPU Jatim untuk Pilkada 2018, TPS tersebar di 666 kecamatan.")
    assert att.organization_id == "KPU Jatim"


def test_a_passive_inside_a_named_document_is_the_documents() -> None:
    att = _attr("Dalam website Unpad dijelaskan juga, tiap kamarnya berisi 2 tempat tidur.")
    assert att.organization == "Unpad" and att.stance == Stance.REPORTED


def test_a_lower_case_function_word_is_no_organisation() -> None:
    assert parse_source("dan") is None
    att = _attr(
        "Jumlahnya naik: 100 unit di bulan Agustus, dan pada bulan Desember Tesla menargetkan 20.000 unit per bulan.",
        "20.000",
    )
    assert att.who == "Tesla" and att.stance == Stance.PREDICTED


def test_an_audience_before_a_pronoun_subject_keeps_the_pronoun() -> None:
    sentences = _article(
        "Camat Kutabaharu, Sofyan, menyatakan danau itu ramai. "
        "Kepada pemerintah setempat ia meminta agar danau yang dalamnya 15 meter ini dijaga."
    )
    assert attribute(sentences, 1).who == "Sofyan"


# --------------------------------------------------------------------------------------
# Names, roles and bodies come apart; labels are English or as written, never half of each
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "label"),
    [
        ("Menteri Kesehatan Malaysia", "Malaysian Health Minister"),  # the office, not the country
        ("Pemerintah lokal Malaysia", "Malaysia's local government"),
        (
            "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi (KemenPANRB)",
            "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi (KemenPANRB)",
        ),  # kept as written
        ("Kepala Kantor Staf Presiden Moeldoko", "Moeldoko, Head of the Presidential Staff Office"),
        ("Kapolres Bogor AKBP Andi Moch Dicky", "Andi Moch Dicky, Bogor District Police Chief"),
        (
            "Direktur Jenderal Pajak Kementerian Keuangan Robert Pakpahan",
            "Robert Pakpahan, Director General of Tax, Ministry of Finance",
        ),
        ("Plt Bupati Bogor, Iwan Setiawan", "Iwan Setiawan, acting Bogor Regent"),
        ("Analis Samuel Sekuritas Lana Soelistianingsih", "Lana Soelistianingsih, Samuel Sekuritas analyst"),
        ("Direktur PT Sinar Harapan Makmur Budi Santoso", "Budi Santoso, Director of PT Sinar Harapan Makmur"),
        ("CEO Tesla", "Tesla CEO"),
    ],
)
def test_labels_are_english_or_as_written(phrase: str, label: str) -> None:
    assert EntityResolver().resolve(parse_source(phrase)).name == label  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("phrase", "who", "role"),
    [
        ("Atase Pendidikan KBRI Tokyo Ahmad Budi Cahyono", "Ahmad Budi Cahyono", "education attaché"),
        (
            "Juru Bicara Kepolisian Provinsi Jawa Barat, Trunoyudo Wisnu Andiko",
            "Trunoyudo Wisnu Andiko",
            "spokesperson",
        ),
        ("Pelaksana Tugas Gubernur Aceh Nova Iriansyah", "Nova Iriansyah", "acting Governor"),
        ("Kepala Dinas Kelautan dan Perikanan (DKP) Mimika Eddy Santoso", "Eddy Santoso", "Head"),
        ("Ketua KPU Jawa Tengah Joko Purnomo", "Joko Purnomo", "Chair"),
    ],
)
def test_role_words_and_places_stay_out_of_names(phrase: str, who: str, role: str) -> None:
    source = parse_source(phrase)
    assert source is not None and (source.who, source.role) == (who, role)


def test_a_company_named_like_a_web_address_is_a_company_when_it_speaks() -> None:
    att = _attr("Dompetku.id mencatat 2 juta transaksi sepanjang tahun lalu.")
    assert att.source.kind == "organization" and att.organization == "Dompetku.id" and att.via == ()
    outlet = _attr("Kompas.com melaporkan 20 orang tewas.")
    assert (outlet.organization, outlet.via) == ("Kompas", ())  # an outlet, the origin of its report


def test_the_shared_alias_file_names_well_known_people_and_bodies() -> None:
    assert EntityResolver().resolve(parse_source("Jokowi")).name == "Joko Widodo"  # type: ignore[arg-type]
    resolver = EntityResolver()
    resolver.learn(parse_source("Presiden Joko Widodo"))  # type: ignore[arg-type]
    assert resolver.resolve(parse_source("Jokowi")).name == "Joko Widodo, President"  # type: ignore[arg-type]
    # a body the alias file knows and bodies.tsv does not
    assert EntityResolver().resolve(parse_source("Mahkamah Agung")).name == "MA (Supreme Court)"  # type: ignore[arg-type]
    assert EntityResolver().resolve(parse_source("Kementan")).name == "Ministry of Agriculture"  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------
# The tagger tells names from capitalised words
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Menanggapi hal itu, warga mengatakan 300 rumah rusak.",
        "Terlebih lagi, ia mengatakan 300 rumah rusak.",
        "Marketplace itu mencatat 3 juta transaksi.",
        "Balapan ini hanya membutuhkan empat lap.",
    ],
)
def test_a_capitalised_word_that_is_no_name_is_no_source(text: str) -> None:
    att = _attr(text)
    assert att.who is None and att.organization is None


def test_a_word_the_tagger_reads_as_no_name_is_left_out_of_the_source() -> None:
    att = _attr("Menanggapi hal itu, Menteri Kesehatan Budi Sadikin mengatakan 12 kasus baru ditemukan.")
    assert (att.who, att.role) == ("Budi Sadikin", "Health Minister")
    att = _attr("Pembalap Rio Haryanto mengatakan ia sudah 3 tahun tidak balapan.")
    assert att.who == "Rio Haryanto"  # "Pembalap" (racer) is a noun to the tagger, not a name


def test_a_name_opening_its_sentence_is_kept_when_the_article_capitalises_it_elsewhere() -> None:
    sentences = _article(
        "Film itu diproduseri oleh Rama Adi. "
        "Rama juga memaparkan bahwa film tersebut sudah didistribusikan ke 18 negara."
    )
    assert attribute(sentences, 1).who == "Rama"


def test_the_speaker_of_a_quote_is_not_the_source_of_a_figure_in_the_clause_about_him() -> None:
    att = _attr('"Otak sapi," kata Kobi, yang pernah menghabiskan 57 otak sapi dalam 15 menit.')
    assert att.source is None


def test_a_character_named_in_an_epithet_is_no_source_and_no_body() -> None:
    att = _attr('"Syuting berlangsung 120 hari," kata Woody Harrelson, pemeran Tasu Leech.')
    assert att.who == "Woody Harrelson" and att.organization is None
    assert "Tasu Leech" not in EntityResolver().resolve(att.source).name


def test_a_plain_sentence_between_two_statements_of_one_source_is_part_of_its_account() -> None:
    sentences = _article(
        '"Kegiatan itu tidak mengganggu kuliah," ujar Prof Budi Setiabudiawan. '
        "Setiap kamar akan diisi dua hingga empat mahasiswa. "
        "Prof Budi menilai kapasitas asrama belum memadai."
    )
    att = attribute(sentences, 1)
    assert att.who == "Budi Setiabudiawan" and att.source_sentence == 0
    # two different sources around it: nobody's
    sentences = _article(
        "Kapolres Bogor AKBP Rio Wahyu mengatakan razia digelar semalam. "
        "Sebanyak 40 motor terjaring. "
        "Bupati Bogor Ade Yasin menyebut razia akan rutin."
    )
    assert attribute(sentences, 1).source is None


@pytest.mark.parametrize(
    ("text", "who", "stance"),
    [
        ('"Ada 12 peserta tahun ini," tutupnya.', None, Stance.REPORTED),
        ("Norman tidak terdaftar dalam 30 pelamar yang disebarkan PSSI ke media.", None, Stance.REPORTED),
        ("Goldblum tidak menjelaskan apakah 3 tawaran itu ditolaknya.", "Goldblum", Stance.UNVERIFIED),
        ('"Kami berharap 5.000 penonton datang," harap Ketua Panitia Andi Wijaya.', "Andi Wijaya", Stance.PREDICTED),
    ],
)
def test_more_cue_forms(text: str, who: str | None, stance: Stance) -> None:
    att = _attr(text)
    assert att.stance == stance
    if who is not None:
        assert att.who == who
    if "PSSI" in text:
        assert att.source_text == "PSSI"


def test_a_nickname_aside_between_subject_and_verb_is_skipped() -> None:
    assert (
        _attr("Budi Gunadi Sadikin, sapaan akrab BGS, mengatakan 12 kasus baru ditemukan.").who == "Budi Gunadi Sadikin"
    )


def test_demikian_disampaikan_names_the_source_of_its_sentence_or_the_one_before() -> None:
    assert _attr("Demikian disampaikan Kepala BNPB Suharyanto bahwa 25 orang meninggal.").who == "Suharyanto"
    sentences = _article(
        "Sebanyak 25 orang meninggal akibat banjir. Demikian disampaikan Kepala BNPB Suharyanto di Jakarta."
    )
    att = attribute(sentences, 0)
    assert (att.who, att.scope, att.source_sentence) == ("Suharyanto", "figure", 1)


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "Kepala Pusat Data, Informasi dan Humas BNPB Sutopo Purwo Nugroho menyatakan 25 orang meninggal.",
            "Sutopo Purwo Nugroho",
        ),  # a comma inside the role
        (
            "Dalam konferensi pers di Jakarta, Senin (12/6), Kepala BPS Suhariyanto mengumumkan inflasi 0,39 persen.",
            "Suhariyanto",
        ),  # a day is no name
        ("Pengamat politik dari Universitas Indonesia Arbi Sanit menilai 10 partai akan lolos.", "Arbi Sanit"),
    ],
)
def test_common_shapes_of_a_source_in_its_sentence(text: str, who: str) -> None:
    assert _attr(text).who == who


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("BMKG memprakirakan hujan lebat terjadi di 20 provinsi.", Stance.PREDICTED),
        ("Kepala BPS Suhariyanto menguraikan inflasi mencapai 3 persen.", Stance.REPORTED),
        ("BPS menerbitkan data 27 juta penduduk miskin.", Stance.REPORTED),
        ("Menteri Keuangan Sri Mulyani menjanjikan 5 juta lapangan kerja.", Stance.PREDICTED),
    ],
)
def test_more_reporting_and_forecast_verbs_name_their_subject(text: str, stance: Stance) -> None:
    att = _attr(text)
    assert att.source is not None and att.stance == stance
