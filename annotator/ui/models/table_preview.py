"""The first rows of a table being imported, cell by cell, as read by ``read_preview``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from annotator.core.importers.table_posts import TablePreview

_Index = QModelIndex | QPersistentModelIndex
MAX_SHOWN_CHARS = 120
"""Cells longer than this are cut in the table (the tooltip shows them whole)."""


def one_line(text: str, limit: int = MAX_SHOWN_CHARS) -> str:
    """``text`` on one line (line breaks shown as ⏎), cut to ``limit`` characters."""
    flat = text.replace("\r\n", "\n").replace("\n", " ⏎ ")
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class TablePreviewModel(QAbstractTableModel):
    """Read-only cells of a :class:`TablePreview`; rows are headed by their line (CSV) or
    row (XLSX) numbers, columns by the table's headers."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._preview: TablePreview | None = None

    def set_preview(self, preview: TablePreview | None) -> None:
        self.beginResetModel()
        self._preview = preview
        self.endResetModel()

    def headers(self) -> tuple[str, ...]:
        return self._preview.headers if self._preview is not None else ()

    # Qt overrides

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._preview is None:
            return 0
        return len(self._preview.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        preview = self._preview
        if preview is None or role not in (Qt.ItemDataRole.DisplayRole,
                                           Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            return preview.headers[section] if 0 <= section < len(preview.headers) else None
        if 0 <= section < len(preview.row_numbers):
            return str(preview.row_numbers[section])
        return str(section + 1) if 0 <= section < len(preview.rows) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        preview = self._preview
        if preview is None or not index.isValid():
            return None
        if not (0 <= index.row() < len(preview.rows) and 0 <= index.column() < len(
                preview.headers)):
            return None
        text = preview.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return one_line(text)
        if role == Qt.ItemDataRole.ToolTipRole and text:
            return text
        return None
