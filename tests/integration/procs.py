"""Real processes for integration tests: the API server and Celery workers, as a user runs them."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import requests

MISQUOTE = [sys.executable, "-m", "cli.main"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def env_for(**settings: Any) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MISQUOTE_")}
    for key, value in settings.items():
        env[f"MISQUOTE_{key.upper()}"] = str(value)
    return env


def run(args: list[str], env: dict[str, str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        MISQUOTE + args, env=env, capture_output=True, text=True, timeout=120, **kwargs
    )


def create_key(env: dict[str, str], newsroom: str) -> str:
    result = run(["keys", "create", newsroom], env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


class Proc:
    """A child process whose output goes to a log file the test can show on failure."""

    def __init__(self, args: list[str], env: dict[str, str], log: Path) -> None:
        self.log = log
        self._fh = log.open("wb")
        self.popen = subprocess.Popen(
            MISQUOTE + args,
            env=env,
            stdout=self._fh,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-4000:]

    def kill(self, sig: int = signal.SIGKILL) -> None:
        """Signal the whole process group (a prefork worker has children)."""
        if self.popen.poll() is None:
            os.killpg(self.popen.pid, sig)

    def stop(self) -> None:
        if self.popen.poll() is None:
            os.killpg(self.popen.pid, signal.SIGTERM)
            try:
                self.popen.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait(timeout=10)
        self._fh.close()


def wait_http(url: str, proc: Proc, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.popen.poll() is not None:
            raise AssertionError(f"server exited early:\n{proc.output()}")
        try:
            if requests.get(url, timeout=1).ok:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} did not answer in {timeout}s:\n{proc.output()}")


def poll_job(base: str, location: str, headers: dict[str, str], timeout: float = 60) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        response = requests.get(base + location, headers=headers, timeout=10)
        assert response.status_code == 200, response.text
        data = response.json()
        if data["status"] in {"succeeded", "failed"}:
            return data
        time.sleep(0.2)
    raise AssertionError(f"job {location} still {data['status']} after {timeout}s")


class Stack:
    """An API process and any number of worker processes on one broker and one database.

    Leases and the reaper run on short clocks (overridable by keyword) so fault tests see a dead
    worker's job or chunk taken back within seconds. ``headers`` carry a fresh key for the
    newsroom "tribune".
    """

    def __init__(
        self, tmp: Path, *, worker_concurrency: int | None = None, **settings: Any
    ) -> None:
        self.tmp = tmp
        tmp.mkdir(parents=True, exist_ok=True)
        defaults: dict[str, Any] = {
            "queue": f"misquote-test-{uuid.uuid4().hex[:8]}",
            "lease_seconds": 4,
            "requeue_after_seconds": 3,
            "reaper_interval_seconds": 0.5,
        }
        self.env = env_for(home=tmp / "home", **{**defaults, **settings})
        self.database_url = str(settings.get("database_url", ""))
        self.concurrency = worker_concurrency
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.api = Proc(
            ["serve", "--port", str(self.port), "--no-worker"], self.env, tmp / "api.log"
        )
        self.workers: list[Proc] = []
        try:
            wait_http(f"{self.base}/healthz", self.api)
            self.headers = {"Authorization": f"Bearer {create_key(self.env, 'tribune')}"}
        except BaseException:
            self.api.stop()
            raise

    def worker(self) -> Proc:
        args = ["worker"]
        if self.concurrency is not None:
            args += ["--concurrency", str(self.concurrency)]
        proc = Proc(args, self.env, self.tmp / f"worker{len(self.workers)}.log")
        self.workers.append(proc)
        return proc

    def post(self, path: str, payload: Any) -> requests.Response:
        return requests.post(self.base + path, json=payload, headers=self.headers, timeout=60)

    def close(self) -> None:
        for proc in self.workers:
            proc.stop()
        self.api.stop()
