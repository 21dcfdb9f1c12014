"""The one Settings object, built from the environment and `.env`; the only env reader.

Every setting has a default that works on a fresh clone (seeds in ./seeds, state in
./.kabar). Names are `KABAR_<FIELD>` except where noted (the Discord token is also
read from `DISCORD_TOKEN`).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.errors import ConfigError

#: the summary methods (bot.nlp.summarize.METHODS; a test keeps the two equal)
SUMMARY_METHODS = ("lexrank", "lsa", "textrank", "luhn", "kl", "sumbasic", "lead", "news")
#: Discord ids are positive and fit SQLite's signed 64-bit integers
MAX_SNOWFLAKE = 2**63 - 1
#: a feed is polled at most once a minute and at least once a week (0 turns polling off)
MIN_FEED_INTERVAL = 1.0
MAX_FEED_INTERVAL = 7 * 24 * 60.0
MAX_CONTACT_CHARS = 200
_INTERVAL = re.compile(r"(\d+(?:\.\d+)?)\s*(m|min|mins|minutes?|h|hours?|)")


class Settings(BaseSettings):
    """All of kabar's configuration; pass it down, never read the environment elsewhere."""

    model_config = SettingsConfigDict(
        env_prefix="KABAR_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        env_ignore_empty=True,
        populate_by_name=True,
    )

    # --- corpus and storage -------------------------------------------------------
    seeds_dir: Path = Path("seeds")
    db: Path = Path(".kabar/kabar.db")
    translations_dir: Path = Path("translations")

    # --- answers --------------------------------------------------------------------
    summary_method: str = "lexrank"  # one of SUMMARY_METHODS
    summary_sentences: int = Field(5, ge=1, le=20)
    max_query_chars: int = Field(200, ge=10, le=5000)
    answer_cache_mb: int = Field(64, ge=1, le=65536)  # the answer cache's share of the database file

    # --- translation ----------------------------------------------------------------
    models_dir: Path = Field(
        Path(".kabar/argos-packages"),
        validation_alias=AliasChoices("KABAR_MODELS_DIR", "ARGOS_PACKAGES_DIR"),
    )
    argos_index_url: str = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"
    network_timeout: float = Field(10.0, gt=0, le=600, allow_inf_nan=False)
    translate_beam_size: int = Field(2, ge=1, le=8)
    translate_threads: int = Field(0, ge=0, le=64)  # 0: use every core
    translate_batch_size: int = Field(16, ge=1, le=512)
    translate_max_ratio: float = Field(2.0, gt=0, le=16, allow_inf_nan=False)  # max output tokens per input token
    translate_concurrency: int = Field(1, ge=1, le=8)
    model_max_mb: int = Field(1024, ge=1, le=65536)  # what a package may unpack to, in all
    model_max_ratio: float = Field(20.0, ge=1, le=10_000, allow_inf_nan=False)  # unpacked/packed size of a member

    # --- discord --------------------------------------------------------------------
    discord_token: SecretStr | None = Field(None, validation_alias=AliasChoices("KABAR_DISCORD_TOKEN", "DISCORD_TOKEN"))
    guild_id: int | None = Field(None, gt=0, le=MAX_SNOWFLAKE)
    digest_channel_id: int | None = Field(None, gt=0, le=MAX_SNOWFLAKE)
    digest_time: str = "07:00"
    digest_tz: str = "Asia/Jakarta"
    digest_empty_note: bool = False
    reindex_minutes: float = Field(10.0, gt=0, le=7 * 24 * 60, allow_inf_nan=False)
    work_concurrency: int = Field(2, ge=1, le=16)
    page_timeout_minutes: float = Field(5.0, gt=0, le=14, allow_inf_nan=False)  # paging buttons stay live this long

    # --- feeds ----------------------------------------------------------------------
    feed_interval: float = 15.0  # minutes between two polls of a feed by the bot; 0 ("off"): never
    feed_contact: str = ""  # how a site's operator reaches you (URL or e-mail), sent in the User-Agent
    feed_host_delay: float = Field(2.0, ge=0, le=60, allow_inf_nan=False)  # seconds between requests to a host
    feed_max_failures: int = Field(8, ge=1, le=1000)  # failures in a row before a feed is paused

    log_level: str = "INFO"

    @field_validator("summary_method")
    @classmethod
    def _check_method(cls, value: str) -> str:
        method = value.strip().lower()
        if method not in SUMMARY_METHODS:
            raise ValueError(f"unknown summary method {value!r} (use one of {', '.join(SUMMARY_METHODS)})")
        return method

    @field_validator("models_dir", "seeds_dir", "translations_dir")
    @classmethod
    def _check_folder(cls, value: Path) -> Path:
        path = value.expanduser()
        if path.exists() and not path.is_dir():
            raise ValueError(f"{value} is a file, not a folder")
        _check_parents(value)
        return value

    @field_validator("db")
    @classmethod
    def _check_db(cls, value: Path) -> Path:
        if value.expanduser().is_dir():
            raise ValueError(f"{value} is a folder; give the path of the database file")
        _check_parents(value)
        return value

    @field_validator("digest_time")
    @classmethod
    def _check_time(cls, value: str) -> str:
        parse_hhmm(value)
        return value

    @field_validator("feed_interval", mode="before")
    @classmethod
    def _check_interval(cls, value: object) -> float:
        return parse_interval(value)

    @field_validator("feed_contact")
    @classmethod
    def _check_contact(cls, value: str) -> str:
        text = value.strip()
        if len(text) > MAX_CONTACT_CHARS or not text.isprintable():
            raise ValueError(
                f"give a short contact (a URL or an e-mail address, at most {MAX_CONTACT_CHARS} characters)"
            )
        return text

    @field_validator("log_level")
    @classmethod
    def _check_level(cls, value: str) -> str:
        if value.upper() not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError(f"log level {value!r} is not one of DEBUG, INFO, WARNING, ERROR")
        return value.upper()

    @field_validator("digest_tz")
    @classmethod
    def _check_tz(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r} (use an IANA name such as Asia/Jakarta)") from exc
        return value

    @property
    def token(self) -> str:
        """The Discord token, or "" when none is configured (never log it)."""
        return self.discord_token.get_secret_value().strip() if self.discord_token else ""

    @property
    def digest_clock(self) -> dt.time:
        """The digest time as a timezone-aware `datetime.time`."""
        return parse_hhmm(self.digest_time).replace(tzinfo=ZoneInfo(self.digest_tz))


