"""Shared fixtures: an embedded-default app per test, and the real servers for integration tests."""

from __future__ import annotations

import json
import os
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings as hypothesis_settings

from store.config import Settings

# CI replays the same generated examples on every run, so a stop is judged on the code, not on
# the draw; a developer's run keeps exploring new examples.
hypothesis_settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("MISQUOTE_REQUIRE_SERVICES"):
    hypothesis_settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "cli" / "demo"

REDIS_URL = os.environ.get("MISQUOTE_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
PG_URL = os.environ.get(
    "MISQUOTE_TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def demo_json(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DEMO / name).read_text(encoding="utf-8"))
    return data


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.from_env(
        {"home": tmp_path / "home", "database_url": None, "broker_url": None, "queue": "unit"}
    )


@pytest.fixture
def app(settings: Settings) -> Any:
    from service.app import create_app

    app = create_app(settings)
    app.config["TESTING"] = True
    return app


@pytest.fixture
def client(app: Any) -> Any:
    return app.test_client()


@pytest.fixture
def make_key(app: Any) -> Any:
    from store import repo

    def make(newsroom: str = "tribune") -> dict[str, str]:
        with app.extensions["misquote"].session() as session:
            key = repo.create_api_key(session, newsroom)
            session.commit()
        return {"Authorization": f"Bearer {key}"}

    return make


def _port_open(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def require_server(host: str, port: int, what: str) -> None:
    """Integration tests need the real thing; in CI a missing server is a failure, not a skip."""
    if _port_open(host, port):
        return
    message = f"{what} is not reachable on {host}:{port} (run .ci/run to start it)"
    if os.environ.get("MISQUOTE_REQUIRE_SERVICES"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def redis_url() -> str:
    require_server("127.0.0.1", 6379, "Redis")
    return REDIS_URL


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A throwaway database on the real PostgreSQL server, dropped after the session."""
    require_server("127.0.0.1", 5432, "PostgreSQL")
    import psycopg
    from sqlalchemy.engine import make_url

    base = make_url(PG_URL)
    name = f"misquote_test_{uuid.uuid4().hex[:10]}"
    conninfo = base.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(conninfo, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
