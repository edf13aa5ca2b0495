"""The ``misquote`` command line: the outermost layer over service, workers and store."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click
from marshmallow import ValidationError

from cli.audit import audit as audit_command
from schemas import DocumentIn, JobOut
from store import repo
from store.config import Settings
from store.db import migrate
from workers.runtime import Runtime

DEMO = Path(__file__).resolve().parent / "demo"


def _newsroom_id(runtime: Runtime, name: str | None) -> str | None:
    """The id of an existing newsroom (None for the shared corpus only); a clear error if absent."""
    if not name:
        return None
    with runtime.session() as session:
        room = repo.find_newsroom(session, name)
        if room is None:
            raise click.ClickException(f"no newsroom named {name!r}")
        return room.id


def _runtime() -> Runtime:
    runtime = Runtime(Settings.from_env())
    try:
        migrate(runtime.engine)
    except Exception as exc:  # noqa: BLE001 - a clear message instead of a stack trace
        raise click.ClickException(f"cannot open the store: {type(exc).__name__}: {exc}") from None
    return runtime


@click.group()
@click.version_option(package_name="misquote")
def main() -> None:
    """misquote: catch misquotes and altered figures before a story is published."""


main.add_command(audit_command)  # misquote audit ARCHIVE.jsonl --out report.csv


# -- serve / worker -----------------------------------------------------------------------------


def _worker_argv(settings: Settings, concurrency: int, loglevel: str) -> list[str]:
    argv = [
        "worker",
        "-Q",
        settings.queue,
        "-c",
        str(concurrency),
        "--loglevel",
        loglevel,
        "-n",
        f"misquote-{os.getpid()}@%h",
    ]
    if settings.broker_is_embedded:
        # The SQLite transport has no broadcast: skip the cluster chatter that needs it.
        argv += ["--without-gossip", "--without-mingle", "--without-heartbeat"]
    return argv


@main.command()
@click.option("--concurrency", "-c", type=int, default=None, help="Worker processes.")
@click.option("--loglevel", default="INFO", show_default=True)
def worker(concurrency: int | None, loglevel: str) -> None:
    """Run a Celery worker on the configured broker."""
    from workers.app import make_celery
    from workers.logs import configure_json_logging

    configure_json_logging()
    runtime = _runtime()
    settings = runtime.settings
    app = make_celery(settings)
    app.worker_main(_worker_argv(settings, concurrency or settings.worker_concurrency, loglevel))


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8080, show_default=True, type=int)
@click.option("--no-worker", is_flag=True, help="Serve the API only.")
@click.option("--threads", default=8, show_default=True, type=int)
def serve(host: str, port: int, no_worker: bool, threads: int) -> None:
    """Run the HTTP API, plus one worker process unless --no-worker."""
    from waitress import serve as waitress_serve

    from service.app import create_app
    from workers.logs import configure_json_logging

    configure_json_logging()

    runtime = _runtime()
    settings = runtime.settings
    app = create_app(settings)
    child: subprocess.Popen[bytes] | None = None
    if not no_worker:
        child = subprocess.Popen(
            [sys.executable, "-m", "cli.main", "worker", "--loglevel", "WARNING"]
        )

    def _stop(signum: int, _frame: Any) -> None:
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, _stop)
    click.echo(
        f"misquote API on http://{host}:{port} "
        f"(store: {_redact(settings.database_url)}, broker: {_redact(settings.broker_url)}"
        f"{', with one worker' if child else ''})",
        err=True,
    )
    try:
        waitress_serve(app, host=host, port=port, threads=threads, _quiet=True)
    finally:
        if child is not None:
            child.terminate()
            try:
                child.wait(timeout=15)
            except subprocess.TimeoutExpired:
                child.kill()


def _redact(url: str) -> str:
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://…@{rest.split('@', 1)[1]}"
    return url


# -- keys ---------------------------------------------------------------------------------------


@main.group()
def keys() -> None:
    """API keys (one or more per newsroom)."""


@keys.command("create")
@click.argument("newsroom")
def keys_create(newsroom: str) -> None:
    """Make an API key for NEWSROOM; the key is printed as the last line."""
    if not newsroom.strip() or len(newsroom) > 200:
        raise click.BadParameter(
            "give a newsroom name of 1 to 200 characters", param_hint="NEWSROOM"
        )
    runtime = _runtime()
    with runtime.session() as session:
        key = repo.create_api_key(session, newsroom.strip())
        session.commit()
    click.echo(
        f"API key for newsroom {newsroom.strip()!r} (shown once; store it safely):", err=True
    )
    click.echo(key)


# -- checkers -----------------------------------------------------------------------------------


@main.group()
def checkers() -> None:
    """People who review flags in the web page (/review), one newsroom each."""


@checkers.command("create")
@click.argument("newsroom")
@click.argument("email")
@click.option(
    "--password",
    default=None,
    help="At least 8 characters (asked for, hidden, when not given).",
)
def checkers_create(newsroom: str, email: str, password: str | None) -> None:
    """Let EMAIL sign in to review NEWSROOM's flags."""
    from store import reviews

    newsroom = newsroom.strip()
    if not newsroom or len(newsroom) > 200:
        raise click.BadParameter(
            "give a newsroom name of 1 to 200 characters", param_hint="NEWSROOM"
        )
    email = reviews.normalise_email(email)
    local, _, domain = email.partition("@")
    if not local or not domain or len(email) > 320 or any(c.isspace() for c in email):
        raise click.BadParameter("give an email address like ana@example.org", param_hint="EMAIL")
    if password is None:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    if len(password) < 8:
        raise click.BadParameter("use at least 8 characters", param_hint="--password")
    runtime = _runtime()
    with runtime.session() as session:
        try:
            reviews.create_checker(session, newsroom, email, password)
        except reviews.CheckerExists:
            raise click.ClickException(f"a checker with the email {email} exists already") from None
        session.commit()
    click.echo(f"checker {email} can now sign in at /review to review {newsroom!r}'s flags")


