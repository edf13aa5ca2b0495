"""Direct-quote extraction. Every fixture here is invented for the test."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checking.quotes import english_marks, extract_quotes, quote_regions


def texts(text: str) -> list[str]:
    return [q.text for q in extract_quotes(text)]


def test_curly_double_quote_with_cue() -> None:
    text = "“The harbour will reopen on Monday,” the port director said."
    [q] = extract_quotes(text)
    assert q.text == "The harbour will reopen on Monday,"
    assert text[q.span[0] : q.span[1]] == q.text
    assert q.speaker is None and not q.partial


def test_single_quotes_with_apostrophes_inside() -> None:
    text = (
        "‘Lisbon’s council won’t wait for the court’s ruling,’ said the mayor, Ines Rocha. "
        "The mayor’s office called it ‘a matter of the city’s survival’."
    )
    assert texts(text) == [
        "Lisbon’s council won’t wait for the court’s ruling,",
        "a matter of the city’s survival",
    ]


def test_apostrophe_before_closing_mark_and_fragments_in_one_sentence() -> None:
    text = (
        "‘This week’s audit shows the fund kept paying out’ to Acme’s ‘shell’ companies "
        "‘despite the board’s veto,’ said the auditor, Lena Ortiz."
    )
    assert texts(text) == [
        "This week’s audit shows the fund kept paying out",
        "despite the board’s veto,",
    ]


@pytest.mark.parametrize("mark", ["'", "’"])
def test_an_elided_n_inside_a_single_quote_does_not_close_it(mark: str) -> None:
    o = "‘" if mark == "’" else "'"
    text = f"{o}Rock {mark}n{mark} roll was everything,{mark} the singer said."
    assert texts(text) == [f"Rock {mark}n{mark} roll was everything,"]


def test_an_opening_mark_ending_a_paragraph_closes_the_quote() -> None:
    text = "“We can win,” she said. “They see that. “\n\nThis story has been updated.\n"
    assert texts(text) == ["We can win,", "They see that."]


def test_plural_possessive_is_not_a_closing_mark() -> None:
    text = "‘The members’ votes were counted twice,’ the clerk said."
    assert texts(text) == ["The members’ votes were counted twice,"]


def test_straight_double_and_single_quotes() -> None:
    text = "\"We have the numbers,\" Mr Osei said. 'They do not,' his rival replied."
    assert texts(text) == ["We have the numbers,", "They do not,"]


def test_straight_apostrophes_do_not_open_quotes() -> None:
    text = "It's the '90s again, rock 'n' roll and all, and the voters' mood is sour."
    assert texts(text) == []


def test_guillemets_and_low_high_marks() -> None:
    text = (
        "« Nous ne céderons pas », a déclaré la ministre. "
        "„Wir bleiben hier“, sagte der Bürgermeister. "
        "»Das stimmt nicht«, erwiderte er."
    )
    assert texts(text)[:2] == ["Nous ne céderons pas", "Wir bleiben hier"]


def test_a_german_closer_glued_to_the_next_word_still_closes() -> None:
    text = (
        "„Ich glaube, es hat mich überrascht, wie er redet,“Ruiz sagte. „Einige seiner "
        "Kommentare passen nicht zu ihm.“\n"
    )
    assert texts(text) == [
        "Ich glaube, es hat mich überrascht, wie er redet,",
        "Einige seiner Kommentare passen nicht zu ihm.",
    ]


def test_doubled_apostrophes_as_double_marks() -> None:
    text = "''We will appeal,'' the lawyer said after the hearing."
    assert texts(text) == ["We will appeal,"]


def test_multi_paragraph_quote_yields_one_quote_per_paragraph() -> None:
    text = (
        "The minister said:\n\n"
        "“The first phase of the plan starts in spring.\n\n"
        "“The second phase depends on the budget vote.\n\n"
        "“We will report back in June.”\n\n"
        "Critics were unconvinced."
    )
    assert texts(text) == [
        "The first phase of the plan starts in spring.",
        "The second phase depends on the budget vote.",
        "We will report back in June.",
    ]


def test_nested_quote_reports_only_the_outer_one() -> None:
    text = "“He told me ‘absolutely not’ and walked out,” the organiser said."
    assert texts(text) == ["He told me ‘absolutely not’ and walked out,"]
    text2 = '"The sign said “Closed Forever” in red letters," a neighbour recalled.'
    assert texts(text2) == ["The sign said “Closed Forever” in red letters,"]


def test_scare_quotes_and_titles_are_not_speech() -> None:
    text = (
        "The candidates met in the earlier “undercard” debate before appearing on "
        "“Morning Politics Hour” and the network’s “Weekend Roundup.”"
    )
    assert texts(text) == []


def test_short_quote_counts_when_a_speech_cue_is_in_the_sentence() -> None:
    text = "The governor called the ruling “outrageous” on Tuesday."
    assert texts(text) == ["outrageous"]
    text2 = "The senator says the deal is “dead on arrival” and will vote no."
    assert texts(text2) == ["dead on arrival"]


def test_flagged_adjective_in_the_writers_noun_phrase_is_not_a_quote() -> None:
    text = "‘We act now,’ said the envoy, citing Veltria’s ‘illegal’ mining permits."
    assert texts(text) == ["We act now,"]


def test_partial_quotes_are_flagged() -> None:
    text = (
        "The union denounced the firm for ‘systematically underpaying’ drivers. "
        "‘The strike goes on,’ its leader said."
    )
    quotes = extract_quotes(text)
    assert [(q.text, q.partial) for q in quotes] == [
        ("systematically underpaying", True),
        ("The strike goes on,", False),
    ]


def test_unclosed_quote_runs_to_the_end_of_the_paragraph() -> None:
    text = "She said: “We never saw the letter\n\nThe board met later."
    assert texts(text) == ["We never saw the letter"]


_FILLER = st.text(alphabet=st.sampled_from(list("abc XYZ.,'’‘\"“”«»\n-")), max_size=120)


@given(_FILLER)
def test_spans_slice_the_text_and_never_overlap(text: str) -> None:
    quotes = extract_quotes(text)
    last_end = -1
    for q in quotes:
        a, b = q.span
        assert 0 <= a < b <= len(text)
        assert text[a:b] == q.text
        assert a >= last_end
        last_end = b


@given(_FILLER, _FILLER)
def test_a_cued_quote_added_to_any_text_is_found(before: str, after: str) -> None:
    quote = "Our reserves will last until the spring"
    text = before + "\n\n“" + quote + ",” the minister said.\n\n" + after
    start = len(before) + 3
    assert any(q.span == (start, start + len(quote) + 1) for q in extract_quotes(text))


def test_title_case_quote_in_a_headline_is_speech() -> None:
    text = "Mayor Ines Rocha: ‘We Will Not Close The Harbour’\n\nThe mayor spoke on Monday."
    assert texts(text) == ["We Will Not Close The Harbour"]


def test_show_title_after_a_possessive_is_not_speech() -> None:
    text = "Rocha told Harbour Radio’s “Morning Tide” that she would stay on."
    assert texts(text) == []


def test_nested_quote_closing_before_a_spaced_outer_mark() -> None:
    text = '"They told us, \'Stay home,\' " the clerk recalled. "So we did."'
    assert texts(text) == ["They told us, 'Stay home,'", "So we did."]


def test_sloppy_opening_mark_used_as_a_closer_ends_the_quote() -> None:
    text = "“We will not wait,“ said the mayor. “Next week is too late.”"
    assert texts(text) == ["We will not wait,", "Next week is too late."]
    assert texts("He called the levy “unfair“ in a letter on Monday.") == ["unfair"]


def test_possessive_looking_mark_closes_when_a_new_quote_opens() -> None:
    text = "Fishing Board Urges ‘Open Ports’ and ‘Fair Tolls’ for Small Boats"
    assert quote_regions(text) == [(21, 31), (38, 48)]
    text2 = "‘The members’ votes were counted twice,’ the clerk said, ‘and that is final.’"
    assert texts(text2) == ["The members’ votes were counted twice,", "and that is final."]


def test_listed_headline_with_a_byline_is_not_speech() -> None:
    text = (
        "HARBOUR NEWS—“Ferry service to resume on the north pier next spring,” by the Courier’s "
        "Ana Ruiz: “The ferry will run again,” the operator said.\n\n"
        "“Tolls on the old bridge will rise by a third,” by Ben Ode.\n\n"
        'PIER WATCH-"Night market returns to the old pier," by the Gazette\'s Bo Lind.\n\n'
        "The mayor condemned the “reckless and costly delays,” by Ode’s account, at the meeting."
    )
    assert texts(text) == ["The ferry will run again,", "reckless and costly delays,"]


def test_openers_a_typist_spaced_or_dotted() -> None:
    text = (
        "The mayor spoke last. “ We will rebuild the pier by June,” Ines Rocha said.\n\n"
        'The clerk wrote: ". . . the ferry runs twice a day."\n\n'
        '".@PortAuthority kept the gates shut all week," the union tweeted.\n\n'
        'Nobody was named for fear of reprisals."We were told to leave," one porter said.'
    )
    assert texts(text) == [
        "We will rebuild the pier by June,",
        ". . . the ferry runs twice a day.",
        ".@PortAuthority kept the gates shut all week,",
        "We were told to leave,",
    ]


def test_spaced_or_dotted_marks_that_do_not_open() -> None:
    text = 'The crate was 6" wide.\n\nHe said “ and left.\n\nShe typed ". " twice.'
    assert quote_regions(text) == []


def test_a_mark_before_a_tag_end_closes_markup_and_opens_no_quote() -> None:
    """An embed's attribute value broken over a line (``<post date="May 2,\n">``) leaves a
    ``"`` at a paragraph start: the ``>`` after it ends the tag, so the post is no quote."""
    text = (
        'The pier was shut.\n\n<post author="@portwatch" date="May 2, 2026\n'
        '">Gates closed at the north pier again today<post/>.\n\n'
        '"We were told to leave," a driver said.'
    )
    assert texts(text) == ["We were told to leave,"]


