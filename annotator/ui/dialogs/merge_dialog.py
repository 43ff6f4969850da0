"""Choosing the code another code is merged into."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.codebook.service import Usage
from annotator.core.model import Code


def merge_candidates(source: Code, codes: Sequence[Code]) -> list[Code]:
    """Codes ``source`` may merge into: same kind and type, not itself or its subcodes."""
    inside = {source.id}
    for code in codes:  # depth first: parents come before their children
        if code.parent_id in inside:
            inside.add(code.id)
    return [c for c in codes if c.id not in inside and c.kind == source.kind
            and c.variable_type == source.variable_type]


class MergeDialog(QDialog):
    """Lists ``candidates`` by path (with a filter); :meth:`target_id` is the one chosen.

    ``own`` counts the coded work on ``source`` itself (not on its subcodes).
    """

    def __init__(
        self, source: Code, candidates: Sequence[Code], own: Usage,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge “{name}” into…").format(name=source.name))
        self.resize(420, 460)
        text = self.tr(
            "Merge “{path}” into the code chosen below. Its {annotations} annotation(s) and "
            "{values} post value(s) move there, its subcodes move under it, and “{name}” "
            "is deleted. You can undo this."
        ).format(path=source.path_text, name=source.name,
                 annotations=own.annotations, values=own.values)
        self.explanation = QLabel(text, self)
        self.explanation.setWordWrap(True)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter codes…"))
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        for code in candidates:
            item = QListWidgetItem(code.path_text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, code.id)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Merge"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.filter.textChanged.connect(self._on_filter_text_changed)
        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        self.list.itemDoubleClicked.connect(self._on_list_item_double_clicked)
        self._on_list_current_item_changed()

    def target_id(self) -> int | None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return None
        return int(item.data(Qt.ItemDataRole.UserRole))

    def select(self, code_id: int) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == code_id:
                self.list.setCurrentRow(row)

    def _on_filter_text_changed(self, text: str) -> None:
        wanted = text.strip().casefold()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(wanted not in item.text().casefold())
        self._on_list_current_item_changed()

    def _on_list_current_item_changed(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.target_id() is not None)

    def _on_list_item_double_clicked(self) -> None:
        if self.target_id() is not None:
            self.accept()

