"""The terminal adapter: the `kabar` command line, assembled from one module per topic.

Each topic module (`corpus`, `sources`, `feeds`, `answers`, `digest`, `models`, `runner`) exposes
`register(app)`, which adds its commands; heavy imports stay inside the commands so start-up is fast.
`kabar` with no command is the main job: the Discord bot when a token is configured,
otherwise the local chat on the bundled seeds.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any, cast

import typer
from typer.core import TyperGroup

from bot.cli import answers, corpus, digest, feeds, models, runner, sources

#: the parser's error class, wherever this typer takes click from (its own copy, or click)
#: (typed as its subclass BadParameter: only format_message() and exit_code, which it has too, are used)
ParserError = cast(
    "type[typer.BadParameter]", next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")
)


class KabarGroup(TyperGroup):
    """The `kabar` command group. The parser's own refusals (an unknown option, a missing
    argument, a value of the wrong type) print like every other error: one `error:` line,
    control characters in the user's input escaped, and a hint with the usage; exit 2."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        from bot.cli.common import consoles
        from bot.present.text import escape_controls

        try:
            code = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        except ParserError as exc:
            _, err = consoles()
            err.print("error: " + escape_controls(exc.format_message(), lines=False))
            ctx = getattr(exc, "ctx", None)
            if ctx is not None:
                usage = " ".join(ctx.get_usage().split())
                err.print("hint: " + escape_controls(f"{usage} (`{ctx.command_path} --help` says more)", lines=False))
            sys.exit(exc.exit_code)
        except typer.Abort:
            sys.exit(130)
        sys.exit(code if isinstance(code, int) else 0)


def _show_version(wanted: bool) -> None:
    """`kabar --version`: the release and the engine stamp (the fingerprint cached answers carry)."""
    if not wanted:
        return
    from bot.stamp import engine_stamp

    typer.echo(f"kabar {engine_stamp()}")
    raise typer.Exit(0)


def _main_job(
    ctx: typer.Context,
    version: bool = typer.Option(
        False,
        "--version",
        callback=_show_version,
        is_eager=True,
        help="Print the version (release+engine stamp) and exit.",
    ),
) -> None:
    """Indonesian news, cited and readable in English.

    With no command: run the Discord bot when a token is configured, else chat
    locally in the terminal on the bundled seeds.
    """
    if ctx.invoked_subcommand is not None:
        return
    from bot.cli.common import settings

    cfg = settings()
    if cfg.token:
        run_command = cast(TyperGroup, ctx.command).get_command(ctx, "run")
        assert run_command is not None  # runner.register adds it
        ctx.invoke(run_command)
    else:
        answers.chat()


def build_app() -> typer.Typer:
    app = typer.Typer(
        name="kabar",
        cls=KabarGroup,
        no_args_is_help=False,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )
    app.callback(invoke_without_command=True)(_main_job)
    for module in (corpus, sources, feeds, answers, digest, models, runner):
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
