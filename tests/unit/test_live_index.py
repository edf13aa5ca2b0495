"""A worker's index follows the store: documents added or deleted elsewhere are seen within 5 s.

Two ``Runtime`` objects stand for two worker processes (same ``home``: they share the mapped base
segment) or two worker hosts (separate ``home``: each builds its own index from the database).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from checking.corpus import passages
from checking.index import current_segment
from checking.model import Document
from store import repo
from store.config import Settings
from store.db import migrate
from workers.live_index import reindex
from workers.runtime import Runtime

QUOTE = "The lighthouse keeper counted nine hundred gulls before dawn"


def put(runtime: Runtime, doc_id: str, text: str, newsroom: str | None = None) -> str | None:
    doc = Document(id=doc_id, title=doc_id, text=text)
    with runtime.session() as session:
        room = repo.get_or_create_newsroom(session, newsroom).id if newsroom else None
        repo.put_document(session, newsroom_id=room, doc=doc, passages=passages(doc))
        session.commit()
    return room


def titles(runtime: Runtime, text: str, newsroom: str | None = None) -> set[str]:
    with runtime.session() as session:
        view = runtime.index_for(session, newsroom)
    return {p.title for p in view.candidates(text)}


def texts(runtime: Runtime, text: str) -> set[str]:
    with runtime.session() as session:
        view = runtime.index_for(session, None)
    return {p.text for p in view.candidates(text)}


def eventually(check: Callable[[], bool], within: float = 5.0) -> float:
    started = time.monotonic()
    while not check():
        assert time.monotonic() - started < within, "not seen within 5 s"
        time.sleep(0.05)
    return time.monotonic() - started


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite'}"
    return str(request.getfixturevalue("postgres_url"))


def runtime(home: Path, url: str) -> Runtime:
    rt = Runtime(Settings.from_env({"home": home, "database_url": url, "broker_url": None}))
    migrate(rt.engine)
    return rt


def test_second_worker_sees_added_and_deleted_documents(tmp_path: Path, database_url: str) -> None:
    api = runtime(tmp_path / "api", database_url)
    put(api, "wire-1", "“Every ton pays for more missiles,” the envoy said.")
    worker_a = runtime(tmp_path / "host-1", database_url)
    worker_b = runtime(tmp_path / "host-1", database_url)  # same host: shares the segment
    other_host = runtime(tmp_path / "host-2", database_url)  # builds its own from the database
    for w in (worker_a, worker_b, other_host):
        assert "wire-1" in titles(w, "every ton pays for more missiles")
        assert QUOTE not in titles(w, QUOTE)
    segment = current_segment(tmp_path / "host-1" / "index")
    assert segment is not None and current_segment(tmp_path / "host-2" / "index") != segment

    put(api, "gulls", f"“{QUOTE},” the keeper said.")
    for w in (worker_a, worker_b, other_host):
        eventually(lambda w=w: "gulls" in titles(w, QUOTE))  # type: ignore[misc]
    assert current_segment(tmp_path / "host-1" / "index") == segment  # no rebuild needed

    # Replaced, then deleted.
    put(api, "gulls", "“Nine hundred gulls is a lot,” the keeper said.")
    eventually(lambda: not any(QUOTE in t for t in texts(worker_b, QUOTE)))
    assert any("is a lot" in t for t in texts(worker_b, QUOTE))
    with api.session() as session:
        repo.put_document(
            session,
            newsroom_id=None,
            doc=Document(id="x", title="x", text="x"),
            passages=[],
        )
        session.commit()
    room = put(api, "memo", f"“{QUOTE},” she wrote.", newsroom="tribune")
    assert room is not None
    eventually(lambda: "memo" in titles(worker_a, QUOTE, room))
    assert "memo" not in titles(worker_a, QUOTE, None)
    assert "memo" not in titles(worker_a, QUOTE, "some-other-room")
    with api.session() as session:
        assert repo.delete_document(session, "memo", newsroom_id=room)
        session.commit()
    eventually(lambda: "memo" not in titles(worker_a, QUOTE, room))


def test_reindex_folds_the_delta_into_a_new_base(tmp_path: Path, database_url: str) -> None:
    api = runtime(tmp_path / "api", database_url)
    put(api, "wire-1", "“Every ton pays for more missiles,” the envoy said.")
    worker = runtime(tmp_path / "host", database_url)
    assert "wire-1" in titles(worker, "every ton pays")
    put(api, "gulls", f"“{QUOTE},” the keeper said.")
    assert "gulls" in titles(worker, QUOTE)
    with worker.session() as session:
        index = worker.live_index().get(session)
        assert index.delta_passages > 0
        path, count = reindex(worker.index_root, session, worker.index_database_id)
    assert count == len(index)
    with worker.session() as session:
        fresh = worker.live_index().get(session)
    assert fresh.path == path and fresh.delta_passages == 0
    assert {"gulls", "wire-1"} <= {p.title for p in fresh}


def test_a_big_delta_is_rebuilt_in_the_background(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    api = runtime(tmp_path / "api", url)
    worker = Runtime(
        Settings.from_env(
            {
                "home": tmp_path / "host",
                "database_url": url,
                "broker_url": None,
                "index_max_delta": 2,
            }
        )
    )
    put(api, "a", "“One thing,” she said.")
    first = worker.live_index().root
    titles(worker, "one thing")
    before = current_segment(first)
    for i in range(3):
        put(api, f"d{i}", f"“Number {i} of the many sentences here,” he said.")
    titles(worker, "many sentences")
    eventually(lambda: current_segment(first) != before)
    eventually(lambda: "d2" in titles(worker, "of the many sentences here"))
    with worker.session() as session:
        assert worker.live_index().get(session).delta_passages == 0
