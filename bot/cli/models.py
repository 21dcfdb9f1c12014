"""Terminal commands for translation: `models list|install|remove` and `translate`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from bot.cli.common import emit_json, fail, on_index, run, start, sub_app

if TYPE_CHECKING:  # pragma: no cover
    from bot.models import Answer, TranslationRun
    from bot.seams import TerminalService

models_app = sub_app("models", "Offline translation models (Argos packages): list, install, remove.")


def register(app: typer.Typer) -> None:
    """Add `models` (list, install, remove) and `translate`."""
    app.add_typer(models_app, name="models")
    app.command("translate")(translate)


@models_app.callback()
def _models(ctx: typer.Context) -> None:
    """Offline translation models: `kabar models` alone lists them."""
    if ctx.invoked_subcommand is None:
        list_models(as_json=False)


@models_app.command("list")
def list_models(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Show installed translation packages with their versions."""
    from bot.translate import packages

    cfg, out, _ = start()
    found = packages.installed(cfg.models_dir)
    if as_json:
        emit_json({"dir": str(cfg.models_dir), "packages": [p.as_dict() for p in found]})
        return
    if not found:
        _say(
            out,
            f"No translation models installed in {cfg.models_dir}. "
            "Run `kabar models install` (online) or `kabar models install --file PATH.argosmodel`.",
        )
        return
    for package in found:
        state = "ok" if package.problem is None else f"BROKEN: {package.problem}"
        _say(out, f"{package.pair:8}  {package.name}  {package.version}  {state}  ({package.path})")


@models_app.command("install")
def install(
    file: Path | None = typer.Option(None, "--file", "-f", help="Install this local .argosmodel file (no network)."),
    src: str = typer.Option("id", "--from", help="Source language code (index install)."),
    tgt: str = typer.Option("en", "--to", help="Target language code (index install)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Install a translation package from a file, or (online) from the Argos index."""
    import asyncio

    from bot.translate import packages

    cfg, out, _ = start()
    packages.configure_argos(cfg)

    async def go():
        if file is not None:
            return await asyncio.to_thread(
                packages.install_file,
                cfg.models_dir,
                file,
                max_bytes=cfg.model_max_mb << 20,
                max_ratio=cfg.model_max_ratio,
            )
        return await asyncio.to_thread(packages.install_from_index, cfg, src, tgt)

    package = run(go)
    if as_json:
        emit_json(package.as_dict())
        return
    _say(out, f"Installed {package.name} {package.version} ({package.pair}) in {package.path}.")


@models_app.command("remove")
def remove(
    src: str = typer.Argument(..., metavar="FROM", help="Source language code, e.g. id."),
    tgt: str = typer.Argument(..., metavar="TO", help="Target language code, e.g. en."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Delete the installed package for a language pair."""
    import asyncio

    from bot.translate import packages

    cfg, out, _ = start()

    async def go():
        return await asyncio.to_thread(packages.remove, cfg.models_dir, src, tgt)

    removed = run(go)
    if as_json:
        emit_json({"dir": str(cfg.models_dir), "removed": [p.as_dict() for p in removed]})
        return
    for package in removed:
        _say(out, f"Removed {package.name} {package.version} ({package.path}).")


def translate(
    ref: str | None = typer.Argument(None, metavar="ID", help="Article id (003) or key; omit with --all."),
    lang: str = typer.Option("en", "--lang", "-l", help="Target language (pivots through English when needed)."),
    all_articles: bool = typer.Option(False, "--all", help="Translate every indexed article (fills the cache)."),
    export: bool = typer.Option(False, "--export", help="Write translations/<id>.<lang>.txt for review."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Translate an article sentence by sentence (or all of them), from the cache when possible."""
    from bot.errors import QueryError

    cfg, out, err = start()
    if not ref and not all_articles:
        fail(QueryError("Name an article (e.g. `kabar translate 003`) or use --all."))
    if ref and all_articles:
        fail(QueryError("Give either an article or --all, not both."))

    async def one(kabar: TerminalService) -> Path | Answer:
        if export:
            return await kabar.export_translation(ref or "", lang)
        return await kabar.translate(ref or "", lang=lang)

    async def every(kabar: TerminalService) -> TranslationRun:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeRemainingColumn

        show_bar = not as_json and err.is_terminal
        with Progress(
            TextColumn("translating {task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=err,
            transient=True,
            disable=not show_bar,
        ) as bar:
            tasks: list[TaskID] = []  # the bar appears with the first article, after the model check

            def progress(article: str, done: int, total: int) -> None:
                if not tasks:
                    tasks.append(bar.add_task("", total=total))
                bar.update(tasks[0], description=article, completed=done)

            return await kabar.translate_all(lang, export=export, progress=progress)

    if all_articles:
        batch = on_index(cfg, every)
        if as_json:
            emit_json(batch)
            return
        _say(
            out,
            f"Translated {batch.articles} articles ({batch.sentences} sentences, "
            f"{batch.decoded} decoded now, the rest from the cache); {batch.flagged} sentences flagged.",
        )
        for path in batch.exported:
            _say(out, f"Wrote {path}")
        return

    result = on_index(cfg, one)
    if isinstance(result, Path):
        if as_json:
            emit_json({"article": ref, "lang": lang, "path": str(result)})
        else:
            _say(out, f"Wrote {result}: put reviewed lines on its '{lang}:' lines.")
        return
    if as_json:
        emit_json(result)
        return
    from bot.present.text import render

    # the same layout as `/translate` in the chat: English first, the original under it
    out.print(render(result), end="", markup=False)


def _say(console, text: str) -> None:
    """Print without rich markup: article text may contain brackets."""
    console.print(text, markup=False)
