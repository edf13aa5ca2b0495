"""The pronoun bench: its sample file's rows and what it counts as a pronoun resolved."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_bench_quote_ceiling import load


def test_the_sample_file_holds_offsets_only() -> None:
    pronouns = load("pronouns")
    a, b = pronouns.read_sample(sample="a"), pronouns.read_sample(sample="b")
    assert (len(a), len(b)) == (153, 93)
    assert not {(n, p) for n, p, _, _ in a} & {(n, p) for n, p, _, _ in b}
    for name, pron, ra, rb in a + b:
        assert name and pron >= 0 and 0 <= ra < rb


def test_a_pronoun_counts_when_its_quote_names_the_referent(tmp_path: Path) -> None:
    pronouns = load("pronouns")
    text = (
        "Tom Vale, the dockers' leader, spoke at the harbour on Monday.\n\n"
        "“It is a disgrace,” he said.\n\n"
        "Ana Ruiz was not there. The weather was poor."
    )
    (tmp_path / "text").mkdir()
    (tmp_path / "text/a.txt").write_text(text, encoding="utf-8")
    he = text.index("he said")
    vale = text.index("Tom Vale")
    ruiz = text.index("Ana Ruiz")
    weather = text.index("weather")
    rows = [
        ("a", he, vale, vale + len("Tom Vale")),  # right
        ("a", he, ruiz, ruiz + len("Ana Ruiz")),  # the same he, labelled as someone else
        ("a", weather, vale, vale + len("Tom Vale")),  # no quote takes this word
    ]
    assert pronouns.evaluate(tmp_path, rows) == {"labelled": 3, "found": 2, "right": 1}
