"""The verdict rules, on hand-made matches so each rule is tested on its own."""

from __future__ import annotations

import pytest

from checking.figures import extract_figures
from checking.matching import Match
from checking.model import DiffOp, Figure, FigureValue, Passage, Verdict
from checking.verdicts import (
    classify_diff,
    figure_pairs,
    judge_figure,
    judge_quote,
    most_severe,
)

SOURCE = (
    "over 24,000 containers of munitions and related material, and well over 100 ballistic "
    "missiles to Russia for use on the battlefield in Ukraine."
)


def match(text: str, speaker: str | None = "Dorothy Shea", start: int = 100) -> Match:
    passage = Passage(
        "wire-1",
        "UN hears of sanctions breaches",
        "quote",
        (start, start + len(text)),
        text,
        speaker,
    )
    return Match(passage=passage, score=100.0, masked_score=100.0, span=passage.span, text=text)


def fig(text: str) -> Figure:
    [f] = extract_figures(text)
    return f


def test_most_severe_follows_severity() -> None:
    assert most_severe([]) is Verdict.VERIFIED
    assert most_severe([Verdict.ALTERED_QUOTE, Verdict.ALTERED_FIGURE]) is Verdict.ALTERED_FIGURE
    assert most_severe([Verdict.UNVERIFIED, Verdict.MISATTRIBUTED]) is Verdict.MISATTRIBUTED


@pytest.mark.parametrize(
    "op",
    [
        DiffOp("replace", "...", "by exporting coal and iron ore to China,"),
        DiffOp("insert", "…", ""),
        DiffOp("replace", "[North Korea]", "it"),
        DiffOp("insert", "[sic]", ""),
        DiffOp("delete", "", "-"),
    ],
)
def test_allowed_edits_are_not_changes(op: DiffOp) -> None:
    summary = classify_diff([DiffOp("equal", "a", "a"), op])
    assert summary.word_changes == () and summary.figure_changes == ()


def test_number_and_word_changes_are_told_apart() -> None:
    summary = classify_diff(
        [
            DiffOp("replace", "42,000", "24,000"),
            DiffOp("replace", "blocking", "obstructing"),
            DiffOp("delete", "", "own"),
        ]
    )
    assert [op.draft for op in summary.figure_changes] == ["42,000"]
    assert [op.source for op in summary.word_changes] == ["obstructing", "own"]
    # a qualifier swap belongs to the figure once a figure comparison found a change
    qualifier = [DiffOp("replace", "nearly", "over")]
    assert classify_diff(qualifier).word_changes
    assert classify_diff(qualifier, figures_changed=True).figure_changes


def test_figure_pairs_match_in_order() -> None:
    draft = extract_figures("over 42,000 containers and well over 100 ballistic missiles")
    source = extract_figures(SOURCE)
    [(d, s)] = figure_pairs(draft, source)
    assert (d.text, s.text) == ("over 42,000 containers", "over 24,000 containers")


def test_verified_with_allowed_edits() -> None:
    draft = "Over 24,000 containers of munitions … and well over 100 ballistic missiles to [Moscow]"
    source = (
        "over 24,000 containers of munitions and related material, and well over 100 "
        "ballistic missiles to Russia"
    )
    a = judge_quote(draft, "Shea", match(source))
    assert a.verdict is Verdict.VERIFIED and a.flags == ()
    assert "Dorothy Shea" in a.explanation


def test_misattributed_when_speakers_differ() -> None:
    a = judge_quote(SOURCE, "Joonkook Hwang", match(SOURCE))
    assert a.verdict is Verdict.MISATTRIBUTED
    assert a.flags == (Verdict.MISATTRIBUTED,)
    assert "Joonkook Hwang" in a.explanation and "Dorothy Shea" in a.explanation


