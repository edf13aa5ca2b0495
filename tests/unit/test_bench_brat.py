"""The PolNeAR reader's default split and its message for a folder without articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.test_bench_quote_ceiling import load, write_article


def test_default_split_is_found_above_a_checkout_or_a_nested_worktree(tmp_path: Path) -> None:
    brat = load("brat")
    dev = tmp_path / "work/shared/data/polnear/dev"
    dev.mkdir(parents=True)
    assert brat.default_split(tmp_path / "work/main") == dev
    assert brat.default_split(tmp_path / "work/trees/topic") == dev
    # No data anywhere above: the documented place, for the message that it is missing.
    lone = tmp_path / "elsewhere/repo"
    assert brat.default_split(lone) == tmp_path / "elsewhere/shared/data/polnear/dev"


def test_a_folder_without_articles_stops_with_a_message(tmp_path: Path) -> None:
    brat = load("brat")
    with pytest.raises(SystemExit, match="no PolNeAR articles under"):
        brat.load_split(tmp_path)
    write_article(tmp_path, "own", "Ana Ruiz said “we are ready.”", "Ana Ruiz", "we are ready.")
    [article] = brat.load_split(tmp_path)
    assert article.name == "own"
