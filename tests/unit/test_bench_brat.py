"""The PolNeAR reader's default split and its message for a folder without articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.test_bench_quote_ceiling import load, write_article, write_attributions


def test_default_split_is_found_above_a_checkout_or_a_nested_worktree(tmp_path: Path) -> None:
    brat = load("brat")
    dev = tmp_path / "work/shared/data/polnear/dev"
    dev.mkdir(parents=True)
    assert brat.default_split(tmp_path / "work/main") == dev
    assert brat.default_split(tmp_path / "work/trees/topic") == dev
    # No data anywhere above: the documented place, for the message that it is missing.
    lone = tmp_path / "elsewhere/repo"
    assert brat.default_split(lone) == tmp_path / "elsewhere/shared/data/polnear/dev"


def test_a_folder_without_articles_stops_with_a_message(tmp_path: Path) -> None:
    brat = load("brat")
    with pytest.raises(SystemExit, match="no PolNeAR articles under"):
        brat.load_split(tmp_path)
    write_article(tmp_path, "own", "Ana Ruiz said “we are ready.”", "Ana Ruiz", "we are ready.")
    [article] = brat.load_split(tmp_path)
    assert article.name == "own"


def test_names_score_the_person_not_the_string() -> None:
    extraction = load("extraction")
    match = extraction.name_matches
    assert match("Ana Ruiz", ("ana", "ruiz"))
    assert match("Ruiz Ana", ("ana", "ruiz"))
    assert match("Ana Ruiz", ("democrat", "ana", "ruiz"))  # a label in the gold Source
    assert match("Maria Wasser Ruiz", ("wasser", "ruiz"))  # gold marks part of the name
    assert not match("Ruiz", ("ana", "ruiz"))  # the full name was there to resolve to
    assert not match("Bo Ruiz", ("ana", "ruiz"))
    assert not match("Ana Ruiz Harbour", ("ana", "ruiz"))
    assert not match(None, ("ana", "ruiz"))
    assert match("Ana B. Ruiz Jr.", ("ana", "ruiz"))  # a generational suffix is no other name
    assert match("Ana Ruiz", ("ana", "ruiz", "jr"))
    assert not match("Ana Ruiz Jr.", ("bo", "ruiz"))


def test_expected_names_from_gold_sources(tmp_path: Path) -> None:
    brat = load("brat")
    extraction = load("extraction")
    text = (
        "“We are ready,” said Ana Ruiz (D-Avel.). Later, “the pier will open,” Ruiz said. "
        "“Maybe,” he said. “Not yet,” the mayor said. “Soon,” Admiral Lind said. "
        "“Tomorrow,” said Mayor Bo Lind Jr."
    )
    spans = [
        ("Ana Ruiz (D-Avel.)", "We are ready"),
        ("Ruiz said", "the pier will open"),
        ("he", "Maybe"),
        ("the mayor", "Not yet"),
        ("Admiral Lind", "Soon"),
        ("Mayor Bo Lind Jr.", "Tomorrow"),
    ]
    pairs = []
    for source, content in spans:
        s, c = text.index(source), text.index(content)
        src = source.removesuffix(" said")
        pairs.append(((s, s + len(src)), (c, c + len(content))))
    write_attributions(tmp_path, "own", text, pairs)
    [article] = brat.load_split(tmp_path)
    got = extraction._expected_names(article)
    # The full name (its party label dropped) and the surname that stands for it; not the
    # pronoun or the role phrase. A titled surname is a surname too, and a suffix is no surname.
    assert sorted(got.values()) == [("ana", "ruiz")] * 2 + [("bo", "lind")] * 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A “ typed where the closing mark belongs closes the quote; one before a word still
        # opens (the last paragraph's quote, and the left-open one before it).
        pytest.param(
            "She called it “awful“ and left. “We will see,“ he said. “Still open\n“Again” here.\n"
            "“They know that. “ \n",
            ["awful", "We will see,", "Still open", "Again", "They know that. "],
            id="opener-as-closer",
        ),
        # A ” typed where the opening mark belongs opens one; a ” after a word still closes,
        # and an apostrophe opens nothing.
        pytest.param(
            "The pier ”is not ready,” she said, ”and will not be” soon.\n"
            "'3rd Street closing' is the rumour, ‘for now‘. Cafe’s menu, ’90s.",
            ["is not ready,", "and will not be", "3rd Street closing", "for now"],
            id="closer-as-opener",
        ),
    ],
)
def test_a_mark_typed_in_the_other_ones_place_pairs_as_that_one(
    text: str, expected: list[str]
) -> None:
    brat = load("brat")
    assert [text[a:b] for a, b in brat.plain_quote_regions(text)] == expected


def test_a_surname_two_people_in_the_story_share_is_not_scored(tmp_path: Path) -> None:
    brat = load("brat")
    extraction = load("extraction")
    text = (
        "“We are ready,” said Ana Ruiz. Her brother, Bo Ruiz, disagreed. But Ruiz added: "
        "“Soon.” Mr. Lind came too, as did Eva Lind. “Later,” Lind said.\n"
    )
    spans = [("Ana Ruiz", "We are ready"), ("Ruiz", "Soon"), ("Eva Lind", "Later")]
    pairs = []
    for i, (source, content) in enumerate(spans):
        c = text.index(content)
        s = text.index(source, c - 40 if i == 1 else 0)  # the "Ruiz" that says "Soon"
        pairs.append(((s, s + len(source)), (c, c + len(content))))
    write_attributions(tmp_path, "own", text, pairs)
    [article] = brat.load_split(tmp_path)
    got = extraction._expected_names(article)
    # "Ruiz" could be Ana or Bo, so only the two full names are scored; "But" and "Mr." before
    # a surname are no first names.
    assert sorted(got.values()) == [("ana", "ruiz"), ("eva", "lind")]
    assert extraction._first_names(text, "Lind") == {"eva"}


def test_a_gold_source_with_an_apposition_names_the_person_in_it() -> None:
    extraction = load("extraction")
    assert extraction._full_name("Ana Ruiz, who chairs the Harbour PAC,") == "Ana Ruiz"
    assert extraction._full_name("the harbour master, Ana Ruiz,") == "Ana Ruiz"
    assert extraction._full_name("Ana Ruiz, 34, a pilot") == "Ana Ruiz"
    assert extraction._full_name("the harbour master") is None


def test_a_gold_source_that_is_a_body_or_a_description_is_no_persons_name() -> None:
    extraction = load("extraction")
    # A name inside a description is not the Source's; an office before a name is.
    assert extraction._full_name("the former top aide to President Bo Lind") is None
    assert extraction._full_name("Secretary of State Bo Lind") == "Bo Lind"
    assert extraction._full_name("former secretary of state Bo Lind") == "Bo Lind"
    # A name's affiliation after it goes; a body, a possessive or a headline is no person.
    assert extraction._full_name("Ana Ruiz of the anti-Lind Avel Review") == "Ana Ruiz"
    assert extraction._full_name("Avel Public Radio") is None
    assert extraction._full_name("Bo Lind’s Atlas of Harbour Elections") is None
    assert extraction._full_name("RUIZ IS FEELING THE HEAT") is None
    assert extraction._full_name("an advocate, Bo Lind of the law firm Ruiz Vale") == "Bo Lind"
    assert extraction._full_name("Lind, a lawyer with the office of law firm Ruiz Vale") is None


def test_first_names_are_read_before_a_titled_surnames_surname(tmp_path: Path) -> None:
    brat = load("brat")
    extraction = load("extraction")
    text = "“We are ready,” said Ana Ruiz. Her brother Bo Ruiz agreed. “Soon,” Admiral Ruiz said.\n"
    a, soon = text.index("Ana Ruiz"), text.index("Soon")
    adm = text.index("Admiral Ruiz")
    write_attributions(
        tmp_path,
        "own",
        text,
        [
            ((a, a + 8), (text.index("We are"), text.index(",”"))),
            ((adm, adm + 12), (soon, soon + 4)),
        ],
    )
    [article] = brat.load_split(tmp_path)
    # Bo Ruiz shares the surname, so "Admiral Ruiz" is not scored as Ana Ruiz.
    assert sorted(extraction._expected_names(article).values()) == [("ana", "ruiz")]


def test_a_quote_split_around_its_cue_is_gold_in_every_part(tmp_path: Path) -> None:
    brat = load("brat")
    text = "“We are ready,” Ana Ruiz said. “The pier opens in May.” Then she left."
    first, second = text.index("“We"), text.index("“The")
    source = text.index("Ana Ruiz")
    cue = text.index("said")
    ann = (
        f"T1\tContent {first} {first + 16}\t{text[first : first + 16]}\n"
        f"T2\tSource {source} {source + 8}\tAna Ruiz\n"
        f"T3\tCue {cue} {cue + 4}\tsaid\n"
        f"T4\tAttribution {cue} {cue + 4}\tsaid\n"
        f"T5\tContent {second} {second + 25}\t{text[second : second + 25]}\n"
        "E1\tAttribution:T4 Cue:T3 Source:T2 Content:T1 Content2:T5\n"
    )
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "own.txt").write_text(text, encoding="utf-8")
    (tmp_path / "attributions" / "own_ann1.ann").write_text(ann, encoding="utf-8")
    [article] = brat.load_split(tmp_path)
    got = [(text[slice(*g.span)], text[slice(*g.source[0])]) for g in article.gold]
    assert got == [("We are ready", "Ana Ruiz"), ("The pier opens in May", "Ana Ruiz")]
