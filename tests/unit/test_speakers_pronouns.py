"""A he/she resolves to a person: places, teams and events named in between are passed over."""

from __future__ import annotations

import pytest

from checking.quotes import extract_quotes
from checking.speakers import attribute
from tests.unit.speaking import speakers


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


def test_an_interjection_before_a_colon_is_no_speaker() -> None:
    text = (
        "Ana Ruiz spoke at the pier on Monday.\n\nWait, it gets better:\n\n"
        "“We will close the harbour for a year.”"
    )
    [quote] = attribute(text, extract_quotes(text))
    assert (quote.speaker, quote.speaker_span) == (None, None)


APPEAL = "“We will appeal,” Ana Ruiz said. "

#: (text, the speaker its last quote resolves to), one case per way a name is read.
LAST_SPEAKER = [
    # "North Harbour Friday" collected as a name would make "Harbour" mentions look like a
    # person's and take the "he".
    pytest.param(
        "Ruben Osei runs the ferry union. The mayor will travel to North Harbour Friday. "
        "Crowds at the harbour cheered. Harbour workers marched. “We will be back,” he said.",
        "Ruben Osei",
        id="place-before-a-day",
    ),
    # "Lind And Ana Ruiz" in a live-blog line is two people, not a four-word name "Ruiz" could
    # stand for.
    pytest.param(
        "The pier debate ran late.\n"
        "Updated 9:31PM: Lind And Ana Ruiz Trade Barbs.\n"
        "Ana Ruiz took the stage first. “We will rebuild the pier,” Ruiz said.",
        "Ana Ruiz",
        id="headline-run-cut-at-function-word",
    ),
    # Giving these words to Ruiz would confirm a draft that puts them in her mouth.
    pytest.param(
        APPEAL + "“The ruling is wrong,” Ruiz’s spokeswoman said.",
        "Ruiz’s spokeswoman",
        id="owned-spokeswoman",
    ),
    pytest.param(
        APPEAL + "Later, her spokeswoman said the ruling was “plainly wrong.”",
        "her spokeswoman",
        id="her-spokeswoman",
    ),
    pytest.param(
        APPEAL + "The ruling is “plainly wrong,” a spokeswoman for the port said.",
        "a spokeswoman for the port",
        id="a-spokeswoman",
    ),
    pytest.param(
        "The envoy, Dorothy Vance, arrived on Monday. “We are hopeful,” the envoy said.",
        "Dorothy Vance",
        id="the-envoy-named-before",
    ),
    # The woman named by her surname alone is the only person left who fits.
    pytest.param(
        "Tom Alder met the chancellor. Merkel arrived late. “We are ready,” she said.",
        "Merkel",
        id="she-not-a-man-named",
    ),
    pytest.param(
        "Tom Alder spoke. Alder then left. Merkel, 61, arrived late. “We are ready,” she said.",
        "Merkel",
        id="she-not-a-man-named-by-surname",
    ),
    pytest.param(
        "Tom Alder met the chancellor on Monday. “We are ready,” she said.",
        None,
        id="she-with-only-a-man-named",
    ),
    # A word capitalised only because it opens the sentence is not a first name.
    pytest.param(
        "More Ana Ruiz voters came out than expected, and more of them stayed late. "
        "“We won,” Ruiz said.",
        "Ana Ruiz",
        id="sentence-opening-word",
    ),
    # A surname is first the person's, before a firm that only starts with it.
    pytest.param(
        "Ana Ruiz runs the port. Ruiz Marine, her old firm, was sold in May. "
        "“We are ready,” Ruiz said.",
        "Ana Ruiz",
        id="person-before-firm",
    ),
    # An owner and what it owns are not one name; the name after an owner is.
    pytest.param(
        "Bo Lind spoke first. Lind’s Pier Office opened on Monday. “We are open,” Lind said.",
        "Bo Lind",
        id="owner-and-owned",
    ),
    pytest.param(
        "Harbour Radio’s Ana Ruiz interviewed the mayor. “It went well,” Ruiz said.",
        "Ana Ruiz",
        id="name-after-owner",
    ),
    # A verb opening a question is not a first name.
    pytest.param(
        "Ana Ruiz spoke at noon. Does Ruiz believe the pier can open? “We will win,” Ruiz said.",
        "Ana Ruiz",
        id="question-verb",
    ),
    # Neither first name is on the module's short lists: the gender comes from the text.
    pytest.param(
        "Bo Lind spoke in Avel. His daughter Jola Lind introduced him. "
        "“We will win,” Mr. Lind said.",
        "Bo Lind",
        id="mr-not-his-daughter",
    ),
    pytest.param(
        "Ana Lind spoke about her son, Oskar Lind. “I felt his loss,” Ms. Lind said.",
        "Ana Lind",
        id="ms-not-her-son",
    ),
    # With no word on her gender, a first name in -a is no man's; a man's in -a is on the list.
    pytest.param(
        "Bo Lind flew in on Monday. The chairs came from Jolanta Lind's den. "
        "“It is like a new plane,” Mr. Lind said.",
        "Bo Lind",
        id="mr-not-a-first-name-in-a",
    ),
    pytest.param(
        "Bo Lind flew in on Monday. The chairs came from Luca Lind's den. "
        "“It is like a new plane,” Mr. Lind said.",
        "Luca Lind",
        id="mr-a-man-in-a",
    ),
    # A capital inside a surname (Mc-, O'-, De-) keeps the name whole.
    pytest.param(
        "Senator Ana McRuiz toured the pier. “We will rebuild,” McRuiz said.",
        "Ana McRuiz",
        id="inner-capital-mc",
    ),
    pytest.param(
        "Bo O'Lind spoke first. “It is late,” O'Lind said.", "Bo O'Lind", id="inner-capital-o"
    ),
    pytest.param(
        "Tom DeAlder spoke first. “It is late,” DeAlder said.",
        "Tom DeAlder",
        id="inner-capital-de",
    ),
    # An affiliation and an office before a name are not part of it.
    pytest.param(
        "PierWatch Executive Director Ana Ruiz spoke at noon. "
        "“The pier is safe,” PierWatch said in a statement.",
        "PierWatch",
        id="affiliation-and-office",
    ),
    pytest.param(
        "Dean Okafor, an economist, spoke at noon. “Wages are flat,” Okafor said.",
        "Dean Okafor",
        id="dean-first-name",
    ),
    # A long capitalised run: the office in it, and the name after the office.
    pytest.param(
        "U.S. District Judge Ana M. Ruiz blocked the law on Friday. "
        "“The law cannot stand,” Ruiz wrote.",
        "Ana M. Ruiz",
        id="long-run-judge",
    ),
    pytest.param(
        "Avel Senate Majority Whip Bo Lind voted no. “It is a bad bill,” Lind said.",
        "Bo Lind",
        id="long-run-whip",
    ),
    pytest.param(
        "Harbour Council Senior Adviser Jo Park spoke first. “We are ready,” Park said.",
        "Jo Park",
        id="long-run-adviser",
    ),
    pytest.param(
        "Ana Ruiz: ‘We Will Rebuild The Pier’\n\n"
        "The harbour chief spoke at noon.\n\n“It will take a year,” said Ruiz.",
        "Ana Ruiz",
        id="headline-label",
    ),
    pytest.param(
        "Secretary of State Ana M. Ruiz said the vote was an “important step forward.”",
        "Ana M. Ruiz",
        id="title-office-holder",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), LAST_SPEAKER)
