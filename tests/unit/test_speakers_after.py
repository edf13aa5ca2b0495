"""Speakers named after the quote, inside its sentence, or not at all. Fixtures are invented."""

from __future__ import annotations

import pytest

from checking.quotes import extract_quotes
from checking.speakers import CUE_VERBS, _cue_regex, attribute
from tests.unit.speaking import speakers


def mention_of(text: str, start: str) -> str | None:
    """The speaker mention chosen for the quote whose text starts with ``start``."""
    for q in attribute(text, extract_quotes(text)):
        if q.text.startswith(start):
            return text[q.speaker_span[0] : q.speaker_span[1]] if q.speaker_span else None
    raise AssertionError(f"no quote starting {start!r}")


def speaker_of(text: str, start: str) -> str | None:
    """The speaker named for the quote whose text starts with ``start``."""
    for q in attribute(text, extract_quotes(text)):
        if q.text.startswith(start):
            return q.speaker
    raise AssertionError(f"no quote starting {start!r}")


def test_passive_naming_agent_after_the_quote() -> None:
    text = (
        "The harbour levy has often been called a “tax on fishermen” by Tom Lind, a member of "
        "the Avel council, and it will be debated again next week."
    )
    assert mention_of(text, "tax on") == "Tom Lind"
    text = (
        "While the ministry faced criticism for the inquiry — often labeled as a “fishing "
        "expedition” by opponents — it seems likely Ana Ruiz will keep it open."
    )
    assert mention_of(text, "fishing") == "opponents"


def test_later_cue_in_a_relative_clause_does_not_name_the_speaker() -> None:
    text = (
        "At least twice, Ana Ruiz cited “Avel-first” policies, which she said had kept the "
        "harbour open."
    )
    assert mention_of(text, "Avel-first") == "Ana Ruiz"
    text = (
        "On most days Tom Lind answers with his favourite “no comment” when I ask about the levy."
    )
    assert mention_of(text, "no comment") == "Tom Lind"
    # A subordinate clause closed by a comma leaves the main clause's cue alone.
    text = "“The levy stays” because it pays for the docks, Tom Lind said."
    assert mention_of(text, "The levy") == "Tom Lind"


def test_any_past_tense_verb_after_a_question_names_the_speaker() -> None:
    text = (
        "“The levy is fair,” Tom Lind said.\n\n"
        "“Would it be fair to the boat owners on the north quay?” Ruiz pressed. “Or only to "
        "the ferry company?”\n\n"
        "“I would say this,” Lind answered."
    )
    assert mention_of(text, "Would it") == "Ruiz"
    assert mention_of(text, "Or only") == "Ruiz"


def test_so_called_is_not_a_cue() -> None:
    text = (
        "Ana Ruiz, too, is a cautious planner, warning that the noise after the so-called "
        "harbour vote shows a need for “calm, steady and experienced leadership at the port "
        "authority.”"
    )
    assert mention_of(text, "calm, steady") == "Ana Ruiz"


def test_described_name_is_one_subject() -> None:
    text = (
        "Former Avel mayoral candidate Ana Ruiz laid out what was wrong with the plan to the "
        "Harbour Gazette: “The levy hits the smallest boats first.”"
    )
    assert speaker_of(text, "The levy") == "Ana Ruiz"


def test_outlet_and_according_to_past_abbreviations() -> None:
    text = (
        "The strikers also chanted, “Save the quay,” pointing to the U.S. Navy’s plan for the "
        "old pier, the Harbour Gazette reports."
    )
    assert mention_of(text, "Save the") == "the Harbour Gazette"
    text = (
        "Tom Lind called the levy “a tax on the poor” at a dinner hosted by Avel Fisheries "
        "Inc., according to two guests."
    )
    assert mention_of(text, "a tax on") == "two guests"


def test_as_described_by_names_the_speaker() -> None:
    text = (
        "From her silence on the levy to being “plainly reckless” with the harbour budget – as "
        "described by Tom Lind, the port auditor – many think Ana Ruiz has already lost the port."
    )
    assert speaker_of(text, "plainly") == "Tom Lind"


