"""Audits on Celery: one task per chunk of articles, leased like a job; and the in-process path.

A chunk task (``misquote.audit_chunk``) loads its chunk by ID, takes the lease, and checks its
pending articles one by one, committing each article's result with a lease renewal
(``store.audits.store_item``). So a worker killed mid-chunk costs one article's work, not the
chunk's; the reaper pass here re-rings chunks whose lease expired; and an article's result is
written exactly once however often a chunk runs. Chunks, not claims or articles, are the unit
on the queue because a task costs ~1 ms of overhead (DESIGN.md) and an archive has thousands.

A task also gives its chunk back after a time slice (half the task time limit), so a slow chunk
never meets the hard time limit: it resumes, with its done articles kept, in a fresh task.

The in-process path (``misquote audit`` without a broker) runs the same per-article check over a
``multiprocessing`` pool whose workers inherit the corpus index by ``fork``.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import socket
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import timedelta
from typing import TYPE_CHECKING, Any, TypeAlias

from celery import Celery, Task
from celery.exceptions import SoftTimeLimitExceeded
from kombu.exceptions import ChannelError
from marshmallow import ValidationError
from sqlalchemy.exc import OperationalError

from checking import check as core_check
from checking.corpus import CorpusIndex
from schemas import claim_to_dict
from schemas.audits import ArticleResult, AuditChunkPayload, flagged_claims, summarise_audit
from store import audits as store
from workers.checks import claim_id
from workers.runtime import Runtime, retry_after_outage

if TYPE_CHECKING:
    from checking.index import IndexView

#: What ``check_draft`` searches: the in-memory index, or a newsroom's view of the host's
#: memory-mapped one (what ``Runtime.index_for`` returns).
SearchIndex: TypeAlias = "CorpusIndex | IndexView"

log = logging.getLogger("misquote.worker")

AUDIT_TASK = "misquote.audit_chunk"


# -- one article ----------------------------------------------------------------------------------


def item_key(audit_id: str | None, article_id: str) -> str:
    """A stable UUID per (audit, article): claim IDs derive from it, so a re-run is identical."""
    base = uuid.UUID(audit_id) if audit_id else uuid.NAMESPACE_URL
    return str(uuid.uuid5(base, f"article:{article_id}"))


def check_article(
    index: SearchIndex, body: str, *, key: str, max_claims: int
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Run the core on one article; return its summary and its flagged claims (report shape)."""
    claims = core_check.check_draft(body, index, max_claims=max_claims)
    data = [claim_to_dict(c, claim_id=claim_id(key, c)) for c in claims]
    return dict(core_check.summarise(claims)), flagged_claims(data)


# -- Celery ---------------------------------------------------------------------------------------


def register(app: Celery, runtime: Runtime) -> None:
    """Add the audit chunk task to ``app`` (called from ``make_celery``)."""

    @app.task(name=AUDIT_TASK, bind=True, max_retries=5)
    def audit_chunk(self: Task, chunk_id: str) -> str:
        return run_chunk(self, runtime, chunk_id)


def enqueue_chunks(app: Celery, runtime: Runtime, chunk_ids: list[str]) -> int:
    """Ring the doorbell for each chunk, then record it; returns how many were sent.

    A chunk whose message could not be sent keeps ``enqueued_at`` NULL and the reaper sends it.
    """
    sent: list[str] = []
    try:
        with app.producer_or_acquire() as producer:
            for chunk_id in chunk_ids:
                app.send_task(
                    AUDIT_TASK,
                    args=[chunk_id],
                    queue=app.conf.task_default_queue,
                    producer=producer,
                )
                sent.append(chunk_id)
    finally:
        if sent:
            with runtime.session() as session:
                store.mark_enqueued(session, sent)
    return len(sent)


def _owner(task: Task) -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{task.request.id}"


