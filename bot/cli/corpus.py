"""Terminal commands over the corpus: index, articles, show, search."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from bot.cli.common import emit_json, on_index, run, service, start
from bot.models import plain_data
from bot.plural import counted
from bot.present.feeds import origin_lines

if TYPE_CHECKING:  # pragma: no cover
    from bot.feeding import ArticleOrigin
    from bot.models import Article
    from bot.seams import TerminalService


def register(app: typer.Typer) -> None:
    """Add `index`, `articles`, `show` and `search`."""
    app.command("index")(index)
    app.command("articles")(articles)
    app.command("show")(show)
    app.command("search")(search)


def index(
    directory: Path | None = typer.Argument(
        None,
        metavar="DIR",
        help="Folder of NNN_<hash>.txt articles to add as a source and check (default: check every source; "
        "a new database starts with KABAR_SEEDS_DIR or ./seeds).",
    ),
    reread: bool = typer.Option(
        False,
        "--reread",
        help="Read and hash every file, even those whose size and times are unchanged since they were indexed.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Check article folders fully: new and changed files are indexed, deleted ones removed."""
    cfg, out, err = start()
    if directory is not None:
        from bot.cli.common import fail
        from bot.errors import QueryError

        try:
            what = None if directory.is_dir() else "is a file, not a folder" if directory.exists() else "does not exist"
        except OSError as exc:  # a name too long for the file system, a loop of links ...
            what = f"cannot be used ({exc.strerror or exc})"
        if what:
            fail(QueryError(f"{directory} {what}: give the folder that holds the NNN_<hash>.txt articles."))

    async def go():
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        async with service(cfg) as kabar:
            if as_json or not err.is_terminal:
                report = await kabar.index(directory, reread=reread)
            else:
                with Progress(
                    TextColumn("indexing"),
                    BarColumn(),
                    MofNCompleteColumn(),
                    TimeRemainingColumn(),
                    console=err,
                    transient=True,
                ) as bar:
                    task = bar.add_task("index", total=None)
                    report = await kabar.index(
                        directory,
                        progress=lambda done, total: bar.update(task, completed=done, total=total),
                        reread=reread,
                    )
            await kabar.compact_storage(
                lambda: err.print("Converting the database so that freed space goes back to the disk (once)...")
            )
            return report

    report = run(go)
    if as_json:
        emit_json(report)
        return
    for warning in report.warnings:
        err.print(f"warning: {warning}")
    where = report.sources[0] if len(report.sources) == 1 else f"{counted(len(report.sources), 'source')}"
    out.print(
        f"Indexed {where}: {len(report.added)} added, {len(report.updated)} updated, "
        f"{len(report.removed)} removed, {report.unchanged} unchanged ({report.seconds:.2f} s)."
        + (f" {counted(len(report.warnings), 'warning')} above." if report.warnings else "")
    )


def articles(
    skipped: bool = typer.Option(False, "--skipped", help="List the files that were not indexed, and why."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """List the indexed articles (or, with --skipped, the files that were not indexed)."""
    cfg, out, _ = start()
    if skipped:
        entries = on_index(cfg, lambda kabar: kabar.skipped())
        if as_json:
            emit_json(entries)
        elif not entries:
            out.print("No file was skipped: every NNN_<hash>.txt file of every source is indexed.")
        for entry in [] if as_json else entries:
            out.print(f"{entry.source}/{entry.name}: {entry.reason}")
        return
    infos = on_index(cfg, lambda kabar: kabar.articles())
    if as_json:
        emit_json(infos)
        return
    if not infos:
        out.print("No articles indexed. Put NNN_<hash>.txt files in a folder and run `kabar index FOLDER`.")
        return
    for info in infos:
        out.print(
            f"{info.id}  {info.title}  ({info.outlet or 'unknown outlet'}, {counted(info.sentences, 'sentence')})"
        )


def show(
    ref: str = typer.Argument(
        ..., metavar="ID", help="Article id (003, f001), full key (003_89031a1fd86b0abb) or URL."
    ),
    raw: bool = typer.Option(False, "--raw", help="Also show what was kept as metadata or removed, and why."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Show an article's numbered sentences."""
    cfg, out, _ = start()

    async def read(kabar: TerminalService) -> tuple[Article, ArticleOrigin | None]:
        found = await kabar.article(ref)
        return found, await kabar.feeds.provenance(found.id)

    art, origin = on_index(cfg, read)
    if as_json:
        emit_json(art if origin is None else {**plain_data(art), "origin": origin})
        return
    out.print(f"{art.id}  {art.title}" + ("  (title derived from the first sentence)" if art.title_derived else ""))
    meta = [f"{k}: {v}" for k, v in (("outlet", art.outlet), ("dateline", art.dateline), ("editor", art.editor)) if v]
    if meta:
        out.print("   " + " · ".join(meta))
    for line in origin_lines(origin) if origin else ():
        out.print("   " + line)
    paragraph = None
    for sentence in art.sentences:
        if sentence.paragraph != paragraph:
            paragraph = sentence.paragraph
            heading = art.paragraphs[paragraph - 1].heading if 0 < paragraph <= len(art.paragraphs) else None
            out.print("")
            if heading:
                out.print(f"   ## {heading}")
        out.print(f"{sentence.index:>3}. {sentence.text}")
    if raw:
        out.print("")
        out.print("Kept out of the sentences:")
        learned = [r for r in art.removed if r.sentence is not None]
        for removal in art.removed:
            if removal.sentence is None:
                out.print(f"  line {removal.line:>3}  {removal.kind:<11} {removal.text}", markup=False)
        if learned:
            out.print("")
            out.print("Kept out of summaries, digests and /who-confirmed:")
            for removal in learned:
                out.print(
                    f"  sentence {removal.sentence:>3}  {removal.kind} ({removal.reason}): {removal.text}", markup=False
                )
        for warning in art.warnings:
            out.print(f"  warning: {warning}")


def search(
    query: str = typer.Argument(..., metavar="QUERY", help="Words or a figure (10000 also finds 10.000 and 10,000)."),
    limit: int = typer.Option(20, "--limit", "-n", min=1, max=500, help="Most hits to show."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Find sentences that mention the words or the figure."""
    cfg, out, _ = start()
    hits = on_index(cfg, lambda kabar: kabar.search(query, limit=limit))
    if as_json:
        emit_json(hits)
        return
    if not hits:
        out.print(f"Nothing matches {query!r}.", markup=False)
        return
    from bot.models import Answer, AnswerItem
    from bot.present.text import render

    # the same wrapped layout as `/search` in the chat
    items = tuple(AnswerItem.citing(h.article, h.sentence, h.text) for h in hits)
    out.print(render(Answer(command="search", query=query, items=items)), end="", markup=False)
