"""Reference passages, and the candidate index that picks the few worth aligning in a big corpus.

A reference document is read the same way as a draft: its quotes and who said them (so the corpus
knows that the envoy, not the ambassador, said "over 24,000 containers"), and its sentences (so a
figure a draft states outside any quote can be compared with the sentence it came from).

The index is an inverted index of hashed word shingles. Full alignment against every passage costs
about 0.6 s per quote at 1M passages; shingle postings narrow that to ~50 candidates in well under a
millisecond (DESIGN.md, "Corpus index"). Text is normalised, lower-cased and DIGIT-MASKED before
shingling, so "over 42,000 containers" still retrieves the passage that says "over 24,000".

The in-memory structure here is deliberately plain -- a list of passages, a dict of posting lists
keyed by a stable 32-bit hash -- so that a memory-mapped version (one text blob plus offsets,
sorted key and posting arrays, a deleted bitmap) can replace it behind the same methods without
changing the hashing or the ranking. Python's own ``hash`` is not used: it differs between
processes.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from operator import itemgetter

from checking.model import Document, Passage, Span
from checking.names import trusted_speaker
from checking.speakers import quote_claims
from checking.text import DASHES, DOUBLE_QUOTES, SINGLE_QUOTES, paragraphs, sentences

__all__ = [
    "CorpusIndex",
    "key_tokens",
    "match_key",
    "passages",
    "search_key",
    "shingle_tokens",
]


def _wordset(words: str) -> frozenset[str]:
    """A set of words written as one whitespace-separated string (easier to read and extend)."""
    return frozenset(words.split())


#: Number words are masked like digits, so "three" -> "four" still retrieves the source.
_NUMBER_WORDS = _wordset(
    """
    zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred thousand million billion trillion dozen dozens hundreds thousands millions billions
    bn mn tn percent half halves third thirds quarter quarters
    """
)
_DIGIT = re.compile(r"\d")
_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*|\d+(?:[.,]\d+)*")
_TURN = re.compile(r"(?P<name>[A-Z][\w.'’ -]{0,60}?)\s*:\s+(?=\S)")


def search_key(normalised_text: str) -> str:
    """Lower-case, digit-masked form of already normalised text, with the same length.

    Keeping the length lets an alignment found on the key be mapped straight back through the
    normalisation offset map; masking each digit (not each number) keeps it length-preserving too.
    """
    low = normalised_text.lower()
    if len(low) != len(normalised_text):  # a few characters lower-case to two ("İ")
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in normalised_text)
    return _DIGIT.sub("0", low)


_STRAIGHTEN = str.maketrans(
    {
        **{c: '"' for c in DOUBLE_QUOTES},
        **{c: "'" for c in SINGLE_QUOTES},
        **{c: "-" for c in DASHES},
    }
)
_SPACE = re.compile(r"\s+")


def match_key(text: str) -> str:
    """NFKC, straight quote marks and dashes, lower case, digits masked, single spaces.

    The same reading as ``search_key(normalise(text).text)`` but at C speed and without an offset
    map: what the index shingles and the verifier's first pass scores.
    """
    t = unicodedata.normalize("NFKC", text).translate(_STRAIGHTEN).lower()
    return _DIGIT.sub("0", _SPACE.sub(" ", t).strip())


def shingle_tokens(text: str) -> list[str]:
    """The words of ``text`` as the index sees them: normalised, lower-cased, numbers as ``#``."""
    return key_tokens(match_key(text))


def key_tokens(key: str) -> list[str]:
    """The words of a ``match_key``, numbers and number words as ``#``."""
    out: list[str] = []
    for tok in _TOKEN.findall(key):
        out.append("#" if tok[0].isdigit() or tok in _NUMBER_WORDS else tok)
    return out


def _crc(s: str) -> int:
    return zlib.crc32(s.encode("utf-8"))


def _trigram_keys(tokens: list[str]) -> set[int]:
    return {_crc("3\x1f" + " ".join(tokens[i : i + 3])) for i in range(len(tokens) - 2)}


def _unigram_keys(tokens: list[str]) -> set[int]:
    return {_crc("1\x1f" + t) for t in tokens if t != "#"}


#: Shingle counts saturate here; the tie-break distance packs two of them into 16 bits.
SIZE_MAX = 65_535


