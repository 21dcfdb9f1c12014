"""Attribution by construction: each test is one shape of Indonesian attribution, in invented sentences.

The shapes follow a grammar of news attribution (a subject and a reporting verb, a passive
with its agent, "menurut" / "kata" / "ujar" and the speaker, appositions, the origin of a
report), so that a rule is tested as a rule, not on the judged articles it was found in.
"""

from __future__ import annotations

import pytest

from tests.nlp.test_attribution import _attr


@pytest.mark.parametrize(
    ("text", "organization"),
    [
        ("Menurut laporan Bloomberg, 300 karyawan akan dirumahkan bulan depan.", "Bloomberg"),
        ("Sebagaimana dilaporkan Sky News, klub itu membayar 80 juta pound.", "Sky News"),
        (
            "Berdasarkan dokumen Kementerian Perhubungan, bandara itu berjarak 15 kilometer dari pusat kota.",
            "Ministry of Transportation",
        ),
        ("Menurut penelitian yang dilakukan oleh NASA, tanaman itu menyerap 87 persen racun.", "NASA"),
        (
            "Menurut keterangan resmi yang diterima kumparan dari PT Angkasa Pura II, ada 200 penerbangan tambahan.",
            "PT Angkasa Pura II",
        ),
        ("Mengutip Mayo Clinic, ada 5 gejala awal penyakit itu.", "Mayo Clinic"),
        (
            "Tanaman ini tumbuh 3 meter per tahun, seperti dikutip dari laman resmi Kebun Raya Bogor.",
            "Kebun Raya Bogor",
        ),
    ],
)
def test_a_named_report_site_or_outlet_is_the_origin_when_nobody_speaks(text: str, organization: str) -> None:
    att = _attr(text)
    assert att.source is not None and att.who is None
    assert att.organization is not None and organization in att.organization
    assert att.stance == "reported"


@pytest.mark.parametrize(
    "text",
    [
        "Dilansir AFP, 12 orang tewas dalam banjir itu.",
        "Seperti dikutip dari Reuters, harga minyak naik 3 persen.",
        "Menurut laporan terbaru, 50 orang masih hilang.",
        "Berdasarkan data trafik tahun lalu, lonjakan terjadi di 8 kota besar.",
        "Menurut info yang diterima kumparan, layanan dihentikan di 3 kota.",
    ],
)
def test_a_relaying_outlet_or_an_unnamed_report_names_no_source(text: str) -> None:
    assert _attr(text).source is None


def test_a_site_a_speaker_was_quoted_from_is_the_medium() -> None:
    att = _attr("Dilansir Healthline, dokter gizi Anna Smith mengatakan 3 gelas sehari sudah cukup.")
    assert att.who == "Anna Smith" and att.via == ("Healthline",)


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "Bahkan lanjut Hendra, 3 unit sudah dikirim ke Surabaya.",
            "Hendra",
        ),  # a fronted "lanjut X," after a connective
        ("Dua gol itu, seperti kata Pratama, jadi bukti tim sudah pulih.", "Pratama"),  # "seperti kata X" inside
        (
            "Sebagai kota yang punya pelabuhan besar, Surya menyebut 12 kapal tiba tiap hari.",
            "Surya",
        ),  # a clause, then X
        ("Aplikasi yang dikembangkan sejumlah BUMN, DompetKu, mengklaim punya 40 juta pengguna.", "DompetKu"),
    ],
)
def test_the_speaker_after_a_fronted_or_inserted_clause(text: str, who: str) -> None:
    att = _attr(text)
    assert who in (att.who, att.organization)


def test_seperti_yang_dikatakan_takes_its_agent_in_any_case() -> None:
    att = _attr("Jumlah korban mencapai 12 orang, seperti yang dikatakan polisi.")
    assert att.role == "police" and att.stance == "reported"


def test_a_yang_clause_speaks_for_the_phrase_just_before_it() -> None:
    att = _attr(
        "Peneliti Budi Hartono mengumpulkan cerita dari warga setempat yang mengaku melihat harimau 30 tahun lalu."
    )
    assert att.who is None  # the residents say so, not the researcher


def test_denying_a_report_that_states_the_figure_is_a_denial() -> None:
    att = _attr("Polisi menepis kabar yang menyebutkan 20 orang tewas dalam bentrokan itu.")
    assert att.role == "police" and att.stance == "denied"


