"""How the workbook looks: shared cell styles, number formats and column widths.

openpyxl looks a style up (and hashes it) each time a font, fill or format is assigned to
a cell, so styling cell by cell costs more than writing the value.  :class:`Styles`
therefore builds each style once per workbook as a ``StyleArray`` (the row of indices
into the workbook's fonts, fills, borders, alignments and number formats that a cell
stores) and hands out cells that start from a copy of it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from copy import copy
from typing import Any, Final

from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray

from annotator.core.export.model import ColumnKind

NUMBER_FORMATS: Final[dict[ColumnKind, str]] = {
    ColumnKind.DATETIME: "yyyy-mm-dd hh:mm:ss",
    ColumnKind.INTEGER: "0",
    ColumnKind.NUMBER: "0.000",
    ColumnKind.PERCENT: "0.0%",
}
"""Excel number formats by column kind; other kinds use Excel's "General"."""

WRAPPED: Final = frozenset({ColumnKind.LONG_TEXT})
"""Kinds whose cells wrap (post texts, quotes, memos, definitions)."""

HEADER_FILL: Final = "DDEBF7"
WIDTH_SAMPLE: Final = 100
"""Rows sampled from the top of a table to size its columns."""
_MEASURED_CHARS: Final = 120
"""Characters measured per sampled value (every width is capped below this)."""

_WIDTHS: Final[dict[ColumnKind, tuple[float, float]]] = {
    ColumnKind.TEXT: (6, 50),
    ColumnKind.LONG_TEXT: (30, 80),
    ColumnKind.INTEGER: (6, 22),
    ColumnKind.NUMBER: (8, 22),
    ColumnKind.PERCENT: (8, 22),
    ColumnKind.DATETIME: (21, 30),
    ColumnKind.FLAG: (5, 22),
}
"""(narrowest, widest) column width per kind, in Excel's character units."""
_HEADER_CHARS: Final = 30
"""Headers wrap, so a long header widens its column only up to this many characters."""
_FILTER_BUTTON: Final = 3
"""Room for the autofilter drop-down arrow beside a header."""


class Styles:
    """The shared styles of one workbook.

    ``sheet`` is any worksheet of the workbook: openpyxl registers fonts, fills and number
    formats with the workbook through a cell's sheet.  Cells made by :meth:`cell` share
    no state with each other, so one may be reused row after row for one column.
    """

    def __init__(self, sheet: Any) -> None:
        self._sheet = sheet
        self.header = _style(sheet, font=Font(bold=True),
                             fill=PatternFill(fill_type="solid", fgColor=HEADER_FILL),
                             border=Border(bottom=Side(style="thin")),
                             alignment=Alignment(wrap_text=True, vertical="top"))
        self._data: dict[ColumnKind, Any] = {}
        for kind in ColumnKind:
            attributes: dict[str, object] = {}
            if kind in NUMBER_FORMATS:
                attributes["number_format"] = NUMBER_FORMATS[kind]
            if kind in WRAPPED:
                attributes["alignment"] = Alignment(wrap_text=True, vertical="top")
            self._data[kind] = _style(sheet, **attributes) if attributes else None
        self._plain = _style(sheet)

    def data(self, kind: ColumnKind) -> Any:
        """The style array of a data cell of ``kind``; ``None`` for Excel's default."""
        return self._data[kind]

    def quoted(self, style: Any) -> Any:
        """``style`` (``None`` = default) plus Excel's quote prefix, which keeps text
        that looks like a formula text even when a user edits the cell."""
        quoted = copy(style if style is not None else self._plain)
        quoted.quotePrefix = 1
        return quoted

    def cell(self, style: Any, sheet: Any = None) -> Cell:
        """A fresh write-only cell of ``sheet`` (default: the sheet given at creation)
        starting from a copy of ``style``, which must not be ``None``: openpyxl binds the
        next plain value of a row into an unstyled cell object it was given."""
        return Cell(sheet if sheet is not None else self._sheet, row=1, column=1,
                    style_array=style)


def _style(sheet: Any, **attributes: object) -> Any:
    """Register ``attributes`` with the workbook once and return the resulting array."""
    cell = WriteOnlyCell(sheet)
    for name, value in attributes.items():
        setattr(cell, name, value)
    # A cell without attributes has no array yet; Styles.quoted needs one to copy.
    return copy(cell._style) if cell._style is not None else StyleArray()


def display_width(text: str) -> int:
    """Columns ``text``'s first line takes in Excel: wide (CJK, emoji) characters count two."""
    line = text.split("\n", 1)[0][:_MEASURED_CHARS]
    if line.isascii():
        return len(line)
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in line)


def column_width(kind: ColumnKind, header: str, sample: Iterable[object]) -> float:
    """A column width (Excel character units) for ``kind`` from its header and the
    sampled values, between the kind's narrowest and widest width."""
    narrowest, widest = _WIDTHS[kind]
    wanted = min(display_width(header), _HEADER_CHARS) + _FILTER_BUTTON
    for value in sample:
        if value is None:
            continue
        if isinstance(value, float):
            shown = len(f"{value:.3f}")
        elif isinstance(value, str):
            shown = display_width(value)
        elif kind is ColumnKind.DATETIME:
            continue  # the minimum already fits "yyyy-mm-dd hh:mm:ss"
        else:
            shown = len(str(value))
        wanted = max(wanted, shown + 2)
    return float(min(max(wanted, narrowest), widest))
