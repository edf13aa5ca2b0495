"""The work of one check, shared by the Celery task and the in-process CLI."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.orm import object_session

from checking import check as core_check
from checking import model as core
from schemas import claim_to_dict
from store import reviews as review_store
from store.models import Job
from workers.runtime import Runtime


def claim_id(job_id: str, claim: core.Claim) -> str:
    """Deterministic, so re-running a job rewrites the same claims (and reviews keep their ids)."""
    return str(uuid.uuid5(uuid.UUID(job_id), f"{claim.kind}:{claim.span[0]}:{claim.span[1]}"))


def check_body(
    runtime: Runtime, body: str, *, newsroom_id: str | None, job_id: str
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Run the core on one draft against the newsroom's corpus; return claims and summary JSON."""
    with runtime.session() as session:
        index = runtime.index_for(session, newsroom_id)
    claims = core_check.check_draft(body, index, max_claims=runtime.settings.max_claims)
    data = [claim_to_dict(c, claim_id=claim_id(job_id, c)) for c in claims]
    return data, core_check.summarise(claims)


def job_result(job: Job) -> dict[str, Any]:
    """A job row as the v1 result contract (before schema dumping)."""
    session = object_session(job)
    decided = (
        review_store.reviews_for_job(session, job.id)
        if session is not None and job.state == "succeeded"
        else {}
    )
    claims = []
    for c in job.claims:
        claims.append(
            {
                "id": c.id,
                "kind": c.kind,
                "verdict": c.verdict,
                "score": c.score,
                "speaker": c.speaker,
                **c.payload,
                "review": review_store.review_dict(decided.get(c.id)),
            }
        )
    summary = job.summary or {"claims": len(claims), "flagged": 0, "by_verdict": {}}
    return {
        "id": job.id,
        "status": job.state,
        "created_at": job.created_at,
        "finished_at": job.finished_at,
        "error": job.error,
        "name": job.draft.name,
        "title": job.draft.title,
        "claims": claims if job.state == "succeeded" else [],
        "summary": summary,
    }
