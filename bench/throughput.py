"""Throughput through the real queue: API (gunicorn), Redis, PostgreSQL, 2 worker processes.

Usage: ``python bench/throughput.py [--passages 100000] [--seconds 60] [--clients 6]``

Needs Redis on 127.0.0.1:6379 and PostgreSQL on 127.0.0.1:5432 (user ``postgres``, trust auth).
It creates a throwaway database (dropped at the end) and a unique queue, loads a generated corpus
(``bench/synthcorpus.py``) through the store, builds the host's index with ``misquote corpus
reindex``, starts ``gunicorn service.wsgi:app`` and ``misquote worker -c 2`` with ``MISQUOTE_*``
settings, then keeps ``--clients`` drafts in flight for ``--seconds`` (each client submits a
40-claim draft, polls its job until done, and submits the next). It reports drafts/s completed,
submit-to-result latency p50/p95, and whether every submitted job ended ``succeeded``.
"""

from __future__ import annotations

import argparse
import random
import sys
import threading
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cluster import STOP, Cluster, percentile, run_clients  # noqa: E402
from synthcorpus import TRAIN_SPLIT, Generator, corpus, make_draft, read_articles  # noqa: E402

from store import repo  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--passages", type=int, default=100_000)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--clients", type=int, default=6)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--split", type=Path, default=TRAIN_SPLIT)
    args = ap.parse_args()

    # One API key polls hundreds of times a second here; the per-key limit is for clients.
    with Cluster("bench", rate_limit="1000000/minute") as cluster:
        runtime = cluster.runtime
        gen = Generator(read_articles(args.split))
        t0 = time.perf_counter()
        pool = []
        with runtime.session() as session:
            for doc, ps in corpus(args.passages, gen):
                repo.put_document(session, newsroom_id=None, doc=doc, passages=ps)
                pool.extend(ps)
            key = repo.create_api_key(session, "bench")
            session.commit()
        load_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        cluster.misquote("corpus", "reindex")
        reindex_s = time.perf_counter() - t0
        print(
            f"corpus: {len(pool):,} passages stored in {load_s:.0f}s "
            f"({len(pool) / load_s:,.0f}/s through the ORM), indexed in {reindex_s:.1f}s",
            flush=True,
        )
        base = cluster.start(args.workers)
        headers = {"Authorization": f"Bearer {key}"}
        rng = random.Random(1)
        drafts = [make_draft(pool, rng).body for _ in range(50)]

        submitted: list[str] = []
        latencies: list[float] = []
        done_at: list[float] = []
        lock = threading.Lock()

        def run_one(body: str) -> tuple[str, float, str]:
            start = time.perf_counter()
            r = requests.post(base + "/v1/drafts", json={"body": body}, headers=headers, timeout=30)
            r.raise_for_status()
            job = r.json()["id"]
            with lock:
                submitted.append(job)
            while True:
                time.sleep(0.025)  # polling faster only takes CPU from the workers on 2 cores
                g = requests.get(f"{base}/v1/jobs/{job}", headers=headers, timeout=30)
                if g.status_code == 429:
                    time.sleep(float(g.headers.get("Retry-After", "1")))
                    continue
                g.raise_for_status()
                status = g.json()["status"]
                if status in ("succeeded", "failed"):
                    return job, time.perf_counter() - start, status

        # Warm-up: every worker process maps the index and pages in what a check touches.
        for body in drafts[:6]:
            run_one(body)
        submitted.clear()

        def client(i: int) -> None:
            r = random.Random(i)
            while not STOP.is_set():
                _, latency, _ = run_one(r.choice(drafts))
                with lock:
                    latencies.append(latency)
                    done_at.append(time.perf_counter())

        began = run_clients(client, args.clients, args.seconds)
        in_window = [t for t in done_at if t - began <= args.seconds]

        states: dict[str, int] = {}
        attempts: dict[int, int] = {}
        with runtime.session() as session:
            for job_id in submitted:
                job = repo.get_job(session, job_id)
                state = job.state if job is not None else "missing"
                states[state] = states.get(state, 0) + 1
                if job is not None:
                    attempts[job.attempts] = attempts.get(job.attempts, 0) + 1
        lost = len(submitted) - states.get("succeeded", 0)
        print(
            f"{args.passages:,} passages, {args.workers} worker processes, {args.clients} clients "
            f"in flight, {args.seconds:.0f}s: {len(in_window) / args.seconds:.1f} drafts/s | "
            f"submit->result p50 {percentile(latencies, 0.5) * 1000:.0f} ms, "
            f"p95 {percentile(latencies, 0.95) * 1000:.0f} ms | "
            f"{len(submitted)} submitted, states {states}, lost {lost} "
            f"(jobs by attempts: {dict(sorted(attempts.items()))})",
            flush=True,
        )


if __name__ == "__main__":
    main()
