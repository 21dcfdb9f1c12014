"""What every terminal command shares: settings, the service, errors and output.

Commands are thin: load Settings, open the service with `service(settings)`, call it
inside `run(...)`, and print with `out`/`emit_json`. `run` turns a KabarError into a
one-line message and its exit code, and an unexpected error into a short apology
(the traceback goes to the log file, never to the screen).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from bot.config import Settings, load_settings
from bot.errors import ConfigError, KabarError
from bot.present.text import escape_controls

if TYPE_CHECKING:  # pragma: no cover - the service module loads when a command opens it
    from bot.models import IndexReport
    from bot.seams import TerminalService

T = TypeVar("T")

log = logging.getLogger("kabar")


class PlainConsole(Console):
    """A rich Console that shows text as written: no emoji codes (`:x:` stays `:x:`), markup only
    where a call asks for it, and control characters escaped (a file name holding ESC [2J prints
    as `\\x1b[2J`, never clears the screen), on a terminal and when piped alike."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(highlight=False, soft_wrap=True, markup=False, emoji=False, **kwargs)

    def render_str(self, text: str, **kwargs: Any) -> Any:
        kwargs["emoji"] = False
        return super().render_str(escape_controls(text), **kwargs)


def consoles() -> tuple[Console, Console]:
    """(stdout, stderr) consoles that print article text and file names as written.

    Article text and user input may hold brackets (`[Reuters]`, `[/x]`) that rich would
    read as markup, so markup is opt-in per call.
    """
    return PlainConsole(), PlainConsole(stderr=True)


def settings(**overrides: Any) -> Settings:
    """Load Settings or exit with the configuration problem."""
    try:
        return load_settings(**{k: v for k, v in overrides.items() if v is not None})
    except KabarError as exc:
        fail(exc)
        raise  # unreachable: fail exits
    except UnicodeDecodeError:
        fail(ConfigError("The .env file is not UTF-8 text.", hint="save .env as UTF-8 (see .env.example)"))
        raise
    except OSError as exc:
        fail(
            ConfigError(
                f"Cannot read the .env file: {exc.strerror or exc}.", hint="fix or remove .env (see .env.example)"
            )
        )
        raise


LOG_HANDLER = "kabar-log-file"

#: pass as `extra=` to log something the caller already told the user in its own line
OFF_SCREEN = {"screen": False}


class OneLineFormatter(logging.Formatter):
    """Log records on the screen: one line each, never a traceback (that goes to the log file)."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage().strip().splitlines()
        line = f"{record.levelname}: {escape_controls(message[0] if message else '')}"
        if record.exc_info or len(message) > 1:
            line += f" (details in {log_file()})"
        return line


def setup_logging(settings: Settings) -> Path:
    """Log warnings to stderr and everything at the configured level to .kabar/kabar.log."""
    log_path = settings.db.parent / "kabar.log"
    root = logging.getLogger()
    if getattr(root, "_kabar_configured", False):
        return log_path
    level = settings.log_level  # validated by Settings
    root.setLevel(logging.DEBUG)
    try:
        log_path.parent.mkdir(parents=True, exist_ok=True)
        file_handler = logging.FileHandler(log_path, encoding="utf-8")
        file_handler.set_name(LOG_HANDLER)
        file_handler.setLevel(level)
        file_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(file_handler)
    except OSError:
        pass
    stderr_handler = logging.StreamHandler(sys.stderr)
    stderr_handler.setLevel(logging.WARNING)
    stderr_handler.setFormatter(OneLineFormatter())
    stderr_handler.addFilter(lambda record: getattr(record, "screen", True))
    root.addHandler(stderr_handler)
    root._kabar_configured = True  # type: ignore[attr-defined]
    return log_path


def fail(exc: KabarError) -> None:
    """Print a KabarError as a clear message and exit with its code."""
    _, err = consoles()
    err.print(f"[bold red]error:[/] {escape(escape_controls(exc.user_message, lines=False))}", markup=True)
    if exc.hint:
        err.print(f"[dim]hint:[/] {escape(escape_controls(exc.hint, lines=False))}", markup=True)
    raise typer.Exit(exc.exit_code)


def run(coro_factory: Callable[[], Awaitable[T]]) -> T:
    """Run an async command; map errors to messages and exit codes."""
    try:
        return asyncio.run(_call(coro_factory))
    except KabarError as exc:
        fail(exc)
        raise  # unreachable
    except KeyboardInterrupt:
        raise typer.Exit(130) from None
    except (typer.Exit, typer.Abort, SystemExit):
        raise
    except Exception:  # noqa: BLE001 - the last line of defence
        raise typer.Exit(crash()) from None


def crash() -> int:
    """Report the exception being handled: its traceback to the log file, one line with the
    log's path to the screen; returns the exit code (70)."""
    log.error("unexpected error", exc_info=sys.exc_info(), extra=OFF_SCREEN)  # the exception being handled
    _, err = consoles()
    err.print(f"Sorry, something went wrong inside kabar. The details are in {log_file()}.")
    return 70


def log_file() -> str:
    """Where the log file really is (it follows KABAR_DB), for messages that point to it."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.FileHandler) and handler.get_name() == LOG_HANDLER:
            return handler.baseFilename
    return "the log (no log file could be opened)"


async def _call(factory: Callable[[], Awaitable[T]]) -> T:
    return await factory()


@contextlib.asynccontextmanager
async def service(settings: Settings) -> AsyncIterator[TerminalService]:
    """Open the Kabar service (imported lazily to keep start-up fast)."""
    from bot.service import Kabar

    async with Kabar(settings) as kabar:
        yield kabar


def start() -> tuple[Settings, Console, Console]:
    """What every command does first: Settings, logging, and the (stdout, stderr) consoles."""
    cfg = settings()
    setup_logging(cfg)
    return (cfg, *consoles())


def on_index(cfg: Settings, call: Callable[[TerminalService], Awaitable[T]], *, index: bool = True) -> T:
    """Run `call(kabar)` on an open service, once the index is up to date with its sources
    (`index=False`: as it is, for calls that index on their own or need no index)."""

    async def go() -> T:
        async with service(cfg) as kabar:
            if index:
                tell_index(await kabar.ensure_indexed())
            return await call(kabar)

    return run(go)


def tell_index(report: IndexReport | None) -> None:
    """What a command's own check of the sources found that the user must know, on stderr:
    sources whose articles were kept despite a problem, and files skipped since the last check."""
    if report is None:
        return
    _, err = consoles()
    for line in report.kept:
        err.print(f"warning: {line}")
    for entry in report.newly_skipped:
        err.print(f"warning: {entry.line}")


def sub_app(name: str, help: str) -> typer.Typer:
    """A command group (`kabar models ...`, `kabar sources ...`) laid out like the main app."""
    return typer.Typer(
        name=name,
        help=help,
        no_args_is_help=False,
        invoke_without_command=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )


def emit_json(value: Any) -> None:
    from bot.present.json import dumps

    sys.stdout.write(dumps(value) + "\n")
    sys.stdout.flush()
