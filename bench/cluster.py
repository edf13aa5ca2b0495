"""The production shape for benchmarks: a throwaway PostgreSQL database, a private Redis queue,
``gunicorn service.wsgi:app`` (2 processes) and ``misquote worker -c N``.

Needs Redis on 127.0.0.1:6379 and PostgreSQL on 127.0.0.1:5432 (user ``postgres``, trust auth).
Everything it creates (database, temporary home, processes) is removed when the ``with`` block
ends, also after an error or Ctrl-C.
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

import psycopg
import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from store.config import Settings  # noqa: E402
from store.db import migrate  # noqa: E402
from workers.runtime import Runtime  # noqa: E402

PG = "postgresql://postgres@127.0.0.1:5432/postgres"
REDIS = "redis://127.0.0.1:6379/0"


def percentile(xs: list[float], q: float) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, max(0, round(q * (len(s) - 1))))] if s else float("nan")


class Cluster:
    """A migrated store (``runtime``) first; ``start`` then brings up the API and the workers."""

    def __init__(self, name: str, *, rate_limit: str) -> None:
        self.db = f"misquote_{name}_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(PG, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{self.db}"')
        self.tmp = Path(tempfile.mkdtemp(prefix=f"misquote-{name}-"))
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("MISQUOTE_")}
        self.env.update(
            MISQUOTE_HOME=str(self.tmp / "home"),
            MISQUOTE_DATABASE_URL=f"postgresql+psycopg://postgres@127.0.0.1:5432/{self.db}",
            MISQUOTE_BROKER_URL=REDIS,
            MISQUOTE_QUEUE=f"{name}-{uuid.uuid4().hex[:8]}",
            MISQUOTE_RATE_LIMIT=rate_limit,
        )
        self.procs: list[subprocess.Popen[bytes]] = []
        settings = Settings.from_env(
            {k.removeprefix("MISQUOTE_").lower(): v for k, v in self.env.items() if "MISQ" in k}
        )
        self.runtime = Runtime(settings)
        migrate(self.runtime.engine)

    def __enter__(self) -> Cluster:
        return self

    def misquote(self, *args: str) -> None:
        subprocess.run(
            [sys.executable, "-m", "cli.main", *args], env=self.env, cwd=ROOT, check=True
        )

    def start(self, workers: int) -> str:
        """Start the API and the workers; the API's base URL once ``/readyz`` answers."""
        port = 18000 + random.randrange(2000)
        gunicorn = str(Path(sys.executable).parent / "gunicorn")
        for argv, log in (
            ([gunicorn, "-w", "2", "-b", f"127.0.0.1:{port}", "service.wsgi:app"], "api.log"),
            (
                [
                    sys.executable,
                    "-m",
                    "cli.main",
                    "worker",
                    "-c",
                    str(workers),
                    "--loglevel",
                    "WARNING",
                ],
                "worker.log",
            ),
        ):
            self.procs.append(
                subprocess.Popen(
                    argv,
                    env=self.env,
                    cwd=ROOT,
                    stdout=(self.tmp / log).open("wb"),
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            )
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            with contextlib.suppress(requests.RequestException):
                if requests.get(base + "/readyz", timeout=2).ok:
                    return base
            if time.monotonic() > deadline:
                raise SystemExit(f"the API did not come up (logs in {self.tmp})")
            time.sleep(0.2)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        for p in self.procs:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(p.pid, signal.SIGTERM)
        for p in self.procs:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
        with contextlib.suppress(Exception):
            self.runtime.engine.dispose()
        with psycopg.connect(PG, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.db}" WITH (FORCE)')
        shutil.rmtree(self.tmp, ignore_errors=True)


def run_clients(client: Callable[[int], None], clients: int, seconds: float) -> float:
    """Run ``client(i)`` on ``clients`` threads, set ``STOP`` after ``seconds``; the start time.

    Each client loops until ``STOP`` is set, so the window is the same for open-loop submitters
    (bench/load.py) and closed-loop ones (bench/throughput.py).
    """
    STOP.clear()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    time.sleep(seconds)
    STOP.set()
    for t in threads:
        t.join()
    return began


#: Set when the benchmark window closes; clients poll it between requests.
STOP = threading.Event()
