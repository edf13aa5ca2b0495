"""Plain data types shared by every stage of the checking core.

They are frozen dataclasses rather than dicts so that each stage can be typed and tested on its own,
and so the adapters (HTTP, Celery, CLI) serialise one well-known shape through marshmallow.
All spans are ``(start, end)`` half-open Python indices into the text exactly as the caller gave it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

Span = tuple[int, int]


class Verdict(StrEnum):
    VERIFIED = "verified"
    MISATTRIBUTED = "misattributed"
    ALTERED_QUOTE = "altered_quote"
    ALTERED_FIGURE = "altered_figure"
    UNVERIFIED = "unverified"


#: Most severe first; a claim's verdict is the most severe of its flags.
SEVERITY: tuple[Verdict, ...] = (
    Verdict.MISATTRIBUTED,
    Verdict.ALTERED_FIGURE,
    Verdict.ALTERED_QUOTE,
    Verdict.UNVERIFIED,
    Verdict.VERIFIED,
)


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote: the words between the marks, and who the text says spoke them."""

    span: Span
    text: str
    speaker: str | None = None
    speaker_span: Span | None = None
    #: True when the quote is a fragment spliced into a reported sentence.
    partial: bool = False


@dataclass(frozen=True, slots=True)
class Figure:
    """A number as written, with what it counts, so 'over 24,000 containers' can be compared."""

    span: Span
    text: str
    value: float
    unit: str | None = None
    qualifier: str | None = None
    sentence_span: Span = (0, 0)


@dataclass(frozen=True, slots=True)
class Document:
    """A trusted reference text. ``speaker`` attributes the whole text (a statement)."""

    id: str
    title: str
    text: str
    kind: str = "article"
    speaker: str | None = None


@dataclass(frozen=True, slots=True)
class Passage:
    """A unit of a reference document that a claim can be matched against.

    ``kind`` is ``quote`` (words a named speaker said in the reference) or ``sentence`` (a reported
    sentence, used for figures outside quotes). ``span`` is into the document's text.
    """

    document_id: str
    title: str
    kind: str
    span: Span
    text: str
    speaker: str | None = None


@dataclass(frozen=True, slots=True)
class DiffOp:
    op: str  # equal | replace | insert | delete
    draft: str
    source: str


@dataclass(frozen=True, slots=True)
class Evidence:
    document_id: str
    title: str
    span: Span
    text: str
    speaker: str | None
    score: float


@dataclass(frozen=True, slots=True)
class FigureValue:
    value: float
    unit: str | None
    qualifier: str | None


@dataclass(frozen=True, slots=True)
class Claim:
    """One checked quote or figure, in the v1 result contract's shape (minus the storage id)."""

    kind: str  # quote | figure
    span: Span
    text: str
    verdict: Verdict
    score: float
    explanation: str
    speaker: str | None = None
    speaker_span: Span | None = None
    flags: tuple[Verdict, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    diff: tuple[DiffOp, ...] = ()
    figure: FigureValue | None = None
    extra: dict[str, object] = field(default_factory=dict)
