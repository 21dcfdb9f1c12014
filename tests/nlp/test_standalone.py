"""Showing a sentence so that it reads on its own, every change marked."""

from __future__ import annotations

from bot.nlp.standalone import CUT, readable

FEBRI = "Juru bicara KPK Febri Diansyah mengatakan penyidik telah memeriksa tiga saksi pada Senin."


def test_a_sentence_that_reads_on_its_own_is_shown_as_it_is() -> None:
    shown = readable("Badan Intelijen Korea Selatan mengungkap pengiriman pasukan ke Rusia.", [])
    assert (shown.text, shown.before, shown.tier) == (
        "Badan Intelijen Korea Selatan mengungkap pengiriman pasukan ke Rusia.",
        None,
        0,
    )


def test_a_leading_connective_is_cut_and_the_cut_marked() -> None:
    shown = readable("Selain itu Departemen Pertahanan AS membenarkan pengiriman 10.000 prajurit ke Rusia.")
    assert shown.text == f"{CUT} Departemen Pertahanan AS membenarkan pengiriman 10.000 prajurit ke Rusia."
    assert shown.tier == 0


def test_a_connective_is_kept_when_the_rest_does_not_stand_alone() -> None:
    context = ["Jumlah pengguna Snapchat tetap stabil meski layanannya ditiru Instagram."]
    shown = readable("Pun begitu dengan jumlah pengguna Instagram.", context)
    assert shown.text == "Pun begitu dengan jumlah pengguna Instagram." and shown.before == context[0]


def test_an_opening_pronoun_becomes_the_name_in_brackets() -> None:
    shown = readable("Ia menyatakan bahwa KPK akan memanggil saksi lain pekan depan.", [FEBRI])
    assert shown.text == "[Febri Diansyah] menyatakan bahwa KPK akan memanggil saksi lain pekan depan."
    assert shown.tier == 0 and shown.before is None
    shown = readable("Menurutnya, pemeriksaan akan dilanjutkan pekan depan di gedung KPK.", [FEBRI])
    assert shown.text == "Menurut [Febri Diansyah], pemeriksaan akan dilanjutkan pekan depan di gedung KPK."


def test_a_quotation_shows_its_speaker() -> None:
    quote = '"Kami akan memanggil saksi lain pekan depan," katanya.'
    assert readable(quote, [FEBRI]).text == '"Kami akan memanggil saksi lain pekan depan," kata [Febri Diansyah].'
    # a quotation with no speaker at all comes after the sentence naming who speaks, or not at all
    bare = '"Kami akan memanggil saksi lain pekan depan."'
    assert readable(bare, [FEBRI]).before == FEBRI
    assert readable(bare, ["Pemeriksaan berlangsung delapan jam di gedung KPK."]).tier == 2


def test_what_points_at_the_sentence_before_is_shown_after_it() -> None:
    claim = "Ukraina mengklaim telah menewaskan enam perwira asal Pyongyang di Donetsk."
    shown = readable("Namun hal itu langsung dibantah oleh Kremlin.", ["Ada kabar lain.", claim])
    assert (shown.before, shown.tier) == (claim, 1)
    # a sentence before that leans back itself does not help
    shown = readable("Namun hal itu langsung dibantah oleh Kremlin.", ["Ia mengatakan hal itu kemarin."])
    assert (shown.before, shown.tier) == (None, 2)
    # and without the article's sentences nothing can be done
    assert readable("Ia menyatakan bahwa KPK akan memanggil saksi lain.", []).tier == 2


def test_a_pronoun_that_is_not_a_speaker_gets_no_guessed_name() -> None:
    # "Ia" is the suspect, not the police chief who spoke: no name beats a wrong one
    context = ["Kapolres Budi Santoso mengatakan tersangka Andi melarikan diri ke Bekasi."]
    shown = readable("Ia ditangkap di rumah kerabatnya pada Selasa malam.", context)
    assert "[" not in shown.text and shown.before == context[0] and shown.tier == 1
