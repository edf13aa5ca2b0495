"""Real processes for integration tests: the API server and Celery workers, as a user runs them."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
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
