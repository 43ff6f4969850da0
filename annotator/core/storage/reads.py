"""Fast reads of many plain rows: the driver's own cursor, without SQLAlchemy's Row objects.

Reading half a million annotations through ``Result`` rows costs seconds in per-row Python
work (key maps, type processors); the agreement report and exports only need plain values.
Any DB-API driver works; the statement is compiled for the session's dialect.
"""

from __future__ import annotations

from typing import Any, cast

import pandas as pd
from sqlalchemy.orm import Session
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler


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
