"""Audit chunk leases, exactly-once item results and the audit reaper on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from store import audits
from store.models import AuditChunk, AuditItem, utcnow
from tests.audit_data import articles

SUMMARY = {"claims": 1, "flagged": 1, "by_verdict": {"unverified": 1}}
REAP = {"requeue_after": timedelta(seconds=30), "max_attempts": 2}


def mine(found: list[str], chunks: list[str]) -> list[str]:
    """The PostgreSQL database is shared by the session's tests: look at this test's rows only."""
    return [c for c in found if c in chunks]


def new_audit(sessions: sessionmaker[Session], n: int = 5, chunk: int = 2) -> tuple[str, list[str]]:
    with sessions() as s:
        audit = audits.create_audit(s, newsroom_id=None, articles=articles(n), chunk_size=chunk)
        s.commit()
        return audit.id, audits.chunk_ids(s, audit.id)


def test_chunks_and_items_are_laid_out_in_order(sessions: sessionmaker[Session]) -> None:
    audit_id, chunks = new_audit(sessions, 5, 2)
    assert len(chunks) == 3
    with sessions() as s:
        assert audits.unsent_chunks(s, audit_id) == chunks
        sizes = [len(audits.pending_items(s, c)) for c in chunks]
        assert sizes == [2, 2, 1]
        assert [i.article_id for i in audits.pending_items(s, chunks[1])] == ["a0002", "a0003"]


def test_one_lease_per_chunk_and_each_result_written_once(sessions: sessionmaker[Session]) -> None:
    audit_id, chunks = new_audit(sessions)
    with sessions() as s:
        assert audits.acquire_chunk(s, chunks[0], owner="w1", seconds=60) == audit_id
        assert audits.acquire_chunk(s, chunks[0], owner="w2", seconds=60) is None
        assert audits.get_audit(s, audit_id).state == "running"  # type: ignore[union-attr]
        item = audits.pending_items(s, chunks[0])[0]
        ok = {"summary": SUMMARY, "flagged": [{"claim_id": "c"}]}
        assert not audits.store_item(s, chunks[0], item.id, owner="w2", seconds=60, **ok)
        assert audits.store_item(s, chunks[0], item.id, owner="w1", seconds=60, **ok)
        # the same item again (a re-run that raced) does not overwrite the first result
        assert audits.store_item(
            s, chunks[0], item.id, owner="w1", seconds=60, summary=None, flagged=None, error="x"
        )
        row = s.get(AuditItem, item.id)
        assert row is not None and row.state == "succeeded" and row.checked_by == "w1"
        assert [i.id for i in audits.pending_items(s, chunks[0])] != [item.id]


def test_a_dead_workers_chunk_resumes_where_it_stopped(sessions: sessionmaker[Session]) -> None:
    audit_id, chunks = new_audit(sessions)
    with sessions() as s:
        audits.acquire_chunk(s, chunks[0], owner="dead", seconds=60)
        first = audits.pending_items(s, chunks[0])[0]
        audits.store_item(
            s, chunks[0], first.id, owner="dead", seconds=60, summary=SUMMARY, flagged=[]
        )
        later = utcnow() + timedelta(seconds=120)
        reaped = audits.reap(s, **REAP, queue_empty=False, now=later)
        assert chunks[0] in reaped.send  # expired lease -> queued, never sent -> send
        assert audits.acquire_chunk(s, chunks[0], owner="w2", seconds=60) == audit_id
        assert [i.article_id for i in audits.pending_items(s, chunks[0])] == ["a0001"]
        # the dead worker wakes up: its lease is gone, it writes nothing
        second = audits.pending_items(s, chunks[0])[0]
        assert not audits.store_item(
            s, chunks[0], second.id, owner="dead", seconds=60, summary=SUMMARY, flagged=[]
        )
        assert audits.get_audit(s, audit_id) is not None
        chunk = s.get(AuditChunk, chunks[0])
        assert chunk is not None and chunk.attempts == 2


def test_reaper_fails_a_chunk_after_max_attempts(sessions: sessionmaker[Session]) -> None:
    audit_id, chunks = new_audit(sessions, 2, 2)
    with sessions() as s:
        for attempt in range(2):
            assert audits.acquire_chunk(s, chunks[0], owner=f"w{attempt}", seconds=1)
            later = utcnow() + timedelta(seconds=60)
            reaped = audits.reap(s, **REAP, queue_empty=False, now=later)
        assert mine(reaped.send, chunks) == [] and audit_id in reaped.finish
        states = s.scalars(select(AuditItem.state).where(AuditItem.audit_id == audit_id))
        assert set(states) == {"failed"}
        assert audits.finish_audit(s, audit_id, summary={"articles": 2})
        audit = audits.get_audit(s, audit_id)
        assert audit is not None and audit.state == "failed" and "2 of 2" in (audit.error or "")
        assert not audits.finish_audit(s, audit_id, summary={})  # only once


def test_stale_chunks_are_resent_only_when_the_queue_is_empty(
    sessions: sessionmaker[Session],
) -> None:
    audit_id, chunks = new_audit(sessions)
    with sessions() as s:
        assert mine(audits.reap(s, **REAP, queue_empty=False).send, chunks) == chunks
        audits.mark_enqueued(s, chunks)
        assert mine(audits.reap(s, **REAP, queue_empty=True).send, chunks) == []  # just sent
        later = utcnow() + timedelta(seconds=60)
        assert mine(audits.reap(s, **REAP, queue_empty=False, now=later).send, chunks) == []
        assert mine(audits.reap(s, **REAP, queue_empty=True, now=later).send, chunks) == chunks


def test_cancel_stops_leases_and_work(sessions: sessionmaker[Session]) -> None:
    audit_id, chunks = new_audit(sessions)
    with sessions() as s:
        audits.acquire_chunk(s, chunks[0], owner="w1", seconds=60)
        assert audits.cancel_audit(s, audit_id)
        assert not audits.cancel_audit(s, audit_id)
        item = audits.pending_items(s, chunks[0])[0]
        assert not audits.store_item(
            s, chunks[0], item.id, owner="w1", seconds=60, summary=SUMMARY, flagged=[]
        )
        assert audits.acquire_chunk(s, chunks[1], owner="w2", seconds=60) is None
        assert mine(audits.reap(s, **REAP, queue_empty=True).send, chunks) == []
        audit = audits.get_audit(s, audit_id)
        assert audit is not None and audit.state == "cancelled"
        assert audits.progress(s, audit).done == 0
