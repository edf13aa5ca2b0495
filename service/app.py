"""Flask application factory (create_app + the Celery app from ``workers``)."""

from __future__ import annotations

import logging
from typing import Any

from celery import Celery
from flask import Flask, request
from flask_smorest import abort
from sqlalchemy.exc import OperationalError

from schemas import DocumentIn
from service import audits, corpus, health, jobs, reviews, web
from service.errors import ProblemApi, problem
from service.limits import init_limits
from service.observability import init_observability
from store.config import Settings
from store.db import migrate
from workers.app import make_celery
from workers.runtime import Runtime

log = logging.getLogger("misquote.api")


def create_app(
    config: dict[str, Any] | Settings | None = None, *, celery: Celery | None = None
) -> Flask:
    """Build the API. ``config`` holds ``MISQUOTE_*`` overrides (or a ready ``Settings``)."""
    settings = config if isinstance(config, Settings) else Settings.from_env(config)
    app = Flask("misquote")
    app.config.update(
        API_TITLE="misquote",
        API_VERSION="v1",
        OPENAPI_VERSION="3.1.0",
        OPENAPI_URL_PREFIX="/",
        OPENAPI_JSON_PATH="openapi.json",
        MAX_CONTENT_LENGTH=settings.max_request_bytes,
        JSON_SORT_KEYS=False,
    )
    runtime = Runtime(settings)
    migrate(runtime.engine)
    celery_app = celery or make_celery(settings)
    app.extensions["misquote"] = runtime
    app.extensions["celery"] = celery_app

    init_observability(app)
    init_limits(app, settings)
    api = ProblemApi(
        app,
        spec_kwargs={
            "info": {
                "description": "Checks quotes and figures in a draft against a reference corpus."
            },
            "components": {
                "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            },
        },
    )
    api.register_blueprint(health.blp)
    api.register_blueprint(jobs.blp)
    api.register_blueprint(corpus.blp)
    # Referenced by the one-or-many request body of POST /v1/corpus/documents.
    api.spec.components.schema("DocumentIn", schema=DocumentIn)
    api.register_blueprint(reviews.blp)
    api.register_blueprint(audits.blp)
    web.init_app(app, settings)  # the checkers' review page under /review

    @app.before_request
    def _json_only() -> None:
        writes = request.method in {"POST", "PUT", "PATCH"}
        if writes and request.path.startswith("/v1/") and not request.is_json:
            if audits.takes_non_json(request):  # a JSONL archive, or a cancel with no body
                return
            abort(415, message="Send the body as application/json.")

    @app.errorhandler(OperationalError)
    def _database_down(exc: OperationalError) -> Any:
        log.error("database unavailable: %s", type(exc.orig).__name__)
        return problem(
            503,
            "Service Unavailable",
            "The database is unavailable; try again shortly.",
            headers={"Retry-After": "5"},
            slug="database-unavailable",
        )

    return app
