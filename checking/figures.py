"""Figures: numbers as a reader understands them, so a draft's number can be compared to its source.

"over 24,000 containers", "well over 100 ballistic missiles", "$3bn", "48 percent", "two-thirds",
"a dozen countries", "March 2024" and "between 10 and 20" each become one :class:`Figure` whose
``value`` has the scale applied, whose ``unit`` is the counted noun (or ``%``, a currency, ``date``,
``year``) and whose ``qualifier`` keeps the hedge ("over", "nearly", "at least"): a draft that turns
"over 24,000" into "42,000" or "nearly 24,000" has changed the claim, and the checker must see both.

The scanner works on the original text (figures are ASCII-heavy; the few non-ASCII characters that
matter, currency signs and dashes, are matched directly), so every span needs no offset mapping.
Comparison (:func:`figures_equal`) re-reads a figure's own text, so details a :class:`Figure` has no
field for (the top of a range, the month of a date) still count.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass

from checking.model import Figure, FigureValue, Span
from checking.text import sentences

__all__ = [
    "comparable",
    "describe",
    "extract_figures",
    "figure_kind",
    "figure_value",
    "figures_equal",
]


def _wordset(words: str) -> frozenset[str]:
    """A set of words written as one whitespace-separated string (easier to read and extend)."""
    return frozenset(words.split())


_SMALL = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a": 1,
    "an": 1,
}
_SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}
#: Abbreviated scales written after digits ("$3bn", "1.2m"); single letters only with a currency.
_SHORT_SCALES = {"bn": 1e9, "b": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3, "tn": 1e12, "trn": 1e12}
_FRACTIONS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "eighth": 8,
    "eighths": 8,
    "tenth": 10,
    "tenths": 10,
}
_VAGUE = {
    "dozens": 12.0,
    "scores": 20.0,
    "hundreds": 1e2,
    "thousands": 1e3,
    "tens of thousands": 1e4,
    "hundreds of thousands": 1e5,
    "millions": 1e6,
    "billions": 1e9,
}
#: Qualifier as written -> the direction it claims for the true number. "over", "more than" and
#: "well over" all say "above"; "nearly" is below and close, "about" either side. (A quote that
#: swaps "well over" for "over" is still caught, as changed words.)
_QUALIFIERS = {
    "well over": ">",
    "well above": ">",
    "far more than": ">",
    "many more than": ">",
    "well under": "<",
    "well below": "<",
    "far fewer than": "<",
    "far less than": "<",
    "just over": ">",
    "just above": ">",
    "more than": ">",
    "over": ">",
    "above": ">",
    "greater than": ">",
    "in excess of": ">",
    "upwards of": ">",
    "at least": ">=",
    "no fewer than": ">=",
    "no less than": ">=",
    "or more": ">=",
    "just under": "<",
    "just below": "<",
    "under": "<",
    "below": "<",
    "less than": "<",
    "fewer than": "<",
    "nearly": "<~",
    "almost": "<~",
    "close to": "<~",
    "just shy of": "<~",
    "up to": "<=",
    "at most": "<=",
    "as many as": "<=",
    "as much as": "<=",
    "no more than": "<=",
    "or fewer": "<=",
    "or less": "<=",
    "about": "~",
    "around": "~",
    "approximately": "~",
    "roughly": "~",
    "some": "~",
    "an estimated": "~",
    "estimated": "~",
    "or so": "~",
    "between": "range",
    "from": "range",
}
_POST_QUALIFIERS = ("or more", "or fewer", "or less", "or so")
_PRE_QUALIFIERS = sorted(
    (q for q in _QUALIFIERS if q not in _POST_QUALIFIERS), key=len, reverse=True
)
_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_CURRENCY_SIGNS = {
    "us$": "$",
    "$": "$",
    "a$": "A$",
    "c$": "C$",
    "hk$": "HK$",
    "nz$": "NZ$",
    "£": "£",
    "€": "€",
    "¥": "¥",
    "₩": "₩",
    "₹": "₹",
    "usd": "$",
    "eur": "€",
    "gbp": "£",
}
_CURRENCY_WORDS = {
    "dollars": "$",
    "dollar": "$",
    "euros": "€",
    "euro": "€",
    "pounds": "£",
    "yen": "¥",
    "yuan": "CNY",
    "renminbi": "CNY",
    "won": "₩",
    "rupees": "₹",
    "rubles": "RUB",
    "roubles": "RUB",
}
#: Short measurement units that may be glued to the digits ("10km").
_ATTACHED_UNITS = _wordset("km kg mm cm m ft mi mph kph kmh lb lbs oz t mw gw kw kwh mwh gwh ha sq")
#: Words that end the search for a counted noun: what follows a number but is not what it counts.
_STOP = _wordset(
    """
    a an the of to in on at by for from with and or but nor as is are was were be been being has
    have had do does did will would could should may might must can shall that which who whom
    whose what this these those it its their his her our your my me us them they he she we i you
    than then so if not no also more less most least per each every some any all other such into
    onto over under about after before since during while when where why how there here up down
    out off against between among through across around said says say told added according
    percent cent year-on-year last next this just only even still yet already about again
    versus vs via
    """
)
_VERBS = _wordset(
    """
    fled died went came left lost won made took got saw gave ran fell rose grew became began met
    held kept told thought felt paid sent spent built stood sold fought caught brought bought
    taught led read hit cut put set remain remains live lives work works need needs say says
    attend attended arrive arrive arrived voted
    """
)
_IRREGULAR_PLURALS = _wordset(
    "people children men women police staff personnel cattle sheep fish deer aircraft data media "
    "feet teeth mice geese troops"
)

_NUM_WORD_ALT = "|".join(sorted((*_SMALL, *_SCALES, "dozen"), key=len, reverse=True))
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_MONTH_ALT = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_ORD = r"(?:st|nd|rd|th)?"

_DATE_RE = re.compile(
    rf"""
    (?P<md>(?P<m1>{_MONTH_ALT})\s+(?P<d1>\d{{1,2}}){_ORD}(?:,?\s+(?P<y1>\d{{4}}))?)(?![\d,])
    | (?P<dm>(?P<d2>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<m2>{_MONTH_ALT})(?:,?\s+(?P<y2>\d{{4}}))?)
    | (?P<my>(?P<m3>{_MONTH_ALT}),?\s+(?P<y3>\d{{4}}))
    """,
    re.VERBOSE,
)
_CORE_RE = re.compile(
    rf"""
    (?P<date>{_MONTH_ALT}\s+\d|\d{{1,2}}{_ORD}\s+(?:of\s+)?{_MONTH_ALT}\b)
    | (?P<time>(?<![\w.,])\d{{1,2}}:\d{{2}}(?:\s?[ap]\.?m\.?)?(?![\w:]))
    | (?P<cur>(?<![\w$])(?:US\$|[ACN]\$|HK\$|NZ\$|USD\s?|EUR\s?|GBP\s?|[$£€¥₩₹])\s?)?
      (?<![\w.,]) (?<![A-Za-z]-)
      (?P<digits>{_DIGITS}|\.\d+) (?![\d])(?!,\d)(?!\.\d)
    | (?P<fraction>\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten)[-\s]
      (?:halves|half|thirds|third|quarters|quarter|fifths|fifth|sixths|sixth|eighths|eighth
      |tenths|tenth)\b)
    | (?P<half>\bhalf\b(?=\s+(?:of|the|a|an|its|their|his|her)\b|$))
    | (?P<vague>\b(?:tens\s+of\s+thousands|hundreds\s+of\s+thousands|dozens|scores|hundreds
      |thousands|millions|billions)\b(?=\s+of\b|$))
    | (?P<words>\b(?:{_NUM_WORD_ALT})\b(?:(?:\s+|-)(?:and\s+)?(?:{_NUM_WORD_ALT})\b)*)
    """,
    re.VERBOSE | re.IGNORECASE,
)
_QUAL_BEFORE_RE = re.compile(
    r"(?:^|(?<=[\s(\"'“‘]))(" + "|".join(re.escape(q) for q in _PRE_QUALIFIERS) + r")\s+$",
    re.IGNORECASE,
)
_QUAL_AFTER_RE = re.compile(
    r"\s+(" + "|".join(re.escape(q) for q in _POST_QUALIFIERS) + r")\b", re.IGNORECASE
)
_SCALE_RE = re.compile(
    r"(?:\s+|-)(hundred|thousand|million|billion|trillion)\b|\s?(bn|mn|tn|trn)\b|(m|k|b)\b",
    re.IGNORECASE,
)
_PERCENT_RE = re.compile(
    r"\s+percentage\s+points?\b|\s?%|\s*(?:-\s*)?(?:per\s*cent|percent|pct)\b",
    re.IGNORECASE,
)
_CURRENCY_WORD_RE = re.compile(r"\s+(" + "|".join(_CURRENCY_WORDS) + r")\b", re.IGNORECASE)
_RANGE_RE = re.compile(
    rf"\s*(-|–|—|to|and)\s*(?P<cur>US\$|[$£€])?(?P<digits>{_DIGITS})(?![\d])", re.IGNORECASE
)
_WORD_AFTER_RE = re.compile(r"(\s+|-)([A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*)")
_OF_DET_RE = re.compile(r"\s+of(?:\s+(?:the|its|their|his|her|our|those|these|all))?(?=\s)")


@dataclass(frozen=True, slots=True)
class _Parsed:
    """Everything read from one figure; richer than :class:`Figure`, used for comparison."""

    start: int
    end: int
    #: End of the number part (qualifier, currency, digits, scale, percent) -- before the noun.
    number_end: int
    kind: str  # count | percent | currency | date | year | decade | time | fraction
    value: float
    high: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    month: int | None = None
    day: int | None = None


def _words_value(words: list[str]) -> float | None:
    """Value of a run of number words ("two hundred and fifty thousand")."""
    total = 0.0
    current = 0.0
    seen = False
    for w in words:
        if w == "and":
            continue
        if w == "dozen":
            current = (current or 1.0) * 12
            seen = True
        elif w in _SCALES:
            scale = _SCALES[w]
            if scale == 100:
                current = (current or 1.0) * 100
            else:
                total += (current or 1.0) * scale
                current = 0.0
            seen = True
        elif w in _SMALL:
            current += _SMALL[w]
            seen = True
        else:
            return None
    return total + current if seen else None


def _to_float(digits: str) -> float:
    return float(digits.replace(",", ""))


def _head_noun(text: str, pos: int) -> tuple[str | None, int]:
    """The counted noun after ``pos`` ("containers" in "24,000 containers of munitions").

    English puts the head noun last in a short noun phrase, so take up to three lower-case words,
    stopping at a function word or a verb-looking word, and stopping early after a plural.
    """
    head: str | None = None
    end = pos
    i = pos
    for n in range(3):
        m = _WORD_AFTER_RE.match(text, i)
        if m is None:
            break
        sep, word = m.group(1), m.group(2)
        low = word.lower().replace("’", "'")
        if n > 0 and sep == "-":
            break
        if not word[0].islower() or "\n" in sep:
            break
        if low in _STOP or low in _VERBS or low in _SCALES:
            break
        if len(low) > 4 and (low.endswith("ed") or low.endswith("ing") or low.endswith("ly")):
            break
        head, end, i = low, m.end(), m.end()
        if sep == "-":
            break
        is_plural = low in _IRREGULAR_PLURALS or (
            len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is"))
        )
        if is_plural:
            break
    return head, end


def _month(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")]


def _parse_date(text: str, start: int) -> _Parsed | None:
    m = _DATE_RE.match(text, start)
    if m is None:
        return None
    if m.group("md"):
        month, day, year = _month(m.group("m1")), int(m.group("d1")), m.group("y1")
    elif m.group("dm"):
        month, day, year = _month(m.group("m2")), int(m.group("d2")), m.group("y2")
    else:
        month, day, year = _month(m.group("m3")), None, m.group("y3")
    if day is not None and not 1 <= day <= 31:
        return None
    y = int(year) if year else None
    value = float(y if y is not None else (day or 0))
    return _Parsed(
        start=start,
        end=m.end(),
        number_end=m.end(),
        kind="date",
        value=value,
        unit="date",
        high=float(y) if y is not None else None,
        month=month,
        day=day,
    )


def _parse_at(text: str, m: re.Match[str]) -> _Parsed | None:
    """Read the figure whose core ``m`` matched, extending to scale, range, percent and unit."""
    start = m.start()
    if m.group("date"):
        return _parse_date(text, start)
    if m.group("time"):
        hm = re.match(r"(\d{1,2}):(\d{2})", m.group("time"))
        assert hm is not None
        value = int(hm.group(1)) + int(hm.group(2)) / 60
        return _Parsed(start, m.end(), m.end(), "time", value, unit="time")

    qualifier: str | None = None
    before = _QUAL_BEFORE_RE.search(text, max(0, start - 24), start)
    if before:
        qualifier = re.sub(r"\s+", " ", before.group(1).lower())
    kind = "count"
    unit: str | None = None
    high: float | None = None
    end = m.end()
    noun_allowed = True
    expect_of = False
    scaled = False
    if m.group("digits"):
        digits = m.group("digits")
        value = _to_float(digits)
        cur = m.group("cur")
        if cur:
            kind, unit = "currency", _CURRENCY_SIGNS.get(cur.strip().lower(), cur.strip())
        glued = re.match(r"[A-Za-z]+", text[end:])
        if glued:
            suffix = glued.group().lower()
            if suffix == "s" and re.fullmatch(r"1[5-9]\d0|20\d0", digits):
                return _Parsed(start, end + 1, end + 1, "decade", value, unit="decade")
            if suffix in ("st", "nd", "rd", "th"):
                return None
            if suffix in _SHORT_SCALES and (kind == "currency" or suffix in ("bn", "mn", "tn")):
                value *= _SHORT_SCALES[suffix]
                end += len(suffix)
                scaled = True
            elif suffix in _ATTACHED_UNITS:
                end += len(suffix)
                unit, noun_allowed = suffix, False
            else:
                return None  # "3D", "5G", "A380": a name, not a figure
        if not scaled:
            value, end, scaled = _apply_scale(text, end, value, currency=kind == "currency")
        plain_year = (
            kind == "count"
            and end == m.end()
            and qualifier in (None, "from", "between")
            and re.fullmatch(r"1[89]\d\d|20\d\d", digits) is not None
        )
        if plain_year:
            rng = re.match(r"\s*([-–—]|to|and)\s*(\d{4}|\d{2})(?!\d)(?!,\d)", text[end:])
            if rng and rng.group(1) == "and" and qualifier != "between":
                rng = None
            noun, _ = _head_noun(text, end)
            if noun is None or not noun.endswith("s") or rng:
                hi = None
                if rng:
                    h = rng.group(2)
                    hi = float(digits[:2] + h if len(h) == 2 else h)
                    end += rng.end()
                elif before is not None:
                    qualifier, before = None, None
                if before is not None:
                    start = before.start(1)
                return _Parsed(
                    start, end, end, "year", value, high=hi, unit="year", qualifier=qualifier
                )
        rm = _RANGE_RE.match(text, end)
        if rm and (rm.group(1).lower() != "and" or qualifier == "between"):
            high = _to_float(rm.group("digits"))
            end = rm.end()
            high, end, high_scaled = _apply_scale(text, end, high, currency=kind == "currency")
            if high_scaled and not scaled:
                value *= high / _to_float(rm.group("digits"))
    elif m.group("fraction"):
        parts = re.split(r"[-\s]+", m.group("fraction").lower())
        num = 1 if parts[0] in ("a", "one") else _SMALL[parts[0]]
        value = num / _FRACTIONS[parts[-1]]
        kind, expect_of = "fraction", True
        if parts[0] == "a" and end < len(text) and not re.match(r"\s+of\b", text[end:]):
            return None  # "a third country": an ordinal, not a fraction
    elif m.group("half"):
        value, kind, expect_of = 0.5, "fraction", True
    elif m.group("vague"):
        value = _VAGUE[re.sub(r"\s+", " ", m.group("vague").lower())]
        qualifier, expect_of = qualifier or "several", True
    else:
        tokens = [(t.group().lower(), t.end()) for t in re.finditer(r"[A-Za-z]+", m.group("words"))]
        # "and" only joins after a scale ("two hundred and fifty"); otherwise it ends the figure.
        for i, (w, _) in enumerate(tokens):
            if w == "and" and (i == 0 or tokens[i - 1][0] not in _SCALES):
                tokens = tokens[:i]
                break
        while tokens and tokens[-1][0] == "and":
            tokens.pop()
        words = [w for w, _ in tokens]
        if not words or words in (["one"], ["a"], ["an"], ["zero"]):
            return None  # "no one", "one of them": too common to be a claim
        parsed = _words_value(words)
        if parsed is None:
            return None
        value, end = parsed, start + tokens[-1][1]

    pm = _PERCENT_RE.match(text, end)
    if pm and kind == "count":
        kind, unit, end = "percent", "%", pm.end()
        if "point" in pm.group().lower():
            unit = "percentage points"
        noun_allowed = False
    if kind == "count":
        cw = _CURRENCY_WORD_RE.match(text, end)
        if cw:
            kind, unit, end = "currency", _CURRENCY_WORDS[cw.group(1).lower()], cw.end()
    if kind == "currency":
        noun_allowed = False
    number_end = end
    post = _QUAL_AFTER_RE.match(text, end)
    if post and qualifier is None:
        qualifier, end, number_end = post.group(1).lower(), post.end(), post.end()
    if noun_allowed:
        pos = end
        if expect_of:
            of = _OF_DET_RE.match(text, end)
            pos = of.end() if of else -1
        if pos >= 0:
            noun, noun_end = _head_noun(text, pos)
            if noun is not None:
                unit, end = noun, noun_end
                post = _QUAL_AFTER_RE.match(text, end)
                if post and qualifier is None:
                    qualifier, end = post.group(1).lower(), post.end()
    if qualifier in ("between", "from") and high is None:
        qualifier = None
    if before is not None and qualifier == re.sub(r"\s+", " ", before.group(1).lower()):
        start = before.start(1)
    return _Parsed(start, end, number_end, kind, value, high, unit, qualifier)


def _apply_scale(text: str, end: int, value: float, *, currency: bool) -> tuple[float, int, bool]:
    """Apply a written scale after the digits ("1.2 million", "3bn"; "5m" only for money)."""
    sm = _SCALE_RE.match(text, end)
    if sm is None:
        return value, end, False
    if sm.group(1):
        return value * _SCALES[sm.group(1).lower()], sm.end(), True
    if sm.group(2):
        return value * _SHORT_SCALES[sm.group(2).lower()], sm.end(), True
    if sm.group(3) and currency:
        return value * _SHORT_SCALES[sm.group(3).lower()], sm.end(), True
    return value, end, False


def _scan(text: str) -> list[_Parsed]:
    found: list[_Parsed] = []
    pos = 0
    for m in _CORE_RE.finditer(text):
        if m.start() < pos:
            continue
        p = _parse_at(text, m)
        if p is None or p.start < pos:
            continue
        found.append(p)
        pos = p.end
    return found


def extract_figures(text: str) -> list[Figure]:
    """Every figure in ``text``, in order, with its span, value, unit, qualifier and sentence.

    The span covers the figure as a reader would quote it: qualifier, currency, number, scale,
    percent and the counted noun ("over 24,000 containers"), so replacing the span replaces the
    whole claim.
    """
    found = _scan(text)
    if not found:
        return []
    sents = sentences(text)
    starts = [s for s, _ in sents]
    figures: list[Figure] = []
    for p in found:
        i = bisect_right(starts, p.start) - 1
        sentence: Span = sents[i] if i >= 0 and sents[i][1] >= p.start else (p.start, p.end)
        figures.append(
            Figure(
                span=(p.start, p.end),
                text=text[p.start : p.end],
                value=p.value,
                unit=p.unit,
                qualifier=p.qualifier,
                sentence_span=sentence,
            )
        )
    return figures


def _details(figure: Figure) -> _Parsed:
    """Re-read a figure's own text; fall back to its fields for a hand-built figure."""
    for p in _scan(figure.text):
        if p.start == 0 and p.end == len(figure.text) and math.isclose(p.value, figure.value):
            return p
    kind = "percent" if figure.unit == "%" else "count"
    return _Parsed(
        0,
        len(figure.text),
        len(figure.text),
        kind,
        figure.value,
        unit=figure.unit,
        qualifier=figure.qualifier,
    )


