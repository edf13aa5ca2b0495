"""Checkers and their decisions on flagged claims (the review queue).

Shared by the API (``/v1/jobs/<id>/claims/<cid>/review``) and the review web page, so both follow
the same rules: a decision names the version it was made against, and a stale version is refused
rather than silently overwriting another checker's decision.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload
from werkzeug.security import check_password_hash, generate_password_hash

from store.models import Checker, Claim, Job, Review, utcnow
from store.repo import get_or_create_newsroom, new_id

DECISIONS = ("confirmed", "dismissed")
#: Review states a queue can be filtered by; ``unreviewed`` means no decision yet.
STATES = ("unreviewed", "confirmed", "dismissed")
FLAGGED_VERDICTS = ("misattributed", "altered_figure", "altered_quote", "unverified")

#: Spent on unknown emails too, so a sign-in takes as long whether or not the email exists.
_DUMMY_HASH = generate_password_hash("not a password of anyone")


# -- checkers -----------------------------------------------------------------------------------


class CheckerExists(Exception):
    """A checker with this email already exists."""


def normalise_email(email: str) -> str:
    return email.strip().lower()


def create_checker(session: Session, newsroom_name: str, email: str, password: str) -> Checker:
    email = normalise_email(email)
    if session.scalar(select(Checker).where(Checker.email == email)) is not None:
        raise CheckerExists(email)
    newsroom = get_or_create_newsroom(session, newsroom_name)
    checker = Checker(
        id=new_id(),
        newsroom_id=newsroom.id,
        email=email,
        password_hash=generate_password_hash(password),
    )
    session.add(checker)
    session.flush()
    return checker


def authenticate(session: Session, email: str, password: str) -> Checker | None:
    checker = session.scalar(select(Checker).where(Checker.email == normalise_email(email)))
    if checker is None:
        check_password_hash(_DUMMY_HASH, password)
        return None
    return checker if check_password_hash(checker.password_hash, password) else None


def get_checker(session: Session, checker_id: str) -> Checker | None:
    return session.get(Checker, checker_id)


# -- claims and their reviews -------------------------------------------------------------------


def get_claim(
    session: Session, job_id: str, claim_id: str, *, newsroom_id: str
) -> tuple[Job, Claim | None] | None:
    """The newsroom's job (None if it is not theirs) and the claim in it (None if absent)."""
    job = session.scalar(select(Job).where(Job.id == job_id, Job.newsroom_id == newsroom_id))
    if job is None:
        return None
    claim = session.scalar(select(Claim).where(Claim.id == claim_id, Claim.job_id == job_id))
    return job, claim


def get_review(session: Session, job_id: str, claim_id: str) -> Review | None:
    return session.scalar(
        select(Review).where(Review.claim_id == claim_id, Review.job_id == job_id)
    )


def reviews_for_job(session: Session, job_id: str) -> dict[str, Review]:
    return {r.claim_id: r for r in session.scalars(select(Review).where(Review.job_id == job_id))}


def review_dict(review: Review | None) -> dict[str, Any] | None:
    """The ``review`` member of a claim in the result contract."""
    if review is None:
        return None
    return {
        "decision": review.decision,
        "note": review.note,
        "reviewer": review.reviewer,
        "decided_at": review.decided_at,
    }


def claim_etag(claim: Claim, review: Review | None) -> str:
    """A strong entity tag for the claim as a checker sees it: the claim id, the review version,
    and a digest of the verdict, so a decision made before a re-check changed it is also stale."""
    version = review.version if review is not None else 0
    digest = hashlib.sha256(
        f"{claim.verdict}|{claim.score}|{claim.start}|{claim.end}".encode()
    ).hexdigest()[:8]
    return f'"{claim.id}-{version}-{digest}"'


class StaleReview(Exception):
    """The claim was decided (or re-checked) since the caller last looked."""

    def __init__(self, current: Review | None) -> None:
        super().__init__("stale review")
        self.current = current