def test_the_speaker_a_last_quote_resolves_to(text: str, speaker: str | None) -> None:
    assert speaker_of_last_quote(text) == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "It" is the body opening the sentence before, not the person named last.
        (
            "Lind’s deputy, Maria Okoro, was more cautious about the talks.\n\n"
            "The union disputes that account. In a statement, it said the offer was “an insult "
            "to every worker on this pier.”",
            "The union",
        ),
        # Or the text that carries the words; the phrase ends at its noun.
        (
            "Bo Lind wrote to supporters on Tuesday. The email goes on to attack the mayor. "
            "“Friend, let me be blunt,” it read.",
            "The email",
        ),
        # Nothing to refer to but people: no speaker rather than the wrong one.
        (
            "Maria Okoro spoke first. Bo Lind spoke next.\n\n“We will strike,” it said.",
            None,
        ),
    ],
)
def test_it_is_a_body_or_a_text_never_a_person(text: str, speaker: str | None) -> None:
    assert speaker_of_last_quote(text) == speaker


def test_a_first_name_given_by_a_kin_word_is_a_person_of_its_gender() -> None:
    text = (
        "Bo Lind disagreed with the council.\n\n"
        "“They are killing this town,” said Joe Marsh, 58, who has fished from the pier since "
        "he was a boy. His wife, Ellen, nodded. “Forty years,” she said."
    )
    assert speaker_of_last_quote(text) == "Ellen"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Tom Alder said Ana Ruiz had called him twice, and he insisted the deal was “done.”",
            "Tom Alder",
        ),
        # After "asked Lind about …" the he may be the one asked: the usual resolution stands.
        (
            "Bo Lind spoke at the pier. Radio host Ana Ruiz asked Lind about statements he had "
            "made, when he claimed the mayor was “the founder” of the scheme.",
            "Bo Lind",
        ),
    ],
)
def test_a_pronoun_in_the_sentence_is_its_speaking_subject(text: str, speaker: str) -> None:
    assert speaker_of_last_quote(text) == speaker


