"""Verification: is a claim's text in a candidate passage, where exactly, and how does it differ?

Retrieval (:mod:`checking.corpus`) is tuned for recall; this module has the last word. It works in
two steps, cheapest first (DESIGN.md measurements: ``partial_ratio`` costs ~4 us for a fragment
against a sentence but ~80 us for two sentences):

1. a C-level ``process.extract`` with ``partial_ratio`` over every candidate's cheap key
   (NFKC, straight quotes, lower case, digits masked) keeps a short list;
2. only the short list is normalised properly and aligned with ``partial_ratio_alignment``. A claim
   with an ellipsis or a [bracketed] clarification is aligned piece by piece, since those are
   allowed edits that would otherwise drag the score down. The aligned window is widened to whole
   words and then trimmed with a word diff, so the reported source span is exactly the words the
   draft quotes, in document offsets.

Digits are masked for the "same passage?" score (``masked_score``) so a changed number still finds
its source, and kept for the reported ``score`` so a changed number shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from checking.corpus import CorpusIndex, key_tokens, match_key, search_key
from checking.model import DiffOp, Passage, Span
from checking.text import Normalised, normalise

__all__ = [
    "MIN_SCORE",
    "Match",
    "brute_force",
    "content_words",
    "context_matches",
    "diff_tokens",
    "find_evidence",
    "required_score",
    "verify",
    "word_diff",
]


def _wordset(words: str) -> frozenset[str]:
    """A set of words written as one whitespace-separated string (easier to read and extend)."""
    return frozenset(words.split())


#: Masked alignment score (0-100) from which a passage counts as the claim's source. Measured on
#: PolNeAR quotes against 14k passages of other articles: the median best score of a quote with no
#: source is ~49 and under 1% of long ones reach 70; reworded quotes land around 75-90.
MIN_SCORE = 70.0
#: Claims shorter than this many characters need a higher score: five common words line up with
#: some sentence somewhere ("We are going to win so much" ~ "We are going to take a much": 81),
#: and under ~20 characters only an exact match counts.
SHORT_CLAIM = 80


def required_score(claim_length: int, *, min_score: float = MIN_SCORE) -> float:
    """The masked score a claim of ``claim_length`` characters needs to count as matched."""
    return min(100.0, min_score + max(0.0, (SHORT_CLAIM - claim_length) / 2))


#: Ellipses and bracketed insertions: allowed edits that split a claim into separately aligned
#: parts.
_GAP = re.compile(r"\.{3,}|\[[^\]]*\]")
_EDGE = " \t\"'()[]{}.,;:!?-"
#: "[Trump]'s": the possessive belongs to the bracketed clarification, not to the next segment.
_POSSESSIVE_AFTER_GAP = re.compile(r"^'s\b")
_DIFF_TOKEN = re.compile(r"\d[\d.,]*\s(?:per\s?cent|percent)\b|\.{3,}|(?:[^\s.]|\.(?!\.\.))+")
_PERCENT_WORD = re.compile(r"\s*(?:per\s?cent|percent)\b")
_PERCENT_FORM = re.compile(r"(\d)(\s?%|\s(?:per\s?cent|percent)\b)")


@dataclass(frozen=True, slots=True)
class Match:
    """A passage aligned with a claim.

    ``span`` is the aligned source in document offsets and ``text`` the document's characters in it;
    ``masked_score`` (digits masked) says whether this is the claim's source, ``score`` (digits
    kept) how close the wording is.
    """

    passage: Passage
    score: float
    masked_score: float
    span: Span
    text: str


def _segments(norm: str) -> list[str]:
    """The parts of a normalised claim between ellipses and [brackets], edges trimmed."""
    out = []
    for part in _GAP.split(norm):
        part = _POSSESSIVE_AFTER_GAP.sub("", part).strip(_EDGE)
        if any(c.isalnum() for c in part):
            out.append(part)
    return out


# --- word diff ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Tok:
    text: str
    key: str
    start: int
    end: int


def _token_key(tok: str) -> str:
    low = tok.lower()
    if low[:1].isdigit():
        low = _PERCENT_WORD.sub("%", low)
    stripped = low.strip(_EDGE)
    return stripped or low


def _tokens(norm: str) -> list[_Tok]:
    return [
        _Tok(m.group(), _token_key(m.group()), m.start(), m.end())
        for m in _DIFF_TOKEN.finditer(norm)
    ]


def diff_tokens(text: str) -> list[str]:
    """The words :func:`word_diff` compares, as they appear in the normalised text."""
    return [t.text for t in _tokens(normalise(text).text)]


def _opcodes(a: list[_Tok], b: list[_Tok]) -> list[tuple[str, int, int, int, int]]:
    """Word-level edit script from ``a`` (draft) to ``b`` (source), adjacent edits merged.

    Returned tags use the result contract's sense: ``insert`` = words only the draft has,
    ``delete`` = source words the draft leaves out.
    """
    raw = Levenshtein.opcodes([t.key for t in a], [t.key for t in b])
    merged: list[list[int | str]] = []
    for op in raw:
        equal = op.tag == "equal"
        if merged and not equal and merged[-1][0] != "equal":
            merged[-1][2], merged[-1][4] = op.src_end, op.dest_end
        else:
            merged.append(
                ["equal" if equal else "x", op.src_start, op.src_end, op.dest_start, op.dest_end]
            )
    out: list[tuple[str, int, int, int, int]] = []
    for tag, i1, i2, j1, j2 in merged:
        assert isinstance(i1, int) and isinstance(i2, int) and isinstance(j1, int)
        assert isinstance(j2, int)
        if tag != "equal":
            tag = "replace" if i1 < i2 and j1 < j2 else ("insert" if i1 < i2 else "delete")
        out.append((str(tag), i1, i2, j1, j2))
    return out


def word_diff(draft: str, source: str) -> list[DiffOp]:
    """Word-level differences between a draft's text and its source text.

    Words are compared normalised, lower-cased and without surrounding punctuation, so quote-mark
    style, case and a trailing comma do not show as changes, and "48 percent" equals "48%"; each
    op carries the words as written (normalised) on each side, so joining the ``draft`` (or
    ``source``) parts with spaces gives back that side's words.
    """
    a = _tokens(normalise(draft).text)
    b = _tokens(normalise(source).text)
    ops: list[DiffOp] = []
    for tag, i1, i2, j1, j2 in _opcodes(a, b):
        ops.append(
            DiffOp(
                op=tag,
                draft=" ".join(t.text for t in a[i1:i2]),
                source=" ".join(t.text for t in b[j1:j2]),
            )
        )
    return ops


# --- alignment ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Prepared:
    """A passage normalised once, with its masked and unmasked lower-case keys."""

    passage: Passage
    norm: Normalised
    masked: str
    lower: str
    tokens: list[_Tok]


def _prepare(passage: Passage) -> _Prepared:
    norm = normalise(passage.text)
    masked = search_key(norm.text)
    lower = norm.text.lower()
    if len(lower) != len(masked):  # keep offsets shared with ``masked``
        lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in norm.text)
    return _Prepared(passage, norm, masked, lower, _tokens(norm.text))


def _widen(text: str, a: int, b: int, margin: int) -> tuple[int, int]:
    """Widen ``[a, b)`` by ``margin`` characters and out to whole words."""
    a, b = max(0, a - margin), min(len(text), b + margin)
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    while b < len(text) and not text[b].isspace():
        b += 1
    return a, b


def _trim(seg_tokens: list[_Tok], prep: _Prepared, a: int, b: int) -> tuple[int, int]:
    """Shrink a source window to the words the claim segment covers (drop source-only edges)."""
    window = [t for t in prep.tokens if t.start >= a and t.end <= b]
    if not window:
        return a, b
    ops = _opcodes(seg_tokens, window)
    first, last = 0, len(window)
    if ops and ops[0][0] == "delete":
        first = ops[0][4]
    if ops and ops[-1][0] == "delete":
        last = ops[-1][3]
    if first >= last:
        return window[0].start, window[-1].end
    return window[first].start, window[last - 1].end


def _word_occurrence(needle: str, hay: str) -> tuple[int, int] | None:
    """Where ``needle`` first occurs verbatim in ``hay`` without cutting a word, if anywhere.

    A verbatim quote is the common case and needs no fuzzy alignment; and the best-scoring
    alignment can start inside a word ("eta beta" inside "beta beta"), which snapping to whole
    words then spoils although the same words stand whole further on.
    """
    if not needle:
        return None
    head, tail = needle[0].isalnum(), needle[-1].isalnum()
    start = hay.find(needle)
    while start >= 0:
        end = start + len(needle)
        if not (head and start > 0 and hay[start - 1].isalnum()) and not (
            tail and end < len(hay) and hay[end].isalnum()
        ):
            return start, end
        start = hay.find(needle, start + 1)
    return None


def _align(segments: list[str], prep: _Prepared) -> Match:
    """Align each claim segment inside the passage; scores are length-weighted over segments."""
    spans: list[tuple[int, int]] = []
    masked_total = plain_total = weight = 0.0
    for seg in segments:
        seg_masked = search_key(seg)
        exact = _word_occurrence(seg_masked, prep.masked)
        if exact is not None:
            a, b = exact
        elif len(seg_masked) > len(prep.masked):
            a, b = 0, len(prep.masked)
        else:
            al = fuzz.partial_ratio_alignment(
                seg_masked, prep.masked, processor=None, score_cutoff=0
            )
            if al is None:  # pragma: no cover - score_cutoff=0 always aligns
                continue
            # The raw window snapped to whole words is right when the wording is close; a wider
            # window, trimmed by a word diff, recovers words the draft added or dropped. Keep the
            # better (the shorter on a tie).
            seg_tokens = _tokens(seg)
            tight = _trim(seg_tokens, prep, *_widen(prep.masked, al.dest_start, al.dest_end, 0))
            margin = max(8, len(seg) // 5)
            wide = _trim(seg_tokens, prep, *_widen(prep.masked, al.dest_start, al.dest_end, margin))
            a, b = max(
                (tight, wide),
                key=lambda ab: (
                    fuzz.ratio(
                        seg_masked, prep.masked[ab[0] : ab[1]], processor=None, score_cutoff=0
                    ),
                    ab[0] - ab[1],
                ),
            )
        spans.append((a, b))
        w = float(len(seg))
        masked_total += w * fuzz.ratio(seg_masked, prep.masked[a:b], processor=None, score_cutoff=0)
        plain_total += w * fuzz.ratio(seg.lower(), prep.lower[a:b], processor=None, score_cutoff=0)
        weight += w
    if not spans:
        a, b = 0, len(prep.norm.text)
    else:
        a, b = min(s for s, _ in spans), max(e for _, e in spans)
    oa, ob = prep.norm.to_original(a, b)
    base = prep.passage.span[0]
    return Match(
        passage=prep.passage,
        score=round(plain_total / weight, 1) if weight else 0.0,
        masked_score=round(masked_total / weight, 1) if weight else 0.0,
        span=(base + oa, base + ob),
        text=prep.passage.text[oa:ob],
    )


#: A short claim below its character-score threshold still matches when this share of its words
#: (at least ``MIN_SUPPORT_WORDS``) line up, in order, with the passage's: "Skating is a way to
#: happy our freedom" is an altered quote of "Skating is a way to express our freedom", although
#: one changed word in eight costs more characters than a short claim is allowed.
WORD_SUPPORT = 0.75
MIN_SUPPORT_WORDS = 5


def _word_support(segments: list[str], source: str) -> bool:
    claim = [t.key for seg in segments for t in _tokens(seg)]
    if len(claim) < MIN_SUPPORT_WORDS + 1:
        return False
    ref = [t.key for t in _tokens(normalise(source).text)]
    equal = sum(
        op.src_end - op.src_start for op in Levenshtein.opcodes(claim, ref) if op.tag == "equal"
    )
    return equal >= MIN_SUPPORT_WORDS and equal >= WORD_SUPPORT * len(claim)


def verify(
    text: str,
    candidates: Sequence[Passage],
    *,
    limit: int = 3,
    min_score: float = MIN_SCORE,
    shortlist: int = 4,
    keys: Sequence[str] | None = None,
) -> list[Match]:
    """The candidates that contain ``text`` (allowing edits), best first.

    ``text`` may be a fragment of a longer passage (a partial quote); the match reports where in
    the document the fragment sits. Only matches whose masked score reaches ``min_score`` count.
    ``keys`` are the candidates' ``match_key`` values when the caller already has them.
    """
    segments = _segments(normalise(text).text)
    if not segments or not candidates:
        return []
    if _PERCENT_FORM.search(text):
        # "9%" and "9 percent" are one figure; align whichever form the source uses.
        alt = _PERCENT_FORM.sub(
            lambda m: m.group(1) + ("%" if m.group(2) != "%" else " percent"), text
        )
        both = _verify(segments, candidates, limit, min_score, shortlist, keys)
        both += _verify(
            _segments(normalise(alt).text), candidates, limit, min_score, shortlist, keys
        )
        both.sort(key=lambda m: (-m.masked_score, -m.score, len(m.passage.text)))
        out: list[Match] = []
        for m in both:
            if all(m.passage is not o.passage for o in out):
                out.append(m)
        return out[:limit]
    return _verify(segments, candidates, limit, min_score, shortlist, keys)


def _verify(
    segments: list[str],
    candidates: Sequence[Passage],
    limit: int,
    min_score: float,
    shortlist: int,
    keys: Sequence[str] | None,
) -> list[Match]:
    if not segments:
        return []
    query = match_key(" ".join(segments))
    if keys is None:
        keys = [match_key(p.text) for p in candidates]
    needed = required_score(len(query), min_score=min_score)
    short = process.extract(
        query,
        keys,
        scorer=fuzz.partial_ratio,
        processor=None,
        score_cutoff=max(0.0, needed - 15),
        limit=shortlist,
    )
    matches = [_align(segments, _prepare(candidates[i])) for _, _, i in short]
    good = [
        m
        for m in matches
        if m.masked_score >= needed
        or (m.masked_score >= min_score and _word_support(segments, m.text))
    ]
    good.sort(key=lambda m: (-m.masked_score, -m.score, len(m.passage.text)))
    return good[:limit]


#: Words too common to show that two sentences report the same thing.
_COMMON = _wordset(
    """
    a an the of to in on at by for from with and or but as is are was were be been has have had
    it its that this these those he she they we i you his her their our said says say than
    which who will would not no so if also into over about after since more most its
    """
)


_SUFFIXES = ("ings", "ing", "ied", "ies", "ed", "es", "s")


def _stem(word: str) -> str:
    """A crude stem, enough that "vetoed", "vetoing" and "veto" count as one word."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> set[str]:
    """Stemmed words of ``text`` that say what it is about: no numbers, no common words."""
    return _content(match_key(text))


