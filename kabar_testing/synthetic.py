"""Random-weight Argos packages built on the spot, for tests and benchmarks (never for users).

A real Argos package is a zip of `<dir>/metadata.json`, `<dir>/model/` (a CTranslate2
model) and `<dir>/sentencepiece.model`. `build_package` makes one with the same layout:
a SentencePiece model trained on the given texts and a CTranslate2 Transformer whose
weights are random, so its output is noise but the whole loading and decoding path is
the real one. Nothing here touches the network.

Public API:
    build_package(out: Path, texts, *, version="1.0", from_code="id", to_code="en",
                  layers=1, d_model=32, heads=2, ffn=64, vocab_size=400, pad_vocab_to=None,
                  quantization=None, target_prefix="", seed=0) -> Path
"""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path


def _train_sentencepiece(texts: Iterable[str], vocab_size: int) -> bytes:
    import sentencepiece as spm

    lines = [line.strip() for text in texts for line in text.splitlines() if line.strip()]
    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=model,
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        hard_vocab_limit=False,
        bos_id=1,
        eos_id=2,
        unk_id=0,
        pad_id=-1,
        minloglevel=2,
        num_threads=1,
    )
    return model.getvalue()


def _fill_random(spec, d_model: int, ffn: int, vocab: int, seed: int) -> None:
    """Give every required variable of a Transformer spec a random value of the right shape."""
    import numpy as np

    rng = np.random.default_rng(seed)

    def rand(*shape: int, scale: float = 0.2):
        return (rng.standard_normal(shape) * scale).astype(np.float32)

    def norm(layer_norm) -> None:
        layer_norm.gamma = np.ones(d_model, dtype=np.float32)
        layer_norm.beta = np.zeros(d_model, dtype=np.float32)

    def linear(spec_linear, rows: int, cols: int) -> None:
        spec_linear.weight = rand(rows, cols)
        spec_linear.bias = np.zeros(rows, dtype=np.float32)

    def self_attention(layer) -> None:
        norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], 3 * d_model, d_model)
        linear(layer.self_attention.linear[1], d_model, d_model)

    def feed_forward(layer) -> None:
        norm(layer.ffn.layer_norm)
        linear(layer.ffn.linear_0, ffn, d_model)
        linear(layer.ffn.linear_1, d_model, ffn)

    for embeddings in spec.encoder.embeddings:
        embeddings.weight = rand(vocab, d_model, scale=1.0)
    spec.decoder.embeddings.weight = rand(vocab, d_model, scale=1.0)
    norm(spec.encoder.layer_norm)
    norm(spec.decoder.layer_norm)
    linear(spec.decoder.projection, vocab, d_model)
    for layer in spec.encoder.layer:
        self_attention(layer)
        feed_forward(layer)
    for layer in spec.decoder.layer:
        self_attention(layer)
        norm(layer.attention.layer_norm)
        linear(layer.attention.linear[0], d_model, d_model)
        linear(layer.attention.linear[1], 2 * d_model, d_model)
        linear(layer.attention.linear[2], d_model, d_model)
        feed_forward(layer)


def build_package(
    out: Path,
    texts: Iterable[str],
    *,
    version: str = "1.0",
    from_code: str = "id",
    to_code: str = "en",
    layers: int = 1,
    d_model: int = 32,
    heads: int = 2,
    ffn: int = 64,
    vocab_size: int = 400,
    pad_vocab_to: int | None = None,
    quantization: str | None = None,
    target_prefix: str = "",
    seed: int = 0,
) -> Path:
    """Write a random-weight `.argosmodel` to `out` and return its path."""
    import sentencepiece as spm
    from ctranslate2.specs import transformer_spec

    sp_bytes = _train_sentencepiece(texts, vocab_size)
    sp = spm.SentencePieceProcessor(model_proto=sp_bytes)
    tokens = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    if pad_vocab_to and pad_vocab_to > len(tokens):
        tokens += [f"<extra_{i}>" for i in range(pad_vocab_to - len(tokens))]
    if target_prefix and target_prefix not in tokens:
        tokens.append(target_prefix)

    spec = transformer_spec.TransformerSpec.from_config(layers, heads)
    _fill_random(spec, d_model, ffn, len(tokens), seed)
    spec.register_source_vocabulary(tokens)
    spec.register_target_vocabulary(tokens)
    spec.validate()
    spec.optimize(quantization=quantization)

    folder = f"translate-{from_code}_{to_code}-{version.replace('.', '_')}"
    metadata = {
        "package_version": version,
        "argos_version": "1.9",
        "from_code": from_code,
        "from_name": from_code,
        "to_code": to_code,
        "to_name": to_code,
        "type": "translate",
    }
    if target_prefix:
        metadata["target_prefix"] = target_prefix
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        model_dir = Path(tmp) / "model"
        model_dir.mkdir()
        spec.save(str(model_dir))
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zf:
            zf.writestr(f"{folder}/metadata.json", json.dumps(metadata, indent=2))
            zf.writestr(f"{folder}/sentencepiece.model", sp_bytes)
            zf.writestr(f"{folder}/README.md", "Random weights; for tests and benchmarks only.\n")
            for file in sorted(model_dir.iterdir()):
                zf.write(file, f"{folder}/model/{file.name}")
    return out
