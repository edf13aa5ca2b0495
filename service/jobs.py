"""Drafts in, jobs out: ``POST /v1/drafts`` answers 202; the result is polled by job ID."""

from __future__ import annotations

import logging
from typing import Any

from flask import current_app, g, request, url_for
from flask_smorest import Blueprint, abort
from kombu.exceptions import OperationalError as BrokerError

from schemas import Accepted, DraftIn, JobOut
from service.auth import current_newsroom, require_newsroom
from store import repo
from workers import webhooks
from workers.app import enqueue
from workers.checks import job_result

log = logging.getLogger("misquote.api")

blp = Blueprint("jobs", __name__, url_prefix="/v1", description="Drafts and check jobs")
blp.before_request(require_newsroom)

RETRY_AFTER = "1"


@blp.route("/drafts", methods=["POST"])
@blp.arguments(DraftIn)
@blp.response(202, Accepted)
@blp.alt_response(200, schema=Accepted, description="Same Idempotency-Key and body as before.")
@blp.doc(
    security=[{"bearer": []}],
    parameters=[{"in": "header", "name": "Idempotency-Key", "schema": {"type": "string"}}],
)
def submit(data: dict[str, Any]) -> Any:
    """Submit a draft for checking; poll the job at the returned Location."""
    runtime = current_app.extensions["misquote"]
    settings = runtime.settings
    if len(data["body"]) > settings.max_body_chars:
        abort(
            413,
            message=f"The draft body has {len(data['body'])} characters; "
            f"the limit is {settings.max_body_chars}.",
        )
    if data.get("callback_url"):
        allow = webhooks.parse_allow_list(settings.webhook_allow)
        reason = webhooks.refused_reason(data["callback_url"], allow, resolve=False)
        if reason:
            abort(422, errors={"callback_url": [reason]})
    key = request.headers.get("Idempotency-Key") or None
    if key is not None and len(key) > 200:
        abort(400, message="Idempotency-Key is longer than 200 characters.")
    with runtime.session() as session:
        try:
            result = repo.submit_draft(
                session,
                newsroom_id=current_newsroom(),
                body=data["body"],
                title=data.get("title"),
                name=data.get("name"),
                callback_url=data.get("callback_url"),
                idempotency_key=key,
            )
        except repo.IdempotencyConflict:
            abort(422, message="This Idempotency-Key was already used with a different body.")
        session.commit()
        job_id, status = result.job.id, result.job.state
    if result.created:
        try:
            enqueue(current_app.extensions["celery"], job_id, request_id=g.get("request_id"))
        except BrokerError:
            # The job row is already stored; the reaper rings the doorbell once the broker is back.
            log.warning("broker unavailable; job %s stays queued for the reaper", job_id)
    location = url_for("jobs.get_job", job_id=job_id)
    return (
        {"id": job_id, "status": status, "location": location},
        202 if result.created else 200,
        {"Location": location, "Retry-After": RETRY_AFTER},
    )


@blp.route("/jobs/<job_id>")
@blp.response(200, JobOut)
@blp.doc(security=[{"bearer": []}])
def get_job(job_id: str) -> Any:
    """The job's status and, once it has succeeded, every claim with its verdict and evidence."""
    runtime = current_app.extensions["misquote"]
    with runtime.session() as session:
        job = repo.get_job(session, job_id, newsroom_id=current_newsroom())
        if job is None:
            abort(404, message=f"No job {job_id} for this newsroom.")
        result = job_result(job)
    headers = {}
    if result["status"] in {"queued", "running"}:
        headers["Retry-After"] = RETRY_AFTER
    return result, 200, headers
