"""The post variables panel: one editor per post-level variable of the codebook.

It shows the current coder's values for one post and reports edits with the
post's id; the coding workspace turns them into undoable ``SetPostValue`` steps.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import Code
from annotator.ui import code_summary
from annotator.ui.views.variable_editors import VariableEditor, make_editor


class VariablesPanel(QScrollArea):
    """Editors for the variables of the current codebook. GUI thread only."""

    value_edited = Signal(int, int, object)
    """value_edited(post_id: int, code_id: int, value: Any): the user set a variable of the
    post (``None`` clears it). Emitted for the post shown when the edit was made."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self._post_id: int | None = None
        self._codes: list[Code] = []
        self._editors: dict[int, VariableEditor] = {}
        self._clear_buttons: dict[int, QToolButton] = {}
        self._values: dict[int, Any] = {}
        self._body = QWidget(self)
        self._layout = QVBoxLayout(self._body)
        self._layout.setContentsMargins(4, 4, 4, 4)
        # Never squeeze the editors below their size: scroll instead (a short dock used to
        # draw the levels of long variables on top of each other).
        self._layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.setWidget(self._body)
        self.placeholder = QLabel(self.tr("The codebook has no post-level variables."),
                                  self._body)
        self.placeholder.setWordWrap(True)
        self._build()

    def sizeHint(self) -> QSize:  # Qt override: the dock's size before any saved layout
        return QSize(320, 360)

    @property
    def post_id(self) -> int | None:
        return self._post_id

    def editor(self, code_id: int) -> VariableEditor:
        return self._editors[code_id]

    def clear_button(self, code_id: int) -> QToolButton:
        return self._clear_buttons[code_id]

    def set_variables(self, codes: Sequence[Code]) -> None:
        """Build editors for the variables among ``codes`` (in codebook order)."""
        variables = [c for c in codes if c.is_variable]
        if [_shape(c) for c in variables] == [_shape(c) for c in self._codes] and self._editors:
            self._codes = variables
            return
        self.commit_pending()
        self._codes = variables
        self._build()
        self._show(self._values)

    def show_values(self, post_id: int | None, values: Mapping[int, Any]) -> None:
        """Show ``values`` ({code id: value}) of post ``post_id``; edits still being typed
        for the previous post are reported first."""
        if post_id != self._post_id:
            self.commit_pending()
        self._post_id = post_id
        self._show(dict(values))

    def commit_pending(self) -> None:
        """Report edits still being typed (a text field that has not lost the focus)."""
        for editor in self._editors.values():
            editor.commit()

    def _show(self, values: dict[int, Any]) -> None:
        self._values = values
        for code_id, editor in self._editors.items():
            editor.blockSignals(True)
            editor.set_value(values.get(code_id))
            editor.blockSignals(False)
            self._clear_buttons[code_id].setEnabled(values.get(code_id) is not None)
        self._body.setEnabled(self._post_id is not None)

    def _build(self) -> None:
        while (item := self._layout.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None and widget is not self.placeholder:
                widget.deleteLater()
        self._editors, self._clear_buttons = {}, {}
        self._layout.addWidget(self.placeholder)
        self.placeholder.setVisible(not self._codes)
        for code in self._codes:
            self._layout.addWidget(self._group(code))
        self._layout.addStretch(1)

    def _group(self, code: Code) -> QGroupBox:
        box = QGroupBox(code.name, self._body)
        box.setToolTip(code_summary.tooltip(code))
        editor = make_editor(code, box)
        editor.edited.connect(partial(self._on_editor_edited, code.id))
        clear = QToolButton(box)
        clear.setText(self.tr("Clear"))
        clear.setToolTip(self.tr("Remove this post's value of “{name}”").format(name=code.name))
        clear.setAutoRaise(True)
        clear.clicked.connect(partial(self._on_clear_clicked, code.id))
        row = QHBoxLayout(box)
        row.setContentsMargins(6, 2, 2, 4)
        row.addWidget(editor, 1)
        row.addWidget(clear, 0, Qt.AlignmentFlag.AlignTop)
        self._editors[code.id] = editor
        self._clear_buttons[code.id] = clear
        return box

    def _on_editor_edited(self, code_id: int, value: Any) -> None:
        if self._post_id is not None:
            self.value_edited.emit(self._post_id, code_id, value)

    def _on_clear_clicked(self, code_id: int, _checked: bool = False) -> None:
        self._on_editor_edited(code_id, None)


def _shape(code: Code) -> tuple[Any, ...]:
    """What the editor of ``code`` depends on: rebuilt only when this changes."""
    return (code.id, code.name, code.variable_type, code.levels, code.description)
