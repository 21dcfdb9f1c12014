"""Batched CTranslate2 + SentencePiece decoding of already segmented sentences (synchronous).

One `Engine` per package and process (the `Translations` façade owns them). It loads the
CTranslate2 model and the SentencePiece model once, on first use, and translates a list
of sentences in batches: sentences are sorted by token length and cut into batches of
at most `batch_size` and similar length (little padding, few wasted decoding steps),
all submitted at once so the translator's workers (one per core) decode them side by side;
each sentence may decode at most `max_ratio` times its input length (plus a small
margin, never more than `HARD_MAX_TOKENS`) so a bad model cannot run away. The
package's `target_prefix` (metadata.json) is forced as the first target token and
removed from the output wherever it appears. Argos's own sentence splitters are never
used: callers pass sentences.

Decoding is CPU-bound and blocking; call it off the event loop (the façade uses
`asyncio.to_thread` behind a semaphore). `decoded_sentences` counts every sentence that
went through the model, so tests can prove a cache hit decoded nothing.

Public API:
    DecodeOptions(beam_size=2, max_ratio=2.0, batch_size=16, threads=0)
    DecodeOptions.key() -> str                       # hash of what changes the output
    Engine(package: PackageInfo, options: DecodeOptions)
    engine.translate(sentences: list[str]) -> list[str]
    engine.translate_one_by_one(sentences) -> list[str]   # naive baseline for the benchmark
    engine.decoded_sentences: int
    engine.loaded: bool
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import threading
from dataclasses import asdict, dataclass
from typing import Any

from bot.errors import ModelCorrupt
from bot.translate.packages import PackageInfo

HARD_MAX_TOKENS = 512
MIN_DECODE_TOKENS = 8
LENGTH_SPREAD = 1.3  # longest/shortest token count allowed within one batch ...
LENGTH_SLACK = 4  # ... plus this many tokens, so short sentences still batch together


@dataclass(frozen=True)
class DecodeOptions:
    """How sentences are decoded; only fields that change the output enter `key()`."""

    beam_size: int = 2
    max_ratio: float = 2.0
    batch_size: int = 16
    threads: int = 0  # 0: every core (one batch per core at a time)
    compute_type: str = "int8"

    def key(self) -> str:
        """Short stable hash of the output-relevant options (part of the cache key)."""
        relevant = {"beam_size": self.beam_size, "max_ratio": self.max_ratio, "compute_type": self.compute_type}
        return hashlib.sha256(json.dumps(relevant, sort_keys=True).encode()).hexdigest()[:16]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class Engine:
    """A loaded package: tokenise, decode in length-sorted batches, detokenise."""

    def __init__(self, package: PackageInfo, options: DecodeOptions | None = None) -> None:
        self.package = package
        self.options = options or DecodeOptions()
        self.decoded_sentences = 0
        self.decode_calls = 0
        self._translator: Any = None
        self._sp: Any = None
        self._load_lock = threading.Lock()
        self._run_lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._translator is not None

    def unload(self) -> None:
        """Drop both models; the next translation loads them again."""
        with self._load_lock:
            self._translator = None
            self._sp = None

    def _compute_type(self) -> str:
        import ctranslate2

        wanted = self.options.compute_type
        if wanted == "auto":
            return "auto"
        supported = ctranslate2.get_supported_compute_types("cpu")
        return wanted if wanted in supported else "auto"

    def load(self) -> None:
        """Load both models (idempotent, thread-safe); raise ModelCorrupt if they do not load."""
        if self._translator is not None:
            return
        with self._load_lock:
            if self._translator is not None:
                return
            import ctranslate2
            import sentencepiece as spm

            threads = self.options.threads or os.cpu_count() or 1
            try:
                sp = spm.SentencePieceProcessor(model_file=str(self.package.sentencepiece))
                # One thread per batch and batches decoded side by side: on small matrices
                # (a few sentences x beam), splitting each operation over cores costs more in
                # synchronisation than it saves (measured here: one sentence decodes ~3x faster
                # on 1 intra-op thread than on 2, and batches run ~2x faster in parallel).
                translator = ctranslate2.Translator(
                    str(self.package.model_dir),
                    device="cpu",
                    compute_type=self._compute_type(),
                    inter_threads=threads,
                    intra_threads=1,
                )
            except Exception as exc:  # a hostile model.bin raises anything (IndexError ...)
                package = self.package
                raise ModelCorrupt(
                    f"The {package.pair} package at {package.path} cannot be loaded ({exc}).",
                    hint=f"run `kabar models remove {package.from_code} {package.to_code}` and install it again",
                ) from exc
            self._sp = sp
            self._translator = translator

    def _max_length(self, tokens: int) -> int:
        return min(HARD_MAX_TOKENS, max(MIN_DECODE_TOKENS, math.ceil(tokens * self.options.max_ratio) + 2))

    def _kwargs(self, batch: list[list[str]]) -> dict[str, Any]:
        prefix = self.package.target_prefix
        longest = max(len(tokens) for tokens in batch)
        kwargs: dict[str, Any] = {
            "beam_size": self.options.beam_size,
            "max_batch_size": self.options.batch_size,
            "max_decoding_length": self._max_length(longest) + (1 if prefix else 0),
            "num_hypotheses": 1,
            "replace_unknowns": True,
        }
        if prefix:
            kwargs["target_prefix"] = [[prefix] for _ in batch]
        return kwargs

    def _tokens(self, result: Any) -> list[str]:
        tokens = list(result.hypotheses[0])
        prefix = self.package.target_prefix
        if prefix:  # a control token, never text (a weak model may emit it again later)
            tokens = [t for t in tokens if t != prefix]
        return tokens

    def _decode(self, batch: list[list[str]]) -> list[list[str]]:
        """Decode one batch and wait for it."""
        return self._decode_many([batch])[0]

    def _decode_many(self, batches: list[list[list[str]]]) -> list[list[list[str]]]:
        """Submit every batch at once (the translator's workers take them in parallel), then collect."""
        with self._run_lock:
            pending = [
                self._translator.translate_batch(batch, asynchronous=True, **self._kwargs(batch)) for batch in batches
            ]
            self.decode_calls += len(batches)
            self.decoded_sentences += sum(len(batch) for batch in batches)
        return [[self._tokens(future.result()) for future in futures] for futures in pending]

    def _detok(self, tokens: list[str]) -> str:
        return self._sp.decode(tokens).strip()

    def translate(self, sentences: list[str]) -> list[str]:
        """Translate each sentence; the result has the same length and order. Empty in, empty out."""
        self.load()
        results = [""] * len(sentences)
        encoded = [(i, self._sp.encode(s.strip(), out_type=str)) for i, s in enumerate(sentences) if s.strip()]
        # Long sentences are cut to what the model can take; the fidelity guard flags the loss.
        encoded = [(i, tokens[: HARD_MAX_TOKENS - 2]) for i, tokens in encoded]
        encoded.sort(key=lambda item: len(item[1]))
        chunks = self._batches(encoded)
        try:
            decoded = self._decode_many([[tokens for _, tokens in chunk] for chunk in chunks]) if chunks else []
        except Exception as exc:  # a model that loads but cannot decode is broken, not a bug here
            package = self.package
            raise ModelCorrupt(
                f"The {package.pair} package at {package.path} failed while translating ({type(exc).__name__}: {exc}).",
                hint=f"run `kabar models remove {package.from_code} {package.to_code}` and install it again",
            ) from exc
        for chunk, outputs in zip(chunks, decoded):
            for (i, _), tokens in zip(chunk, outputs):
                results[i] = self._detok(tokens)
        return results

    def _batches(self, encoded: list[tuple[int, list[str]]]) -> list[list[tuple[int, list[str]]]]:
        """Cut length-sorted sentences into batches of at most `batch_size` and similar length.

        A batch decodes up to the cap of its longest sentence, so one long sentence would
        make every short one in its batch pay for its length: a batch closes when the next
        sentence is more than LENGTH_SPREAD times (plus a few tokens) its shortest.
        """
        batches: list[list[tuple[int, list[str]]]] = []
        current: list[tuple[int, list[str]]] = []
        for item in encoded:
            if current and (
                len(current) >= self.options.batch_size
                or len(item[1]) > len(current[0][1]) * LENGTH_SPREAD + LENGTH_SLACK
            ):
                batches.append(current)
                current = []
            current.append(item)
        if current:
            batches.append(current)
        return batches

    def translate_one_by_one(self, sentences: list[str]) -> list[str]:
        """The naive way (one decoder call per sentence), kept for the benchmark's baseline."""
        self.load()
        out = []
        for sentence in sentences:
            if not sentence.strip():
                out.append("")
                continue
            tokens = self._sp.encode(sentence.strip(), out_type=str)[: HARD_MAX_TOKENS - 2]
            out.append(self._detok(self._decode([tokens])[0]))
        return out
