"""Audits over HTTP: validation, limits, newsroom isolation, progress, cancel, report formats.

No worker process here: the chunk tasks are run in-process with ``workers.audits.run_chunk``,
the function the Celery task calls.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from store import audits as audit_store
from store.config import Settings
from tests.api.test_api import assert_problem
from tests.audit_data import articles, jsonl
from tests.conftest import demo_json
from workers.audits import run_chunk

NDJSON = "application/x-ndjson"


def add_reference(client: Any, headers: dict[str, str]) -> None:
    added = client.post("/v1/corpus/documents", json=demo_json("reference.json"), headers=headers)
    assert added.status_code == 201, added.get_data(as_text=True)


def fake_task(app: Any) -> Any:
    return SimpleNamespace(
        request=SimpleNamespace(id="test", retries=0), app=app.extensions["celery"]
    )


def run_all_chunks(app: Any, audit_id: str) -> list[str]:
    """What the workers would do: run every chunk of the audit once."""
    runtime = app.extensions["misquote"]
    with runtime.session() as session:
        chunks = audit_store.chunk_ids(session, audit_id)
    return [run_chunk(fake_task(app), runtime, chunk_id) for chunk_id in chunks]


def submit(client: Any, headers: dict[str, str], items: list[dict[str, Any]]) -> Any:
    response = client.post(
        "/v1/audits", json={"name": "archive", "articles": items}, headers=headers
    )
    assert response.status_code == 202, response.get_data(as_text=True)
    return response


def test_audit_round_trip_with_progress_summary_and_reports(
    app: Any, client: Any, make_key: Any
) -> None:
    headers = make_key()
    add_reference(client, headers)
    response = submit(client, headers, articles(60))
    audit_id = response.get_json()["id"]
    assert response.headers["Location"] == f"/v1/audits/{audit_id}"
    assert int(response.headers["Retry-After"]) >= 1
    assert response.get_json()["total"] == 60

    queued = client.get(f"/v1/audits/{audit_id}", headers=headers)
    assert queued.status_code == 200 and "Retry-After" in queued.headers
    data = queued.get_json()
    assert data["status"] == "queued" and data["summary"] is None
    assert data["progress"] == {"total": 60, "done": 0, "failed": 0, "percent": 0.0}
    assert_problem(client.get(f"/v1/audits/{audit_id}/report.csv", headers=headers), 409)

    outcomes = run_all_chunks(app, audit_id)
    assert outcomes.count("done") == 3  # 60 articles in chunks of 25
    assert set(outcomes) <= {"done", "skipped"}

    done = client.get(f"/v1/audits/{audit_id}", headers=headers).get_json()
    assert done["status"] == "succeeded" and done["finished_at"]
    assert done["progress"]["done"] == 60 and done["progress"]["failed"] == 0
    summary = done["summary"]
    assert summary["articles"] == 60 and summary["articles_flagged"] == 60
    assert summary["by_verdict"]["verified"] == 60
    assert summary["by_verdict"]["misattributed"] == 12
    assert summary["by_verdict"]["unverified"] == 48
    assert summary["flagged"] == 60 and summary["claims"] == 120
    assert summary["top_speakers"][0] == {"speaker": "Okonkwo", "flagged": 48}
    assert len(summary["top_articles"]) == 10
    assert done["report"]["csv"] == f"/v1/audits/{audit_id}/report.csv"

    report = client.get(f"/v1/audits/{audit_id}/report.json", headers=headers)
    assert report.status_code == 200
    rows = report.get_json()["rows"]
    assert [r["article_id"] for r in rows] == [a["id"] for a in articles(60)]
    wrong = rows[0]
    assert wrong["verdict"] == "misattributed" and wrong["speaker"] == "Marta Okonkwo"
    assert wrong["source_document"] and wrong["source_speaker"] == "Henrik Salo"
    assert wrong["draft_text"].startswith("Every crane") and wrong["source_text"]
    assert wrong["score"] > 90
    assert rows[1]["verdict"] == "unverified" and rows[1]["article_title"] == "Alder story 1"

    as_csv = client.get(f"/v1/audits/{audit_id}/report.csv", headers=headers)
    assert as_csv.status_code == 200 and as_csv.mimetype == "text/csv"
    table = list(csv.DictReader(io.StringIO(as_csv.get_data(as_text=True))))
    assert len(table) == 60
    assert table[0]["article_id"] == "a0000" and table[0]["verdict"] == "misattributed"
    assert table[0]["source_speaker"] == "Henrik Salo" and float(table[0]["score"]) > 90
    assert {"draft_text", "speaker", "source_document", "source_text"} <= set(table[0])

    # a message delivered again after the audit ended changes nothing
    assert set(run_all_chunks(app, audit_id)) == {"skipped"}


def test_jsonl_upload_and_bare_list(client: Any, make_key: Any) -> None:
    headers = make_key()
    upload = client.post(
        "/v1/audits?name=june.jsonl",
        data=jsonl(articles(30)),
        headers={**headers, "Content-Type": NDJSON},
    )
    assert upload.status_code == 202, upload.get_data(as_text=True)
    got = client.get(upload.headers["Location"], headers=headers).get_json()
    assert got["name"] == "june.jsonl" and got["progress"]["total"] == 30

    bare = client.post("/v1/audits", json=articles(3), headers=headers)
    assert bare.status_code == 202 and bare.get_json()["total"] == 3


def test_malformed_jsonl_line_is_422_naming_the_line(client: Any, make_key: Any) -> None:
    headers = {**make_key(), "Content-Type": NDJSON}
    lines = jsonl(articles(2)) + "{not json\n" + '{"id": "x", "title": "no body"}\n'
    body = assert_problem(client.post("/v1/audits", data=lines, headers=headers), 422)
    assert "Line 3" in body["detail"]
    assert set(body["errors"]) == {"line 3", "line 4"}
    assert "body" in body["errors"]["line 4"][0]

    repeated = jsonl(articles(2)) + jsonl(articles(1))
    body = assert_problem(client.post("/v1/audits", data=repeated, headers=headers), 422)
    assert body["errors"] == {"line 3": ["id 'a0000' already used on line 1"]}

    assert_problem(client.post("/v1/audits", data="\n\n", headers=headers), 422)


def test_json_validation_is_field_level(client: Any, make_key: Any) -> None:
    headers = make_key()
    body = assert_problem(client.post("/v1/audits", json={"name": "x"}, headers=headers), 422)
    assert "articles" in body["errors"]
    empty = client.post("/v1/audits", json={"articles": [{"id": "a", "body": ""}]}, headers=headers)
    assert "body" in assert_problem(empty, 422)["errors"]["articles"]["0"]
    twice = client.post("/v1/audits", json=articles(2) + articles(1), headers=headers)
    assert "id" in assert_problem(twice, 422)["errors"]["articles"]["2"]
    assert_problem(
        client.post(
            "/v1/audits", data="{oops", headers=headers | {"Content-Type": "application/json"}
        ),
        400,
    )
    assert_problem(
        client.post("/v1/audits", data="x", headers=headers | {"Content-Type": "text/plain"}), 415
    )


@pytest.fixture
def small_limits(tmp_path: Path) -> Any:
    from service.app import create_app

    settings = Settings.from_env(
        {
            "home": tmp_path / "small",
            "database_url": None,
            "broker_url": None,
            "max_audit_articles": 5,
            "max_audit_bytes": 4000,
        }
    )
    return create_app(settings)


def test_limits_are_413(small_limits: Any) -> None:
    from store import repo

    with small_limits.extensions["misquote"].session() as session:
        key = repo.create_api_key(session, "tribune")
        session.commit()
    client = small_limits.test_client()
    headers = {"Authorization": f"Bearer {key}"}
    body = assert_problem(client.post("/v1/audits", json=articles(6), headers=headers), 413)
    assert "at most 5" in body["detail"]
    many = client.post(
        "/v1/audits", data=jsonl(articles(6)), headers={**headers, "Content-Type": NDJSON}
    )
    assert_problem(many, 413)
    big = [{"id": "big", "body": "x" * 5000}]
    body = assert_problem(client.post("/v1/audits", json=big, headers=headers), 413)
    assert "4000" in body["detail"]
    assert client.post("/v1/audits", json=articles(5), headers=headers).status_code == 202


def test_other_newsrooms_get_404(client: Any, make_key: Any) -> None:
    mine, theirs = make_key("tribune"), make_key("courier")
    audit_id = submit(client, mine, articles(2)).get_json()["id"]
    for path in ("", "/report.json", "/report.csv"):
        assert_problem(client.get(f"/v1/audits/{audit_id}{path}", headers=theirs), 404)
    assert_problem(client.post(f"/v1/audits/{audit_id}/cancel", headers=theirs), 404)
    assert_problem(client.delete(f"/v1/audits/{audit_id}", headers=theirs), 404)
    assert_problem(client.get(f"/v1/audits/{audit_id}"), 401)
    assert client.get(f"/v1/audits/{audit_id}", headers=mine).status_code == 200


def test_cancel_stops_the_audit_and_keeps_what_was_done(
    app: Any, client: Any, make_key: Any
) -> None:
    headers = make_key()
    add_reference(client, headers)
    audit_id = submit(client, headers, articles(60)).get_json()["id"]
    runtime = app.extensions["misquote"]
    with runtime.session() as session:
        first = audit_store.chunk_ids(session, audit_id)[0]
    assert run_chunk(fake_task(app), runtime, first) == "done"

    cancelled = client.post(f"/v1/audits/{audit_id}/cancel", headers=headers)
    assert cancelled.status_code == 200, cancelled.get_data(as_text=True)
    data = cancelled.get_json()
    assert data["status"] == "cancelled" and data["progress"]["done"] == 25
    assert data["summary"]["articles"] == 25
    assert set(run_all_chunks(app, audit_id)) == {"skipped"}  # the rest never runs
    again = client.delete(f"/v1/audits/{audit_id}", headers=headers)
    assert again.status_code == 200 and again.get_json()["status"] == "cancelled"
    rows = client.get(f"/v1/audits/{audit_id}/report.json", headers=headers).get_json()["rows"]
    assert len(rows) == 25

    finished = submit(client, headers, articles(2)).get_json()["id"]
    run_all_chunks(app, finished)
    assert_problem(client.post(f"/v1/audits/{finished}/cancel", headers=headers), 409)


def test_openapi_documents_the_audit_routes(client: Any) -> None:
    spec = client.get("/openapi.json").get_json()
    for path in (
        "/v1/audits",
        "/v1/audits/{audit_id}",
        "/v1/audits/{audit_id}/cancel",
        "/v1/audits/{audit_id}/report.json",
        "/v1/audits/{audit_id}/report.csv",
    ):
        assert path in spec["paths"], path
    body = spec["paths"]["/v1/audits"]["post"]["requestBody"]["content"]
    assert {"application/json", NDJSON} <= set(body)
    assert "AuditOut" in spec["components"]["schemas"]
