"""SQLite through aiosqlite: migrations, FTS5 and caches; the only place with SQL."""