@pytest.mark.parametrize(
    "text",
    [
        "Menurut Anda, apakah denda Rp 7 miliar itu masuk akal?",  # the reader, asked
        "Persib tengah berjuang untuk memastikan tiga poin di laga terakhir.",  # an aim, not a statement
        "Prasasti itu memuat 11 gambar yang diduga dibuat oleh suku Maya.",  # the agent of another verb
    ],
)
def test_no_source_where_nobody_states_the_figure(text: str) -> None:
    assert _attr(text).source is None


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Menurut keterangan Kapolda Jawa Tengah, Irjen Ahmad Lutfi granat itu berasal dari 1 anggota.", "Ahmad Lutfi"),
        (
            "Dokter kulit sekaligus pendiri klinik Derma, Anita Sari, SpKK, menyarankan 2 kali mandi sehari.",
            "Anita Sari",
        ),
        # a sentence end the splitter missed: the name after it, not the sentence before, speaks
        (
            (
                "Emas itu dititipkan ke PT Pegadaian (Persero). Kepala Divisi Emas Pegadaian Heri Santosa mengatakan "
                "jumlahnya 60 ton."
            ),
            "Heri Santosa",
        ),
    ],
)
def test_a_name_after_its_title(text: str, who: str) -> None:
    assert _attr(text).who == who


@pytest.mark.parametrize(
    ("text", "organization"),
    [
        ("Melansir Cosmopolitan, 90 persen parfum pria beraroma segar.", "Cosmopolitan"),  # a magazine: the origin
        ("Mengutip data perdagangan Reuters, dolar naik ke Rp 14.120.", "Reuters"),  # the agency's own data
        ("Pada tahun ini, dari data penjualan Gaikindo, Toyota sudah menjual 62.628 unit.", "Gaikindo"),
        (
            "Dalam studi yang dilakukan oleh Baylor College of Medicine, sebanyak 34 partisipan diperiksa.",
            "Baylor College of Medicine",
        ),
    ],
)
def test_more_origins(text: str, organization: str) -> None:
    att = _attr(text)
    assert att.organization is not None and organization in att.organization


def test_inside_a_clause_dilansir_is_a_launch_not_a_relay() -> None:
    assert (
        _attr("Jam tangan itu dilansir Samsung di Indonesia, berselang enam bulan dari generasi pertamanya.").source
        is None
    )


@pytest.mark.parametrize(
    "text",
    [
        "Perusahaan mengerahkan 30 unit BTS di lokasi yang diprediksi mengalami lonjakan trafik.",  # the locations
        "Tol layang sepanjang 36,4 km itu dipastikan beroperasi saat libur Natal.",  # a measure of the subject
        "Tol ini memangkas waktu tempuh menjadi 30 menit, sehingga diharapkan mendukung pelabuhan.",  # next clause
        "Terowongan itu dihiasi 11 gambar yang diduga dibuat oleh suku Maya.",  # who made them, not how many
        "Sepuluh menit pertama begitu menjanjikan karena ada 4 percobaan.",  # an adjective
        "Mesin 108 cc itu berpendingin udara yang menjanjikan tenaga 6,5 dk.",  # a thing's property
        "Permintaannya adalah memastikan kenop pintu dibersihkan setiap dua jam.",  # a duty, not a statement
        "Kiper itu menepis 19 dari 21 tembakan.",  # saves, not a denial
    ],
)
def test_a_stance_word_that_does_not_govern_the_figure(text: str) -> None:
    att = _attr(text)
    assert att.source is None and att.stance == "reported"


def test_a_projection_of_the_figure_itself_keeps_its_stance() -> None:
    assert _attr("30 persen dari itu yang diproyeksikan untuk belanja alat.").stance == "predicted"


def test_a_descriptor_with_nobody_named_before_names_no_source() -> None:
    # "Anggota Komisi X DPR itu" points back to someone; with nobody named earlier, the body is not the source
    alone = _attr("Anggota Komisi III DPR itu menjelaskan, rapat akan membahas 5 rancangan undang-undang.")
    assert alone.source is None
    after = _attr(
        "Anggota Komisi III DPR Arsul Sani mengatakan rapat sudah dijadwalkan. "
        "Anggota Komisi III DPR itu menjelaskan, rapat akan membahas 5 rancangan undang-undang."
    )
    assert after.who == "Arsul Sani"


def test_two_outlets_as_one_origin_and_no_appositive_after_menurut_x() -> None:
    att = _attr("Mengutip data perdagangan Reuters dan Financial Times, dolar dibuka di Rp 14.048.")
    assert att.organization is not None and "Reuters" in att.organization and "Financial Times" in att.organization
    guide = _attr("Menurut pemandu wisata, Bulguksa punya program menginap dua hari.")
    assert guide.who is None and guide.role == "guide"


@pytest.mark.parametrize(
    ("text", "organization"),
    [
        (
            "Pew Research Center, pusat penelitian di AS, merilis, 13 persen wanita berpenghasilan lebih tinggi.",
            "Pew Research Center",
        ),  # a description between the name and its verb
        ("Lembaga survei Indikator, lembaga riset politik, merilis, 40 persen responden belum memilih.", "Indikator"),
    ],
)
def test_a_body_described_between_its_name_and_its_verb(text: str, organization: str) -> None:
    att = _attr(text)
    assert att.organization is not None and organization in att.organization


