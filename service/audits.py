"""Audits over HTTP: an archive in (JSON or JSONL), progress by polling, a report out.

``POST /v1/audits`` stores the audit with its chunks and answers 202 before any article is
checked; the chunks are rung on the broker, and a worker's lease on each chunk (not the message)
decides who checks it. Limits: at most ``max_audit_articles`` articles (default 10,000) and
``max_audit_bytes`` bytes (default 64 MiB) per upload -- past either, 413. A JSONL line that is
not a valid article is a 422 whose ``errors`` name the line (``"line 3": [...]``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from flask import Request, Response, current_app, request, url_for
from flask_smorest import Blueprint, abort
from kombu.exceptions import OperationalError as BrokerError
from marshmallow import ValidationError

from schemas.audits import (
    FINISHED,
    JSONL_TYPES,
    ArticleIn,
    ArticleResult,
    AuditAccepted,
    AuditIn,
    AuditOut,
    AuditReport,
    duplicate_ids,
    read_jsonl,
    report_csv,
    report_rows,
)
from service.auth import current_newsroom, require_newsroom
from service.errors import problem
from store import audits as store
from store.models import Audit
from workers import audits as work

log = logging.getLogger("misquote.api")

blp = Blueprint("audits", __name__, url_prefix="/v1", description="Audits of whole archives")
blp.before_request(require_newsroom)

RETRY_AFTER = "2"
#: At most this many bad lines are listed in a 422 (the first is named in ``detail``).
MAX_LINE_ERRORS = 50


def takes_non_json(req: Request) -> bool:
    """Writes here that are not JSON: a JSONL upload, and a cancel with an empty body."""
    path = req.path.rstrip("/")
    if path == "/v1/audits" and req.mimetype in JSONL_TYPES:
        return True
    return path.startswith("/v1/audits/") and path.endswith("/cancel") and not req.content_length


@blp.before_request
def _audit_upload_limit() -> None:
    """Archives are larger than drafts: this blueprint's own byte limit replaces the app's."""
    limit = current_app.extensions["misquote"].settings.max_audit_bytes
    request.max_content_length = limit
    if request.content_length is not None and request.content_length > limit:
        abort(413, message=f"The upload has {request.content_length} bytes; the limit is {limit}.")


_AUDIT_BODY = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "oneOf": [AuditIn, {"type": "array", "items": ArticleIn, "minItems": 1}],
            }
        },
        "application/x-ndjson": {
            "schema": {"type": "string", "description": "One ArticleIn JSON object per line."}
        },
    },
}


def _too_many(count: int) -> None:
    limit = current_app.extensions["misquote"].settings.max_audit_articles
    if count > limit:
        abort(413, message=f"An audit takes at most {limit} articles; this one has more.")


def _from_jsonl() -> tuple[str | None, list[dict[str, Any]]] | Response:
    limit = current_app.extensions["misquote"].settings.max_audit_articles
    articles, problems = read_jsonl(request.get_data().splitlines(), limit=limit)
    _too_many(len(articles))
    if problems:
        first = problems[0]
        return problem(
            422,
            "Unprocessable Content",
            f"Line {first.line} of the upload is not a valid article: {first.message}"
            + (f" ({len(problems)} bad lines in all)." if len(problems) > 1 else ""),
            errors={f"line {p.line}": [p.message] for p in problems[:MAX_LINE_ERRORS]},
            slug="invalid-archive-line",
        )
    if not articles:
        abort(422, message="The upload holds no article.", errors={"_schema": ["No lines."]})
    return request.args.get("name"), articles


def _from_json() -> tuple[str | None, list[dict[str, Any]]]:
    payload: Any = request.get_json(silent=True)
    if payload is None:
        abort(400, message="The body is not valid JSON.")
    if isinstance(payload, list):
        payload = {"articles": payload}
    if isinstance(payload, dict) and isinstance(payload.get("articles"), list):
        _too_many(len(payload["articles"]))
    try:
        data = AuditIn().load(payload)
    except ValidationError as exc:
        abort(422, errors=exc.normalized_messages())
    duplicates = duplicate_ids(data["articles"])
    if duplicates:
        abort(422, errors={"articles": duplicates})
    return data.get("name"), data["articles"]


@blp.route("/audits", methods=["POST"])
@blp.response(202, AuditAccepted)
@blp.doc(
    security=[{"bearer": []}],
    requestBody=_AUDIT_BODY,
    parameters=[
        {
            "in": "query",
            "name": "name",
            "schema": {"type": "string"},
            "description": "The audit's name, for a JSONL upload.",
        }
    ],
)
def submit_audit() -> Any:
    """Audit an archive: JSON (``{"articles": [...]}`` or a bare list) or JSONL
    (``Content-Type: application/x-ndjson``, one article per line). Poll the Location."""
    runtime = current_app.extensions["misquote"]
    settings = runtime.settings
    parsed = _from_jsonl() if request.mimetype in JSONL_TYPES else _from_json()
    if isinstance(parsed, Response):
        return parsed
    name, articles = parsed
    if name is not None and len(name) > 500:
        abort(422, errors={"name": ["Longer than 500 characters."]})
    too_long = [a["id"] for a in articles if len(a["body"]) > settings.max_body_chars]
    if too_long:
        abort(
            413,
            message=f"{len(too_long)} article(s) have a body over {settings.max_body_chars} "
            f"characters, first {too_long[0]!r}.",
        )
    with runtime.session() as session:
        audit = store.create_audit(
            session,
            newsroom_id=current_newsroom(),
            articles=articles,
            chunk_size=settings.audit_chunk_size,
            name=name,
        )
        session.commit()
        audit_id, total = audit.id, audit.total
        chunks = store.unsent_chunks(session, audit_id)
    try:
        work.enqueue_chunks(current_app.extensions["celery"], runtime, chunks)
    except BrokerError:
        # The chunks are stored; the reaper rings the doorbell once the broker is back.
        log.warning("broker unavailable; audit %s stays queued for the reaper", audit_id)
    location = url_for("audits.get_audit", audit_id=audit_id)
    return (
        {"id": audit_id, "status": "queued", "location": location, "total": total},
        202,
        {"Location": location, "Retry-After": RETRY_AFTER},
    )


def _own(audit_id: str) -> Audit:
    with current_app.extensions["misquote"].session() as session:
        audit = store.get_audit_for(session, audit_id, newsroom_id=current_newsroom())
    if audit is None:
        abort(404, message=f"No audit {audit_id} for this newsroom.")
    assert audit is not None  # abort raises
    return audit


def audit_out(audit_id: str) -> tuple[dict[str, Any], store.Progress, Audit]:
    """The audit as ``AuditOut`` data, read fresh."""
    with current_app.extensions["misquote"].session() as session:
        audit = store.get_audit(session, audit_id)
        assert audit is not None
        done = store.progress(session, audit)
    return (
        {
            "id": audit.id,
            "name": audit.name,
            "status": audit.state,
            "created_at": audit.created_at,
            "started_at": audit.started_at,
            "finished_at": audit.finished_at,
            "error": audit.error,
            "progress": {
                "total": done.total,
                "done": done.done,
                "failed": done.failed,
                "percent": done.percent,
            },
            "summary": audit.summary,
            "report": {
                "csv": url_for("audits.report_csv_", audit_id=audit.id),
                "json": url_for("audits.report_json", audit_id=audit.id),
            },
        },
        done,
        audit,
    )


def _polled(data: dict[str, Any]) -> tuple[dict[str, Any], int, dict[str, str]]:
    headers = {} if data["status"] in FINISHED else {"Retry-After": RETRY_AFTER}
    return data, 200, headers


@blp.route("/audits/<audit_id>")
@blp.response(200, AuditOut)
@blp.doc(security=[{"bearer": []}])
def get_audit(audit_id: str) -> Any:
    """Progress (done / total / failed) and, once the audit has ended, its summary."""
    _own(audit_id)
    return _polled(audit_out(audit_id)[0])


@blp.route("/audits/<audit_id>/cancel", methods=["POST"])
@blp.response(200, AuditOut)
@blp.doc(security=[{"bearer": []}])
def cancel_audit(audit_id: str) -> Any:
    """Stop the audit: articles not yet checked stay unchecked; the report keeps the rest.

    Cancelling a cancelled audit is a no-op; cancelling a finished one is a 409.
    """
    return _cancel(audit_id)


def _cancel(audit_id: str) -> Any:
    audit = _own(audit_id)
    if audit.state in {"succeeded", "failed"}:
        abort(409, message=f"The audit has already {audit.state}.")
    work.cancel(current_app.extensions["misquote"], audit_id)
    return _polled(audit_out(audit_id)[0])


@blp.route("/audits/<audit_id>", methods=["DELETE"])
@blp.response(200, AuditOut)
@blp.doc(security=[{"bearer": []}])
def delete_audit(audit_id: str) -> Any:
    """The same as ``POST /v1/audits/<id>/cancel``."""
    return _cancel(audit_id)


def _report(audit_id: str) -> tuple[dict[str, Any], Iterator[dict[str, Any]]]:
    _own(audit_id)
    data, _, audit = audit_out(audit_id)
    if audit.state not in FINISHED:
        abort(
            409,
            message=f"The audit is {audit.state} ({data['progress']['done']} of "
            f"{data['progress']['total']} done); the report is ready when it ends.",
            headers={"Retry-After": RETRY_AFTER},
        )
    results = [
        ArticleResult(r.article_id, r.title, r.summary, r.flagged, r.error)
        for r in _items(audit_id)
    ]
    return data, report_rows(results)


def _items(audit_id: str) -> list[store.ItemResult]:
    with current_app.extensions["misquote"].session() as session:
        return list(store.item_results(session, audit_id))


@blp.route("/audits/<audit_id>/report.json")
@blp.response(200, AuditReport)
@blp.alt_response(409, description="The audit has not ended yet.")
@blp.doc(security=[{"bearer": []}])
def report_json(audit_id: str) -> Any:
    """One row per flagged claim: article, verdict, draft text, speaker, source, score."""
    data, rows = _report(audit_id)
    return {
        "id": data["id"],
        "name": data["name"],
        "status": data["status"],
        "progress": data["progress"],
        "summary": data["summary"],
        "rows": list(rows),
    }


@blp.route("/audits/<audit_id>/report.csv")
@blp.response(
    200, content_type="text/csv", description="The report's rows as CSV, header row first."
)
@blp.alt_response(409, description="The audit has not ended yet.")
@blp.doc(security=[{"bearer": []}])
def report_csv_(audit_id: str) -> Any:
    """The same rows as ``report.json``, as CSV (``flags`` joined with ``;``)."""
    _, rows = _report(audit_id)
    return Response(
        report_csv(rows),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="audit-{audit_id}.csv"'},
    )


__all__ = ["blp", "takes_non_json"]
