"""Reference passages (read like a draft) and the shingle candidate index."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checking.corpus import CorpusIndex, match_key, passages, search_key, shingle_tokens
from checking.model import Document, Passage
from checking.speakers import same_speaker


def words(text: str) -> list[str]:
    return text.split()


FIXTURES = Path(__file__).parent / "fixtures"
WIRE = (FIXTURES / "sanctions_wire.txt").read_text(encoding="utf-8")


def wire() -> Document:
    return Document(id="wire-1", title="UN hears of sanctions breaches", text=WIRE)


def quote_containing(ps: list[Passage], words: str) -> Passage:
    return next(p for p in ps if p.kind == "quote" and words in p.text)


def test_article_quotes_carry_their_speakers() -> None:
    ps = passages(wire())
    containers = quote_containing(ps, "24,000 containers")
    assert same_speaker(containers.speaker, "Dorothy Shea")
    tighten = quote_containing(ps, "tighten the existing sanctions")
    assert same_speaker(tighten.speaker, "Joonkook Hwang")
    for p in ps:
        assert WIRE[p.span[0] : p.span[1]] == p.text
        assert p.document_id == "wire-1" and p.title == "UN hears of sanctions breaches"


def test_article_sentences_cover_figures_outside_quotes() -> None:
    sentences = [p for p in passages(wire()) if p.kind == "sentence"]
    assert any("since 2009" in p.text for p in sentences)
    assert all(p.speaker is None for p in sentences)


def test_statement_speaker_attributes_every_paragraph() -> None:
    doc = Document(
        id="st-1",
        title="Statement",
        text="We will keep the pressure on.\n\nSanctions must be enforced in full.",
        kind="statement",
        speaker="Dorothy Shea",
    )
    quotes = [p for p in passages(doc) if p.kind == "quote"]
    assert [p.text for p in quotes] == [
        "We will keep the pressure on.",
        "Sanctions must be enforced in full.",
    ]
    assert {p.speaker for p in quotes} == {"Dorothy Shea"}


def test_transcript_turns_and_continuations() -> None:
    text = (
        "DOROTHY SHEA: The Council must act.\n"
        "It has waited long enough.\n"
        "Joonkook Hwang: We agree with our colleague.\n"
    )
    doc = Document(id="tr-1", title="Transcript", text=text, kind="transcript")
    quotes = [p for p in passages(doc) if p.kind == "quote"]
    assert [(p.speaker, p.text) for p in quotes] == [
        ("Dorothy Shea", "The Council must act.\nIt has waited long enough."),
        ("Joonkook Hwang", "We agree with our colleague."),
    ]
    for p in quotes:
        assert text[p.span[0] : p.span[1]] == p.text


def test_keys_mask_digits_and_keep_length() -> None:
    assert search_key("Over 24,000 Containers") == "over 00,000 containers"
    assert match_key("‘Over  24,000’ — Containers") == "'over 00,000' - containers"
    assert shingle_tokens("over 24,000 containers") == shingle_tokens("over 42,000 containers")
    assert shingle_tokens("three ships") == shingle_tokens("four ships")


def test_changed_number_still_retrieves_source() -> None:
    index = CorpusIndex.build(passages(wire()))
    top = index.candidates("over 42,000 containers of munitions", limit=3, kind="quote")
    assert "over 24,000 containers" in top[0].text


def test_kind_filter_and_short_quotes() -> None:
    index = CorpusIndex.build(passages(wire()))
    assert all(p.kind == "sentence" for p in index.candidates("the panel", kind="sentence"))
    top = index.candidates("shielding", limit=5, kind="quote")
    assert top[0].text == "deliberately shielding"


def test_add_replaces_and_remove_drops_a_document() -> None:
    index = CorpusIndex()
    index.add(passages(wire()))
    n = len(index)
    index.add(passages(wire()))  # re-ingest: idempotent
    assert len(index) == n
    assert "wire-1" in index
    other = Document(id="other", title="Other", text="‘Coal keeps moving,’ the trader said.")
    index.add(passages(other))
    assert len(index) > n
    assert index.remove("wire-1") == n
    assert "wire-1" not in index
    assert index.candidates("over 24,000 containers of munitions") == [] or all(
        p.document_id == "other" for p in index.candidates("over 24,000 containers of munitions")
    )
    assert index.remove("missing") == 0


def test_compaction_keeps_results() -> None:
    index = CorpusIndex()
    for i in range(40):
        index.add([Passage(f"d{i}", "t", "quote", (0, 20), f"alpha beta gamma number {i}", None)])
    for i in range(35):
        index.remove(f"d{i}")
    assert len(index) == 5
    found = index.candidates("alpha beta gamma number", limit=10)
    assert sorted(p.document_id for p in found) == [f"d{i}" for i in range(35, 40)]
    assert len(list(index)) == 5


def test_common_shingles_are_capped() -> None:
    ps = [
        Passage(f"d{i}", "t", "sentence", (0, 10), f"the council met {w}", None)
        for i, w in enumerate(["today", "again", "late", "early", "twice"])
    ]
    index = CorpusIndex.build(ps, max_postings=3)
    # "the council met" is in every passage: capped, so the rare word decides
    assert index.candidates("the council met late", limit=1)[0].document_id == "d2"


_WORDS = st.sampled_from(
    words(
        "council sanctions envoy missiles coal iron ore veto panel russia korea china the of "
        "and to in said over 24,000 100 containers munitions ambassador resolution march 2024"
    )
)
_TEXTS = (
    st.lists(_WORDS, min_size=1, max_size=25)
    .filter(lambda ws: any(w.isalpha() for w in ws))  # a bare number has nothing to retrieve by
    .map(" ".join)
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_TEXTS, min_size=1, max_size=25, unique=True), st.data())
def test_own_text_retrieves_itself_first(texts: list[str], data: st.DataObject) -> None:
    ps = [Passage(f"d{i}", "t", "quote", (0, len(t)), t, None) for i, t in enumerate(texts)]
    index = CorpusIndex.build(ps)
    assert len(index) == len(ps)
    target = data.draw(st.sampled_from(ps))
    top = index.candidates(target.text, limit=len(ps))
    assert top, "own text must retrieve something"
    assert target in top

    def keys(text: str) -> tuple[set[str], set[str]]:
        # What the index finds a passage by: its word 3-grams and its words other than numbers.
        t = shingle_tokens(text)
        return {" ".join(t[i : i + 3]) for i in range(len(t) - 2)}, {w for w in t if w != "#"}

    # first is the passage itself, or one the index cannot tell apart from it (same shingles)
    assert top[0] == target or keys(top[0].text) == keys(target.text)


@pytest.mark.parametrize(
    ("target", "other"),
    [
        ("council council council council", "council council council sanctions"),
        ("council envoy", "council envoy council"),
        ("envoy said", "envoy said the council envoy said"),
    ],
)
def test_ties_go_to_the_passage_with_nothing_the_query_lacks(target: str, other: str) -> None:
    """Both passages share every key of ``target``; the one that has nothing more wins, whichever
    was indexed first."""
    for order in ((other, target), (target, other)):
        ps = [Passage(f"d{i}", "t", "quote", (0, len(t)), t, None) for i, t in enumerate(order)]
        top = CorpusIndex.build(ps).candidates(target, limit=2)
        assert top[0].text == target
