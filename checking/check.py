"""The whole check for one draft: find its quotes and figures, look each up, judge each.

This is the one entry point the adapters (Celery task, CLI, tests) call. It is a plain function of
the draft and an index, so the same draft against the same corpus always gives the same claims --
which is what makes a re-run task idempotent.

A figure inside a quote is judged with its quote (a changed number inside a quote makes the quote
``altered_figure``); a figure outside quotes is compared with the reference sentence that reports
the same thing, found by its surrounding words with numbers masked.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from checking.corpus import CorpusIndex
from checking.figures import comparable, extract_figures, figures_equal
from checking.matching import Match, content_words, context_matches, find_evidence, word_diff
from checking.model import Claim, Evidence, Figure, Quote, Verdict
from checking.names import trusted_speaker
from checking.speakers import canonical_name, quote_claims, same_speaker
from checking.verdicts import Assessment, classify_diff, judge_figure, judge_quote

__all__ = ["check_draft", "check_figure", "check_quote", "summarise"]

#: Characters of context either side of a figure used to find its reference sentence.
CONTEXT_CHARS = 70
#: Fewer content words than this around a figure and the whole sentence is used as its context.
MIN_CONTEXT_WORDS = 6
#: Quotes shorter than this many words must match word for word: a two-word phrase is found in
#: too many places for a fuzzy match to mean anything.
SHORT_QUOTE_WORDS = 3


def _evidence(m: Match) -> Evidence:
    return Evidence(
        document_id=m.passage.document_id,
        title=m.passage.title,
        span=m.span,
        text=m.text,
        speaker=m.passage.speaker,
        score=m.score,
    )


def _choose(matches: Sequence[Match], speaker: str | None) -> list[Match]:
    """Matches best first, but among near-equal ones prefer the draft's own speaker.

    The same words are often quoted in several references; if any of them gives the words to the
    draft's speaker, that is the evidence to show (and the quote is not misattributed).
    """
    if not matches:
        return []
    top = matches[0].masked_score
    best = matches[0]
    if speaker:
        for m in matches:
            if m.masked_score >= top - 2 and _same_person(speaker, m.passage.speaker):
                best = m
                break
    return [best, *(m for m in matches if m is not best)]


def _same_person(a: str | None, b: str | None) -> bool:
    """``same_speaker``, plus a bare surname equal to the other name's last word ("King" is
    "Charlie King", even though "king" is also a title)."""
    if same_speaker(a, b):
        return True
    if a is None or b is None:
        return False
    ta, tb = canonical_name(a).split(), canonical_name(b).split()
    if not ta or not tb or (len(ta) > 1 and len(tb) > 1):
        return False
    short, long_ = (ta, tb) if len(ta) == 1 else (tb, ta)
    return short[0].lower() == long_[-1].lower()


_CAPITALISED = re.compile(r"[A-Z][\w'’-]+")


def _surnames(name: str) -> set[str]:
    """The words of a name that identify its bearer in running text (not initials or titles)."""
    return {t for t in canonical_name(name).replace(".", " ").split() if len(t) > 2}


def _reference_names_other(match: Match, speaker: str, index: CorpusIndex) -> bool:
    """Whether the reference's own sentence around the quote names the draft's speaker and not the
    speaker the reference was attributed to.

    Attribution of a reference article is automatic and sometimes wrong (a headline, a nearby
    organisation). When the draft's speaker is named right beside the quote in the reference
    (outside the quoted words) and the attributed one is not, the reference is no ground for
    accusing the draft of misattribution.
    """
    p = match.passage
    if p.speaker is None:
        return False
    a, b = p.span
    context: list[str] = []
    for s, _ in index.search(p.text, limit=12, kind="sentence"):
        if s.document_id != p.document_id:
            continue
        sa, sb = s.span
        if sa < b + 2 and a - 2 < sb or b <= sa <= b + 3:
            # blank the quoted words themselves, keep the attribution around them
            lo, hi = max(a, sa) - sa, min(b, sb) - sa
            text = s.text[:lo] + " " + s.text[hi:] if lo < hi else s.text
            context.append(text)
    words = {w for c in context for w in _CAPITALISED.findall(c)}
    mine, theirs = _surnames(speaker), _surnames(p.speaker)
    return bool(mine & words) and not theirs & words


def _exact_words(text: str, m: Match) -> bool:
    summary = classify_diff(word_diff(text, m.text))
    return not summary.word_changes and not summary.figure_changes


def check_quote(quote: Quote, index: CorpusIndex, *, body: str | None = None) -> Claim:
    """Check one quote (with its speaker already attributed) against the corpus.

    ``body`` is the draft the quote comes from; with it, the speaker counts for a misattribution
    only when it is clearly a person's name there (:func:`checking.names.trusted_speaker`), so a
    heading or a common noun taken for a speaker never accuses the writer. The claim still shows
    the speaker as attributed.
    """
    speaker = quote.speaker
    if body is not None:
        speaker = trusted_speaker(body, quote.speaker, quote.speaker_span, quote_span=quote.span)
    matches = find_evidence(quote.text, index, kind="quote", limit=5)
    if len(quote.text.split()) < SHORT_QUOTE_WORDS:
        matches = [m for m in matches if _exact_words(quote.text, m)]
    ordered = _choose(matches, speaker)
    unquoted: Match | None = None
    if not ordered:
        near = find_evidence(quote.text, index, kind="sentence", limit=1)
        unquoted = near[0] if near else None
    best = ordered[0] if ordered else None
    if (
        best is not None
        and speaker is not None
        and best.passage.speaker is not None
        and (
            _same_person(speaker, best.passage.speaker)
            or _reference_names_other(best, speaker, index)
        )
    ):
        # the same person by a surname the name matcher misreads, or a reference attribution
        # that its own sentence contradicts: nothing to accuse the draft of
        speaker = None if not _same_person(speaker, best.passage.speaker) else best.passage.speaker
    a = judge_quote(quote.text, speaker, best, unquoted=unquoted)
    evidence = ordered or ([unquoted] if unquoted is not None else [])
    return _claim(
        "quote",
        quote.span,
        quote.text,
        a,
        evidence,
        speaker=quote.speaker,
        speaker_span=quote.speaker_span,
    )


def _nearby_words(text: str, start: int, end: int, n: int = 4) -> set[str]:
    before = text[:start].lower().split()[-n:]
    after = text[end:].lower().split()[:n]
    return {w.strip(".,;:'\"‘’“”()") for w in before + after}


def _counterpart(figure: Figure, context: str, offset: int, passage_text: str) -> Figure | None:
    """The figure in a reference sentence that the draft's figure corresponds to.

    An equal figure wins; otherwise the comparable one with the same counted noun and the most
    similar neighbouring words.
    """
    found = [f for f in extract_figures(passage_text) if comparable(figure, f)]
    if not found:
        return None
    for f in found:
        if figures_equal(figure, f):
            return f
    mine = _nearby_words(context, figure.span[0] - offset, figure.span[1] - offset)

    def rank(f: Figure) -> tuple[bool, int]:
        theirs = _nearby_words(passage_text, *f.span)
        return (figure.unit is not None and f.unit == figure.unit, len(mine & theirs))

    return max(found, key=rank)


def check_figure(figure: Figure, body: str, index: CorpusIndex) -> Claim:
    """Check a figure stated outside quotes against the reference sentences."""
    sa, sb = figure.sentence_span
    a = max(sa, figure.span[0] - CONTEXT_CHARS)
    b = min(sb, figure.span[1] + CONTEXT_CHARS)
    while a > sa and not body[a - 1].isspace():
        a -= 1
    while b < sb and not body[b].isspace():
        b += 1
    if len(content_words(body[a:b])) < MIN_CONTEXT_WORDS:
        a, b = sa, sb  # too little to go on: use the whole sentence
    context = body[a:b]
    found = index.search(context, limit=20, kind="sentence")
    matches = context_matches(context, [p for p, _ in found], keys=[k for _, k in found], limit=5)
    chosen: tuple[Match, Figure] | None = None
    for m in matches:
        source = _counterpart(figure, context, a, m.passage.text)
        if source is None:
            continue
        shifted = Figure(
            span=(source.span[0] + m.passage.span[0], source.span[1] + m.passage.span[0]),
            text=source.text,
            value=source.value,
            unit=source.unit,
            qualifier=source.qualifier,
            sentence_span=m.passage.span,
        )
        if chosen is None or figures_equal(figure, shifted):
            chosen = (m, shifted)
        if figures_equal(figure, shifted):
            break
    if chosen is not None:
        best, source_fig = chosen
        ordered = [best, *(m for m in matches if m is not best)]
        assessment = judge_figure(figure, source_fig, best)
        extra: dict[str, object] = {
            "source_figure": {"text": source_fig.text, "span": list(source_fig.span)}
        }
    else:
        ordered = list(matches)
        assessment = judge_figure(figure, None, matches[0] if matches else None)
        extra = {}
    claim = _claim("figure", figure.span, figure.text, assessment, ordered)
    if extra:
        claim.extra.update(extra)
    return claim


def _claim(
    kind: str,
    span: tuple[int, int],
    text: str,
    a: Assessment,
    evidence: Sequence[Match],
    *,
    speaker: str | None = None,
    speaker_span: tuple[int, int] | None = None,
) -> Claim:
    return Claim(
        kind=kind,
        span=span,
        text=text,
        verdict=a.verdict,
        score=evidence[0].score if evidence else 0.0,
        explanation=a.explanation,
        speaker=speaker,
        speaker_span=speaker_span,
        flags=a.flags,
        evidence=tuple(_evidence(m) for m in evidence[:3]),
        diff=a.diff if a.verdict is not Verdict.VERIFIED else (),
        figure=a.figure,
    )


def _inside(span: tuple[int, int], regions: Sequence[tuple[int, int]]) -> bool:
    return any(qa < span[1] and span[0] < qb for qa, qb in regions)


def check_draft(body: str, index: CorpusIndex, *, max_claims: int = 500) -> list[Claim]:
    """Every quote and every figure outside quotes in ``body``, checked, in order of position.

    At most ``max_claims`` claims are checked (the first ones in the text), which bounds the time
    one draft can take. Truncation is never silent: the last claim returned then carries
    ``extra["truncated"] = {"checked": N, "found": M}`` and :func:`summarise` reports
    ``"unchecked": M - N``, so an adapter can tell the reader that the rest went unchecked.
    """
    quotes = quote_claims(body)
    regions = [q.span for q in quotes]
    figures = [f for f in extract_figures(body) if not _inside(f.span, regions)]
    items: list[tuple[tuple[int, int], int, Quote | Figure]] = [
        *((q.span, 0, q) for q in quotes),
        *((f.span, 1, f) for f in figures),
    ]
    items.sort(key=lambda t: (t[0], t[1]))
    claims: list[Claim] = []
    for _, _, item in items[: max(0, max_claims)]:
        if isinstance(item, Quote):
            claims.append(check_quote(item, index, body=body))
        else:
            claims.append(check_figure(item, body, index))
    if claims and len(items) > len(claims):
        claims[-1].extra["truncated"] = {"checked": len(claims), "found": len(items)}
    return claims


def summarise(claims: Sequence[Claim]) -> dict[str, object]:
    """The result contract's ``summary``: counts overall, flagged, and per verdict (all listed)."""
    counts = Counter(c.verdict for c in claims)
    summary: dict[str, object] = {
        "claims": len(claims),
        "flagged": sum(1 for c in claims if c.verdict is not Verdict.VERIFIED),
        "by_verdict": {v.value: counts.get(v, 0) for v in Verdict},
    }
    for c in claims:
        cut = c.extra.get("truncated")
        if isinstance(cut, dict):
            summary["unchecked"] = int(cut["found"]) - int(cut["checked"])
    return summary
