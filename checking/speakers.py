"""Attribution: who the draft says spoke each quote, as the fullest name the draft uses.

News copy attributes quotes with a small set of constructions: a cue verb with the speaker before or
after it ("Shea said", "said the envoy, Dorothy Shea"), "according to X", "X: “…”", a pronoun
("he said"), or nothing at all in a paragraph that continues the previous speaker's quote. The rules
below look for those constructions in the quote's sentence with the quoted words masked out, then
resolve the mention (surname, title, pronoun) to the fullest name used for that speaker.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache, partial

from checking.model import Quote, Span
from checking.quotes import TURN_LABEL, english_marks, extract_quotes, quote_regions
from checking.text import paragraphs, sentences

__all__ = [
    "CUE_VERBS",
    "TERM_WORDS",
    "TITLES",
    "attribute",
    "canonical_name",
    "quote_claims",
    "same_speaker",
]


def _wordset(words: str) -> frozenset[str]:
    """A word list written as one whitespace-separated string."""
    return frozenset(words.split())


#: Verbs (and a few nouns) that attribute speech, in the forms news copy uses them.
CUE_VERBS: frozenset[str] = _wordset("""
    say says said saying tell tells told telling add adds added adding write writes wrote writing
    tweet tweets tweeted tweeting post posts posted ask asks asked asking explain explains explained
    explaining note notes noted noting state states stated stating declare declares declared
    declaring agree agrees agreed agreeing argue argues argued arguing claim claims claimed claiming
    insist insists insisted insisting warn warns warned warning urge urges urged urging
    reply replies answer answers answered
    replied replying respond responds responded responding continue continues continued continuing
    recall recalls recalled recalling acknowledge acknowledges acknowledged admit admits admitted
    concede concedes conceded suggest suggests suggested predict predicts predicted announce
    announces announced vow vows vowed promise promises promised pledge pledges pledged
    denounce denounces denounced denouncing condemn condemns condemned condemning accuse accuses
    accused accusing blast blasts blasted slam slams slammed praise praises praised criticize
    criticizes criticized criticise criticises criticised mock mocks mocked quip quips quipped joke
    jokes joked yell yells yelled shout shouts shouted cry cries cried exclaim exclaims exclaimed
    boast boasts boasted brag brags bragged complain complains complained lament laments lamented
    call calls called calling describe describes described describing dub dubs dubbed term termed
    label labels labeled labelled brand branded characterize characterized characterise
    characterised dismiss dismissed decry decries decried tout touts touted assert asserts asserted
    contend contends contended observe observes observed reiterate reiterates reiterated repeat
    repeats repeated demand demands demanded assure assures assured told testify testifies
    testified mutter muttered whisper whispered chant chanted sing sang sings read reads
    conclude concludes concluded remark remarks remarked comment comments commented confirm
    confirms confirmed deny denies denied report reports reported indicate indicates indicated
    emphasize emphasizes emphasized emphasise emphasised stress stresses stressed point points
    pointed thunder thundered fume fumed snap snapped retort retorted counter countered interject
    interjected begin began wonder wonders wondered muse mused predict refer referred echo
    echoed beam beamed gush gushed scoff scoffed sneer sneered marvel marveled marvelled rail
    railed hail hailed tout blame blamed slam lash lashed shoot shot fire fired hit hint hinted
    reply recount recounted imagine imagined proclaim proclaimed reason reasoned written
    caution cautions cautioned recommend recommends recommended allege alleges alleged plead
    pleaded pleads advise advises advised chide chided scold scolded lambaste lambasted assail
    assailed quipping affirm affirmed concur concurred opine opined charge charges charged
    disclosed disputed rebutted refuted disagreed reassured guaranteed recited intoned texted
    lectured preached griped whined exhorted boomed
    express expresses expressed maintained revealed confessed swore threatened speculated
    ranted taunted teased ridiculed grumbled sighed screamed bellowed roared murmured elaborated
    clarified begged implored protested reminded gloated fretted
    """)


def _inflections(words: frozenset[str]) -> frozenset[str]:
    """Regular -s/-ed/-ing forms of every listed verb, so the lexicon lists each verb once or so."""
    out = set(words)
    for w in words:
        stem = w[:-1] if w.endswith("e") else w
        out.update((w + "s", stem + "ed", stem + "ing"))
        if w.endswith("y"):
            out.update((w[:-1] + "ies", w[:-1] + "ied"))
        if re.fullmatch(r"[^aeiou]*[aeiou][bdglmnprt]", w):
            out.update((w + w[-1] + "ed", w + w[-1] + "ing"))
    return frozenset(out)


#: -s forms that are far more often plural nouns ("states can", "the reports") than cue verbs.
_NOUN_FORMS = _wordset(
    "state states report reports post posts point points comment comments remark remarks "
    "statement statements claims calls demands promises tweets reads counters labels brands "
    "terms cries repeats records answers"
)
#: Those of them that are cue verbs, which they always are right after "who" ("an actor who
#: promises that …").
_WHO_VERBS = _inflections(CUE_VERBS) & _NOUN_FORMS
CUE_VERBS = _inflections(CUE_VERBS) - _NOUN_FORMS
#: Nouns far more often than cues ("the term “…”", "under fire"), "answering" (the problems
#: he had answering questions), and verbs of speech that news copy uses for a pressed or a sour
#: remark.
CUE_VERBS = (CUE_VERBS | _inflections(_wordset("press question confide snipe gripe"))) - _wordset(
    "term fire answering"
)

#: Honorifics and offices that precede a name and are not part of it.
TITLES: frozenset[str] = _wordset("""
    mr mrs ms miss mx dr prof sir dame lord lady rev fr sen senator rep representative gov governor
    mp mep msp
    gen general col colonel lt maj major capt captain adm admiral sgt president vice pres premier
    prime minister secretary ambassador amb envoy chancellor mayor judge justice chief king queen
    prince princess sheikh pope father sister brother rabbi imam attorney assemblyman assemblywoman
    councilman councilwoman councillor councilor councilmember alderman alderwoman congressman
    congresswoman speaker leader chairman chairwoman chair
    commissioner director spokesman spokeswoman spokesperson deputy candidate nominee former
    hon honourable honorable excellency professor pastor reverend
    """)
_PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "o", "i": "s", "we": "p"}
_DETERMINERS = _wordset("the a an his her their its our this one another whose")
#: Lower-case nouns that can head a speaker phrase ("the envoy", "a spokesman", "the ministry").
_ROLE_NOUNS = _wordset("""
    envoy ambassador spokesman spokeswoman spokesperson official officials minister ministry
    president senator governor candidate campaign committee department agency statement report
    source sources aide aides adviser advisers advisor advisors analyst analysts expert experts
    lawyer lawyers attorney attorneys lawmaker lawmakers leader leaders chairman chairwoman
    secretary
    director diplomat diplomats government administration office party group organization
    organisation company firm police prosecutor prosecutors judge court council commission
    officer spokespeople representative congressman congresswoman mayor manager strategist
    strategists pollster researcher researchers author authors writer professor economist
    voter voters supporter supporters critic critics member members chief executive founder
    woman man women men people person resident residents witness witnesses protester protesters
    nominee host anchor reporter reporters publication newspaper network website survey study
    poll letter memo ad billboard post tweet release message email emails book account
    union association coalition alliance team staff staffer staffers operative operatives
    democrat democrats republican republicans conservative conservatives liberal liberals
    activist activists student students teacher father mother wife husband son daughter
    friend friends partner spokesmen representatives officer ceo cfo coo cto cio cmo
    worker workers moderator moderators panelist panelists treasurer comptroller auditor
    observer observers lobbyist lobbyists organization organizations outlet outlets group groups
    advocate advocates pollster economist economists scholar scholars historian historians pollsters
    organizer organizers delegate delegates senators governors candidates legislator legislators
    politician politicians donor donors poll polls studies document documents filing editorial
    editorials column columnist columnists commentator commentators hosts anchors network networks
    agency agencies campaigns committees unions panel panels board jury court judges justices
    spokesperson aide insiders insider observers consultant consultants adviser official
    agent agents demonstrator demonstrators protestor protestors marcher marchers crowd crowds
    audience audiences fan fans attendee attendees participant participants
    employee employees parent parents veteran veterans citizen citizens spectator spectators
    onlooker onlookers viewer viewers listener listeners reader readers respondent respondents
    heckler hecklers narrator editor editors correspondent correspondents
    """)
_STOP_CAPS = _wordset("""
    The A An In On At For But And Or So If When While After Before As Since Although Though
    However Meanwhile Still Then Now This That These Those There Here It He She They We I You
    Nor Neither Either Given
    His Her Its Their Our My Your Yet Also Even Just Only Not No Yes Asked Speaking According
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
    July August September October November December Today Tonight Yesterday Last Next Earlier
    Later What Why How Who Where Which With Without From To Of By Over Under Despite Because Like
    Instead First Second Third Finally Indeed Moreover Furthermore Nevertheless Nonetheless
    Otherwise Ultimately Perhaps Besides Likewise Similarly Again Once Thus Therefore Hence
    Initially Eventually Recently Previously Currently Additionally Overall Amid Amidst Alongside
    Among Following Throughout Hours Minutes Days Weeks Months Years Moments Decades
    Outside Inside Elsewhere Nearby Overseas Abroad Afterward Afterwards Separately Together
    Online Everywhere Upstairs Downstairs Offstage Onstage Backstage
    Another Several Many Most Few Both Neither Either Each
    """)
_PARTICLES = _wordset("de del della der van von da di du la le al bin ibn el st st. mc ter")
#: The particle words a name may hold between its capitalised words ("Ursula von der Leyen",
#: "Mohammed bin Salman"), as regex text.
_PARTICLE_WORDS = r"(?:de|van|von|der|den|da|di|du|dos|bin|ibn|al|el|la|le)"
#: A surname joined to its lower-case particle ("al-Sisi", "el-Erian"), as regex text.
_PARTICLE_JOINED = r"(?:al|el|ad|as|ash|at|az|an|ar|bin|ibn|abu|ben)-[A-Z]"
_PARTICLE_NAME = re.compile(_PARTICLE_JOINED + r"[\w'’-]*")
#: Offices written as capital initials ("the CEO", "its president and CEO"): a role, not a name.
_ROLE_ACRONYMS = _wordset("CEO CFO COO CTO CIO CMO")
_SUFFIXES = _wordset("jr jr. sr sr. ii iii iv")

_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ][\w'’.-]*|\d[\w,.]*(?:-[A-Za-z][\w-]*)*")
_CAP = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ſ]")
_QUOTE_CHARS = "\"'“”‘’„«»‚‹›"


@dataclass(frozen=True, slots=True)
class _Mention:
    span: Span
    text: str
    kind: str  # name | role | pronoun


#: Patterns the rules use on every quote, compiled once rather than looked up in ``re``'s
#: cache at each call (where the per-text patterns of a long run could evict them).
_POSSESSIVE_S = re.compile(r"['’]s\b")
_BRACKETED = re.compile(r"\([^)]*\)")
_NAME_TOKEN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\.?")
_SPACED_BRACKETED = re.compile(r"\s*\([^)]*\)")
_POSSESSIVE_END = re.compile(r"['’]s?$")
_SPACES = re.compile(r"\s+")
_MID_SENTENCE_CAP = re.compile(r"[A-Z](?<=[a-z0-9,;:)] [A-Z])[\w'’-]*")
#: What ties a person to the matter they know of: "people familiar with", "a source close to".
_KNOWING_END = re.compile(
    r"\s+(?:close\s+to|familiar\s+with|involved\s+in|briefed\s+on|with\s+knowledge\s+of)\s+$"
)
#: "two people", "several officials", "people": a counted group of people before "familiar with".
_COUNTED_PEOPLE_END = re.compile(
    r"\b((?:(?:two|three|four|five|several|many|some|few|\d+)\s+)?"
    r"(?:people|persons|sources|officials|aides|advisers|advisors|officers|diplomats|insiders))$"
)
#: "of the", "for", "at", perhaps with a compound adjective before the name ("of the
#: anti-Trump National Review").
_OF_END = re.compile(r"\s+(?:of|for|at)(?:\s+the)?\s+(?:[a-z]+-(?:[A-Z][\w'’]*\s+)?)?$")
_SAID_END = re.compile(r"\b(?:whom|said|says|say|did|does|do)\W*$", re.IGNORECASE)
_WITH_END = re.compile(r"\bwith\s+$")
_WORD_END = re.compile(r"([\w'’]+)\s+$")
_PUNCT_RUN = re.compile(r"[\s,.;:!?—–-]*")
_ACCORDING_TO = re.compile(r"according\s+to\s+", re.IGNORECASE)
_MARK_THEN_PUNCT = re.compile(r"[@\s]*[,!?]")
_LETTER = re.compile(r"[A-Za-z]")
_PAST_VERB = re.compile(r"[a-z]+ed\b")
_LABEL_COLON = re.compile(r"([^\s@][^@:]*?):\s*@*$")
_PASSIVE_END = re.compile(r"\b(?:was|were|is|are|be|been|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_BY = re.compile(r"\s+by\s+")
_AND_END = re.compile(r"\s+and\s+(?:then\s+|later\s+|also\s+)?$")
_CLAUSE_OPEN_END = re.compile(r"(?:,|^)\s*$")
_CLAUSE_OPENER = re.compile(
    r"(?:^|[,;—–]\s*)(?:when|as|while|after|because|where|but|and|then)\s+", re.IGNORECASE
)
_POSSESSIVE_WORD = re.compile(r"[\w-]+['’]s?\b")
_CLAUSE_STOP = re.compile(r"[.;!?@\n]")
_LETTERS_RUN = re.compile(r"[A-Za-z]+")
_TWO_LETTERS = re.compile(r"[A-Za-z]{2,}")
_WORD_APOS = re.compile(r"[\w'’]+")
_LETTER_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_FULL_NAME = re.compile(
    r"(?=[A-Z])(?<![A-Z]\.)\b(?:[A-Z][a-zà-ÿ'’]+(?:[A-Z][a-zà-ÿ'’]+)?(?:-[A-Z]?[a-zà-ÿ]+)?"
    r"|[A-Z]\.(?:[A-Z]\.)*)"
    r"(?:[^\S\n]+(?:" + _PARTICLE_WORDS + r"[^\S\n]+){0,2}"
    r"(?:[A-Z][a-zà-ÿ'’]+(?:[A-Z][a-zà-ÿ'’]+)?(?:-[A-Z]?[a-zà-ÿ]+)?|[A-Z]\."
    r"|" + _PARTICLE_JOINED + r"[a-zà-ÿ'’]+)){1,5}"
)


def _strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


@lru_cache(maxsize=4096)
def _name_tokens(name: str) -> tuple[str, ...]:
    """Lower-case, accent-free tokens of a name without titles, initials or possessives."""
    s = _strip_accents(unicodedata.normalize("NFKC", name)).lower()
    s = _POSSESSIVE_S.sub("", s)
    s = _BRACKETED.sub(" ", s)
    toks = _NAME_TOKEN.findall(s)
    out: list[str] = []
    for k, t in enumerate(toks):
        bare = t.rstrip(".")
        if not out and bare in TITLES and any(len(u.rstrip(".")) > 1 for u in toks[k + 1 :]):
            # A title only before a name: "King" alone (or "Charlie King") is a surname.
            continue
        if len(bare) == 1:
            continue
        out.append(bare.replace("-", ""))
    return tuple(out)


_HONORIFICS = _wordset(
    "mr mrs ms miss mx dr prof sir dame rev fr sen rep gov gen col lt maj capt adm sgt pres amb "
    "president senator governor ambassador secretary minister chancellor mayor judge justice "
    "pope rabbi imam sheikh congressman congresswoman speaker chairman chairwoman"
)


_INITIAL = re.compile(r"[A-Z]\.")


@lru_cache(maxsize=4096)
def canonical_name(name: str) -> str:
    """The name without titles, offices, possessive or brackets, keeping the writer's spelling.

    "Sen. Ted Cruz’s" -> "Ted Cruz", "South Korean ambassador Joonkook Hwang" -> "Joonkook Hwang",
    "Secretary of State John Kerry" -> "John Kerry"; "The United States" stays as written.
    """
    s = unicodedata.normalize("NFKC", name).strip()
    s = _SPACED_BRACKETED.sub("", s)
    s = _POSSESSIVE_END.sub("", s)
    s = _SPACES.sub(" ", s).strip(" ,.;:")
    parts = s.split(" ")
    cut = -1
    honorific = False
    for i, w in enumerate(parts[:-1]):
        low = w.lower().rstrip(".,")
        if i > 0 and _INITIAL.fullmatch(parts[i - 1]):
            continue  # "Peter T. King of New York": after a middle initial comes the surname
        if low in _HONORIFICS or (low in TITLES and w[:1].isupper()):
            cut, honorific = i, low in _HONORIFICS
        elif w.rstrip(".,") in _ROLE_ACRONYMS:
            cut, honorific = i, True  # "Avelco CEO Ana Ruiz": the office before the name
        elif (
            i == 0
            and low in _ROLE_NOUNS
            and low not in _BODY_NOUNS
            and len(parts) >= 3
            and parts[1][:1].isupper()
        ):
            cut = 0  # "Organizer Ana Ruiz", "Democrat Bo Lind": a role opening the sentence
        elif w[:1].islower() and (low in _ROLE_NOUNS or low in TITLES):
            cut, honorific = i, True
        elif low == "of" and i > 0 and cut == i - 1:
            cut = i
        elif (
            cut >= 0
            and i > cut
            and w[:1].isupper()
            and low in _OFFICES
            and all(p.lower() not in _BODY_NOUNS for p in parts[cut + 1 : i])
        ):
            cut = i  # "Chief Executive Officer Dana Price", "Chief Financial Officer Dev Patel"
    if 0 <= cut < len(parts) - 1:
        rest = parts[cut + 1 :]
        if rest and rest[0].lower() in ("state", "defense", "the") and len(rest) > 1:
            rest = rest[1:]
        if "of" in rest[2:]:
            # "Representative Ana B. Ruiz of Avel": the state a name is followed by
            rest = rest[: rest.index("of", 2)]
        if parts[cut] == "of":
            # "Speaker of the House Newt Gingrich", "Chair of the Democratic National Committee
            # Debbie Wasserman Schultz": the office's body ends at its last head word.
            rest = _after_body(rest)
        if (
            rest
            and (rest[-1][:1].isupper() or _PARTICLE_NAME.fullmatch(rest[-1]))
            and all(w[:1].isupper() or w in _PARTICLES or _PARTICLE_NAME.fullmatch(w) for w in rest)
            and (honorific or len(rest) >= 2)
        ):
            parts = rest  # (particles inside: "President Luiz Lula da Silva", "bin Salman")
    for i in range(len(parts) - 3, -1, -1):
        if (
            _POSSESSIVE_END.search(parts[i])
            and _looks_like_name(" ".join(parts[i + 1 :]))
            and parts[-1].lower() not in _NOT_PERSON_HEADS
        ):
            # "Avel’s Ana Ruiz", "Fox News’ Sean Hannity": the owner is a place or an outlet.
            parts = parts[i + 1 :]
            break
    while len(parts) > 1 and parts[0].lower() in ("a", "an"):
        parts = parts[1:]
    if (
        parts[0][:1].islower()
        and parts[0] not in _PARTICLES
        and parts[0] not in _DETERMINERS
        and parts[0] not in _QUANTIFIERS
    ):
        # "retired neurosurgeon Bo Lind": a bare description before a name is no part of it
        # (a determiner keeps its phrase whole: "the Washington Post").
        k = len(parts)
        while k > 0 and (parts[k - 1][:1].isupper() or parts[k - 1] in _PARTICLES):
            k -= 1
        if (
            len(parts) - k >= 2
            and parts[k][:1].isupper()
            and parts[k - 1] not in _NOT_SUBJECT
            and parts[k - 1] not in ("and", "or")
        ):
            parts = parts[k:]
    while len(parts) > 1 and parts[-1].rstrip(".,").lower() in _WEEKDAYS:
        parts = parts[:-1]  # "said Ruiz Wednesday": the day the words were said
    return " ".join(parts)


def _after_body(words: list[str]) -> list[str]:
    """The words after the last head word of a body, leaving two or more: the holder's name
    after the office's body ("House Ana Ruiz" -> "Ana Ruiz")."""
    heads = [j for j, w in enumerate(words[:-2]) if w.lower() in _BODY_HEADS]
    return words[heads[-1] + 1 :] if heads else words


#: Titles that are not also surnames (unlike King, Prince or Dean): inside a capitalised run,
#: what comes before one is an affiliation and the name follows it.
_OFFICES = _wordset("""
    senator sen president director secretary governor gov mayor chairman chairwoman spokesman
    spokeswoman spokesperson ambassador commissioner representative rep congressman
    congresswoman minister premier chancellor attorney judge correspondent editor whip adviser
    advisor aide leader democrat republican officer
    """)
#: Capitalised words that never stand inside a person's or body's name.
_NEVER_IN_NAME = _wordset("""
    And Or But Nor To Of For In On At With After Before While Is Are Was Were As By So If Than
    Then That This These Those He She It They We I You His Her Its Their Our My Your Who Whom
    Whose Which What When Where Why How A An The
    """)
_WEEKDAYS = _wordset("monday tuesday wednesday thursday friday saturday sunday")


_AND_SPLIT = re.compile(r"[ \t]+and[ \t]+")


def group_members(name: str) -> list[str]:
    """The people of a group speaker ("Ana Ruiz and Bo Lind", "Obama and Hillary Clinton"), or
    the name alone: a body's name ending in its head noun ("Ways and Means Committee") stays
    one."""
    parts = _AND_SPLIT.split(name)
    if len(parts) == 2 and ", " in parts[0]:
        parts = [*parts[0].split(", "), parts[1]]  # "Matthews, Seitz and Lopez"
    if (
        len(parts) >= 2
        and all(p and all(w[:1].isupper() for w in p.split()) for p in parts)
        and (last := name.rsplit(None, 1)[-1].lower()) not in _BODY_NOUNS
        and last not in _NOT_PERSON_HEADS
    ):
        return parts
    return [name]


@lru_cache(maxsize=16384)
def same_speaker(a: str | None, b: str | None) -> bool:
    """Do two names denote the same speaker, allowing titles, surname-only, order and hyphenation?

    ``Hwang Joon-kook`` equals ``Joonkook Hwang`` (same tokens, any order), ``Shea`` equals
    ``Ambassador Dorothy Shea`` (one token matching the surname or, for names written family-name
    first, the first token); ``Bill Clinton`` and ``Hillary Clinton`` differ. None never matches.
    """
    if a is None or b is None:
        return False
    ga, gb = group_members(a), group_members(b)
    if len(ga) > 1 or len(gb) > 1:
        # "Ana Ruiz and Bo Lind" (a joint statement) is either of them.
        return any(same_speaker(x, y) for x in ga for y in gb)
    ta, tb = _name_tokens(a), _name_tokens(b)
    if not ta or not tb:
        return False
    if ta == tb or sorted(ta) == sorted(tb):
        return True
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    sa = [t for t in short if t not in _SUFFIXES]
    sl = [t for t in long_ if t not in _SUFFIXES]
    if len(short) >= 2 and {t for t in short if t in _SUFFIXES} != {
        t for t in long_ if t in _SUFFIXES
    }:
        return False
    if not sa:
        return False
    if len(sa) == 1:
        return sa[0] in (sl[-1], sl[0]) or (len(sl) >= 2 and "".join(sl[-2:]) == sa[0])
    if set(sa) <= set(sl):
        return sa[-1] in (sl[-1], sl[0])
    return False


_WORD_RUN = re.compile(r"\w+")


