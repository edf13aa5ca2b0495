"""Normalisation with an offset map, and sentence/paragraph/word segmentation."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checking.text import normalise, paragraphs, sentences, words


def test_quote_marks_apostrophes_and_dashes_become_straight() -> None:
    n = normalise("“Fine,” she said — it’s ‘done’ – „ok“ «oui» don\u02bct")
    assert n.text == '"Fine," she said - it\'s \'done\' - "ok" "oui" don\'t'


def test_whitespace_runs_collapse_and_map_back_to_the_whole_run() -> None:
    text = "a \t\n\n  b\u00a0c"
    n = normalise(text)
    assert n.text == "a b c"
    assert n.to_original(1, 2) == (1, 7)
    assert text[slice(*n.to_original(0, 3))] == "a \t\n\n  b"


def test_nfkc_expansions_map_to_the_character_that_produced_them() -> None:
    text = "the ﬁrst… ｆｕｌｌ"
    n = normalise(text)
    assert n.text == "the first... full"
    i = n.text.index("fi")
    assert n.to_original(i, i + 1) == (4, 5)  # half of the ligature still maps to all of it
    j = n.text.index("...")
    assert text[slice(*n.to_original(j, j + 3))] == "…"
    k = n.text.index("full")
    assert text[slice(*n.to_original(k, k + 4))] == "ｆｕｌｌ"


def test_combining_marks_stay_with_their_base_letter() -> None:
    text = "Jose\u0301 said"
    n = normalise(text)
    assert n.text == "José said"
    assert n.to_original(0, 4) == (0, 5)


def test_invisible_characters_are_dropped() -> None:
    n = normalise("co\u00adop\u200bera\ufefftion")
    assert n.text == "cooperation"
    assert n.to_original(0, len(n.text)) == (0, len("co\u00adop\u200bera\ufefftion"))


def test_empty_span_maps_to_a_point_and_bad_spans_raise() -> None:
    n = normalise("“Hi”")
    assert n.to_original(1, 1) == (1, 1)
    assert n.to_original(4, 4) == (4, 4)
    with pytest.raises(ValueError):
        n.to_original(3, 2)
    with pytest.raises(ValueError):
        n.to_original(0, 99)


def test_to_normalised_inverts_positions() -> None:
    text = "x  “y”"
    n = normalise(text)
    assert n.text[n.to_normalised(text.index("y"))] == "y"


_ALPHABET = st.sampled_from(
    list("abcXYZ 019.,;")
    + ["\n", "\t", "\u00a0", "“", "”", "‘", "’", "—", "–", "…", "ﬁ", "é"]
    + ["e\u0301", "\u00ad", "\u200b", "ｆ", "'", '"', "«", "»", "„"]
)


@given(st.lists(_ALPHABET, max_size=60).map("".join), st.data())
def test_to_original_is_exact(text: str, data: st.DataObject) -> None:
    n = normalise(text)
    size = len(n.text)
    start = data.draw(st.integers(0, size))
    end = data.draw(st.integers(start, size))
    a, b = n.to_original(start, end)
    assert 0 <= a <= b <= len(text)
    if start < end:
        # The original characters reproduce what the normalised span says, and nothing is lost.
        assert n.text[start:end].strip() in normalise(text[a:b]).text
        assert a < b
    else:
        assert a == b


@given(st.text(max_size=80))
def test_to_original_is_monotonic_and_covers_everything(text: str) -> None:
    n = normalise(text)
    prev = (0, 0)
    for i in range(len(n.text)):
        span = n.to_original(i, i + 1)
        assert span[0] >= prev[0] and span[1] >= prev[1]
        prev = span
    if text.isascii():
        assert n.text == re.sub(r"\s+", " ", text)


def test_sentences_respect_abbreviations_initials_and_quotes() -> None:
    text = (
        "Sen. Ada Park met Mr. Lee in Jan. at 9 a.m. in the U.S. capital. "
        "“We agreed,” she said. J. R. Lin disagreed! Was it settled? "
        "The U.S. The end."
    )
    got = [text[a:b] for a, b in sentences(text)]
    assert got == [
        "Sen. Ada Park met Mr. Lee in Jan. at 9 a.m. in the U.S. capital.",
        "“We agreed,” she said.",
        "J. R. Lin disagreed!",
        "Was it settled?",
        "The U.S.",
        "The end.",
    ]


def test_sentence_ending_inside_closing_quote() -> None:
    text = "He said: “It works.” Then he left. ‘Yes.’ Done"
    got = [text[a:b] for a, b in sentences(text)]
    assert got == ["He said: “It works.”", "Then he left.", "‘Yes.’", "Done"]


def test_curly_close_glued_to_the_next_capital_ends_the_sentence() -> None:
    # A missing space after a closing mark is a typo; a straight mark could be an opening one.
    text = 'He wrote: “Fares will fall!”After the vote, Lee left. She said."No."'
    got = [text[a:b] for a, b in sentences(text)]
    assert got == ["He wrote: “Fares will fall!”", "After the vote, Lee left.", 'She said."No."']


def test_paragraphs_always_break_sentences() -> None:
    text = "  First line without stop\n\nSecond para. Two sentences.\nThird\n"
    assert [text[a:b] for a, b in paragraphs(text)] == [
        "First line without stop",
        "Second para. Two sentences.",
        "Third",
    ]
    assert [text[a:b] for a, b in sentences(text)] == [
        "First line without stop",
        "Second para.",
        "Two sentences.",
        "Third",
    ]


def test_lowercase_after_stop_does_not_break() -> None:
    text = "Prices rose 3.5 per cent. vs. last year, analysts said."
    assert len(sentences(text)) == 1


def test_words_keep_inner_joiners() -> None:
    text = "Hwang Joon-kook’s 24,000 U.S. don't."
    assert [text[a:b] for a, b in words(text)] == ["Hwang", "Joon-kook’s", "24,000", "U.S", "don't"]
