"""The misquote command line, in-process on a fresh embedded home."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cli.main import main
from tests.conftest import DEMO


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    for var in ("MISQUOTE_DATABASE_URL", "MISQUOTE_BROKER_URL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("MISQUOTE_HOME", str(tmp_path / "home"))
    return CliRunner()


def test_keys_create_prints_the_key_last(runner: CliRunner) -> None:
    result = runner.invoke(main, ["keys", "create", "tribune"])
    assert result.exit_code == 0, result.output
    key = result.stdout.strip().splitlines()[-1]
    assert key.startswith("mq_") and len(key) > 30


def test_corpus_add_and_check_json(runner: CliRunner, tmp_path: Path) -> None:
    reference = json.loads((DEMO / "reference.json").read_text(encoding="utf-8"))
    archive = tmp_path / "refs.jsonl"
    archive.write_text(json.dumps(reference, ensure_ascii=False) + "\n", encoding="utf-8")
    added = runner.invoke(main, ["corpus", "add", str(archive)])
    assert added.exit_code == 0, added.output
    assert "added 1 document" in added.stderr

    result = runner.invoke(main, ["check", "--json", str(DEMO / "draft.txt")])
    assert result.exit_code == 0, result.output
    [job] = json.loads(result.stdout)
    assert job["name"] == "draft.txt" and job["status"] == "succeeded"
    body = (DEMO / "draft.txt").read_text(encoding="utf-8")
    verdicts: dict[str, Any] = {}
    for claim in job["claims"]:
        s, e = claim["span"]
        assert body[s:e] == claim["text"]
        verdicts[claim["text"][:20]] = claim["verdict"]
    assert "misattributed" in verdicts.values() and "altered_figure" in verdicts.values()
    assert job["summary"]["claims"] == len(job["claims"])


def test_corpus_add_reports_malformed_lines_and_keeps_the_rest(
    runner: CliRunner, tmp_path: Path
) -> None:
    archive = tmp_path / "refs.jsonl"
    good = {"id": "one", "title": "One", "text": "The mayor said “the bridge opens in May.”"}
    archive.write_text(
        json.dumps(good) + "\n{broken\n" + json.dumps({"id": "x", "title": "no text"}) + "\n",
        encoding="utf-8",
    )
    result = runner.invoke(main, ["corpus", "add", str(archive)])
    assert result.exit_code == 1
    assert f"{archive}:2: malformed line" in result.stderr
    assert f"{archive}:3:" in result.stderr and "text" in result.stderr
    assert "added 1 document" in result.stderr
    assert "Traceback" not in result.output


def test_check_missing_file_is_a_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["check", str(tmp_path / "nope.txt")])
    assert result.exit_code != 0
    assert "cannot read" in result.stderr and "Traceback" not in result.output


def test_claims_past_the_limit_are_counted_not_hidden(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MISQUOTE_MAX_CLAIMS", "3")
    draft = tmp_path / "long.txt"
    draft.write_text(
        "\n\n".join(f"“We will build bridge number {i},” said Mayor Ana Ruiz." for i in range(6)),
        encoding="utf-8",
    )
    result = runner.invoke(main, ["check", "--json", str(draft)])
    assert result.exit_code == 0, result.output
    [job] = json.loads(result.stdout)
    assert job["summary"]["claims"] == 3 and len(job["claims"]) == 3
    assert job["summary"]["unchecked"] >= 3
