"""The memory-mapped ShingleIndex: CorpusIndex's candidates, persisted, incremental, scoped."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checking.check import check_draft
from checking.corpus import CorpusIndex, passages
from checking.index import IndexView, ShingleIndex, current_segment, publish_segment
from checking.model import Document, Passage

FIXTURES = Path(__file__).parent / "fixtures"
WIRE = (FIXTURES / "sanctions_wire.txt").read_text(encoding="utf-8")
DRAFT = (FIXTURES / "sanctions_draft.txt").read_text(encoding="utf-8")

#: A small vocabulary, so random passages share many shingles (and ties are common).
WORDS = [
    *("the", "council", "said", "coal", "ships", "ore", "12", "three"),
    *("pay", "missiles", "envoy", "keep", "Shea", "ton", "über"),
]


def exact(ref: CorpusIndex, text: str, limit: int, kind: str | None) -> list[tuple[Passage, str]]:
    """CorpusIndex's ranking without its rough pre-cut (which can drop ties arbitrarily)."""
    return ref.search(text, limit=10**6, kind=kind)[:limit]


def make_passages(rows: list[tuple[int, str, list[str], bool]]) -> list[Passage]:
    out = []
    for doc, kind, words, speaker in rows:
        text = " ".join(words)
        out.append(
            Passage(
                f"d{doc}", f"Title {doc}", kind, (0, len(text)), text, "Shea" if speaker else None
            )
        )
    out.sort(key=lambda p: p.document_id)  # a document's passages together
    return out


rows_strategy = st.lists(
    st.tuples(
        st.integers(0, 6),
        st.sampled_from(["quote", "sentence"]),
        st.lists(st.sampled_from(WORDS), min_size=1, max_size=12),
        st.booleans(),
    ),
    min_size=1,
    max_size=40,
)
query_strategy = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=rows_strategy,
    queries=st.lists(query_strategy, min_size=1, max_size=5),
    limit=st.integers(1, 12),
    max_postings=st.sampled_from([3, 50_000]),
)
def test_same_candidates_as_corpus_index(
    tmp_path_factory: pytest.TempPathFactory,
    rows: list[tuple[int, str, list[str], bool]],
    queries: list[str],
    limit: int,
    max_postings: int,
) -> None:
    ps = make_passages(rows)
    ref = CorpusIndex.build(ps, max_postings=max_postings)
    fast = ShingleIndex.build(ps, tmp_path_factory.mktemp("idx") / "seg", max_postings=max_postings)
    assert len(fast) == len(ref)
    assert list(fast) == list(ref)
    for q in queries + [ps[0].text]:
        for kind in (None, "quote", "sentence"):
            assert fast.search(q, limit=limit, kind=kind) == exact(ref, q, limit, kind)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=rows_strategy,
    added=rows_strategy,
    removed=st.lists(st.integers(0, 6), max_size=4),
    queries=st.lists(query_strategy, min_size=1, max_size=4),
)
def test_incremental_changes_match_corpus_index(
    tmp_path_factory: pytest.TempPathFactory,
    rows: list[tuple[int, str, list[str], bool]],
    added: list[tuple[int, str, list[str], bool]],
    removed: list[int],
    queries: list[str],
) -> None:
    base = make_passages(rows)
    ref = CorpusIndex.build(base)
    fast = ShingleIndex.build(base, tmp_path_factory.mktemp("idx") / "seg")
    new = make_passages([(doc + 3, *rest) for doc, *rest in added])  # replaces d3..d6, adds d7+
    for doc_id in dict.fromkeys(p.document_id for p in new):
        batch = [p for p in new if p.document_id == doc_id]
        ref.add(batch)
        fast.add(batch)
    for doc in removed:
        assert fast.remove(f"d{doc}") == ref.remove(f"d{doc}")
    assert len(fast) == len(ref)
    assert list(fast) == list(ref)
    # Compared with the same corpus indexed afresh: a CorpusIndex that has tombstones still lets
    # dead passages decide whether single words count, which the fast index does not copy.
    fresh = CorpusIndex.build(list(ref))
    for q in queries:
        for kind in (None, "quote"):
            assert fast.search(q, limit=8, kind=kind) == exact(fresh, q, 8, kind)


def wire_passages() -> list[Passage]:
    other = Document(
        id="other-1",
        title="Harbour reopens",
        text="‘The harbour will reopen on Monday for all traffic,’ the port authority said.",
    )
    doc = Document(id="wire-1", title="UN hears of sanctions breaches", text=WIRE)
    return [*passages(doc), *passages(other)]


def test_same_verdicts_as_corpus_index(tmp_path: Path) -> None:
    ps = wire_passages()
    ref = CorpusIndex.build(ps)
    fast = ShingleIndex.build(ps, tmp_path / "seg")
    expected = check_draft(DRAFT, ref)
    assert expected and check_draft(DRAFT, fast) == expected
    assert check_draft(DRAFT, fast.view(None)) == expected