@pytest.mark.parametrize("newline", ["\n\n", "\r\n"])
def test_single_quoted_subhead_paragraph_is_not_speech(newline: str) -> None:
    text = newline.join(
        [
            "The ferry talks ended without a deal.",
            "‘A long winter ahead.’",
            "– ‘Who pays?’ –",
            "‘The pier stays shut,’ said Ana Ruiz.",
        ]
    )
    assert texts(text) == ["The pier stays shut,"]


def test_base_forms_and_more_cue_verbs_make_a_short_quote_speech() -> None:
    text = (
        "Tom Lind testified that the fund was “empty” by May. "
        "The unions want the mayor to call the plan “unfair” again. "
        "The council rejected the levy as “reckless” in March."
    )
    assert texts(text) == ["empty", "unfair", "reckless"]


def test_stop_after_a_title_or_initials_does_not_end_the_cue_sentence() -> None:
    text = (
        "The levy was denounced by Sen. Mara Oduya as “theft” on Friday. "
        "Ana Ruiz told the U.S. panel that the audit was “flawed” from the start. "
        "The plan was condemned by Tom J. Lind as “reckless” in a letter."
    )
    assert texts(text) == ["theft", "flawed", "reckless"]


def test_colon_right_before_a_short_quote_is_a_cue() -> None:
    text = (
        "After three hours of debate in the crowded council chamber on Monday, "
        "the fishermen’s union had one message: “Open Ports.”"
    )
    assert texts(text) == ["Open Ports."]


