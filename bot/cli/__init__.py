"""The terminal adapter: the `kabar` command line, assembled from one module per topic.

Each topic module (`corpus`, `sources`, `answers`, `digest`, `models`, `runner`) exposes `register(app)`,
which adds its commands; heavy imports stay inside the commands so start-up is fast.
`kabar` with no command is the main job: the Discord bot when a token is configured,
otherwise the local chat on the bundled seeds.
"""

from __future__ import annotations

import typer

from bot.cli import answers, corpus, digest, models, runner, sources


def _main_job(ctx: typer.Context) -> None:
    """Indonesian news, cited and readable in English.

    With no command: run the Discord bot when a token is configured, else chat
    locally in the terminal on the bundled seeds.
    """
    if ctx.invoked_subcommand is not None:
        return
    from bot.cli.common import settings

    cfg = settings()
    if cfg.token:
        ctx.invoke(ctx.command.get_command(ctx, "run"))
    else:
        answers.chat()


def build_app() -> typer.Typer:
    app = typer.Typer(
        name="kabar",
        no_args_is_help=False,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )
    app.callback(invoke_without_command=True)(_main_job)
    for module in (corpus, sources, answers, digest, models, runner):
        module.register(app)
    return app


def main() -> None:
    """Console-script entry point: whatever escapes a command is still one line on the screen."""
    import os
    import sys

    try:
        build_app()(prog_name="kabar")
    except BrokenPipeError:  # `kabar articles | head -1`: the reader left; say nothing more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(141)
    except Exception:  # noqa: BLE001 - the last line of defence, outside any command's own
        from bot.cli.common import crash

        sys.exit(crash())
