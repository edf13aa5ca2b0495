"""Per-process resources for the workers and the in-process CLI: engine, sessions, corpus index.

Built from ``Settings`` and handed to the tasks through the Celery app, so nothing is module-global
and a forked worker process opens its own database connections. The corpus index is the host's
memory-mapped :class:`checking.index.ShingleIndex` (``Settings.home / "index"``), shared by every
worker process on the host and kept current from the store's change log (``workers.live_index``).
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from celery import Task
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from checking.index import IndexView
from store.config import Settings
from store.db import make_engine, make_sessionmaker
from workers.live_index import LiveIndex, database_id


class Runtime:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._pid: int | None = None
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None
        self._lock = threading.Lock()
        self._live: LiveIndex | None = None

    @property
    def engine(self) -> Engine:
        """Connections must not cross a fork: a child process makes its own engine."""
        with self._lock:
            if self._engine is None or self._pid != os.getpid():
                if self._engine is not None:
                    self._engine.dispose(close=False)
                self._engine = make_engine(self.settings.database_url)
                self._sessions = make_sessionmaker(self._engine)
                self._pid = os.getpid()
                self._live = None  # a forked child keeps the mapping, not the delta's lock
            return self._engine

    @contextmanager
    def session(self) -> Iterator[Session]:
        self.engine  # noqa: B018 - makes the sessionmaker for this process
        assert self._sessions is not None
        with self._sessions() as session:
            yield session

    @property
    def index_root(self) -> Path:
        return self.settings.home / "index"

    @property
    def index_database_id(self) -> str:
        """Which database the host's index is built from (an index of another is rebuilt)."""
        return database_id(self.engine.url.render_as_string(hide_password=True))

    def live_index(self) -> LiveIndex:
        db_id = self.index_database_id  # (also resets per-process state after a fork)
        with self._lock:
            if self._live is None:
                self._live = LiveIndex(
                    self.index_root,
                    db_id,
                    self.session,
                    max_delta=self.settings.index_max_delta,
                )
            return self._live

    def index_for(self, session: Session, newsroom_id: str | None) -> IndexView:
        """The newsroom's view of the corpus index (shared documents plus its own), current as of
        the store's newest change: one cheap watermark query per check."""
        return self.live_index().get(session).view(newsroom_id)


def retry_after_outage(
    task: Task,
    runtime: Runtime,
    release: Callable[..., None],
    row_id: str,
    owner: str,
) -> Exception:
    """Give the lease back if the database answers, and schedule a retry with backoff.

    If the database is still down the lease simply runs out and the reaper takes the row back.
    Returns the exception for the caller to raise, so the task's control flow stays visible.
    """
    with contextlib.suppress(OperationalError), runtime.session() as session:
        release(session, row_id, owner=owner)
    return task.retry(countdown=min(60, 2**task.request.retries))
