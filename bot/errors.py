"""The project's error tree; every error carries a message fit to show a user.

    KabarError                      base; `.user_message` is safe to show anyone
    ├── ConfigError                 a setting is missing or invalid
    ├── CorpusError                 reading the article folder
    │   ├── ArticleNotFound         an id or key that is not indexed
    │   └── MalformedArticle        a file that cannot be read as an article
    ├── QueryError                  empty, huge or unusable user input
    │   ├── AmbiguousArticle        a reference that names several articles (3: 003 and 0003)
    │   └── NoInput                 standard input is closed or unreadable
    ├── StoreError                  the SQLite database cannot be used
    ├── DiscordUnavailable          Discord cannot be reached (network, DNS, an outage)
    ├── TaggerModelError            the part-of-speech model is missing or damaged
    ├── TranslationError            anything about translation
    │   ├── ModelNotInstalled       no package for the language pair
    │   ├── ModelCorrupt            a package that is partial or broken
    │   └── ModelUnavailable        the package index cannot be reached
    └── FeedError                   a feed or article page cannot be used
        ├── FetchError              the request failed (status, timeout, size, redirects)
        └── FeedUnusable            the response is not a feed kabar can read

Adapters catch `KabarError` and show `user_message`; anything else is a bug,
logged with its traceback and answered with a short apology.
"""

from __future__ import annotations


class KabarError(Exception):
    """Base of every error kabar raises on purpose."""

    #: exit code the terminal adapter uses for this kind of error
    exit_code: int = 1

    def __init__(self, user_message: str, *, hint: str | None = None) -> None:
        super().__init__(user_message)
        self.user_message = user_message
        self.hint = hint

    def __str__(self) -> str:
        if self.hint:
            return f"{self.user_message} ({self.hint})"
        return self.user_message


class ConfigError(KabarError):
    """A setting is missing or has an invalid value."""

    exit_code = 78


class CorpusError(KabarError):
    """The article folder or a file in it cannot be used."""


class ArticleNotFound(CorpusError):
    """An article id or key that is not in the index."""

    exit_code = 4


class MalformedArticle(CorpusError):
    """A file that is empty, binary, not UTF-8, or otherwise not an article."""


class QueryError(KabarError):
    """User input that cannot be answered as given (empty, too long, unusable)."""

    exit_code = 2


class AmbiguousArticle(QueryError):
    """A reference that several articles answer to ("3" when both 003 and 0003 are indexed)."""


class NoInput(QueryError):
    """Standard input is closed (`kabar <&-`) or cannot be read, where input is needed."""

    exit_code = 66  # EX_NOINPUT


class StoreError(KabarError):
    """The database cannot be opened, migrated or queried."""


class DiscordUnavailable(KabarError):
    """Discord cannot be reached: no network, a name that does not resolve, a refused connection, an outage."""

    exit_code = 69  # EX_UNAVAILABLE


class TaggerModelError(KabarError):
    """The part-of-speech model file is missing, unreadable or not a model."""


class TranslationError(KabarError):
    """Translation cannot be done as asked."""


class ModelNotInstalled(TranslationError):
    """No installed translation package covers the language pair."""

    exit_code = 3


class ModelCorrupt(TranslationError):
    """An installed or offered package is partial or broken."""

    exit_code = 3


class ModelUnavailable(TranslationError):
    """The package index cannot be reached (offline, timeout)."""

    exit_code = 3


class FeedError(KabarError):
    """A news feed or an article page cannot be fetched or read."""


class FetchError(FeedError):
    """An HTTP request failed; `reason` is one short phrase, `retry_after` the server's wish in seconds."""

    def __init__(
        self,
        user_message: str,
        *,
        reason: str,
        status: int | None = None,
        retry_after: float | None = None,
        transient: bool = True,
    ) -> None:
        super().__init__(user_message)
        self.reason = reason
        self.status = status
        self.retry_after = retry_after
        self.transient = transient


class FeedUnusable(FeedError):
    """The response arrived but is not an RSS or Atom feed (an HTML page, nothing parseable)."""
