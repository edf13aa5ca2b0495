"""Speakers named before the quote (cue, aside, participle, continuation). Every sentence here
is invented for the test."""

from __future__ import annotations

import pytest

from checking.quotes import extract_quotes
from checking.speakers import attribute
from tests.unit.speaking import speakers


@pytest.fixture
def rules_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """Empty ranker weights, so a test sees what the rule cascade alone chooses."""
    monkeypatch.setattr("checking.speaker_weights.WEIGHTS", {})


def mentions(text: str) -> list[str | None]:
    """The speaker mention marked for each quote, in order."""
    out: list[str | None] = []
    for q in attribute(text, extract_quotes(text)):
        out.append(text[q.speaker_span[0] : q.speaker_span[1]] if q.speaker_span else None)
    return out


@pytest.mark.usefixtures("rules_alone")
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # A pronoun inside a named cue's "that" clause stands for the named speaker.
            "Ana Ruiz acknowledged that she had erred in an interview when she claimed that the "
            "Avel board had called the pier “safe” all along.",
            ["Ana Ruiz"],
        ),
        (
            # A name that ends an aside after a lower-case word is the aside's object.
            "Sen. Ana Ruiz, who has endorsed Tom Lind, said the plan was “reckless.”",
            ["Sen. Ana Ruiz"],
        ),
        (
            "The harbour chief Ana Ruiz, who walked the docks near City Hall, described the "
            "strike as “calm.”",
            ["chief Ana Ruiz"],
        ),
        (
            # The subject of an absolute "with" clause holding the cue.
            "The Avel campaign denied it, with Lind taking to the radio to call Ruiz “a liar” "
            "for the claim.",
            ["Lind"],
        ),
        (
            "Harbour officials were quick to respond, with Tom Lind tweeting that it was a "
            "“disgrace” and asking, “Who pays for this?”",
            ["Tom Lind", "Tom Lind"],
        ),
        (
            # A possessive name and a person noun are one subject.
            "Tom Lind’s campaign manager said the plan was “dead.”",
            ["Tom Lind’s campaign manager"],
        ),
        (
            "After the vote, Lind’s spokeswoman, Ana Ruiz, called the plan “dead.”",
            ["Lind’s spokeswoman"],
        ),
        (
            # "confided", "pressed" are cues; "the term" is a noun.
            "When Ruiz moved to Avel, Lind confided to her that, as outsiders, the Odes were "
            "“the first new family in years.”",
            ["Lind"],
        ),
        (
            "Ana Ruiz spoke first.\n\n“Will it pass by May?” Tom Lind pressed. “Or will it wait?”",
            ["Tom Lind", "Tom Lind"],
        ),
        (
            # A poll opening the sentence is the source of what its respondents said.
            "In a Harbour Gazette poll released Sunday, 60 percent of Avel voters said the "
            "ferry was “a waste.”",
            ["a Harbour Gazette poll released Sunday"],
        ),
        (
            # "in his … speech" and "kept" stand between a subject and its past cue.
            "The break was complete when Tom Lind in his opening speech called the rival plan "
            "“a fraud.”",
            ["Tom Lind"],
        ),
        (
            "Back in 2013, when Ana Ruiz testified, Sen. Tom Lind (R-Avel) kept asking her why "
            "the board had blamed “spontaneous” protests.",
            ["Sen. Tom Lind"],
        ),
        (
            # An apposition before an adverb and the cue describes the name before it.
            "Tom Lind, a veteran harbour pilot, quietly told the board the pier was “a wreck.”",
            ["Tom Lind"],
        ),
        (
            # An inverted cue set off by commas names the speaker of its sentence.
            "The plan, says Ana Ruiz, “is a wreck from top to bottom.”",
            ["Ana Ruiz"],
        ),
        (
            "The paradox of the pier, says Tom Lind, a historian at the Avel Institute, is that "
            "it was “the busiest in the region.”",
            ["Tom Lind"],
        ),
        (
            # "said in her remarks that …": what the cue reports stays the cue's speaker's.
            "Ana Ruiz said in her opening remarks that the mayor had called the plan “a wreck.”",
            ["Ana Ruiz"],
        ),
        (
            # A cue only foreseen ("will say") is reported by the plain cue before it.
            "Ana Ruiz said she expected that voters will say “no” to the pier.",
            ["Ana Ruiz"],
        ),
        (
            "Lind will go, because, according to Ana Ruiz, the press would call him a “coward” "
            "if he stayed away.",
            ["Ana Ruiz"],
        ),
        (
            # A cue after as/when/after opens a clause with its own speaker.
            "“We are nearly done,” Ruiz said as the heckler yelled: “Go home!”",
            ["Ruiz", "the heckler"],
        ),
        (
            "“It is wrong,” Lind tweeted after Ruiz argued that “the pier will pay for itself.”",
            ["Lind", "Ruiz"],
        ),
        (
            # A participle after an adverb takes the subject of its clause.
            "Ana Ruiz has expressed frustration, and even a little worry, about her first "
            "face-off with Tom Lind later this month, recently telling one person close to her "
            "that she’s perplexed about “which Tom Lind will show up.”",
            ["Ana Ruiz"],
        ),
        (
            # "According to her aides, Ruiz was …": the aides, not an apposition naming them.
            "According to her friends and advisers, Ana Ruiz has worried for months that her "
            "slogan, “Build it right,” was too dull.",
            ["her friends and advisers"],
        ),
        (
            # A quote that ends its paragraph with a colon runs on into the next paragraph.
            "The board met on Monday.\n\nAna Ruiz said the plan was bad. “It fails on three "
            "counts:\n\n“It costs too much and it takes too long.”",
            ["Ana Ruiz", "Ana Ruiz"],
        ),
        (
            # A pronoun's cue right after a named parenthetical cue is the named speaker's.
            "And in those long nights, Ana Ruiz wrote, she began repeating to herself “one more "
            "day, just one more day.”",
            ["Ana Ruiz"],
        ),
        (
            "The move, Tom Lind explained, was the result of years of work, an effort he "
            "concludes has given the party “a head start on everyone.”",
            ["Tom Lind"],
        ),
        (
            # A name after "in Town," with a person's description is no state.
            "Speaking to reporters in Avel, Ana Ruiz, the mayor, called the pier “a wreck.”",
            ["Ana Ruiz"],
        ),
        (
            # "Yet another said": a bare "another" is the subject of its cue.
            "One aide said the race was close. Yet another said, “Ruiz is in a tough race.”",
            ["another"],
        ),
        (
            # A possessive subject and the person noun it owns open the participle's clause.
            "In response to the plan, Ana Ruiz’s right-hand woman rallied supporters, saying: "
            "“We have to be ready to stop him.”",
            ["Ana Ruiz’s right-hand woman"],
        ),
        (
            # A sign or headline that carries the words is their source.
            "Ana Ruiz held up a sign saying “Save the pier.”",
            ["a sign"],
        ),
        (
            "Lind posted his reply under a headline that said, “Avel votes no.”",
            ["a headline"],
        ),
        (
            # Several modifiers before the carrier; a voice-over carries an ad's words.
            "Ana Ruiz and Bo Lind wore a Tom Ode campaign hat reading, “Keep Avel Afloat” on "
            "Sunday.",
            ["a Tom Ode campaign hat"],
        ),
        (
            "The ad ends with a voice over saying: “Higher fares. Can riders trust Lind?”",
            ["a voice over"],
        ),
        (
            # A name after "as" that closes a relative clause is the clause's complement.
            "Tom Lind, who describes himself as Avelian, told the Gazette that the pier was "
            "“a wreck.”",
            ["Tom Lind"],
        ),
        (
            # "…, at one point calling …": a participle after a short adverbial is the clause's.
            "The effort stalled, and she has battled with the union over the budget, at one "
            "point calling its leader a “liar.”",
            ["she"],
        ),
        (
            # An absolute "with" clause whose own participle is the cue.
            "Ruiz and her backers tried to tie Lind to the mayor, with one of her ads asking, "
            "“Is Tom Lind fit to serve?”",
            ["one of her ads"],
        ),
        (
            # A participle on a statement someone issued is the issuer's.
            "Mr. Lind, who said last week that a judge in the case was biased against him, "
            "issued a statement Tuesday saying, “I do not feel that heritage matters.”",
            ["Mr. Lind"],
        ),
        (
            # A thing ending a relative clause before the cue is no subject.
            "Tom Lind, whose hometown, Avel, is likely to be underwater as the ice melts and the "
            "sea level rises, argues that the plan will “destroy our economy.”",
            ["Tom Lind"],
        ),
        (
            # The agent of "seen by X as “…”" speaks.
            "The talks will also focus on getting a third candidate on state ballots, an option "
            "seen by organizers as a “lifeboat for the party and its voters.”",
            ["organizers"],
        ),
        (
            # A "who" with no comma right before the cue is the cue's subject.
            "Cyber experts have been circulating a passage from the memoirs of a former Avel "
            "spymaster who wrote about the “creative use of forgeries” in such leaks.",
            ["who"],
        ),
        (
            # A longer phrase heading an absolute "with" clause.
            "And Ana Ruiz turned on Lind, with the campaign of the former mayor of Avel saying "
            "Lind was “not a real reformer.”",
            ["the campaign of the former mayor of Avel"],
        ),
        (
            # A roundup's speaker label after a dash wins over the cue before it.
            "Pollsters agree - Ana Ruiz: “Keep on calling voters as late as possible.”",
            ["Ana Ruiz"],
        ),
        (
            # An office "of" something is one subject phrase.
            "The evidence was a clip from a rally with Ruiz and Lind, where the secretary of "
            "state said she was “not only here to do my job.”",
            ["the secretary of state"],
        ),
        (
            # A name after a number closing an aside is its object, too.
            "Lind, later alleging - again falsely - that the board wanted to admit 2,000 "
            "Avelians, said the newcomers are “mostly young men.”",
            ["Lind"],
        ),
        (
            # A participle opening the sentence takes the main clause's subject after it.
            "Ana Ruiz sees gains. But while denouncing the “perversion” of tax dodges to her "
            "crowds, she has not offered a plan.",
            ["she"],
        ),
        (
            # A cue word used as a noun ("this tweet") does not block a restrictive "who".
            "Among the replies was this tweet from Ana Ruiz who wrote, “Rules are for other "
            "people, it seems.”",
            ["who"],
        ),
        (
            # "According to X," at the head of a paragraph covers a later "Another …".
            "According to the Avel Gazette, one harbour sign read, “Slow down, sailor.” Another "
            "advised, “Drink water, not rum, before you sail.”",
            ["the Avel Gazette", "the Avel Gazette"],
        ),
        (
            # A participle right after its phrase inside a "claimed that" complement.
            "During the debate, Ruiz claimed that statements made by harbour boss Tom Lind "
            "calling for a ban on ferries make him “the pirates’ best friend.”",
            ["Ruiz"],
        ),
        (
            # A clause of its own that ends in a colon before the quote names its speaker.
            "Lind said both Ruiz and Ode are “nobodies in the council,” but he gave Ruiz a "
            "back-handed compliment: “You never have to guess where she stands.”",
            ["Lind", "he"],
        ),
        (
            # The reporter of a record speaks for what it holds ("…, in which X said").
            "A local blogger, Ana Ruiz, reported this week that she had obtained a video of Lind "
            "at a dinner in Avel, in which Lind said: “The pier is mine.”",
            ["A local blogger"],
        ),
        (
            # A publisher of an interview speaks for a cue after ", in which".
            "The Avel Gazette published an interview with Lind conducted after his win, in "
            "which Lind declared that it was “great news for the harbour.”",
            ["The Avel Gazette"],
        ),
        (
            # … but not a record merely included ("The ad includes a clip, in which he says").
            "The ad includes a clip of a Lind radio interview, in which he says he will build "
            "“a wall of ferries.”",
            ["he"],
        ),
        (
            # The named owner of a speech noun the quote completes said it.
            "In a statement Tuesday, harbour watchdog chief Tom Lind called Ruiz’s assertion of "
            "a “right to the pier” disturbing.",
            ["Ruiz"],
        ),
        (
            # … but not when the quote is a verdict on the owner's words.
            "Ana Ruiz on Tuesday called Tom Lind’s remarks about the pier “reckless.”",
            ["Ana Ruiz"],
        ),
    ],
)
def test_speaker_before_quote(text: str, expected: list[str | None]) -> None:
    assert mentions(text) == expected