def rank_sizes(tokens: list[str]) -> tuple[int, int]:
    """(distinct word 3-grams, distinct words other than numbers): the keys a passage is found by.

    The ranking's tie-break compares these with the query's (see :func:`tie_distance`).
    """
    tri = len({" ".join(tokens[i : i + 3]) for i in range(len(tokens) - 2)})
    words = len({t for t in tokens if t != "#"})
    return min(tri, SIZE_MAX), min(words, SIZE_MAX)


def tie_distance(query: tuple[int, int], tri: int, words: int) -> int:
    """How far a passage's :func:`rank_sizes` are from the query's, for passages that share as
    many shingles with it: the closest first, so among passages that hold all of the query the
    one with nothing else wins ("a a a a" over "a a a b" for the query "a a a a"). The kind of
    key the query is ranked by (3-grams, or words under three words) is compared first.
    """
    d_tri = min(abs(tri - query[0]), 255)
    d_words = min(abs(words - query[1]), 255)
    return d_words * 256 + d_tri if query[0] == 0 else d_tri * 256 + d_words


def _display_name(name: str) -> str:
    """ "DOROTHY SHEA" -> "Dorothy Shea": transcripts shout their speaker names."""
    name = " ".join(name.split())
    return name.title() if name.isupper() else name


def _transcript_turns(text: str) -> list[tuple[str, Span]]:
    """``SPEAKER: text`` turns; a paragraph without a speaker prefix continues the previous turn."""
    turns: list[tuple[str, Span]] = []
    for a, b in paragraphs(text):
        m = _TURN.match(text, a, b)
        if m is not None and len(m.group("name").split()) <= 5:
            turns.append((_display_name(m.group("name")), (m.end(), b)))
        elif turns:
            name, (ta, _) = turns[-1]
            turns[-1] = (name, (ta, b))
    return turns


def passages(document: Document) -> list[Passage]:
    """A reference document's quote passages (with their speakers) and its sentences.

    - ``speaker`` set (a statement): every paragraph is that speaker's words.
    - ``kind == "transcript"``: ``SPEAKER: text`` turns, one passage per turn.
    - otherwise (an article): its direct quotes, attributed as a draft's would be, keeping the
      speaker only when it is clearly a person's name (:func:`checking.names.trusted_speaker`):
      a wrong reference speaker would make every faithful draft quote look misattributed, while
      a missing one only costs the chance to catch a misattribution of that quote.

    Every sentence is also a ``sentence`` passage (speaker None), so figures stated outside quotes
    can be checked against the reported text, quoted or not.
    """
    text = document.text
    out: list[Passage] = []

    def add(kind: str, span: Span, speaker: str | None) -> None:
        a, b = span
        if a < b:
            out.append(Passage(document.id, document.title, kind, (a, b), text[a:b], speaker))

    if document.speaker:
        for span in paragraphs(text):
            add("quote", span, document.speaker)
    elif document.kind == "transcript" and (turns := _transcript_turns(text)):
        for name, span in turns:
            add("quote", span, name)
    else:
        for q in quote_claims(text):
            add(
                "quote", q.span, trusted_speaker(text, q.speaker, q.speaker_span, quote_span=q.span)
            )
    for span in sentences(text):
        add("sentence", span, None)
    return out


