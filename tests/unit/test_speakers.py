"""Attribution of quotes to speakers. Every fixture here is invented for the test."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checking.model import Quote
from checking.quotes import extract_quotes
from checking.speakers import CUE_VERBS, attribute, canonical_name, quote_claims, same_speaker
from tests.unit.speaking import speakers


@pytest.fixture
def rules_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """Empty ranker weights, so a test sees what the rule cascade alone chooses."""
    monkeypatch.setattr("checking.speaker_weights.WEIGHTS", {})


def who(text: str, **kwargs: object) -> list[tuple[str, str | None, str | None]]:
    out = []
    for q in attribute(text, extract_quotes(text), **kwargs):  # type: ignore[arg-type]
        mention = text[q.speaker_span[0] : q.speaker_span[1]] if q.speaker_span else None
        out.append((q.text, q.speaker, mention))
    return out


STORY = (
    "The European Union on Tuesday accused Veltria of ‘quietly dismantling’ the inspection "
    "regime at its northern mines.\n\n"
    "‘Today’s report shows the inspectors cannot do their job’ at Veltria’s ‘secret’ sites "
    "‘despite the treaty’s guarantees,’ said the envoy, Margit Olsson.\n\n"
    "The inspection board was dissolved last year.\n\n"
    "‘The government keeps shipping ore through Port Avel in plain sight,’ Olsson said, naming "
    "the main export harbour.\n\n"
    "The EU envoy said that since March the mines have sent ‘more than 3,000 tonnes of cobalt "
    "to buyers who ignore the embargo.’\n\n"
    "‘Nobody in this room believes the figures Veltria publishes.’\n\n"
    "Norway’s ambassador Park Ji-hoon agreed, condemning the ‘deliberate blinding of the "
    "monitors.’\n\n"
    "‘As Veltria’s mines keep expanding, the board should be restored, not buried,’ he said.\n"
)


def test_wire_story_attribution() -> None:
    got = who(STORY)
    assert [(t[:20], s, m) for t, s, m in got] == [
        ("quietly dismantling", "The European Union", "The European Union"),
        ("Today’s report shows", "Margit Olsson", "Margit Olsson"),
        ("despite the treaty’s", "Margit Olsson", "Margit Olsson"),
        ("The government keeps", "Margit Olsson", "Olsson"),
        ("more than 3,000 tonn", "Margit Olsson", "The EU envoy"),
        ("Nobody in this room ", "Margit Olsson", "The EU envoy"),
        ("deliberate blinding ", "Park Ji-hoon", "Norway’s ambassador Park Ji-hoon"),
        ("As Veltria’s mines k", "Park Ji-hoon", "he"),
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "mention"),
    [
        ("“We are ready,” Ana Silva said.", "Ana Silva", "Ana Silva"),
        ("“We are ready,” said Ana Silva.", "Ana Silva", "Ana Silva"),
        ("Ana Silva said: “We are ready.”", "Ana Silva", "Ana Silva"),
        ("Ana Silva: “We are ready.”", "Ana Silva", "Ana Silva"),
        ("“We are ready,” Ana Silva told reporters.", "Ana Silva", "Ana Silva"),
        ("“We are ready,” according to Ana Silva.", "Ana Silva", "Ana Silva"),
        ("Ana Silva wrote on Twitter: “We are ready.”", "Ana Silva", "Ana Silva"),
        ("Ana Silva added, “We are ready.”", "Ana Silva", "Ana Silva"),
        ("“We are ready,” the ministry said in a statement.", "the ministry", "the ministry"),
        # A body or a document speaks under its own name.
        (
            "The harbour authority said it would “review every contract.”",
            "The harbour authority",
            "The harbour authority",
        ),
        ("The lawsuit contends that “the pier was never safe.”", "The lawsuit", "The lawsuit"),
        (
            "Finance Minister Ana Silva said “we are ready.”",
            "Ana Silva",
            "Finance Minister Ana Silva",
        ),
    ],
)
def test_cue_constructions(text: str, speaker: str, mention: str) -> None:
    [(_, got_speaker, got_mention)] = who(text)
    assert got_speaker == speaker
    assert got_mention == mention


def test_surname_links_to_the_full_name_used_earlier() -> None:
    text = (
        "Dr. Tomas Berg, who leads the trial, presented the data.\n\n"
        "“The results hold across every age group,” Berg said."
    )
    assert who(text) == [("The results hold across every age group,", "Tomas Berg", "Berg")]


def test_pronoun_resolves_to_the_last_named_speaker() -> None:
    text = (
        "“Turnout was higher than expected,” said Rosa Diaz, the election officer.\n\n"
        "“We needed more ballot boxes,” she added."
    )
    got = who(text)
    assert got[1] == ("We needed more ballot boxes,", "Rosa Diaz", "she")


def test_continuation_paragraph_without_cue_keeps_the_speaker() -> None:
    text = (
        "“The bridge will close for six weeks,” the engineer, Omar Haddad, said.\n\n"
        "“Traffic will be diverted through the old town.”\n\n"
        "Residents were not consulted."
    )
    got = who(text)
    assert [s for _, s, _ in got] == ["Omar Haddad", "Omar Haddad"]


def test_second_quote_in_the_same_paragraph_keeps_the_speaker() -> None:
    text = "“We won,” Lee Chan said. “Now the work begins.”"
    assert [s for _, s, _ in who(text)] == ["Lee Chan", "Lee Chan"]


def test_speaker_introduced_by_a_colon_paragraph() -> None:
    text = "Mayor Ruth Okafor continued:\n\n“No family will be left without heating this winter.”"
    assert who(text) == [
        ("No family will be left without heating this winter.", "Ruth Okafor", "Mayor Ruth Okafor")
    ]


def test_unattributed_quote_has_no_speaker() -> None:
    text = "“Nothing lasts forever.”"
    [q] = attribute(text, extract_quotes(text))
    assert q.speaker is None and q.speaker_span is None


def test_cue_verbs_can_be_extended() -> None:
    text = "“Everything is on schedule,” chirps Ana Silva."
    assert "chirps" not in CUE_VERBS
    assert who(text)[0][1] is None
    assert who(text, cue_verbs={"chirps"})[0][1] == "Ana Silva"


def test_same_quotes_in_same_order() -> None:
    text = "“One,” Kim Ode said. “Two,” said Bo Lund."
    quotes = extract_quotes(text)
    result = attribute(text, quotes)
    assert [q.span for q in result] == [q.span for q in quotes]
    assert [q.speaker for q in result] == ["Kim Ode", "Bo Lund"]
    assert attribute(text, []) == []
    assert attribute("", [Quote(span=(0, 0), text="")])[0].speaker is None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hwang Joon-kook", "Joonkook Hwang"),
        ("Shea", "Ambassador Dorothy Shea"),
        ("Mr. Osei", "Kwame Osei"),
        ("Sen. Ada Park", "ada park"),
        ("José Núñez", "Jose Nunez"),
        ("Dorothy C. Shea", "Dorothy Shea"),
        ("President Lula", "Lula"),
        ("Ana Ruiz, Bo Lind and Tom Vale", "Bo Lind"),
        ("Ana Ruiz, Bo Lind and Tom Vale", "Tom Vale"),
    ],
)
def test_same_speaker_matches_name_variants(a: str, b: str) -> None:
    assert same_speaker(a, b)
    assert same_speaker(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Bill Clinton", "Hillary Clinton"),
        ("Dorothy Shea", "Joonkook Hwang"),
        ("Donald Trump", "Donald Trump Jr."),
        (None, None),
        ("Shea", None),
        ("", "Shea"),
        ("Ana Ruiz, Bo Lind and Tom Vale", "Sam Okafor"),
    ],
)
def test_same_speaker_rejects_different_people(a: str | None, b: str | None) -> None:
    assert not same_speaker(a, b)


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Sen. Ada Park’s", "Ada Park"),
        ("Norway’s ambassador Park Ji-hoon", "Park Ji-hoon"),
        ("Secretary of State Ana Silva", "Ana Silva"),
        ("The United States", "The United States"),
        ("General Motors", "General Motors"),
        ("Rep. Tim Ngo (D-Ore.)", "Tim Ngo"),
        ("Ruiz Wednesday", "Ruiz"),
        ("Professor Rell Okonjo", "Rell Okonjo"),
        ("Pastor Bo Lind", "Bo Lind"),
        ("Sen. Ada Park Friday", "Ada Park"),
        ("Sunday", "Sunday"),
        # A title word after a middle initial is the surname; the state after a name goes.
        ("Representative Bo T. King of West Avel", "Bo T. King"),
        ("Senator Ana Ruiz of Avel", "Ana Ruiz"),
        ("Bank of Avel", "Bank of Avel"),
        # A bare description before a name goes; a determiner keeps the phrase whole.
        ("retired harbour pilot Bo Lind", "Bo Lind"),
        ("pilot at the Port of Avel in West Avel", "pilot at the Port of Avel in West Avel"),
        ("the Avel Gazette", "the Avel Gazette"),
        ("de la Ruiz", "de la Ruiz"),
        # An office "of" a body: the name follows the body's last head word.
        ("Speaker of the House Ana Ruiz", "Ana Ruiz"),
        ("President of the United States Bo Lind", "Bo Lind"),
        ("Chair of the Avel Harbour Committee Ana Maria Ruiz", "Ana Maria Ruiz"),
        ("Director of National Intelligence Bo T. Lind", "Bo T. Lind"),
        ("Chief of Staff Ana Ruiz", "Ana Ruiz"),
        # A role noun opening a sentence before a name; a body's name keeps its first word.
        ("Organizer Ana Ruiz", "Ana Ruiz"),
        ("Founder Bo Lind", "Bo Lind"),
        ("Union Harbour Railroad", "Union Harbour Railroad"),
        # British offices: "Local MP Tom Lind", "Labour MEP Ana Ruiz".
        ("Local MP Tom Lind", "Tom Lind"),
        ("Labour MEP Ana Ruiz", "Ana Ruiz"),
        # An office in capital initials before a name: "Avelco CEO Ana Ruiz".
        ("Avelco CEO Ana Ruiz", "Ana Ruiz"),
        ("Former Harbour Guild CFO Bo T. Lind", "Bo T. Lind"),
        ("Avelco CEO", "Avelco CEO"),
        # Particles inside a name after a title: "President Luiz Lula da Silva".
        ("Avel President Ana Maria da Costa", "Ana Maria da Costa"),
        ("Crown Prince Omar bin Tarek", "Omar bin Tarek"),
        ("Harbour President Karim Fawzi al-Masri", "Karim Fawzi al-Masri"),
        ("Mayor Tom de Vale", "Tom de Vale"),
        # Local offices: "Councillor Bo Lind", "Avel Alderman Tom Vale".
        ("Councillor Bo Lind", "Bo Lind"),
        ("Avel Alderman Tom B. Vale", "Tom B. Vale"),
        # A debate's moderator: "Harbour TV moderator Ana Ruiz", "Moderator Jo Pham".
        ("Harbour TV moderator Ana Ruiz", "Ana Ruiz"),
        ("Moderator Jo Pham", "Jo Pham"),
        # Words of an office between its title and the name: "Chief Executive Officer".
        ("Chief Executive Officer Dana Price", "Dana Price"),
        ("Chief Financial Officer Dev Patel", "Dev Patel"),
        ("Former Avelco Senior Adviser Bo Lind", "Bo Lind"),
        # An owner before a name: a place or an outlet the person belongs to.
        ("Avel’s Ana Ruiz", "Ana Ruiz"),
        ("Harbour Radio’s Tom Vale", "Tom Vale"),
        ("The Gazette's Ana Maria da Costa", "Ana Maria da Costa"),
    ],
)
def test_canonical_name(name: str, canonical: str) -> None:
    assert canonical_name(name) == canonical


def test_pronoun_takes_the_latest_compatible_person_not_the_last_speaker() -> None:
    text = (
        "“The cranes stay idle until Friday,” said Port director Henrik Salo.\n\n"
        "Union leader Marta Okonkwo said the union would watch the review closely. "
        "“If the report sits in a drawer, we will be back,” she said.\n\n"
        "“We hear them,” he said."
    )
    got = who(text)
    assert got[0][1:] == ("Henrik Salo", "Port director Henrik Salo")
    assert got[1][1:] == ("Marta Okonkwo", "she")
    assert got[2][1:] == ("Henrik Salo", "he")


def test_pronoun_gender_from_titles_in_the_text() -> None:
    text = (
        "Mr. Lund arrived late and Ms. Berg greeted him. “Welcome,” she said. “Thanks,” he replied."
    )
    assert [s for _, s, _ in who(text)] == ["Berg", "Lund"]


@pytest.mark.parametrize(
    ("text", "speaker", "mention"),
    [
        (
            "White House press secretary Dana Perino told reporters: “We disagree.”",
            "Dana Perino",
            "White House press secretary Dana Perino",
        ),
        ("“We are ready,” said former Gov. Ana Silva.", "Ana Silva", "former Gov. Ana Silva"),
        ("“We are ready,” said pollster Tim Ode.", "Tim Ode", "pollster Tim Ode"),
        (
            "Ana Silva of the Harbour Trust observed: “The tide has turned.”",
            "Ana Silva",
            "Ana Silva",
        ),
        ("“Is anyone listening?” Ana Silva asked.", "Ana Silva", "Ana Silva"),
        (
            "Bo Lund, who phoned the mayor on Monday, told reporters, “We are ready.”",
            "Bo Lund",
            "Bo Lund",
        ),
        (
            "While not everything Lund says is true, Ode said Lund is “mostly honest.”",
            "Ode",
            "Ode",
        ),
        # The mention in the quote's own clause attributes it; the pronoun resolves to Ode.
        ("Ode said the ferry, which he called “a floating ruin,” must go.", "Ode", "he"),
    ],
)
def test_more_cue_constructions(text: str, speaker: str, mention: str) -> None:
    [(_, got_speaker, got_mention)] = who(text)
    assert got_speaker == speaker
    assert got_mention == mention


def test_standalone_quote_after_a_reporting_paragraph() -> None:
    text = (
        "Tomas Berg praised the volunteers who cleared the beach after the spill.\n\n"
        "“Nobody asked them to come, and they came anyway.”"
    )
    assert who(text)[0][1:] == ("Tomas Berg", "Tomas Berg")


def test_transcript_turns_and_signed_quotes() -> None:
    text = (
        "From the broadcast:\n\n"
        "“HOST: Will the ferry run on Sunday?\n\n"
        "“ODE: It will, weather permitting.”\n\n"
        "“The ferry is the island’s lifeline.” ― Greta Holm, island councillor"
    )
    got = who(text)
    assert [(s, m) for _, s, m in got] == [
        ("Host", "HOST"),
        ("Ode", "ODE"),
        ("Greta Holm", "Greta Holm"),
    ]


def test_turns_quoted_from_a_transcript_keep_their_speakers_but_cite_it() -> None:
    text = (
        "Lee was pressed on the ferry deal during the debate. Partial transcript as follows:\n\n"
        '"RUIZ: Mr. Lee, did you sign the contract?\n\n'
        '"LEE: I did not sign it, and I never saw it."'
    )
    got = who(text)
    assert [(s, m) for _, s, m in got] == [
        ("Ruiz", "Partial transcript"),
        ("Lee", "Partial transcript"),
    ]


def test_a_sentence_opening_word_is_not_taken_for_a_speaker() -> None:
    text = "Yesterday’s “final offer of the harbour board” changed nothing for the crews."
    [q] = attribute(text, extract_quotes(text))
    assert q.speaker is None and q.speaker_span is None


def test_title_word_as_surname_is_kept() -> None:
    # "King" is a title only before a name; alone or last it is a surname.
    assert same_speaker("Charlie King", "King")
    assert same_speaker("King", "Mr. King")
    assert not same_speaker("Charlie King", "Queen")
    assert same_speaker("King Harald", "Harald")


def test_headline_is_not_a_name_source() -> None:
    text = (
        "Varga Warns Lenders On Debt\n\n"
        "Finance minister Ilona Varga spoke in Pecs on Monday.\n\n"
        "“We cannot borrow our way out of this,” Varga said."
    )
    assert [(s, m) for _, s, m in who(text)] == [("Ilona Varga", "Varga")]


def test_same_surname_prefers_most_recent_full_name() -> None:
    text = (
        "Tomas Berg opened the meeting in the morning.\n\n"
        "Later his sister, Ingrid Berg, took the floor.\n\n"
        "“The plan is late and over budget,” Berg said."
    )
    assert who(text)[0][1] == "Ingrid Berg"


def test_cue_verb_subject_found_past_a_long_subject_phrase() -> None:
    text = (
        "While the residents surveyed in March said the new tram line was a “welcome change "
        "for the district,” the council stayed silent."
    )
    got = who(text)
    assert got[0][2] is not None and "residents" in got[0][2]


def test_quote_later_in_a_paragraph_keeps_the_paragraph_speaker() -> None:
    text = (
        "“The pier needs new pilings,” said Ines Moreau, the harbour engineer. Until then, "
        "“nobody should fish from the far end.”"
    )
    got = who(text)
    assert [(s, m) for _, s, m in got] == [("Ines Moreau", "Ines Moreau")] * 2


def test_subject_pronoun_after_an_opening_adverb() -> None:
    text = (
        "Lena Fisk runs the allotment society.\n\n"
        "Recently she wrote on the club noticeboard, in red ink, “Water only before nine.”"
    )
    assert who(text)[0][1:] == ("Lena Fisk", "she")


def test_pronoun_in_a_whom_clause_is_not_taken_over_the_main_subject() -> None:
    text = (
        "Omar Haddad opened the depot.\n\n"
        "Bo Lind said he would vote for Haddad, whom he called “a steady hand.”"
    )
    assert who(text)[0][1:] == ("Bo Lind", "Bo Lind")


def test_possessive_name_gets_no_gender_from_the_pronoun_after_it() -> None:
    text = (
        "Senator Maria Costa questioned the harbour chief, Tomas Berg, on Monday.\n\n"
        "Under Costa’s questioning he conceded the audit was late.\n\n"
        "“You knew for a year,” Costa said. “You did nothing,” she said again."
    )
    assert who(text)[1][1:] == ("Maria Costa", "she")


def test_common_first_name_outweighs_one_stray_pronoun() -> None:
    text = (
        "Elizabeth Moreno met Peter Vance in the square.\n\n"
        "Moreno, he noted, left early.\n\n"
        "“We start on Monday,” she said."
    )
    assert who(text)[0][1:] == ("Elizabeth Moreno", "she")


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Two years ago, Ana Ruiz backed the levy and said “it pays for itself.”", "Ana Ruiz"),
        (
            "When the mayor, Bo Lind, was asked about the ferry, he smiled and then said, "
            "“Ask me in June.”",
            "he",
        ),
        ("Tomas Berg went on to say that the dam was “safe for a century.”", "Tomas Berg"),
        ("Ines Moreau was quick to add, “The fund is empty.”", "Ines Moreau"),
        (
            "According to her longtime physician, the singer is in “excellent health.”",
            "her longtime physician",
        ),
    ],
)
def test_coordinated_and_infinitive_cues(text: str, mention: str) -> None:
    assert who(text)[0][2] == mention


def test_subject_of_a_passive_cue_is_not_the_speaker_its_agent_is() -> None:
    text = "Bo Lind was asked by the host, Greta Holm, “Will you run again?”"
    assert who(text)[0][1:] == ("Greta Holm", "Greta Holm")


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "About four in 10 harbour residents said the ferry was “too expensive.”",
            "About four in 10 harbour residents",
        ),
        ("Sixty percent of the drivers surveyed say tolls are “a tax on work.”", "Sixty percent"),
        ("While those surveyed said the park was “well kept,” the board disagreed.", "those"),
        (
            "As the critic Ana Ruiz put it, “The second act never arrives.”",
            "the critic Ana Ruiz",
        ),
        (
            "As the columnist Bo Lind had written a year earlier, “The bridge will outlast us.”",
            "the columnist Bo Lind",
        ),
    ],
)
def test_poll_shares_and_as_x_put_it(text: str, mention: str) -> None:
    got = who(text)[0][2]
    assert got is not None and got.startswith(mention)


@pytest.mark.parametrize(
    "text",
    [
        "HARBOURTON, May 3 (Wire) — Mayor Ana Ruiz opened the pier, saying it was “long overdue.”",
        "Harbourton (Wire) – Mayor Ana Ruiz opened the pier, saying it was “long overdue.”",
    ],
)
def test_dateline_is_not_the_subject(text: str) -> None:
    assert who(text)[0][1:] == ("Ana Ruiz", "Mayor Ana Ruiz")


@pytest.mark.parametrize(
    ("text", "speaker", "mention"),
    [
        # A first name that ends like an adverb or participle is not an introductory phrase.
        (
            "Kelly Marsh backed the ferry plan on Monday, saying it was “long overdue.”",
            "Kelly Marsh",
            "Kelly Marsh",
        ),
        # A participle's subject is the nearest main clause's, past places and appositions.
        (
            "At a rally in Avel, Norland, on Friday, Mayor Ana Ruiz endorsed Bo Lind, saying he "
            "would “fix the harbour.”",
            "Ana Ruiz",
            "Mayor Ana Ruiz",
        ),
        (
            "Late last week, the union wrote a letter to the port's chief, Greta Holm, calling "
            "the plan “reckless.”",
            "the union",
            "the union",
        ),
        (
            "Bo Lind apologised for the posts after they surfaced, saying they had “nothing to "
            "do with who I am.”",
            "Bo Lind",
            "Bo Lind",
        ),
    ],
)
def test_participle_takes_the_main_clause_subject(text: str, speaker: str, mention: str) -> None:
    assert who(text)[0][1:] == (speaker, mention)


@pytest.mark.parametrize(
    "text",
    [
        "As Ana Ruiz, a professor of law at Avel, put it: “The second act never arrives.”",
        "As Ana Ruiz, author of “Harbour Laws,” put it, “The second act never arrives.”",
    ],
)
def test_as_x_put_it_with_an_apposition(text: str) -> None:
    assert who(text)[-1][1:] == ("Ana Ruiz", "Ana Ruiz")


@pytest.mark.parametrize(
    ("text", "speaker", "mention"),
    [
        # The possessor of a speech noun that governs the quote.
        (
            "Mayor Ana Ruiz opened the pier. But Ruiz’s broadside against “harbour barons” left "
            "the council cold.",
            "Ana Ruiz",
            "Ruiz",
        ),
        (
            "Bo Lind faced the board on Monday. Members grilled him over his claim that the "
            "ferry was “never late.”",
            "Bo Lind",
            "his",
        ),
        (
            "The port grew quickly because, in Greta Holm’s words, “the river does the work.”",
            "Greta Holm",
            "Greta Holm",
        ),
        # Modifiers between the possessor and the speech noun.
        (
            "Bo Lind toured the docks. Critics cite his confusing argument in favor of "
            "“single-rate” fares.",
            "Bo Lind",
            "his",
        ),
        (
            "Ana Ruiz spoke first. The doubts raised by several members go beyond Ruiz’s "
            "much-quoted promise of “free ferries” for all.",
            "Ana Ruiz",
            "Ruiz",
        ),
    ],
)
def test_possessor_of_a_speech_noun_is_the_source(text: str, speaker: str, mention: str) -> None:
    assert who(text)[-1][1:] == (speaker, mention)


def test_possessed_speech_noun_as_an_object_is_not_the_source() -> None:
    text = "Ana Ruiz, who chairs the board, called Bo Lind’s remarks “childish.”"
    assert who(text)[0][1] != "Bo Lind"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # A scare quote with no speech verb: the subject of the nearest clause holding it.
        (
            "When the ferry finally docked, Ana Ruiz thanked the crew for its “quiet heroics.”",
            "Ana Ruiz",
        ),
        (
            "Greta Holm smiled as she thanked the volunteers and then boomed, “We did it.”",
            "she",
        ),
        (
            "Bo Lind framed the poster after Ana Ruiz drafted “a fair deal for the port.”",
            "Ana Ruiz",
        ),
        # A thing of someone's does not speak.
        (
            "Mayor Ana Ruiz has been busy, but her favourite pastime is “harbour bingo.”",
            "Mayor Ana Ruiz",
        ),
    ],
)
def test_scare_quote_takes_the_nearest_clause_subject(text: str, mention: str) -> None:
    assert who(text)[-1][2] == mention


def test_headline_label_speaks_for_the_clause_after_it() -> None:
    text = "Ruiz: Harbour deal is ‘reckless’\n\nThe mayor spoke on Monday."
    assert who(text)[0][1:] == ("Ruiz", "Ruiz")


@pytest.mark.parametrize(
    "text",
    [
        "It was only last year that Ana Ruiz, who is weighing a run for mayor, said the pier was "
        "“beyond repair.”",
        "Ana Ruiz, who has told friends she sees the two races as linked, said in a statement: "
        "“I am running for both.”",
    ],
)
def test_relative_clause_between_subject_and_cue(text: str) -> None:
    assert who(text)[0][1:] == ("Ana Ruiz", "Ana Ruiz")


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # Any past-tense verb after a quote ending in a comma opens an inverted attribution.
        ("“Stop the boats,” reacted Lind.", "Lind"),
        ("“Leave the boats at home,” opined the Avel Gazette.", "the Avel Gazette"),
        # A bare description before the name.
        (
            "“I am not going to say it,” said retired neurosurgeon Bo Lind, asked about it.",
            "retired neurosurgeon Bo Lind",
        ),
        # A bare plural speaker, and "now" between subject and cue.
        (
            "“The harm is incalculable,” federal prosecutors wrote in a filing.",
            "federal prosecutors",
        ),
        ("That is why critics say he wanted to “dismantle” the port.", "critics"),
        ("“This is your harbour,” it now says on the banner.", "it"),
    ],
)
def test_inverted_and_bare_speaker_phrases(text: str, mention: str) -> None:
    assert who(text)[0][2] == mention


def test_past_tense_verb_after_a_mid_sentence_quote_is_not_inverted() -> None:
    text = "Bo Lind, who has called the plan “reckless,” portrayed the mayor as a novice."
    assert who(text)[0][2] != "the mayor"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Ana Ruiz, during a rally in Avel, Ore., said the plan was “a start.”", "Ana Ruiz"),
        ("Bo Lind, 22, of Avel, Mich., said he was still “hopeful.”", "Bo Lind"),
    ],
)
def test_state_after_a_town_is_not_the_speaker(text: str, speaker: str) -> None:
    assert who(text)[0][1:] == (speaker, speaker)


@pytest.mark.parametrize("opener", ["Hours later", "Instead", "First", "Amid the uproar"])
def test_sentence_opener_is_not_the_speaker(opener: str) -> None:
    text = (
        "Mara Quill chairs the ferry board.\n\n"
        f"{opener}, she issued a statement calling the timetable “a shambles.”"
    )
    assert who(text)[0][1:] == ("Mara Quill", "she")


def test_programme_title_in_quote_marks_is_not_the_speaker() -> None:
    text = (
        "On Radio Avel’s “Harbour Hour,” Dunmore said that by refusing to say the word "
        "“closure,” the board is “hiding the numbers.”"
    )
    got = who(text)
    assert [m for _, _, m in got] == ["Dunmore", "Dunmore"]


def test_programme_title_before_a_participle_is_not_the_speaker() -> None:
    text = (
        "“The pier is safe,” Ivo Dunmore said on Coast FM’s “Morning Tide,” adding, "
        "“We checked every bolt.”"
    )
    assert who(text)[1][1:] == ("Ivo Dunmore", "Ivo Dunmore")


def test_remark_reported_by_an_outlet_has_the_outlet_as_source() -> None:
    text = (
        "“The ferry will run all winter,” Ivo Dunmore said, according to the Harbour Gazette. "
        "“Nobody will be stranded.”"
    )
    got = who(text)
    assert got[0][1:] == ("Ivo Dunmore", "the Harbour Gazette")
    assert got[1][1:] == ("Ivo Dunmore", "the Harbour Gazette")


def test_bare_another_after_a_cue_is_the_speaker() -> None:
    text = (
        "Two ferry captains posted about the strike.\n\n"
        "“The tide waits for no one,” wrote one captain. “Pay us first,” tweeted another."
    )
    assert who(text)[1][2] == "another"


def test_description_with_a_trailing_qualifier_after_the_cue() -> None:
    text = (
        "“The board is stalling,” said one dock worker familiar with the talks, who asked not "
        "to be named."
    )
    assert who(text)[0][2] == "one dock worker"


def test_relative_pronoun_subject_after_an_adverbial_in_the_past() -> None:
    text = (
        "Ivo Dunmore, who has in the past described the pier as “a death trap,” toured it on "
        "Monday."
    )
    assert who(text)[0][1:] == ("Ivo Dunmore", "who")


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ("Mara Quill delivered a blunt retort: “Nobody is closing the pier.”", "Mara Quill"),
        ("Mara Quill turned to the Harbour Gazette: “Nobody is closing the pier.”", "Mara Quill"),
        ("More from the audit: “Nobody checked the pier.”", "the audit"),
    ],
)
def test_phrase_before_a_colon_that_is_an_object_does_not_speak(
    sentence: str, mention: str
) -> None:
    assert who(sentence)[0][2] == mention


def test_parenthetical_speaker_inside_a_reported_clause_is_the_source() -> None:
    text = "The Gazette, Mara Quill said, called the new timetable “a shambles.”"
    assert who(text)[0][1:] == ("Mara Quill", "Mara Quill")


@pytest.mark.parametrize(
    "text",
    [
        "On the pier the mood was grim. “Half the boats are idle.”",
        "The strike entered its third week as crews waited. “Half the boats are idle.”",
    ],
)
def test_a_phrase_headed_by_no_person_or_body_names_no_speaker(text: str) -> None:
    [q] = attribute(text, extract_quotes(text))
    assert q.speaker is None


def test_a_quote_ends_the_clause_a_participle_takes_its_subject_from() -> None:
    text = (
        "The harbour board will back the “tidal levy,” Mara Quill said, adding that the fee "
        "would be “modest and fair.”"
    )
    assert who(text)[1][1:] == ("Mara Quill", "Mara Quill")


def test_a_tail_with_a_name_and_its_verb_is_the_main_clause_not_an_aside() -> None:
    text = "After the spring floods, Mara Quill released an ad calling the levy “a disgrace.”"
    assert who(text)[0][1:] == ("Mara Quill", "Mara Quill")


def test_a_name_set_off_by_commas_before_the_verb_is_an_apposition() -> None:
    text = (
        "Bo Lind, whose newest venture, Avelco, sells nets, said the quota was "
        "“a gift to importers.”"
    )
    assert who(text)[0][1:] == ("Bo Lind", "Bo Lind")


@pytest.mark.parametrize(
    "text",
    [
        "The bulk of the fleet stayed in port (Mara Quill, who chairs the union, once said, "
        "“The harbour is our home.”).",
    ],
)
@pytest.mark.usefixtures("rules_alone")
def test_a_sentence_subject_that_is_a_thing_gives_way_to_a_later_clause_subject(text: str) -> None:
    assert who(text)[0][1:] == ("Mara Quill", "Mara Quill")


@pytest.mark.parametrize(
    "text",
    [
        "According to the Harbour Gazette, Ivo Dunmore said the ferry schedule was “a fairy tale.”",
        "Ivo Dunmore said the ferry schedule was “a fairy tale” and would change, according to "
        "the Harbour Gazette.",
    ],
)
@pytest.mark.usefixtures("rules_alone")
def test_a_cue_before_the_quote_with_an_according_to_source(text: str) -> None:
    assert who(text)[0][1:] == ("Ivo Dunmore", "the Harbour Gazette")


def test_a_source_named_later_in_a_sentence_without_a_cue() -> None:
    text = (
        "The port authority is hiring “dozens” of extra pilots for the winter season, "
        "according to harbour master Lena Voss."
    )
    assert who(text)[0][1:] == ("Lena Voss", "Lena Voss")


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "Outside the depot, about 300 protesters gathered, waving flags and chanting "
            "“Keep the cranes.”",
            "about 300 protesters",
        ),
        ("Harbour Watch agents described the old tunnels as “a sieve.”", "Harbour Watch agents"),
        ("The crowd chanted “Open the gates!” as the ferry docked.", "The crowd"),
        ("Tova Brink could only quip: “Not this winter.”", "Tova Brink"),
        ("“The ferry must keep running until spring,” the petition reads.", "the petition"),
        ("“Keep the night ferry until the bridge opens,” it recommended.", "it"),
        ("Tova Brink praised the crew, but she cautions that the hull has “real cracks.”", "she"),
    ],
)
@pytest.mark.usefixtures("rules_alone")
def test_head_counts_collectives_modals_and_more_cues(text: str, mention: str) -> None:
    assert who(text)[0][2] == mention


def test_pronoun_after_a_lone_surname_of_unknown_gender() -> None:
    text = "Brink spoke first at the hearing. “We cannot wait for the money,” she said."
    assert who(text)[0][1:] == ("Brink", "she")
    text = "Brink and Quill spoke first at the hearing. “We cannot wait for the money,” she said."
    assert who(text)[0][1] is None


def test_a_quote_running_over_paragraphs_takes_the_later_paragraphs_cue() -> None:
    text = (
        "Ivo Dunmore said the ferry was late again.\n\n"
        "“We will keep the night ferry.\n\n"
        "“It will cost money, but it will run until the bridge opens,” Tova Brink said."
    )
    got = who(text)
    assert [s for _, s, _ in got] == ["Tova Brink", "Tova Brink"]
    # A paragraph opening with another mark is a quote nested in a quoted report.
    nested = text.replace("“We will", '"We will')
    assert who(nested)[0][1] == "Ivo Dunmore"


@pytest.mark.parametrize(
    ("text", "speaker", "mention"),
    [
        (
            "Ivo Dunmore, who has cast himself as the “ferry champion,” opened the meeting.",
            "Ivo Dunmore",
            "who",
        ),
        (
            "Harbour master Tova Brink - who once vowed to “never sell” the pier - opened the "
            "meeting on Monday.",
            "Tova Brink",
            "who",
        ),
        (
            "Ivo Dunmore, who chairs the ferry board, called the new timetable “a fairy tale.”",
            "Ivo Dunmore",
            "Ivo Dunmore",
        ),
        # The phrase before "who" describes the person named before it.
        (
            "Ivo Dunmore, a West Avel native who writes fiction on the side (one story is set "
            "at a bake-off “where the loser becomes the main course”), runs the data team.",
            "Ivo Dunmore",
            "who",
        ),
    ],
)
@pytest.mark.usefixtures("rules_alone")
def test_a_relative_clause_holding_the_quote(text: str, speaker: str, mention: str) -> None:
    assert who(text)[0][1:] == (speaker, mention)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "The timetable was so odd that a spokesman for Ivo Dunmore could only quip: "
            "“The ferry was booked.”",
            "a spokesman",
        ),
        ("Nobody heeded the harbour master’s warning: “The pier will fall.”", "the harbour master"),
        ("Ivo Dunmore turned to a friend at the bar: “The pier will fall.”", "Ivo Dunmore"),
    ],
)
@pytest.mark.usefixtures("rules_alone")
def test_role_phrase_heads_and_the_owner_of_a_speech_noun_before_a_colon(
    text: str, mention: str
) -> None:
    assert who(text)[0][2] == mention


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“The pier will stay open.” Tova Brink, director of the harbour board.", "Tova Brink"),
        ("“The pier will stay open.”\n\n- Brink.\n\nThe board met later.", "Brink"),
        (
            '"We will keep the night ferry until the bridge opens.\n'
            'Tova Brink, Harbour Institute."\n\nThe board met later.',
            "Tova Brink",
        ),
    ],
)
def test_signatures_without_a_dash_or_on_the_next_line(text: str, speaker: str) -> None:
    assert who(text)[0][1] == speaker


def test_a_name_and_age_after_a_quote_is_no_signature() -> None:
    assert who("“The pier will stay open.” Tova Brink, 45, runs the cafe.")[0][1] != "Tova Brink"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("We’ve seen this sort of “harbour theatre” from the board before.", "We"),
        ("Ivo Dunmore spoke first, and he’s predicting the pier will be “a ruin.”", "he"),
    ],
)
@pytest.mark.usefixtures("rules_alone")
def test_a_contracted_pronoun_is_a_subject(text: str, mention: str) -> None:
    assert who(text)[0][2] == mention


@pytest.mark.usefixtures("rules_alone")
def test_a_determiner_phrase_does_not_run_across_a_conjunction() -> None:
    text = (
        "Facing criticism, Ivo Dunmore released a statement, describing the pilot as a hero but "
        "insisting that the crew had “no excuse.”"
    )
    assert who(text)[0][2] == "Ivo Dunmore"


@pytest.mark.usefixtures("rules_alone")
def test_what_she_called_belongs_to_the_reporting_clause() -> None:
    text = (
        "Tova Brink said she phoned the captain on Monday to thank him for what she called "
        "“a heroic rescue.”"
    )
    assert who(text)[0][2] == "Tova Brink"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "“The ferry is late again,” says Tova Brink, 41, a nurse from Avel. Brink supports "
            "the new bridge. “It cannot come soon enough.”",
            "Brink",
        ),
        (
            "“The ferry is late again,” says Tova Brink, a nurse from Avel. She says the bridge "
            "will help. “It cannot come soon enough.”",
            "She",
        ),
        (
            "“The ferry is late again,” says Tova Brink, a nurse. She holds two degrees. "
            "“It cannot come soon enough.”",
            "Tova Brink",
        ),
    ],
)
def test_a_continued_quote_is_marked_at_the_speakers_latest_mention(
    text: str, mention: str
) -> None:
    assert who(text)[1][1:] == ("Tova Brink", mention)


@pytest.mark.usefixtures("rules_alone")
def test_a_cue_after_a_comma_takes_the_subject_that_follows_it() -> None:
    text = (
        "“It seems very unlikely” that the ferry can beat Ivo Dunmore, said Tova Brink, a "
        "harbour pilot."
    )
    assert who(text)[0][1:] == ("Tova Brink", "Tova Brink")


def test_a_source_after_according_to_may_be_a_plain_phrase() -> None:
    text = (
        "“We will rebuild the pier,” Tova Brink said, according to audio obtained by the Gazette."
    )
    assert who(text)[0][2] == "audio obtained by the Gazette"


@pytest.mark.usefixtures("rules_alone")
def test_a_pronoun_before_calls_names_the_label() -> None:
    text = "Ivo Dunmore leads a campaign he calls “Safe Harbour.”"
    assert who(text)[0][1:] == ("Ivo Dunmore", "he")


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("At the bottom it reads, “You can still save the pier.”", "it"),
        ("The sign on the pier reads: “Keep out.”", "The sign"),
        (
            "In other words, explained harbour master Tova Brink: “What has that to do with it?”",
            "harbour master Tova Brink",
        ),
    ],
)
@pytest.mark.usefixtures("rules_alone")
def test_reads_before_a_quote_and_an_inverted_cue_with_a_described_name(
    text: str, mention: str
) -> None:
    assert who(text)[0][2] == mention


@pytest.mark.usefixtures("rules_alone")
def test_a_quote_paragraph_continues_a_speaker_given_by_span_alone() -> None:
    text = (
        "“We will rebuild the pier before winter,” said the 46-year-old. “The ferry will "
        "keep running.”"
    )
    assert [m for _, _, m in who(text)] == ["the 46-year-old", "the 46-year-old"]


@pytest.mark.parametrize(
    "text",
    [
        "“The pier is unsafe,” Tova Brink said, the Harbour Gazette reported.",
        "Tova Brink noted that the old pier is “unsafe” for ferries, reported the Harbour Gazette.",
    ],
)
@pytest.mark.usefixtures("rules_alone")
def test_an_outlet_reporting_the_remark_is_its_source(text: str) -> None:
    assert who(text)[0][1:] == ("Tova Brink", "the Harbour Gazette")


def test_a_cue_then_a_name_behind_mixed_description() -> None:
    text = "“I do not know where he stands,” said undecided Labour voter Tova Brink of Avel."
    assert who(text)[0][1] == "Tova Brink"


@pytest.mark.parametrize(
    "text",
    [
        "The council met on Monday. Officials were upbeat.\n\nWait, it gets better:\n\n"
        "“The harbour will close for a week every spring.”\n\nResidents were not told.\n",
        "Ruiz dialed the next number. “Hello, is this the Ortega house?” she asked.\n\n"
        "Pause.\n\n“Well, thank you for your time.”\n\nShe hung up.\n",
    ],
)
def test_an_interjection_opening_the_paragraph_before_is_no_speaker(text: str) -> None:
    assert who(text)[-1][2] not in ("Wait", "Pause.")


def test_a_contracted_stop_word_is_no_name_to_rank() -> None:
    text = (
        "In 2012, Ruiz suspended her paid lectures to run, and in 2008, Lind ended his tour. "
        "That’s partly because federal rules are murky on when private talks become "
        "“campaign related.” Regulators suggest candidates keep their own books.\n"
    )
    assert who(text)[0][2] != "That’s"


def test_an_outlet_that_first_reported_the_sentence_is_its_source() -> None:
    text = (
        "Ruiz, who runs the harbour board, accused the council of “quiet sabotage” during "
        "Tuesday’s broadcast of her show, “Harbour Hour,” the Avel Gazette first reported.\n"
    )
    assert who(text)[0][2] == "the Avel Gazette"


def test_an_inverted_aside_speaks_every_quote_of_its_sentence() -> None:
    text = (
        "The paradox of the mayor, says Dana Ruiz, historian at the Avel Library, is that she "
        "was “the most powerful figure in town,” not for her budget but for her “personal grip "
        "on the harbour board.”\n"
    )
    assert [m for _, _, m in who(text)] == ["Dana Ruiz", "Dana Ruiz"]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "Lind spoke first, and the mayor was, in the words of a senior aide, “the best we "
            "ever had.”\n",
            "a senior aide",
        ),
        (
            "Ruiz kept the old ferry running. The timetable by her own admission was a "
            "“shambles” for years.\n",
            "her",
        ),
        (
            "Bo Lind toured the pier.\n\n“This is not a case where one thing can be fixed – "
            "it is an across-the-board failure” from the pier to the budget, in Lind’s view.\n",
            "Lind",
        ),
        ("Bo Lind toured the pier.\n\nIn Ruiz’s view, the levy is “a disaster.”\n", "Ruiz"),
    ],
)
def test_whose_words_a_phrase_names_speaks_them(text: str, mention: str) -> None:
    assert who(text)[0][2] == mention


def test_a_spokeswoman_owned_by_the_last_name_is_not_that_person() -> None:
    text = (
        "“The pier stays open,” said Alan Lind, the harbour master.\n\n"
        "(Lind's spokeswoman later challenged the report, and said he “never meant to close "
        "it.”)\n"
    )
    assert who(text)[1][1:] == ("Lind's spokeswoman", "Lind's spokeswoman")


@pytest.mark.parametrize(
    "text",
    [
        "Democrat Ana Ruiz won the harbour seat. “We will reopen the pier,” Ruiz said.\n",
        "The vote was close, said Secretary of State Ana Ruiz. “We will count again,” Ruiz said.\n",
        "Neither Ana Ruiz nor Bo Lind came. “We will reopen the pier,” Ruiz said later.\n",
    ],
)
def test_words_around_a_full_name_are_not_part_of_it(text: str) -> None:
    assert who(text)[0][1] == "Ana Ruiz"


def test_a_possessive_place_before_a_full_name_is_not_part_of_it() -> None:
    text = "Avel’s Ana Ruiz spoke first. “We will reopen the pier,” Ruiz said.\n"
    assert who(text)[0][1] == "Ana Ruiz"


@pytest.mark.parametrize(
    "text",
    [
        "The talk turned to Lind. Lind did post on Twitter Friday that his claims were "
        "“sarcasm” but nobody believed him.\n",
        "Immediately after the storm, Lind issued a statement, “Last night, our town was "
        "flooded.”\n",
    ],
)
def test_a_name_then_a_verb_and_a_noun_is_no_role_phrase(text: str) -> None:
    assert who(text)[0][2] == "Lind"


def test_a_surname_names_the_person_not_an_institution_named_after_her() -> None:
    text = (
        "Ana Ruiz opened the Ruiz Harbour University in 2005. Students sued the school last "
        "year.\n\n“We taught them well,” Ruiz said.\n"
    )
    assert who(text)[0][1] == "Ana Ruiz"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Bo Lind landed in Avel City on Monday. “We came to build,” he said.\n", "Bo Lind"),
        ("Ana Ruiz grew up in Washington Heights. “It shaped me,” she said.\n", "Ana Ruiz"),
    ],
)
def test_a_pronoun_passes_over_a_place_named_after_its_person(text: str, speaker: str) -> None:
    assert who(text)[0][1] == speaker


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "Lind lost the vote. The Avel senator emailed supporters saying: “The struggle "
            "continues.”\n",
            "The Avel senator",
        ),
        (
            "On the eve of the vote, Lind rallied supporters by warning that “the pier is in "
            "danger.”\n",
            "Lind",
        ),
    ],
)
def test_a_speaker_phrase_ends_before_its_verb(text: str, mention: str) -> None:
    assert who(text)[0][2] == mention


def test_a_surname_names_the_person_not_a_building_named_after_her() -> None:
    text = (
        "Ana Ruiz built the Ruiz Harbour Tower in 2005. The tower opened late.\n\n"
        "“We built it to last,” Ruiz said.\n"
    )
    assert who(text)[0][1] == "Ana Ruiz"


def test_an_honorific_rules_out_a_full_name_of_the_other_gender() -> None:
    text = (
        "Ana Lind runs the ferry line. Her husband, Tom Lind, sits on the harbour board.\n\n"
        "“The ferries will run all winter,” Mrs. Lind said.\n"
    )
    assert who(text)[0][1] == "Ana Lind"


def test_a_who_after_a_setting_phrase_stands_for_the_name_before_it() -> None:
    text = (
        "Lind met Ruiz at the pier.\n\n“Let everybody go to the pier,” Lind says to Ruiz on "
        "camera, who responds enthusiastically: “Okay!”\n"
    )
    assert who(text)[1][1] == "Ruiz"


def test_the_one_remembered_doing_it_speaks_the_participle_quote() -> None:
    text = (
        "I'm old enough to remember President Ana Ruiz going on TV in 1977, declaring a "
        "“moral war” on fog, and telling voters that “we need more lighthouses.”\n"
    )
    assert [m for _, _, m in who(text)] == ["President Ana Ruiz", "President Ana Ruiz"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Former Secretary of State Ana Ruiz said on Monday: “The pier will reopen.”\n",
            "Ana Ruiz",
        ),
        (
            "Former Secretary of State Ana Ruiz and Sen. Bo Lind toured the harbour, where "
            "Former Secretary of State Ana Ruiz said: “The pier will reopen.”\n",
            "Ana Ruiz",
        ),
        (
            "“The pier will reopen,” said former Avel Gov. and Harbour Party Chairman Bo Lind.\n",
            "Bo Lind",
        ),
        ("Former secretary of state Ana Ruiz: “The pier will reopen.”\n", "Ana Ruiz"),
    ],
)
def test_a_mention_that_stops_at_a_title_names_the_office_holder(text: str, speaker: str) -> None:
    assert who(text)[-1][1] == speaker


def test_a_party_label_after_a_name_is_no_title_to_look_past() -> None:
    text = "“The pier will reopen,” Representative Bo Lind, Republican of Avel County, said.\n"
    assert who(text)[0][1] != "Avel County"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "“The pier will reopen,” Representative Bo Lind, Democrat of Avel, told the mayor.\n",
            "Representative Bo Lind",
        ),
        (
            "Representative Bo Lind, Democrat of Avel, said the pier would “reopen soon.”\n",
            "Representative Bo Lind",
        ),
        (
            "At lunch, Senator Bo Lind, Republican from West Avel, called out, “It will not "
            "help.”\n",
            "Senator Bo Lind",
        ),
    ],
)
def test_a_party_and_state_in_apposition_is_not_the_speaker(text: str, mention: str) -> None:
    assert who(text)[0][1:] == ("Bo Lind", mention)


@pytest.mark.parametrize(
    ("headline", "speaker", "mention"),
    [
        ("Ruiz Addresses Harbour Strike: ‘We Will Rebuild’", "Ana Ruiz", "Ruiz"),
        ("Ana Ruiz Warns Port Owners: ‘We Will Rebuild’", "Ana Ruiz", "Ana Ruiz"),
        # A role after the first name: the run names somebody else; left as it was.
        (
            "Ruiz Challenger Bo Lind Warns Port: ‘We Will Rebuild’",
            "Ruiz Challenger Bo Lind",
            "Ruiz Challenger Bo Lind",
        ),
    ],
)
def test_a_headline_run_is_cut_to_the_name_the_body_uses(
    headline: str, speaker: str, mention: str
) -> None:
    text = (
        f"{headline}\n\nMayor Ana Ruiz spoke to the harbour workers on Monday, and Bo Lind, "
        "who runs against her, spoke after her.\n"
    )
    assert who(text)[0][1:] == (speaker, mention)


def test_a_listed_headline_that_ends_in_a_full_stop_is_cut_to_the_name_too() -> None:
    text = (
        "Five Things The Harbour Vote Taught Us\n\n1\nThe turnout.\n\n"
        "2\nAna Ruiz Sides With The Dock Workers On ‘Night Shifts.’\n\n"
        "Mayor Ana Ruiz told the council on Monday that the rota was “not up for a vote.”\n"
    )
    # Every word capitalised: a heading, though it ends like a sentence.
    assert who(text)[0][1:] == ("Ana Ruiz", "Ana Ruiz")
    # A body paragraph with a few capitalised words is no heading.
    text = (
        "Avel Is Not Ready.\n\nThe Harbour Board Chairman Ana Ruiz Said So.\n\n"
        "Bo Lind then said the rota was “not up for a vote.”\n"
    )
    assert who(text)[0][1] == "Bo Lind"


def test_a_name_run_does_not_cross_a_paragraph_break() -> None:
    text = (
        "Harbour Strike Ends With A Deal\n\nAna Ruiz spoke to the workers on Monday. "
        "“We will rebuild,” Ruiz said.\n"
    )
    # The headline's last words and the paragraph's first name are no one run.
    assert who(text)[0][1] == "Ana Ruiz"


def test_a_role_phrase_that_ends_in_a_name_is_that_person() -> None:
    text = (
        "Lind spoke first.\n\n“We are going to win the port vote,” added his campaign manager "
        "Ana Ruiz, speaking after the senator. “We have a path.”\n"
    )
    assert [(speaker, mention) for _, speaker, mention in who(text)] == [
        ("Ana Ruiz", "his campaign manager Ana Ruiz")
    ] * 2


@pytest.mark.parametrize(
    "text",
    [
        "In a filing, her personal lawyer, Ana B. Ruiz, wrote that the request was “futile.”\n",
        "The leader of the Harbour League, Ana Ruiz, warned that a ban would be “unacceptable.”\n",
        "The Gazette harbour columnist Ana Ruiz went so far as to say: “The pier is over.”\n",
    ],
)
def test_a_role_phrase_then_the_name_of_its_holder_is_that_person(text: str) -> None:
    assert who(text)[0][1] in ("Ana Ruiz", "Ana B. Ruiz")


@pytest.mark.parametrize(
    "text",
    [
        "Former\xa0Secretary of\xa0State Ana\xa0Ruiz said: “We will rebuild.”\n",
        "“We will rebuild,” said his campaign\xa0manager Ana\xa0Ruiz.\n",
    ],
)
def test_a_no_break_space_reads_as_a_space(text: str) -> None:
    [(_, speaker, mention)] = who(text)
    assert speaker == "Ana Ruiz"
    assert mention is not None and mention in text  # the span is into the text as sent


@pytest.mark.parametrize(
    "text",
    [
        "Lind spoke. “It was his first try,” said his best friend at Avel, Ana Ruiz, who knew.\n",
        "Another delegate on the harbour slate, Ana Ruiz, said she was only “leaning Lind.”\n",
    ],
)
def test_a_role_with_a_place_or_group_then_the_name_of_its_holder(text: str) -> None:
    assert who(text)[0][1] == "Ana Ruiz"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "“The pier can sell tickets,” Ana B. Ruiz Jr., the director of the Harbour "
            "Bureau, said at a news conference.\n",
            "Ana B. Ruiz Jr",
        ),
        ("Ana Ruiz, the former governor, said the pier was “a lifeline.”\n", "Ana Ruiz"),
        (
            "“We are ready,” Ana Ruiz, the former governor and a harbour candidate, told the "
            "Gazette.\n",
            "Ana Ruiz",
        ),
        (
            "Ana Ruiz, pastor of the Fort Church and a Lind supporter, said: “I have heard them "
            "all pray.”\n",
            "Ana Ruiz",
        ),
        # The second of two descriptions may end in any noun; alone, it needs a role noun.
        (
            "Ana Ruiz, a fellow at the Avel Institute and a Harbour Party superdelegate, said "
            "she was “not worried at all.”\n",
            "Ana Ruiz",
        ),
        ("Ana Ruiz, a superdelegate, said she was “not worried at all.”\n", "Ana Ruiz"),
        # After an age, too ("a retired harbour pilot" has no role noun).
        (
            "Ana Ruiz, 67, a retired harbour pilot in Avel, Ore., said she was “not worried at "
            "all.”\n",
            "Ana Ruiz",
        ),
        ("In Avel County, the crowds said they were “not worried at all.”\n", None),
        # A place before the comma, or a name that is an object, is no apposition host.
        ("In Avel County, the former governor said the pier was “a lifeline.”\n", None),
        (
            "In an interview with the hosts Bo Lind and Ana Ruiz, the former governor said the "
            "pier was “a lifeline.”\n",
            None,
        ),
    ],
)
def test_a_role_phrase_in_apposition_to_a_name_is_that_person(
    text: str, speaker: str | None
) -> None:
    got = who(text)[0][1]
    if speaker is None:
        assert got not in ("Avel County", "Ana Ruiz")
    else:
        assert got == speaker


@pytest.mark.parametrize(
    "text",
    [
        "“That was the fair thing to do,” the Harbour Board press secretary, Ana Ruiz, said.\n",
        "“That was the fair thing to do,” Lind spokeswoman Ana Ruiz said on Tuesday.\n",
        "In October, Lind’s Avel state director, Ana Ruiz, wrote: “We want this at once.”\n",
    ],
)
def test_a_name_then_role_words_then_the_holder_is_the_holder(text: str) -> None:
    assert who(text)[0][1] == "Ana Ruiz"


def test_a_possessed_name_is_that_person_or_body() -> None:
    text = "“We are going to have a wipeout,” said Avel’s Ana Ruiz, a consultant.\n"
    assert who(text)[0][1:] == ("Ana Ruiz", "Avel’s Ana Ruiz")


def test_a_cut_headline_mention_spans_the_name_as_typed() -> None:
    text = (
        "Ana  Ruiz Warns Port Owners: ‘We Will Rebuild’\n\nMayor Ana Ruiz spoke to the harbour "
        "workers on Monday.\n"
    )
    [(_, speaker, mention)] = who(text)
    assert (speaker, mention) == ("Ana Ruiz", "Ana  Ruiz")


def test_an_ed_word_after_a_possessive_describes_the_noun_and_is_no_cue() -> None:
    # "fired" is a cue verb ("fired back"); after "Ruiz’s" it only describes the manager.
    text = (
        "Bo Lind, Ana Ruiz’s fired campaign manager, ripped the harbour chief for acting as “the "
        "judge and the jury” in the inquiry.\n"
    )
    assert who(text)[0][1:] == ("Bo Lind", "Bo Lind")
    text = "Ana Ruiz’s fired campaign manager said the chief was “the judge and the jury.”\n"
    assert who(text)[0][2] == "Ana Ruiz’s fired campaign manager"


def test_two_offices_then_a_name_is_that_person() -> None:
    text = (
        "Former prosecutor and Avel City Mayor Bo Lind, who backs Ruiz, trashed the chief, "
        "calling it a “no-brainer” to prosecute.\n"
    )
    assert who(text)[0][1:] == ("Bo Lind", "Former prosecutor and Avel City Mayor Bo Lind")
    # Two groups are no offices of one person: the first still speaks.
    text = "Legal observers and Avel officials trashed the chief, calling it a “no-brainer.”\n"
    assert who(text)[0][1] == "Legal observers"


def test_a_show_title_cut_short_at_a_day_word_is_still_no_speaker() -> None:
    # "Today" ends a name as a day would ("Ruiz Today"), leaving "Avel" inside the marks.
    text = (
        "Bo Lind, who backs Ruiz, trashed the chief on “Avel Today,” calling it a “no-brainer” "
        "to prosecute.\n"
    )
    assert who(text)[-1][1] == "Bo Lind"


def test_an_apposition_with_also_is_set_aside_for_the_name_before_it() -> None:
    text = "Sen. Bo Lind (R-Avel), also a harbour hopeful, called the plan “abhorrent” on Sunday.\n"
    assert who(text)[0][1:] == ("Bo Lind", "Sen. Bo Lind")


def test_an_organisation_and_office_before_a_name_open_the_sentence() -> None:
    text = (
        "The Avel Council on Harbour Relations Executive Director Ana Ruiz says in a statement "
        "that the plan is “a disgrace.”\n"
    )
    assert who(text)[0][1] == "Ana Ruiz"
    # Without a person after it, the organisation speaks.
    text = "The Council on Harbour Relations says the plan is “a disgrace.”\n"
    assert (who(text)[0][1] or "").startswith("The Council")


def test_a_role_apposition_whose_organisation_has_and_in_its_name() -> None:
    text = (
        "On Tuesday, Bo Lind, chairman of the House Ways and Means Committee, said the “pause” "
        "would stay.\n"
    )
    assert who(text)[0][1:] == ("Bo Lind", "Bo Lind")


#: One story, typed with the double marks of several newsrooms.
TYPED = (
    "On Twitter, former mayor Bo Lind called the plan “unfair.” Senator Ana Ruiz called the vote "
    "“a disgrace to the harbour.”\n\n"
    "“We will not stop,” Ruiz said. “The pier belongs to everyone.”\n\n"
    "Lind, who chairs the dock board, said he would “wait and see.”\n"
)


@pytest.mark.parametrize(("opener", "closer"), [("“", "”"), ("„", "“"), ("«", "»"), ("”", "”")])
def test_every_style_of_double_marks_gives_the_same_speakers(opener: str, closer: str) -> None:
    text = TYPED.replace("“", "\0").replace("”", closer).replace("\0", opener)
    assert len(text) == len(TYPED)
    assert [(q, s, m) for q, s, m in who(text)] == [(q, s, m) for q, s, m in who(TYPED)]
    assert [s for _, s, _ in who(TYPED)] == [
        "Bo Lind",
        "Ana Ruiz",
        "Ana Ruiz",
        "Ana Ruiz",
        "Bo Lind",
    ]


def test_answered_is_a_cue_verb() -> None:
    text = (
        "The moderator, Bo Lind, asked: “Why did you vote for it?” Ruiz answered: “Because the "
        "pier needed it.”\n"
    )
    assert [s for _, s, _ in who(text)] == ["Bo Lind", "Ruiz"]


def test_i_in_a_transcript_turn_is_the_turn_speaker() -> None:
    text = (
        "Harbour debate\n\nThe mayor, Bo Lind, and his rival Ana Ruiz met on Monday night to "
        "debate the harbour and the pier in front of a crowd.\n\n"
        "LIND: I said, “The harbour is a disaster,” and I stand by it.\n"
    )
    assert who(text)[0][1:] == ("Bo Lind", "I")


def test_a_quote_signed_as_an_embedded_tweet() -> None:
    text = (
        "The mayor, Bo Lind, and his rival Ana Ruiz met on Monday night to debate the pier.\n\n"
        "“The harbour is not safe and the pier is closed.” — Bo Lind (@BoLind) October 3, 2016\n"
    )
    assert who(text)[0][1:] == ("Bo Lind", "Bo Lind")


def test_a_transcript_label_with_a_stage_direction() -> None:
    text = (
        "The mayor, Bo Lind, and his rival Ana Ruiz met on Monday night to debate the pier.\n\n"
        "“LIND (to Ruiz): The harbour is a disaster.”\n\n“RUIZ (laughing): No.”\n"
    )
    assert [(s, m) for _, s, m in who(text)] == [("Bo Lind", "LIND"), ("Ana Ruiz", "RUIZ")]


@pytest.mark.parametrize(
    ("line", "speaker"),
    [
        ("Ruiz’s statement said the pier was “safe and open.”\n", "Ana Ruiz"),
        (
            "Read Ruiz’s full statement below:\n\n“The harbour is safe and the pier is open.”\n",
            "Ana Ruiz",
        ),
        # A person she employs is not her: the words stay the spokesman's.
        ("Ruiz’s spokesman said the pier was “safe and open.”\n", "Ruiz’s spokesman"),
    ],
)
def test_a_persons_statement_is_that_persons_words(line: str, speaker: str) -> None:
    text = (
        "The mayor, Bo Lind, and his rival Ana Ruiz met on Monday night to debate the pier.\n\n"
        + line
    )
    assert who(text)[0][1] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The Avel Environment Agency fined Harbourco on Wednesday.\n\n"
            "In a statement, the agency said Harbourco had “repeatedly ignored” warnings.\n",
            "Avel Environment Agency",
        ),
        (
            "The Avel Board of Elections met on Monday.\n\n"
            "“The ballots are valid,” the board said.\n",
            "Avel Board of Elections",
        ),
        (
            # Two ministries named: "the ministry" is either, so it stays as written.
            "The Avel Health Ministry and the Avel Harbour Ministry met on Monday.\n\n"
            "“The water is safe,” the ministry said.\n",
            "the ministry",
        ),
        (
            "The Avel Health Ministry and the Avel Harbour Ministry met on Monday.\n\n"
            "“The water is safe,” the health ministry said.\n",
            "Avel Health Ministry",
        ),
    ],
)
def test_the_body_word_names_the_one_body_of_that_kind(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“We are ready,” a spokesman for the ministry said.\n", "a spokesman for the ministry"),
        (
            "A spokeswoman for Harbourco, which runs the port, said it was “ready.”\n",
            "spokeswoman for Harbourco",
        ),
        (
            "An official at the Avel Harbour Board said the talks were “productive.”\n",
            "official at the Avel Harbour Board",
        ),
        # A court's panel; an ordinal or an "of" inside the court's name.
        (
            "In March, a panel of the 9th Circuit said the law was “unconstitutional.”\n",
            "a panel of the 9th Circuit",
        ),
        (
            "In March, a panel of the Avel Court of Appeals said the law was “unconstitutional.”\n",
            "a panel of the Avel Court of Appeals",
        ),
        ("In March, the 9th Circuit said the law was “unconstitutional.”\n", "the 9th Circuit"),
        # Inverted, the phrase runs on to whom the agent speaks for.
        ("“We can’t wait,” said a spokesman for Avel Lines.\n", "a spokesman for Avel Lines"),
        # An "and" inside a body's name.
        (
            "A spokeswoman for the Ways and Means Committee said the plan was “on track.”\n",
            "spokeswoman for the Ways and Means Committee",
        ),
    ],
)
def test_an_unnamed_agent_speaks_with_whom_they_speak_for(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


def test_quotes_standing_alone_after_a_sentence_on_who_spoke() -> None:
    text = (
        "What the plan means is left to the imagination of voters, since Ana Ruiz spoke only "
        "in vague terms during the interview.\n\n"
        "“We have to do something and it is the only way.”\n\n"
        "“We have to be a lot tougher.”"
    )
    assert speakers(text) == ["Ana Ruiz", "Ana Ruiz"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Ana Ruiz and Bo Lind said in a joint statement that the plan was “a betrayal.”\n",
            "Ana Ruiz and Bo Lind",
        ),
        (
            "Ana Ruiz spoke first. Bo Lind spoke next.\n\n"
            "“It is a good day,” said Ruiz and Lind, who both sit on the council.\n",
            "Ana Ruiz and Bo Lind",
        ),
        # A first name coordinated with a full name shares its surname.
        (
            "David and Jeanne Vale wrote that the pier was “a relic.”\n",
            "David Vale and Jeanne Vale",
        ),
        # A place or a body is no one speaking with the name.
        ("In Avel and Marrow, Bo Lind said the pier was “a relic.”\n", "Bo Lind"),
    ],
)
def test_coordinated_names_speak_together(text: str, speaker: str) -> None:
    assert speakers(text)[-1] == speaker


def test_a_group_speaker_is_each_of_its_members() -> None:
    assert same_speaker("Ana Ruiz and Bo Lind", "Bo Lind")
    assert same_speaker("Ruiz", "Ana Ruiz and Bo Lind")
    assert not same_speaker("Ana Ruiz and Bo Lind", "Tom Vale")


def test_quote_claims_drop_short_quotes_the_text_gives_to_no_one() -> None:
    text = (
        "“Nobody told the crews a thing about the shifts.”\n\n"
        "The “quiet giant” of the harbour paid for new cranes.\n\n"
        "But “night shift” work is easier planned than done.\n\n"
        "Ana Ruiz called the plan “a relic.” Critics said it was “too late.”\n"
    )
    kept = [(q.text, q.speaker) for q in quote_claims(text)]
    assert kept == [
        ("Nobody told the crews a thing about the shifts.", None),
        ("a relic.", "Ana Ruiz"),
        ("too late.", "Critics"),
    ]
    every = attribute(text, extract_quotes(text))
    assert [q.text for q in every][1:3] == ["quiet giant", "night shift"]
    assert quote_claims(text, term_words=1) == every


_FILLER = st.text(alphabet=st.sampled_from(list("abc XYZ.,'’‘\"“”«»\n-")), max_size=120)


@given(_FILLER, _FILLER)
def test_quote_claims_keep_a_short_cued_quote_in_any_text(before: str, after: str) -> None:
    text = before + "\n\n“Too late,” the minister said.\n\n" + after
    start = len(before) + 3
    claims = quote_claims(text)
    assert any(q.span == (start, start + len("Too late,")) for q in claims)
    every = attribute(text, extract_quotes(text))
    assert [q for q in every if q in claims] == claims