class _CueWords:
    """The cue lexicon, matched as whole words in any case, with the three calls the rules make
    of a compiled pattern (``match``, ``search``, ``finditer``) and real ``re.Match`` results.

    A dictionary lookup per word is several times faster than a regex alternation of the ~900
    cue forms, which the rules scan a few times per quote. A word cut by ``pos`` (a letter before
    it) is not a whole word, as ``\b`` would say.
    """

    __slots__ = ("words",)

    def __init__(self, words: frozenset[str]) -> None:
        self.words = words

    def _is_cue(self, s: str, m: re.Match[str]) -> bool:
        a = m.start()
        w = m.group().lower()
        return (
            (w in self.words or (w in _WHO_VERBS and _used_as_verb(s, a, w)))
            and not (a > 0 and _WORD_RUN.match(s, a - 1))
            and not _false_cue(s, m)
        )

    def finditer(self, s: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        end = len(s) if endpos is None else endpos
        words = self.words
        for m in _WORD_RUN.finditer(s, pos, end):
            w = m.group().lower()
            if (w in words or w in _WHO_VERBS) and self._is_cue(s, m):
                yield m

    def search(self, s: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return next(self.finditer(s, pos, endpos), None)

    def match(self, s: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        m = _WORD_RUN.match(s, pos, len(s) if endpos is None else endpos)
        return m if m is not None and self._is_cue(s, m) else None


_SO_BEFORE = re.compile(r"\b[Ss]o[- ]$")
_BEGIN = _wordset("begin begins began begun beginning")
_TO_AFTER = re.compile(r"\s+to\b")


#: "Charge" is a cue ("“…,” Kelly charged") except as a noun or in law and money: "examined
#: the charge", "charged with fraud", "charged $5", "charged for parking".
_CHARGE = _wordset("charge charges charged")
_CHARGE_NOUN_BEFORE = re.compile(r"\b(?:the|a|an|this|that|his|her|their|its)\s+$", re.IGNORECASE)
_CHARGE_OBJECT_AFTER = re.compile(r"\s+(?:with|for|up|against|into|on|at|about)\b|\s+\$|\s+\d")


#: -s forms that are usually plural nouns but verbs after a person's first name and surname
#: ("historian Tom Vale calls it “…”").
_NAMED_VERBS = _wordset("calls claims")
_VERB_SUBJECT_END = re.compile(r"(?<=\s)[A-Z][a-z]+\s+[A-Z][a-z]+\s+$")


def _used_as_verb(s: str, a: int, w: str) -> bool:
    """Is the -s form ``w`` at ``a``, usually a plural noun ("calls", "claims"), a verb here:
    after "who", or ("calls"/"claims") after a first name and surname?"""
    if s[max(0, a - 4) : a] == "who ":
        return True
    return w in _NAMED_VERBS and _VERB_SUBJECT_END.search(s, max(0, a - 40), a) is not None


def _false_cue(s: str, m: re.Match[str]) -> bool:
    """A cue word that is no speech here: "the so-called “…”", "began to" (a phase verb), "the
    charge" or "charged with" (an accusation as a thing or in law, not a speech act)."""
    word = m.group().lower()
    if word.startswith("call") and _SO_BEFORE.search(s, max(0, m.start() - 3), m.start()):
        return True
    if word in _CHARGE and (
        _CHARGE_NOUN_BEFORE.search(s, max(0, m.start() - 6), m.start())
        or _CHARGE_OBJECT_AFTER.match(s, m.end())
    ):
        return True
    return word in _BEGIN and _TO_AFTER.match(s, m.end()) is not None


@lru_cache(maxsize=32)
def _cue_regex(cues: frozenset[str]) -> _CueWords:
    if not all(_WORD_RUN.fullmatch(w) for w in cues):
        raise ValueError("cue words are single words")
    return _CueWords(frozenset(w.lower() for w in cues))


_ADVERBIAL_TAIL = re.compile(
    r"(?:[\s,]+(?:also|later|then|again|once|previously|recently|repeatedly|reportedly|simply|"
    r"just|now|still|further|flatly|quickly|bluntly|firmly|angrily|calmly|quietly|loudly|publicly|privately|"
    r"has|have|had|was|were|would|will|is|are|did|does|do|had|has|also|not|never|"
    r"could|can|should|might|may|must|"
    r"on\s+\w+|in\s+an?\s+\w+(?:\s+\w+)?|at\s+(?:a|an|the)\s+\w+(?:\s+\w+)?|last\s+\w+|"
    r"this\s+\w+|earlier|today|yesterday|tonight|once\s+more|in\s+the\s+past|"
    r"in\s+\w+|on\s+(?:the\s+)?\w+(?:\s+\w+)?|"
    r"\w+ly|"
    # "Lee went on to say", "Lee was quick to add", "Lee began by saying": the infinitive's subject.
    r"(?:was|were|is|are)\s+(?:quick|prompted|moved|careful|eager|keen|happy|forced)\s+to|"
    r"(?:went|goes|go|going)\s+on\s+to|(?:decided|chose|hastened|proceeded|went)\s+to|"
    r"began\s+by|ended\s+by|"
    # "Lee in her convention speech called", "Lee kept asking": the subject of the past cue.
    r"in\s+(?:his|her|their|its)\s+(?:[\w-]+\s+){0,3}?(?:speech|address|remarks|statement|"
    r"interview|testimony|book|memoir|column|letter|post|op-ed|ad|appearance)|"
    r"kept|keeps|keep|went\s+on))+\s*$",
    re.IGNORECASE,
)


_BOUNDARY_BEFORE = re.compile(
    r"(?:^|[,;:(—–\"“”‘’@.!?]|\s-|--|\b(?:and|but|that|as|while|when|because|so|where|who|which|if|"
    r"though|although|then|also|since|after|before|until|once|even|whereas|or|nor|how|what|why|"
    r"at\s+(?:which|that|this|one)\s+point)"
    r")\s*$",
    re.IGNORECASE,
)
#: ", a charge ", ", an accusation the ": a claim noun a reduced relative clause describes
#: ("a charge Ruiz’s office called “absurd”": the clause's subject speaks).
_CLAIM_NOUN_END = re.compile(
    r"[,;—–(@]\s*(?:a|an|the|one)\s+(?:[a-z-]+\s+)?(?:charge|claim|accusation|assertion|"
    r"allegation|argument|suggestion|characterization|characterisation|description|label|"
    r"remark|comment|statement|idea|notion|criticism|complaint|view|point)\s+$"
)
#: "Strategic and " -- a capitalised word and "and" before a name: one body's name.
_CAPITAL_AND_END = re.compile(r"\b(?:for|of)\s+(?:[A-Z][\w'’-]*\s+){1,3}and\s+$")
#: A participle or "seen"/"known" before "as": what follows is a complement, not a clause.
_COMPLEMENT_AS = re.compile(r"\b(?:\w+ed|seen|known)\s+as\s*$", re.IGNORECASE)
#: "of Columbia, " before a state: the town of a person named before it.
_OF_TOWN_END = re.compile(r"\s+(?:of|from)\s+(?:[A-Z][\w.'’-]*\s+){0,2}[A-Z][\w.'’-]*,\s+$")
_PLACE_BEFORE = re.compile(
    r"\b(?:in|of|from|at|near)\s+(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*,\s*$"
)
_LONG_PARENTHETICAL = re.compile(
    r"(?:,\s*(?!and\b|or\b|but\b)[^,;:@]{2,}(?:,[^,;:@]+)*,|\s*[—–]\s*[^—–;@]{2,140}[—–])\s*$"
)
#: ", Lee released an ad": a tail that opens with a name and its verb is the main clause, not
#: an aside ("After the floods, Lee released an ad calling …" is Lee's, not the floods').
_MAIN_CLAUSE_TAIL = re.compile(
    r",\s*(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*\s+(?:\w+ly\s+)?"
    r"(?:[a-z]+ed|has|had|was|is|will|would|did|took|made|gave|went|held|sent|spent|met|"
    r"ran|won|lost|wrote|spoke|put|set|left|brought|came|got|kept|sat|stood|began|saw|told)\b"
)
#: A participial aside closing just before the verb: ", playing the mayor on the show,".
_PARTICIPLE_ASIDE = re.compile(r",[ \t]*[a-z]+ing\b[^,;:@\n]{2,140},[ \t]*$")
_PARENTHETICAL_TAIL = re.compile(r",(?!\s*(?:that|and|but|who|which)\b)[^,@]{1,90},?\s*$")


def _np_before(masked: str, lo: int, end: int, *, cue_ing: bool = False) -> _Mention | None:
    """The subject phrase that ends at ``end`` (just before a cue verb), if any.

    Adverbs, auxiliaries and a short parenthetical between the subject and the verb are skipped
    ("Shea also said", "the ministry, in a statement, said"); the phrase must start a clause, so the
    object of an earlier verb ("posted a Twitter comment") is not taken for a speaker.
    """
    lo = max(lo, end - 260)
    line = masked.rfind("\n", max(0, lo - 1), end) + 1
    if line >= lo:
        dateline = _DATELINE.match(masked, line, end)
        if dateline is not None:
            # "AVEL, May 3 (Wire) - The mayor, Ana Ruiz, said": the city opens no clause.
            lo = dateline.end()
    stripped = masked[lo:end].rstrip()
    candidates = [stripped]
    m = _ADVERBIAL_TAIL.search(stripped)
    if m is not None and m.start() > 0:
        candidates.append(stripped[: m.start()])
    for base in list(candidates):
        m2 = _PARENTHETICAL_TAIL.search(base)
        if (
            m2 is not None
            and m2.start() > 0
            and not _cue_regex(CUE_VERBS).search(base, m2.start(), m2.end())
            and not _MAIN_CLAUSE_TAIL.match(base, m2.start())
        ):
            # ", Rubio said that by refusing to say": a clause with its own cue verb is no aside.
            cut = base[: m2.start()]
            candidates.append(cut)
            m3 = _ADVERBIAL_TAIL.search(cut)
            if m3 is not None and m3.start() > 0:
                candidates.append(cut[: m3.start()])
    for base in list(candidates[:2]):
        # "Ana Ruiz, who chairs the board, which …, said", "Bo Lind — a teacher — says": a long
        # or dashed apposition or relative clause between the subject and its verb.
        for m4 in _LONG_PARENTHETICAL.finditer(base):
            if m4.start() > 0 and base[m4.start() :].count("@") == 0:
                candidates.append(base[: m4.start()])
                break

    # (Only a phrase ending in a comma can close an aside: most calls skip the search.)
    aside = _PARTICIPLE_ASIDE.search(masked, lo, end) if stripped.endswith(",") else None

    def accept(cand: str) -> _Mention | None:
        mention = _np_at_end(cand, lo)
        if mention is None:
            return None
        if aside is not None and mention.span[0] > aside.start():
            # "Bo Lind, playing the mayor on NBC’s Saturday Night Live, explained": the aside's
            # object is no subject; the name before the aside is.
            return None
        if mention.kind == "name" and _quoted_title(masked, mention.span):
            # On ABC’s “This Week,” Rubio said: a programme's title in quote marks never speaks.
            return None
        if (
            mention.kind == "name"
            and masked[mention.span[1] : mention.span[1] + 1] == ","
            and _PLACE_BEFORE.search(masked, lo, mention.span[0])
            and not _PERSON_APPOSITION.match(masked, mention.span[1])
        ):
            # "Ruiz, at a rally in Avel, Ore., said": the state after a town is no speaker.
            return None
        left = masked[max(lo, mention.span[0] - 24) : mention.span[0]]
        town = (
            _OF_TOWN_END.search(masked, max(lo, mention.span[0] - 40), mention.span[0])
            if mention.kind == "name"
            else None
        )
        if town is not None:
            # "Stacy Baker of Columbia, South Carolina says": the state after a town names
            # where the person before "of" is from.
            head = _np_at_end(masked[lo : town.start()], lo)
            if head is not None and head.kind == "name":
                mention = head
                left = masked[max(lo, mention.span[0] - 24) : mention.span[0]]
        for _ in range(2):
            # "Ana Ruiz of Harbour Radio observed": the head before "of" speaks.
            of = _OF_END.search(left)
            if of is None or mention.kind not in ("name", "role"):
                break
            head = _np_at_end(masked[lo : mention.span[0] - len(of.group())], lo)
            if head is None or head.kind not in ("name", "role"):
                break
            bare_plural = (
                " " not in head.text
                and head.text.lower().endswith("s")
                and head.text.lower() in _ROLE_NOUNS
            )
            if (
                not of.group().strip().startswith("of")
                and not bare_plural
                and (
                    head.kind != "role"
                    or head.text.split()[0].lower() not in _DETERMINERS
                    or masked[max(lo, head.span[0] - 2) : head.span[0]] == ", "
                )
            ):
                # "a spokesman for the agency said", but not "Vote for Lee" or an apposition.
                break
            mention = head
            left = masked[max(lo, mention.span[0] - 24) : mention.span[0]]
            if mention.kind == "name" and _quoted_title(masked, mention.span):
                return None  # the book “The Tragedy of Lyndon Johnson,” explaining: a title
        if (
            mention.kind == "role"
            and _abstract(mention)
            and masked[mention.span[1] : mention.span[1] + 1] == ","
            and re.search(r",\s*(?:who|whom|which|whose)\b", masked[lo : mention.span[0]])
        ):
            # "Rubio, whose hometown … as the sea level rises, argues": a thing ending the
            # relative clause is no subject; the phrase the clause describes speaks.
            return None
        if (
            mention.kind == "name"
            and re.search(r"\b(?:as|than|that)\s+$", left)
            and _closes_aside(masked, lo, mention, "as")
            and re.search(r",\s*(?:who|whom|which|whose)\b", masked[lo : mention.span[0]])
        ):
            # "Zimmerman, who identifies as Hispanic, told": the relative clause's complement.
            return None
        if _BOUNDARY_BEFORE.search(left) or _CLAIM_NOUN_END.search(
            masked, max(lo, mention.span[0] - 50), mention.span[0]
        ):
            if mention.kind == "name" and _CAPITAL_AND_END.search(left):
                # "at the Center for Strategic and International Studies, said": the name
                # after "and" ends a body's name, not a clause's subject.
                return None
            if mention.kind == "role" and _COMPLEMENT_AS.search(left):
                # "Bob Lind, a Republican who was mentioned as a possible choice, said": the
                # complement of "mentioned as" is no subject.
                return None
            return mention
        if (
            mention.kind == "pronoun"
            and mention.text.lower() in _NOMINATIVE
            and not _SAID_END.search(left)
        ):
            # "Recently she announced …": a subject pronoun is the verb's subject wherever it is.
            return mention
        if mention.kind == "name" and _WITH_END.search(left) and cue_ing:
            # "…, with Sen. Ann Lee calling it “…”": the subject of an absolute clause.
            return mention
        prev = _WORD_END.search(left)
        if (
            mention.kind == "name"
            and prev is not None
            and prev.group(1).lower() not in _NOT_SUBJECT
            and prev.group(1).lower() not in _OBJECT_VERBS
            and not _closes_aside(masked, lo, mention, prev.group(1))
        ):
            # "…,” said Ana Ruiz, adding": the inverted subject; but "Ruiz told The Associated
            # Press, adding": a name after "told" is its object, not the speaker.
            return mention
        return None

    deferred: _Mention | None = None
    for cand in candidates:
        mention = accept(cand)
        if mention is None or (deferred is not None and mention.span == deferred.span):
            # "Lind, a harbour pilot, quietly told": the apposition again, after the adverb.
            continue
        if (
            # (Again after a described role: "Vale, the minister of X, a member of Y, said".)
            (deferred is None or (deferred.kind == "role" and mention.span[0] < deferred.span[0]))
            and mention.kind != "relative"
            and (
                masked[mention.span[1] : mention.span[1] + 1] == ","
                or _PARTY_OF.match(masked, mention.span[0]) is not None
                or (
                    mention.kind == "role"
                    and _OF_PHRASE_COMMA.match(masked, mention.span[1], end) is not None
                )
            )
            and _APPOSITION_OPEN.search(masked, max(lo, mention.span[0] - 90), mention.span[0])
        ):
            # "Bo Lind, whose firm, Avelco, sells nets, said": a phrase set off by commas inside
            # the stretch before the verb is an apposition; the phrase it describes speaks.
            deferred = mention
            continue
        return mention
    return deferred


#: " of the governor,": the rest of a role phrase in apposition, up to its closing comma
#: ("Castellano, an appointee of the governor, noted").
_OF_PHRASE_COMMA = re.compile(r"[ \t]+(?:of|for|at|to)[ \t]+[^,;:@\n]{1,80},")


#: What opens an apposition before a phrase: a comma, perhaps with "also" ("Ana Ruiz, also a
#: candidate,"), or a role of something whose name the phrase ends ("Ana Ruiz, chairman of the
#: Ways and Means Committee,": the name run stops at "and", away from the comma).
_APPOSITION_OPEN = re.compile(r", (?:also |(?:the |a |an )?[a-z][a-z-]* (?:of|for|at) [^,@]*)?$")
#: "Democrat of Avel": a party and a state after a name, in apposition to it.
_PARTY_OF = re.compile(r"(?:Democrat|Republican|Independent|Libertarian)[ \t]+(?:of|from)[ \t]")

#: ", the mayor,", ", a nurse at": a description that only a person takes ("In Avel, Ana Ruiz,
#: the mayor, said" names Ruiz, not a state after the town).
_PERSON_NOUNS = _wordset("""
    mayor nurse teacher lawyer spokesman spokeswoman official senator governor director chairman
    chairwoman president professor founder leader candidate minister secretary aide adviser
    advisor judge worker farmer owner pastor veteran student resident retiree activist organizer
    member
    """)
_PERSON_APPOSITION = re.compile(
    r",\s*(?:the|a|an)\s+(?:[\w'’-]+\s+){0,3}?(?:"
    + "|".join(sorted(_PERSON_NOUNS, key=len, reverse=True))
    + r")\b"
)


def _closes_aside(masked: str, lo: int, mention: _Mention, prev: str) -> bool:
    """Does a name after a lower-case word end an aside before the verb ("Ana Ruiz, who has
    endorsed Tom Lind, said")? The name is the aside's object; the phrase before it speaks."""
    return (
        not prev[:1].isupper()
        and masked[mention.span[1] : mention.span[1] + 1] == ","
        and (prev.endswith("ed") or re.search(r"[,—–(]", masked[lo : mention.span[0]]) is not None)
    )


def _quoted_title(masked: str, span: Span) -> bool:
    """Is the phrase at ``span`` a title in quote marks (“This Week,”, "The View")?"""
    a, b = span
    opened = a > 0 and masked[a - 1] in "\"“‘'"
    # (The phrase may have stopped short of the closing mark: "“Avel Today,”" gives "Avel",
    # "“The Fall of Avel,”" gives "The Fall".)
    return opened and _TITLE_CLOSE.match(masked, b, b + 60) is not None


_TITLE_CLOSE = re.compile(
    r"(?:[ \t]+(?:[A-Z][\w'’-]*|of|the|and|a|an|in|on|for|to|at)){0,5}[,.]?[\"”’']"
)


_NOMINATIVE = _wordset("he she they we i")
_CONTRACTED = re.compile(r"([Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)['’](?:ve|re|ll|d|m|s)")
#: Words after which a capitalised phrase is an object, not the subject of the next verb.
_NOT_SUBJECT = _wordset(
    "a an the of to for with by from on in at about against into onto than like via over under "
    "between among through toward towards during after before without within upon"
)


def _verb_after_head(toks: list[re.Match[str]], k: int) -> bool:
    """Is ``toks[k]`` a verb that follows its subject's head ("the senator emailed", "Lee
    rallied", "the board has")?"""
    w = toks[k].group()
    prev = toks[k - 1].group()
    return w.lower() in _AUXILIARIES or (
        _PAST_VERB.fullmatch(w) is not None
        and (_CAP.match(prev) is not None or prev.lower() in _ROLE_NOUNS)
    )


_SETTING_END = re.compile(r"\s+(?:on|in|at|by|over)\s+(?:the\s+)?[a-z]+$")


def _knowing_start(s: str, end: int) -> int | None:
    """Where the people before "familiar with"/"close to" at ``end`` start: a counted group
    ("two people") or a role phrase ("a source")."""
    counted = _COUNTED_PEOPLE_END.search(s, 0, end)
    if counted is not None:
        return counted.start(1)
    holder = _np_at_end(s[:end], 0)
    return holder.span[0] if holder is not None and holder.kind == "role" else None


#: An account handle ending a phrase, matched at the phrase's last @: a lone @ and a word
#: ("@harbourwatch"), never the @@@ that masks a quote.
_HANDLE_END = re.compile(r"(?<![@\w])@[A-Za-z_]\w{0,29}$")


def _np_at_end(s: str, offset: int) -> _Mention | None:
    s2 = s.rstrip(" ,")
    s2 = re.sub(r"\s*\([^()]*\)$", "", s2)
    at = s2.rfind("@")
    handle = _HANDLE_END.match(s2, at) if at >= 0 else None
    if handle is not None:
        # "@harbourwatch replied:": an account speaks.
        return _Mention((offset + handle.start(), offset + handle.end()), handle.group(), "name")
    toks = list(_WORD.finditer(s2))
    if not toks:
        return None
    last = toks[-1]
    if last.end() != len(s2):
        return None
    lw = last.group().lower()
    if lw in _PRONOUNS:
        return _Mention((offset + last.start(), offset + last.end()), last.group(), "pronoun")
    contracted = _CONTRACTED.fullmatch(last.group())
    if contracted is not None:
        # "and he’s predicting …": the pronoun of a contracted auxiliary.
        a0 = offset + last.start()
        return _Mention((a0, a0 + contracted.end(1)), contracted.group(1), "pronoun")
    if (
        lw in ("who", "which")
        and len(toks) >= 2
        and s2[toks[-2].end() : last.start()].strip() in (",", "—", "–", "-", "--")
    ):
        # "Franklin Graham, who has vowed …": the relative pronoun stands for the phrase before it.
        head = _np_at_end(s2[: toks[-2].end()], offset)
        if head is None:
            # "Lind says to Ruiz on camera, who responds …": past a short setting phrase.
            setting = _SETTING_END.search(s2, 0, toks[-2].end())
            if setting is not None:
                head = _np_at_end(s2[: setting.start()], offset)
        if head is not None and head.kind in ("name", "role"):
            tie = _KNOWING_END.search(s2, 0, head.span[0] - offset)
            if tie is not None:
                # "two people familiar with the decision, who …": the people, not the decision.
                start = _knowing_start(s2, tie.start())
                if start is not None:
                    head = _Mention(
                        (offset + start, head.span[1]), s2[start : head.span[1] - offset], "role"
                    )
            return _Mention((offset + last.start(), offset + last.end()), head.text, "relative")
    i = len(toks) - 1
    if (
        (_CAP.match(last.group()) or _PARTICLE_NAME.fullmatch(last.group()))
        and (last.group() not in _STOP_CAPS or _month_surname(s2, toks, i))
        and last.group() not in _ROLE_ACRONYMS
    ):
        # Capitalised name run (with particles), optionally preceded by titles and role words.
        j = i
        while j - 1 >= 0:
            prev = toks[j - 1]
            if s2[prev.end() : toks[j].start()].strip():
                break
            w = prev.group()
            if (
                (_CAP.match(w) and w not in _STOP_CAPS)
                or w.lower() in _PARTICLES
                or _month_first_name(s2, toks, j - 1)
                or _ORDINAL.fullmatch(w)  # "the 9th Circuit", "the 1st Cavalry Division"
                or (
                    # "the Ways and Means Committee": an "and" inside a body's name.
                    w == "and"
                    and j >= 2
                    and _CAP.match(toks[j - 2].group())
                    and _adjacent(s2, toks, j - 2)
                    and last.group().lower() in _BODY_RUN_HEADS
                )
            ):
                j -= 1
                continue
            if (
                w.lower().rstrip(".") in TITLES
                or w.lower() in _ROLE_NOUNS
                or w.lower() in _PRE_NAME_SET
            ):
                j -= 1
                continue
            break
        if (
            j > 0
            and toks[j - 1].group().lower() in _DETERMINERS
            and not s2[toks[j - 1].end() : toks[j].start()].strip()
        ):
            j -= 1
        start = toks[j].start()
        if j == i and last.group().lower() in _LONE_OFFICES:
            # "Mayor vows to …" in a headline: the office alone, a role, not a name.
            return _Mention((offset + start, offset + last.end()), last.group(), "role")
        return _Mention((offset + start, offset + last.end()), s2[start : last.end()], "name")
    # A determiner phrase: "the envoy", "the gambling tycoon", "a spokesman for the campaign".
    for j in range(len(toks) - 1, max(-1, len(toks) - 7), -1):
        if j + 1 < len(toks) and s2[toks[j].end() : toks[j + 1].start()].strip():
            break
        w = toks[j].group().lower()
        if w in _DETERMINERS and j < len(toks) - 1:
            if _after_head(lw):
                # "the mayor also said": the adverb ends no phrase; the caller's cut without
                # it finds "the mayor".
                return None
            start = toks[j].start()
            return _Mention((offset + start, offset + last.end()), s2[start : last.end()], "role")
        owner = _possessive_owner(s2, toks, j)
        if owner is not None:
            if _after_head(lw):
                return None  # "Lind’s office later said"
            # "Lind’s spokeswoman", "Tom Lind’s campaign manager": the owner opens the phrase.
            return _Mention((offset + owner, offset + last.end()), s2[owner : last.end()], "role")
        last_who = j == len(toks) - 1 and w in ("who", "that")  # "the groups who wrote"
        if (
            w in _CUE_STOP
            or (w in _PHRASE_BREAK and not last_who)
            or (
                j < len(toks) - 1
                and (w in CUE_VERBS or (j > 0 and _verb_after_head(toks, j)))
                and not _owned_participle(toks, j)
            )
        ):
            # "the meeting began vowing", "a hero but insisting", "the senator emailed
            # supporters": a clause, not one phrase.
            break
    if lw in _ROLE_NOUNS and lw.endswith("s") and len(lw) > 3:
        # A bare plural: "federal prosecutors wrote", "Democratic lawmakers said".
        j = len(toks) - 1
        while (
            j > 0
            and len(toks) - j < 5
            and not s2[toks[j - 1].end() : toks[j].start()].strip()
            and (
                toks[j - 1].group().lower() in _BARE_MODIFIERS
                or (_CAP.match(toks[j - 1].group()) and toks[j - 1].group() not in _STOP_CAPS)
                or toks[j - 1].group()[:1].isdigit()
            )
        ):
            j -= 1
        # "about 200 protesters", "nearly 40 workers": a head count with its approximation.
        approx = _APPROX_BEFORE.search(s2, 0, toks[j].start())
        start = toks[j].start()
        if approx is not None and toks[j].group()[:1].isdigit():
            start = approx.start()
        return _Mention((offset + start, offset + last.end()), s2[start : last.end()], "role")
    return None


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
#: Offices that, capitalised alone, are the office, never a surname: "Mayor vows to …".
_LONE_OFFICES = _wordset("""
    mayor governor president senator chairman chairwoman minister premier chancellor secretary
    spokesman spokeswoman spokesperson ambassador commissioner
    """)

#: Months that are also names: "Theresa May", "April Mellody", "June Carter".
_MONTH_NAMES = _wordset("April May June August")
#: Words that make a following month a date: "in May", "since April", "last June".
_DATE_LEAD = _wordset("""
    in on by since until till from through during last next early late mid of this that each
    every after before between and or to
    """)


def _adjacent(s: str, toks: list[re.Match[str]], k: int) -> bool:
    """Are tokens ``k`` and ``k + 1`` separated by spaces only?"""
    return not s[toks[k].end() : toks[k + 1].start()].strip()


def _month_surname(s: str, toks: list[re.Match[str]], k: int) -> bool:
    """Is the month word at ``k`` a surname, right after a first name or a title ("Theresa May",
    "Ms. May")?"""
    if toks[k].group() not in _MONTH_NAMES or k == 0 or not _adjacent(s, toks, k - 1):
        return False
    w = toks[k - 1].group()
    if w.lower().rstrip(".") in TITLES:
        return True
    return bool(_CAP.match(w)) and w not in _STOP_CAPS and not w[:1].isdigit()


def _month_first_name(s: str, toks: list[re.Match[str]], k: int) -> bool:
    """Is the month word at ``k`` a first name, opening a capitalised name with no word that
    makes it a date before it ("April Mellody, a spokeswoman", but not "in April Ruiz said")?"""
    if toks[k].group() not in _MONTH_NAMES or k + 1 >= len(toks) or not _adjacent(s, toks, k):
        return False
    if k > 0 and toks[k - 1].group().lower() in _DATE_LEAD:
        return False
    return _month_surname(s, toks, k) or (k == 0 or not _adjacent(s, toks, k - 1))


#: Adverbs and auxiliaries that stand between a subject and its verb ("the mayor also said",
#: "Her campaign quickly released"), never the last word of a speaker phrase.
_BETWEEN_SUBJECT_AND_VERB = _wordset("""
    also later then again once previously recently repeatedly reportedly simply just now still
    further earlier today yesterday tonight never not has have had was were would will is are did
    does do could can should might may must
    """)
#: Words in -ly that end a noun phrase ("the elderly", "an ally", "the family").
_LY_NOT_ADVERB = _wordset("""
    elderly early only friendly likely daily weekly monthly yearly family ally rally belly
    italy july holy lovely lonely ugly silly jolly bully
    """)


def _after_head(word: str) -> bool:
    """Is the lower-case ``word`` one that follows a subject's head before its verb?"""
    return word in _BETWEEN_SUBJECT_AND_VERB or (
        word.endswith("ly") and len(word) > 4 and word not in _LY_NOT_ADVERB
    )


def _owned_participle(toks: list[re.Match[str]], j: int) -> bool:
    """Is ``toks[j]`` an -ed word after a possessive ("Ruiz’s fired campaign manager"): a
    participle describing the noun, not a cue verb?"""
    return (
        toks[j].group().endswith("ed")
        and j > 0
        and _POSSESSIVE_END.search(toks[j - 1].group()) is not None
    )


def _possessive_owner(s: str, toks: list[re.Match[str]], j: int) -> int | None:
    """Where the capitalised owner ending in ``toks[j]`` ("Tom Lind’s") starts, when a
    lower-case phrase headed by a person noun follows it; else None."""
    w = toks[j].group()
    if j >= len(toks) - 1 or not _CAP.match(w) or not re.search(r"\w['’]s$", w):
        return None
    if w[:-2] in _STOP_CAPS or not any(t.group().lower() in _ROLE_NOUNS for t in toks[j + 1 :]):
        return None
    k = j
    while (
        k > 0
        and not s[toks[k - 1].end() : toks[k].start()].strip()
        and _CAP.match(toks[k - 1].group())
        and toks[k - 1].group() not in _STOP_CAPS
    ):
        k -= 1
    return toks[k].start()


_NUMBER_WORDS = (
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    r"a\s+dozen|a\s+few|a\s+handful\s+of|a\s+group\s+of|a\s+number\s+of)"
)
_APPROX_BEFORE = re.compile(
    r"\b(?:about|nearly|almost|roughly|some|around|over|more\s+than|at\s+least)\s+$", re.IGNORECASE
)
#: A head count of people ("About 200 protesters", "Hundreds of demonstrators", "Two aides").
_HEAD_COUNT = re.compile(
    r"((?:(?:about|nearly|almost|roughly|some|around|over|more\s+than|at\s+least)\s+)?"
    r"(?:" + _NUMBER_WORDS + r"|\d[\d,]*|hundreds|thousands|dozens|scores|tens\s+of\s+thousands)"
    r"(?:\s+of)?(?:\s+(?:the|those|these|their))?(?:\s+[\w'’-]+){0,2}?\s+(?P<noun>[a-z]+s))\b",
    re.IGNORECASE,
)
#: Lower-case words that may open a bare plural speaker phrase ("federal prosecutors said").
_BARE_MODIFIERS = _wordset("""
    federal state local former senior top many some several other two three four five few most
    foreign legal political military party campaign white house senate congressional democratic
    republican conservative liberal progressive independent veteran longtime
    """)
_PHRASE_BREAK = _wordset("but and or nor so yet who that which whom where when while as if")
_CUE_STOP = _wordset(
    "is was are were be been has have had will would can could should may might must do does did "
    "not to of in on at for with by from"
)
#: A dateline: "HARBOURTON, May 3 (Wire) —", "AVEL, Ore., May 3 —", "Harbourton (Wire) –".
_DATELINE_TEXT = (
    r"(?:[A-Z][A-Z.'-]{2,}(?:\s+[A-Z][A-Z.'-]+)*(?:,\s*[A-Z][\w.]*\.?(?:\s+\d+)?){0,2}"
    r"(?:\s*\([A-Za-z. ]+\))?|[A-Z][\w.]+(?:\s+[A-Z][\w.]+)*\s*\([A-Z][A-Za-z. ]+\))\s*[—–-]+\s*"
)
_DATELINE = re.compile(r"[ \t]*" + _DATELINE_TEXT)
_INTRO = re.compile(
    r"(?:[@\s\"“”‘’'—–-]*)"
    r"(?:" + _DATELINE_TEXT + r")?"
    r"(?:(?:On|In|At|After|Before|During|Later|Earlier|Meanwhile|Hours|Days|"
    r"Also|But|And|However|Still|Then|Now|Last|This|Speaking|Asked|Since|When|While|As|For|From|"
    r"With|Under|Over|By|Yesterday|Today|Separately|Instead|Finally|Indeed|Of|Like|Unlike|"
    r"Responding|Writing|Appearing|Addressing|Although|Though|If|Once|Back|Earlier|Months|Weeks|"
    r"Years|Minutes|Moments|Shortly|Soon|Late|Early|"
    # An opening participle or adverb, but not a name that merely ends like one ("Carly Fiorina
    # threw …", "Fred Lee said …"): a capitalised word then a lower-case one follows a name.
    r"[A-Z][a-z]+(?:ed|ing|ly)(?!\s+[A-Z][a-z]+\s+[a-z]))\b[^,@]{0,80},\s*)?"
)


def _known_names(text: str, names: Sequence[tuple[int, str]]) -> frozenset[str]:
    """Capitalised words the text also uses mid-sentence or inside a full name (``names``):
    names, not words capitalised only because they open a sentence."""
    found = {_POSSESSIVE_END.sub("", w) for w in _MID_SENTENCE_CAP.findall(text)}
    for _, name in names:
        found.update(name.split())
    return frozenset(found)


def _plausible(mention: _Mention, known: frozenset[str]) -> bool:
    """Could a sentence-opening phrase name a speaker? Pronouns and role phrases headed by a
    person noun can; a capitalised phrase needs a title or a word the text capitalises
    mid-sentence too (so "Nothing", "Amid" or a datelined "PORTLAND" are not taken for names)."""
    if mention.kind != "name":
        return True
    words = re.findall(r"[\w'’.-]+", mention.text)
    for w in words:
        bare = _POSSESSIVE_END.sub("", w).rstrip(".")
        if (bare.lower() in TITLES or bare.lower() in _ROLE_NOUNS) and w[:1].isupper():
            return True
        if bare.isupper() and len(bare) > 3:
            continue
        if bare in known:
            return True
    return False


def _subject(masked: str, lo: int, hi: int, known: frozenset[str] | None = None) -> _Mention | None:
    """The grammatical subject that opens the sentence, after an introductory phrase.

    With ``known`` (see ``_known_names``) a phrase that cannot name a speaker gives None.
    """
    found = _subject_phrase(masked, lo, hi)
    if known is None:
        return found
    if found is not None and _plausible(found, known):
        return found
    # "Here in Columbia, Sanders stepped up …": skip one introductory phrase the list misses.
    comma = re.match(r"[^,;@]{2,70}?,\s+", masked[lo:hi])
    if comma is not None:
        again = _subject_phrase(masked, lo + comma.end(), hi)
        if again is not None and _plausible(again, known):
            return again
    return None


def _clause_subject(
    masked: str, lo: int, qa: int, cue_re: _CueWords, known: frozenset[str]
) -> _Mention | None:
    """The subject of a clause before the quote that holds a cue verb ("While those surveyed
    said …", "But a source familiar with the inquiry said …"), else of the clause before it."""
    for cm in cue_re.finditer(masked, lo, qa):
        start = lo
        for cb in re.finditer(
            r"[,;—–]\s*|\b(?:while|when|as|but|and|because|though)\s+",
            masked[lo : cm.start()],
            re.IGNORECASE,
        ):
            start = lo + cb.end()
        for begin in (start, lo):
            subj = _subject_phrase(masked, begin, cm.start())
            if subj is not None and subj.span[1] <= cm.start() and _plausible(subj, known):
                return subj
    return None


#: Nouns for something said or written, whose possessor is its speaker ("Lee’s claim that …").
_SPEECH_NOUNS = _wordset("""
    remark remarks comment comments claim claims statement statements word words warning
    warnings suggestion suggestions call calls description descriptions characterization
    characterisation promise promises pledge pledges vow vows assertion assertions insistence
    argument arguments attack attacks broadside broadsides criticism criticisms message messages
    rhetoric speech speeches phrase phrases slogan slogans line lines label labels term terms
    tweet tweets post posts reference references mispronunciation mispronunciations quip quips
    jab jabs dig digs retort boast boasts complaint complaints accusation accusations charge
    charges declaration declarations prediction predictions answer answers response responses
    reply replies question questions plea pleas demand demands insult insults joke jokes
    announcement admission denial endorsement praise pitch argument view views vision promise
    catchphrase mantra refrain motto battle-cry cry cries chant chants assessment verdict
    contention contentions
    """)
#: The noun is one of the speech nouns, so that modifiers before it are skipped ("his repeated
#: mispronunciations of “…”", "his confusing argument in favor of “…”").
_POSSESSOR = re.compile(
    r"(?:\b(?P<pron>his|her|their|its)|(?P<name>(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w-]*)['’]s?)"
    r"\s+(?:[\w-]+\s+){0,3}?(?P<noun>"
    + "|".join(sorted(_SPEECH_NOUNS, key=len, reverse=True))
    + r")\b(?P<tail>[^.;:!?@]{0,60}?)\s*@*$"
)
_COLON_OWNER = re.compile(
    r"(?P<owner>[\w.-]+)['’]s?"
    r"\s+(?:[\w-]+\s+){0,2}?(?P<noun>[a-z-]+)$"
)
#: "turned to the port director, " before a name and a colon: the name is in apposition to an
#: object, so the clause's subject speaks ("Chen turned to the port director, Tom Vale: “…”").
_OBJECT_APPOSITION_END = re.compile(
    r"\b(?:to|at|with|toward|towards|on|asked|told|pressed|addressed|thanked|introduced)\s+"
    r"(?:the|a|an|his|her|their|its)\s+[a-z][a-z -]{0,40},\s*$"
)
#: A sentence opened by someone's speech noun and a short predicate before a colon: "Ruiz’s
#: response was blunt:", "His answer came quickly:".
_OWNER_NOUN_SUBJECT = re.compile(
    r"[\s@\"“”‘’'—–-]*"
    r"(?P<owner>(?:[A-Z][\w.'’-]*[ \t]+){0,3}?[A-Z][\w.-]*['’]s?|[Hh]is|[Hh]er|[Tt]heir)"
    r"[ \t]+(?:[a-z-]+[ \t]+)?(?P<noun>[a-z]+)[ \t]+(?:was|is|came|comes)\b[^:@.;!?]{0,60}$"
)
_POSSESSIVE_PRONOUN = {"his": "he", "her": "she", "their": "they", "its": "it"}


def _possessor(masked: str, lo: int, qa: int) -> _Mention | None:
    """The possessor of a speech noun that governs the quote ("Lee’s claim that the pier was
    “unsafe”", "his warning that …", "in Ruiz’s words, “…”")."""
    m = _POSSESSOR.search(masked, max(lo, qa - 140), qa)
    if m is None or m.group("noun") not in _SPEECH_NOUNS:
        return None
    if not re.match(r"\s*(?:(?:that|of|about|against|for|on|over|to|in)\b|,\s*$)", m.group("tail")):
        # "Lee called Ruiz’s remarks “childish”": the noun is an object, not the quote's head.
        return None
    if m.group("tail").strip() == "," and not re.search(r"\b[Ii]n\s*$", masked[lo : m.start()]):
        return None
    if m.group("pron"):
        pron = m.group("pron")
        return _Mention(m.span("pron"), _POSSESSIVE_PRONOUN[pron.lower()], "pronoun")
    return _name_mention(masked, *m.span("name"))


def _possessive_subject(
    masked: str, lo: int, mention: _Mention, known: frozenset[str]
) -> _Mention | None:
    """ "She did not limit her attacks, calling for “…”": the sentence's subject pronoun that the
    possessive pronoun refers back to (a named subject is often someone else's: "Lind's temper
    came under scrutiny: he was challenged over his …")."""
    subj = _subject(masked, lo, mention.span[0], known)
    if subj is None or subj.span[1] > mention.span[0]:
        return None
    if subj.kind == "pronoun" and subj.text.lower() == mention.text.lower():
        return subj
    return None


_LABEL_CLAUSE = re.compile(r"[\s@\"“‘']*((?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’.-]*):\s+[^@\s]")


def _label_before(masked: str, lo: int, qa: int) -> _Mention | None:
    """A headline's speaker label: "Ruiz: Harbour plan is ‘reckless’" is Ruiz's."""
    m = _LABEL_CLAUSE.match(masked, lo, qa)
    if m is None or m.group(1).split()[0] in _STOP_CAPS:
        return None
    return _Mention(m.span(1), m.group(1), "name")


def _nearest_subject(
    masked: str, lo: int, qa: int, cue_re: _CueWords, known: frozenset[str]
) -> _Mention | None:
    """The subject of the nearest clause before the quote that has a subject and a verb: a scare
    quote belongs to whoever the clause holding it reports on ("When Lee arrived, Ruiz thanked
    the crew for its “heroics”" is Ruiz's)."""
    if cue_re.search(masked, lo, qa):
        # "Ruiz, who …, said the days when the port had “…” are gone": a speech verb's subject.
        return None
    found = _coordinated_subject(masked, lo, qa, qa)
    if found is None or not _plausible(found.mention, known):
        return None
    words = found.mention.text.lower().split()
    if (
        found.mention.kind == "role"
        and words[0] in _POSSESSIVE_PRONOUN
        and not any(w in _ROLE_NOUNS for w in words)
    ):
        # "Lee has been busy, but his guilty pleasure is “…”": a thing of his does not speak.
        return None
    return found.mention


_PRONOUN_CALLS = re.compile(
    r"\b(he|she|it|they|we|I)\s+(?:\w+ly\s+)?(?:calls|call|terms|labels|brands)\b[^@.;:!?]{0,40}$",
    re.IGNORECASE,
)


def _pronoun_calls(masked: str, lo: int, qa: int) -> _Mention | None:
    """A noun-form cue after a subject pronoun: "a campaign he calls “…”", "what it calls “…”"
    ("calls" alone is more often a noun, so it is left out of the cue lexicon)."""
    while qa > lo and masked[qa - 1] == "@":
        qa -= 1
    m = _PRONOUN_CALLS.search(masked, max(lo, qa - 80), qa)
    if m is None:
        return None
    if _WHAT_BEFORE.search(masked, max(lo, m.start() - 8), m.start()) and _cue_regex(
        CUE_VERBS
    ).search(masked, lo, m.start()):
        return None  # "asked Lee, referring to what he calls “…”": the cue's subject decides
    return _Mention(m.span(1), m.group(1), "pronoun")


_MAIN_VERBS = _wordset("has had is was are were will would told says said took made gave")
_BACK_TO_MAIN = re.compile(r",\s+(?:\w+ly\s+)?([a-z]+)\b")
_RELATIVE = re.compile(r"(?:,|\s[—–-]+)\s*(who|which)\s+(?!is\b|are\b|was\b|were\b)")


def _relative_holder(masked: str, lo: int, qa: int, known: frozenset[str]) -> _Mention | None:
    """The phrase a relative clause holding the quote describes: "Lee, who has cast himself as
    the “…”" is Lee's (the span is the relative pronoun, as for a cue inside the clause)."""
    while qa > lo and masked[qa - 1] == "@":
        qa -= 1
    last = None
    for m in _RELATIVE.finditer(masked, max(lo, qa - 160), qa):
        last = m
    if last is None or re.search(r"[;:@—–()!?]|\.\s", masked[last.end() : qa]):
        return None
    if _cue_regex(CUE_VERBS).search(masked, last.end(), qa):
        return None  # a cue of its own: the cue rules decide
    for back in _BACK_TO_MAIN.finditer(masked, last.end(), qa):
        verb = back.group(1)
        if verb in CUE_VERBS or verb.endswith("ed") or verb in _MAIN_VERBS:
            return None  # "Lee, who …, told the board the plan was “…”": back in the main clause
    head = _np_at_end(masked[lo : last.start()], lo)
    if head is None or head.kind not in ("name", "role") or not _plausible(head, known):
        return None
    if _abstract(head):
        return None
    return _Mention(last.span(1), head.text, "relative")


def _role_head(masked: str, toks: list[re.Match[str]], start: int, end: int) -> _Mention | None:
    """The phrase from ``toks[start]`` to its last person noun before ``toks[end]``, if any.

    The phrase ends before a verb: "The senator emailed supporters", "Lee rallied supporters"
    hold no phrase "… supporters"."""
    for k in range(start + 1, end):
        if _verb_after_head(toks, k):
            end = k
            break
    for k in range(end - 1, start, -1):
        w = toks[k].group()
        if w.lower() in _ROLE_NOUNS or (w.lower().rstrip("s") in _ROLE_NOUNS and len(w) > 3):
            a, b = toks[start].start(), toks[k].end()
            return _Mention((a, b), masked[a:b], "role")
    return None


#: Words that open a plural speaker phrase without a determiner ("Two analysts said").
_QUANTIFIERS = _wordset(
    "some many several most few both two three four five six seven eight nine ten dozens "
    "hundreds thousands multiple other others those these"
)


_NUMBER = (
    r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|half|a\s+third|a\s+quarter|a\s+majority|a\s+minority)"
)
_SHARE = re.compile(
    r"((?:(?:about|nearly|almost|roughly|some|only|just|more\s+than|fewer\s+than|less\s+than|"
    r"over|under|around)\s+)?" + _NUMBER + r"(?:[\s-]+" + _NUMBER + r")?"
    r"(?:\s+(?:in|out\s+of)\s+" + _NUMBER + r"|\s*(?:percent|per\s+cent|%))?"
    r"(?:\s+of)?(?:\s+(?:the|all|those|these)\b)?"
    r"(?:\s+(?!(?:said|say|says|were|are|agreed|think|thought|believe|believed)\b)"
    r"[\w'’-]+){0,6}?)"
    r"(?=\s+(?:who\s+\w+\s+)?(?:said|say|says|told|agreed|agree|think|thought|believe|"
    r"believed|called|described|were|are|answered|picked|chose|named|rated|expressed)\b)",
    re.IGNORECASE,
)


_AUXILIARIES = _wordset(
    "did does do has have had is are was were will would can could should may might must"
)


def _titled_name_after(masked: str, toks: list[re.Match[str]], k: int) -> int | None:
    """Where a capitalised run from ``toks[k]`` ends when it is a title and then a name of two
    or more words ("Avel City Mayor Bo Lind"), else None."""
    if k >= len(toks):
        return None
    run: list[re.Match[str]] = []
    for t in _WORD.finditer(masked, toks[k].start(), toks[k].start() + 100):
        if not _CAP.match(t.group()) or (run and masked[run[-1].end() : t.start()].strip()):
            break
        run.append(t)
    titles = [i for i, t in enumerate(run) if t.group().lower().rstrip(".") in TITLES]
    if not titles or len(run) - titles[-1] - 1 < 2:
        return None
    return run[-1].end()


def _subject_phrase(masked: str, lo: int, hi: int) -> _Mention | None:
    m = _INTRO.match(masked, lo, hi)
    p = m.end() if m else lo
    while p < hi and masked[p] in " @\"“”‘’'—–-":
        p += 1
    toks: list[re.Match[str]] = []
    for t in _WORD.finditer(masked, p, min(hi, p + 120)):
        if toks and masked[toks[-1].end() : t.start()].strip() not in ("",):
            break
        toks.append(t)
        if len(toks) >= 8:
            break
    if not toks:
        return None
    w0 = toks[0].group()
    if w0.lower() in _PRONOUNS and w0.lower() != "it":
        return _Mention(toks[0].span(), w0, "pronoun")
    contracted = _CONTRACTED.fullmatch(w0)
    if contracted is not None:
        # "We’ve seen this sort of “…”", "I’m told …": the pronoun of a contraction.
        a0 = toks[0].start()
        return _Mention((a0, a0 + contracted.end(1)), contracted.group(1), "pronoun")
    share = _SHARE.match(masked, p, hi)
    if share is not None:
        # "About four in 10 voters said", "Sixty percent of Democrats say": a poll's respondents.
        return _Mention(share.span(1), share.group(1), "role")
    count = _HEAD_COUNT.match(masked, p, hi)
    if count is not None and count.group("noun").lower() in _ROLE_NOUNS:
        # "About 200 protesters gathered", "Hundreds of demonstrators chanted".
        return _Mention(count.span(1), count.group(1), "role")
    if w0.lower() in _DETERMINERS or w0.lower() in _QUANTIFIERS:
        end = 1
        while end < len(toks) and end <= 4 and toks[end].group().lower() not in _CUE_STOP:
            if toks[end].group().lower() in CUE_VERBS and end > 1:
                break
            if (
                end > 2
                and toks[end].group().islower()
                and toks[end].group() not in _BODY_NOUNS
                and toks[end].group() not in _ROLE_NOUNS
                and all(_CAP.match(t.group()) for t in toks[1:end])
                and _POSSESSIVE_END.search(toks[1].group()) is not None
            ):
                break  # "The Blaze’s Matt Walsh provided …": the owner's person, then a verb
            end += 1
        if end == 1:
            return None
        a, b = toks[0].start(), toks[end - 1].end()
        if all(_CAP.match(t.group()) for t in toks[1:end]):
            if end < len(toks) and toks[end].group() in ("of", "on", "for"):
                titled = _titled_name_after(masked, toks, end + 1)
                if titled is not None:
                    # "The Council on Harbour Relations Executive Director Ana Ruiz says": the
                    # organisation and office before the name of the person who holds it.
                    return _Mention((a, titled), masked[a:titled], "name")
            return _Mention((a, b), masked[a:b], "name")
        return _role_head(masked, toks, 0, end) or _Mention((a, b), masked[a:b], "role")
    if _CAP.match(w0) and w0 not in _STOP_CAPS and len(toks) > 1 and toks[1].group().islower():
        # "Legal observers say …", "Federal labor groups …": a phrase headed by a person noun.
        role = _role_head(masked, toks, 0, min(len(toks), 4))
        nxt = next((t for t in toks if t.start() >= (role.span[1] if role else 0)), None)
        inner = [t.group().lower() for t in toks[1:] if role and t.end() < role.span[1]]
        if role is not None and nxt is not None and nxt.group() == "and":
            titled = _titled_name_after(masked, toks, toks.index(nxt) + 1)
            if titled is not None:
                # "Former prosecutor and Avel City Mayor Bo Lind trashed …": two offices of
                # one person, whose name ends the phrase.
                return _Mention((toks[0].start(), titled), masked[toks[0].start() : titled], "name")
        if (
            role is not None
            and (nxt is None or not _CAP.match(nxt.group()))
            and not any(w in _DETERMINERS or w in _AUXILIARIES or w in CUE_VERBS for w in inner)
        ):
            # (Not "Lind did post", "Lind issued a statement", "Lind told listeners": a verb
            # or an article comes between the name and the noun, so they are no phrase.)
            return role
    if (
        w0.endswith("ly")
        and len(toks) > 1
        and _PARTICIPLE_WORD.fullmatch(toks[1].group()) is not None
    ):
        return None  # "Hastily politicizing the storm, Lind …": an adverb, not a name
    if _CAP.match(w0) and w0 not in _STOP_CAPS:
        end = 0
        while end < len(toks):
            w = toks[end].group()
            low = w.lower()
            if (
                (_CAP.match(w) and (w not in _STOP_CAPS or end == 0))
                or low in _PARTICLES
                or low.rstrip(".") in TITLES
                or low in _ROLE_NOUNS
            ):
                end += 1
            elif skip := _described_gap(toks, end):
                end += skip
            else:
                break
        while end > 0 and not _CAP.match(toks[end - 1].group()):
            end -= 1
        if end == 0:
            return None
        a, b = toks[0].start(), toks[end - 1].end()
        return _Mention((a, b), masked[a:b], "name")
    return None


_PARTICIPLE_WORD = re.compile(r"[a-z]+(?:ing|ed)")


def _described_gap(toks: list[re.Match[str]], end: int) -> int:
    """How many lower-case words at ``end`` describe the name that follows them ("Former Avel
    mayoral candidate Ana Ruiz": "mayoral candidate"); 0 when they do not."""
    k = end
    while k < len(toks) and k - end < 3 and toks[k].group().islower():
        if (
            toks[k].group() in _CUE_STOP
            or toks[k].group() in _PHRASE_BREAK
            or toks[k].group() in CUE_VERBS
            # "Ana Ruiz attacked former mayor Tom Vale": a verb, not a description
            or (toks[k].group().endswith("ed") and toks[k].group() not in _PRE_NAME_SET)
        ):
            return 0
        k += 1
    if k == end or k >= len(toks) or not _CAP.match(toks[k].group()):
        return 0
    head = toks[k - 1].group().rstrip(".")
    return k - end if head in TITLES or head in _ROLE_NOUNS else 0


#: Lower-case words that may stand between a cue verb and a name ("said former Gov. Ann Lee",
#: "said pollster Tim Ode", "added Justice Department senior counsel Ana Roy").
_PRE_NAME = sorted(
    w
    for w in _ROLE_NOUNS
    | TITLES
    | _wordset("""
        former then longtime veteran senior junior top acting retired late fellow state federal
        national local chief deputy executive campaign press trial counsel general assistant
        associate managing political foreign policy legal health security communications
        """)
    if w.isalpha()
)
_PRE_NAME_SET = frozenset(_PRE_NAME)
_NP_AFTER = re.compile(
    r"""\s*,?\s*(?:
        (?P<pron>\b(?:he|she|they|it|I|we)\b)
      | (?P<det>(?:the|a|an|his|her|their|its|one|another|some|several|many|two|three|both|
        [A-Z][\w'’.-]*['’]s?)\s+
        (?:(?!(?:is|was|are|were|could|would|should|can|will|may|might|must|has|had|have|did|does)\b)
        [\w.'’-]+\s+){0,4}?[\w'’.-]+?)
        (?=\s*(?:,|\.|;|:|$|\s+(?:on|in|at|of|who|during|after|before|about|to|that|when|while|
        adding|saying|as|told|last|this|with|from|familiar|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b))
      | (?P<name>(?:(?:[A-Z][\w'’.-]*\.?|\d{1,2}(?:st|nd|rd|th)|MODIFIERS)\s+){0,7}
        (?:(?<=[A-Za-z.]\s)PARTICLE_WORDS\s+){0,2}
        (?:[A-Z][\w'’-]*|PARTICLE_JOINED[\w'’-]*))
    )""".replace("MODIFIERS", "|".join(sorted(_PRE_NAME, key=len, reverse=True)))
    .replace("PARTICLE_WORDS", _PARTICLE_WORDS)
    .replace("PARTICLE_JOINED", _PARTICLE_JOINED),
    re.VERBOSE,
)
_BARE_ONE = re.compile(r"\s+(another|one|others|some)(?=\s*(?:[.;]|$))")
_APPOSITION_NAME = re.compile(
    r"(?:\s+(?:at\s+the\s+time|at\s+that\s+time|then))?"
    r"\s*,\s*(?P<name>(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)"
)
#: A role's apposition that describes its holder before naming them: ", actress Ana Ruiz".
_DESCRIBED_APPOSITION = re.compile(
    r"\s*,\s*(?P<desc>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+"
    r"(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}\s+[A-Z][\w'’-]*)(?=\s*(?:[,.;]|$))"
)
#: What a role holds, between the role and its holder's name: "the head [of security at the
#: port], Bo Lind".
_ROLE_OF = re.compile(r"\s+of\s+(?:[\w'’.-]+\s+){0,5}?[\w'’.-]+(?=\s*,)")


#: After a capitalised place or employer: lower-case job words, then the person's name.
_DESCRIBED_NAME = re.compile(
    r"((?:[ \t]+[a-z][\w-]*){1,3})[ \t]+((?:[A-Z][\w'’.-]*[ \t]+){1,3}[A-Z][\w'’-]*)"
    r"(?=\s*(?:[,.;:]|$|\s+(?:of|on|in|at|who|told|when|while)\b))"
)


#: A lower-case role word right after a capitalised run, ending the phrase: "Avel mayor.",
#: "Avel police on Monday".
_NAME_THEN_ROLE = re.compile(
    r"[ \t]+(?:[a-z][a-z-]*[ \t]+)?([a-z]+)(?=[ \t]*(?:[,.;:]|$)|[ \t]+(?:on|in|at|after|"
    r"before|during|about|of|last|this|who|when|while|adding|saying|told)\b)"
)


#: The name after a title's full stop: " Jesse Jackson" in "the Rev. Jesse Jackson".
_NAME_AFTER_ABBREV = re.compile(r"[ \t]+((?:[A-Z][\w'’-]*\.?[ \t]+){0,3}[A-Z][\w'’-]+)")


def _np_after(masked: str, pos: int, hi: int, *, any_det: bool = False) -> _Mention | None:
    """The speaker phrase right after a cue verb ("said the envoy, Dorothy Shea", "said Smith").

    A determiner phrase needs a role noun or a capital ("the ministry", "the US envoy") unless
    ``any_det`` says the position leaves no other reading ("…,” said the 46-year-old.").
    """
    m = _NP_AFTER.match(masked, pos, hi)
    if m is None:
        bare = _BARE_ONE.match(masked, pos, hi)
        if bare is not None and any_det:
            # "“…,” tweeted another.": one of a group already described speaks.
            return _Mention(bare.span(1), bare.group(1), "role")
        return None
    if m.group("pron"):
        return _Mention(m.span("pron"), m.group("pron"), "pronoun")
    if m.group("det"):
        a, b = m.span("det")
        words = masked[a:b].lower().split()
        if (
            len(words) == 2
            and words[0] == "the"
            and words[1] in _NAME_ABBREVS
            and masked[b : b + 1] == "."
        ):
            titled = _NAME_AFTER_ABBREV.match(masked, b + 1, hi)
            if titled is not None and _looks_like_name(titled.group(1)):
                # "said the Rev. Jesse Jackson": the phrase ran to the title's full stop.
                start = b - len(words[1])
                return _Mention((start, titled.end(1)), masked[start : titled.end(1)], "name")
        if (
            not any_det
            and not any(w.strip(".,") in _ROLE_NOUNS for w in words)
            and not any(_CAP.match(w) for w in masked[a:b].split()[1:])
        ):
            return None
        app = _APPOSITION_NAME.match(masked, b, hi)
        if app is None and (held := _ROLE_OF.match(masked, b, hi)) is not None:
            app = _APPOSITION_NAME.match(masked, held.end(), hi)
        if app is not None and _looks_like_name(app.group("name")):
            return _Mention(app.span("name"), app.group("name"), "name")
        described = _DESCRIBED_APPOSITION.match(masked, b, hi)
        if described is not None and not any(
            w in _PHRASE_BREAK or w in _CUE_STOP or w in CUE_VERBS
            for w in described.group("desc").split()
        ):
            # "said Clinton’s introducer, actress Jamie Lee Curtis": a described name.
            return _Mention(described.span("name"), described.group("name"), "name")
        return _Mention((a, b), masked[a:b], "role")
    a, b = m.span("name")
    tail = _NAME_THEN_ROLE.match(masked, b, hi)
    if tail is not None and tail.group(1) in _ROLE_NOUNS and masked[a:b] not in _STOP_CAPS:
        # "says Avel mayor", "said Avel police": a place or a body, then the role, and no name
        # after it: the role speaks, not the place.
        return _Mention((a, tail.end()), masked[a : tail.end()], "role")
    described = _DESCRIBED_NAME.match(masked, b, hi)
    if (
        described is not None
        and described.group(1).split()[-1] in _ROLE_OR_TITLE
        and not any(w in _NOT_SUBJECT or w in CUE_VERBS for w in described.group(1).split())
    ):
        # "said Idaho nutritional-supplement executive Ana Ruiz": a place or an employer, the
        # job, then the person.
        return _Mention((a, described.end()), masked[a : described.end()], "name")
    return _name_mention(masked, a, b)


def _name_mention(masked: str, a: int, b: int) -> _Mention | None:
    """A capitalised run as a name mention, without the sentence-opening words it may start with
    ("But Ruiz" -> "Ruiz"); None when nothing but such words is left."""
    words = masked[a:b].split()
    while words and words[0] in _STOP_CAPS:
        a += len(words[0]) + 1
        words = words[1:]
    if not words:
        return None
    while len(words) > 1 and words[-1].rstrip(".,").lower() in _WEEKDAYS:
        # "said Ruiz Wednesday": the mention ends at the name.
        b = a + len(masked[a : b - len(words[-1])].rstrip())
        words = words[:-1]
    return _Mention((a, b), masked[a:b], "name")


def _looks_like_name(s: str) -> bool:
    """Capitalised words, perhaps with particles after the first ("Bill de Blasio", "Abdel
    Fattah al-Sisi"), not opening with a sentence word."""
    words = s.split()
    return (
        bool(words)
        and bool(_CAP.match(words[0]))
        and words[0] not in _STOP_CAPS
        and words[-1] not in _PARTICLES
        and all(_CAP.match(w) or w in _PARTICLES or _PARTICLE_NAME.fullmatch(w) for w in words[1:])
    )


def _mask_titles(text: str, masked: str, quotes: Sequence[Quote]) -> str:
    """``masked`` with the quoted phrases of two words or more that are not speech blanked out
    ("co-author of “Those Guys Have All the Fun”"), so no name inside a title stands for a
    speaker. They become ``_``, not the ``@`` of a quote: a title is a noun phrase of the
    writer's sentence, which the rules should read past. A stop or comma typed inside the
    closing mark stays at the run's end, since it belongs to that sentence too ("Later on “This
    Week,” Senator Ruiz said")."""
    spans = [q.span for q in quotes]
    chars: list[str] | None = None
    k = 0
    for a, b in quote_regions(text):
        while k < len(spans) and spans[k][1] <= a:
            k += 1
        if (k < len(spans) and spans[k][0] < b) or " " not in text[a:b].strip():
            continue
        if chars is None:
            chars = list(masked)
        i, j = a, b
        while i > 0 and text[i - 1] in _QUOTE_CHARS and i > a - 2:
            i -= 1
        while j < len(text) and text[j] in _QUOTE_CHARS and j < b + 2:
            j += 1
        for x in range(i, j):
            if chars[x] != "\n":
                chars[x] = "_"
        if text[b - 1] in ",.;:!?":
            chars[j - 1] = text[b - 1]
    return masked if chars is None else "".join(chars)


def _mask(text: str, quotes: Sequence[Quote]) -> str:
    """The text with every quote (and its marks) replaced by ``@`` so cues inside are not seen."""
    chars = list(text)
    for q in quotes:
        a, b = q.span
        while a > 0 and (text[a - 1] in _QUOTE_CHARS or text[a - 1] == " ") and a > q.span[0] - 2:
            a -= 1
        while (
            b < len(text)
            and b < q.span[1] + 4
            and (
                text[b] in _QUOTE_CHARS or (text[b] == " " and text[b + 1 : b + 2] in _QUOTE_CHARS)
            )
        ):
            # Up to three closing marks, perhaps spaced: a nested quote closing just before
            # the outer one, typed as ’”, as three apostrophes or as ' then a spaced ".
            b += 1
        for k in range(a, b):
            if chars[k] not in "\n":
                chars[k] = "@"
    return "".join(chars)


#: Rules that find a speaker from a cue next to the quote, which a later quote may inherit.
_FIRM_RULES = _wordset("f1 f2 f3 f4 f5 f6 f7 before rel label signature inherit-para")

#: The firm rules and a late inherit from one: an unconfident ranker guess that picks the
#: speaker one of them gave the quote before keeps its name.
_CONFIRMED_RULES = _FIRM_RULES | {"inherit-para-late"}

#: Debug hook: when a list, ``attribute`` appends the rule that attributed each quote.
_TRACE: list[str] | None = None


@dataclass(slots=True)
class _Found:
    mention: _Mention
    cue_pos: int
    rule: str = ""
    #: The mention the benchmark-style source span points at when it is not the speaker's own
    #: ("…,” Lee said, according to the Gazette": Lee speaks, the Gazette is the source).
    source: Span | None = None


def _find_cue(masked: str, q: Quote, lo: int, hi: int, cue_re: _CueWords) -> _Found | None:
    """A cue construction for the quote within [lo, hi) of the masked text."""
    qa = q.span[0]
    qb = q.span[1]
    while qb < hi and masked[qb] == "@":
        qb += 1
    while qa > lo and masked[qa - 1] == "@":
        qa -= 1
    whom = _whom_described(masked, lo, qa)
    if whom is not None:
        return whom
    sub_cue = _subordinate_quote(masked, lo, qa, cue_re) if qb < hi else None
    if sub_cue is not None:
        # "When a man in the crowd shouted, “…,” Lind joked": the quote belongs to the opening
        # clause's cue, not to the main clause after it.
        opening = _find_cue(masked, q, lo, qb, cue_re)
        if opening is not None:
            return opening
        opener = _subordinate_subject(masked, lo, qa, sub_cue)
        if opener is not None:
            return opener
    # 1. Right after the quote: ", Shea said", ", said the envoy, Dorothy Shea", ", according to X".
    m = _PUNCT_RUN.match(masked[qb:hi])
    p = qb + (m.end() if m else 0)
    acc = _ACCORDING_TO.match(masked[p:hi])
    if acc:
        mention = _np_after(masked, p + acc.end(), hi)
        if mention:
            return _Found(rule="f1", mention=mention, cue_pos=p)
    heard = _heard_saying(masked, p, hi) or _was_another(masked, q, qb, p, hi)
    if heard is not None:
        return heard
    as_put = _AS_PUT_AFTER.match(masked, p, hi)
    if as_put is not None:
        # "“a throwback,” as one analyst put it": the phrase between "as" and its verb.
        mention = _np_at_end(masked[as_put.start(1) : as_put.end(1)], as_put.start(1))
        if (
            mention is not None
            and mention.span[0] == as_put.start(1)
            and mention.kind != "pronoun"  # "…,” as she put it": her name is in the clause
        ):
            return _Found(rule="as-put", mention=mention, cue_pos=as_put.end(1))
    cm = cue_re.match(masked, p, hi) or _READS.match(masked, p, hi)
    if (
        cm is None
        and (
            q.text.rstrip()[-1:] in (",", "!", "?") or _MARK_THEN_PUNCT.match(masked[q.span[1] : p])
        )
        and not _LETTER.search(masked[lo:qa])
    ):
        # "“This is fantastic!” beamed Hartley": any past-tense verb right after such a quote.
        cm = _PAST_VERB.match(masked, p, hi)
    if cm and cm.group().lower() not in _OBJECT_VERBS and not _participle(cm):
        mention = _office_name(masked, cm.end(), hi) or _np_after(
            masked, cm.end(), hi, any_det=True
        )
        if mention is None:
            # "…,” said retired neurosurgeon Bo Lind: a bare description before the name.
            mod = _MODIFIED_NAME.match(masked, cm.end(), hi)
            if mod is not None:
                mention = _Mention(mod.span(1), mod.group(1), "name")
        if mention and not _owned_object(cm, mention):
            return _reported_by(masked, _Found(rule="f2", mention=mention, cue_pos=cm.start()), hi)
    after = [m for m in (cue_re.search(masked, p, min(hi, p + 100)),) if m is not None]
    rd = _READS.search(masked, p, min(hi, p + 60))
    if rd is not None and (not after or rd.start() < after[0].start()):
        # "“…,” the letter reads.": the text that carries the words is its source.
        after = [rd]
    for cm in after:
        if "@" in masked[p : cm.start()]:
            break
        if _answers_next(masked, q, lo, qa, cm, cue_re):
            break
        if cm.group().lower() in _EXPRESS:
            break  # "“…,” Ruiz expressed a desire to …": the verb's object is not this quote
        mention = _np_before(masked, p, cm.start()) or _word_surname(masked, p, cm.start())
        if (
            mention is not None
            and not masked[p : mention.span[0]].strip(" ,")
            and not (
                q.text.rstrip()[-1:].isalnum()
                and not masked[qb : mention.span[0]].strip(" " + _QUOTE_CHARS + "@")
                and _LETTER.search(masked[lo:qa])
            )
        ):
            # (Not the words a spliced fragment runs on into: "Ruiz, who added that she
            # “never wrote” the memo, demanded …": the memo is the fragment's object.)
            return _reported_by(masked, _Found(rule="f3", mention=mention, cue_pos=cm.start()), hi)
        break
    pressed = _past_verb_after(masked, q, lo, qa, p, hi)
    if pressed is not None:
        return pressed
    # 2. Before the quote. The first cue with a subject wins ("Cruz said he is sure Rubio will
    # continue to be “…”" is Cruz's), except that a relative clause holding the quote wins over
    # its main clause ("X praised Y, who vowed “…”" is Y's).
    agent = (
        _naming_agent(masked, lo, qa, qb, hi)
        or _as_described_by(masked, qb, hi)
        or _as_x_said(masked, qb, hi, cue_re)
        or _agent_as(masked, lo, qa)
        or _possessor_around(masked, lo, qa, qb, hi)
        or _object_that_reads(masked, lo, qa)
        or (_passive_after(masked, qb, hi) if cue_re.search(masked, lo, qa) is None else None)
    )
    if agent is not None:
        return agent
    speech_owner = _near_owner(masked, lo, qa) or _noun_of_owner(masked, lo, qa)
    if speech_owner is not None:
        # "Fitton called Ruiz’s assertion of a “…” disturbing": the owner of the speech noun
        # the quote completes said it, whoever reports on it.
        return _Found(speech_owner, qa, "possessor")
    dash_label = _DASH_LABEL.search(masked, max(lo, qa - 60), qa)
    if dash_label is not None and dash_label.group(1).split()[0] not in _STOP_CAPS:
        # "Pollsters agree - Ana Ruiz: “…”": a roundup's speaker label after a dash.
        a, b = dash_label.span(1)
        return _Found(_Mention((a, b), masked[a:b], "name"), b, "f5")
    cands: list[tuple[_Found, int]] = []
    for cm in cue_re.finditer(masked, lo, qa):
        candidate = _cue_before(masked, cm, lo, qa, hi)
        if candidate is not None:
            cands.append((candidate, cm.end()))
    if not cands:
        rd = _READS_BEFORE.search(masked, max(lo, qa - 40), qa)
        if rd is not None:
            # "At the bottom it reads, “…”", "The sign reads: “…”".
            mention = _np_at_end(masked[lo : rd.start()], lo)
            prep = mention and re.search(
                r"\s+(?:on|of|in|at|from)\s+$", masked[lo : mention.span[0]]
            )
            if mention is not None and prep:
                head = _np_at_end(masked[lo : mention.span[0] - len(prep.group())], lo)
                if head is not None and head.kind in ("name", "role"):
                    mention = head  # "The sign on the pier reads:": the sign
            if mention is not None and mention.kind in ("name", "role", "pronoun"):
                return _Found(mention, rd.start(), "before")
    if cands:
        k = len(cands) - 1
        while k > 0:
            inner = cands[k][0].mention.span[0]
            outer_end = cands[k - 1][1]
            if (
                inner >= outer_end
                and (
                    _NESTED_GAP.fullmatch(masked, outer_end, inner)
                    or _REMARKS_GAP.fullmatch(masked, outer_end, inner)
                )
                and not _OWN_CLAUSE_OPENER.match(masked, outer_end, inner)
            ):
                k -= 1
                continue
            break
        for j in range(k):
            aside = cands[j][0]
            if (
                aside.mention.span[0] > cands[k][0].mention.span[1]
                and masked[cands[j][1] : cands[j][1] + 1] == ","
                and masked[max(lo, aside.mention.span[0] - 2) : aside.mention.span[0]] == ", "
            ):
                # "The Gazette, Lee said, called the plan “…”": the parenthetical speaker reports.
                k = j
                break
        k = _named_over_pronoun(masked, cands, k)
        k = _outer_over_reduced(masked, cands, k)
        if k > 0 and re.search(
            r",\s*in\s+which\s+$",
            masked[max(lo, cands[k][0].mention.span[0] - 14) : cands[k][0].mention.span[0]],
        ):
            # "Ruiz reported that she had a video of Lind at a dinner, in which Lind said: “…”":
            # the reporter of the record speaks for what it holds.
            for j in range(k):
                if cands[j][0].mention.kind in ("name", "role"):
                    k = j
                    break
        elif k == 0:
            holder = _record_holder(masked, lo, cands[0][0].mention)
            if holder is not None:
                return _Found(holder, cands[0][0].cue_pos, "before")
        if _MODAL_BEFORE.search(masked, max(lo, cands[k][0].cue_pos - 30), cands[k][0].cue_pos):
            # "Lee said he expected that voters will say “no”": a cue only foreseen is reported
            # by the plain cue before it, or by "according to Lee, the press would call him …".
            if k > 0:
                if not _MODAL_BEFORE.search(
                    masked, max(lo, cands[k - 1][0].cue_pos - 30), cands[k - 1][0].cue_pos
                ):
                    k -= 1
            else:
                acc_mod = _according_before(masked, lo, cands[k][0].mention.span[0])
                if acc_mod is not None:
                    return _Found(acc_mod, cands[k][0].cue_pos, "f4")
        said_what = cands[k][0].mention
        if said_what.kind == "pronoun" and _WHAT_BEFORE.search(
            masked, max(lo, said_what.span[0] - 8), said_what.span[0]
        ):
            # "Lee said she called to congratulate him on what she called “…”": the pronoun
            # of a "what she called" label is the reporting clause's subject again.
            for j in range(k - 1, -1, -1):
                if cands[j][0].mention.kind in ("name", "role"):
                    k = j
                    break
        colon_subj = _colon_clause_subject(masked, cands[-1][1], qa)
        if colon_subj is not None:
            # "Reid said X, but he gave Cruz a back-handed compliment: “…”": the clause that
            # introduces the quote has a subject of its own.
            return _Found(colon_subj, qa, "before")
        chosen = cands[k][0]
        chosen = replace(chosen, rule="rel" if chosen.mention.kind == "relative" else "before")
        return _according_source(masked, chosen, lo, qa, qb, hi)
    # (The lazy pattern is slow on long clauses; without "put" it cannot match.)
    as_put = _AS_PUT_IT.search(masked, lo, qa) if masked.find("put", lo, qa) >= 0 else None
    if as_put is not None:
        # "As the columnist Ana Ruiz put it, “…”".
        if re.search(r"[,@\"”'’]$", as_put.group(1)):
            # "As Ana Ruiz, a professor of law at Avel, put it": the phrase opening the clause.
            mention = _subject_phrase(masked, as_put.start(1), as_put.end(1))
        else:
            mention = _np_at_end(masked[lo : as_put.end(1)], lo)
        if mention is not None and mention.span[0] >= as_put.start(1):
            return _Found(rule="as-put", mention=mention, cue_pos=as_put.end(1))
    accs = list(_ACCORDING_TO.finditer(masked[lo:qa]))
    if accs:
        acc2 = accs[-1]
        mention = _acc_lead(masked, lo + acc2.end(), qa)
        if mention:
            return _Found(rule="f4", mention=mention, cue_pos=lo + acc2.start())
    # 3. "X: “…”" — a speaker label introducing the quote.
    before_quote = masked[lo:qa]
    colon = _LABEL_COLON.search(before_quote) if ":" in before_quote else None
    if colon is not None:
        mention = _np_at_end(masked[lo : lo + colon.end(1)], lo)
        owner = _COLON_OWNER.search(masked, max(lo, lo + colon.end(1) - 140), lo + colon.end(1))
        if owner is not None and owner.group("noun") in _SPEECH_NOUNS and owner.group("owner"):
            # "Nobody heeded the senator’s warning: “…”": the warning's owner speaks (a his/her
            # there is most often the clause's subject again: "he returned to his old lines:").
            named = _np_at_end(masked[lo : owner.end("owner")], lo)
            if named is not None and named.kind in ("name", "role"):
                return _Found(named, lo + colon.end(1), "f5-owner")
        said_as = _OWNER_NOUN_SUBJECT.match(masked, lo, lo + colon.end(1))
        if said_as is not None and said_as.group("noun") in _SPEECH_NOUNS:
            # "Ruiz’s response was blunt: “…”", "Her reply came in an op-ed:": the words of
            # the one whose response opens the sentence.
            a, b = said_as.span("owner")
            pronoun = _POSSESSIVE_PRONOUN.get(masked[a:b].lower())
            if pronoun is not None:
                named = _Mention((a, b), pronoun, "pronoun")
            else:
                poss = _POSSESSIVE_END.search(masked, a, b)
                named = _np_at_end(masked[lo : poss.start() if poss else b], lo)
            if named is not None and named.kind in ("name", "role", "pronoun"):
                return _Found(named, lo + colon.end(1), "f5-owner")
        if (
            mention is not None
            and mention.kind in ("name", "role", "pronoun")
            and (mention.kind != "role" or mention.text.split()[0].lower() in _DETERMINERS)
        ):
            left = masked[lo : mention.span[0]]
            if (
                left.strip(" @\"“”‘’'—–-\n")
                and (not _BOUNDARY_BEFORE.search(left) or _OBJECT_APPOSITION_END.search(left))
                and not re.search(r"\b(?:[Ff]rom|by)\s+$", left)
                and not (
                    (verb := re.search(r"([a-z]+)\s+$", left)) is not None
                    and verb.group(1) in _INVERTING
                )
            ):
                # "Lee delivered a blunt retort:", "Lee told the Gazette:": the phrase before the
                # colon is an object; the clause's subject speaks.
                found = _coordinated_subject(masked, lo, lo + colon.end(1), lo + colon.end(1))
                if found is None:
                    return None
                if not (
                    mention.kind == "name"
                    and _abstract(found.mention)
                    and not re.search(
                        r"\b(?:on|in|at|to|from|with|by|for|of|about|into|via)\s+$", left
                    )
                ):
                    # "The timing does not surprise pollster Tom Lind:": a thing is no speaker,
                    # the person named before the colon is.
                    mention = found.mention
            words = mention.text.split()
            if len(words) > 1 and words[-1].lower() in CUE_VERBS and mention.kind == "role":
                # "A sign held by one protester read:": the phrase ends before its verb.
                cut = mention.text.rstrip()[: -len(words[-1])].rstrip()
                mention = _Mention((mention.span[0], mention.span[0] + len(cut)), cut, "role")
            if _abstract(mention):
                # "Lind listed a radio show as his guilty pleasure: “…”": a thing before the
                # colon is no speaker; the clause's subject is.
                found = _coordinated_subject(masked, lo, lo + colon.end(1), lo + colon.end(1))
                if found is not None and not _abstract(found.mention):
                    mention = found.mention
            return _Found(rule="f5", mention=mention, cue_pos=lo + colon.end(1))
    # 4. Later in the sentence, after other material: "…,” he said of the plan.
    for cm in cue_re.finditer(masked, qb, hi):
        if (
            cm.group().lower() in _INVERTING
            and masked[max(qb, cm.start() - 2) : cm.start()] == ", "
        ):
            # "“…” that Lee can catch Ruiz, said Ode, a pollster": after a comma the cue's
            # subject follows it; the name before the comma is the object of another verb.
            inv = _np_after(masked, cm.end(), hi)
            if inv is not None and inv.kind in ("name", "role"):
                return _Found(rule="f7", mention=inv, cue_pos=cm.start())
        mention = _np_before(masked, qb, cm.start())
        if mention is not None and _SUBORDINATE_GAP.search(
            masked,
            max(qb, *(masked.rfind(c, qb, mention.span[0]) + 1 for c in ",@")),
            mention.span[0],
        ):
            # "“…” policies, which he said …", "“…” when I ask": the cue belongs to a relative
            # or subordinate clause about the quote, not to its speaker (one closed by a comma
            # leaves the main clause's subject: "“…” because it pays, Lee said").
            break
        if mention is not None and _object_before_participle(masked, qb, mention, cm):
            break
        if mention is not None:
            return _Found(rule="f6", mention=mention, cue_pos=cm.start())
        if cm.group().lower() in _INVERTING and _INVERSION_SLOT.search(masked, qb, cm.start()):
            inv = _np_after(masked, cm.end(), hi)
            if inv is not None:
                return _Found(rule="f7", mention=inv, cue_pos=cm.start())
        break
    # 5. "X was “…”, according to the Gazette": the source named later in the sentence.
    trail = _TRAILING_ACC.match(masked, qb, hi)
    if trail is not None:
        mention = _acc_source(masked, trail.end(), hi)
        if mention is not None:
            return _Found(rule="f8", mention=mention, cue_pos=trail.start())
    return None


_INTRO_NEXT = re.compile(
    r"(?:\s+(?:back|then|later|again|simply|only|flatly|quickly|sharply|tersely)){0,2}\s*[,:]\s*@"
)


def _answers_next(
    masked: str, q: Quote, lo: int, qa: int, cm: re.Match[str], cue_re: _CueWords
) -> bool:
    """Does the cue after a closed question or sentence introduce the next quote, in an exchange
    whose first quote has a cue of its own ("Ruiz asked Lind, “Why now?” Lind replied, “…”")?"""
    return (
        q.text.rstrip()[-1:] in ("?", "!", ".")
        and _INTRO_NEXT.match(masked, cm.end()) is not None
        and cue_re.search(masked, lo, qa) is not None
    )


_LONE_CAP = re.compile(r"\s*([A-Z][a-z]+)\s+")


def _word_surname(masked: str, p: int, cue: int) -> _Mention | None:
    """A surname that is also a common capitalised word, alone between the quote and its cue
    ("“…,” May said", "“…,” From said"), when the text names that person in full elsewhere
    ("Theresa May", "Al From")."""
    m = _LONE_CAP.fullmatch(masked, p, cue)
    if m is None or m.group(1) not in _STOP_CAPS or not masked[cue : cue + 1].islower():
        return None
    for full in re.finditer(r"\b([A-Z][\w'’-]+)\s+" + m.group(1) + r"\b", masked):
        if full.group(1) not in _STOP_CAPS and not full.group(1).endswith(("'s", "’s")):
            return _Mention(m.span(1), m.group(1), "name")
    return None


def _named_over_pronoun(masked: str, cands: Sequence[tuple[_Found, int]], k: int) -> int:
    """A pronoun's cue after a named speaker's cue in the same sentence reports on that speaker:
    "Lind said Ode had told the board that he would not allow “…”" is Lind's, the outer speaker,
    whom the pronoun most often stands for."""
    if cands[k][0].mention.kind != "pronoun" or cands[k][0].mention.text.lower() == "i":
        return k
    pron = cands[k][0].mention.span[0]
    for j in range(k):
        if cands[j][0].mention.kind == "name" and re.fullmatch(
            r"\s*,\s*", masked[cands[j][1] : pron]
        ):
            return j  # "And in those nights, Lind wrote, he began saying “…”"
    if _OWN_CLAUSE_PRONOUN.search(masked, max(0, pron - 12), pron):
        return k  # "…, and he said", "which he called": a clause of the pronoun's own
    for j in range(k):
        if cands[j][0].mention.kind == "name" and _THAT_AFTER_CUE.match(masked, cands[j][1], pron):
            return j
    return k


_RECORD_IN_WHICH = re.compile(
    r"\b(?:interview|video|clip|recording|tape|footage|article|story|report|documentary|book|"
    r"memoir|profile|podcast|episode)s?\b[^,;@]{0,80},\s*in\s+which\s+$"
)


def _record_holder(masked: str, lo: int, mention: _Mention) -> _Mention | None:
    """The publisher of a record whose words a cue after ", in which" reports: "The Gazette
    published an interview with Lind, in which Lind declared that it was “…”" is the Gazette's."""
    if not _RECORD_IN_WHICH.search(masked, max(lo, mention.span[0] - 120), mention.span[0]):
        return None
    pub = _PUBLISHED.search(masked, lo, mention.span[0])
    if pub is None:
        return None  # "The ad includes a clip, in which he says": the record's own speaker
    subj = _np_before(masked, lo, pub.start())
    if subj is None or _abstract(subj):
        subj = _subject_phrase(masked, lo, pub.start())
    if subj is None or subj.kind not in ("name", "role") or _abstract(subj):
        return None
    return subj


_PUBLISHED = re.compile(
    r"\b(?:published|publishes|aired|airs|released|releases|broadcast|posted|ran|runs|"
    r"obtained|shared|circulated|emailed|tweeted)\b"
)


def _outer_over_reduced(masked: str, cands: Sequence[tuple[_Found, int]], k: int) -> int:
    """A participle right after its phrase with no comma ("statements by Lind calling for a
    ban") sits inside the complement of an earlier "X claimed that" cue, which reports it:
    "Ruiz claimed that statements by Lind calling for a ban make him “…”" is Ruiz's."""
    found = cands[k][0]
    cue_word = re.match(r"\w+", masked[found.cue_pos :])
    if cue_word is None or not cue_word.group().lower().endswith("ing"):
        return k
    if masked[found.mention.span[1] : found.cue_pos].strip():
        return k
    for j in range(k):
        if cands[j][0].mention.kind in ("name", "role") and _THAT_CLAUSE.match(
            masked, cands[j][1], found.mention.span[0]
        ):
            return j
    return k


_COLON_CLAUSE = re.compile(r"(?:[,@]\s*(?:but|and|yet|so)|;|\s[—–]+)\s+(?=[^,;:@—–]+:\s*@*$)")


def _colon_clause_subject(masked: str, cue_end: int, qa: int) -> _Mention | None:
    """The subject of a clause after the last cue that ends in a colon right before the quote
    ("…, but he gave the Texan a back-handed compliment: “…”")."""
    found = list(_COLON_CLAUSE.finditer(masked, cue_end, qa))
    if not found:
        return None
    m = found[-1]
    subj = _subject_phrase(masked, m.end(), qa)
    if subj is None or subj.span[0] != m.end() or subj.kind not in ("pronoun", "name", "role"):
        return None
    if subj.kind == "role" and _abstract(subj):
        return None
    if not re.match(r"\s+(?:\w+ly\s+)?[a-z]+", masked[subj.span[1] : qa]):
        return None
    return subj


_THAT_CLAUSE = re.compile(r"\s+(?:[\w'’.-]+\s+){0,4}?that\b")
#: What opens the complement of a cue: "said (on Monday) that".
_THAT_AFTER_CUE = re.compile(r"\s+(?:[\w'’.-]+\s+){0,4}?that\b|\s*,")
_OWN_CLAUSE_PRONOUN = re.compile(
    r"(?:,|\b(?:and|but|though|although|which|who|whom|while|so|yet))\s*$", re.IGNORECASE
)


def _acc_lead(masked: str, pos: int, qa: int) -> _Mention | None:
    """The source after a leading "according to": "According to her aides, Ruiz was “…”" is
    the aides', not an apposition naming them (a name after the comma is the clause's subject
    when a verb, not another comma, follows it)."""
    mention = _np_after(masked, pos, qa, any_det=True)
    if (
        mention is None
        or mention.kind != "name"
        or masked[mention.span[1] : mention.span[1] + 1] == ","
    ):
        return mention
    m = _NP_AFTER.match(masked, pos, qa)
    if m is None or not m.group("det") or m.end("det") >= mention.span[0]:
        return mention
    a, b = m.span("det")
    return _Mention((a, b), masked[a:b], "role")


_MODAL_BEFORE = re.compile(
    r"\b(?:will|would|could|might|should|may|must|[’']ll)\s+(?:\w+ly\s+|not\s+|never\s+)?$"
)


def _according_before(masked: str, lo: int, end: int) -> _Mention | None:
    """The source of an "according to X," that opens the clause ending at ``end``."""
    accs = list(_ACCORDING_TO.finditer(masked[lo:end]))
    if not accs:
        return None
    mention = _np_after(masked, lo + accs[-1].end(), end, any_det=True)
    if mention is None or mention.kind not in ("name", "role"):
        return None
    return mention


#: A naming verb's participle right before the quote ("has been called “…” by", "labeled as a
#: “…” by"): its agent, named after the quote, is the one who uses the words.
_NAMING_BEFORE = re.compile(
    r"\b(?:called|dubbed|labeled|labelled|branded|described|termed|nicknamed|deemed|derided)"
    r"(?:\s+as)?(?:\s+(?:the|a|an|it|them|him|her|this|that))?\s*$"
)
_BY_AGENT = re.compile(r"\s*,?\s*by\s+")


def _naming_agent(masked: str, lo: int, qa: int, qb: int, hi: int) -> _Found | None:
    """ "The plan, called the “…” by its critics": the passive's agent after the quote speaks."""
    if _NAMING_BEFORE.search(masked, max(lo, qa - 40), qa) is None:
        return None
    by = _BY_AGENT.match(masked, qb, hi)
    if by is None:
        return None
    mention = _np_after(masked, by.end(), hi, any_det=True)
    if mention is None:
        bare = re.match(r"[A-Z][\w'’-]+|[a-z][\w'’-]+s\b", masked[by.end() : hi])
        if bare is None or bare.group().lower() in _CUE_STOP | _PHRASE_BREAK:
            return None
        # "… by critics", "… by Democrats": a bare plural or name.
        mention = _Mention((by.end(), by.end() + bare.end()), bare.group(), "role")
    found = _Found(mention, by.start(), "by-agent")
    acc = re.match(r"\s*,?\s*according\s+to\s+", masked[mention.span[1] : hi])
    if acc is not None:
        # "… labeled “…” by the ministry, according to two officials": the officials report it.
        source = _acc_source(masked, mention.span[1] + acc.end(), hi)
        if source is not None:
            return replace(found, source=source.span)
    return found


#: A relative or subordinating word between a quote and a later cue's subject.
_SUBORDINATE_GAP = re.compile(
    r"\b(?:which|who|whom|whose|that|when|whenever|where|if|because|although|though|while|"
    r"whether|until|unless|since|after|before)\b",
    re.IGNORECASE,
)
#: "“…?” Ode pressed.": a name or pronoun and a past-tense verb closing the clause.
_NAME_PAST = re.compile(
    r"[ ]*((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*|he|she|they)\s+(?:\w+ly\s+)?"
    r"(?:[a-z]+ed|went\s+on|shot\s+back|cut\s+in|chimed\s+in|broke\s+in)(?=\s*[.,;:])"
)


def _past_verb_after(masked: str, q: Quote, lo: int, qa: int, p: int, hi: int) -> _Found | None:
    """“…?” Ode pressed. / “…!” she beamed.: after a quote that ends on a comma, question or
    exclamation, its speaker may use any past-tense verb, not only a listed cue."""
    if not (
        q.text.rstrip()[-1:] in (",", "!", "?") or _MARK_THEN_PUNCT.match(masked[q.span[1] : p])
    ) or _LETTER.search(masked[lo:qa]):
        return None
    # The sentence may have ended at the quote's "?" or "!": look on to the end of the line.
    eol = masked.find("\n", p)
    m = _NAME_PAST.match(masked, p, max(hi, eol if eol >= 0 else len(masked)))
    if m is None:
        return None
    mention = _name_mention(masked, *m.span(1))
    if mention is None:
        return None
    if mention.text in _PRONOUNS:
        mention = _Mention(mention.span, mention.text, "pronoun")
    return _Found(mention, m.end(1), "f3")


_AS_DESCRIBED = re.compile(
    r"[^@.;:!?]{0,80}?\bas\s+(?:(?:first|once|later|famously|memorably)\s+)?"
    r"(?:described|characteri[sz]ed|termed|called|phrased|put|recalled|defined)\s+by\s+"
)


def _as_described_by(masked: str, qb: int, hi: int) -> _Found | None:
    """ "… being “…” — as described by Ana Ruiz —": the agent of the "as … by" aside."""
    m = _AS_DESCRIBED.match(masked, qb, hi)
    if m is None:
        return None
    mention = _np_after(masked, m.end(), hi, any_det=True)
    if mention is None:
        return None
    return _Found(mention, m.end(), "by-agent")


def _owned_object(cm: re.Match[str], mention: _Mention) -> bool:
    """ "Lind summed Ruiz up as “…,” denounced her record and …": after a verb that does not
    invert ("said", "added" do), a "his/her/their …" phrase is its object, not its subject."""
    return cm.group().lower() not in _INVERTING and mention.text.split()[0].lower() in (
        "his",
        "her",
        "their",
        "its",
        "our",
    )


def _participle(cm: re.Match[str]) -> bool:
    """ "“…,” echoing the mayor", "“…,” promising the board …": an -ing participle after the
    quote has the clause's subject before it; what follows it is its object, no speaker."""
    return cm.group().lower().endswith("ing")


def _near_owner(masked: str, lo: int, qa: int) -> _Mention | None:
    """A named owner of a speech noun right before the quote ("Ruiz’s assertion of a “…”",
    "Lind’s conclusion that it was “…”"), within a few words of it."""
    m = _POSSESSOR.search(masked, max(lo, qa - 100), qa)
    if m is None or not m.group("name") or m.group("noun") not in _SPEECH_NOUNS:
        return None
    tail = m.group("tail")
    if len(tail) > 40 or not re.match(r"\s*(?:that|of)\b", tail):
        return None
    if re.search(r"\b(?:is|was|are|were|be|been|as|seems?|looks?|called|calls)\s*$", tail):
        return None  # "Lind’s view of the pier is “…”": a verdict on the words, not them
    if _cue_regex(CUE_VERBS).search(masked, m.end("noun"), qa):
        return None
    return _name_mention(masked, *m.span("name"))


#: "the contention of former secretary of state Hillary Clinton that …", "a statement by actor
#: George Clooney that …": a speech noun, "of" or "by" and its owner, then the content.
_NOUN_OF_OWNER = re.compile(
    r"\b(?P<noun>[a-z]+)\s+(?:of|by)\s+(?:"
    r"(?:(?:former|then|the)\s+)*(?:[a-z]+\s+){0,3}"
    r"(?P<name>(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]*)"
    r"|(?P<role>(?:a|an|the)\s+(?:[\w-]+\s+){0,3}[a-z][\w-]*))\s+that\b"
)


def _noun_of_owner(masked: str, lo: int, qa: int) -> _Mention | None:
    """The owner named after a speech noun in the clause before the quote ("the contention of
    Hillary Clinton that some of her emails had been subjected to “over-classification”"): the
    words are the owner's, whoever repeats or disputes them."""
    for m in _NOUN_OF_OWNER.finditer(masked, max(lo, qa - 200), qa):
        if m.group("noun") not in _SPEECH_NOUNS:
            continue
        if _cue_regex(CUE_VERBS).search(masked, m.end(), qa) is not None:
            continue
        if m.group("name") and _looks_like_name(m.group("name")):
            return _name_mention(masked, *m.span("name"))
        role = m.group("role")
        if role and role.split()[-1] in _ROLE_OR_TITLE:
            # "the suggestion by a potential president that someone “ought to look into” …"
            return _Mention(m.span("role"), role, "role")
    return None


_DASH_LABEL = re.compile(r"\s[-—–]+\s+((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*):\s*@*$")
#: "said former secretary of state Ana Ruiz": an office "of" something before the name.
_OFFICE_OF_NAME = re.compile(
    r"\s+(?:(?:former|then|then-|acting|deputy|assistant|interim)\s*)*(?:[a-z-]+\s+){0,2}"
    r"(?:secretary|minister|director|chairman|chairwoman|chair|head|commissioner|speaker|"
    r"president|chief|administrator|governor|mayor|master|mistress|dean|commander|leader)"
    r"\s+of\s+(?:the\s+)?(?:[a-z]+\s+){1,3}?"
    r"(?P<name>(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]*)(?=\s*(?:[,.;:]|$))"
)


def _office_name(masked: str, pos: int, hi: int) -> _Mention | None:
    """The name after a lower-case office with its "of" phrase ("said former secretary of state
    Ana Ruiz", "said the director of national intelligence Tom Lind")."""
    m = _OFFICE_OF_NAME.match(masked, pos, hi)
    if m is None or not _looks_like_name(m.group("name")):
        return None
    return _Mention(m.span("name"), m.group("name"), "name")


_AS_X = re.compile(r"[^@.;:!?]{0,60}?,\s+as\s+")
_AS_X_CUE = re.compile(
    r"\s+(?:\w+ly\s+)?(?:(?:has|had|have)\s+)?(?:suggested|suggests|put\s+it|predicted)\b"
)


def _as_x_said(masked: str, qb: int, hi: int, cue_re: _CueWords) -> _Found | None:
    """ "… a “regional” candidate, as Ruiz’s campaign manager suggested": the subject of an "as"
    aside with a speech verb after the quote."""
    m = _AS_X.match(masked, qb, hi)
    if m is None:
        return None
    end = min(hi, m.end() + 60)
    cm = cue_re.search(masked, m.end(), end)
    extra = _AS_X_CUE.search(masked, m.end(), end)
    cue = cm.start() if cm is not None else end
    if extra is not None and extra.start() < cue:
        cue = extra.start()
    if cue >= end or "@" in masked[m.end() : cue]:
        return None
    mention = _subject_phrase(masked, m.end(), cue)
    if mention is None or mention.span[0] != m.end() or masked[mention.span[1] : cue].strip():
        return None
    return _Found(mention, cue, "f6")


_AGENT_AS = re.compile(
    r"\b(?:known|seen|regarded|viewed|described|referred\s+to|called|dubbed|labell?ed|branded|"
    r"derided|hailed|touted|characteri[sz]ed)\s+(?:\w+ly\s+)?by\s+(?P<np>[^@,;:.]{2,60}?)\s+as"
    r"(?:\s+[\w-]+){0,3}\s*$"
)


def _agent_as(masked: str, lo: int, qa: int) -> _Found | None:
    """ "an option seen by organizers as a “…”", "what came to be known by critics as the “…”":
    the passive's agent, named before the quote, uses the words."""
    m = _AGENT_AS.search(masked, max(lo, qa - 120), qa)
    if m is None:
        return None
    mention = _subject_phrase(masked, m.start("np"), m.end("np"))
    if mention is None or masked[mention.span[1] : m.end("np")].strip():
        bare = re.fullmatch(r"[a-z][\w-]*s", m.group("np"))
        if bare is None:
            return None
        # "seen by organizers as": a bare plural.
        mention = _Mention(m.span("np"), m.group("np"), "role")
    return _Found(mention, m.start(), "by-agent")


_PASSIVE_AFTER = re.compile(
    r"[^@.;:!?]{0,40}?\b(?:was|were|is|are|had\s+been|has\s+been|have\s+been)\s+"
    r"(?:(?:\w+ly|first|once|also|only)\s+)*(?:uttered|coined|spoken|voiced|repeated|used|"
    r"called|dubbed|described|labell?ed|termed|branded)"
    r"(?:\s+(?:\w+ly|once|twice|first|again|only))*\s*,?\s+by\s+"
    r"|[^@.;:!?]{0,40}?\b(?:came|comes|had\s+come)\s+(?:\w+ly\s+)?from\s+(?=the\s|[A-Z])"
)


def _passive_after(masked: str, qb: int, hi: int) -> _Found | None:
    """ "The phrase “…” was uttered once, by Lind", "The “…” figure came from the campaign":
    the agent or origin named after the quote."""
    m = _PASSIVE_AFTER.match(masked, qb, hi)
    if m is None:
        return None
    mention = _np_after(masked, m.end(), hi, any_det=True)
    if mention is None or mention.kind == "pronoun":
        return None
    return _Found(mention, m.start(), "by-agent")


#: Where a cue verb may come before its subject: right after a clause mark ("“…” in May, added
#: Ruiz"), not after "to", "and" or a word that is its subject ("and said he would", "to say
#: Lind's plan").
_INVERSION_SLOT = re.compile(r"(?:^|[,;:—–(@])\s*(?:\w+ly\s+)?$")


_SUBORDINATE_OPEN = re.compile(
    r"[\s@\"“‘'(]*(?:When|Whenever|After|Although|Though|While|Before|Since|Once|Because|"
    r"Even\s+though|Until)\s"
)


_PERSON_OPENERS = _wordset("someone somebody anyone anybody one a an another several some many")


def _subordinate_subject(masked: str, lo: int, qa: int, cue: re.Match[str]) -> _Found | None:
    """The subject of the opening subordinate clause's cue ("When someone in the audience
    shouted, “…”"), which the other rules miss when it is no name or role phrase."""
    sub = _SUBORDINATE_OPEN.match(masked, lo, qa)
    if sub is None:
        return None
    subj = _subject_phrase(masked, sub.end(), cue.start())
    if subj is not None and not masked[subj.span[1] : cue.start()].strip():
        return _Found(subj, cue.start(), "before")
    bare = re.fullmatch(r"\s*((?:[\w'’.-]+\s+){0,5}[\w'’.-]+)\s*", masked[sub.end() : cue.start()])
    if bare is None or bare.group(1).split()[0].lower() not in _PERSON_OPENERS:
        return None
    span = (sub.end() + bare.start(1), sub.end() + bare.end(1))
    return _Found(_Mention(span, bare.group(1), "role"), cue.start(), "before")


def _subordinate_quote(masked: str, lo: int, qa: int, cue_re: _CueWords) -> re.Match[str] | None:
    """The cue inside the sentence's opening subordinate clause that the quote completes ("When
    a man shouted, “…”", "Although Lind admitted that he had “…”"), if any."""
    if _SUBORDINATE_OPEN.match(masked, lo, qa) is None:
        return None
    cues = list(cue_re.finditer(masked, lo, qa))
    last = cues[-1] if cues else None
    if last is None or last.group().lower() in _OBJECT_VERBS:
        return None
    # An earlier quote conjoined with this one ("he says he “…,” and “…,”") keeps the cue's.
    gap = re.sub(r"@+\s*,?\s*(?:and|or)?\s*$", "", masked[last.end() : qa])
    if len(gap) > 120 or re.search(r"[;:@—–]|,(?!\s*$)", gap):
        return None
    return last


_OWNER_BEFORE = re.compile(
    r"(?:\b(?:the|a|an)\s+)?((?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*)['’]s?\s*$"
)
_NOUN_AFTER = re.compile(r"\s*([a-z-]+)\b")


def _possessor_around(masked: str, lo: int, qa: int, qb: int, hi: int) -> _Found | None:
    """ "Lind’s “…” promise", "Ruiz’s famous “…” line": the owner of a speech noun that the quote
    modifies."""
    m = _OWNER_BEFORE.search(masked, max(lo, qa - 60), qa)
    if m is None:
        return None
    noun = _NOUN_AFTER.match(masked, qb, hi)
    if noun is None or noun.group(1) not in _SPEECH_NOUNS:
        return None
    mention = _name_mention(masked, *m.span(1))
    if mention is None:
        return None
    return _Found(mention, noun.start(1), "possessor-in")


_THAT_READS = re.compile(
    r"(?P<np>(?:\b(?:the|a|an|one|another|his|her|their|its)\s+(?:[\w-]+\s+){0,2}|"
    r"\b(?:[\w-]+\s+)?)"
    r"(?:messages?|bottles?|notes?|screens?))\s+"
    r"(?P<rel>that|which)\s+(?:said|says|read|reads|proclaimed|declared)\s*[,:]?\s*$"
)


def _object_that_reads(masked: str, lo: int, qa: int) -> _Found | None:
    """ "They handed out bottles that said, “…”", "a message that read “…”": the written thing
    carries the words (signs, banners and headlines are ``_CARRIER_BEFORE``'s)."""
    m = _THAT_READS.search(masked, max(lo, qa - 100), qa)
    if m is None:
        return None
    a = m.start("np")
    return _Found(_Mention((a, m.end("rel")), m.group("np"), "role"), m.start("rel"), "object-read")


_CUT_IN = re.compile(
    r",\s+and\s+(?P<np>[^,;:@.!?]{2,40}?)\s+(?:then\s+)?(?P<cue>[a-z]+(?:\s+(?:in|on|back|up))?)"
    r"\s*[.:,]?\s*$"
)
#: Verbs (and phrasal verbs) that bring in the next speaker of a conversation.
_CUT_IN_VERBS = frozenset(
    (
        "cut in", "chimed in", "broke in", "jumped in", "went on", "shot back", "fired back",
        "interjected", "replied", "responded", "answered", "added", "continued", "countered",
        "retorted", "joked",
    )
)  # fmt: skip


def _cut_in(masked: str, pb: int, qa: int, cue_re: _CueWords) -> _Mention | None:
    """ "“…,” Ruiz said, and her husband cut in. “…”": a second speaker brought in after the
    previous quote's cue takes the next quote."""
    while qa > pb and masked[qa - 1] == "@":
        qa -= 1
    m = _CUT_IN.search(masked, pb, qa)
    if m is None or m.group("cue") not in _CUT_IN_VERBS:
        return None
    return _subject_phrase(masked, m.start("np"), m.end("np"))


_READS = re.compile(r"\breads\b")
_READS_BEFORE = re.compile(r"\breads\s*[,:]?\s*$")
_WHAT_BEFORE = re.compile(r"\bwhat\s+$")
_LEADING_ACC = re.compile(r"[\s@\"“‘'(]*according\s+to\s+([^,;:@\n]{2,100}?),\s", re.IGNORECASE)
#: One character of a clause, where a full stop inside an abbreviation ("U.S.", "Sen.", "Inc.,",
#: "(R-Ariz.)") does not end it.
_CLAUSE_CHAR = (
    r"(?:[^@.;:!?]|\.(?=\s*[a-z,])|(?<=\b[A-Z])\.|\.(?=\))|"
    + "|".join(
        rf"(?<=\b{a})\."
        for a in ("Sen", "Rep", "Gov", "Mr", "Mrs", "Ms", "Dr", "Inc", "Corp", "Co", "Jr", "Sr")
    )
    + ")"
)
_TRAILING_ACC = re.compile(_CLAUSE_CHAR + r"*?,?\s+according\s+to\s+")
_ACC_PHRASE = re.compile(r"[^,.;:!?@\n]{2,100}")
_TAIL_NAME = re.compile(r"(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]+$")


def _acc_source(masked: str, pos: int, hi: int) -> _Mention | None:
    """The source after a trailing "according to": a name, a described name ("harbour master
    Lena Voss") or a plain phrase ("a copy of the letter")."""
    m = _ACC_PHRASE.match(masked, pos, hi)
    if m is None:
        return _np_after(masked, pos, hi, any_det=True)
    phrase = m.group().rstrip()
    tail = _TAIL_NAME.search(phrase)
    if tail is not None and _looks_like_name(tail.group()):
        a = 0 if phrase[: tail.start()].strip().lower() == "the" else tail.start()
        return _Mention((pos + a, pos + tail.end()), phrase[a:], "name")
    found = _np_after(masked, pos, hi, any_det=True)
    if found is not None:
        return found
    return _Mention((pos, pos + len(phrase)), phrase, "role")


def _according_source(masked: str, found: _Found, lo: int, qa: int, qb: int, hi: int) -> _Found:
    """A source named by "according to": "According to the Gazette, Lee said “…”", "Lee said
    “…”, according to the Gazette": Lee speaks, but the Gazette is the source of the remark."""
    m = _LEADING_ACC.match(masked, lo, qa)
    if m is not None:
        if m.end() <= found.mention.span[0]:
            return replace(found, source=m.span(1), rule=found.rule + "-acc")
        return found
    m = _TRAILING_ACC.match(masked, qb, hi)
    if m is None:
        return _outlet_reported(masked, found, qb, hi)
    outlet = _acc_source(masked, m.end(), hi)
    if outlet is None:
        return found
    return replace(found, source=outlet.span, rule=found.rule + "-acc")


_REPORTED_BY = re.compile(_CLAUSE_CHAR + r"*?,?\s+according\s+to\s+")
#: "…, reported the Gazette." / "…, the Gazette (first) reported.": the outlet ending the sentence.
_OUTLET_AFTER = re.compile(
    _CLAUSE_CHAR + r"*?,\s+(?:reported|reports)\s+(?P<after>(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){0,4}"
    r"[A-Z][\w'’-]*)\s*[.]"
    r"|" + _CLAUSE_CHAR + r"*?,\s+(?P<before>(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’-]*)\s+"
    r"(?:first\s+|also\s+|later\s+)?(?:reported|reports)\s*[.]"
)


def _outlet_reported(masked: str, found: _Found, pos: int, hi: int) -> _Found:
    """“…,” Lee said, the Harbour Gazette reported: the outlet is the source of the remark."""
    # (The lazy pattern is slow on long clauses; without "report" it cannot match.)
    m = _OUTLET_AFTER.match(masked, pos, hi) if masked.find("report", pos, hi) >= 0 else None
    if m is None:
        return found
    group = "after" if m.group("after") else "before"
    a, b = m.span(group)
    if masked[a:b].split()[0] in _STOP_CAPS - {"The"}:
        return found
    return replace(found, source=(a, b), rule=found.rule + "-acc")


def _reported_by(masked: str, found: _Found, hi: int) -> _Found:
    """“…,” Lee said, according to the Harbour Gazette: the outlet that reports the remark is the
    source the quote is taken from."""
    pos = found.mention.span[1]
    # (The lazy pattern is slow on long clauses; without "according" it cannot match.)
    m = _REPORTED_BY.match(masked, pos, hi) if masked.find("according", pos, hi) >= 0 else None
    if m is None:
        return _outlet_reported(masked, found, found.mention.span[1], hi)
    outlet = _acc_source(masked, m.end(), hi)
    if outlet is None:
        return found
    return replace(found, source=outlet.span, rule=found.rule + "-acc")


_MODIFIED_NAME = re.compile(
    r"\s+((?:(?!(?:FUNC)\b)[a-z][\w-]*\s+){1,3}(?:[A-Z][\w'’.-]*\s+){0,2}"
    r"(?:(?!(?:FUNC)\b)[a-z][\w-]*\s+){0,2}(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)"
    r"(?=\s*(?:[,.;:]|$|\s+(?:of|on|in|at|during|after|before|who|told|when|while)\b))".replace(
        "FUNC",
        "the|a|an|to|of|in|on|at|for|with|by|from|that|this|it|and|but|or|as|is|was|are|were|"
        "has|had|have|his|her|their|its|about|after|before|during|last|next|then|also|not",
    )
)
#: "“…,” as one analyst put it", "“…,” as Ruiz described it": after the quote.
_AS_PUT_AFTER = re.compile(
    r"as[ \t]+([^,;:.@\n]{1,60}?)[ \t]+(?:put|puts|described|describes|called|calls)[ \t]+it\b"
)
_AS_PUT_IT = re.compile(
    r"\b[Aa]s\s+([^,;@]{2,80}?|[^;\n]{2,160}?[,@\"”'’])\s+"
    r"(?:(?:has|had|once|later|memorably|recently)\s+)?puts?\s+it\b"
)
#: What may stand between a cue verb and the subject of speech reported inside its complement
#: ("Cruz said he …", "said that Rubio …"): no clause boundary.
_NESTED_GAP = re.compile(r"\s*(?:that\s+)?(?:[A-Za-z][\w'’.-]*\s+){0,2}")


#: "Lee said as the crowd chanted “…”": a conjunction opens a clause with its own speaker.
_OWN_CLAUSE_OPENER = re.compile(
    r"\s*,?\s*(?:as|when|while|but|because|before|after|although|though|until|whereas)\b",
    re.IGNORECASE,
)
#: "said in her remarks that", "wrote on Twitter on Monday that": a setting between a cue and
#: the clause it reports, whose subject is still inside the cue's complement.
_REMARKS_GAP = re.compile(
    r"\s*(?:(?:in|on|at|during)\s+(?:his|her|their|its|a|an|the)?\s*(?:[\w'’-]+\s+){0,3}?"
    r"(?:remarks|speech|statement|interview|address|letter|email|post|tweet|Twitter|Facebook|"
    r"testimony|book|op-ed|column|news\s+conference|press\s+conference|rally|hearing|debate)"
    r"(?:\s+on\s+\w+|\s+\w+day)?\s*,?\s*)+that\s+(?:[A-Za-z][\w'’.-]*\s+){0,2}"
)


#: Cue verbs whose subject may follow them ("said the envoy", "added Smith").
_INVERTING = _wordset(
    "said says say added adds wrote writes continued continues explained explains noted notes "
    "recalled recalls replied replies responded responds declared declares insisted insists "
    "argued argues concluded concludes quipped quips joked jokes tweeted tweets observed "
    "observes stated states remarked remarks countered counters shouted cried exclaimed "
    "announced announces acknowledged admitted conceded agreed agrees asked asks warned warns "
    "according wondered"
)
#: Cue verbs whose object is a feeling, not the words ("expressed confidence that “…”"): they
#: attribute a quote that follows them, never one before them.
_EXPRESS = _wordset("express expresses expressed")
#: Cue verbs followed by the person spoken to or about, never by the speaker.
_OBJECT_VERBS = _wordset(
    "told tells tell telling thanked thank urged urging accused accusing praised praising "
    "called calling blasted slammed criticized criticised mocked dubbed labeled labelled "
    "branded described describing warning"
)


#: "remember Lind going on TV …, declaring": a verb of perception before its object and a
#: participle, up to the comma before a second participle that is the cue.
_SEEN_DOING = re.compile(
    r"\b(?:remember|remembers|remembered|recall|recalls|recalled|saw|see|sees|seeing|watched|"
    r"watch|watches|watching|heard|hear|hears|hearing)(\s+)(?:[^,;.@]|\.(?=\s*\d|\w))+?"
    r"\s[a-z]+ing\b[^;@]*?,\s*(?:and\s+)?$"
)


#: A possessive just before: "Ruiz’s ", "the Joneses' ".
_OWNER_END = re.compile(r"\w['’]s?[ \t]+$")
#: Words that open a verb's object or complement, so the -ed word before them is a verb.
_VERB_OBJECT_START = _wordset(
    "the a an his her their its our my your this that these those to him them it us me you "
    "reporters"
)


#: "The Gazette quoted Ana Ruiz as saying", "Ruiz was quoted by the Gazette as saying": the one
#: quoted speaks, not the outlet.
_QUOTED_AS = re.compile(
    r"(?:\bquoted[ \t]+(?P<np>[^@;:]{1,100}?)|(?P<passive>[ \t]+(?:was|were|is|are|has[ \t]+been|"
    r"had[ \t]+been)[ \t]+quoted(?:[ \t]+by[ \t]+[^@;:,]{1,60}?)?))[ \t]*,?[ \t]+as[ \t]+$"
)


def _quoted_as(masked: str, lo: int, before_end: int) -> _Mention | None:
    """The person a report quotes "as saying": the object of "quoted", or the subject of a
    passive "was quoted"."""
    start = max(lo, before_end - 200)
    # (Both readings need the word "quoted": most -ing cues are spared the lazy search.)
    if masked.find("quoted", start, before_end) < 0:
        return None
    m = _QUOTED_AS.search(masked, start, before_end)
    if m is None:
        return None
    if m.group("passive") is not None:
        return _np_before(masked, lo, m.start("passive"))
    a, b = m.span("np")
    comma = masked.find(",", a, b)
    if comma > a:
        b = comma  # "quoted Bo Vale, a pier worker, as saying": the name before its apposition
    mention = _np_at_end(masked[a:b], a)
    if mention is not None and mention.span[0] == a:
        return mention
    if _ONE_OF_GROUP.match(masked, a, b):
        return _Mention((a, b), masked[a:b], "role")  # "quoted one of Ruiz’s advisers as"
    return None


_ONE_OF_GROUP = re.compile(r"(?:one|some|two|three|several|many|another)[ \t]+of[ \t]+\S")


def _cue_before(masked: str, cm: re.Match[str], lo: int, qa: int, hi: int) -> _Found | None:
    """The speaker of a cue verb that precedes the quote in its sentence."""
    word = cm.group().lower()
    before = masked[lo : cm.start()]
    if word.endswith("ing"):
        quoted = _quoted_as(masked, lo, cm.start())
        if quoted is not None:
            return _Found(quoted, cm.start())
    if word.endswith("ed") and _OWNER_END.search(before):
        nxt = _WORD_AFTER.match(masked, cm.end())
        if nxt is not None and nxt.group(1) not in _VERB_OBJECT_START:
            return None  # "Ruiz’s fired campaign manager": a participle before a noun
    if not word.endswith("ing") and _PASSIVE_END.search(before):
        # "Ruiz was asked …", "the plan was described as …": a passive's subject is not speaking;
        # its agent is ("Ruiz was asked by the host, Ode, “…”").
        agent = _BY.match(masked[cm.end() : qa])
        if agent is not None:
            mention = _np_after(masked, cm.end() + agent.end(), qa, any_det=True)
            if mention is not None:
                return _Found(mention, cm.start())
        return None
    restrictive = _restrictive_who(masked, lo, cm)
    if restrictive is not None:
        return _Found(restrictive, cm.start())
    issuer = _issuer_of(masked, lo, cm)
    if issuer is not None:
        return _Found(issuer, cm.start())
    carrier = _CARRIER_BEFORE.search(masked, max(lo, cm.start() - 80), cm.start())
    if carrier is not None and word in ("saying", "said", "says", "reading", "read", "reads"):
        # "Ruiz held up a sign saying “…”", "under a headline that said “…”": the thing that
        # carries the words is their source.
        return _Found(_Mention(carrier.span(1), carrier.group(1), "role"), cm.start())
    inverted = _inverted_aside(masked, cm, lo, qa, hi)
    if inverted is not None:
        return _Found(inverted, cm.start())
    with_subj = _with_subject(masked, lo, cm)
    if with_subj is not None:
        return _Found(with_subj, cm.start())
    conj = _AND_END.search(before)
    if conj is not None:
        # "Eight years ago, she backed Ruiz and said “…”": the subject of the first verb.
        found = _coordinated_subject(masked, lo, lo + conj.start(), cm.start())
        if found is not None:
            return found
    fronted = _fronted_participle(masked, lo, cm, qa, hi)
    if fronted is not None:
        return _Found(fronted, cm.start())
    if word.endswith("ing"):
        seen = _SEEN_DOING.search(masked, max(lo, cm.start() - 160), cm.start())
        if seen is not None:
            # "I remember Lind going on TV in 1977, declaring “…”": the one remembered (seen,
            # heard) doing it speaks, not the rememberer.
            mention = _np_after(masked, seen.end(1), cm.start(), any_det=True)
            nxt = _WORD_AFTER.match(masked, mention.span[1]) if mention is not None else None
            if mention is not None and nxt is not None and nxt.group(1).endswith("ing"):
                return _Found(mention, cm.start())
    adverb = _ADVERB_BEFORE.search(before) if word.endswith("ing") else None
    if adverb is not None:
        # "…, pointedly saying “…”": a participle after an adverb is still the clause's.
        before = before[: adverb.start()]
    if word.endswith("ing") and _CLAUSE_OPEN_END.search(before):
        # A participle ("…, saying “…”") takes the subject of its clause.
        clause = lo
        for cb in _CLAUSE_OPENER.finditer(masked[lo : cm.start()]):
            clause = lo + cb.end()
        # The nearest clause before it with a subject and a verb: "At a rally in Salem, Ore., on
        # Monday, Lee endorsed Ruiz, saying …" is Lee's, not Salem's.
        comma = len(before.rstrip(" ,"))
        found = _coordinated_subject(masked, clause, lo + comma, cm.start(), main=True)
        if found is not None:
            return found
        subj = _subject(masked, clause, cm.start()) or _subject(masked, lo, cm.start())
        if subj is not None:
            return _Found(subj, cm.start())
    role_of = _ROLE_OF_BEFORE.search(masked, max(lo, cm.start() - 80), cm.start())
    if role_of is not None and role_of.group(2) in _ROLE_OR_TITLE:
        # "…, where the secretary of state said “…”": an office "of" something speaks.
        return _Found(_Mention(role_of.span(1), role_of.group(1), "role"), cm.start())
    share = _SHARE_SUBJECT.search(masked, max(lo, cm.start() - 70), cm.start())
    if (
        share is not None
        and not word.endswith("ing")
        and not _POLL_WORD.search(masked, lo, share.start())
    ):
        # "…, to which 21 percent said “…”", "…; most said they were “…”": a share of those
        # asked speaks, not the sentence's subject (but "The poll finds that, while 37 percent
        # say …" is the poll's).
        return _Found(_Mention(share.span(1), share.group(1), "role"), cm.start())
    mention = _np_before(masked, lo, cm.start(), cue_ing=word.endswith("ing"))
    if mention is not None:
        return _Found(mention, cm.start())
    bare = _BARE_SUBJECT.search(masked, max(lo, cm.start() - 30), cm.start())
    if bare is not None:
        # "Yet another said, “…”": one of a group already described speaks.
        return _Found(_Mention(bare.span(1), bare.group(1), "role"), cm.start())
    if word in _INVERTING:
        inv = _np_after(masked, cm.end(), hi)
        if inv is None:
            # "In other words, explained harbour master Ana Ruiz: “…”".
            mod = _MODIFIED_NAME.match(masked, cm.end(), hi)
            if mod is not None:
                inv = _Mention(mod.span(1), mod.group(1), "name")
        if (
            inv is not None
            and inv.span[1] <= qa
            and re.fullmatch(r"\s*[,:;—–-][\s,:;—–-]*", masked[inv.span[1] : qa])
        ):
            return _Found(inv, cm.start())
    return None


def _inverted_aside(masked: str, cm: re.Match[str], lo: int, qa: int, hi: int) -> _Mention | None:
    """An inverted cue set off by commas before the quote in its sentence: "The plan, says Ana
    Ruiz, “…”" is Ruiz's, not the plan's."""
    if cm.group().lower() not in _INVERTING or not re.search(r",\s*$", masked[lo : cm.start()]):
        return None
    inv = _np_after(masked, cm.end(), hi)
    if inv is None or inv.kind not in ("name", "role") or inv.span[1] > qa:
        return None
    if not re.fullmatch(r"\s*,(?:[^;.!?]|\.(?!\s))*", masked[inv.span[1] : qa]):
        # "The paradox, says Ana Ruiz, a historian, is that it was “…”": the aside's speaker,
        # for every quote of the sentence ("…, is that it was “…,” not “…”").
        return None
    return inv


_FRONTED_OPEN = re.compile(
    r"[\s@\"“‘'(]*(?:(?:But|And|Yet|Still)\s+)?"
    r"(?i:(?:while|when|after|before|by|since|despite|though|although|even\s+as|even\s+while|"
    r"upon|on|in)\s+)?(?:\w+ly\s+)?$"
)


def _fronted_participle(
    masked: str, lo: int, cm: re.Match[str], qa: int, hi: int
) -> _Mention | None:
    """A participle cue opening the sentence takes the subject of the main clause after it:
    "But while denouncing the “…” of tax dodges, she has not offered a plan" is hers."""
    if not cm.group().lower().endswith("ing") or not _FRONTED_OPEN.fullmatch(
        masked, lo, cm.start()
    ):
        return None
    comma = re.compile(r",\s+").search(masked, max(qa, cm.end()), hi)
    if comma is None or re.search(r"[.;!?]\s", masked[cm.end() : comma.start()]):
        return None
    subj = _subject_phrase(masked, comma.end(), hi)
    if subj is None or subj.span[0] != comma.end() or _abstract(subj):
        return None
    if subj.kind == "pronoun" and subj.text.lower() in ("it", "i", "we"):
        return None
    return subj


_ADVERB_BEFORE = re.compile(
    r"(?<=,)\s*(?:[a-z]+ly|also|then|again|even|still|once\s+again|at\s+one\s+point|"
    r"at\s+times|at\s+one\s+time|in\s+turn|in\s+the\s+process|in\s+part)\s+$"
)


_ROLE_OF_BEFORE = re.compile(
    r"(?:^|[,;:—–]\s*|\b(?:where|when|and|but|while|as|that|because|after|before|then)\s+)"
    r"((?:the|a|an)\s+(?:[a-z][\w-]*\s+){0,2}?([a-z]+)\s+of\s+(?:the\s+)?"
    r"(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)\s+(?:\w+ly\s+|also\s+|then\s+)?$"
)
#: A share of respondents as the subject right before a cue, after a clause boundary.
_SHARE_SUBJECT = re.compile(
    r"(?:^|[,;:—–]\s*|\b(?:and|but|while|whereas|which|whom)\s+)"
    r"((?:(?:about|nearly|almost|roughly|only|just|more\s+than|fewer\s+than|less\s+than|over|"
    r"under|around)\s+)?(?:\d[\d,.]*\s*(?:percent|per\s+cent|%)|most|half|a\s+majority|"
    r"a\s+third|a\s+quarter)(?:\s+of\s+(?:them|those|respondents|(?:the\s+)?[a-z]+))?)"
    r"\s+(?:also\s+)?$",
    re.IGNORECASE,
)
_POLL_WORD = re.compile(r"\b(?:poll|survey|study)s?\b", re.IGNORECASE)
_BARE_SUBJECT = re.compile(
    r"(?:^|[.;:,]\s*|\b(?:and|but|yet|Yet|And|But)\s+)(another|Another|others|Others)\s+"
    r"(?:\w+ly\s+)?$"
)


_WHO_BEFORE = re.compile(r"(?<=[\w'’])\s+(who)\s+(?:\w+ly\s+|also\s+|then\s+)?$")


def _restrictive_who(masked: str, lo: int, cm: re.Match[str]) -> _Mention | None:
    """A "who" with no comma before it, right before the cue: "an actor who promises that …",
    "this tweet from Ana Ruiz who wrote, “…”" — the relative pronoun, standing for the person
    phrase before it, is the cue's subject."""
    m = _WHO_BEFORE.search(masked, max(lo, cm.start() - 20), cm.start())
    if m is None:
        return None
    for earlier in _cue_regex(CUE_VERBS).finditer(masked, lo, m.start()):
        if not re.search(
            r"\b(?:a|an|the|this|that|his|her|their|its)\s+$", masked[lo : earlier.start()]
        ):
            return None  # after a cue of its own, the sentence's speaker reports on the person
    head = _np_at_end(masked[lo : m.start()], lo)
    if head is None or head.kind not in ("name", "role"):
        return None  # (any head: "who" itself says it is a person, "an impersonator who")
    return _Mention(m.span(1), head.text, "relative")


_ISSUED_THING = re.compile(
    r"\b([a-z]+)\s+(?:out\s+)?(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:statement|release|email|e-mail|letter|memo|message|video|ad|advertisement|tweet|post|"
    r"note|op-ed|fundraising\s+appeal|appeal|report)"
    r"(?:\s+(?:on\s+)?(?:\w+day|today|yesterday|late\s+\w+|earlier))?\s+$"
)


def _issuer_of(masked: str, lo: int, cm: re.Match[str]) -> _Mention | None:
    """A participle cue on a statement someone issued ("Lind, who …, issued a statement Tuesday
    saying, “…”"): the issuer, the subject of the verb before the statement."""
    if not cm.group().lower().endswith("ing"):
        return None
    m = _ISSUED_THING.search(masked, max(lo, cm.start() - 90), cm.start())
    if m is None or m.group(1) in _NOT_SUBJECT or m.group(1) in _CUE_STOP:
        return None
    mention = _np_before(masked, lo, m.start(1))
    if mention is None or mention.kind not in ("name", "role", "pronoun", "relative"):
        return None
    return mention


_CARRIER_BEFORE = re.compile(
    r"\b((?:a|an|the|one|another|his|her|their|its)\s+"
    r"(?:(?!(?:a|an|the|his|her|their|its|under|on|in|with|of|by|from)\s)[\w-]+\s+){0,4}?"
    r"(?:sign|banner|placard|poster|shirt|T-shirt|hat|cap|sticker|billboard|headline|"
    r"button|mug|mask|voice[- ]?over|caption|chyron)s?"
    # "A sign outside City Hall read": where the carrier stands.
    r"(?:\s+(?:outside|inside|at|on|near|above|behind|along|over)\s+[^,;@\n]{1,40}?)?)"
    r"\s+(?:that\s+|which\s+)?$",
    re.IGNORECASE,
)


_WITH_ING = re.compile(
    r"(?:^|[,;—–]\s*)with\s+((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*|"
    r"(?:one\s+of\s+)?(?:the|a|an|his|her|their|its)\s+(?:[\w'’.-]+\s+){0,6}?[\w'’.-]+)"
    r"\s+(?:\w+ly\s+)?[a-z]+ing\b"
)


def _with_subject(masked: str, lo: int, cm: re.Match[str]) -> _Mention | None:
    """The subject of an absolute "with" clause that holds the cue: "…, with Ana Ruiz taking to
    the radio to call it “…”", "…, with Lind tweeting that it was a “…” and asking, “…”"."""
    last = None
    for m in _WITH_ING.finditer(masked, max(lo, cm.start() - 200), cm.end()):
        last = m
    if last is None or re.search(r"[.;!?]", masked[last.end() : cm.start()]):
        return None
    gap = masked[last.end() : cm.start()]
    if gap.strip() and not re.search(r"\b(?:to|and)\s+$", gap):
        return None
    a, b = last.span(1)
    if masked[a:b][:1].islower():
        # "…, with one of her ads asking, “…”", "with the campaign of the former senator from
        # Avel saying …": a phrase that can speak.
        words = [w.lower() for w in masked[a:b].split()]
        if re.search(r"[.;!?]\s", masked[a:b]) or not any(
            w in _ROLE_NOUNS or w.rstrip("s") in _ROLE_NOUNS for w in words
        ):
            return None
        return _Mention((a, b), masked[a:b], "role")
    return _name_mention(masked, a, b)


_CLAUSE_BREAK = re.compile(
    r"[,;:—–(]\s*|@+[\s,]*|\b(?:when|while|as|after|before|because|but|although|though|since|so|and)\s+",
    re.IGNORECASE,
)


#: A quote already masked out ends a clause too ("… the “woman card,” Lee said, adding …").
_PUNCT_BREAK = re.compile(r"[,;:—–(]\s*|@+[\s,]*")


def _coordinated_subject(
    masked: str, lo: int, end: int, cue: int, *, main: bool = False
) -> _Found | None:
    """The subject of the clause whose first verb ends at ``end`` (before "and <cue>"): the
    nearest clause before it that opens with a pronoun, name or role phrase and a verb.

    With ``main`` only clauses opening the sentence or after punctuation count, not those after
    a conjunction ("Lee apologised after they ran, saying …" is Lee's)."""
    breaks = _PUNCT_BREAK if main else _CLAUSE_BREAK
    starts = [lo] + [m.end() for m in breaks.finditer(masked, lo, end)]
    for start in sorted(set(starts), reverse=True):
        subj = _subject_phrase(masked, start, end)
        if subj is not None and _POSSESSIVE_END.search(subj.text):
            # "Clinton’s right-hand woman rallied supporters": the owner's person noun.
            subj = _owned_person(masked, subj, end) or subj
        if subj is None or subj.span[0] - start > 40 or _POSSESSIVE_END.search(subj.text):
            continue
        if _place_in_apposition(masked, lo, start, subj):
            continue
        nxt = re.match(
            r"(?:\s+of\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+)*[A-Z][\w.'’-]*|,[^,@]{1,40},)?"
            r"\s+(?:\w+ly\s+)?([a-z]+)",
            masked[subj.span[1] : end],
        )
        if nxt is not None and nxt.group(1) not in _NOT_SUBJECT | {"and", "or"}:
            return _Found(subj, cue)
    return None


_OWNED_WORD = re.compile(r"\s+([a-z][\w-]*)")


def _owned_person(masked: str, owner: _Mention, end: int) -> _Mention | None:
    """A possessive subject and the person noun it owns, as one phrase ("Ana Ruiz’s right-hand
    woman", "Lind’s campaign manager"), when a person noun follows within four words."""
    pos = owner.span[1]
    for _ in range(4):
        m = _OWNED_WORD.match(masked, pos, end)
        if m is None:
            return None
        pos = m.end()
        if m.group(1) in _ROLE_NOUNS and m.group(1) not in _SPEECH_NOUNS:
            return _Mention((owner.span[0], pos), masked[owner.span[0] : pos], "role")
    return None


def _female_looking(name: str) -> bool:
    """Does the full name open with a first name ending in -a that is no known man's (Ivanka,
    Svetla)? Most such names are women's, so a "Mr." passes over it to a namesake."""
    first = name.split(None, 1)[0].lower()
    return len(first) > 2 and first.isalpha() and first.endswith("a") and first not in _MALE_FIRST


@dataclass(slots=True)
class _Resolver:
    """Links surnames, roles and pronouns to the fullest name the text uses."""

    text: str
    names: list[tuple[int, str]]
    roles: dict[str, str]
    #: ``names`` with each one's token count, made on first use.
    _sized: list[tuple[int, str, int]] | None = None
    #: The text with its quotes masked (see ``_mask``), for gender evidence around names.
    masked: str = ""
    _genders: dict[str, str] | None = None
    _by_token: dict[str, list[int]] | None = None
    _name_set: frozenset[str] | None = None

    def gender(self, name: str) -> str:
        """ "m", "f" or "" for a full name, from the words the text puts next to it: a title or
        gendered noun before it ("his daughter Ivanka Trump") or a he/she after it in its
        clause, a majority over its mentions."""
        if self._genders is None:
            # One scan for every collected name: a scan per name cost a third of attribution.
            s = self.masked or self.text
            keys = sorted({n for _, n in self.names if "A" <= n[:1] <= "Z"}, key=len, reverse=True)
            votes: dict[str, int] = {}
            for pos, key in _whole_word_hits(s, keys):
                votes[key] = votes.get(key, 0) + _gender_vote(s, pos)
            self._genders = {k: "m" if v > 0 else "f" for k, v in votes.items() if v}
        return self._genders.get(name, "")

    def name_set(self) -> frozenset[str]:
        """The full names collected from the text (headline-case lines left out)."""
        if self._name_set is None:
            self._name_set = frozenset(name for _, name in self.names)
        return self._name_set

    def fullest(self, mention: str, before: int, *, gender: str = "") -> str:
        """The longest name in the text that denotes the same speaker as ``mention``: a person's
        name, ending in the mention's last word, before an institution or a thing named after one
        ("Donald Trump", not "Trump University" or "Trump Tower", for "Trump", when the text has
        both). ``gender`` ("m"/"f"), when the words around the mention give one, rules out a
        namesake of the other gender."""
        base = canonical_name(mention)
        hon = mention.split(None, 1)[0].lower().rstrip(".") if " " in mention else ""
        # "Mr. Lind" is not Ana Lind, "Mrs. Lind" not Bo Lind, whoever was named last.
        other = _OTHER_GENDER.get(hon, "") or {"m": "f", "f": "m"}.get(gender, "")
        person = self._fullest(base, before, institutions=False, other_gender=other)
        return person if person != base else self._fullest(base, before, institutions=True)

    def _fullest(
        self,
        base: str,
        before: int,
        *,
        institutions: bool,
        other_gender: str = "",
    ) -> str:
        best = base
        n_best = len(_name_tokens(best))
        best_pos = -1
        if self._sized is None:
            self._sized = [(pos, name, len(_name_tokens(name))) for pos, name in self.names]
            # Which names hold each token (or, joined, their last two): a name sharing none
            # with the mention cannot be the same speaker, so only these are looked at.
            self._by_token = {}
            for i, (_, name, _) in enumerate(self._sized):
                toks = _name_tokens(name)
                for t in {*toks, "".join(toks[-2:])}:
                    self._by_token.setdefault(t, []).append(i)
        base_toks = _name_tokens(base)
        last = base_toks[-1] if base_toks else ""
        best_last = True
        index = self._by_token or {}
        near = sorted({i for t in base_toks for i in index.get(t, ())})
        sized = self._sized
        for pos, name, n in (sized[i] for i in near):
            if n < n_best or not (pos < before or n_best == 1):
                continue
            if other_gender and (
                name.split(None, 1)[0].lower() in _FIRST_NAMES[other_gender]
                or self.gender(name) == other_gender
                or (other_gender == "f" and _female_looking(name))
            ):
                continue  # "Mr. Trump" is not "his daughter Ivanka Trump"
            by_last = _name_tokens(name)[-1:] == (last,)
            if not institutions and (
                name.rsplit(None, 1)[-1].lower() in _NOT_PERSON_HEADS
                or not (by_last or base.lower() in _MALE_FIRST or base.lower() in _FEMALE_FIRST)
            ):
                continue
            if n == n_best:
                if best_last and not by_last:
                    # "Trump" is Donald Trump before it is a "Trump University" that only
                    # shares its first word (the match meant for family-name-first names).
                    continue
                if by_last == best_last and not (pos < before and best_pos >= 0 and pos > best_pos):
                    # Of two full names sharing a surname (Bill and Hillary Clinton), the one
                    # named most recently before the mention.
                    continue
            if same_speaker(name, base):
                best, n_best, best_pos = name, n, pos if pos < before else -1
                best_last = by_last
        return best


#: The rest of an office after its title word, up to the holder's name: " of State John Kerry",
#: ". and Party Chairman Ana Ruiz", " of state Ana Ruiz".
_OFFICE_REST = re.compile(
    r"\.?(?:[ \t]+(?:(?:of|the|and|state|defense|justice|homeland|treasury)\b"
    r"|[A-Z][\w.'’-]*)){2,10}"
)
_OFFICE_WORDS = _wordset("of the and")
_PARTY_WORDS = _wordset("democrat republican")


def _office_holder(masked: str, mention: _Mention) -> str | None:
    """The holder's name after a mention that stopped at a title ("Secretary", "Former
    Secretary", "Pennsylvania Gov"): the first run of capitalised words after the office that
    does not itself end in a title ("Former Secretary of State Ana Ruiz and Sen. Bo Lind",
    "former Pennsylvania Gov. and Party Chairman Ana Ruiz")."""
    words = mention.text.split()
    last = words[-1].lower().rstrip(".")
    if not (
        (last in _OFFICES and last not in _PARTY_WORDS)
        or all(w.lower().rstrip(".") in TITLES for w in words)
    ):
        return None
    m = _OFFICE_REST.match(masked, mention.span[1])
    if m is None:
        return None
    run: list[str] = []
    for w in [*m.group().lstrip(".").split(), "and"]:
        low = w.lower().rstrip(".")
        if low in _OFFICE_WORDS:
            if len(run) >= 2:
                break
            run = []
        elif low in TITLES or low.capitalize() in _DEPARTMENTS:
            run = []  # "Party Chairman": what came before the title was an affiliation
        else:
            run.append(w)
    run = _after_body(run)
    name = " ".join(run)
    if not 2 <= len(run) <= 4 or not _looks_like_name(name):
        return None
    return canonical_name(name)


def _heading_name(resolver: _Resolver, mention: _Mention, before: int) -> tuple[str, int] | None:
    """A headline-case mention runs on into the headline's verb and object ("Ana Ruiz Warns Port
    Owners", "Ruiz Addresses Strike"): its longest opening words that the body names, as that
    name and the length of those words in the text, when the whole run is no name the body
    uses."""
    names = resolver.name_set()
    if resolver.fullest(mention.text, before) in names:
        return None
    if resolver.text.count(canonical_name(mention.text)) > 1:
        return None  # "Ana Ruiz Harbour PAC", written again below: a name all the same
    found = list(re.finditer(r"\S+", mention.text))
    words = [w.group() for w in found]
    for k in range(len(words) - 1, 0, -1):
        head = " ".join(words[:k])
        full = resolver.fullest(head, before)
        if full not in names:
            continue
        if full != canonical_name(head):
            last = _name_tokens(head)[-1:]
            if _name_tokens(full)[-1:] != last:
                continue  # "Hillary Camp" is not Hillary Clinton
            if sum(_name_tokens(n)[-1:] == last for n in names) > 1:
                return None  # "Obama Says …" with two Obamas in the story: no telling which
        if words[k].lower() in _ROLE_OR_TITLE or words[k].lower() in _RIVALS:
            return None  # "Ruiz Challenger Bo Lind": the run names Ruiz's challenger
        return full, found[k - 1].end()
    return None


_RIVALS = _wordset("challenger challengers rival rivals opponent opponents")
#: The gender an honorific rules out.
_OTHER_GENDER = {"mr": "f", "mrs": "m", "ms": "m", "miss": "m"}
_HEADING_SMALL = _wordset("of the and a an in on for to with at by from or vs as is are")


def _heading_spans(text: str) -> list[Span]:
    """Lines written in headline case: the first line when it capitalises nearly every word, any
    short line that does so and ends without a full stop, and one that capitalises every one of
    five or more words whatever its end (a listicle's "Ana Ruiz Sides With The Dock Workers.")."""
    out: list[Span] = []
    for k, (a, b) in enumerate(paragraphs(text)):
        stopped = k > 0 and text[b - 1] in '.!?"”’:'
        # At most 16 words with 80% capitalised allows at most three others: a body paragraph
        # is ruled out within its first few words instead of being split whole.
        n = lower = 0
        for m in _LETTER_WORD.finditer(text, a, b):
            w = m.group()
            if w.lower() in _HEADING_SMALL:
                continue
            n += 1
            if not w[0].isupper():
                lower += 1
            if n > 16 or lower > 3:
                break
        else:
            if (n >= 5 and lower == 0) if stopped else (n >= 3 and n - lower >= 0.8 * n):
                out.append((a, b))
    return out


#: Capitalised words that open a run before a name without being part of it: a party label
#: ("Democrat Ana Ruiz") or a verb or determiner opening a question or sentence ("Neither Ana
#: Ruiz nor …", "Does Rubio think …", "See Sexton’s timeline"). "Will" costs Will Rogers his
#: first name, but "Will Sanders win …" made a "Will Sanders" that "Sanders" resolved to.
_NAME_LEAD = _wordset("""
    Democrat Democratic Republican GOP Independent Libertarian Neither Either Nor Both Did Does
    Do Can Could Would Should Will Has Have Had Is Was Are Were More Most Many Some Every Each
    Maybe See Said Says Stated Another Rival Fellow Read Watch Democrats Republicans Independents
    Libertarians Conservatives Liberals Progressives Americans
    """)
#: The last word of "Secretary of State", "Department of Defense" and the like.
_DEPARTMENTS = _wordset("""
    State Defense Defence Justice Homeland Energy Labor Commerce Treasury Education Agriculture
    Interior Transportation Health Veterans
    """)
#: Last words of the body an office is "of" ("Director of National Intelligence", "Secretary
#: of the Navy", "Secretary of Homeland Security"), which the holder's name follows.
_BODY_HEADS = frozenset(w.lower() for w in _DEPARTMENTS) | _wordset("""
    house senate staff intelligence affairs states nations navy army force forces security
    project committee department council agency association institute university foundation
    service bureau office commission board party union church
    """)


def _collect_names(text: str, headings: list[Span] | None = None) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    pat = _FULL_NAME
    if headings is None:
        headings = _heading_spans(text)
    starts = [ha for ha, _ in headings]
    for m in pat.finditer(text):
        k = bisect_right(starts, m.start()) - 1
        if (
            k >= 0
            and m.start() < headings[k][1]
            and not (
                m.start() == headings[k][0]
                and text.startswith(":", m.end())
                and len(m.group().split()) <= 3
            )
        ):
            # "Ruiz Warns …", "Mayor Addresses Harbour Strike": headline case is no name source,
            # except a headline's opening label ("Ana Ruiz: ‘We Will Rebuild’").
            continue
        words = m.group().split()
        if words and words[0] in _DEPARTMENTS and text.endswith("of ", 0, m.start()):
            words = words[1:]  # "Secretary of State Ana Ruiz": the office's end is no name
        while words and (
            words[0] in _STOP_CAPS
            or words[0] in _NAME_LEAD
            or words[0].lower().rstrip(".") in TITLES
        ):
            words = words[1:]
        if (
            len(words) >= 3
            and words[0] == m.group().split(None, 1)[0]
            and _lower_word_in(text, words[0].lower())
            and not _mid_sentence_cap_in(text, words[0])
        ):
            # "More Hillary Clinton voters …": a word capitalised only because it opens the
            # sentence, which the text also writes in lower case.
            words = words[1:]
        for i in range(1, len(words)):
            if words[i] in _NEVER_IN_NAME:
                # "Trump And Marco Rubio Miss The Mark": headline case or a missed sentence
                # break ("the U.S. While Clinton …"), not one name.
                words = words[:i]
                break
        for i in range(len(words) - 2, -1, -1):
            if words[i].lower().rstrip(".") in _OFFICES:
                # "PolitiFact Executive Director Aaron …", "Florida Senator Ana Ruiz": an
                # affiliation, then the title; the name, if any, follows the title.
                words = words[i + 1 :]
                break
        for i in range(len(words) - 1):
            if _POSSESSIVE_END.search(words[i]):
                # "Rubio’s Miami office", "Harbour Radio’s Ana Ruiz": an owner and what it
                # owns, never one name; the words after it may be a name of their own.
                if len(words) - i - 1 >= 2:
                    out.append((m.start(), canonical_name(" ".join(words[i + 1 :]))))
                words = words[:i]
                break
        if words and words[-1].rstrip(".,").lower() in _OFFICES:
            continue  # "The Home Secretary, Yvette Marlow,": an office, no one's name
        if words and words[-1].rstrip(".,").lower() in _WEEKDAYS:
            # "said Ruiz Wednesday", "in North Florida Friday": a person or a place, no telling
            # which, and no full name either way.
            continue
        if len(words) >= 2:
            name = canonical_name(" ".join(words))
            if " " in name:
                out.append((m.start(), name))
    found = len(out)
    for mark in _NICKNAME_MARK.finditer(text):
        # (Found from its quote mark: a scan from every capital cost a fifth of this function.)
        first = _FIRST_BEFORE.search(text, max(0, mark.start() - 30), mark.start())
        nick = _NICKNAMED.match(text, first.start()) if first is not None else None
        if (
            nick is not None
            and nick.group(1) not in _STOP_CAPS
            and nick.group(1).lower().rstrip(".") not in TITLES
        ):
            # "John “Tig” Tiegen": the name around the nickname ("Tiegen" is John Tiegen).
            out.append((nick.start(), f"{nick.group(1)} {nick.group(2)}"))
    if len(out) > found:
        out.sort(key=lambda pn: pn[0])  # the nicknamed names in text order among the others
    return _without_epithets(out, text)


#: The opening mark of a capitalised nickname after a word: the " “" of "John “Tig” Tiegen".
_NICKNAME_MARK = re.compile(r"(?<=[a-z'’-])[ \t][“\"‘'](?=[A-Z])")
_FIRST_BEFORE = re.compile(r"\b[A-Z][a-z'’-]+$")
#: A first name, a nickname in quote marks, a surname: "John “Tig” Tiegen".
_NICKNAMED = re.compile(
    r"\b([A-Z][a-z'’-]+)[ \t]+[“\"‘'][A-Z][\w.'’-]*(?:[ \t][A-Z][\w.'’-]*)?[”\"’'][ \t]+"
    r"([A-Z][a-z'’-]+(?:-[A-Z][a-z'’-]+)?)\b"
)


def _without_epithets(names: list[tuple[int, str]], text: str) -> list[tuple[int, str]]:
    """Drops a capitalised word before a name the text also uses without it, when the name
    opens with a first name and the word is none ("Crooked Hillary Clinton", "Vermonter Bernie
    Sanders", "Unlike Ted Cruz" -> the name): an epithet or a sentence word, not a first name
    that would make it a longer name of its own ("Marine Le Pen" stays)."""
    known = {name for _, name in names}
    surnames = {
        name.rsplit(None, 1)[-1]
        for name in known
        if " " in name and name.split(None, 1)[0].lower() in _ANY_FIRST
    }
    out: list[tuple[int, str]] = []
    for pos, name in names:
        first, _, rest = name.partition(" ")
        if (
            rest in known
            and " " in rest
            and rest.split(None, 1)[0].lower() in _ANY_FIRST
            and first.lower() not in _ANY_FIRST
        ):
            out.append((pos + len(first) + 1, rest))
        elif (
            rest in surnames
            and first.lower() not in _ANY_FIRST
            and _SENTENCE_START.search(text, max(0, pos - 3), pos) is not None
            and not _mid_sentence_cap_in(text, first)
            and (_lower_word_in(text, first.lower()) or _WORD_FORM.search(first) is not None)
            and first.lower()[:-1] not in TITLES  # "Professors Foner": a pair, titled
        ):
            # "Understated Perez raises political profile." over a story about Thomas Perez:
            # a word capitalised because it opens the line, before a surname the text gives
            # with a first name. (The surname alone stays a mention of him.)
            continue
        else:
            out.append((pos, name))
    return out


#: Endings of a capitalised sentence word that is no first name: "Understated", "Debating",
#: "Interestingly", "Professors".
_WORD_FORM = re.compile(r"(?:[a-z]{3}(?:ed|ing|ly)|[a-z]{4}s)$")
#: The start of a line or sentence right before a name.
_SENTENCE_START = re.compile(r"(?:^|\n|[.!?][\"'”’]?[ \t]+)$")


#: A kin word and a first name in apposition: "his wife, Ellen,", "her son, Tom.".
_KIN_TERMS = _wordset("""
    wife husband daughter son mother father sister brother grandmother grandfather aunt uncle
    niece nephew
    """)
_KIN_FIRST_NAME = re.compile(
    r"\b(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?:\w+\s+)?(?P<kin>"
    + "|".join(sorted(_KIN_TERMS, key=len, reverse=True))
    + r"),\s+(?P<first>[A-Z][a-z]+)(?=\s*[,.;])"
)
#: Words next to a name that tell its gender: titles, gendered role nouns, kin terms.
_MALE_WORDS = _wordset("""
    mr mr. messrs sir lord king prince father son brother husband uncle nephew grandfather
    spokesman congressman chairman councilman assemblyman businessman actor boyfriend
    """)
_FEMALE_WORDS = _wordset("""
    mrs mrs. ms ms. miss mme madam dame lady queen princess mother daughter sister wife aunt
    niece grandmother spokeswoman congresswoman chairwoman councilwoman assemblywoman
    businesswoman actress girlfriend
    """)
#: A few common English first names, written for this module (gender evidence of last resort).
_MALE_FIRST = _wordset("""
    adam alan albert andrew anthony arthur ben benjamin bill bob brian bruce carl charles chris
    christopher chuck dan daniel david dennis donald doug douglas ed edward eric frank fred gary
    george gerald greg gregory harold harry henry jack jacob james jason jeff jeffrey jim joe
    john jon jonathan joseph josh joshua kevin larry mark matt matthew michael mike mitch nathan
    nick patrick paul peter phil philip ralph raymond richard rick robert roger ron ronald sam
    samuel scott sean stephen steve steven ted thomas tim timothy todd tom tony walter wayne
    william aaron abdul ahmed alex alexander ali andy antonio billy bobby brad bradley brett
    bryan calvin carlos chad charlie clint colin craig curtis dale darrell derek devin dick don
    donnie dwight earl eddie elijah ernest ethan evan francis gabriel gene glenn gordon hank
    hector hugh ian isaac ivan jake jared javier jay jerry jesse jesus jimmy joel johnny jorge
    jose juan julian justin keith ken kenneth kurt kyle lamar lawrence leon lewis louis luis
    luke malcolm marco marcus mario martin marvin max mohammed muhammad neil norman oliver omar
    oscar pablo pedro pete randy ray ricardo rob robby rod roy rudy russell ryan shawn sheldon
    stanley stuart terry travis trey troy tyler vernon victor vince vincent warren wesley willie
    xavier zach luca luka nikola mustafa musa ezra ilya akira bernard bernie barack
    """)
_FEMALE_FIRST = _wordset("""
    alice amanda amy angela ann anna anne barbara betty carol caroline catherine christine cindy
    claire deborah debbie diana diane donna dorothy elizabeth ellen emily emma grace hannah
    heather helen hillary jane janet jennifer jessica joan julia julie karen kate katherine
    kathleen kelly laura linda lisa margaret maria marie martha mary megan melissa michelle
    nancy nicole olivia pamela patricia rachel rebecca ruth sarah sharon stephanie susan teresa
    victoria abigail alexandra alicia alison allison ana andrea angelina anita annie ashley beth
    brenda brittany camila carla carly carmen cecilia cheryl christina claudia connie cynthia
    daniela denise dolores elaine eleanor elena elise erica erin esther eva evelyn fatima
    felicia frances gabriela gina gloria gwen hayley heidi irene isabel isabella jackie
    jacqueline janice jasmine jean jeanne jenna jill joanna jocelyn jodi josephine joyce judith
    judy kara kathy katie kayla kimberly kirsten kristen lauren leah lena leslie lillian
    lorraine lucy lynn madeleine marcia marilyn marsha melanie meredith mia michele mildred
    miriam molly monica naomi natalie nina nora norah paula peggy phyllis priscilla rita roberta
    rosa rosemary roxanne sabrina samantha sandra sara shannon sheila shirley sonia sophia
    stacey sylvia tamara tammy tara tiffany tina tracy valerie vanessa veronica wanda wendy
    yvonne zoe
    """)
_FIRST_NAMES = {"m": _MALE_FIRST, "f": _FEMALE_FIRST}
_ANY_FIRST = _MALE_FIRST | _FEMALE_FIRST
#: Last words of a capitalised name that make it an institution, a group or a place, never the
#: person a he/she refers to ("the Washington Post", "Senate Republicans", "South Carolina").
_NOT_PERSON_HEADS = _wordset("""
    post press times news journal tribune herald gazette magazine review network daily party
    department committee council agency association institute university center centre foundation
    service bureau office commission court congress senate house administration ministry campaign
    union group corporation company inc fund board americans republicans democrats america qaeda
    carolina dakota states street
    city county heights school college church hospital airport island hampshire york mexico
    jersey virginia state republican democratic
    """)
_ROLE_OR_TITLE = _ROLE_NOUNS | TITLES
#: After a surname: a possessive, an apposition, adverbs or auxiliaries, then the word to test.
_AFTER_NAME = re.compile(
    r"(?:['’]s?\b)?[ \t]*(?:,[^,.;\n]{1,80},[ \t]*)?(?:(?:also|later|then|had|has|have|was"
    r"|were|would|will|again|previously|once|recently|quickly|who)[ \t]+)*([a-z]+)"
)
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|added|wrote|asked|told|according[ \t]+to)[ \t]+"
    r"(?:(?!(?:in|at|on|from|of|to|with|for|by|during|after|before|that|about)\b)"
    r"[\w.'’-]+[ \t]+){0,5}$"
)
#: What marks a name as a person's right after it: an age, "who", a party and state.
_PERSON_AFTER = re.compile(
    r",[ \t]*\d{1,3}[ \t]*,|,[ \t]+who\b|[ \t]+\((?:[RDI]-|\d{1,3}\))|,[ \t]*[RDI]-[A-Z]"
)
#: The word before a name and its capitalised words ("former governor Jan Brewer").
_APPOSITION = re.compile(r",[ \t]+([^,.;:\n]{2,60}),")


