"""Asking kabar `/summary TOPIC` for every judged topic, as a user does, over the 100 IndoSum articles.

`ask_topics(topics)` writes the articles of eval/attribution/articles.jsonl to a temporary
seeds folder as `NNN_<16 hex>.txt` (NNN its line number from 000), indexes them with
`bot.service.Kabar` (Settings pointing at temporary state, no translation model), warms the
service up and sends each topic as the chat line `/summary TOPIC`, timing each answer.
`corpus_sentences()` gives every article's sentences as kabar's reader cuts them, by kabar id
(what `eval.summary.score.Recurrence` counts in).
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.config import Settings
from bot.models import Answer
from bot.service import Kabar
from eval.attribution.judged import HERE as ATTRIBUTION
from eval.attribution.judged import load as load_judged
from eval.attribution.score import read_judged, write_article
from eval.summary.topics import Topic


@dataclass(frozen=True)
class Asked:
    answer: Answer
    seconds: float


async def _ask(topics: Sequence[Topic], folder: Path) -> dict[str, Asked]:
    seeds = folder / "seeds"
    seeds.mkdir()
    for number, article in enumerate(load_judged(ATTRIBUTION).articles.values()):
        write_article(article, number, seeds)
    settings = Settings(
        _env_file=None,
        seeds_dir=seeds,
        db=folder / "state" / "kabar.db",
        models_dir=folder / "argos-packages",
        translations_dir=folder / "translations",
    )
    asked = {}
    async with Kabar(settings) as kabar:
        await kabar.index()
        await kabar.warm_up()
        for topic in topics:
            started = time.perf_counter()
            answer = await kabar.ask(f"/summary {topic.topic}")
            asked[topic.id] = Asked(answer, time.perf_counter() - started)
    return asked


def ask_topics(topics: Sequence[Topic]) -> dict[str, Asked]:
    """kabar's summary of each topic (by topic id), asked of the 100 articles as a user would."""
    with tempfile.TemporaryDirectory(prefix="kabar-topics-") as tmp:
        return asyncio.run(_ask(topics, Path(tmp)))


def corpus_sentences() -> dict[str, list[str]]:
    """Every article's sentences as kabar reads them, by kabar id (000-099)."""
    articles = read_judged(load_judged(ATTRIBUTION))
    return {f"{n:03d}": [s.text for s in a.sentences] for n, a in enumerate(articles.values())}