def test_participle_after_the_quote_is_not_an_inverted_cue() -> None:
    text = (
        "The Gazette put the cost at $2 million, which Tom Lind called “a disgrace,” blaming "
        "Ana Ruiz."
    )
    assert speaker_of(text, "a disgrace") == "Tom Lind"


def test_said_office_of_something_then_name() -> None:
    text = "“The levy is a mistake,” said former secretary of state Ana Ruiz."
    assert mention_of(text, "The levy") == "Ana Ruiz"


def test_said_master_of_ceremonies_then_name() -> None:
    text = "“Thank you all for coming,” said master of ceremonies Bo Lind, a retired engineer."
    assert speaker_of(text, "Thank you") == "Bo Lind"


def test_said_office_of_a_body_then_name() -> None:
    text = (
        "“The pier will be built,” said President of the United States Ana Ruiz.\n\n"
        "“Not this year,” said Speaker of the House Bo Lind.\n"
    )
    assert speaker_of(text, "The pier") == "Ana Ruiz"
    assert speaker_of(text, "Not this") == "Bo Lind"


def test_said_role_of_something_then_name_in_apposition() -> None:
    text = (
        "“The pier is safe,” said the head of security at the port, Bo Lind.\n\n"
        "“The levy will pass,” said the president of the fishermen’s union, Ana Ruiz.\n"
    )
    assert speaker_of(text, "The pier") == "Bo Lind"
    assert speaker_of(text, "The levy") == "Ana Ruiz"


def test_phrasal_speech_verb_after_a_question() -> None:
    text = (
        "“The levy is fair,” Tom Lind said.\n\n"
        "“You know, it happens, right?” Ruiz went on, as if she had not heard. “But the boats "
        "need a fair deal.”"
    )
    assert mention_of(text, "You know") == "Ruiz"
    assert mention_of(text, "But the boats") == "Ruiz"


def test_as_aside_after_the_quote_names_the_speaker() -> None:
    text = (
        "Ruiz’s wins in Avel and Lund strengthen her case that she is popular in towns across "
        "the coast, not just a “harbour” candidate, as Lindgrens’ campaign manager suggested "
        "after she swept the north."
    )
    assert mention_of(text, "harbour") == "Lindgrens’ campaign manager"


def test_passive_agent_before_as_and_the_quote() -> None:
    text = (
        "The talks will also cover ballot access for a third candidate, an option seen by "
        "organizers as a “lifeboat for the moderates” in the race."
    )
    assert mention_of(text, "lifeboat") == "organizers"
    text = (
        "Lind put his hand on Ruiz’s shoulder in what came to be known by some rivals as the "
        "“harbour hug” of the campaign."
    )
    assert mention_of(text, "harbour hug") == "some rivals"


def test_agent_or_origin_named_after_the_quote() -> None:
    text = "At the debate, the phrase “harbour levy” was uttered once, by Ana Ruiz."
    assert mention_of(text, "harbour levy") == "Ana Ruiz"
    text = "First, the ministry is right. The “90 percent” figure came from the Lind campaign."
    assert mention_of(text, "90 percent") == "the Lind campaign"
    # With a cue before the quote, its subject speaks.
    text = "Ruiz lamented that the “danger” came from Lind’s talent for stoking anger."
    assert mention_of(text, "danger") == "Ruiz"


def test_cue_after_and_or_to_is_not_inverted() -> None:
    text = (
        "Ana Ruiz, the harbour chief, proposed we “wait and count the boats” and said Mayor "
        "Tom Lind should resign."
    )
    assert speaker_of(text, "wait and") == "Ana Ruiz"
    text = (
        "Most voters say the levy is “about right,” though voters are more likely to say Lind’s "
        "plan is too costly."
    )
    assert mention_of(text, "about right") != "Lind’s"


def test_quote_inside_an_opening_subordinate_clause() -> None:
    text = (
        "After Ruiz said that boats which did not pay might do better at “smaller harbours,” "
        "Tom Lind said he disagreed."
    )
    assert speaker_of(text, "smaller") == "Ruiz"
    text = (
        "Although Lind admitted to the Gazette that he and Ruiz had “been friends for years,” "
        "Ana Ruiz claimed they had never met."
    )
    assert speaker_of(text, "been friends") == "Lind"


