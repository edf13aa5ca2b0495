"""Faults, for real: a worker killed mid-job, Redis restarted mid-run, PostgreSQL down, and a
message delivered twice. Each test starts its own API and worker processes."""

from __future__ import annotations

import contextlib
import random
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import func, select

from tests.integration.procs import Proc, create_key, env_for, free_port, poll_job, wait_http
from tests.integration.servers import PrivatePostgres, PrivateRedis

pytestmark = pytest.mark.integration

WORDS = [
    "council",
    "harbour",
    "envoy",
    "budget",
    "crane",
    "union",
    "mayor",
    "bridge",
    "school",
    "water",
    "road",
    "strike",
    "review",
    "ferry",
    "tunnel",
    "levy",
    "rail",
    "clinic",
    "housing",
    "grant",
    "tariff",
    "quota",
    "vessel",
    "dock",
    "pier",
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


class Stack:
    """An API process and any number of worker processes on one broker and one database."""

    def __init__(self, tmp: Path, **settings: Any) -> None:
        self.tmp = tmp
        tmp.mkdir(parents=True, exist_ok=True)
        self.env = env_for(
            home=tmp / "home",
            queue=f"misquote-test-{uuid.uuid4().hex[:8]}",
            lease_seconds=4,
            requeue_after_seconds=3,
            reaper_interval_seconds=0.5,
            **settings,
        )
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.api = Proc(
            ["serve", "--port", str(self.port), "--no-worker"], self.env, tmp / "api.log"
        )
        self.workers: list[Proc] = []
        wait_http(f"{self.base}/healthz", self.api)
        self.headers = {"Authorization": f"Bearer {create_key(self.env, 'tribune')}"}

    def worker(self) -> Proc:
        proc = Proc(["worker"], self.env, self.tmp / f"worker{len(self.workers)}.log")
        self.workers.append(proc)
        return proc

    def post(self, path: str, payload: Any) -> requests.Response:
        return requests.post(self.base + path, json=payload, headers=self.headers, timeout=60)

    def close(self) -> None:
        for proc in self.workers:
            proc.stop()
        self.api.stop()


@pytest.fixture
def stack_factory(tmp_path: Path) -> Iterator[Any]:
    stacks: list[Stack] = []

    def make(**settings: Any) -> Stack:
        stack = Stack(tmp_path / f"s{len(stacks)}", **settings)
        stacks.append(stack)
        return stack

    yield make
    for stack in stacks:
        stack.close()


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
