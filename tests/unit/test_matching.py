"""Verification: alignment in document offsets, allowed edits, word diff, index vs brute force."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from checking.corpus import CorpusIndex, passages
from checking.matching import (
    brute_force,
    context_matches,
    diff_tokens,
    find_evidence,
    required_score,
    verify,
    word_diff,
)
from checking.model import DiffOp, Document, Passage


def words(text: str) -> list[str]:
    return text.split()


FIXTURES = Path(__file__).parent / "fixtures"
WIRE = (FIXTURES / "sanctions_wire.txt").read_text(encoding="utf-8")
DOC = Document(id="wire-1", title="UN hears of sanctions breaches", text=WIRE)
PASSAGES = passages(DOC)
INDEX = CorpusIndex.build(PASSAGES)


def test_partial_quote_reports_aligned_span_in_document() -> None:
    [best, *_] = find_evidence("the networks that earn money", INDEX)
    assert WIRE[best.span[0] : best.span[1]] == "the networks that earn money" == best.text
    assert best.score == 100 and best.masked_score == 100


def test_changed_number_is_same_passage_with_lower_score() -> None:
    [best, *_] = find_evidence("over 42,000 containers of munitions", INDEX)
    assert best.text == "over 24,000 containers of munitions"
    assert best.masked_score == 100
    assert best.score < 100


def test_curly_and_straight_quote_marks_match_equally() -> None:
    a = find_evidence("The record before this Council leaves no doubt", INDEX)[0]
    b = find_evidence("The record before this Council leaves no doubt", INDEX)[0]
    assert a.span == b.span
    c = find_evidence("Pyongyang keeps shipping coal and iron ore across its border", INDEX)[0]
    assert c.text.startswith("Pyongyang keeps shipping coal")


def test_ellipsis_and_brackets_align_piece_by_piece() -> None:
    claim = "Pyongyang keeps shipping coal … and every ton pays for more missiles"
    [best, *_] = find_evidence(claim, INDEX)
    assert best.masked_score >= 95
    assert best.text.startswith("Pyongyang keeps shipping coal and iron ore")
    assert best.text.rstrip(",").endswith("pays for more missiles")
    bracketed = "[North Korea] keeps shipping coal and iron ore across its border"
    assert find_evidence(bracketed, INDEX)[0].masked_score >= 95


def test_invented_quote_finds_nothing() -> None:
    assert (
        find_evidence("We will never allow Pyongyang to profit from selling weapons", INDEX) == []
    )


def test_short_claims_need_a_higher_score() -> None:
    assert required_score(30) > required_score(40) > required_score(200)
    assert required_score(200) == required_score(80) == 70
    assert required_score(10) == 100  # a word or two: exact only


def test_index_and_brute_force_agree() -> None:
    for claim in [
        "over 42,000 containers of munitions",
        "our answer must be to tighten the existing sanctions",
        "the networks that earn money",
        "The record before this Council leaves no doubt that Russia is blocking our work",
    ]:
        via_index = find_evidence(claim, INDEX, limit=1)
        direct = brute_force(claim, PASSAGES, kind="quote", limit=1)
        assert via_index and direct
        assert via_index[0].span == direct[0].span


def test_context_matches_finds_paraphrased_sentence() -> None:
    sentences = [p for p in PASSAGES if p.kind == "sentence"]
    found = context_matches(
        "the expert panel had tracked North Korea's compliance with sanctions since 2006",
        sentences,
    )
    assert found and "since 2009" in found[0].text
    assert context_matches("the weather was fine", sentences) == []


def test_word_diff_ignores_quote_style_case_and_trailing_punctuation() -> None:
    ops = word_diff(
        "“Pyongyang’s actions defy the Council,”", "'pyongyang's actions defy the Council.'"
    )
    assert [op.op for op in ops] == ["equal"]


def test_word_diff_percent_and_ops() -> None:
    assert [op.op for op in word_diff("rose to 48 percent", "rose to 48%")] == ["equal"]
    ops = word_diff("the Council must act now", "the Council should act")
    assert ops == [
        DiffOp("equal", "the Council", "the Council"),
        DiffOp("replace", "must", "should"),
        DiffOp("equal", "act", "act"),
        DiffOp("insert", "now", ""),
    ]
    assert word_diff("a b", "a x b") == [
        DiffOp("equal", "a", "a"),
        DiffOp("delete", "", "x"),
        DiffOp("equal", "b", "b"),
    ]


def test_verify_without_candidates() -> None:
    assert verify("anything at all", []) == []
    assert verify("...", [PASSAGES[0]]) == []


_VOCAB = st.sampled_from(
    words(
        "council sanctions envoy missiles coal iron ore veto panel russia korea china the of "
        "and to in said over 24,000 100 containers munitions ambassador ‘quoted’ “marks” don’t "
        "— … [it] 48% percent"
    )
)
_TEXT = st.lists(_VOCAB, min_size=1, max_size=30).map(" ".join)


@given(_TEXT)
def test_word_diff_of_equal_texts_is_all_equal(text: str) -> None:
    assert all(op.op == "equal" for op in word_diff(text, text))


@given(_TEXT, _TEXT)
def test_word_diff_reassembles_each_side(draft: str, source: str) -> None:
    ops = word_diff(draft, source)
    assert " ".join(op.draft for op in ops if op.draft) == " ".join(diff_tokens(draft))
    assert " ".join(op.source for op in ops if op.source) == " ".join(diff_tokens(source))
    for op in ops:
        assert op.op in ("equal", "replace", "insert", "delete")
        assert (op.op == "insert") == (op.draft != "" and op.source == "")
        assert (op.op == "delete") == (op.draft == "" and op.source != "")


_SENTENCE = st.lists(
    st.sampled_from(
        words(
            "council sanctions envoy missiles coal iron ore veto panel russia korea china the "
            "of and to in said over 24,000 100 containers munitions ambassador resolution brazenly"
        )
    ),
    min_size=4,
    max_size=30,
).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(_SENTENCE, min_size=1, max_size=20, unique=True), st.data())
def test_own_text_is_found_first_with_spans_in_bounds(
    texts: list[str], data: st.DataObject
) -> None:
    prefix = "Lead paragraph. "
    ps = [
        Passage(f"d{i}", f"T{i}", "quote", (len(prefix), len(prefix) + len(t)), t, None)
        for i, t in enumerate(texts)
    ]
    target = data.draw(st.sampled_from(ps))
    index = CorpusIndex.build(ps)
    for found in (
        find_evidence(target.text, index, limit=len(ps)),
        brute_force(target.text, ps, limit=len(ps)),
    ):
        assert found
        assert found[0].masked_score == 100 and found[0].score == 100
        assert found[0].text == target.text or found[0].passage == target
        for m in found:
            doc_text = prefix + m.passage.text
            assert len(prefix) <= m.span[0] <= m.span[1] <= len(doc_text)
            assert doc_text[m.span[0] : m.span[1]] == m.text


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_fragment_span_points_at_fragment(data: st.DataObject) -> None:
    ws = data.draw(
        st.lists(
            st.sampled_from(
                words("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu")
            ),
            min_size=6,
            max_size=30,
        )
    )
    i = data.draw(st.integers(0, len(ws) - 4))
    j = data.draw(st.integers(i + 4, len(ws)))
    text = " ".join(ws)
    fragment = " ".join(ws[i:j])
    p = Passage("d", "t", "quote", (10, 10 + len(text)), text, None)
    [m] = verify(fragment, [p], limit=1)
    assert m.masked_score == 100
    assert m.text == text[m.span[0] - 10 : m.span[1] - 10]
    assert m.text == fragment


_VOCABULARY = """
    council envoy shipping coal border missiles panel report sanctions record vote
    Pyongyang Moscow said keeps across open defiance 24,000 48% nine
