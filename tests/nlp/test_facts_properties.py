"""Properties of merging: symmetric, and never one item for sentences whose figures conflict."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.nlp.facts import fact_clusters, same_fact, supports
from bot.nlp.happening import fact_figures
from bot.nlp.textvec import stems, tfidf_vectors

SUBJECTS = ["Polda Metro Jaya", "Kementerian Perdagangan", "Warga Bekasi", "Tim SAR gabungan", "Pemerintah provinsi"]
VERBS = ["menahan", "mengirim", "menemukan", "mengevakuasi", "mendata"]
OBJECTS = ["tersangka penipuan", "kapal nelayan", "korban banjir", "ton beras impor", "rumah rusak"]
PLACES = ["di Jakarta", "di Pelabuhan Pomako", "di tiga kecamatan", "sejak Senin pagi", ""]
MARKS = ["", "telah", "akan", "tidak", "belum bisa"]
SOURCES = ["", ", kata Kepala BPBD", ", kata juru bicara Polri", ", menurut Menteri Pertanian"]
UNITS = ["", " persen", " ribu"]
OTHERS = [
    "Harga cabai rawit di pasar induk naik menjadi Rp 80.000 per kilogram.",
    "Banjir merendam ratusan rumah di tiga kecamatan sejak Senin pagi.",
]


@st.composite
def sentences(draw, figure: int | None = None) -> str:
    number = draw(st.integers(2, 5000)) if figure is None else figure
    count = f"{number}{draw(st.sampled_from(UNITS))} " if figure is not None or draw(st.booleans()) else ""
    words = [
        draw(st.sampled_from(SUBJECTS)),
        draw(st.sampled_from(MARKS)),
        draw(st.sampled_from(VERBS)),
        count + draw(st.sampled_from(OBJECTS)),
        draw(st.sampled_from(PLACES)),
    ]
    return " ".join(w for w in words if w) + draw(st.sampled_from(SOURCES)) + "."


def _same(a: str, b: str) -> bool:
    texts = [a, b, *OTHERS]
    vectors = tfidf_vectors([stems(t) for t in texts])
    support = supports(texts)
    return same_fact(vectors[0], vectors[1], support[0], support[1])


@settings(max_examples=150, deadline=None)
@given(sentences(), sentences())
def test_merging_is_symmetric(a: str, b: str) -> None:
    assert _same(a, b) == _same(b, a)


@settings(max_examples=150, deadline=None)
@given(st.data(), st.integers(2, 5000), st.integers(2, 5000))
def test_sentences_with_conflicting_figures_never_merge(data, x: int, y: int) -> None:
    a = data.draw(sentences(figure=x))
    b = data.draw(st.sampled_from([a.replace(str(x), str(y), 1), data.draw(sentences(figure=y))]))
    if fact_figures(a) != fact_figures(b):
        assert not _same(a, b)


@settings(max_examples=60, deadline=None)
@given(st.lists(sentences(), min_size=2, max_size=8))
def test_one_item_never_holds_conflicting_figures(texts: list[str]) -> None:
    vectors = tfidf_vectors([stems(t) for t in texts])
    articles = [f"{k:03d}" for k in range(len(texts))]
    for cluster in fact_clusters(articles, vectors, supports(texts)):
        assert len({fact_figures(texts[k]) for k in cluster}) == 1
