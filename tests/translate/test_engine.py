"""The CTranslate2 engine on a real (tiny, random) package: batching, lengths, prefix, loading."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from bot.config import Settings
from bot.errors import ModelCorrupt
from bot.translate import packages
from bot.translate.engine import HARD_MAX_TOKENS, DecodeOptions, Engine

from .conftest import install, seed_article


def _engine(settings: Settings, package: Path, **options) -> Engine:
    install(settings, package)
    info = packages.installed(settings.models_dir)[0]
    return Engine(info, DecodeOptions(**options))


def test_one_output_per_sentence_in_order_with_bounded_batches(settings: Settings, id_en_package: Path) -> None:
    engine = _engine(settings, id_en_package, batch_size=4, max_ratio=1.5)
    sentences = [s.text for s in seed_article(3).sentences]
    assert not engine.loaded
    out = engine.translate(sentences)
    assert engine.loaded
    assert len(out) == len(sentences)
    assert all(isinstance(t, str) and t for t in out)
    assert engine.decoded_sentences == len(sentences)
    assert math.ceil(len(sentences) / 4) <= engine.decode_calls < len(sentences)


def test_batches_are_bounded_and_of_similar_length() -> None:
    engine = Engine.__new__(Engine)
    engine.options = DecodeOptions(batch_size=4)
    lengths = [1, 2, 3, 5, 9, 10, 11, 12, 13, 14, 30, 31, 100]
    batches = engine._batches([(i, ["x"] * n) for i, n in enumerate(lengths)])
    assert [[len(tokens) for _, tokens in batch] for batch in batches] == [
        [1, 2, 3, 5],
        [9, 10, 11, 12],
        [13, 14],
        [30, 31],
        [100],
    ]


def test_output_length_is_capped_relative_to_input(settings: Settings, id_en_package: Path) -> None:
    engine = _engine(settings, id_en_package, max_ratio=0.5)
    engine.load()
    sentence = seed_article(3).sentences[0].text
    tokens_in = len(engine._sp.encode(sentence, out_type=str))
    out = engine.translate([sentence])[0]
    tokens_out = len(engine._sp.encode(out, out_type=str))
    # decoded pieces re-encode to about as many pieces; allow slack for detokenisation
    assert tokens_out <= engine._max_length(tokens_in) + 4
    assert engine._max_length(10_000) == HARD_MAX_TOKENS


def test_empty_sentences_are_not_decoded(settings: Settings, id_en_package: Path) -> None:
    engine = _engine(settings, id_en_package)
    out = engine.translate(["", "Korea Utara mengirim pasukan.", "   "])
    assert out[0] == "" and out[2] == "" and out[1]
    assert engine.decoded_sentences == 1


def test_batched_equals_one_by_one_in_count(settings: Settings, id_en_package: Path) -> None:
    engine = _engine(settings, id_en_package, beam_size=1)
    sentences = [s.text for s in seed_article(0).sentences][:6]
    assert len(engine.translate_one_by_one(sentences)) == len(engine.translate(sentences)) == len(sentences)


def test_target_prefix_is_forced_and_stripped(settings: Settings, en_de_package: Path) -> None:
    engine = _engine(settings, en_de_package)
    assert engine.package.target_prefix == "__de__"
    out = engine.translate(["North Korea sent troops.", "More than ten thousand soldiers."])
    assert len(out) == 2
    assert all("__de__" not in text for text in out)


def test_options_key_tracks_what_changes_output() -> None:
    base = DecodeOptions()
    assert base.key() == DecodeOptions(batch_size=8, threads=1).key()
    assert base.key() != DecodeOptions(beam_size=4).key()
    assert base.key() != DecodeOptions(max_ratio=3.0).key()


def test_a_model_that_does_not_load_is_reported_as_corrupt(settings: Settings, id_en_package: Path) -> None:
    engine = _engine(settings, id_en_package)
    (engine.package.model_dir / "model.bin").write_bytes(b"garbage")
    with pytest.raises(ModelCorrupt) as info:
        engine.translate(["Halo."])
    assert "kabar models remove id en" in str(info.value)
