"""Quote extraction and attribution accuracy on PolNeAR.

Usage: ``python bench/extraction.py [SPLIT_DIR] [--show fn|fp|spk] [--limit N] [--repeat N]``

A gold quote (see ``bench/brat.py``) is found when a predicted quote covers at least half of its
characters; a predicted quote that covers at least half of no gold quote is a false positive. The
speaker is right when the predicted ``speaker_span`` overlaps the gold Source span (counted over
found gold quotes that have a Source). Speed is extraction plus attribution on one core, excluding
file reading: the median of ``--repeat`` passes over the split (the output is the same each
pass), so one pass slowed by another process on a shared machine does not decide the figure.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from brat import DEFAULT_SPLIT, Article, Span, load_split  # noqa: E402

from checking.model import Quote  # noqa: E402
from checking.quotes import extract_quotes  # noqa: E402
from checking.speakers import attribute  # noqa: E402


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _covers(pred: Span, gold: Span) -> bool:
    return 2 * _overlap(pred, gold) >= gold[1] - gold[0]


def _context(text: str, span: Span, width: int = 90) -> str:
    a, b = span
    return (text[max(0, a - width) : a] + "[[" + text[a:b] + "]]" + text[b : b + width]).replace(
        "\n", " ¶ "
    )


def evaluate(
    articles: list[Article], *, show: str | None = None, limit: int = 40, repeat: int = 3
) -> dict[str, float]:
    predictions: list[list[Quote]] = []
    passes: list[float] = []
    for _ in range(repeat):
        predictions = []
        started = time.perf_counter()
        for art in articles:
            predictions.append(attribute(art.text, extract_quotes(art.text)))
        passes.append(time.perf_counter() - started)
    elapsed = sorted(passes)[len(passes) // 2]

    tp_gold = n_gold = tp_pred = n_pred = 0
    spk_right = spk_total = 0
    shown = 0
    for art, preds in zip(articles, predictions, strict=True):
        n_gold += len(art.gold)
        n_pred += len(preds)
        for g in art.gold:
            best: Quote | None = None
            for q in preds:
                if _covers(q.span, g.span) and (
                    best is None or _overlap(q.span, g.span) > _overlap(best.span, g.span)
                ):
                    best = q
            if best is None:
                if show == "fn" and shown < limit:
                    shown += 1
                    print(f"FN {art.name}: {_context(art.text, g.span)}\n")
                continue
            tp_gold += 1
            if g.source:
                spk_total += 1
                ok = best.speaker_span is not None and any(
                    _overlap(best.speaker_span, s) > 0 for s in g.source
                )
                spk_right += ok
                if not ok and show == "spk" and shown < limit:
                    shown += 1
                    gold_src = " | ".join(art.text[a:b] for a, b in g.source)
                    got = (
                        art.text[best.speaker_span[0] : best.speaker_span[1]]
                        if best.speaker_span
                        else None
                    )
                    print(
                        f"SPK {art.name}: gold={gold_src!r} got={got!r} ({best.speaker!r})\n"
                        f"    {_context(art.text, g.span, 160)}\n"
                    )
        for q in preds:
            if any(_covers(q.span, g.span) for g in art.gold):
                tp_pred += 1
            elif show == "fp" and shown < limit:
                shown += 1
                print(f"FP {art.name}: {_context(art.text, q.span)}\n")
    precision = tp_pred / n_pred if n_pred else 0.0
    recall = tp_gold / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "articles": len(articles),
        "gold": n_gold,
        "predicted": n_pred,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "speaker_accuracy": spk_right / spk_total if spk_total else 0.0,
        "speaker_total": spk_total,
        "articles_per_second": len(articles) / elapsed if elapsed else float("inf"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", nargs="?", type=Path, default=DEFAULT_SPLIT)
    parser.add_argument("--show", choices=["fn", "fp", "spk"])
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    articles = load_split(args.split)
    r = evaluate(articles, show=args.show, limit=args.limit, repeat=args.repeat)
    print(
        f"{args.split.name}: {r['articles']} articles, {r['gold']} gold quotes, "
        f"{r['predicted']} predicted\n"
        f"quotes   P={r['precision']:.4f} R={r['recall']:.4f} F1={r['f1']:.4f}\n"
        f"speakers accuracy={r['speaker_accuracy']:.4f} (over {r['speaker_total']} found quotes "
        f"with a gold source)\n"
        f"speed    {r['articles_per_second']:.1f} articles/s (one core, extraction + attribution, "
        f"median of {args.repeat} passes)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