def test_named_object_before_a_colon_speaks_when_the_subject_is_a_thing() -> None:
    text = (
        "The timing of Ruiz’s surge does not surprise harbour pollster Tom Lind: “Lesser-known "
        "candidates always gain after the first vote.”"
    )
    assert speaker_of(text, "Lesser-known") == "Tom Lind"


def test_owner_of_a_speech_noun_the_quote_modifies() -> None:
    text = (
        "Dock owners have fought the levy since it was passed. It is the lasting pull of Tom "
        "Lind’s “if you like your berth, you can keep it” promise: many of them signed on."
    )
    assert speaker_of(text, "if you like") == "Tom Lind"


def test_indefinite_subject_of_an_opening_subordinate_cue() -> None:
    text = (
        "Holding up a map, Lind said, “Tell me if you know this harbour.”\n\n"
        "When someone in the audience shouted, “Avel,” Lind joked, “Come on up and get a "
        "prize!”"
    )
    assert mention_of(text, "Avel") == "someone in the audience"


def test_possessive_pronoun_owner_is_the_subject_pronoun() -> None:
    text = "Ruiz spoke at the dock. She has pushed her promise of “free berths” for a year."
    assert mention_of(text, "free berths") == "She"


def test_written_thing_that_reads_carries_the_words() -> None:
    text = (
        "At the regatta, the club volunteers passed out water bottles that said, “The Avel "
        "Rowing Club welcomes you to the harbour.”"
    )
    assert mention_of(text, "The Avel") == "water bottles that"


def test_second_speaker_cutting_in_takes_the_next_quote() -> None:
    text = (
        "“Tell her I promised you a picture,” Ana Ruiz said, and her husband cut in. “Do not "
        "forget the boat.”"
    )
    assert mention_of(text, "Do not forget") == "her husband"


def test_owned_phrase_after_a_non_inverting_cue_is_an_object() -> None:
    text = (
        "Tom Lind summed up Ruiz as “reckless,” denounced her record as harbour chief and said "
        "she should resign."
    )
    assert speaker_of(text, "reckless") == "Tom Lind"


def test_passive_naming_verb_after_the_quote_names_its_agent() -> None:
    text = (
        "The harbour plan, known locally as the “Avel Deal,” was described by the port "
        "authority as a model for the coast."
    )
    assert mention_of(text, "Avel Deal") == "the port authority"


def test_thing_before_a_colon_quote_is_no_speaker() -> None:
    text = (
        "Ana Ruiz, the harbour chief, listed a quiz show as her guilty pleasure: “Friday Night "
        "Trivia” and its host."
    )
    assert speaker_of(text, "Friday Night") == "Ana Ruiz"


def test_conjoined_quotes_in_an_opening_subordinate_clause() -> None:
    text = (
        "Although Lind says he “loves the quay,” and “the quay loves me,” Ana Ruiz says he "
        "has never fished there."
    )
    assert speaker_of(text, "the quay loves") == "Lind"


def test_nested_question_closing_the_quote_keeps_the_cue_after_it() -> None:
    text = (
        "Ana Ruiz came to the quay last week. She met the mayor.\n\n"
        "“Her first words were, ‘What can we do to help?’” Tom Lind told reporters on Tuesday."
    )
    assert mention_of(text, "Her first") == "Tom Lind"


def test_stray_mark_swallowing_a_paragraph_keeps_the_inner_cue() -> None:
    text = (
        "Ana Ruiz spoke after the Avel vote. Based on an interview he gave on the Monday after "
        "the vote, it is unclear.\n\n"
        '"“You don’t win the seat by how many towns you win,” Tom Lind responded before adding '
        'that he will need the coast."\n\n'
        "The host then asked Lind which towns."
    )
    assert mention_of(text, "“You don’t") == "Tom Lind"