"""
_WORDS = st.lists(
    st.sampled_from(_VOCABULARY.split()),
    min_size=6,
    max_size=18,
)


@given(_WORDS, st.sampled_from(["", "“", "'", '"']))
def test_quoted_words_find_their_own_passage(words: list[str], mark: str) -> None:
    text = " ".join(words)
    p = Passage("d", "t", "quote", (5, 5 + len(text) + 1), text + ".", None)
    [m] = verify(mark + text + mark, [p], limit=1)
    assert m.masked_score >= 98 and m.score >= 98  # a trailing "." may join the window
    assert all(op.op == "equal" for op in word_diff(text, m.text))


@given(_WORDS)
def test_percent_form_is_never_a_change(words: list[str]) -> None:
    text = " ".join(words)
    ops = word_diff(text, text.replace("48%", "48 percent"))
    assert [op.op for op in ops] == ["equal"]


def test_fragment_found_whole_where_the_best_alignment_cuts_a_word() -> None:
    """'eta beta eta eta' aligns perfectly inside 'b|eta beta eta eta', but stands whole later."""
    text = "beta beta eta eta beta eta eta"
    p = Passage("d", "t", "quote", (10, 10 + len(text)), text, None)
    [m] = verify("eta beta eta eta", [p], limit=1)
    assert m.masked_score == 100
    assert m.span == (10 + 14, 10 + 30) and m.text == "eta beta eta eta"
