"""Choosing a code's keyboard shortcut: one key, no modifiers, not used by another code."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QKeySequenceEdit,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import Code

_ALLOWED_MODIFIERS = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


def key_of(sequence: QKeySequence) -> str | None:
    """The single character a one-key sequence types (lower case), else ``None``."""
    if sequence.count() != 1:
        return None
    combination = sequence[0]
    if combination.keyboardModifiers() not in _ALLOWED_MODIFIERS:
        return None
    text = QKeySequence(combination.key()).toString()
    return text.lower() if len(text) == 1 and not text.isspace() else None


class ShortcutDialog(QDialog):
    """Asks for one key for ``code``; ``taken`` maps keys to the paths of other codes.

    After ``accept()``, :meth:`key` is the chosen key or ``""`` for none.
    """

    def __init__(self, code: Code, taken: Mapping[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Shortcut for “{name}”").format(name=code.name))
        self.setMinimumWidth(380)
        self._taken = {k: v for k, v in taken.items() if k != code.shortcut}
        self.editor = QKeySequenceEdit(self)
        self.editor.setMaximumSequenceLength(1)
        self.editor.setClearButtonEnabled(True)
        if code.shortcut:
            self.editor.setKeySequence(QKeySequence(code.shortcut))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Press the key that applies this code while coding "
                              "(a letter, digit or sign, without Ctrl or Alt)."), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.editor)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.editor.keySequenceChanged.connect(self._on_editor_key_sequence_changed)
        self._validate()

    def key(self) -> str:
        """The chosen key, or ``""`` for no shortcut."""
        return key_of(self.editor.keySequence()) or ""

    def _on_editor_key_sequence_changed(self) -> None:
        self._validate()

    def _validate(self) -> None:
        sequence = self.editor.keySequence()
        key = key_of(sequence)
        ok = True
        if sequence.isEmpty():
            self.message.setText(self.tr("No shortcut."))
        elif key is None:
            self.message.setText(self.tr("“{keys}” is not a single key without modifiers.")
                                 .format(keys=sequence.toString()))
            ok = False
        elif key in self._taken:
            self.message.setText(self.tr("“{key}” is already used by {path}.")
                                 .format(key=key, path=self._taken[key]))
            ok = False
        else:
            self.message.setText(self.tr("Key “{key}”.").format(key=key))
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok_button.setEnabled(ok)
