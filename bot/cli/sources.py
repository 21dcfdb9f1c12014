"""Terminal commands over the sources kabar indexes: `sources list` and `sources remove DIR`."""

from __future__ import annotations

from pathlib import Path

import typer

from bot.cli.common import emit_json, on_index, start, sub_app
from bot.present.text import counted

sources_app = sub_app("sources", "The folders kabar indexes: list them, remove one (`kabar index DIR` adds one).")


def register(app: typer.Typer) -> None:
    """Add `sources` (list, remove)."""
    app.add_typer(sources_app, name="sources")


@sources_app.callback()
def _sources(ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """The folders kabar indexes: `kabar sources` alone lists them."""
    if ctx.invoked_subcommand is None:
        list_sources(as_json=as_json)


@sources_app.command("list")
def list_sources(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Show every source with its articles, skipped files, last full check and state."""
    cfg, out, _ = start()
    found = on_index(cfg, lambda kabar: kabar.sources())
    if as_json:
        emit_json(found)
        return
    if not found:
        out.print("No sources: `kabar index DIR` adds a folder of NNN_<hash>.txt articles.")
        return
    for source in found:
        checked = source.checked_at[:19].replace("T", " ") + " UTC" if source.checked_at else "never"
        state = "ok" if source.state in ("ok", "new") else f"{source.state.upper()}: {source.detail}"
        out.print(
            f"{source.location}  {counted(source.articles, 'article')}, {source.skipped} skipped, "
            f"checked {checked}, {state}"
        )


@sources_app.command("remove")
def remove_source(
    directory: Path = typer.Argument(..., metavar="DIR", help="The source folder to stop indexing."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Stop indexing a folder: its articles leave the index (its files are not touched)."""
    cfg, out, _ = start()
    source, removed = on_index(cfg, lambda kabar: kabar.remove_source(directory), index=False)
    if as_json:
        emit_json({"source": source.location, "removed": removed})
        return
    out.print(f"Removed the source {source.location} and its {counted(len(removed), 'article')} from the index.")
