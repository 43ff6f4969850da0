"""The Agreement sheet's extras: coloured coefficients and a native Excel bar chart.

Colours follow Krippendorff's guidance for alpha (also used here for kappa): below 0.667
red (do not rely on the code), from 0.667 to below 0.800 amber (tentative conclusions
only), 0.800 and above green.  The rules test ``ISNUMBER`` first because Excel compares a
blank cell as 0, and undefined coefficients are blank cells that must stay uncoloured.
"""

from __future__ import annotations

import math
from typing import Any, Final

import pandas as pd
from openpyxl.chart import BarChart, Reference
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from annotator.core.export.model import AgreementSheet, ColumnKind

TENTATIVE: Final = 0.667
"""Below this, alpha (or kappa) is coloured red."""
RELIABLE: Final = 0.800
"""From this up, green; in between, amber."""

_BANDS: Final = (
    ("{c}<{low}", "FFC7CE", "9C0006"),
    ("AND({c}>={low},{c}<{high})", "FFEB9C", "9C5700"),
    ("{c}>={high}", "C6EFCE", "006100"),
)
"""(condition, fill, font colour): Excel's own "bad", "neutral" and "good" colours."""


def coefficient_columns(agreement: AgreementSheet) -> list[int]:
    """1-based positions of the columns coloured by the bands: the charted alpha column
    and every other number column whose name mentions alpha or kappa (for example
    interval bounds, whose lower end is the stricter test)."""
    table = agreement.table
    out = []
    for position, name in enumerate(table.frame.columns, 1):
        kind = table.kinds.get(str(name), ColumnKind.TEXT)
        lowered = str(name).lower()
        if str(name) == agreement.chart_column or (
                kind is ColumnKind.NUMBER and ("alpha" in lowered or "kappa" in lowered)):
            out.append(position)
    return out


def decorate_agreement(sheet: Any, agreement: AgreementSheet, data_rows: int) -> None:
    """Add the colour bands and the per-code bar chart to ``sheet``, whose rows 2 to
    ``data_rows + 1`` hold ``agreement.table``.

    Call before the sheet is closed (openpyxl writes both after the rows).  Raises
    ``ValueError`` when the chart or label column is not in the table.
    """
    columns = [str(name) for name in agreement.table.frame.columns]
    for needed in (agreement.chart_column, agreement.label_column):
        if needed not in columns:
            raise ValueError(f"the agreement table has no column {needed!r}")
    if data_rows == 0:
        return
    last = data_rows + 1
    for position in coefficient_columns(agreement):
        letter = get_column_letter(position)
        cell = f"{letter}2"
        for condition, fill, font in _BANDS:
            formula = condition.format(c=cell, low=TENTATIVE, high=RELIABLE)
            sheet.conditional_formatting.add(f"{letter}2:{letter}{last}", FormulaRule(
                formula=[f"AND(ISNUMBER({cell}),{formula})"],
                fill=PatternFill(fill_type="solid", start_color=fill, end_color=fill),
                font=Font(color=font)))
    value_column = columns.index(agreement.chart_column) + 1
    label_column = columns.index(agreement.label_column) + 1
    sheet.add_chart(_chart(sheet, agreement, value_column, label_column, data_rows),
                    f"{get_column_letter(len(columns) + 2)}2")


def _chart(sheet: Any, agreement: AgreementSheet, value_column: int, label_column: int,
           data_rows: int) -> BarChart:
    """Horizontal bars, one per code in table order (top to bottom), on a fixed scale."""
    chart = BarChart()
    chart.type = "bar"  # horizontal: code paths are long category labels
    chart.title = f"{agreement.chart_column} per code"
    chart.legend = None
    chart.display_blanks = "gap"  # undefined coefficients are blank cells: no bar
    chart.add_data(Reference(sheet, min_col=value_column, min_row=1, max_row=data_rows + 1),
                   titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=label_column, min_row=2,
                                   max_row=data_rows + 1))
    chart.x_axis.scaling.orientation = "maxMin"  # first table row at the top
    values = pd.to_numeric(agreement.table.frame[agreement.chart_column], errors="coerce")
    lowest = min(0.0, _floor_tenth(values.min(skipna=True)))
    chart.y_axis.scaling.min = lowest
    chart.y_axis.scaling.max = 1.0
    chart.y_axis.majorUnit = 0.2
    chart.y_axis.number_format = "0.0"
    # openpyxl 3.1 leaves <c:delete> out, which recent Excel reads as "axis hidden".
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.width = 18.0
    chart.height = min(40.0, max(7.5, 2.5 + 0.6 * data_rows))
    return chart


def _floor_tenth(value: float) -> float:
    """``value`` rounded down to a tenth and at least -1; 0.0 when NaN (all undefined)."""
    number = float(value)
    if not math.isfinite(number):
        return 0.0
    return max(-1.0, math.floor(number * 10) / 10)
