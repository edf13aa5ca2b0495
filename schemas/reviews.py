"""A checker's decision on a flagged claim: the request body and the ``review`` in every claim."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.text import Text

DECISIONS = ["confirmed", "dismissed"]
MAX_NOTE_CHARS = 2000


class ReviewIn(Schema):
    """``POST /v1/jobs/<id>/claims/<claim_id>/review`` (send ``If-Match`` with the claim's ETag)."""

    decision = Text(
        required=True,
        validate=validate.OneOf(DECISIONS),
        metadata={"description": "confirmed: the flag is right; dismissed: a false alarm."},
    )
    note = Text(load_default=None, allow_none=True, validate=validate.Length(max=MAX_NOTE_CHARS))


class ReviewOut(Schema):
    decision = fields.String(required=True, validate=validate.OneOf(DECISIONS))
    note = fields.String(allow_none=True)
    reviewer = fields.String(
        required=True,
        metadata={"description": "The checker's email, or api:<key prefix> for an API decision."},
    )
    decided_at = fields.DateTime(required=True)
