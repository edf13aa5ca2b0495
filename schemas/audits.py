"""Audits: an archive in, progress and a report of every flagged claim out.

Besides the marshmallow schemas, this module shapes what an audit produces -- the compact record of
a flagged claim, the report row, the audit summary and the CSV -- as plain functions over plain
data, so the API, the Celery task and the in-process command line produce the very same report.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from marshmallow import INCLUDE, Schema, ValidationError, fields, post_load, pre_load, validate

from schemas.jobs import VERDICTS
from schemas.text import Text

AUDIT_STATES = ["queued", "running", "succeeded", "failed", "cancelled"]
FINISHED = frozenset({"succeeded", "failed", "cancelled"})
#: Media types accepted for a JSONL upload (one article per line).
JSONL_TYPES = frozenset(
    {
        "application/x-ndjson",
        "application/jsonl",
        "application/x-jsonlines",
        "application/jsonlines",
    }
)
#: How many speakers and articles the summary lists.
TOP_N = 10


class ArticleIn(Schema):
    """One article of an archive. Keys other than these are kept as its metadata."""

    class Meta:
        unknown = INCLUDE

    id = Text(required=True, validate=validate.Length(min=1, max=200))
    title = Text(load_default=None, allow_none=True, validate=validate.Length(max=1000))
    body = Text(required=True, validate=validate.Length(min=1))
    metadata = fields.Dict(keys=fields.String(), load_default=None, allow_none=True)

    @pre_load
    def _numeric_ids(self, data: Any, **_: Any) -> Any:
        """Archives often number their articles; ``7`` and ``"7"`` are the same article."""
        if isinstance(data, dict) and isinstance(data.get("id"), int | float):
            data = {**data, "id": str(data["id"])}
        return data

    @post_load
    def _fold_metadata(self, data: dict[str, Any], **_: Any) -> dict[str, Any]:
        known = {"id", "title", "body", "metadata"}
        extra = {k: v for k, v in data.items() if k not in known}
        meta = dict(data.get("metadata") or {})
        meta.update(extra)
        return {
            "id": data["id"],
            "title": data.get("title"),
            "body": data["body"],
            "metadata": meta or None,
        }


class AuditIn(Schema):
    """``POST /v1/audits`` as JSON (a bare JSON list of articles is accepted too)."""

    name = Text(load_default=None, allow_none=True, validate=validate.Length(max=500))
    articles = fields.List(fields.Nested(ArticleIn), required=True, validate=validate.Length(min=1))


class AuditAccepted(Schema):
    id = fields.String(required=True)
    status = fields.String(required=True, validate=validate.OneOf(AUDIT_STATES))
    location = fields.String(required=True)
    total = fields.Integer(required=True)


class AuditProgress(Schema):
    total = fields.Integer(required=True)
    #: Articles with a result, including the failed ones.
    done = fields.Integer(required=True)
    failed = fields.Integer(required=True)
    percent = fields.Float(required=True)


class SpeakerCount(Schema):
    speaker = fields.String(required=True)
    flagged = fields.Integer(required=True)


class ArticleCount(Schema):
    article_id = fields.String(required=True)
    title = fields.String(allow_none=True)
    flagged = fields.Integer(required=True)


class AuditSummary(Schema):
    articles = fields.Integer(required=True)
    articles_flagged = fields.Integer(required=True)
    failed = fields.Integer(required=True)
    claims = fields.Integer(required=True)
    flagged = fields.Integer(required=True)
    by_verdict = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True)
    flags_by_verdict = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True)
    top_speakers = fields.List(fields.Nested(SpeakerCount), required=True)
    top_articles = fields.List(fields.Nested(ArticleCount), required=True)


class AuditLinks(Schema):
    csv = fields.String(required=True)
    json = fields.String(required=True)


class AuditOut(Schema):
    id = fields.String(required=True)
    name = fields.String(allow_none=True)
    status = fields.String(required=True, validate=validate.OneOf(AUDIT_STATES))
    created_at = fields.DateTime(required=True)
    started_at = fields.DateTime(allow_none=True)
    finished_at = fields.DateTime(allow_none=True)
    error = fields.String(allow_none=True)
    progress = fields.Nested(AuditProgress, required=True)
    #: Null until the audit has ended (a cancelled audit summarises what was done).
    summary = fields.Nested(AuditSummary, allow_none=True)
    report = fields.Nested(AuditLinks, required=True)


class ReportRow(Schema):
    """One flagged claim of one article: the report's unit (a CSV row, a JSON object)."""

    article_id = fields.String(required=True)
    article_title = fields.String(allow_none=True)
    claim_id = fields.String(required=True)
    kind = fields.String(required=True, validate=validate.OneOf(["quote", "figure"]))
    verdict = fields.String(required=True, validate=validate.OneOf(VERDICTS))
    flags = fields.List(fields.String(), required=True)
    draft_text = fields.String(required=True)
    span = fields.List(fields.Integer(), required=True)
    speaker = fields.String(allow_none=True)
    source_document = fields.String(allow_none=True)
    source_title = fields.String(allow_none=True)
    source_text = fields.String(allow_none=True)
    source_speaker = fields.String(allow_none=True)
    score = fields.Float(required=True)
    explanation = fields.String(required=True)


class AuditReport(Schema):
    id = fields.String(allow_none=True)
    name = fields.String(allow_none=True)
    status = fields.String(required=True, validate=validate.OneOf(AUDIT_STATES))
    progress = fields.Nested(AuditProgress, required=True)
    summary = fields.Nested(AuditSummary, allow_none=True)
    rows = fields.List(fields.Nested(ReportRow), required=True)


class AuditChunkPayload(Schema):
    """What an audit chunk task receives: the chunk's ID, never the articles."""

    chunk_id = fields.UUID(required=True)


