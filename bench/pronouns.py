"""Who a he/she speaker resolves to, on a hand-labelled sample of PolNeAR train.

Usage: ``python bench/pronouns.py [TRAIN_DIR] [--show wrong] [--sample a|b]``

``bench/extraction.py`` scores a pronoun Source by its span only: "he" overlapping "he" is right
whoever the checker thinks he is. But a verdict compares the resolved ``speaker`` string, and a
quarter of the gold quotes on train have a lone he/she as their Source. This bench reads
``bench/pronoun_referents.tsv`` (two random samples of those pronouns, each with the offsets of
a mention of the person it refers to, labelled by reading the article: sample a, whose misses
rules were written from, and sample b, held out from that) and asks, for each: did a
predicted quote take that pronoun as its ``speaker_span``, and does its ``speaker`` name the
referent (``name_matches``, as the name score of ``bench/extraction.py``)? The sample holds
offsets only; the text is read from the split at run time.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from brat import DEFAULT_SPLIT  # noqa: E402
from extraction import _without_suffix, name_matches  # noqa: E402

from checking.speakers import _name_tokens, quote_claims  # noqa: E402

SAMPLE = Path(__file__).resolve().parent / "pronoun_referents.tsv"


def read_sample(path: Path = SAMPLE, *, sample: str = "a") -> list[tuple[str, int, int, int]]:
    """Rows of (article, pronoun start, referent start, referent end) of one sample: "a", whose
    misses rules were written from, or "b", labelled afterwards and held out from that."""
    rows: list[tuple[str, int, int, int]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("article\t"):
            continue
        name, pron, ra, rb, which = line.split("\t")
        if which == sample:
            rows.append((name, int(pron), int(ra), int(rb)))
    return rows


def evaluate(split: Path, rows: list[tuple[str, int, int, int]], *, show: bool = False) -> dict:
    """Count the sample's pronouns whose span a quote took, and whose name is the referent's."""
    by_article: dict[str, list[tuple[int, int, int]]] = {}
    for name, pron, ra, rb in rows:
        by_article.setdefault(name, []).append((pron, ra, rb))
    found = right = 0
    for name, items in sorted(by_article.items()):
        path = split / "text" / f"{name}.txt"
        if not path.exists():
            raise SystemExit(f"{path} is missing: the sample is of PolNeAR train")
        text = path.read_text(encoding="utf-8")
        quotes = quote_claims(text)
        for pron, ra, rb in items:
            want = _without_suffix(_name_tokens(text[ra:rb]))
            got = next(
                (
                    q
                    for q in quotes
                    if q.speaker_span is not None and q.speaker_span[0] <= pron < q.speaker_span[1]
                ),
                None,
            )
            if got is None:
                if show:
                    print(f"NO QUOTE TAKES IT  {name} {pron}: want {text[ra:rb]!r}")
                continue
            found += 1
            if name_matches(got.speaker, want):
                right += 1
            elif show:
                print(f"WRONG  {name} {pron}: got {got.speaker!r}, want {text[ra:rb]!r}")
    return {"labelled": len(rows), "found": found, "right": right}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", nargs="?", type=Path, default=DEFAULT_SPLIT.parent / "train")
    parser.add_argument("--show", choices=["wrong"])
    parser.add_argument("--sample", choices=["a", "b"], action="append")
    args = parser.parse_args(argv)
    for sample in args.sample or ["a", "b"]:
        r = evaluate(args.split, read_sample(sample=sample), show=args.show == "wrong")
        n, f, k = r["labelled"], r["found"], r["right"]
        print(
            f"sample {sample}: {n} labelled he/she Sources, {f} taken as a quote's speaker; "
            f"{k}/{n} = {k / n:.4f} name the referent ({k / max(f, 1):.4f} of those taken)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
