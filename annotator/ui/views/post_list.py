"""The post list: a table view tuned for many rows, with next/previous navigation."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from annotator.ui.models.post_table import COLUMN_OF_SORT_KEY, SORT_KEY_OF, Column, PostTableModel

_WIDTHS = {
    Column.NUMBER: 40,
    Column.DATE: 110,
    Column.TEXT: 260,
    Column.FORWARDED_FROM: 120,
    Column.CHANNEL: 120,
    Column.LENGTH: 56,
    Column.ANNOTATIONS: 86,
    Column.STATUS: 80,
}


class PostListView(QTableView):
    """Shows a :class:`PostTableModel`; one post is current at a time."""

    post_selected = Signal(object)
    """post_selected(post_id: int | None): the current post changed (None: no post)."""

    def __init__(self, model: PostTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self._model = model
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        vertical = self.verticalHeader()
        vertical.setVisible(False)
        # Fixed heights: Qt never measures 100,000 rows (which would fetch them all).
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self._row_height())
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in _WIDTHS.items():
            self.setColumnWidth(column, width)
        header.moveSection(header.visualIndex(Column.STATUS), 1)  # right after "#"
        self._show_sort_indicator()
        header.sortIndicatorChanged.connect(self._on_sort_indicator_changed)
        self.setSortingEnabled(True)  # header clicks call the model's sort()
        self.selectionModel().selectionChanged.connect(self._on_selection_changed)
        model.modelReset.connect(self._on_model_reset)

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the text size preference changed
            self.verticalHeader().setDefaultSectionSize(self._row_height())

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 8

    def current_post_id(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        return self._model.post_id(rows[0].row()) if rows else None

    def select_row(self, row: int) -> None:
        """Make ``row`` current and selected (clamped to the table); no-op when empty."""
        count = self._model.rowCount()
        if count == 0:
            return
        index = self._model.index(max(0, min(row, count - 1)), 0)
        self.setCurrentIndex(index)
        self.scrollTo(index)

    def select_post(self, post_id: int) -> None:
        row = self._model.row_of(post_id)
        if row is not None:
            self.select_row(row)

    def select_next(self) -> None:
        current = self.currentIndex()
        self.select_row(current.row() + 1 if current.isValid() else 0)

    def select_previous(self) -> None:
        current = self.currentIndex()
        self.select_row(current.row() - 1 if current.isValid() else 0)

    def _show_sort_indicator(self) -> None:
        """Point the header's indicator at the model's sort column (initially "#" ascending)."""
        key, descending = self._model.sort_order()
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        header = self.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(COLUMN_OF_SORT_KEY[key], order)
        header.blockSignals(False)

    def _on_sort_indicator_changed(self, column: int, _order: Qt.SortOrder) -> None:
        if column not in SORT_KEY_OF:  # the text and status columns do not sort
            self._show_sort_indicator()

    def _on_selection_changed(self, _selected: QItemSelection, _old: QItemSelection) -> None:
        self.post_selected.emit(self.current_post_id())

    def _on_model_reset(self) -> None:
        self.setCurrentIndex(QModelIndex())
        self.post_selected.emit(None)
