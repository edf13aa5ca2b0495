"""Direct-quote extraction: the words between quote marks that a draft presents as someone's speech.

The hard part is deciding what each mark is. A ’ between letters is an apostrophe (Pyongyang’s);
after an ``s`` it may be a plural possessive (members’ votes) or a closing mark; a straight ``"`` or
``'`` opens or closes depending on the characters around it. Marks are paired per paragraph with a
small state machine (outer quote, nested quotes ignored); a paragraph that ends inside a quote and
is followed by a paragraph opening with the same kind of mark continues the quote (the convention
for multi-paragraph quotes); short quoted names and phrases that are not speech are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from checking.model import Quote, Span
from checking.text import ABBREVIATIONS, paragraphs

__all__ = ["extract_quotes", "quote_regions", "english_marks", "CUE_WORDS", "TURN_LABEL"]


def _wordset(words: str) -> frozenset[str]:
    """A word list written as one whitespace-separated string."""
    return frozenset(words.split())


_D_OPEN = "“„‟«〝❝"
_D_CLOSE = "”»〞〟❞"
_D_AMBIG = '"″＂'
_S_OPEN = "‘‚‛‹"
_S_CLOSE = "’›"
_S_AMBIG = "'′＇"
_ALL_MARKS = _D_OPEN + _D_CLOSE + _D_AMBIG + _S_OPEN + _S_CLOSE + _S_AMBIG
#: Two apostrophes (''like this'') and two backticks serve as double marks in some archives.
_MARK_RE = re.compile("''|``|[" + re.escape(_ALL_MARKS) + "]")
#: Which closers end a quote opened by each opener (German „…“ and ‚…‘ close with a high mark).
_CLOSERS: dict[str, tuple[str, ...]] = {
    k: tuple(v)
    for k, v in {
        # A “ glued to the word before it and followed by a space closes (sloppy typing).
        "“": '”"″＂“',
        "„": '“”"',
        "‟": '”"',
        "«": "»",
        "〝": "〞〟",
        "❝": "❞",
        '"': '"”″＂',
        "″": '″"”',
        "＂": '＂"”',
        "‘": "’'‘",
        "‚": "‘’'",
        "‛": "’'",
        "‹": "›",
        "'": "'’",
        "′": "′'’",
        "＇": "＇'’",
        # A ” or ’ used as an opener (Scandinavian style, or sloppy typing) closes with itself.
        "”": '”"',
        "’": "’'",
    }.items()
}
_CLOSERS["''"] = ("''", '"', "”")
_CLOSERS["``"] = ("''", '"', "”")
_CLOSERS['"'] = (*_CLOSERS['"'], "''")
#: Double-mark families: a mark of another family inside a quote opens a nested quote.
_FAMILY = {"''": "t", "``": "t", '"': "s", "″": "s", "＂": "s", "«": "g", "»": "g"}
#: Words elided with a leading apostrophe: ’em, ’til, ’90s — not an opening mark.
_ELISIONS = _wordset("em til tis twas cause bout n round nuff ol im")
_OPEN_BEFORE = " \t\n([{<—–-/:;,…" + _D_OPEN + _S_OPEN + _D_AMBIG + _S_AMBIG + "”’"
#: Words that make a nearby short quote read as reported speech rather than a title or scare quote.
CUE_WORDS = _wordset("""
    said says say saying told tells telling added adds adding asked asks asking wrote writes writing
    stated states stating declared declares declaring called calls calling dubbed dubs dubbing
    described describes describing termed terms labeled labelled labels branded brands denounced
    denounces denouncing condemned condemns condemning warned warns warning urged urges urging
    insisted insists insisting argued argues arguing claimed claims claiming noted notes noting
    explained explains explaining replied replies replying responded responds responding tweeted
    tweets tweeting posted posts vowed vows vowing promised promises promising pledged pledges
    accused accuses accusing blasted blasts slammed slams praised praises hailed hails criticized
    criticised criticizes criticises mocked mocks quipped quips joked jokes joking recalled recalls
    recalling acknowledged acknowledges admitted admits conceded concedes suggested suggests
    predicted predicts announced announces according promised yelled shouted chanted chanting
    cried cries exclaimed whispered muttered boasted boasts bragged complained complains lamented
    laments characterized characterised characterizes referred refers referring deemed deems
    dismissed dismisses lambasted decried decries touted touts calling labeling labelling
    word words phrase term remarks remark statement comments comment quote quoted quoting
    saying reportedly telling asserted asserts contended contends observed observes
    reiterated reiterates repeated repeats demanded demands assured assures continued continues
    add ask state declare call describe label brand denounce condemn warn urge insist argue claim
    note explain reply respond vow promise pledge accuse blast slam praise hail criticize criticise
    mock quip recall acknowledge admit concede predict yell shout chant exclaim whisper mutter
    boast brag complain lament characterize characterise refer deem dismiss lambaste decry tout
    assert contend observe reiterate repeat assure answered answers testified testifies cited
    cites titled heralded heralds accusation accusations implied implies portrayed portrays
    portraying assertion assertions admission protested protests rejected rejects spoke
    chants screamed screaming screams blared crying read reading intimated nicknamed billed entitled
    """)
_CUE_NEAR = re.compile(r"[A-Za-z]+")


@dataclass(slots=True)
class _Mark:
    pos: int
    ch: str
    left: str
    right: str


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _can_open(m: _Mark, text: str = "") -> bool:
    """Could this mark open a quote (something quotable follows, nothing glued before it)?

    ``text`` (the whole text) lets it look past the next character, for the openers a typist
    spaces or dots: “ or " with a space on both sides (``said. “ You know”``, only when a
    closer follows in its paragraph), a quote that opens on an ellipsis (``". . . I``) or on a
    tweet's ``.@handle``, and ``"`` glued after a full stop before a capital
    (``authorities."We``). A mark before ``>`` ends a markup tag's attribute value, which an
    embed may break over a line (``date="May 2,\n">``): it opens nothing."""
    after = text[m.pos + len(m.ch) : m.pos + len(m.ch) + 6]
    spaced = m.left.isspace() or not m.left
    if not m.right or m.right.isspace():
        if m.ch in '“"' and spaced and m.right == " ":
            end = text.find("\n", m.pos)
            closed = re.search('[”"]', text[m.pos + 1 : end if end >= 0 else len(text)]) is not None
            return closed and re.match(r" +(?:[\w…]|\. \.)", after) is not None
        return m.ch in "«„" and bool(m.right)
    if m.ch in _D_OPEN or m.ch in "‘‚‛‹":
        return True
    if m.ch == '"' and m.left in ".!?" and m.right.isupper():
        return True
    if m.ch == '"' and m.left.isalpha() and m.right.isalpha():
        # Glued between two words ("waxed poetic about"joint operations"): a missing space.
        return True
    left_ok = spaced or m.left in _OPEN_BEFORE
    if not left_ok:
        return False
    if m.right == "." and m.ch in _D_AMBIG:
        return re.match(r"\. ?\. ?\.|\.@\w", after) is not None
    return m.right not in ",.;:!?)]}>"


def _can_close(m: _Mark) -> bool:
    """Could this mark close a quote (something glued before it, nothing glued after it)?"""
    if not m.left or m.left.isspace():
        return m.ch == "»" and bool(m.left)
    if m.ch in _D_CLOSE:
        return True
    if m.ch == '"' and m.left in ",.!?" and m.right.isupper():
        # ``paranoia,"Clinton said``: a straight closer glued to the next word (a missing space).
        return True
    return not _is_word(m.right)


def _is_apostrophe(text: str, m: _Mark) -> bool:
    """A single mark that is part of a word: don’t, Pyongyang’s, ’90s, ’em, rock ’n’ roll."""
    if m.ch not in "’'ʼ′＇‘":
        return False
    if _is_word(m.left) and _is_word(m.right):
        return True
    if m.left in "nN" and m.pos >= 3 and text[m.pos - 2] in "'’" and text[m.pos - 3] == " ":
        return True  # the second mark of "rock 'n' roll"
    if (not m.left or not _is_word(m.left)) and m.right.isdigit():
        return re.match(r"\d\ds?\b", text[m.pos + 1 : m.pos + 5]) is not None
    if m.right.isalpha() and (not m.left or not _is_word(m.left)) and m.ch != "‘":
        word = re.match(r"[A-Za-z]+", text[m.pos + 1 : m.pos + 8])
        if word and word.group().lower() in _ELISIONS:
            after = text[m.pos + 1 + word.end() : m.pos + 2 + word.end()]
            return not after or not after.isalpha()
    return False


def _plural_possessive(text: str, m: _Mark) -> bool:
    """``members’ votes``: a closing-looking mark after an ``s`` followed by a lower-case word."""
    return (
        m.left in "sSzZ"
        and m.right == " "
        and re.match(r" [a-z]", text[m.pos + 1 : m.pos + 3]) is not None
    )


def _marks(text: str, start: int, end: int) -> list[_Mark]:
    out: list[_Mark] = []
    for mm in _MARK_RE.finditer(text, start, end):
        p, q = mm.span()
        left = text[p - 1] if p > start else ""
        if left == " ":
            k = p - 1
            while k > start and p - k <= 3 and text[k] == " ":
                k -= 1
            if k - 1 > start and text[k] in "'’" and not text[k - 1].isspace():
                # ``,' "`` or ``,'  ''`` -- a nested quote closing just before the outer one,
                # spaced apart.
                left = text[k]
        right = text[q] if q < end else ""
        out.append(_Mark(p, mm.group(), left, right))
    return out


def _kind(ch: str) -> str:
    if len(ch) == 2 or ch in _D_OPEN or ch in _D_CLOSE or ch in _D_AMBIG:
        return "d"
    return "s"


def _family(ch: str) -> str:
    return _FAMILY.get(ch, "c")


def _pair_paragraph(
    text: str, marks: list[_Mark], carried: _Mark | None, *, may_run_on: bool
) -> tuple[list[Span], _Mark | None]:
    """Pair the marks of one paragraph: quote spans (inside the marks) and any unclosed opener.

    ``carried`` is the repeated opener of a quote continuing from the previous paragraph. Inside a
    quote, marks of the other kind (single inside double and vice versa) and double marks of another
    family (“…” inside "…") are nested quotes and ignored. An unclosed single opener is retried as
    an apostrophe (so a stray ’ cannot swallow the paragraph) unless ``may_run_on`` says the next
    paragraph opens with a single mark too.
    """
    ignored: set[int] = set()
    while True:
        spans: list[Span] = []
        opener: _Mark | None = carried
        open_index = -1
        inner: str | None = None
        restart = False
        for i, m in enumerate(marks):
            if i in ignored:
                continue
            kind = _kind(m.ch)
            if opener is None:
                if kind == "s" and _is_apostrophe(text, m):
                    continue
                if _can_open(m, text) and (
                    m.ch not in "»〞〟❞’›" or (m.ch == "’" and not _can_close(m))
                ):
                    opener, open_index, inner = m, i, None
                continue
            if kind != _kind(opener.ch):
                continue
            if kind == "s" and _is_apostrophe(text, m):
                continue
            fam = _family(m.ch)
            if inner is not None:
                if fam == inner and _can_close(m):
                    inner = None
                    continue
                if fam == inner:
                    continue
            if m.ch in _CLOSERS.get(opener.ch, ()) and (
                _can_close(m) or (opener.ch in "„‚" and m.left in ",.!?" and m.right.isupper())
            ):
                # (``paranoia,“Clinton said``: a German high closer glued to the next word, a
                # missing space, as _can_close allows for a straight one.)
                if kind == "s" and _plural_possessive(text, m) and _later_closer(text, marks, i):
                    continue
                spans.append((opener.pos + len(opener.ch), m.pos))
                opener, open_index, inner = None, -1, None
                continue
            if (
                m.ch == opener.ch
                and inner is None
                and not m.right
                and m.left == " "
                and text[m.pos - 2 : m.pos - 1] in (".", "!", "?", ",")
            ):
                # ``“They see that. “`` ending a paragraph: the closer typed as an opener.
                spans.append((opener.pos + len(opener.ch), m.pos - 1))
                opener, open_index, inner = None, -1, None
                continue
            if kind == "d" and fam != _family(opener.ch) and _can_open(m, text) and inner is None:
                inner = fam
                continue
            if (
                m.ch == '"'
                and opener.ch == '"'
                and inner is None
                and _can_open(m, text)
                and (m.left.isspace() or m.left in "(:")
            ):
                # "… shouted "Stop!" as he left." -- a straight quote nested in a straight quote.
                inner = fam
                continue
            if (
                m.ch == "“"
                and opener.ch == "“"
                and inner is None
                and _can_open(m, text)
                and _two_closers_follow(text, marks, i)
            ):
                # “… wearing “Settle For Lind” shirts. Ouch.” -- a quote nested in the same marks.
                inner = fam
                continue
            if (m.ch in _D_OPEN or m.ch in _S_OPEN or len(m.ch) == 2) and _can_open(m, text):
                # A second opener of the same kind: the first one was never closed.
                if open_index >= 0 and kind == "s":
                    ignored.add(open_index)
                    restart = True
                    break
                spans.append((opener.pos + len(opener.ch), m.pos))
                opener, open_index, inner = m, i, None
        if restart:
            continue
        if opener is not None and open_index >= 0 and _kind(opener.ch) == "s" and not may_run_on:
            ignored.add(open_index)
            continue
        return spans, opener


def _two_closers_follow(text: str, marks: list[_Mark], i: int) -> bool:
    """Do two ” close after the “ at mark ``i``, before any other “ opens in the paragraph?

    Then that “ opens a quote nested in the open one, typed with the same marks: one ” closes
    each. With one ” the open quote was never closed and this “ starts the next one.
    """
    closers = 0
    for m in marks[i + 1 :]:
        if m.ch == "“" and _can_open(m, text):
            return False
        if m.ch == "”" and _can_close(m):
            closers += 1
            if closers == 2:
                return True
    return False


def _later_closer(text: str, marks: list[_Mark], i: int) -> bool:
    """Is there a closing single mark after mark ``i``, before a new ‘ opens another quote?

    A possessive-looking ’ (``‘Open Ports’ and ‘Fair Tolls’``) closes its quote when the next
    quote opens before any other closer.
    """
    for m in marks[i + 1 :]:
        if m.ch == "‘" and _can_open(m, text) and not _is_apostrophe(text, m):
            return False
        if (
            _kind(m.ch) == "s"
            and m.ch in "’'"
            and _can_close(m)
            and not _is_apostrophe(text, m)
            and not _plural_possessive(text, m)
        ):
            return True
    return False


def quote_regions(text: str) -> list[Span]:
    """Every span between paired quote marks (outermost only), before deciding what is speech.

    Extraction and attribution both read them, for the same text one after the other; the
    last few texts' regions are kept so the second reading costs nothing."""
    return list(_quote_regions(text))


@lru_cache(maxsize=4)
def _quote_regions(text: str) -> tuple[Span, ...]:
    regions: list[Span] = []
    paras = paragraphs(text)
    carried: _Mark | None = None
    for k, (pa, pb) in enumerate(paras):
        marks = _marks(text, pa, pb)
        cont: _Mark | None = None
        if (
            carried is not None
            and marks
            and marks[0].pos == pa
            and _kind(marks[0].ch) == _kind(carried.ch)
        ):
            cont = _Mark(pa, marks[0].ch, "", marks[0].right)
            marks = marks[1:]
        nxt = paras[k + 1][0] if k + 1 < len(paras) else -1
        next_opens = nxt >= 0 and text[nxt] in _ALL_MARKS
        spans, unclosed = _pair_paragraph(
            text, marks, cont, may_run_on=next_opens and _kind(text[nxt]) == "s"
        )
        regions.extend(spans)
        carried = None
        if unclosed is not None:
            # Runs to the end of the paragraph; continues if the next one re-opens the same kind.
            regions.append((unclosed.pos + len(unclosed.ch), pb))
            if next_opens and _kind(text[nxt]) == _kind(unclosed.ch):
                carried = unclosed
    return tuple(_strip_and_sort(text, regions))


def _strip_and_sort(text: str, regions: list[Span]) -> list[Span]:
    out: list[Span] = []
    for a, b in sorted(set(regions)):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b and any(c.isalnum() for c in text[a:b]):
            if out and a < out[-1][1]:
                continue
            out.append((a, b))
    return out


#: Words whose full stop does not end the sentence: titles before a name (Mr., Sen.) and
#: abbreviations that rarely close one.
_NO_STOP = ABBREVIATIONS - _wordset("""
    inc corp co ltd llc plc etc jr sr bros al ala ariz ark calif colo conn del fla ga ill ind
    kan kans ky la md mass mich minn miss mo mont neb nev okla ore pa penn tenn tex va vt wash
    wis wisc wyo no
    """)


_WORD_AT_END = re.compile(r"(?:^|[^\w.])([\w.]+)$")
_INITIALS = re.compile(r"(?:[A-Z]\.)*[A-Z]")
_STOP = re.compile(r"[.!?][\"'”’]?\s")
_STOP_OR_END = re.compile(r"[.!?][\"'”’]?(\s|$)")
_LETTER_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_WORDS = re.compile(r"\w+")
_LABEL_COLON = re.compile(r"[^:]{2,60}:\s")


def _real_stop(text: str, dot: int) -> bool:
    """Does the stop at ``dot`` end a sentence (not ``Mr.``, ``Sen.``, ``U.S.`` or ``J.``)?"""
    if text[dot] != ".":
        return True
    word = _WORD_AT_END.search(text[max(0, dot - 20) : dot])
    if word is None:
        return True
    w = word.group(1)
    if w.lower() in _NO_STOP:
        return False
    # A single initial (J. Smith) or dotted initials (U.S., D.C.).
    return _INITIALS.fullmatch(w) is None


def _sentence_bounds(text: str, a: int, b: int) -> Span:
    """A cheap sentence window around a quote: back to the last terminal stop, on to the next.

    A full stop after a title, an initial or dotted initials (Sen., J., U.S.) is not a stop.
    """
    lo = max(text.rfind("\n", 0, a), 0)
    stops = [m for m in _STOP.finditer(text[lo:a]) if _real_stop(text, lo + m.start())]
    if stops:
        lo = lo + stops[-1].end()
    hi = text.find("\n", b)
    hi = len(text) if hi < 0 else hi
    for m2 in _STOP_OR_END.finditer(text[b + 1 : hi]):
        if _real_stop(text, b + 1 + m2.start()):
            hi = b + 1 + m2.end()
            break
    return lo, hi


_SMALL_WORDS = _wordset(
    "of the and a an in on for to with at by from or vs not is de del la le los las el du"
)


def _title_case(inner: str) -> bool:
    words = _LETTER_WORD.findall(inner)
    return bool(words) and all(w[0].isupper() for w in words if w.lower() not in _SMALL_WORDS)


#: A transcript turn's label: a speaker's name in capitals, perhaps a stage direction, and a
#: colon ("RUIZ: ", "MS. LEE: ", "RUIZ (to Lind): "); the attribution rules read it too.
TURN_LABEL = re.compile(r"\s*([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2})(?: \([^()\n]{1,40}\))?:\s")


def _is_speech(text: str, a: int, b: int) -> bool:
    """Tell a quoted utterance from a scare quote, a nickname or a title.

    Three words or more are speech unless they read like a title (Title Case with no speech cue in
    the sentence). A one- or two-word quote counts when its sentence carries a speech cue ("called
    it “x”", "says Obama is “obsessed”", a headline's "Name: …"); two lower-case words count anyway.
    """
    inner = text[a:b]
    if _listed_headline(text, a, b) or _subhead(text, a, b) or _printed_on(text, a, b):
        return False
    if _DATED_AFTER.match(text, b) is not None:
        return False  # “Yes to minaret ban” (2009): a dated slogan or title, cited
    if TURN_LABEL.match(inner):
        return True  # “RUIZ: It is not.”: a transcript turn, whatever its length or casing
    n_words = len(_WORDS.findall(inner))
    titled = _title_case(inner)
    if n_words > 6 and not (titled and (n_words <= 8 or ": " in inner)):
        # A long Title Case run with a subtitle ("Backfire: The Battle for HP") is a book's
        # title, however many words it has; the casing test below decides it.
        return True
    lo, hi = _sentence_bounds(text, a, b)
    before = text[lo:a]
    toks = {w.lower() for w in _CUE_NEAR.findall(before)}
    toks.update(w.lower() for w in _CUE_NEAR.findall(text[b:hi]))
    cue = (
        not toks.isdisjoint(CUE_WORDS)
        or _LABEL_COLON.match(before) is not None
        # "had one message: “Stay Home.”" -- a colon introduces the quote.
        or before.rstrip(_ALL_MARKS + " ").endswith(":")
    )
    if inner[-1] in ".!?" and not before.strip(_ALL_MARKS + " \t—–-"):
        # “Never.” standing as its own sentence is an utterance, however short or capitalised.
        return True
    if n_words == 1 and _nickname(text, a, b):
        return False
    if not cue and (
        _PERCENT.search(text, max(lo, a - 50), a) or _PERCENT.search(text, b, min(hi, b + 50))
    ):
        # "21 percent chose “honest and trustworthy”": a poll's answer option, not speech.
        return False
    if titled and _headline(text, a, b):
        # A headline capitalises every word, so casing says nothing about a quote inside it.
        titled = False
    elif titled:
        if not cue or _TITLE_BEFORE.search(before.rstrip(_ALL_MARKS + " ")):
            return False
        listed = _LISTED_TITLES.search(before)
        if listed is not None and _TITLE_BEFORE.search(
            before[: listed.start()].rstrip(_ALL_MARKS + " ")
        ):
            # "starred in “Parks and Recreation” and “Guardians of the Galaxy,”": a later item
            # of a list of titles.
            return False
        # A longer capitalised run with a cue is a sentence typed in Title Case, unless it has a
        # book-style subtitle after a colon.
        return n_words <= 4 or ":" not in inner
    if n_words >= 2:
        return True
    return cue and not _attributive(text, a, b)


#: Quoted items of a list right before a quote: "“Apollo 13,” and " before its opening mark.
_LISTED_TITLES = re.compile(
    r"(?:[“\"‘'][^”\"’'\n]{1,80}[”\"’'],?[ \t\xa0]+(?:and[ \t\xa0]+|or[ \t\xa0]+)?)+[“\"‘']?$"
)


#: A year in parentheses right after the closing mark, perhaps after a few words: “…” (2009),
#: “…” (St. Gallen election poster 2003).
_DATED_AFTER = re.compile(r"[\"'”’»]*[ \t]*\((?:[^()\n]{0,40}[ \t])?(?:19|20)\d\d\)")


def _nickname(text: str, a: int, b: int) -> bool:
    """``Gov. Ana “Sunny” Ruiz``: a one-word quote between a first name and a surname."""
    inner = text[a:b]
    return (
        inner[0].isupper()
        and inner[-1].isalnum()
        and not _headline(text, a, b)
        and re.search(r"(?:\b[A-Z][a-z]+|\b[A-Z]\.)\s*[\"'“‘]$", text[max(0, a - 20) : a])
        is not None
        and re.match(r"[\"'”’]\s*[A-Z][a-z]", text[b : b + 6]) is not None
    )


_PERCENT = re.compile(r"\d\s?%|\bper\s?cent\b|\bpercentage\b", re.IGNORECASE)

_SUBHEAD_FRAME = " \t—–-" + _S_OPEN + _S_CLOSE + _S_AMBIG


def _subhead(text: str, a: int, b: int) -> bool:
    """``‘A fight to the finish.’`` alone on its line: a section subhead in single quotes.

    A paragraph that is nothing but a short single-quoted phrase (up to eight words, perhaps
    between dashes) names the section below it; the words were said somewhere else, if at all.
    """
    lo = text.rfind("\n", 0, a) + 1
    hi = text.find("\n", b)
    hi = len(text) if hi < 0 else hi
    head, tail = text[lo:a], text[b:hi].rstrip(" \t.?!:\r")
    if not head.strip() or not all(c in _SUBHEAD_FRAME for c in head + tail):
        return False
    if not any(c in _S_OPEN + _S_AMBIG + "’" for c in head):
        return False
    return len(_WORDS.findall(text[a:b])) <= 8


#: What a slogan or show name is printed on or names: "“Vote Ruiz” hats", "the “Dock Talk” host",
#: "the “Harbour Nights” star".
_OBJECT_AFTER = re.compile(
    r"[\"'”’»]*\s+(?:campaign\s+|television\s+|tv\s+|radio\s+|web\s+)?(?:hats?|caps?|signs?|ads?"
    r"|advert|adverts|hosts?|co-hosts?|stars?|co-stars?|creators?|shirts?|t-shirts?|buttons?"
    r"|pins?|stickers?|banners?|placards?|pageants?|syllabus|broadcast)\b",
    re.IGNORECASE,
)


def _printed_on(text: str, a: int, b: int) -> bool:
    """``“Vote Ruiz” hats``, ``the “Dock Talk” host``: a slogan or show name naming a thing."""
    return text[b - 1] not in ".!?" and _OBJECT_AFTER.match(text, b) is not None


_BYLINE_AFTER = re.compile(r"[\"'”’»,]*\s+by\s+(?:the\s+)?[A-Z]")
_LABEL_BEFORE = re.compile(r"(?:^|[—–:-])\s*[\"'“‘„«]*$", re.MULTILINE)


def _listed_headline(text: str, a: int, b: int) -> bool:
    """``NEW SHOW—“Gallery opens on the pier,” by Ann Lee of the Courier``: a linked story's
    headline with its byline, as newsletters list them, not something anyone said. The quote must
    open its paragraph or follow a dash or colon, and be followed by a comma and "by Name"."""
    if _BYLINE_AFTER.match(text, b) is None or "," not in text[max(a, b - 2) : b + 3]:
        return False
    para_lo = text.rfind("\n", 0, a) + 1
    return _LABEL_BEFORE.search(text, para_lo, a) is not None


#: What stands before a show, book or film title: "WXRT’s “Morning Desk”", "on “Dock Talk”".
_TITLE_BEFORE = re.compile(
    r"(?:\w['’]s?|\b(?:on|in|told|(?:interview|interviewed)\s+with|author\s+of|starred\s+in"
    r"|(?:speaking|spoke|talking|talked)\s+(?:to|with)|pseudonym|alias|pen\s+name"
    # "the heroine of “Opening Belle,”", "its revival of “The Muppets,”": a part of a work
    r"|(?:end|heroine|hero|hosts?|revival|remake|reboot|equivalent|stars?|cast|episode|season"
    r"|creators?|directors?|producers?|sequel|version|adaptation|premiere|finale)\s+of"
    r"|chapter\s+of|(?:book|books|film|films|movie|movies|show|shows|program|programme|series|song"
    r"|songs|album|novel|memoir|documentary|play|musical|column|op-ed|editorial|essay|podcast"
    r"|episode|autobiography|anthem|poem|hymn|website|site|blog|account|hashtag|channel|segment"
    r"|newsletter|magazine|newspaper|video|videos|ad|ads|commercial|app|game|course|syllabus)(?:,?\s+(?:titled|entitled|called|named))?,?"
    # "a news organization called “The Local”", "a group called the “Avel First”": a body's name.
    r"|(?:organization|organisation|group|company|firm|committee|coalition|movement|network"
    r"|initiative|project|campaign|fund|foundation|charity|party|PAC)\s+(?:called|named)"
    r"(?:\s+the)?))\s*$",
    re.IGNORECASE,
)


def _headline(text: str, a: int, b: int) -> bool:
    """Is the quote in a short line whose own words are nearly all capitalised (a headline)?"""
    lo = text.rfind("\n", 0, a) + 1
    hi = text.find("\n", b)
    hi = len(text) if hi < 0 else hi
    if hi - lo > 200:
        return False
    outside = text[lo:a] + " " + text[b:hi]
    found = [w for w in _LETTER_WORD.findall(outside) if w.lower() not in _SMALL_WORDS]
    return len(found) >= 2 and sum(w[0].isupper() for w in found) >= 0.8 * len(found)


_NOT_NOUN = _wordset(
    "and or to with by in on for of as is was that like from at about if but because when than "
    "after before over the a an he she they it are were has have had will would can could should "
    "may might must do does did been be being also"
)


def _attributive(text: str, a: int, b: int) -> bool:
    """A one-word quote between a possessive and a noun ("Korea’s ‘unlawful’ weapons") is the
    writer's noun phrase with a word flagged, not something a speaker is reported as saying."""
    possessive = re.search(
        r"(?:['’]s?|\b(?:his|her|their|its|our|my))\s*$", text[max(0, a - 12) : a - 1]
    )
    nxt = re.match(r"[”’\"']?\s+([a-z]+)", text[b : b + 24])
    return possessive is not None and nxt is not None and nxt.group(1) not in _NOT_NOUN


def _is_partial(text: str, a: int, b: int) -> bool:
    """A fragment spliced into the writer's own sentence rather than a quoted sentence."""
    first = text[a]
    j = a - 1
    while j >= 0 and text[j] in _ALL_MARKS + " \t":
        j -= 1
    prev = text[j] if j >= 0 else "\n"
    starts_sentence = prev in "\n.!?:,—–-(" and (
        first.isupper() or first.isdigit() or first in "…["
    )
    if not starts_sentence:
        return True
    last = text[b - 1]
    k = b
    while k < len(text) and text[k] in _ALL_MARKS:
        k += 1
    nxt = text[k : k + 30]
    if last.isalnum() and re.match(r" [a-z]", nxt):
        word = re.match(r" ([a-z]+)", nxt)
        return word is not None and word.group(1) not in CUE_WORDS | {"he", "she", "they", "it"}
    return False


_DOUBLE_MARKS = frozenset(_D_OPEN + _D_CLOSE)
_SINGLE_MARKS = frozenset(_S_OPEN + _S_CLOSE)
#: Marks of other typing styles as the English mark of the same family and side.
_AS_ENGLISH = str.maketrans(
    {"„": "“", "‟": "“", "«": "“", "»": "”", "〝": "“", "〞": "”", "〟": "”", "❝": "“", "❞": "”"}
    | {"‚": "‘", "‛": "‘", "‹": "‘", "›": "’"}
)
_OTHER_STYLE = re.compile("[" + "".join(sorted(chr(k) for k in _AS_ENGLISH)) + "]")
_CURLY_MARK = re.compile("[" + "".join(sorted(_DOUBLE_MARKS | _SINGLE_MARKS)) + "]")
#: A German low opening mark, then (in its paragraph) the high mark that closes it.
_LOW_HIGH = re.compile(r"„[^“\n]*(“)|‚[^‘\n]*(‘)")


def english_marks(text: str, quotes: Sequence[Span]) -> str:
    """The text with curly marks typed the English way, one character for another so every
    offset holds: „…“, «…» and ”…” as “…”, and ‚…‘ or ‹…› as ‘…’.

    The rules read newsroom typography as American and British copy types it. The ``quotes``
    (spans between marks) tell which mark opens and which closes whatever the style; elsewhere a
    low mark's high partner is its closer ("the „Avatar“ star").
    """
    if _CURLY_MARK.search(text) is None:
        return text
    typed = text.translate(_AS_ENGLISH) if _OTHER_STYLE.search(text) else text
    put: dict[int, str] = {}
    for m in _LOW_HIGH.finditer(text):
        if m.group(1) is not None:
            put[m.start(1)] = "”"
        else:
            put[m.start(2)] = "’"
    for a, b in quotes:
        if a > 0 and text[a - 1] in _DOUBLE_MARKS:
            put[a - 1] = "“"
        elif a > 0 and text[a - 1] in _SINGLE_MARKS:
            put[a - 1] = "‘"
        if b < len(text) and text[b] in _DOUBLE_MARKS:
            put[b] = "”"
        elif b < len(text) and text[b] in _SINGLE_MARKS:
            put[b] = "’"
    pieces: list[str] = []
    last = 0
    for i in sorted(p for p, ch in put.items() if typed[p] != ch):
        pieces += (typed[last:i], put[i])
        last = i + 1
    return "".join(pieces) + typed[last:] if pieces else typed


def extract_quotes(text: str) -> list[Quote]:
    """Every direct quote in ``text``, in order, with ``speaker`` left for ``speakers.attribute``.

    ``span`` covers the quoted words without the marks; spans never overlap; a multi-paragraph
    quote yields one ``Quote`` per paragraph.
    """
    quotes: list[Quote] = []
    regions = quote_regions(text)
    # The speech tests read English marks (“…” after a title, ” before a noun); other styles are
    # retyped one for one, so every offset holds.
    typed = english_marks(text, regions)
    for a, b in regions:
        if not _is_speech(typed, a, b):
            continue
        quotes.append(Quote(span=(a, b), text=text[a:b], partial=_is_partial(typed, a, b)))
    return quotes
