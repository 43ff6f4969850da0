"""Opening a project file strictly read-only (SQLite ``mode=ro``), e.g. a coder package.

A merge check inspects packages that may sit on a read-only stick or still be open
in a coder's app; nothing here can change them. Files written by a newer Annotator
are refused, and so are files older than ``minimum_version`` (which an ordinary open
would upgrade in place; a read-only open never does).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from annotator.core.errors import NewerSchema, NotAProject
from annotator.core.storage import database
from annotator.core.storage.schema import SCHEMA_VERSION


class ReadOnlyFile:
    """An open, read-only project file; ``sessions`` never write. Close it when done."""

    def __init__(self, path: Path, minimum_version: int, too_old: str) -> None:
        """Open ``path``; raises :class:`NotAProject` (also with ``too_old`` as the reason
        for files below ``minimum_version``) or :class:`NewerSchema`."""
        self.path = Path(path)
        database.probe(self.path)
        uri = self.path.resolve().as_uri() + "?mode=ro"

        def connect() -> sqlite3.Connection:
            return sqlite3.connect(uri, uri=True, check_same_thread=False)

        self._engine = create_engine("sqlite://", creator=connect, poolclass=NullPool)
        event.listen(self._engine, "connect", _on_connect)
        event.listen(self._engine, "begin", _on_begin)
        try:
            version = database.read_user_version(self._engine)
        except Exception as exc:
            self._engine.dispose()
            raise NotAProject(self.path, f"cannot read the file: {exc}") from exc
        if version > SCHEMA_VERSION:
            self._engine.dispose()
            raise NewerSchema(self.path, version, SCHEMA_VERSION)
        if version < minimum_version:
            self._engine.dispose()
            raise NotAProject(self.path, too_old)
        self.sessions: sessionmaker[Session] = sessionmaker(self._engine)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> ReadOnlyFile:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # explicit BEGIN (see _on_begin): one snapshot
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA busy_timeout = 5000")
        cursor.execute("PRAGMA query_only = ON")
    finally:
        cursor.close()


def _on_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")