def _role_apposition(masked: str, end: int) -> bool:
    """``Ana Ruiz, the port's director,``: an apposition headed by a role noun; or, closing its
    sentence, a described person (``Bo Vale, a retired firefighter.``: an article, then a noun
    for someone who does something)."""
    m = _APPOSITION.match(masked, end)
    if m is not None and any(w in _ROLE_NOUNS for w in m.group(1).lower().split()):
        return True
    m = _PERSON_DESCRIBED.match(masked, end)
    return m is not None and m.group(1) not in _NOT_AGENT_NOUNS


#: ", a retired firefighter." -- an article, lower-case words, an agent noun, the sentence end.
_PERSON_DESCRIBED = re.compile(
    r",[ \t]+(?:a|an)[ \t]+(?:[a-z-]+[ \t]+){0,3}([a-z-]+(?:er|or|ist|ian))[ \t]*[.;]"
)
#: Nouns of that shape that are no person.
_NOT_AGENT_NOUNS = _wordset("""
    center centre corner river tower water border order number matter letter paper quarter
    chapter theater theatre cluster sector factor motor monitor corridor interior exterior
    calendar manner summer winter weather cancer meter computer trailer charter register
    """)
_ROLE_BEFORE = re.compile(r"\b([a-z]+\.?)[ \t]+(?:[A-Z][\w.'’-]*[ \t]+){0,3}$")
_ALONE = re.compile(r"[ \t]+[a-z]+")
_CAPITAL_BEFORE = re.compile(r"[A-Z][\w.'’-]*[ \t]+$")
_CAP_RUN = re.compile(r"[\w'’-]*")