def test_persisted_segment_reopens_memory_mapped(tmp_path: Path) -> None:
    ps = wire_passages()
    path = tmp_path / "seg"
    built = ShingleIndex.build(ps, path)
    reopened = ShingleIndex(path)
    assert len(reopened) == len(ps)
    assert list(reopened) == ps
    q = "every ton pays for more missiles"
    assert reopened.search(q, limit=5) == built.search(q, limit=5)
    base = reopened._base
    assert base is not None
    # Read-only views of file mappings: shared between processes, never copied.
    for arr in (base.postings, base.keys, base.ntri, base.nwords, base.owner):
        assert not arr.flags.writeable and not arr.flags.owndata
    assert isinstance(base.text._mm.size(), int)
    assert (path / "text.bin").read_bytes().startswith(ps[0].text.encode()[:10])


def test_added_and_deleted_documents_are_seen(tmp_path: Path) -> None:
    index = ShingleIndex.build(wire_passages(), tmp_path / "seg")
    q = "The lighthouse keeper counted nine hundred gulls before dawn"
    assert not any(p.document_id == "new-1" for p in index.candidates(q))
    new = passages(Document(id="new-1", title="Gulls", text=f"“{q},” the keeper said."))
    index.add(new)
    assert index.candidates(q)[0].document_id == "new-1"
    assert "new-1" in index
    index.remove("new-1")
    assert not any(p.document_id == "new-1" for p in index.candidates(q))
    # Deleting a base document masks it; re-adding it replaces it.
    before = len(index)
    removed = index.remove("wire-1")
    assert removed and len(index) == before - removed and "wire-1" not in index
    assert all(p.document_id != "wire-1" for p in index.candidates("every ton pays for missiles"))
    index.add(passages(Document(id="wire-1", title="again", text="“Every ton pays,” he said.")))
    assert [p.title for p in index.candidates("every ton pays")] == ["again", "again"]


def test_newsroom_view_sees_shared_and_its_own(tmp_path: Path) -> None:
    shared = wire_passages()
    mine = passages(
        Document(id="memo", title="Memo", text="“Budget talks resume on Friday,” she said.")
    )
    theirs = passages(
        Document(id="memo", title="Theirs", text="“Budget talks resume on Friday,” he said.")
    )
    entries = [*((p, None) for p in shared), *((p, "room-a") for p in mine)]
    entries += [(p, "room-b") for p in theirs]
    path = tmp_path / "seg"
    from checking.index import write_segment

    write_segment(path, entries)
    index = ShingleIndex(path)
    q = "Budget talks resume on Friday"
    a, b, none = index.view("room-a"), index.view("room-b"), index.view(None)
    assert isinstance(a, IndexView)
    assert {p.title for p in a.candidates(q)} == {"Memo"}
    assert {p.title for p in b.candidates(q)} == {"Theirs"}
    assert none.candidates(q) == [] or all(
        p.title not in {"Memo", "Theirs"} for p in none.candidates(q)
    )
    assert len(a) == len(shared) + len(mine) and len(none) == len(shared)
    ref = CorpusIndex.build([*shared, *mine])
    for text in (q, "every ton pays for more missiles", "coal"):
        assert a.search(text, limit=7) == exact(ref, text, 7, None)
    # A newsroom's later document (the delta) is scoped too.
    index.add(
        passages(Document(id="late", title="Late", text="“Budget talks resume,” he said.")),
        owner="room-b",
    )
    assert "Late" in {p.title for p in index.view("room-b").candidates(q)}
    assert "Late" not in {p.title for p in index.view("room-a").candidates(q)}
    index.remove("memo", owner="room-a")
    assert not index.view("room-a").candidates(q) or all(
        p.title != "Memo" for p in index.view("room-a").candidates(q)
    )


def test_publish_switches_current_and_keeps_the_last_one(tmp_path: Path) -> None:
    root = tmp_path / "index"
    assert current_segment(root) is None
    first = publish_segment(root, ((p, None) for p in wire_passages()), meta={"watermark": 1})
    assert current_segment(root) == first
    time.sleep(0.01)
    second = publish_segment(root, [], meta={"watermark": 2})
    third = publish_segment(root, [], meta={"watermark": 3})
    assert current_segment(root) == third
    assert ShingleIndex(third).meta == {"watermark": 3} and len(ShingleIndex(third)) == 0
    assert not first.exists() and second.exists()


def test_prune_drops_only_weak_candidates(tmp_path: Path) -> None:
    ps = wire_passages()
    full = ShingleIndex.build(ps, tmp_path / "seg")
    pruned = ShingleIndex(tmp_path / "seg", prune=0.5)
    q = "every ton pays for more missiles"
    got, every = pruned.candidates(q), full.candidates(q)
    assert got and got == every[: len(got)] and len(got) <= len(every)


def test_empty_index(tmp_path: Path) -> None:
    index = ShingleIndex.build([], tmp_path / "seg")
    assert len(index) == 0 and index.search("anything at all") == []
    index.add(passages(Document(id="x", title="X", text="“Now it has one,” she said.")))
    assert index.candidates("now it has one")[0].document_id == "x"
    assert np.asarray(index._base.postings if index._base else []).size == 0  # type: ignore[union-attr]
