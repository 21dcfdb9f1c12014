"""The commands as async use-cases shared by every adapter (terminal, Discord).

`Kabar` owns the open database and the optional translator; adapters build one from
Settings, call its methods and only format what comes back. CPU work (parsing,
summarising, decoding) runs off the event loop through `asyncio.to_thread`.

Public API (adapters rely on these names):
    async with Kabar(settings) as kabar: ...
    await kabar.ensure_indexed()                     # index the seeds on first use
    await kabar.index(directory=None, progress=None) -> IndexReport
    await kabar.articles() -> list[ArticleInfo]
    await kabar.article(ref) -> Article              # "003" or "003_89031a1fd86b0abb"
    await kabar.search(query, limit=20) -> list[SearchHit]
    await kabar.summary(topic, sentences=None, method=None, lang="en") -> Answer
    await kabar.who_confirmed(figure, explain=False) -> Answer
    await kabar.translate(article, lang="en") -> Answer
    await kabar.summarize_text(text, sentences=3, method=None) -> Answer
    await kabar.ask(line) -> Answer                  # chat syntax: "/summary kursk"
"""
