"""The review page: checkers sign in, work through the flags of their newsroom, confirm or dismiss.

Server-rendered (Jinja) with a little plain JavaScript (``static/review.js``) for keyboard
shortcuts and deciding without a page load; every form also works without it. Sessions are signed
cookies; every POST carries a CSRF token tied to the session (a hidden field or ``X-CSRF-Token``).
"""

from __future__ import annotations

import hmac
import json
import logging
import os
import secrets
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    Flask,
    Response,
    current_app,
    flash,
    g,
    get_template_attribute,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException

from schemas import ReviewIn
from service import review_view as view
from service import reviews as shared
from service.errors import problem
from store import repo
from store import reviews as review_store
from store.config import Settings
from store.models import Job, Newsroom

log = logging.getLogger("misquote.review")

bp = Blueprint(
    "review",
    __name__,
    url_prefix="/review",
    template_folder="templates",
    static_folder="static",
    static_url_path="/static",
)

PAGE_SIZE = 50
PUBLIC_ENDPOINTS = {"review.signin", "review.static"}
CSRF_FAILED = (
    "This form has expired or did not come from this site (CSRF check failed). "
    "Reload the page and try again."
)


# -- set-up -------------------------------------------------------------------------------------


def secret_key(settings: Settings) -> str:
    """``MISQUOTE_SECRET_KEY``, else the one kept in ``home/secret_key`` (made on first use)."""
    if settings.secret_key:
        return settings.secret_key
    path = settings.home / "secret_key"
    try:
        settings.home.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            # Write then link: the file appears complete, and of two processes one wins.
            tmp = path.with_name(f".secret_key.{os.getpid()}.{secrets.token_hex(4)}")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as fh:
                fh.write(secrets.token_urlsafe(48))
            try:
                os.link(tmp, path)
            except FileExistsError:
                pass
            finally:
                tmp.unlink()
        for _ in range(50):
            key = path.read_text().strip()
            if key:
                return key
            time.sleep(0.05)
    except OSError as exc:
        log.warning("cannot keep a secret key in %s (%s); sign-ins end at restart", path, exc)
    return secrets.token_urlsafe(48)


def init_app(app: Flask, settings: Settings) -> None:
    app.config.update(
        SECRET_KEY=secret_key(settings),
        SESSION_COOKIE_NAME="misquote_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        PERMANENT_SESSION_LIFETIME=timedelta(hours=12),
        SESSION_COOKIE_SECURE=settings.secure_cookies,
    )
    app.register_blueprint(bp)


# -- sessions, checkers and CSRF ----------------------------------------------------------------


@dataclass(frozen=True)
class SignedIn:
    id: str
    email: str
    newsroom_id: str
    newsroom_name: str


def csrf_token() -> str:
    token = session.get("csrf")
    if not token:
        token = session["csrf"] = secrets.token_urlsafe(32)
    return str(token)


def _csrf_ok() -> bool:
    origin = request.headers.get("Origin")
    if origin and origin != "null" and urlsplit(origin).netloc != request.host:
        return False
    expected = session.get("csrf")
    sent = request.headers.get("X-CSRF-Token") or request.form.get("csrf_token")
    return bool(expected and sent and hmac.compare_digest(str(expected), sent))


def _wants_json() -> bool:
    return request.is_json or request.accept_mimetypes.best == "application/json"


def _runtime() -> Any:
    return current_app.extensions["misquote"]


@bp.context_processor
def _template_globals() -> dict[str, Any]:
    return {
        "csrf_token": csrf_token,
        "checker": g.get("checker"),
        "verdict_labels": view.VERDICT_LABELS,
        "state_labels": view.STATE_LABELS,
    }


