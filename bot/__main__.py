"""Entry point for `python -m bot`: hands over to the terminal adapter."""

from bot.cli import main

if __name__ == "__main__":
    main()
