"""``misquote audit`` on the in-process path (no broker configured)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli.main import main
from tests.audit_data import articles, jsonl
from tests.conftest import DEMO


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    for var in ("MISQUOTE_DATABASE_URL", "MISQUOTE_BROKER_URL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("MISQUOTE_HOME", str(tmp_path / "home"))
    runner = CliRunner()
    reference = json.loads((DEMO / "reference.json").read_text(encoding="utf-8"))
    refs = tmp_path / "refs.jsonl"
    refs.write_text(json.dumps(reference, ensure_ascii=False) + "\n", encoding="utf-8")
    assert runner.invoke(main, ["corpus", "add", str(refs)]).exit_code == 0
    return runner


@pytest.mark.parametrize("processes", [1, 2])
def test_audit_writes_a_csv_report(runner: CliRunner, tmp_path: Path, processes: int) -> None:
    archive = tmp_path / "archive.jsonl"
    archive.write_text(jsonl(articles(40)), encoding="utf-8")
    out = tmp_path / "report.csv"
    result = runner.invoke(
        main, ["audit", str(archive), "--out", str(out), "--processes", str(processes)]
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["article_id"] for r in rows] == [a["id"] for a in articles(40)]
    assert {r["verdict"] for r in rows} == {"misattributed", "unverified"}
    assert "40 article(s)" in result.stderr and "40 flagged" in result.stderr


def test_malformed_lines_are_named_and_the_rest_audited(runner: CliRunner, tmp_path: Path) -> None:
    archive = tmp_path / "archive.jsonl"
    lines = jsonl(articles(3)) + "{broken\n" + jsonl(articles(6)[3:])
    archive.write_text(lines, encoding="utf-8")
    out = tmp_path / "report.json"
    result = runner.invoke(main, ["audit", str(archive), "--out", str(out)])
    assert result.exit_code == 1
    assert f"{archive}:4:" in result.stderr and "not valid JSON" in result.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    assert [r["article_id"] for r in report["rows"]] == [a["id"] for a in articles(6)]
    assert report["summary"]["articles"] == 6
    assert report["summary"]["by_verdict"]["verified"] == 6


def test_out_must_be_csv_or_json(runner: CliRunner, tmp_path: Path) -> None:
    archive = tmp_path / "archive.jsonl"
    archive.write_text(jsonl(articles(1)), encoding="utf-8")
    result = runner.invoke(main, ["audit", str(archive), "--out", str(tmp_path / "r.txt")])
    assert result.exit_code == 2 and ".csv or .json" in result.output
