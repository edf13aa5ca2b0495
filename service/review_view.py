"""What the review page shows for a claim: plain values for the templates, no Flask here.

The word diff in the result contract is a list of ops whose words are *normalised* (straight
quotes, single spaces); to highlight them in the text as the journalist (or the source) wrote it,
the words are found again in the normalised text and mapped back through its offset map.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from checking.text import normalise, sentences

VERDICT_LABELS = {
    "misattributed": "Misattributed",
    "altered_figure": "Altered figure",
    "altered_quote": "Altered quote",
    "unverified": "Unverified",
    "verified": "Verified",
}
STATE_LABELS = {
    "all": "All",
    "unreviewed": "Unreviewed",
    "confirmed": "Confirmed",
    "dismissed": "Dismissed",
}
#: How much of the sentence around a claim to show on each side.
CONTEXT_CHARS = 240


@dataclass(frozen=True)
class Segment:
    """A run of text and how to show it: plain (outside the compared words), same, changed,
    added (only the draft has it), omitted (only the source has it), or gap (a marker where the
    other side has words this side lacks; ``note`` says which)."""

    text: str
    kind: str = "plain"
    note: str = ""


@dataclass
class Card:
    """One claim as the queue and the draft view show it."""

    id: str
    job_id: str
    kind: str
    verdict: str
    verdict_label: str
    flagged: bool
    score: float
    explanation: str
    speaker: str | None
    source_speaker: str | None
    speakers_differ: bool
    figure: str | None
    source_figure: str | None
    draft_before: str
    draft: list[Segment]
    draft_after: str
    source: list[Segment] | None
    evidence: list[dict[str, Any]]
    review: dict[str, Any] | None
    etag: str
    job_title: str
    job_created_at: datetime | None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def state(self) -> str:
        return self.review["decision"] if self.review else "unreviewed"


def _pattern(words: str) -> str:
    return r"\s+".join(re.escape(w) for w in words.split())


def locate(text: str, parts: Sequence[tuple[str, str, str]]) -> list[Segment] | None:
    """Split ``text`` along ``parts`` = [(normalised words, kind, note)] found in order.

    Parts without words become ``gap`` markers. Returns None when the words are not in the text.
    """
    worded = [words for words, _, _ in parts if words.strip()]
    if not worded:
        return None
    norm = normalise(text)
    pattern = r"\s*".join(f"({_pattern(w)})" for w in worded)
    match = re.search(pattern, norm.text) or re.search(pattern, norm.text, re.IGNORECASE)
    if match is None:
        return None
    segments: list[Segment] = []
    start, _ = norm.to_original(match.start(1), match.end(1))
    if start:
        segments.append(Segment(text[:start]))
    pos, group = start, 0
    for words, kind, note in parts:
        if not words.strip():
            segments.append(Segment("", "gap", note))
            continue
        group += 1
        a, b = norm.to_original(match.start(group), match.end(group))
        if a > pos:
            segments.append(Segment(text[pos:a], "same"))
        segments.append(Segment(text[a:b], kind, note))
        pos = b
    if pos < len(text):
        segments.append(Segment(text[pos:]))
    return segments


def diff_parts(diff: Sequence[dict[str, Any]], side: str) -> list[tuple[str, str, str]]:
    """The ops of a word diff as (words, kind, note) for one side: ``draft`` or ``source``."""
    other = "source" if side == "draft" else "draft"
    only_here = "added" if side == "draft" else "omitted"
    parts: list[tuple[str, str, str]] = []
    for op in diff:
        words, theirs = op.get(side) or "", op.get(other) or ""
        kind = op.get("op")
        if kind == "equal":
            parts.append((words, "same", ""))
        elif kind == "replace":
            parts.append((words, "changed", f"{other}: {theirs}"))
        elif words:  # this side's words the other side lacks
            parts.append((words, only_here, ""))
        else:  # the other side's words this side lacks
            what = "source has" if side == "draft" else "draft adds"
            parts.append(("", "gap", f"{what}: {theirs}"))
    return parts


def _fallback(parts: Sequence[tuple[str, str, str]]) -> list[Segment]:
    out: list[Segment] = []
    for words, kind, note in parts:
        if out and words:
            out.append(Segment(" ", "same"))
        out.append(Segment(words, kind, note))
    return out


def highlighted(text: str, diff: Sequence[dict[str, Any]], side: str) -> list[Segment]:
    """``text`` with the diff's changes of ``side`` marked (the whole text as ``same`` if none)."""
    parts = diff_parts(diff, side)
    if not parts:
        return [Segment(text, "same")]
    return locate(text, parts) or _fallback(parts)


