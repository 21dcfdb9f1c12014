"""Indexed articles in SQLite: storing, replacing, removing, listing and rebuilding them.

Public API:
    repo = ArticleStore(db)                               # also importable as Articles
    await repo.hashes() -> dict[str, str]                 # key -> content_hash
    await repo.put(article, indexed_at, source=None)      # replace one article, one transaction
    await repo.put_many(articles, indexed_at, source=None)   # replace several, one transaction
    await repo.delete(key) -> bool
    await repo.delete_many(keys) -> int
    await repo.list() -> list[ArticleInfo]                # ordered by id (numerically)
    await repo.get(ref) -> Article                        # "003", "3", "003_89031a1fd86b0abb"(.txt)
    await repo.resolve(ref) -> str                        # the article id for a ref (AmbiguousArticle: "3" = 003, 0003)
    await repo.since(iso_ts) -> list[ArticleInfo]         # indexed strictly after a time
    await repo.count() -> int
    await repo.sentences_before(pairs, count=3) -> dict[(id, idx), tuple[str, ...]]   # nearest last

An article's id is unique: storing an article whose id is already held by another key
replaces that article (a renamed file). `indexed_at` is normalised to ISO-8601 UTC.
"""

from __future__ import annotations

import builtins
import datetime as dt
import json
import math
from collections.abc import Iterable, Sequence
from typing import Any

from bot.errors import AmbiguousArticle, ArticleNotFound
from bot.models import Article, ArticleInfo, Figure, Paragraph, Removal, Sentence
from bot.store.db import Database, iso_utc

_INFO_COLUMNS = "id, key, title, outlet, sentences, words, indexed_at, path"
_ORDER = "ORDER BY length(id), id"
_MAX_LISTED_IDS = 20