def run_chunk(task: Task, runtime: Runtime, chunk_id: str) -> str:
    """Check a chunk's pending articles under its lease; see the module docstring."""
    try:
        chunk_id = str(AuditChunkPayload().load({"chunk_id": chunk_id})["chunk_id"])
    except ValidationError:
        log.error("audit_chunk: discarding a message with a malformed chunk id")
        return "invalid"
    settings = runtime.settings
    owner = _owner(task)
    budget = max(1.0, settings.task_time_limit / 2)
    started = time.monotonic()
    current: store.PendingItem | None = None
    current_started = started
    checked = 0
    try:
        with runtime.session() as session:
            audit_id = store.acquire_chunk(
                session, chunk_id, owner=owner, seconds=settings.lease_seconds
            )
            if audit_id is None:
                return "skipped"
            audit = store.get_audit(session, audit_id)
            assert audit is not None
            newsroom_id = audit.newsroom_id
            items = store.pending_items(session, chunk_id)
        for current in items:
            if checked and time.monotonic() - started > budget:
                with runtime.session() as session:
                    store.release_chunk(session, chunk_id, owner=owner)
                enqueue_chunks(task.app, runtime, [chunk_id])
                return "sliced"
            current_started = time.monotonic()
            summary, flagged, error = _check_item(runtime, audit_id, newsroom_id, current)
            with runtime.session() as session:
                if not store.store_item(
                    session,
                    chunk_id,
                    current.id,
                    owner=owner,
                    seconds=settings.lease_seconds,
                    summary=summary,
                    flagged=flagged,
                    error=error,
                ):
                    return "lost-lease"  # cancelled, or the lease expired and another took it
            checked += 1
        with runtime.session() as session:
            store.finish_chunk(session, chunk_id, owner=owner)
        finish_if_done(runtime, audit_id)
        return "done"
    except SoftTimeLimitExceeded:
        # Reached when one article outlasts the slice. An article that alone took longer than
        # the slice is failed, so no re-run meets it again; otherwise the chunk just resumes.
        with runtime.session() as session:
            if current is not None and time.monotonic() - current_started > budget:
                store.store_item(
                    session,
                    chunk_id,
                    current.id,
                    owner=owner,
                    seconds=settings.lease_seconds,
                    summary=None,
                    flagged=None,
                    error=f"timed out after {settings.task_time_limit}s",
                )
            store.release_chunk(session, chunk_id, owner=owner)
        return "released"
    except OperationalError as exc:
        log.warning("audit_chunk %s: database unavailable, retrying: %s", chunk_id, exc.orig)
        raise retry_after_outage(task, runtime, store.release_chunk, chunk_id, owner) from None


def _check_item(
    runtime: Runtime, audit_id: str, newsroom_id: str | None, item: store.PendingItem
) -> tuple[dict[str, Any] | None, list[dict[str, Any]] | None, str | None]:
    """One article; an error in the core fails this article only, never the whole audit."""
    try:
        with runtime.session() as session:
            index = runtime.index_for(session, newsroom_id)
        if len(item.body) > runtime.settings.max_body_chars:
            return None, None, f"body longer than {runtime.settings.max_body_chars} characters"
        summary, flagged = check_article(
            index,
            item.body,
            key=item_key(audit_id, item.article_id),
            max_claims=runtime.settings.max_claims,
        )
        return summary, flagged, None
    except (SoftTimeLimitExceeded, OperationalError):
        raise
    except Exception as exc:
        log.exception("audit %s: article %r failed", audit_id, item.article_id)
        return None, None, f"internal error ({type(exc).__name__})"


def results_of(runtime: Runtime, audit_id: str) -> list[ArticleResult]:
    with runtime.session() as session:
        return [
            ArticleResult(r.article_id, r.title, r.summary, r.flagged, r.error)
            for r in store.item_results(session, audit_id)
        ]


def finish_if_done(runtime: Runtime, audit_id: str) -> bool:
    """End the audit with its summary once no chunk is live (any worker may be the last)."""
    with runtime.session() as session:
        if store.live_chunks(session, audit_id):
            return False
    summary = summarise_audit(results_of(runtime, audit_id))
    with runtime.session() as session:
        return store.finish_audit(session, audit_id, summary=summary)