def test_an_i_nobody_was_named_for_is_not_the_last_name_before_it() -> None:
    text = (
        "Ruiz wants a tax on Avel Harbour speculation. That sounds great.\n\n"
        "But then I ask the people, “What do you mean by a tax on speculation?”\n"
    )
    assert speaker_of_last_quote(text) is None


def test_a_name_described_as_someone_who_does_something_is_a_person() -> None:
    text = (
        "Council president Tom Lind declined to comment.\n\n"
        "Among the crowd was Bo Vale, a retired firefighter. “I gave this city thirty years,” "
        "he said."
    )
    assert speaker_of_last_quote(text) == "Bo Vale"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Protesters gathered outside City Hall on Friday.\n\n“No more cuts!” they shouted.",
            "Protesters",
        ),
        # A they that no plural names is nobody, not the last person named.
        ("Bo Lind told reporters he would go.\n\n“No more cuts!” they shouted.", None),
    ],
)
def test_they_is_a_group_never_one_person(text: str, speaker: str | None) -> None:
    assert speaker_of_last_quote(text) == speaker


def test_an_epithet_before_a_name_the_text_also_uses_is_no_part_of_it() -> None:
    text = (
        "Maria Ruiz opened the pier on Monday.\n\n"
        "Her rival tweeted that “Crooked Maria Ruiz” had lied.\n\n"
        "“The pier is safe,” Ruiz said.\n"
    )
    got = speakers(text)
    assert got[-1] == "Maria Ruiz"


def test_an_object_him_after_a_name_says_nothing_of_its_gender() -> None:
    text = (
        "A ferry hit the pier at Avel on Monday night, injuring four passengers.\n\n"
        "Captain Tom Reyes and the first officer, Ana Lima, were on the bridge.\n\n"
        "Lima backed him up. “He did. I was there,” she said.\n"
    )
    assert speakers(text) == ["Ana Lima"]


def test_it_in_a_clause_is_the_body_that_opens_its_sentence() -> None:
    text = (
        "Talks on the harbour resumed in Avel this week.\n\n"
        "The Avel Harbour Council fined Harbourco for a spill that it said had caused “lasting "
        "damage” to the bay.\n"
    )
    assert speakers(text) == ["The Avel Harbour Council"]


def test_a_place_after_a_name_and_of_is_no_person_for_a_pronoun() -> None:
    text = (
        "The harbour bill passed the Senate on Tuesday after a long debate.\n\n"
        "Sen. Tom Vale of West Avel disagreed. The bill, he said, would “cost thousands of "
        "jobs.”\n"
    )
    assert speakers(text) == ["Tom Vale"]


def test_a_he_opening_a_sentence_is_the_person_who_opened_the_one_before() -> None:
    text = (
        "Ana Ruiz and Tom Vale argued about music on the harbour radio show on Monday night.\n\n"
        "“That is nostalgia talking,” Vale said.\n\n"
        "Bo Lind, 52, whose nickname is “the Rock,” laughed at Vale’s answer. He said the "
        "1980s were “the real deal.”\n"
    )
    got = speakers(text)
    assert got == ["Tom Vale", "Bo Lind"]


def test_a_he_after_a_quote_attributed_by_inversion_is_that_speaker() -> None:
    text = (
        "Tom Vale’s claims about the pier spread fast online this week.\n\n"
        "Vale’s claims may be “strategic,” said Bo Lind, a professor at Avel University. “Each "
        "side talks to its base,” he said.\n"
    )
    got = speakers(text)
    assert got[-1] == "Bo Lind"


