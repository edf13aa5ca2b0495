"""Callback signatures and the address policy (no network needed: IP literals only)."""

from __future__ import annotations

import pytest

from store.repo import new_webhook_secret
from workers.webhooks import parse_allow_list, refused_reason, signed_request, verify


def test_signature_round_trip_and_tampering() -> None:
    secret = new_webhook_secret()
    body, headers = signed_request(secret, "job-1.succeeded", {"type": "job.succeeded"})
    assert headers["webhook-signature"].startswith("v1,")
    assert verify(secret, headers, body)
    assert not verify(secret, headers, body + b" ")
    assert not verify(new_webhook_secret(), headers, body)
    assert not verify(secret, {**headers, "webhook-id": "job-2.succeeded"}, body)
    ts = int(headers["webhook-timestamp"])
    assert not verify(secret, headers, body, now=ts + 301)
    assert verify(secret, headers, body, now=ts + 299)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/hook",
        "http://10.1.2.3/hook",
        "http://192.168.0.9/hook",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/hook",
    ],
)
def test_private_and_loopback_addresses_are_refused(url: str) -> None:
    reason = refused_reason(url, [])
    assert reason and "private or local" in reason


def test_allow_list_and_public_addresses() -> None:
    allow = parse_allow_list("127.0.0.1/32, 10.0.0.0/8")
    assert refused_reason("http://127.0.0.1:9/hook", allow) is None
    assert refused_reason("http://10.9.9.9/hook", allow) is None
    assert refused_reason("http://192.168.1.1/hook", allow)
    assert refused_reason("https://93.184.215.14/hook", []) is None


def test_only_http_urls() -> None:
    assert refused_reason("ftp://93.184.215.14/x", [])
    assert refused_reason("http:///nohost", [])


def test_submission_check_never_waits_on_dns() -> None:
    assert refused_reason("https://hooks.example.invalid/x", [], resolve=False) is None
    assert refused_reason("https://hooks.example.invalid/x", [])  # checked at delivery
    assert refused_reason("http://localhost:8000/x", [], resolve=False)
    assert refused_reason("http://10.0.0.1/x", [], resolve=False)
