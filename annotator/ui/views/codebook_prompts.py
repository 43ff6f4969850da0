"""The questions the codebook panel asks before an edit, each a modal dialog.

Kept apart from the panel so that tests (and scripts) can answer them without
blocking: replace ``CodebookPanel.prompts`` with a subclass that returns values.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from annotator.core.codebook.service import Usage
from annotator.core.model import Code
from annotator.ui.dialogs.definition_dialog import DefinitionDialog
from annotator.ui.dialogs.merge_dialog import MergeDialog
from annotator.ui.dialogs.shortcut_dialog import ShortcutDialog


def delete_text(code: Code, usage: Usage) -> str:
    """The confirmation question for deleting ``code``, with what it removes."""
    return QCoreApplication.translate(
        "CodebookPrompts",
        "Delete “{path}”? {annotations} annotation(s) and {values} post value(s) on "
        "{codes} code(s) will be deleted."
    ).format(path=code.path_text, annotations=usage.annotations, values=usage.values,
             codes=usage.codes)


class CodebookPrompts:
    """Asks the user; every method returns ``None`` (or ``False``) when cancelled."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent

    def code_name(self, title: str, parent_path: str | None) -> str | None:
        """The name of a new code (under ``parent_path``, or at the top level)."""
        label = (QCoreApplication.translate("CodebookPrompts", "Name of the new code:")
                 if parent_path is None else
                 QCoreApplication.translate(
                     "CodebookPrompts", "Name of the new subcode of “{path}”:"
                 ).format(path=parent_path))
        name, ok = QInputDialog.getText(self._parent, title, label, QLineEdit.EchoMode.Normal)
        return (name.strip() or None) if ok else None

    def colour(self, code: Code) -> str | None:
        """A colour as ``#rrggbb``."""
        initial = QColor(code.colour) if code.colour else QColor("#9e9e9e")
        chosen = QColorDialog.getColor(
            initial, self._parent,
            QCoreApplication.translate("CodebookPrompts", "Colour of “{name}”").format(
                name=code.name))
        return chosen.name() if chosen.isValid() else None

    def shortcut(self, code: Code, taken: Mapping[str, str]) -> str | None:
        """One key, or ``""`` to remove the shortcut."""
        dialog = ShortcutDialog(code, taken, self._parent)
        return dialog.key() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def definition(self, code: Code) -> dict[str, Any] | None:
        """The definition fields that changed (possibly none)."""
        dialog = DefinitionDialog(code, self._parent)
        return dialog.changed_fields() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def merge_target(self, code: Code, candidates: Sequence[Code], own: Usage) -> int | None:
        """The id of the code to merge ``code`` into."""
        dialog = MergeDialog(code, candidates, own, self._parent)
        return dialog.target_id() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def confirm_delete(self, code: Code, usage: Usage) -> bool:
        """Whether to delete ``code``; the question says how much coded work goes with it."""
        box = QMessageBox(QMessageBox.Icon.Warning,
                          QCoreApplication.translate("CodebookPrompts", "Delete code"),
                          delete_text(code, usage),
                          QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
                          self._parent)
        box.button(QMessageBox.StandardButton.Ok).setText(
            QCoreApplication.translate("CodebookPrompts", "Delete"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setInformativeText(
            QCoreApplication.translate("CodebookPrompts", "You can undo this with Edit → Undo."))
        return box.exec() == QMessageBox.StandardButton.Ok.value
