"""The archive-scale candidate index: one memory-mapped base segment plus a small in-memory delta.

:class:`checking.corpus.CorpusIndex` keeps Python lists and dicts. That is right for a few thousand
passages, but at a million it costs gigabytes per process, takes tens of seconds to rebuild in every
worker, and stops being shared after a prefork worker forks (reference counts write to every page).
This module keeps the *same* retrieval -- the same CRC32 word 3-gram and word keys over the same
digit-masked ``match_key``, the same weights, the same rule for when single words count, the same
ranking -- but stores it as flat arrays that every process maps from one set of files:

- ``keys.npy`` (sorted uint32 shingle keys), ``offsets.npy``, ``postings.npy`` (uint32 passage
  numbers, ascending per key): compressed sparse rows, so a key's posting list is one slice;
- per passage: ``ntri``/``nwords`` (``corpus.rank_sizes``, the tie-break), ``kind``, ``owner``
  (0 = shared corpus, otherwise a newsroom), ``start``/``end`` (span in the document), ``speaker``;
- the passage texts and their match keys as two UTF-8 blobs plus offsets, never a list of ``str``;
- documents (id, title, first passage) as blobs plus offsets, and a sorted hash of (owner, id) so
  a deleted document's passages can be found without a dict.

Nothing here is written after the segment is published, so the OS page cache holds one copy for
every worker on the host. Changes made after the base was built live in a per-process delta
(:class:`_Delta`, plain Python, small) plus a "dead" mask over base passages; ``add``/``remove``
keep the :class:`CorpusIndex` semantics (re-adding a document replaces it). A periodic rebuild
(``misquote corpus reindex``) folds the delta back into a new base.

Posting lists longer than ``max_postings`` are dropped at build time (as ``CorpusIndex`` does):
the commonest shingles cost the most and discriminate least. Scoring is exact and vectorised: the
posting slices of a query's keys are concatenated and counted with ``numpy.unique``.

The module is pure: it takes passages and paths and returns passages; the store adapter decides
what goes in and when (``workers/runtime.py``).
"""

from __future__ import annotations

import hashlib
import json
import mmap
import os
import shutil
import time
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import numpy as np
import numpy.typing as npt

from checking.corpus import (
    SIZE_MAX,
    _trigram_keys,
    _unigram_keys,
    key_tokens,
    match_key,
    rank_sizes,
    shingle_tokens,
)
from checking.model import Passage

__all__ = [
    "DEFAULT_PRUNE",
    "FORMAT",
    "IndexView",
    "ShingleIndex",
    "current_segment",
    "publish_segment",
    "write_segment",
]

#: Bumped whenever the on-disk layout changes; an index of another format is rebuilt, not read.
FORMAT = 2
_KINDS = ("quote", "sentence")
#: What the workers use for ``ShingleIndex(prune=...)``: measured by ``bench/scale.py`` to keep
#: recall of the brute-force source at 1M passages while the verifier scores far fewer passages.
DEFAULT_PRUNE = 0.5
_U32 = np.uint32
_I64 = np.int64

Owner = str | None
IntArray = npt.NDArray[np.int64]


def _doc_hash(owner: Owner, document_id: str) -> int:
    """Stable 63-bit hash of a document's identity (Python's ``hash`` differs per process)."""
    raw = f"{owner or ''}\x1f{document_id}".encode()
    return int.from_bytes(hashlib.blake2b(raw, digest_size=8).digest(), "little") >> 1


def _kind_code(kind: str, kinds: list[str]) -> int:
    if kind not in kinds:
        kinds.append(kind)
    return kinds.index(kind)


def _shingles(key: str) -> tuple[set[int], set[int], tuple[int, int]]:
    tokens = key_tokens(key)
    return _trigram_keys(tokens), _unigram_keys(tokens), rank_sizes(tokens)


class _Blob:
    """Strings appended to one bytes buffer, with int64 offsets."""

    def __init__(self) -> None:
        self.data = bytearray()
        self.offsets = array("q", [0])

    def add(self, s: str) -> None:
        self.data += s.encode("utf-8", "surrogatepass")
        self.offsets.append(len(self.data))


