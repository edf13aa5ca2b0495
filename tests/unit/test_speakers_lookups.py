"""The word look-ups the attribution rules ask of a whole text, against the regular expressions
they stand for (the fast form is tested against the reference, as RapidFuzz tests its C layer)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from checking.speakers import _collect_names, _lower_word_in, _mid_sentence_cap_in

#: Word pieces, separators and the characters the boundaries turn on (letters outside a-z,
#: digits, apostrophes, hyphens, the punctuation a mid-sentence capital may follow).
PIECES = st.sampled_from(
    ["ruiz", "Ruiz", "ana", "Ana", "the", "The", "é", "É", "_", "7", " ", "  ", ",", ";", ":", ")"]
    + ["’", "'", "-", ".", "\n", "x", "A"]
)
TEXTS = st.lists(PIECES, max_size=24).map("".join)
WORDS = st.sampled_from(["ruiz", "Ruiz", "ana", "Ana", "the", "The", "x", "A", "Ruiz’s", "é", ""])

_LOWER_WORD = re.compile(r"\b[a-z]+\b")
_MID_SENTENCE_CAP = re.compile(r"[A-Z](?<=[a-z0-9,;:)] [A-Z])[\w'’-]*")


@given(TEXTS, WORDS)
def test_lower_word_in_agrees_with_the_regular_expression(text: str, word: str) -> None:
    assert _lower_word_in(text, word) == (word in set(_LOWER_WORD.findall(text)))


@given(TEXTS, WORDS)
def test_mid_sentence_cap_in_agrees_with_the_regular_expression(text: str, word: str) -> None:
    assert _mid_sentence_cap_in(text, word) == (word in set(_MID_SENTENCE_CAP.findall(text)))


def test_a_lower_case_word_must_stand_alone() -> None:
    assert _lower_word_in("the city of ruiz", "ruiz")
    assert not _lower_word_in("the city of ruizville and Ruiz", "ruiz")
    assert not _lower_word_in("the ruiz_x", "ruiz")


def test_a_mid_sentence_capital_must_follow_a_lower_case_word() -> None:
    assert _mid_sentence_cap_in("met Ruiz today", "Ruiz")
    assert not _mid_sentence_cap_in("Ruiz met. Ruiz left", "Ruiz")
    assert not _mid_sentence_cap_in("met Ruizov today", "Ruiz")


def test_joined_initials_open_a_collected_name() -> None:
    text = "The board met. A.B. Okafor, a professor at Avel University, spoke. G.K. Vale left."
    assert _collect_names(text) == [(15, "A.B. Okafor"), (43, "Avel University"), (67, "G.K. Vale")]


def test_names_around_nicknames_are_collected_in_text_order() -> None:
    text = (
        "Talks.\n\nAna Ruiz met John “Tig” Tiegen and Bo Lind on Monday. Later Mary “Mo” Okafor "
        "and Tom Vale came.\n"
    )
    got = _collect_names(text)
    assert [name for _, name in got] == [
        "Ana Ruiz",
        "John Tiegen",
        "Bo Lind",
        "Mary Okafor",
        "Tom Vale",
    ]
    assert [pos for pos, _ in got] == sorted(pos for pos, _ in got)
