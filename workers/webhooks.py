"""Signed job-ended callbacks in the Standard Webhooks style.

The receiver verifies ``webhook-signature`` = ``v1,`` + base64(HMAC-SHA256(secret,
"{webhook-id}.{webhook-timestamp}.{body}")) and rejects old timestamps, so a replayed or forged
callback is refused. Callback addresses on private, loopback or link-local networks are refused
unless allow-listed, both when the draft is submitted and again before each delivery (DNS can
change in between).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import json
import logging
import socket
import time
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import urlsplit

import requests

from store import repo
from store.repo import WEBHOOK_SECRET_PREFIX as SECRET_PREFIX
from workers.runtime import Runtime

log = logging.getLogger("misquote.webhooks")

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


def _key(secret: str) -> bytes:
    return base64.b64decode(secret.removeprefix(SECRET_PREFIX))


def sign(secret: str, msg_id: str, timestamp: int, body: bytes) -> str:
    signed = f"{msg_id}.{timestamp}.".encode() + body
    digest = hmac.new(_key(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def verify(
    secret: str,
    headers: dict[str, str],
    body: bytes,
    *,
    tolerance: int = 300,
    now: float | None = None,
) -> bool:
    """What a receiver does; used by the tests and documented for newsroom developers."""
    lower = {k.lower(): v for k, v in headers.items()}
    try:
        msg_id, ts = lower["webhook-id"], int(lower["webhook-timestamp"])
    except (KeyError, ValueError):
        return False
    if abs((now if now is not None else time.time()) - ts) > tolerance:
        return False
    expected = sign(secret, msg_id, ts, body).split(",", 1)[1]
    offered = [s.split(",", 1)[1] for s in lower.get("webhook-signature", "").split() if "," in s]
    return any(hmac.compare_digest(expected, sig) for sig in offered)


def signed_request(
    secret: str, msg_id: str, payload: dict[str, Any]
) -> tuple[bytes, dict[str, str]]:
    body = json.dumps(payload, separators=(",", ":"), default=str).encode()
    ts = int(time.time())
    headers = {
        "Content-Type": "application/json",
        "webhook-id": msg_id,
        "webhook-timestamp": str(ts),
        "webhook-signature": sign(secret, msg_id, ts, body),
    }
    return body, headers


def parse_allow_list(value: str | Iterable[str]) -> list[IPNetwork]:
    items = value.split(",") if isinstance(value, str) else list(value)
    return [ipaddress.ip_network(item.strip(), strict=False) for item in items if item.strip()]


def refused_reason(url: str, allow: Sequence[IPNetwork], *, resolve: bool = True) -> str | None:
    """Why this callback address may not be called, or None when it may.

    With ``resolve=False`` (at submission, so a request never waits on DNS) only addresses
    written as IP literals or ``localhost`` are judged.
    """
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return "the callback must be an http(s) URL with a host"
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        return "the callback URL has an invalid port"
    host = parts.hostname
    if host == "localhost" or host.endswith(".localhost"):
        addresses = ["127.0.0.1", "::1"]
    else:
        try:
            addresses = [str(ipaddress.ip_address(host))]
        except ValueError:
            if not resolve:
                return None  # a name is resolved (and checked) again before each delivery
            try:
                infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
            except OSError:
                return f"the callback host {host!r} does not resolve"
            addresses = [str(info[4][0]) for info in infos]
    for text in addresses:
        address = ipaddress.ip_address(text)
        if any(address in net for net in allow):
            continue
        if not address.is_global:
            return (
                f"the callback host resolves to {address}, a private or local address "
                "(allow-list it with MISQUOTE_WEBHOOK_ALLOW)"
            )
    return None


class DeliveryFailed(Exception):
    """The receiver did not answer 2xx; the task retries with backoff."""


def job_ended_payload(result: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": f"job.{result['status']}",
        "timestamp": result.get("finished_at"),
        "data": result,
    }


def deliver(runtime: Runtime, job_id: str) -> str:
    """POST the ended job to its callback, signed; ``DeliveryFailed`` asks for a retry."""
    from schemas import JobOut
    from workers.checks import job_result

    settings = runtime.settings
    with runtime.session() as session:
        job = repo.get_job(session, job_id)
        if job is None or job.state not in {"succeeded", "failed"} or not job.draft.callback_url:
            return "nothing-to-send"
        url = job.draft.callback_url
        payload = job_ended_payload(JobOut().dump(job_result(job)))
        secret = repo.webhook_secret(session, job.newsroom_id)
        msg_id = f"{job.id}.{job.state}"
    reason = refused_reason(url, parse_allow_list(settings.webhook_allow))
    if reason:
        log.warning("webhook for job %s refused: %s", job_id, reason)
        return "refused"
    body, headers = signed_request(secret, msg_id, payload)
    try:
        response = requests.post(
            url,
            data=body,
            headers=headers,
            timeout=settings.webhook_timeout_seconds,
            allow_redirects=False,
        )
    except requests.RequestException as exc:
        raise DeliveryFailed(type(exc).__name__) from None
    if not 200 <= response.status_code < 300:
        raise DeliveryFailed(f"HTTP {response.status_code}")
    return "delivered"
