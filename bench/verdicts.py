"""Verdict accuracy on drafts built from PolNeAR at run time.

Usage: ``python bench/verdicts.py SPLIT_DIR [--seed N] [--holdout F] [--rounds N]
[--show LABEL|VARIANT|all] [--limit N]``

The split's articles are the reference corpus, except a held-out share (``--holdout``) that is not
ingested. Drafts re-report the corpus's quotes and figures in varied newsroom styles, each claim
labelled by construction:

- ``verified``: a quote given to its gold speaker, verbatim or with allowed edits (partial quote,
  ellipsis, [bracketed] clarification, first-letter case, trailing punctuation, quote-mark style,
  "percent" for "%", no speaker at all); a reported sentence re-stated with its number unchanged;
- ``misattributed``: a quote given to another named person (who says none of those words anywhere
  in the corpus);
- ``altered_quote``: a quote with content words substituted, dropped without an ellipsis, or a
  negation inserted;
- ``altered_figure``: a number the reference passage has, changed inside a quote or in a reported
  sentence;
- ``unverified``: a quote or a reported figure from a held-out article whose words occur nowhere in
  the corpus.

The generator is deliberately independent of the checker: it never imports ``checking``. Quotes and
their speakers come from the gold PolNeAR Source/Content annotations (``bench/brat.py``), names
are resolved with its own plain rules, and numbers and sentences are found with its own regexes.
Only the evaluation step calls ``checking``. Nothing from PolNeAR is written to disk.

A labelled claim is matched to the checker's claim of the same kind that overlaps it most (for a
reported sentence: the figure claims inside it; for a changed number: the figure claim covering
it). A claim the checker did not find counts as ``missed``.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from brat import DEFAULT_SPLIT, Article, GoldQuote, load_split  # noqa: E402

Span = tuple[int, int]

VERIFIED = "verified"
MISATTRIBUTED = "misattributed"
ALTERED_QUOTE = "altered_quote"
ALTERED_FIGURE = "altered_figure"
UNVERIFIED = "unverified"
MISSED = "missed"
VERDICTS = (VERIFIED, MISATTRIBUTED, ALTERED_QUOTE, ALTERED_FIGURE, UNVERIFIED)
FLAGS = (MISATTRIBUTED, ALTERED_QUOTE, ALTERED_FIGURE, UNVERIFIED)
SEVERITY = (MISATTRIBUTED, ALTERED_FIGURE, ALTERED_QUOTE, UNVERIFIED, VERIFIED)

# --- plain text helpers (the generator's own; no checking imports) -----------------------------

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "then",
        "so",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "do",
        "does",
        "did",
        "done",
        "have",
        "has",
        "had",
        "having",
        "i",
        "me",
        "my",
        "we",
        "us",
        "our",
        "you",
        "your",
        "he",
        "him",
        "his",
        "she",
        "her",
        "they",
        "them",
        "their",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "who",
        "whom",
        "whose",
        "which",
        "what",
        "when",
        "where",
        "why",
        "how",
        "not",
        "no",
        "nor",
        "all",
        "any",
        "some",
        "each",
        "every",
        "both",
        "few",
        "more",
        "most",
        "other",
        "such",
        "only",
        "own",
        "same",
        "than",
        "too",
        "very",
        "can",
        "could",
        "will",
        "would",
        "should",
        "shall",
        "may",
        "might",
        "must",
        "just",
        "also",
        "about",
        "into",
        "over",
        "under",
        "again",
        "further",
        "once",
        "up",
        "down",
        "out",
        "off",
        "above",
        "below",
        "between",
        "through",
        "during",
        "before",
        "after",
        "while",
        "because",
        "until",
        "against",
        "among",
        "any",
        "re",
        "ve",
        "ll",
        "don",
        "didn",
        "doesn",
        "isn",
        "wasn",
        "aren",
        "weren",
        "won",
        "wouldn",
        "couldn",
        "shouldn",
        "let",
        "lets",
        "that's",
        "it's",
        "i'm",
        "we're",
        "they're",
        "you're",
        "he's",
        "she's",
        "said",
        "says",
        "say",
        "get",
        "got",
        "going",
        "go",
        "gone",
        "one",
        "well",
        "even",
        "much",
        "many",
        "like",
        "now",
        "way",
    ]
)
_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "sen",
        "senator",
        "rep",
        "representative",
        "gov",
        "governor",
        "president",
        "vice",
        "former",
        "gen",
        "general",
        "secretary",
        "judge",
        "justice",
        "rev",
        "reverend",
        "lt",
        "col",
        "sgt",
        "adm",
        "mayor",
        "speaker",
        "chairman",
        "chairwoman",
        "sir",
        "lady",
        "lord",
        "prof",
        "professor",
        "candidate",
        "nominee",
        "businessman",
        "billionaire",
        "attorney",
        "leader",
        "minister",
    ]
)
_NOT_NAME = frozenset(
    [
        "the",
        "a",
        "an",
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
        "you",
        "his",
        "her",
        "their",
        "this",
        "that",
        "who",
        "which",
        "campaign",
        "committee",
        "party",
        "news",
        "post",
        "times",
        "press",
        "network",
        "office",
        "department",
        "house",
        "senate",
        "congress",
        "administration",
        "democrats",
        "republicans",
        "democratic",
        "republican",
        "gop",
        "dnc",
        "rnc",
        "fbi",
        "cia",
        "nsa",
        "state",
        "states",
        "united",
        "america",
        "american",
        "americans",
        "county",
        "city",
        "court",
        "group",
        "foundation",
        "association",
        "center",
        "university",
        "reuters",
        "cnn",
        "fox",
        "nbc",
        "abc",
        "cbs",
        "msnbc",
        "breitbart",
        "politico",
        "ap",
        "afp",
        "journal",
        "magazine",
        "statement",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "team",
        "staff",
        "aides",
        "aide",
        "officials",
        "official",
        "supporters",
        "people",
        "voters",
        "crowd",
        "police",
        "army",
        "police",
        "inc",
        "org",
    ]
)
_MALE = frozenset(
    [
        "donald",
        "bernie",
        "ted",
        "marco",
        "jeb",
        "john",
        "ben",
        "chris",
        "mike",
        "paul",
        "rand",
        "bill",
        "barack",
        "joe",
        "tim",
        "mitch",
        "paul",
        "newt",
        "rudy",
        "jeff",
        "jim",
        "james",
        "robert",
        "bob",
        "george",
        "rick",
        "scott",
        "lindsey",
        "corey",
        "kellyanne",
        "steve",
        "stephen",
        "michael",
        "david",
        "mark",
        "jason",
        "reince",
        "sean",
        "eric",
        "tom",
        "thomas",
        "richard",
        "dick",
        "harry",
        "chuck",
        "martin",
        "lincoln",
        "jerry",
        "ron",
        "dan",
        "daniel",
        "brian",
        "kevin",
        "gary",
        "roger",
        "carl",
        "bobby",
        "luis",
        "jesse",
        "al",
        "larry",
        "frank",
        "peter",
    ]
)
_FEMALE = frozenset(
    [
        "hillary",
        "elizabeth",
        "nancy",
        "sarah",
        "carly",
        "kellyanne",
        "huma",
        "donna",
        "debbie",
        "katrina",
        "hope",
        "ivanka",
        "melania",
        "michelle",
        "chelsea",
        "jennifer",
        "amy",
        "susan",
        "kelly",
        "nikki",
        "jane",
        "mary",
        "linda",
        "karen",
        "lisa",
        "barbara",
        "megyn",
        "maria",
        "hope",
        "loretta",
        "condoleezza",
        "samantha",
        "tulsi",
        "kirsten",
        "claire",
        "patty",
        "jeanne",
    ]
)
_NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "thousand": 1000,
    "million": 1e6,
    "billion": 1e9,
}
_NUMBER_RE = re.compile(r"(?<![\w/.,$-])(\$?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w/]|[.,]\d)")
_SYNONYMS = {
    "great": "good",
    "good": "fine",
    "bad": "awful",
    "terrible": "bad",
    "people": "folks",
    "country": "nation",
    "nation": "country",
    "believe": "think",
    "think": "believe",
    "want": "need",
    "need": "want",
    "never": "rarely",
    "always": "often",
    "important": "vital",
    "big": "huge",
    "huge": "big",
    "strong": "tough",
    "win": "lose",
    "best": "worst",
    "worst": "best",
    "right": "wrong",
    "wrong": "right",
    "know": "suspect",
    "support": "oppose",
    "love": "like",
    "hate": "dislike",
    "clear": "obvious",
    "money": "cash",
    "job": "task",
    "jobs": "positions",
    "fight": "battle",
    "years": "decades",
    "women": "voters",
    "america": "the nation",
    "government": "state",
    "hard": "tough",
    "president": "leader",
    "work": "labor",
    "change": "reform",
    "time": "moment",
    "dangerous": "risky",
    "problem": "issue",
    "candidate": "contender",
    "election": "race",
    "story": "tale",
    "true": "false",
    "wonderful": "decent",
    "tremendous": "large",
    "incredible": "remarkable",
    "disaster": "mess",
    "stupid": "foolish",
    "angry": "upset",
    "proud": "glad",
    "happy": "pleased",
    "sure": "certain",
    "worried": "concerned",
    "crazy": "strange",
    "serious": "grave",
    "real": "genuine",
    "simply": "merely",
    "help": "assist",
    "make": "create",
    "stop": "end",
    "start": "begin",
}
_INSERTS = ("really", "absolutely", "totally", "clearly", "certainly", "simply")
_NEGATABLE = re.compile(r"\b(is|was|are|were|will|would|can|could|should|do|does|did)\b(?! not)")
_CUES = (
    "said",
    "said",
    "said",
    "says",
    "added",
    "argued",
    "insisted",
    "noted",
    "warned",
    "explained",
    "declared",
    "told reporters",
    "remarked",
    "stated",
)
_FILLER = (
    "The campaign moved on to its next stop later in the week.",
    "The remarks drew attention across the political spectrum.",
    "Reporters pressed for further details after the event.",
    "Aides did not respond to requests for further comment.",
    "The exchange came during a busy stretch of the campaign.",
    "Reaction online was swift.",
    "The comments were widely shared on social media.",
    "Analysts were divided over what the remarks meant for the race.",
)
_HEADLINES = (
    "Campaign trail: what was said this week",
    "The week in politics",
    "Candidates trade barbs as the race tightens",
    "On the record: a look back at the campaign",
    "Roundup: voices from the election",
)
_REPORT_PREFIX = (
    "",
    "",
    "",
    "According to earlier reports, ",
    "Separately, ",
    "Meanwhile, ",
    "By one account, ",
)


def _norm_words(text: str) -> list[str]:
    t = text.replace("’", "'").replace("‘", "'").lower()
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", t)


def _masked(words: Sequence[str]) -> list[str]:
    return ["#" if w[0].isdigit() or w in _NUMBER_WORDS else w for w in words]


def _grams(words: Sequence[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def _sentence_spans(text: str) -> list[Span]:
    """A plain sentence splitter: end mark, space, capital starts a sentence (not after "Mr.")."""
    out: list[Span] = []
    for pm in re.finditer(r"[^\n]+", text):
        a = pm.start()
        for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z])", pm.group()):
            prev = (pm.group()[: m.start()].split() or [""])[-1]
            if re.fullmatch(
                r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|St|Jr|Sr|[A-Z]|(?:[A-Z]\.)+[A-Z])\.", prev
            ):
                continue
            out.append((a, pm.start() + m.start()))
            a = pm.start() + m.end()
        out.append((a, pm.end()))
    return [(a, b) for a, b in out if b > a]


# --- sources ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SourceQuote:
    article: str
    span: Span
    text: str
    speaker: str  # the fullest name the article uses
    has_number: bool


@dataclass(frozen=True, slots=True)
class SourceSentence:
    article: str
    span: Span
    text: str
    numbers: tuple[Span, ...]  # relative to text


def _full_names(text: str) -> Counter[str]:
    names: Counter[str] = Counter()
    for m in re.finditer(
        r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’-]+){1,3}\b", text
    ):
        toks = m.group().split()
        while toks and toks[0].lower().rstrip(".") in _TITLES | _NOT_NAME:
            toks = toks[1:]
        if len(toks) >= 3 and toks[0].lower() not in _MALE | _FEMALE and not toks[1].endswith("."):
            toks = toks[-2:]
        if len(toks) >= 2 and not any(t.lower() in _NOT_NAME for t in toks):
            names[" ".join(toks)] += 1
    return names


def _resolve_source(source: str, names: Counter[str]) -> str | None:
    """The person a gold Source names, as the fullest name the article uses, or None."""
    src = source.strip().strip(",")
    toks = src.split()
    while toks and toks[0].lower().rstrip(".") in _TITLES:
        toks = toks[1:]
    if not 1 <= len(toks) <= 3:
        return None
    if not all(re.fullmatch(r"[A-Z][a-z'’]+(?:-[A-Z]?[a-z]+)?|[A-Z]\.", t) for t in toks):
        return None
    if any(t.lower().rstrip(".") in _NOT_NAME for t in toks):
        return None
    surname = toks[-1]
    full = [n for n in names if n.split()[-1] == surname]
    firsts = {n.split()[0] for n in full}
    if len(toks) >= 2:
        if len(firsts) > 1 and toks[0] not in firsts:
            return None
        return " ".join(toks)
    if len(firsts) != 1:
        return None  # no full name, or two people share the surname
    return max(full, key=lambda n: (names[n], -len(n)))


def _gender(name: str) -> str | None:
    first = name.split()[0].lower()
    if first in _MALE:
        return "he"
    if first in _FEMALE:
        return "she"
    return None


@dataclass(slots=True)
class Pools:
    corpus: list[Article]
    heldout: list[Article]
    titles: dict[str, str]
    quotes: dict[str, list[SourceQuote]] = field(default_factory=dict)
    sentences: dict[str, list[SourceSentence]] = field(default_factory=dict)
    held_quotes: list[SourceQuote] = field(default_factory=list)
    held_sentences: list[SourceSentence] = field(default_factory=list)
    gram_count: Counter[tuple[str, ...]] = field(default_factory=Counter)
    masked_grams: set[tuple[str, ...]] = field(default_factory=set)
    text_key: str = ""
    content_pool: list[str] = field(default_factory=list)


def _article_quotes(art: Article) -> list[SourceQuote]:
    names = _full_names(art.text)
    out: list[SourceQuote] = []
    for g in art.gold:
        if not g.source:
            continue
        source = " ".join(art.text[a:b] for a, b in g.source)
        speaker = _resolve_source(source, names)
        if speaker is None:
            continue
        text = art.text[g.span[0] : g.span[1]]
        n = len(_norm_words(text))
        if n < 6 or n > 70 or "\n" in text or re.search(r"[\[\]]", text):
            continue
        if sum(1 for w in _norm_words(text) if len(w) >= 3) < 5:
            continue  # "U-S-A! U-S-A!": a chant, not a quote anyone can be pinned to
        if re.search(r"[“”\"‘]", text):  # a quote inside a quote: whose words are they?
            continue
        out.append(SourceQuote(art.name, g.span, text, speaker, bool(_NUMBER_RE.search(text))))
    return out


def _article_sentences(art: Article, gold: Sequence[GoldQuote]) -> list[SourceSentence]:
    out: list[SourceSentence] = []
    for a, b in _sentence_spans(art.text):
        s = art.text[a:b].strip()
        a = art.text.index(s, a) if s else a
        if not s or re.search(r"[“”\"‘’']\W|\W[“”\"‘]|^[“\"‘]", s) or "\n" in s:
            continue
        if any(g.span[0] < a + len(s) and a < g.span[1] for g in gold):
            continue
        n = len(_norm_words(s))
        if n < 10 or n > 50 or not s.endswith("."):
            continue
        nums = tuple(m.span(2) for m in _NUMBER_RE.finditer(s))
        if not nums:
            continue
        out.append(SourceSentence(art.name, (a, a + len(s)), s, nums))
    return out


def build_pools(
    articles: list[Article], titles: dict[str, str], rng: random.Random, holdout: float
) -> Pools:
    order = list(articles)
    rng.shuffle(order)
    k = max(2, int(len(order) * holdout))
    pools = Pools(corpus=sorted(order[k:], key=lambda a: a.name), heldout=order[:k], titles=titles)
    for art in pools.corpus:
        words = _norm_words(art.text)
        pools.gram_count.update(_grams(words, 5))
        pools.masked_grams |= _grams(_masked(words), 5)
        pools.quotes[art.name] = _article_quotes(art)
        pools.sentences[art.name] = _article_sentences(art, art.gold)
    pools.text_key = "\n".join(" ".join(_norm_words(a.text)) for a in pools.corpus)
    for art in pools.heldout:
        for q in _article_quotes(art):
            if not _grams(_norm_words(q.text), 5) & pools.gram_count.keys():
                pools.held_quotes.append(q)
        for s in _article_sentences(art, art.gold):
            if not _grams(_masked(_norm_words(s.text)), 5) & pools.masked_grams:
                pools.held_sentences.append(s)
    content = Counter(
        w
        for qs in pools.quotes.values()
        for q in qs
        for w in _norm_words(q.text)
        if len(w) > 4 and w.isalpha() and w not in _STOP
    )
    pools.content_pool = sorted(w for w, c in content.items() if c >= 3)
    return pools


def _unique(pools: Pools, text: str) -> bool:
    """Every 5-gram of ``text`` occurs exactly once in the corpus: nobody else says these words."""
    grams = _grams(_norm_words(text), 5)
    return bool(grams) and all(pools.gram_count[g] == 1 for g in grams)


def _absent(pools: Pools, text: str) -> bool:
    """``text``'s words (as a run) appear nowhere in the corpus."""
    return " ".join(_norm_words(text)) not in pools.text_key


