"""A real ``misquote serve`` (API + worker) with checked demo drafts, and Debian's Chromium.

Used by the browser tests and by ``docs/screenshots.py``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from tests.conftest import demo_json
from tests.integration.procs import Proc, create_key, env_for, free_port, poll_job, run, wait_http

CHROMIUM = os.environ.get("MISQUOTE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PASSWORD = "correct horse battery"


@dataclass
class Newsroom:
    name: str
    checker: str
    headers: dict[str, str]
    jobs: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Server:
    base: str
    env: dict[str, str]
    proc: Proc

    def newsroom(self, name: str, *, drafts: int = 1) -> Newsroom:
        """A newsroom with an API key, a checker, the demo reference, and checked demo drafts."""
        key = create_key(self.env, name)
        headers = {"Authorization": f"Bearer {key}"}
        email = f"checker@{name}.test"
        made = run(["checkers", "create", name, email, "--password", PASSWORD], self.env)
        assert made.returncode == 0, made.stderr + made.stdout
        room = Newsroom(name=name, checker=email, headers=headers)
        reference = demo_json("reference.json")
        added = requests.post(
            f"{self.base}/v1/corpus/documents", json=reference, headers=headers, timeout=30
        )
        assert added.status_code == 201, added.text
        for _ in range(drafts):
            room.jobs.append(self.check_draft(room))
        return room

    def check_draft(self, room: Newsroom, draft: dict[str, Any] | None = None) -> dict[str, Any]:
        draft = draft or demo_json("draft.json")
        submitted = requests.post(
            f"{self.base}/v1/drafts", json=draft, headers=room.headers, timeout=30
        )
        assert submitted.status_code == 202, submitted.text
        result = poll_job(self.base, submitted.headers["Location"], room.headers, timeout=90)
        assert result["status"] == "succeeded", result
        return dict(result)

    def output(self) -> str:
        return self.proc.output()


@contextmanager
def running_server(home: Path, log: Path) -> Iterator[Server]:
    port = free_port()
    env = env_for(home=home, queue=f"browser-{port}")
    proc = Proc(["serve", "--port", str(port)], env, log)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_http(f"{base}/healthz", proc)
        yield Server(base=base, env=env, proc=proc)
    finally:
        proc.stop()


@contextmanager
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def sign_in(page: Any, base: str, email: str, password: str = PASSWORD) -> None:
    page.goto(f"{base}/review")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/review")
