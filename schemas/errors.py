from __future__ import annotations

from marshmallow import Schema, fields


class Problem(Schema):
    """RFC 9457 problem details: the one error body of the whole API."""

    type = fields.String(required=True, metadata={"example": "about:blank"})
    title = fields.String(required=True)
    status = fields.Integer(required=True)
    detail = fields.String()
    instance = fields.String()
    #: Field-level validation problems: field name -> list of messages (nested for nested fields).
    errors = fields.Dict(keys=fields.String(), values=fields.Raw())
