from __future__ import annotations

from pathlib import Path

import pytest

from store.config import Settings


def test_embedded_default_lives_under_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("MISQUOTE_DATABASE_URL", "MISQUOTE_BROKER_URL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("MISQUOTE_HOME", str(tmp_path / "h"))
    settings = Settings.from_env()
    assert settings.home == (tmp_path / "h").resolve()
    assert settings.database_url == f"sqlite:///{settings.home / 'misquote.sqlite'}"
    assert settings.broker_url == f"sqla+sqlite:///{settings.home / 'broker.sqlite'}"
    assert settings.uses_embedded_store and settings.broker_is_embedded
    assert settings.home.is_dir()


def test_environment_and_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MISQUOTE_BROKER_URL", "redis://127.0.0.1:6379/3")
    monkeypatch.setenv("MISQUOTE_LEASE_SECONDS", "7")
    settings = Settings.from_env({"home": tmp_path, "MISQUOTE_MAX_CLAIMS": "9"})
    assert settings.broker_url == "redis://127.0.0.1:6379/3" and not settings.broker_is_embedded
    assert settings.lease_seconds == 7 and settings.max_claims == 9


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1", True), ("true", True), ("On", True), ("0", False), ("false", False), ("no", False)],
)
def test_flags_read_words_not_truthiness(tmp_path: Path, value: str, expected: bool) -> None:
    assert Settings.from_env({"home": tmp_path, "secure_cookies": value}).secure_cookies is expected
