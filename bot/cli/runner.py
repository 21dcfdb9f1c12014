"""Terminal commands: `kabar run`, which starts the Discord bot."""

from __future__ import annotations

import typer

from bot.cli.common import consoles, fail, run, settings, setup_logging


def register(app: typer.Typer) -> None:
    """Add `run`."""
    app.command("run")(run_discord)


def run_discord() -> None:
    """Run the Discord bot (needs KABAR_DISCORD_TOKEN; without one, use `kabar chat`)."""
    cfg = settings()
    if not cfg.token:
        from bot.discord_app.client import NO_TOKEN
        from bot.errors import ConfigError

        fail(ConfigError(NO_TOKEN))
    log_path = setup_logging(cfg)
    _, err = consoles()
    err.print(f"Starting the Discord bot (log: {log_path}); press Ctrl+C to stop.")

    async def main() -> None:
        from bot.discord_app.client import run_bot

        await run_bot(cfg)

    run(main)
