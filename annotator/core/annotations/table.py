"""Annotations as a table (CSV or JSON by extension): load with full validation, dump.

Columns: ``post`` (post id, external id or uuid), ``coder`` (name; created if
new), ``code`` (path such as ``Parent/Child``; must exist), ``start``, ``end``
(code points, half-open) and optional ``memo``. A ``quote`` column, when present
and not empty, must equal the post's text at ``[start, end)``. Dumps add
``quote``, ``created`` and ``updated``. Loading writes every row or none.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from annotator.core.annotations.service import add_row
from annotator.core.atomic_file import atomic_write_text
from annotator.core.changes import Changes
from annotator.core.codebook.service import tree
from annotator.core.coders.service import clean_name, ensure
from annotator.core.errors import AnnotatorError, InputFileError, RowProblem, RowsInvalid
from annotator.core.model import Post
from annotator.core.posts.service import PostService
from annotator.core.spans import Span, Utf16Index
from annotator.core.storage.schema import AnnotationRow, CoderRow
from annotator.core.textfile import read_text

REQUIRED = ("post", "coder", "code", "start", "end")
OPTIONAL = ("memo", "quote", "created", "updated")
DUMP_COLUMNS = (*REQUIRED, "memo", "quote", "created", "updated")


@dataclass(frozen=True, slots=True)
class _Row:
    number: int
    post: Post
    coder: str
    code_id: int
    span: Span
    memo: str


def table_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".json"):
        raise InputFileError(path, "use a .csv or .json file for annotations")
    return suffix[1:]


def _read_records(path: Path) -> list[dict[str, Any]]:
    kind = table_format(path)
    decoded = read_text(path)
    if kind == "json":
        try:
            data = json.loads(decoded.text)
        except json.JSONDecodeError as exc:
            raise InputFileError(path, f"invalid JSON: {exc.msg}", exc.lineno) from exc
        if not isinstance(data, list) or not all(isinstance(x, dict) for x in data):
            raise InputFileError(path, "expected a JSON array of objects, one per annotation")
        return [dict(x) for x in data]
    reader = csv.DictReader(io.StringIO(decoded.text, newline=""))
    if reader.fieldnames is None:
        raise InputFileError(path, "no header row", 1)
    reader.fieldnames = [name.strip() for name in reader.fieldnames]
    records = []
    for record in reader:
        if None in record:
            raise InputFileError(path, "more values than columns", reader.line_num)
        records.append(dict(record))
    return records


def _columns_problem(path: Path, records: list[dict[str, Any]]) -> None:
    seen = set().union(*(r.keys() for r in records)) if records else set()
    missing = [c for c in REQUIRED if c not in seen]
    unknown = sorted(seen - set(REQUIRED) - set(OPTIONAL))
    if missing or unknown:
        parts = []
        if missing:
            parts.append(f"missing column(s): {', '.join(missing)}")
        if unknown:
            parts.append(f"unknown column(s): {', '.join(unknown)}")
        allowed = ", ".join((*REQUIRED, *OPTIONAL))
        raise InputFileError(path, f"{'; '.join(parts)} (allowed: {allowed})", 1)


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return None


def _check_record(
    number: int, record: Mapping[str, Any], posts: PostService, codes: dict[str, int]
) -> tuple[_Row | None, list[RowProblem]]:
    problems: list[RowProblem] = []

    def text(column: str) -> str:
        value = record.get(column)
        return "" if value is None else str(value).strip()

    post: Post | None = None
    try:
        post = posts.find(text("post"))
    except AnnotatorError:
        problems.append(RowProblem(number, "post", f"no post {text('post')!r}"))
    code_id = codes.get("/".join(p.strip() for p in text("code").split("/")))
    if code_id is None:
        problems.append(RowProblem(number, "code", f"no code {text('code')!r} in the codebook"))
    coder = " ".join(text("coder").split())
    if not coder:
        problems.append(RowProblem(number, "coder", "empty coder name"))
    start, end = _as_int(record.get("start")), _as_int(record.get("end"))
    if start is None or end is None:
        bad = "start" if start is None else "end"
        problems.append(RowProblem(number, bad, f"{bad} must be a whole number"))
        return None, problems
    if not 0 <= start < end:
        problems.append(RowProblem(number, "start", f"need 0 <= start < end, got [{start}, {end})"))
        return None, problems
    span = Span(start, end)
    if post is not None:
        length = len(post.text)
        if end > length:
            problems.append(RowProblem(
                number, "end", f"end {end} is past the end of post {post.id} ({length} code points)"
            ))
        elif text("quote") and post.text[start:end] != str(record.get("quote")):
            problems.append(RowProblem(number, "quote", _quote_mismatch(post.text, span, record)))
    if problems or post is None or code_id is None:
        return None, problems
    return _Row(number, post, coder, code_id, span, text("memo")), problems


def _quote_mismatch(text: str, span: Span, record: Mapping[str, Any]) -> str:
    quote = str(record.get("quote"))
    message = f"quote {quote[:40]!r} differs from the text at [{span.start}, {span.end})"
    utf16 = Utf16Index(text)
    if span.end <= utf16.length_qt:
        as_units = utf16.span_from_qt(span.start, span.end) if span.start < span.end else None
        if as_units is not None and text[as_units.start : as_units.end] == quote:
            message += " (the offsets look like UTF-16 units; code points are expected)"
    return message


def load(path: Path, sessions: sessionmaker[Session]) -> tuple[int, Changes]:
    """Validate every row, then write them all in one transaction; returns the count added.

    Raises :class:`RowsInvalid` listing every problem (nothing written) or
    :class:`InputFileError` when the file itself cannot be read.
    """
    records = _read_records(path)
    _columns_problem(path, records)
    posts = PostService(sessions)
    with sessions() as session:
        codes = {code.path_text: code.id for code in tree(session)}
    rows: list[_Row] = []
    problems: list[RowProblem] = []
    seen: dict[tuple[int, str, int, int, int], int] = {}
    for number, record in enumerate(records, start=1):
        row, found = _check_record(number, record, posts, codes)
        problems += found
        if row is None:
            continue
        key = (row.post.id, row.coder, row.code_id, row.span.start, row.span.end)
        if key in seen:
            problems.append(RowProblem(number, None, f"same annotation as row {seen[key]}"))
        seen[key] = number
        rows.append(row)
    if problems:
        raise RowsInvalid(path, problems)
    added: set[int] = set()
    with sessions.begin() as session:
        for row in rows:
            coder = ensure(session, clean_name(row.coder))
            if _exists(session, row, coder.id):
                problems.append(RowProblem(row.number, None, "this annotation already exists"))
                continue
            added.add(add_row(session, row.post.id, row.code_id, coder.id, row.span,
                              row.memo).id)
        if problems:
            raise RowsInvalid(path, problems)
    touched = frozenset(r.post.id for r in rows)
    return len(added), Changes(posts=touched, annotations=frozenset(added))


def _exists(session: Session, row: _Row, coder_id: int) -> bool:
    query = select(AnnotationRow.id).where(
        AnnotationRow.post_id == row.post.id,
        AnnotationRow.code_id == row.code_id,
        AnnotationRow.coder_id == coder_id,
        AnnotationRow.start == row.span.start,
        AnnotationRow.end == row.span.end,
    )
    return session.scalar(query) is not None


def dump(path: Path, sessions: sessionmaker[Session]) -> int:
    """Write every annotation to ``path`` (CSV or JSON); returns the number written."""
    kind = table_format(path)
    with sessions() as session:
        paths = {code.id: code.path_text for code in tree(session)}
        coders = {r.id: r.name for r in session.scalars(select(CoderRow))}
        rows = session.scalars(
            select(AnnotationRow).order_by(AnnotationRow.post_id, AnnotationRow.start,
                                           AnnotationRow.end, AnnotationRow.id)
        ).all()
        records = [
            {
                "post": r.post_id,
                "coder": coders[r.coder_id],
                "code": paths[r.code_id],
                "start": r.start,
                "end": r.end,
                "memo": r.memo,
                "quote": r.quote,
                "created": r.created.isoformat(),
                "updated": r.updated.isoformat(),
            }
            for r in rows
        ]
    if kind == "json":
        atomic_write_text(path, json.dumps(records, ensure_ascii=False, indent=1) + "\n")
    else:
        buffer = io.StringIO(newline="")
        writer = csv.DictWriter(buffer, fieldnames=DUMP_COLUMNS, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(records)
        atomic_write_text(path, buffer.getvalue())
    return len(records)