@main.group()
def webhooks() -> None:
    """Job-ended callbacks (Standard Webhooks signatures)."""


@webhooks.command("secret")
@click.argument("newsroom")
def webhooks_secret(newsroom: str) -> None:
    """Print the secret NEWSROOM's receivers verify callback signatures with (last line)."""
    runtime = _runtime()
    with runtime.session() as session:
        room = repo.find_newsroom(session, newsroom)
        if room is None:
            raise click.ClickException(f"no newsroom named {newsroom!r}")
        click.echo(repo.webhook_secret(session, room.id))


# -- corpus -------------------------------------------------------------------------------------


@main.group()
def corpus() -> None:
    """The reference corpus in the configured store."""


def _documents_from(path: Path, *, kind: str, speaker: str | None) -> Iterator[dict[str, Any]]:
    """Yield raw document dicts; a malformed JSONL line raises ClickException with its number."""
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and child.suffix.lower() in {".txt", ".md", ".jsonl"}:
                yield from _documents_from(child, kind=kind, speaker=speaker)
        return
    if path.suffix.lower() == ".jsonl":
        with path.open(encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    item = json.loads(line)
                    if not isinstance(item, dict):
                        raise ValueError("not a JSON object")
                except ValueError as exc:
                    yield {"_error": f"{path}:{number}: malformed line ({exc})"}
                    continue
                item.setdefault("kind", kind)
                if speaker and not item.get("speaker"):
                    item["speaker"] = speaker
                item["_where"] = f"{path}:{number}"
                yield item
        return
    text = path.read_text(encoding="utf-8")
    first = next((line.strip().lstrip("# ") for line in text.splitlines() if line.strip()), "")
    yield {
        "id": path.stem,
        "title": first[:1000] or path.stem,
        "text": text,
        "kind": kind,
        "speaker": speaker,
        "_where": str(path),
    }


@corpus.command("add")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--kind",
    type=click.Choice(["article", "transcript", "statement"]),
    default="article",
    show_default=True,
)
@click.option("--speaker", default=None, help="Attribute the whole text to NAME (statements).")
@click.option("--newsroom", default=None, help="Private to this newsroom (default: shared).")
def corpus_add(
    paths: tuple[Path, ...], kind: str, speaker: str | None, newsroom: str | None
) -> None:
    """Add .txt/.md files, folders, or .jsonl files (one document per line)."""
    from service.corpus import ingest

    runtime = _runtime()
    added, problems = 0, []
    with runtime.session() as session:
        newsroom_id = repo.get_or_create_newsroom(session, newsroom).id if newsroom else None
        for path in paths:
            for raw in _documents_from(path, kind=kind, speaker=speaker):
                if "_error" in raw:
                    problems.append(raw["_error"])
                    continue
                where = raw.pop("_where")
                try:
                    data = DocumentIn().load(raw, unknown="exclude")
                except ValidationError as exc:
                    problems.append(f"{where}: {json.dumps(exc.normalized_messages())}")
                    continue
                if len(data["text"]) > runtime.settings.max_document_chars:
                    problems.append(f"{where}: text longer than the document limit")
                    continue
                ingest(session, newsroom_id, data)
                added += 1
        session.commit()
    click.echo(f"added {added} document(s)", err=True)
    if problems:
        for problem in problems:
            click.echo(f"error: {problem}", err=True)
        raise SystemExit(1)


