"""The learned speaker-mention ranker. Every sentence here is invented for the test."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from checking import ranker, speaker_weights, speakers
from checking.model import Quote
from checking.quotes import extract_quotes
from checking.text import paragraphs, sentences

BENCH = Path(__file__).resolve().parents[2] / "bench"


def make_ranker(text: str, weights: dict[str, float] | None = None) -> ranker.Ranker:
    quotes = extract_quotes(text)
    masked = speakers._mask(text, quotes)
    names = speakers._collect_names(text)
    return ranker.Ranker(
        text,
        masked,
        sentences(text),
        paragraphs(text),
        frozenset(speakers.CUE_VERBS),
        speakers._known_names(text, names),
        speakers._heading_spans(text),
        weights if weights is not None else {},
        0.0,
        0.0,
    )


def candidate(r: ranker.Ranker, words: str) -> ranker.Candidate:
    [c] = [c for c in r.cands if c.text == words]
    return c


def who(text: str) -> list[tuple[str | None, str | None, str]]:
    speakers._TRACE = []
    try:
        out = attribute_with_trace(text)
    finally:
        speakers._TRACE = None
    return out


def attribute_with_trace(text: str) -> list[tuple[str | None, str | None, str]]:
    quotes = speakers.attribute(text, extract_quotes(text))
    assert speakers._TRACE is not None
    return [
        (q.speaker, text[q.speaker_span[0] : q.speaker_span[1]] if q.speaker_span else None, rule)
        for q, rule in zip(quotes, speakers._TRACE, strict=True)
    ]


def test_candidates_are_names_pronouns_and_role_phrases_at_exact_offsets() -> None:
    text = "Harbour officials met on Monday. Mayor Ruth Okafor said she backs “the new pier.”"
    r = make_ranker(text)
    got = {(c.text, c.kind) for c in r.cands}
    assert {
        ("Harbour officials", "role"),
        ("Mayor Ruth Okafor", "name"),
        ("she", "pronoun"),
        ("Monday", "name"),
    } <= got
    for c in r.cands:
        assert text[c.span[0] : c.span[1]] == c.text
    mayor = candidate(r, "Mayor Ruth Okafor")
    assert mayor.span == (text.index("Mayor"), text.index(" said"))
    # Nothing inside the quote is a candidate.
    assert not any(c.span[0] >= text.index("“") for c in r.cands)


def test_a_sentence_opening_word_is_not_part_of_a_name() -> None:
    text = "But Ana Ruiz disagreed."
    r = make_ranker(text)
    ruiz = candidate(r, "Ana Ruiz")
    assert ruiz.span == (4, 12)


@pytest.mark.parametrize(
    ("text", "words", "feature"),
    [
        ("Ana Ruiz said the pier is “unsafe.”", "Ana Ruiz", "cueA"),
        ("Ana Ruiz also quickly said the pier is “unsafe.”", "Ana Ruiz", "cueA+"),
        ("Ana Ruiz, a ferry captain, said the pier is “unsafe.”", "Ana Ruiz", "cueApp"),
        ("The pier is “unsafe,” said the harbour spokesman.", "the harbour spokesman", "cueB"),
        ("The pier is “unsafe,” according to the ministry.", "the ministry", "acc"),
        ("Ana Ruiz told Bo Lind the pier is “unsafe.”", "Bo Lind", "objB"),
        ("Ana Ruiz was asked whether the pier is “unsafe.”", "Ana Ruiz", "passA"),
        ("A letter from Ana Ruiz calls the pier “unsafe.”", "Ana Ruiz", "prep"),
        ("Ana Ruiz’s deputy said the pier is “unsafe.”", "Ana Ruiz’s", "poss"),
        ("Ana Ruiz: “The pier is unsafe.”", "Ana Ruiz", "colon"),
        ("Ana Ruiz will say the pier is “unsafe.”", "Ana Ruiz", "cueAnot"),
        ("Ana Ruiz did not say the pier is “unsafe.”", "Ana Ruiz", "cueAnot"),
        ("Ana Ruiz told reporters the pier is “unsafe.”", "Ana Ruiz", "cw:told"),
        ("The pier is “unsafe,” said Ana Ruiz.", "Ana Ruiz", "cwB:said"),
        ("The pier is “unsafe,” said Ana Ruiz.", "Ana Ruiz", "cueB0"),
        ("The pier is “unsafe,” said Ana Ruiz.", "Ana Ruiz", "cueBend"),
    ],
)
def test_intrinsic_features(text: str, words: str, feature: str) -> None:
    r = make_ranker(text)
    assert feature in r._intrinsic_features(candidate(r, words))


def test_a_cue_before_a_mention_that_runs_on_is_not_a_closing_cue() -> None:
    text = "The pier is “unsafe,” said the mayor of the town."
    r = make_ranker(text)
    feats = r._intrinsic_features(candidate(r, "the mayor"))
    assert "cueB0" in feats and "cueBend" not in feats


def test_a_capitalised_verb_or_adverb_and_lower_case_words_inside_a_name() -> None:
    text = "Hastily Ana Ruiz said the pier is “unsafe.”"
    r = make_ranker(text)
    assert "ingly" in r._intrinsic_features(candidate(r, "Hastily Ana Ruiz"))
    # A rules' pick that runs over the writer's words ("Ana Ruiz of the port").
    text = "Ana Ruiz of the port said the pier is “unsafe.”"
    r = make_ranker(text)
    odd = ranker.Candidate((0, 20), text[:20], "name")
    assert odd.text == "Ana Ruiz of the port"
    assert "lowerin" in r._intrinsic_features(odd)
    assert not {"lowerin", "ingly"} & set(r._intrinsic_features(candidate(r, "Ana Ruiz")))


def test_a_phrase_headed_by_no_person_is_abstract() -> None:
    assert ranker._abstract_head("The mood")
    assert ranker._abstract_head("the harbour’s weather’s")
    assert not ranker._abstract_head("the harbour spokesman")
    assert not ranker._abstract_head("Ana Ruiz")
    assert not ranker._abstract_head("the 2020 budget")


def test_clause_and_sentence_distance_and_the_rules_person() -> None:
    text = (
        "Ana Ruiz opened the hearing. Later, after a recess, Bo Lind rose, and Ruiz said "
        "the pier is “unsafe.”"
    )
    r = make_ranker(text)
    [q] = extract_quotes(text)
    sents = sentences(text)
    si = next(k for k, s in enumerate(sents) if s[0] <= q.span[0] < s[1])
    win = (0, si, si, sents[si][0], sents[si][1])
    ruiz = candidate(r, "Ruiz")
    old = ranker.COLLECT
    ranker.COLLECT = []
    try:
        near = set(r.features(ruiz, q, win, "before", ruiz.span, None, 0, ["qmid"])[0])
        lind = set(r.features(candidate(r, "Bo Lind"), q, win, "before", ruiz.span, None, 1, [])[0])
        first = set(
            r.features(candidate(r, "Ana Ruiz"), q, win, "before", ruiz.span, None, 2, [])[0]
        )
    finally:
        ranker.COLLECT = old
    assert "clB0" in near and "sqB0" in near and "R" in near
    assert "clB1" in lind and "sqB0" in lind and "Rsame" not in lind
    assert "clB3" in first and "sqB1" in first and "Rsame" in first


def test_the_outer_speaker_of_a_sentence_with_two_cues() -> None:
    # Scoring with no weights still gathers the features; read them through the fit hook.
    text = "Ana Ruiz said on Monday that Bo Lind told her the pier is “unsafe.”"
    feats = collected_features(text)
    assert "sB|cueOuter" in feats["Ana Ruiz"] and "sB|cueFar" in feats["Ana Ruiz"]
    assert "sB|cueOuter" not in feats["Bo Lind"] and "sB|cueNear" in feats["Bo Lind"]


def test_the_first_mention_of_a_paragraph_and_of_an_earlier_sentence_with_a_cue() -> None:
    text = "Bo Lind said nothing. Cy Orr smiled.\n\n“We wait,” he added."
    feats = {w: {f.split("|")[-1] for f in fs} for w, fs in collected_features(text).items()}
    assert "pfirst" in feats["Bo Lind"] and "pfirst" not in feats["Cy Orr"]
    assert "scue" in feats["Bo Lind"] and "first" in feats["Bo Lind"]
    assert "scue" not in feats["Cy Orr"] and "first" in feats["Cy Orr"]
    assert "pfirst" in feats["he"] and "scue" not in feats["he"]  # the quote's own sentence


def test_position_features_relative_to_the_quote() -> None:
    text = "The council met. Bo Lind spoke first.\n\n“We are ready,” Ana Ruiz said."
    r = make_ranker(text)
    [q] = extract_quotes(text)
    paras = paragraphs(text)
    sents = sentences(text)
    si = next(k for k, s in enumerate(sents) if s[0] <= q.span[0] < s[1])
    win = (1, si, si, sents[si][0], sents[si][1])
    feats = {}
    for words in ("Ana Ruiz", "Bo Lind"):
        c = candidate(r, words)
        fs, _ = collect_features(r, c, q, win)
        feats[words] = set(fs)
    assert "sA" in feats["Ana Ruiz"] and "sA|d0" in feats["Ana Ruiz"]
    assert "P1" in feats["Bo Lind"]
    assert paras[1][0] == q.span[0] - 1


def collect_features(
    r: ranker.Ranker, c: ranker.Candidate, q: Quote, win: tuple[int, int, int, int, int]
) -> tuple[tuple[str, ...], float]:
    old = ranker.COLLECT
    ranker.COLLECT = []
    try:
        return r.features(c, q, win, "f3", None, None, 0, ["qps"])
    finally:
        ranker.COLLECT = old


def test_ranker_fills_in_a_quote_the_rules_left_without_a_speaker(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # No cue verb anywhere: the rules find nobody; the ranker takes the clause's subject. Below
    # NAME_CONFIDENCE it marks the mention but names nobody; at or above it, it names the mention.
    monkeypatch.setattr(ranker, "NAME_CONFIDENCE", 1.01)
    [(speaker, mention, rule)] = who(UNCUED)
    assert (speaker, mention, rule) == (None, "Longshoremen", "ranker/name")
    monkeypatch.setattr(ranker, "NAME_CONFIDENCE", 0.0)
    [(speaker, mention, rule)] = who(UNCUED)
    assert (speaker, mention, rule) == ("Longshoremen", "Longshoremen", "ranker/name")


UNCUED = "On the docks, the mood was tense. Longshoremen waved signs reading “Save the pier.”"


@pytest.mark.parametrize(
    ("text", "speaker", "mention"),
    [
        ("“We are ready,” Ana Silva said.", "Ana Silva", "Ana Silva"),
        ("“We are ready,” said the envoy, Ana Silva.", "Ana Silva", "Ana Silva"),
        ("Bo Lind was asked by the host, Greta Holm, “Will you run again?”", "Greta Holm", None),
        ("The envoy, Dorothy Vance, said the talks would expose “the networks.”", None, None),
    ],
)
def test_ranker_keeps_the_rules_where_they_are_right(
    text: str, speaker: str | None, mention: str | None
) -> None:
    [(got_speaker, got_mention, rule)] = who(text)
    assert not rule.startswith("ranker")
    if speaker is not None:
        assert got_speaker == speaker
    if mention is not None:
        assert got_mention == mention


def test_no_weights_leaves_the_rules_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(speaker_weights, "WEIGHTS", {})
    [(speaker, mention, rule)] = who(UNCUED)
    assert (speaker, mention, rule) == (None, None, "clause-subject")


def test_rules_outside_the_ranked_set_are_not_scored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(speaker_weights, "RANKED_RULES", frozenset({"subject"}))
    [(speaker, mention, rule)] = who(UNCUED)
    assert (speaker, mention, rule) == (None, None, "clause-subject")
    monkeypatch.setattr(speaker_weights, "RANKED_RULES", frozenset({"clause-subject"}))
    [(_, mention, rule)] = who(UNCUED)
    assert (mention, rule) == ("Longshoremen", "ranker/name")


def test_collect_mode_records_candidates_without_changing_answers() -> None:
    text = "Bo Lind reveals a few facts: “Half the boats are idle.”"
    ranker.COLLECT = []
    try:
        [q] = speakers.attribute(text, extract_quotes(text))
        [collected] = ranker.COLLECT
    finally:
        ranker.COLLECT = None
    assert q.speaker_span is not None
    assert text[q.speaker_span[0] : q.speaker_span[1]] == "Bo Lind"
    assert collected.rule == "f5"
    assert collected.candidates[-1][0] is ranker.NULL
    rule_feats = dict((c.text, fs) for c, fs in collected.candidates)["Bo Lind"]
    assert "R" in rule_feats and "R|f5" in rule_feats


def load_fit_script() -> object:
    sys.path.insert(0, str(BENCH))
    try:
        spec = importlib.util.spec_from_file_location("fit_speakers", BENCH / "fit_speakers.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["fit_speakers"] = module
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(BENCH))
        sys.modules.pop("fit_speakers", None)
    return module


def test_fit_script_output_loads(tmp_path: Path) -> None:
    fit = load_fit_script()
    out = tmp_path / "weights_module.py"
    fit.write_module(out, {"R": 1.25, "sA|cueB": -0.5}, 0.1, 0.2, "SPLIT", ["subject", "none"])  # type: ignore[attr-defined]
    spec = importlib.util.spec_from_file_location("weights_module", out)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.WEIGHTS == {"R": 1.25, "sA|cueB": -0.5}
    assert (module.THRESHOLD, module.THRESHOLD_EMPTY) == (0.1, 0.2)
    assert sorted(module.RANKED_RULES) == ["none", "subject"]
    assert "Generated by" in (module.__doc__ or "")
    fit.write_module(out, {}, 0.1, 0.2, "SPLIT", [])  # type: ignore[attr-defined]
    spec.loader.exec_module(module)
    assert isinstance(module.RANKED_RULES, frozenset) and not module.RANKED_RULES


def test_fit_ranks_only_rules_its_replacements_improve() -> None:
    fit = load_fit_script()
    group = fit.Group  # type: ignore[attr-defined]

    def g(rule: str, rule_ok: bool) -> object:
        return group(0, [], [], [], rule_ok, rule=rule)

    groups = [
        g("guess", False),
        g("guess", False),
        g("guess", True),
        g("cue", True),
        g("cue", False),
    ]
    # (top candidate right, margin over the rules' mention, top is the rules' mention)
    dec = [
        (True, 0.95, False),
        (True, 0.95, False),
        (False, 0.95, False),
        (False, 0.95, False),
        (True, 0.5, False),
    ]
    got = fit.gains(groups, dec, 0.9, 0.2)  # type: ignore[attr-defined]
    # Three "guess" answers replaced: two put right, one put wrong. One "cue" answer replaced,
    # wrongly; the other stays (its margin is under the threshold).
    assert got == {"guess": (3, 1), "cue": (1, -1)}


def test_shipped_weights_are_generated_numbers() -> None:
    assert "Generated by" in (speaker_weights.__doc__ or "")
    assert speaker_weights.WEIGHTS
    assert all(isinstance(v, float) for v in speaker_weights.WEIGHTS.values())
    assert 0.0 <= speaker_weights.THRESHOLD <= 1.0
    assert 0.0 <= speaker_weights.THRESHOLD_EMPTY <= 1.0


def collected_features(text: str) -> dict[str, set[str]]:
    """Each candidate's features (by its words) for the text's last quote, in collect mode."""
    ranker.COLLECT = []
    try:
        speakers.attribute(text, extract_quotes(text))
        collected = ranker.COLLECT[-1]
    finally:
        ranker.COLLECT = None
    return {c.text: set(fs) for c, fs in collected.candidates}


def test_gender_comes_from_a_title_or_first_name_anywhere_in_the_text() -> None:
    r = make_ranker("Ms. Kell met John Tate. Later Kell and Tate spoke. Pat Orr left.")
    assert (r.gender_of("Kell"), r.gender_of("Tate’s"), r.gender_of("Orr")) == ("f", "m", "")


def test_pronoun_gender_agreement_and_salience_features() -> None:
    text = (
        "Ms. Dana Kell runs the port; Kell is busy. John Tate met the mayor, and she said: "
        "“We need more cranes.”"
    )
    feats = collected_features(text)
    # "she" right after John Tate does not agree with him; Kell recurs; Tate sees a "she" later.
    assert {f for f in feats["she"] if f.endswith("gClash")} == {"sB|gClash", "sB|k:he|gClash"}
    assert "sB|gLater-" in feats["John Tate"]
    assert "p1|rep2" in feats["Kell"] and "p1|rep2" in feats["Ms. Dana Kell"]


def test_a_pronoun_between_the_rules_name_and_the_quote_is_marked() -> None:
    text = "Ms. Dana Kell, smiling as she left the hall, warned that “the port is full.”"
    feats = collected_features(text)
    assert "R" in feats["Ms. Dana Kell"]
    assert {"sB|afterR+", "sB|k:he|afterR+"} <= feats["she"]
    clash = collected_features(text.replace("she", "he"))["he"]
    assert "sB|afterR-" in clash and "sB|afterR+" not in clash
