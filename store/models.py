"""SQLAlchemy models. The job row is the source of truth; the broker only rings the doorbell."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores UTC and always returns aware datetimes (SQLite forgets the zone otherwise)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value


class Base(DeclarativeBase):
    pass


class Newsroom(Base):
    __tablename__ = "newsrooms"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: Signs job-ended callbacks (Standard Webhooks); shown by ``misquote webhooks secret``.
    webhook_secret: Mapped[str | None] = mapped_column(String(100), nullable=True)


class ApiKey(Base):
    __tablename__ = "api_keys"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    newsroom_id: Mapped[str] = mapped_column(ForeignKey("newsrooms.id", ondelete="CASCADE"))
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class Draft(Base):
    __tablename__ = "drafts"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    newsroom_id: Mapped[str] = mapped_column(ForeignKey("newsrooms.id", ondelete="CASCADE"))
    name: Mapped[str | None] = mapped_column(String(500), nullable=True)
    title: Mapped[str | None] = mapped_column(String(500), nullable=True)
    body: Mapped[str] = mapped_column(Text)
    body_sha256: Mapped[str] = mapped_column(String(64))
    callback_url: Mapped[str | None] = mapped_column(String(2000), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Job(Base):
    __tablename__ = "jobs"
    __table_args__ = (
        UniqueConstraint("newsroom_id", "idempotency_key", name="uq_jobs_idempotency"),
        Index("ix_jobs_state_lease", "state", "lease_expires_at"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    newsroom_id: Mapped[str] = mapped_column(ForeignKey("newsrooms.id", ondelete="CASCADE"))
    draft_id: Mapped[str] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20), default="check")
    state: Mapped[str] = mapped_column(String(20), default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    lease_owner: Mapped[str | None] = mapped_column(String(200), nullable=True)
    lease_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    enqueued_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    idempotency_key: Mapped[str | None] = mapped_column(String(200), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    summary: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)

    draft: Mapped[Draft] = relationship()
    claims: Mapped[list[Claim]] = relationship(
        order_by="Claim.position", cascade="all, delete-orphan", passive_deletes=True
    )


class Claim(Base):
    __tablename__ = "claims"
    __table_args__ = (Index("ix_claims_job", "job_id", "position"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    job_id: Mapped[str] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(10))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    verdict: Mapped[str] = mapped_column(String(20))
    score: Mapped[float] = mapped_column(Float)
    speaker: Mapped[str | None] = mapped_column(String(300), nullable=True)
    #: The rest of the result-contract fields (flags, evidence, diff, figure, explanation).
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)


class Document(Base):
    __tablename__ = "documents"
    __table_args__ = (Index("ix_documents_newsroom", "newsroom_id"),)
    #: Surrogate key, so two newsrooms may each use their own "doc-1".
    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(200))
    #: NULL means the shared corpus every newsroom checks against.
    newsroom_id: Mapped[str | None] = mapped_column(
        ForeignKey("newsrooms.id", ondelete="CASCADE"), nullable=True
    )
    title: Mapped[str] = mapped_column(String(1000))
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20), default="article")
    source: Mapped[str | None] = mapped_column(String(300), nullable=True)
    url: Mapped[str | None] = mapped_column(String(2000), nullable=True)
    published_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    speaker: Mapped[str | None] = mapped_column(String(300), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    passages: Mapped[list[Passage]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="Passage.id"
    )


class Passage(Base):
    __tablename__ = "passages"
    __table_args__ = (Index("ix_passages_document", "document_pk"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_pk: Mapped[int] = mapped_column(ForeignKey("documents.pk", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(10))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    speaker: Mapped[str | None] = mapped_column(String(300), nullable=True)


class Checker(Base):
    """A person who reviews flags in the web page, signed in with a password, in one newsroom."""

    __tablename__ = "checkers"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    newsroom_id: Mapped[str] = mapped_column(ForeignKey("newsrooms.id", ondelete="CASCADE"))
    email: Mapped[str] = mapped_column(String(320), unique=True)
    password_hash: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Review(Base):
    """A checker's decision on one claim's flag.

    Keyed by the claim's id (deterministic per job and span) but tied by foreign key to the job,
    not to the claim row: re-running a job rewrites its claim rows, and the decision must survive.
    ``version`` grows with every decision and makes the claim's ETag.
    """

    __tablename__ = "reviews"
    __table_args__ = (Index("ix_reviews_job", "job_id"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    job_id: Mapped[str] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"))
    claim_id: Mapped[str] = mapped_column(String(36), unique=True)
    decision: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    #: The checker's email, or ``api:<key prefix>`` for a decision made with an API key.
    reviewer: Mapped[str] = mapped_column(String(320))
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)


class Audit(Base):
    """A batch check of many articles (an archive). Progress is counted from its items.

    ``newsroom_id`` is NULL for an audit started from the command line: it checks against the
    shared corpus and is never visible through the API.
    """

    __tablename__ = "audits"
    __table_args__ = (Index("ix_audits_newsroom", "newsroom_id", "created_at"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    newsroom_id: Mapped[str | None] = mapped_column(
        ForeignKey("newsrooms.id", ondelete="CASCADE"), nullable=True
    )
    name: Mapped[str | None] = mapped_column(String(500), nullable=True)
    #: queued | running | succeeded | failed | cancelled
    state: Mapped[str] = mapped_column(String(20), default="queued")
    total: Mapped[int] = mapped_column(Integer)
    chunk_size: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    #: Written when the audit ends: claims and flags by verdict, most-flagged speakers, articles.
    summary: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)


class AuditChunk(Base):
    """A slice of an audit's articles run by one task; it carries the lease, like a job does.

    The chunk row, not the broker message, decides who may work on the chunk: a message delivered
    twice finds the lease taken, and the reaper re-sends a chunk whose worker died.
    """

    __tablename__ = "audit_chunks"
    __table_args__ = (
        UniqueConstraint("audit_id", "number", name="uq_audit_chunks_number"),
        Index("ix_audit_chunks_state_lease", "state", "lease_expires_at"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    audit_id: Mapped[str] = mapped_column(ForeignKey("audits.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    #: queued | running | done | failed | cancelled
    state: Mapped[str] = mapped_column(String(20), default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    lease_owner: Mapped[str | None] = mapped_column(String(200), nullable=True)
    lease_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    enqueued_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)


class AuditItem(Base):
    """One article of an audit and, once checked, its result -- written exactly once.

    ``(audit_id, article_id)`` is unique, and a result is written only while the item is
    ``pending`` and its chunk's lease is held, so a re-run chunk skips what is already done.
    """

    __tablename__ = "audit_items"
    __table_args__ = (
        UniqueConstraint("audit_id", "article_id", name="uq_audit_items_article"),
        Index("ix_audit_items_chunk", "chunk_id", "position"),
        Index("ix_audit_items_audit_state", "audit_id", "state"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    audit_id: Mapped[str] = mapped_column(ForeignKey("audits.id", ondelete="CASCADE"))
    chunk_id: Mapped[str] = mapped_column(ForeignKey("audit_chunks.id", ondelete="CASCADE"))
    #: The article's place in the upload (0-based), so reports keep the archive's order.
    position: Mapped[int] = mapped_column(Integer)
    article_id: Mapped[str] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(String(1000), nullable=True)
    body: Mapped[str] = mapped_column(Text)
    meta: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    #: pending | succeeded | failed
    state: Mapped[str] = mapped_column(String(20), default="pending")
    #: Counts for this article: claims, flagged, by_verdict (the job summary's shape).
    summary: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    #: The flagged claims only, in the report's shape (verified claims are counted, not kept).
    flagged: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON, nullable=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    #: The lease owner that wrote the result (shows which worker did it, and that one did).
    checked_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class CorpusChange(Base):
    """One row per document added, replaced or deleted: how workers keep their index current.

    Each worker host keeps a memory-mapped index of the corpus built at some change id (its
    watermark); checking ``max(id)`` here is one index look-up, and the rows past the watermark
    name exactly the documents whose passages to reload or drop, without a full rebuild.
    """

    __tablename__ = "corpus_changes"
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    #: NULL for the shared corpus, else the owning newsroom (no foreign key: the log outlives it).
    newsroom_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    document_id: Mapped[str] = mapped_column(String(200))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