def _lower_word_in(text: str, word: str) -> bool:
    """Does ``text`` use ``word`` as a whole lower-case word (a match of ``\\b[a-z]+\\b``)?

    Asked of a few words per text, so it looks for them instead of collecting every lower-case
    word of the text into a set (which cost more than the rest of the name collection)."""
    if not (word.isascii() and word.isalpha() and word.islower()):
        return False
    n = len(word)
    p = text.find(word)
    while p >= 0:
        if (p == 0 or _WORD_CHAR.match(text, p - 1) is None) and _WORD_CHAR.match(
            text, p + n
        ) is None:
            return True
        p = text.find(word, p + 1)
    return False


def _mid_sentence_cap_in(text: str, word: str) -> bool:
    """Is ``word`` one of ``_MID_SENTENCE_CAP.findall(text)``: a capitalised run after a
    lower-case letter, digit or ``,;:)`` and a space? (Looked for, like ``_lower_word_in``.)"""
    if not ("A" <= word[:1] <= "Z"):
        return False
    n = len(word)
    p = text.find(word, 2)
    while p >= 0:
        run = _CAP_RUN.match(text, p + 1)
        if (
            text[p - 1] == " "
            and text[p - 2] in _MID_CAP_BEFORE
            and run is not None
            and run.end() == p + n
        ):
            return True
        p = text.find(word, p + 1)
    return False


