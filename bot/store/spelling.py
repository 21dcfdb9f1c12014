"""The spelling index: indexed words under their lookup keys, so close terms never scan the vocabulary.

Public API:
    await add_terms(db, terms, keys=True)   # inside a writer's transaction: new folded terms (and their keys)
    await add_keys(db)                  # keys for terms a bulk index added without them
    index = SpellingIndex(db)
    await index.suggest(topic, limit=5) -> list[str]       # close terms for the words no sentence holds
    await index.close_terms(word, limit=3) -> list[str]    # what `word` was probably meant to be
    await index.candidates(word, limit=200) -> list[str]   # folded terms sharing a lookup key with `word`
    await index.backfill() -> int       # once, for a database that held articles before the index existed

Keys come from `bot.corpus.spelling.lookup_keys`. Terms are only ever added (a chunk of
articles adds the words it is the first to use); a candidate is checked against the
sentence index, which also says how common it is and how the articles write it (a name
is shown capitalised: "Jokowi"). Every step is an index look-up or a capped read, so a
suggestion costs the same on a million articles as on a thousand.

Ranking: the likeliest typo first (`typo_cost`), a name before a common word, then the
more widespread. A candidate far rarer than the best one (an outlet's own typo beside
the real name) is left out: no suggestion is better than a wrong one.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.corpus.spelling import MAX_LENGTH, MIN_LENGTH, fold, lookup_keys, typo_cost, words, written_form
from bot.store.db import Database

BACKFILL_BATCH = 5000
COUNT_CAP = 500  # sentences counted at most when ranking candidates
SAMPLE = 12  # sentences read to see how a candidate is written
RARER = 20  # a candidate this many times rarer than the best is noise
MAX_TOPIC_WORDS = 8


async def add_terms(db: Database, terms: Iterable[str], *, keys: bool = True) -> int:
    """Add the terms not yet indexed; with `keys`, give every term still without keys its keys.

    Call it inside the transaction that stores the sentences the terms come from. A bulk
    index passes keys=False chunk after chunk and `add_keys` once at its end (one insert
    into the key index instead of one per chunk). Returns how many terms got keys.
    """
    terms = sorted(set(terms))
    if terms:
        await db.executemany("INSERT OR IGNORE INTO spelling_terms (term) VALUES (?)", [(t,) for t in terms])
    return await add_keys(db) if keys else 0


async def add_keys(db: Database) -> int:
    """Give the terms added since the last keyed one their lookup keys (terms get ids in order)."""
    row = await db.fetchone("SELECT keyed_upto FROM spelling_state WHERE only = 1")
    new = await db.fetchall("SELECT id, term FROM spelling_terms WHERE id > ? ORDER BY id", (row[0] if row else 0,))
    if not new:
        return 0
    await db.executemany(
        "INSERT INTO spelling_keys (rowid, keys) VALUES (?, ?)",
        [(tid, " ".join(sorted(lookup_keys(term)))) for tid, term in new],
    )
    await db.execute("UPDATE spelling_state SET keyed_upto = ? WHERE only = 1", (new[-1][0],))
    return len(new)


class SpellingIndex:
    """Look-ups in the spelling index of one Database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def suggest(self, topic: str, limit: int = 5) -> list[str]:
        """Close terms for the words of `topic` that no indexed sentence holds (their order kept)."""
        found: list[str] = []
        seen: set[str] = set()
        for word in words(topic or ""):
            folded = fold(word)
            if folded in seen or len(folded) < MIN_LENGTH or not folded.isalpha():
                continue
            seen.add(folded)
            if len(seen) > MAX_TOPIC_WORDS:
                break
            if await self._sentences(folded, cap=1):
                continue  # the corpus has it: not a typo
            for term in await self.close_terms(folded, limit=2):
                if term not in found:
                    found.append(term)
        return found[:limit]

    async def close_terms(self, word: str, limit: int = 3) -> list[str]:
        """Indexed words `word` was plausibly meant to be, best first, as the articles write them."""
        target = fold(word.strip())
        if len(target) < MIN_LENGTH or not target.isalpha():
            return []
        scored = []
        for term in await self.candidates(target):
            cost = typo_cost(target, term)
            if cost is None:
                continue
            count = await self._sentences(term, cap=COUNT_CAP)
            if not count:
                continue  # no article holds it any more
            shown, is_name = written_form(term, await self._sample(term))
            scored.append((cost, not is_name, -count, shown))
        if not scored:
            return []
        most = max(-item[2] for item in scored)
        return [item[3] for item in sorted(scored) if -item[2] * RARER >= most][:limit]

    async def _sentences(self, term: str, cap: int) -> int:
        """How many sentences hold the folded `term`, counting at most `cap`."""
        row = await self.db.fetchone(
            "SELECT count(*) FROM (SELECT 1 FROM sentences_fts WHERE sentences_fts MATCH ? LIMIT ?)",
            (f'text : "{term}"', cap),
        )
        return int(row[0]) if row else 0

    async def _sample(self, term: str) -> list[str]:
        """The newest few sentences holding the folded `term`."""
        rows = await self.db.fetchall(
            "SELECT s.text FROM (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?"
            " ORDER BY rowid DESC LIMIT ?) AS m JOIN sentences s ON s.rowid = m.rowid",
            (f'text : "{term}"', SAMPLE),
        )
        return [row[0] for row in rows]

    async def candidates(self, word: str, limit: int = 200) -> list[str]:
        """Folded terms that share a lookup key with the folded `word` (unverified, unordered)."""
        keys = sorted(lookup_keys(word))
        if not keys:
            return []
        expr = " OR ".join(f'"{key}"' for key in keys)
        rows = await self.db.fetchall(
            "SELECT t.term FROM (SELECT rowid FROM spelling_keys WHERE spelling_keys MATCH ? LIMIT ?) AS k"
            " JOIN spelling_terms t ON t.id = k.rowid",
            (expr, limit),
        )
        return [row[0] for row in rows]

    async def backfill(self) -> int:
        """Index the words of a database filled before the spelling index existed (once; else 0).

        Reads the sentence index's vocabulary once, in batches, each in its own transaction.
        """
        row = await self.db.fetchone("SELECT filled FROM spelling_state WHERE only = 1")
        if row is None or row[0]:
            return 0
        await self.db.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.spelling_vocab USING fts5vocab (main, sentences_fts, 'row')"
        )
        added = 0
        last = ""
        while True:
            rows = await self.db.fetchall(
                "SELECT term FROM temp.spelling_vocab WHERE term > ? ORDER BY term LIMIT ?", (last, BACKFILL_BATCH)
            )
            if not rows:
                break
            last = rows[-1][0]
            terms = [r[0] for r in rows if MIN_LENGTH <= len(r[0]) <= MAX_LENGTH and r[0].isalpha()]
            async with self.db.transaction():
                added += await add_terms(self.db, terms)
        async with self.db.transaction():
            await self.db.execute("UPDATE spelling_state SET filled = 1 WHERE only = 1")
        await self.db.execute("DROP TABLE IF EXISTS temp.spelling_vocab")
        return added