def test_straight_quote_glued_between_words_opens() -> None:
    text = 'Ruiz spoke warmly about"joint patrols along the river" at the summit.'
    assert texts(text) == ["joint patrols along the river"]


def test_straight_quote_nested_in_a_straight_quote() -> None:
    text = '"The guard shouted "Stop!" as the crowd surged forward," Tom Lind wrote.'
    assert texts(text) == ['The guard shouted "Stop!" as the crowd surged forward,']


def test_curly_quote_nested_in_the_same_curly_marks() -> None:
    text = (
        "Ana Ruiz tweeted: “Fans behind the mayor wearing “Settle For Lind” shirts. Ouch.”\n"
        "“We are not done. “We will be back,” Lind said. “Soon.”"
    )
    # One ” after the second “ of a paragraph: the first quote was never closed.
    assert texts(text) == [
        "Fans behind the mayor wearing “Settle For Lind” shirts. Ouch.",
        "We are not done.",
        "We will be back,",
        "Soon.",
    ]


def test_longer_title_case_quote_with_a_cue_is_speech_unless_subtitled() -> None:
    text = "Ana Ruiz said the ferry would “Bring The Harbour Back To Life” by June."
    assert texts(text) == ["Bring The Harbour Back To Life"]
    text2 = "Critics praised the memoir “Open Water: A Life At Sea” last spring."
    assert texts(text2) == []


