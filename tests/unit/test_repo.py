"""Job leases and the reaper on both stores: SQLite (embedded) and the real PostgreSQL."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from store import repo
from store.models import utcnow


def new_job(sessions: sessionmaker[Session], body: str = "A draft.") -> str:
    with sessions() as session:
        room = repo.get_or_create_newsroom(session, "tribune").id
        job_id = repo.submit_draft(session, newsroom_id=room, body=body).job.id
        session.commit()
    return job_id


def result(claims: int = 0) -> dict[str, Any]:
    return {"claims": claims, "flagged": 0, "by_verdict": {}}


def test_only_one_worker_gets_the_lease(sessions: sessionmaker[Session]) -> None:
    job_id = new_job(sessions)
    with sessions() as s:
        assert repo.acquire_lease(s, job_id, owner="w1", seconds=60)
        assert not repo.acquire_lease(s, job_id, owner="w2", seconds=60)
        assert not repo.store_result(s, job_id, owner="w2", claims=[], summary=result())
        assert repo.store_result(s, job_id, owner="w1", claims=[], summary=result())
        # a message delivered again after success changes nothing
        assert not repo.acquire_lease(s, job_id, owner="w3", seconds=60)
        job = repo.get_job(s, job_id)
        assert job is not None and job.state == "succeeded" and job.attempts == 1


def test_store_result_rewrites_claims(sessions: sessionmaker[Session]) -> None:
    job_id = new_job(sessions)
    claim = {
        "id": "c1",
        "kind": "quote",
        "span": [0, 3],
        "verdict": "verified",
        "score": 100.0,
        "speaker": None,
        "text": "abc",
        "flags": [],
        "evidence": [],
        "diff": [],
        "figure": None,
        "explanation": "x",
        "speaker_span": None,
    }
    with sessions() as s:
        assert repo.acquire_lease(s, job_id, owner="w1", seconds=60)
        assert repo.store_result(s, job_id, owner="w1", claims=[claim], summary=result(1))
    with sessions() as s:
        job = repo.get_job(s, job_id)
        assert job is not None and [c.id for c in job.claims] == ["c1"]
        assert job.claims[0].payload["span"] == [0, 3]


def test_reaper_requeues_expired_leases_and_stale_queued_jobs(
    sessions: sessionmaker[Session],
) -> None:
    running, waiting, fresh = new_job(sessions), new_job(sessions), new_job(sessions)
    with sessions() as s:
        assert repo.acquire_lease(s, running, owner="dead", seconds=1)
    later = utcnow() + timedelta(seconds=5)
    with sessions() as s:
        job = repo.get_job(s, fresh)
        assert job is not None
        job.enqueued_at = later
        s.commit()
        ids = repo.reap(s, requeue_after=timedelta(seconds=3), max_attempts=3, now=later)
    assert sorted(ids) == sorted([running, waiting])
    with sessions() as s:
        job = repo.get_job(s, running)
        assert job is not None and job.state == "queued" and job.lease_owner is None
        assert repo.acquire_lease(s, running, owner="w2", seconds=60)
        assert repo.get_job(s, running).attempts == 2  # type: ignore[union-attr]


def test_reaper_gives_up_after_max_attempts(sessions: sessionmaker[Session]) -> None:
    job_id = new_job(sessions)
    with sessions() as s:
        assert repo.acquire_lease(s, job_id, owner="dead", seconds=0)
        repo.reap(
            s,
            requeue_after=timedelta(seconds=30),
            max_attempts=1,
            now=utcnow() + timedelta(seconds=1),
        )
        job = repo.get_job(s, job_id)
        assert job is not None and job.state == "failed" and "attempts" in (job.error or "")


def test_api_keys_are_hashed_at_rest(sessions: sessionmaker[Session]) -> None:
    from sqlalchemy import select

    from store.models import ApiKey

    with sessions() as s:
        key = repo.create_api_key(s, "tribune")
        s.commit()
        stored = s.scalars(select(ApiKey.key_hash)).all()
        assert key not in stored and repo.hash_key(key) in stored
        room = repo.newsroom_for_key(s, key)
        assert room is not None and room.name == "tribune"
        assert repo.newsroom_for_key(s, key + "x") is None
