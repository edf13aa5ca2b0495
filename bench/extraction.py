"""Quote extraction and attribution accuracy on PolNeAR.

Usage: ``python bench/extraction.py [SPLIT_DIR] [--show fn|fp|spk|names] [--limit N] [--repeat N]``

The predicted quotes are what a check reads, ``checking.speakers.quote_claims``. A gold quote
(see ``bench/brat.py``) is found when a predicted quote covers at least half of its
characters; a predicted quote that covers at least half of no gold quote is a false positive. The
speaker is right when the predicted ``speaker_span`` overlaps the gold Source span (counted over
found gold quotes that have a Source). Names score the resolved ``speaker`` string, which the
verdicts compare: over found gold quotes whose Source is a person's full name, or a surname
that exactly one full-name Source of the article ends in, the speaker must be that person (see
``name_matches``); pronoun and role Sources are not scored, having no name to compare. Speed
is extraction plus attribution on one core, excluding file reading: the median of ``--repeat``
passes over the split (the output is the same each pass), so one pass slowed by another process
on a shared machine does not decide the figure.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from brat import DEFAULT_SPLIT, Article, Span, load_split  # noqa: E402

from checking.model import Quote  # noqa: E402
from checking.speakers import (  # noqa: E402
    _NOT_PERSON_HEADS,
    _SUFFIXES,
    TITLES,
    _lower_word_in,
    _name_tokens,
    canonical_name,
    quote_claims,
)

#: A party and state after a name, "(R-Ky.)", which gold Sources sometimes include.
_PARTY = re.compile(r"\s*\(?\b[RDI]-[A-Z][\w.]*\)?")
#: Party labels and sentence openers before a surname that are no first name ("Democrat Ruiz",
#: "But Ruiz said"); titles ("Mr. Trump", "Admiral Harris") come from ``checking.speakers``.
_NOT_FIRST_TEXT = """
    Republican Democrat Democratic But Yet Now And Or So Then When While As If That Another
    Whatever
    """
_NOT_FIRST = frozenset(_NOT_FIRST_TEXT.split())
_PRONOUN_WORDS = frozenset(["he", "she", "they", "it", "i", "we", "you", "him", "her", "them"])


def _full_name(text: str) -> str | None:
    """The gold Source text as a person's name of two or more capitalised words, else None. A
    Source with an apposition or relative clause ("Ana Ruiz, who chairs the Port PAC", "the
    mayor, Ana Ruiz") names the person in its first comma-separated part that is a full name.
    A name inside a description ("the former top aide to President Bo Lind") is not the
    Source's, a headline in capitals is no name, and neither is a body ("USA Today", "the
    Social Democratic Party", "Vermont Public Radio")."""
    if text.isupper() and len(text.split()) > 3:
        return None
    for part in text.split(","):
        head = _OF_BODY.split(part, maxsplit=1)[0]
        if head != part and "’" not in head and "'" not in head and _full_name(head) is not None:
            part = head  # "Jonah Goldberg of the anti-Trump National Review"
        name = canonical_name(part)
        words = name.split()
        if len(words) < 2 or words[0] in ("The", "A", "An"):
            continue
        if not all(w[:1].isupper() for w in words):
            continue
        if words[-1].lower() in _BODY_WORDS or words[-1].lower() in _NOT_PERSON_HEADS:
            return None
        lead = part[: part.rfind(words[0])] if words[0] in part else ""
        if any(m.group(1) not in TITLES for m in _INSIDE_DESCRIPTION.finditer(lead)):
            return None  # "aide to President Bo Lind", not "secretary of state Bo Lind"
        return name
    return None


#: A name's affiliation after it: "Ana Ruiz of the Avel Review", "Bo Lind at Avel University",
#: "Bo Lind of the law firm Ruiz Vale".
_OF_BODY = re.compile(r"\s+(?:of|at|from|with)\s+(?=(?:[a-z]+\s+){0,3}\S*[A-Z])")
#: Last words of a body's name that the speaker module's list of non-person heads lacks.
_BODY_WORDS = frozenset(
    {"today", "edition", "radio", "parliament", "league", "watch", "network", "magazine", "review"}
)
#: A lower-case word and a preposition before the name: unless the word is a title
#: ("secretary of state"), the name is inside a description ("aide to President …", "a lawyer
#: with the office of law firm …").
_INSIDE_DESCRIPTION = re.compile(r"\b([a-z][\w-]*)\s+(?:to|of|for|with|at|by|from|about)\b")


def _without_suffix(toks: tuple[str, ...]) -> tuple[str, ...]:
    """Name tokens without a generational suffix: "Harry B. Harris Jr." is the Harris that
    "Admiral Harris" names."""
    while len(toks) > 1 and toks[-1] in _SUFFIXES:
        toks = toks[:-1]
    return toks


def name_matches(got: str | None, want: tuple[str, ...]) -> bool:
    """Is the resolved speaker ``got`` the person whose name tokens are ``want`` (in text order)?
    The same person, not the same string: the same tokens in any order, or, ending in the same
    surname, two or more of them (gold Sources carry labels: "Democrat Hillary Clinton") or all of
    them and more (gold marks part of a name: "Wasserman Schultz"; this also lets a stray word
    before a name pass, "Billionaire Donald Trump", as ``same_speaker`` does in the verdicts)."""
    if got is None:
        return False
    toks = _without_suffix(_name_tokens(got))
    want = _without_suffix(want)
    if sorted(toks) == sorted(want):
        return True
    if not toks or toks[-1] != want[-1]:
        return False
    return (len(toks) >= 2 and set(toks) <= set(want)) or set(want) <= set(toks)


def _expected_names(art: Article) -> dict[int, tuple[str, ...]]:
    """For gold quotes (by index) whose Source names a person: the name tokens the speaker
    should resolve to. A full name stands for itself; a lone surname for the one full name
    among the article's gold Sources that ends in it (skipped when none or several do, or when
    the article writes another first name before that surname)."""
    sources = [_PARTY.sub("", " ".join(art.text[a:b] for a, b in g.source)) for g in art.gold]
    fulls: dict[int, tuple[str, ...]] = {}
    by_last: dict[str, set[tuple[str, ...]]] = {}
    for k, src in enumerate(sources):
        full = _full_name(src)
        toks = _without_suffix(_name_tokens(full)) if full is not None else ()
        if len(toks) >= 2:  # "Admiral Harris" is a title and a surname, not a full name
            fulls[k] = toks
            by_last.setdefault(toks[-1], set()).add(toks)
    out = dict(fulls)
    first_names: dict[str, set[str]] = {}
    for k, src in enumerate(sources):
        if k in fulls:
            continue
        word = canonical_name(src)
        toks = _without_suffix(_name_tokens(word))
        if len(toks) != 1 or not word[:1].isupper() or word.lower() in _PRONOUN_WORDS:
            continue  # not a surname, titled ("Admiral Harris") or bare
        owners = by_last.get(toks[0], set())
        if len(owners) != 1:
            continue
        surname = word.split()[-1]  # "Admiral Harris": the first names go before "Harris"
        if surname not in first_names:
            first_names[surname] = _first_names(art.text, surname)
        owner = next(iter(owners))
        if first_names[surname] <= set(owner):
            out[k] = owner
    return out


def _first_names(text: str, surname: str) -> set[str]:
    """First names the article writes before ``surname`` ("Ivanka Trump", "Donald J. Trump"):
    a surname that two people in the story share is no gold name, whichever Source has it."""
    pattern = r"\b([A-Z][a-z]+)(?:\s+[A-Z]\.)?\s+" + re.escape(surname) + r"\b"
    found = {m.group(1) for m in re.finditer(pattern, text)} - _NOT_FIRST
    found = {w for w in found if w.lower() not in TITLES}
    # A word the text also writes in lower case ("Yet Clinton said") opens a sentence.
    return {w.lower() for w in found if not _lower_word_in(text, w.lower())}


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
            predictions.append(quote_claims(art.text))
        passes.append(time.perf_counter() - started)
    elapsed = sorted(passes)[len(passes) // 2]

    tp_gold = n_gold = tp_pred = n_pred = 0
    spk_right = spk_total = 0
    name_right = name_total = 0
    shown = 0
    for art, preds in zip(articles, predictions, strict=True):
        n_gold += len(art.gold)
        n_pred += len(preds)
        expected = _expected_names(art)
        for k, g in enumerate(art.gold):
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
            if k in expected:
                name_total += 1
                got_name = best.speaker
                name_ok = name_matches(got_name, expected[k])
                name_right += name_ok
                if not name_ok and show == "names" and shown < limit:
                    shown += 1
                    print(
                        f"NAME {art.name}: want {' '.join(expected[k])!r} got {got_name!r}\n"
                        f"    {_context(art.text, g.span, 120)}\n"
                    )
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
        "name_accuracy": name_right / name_total if name_total else 0.0,
        "name_total": name_total,
        "articles_per_second": len(articles) / elapsed if elapsed else float("inf"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", nargs="?", type=Path, default=DEFAULT_SPLIT)
    parser.add_argument("--show", choices=["fn", "fp", "spk", "names"])
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
        f"names    accuracy={r['name_accuracy']:.4f} (over {r['name_total']} found quotes whose "
        f"gold source names a person in full in the article)\n"
        f"speed    {r['articles_per_second']:.1f} articles/s (one core, extraction + attribution, "
        f"median of {args.repeat} passes)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