def test_an_unnamed_salesperson_does_not_speak_for_the_company() -> None:
    from bot.corpus.figures.query import parse_figure
    from bot.nlp.claims import find_claims
    from tests.nlp.test_attribution import _article

    report = find_claims(
        [("a", _article("Salah satu tenaga penjual Toyota mengatakan diskon mencapai Rp 20 juta."))],
        parse_figure("Rp 20 juta"),
    )
    assert [g.name for g in report.groups] == ["unnamed Toyota salesperson"]


@pytest.mark.parametrize(
    ("text", "name", "stance"),
    [
        ("Penjualan itu sedikit di bawah target pangsa pasar Honda sebesar 20 persen.", "Honda", "predicted"),
        ("Angka itu melampaui perkiraan Bank Dunia sebesar 5,1 persen.", "World Bank", "estimated"),
        ("Menurut survei, pangsa pasarnya 21 persen (Canalys) dan 19 persen (IDC).", "Canalys", "reported"),
        ("Dalam dakwaan terdakwa Budi Santoso, disebut 12 anggota dewan menerima suap.", "dakwaan", "alleged"),
    ],
)
def test_a_source_tied_to_the_figure_itself(text: str, name: str, stance: str) -> None:
    att = _attr(text)
    assert att.organization is not None and name in att.organization and att.who is None
    assert att.stance == stance


@pytest.mark.parametrize(
    "text",
    [
        "Pelatih itu sangat menginginkan kembalinya pemain 27 tahun tersebut.",  # the writer's description
        "Menurut pria 34 tahun itu, latihan berjalan lancar.",
    ],
)
def test_an_age_that_points_back_to_someone_is_the_writers(text: str) -> None:
    att = _attr(text)
    assert att.source is None and att.stance == "reported"


def test_a_hedge_before_another_verb_does_not_hedge_that_verbs_figure() -> None:
    att = _attr("Ledakan diduga akibat granat asap melukai dua anggota TNI.")
    assert att.stance == "reported"
    assert _attr("Banjir diperkirakan merusak 500 rumah warga.").stance == "estimated"
    assert _attr("Ia diduga kuat menerima suap Rp 2 miliar dari pengusaha itu.").stance == "alleged"


@pytest.mark.parametrize(
    ("text", "who", "organization", "stance"),
    [
        (
            "Manajer tim, Andi Wijaya, menampik kabar bahwa gaji pemain tertunggak 3 bulan.",
            "Andi Wijaya",
            None,
            "denied",
        ),
        ("PSSI menampik tudingan pengaturan skor di 5 pertandingan.", None, "PSSI", "denied"),
        ("Setidaknya 10 orang tewas dalam serangan itu, lapor kantor berita Yonhap.", None, "Yonhap", "reported"),
        ("Survei Litbang Kompas menunjukkan 60 persen responden puas.", None, "Litbang Kompas", "reported"),
        ("Berdasarkan catatan kepolisian, ada 15 kecelakaan selama mudik.", None, "Police", "reported"),
        (
            "Menurut Kepala Pusat Data, Informasi, dan Humas BNPB Agus Wibowo, 21 orang meninggal.",
            "Agus Wibowo",
            "BNPB",
            "reported",
        ),
        (
            (
                "Pengamat dari Institute for Development of Economics and Finance (Indef), Bhima Yudhistira, memperkirakan "
                "inflasi 3 persen."
            ),
            "Bhima Yudhistira",
            "Institute for Development of Economics and Finance",
            "estimated",
        ),
    ],
)
def test_more_shapes_of_a_source(text: str, who: str | None, organization: str | None, stance: str) -> None:
    att = _attr(text)
    assert att.who == who and att.stance == stance
    if organization is not None:
        assert att.organization is not None and organization in att.organization


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Tata, Head of Hospitality dari Full Color Entertainment, mengaku menyiapkan 5 kamar.", "Tata"),
        ("Zulkifli mengatakan, ada 20 peserta yang mendaftar.", "Zulkifli"),  # a word no dictionary lists
        ('"Ada 20 peserta," ujar pria yang akrab disapa Kang Emil itu.', "Kang Emil"),
    ],
)
def test_a_speaker_named_once_at_the_start_or_by_a_nickname(text: str, who: str) -> None:
    assert _attr(text).who == who


@pytest.mark.parametrize("text", ["Lagu itu menyebut 3 kota.", "Desainnya menunjukkan 4 lapisan."])
def test_a_common_word_opening_the_sentence_is_no_speaker(text: str) -> None:
    assert _attr(text).source is None


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Menurut perkiraan BPS, jumlah penduduk miskin mencapai 25 juta orang.", "estimated"),
        ("Berdasarkan proyeksi Bank Dunia, ekonomi tumbuh 5 persen.", "predicted"),
        ("Asian Development Bank memangkas proyeksi pertumbuhan menjadi 5 persen.", "predicted"),
        ("Apple dikabarkan akan merilis 3 iPhone baru.", "unverified"),
    ],
)
def test_documents_and_verbs_that_forecast(text: str, stance: str) -> None:
    assert _attr(text).stance == stance