# --- edits -----------------------------------------------------------------------------------


def _word_spans(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


_NUMBERISH_WORDS = """
    zero half halves third thirds quarter quarters dozen dozens hundred hundreds thousand
    thousands million millions billion billions percent first second once twice double triple
    single none
"""
_NUMBERISH = frozenset(_NUMBERISH_WORDS.split())


def _is_content(word: str) -> bool:
    w = word.lower().replace("’", "'")
    return (
        len(w) >= 4
        and w.isalpha()
        and w not in _STOP
        and w not in _NUMBER_WORDS
        and w not in _NUMBERISH
        and not word[0].isupper()
    )


def alter_words(text: str, rng: random.Random, pools: Pools) -> tuple[str, str] | None:
    """Change content words: substitute, drop a run without an ellipsis, or negate."""
    words = _word_spans(text)
    inner = [w for w in words[1:-1] if _is_content(w[2])]
    if not inner:
        return None
    how = rng.choice(("substitute", "substitute", "drop", "negate", "insert"))
    if how == "negate":
        m = _NEGATABLE.search(text)
        if m is None:
            how = "substitute"
        else:
            return text[: m.end()] + " not" + text[m.end() :], "negate"
    if how == "drop":
        i = words.index(rng.choice(inner))
        j = min(len(words) - 1, i + rng.choice((1, 2)))
        if j <= i or j >= len(words) - 1:
            how = "substitute"
        else:
            a, b = words[i][0], words[j][0]
            return text[:a] + text[b:], "drop"
    if how == "insert":
        a = rng.choice(inner)[0]
        return text[:a] + rng.choice(_INSERTS) + " " + text[a:], "insert"
    a, b, w = rng.choice(inner)
    new = _SYNONYMS.get(w.lower())
    if new is None:
        options = [c for c in rng.sample(pools.content_pool, 20) if c[:4] != w.lower()[:4]]
        new = options[0]
    return text[:a] + new + text[b:], "substitute"


def _fmt_like(old: str, value: float) -> str:
    if "." in old.replace(",", "") and not old.endswith("."):
        decimals = len(old.split(".")[-1])
        return f"{value:,.{decimals}f}" if "," in old else f"{value:.{decimals}f}"
    v = int(round(value))
    return f"{v:,}" if "," in old else str(v)


def change_number(
    text: str, rng: random.Random, spans: Sequence[Span] | None = None
) -> tuple[str, Span, str] | None:
    """Change one number the text has (digits, or a number word); returns text, new span, old."""
    cands: list[tuple[int, int, str]] = []
    for m in _NUMBER_RE.finditer(text):
        if spans is None or m.span(2) in spans:
            cands.append(
                (m.start(2), m.end(3) if m.group(3) else m.end(2), m.group(2) + (m.group(3) or ""))
            )
    if spans is None:
        for m in re.finditer(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b", text, re.IGNORECASE):
            if m.group().lower() in ("hundred", "thousand", "million", "billion"):
                continue
            cands.append((m.start(), m.end(), m.group()))
    if not cands:
        return None
    a, b, old = rng.choice(cands)
    if old[0].isalpha():
        value = _NUMBER_WORDS[old.lower()]
        choices = [w for w, v in _NUMBER_WORDS.items() if v != value and v < 100]
        new = rng.choice(choices)
        if old[0].isupper():
            new = new.capitalize()
    else:
        v = float(old.replace(",", ""))
        if re.fullmatch(r"(?:19|20)\d\d", old):
            new = str(int(v) + rng.choice((-6, -4, -3, -2, 2, 3, 5)))
        elif v < 10 and "." not in old:
            new = str(rng.choice([d for d in range(2, 10) if d != int(v)]))
        else:
            factor = rng.choice((0.5, 0.7, 1.3, 1.5, 2.0, 3.0))
            nv = v * factor
            new = _fmt_like(old, nv)
            if new == old or float(new.replace(",", "")) == v:
                new = _fmt_like(old, v + max(1, v * 0.4))
    return text[:a] + new + text[b:], (a, a + len(new)), old


# --- drafts ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Label:
    kind: str  # quote | figure
    span: Span  # quote: the quoted words; figure: the whole reported sentence
    expected: str
    variant: str
    focus: Span | None = None  # figure: the changed number's span


@dataclass(slots=True)
class Draft:
    name: str
    body: str
    labels: list[Label]


@dataclass(frozen=True, slots=True)
class Item:
    kind: str
    expected: str
    variant: str
    text: str  # quote words or sentence
    speaker: str | None = None
    partial: bool = False
    focus: Span | None = None  # relative to text


class Writer:
    """Writes one draft paragraph by paragraph, tracking spans and who was last named."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.parts: list[str] = []
        self.pos = 0
        self.labels: list[Label] = []
        self.named: set[str] = set()
        self.last_speaker: str | None = None
        style = rng.random()
        self.marks = ("“", "”") if style < 0.6 else ('"', '"') if style < 0.85 else ("‘", "’")

    def _emit(self, s: str) -> int:
        start = self.pos
        self.parts.append(s)
        self.pos += len(s)
        return start

    def paragraph(self, pieces: Iterable[tuple[str, Label | None]]) -> None:
        if self.parts:
            self._emit("\n\n")
        for s, label in pieces:
            start = self._emit(s)
            if label is not None:
                focus = label.focus
                if focus is not None:
                    focus = (start + focus[0], start + focus[1])
                self.labels.append(
                    Label(label.kind, (start, start + len(s)), label.expected, label.variant, focus)
                )

    def mention(self, speaker: str) -> str:
        if speaker not in self.named:
            self.named.add(speaker)
            return speaker
        if self.last_speaker == speaker and (g := _gender(speaker)) and self.rng.random() < 0.5:
            return g
        return speaker.split()[-1]

    def quote(self, item: Item) -> None:
        rng = self.rng
        o, c = self.marks
        label = Label("quote", (0, 0), item.expected, item.variant)
        words = item.text
        speaker = item.speaker
        if speaker is None:
            self.paragraph(
                [(rng.choice(("", "One line stood out: ")) + o, None), (words, label), (c, None)]
            )
            self.last_speaker = None
            return
        who = self.mention(speaker)
        cue = rng.choice(_CUES)
        end = "" if words.endswith((".", "!", "?")) else "."
        if item.partial:
            lead = rng.choice(
                (
                    "said",
                    "called it",
                    "described it as",
                    "insisted that",
                    "warned that",
                    "said that",
                )
            )
            if who in ("he", "she"):
                who = speaker.split()[-1]
            pieces = [
                (f"{who} {lead} {o}", None),
                (words, label),
                (f"{end}{c}" if end else c, None),
            ]
        else:
            tail = words.rstrip(".!?,")
            stop = words[len(tail) :] or "."
            style = rng.randrange(6)
            if style == 0:
                pieces = [(f"{who} {cue}, {o}", None), (words + end, label), (c, None)]
            elif style == 1 and who not in ("he", "she"):
                # "“…,” said Ana Ruiz"; "told" needs its object, so no "“…,” told Ana Ruiz".
                verb = "said" if cue.startswith("told") else cue
                pieces = [(o, None), (tail, label), (f",{c} {verb} {who}.", None)]
            elif style == 2:
                pieces = [(o, None), (tail, label), (f",{c} {who} {cue}.", None)]
            elif style == 3 and who not in ("he", "she"):
                pieces = [(f"According to {who}, {o}", None), (words + end, label), (c, None)]
            elif style == 4:
                pieces = [(f"{who} {cue}: {o}", None), (words + end, label), (c, None)]
            else:
                pieces = [
                    (o, None),
                    (tail, label),
                    (f"{stop if stop != '.' else ','}{c} {who} {cue}.", None),
                ]
                if stop in ("!", "?"):
                    pieces[1] = (words, label)
                    pieces[2] = (f"{c} {who} {cue}.", None)
        self.paragraph(pieces)
        self.last_speaker = speaker

    def sentence(self, item: Item) -> None:
        s = item.text
        prefix = self.rng.choice(_REPORT_PREFIX)
        first = s.split()[0].lower()
        if prefix and (first in _STOP or first in ("a", "an", "the")) and first != "i":
            s2 = s[0].lower() + s[1:]
        elif prefix:
            s2 = s
        else:
            s2 = s
        label = Label("figure", (0, 0), item.expected, item.variant, item.focus)
        self.paragraph([(prefix, None), (s2, label)])
        self.last_speaker = None

    def filler(self) -> None:
        self.paragraph([(self.rng.choice(_FILLER), None)])
        self.last_speaker = None


def _allowed_edit(q: SourceQuote, rng: random.Random) -> tuple[str, bool, str] | None:
    """The quote with one allowed edit: (words, partial?, variant)."""
    text = q.text
    words = _word_spans(text)
    options = ["partial", "ellipsis", "case", "punct"]
    if re.search(r"\b(he|she|they|it|him|them)\b", text[words[1][0] :] if len(words) > 1 else ""):
        options.append("bracket")
    if re.search(r"\d\s?(percent|%)", text):
        options.append("percent")
    how = rng.choice(options)
    spaced = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    if how == "partial" and len(spaced) >= 9:
        n = rng.randint(5, min(12, len(spaced) - 2))
        i = rng.randint(1, len(spaced) - n)
        part = text[spaced[i][0] : spaced[i + n - 1][1]].strip(",;:—–-")
        return part, True, "partial"
    if how == "ellipsis" and len(spaced) >= 10:
        i = rng.randint(3, len(spaced) - 5)
        j = i + rng.randint(1, 3)
        gap = rng.choice((" … ", " ... ", "... "))
        left = text[: spaced[i][0]].rstrip()
        return left + gap + text[spaced[j][0] :], False, "ellipsis"
    if how == "bracket":
        m = None
        for m in re.finditer(r"\b(he|she|they|it|him|them)\b", text):
            if m.start() > 0:
                break
        if m is not None and m.start() > 0:
            repl = (
                "[" + rng.choice(("the campaign", "the candidate", "the plan", "the group")) + "]"
            )
            return text[: m.start()] + repl + text[m.end() :], False, "bracket"
    if how == "percent":
        if "%" in text:
            return re.sub(r"(\d)\s?%", r"\1 percent", text), False, "percent"
        return re.sub(r"(\d)\s?percent", r"\1%", text), False, "percent"
    if how == "case" and text[0].isalpha() and text[:2] != "I ":
        flip = text[0].lower() if text[0].isupper() else text[0].upper()
        return flip + text[1:], False, "case"
    t = text.rstrip(".!?,;")
    return (t if t != text else t + "."), False, "punct"


def generate(
    pools: Pools, rng: random.Random, *, limit: int | None = None, rounds: int = 1
) -> list[Draft]:
    """``rounds`` drafts per usable corpus article, each drawn afresh (a small split still gives
    enough claims to measure)."""
    drafts: list[Draft] = []
    for r in range(rounds):
        drafts.extend(_generate_round(pools, rng, r))
    return drafts[:limit]


def _generate_round(pools: Pools, rng: random.Random, round_no: int) -> list[Draft]:
    drafts: list[Draft] = []
    limit = None
    articles = [a for a in pools.corpus if pools.quotes.get(a.name) or pools.sentences.get(a.name)]
    rng.shuffle(articles)
    all_speakers = sorted({q.speaker for qs in pools.quotes.values() for q in qs})
    held_q = list(pools.held_quotes)
    held_s = list(pools.held_sentences)
    number_pool = [
        q for qs in pools.quotes.values() for q in qs if q.has_number and _unique(pools, q.text)
    ]
    rng.shuffle(number_pool)
    for n, art in enumerate(articles[:limit]):
        quotes = list(pools.quotes.get(art.name, []))
        rng.shuffle(quotes)
        items: list[Item] = []
        article_speakers = sorted({q.speaker for q in quotes})
        for q in quotes[:6]:
            unique = _unique(pools, q.text)
            r = rng.random()
            if r < 0.28:
                items.append(Item("quote", VERIFIED, "faithful", q.text, q.speaker))
            elif r < 0.5:
                edit = _allowed_edit(q, rng)
                if edit:
                    words, partial, variant = edit
                    items.append(Item("quote", VERIFIED, variant, words, q.speaker, partial))
            elif r < 0.55:
                items.append(Item("quote", VERIFIED, "no-speaker", q.text, None))
            elif r < 0.72 and unique:
                others = [
                    s for s in article_speakers if not set(s.split()) & set(q.speaker.split())
                ]
                if not others or rng.random() < 0.3:
                    others = [
                        s
                        for s in rng.sample(all_speakers, 8)
                        if not set(s.split()) & set(q.speaker.split())
                    ]
                if others:
                    items.append(
                        Item("quote", MISATTRIBUTED, "swapped", q.text, rng.choice(others))
                    )
            elif r < 0.88 and unique and len(_word_spans(q.text)) >= 8:
                altered = alter_words(q.text, rng, pools)
                if altered and _absent(pools, altered[0]):
                    items.append(Item("quote", ALTERED_QUOTE, altered[1], altered[0], q.speaker))
            elif unique and q.has_number:
                changed = change_number(q.text, rng)
                if changed and _absent(pools, changed[0]):
                    items.append(
                        Item("quote", ALTERED_FIGURE, "number-in-quote", changed[0], q.speaker)
                    )
        numbered = [q for q in quotes[6:] if q.has_number and _unique(pools, q.text)]
        if not numbered and number_pool and rng.random() < 0.5:
            numbered = [number_pool.pop(rng.randrange(len(number_pool)))]
        if numbered and rng.random() < 0.7:
            changed = change_number(numbered[0].text, rng)
            if changed and _absent(pools, changed[0]):
                items.append(
                    Item(
                        "quote", ALTERED_FIGURE, "number-in-quote", changed[0], numbered[0].speaker
                    )
                )
        sents = list(pools.sentences.get(art.name, []))
        rng.shuffle(sents)
        for s in sents[: rng.choice((0, 1, 1, 2))]:
            if rng.random() < 0.5:
                items.append(Item("figure", VERIFIED, "reported", s.text))
            else:
                changed = change_number(s.text, rng, s.numbers)
                if changed and _absent(pools, changed[0]):
                    text, focus, _ = changed
                    items.append(
                        Item("figure", ALTERED_FIGURE, "reported-number", text, focus=focus)
                    )
        if held_q and rng.random() < 0.6:
            q = held_q.pop(rng.randrange(len(held_q)))
            items.append(Item("quote", UNVERIFIED, "invented", q.text, q.speaker))
        if held_s and rng.random() < 0.25:
            s = held_s.pop(rng.randrange(len(held_s)))
            changed = (s.text, s.numbers[0], "")
            items.append(Item("figure", UNVERIFIED, "invented-figure", s.text, focus=s.numbers[0]))
        if not items:
            continue
        rng.shuffle(items)
        # unattributed quotes go first, before anyone is named
        items.sort(key=lambda it: it.kind != "quote" or it.speaker is not None)
        w = Writer(rng)
        w.paragraph([(rng.choice(_HEADLINES), None)])
        if rng.random() < 0.5:
            w.filler()
        for it in items:
            if it.kind == "quote":
                w.quote(it)
            else:
                w.sentence(it)
            if rng.random() < 0.2:
                w.filler()
        name = f"draft-{round_no}-{n:04d}-{art.name[:40]}"
        drafts.append(Draft(name, "".join(w.parts) + "\n", w.labels))
    return drafts


# --- evaluation ------------------------------------------------------------------------------


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _predict(label: Label, claims: Sequence[object]) -> str:
    from checking.model import Claim

    found: list[Claim] = [c for c in claims if isinstance(c, Claim) and c.kind == label.kind]
    if label.kind == "quote":
        best = max(found, key=lambda c: _overlap(c.span, label.span), default=None)
        if best is None or 2 * _overlap(best.span, label.span) < label.span[1] - label.span[0]:
            return MISSED
        return best.verdict.value
    if label.focus is not None:
        hit = [c for c in found if _overlap(c.span, label.focus) > 0]
        return hit[0].verdict.value if hit else MISSED
    inside = [c.verdict.value for c in found if _overlap(c.span, label.span) > 0]
    if not inside:
        return MISSED
    return min(inside, key=SEVERITY.index)


def evaluate(drafts: list[Draft], pools: Pools, *, show: str | None, limit: int) -> None:
    from checking.check import check_draft
    from checking.corpus import CorpusIndex, passages
    from checking.model import Document

    t0 = time.perf_counter()
    docs = [
        Document(id=a.name, title=pools.titles.get(a.name, ""), text=a.text) for a in pools.corpus
    ]
    index = CorpusIndex.build(p for d in docs for p in passages(d))
    build = time.perf_counter() - t0
    results = []
    t0 = time.perf_counter()
    for d in drafts:
        results.append(check_draft(d.body, index))
    elapsed = time.perf_counter() - t0

    confusion: Counter[tuple[str, str]] = Counter()
    by_variant: dict[str, Counter[str]] = defaultdict(Counter)
    shown = 0
    for d, claims in zip(drafts, results, strict=True):
        for lab in d.labels:
            got = _predict(lab, claims)
            confusion[(lab.expected, got)] += 1
            by_variant[f"{lab.expected}/{lab.variant}"][got] += 1
            wrong = got != lab.expected
            if wrong and show in ("all", lab.expected, lab.variant) and shown < limit:
                shown += 1
                _show(d, lab, got, claims)
    labels = sum(confusion.values())
    print(
        f"{len(pools.corpus)} reference articles ({len(index)} passages, built in {build:.1f}s), "
        f"{len(pools.heldout)} held out; {len(drafts)} drafts, {labels} labelled claims"
    )
    print("\nlabels: " + ", ".join(f"{k} {sum(v.values())}" for k, v in sorted(by_variant.items())))
    print(f"\n{'verdict':<16}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}")
    f1s: dict[str, float] = {}
    for v in VERDICTS:
        tp = confusion[(v, v)]
        gold = sum(c for (e, _), c in confusion.items() if e == v)
        pred = sum(c for (_, g), c in confusion.items() if g == v)
        p = tp / pred if pred else 0.0
        r = tp / gold if gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        f1s[v] = f1
        print(f"{v:<16}{gold:>6}{pred:>6}{p:>8.3f}{r:>8.3f}{f1:>8.3f}")
    missed = sum(c for (_, g), c in confusion.items() if g == MISSED)
    macro = sum(f1s[v] for v in FLAGS) / len(FLAGS)
    faithful = sum(c for (e, _), c in confusion.items() if e == VERIFIED)
    alarms = sum(c for (e, g), c in confusion.items() if e == VERIFIED and g in FLAGS)
    print(f"\nmacro F1 (four flags)      {macro:.4f}")
    print(f"false-alarm rate           {alarms / max(1, faithful):.4f} ({alarms}/{faithful})")
    print(f"claims not found           {missed}")
    print(f"speed                      {len(drafts) / elapsed:.1f} drafts/s (one core, check only)")
    print("\nby variant (predicted counts):")
    for k, v in sorted(by_variant.items()):
        print(f"  {k:<34} " + ", ".join(f"{g} {c}" for g, c in v.most_common()))


def _show(d: Draft, lab: Label, got: str, claims: Sequence[object]) -> None:
    from checking.model import Claim

    a, b = lab.span
    print(f"--- {d.name}: expected {lab.expected} ({lab.variant}), got {got}")
    para_a = d.body.rfind("\n\n", 0, a) + 2
    para_b = d.body.find("\n\n", b)
    print("    " + d.body[para_a : para_b if para_b >= 0 else None].strip())
    for c in claims:
        if isinstance(c, Claim) and _overlap(c.span, lab.span) > 0:
            ev = c.evidence[0] if c.evidence else None
            print(f"    claim {c.kind} {c.verdict.value} speaker={c.speaker!r}: {c.explanation}")
            if ev is not None:
                print(f"      evidence [{ev.speaker}] {ev.text[:200]!r}")
    print()


def _titles(split: Path) -> dict[str, str]:
    meta = split.parent / "metadata.tsv"
    out: dict[str, str] = {}
    if meta.exists():
        for line in meta.read_text(encoding="utf-8").splitlines()[1:]:
            cols = line.split("\t")
            if len(cols) > 7:
                out[cols[1]] = cols[7]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", nargs="?", type=Path, default=DEFAULT_SPLIT)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--holdout", type=float, default=0.12)
    parser.add_argument("--drafts", type=int, default=None, help="at most this many drafts")
    parser.add_argument(
        "--rounds", type=int, default=None, help="drafts per article (default: at least 600 drafts)"
    )
    parser.add_argument("--show", help="print wrong claims of this label or variant ('all')")
    parser.add_argument("--limit", type=int, default=30)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    articles = load_split(args.split)
    pools = build_pools(articles, _titles(args.split), rng, args.holdout)
    rounds = args.rounds or max(1, -(-600 // max(1, len(pools.corpus))))
    drafts = generate(pools, rng, limit=args.drafts, rounds=rounds)
    print(f"{args.split.name}: ", end="")
    evaluate(drafts, pools, show=args.show, limit=args.limit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