def _check_parents(value: Path) -> None:
    """A path whose nearest existing ancestor is a file can never be created."""
    for parent in value.expanduser().absolute().parents:
        if parent.exists():
            if not parent.is_dir():
                raise ValueError(f"{value} is inside {parent}, which is a file, not a folder")
            return


def parse_hhmm(value: str) -> dt.time:
    """Parse "HH:MM" (24-hour) or raise ValueError with a readable message."""
    try:
        hours, minutes = value.strip().split(":")
        return dt.time(int(hours), int(minutes))
    except (ValueError, TypeError) as exc:
        raise ValueError(f"time {value!r} is not HH:MM (24-hour clock)") from exc


def parse_interval(value: object) -> float:
    """Minutes from "15", "15m", "90 min", "2h", 15.0; "off", "0" and "never" give 0 (no polling)."""
    text = str(value).strip().lower()
    if text in {"off", "never", "no", "false", "0", "0m", "0h"}:
        return 0.0
    match = _INTERVAL.fullmatch(text)
    if not match:
        raise ValueError(f"interval {value!r} is not a number of minutes (15, 15m, 2h) or off")
    minutes = float(match.group(1)) * (60.0 if match.group(2).startswith("h") else 1.0)
    if minutes == 0:
        return 0.0
    if not MIN_FEED_INTERVAL <= minutes <= MAX_FEED_INTERVAL:
        raise ValueError(
            f"interval {value!r} must be off or between {MIN_FEED_INTERVAL:g} minute and "
            f"{MAX_FEED_INTERVAL // (24 * 60):g} days"
        )
    return minutes


def _env_name(loc: tuple[object, ...]) -> str:
    """The variable(s) a user sets for a field: ('digest_time',) -> KABAR_DIGEST_TIME;
    a field read under several names lists them (KABAR_MODELS_DIR or ARGOS_PACKAGES_DIR)."""
    field = str(loc[0]) if loc else ""
    if not field:
        return "settings"
    for name, info in Settings.model_fields.items():
        choices = getattr(info.validation_alias, "choices", None) or []
        if field == name or field in choices:
            if choices:
                return " or ".join(str(c) for c in choices)
            return f"KABAR_{name.upper()}"
    return f"KABAR_{field.upper()}"


def load_settings(**overrides: object) -> Settings:
    """Build Settings from the environment and `.env`, raising ConfigError on bad values."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        problems = "; ".join(
            f"{_env_name(err['loc'])}: {str(err['msg']).removeprefix('Value error, ')}" for err in exc.errors()
        )
        raise ConfigError(f"Invalid configuration: {problems}", hint="see .env.example") from exc