#: Titles, names and slogans in quote marks the writer cites: no speech.
CITED_NOT_SPOKEN = [
    pytest.param(
        (
            "“You have to be careful,” said Tom Ruiz, a co-author of “Those Men Had All the Luck: "
            "Inside the Avel Docks.” One winter, according to “Salt and Iron: Ana Ruiz and the "
            "Remaking of the Avel Harbour Board” by Bo Lind, she slept at the office."
        ),
        ["You have to be careful,"],
        id="long-subtitled-title",
    ),
    pytest.param(
        (
            "A German news organization called “The Local” cited the poll. The dockers formed a "
            "group called the “Avel First Alliance,” and Ana Ruiz called the plan “A Slow "
            "Disaster.”"
        ),
        ["A Slow Disaster."],
        id="body-called-or-named",
    ),
    pytest.param(
        "Speaking to “Avel This Morning” on Monday, Ana Ruiz said she felt good about it.",
        [],
        id="speaking-to-a-show",
    ),
    pytest.param(
        (
            "Ana Ruiz, who has starred in “Harbour Nights” and “The Long Tide,” said the show "
            "would return. The troupe performs a play called “Los Hijos del Puerto,” or “Sons Of "
            "The Port,” in Avel, the director said."
        ),
        [],
        id="later-items-of-a-list",
    ),
    pytest.param(
        (
            "Ana Ruiz told the hosts of “Avel Morning” that she would run, and the station said it "
            "would air a revival of “The Harbour Show,” the heroine of “Salt Wind.”"
        ),
        [],
        id="part-of-a-work",
    ),
    pytest.param(
        (
            "Tom Vale, who had roles in “The Long Tide,”\xa0“Harbour Nights,” and “Salt Wind,” "
            "said he wrote under the pseudonym “Carlos Danger,” his agent said."
        ),
        [],
        id="pseudonym-and-no-break-list",
    ),
    pytest.param(
        (
            "Ana Ruiz said Avel TV dropped his “Miss Harbour” pageant, that he posted the “Tides” "
            "syllabus and that she told “Avel Tonight” broadcast on Sunday that she would run."
        ),
        [],
        id="pageant-syllabus-broadcast",
    ),
    pytest.param(
        (
            "The party's posters said it all: “Close the harbour to outsiders!” (2009) and “No to "
            "the new pier” (Avel city election poster 2013). “We will win,” Ana Ruiz said."
        ),
        ["We will win,"],
        id="dated-in-parentheses",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CITED_NOT_SPOKEN)
def test_titles_names_and_slogans_in_quote_marks_are_no_speech(
    text: str, expected: list[str]
) -> None:
    assert texts(text) == expected


def test_title_case_after_a_work_noun_or_told_is_a_title() -> None:
    text = (
        "Ana Ruiz told “Harbour Morning” that the ferry would return. "
        "Tom Lind, the author of “Salt And Silence,” said the pier must stay open. "
        "She wrote a memoir called “Years On The River” and said she would run again."
    )
    assert texts(text) == []


def test_slogan_or_show_name_before_hats_signs_ads_or_host_is_not_speech() -> None:
    text = (
        "Supporters waved “Ruiz for Mayor” signs and wore “Keep the Pier Open” hats. "
        "The “Dock Talk” host said the ferry was “a lifeline” for the island."
    )
    assert texts(text) == ["a lifeline"]


def test_a_show_title_before_star_is_not_speech() -> None:
    text = (
        "The “Harbour Nights” star posted a long message. “Pier Town” co-star Ana Ruiz said the "
        "show was “a love letter” to the island, and she called its critics “wrong,” actress "
        "Ana Ruiz added."
    )
    assert texts(text) == ["a love letter", "wrong,"]


def test_poll_answer_option_next_to_a_percentage_is_not_speech() -> None:
    text = (
        "Forty percent of voters in the Avel survey chose “fair and open” as the top quality, "
        "and 12% picked “not sure at all” instead."
    )
    assert texts(text) == []


def test_one_word_nickname_between_first_name_and_surname_is_not_speech() -> None:
    text = "The board was chaired by Thomas “Tug” Lind, who said the pier was “finished.”"
    assert texts(text) == ["finished."]


def test_listed_headline_ending_in_a_nested_quote_before_its_byline() -> None:
    text = 'PIER WATCH—"The ferry board picks the ‘Blue Line,’" by Tom Lind of the Courier.'
    assert texts(text) == []


def test_chants_screams_and_signs_that_read_are_cues() -> None:
    text = (
        "The rally broke into chants of “Ruiz” as she arrived. "
        "“Shame!” the dockers screamed back. "
        "One placard, reading “Pier First,” was held up high."
    )
    assert texts(text) == ["Ruiz", "Shame!", "Pier First,"]


def test_short_quote_standing_as_its_own_sentence_is_speech() -> None:
    text = (
        "“We have one opponent,” Ana Ruiz told the dockers on Monday. “The Avel Ministry.” "
        "Nobody answered. “Finished?”"
    )
    assert texts(text) == ["We have one opponent,", "The Avel Ministry.", "Finished?"]


def test_quoted_word_after_a_possessive_and_before_a_verb_is_not_attributive() -> None:
    text = "Lind’s “lies” are harming the port, Ana Ruiz said on Monday."
    assert texts(text) == ["lies"]


def test_title_case_after_a_website_ad_or_hashtag_noun_is_a_title() -> None:
    text = (
        "Ana Ruiz said she had set up a website called “Save The Old Pier” last spring. "
        "The union’s ad, titled “Ferries For All,” was praised by Tom Lind."
    )
    assert texts(text) == []


def test_nicknamed_and_billed_as_are_cues() -> None:
    text = (
        "The new ferry was nicknamed “Old Faithful” by the crew. "
        "The rally was billed as “Docks for Ruiz” on every poster."
    )
    assert texts(text) == ["Old Faithful", "Docks for Ruiz"]


@pytest.mark.parametrize("gap", [" ", "  "])
def test_a_nested_quote_closing_a_space_or_two_before_the_outer_one(gap: str) -> None:
    text = (
        f"''There was a backlash against 'Pier Nights,'{gap}'' Ms. Lind noted. ''Then it ended.''"
    )
    assert texts(text) == ["There was a backlash against 'Pier Nights,'", "Then it ended."]


def test_a_straight_closer_glued_to_the_next_word_closes() -> None:
    text = 'She spoke of "prejudice and paranoia,"Ruiz said. "Some of it was mean," she added.'
    assert texts(text) == ["prejudice and paranoia,", "Some of it was mean,"]


def test_a_spaced_straight_opener_opens() -> None:
    text = 'It was over, Lind said. " You know, the pier is done," she added later.'
    assert texts(text) == ["You know, the pier is done,"]


#: Titles, a scare quote and speech, typed the English way.
TYPED_STORY = (
    "The “Harbour Nights” star posted a long message. She said the script was “not ready,” "
    "and her agent, Bo Lind, called it “a shame.”\n\n"
    "“We will start again in May,” Lind said.\n"
)


@pytest.mark.parametrize(("opener", "closer"), [("„", "“"), ("«", "»")])
def test_other_double_mark_styles_give_the_same_quotes(opener: str, closer: str) -> None:
    text = TYPED_STORY.replace("“", "\0").replace("”", closer).replace("\0", opener)
    assert [q.span for q in extract_quotes(text)] == [q.span for q in extract_quotes(TYPED_STORY)]
    assert [q.text for q in extract_quotes(TYPED_STORY)] == [
        "not ready,",
        "a shame.",
        "We will start again in May,",
    ]


def test_a_short_quoted_transcript_turn_is_speech() -> None:
    text = (
        "The mayor and her rival met on Monday to talk about the pier.\n\n"
        "“LIND: The harbour is a disaster.”\n\n“RUIZ: It is not.”\n"
    )
    assert [q.text for q in extract_quotes(text)] == [
        "LIND: The harbour is a disaster.",
        "RUIZ: It is not.",
    ]


@given(st.text(alphabet="ab .,\n“”„‟«»‚‘’‹›\"'", max_size=60))
def test_english_marks_changes_only_marks_and_keeps_every_offset(text: str) -> None:
    typed = english_marks(text, quote_regions(text))
    assert len(typed) == len(text)
    for before, after in zip(text, typed, strict=True):
        assert before == after or (before in "“”„‟«»‚‘’‹›" and after in "“”‘’")


def test_english_marks_reads_the_closing_mark_of_each_style() -> None:
    assert english_marks("the „Avatar“ star", []) == "the “Avatar” star"
    assert english_marks("a ‚low‘ one", []) == "a ‘low’ one"
    assert english_marks("«Oui», dit-il", [(1, 4)]) == "“Oui”, dit-il"
    # A found quote tells that the high mark after it closes.
    assert english_marks("„Ja,“ sagte er", [(1, 4)]) == "“Ja,” sagte er"
    assert english_marks("plain text", []) == "plain text"
