"""Fit the speaker-mention ranker (:mod:`checking.ranker`) on a PolNeAR split.

Usage: ``python bench/fit_speakers.py [SPLIT_DIR] [--folds K] [--out PATH] [--no-write]``

Each found gold quote with a Source (matched to a predicted quote as in ``bench/extraction.py``)
is one training group: the candidates the ranker gathers for the predicted quote, labelled
positive when they overlap a gold Source span. The model is a softmax over a group's candidates
(conditional logistic regression) with an L2 penalty, fitted by full-batch Adam in numpy from
zero weights, so the output is deterministic. Cross-validation by article (``--folds``) estimates
the accuracy on unseen articles and picks the confidence threshold below which the rules' answer
stands. The final weights, fitted on the whole split, are written as a Python module
(``checking/speaker_weights.py`` by default); only fitted numbers and feature names are written,
never text from the data.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from brat import DEFAULT_SPLIT, Article, load_split  # noqa: E402

from checking import ranker  # noqa: E402
from checking.model import Quote  # noqa: E402
from checking.speakers import quote_claims  # noqa: E402

Span = tuple[int, int]
OUT = Path(__file__).resolve().parents[1] / "checking" / "speaker_weights.py"
THRESHOLDS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


@dataclass(slots=True)
class Group:
    """One gold quote: its candidates' features and labels, and whether the rules got it right."""

    article: int
    feats: list[tuple[str, ...]]
    labels: list[bool]
    rule_pick: list[bool]  # candidate overlaps the rules' span
    rule_ok: bool
    rule_has: bool = True
    rule: str = ""
    quote: Span = (0, 0)
    spans: tuple[Span, ...] = ()


def collect(articles: list[Article]) -> list[Group]:
    groups: list[Group] = []
    for ai, art in enumerate(articles):
        ranker.COLLECT = []
        try:
            preds = quote_claims(art.text)
            collected = {c.quote: c for c in ranker.COLLECT}
        finally:
            ranker.COLLECT = None
        for g in art.gold:
            if not g.source:
                continue
            best: Quote | None = None
            for q in preds:
                if 2 * _overlap(q.span, g.span) >= g.span[1] - g.span[0] and (
                    best is None or _overlap(q.span, g.span) > _overlap(best.span, g.span)
                ):
                    best = q
            if best is None:
                continue
            got = best.speaker_span
            rule_ok = got is not None and any(_overlap(got, s) > 0 for s in g.source)
            col = collected.get(best.span)
            feats: list[tuple[str, ...]] = []
            labels: list[bool] = []
            picks: list[bool] = []
            if col is not None:
                for cand, fs in col.candidates:
                    feats.append(fs)
                    if cand is ranker.NULL:
                        # "Nobody here" is right exactly when no candidate is.
                        labels.append(not any(labels))
                        picks.append(True)  # choosing it keeps the rules' answer
                        continue
                    labels.append(any(_overlap(cand.span, s) > 0 for s in g.source))
                    picks.append(got is not None and _overlap(cand.span, got) > 0)
            spans = tuple(c.span for c, _ in col.candidates) if col is not None else ()
            groups.append(
                Group(
                    ai,
                    feats,
                    labels,
                    picks,
                    rule_ok,
                    rule_has=got is not None,
                    rule=col.rule if col is not None else "",
                    quote=best.span,
                    spans=spans,
                )
            )
    return groups


class Design:
    """Groups as padded feature-index rows for numpy."""

    def __init__(self, groups: list[Group], vocab: dict[str, int]) -> None:
        rows: list[list[int]] = []
        gid: list[int] = []
        pos: list[bool] = []
        self.starts: list[int] = []
        for k, g in enumerate(groups):
            self.starts.append(len(rows))
            for fs, lab in zip(g.feats, g.labels, strict=True):
                rows.append(sorted({vocab[f] for f in fs if f in vocab}))
                gid.append(k)
                pos.append(lab)
        pad = len(vocab)
        width = max((len(r) for r in rows), default=1)
        self.idx = np.full((len(rows), width), pad, dtype=np.int64)
        for i, r in enumerate(rows):
            self.idx[i, : len(r)] = r
        self.gid = np.asarray(gid, dtype=np.int64)
        self.pos = np.asarray(pos, dtype=bool)
        self.n_groups = len(groups)
        self.n_feats = len(vocab)

    def scores(self, w: np.ndarray) -> np.ndarray:
        wp = np.append(w, 0.0)
        return np.asarray(wp[self.idx].sum(axis=1))


