"""Settings: defaults that work on a fresh clone, the environment, and clear errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.config import Settings, load_settings
from bot.errors import ConfigError


def test_defaults_work_without_configuration() -> None:
    s = load_settings(_env_file=None)
    assert s.seeds_dir == Path("seeds")
    assert s.db == Path(".kabar/kabar.db")
    assert s.discord_token is None
    assert s.digest_clock.tzinfo is not None and s.digest_clock.hour == 7


def test_environment_and_aliases(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KABAR_SEEDS_DIR", "/data/articles")
    monkeypatch.setenv("KABAR_DB", "/var/lib/kabar.db")
    monkeypatch.setenv("DISCORD_TOKEN", "secret-token")
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", "/models")
    s = load_settings(_env_file=None)
    assert s.seeds_dir == Path("/data/articles")
    assert s.db == Path("/var/lib/kabar.db")
    assert s.discord_token is not None and s.discord_token.get_secret_value() == "secret-token"
    assert "secret-token" not in repr(s)
    assert s.models_dir == Path("/models")


def test_dotenv_file_and_blank_values(tmp_path: Path) -> None:
    env = tmp_path / ".env"
    env.write_text("KABAR_GUILD_ID=\nKABAR_DIGEST_TIME=06:30\nKABAR_DIGEST_TZ=Europe/Berlin\n", encoding="utf-8")
    s = load_settings(_env_file=env)
    assert s.guild_id is None
    assert s.digest_clock.replace(tzinfo=None) == dt.time(6, 30)
    assert str(s.digest_clock.tzinfo) == "Europe/Berlin"


@pytest.mark.parametrize(
    ("name", "value", "fragment"),
    [
        ("KABAR_DIGEST_TIME", "25:99", "HH:MM"),
        ("KABAR_DIGEST_TZ", "Mars/Olympus", "unknown time zone"),
        ("KABAR_SUMMARY_SENTENCES", "0", "KABAR_SUMMARY_SENTENCES"),
        ("KABAR_GUILD_ID", "not-a-number", "KABAR_GUILD_ID"),
        ("KABAR_DIGEST_TIME", "7am", "KABAR_DIGEST_TIME: time '7am' is not HH:MM"),
        ("KABAR_LOG_LEVEL", "LOUD", "KABAR_LOG_LEVEL"),
        ("KABAR_SUMMARY_METHOD", "bogus", "KABAR_SUMMARY_METHOD: unknown summary method 'bogus'"),
        ("KABAR_TRANSLATE_MAX_RATIO", "inf", "KABAR_TRANSLATE_MAX_RATIO: Input should be a finite number"),
        ("KABAR_TRANSLATE_MAX_RATIO", "nan", "KABAR_TRANSLATE_MAX_RATIO: Input should be a finite number"),
        ("KABAR_TRANSLATE_MAX_RATIO", "1e9", "KABAR_TRANSLATE_MAX_RATIO"),
        ("KABAR_TRANSLATE_MAX_RATIO", "0", "KABAR_TRANSLATE_MAX_RATIO"),
        ("KABAR_REINDEX_MINUTES", "1e400", "KABAR_REINDEX_MINUTES"),
        ("KABAR_NETWORK_TIMEOUT", "-1", "KABAR_NETWORK_TIMEOUT"),
        ("KABAR_PAGE_TIMEOUT_MINUTES", "inf", "KABAR_PAGE_TIMEOUT_MINUTES"),
        ("KABAR_GUILD_ID", "-5", "KABAR_GUILD_ID: Input should be greater than 0"),
        ("KABAR_GUILD_ID", "0", "KABAR_GUILD_ID"),
        ("KABAR_DIGEST_CHANNEL_ID", "1" * 23, "KABAR_DIGEST_CHANNEL_ID: Input should be less than or equal to"),
        ("KABAR_MODELS_DIR", "{file}", "KABAR_MODELS_DIR or ARGOS_PACKAGES_DIR: {file} is a file, not a folder"),
        ("ARGOS_PACKAGES_DIR", "{file}", "KABAR_MODELS_DIR or ARGOS_PACKAGES_DIR: {file} is a file"),
        ("KABAR_MODELS_DIR", "{file}/models", "{file}, which is a file, not a folder"),
        ("KABAR_SEEDS_DIR", "{file}", "KABAR_SEEDS_DIR: {file} is a file, not a folder"),
        ("KABAR_DB", "{folder}", "KABAR_DB: {folder} is a folder"),
        ("KABAR_FEED_INTERVAL", "soon", "KABAR_FEED_INTERVAL: interval 'soon' is not a number of minutes"),
        ("KABAR_FEED_INTERVAL", "10s", "KABAR_FEED_INTERVAL: interval '10s' is not a number of minutes"),
        (
            "KABAR_FEED_INTERVAL",
            "0.5",
            "KABAR_FEED_INTERVAL: interval '0.5' must be off or between 1 minute and 7 days",
        ),
        ("KABAR_FEED_INTERVAL", "30d", "KABAR_FEED_INTERVAL"),
        ("KABAR_FEED_INTERVAL", "-15", "KABAR_FEED_INTERVAL"),
        ("KABAR_FEED_INTERVAL", "inf", "KABAR_FEED_INTERVAL"),
        ("KABAR_FEED_HOST_DELAY", "-1", "KABAR_FEED_HOST_DELAY"),
        ("KABAR_FEED_HOST_DELAY", "nan", "KABAR_FEED_HOST_DELAY"),
        ("KABAR_FEED_MAX_FAILURES", "0", "KABAR_FEED_MAX_FAILURES"),
        ("KABAR_FEED_CONTACT", "ops@example.org\x1b[2J", "KABAR_FEED_CONTACT: give a short contact"),
    ],
)
def test_bad_values_give_a_config_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str, value: str, fragment: str
) -> None:
    a_file = tmp_path / "a-file"
    a_file.write_text("x", encoding="utf-8")
    places = {"file": str(a_file), "folder": str(tmp_path)}
    value, fragment = value.format(**places), fragment.format(**places)
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError) as info:
        load_settings(_env_file=None)
    assert fragment in info.value.user_message


def test_summary_methods_are_the_summariser_s() -> None:
    from bot.config import SUMMARY_METHODS
    from bot.nlp.summarize import METHODS

    assert SUMMARY_METHODS == METHODS
    assert load_settings(_env_file=None, summary_method=" LSA ").summary_method == "lsa"


def test_the_largest_discord_id_is_accepted() -> None:
    assert load_settings(_env_file=None, guild_id=2**63 - 1).guild_id == 2**63 - 1


def test_example_env_file_loads() -> None:
    example = Path(__file__).resolve().parent.parent / ".env.example"
    s = Settings(_env_file=example)
    assert s.digest_tz == "Asia/Jakarta"


@pytest.mark.parametrize(
    ("value", "minutes"),
    [
        ("15", 15.0),
        ("15m", 15.0),
        ("90 min", 90.0),
        ("2h", 120.0),
        ("1.5h", 90.0),
        ("off", 0.0),
        ("OFF", 0.0),
        ("0", 0.0),
        ("never", 0.0),
        ("1", 1.0),
        ("10080", 10080.0),
    ],
)
def test_feed_interval_in_minutes_hours_or_off(monkeypatch: pytest.MonkeyPatch, value: str, minutes: float) -> None:
    monkeypatch.setenv("KABAR_FEED_INTERVAL", value)
    assert load_settings(_env_file=None).feed_interval == minutes


def test_feed_defaults_poll_every_15_minutes_politely() -> None:
    s = load_settings(_env_file=None)
    assert (s.feed_interval, s.feed_host_delay, s.feed_max_failures, s.feed_contact) == (15.0, 2.0, 8, "")
