"""Terminal commands that answer questions: ask, chat, summarize."""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import signal
import sys
from collections.abc import Callable
from pathlib import Path

import typer

from bot.cli.common import OFF_SCREEN, consoles, emit_json, log_file, on_index, run, service, start, tell_index
from bot.errors import KabarError, NoInput, QueryError
from bot.present.text import escape_controls

log = logging.getLogger("kabar.chat")

EXIT_WORDS = {"/quit", "/exit", "quit", "exit", ":q"}
QUIT_HELP = "\nType /quit (or press Ctrl-D) to leave the chat."


def register(app: typer.Typer) -> None:
    """Add `ask`, `chat` and `summarize`."""
    app.command("ask")(ask)
    app.command("chat")(chat)
    app.command("summarize")(summarize)


def ask(
    line: str = typer.Argument(
        ..., metavar="COMMAND", help='A chat command, e.g. "/summary kursk" or "/who-confirmed 10000".'
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the Answer as JSON."),
    explain: bool = typer.Option(False, "--explain", help="who-confirmed: show the figure, cue and source spans."),
) -> None:
    """Answer one chat command and exit (same syntax as in Discord).

    Options follow the command as key:value, e.g. "/summary kursk sentences:3
    method:lsa lang:en" or "/who-confirmed 10000 explain:yes"; "/help" lists
    the commands.
    """
    from bot.present.text import render

    cfg, out, _ = start()
    if explain and "explain:" not in line:
        line = f"{line} explain:yes"

    answer = on_index(cfg, lambda kabar: kabar.ask(line, check_sources=False))
    if as_json:
        emit_json(answer)
    else:
        out.print(render(answer), end="", markup=False)


def chat() -> None:
    """An interactive prompt that takes the chat commands (/help lists them)."""
    cfg, _, _ = start()
    run(lambda: chat_loop(cfg))


async def chat_loop(cfg, read=None) -> None:
    """Read commands until EOF or /quit; every answer or error is printed, nothing stops the loop."""
    from bot.present.text import render

    out, err = consoles()
    if read is None and sys.stdin is None:  # `kabar <&-`: nothing to read commands from
        raise NoInput(
            "Standard input is closed: the chat has no commands to read.",
            hint='run `kabar chat` in a terminal or pipe commands into it, use `kabar ask "/summary kursk"`, '
            "or set KABAR_DISCORD_TOKEN to run the Discord bot",
        )
    interactive = read is None and sys.stdin.isatty()
    if interactive:
        with contextlib.suppress(ImportError):
            pass  # line editing and history at the prompt
    if read is None:

        def read() -> str:
            try:
                return prompt_line() if interactive else sys.stdin.readline()
            except (OSError, UnicodeDecodeError) as exc:
                raise NoInput(f"Standard input cannot be read ({_why(exc)}).") from exc

    async with service(cfg) as kabar:
        report = await kabar.ensure_indexed()
        infos = await kabar.articles()
        sources = [s.location for s in await kabar.sources()]
        where = sources[0] if len(sources) == 1 else f"{len(sources)} sources"
        out.print(f"kabar — {len(infos)} articles indexed from {where}. Type /help for commands, /quit to leave.")
        if report is not None:
            for warning in report.warnings:
                err.print(f"warning: {warning}")
        while True:
            try:
                # Read in this thread, not a worker: Ctrl-C must interrupt the prompt
                # itself (a worker thread blocked in input() would hold the exit until Enter).
                line = read()
            except (EOFError, KeyboardInterrupt):
                out.print("")
                return
            if line == "" and not interactive:
                return  # end of piped input
            line = line.strip()
            if not line:
                continue
            if line.lower() in EXIT_WORDS:
                return
            if not interactive:
                out.print(f"kabar> {line}", markup=False)
            try:
                tell_index(await kabar.ensure_indexed())  # files dropped in while chatting are found
                answer = await kabar.ask(line, check_sources=False)
            except KabarError as exc:
                err.print(escape_controls(str(exc), lines=False), markup=False)
                continue
            except Exception:  # keep the conversation alive
                log.exception("unexpected error answering %r", line, extra=OFF_SCREEN)
                err.print(f"Sorry, something went wrong answering that. The details are in {log_file()}.", markup=False)
                continue
            out.print(render(answer), end="", markup=False)
            if answer.command == "help":
                out.print(QUIT_HELP, markup=False)


def prompt_line(ask: Callable[[str], str] = input) -> str:
    """Read one line at the prompt with Ctrl-C raising KeyboardInterrupt at once.

    asyncio.run's own SIGINT handler only cancels the main task, which a blocking
    input() never notices: without this, Ctrl-C would wait for the next Enter.
    """
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        return ask("kabar> ")
    finally:
        signal.signal(signal.SIGINT, previous)


def summarize(
    path: str = typer.Argument(..., metavar="PATH|-", help="An Indonesian text file, or - for standard input."),
    sentences: int = typer.Option(3, "--sentences", "-n", min=1, max=50, help="How many sentences."),
    method: str | None = typer.Option(
        None, "--method", "-m", help="news (default), lead, lexrank, lsa, textrank, luhn, kl, sumbasic."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the Answer as JSON."),
) -> None:
    """Summarise one Indonesian text (a file or stdin): the key sentences in order."""
    from bot.present.text import render

    cfg, out, _ = start()
    text = _read_text(path)

    answer = on_index(cfg, lambda kabar: kabar.summarize_text(text, sentences=sentences, method=method), index=False)
    if not answer.query:  # name what was summarised, in the title and in the JSON
        answer = dataclasses.replace(answer, query="standard input" if path == "-" else Path(path).name)
    if as_json:
        emit_json(answer)
    else:
        out.print(render(answer), end="", markup=False)


def _why(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def _read_text(path: str) -> str:
    from bot.cli.common import fail

    if path == "-" and sys.stdin is None:
        fail(NoInput("Standard input is closed: there is no text to summarise.", hint="pipe a text in, or give a file"))
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        fail(
            (NoInput if path == "-" else QueryError)(
                f"Cannot read {'standard input' if path == '-' else path}: {_why(exc)}."
            )
        )
        raise
    except ValueError:  # a name no file system can hold (a lone surrogate, NUL)
        fail(QueryError(f"Cannot read {path}: that is not a usable file name."))
        raise
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        where = "Standard input" if path == "-" else path
        fail(QueryError(f"{where} is not UTF-8 text; convert it first (for example with iconv -t UTF-8)."))
        raise
