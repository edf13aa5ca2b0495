"""The speaker of every quote in a text: what most speaker tests compare."""

from __future__ import annotations

from checking.quotes import extract_quotes
from checking.speakers import attribute


def speakers(text: str) -> list[str | None]:
    """The resolved speaker of each quote ``extract_quotes`` finds in ``text``, in order."""
    return [q.speaker for q in attribute(text, extract_quotes(text))]