def test_name_before_a_participial_cue_is_the_object_of_the_verb() -> None:
    text = (
        "On Sunday, Pastor Ana Ruiz stood at her pulpit and, citing the harbour charter "
        "(“choose able people who fear no storm”), endorsed Senator Tom Lind of Avel, urging her "
        "flock to vote for him."
    )
    assert mention_of(text, "choose able") == "Pastor Ana Ruiz"


def test_state_after_a_town_is_no_clause_subject() -> None:
    text = (
        "On Sunday, Pastor Ana Ruiz stood at her pulpit in Burley, Avel, and, citing the harbour "
        "charter (“choose able people who fear no storm”), endorsed Senator Tom Lind of Avel, "
        "urging her flock to vote for him."
    )
    assert mention_of(text, "choose able") == "Pastor Ana Ruiz"


def test_whom_described_names_the_relative_clause_subject() -> None:
    text = "His closest ally is Tom Lind, whom one harbour insider described as “his brother.”"
    assert mention_of(text, "his brother") == "one harbour insider"


def test_whom_he_describes_as_having_is_the_pronoun() -> None:
    text = "Instead, Ana Ruiz backed Tom Lind, whom she describes as having “a captain’s nerve.”"
    assert mention_of(text, "a captain") == "she"


def test_who_can_be_heard_asking_is_the_speaker_not_the_addressee() -> None:
    text = (
        "Ana Ruiz backed the plan on Monday, and the Gazette has proof:\n\n"
        "“Should every boat be logged by the port?” a reporter can be heard asking Ruiz after "
        "the event."
    )
    assert mention_of(text, "Should every") == "a reporter"


def test_closing_mark_set_off_by_a_space_keeps_the_cue_after_it() -> None:
    text = (
        "Lind's bills were part of the 2009 harbour act.\n\n"
        "''The reason he has done so well is that he built coalitions, '' said Mr. Ode, who now "
        "works for Lind. ''He sees himself as a fisherman.''"
    )
    assert mention_of(text, "The reason") == "Mr. Ode"


def test_unclosed_quote_running_over_an_inverted_said() -> None:
    text = (
        "Ana Ruiz heads the Avel fund.\n\nOften, families did not know the rules.\n\n"
        '"There was little advice for parents about which papers to keep, said Kessel, whose '
        "group backs the bill.\n\nSome families have since moved on."
    )
    assert mention_of(text, "There was") == "Kessel"


def test_party_label_full_stop_does_not_hide_a_trailing_according_to() -> None:
    text = (
        'Lind needled his critics on a visit to the port. "You\'ve been very critical of me," '
        "he told Sen. Ana Ruiz (R-Ariz.), according to officials with knowledge of the meeting."
    )
    assert mention_of(text, "You've been") == "officials with knowledge of the meeting"


def test_named_cue_before_the_quote_wins_over_the_pronoun_after_it() -> None:
    text = (
        "Ruiz praised the fleet.\n\nLind spokesman Tom Ode said that the campaign will show "
        'voters that Lind has "guiding principles for the port," he said.'
    )
    assert mention_of(text, "guiding") == "Lind spokesman Tom Ode"


def test_full_stop_inside_the_mark_leaves_a_bare_cue_sentence_to_the_quote() -> None:
    text = (
        "The harbour chief caused an uproar on Monday with a remark about the missing ledgers."
        "\n\n“Avel, if you are listening, I hope you find the ledgers.” Ruiz said.\n\n"
        "Lind says the ledgers were private."
    )
    assert mention_of(text, "Avel, if") == "Ruiz"


def test_was_another_after_a_listed_slogan() -> None:
    text = (
        "Planes wrote slogans over the harbour, the Gazette reported. “Vote Ruiz!” read one. "
        "“Anyone but Lind,” was another. The pilots left."
    )
    assert mention_of(text, "Anyone but") == "another"


def test_surname_that_is_a_common_word_after_the_quote() -> None:
    text = (
        "Ed From, who founded the ferry users' group, agreed that fares were not the issue. "
        '"The times have changed when the boats run late," From said. "People want answers."'
    )
    assert mention_of(text, "The times") == "From"
    assert speaker_of(text, "People") == "Ed From"


