from __future__ import annotations

import uuid
from typing import Any

from marshmallow import Schema, fields, validate

from checking import model as core
from schemas.reviews import ReviewOut
from schemas.text import Text

VERDICTS = [v.value for v in core.Verdict]
STATUSES = ["queued", "running", "succeeded", "failed"]


def Span(**kwargs: Any) -> fields.List:  # noqa: N802 - reads like a field class
    return fields.List(
        fields.Integer(), validate=validate.Length(equal=2), metadata={"example": [0, 10]}, **kwargs
    )


class DraftIn(Schema):
    body = Text(required=True, validate=validate.Length(min=1))
    title = Text(load_default=None, allow_none=True, validate=validate.Length(max=500))
    name = Text(load_default=None, allow_none=True, validate=validate.Length(max=500))
    callback_url = fields.Url(
        load_default=None,
        allow_none=True,
        require_tld=False,
        schemes={"http", "https"},
        validate=validate.Length(max=2000),
        metadata={"format": "uri", "pattern": "^https?://[^/?#]+"},
    )


class Accepted(Schema):
    id = fields.String(required=True)
    status = fields.String(required=True, validate=validate.OneOf(STATUSES))
    location = fields.String(required=True)


class EvidenceOut(Schema):
    document_id = fields.String(required=True)
    title = fields.String(required=True)
    span = Span(required=True)
    text = fields.String(required=True)
    speaker = fields.String(allow_none=True)
    score = fields.Float(required=True)


class DiffOut(Schema):
    op = fields.String(
        required=True, validate=validate.OneOf(["equal", "replace", "insert", "delete"])
    )
    draft = fields.String(required=True)
    source = fields.String(required=True)


class FigureOut(Schema):
    value = fields.Float(required=True)
    unit = fields.String(allow_none=True)
    qualifier = fields.String(allow_none=True)


class ClaimOut(Schema):
    id = fields.String(required=True)
    kind = fields.String(required=True, validate=validate.OneOf(["quote", "figure"]))
    span = Span(required=True)
    text = fields.String(required=True)
    speaker = fields.String(allow_none=True)
    speaker_span = Span(allow_none=True)
    verdict = fields.String(required=True, validate=validate.OneOf(VERDICTS))
    flags = fields.List(fields.String(validate=validate.OneOf(VERDICTS)), required=True)
    score = fields.Float(required=True)
    evidence = fields.List(fields.Nested(EvidenceOut), required=True)
    diff = fields.List(fields.Nested(DiffOut), required=True)
    figure = fields.Nested(FigureOut, allow_none=True)
    explanation = fields.String(required=True)
    #: A checker's decision on the flag (null until someone decides); absent outside the API.
    review = fields.Nested(ReviewOut, allow_none=True)


class Summary(Schema):
    claims = fields.Integer(required=True)
    flagged = fields.Integer(required=True)
    by_verdict = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True)
    #: Claims found past the per-draft limit (``MISQUOTE_MAX_CLAIMS``) and not checked.
    unchecked = fields.Integer()


class JobOut(Schema):
    """The v1 result contract (DESIGN.md): what the API and ``misquote check --json`` return."""

    id = fields.String(required=True)
    status = fields.String(required=True, validate=validate.OneOf(STATUSES))
    created_at = fields.DateTime(required=True)
    finished_at = fields.DateTime(allow_none=True)
    error = fields.String(allow_none=True)
    name = fields.String(allow_none=True)
    title = fields.String(allow_none=True)
    claims = fields.List(fields.Nested(ClaimOut), required=True)
    summary = fields.Nested(Summary, required=True)


class TaskPayload(Schema):
    """What a check task receives: an ID, never the draft itself."""

    job_id = fields.UUID(required=True)


_claim_schema = ClaimOut()


def claim_to_dict(claim: core.Claim, *, claim_id: str | None = None) -> dict[str, Any]:
    """Serialise a core claim into the contract's JSON shape (lists, plain strings)."""
    data: dict[str, Any] = _claim_schema.dump(
        {
            "id": claim_id or str(uuid.uuid4()),
            "kind": claim.kind,
            "span": list(claim.span),
            "text": claim.text,
            "speaker": claim.speaker,
            "speaker_span": list(claim.speaker_span) if claim.speaker_span else None,
            "verdict": str(claim.verdict),
            "flags": [str(f) for f in claim.flags],
            "score": round(float(claim.score), 1),
            "evidence": [
                {
                    "document_id": e.document_id,
                    "title": e.title,
                    "span": list(e.span),
                    "text": e.text,
                    "speaker": e.speaker,
                    "score": round(float(e.score), 1),
                }
                for e in claim.evidence
            ],
            "diff": [{"op": d.op, "draft": d.draft, "source": d.source} for d in claim.diff],
            "figure": (
                {
                    "value": claim.figure.value,
                    "unit": claim.figure.unit,
                    "qualifier": claim.figure.qualifier,
                }
                if claim.figure
                else None
            ),
            "explanation": claim.explanation,
        }
    )
    return data