@corpus.command("reindex")
def corpus_reindex() -> None:
    """Rebuild this host's corpus index (under MISQUOTE_HOME/index) from the database.

    Workers keep the index current by themselves; run this after a bulk load, or on a new worker
    host to build its index before the first check does.
    """
    from workers.live_index import reindex

    runtime = _runtime()
    started = time.perf_counter()
    with runtime.session() as session:
        path, passages = reindex(runtime.index_root, session, runtime.index_database_id)
    click.echo(
        f"indexed {passages} passage(s) in {time.perf_counter() - started:.1f}s: {path}", err=True
    )


# -- check --------------------------------------------------------------------------------------


def _check_one(runtime: Runtime, body: str, name: str, newsroom_id: str | None) -> dict[str, Any]:
    from workers.checks import check_body

    job_id = str(uuid.uuid4())
    created = datetime.now(UTC)
    claims, summary = check_body(runtime, body, newsroom_id=newsroom_id, job_id=job_id)
    result: dict[str, Any] = JobOut().dump(
        {
            "id": job_id,
            "status": "succeeded",
            "created_at": created,
            "finished_at": datetime.now(UTC),
            "error": None,
            "name": name,
            "title": None,
            "claims": claims,
            "summary": summary,
        }
    )
    return result


def _print_human(result: dict[str, Any]) -> None:
    click.echo(
        f"{result['name']}: {result['summary']['claims']} claim(s), "
        f"{result['summary']['flagged']} flagged"
    )
    for claim in result["claims"]:
        label = claim["verdict"].upper()
        colour = "green" if claim["verdict"] == "verified" else "red"
        who = f" — {claim['speaker']}" if claim.get("speaker") else ""
        text = claim["text"] if len(claim["text"]) < 90 else claim["text"][:87] + "…"
        click.echo(
            f"  {click.style(label, fg=colour):<24} [{claim['span'][0]}:{claim['span'][1]}] "
            f"{text!r}{who}"
        )
        click.echo(f"      {claim['explanation']}")


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of result objects.")
@click.option("--newsroom", default=None, help="Also check against this newsroom's documents.")
def check(files: tuple[Path, ...], as_json: bool, newsroom: str | None) -> None:
    """Check draft FILES in-process against the configured corpus."""
    bodies: list[tuple[str, str]] = []
    for path in files:
        try:
            bodies.append((path.name, path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as exc:
            raise click.ClickException(f"cannot read {path}: {exc}") from None
    runtime = _runtime()
    newsroom_id = _newsroom_id(runtime, newsroom)
    results = [_check_one(runtime, body, name, newsroom_id) for name, body in bodies]
    if as_json:
        click.echo(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        for result in results:
            _print_human(result)


# -- demo ---------------------------------------------------------------------------------------


@main.command()
@click.option("--port", default=0, type=int, help="Port for the demo API (default: a free one).")
def demo(port: int) -> None:
    """The whole path on the embedded default: corpus, API, worker, a draft, the verdicts."""
    import socket

    import requests

    from service.corpus import ingest

    runtime = _runtime()
    settings = runtime.settings
    reference = json.loads((DEMO / "reference.json").read_text(encoding="utf-8"))
    draft = json.loads((DEMO / "draft.json").read_text(encoding="utf-8"))
    with runtime.session() as session:
        ingest(session, None, DocumentIn().load(reference))
        key = repo.create_api_key(session, "demo")
        session.commit()
    if not port:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    click.echo(f"MISQUOTE_HOME={settings.home}", err=True)
    click.echo(f"starting the API and one worker on {base} …", err=True)
    server = subprocess.Popen(
        [sys.executable, "-m", "cli.main", "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        headers = {"Authorization": f"Bearer {key}"}
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(f"{base}/healthz", timeout=1).ok:
                    break
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise click.ClickException("the demo API did not start")
            time.sleep(0.2)
        click.echo(f"POST {base}/v1/drafts  ({draft['name']})", err=True)
        response = requests.post(f"{base}/v1/drafts", json=draft, headers=headers, timeout=10)
        if response.status_code != 202:
            raise click.ClickException(f"submit failed: {response.status_code} {response.text}")
        location = base + response.headers["Location"]
        started = time.monotonic()
        while True:
            result = requests.get(location, headers=headers, timeout=10).json()
            if result["status"] in {"succeeded", "failed"}:
                break
            if time.monotonic() - started > 60:
                raise click.ClickException("the job did not finish within 60 s")
            time.sleep(0.2)
        click.echo(
            f"GET {response.headers['Location']} -> {result['status']} "
            f"in {time.monotonic() - started:.1f} s",
            err=True,
        )
        if result["status"] != "succeeded":
            raise click.ClickException(f"the job failed: {result['error']}")
        _print_human(result)
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
