"""A realistic scale corpus for benchmarks: N article files built from real Indonesian sentence shapes.

    python bench/corpus.py OUT_DIR [--n 10000] [--seed 7] [--shapes PATH] [--workers 2]

Shapes are the sentences of real articles: the IndoSum sample (`shared/eval/
indosum_public_100.jsonl` beside the checkout, or `--shapes PATH`, or the
KABAR_BENCH_SHAPES variable) plus the repository's seeds, always. Each sentence becomes
a template: its lower-case words stay as written, while every name (a run of
capitalised words the sources never write in lower case), acronym, place and number
becomes a slot. Filling a slot draws from pools that grow with N (hundreds of
thousands of distinct people, places, organisations and figures at 100k articles),
Zipf-distributed (log-uniform ranks: a few names are everywhere, most are rare); the
best known names of the sources hold the top ranks. An article keeps a small cast of
people, places and bodies that recur across its sentences, the way a story does, and
one sentence in four is spliced at a comma with the tail of another, so no two
articles repeat the same paragraphs.

Files are `NNN_<hash>.txt` (the id zero-padded to the width of N, at least three
digits; the hash is the first 16 hex digits of the file's sha256): a headline (or a
datelined opening paragraph), as many paragraphs as a source article has (give or take
two), now and then a sub-heading, a `Baca
juga:` cross-link and an `Editor:` line. The same N, seed and shapes give the same files
whatever the number of workers.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import hashlib
import json
import os
import random
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.corpus.reader import parse_article

SEEDS = ROOT / "seeds"
WORDS = Path(__file__).resolve().parent / "data" / "corpus_words.tsv"
SHAPES_NAME = "indosum_public_100.jsonl"
WHERE_SHAPES = (
    f"put {SHAPES_NAME} in shared/eval/ beside the checkout (or pass --shapes PATH, or set KABAR_BENCH_SHAPES)"
)
BLOCK = 500  # articles per random stream: the output does not depend on the worker count

# slot kinds
PERSON, NAME, PLACE, ACRO, DATE, YEAR, THOUSANDS, DECIMAL, CLOCK, INTEGER = range(10)
_TOKEN = re.compile(r"^([^\w]*)(.*?)([^\w]*)$", re.S)
_NUMBER_KINDS = (
    (re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}"), DATE),
    (re.compile(r"(?:19|20)\d\d"), YEAR),
    (re.compile(r"\d{1,3}(?:\.\d{3})+"), THOUSANDS),
    (re.compile(r"\d+,\d+"), DECIMAL),
    (re.compile(r"\d{1,2}\.\d{2}"), CLOCK),
    (re.compile(r"\d+"), INTEGER),
)
_ONSETS = (
    "b",
    "c",
    "d",
    "g",
    "h",
    "j",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "w",
    "y",
    "ny",
    "sy",
    "kh",
    "st",
    "tr",
    "br",
    "pr",
    "sr",
    "",
    "",
)
_VOWELS = ("a", "i", "u", "e", "o", "a", "i", "u")
_CODAS = ("", "", "", "", "n", "ng", "r", "s", "t", "k", "h", "l", "m", "")


def find_shapes(explicit: Path | None = None) -> Path | None:
    """The IndoSum sample to learn sentence shapes from, if one is where it is looked for."""
    candidates = [explicit] if explicit else []
    if os.environ.get("KABAR_BENCH_SHAPES"):
        candidates.append(Path(os.environ["KABAR_BENCH_SHAPES"]))
    candidates += [parent / "shared" / "eval" / SHAPES_NAME for parent in ROOT.parents]
    return next((path for path in candidates if path and path.is_file()), None)


@dataclass(frozen=True)
class Source:
    """One real article cut into paragraphs of sentences (its dateline kept apart)."""

    dateline: str | None
    paragraphs: tuple[tuple[str, ...], ...]


def load_sources(shapes: Path | None) -> list[Source]:
    """The seeds, plus every article of the IndoSum sample when there is one."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    if shapes is not None:
        texts += [json.loads(line)["text"] for line in shapes.read_text(encoding="utf-8").splitlines() if line.strip()]
    sources = []
    for number, text in enumerate(texts):
        article = parse_article(text, f"{number:03d}_shape")
        paragraphs: dict[int, list[str]] = {}
        for sentence in article.sentences:
            paragraphs.setdefault(sentence.paragraph, []).append(sentence.text)
        dateline = next((r.text for r in article.removed if r.kind == "dateline"), None)
        if paragraphs:
            sources.append(Source(dateline, tuple(tuple(p) for p in paragraphs.values())))
    return sources


