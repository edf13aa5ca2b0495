"""Archive scale: ingest, index size, worker memory, check latency, brute-force ratio and recall.

Usage: ``python bench/scale.py [--sizes 10000,100000,1000000] [--drafts 20] [--split DIR]``

For each corpus size (passages, generated from PolNeAR train by ``bench/synthcorpus.py``):

- ingest: passage extraction (quotes, speakers, sentences: ``checking.corpus.passages``) plus
  writing the memory-mapped index segment (``checking.index.write_segment``), passages/s; on one
  core unless ``--ingest-procs`` spreads extraction over processes (document generation is not
  counted);
- index bytes per passage: the shingle postings and per-passage arrays; the passage texts and
  their match keys (the corpus itself, kept as blobs) are reported separately;
- a worker: a fresh process pinned to one core maps the segment and checks 40-claim drafts with
  ``check_draft`` as the Celery task does; p50/p95 per draft over ``--drafts`` drafts (each run
  twice, first run is warm-up), and its RSS afterwards, split into the mapped index files (page
  cache: one copy per host, whatever the number of worker processes) and its own heap;
- brute force: the same draft with ``BruteIndex`` (``partial_ratio`` over every passage) timed on
  a sample of at most 20k passages and scaled linearly to the corpus size when larger (said so);
- recall: for every quote in the drafts, the best-scoring source passage found by brute force
  over the whole corpus (rapidfuzz ``cdist`` over all quote passages, the best 50 aligned by
  ``verify``) is found when it (or a passage of identical text) is among the 30 candidates the
  index gives the verifier; also reported, how often the index path's best match
  (``find_evidence``) scores as high as brute force's (the verifier's shortlist of 4 can pick a
  different near-duplicate of the source, which costs a point or two of score, not the match).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthcorpus import TRAIN_SPLIT, BruteIndex, Generator, make_draft, read_articles  # noqa: E402

from checking.check import check_draft  # noqa: E402
from checking.corpus import match_key  # noqa: E402
from checking.corpus import passages as extract_passages  # noqa: E402
from checking.index import DEFAULT_PRUNE, ShingleIndex, write_segment  # noqa: E402
from checking.matching import find_evidence, verify  # noqa: E402
from checking.model import Document, Passage  # noqa: E402

BRUTE_SAMPLE = 20_000
INDEX_FILES = ("text.bin", "text_off.npy", "mkey.bin", "mkey_off.npy")


def memory() -> dict[str, int]:
    """This process's RSS, split into file-backed pages (the mapped index: page cache, shared by
    every worker on the host) and anonymous pages (its own heap: interpreter, numpy, delta)."""
    out: dict[str, int] = {}
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "RssAnon", "RssFile"):
                out[key] = int(value.split()[0]) * 1024
    return out


def _extract(docs: list[Document]) -> list[Passage]:
    return [p for doc in docs for p in extract_passages(doc)]


def worker(segment: Path, drafts_file: Path, prune: float) -> None:
    """The worker side: map the index, check every draft twice, print timings and memory."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    drafts = json.loads(drafts_file.read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    view = ShingleIndex(segment, prune=prune).view(None)
    open_s = time.perf_counter() - t0
    times = []
    claims = 0
    for body in drafts:
        check_draft(body, view)  # warm-up: pages in, caches
        t = time.perf_counter()
        claims += len(check_draft(body, view))
        times.append(time.perf_counter() - t)
    result = {"times": times, "claims": claims / len(drafts), "open_s": open_s, **memory()}
    print(json.dumps(result))


def percentile(xs: list[float], q: float) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, max(0, round(q * (len(s) - 1))))]