_FAMILY = {"date": "date", "year": "date", "decade": "date"}


def _unit_key(unit: str | None) -> str | None:
    if unit is None:
        return None
    u = unit.lower()
    if u in ("percent", "per cent", "%"):
        return "%"
    if u in ("person", "people"):
        return "person"
    if u.endswith("ies") and len(u) > 4:
        return u[:-3] + "y"
    if u.endswith("s") and not u.endswith("ss") and len(u) > 3:
        return u[:-1]
    return u


def figure_kind(figure: Figure) -> str:
    """``count``, ``percent``, ``currency``, ``date``, ``year``, ``decade``, ``time`` or
    ``fraction``."""
    return _details(figure).kind


def comparable(a: Figure, b: Figure) -> bool:
    """Whether two figures measure the same kind of thing, so one can be a changed copy of the
    other (a date is never compared with a count, nor containers with missiles)."""
    pa, pb = _details(a), _details(b)
    if _FAMILY.get(pa.kind, pa.kind) != _FAMILY.get(pb.kind, pb.kind):
        return False
    ua, ub = _unit_key(pa.unit), _unit_key(pb.unit)
    return ua is None or ub is None or ua == ub or pa.kind in ("date", "year")


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def figures_equal(a: Figure, b: Figure) -> bool:
    """Whether two figures make the same claim.

    Written form does not matter ("48 percent" == "48%", "1.2 million" == "1,200,000", "more than"
    == "over"); value, range, unit (when both give one), date parts (those both give) and the
    direction of the qualifier do ("over 24,000" != "24,000" != "nearly 24,000").
    """
    pa, pb = _details(a), _details(b)
    if not comparable(a, b):
        return False
    if pa.kind in ("date", "year") or pb.kind in ("date", "year"):
        ya = pa.high if pa.kind == "date" else pa.value
        yb = pb.high if pb.kind == "date" else pb.value
        if pa.kind == "year" and pb.kind == "year" and not _close(pa.high, pb.high):
            return False
        if ya is not None and yb is not None and not _close(ya, yb):
            return False
        if pa.month is not None and pb.month is not None and pa.month != pb.month:
            return False
        if pa.day is not None and pb.day is not None and pa.day != pb.day:
            return False
        return (ya is not None) == (yb is not None) or pa.kind != pb.kind
    if not _close(pa.value, pb.value) or not _close(pa.high, pb.high):
        return False
    qa = _QUALIFIERS.get(pa.qualifier or "", pa.qualifier)
    qb = _QUALIFIERS.get(pb.qualifier or "", pb.qualifier)
    return qa == qb


def describe(figure: Figure, *, unit: bool = True) -> str:
    """The figure as written, optionally without its counted noun ("over 24,000")."""
    if unit:
        return figure.text
    p = _details(figure)
    return figure.text[: p.number_end - p.start].rstrip() or figure.text


def figure_value(figure: Figure) -> FigureValue:
    """The result contract's ``figure`` object."""
    return FigureValue(value=figure.value, unit=figure.unit, qualifier=figure.qualifier)