def _word_table() -> tuple[frozenset[str], frozenset[str]]:
    keep, place = set(), set()
    for line in WORDS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            kind, word = line.split("\t")
            (keep if kind == "keep" else place).add(word)
    return frozenset(keep), frozenset(place)


class Shapes:
    """Sentence templates and the real names that head each name pool."""

    def __init__(self, sources: list[Source]) -> None:
        keep, self._place_cues = _word_table()
        sentences = [s for source in sources for p in source.paragraphs for s in p]
        self._lower = {w for s in sentences for w in re.findall(r"[^\W\d_]+", s) if w.islower()} | {
            w.lower() for w in keep
        }
        self.real: dict[int, Counter[str]] = {PERSON: Counter(), NAME: Counter(), PLACE: Counter(), ACRO: Counter()}
        self.datelines = [s.dateline for s in sources if s.dateline]
        self.openers = [[self._sentence(t) for t in s.paragraphs[0]] for s in sources]
        self.paragraphs = [[self._sentence(t) for t in p] for s in sources for p in s.paragraphs[1:]]
        self.sentences = [t for p in self.paragraphs + self.openers for t in p]
        self.splittable = [t for t in self.sentences if t[1]]
        self.lengths = [len(s.paragraphs) for s in sources if len(s.paragraphs) > 1]  # paragraphs per article
        self.names = {kind: [name for name, _ in counts.most_common()] for kind, counts in self.real.items()}

    def _named(self, core: str) -> bool:
        return core[:1].isupper() and core.lower() not in self._lower and not any(c.isdigit() for c in core)

    def _sentence(self, text: str) -> tuple[tuple, tuple[int, ...]]:
        """(parts, split points): parts are literal strings and (kind, width) slots."""
        tokens = [_TOKEN.match(t).groups() for t in text.split()]
        parts: list = []
        i = 0
        while i < len(tokens):
            head, core, tail = tokens[i]
            if self._named(core):
                j = i
                while (
                    not tokens[j][2] and j + 1 < len(tokens) and not tokens[j + 1][0] and self._named(tokens[j + 1][1])
                ):
                    j += 1
                words = [t[1] for t in tokens[i : j + 1]]
                if len(words) == 1 and core.isupper() and core.isalpha() and len(core) > 1:
                    kind = ACRO
                elif len(words) > 1:
                    kind = PERSON
                else:
                    kind = PLACE if i and tokens[i - 1][1].lower() in self._place_cues else NAME
                self.real[kind][" ".join(words)] += 1
                parts += [head, (kind, len(words)), tokens[j][2] + " "]
                tail, i = tokens[j][2], j + 1
            else:
                kind = next((k for pattern, k in _NUMBER_KINDS if pattern.fullmatch(core)), None)
                parts += [f"{head}{core}{tail} "] if kind is None else [head, (kind, len(core)), tail + " "]
                i += 1
            if "," in tail and 3 < i < len(tokens) - 3:
                parts.append(None)  # a clause boundary another sentence's tail may follow
        merged: list = []
        splits: list[int] = []
        for part in parts:
            if part is None:
                splits.append(len(merged))
            elif part == "":
                continue
            elif (
                isinstance(part, str)
                and merged
                and isinstance(merged[-1], str)
                and not (splits and splits[-1] == len(merged))
            ):
                merged[-1] += part
            else:
                merged.append(part)
        if merged and isinstance(merged[-1], str):
            merged[-1] = merged[-1].rstrip()
        return tuple(merged), tuple(splits)


