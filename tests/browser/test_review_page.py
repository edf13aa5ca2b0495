"""The review page in a real browser, against a real server whose worker checked the demo draft."""

from __future__ import annotations

import re
from typing import Any

import pytest
import requests

from tests.browser.harness import Newsroom, Server, run, sign_in

try:
    from playwright.sync_api import expect
except ImportError:  # the ``browser`` fixture skips (or fails in CI) with the reason
    expect = None

pytestmark = pytest.mark.browser


def _script_error(page: Any, msg: Any) -> None:
    # A 4xx answer is logged as "Failed to load resource"; some are expected (404, 412).
    if msg.type == "error" and not msg.text.startswith("Failed to load resource"):
        page.errors.append(msg.text)


def new_page(context: Any) -> Any:
    """A page that records script errors, so each test can assert the page's JS never broke."""
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.on("console", lambda msg: _script_error(page, msg))
    return page


def flags(job: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for c in job["claims"] if c["verdict"] != "verified"]


def flag(page: Any, claim_id: str) -> Any:
    return page.locator(f'article.flag[data-claim-id="{claim_id}"]')


def api_claim(server: Server, room: Newsroom, job_id: str, claim_id: str) -> requests.Response:
    url = f"{server.base}/v1/jobs/{job_id}/claims/{claim_id}"
    return requests.get(url, headers=room.headers, timeout=10)


def test_sign_in_and_newsroom_isolation(server: Server, context: Any) -> None:
    tribune = server.newsroom("tribune")
    courier = server.newsroom("courier")
    page = new_page(context)
    page.goto(f"{server.base}/review")
    assert "/review/signin" in page.url
    page.get_by_label("Email").fill(tribune.checker)
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("do not match")

    sign_in(page, server.base, tribune.checker)
    job = tribune.jobs[0]
    expect(page.locator("article.flag")).to_have_count(len(flags(job)))
    for claim in flags(job):
        expect(flag(page, claim["id"])).to_contain_text(claim["explanation"][:40])

    other = new_page(context.browser.new_context())
    sign_in(other, server.base, courier.checker)
    for claim in flags(job):
        expect(flag(other, claim["id"])).to_have_count(0)
    response = other.goto(f"{server.base}/review/jobs/{job['id']}")
    assert response is not None and response.status == 404
    expect(other.locator("main")).to_contain_text("no such draft in your newsroom")
    other.context.close()
    assert not page.errors


def test_confirm_and_dismiss_by_keyboard_persist(server: Server, context: Any) -> None:
    room = server.newsroom("keys")
    job = room.jobs[0]
    first, second, *_ = flags(job)
    page = new_page(context)
    sign_in(page, server.base, room.checker)

    page.keyboard.press("j")
    expect(flag(page, first["id"])).to_have_class(re.compile(r"\bcurrent\b"))
    expect(flag(page, first["id"])).to_be_focused()
    outline = flag(page, first["id"]).evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none"  # the selected flag is visibly marked
    note = page.locator(f"#note-{first['id']}")
    note.focus()
    page.keyboard.type("Salo said it, per the wire copy")
    page.keyboard.press("Escape")
    expect(flag(page, first["id"])).to_be_focused()
    page.keyboard.press("c")
    status = flag(page, first["id"]).locator(".review-status")
    expect(status).to_contain_text("Confirmed")
    expect(status).to_contain_text(room.checker)

    page.keyboard.press("j")
    expect(flag(page, second["id"])).to_have_class(re.compile(r"\bcurrent\b"))
    page.keyboard.press("d")
    expect(flag(page, second["id"]).locator(".review-status")).to_contain_text("Dismissed")
    page.keyboard.press("k")
    expect(flag(page, first["id"])).to_have_class(re.compile(r"\bcurrent\b"))
    expect(page.locator('[data-count="confirmed"]')).to_have_text("1")
    expect(page.locator('[data-count="dismissed"]')).to_have_text("1")

    page.reload()
    expect(flag(page, first["id"]).locator(".review-status")).to_contain_text("Confirmed")
    expect(flag(page, first["id"]).locator(".review-status")).to_contain_text(
        "Salo said it, per the wire copy"
    )
    expect(flag(page, second["id"]).locator(".review-status")).to_contain_text("Dismissed")

    page.get_by_label("Review state").select_option("confirmed")
    page.get_by_role("button", name="Show").click()
    expect(page.locator("article.flag")).to_have_count(1)
    expect(flag(page, first["id"])).to_have_count(1)

    claims = {
        c["id"]: c
        for c in requests.get(
            f"{server.base}/v1/jobs/{job['id']}", headers=room.headers, timeout=10
        ).json()["claims"]
    }
    assert claims[first["id"]]["review"]["decision"] == "confirmed"
    assert claims[first["id"]]["review"]["reviewer"] == room.checker
    assert claims[first["id"]]["review"]["note"] == "Salo said it, per the wire copy"
    assert claims[second["id"]]["review"]["decision"] == "dismissed"
    assert not page.errors