@pytest.mark.usefixtures("rules_alone")
def test_pronoun_skips_institution_names() -> None:
    # "He" is never the newspaper named last, but the person before it.
    text = (
        "Ferry pilot Ray Okafor spoke at the dock. “We will strike,” the pilot said, as reported "
        "by the Avel Post. He added, “The boats stay in port.”"
    )
    assert speakers(text)[-1] == "Ray Okafor"


@pytest.mark.usefixtures("rules_alone")
def test_carried_relative_marks_its_name() -> None:
    # A quote that carries the speaker of "said Mr. Lind, who noted …" is marked at the name.
    text = (
        "“Rents are climbing,” said Mr. Lind, who noted that harbour prices had “doubled” in "
        "a year. “Things are moving, but slowly.”"
    )
    assert mentions(text)[-1] == "Mr. Lind"


@pytest.mark.usefixtures("rules_alone")
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # A share of those asked, after a clause boundary, speaks.
            "Voters were asked whether the ferry would run on time, to which 21 percent said "
            "“not very likely.”",
            ["21 percent"],
        ),
        (
            "Most riders in Avel were unhappy with the timetable; most said they were "
            '"very annoyed."',
            ["most"],
        ),
    ],
)
def test_share_of_respondents_speaks(text: str, expected: list[str | None]) -> None:
    assert mentions(text) == expected


