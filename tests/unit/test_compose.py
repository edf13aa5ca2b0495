"""docker-compose.yml cannot run here (no Docker engine): check it lines up with the code."""

from __future__ import annotations

import importlib
from dataclasses import fields
from pathlib import Path
from typing import Any

import yaml

from store.config import Settings

ROOT = Path(__file__).resolve().parents[2]


def compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    return data


def test_services_and_healthchecks() -> None:
    services = compose()["services"]
    assert set(services) == {"redis", "postgres", "api", "worker", "flower"}
    for name in ("redis", "postgres", "api", "worker"):
        assert services[name]["healthcheck"]["test"], name
    worker_check = services["worker"]["healthcheck"]["test"]
    assert worker_check[1:4] == ["celery", "-A", "workers.celery_app"]
    assert worker_check[4:6] == ["inspect", "ping"]
    for name in ("api", "worker"):
        deps = services[name]["depends_on"]
        assert deps["redis"]["condition"] == "service_healthy"
        assert deps["postgres"]["condition"] == "service_healthy"


def test_commands_point_at_real_code() -> None:
    services = compose()["services"]
    api_cmd = services["api"]["command"]
    assert api_cmd[0] == "gunicorn"
    module, attr = api_cmd[-1].split(":")
    assert module == "service.wsgi" and attr == "app"
    assert (ROOT / "service" / "wsgi.py").exists()
    assert services["worker"]["command"][:2] == ["misquote", "worker"]
    celery_module = services["flower"]["command"][services["flower"]["command"].index("-A") + 1]
    assert hasattr(importlib.import_module("workers.app"), "make_celery")
    assert (ROOT / (celery_module.replace(".", "/") + ".py")).exists()
    assert (ROOT / "Dockerfile").exists()


def test_environment_matches_settings() -> None:
    names = {f"MISQUOTE_{f.name.upper()}" for f in fields(Settings)}
    services = compose()["services"]
    for name in ("api", "worker", "flower"):
        env = services[name]["environment"]
        assert set(env) <= names, set(env) - names
        assert env["MISQUOTE_BROKER_URL"].startswith("redis://redis:")
        assert env["MISQUOTE_DATABASE_URL"].startswith("postgresql+psycopg://")
        user = services["postgres"]["environment"]["POSTGRES_USER"]
        assert f"//{user}:" in env["MISQUOTE_DATABASE_URL"]
