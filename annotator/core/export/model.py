"""What an export holds: named tables (DataFrames) plus how each column should be written.

Built by :mod:`annotator.core.export.tables` from a project, written by the Excel, CSV and
other writers.  Pure data; no writer decides what goes into a table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

import pandas as pd


class ColumnKind(StrEnum):
    TEXT = "text"
    """Short text (ids, names, paths)."""
    LONG_TEXT = "long_text"
    """Post texts, quotes, memos, definitions: wrapped, wider column."""
    INTEGER = "integer"
    NUMBER = "number"
    """Floats such as coefficients (3 decimals in Excel)."""
    PERCENT = "percent"
    """A share in [0, 1] shown as a percentage."""
    DATETIME = "datetime"
    """Timezone-naive datetimes in UTC (Excel has no time zones; headers say "UTC")."""
    FLAG = "flag"
    """0/1 presence."""


@dataclass(frozen=True)
class Table:
    """One sheet / CSV file: a frame, its column kinds and what it is."""

    name: str
    """Sheet name and CSV file stem, e.g. "Annotations" (<= 31 characters, Excel's limit)."""
    frame: pd.DataFrame
    kinds: dict[str, ColumnKind] = field(default_factory=dict)
    """Column -> kind; columns not listed are TEXT."""
    description: str = ""
    """One sentence for the About sheet and the CSV README."""


@dataclass(frozen=True)
class AgreementSheet:
    """The per-code agreement table plus which column the Excel bar chart plots."""

    table: Table
    chart_column: str
    """The column of per-code Krippendorff's alpha, plotted as a bar chart."""
    label_column: str
    """The column holding the code paths (chart categories)."""


@dataclass(frozen=True)
class ExportTables:
    """Everything an export writes, in sheet order."""

    about: list[tuple[str, str]]
    """(field, value) rows of the About sheet: project, export time in UTC, app version,
    codebook version, coders, filters used, and notes (e.g. sheets continued)."""
    posts: Table
    annotations: Table
    variables: Table
    matrix: Table
    codebook: Table
    agreement: AgreementSheet | None = None
    """Present when at least two coders finished the same posts."""
    reliability: dict[str, pd.DataFrame] = field(default_factory=dict)
    """Code path -> units x coders reliability matrix (rows = posts, columns = coder names,
    values 1/0, empty = not coded), as R's ``irr`` and Python's ``krippendorff`` read."""

    def tables(self) -> list[Table]:
        """The data sheets in order (About is written separately, first)."""
        sheets = [self.posts, self.annotations, self.variables, self.matrix]
        if self.agreement is not None:
            sheets.append(self.agreement.table)
        sheets.append(self.codebook)
        return sheets
