"""Repository functions: every read and write the adapters make goes through here.

Functions take a ``Session`` and plain values and return model rows or plain values; the caller
owns the transaction, except where a function must commit to be atomic (job leases).
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy import true as sa_true
from sqlalchemy.orm import Session

from checking import model as core
from store.models import (
    ApiKey,
    Claim,
    CorpusChange,
    Document,
    Draft,
    Job,
    Newsroom,
    Passage,
    utcnow,
)

KEY_PREFIX = "mq_"
WEBHOOK_SECRET_PREFIX = "whsec_"


def new_id() -> str:
    return str(uuid.uuid4())


def hash_key(key: str) -> str:
    """API keys are random 256-bit tokens, so one SHA-256 is enough; they are never stored raw."""
    return hashlib.sha256(key.encode()).hexdigest()


# -- newsrooms and keys -------------------------------------------------------------------------


def find_newsroom(session: Session, name: str) -> Newsroom | None:
    return session.scalar(select(Newsroom).where(Newsroom.name == name))


def new_webhook_secret() -> str:
    return WEBHOOK_SECRET_PREFIX + base64.b64encode(secrets.token_bytes(24)).decode()


def webhook_secret(session: Session, newsroom_id: str) -> str:
    """The newsroom's callback signing secret, made on first use (older rows have none)."""
    newsroom = session.get(Newsroom, newsroom_id)
    if newsroom is None:
        raise LookupError(newsroom_id)
    if not newsroom.webhook_secret:
        newsroom.webhook_secret = new_webhook_secret()
        session.commit()
    return newsroom.webhook_secret


def get_or_create_newsroom(session: Session, name: str) -> Newsroom:
    newsroom = find_newsroom(session, name)
    if newsroom is None:
        newsroom = Newsroom(id=new_id(), name=name, webhook_secret=new_webhook_secret())
        session.add(newsroom)
        session.flush()
    return newsroom


def create_api_key(session: Session, newsroom_name: str) -> str:
    newsroom = get_or_create_newsroom(session, newsroom_name)
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    session.add(
        ApiKey(id=new_id(), newsroom_id=newsroom.id, key_hash=hash_key(key), prefix=key[:10])
    )
    session.flush()
    return key


def newsroom_for_key(session: Session, key: str) -> Newsroom | None:
    row = session.scalar(
        select(Newsroom)
        .join(ApiKey, ApiKey.newsroom_id == Newsroom.id)
        .where(ApiKey.key_hash == hash_key(key), ApiKey.revoked_at.is_(None))
    )
    return row


# -- drafts and jobs ----------------------------------------------------------------------------


@dataclass(frozen=True)
class SubmitResult:
    job: Job
    created: bool


class IdempotencyConflict(Exception):
    """The Idempotency-Key was used before with a different body."""


def body_digest(body: str, title: str | None, name: str | None) -> str:
    h = hashlib.sha256()
    for part in (body, title or "", name or ""):
        h.update(part.encode())
        h.update(b"\x00")
    return h.hexdigest()


def submit_draft(
    session: Session,
    *,
    newsroom_id: str,
    body: str,
    title: str | None = None,
    name: str | None = None,
    callback_url: str | None = None,
    idempotency_key: str | None = None,
) -> SubmitResult:
    digest = body_digest(body, title, name)
    if idempotency_key:
        existing = session.scalar(
            select(Job).where(
                Job.newsroom_id == newsroom_id, Job.idempotency_key == idempotency_key
            )
        )
        if existing is not None:
            if existing.draft.body_sha256 != digest:
                raise IdempotencyConflict(idempotency_key)
            return SubmitResult(existing, False)
    draft = Draft(
        id=new_id(),
        newsroom_id=newsroom_id,
        name=name,
        title=title,
        body=body,
        body_sha256=digest,
        callback_url=callback_url,
    )
    job = Job(
        id=new_id(),
        newsroom_id=newsroom_id,
        draft=draft,
        state="queued",
        attempts=0,
        idempotency_key=idempotency_key or None,
        enqueued_at=utcnow(),
    )
    session.add_all([draft, job])
    session.flush()
    return SubmitResult(job, True)


