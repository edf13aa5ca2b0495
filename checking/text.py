"""Text normalisation with an exact offset map, and paragraph, sentence and word segmentation.

Matching compares normalised text (so a curly quote in a draft equals a straight one in the corpus),
but every span the checker reports must point at the characters the journalist wrote. ``Normalised``
therefore keeps, for each normalised character, the original characters that produced it.
Segmentation works directly on the original text so its spans need no mapping at all.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from checking.model import Span

__all__ = [
    "APOSTROPHES",
    "CLOSE_DOUBLE",
    "DASHES",
    "DOUBLE_QUOTES",
    "OPEN_DOUBLE",
    "SINGLE_QUOTES",
    "Normalised",
    "normalise",
    "paragraphs",
    "sentences",
    "words",
]


def _wordset(words: str) -> frozenset[str]:
    """A word list written as one whitespace-separated string."""
    return frozenset(words.split())


#: Every character treated as a double quote mark (mapped to ``"``).
DOUBLE_QUOTES = '"“”„‟«»〝〞〟＂❝❞⹂″'
#: Every character treated as a single quote mark or apostrophe (mapped to ``'``).
SINGLE_QUOTES = "'‘’‚‛‹›❛❜′ʼʹ＇"
#: Characters that can only open a double quote.
OPEN_DOUBLE = "“„‟«〝❝"
#: Characters that can only close a double quote (» opens in French-style »…« only rarely).
CLOSE_DOUBLE = "”»〞〟❞"
#: Apostrophe-only characters (never a quote mark).
APOSTROPHES = "ʼ"
#: Hyphens and dashes (mapped to ``-``).
DASHES = "‐‑‒–—―−⁃﹘﹣－"

_CHAR_MAP: dict[str, str] = {}
for _c in DOUBLE_QUOTES:
    _CHAR_MAP[_c] = '"'
for _c in SINGLE_QUOTES:
    _CHAR_MAP[_c] = "'"
for _c in DASHES:
    _CHAR_MAP[_c] = "-"
#: Invisible characters that carry no text: dropped by normalisation.
_DROP = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")


@dataclass(frozen=True, slots=True)
class Normalised:
    """Normalised text plus, per normalised character, the original span that produced it.

    ``_starts[i]``/``_ends[i]`` bound the original characters behind ``text[i]``; both lists are
    non-decreasing, so a normalised span maps to ``(starts[start], ends[end - 1])``.
    """

    text: str
    original: str
    _starts: tuple[int, ...]
    _ends: tuple[int, ...]

    def to_original(self, start: int, end: int) -> Span:
        """Map a half-open span of ``text`` to the half-open span of ``original`` that produced it.

        An empty span maps to the empty span at the original position of its character, so an
        insertion point stays an insertion point.
        """
        n = len(self.text)
        if not 0 <= start <= end <= n:
            raise ValueError(f"span ({start}, {end}) outside normalised text of length {n}")
        if start == end:
            pos = self._starts[start] if start < n else len(self.original)
            return pos, pos
        return self._starts[start], self._ends[end - 1]

    def to_normalised(self, pos: int) -> int:
        """The index in ``text`` of the first normalised character at or after original ``pos``."""
        return bisect_right(self._ends, pos)


def _is_combining(ch: str) -> bool:
    return unicodedata.combining(ch) != 0 or unicodedata.category(ch) in ("Mn", "Me")


def normalise(text: str) -> Normalised:
    """NFKC, one straight form for quote marks, apostrophes and dashes, single spaces.

    NFKC is applied per cluster (a base character and its combining marks) so every output
    character can be traced back to the cluster that produced it; a whitespace run becomes one
    space traced to the whole run.
    """
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i = 0
    n = len(text)
    if text.isascii():
        # The common case: only whitespace collapses, so skip the per-cluster NFKC work.
        for m in re.finditer(r"\s+|[^\s]+", text):
            a, b = m.span()
            if text[a].isspace():
                out.append(" ")
                starts.append(a)
                ends.append(b)
            else:
                out.append(m.group())
                starts.extend(range(a, b))
                ends.extend(range(a + 1, b + 1))
        return Normalised("".join(out), text, tuple(starts), tuple(ends))
    while i < n:
        ch = text[i]
        if ch.isspace():
            j = i + 1
            while j < n and (text[j].isspace() or text[j] in _DROP):
                j += 1
            out.append(" ")
            starts.append(i)
            ends.append(j)
            i = j
            continue
        if ch in _DROP:
            i += 1
            continue
        j = i + 1
        while j < n and _is_combining(text[j]):
            j += 1
        cluster = text[i:j]
        if ch.isascii() and j == i + 1:
            piece = ch
        else:
            piece = "".join(_CHAR_MAP.get(c, c) for c in unicodedata.normalize("NFKC", cluster))
            if any(c.isspace() for c in piece):
                piece = re.sub(r"\s+", " ", piece)
                if out and out[-1] == " " and piece.startswith(" "):
                    piece = piece[1:]
        for c in piece:
            out.append(c)
            starts.append(i)
            ends.append(j)
        i = j
    return Normalised("".join(out), text, tuple(starts), tuple(ends))


def paragraphs(text: str) -> list[Span]:
    """Spans of the non-blank lines, stripped of surrounding whitespace.

    News copy puts each paragraph on its own line (often with a blank line between), so any line
    break ends a paragraph.
    """
    return list(_paragraphs(text))


_LINE = re.compile(r"[^\n\r\u2028\u2029]+")


@lru_cache(maxsize=4)
def _paragraphs(text: str) -> tuple[Span, ...]:
    """Memoised for the last few texts: quote extraction and attribution each ask for one text's
    paragraphs several times."""
    spans: list[Span] = []
    for m in _LINE.finditer(text):
        a, b = m.span()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            spans.append((a, b))
    return tuple(spans)


#: Words that end in a full stop without ending the sentence (compared lower-case, without the dot).
ABBREVIATIONS = _wordset("""
    mr mrs ms messrs mme mlle dr prof sen sens rep reps gov govs gen lt col maj sgt capt cmdr adm
    cpl pvt brig supt insp det atty rev fr hon pres amb ambs sec supt gen'l st ste mt ft jr sr
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    no nos vol vols pp pg fig figs ch art ed eds approx est dept univ assn bros
    inc corp co ltd llc plc cie vs v etc al e.g i.e cf viz ca c
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo
    mont neb nev okla ore pa penn tenn tex va vt wash wis wisc wyo
    """)
#: Abbreviations that, before a capitalised word, still usually end the sentence.
_SENTENCE_FINAL_ABBREVIATIONS = _wordset(
    "inc corp co ltd llc plc etc jr sr bros al ala ariz ark calif colo conn del fla ga ill ind "
    "kan kans ky la md mass mich minn miss mo mont neb nev okla ore pa penn tenn tex va vt wash "
    "wis wisc wyo"
)
#: Words that commonly start a sentence: after "U.S." or "Inc." they signal a real break.
_SENTENCE_STARTERS = _wordset("""
    the a an he she it they we i you his her its their our this that these those there here but
    and so yet or in on at for if when while after before as since although though however
    meanwhile still then now mr mrs ms dr sen rep gov president officials some many most
    """)

_BOUNDARY = re.compile(
    r"""
    (?=[.!?…])                           # (lets the engine skip ahead to punctuation: faster)
    (?P<punct>[.!?…]+|(?<=[^.])\.)       # sentence-ending punctuation
    (?P<close>[\"'”’»)\]]*)              # closing quotes or brackets that belong to the sentence
    (?P<space>\s+|(?<=”)(?=[A-Z]))      # (a curly close glued to the next capital: a typo)
    (?=(?P<next>[\"'“‘«(\[]*[^\s]))      # what starts the next sentence
    """,
    re.VERBOSE,
)
_WORD_BEFORE = re.compile(r"([\w.'’-]+)$")
_FIRST_WORD = re.compile(r"[\"'“‘«(\[]*(\w[\w'’-]*)?")
_DOTTED_INITIALISM = re.compile(r"(?:[a-z]\.)+[a-z]")


def _ends_sentence(text: str, m: re.Match[str]) -> bool:
    punct = m.group("punct")
    nxt_start = m.end("space")
    rest = text[nxt_start : nxt_start + 40]
    first = _FIRST_WORD.match(rest)
    first_word = first.group(1) if first and first.group(1) else ""
    lead = rest.lstrip("\"'“‘«([")
    if not lead:
        return False
    if lead[0].islower():
        return False
    if "!" in punct or "?" in punct or "…" in punct or punct.endswith(".."):
        return True
    if m.group("close"):
        # ``.”`` or ``.)`` then a capital: the quote or aside closed the sentence.
        return True
    before = _WORD_BEFORE.search(text, max(0, m.start("punct") - 40), m.start("punct"))
    if before is None:
        return True
    word = before.group(1).strip("'’-")
    low = word.lower().rstrip(".")
    if not low:
        return True
    is_starter = first_word.lower() in _SENTENCE_STARTERS
    if _DOTTED_INITIALISM.fullmatch(low):
        # Dotted initialism (U.S., a.m., D.C.): a break only before a typical sentence opener.
        return is_starter
    if len(word) == 1 and word.isupper():
        # An initial (John F. Kennedy) -- unless a one-letter word ends the sentence (I, A).
        return word in "IA" and is_starter
    if low in ABBREVIATIONS:
        return low in _SENTENCE_FINAL_ABBREVIATIONS and is_starter
    return not (low.isdigit() and first_word.isdigit())


def sentences(text: str) -> list[Span]:
    """Sentence spans in the original text; a paragraph break always ends a sentence.

    A full stop ends a sentence when a capital (or an opening quote, bracket or digit) follows and
    the word before it is not an abbreviation (Mr., Sen., Jan.), an initial or a dotted initialism
    (U.S.); closing quotes and brackets after the stop stay with the sentence they close.
    """
    spans: list[Span] = []
    for pa, pb in paragraphs(text):
        start = pa
        for m in _BOUNDARY.finditer(text, pa, pb):
            if _ends_sentence(text, m):
                end = m.start("space")
                if end > start:
                    spans.append((start, end))
                start = m.end("space")
        if start < pb:
            spans.append((start, pb))
    return spans


_WORD = re.compile(r"\w+(?:(?:['’ʼ.-]|(?<=\d),(?=\d))\w+)*")


def words(text: str) -> list[Span]:
    """Word token spans: letters and digits, keeping inner apostrophes, hyphens and dots together.

    "don't", "Joon-kook", "24,000" and "U.S" stay single tokens: a joiner counts only between word
    characters (a comma only between digits).
    """
    return [m.span() for m in _WORD.finditer(text)]
