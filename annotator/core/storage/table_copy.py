"""Copying rows between two project files, column for column, ids and uuids included.

Coder packages are cut from a project by copying whole rows. Between two SQLite files
the stored values (JSON text, UTC timestamp text, 0/1 booleans) are copied verbatim
through the driver, which is both the fastest way and the most faithful one: nothing is
parsed and written back. Between other databases the rows go through SQLAlchemy's types.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, Table
from sqlalchemy.orm import Session

Row = tuple[Any, ...]


def raw_copy(source: Session, target: Session) -> bool:
    """Whether rows can travel in stored form from ``source`` to ``target`` (both SQLite)."""
    return (source.get_bind().dialect.name == "sqlite"
            and target.get_bind().dialect.name == "sqlite")


def read_rows(session: Session, statement: Select[Any], raw: bool) -> list[Row]:
    """The rows of ``statement``: stored values when ``raw``, else typed Python values."""
    if not raw:
        return [tuple(row) for row in session.execute(statement)]
    compiled = statement.compile(dialect=session.get_bind().dialect)
    params: Any = compiled.params
    if compiled.positional:
        params = tuple(compiled.params[name] for name in compiled.positiontup or ())
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(str(compiled), params)
        return [tuple(row) for row in cursor.fetchall()]
    finally:
        cursor.close()


def insert_rows(
    session: Session, table: Table, columns: Sequence[str], rows: Sequence[Row], raw: bool
) -> None:
    """Insert ``rows`` (values of ``columns``, in that order) into ``table``, inside the
    session's transaction; constraints apply as usual. ``raw`` as for :func:`read_rows`."""
    if not rows:
        return
    if not raw:
        session.execute(table.insert(), [dict(zip(columns, row, strict=True)) for row in rows])
        return
    quote = session.get_bind().dialect.identifier_preparer.quote
    names = ", ".join(quote(name) for name in columns)
    marks = ", ".join("?" for _ in columns)
    statement = f"INSERT INTO {quote(table.name)} ({names}) VALUES ({marks})"
    session.connection().exec_driver_sql(statement, list(rows))


def copy_rows(source: Session, target: Session, table: Table, statement: Select[Any]) -> int:
    """Copy what ``statement`` selects (every column of ``table``, in table order) from
    ``source`` into ``target``; returns the number of rows copied."""
    raw = raw_copy(source, target)
    columns = [column.name for column in table.columns]
    rows = read_rows(source, statement, raw)
    insert_rows(target, table, columns, rows, raw)
    return len(rows)
