"""Audit throughput: 1,000 PolNeAR articles against a 100k-passage corpus, 1 vs 2 processes.

Usage: ``python bench/audit.py [--articles 1000] [--passages 100000] [--repeat 1] [--seed 7]``

What runs: the in-process path of ``misquote audit`` (``workers.audits.audit_in_process``), the
same per-article check the Celery chunk task runs, over ``multiprocessing`` processes forked after
the index is built (so they share it). Real Celery workers add a database round trip per article
and a task per 25 articles; on this 2-core machine Redis and PostgreSQL would share the cores with
the workers, so the in-process path is the one that measures how the check itself scales.

The data is read at run time from ``../shared/data/polnear`` (never copied into the repository):

- Drafts: the train split's articles (840), cycled to ``--articles``; in each, roughly one quoted
  string in four has one word changed or one number changed (so the audit has flags to report).
- Corpus: the train and dev articles themselves, plus generated variants until the corpus has
  ``--passages`` passages. Variant ``v`` of an article is the article with, per word, a 15% chance
  of being replaced by a word drawn from the whole corpus's word list, every digit re-drawn, and
  its paragraphs lightly shuffled -- wire copy as other outlets rewrite it: real sentence lengths
  and shingle frequencies, quote marks and attributions to read, and many near-duplicate passages
  that the index must rank and the verifier must tell apart.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from checking.corpus import CorpusIndex, passages  # noqa: E402
from checking.model import Document, Passage  # noqa: E402
from schemas.audits import ArticleResult, summarise_audit  # noqa: E402
from workers.audits import audit_in_process  # noqa: E402

DATA = Path(__file__).resolve().parents[1].parent / "shared/data/polnear"
_WORD = re.compile(r"[A-Za-z]{3,}")
_DIGIT = re.compile(r"\d")
_QUOTED = re.compile(r"“([^”\n]{20,400})”")
SUBSTITUTION = 0.15


def read_texts(split: str) -> list[tuple[str, str]]:
    folder = DATA / split / "text"
    if not folder.is_dir():
        raise SystemExit(f"PolNeAR split not found at {folder}")
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]


def variant(text: str, rng: random.Random, vocabulary: list[str]) -> str:
    """Another outlet's rewrite of ``text`` (see the module docstring)."""

    def swap(m: re.Match[str]) -> str:
        return rng.choice(vocabulary) if rng.random() < SUBSTITUTION else m.group()

    out = _WORD.sub(swap, text)
    out = _DIGIT.sub(lambda _: str(rng.randrange(10)), out)
    paras = out.split("\n\n")
    for i in range(1, len(paras) - 1):
        if rng.random() < 0.2:
            paras[i], paras[i + 1] = paras[i + 1], paras[i]
    return "\n\n".join(paras)


def alter_quotes(text: str, rng: random.Random, vocabulary: list[str]) -> str:
    """About one quoted string in four gets one word (or one number) changed."""

    def change(m: re.Match[str]) -> str:
        quote = m.group(1)
        if rng.random() >= 0.25:
            return m.group()
        digits = list(_DIGIT.finditer(quote))
        if digits and rng.random() < 0.5:
            d = rng.choice(digits)
            new = str((int(d.group()) + rng.randrange(1, 9)) % 10)
            quote = quote[: d.start()] + new + quote[d.end() :]
        else:
            words = list(_WORD.finditer(quote))
            if words:
                w = rng.choice(words)
                quote = quote[: w.start()] + rng.choice(vocabulary) + quote[w.end() :]
        return f"“{quote}”"

    return _QUOTED.sub(change, text)


def _passages_of(doc: tuple[str, str, str]) -> list[Passage]:
    return passages(Document(id=doc[0], title=doc[1], text=doc[2]))


