"""Reviews of flagged claims over the API: one claim with its ETag, and a decision with If-Match.

The same rules (``load_claim``, ``decide``) serve the review web page, which signs checkers in with
a session cookie instead of an API key.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import Response, current_app, request
from flask_smorest import Blueprint, abort
from sqlalchemy.orm import Session

from schemas import ClaimOut, Problem, ReviewIn, ReviewOut
from service.auth import current_newsroom, require_newsroom
from service.errors import problem
from store import reviews as review_store
from store.models import Claim, Job, Review

blp = Blueprint(
    "reviews", __name__, url_prefix="/v1", description="Checkers' decisions on flagged claims"
)
blp.before_request(require_newsroom)

_ETAG_HEADER = {"ETag": {"description": "The claim's entity tag; send it back in If-Match."}}
_IF_MATCH = {
    "in": "header",
    "name": "If-Match",
    "required": True,
    "schema": {"type": "string"},
    "description": "The ETag from GET /v1/jobs/{job_id}/claims/{claim_id}.",
}


# -- shared with the review page ----------------------------------------------------------------


@dataclass(frozen=True)
class Loaded:
    job: Job
    claim: Claim
    review: Review | None

    @property
    def etag(self) -> str:
        return review_store.claim_etag(self.claim, self.review)


def load_claim(session: Session, job_id: str, claim_id: str, *, newsroom_id: str) -> Loaded:
    """The claim of one of the newsroom's checked jobs, or an HTTP error (404, 409)."""
    found = review_store.get_claim(session, job_id, claim_id, newsroom_id=newsroom_id)
    if found is None:
        abort(404, message=f"No job {job_id} for this newsroom.")
    assert found is not None  # abort() raised
    job, claim = found
    if job.state != "succeeded":
        abort(409, message=f"Job {job_id} is {job.state}; its claims are not ready for review.")
    if claim is None:
        abort(404, message=f"No claim {claim_id} in job {job_id}.")
    assert claim is not None  # abort() raised
    return Loaded(job, claim, review_store.get_review(session, job_id, claim_id))


def claim_dict(claim: Claim, review: Review | None) -> dict[str, Any]:
    """One claim in the result contract's shape, with its review (as in ``job_result``)."""
    return {
        "id": claim.id,
        "kind": claim.kind,
        "verdict": claim.verdict,
        "score": claim.score,
        "speaker": claim.speaker,
        **claim.payload,
        "review": review_store.review_dict(review),
    }


def review_json(review: Review | None) -> dict[str, Any] | None:
    data = review_store.review_dict(review)
    return ReviewOut().dump(data) if data is not None else None


def if_match_problem(loaded: Loaded) -> Response | None:
    """428 without If-Match, 412 when it names another version than the current one."""
    if "If-Match" not in request.headers:
        return problem(
            428,
            "Precondition Required",
            "Send If-Match with the claim's ETag (GET the claim first), so a decision cannot "
            "overwrite another checker's without seeing it.",
            slug="if-match-required",
        )
    if_match = request.if_match
    if if_match.star_tag or if_match.contains(loaded.etag.strip('"')):
        return None
    return stale_problem(loaded.claim, loaded.review)


def stale_problem(claim: Claim, current: Review | None) -> Response:
    etag = review_store.claim_etag(claim, current)
    if current is not None:
        detail = (
            f"Someone else decided first: {current.reviewer} marked this flag {current.decision}. "
            "Look at their decision, then decide again with the new ETag if you disagree."
        )
    else:
        detail = "The claim has changed since you loaded it; load it again and decide again."
    return problem(
        412,
        "Precondition Failed",
        detail,
        headers={"ETag": etag},
        slug="stale-review",
        extensions={"current": review_json(current), "etag": etag},
    )


class Stale(Exception):
    def __init__(self, response: Response) -> None:
        super().__init__("stale")
        self.response = response


def decide(
    session: Session,
    loaded: Loaded,
    *,
    decision: str,
    note: str | None,
    reviewer: str,
) -> Loaded:
    """Record a decision on the version the caller saw; ``Stale`` (a 412) if it lost a race."""
    note = (note or "").strip() or None
    expected = loaded.review.version if loaded.review is not None else 0
    try:
        review = review_store.decide(
            session,
            job_id=loaded.job.id,
            claim_id=loaded.claim.id,
            decision=decision,
            note=note,
            reviewer=reviewer,
            expected_version=expected,
        )
    except review_store.StaleReview as exc:
        raise Stale(stale_problem(loaded.claim, exc.current)) from None
    return Loaded(loaded.job, loaded.claim, review)


# -- the API ------------------------------------------------------------------------------------


def _api_reviewer() -> str:
    key = request.headers.get("Authorization", "").partition(" ")[2].strip()
    return f"api:{key[:10]}"


@blp.route("/jobs/<job_id>/claims/<claim_id>")
@blp.response(200, ClaimOut, headers=_ETAG_HEADER)
@blp.alt_response(404, schema=Problem, content_type="application/problem+json")
@blp.alt_response(409, schema=Problem, content_type="application/problem+json")
@blp.doc(security=[{"bearer": []}])
def get_claim(job_id: str, claim_id: str) -> Any:
    """One claim of a checked job with its review, and the ETag a decision must carry."""
    runtime = current_app.extensions["misquote"]
    with runtime.session() as session:
        loaded = load_claim(session, job_id, claim_id, newsroom_id=current_newsroom())
        data = claim_dict(loaded.claim, loaded.review)
    return data, 200, {"ETag": loaded.etag, "Cache-Control": "private, no-cache"}


@blp.route("/jobs/<job_id>/claims/<claim_id>/review", methods=["POST"])
@blp.arguments(ReviewIn)
@blp.response(200, ClaimOut, headers=_ETAG_HEADER)
@blp.alt_response(404, schema=Problem, content_type="application/problem+json")
@blp.alt_response(409, schema=Problem, content_type="application/problem+json")
@blp.alt_response(
    412,
    schema=Problem,
    content_type="application/problem+json",
    description="Someone decided since your ETag; `current` holds their decision.",
)
@blp.alt_response(428, schema=Problem, content_type="application/problem+json")
@blp.doc(security=[{"bearer": []}], parameters=[_IF_MATCH])
def review_claim(data: dict[str, Any], job_id: str, claim_id: str) -> Any:
    """Confirm or dismiss a flag. Needs If-Match with the claim's current ETag."""
    runtime = current_app.extensions["misquote"]
    with runtime.session() as session:
        loaded = load_claim(session, job_id, claim_id, newsroom_id=current_newsroom())
        if loaded.claim.verdict == "verified":
            abort(409, message="This claim is verified; only flagged claims are reviewed.")
        refused = if_match_problem(loaded)
        if refused is not None:
            return refused
        try:
            loaded = decide(
                session,
                loaded,
                decision=data["decision"],
                note=data.get("note"),
                reviewer=_api_reviewer(),
            )
        except Stale as exc:
            return exc.response
        body = claim_dict(loaded.claim, loaded.review)
    return body, 200, {"ETag": loaded.etag, "Cache-Control": "private, no-cache"}