def sentence_around(body: str, span: Sequence[int]) -> tuple[str, str]:
    """The text of the claim's sentence(s) before and after the claim."""
    start, end = int(span[0]), int(span[1])
    a, b = start, end
    try:
        spans = sentences(body)
    except Exception:  # noqa: BLE001 - context is a courtesy; never fail the page for it
        spans = []
    for s, e in spans:
        if s < end and start < e:
            a, b = min(a, s), max(b, e)
    if a == start and b == end:  # no sentence found: the paragraph around it
        a = body.rfind("\n", 0, start) + 1
        nl = body.find("\n", end)
        b = len(body) if nl < 0 else nl
    a, b = max(a, start - CONTEXT_CHARS), min(b, end + CONTEXT_CHARS)
    before, after = body[a:start], body[end:b]
    if a > 0 and a == start - CONTEXT_CHARS:
        before = "…" + before.lstrip()
    if b < len(body) and b == end + CONTEXT_CHARS:
        after = after.rstrip() + "…"
    return before.lstrip(), after.rstrip()


def figure_text(figure: dict[str, Any] | None) -> str | None:
    if not figure:
        return None
    value = float(figure.get("value") or 0)
    number = f"{value:,.0f}" if value.is_integer() else f"{value:,}"
    return " ".join(p for p in (figure.get("qualifier"), number, figure.get("unit")) if p)


def _same_person(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    return a.strip().lower() == b.strip().lower()


def make_card(
    *,
    job_id: str,
    job_title: str,
    job_created_at: datetime | None,
    body: str,
    claim: dict[str, Any],
    etag: str,
    document_url: Any,
) -> Card:
    """``claim`` is in the result contract's shape (with ``review``); ``document_url(doc_id,
    span)`` links to a source document."""
    diff = claim.get("diff") or []
    evidence = claim.get("evidence") or []
    text = claim.get("text") or ""
    before, after = sentence_around(body, claim["span"])
    source = None
    source_speaker = None
    if evidence:
        best = evidence[0]
        source = highlighted(best.get("text") or "", diff, "source")
        source_speaker = best.get("speaker")
    source_figure = None
    if claim.get("kind") == "figure":
        changed = [op.get("source") for op in diff if op.get("op") == "replace"]
        source_figure = " … ".join(c for c in changed if c) or None
    verdict = claim.get("verdict") or "unverified"
    return Card(
        id=claim["id"],
        job_id=job_id,
        kind=claim.get("kind") or "quote",
        verdict=verdict,
        verdict_label=VERDICT_LABELS.get(verdict, verdict),
        flagged=verdict != "verified",
        score=float(claim.get("score") or 0),
        explanation=claim.get("explanation") or "",
        speaker=claim.get("speaker"),
        source_speaker=source_speaker,
        speakers_differ=not _same_person(claim.get("speaker"), source_speaker),
        figure=figure_text(claim.get("figure")),
        source_figure=source_figure,
        draft_before=before,
        draft=highlighted(text, diff, "draft"),
        draft_after=after,
        source=source,
        evidence=[
            {
                "document_id": e.get("document_id"),
                "title": e.get("title") or e.get("document_id"),
                "speaker": e.get("speaker"),
                "score": e.get("score"),
                "url": document_url(e.get("document_id"), e.get("span")),
            }
            for e in evidence
        ],
        review=claim.get("review"),
        etag=etag,
        job_title=job_title,
        job_created_at=job_created_at,
    )


def body_runs(body: str, cards: Sequence[Card], spans: Mapping[str, Sequence[int]]) -> list[Any]:
    """The draft as runs of plain text (str) and claimed text ((text, card)), in order.

    Claims that overlap an earlier one are clipped to start where it ends, so every character is
    shown once and no link is nested in another.
    """
    ordered = sorted(cards, key=lambda c: (int(spans[c.id][0]), -int(spans[c.id][1])))
    runs: list[Any] = []
    pos = 0
    for card in ordered:
        start, end = int(spans[card.id][0]), int(spans[card.id][1])
        start = max(start, pos)
        if end <= start:
            continue
        if start > pos:
            runs.append(body[pos:start])
        runs.append((body[start:end], card))
        pos = end
    if pos < len(body):
        runs.append(body[pos:])
    return runs


def job_label(title: str | None, name: str | None, job_id: str) -> str:
    return title or name or f"Draft {job_id[:8]}"
