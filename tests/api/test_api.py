"""HTTP API behaviour on the embedded default (Flask test client; no worker needed here)."""

from __future__ import annotations

from typing import Any

from tests.conftest import demo_json

PROBLEM = "application/problem+json"


def assert_problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == PROBLEM
    body: dict[str, Any] = response.get_json()
    assert body["status"] == status
    assert body["title"] and body["type"]
    return body


def test_health_and_ready(client: Any) -> None:
    assert client.get("/healthz").get_json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.get_json()["checks"] == {"database": "ok", "broker": "ok"}


def test_openapi_documents_every_route(client: Any) -> None:
    spec = client.get("/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    for path in (
        "/v1/drafts",
        "/v1/jobs/{job_id}",
        "/v1/corpus/documents",
        "/v1/corpus/documents/{doc_id}",
        "/healthz",
        "/readyz",
    ):
        assert path in spec["paths"], path
    assert "Problem" in spec["components"]["schemas"]


def test_submit_requires_a_key(client: Any) -> None:
    body = assert_problem(client.post("/v1/drafts", json={"body": "x"}), 401)
    assert "Bearer" in body["detail"]
    bad = client.post("/v1/drafts", json={"body": "x"}, headers={"Authorization": "Bearer nope"})
    assert_problem(bad, 401)
    assert bad.headers["WWW-Authenticate"].startswith("Bearer")


def test_submit_answers_202_with_location(client: Any, make_key: Any) -> None:
    headers = make_key()
    response = client.post("/v1/drafts", json=demo_json("draft.json"), headers=headers)
    assert response.status_code == 202
    job_id = response.get_json()["id"]
    assert response.headers["Location"] == f"/v1/jobs/{job_id}"
    assert 1 <= int(response.headers["Retry-After"]) <= 5  # a polling hint, not a rate window
    job = client.get(response.headers["Location"], headers=headers)
    assert job.status_code == 200
    data = job.get_json()
    assert data["status"] == "queued"
    assert data["name"] == "alder-draft.txt"
    assert data["claims"] == [] and data["finished_at"] is None


def test_validation_errors_are_field_level(client: Any, make_key: Any) -> None:
    headers = make_key()
    body = assert_problem(client.post("/v1/drafts", json={"title": 3}, headers=headers), 422)
    assert set(body["errors"]) == {"body", "title"}
    empty = assert_problem(client.post("/v1/drafts", json={"body": ""}, headers=headers), 422)
    assert "body" in empty["errors"]
    bad_url = client.post(
        "/v1/drafts", json={"body": "x", "callback_url": "not a url"}, headers=headers
    )
    assert "callback_url" in assert_problem(bad_url, 422)["errors"]


def test_wrong_media_type_and_bad_json(client: Any, make_key: Any) -> None:
    headers = make_key()
    assert_problem(client.post("/v1/drafts", data="body=x", headers=headers), 415)
    broken = client.post(
        "/v1/drafts", data="{not json", headers={**headers, "Content-Type": "application/json"}
    )
    assert broken.status_code in (400, 422)
    assert broken.mimetype == PROBLEM


def test_body_limit_is_413(app: Any, client: Any, make_key: Any) -> None:
    limit = app.extensions["misquote"].settings.max_body_chars
    response = client.post("/v1/drafts", json={"body": "a" * (limit + 1)}, headers=make_key())
    assert "limit" in assert_problem(response, 413)["detail"]


def test_unknown_routes_and_methods_are_problems(client: Any, make_key: Any) -> None:
    assert_problem(client.get("/nope"), 404)
    assert_problem(client.delete("/healthz"), 405)


def test_a_newsroom_never_sees_another_newsrooms_job(client: Any, make_key: Any) -> None:
    mine, theirs = make_key("tribune"), make_key("courier")
    job = client.post("/v1/drafts", json={"body": "A draft."}, headers=mine).get_json()
    assert client.get(f"/v1/jobs/{job['id']}", headers=mine).status_code == 200
    assert_problem(client.get(f"/v1/jobs/{job['id']}", headers=theirs), 404)


def test_idempotency_key(client: Any, make_key: Any) -> None:
    headers = {**make_key(), "Idempotency-Key": "cms-123"}
    first = client.post("/v1/drafts", json={"body": "Same draft."}, headers=headers)
    again = client.post("/v1/drafts", json={"body": "Same draft."}, headers=headers)
    assert first.status_code == 202 and again.status_code == 200
    assert first.get_json()["id"] == again.get_json()["id"]
    other = client.post("/v1/drafts", json={"body": "Other draft."}, headers=headers)
    assert_problem(other, 422)


def test_corpus_documents_round_trip(client: Any, make_key: Any) -> None:
    headers = make_key()
    reference = demo_json("reference.json")
    created = client.post("/v1/corpus/documents", json=reference, headers=headers)
    assert created.status_code == 201, created.get_data(as_text=True)
    doc = created.get_json()["documents"][0]
    assert doc["id"] == "alder-strike-ends" and doc["passages"] > 0 and not doc["shared"]
    assert created.headers["Location"] == "/v1/corpus/documents/alder-strike-ends"

    fetched = client.get("/v1/corpus/documents/alder-strike-ends", headers=headers).get_json()
    assert fetched["text"] == reference["text"]
    speakers = {q["speaker"] for q in fetched["quotes"]}
    assert {"Marta Okonkwo", "Henrik Salo"} <= speakers
    for quote in fetched["quotes"]:
        start, end = quote["span"]
        assert reference["text"][start:end] == quote["text"]

    listing = client.get("/v1/corpus/documents", headers=headers).get_json()
    assert [d["id"] for d in listing["documents"]] == ["alder-strike-ends"]

    other = make_key("courier")
    assert_problem(client.get("/v1/corpus/documents/alder-strike-ends", headers=other), 404)
    assert_problem(client.delete("/v1/corpus/documents/alder-strike-ends", headers=other), 404)
    assert (
        client.delete("/v1/corpus/documents/alder-strike-ends", headers=headers).status_code == 204
    )
    assert_problem(client.get("/v1/corpus/documents/alder-strike-ends", headers=headers), 404)


