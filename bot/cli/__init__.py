"""The terminal adapter: the `kabar` command line."""

from __future__ import annotations


def main() -> None:
    """Console-script entry point."""
    raise SystemExit("kabar: the command line is being assembled")
