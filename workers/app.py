"""The Celery application: configuration, the check task and the lease reaper.

Tasks take a job ID, load everything from the store, call the core and write the result. They own
only retries and time limits; the job row (state + lease) decides who may write a result.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from datetime import timedelta
from typing import Any

from celery import Celery, Task
from celery.exceptions import SoftTimeLimitExceeded
from celery.signals import worker_ready, worker_shutdown
from marshmallow import ValidationError
from sqlalchemy.exc import OperationalError

from schemas import TaskPayload
from store import repo
from store.config import Settings
from workers import audits, webhooks
from workers.checks import check_body
from workers.runtime import Runtime, retry_after_outage

log = logging.getLogger("misquote.worker")

CHECK_TASK = "misquote.check_draft"
WEBHOOK_TASK = "misquote.deliver_webhook"


def celery_config(settings: Settings) -> dict[str, Any]:
    """Late acks + reject on worker loss, with the visibility timeout above the task time limit,
    so a message is redelivered only after its task could no longer be running."""
    visibility = max(3600, settings.task_time_limit * 4)
    # The SQLite transport hands its options to create_engine: none for it (it polls each 1 s).
    transport: dict[str, Any] = (
        {} if settings.broker_is_embedded else {"visibility_timeout": visibility}
    )
    return {
        "broker_url": settings.broker_url,
        "broker_transport_options": transport,
        "broker_connection_retry_on_startup": True,
        "task_default_queue": settings.queue,
        "task_acks_late": True,
        "task_reject_on_worker_lost": True,
        "task_ignore_result": True,
        "task_time_limit": settings.task_time_limit,
        "task_soft_time_limit": max(1, settings.task_time_limit - 10),
        "worker_prefetch_multiplier": 1,
        "worker_hijack_root_logger": False,
        "task_serializer": "json",
        "accept_content": ["json"],
        "broker_heartbeat": 0,
    }


def make_celery(settings: Settings) -> Celery:
    app = Celery("misquote", set_as_current=False)
    app.conf.update(celery_config(settings))
    runtime = Runtime(settings)
    app.misquote_runtime = runtime  # type: ignore[attr-defined]

    @app.task(name=CHECK_TASK, bind=True, max_retries=5)
    def check_draft(self: Task, job_id: str, request_id: str | None = None) -> str:
        started = time.perf_counter()
        outcome = run_check(self, runtime, job_id, request_id=request_id)
        fields = {
            "job_id": job_id,
            "request_id": request_id,
            "outcome": outcome,
            "ms": round((time.perf_counter() - started) * 1000, 1),
        }
        log.info("check_draft", extra={"fields": fields})
        if outcome in {"succeeded", "failed"}:
            app.send_task(WEBHOOK_TASK, args=[job_id], queue=app.conf.task_default_queue)
        return outcome

    @app.task(name=WEBHOOK_TASK, bind=True, max_retries=settings.webhook_max_attempts - 1)
    def deliver_webhook(self: Task, job_id: str) -> str:
        try:
            return webhooks.deliver(runtime, job_id)
        except webhooks.DeliveryFailed as exc:
            delay = min(600.0, settings.webhook_backoff_seconds * 2**self.request.retries)
            if self.request.retries >= self.max_retries:
                log.warning("webhook for job %s given up: %s", job_id, exc)
                return "given-up"
            raise self.retry(countdown=delay) from None

    audits.register(app, runtime)
    reaper = Reaper(app, runtime)

    @worker_ready.connect(weak=False)
    def _start_reaper(sender: Any = None, **_: Any) -> None:
        if getattr(sender, "app", None) is app:
            reaper.start()

    @worker_shutdown.connect(weak=False)
    def _stop_reaper(sender: Any = None, **_: Any) -> None:
        reaper.stop()

    return app


def enqueue(app: Celery, job_id: str, *, request_id: str | None = None) -> None:
    """Ring the doorbell; the request ID travels with the message into the worker's logs."""
    app.send_task(
        CHECK_TASK,
        args=[job_id],
        kwargs={"request_id": request_id} if request_id else {},
        queue=app.conf.task_default_queue,
    )


def run_check(task: Task, runtime: Runtime, job_id: str, *, request_id: str | None = None) -> str:
    try:
        job_id = str(TaskPayload().load({"job_id": job_id})["job_id"])
    except ValidationError:
        log.error("check_draft: discarding a message with a malformed job id")
        return "invalid"
    owner = f"{socket.gethostname()}:{os.getpid()}:{task.request.id}"
    settings = runtime.settings
    try:
        with runtime.session() as session:
            if not repo.acquire_lease(session, job_id, owner=owner, seconds=settings.lease_seconds):
                return "skipped"
            job = repo.get_job(session, job_id)
            assert job is not None
            body, newsroom_id = job.draft.body, job.newsroom_id
        with LeaseKeeper(runtime, job_id, owner):
            claims, summary = check_body(runtime, body, newsroom_id=newsroom_id, job_id=job_id)
        with runtime.session() as session:
            stored = repo.store_result(session, job_id, owner=owner, claims=claims, summary=summary)
        return "succeeded" if stored else "lost-lease"
    except SoftTimeLimitExceeded:
        with runtime.session() as session:
            repo.fail_job(
                session, job_id, owner=owner, error=f"timed out after {settings.task_time_limit}s"
            )
        return "failed"
    except OperationalError as exc:
        log.warning("check_draft %s: database unavailable, retrying: %s", job_id, exc.orig)
        raise retry_after_outage(task, runtime, repo.release_lease, job_id, owner) from None
    except Exception as exc:
        log.exception("check_draft %s failed", job_id)
        with runtime.session() as session:
            repo.fail_job(
                session, job_id, owner=owner, error=f"internal error ({type(exc).__name__})"
            )
        return "failed"


class LeaseKeeper:
    """Renews a job's lease while its check runs, so a short lease (quick recovery after a
    worker dies) never expires under a live worker that is merely slow."""

    def __init__(self, runtime: Runtime, job_id: str, owner: str) -> None:
        self.runtime, self.job_id, self.owner = runtime, job_id, owner
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="misquote-lease", daemon=True)

    def __enter__(self) -> LeaseKeeper:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _loop(self) -> None:
        seconds = self.runtime.settings.lease_seconds
        while not self._stop.wait(max(0.2, seconds / 3)):
            try:
                with self.runtime.session() as session:
                    if not repo.extend_lease(
                        session, self.job_id, owner=self.owner, seconds=seconds
                    ):
                        return
            except Exception:  # noqa: BLE001 - the reaper takes over if renewals keep failing
                log.warning("lease renewal for %s failed", self.job_id, exc_info=True)


class Reaper:
    """Re-rings the doorbell for jobs a dead worker or a lost message left behind."""

    def __init__(self, app: Celery, runtime: Runtime) -> None:
        self.app = app
        self.runtime = runtime
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="misquote-reaper", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def run_once(self) -> list[str]:
        settings = self.runtime.settings
        with self.runtime.session() as session:
            ids = repo.reap(
                session,
                requeue_after=timedelta(seconds=settings.requeue_after_seconds),
                max_attempts=settings.max_attempts,
            )
        for job_id in ids:
            enqueue(self.app, job_id)
        if ids:
            log.info("reaper re-enqueued %d job(s)", len(ids))
        audits.reap(self.app, self.runtime)  # and audit chunks, by the same rules
        return ids

    def _loop(self) -> None:
        while not self._stop.wait(self.runtime.settings.reaper_interval_seconds):
            try:
                self.run_once()
            except Exception:  # noqa: BLE001 - the reaper must outlive a database outage
                log.warning("reaper pass failed", exc_info=True)
