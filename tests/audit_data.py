"""Articles for audit tests, checked against the demo reference (cli/demo/reference.json).

Every article has exactly one flagged claim -- an invented quote (``unverified``), or in every
fifth article a quote given to the wrong person (``misattributed``) -- plus one verified quote,
so a report must hold exactly one row per article.
"""

from __future__ import annotations

import json
from typing import Any

VERIFIED = "‘The port cannot afford another week like this one,’ Port director Henrik Salo said."
MISATTRIBUTED = (
    "“Every crane on this waterfront will be inspected by engineers who do not work for us,” "
    "union leader Marta Okonkwo said."
)


def invented(i: int) -> str:
    words = ["harbour", "ledger", "compass", "lantern", "anchor", "beacon", "rudder", "tide"]
    a, b, c = words[i % 8], words[(i // 8) % 8], words[(i // 64) % 8]
    return f"“We will never trade the {a} for the {b} or the {c} again,” Okonkwo told a rally."


def article(i: int) -> dict[str, Any]:
    flagged = MISATTRIBUTED if i % 5 == 0 else invented(i)
    return {
        "id": f"a{i:04d}",
        "title": f"Alder story {i}",
        "body": f"Alder dockworkers went back to the quays.\n\n{VERIFIED}\n\n{flagged}\n",
        "section": "port",
    }


def articles(n: int) -> list[dict[str, Any]]:
    return [article(i) for i in range(n)]


def jsonl(items: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in items)