@pytest.mark.parametrize(
    ("speaker", "other", "pronoun"),
    [("Mary Okafor", "Hector Vale", "she"), ("Tom Okafor", "Felicia Vale", "he")],
)
def test_a_common_first_name_gives_its_gender(speaker: str, other: str, pronoun: str) -> None:
    text = (
        "The harbour board met on Monday to vote on the sale of the pier.\n\n"
        f"{speaker} spoke against the sale, and {other}, 61, spoke for it.\n\n"
        f"After the vote, {pronoun} called the sale “a mistake.”\n"
    )
    assert speakers(text) == [speaker]


def test_a_place_named_with_a_compass_word_is_no_person() -> None:
    text = (
        "Trade talks resumed in Avel this week after a long pause.\n\n"
        "Tom Vale, the Avel envoy, met his hosts on Monday. Western Europe warned of a trade "
        "war.\n\n"
        "“We will not back down,” he said.\n"
    )
    assert speakers(text) == ["Tom Vale"]


def test_a_pronoun_after_a_surname_rules_out_a_namesake_of_the_other_gender() -> None:
    text = (
        "Tom Vale came back to Avel on Friday to campaign for the harbour bill.\n\n"
        "At the urging of his wife, Ana Vale, he has been planning a new group.\n\n"
        "“We really can win on Tuesday,” said Vale as he closed out.\n"
    )
    assert speakers(text) == ["Tom Vale"]


def test_the_writer_in_a_byline_is_no_she() -> None:
    text = (
        "Opinion: The harbour deal is a mistake.\n\n"
        "By Ana Ruiz\n\n"
        "I have lived by the harbour for 40 years. When the mayor told me the sale was “a done "
        "deal,” I was stunned. “We had no choice,” she said to me.\n"
    )
    got = speakers(text)
    assert got == ["the mayor", "the mayor"]


def test_they_after_a_head_count_of_workers_is_that_group() -> None:
    text = (
        "Protests against the harbour sale spread on Saturday.\n\n"
        "Hundreds of dock workers gathered outside City Hall. “Not for sale!” they chanted.\n"
    )
    got = speakers(text)
    assert got == ["Hundreds of dock workers"]


def test_a_he_opening_a_sentence_is_the_person_a_role_subject_before_named() -> None:
    text = (
        "The dispute over the pier went to court on Monday.\n\n"
        "Ruiz’s lawyer, Dan Berg, said Tom Vale was “looking for publicity.” He said Vale had "
        "“no case.”\n"
    )
    got = speakers(text)
    assert got == ["Dan Berg", "Dan Berg"]


def test_a_he_after_an_opening_phrase_is_the_subject_of_the_sentence_before() -> None:
    text = (
        "The harbour board met on Monday night.\n\n"
        "Tom Vale, 61, criticised Bo Lind, 58, at the meeting. Later, he called the plan “a "
        "disaster.”\n"
    )
    assert speakers(text) == ["Tom Vale"]


def test_they_after_police_is_the_police() -> None:
    text = (
        "A ferry sank off Avel on Sunday.\n\n"
        "Police said the captain had been detained. They did not say whether he would be "
        "charged, but added that the inquiry was “at an early stage.”\n"
    )
    assert speakers(text) == ["Police"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A role opening a clause since the last name is the he/she, not that name.
        (
            "Chief financial officer Dev Patel said the port “has never been stronger.”\n\n"
            "When the mayor spoke to reporters on Thursday, she was blunt. "
            "“We are not going to wait,” she said.",
            "the mayor",
        ),
        (
            "Ana Ruiz, the port director, opened the meeting on Monday.\n\n"
            "Later, the spokeswoman told reporters the talks had failed. "
            "“There is no deal,” she said.",
            "the spokeswoman",
        ),
        (
            "Ana Ruiz opened the meeting. The governor arrived late. "
            "“We have work to do,” he said.",
            "The governor",
        ),
        # A role the text gave to a named person is that person.
        (
            "Mayor Ana Ruiz cut the ribbon. Dev Patel, the port’s finance chief, watched.\n\n"
            "When the mayor spoke, she was brief. “We are ready,” she said.",
            "Ana Ruiz",
        ),
        # A role of the other gender, or one named before the person, changes nothing.
        (
            "Ana Ruiz met the spokesman on Monday. “We are ready,” she said.",
            "Ana Ruiz",
        ),
        (
            "The mayor opened the session. Ana Ruiz spoke next. “We are ready,” she said.",
            "Ana Ruiz",
        ),
        # A role after "as" is a post, not a clause's subject.
        (
            "Ana Ruiz served as the mayor for a decade. “We are ready,” she said.",
            "Ana Ruiz",
        ),
    ],
)
def test_a_he_or_she_is_the_role_opening_a_clause_since_the_last_name(
    text: str, speaker: str
) -> None:
    assert speaker_of_last_quote(text) == speaker


