from __future__ import annotations

from typing import Any

from flask import current_app
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from schemas import Problem
from service.errors import problem
from store.db import ping

blp = Blueprint("health", __name__, description="Liveness and readiness")


class Health(Schema):
    status = fields.String(required=True)
    checks = fields.Dict(keys=fields.String(), values=fields.String())


@blp.route("/healthz")
@blp.response(200, Health)
def healthz() -> dict[str, Any]:
    """The process is up (no dependencies consulted)."""
    return {"status": "ok"}


@blp.route("/readyz")
@blp.response(200, Health)
@blp.alt_response(503, schema=Problem, content_type="application/problem+json")
def readyz() -> Any:
    """The database and the broker are reachable."""
    checks: dict[str, str] = {}
    try:
        ping(current_app.extensions["misquote"].engine)
        checks["database"] = "ok"
    except Exception as exc:  # noqa: BLE001 - reported, not raised
        checks["database"] = f"unavailable ({type(exc).__name__})"
    try:
        with current_app.extensions["celery"].connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        checks["broker"] = "ok"
    except Exception as exc:  # noqa: BLE001
        checks["broker"] = f"unavailable ({type(exc).__name__})"
    if all(v == "ok" for v in checks.values()):
        return {"status": "ok", "checks": checks}
    response = problem(
        503, "Service Unavailable", "; ".join(f"{k}: {v}" for k, v in checks.items())
    )
    response.headers["Retry-After"] = "5"
    return response
