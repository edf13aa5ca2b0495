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
from limits import RateLimitItem, parse

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
    app.extensions["misquote.signin_guard"] = SignInGuard(limiter, settings.signin_limit)
    return limiter


class SignInGuard:
    """Counts failed sign-ins per email and per client address, in the rate limiter's storage.

    Only failures count, so checkers who type their password right are never slowed; once an
    email (or an address) is over its limit, every attempt waits for the window to end, the right
    password included, which is what stops guessing. A success clears the email's count.
    """

    def __init__(self, limiter: Limiter, limit: str) -> None:
        self._limiter = limiter
        self._items: list[tuple[RateLimitItem, str]] = []
        if not rate_limit_off(limit):
            per_email = parse(limit)
            per_address = type(per_email)(
                per_email.amount * 5, per_email.multiples, per_email.namespace
            )
            self._items = [(per_email, "email"), (per_address, "address")]

    def _keys(self, email: str) -> dict[str, str]:
        address = request.remote_addr or "unknown"
        return {
            "email": hashlib.sha256(email.strip().lower().encode()).hexdigest()[:32],
            "address": address,
        }

    def wait_seconds(self, email: str) -> int:
        """0 when a sign-in may be tried now, else the seconds until the window ends."""
        keys = self._keys(email)
        wait = 0
        for item, kind in self._items:
            if not self._limiter.limiter.test(item, "signin", kind, keys[kind]):
                stats = self._limiter.limiter.get_window_stats(item, "signin", kind, keys[kind])
                wait = max(wait, math.ceil(stats.reset_time - time.time()), 1)
        return wait

    def failed(self, email: str) -> None:
        keys = self._keys(email)
        for item, kind in self._items:
            self._limiter.limiter.hit(item, "signin", kind, keys[kind])

    def succeeded(self, email: str) -> None:
        keys = self._keys(email)
        for item, kind in self._items:
            if kind == "email":
                self._limiter.limiter.clear(item, "signin", kind, keys[kind])