@pytest.mark.usefixtures("rules_alone")
def test_share_reported_by_a_poll_is_the_polls() -> None:
    text = (
        "The harbour poll also finds that, while 37 percent of riders say the board is "
        '"to blame," few expect change.'
    )
    (mention,) = mentions(text)
    assert mention is not None and mention.startswith("The harbour poll")


@pytest.mark.usefixtures("rules_alone")
def test_who_before_a_verb_that_is_often_a_noun() -> None:
    # "promises" after "who" is a verb; "who" says its head is a person, whatever the noun.
    text = (
        'One ad, "Quiet Rebellion," stars an impersonator who promises that Lind won\'t '
        '"raise your fares" or "close the pier."'
    )
    assert mentions(text) == ["who", "who"]


@pytest.mark.usefixtures("rules_alone")
def test_capitalised_adverb_before_a_participle_is_no_name() -> None:
    text = (
        "Hastily politicizing the storm, Lind cast the blame on his rivals, and emphasized the "
        "threat that “coastal sprawl” poses to the town."
    )
    assert mentions(text) == ["Lind"]
    text = text.replace("storm,", "storm in Avel ― much like he did after the floods last year ―")
    assert mentions(text) != ["Hastily"]


@pytest.mark.usefixtures("rules_alone")
def test_quote_coordinated_with_the_one_before_is_the_same_speakers() -> None:
    text = (
        "Lind spoke in Avel. Given his past comments on building a fence to keep so-called "
        "“thieves” and “criminals” out of the town, it is safe to say he means the border."
    )
    assert mentions(text) == ["his", "his"]


