"""Figures: what counts as one, what it is worth, and when two say the same thing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checking.figures import (
    comparable,
    describe,
    extract_figures,
    figure_kind,
    figure_value,
    figures_equal,
)
from checking.model import Figure, FigureValue


def one(text: str) -> Figure:
    found = extract_figures(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "written", "value", "unit", "qualifier"),
    [
        (
            "sent over 24,000 containers of munitions",
            "over 24,000 containers",
            24000,
            "containers",
            "over",
        ),
        (
            "and well over 100 ballistic missiles to",
            "well over 100 ballistic missiles",
            100,
            "missiles",
            "well over",
        ),
        ("it costs $3bn a year", "$3bn", 3e9, "$", None),
        ("some 1.2 million people fled", "some 1.2 million people", 1.2e6, "people", "some"),
        ("about 48 percent of voters", "about 48 percent", 48, "%", "about"),
        ("48% of voters", "48%", 48, "%", None),
        ("48 per cent of voters", "48 per cent", 48, "%", None),
        ("two-thirds of the budget", "two-thirds of the budget", 2 / 3, "budget", None),
        ("a dozen countries signed", "a dozen countries", 12, "countries", None),
        (
            "three hundred and fifty soldiers",
            "three hundred and fifty soldiers",
            350,
            "soldiers",
            None,
        ),
        ("at least 5,000 troops", "at least 5,000 troops", 5000, "troops", "at least"),
        ("nearly 300 civilians fled", "nearly 300 civilians", 300, "civilians", "nearly"),
        ("up to 1.5 billion dollars", "up to 1.5 billion dollars", 1.5e9, "$", "up to"),
        ("a €2.5m contract", "€2.5m", 2.5e6, "€", None),
        ("£40 million in aid", "£40 million", 4e7, "£", None),
        ("more than 3 million barrels", "more than 3 million barrels", 3e6, "barrels", "more than"),
        ("24,000 or more containers", "24,000 or more containers", 24000, "containers", "or more"),
        ("a 10km march", "10km", 10, "km", None),
        ("first imposed in 2006 and", "2006", 2006, "year", None),
        ("In March 2024, Russia", "March 2024", 2024, "date", None),
        ("on 5 March 2024 the", "5 March 2024", 2024, "date", None),
        ("in the 1990s the", "1990s", 1990, "decade", None),
    ],
)
def test_reads_value_unit_and_qualifier(
    text: str, written: str, value: float, unit: str | None, qualifier: str | None
) -> None:
    f = one(text)
    assert f.text == written
    assert text[f.span[0] : f.span[1]] == written
    assert f.value == pytest.approx(value)
    assert f.unit == unit
    assert f.qualifier == qualifier


def test_ranges_keep_both_ends() -> None:
    a, b = extract_figures("between 10 and 20 people died, and 10-20% fell")
    assert (a.text, a.value, a.qualifier, a.unit) == (
        "between 10 and 20 people",
        10,
        "between",
        "people",
    )
    assert (b.text, b.value, b.unit) == ("10-20%", 10, "%")
    # the top of the range counts when comparing
    assert not figures_equal(a, one("between 10 and 30 people"))
    assert figures_equal(a, one("between 10 and 20 people"))


@pytest.mark.parametrize(
    "text",
    [
        "No one came.",
        "One of them left.",
        "a third country",
        "COVID-19 and G7 and F-35",
        "a 3D printer on 5G",
        "the 21st century",
    ],
)
def test_not_figures(text: str) -> None:
    assert extract_figures(text) == []


def test_sentence_span_and_order() -> None:
    text = (
        "Nothing here. The envoy said North Korea sent over 24,000 containers. "
        "In May 2022 it ended."
    )
    figs = extract_figures(text)
    assert [f.text for f in figs] == ["over 24,000 containers", "May 2022"]
    s0 = figs[0].sentence_span
    assert text[s0[0] : s0[1]] == "The envoy said North Korea sent over 24,000 containers."
    assert figs[0].span[0] >= s0[0] and figs[0].span[1] <= s0[1]


@pytest.mark.parametrize(
    ("a", "b", "equal"),
    [
        ("48 percent", "48%", True),
        ("1.2 million people", "1,200,000 people", True),
        ("more than 24,000 containers", "over 24,000 containers", True),
        ("well over 100 missiles", "over 100 missiles", True),
        ("over 24,000 containers", "over 42,000 containers", False),
        ("over 24,000 containers", "24,000 containers", False),
        ("nearly 300 people", "about 300 people", False),
        ("24,000 containers", "24,000 missiles", False),
        ("24,000 containers", "24,000", True),
        ("$3bn", "3 billion dollars", True),
        ("$3bn", "£3bn", False),
        ("March 2024", "May 2024", False),
        ("March 2024", "2024", True),
        ("5 March 2024", "March 5, 2024", True),
        ("2006", "2009", False),
    ],
)
def test_figures_equal(a: str, b: str, equal: bool) -> None:
    assert figures_equal(one(a), one(b)) is equal
    assert figures_equal(one(b), one(a)) is equal


def test_comparable_separates_kinds_and_units() -> None:
    assert comparable(one("24,000 containers"), one("42,000 containers"))
    assert not comparable(one("24,000 containers"), one("100 missiles"))
    assert not comparable(one("March 2024"), one("24,000 containers"))
    assert comparable(one("in 2009"), one("March 2024"))
    assert figure_kind(one("48%")) == "percent"


def test_describe_and_value() -> None:
    f = one("over 24,000 containers")
    assert describe(f) == "over 24,000 containers"
    assert describe(f, unit=False) == "over 24,000"
    assert figure_value(f) == FigureValue(24000, "containers", "over")


def test_hand_built_figure_compares_by_fields() -> None:
    built = Figure(span=(0, 5), text="lots", value=5.0, unit="ships")
    assert figures_equal(built, one("5 ships"))


@given(st.integers(min_value=0, max_value=10**12))
def test_any_grouped_integer_round_trips(n: int) -> None:
    text = f"They counted {n:,} containers in all."
    f = one(text)
    assert f.value == n
    assert f.unit == "containers"
    assert text[f.span[0] : f.span[1]] == f.text


@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.%$£-abcmonthrdMay'’\n")), max_size=80))
def test_spans_always_in_bounds(text: str) -> None:
    last = 0
    for f in extract_figures(text):
        assert 0 <= f.span[0] < f.span[1] <= len(text)
        assert f.span[0] >= last
        last = f.span[1]
        assert text[f.span[0] : f.span[1]] == f.text
        a, b = f.sentence_span
        assert 0 <= a <= b <= len(text)
