"""The codebook changelog as a table, newest change first."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from annotator.core.codebook.versions import CodebookChange

_Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    VERSION = 0
    TIME = 1
    AUTHOR = 2
    ACTION = 3
    SUMMARY = 4


_HEADERS = {
    Column.VERSION: QT_TRANSLATE_NOOP("ChangelogModel", "Version"),
    Column.TIME: QT_TRANSLATE_NOOP("ChangelogModel", "Time"),
    Column.AUTHOR: QT_TRANSLATE_NOOP("ChangelogModel", "Author"),
    Column.ACTION: QT_TRANSLATE_NOOP("ChangelogModel", "Action"),
    Column.SUMMARY: QT_TRANSLATE_NOOP("ChangelogModel", "Summary"),
}


def local_time(at: datetime) -> str:
    """``at`` (UTC; naive means UTC) in the local time zone, to the second."""
    aware = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
    return aware.astimezone().strftime("%Y-%m-%d %H:%M:%S")


class ChangelogModel(QAbstractTableModel):
    """Read-only rows of :class:`CodebookChange`, newest first."""

    def __init__(self, changes: Sequence[CodebookChange] = (), parent: QObject | None = None
                 ) -> None:
        super().__init__(parent)
        self._changes: list[CodebookChange] = []
        self.set_changes(changes)

    def set_changes(self, changes: Sequence[CodebookChange]) -> None:
        """Show ``changes`` (given oldest first, as the core lists them)."""
        self.beginResetModel()
        self._changes = list(reversed(changes))
        self.endResetModel()

    def change(self, row: int) -> CodebookChange:
        return self._changes[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._changes)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        change = self._changes[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                Column.VERSION: str(change.version),
                Column.TIME: local_time(change.at),
                Column.AUTHOR: change.author,
                Column.ACTION: change.action,
                Column.SUMMARY: change.summary,
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.SUMMARY:
            return change.summary
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Column.VERSION:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ChangelogModel", _HEADERS[Column(section)])
        return None