_MID_CAP_BEFORE = frozenset("abcdefghijklmnopqrstuvwxyz0123456789,;:)")
_MALE_PRONOUNS = _wordset("he him his himself")
_FEMALE_PRONOUNS = _wordset("she her hers herself")


_TITLED_SURNAME = re.compile(
    r"(?=[MDSRGL])"  # (lets the engine skip ahead to a possible first letter: faster)
    r"\b(Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Gen|Sir|Dame|Lord|Lady)\.?\s+([A-Z][\w'’-]+)"
    # (not the first name of "Sen. Bo Lind")
    r"(?![ \t]+[A-Z][a-z])"
)
_CAPITAL_START = re.compile(r"(?=[A-Z])\b")
_WORD_CHAR = re.compile(r"\w")


def _whole_word_hits(s: str, keys: Sequence[str]) -> Iterator[tuple[int, str]]:
    """(start, key) wherever ``\\b(?:key1|key2|…)\\b`` would match in ``s`` — keys tried in order at
    each place, matches not overlapping — for keys that all start with a capital A-Z.

    It spares compiling one such pattern per text: besides its own cost, each one pushed a
    static pattern out of ``re``'s cache, to be compiled again.
    """
    by_first: dict[str, list[str]] = {}
    for k in keys:
        by_first.setdefault(k[0], []).append(k)
    end = 0
    for m in _CAPITAL_START.finditer(s):
        p = m.start()
        if p < end:
            continue
        for k in by_first.get(s[p], ()):
            e = p + len(k)
            # A word boundary after the key: a word character on one side only.
            if s.startswith(k, p) and (_WORD_CHAR.match(s, e - 1) is None) != (
                _WORD_CHAR.match(s, e) is None
            ):
                yield p, k
                end = e
                break