def write_segment(
    path: Path,
    entries: Iterable[tuple[Passage, Owner]],
    *,
    max_postings: int = 50_000,
    meta: dict[str, Any] | None = None,
) -> int:
    """Write an index segment for ``entries`` into the new directory ``path``; returns passages.

    ``entries`` are (passage, owner) pairs, owner ``None`` for the shared corpus; a document's
    passages must come together (they are stored contiguously, which is how a deletion finds them).
    ``meta`` is stored with the segment for the caller (e.g. the store's change-log watermark).
    """
    path.mkdir(parents=True, exist_ok=False)
    kinds = list(_KINDS)
    owners: list[str] = [""]  # code 0: the shared corpus
    owner_codes: dict[str, int] = {}
    speakers: dict[str, int] = {}
    texts, mkeys, speaker_blob = _Blob(), _Blob(), _Blob()
    doc_ids, doc_titles = _Blob(), _Blob()
    doc_first = array("q")
    doc_owner = array("i")
    doc_hashes = array("q")
    p_kind, p_ntri, p_nwords, p_owner = array("B"), array("H"), array("H"), array("H")
    p_start, p_end, p_speaker = array("i"), array("i"), array("i")
    all_keys = array("I")
    key_pids = array("I")
    current: tuple[Owner, str] | None = None
    seen_docs: set[tuple[Owner, str]] = set()
    n = 0
    for passage, owner in entries:
        doc = (owner, passage.document_id)
        if doc != current:
            if doc in seen_docs:
                raise ValueError(f"document {passage.document_id!r} passages are not contiguous")
            seen_docs.add(doc)
            current = doc
            code = 0
            if owner is not None:
                code = owner_codes.get(owner, 0)
                if not code:
                    owners.append(owner)
                    code = owner_codes[owner] = len(owners) - 1
            doc_ids.add(passage.document_id)
            doc_titles.add(passage.title)
            doc_first.append(n)
            doc_owner.append(code)
            doc_hashes.append(_doc_hash(owner, passage.document_id))
        key = match_key(passage.text)
        tri, uni, (ntri, nwords) = _shingles(key)
        keys = tri | uni
        all_keys.extend(keys)
        key_pids.extend([n] * len(keys))
        texts.add(passage.text)
        mkeys.add(key)
        p_kind.append(_kind_code(passage.kind, kinds))
        p_ntri.append(ntri)
        p_nwords.append(nwords)
        p_owner.append(doc_owner[-1])
        p_start.append(passage.span[0])
        p_end.append(passage.span[1])
        if passage.speaker is None:
            p_speaker.append(-1)
        else:
            sid = speakers.get(passage.speaker)
            if sid is None:
                sid = speakers[passage.speaker] = len(speakers)
                speaker_blob.add(passage.speaker)
            p_speaker.append(sid)
        n += 1
    if len(owners) > 65_535:
        raise ValueError("too many newsrooms for one segment")
    doc_first.append(n)

    # Postings: sort (key, pid) pairs by key; a stable sort keeps pids ascending within a key.
    k = np.frombuffer(all_keys, dtype=_U32) if all_keys else np.zeros(0, _U32)
    p = np.frombuffer(key_pids, dtype=_U32) if key_pids else np.zeros(0, _U32)
    order = np.argsort(k, kind="stable")
    k, p = k[order], p[order]
    del order
    uniq, starts, counts = np.unique(k, return_index=True, return_counts=True)
    keep = counts <= max_postings
    saturated = uniq[~keep]
    if keep.all():
        postings = p
        ukeys, ucounts = uniq, counts
    else:
        mask = np.repeat(keep, counts)
        postings = p[mask]
        ukeys, ucounts = uniq[keep], counts[keep]
    offsets = np.zeros(len(ukeys) + 1, dtype=_I64)
    np.cumsum(ucounts, out=offsets[1:])
    offsets_dtype: Any = np.uint32 if len(postings) < 2**32 else _I64
    del starts

    def save(name: str, arr: npt.ArrayLike, dtype: Any) -> None:
        np.save(path / f"{name}.npy", np.asarray(arr, dtype=dtype))

    save("keys", ukeys, _U32)
    save("offsets", offsets, offsets_dtype)
    save("postings", postings, _U32)
    save("saturated", saturated, _U32)
    save("kind", np.frombuffer(p_kind, np.uint8) if n else [], np.uint8)
    save("ntri", np.frombuffer(p_ntri, np.uint16) if n else [], np.uint16)
    save("nwords", np.frombuffer(p_nwords, np.uint16) if n else [], np.uint16)
    save("owner", np.frombuffer(p_owner, np.uint16) if n else [], np.uint16)
    save("start", np.frombuffer(p_start, np.int32) if n else [], np.int32)
    save("end", np.frombuffer(p_end, np.int32) if n else [], np.int32)
    save("speaker", np.frombuffer(p_speaker, np.int32) if n else [], np.int32)
    save("doc_first", doc_first, _I64)
    save("doc_owner", doc_owner, np.int32)
    hashes = np.asarray(doc_hashes, dtype=_I64)
    save("doc_hash_order", np.argsort(hashes, kind="stable"), _I64)
    save("doc_hash", hashes, _I64)
    for name, blob in (
        ("text", texts),
        ("mkey", mkeys),
        ("speakers", speaker_blob),
        ("doc_id", doc_ids),
        ("doc_title", doc_titles),
    ):
        (path / f"{name}.bin").write_bytes(bytes(blob.data) or b"\0")
        save(f"{name}_off", blob.offsets, _I64)
    info = {
        "format": FORMAT,
        "passages": n,
        "documents": len(doc_owner),
        "kinds": kinds,
        "owners": owners,
        "max_postings": max_postings,
        "built_at": time.time(),
        "meta": meta or {},
    }
    (path / "segment.json").write_text(json.dumps(info), encoding="utf-8")
    return n


