"""Per-API-key rate limits (flask-limiter; Redis storage when the broker is Redis).

The key is a hash of the bearer token, so the limiter's storage never holds a usable key; requests
without a key are limited by client address. A breach is a 429 problem with ``Retry-After``.
"""

from __future__ import annotations

import hashlib
import math
import time

from flask import Flask, Response, request
from flask_limiter import Limiter, RequestLimit

from service.errors import problem
from store.config import Settings


def _client_key() -> str:
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer ") and header[7:].strip():
        return "key:" + hashlib.sha256(header[7:].strip().encode()).hexdigest()[:32]
    return "ip:" + (request.remote_addr or "unknown")


def _breach(limit: RequestLimit) -> Response:
    wait = max(1, math.ceil(limit.reset_at - time.time()))
    return problem(
        429,
        "Too Many Requests",
        f"Rate limit of {limit.limit} exceeded; retry in {wait} s.",
        headers={"Retry-After": str(wait)},
        slug="rate-limited",
    )


def rate_limit_off(value: str) -> bool:
    return value.strip().lower() in {"", "off", "none", "0"}


def init_limits(app: Flask, settings: Settings) -> Limiter:
    storage = settings.rate_limit_storage or (
        settings.broker_url if settings.broker_url.startswith("redis") else "memory://"
    )
    limiter = Limiter(
        _client_key,
        app=app,
        default_limits=[] if rate_limit_off(settings.rate_limit) else [settings.rate_limit],
        default_limits_exempt_when=lambda: not request.path.startswith("/v1/"),
        storage_uri=storage,
        key_prefix=f"misquote-{settings.queue}",
        on_breach=_breach,
        headers_enabled=False,  # its Retry-After would overwrite the 202 polling hint
    )
    return limiter
