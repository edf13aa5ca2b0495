"""Reader for PolNeAR brat standoff annotations and the gold quotes derived from them.

PolNeAR annotates attributions (Source, Cue, Content), not quotes, so the gold quotes are the quoted
strings (text between quote marks) that lie inside gold Content spans, each with the Source of its
attribution. The quoted strings are found by a deliberately plain mark pairing, independent of
``checking.quotes``: double marks toggle within a paragraph (a quote left open runs to the
paragraph end, a “ in closing position closes it, as in “typed like this“, and a ” in opening
position opens one, as in ”typed like this”), single marks count only outside double quotes and
at word boundaries (either single mark closes, as in ‘typed like this‘). The data is read at
run time from a split directory (``text/NAME.txt``, ``attributions/NAME_ANN.ann``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

Span = tuple[int, int]


def default_split(repo: Path) -> Path:
    """``shared/data/polnear/dev`` in the nearest folder above ``repo`` that has one: the
    checkout's sibling ``../shared``, or further up for a git worktree kept elsewhere."""
    for base in repo.parents:
        found = base / "shared/data/polnear/dev"
        if found.is_dir():
            return found
    return repo.parent / "shared/data/polnear/dev"


#: The default split: ``<repo>/../shared/data/polnear/dev`` (or the nearest such folder above).
DEFAULT_SPLIT = default_split(Path(__file__).resolve().parents[1])


@dataclass(frozen=True, slots=True)
class Attribution:
    id: str
    source: tuple[Span, ...]
    cue: tuple[Span, ...]
    content: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class GoldQuote:
    span: Span
    source: tuple[Span, ...]
    attribution: str


@dataclass(slots=True)
class Article:
    name: str
    text: str
    attributions: list[Attribution] = field(default_factory=list)
    gold: list[GoldQuote] = field(default_factory=list)


def _spans(locs: str) -> tuple[Span, ...]:
    out: list[Span] = []
    for frag in locs.split(";"):
        a, b = frag.split()
        out.append((int(a), int(b)))
    return tuple(out)


#: The role of a later part of a split Content ("Content2").
_MORE_CONTENT = re.compile(r"Content\d+")


def read_ann(path: Path) -> list[Attribution]:
    """Attributions of one brat file; Source is empty for ``Attribution-no-source`` events."""
    entities: dict[str, tuple[str, tuple[Span, ...]]] = {}
    events: list[tuple[str, dict[str, str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            typ, _, locs = parts[1].partition(" ")
            try:
                entities[parts[0]] = (typ, _spans(locs))
            except ValueError:
                continue
        elif parts[0].startswith("E"):
            roles: dict[str, str] = {}
            for arg in parts[1].split():
                role, _, ref = arg.partition(":")
                roles[role] = ref
            events.append((parts[0], roles))
    out: list[Attribution] = []
    for eid, roles in events:

        def get(role: str, roles: dict[str, str] = roles) -> tuple[Span, ...]:
            ref = roles.get(role)
            return entities[ref][1] if ref in entities else ()

        if "Content" not in roles:
            continue
        # A quote the writer split around its cue ("“…,” he said. “…”") is one attribution
        # with its later parts as Content2, Content3 …; each part is gold Content.
        parts = sorted(
            (r for r in roles if r == "Content" or _MORE_CONTENT.fullmatch(r)),
            key=lambda r: int(r[len("Content") :] or 1),
        )
        content = tuple(span for role in parts for span in get(role))
        out.append(Attribution(eid, get("Source"), get("Cue"), content))
    return out


_DOUBLE = '“”"„«»'
_SINGLE = "‘’'"


def _in_closing_position(para: str, i: int) -> bool:
    """A “ typed where the closing mark belongs (after a word or stop, before a space, stop or the
    paragraph end) closes the open quote: “like this“ is a quoted string, not two openings. So
    does one that ends its paragraph, with nothing left to open: “like this. “"""
    left, right = _around(para, i)
    return (not left.isspace() and not right.isalnum()) or not para[i + 1 :].strip()


def _in_opening_position(para: str, i: int) -> bool:
    """A ” typed where the opening mark belongs (after a space or the paragraph start, before a
    word) opens a quote when none is open: ”like this” is a quoted string."""
    left, right = _around(para, i)
    return left.isspace() and right.isalnum()


def _around(para: str, i: int) -> tuple[str, str]:
    """The characters either side of ``para[i]``, a space past either end of the paragraph."""
    return (para[i - 1] if i > 0 else " ", para[i + 1] if i + 1 < len(para) else " ")


def plain_quote_regions(text: str) -> list[Span]:
    """Quoted strings by plain mark pairing (see the module docstring), without the marks."""
    regions: list[Span] = []
    for pm in re.finditer(r"[^\n]+", text):
        pa, pb = pm.span()
        para = pm.group()
        dbl: list[Span] = []
        start = -1
        for m in re.finditer("''|``|[" + _DOUBLE + "]", para):
            p = pa + m.start()
            ch = m.group()
            if start < 0:
                if ch in ("“", "„", "«", '"', "''", "``") or (
                    ch == "”" and _in_opening_position(para, m.start())
                ):
                    start = p + len(ch)
            elif ch in ("”", "»", '"', "''") or (
                ch == "“" and _in_closing_position(para, m.start())
            ):
                dbl.append((start, p))
                start = -1
            elif ch in ("“", "„", "«", "``"):
                start = p + len(ch)
        if start >= 0:
            dbl.append((start, pb))
        regions.extend(dbl)
        start = -1
        for m in re.finditer("[" + _SINGLE + "]", para):
            p = pa + m.start()
            if any(a - 2 <= p <= b + 1 for a, b in dbl):
                continue
            left, right = _around(para, m.start())
            if start < 0:
                if m.group() in "‘'" and not left.isalnum() and right.isalnum():
                    start = p + 1
            elif not left.isspace() and not right.isalnum():
                regions.append((start, p))
                start = -1
    return sorted(regions)


def _intersect(a: Span, b: Span) -> Span | None:
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    return (lo, hi) if lo < hi else None


def gold_quotes(text: str, attributions: list[Attribution]) -> list[GoldQuote]:
    """Quoted strings intersected with each attribution's Content fragments."""
    regions = plain_quote_regions(text)
    out: list[GoldQuote] = []
    for att in attributions:
        for frag in att.content:
            for reg in regions:
                piece = _intersect(frag, reg)
                if piece is None:
                    continue
                a, b = piece
                while a < b and not text[a].isalnum():
                    a += 1
                while b > a and not text[b - 1].isalnum():
                    b -= 1
                if a < b:
                    out.append(GoldQuote((a, b), att.source, att.id))
    out.sort(key=lambda g: g.span)
    return out


def read_split(split: Path) -> Iterator[Article]:
    """Articles of a split, one annotator each (the first by name where several annotated)."""
    by_name: dict[str, Path] = {}
    for ann in sorted((split / "attributions").glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        by_name.setdefault(name, ann)
    for name, ann in sorted(by_name.items()):
        txt = split / "text" / f"{name}.txt"
        if not txt.exists():
            continue
        text = txt.read_text(encoding="utf-8")
        atts = read_ann(ann)
        yield Article(name, text, atts, gold_quotes(text, atts))


def load_split(split: Path) -> list[Article]:
    """All articles of a split; a folder without any stops the script with a message instead of
    scoring zero articles."""
    articles = list(read_split(split))
    if not articles:
        raise SystemExit(
            f"no PolNeAR articles under {split} (expected attributions/*.ann and text/*.txt)"
        )
    return articles