def fit(design: Design, l2: float, iters: int = 300, lr: float = 0.05) -> np.ndarray:
    """Weights maximising the mean log-probability of a group's positives, minus an L2 penalty.

    Groups without any positive candidate carry no signal and are left out of the loss."""
    has_pos = np.bincount(design.gid, weights=design.pos, minlength=design.n_groups) > 0
    use = has_pos[design.gid]
    n = max(1, int(has_pos.sum()))
    w = np.zeros(design.n_feats)
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    b1, b2, eps = 0.9, 0.999, 1e-8
    flat = design.idx.ravel()
    width = design.idx.shape[1]
    for t in range(1, iters + 1):
        s = design.scores(w)
        gmax = np.full(design.n_groups, -np.inf)
        np.maximum.at(gmax, design.gid, s)
        e = np.exp(s - gmax[design.gid])
        z = np.bincount(design.gid, weights=e, minlength=design.n_groups)
        zp = np.bincount(design.gid, weights=e * design.pos, minlength=design.n_groups)
        p = e / z[design.gid]
        post = np.where(design.pos, e / np.maximum(zp[design.gid], 1e-300), 0.0)
        gs = np.where(use, p - post, 0.0) / n
        grad = np.bincount(flat, weights=np.repeat(gs, width), minlength=design.n_feats + 1)
        grad = grad[: design.n_feats] + l2 * w
        m = b1 * m + (1 - b1) * grad
        v = b2 * v + (1 - b2) * grad * grad
        w -= lr * (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + eps)
    return w


def decisions(design: Design, groups: list[Group], w: np.ndarray) -> list[tuple[bool, float, bool]]:
    """Per group: is the top candidate right, its probability's margin over the rules' mention's
    (all candidates overlapping it), and does it overlap the rules' mention (or is it "nobody")."""
    s = design.scores(w)
    out: list[tuple[bool, float, bool]] = []
    for k, g in enumerate(groups):
        if not g.feats or g.rule in ranker.FIRM_RULES:
            out.append((False, 0.0, True))
            continue
        a = design.starts[k]
        sc = s[a : a + len(g.feats)]
        top = int(np.argmax(sc))
        e = np.exp(sc - sc[top])
        prob = e / e.sum()
        ruled = 0.0 if not g.rule_has else float(prob[np.asarray(g.rule_pick[:-1] + [False])].sum())
        out.append((g.labels[top], float(prob[top]) - ruled, g.rule_pick[top]))
    return out


def accuracy(
    groups: list[Group], dec: list[tuple[bool, float, bool]], threshold: float, empty: float
) -> float:
    """Share right when the top candidate replaces the rules' answer at these thresholds (for a
    quote the rules gave a span, and one they gave none)."""
    right = 0
    for g, (ok, prob, same) in zip(groups, dec, strict=True):
        t = threshold if g.rule_has else empty
        right += g.rule_ok if same or prob < t else ok
    return right / len(groups) if groups else 0.0


def gains(
    groups: list[Group], dec: list[tuple[bool, float, bool]], threshold: float, empty: float
) -> dict[str, tuple[int, int]]:
    """Per rule: how many of its answers the ranker replaces at these thresholds, and the net
    number of speakers those replacements put right (right after minus right before)."""
    out: dict[str, tuple[int, int]] = {}
    for g, (ok, prob, same) in zip(groups, dec, strict=True):
        t = threshold if g.rule_has else empty
        if same or prob < t:
            continue
        n, net = out.get(g.rule, (0, 0))
        out[g.rule] = (n + 1, net + int(ok) - int(g.rule_ok))
    return out


def vocabulary(groups: list[Group], min_count: int) -> dict[str, int]:
    counts: dict[str, int] = {}
    for g in groups:
        for fs in g.feats:
            for f in fs:
                counts[f] = counts.get(f, 0) + 1
    names = sorted(f for f, c in counts.items() if c >= min_count)
    return {f: i for i, f in enumerate(names)}


