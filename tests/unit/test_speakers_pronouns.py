"""A he/she resolves to a person: places, teams and events named in between are passed over."""

from __future__ import annotations

import pytest

from checking.quotes import extract_quotes
from checking.speakers import attribute


def speaker_of_last_quote(text: str) -> str | None:
    return attribute(text, extract_quotes(text))[-1].speaker


@pytest.mark.parametrize(
    "text",
    [
        # A known first name: the place named after it is not a "he".
        "Tom Alder spoke first at the rally. Crowds then filled Port Lavell Square. "
        "“We will build the bridge,” he said.",
        # An age in apposition marks a person.
        "Rell Okonjo, 52, runs the ferry. Fog closed Marrow Bay on Monday. "
        "“We will be back,” he said.",
        # So does a role word before the name.
        "Former governor Rell Okonjo toured the pier. Fog closed Marrow Bay on Monday. "
        "“We will be back,” he said.",
        # The surname used alone as a subject.
        "Rell Okonjo grew up near the docks. Okonjo later bought a boat. "
        "Fog closed Marrow Bay on Monday. “We will be back,” he said.",
        # An apposition headed by a role noun.
        "Rell Okonjo, the port's director, toured the pier. Fog closed Marrow Bay on Monday. "
        "“We will be back,” he said.",
    ],
)
def test_pronoun_skips_places_for_the_person(text: str) -> None:
    assert speaker_of_last_quote(text) in ("Tom Alder", "Rell Okonjo")


def test_pronoun_span_stays_on_the_pronoun() -> None:
    text = (
        "Rell Okonjo, 52, runs the ferry. Fog closed Marrow Bay on Monday. "
        "“We will be back,” he said."
    )
    [q] = attribute(text, extract_quotes(text))
    assert q.speaker_span is not None
    assert text[q.speaker_span[0] : q.speaker_span[1]] == "he"


def test_a_named_speaker_is_still_found_after_a_place() -> None:
    text = (
        "“The ferry runs at noon,” said Rell Okonjo. The boat then crossed Marrow Bay. "
        "“We will be back,” he said."
    )
    assert speaker_of_last_quote(text) == "Rell Okonjo"


def test_a_day_after_a_name_is_not_part_of_it() -> None:
    # "said Ruiz Wednesday" is Ruiz, the mayor named in full before, not a "Ruiz Wednesday".
    text = (
        "Mayor Ana Ruiz opened the new pier in March. “We are ready,” said Ruiz Wednesday. "
        "Later, Bo Lind arrived. “It is late,” said Lind Friday."
    )
    quotes = attribute(text, extract_quotes(text))
    assert [q.speaker for q in quotes] == ["Ana Ruiz", "Bo Lind"]
    spans = [q.speaker_span for q in quotes]
    assert [text[s[0] : s[1]] for s in spans if s is not None] == ["Ruiz", "Lind"]


def test_a_place_before_a_day_is_no_person_for_a_pronoun() -> None:
    # "North Harbour Friday" collected as a name would make "Harbour" mentions look like a
    # person's and take the "he".
    text = (
        "Ruben Osei runs the ferry union. The mayor will travel to North Harbour Friday. "
        "Crowds at the harbour cheered. Harbour workers marched. “We will be back,” he said."
    )
    assert speaker_of_last_quote(text) == "Ruben Osei"


def test_a_headline_case_run_is_cut_at_its_function_words() -> None:
    # "Lind And Ana Ruiz" in a live-blog line is two people, not a four-word name "Ruiz" could
    # stand for.
    text = (
        "The pier debate ran late.\n"
        "Updated 9:31PM: Lind And Ana Ruiz Trade Barbs.\n"
        "Ana Ruiz took the stage first. “We will rebuild the pier,” Ruiz said."
    )
    assert speaker_of_last_quote(text) == "Ana Ruiz"


@pytest.mark.parametrize(
    ("second", "speaker"),
    [
        ("“The ruling is wrong,” Ruiz’s spokeswoman said.", "Ruiz’s spokeswoman"),
        ("Later, her spokeswoman said the ruling was “plainly wrong.”", "her spokeswoman"),
        ("The ruling is “plainly wrong,” a spokeswoman for the port said.", "a spokeswoman"),
    ],
)
def test_someone_elses_spokeswoman_is_not_the_person_named_before(
    second: str, speaker: str
) -> None:
    # Giving these words to Ruiz would confirm a draft that puts them in her mouth.
    text = "“We will appeal,” Ana Ruiz said. " + second
    assert speaker_of_last_quote(text) == speaker


def test_the_envoy_is_the_envoy_named_before() -> None:
    text = "The envoy, Dorothy Vance, arrived on Monday. “We are hopeful,” the envoy said."
    assert speaker_of_last_quote(text) == "Dorothy Vance"