def test_corpus_accepts_many_and_reports_bad_items(client: Any, make_key: Any) -> None:
    headers = make_key()
    docs = [
        {"id": "a", "title": "A", "text": "The mayor said “we will open the bridge.”"},
        {
            "id": "b",
            "title": "B",
            "text": "Plain sentence.",
            "kind": "statement",
            "speaker": "Jo Park",
        },
    ]
    response = client.post("/v1/corpus/documents", json=docs, headers=headers)
    assert response.status_code == 201
    assert [d["id"] for d in response.get_json()["documents"]] == ["a", "b"]
    bad = client.post(
        "/v1/corpus/documents",
        json=[{"title": "no text"}, {"text": "t", "title": "x", "kind": "poem"}],
        headers=headers,
    )
    errors = assert_problem(bad, 422)["errors"]
    assert "text" in errors["0"] and "kind" in errors["1"]
    # nothing from the rejected request was stored, and the earlier documents are intact
    listing = client.get("/v1/corpus/documents", headers=headers).get_json()
    assert [d["id"] for d in listing["documents"]] == ["a", "b"]


def test_list_paginates_with_link_header(client: Any, make_key: Any) -> None:
    headers = make_key()
    docs = [{"id": f"d{i}", "title": f"D{i}", "text": f"Sentence {i}."} for i in range(5)]
    client.post("/v1/corpus/documents", json=docs, headers=headers)
    page = client.get("/v1/corpus/documents?limit=2", headers=headers)
    assert 'rel="next"' in page.headers["Link"]
    seen = [d["id"] for d in page.get_json()["documents"]]
    while page.get_json()["next_cursor"]:
        nxt = page.headers["Link"].split(">")[0].lstrip("<")
        page = client.get(nxt, headers=headers)
        seen += [d["id"] for d in page.get_json()["documents"]]
    assert seen == [f"d{i}" for i in range(5)]


def test_callback_to_a_private_address_is_refused(client: Any, make_key: Any) -> None:
    body = {"body": "A draft.", "callback_url": "http://127.0.0.1:9/hook"}
    errors = assert_problem(client.post("/v1/drafts", json=body, headers=make_key()), 422)
    assert "private or local" in errors["errors"]["callback_url"][0]


def test_allow_listed_callback_is_accepted(settings: Any, make_key: Any) -> None:
    from dataclasses import replace

    from service.app import create_app

    app = create_app(replace(settings, webhook_allow="127.0.0.1/32"))
    headers = {"Authorization": f"Bearer {_key(app)}"}
    body = {"body": "A draft.", "callback_url": "http://127.0.0.1:9/hook"}
    assert app.test_client().post("/v1/drafts", json=body, headers=headers).status_code == 202


def _key(app: Any) -> str:
    from store import repo

    with app.extensions["misquote"].session() as session:
        key = repo.create_api_key(session, "tribune")
        session.commit()
    return key


def test_rate_limit_per_key_is_a_429_problem(settings: Any) -> None:
    from dataclasses import replace

    from service.app import create_app

    app = create_app(replace(settings, rate_limit="3/minute"))
    client = app.test_client()
    mine = {"Authorization": f"Bearer {_key(app)}"}
    theirs = {"Authorization": f"Bearer {_key(app)}"}
    statuses = [client.get("/v1/corpus/documents", headers=mine).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = client.get("/v1/corpus/documents", headers=mine)
    body = assert_problem(limited, 429)
    assert int(limited.headers["Retry-After"]) >= 1 and "Rate limit" in body["detail"]
    assert client.get("/v1/corpus/documents", headers=theirs).status_code == 200
    assert client.get("/healthz").status_code == 200


def test_unpaired_surrogate_is_a_field_error_not_a_crash(client: Any, make_key: Any) -> None:
    headers = {**make_key(), "Content-Type": "application/json"}
    raw = '{"body": "He said \\"yes\\ud800\\"."}'
    body = assert_problem(client.post("/v1/drafts", data=raw, headers=headers), 422)
    assert "surrogate" in body["errors"]["body"][0]
    doc = '{"title": "t", "text": "\\udc00"}'
    errors = assert_problem(client.post("/v1/corpus/documents", data=doc, headers=headers), 422)
    assert "text" in errors["errors"]


def test_listing_shows_only_own_and_shared_documents(client: Any, make_key: Any) -> None:
    mine, theirs = make_key("tribune"), make_key("courier")
    client.post("/v1/corpus/documents", json={"id": "t1", "title": "T", "text": "x."}, headers=mine)
    client.post(
        "/v1/corpus/documents", json={"id": "c1", "title": "C", "text": "y."}, headers=theirs
    )
    listed = client.get("/v1/corpus/documents", headers=theirs).get_json()["documents"]
    assert [d["id"] for d in listed] == ["c1"]
    assert_problem(client.get("/v1/corpus/documents/t1", headers=theirs), 404)


def test_rate_limit_can_be_turned_off(settings: Any) -> None:
    from dataclasses import replace

    from service.app import create_app

    app = create_app(replace(settings, rate_limit="off"))
    headers = {"Authorization": f"Bearer {_key(app)}"}
    client = app.test_client()
    assert {client.get("/v1/corpus/documents", headers=headers).status_code for _ in range(5)} == {
        200
    }
