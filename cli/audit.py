"""``misquote audit ARCHIVE.jsonl --out report.csv|.json``: an archive audit with a progress bar.

Through the queue when a broker is configured (``MISQUOTE_BROKER_URL`` set, e.g. ``redis://…``):
the audit is created in the store, its chunks are rung on the broker for ``misquote worker``
processes, and this command polls the store for progress -- the same path as ``POST /v1/audits``,
so the audit survives this command (and any worker) being killed. Otherwise it runs in-process
over ``--processes N`` forked processes that share one corpus index.

A malformed line is reported with its line number and makes the exit status 1, but never stops
the audit: every other line is still audited and reported.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from schemas.audits import (
    FINISHED,
    ArticleResult,
    LineProblem,
    read_jsonl,
    report_csv,
    report_rows,
    summarise_audit,
)
from workers.runtime import Runtime

#: How often the queue path reads progress from the store.
POLL_SECONDS = 0.5


class RateColumn(ProgressColumn):
    """Articles per second, over rich's moving window."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:6.1f}/s" if speed else "     …/s", style="cyan")


def _progress(console: Console) -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("failed {task.fields[failed]}"),
        RateColumn(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=console,
        transient=False,
    )


def _write_report(
    out: Path, *, audit_id: str | None, status: str, results: list[ArticleResult]
) -> dict[str, Any]:
    summary = summarise_audit(results)
    rows = list(report_rows(results))
    if out.suffix.lower() == ".csv":
        out.write_text(report_csv(rows), encoding="utf-8")
    else:
        done = sum(1 for _ in results)
        failed = sum(1 for r in results if r.summary is None)
        report = {
            "id": audit_id,
            "name": None,
            "status": status,
            "progress": {"total": done, "done": done, "failed": failed, "percent": 100.0},
            "summary": summary,
            "rows": rows,
        }
        out.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return summary


def _in_process(
    runtime: Runtime,
    articles: list[dict[str, Any]],
    *,
    newsroom_id: str | None,
    processes: int,
    console: Console,
) -> list[ArticleResult]:
    from workers.audits import audit_in_process

    console.print("loading the corpus index …", style="dim")
    with runtime.session() as session:
        index = runtime.index_for(session, newsroom_id)
    settings = runtime.settings
    with _progress(console) as bar:
        task = bar.add_task("auditing", total=len(articles), failed=0)
        failed = 0

        def advance(result: ArticleResult) -> None:
            nonlocal failed
            failed += result.summary is None
            bar.update(task, advance=1, failed=failed)

        return audit_in_process(
            articles,
            index,
            processes=processes,
            max_claims=settings.max_claims,
            max_body_chars=settings.max_body_chars,
            on_result=advance,
        )


def _through_queue(
    runtime: Runtime,
    articles: list[dict[str, Any]],
    *,
    newsroom_id: str | None,
    name: str,
    console: Console,
) -> tuple[str, str, list[ArticleResult]]:
    from store import audits as store
    from workers.app import make_celery
    from workers.audits import cancel, enqueue_chunks, results_of

    settings = runtime.settings
    with runtime.session() as session:
        audit = store.create_audit(
            session,
            newsroom_id=newsroom_id,
            articles=articles,
            chunk_size=settings.audit_chunk_size,
            name=name,
        )
        session.commit()
        audit_id = audit.id
        chunks = store.unsent_chunks(session, audit_id)
    try:
        enqueue_chunks(make_celery(settings), runtime, chunks)
    except Exception as exc:  # noqa: BLE001 - the reaper of a running worker sends them later
        console.print(f"warning: broker unreachable ({type(exc).__name__}); waiting for the reaper")
    console.print(f"audit {audit_id}: {len(articles)} article(s) queued for the workers")
    status = "queued"
    try:
        with _progress(console) as bar:
            task = bar.add_task("auditing", total=len(articles), failed=0)
            while True:
                with runtime.session() as session:
                    row = store.get_audit(session, audit_id)
                    assert row is not None
                    counts = store.progress(session, row)
                    status = row.state
                bar.update(task, completed=counts.done, failed=counts.failed)
                if status in FINISHED:
                    break
                time.sleep(POLL_SECONDS)
    except KeyboardInterrupt:
        cancel(runtime, audit_id)
        console.print(f"cancelled audit {audit_id}; the report holds what was done")
        status = "cancelled"
    return audit_id, status, results_of(runtime, audit_id)


def _report_problems(archive: Path, problems: list[LineProblem], console: Console) -> None:
    for p in problems:
        console.print(
            f"error: {archive}:{p.line}: {p.message}", style="red", highlight=False, soft_wrap=True
        )


@click.command("audit")
@click.argument("archive", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Report file: .csv or .json (one row per flagged claim).",
)
@click.option(
    "--processes",
    "-p",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    show_default="the number of CPUs",
    help="Processes for the in-process path.",
)
@click.option("--newsroom", default=None, help="Also check against this newsroom's documents.")
@click.option(
    "--in-process", "local", is_flag=True, help="Do not use the broker even if one is configured."
)
def audit(archive: Path, out: Path, processes: int, newsroom: str | None, local: bool) -> None:
    """Audit every article of ARCHIVE (JSONL: one {"id", "title", "body", ...} per line)."""
    from cli.main import _newsroom_id, _runtime

    if out.suffix.lower() not in {".csv", ".json"}:
        raise click.BadParameter("give a file name ending in .csv or .json", param_hint="--out")
    console = Console(stderr=True)
    with archive.open("rb") as fh:
        articles, problems = read_jsonl(fh)
    _report_problems(archive, problems, console)
    if not articles:
        raise click.ClickException(f"{archive} holds no valid article")
    runtime = _runtime()
    newsroom_id = _newsroom_id(runtime, newsroom)
    queued = bool(os.environ.get("MISQUOTE_BROKER_URL")) and not local
    started = time.monotonic()
    audit_id: str | None = None
    status = "succeeded"
    if queued:
        audit_id, status, results = _through_queue(
            runtime, articles, newsroom_id=newsroom_id, name=archive.name, console=console
        )
    else:
        results = _in_process(
            runtime, articles, newsroom_id=newsroom_id, processes=processes, console=console
        )
    elapsed = time.monotonic() - started
    summary = _write_report(out, audit_id=audit_id, status=status, results=results)
    flags = ", ".join(f"{v} {n}" for v, n in summary["by_verdict"].items() if n and v != "verified")
    console.print(
        f"{summary['articles']} article(s) in {elapsed:.1f} s "
        f"({summary['articles'] / elapsed if elapsed else 0:.1f}/s): {summary['claims']} claim(s), "
        f"{summary['flagged']} flagged ({flags or 'none'}); {summary['failed']} failed. "
        f"Report: {out}",
        highlight=False,
        soft_wrap=True,
    )
    if problems:
        _report_problems(archive, problems, console)  # again, after the progress output
        console.print(
            f"{len(problems)} malformed line(s) skipped; the other lines were audited.",
            style="red",
        )
        sys.exit(1)
    if status not in {"succeeded"}:
        sys.exit(1)