def _gender_vote(masked: str, pos: int) -> int:
    """+1 (male), -1 (female) or 0 for the name mentioned at ``pos``: a gendered word among the
    three before it ("his daughter Ivanka Trump", "Ms. Ruiz"), else a he/she after it in its
    clause."""
    before = masked[max(0, pos - 40) : pos].lower().split()[-3:]
    score = sum(w.strip(",") in _MALE_WORDS for w in before) - sum(
        w.strip(",") in _FEMALE_WORDS for w in before
    )
    return score or _People._pronoun_after(masked, pos)


#: Words after an object "her" ("told her privately", "asked her about"), not after a
#: possessive one ("her job").
_AFTER_OBJECT = _wordset("""
    that to about for in on at with by from as if whether privately later again directly
    personally recently too also up out back down off
    """)
#: First words of a place's name, never of a person's: "Western Europe", "North Carolina".
_PLACE_OPENERS = _wordset("""
    North South East West Northern Southern Eastern Western Central Upper Lower New Greater
    Mount Lake Port Fort Saint San Santa Los Las
    """)
#: "’s" right after a name: an owner, not a subject.
_POSSESSIVE_START = re.compile(r"['’]s?\b")
#: '"…," said Ana Ruiz': a sentence whose speaker comes after its cue, not at its start.
_INVERTED_CUE = re.compile(r"@[ \t,]*(?:said|says|added|adds|wrote|writes|asked|asks)[ \t]+[A-Z]")
#: A byline: "By Ana Ruiz", "By Ana Ruiz, Staff Writer".
_BYLINE = re.compile(
    r"^[ \t]*By[ \t]+[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){1,3}[ \t]*(?:,[^\n]*)?$", re.M
)
#: "Sen. Tom Vale of ": a capitalised word and "of" right before a name make it a place.
_NAME_OF_END = re.compile(r"[A-Z][\w.'’-]*[ \t]+of[ \t]+$")
_PARTY_DASH_END = re.compile(r"[(\s,][RDI]-$")


def _placed(masked: str, pos: int, name: str) -> bool:
    """Is the mention at ``pos`` (of ``name``'s last word) used as a place: in a party label
    ("(D-Avel)") or as the full name after a name and "of" ("Tom Vale of West Avel")?"""
    if _PARTY_DASH_END.search(masked, max(0, pos - 3), pos):
        return True
    start = pos + len(name.rsplit(None, 1)[-1]) - len(name)
    return (
        start >= 0
        and masked.startswith(name, start)
        and _NAME_OF_END.search(masked, max(0, start - 40), start) is not None
    )


def _kin_at(masked: str, pos: int, kin: Sequence[str], default: str) -> str:
    """Which of ``kin`` (people's full names sharing a surname) the surname at ``pos`` stands
    for: the one whose first names are written before it ("Hillary Clinton"); after Mr. the
    man's and after Mrs. or Ms. the woman's, by first name; else ``default``."""
    if len(kin) < 2:
        return default
    for name in kin:
        lead = name.rsplit(None, 1)[0] + " "
        if pos >= len(lead) and masked.startswith(lead, pos - len(lead)):
            return name
    title = _TITLE_BEFORE_SURNAME.search(masked, max(0, pos - 6), pos)
    if title is not None:
        want = _MALE_FIRST if title.group(1) == "Mr" else _FEMALE_FIRST
        match = [n for n in kin if n.split()[0].lower() in want]
        if len(match) == 1:
            return match[0]
    return default


#: "Mr. " or "Mrs. " right before a surname.
_TITLE_BEFORE_SURNAME = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?[ \t]+$")


class _People:
    """Named people in order of mention, with the gender the text gives them, for pronouns.

    Gender comes from evidence inside the text: a title or gendered noun next to a mention
    (Mr., Ms., spokeswoman), a he/she/his/her later in the sentence a name opens, and, failing
    those, a short list of common English first names.
    """

    def __init__(self, text: str, masked: str, names: Sequence[tuple[int, str]]) -> None:
        full: dict[str, str] = {}
        #: People's full names that share a surname ("Bill Clinton", "Hillary Clinton").
        shared: dict[str, list[str]] = {}
        for _, name in names:
            toks = name.split()
            if len(toks) >= 2 and toks[-1][:1].isupper():
                if toks[-1].lower() in _NOT_PERSON_HEADS or (
                    toks[0] in _PLACE_OPENERS and len(toks) <= 3
                ):
                    continue  # "He added" never means "the Washington Post" or "Western Europe"
                full.setdefault(toks[-1], name)
                if toks[0].lower() in _ANY_FIRST and toks[-1].lower().rstrip(".") not in _SUFFIXES:
                    sharing = shared.setdefault(toks[-1], [])
                    if name not in sharing:
                        sharing.append(name)
        titled = [m.group(2) for m in _TITLED_SURNAME.finditer(masked)]
        for surname in titled:
            full.setdefault(surname, surname)
        self.mentions: list[tuple[int, str]] = []
        if full and all("A" <= k[0] <= "Z" for k in full):
            for pos, key in _whole_word_hits(masked, list(full)):
                self.mentions.append((pos, _kin_at(masked, pos, shared.get(key, ()), full[key])))
        elif full:
            pat = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in full) + r")\b")
            for m in pat.finditer(masked):
                name = _kin_at(masked, m.start(), shared.get(m.group(), ()), full[m.group()])
                self.mentions.append((m.start(), name))
        # "Sen. Tom Vale of West Avel disagreed", "(D-Avel)": a place after a person's name or
        # in a party label is no person a pronoun may stand for.
        not_people = {name for pos, name in self.mentions if _placed(masked, pos, name)}
        bylines = [m.span() for m in _BYLINE.finditer(masked)]
        in_byline = {pos for pos, _ in self.mentions if any(a <= pos < b for a, b in bylines)}
        if in_byline:
            # "By Ana Ruiz" over an article: its writer, who speaks as "I", is no she unless
            # the text names her again.
            named_elsewhere = {name for pos, name in self.mentions if pos not in in_byline}
            not_people |= {name for _, name in self.mentions if name not in named_elsewhere}
        if not_people:
            self.mentions = [(pos, name) for pos, name in self.mentions if name not in not_people]
        self.not_people = not_people
        self.tracked = {name for _, name in self.mentions}
        votes: dict[str, int] = {}
        for pos, name in self.mentions:
            votes[name] = votes.get(name, 0) + 2 * _gender_vote(masked, pos)
        self.gender: dict[str, str] = {}
        for name in set(full.values()).union(*shared.values()):
            v = votes.get(name, 0)
            first = name.split()[0].lower()
            # A common first name outweighs one stray pronoun vote.
            v += 3 * ((first in _MALE_FIRST) - (first in _FEMALE_FIRST))
            if v:
                self.gender[name] = "m" if v > 0 else "f"
        #: Names the text shows speaking (a cue verb after a mention, "said" before one) or
        #: titled: the only ones of unknown gender a he/she may pick up.
        self.speaking: set[str] = set()
        for pos, name in self.mentions:
            if name in self.speaking or name in self.gender:
                continue
            key = name.split()[-1]
            end = pos + len(key)
            if (
                _speaks_after(masked, end)
                or _SAID_BEFORE.search(masked, max(0, pos - 80), pos)
                or _PERSON_AFTER.match(masked, end)
                or _role_apposition(masked, end)
            ):
                self.speaking.add(name)
                continue
            role = _ROLE_BEFORE.search(masked, max(0, pos - 60), pos)
            if role is not None and role.group(1).lower() in _ROLE_OR_TITLE:
                self.speaking.add(name)  # "former governor Jan Brewer"
                continue
            if (
                _ALONE.match(masked, end)
                and not _CAPITAL_BEFORE.search(masked, max(0, pos - 30), pos)
                and not _lower_word_in(masked, key.lower())
            ):
                # The surname alone as a subject ("Mendoza regularly …"), unless the text also
                # uses the word in lower case (a city … the city).
                self.speaking.add(name)
        for surname in titled:
            self.speaking.add(full.get(surname, surname))
        kin = [
            (m.start("first"), m.group("first"), m.group("kin").lower())
            for m in _KIN_FIRST_NAME.finditer(masked)
            if m.group("first") not in _STOP_CAPS and m.group("first") not in full
        ]
        if kin:
            # "His wife, Ellen, nodded. “…,” she said.": a first name given by a kin word is a
            # person of that word's gender.
            for pos, first, word in kin:
                self.mentions.append((pos, first))
                self.gender.setdefault(first, "f" if word in _FEMALE_WORDS else "m")
                self.tracked.add(first)
            self.mentions.sort()

    @staticmethod
    def _pronoun_after(masked: str, pos: int) -> int:
        """+1/-1 when a he/his (she/her) follows the name in its clause, before any other name."""
        window = masked[pos : pos + 100]
        if _POSSESSIVE_WORD.match(window):
            return 0  # "under Ruiz’s questioning he …": a possessive is not the clause's subject
        stop = _CLAUSE_STOP.search(window)
        window = window[: stop.start()] if stop else window
        words = _LETTERS_RUN.findall(window)
        for k, w in enumerate(words):
            if k > 0 and w[:1].isupper() and w not in _STOP_CAPS:
                return 0
            low = w.lower()
            if low == "him":
                continue  # "Lima backed him up": the object is someone else
            if low == "her" and (k + 1 == len(words) or words[k + 1].lower() in _AFTER_OBJECT):
                continue  # "Lind had told her privately that": an object, not her own
            if low in _MALE_PRONOUNS:
                return 1
            if low in _FEMALE_PRONOUNS:
                return -1
        return 0

    def last_at(self, name: str | None, before: int) -> int:
        """Where the text last mentions ``name`` before ``before`` (-1 for none)."""
        for pos, other in reversed(self.mentions):
            if pos < before and other == name:
                return pos
        return -1

    def person(self, name: str) -> bool:
        """Does the text give ``name`` a gender or show it as a person (see ``speaking``)?"""
        if name in self.not_people:
            return False
        if name in self.gender or name in self.speaking:
            return True
        # Not among the names this class tracks (a one-word name): no evidence either way.
        return name not in self.tracked

    def clashes(self, name: str, want: str) -> bool:
        """Does the text give ``name`` the other gender than ``want`` ("m" or "f")?"""
        got = self.gender.get(name, "")
        return want in ("m", "f") and got in ("m", "f") and got != want

    def clashes_any(self, mention: str, want: str) -> bool:
        """Does the text give the person ``mention`` names (in full or by surname) the other
        gender than ``want``?"""
        name = canonical_name(mention)
        if self.clashes(name, want):
            return True
        last = name.split()[-1] if name.split() else ""
        return any(self.clashes(n, want) for n in self.tracked if n.split()[-1] == last)

    def resolve(self, pronoun: str, pos: int) -> str | None:
        """The most recent person before ``pos`` whose known gender does not contradict him/her.

        Names the text shows as people (a gender, a cue, a title, a role, an age) come first, so
        a place or event named in between ("… filled Pier Square. “…,” he said") is passed
        over; a name with no such evidence is taken only when no evidenced one fits.
        """
        want = _PRONOUNS.get(pronoun.lower(), "")
        lo, hi = 0, len(self.mentions)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.mentions[mid][0] < pos:
                lo = mid + 1
            else:
                hi = mid
        for evidenced in (True, False):
            for k in range(lo - 1, -1, -1):
                name = self.mentions[k][1]
                if evidenced and name not in self.gender and name not in self.speaking:
                    continue
                if self.gender.setdefault(name, want) == want:
                    # An unknown gender is learnt from the first pronoun that refers to the name.
                    return name
        return None


def attribute(
    text: str, quotes: Sequence[Quote], *, cue_verbs: Collection[str] | None = None
) -> list[Quote]:
    """The same quotes, in the same order, with ``speaker`` and ``speaker_span`` filled where found.

    ``cue_verbs`` adds verbs to ``CUE_VERBS`` (pass a collection starting with ``"-"`` entries to
    remove words, e.g. ``{"-read"}``).
    """
    # A no-break space reads as a space ("Ana\xa0Ruiz", "of\xa0State"); one for one, so every
    # offset still points into the text as sent.
    text = english_marks(text.replace("\xa0", " "), [q.span for q in quotes])
    cues = set(CUE_VERBS)
    if cue_verbs is not None:
        for w in cue_verbs:
            if w.startswith("-"):
                cues.discard(w[1:].lower())
            else:
                cues.add(w.lower())
    cue_re = _cue_regex(frozenset(cues))
    masked = _mask_titles(text, _mask(text, quotes), quotes)
    sents = sentences(text)
    paras = paragraphs(text)
    headings = _heading_spans(text)
    resolver = _Resolver(text, _collect_names(text, headings), {}, masked=masked)
    known = _known_names(text, resolver.names)
    people: _People | None = None
    from checking import ranker as _ranker  # the ranker builds on this module's helpers

    ranking = _ranker.for_text(text, masked, sents, paras, frozenset(cues), known, headings)
    out: list[Quote] = []
    rules: list[str] = []
    last_named: tuple[str, Span] | None = None
    last_by_pron: dict[str, tuple[str, Span]] = {}
    prev: Quote | None = None
    prev_para = -1
    prev_rule = "none"
    si = 0
    pi = 0
    for q in quotes:
        a, b = q.span
        while si + 1 < len(sents) and sents[si][1] <= a:
            si += 1
        sj = si
        while sj + 1 < len(sents) and sents[sj][1] < b:
            sj += 1
        lo, hi = (sents[si][0], sents[sj][1]) if sents else (0, len(text))
        lo = min(lo, a)
        hi = max(hi, b)
        while pi + 1 < len(paras) and paras[pi][1] <= a:
            pi += 1
        if sents and sj + 1 < len(sents) and _ends_with_quote(text, b, hi):
            # “…?” Sanders asked. — a question or exclamation closing the quote does not end the
            # sentence when an attribution follows; take that next sentence into the window.
            nxt = sents[sj + 1]
            if (not paras or nxt[0] < paras[pi][1]) and cue_re.search(
                masked, nxt[0], min(nxt[1], nxt[0] + 100)
            ):
                hi = nxt[1]
        elif sents and sj + 1 < len(sents) and _bare_cue_sentence(text, b, hi, sents[sj + 1]):
            hi = sents[sj + 1][1]
        found = _turn_label(text, q) or _signature(text, masked, q, paras, pi)
        if found is None:
            found = _find_cue(masked, q, lo, hi, cue_re)
            if found is None:
                found = _wrapped_quote_cue(text, masked, q, lo, hi, cue_re)
            if found is None:
                found = _spaced_close_cue(text, masked, q, lo, hi, cue_re)
            if found is None:
                found = _unclosed_cue(text, masked, q, lo, hi, cue_re)
            elif found.rule in ("f2", "f3") and found.mention.kind == "pronoun":
                found = _named_cue_before(masked, q, lo, cue_re) or found
            if found is None and sents and sj + 1 < len(sents):
                found = _quote_from_next(masked, b, hi, sents[sj + 1])
            if (
                found is not None
                and found.rule == "f5"
                and any(ha <= found.mention.span[0] < hb for ha, hb in headings)
            ):
                # "Campaign Trail: “…”" in a headline is a label, not a speaker's turn.
                found = None
        if found is not None:
            found = _with_body_of(masked, found)
        mention = found.mention if found is not None else None
        speaker: str | None = None
        span: Span | None = None
        inherit = False
        rule = found.rule if found is not None else "none"
        if mention is None:
            para_lo = paras[pi][0] if paras else 0
            quote_led = a - para_lo <= 2
            own_material = _TWO_LETTERS.search(masked[lo:hi].replace("@", " ")) is not None
            if (
                prev is not None
                and prev.speaker_span is not None
                and pi == prev_para
                and not own_material
                and not _someone_else_between(masked, sents, si, prev)
            ):
                inherit = True
                rule = "inherit-para"
                cut_in = _cut_in(masked, prev.span[1], a, cue_re)
                if cut_in is not None:
                    # "“…,” Ruiz said, and her husband cut in. “…”": the last speaker named.
                    mention, inherit, rule = cut_in, False, "f6"
            elif quote_led and pi > 0 and text[paras[pi - 1][0] : paras[pi - 1][1]].endswith(":"):
                if _colon_quote_carries(prev, prev_para, paras[pi - 1], pi):
                    # “… Here is what we will do:¶“We will …”: the quote runs on, same speaker.
                    inherit = True
                    rule = "colon-quote"
                else:
                    ps = _last_sentence(sents, paras[pi - 1])
                    mention = _intro_mention(masked, ps[0], ps[1], cue_re, known)
                    rule = "colon-para"
            elif (
                prev is not None
                and prev.speaker_span is not None
                and pi == prev_para + 1
                and quote_led
                and not own_material
                and not (prev.speaker is None and prev.partial)
            ):
                inherit = True
                rule = "inherit-next"
            elif own_material:
                mention = _words_of(masked, lo, a, b, hi)
                rule = "words-of"
                if mention is None:
                    mention = _label_before(masked, lo, a)
                    rule = "label-clause"
                if mention is None:
                    mention = _possessor(masked, lo, a)
                    rule = "possessor"
                    if mention is not None and mention.kind == "pronoun":
                        mention = _possessive_subject(masked, lo, mention, known) or mention
                if mention is None:
                    mention = _pronoun_calls(masked, lo, a)
                    rule = "pron-calls"
                if mention is None:
                    mention = _relative_holder(masked, lo, a, known)
                    rule = "who-clause"
                if mention is None:
                    mention = _nearest_subject(masked, lo, a, cue_re, known)
                    rule = "nearest-subject"
                if mention is None:
                    mention = _subject(masked, lo, hi, known)
                    rule = "subject"
                    if (
                        mention is not None
                        and mention.span[0] >= b
                        and q.text.rstrip()[-1:].isalnum()
                        and not text[b : mention.span[0]].strip(_QUOTE_CHARS + " ")
                    ):
                        # "“… whether or not to go after” Osama bin Laden.": a name the quoted
                        # words run on into is their object, not a subject who speaks them.
                        mention = None
                    if mention is not None and _abstract(mention):
                        # "The timeline shows it was long before officials began calling it a
                        # “…”": a subject that is a thing, not a person or body, is no speaker;
                        # a later clause's subject before the quote is a better guess.
                        later = _later_subject(masked, mention.span[1], a, cue_re, known)
                        if later is not None:
                            mention, rule = later, "later-subject"
                if mention is None:
                    mention = _clause_subject(masked, lo, a, cue_re, known)
                    rule = "clause-subject"
                if (
                    mention is None
                    and prev is not None
                    and prev.speaker is not None
                    and pi == prev_para
                    and prev_rule.split("/")[0] in _FIRM_RULES
                ):
                    # "…,” Ruiz said. Later, “…”: no speaker of its own, so the paragraph's
                    # (when that quote had a cue of its own, not a guess from a sentence subject).
                    inherit = True
                    rule = "inherit-para-late"
                elif (
                    mention is None
                    and not inherit
                    and a - lo <= 2
                    and si > 0
                    and sents[si - 1][0] >= (paras[pi][0] if paras else 0)
                    and cue_re.search(masked, sents[si - 1][0], sents[si - 1][1]) is not None
                ):
                    # "Vale argues that his client was peaceful. “The state is alleging …” were
                    # provoking violence.": a quote opening a sentence without a cue continues
                    # the reported speech of the sentence before.
                    mention = _intro_mention(
                        masked, sents[si - 1][0], sents[si - 1][1], cue_re, known
                    )
                    rule = "prev-sent-cue"
            elif si > 0 and sents[si - 1][0] >= (paras[pi][0] if paras else 0):
                mention = _intro_mention(masked, sents[si - 1][0], sents[si - 1][1], cue_re, known)
                rule = "intro-prev-sent"
            elif (
                quote_led
                and pi > 0
                and (
                    prev is None
                    or prev_para < pi - 1
                    # "What “go after them” means is left to voters, since Trump spoke only in
                    # bromides.¶“…”": a fragment nobody was found to say does not carry on.
                    or (prev.speaker is None and prev.partial)
                )
            ):
                # A quote standing alone after a paragraph of reporting belongs to whoever that
                # paragraph's last sentence reports on ("Valastro praised …¶“We need …”").
                ps = _last_sentence(sents, paras[pi - 1])
                mention = _intro_mention(masked, ps[0], ps[1], cue_re, known)
                rule = "intro-prev-para"
        if (
            prev is not None
            and prev.speaker_span is not None
            and pi == prev_para
            and not inherit
            and rule.split("/")[0] in _GUESS_RULES
            and _COORDINATED_GAP.fullmatch(masked, prev.span[1], a) is not None
        ):
            # "… so-called “thieves” and “criminals” …": a quote joined to the one before it by
            # "and" or a comma is the same speaker's.
            mention, found, inherit, rule = None, None, True, "inherit-para"
        para_acc = _paragraph_according(masked, paras[pi][0] if paras else 0, lo, mention)
        if para_acc is not None and mention is not None:
            # "According to the Gazette, one sign read “…”. Another advised, “…”": the source
            # named at the paragraph's head covers its later sentences too.
            found = _Found(mention, a, rule, source=para_acc)
        if (
            mention is not None
            and rule not in ("f1", "f2", "f3")
            and (found is None or found.source is None)
        ):
            outlet = (
                _REPORTED_AFTER_NEXT.match(masked, b, hi)
                if masked.find("report", b, hi) >= 0 or masked.find("wrote", b, hi) >= 0
                else None
            )
            if outlet is not None and outlet.group("outlet").split()[0] not in _STOP_CAPS - {"The"}:
                # "Ruiz called it “reckless” and “cruel,” the Gazette reported": the outlet that
                # reports the sentence's last quote reports its earlier ones too.
                found = _Found(mention, a, rule, source=outlet.span("outlet"))
        poll = _poll_source(masked, lo, a, mention)
        if poll is not None and mention is not None:
            # "In a Gazette poll released Sunday, 60 percent of voters said …": the poll.
            found = _Found(mention, a, rule, source=poll)
        if ranking is not None:
            ruled = (
                found.source
                if found is not None and found.source is not None and mention is found.mention
                else mention.span
                if mention
                else prev.speaker_span
                if inherit and prev
                else None
            )
            chosen = ranking.choose(q, (pi, si, sj, lo, hi), rule, mention, ruled, prev)
            if chosen is not None:
                mention, inherit, rule = chosen, False, "ranker"
        if inherit and prev is not None:
            source = prev
            if (
                q.text[:1].islower()
                and len(out) >= 2
                and out[-2].span[0] >= (paras[pi][0] if paras else 0)
                and out[-2].speaker_span is not None
                and out[-2].speaker_span != prev.speaker_span
                and out[-2].text.rstrip()[-1:] not in (".", "!", "?")
                and prev_rule.split("/")[0] not in _GUESS_RULES
            ):
                # "He said, “Lind will build the wall” - at which point the crowd chanted
                # “Build the wall!” - “and restore law and order.”": a quote that opens in lower
                # case resumes the unfinished one before the interruption.
                source = out[-2]
            speaker, span = source.speaker, source.speaker_span
            if rule in _REMENTION_RULES and span is not None and speaker is not None:
                span = _latest_mention(masked, span[1], a, speaker) or span
            if span is not None and speaker is not None:
                span = _relative_antecedent(text, span, speaker) or span
        elif mention is not None:
            span = mention.span if found is None or found.source is None else found.source
            if mention.kind == "pronoun":
                key = _PRONOUNS.get(mention.text.lower(), "")
                opener: _Mention | None = None
                if key in ("m", "f"):
                    if people is None:
                        people = _People(text, masked, resolver.names)
                    who = people.resolve(mention.text, mention.span[0])
                    opener = _subject(masked, lo, mention.span[0])
                    if (
                        si > 0
                        and sents[si - 1][0] >= (paras[max(0, pi - 1)][0] if paras else 0)
                        and _opens_sentence(masked, lo, mention.span[0])
                    ):
                        # "Bo Lind, whose nickname is …, laughed. He said …": a he/she opening
                        # its sentence is the person who opened the sentence before.
                        about = _about_sentence_before(
                            partial(
                                _person_opening,
                                text,
                                masked,
                                resolver=resolver,
                                people=people,
                                last_named=last_named,
                                key=key,
                                a=a,
                            ),
                            masked,
                            sents,
                            si - 1,
                            key,
                            last_by_pron.get(key),
                            prev,
                            last_named,
                            people,
                        )
                        if about is not None:
                            who = about
                    verb = (
                        _AFTER_NAME.match(masked, opener.span[1])
                        if opener is not None and opener.kind == "name"
                        else None
                    )
                    if (
                        opener is not None
                        and verb is not None
                        and verb.end() < mention.span[0]
                        and verb.group(1) in cues
                        and verb.group(1) not in _OBJECT_VERBS
                        and verb.group(1) not in ("asked", "asks", "ask")
                    ):
                        full = resolver.fullest(opener.text, a)
                        if who != full and not people.clashes_any(opener.text, key):
                            # "Tom Alder said Ana Ruiz had called him, and he insisted …": a
                            # he/she in the sentence is its speaking subject before anyone
                            # named since (not after "asked Lind about …", where it may be
                            # the one asked).
                            who = full
                    role = _role_antecedent(
                        masked,
                        people.last_at(who, mention.span[0]),
                        max(paras[pi][0] if paras else 0, sents[si - 1][0] if si > 0 else 0),
                        mention.span[0],
                        key,
                    )
                    if role is not None:
                        # "Ana Ruiz spoke first. When the mayor took the stage, she said …":
                        # the he/she is the role holder introduced since the last name.
                        holder = _resolve_role(text, role, resolver, last_named)
                        if holder is not None:
                            who = holder
                    ref = (who, mention.span) if who is not None else last_named
                    if ref is None:
                        # Nobody the text shows as a person: the name opening a sentence just
                        # before ("Ruiz spoke first. Crowds filled Pier Square. “…,” she said.").
                        lone = _lone_person(
                            masked, sents, si, paras[pi][0] if paras else 0, people, key
                        )
                        if lone is not None:
                            ref = (resolver.fullest(lone.text, a), lone.span)
                else:
                    ref = last_by_pron.get(key)
                    turn = TURN_LABEL.match(text, paras[pi][0]) if key == "s" and paras else None
                    if turn is not None and turn.end() <= mention.span[0]:
                        # "LIND: I said, “…”": in a transcript turn, I is the turn's speaker.
                        ref = (resolver.fullest(turn.group(1).title(), a), mention.span)
                if ref is None and key == "o":
                    # "The union disputes that. In a statement, it said …": a body, never a
                    # person, is "it"; the body opening the sentence before.
                    body = _it_antecedent(masked, sents, si, mention.span[0])
                    if body is not None and body.text[:1].isupper():
                        ref = (resolver.fullest(body.text, a), body.span)
                    elif body is not None:
                        ref = (body.text, body.span)
                if ref is None and key == "p":
                    # "Protesters gathered outside City Hall. “…!” they shouted.": the plural
                    # subject of the sentence before.
                    plural = _plural_antecedent(masked, sents, si)
                    if plural is not None:
                        ref = (plural.text, plural.span)
                if ref is None and key != "s":
                    # (An "I" nobody was named for is the writer's, or a speaker's inside a
                    # quote: never just the last name before it, "Wall Street".)
                    if people is None:
                        people = _People(text, masked, resolver.names)
                    ref = _nearest_name_before(resolver, lo)
                    if ref is not None and (
                        # "Maria Okoro spoke. The union … it said": an it or a they is not the
                        # person named last; "Fog closed Marrow Bay. “…,” he said.": a he is
                        # no place (so an it or a they takes only a body's name, "the
                        # Democratic Party"); "Tom Alder met Merkel. “…,” she said.": nor
                        # someone of the other gender.
                        (
                            key in ("o", "p")
                            and (ref[0] in people.gender or ref[0] in people.speaking)
                        )
                        or not people.person(ref[0])
                        or people.clashes(ref[0], key)
                    ):
                        ref = None
                if ref is None:
                    # "Ode said the ferry, which he called …": the name opening the sentence.
                    subj = opener if key in ("m", "f") else _subject(masked, lo, mention.span[0])
                    if (
                        subj is not None
                        and subj.kind == "name"
                        and cue_re.match(masked, subj.span[1] + 1) is not None
                    ):
                        ref = (resolver.fullest(subj.text, a), subj.span)
                if ref is None and key in ("m", "f") and people is not None:
                    # "Shea spoke first. “…,” she said.": the one person named just before.
                    lone = _lone_person(
                        masked, sents, si, paras[pi][0] if paras else 0, people, key
                    )
                    if lone is not None:
                        ref = (resolver.fullest(lone.text, a), lone.span)
                speaker = ref[0] if ref else None
            elif mention.kind == "role" or (
                mention.kind == "relative" and mention.text[:1].islower()
            ):
                holder = _holder(masked, mention) if mention.kind == "role" else None
                apposed = _apposed_name(text, mention) if mention.kind == "relative" else None
                if holder is not None:
                    # "Former secretary of state Ana Ruiz:", "her lawyer, Ana Ruiz, wrote":
                    # the office or role, then the person who holds it.
                    speaker = resolver.fullest(holder, a)
                elif apposed is not None:
                    # "Vale, an Avel native who writes fiction": the person the phrase describes.
                    speaker = resolver.fullest(apposed, a)
                else:
                    speaker = _resolve_role(text, mention, resolver, last_named)
            else:
                # "Secretary of State John F. Kerry said", "the White House press secretary,
                # Josh Earnest, said": the mention stopped before the person it introduces.
                named = _holder(masked, mention) or mention.text
                vote = _gender_vote(masked, mention.span[0]) if " " not in named else 0
                # "said Sanders as he closed out": not his wife, Jane Sanders, named since.
                speaker = resolver.fullest(
                    named, a, gender="m" if vote > 0 else "f" if vote else ""
                )
                if any(ha <= mention.span[0] < hb for ha, hb in headings):
                    cut = _heading_name(resolver, mention, a)
                    if cut is not None:
                        speaker = cut[0]
                        if span == mention.span:
                            span = (span[0], span[0] + cut[1])
            if speaker is not None and mention.kind == "name" and span == mention.span:
                speaker, span = _with_coordinated(masked, resolver, speaker, span, a)
            if speaker is not None and mention.kind != "pronoun":
                last_named = (speaker, span)
                for key in ("m", "f", "p", "o"):
                    last_by_pron.pop(key, None)
            elif speaker is not None:
                key = _PRONOUNS.get(mention.text.lower(), "")
                last_by_pron[key] = (speaker, span)
        if (
            rule == "ranker"
            and ranking is not None
            and not ranking.confident
            and not (
                prev is not None
                and pi == prev_para
                and span == prev.speaker_span
                and prev_rule.split("/")[0] in _CONFIRMED_RULES
            )
        ):
            # A guessed mention: shown, but no verdict rests on it; unless it is the speaker a
            # cue gave the quote before in the paragraph ("…,” said Bo Lind. “…” and his team
            # “…”"), which the guess only confirms.
            speaker = None
        if _TRACE is not None:
            _TRACE.append(rule + ("/" + mention.kind if mention is not None else ""))
        nq = replace(q, speaker=_shown(speaker), speaker_span=span)
        out.append(nq)
        rules.append(rule)
        prev = nq
        prev_para = pi
        prev_rule = rule
    _carry_back(text, out, rules, paras)
    return out


#: Most words an unattributed quote may have and still be a term the writer marks rather than a
#: claim (see :func:`quote_claims`).
TERM_WORDS = 3


def quote_claims(
    text: str, *, cue_verbs: Collection[str] | None = None, term_words: int = TERM_WORDS
) -> list[Quote]:
    """The quotes a check reads in ``text``: every extracted quote with its speaker attributed,
    less the short ones the text gives to no one.

    A quote of ``term_words`` words or fewer that no mention attributes is a term the writer
    marks ("the “wise Latina” phrase", "the ''super PAC'' supporting her"), not a claim: nobody
    is said to have said it, so there is no attribution to check, and a phrase that short
    matches words anywhere in a corpus. On PolNeAR's train split 29 of the 8,686 quotes are of
    this kind and 20 of those are not gold quotes. A longer unattributed quote stays: its words
    alone can still be checked. ``cue_verbs`` is passed to :func:`attribute`.
    """
    quotes = attribute(text, extract_quotes(text), cue_verbs=cue_verbs)
    return [q for q in quotes if q.speaker_span is not None or len(q.text.split()) > term_words]


#: A sentence after a quote that says whose it is: "That quote from Ana Ruiz appeared …",
#: "The line came from a senior aide", "That was how Ana Ruiz put it", "So said Ana Ruiz".
_QUOTE_FROM = re.compile(
    r"\s*(?:(?:That|The|This|Those|These)\s+(?:quote|quotation|line|remark|comment|words|phrase)s?"
    r"\s+(?:came\s+|comes\s+)?(?:from|by)"
    r"|(?:That|This|Such)\s+(?:was|is)\s+how"
    r"|(?:Those|These)\s+were\s+the\s+words\s+of"
    r"|So\s+(?:said|says))\s+"
)


def _quote_from_next(masked: str, qb: int, hi: int, nxt: Span) -> _Found | None:
    """The speaker the next sentence names for a quote that ends its own sentence ("“…” That
    quote from Alabama Securities Commissioner Thomas Krebs appeared on the front page …")."""
    if _LETTER.search(masked, qb, hi) or nxt[0] < hi - 1:
        return None
    m = _QUOTE_FROM.match(masked, nxt[0], nxt[1])
    if m is None:
        return None
    mention = _np_after(masked, m.end(), nxt[1], any_det=True)
    if mention is None:
        return None
    return _Found(mention, m.start(), "quote-from")


_REPORTED_AFTER_NEXT = re.compile(
    r"[^.;!?\n]*?[@,][\s,”\"]*(?P<outlet>(?:[Tt]he\s+)?(?:[A-Z][\w.'’&-]*\s+){0,4}"
    r"[A-Z][\w'’&-]*)\s+(?:first\s+|also\s+|later\s+)?(?:reported|reports|wrote)\s*[.,]"
)


_COORDINATED_GAP = re.compile(r"[\s@,]*(?:\b(?:and|or|nor)\b)?[\s@]*")


def _colon_quote_carries(prev: Quote | None, prev_para: int, para: Span, pi: int) -> bool:
    """Does the paragraph before end inside a quote with a colon, so that this paragraph's
    quote continues it (“… Here is what we will do:¶“We will …”)?"""
    return (
        prev is not None
        and prev.speaker_span is not None
        and prev_para == pi - 1
        and prev.span[1] >= para[1] - 3
    )


#: Rules that find a quote's speaker from its own words, which a run-on quote's earlier
#: paragraphs take over.
_OWN_CUE_RULES = _wordset("f1 f2 f3 f6 f7 signature label carried")
#: Rules that only guess from the context, which a later paragraph's own cue overrides.
_GUESS_RULES = _wordset(
    "none inherit-next intro-prev-para intro-prev-sent clause-subject subject nearest-subject "
    "later-subject ranker"
)


def _paragraph_according(
    masked: str, para_lo: int, lo: int, mention: _Mention | None
) -> Span | None:
    """The source of an "According to X," opening the paragraph, for a quote in a later
    sentence of it whose own speaker is only a thing or a bare pronoun-like word."""
    if mention is None or lo <= para_lo or mention.kind != "name" and mention.kind != "role":
        return None
    if mention.kind == "name" and mention.text.split()[0] not in ("Another", "One", "Others"):
        return None
    if mention.kind == "role" and not _abstract(mention):
        return None
    m = _LEADING_ACC.match(masked, para_lo, lo)
    if m is None:
        return None
    return m.span(1)


_LEADING_POLL = re.compile(
    r"[\s@\"“‘'(]*(?:In|According\s+to)\s+((?:a|an|the|one|this|that|their|its)\s+"
    r"[^,;:@\n]{0,80}?\b(?:poll|survey)\b[^,;:@\n]{0,60}?),\s"
)


