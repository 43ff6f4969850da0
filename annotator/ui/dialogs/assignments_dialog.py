"""The supervisor's overview of assignments: per coder assigned, reliability and progress;
the batches, each removable (undoably, by whoever opened the dialog)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.team.assignments import BatchInfo, CoderAssignments

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class AssignmentsDialog(QDialog):
    """Shows what :meth:`show_assignments` is given; not modal, refreshed by its owner."""

    remove_batch_requested = Signal(str)
    """remove_batch_requested(batch: str): the user asked to remove the selected batch."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Assignments"))
        self.setMinimumSize(620, 420)
        self.coder_table = _table(self, [
            self.tr("Coder"), self.tr("Assigned"), self.tr("Reliability"),
            self.tr("In progress"), self.tr("Done"), self.tr("Done %")])
        self.batch_table = _table(self, [
            self.tr("Assigned on (UTC)"), self.tr("Posts"), self.tr("Reliability posts"),
            self.tr("Coders")], stretch=3)
        self.batch_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.batch_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.remove_button = QPushButton(self.tr("Remove batch"), self)
        self.remove_button.setToolTip(self.tr("Remove the selected batch's assignments (the "
                                              "coding done stays; Undo brings them back)"))
        self.empty_label = QLabel(self.tr("Nothing is assigned yet: use Team → Assign "
                                          "posts…"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(QLabel(self.tr("Coders"), self))
        layout.addWidget(self.coder_table, 1)
        layout.addWidget(QLabel(self.tr("Batches"), self))
        layout.addWidget(self.batch_table, 1)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(buttons)
        self._batches: list[BatchInfo] = []
        self.batch_table.itemSelectionChanged.connect(self._update_buttons)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self._update_buttons()

    def show_assignments(self, coders: Sequence[CoderAssignments], batches: Sequence[BatchInfo],
                         names: Mapping[int, str]) -> None:
        """Show ``coders`` and ``batches`` (coder ids named by ``names``)."""
        self.empty_label.setVisible(not coders)
        self.coder_table.setRowCount(len(coders))
        for row, each in enumerate(coders):
            _fill(self.coder_table, row, [
                each.coder.name, str(each.assigned), str(each.reliability),
                str(each.in_progress), str(each.done),
                f"{each.progress.percent_done:.0f}%"])
        selected = self.selected_batch()
        self._batches = list(batches)
        self.batch_table.setRowCount(len(batches))
        for row, batch in enumerate(batches):
            _fill(self.batch_table, row, [
                batch.created.strftime("%Y-%m-%d %H:%M"), str(batch.posts),
                str(batch.reliability_posts),
                ", ".join(names.get(c, "?") for c in batch.coder_ids)])
            if batch.batch == selected:
                self.batch_table.selectRow(row)
        self._update_buttons()

    def selected_batch(self) -> str | None:
        rows = self.batch_table.selectionModel().selectedRows()
        return self._batches[rows[0].row()].batch if rows else None

    def _on_remove_button_clicked(self) -> None:
        batch = self.selected_batch()
        if batch is not None:
            self.remove_batch_requested.emit(batch)

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.selected_batch() is not None)


def _table(parent: QWidget, headers: list[str], stretch: int = 0) -> QTableWidget:
    """A read-only table; column ``stretch`` takes the spare width, the others fit."""
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()
    for column in range(len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column == stretch
                                    else QHeaderView.ResizeMode.ResizeToContents)
    return table


def _fill(table: QTableWidget, row: int, values: list[str]) -> None:
    for column, value in enumerate(values):
        item = QTableWidgetItem(value)
        if column > 0 and value[:1].isdigit():
            item.setTextAlignment(_RIGHT)
        table.setItem(row, column, item)
