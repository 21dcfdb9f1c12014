"""The terminal adapter: the `kabar` command line, assembled from one module per topic.

Each topic module (`corpus`, `answers`, `models`, `bot`) exposes `register(app)`, which
adds its commands; heavy imports stay inside the commands so start-up is fast.
"""

from __future__ import annotations

import typer

from bot.cli import answers, corpus, models, runner


def build_app() -> typer.Typer:
    app = typer.Typer(
        name="kabar",
        help="Indonesian news, cited and readable in English.",
        no_args_is_help=False,
        invoke_without_command=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )
    for module in (corpus, answers, models, runner):
        module.register(app)
    return app


def main() -> None:
    """Console-script entry point."""
    build_app()()
