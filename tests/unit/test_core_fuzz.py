"""Arbitrary Unicode through the whole core: nothing crashes and every span stays in bounds."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checking.check import check_draft, summarise
from checking.corpus import CorpusIndex, passages
from checking.figures import extract_figures
from checking.model import Document
from checking.quotes import extract_quotes
from checking.speakers import attribute

PIECES = st.sampled_from(
    [
        "“",
        "”",
        "‘",
        "’",
        '"',
        "'",
        "«",
        "»",
        "„",
        " said ",
        " Mayor Ana Ruiz",
        " she said.",
        "24,000",
        "$3bn",
        "48%",
        " over ",
        "\n\n",
        ". ",
        ": ",
        "—",
        "…",
        "[",
        "]",
        "Mr. ",
        "\xa0",
        "\r\n",
        " -- ",
        "''",
        ", the director, ",
        " his campaign manager Bo Lind",
        "Ruiz Warns Port Owners",
        "Former Secretary of State",
    ]
)
TEXT = st.lists(st.one_of(st.text(min_size=1, max_size=12), PIECES), max_size=40).map("".join)

INDEX = CorpusIndex.build(
    passages(
        Document(
            id="ref",
            title="Reference",
            text="“We will open 24,000 homes by May,” said Mayor Ana Ruiz.\n\n"
            "The council spent $3bn, 48% more than planned, officials said.",
        )
    )
)


def in_bounds(span: tuple[int, int] | None, n: int) -> bool:
    return span is None or 0 <= span[0] <= span[1] <= n


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_extraction_never_crashes_and_spans_slice_the_text(text: str) -> None:
    quotes = attribute(text, extract_quotes(text))
    for q in quotes:
        assert in_bounds(q.span, len(text)) and text[q.span[0] : q.span[1]] == q.text
        assert in_bounds(q.speaker_span, len(text))
    for f in extract_figures(text):
        assert in_bounds(f.span, len(text)) and text[f.span[0] : f.span[1]] == f.text
        assert in_bounds(f.sentence_span, len(text))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_checking_never_crashes_and_claims_slice_the_draft(text: str) -> None:
    claims = check_draft(text, INDEX)
    for claim in claims:
        assert (
            in_bounds(claim.span, len(text)) and text[claim.span[0] : claim.span[1]] == claim.text
        )
        assert in_bounds(claim.speaker_span, len(text))
        assert claim.verdict in claim.flags or (not claim.flags and claim.verdict == "verified")
        assert 0 <= claim.score <= 100
    assert summarise(claims)["claims"] == len(claims)