def build_corpus(target: int, seed: int) -> tuple[list[Passage], int]:
    """Originals (train + dev) first, then variants until ``target`` passages; extraction runs on
    two processes (setup, not measured)."""
    rng = random.Random(seed)
    originals = read_texts("train") + read_texts("dev")
    vocabulary = sorted({w for _, t in originals for w in _WORD.findall(t)})
    out: list[Passage] = []
    docs = 0
    with multiprocessing.get_context("fork").Pool(2) as pool:
        batch = [(name, name, text) for name, text in originals]
        v = 0
        while len(out) < target:
            for found in pool.imap(_passages_of, batch, chunksize=8):
                if len(out) >= target:
                    break
                out.extend(found)
                docs += 1
            v += 1
            batch = [
                (f"{name}~v{v}", f"{name} (rewrite {v})", variant(text, rng, vocabulary))
                for name, text in originals
            ]
    return out[:target], docs


def build_drafts(n: int, seed: int) -> list[dict[str, str]]:
    rng = random.Random(seed + 1)
    train = read_texts("train")
    vocabulary = sorted({w for _, t in train for w in _WORD.findall(t)})
    drafts = []
    for i in range(n):
        name, text = train[i % len(train)]
        drafts.append(
            {"id": f"{i:04d}-{name}", "title": name, "body": alter_quotes(text, rng, vocabulary)}
        )
    return drafts


def run(
    drafts: list[dict[str, str]], index: CorpusIndex, processes: int
) -> tuple[float, float, list[ArticleResult]]:
    """Wall seconds, CPU seconds (this process and its pool workers), and the results."""
    before = os.times()
    started = time.perf_counter()
    results = audit_in_process(drafts, index, processes=processes)
    wall = time.perf_counter() - started
    after = os.times()
    cpu = sum(getattr(after, f) - getattr(before, f) for f in _CPU_FIELDS)
    return wall, cpu, results


_CPU_FIELDS = ("user", "system", "children_user", "children_system")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--passages", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=1, help="Best of N runs per process count.")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    print(f"machine: {os.cpu_count()} CPU(s); load average {os.getloadavg()[0]:.2f} at start")
    t = time.perf_counter()
    corpus, docs = build_corpus(args.passages, args.seed)
    kinds = Counter(p.kind for p in corpus)
    print(
        f"corpus: {len(corpus):,} passages ({kinds['quote']:,} quotes, {kinds['sentence']:,} "
        f"sentences) from {docs:,} documents, read in {time.perf_counter() - t:.1f} s"
    )
    t = time.perf_counter()
    index = CorpusIndex.build(corpus)
    del corpus
    print(f"index: built in {time.perf_counter() - t:.1f} s")
    drafts = build_drafts(args.articles, args.seed)
    chars = sum(len(d["body"]) for d in drafts)
    print(f"drafts: {len(drafts):,} PolNeAR train articles ({chars / len(drafts):,.0f} chars avg)")

    rates: dict[int, float] = {}
    summaries = {}
    for processes in (1, 2):
        best, cpu = float("inf"), 0.0
        for _ in range(args.repeat):
            elapsed, used, results = run(drafts, index, processes)
            if elapsed < best:
                best, cpu = elapsed, used
        summary = summarise_audit(results)
        summaries[processes] = summary
        rates[processes] = len(drafts) / best
        flags = {k: v for k, v in summary["by_verdict"].items() if k != "verified"}
        print(
            f"{processes} process{'es' if processes > 1 else ''}: {len(drafts)} articles in "
            f"{best:.1f} s = {rates[processes]:.1f} articles/s, "
            f"{1000 * cpu / len(drafts):.0f} ms CPU per article "
            f"({summary['claims']:,} claims, {summary['flagged']:,} flagged {flags}, "
            f"{summary['failed']} failed)"
        )
    assert summaries[1] == summaries[2], "the two runs must report the same thing"
    print(f"scaling 1 -> 2 processes: {rates[2] / rates[1]:.2f}x")
    print(f"load average {os.getloadavg()[0]:.2f} at end")


if __name__ == "__main__":
    main()