def _content(key: str) -> set[str]:
    return {_stem(t) for t in key_tokens(key) if t not in _COMMON and t != "#"}


def context_matches(
    text: str,
    candidates: Sequence[Passage],
    *,
    keys: Sequence[str] | None = None,
    min_overlap: float = 0.6,
    min_dice: float = 0.35,
    min_shared: int = 4,
    limit: int = 3,
) -> list[Match]:
    """Passages that report the same thing as ``text``, by shared content words, best first.

    For the words around a figure stated outside quotes: a draft paraphrases and reorders the
    reference sentence, so character alignment is the wrong measure; shared content words
    (stemmed, numbers masked, common words ignored) are robust to both. A passage must cover
    ``min_overlap`` of the context's words, and the overlap must also be a fair part of the
    passage (Dice >= ``min_dice``), so a long sentence that merely mentions the same names does not
    count. The match spans the whole passage; ``score`` is the covered share as a percentage.
    """
    mine = _content(match_key(text))
    if len(mine) < min_shared or not candidates:
        return []
    if keys is None:
        keys = [match_key(p.text) for p in candidates]
    scored: list[tuple[float, int]] = []
    for i, key in enumerate(keys):
        theirs = _content(key)
        shared = len(mine & theirs)
        share = shared / len(mine)
        dice = 2 * shared / (len(mine) + len(theirs))
        if shared >= min_shared and share >= min_overlap and dice >= min_dice:
            scored.append((share, i))
    scored.sort(key=lambda si: (-si[0], len(candidates[si[1]].text)))
    out: list[Match] = []
    for share, i in scored[:limit]:
        p = candidates[i]
        pct = round(100 * share, 1)
        out.append(Match(passage=p, score=pct, masked_score=pct, span=p.span, text=p.text))
    return out


def find_evidence(
    text: str,
    index: CorpusIndex,
    *,
    kind: str | None = "quote",
    limit: int = 3,
    min_score: float = MIN_SCORE,
    candidates: int = 30,
) -> list[Match]:
    """Retrieve candidates of ``kind`` from the index, then :func:`verify` them."""
    found = index.search(text, limit=candidates, kind=kind)
    return verify(
        text,
        [p for p, _ in found],
        keys=[k for _, k in found],
        limit=limit,
        min_score=min_score,
    )


def brute_force(
    text: str,
    passages: Iterable[Passage],
    *,
    kind: str | None = None,
    limit: int = 3,
    min_score: float = MIN_SCORE,
    shortlist: int = 20,
) -> list[Match]:
    """Reference matcher: score every passage (no index), align the best. Slow; for tests."""
    pool = [p for p in passages if kind is None or p.kind == kind]
    return verify(text, pool, limit=limit, min_score=min_score, shortlist=shortlist)
