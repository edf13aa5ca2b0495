"""Repository functions for audits: an archive split into leased chunks of items.

The pattern is the job's (``store.repo``): the rows are the source of truth and the broker only a
doorbell. A chunk is taken with a lease; each item's result is written in its own transaction that
also renews the lease and only while the item is still ``pending``, so a worker killed mid-chunk
loses at most the article it was on, and a re-run chunk skips every article already done. A
cancelled audit's chunks stop being ``running``, which is how a working task learns to stop.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, insert, or_, select, update
from sqlalchemy.orm import Session

from store import repo
from store.models import Audit, AuditChunk, AuditItem, utcnow

LIVE_CHUNK = ("queued", "running")
LIVE_AUDIT = ("queued", "running")


def new_id() -> str:
    return str(uuid.uuid4())


def create_audit(
    session: Session,
    *,
    newsroom_id: str | None,
    articles: Sequence[Mapping[str, Any]],
    chunk_size: int,
    name: str | None = None,
) -> Audit:
    """Store an audit, its chunks and its items (articles: ``id``, ``title``, ``body``,
    ``metadata``). The caller commits, then rings the doorbell for :func:`unsent_chunks`."""
    chunk_size = max(1, chunk_size)
    audit = Audit(
        id=new_id(),
        newsroom_id=newsroom_id,
        name=name,
        state="queued",
        total=len(articles),
        chunk_size=chunk_size,
        created_at=utcnow(),
    )
    session.add(audit)
    session.flush()
    chunk_ids = [new_id() for _ in range(0, len(articles), chunk_size)]
    if chunk_ids:
        session.execute(
            insert(AuditChunk),
            [
                {"id": cid, "audit_id": audit.id, "number": n, "state": "queued", "attempts": 0}
                for n, cid in enumerate(chunk_ids)
            ],
        )
    if articles:
        session.execute(
            insert(AuditItem),
            [
                {
                    "audit_id": audit.id,
                    "chunk_id": chunk_ids[i // chunk_size],
                    "position": i,
                    "article_id": a["id"],
                    "title": a.get("title"),
                    "body": a["body"],
                    "meta": a.get("metadata"),
                    "state": "pending",
                }
                for i, a in enumerate(articles)
            ],
        )
    return audit


def get_audit(session: Session, audit_id: str) -> Audit | None:
    return session.get(Audit, audit_id)


def get_audit_for(session: Session, audit_id: str, *, newsroom_id: str) -> Audit | None:
    """A newsroom sees only its own audits (and never the command line's)."""
    return session.scalar(
        select(Audit).where(Audit.id == audit_id, Audit.newsroom_id == newsroom_id)
    )


@dataclass(frozen=True, slots=True)
class Progress:
    total: int
    done: int
    failed: int

    @property
    def percent(self) -> float:
        return round(100.0 * self.done / self.total, 1) if self.total else 100.0


def progress(session: Session, audit: Audit) -> Progress:
    """Counted from the items, so it can never disagree with the report."""
    rows = session.execute(
        select(AuditItem.state, func.count())
        .where(AuditItem.audit_id == audit.id, AuditItem.state != "pending")
        .group_by(AuditItem.state)
    )
    counts = {state: int(n) for state, n in rows}
    return Progress(audit.total, sum(counts.values()), counts.get("failed", 0))


def unsent_chunks(session: Session, audit_id: str) -> list[str]:
    return list(
        session.scalars(
            select(AuditChunk.id)
            .where(
                AuditChunk.audit_id == audit_id,
                AuditChunk.state == "queued",
                AuditChunk.enqueued_at.is_(None),
            )
            .order_by(AuditChunk.number)
        )
    )


def chunk_ids(session: Session, audit_id: str) -> list[str]:
    return list(
        session.scalars(
            select(AuditChunk.id).where(AuditChunk.audit_id == audit_id).order_by(AuditChunk.number)
        )
    )


def mark_enqueued(session: Session, chunk_ids: Sequence[str]) -> None:
    """Record that the doorbell rang (only after the message was sent). Commits."""
    for start in range(0, len(chunk_ids), 500):
        session.execute(
            update(AuditChunk)
            .where(AuditChunk.id.in_(chunk_ids[start : start + 500]))
            .values(enqueued_at=utcnow())
            .execution_options(synchronize_session=False)
        )
    session.commit()


# -- the chunk task ---------------------------------------------------------------------------


def acquire_chunk(session: Session, chunk_id: str, *, owner: str, seconds: int) -> str | None:
    """Take a chunk that is queued, or running on an expired lease, of a live audit. Commits.

    Returns the audit's id, or None when another worker holds the lease, the chunk is done, or the
    audit has ended (so a message delivered twice, or after a cancel, does nothing).
    """
    now = utcnow()
    live_audit = select(Audit.id).where(
        Audit.id == AuditChunk.audit_id, Audit.state.in_(LIVE_AUDIT)
    )
    result = session.execute(
        update(AuditChunk)
        .where(AuditChunk.id == chunk_id, repo.takeable(AuditChunk, now), live_audit.exists())
        .values(**repo.lease_values(AuditChunk, owner=owner, seconds=seconds, now=now))
        .execution_options(synchronize_session=False)
    )
    if not result.rowcount:  # type: ignore[attr-defined]
        session.rollback()
        return None
    audit_id = session.scalar(select(AuditChunk.audit_id).where(AuditChunk.id == chunk_id))
    assert audit_id is not None
    session.execute(
        update(Audit)
        .where(Audit.id == audit_id, Audit.state == "queued")
        .values(state="running", started_at=now)
        .execution_options(synchronize_session=False)
    )
    session.commit()
    return audit_id


@dataclass(frozen=True, slots=True)
class PendingItem:
    id: int
    article_id: str
    title: str | None
    body: str


def pending_items(session: Session, chunk_id: str) -> list[PendingItem]:
    rows = session.execute(
        select(AuditItem.id, AuditItem.article_id, AuditItem.title, AuditItem.body)
        .where(AuditItem.chunk_id == chunk_id, AuditItem.state == "pending")
        .order_by(AuditItem.position)
    )
    return [PendingItem(r[0], r[1], r[2], r[3]) for r in rows]


def store_item(
    session: Session,
    chunk_id: str,
    item_id: int,
    *,
    owner: str,
    seconds: int,
    summary: Mapping[str, Any] | None,
    flagged: Sequence[Mapping[str, Any]] | None,
    error: str | None = None,
) -> bool:
    """Write one article's result and renew the chunk's lease, in one transaction. Commits.

    Returns False when ``owner`` no longer holds a running lease (it expired and another worker
    took the chunk, or the audit was cancelled): the caller must stop. The item is written only if
    still ``pending``, so a result is never written twice.
    """
    now = utcnow()
    renewed = session.execute(
        update(AuditChunk)
        .where(
            AuditChunk.id == chunk_id,
            AuditChunk.state == "running",
            AuditChunk.lease_owner == owner,
        )
        .values(lease_expires_at=now + timedelta(seconds=seconds))
        .execution_options(synchronize_session=False)
    )
    if not renewed.rowcount:  # type: ignore[attr-defined]
        session.rollback()
        return False
    session.execute(
        update(AuditItem)
        .where(AuditItem.id == item_id, AuditItem.state == "pending")
        .values(
            state="failed" if error else "succeeded",
            summary=dict(summary) if summary is not None else None,
            flagged=[dict(f) for f in flagged] if flagged is not None else None,
            error=error,
            checked_by=owner,
            finished_at=now,
        )
        .execution_options(synchronize_session=False)
    )
    session.commit()
    return True


def finish_chunk(session: Session, chunk_id: str, *, owner: str) -> bool:
    """Mark a chunk done if ``owner`` still holds it. Commits."""
    result = session.execute(
        update(AuditChunk)
        .where(
            AuditChunk.id == chunk_id,
            AuditChunk.state == "running",
            AuditChunk.lease_owner == owner,
        )
        .values(state="done", finished_at=utcnow(), lease_owner=None, lease_expires_at=None)
        .execution_options(synchronize_session=False)
    )
    session.commit()
    return bool(result.rowcount)  # type: ignore[attr-defined]


def release_chunk(session: Session, chunk_id: str, *, owner: str) -> bool:
    """Give a chunk back (time slice used up, or a retryable error); its done items stay done.

    ``enqueued_at`` is cleared, so the reaper rings again if the caller cannot. Commits.
    """
    result = session.execute(
        update(AuditChunk)
        .where(
            AuditChunk.id == chunk_id,
            AuditChunk.state == "running",
            AuditChunk.lease_owner == owner,
        )
        .values(state="queued", lease_owner=None, lease_expires_at=None, enqueued_at=None)
        .execution_options(synchronize_session=False)
    )
    session.commit()
    return bool(result.rowcount)  # type: ignore[attr-defined]


def live_chunks(session: Session, audit_id: str) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(AuditChunk)
            .where(AuditChunk.audit_id == audit_id, AuditChunk.state.in_(LIVE_CHUNK))
        )
        or 0
    )


