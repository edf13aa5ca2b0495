"""The whole path for real: HTTP API process → broker → Celery worker process → store → poll.

Once on the embedded default (SQLite store + SQLite broker, ``misquote serve`` with its worker),
once on the production shape (PostgreSQL + Redis, API and worker as separate processes).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.conftest import demo_json
from tests.integration.procs import Proc, Stack, create_key, env_for, free_port, poll_job, wait_http

pytestmark = pytest.mark.integration


def claim_at(result: dict[str, Any], body: str, words: str) -> dict[str, Any]:
    """The claim whose span covers ``words`` in the submitted body."""
    start = body.index(words)
    for claim in result["claims"]:
        s, e = claim["span"]
        if s <= start and start + len(words) <= e:
            return claim
    raise AssertionError(f"no claim covers {words!r}: {[c['text'] for c in result['claims']]}")


def exercise(base: str, env: dict[str, str]) -> None:
    """What the README walks through, with the demo reference and draft."""
    key = {"Authorization": f"Bearer {create_key(env, 'tribune')}"}
    other = {"Authorization": f"Bearer {create_key(env, 'courier')}"}
    assert requests.get(f"{base}/healthz", timeout=5).json() == {"status": "ok"}
    assert requests.get(f"{base}/readyz", timeout=5).status_code == 200

    reference = demo_json("reference.json")
    added = requests.post(f"{base}/v1/corpus/documents", json=reference, headers=key, timeout=30)
    assert added.status_code == 201, added.text

    draft = demo_json("draft.json")
    body = draft["body"]
    submitted = requests.post(f"{base}/v1/drafts", json=draft, headers=key, timeout=30)
    assert submitted.status_code == 202, submitted.text
    result = poll_job(base, submitted.headers["Location"], key)
    assert result["status"] == "succeeded", result

    for claim in result["claims"]:
        s, e = claim["span"]
        assert body[s:e] == claim["text"]

    partial = claim_at(result, body, "because two of our members nearly died on the night shift")
    assert partial["verdict"] == "verified"
    assert partial["speaker"] == "Marta Okonkwo"

    swapped = claim_at(result, body, "Every crane on this waterfront")
    assert swapped["verdict"] == "misattributed"
    assert swapped["speaker"] == "Marta Okonkwo"
    assert swapped["evidence"][0]["speaker"] == "Henrik Salo"
    assert swapped["evidence"][0]["document_id"] == "alder-strike-ends"

    figure = claim_at(result, body, "81,000")
    assert figure["verdict"] == "altered_figure"
    assert "81,000" in figure["explanation"] and "18,000" in figure["explanation"]
    assert figure["diff"] and any(op["op"] == "replace" for op in figure["diff"])

    invented = claim_at(result, body, "will never again let a strike close this waterfront")
    assert invented["verdict"] == "unverified"

    exact = claim_at(result, body, "The port cannot afford another week like this one")
    assert exact["verdict"] == "verified" and exact["speaker"] == "Henrik Salo"

    for claim in result["claims"]:
        if claim["verdict"] in {"misattributed", "altered_figure", "altered_quote"}:
            evidence = claim["evidence"][0]
            s, e = evidence["span"]
            assert reference["text"][s:e] == evidence["text"]
            assert claim["diff"]

    assert result["summary"]["claims"] == len(result["claims"])
    assert result["summary"]["by_verdict"]["misattributed"] >= 1

    job_url = base + submitted.headers["Location"]
    assert requests.get(job_url, headers=other, timeout=5).status_code == 404
    wrong = requests.get(job_url, headers={"Authorization": "Bearer mq_wrong"}, timeout=5)
    assert wrong.status_code == 401
    assert wrong.headers["Content-Type"].startswith("application/problem+json")


def test_embedded_default(tmp_path: Path) -> None:
    """No servers at all: ``misquote serve`` with a fresh MISQUOTE_HOME and its own worker."""
    env = env_for(home=tmp_path / "home")
    port = free_port()
    server = Proc(["serve", "--port", str(port)], env, tmp_path / "serve.log")
    try:
        wait_http(f"http://127.0.0.1:{port}/healthz", server)
        exercise(f"http://127.0.0.1:{port}", env)
    finally:
        server.stop()
    assert (tmp_path / "home" / "misquote.sqlite").exists()
    assert (tmp_path / "home" / "broker.sqlite").exists()


@pytest.fixture
def production(stack_factory: Any, redis_url: str, postgres_url: str) -> Stack:
    return stack_factory(
        database_url=postgres_url,
        broker_url=redis_url,
        requeue_after_seconds=2,
        lease_seconds=5,
        worker_concurrency=1,
    )


def test_production_shape_redis_postgres(production: Stack) -> None:
    worker = production.worker()
    exercise(production.base, production.env)

    # The request ID travels with the message: the worker's JSON log line names it.
    key = production.headers
    submitted = requests.post(
        f"{production.base}/v1/drafts",
        json={"body": "The mayor said “the bridge opens in May.”"},
        headers={**key, "X-Request-ID": "e2e-request-42"},
        timeout=30,
    )
    assert submitted.headers["X-Request-ID"] == "e2e-request-42"
    assert poll_job(production.base, submitted.headers["Location"], key)["status"] == "succeeded"
    lines = [json.loads(line) for line in worker.output().splitlines() if line.startswith("{")]
    assert any(
        line.get("request_id") == "e2e-request-42" and line.get("outcome") == "succeeded"
        for line in lines
    ), worker.output()


def test_reaper_recovers_lost_message_and_dead_lease(production: Stack) -> None:
    """A job whose message never reached the broker, and one whose worker died holding the lease,
    both finish once a worker is running."""
    from datetime import timedelta

    from store import repo
    from store.db import make_engine, make_sessionmaker
    from store.models import utcnow

    sessions = make_sessionmaker(make_engine(production.database_url))
    with sessions() as session:
        room = repo.get_or_create_newsroom(session, "tribune").id
        lost = repo.submit_draft(session, newsroom_id=room, body="He said “nothing at all.”").job
        dead = repo.submit_draft(session, newsroom_id=room, body="She said “something.”").job
        dead.state = "running"
        dead.lease_owner = "a-worker-that-died"
        dead.lease_expires_at = utcnow() - timedelta(seconds=1)
        dead.attempts = 1
        session.commit()
        ids = [lost.id, dead.id]
    production.worker()
    key = production.headers
    for job_id in ids:
        result = poll_job(production.base, f"/v1/jobs/{job_id}", key, timeout=60)
        assert result["status"] == "succeeded", result
        assert result["claims"] and result["claims"][0]["verdict"] == "unverified"
    with sessions() as session:
        assert repo.get_job(session, dead.id).attempts == 2  # type: ignore[union-attr]
