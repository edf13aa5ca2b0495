"""Load: N concurrent submitters for a fixed time against gunicorn + 2 workers on Redis/PostgreSQL.

Usage: ``python bench/load.py [--clients 8] [--seconds 60] [--workers 2]``

Needs Redis on 127.0.0.1:6379 and PostgreSQL on 127.0.0.1:5432 (user ``postgres``, trust auth).
Creates a throwaway database and queue, loads the demo reference plus 200 generated reference
articles, starts ``gunicorn service.wsgi:app`` (2 processes) and ``misquote worker -c N``, then
each client submits drafts back to back (without waiting for results) for ``--seconds``. After the
window it waits for every job to end and prints: submissions/s, submit latency p50/p95, time to
result p50/p95 (job created -> finished, from the store), and jobs lost (submitted but not
succeeded). Rate limits are off for the run (``MISQUOTE_RATE_LIMIT=off``).
"""

from __future__ import annotations

import argparse
import json
import random
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]

from cluster import STOP, Cluster, percentile, run_clients  # noqa: E402

from checking.corpus import passages  # noqa: E402
from checking.model import Document  # noqa: E402
from store import repo  # noqa: E402
from store.models import Job  # noqa: E402

WORDS = [
    "council",
    "harbour",
    "envoy",
    "budget",
    "crane",
    "union",
    "mayor",
    "bridge",
    "school",
    "water",
    "road",
    "strike",
    "review",
    "ferry",
    "tunnel",
    "levy",
    "rail",
    "clinic",
    "housing",
    "grant",
    "tariff",
    "quota",
    "vessel",
    "dock",
    "pier",
]


def sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 16)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()

    with Cluster("load", rate_limit="off") as cluster:
        runtime = cluster.runtime
        rng = random.Random(5)
        demo = json.loads((ROOT / "cli/demo/reference.json").read_text(encoding="utf-8"))
        docs = [Document(id=demo["id"], title=demo["title"], text=demo["text"])]
        for d in range(200):
            text = "\n\n".join(
                f"“{sentence(rng)},” said Official{d} Person{i}. "
                f"The office counted {rng.randint(2, 90_000):,} {rng.choice(WORDS)}s."
                for i in range(8)
            )
            docs.append(Document(id=f"gen-{d}", title=f"Generated {d}", text=text))
        with runtime.session() as session:
            for doc in docs:
                repo.put_document(session, newsroom_id=None, doc=doc, passages=passages(doc))
            key = repo.create_api_key(session, "load")
            session.commit()
        base = cluster.start(args.workers)
        draft = json.loads((ROOT / "cli/demo/draft.json").read_text(encoding="utf-8"))["body"]
        headers = {"Authorization": f"Bearer {key}"}
        submitted: list[str] = []
        submit_ms: list[float] = []
        errors: list[int] = []
        lock = threading.Lock()

        def client(i: int) -> None:
            with requests.Session() as http:
                n = 0
                while not STOP.is_set():
                    n += 1
                    t0 = time.perf_counter()
                    r = http.post(
                        base + "/v1/drafts",
                        json={"body": draft, "name": f"c{i}-{n}"},
                        headers=headers,
                        timeout=30,
                    )
                    elapsed = (time.perf_counter() - t0) * 1000
                    with lock:
                        if r.status_code == 202:
                            submitted.append(r.json()["id"])
                            submit_ms.append(elapsed)
                        else:
                            errors.append(r.status_code)

        began = run_clients(client, args.clients, args.seconds)
        window = time.perf_counter() - began
        drain_deadline = time.monotonic() + 600
        while True:
            with runtime.session() as session:
                pending = session.query(Job).filter(Job.state.in_(("queued", "running"))).count()
            if not pending or time.monotonic() > drain_deadline:
                break
            time.sleep(1)
        drained = time.perf_counter() - began - window
        states: dict[str, int] = {}
        to_result: list[float] = []
        with runtime.session() as session:
            for job_id in submitted:
                job = repo.get_job(session, job_id)
                state = job.state if job else "missing"
                states[state] = states.get(state, 0) + 1
                if job and job.finished_at:
                    to_result.append((job.finished_at - job.created_at).total_seconds())
        lost = len(submitted) - states.get("succeeded", 0)
        print(
            f"{args.clients} submitters, {args.seconds:.0f} s, gunicorn 2 + {args.workers} worker "
            f"processes on Redis/PostgreSQL, {len(docs)} reference documents\n"
            f"submissions: {len(submitted)} accepted ({len(submitted) / window:.1f}/s), "
            f"{len(errors)} refused {sorted(set(errors))}\n"
            f"submit latency: p50 {percentile(submit_ms, 0.5):.1f} ms, "
            f"p95 {percentile(submit_ms, 0.95):.1f} ms\n"
            f"time to result: p50 {percentile(to_result, 0.5):.2f} s, "
            f"p95 {percentile(to_result, 0.95):.2f} s "
            f"(backlog drained {drained:.0f} s after the window)\n"
            f"jobs: {states}; lost {lost}",
            flush=True,
        )


if __name__ == "__main__":
    main()