def test_unknown_speaker_is_never_misattributed() -> None:
    assert judge_quote(SOURCE, None, match(SOURCE)).verdict is Verdict.VERIFIED
    unattributed = judge_quote(SOURCE, "Joonkook Hwang", match(SOURCE, speaker=None))
    assert unattributed.verdict is Verdict.VERIFIED
    assert "does not say who" in unattributed.explanation


def test_changed_number_inside_quote_is_altered_figure() -> None:
    draft = "over 42,000 containers of munitions"
    a = judge_quote(draft, "Dorothy Shea", match("over 24,000 containers of munitions"))
    assert a.verdict is Verdict.ALTERED_FIGURE
    assert a.flags == (Verdict.ALTERED_FIGURE,)
    assert a.explanation == "The draft says over 42,000 containers; the source says over 24,000."
    assert a.figure == FigureValue(42000, "containers", "over")
    assert DiffOp("replace", "42,000", "24,000") in a.diff


def test_number_and_words_changed_carries_both_flags() -> None:
    a = judge_quote(
        "nearly 42,000 boxes of munitions",
        "Dorothy Shea",
        match("over 24,000 containers of munitions"),
    )
    assert a.verdict is Verdict.ALTERED_FIGURE
    assert set(a.flags) == {Verdict.ALTERED_FIGURE, Verdict.ALTERED_QUOTE}


def test_reworded_quote_is_altered_quote() -> None:
    a = judge_quote(
        "Russia is blocking our work",
        "Dorothy Shea",
        match("Russia is obstructing our work"),
    )
    assert a.verdict is Verdict.ALTERED_QUOTE
    assert "“blocking” where the source has “obstructing”" in a.explanation
    assert [op.op for op in a.diff] == ["equal", "replace", "equal"]


def test_unmarked_omission_is_altered_quote() -> None:
    a = judge_quote(
        "keeps shipping coal across its border",
        None,
        match("keeps shipping coal and iron ore across its border"),
    )
    assert a.verdict is Verdict.ALTERED_QUOTE
    assert "without an ellipsis" in a.explanation


def test_misattributed_and_reworded() -> None:
    a = judge_quote(
        "Russia is blocking our work", "Joonkook Hwang", match("Russia is obstructing our work")
    )
    assert a.verdict is Verdict.MISATTRIBUTED
    assert a.flags == (Verdict.MISATTRIBUTED, Verdict.ALTERED_QUOTE)


def test_short_phrase_in_someone_elses_words_is_unverified_not_misattributed() -> None:
    a = judge_quote(
        "deportation force", "Hillary Clinton", match("deportation force", "Donald Trump")
    )
    assert a.verdict is Verdict.UNVERIFIED
    assert Verdict.MISATTRIBUTED not in a.flags
    assert "too short" in a.explanation or "this short" in a.explanation


def test_unverified() -> None:
    a = judge_quote("We will never allow it", "Dorothy Shea", None)
    assert a.verdict is Verdict.UNVERIFIED and a.flags == (Verdict.UNVERIFIED,)
    near = match("We will never allow it, the report said.", speaker=None)
    b = judge_quote("We will never allow it", "Dorothy Shea", None, unquoted=near)
    assert b.verdict is Verdict.UNVERIFIED
    assert "not as anyone's quote" in b.explanation


def test_judge_figure() -> None:
    sentence = match("The panel had tracked compliance since 2009.", speaker=None)
    same = judge_figure(fig("since 2009"), fig("2009"), sentence)
    assert same.verdict is Verdict.VERIFIED and same.flags == ()
    changed = judge_figure(fig("in 2006"), fig("2009"), sentence)
    assert changed.verdict is Verdict.ALTERED_FIGURE
    assert changed.explanation == "The draft says 2006; the source says 2009."
    assert changed.figure == FigureValue(2006, "year", None)
    assert judge_figure(fig("2006"), None, sentence).verdict is Verdict.UNVERIFIED
    assert judge_figure(fig("2006"), None, None).verdict is Verdict.UNVERIFIED