@bp.app_template_filter("when")
def _when(value: datetime | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.strftime("%-d %b %Y, %H:%M UTC")


@bp.app_template_filter("iso")
def _iso(value: datetime | str | None) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else value.isoformat()


@bp.before_request
def _authenticate() -> Any:
    g.checker = None
    checker_id = session.get("checker_id")
    if checker_id:
        with _runtime().session() as db:
            checker = review_store.get_checker(db, checker_id)
            if checker is not None:
                room = db.get(Newsroom, checker.newsroom_id)
                name = room.name if room is not None else ""
                g.checker = SignedIn(checker.id, checker.email, checker.newsroom_id, name)
    if g.checker is None and request.endpoint not in PUBLIC_ENDPOINTS:
        if _wants_json() or request.method != "GET":
            return problem(401, "Unauthorized", "Sign in at /review/signin first.", slug="signin")
        return redirect(url_for("review.signin", next=request.full_path.rstrip("?")))
    if request.method == "POST" and not _csrf_ok():
        if _wants_json():
            return problem(400, "Bad Request", CSRF_FAILED, slug="csrf")
        return _page_error(400, CSRF_FAILED)
    return None


def _page_error(status: int, message: str) -> Response:
    html = render_template("review/error.html", status=status, message=message)
    return Response(html, status=status, mimetype="text/html")


@bp.after_request
def _page_headers(response: Response) -> Response:
    """Only this site's own scripts and styles; never framed (no clickjacking of the buttons)."""
    response.headers.setdefault(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'",
    )
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    if response.mimetype == "text/html":
        response.headers.setdefault("Cache-Control", "no-store")
    return response


@bp.errorhandler(HTTPException)
def _http_error(error: HTTPException) -> Response:
    data = getattr(error, "data", None) or {}
    message = data.get("message") or error.description or error.name
    if _wants_json():
        return problem(error.code or 500, error.name, message)
    return _page_error(error.code or 500, message)


def _safe_next(target: str | None) -> str:
    """Only a path on this site under /review (no scheme, no host, no //evil.example)."""
    if not target:
        return url_for("review.queue")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path.startswith("/review") or "\\" in target:
        return url_for("review.queue")
    return target


def _me() -> SignedIn:
    checker: SignedIn = g.checker
    return checker


# -- sign-in ------------------------------------------------------------------------------------


@bp.route("/signin", methods=["GET", "POST"])
def signin() -> Any:
    next_url = request.values.get("next")
    if request.method == "GET":
        if g.checker is not None:
            return redirect(_safe_next(next_url))
        return render_template("review/signin.html", next=next_url, email="")
    email = (request.form.get("email") or "").strip()
    password = request.form.get("password") or ""
    guard = current_app.extensions["misquote.signin_guard"]
    wait = guard.wait_seconds(email)
    if wait:
        minutes = max(1, round(wait / 60))
        html = render_template(
            "review/signin.html",
            next=next_url,
            email=email,
            error=f"Too many failed sign-ins. Try again in {minutes} minute(s).",
        )
        return Response(html, status=429, mimetype="text/html", headers={"Retry-After": str(wait)})
    with _runtime().session() as db:
        checker = review_store.authenticate(db, email, password) if email and password else None
        checker_id = checker.id if checker is not None else None
    if checker_id is None:
        guard.failed(email)
        html = render_template(
            "review/signin.html",
            next=next_url,
            email=email,
            error="That email and password do not match a checker.",
        )
        return Response(html, status=400, mimetype="text/html")
    guard.succeeded(email)
    session.clear()
    session.permanent = True
    session["checker_id"] = checker_id
    session["csrf"] = secrets.token_urlsafe(32)
    return redirect(_safe_next(next_url), code=303)


@bp.route("/signout", methods=["POST"])
def signout() -> Any:
    session.clear()
    flash("You are signed out.")
    return redirect(url_for("review.signin"), code=303)


# -- pages --------------------------------------------------------------------------------------


def _document_url(doc_id: str | None, span: Any) -> str | None:
    if not doc_id:
        return None
    at = f"{int(span[0])}-{int(span[1])}" if span and len(span) == 2 else None
    return url_for("review.document", doc_id=doc_id, at=at, _anchor="evidence" if at else None)


def _card(job: Job, claim: Any, review: Any) -> view.Card:
    draft = job.draft
    return view.make_card(
        job_id=job.id,
        job_title=view.job_label(draft.title, draft.name, job.id),
        job_created_at=job.created_at,
        body=draft.body,
        claim=shared.claim_dict(claim, review),
        etag=review_store.claim_etag(claim, review),
        document_url=_document_url,
    )


@bp.route("")
def queue() -> Any:
    me = _me()
    verdict = request.args.get("verdict") or ""
    if verdict not in review_store.FLAGGED_VERDICTS:
        verdict = ""
    state = request.args.get("state") or "all"
    if state not in view.STATE_LABELS:
        state = "all"
    try:
        page = max(1, int(request.args.get("page", "1")))
    except ValueError:
        page = 1
    with _runtime().session() as db:
        items = review_store.review_queue(
            db,
            newsroom_id=me.newsroom_id,
            verdict=verdict or None,
            state=None if state == "all" else state,
            limit=PAGE_SIZE + 1,
            offset=(page - 1) * PAGE_SIZE,
        )
        counts = review_store.queue_counts(db, newsroom_id=me.newsroom_id, verdict=verdict or None)
        cards = [_card(i.job, i.claim, i.review) for i in items[:PAGE_SIZE]]
    return render_template(
        "review/queue.html",
        cards=cards,
        counts=counts,
        verdict=verdict,
        state=state,
        page=page,
        has_next=len(items) > PAGE_SIZE,
        verdicts=review_store.FLAGGED_VERDICTS,
    )


@bp.route("/jobs/<job_id>")
def draft(job_id: str) -> Any:
    me = _me()
    with _runtime().session() as db:
        job = repo.get_job(db, job_id, newsroom_id=me.newsroom_id)
        if job is None:
            return _page_error(404, "There is no such draft in your newsroom.")
        title = view.job_label(job.draft.title, job.draft.name, job.id)
        if job.state != "succeeded":
            return render_template(
                "review/pending.html", title=title, job=job, status=job.state, error=job.error
            )
        pairs = review_store.job_claims(db, job)
        cards = [_card(job, claim, review) for claim, review in pairs]
        spans = {claim.id: (claim.start, claim.end) for claim, _ in pairs}
        runs = view.body_runs(job.draft.body, cards, spans)
        created_at = job.created_at
    counts: dict[str, int] = {}
    for card in cards:
        counts[card.verdict] = counts.get(card.verdict, 0) + 1
    return render_template(
        "review/draft.html",
        title=title,
        job_id=job_id,
        created_at=created_at,
        runs=runs,
        cards=cards,
        counts=counts,
        selected=request.args.get("claim"),
    )


@bp.route("/documents/<path:doc_id>")
def document(doc_id: str) -> Any:
    me = _me()
    at = request.args.get("at") or ""
    with _runtime().session() as db:
        doc = repo.get_document(db, doc_id, newsroom_id=me.newsroom_id)
        if doc is None:
            return _page_error(404, "There is no such source document for your newsroom.")
        text, title = doc.text, doc.title
        meta = {
            "source": doc.source,
            "published_at": doc.published_at,
            "speaker": doc.speaker,
            "kind": doc.kind,
            "url": doc.url if doc.url and doc.url.startswith(("http://", "https://")) else None,
        }
    parts = [text, "", ""]
    start_s, _, end_s = at.partition("-")
    if start_s.isdigit() and end_s.isdigit() and int(start_s) < int(end_s) <= len(text):
        a, b = int(start_s), int(end_s)
        parts = [text[:a], text[a:b], text[b:]]
    return render_template(
        "review/document.html", title=title, doc_id=doc_id, parts=parts, meta=meta
    )


# -- deciding -----------------------------------------------------------------------------------


def _status_html(card_review: dict[str, Any] | None) -> str:
    macro = get_template_attribute("review/_macros.html", "review_status")
    return str(macro(card_review))


@bp.route("/jobs/<job_id>/claims/<claim_id>/decision", methods=["POST"])
def decide(job_id: str, claim_id: str) -> Any:
    """JSON (from review.js, with If-Match) or a plain form post (with an ``etag`` field)."""
    me = _me()
    as_json = request.is_json
    if as_json:
        try:
            data = ReviewIn().load(request.get_json(silent=True) or {})
        except ValidationError as exc:
            return problem(
                422,
                "Unprocessable Content",
                "Choose confirmed or dismissed.",
                errors=exc.normalized_messages(),
            )
    else:
        data = {
            "decision": request.form.get("decision"),
            "note": (request.form.get("note") or "")[:2000],
        }
        if data["decision"] not in review_store.DECISIONS:
            return _page_error(400, "Choose confirm or dismiss.")
    back = _safe_next(request.form.get("next")) if not as_json else ""
    with _runtime().session() as db:
        loaded = shared.load_claim(db, job_id, claim_id, newsroom_id=me.newsroom_id)
        if loaded.claim.verdict == "verified":
            message = "This claim is verified; only flagged claims are reviewed."
            if as_json:
                return problem(409, "Conflict", message)
            return _page_error(409, message)
        if as_json:
            refused = shared.if_match_problem(loaded)
        else:
            sent = request.form.get("etag") or ""
            refused = (
                None if sent == loaded.etag else shared.stale_problem(loaded.claim, loaded.review)
            )
        if refused is None:
            try:
                loaded = shared.decide(
                    db,
                    loaded,
                    decision=data["decision"],
                    note=data.get("note"),
                    reviewer=me.email,
                )
            except shared.Stale as exc:
                refused = exc.response
        current = shared.review_json(review_store.get_review(db, job_id, claim_id))
        etag = loaded.etag
    if as_json:
        if refused is not None:
            body = json.loads(refused.get_data(as_text=True))
            body["status_html"] = _status_html(body.get("current"))
            refused.set_data(json.dumps(body))
            return refused
        return (
            jsonify({"etag": etag, "review": current, "status_html": _status_html(current)}),
            200,
            {"ETag": etag},
        )
    if refused is not None:
        who = current["reviewer"] if current else "someone"
        what = current["decision"] if current else "changed it"
        flash(
            f"Someone else decided first: {who} marked this flag {what}. "
            "Their decision is shown; decide again if you disagree.",
            "conflict",
        )
    else:
        flash(f"Marked {data['decision']}.", "ok")
    return redirect(f"{back}#claim-{claim_id}", code=303)