def test_a_double_hyphen_dash_ends_an_aside_before_the_subject() -> None:
    text = (
        "Marking the end of the season with a formal speech -- complete with a brass band -- "
        "Ruiz told supporters Tuesday night that “we close one chapter,” and she vowed to carry "
        "the “mantle” of the harbour board.\n"
    )
    assert mentions(text) == ["Ruiz", "she"]


def test_expressed_a_feeling_that_names_the_speaker_of_a_later_quote_only() -> None:
    text = (
        "Mayor Ana Ruiz expressed frustration in an interview this year that the Avel and "
        "Marrow Bay councils were acting too often as “free riders.”\n\n"
        "In a clip that Judge Tom Vale called “distasteful,” Bo Lind expressed a desire to "
        "“sell the pier and the harbour to the highest bidder.”\n"
    )
    got = {q.text.rstrip(".,”"): q.speaker for q in attribute(text, extract_quotes(text))}
    assert got["free riders"] == "Ana Ruiz"
    assert got["distasteful"] == "Tom Vale"
    assert got["sell the pier and the harbour to the highest bidder"] == "Bo Lind"


def test_more_reporting_verbs_before_a_quote() -> None:
    text = (
        "Bo Lind spoke at the pier on Monday.\n\n"
        "His campaign protested that Ruiz aides were being “unfair” because they knew Lind “had "
        "already locked in a permit for a harbour rally” that day.\n\n"
        "Tom Vale elaborated in an opinion piece for the Avel Gazette that council members, even "
        "those who voted before the campaign began, may reconsider.\n\n"
        "“A Lind win in Marrow Bay would show how weak the mayor is as a candidate.”\n"
    )
    got = speakers(text)
    assert got == ["His campaign", "His campaign", "Tom Vale"]