def write_module(
    path: Path,
    weights: dict[str, float],
    threshold: float,
    empty: float,
    source: str,
    ranked: list[str],
) -> None:
    lines = [
        '"""Weights of the speaker-mention ranker (:mod:`checking.ranker`).',
        "",
        "Generated by ``python bench/fit_speakers.py " + source + "``",
        "(a softmax over each quote's candidate mentions, fitted on PolNeAR gold Source spans); do",
        "not edit by hand. Only fitted numbers and feature names are stored. Empty weights leave",
        "the rules in :mod:`checking.speakers` unchanged.",
        '"""',
        "",
        "#: Least margin of the ranker's best mention over the rules' one for an override, and",
        "#: least probability to fill in a quote the rules gave no span.",
        f"THRESHOLD: float = {threshold}",
        f"THRESHOLD_EMPTY: float = {empty}",
        "#: Rules whose answers the ranker may replace: those where its cross-validated",
        "#: replacements put more speakers right than wrong (the others are not scored).",
        "RANKED_RULES: frozenset[str] = frozenset("
        + ("{" + ", ".join(f'"{r}"' for r in ranked) + "}" if ranked else "")
        + ")",
        "WEIGHTS: dict[str, float] = {",
    ]
    for name in sorted(weights):
        lines.append(f'    "{name}": {weights[name]!r},')
    lines.append("}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", nargs="?", type=Path, default=DEFAULT_SPLIT.parent / "train")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--l2", type=float, default=1e-3)
    parser.add_argument("--iters", type=int, default=300)
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    articles = load_split(args.split)
    groups = collect(articles)
    n_pos = sum(any(g.labels[:-1]) for g in groups)
    base = sum(g.rule_ok for g in groups) / len(groups)
    print(
        f"{args.split.name}: {len(articles)} articles, {len(groups)} quotes with a gold source, "
        f"{n_pos} with a right candidate (oracle {n_pos / len(groups):.4f}), rules {base:.4f}"
    )
    # Cross-validation by article: out-of-fold decisions for every group.
    oof: list[tuple[bool, float, bool]] = [(False, 0.0, True)] * len(groups)
    for fold in range(args.folds):
        train = [g for g in groups if g.article % args.folds != fold]
        test_ix = [k for k, g in enumerate(groups) if g.article % args.folds == fold]
        vocab = vocabulary(train, args.min_count)
        w = fit(Design(train, vocab), args.l2, args.iters)
        test = [groups[k] for k in test_ix]
        for k, d in zip(test_ix, decisions(Design(test, vocab), test, w), strict=True):
            oof[k] = d
    results = {(t, e): accuracy(groups, oof, t, e) for t in THRESHOLDS for e in THRESHOLDS}
    for t in THRESHOLDS:
        print(
            f"  cv threshold {t:.2f}: accuracy {results[(t, 0.0)]:.4f} (empty rule 0.00), "
            f"{results[(t, 0.5)]:.4f} (0.50), {results[(t, 0.8)]:.4f} (0.80)"
        )
    # The most cautious thresholds within 0.001 of the best.
    top = max(results.values())
    threshold, empty = max(
        (k for k, v in results.items() if v >= top - 0.001), key=lambda k: (k[1], k[0])
    )
    print(
        f"cross-validated ({args.folds} folds by article) accuracy "
        f"{results[(threshold, empty)]:.4f} at thresholds {threshold:.2f} / {empty:.2f} "
        f"(rules {base:.4f})"
    )
    per_rule = gains(groups, oof, threshold, empty)
    ranked = sorted(r for r, (_, net) in per_rule.items() if net > 0)
    for r, (n, net) in sorted(per_rule.items(), key=lambda kv: -kv[1][0]):
        print(f"  rule {r}: {n} replaced, net {net:+d}" + (" (ranked)" if r in ranked else ""))
    kept = [d if g.rule in ranked else (False, 0.0, True) for g, d in zip(groups, oof, strict=True)]
    print(
        f"cross-validated accuracy with only the ranked rules scored: "
        f"{accuracy(groups, kept, threshold, empty):.4f} (rules chosen on the same folds)"
    )
    vocab = vocabulary(groups, args.min_count)
    w = fit(Design(groups, vocab), args.l2, args.iters)
    weights = {f: round(float(w[i]), 4) for f, i in vocab.items() if abs(w[i]) >= 5e-4}
    top = sorted(weights.items(), key=lambda kv: -abs(kv[1]))[:25]
    print("largest weights: " + ", ".join(f"{f}={v:+.2f}" for f, v in top))
    if not args.no_write:
        write_module(
            args.out,
            weights,
            threshold,
            empty,
            "../shared/data/polnear/" + args.split.name,
            ranked,
        )
        print(f"wrote {len(weights)} weights to {args.out.name}")
    print(f"{time.perf_counter() - started:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