_INSERT_ARTICLE = (
    "INSERT INTO articles (id, key, path, title, title_derived, outlet, dateline, editor, content_hash,"
    " indexed_at, words, sentences, removed, warnings, source, file_stat) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
_INSERT_PARAGRAPH = 'INSERT INTO paragraphs (article, "index", heading, text) VALUES (?,?,?,?)'
_INSERT_SENTENCE = "INSERT INTO sentences (article, idx, paragraph, text, start, figure_terms) VALUES (?,?,?,?,?,?)"
_INSERT_FIGURE = (
    'INSERT INTO figures (article, sentence, value, text, qualifier, vague, magnitude, unit, start, "end")'
    " VALUES (?,?,?,?,?,?,?,?,?,?)"
)


def _info(row: Sequence[Any]) -> ArticleInfo:
    return ArticleInfo(
        id=row[0], key=row[1], title=row[2], outlet=row[3], sentences=row[4], words=row[5],
        indexed_at=row[6], path=row[7],
    )


def _sentence_starts(article: Article) -> list[int | None]:
    """Character offset of each sentence within its paragraph (None when not found verbatim)."""
    paragraphs = {p.index: p.text for p in article.paragraphs}
    cursor: dict[int, int] = {}
    starts: list[int | None] = []
    for sentence in article.sentences:
        text = paragraphs.get(sentence.paragraph)
        if text is None:
            starts.append(None)
            continue
        at = text.find(sentence.text, cursor.get(sentence.paragraph, 0))
        if at < 0:
            starts.append(None)
        else:
            starts.append(at)
            cursor[sentence.paragraph] = at + len(sentence.text)
    return starts


class Rows:
    """The insert rows of a batch of articles, built off the event loop if wanted.

    `source` is the id of the source (bot.store.sources) the articles were read from.
    """

    def __init__(self, articles: Iterable[Article], indexed_at: str, source: int | None = None) -> None:
        self.indexed_at = indexed_at
        self.source = source
        self.ids: list[str] = []
        self.keys: list[str] = []
        self.articles: list[tuple] = []
        self.paragraphs: list[tuple] = []
        self.sentences: list[tuple] = []
        self.figures: list[tuple] = []
        for article in articles:
            self.add(article)

    def add(self, article: Article, file_stat: str | None = None) -> None:
        """Add one article's rows; `file_stat` is its file's stat (see bot.corpus.folder.Entry.stat)."""
        aid = article.id
        self.ids.append(aid)
        self.keys.append(article.key)
        removed = json.dumps(
            [{"kind": r.kind, "text": r.text, "line": r.line} for r in article.removed], ensure_ascii=False
        )
        self.articles.append((
            aid, article.key, article.path, article.title, int(article.title_derived), article.outlet,
            article.dateline, article.editor, article.content_hash, self.indexed_at, article.word_count,
            len(article.sentences), removed, json.dumps(list(article.warnings), ensure_ascii=False), self.source,
            file_stat,
        ))
        self.paragraphs.extend((aid, p.index, p.heading, p.text) for p in article.paragraphs)
        for sentence, start in zip(article.sentences, _sentence_starts(article)):
            self.sentences.append((aid, sentence.index, sentence.paragraph, sentence.text, start,
                                   figure_terms(sentence.figures)))
            self.figures.extend(
                (aid, sentence.index, float(f.value), f.text, f.qualifier, int(f.vague), f.magnitude, f.unit,
                 f.start, f.end)
                for f in sentence.figures
            )


class ArticleStore:
    """The articles repository over one Database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def hashes(self) -> dict[str, str]:
        rows = await self.db.fetchall("SELECT key, content_hash FROM articles")
        return {row[0]: row[1] for row in rows}

    async def ids(self) -> dict[str, str]:
        """id -> key of every stored article."""
        rows = await self.db.fetchall("SELECT id, key FROM articles")
        return {row[0]: row[1] for row in rows}

    async def count(self) -> int:
        row = await self.db.fetchone("SELECT count(*) FROM articles")
        return int(row[0]) if row else 0

    async def sentence_counts(self, ids: Iterable[str]) -> dict[str, int]:
        """id -> number of sentences, for the given article ids (unknown ids are left out)."""
        wanted = sorted(set(ids))
        counts: dict[str, int] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for row in await self.db.fetchall(f"SELECT id, sentences FROM articles WHERE id IN ({marks})", chunk):
                counts[row[0]] = int(row[1])
        return counts

    async def sentences_before(
        self, pairs: Iterable[tuple[str, int]], count: int = 3
    ) -> dict[tuple[str, int], tuple[str, ...]]:
        """For each (article, idx): the texts of the `count` sentences before it, nearest last."""
        wanted = sorted({(a, int(i)) for a, i in pairs if int(i) > 1})
        texts: dict[tuple[str, int], str] = {}
        for start in range(0, len(wanted), 100):
            chunk = wanted[start : start + 100]
            where = " OR ".join("(article = ? AND idx BETWEEN ? AND ?)" for _ in chunk)
            params = [v for a, i in chunk for v in (a, max(1, i - count), i - 1)]
            for row in await self.db.fetchall(f"SELECT article, idx, text FROM sentences WHERE {where}", params):
                texts[(row[0], int(row[1]))] = row[2]
        return {
            (a, i): tuple(texts[(a, k)] for k in range(max(1, i - count), i) if (a, k) in texts) for a, i in wanted
        }

    # --- writing -------------------------------------------------------------------------
    async def put(self, article: Article, indexed_at: str | dt.datetime, source: int | None = None) -> None:
        """Store `article`, replacing any stored version with the same key or id."""
        await self.put_many([article], indexed_at, source)

    async def put_many(
        self, articles: Iterable[Article] | Rows, indexed_at: str | dt.datetime, source: int | None = None
    ) -> None:
        """Store several articles in ONE transaction (all or none); `source` as in Rows."""
        rows = articles if isinstance(articles, Rows) else Rows(articles, iso_utc(indexed_at), source)
        if not rows.ids:
            return
        async with self.db.transaction():
            # The FTS triggers stand aside for this transaction; the index is updated in bulk below.
            await self.db.execute("INSERT INTO sentences_fts_deferred (since) VALUES (1)")
            await self.db.execute("CREATE TEMP TABLE IF NOT EXISTS put_keys (key TEXT, id TEXT)")
            await self.db.execute("DELETE FROM temp.put_keys")
            await self.db.executemany("INSERT INTO temp.put_keys VALUES (?, ?)", list(zip(rows.keys, rows.ids)))
            replaced = "SELECT a.id FROM articles a JOIN temp.put_keys p ON a.key = p.key OR a.id = p.id"
            await self.db.execute(
                "INSERT INTO sentences_fts (sentences_fts, rowid, text, figure_terms)"
                " SELECT 'delete', rowid, text, figure_terms"
                f" FROM sentences WHERE article IN ({replaced})"
            )
            await self.db.execute(f"DELETE FROM articles WHERE id IN ({replaced})")
            row = await self.db.fetchone("SELECT coalesce(max(rowid), 0) FROM sentences")
            await self.db.executemany(_INSERT_ARTICLE, rows.articles)
            await self.db.executemany(_INSERT_PARAGRAPH, rows.paragraphs)
            await self.db.executemany(_INSERT_SENTENCE, rows.sentences)
            await self.db.executemany(_INSERT_FIGURE, rows.figures)
            await self.db.execute(
                "INSERT INTO sentences_fts (rowid, text, figure_terms)"
                " SELECT rowid, text, figure_terms FROM sentences WHERE rowid > ?",
                (row[0] if row else 0,),
            )
            await self.db.execute("DELETE FROM sentences_fts_deferred")
            await self.db.execute("DELETE FROM temp.put_keys")

    async def delete(self, key: str) -> bool:
        """Remove one article (by key) and everything that belongs to it."""
        return await self.delete_many([key]) > 0

    async def delete_many(self, keys: Iterable[str]) -> int:
        keys = list(keys)
        if not keys:
            return 0
        async with self.db.transaction():
            before = await self.count()
            await self.db.executemany("DELETE FROM articles WHERE key = ?", [(k,) for k in keys])
            return before - await self.count()

    # --- reading -------------------------------------------------------------------------
    async def list(self) -> list[ArticleInfo]:
        rows = await self.db.fetchall(f"SELECT {_INFO_COLUMNS} FROM articles {_ORDER}")
        return [_info(row) for row in rows]

    async def since(self, iso_ts: str | dt.datetime) -> builtins.list[ArticleInfo]:  # `list` is the method above
        """Articles whose stored version was indexed strictly after `iso_ts`."""
        rows = await self.db.fetchall(
            f"SELECT {_INFO_COLUMNS} FROM articles WHERE indexed_at > ? {_ORDER}", (iso_utc(iso_ts),)
        )
        return [_info(row) for row in rows]

    async def resolve(self, ref: str) -> str:
        """The id of the article `ref` names: an id ("003"), its number ("3") or its key."""
        text = (ref or "").strip()
        if text.lower().endswith(".txt"):
            text = text[:-4]
        if text:
            row = await self.db.fetchone("SELECT id FROM articles WHERE id = ? OR key = ?", (text, text))
            if row is None and "_" in text:
                row = await self.db.fetchone("SELECT id FROM articles WHERE lower(key) = lower(?)", (text,))
            if row is not None:
                return row[0]
            if text.isdigit() and text.isascii() and len(text) < 19:
                rows = await self.db.fetchall(
                    f"SELECT id FROM articles WHERE CAST(id AS INTEGER) = ? AND id GLOB '[0-9]*' {_ORDER}", (int(text),)
                )
                if len(rows) == 1:
                    return rows[0][0]
                if rows:
                    ids = [row[0] for row in rows]
                    named = ", ".join(ids[:-1]) + " and " + ids[-1]
                    raise AmbiguousArticle(f"Article {text} is ambiguous: {named} are {'both' if len(ids) == 2 else 'all'} "
                                           "indexed. Give the whole id.")
        raise ArticleNotFound(await self._not_found_message(ref), hint="`kabar articles` lists them")

    async def _not_found_message(self, ref: str) -> str:
        ids = [row[0] for row in await self.db.fetchall(f"SELECT id FROM articles {_ORDER} LIMIT ?",
                                                         (_MAX_LISTED_IDS + 1,))]
        shown = repr(ref.strip()) if ref and ref.strip() else "an empty id"
        if not ids:
            return f"No article {shown}: nothing is indexed yet (run `kabar index`)."
        listed = ", ".join(ids[:_MAX_LISTED_IDS])
        if len(ids) > _MAX_LISTED_IDS:
            listed += f", … ({await self.count()} in all)"
        return f"No article {shown}. Valid ids: {listed}."

    async def get(self, ref: str) -> Article:
        """The stored article with paragraphs, sentences (with figures) and removals."""
        aid = await self.resolve(ref)
        row = await self.db.fetchone(
            "SELECT id, key, path, title, title_derived, outlet, dateline, editor, content_hash, removed,"
            " warnings FROM articles WHERE id = ?",
            (aid,),
        )
        if row is None:  # removed between resolve and read
            raise ArticleNotFound(await self._not_found_message(ref))
        paragraphs = tuple(
            Paragraph(index=r[0], text=r[2], heading=r[1])
            for r in await self.db.fetchall(
                'SELECT "index", heading, text FROM paragraphs WHERE article = ? ORDER BY "index"', (aid,)
            )
        )
        figures: dict[int, list[Figure]] = {}
        for r in await self.db.fetchall(
            'SELECT sentence, value, text, start, "end", qualifier, vague, magnitude, unit FROM figures'
            " WHERE article = ? ORDER BY sentence, start, rowid",
            (aid,),
        ):
            figures.setdefault(r[0], []).append(figure_from_row(r[1:]))
        sentences = tuple(
            Sentence(index=r[0], paragraph=r[1], text=r[2], figures=tuple(figures.get(r[0], ())))
            for r in await self.db.fetchall(
                "SELECT idx, paragraph, text FROM sentences WHERE article = ? ORDER BY idx", (aid,)
            )
        )
        removed = tuple(Removal(kind=r["kind"], text=r["text"], line=r["line"]) for r in json.loads(row[9]))
        return Article(
            id=row[0], key=row[1], path=row[2], title=row[3], title_derived=bool(row[4]), outlet=row[5],
            dateline=row[6], editor=row[7], content_hash=row[8], paragraphs=paragraphs, sentences=sentences,
            removed=removed, warnings=tuple(json.loads(row[10])),
        )


def figure_token(value: float) -> str | None:
    """The search token for an exact figure: 10000 -> "fig10000", 2.5 -> "fig2d5" (None if not finite)."""
    if not math.isfinite(value):
        return None
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return "fig" + text.replace("-", "m").replace(".", "d")


def figure_terms(figures: Iterable[Figure]) -> str:
    """The `figure_terms` of a sentence: the tokens of its exact figures, space-separated."""
    tokens = {figure_token(float(f.value)) for f in figures if not f.vague}
    return " ".join(sorted(t for t in tokens if t))


def figure_from_row(r: Sequence[Any]) -> Figure:
    """A Figure from (value, text, start, end, qualifier, vague, magnitude, unit)."""
    return Figure(
        value=float(r[0]), text=r[1], start=r[2], end=r[3], qualifier=r[4], vague=bool(r[5]), magnitude=r[6], unit=r[7]
    )


Articles = ArticleStore
