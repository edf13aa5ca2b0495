"""A job-ended callback reaches a real receiver, signed, after the receiver first fails."""

from __future__ import annotations

import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.integration.procs import Proc, create_key, env_for, free_port, run, wait_http
from workers.webhooks import verify

pytestmark = pytest.mark.integration


class Receiver(BaseHTTPRequestHandler):
    calls: list[tuple[dict[str, str], bytes]] = []
    fail_first = 1

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Receiver.calls.append((dict(self.headers.items()), body))
        status = 500 if len(Receiver.calls) <= Receiver.fail_first else 204
        self.send_response(status)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


def test_signed_callback_with_retry(tmp_path: Path, redis_url: str, postgres_url: str) -> None:
    receiver = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    env = env_for(
        home=tmp_path / "home",
        database_url=postgres_url,
        broker_url=redis_url,
        queue=f"misquote-test-{uuid.uuid4().hex[:8]}",
        webhook_allow="127.0.0.1/32",
        webhook_backoff_seconds=0.5,
    )
    port = free_port()
    api = Proc(["serve", "--port", str(port), "--no-worker"], env, tmp_path / "api.log")
    worker = Proc(["worker"], env, tmp_path / "worker.log")
    try:
        wait_http(f"http://127.0.0.1:{port}/healthz", api)
        key = create_key(env, "tribune")
        secret = run(["webhooks", "secret", "tribune"], env).stdout.strip().splitlines()[-1]
        hook = f"http://127.0.0.1:{receiver.server_port}/hook"
        response = requests.post(
            f"http://127.0.0.1:{port}/v1/drafts",
            json={"body": "The mayor said “we will open the bridge.”", "callback_url": hook},
            headers={"Authorization": f"Bearer {key}"},
            timeout=10,
        )
        assert response.status_code == 202, response.text
        job_id = response.json()["id"]
        deadline = time.monotonic() + 60
        while len(Receiver.calls) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert len(Receiver.calls) == 2, worker.output()
        headers, body = Receiver.calls[-1]
        assert verify(secret, headers, body)
        event = json.loads(body)
        assert event["type"] == "job.succeeded" and event["data"]["id"] == job_id
        assert event["data"]["claims"][0]["verdict"] == "unverified"
        assert headers["webhook-id"] == Receiver.calls[0][0]["webhook-id"]  # same id on retry
    finally:
        worker.stop()
        api.stop()
        receiver.shutdown()
