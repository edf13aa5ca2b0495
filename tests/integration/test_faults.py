"""Faults, for real: a worker killed mid-job, Redis restarted mid-run, PostgreSQL down, and a
message delivered twice. Each test starts its own API and worker processes."""

from __future__ import annotations

import contextlib
import random
import time
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import func, select

from tests.integration.procs import poll_job
from tests.integration.servers import PrivatePostgres, PrivateRedis

pytestmark = pytest.mark.integration

#: 25 made-up words; sentences of 14 draw from them, so passages share words but differ.
WORDS = [
    a + b for a in ("lan", "mar", "quo", "bel", "tor") for b in ("ter", "den", "ric", "vo", "sel")
]


def sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(14))


def slow_material(rng: random.Random) -> tuple[list[dict[str, str]], str]:
    """~3,000 reference quotes and a 500-quote draft: a check of a few seconds, no test hooks."""
    docs = [
        {
            "id": f"ref-{d}",
            "title": f"Reference {d}",
            "text": "\n\n".join(
                f"“{sentence(rng)},” said Speaker{d} Person{i}." for i in range(10)
            ),
        }
        for d in range(300)
    ]
    body = "\n\n".join(f"“{sentence(rng)},” said Reporter{i} Smith." for i in range(500))
    return docs, body


def count_claims(database_url: str, job_id: str) -> tuple[int, int]:
    from store.db import make_engine
    from store.models import Claim, Job

    engine = make_engine(database_url)
    with engine.connect() as conn:
        claims = conn.execute(select(func.count()).where(Claim.job_id == job_id)).scalar_one()
        attempts = conn.execute(select(Job.attempts).where(Job.id == job_id)).scalar_one()
    engine.dispose()
    return int(claims), int(attempts)


def test_worker_killed_mid_job_completes_after_a_worker_returns(
    stack_factory: Any, redis_url: str, postgres_url: str
) -> None:
    stack = stack_factory(database_url=postgres_url, broker_url=redis_url)
    docs, body = slow_material(random.Random(7))
    assert stack.post("/v1/corpus/documents", docs).status_code == 201
    first = stack.worker()
    job = stack.post("/v1/drafts", {"body": body}).json()
    url = f"{stack.base}/v1/jobs/{job['id']}"
    deadline = time.monotonic() + 30
    while requests.get(url, headers=stack.headers, timeout=5).json()["status"] != "running":
        assert time.monotonic() < deadline, first.output()
        time.sleep(0.05)
    first.kill()  # SIGKILL to the whole worker, pool children included
    time.sleep(1)
    assert requests.get(url, headers=stack.headers, timeout=5).json()["status"] == "running"
    stack.worker()
    result = poll_job(stack.base, f"/v1/jobs/{job['id']}", stack.headers, timeout=120)
    assert result["status"] == "succeeded"
    assert len(result["claims"]) == 500
    claims, attempts = count_claims(postgres_url, job["id"])
    assert claims == 500 and attempts == 2


def test_message_delivered_twice_writes_the_result_once(
    stack_factory: Any, redis_url: str, postgres_url: str
) -> None:
    from store.config import Settings
    from workers.app import enqueue, make_celery

    stack = stack_factory(database_url=postgres_url, broker_url=redis_url)
    stack.worker()
    job = stack.post("/v1/drafts", {"body": "The mayor said “we will open the bridge.”"}).json()
    celery = make_celery(
        Settings.from_env({"broker_url": redis_url, "queue": stack.env["MISQUOTE_QUEUE"]})
    )
    enqueue(celery, job["id"])
    enqueue(celery, job["id"])
    result = poll_job(stack.base, f"/v1/jobs/{job['id']}", stack.headers)
    assert result["status"] == "succeeded"
    time.sleep(1.5)  # let the extra deliveries run
    claims, attempts = count_claims(postgres_url, job["id"])
    assert claims == 1 and attempts == 1


def test_redis_restart_mid_run_loses_no_job(
    stack_factory: Any, tmp_path: Path, postgres_url: str
) -> None:
    redis = PrivateRedis(tmp_path)
    try:
        stack = stack_factory(database_url=postgres_url, broker_url=redis.url)
        stack.worker()
        ids = [
            stack.post("/v1/drafts", {"body": f"Chief {i} said “the ferry will run.”"}).json()["id"]
            for i in range(10)
        ]
        redis.stop()  # queued messages are gone with it (no persistence)
        time.sleep(1)
        redis.start()
        ids += [
            stack.post("/v1/drafts", {"body": f"Clerk {i} said “the road is shut.”"}).json()["id"]
            for i in range(10)
        ]
        for job_id in ids:
            result = poll_job(stack.base, f"/v1/jobs/{job_id}", stack.headers, timeout=90)
            assert result["status"] == "succeeded", result
    finally:
        redis.stop()


def test_postgres_down_is_a_503_problem_and_recovers(stack_factory: Any, tmp_path: Path) -> None:
    pg = PrivatePostgres(tmp_path / "pg")
    try:
        stack = stack_factory(database_url=pg.url)
        job = stack.post("/v1/drafts", {"body": "A draft."}).json()
        url = f"{stack.base}/v1/jobs/{job['id']}"
        pg.stop()
        down = requests.get(url, headers=stack.headers, timeout=30)
        assert down.status_code == 503
        assert down.headers["Content-Type"].startswith("application/problem+json")
        assert down.json()["title"] == "Service Unavailable" and "Retry-After" in down.headers
        assert "Traceback" not in down.text and "psycopg" not in down.text
        assert requests.get(f"{stack.base}/readyz", timeout=30).status_code == 503
        submit = stack.post("/v1/drafts", {"body": "Another draft."})
        assert submit.status_code in (401, 503)  # the key cannot be checked without the database
        assert submit.headers["Content-Type"].startswith("application/problem+json")
        pg.start()
        deadline = time.monotonic() + 30
        while True:
            again = requests.get(url, headers=stack.headers, timeout=30)
            if again.status_code == 200 or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        assert again.status_code == 200 and again.json()["id"] == job["id"]
    finally:
        with contextlib.suppress(Exception):  # already stopped
            pg.stop()
        pg.remove()
