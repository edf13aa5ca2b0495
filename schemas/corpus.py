from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.text import Text

KINDS = ["article", "transcript", "statement"]


class DocumentIn(Schema):
    id = Text(
        load_default=None,
        allow_none=True,
        validate=[validate.Length(min=1, max=200), validate.Regexp(r"^[A-Za-z0-9._:-]+$")],
    )
    title = Text(required=True, validate=validate.Length(min=1, max=1000))
    text = Text(required=True, validate=validate.Length(min=1))
    source = Text(load_default=None, allow_none=True, validate=validate.Length(max=300))
    url = fields.Url(
        load_default=None,
        allow_none=True,
        require_tld=False,
        validate=validate.Length(max=2000),
        metadata={"format": "uri", "pattern": "^https?://[^/?#]+"},
    )
    published_at = Text(load_default=None, allow_none=True, validate=validate.Length(max=40))
    speaker = Text(load_default=None, allow_none=True, validate=validate.Length(max=300))
    kind = Text(load_default="article", validate=validate.OneOf(KINDS))


class QuoteOut(Schema):
    span = fields.List(fields.Integer(), required=True)
    text = fields.String(required=True)
    speaker = fields.String(allow_none=True)


class DocumentOut(Schema):
    id = fields.String(required=True)
    title = fields.String(required=True)
    kind = fields.String(required=True)
    source = fields.String(allow_none=True)
    url = fields.String(allow_none=True)
    published_at = fields.String(allow_none=True)
    speaker = fields.String(allow_none=True)
    shared = fields.Boolean(required=True)
    created_at = fields.DateTime(required=True)
    passages = fields.Integer(required=True)
    #: The reference's own quotes with the speaker ingest found for each.
    quotes = fields.List(fields.Nested(QuoteOut))
    text = fields.String()


class DocumentList(Schema):
    documents = fields.List(fields.Nested(DocumentOut), required=True)
    next_cursor = fields.String(allow_none=True)