def test_a_manner_of_speaking_verb_before_a_colon() -> None:
    text = (
        "The crowd roared for minutes.\n\n"
        "Lind gestured as if to stop the noise, then leaned in and boomed: “Let us beat her in "
        "November.”\n"
    )
    assert speakers(text) == ["Lind"]


def test_a_quote_opening_a_sentence_continues_the_reported_speech_before_it() -> None:
    text = (
        "The trial opened on Monday.\n\n"
        "Vale, Lind’s attorney, argues that his client was never urging people toward violence. "
        "“The state is alleging that his calls asking people to come to the pier as witnesses” "
        "were provoking violence. “His intent was to keep everyone safe.”\n"
    )
    assert speakers(text) == ["Vale", "Vale"]


def test_the_object_of_told_is_not_the_subject_of_a_participle_cue() -> None:
    text = (
        "“We stay,” union leader Ana Ruiz told The Associated Press, adding that members had "
        "voted “overwhelmingly” to continue the strike.\n"
    )
    assert speakers(text) == ["Ana Ruiz", "Ana Ruiz"]


def test_a_quoted_title_with_small_words_never_speaks() -> None:
    text = (
        "Bo Vale said the mayor’s fall reminds him of the 1969 book titled “The Tragedy of Tom "
        "Lind,” explaining, “because what could have been and so there are certain tragic "
        "dimensions of it, which we all lament.”\n"
    )
    assert speakers(text) == ["Bo Vale"]


def test_calls_after_a_full_name_is_a_verb() -> None:
    text = (
        "The party owns the issue, one which Avel University historian Tom Vale calls “a "
        "foundation of our political culture.” It dates to the 1950s.\n\n"
        "The party answers its critics. The phone calls “never stop,” an aide said.\n"
    )
    got = speakers(text)
    assert got == ["Tom Vale", "an aide"]


def test_the_complement_of_mentioned_as_is_not_the_subject() -> None:
    text = (
        "Senator Bob Lind, a Marrow Republican who has met with Ms. Ruiz and been mentioned as a "
        "possible running mate, said “there could be” a line she crosses.\n"
    )
    assert speakers(text) == ["Bob Lind"]


@pytest.mark.parametrize(
    "text",
    [
        "A former Avel mayor -- Tom Vale, who lost the 2008 election to Ruiz -- said the mayor "
        "“offered no changes.”\n",
        "A former Avel mayor — Tom Vale — said the mayor “offered no changes.”\n",
        "One of the port’s top executives, Tom Vale, later testified that “none of the pilots” "
        "were picked by Ruiz.\n",
    ],
)
def test_the_person_a_dashed_or_one_of_apposition_names(text: str) -> None:
    assert speakers(text) == ["Tom Vale"]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "Judge Ana Castellano, an appointee of the governor, noted that the state had "
            "offered “no evidence” of fraud.\n",
            "Judge Ana Castellano",
        ),
        (
            "Tom Vale, the foreign minister of Avel, a member of the council, said the vote was "
            "“a provocation.”\n",
            "Tom Vale",
        ),
    ],
)
def test_an_apposition_ending_in_an_of_phrase_describes_the_name_before_it(
    text: str, mention: str
) -> None:
    [q] = attribute(text, extract_quotes(text))
    assert q.speaker_span is not None
    assert text[q.speaker_span[0] : q.speaker_span[1]] == mention


