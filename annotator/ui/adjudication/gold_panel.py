"""The gold column: the adjudicated version of the selected code, and the controls to edit it.

For a span code: the gold spans over the post text, "Add selection" (the text selected in
any column), "Remove span" (the span chosen in the list) and exact offsets (code points)
for the chosen span. For a variable: the variable's own editor. The panel only reports
what the adjudicator asked for; the window turns it into an undoable edit decision.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import Code
from annotator.core.spans import Span
from annotator.ui.adjudication.version_column import GOLD_COLOUR, SPAN_ROLE, VersionColumn
from annotator.ui.views.variable_editors import VariableEditor, make_editor


class GoldPanel(QWidget):
    """The adjudicated version and its editing controls; GUI thread only."""

    add_requested = Signal()
    """add_requested(): add the text selected in some column as a gold span."""

    remove_requested = Signal(object)
    """remove_requested(span: Span): drop this gold span."""

    offsets_requested = Signal(object, object)
    """offsets_requested(old: Span, new: Span): move a gold span to new offsets."""

    value_edited = Signal(object)
    """value_edited(value: Any): the adjudicator set the gold value (``None``: none)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = VersionColumn(self)
        self.add_button = QPushButton(self.tr("&Add selection"), self)
        self.add_button.setToolTip(self.tr(
            "Add the text selected in any column to the adjudicated version (E)"))
        self.remove_button = QPushButton(self.tr("Re&move span"), self)
        self.remove_button.setToolTip(self.tr("Remove the span chosen in the list (Delete)"))
        self.start_spin = QSpinBox(self)
        self.end_spin = QSpinBox(self)
        for spin, name in ((self.start_spin, self.tr("Start")), (self.end_spin, self.tr("End"))):
            spin.setAccessibleName(name)
            spin.setToolTip(self.tr("{name} of the chosen span, in characters (code points) "
                                    "from the start of the post").format(name=name))
        self.offsets_button = QPushButton(self.tr("Set &offsets"), self)
        self.value_label = QLabel(self.tr("Adjudicated value:"), self)
        self._editor: VariableEditor | None = None
        self._editor_box = QVBoxLayout()
        self._length = 0

        span_row = QHBoxLayout()
        span_row.addWidget(self.add_button)
        span_row.addWidget(self.remove_button)
        span_row.addStretch(1)
        offsets_row = QHBoxLayout()
        offsets_row.addWidget(QLabel(self.tr("Offsets:"), self))
        offsets_row.addWidget(self.start_spin)
        offsets_row.addWidget(QLabel("–", self))
        offsets_row.addWidget(self.end_spin)
        offsets_row.addWidget(self.offsets_button)
        offsets_row.addStretch(1)
        self._span_controls = QWidget(self)
        controls = QVBoxLayout(self._span_controls)
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addLayout(span_row)
        controls.addLayout(offsets_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.column, 1)
        layout.addWidget(self._span_controls)
        layout.addWidget(self.value_label)
        layout.addLayout(self._editor_box)

        self.add_button.clicked.connect(self.add_requested)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.offsets_button.clicked.connect(self._on_offsets_button_clicked)
        self.column.span_list.currentItemChanged.connect(self._on_span_list_current_changed)
        self.set_title(self.tr("Adjudicated"))

    def set_title(self, name: str) -> None:
        self.column.set_title(name, GOLD_COLOUR)

    def show_spans(self, text: str, spans: list[Span], note: str) -> None:
        """Show the gold spans of a span code over ``text``."""
        self._drop_editor()
        self._length = len(text)
        self.column.set_text(text)
        self.column.show_spans(spans, shared=spans, note=note)
        self._span_controls.setVisible(True)
        self.value_label.setVisible(False)
        for spin in (self.start_spin, self.end_spin):
            spin.setRange(0, self._length)
        self._on_span_list_current_changed()

    def show_value(self, text: str, code: Code, value: Any, shown: str, note: str) -> None:
        """Show the gold value of variable ``code`` with its editor."""
        self._drop_editor()
        self.column.set_text(text)
        self.column.show_value(shown, note)
        self._span_controls.setVisible(False)
        self.value_label.setVisible(True)
        self._editor = make_editor(code, self)
        self._editor.set_value(value)
        self._editor.edited.connect(self.value_edited)
        self._editor_box.addWidget(self._editor)

    def chosen_span(self) -> Span | None:
        item = self.column.span_list.currentItem()
        span = item.data(SPAN_ROLE) if item is not None else None
        return span if isinstance(span, Span) else None

    def choose_span(self, span: Span) -> None:
        """Make ``span`` the chosen one in the list (for the offsets and removal)."""
        for row in range(self.column.span_list.count()):
            if self.column.span_list.item(row).data(SPAN_ROLE) == span:
                self.column.span_list.setCurrentRow(row)

    @property
    def editor(self) -> VariableEditor | None:
        return self._editor

    def commit_pending(self) -> None:
        """Report a value still being typed in the editor."""
        if self._editor is not None:
            self._editor.commit()

    # Slots

    def _on_remove_button_clicked(self) -> None:
        span = self.chosen_span()
        if span is not None:
            self.remove_requested.emit(span)

    def _on_offsets_button_clicked(self) -> None:
        span = self.chosen_span()
        start, end = self.start_spin.value(), self.end_spin.value()
        if span is not None and start < end:
            self.offsets_requested.emit(span, Span(start, end))

    def _on_span_list_current_changed(self, *_args: object) -> None:
        span = self.chosen_span()
        for widget in (self.remove_button, self.offsets_button, self.start_spin,
                       self.end_spin):
            widget.setEnabled(span is not None)
        if span is not None:
            self.start_spin.setValue(span.start)
            self.end_spin.setValue(span.end)
            self.column.scroll_to(span)

    def _drop_editor(self) -> None:
        if self._editor is not None:
            self._editor.edited.disconnect(self.value_edited)
            self._editor_box.removeWidget(self._editor)
            self._editor.hide()  # at once: deletion waits for the event loop
            self._editor.deleteLater()
            self._editor = None
