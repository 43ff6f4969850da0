"""Fast bulk inserts for imports: one driver-level ``executemany`` per batch.

SQLAlchemy's per-row parameter processing costs more than SQLite's own work on
large imports, so rows are converted here to what the driver stores — the same
text forms SQLAlchemy's SQLite types write (JSON text, ``YYYY-MM-DD HH:MM:SS.ffffff``
in UTC) — and sent with one ``executemany``. Dialect-specific, hence in storage.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from annotator.core.storage.schema import Base

_POST_COLUMNS = tuple(
    column.name for column in Base.metadata.tables["post"].columns if column.name != "id"
)
_INSERT_POST_SQL = (
    f"INSERT INTO post ({', '.join(_POST_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in _POST_COLUMNS)})"
)


def _stored(name: str, value: Any) -> Any:
    if name == "metadata":
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    return value


def insert_posts(session: Session, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert post rows given as ``{column name: value}`` (every column but ``id``).

    Runs inside the session's transaction; constraints and triggers apply as usual.
    """
    if session.get_bind().dialect.name != "sqlite":
        session.execute(Base.metadata.tables["post"].insert(), list(rows))
        return
    records = [tuple(_stored(name, row[name]) for name in _POST_COLUMNS) for row in rows]
    session.connection().exec_driver_sql(_INSERT_POST_SQL, records)