def test_the_object_inside_a_participial_aside_is_not_the_subject() -> None:
    text = (
        "Bo Lind, playing the 74-year-old Ruiz on Avel’s Saturday Night Show, explained: “The "
        "young people love me.”\n"
    )
    assert speakers(text) == ["Bo Lind"]


def test_the_head_before_of_and_a_compound_adjective_speaks() -> None:
    text = (
        "Conservative commentator Tom Vale of the anti-Ruiz Avel Review imagined Lind was "
        "thinking: “My God what have I done?”\n"
    )
    assert speakers(text) == ["Tom Vale"]


def test_a_coordinated_apposition_with_a_titled_name_in_its_first_part() -> None:
    text = (
        "Tom Vale, a Democratic strategist who is a political adviser to Mr. Lind and a friend "
        "of the couple’s, said that the former mayor is “the family’s best asset.”\n"
    )
    assert speakers(text) == ["Tom Vale"]


def test_the_state_after_a_persons_town_is_not_the_subject() -> None:
    text = (
        "Ana Ruiz of Columbia, South Marrow says she really thinks Lind can win if he keeps "
        "“doing what he is doing.”\n"
    )
    assert speakers(text) == ["Ana Ruiz"]


@pytest.mark.parametrize(
    "text",
    [
        "The agencies rejected the contention of former secretary of state Ana Ruiz that some of "
        "her emails were subjected to “over-classification.”\n",
        "Bo Lind knocked a statement by actor Ana Ruiz that an “obscene amount of money” was "
        "raised at the gala.\n",
    ],
)
def test_the_owner_after_a_speech_noun_speaks(text: str) -> None:
    assert speakers(text) == ["Ana Ruiz"]


def test_a_role_after_a_speech_noun_speaks() -> None:
    text = (
        "Lind’s attacks on the judge stand out for the suggestion by a potential mayor that "
        "someone “ought to look into” the judge.\n"
    )
    assert speakers(text) == ["a potential mayor"]


def test_a_crowd_interrupting_a_quote_and_the_quote_resuming() -> None:
    text = (
        "Bo Lind vouched for the plan to build a pier.\n\n"
        "Lind said, “Ruiz will build the pier” - at which point the crowd chanted “Build the "
        "pier!” - “and restore the harbour.”\n"
    )
    got = speakers(text)
    assert got == ["Bo Lind", "the crowd", "Bo Lind"]


def test_a_label_phrase_before_a_colon_ends_before_its_verb() -> None:
    text = (
        "Protesters gathered on Friday.\n\n"
        "A sign held by one protester read: “Fund firefighters, not consultants.”\n"
    )
    q = attribute(text, extract_quotes(text))[0]
    assert q.speaker_span is not None
    assert text[q.speaker_span[0] : q.speaker_span[1]] == "one protester"


@pytest.mark.parametrize(
    "text",
    [
        "Tom A. Vale, a former security expert who now studies ports at the Center for Harbour "
        "and International Studies, said, “If she used it in Avel, they picked it up.”\n",
        "Tom A. Vale, a retired pilot who voted for Ana Ruiz and Bo Lind, said that “nobody "
        "listens to the harbour any more.”\n",
    ],
)
def test_a_name_after_and_inside_a_relative_clause_is_not_the_subject(text: str) -> None:
    assert speakers(text) == ["Tom A. Vale"]


@pytest.mark.parametrize(
    "text",
    [
        "Tom Vale, CEO of the Harbour Guild, said, “The pier will pay for itself.”\n",
        "Tom Vale, the CFO of the Harbour Guild, said, “The pier will pay for itself.”\n",
        "Tom Vale, the guild’s founder and CEO, said, “The pier will pay for itself.”\n",
        "Tom Vale, its president and COO, said, “The pier will pay for itself.”\n",
    ],
)
def test_an_office_in_capital_initials_is_a_role_in_apposition(text: str) -> None:
    assert speakers(text) == ["Tom Vale"]


