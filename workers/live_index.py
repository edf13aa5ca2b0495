"""Keeps one process's view of the memory-mapped corpus index in step with the database.

The database is the source of truth; the index under ``Settings.home / "index"`` is a cache of it
that every worker process on the host maps (one copy in the page cache). Each host builds its own
from the database -- nothing but the database is shared between hosts.

- The base segment records the corpus change id it was built at (its watermark). Before a check,
  a process compares that with ``max(corpus_changes.id)`` (one primary-key look-up) and, when the
  corpus has moved on, reloads only the documents named by the newer change rows into its small
  in-memory delta (or masks them dead, if deleted). A document added through the API is therefore
  seen by the next check in every process, on every host.
- When the delta has grown past ``max_delta`` passages, one process (whichever takes the build lock
  first) writes a new base segment in a background thread and publishes it; the others notice the
  new ``CURRENT`` on their next check and switch, replaying only the changes after its watermark.
- ``misquote corpus reindex`` does the same rebuild on demand.

Change ids come from a sequence, and on PostgreSQL a transaction that took id 41 may commit after
one that took id 42; ids skipped over are kept as "pending" and asked for again for a minute.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from sqlalchemy.orm import Session

from checking.index import DEFAULT_PRUNE, ShingleIndex, current_segment, publish_segment
from store import repo

log = logging.getLogger("misquote.index")

#: A skipped change id is asked for again for this long (an open transaction may still commit it).
PENDING_SECONDS = 60.0
#: At most this many skipped ids are tracked (a larger jump is a sequence reset, not a race).
MAX_PENDING = 1000

SessionFactory = Callable[[], AbstractContextManager[Session]]


def database_id(url: str) -> str:
    """Which database an index was built from (URL without password, hashed)."""
    return hashlib.sha256(url.encode()).hexdigest()[:16]


@contextmanager
def _flock(path: Path, *, blocking: bool = True) -> Iterator[bool]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+b") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def build(root: Path, session: Session, db_id: str, *, max_postings: int = 50_000) -> Path:
    """Write and publish a base segment of the whole store (every owner). Returns its path."""
    watermark = repo.corpus_watermark(session)
    return publish_segment(
        root,
        ((p, owner) for p, owner in repo.iter_index_entries(session)),
        max_postings=max_postings,
        meta={"watermark": watermark, "database": db_id, "built_at": time.time()},
    )


class LiveIndex:
    """One process's :class:`ShingleIndex`, refreshed from the store's change log."""

    def __init__(
        self,
        root: Path,
        db_id: str,
        sessions: SessionFactory,
        *,
        max_delta: int = 20_000,
        max_postings: int = 50_000,
    ) -> None:
        self.root = root
        self.db_id = db_id
        self.sessions = sessions
        self.max_delta = max_delta
        self.max_postings = max_postings
        self._index: ShingleIndex | None = None
        self._watermark = 0
        self._pending: dict[int, float] = {}
        self._lock = threading.Lock()
        self._rebuilding = False

    def get(self, session: Session) -> ShingleIndex:
        """The index as of now: reopened if a new base was published, delta brought up to date."""
        with self._lock:
            segment = current_segment(self.root)
            if self._index is None or segment != self._index.path:
                self._open(session, segment)
            self._sync(session)
            index = self._index
            assert index is not None
            if index.delta_passages > self.max_delta and not self._rebuilding:
                self._rebuilding = True
                threading.Thread(target=self._rebuild, name="misquote-reindex", daemon=True).start()
            return index

    def _usable(self, session: Session, segment: Path | None) -> ShingleIndex | None:
        if segment is None:
            return None
        try:
            index = ShingleIndex(segment, prune=DEFAULT_PRUNE)
        except (OSError, ValueError, KeyError):
            return None
        meta = index.meta
        if meta.get("database") != self.db_id:
            return None
        if int(meta.get("watermark", 0)) > repo.corpus_watermark(session):
            return None  # built from a database that has since been reset
        return index

    def _open(self, session: Session, segment: Path | None) -> None:
        index = self._usable(session, segment)
        if index is None:
            with _flock(self.root / ".build.lock"):
                index = self._usable(session, current_segment(self.root))  # built meanwhile?
                if index is None:
                    started = time.perf_counter()
                    path = build(self.root, session, self.db_id, max_postings=self.max_postings)
                    index = ShingleIndex(path, prune=DEFAULT_PRUNE)
                    log.info(
                        "built corpus index of %d passages in %.1fs",
                        len(index),
                        time.perf_counter() - started,
                    )
        self._index = index
        self._watermark = int(index.meta.get("watermark", 0))
        self._pending = {}

    def _sync(self, session: Session) -> None:
        index = self._index
        assert index is not None
        if repo.corpus_watermark(session) <= self._watermark and not self._pending:
            return
        changes = repo.corpus_changes(session, after=self._watermark, also=self._pending)
        now = time.monotonic()
        seen = {cid for cid, _, _ in changes}
        top = max(seen | {self._watermark})
        if top - self._watermark <= MAX_PENDING:
            for cid in range(self._watermark + 1, top):
                if cid not in seen:
                    self._pending.setdefault(cid, now)
        for cid in seen:
            self._pending.pop(cid, None)
        for cid, since in list(self._pending.items()):
            if now - since > PENDING_SECONDS:
                del self._pending[cid]
        self._watermark = top
        docs = [(owner, doc_id) for _, owner, doc_id in changes]
        for (owner, doc_id), passages in repo.document_passages(session, docs).items():
            index.remove(doc_id, owner=owner)
            if passages:
                index.add(passages, owner=owner)

    def _rebuild(self) -> None:
        try:
            with _flock(self.root / ".build.lock", blocking=False) as locked:
                if locked:
                    with self.sessions() as session:
                        build(self.root, session, self.db_id, max_postings=self.max_postings)
        except Exception:  # noqa: BLE001 - a failed rebuild leaves the old base and delta working
            log.warning("background corpus reindex failed", exc_info=True)
        finally:
            self._rebuilding = False


def reindex(root: Path, session: Session, db_id: str) -> tuple[Path, int]:
    """Rebuild the host's base segment from the database now (the CLI's ``corpus reindex``)."""
    with _flock(root / ".build.lock"):
        path = build(root, session, db_id)
    return path, ShingleIndex(path).base_passages
