"""Fast reads of many plain rows: the driver's own cursor, without SQLAlchemy's Row objects.

Reading half a million annotations through ``Result`` rows costs seconds in per-row Python
work (key maps, type processors); the agreement report and exports only need plain values.
Any DB-API driver works; the statement is compiled for the session's dialect.  The frame
readers below (posts, annotations, statuses, values) return values in stored form, which
:func:`stored_datetimes` and :func:`stored_json` turn into what every dialect agrees on.
"""

from __future__ import annotations

import json
from typing import Any, cast

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler

from annotator.core.storage.schema import (
    AnnotationRow,
    ChannelRow,
    CodebookRow,
    PostRow,
    PostStatusRow,
    PostValueRow,
    SourceRow,
)


def read_frame(session: Session, statement: ClauseElement, columns: list[str]) -> pd.DataFrame:
    """The rows of ``statement`` (plain column values, no type conversion) as a DataFrame.

    Only for columns whose stored values are what the caller wants: integers and text.
    Dates, JSON and booleans come back in their stored form; read those through the ORM.
    """
    compiled = cast(SQLCompiler, statement.compile(dialect=session.get_bind().dialect))
    params: Any = compiled.params
    if compiled.positional:
        params = tuple(compiled.params[name] for name in compiled.positiontup or ())
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(str(compiled), params)
        rows = cursor.fetchall()
    finally:
        cursor.close()
    return pd.DataFrame.from_records(rows, columns=columns, coerce_float=False)


def stored_datetimes(values: pd.Series) -> pd.Series:
    """Timestamps as :func:`read_frame` returns them, as timezone-naive UTC ``datetime64``.

    The project stores UTC without a zone (see :class:`~.types.UTCDateTime`): SQLite hands
    back ISO text, other drivers naive datetimes; both parse here.  Missing values are NaT.
    """
    if values.empty or values.isna().all():
        return pd.Series(pd.NaT, index=values.index, dtype="datetime64[us]")
    parsed = pd.to_datetime(values, format="ISO8601")
    return parsed.astype("datetime64[us]")


def stored_json(values: pd.Series) -> list[Any]:
    """JSON column values as :func:`read_frame` returns them, as Python objects.

    SQLite hands back JSON text; drivers that parse JSON themselves hand back objects,
    which pass through unchanged.  SQL NULL stays ``None``.
    """
    return [json.loads(value) if isinstance(value, str) else value for value in values]


POST_COLUMNS = ["post_id", "post_uuid", "source_id", "position", "source_file", "channel",
                "channel_username", "channel_telegram_id", "external_id", "author",
                "forwarded_from", "date", "text", "metadata"]
"""Columns of :func:`post_frame`."""


def post_frame(session: Session) -> pd.DataFrame:
    """Every post with its channel and source file, in reading order (source, position).

    ``date`` and ``metadata`` are in stored form (see :func:`stored_datetimes` and
    :func:`stored_json`).
    """
    statement = (
        select(PostRow.id, PostRow.uuid, PostRow.source_id, PostRow.position,
               SourceRow.file_name, ChannelRow.title, ChannelRow.username,
               ChannelRow.telegram_id, PostRow.external_id, PostRow.author,
               PostRow.forwarded_from, PostRow.date, PostRow.text, PostRow.meta)
        .join(ChannelRow, PostRow.channel_id == ChannelRow.id)
        .join(SourceRow, PostRow.source_id == SourceRow.id)
        .order_by(PostRow.source_id, PostRow.position, PostRow.id)
    )
    return read_frame(session, statement, POST_COLUMNS)


ANNOTATION_COLUMNS = ["annotation_id", "annotation_uuid", "post_id", "coder_id", "code_id",
                      "start", "end", "quote", "memo", "created", "updated",
                      "codebook_version"]
"""Columns of :func:`annotation_frame`."""


def annotation_frame(session: Session) -> pd.DataFrame:
    """Every annotation (ids, offsets in code points, quote, memo, stored timestamps)."""
    statement = select(
        AnnotationRow.id, AnnotationRow.uuid, AnnotationRow.post_id, AnnotationRow.coder_id,
        AnnotationRow.code_id, AnnotationRow.start, AnnotationRow.end, AnnotationRow.quote,
        AnnotationRow.memo, AnnotationRow.created, AnnotationRow.updated,
        AnnotationRow.codebook_version)
    return read_frame(session, statement, ANNOTATION_COLUMNS)


def status_frame(session: Session) -> pd.DataFrame:
    """Every stored post status: ``post_id``, ``coder_id``, ``status`` (no row = not started)."""
    statement = select(PostStatusRow.post_id, PostStatusRow.coder_id, PostStatusRow.status)
    return read_frame(session, statement, ["post_id", "coder_id", "status"])


VALUE_COLUMNS = ["post_id", "coder_id", "code_id", "value", "codebook_version", "updated"]
"""Columns of :func:`value_frame`."""


def value_frame(session: Session) -> pd.DataFrame:
    """Every post-level variable value; ``value`` and ``updated`` in stored form."""
    statement = select(
        PostValueRow.post_id, PostValueRow.coder_id, PostValueRow.code_id, PostValueRow.value,
        PostValueRow.codebook_version, PostValueRow.updated)
    return read_frame(session, statement, VALUE_COLUMNS)


def codebook_header(session: Session) -> tuple[str, int]:
    """The codebook's name and version, without creating the row (a read never writes)."""
    row = session.execute(
        select(CodebookRow.name, CodebookRow.version).order_by(CodebookRow.id).limit(1)
    ).first()
    return (str(row[0] or ""), int(row[1] or 1)) if row is not None else ("", 1)
