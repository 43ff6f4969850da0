"""The decision buttons under the columns, with their keys.

One "Accept <coder>" button per finisher of the shown post (keys 1 to 9, in column order),
"Accept both"/"Accept all" (A), "Reject" (R), an optional note kept with the next
decision, and "Next open" (N). The keys are window shortcuts: they work wherever the focus
is in the window, except while typing in the note or an offset field.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

MAX_KEYED = 9


class DecisionBar(QWidget):
    """Reports the adjudicator's decisions; GUI thread only."""

    accept_requested = Signal(int)
    """accept_requested(coder_id: int): take this coder's version."""

    accept_all_requested = Signal()
    """accept_all_requested(): take the union of every finisher's version."""

    reject_requested = Signal()
    """reject_requested(): nothing for this code on this post."""

    next_requested = Signal()
    """next_requested(): go to the next open disagreement."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._coders: list[tuple[int, str]] = []
        self._union = True
        self._deciding = True
        self._buttons: list[QPushButton] = []
        self._row = QHBoxLayout()
        self._row.setContentsMargins(0, 0, 0, 0)
        self.accept_all_button = QPushButton(self.tr("Accept all"), self)
        self.reject_button = QPushButton(self.tr("Reject (R)"), self)
        self.reject_button.setToolTip(self.tr("The adjudicated version has no spans (or no "
                                              "value) for this code on this post"))
        self.next_button = QPushButton(self.tr("Next open (N)"), self)
        self.note_edit = QLineEdit(self)
        self.note_edit.setPlaceholderText(self.tr("Note for the decision log (optional)"))
        self.note_edit.setClearButtonEnabled(True)
        self.advance_box = QCheckBox(self.tr("Go to the next open item after deciding"), self)
        self.advance_box.setChecked(True)
        self.accept_actions = [self._action(str(n), partial(self._on_accept_key, n - 1))
                               for n in range(1, MAX_KEYED + 1)]
        self.accept_all_action = self._action("A", self.accept_all_requested.emit)
        self.reject_action = self._action("R", self.reject_requested.emit)
        self.next_action = self._action("N", self.next_requested.emit)

        buttons = QHBoxLayout()
        buttons.addLayout(self._row)
        buttons.addWidget(self.accept_all_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        lower = QHBoxLayout()
        lower.addWidget(self.note_edit, 1)
        lower.addWidget(self.advance_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addLayout(lower)
        self.accept_all_button.clicked.connect(self.accept_all_requested)
        self.reject_button.clicked.connect(self.reject_requested)
        self.next_button.clicked.connect(self.next_requested)

    def set_coders(self, coders: list[tuple[int, str, str]], union: bool) -> None:
        """One accept button per ``(id, name, colour)``; ``union`` says whether versions
        can be combined (span codes, multiple-choice variables)."""
        for button in self._buttons:
            self._row.removeWidget(button)
            button.hide()  # at once: deletion waits for the event loop
            button.deleteLater()
        self._coders = [(coder_id, name) for coder_id, name, _ in coders]
        self._buttons = []
        for number, (coder_id, name, colour) in enumerate(coders, start=1):
            key = f" ({number})" if number <= MAX_KEYED else ""
            button = QPushButton(self.tr("Accept {name}").format(name=name) + key, self)
            button.setStyleSheet(f"border-bottom: 3px solid {colour};")
            button.setToolTip(self.tr("Take {name}'s version").format(name=name))
            button.clicked.connect(partial(self.accept_requested.emit, coder_id))
            self._row.addWidget(button)
            self._buttons.append(button)
        self.accept_all_button.setText(
            (self.tr("Accept both") if len(coders) == 2 else self.tr("Accept all")) + " (A)")
        self.accept_all_button.setToolTip(self.tr(
            "Take the union of every coder's spans: a span several coders marked is kept "
            "once; overlapping spans are kept as they are"))
        self._union = union
        self.accept_all_button.setVisible(union)
        self.set_deciding(self._deciding)

    def accept_buttons(self) -> list[QPushButton]:
        return list(self._buttons)

    def take_note(self) -> str:
        """The note typed so far; the field is cleared for the next decision."""
        note = self.note_edit.text().strip()
        self.note_edit.clear()
        return note

    def set_deciding(self, enabled: bool) -> None:
        """Enable or disable every decision button and key (not "Next open")."""
        self._deciding = enabled
        for button in (*self._buttons, self.accept_all_button, self.reject_button):
            button.setEnabled(enabled)
        for action in (*self.accept_actions, self.reject_action):
            action.setEnabled(enabled)
        self.accept_all_action.setEnabled(enabled and self._union)

    def _on_accept_key(self, position: int) -> None:
        if position < len(self._coders) and self._buttons[position].isEnabled():
            self.accept_requested.emit(self._coders[position][0])

    def _action(self, key: str, slot: object) -> QAction:
        action = QAction(self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action