def test_degrees_after_a_name_are_not_the_name() -> None:
    att = _attr("Direktur RSUD Prof Dr Budi Santoso, dr., Sp. A(K), M.Kes., mengatakan, ada 2 program baru.")
    assert att.who == "Budi Santoso"


def test_a_quote_closed_with_a_pronoun_is_the_speakers_words_not_the_quoted_subjects() -> None:
    att = _attr(
        "Kepala Humas Polda Bali Hengky Widjaja mengatakan pelaku sudah ditangkap. "
        '"Setelah ditunggu, tersangka tidak kembali dan melaporkan 2 kejadian itu," jelasnya.',
        "2",
    )
    assert att.who == "Hengky Widjaja"


def test_a_list_its_origin_introduced_is_the_origins() -> None:
    att = _attr(
        "Mengutip Healthline, berikut beberapa manfaat kulit jeruk. Kulit jeruk punya banyak nutrisi. "
        "Dalam 100 gram kulit jeruk ada 135 miligram vitamin C.",
        "135",
    )
    assert att.organization == "Healthline" and att.source_sentence == 0


def test_a_plain_sentence_between_a_statement_and_the_same_speakers_quote_is_the_speakers() -> None:
    att = _attr(
        "Ruth Subekti, pengelola warung itu, mengaku bisa menjual 250 mangkok. "
        'Satu porsi dipatok harga Rp 9.000. "Kalau pakai tape lebih mahal," ujarnya.',
        "Rp 9.000",
    )
    assert att.who == "Ruth Subekti"


@pytest.mark.parametrize(
    "text",
    [
        "Gol Eder di menit akhir memastikan kemenangan Inter 2-1 atas 10 pemain lawan.",
        "Ia harus mengakui keunggulan lawan yang mencetak 21 poin.",
    ],
)
def test_securing_or_conceding_is_no_confirmation(text: str) -> None:
    assert _attr(text).stance == "reported"


@pytest.mark.parametrize(
    "text",
    [
        "Menurut data terbaru, harga naik 5 persen (YoY) bulan lalu.",
        "Menurut laporan itu, harga naik 5 persen (Senin).",
        "Menurut laporan itu, nilainya Rp 5 miliar (USD 350 ribu).",
    ],
)
def test_a_code_or_a_unit_in_brackets_is_no_source(text: str) -> None:
    assert _attr(text).source is None


@pytest.mark.parametrize(
    "text", ["Ronaldo mencatat 2 gol dalam laga tersebut.", "Persib mencatat 5 kemenangan beruntun."]
)
def test_recording_an_achievement_is_no_report(text: str) -> None:
    assert _attr(text).source is None


@pytest.mark.parametrize(
    ("text", "who", "role", "stance"),
    [
        (
            "Sebanyak 6 juta wisatawan datang tahun ini, diungkapkan Kepala Dinas Pariwisata Bali Putu Astawa.",
            "Putu Astawa",
            "Head",
            "reported",
        ),
        ("Tim kuasa hukum terdakwa membantah kliennya menerima Rp 5 miliar.", None, "legal team", "denied"),
        ("Terdakwa dituntut 10 tahun penjara oleh jaksa penuntut umum KPK.", None, "public prosecutor", "alleged"),
        ("Berdasarkan hasil penyelidikan sementara, kerugian ditaksir mencapai Rp 2 miliar.", None, None, "estimated"),
        ("Menurut data BPS, 5.000 warga diperkirakan mengungsi.", None, None, "estimated"),
    ],
)
def test_passives_legal_wording_and_hedges_under_a_named_origin(
    text: str, who: str | None, role: str | None, stance: str
) -> None:
    att = _attr(text)
    assert (att.who, att.role, att.stance) == (who, role, stance)


@pytest.mark.parametrize(
    ("text", "organization", "stance"),
    [
        ("Estimasi Bank Dunia, ekonomi tumbuh 25 persen.", "World Bank", "estimated"),
        ("Proyeksi IMF, ekonomi tumbuh 25 persen.", "IMF", "predicted"),
    ],
)
def test_a_forecast_noun_and_its_owner_opening_the_sentence(text: str, organization: str, stance: str) -> None:
    att = _attr(text, "25 persen")
    assert att.organization is not None and organization in att.organization and att.stance == stance


def test_a_forecast_noun_with_no_owner_names_no_one() -> None:
    att = _attr("Perkiraan sementara, ada 25 korban.", "25")
    assert att.source is None