def test_common_word_after_the_quote_is_no_surname_without_a_full_name() -> None:
    text = 'The board met in May. "The times have changed," May said.'
    assert mention_of(text, "The times") != "May"


def test_cue_after_a_closed_question_introduces_the_answer() -> None:
    # "X asked Y, “…?” Y replied, “…”": the cue after the question is the answer's.
    text = "Ruiz asked Lind, “Why now?” Lind then wrote back, “Because we can.”"
    assert mention_of(text, "Why now") == "Ruiz"
    assert mention_of(text, "Because") == "Lind"


def test_outlet_reporting_the_last_quote_is_the_source_of_earlier_ones() -> None:
    text = (
        "Asked about the delay, Ruiz “bristled” and said, “No comment,” the Avel Herald reported."
    )
    assert mention_of(text, "bristled") == "the Avel Herald"
    assert speaker_of(text, "bristled") == "Ruiz"


def test_a_rank_with_an_ordinal_stays_in_the_name_after_the_cue() -> None:
    text = "“We flew the whole night,” said Coast Guard 2nd Lt. Ana Ruiz, who led the crew."
    assert mention_of(text, "We flew") == "Coast Guard 2nd Lt. Ana Ruiz"
    assert speaker_of(text, "We flew") == "Ana Ruiz"


def test_a_cue_after_a_nested_quote_closing_with_three_apostrophes() -> None:
    # Typed apostrophes, as one newspaper writes quote marks: '' outside, ' inside.
    text = (
        "The mood shifted. ''I would call the plan 'old-school,''' said Bo W. Lind, whom the "
        "mayor appointed.\n"
    )
    assert speaker_of(text, "I would") == "Bo W. Lind"
    assert mention_of(text, "I would") == "Bo W. Lind"


def test_a_role_then_at_the_time_then_the_name_after_the_cue() -> None:
    text = (
        "The harbour board was “working to change its image,” wrote the Avel ambassador at the "
        "time, Ana B. Ruiz.\n"
    )
    assert speaker_of(text, "working") == "Ana B. Ruiz"
    assert mention_of(text, "working") == "Ana B. Ruiz"


def test_a_cue_after_a_nested_quote_closing_with_a_spaced_double_mark() -> None:
    # Straight marks, the inner ' closing, a space, then the outer ".
    text = (
        '"She said she would be \'above the mayor,\' " said Ana B. Ruiz, an activist. "That is '
        'not a responsible thing to say."\n'
    )
    assert speaker_of(text, "She said") == "Ana B. Ruiz"
    assert speaker_of(text, "That is") == "Ana B. Ruiz"


def test_a_place_and_a_job_before_the_name_after_the_cue() -> None:
    text = (
        "“The biggest concern for me is the harbour,” said Avel fish-processing executive Bo "
        "Lind, who backed Ruiz.\n"
    )
    assert speaker_of(text, "The biggest") == "Bo Lind"
    assert mention_of(text, "The biggest") == "Avel fish-processing executive Bo Lind"


def test_charged_is_a_speech_verb_but_not_as_a_noun_or_in_law() -> None:
    text = "Bo Lind spoke first.\n\n“You have called the fishermen thieves,” Ruiz charged.\n"
    assert mention_of(text, "You have") == "Ruiz"
    cues = _cue_regex(CUE_VERBS)
    assert cues.search("Ruiz charged that the levy was illegal") is not None
    for phrase in (
        "the Gazette examined the charge and rated it",
        "Vale was charged with fraud",
        "the port charged $5 a night",
        "a charge of fraud",
    ):
        assert cues.search(phrase) is None, phrase


def test_a_role_then_a_described_name_in_apposition() -> None:
    text = "“It is about time,” exhorted Ruiz’s introducer, actress Jamie Lee Vale.\n"
    assert speaker_of(text, "It is about") == "Jamie Lee Vale"


