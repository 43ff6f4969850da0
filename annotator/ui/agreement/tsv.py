"""A table model as tab-separated text, for pasting into a spreadsheet."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt


def table_tsv(model: QAbstractItemModel, *, row_headers: bool = False) -> str:
    """The header and every row of ``model`` as shown (display texts), one line each.

    Tabs and line breaks inside a cell become spaces, so each cell stays one field.
    ``row_headers`` adds the vertical header as the first column (for matrices).
    """
    horizontal = Qt.Orientation.Horizontal
    columns = range(model.columnCount())
    header = [_clean(model.headerData(c, horizontal)) for c in columns]
    lines = [([""] if row_headers else []) + header]
    for row in range(model.rowCount()):
        cells = [_clean(model.data(model.index(row, c))) for c in columns]
        if row_headers:
            cells.insert(0, _clean(model.headerData(row, Qt.Orientation.Vertical)))
        lines.append(cells)
    return "\n".join("\t".join(cells) for cells in lines) + "\n"


def _clean(value: object) -> str:
    if value is None:
        return ""
    return " ".join(str(value).replace("\t", " ").splitlines())
