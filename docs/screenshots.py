"""Make the README's screenshots of the review page: ``.venv/bin/python docs/screenshots.py``.

Starts a real ``misquote serve`` on a fresh MISQUOTE_HOME, has its worker check the demo draft,
signs a checker in with Debian's Chromium and saves ``docs/review-queue.png`` and
``docs/review-draft.png``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent))

from tests.browser.harness import chromium, running_server, sign_in  # noqa: E402


def main() -> None:
    with (
        tempfile.TemporaryDirectory() as tmp,
        running_server(Path(tmp) / "home", Path(tmp) / "server.log") as server,
    ):
        room = server.newsroom("tribune")
        job = room.jobs[0]
        flagged = [c for c in job["claims"] if c["verdict"] != "verified"]
        with chromium() as browser:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            sign_in(page, server.base, room.checker)
            page.keyboard.press("j")
            page.locator(f"#note-{flagged[0]['id']}").fill("Salo said this, not Okonkwo.")
            page.keyboard.press("Escape")
            page.keyboard.press("c")
            page.locator(f"#claim-{flagged[0]['id']} .state-confirmed").wait_for()
            page.keyboard.press("j")
            page.screenshot(path=str(DOCS / "review-queue.png"), full_page=True)

            figure = next((c for c in flagged if c["kind"] == "figure"), flagged[0])
            page.goto(f"{server.base}/review/jobs/{job['id']}")
            page.locator(f'a.claim[data-claim-id="{figure["id"]}"]').click()
            page.screenshot(path=str(DOCS / "review-draft.png"), full_page=True)
            context.close()
    print(f"wrote {DOCS / 'review-queue.png'} and {DOCS / 'review-draft.png'}")


if __name__ == "__main__":
    main()
