"""Single-article summaries: valid indices, short inputs, no NLTK data, the "news" method."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.corpus.reader import read_article
from bot.nlp.summarize import METHODS, NewsWeights, news_features, pick_news, summarize_sentences
from bot.nlp.topic import summarize_topic
from tests.nlp.seeds import seed_candidates

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


def _article(article_id: str):
    return read_article(next(SEEDS.glob(f"{article_id}_*.txt")))


# ----------------------------------------------------------------------------- no NLTK


def _forbid_nltk(monkeypatch: pytest.MonkeyPatch) -> None:
    import nltk
    import nltk.data

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"NLTK data was requested: {args!r}")

    monkeypatch.setattr(nltk, "download", refuse)
    monkeypatch.setattr(nltk.data, "find", refuse)
    monkeypatch.setattr(nltk.data, "load", refuse)


@pytest.mark.parametrize("method", METHODS)
def test_every_method_runs_without_nltk_data(monkeypatch: pytest.MonkeyPatch, method: str) -> None:
    _forbid_nltk(monkeypatch)
    sentences = [s.text for s in _article("000").sentences]
    chosen = summarize_sentences(sentences, 3, method)
    assert len(chosen) == 3
    topic = summarize_topic(seed_candidates()[:30], n=4, method=method, query_terms=("kursk",))
    assert len(topic.items) >= 1 and len(topic.items) <= 4


def test_importing_summaries_loads_neither_sumy_nor_nltk_nor_torch(tmp_path: Path) -> None:
    code = (
        "import sys, bot.nlp.summarize, bot.nlp.topic, bot.nlp.language\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'sumy', 'nltk', 'torch'})\n"
        "print(','.join(bad))\n"
        "from bot.nlp.summarize import summarize_sentences\n"
        "print(summarize_sentences(['Satu kalimat di sini.', 'Dua kalimat lagi ada.', 'Tiga.'], 2, 'lexrank'))\n"
        "print('torch' in sys.modules)\n"
    )
    env = {"PATH": "/usr/bin:/bin", "NLTK_DATA": str(tmp_path), "HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == ""  # nothing heavy at import time
    assert lines[-1] == "False"  # not even after running sumy


# ----------------------------------------------------------------------------- single document


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("article_id", ["001", "004"])
def test_indices_are_valid_distinct_in_order_and_at_most_n(method: str, article_id: str) -> None:
    sentences = [s.text for s in _article(article_id).sentences]
    for n in (1, 3, 5):
        chosen = summarize_sentences(sentences, n, method)
        assert len(chosen) == n
        assert chosen == sorted(set(chosen))
        assert all(0 <= i < len(sentences) for i in chosen)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    sentences=st.lists(
        st.text(alphabet=st.sampled_from(list('abcdeiu AKR.,"1,0')), min_size=0, max_size=40), max_size=9
    ),
    n=st.integers(min_value=0, max_value=6),
    method=st.sampled_from(METHODS),
)
def test_any_input_gives_valid_indices(sentences: list[str], n: int, method: str) -> None:
    chosen = summarize_sentences(sentences, n, method)
    usable = [i for i, s in enumerate(sentences) if s.strip()]
    assert chosen == sorted(set(chosen))
    assert set(chosen) <= set(usable)
    assert len(chosen) == min(max(n, 0), len(usable))


@pytest.mark.parametrize("method", METHODS)
def test_short_inputs(method: str) -> None:
    assert summarize_sentences([], 3, method) == []
    assert summarize_sentences(["Hanya satu kalimat."], 3, method) == [0]
    assert summarize_sentences(["Satu kalimat.", "Dua kalimat."], 3, method) == [0, 1]
    assert summarize_sentences(["Satu.", "  ", "Tiga kalimat."], 3, method) == [0, 2]
    assert summarize_sentences(["Satu.", "Dua.", "Tiga.", "Empat."], 0, method) == []


def test_repeated_sentences_give_distinct_indices() -> None:
    sentences = ["Rusia mengirim tentara ke Kursk."] * 4 + ["Ukraina menolak klaim Rusia di Kursk."]
    for method in METHODS:
        chosen = summarize_sentences(sentences, 3, method)
        assert len(chosen) == 3 and chosen == sorted(set(chosen)), method


def test_unknown_method_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown summary method"):
        summarize_sentences(["a.", "b."], 1, "bogus")


def test_lead_takes_the_first_sentences() -> None:
    sentences = [f"Kalimat nomor {i} tentang banjir Jakarta." for i in range(6)]
    assert summarize_sentences(sentences, 3, "lead") == [0, 1, 2]


def test_news_skips_quotations_speech_tags_and_fragments_in_the_lead() -> None:
    sentences = [
        "Pemerintah Provinsi DKI Jakarta menutup sementara tiga pintu air setelah banjir merendam 40 kelurahan.",
        '"Kami terus memantau situasi dengan saksama.',
        'Semua petugas siaga," kata Kepala Dinas Sumber Daya Air.',
        "Banjir merendam 40 kelurahan di Jakarta Timur dan Jakarta Utara sejak Senin pagi.",
        "Ketinggian air di pintu air Manggarai mencapai 950 sentimeter, status siaga satu.",
        "Warga yang mengungsi ditampung di sekolah dan masjid terdekat.",
    ]
    assert summarize_sentences(sentences, 3, "lead") == [0, 1, 2]
    assert summarize_sentences(sentences, 3, "news") == [0, 3, 4]


def test_news_weights_change_the_choice() -> None:
    sentences = [s.text for s in _article("004").sentences]
    features = news_features(sentences)
    plain = NewsWeights(centrality=0, lead_similarity=0, quote=0, attribution=0, short=0)
    assert pick_news(features, 3, plain) == [0, 1, 2]  # the position prior alone is lead-3
    assert pick_news(features, 3) == summarize_sentences(sentences, 3, "news")
