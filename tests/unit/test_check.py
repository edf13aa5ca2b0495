"""The whole check of a draft against a reference wire story (fixtures written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checking.check import check_draft, summarise
from checking.corpus import CorpusIndex, passages
from checking.model import Claim, Document, Verdict
from checking.speakers import same_speaker

FIXTURES = Path(__file__).parent / "fixtures"
WIRE = (FIXTURES / "sanctions_wire.txt").read_text(encoding="utf-8")
DRAFT = (FIXTURES / "sanctions_draft.txt").read_text(encoding="utf-8")
TITLE = "UN hears of sanctions breaches"


@pytest.fixture(scope="module")
def index() -> CorpusIndex:
    unrelated = Document(
        id="other-1",
        title="Harbour reopens",
        text="‘The harbour will reopen on Monday for all traffic,’ the port authority said.",
    )
    return CorpusIndex.build(
        [*passages(Document(id="wire-1", title=TITLE, text=WIRE)), *passages(unrelated)]
    )


@pytest.fixture(scope="module")
def claims(index: CorpusIndex) -> list[Claim]:
    return check_draft(DRAFT, index)


def claim_for(claims: list[Claim], words: str) -> Claim:
    return next(c for c in claims if words in c.text)


def test_a_partial_quote_with_right_speaker_is_verified(claims: list[Claim]) -> None:
    c = claim_for(claims, "the networks that earn money")
    assert c.kind == "quote"
    assert c.verdict is Verdict.VERIFIED and c.flags == ()
    assert same_speaker(c.speaker, "Dorothy Shea")
    ev = c.evidence[0]
    assert (ev.document_id, ev.title) == ("wire-1", TITLE)
    assert WIRE[ev.span[0] : ev.span[1]] == ev.text == "the networks that earn money"
    assert ev.score == 100
    assert c.diff == ()


def test_b_quote_given_to_wrong_person_is_misattributed(claims: list[Claim]) -> None:
    c = claim_for(claims, "Pyongyang keeps shipping coal")
    assert c.verdict is Verdict.MISATTRIBUTED
    assert Verdict.MISATTRIBUTED in c.flags
    assert not same_speaker(c.speaker, "Dorothy Shea")
    assert same_speaker(c.evidence[0].speaker, "Dorothy Shea")
    assert "Dorothy Shea" in c.explanation


def test_c_changed_number_in_quote_is_altered_figure(claims: list[Claim]) -> None:
    c = claim_for(claims, "over 42,000 containers")
    assert c.verdict is Verdict.ALTERED_FIGURE
    assert c.flags[0] is Verdict.ALTERED_FIGURE
    assert c.explanation == "The draft says over 42,000 containers; the source says over 24,000."
    assert c.figure is not None
    assert (c.figure.value, c.figure.unit, c.figure.qualifier) == (42000, "containers", "over")
    assert any(
        op.op == "replace" and (op.draft, op.source) == ("42,000", "24,000") for op in c.diff
    )
    assert "over 24,000 containers" in c.evidence[0].text


def test_d_invented_quote_is_unverified(claims: list[Claim]) -> None:
    c = claim_for(claims, "We will never allow Pyongyang")
    assert c.verdict is Verdict.UNVERIFIED and c.flags == (Verdict.UNVERIFIED,)
    assert c.evidence == ()
    assert c.score == 0


def test_e_exact_quote_with_right_speaker_is_verified(claims: list[Claim]) -> None:
    c = claim_for(claims, "When North Korea openly ignores")
    assert c.verdict is Verdict.VERIFIED
    assert same_speaker(c.speaker, "Joonkook Hwang")
    assert c.speaker_span is not None
    assert DRAFT[c.speaker_span[0] : c.speaker_span[1]] in ("Hwang", "Joonkook Hwang")
    assert c.score >= 99


def test_f_reworded_quote_is_altered_quote(claims: list[Claim]) -> None:
    c = claim_for(claims, "The record before this Council")
    assert c.verdict is Verdict.ALTERED_QUOTE
    assert c.flags == (Verdict.ALTERED_QUOTE,)
    changed = [op for op in c.diff if op.op != "equal"]
    assert ("blocking", "obstructing") in [(op.draft, op.source) for op in changed]
    assert "“blocking” where the source has “obstructing”" in c.explanation


def test_figures_outside_quotes(claims: list[Claim]) -> None:
    figures = [c for c in claims if c.kind == "figure"]
    by_text = {c.text: c for c in figures}
    changed = by_text["2006"]
    assert changed.verdict is Verdict.ALTERED_FIGURE
    assert changed.explanation == "The draft says 2006; the source says 2009."
    assert changed.evidence and "since 2009" in changed.evidence[0].text
    assert changed.figure is not None and changed.figure.value == 2006
    assert by_text["March 2024"].verdict is Verdict.VERIFIED
    # a figure inside a quote is judged with its quote, never on its own
    assert not any("42,000" in c.text for c in figures)


def test_claims_ordered_by_span_with_spans_into_body(claims: list[Claim]) -> None:
    spans = [c.span for c in claims]
    assert spans == sorted(spans)
    for c in claims:
        assert DRAFT[c.span[0] : c.span[1]] == c.text
        for ev in c.evidence:
            assert 0 <= ev.score <= 100
            assert 0 <= c.score <= 100


def test_summary(claims: list[Claim]) -> None:
    s = summarise(claims)
    assert s["claims"] == len(claims)
    by = s["by_verdict"]
    assert isinstance(by, dict)
    assert sum(by.values()) == len(claims)
    assert s["flagged"] == len(claims) - by["verified"]
    assert by["misattributed"] == 1 and by["unverified"] == 1 and by["altered_quote"] == 1
    assert set(by) == {v.value for v in Verdict}


def test_allowed_edits_stay_verified(index: CorpusIndex) -> None:
    draft = (
        'Shea said: "pyongyang keeps shipping coal … and every ton pays for more missiles."\n\n'
        "The envoy, Dorothy Shea, said '[North Korea] keeps shipping coal and iron ore across its "
        "border'."
    )
    claims = check_draft(draft, index)
    assert [c.verdict for c in claims if c.kind == "quote"] == [Verdict.VERIFIED] * 2


def test_quote_without_a_speaker_is_not_misattributed(index: CorpusIndex) -> None:
    draft = (
        "“Pyongyang keeps shipping coal and iron ore across its border in open defiance of this "
        "Council.”"
    )
    [claim] = [c for c in check_draft(draft, index) if c.kind == "quote"]
    assert claim.speaker is None
    assert claim.verdict is Verdict.VERIFIED
    assert "the draft does not say who said them" in claim.explanation


def test_a_short_term_in_quote_marks_that_no_one_said_is_no_claim(index: CorpusIndex) -> None:
    draft = "But “open defiance” is easier alleged than proved.\n\n"
    draft += "The envoy said it was “open defiance.”"
    [claim] = [c for c in check_draft(draft, index) if c.kind == "quote"]
    assert claim.span[0] == draft.rindex("open defiance")


def test_max_claims_and_empty_draft(index: CorpusIndex) -> None:
    assert check_draft("", index) == []
    assert summarise([]) == {
        "claims": 0,
        "flagged": 0,
        "by_verdict": {v.value: 0 for v in Verdict},
    }
    assert len(check_draft(DRAFT, index, max_claims=2)) == 2


def test_empty_index_everything_unverified() -> None:
    claims = check_draft(DRAFT, CorpusIndex())
    assert claims and all(c.verdict is Verdict.UNVERIFIED for c in claims)


#: Golden scores: the verdict and score of every claim of the fixture draft. A change here is a
#: change in what checkers see; update it only on purpose, with the benchmark run that justifies it.
GOLDEN = [
    ("quote", "the networks that earn money", "verified", 100.0),
    ("quote", "Pyongyang keeps shipping coal and iron o", "misattributed", 100.0),
    ("quote", "over 42,000 containers of munitions and ", "altered_figure", 98.2),
    ("figure", "September 2023", "verified", 100.0),
    ("quote", "We will never allow Pyongyang to profit ", "unverified", 0.0),
    ("quote", "When North Korea openly ignores the deci", "verified", 100.0),
    ("quote", "The record before this Council leaves no", "altered_quote", 90.5),
    ("figure", "2006", "altered_figure", 92.9),
    ("figure", "March 2024", "verified", 90.0),
]


def test_golden_verdicts_and_scores() -> None:
    index = CorpusIndex.build(passages(Document(id="wire-1", title=TITLE, text=WIRE)))
    got = [(c.kind, c.text[:40], c.verdict.value, c.score) for c in check_draft(DRAFT, index)]
    assert got == GOLDEN


def test_truncation_is_reported(index: CorpusIndex) -> None:
    claims = check_draft(DRAFT, index, max_claims=2)
    assert claims[-1].extra["truncated"] == {"checked": 2, "found": len(GOLDEN)}
    assert summarise(claims)["unchecked"] == len(GOLDEN) - 2
    assert "unchecked" not in summarise(check_draft(DRAFT, index))


def test_explanations_read_as_sentences() -> None:
    statement = Document(
        id="s-1",
        title="Statement",
        text="The talks will resume in Geneva once every party has agreed to the agenda.",
        speaker="The United States",
    )
    index = CorpusIndex.build(passages(statement))
    draft = (
        "Officials briefed reporters on Monday.\n\n"
        "“The talks will resume in Geneva once every party has agreed to the agenda,” "
        "Dorothy Shea said."
    )
    [claim] = [c for c in check_draft(draft, index) if c.kind == "quote"]
    assert "'s" not in claim.explanation
    assert "the United States" in claim.explanation


def test_headline_and_common_nouns_are_not_speakers(index: CorpusIndex) -> None:
    draft = (
        "Sanctions monitors: what was said at the Council\n\n"
        "Analysts were divided over the session.\n\n"
        "“Pyongyang keeps shipping coal and iron ore across its border in open defiance of this "
        "Council.”"
    )
    [claim] = [c for c in check_draft(draft, index) if c.kind == "quote"]
    assert claim.verdict is Verdict.VERIFIED


def test_percent_and_short_rewording(index: CorpusIndex) -> None:
    wire = Document(
        id="poll-1",
        title="Poll",
        text="“Just 9 percent of voters changed their minds,” the pollster Ana Ruiz said.",
    )
    idx = CorpusIndex.build(passages(wire))
    draft = (
        "Ana Ruiz said: “Just 9% of voters changed their minds.”\n\n"
        "Ruiz added: “Just 9 percent of voters altered their minds.”"
    )
    verdicts = [c.verdict for c in check_draft(draft, idx) if c.kind == "quote"]
    assert verdicts == [Verdict.VERIFIED, Verdict.ALTERED_QUOTE]


@pytest.mark.parametrize(
    ("draft", "verdict"),
    [
        (
            "Ana Ruiz said: “The harbour will stay open to every boat, whatever the council "
            "decides.”",
            Verdict.VERIFIED,
        ),
        (
            "Bo Lind said: “The harbour will stay open to every boat, whatever the council "
            "decides.”",
            Verdict.VERIFIED,
        ),
        (
            "Ana Ruiz and Bo Lind said: “The harbour will stay open to every boat, whatever the "
            "council decides.”",
            Verdict.VERIFIED,
        ),
        (
            "Tom Vale said: “The harbour will stay open to every boat, whatever the council "
            "decides.”",
            Verdict.MISATTRIBUTED,
        ),
    ],
)
def test_a_joint_statement_is_either_speakers_words(draft: str, verdict: Verdict) -> None:
    joint = Document(
        id="joint-1",
        title="Port owners pledge",
        text="Ana Ruiz and Bo Lind said in a joint statement: “The harbour will stay open to "
        "every boat, whatever the council decides.”",
    )
    [claim] = [
        c for c in check_draft(draft, CorpusIndex.build(passages(joint))) if c.kind == "quote"
    ]
    assert claim.verdict is verdict