def get_job(session: Session, job_id: str, *, newsroom_id: str | None = None) -> Job | None:
    stmt = select(Job).where(Job.id == job_id)
    if newsroom_id is not None:
        stmt = stmt.where(Job.newsroom_id == newsroom_id)
    return session.scalar(stmt)


def takeable(model: Any, now: datetime) -> Any:
    """The lease rule for jobs and audit chunks alike: queued, or running on an expired lease."""
    return or_(
        model.state == "queued",
        (model.state == "running") & (model.lease_expires_at < now),
    )


def lease_values(model: Any, *, owner: str, seconds: int, now: datetime) -> dict[str, Any]:
    """What taking a lease writes: running, who holds it until when, one more attempt."""
    return {
        "state": "running",
        "lease_owner": owner,
        "lease_expires_at": now + timedelta(seconds=seconds),
        "attempts": model.attempts + 1,
        "started_at": now,
    }


def acquire_lease(session: Session, job_id: str, *, owner: str, seconds: int) -> bool:
    """Atomically take a job that is queued, or running on an expired lease. Commits.

    Returns False when another worker holds a live lease or the job has already ended, which is
    what makes a twice-delivered message harmless.
    """
    now = utcnow()
    result = session.execute(
        update(Job)
        .where(Job.id == job_id, takeable(Job, now))
        .values(**lease_values(Job, owner=owner, seconds=seconds, now=now))
        .execution_options(synchronize_session=False)
    )
    session.commit()
    session.expire_all()
    return bool(result.rowcount)  # type: ignore[attr-defined]


def extend_lease(session: Session, job_id: str, *, owner: str, seconds: int) -> bool:
    """Push a held lease forward; False when the lease is no longer ``owner``'s."""
    result = session.execute(
        update(Job)
        .where(Job.id == job_id, Job.state == "running", Job.lease_owner == owner)
        .values(lease_expires_at=utcnow() + timedelta(seconds=seconds))
        .execution_options(synchronize_session=False)
    )
    session.commit()
    return bool(result.rowcount)  # type: ignore[attr-defined]


def store_result(
    session: Session,
    job_id: str,
    *,
    owner: str,
    claims: Sequence[dict[str, Any]],
    summary: dict[str, Any],
) -> bool:
    """Replace the job's claims and mark it succeeded, only if ``owner`` still holds the lease."""
    job = session.get(Job, job_id, with_for_update=True)
    if job is None or job.state != "running" or job.lease_owner != owner:
        session.rollback()
        return False
    session.execute(delete(Claim).where(Claim.job_id == job_id))
    for position, claim in enumerate(claims):
        payload = {
            k: v for k, v in claim.items() if k not in {"id", "kind", "verdict", "score", "speaker"}
        }
        session.add(
            Claim(
                id=claim["id"],
                job_id=job_id,
                position=position,
                kind=claim["kind"],
                start=claim["span"][0],
                end=claim["span"][1],
                verdict=claim["verdict"],
                score=claim["score"],
                speaker=claim.get("speaker"),
                payload=payload,
            )
        )
    job.state = "succeeded"
    job.summary = summary
    job.error = None
    job.finished_at = utcnow()
    job.lease_owner = None
    job.lease_expires_at = None
    session.commit()
    return True


def fail_job(session: Session, job_id: str, *, error: str, owner: str | None = None) -> None:
    stmt = update(Job).where(Job.id == job_id, Job.state.in_(("queued", "running")))
    if owner is not None:
        stmt = stmt.where(Job.lease_owner == owner)
    session.execute(
        stmt.values(
            state="failed",
            error=error,
            finished_at=utcnow(),
            lease_owner=None,
            lease_expires_at=None,
        ).execution_options(synchronize_session=False)
    )
    session.commit()


