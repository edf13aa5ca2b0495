"""Reviews of flagged claims: the API (ETag / If-Match), the review page's rules, checkers, CSRF.

Jobs are stored with fixed claims in the contract's shape, so these tests need neither a worker
nor the checking core's current behaviour.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from store import repo
from store import reviews as review_store
from tests.api.test_api import assert_problem
from tests.conftest import demo_json

BODY = demo_json("draft.json")["body"]
PASSWORD = "correct horse battery"


def _claim(job_id: str, words: str, verdict: str, **extra: Any) -> dict[str, Any]:
    import uuid

    start = BODY.index(words)
    end = start + len(words)
    claim: dict[str, Any] = {
        "id": str(uuid.uuid5(uuid.UUID(job_id), f"{extra.get('kind', 'quote')}:{start}:{end}")),
        "kind": "quote",
        "span": [start, end],
        "text": words,
        "speaker": None,
        "speaker_span": None,
        "verdict": verdict,
        "flags": [] if verdict == "verified" else [verdict],
        "score": 99.0,
        "evidence": [],
        "diff": [],
        "figure": None,
        "explanation": f"{verdict} for the test.",
    }
    claim.update(extra)
    return claim


def claims_for(job_id: str) -> list[dict[str, Any]]:
    evidence = {
        "document_id": "alder-strike-ends",
        "title": "Dockworkers end strike",
        "span": [402, 555],
        "text": "The strike left more than 18,000 containers stranded on the quays.",
        "speaker": None,
        "score": 100.0,
    }
    return [
        _claim(
            job_id,
            "Every crane on this waterfront will be inspected by engineers who do not work for us,",
            "misattributed",
            speaker="Marta Okonkwo",
            evidence=[{**evidence, "text": "Every crane", "speaker": "Henrik Salo"}],
        ),
        _claim(
            job_id,
            "more than 81,000 containers",
            "altered_figure",
            kind="figure",
            evidence=[evidence],
            diff=[
                {"op": "equal", "draft": "more than", "source": "more than"},
                {"op": "replace", "draft": "81,000", "source": "18,000"},
                {"op": "equal", "draft": "containers", "source": "containers"},
            ],
            figure={"value": 81000, "unit": "containers", "qualifier": "more than"},
        ),
        _claim(job_id, "The port cannot afford another week like this one,", "verified"),
    ]


def store_job(app: Any, newsroom: str, *, rerun_of: str | None = None) -> dict[str, Any]:
    """A succeeded job of ``newsroom`` with three claims (two flagged); re-run one if asked."""
    runtime = app.extensions["misquote"]
    with runtime.session() as session:
        if rerun_of is None:
            room = repo.get_or_create_newsroom(session, newsroom)
            job = repo.submit_draft(session, newsroom_id=room.id, body=BODY, title="Alder").job
            session.commit()
            job_id = job.id
        else:
            job_id = rerun_of
            found = repo.get_job(session, job_id)
            assert found is not None
            found.state = "queued"
            session.commit()
        assert repo.acquire_lease(session, job_id, owner="test", seconds=60)
        claims = claims_for(job_id)
        summary = {"claims": 3, "flagged": 2, "by_verdict": {}}
        assert repo.store_result(session, job_id, owner="test", claims=claims, summary=summary)
    return {
        "id": job_id,
        "misattributed": claims[0]["id"],
        "figure": claims[1]["id"],
        "verified": claims[2]["id"],
    }


@pytest.fixture
def tribune(app: Any, make_key: Any) -> dict[str, Any]:
    headers = make_key("tribune")
    return {"headers": headers, "job": store_job(app, "tribune")}


def claim_url(job: dict[str, Any], which: str, suffix: str = "") -> str:
    return f"/v1/jobs/{job['id']}/claims/{job[which]}{suffix}"


# -- the API ------------------------------------------------------------------------------------


def test_get_claim_has_an_etag_and_no_review_yet(client: Any, tribune: dict[str, Any]) -> None:
    response = client.get(claim_url(tribune["job"], "misattributed"), headers=tribune["headers"])
    assert response.status_code == 200
    assert response.headers["ETag"].startswith('"')
    body = response.get_json()
    assert body["id"] == tribune["job"]["misattributed"]
    assert body["verdict"] == "misattributed" and body["review"] is None
    job = client.get(f"/v1/jobs/{tribune['job']['id']}", headers=tribune["headers"]).get_json()
    assert all(c["review"] is None for c in job["claims"])


def test_review_needs_if_match(client: Any, tribune: dict[str, Any]) -> None:
    url = claim_url(tribune["job"], "misattributed", "/review")
    missing = client.post(url, json={"decision": "confirmed"}, headers=tribune["headers"])
    assert "If-Match" in assert_problem(missing, 428)["detail"]
    stale = client.post(
        url,
        json={"decision": "confirmed"},
        headers={**tribune["headers"], "If-Match": '"not-the-etag"'},
    )
    body = assert_problem(stale, 412)
    assert body["current"] is None and body["etag"] == stale.headers["ETag"]


def test_review_with_the_etag_then_a_stale_one(client: Any, tribune: dict[str, Any]) -> None:
    headers = tribune["headers"]
    got = client.get(claim_url(tribune["job"], "figure"), headers=headers)
    etag = got.headers["ETag"]
    url = claim_url(tribune["job"], "figure", "/review")
    done = client.post(
        url,
        json={"decision": "confirmed", "note": "  18,000 in the wire copy  "},
        headers={**headers, "If-Match": etag},
    )
    assert done.status_code == 200, done.get_data(as_text=True)
    assert done.headers["ETag"] != etag
    review = done.get_json()["review"]
    assert review["decision"] == "confirmed"
    assert review["note"] == "18,000 in the wire copy"
    assert review["reviewer"].startswith("api:mq_")
    assert re.match(r"\d{4}-\d\d-\d\dT", review["decided_at"])

    again = client.post(url, json={"decision": "dismissed"}, headers={**headers, "If-Match": etag})
    lost = assert_problem(again, 412)
    assert "Someone else decided first" in lost["detail"]
    assert lost["current"]["decision"] == "confirmed"
    assert lost["etag"] == done.headers["ETag"]

    changed = client.post(
        url, json={"decision": "dismissed"}, headers={**headers, "If-Match": done.headers["ETag"]}
    )
    assert changed.status_code == 200
    assert changed.get_json()["review"]["decision"] == "dismissed"
    assert changed.get_json()["review"]["note"] is None

    job = client.get(f"/v1/jobs/{tribune['job']['id']}", headers=headers).get_json()
    by_id = {c["id"]: c for c in job["claims"]}
    assert by_id[tribune["job"]["figure"]]["review"]["decision"] == "dismissed"
    assert by_id[tribune["job"]["misattributed"]]["review"] is None


def test_if_match_star_and_a_list(client: Any, tribune: dict[str, Any]) -> None:
    url = claim_url(tribune["job"], "misattributed", "/review")
    star = client.post(
        url, json={"decision": "confirmed"}, headers={**tribune["headers"], "If-Match": "*"}
    )
    assert star.status_code == 200
    listed = client.post(
        url,
        json={"decision": "dismissed"},
        headers={**tribune["headers"], "If-Match": f'"old", {star.headers["ETag"]}'},
    )
    assert listed.status_code == 200


def test_review_body_is_validated(client: Any, tribune: dict[str, Any]) -> None:
    url = claim_url(tribune["job"], "misattributed", "/review")
    headers = {**tribune["headers"], "If-Match": "*"}
    bad = assert_problem(client.post(url, json={"decision": "maybe"}, headers=headers), 422)
    assert "decision" in bad["errors"]
    long_note = {"decision": "confirmed", "note": "x" * 2001}
    assert (
        "note" in assert_problem(client.post(url, json=long_note, headers=headers), 422)["errors"]
    )
    assert_problem(client.post(url, data="decision=confirmed", headers=headers), 415)


def test_verified_claims_and_unknown_claims(client: Any, tribune: dict[str, Any]) -> None:
    headers = {**tribune["headers"], "If-Match": "*"}
    verified = client.post(
        claim_url(tribune["job"], "verified", "/review"),
        json={"decision": "confirmed"},
        headers=headers,
    )
    assert_problem(verified, 409)
    missing = f"/v1/jobs/{tribune['job']['id']}/claims/nope"
    assert_problem(client.get(missing, headers=headers), 404)
    assert_problem(
        client.post(missing + "/review", json={"decision": "confirmed"}, headers=headers), 404
    )


def test_claims_of_an_unfinished_job_are_not_reviewable(
    app: Any, client: Any, make_key: Any
) -> None:
    headers = make_key("tribune")
    submitted = client.post("/v1/drafts", json={"body": BODY}, headers=headers)
    job_id = submitted.get_json()["id"]
    assert_problem(client.get(f"/v1/jobs/{job_id}/claims/x", headers=headers), 409)


def test_another_newsroom_gets_404(client: Any, tribune: dict[str, Any], make_key: Any) -> None:
    courier = make_key("courier")
    assert_problem(client.get(claim_url(tribune["job"], "figure"), headers=courier), 404)
    post = client.post(
        claim_url(tribune["job"], "figure", "/review"),
        json={"decision": "dismissed"},
        headers={**courier, "If-Match": "*"},
    )
    assert_problem(post, 404)
    assert_problem(client.get(claim_url(tribune["job"], "figure")), 401)


def test_reviews_survive_a_rerun_of_the_job(app: Any, client: Any, tribune: dict[str, Any]) -> None:
    url = claim_url(tribune["job"], "misattributed", "/review")
    headers = {**tribune["headers"], "If-Match": "*"}
    assert client.post(url, json={"decision": "confirmed"}, headers=headers).status_code == 200
    store_job(app, "tribune", rerun_of=tribune["job"]["id"])
    claim = client.get(claim_url(tribune["job"], "misattributed"), headers=tribune["headers"])
    assert claim.get_json()["review"]["decision"] == "confirmed"


def test_only_one_of_two_racing_decisions_wins(app: Any, tribune: dict[str, Any]) -> None:
    job = tribune["job"]
    runtime = app.extensions["misquote"]
    kwargs = {"job_id": job["id"], "claim_id": job["figure"], "note": None, "expected_version": 0}
    with runtime.session() as one, runtime.session() as two:
        review_store.decide(one, decision="confirmed", reviewer="a@x.test", **kwargs)
        with pytest.raises(review_store.StaleReview) as lost:
            review_store.decide(two, decision="dismissed", reviewer="b@x.test", **kwargs)
    assert lost.value.current is not None and lost.value.current.reviewer == "a@x.test"


def test_openapi_documents_the_review_routes(client: Any) -> None:
    paths = client.get("/openapi.json").get_json()["paths"]
    review = paths["/v1/jobs/{job_id}/claims/{claim_id}/review"]["post"]
    assert {"412", "428", "200"} <= set(review["responses"])
    assert any(p["name"] == "If-Match" for p in review["parameters"])
    assert "/v1/jobs/{job_id}/claims/{claim_id}" in paths


# -- checkers and the review page ---------------------------------------------------------------


def make_checker(app: Any, newsroom: str, email: str) -> None:
    with app.extensions["misquote"].session() as session:
        review_store.create_checker(session, newsroom, email, PASSWORD)
        session.commit()


def csrf_of(html: str) -> str:
    match = re.search(r'name="csrf-token" content="([^"]+)"', html)
    assert match, html[:500]
    return match.group(1)


def sign_in(client: Any, email: str, password: str = PASSWORD) -> Any:
    page = client.get("/review/signin")
    token = csrf_of(page.get_data(as_text=True))
    return client.post(
        "/review/signin", data={"email": email, "password": password, "csrf_token": token}
    )


def page_token(client: Any, path: str = "/review") -> str:
    return csrf_of(client.get(path).get_data(as_text=True))


def test_the_page_needs_a_signed_in_checker(app: Any, client: Any) -> None:
    make_checker(app, "tribune", "ana@tribune.test")
    response = client.get("/review?state=unreviewed")
    assert response.status_code == 302
    assert "/review/signin?next=" in response.headers["Location"]
    wrong = sign_in(client, "ana@tribune.test", "wrong password")
    assert wrong.status_code == 400 and "do not match" in wrong.get_data(as_text=True)
    right = sign_in(client, "ANA@tribune.test ")
    assert right.status_code == 303 and right.headers["Location"] == "/review"
    cookie = right.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert client.get("/review").status_code == 200


def test_sign_in_refuses_a_foreign_next(app: Any, client: Any) -> None:
    make_checker(app, "tribune", "ana@tribune.test")
    token = csrf_of(client.get("/review/signin").get_data(as_text=True))
    for target in ("https://evil.example/review", "//evil.example/review", "/v1/jobs"):
        response = client.post(
            "/review/signin",
            data={
                "email": "ana@tribune.test",
                "password": PASSWORD,
                "csrf_token": token,
                "next": target,
            },
        )
        assert response.headers["Location"] == "/review"
        token = page_token(client)


def test_csrf_is_required_on_every_post(app: Any, client: Any, tribune: dict[str, Any]) -> None:
    make_checker(app, "tribune", "ana@tribune.test")
    no_token = client.post(
        "/review/signin", data={"email": "ana@tribune.test", "password": PASSWORD}
    )
    assert no_token.status_code == 400 and "CSRF" in no_token.get_data(as_text=True)
    assert sign_in(client, "ana@tribune.test").status_code == 303
    job = tribune["job"]
    url = f"/review/jobs/{job['id']}/claims/{job['misattributed']}/decision"
    missing = client.post(url, json={"decision": "confirmed"}, headers={"If-Match": "*"})
    assert_problem(missing, 400)
    forged = client.post(
        url, json={"decision": "confirmed"}, headers={"If-Match": "*", "X-CSRF-Token": "forged"}
    )
    assert_problem(forged, 400)
    token = page_token(client)
    cross_site = client.post(
        url,
        json={"decision": "confirmed"},
        headers={"If-Match": "*", "X-CSRF-Token": token, "Origin": "https://evil.example"},
    )
    assert_problem(cross_site, 400)
    form = client.post(url, data={"decision": "confirmed", "etag": "x"})
    assert form.status_code == 400
    signout = client.post("/review/signout")
    assert signout.status_code == 400
    claim = client.get(claim_url(job, "misattributed"), headers=tribune["headers"]).get_json()
    assert claim["review"] is None


def test_the_page_decides_with_if_match(app: Any, client: Any, tribune: dict[str, Any]) -> None:
    make_checker(app, "tribune", "ana@tribune.test")
    sign_in(client, "ana@tribune.test")
    job = tribune["job"]
    queue = client.get("/review").get_data(as_text=True)
    assert job["misattributed"] in queue and job["figure"] in queue
    assert job["verified"] not in queue
    token = csrf_of(queue)
    etag = re.search(rf'claim-{job["figure"]}".*?name="etag" value="([^"]+)"', queue, re.S)
    assert etag
    url = f"/review/jobs/{job['id']}/claims/{job['figure']}/decision"
    headers = {"X-CSRF-Token": token}
    assert_problem(client.post(url, json={"decision": "confirmed"}, headers=headers), 428)
    ok = client.post(
        url,
        json={"decision": "confirmed", "note": "wire says 18,000"},
        headers={**headers, "If-Match": etag.group(1).replace("&#34;", '"')},
    )
    assert ok.status_code == 200, ok.get_data(as_text=True)
    data = ok.get_json()
    assert data["review"]["reviewer"] == "ana@tribune.test"
    assert "Confirmed" in data["status_html"] and "wire says 18,000" in data["status_html"]
    stale = client.post(
        url,
        json={"decision": "dismissed"},
        headers={**headers, "If-Match": etag.group(1).replace("&#34;", '"')},
    )
    body = assert_problem(stale, 412)
    assert body["current"]["reviewer"] == "ana@tribune.test" and "status_html" in body
    api = client.get(claim_url(job, "figure"), headers=tribune["headers"]).get_json()
    assert api["review"]["note"] == "wire says 18,000"
    confirmed = client.get("/review?state=confirmed").get_data(as_text=True)
    assert job["figure"] in confirmed and job["misattributed"] not in confirmed
    unreviewed = client.get("/review?state=unreviewed&verdict=misattributed")
    assert job["misattributed"] in unreviewed.get_data(as_text=True)


def test_the_form_fallback_without_javascript(
    app: Any, client: Any, tribune: dict[str, Any]
) -> None:
    make_checker(app, "tribune", "ana@tribune.test")
    sign_in(client, "ana@tribune.test")
    job = tribune["job"]
    token = page_token(client)
    url = f"/review/jobs/{job['id']}/claims/{job['misattributed']}/decision"
    etag = client.get(claim_url(job, "misattributed"), headers=tribune["headers"]).headers["ETag"]
    form = {"csrf_token": token, "decision": "dismissed", "etag": etag, "next": "/review"}
    done = client.post(url, data=form)
    assert done.status_code == 303
    assert done.headers["Location"] == f"/review#claim-{job['misattributed']}"
    assert "Marked dismissed" in client.get("/review").get_data(as_text=True)
    again = client.post(url, data=form)  # the same, now stale, etag
    assert again.status_code == 303
    assert "Someone else decided first" in client.get("/review").get_data(as_text=True)


def test_a_checker_sees_only_their_newsroom(app: Any, client: Any, tribune: dict[str, Any]) -> None:
    make_checker(app, "courier", "cy@courier.test")
    sign_in(client, "cy@courier.test")
    job = tribune["job"]
    queue = client.get("/review").get_data(as_text=True)
    assert job["misattributed"] not in queue and "No flags match" in queue
    assert client.get(f"/review/jobs/{job['id']}").status_code == 404
    token = page_token(client)
    decided = client.post(
        f"/review/jobs/{job['id']}/claims/{job['figure']}/decision",
        json={"decision": "dismissed"},
        headers={"X-CSRF-Token": token, "If-Match": "*"},
    )
    assert_problem(decided, 404)


def test_the_draft_view_labels_every_claim(app: Any, client: Any, tribune: dict[str, Any]) -> None:
    make_checker(app, "tribune", "ana@tribune.test")
    sign_in(client, "ana@tribune.test")
    job = tribune["job"]
    html = client.get(f"/review/jobs/{job['id']}").get_data(as_text=True)
    for label in ("Misattributed", "Altered figure", "Verified"):
        assert f">{label}<" in html.replace('<span class="tag-state"></span>', "")
    assert html.count('class="claim v-') == 3
    assert '<mark class="chg" title="draft: 81,000">' in html
    assert "18,000</mark>" in html
    assert "/review/documents/alder-strike-ends?at=402-555#evidence" in html


def test_the_source_document_page(app: Any, client: Any, make_key: Any) -> None:
    headers = make_key("tribune")
    reference = demo_json("reference.json")
    assert client.post("/v1/corpus/documents", json=reference, headers=headers).status_code == 201
    make_checker(app, "tribune", "ana@tribune.test")
    sign_in(client, "ana@tribune.test")
    page = client.get("/review/documents/alder-strike-ends?at=402-430")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert '<mark id="evidence"' in html and reference["text"][402:430] in html
    make_checker(app, "courier", "cy@courier.test")
    client.post("/review/signout", data={"csrf_token": page_token(client)})
    sign_in(client, "cy@courier.test")
    assert client.get("/review/documents/alder-strike-ends").status_code == 404


def test_the_secret_key_is_kept_across_restarts(settings: Any, monkeypatch: Any) -> None:
    from service.app import create_app

    first = create_app(settings).config["SECRET_KEY"]
    assert first and (Path(settings.home) / "secret_key").read_text() == first
    assert create_app(settings).config["SECRET_KEY"] == first
    monkeypatch.setenv("MISQUOTE_SECRET_KEY", "from-the-environment")
    from store.config import Settings

    overridden = Settings.from_env({"home": settings.home})
    assert create_app(overridden).config["SECRET_KEY"] == "from-the-environment"
    assert "from-the-environment" not in repr(overridden)


def test_cli_creates_a_checker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cli.main import main

    for var in ("MISQUOTE_DATABASE_URL", "MISQUOTE_BROKER_URL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("MISQUOTE_HOME", str(tmp_path / "home"))
    runner = CliRunner()
    made = runner.invoke(
        main, ["checkers", "create", "tribune", "Ana@Tribune.test", "--password", PASSWORD]
    )
    assert made.exit_code == 0, made.output
    assert "ana@tribune.test" in made.output and "tribune" in made.output
    again = runner.invoke(
        main, ["checkers", "create", "tribune", "ana@tribune.test", "--password", PASSWORD]
    )
    assert again.exit_code != 0 and "exists already" in again.output
    prompted = runner.invoke(
        main, ["checkers", "create", "tribune", "bo@tribune.test"], input="longenough\nlongenough\n"
    )
    assert prompted.exit_code == 0, prompted.output
    short = runner.invoke(main, ["checkers", "create", "t", "cy@t.test", "--password", "short"])
    assert short.exit_code == 2
    bad = runner.invoke(main, ["checkers", "create", "t", "not-an-email", "--password", PASSWORD])
    assert bad.exit_code == 2


def test_the_migration_goes_down_and_up(settings: Any) -> None:
    from alembic import command
    from sqlalchemy import inspect

    from store.db import alembic_config, make_engine, migrate

    engine = make_engine(settings.database_url)
    migrate(engine)
    cfg = alembic_config(engine)
    command.downgrade(cfg, "0001")
    assert "reviews" not in inspect(engine).get_table_names()
    command.upgrade(cfg, "head")
    assert {"reviews", "checkers"} <= set(inspect(engine).get_table_names())


def test_notes_are_escaped_and_pages_are_not_framed(
    app: Any, client: Any, tribune: dict[str, Any]
) -> None:
    make_checker(app, "tribune", "ana@tribune.test")
    sign_in(client, "ana@tribune.test")
    job = tribune["job"]
    page = client.get("/review")
    assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]
    decided = client.post(
        f"/review/jobs/{job['id']}/claims/{job['figure']}/decision",
        json={"decision": "confirmed", "note": "<img src=x onerror=alert(1)>"},
        headers={"X-CSRF-Token": csrf_of(page.get_data(as_text=True)), "If-Match": "*"},
    )
    assert decided.status_code == 200
    assert "<img" not in decided.get_json()["status_html"]
    assert "&lt;img src=x" in decided.get_json()["status_html"]
    assert "<img src=x" not in client.get("/review").get_data(as_text=True)


def test_failed_sign_ins_are_limited_per_email(settings: Any) -> None:
    """Past the limit even the right password waits; another checker's email is unaffected; a
    success clears the email's count."""
    from dataclasses import replace

    from service.app import create_app

    app = create_app(replace(settings, signin_limit="3/15 minutes"))
    app.config["TESTING"] = True
    client = app.test_client()
    make_checker(app, "tribune", "ana@tribune.test")
    make_checker(app, "tribune", "ben@tribune.test")

    assert sign_in(client, "ben@tribune.test", "wrong").status_code == 400
    assert sign_in(client, "ben@tribune.test", "wrong").status_code == 400
    assert sign_in(app.test_client(), "ben@tribune.test").status_code == 303  # clears the count
    for _ in range(2):
        assert sign_in(client, "ben@tribune.test", "wrong").status_code == 400

    for _ in range(3):
        assert sign_in(client, "ana@tribune.test", "wrong").status_code == 400
    locked = sign_in(client, "Ana@tribune.test ")
    assert locked.status_code == 429
    assert 0 < int(locked.headers["Retry-After"]) <= 15 * 60
    assert "Too many failed sign-ins" in locked.get_data(as_text=True)
    assert client.get("/review").status_code == 302  # still signed out

    assert sign_in(client, "ben@tribune.test").status_code == 303


def test_sign_in_limit_off_and_secure_cookies(settings: Any) -> None:
    from dataclasses import replace

    from service.app import create_app

    app = create_app(replace(settings, signin_limit="off", secure_cookies=True))
    app.config["TESTING"] = True
    client = app.test_client()
    make_checker(app, "tribune", "ana@tribune.test")
    for _ in range(12):
        assert sign_in(client, "ana@tribune.test", "wrong").status_code == 400
    right = sign_in(client, "ana@tribune.test")
    assert right.status_code == 303
    assert "Secure" in right.headers["Set-Cookie"]
