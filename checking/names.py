"""Whether an attributed speaker is a name a misattribution verdict can rest on.

Attribution (:mod:`checking.speakers`) answers "who does the text give this quote to?" as well as it
can, and sometimes the answer is a headline fragment ("Trump Says He’s Unlikely"), a clause
("Sanders released a statement"), a common noun that opened a sentence ("Reporters") or an
organisation ("Democratic National Convention"). Calling a quote *misattributed* accuses the writer
of putting words in the wrong mouth, so both sides of that comparison must be a person's name the
text really gives. This module reduces an attributed speaker to that name, or to ``None`` when it
cannot: an unknown speaker never contradicts another (DESIGN.md, step 7).

It is used on both sides: on reference quotes at ingest (:func:`checking.corpus.passages`) and on
the draft's speaker when a verdict is made (:mod:`checking.check`). Display keeps the attributed
speaker as found; only the verdict relies on the trusted name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checking.model import Span
from checking.speakers import canonical_name, group_members
from checking.text import paragraphs

__all__ = ["trusted_speaker"]


def _wordset(words: str) -> frozenset[str]:
    """A set of words written as one whitespace-separated string (easier to read and extend)."""
    return frozenset(words.split())


#: Lower-case words that may sit inside a name ("Ludwig van Beethoven", "Osama bin Laden").
_PARTICLES = _wordset("de da di del della der den du la le van von bin ibn al el st y")
#: Adverbs and conjunctions an attribution window can leave in front of a name ("then Okonkwo").
_LEADING = _wordset("then later now also again and but so while as when")
#: Function words and verbs that are capitalised only in headline case ("Trump Says He’s …").
_HEADLINE_WORDS = _wordset(
    """
    a an the and or but of to in on at by for from with as into over after before about is are
    was were be been has have had will would may might can could just says said say calls call
    takes take gets get makes make set sets it its he she his her they them this that these
    those who what why how not no why here there up down out off than one two three some many
    most all each both several another other every any few
    """
)
#: Words that make a name an organisation's, place's or document's rather than a person's.
_INSTITUTION_WORDS = _wordset(
    """
    act administration agency army assembly association authority bank board bureau campaign
    caucus center centre church city club college commission committee company congress
    convention corp corporation council county court department fbi foundation fund government
    group house inc institute journal league ministry network news office organization
    organisation parliament party police post press project republicans democrats school senate
    service society street studio team times tribune union university white
    """
)
#: Plural common nouns that open sentences about groups ("Analysts were divided …").
_GROUP_NOUNS = _wordset(
    """
    analysts critics officials experts observers reporters supporters opponents aides sources
    voters residents protesters advocates activists lawmakers leaders economists strategists
    organizers organisers insiders staffers members others people americans democrats
    republicans conservatives liberals progressives delegates donors investors witnesses
    scientists researchers doctors teachers workers students parents fans viewers readers
    commentators pundits pollsters historians scholars diplomats negotiators prosecutors
    investigators authorities police officers troops soldiers candidates campaigns
    """
)
_POSSESSIVE = re.compile(r"['’]s?$")
_SENTENCE_END = tuple(".!?:;)…")
_CLOSERS = "\"'”’»"


def _headline_paragraph(text: str, span: Span, quote_span: Span | None) -> bool:
    """Whether ``span`` lies in a heading: a short paragraph with no closing punctuation that does
    not contain the quote (a draft's or article's title is not its attribution)."""
    for a, b in _paragraphs(text):
        if a <= span[0] < b:
            if quote_span is not None and a <= quote_span[0] < b:
                return False
            return (a, b) in _heading_spans(text)
    return False


@lru_cache(maxsize=32)
def _paragraphs(text: str) -> tuple[Span, ...]:
    """Memoised: one check asks about the same draft for every claim."""
    return tuple(paragraphs(text))


@lru_cache(maxsize=32)
def _heading_spans(text: str) -> frozenset[Span]:
    return frozenset((a, b) for a, b in _paragraphs(text) if _is_heading(text[a:b]))


def _is_heading(para: str) -> bool:
    """A short paragraph that does not end like a sentence (closing quote marks aside), or is in
    headline case ("Mayor and Council Slam ‘Harbour Deal For Insiders.’")."""
    words = para.split()
    if len(words) > 25:
        return False
    if not para.rstrip(_CLOSERS).endswith(_SENTENCE_END):
        return True
    long_words = [w.strip(_CLOSERS + "‘“(") for w in words if len(w) > 3]
    capitalised = sum(1 for w in long_words if w[:1].isupper())
    return len(long_words) >= 3 and capitalised >= 0.8 * len(long_words)


def _lower_elsewhere(text: str, word: str) -> bool:
    """Whether ``word`` is used as a lower-case word in ``text`` (so it is a common noun)."""
    low = word.lower()
    return re.search(rf"(?<![\w-]){re.escape(low)}(?![\w-])", text) is not None


@lru_cache(maxsize=1024)
def _used_as_name(text: str, name: str) -> bool:
    """Whether the body (headings aside) writes ``name`` as a name: capitalised, and for a single
    word also somewhere other than the start of a sentence, and never as a lower-case word."""
    headings = _heading_spans(text)
    single = " " not in name
    if single and "." not in name and _lower_elsewhere(text, name):
        return False
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
    for m in pattern.finditer(text):
        if any(a <= m.start() < b for a, b in headings):
            continue
        if not single:
            return True
        before = text[max(0, m.start() - 3) : m.start()].rstrip(" \"'“‘")
        initial = re.search(r"(?:^|\s)[A-Z]\.\s*$", text[max(0, m.start() - 4) : m.start()])
        if before and (before[-1] not in ".!?\n:" or initial) and m.start() > 0:
            return True  # mid-sentence, or inside a longer name ("Marta Okonkwo")
    return False


def trusted_speaker(
    text: str,
    speaker: str | None,
    speaker_span: Span | None,
    *,
    quote_span: Span | None = None,
) -> str | None:
    """The person's name ``speaker`` stands for, or ``None`` when it is not clearly a person.

    ``text`` is the document the attribution was made in and ``speaker_span`` the mention there
    (used to reject headings and common nouns). A trailing clause is dropped ("Trump issued a
    statement" -> "Trump"); a speaker that opens with a lower-case word other than a leading
    adverb ("a South Carolina native who"), has headline-case function words, names an
    institution, or is a single common noun ("Reporters") is not trusted.
    """
    if not speaker:
        return None
    if speaker_span is not None and _headline_paragraph(text, speaker_span, quote_span):
        return None
    members = group_members(speaker)
    if len(members) > 1:
        # "Ana Ruiz and Bo Lind said": trusted when each of them is.
        names = [n for m in members if (n := _trusted_name(text, m))]
        return " and ".join(names) if len(names) == len(members) else None
    name = _trusted_name(text, speaker)
    if name is None and speaker_span is not None:
        # The mention itself ("Mr. Obama") when resolving it to a fuller name went astray
        # (to a headline's "Ruiz Warns", say).
        mention = text[speaker_span[0] : speaker_span[1]]
        if mention != speaker:
            name = _trusted_name(text, mention)
    return name


def _trusted_name(text: str, speaker: str) -> str | None:
    name = canonical_name(speaker)
    tokens = name.split()
    while tokens and tokens[0] in _LEADING:
        tokens = tokens[1:]
    if not tokens or not tokens[0][:1].isupper():
        return None
    for i, tok in enumerate(tokens[:-1]):
        if _POSSESSIVE.search(tok):
            # "Harbour Radio’s Ana Ruiz": the person follows the possessive; a single word after it
            # ("Clinton's campaign", "Rubio’s Attack") is not a person's name.
            rest = tokens[i + 1 :]
            if len(rest) < 2 or not all(t[:1].isupper() for t in rest[:2]):
                return None
            tokens = rest
            break
    run: list[str] = []
    for tok in tokens:
        bare = tok.rstrip(",;:")
        if bare.endswith(".") and len(bare) > 2 and bare[:-1].lower() not in ("jr", "sr"):
            bare = bare[:-1]
        if bare[:1].isupper() or (run and bare in _PARTICLES):
            run.append(bare)
            if tok.endswith(","):
                break
        else:
            break
    while run and run[-1] in _PARTICLES:
        run.pop()
    if not run or len(run) > 4:
        return None
    lowered = [t.lower().rstrip(".") for t in run]
    if any(t in _HEADLINE_WORDS for t in lowered):
        return None
    if any(t in _INSTITUTION_WORDS or t in _GROUP_NOUNS for t in lowered):
        return None
    name = " ".join(run)
    if not _used_as_name(text, name):
        return None
    return name
