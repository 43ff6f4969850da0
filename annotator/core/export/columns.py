"""Column conventions shared by every export table: code-path levels, lists, text columns.

A code path such as ``Framing/Threat`` appears whole in ``code_path`` (the key that joins
the Annotations, Matrix, Agreement and Codebook tables) and split into ``code_level_1``,
``code_level_2``... so that analysts can group by a level without parsing paths.  The
number of level columns is the depth of the deepest exported code, the same in every table
of one export; a shallower code leaves its deeper levels empty.

Text columns use pandas' ``str`` dtype, so a missing value is always NaN (an empty cell),
whatever the column held before.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from annotator.core.export.model import ColumnKind, Table
from annotator.core.model import Code

LEVEL_PREFIX = "code_level_"
LIST_SEPARATOR = "; "
"""Joins levels and other short lists inside one cell."""


def level_names(depth: int) -> list[str]:
    """``["code_level_1", ..., "code_level_<depth>"]``."""
    return [f"{LEVEL_PREFIX}{number}" for number in range(1, depth + 1)]


def max_depth(codes: Sequence[Code]) -> int:
    """The depth of the deepest code (at least 1, so every table has ``code_level_1``)."""
    return max((len(code.path) for code in codes), default=1)


def level_columns(code_ids: pd.Series, codes: Sequence[Code], depth: int) -> dict[str, object]:
    """The level columns for a column of code ids: name -> values (``None`` past a path's end).

    Maps each distinct id once, so it is cheap for hundreds of thousands of rows.
    """
    position = {code.id: number for number, code in enumerate(codes)}
    rows = code_ids.map(position).to_numpy(dtype=np.int64, na_value=-1)
    columns: dict[str, object] = {}
    for level, name in enumerate(level_names(depth)):
        names = np.array([code.path[level] if level < len(code.path) else None
                          for code in codes] + [None], dtype=object)
        columns[name] = names[rows]
    return columns


def table(name: str, frame: pd.DataFrame, kinds: dict[str, ColumnKind], description: str
          ) -> Table:
    """A :class:`Table` whose TEXT and LONG_TEXT columns (every column not in ``kinds`` is
    TEXT) have the ``str`` dtype, missing values NaN."""
    for column in frame.columns:
        if kinds.get(column, ColumnKind.TEXT) in (ColumnKind.TEXT, ColumnKind.LONG_TEXT):
            frame[column] = frame[column].astype("str")
    return Table(name, frame, kinds, description)
