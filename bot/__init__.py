"""kabar: Indonesian news, cited and readable in English."""

__version__ = "0.1.0"
