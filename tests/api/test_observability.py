"""Metrics, request IDs and log hygiene."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest

from workers.logs import JsonFormatter


def test_metrics_count_requests_and_jobs(client: Any, make_key: Any) -> None:
    headers = make_key()
    client.post("/v1/drafts", json={"body": "Mayor said “we will build it.”"}, headers=headers)
    text = client.get("/metrics").get_data(as_text=True)
    assert 'misquote_http_requests_total{method="POST",route="/v1/drafts",status="202"} 1.0' in text
    assert 'misquote_jobs{state="queued"} 1.0' in text
    assert "misquote_queue_depth 1.0" in text


def test_request_id_is_echoed_or_made(client: Any) -> None:
    given = client.get("/healthz", headers={"X-Request-ID": "cms-42.a"})
    assert given.headers["X-Request-ID"] == "cms-42.a"
    made = client.get("/healthz", headers={"X-Request-ID": "bad id with spaces"})
    assert made.headers["X-Request-ID"] != "bad id with spaces"
    assert len(made.headers["X-Request-ID"]) == 32


def test_access_log_is_json_without_key_or_draft(
    client: Any, make_key: Any, caplog: pytest.LogCaptureFixture
) -> None:
    headers = make_key()
    secret_words = "a sentence nobody should find in a log"
    with caplog.at_level(logging.INFO, logger="misquote.access"):
        client.post("/v1/drafts", json={"body": secret_words}, headers=headers)
    records = [r for r in caplog.records if r.name == "misquote.access"]
    assert records
    line = JsonFormatter().format(records[-1])
    data = json.loads(line)
    assert data["route"] == "/v1/drafts" and data["status"] == 202 and data["request_id"]
    key = headers["Authorization"].split()[1]
    assert key not in line and secret_words not in line