@dataclass(frozen=True, slots=True)
class ItemResult:
    article_id: str
    title: str | None
    state: str
    summary: dict[str, Any] | None
    flagged: list[dict[str, Any]]
    error: str | None


def item_results(session: Session, audit_id: str, *, batch: int = 500) -> Iterator[ItemResult]:
    """Every finished item of an audit in archive order, read in batches (archives are large)."""
    stmt = (
        select(
            AuditItem.article_id,
            AuditItem.title,
            AuditItem.state,
            AuditItem.summary,
            AuditItem.flagged,
            AuditItem.error,
        )
        .where(AuditItem.audit_id == audit_id, AuditItem.state != "pending")
        .order_by(AuditItem.position)
        .execution_options(yield_per=batch)
    )
    for r in session.execute(stmt):
        yield ItemResult(r[0], r[1], r[2], r[3], list(r[4] or []), r[5])


def finish_audit(session: Session, audit_id: str, *, summary: Mapping[str, Any]) -> bool:
    """End a live audit whose chunks are all done or failed. Commits.

    Succeeded unless every article failed. Safe to call from several workers at once: only the
    first one to see the audit live and without live chunks ends it.
    """
    audit = session.get(Audit, audit_id, with_for_update=True)
    if audit is None or audit.state not in LIVE_AUDIT or live_chunks(session, audit_id):
        session.rollback()
        return False
    counts = progress(session, audit)
    audit.state = "failed" if audit.total and counts.failed >= audit.total else "succeeded"
    if counts.failed:
        audit.error = f"{counts.failed} of {audit.total} article(s) could not be checked"
    audit.summary = dict(summary)
    audit.finished_at = utcnow()
    session.commit()
    return True


