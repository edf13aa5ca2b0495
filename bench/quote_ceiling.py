"""How far can quote precision go on PolNeAR without losing recall? A learned-filter experiment.

Usage: ``python bench/quote_ceiling.py [SPLIT_DIR] [--folds K]``

PolNeAR's gold quotes are quoted strings inside attributed Content spans (see ``bench/brat.py``),
so whether a quoted string counts depends on whether annotators marked its sentence as reported
content, not on whether the string is speech. This script asks whether the rules in
:mod:`checking.quotes` leave precision on the table that cheap context could recover. Every
quote region (paired marks, before the speech test) becomes one example, labelled by whether it
covers half of a gold quote; its features are what a careful reader sees around the marks (length,
casing, the words just outside the marks, punctuation, speech and belief verbs in the sentence,
first-person words inside, the rules' own decision). A logistic regression, cross-validated by
article, then keeps the regions the rules keep *and* it scores above a threshold; for each
threshold the script prints precision and recall as ``bench/extraction.py`` counts them.

It also prints two counts that bound the precision any extractor can reach on this gold: quoted
sentences that follow a closed "…," X said. attribution, kept or not by the annotators, and the
rules' false positives by length.

The experiment is a measurement, not part of the service: nothing here is used at run time.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from brat import DEFAULT_SPLIT, Article, Span, load_split  # noqa: E402
from extraction import _covers  # noqa: E402

from checking.quotes import CUE_WORDS, extract_quotes, quote_regions  # noqa: E402

_WORD = re.compile(r"\w+")
_LETTERS = re.compile(r"[A-Za-z]+")
_MARKS = "“”„‟«»\"'‘’‚‛‹›"
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|we|us|our|you|your)\b")
_BELIEF_TEXT = """
    think thinks thought believe believes believed figure figures figured feel feels felt know
    knows knew hope hopes hoped want wants wanted expect expects expected fear fears feared worry
    worries worried find finds found show shows showed reveal reveals revealed report reports
    reported consider considers considered view views viewed seem seems seemed see sees saw
    """
_BELIEF = frozenset(_BELIEF_TEXT.split())
_SECOND_SENTENCE = re.compile(r"\b(?:said|says|added|told \w+)\.\s*[“\"'‘]+$")


def _bucket(n: int) -> str:
    return {1: "1", 2: "2", 3: "3", 4: "4", 5: "5-6", 6: "5-6", 7: "7-8", 8: "7-8"}.get(n, "9+")


def _sentence(text: str, a: int, b: int) -> tuple[str, str]:
    """The words of the sentence before and after the quote (to the nearest stop or newline)."""
    lo = max(text.rfind("\n", 0, a), 0)
    for m in re.finditer(r"[.!?][\"'”’]?\s", text[lo:a]):
        lo_end = lo + m.end()
        if lo_end < a:
            lo = lo_end
    hi = text.find("\n", b)
    hi = len(text) if hi < 0 else hi
    stop = re.search(r"[.!?][\"'”’]?(\s|$)", text[b + 1 : hi])
    if stop:
        hi = b + 1 + stop.end()
    return text[lo:a], text[b:hi]


def features(text: str, a: int, b: int, kept: bool) -> list[str]:
    """What a reader sees around one quote region, as one-hot feature names."""
    inner = text[a:b]
    nb = _bucket(len(_WORD.findall(inner)))
    words = _LETTERS.findall(inner)
    titled = bool(words) and all(w[0].isupper() for w in words if len(w) > 3)
    before, after = _sentence(text, a, b)
    tb = [w.lower() for w in _LETTERS.findall(before)]
    ta = [w.lower() for w in _LETTERS.findall(after)]
    cue_b = [w for w in tb if w in CUE_WORDS]
    cue_a = [w for w in ta if w in CUE_WORDS]
    f = [
        f"n={nb}",
        f"titled={titled}|{nb}",
        f"cue_before={bool(cue_b)}|{nb}",
        f"cue_after={bool(cue_a)}|{nb}",
        f"belief_before={any(w in _BELIEF for w in tb)}|{nb}",
        f"belief_after={any(w in _BELIEF for w in ta)}|{nb}",
        f"first_person={bool(_FIRST_PERSON.search(inner))}|{nb}",
        f"rules_keep={kept}|{nb}",
        "first=" + ("U" if inner[0].isupper() else "l" if inner[0].islower() else "o"),
        "last=" + (inner[-1] if not inner[-1].isalnum() else "a"),
        "bias",
    ]
    if cue_b:
        f.append("cue_before_word=" + cue_b[-1])
    if cue_a:
        f.append("cue_after_word=" + cue_a[0])
    j = a - 1
    while j >= 0 and text[j] in _MARKS:
        j -= 1
    mark = text[j + 1 : a][:1]
    f.append("mark=" + ("curly" if mark in "“”" else "straight" if mark == '"' else "single"))
    k = j
    while k >= 0 and text[k] in " \t":
        k -= 1
    prev = text[k] if k >= 0 else "\n"
    f.append("prev=" + ("word" if prev.isalnum() else prev))
    wb = re.search(r"(\w+)\W*$", text[max(0, a - 30) : a])
    if wb and prev.isalnum():
        f.append(f"word_before={wb.group(1).lower()}|{nb}")
    e = b
    while e < len(text) and text[e] in _MARKS:
        e += 1
    nxt = text[e] if e < len(text) else "\n"
    f.append("next=" + ("word" if nxt.isalnum() else nxt))
    wa = re.match(r"[ \t]*(\w+)", text[e : e + 30])
    if wa and nxt in " \t":
        f.append(f"word_after={wa.group(1).lower()}|{nb}")
    para = text.rfind("\n", 0, a) + 1
    f.append(f"opens_paragraph={not text[para:a].strip(_MARKS + ' ')}")
    return f


def _fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 600) -> np.ndarray:
    """Logistic regression by full-batch Adam from zero weights (deterministic)."""
    w = np.zeros(x.shape[1])
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for t in range(1, steps + 1):
        p = 1 / (1 + np.exp(-(x @ w)))
        g = x.T @ (p - y) / len(y) + l2 * w / len(y)
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        w -= 0.1 * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return w


def run(articles: list[Article], folds: int) -> None:
    rows: list[tuple[int, list[str], bool, bool, int]] = []  # article, feats, label, kept, index
    regions: list[tuple[int, Span]] = []
    second = Counter[bool]()
    fp_len = Counter[str]()
    for ai, art in enumerate(articles):
        kept = {q.span for q in extract_quotes(art.text)}
        for a, b in quote_regions(art.text):
            y = any(_covers((a, b), g.span) for g in art.gold)
            keep = (a, b) in kept
            rows.append((ai, features(art.text, a, b, keep), y, keep, len(regions)))
            regions.append((ai, (a, b)))
            if keep:
                if _SECOND_SENTENCE.search(art.text[max(0, a - 40) : a]):
                    second[y] += 1
                if not y:
                    fp_len[_bucket(len(_WORD.findall(art.text[a:b])))] += 1
    vocab: dict[str, int] = {}
    for r in rows:
        for name in r[1]:
            vocab.setdefault(name, len(vocab))
    x = np.zeros((len(rows), len(vocab)))
    for i, r in enumerate(rows):
        x[i, [vocab[n] for n in r[1]]] = 1
    y = np.array([r[2] for r in rows], dtype=float)
    keep = np.array([r[3] for r in rows])
    fold = np.array([r[0] % folds for r in rows])
    prob = np.zeros(len(rows))
    for k in range(folds):
        w = _fit(x[fold != k], y[fold != k])
        prob[fold == k] = 1 / (1 + np.exp(-(x[fold == k] @ w)))

    n_gold = sum(len(art.gold) for art in articles)

    def score(mask: np.ndarray) -> tuple[float, float, int]:
        found = 0
        spans_by_article: dict[int, list[Span]] = {}
        for i in np.flatnonzero(mask):
            ai, span = regions[i]
            spans_by_article.setdefault(ai, []).append(span)
        for ai, art in enumerate(articles):
            spans = spans_by_article.get(ai, [])
            found += sum(any(_covers(s, g.span) for s in spans) for g in art.gold)
        n = int(mask.sum())
        return (float((mask & (y == 1)).sum()) / n if n else 0.0), found / n_gold, n

    p, r, n = score(keep)
    print(f"{len(articles)} articles, {len(rows)} quote regions, {n_gold} gold quotes")
    print(f"rules              P={p:.4f} R={r:.4f} ({n} kept)")
    for th in (0.3, 0.5, 0.6, 0.7, 0.8, 0.9):
        p, r, n = score(keep & (prob >= th))
        print(f"rules and p>={th:.1f}   P={p:.4f} R={r:.4f} ({n} kept)")
    print(
        f"quoted sentence right after a closed 'X said.': {second[True]} gold, "
        f"{second[False]} not gold"
    )
    order = ["1", "2", "3", "4", "5-6", "7-8", "9+"]
    print("rules' false positives by words: " + ", ".join(f"{k}: {fp_len[k]}" for k in order))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", nargs="?", type=Path, default=DEFAULT_SPLIT.parent / "train")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args(argv)
    run(load_split(args.split), args.folds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