def _mix(value: int, salt: int) -> int:
    value = (value * 0x9E3779B1 + salt * 0x85EBCA77) & 0xFFFFFFFF
    value ^= value >> 15
    value = (value * 0x2C1B3C6D) & 0xFFFFFFFF
    return value ^ (value >> 12)


def coined_word(number: int) -> str:
    """A pronounceable, capitalised word of two or three syllables; distinct numbers mostly differ."""
    syllables = 2 + number % 2
    number //= 2
    out = []
    for _ in range(syllables):
        number, onset = divmod(number, len(_ONSETS))
        number, vowel = divmod(number, len(_VOWELS))
        number, coda = divmod(number, len(_CODAS))
        out.append(_ONSETS[onset] + _VOWELS[vowel] + _CODAS[coda])
    word = "".join(out)
    return word[:1].upper() + word[1:]


class Names:
    """Zipf-distributed names of each kind; the pools grow with the corpus size."""

    def __init__(self, shapes: Shapes, n: int) -> None:
        self.real = shapes.names
        self.sizes = {PERSON: 3 * n + 2000, NAME: 2 * n + 2000, PLACE: n // 2 + 1000, ACRO: n // 5 + 500}

    def name(self, kind: int, rank: int) -> str:
        real = self.real[kind]
        if rank <= len(real):
            return real[rank - 1]
        if kind == ACRO:
            code = _mix(rank, 7)
            return "".join(chr(65 + (code >> (5 * i)) % 26) for i in range(2 + code % 3))
        first = coined_word(_mix(rank, kind))
        if kind != PERSON:
            return first
        words = [first, coined_word(_mix(rank, 11))]
        if rank % 5 == 0:
            words.insert(1, coined_word(_mix(rank, 13)))
        return " ".join(words)

    def draw(self, kind: int, rng: random.Random) -> str:
        return self.name(kind, int(self.sizes[kind] ** rng.random()))


def _figure(kind: int, width: int, rng: random.Random) -> str:
    """A number of the same shape as the one it replaces, small values far more common."""
    if kind == DATE:
        return f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.choice((2015, 2018, 2020, 2022, 2023, 2024, 2025))}"
    if kind == YEAR:
        return str(2026 - int(26 ** rng.random()))
    if kind == CLOCK:
        return f"{rng.randint(6, 23):02d}.{rng.choice((0, 15, 30, 45)):02d}"
    if kind == DECIMAL:
        return f"{int(99 ** rng.random())},{rng.randint(1, 9)}"
    if kind == THOUSANDS:
        groups = max(1, (width - 1) // 4)
        lead = int(999 ** rng.random())
        tail = rng.randrange(1000**groups) if rng.random() < 0.3 else 0
        return f"{lead * 1000**groups + tail:,}".replace(",", ".")
    return str(int(10 ** min(width, 4) ** rng.random()) if width > 1 else rng.randint(1, 9))


class Composer:
    """Articles from the shapes: a cast per article, slots filled, one sentence in four spliced."""

    def __init__(self, shapes: Shapes, names: Names) -> None:
        self.shapes = shapes
        self.names = names

    def article(self, rng: random.Random) -> str:
        cast = {
            kind: [self.names.draw(kind, rng) for _ in range(rng.randint(2, 5))] for kind in (PERSON, NAME, PLACE, ACRO)
        }
        fill = lambda template: self._fill(template, cast, rng)  # noqa: E731
        lines = []
        opener = " ".join(fill(t) for t in rng.choice(self.shapes.openers))
        if rng.random() < 0.75:
            lines.append(self._headline(fill(rng.choice(self.shapes.sentences))))
        if self.shapes.datelines and rng.random() < 0.8:
            opener = f"{rng.choice(self.shapes.datelines)} {opener}"
        lines.append(opener)
        for _ in range(max(2, rng.choice(self.shapes.lengths) - 1 + rng.randint(-2, 2))):
            if rng.random() < 0.08:
                lines.append(self._headline(fill(rng.choice(self.shapes.sentences)))[:60].rstrip())
            lines.append(" ".join(fill(t) for t in rng.choice(self.shapes.paragraphs)))
            if rng.random() < 0.05:
                lines.append("Baca juga: " + self._headline(fill(rng.choice(self.shapes.sentences))))
        if rng.random() < 0.4:
            lines.append(f"Editor: {rng.choice(cast[PERSON])}")
        return "\n".join(lines) + "\n"

    @staticmethod
    def _headline(sentence: str) -> str:
        words = sentence.split(",")[0].split()[:11]
        return " ".join(words).strip(".!?\"“”'‘’ ") or "Berita"

    def _fill(self, template: tuple, cast: dict[int, list[str]], rng: random.Random) -> str:
        parts, splits = template
        if splits and rng.random() < 0.25:
            other_parts, other_splits = rng.choice(self.shapes.splittable)
            parts = parts[: rng.choice(splits)] + other_parts[rng.choice(other_splits) :]
        out = []
        for part in parts:
            if isinstance(part, str):
                out.append(part)
                continue
            kind, width = part
            if kind >= DATE:
                out.append(_figure(kind, width, rng))
            elif kind == NAME and rng.random() < 0.5:
                out.append(rng.choice(cast[PERSON]).split()[-1])
            elif rng.random() < 0.65:
                out.append(rng.choice(cast[kind]))
            else:
                out.append(self.names.draw(kind, rng))
        return "".join(out)


def _file_name(number: int, width: int, data: bytes) -> str:
    return f"{number:0{width}d}_{hashlib.sha256(data).hexdigest()[:16]}.txt"


_WORKER: dict = {}  # per worker process: the composer built once (bench code, not the bot)


def _init(shapes_path: str | None, n: int) -> None:
    shapes = Shapes(load_sources(Path(shapes_path) if shapes_path else None))
    _WORKER["composer"] = Composer(shapes, Names(shapes, n))


def _write_block(directory: str, block: int, n: int, seed: int) -> int:
    composer = _WORKER["composer"]
    rng = random.Random(f"{seed}:{block}")
    width = max(3, len(str(n)))
    written = 0
    for number in range(block * BLOCK, min(n, (block + 1) * BLOCK)):
        data = composer.article(rng).encode("utf-8")
        (Path(directory) / _file_name(number, width, data)).write_bytes(data)
        written += len(data)
    return written


def build_corpus(
    directory: Path,
    n: int = 10_000,
    *,
    seed: int = 7,
    shapes: Path | None = None,
    workers: int | None = None,
    quiet: bool = True,
) -> list[Path]:
    """Write `n` articles into `directory` (created if needed); return their paths in id order."""
    directory.mkdir(parents=True, exist_ok=True)
    found = find_shapes(shapes)
    if not quiet:
        print(f"shapes: {found or 'the seeds only'}" + ("" if found else f" ({WHERE_SHAPES})"))
    blocks = range((n + BLOCK - 1) // BLOCK)
    workers = max(1, min(workers or os.cpu_count() or 1, len(blocks)))
    shapes_arg = str(found) if found else None
    if workers == 1:
        _init(shapes_arg, n)
        for block in blocks:
            _write_block(str(directory), block, n, seed)
    else:
        with concurrent.futures.ProcessPoolExecutor(workers, initializer=_init, initargs=(shapes_arg, n)) as pool:
            list(
                pool.map(_write_block, [str(directory)] * len(blocks), blocks, [n] * len(blocks), [seed] * len(blocks))
            )
    return sorted(directory.glob("*.txt"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--shapes", type=Path, help=f"the IndoSum sample ({SHAPES_NAME})")
    parser.add_argument("--workers", type=int, help="processes (default: every core)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    paths = build_corpus(args.out, args.n, seed=args.seed, shapes=args.shapes, workers=args.workers, quiet=False)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths):,} articles ({size / 1e6:.1f} MB) to {args.out} in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
