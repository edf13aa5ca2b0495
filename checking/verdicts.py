"""The rules that turn an aligned match into a verdict, flags and a sentence a checker can act on.

Kept apart from retrieval and alignment so the rules (DESIGN.md, pipeline step 7) can be read and
tested on their own:

- exact or allowed-edit match with the same speaker -> ``verified``;
- same words, different speaker -> ``misattributed``;
- same passage, a number changed -> ``altered_figure`` (also ``altered_quote`` when other words
  changed too);
- same passage, different words -> ``altered_quote``;
- nothing close enough -> ``unverified``.

Allowed edits are not flags: quote-mark style, trailing punctuation, case, a partial quote (the
match is already trimmed to the quoted words), an ellipsis for omitted words, a [bracketed]
clarification, "percent" for "%". A speaker that the draft (or the source) does not name cannot be
contradicted, so it never makes a quote misattributed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from checking.figures import (
    comparable,
    describe,
    extract_figures,
    figure_value,
    figures_equal,
)
from checking.matching import Match, word_diff
from checking.model import SEVERITY, DiffOp, Figure, FigureValue, Verdict
from checking.speakers import canonical_name, same_speaker

__all__ = [
    "Assessment",
    "DiffSummary",
    "classify_diff",
    "figure_pairs",
    "judge_figure",
    "judge_quote",
    "most_severe",
]


def _wordset(words: str) -> frozenset[str]:
    """A set of words written as one whitespace-separated string (easier to read and extend)."""
    return frozenset(words.split())


_NUMERIC_WORDS = _wordset(
    """
    zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred thousand million billion trillion dozen dozens hundreds thousands millions billions
    bn mn tn m k percent per cent % half third thirds quarter quarters a an and
    over under more less fewer than about around nearly almost some roughly approximately well
    just at least most up to as many much close above below estimated between from
    january february march april may june july august september october november december
    """
)
_NUMBER_ONLY = _wordset(
    """
    zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred thousand million billion trillion dozen dozens hundreds thousands millions billions
    bn mn tn percent % half third thirds quarter quarters
    """
)
_ELLIPSIS = re.compile(r"^(?:\.{3,}|…)$")
#: Punctuation and a possessive that may trail a [bracketed] clarification.
_BRACKET_EDGE = re.compile(r"(?:'s)?[\"'.,;:!?]*$")


@dataclass(frozen=True, slots=True)
class Assessment:
    """A verdict with its flags, explanation, and the diff and figure that justify it."""

    verdict: Verdict
    flags: tuple[Verdict, ...]
    explanation: str
    diff: tuple[DiffOp, ...] = ()
    figure: FigureValue | None = None


@dataclass(frozen=True, slots=True)
class DiffSummary:
    """What a word diff amounts to once allowed edits are set aside."""

    #: Changes that are neither allowed edits nor number changes.
    word_changes: tuple[DiffOp, ...]
    #: Changes confined to numbers, number words, scales and qualifiers.
    figure_changes: tuple[DiffOp, ...]


def most_severe(flags: Iterable[Verdict]) -> Verdict:
    """The verdict for a set of flags: the most severe per ``SEVERITY``; none -> verified."""
    present = set(flags)
    for v in SEVERITY:
        if v in present:
            return v
    return Verdict.VERIFIED


def _is_numeric(word: str) -> bool:
    w = word.lower().strip("\"'()[]{}.,;:!?-")
    return any(c.isdigit() for c in w) or w in _NUMERIC_WORDS or w.startswith(("$", "£", "€"))


def _allowed(op: DiffOp) -> bool:
    """An edit a quotation may make without being altered."""
    draft = op.draft.split()
    if op.op in ("replace", "insert") and draft:
        if all(_ELLIPSIS.match(w) for w in draft):
            return True  # "..." for omitted words (or at an edge of a partial quote)
        bare = _BRACKET_EDGE.sub("", op.draft)
        if bare.startswith("[") and bare.endswith("]") and "]" not in bare[:-1]:
            return True  # [bracketed] clarification, replacing words or added ("[Trump]'s,")
    words = (op.draft + " " + op.source).split()
    return bool(words) and all(not any(c.isalnum() for c in w) for w in words)


def _numbers(words: list[str]) -> list[str]:
    keys = (w.lower().strip("\"'()[]{}.,;:!?") for w in words)
    return [k for k in keys if any(c.isdigit() for c in k) or k in _NUMBER_ONLY]


def classify_diff(ops: Sequence[DiffOp], *, figures_changed: bool = False) -> DiffSummary:
    """Split the non-equal ops of a diff into word changes and number changes; drop allowed edits.

    An op made only of numbers, number words, scales and qualifiers is a number change when it
    holds a number, or when ``figures_changed`` says a figure comparison already found one (so
    "over" -> "nearly" is part of the changed figure, not a separate rewording). An op that mixes
    a changed number with other words ("42,000 boxes" for "24,000 containers") is both.
    """
    words: list[DiffOp] = []
    numbers: list[DiffOp] = []
    for op in ops:
        if op.op == "equal" or _allowed(op):
            continue
        draft, source = op.draft.split(), op.source.split()
        nums_d, nums_s = _numbers(draft), _numbers(source)
        has_number = figures_changed or bool(nums_d or nums_s)
        if has_number and all(_is_numeric(w) for w in draft + source):
            numbers.append(op)
            continue
        words.append(op)
        if nums_d != nums_s:
            numbers.append(op)
    return DiffSummary(tuple(words), tuple(numbers))


def figure_pairs(draft: Sequence[Figure], source: Sequence[Figure]) -> list[tuple[Figure, Figure]]:
    """Draft figures paired with the differing source figure they replace.

    A draft figure equal to some source figure is fine; otherwise it is paired with the first
    comparable source figure not already matched (quotes keep their figures in order).
    """
    used: set[int] = set()
    for d in draft:
        for i, s in enumerate(source):
            if i not in used and figures_equal(d, s):
                used.add(i)
                break
    pairs: list[tuple[Figure, Figure]] = []
    for d in draft:
        if any(figures_equal(d, s) for s in source):
            continue
        for i, s in enumerate(source):
            if i not in used and comparable(d, s):
                used.add(i)
                pairs.append((d, s))
                break
    return pairs


def _person(name: str) -> str:
    """A name to use mid-sentence: "The United States" reads "the United States"."""
    first, _, rest = name.partition(" ")
    return f"the {rest}" if first == "The" and rest else name


def _title(match: Match) -> str:
    return f"“{match.passage.title}”" if match.passage.title else "the reference"


def figure_change(draft: Figure, source: Figure) -> str:
    """'The draft says over 42,000 containers; the source says over 24,000.'"""
    same_unit = draft.unit is not None and draft.unit == source.unit
    return (
        f"The draft says {describe(draft)}; the source says {describe(source, unit=not same_unit)}."
    )


def _first_change(summary: DiffSummary) -> str:
    changes = summary.word_changes or summary.figure_changes
    op = changes[0]
    if op.op == "insert":
        what = f"adds “{op.draft}”"
    elif op.op == "delete":
        what = f"leaves out “{op.source}” without an ellipsis"
    else:
        what = f"has “{op.draft}” where the source has “{op.source}”"
    more = len(summary.word_changes) + len(summary.figure_changes) - 1
    if more:
        what += f" (and {more} other change{'s' if more > 1 else ''})"
    return what


def judge_quote(
    text: str,
    speaker: str | None,
    match: Match | None,
    *,
    unquoted: Match | None = None,
    min_attribution_words: int = 5,
) -> Assessment:
    """Verdict for a draft quote given its best quote match (None when nothing was close enough).

    ``unquoted`` is a reference sentence that contains the words outside any quote, if one was
    found: still unverified (nobody is on record saying them), but the checker learns where to
    look. A quote of fewer than ``min_attribution_words`` words found only in another speaker's
    words is unverified rather than misattributed: too common to pin on anyone.
    """
    if match is None:
        if unquoted is not None:
            return Assessment(
                Verdict.UNVERIFIED,
                (Verdict.UNVERIFIED,),
                f"These words appear in {_title(unquoted)}, but not as anyone's quote.",
                diff=tuple(word_diff(text, unquoted.text)),
            )
        return Assessment(
            Verdict.UNVERIFIED,
            (Verdict.UNVERIFIED,),
            "No reference text contains these words or anything close to them.",
        )
    ops = word_diff(text, match.text)
    pairs = figure_pairs(extract_figures(text), extract_figures(match.text))
    summary = classify_diff(ops, figures_changed=bool(pairs))
    source_speaker = match.passage.speaker
    flags: list[Verdict] = []
    other_speaker = bool(speaker and source_speaker and not same_speaker(speaker, source_speaker))
    too_short = len(text.split()) < min_attribution_words
    if other_speaker and not too_short:
        flags.append(Verdict.MISATTRIBUTED)
    if pairs or summary.figure_changes:
        flags.append(Verdict.ALTERED_FIGURE)
    if summary.word_changes or (summary.figure_changes and not pairs):
        flags.append(Verdict.ALTERED_QUOTE)
    who = canonical_name(source_speaker) if source_speaker else None
    figure = figure_value(pairs[0][0]) if pairs else None
    if other_speaker and too_short and not flags:
        # Short phrases ("racist", "deportation force") recur in many people's mouths: finding
        # one in someone else's quote does not show who said it in the draft.
        flags = [Verdict.UNVERIFIED]
        why = (
            f"These words appear in a quote by {_person(who or 'someone')} in {_title(match)}, "
            "but a phrase this short cannot confirm who said them."
        )
        return Assessment(most_severe(flags), tuple(flags), why, diff=tuple(ops), figure=figure)
    verdict = most_severe(flags)
    if verdict is Verdict.VERIFIED:
        if who and speaker:
            why = f"Matches words said by {_person(who)} in {_title(match)}."
        elif who:
            why = (
                f"Matches words said by {_person(who)} in {_title(match)}; the draft does not say "
                "who said them."
            )
        else:
            why = f"Matches words in {_title(match)}, which does not say who said them."
        return Assessment(verdict, (), why)
    if verdict is Verdict.MISATTRIBUTED:
        why = (
            f"The draft gives these words to {_person(canonical_name(speaker or ''))}, but in "
            f"{_title(match)} they were said by {_person(who or '')}"
        )
        if len(flags) > 1:
            why += ", and the wording differs"
        why += "."
    elif verdict is Verdict.ALTERED_FIGURE:
        if pairs:
            why = figure_change(*pairs[0])
        else:
            op = summary.figure_changes[0]
            why = (
                f"The draft says {op.draft or 'nothing'}; the source says {op.source or 'nothing'}."
            )
        if Verdict.ALTERED_QUOTE in flags:
            why = why[:-1] + ", and other words differ too."
    else:
        whose = f"what {_person(who)} said" if who else "the words"
        why = f"The quote differs from {whose} in {_title(match)}: it {_first_change(summary)}."
    return Assessment(verdict, tuple(flags), why, diff=tuple(ops), figure=figure)


def judge_figure(
    figure: Figure,
    source: Figure | None,
    match: Match | None,
) -> Assessment:
    """Verdict for a figure stated outside quotes, given the reference sentence it matched (if
    any) and the comparable figure in that sentence (if any)."""
    value = figure_value(figure)
    if match is None:
        return Assessment(
            Verdict.UNVERIFIED,
            (Verdict.UNVERIFIED,),
            f"No reference sentence states {describe(figure)} or anything close to it.",
            figure=value,
        )
    if source is None:
        return Assessment(
            Verdict.UNVERIFIED,
            (Verdict.UNVERIFIED,),
            f"The closest reference sentence, in {_title(match)}, gives no comparable figure.",
            figure=value,
        )
    if figures_equal(figure, source):
        return Assessment(
            Verdict.VERIFIED,
            (),
            f"{_title(match)[0].upper()}{_title(match)[1:]} gives the same figure: "
            f"{describe(source)}.",
            figure=value,
        )
    return Assessment(
        Verdict.ALTERED_FIGURE,
        (Verdict.ALTERED_FIGURE,),
        figure_change(figure, source),
        diff=tuple(word_diff(describe(figure), describe(source))),
        figure=value,
    )
