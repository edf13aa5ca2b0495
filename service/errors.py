"""The one error shape: RFC 9457 ``application/problem+json`` for every HTTP error."""

from __future__ import annotations

import http
import logging
from typing import Any

from flask import Response, json
from flask_smorest import Api
from flask_smorest.utils import prepare_response
from werkzeug.exceptions import HTTPException

from schemas import Problem

log = logging.getLogger("misquote.api")

PROBLEM_TYPE = "https://misquote.dev/problems/"


def problem(
    status: int,
    title: str,
    detail: str | None = None,
    *,
    errors: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
    slug: str | None = None,
    extensions: dict[str, Any] | None = None,
) -> Response:
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE + slug if slug else "about:blank",
        "title": title,
        "status": status,
    }
    if detail:
        body["detail"] = detail
    if errors:
        body["errors"] = errors
    if extensions:  # RFC 9457 extension members, e.g. the decision a stale review lost to
        body.update({k: v for k, v in extensions.items() if k not in body})
    response = Response(
        json.dumps(body), status=status, mimetype="application/problem+json", headers=headers
    )
    return response


def _flatten_webargs(messages: Any) -> Any:
    """webargs nests errors by location (``{"json": {...}}``); clients only send JSON bodies."""
    if isinstance(messages, dict) and set(messages) <= {"json", "query", "headers", "files"}:
        merged: dict[str, Any] = {}
        for value in messages.values():
            if isinstance(value, dict):
                merged.update(value)
            else:
                merged.setdefault("_schema", []).extend(
                    value if isinstance(value, list) else [value]
                )
        return merged
    return messages


class ProblemApi(Api):
    """flask-smorest with problem+json errors, documented as such in the OpenAPI document."""

    ERROR_SCHEMA = Problem
    PROBLEM_CONTENT_TYPE = "application/problem+json"

    def _register_responses(self) -> None:
        """Document every error response as problem+json, which is what the handler sends."""
        for status in http.HTTPStatus:
            response: dict[str, Any] = {"description": status.phrase}
            if not (100 <= status < 200) and status not in (204, 304):
                response["schema"] = self.ERROR_SCHEMA
            prepare_response(response, self.spec, self.PROBLEM_CONTENT_TYPE)
            self.spec.components.response(status.name, response, lazy=True)
        response = {"description": "Default error response", "schema": self.ERROR_SCHEMA}
        prepare_response(response, self.spec, self.PROBLEM_CONTENT_TYPE)
        self.spec.components.response("DEFAULT_ERROR", response, lazy=True)

    def handle_http_exception(self, error: HTTPException) -> Response:  # type: ignore[override]
        prepared = getattr(error, "response", None)
        if isinstance(prepared, Response) and prepared.mimetype == "application/problem+json":
            return prepared  # already in the one shape (e.g. the rate limiter's 429)
        status = error.code or 500
        data = getattr(error, "data", None) or {}
        errors = data.get("errors") or data.get("messages")
        headers = dict(data.get("headers") or {})
        if status == 422 and errors:
            detail = "The request body has invalid fields; see errors."
        elif status >= 500:
            detail = "The server could not complete the request."
        else:
            detail = data.get("message") or error.description
        if status == 405 and error.valid_methods:  # type: ignore[attr-defined]
            headers["Allow"] = ", ".join(error.valid_methods)  # type: ignore[attr-defined]
        return problem(
            status,
            error.name,
            detail,
            errors=_flatten_webargs(errors) if errors else None,
            headers=headers,
        )