def test_a_role_word_names_the_one_holder_of_its_title() -> None:
    def last(text: str) -> str | None:
        return attribute(text, extract_quotes(text))[-1].speaker

    said = "\n\n“I do not hold grudges,” the governor said on Saturday.\n"
    assert last("Gov. Tom Alder met the party chair on Friday." + said) == "Tom Alder"
    # Two governors: either could be meant.
    assert (
        last("Gov. Tom Alder met Gov. Ana Ruiz on Friday, and both spoke." + said) == "the governor"
    )
    # A vice president is not "the president"; a Florida senator is not any senator.
    assert (
        last(
            "Vice President Bo Lind, the former mayor, toured the pier.\n\n“It is safe,” the "
            "president said.\n"
        )
        == "the president"
    )
    assert (
        last(
            "Avel Sen. Tom Alder, the former mayor, toured the pier.\n\n“It is safe,” the "
            "Marrow senator said.\n"
        )
        == "the Marrow senator"
    )


def test_the_next_sentence_says_whose_quote_it_is() -> None:
    text = (
        "With Ruiz, the bureau’s bad name grows.\n\n"
        "“I would rather have a sister in a tavern than a brother in the bureau.” That quote from "
        "Avel Harbour Commissioner Tom Krebs appeared on the front page of the Gazette in 1980.\n"
    )
    assert speaker_of(text, "I would") == "Tom Krebs"


def test_a_question_closing_the_quote_then_a_long_named_attribution() -> None:
    text = (
        "Trump visited the county last week.\n\n"
        "“He just stopped and said, ‘We have got to win Avel. How do we win Avel?’” Will Vale, "
        "the chairman for the Northern Avel exurb of Marrow Bay, said of the encounter.\n"
    )
    assert mention_of(text, "He just") == "Will Vale"


def test_a_name_the_quoted_words_run_on_into_is_not_their_speaker() -> None:
    text = (
        "“He trusted her,” Tom Lind added. “He listened to her in the war room time after time, "
        "including on whether or not to go after” Bo Vale.\n\nAna Ruiz spoke on Monday.\n"
    )
    assert speaker_of(text, "He listened") == "Tom Lind"


def test_a_guess_that_confirms_the_paragraphs_speaker_keeps_the_name() -> None:
    text = (
        "“It was a trade,” said Bo Lind, chief of staff to Ana Ruiz, then the port director. "
        "“This was an example of Mayor Vale” and his team “just quietly deciding, hey, we have "
        "some leverage over Marrow here, so let us use it.”\n"
    )
    assert speaker_of(text, "just quietly") == "Bo Lind"


def test_according_to_a_work_by_a_person_names_its_author() -> None:
    text = (
        "Avel is costly. A “living wage” for a single adult in Avel is about $12 an hour, "
        "according to calculations by Amy Vale of the Avel Institute of Technology.\n"
    )
    assert speaker_of(text, "living wage") == "Amy Vale"


def test_a_person_introduced_by_the_name_they_give() -> None:
    text = (
        "“Whoever opens the borders has no place here!” wrote a man calling himself Bo Lind. "
        "Another user, Tom Z, wrote more.\n\n"
        "“It is over,” said a woman who gave her name only as Ana Ruiz.\n"
    )
    assert speaker_of(text, "Whoever") == "Bo Lind"
    assert speaker_of(text, "It is over") == "Ana Ruiz"


@pytest.mark.parametrize(
    "after",
    [
        "That was how Mayor Sam Okafor described the plan on Tuesday.",
        "So said Mayor Sam Okafor on Tuesday.",
        "Those were the words of Mayor Sam Okafor on Tuesday.",
    ],
)
def test_a_sentence_after_the_quote_names_its_speaker(after: str) -> None:
    text = "Dana Holt put it bluntly: “This town is finished.”\n\n“We will rebuild.” " + after
    assert speaker_of(text, "We will") == "Sam Okafor"