@pytest.mark.parametrize(
    "text",
    [
        "Tom Alder met the chancellor. Merkel arrived late. “We are ready,” she said.",
        "Tom Alder spoke. Alder then left. Merkel, 61, arrived late. “We are ready,” she said.",
    ],
)
def test_a_she_never_goes_to_a_man_the_text_named(text: str) -> None:
    # The woman named by her surname alone is the only person left who fits.
    assert speaker_of_last_quote(text) == "Merkel"


def test_a_she_with_only_a_man_named_before_names_nobody() -> None:
    text = "Tom Alder met the chancellor on Monday. “We are ready,” she said."
    assert speaker_of_last_quote(text) is None


def test_an_interjection_before_a_colon_is_no_speaker() -> None:
    text = (
        "Ana Ruiz spoke at the pier on Monday.\n\nWait, it gets better:\n\n"
        "“We will close the harbour for a year.”"
    )
    [quote] = attribute(text, extract_quotes(text))
    assert (quote.speaker, quote.speaker_span) == (None, None)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A word capitalised only because it opens the sentence is not a first name.
        (
            "More Ana Ruiz voters came out than expected, and more of them stayed late. "
            "“We won,” Ruiz said.",
            "Ana Ruiz",
        ),
        # A surname is first the person's, before a firm that only starts with it.
        (
            "Ana Ruiz runs the port. Ruiz Marine, her old firm, was sold in May. "
            "“We are ready,” Ruiz said.",
            "Ana Ruiz",
        ),
        # An owner and what it owns are not one name; the name after an owner is.
        (
            "Bo Lind spoke first. Lind’s Pier Office opened on Monday. “We are open,” Lind said.",
            "Bo Lind",
        ),
        (
            "Harbour Radio’s Ana Ruiz interviewed the mayor. “It went well,” Ruiz said.",
            "Ana Ruiz",
        ),
        # A verb opening a question is not a first name.
        (
            "Ana Ruiz spoke at noon. Does Ruiz believe the pier can open? "
            "“We will win,” Ruiz said.",
            "Ana Ruiz",
        ),
    ],
)
def test_the_full_name_a_surname_stands_for(text: str, speaker: str) -> None:
    assert speaker_of_last_quote(text) == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Bo Lind spoke in Avel. His daughter Jola Lind introduced him. "
            "“We will win,” Mr. Lind said.",
            "Bo Lind",
        ),
        (
            "Ana Lind spoke about her son, Oskar Lind. “I felt his loss,” Ms. Lind said.",
            "Ana Lind",
        ),
    ],
)
def test_an_honorific_rules_out_a_name_the_text_gives_the_other_gender(
    text: str, speaker: str
) -> None:
    # Neither first name is on the module's short lists: the gender comes from the text.
    assert speaker_of_last_quote(text) == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A capital inside a surname (Mc-, O'-, De-) keeps the name whole.
        ("Senator Ana McRuiz toured the pier. “We will rebuild,” McRuiz said.", "Ana McRuiz"),
        ("Bo O'Lind spoke first. “It is late,” O'Lind said.", "Bo O'Lind"),
        ("Tom DeAlder spoke first. “It is late,” DeAlder said.", "Tom DeAlder"),
        # An affiliation and an office before a name are not part of it.
        (
            "PierWatch Executive Director Ana Ruiz spoke at noon. "
            "“The pier is safe,” PierWatch said in a statement.",
            "PierWatch",
        ),
    ],
)
def test_names_with_inner_capitals_and_offices(text: str, speaker: str) -> None:
    assert speaker_of_last_quote(text) == speaker


def test_dean_is_a_first_name_before_it_is_a_title() -> None:
    text = "Dean Okafor, an economist, spoke at noon. “Wages are flat,” Okafor said."
    assert speaker_of_last_quote(text) == "Dean Okafor"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A long capitalised run: the office in it, and the name after the office.
        (
            "U.S. District Judge Ana M. Ruiz blocked the law on Friday. "
            "“The law cannot stand,” Ruiz wrote.",
            "Ana M. Ruiz",
        ),
        (
            "Avel Senate Majority Whip Bo Lind voted no. “It is a bad bill,” Lind said.",
            "Bo Lind",
        ),
        (
            "Harbour Council Senior Adviser Jo Park spoke first. “We are ready,” Park said.",
            "Jo Park",
        ),
    ],
)
def test_a_long_run_gives_the_name_after_its_office(text: str, speaker: str) -> None:
    assert speaker_of_last_quote(text) == speaker


def test_a_headline_label_names_the_speaker_in_full() -> None:
    text = (
        "Ana Ruiz: ‘We Will Rebuild The Pier’\n\n"
        "The harbour chief spoke at noon.\n\n“It will take a year,” said Ruiz."
    )
    assert speaker_of_last_quote(text) == "Ana Ruiz"


def test_a_title_before_its_office_and_holder_names_the_holder() -> None:
    text = "Secretary of State Ana M. Ruiz said the vote was an “important step forward.”"
    assert speaker_of_last_quote(text) == "Ana M. Ruiz"
