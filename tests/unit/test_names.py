"""Which attributed speakers a misattribution verdict may rest on (sentences written for tests)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checking.names import trusted_speaker

BODY = (
    "Harbour Board Slams Port Plan\n\n"
    "Port director Henrik J. Salo spoke on Tuesday. Reporters asked about the cranes.\n\n"
    "Salo said the port would reopen. Fox News’ Sean Hannity called it a stunt.\n\n"
    "Analysts were divided. Dockers union chief Marta Okonkwo issued a statement."
)


def span(words: str) -> tuple[int, int]:
    start = BODY.index(words)
    return start, start + len(words)


@pytest.mark.parametrize(
    ("speaker", "mention", "expected"),
    [
        ("Henrik J. Salo", "Salo", "Henrik J. Salo"),  # a middle initial stays
        ("Marta Okonkwo issued a statement", "Marta Okonkwo", "Marta Okonkwo"),  # clause dropped
        ("Fox News’ Sean Hannity", "Sean Hannity", "Sean Hannity"),  # the person after the outlet
        ("Harbour Board Slams", "Salo", "Salo"),  # a headline's words: fall back to the mention
        ("Reporters", "Reporters", None),  # a common noun opening a sentence
        ("Analysts", "Analysts", None),
        ("a dockers union chief who", "Marta Okonkwo", "Marta Okonkwo"),
        ("Dockers Union", "Dockers union chief Marta Okonkwo", "Marta Okonkwo"),
        (None, None, None),
    ],
)
def test_trusted_speaker(speaker: str | None, mention: str | None, expected: str | None) -> None:
    where = span(mention) if mention else None
    assert trusted_speaker(BODY, speaker, where) == expected


def test_speaker_found_in_a_heading_is_not_trusted() -> None:
    assert trusted_speaker(BODY, "Harbour Board", span("Harbour Board")) is None


def test_the_country_as_speaker_is_not_a_person() -> None:
    body = "The United States said the talks would resume."
    assert trusted_speaker(body, "The United States", (0, 17)) is None


@given(st.text(max_size=40))
def test_trusted_speaker_is_none_or_words_of_the_text(speaker: str) -> None:
    name = trusted_speaker(BODY, speaker, None)
    assert name is None or name in BODY