@pytest.mark.parametrize(
    "text",
    [
        "AVEL, May 3 (Wire) - The harbour board’s chair, Ana Ruiz, said the pier carried “over "
        "24,000 containers” last year.\n",
        "AVEL, Ore., May 3 (Wire) — Avel’s envoy to the Harbour League, Ana Ruiz, said the pier "
        "carried “over 24,000 containers” last year.\n",
    ],
)
def test_a_dateline_opens_no_clause(text: str) -> None:
    assert speakers(text) == ["Ana Ruiz"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The harbour board later said the vote was “a formality.”\n", "The harbour board"),
        ("“It was a formality,” the mayor also said.\n", "the mayor"),
        ("Lind’s office quickly called the vote “a formality.”\n", "Lind’s office"),
    ],
)
def test_an_adverb_before_the_verb_ends_no_speaker_phrase(text: str, expected: str) -> None:
    assert mentions(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Theresa May said: “We will leave the harbour board.”\n", "Theresa May"),
        ("Ms. May said, “We will leave the harbour board.”\n", "Ms. May"),
        ("June Ruiz said, “We will leave the harbour board.”\n", "June Ruiz"),
        (
            "April Vale, a spokeswoman for the board, said it would act “to keep the pier safe.”\n",
            "April Vale",
        ),
        ("In April Ruiz said, “We will leave the harbour board.”\n", "Ruiz"),
        ("Since last June Ruiz has said, “We will leave the harbour board.”\n", "Ruiz"),
    ],
)
def test_a_month_word_is_a_name_next_to_a_name(text: str, expected: str) -> None:
    assert mentions(text) == [expected]


def test_a_place_adverb_opening_a_sentence_is_no_name() -> None:
    text = (
        "Dock workers walked out at Avel on Monday over a pay cut announced in the spring.\n\n"
        "Mary Okafor raised two children while working the night shift at the port.\n\n"
        "And when she saw the mayor talking about Harbourco on the news, she cheered. “I loved "
        "it,” she said.\n\n"
        "Outside Harbourco’s plant in Avel, a worker named Tom Reyes was less impressed.\n"
    )
    assert speakers(text) == ["Mary Okafor"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Avel Gazette quoted Ana Ruiz as saying, “The pier is unsafe.”\n", "Ana Ruiz"),
        ("Ruiz was quoted as saying the pier was “unsafe for anyone.”\n", "Ruiz"),
        ("Wire quoted Bo Vale, a pier worker, as saying he saw “a wall of water.”\n", "Bo Vale"),
        (
            "Lind was quoted by the Gazette as calling the decision “a disgrace.”\n",
            "Lind",
        ),
        (
            "The Gazette quoted one of Ruiz’s advisers as saying the mayor was “tired.”\n",
            "one of Ruiz’s advisers",
        ),
    ],
)
def test_the_one_quoted_as_saying_speaks(text: str, expected: str) -> None:
    assert mentions(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A letter from Tom Vale called the plan “reckless.”\n", "Tom Vale"),
        (
            "Tom Vale ran the port.\n\nA statement from Vale’s office said he “regrets the "
            "misunderstanding.”\n",
            "Tom Vale",
        ),
        ("A statement by Harbourco said the pier was “safe.”\n", "Harbourco"),
    ],
)
def test_a_document_from_someone_is_their_words(text: str, expected: str) -> None:
    assert speakers(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“It was offside,” the 46-year-old coach said.\n", "the 46-year-old coach"),
        ("The 46-year-old coach said, “It was offside.”\n", "The 46-year-old coach"),
    ],
)
def test_an_age_word_joined_by_hyphens_is_one_word(text: str, expected: str) -> None:
    assert mentions(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The board fired its chair, according to two people familiar with the decision, "
            "who called it “long overdue.”\n",
            "two people familiar with the decision",
        ),
        (
            "The pier will close, according to a source close to the board, who called it “a "
            "done deal.”\n",
            "a source close to the board",
        ),
    ],
)
def test_who_after_people_familiar_with_a_matter_is_the_people(text: str, expected: str) -> None:
    assert speakers(text) == [expected]


