"""Benchmark: translate every seed sentence three ways on a base-size random Argos-shaped model.

    python bench/translate.py [--limit N] [--beam 2] [--ratio 1.0] [--round 48] [--keep DIR]

1. naive   - one decoder call per sentence (the baseline, same engine and options)
2. cold    - kabar's engine through the Translations façade: length-sorted batches, empty cache
3. warm    - the same request again, answered from the SQLite cache

The modes are timed paired, round by round: the sentences are cut into rounds of
`--round`, and each round is translated naive and cold back to back (which goes first
alternates), then warm; so a busy machine slows both sides of a ratio alike. Ratios are
the totals' and the median of the rounds'.

The model has the shape of a real Argos package (Transformer 6+6 layers, d_model 512,
FFN 2048, 8 heads, ~32k vocabulary, int8) with random weights, so its output is noise;
the decoding length is capped at `--ratio` times the input length so it cannot run away.
It is built in a child process (so this process's peak RSS is the bot's, with the model
loaded) and installed through `bot.translate.packages.install_file`.

Targets: cold >= 4x naive, warm >= 100x cold, RSS with the model loaded < 600 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHAPE = {
    "layers": 6,
    "d_model": 512,
    "heads": 8,
    "ffn": 2048,
    "vocab_size": 4000,
    "pad_vocab_to": 32000,
    "quantization": "int8",
}


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build(out: Path) -> None:
    from kabar_testing.synthetic import build_package

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    build_package(out, texts, version="0.0-bench", **SHAPE)


def seed_sentences() -> list[str]:
    from bot.corpus.reader import read_article

    return [s.text for p in sorted((ROOT / "seeds").glob("*.txt")) for s in read_article(p).sentences]


async def main(args: argparse.Namespace) -> None:
    from bot.config import Settings
    from bot.store.db import Database
    from bot.translate import packages
    from bot.translate.api import Translations

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="kabar-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    archive = work / "bench.argosmodel"
    if not archive.exists():
        started = time.perf_counter()
        subprocess.run([sys.executable, __file__, "--build-only", str(archive)], check=True)
        print(
            f"built a random {SHAPE['layers']}+{SHAPE['layers']}-layer model in {time.perf_counter() - started:.1f} s"
            f" ({archive.stat().st_size / 1e6:.0f} MB archive)"
        )
    db_path = work / "bench.db"
    db_path.unlink(missing_ok=True)
    settings = Settings(
        _env_file=None,
        models_dir=work / "packages",
        db=db_path,
        translations_dir=work / "translations",
        translate_beam_size=args.beam,
        translate_max_ratio=args.ratio,
        translate_batch_size=args.batch,
        translate_threads=args.threads,
    )
    package = packages.install_file(settings.models_dir, archive)
    sentences = seed_sentences()
    if args.limit:
        sentences = sentences[: args.limit]
    n = len(sentences)
    base_rss = rss_mb()
    print(
        f"{n} seed sentences; beam {args.beam}, max {args.ratio}x input tokens, batch {args.batch}, "
        f"threads {args.threads or 'all'}; RSS before loading {base_rss:.0f} MB"
    )

    db = await Database.open(db_path)
    translations = Translations(settings, db)
    engine = translations.engine(package)
    started = time.perf_counter()
    await asyncio.to_thread(engine.load)
    load_s = time.perf_counter() - started
    loaded_rss = rss_mb()

    naive_s = cold_s = warm_s = 0.0
    calls = {"naive": 0, "cold": 0}
    ratios: list[float] = []
    decoded_warm = 0
    cold: list = []
    warm: list = []
    for number, start in enumerate(range(0, n, args.round)):
        chunk = sentences[start : start + args.round]
        times: dict[str, float] = {}
        for mode in ("naive", "cold") if number % 2 == 0 else ("cold", "naive"):
            calls_before = engine.decode_calls
            started = time.perf_counter()
            if mode == "naive":
                await asyncio.to_thread(engine.translate_one_by_one, chunk)
            else:
                cold += await translations.translate_texts(chunk)
            times[mode] = time.perf_counter() - started
            calls[mode] += engine.decode_calls - calls_before
        decoded_before = translations.decoded_sentences
        started = time.perf_counter()
        warm += await translations.translate_texts(chunk)
        warm_s += time.perf_counter() - started
        decoded_warm += translations.decoded_sentences - decoded_before
        naive_s += times["naive"]
        cold_s += times["cold"]
        ratios.append(times["naive"] / times["cold"])
    naive_calls, cold_calls = calls["naive"], calls["cold"]
    assert all(t.cached for t in warm) and decoded_warm == 0
    assert len(cold) == len(warm) == n

    await translations.close()
    await db.close()

    def rate(seconds: float) -> str:
        return f"{n / seconds:10.1f} sentences/s  ({seconds:8.3f} s)"

    print(f"model load          {load_s:8.2f} s; RSS with model loaded {loaded_rss:.0f} MB")
    print(f"naive one-by-one  {rate(naive_s)}  {naive_calls} decoder calls")
    print(f"batched, cold     {rate(cold_s)}  {cold_calls} decoder calls")
    print(f"cached, warm      {rate(warm_s)}  0 decoder calls")
    print(
        f"cold vs naive     {naive_s / cold_s:8.1f}x   (target >= 4x); median of {len(ratios)} paired rounds"
        f" {statistics.median(ratios):.1f}x"
    )
    print(f"warm vs cold      {cold_s / warm_s:8.1f}x   (target >= 100x)")
    peak = peak_rss_mb()
    print(f"peak RSS          {peak:8.0f} MB   (target < 600 MB)")
    if not args.keep:
        import shutil

        shutil.rmtree(work, ignore_errors=True)


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N sentences")
    parser.add_argument("--beam", type=int, default=2)
    parser.add_argument("--ratio", type=float, default=1.0, help="max output tokens per input token")
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--threads", type=int, default=0, help="intra-op threads (0: every core)")
    parser.add_argument("--round", type=int, default=48, help="sentences per paired round")
    parser.add_argument("--keep", help="reuse/keep the model and files in this folder")
    parser.add_argument("--build-only", help=argparse.SUPPRESS)
    return parser.parse_args()


if __name__ == "__main__":
    arguments = parse()
    if arguments.build_only:
        build(Path(arguments.build_only))
    else:
        asyncio.run(main(arguments))
