"""Editing a code's definition: description, inclusion, exclusion, examples, memo, and
for variables their type and levels."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.core.codebook.spec import CHOICE_TYPES, CodeKind, Level, VariableType
from annotator.core.model import Code


def lines_of(text: str) -> tuple[str, ...]:
    """Non-blank lines of ``text``, stripped."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())


class DefinitionDialog(QDialog):
    """Edits the definition of ``code``; :meth:`changed_fields` gives what to update."""

    def __init__(self, code: Code, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._code = code
        self.setWindowTitle(self.tr("Definition of “{path}”").format(path=code.path_text))
        self.resize(560, 640)
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Text spans (span code)"), CodeKind.SPAN.value)
        self.kind.addItem(self.tr("Whole post (variable)"), CodeKind.VARIABLE.value)
        self.kind.setCurrentIndex(self.kind.findData(code.kind))
        self.variable_type = QComboBox(self)
        for value, label in _type_labels().items():
            self.variable_type.addItem(label, value)
        self.variable_type.setCurrentIndex(
            max(0, self.variable_type.findData(code.variable_type or VariableType.SINGLE.value)))
        self.description = self._text(code.description, 4)
        self.inclusion = self._text(code.inclusion, 3)
        self.exclusion = self._text(code.exclusion, 3)
        self.examples = self._text("\n".join(code.examples), 3)
        self.levels = self._text("\n".join(level.name for level in code.levels), 3)
        self.memo = self._text(code.memo, 3)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        self._form = QFormLayout()
        self._form.addRow(self.tr("Applies to:"), self.kind)
        self._form.addRow(self.tr("Variable type:"), self.variable_type)
        self._form.addRow(self.tr("Description:"), self.description)
        self._form.addRow(self.tr("Include when:"), self.inclusion)
        self._form.addRow(self.tr("Exclude when:"), self.exclusion)
        self._form.addRow(self.tr("Examples\n(one per line):"), self.examples)
        self._form.addRow(self.tr("Levels\n(one per line):"), self.levels)
        self._form.addRow(self.tr("Memo:"), self.memo)
        layout = QVBoxLayout(self)
        title = QLabel(code.path_text, self)
        title.setStyleSheet("font-weight: bold")
        layout.addWidget(title)
        layout.addLayout(self._form)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(self._on_kind_current_index_changed)
        self.variable_type.currentIndexChanged.connect(
            self._on_variable_type_current_index_changed)
        self._show_variable_rows()

    def values(self) -> dict[str, Any]:
        """Every field as the dialog shows it, in the form ``CodeService.update`` takes."""
        kind = str(self.kind.currentData())
        variable = kind == CodeKind.VARIABLE.value
        variable_type = str(self.variable_type.currentData()) if variable else None
        choice = variable_type is not None and VariableType(variable_type) in CHOICE_TYPES
        return {
            "kind": kind,
            "variable_type": variable_type,
            "levels": self._levels() if choice else (),
            "description": self.description.toPlainText().strip(),
            "inclusion": self.inclusion.toPlainText().strip(),
            "exclusion": self.exclusion.toPlainText().strip(),
            "examples": lines_of(self.examples.toPlainText()),
            "memo": self.memo.toPlainText().strip(),
        }

    def changed_fields(self) -> dict[str, Any]:
        """Only the fields that differ from the code's (empty: nothing to do)."""
        code = self._code
        return {name: value for name, value in self.values().items()
                if value != getattr(code, name)}

    def _levels(self) -> tuple[Level, ...]:
        # Keep the uuid (and description) of levels whose name stays, so values keep them;
        # new levels get their uuid here, so that redoing the edit gives them the same one.
        known = {level.name: level for level in self._code.levels}
        return tuple(known.get(name) or Level(name, str(uuid4()))
                     for name in lines_of(self.levels.toPlainText()))

    def _text(self, value: str, rows: int) -> QPlainTextEdit:
        edit = QPlainTextEdit(value, self)
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * rows + 12)
        return edit

    def _on_kind_current_index_changed(self) -> None:
        self._show_variable_rows()

    def _on_variable_type_current_index_changed(self) -> None:
        self._show_variable_rows()

    def _show_variable_rows(self) -> None:
        variable = self.kind.currentData() == CodeKind.VARIABLE.value
        self._form.setRowVisible(self.variable_type, variable)
        choice = variable and VariableType(str(self.variable_type.currentData())) in CHOICE_TYPES
        self._form.setRowVisible(self.levels, choice)


def _type_labels() -> dict[str, str]:
    return {
        VariableType.SINGLE.value: QCoreApplication.translate(
            "DefinitionDialog", "Single choice"),
        VariableType.MULTIPLE.value: QCoreApplication.translate(
            "DefinitionDialog", "Multiple choice"),
        VariableType.ORDINAL.value: QCoreApplication.translate(
            "DefinitionDialog", "Ordinal (levels low to high)"),
        VariableType.BOOLEAN.value: QCoreApplication.translate("DefinitionDialog", "Yes / no"),
        VariableType.NUMBER.value: QCoreApplication.translate("DefinitionDialog", "Number"),
        VariableType.TEXT.value: QCoreApplication.translate("DefinitionDialog", "Text"),
    }
