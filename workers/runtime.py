"""Per-process resources for the workers and the in-process CLI: engine, sessions, corpus index.

Built from ``Settings`` and handed to the tasks through the Celery app, so nothing is module-global
and a forked worker process opens its own database connections.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from checking.corpus import CorpusIndex
from store import repo
from store.config import Settings
from store.db import make_engine, make_sessionmaker


class Runtime:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._pid: int | None = None
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None
        self._lock = threading.Lock()
        self._indexes: dict[str | None, tuple[tuple[int, int], CorpusIndex]] = {}

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
                self._indexes.clear()
            return self._engine

    @contextmanager
    def session(self) -> Iterator[Session]:
        self.engine  # noqa: B018 - makes the sessionmaker for this process
        assert self._sessions is not None
        with self._sessions() as session:
            yield session

    def index_for(self, session: Session, newsroom_id: str | None) -> CorpusIndex:
        """The newsroom's candidate index, rebuilt only when its corpus has changed."""
        version = repo.corpus_version(session, newsroom_id=newsroom_id)
        cached = self._indexes.get(newsroom_id)
        if cached is not None and cached[0] == version:
            return cached[1]
        index = CorpusIndex.build(repo.load_passages(session, newsroom_id=newsroom_id))
        self._indexes[newsroom_id] = (version, index)
        return index