def cancel(runtime: Runtime, audit_id: str) -> bool:
    """Cancel a live audit and summarise what was done before it stopped."""
    with runtime.session() as session:
        if not store.cancel_audit(session, audit_id):
            return False
    summary = summarise_audit(results_of(runtime, audit_id))
    with runtime.session() as session:
        store.set_summary(session, audit_id, summary)
    return True


def _queue_is_empty(app: Celery) -> bool:
    """Whether the broker's queue holds no message (a missing queue is an empty one).

    When the broker cannot be asked, the answer is no: nothing could be re-sent anyway, and
    a wrong yes would re-send every waiting chunk.
    """
    try:
        with app.connection_for_write() as conn:
            ok = conn.default_channel.queue_declare(queue=app.conf.task_default_queue, passive=True)
            return int(ok.message_count) == 0
    except ChannelError:
        return True
    except Exception:  # noqa: BLE001 - broker down: the reaper's next pass asks again
        log.warning("reaper: cannot read the queue length", exc_info=True)
        return False


def reap(app: Celery, runtime: Runtime) -> list[str]:
    """The reaper's audit pass: re-ring chunks left by dead workers or lost messages, and end
    audits whose last chunk's worker died before ending them. Returns the chunk IDs sent."""
    settings = runtime.settings
    with runtime.session() as session:
        if not store.any_live(session):
            return []  # the common case: no audit, so no broker round trip either
        reaped = store.reap(
            session,
            requeue_after=timedelta(seconds=settings.requeue_after_seconds),
            max_attempts=settings.max_attempts,
            queue_empty=_queue_is_empty(app),
        )
    if reaped.send:
        enqueue_chunks(app, runtime, reaped.send)
        log.info("reaper re-enqueued %d audit chunk(s)", len(reaped.send))
    for audit_id in reaped.finish:
        finish_if_done(runtime, audit_id)
    return reaped.send


# -- in process -----------------------------------------------------------------------------------

#: The index a forked pool worker checks against (set in the parent just before the fork).
_LOCAL: dict[str, Any] = {}


def _check_local(job: tuple[str, str | None, str]) -> ArticleResult:
    article_id, title, body = job
    index: SearchIndex = _LOCAL["index"]
    try:
        if len(body) > _LOCAL["max_body_chars"]:
            raise ValueError(f"body longer than {_LOCAL['max_body_chars']} characters")
        summary, flagged = check_article(
            index, body, key=item_key(None, article_id), max_claims=_LOCAL["max_claims"]
        )
        return ArticleResult(article_id, title, summary, flagged)
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop the audit
        return ArticleResult(article_id, title, None, [], f"{type(exc).__name__}: {exc}")


def audit_in_process(
    articles: Iterable[Mapping[str, Any]],
    index: SearchIndex,
    *,
    processes: int = 1,
    max_claims: int = 500,
    max_body_chars: int = 200_000,
    on_result: Callable[[ArticleResult], None] | None = None,
) -> list[ArticleResult]:
    """Check every article against ``index`` with ``processes`` worker processes.

    Results come back in the archive's order. With more than one process the pool is forked
    after the index is built, so the children share its memory instead of rebuilding it;
    ``gc.freeze`` keeps the collector from touching (and so copying) the inherited objects.
    """
    jobs = [(str(a["id"]), a.get("title"), str(a["body"])) for a in articles]
    _LOCAL.update(index=index, max_claims=max_claims, max_body_chars=max_body_chars)
    results: dict[str, ArticleResult] = {}
    try:
        stream: Iterator[ArticleResult]
        if processes <= 1:
            stream = map(_check_local, jobs)
            for r in stream:
                results[r.article_id] = r
                if on_result is not None:
                    on_result(r)
        else:
            gc.collect()
            gc.freeze()
            ctx = multiprocessing.get_context("fork")
            with ctx.Pool(processes) as pool:
                for r in pool.imap_unordered(_check_local, jobs, chunksize=2):
                    results[r.article_id] = r
                    if on_result is not None:
                        on_result(r)
            gc.unfreeze()
    finally:
        _LOCAL.clear()
    return [results[j[0]] for j in jobs]
