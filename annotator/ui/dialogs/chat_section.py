"""The import dialog's chat chooser, for an export that holds several chats."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QListView, QPushButton, QVBoxLayout, QWidget

from annotator.ui.import_inputs import InputState
from annotator.ui.models.chat_list import ChatListModel


class ChatSection(QGroupBox):
    """A checkable list of the chats of one input; hidden while no input needs a choice.

    Private chats start unticked, so they are never imported by accident.
    """

    changed = Signal()
    """changed(): the user ticked or unticked chats."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state: InputState | None = None
        self.model = ChatListModel(self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(True)
        self.all_button = QPushButton(self.tr("Tick &all"), self)
        self.none_button = QPushButton(self.tr("Tick n&one"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.all_button)
        buttons.addWidget(self.none_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.all_button.clicked.connect(self._on_all_button_clicked)
        self.none_button.clicked.connect(self._on_none_button_clicked)
        self.model.dataChanged.connect(self._on_model_data_changed)
        self.hide()

    def show_input(self, state: InputState | None) -> None:
        """Show the chats of ``state`` (hide for ``None``); ticks are kept while it is the
        same input with the same chats. Emits nothing: the caller asked for it."""
        same = (state is not None and self._state is not None
                and state.path == self._state.path and state.chats == self._state.chats)
        self._state = state
        self.setVisible(state is not None)
        if same:
            return
        self.model.set_chats(state.chats if state is not None else ())
        if state is not None:
            self.setTitle(self.tr("Chats in “{name}”: tick the ones to import").format(
                name=state.path.name))

    def ticked_keys(self) -> tuple[str, ...]:
        """The keys for ImportOptions.chats (empty when no input needs a choice)."""
        return self.model.ticked_keys() if self._state is not None else ()

    def _on_all_button_clicked(self) -> None:
        self.model.set_all_ticked(True)

    def _on_none_button_clicked(self) -> None:
        self.model.set_all_ticked(False)

    def _on_model_data_changed(self) -> None:
        self.changed.emit()