def run_size(n: int, gen: Generator, args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    docs = []
    total_docs_passages = 0
    for doc in gen.documents():  # generation is not part of the ingest rate
        docs.append(doc)
        total_docs_passages += max(1, len(doc.text) // 95)
        if total_docs_passages >= n:
            break
    t0 = time.perf_counter()
    if args.ingest_procs > 1:  # extraction is per document: spread over processes
        chunks = [docs[i : i + 50] for i in range(0, len(docs), 50)]
        with multiprocessing.get_context("fork").Pool(args.ingest_procs) as pool:
            entries = [p for part in pool.imap(_extract, chunks) for p in part]
    else:
        entries = _extract(docs)
    while len(entries) < n:  # the estimate fell short: more documents
        doc = gen.variant(len(docs))
        docs.append(doc)
        entries.extend(extract_passages(doc))
    del entries[n:]
    t_extract = time.perf_counter() - t0
    segment = tmp / f"seg-{n}"
    t1 = time.perf_counter()
    write_segment(segment, ((p, None) for p in entries))
    t_index = time.perf_counter() - t1
    sizes = {f.name: f.stat().st_size for f in segment.iterdir()}
    corpus_bytes = sum(sizes[f] for f in INDEX_FILES)
    index_bytes = sum(sizes.values()) - corpus_bytes

    rng = random.Random(n)
    drafts = [make_draft(entries, rng) for _ in range(args.drafts)]
    drafts_file = tmp / f"drafts-{n}.json"
    drafts_file.write_text(json.dumps([d.body for d in drafts]), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, __file__, "--worker", str(segment), str(drafts_file), str(args.prune)],
        check=True,
        capture_output=True,
        text=True,
    )
    w = json.loads(out.stdout.strip().splitlines()[-1])
    times = w["times"]

    # Brute force, same draft, on a sample (scaled when the corpus is larger than the sample).
    sample = entries if n <= BRUTE_SAMPLE else rng.sample(entries, BRUTE_SAMPLE)
    brute = BruteIndex(sample, [match_key(p.text) for p in sample])
    t = time.perf_counter()
    check_draft(drafts[0].body, brute)
    brute_s = (time.perf_counter() - t) * (n / len(sample))

    # Recall of the source passage against brute force over the whole corpus.
    index = ShingleIndex(segment, prune=args.prune).view(None)
    quote_ps = [p for p in entries if p.kind == "quote"]
    quote_keys = [match_key(p.text) for p in quote_ps]
    from checking.quotes import extract_quotes

    queries = [q.text for d in drafts[: args.recall_drafts] for q in extract_quotes(d.body)]
    query_keys = [match_key(q) for q in queries]
    # partial_ratio scores a passage shorter than the query as if the query were inside it; the
    # verifier scores those with ratio, so brute force does too (else tiny passages crowd the top).
    common: dict[str, Any] = {"processor": None, "score_cutoff": 50, "dtype": np.uint8}
    partial = process.cdist(query_keys, quote_keys, scorer=fuzz.partial_ratio, workers=-1, **common)
    whole = process.cdist(query_keys, quote_keys, scorer=fuzz.ratio, workers=-1, **common)
    lengths = np.array([len(k) for k in quote_keys])
    found = relevant = same = 0
    for qi, q in enumerate(queries):
        row = np.where(lengths >= len(query_keys[qi]), partial[qi], whole[qi]).astype(np.int16)
        top = [i for i in np.argsort(-row, kind="stable")[:50].tolist() if row[i] > 0]
        truth = verify(
            q, [quote_ps[i] for i in top], keys=[quote_keys[i] for i in top], shortlist=50
        )
        if not truth:
            continue
        relevant += 1
        # Retrieval recall: the brute-force source (or a passage with the very same text) is among
        # the candidates the index hands the verifier.
        shortlist = {k for _, k in index.search(q, limit=30, kind="quote")}
        if match_key(truth[0].passage.text) in shortlist:
            found += 1
        # End to end: the index path's best match is as good as brute force's.
        got = find_evidence(q, index, kind="quote", limit=1)
        if got and got[0].masked_score >= truth[0].masked_score:
            same += 1
    del index
    return {
        "n": n,
        "ingest_rate": n / (t_extract + t_index),
        "extract_s": t_extract,
        "index_s": t_index,
        "index_bpp": index_bytes / n,
        "corpus_bpp": corpus_bytes / n,
        "rss": w.get("VmRSS", 0),
        "rss_file": w.get("RssFile", 0),
        "rss_anon": w.get("RssAnon", 0),
        "open_s": w["open_s"],
        "claims": w["claims"],
        "p50": percentile(times, 0.5),
        "p95": percentile(times, 0.95),
        "mean": statistics.fmean(times),
        "brute_s": brute_s,
        "brute_sampled": n > BRUTE_SAMPLE,
        "recall": found / relevant if relevant else float("nan"),
        "recall_of": relevant,
        "same_best": same / relevant if relevant else float("nan"),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--drafts", type=int, default=20)
    ap.add_argument("--recall-drafts", type=int, default=5)
    ap.add_argument("--split", type=Path, default=TRAIN_SPLIT)
    ap.add_argument("--ingest-procs", type=int, default=1, help="extraction processes")
    ap.add_argument("--prune", type=float, default=DEFAULT_PRUNE, help="ShingleIndex prune")
    ap.add_argument("--worker", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(Path(args.worker[0]), Path(args.worker[1]), float(args.worker[2]))
        return
    gen = Generator(read_articles(args.split))
    mb = 1 << 20
    rows = []
    with tempfile.TemporaryDirectory(prefix="misquote-scale-") as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            r = run_size(n, gen, args, Path(tmp))
            rows.append(r)
            ratio = r["brute_s"] / r["p50"]
            print(
                f"{r['n']:>9,} passages | ingest {r['ingest_rate']:,.0f} passages/s "
                f"({args.ingest_procs} extraction process{'es' if args.ingest_procs > 1 else ''}: "
                f"extract {r['extract_s']:.1f}s + index {r['index_s']:.1f}s) | "
                f"index {r['index_bpp']:.0f} B/passage (+ text {r['corpus_bpp']:.0f} B) | "
                f"worker RSS {r['rss'] / mb:.0f} MB = {r['rss_file'] / mb:.0f} MB mapped "
                f"(shared) + {r['rss_anon'] / mb:.0f} MB own, open {r['open_s'] * 1000:.0f} ms",
                flush=True,
            )
            print(
                f"{'':>9}          | {r['claims']:.0f}-claim draft: p50 {r['p50'] * 1000:.1f} ms, "
                f"p95 {r['p95'] * 1000:.1f} ms | brute force {r['brute_s']:.1f} s"
                f"{' (sampled 20k, scaled)' if r['brute_sampled'] else ''} | "
                f"{ratio:,.0f}x faster | recall {r['recall']:.3f} of {r['recall_of']} quotes "
                f"(best match as good as brute force's: {r['same_best']:.3f})",
                flush=True,
            )
    if len(rows) >= 2:
        print(
            f"latency p50 at {rows[-1]['n']:,} / at {rows[-2]['n']:,}: "
            f"{rows[-1]['p50'] / rows[-2]['p50']:.2f}x"
        )


if __name__ == "__main__":
    main()