def release_lease(session: Session, job_id: str, *, owner: str) -> None:
    """Give a job back to the queue (a retryable error), keeping its attempt count."""
    session.execute(
        update(Job)
        .where(Job.id == job_id, Job.state == "running", Job.lease_owner == owner)
        .values(state="queued", lease_owner=None, lease_expires_at=None, enqueued_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    session.commit()


def mark_enqueued(session: Session, job_ids: Iterable[str]) -> None:
    ids = list(job_ids)
    if ids:
        session.execute(
            update(Job)
            .where(Job.id.in_(ids))
            .values(enqueued_at=utcnow())
            .execution_options(synchronize_session=False)
        )
        session.commit()


def reap(
    session: Session, *, requeue_after: timedelta, max_attempts: int, now: datetime | None = None
) -> list[str]:
    """Find jobs that need the doorbell rung again; fail those that have used up their attempts.

    A running job with an expired lease (its worker died) goes back to ``queued``; a queued job
    whose message has waited longer than ``requeue_after`` (possibly lost) is sent again. Sending
    a job twice is harmless: only one worker can take the lease.
    """
    now = now or utcnow()
    expired = select(Job.id).where(Job.state == "running", Job.lease_expires_at < now)
    expired_ids = list(session.scalars(expired))
    for job_id in expired_ids:
        job = session.get(Job, job_id)
        if job is None or job.state != "running":
            continue
        if job.attempts >= max_attempts:
            job.state = "failed"
            job.error = f"gave up after {job.attempts} attempts (worker lost or timed out)"
            job.finished_at = now
        else:
            job.state = "queued"
            job.enqueued_at = None
        job.lease_owner = None
        job.lease_expires_at = None
    session.commit()
    stale = select(Job.id).where(
        Job.state == "queued",
        or_(Job.enqueued_at.is_(None), Job.enqueued_at < now - requeue_after),
    )
    ids = list(session.scalars(stale))
    mark_enqueued(session, ids)
    return ids


# -- corpus -------------------------------------------------------------------------------------


def scope_filter(newsroom_id: str | None) -> Any:
    """Shared documents plus the newsroom's own."""
    if newsroom_id is None:
        return Document.newsroom_id.is_(None)
    return or_(Document.newsroom_id.is_(None), Document.newsroom_id == newsroom_id)


def put_document(
    session: Session,
    *,
    newsroom_id: str | None,
    doc: core.Document,
    passages: Sequence[core.Passage],
    source: str | None = None,
    url: str | None = None,
    published_at: str | None = None,
) -> Document:
    """Insert or replace a document (same id in the same owner scope) with its passages."""
    owner = (
        Document.newsroom_id.is_(None)
        if newsroom_id is None
        else Document.newsroom_id == newsroom_id
    )
    for old in session.scalars(select(Document).where(Document.id == doc.id, owner)):
        session.delete(old)
    session.flush()
    row = Document(
        id=doc.id,
        newsroom_id=newsroom_id,
        title=doc.title,
        text=doc.text,
        kind=doc.kind,
        speaker=doc.speaker,
        source=source,
        url=url,
        published_at=published_at,
    )
    row.passages = [
        Passage(kind=p.kind, start=p.span[0], end=p.span[1], text=p.text, speaker=p.speaker)
        for p in passages
    ]
    session.add(row)
    session.add(CorpusChange(newsroom_id=newsroom_id, document_id=doc.id))
    session.flush()
    return row


def get_document(session: Session, doc_id: str, *, newsroom_id: str | None) -> Document | None:
    """A newsroom's own document wins over a shared one of the same id."""
    rows = list(
        session.scalars(select(Document).where(Document.id == doc_id, scope_filter(newsroom_id)))
    )
    rows.sort(key=lambda d: d.newsroom_id is None)
    return rows[0] if rows else None


def delete_document(session: Session, doc_id: str, *, newsroom_id: str) -> bool:
    """Newsrooms delete only their own documents; the shared corpus is managed from the CLI."""
    rows = list(
        session.scalars(
            select(Document).where(Document.id == doc_id, Document.newsroom_id == newsroom_id)
        )
    )
    for row in rows:
        session.delete(row)
    if rows:
        session.add(CorpusChange(newsroom_id=newsroom_id, document_id=doc_id))
    session.flush()
    return bool(rows)


def list_documents(
    session: Session, *, newsroom_id: str | None, after_pk: int = 0, limit: int = 50
) -> list[Document]:
    stmt = (
        select(Document)
        .where(scope_filter(newsroom_id), Document.pk > after_pk)
        .order_by(Document.pk)
        .limit(limit)
    )
    return list(session.scalars(stmt))


def load_passages(session: Session, *, newsroom_id: str | None) -> list[core.Passage]:
    """Every passage a check for this newsroom may cite, as core objects."""
    rows = session.execute(
        select(
            Document.id,
            Document.title,
            Passage.kind,
            Passage.start,
            Passage.end,
            Passage.text,
            Passage.speaker,
        )
        .join(Passage, Passage.document_pk == Document.pk)
        .where(scope_filter(newsroom_id))
        .order_by(Passage.id)
    )
    return [
        core.Passage(
            document_id=r[0], title=r[1], kind=r[2], span=(r[3], r[4]), text=r[5], speaker=r[6]
        )
        for r in rows
    ]


def corpus_version(session: Session, *, newsroom_id: str | None) -> tuple[int, int]:
    """Cheap fingerprint of a newsroom's corpus: changes whenever a passage is added or removed."""
    row = session.execute(
        select(func.count(Passage.id), func.coalesce(func.max(Passage.id), 0))
        .join(Document, Passage.document_pk == Document.pk)
        .where(scope_filter(newsroom_id))
    ).one()
    return int(row[0]), int(row[1])


# -- corpus index feed (checking.index over the whole store; see workers/runtime.py) --------------

IndexEntry = tuple[core.Passage, str | None]


def corpus_watermark(session: Session) -> int:
    """The newest corpus change id (0 when none): one primary-key look-up, cheap per check."""
    return int(session.scalar(select(func.coalesce(func.max(CorpusChange.id), 0))) or 0)


def corpus_changes(
    session: Session, *, after: int, also: Iterable[int] = ()
) -> list[tuple[int, str | None, str]]:
    """Changes with id > ``after`` (plus the ids in ``also``), oldest first: (id, owner, doc id)."""
    cond = CorpusChange.id > after
    extra = list(also)
    if extra:
        cond = or_(cond, CorpusChange.id.in_(extra))
    rows = session.execute(
        select(CorpusChange.id, CorpusChange.newsroom_id, CorpusChange.document_id)
        .where(cond)
        .order_by(CorpusChange.id)
    )
    return [(int(r[0]), r[1], str(r[2])) for r in rows]


def _index_rows(session: Session, where: Any) -> Iterator[IndexEntry]:
    rows = session.execute(
        select(
            Document.id,
            Document.title,
            Document.newsroom_id,
            Passage.kind,
            Passage.start,
            Passage.end,
            Passage.text,
            Passage.speaker,
        )
        .join(Passage, Passage.document_pk == Document.pk)
        .where(where)
        .order_by(Document.pk, Passage.id)
        .execution_options(yield_per=5000)
    )
    for r in rows:
        yield (
            core.Passage(
                document_id=r[0], title=r[1], kind=r[3], span=(r[4], r[5]), text=r[6], speaker=r[7]
            ),
            r[2],
        )


def iter_index_entries(session: Session) -> Iterator[IndexEntry]:
    """Every passage of every owner with its owner (None = shared), a document's together.

    Streamed in batches, so building the index of a million passages never holds them all as
    ORM objects.
    """
    return _index_rows(session, sa_true())


def document_passages(
    session: Session, docs: Iterable[tuple[str | None, str]]
) -> dict[tuple[str | None, str], list[core.Passage]]:
    """The current passages of each (owner, document id); a deleted document maps to []."""
    wanted = list(dict.fromkeys(docs))
    out: dict[tuple[str | None, str], list[core.Passage]] = {d: [] for d in wanted}
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        conds = [
            (Document.id == doc_id)
            & (Document.newsroom_id.is_(None) if owner is None else Document.newsroom_id == owner)
            for owner, doc_id in chunk
        ]
        for passage, owner in _index_rows(session, or_(*conds)):
            key = (owner, passage.document_id)
            if key in out:
                out[key].append(passage)
    return out