def decide(
    session: Session,
    *,
    job_id: str,
    claim_id: str,
    decision: str,
    note: str | None,
    reviewer: str,
    expected_version: int,
) -> Review:
    """Record a decision made against ``expected_version`` (0 = undecided). Commits.

    The write is a compare-and-set: an UPDATE guarded by the version, or an INSERT guarded by the
    unique claim id, so of two checkers deciding at once exactly one wins; the other gets
    ``StaleReview`` with the decision that won.
    """
    if decision not in DECISIONS:
        raise ValueError(f"decision must be one of {DECISIONS}")
    now = utcnow()
    if expected_version == 0:
        session.add(
            Review(
                id=new_id(),
                job_id=job_id,
                claim_id=claim_id,
                decision=decision,
                note=note,
                reviewer=reviewer,
                decided_at=now,
                version=1,
            )
        )
        try:
            session.commit()
        except IntegrityError:
            session.rollback()
            raise StaleReview(get_review(session, job_id, claim_id)) from None
    else:
        result = session.execute(
            update(Review)
            .where(
                Review.claim_id == claim_id,
                Review.job_id == job_id,
                Review.version == expected_version,
            )
            .values(
                decision=decision,
                note=note,
                reviewer=reviewer,
                decided_at=now,
                version=Review.version + 1,
            )
            .execution_options(synchronize_session=False)
        )
        if not result.rowcount:  # type: ignore[attr-defined]
            session.rollback()
            raise StaleReview(get_review(session, job_id, claim_id))
        session.commit()
    session.expire_all()
    review = get_review(session, job_id, claim_id)
    assert review is not None
    return review


# -- the queue ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class QueueItem:
    job: Job
    claim: Claim
    review: Review | None


def _queue_filter(newsroom_id: str, verdict: str | None) -> list[Any]:
    where: list[Any] = [
        Job.newsroom_id == newsroom_id,
        Job.state == "succeeded",
        Claim.verdict != "verified",
    ]
    if verdict:
        where.append(Claim.verdict == verdict)
    return where


def _review_join() -> Any:
    return (Review.claim_id == Claim.id) & (Review.job_id == Claim.job_id)


def review_queue(
    session: Session,
    *,
    newsroom_id: str,
    verdict: str | None = None,
    state: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[QueueItem]:
    """Flagged claims of the newsroom's checked drafts, newest job first, in draft order."""
    stmt = (
        select(Claim, Job, Review)
        .join(Job, Claim.job_id == Job.id)
        .outerjoin(Review, _review_join())
        .where(*_queue_filter(newsroom_id, verdict))
        .options(joinedload(Job.draft))
        .order_by(Job.created_at.desc(), Job.id, Claim.position)
        .limit(limit)
        .offset(offset)
    )
    if state == "unreviewed":
        stmt = stmt.where(Review.id.is_(None))
    elif state in DECISIONS:
        stmt = stmt.where(Review.decision == state)
    return [QueueItem(job=j, claim=c, review=r) for c, j, r in session.execute(stmt)]


def queue_counts(
    session: Session, *, newsroom_id: str, verdict: str | None = None
) -> dict[str, int]:
    """How many flagged claims are in each review state (for the filter's labels)."""
    rows = session.execute(
        select(Review.decision, func.count())
        .select_from(Claim)
        .join(Job, Claim.job_id == Job.id)
        .outerjoin(Review, _review_join())
        .where(*_queue_filter(newsroom_id, verdict))
        .group_by(Review.decision)
    )
    counts = dict.fromkeys(STATES, 0)
    for decision, count in rows:
        counts[decision or "unreviewed"] = int(count)
    counts["all"] = sum(counts[s] for s in STATES)
    return counts


def job_claims(session: Session, job: Job) -> Sequence[tuple[Claim, Review | None]]:
    """Every claim of a job in draft order, with its review."""
    reviews = reviews_for_job(session, job.id)
    return [(c, reviews.get(c.id)) for c in job.claims]
