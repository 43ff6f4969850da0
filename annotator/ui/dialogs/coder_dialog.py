"""Who is coding: pick one of the project's coders, or name a new one."""

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

from annotator.core.model import Coder


class CoderDialog(QDialog):
    """Lists ``coders``; the answer is an existing coder's id or a new name.

    After ``accept()``, :meth:`choice` is the chosen coder's id (``int``) or the
    name to create (``str``). A typed name equal to a listed one chooses that coder.
    """

    def __init__(
        self,
        project_name: str,
        coders: Sequence[Coder],
        current_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who is coding?"))
        self.setMinimumWidth(380)
        self._coders = list(coders)
        intro = QLabel(self.tr(
            "Choose your coder profile for “{project}”. Your annotations, post values and "
            "progress are kept under this name; it is remembered on this computer."
        ).format(project=project_name), self)
        intro.setWordWrap(True)
        self.coder_list = QListWidget(self)
        for coder in self._coders:
            item = QListWidgetItem(coder.name, self.coder_list)
            item.setData(Qt.ItemDataRole.UserRole, coder.id)
            if coder.id == current_id:
                item.setSelected(True)
        self.new_name = QLineEdit(self)
        self.new_name.setPlaceholderText(self.tr("New coder: type a name"))
        self.new_name.setClearButtonEnabled(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        if self._coders:
            layout.addWidget(QLabel(self.tr("Coders of this project:"), self))
            layout.addWidget(self.coder_list)
        else:
            self.coder_list.hide()
        layout.addWidget(QLabel(self.tr("Or a new coder:"), self))
        layout.addWidget(self.new_name)
        layout.addWidget(self.buttons)

        self.coder_list.itemDoubleClicked.connect(self._on_coder_list_item_double_clicked)
        self.coder_list.itemSelectionChanged.connect(self._on_coder_list_item_selection_changed)
        self.new_name.textChanged.connect(self._on_new_name_text_changed)
        (self.coder_list if self._coders else self.new_name).setFocus()
        self._update_ok()

    def choice(self) -> int | str | None:
        """The chosen coder's id, a new name, or ``None`` when nothing is chosen."""
        name = " ".join(self.new_name.text().split())
        if name:
            same = next((c for c in self._coders if c.name == name), None)
            return same.id if same is not None else name
        # The selection, not the current item: the list makes its first item current when
        # it gets the focus, which must not count as a choice.
        items = self.coder_list.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def _on_coder_list_item_double_clicked(self) -> None:
        self.new_name.clear()
        self.accept()

    def _on_coder_list_item_selection_changed(self) -> None:
        if self.coder_list.selectedItems():
            self.new_name.clear()
        self._update_ok()

    def _on_new_name_text_changed(self, text: str) -> None:
        if text.strip():
            self.coder_list.clearSelection()
        self._update_ok()

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.choice() is not None)
