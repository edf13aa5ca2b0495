"""The quote-precision experiment script runs end to end on a tiny split of our own text."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


def load(name: str):  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(BENCH))
    try:
        spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(BENCH))
        sys.modules.pop(name, None)
    return module


def write_attributions(
    split: Path, name: str, text: str, pairs: list[tuple[tuple[int, int], tuple[int, int]]]
) -> None:
    """One article with a brat Source/Content attribution for each (source, content) span."""
    (split / "text").mkdir(parents=True, exist_ok=True)
    (split / "attributions").mkdir(parents=True, exist_ok=True)
    (split / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
    lines = []
    for i, ((s, e), (c, d)) in enumerate(pairs):
        src, con = 2 * i + 1, 2 * i + 2
        lines.append(f"T{src}\tSource {s} {e}\t{text[s:e]}")
        lines.append(f"T{con}\tContent {c} {d}\t{text[c:d]}")
        lines.append(f"E{i + 1}\tAttribution:T{con} Source:T{src} Content:T{con}")
    ann = "\n".join(lines) + "\n"
    (split / "attributions" / f"{name}_ann1.ann").write_text(ann, encoding="utf-8")


def write_article(split: Path, name: str, text: str, source: str, content: str) -> None:
    s, c = text.index(source), text.index(content)
    write_attributions(split, name, text, [((s, s + len(source)), (c, c + len(content)))])


def test_features_read_the_words_around_the_marks() -> None:
    qc = load("quote_ceiling")
    text = "Mayor Ines Doro called the plan “a slow disaster,” she told the council."
    a = text.index("a slow")
    b = text.index(",”")
    feats = qc.features(text, a, b + 1, True)
    assert "cue_before_word=called" in feats
    assert "cue_after_word=told" in feats
    assert "mark=curly" in feats
    assert "word_before=plan|3" in feats


def test_script_prints_rules_and_filtered_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    qc = load("quote_ceiling")
    for i in range(4):
        text = (
            f"“We will rebuild the pier by spring number {i},” Ana Ruiz said.\n"
            f"The “Harbor Days” fair opened on the quay.\n"
        )
        write_article(tmp_path, f"art{i}", text, "Ana Ruiz", "We will rebuild the pier")
    assert qc.main([str(tmp_path), "--folds", "2"]) == 0
    out = capsys.readouterr().out
    assert "4 articles, 8 quote regions, 4 gold quotes" in out
    assert "rules              P=1.0000 R=1.0000 (4 kept)" in out