def _poll_source(masked: str, lo: int, qa: int, mention: _Mention | None) -> Span | None:
    """The poll that opens the sentence when its respondents speak ("In a Gazette poll, 60
    percent of voters said …", "…, most said they"): the poll is the quote's source."""
    if mention is None or mention.kind not in ("role", "pronoun"):
        return None
    if mention.kind == "pronoun" and mention.text.lower() != "they":
        return None
    m = _LEADING_POLL.match(masked, lo, qa)
    if m is None or m.end() > mention.span[0]:
        return None
    return m.span(1)


def _carry_back(text: str, out: list[Quote], rules: list[str], paras: Sequence[Span]) -> None:
    """A quote that runs over several paragraphs (each opening with a mark, only the last one
    closed) belongs to the speaker its later paragraph names: “We will rebuild.¶“It will take
    years,” Shea said. — both paragraphs are Shea's, whatever the paragraph before said."""
    if len(out) < 2 or not paras:
        return
    starts = {a: k for k, (a, _) in enumerate(paras)}
    ends = {b: k for k, (_, b) in enumerate(paras)}
    for i in range(len(out) - 2, -1, -1):
        q, nxt = out[i], out[i + 1]
        if rules[i].split("-acc")[0] not in _GUESS_RULES or rules[i + 1] not in _OWN_CUE_RULES:
            continue
        if nxt.speaker_span is None or nxt.speaker_span[0] < nxt.span[0]:
            continue
        tail = re.match(r"[^\S\n]*\n", text[q.span[1] :])
        if tail is None or q.span[1] + tail.end() - 1 not in ends:
            continue  # the quote does not run to the end of its paragraph unclosed
        k = ends[q.span[1] + tail.end() - 1]
        if k + 1 >= len(paras) or paras[k + 1][0] not in starts:
            continue
        lead = text[paras[k + 1][0] : nxt.span[0]].strip()
        opener = text[max(0, q.span[0] - 2) : q.span[0]].strip()[-1:]
        if len(lead) != 1 or lead not in "\"“‘'«„" or opener != lead:
            # A paragraph opening with another mark is a quote nested in a quoted report.
            continue
        out[i] = replace(q, speaker=nxt.speaker, speaker_span=nxt.speaker_span)
        rules[i] = "carried"


#: Occupations that open a sentence before a name ("Meteorologist Ana Vale said").
_OCCUPATIONS = _wordset("""
    actor actress comedian singer rapper musician songwriter novelist filmmaker producer
    journalist columnist commentator pundit blogger poet artist designer businessman
    businesswoman billionaire entrepreneur investor economist historian scientist physician
    surgeon neurosurgeon meteorologist forecaster astronaut coach athlete striker quarterback
    activist organizer organiser preacher evangelist
    """)


def _shown(speaker: str | None) -> str | None:
    """The speaker as shown: an occupation capitalised only because it opened the sentence
    goes ("Meteorologist Ana Vale" -> "Ana Vale"). (Only here: the resolver keeps the name as
    the text gave it, so its links between mentions do not change.)"""
    if speaker is None:
        return None
    first, _, rest = speaker.partition(" ")
    if first.lower() in _OCCUPATIONS and first[:1].isupper() and " " in rest:
        return rest
    return speaker


_SIGNATURE = re.compile(
    r"[\"'”’»]*[\s,.]*[―—–-]+\s*((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]+)(?:,[^\n]{0,80})?"
    # A tweet as sites embed it: "— Ana Ruiz (@anaruiz) October 3, 2016".
    r"(?:\s+\(@\w+\)(?:\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})?(?:</tweet>)?)?"
    r"[.\"”]*\s*$",
    re.MULTILINE,
)


def _turn_label(text: str, q: Quote) -> _Found | None:
    """A transcript turn quoted whole: “WALLACE: Do you …” is Wallace's, and so is “Chris
    Wallace: Do you …” (a full name typed as the label)."""
    m = TURN_LABEL.match(text, q.span[0], q.span[1]) or _NAME_LABEL.match(
        text, q.span[0], q.span[1]
    )
    if m is None or len(m.group(1)) < 2:
        return None
    if m.re is _NAME_LABEL and (
        not _person_like(m.group(1))
        or text[text.rfind("\n", 0, q.span[0]) + 1 : q.span[0]].strip(_QUOTE_CHARS + " ")
    ):
        # (Only a quote opening its paragraph, as a turn does: "the protesters chanted “Chris
        # Christie: Bad for New Jersey”" is about him.)
        return None
    a, b = m.span(1)
    # The turn's speaker speaks; a transcript the text quotes the turns from is their source.
    return _Found(
        _Mention((a, b), text[a:b].title(), "name"), a, "label", _transcript_intro(text, a)
    )


#: A full name typed as a turn's label at a quote's start: “Chris Matthews: Seriously …”.
_NAME_LABEL = re.compile(r"([A-Z][a-z][\w.'’-]*(?: [A-Z][\w.'’-]+){1,2}):[ \t]+(?=[A-Z“\"‘'])")
_TRANSCRIPT_INTRO = re.compile(
    r"[^\n]*?(?P<np>(?:\b(?:[Pp]artial|[Ff]ull|[Ee]dited|[Ee]xcerpted|[Rr]ough)\s+)?"
    r"\b[Tt]ranscripts?\b)[^\n]*:\s*$"
)


def _transcript_intro(text: str, pos: int) -> Span | None:
    """The transcript that a run of labelled turns is quoted from ("Partial transcript as
    follows:¶“LEE: …”¶“RUIZ: …”"): the text presents the exchange as a document, its source."""
    end = text.rfind("\n", 0, pos)
    for _ in range(40):
        if end <= 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        end = start - 1
        if not line.strip() or TURN_LABEL.match(line.lstrip("\"“‘' \t")):
            continue
        m = _TRANSCRIPT_INTRO.match(line)
        if m is None:
            return None
        return start + m.start("np"), start + m.end("np")
    return None


def _signature(text: str, masked: str, q: Quote, paras: Sequence[Span], pi: int) -> _Found | None:
    """A quote signed with a dash: “…” ― Ana Ruiz, on its line or as the next paragraph."""
    b = q.span[1]
    if not paras or q.span[0] - paras[pi][0] > 2:
        return None
    m = _SIGNATURE.match(text, b, paras[pi][1])
    if m is None and pi + 1 < len(paras) and b >= paras[pi][1] - 3:
        nxt = paras[pi + 1]
        m = _SIGNATURE.match(text, nxt[0], nxt[1])
    if m is None:
        m = _BARE_SIGNATURE.match(text, b, paras[pi][1])
        if m is not None and (
            _cue_regex(CUE_VERBS).search(text, m.start(), m.end())
            or m.group(1).split()[0] in _STOP_CAPS
            or not _SIGNER_ROLE.match(m.group(2))
        ):
            m = None  # “…” Ana Ruiz, 45, said …: a sentence, not a signature
    if m is None and pi + 1 < len(paras) and b >= paras[pi][1] - 1:
        # “…¶Ana Ruiz, Harbour Institute.” — an unclosed quote signed on the next line.
        nxt = paras[pi + 1]
        m = _SIGNED_LINE.match(text, nxt[0], nxt[1])
        if m is not None and m.group(1).split()[0] in _STOP_CAPS:
            m = None
    if m is None:
        return None
    a, e = m.span(1)
    return _Found(_Mention((a, e), text[a:e], "name"), a, "signature")


#: “…” Ana Ruiz, director of the harbour board — signed without a dash.
_BARE_SIGNATURE = re.compile(
    r"[\"'”’»]+[^\S\n]+((?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w'’-]+),\s+([^\n]{2,90}?)[.\"”]*\s*$",
    re.MULTILINE,
)
#: What a signature's second part starts with: an office, a role or an organisation's name.
_SIGNER_ROLE = re.compile(
    r"(?:(?:the\s+|a\s+|an\s+)?(?:[a-z-]+\s+){0,3}?(?:"
    + "|".join(sorted(_ROLE_OR_TITLE, key=len, reverse=True))
    + r")\b|[A-Z])"
)
#: A line that only signs the quote before it and closes it: “Ana Ruiz, Harbour Institute.”
_SIGNED_LINE = re.compile(
    r"[^\S\n]*((?:[A-Z][\w.'’-]*[^\S\n]+){1,3}[A-Z][\w'’-]+)(?:,[^\S\n]+[A-Z][^\n]{1,80}?)?"
    r"[.]?[\"”’][^\S\n]*$"
)


_WAS_ANOTHER = re.compile(r"(?:was|read)\s+(another|the\s+other|the\s+next)(?=\s*[.;])")


def _was_another(masked: str, q: Quote, qb: int, p: int, hi: int) -> _Found | None:
    """ "“Vote Ruiz!” read one. “Anyone but Lind,” was another.": the next of a listed group
    (signs, banners, messages) carries the quote."""
    if q.text.rstrip()[-1:] not in (",", "!", "?") and not re.search(r"[,!?]", masked[qb:p]):
        return None
    m = _WAS_ANOTHER.match(masked, p, hi)
    if m is None:
        return None
    return _Found(_Mention(m.span(1), m.group(1), "role"), m.start(), "f2")


_HEARD_SAYING = re.compile(
    r"(?P<np>[^@,;:.!?]{1,50}?)\s+(?:can|could|was|were|is|are)\s+(?:be\s+)?(?:clearly\s+)?heard\s+"
    r"(?:saying|asking|shouting|telling|yelling|chanting|remarking|calling|responding|replying)\b"
)


def _heard_saying(masked: str, p: int, hi: int) -> _Found | None:
    """ "“…?” a reporter can be heard asking Lind": who is heard speaking said it, not the
    person addressed."""
    m = _HEARD_SAYING.match(masked, p, hi)
    if m is None:
        return None
    mention = _np_after(masked, p, m.end("np"), any_det=True)
    if mention is None or mention.span[1] != m.end("np"):
        return None
    return _Found(mention, m.start(), "f2")


_WHOM_DESCRIBED = re.compile(
    r"\bwhom\s+(?P<np>[^@,;:.!?]{1,40}?)\s+(?:\w+ly\s+)?"
    r"(?:described|describes|describe)(?:\s+as)?(?:\s+having|\s+being)?(?:\s+(?:a|an|the))?[@\s]*$"
)


def _whom_described(masked: str, lo: int, qa: int) -> _Found | None:
    """ "Lind praised Ruiz, whom he described as “…”", "whom one insider described as “…”": the
    subject of the relative clause describes its object with the quote ("whom he called “…”"
    is left to the main clause: the reporter's paraphrase of its subject's view)."""
    m = _WHOM_DESCRIBED.search(masked, max(lo, qa - 120), qa)
    if m is None:
        return None
    mention = _np_after(masked, m.start("np"), m.end("np"), any_det=True)
    if mention is None or mention.span[1] != m.end("np"):
        return None
    return _Found(mention, m.start(), "whom-described")


def _object_before_participle(masked: str, qb: int, mention: _Mention, cm: re.Match[str]) -> bool:
    """“…”), endorsed Tom Lind, urging …": the name before a participial cue is the object of
    a past-tense verb; the participle's subject is the clause's, not that name."""
    return (
        cm.group().lower().endswith("ing")
        and masked[max(qb, cm.start() - 2) : cm.start()] == ", "
        and re.search(r"\b[a-z]{3,}ed\s+$", masked[qb : mention.span[0]]) is not None
    )


def _place_in_apposition(masked: str, lo: int, start: int, subj: _Mention) -> bool:
    """ "stood at her pulpit in Burley, Avel, and, citing …": the one-word name after "in
    <Town>, " and before ", and" is the town's state or country, not a clause's subject."""
    return (
        " " not in subj.text
        and not masked[start : subj.span[0]].strip()
        and _PLACE_BEFORE.search(masked, lo, start) is not None
        and re.match(r",\s*(?:and|or|but)\b", masked[subj.span[1] : subj.span[1] + 8]) is not None
    )


def _cue_past_inner(
    text: str,
    masked: str,
    q: Quote,
    inner: Span,
    shown_from: int,
    lo: int,
    hi: int,
    cue_re: _CueWords,
) -> _Found | None:
    """The cue rules run as if the quote were only ``inner``: a mistyped mark made the quote run
    over its own cue, so the quote's text from ``shown_from`` on is shown to them again."""
    b = q.span[1]
    unmasked = masked[:shown_from] + text[shown_from:b] + masked[b:]
    return _find_cue(unmasked, Quote(inner, text[inner[0] : inner[1]]), lo, hi, cue_re)


_WRAPPED_OPEN = re.compile(r"[\"“]+")
_WRAPPED_CLOSE = re.compile(r"[,?!][\"”]\s+(?=\S)")


def _wrapped_quote_cue(
    text: str, masked: str, q: Quote, lo: int, hi: int, cue_re: _CueWords
) -> _Found | None:
    """A stray mark that swallows a whole paragraph: for ``"“…,” Lind responded before …"``
    the quote runs over its own cue; the cue after the inner closing mark names the speaker."""
    a, b = q.span
    opened = _WRAPPED_OPEN.match(text, a, b)
    if opened is None:
        return None
    close = _WRAPPED_CLOSE.search(text, opened.end(), b)
    if close is None or "“" in text[opened.end() : close.start()]:
        return None
    inner_end = close.start() + 1
    found = _cue_past_inner(
        text, masked, q, (opened.end(), inner_end), inner_end + 1, lo, hi, cue_re
    )
    if found is None or found.rule not in ("f2", "f3"):
        return None
    return found


_SPACED_CLOSE = re.compile(r"[,?!]\s+(?:''|[\"”])\s+(?=[A-Za-z])")


def _spaced_close_cue(
    text: str, masked: str, q: Quote, lo: int, hi: int, cue_re: _CueWords
) -> _Found | None:
    """ "…coalitions, '' said Mr. Ode. ''He …''": a closing mark set off by a space is taken for
    an opening one and the quote runs over its cue; the cue after that mark names the speaker."""
    a, b = q.span
    close = _SPACED_CLOSE.search(text, a, b)
    if close is None:
        return None
    found = _cue_past_inner(text, masked, q, (a, close.start() + 1), close.end(), lo, hi, cue_re)
    if found is None or found.mention.span[0] < close.end():
        return None
    return found


_UNCLOSED_CUE = re.compile(r"[,?!]\s+(?=(?:said|says|added|asked)\s+[A-Z])")


def _unclosed_cue(
    text: str, masked: str, q: Quote, lo: int, hi: int, cue_re: _CueWords
) -> _Found | None:
    """ "…what papers to keep, said Kessel, whose group …": a closing mark left out lets the
    quote run over its cue; an inverted "said <Name>" after a comma inside it names the speaker."""
    a, b = q.span
    cue = _UNCLOSED_CUE.search(text, a, b)
    if cue is None:
        return None
    found = _cue_past_inner(text, masked, q, (a, cue.start() + 1), cue.end(), lo, hi, cue_re)
    if found is None or found.rule != "f2" or found.mention.kind != "name":
        return None
    return found


def _named_cue_before(masked: str, q: Quote, lo: int, cue_re: _CueWords) -> _Found | None:
    """ "Fallon fired back: “…,” he wrote", "Tyler said that Cruz has “…,” he said": the name
    with its own cue before the quote is who the pronoun after it stands for."""
    qa = q.span[0]
    while qa > lo and masked[qa - 1] == "@":
        qa -= 1
    cm = cue_re.search(masked, lo, qa)
    if cm is None:
        return None
    if re.search(r"(?:[-—–]|\b(?:his|her|their|its))\s*$", masked[lo:qa]):
        return None  # "Bush praised his “…” - “…,” he said -": an aside of its own
    mention = _np_before(masked, lo, cm.start())
    if mention is None or mention.kind != "name" or masked[lo : mention.span[0]].strip():
        return None
    return _Found(mention, cm.start(), "before")


_BARE_CUE_SENTENCE = re.compile(
    r"\s*(?:[A-Z][\w.'’-]*\s+){1,3}(?:said|says|added|wrote|told\s+reporters)\.\s*$"
)


def _bare_cue_sentence(text: str, b: int, hi: int, nxt: Span) -> bool:
    """“….” Ruiz said. — a full stop typed inside the closing mark splits off a sentence that is
    nothing but the quote's cue; that sentence belongs to the quote."""
    return (
        re.fullmatch(r"[.][\"”’']?\s*", text[b - 1 : hi] if b > 0 else "") is not None
        and "\n" not in text[b : nxt[0]]
        and _BARE_CUE_SENTENCE.fullmatch(text, nxt[0], nxt[1]) is not None
    )


def _ends_with_quote(text: str, b: int, hi: int) -> bool:
    """Does the sentence end right after the quote's closing mark, with ``?``, ``!`` or ``…``?"""
    tail = text[b:hi]
    if b > 0 and text[b - 1] in "?!…":
        return re.fullmatch(r"[\"'”’»\s]*", tail) is not None
    if re.search(r"[?!…][’'\"”»]$", text[max(0, b - 2) : b]):
        # “… ‘What can we do?’” Lind said: a nested quote's question closes the quote.
        return re.fullmatch(r"[\"'”’»\s]*", tail) is not None
    return re.fullmatch(r"[\"'”’»]+\s*[?!]\s*", tail) is not None


def _last_sentence(sents: list[Span], para: Span) -> Span:
    inside = [sp for sp in sents if para[0] <= sp[0] < para[1]]
    return inside[-1] if inside else para


def _intro_mention(
    masked: str, lo: int, hi: int, cue_re: _CueWords, known: frozenset[str]
) -> _Mention | None:
    """Who a sentence introduces as speaking next ("Cruz continued:", "The statement reads:");
    without a cue, its subject when that can name a speaker ("Wait, it gets better:" names
    nobody)."""
    for cm in cue_re.finditer(masked, lo, hi):
        mention = _np_before(masked, lo, cm.start())
        if mention is not None:
            return mention
        inv = _np_after(masked, cm.end(), hi)
        if inv is not None:
            return inv
    for sm in _SPOKE.finditer(masked, lo, hi):
        # "… is left to voters, since Ruiz spoke only in vague terms.¶“…”": who spoke.
        mention = _np_before(masked, lo, sm.start())
        if mention is not None:
            return mention
    subj = _subject(masked, lo, hi)
    if (
        subj is not None
        and subj.kind == "name"
        and " " not in subj.text
        and subj.text.rstrip(".") not in known
        and _INTERJECTION_AFTER.match(masked, subj.span[0] + len(subj.text.rstrip(".")), hi)
    ):
        return None  # "Wait, it gets better:", "Nooooo!", "Pause.": no speaker
    return subj


#: Verbs of speaking that are no cue for a quote in their own sentence ("Ruiz spoke of a
#: “…”" may quote anyone) but introduce the quotes after it.
_SPOKE = re.compile(r"\b(?:spoke|speaks|talked|talks)\b")


#: What follows a lone capitalised word that opens a sentence as an interjection or a stage
#: direction, not as its subject: a comma ("Wait, it gets better:") or the sentence's end
#: ("Pause.").
_INTERJECTION_AFTER = re.compile(r"\s*(?:[,!]|[.]\s*$)")


#: "in the words of a senior aide, “…”", "in her own words, “…”", "by Lee's own admission":
#: whose words they are, named in the sentence without a cue verb.
_WORDS_OF = re.compile(
    r"\b[Ii]n\s+the\s+words\s+of\s+(?=\S)"
    r"|\b(?:[Ii]n|[Bb]y)\s+(?:(?P<pron>his|her|their|its)|(?P<owner>(?:[A-Z][\w.'’-]*\s+){0,3}"
    r"[A-Z][\w.-]*)['’]s?)\s+(?:own\s+)?(?P<noun>words|admission|account|telling|view|opinion|"
    r"estimation|assessment|judgment|judgement)\b"
)
_WORDS_OF_GAP = re.compile(r"[\s,:]*@*$")


def _words_of(masked: str, lo: int, qa: int, qb: int = -1, hi: int = -1) -> _Mention | None:
    """The owner of the words, where a phrase names them ("… was, in the words of a senior
    aide, “the torchbearer”", "by her own admission a “mistake”", "“…,” in Lind’s view").
    "In the words of" must lead straight into the quote; "by/in X's own admission/account/view"
    may stand anywhere before it in the sentence, or after it."""
    if qb >= 0:
        for m in _WORDS_OF.finditer(masked, qb, hi):
            if m.group("noun") is not None and m.group("noun") != "words":
                return _words_owner(masked, m)
    for m in _WORDS_OF.finditer(masked, max(lo, qa - 200), qa):
        if m.group("noun") is None:
            mention = _np_after(masked, m.end(), qa, any_det=True)
            if mention is not None and _WORDS_OF_GAP.match(masked, mention.span[1], qa):
                return mention
            continue
        if m.group("noun") == "words" and not _WORDS_OF_GAP.match(masked, m.end(), qa):
            continue
        return _words_owner(masked, m)
    return None


def _words_owner(masked: str, m: re.Match[str]) -> _Mention | None:
    """The owner a ``_WORDS_OF`` match names: "her" (own admission) or "Lind’s" (view)."""
    if m.group("pron"):
        return _Mention(m.span("pron"), _POSSESSIVE_PRONOUN[m.group("pron")], "pronoun")
    return _name_mention(masked, *m.span("owner"))


#: "the mayor" opening a clause (after a sentence start or a subordinator), a person's role.
_ROLE_SUBJECT = re.compile(
    r"(?:(?:(?m:^)|[.!?][\"'”’]?[ \t]+)(?:(?:When|As|After|While|Before|Although|Though|Since"
    r"|Once|Until|Because|If)[ \t]+|[A-Z][\w’'-]*(?:[ \t]+[\w’'-]+){0,4},[ \t]+)?"
    r"|\b(?:when|after|while|before|although|though|since|once|until|because)[ \t]+)"
    r"(?P<role>[Tt]he[ \t]+(?:[a-z][\w-]*[ \t]+){0,2}?(?P<head>"
    + "|".join(sorted(_PERSON_NOUNS | {"spokesperson", "coach", "officer"}, key=len, reverse=True))
    + r"))\b(?![ \t]+of\b|['’])"
)


def _role_antecedent(masked: str, after: int, lo: int, pos: int, want: str) -> _Mention | None:
    """The last person role opening a clause between ``lo`` (the sentence before, in the
    paragraph), the latest mention of the named candidate (``after``) and a he/she at ``pos``,
    if its gender fits ``want``."""
    found: _Mention | None = None
    lo = max(after + 1, lo)
    for m in _ROLE_SUBJECT.finditer(masked, max(0, lo - 3), pos):
        head = m.group("head").lower()
        gender = "m" if head in _MALE_WORDS else "f" if head in _FEMALE_WORDS else want
        if m.start("role") >= lo and gender == want:
            found = _Mention(m.span("role"), m.group("role"), "role")
    return found


def _lone_person(
    masked: str, sents: Sequence[Span], si: int, para_lo: int, people: _People, want: str
) -> _Mention | None:
    """The only name opening the quote's sentence or the two before it (in its paragraph or the
    one before), when the text never gives it a gender that rules out the pronoun."""
    found: dict[tuple[str, ...], _Mention] = {}
    for k in range(si, max(-1, si - 3), -1):
        a, b = sents[k]
        if k < si and b <= para_lo and k < si - 1:
            break
        subj = _subject_phrase(masked, a, b)
        if subj is None or subj.kind != "name" or not subj.text.strip():
            continue
        words = [w for w in subj.text.split() if w not in _STOP_CAPS]
        if not words or _POSSESSIVE_END.search(subj.text):
            continue
        if len(words) == 1 and words[0].lower() in _ROLE_NOUNS:
            continue  # "Residents had criticised her": a role opening the sentence, no name
        if re.match(r"\s*(?:,|and\b|or\b)\s*[A-Z]", masked[subj.span[1] : b]):
            return None  # "Shea and Ruiz spoke first": two people, no telling which
        if people.clashes_any(subj.text, want):
            continue  # "Tom Alder met Merkel. Merkel arrived. “…,” she said."
        toks = _name_tokens(subj.text)
        if toks and not any(same_speaker(subj.text, m.text) for m in found.values()):
            found[toks] = subj
    if len(found) != 1:
        return None
    (only,) = found.values()
    return only


_REMENTION_RULES = _wordset("inherit-para")
_REMENTION = re.compile(
    r"(?<=[.!?]\s)(?P<pron>He|She|They)\b"
    r"|(?P<name>(?:(?!(?:He|She|They)\b)[A-Z][\w'’.-]*\s+){0,3}(?!(?:He|She|They)\b)[A-Z][\w'’-]*)"
)


_NAME_ABBREVS = TITLES | _HONORIFICS
_WORD_AFTER = re.compile(r"\s+(?:\w+ly\s+)?([a-z]+)")
_SENTENCE_OPEN = re.compile(r"(?:^|[.!?]\s+)$")


def _relative_antecedent(text: str, span: Span, speaker: str) -> Span | None:
    """The name a carried-over "who" stands for: "said Mr. Ekovich, who noted …. “…”" marks the
    next quote's speaker at "Mr. Ekovich", not at "who"."""
    if text[span[0] : span[1]].lower() not in ("who", "which"):
        return None
    toks = speaker.split()
    if not toks:
        return None
    m = re.search(
        r"((?:(?:Mr|Mrs|Ms|Dr)\.\s+)?" + re.escape(toks[-1]) + r"),\s*$",
        text[max(0, span[0] - 80) : span[0]],
    )
    if m is None:
        return None
    base = max(0, span[0] - 80)
    return (base + m.start(1), base + m.end(1))


#: A name and the comma of an apposition after it, at the end of a stretch of text.
_NAME_COMMA_END = re.compile(
    r"((?:(?:Mr|Mrs|Ms|Dr)\.\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w.'’-]*)*),\s*$"
)


def _apposed_name(text: str, mention: _Mention) -> str | None:
    """The name a described "who" stands for: in "Tom Vale, a local native who …" the relative's
    phrase ("a local native") is in apposition to Tom Vale."""
    if text[mention.span[0] : mention.span[1]].lower() != "who":
        return None
    i = text.rfind(mention.text, max(0, mention.span[0] - len(mention.text) - 4), mention.span[0])
    if i < 0:
        return None
    m = _NAME_COMMA_END.search(text[max(0, i - 80) : i])
    if m is None or not _looks_like_name(m.group(1)):
        return None
    return m.group(1)


def _latest_mention(masked: str, lo: int, hi: int, speaker: str) -> Span | None:
    """The last mention of ``speaker`` in [lo, hi) that opens a sentence or speaks: "…,” says Ana
    Ruiz, a nurse. Ruiz supports the plan. “…”" is marked at the second "Ruiz", and "She says …"
    at "She"."""
    best: Span | None = None
    cues = _cue_regex(CUE_VERBS)
    for m in _REMENTION.finditer(masked, lo, hi):
        if m.group("name"):
            na, nb = m.span("name")
            cut = masked.rfind(". ", na, nb)
            if cut >= 0 and masked[na:cut].rsplit(None, 1)[-1].lower() in _NAME_ABBREVS:
                cut = -1  # "Mr. Ruiz" is one name, not a sentence end
            mention = _name_mention(masked, na if cut < 0 else cut + 2, nb)
            if mention is None or not same_speaker(canonical_name(mention.text), speaker):
                continue
            if _POSSESSIVE_END.search(mention.text):
                continue  # a possessive
            after = _WORD_AFTER.match(masked, mention.span[1], mention.span[1] + 30)
            opens = _SENTENCE_OPEN.search(masked, max(lo, mention.span[0] - 3), mention.span[0])
            if after is None or not (opens or cues.match(after.group(1))):
                continue
            best = mention.span
        else:
            after = _WORD_AFTER.match(masked, m.end("pron"), m.end("pron") + 30)
            if after is not None and cues.match(after.group(1)):
                best = m.span("pron")
    return best


def _plural_antecedent(masked: str, sents: Sequence[Span], si: int) -> _Mention | None:
    """The group a "they" speaking refers to: a plural subject opening the sentence before
    ("Protesters gathered …", "Ruiz and Lind met …")."""
    if si == 0:
        return None
    lo, hi = sents[si - 1]
    subj = _subject(masked, lo, hi)
    if subj is None or subj.kind not in ("role", "name"):
        return None
    head = subj.text.split()[-1]
    if subj.kind == "role" and head.lower().endswith("s") and head.lower()[:-1] in _ROLE_NOUNS:
        return subj
    if (
        " " not in subj.text
        and head.endswith("s")
        and (head.lower()[:-1] in _ROLE_NOUNS or head.lower().endswith(("ers", "ors", "ists")))
    ):
        return subj  # "Protesters", "Democrats" opening the sentence
    if head.lower() in _COLLECTIVES:
        return subj  # "Police said …. They did not say …"
    if " and " in subj.text:
        return subj
    return None


#: Nouns for a group that a "they" may stand for though they do not end in -s.
_COLLECTIVES = _wordset("police staff crowd crowds audience public media press military clergy")


def _opens_sentence(masked: str, lo: int, pos: int) -> bool:
    """Does the word at ``pos`` open the sentence starting at ``lo``, perhaps after a quote or
    an opening phrase ("Later, he …")?"""
    if not masked[lo:pos].strip(" \n\"“”‘’'@"):
        return True
    intro = _INTRO.match(masked, lo, pos)
    return intro is not None and intro.end() == pos


def _name_run(lead: int) -> str:
    """A pattern for a name of up to ``lead`` capitalised words before its last one, as a
    group: ``_name_run(2)`` reads "Lind" and "Gov. Ana Ruiz"."""
    return r"((?:[A-Z][\w.'’-]*[ \t]+){0," + str(lead) + r"}[A-Z][\w'’-]+)"


#: A name of one to three capitalised words ("Lind", "Gov. Ana Ruiz"), as a group.
_NAME_RUN = _name_run(2)
#: After a phrase opening a sentence: ", Trump went …" (perhaps after ", on Monday,"): the
#: phrase was part of an introduction and the name is the subject.
_LATER_SUBJECT = re.compile(
    r",[ \t]+(?:(?:on|in|at|last|this|earlier|later)[ \t]+[^,@\n]{1,30},[ \t]+)?"
    + _NAME_RUN
    + r"[ \t]+([a-z]+)"
)
#: Lower-case words after a name that are no verb ("Ana Ruiz and …", "Lind of Avel").
_NEVER_VERB_AFTER = _wordset("and or of the a an in on at to for with by from who which that")
#: A past-tense verb right after a name: "Carson defied the question".
_ACTS_AFTER = re.compile(r"[ \t]+(?:also[ \t]+|then[ \t]+)?[a-z]{3,}ed\b")
#: '"…," said Gov. Ana Ruiz': the name after an inverted cue.
_INVERTED_NAME = re.compile(r"@[ \t,]*(?:said|says|added|adds|wrote|writes)[ \t]+" + _name_run(4))
#: ", Ruiz said." closing a sentence, or ", Ruiz said," inside one: whose sentence it is.
_CUE_ASIDE = re.compile(
    r",[ \t]+" + _NAME_RUN + r"[ \t]+(?:said|says|added|adds|wrote"
    r"|writes|argued|argues|noted|notes|explained|explains|insisted|insists|warned|warns"
    r"|recalled|recalls|continued)[ \t]*[,.]"
    # "…, according to a post from Arianna Huffington.": whose words the sentence reports.
    r"|,[ \t]+according[ \t]+to[ \t]+(?:(?:a|an|the)[ \t]+[a-z]+(?:[ \t]+[a-z]+)?[ \t]+"
    r"(?:from|by)[ \t]+)?" + _NAME_RUN + r"[ \t]*[,.]"
)
#: A contrasted clause opening right before a name ("… while Ana Ruiz …").
_CONTRAST_BEFORE = re.compile(r"\b(?:while|whereas|but)[ \t]+(?:[A-Z][\w.'’-]*[ \t]+){0,3}$")
_ASKING = _wordset("asked asks ask pressed presses")
#: After an asking verb: the name of the one asked, or an object pronoun (no name).
_ASKED = re.compile(r"[ \t]+(?:" + _NAME_RUN + r"\b|(?:him|her|them|me|us)\b)")
#: What a person writes, whose possessor is its writer ("Tuttle's article attacked …").
_WRITINGS = _wordset("article articles column columns book books essay op-ed letter memoir blog")
#: A named owner and a noun: "Vale's column".
_OWNER_OF = re.compile(_NAME_RUN + r"['’]s[ \t]+([a-z]+)")
_LOWER_WORD_AFTER = re.compile(r"[ \t]+([a-z]+)")
#: After "Name's": a participle that makes the 's a contracted "has".
_HAS_AFTER = re.compile(r"[ \t]+(?:been|got|gotten|had|become|done|made|taken|told|said|spent)\b")


def _about_sentence_before(
    opening: Callable[[Span], str | None],
    masked: str,
    sents: Sequence[Span],
    k: int,
    key: str,
    same: tuple[str, Span] | None,
    prev: Quote | None,
    last_named: tuple[str, Span] | None,
    people: _People,
) -> str | None:
    """Who a he/she of ``key`` opening a sentence is, from sentence ``k`` before it:
    the person ``opening`` (see ``_person_opening``) finds it about; else the she of that
    sentence (``same``, the pronoun that last named a speaker: "“…,” she said about Lind. “…,”
    she said."); else whom a full quote in it was given to ("In the excerpt, the author wrote,
    “…” ¶ He went on to say, “…”"); else, through a chain of sentences about the same he, the
    person opening the sentence before those."""
    sent = sents[k]
    full = opening(sent)
    if full is not None:
        return full
    if same is not None and sent[0] <= same[1][0] < sent[1]:
        return same[0]
    if (
        prev is not None
        and prev.speaker is not None
        and not prev.partial
        and last_named is not None
        and last_named[0] == prev.speaker
        and sent[0] <= prev.span[0] < sent[1]
        and not people.clashes_any(prev.speaker, key)
    ):
        return prev.speaker
    return _chained_opening(opening, masked, sents, k, key)


def _chained_opening(
    opening: Callable[[Span], str | None], masked: str, sents: Sequence[Span], k: int, key: str
) -> str | None:
    """When sentence ``k`` is about a he/she of ``key`` ("He nodded to his finish behind Ted
    Cruz.", "The goal, he said, is …"), the person ``opening`` finds opening the sentence before
    it, up to two sentences further back: the same he, whoever was named on the way."""
    for _ in range(2):
        subj = _subject(masked, *sents[k])
        aside = _PRONOUN_ASIDE.search(masked, *sents[k])
        pron = aside.group(1) if aside is not None else subj.text if subj is not None else ""
        if k == 0 or _PRONOUNS.get(pron.lower(), "") != key:
            return None
        if aside is None and subj is not None and subj.kind != "pronoun":
            return None
        k -= 1
        full = opening(sents[k])
        if full is not None:
            return full
    return None


#: ", he said," inside a sentence: the sentence is his.
_PRONOUN_ASIDE = re.compile(
    r",[ \t]+(he|she)[ \t]+(?:said|says|added|adds|noted|notes|argued|argues|insisted|insists)"
    r"[ \t]*,"
)