def test_a_stale_decision_says_someone_else_decided_first(server: Server, context: Any) -> None:
    room = server.newsroom("race")
    job = room.jobs[0]
    first, second, *_ = flags(job)
    made = run(
        ["checkers", "create", "race", "second@race.test", "--password", "another password"],
        server.env,
    )
    assert made.returncode == 0, made.stderr
    page = new_page(context)
    sign_in(page, server.base, room.checker)
    expect(flag(page, first["id"])).to_be_visible()

    # Someone decides the first flag through the API while the page is open.
    etag = api_claim(server, room, job["id"], first["id"]).headers["ETag"]
    decided = requests.post(
        f"{server.base}/v1/jobs/{job['id']}/claims/{first['id']}/review",
        json={"decision": "dismissed", "note": "fine as paraphrase"},
        headers={**room.headers, "If-Match": etag},
        timeout=10,
    )
    assert decided.status_code == 200, decided.text

    card = flag(page, first["id"])
    card.get_by_role("button", name="Confirm flag").click()
    conflict = card.locator(".conflict")
    expect(conflict).to_be_visible()
    expect(conflict).to_contain_text("Someone else decided first")
    expect(conflict).to_contain_text("api:mq_")
    expect(card.locator(".review-status")).to_contain_text("Dismissed")
    expect(card.locator(".review-status")).to_contain_text("fine as paraphrase")
    # Having seen it, the checker can still overrule it deliberately.
    card.get_by_role("button", name="Confirm flag").click()
    expect(card.locator(".review-status")).to_contain_text("Confirmed")
    expect(conflict).to_be_hidden()

    # A second checker in another browser decides the second flag first.
    other = new_page(context.browser.new_context())
    sign_in(other, server.base, "second@race.test", "another password")
    other.goto(f"{server.base}/review/jobs/{job['id']}#claim-{second['id']}")
    other_card = other.locator(f'.evidence-panel article[data-claim-id="{second["id"]}"]')
    expect(other_card).to_be_visible()
    other_card.get_by_role("button", name="Dismiss flag").click()
    expect(other_card.locator(".review-status")).to_contain_text("Dismissed")
    other.context.close()

    flag(page, second["id"]).click(position={"x": 5, "y": 5})
    page.keyboard.press("c")
    conflict = flag(page, second["id"]).locator(".conflict")
    expect(conflict).to_contain_text("Someone else decided first: second@race.test")
    final = api_claim(server, room, job["id"], second["id"]).json()
    assert final["review"]["reviewer"] == "second@race.test"
    assert final["review"]["decision"] == "dismissed"
    assert not page.errors


def test_the_draft_view_labels_claims_and_opens_their_evidence(
    server: Server, context: Any
) -> None:
    room = server.newsroom("views")
    job = room.jobs[0]
    page = new_page(context)
    sign_in(page, server.base, room.checker)
    page.goto(f"{server.base}/review/jobs/{job['id']}")
    links = page.locator("a.claim")
    expect(links).to_have_count(len(job["claims"]))
    labels = {
        "verified": "Verified",
        "misattributed": "Misattributed",
        "altered_figure": "Altered figure",
        "unverified": "Unverified",
        "altered_quote": "Altered quote",
    }
    for claim in job["claims"]:
        link = page.locator(f'a.claim[data-claim-id="{claim["id"]}"]')
        expect(link.locator(".tag")).to_contain_text(labels[claim["verdict"]])
    expect(page.locator(".evidence-panel article.card:visible")).to_have_count(0)

    figure = next(c for c in job["claims"] if c["verdict"] == "altered_figure")
    page.locator(f'a.claim[data-claim-id="{figure["id"]}"]').click()
    card = page.locator(f'.evidence-panel article[data-claim-id="{figure["id"]}"]')
    expect(card).to_be_visible()
    expect(page.locator(".evidence-panel article.card:visible")).to_have_count(1)
    source_number = next(op["source"] for op in figure["diff"] if op["op"] == "replace")
    draft_number = next(op["draft"] for op in figure["diff"] if op["op"] == "replace")
    expect(card.locator(".side-source mark.chg")).to_contain_text(source_number)
    expect(card.locator(".side-draft mark.chg")).to_contain_text(draft_number)

    page.keyboard.press("j")  # the next claim after the selected one
    after = job["claims"][job["claims"].index(figure) + 1]
    expect(page.locator(f'.evidence-panel article[data-claim-id="{after["id"]}"]')).to_be_visible()
    expect(card).to_be_hidden()

    page.keyboard.press("k")
    card.get_by_role("link", name=figure["evidence"][0]["title"]).click()
    expect(page.locator("mark#evidence")).to_contain_text(source_number)
    assert not page.errors


@pytest.mark.parametrize(
    ("newsroom", "path"), [("narrow-queue", "/review"), ("narrow-draft", "/review/jobs/{job}")]
)
def test_usable_at_390_px(server: Server, browser: Any, newsroom: str, path: str) -> None:
    room = server.newsroom(newsroom)
    job = room.jobs[0]
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        page = new_page(ctx)
        sign_in(page, server.base, room.checker)
        page.goto(server.base + path.format(job=job["id"]))
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        first = flags(job)[0]
        if "jobs" in path:
            page.locator(f'a.claim[data-claim-id="{first["id"]}"]').click()
        card = page.locator(f'article[data-claim-id="{first["id"]}"]')
        button = card.get_by_role("button", name="Dismiss flag")
        button.scroll_into_view_if_needed()
        expect(button).to_be_visible()
        box = button.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
        assert box["height"] >= 40  # a comfortable touch target
        button.click()
        expect(card.locator(".review-status")).to_contain_text("Dismissed")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        assert not page.errors
    finally:
        ctx.close()
