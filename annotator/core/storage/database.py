"""Opening, creating and recognising project files (SQLite).

Everything SQLite-specific lives here: pragmas, the application id that marks
a file as ours, the header probe that refuses foreign files without writing to
them, and transaction handling for the pysqlite driver.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import DDL, Engine, create_engine, event
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from annotator.core.errors import NotAProject, ProjectError, ProjectExists, ProjectMissing
from annotator.core.storage.schema import SCHEMA_VERSION, Base, PostRow
from annotator.core.storage.search import FTS_STATEMENTS

APPLICATION_ID = 0x414E4E4F
"""``PRAGMA application_id`` of every project file ("ANNO")."""

_SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100

POST_TEXT_IMMUTABLE = DDL(  # type: ignore[no-untyped-call]
    "CREATE TRIGGER post_text_immutable BEFORE UPDATE OF text ON post "
    "WHEN NEW.text IS NOT OLD.text "
    "BEGIN SELECT RAISE(ABORT, 'post text is immutable after import'); END"
)
event.listen(PostRow.__table__, "after_create", POST_TEXT_IMMUTABLE.execute_if(dialect="sqlite"))
for _statement in FTS_STATEMENTS:  # the full-text index follows the post table
    event.listen(PostRow.__table__, "after_create",
                 DDL(_statement).execute_if(dialect="sqlite"))  # type: ignore[no-untyped-call]


def probe(path: Path) -> None:
    """Check, by reading the header only, that ``path`` is an Annotator project.

    Never writes to the file. Raises :class:`ProjectMissing` or :class:`NotAProject`.
    """
    try:
        if not path.exists():
            raise ProjectMissing(path, "no such file")
        if not path.is_file():
            raise NotAProject(path, "not a file")
        with path.open("rb") as handle:
            header = handle.read(_HEADER_SIZE)
    except OSError as exc:
        raise NotAProject(path, f"cannot read the file: {exc.strerror or exc}") from exc
    if not header:
        raise NotAProject(path, "the file is empty, not an Annotator project")
    if len(header) < _HEADER_SIZE or not header.startswith(_SQLITE_MAGIC):
        raise NotAProject(path, "not an Annotator project (not an SQLite database)")
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        raise NotAProject(path, "an SQLite database, but not an Annotator project")


def _connect_hook(foreign_keys: bool) -> Any:
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        _set_pragmas(dbapi_connection, foreign_keys)

    return on_connect


def _set_pragmas(dbapi_connection: Any, foreign_keys: bool) -> None:
    # Take transaction control from pysqlite so that BEGIN is explicit (see _on_begin).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
        cursor.execute("PRAGMA busy_timeout = 5000")
        # WAL + FULL: a committed action survives a crash of the app or of the machine.
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
    finally:
        cursor.close()


def _on_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def make_engine(path: Path, *, foreign_keys: bool = True) -> Engine:
    """An engine on an existing project file, with the project's pragmas on every connection.

    ``foreign_keys=False`` is for schema upgrades only, which rebuild tables that
    others reference (and check the keys themselves before committing).
    """
    engine = create_engine(f"sqlite:///{path}", poolclass=NullPool)
    event.listen(engine, "connect", _connect_hook(foreign_keys))
    event.listen(engine, "begin", _on_begin)
    return engine


def read_user_version(engine: Engine) -> int:
    with engine.connect() as conn:
        value = conn.exec_driver_sql("PRAGMA user_version").scalar()
    return int(value or 0)


def create_file(path: Path) -> None:
    """Create a new project file at the current schema version.

    The schema is built in a temporary file beside ``path`` that is moved into
    place only when complete; an existing ``path`` is never overwritten.
    """
    temp = path.with_name(f".{path.name}.creating-{os.getpid()}")
    try:
        if path.exists():
            raise ProjectExists(path, "a file already exists there; choose another name")
        if not path.parent.is_dir():
            raise ProjectMissing(path.parent, "no such folder")
        temp.unlink(missing_ok=True)
        _build(temp)
        _move_without_overwrite(temp, path)
    except (OSError, sqlite3.Error, SQLAlchemyError) as exc:
        raise ProjectError(path, f"cannot create the project file here: {exc}") from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def _build(temp: Path) -> None:
    """Write a complete, empty project at ``temp`` with a rollback journal."""
    with contextlib.closing(sqlite3.connect(temp)) as raw:
        raw.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        raw.commit()
    engine = create_engine(f"sqlite:///{temp}", poolclass=NullPool)
    event.listen(engine, "connect", _on_connect_creating)
    event.listen(engine, "begin", _on_begin)
    with engine.begin() as conn:
        Base.metadata.create_all(conn)
        conn.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
    engine.dispose()


def _on_connect_creating(dbapi_connection: Any, _record: Any) -> None:
    # A rollback journal while creating, so the finished file is complete on its own.
    dbapi_connection.isolation_level = None
    dbapi_connection.execute("PRAGMA foreign_keys = ON")


def _move_without_overwrite(temp: Path, path: Path) -> None:
    try:
        os.link(temp, path)
    except FileExistsError as exc:
        raise ProjectExists(path, "a file already exists there; choose another name") from exc
    except OSError:
        if path.exists():
            raise ProjectExists(path, "a file already exists there; choose another name") from None
        os.replace(temp, path)


def backup_copy(path: Path, target: Path) -> None:
    """Write a consistent copy of the database at ``path`` to ``target`` (SQLite backup API)."""
    with (
        contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as source,
        contextlib.closing(sqlite3.connect(target)) as dest,
    ):
        source.backup(dest)


def snapshot(path: Path, target: Path) -> None:
    """Write a complete, self-contained copy of the database at ``path`` to ``target``.

    SQLite's online backup API reads through a read-only connection, so the copy holds
    every committed transaction, including those still in the write-ahead log, while
    other connections keep writing. The copy is written under a temporary name beside
    ``target``, switched to a rollback journal (one file, no ``-wal`` to carry along) and
    moved into place only when complete; an existing ``target`` is never overwritten
    (:class:`ProjectExists`). Raises ``OSError`` or ``sqlite3.Error`` otherwise.
    """
    temp = target.with_name(f".{target.name}.partial-{os.getpid()}")
    source_uri = Path(path).resolve().as_uri() + "?mode=ro"  # as_uri quotes "?", "#", "%"
    try:
        temp.unlink(missing_ok=True)
        with (
            contextlib.closing(sqlite3.connect(source_uri, uri=True)) as source,
            contextlib.closing(sqlite3.connect(temp)) as dest,
        ):
            source.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        _move_without_overwrite(temp, target)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def integrity_problems(engine: Engine) -> list[str]:
    """``PRAGMA integrity_check`` and ``foreign_key_check`` findings; empty when clean."""
    with engine.connect() as conn:
        rows = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA integrity_check")]
        problems = [] if rows == ["ok"] else rows
        fk = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
        problems += [f"foreign key violation in {r[0]} row {r[1]}" for r in fk]
    return problems
