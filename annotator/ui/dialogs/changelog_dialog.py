"""Codebook → Changelog…: every recorded codebook change, newest first."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.codebook.versions import CodebookChange
from annotator.ui.models.changelog import ChangelogModel, Column


class ChangelogDialog(QDialog):
    """Shows ``changes`` (oldest first, as ``CodeService.changelog`` gives them)."""

    def __init__(
        self, changes: Sequence[CodebookChange], version: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Codebook changelog"))
        self.resize(820, 480)
        self.model = ChangelogModel(changes, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        for column in (Column.VERSION, Column.TIME, Column.AUTHOR, Column.ACTION):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.SUMMARY, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel(self.tr("Codebook version {version}; {count} change(s) recorded.")
                              .format(version=version, count=len(changes)), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