#: (text, the speaker of each of its quotes), for texts written to show one rule each.
EVERY_SPEAKER = [
    # A role in capitals after "The" names the holder in apposition, and is no name itself.
    pytest.param(
        "The Home Secretary, Yvette Marlow, said the plan would ‘restore trust’ in the system.\n\n"
        "‘We have listened,’ she told MPs.",
        ["Yvette Marlow", "Yvette Marlow"],
        id="role-in-capitals",
    ),
    # An office alone in a headline is the office's holder, not a name.
    pytest.param(
        "Mayor vows to ‘fight for every job’ as plant closes\n\n"
        "AVEL — Mayor Ana Ruiz vowed on Monday to “fight for every job.”",
        ["Ana Ruiz", "Ana Ruiz"],
        id="office-alone-in-headline",
    ),
    # Office words between a title and a name belong to the office.
    pytest.param(
        "Shares fell after Chief Executive Officer Dana Price warned of “a perfect storm.”\n\n"
        "“We are disappointed,” Price said.",
        ["Dana Price", "Dana Price"],
        id="officer-title",
    ),
    # A nickname in quote marks sits inside the full name (and is no quote).
    pytest.param(
        "The band’s frontman, Jesse “Sparks” Delaney, said the tour was “the last hurrah.”\n\n"
        "“We are not getting any younger,” Delaney said.",
        ["Jesse Delaney", "Jesse Delaney"],
        id="nickname",
    ),
    # A role opening the sentence before a he/she is the holder in apposition, not an earlier
    # holder of that office.
    pytest.param(
        "Prime Minister Kenji Sato, speaking after talks with his counterpart, said Japan would "
        "“stand firm.”\n\n"
        "Avel’s prime minister, Grace Holloway, struck a softer note. “Dialogue is always "
        "better,” she said at a joint news conference with Sato.",
        ["Kenji Sato", "Grace Holloway"],
        id="holder-in-apposition",
    ),
    # An occupation may open the name's apposition after a role.
    pytest.param(
        "“We knew the bridge was failing,” the report’s author, engineer Ruth Kamau, told the "
        "inquiry.",
        ["Ruth Kamau"],
        id="occupation-before-holder",
    ),
    # Or when it opens the sentence before as a cue verb's subject; not an indefinite.
    pytest.param(
        "Ruiz said Lind had told her privately that the plan was “dead on arrival.”\n\n"
        "Lind denied it. “I never said that,” he said.",
        ["Ruiz", "Lind"],
        id="surname-speaking-before",
    ),
    pytest.param(
        "Bo Lind spoke first. Nobody asked about the pier. “It will open,” he said.",
        ["Bo Lind"],
        id="nobody-is-no-one",
    ),
    # An object "her" after a name is no evidence the name is a woman's; "her job" is.
    pytest.param(
        "Tal Lind had told her privately that the pier was sold.\n\n“It is over,” he said.",
        ["Tal Lind"],
        id="object-her",
    ),
    pytest.param(
        "Tal Lind had lost her job when the pier was sold.\n\n“It is over,” he said.",
        [None],
        id="possessive-her",
    ),
    pytest.param(
        "“The ward is unsafe,” her witness, nurse Ana Okafor, told the court.",
        ["Ana Okafor"],
        id="nurse-before-holder",
    ),
    # So may an office's modifier ("state Treasurer").
    pytest.param(
        "Her likely successor, state Treasurer Luis Ortega, praised her as “a giant of Avel "
        "politics.”",
        ["Luis Ortega"],
        id="office-modifier-before-holder",
    ),
    # A surname never given in full is a person when an apposition describes it as one.
    pytest.param(
        "“She’s the toughest person I know,” her husband, Dev, said of her.\n\n"
        "Lind, her opponent, has a different view. “She’s out of touch,” he told reporters.",
        ["Dev", "Lind"],
        id="described-surname",
    ),
    # A he/she opening a quote's sentence is the person who opened the sentence before, also
    # across a paragraph break, not the last man named in it.
    pytest.param(
        "Tom Vale, the dockers' leader, spent Monday at the harbour, where he attacked the pier "
        "plan drawn up by Bob Lind.\n\n“It is a disgrace,” he said.",
        ["Tom Vale"],
        id="opener-of-paragraph-before",
    ),
    # A sentence with a ", Vale said" aside is Vale's, whoever opens it.
    pytest.param(
        "Mr. Lind and Mr. Vale met at the harbour on Monday.\n\n"
        "Lind's plan for the piers is reckless, Vale said. “It will cost us a thousand jobs,” he "
        "said.",
        ["Vale"],
        id="cue-aside-at-end",
    ),
    pytest.param(
        "Mr. Lind and Mr. Vale met at the harbour on Monday.\n\n"
        "Lind, Vale said, has lost the room. “Nobody trusts him now,” he said.",
        ["Vale"],
        id="cue-aside-inside",
    ),
    # The one asked answers; asked of a pronoun, the asker goes on.
    pytest.param(
        "The radio host Bob Lind interviewed the harbour master, Tom Vale, on Monday.\n\n"
        "Lind then asked Vale which piers he could keep open. “We will keep all of them open,” "
        "he said.",
        ["Tom Vale"],
        id="asked-answers",
    ),
    pytest.param(
        "Mr. Lind wrote to Ana Ruiz about the harbour contract on Monday.\n\n"
        "Mr. Lind asked her to call Mr. Vale at once. “This is very important,” he wrote.",
        ["Lind"],
        id="asked-her-asker-goes-on",
    ),
    # "Vale's been": a contracted "has", not an owner; "Vale's column": its writer.
    pytest.param(
        "Mr. Lind and Mr. Vale have clashed over the pier plan since the spring.\n\n"
        "Vale's been making the case for weeks that Lind is not ready to run the port. “You have "
        "never managed a budget,” he said.",
        ["Vale"],
        id="contracted-has",
    ),
    pytest.param(
        "Mr. Lind and Mr. Vale have clashed over the pier plan since the spring.\n\n"
        "Vale's column also attacked Lind for the cost of the plan. He calls Lind “a dreamer with "
        "a chequebook.”",
        ["Vale"],
        id="writer-of-column",
    ),
    # The she of the sentence before goes on, whoever was named in between.
    pytest.param(
        "Ana Ruiz, who lost her sister Eva Lind in the warehouse fire, said the council had let "
        "the families down.\n\n“They promised to meet us face to face,” she said about Mayor Bo "
        "Vale. “We are still waiting,” she said.",
        ["Ana Ruiz", "Ana Ruiz"],
        id="same-she-goes-on",
    ),
    # A name inside a quoted title that is not speech stands for no one.
    pytest.param(
        "Ana Ruiz, who starred in “Jane the Harbour Pilot,” said the role changed her life. "
        "The film opens in May.\n\nShe calls the part “the hardest thing I have done.”",
        ["Ana Ruiz"],
        id="name-inside-a-title",
    ),
    # A title makes a one-word name a person who opens the sentence before a he.
    pytest.param(
        "Mrs. Ruiz herself has always said the server was secure, and Mr. Lind agreed with "
        "her.\n\nPresident Vale backed her up in an interview last October. “I don't think it "
        "posed a security problem,” he said.",
        ["Vale"],
        id="titled-opener",
    ),
    # After '“…,” said Gov. Bob Ruiz, who hired Mr. Vale', a he is Ruiz.
    pytest.param(
        "Tom Vale spoke briefly at the harbour on Monday.\n\n“The port is finished,” said Gov. "
        "Bob Ruiz of Avel, who hired Mr. Vale as a consultant in 1990. He added, “It will be "
        "interesting to see where we go from here.”",
        ["Bob Ruiz", "Bob Ruiz"],
        id="inverted-cue-sentence-before",
    ),
    # A sentence about a he (its subject, or a ", he said," aside) passes to the person who
    # opened the sentence before it.
    pytest.param(
        "Tom Vale, who won the harbour vote, is calling on his rivals to step aside.\n\n"
        "Though he did not name Bob Lind or Sam Okafor, he made it clear that they should drop "
        "out so the party could unite behind him.\n\n“Pray on it,” he said.",
        ["Tom Vale"],
        id="he-chain-through-a-clause",
    ),
    pytest.param(
        "Mr. Vale said he had asked Mr. Lind to keep talking to the unions over the coming days. "
        "The goal, he said, is a deal before the strike.\n\n“The faster we can offer relief,” "
        "he said, “the better.”",
        ["Vale", "Vale"],
        id="he-chain-through-an-aside",
    ),
    pytest.param(
        "Tom Vale never mentioned Ana Ruiz, who trailed by 20 points.\n\nHe nodded only to his "
        "second-place finish behind Bob Lind.\n\n“We learned a lot about the ground game,” he "
        "said.",
        ["Tom Vale"],
        id="he-chain-through-a-subject",
    ),
    # "the base chief known as Bob" is Bob, and "Nor" opening a sentence names no one.
    pytest.param(
        "“There never was an order to wait,” said the harbour master known as Bob, speaking "
        "publicly for the first time.\n\nNor, he said, did he sign anything that could be “read "
        "as an order.”",
        ["Bob", "Bob"],
        id="known-as-then-nor",
    ),
    # An opening phrase may run on past a place ("in Salem, New Avel, Vale went …"); an
    # apposition after a name is no such run ("Bo Okafor, Vale's campaign manager, said").
    pytest.param(
        "Tom Vale is spending the last day of the race attacking a rival far behind him: Bob "
        "Lind.\n\nSpeaking at a town hall in Salem, New Avel, Vale went after Lind, calling him "
        "“a total stiff.”\n\nHe says, “Here is a guy you would not hire to do anything.”",
        ["Tom Vale", "Tom Vale"],
        id="intro-runs-past-a-place",
    ),
    pytest.param(
        "Tom Vale toured the harbour on Monday.\n\nBo Okafor, Vale's campaign manager, said the "
        "campaign had opened its 11th office. “Time is always a challenge,” he said.\n\nSam "
        "Ruiz, Avel director for Vale, said the same. “We are in good shape,” he said.",
        ["Bo Okafor", "Sam Ruiz"],
        id="apposition-is-no-intro",
    ),
    # "…, according to a post from Dana Okafor." makes the sentence hers.
    pytest.param(
        "Mrs. Lind has said she will not comment on the paper.\n\nThe paper said it would cover "
        "the harbour strike as news. That coverage will come with a strong slant, according to a "
        "post from Dana Okafor.\n\n“We will cover the damage the strike does to the whole "
        "city,” she wrote.",
        ["Dana Okafor"],
        id="according-to-a-post-from",
    ),
    # Two people share a surname: "Tom Okafor" and "Mr. Okafor" are the man, whoever the text
    # named first.
    pytest.param(
        "Ana Okafor was not at the event. Her husband, Tom Okafor, spoke for the family "
        "instead.\n\nTom Okafor thanked the crowd, and Mr. Okafor then praised the harbour plan."
        "\n\n“This is the best thing to happen to Avel in years,” he said.",
        ["Tom Okafor"],
        id="shared-surname",
    ),
    # A holder named in apposition to a role opens the sentence as a person, whatever the text
    # says of his gender.
    pytest.param(
        "Police arrested Tom Vale on Monday. His lawyer, Bo Lind, said the charges were "
        "baseless.\n\n“My client has done nothing wrong,” he said.",
        ["Bo Lind"],
        id="holder-of-role-opening",
    ),
    # "Residents" opening a sentence is no one's name.
    pytest.param(
        "The governor, who is running for a second term, visited the flooded town on Tuesday. "
        "Residents had criticised her slow response.\n\n“I hear you,” she told them.",
        [None],
        id="plural-role-opening",
    ),
    # A body's name runs on through "of" ("the Ministry of Transport", not "the Ministry").
    pytest.param(
        "The Ministry of Transport said the bridge was “structurally sound.”\n\n"
        "“The bridge is safe,” said the Avel Board of Works.",
        ["The Ministry of Transport", "the Avel Board of Works"],
        id="body-named-with-of",
    ),
    # Three or more names listed before a cue all speak.
    pytest.param(
        "Instead, Ana Ruiz, Harbour Radio's Bo Lind and Tom Vale argued that the plan was “dead "
        "on arrival.”",
        ["Ana Ruiz, Bo Lind and Tom Vale"],
        id="three-listed-speakers",
    ),
    # A headline word capitalised before a surname is no first name ("Understated Vale …"
    # over a story about Tom Vale); an unlisted first name opening a sentence still is one.
    pytest.param(
        "Understated Vale wins the harbour seat.\n\nTom Vale, 52, ran a quiet campaign on the "
        "docks.\n\n“I listened more than I talked,” he said.",
        ["Tom Vale"],
        id="headline-word-before-surname",
    ),
    pytest.param(
        "Dick Okafor spoke first at the meeting.\n\nLiz Okafor, his daughter, spoke next. “We "
        "will run,” she said.",
        ["Liz Okafor"],
        id="unlisted-first-name-opening-a-sentence",
    ),
    # "the Florida senator" is the senator named with Florida, also when the place follows the
    # name ("Sen. Marco Vale of Florida"); "Sen. Bo Lind" gives no surname "Bo".
    pytest.param(
        "Sen. Marco Vale of Florida spent the day in Manchester. His rival, Sen. Bo Lind of "
        "Vermont, was in Iowa.\n\nWalking into his campaign office, the Florida senator said his "
        "campaign was “closing strong.” He noted that volunteers had come from far and wide. "
        "“It's huge,” he said.",
        ["Marco Vale", "Marco Vale"],
        id="role-modifier-after-the-name",
    ),
    # "The Blaze’s Bo Lind provided …": the outlet's person, not a phrase running on to the verb.
    pytest.param(
        "In a post on the list, The Blaze’s Bo Lind provided a justification for a blacklist, "
        "saying it is necessary to “name the traitors and remember them.”",
        ["Bo Lind"],
        id="outlets-person-then-verb",
    ),
    # A he opening a sentence after one whose full quote a cue gave to someone is that speaker
    # (here a role, which no verdict rests on), not the last man named.
    pytest.param(
        "Gary Lind, a former guard for Gov. Tom Vale, has written a book about the governor's "
        "wife.\n\nIn the excerpt, the author wrote, “She had a different sort of temper.”\n\n"
        "He went on to say, “She once threw a book at an aide.”",
        ["the author", "the author"],
        id="speaker-of-the-sentence-before",
    ),
    # A full name typed as a turn's label inside the marks names the speaker when the quote
    # opens its paragraph, not in a chant about that person.
    pytest.param(
        "Ana Ruiz and Bo Lind argued that the plan was naive.\n\n“Tom Vale: Seriously, the tax "
        "sounds great until you ask who pays it.”\n\nOutside, the protesters chanted “Tom Vale: "
        "Bad for Avel, bad for you.”",
        ["Tom Vale", "the protesters"],
        id="name-label-inside-the-marks",
    ),
    # Coordinated names may carry a place each ("Senator Ana Ruiz of Avel and Senator Bo Lind").
    pytest.param(
        "Senator Ana Ruiz of Avel and Senator Bo Lind of Port Town do it most explicitly by "
        "proposing a “harbour tax” on every container.",
        ["Ana Ruiz and Bo Lind"],
        id="coordinated-names-with-places",
    ),
    # A fragment nobody was found to say does not carry on to the quotes standing alone after
    # it; the sentence's "Vale spoke" does.
    pytest.param(
        "What “go after them” actually means is left to the imagination of voters, since Vale "
        "spoke only in vague terms during the interview.\n\n“We have to do something.”\n\n“We "
        "have to be a lot tougher.”",
        [None, "Vale", "Vale"],
        id="quotes-after-an-unattributed-fragment",
    ),
    # "Bo Lind attacked former mayor Tom Vale for …": a verb, then its object; no name run,
    # and no office holder after the speaker's name.
    pytest.param(
        "First, Bo Lind attacked former mayor Tom Vale for being a “failed leader.”",
        ["Bo Lind"],
        id="verb-then-titled-object",
    ),
    # A woman subject of a "while" clause before an opener of no known gender.
    pytest.param(
        "Jordan Okafor and Ana Ruiz both campaigned in Avel this week.\n\n"
        "Okafor held a rally on Saturday while Ruiz hosted a breakfast on Monday, during which she "
        "thanked the volunteers. “I could not do this without you,” she said.",
        ["Ana Ruiz"],
        id="while-clause-subject",
    ),
]


@pytest.mark.parametrize(("text", "expected"), EVERY_SPEAKER)
def test_the_speaker_of_every_quote(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected
