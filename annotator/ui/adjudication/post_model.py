"""The list of posts to adjudicate: one row per post finished by two or more coders.

Rows hold the core's :class:`~annotator.core.team.adjudication_items.PostProgress`.
:meth:`PostProgressModel.set_progress` sends ``dataChanged`` for the rows whose counts
changed when the posts are the same, and resets only when the set of posts changed (a
post newly double-finished, a project change). :class:`OpenPostsFilter` hides complete
posts when asked.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from annotator.core.team.adjudication_items import PostProgress, Progress

_Index = QModelIndex | QPersistentModelIndex
DONE_COLOUR = "#2e7d32"


class Column(IntEnum):
    POST = 0
    OPEN = 1
    ITEMS = 2
    STATE = 3


POST_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The row's post id, in every column."""


class PostProgressModel(QAbstractTableModel):
    """Posts with their adjudication progress, in reading order; read-only."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PostProgress] = []

    def set_progress(self, progress: Progress | None) -> None:
        """Show ``progress`` (``None``: nothing), with the narrowest notification."""
        rows = list(progress.posts) if progress is not None else []
        if [r.post_id for r in rows] != [r.post_id for r in self._rows]:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
            return
        for number, (old, new) in enumerate(zip(self._rows, rows, strict=True)):
            if old != new:
                self._rows[number] = new
                self.dataChanged.emit(self.index(number, 0),
                                      self.index(number, len(Column) - 1))

    def row_of(self, post_id: int) -> int | None:
        return next((n for n, r in enumerate(self._rows) if r.post_id == post_id), None)

    def progress_at(self, row: int) -> PostProgress:
        return self._rows[row]

    def totals(self) -> Progress:
        return Progress(tuple(self._rows))

    # Qt overrides

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {Column.POST: self.tr("Post"), Column.OPEN: self.tr("Open"),
                Column.ITEMS: self.tr("Items"), Column.STATE: self.tr("State")}.get(
                    Column(section))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == POST_ID_ROLE:
            return row.post_id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.OPEN, Column.ITEMS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.STATE and row.complete:
            return QBrush(QColor(DONE_COLOUR))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{decided} of {total} disagreements decided; {seeded} of {agreed} "
                           "agreed codes adopted").format(
                decided=row.decided, total=row.total, seeded=row.seeded, agreed=row.agreed)
        return None

    def _shown(self, row: PostProgress, column: Column) -> str:
        if column == Column.POST:
            return row.label
        if column == Column.OPEN:
            return str(row.open)
        if column == Column.ITEMS:
            return str(row.total)
        if row.complete:
            return self.tr("done")
        if row.open == 0:
            return self.tr("agreed codes to adopt")
        return self.tr("open") if row.decided == 0 and row.seeded == 0 else self.tr("started")


class OpenPostsFilter(QSortFilterProxyModel):
    """Hides complete posts while :attr:`open_only` is set."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._open_only = False

    @property
    def open_only(self) -> bool:
        return self._open_only

    def set_open_only(self, value: bool) -> None:
        if value != self._open_only:
            self.beginFilterChange()
            self._open_only = value
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        if not self._open_only or not isinstance(model, PostProgressModel):
            return True
        return not model.progress_at(source_row).complete