class _Strings:
    """A read-only view of strings stored as a blob plus offsets."""

    def __init__(self, path: Path, name: str) -> None:
        self._offsets = np.asarray(np.load(path / f"{name}_off.npy", mmap_mode="r"))
        with open(path / f"{name}.bin", "rb") as fh:
            self._mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)

    def __getitem__(self, i: int) -> str:
        a, b = int(self._offsets[i]), int(self._offsets[i + 1])
        return self._mm[a:b].decode("utf-8", "surrogatepass")

    def bounds(self, rows: npt.NDArray[np.int64]) -> tuple[list[int], list[int]]:
        """Start and end byte offsets of the strings at ``rows``, as Python ints."""
        if len(self._offsets) < 2:  # no strings at all (rows are placeholders)
            return [0] * len(rows), [0] * len(rows)
        return self._offsets[rows].tolist(), self._offsets[rows + 1].tolist()

    def span(self, a: int, b: int) -> str:
        return self._mm[a:b].decode("utf-8", "surrogatepass")

    @property
    def offsets(self) -> npt.NDArray[np.int64]:
        return cast(npt.NDArray[np.int64], self._offsets)


class _Segment:
    """An opened, read-only base segment (arrays memory-mapped, nothing copied)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        info = json.loads((path / "segment.json").read_text(encoding="utf-8"))
        if info.get("format") != FORMAT:
            raise ValueError(f"index segment {path} has format {info.get('format')}")
        self.info: dict[str, Any] = info
        self.n: int = int(info["passages"])
        self.kinds: list[str] = list(info["kinds"])
        self.owners: list[str] = list(info["owners"])
        self.max_postings: int = int(info["max_postings"])

        def load(name: str) -> Any:
            # A plain ndarray view of the mapping: np.memmap's own __getitem__ is slow.
            return np.asarray(np.load(path / f"{name}.npy", mmap_mode="r"))

        self.keys = load("keys")
        self.offsets = load("offsets")
        self.postings = load("postings")
        self.saturated = load("saturated")
        self.kind = load("kind")
        self.ntri = load("ntri")
        self.nwords = load("nwords")
        self.owner = load("owner")
        self.start = load("start")
        self.end = load("end")
        self.speaker = load("speaker")
        self.doc_first = load("doc_first")
        self.doc_owner = load("doc_owner")
        self.doc_hash = load("doc_hash")
        self.doc_hash_order = load("doc_hash_order")
        self.text = _Strings(path, "text")
        self.mkey = _Strings(path, "mkey")
        self.speakers = _Strings(path, "speakers")
        self.doc_id = _Strings(path, "doc_id")
        self.doc_title = _Strings(path, "doc_title")
        self._sorted_hash: npt.NDArray[np.int64] | None = None

    def posting(self, key: int) -> npt.NDArray[np.uint32] | None:
        i = int(np.searchsorted(self.keys, key))
        if i < len(self.keys) and int(self.keys[i]) == key:
            return cast(
                npt.NDArray[np.uint32], self.postings[self.offsets[i] : self.offsets[i + 1]]
            )
        return None

    def is_saturated(self, key: int) -> bool:
        i = int(np.searchsorted(self.saturated, key))
        return i < len(self.saturated) and int(self.saturated[i]) == key

    def documents(self, owner: Owner, document_id: str) -> list[int]:
        """Indices of the documents with this identity (normally zero or one)."""
        h = _doc_hash(owner, document_id)
        order = self.doc_hash_order
        if self._sorted_hash is None:
            self._sorted_hash = np.asarray(self.doc_hash)[np.asarray(order)]
        lo = int(np.searchsorted(self._sorted_hash, h, side="left"))
        hi = int(np.searchsorted(self._sorted_hash, h, side="right"))
        if owner is None:
            code = 0
        elif owner in self.owners[1:]:
            code = self.owners.index(owner, 1)
        else:
            return []
        out = []
        for j in range(lo, hi):
            d = int(order[j])
            if int(self.doc_owner[d]) == code and self.doc_id[d] == document_id:
                out.append(d)
        return out

    def doc_of(self, pid: int) -> int:
        return int(np.searchsorted(self.doc_first, pid, side="right")) - 1

    def passage(self, pid: int, doc: int | None = None) -> Passage:
        d = self.doc_of(pid) if doc is None else doc
        sid = int(self.speaker[pid])
        return Passage(
            document_id=self.doc_id[d],
            title=self.doc_title[d],
            kind=self.kinds[int(self.kind[pid])],
            span=(int(self.start[pid]), int(self.end[pid])),
            text=self.text[pid],
            speaker=self.speakers[sid] if sid >= 0 else None,
        )

    def passages(self, pids: npt.NDArray[np.int64]) -> list[tuple[Passage, str]]:
        """Passages and match keys of ``pids``, fetched column by column (one numpy call each)."""
        docs = np.searchsorted(self.doc_first, pids, side="right") - 1
        spk = self.speaker[pids]
        has_spk = spk >= 0
        spk = np.where(has_spk, spk, 0)
        kinds = self.kinds
        ends = self.end[pids].tolist()
        cols = (
            self.kind[pids].tolist(),
            self.start[pids].tolist(),
            *self.text.bounds(pids),
            *self.mkey.bounds(pids),
            *self.doc_id.bounds(docs),
            *self.doc_title.bounds(docs),
            *self.speakers.bounds(spk),
            has_spk.tolist(),
        )
        text, mkey, doc_id = self.text.span, self.mkey.span, self.doc_id.span
        title, speakers = self.doc_title.span, self.speakers.span
        out = []
        rows = enumerate(zip(*cols, strict=True))
        for j, (k, a, t0, t1, k0, k1, i0, i1, n0, n1, s0, s1, has) in rows:
            out.append(
                (
                    Passage(
                        document_id=doc_id(i0, i1),
                        title=title(n0, n1),
                        kind=kinds[k],
                        span=(a, ends[j]),
                        text=text(t0, t1),
                        speaker=speakers(s0, s1) if has else None,
                    ),
                    mkey(k0, k1),
                )
            )
        return out

    def owner_name(self, code: int) -> Owner:
        return self.owners[code] if code else None


@dataclass(slots=True)
class _DeltaPassage:
    passage: Passage
    key: str
    sizes: tuple[int, int]
    owner: Owner


class _Delta:
    """Passages added after the base was built: small, in memory, per process."""

    def __init__(self, first_pid: int) -> None:
        self.first_pid = first_pid
        self.items: list[_DeltaPassage | None] = []
        self.postings: dict[int, list[int]] = {}
        self.docs: dict[tuple[Owner, str], list[int]] = {}
        self.live = 0

    def add(self, passage: Passage, owner: Owner) -> tuple[set[int], set[int]]:
        pid = self.first_pid + len(self.items)
        key = match_key(passage.text)
        tri, uni, sizes = _shingles(key)
        self.items.append(_DeltaPassage(passage, key, sizes, owner))
        self.docs.setdefault((owner, passage.document_id), []).append(pid)
        self.live += 1
        for h in tri | uni:
            self.postings.setdefault(h, []).append(pid)
        return tri, uni

    def remove(self, owner: Owner, document_id: str) -> int:
        pids = self.docs.pop((owner, document_id), [])
        for pid in pids:
            self.items[pid - self.first_pid] = None
        self.live -= len(pids)
        return len(pids)


class ShingleIndex:
    """Word-shingle candidate index over a memory-mapped base segment plus an in-memory delta.

    Same methods and the same candidates as :class:`checking.corpus.CorpusIndex` (which stays the
    small reference implementation), plus newsroom scoping: each passage has an owner (``None`` for
    the shared corpus), and :meth:`view` gives the index a newsroom's check sees (shared passages
    plus its own). The index itself searches every owner.
    """

    def __init__(
        self, path: Path | None = None, *, max_postings: int = 50_000, prune: float = 0.0
    ) -> None:
        #: Candidates scoring under ``prune`` x the best candidate's shingle score are not
        #: returned (0 returns what CorpusIndex returns). They share a word or two with the claim
        #: where the best shares most of its shingles, and would only cost the verifier time.
        self.prune = prune
        self._base = _Segment(path) if path is not None else None
        base_n = self._base.n if self._base is not None else 0
        self._max_postings = self._base.max_postings if self._base is not None else max_postings
        self._dead: npt.NDArray[np.bool_] | None = None
        self._base_dead = 0
        self._delta = _Delta(base_n)
        self._delta_saturated: set[int] = set()
        self._kinds = list(self._base.kinds) if self._base is not None else list(_KINDS)
        #: Live passages per owner scope, and the last few tallies (a quote that is not found is
        #: searched again for a sentence); both are cleared by every add and remove.
        self._live_counts: dict[tuple[int, ...], int] = {}
        #: Recent queries: their tally and the query's ``rank_sizes`` (for the tie-break).
        self._tallies: dict[
            tuple[str, tuple[int, ...] | None, Owner], tuple[IntArray, IntArray, tuple[int, int]]
        ] = {}

    def _changed(self) -> None:
        self._live_counts.clear()
        self._tallies.clear()

    # -- construction -----------------------------------------------------------------------

    @classmethod
    def build(
        cls,
        passages: Iterable[Passage],
        path: Path,
        *,
        owner: Owner = None,
        max_postings: int = 50_000,
    ) -> ShingleIndex:
        """Write a base segment for ``passages`` (one owner) at ``path`` and open it."""
        write_segment(path, ((p, owner) for p in passages), max_postings=max_postings)
        return cls(path)

    @property
    def path(self) -> Path | None:
        return self._base.path if self._base is not None else None

    @property
    def meta(self) -> dict[str, Any]:
        """What the builder stored with the base segment (e.g. a store watermark)."""
        return dict(self._base.info["meta"]) if self._base is not None else {}

    @property
    def base_passages(self) -> int:
        return self._base.n if self._base is not None else 0

    @property
    def delta_passages(self) -> int:
        return self._delta.live

    # -- size and membership ----------------------------------------------------------------

    def __len__(self) -> int:
        return self.base_passages - self._base_dead + self._delta.live

    def __iter__(self) -> Iterator[Passage]:
        """Every live passage (base first, then delta), for brute-force checks and rebuilding."""
        for _, p in self.entries():
            yield p

    def entries(self) -> Iterator[tuple[Owner, Passage]]:
        """Every live passage with its owner, in index order (what a rebuild starts from)."""
        base = self._base
        if base is not None:
            for d in range(len(base.doc_first) - 1):
                first, last = int(base.doc_first[d]), int(base.doc_first[d + 1])
                owner = base.owner_name(int(base.doc_owner[d]))
                for pid in range(first, last):
                    if self._dead is None or not self._dead[pid]:
                        yield owner, base.passage(pid, d)
        for item in self._delta.items:
            if item is not None:
                yield item.owner, item.passage

    def __contains__(self, document_id: object) -> bool:
        """Whether a shared document (by id) has live passages in the index."""
        return isinstance(document_id, str) and self.has_document(document_id)

    def has_document(self, document_id: str, owner: Owner = None) -> bool:
        if (owner, document_id) in self._delta.docs:
            return True
        return bool(self._base_pids(owner, document_id))

    def _base_pids(self, owner: Owner, document_id: str) -> list[int]:
        base = self._base
        if base is None:
            return []
        out: list[int] = []
        for d in base.documents(owner, document_id):
            first, last = int(base.doc_first[d]), int(base.doc_first[d + 1])
            out.extend(
                pid for pid in range(first, last) if self._dead is None or not self._dead[pid]
            )
        return out

    # -- changes ----------------------------------------------------------------------------

    def add(self, passages: Iterable[Passage], *, owner: Owner = None) -> None:
        """Index ``passages``; documents already indexed (same owner and id) are replaced."""
        batch = list(passages)
        self._changed()
        for doc_id in dict.fromkeys(p.document_id for p in batch):
            self.remove(doc_id, owner=owner)
        for p in batch:
            tri, uni = self._delta.add(p, owner)
            for h in tri | uni:
                if h in self._delta_saturated:
                    continue
                n = len(self._delta.postings[h])
                if self._base is not None:
                    if self._base.is_saturated(h):
                        self._delta_saturated.add(h)
                        continue
                    base_posting = self._base.posting(h)
                    n += len(base_posting) if base_posting is not None else 0
                if n > self._max_postings:
                    self._delta_saturated.add(h)

    def remove(self, document_id: str, *, owner: Owner = None) -> int:
        """Drop a document's passages (base ones are masked dead); returns how many."""
        self._changed()
        removed = self._delta.remove(owner, document_id)
        pids = self._base_pids(owner, document_id)
        if pids:
            if self._dead is None:
                self._dead = np.zeros(self.base_passages, dtype=np.bool_)
            self._dead[pids] = True
            self._base_dead += len(pids)
        return removed + len(pids)

    # -- retrieval --------------------------------------------------------------------------

    def view(self, newsroom: Owner) -> IndexView:
        """What a check for ``newsroom`` searches: the shared corpus plus the newsroom's own."""
        return IndexView(self, newsroom)

    def search(
        self, text: str, *, limit: int = 50, kind: str | None = None
    ) -> list[tuple[Passage, str]]:
        """Like :meth:`candidates`, with each passage's ``match_key`` (saves the verifier work)."""
        return self._search(text, limit=limit, kind=kind, owners=None)

    def candidates(self, text: str, *, limit: int = 50, kind: str | None = None) -> list[Passage]:
        """Up to ``limit`` passages most likely to contain ``text``, best first (as CorpusIndex)."""
        return [p for p, _ in self.search(text, limit=limit, kind=kind)]

    def _owner_codes(self, newsroom: Owner) -> tuple[int, ...]:
        """Base owner codes a newsroom may see: the shared corpus (0) and its own, if indexed."""
        if self._base is None or newsroom is None or newsroom not in self._base.owners:
            return (0,)
        return (0, self._base.owners.index(newsroom))

    def _count_live(self, owners: tuple[int, ...] | None, newsroom: Owner) -> int:
        if owners is None:
            return len(self)
        cached = self._live_counts.get(owners)
        if cached is None:
            cached = self._live_counts[owners] = self._count_live_now(owners, newsroom)
        return cached

    def _count_live_now(self, owners: tuple[int, ...], newsroom: Owner) -> int:
        base = self._base
        n = 0
        if base is not None:
            allowed = np.isin(base.owner, owners)
            if self._dead is not None:
                allowed &= ~self._dead
            n = int(np.count_nonzero(allowed))
        return n + sum(
            1
            for item in self._delta.items
            if item is not None and (item.owner is None or item.owner == newsroom)
        )

    def _gather(self, keys: set[int], cap: int | None) -> list[npt.NDArray[np.uint32] | list[int]]:
        """Posting lists (base slices and delta lists) of ``keys``; saturated and capped ones
        left out. ``cap`` applies to a key's whole posting length, base plus delta."""
        out: list[npt.NDArray[np.uint32] | list[int]] = []
        sat = self._delta_saturated
        ks = [k for k in keys if k not in sat] if sat else list(keys)
        base_lists: dict[int, npt.NDArray[np.uint32]] = {}
        if self._base is not None and ks:
            q = np.fromiter(ks, dtype=_U32, count=len(ks))
            keys_arr = self._base.keys
            if len(keys_arr):
                idx = np.searchsorted(keys_arr, q)
                idx[idx >= len(keys_arr)] = 0
                found = np.flatnonzero(keys_arr[idx] == q)
                if len(found):
                    rows = idx[found]
                    lo = self._base.offsets[rows].tolist()
                    hi = self._base.offsets[rows + 1].tolist()
                    post = self._base.postings
                    for j, a, b in zip(found.tolist(), lo, hi, strict=True):
                        base_lists[ks[j]] = post[a:b]
        delta = self._delta.postings
        for k in ks:
            b = base_lists.get(k)
            d = delta.get(k)
            if (
                cap is not None
                and (len(b) if b is not None else 0) + (len(d) if d is not None else 0) > cap
            ):
                continue
            if b is not None:
                out.append(b)
            if d is not None:
                out.append(d)
        return out

    @staticmethod
    def _tally(lists: list[npt.NDArray[np.uint32] | list[int]]) -> tuple[IntArray, IntArray]:
        """Distinct passage numbers in ``lists`` and how many lists each is in.

        A sort of the concatenated uint32 postings and a run-length count: ~3x faster than
        ``numpy.unique`` on the 10^5-entry tallies a reworded quote makes at a million passages.
        """
        if not lists:
            return np.zeros(0, _I64), np.zeros(0, _I64)
        arr = np.sort(np.concatenate([np.asarray(x, dtype=_U32) for x in lists]))
        first = np.empty(len(arr), dtype=np.bool_)
        first[0] = True
        np.not_equal(arr[1:], arr[:-1], out=first[1:])
        starts = np.flatnonzero(first)
        counts = np.diff(np.append(starts, len(arr)))
        return arr[starts].astype(_I64), counts.astype(_I64)

    def _allowed(
        self, ids: IntArray, owners: tuple[int, ...] | None, newsroom: Owner
    ) -> npt.NDArray[np.bool_]:
        """Live, in-scope mask over passage numbers (base and delta)."""
        base_n = self.base_passages
        ok = np.ones(len(ids), dtype=np.bool_)
        in_base = ids < base_n
        if self._base is not None and in_base.any():
            bids = ids[in_base]
            m = np.ones(len(bids), dtype=np.bool_)
            if self._dead is not None:
                m &= ~self._dead[bids]
            if owners is not None:
                own = self._base.owner[bids]
                m &= own == 0 if len(owners) == 1 else (own == 0) | (own == owners[1])
            ok[in_base] = m
        if not in_base.all():
            items = self._delta.items
            first = self._delta.first_pid
            dpos = np.flatnonzero(~in_base)
            for j, pid in zip(dpos.tolist(), ids[dpos].tolist(), strict=True):
                item = items[pid - first]
                ok[j] = item is not None and (
                    owners is None or item.owner is None or item.owner == newsroom
                )
        return ok

    def _kind_and_sizes(self, ids: IntArray) -> tuple[IntArray, IntArray, IntArray]:
        base_n = self.base_passages
        kinds = np.empty(len(ids), dtype=_I64)
        ntri = np.empty(len(ids), dtype=_I64)
        nwords = np.empty(len(ids), dtype=_I64)
        in_base = ids < base_n
        if self._base is not None and in_base.any():
            bids = ids[in_base]
            kinds[in_base] = self._base.kind[bids]
            ntri[in_base] = self._base.ntri[bids]
            nwords[in_base] = self._base.nwords[bids]
        if not in_base.all():
            first = self._delta.first_pid
            dpos = np.flatnonzero(~in_base)
            for j, pid in zip(dpos.tolist(), ids[dpos].tolist(), strict=True):
                item = self._delta.items[pid - first]
                assert item is not None
                kinds[j] = _kind_code(item.passage.kind, self._kinds)
                ntri[j], nwords[j] = item.sizes
        return kinds, ntri, nwords

    def _search(
        self,
        text: str,
        *,
        limit: int,
        kind: str | None,
        owners: tuple[int, ...] | None,
        newsroom: Owner = None,
    ) -> list[tuple[Passage, str]]:
        if limit <= 0:
            return []
        memo = (text, owners, newsroom)
        tally = self._tallies.get(memo)
        if tally is None:
            tally = (*self._tally_query(text, owners, newsroom), rank_sizes(shingle_tokens(text)))
            if len(self._tallies) >= 8:
                self._tallies.pop(next(iter(self._tallies)))
            self._tallies[memo] = tally
        ids, counts, (q_tri, q_words) = tally
        if not len(ids):
            return []
        kinds, ntri, nwords = self._kind_and_sizes(ids)
        if kind is not None:
            code = self._kinds.index(kind) if kind in self._kinds else -1
            sel = kinds == code
            ids, counts, ntri, nwords = ids[sel], counts[sel], ntri[sel], nwords[sel]
            if not len(ids):
                return []
        if self.prune > 0 and len(ids) > 1:
            keep = counts * 1.0 >= self.prune * float(counts.max())
            ids, counts, ntri, nwords = ids[keep], counts[keep], ntri[keep], nwords[keep]
        # Best count first, then corpus.tie_distance, then the earlier passage (as CorpusIndex).
        d_tri = np.minimum(np.abs(ntri - q_tri), 255)
        d_words = np.minimum(np.abs(nwords - q_words), 255)
        dist = d_words * 256 + d_tri if q_tri == 0 else d_tri * 256 + d_words
        rank = (counts << 44) | ((SIZE_MAX - dist) << 28) | ((1 << 28) - 1 - ids)
        if len(rank) > limit:
            top = np.argpartition(-rank, limit - 1)[:limit]
            top = top[np.argsort(-rank[top], kind="stable")]
        else:
            top = np.argsort(-rank, kind="stable")
        return self._materialise(ids[top])

    def _tally_query(
        self, text: str, owners: tuple[int, ...] | None, newsroom: Owner
    ) -> tuple[IntArray, IntArray]:
        """Passage numbers (live, in scope) sharing shingles with ``text``, and their scores."""
        tokens = shingle_tokens(text)
        if not tokens:
            return np.zeros(0, _I64), np.zeros(0, _I64)
        trigrams = _trigram_keys(tokens)
        ids, counts = self._tally(self._gather(trigrams, None))
        if len(ids):
            ok = self._allowed(ids, owners, newsroom)
            ids, counts = ids[ok], counts[ok] * 3
        best = int(counts.max()) if len(counts) else 0
        uni_cap: int | None = -1
        if len(tokens) < 3:
            uni_cap = None
        elif best < 3 * max(1, len(trigrams) // 3):
            # Heavily reworded (or not in the corpus at all): shared rare words count too.
            uni_cap = max(64, self._count_live(owners, newsroom) // 200)
        if uni_cap != -1:
            uids, ucounts = self._tally(self._gather(_unigram_keys(tokens), uni_cap))
            if len(uids):
                ok = self._allowed(uids, owners, newsroom)
                uids, ucounts = uids[ok], ucounts[ok]
                if len(ids):
                    allids = np.concatenate([ids, uids])
                    weights = np.concatenate([counts, ucounts])
                    ids, inv = np.unique(allids, return_inverse=True)
                    counts = np.bincount(inv.ravel(), weights=weights).astype(_I64)
                else:
                    ids, counts = uids, ucounts
        return ids, counts

    def _materialise(self, pids: IntArray) -> list[tuple[Passage, str]]:
        base_n = self.base_passages
        in_base = pids < base_n
        fetched: list[tuple[Passage, str]] = []
        if self._base is not None and in_base.any():
            fetched = self._base.passages(pids[in_base])
        out: list[tuple[Passage, str]] = []
        it = iter(fetched)
        for pid, b in zip(pids.tolist(), in_base.tolist(), strict=True):
            if b:
                out.append(next(it))
            else:
                item = self._delta.items[pid - self._delta.first_pid]
                assert item is not None
                out.append((item.passage, item.key))
        return out


class IndexView:
    """A :class:`ShingleIndex` restricted to one newsroom's scope (shared corpus + its own).

    Has the methods ``check_draft`` and ``find_evidence`` use, so it stands in for a CorpusIndex.
    """

    def __init__(self, index: ShingleIndex, newsroom: Owner) -> None:
        self.index = index
        self.newsroom = newsroom
        self._owners = index._owner_codes(newsroom)

    def __len__(self) -> int:
        return self.index._count_live(self._owners, self.newsroom)

    def __iter__(self) -> Iterator[Passage]:
        for owner, p in self.index.entries():
            if owner is None or owner == self.newsroom:
                yield p

    def __contains__(self, document_id: object) -> bool:
        if not isinstance(document_id, str):
            return False
        return self.index.has_document(document_id) or (
            self.newsroom is not None and self.index.has_document(document_id, self.newsroom)
        )

    def search(
        self, text: str, *, limit: int = 50, kind: str | None = None
    ) -> list[tuple[Passage, str]]:
        return self.index._search(
            text, limit=limit, kind=kind, owners=self._owners, newsroom=self.newsroom
        )

    def candidates(self, text: str, *, limit: int = 50, kind: str | None = None) -> list[Passage]:
        return [p for p, _ in self.search(text, limit=limit, kind=kind)]


# -- published segments on disk -------------------------------------------------------------

_CURRENT = "CURRENT"


def current_segment(root: Path) -> Path | None:
    """The published base segment under ``root`` (``root/CURRENT`` names it), if any."""
    try:
        name = (root / _CURRENT).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    path = root / "segments" / name
    return path if (path / "segment.json").exists() else None


def publish_segment(
    root: Path,
    entries: Iterable[tuple[Passage, Owner]],
    *,
    max_postings: int = 50_000,
    meta: dict[str, Any] | None = None,
    keep: int = 2,
) -> Path:
    """Write a new base segment under ``root`` and make it current, atomically.

    Readers that still map an older segment keep reading it (its files stay until ``keep`` newer
    ones exist, and an unlinked mapped file stays readable on POSIX anyway).
    """
    segments = root / "segments"
    segments.mkdir(parents=True, exist_ok=True)
    name = f"base-{time.time_ns()}-{os.getpid()}"
    tmp = segments / f".{name}.tmp"
    write_segment(tmp, entries, max_postings=max_postings, meta=meta)
    os.replace(tmp, segments / name)
    pointer = root / f".{_CURRENT}.{os.getpid()}"
    pointer.write_text(name, encoding="utf-8")
    os.replace(pointer, root / _CURRENT)
    old = sorted(
        (p for p in segments.iterdir() if p.name.startswith("base-") and p.name != name),
        key=lambda p: p.name,
    )
    for stale in old[: max(0, len(old) - (keep - 1))]:
        shutil.rmtree(stale, ignore_errors=True)
    return segments / name
