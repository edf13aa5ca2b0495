"""API keys: ``Authorization: Bearer <key>`` resolves to the calling newsroom."""

from __future__ import annotations

from flask import current_app, g, request
from flask_smorest import abort

from store import repo


def require_newsroom() -> None:
    header = request.headers.get("Authorization", "")
    scheme, _, key = header.partition(" ")
    if scheme.lower() != "bearer" or not key.strip():
        abort(
            401,
            message="Send an API key as 'Authorization: Bearer <key>' (misquote keys create).",
            headers={"WWW-Authenticate": 'Bearer realm="misquote"'},
        )
    with current_app.extensions["misquote"].session() as session:
        newsroom = repo.newsroom_for_key(session, key.strip())
    if newsroom is None:
        abort(
            401,
            message="The API key is not valid.",
            headers={"WWW-Authenticate": 'Bearer realm="misquote", error="invalid_token"'},
        )
    g.newsroom_id = newsroom.id
    g.newsroom_name = newsroom.name


def current_newsroom() -> str:
    return str(g.newsroom_id)