@pytest.mark.parametrize(
    ("text", "mention", "speaker"),
    [
        ("“The pier is safe,” said Anke van der Berg.\n", "Anke van der Berg", "Anke van der Berg"),
        ("“The pier is safe,” said Mayor Tom de Vale.\n", "Mayor Tom de Vale", "Tom de Vale"),
        (
            "Avel’s president, Karim Fawzi al-Masri, said: “The pier is safe.”\n",
            "Avel’s president",
            "Karim Fawzi al-Masri",
        ),
        (
            "“The pier is safe,” said Avel’s President Karim Fawzi al-Masri.\n",
            "Avel’s President Karim Fawzi al-Masri",
            "Karim Fawzi al-Masri",
        ),
    ],
)
def test_a_name_with_particles_is_one_name(text: str, mention: str, speaker: str) -> None:
    assert (mention_of(text, "The pier"), speaker_of(text, "The pier")) == (mention, speaker)


@pytest.mark.parametrize(
    "text",
    [
        "“We are exploring options,” the society’s chair, Dr. Priya Raman, said.\n",
        "The society’s chair, Dr. Priya Raman, said: “We are exploring options.”\n",
    ],
)
def test_a_titled_name_in_apposition_holds_the_role(text: str) -> None:
    assert speakers(text) == ["Priya Raman"]


@pytest.mark.parametrize(
    ("text", "mention", "speaker"),
    [
        ("“The pier is closed,” said Avel police.\n", "Avel police", "Avel police"),
        (
            "Mayor Ana Ruiz of Avel closed the pier on Sunday after the storm.\n\n"
            "“The pier is closed,” said Avel mayor on Monday.\n",
            "Avel mayor",
            "Ana Ruiz",
        ),
    ],
)
def test_a_place_then_a_role_after_the_cue_is_the_role(
    text: str, mention: str, speaker: str
) -> None:
    assert (mention_of(text, "The pier"), speaker_of(text, "The pier")) == (mention, speaker)


@pytest.mark.parametrize(
    "text",
    [
        "Ana Ruiz, who added that she “never wrote” the memo, demanded an inquiry.\n",
        "Ana Ruiz is calling “reckless” a Tom Vale plan to sell the pier.\n",
    ],
)
def test_the_words_a_fragment_runs_on_into_are_not_its_speaker(text: str) -> None:
    assert speakers(text) == ["Ana Ruiz"]


def test_an_age_epithet_names_the_person_given_that_age() -> None:
    text = (
        "Avel United beat Harbour City 2-1 on Saturday in front of a crowd of thousands.\n\n"
        "The winner came from Kofi Mensah, 21, in the last minute. “I just kept running,” the "
        "21-year-old said.\n\n"
        "City’s captain, Tom Vale, 33, was furious. “It was offside,” said the 33-year-old.\n"
    )
    got = speakers(text)
    assert got == ["Kofi Mensah", "Tom Vale"]


def test_an_inverted_speaker_after_the_and_a_title_abbreviation() -> None:
    text = "“We shall overcome,” said the Rev. Ana Ruiz, who spoke after the mayor.\n"
    [q] = attribute(text, extract_quotes(text))
    assert q.speaker_span is not None
    assert (text[q.speaker_span[0] : q.speaker_span[1]], q.speaker) == ("Rev. Ana Ruiz", "Ana Ruiz")
    # With a word between "the" and the title the phrase may be someone else (a son, a
    # namesake): it is not read as the name.
    text = "Bo Lind spoke first. “No,” said the younger Mr. Lind.\n"
    [q] = attribute(text, extract_quotes(text))
    assert q.speaker != "Bo Lind"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The strike - “a throwback,” as one analyst put it - could last weeks.\n", "one analyst"),
        ("The strike is “a throwback,” as Ana Ruiz described it, to the 1990s.\n", "Ana Ruiz"),
        # A pronoun there stands for the clause's subject, which the rules before the quote find.
        (
            "Bo Lind regularly vows to “fix the pier,” as he put it on Wednesday.\n",
            "Bo Lind",
        ),
    ],
)
def test_as_someone_put_it_after_the_quote(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


@pytest.mark.parametrize("who", ["the president", "the Rev"])
def test_an_inverted_title_ending_the_text_is_read_without_error(who: str) -> None:
    text = f"“We will win,” said {who}"
    [q] = attribute(text, extract_quotes(text))
    assert q.speaker_span is not None
    assert text[q.speaker_span[0] : q.speaker_span[1]] == who