class CorpusIndex:
    """Word-shingle candidate index over passages: recall first, cheap, rebuilt from the store.

    Ranking counts distinct word 3-grams shared with the query; quotes shorter than three words,
    or whose 3-grams barely match (a heavily reworded quote), also count shared words. Posting lists
    longer than ``max_postings`` (shingles in a large share of the corpus) stop growing and are
    ignored at query time: they cost the most and discriminate least. Ties go to the shorter
    passage, so a passage's own text ranks it above a longer passage that contains it.

    ``add`` replaces any passages already indexed for the same documents, so re-ingesting a
    document is idempotent; give all of one document's passages in one call.
    """

    def __init__(self, *, max_postings: int = 50_000) -> None:
        self._max_postings = max_postings
        self._reset()

    def _reset(self) -> None:
        self._passages: list[Passage | None] = []
        #: Per passage: its ``match_key`` (what the verifier's first pass scores) and word count.
        self._keys: list[str] = []
        self._sizes: list[tuple[int, int]] = []
        self._documents: dict[str, list[int]] = {}
        self._postings: dict[int, list[int]] = {}
        self._saturated: set[int] = set()
        self._live = 0

    @classmethod
    def build(cls, passages: Iterable[Passage], *, max_postings: int = 50_000) -> CorpusIndex:
        """An index over ``passages``."""
        index = cls(max_postings=max_postings)
        index.add(passages)
        return index

    def __len__(self) -> int:
        return self._live

    def __iter__(self) -> Iterator[Passage]:
        """The live passages, in insertion order (for brute-force checks and rebuilding)."""
        return (p for p in self._passages if p is not None)

    def __contains__(self, document_id: object) -> bool:
        """Whether a document (by id) has passages in the index."""
        return document_id in self._documents

    def add(self, passages: Iterable[Passage]) -> None:
        """Index ``passages``; documents already indexed are replaced by the new passages."""
        batch = list(passages)
        for doc_id in {p.document_id for p in batch}:
            self.remove(doc_id)
        for p in batch:
            pid = len(self._passages)
            key = match_key(p.text)
            tokens = key_tokens(key)
            self._passages.append(p)
            self._keys.append(key)
            self._sizes.append(rank_sizes(tokens))
            self._documents.setdefault(p.document_id, []).append(pid)
            self._live += 1
            for h in _trigram_keys(tokens) | _unigram_keys(tokens):
                if h in self._saturated:
                    continue
                posting = self._postings.setdefault(h, [])
                posting.append(pid)
                if len(posting) > self._max_postings:
                    self._saturated.add(h)
                    del self._postings[h]

    def remove(self, document_id: str) -> int:
        """Drop a document's passages; returns how many were removed.

        Removal tombstones the passages (postings are filtered at query time) and compacts once
        more than half the slots are dead, which is also how an array-backed index would do it.
        """
        ids = self._documents.pop(document_id, [])
        for pid in ids:
            self._passages[pid] = None
            self._keys[pid] = ""
        self._live -= len(ids)
        if ids and len(self._passages) > 2 * max(self._live, 16):
            self._compact()
        return len(ids)

    def _compact(self) -> None:
        live = list(self)
        self._reset()
        self.add(live)

    def _count(
        self, keys: Iterable[int], hits: Counter[int], weight: int, *, cap: int | None = None
    ) -> None:
        for key in keys:
            posting = self._postings.get(key)
            if posting is not None and (cap is None or len(posting) <= cap):
                if weight == 1:
                    hits.update(posting)
                else:
                    for pid in posting:
                        hits[pid] += weight

    def search(
        self, text: str, *, limit: int = 50, kind: str | None = None
    ) -> list[tuple[Passage, str]]:
        """Like :meth:`candidates`, with each passage's ``match_key`` (saves the verifier work)."""
        tokens = shingle_tokens(text)
        if not tokens or limit <= 0:
            return []
        hits: Counter[int] = Counter()
        trigrams = _trigram_keys(tokens)
        if trigrams:
            self._count(trigrams, hits, 3)
        best = max(hits.values(), default=0)
        if len(tokens) < 3:
            self._count(_unigram_keys(tokens), hits, 1)
        elif best < 3 * max(1, len(trigrams) // 3):
            # Heavily reworded (or not in the corpus at all): shared rare words count too. Words
            # in more than 0.5% of passages say little and would flood the tally.
            self._count(_unigram_keys(tokens), hits, 1, cap=max(64, self._live // 200))
        passages = self._passages
        sizes = self._sizes
        query = rank_sizes(tokens)
        # Rank by shared shingles, ties by tie_distance; a generous C-level pre-cut keeps the
        # Python-level tie-break and kind filter off the long tail of one-word hits.
        width = limit * 4 if kind is None else limit * 8
        rough = heapq.nlargest(width, hits.items(), key=itemgetter(1))
        pool = [
            (count, -tie_distance(query, *sizes[pid]), -pid)
            for pid, count in rough
            if (p := passages[pid]) is not None and (kind is None or p.kind == kind)
        ]
        if len(pool) < limit and len(rough) < len(hits):
            pool = [
                (count, -tie_distance(query, *sizes[pid]), -pid)
                for pid, count in hits.items()
                if (p := passages[pid]) is not None and (kind is None or p.kind == kind)
            ]
        out: list[tuple[Passage, str]] = []
        for _, _, neg_pid in heapq.nlargest(limit, pool):
            p = passages[-neg_pid]
            assert p is not None
            out.append((p, self._keys[-neg_pid]))
        return out

    def candidates(self, text: str, *, limit: int = 50, kind: str | None = None) -> list[Passage]:
        """Up to ``limit`` passages most likely to contain ``text``, best first.

        ``kind`` restricts to ``quote`` or ``sentence`` passages. Recall matters more than order:
        the verifier aligns the survivors and has the last word.
        """
        return [p for p, _ in self.search(text, limit=limit, kind=kind)]
