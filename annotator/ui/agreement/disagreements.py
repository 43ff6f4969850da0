"""The list of disagreements: post, code and what each of the two coders did there.

Double-click or Enter on a row asks for its post to be opened in the coding
workspace (``post_requested``), at the first span where the coders differ.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from annotator.core.agreement.report import Disagreement

_Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    POST = 0
    CODE = 1
    CODER_A = 2
    A = 3
    CODER_B = 4
    B = 5


def _header(column: Column) -> str:
    headers = {
        Column.POST: QCoreApplication.translate("agreement", "Post"),
        Column.CODE: QCoreApplication.translate("agreement", "Code"),
        Column.CODER_A: QCoreApplication.translate("agreement", "Coder A"),
        Column.A: QCoreApplication.translate("agreement", "A coded"),
        Column.CODER_B: QCoreApplication.translate("agreement", "Coder B"),
        Column.B: QCoreApplication.translate("agreement", "B coded"),
    }
    return headers[column]


class DisagreementModel(QAbstractTableModel):
    """One row per :class:`Disagreement`, in report order; read-only."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Disagreement] = []

    def set_disagreements(self, rows: Sequence[Disagreement]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def disagreement(self, row: int) -> Disagreement:
        return self._rows[row]

    # Qt overrides

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and section in iter(Column)):
            return _header(Column(section))
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item, column = self._rows[index.row()], Column(index.column())
        full = _full_text(item, column)
        if role == Qt.ItemDataRole.DisplayRole:
            # Several spans are several lines; one line per row keeps long lists fast.
            return "; ".join(line for line in full.splitlines() if line) if full else _none()
        if role == Qt.ItemDataRole.ToolTipRole:
            if column is Column.POST:
                return QCoreApplication.translate(
                    "agreement", "Post {label}: double-click or press Enter to open it in the "
                    "workspace.").format(label=full)
            return full or _none()
        return None


def _full_text(item: Disagreement, column: Column) -> str:
    match column:
        case Column.POST:
            return item.post_label
        case Column.CODE:
            return item.code_path
        case Column.CODER_A:
            return item.coder_a
        case Column.A:
            return item.a
        case Column.CODER_B:
            return item.coder_b
        case Column.B:
            return item.b


def _none() -> str:
    return QCoreApplication.translate("agreement", "(nothing)")


class DisagreementView(QTableView):
    """Shows a :class:`DisagreementModel`; activating a row requests its post."""

    post_requested = Signal(int, object)
    """post_requested(post_id: int, start: int | None): open the post, at code point ``start``."""

    def __init__(self, model: DisagreementModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab leaves the list, as in the other tables
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((Column.POST, 70), (Column.CODE, 170), (Column.CODER_A, 80),
                              (Column.A, 260), (Column.CODER_B, 80)):
            self.setColumnWidth(column, width)
        self.doubleClicked.connect(self._on_double_clicked)

    def request(self, row: int) -> None:
        """Ask for the post of ``row`` (what double-click and Enter do)."""
        if 0 <= row < self._model.rowCount():
            item = self._model.disagreement(row)
            self.post_requested.emit(item.post_id, item.start)

    # Qt overrides

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            event.accept()
            self.request(self.currentIndex().row())
            return
        super().keyPressEvent(event)

    # Slots

    def _on_double_clicked(self, index: QModelIndex) -> None:
        self.request(index.row())
