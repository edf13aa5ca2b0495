"""Audits for real: API process → Redis → Celery worker processes → PostgreSQL → report.

The second test kills a worker with SIGKILL in the middle of an audit and starts another: the
audit must still finish with every article reported exactly once (checked in the report and in
the item table). Leases are short (3 s) so the reaper takes the dead worker's chunk back quickly.
"""

from __future__ import annotations

import csv
import io
import time
from collections import Counter
from typing import Any

import pytest
import requests
from sqlalchemy import select

from tests.audit_data import articles, jsonl
from tests.conftest import demo_json
from tests.integration.procs import Stack, run

pytestmark = pytest.mark.integration

N = 200


@pytest.fixture
def cluster(stack_factory: Any, redis_url: str, postgres_url: str) -> Stack:
    """API + workers on Redis/PostgreSQL, 3 s leases, 10-article chunks, the demo reference."""
    stack = stack_factory(
        database_url=postgres_url,
        broker_url=redis_url,
        requeue_after_seconds=2,
        lease_seconds=3,
        audit_chunk_size=10,
        worker_concurrency=1,
    )
    added = stack.post("/v1/corpus/documents", demo_json("reference.json"))
    assert added.status_code == 201, added.text
    return stack


def submit(cluster: Stack) -> str:
    response = requests.post(
        f"{cluster.base}/v1/audits?name=archive.jsonl",
        data=jsonl(articles(N)).encode(),
        headers={**cluster.headers, "Content-Type": "application/x-ndjson"},
        timeout=60,
    )
    assert response.status_code == 202, response.text
    assert response.headers["Retry-After"]
    return str(response.headers["Location"])


def poll(cluster: Stack, location: str, *, until: Any, timeout: float = 120) -> Any:
    deadline = time.monotonic() + timeout
    data: dict[str, Any] = {}
    while time.monotonic() < deadline:
        response = requests.get(cluster.base + location, headers=cluster.headers, timeout=10)
        assert response.status_code == 200, response.text
        data = response.json()
        if until(data):
            return data
        time.sleep(0.1)
    logs = "\n".join(w.output() for w in cluster.workers)
    raise AssertionError(f"audit {location} stuck at {data}\n{logs}")


def check_exactly_once(cluster: Stack, location: str) -> list[Any]:
    """The report and the item table both hold every article once; returns the chunk rows."""
    from store.db import make_engine, make_sessionmaker
    from store.models import AuditChunk, AuditItem

    base, key = cluster.base, cluster.headers
    report = requests.get(f"{base}{location}/report.json", headers=key, timeout=30).json()
    ids = [row["article_id"] for row in report["rows"]]
    assert ids == [a["id"] for a in articles(N)]  # one flagged claim each, in archive order
    assert len({row["claim_id"] for row in report["rows"]}) == N
    table = requests.get(f"{base}{location}/report.csv", headers=key, timeout=30).text
    assert Counter(r["article_id"] for r in csv.DictReader(io.StringIO(table))) == Counter(ids)

    audit_id = location.rsplit("/", 1)[-1]
    engine = make_engine(cluster.database_url)
    try:
        with make_sessionmaker(engine)() as session:
            items = list(session.scalars(select(AuditItem).where(AuditItem.audit_id == audit_id)))
            chunks = list(
                session.scalars(select(AuditChunk).where(AuditChunk.audit_id == audit_id))
            )
    finally:
        engine.dispose()
    assert len(items) == N and len({i.article_id for i in items}) == N
    assert {i.state for i in items} == {"succeeded"}
    assert all(i.checked_by and i.summary and len(i.flagged or []) == 1 for i in items)
    assert {c.state for c in chunks} == {"done"}
    return chunks


def test_audit_of_200_articles_through_redis_and_a_worker(cluster: Stack) -> None:
    cluster.worker()
    location = submit(cluster)
    data = poll(cluster, location, until=lambda d: d["status"] in {"succeeded", "failed"})
    assert data["status"] == "succeeded", data
    assert data["progress"] == {"total": N, "done": N, "failed": 0, "percent": 100.0}
    summary = data["summary"]
    assert summary["by_verdict"]["misattributed"] == N // 5
    assert summary["by_verdict"]["unverified"] == N - N // 5
    assert summary["by_verdict"]["verified"] == N
    chunks = check_exactly_once(cluster, location)
    assert len(chunks) == N // 10 and all(c.attempts == 1 for c in chunks)


def test_worker_killed_mid_audit_loses_nothing(cluster: Stack) -> None:
    # One worker, so whenever progress is seen mid-audit that worker holds a chunk's lease.
    victim = cluster.worker()
    location = submit(cluster)
    seen = poll(cluster, location, until=lambda d: d["progress"]["done"] >= 30)
    assert seen["status"] == "running" and seen["progress"]["done"] < N, seen
    victim.kill()  # SIGKILL to the worker's whole process group, mid-chunk
    victim.popen.wait(timeout=10)
    held = running_chunks(cluster, location)  # frozen now: nobody else is working
    cluster.worker()
    data = poll(cluster, location, until=lambda d: d["status"] in {"succeeded", "failed"})
    assert data["status"] == "succeeded", data
    assert data["progress"]["done"] == N and data["progress"]["failed"] == 0
    chunks = check_exactly_once(cluster, location)
    # The chunk the killed worker held ran again (when the kill landed between two chunks,
    # nothing was held and exactly-once above is the whole claim).
    for chunk in chunks:
        if chunk.id in held:
            assert chunk.attempts >= 2


def running_chunks(cluster: Stack, location: str) -> set[str]:
    from store.db import make_engine
    from store.models import AuditChunk

    engine = make_engine(cluster.database_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                select(AuditChunk.id).where(
                    AuditChunk.audit_id == location.rsplit("/", 1)[-1],
                    AuditChunk.state == "running",
                )
            )
            return {r[0] for r in rows}
    finally:
        engine.dispose()


def test_cli_audit_goes_through_the_queue(cluster: Stack) -> None:
    """With MISQUOTE_BROKER_URL set, ``misquote audit`` creates the audit in the store, a worker
    checks it, and the command writes the report from the store; a bad line still exits 1."""
    cluster.worker()
    archive = cluster.tmp / "archive.jsonl"
    archive.write_text(jsonl(articles(50)) + "{broken\n", encoding="utf-8")
    out = cluster.tmp / "report.csv"
    result = run(["audit", str(archive), "--out", str(out), "--newsroom", "tribune"], cluster.env)
    assert result.returncode == 1, result.stderr
    assert f"{archive}:51:" in result.stderr and "queued for the workers" in result.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["article_id"] for r in rows] == [a["id"] for a in articles(50)]