# -- what one article's check keeps ---------------------------------------------------------------


def flagged_claims(claims: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The flagged claims of one checked article, in the report's shape minus the article.

    Verified claims are only counted (in the article's summary): an archive of thousands of
    articles would otherwise store every verified quote's evidence for nothing.
    """
    out = []
    for c in claims:
        if c["verdict"] == "verified":
            continue
        source = c["evidence"][0] if c.get("evidence") else {}
        out.append(
            {
                "claim_id": c["id"],
                "kind": c["kind"],
                "verdict": c["verdict"],
                "flags": list(c.get("flags") or []),
                "draft_text": c["text"],
                "span": list(c["span"]),
                "speaker": c.get("speaker"),
                "source_document": source.get("document_id"),
                "source_title": source.get("title"),
                "source_text": source.get("text"),
                "source_speaker": source.get("speaker"),
                "score": c["score"],
                "explanation": c.get("explanation") or "",
            }
        )
    return out


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """One article's outcome, whichever path (task or in-process) produced it."""

    article_id: str
    title: str | None
    #: ``None`` when the article could not be checked (``error`` says why).
    summary: Mapping[str, Any] | None
    flagged: Sequence[Mapping[str, Any]]
    error: str | None = None


def report_rows(results: Iterable[ArticleResult]) -> Iterator[dict[str, Any]]:
    """One row per flagged claim, articles in the order given."""
    for r in results:
        for claim in r.flagged:
            yield {"article_id": r.article_id, "article_title": r.title, **claim}


def summarise_audit(results: Iterable[ArticleResult]) -> dict[str, Any]:
    """Claims and flags by verdict, and the most-flagged speakers and articles."""
    by_verdict: Counter[str] = Counter({v: 0 for v in VERDICTS})
    flags: Counter[str] = Counter({v: 0 for v in VERDICTS if v != "verified"})
    speakers: Counter[str] = Counter()
    articles: list[tuple[int, int, str, str | None]] = []
    n = failed = flagged_articles = 0
    for position, r in enumerate(results):
        n += 1
        if r.summary is None:
            failed += 1
            continue
        for verdict, count in (r.summary.get("by_verdict") or {}).items():
            by_verdict[verdict] += int(count)
        for claim in r.flagged:
            for flag in claim.get("flags") or [claim["verdict"]]:
                flags[flag] += 1
            if claim.get("speaker"):
                speakers[claim["speaker"]] += 1
        if r.flagged:
            flagged_articles += 1
            articles.append((-len(r.flagged), position, r.article_id, r.title))
    articles.sort()
    return {
        "articles": n,
        "articles_flagged": flagged_articles,
        "failed": failed,
        "claims": sum(by_verdict.values()),
        "flagged": sum(c for v, c in by_verdict.items() if v != "verified"),
        "by_verdict": dict(by_verdict),
        "flags_by_verdict": dict(flags),
        "top_speakers": [
            {"speaker": s, "flagged": c}
            for s, c in sorted(speakers.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_N]
        ],
        "top_articles": [
            {"article_id": a, "title": t, "flagged": -neg} for neg, _, a, t in articles[:TOP_N]
        ],
    }


# -- report formats -------------------------------------------------------------------------------

REPORT_COLUMNS = [
    "article_id",
    "article_title",
    "claim_id",
    "kind",
    "verdict",
    "flags",
    "draft_text",
    "speaker",
    "source_document",
    "source_title",
    "source_text",
    "source_speaker",
    "score",
    "explanation",
]


def report_csv(rows: Iterable[Mapping[str, Any]]) -> str:
    """The report as CSV (RFC 4180, header row first); ``flags`` are joined with ``;``."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=REPORT_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({**row, "flags": ";".join(row.get("flags") or [])})
    return out.getvalue()


# -- reading an archive ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LineProblem:
    line: int
    message: str


def read_jsonl(
    lines: Iterable[str | bytes], *, limit: int | None = None
) -> tuple[list[dict[str, Any]], list[LineProblem]]:
    """Parse and validate a JSONL archive; bad lines are reported by number, not fatal.

    Blank lines are skipped. A repeated ``id`` is a problem of the later line, so every article is
    audited, and reported, exactly once. Stops after ``limit`` articles plus one (the caller
    answers 413), so an oversized archive is not parsed to the end.
    """
    schema = ArticleIn()
    articles: list[dict[str, Any]] = []
    problems: list[LineProblem] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(lines, 1):
        line = raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else raw
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError as exc:
            problems.append(LineProblem(number, f"not valid JSON ({exc})"))
            continue
        if not isinstance(item, dict):
            problems.append(LineProblem(number, "not a JSON object"))
            continue
        try:
            article = schema.load(item)
        except ValidationError as exc:
            problems.append(LineProblem(number, _flat(exc.normalized_messages())))
            continue
        if article["id"] in seen:
            problems.append(
                LineProblem(
                    number, f"id {article['id']!r} already used on line {seen[article['id']]}"
                )
            )
            continue
        seen[article["id"]] = number
        articles.append(article)
        if limit is not None and len(articles) > limit:
            break
    return articles, problems


def duplicate_ids(articles: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Field errors (``articles.<i>.id``) for repeated ids in a JSON list of articles."""
    seen: dict[str, int] = {}
    errors: dict[str, Any] = {}
    for i, article in enumerate(articles):
        first = seen.setdefault(article["id"], i)
        if first != i:
            errors[str(i)] = {"id": [f"Duplicate id {article['id']!r} (first at index {first})."]}
    return errors


def _flat(messages: Any) -> str:
    if isinstance(messages, dict):
        return "; ".join(f"{k}: {_flat(v)}" for k, v in messages.items())
    if isinstance(messages, list):
        return " ".join(str(m) for m in messages)
    return str(messages)