def _person_opening(
    text: str,
    masked: str,
    sent: Span,
    resolver: _Resolver,
    people: _People,
    last_named: tuple[str, Span] | None,
    key: str,
    a: int,
) -> str | None:
    """The person the sentence ``sent`` is about, when the text shows them as a person of no
    other gender than ``key``: whoever an inverted cue or a cue aside names ("“…,” said Bo Lind",
    "…, Lind said."), else the name or role opening it; not an owner ("Trump's
    misinformation"), a body, a text or an abstract noun ("The book accuses Bob")."""
    subj, cued = _sentence_subject(masked, sent)
    if subj is None:
        return None
    holder: str | None = None
    if subj.kind == "name":
        after = _AFTER_NAME.match(masked, subj.span[1])
        if after is not None and after.group(1) in _ASKING:
            # "Lee asked Ruiz which states she could win. “…,” she said.": the one asked
            # answers; "Lee asked her to call Ruiz. “…,” he wrote.": the asker goes on.
            asked = _ASKED.match(masked, after.end())
            if asked is None:
                return None
            if asked.group(1) is not None:
                subj = _Mention(asked.span(1), asked.group(1), "name")
        full = resolver.fullest(subj.text, a, gender=key)
    elif (
        subj.kind == "role"
        and not _abstract(subj)
        and subj.text.split()[-1].lower() not in _BODY_NOUNS
    ):
        # "Australia's prime minister, Grace Holloway, struck …": the holder in apposition.
        holder = _holder(masked, subj)
        full = (
            resolver.fullest(holder, a)
            if holder
            else _resolve_role(text, subj, resolver, last_named) or ""
        )
    else:
        return None
    words = subj.text.split()
    titled = (
        subj.kind == "name"
        and len(words) >= 2
        and words[0].lower().rstrip(".") in TITLES
        and words[-1].lower().rstrip(".") not in TITLES
    )
    if titled and len(words) == 2:
        # "Mr. Cruz": the person the text's mentions of Cruz stand for, not the fullest name
        # ending in Cruz (his father, or a slogan on a T-shirt).
        last = subj.span[1] - len(words[-1])
        known = next((n for pos, n in people.mentions if pos == last), "")
        if " " in known:
            full = known
    described = subj.kind == "name" and (
        _described_person(masked, subj.span[1])
        # "President Obama backed her up. “…,” he said.": a title makes a person.
        or titled
        or (
            # "Lind denied it. “…,” he said.": a surname no full name in the text ends in.
            (
                _speaks_after(masked, subj.span[1])
                or (
                    _ACTS_AFTER.match(masked, subj.span[1]) is not None
                    and _mid_sentence_cap_in(text, full)
                )
            )
            and " " not in full
            and full.lower() not in _INDEFINITES
            and full.lower() not in _ROLE_NOUNS  # "Residents had criticised her"
            and not any(n.rsplit(None, 1)[-1] == full for n in people.tracked)
        )
    )
    if full not in people.gender and any(
        sent[0] <= pos < sent[1]
        and people.gender.get(name) == key
        and _CONTRAST_BEFORE.search(masked, max(sent[0], pos - 40), pos) is not None
        for pos, name in people.mentions
    ):
        # "Lind held a rally while Ana Ruiz spoke at a diner, where she …": the subject of a
        # contrasted clause the text shows of the pronoun's gender, before an opener it shows
        # of none.
        return None
    # Named by a cue, or "His lawyer, Bo Lind, said …" (a holder in apposition to a role): a
    # person, whatever else the text shows of them.
    if (
        (cued or bool(holder) or (people.person(full) and (full in people.tracked or described)))
        and not people.clashes_any(subj.text, key)
        and not people.clashes(full, key)
    ):
        return full
    return None


def _sentence_subject(masked: str, sent: Span) -> tuple[_Mention | None, bool]:
    """Whom the sentence ``sent`` is about, for ``_person_opening``, and whether a cue names
    them: whoever an inverted cue or a cue aside names, else the phrase opening it (past an
    introduction that runs on, "Speaking in Salem, New Hampshire, Trump went …"; a writer for
    "Vale's column"); None for an owner ("Trump's grasp of policy") or a sentence whose speaker
    comes after a cue the name pattern misses."""
    inverted = _INVERTED_NAME.search(masked, *sent)
    aside: re.Match[str] | None = None
    if inverted is not None:
        # "“…,” said Ian Solomon, who nominated Mr. Kim. He called …": the one who said it.
        subj: _Mention | None = _Mention(inverted.span(1), inverted.group(1), "name")
    elif _INVERTED_CUE.search(masked, *sent):
        return None, False
    elif (aside := _CUE_ASIDE.search(masked, *sent)) is not None:
        # "Lind's plan is reckless, Ruiz said." and "Lind, Ruiz said, has …": the sentence is
        # Ruiz's, whoever opens it.
        g = 1 if aside.group(1) is not None else 2
        subj = _Mention(aside.span(g), aside.group(g), "name")
    else:
        subj = _subject(masked, *sent)
        later = _LATER_SUBJECT.match(masked, subj.span[1]) if subj is not None else None
        if (
            later is not None
            and later.group(2) not in _NEVER_VERB_AFTER
            and later.group(2) not in _ROLE_NOUNS
            and not later.group(1).endswith(("'s", "’s", "'", "’"))
        ):
            # "Speaking in Salem, New Hampshire, Trump went after Bush": the intro ran on past
            # the phrase found; "Like Makaeff, the former customer, Roffman does not …".
            subj = _Mention(later.span(1), later.group(1), "name")
    if subj is None:
        return None, False
    owner = _OWNER_OF.fullmatch(subj.text) if subj.kind == "role" else None
    if owner is not None and (owner.group(2) in _SPEECH_NOUNS or owner.group(2) in _WRITINGS):
        # "Vale's column also attacked Lind. He calls Lind …": the column's writer.
        subj = _Mention((subj.span[0], subj.span[0] + owner.end(1)), owner.group(1), "name")
    elif subj.text.endswith(("'s", "’s")):
        noun = _LOWER_WORD_AFTER.match(masked, subj.span[1])
        if _HAS_AFTER.match(masked, subj.span[1]) is None and (
            noun is None or (noun.group(1) not in _SPEECH_NOUNS and noun.group(1) not in _WRITINGS)
        ):
            return None, False  # "Trump's grasp of policy …": an owner, not a subject
        # "Christie's been making the case …", a contracted "has"; "Tuttle's article also
        # attacked Christie", the writer of what is said.
        subj = _Mention((subj.span[0], subj.span[1] - 2), subj.text[:-2], subj.kind)
    elif _POSSESSIVE_START.match(masked, subj.span[1]):
        return None, False
    return subj, inverted is not None or aside is not None


_INDEFINITES = _wordset("nobody somebody someone everyone everybody anyone anybody none")


def _speaks_after(masked: str, end: int) -> bool:
    """Is the name ending at ``end`` the subject of a cue verb ("Lind denied it")?"""
    after = _AFTER_NAME.match(masked, end)
    return after is not None and after.group(1) in CUE_VERBS


def _described_person(masked: str, end: int) -> bool:
    """Is the name ending at ``end`` described as a person in apposition ("Lind, her opponent,",
    "Lind, the mayor,")? Then a surname the text never gives in full is still a person."""
    m = _APPOSITION.match(masked, end)
    if m is None:
        return False
    words = m.group(1).lower().split()
    return bool(words) and (words[-1] in _RELATION_NOUNS or words[-1] in _PERSON_NOUNS)


#: Where a listed or coordinated name may start: a sentence, clause or line start, or a comma.
_CLAUSE_OPEN = r"(?:^|[.!?:;][\"'”’]?[ \t]+|,[ \t]+|\n)"
#: "Ana Ruiz and " opening a clause before a name that speaks, or " and Bo Lind" after one.
_COORD_BEFORE = re.compile(
    _CLAUSE_OPEN
    + _name_run(3)
    # "Senator Ted Cruz of Texas and Senator Rand Paul": a place after the first name
    + r"(?:[ \t]+of[ \t]+[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*)?)?"
    + r"[ \t]+and[ \t]+$"
)
_COORD_AFTER = re.compile(r"[ \t]+and[ \t]+" + _name_run(3) + r"(?=[ \t]*[,.;]|[ \t]+[a-z])")


def _coordinated_name(masked: str, span: Span) -> tuple[str, Span] | None:
    """The person named together with the speaking name at ``span`` ("Ana Ruiz and Bo Lind
    said", "said Ruiz and Lind, who …"), if both are people's names: two capitalised words, or
    one that is no sentence word, place or body."""
    if len(masked[span[0] : span[1]].split()) > 4:
        return None
    m = _COORD_BEFORE.search(masked, max(0, span[0] - 60), span[0]) or _COORD_AFTER.match(
        masked, span[1]
    )
    if m is None or not _person_like(m.group(1)):
        return None
    return m.group(1), m.span(1)


def _with_coordinated(
    masked: str, resolver: _Resolver, speaker: str, span: Span, a: int
) -> tuple[str, Span]:
    """The speaker and span of the name at ``span`` widened to the people named with it: "Ana
    Ruiz and Bo Lind said" are both speaking (a group matches either), and so is everyone
    listed before them ("Matthews, Seitz and Lopez argued")."""
    other = _coordinated_name(masked, span)
    if other is None:
        return speaker, span
    first, (oa, ob) = other
    before = ob <= span[0]
    mine = speaker.split()
    if " " not in first and before and len(mine) >= 2 and first.lower() in _ANY_FIRST:
        name = f"{first} {mine[-1]}"  # "David and Jeanne Heidler"
    else:
        name = resolver.fullest(first, a)
    speaker = f"{name} and {speaker}" if before else f"{speaker} and {name}"
    span = (min(span[0], oa), max(span[1], ob))
    listed = _listed_before(masked, span[0]) if before else []
    if listed:
        names = [resolver.fullest(n, a) for n, _ in listed]
        speaker = ", ".join(names) + ", " + speaker
        span = (listed[0][1][0], span[1])
    return speaker, span


def _listed_before(masked: str, start: int) -> list[tuple[str, Span]]:
    """The names listed with commas before the coordinated name starting at ``start``
    ("Matthews, Seitz and Lopez argued": Matthews before Seitz), in text order."""
    out: list[tuple[str, Span]] = []
    while len(out) < 4:
        m = _LISTED_NAME.search(masked, max(0, start - 40), start)
        if m is None or not _person_like(m.group(1)):
            break
        out.insert(0, (m.group(1), m.span(1)))
        start = m.start(1)
    return out


#: "Matthews, " right before a listed name.
_LISTED_NAME = re.compile(_CLAUSE_OPEN + _name_run(3) + r",[ \t]+$")


def _person_like(name: str) -> bool:
    """Could ``name`` be a person's: no sentence word, place or body (for coordination)."""
    words = name.split()
    return (
        _looks_like_name(name)
        and words[0] not in _STOP_CAPS
        and words[0] not in _PLACE_OPENERS
        and words[-1].lower() not in _NOT_PERSON_HEADS
        and words[-1].lower() not in _BODY_NOUNS
    )


def _someone_else_between(masked: str, sents: Sequence[Span], si: int, prev: Quote) -> bool:
    """Does a whole sentence between the previous quote and this one open with a person's
    name other than that quote's speaker ("“And you?” Vale shrugged. “I advised against
    it.”")? Then the quote is that person's, not the previous speaker's."""
    if si == 0 or sents[si - 1][0] < prev.span[1]:
        return False
    subj = _subject(masked, *sents[si - 1])
    return (
        subj is not None
        and subj.kind == "name"
        and prev.speaker is not None
        and not same_speaker(canonical_name(subj.text), prev.speaker)
    )


def _it_antecedent(masked: str, sents: Sequence[Span], si: int, pos: int) -> _Mention | None:
    """The body or document an "it" at ``pos`` speaking refers to: the subject of its own
    sentence, else of the sentence before, when it names a body ("The union", "the ministry",
    "Avel Council") or a text ("The email"). (A name whose last word is a body's is never one
    the text shows as a person.)"""
    own = _body_subject(masked, sents[si][0], pos)
    if own is not None or si == 0:
        # "The agency fined Harbourco for a spill that it said had caused “…”".
        return own
    return _body_subject(masked, *sents[si - 1])


def _body_subject(masked: str, lo: int, hi: int) -> _Mention | None:
    """The subject opening ``masked[lo:hi]`` when it names a body or a text."""
    subj = _subject(masked, lo, hi)
    if subj is None or subj.kind not in ("role", "name"):
        return None
    if subj.kind == "role":
        heads = [m.end() for m in _WORD.finditer(subj.text) if m.group().lower() in _BODY_NOUNS]
        if not heads:
            return None
        # "The piece goes on to slam …": the phrase ends at its noun.
        cut = subj.text[: heads[-1]]
        return _Mention((subj.span[0], subj.span[0] + heads[-1]), cut, "role")
    if subj.text.rsplit(None, 1)[-1].lower() not in _NOT_PERSON_HEADS:
        return None
    return subj


def _with_body_of(masked: str, found: _Found) -> _Found:
    """``found`` with a body's name run on through "of" ("the Ministry of Transport said", not
    "the Ministry"); a capitalised body becomes a proper name ("said the Ministry of
    Transport")."""
    words = found.mention.text.split()
    if found.mention.kind not in ("name", "role") or not words:
        return found
    head = words[-1]
    if head.lower() not in _OF_BODIES:
        return found
    tail = _OF_BODY_TAIL.match(masked, found.mention.span[1])
    if tail is None:
        return found
    wide = (found.mention.span[0], tail.end())
    kind = "name" if head[:1].isupper() else "role"
    return replace(found, mention=_Mention(wide, masked[wide[0] : wide[1]], kind))


#: Bodies whose names run on with "of" and a capitalised name: "the Ministry of Transport".
_OF_BODIES = _wordset("""
    ministry department office bureau agency institute committee council commission board
    authority service university college school academy society federation association union
    league foundation court chamber
    """)
_OF_BODY_TAIL = re.compile(
    r"[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][\w'’-]*"
    r"(?:[ \t]+(?:and[ \t]+|of[ \t]+|for[ \t]+)?[A-Z][\w'’-]*){0,4}"
)
#: Nouns that name a body or a text, which "it" may stand for (not "the spokesman").
_BODY_NOUNS = _wordset("""
    ministry committee department agency government administration office party group
    organization organisation company firm police court council commission union association
    coalition alliance team campaign network newspaper publication website board panel jury
    authority embassy army military bank university school
    email letter statement report memo ad affidavit piece editorial paper post tweet release
    study poll survey book article document filing complaint lawsuit video
    """)
#: The heads of a phrase that can name a speaker: a person's role or title, or a body or
#: document ("the harbour authority said", "the lawsuit alleges").
_SPEAKING_HEADS = _ROLE_OR_TITLE | _BODY_NOUNS


def _nearest_name_before(resolver: _Resolver, pos: int) -> tuple[str, Span] | None:
    best: tuple[int, str] | None = None
    for p, name in resolver.names:
        if p < pos:
            best = (p, name)
    if best is None:
        return None
    return resolver.fullest(best[1], pos), (best[0], best[0] + len(best[1]))


def _abstract(mention: _Mention) -> bool:
    """Is a determiner phrase headed by no person or body noun ("The timeline", "The lack")?"""
    if mention.kind != "role":
        return False
    words = [w.lower() for w in re.findall(r"[\w'’-]+", mention.text)]
    return not any(
        w in _ROLE_NOUNS or w in TITLES or (w.endswith("s") and w[:-1] in _ROLE_NOUNS)
        for w in words
    ) and not any(c.isdigit() for c in mention.text)


def _later_subject(
    masked: str, lo: int, qa: int, cue_re: _CueWords, known: frozenset[str]
) -> _Mention | None:
    """The subject of the clause nearest before the quote that names a person or body."""
    found = _coordinated_subject(masked, lo, qa, qa)
    if found is None or found.mention.kind == "pronoun":
        return None
    if not _plausible(found.mention, known) or _abstract(found.mention):
        return None
    if _POSSESSIVE_END.search(found.mention.text):
        return None
    return found.mention


_NOT_THE_LAST_NAMED = _wordset("a an another one his her their its our my your")
_POSSESSIVE_WORD_IN = re.compile(r"\w['’]s?\s")


@lru_cache(maxsize=1024)
def _role_pattern(head: str) -> re.Pattern[str]:
    """The role word, or its abbreviated title ("Gov." for "the governor"), then a capitalised
    name ("the envoy, Dorothy Shea"), compiled once per word."""
    word = re.escape(head)
    if head in _TITLE_ABBREVIATIONS:
        word = "(?:" + word + "|" + _TITLE_ABBREVIATIONS[head] + r"\.?)"
    return re.compile(
        r"\b(?i:" + word + r")(?![\w'’-]),?\s+((?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+)"
    )


#: A title word before a role word that makes it another office ("Vice President").
_LESSER_TITLE = re.compile(
    r"\b(?:[Vv]ice|[Dd]eputy|[Aa]ssistant|[Aa]ssociate|[Uu]nder|Lt\.|[Ll]ieutenant)[\s-]+$"
)


#: The abbreviated titles of role words, which name the holder before the role word is used
#: alone ("Gov. Tom Alder … the governor said").
_TITLE_ABBREVIATIONS = {
    "governor": "gov",
    "senator": "sen",
    "representative": "rep",
    "congressman": "rep",
    "congresswoman": "rep",
    "general": "gen",
    "professor": "prof",
    "doctor": "dr",
    "reverend": "rev",
    "lieutenant": "lt",
    "colonel": "col",
    "captain": "capt",
    "admiral": "adm",
    "sergeant": "sgt",
}


def _holder(masked: str, mention: _Mention) -> str | None:
    """The person named right next to a mention that stops at an office or a role: after it
    ("Former Secretary of State Ana Ruiz", "her lawyer, Ana Ruiz,") or, for a role phrase,
    before it in apposition ("Ana Ruiz, the harbour master,"). A role phrase takes an office
    holder only when it is all titles, so "the director of the Harbour Bureau" is no holder."""
    if mention.kind != "role":
        return _office_holder(masked, mention) or _named_after_role(masked, mention)
    titles_only = all(w.lower() in TITLES for w in mention.text.split())
    return (
        (_office_holder(masked, mention) if titles_only else None)
        or _named_after_role(masked, mention)
        or _named_before_role(masked, mention)
    )


#: After a role phrase: its "of" organisation, then the name of the person in the role, set off
#: by commas or, after a role noun, directly ("the leader of the Port League, Ana Ruiz, said",
#: "the Gazette columnist Ana Ruiz wrote").
_NAME_AFTER_ROLE = re.compile(
    r"(?P<role>(?:[ \t]+(?!(?:of|at|for|from|in|on|with|the|a|an|and|or|to|by|told|said|says)\b)"
    r"[a-z][a-z-]*){1,3}(?=[ \t,]))?"
    r"(?P<of>[ \t]+(?:of|at|for|from|in|on|with)[ \t]+(?:[\w.'’&-]+[ \t]+){0,5}?[\w'’&-]+(?=,))?"
    r"(?P<sep>,[ \t]+|[ \t]*(?:--|—|–)[ \t]*|[ \t]+)"
    r"(?P<job>(?<=,[ \t])(?:[a-z][a-z-]*[ \t]+){1,2})?"
    r"(?P<name>(?:(?:Dr|Mr|Mrs|Ms|Prof|Rev|Sen|Rep|Gov|Gen|Col|Capt|Lt|Sgt)\.[ \t]+)?"
    r"[A-Z][\w'’-]+(?:[ \t]+(?:" + _PARTICLE_WORDS + r"[ \t]+)?"
    r"(?:[A-Z]\.|[A-Z][\w'’-]+|" + _PARTICLE_JOINED + r"[\w'’-]*)){1,3})"
    r"(?P<end>,|[ \t]*(?:--|—|–)|[ \t]+[a-z])"
)


_OFFICE_MODIFIERS = _wordset("state former fellow acting deputy city county then")
#: An occupation before a name in apposition: "engineer", "drummer", "economist", "nurse".
_JOB_WORD = re.compile(r"[a-z-]+(?:er|or|ist|ian)|nurse|judge|chief|aide")
#: "One of the university's top executives, Michael Sexton, testified": the one, named.
_ONE_OF_NAME = re.compile(
    r"[ \t]+of[ \t]+[^,@\n]{2,80},[ \t]*([A-Z][\w'’-]+(?:[ \t]+(?:[A-Z]\.|[A-Z][\w'’-]+)){1,3}),"
)


#: Nouns for a person by their relation to another ("her opponent, Bo Lind,").
_RELATION_NOUNS = _wordset("""
    opponent opponents rival rivals challenger ally allies successor predecessor colleague
    counterpart boss deputy running-mate mentor protege
    """)
#: ", Sara," -- one capitalised first name in apposition.
_FIRST_NAME_AFTER = re.compile(r",[ \t]+([A-Z][a-z]+),")
_KIN_WORDS = _KIN_TERMS | _wordset("widow widower fiancee fiance partner")


def _named_after_role(masked: str, mention: _Mention) -> str | None:
    """The person a role phrase introduces right after it: "her personal lawyer, Ana B. Ruiz,
    wrote", "the leader of the Port League, Ana Ruiz, warned", "the Gazette columnist Ana Ruiz
    went so far as to say"."""
    if mention.text in ("One", "one", "Another", "another"):
        one = _ONE_OF_NAME.match(masked, mention.span[1])
        if one is not None and _looks_like_name(one.group(1)):
            return canonical_name(one.group(1))  # "One of the executives, Tom Vale, said"
    m = _NAME_AFTER_ROLE.match(masked, mention.span[1])
    job = m.group("job").split() if m is not None and m.group("job") else []
    if job and not (_JOB_WORD.fullmatch(job[-1]) or all(w in _OFFICE_MODIFIERS for w in job)):
        # "the author, engineer Ruth Kamau,", "her successor, state Treasurer Luis Ortega,": an
        # occupation or an office's modifier may open the apposition.
        m = None
    if m is None or not _looks_like_name(m.group("name")):
        kin = _FIRST_NAME_AFTER.match(masked, mention.span[1])
        if (
            kin is not None
            and mention.text.lower().split()[-1] in _KIN_WORDS
            and kin.group(1) not in _STOP_CAPS
        ):
            return kin.group(1)  # "Lind’s wife, Sara, told the Gazette"
        return None
    # "the White House press secretary, Josh Earnest,": the role words may follow the mention;
    # a named mention needs them ("Ana Ruiz, Bo Lind, …" is a list).
    words = mention.text.split()
    capital_role = (
        len(words) >= 2 and words[0] in ("The", "the") and words[-1].lower() in _ROLE_OR_TITLE
    )  # "The Home Secretary, Yvette Marlow, said": a role in capitals
    role = m.group("role") or (mention.text if mention.kind == "role" or capital_role else "")
    head = role.lower().split()[-1:]
    if not head or (head[0] not in _ROLE_OR_TITLE and head[0] not in _RELATION_NOUNS):
        return None
    if any(w.endswith("ed") and w not in _PRE_NAME_SET for w in (m.group("role") or "").split()):
        return None  # "Bo Lind attacked former mayor Tom Vale for …": a verb, then its object
    sep, end = m.group("sep").strip(), m.group("end").strip()
    if sep in ("--", "—", "–"):
        if end not in (",", sep):
            return None  # "the mayor — Ana Ruiz — said", "the mayor -- Ana Ruiz, who …, said"
    elif (sep == ",") != (end == ","):
        return None  # an apposition closes with a comma; a name run on ends at the verb
    return canonical_name(m.group("name"))


#: A full name (perhaps with a generational suffix and an age) and the comma of an apposition
#: after it, perhaps with a first description the role phrase is coordinated with (``det`` when
#: that description opens with an article: "…, a fellow at the institute and …").
_NAME_BEFORE_ROLE = re.compile(
    r"((?:[A-Z][\w'’-]+|[A-Z]\.)(?:[ \t]+(?:[A-Z][\w'’-]+|[A-Z]\.)){1,3})"
    r"(?:,?[ \t]+(?:Jr|Sr|II|III)\.?)?(?P<age>,[ \t]*\d{1,3}(?=,))?,[ \t]*"
    r"(?:(?P<det>(?:the|a|an)[ \t])?[a-z]"
    r"(?:[^,;:.!?@\n]|(?<![A-Za-z])(?:Mrs|Mr|Ms|Dr|Sen|Rep|Gov)\.){1,80}?[ \t]+and[ \t]+)?$"
)

#: What may stand before a name that a role phrase describes: the start of a sentence or clause.
_APPOSITION_HOST = re.compile(r"(?:^|[.!?:;@\n\"”“,(—–]|\b(?:said|says))\s*$")


def _named_before_role(masked: str, mention: _Mention) -> str | None:
    """The person a role phrase is an apposition to: "Ana B. Ruiz Jr., the director of the
    Harbour Bureau, said"."""
    words = mention.text.lower().split()
    while len(words) > 1 and words[-1] in ("who", "that", "which"):
        words.pop()
    if words[0] not in ("the", "a", "an"):
        return None
    m = _NAME_BEFORE_ROLE.search(masked, max(0, mention.span[0] - 80), mention.span[0])
    if m is None or not _looks_like_name(m.group(1)):
        return None
    if words[-1] not in _ROLE_OR_TITLE and m.group("age") is None and m.group("det") is None:
        # Any noun will do after an age ("Ana Ruiz, 67, a retired pilot,") or as the second of
        # two descriptions ("Ana Ruiz, a fellow at the institute and a Democratic
        # superdelegate,"); alone, it needs a role noun.
        return None
    if m.group(1).rsplit(None, 1)[-1].lower() in _WEEKDAYS:
        return None  # "in Hudson, New Hampshire Monday, the …": a place and a day
    if not _APPOSITION_HOST.search(masked, max(0, m.start() - 40), m.start()):
        return None  # "In New Hampshire, the …", "MSNBC’s Ana Ruiz, the …": no apposition
    return canonical_name(m.group(1))


_POSSESSED_NAME = re.compile(
    r"\w['’]s?[ \t]+((?:[A-Z][\w.'’-]*[ \t]+){1,3}"
    r"(?:[A-Z][\w'’-]*|" + _PARTICLE_JOINED + r"[\w'’-]*))$"
)
_ROLE_THEN_NAME = re.compile(r"\b([a-z]+)[ \t]+((?:[A-Z][\w.'’-]*[ \t]+){1,3}[A-Z][\w'’-]*)$")


#: A person's own words as a document: "Ruiz’s statement", "Ana Ruiz’s full remarks".
_OWNED_WORDS = re.compile(
    r"((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*?)['’]s?\s+"
    r"(?:(?:full|complete|entire|written|prepared|latest|new|own|brief)\s+)*"
    r"(?:statement|remarks|letter|tweet|tweets|speech|message|response|reply|post|op-ed|memo)\b"
)


#: A person introduced by the name they give: "a man calling himself Paul Paul", "a woman who
#: gave her name only as Ana R.".
_SELF_NAMED = re.compile(
    r"[^.;:@\n]{0,60}?\b(?:(?:calling|calls|called)\s+(?:himself|herself|themselves)"
    r"|(?:gave|giving|gives)\s+(?:his|her|their)\s+(?:first\s+)?name\s+(?:only\s+)?as"
    r"|(?:known|identified)\s+(?:only\s+)?as)\s+"
    r"((?:[A-Z](?:\.|[\w'’-]*)\s+){0,2}[A-Z][\w'’-]*)"
)
#: A piece of work and its author: "calculations by Amy Glasmeier", "a study by Ana Ruiz".
_WORK_BY = re.compile(
    r"(?:(?:the|a|an|new|recent|his|her|their)\s+)*(?:calculations|estimates|analysis|analyses|"
    r"data|research|study|studies|survey|report|figures|projections|review|book|paper|memo)"
    r"\s+by\s+((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]*)"
)


#: Unnamed people who speak for someone: "a spokesman for the ministry", "an aide to Ruiz".
_AGENT_HEADS = _wordset("""
    spokesman spokeswoman spokesperson official aide adviser advisor source representative
    staffer lawyer attorney member panel
    """)
#: The name of the body an agent speaks for: "Avel Lines", "the 9th Circuit", "the Ways and
#: Means Committee".
_AGENT_BODY = (
    r"(?:the[ \t]+)?(?:\d+(?:st|nd|rd|th)[ \t]+)?[A-Z][\w.'’&-]*"
    r"(?:[ \t]+(?:(?:of|and|for)[ \t]+)?[A-Z][\w.'’&-]*){0,5}"
)
#: "a spokesman for Avel Lines": an agent phrase that runs on to its body's name.
_AGENT_THEN_BODY = re.compile(
    r"(?:the|a|an)[ \t]+(?:[\w-]+[ \t]+){0,2}?([a-z]+)[ \t]+(?:for|of|at)[ \t]+"
    r"(?:" + _AGENT_BODY + r"|[a-z]+)$"
)
_AGENT_OF = re.compile(
    r"[ \t]+((?:for|of|at|to|with|close[ \t]+to|familiar[ \t]+with)[ \t]+"
    r"(?:" + _AGENT_BODY + r"|the[ \t]+[a-z]+))(?<!['’]s)(?<!['’])"
    r"(?=[ \t]*[,.;:]|[ \t]+(?:said|says|told|tells|added|adds|wrote|writes|who|on|in|at|"
    r"during|when)\b)"
)
#: Heads of a body's name that "the <head>" refers back to.
_NAMED_BODY_HEADS = _wordset("""
    agency ministry committee department council commission union party court board bureau
    authority institute foundation association coalition alliance university
    """)
#: Heads of a body's name that may hold an "and" ("Ways and Means Committee", "Center for
#: Strategic and International Studies").
_BODY_RUN_HEADS = _NAMED_BODY_HEADS | _wordset("center centre studies services affairs relations")


@lru_cache(maxsize=64)
def _body_name_pattern(head: str) -> re.Pattern[str]:
    """A capitalised name ending in the body word ``head`` ("Avel Environment Agency"), perhaps
    with an "of" phrase after it ("Avel Board of Elections"), compiled once per word."""
    return re.compile(
        r"((?:[A-Z][\w'’&.-]*[ \t]+(?:(?:of|for|and|on)[ \t]+)?){1,5})"
        + head.title()
        + r"\b((?:[ \t]+(?:of|for)(?:[ \t]+the)?(?:[ \t]+[A-Z][\w'’&.-]*){1,4})?)"
    )


def _named_body(text: str, head: str, modifiers: list[str], before: int) -> str | None:
    """The one capitalised name before ``before`` headed by ``head`` ("Avel Environment Agency",
    "Avel Board of Elections" for "the agency", "the board"), carrying any ``modifiers`` the
    phrase has ("the foreign ministry" is the Foreign Ministry, not the Health Ministry)."""
    found: set[str] = set()
    for m in _body_name_pattern(head).finditer(text, max(0, before - 5000), before):
        words = m.group(1).split()
        while words and words[0] in _STOP_CAPS:
            words = words[1:]  # "The Avel Environment Agency"
        lowered = {w.lower() for w in words}
        if words and all(mod in lowered for mod in modifiers):
            found.add(" ".join([*words, head.title()]) + m.group(2))
    return found.pop() if len(found) == 1 else None


#: "the 21-year-old", "The 46-year-old coach": a person described by age.
_AGE_EPITHET = re.compile(r"[Tt]he[ \t]+(\d{1,3})-year-old\b")


def _aged_name(text: str, age: str, before: int) -> str | None:
    """The last name before ``before`` given the age ``age`` ("Kofi Mensah, 21,", "Ana Ruiz
    (46)"), if exactly one name has it."""
    found = re.findall(
        r"((?:[A-Z][\w'’-]+[ \t]+){0,3}[A-Z][\w'’-]+)(?:,[ \t]*|[ \t]+\()" + age + r"\b[,)]",
        text[max(0, before - 3000) : before],
    )
    names = {canonical_name(n) for n in found if _looks_like_name(n)}
    return names.pop() if len(names) == 1 else None


#: Documents whose issuer a "from"/"by" phrase names.
_ISSUED_WORDS = _wordset("statement letter memo email release tweet post")
_ISSUED_BY = re.compile(
    r"[ \t]+(?:from|by|issued[ \t]+by)[ \t]+((?:[A-Z][\w.'’-]*[ \t]+){0,3}[A-Z][\w'’-]*?)"
    r"(?:['’]s?[ \t]+(?:office|campaign|team|spokesman|spokeswoman|lawyers?|attorneys?)\b"
    r"|(?=[ \t]*[,.;:]|[ \t]+(?:said|says|called|calls|read|reads|stated|states)\b))"
)


def _resolve_role(
    text: str, mention: _Mention, resolver: _Resolver, last_named: tuple[str, Span] | None
) -> str | None:
    """A role phrase ("the envoy") names whoever the text introduced in that role, else itself."""
    self_named = _SELF_NAMED.match(text, mention.span[0], mention.span[1] + 80)
    if self_named is not None and _looks_like_name(self_named.group(1)):
        # "wrote a man calling himself Paul Paul", "a woman who gave her name as Ana Ruiz".
        return canonical_name(self_named.group(1))
    work = _WORK_BY.match(mention.text)
    if work is not None and _looks_like_name(work.group(1)):
        # "according to calculations by Amy Glasmeier of MIT": the author of the work.
        return resolver.fullest(work.group(1), mention.span[0] + work.start(1))
    named = _ROLE_THEN_NAME.search(mention.text)
    if named is not None and named.group(1) in _ROLE_OR_TITLE and _looks_like_name(named.group(2)):
        # "his campaign manager Bo Lind": the role, then the person who holds it.
        return resolver.fullest(named.group(2), mention.span[0] + named.start(2))
    words_of = _OWNED_WORDS.match(mention.text)
    owner = words_of.group(1).split() if words_of is not None else []
    while owner and (owner[0] in _NAME_LEAD or owner[0] in _STOP_CAPS):
        owner = owner[1:]  # "Read Ruiz’s statement below"
    if owner and _looks_like_name(" ".join(owner)):
        # "Ruiz’s statement", "Ruiz’s full remarks": her own words, unlike "Ruiz’s spokesman".
        return resolver.fullest(" ".join(owner), mention.span[0])
    owned = _POSSESSED_NAME.search(mention.text)
    if owned is not None and _looks_like_name(owned.group(1)):
        # "Avel’s Ana Ruiz", "Fox News’ Sean Hannity": the owner is a place or an outlet.
        return resolver.fullest(owned.group(1), mention.span[0] + owned.start(1))
    age = _AGE_EPITHET.match(mention.text)
    if age is not None:
        aged = _aged_name(text, age.group(1), mention.span[0])
        if aged is not None:
            # "Kofi Mensah, 21, … “…,” the 21-year-old said": the person given that age.
            return resolver.fullest(aged, mention.span[0])
    words = [w.lower() for w in _WORD_APOS.findall(mention.text)]
    head = words[-1] if words else ""
    if head in _ISSUED_WORDS:
        issuer = _ISSUED_BY.match(text, mention.span[1])
        if issuer is not None and _looks_like_name(issuer.group(1)):
            # "A statement from Vale’s office said", "a letter from Ana Ruiz called": the
            # words are the issuer's.
            return resolver.fullest(issuer.group(1), mention.span[1] + issuer.start(1))
    holders: list[str] = []
    modifiers = [w for w in mention.text.split()[1:-1] if w[:1].isupper()]
    lesser = _LESSER_TITLE.search(mention.text[: mention.text.lower().rfind(head)]) is not None
    for m in _role_pattern(head).finditer(text, 0, mention.span[1] + 200):
        cand = m.group(1)
        if not _looks_like_name(cand) or len(cand.split()) < 2:
            continue
        before = text[max(0, m.start() - 40) : m.start()]
        # "Sen. Marco Vale of Florida": the words after the name, up to its clause's end.
        after = text[m.end() : min(m.end() + 30, mention.span[0])].split("\n", 1)[0]
        after = after.split(". ", 1)[0]
        last = cand.rsplit(None, 1)[-1].lower()
        if (
            last in _NOT_PERSON_HEADS
            or last.rstrip("s") in _NOT_PERSON_HEADS
            or bool(_LESSER_TITLE.search(before)) != lesser
            or not all(w in before or w in after for w in modifiers)
        ):
            # "the governor" is not "governor New Hampshire", "Vice President Joe Biden" is no
            # "president" (nor Obama "its vice president"), and "the Florida senator" only a
            # senator named with Florida.
            continue
        full = resolver.fullest(cand, mention.span[0] + 200)
        if m.group().lower().startswith(head):
            return full
        # "Gov. Tom Alder … the governor": an abbreviated title names the role's holder only
        # when the text gives it to no one else before ("Sen. Cruz … Sen. Rubio … the
        # senator" is either).
        if m.start() < mention.span[0] and full not in holders:
            holders.append(full)
    if len(holders) == 1:
        return holders[0]
    if (
        last_named is not None
        and head in ("envoy", "ambassador", "spokesman", "spokeswoman")
        and words[0] not in _NOT_THE_LAST_NAMED
        and not _POSSESSIVE_WORD_IN.search(mention.text)
    ):
        # "the envoy" is the envoy the story has named; "Ruiz’s spokeswoman", "her spokesman"
        # and "a spokeswoman" are someone else, whose words must not go to Ruiz.
        return last_named[0]
    if head in _NAMED_BODY_HEADS and words[0] == "the" and len(words) <= 3:
        body = _named_body(text, head, words[1:-1], mention.span[0])
        if body is not None:
            # "The Avel Environment Agency fined … the agency said": the one body of that kind
            # the text has named.
            return body
    agent = _AGENT_THEN_BODY.match(mention.text)
    if agent is not None and agent.group(1) in _AGENT_HEADS:
        # "said a spokesman for Avel Lines": the phrase ran on to whom the agent speaks for.
        return mention.text
    singular = head[:-1] if head.endswith("s") else head
    if not ({head, singular} & _SPEAKING_HEADS) and mention.kind == "role":
        # "The mood", "The strike entered its third": the span shows where the rules looked,
        # but a phrase without a person or body at its head names nobody.
        return None
    said = mention.text
    if singular in _AGENT_HEADS and (tail := _AGENT_OF.match(text, mention.span[1])) is not None:
        # "a spokesman for the ministry": whom an unnamed agent speaks for is part of who
        # speaks.
        said = f"{said} {tail.group(1)}"
    return canonical_name(said) if said[:1].isupper() else said
