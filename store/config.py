"""Settings shared by the API, the workers and the CLI.

One object, built from ``MISQUOTE_*`` environment variables and optional overrides, is passed to
``create_app`` and ``make_celery``; nothing reads the environment after start-up.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any


def _default_home() -> Path:
    return Path(os.environ.get("MISQUOTE_HOME") or Path.home() / ".misquote")


def _flag(value: Any) -> bool:
    """``1``/``true``/``yes``/``on`` (any case) are true; ``bool("0")`` would be true too."""
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Settings:
    home: Path
    database_url: str
    broker_url: str
    #: Celery queue name; tests use a unique one so runs never see each other's messages.
    queue: str = "misquote"
    max_body_chars: int = 200_000
    max_request_bytes: int = 4 * 1024 * 1024
    max_claims: int = 500
    max_document_chars: int = 2_000_000
    #: A running job whose lease has expired is taken back by the reaper.
    lease_seconds: int = 120
    task_time_limit: int = 90
    #: A queued job not started after this long is enqueued again (a lost broker message).
    requeue_after_seconds: int = 30
    reaper_interval_seconds: float = 2.0
    max_attempts: int = 5
    #: Audits: articles per chunk task, and the limits on one upload (past them: 413).
    audit_chunk_size: int = 25
    max_audit_articles: int = 10_000
    max_audit_bytes: int = 64 * 1024 * 1024
    worker_concurrency: int = 1
    #: Passages added since the corpus index's base was built before a worker rebuilds the base.
    index_max_delta: int = 20_000
    #: Comma-separated networks a callback may resolve to although private or loopback.
    webhook_allow: str = ""
    webhook_max_attempts: int = 8
    #: First retry delay; each later one doubles (capped at 10 minutes).
    webhook_backoff_seconds: float = 2.0
    webhook_timeout_seconds: float = 10.0
    #: Requests per API key on /v1 routes, in flask-limiter notation ("" turns limits off).
    rate_limit: str = "600/minute"
    #: Where the counters live; default: the broker when it is Redis, else this process's memory.
    rate_limit_storage: str = ""
    #: Signs the review page's session cookies; when empty, one is generated and kept in
    #: ``home/secret_key`` so sign-ins survive a restart (set it when ``home`` is not shared).
    secret_key: str = field(default="", repr=False)
    #: Failed review-page sign-ins allowed per email in a window (per client address: five
    #: times as many, for a newsroom behind one NAT); past it even the right password waits.
    signin_limit: str = "10/15 minutes"
    #: Send the session cookie only over HTTPS; turn on when the page is served behind TLS.
    secure_cookies: bool = False

    @classmethod
    def from_env(cls, overrides: dict[str, Any] | None = None) -> Settings:
        """Environment first, then explicit overrides (keys are field names, case-insensitive)."""
        values: dict[str, Any] = {}
        names = {f.name: f for f in fields(cls)}
        for name in names:
            env = os.environ.get(f"MISQUOTE_{name.upper()}")
            if env is not None and env != "":
                values[name] = env
        for key, value in (overrides or {}).items():
            key = key.lower().removeprefix("misquote_")
            if key in names and value is not None:
                values[key] = value
        home = Path(values.pop("home", None) or _default_home()).expanduser().resolve()
        database_url = values.pop("database_url", None) or f"sqlite:///{home / 'misquote.sqlite'}"
        broker_url = values.pop("broker_url", None) or f"sqla+sqlite:///{home / 'broker.sqlite'}"
        settings = cls(home=home, database_url=database_url, broker_url=broker_url)
        coerced: dict[str, Any] = {}
        for key, value in values.items():
            default = getattr(settings, key)
            if isinstance(default, bool):
                coerced[key] = _flag(value)
            elif isinstance(default, str):
                coerced[key] = str(value)
            else:
                coerced[key] = type(default)(value)
        settings = replace(settings, **coerced)
        if settings.uses_embedded_store or settings.broker_url.startswith("sqla+sqlite"):
            settings.home.mkdir(parents=True, exist_ok=True)
        return settings

    @property
    def uses_embedded_store(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def broker_is_embedded(self) -> bool:
        return self.broker_url.startswith("sqla+")
