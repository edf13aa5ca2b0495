"""The reference corpus: documents a newsroom trusts, read for quotes and speakers at ingest."""

from __future__ import annotations

import re
import uuid
from typing import Any

from flask import current_app, request, url_for
from flask_smorest import Blueprint, abort
from marshmallow import ValidationError

from checking import model as core
from checking.corpus import passages as extract_passages
from schemas import DocumentIn, DocumentList, DocumentOut
from service.auth import current_newsroom, require_newsroom
from store import repo
from store.models import Document

blp = Blueprint("corpus", __name__, url_prefix="/v1/corpus", description="Reference corpus")
blp.before_request(require_newsroom)

MAX_DOCUMENTS_PER_REQUEST = 1000


def document_out(row: Document, *, full: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": row.id,
        "title": row.title,
        "kind": row.kind,
        "source": row.source,
        "url": row.url,
        "published_at": row.published_at,
        "speaker": row.speaker,
        "shared": row.newsroom_id is None,
        "created_at": row.created_at,
        "passages": len(row.passages),
    }
    if full:
        out["text"] = row.text
        out["quotes"] = [
            {"span": [p.start, p.end], "text": p.text, "speaker": p.speaker}
            for p in row.passages
            if p.kind == "quote"
        ]
    return out


def ingest(session: Any, newsroom_id: str | None, data: dict[str, Any]) -> Document:
    """Read a reference the way a draft is read, and store it with its passages."""
    doc = core.Document(
        id=data.get("id") or str(uuid.uuid4()),
        title=data["title"],
        text=data["text"],
        kind=data.get("kind") or "article",
        speaker=data.get("speaker"),
    )
    return repo.put_document(
        session,
        newsroom_id=newsroom_id,
        doc=doc,
        passages=extract_passages(doc),
        source=data.get("source"),
        url=data.get("url"),
        published_at=data.get("published_at"),
    )


_ONE_OR_MANY = {
    "content": {
        "application/json": {
            "schema": {
                "oneOf": [
                    {"$ref": "#/components/schemas/DocumentIn"},
                    {
                        "type": "array",
                        "items": {"$ref": "#/components/schemas/DocumentIn"},
                        "minItems": 1,
                        "maxItems": MAX_DOCUMENTS_PER_REQUEST,
                    },
                ]
            }
        }
    },
    "required": True,
}


@blp.route("/documents", methods=["POST"])
@blp.response(201, DocumentList)
@blp.doc(security=[{"bearer": []}], requestBody=_ONE_OR_MANY)
def add_documents() -> Any:
    """Add one document or a list of them (a document with an existing id is replaced)."""
    payload = request.get_json(silent=True)
    if payload is None:
        abort(400, message="The body is not valid JSON.")
    many = isinstance(payload, list)
    if many and not payload:
        abort(422, message="The list of documents is empty.")
    if many and len(payload) > MAX_DOCUMENTS_PER_REQUEST:
        abort(413, message=f"At most {MAX_DOCUMENTS_PER_REQUEST} documents per request.")
    try:
        items = DocumentIn(many=True).load(payload) if many else [DocumentIn().load(payload)]
    except ValidationError as exc:
        abort(422, errors=exc.normalized_messages())
    runtime = current_app.extensions["misquote"]
    limit = runtime.settings.max_document_chars
    for i, item in enumerate(items):
        if len(item["text"]) > limit:
            where = f"Document {i}" if many else "The document"
            abort(413, message=f"{where} has {len(item['text'])} characters; the limit is {limit}.")
    with runtime.session() as session:
        rows = [ingest(session, current_newsroom(), item) for item in items]
        session.commit()
        out = [document_out(row) for row in rows]
    headers = {}
    if not many:
        headers["Location"] = url_for("corpus.get_document", doc_id=out[0]["id"])
    return {"documents": out, "next_cursor": None}, 201, headers


@blp.route("/documents", methods=["GET"])
@blp.response(200, DocumentList)
@blp.doc(
    security=[{"bearer": []}],
    parameters=[
        {"in": "query", "name": "cursor", "schema": {"type": "string", "pattern": "^[0-9]{1,18}$"}},
        {
            "in": "query",
            "name": "limit",
            "schema": {"type": "integer", "minimum": 1, "maximum": 200},
        },
    ],
)
def list_documents() -> Any:
    """The documents this newsroom checks against (its own and the shared corpus), paginated."""
    cursor, limit_arg = request.args.get("cursor") or "0", request.args.get("limit") or "50"
    if not re.fullmatch(r"[0-9]{1,18}", cursor) or not re.fullmatch(r"[0-9]{1,3}", limit_arg):
        abort(400, message="cursor must be a cursor from a previous page; limit 1 to 200.")
    after, limit = int(cursor), min(200, max(1, int(limit_arg)))
    runtime = current_app.extensions["misquote"]
    with runtime.session() as session:
        rows = repo.list_documents(
            session, newsroom_id=current_newsroom(), after_pk=after, limit=limit
        )
        out = [document_out(row) for row in rows]
        next_cursor = str(rows[-1].pk) if len(rows) == limit else None
    headers = {}
    if next_cursor:
        link = url_for("corpus.list_documents", cursor=next_cursor, limit=limit)
        headers["Link"] = f'<{link}>; rel="next"'
    return {"documents": out, "next_cursor": next_cursor}, 200, headers


@blp.route("/documents/<doc_id>", methods=["GET"])
@blp.response(200, DocumentOut)
@blp.doc(security=[{"bearer": []}])
def get_document(doc_id: str) -> Any:
    """One document with its text and the quotes (and speakers) ingest found in it."""
    runtime = current_app.extensions["misquote"]
    with runtime.session() as session:
        row = repo.get_document(session, doc_id, newsroom_id=current_newsroom())
        if row is None:
            abort(404, message=f"No document {doc_id}.")
        return document_out(row, full=True)


@blp.route("/documents/<doc_id>", methods=["DELETE"])
@blp.response(204)
@blp.doc(security=[{"bearer": []}])
def delete_document(doc_id: str) -> Any:
    """Remove one of this newsroom's documents (the shared corpus is managed from the CLI)."""
    runtime = current_app.extensions["misquote"]
    with runtime.session() as session:
        if not repo.delete_document(session, doc_id, newsroom_id=current_newsroom()):
            abort(404, message=f"No document {doc_id} owned by this newsroom.")
        session.commit()
    return None
