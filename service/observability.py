"""Request IDs, JSON logs and Prometheus metrics for the API.

Logs carry method, route, status, duration and the request ID — never an API key or draft text.
Job-level metrics (queue depth, verdict counts, job latency) are read from the database at scrape
time, so they are right however many API and worker processes there are.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Iterator
from typing import Any

from flask import Flask, Response, g, request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily, Metric
from sqlalchemy import func, select

from store.models import Claim, Job

REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
log = logging.getLogger("misquote.access")


class DatabaseCollector:
    """Gauges computed from the job and claim tables at scrape time."""

    def __init__(self, runtime: Any) -> None:
        self.runtime = runtime

    def collect(self) -> Iterator[Metric]:
        jobs = GaugeMetricFamily("misquote_jobs", "Check jobs by state", labels=["state"])
        verdicts = GaugeMetricFamily(
            "misquote_claims", "Claims of succeeded jobs by verdict", labels=["verdict"]
        )
        depth = GaugeMetricFamily("misquote_queue_depth", "Jobs queued or running")
        latency = GaugeMetricFamily(
            "misquote_job_seconds_recent",
            "Mean submit-to-result seconds of the last 100 succeeded jobs",
        )
        try:
            with self.runtime.session() as session:
                by_state = select(Job.state, func.count()).group_by(Job.state)
                states: dict[str, int] = {s: n for s, n in session.execute(by_state).all()}
                for state in ("queued", "running", "succeeded", "failed"):
                    jobs.add_metric([state], states.get(state, 0))
                depth.add_metric([], states.get("queued", 0) + states.get("running", 0))
                for verdict, count in session.execute(
                    select(Claim.verdict, func.count()).group_by(Claim.verdict)
                ):
                    verdicts.add_metric([verdict], count)
                recent = session.execute(
                    select(Job.created_at, Job.finished_at)
                    .where(Job.state == "succeeded", Job.finished_at.is_not(None))
                    .order_by(Job.finished_at.desc())
                    .limit(100)
                ).all()
                if recent:
                    seconds = [(f - c).total_seconds() for c, f in recent]
                    latency.add_metric([], sum(seconds) / len(seconds))
        except Exception:  # noqa: BLE001 - a scrape must not fail because the database is down
            logging.getLogger("misquote.api").warning("metrics: database query failed")
            return
        yield from (jobs, depth, verdicts, latency)


def init_observability(app: Flask) -> None:
    registry = CollectorRegistry()
    requests_total = Counter(
        "misquote_http_requests",
        "HTTP requests by method, route and status",
        ["method", "route", "status"],
        registry=registry,
    )
    duration = Histogram(
        "misquote_http_request_seconds",
        "HTTP request duration by route",
        ["route"],
        registry=registry,
    )
    registry.register(DatabaseCollector(app.extensions["misquote"]))  # type: ignore[arg-type]
    app.extensions["metrics_registry"] = registry

    @app.before_request
    def _start() -> None:
        incoming = request.headers.get("X-Request-ID", "")
        g.request_id = incoming if REQUEST_ID.match(incoming) else uuid.uuid4().hex
        g.started = time.perf_counter()

    @app.after_request
    def _finish(response: Response) -> Response:
        route = request.url_rule.rule if request.url_rule else "unmatched"
        elapsed = time.perf_counter() - g.get("started", time.perf_counter())
        requests_total.labels(request.method, route, str(response.status_code)).inc()
        duration.labels(route).observe(elapsed)
        response.headers["X-Request-ID"] = g.get("request_id", "")
        log.info(
            "request",
            extra={
                "fields": {
                    "request_id": g.get("request_id"),
                    "method": request.method,
                    "route": route,
                    "status": response.status_code,
                    "ms": round(elapsed * 1000, 1),
                    "newsroom": g.get("newsroom_name"),
                }
            },
        )
        return response

    @app.get("/metrics")
    def metrics() -> Response:
        return Response(generate_latest(registry), mimetype=CONTENT_TYPE_LATEST)
