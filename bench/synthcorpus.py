"""A documented generator of archive-sized reference corpora and 40-claim drafts, from PolNeAR.

PolNeAR's train split has ~840 news articles (~40k passages once read by ``checking.corpus``); an
archive has millions. Variant ``v`` of article ``a`` is article ``a`` with, per word, a 20% chance
of being replaced by a word drawn from the whole split's word frequencies, every digit re-drawn,
and its paragraphs lightly shuffled (variant 0 is the article itself). That keeps what matters to
the index realistic -- real sentence lengths, real function-word and shingle frequencies, quote
marks and attributions that extraction must read, and many near-duplicate sentences (as wire copy
repeated across outlets) -- while every passage is still distinct text.

Drafts quote passages of the generated corpus: exact quotes, quotes with one word changed, with a
number changed, fragments, quotes given to another speaker, invented quotes (not in the corpus),
and figures outside quotes taken from corpus sentences (some changed). The text is read at run time
from the split directory; nothing from it is copied into the repository.
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from checking.corpus import passages as extract_passages  # noqa: E402
from checking.model import Document, Passage  # noqa: E402

#: ``<repo>/../shared/data/polnear/train``: read at run time, never copied.
TRAIN_SPLIT = Path(__file__).resolve().parents[1].parent / "shared/data/polnear/train"

_WORD = re.compile(r"[A-Za-z]+")
_DIGIT = re.compile(r"\d")
SUBSTITUTION = 0.2


def read_articles(split: Path = TRAIN_SPLIT) -> list[tuple[str, str]]:
    """(name, text) of every article in the split, sorted by name."""
    files = sorted((split / "text").glob("*.txt"))
    if not files:
        raise SystemExit(f"no PolNeAR articles under {split}/text (see README: data)")
    return [(f.stem, f.read_text(encoding="utf-8")) for f in files]


class Generator:
    """Deterministic variants of the split's articles (see the module docstring)."""

    def __init__(self, articles: list[tuple[str, str]], seed: int = 7) -> None:
        self.articles = articles
        self.seed = seed
        self.vocab = [w for _, t in articles for w in _WORD.findall(t) if len(w) > 2]

    def variant(self, i: int) -> Document:
        name, text = self.articles[i % len(self.articles)]
        v = i // len(self.articles)
        if v == 0:
            return Document(id=f"{name}", title=name, text=text)
        rng = random.Random(self.seed * 1_000_003 + i)
        vocab = self.vocab

        def word(m: re.Match[str]) -> str:
            if rng.random() >= SUBSTITUTION:
                return m.group()
            w = vocab[rng.randrange(len(vocab))]
            return w.capitalize() if m.group()[0].isupper() else w.lower()

        paras = text.split("\n\n")
        head, body = paras[:1], paras[1:]
        for _ in range(len(body) // 4):  # light reordering: swap a few neighbouring paragraphs
            j = rng.randrange(max(1, len(body) - 1))
            body[j : j + 2] = body[j : j + 2][::-1]
        out = "\n\n".join(head + body)
        out = _WORD.sub(word, out)
        out = _DIGIT.sub(lambda _: str(rng.randrange(10)), out)
        return Document(id=f"{name}~{v}", title=f"{name} ({v})", text=out)

    def documents(self) -> Iterator[Document]:
        i = 0
        while True:
            yield self.variant(i)
            i += 1


def corpus(n_passages: int, gen: Generator) -> Iterator[tuple[Document, list[Passage]]]:
    """Documents with their extracted passages until ``n_passages`` passages (the last cut)."""
    total = 0
    for doc in gen.documents():
        ps = extract_passages(doc)
        if total + len(ps) >= n_passages:
            yield doc, ps[: n_passages - total]
            return
        total += len(ps)
        yield doc, ps


@dataclass(frozen=True)
class Draft:
    body: str
    #: The passages quoted (source of each quote paragraph, None when invented).
    sources: list[Passage | None]


def make_draft(pool: list[Passage], rng: random.Random, *, claims: int = 40) -> Draft:
    """A draft of ~``claims`` claims: 32 quote paragraphs and 8 figure sentences (see module)."""
    quotes = [p for p in pool if p.kind == "quote" and p.speaker and 6 <= len(p.text.split()) <= 45]
    figures = [
        p
        for p in pool
        if p.kind == "sentence"
        and _DIGIT.search(p.text)
        and not any(c in p.text for c in "\"“”‘’'")
        and 8 <= len(p.text.split()) <= 50
    ]
    speakers = sorted({p.speaker for p in quotes if p.speaker})
    paras: list[str] = []
    sources: list[Passage | None] = []
    n_quotes = claims * 4 // 5
    for j in range(n_quotes):
        p = rng.choice(quotes)
        words = p.text.split()
        mode = j % 10
        text = p.text.strip().strip('"“”')
        speaker = p.speaker
        if mode in (1, 2):  # one word changed
            k = rng.randrange(len(words))
            words[k] = rng.choice(["never", "always", "strongly", "certainly", "nobody"])
            text = " ".join(words)
        elif mode == 3:  # a number changed (or, without one, a fragment)
            text = (
                _DIGIT.sub(lambda _: str(rng.randrange(10)), text)
                if _DIGIT.search(text)
                else (" ".join(words[len(words) // 3 :]))
            )
        elif mode == 4:  # a fragment
            a = rng.randrange(max(1, len(words) - 5))
            text = " ".join(words[a : a + max(4, len(words) // 2)])
        elif mode == 5:  # given to someone else
            speaker = rng.choice(speakers)
        elif mode == 6:  # invented: words of the corpus in a new order
            shuffled = words[:]
            rng.shuffle(shuffled)
            text = " ".join(shuffled)
            p = None  # type: ignore[assignment]
        text = text.replace("“", "").replace("”", "").replace('"', "").strip()
        paras.append(f"“{text},” {speaker} said.")
        sources.append(p)
    for j in range(claims - n_quotes):
        p = rng.choice(figures)
        text = p.text
        if j % 2:
            text = _DIGIT.sub(lambda _: str(rng.randrange(1, 10)), text, count=1)
        paras.append(text)
    order = list(range(len(paras)))
    return Draft("\n\n".join(paras[i] for i in order), sources)


class BruteIndex:
    """The brute-force baseline behind the index interface: rapidfuzz over every passage.

    ``search`` scores the query against every passage of the kind with ``partial_ratio`` (the
    alignment the verifier uses) and keeps the best ``limit``; ``check_draft`` over it is what a
    checker without an index would run.
    """

    def __init__(self, passages: list[Passage], keys: list[str]) -> None:
        self.passages = passages
        self.by_kind: dict[str | None, list[int]] = {None: list(range(len(passages)))}
        for i, p in enumerate(passages):
            self.by_kind.setdefault(p.kind, []).append(i)
        self.keys = keys
        self.kind_keys = {k: [keys[i] for i in ids] for k, ids in self.by_kind.items()}

    def __len__(self) -> int:
        return len(self.passages)

    def search(
        self, text: str, *, limit: int = 50, kind: str | None = None
    ) -> list[tuple[Passage, str]]:
        from checking.corpus import match_key

        ids = self.by_kind.get(kind, [])
        found = process.extract(
            match_key(text),
            self.kind_keys.get(kind, []),
            scorer=fuzz.partial_ratio,
            processor=None,
            score_cutoff=40,
            limit=limit,
        )
        return [(self.passages[ids[j]], self.keys[ids[j]]) for _, _, j in found]

    def candidates(self, text: str, *, limit: int = 50, kind: str | None = None) -> list[Passage]:
        return [p for p, _ in self.search(text, limit=limit, kind=kind)]