def test_a_quantifier_opening_a_sentence_is_no_name() -> None:
    text = (
        "Residents lined the harbour wall on Sunday to watch the last ferry leave.\n\n"
        "“It’s about time,” said one resident. Another disagreed: “They’ll ruin it.”\n"
    )
    assert speakers(text) == [
        "one resident",
        None,
    ]


def test_a_kin_word_with_a_first_name_in_apposition_names_that_person() -> None:
    text = "Lind’s wife, Sara, told the Gazette her husband “hadn’t slept in three days.”\n"
    assert speakers(text) == ["Sara"]


def test_a_name_then_a_cue_verb_then_a_plural_noun_is_no_phrase() -> None:
    text = "“It is a disgrace,” Lind told listeners, adding that Ruiz “should know better.”\n"
    assert mentions(text) == ["Lind", "Lind"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lind countered that the mayor “has no plan,” a charge Ruiz’s office called "
            "“absurd.”\n",
            ["Lind", "Ruiz’s office"],
        ),
        (
            "Lind said the mayor had no plan, an accusation Ruiz called “absurd.”\n",
            ["Ruiz"],
        ),
    ],
)
def test_the_subject_of_a_reduced_relative_after_a_claim_noun_speaks(
    text: str, expected: list[str]
) -> None:
    assert mentions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A sign outside City Hall read “Save the harbour.”\n", "A sign outside City Hall"),
        (
            "Protesters held a banner on the steps that said “Save the harbour.”\n",
            "a banner on the steps",
        ),
    ],
)
def test_a_carrier_with_its_place_carries_the_words(text: str, expected: str) -> None:
    assert mentions(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The row went on.\n\nRuiz’s response was blunt: “I will not be bullied.”\n", "Ruiz"),
        (
            "Ana Ruiz was asked about it.\n\nHer response came in an op-ed: “I will not be "
            "bullied.”\n",
            "Her",
        ),
    ],
)
def test_a_sentence_opened_by_someones_response_before_a_colon_is_theirs(
    text: str, expected: str
) -> None:
    assert mentions(text)[-1] == expected


def test_a_sentence_opened_by_someone_else_stops_the_paragraphs_speaker() -> None:
    text = (
        "Tom Ebeling and Betsy Ebeling have been married for 40 years.\n\n"
        "“It goes in here and out here,” Tom Ebeling said. Betsy Ebeling shook her head. "
        "“Tom is much better about it than I am.”\n"
    )
    got = speakers(text)
    assert got == ["Tom Ebeling", "Betsy Ebeling"]


def test_a_name_in_apposition_to_an_object_before_a_colon_is_not_the_speaker() -> None:
    text = (
        "The harbour hearing ran late on Monday.\n\n"
        "Councillor Mary Chen turned to the port director, Tom Vale: “And you?”\n"
    )
    assert speakers(text) == ["Mary Chen"]


@pytest.mark.parametrize(
    "text",
    [
        "Her opponent on the council, Bo Lind, said the deal was “a giveaway.”\n",
        "“It is a giveaway,” said his rival, Bo Lind.\n",
    ],
)
def test_a_relation_noun_names_the_person_in_apposition(text: str) -> None:
    assert speakers(text) == ["Bo Lind"]


def test_an_occupation_opening_the_sentence_is_not_shown_as_part_of_the_name() -> None:
    text = (
        "Storm winds battered the Avel coast on Sunday night.\n\n"
        "Meteorologist Ana Vale of the Avel Weather Service said gusts reached “90 miles per "
        "hour” at the coast.\n"
    )
    assert speakers(text) == ["Ana Vale"]


def test_a_bare_plural_role_before_for_speaks() -> None:
    text = "Lawyers for the residents called the ruling “a victory for democracy.”\n"
    assert mentions(text) == ["Lawyers"]


def test_an_account_handle_before_a_colon_speaks() -> None:
    text = (
        "Online reaction to the harbour vote was swift.\n\n"
        "Mayor Ana Ruiz wrote on Instagram: “Proud of this city.”\n\n"
        "@harbourwatch replied: “Proud of what?”\n"
    )
    assert mentions(text) == ["Mayor Ana Ruiz", "@harbourwatch"]