def cancel_audit(session: Session, audit_id: str) -> bool:
    """Stop a live audit: its chunks are cancelled (a working task stops at its next article).

    Returns False when the audit had already ended. The caller stores the summary of what was
    done with :func:`set_summary`. Commits.
    """
    now = utcnow()
    session.execute(
        update(AuditChunk)
        .where(AuditChunk.audit_id == audit_id, AuditChunk.state.in_(LIVE_CHUNK))
        .values(state="cancelled", finished_at=now, lease_owner=None, lease_expires_at=None)
        .execution_options(synchronize_session=False)
    )
    result = session.execute(
        update(Audit)
        .where(Audit.id == audit_id, Audit.state.in_(LIVE_AUDIT))
        .values(state="cancelled", finished_at=now)
        .execution_options(synchronize_session=False)
    )
    session.commit()
    session.expire_all()
    return bool(result.rowcount)  # type: ignore[attr-defined]


def set_summary(session: Session, audit_id: str, summary: Mapping[str, Any]) -> None:
    session.execute(
        update(Audit)
        .where(Audit.id == audit_id)
        .values(summary=dict(summary))
        .execution_options(synchronize_session=False)
    )
    session.commit()


# -- the reaper ------------------------------------------------------------------------------------


def any_live(session: Session) -> bool:
    """Whether any audit is queued or running (the reaper's pass is skipped when none is)."""
    found = session.scalar(select(Audit.id).where(Audit.state.in_(LIVE_AUDIT)).limit(1))
    session.rollback()
    return found is not None


@dataclass(frozen=True, slots=True)
class Reaped:
    #: Chunks to ring the doorbell for.
    send: list[str]
    #: Live audits with no live chunk left (the last chunk's worker died before ending it).
    finish: list[str]


def reap(
    session: Session,
    *,
    requeue_after: timedelta,
    max_attempts: int,
    queue_empty: bool,
    now: datetime | None = None,
) -> Reaped:
    """Take back chunks whose worker died; find chunks whose message may be lost. Commits.

    A running chunk with an expired lease goes back to ``queued`` (its done items stay done), or
    fails with its pending items once it has used up ``max_attempts``. A queued chunk never sent
    is always sent. One sent long ago is sent again only when the broker's queue is empty:
    an audit enqueues hundreds of chunks at once and most wait their turn far longer than
    ``requeue_after``; re-sending them all would flood the queue with duplicates.
    """
    now = now or utcnow()
    expired = list(
        session.scalars(
            select(AuditChunk).where(
                AuditChunk.state == "running", AuditChunk.lease_expires_at < now
            )
        )
    )
    for chunk in expired:
        if chunk.attempts >= max_attempts:
            reason = f"gave up after {chunk.attempts} attempts (worker lost or timed out)"
            chunk.state = "failed"
            chunk.error = reason
            chunk.finished_at = now
            session.execute(
                update(AuditItem)
                .where(AuditItem.chunk_id == chunk.id, AuditItem.state == "pending")
                .values(state="failed", error=reason, finished_at=now)
                .execution_options(synchronize_session=False)
            )
        else:
            chunk.state = "queued"
            chunk.enqueued_at = None
        chunk.lease_owner = None
        chunk.lease_expires_at = None
    session.commit()
    live_audit = select(Audit.id).where(
        Audit.id == AuditChunk.audit_id, Audit.state.in_(LIVE_AUDIT)
    )
    lost: ColumnElement[bool] = AuditChunk.enqueued_at.is_(None)
    if queue_empty:
        lost = or_(lost, AuditChunk.enqueued_at < now - requeue_after)
    send = list(
        session.scalars(
            select(AuditChunk.id)
            .where(AuditChunk.state == "queued", lost, live_audit.exists())
            .order_by(AuditChunk.enqueued_at.is_not(None), AuditChunk.number)
        )
    )
    live_chunk = select(AuditChunk.id).where(
        AuditChunk.audit_id == Audit.id, AuditChunk.state.in_(LIVE_CHUNK)
    )
    finish = list(
        session.scalars(select(Audit.id).where(Audit.state.in_(LIVE_AUDIT), ~live_chunk.exists()))
    )
    session.rollback()
    return Reaped(send, finish)
