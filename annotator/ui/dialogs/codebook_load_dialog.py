"""Confirming a codebook file before it replaces the project's codebook.

Shows what loading the file changes (added, renamed, moved, changed, removed),
what the file format could not carry, and, when the file removes codes that
carry coded work, asks where that work goes: into another code of the file, or
deleted. Nothing is written until the user accepts.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.codebook.exchange import CodebookDiff
from annotator.core.codebook.spec import CodebookSpec, CodeKind, walk


class CodebookLoadDialog(QDialog):
    """``merge_into()`` / ``delete_removed()`` give the choice when coded work is removed."""

    def __init__(
        self,
        file_name: str,
        diff: CodebookDiff,
        spec: CodebookSpec,
        notes: tuple[str, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Load codebook"))
        self.resize(640, 480)
        refused = [r for r in diff.removed if r.fate == "refused"]
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Loading “{name}” makes the project's codebook equal to the file. This is "
            "recorded in the changelog and cannot be undone with Undo."
        ).format(name=file_name), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.changes_view = QPlainTextEdit(self)
        self.changes_view.setReadOnly(True)
        text = "\n".join(diff.lines())
        if notes:
            text += "\n\n" + self.tr("What the file format could not carry:") + "\n"
            text += "\n".join(f"• {note}" for note in notes)
        self.changes_view.setPlainText(text)
        layout.addWidget(self.changes_view, 1)

        self.merge_button = QRadioButton(self.tr("Move their annotations to:"), self)
        self.delete_button = QRadioButton(self.tr("Delete their annotations"), self)
        self.target_combo = QComboBox(self)
        self._choice = QButtonGroup(self)
        if refused:
            listing = ", ".join(f"{r.path} ({r.annotations + r.values})" for r in refused)
            question = QLabel(self.tr(
                "The file removes codes that carry coded work: {codes}. Where should it go?"
            ).format(codes=listing), self)
            question.setWordWrap(True)
            layout.addWidget(question)
            kinds = {CodeKind.SPAN} if all(r.values == 0 for r in refused) else set(CodeKind)
            for path, code in walk(spec.codes):
                if code.kind in kinds:
                    self.target_combo.addItem("/".join(path))
            for button in (self.merge_button, self.delete_button):
                self._choice.addButton(button)
            self.merge_button.setChecked(self.target_combo.count() > 0)
            self.merge_button.setEnabled(self.target_combo.count() > 0)
            self.delete_button.setChecked(self.target_combo.count() == 0)
            layout.addWidget(self.merge_button)
            layout.addWidget(self.target_combo)
            layout.addWidget(self.delete_button)
        self.needs_choice = bool(refused)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Load"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def merge_into(self) -> str | None:
        if self.needs_choice and self.merge_button.isChecked():
            return self.target_combo.currentText() or None
        return None

    def delete_removed(self) -> bool:
        return self.needs_choice and self.delete_button.isChecked()
