"""Speakers named before the quote (cue, aside, participle, continuation). Every sentence here
is invented for the test."""

from __future__ import annotations

import pytest

from checking.quotes import extract_quotes
from checking.speakers import attribute


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
    ],
)
def test_speaker_before_quote(text: str, expected: list[str | None]) -> None:
    assert mentions(text) == expected
