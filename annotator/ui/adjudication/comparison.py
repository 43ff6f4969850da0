"""The versions side by side: one column per finisher of the shown post, then the gold one.

Columns keep the finishers' name order and take the coder colours by position (the same
colours as the accept buttons). Spans that not every finisher has are listed in bold.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QWidget

from annotator.core.codebook.spec import VariableType
from annotator.core.model import Code
from annotator.core.spans import Span
from annotator.core.team.adjudication import PostAdjudication
from annotator.core.team.adjudication_items import Item, describe_value
from annotator.ui.adjudication.gold_panel import GoldPanel
from annotator.ui.adjudication.item_list import describe
from annotator.ui.adjudication.version_column import COLOURS, VersionColumn


def colour_of(position: int) -> str:
    """The colour of the finisher at ``position`` (0-based) among the post's finishers."""
    return COLOURS[position % len(COLOURS)]


class Comparison(QSplitter):
    """The finishers' columns and the gold panel; GUI thread only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setChildrenCollapsible(False)
        self.columns: list[VersionColumn] = []
        self.gold_panel = GoldPanel(self)
        self.addWidget(self.gold_panel)

    def show_post(self, view: PostAdjudication | None) -> None:
        """One titled column per finisher of ``view``'s post, showing its text."""
        coders = list(view.coders) if view is not None else []
        while len(self.columns) < len(coders):
            column = VersionColumn(self)
            self.insertWidget(len(self.columns), column)
            self.columns.append(column)
        while len(self.columns) > len(coders):
            column = self.columns.pop()
            column.hide()  # at once: deletion waits for the event loop
            column.setParent(None)
            column.deleteLater()
        for number, (coder, column) in enumerate(zip(coders, self.columns, strict=True)):
            column.set_title(f"{number + 1} · {coder.name}", colour_of(number))
            column.set_text(view.post.text if view is not None else "")
        self.gold_panel.setVisible(view is not None)

    def show_item(self, view: PostAdjudication, item: Item | None, code: Code | None) -> bool:
        """Show each version of ``item``; returns whether versions can be combined (span
        codes and multiple-choice variables)."""
        if item is None:
            for column in self.columns:
                column.show_spans([])
            return True
        entry, text = item.entry, view.post.text
        note = self._decision_note(view, item)
        if entry.is_variable and code is not None:
            for coder, column in zip(entry.coders, self.columns, strict=True):
                column.show_value(describe_value(code, entry.value_of(coder)))
            value = view.gold_values.get(entry.code_id)
            self.gold_panel.show_value(text, code, value, describe_value(code, value), note)
            return code.variable_type == VariableType.MULTIPLE
        shared = set.intersection(*(set(entry.spans_of(c)) for c in entry.coders))
        for coder, column in zip(entry.coders, self.columns, strict=True):
            column.show_spans(entry.spans_of(coder), shared)
        self.gold_panel.show_spans(text, list(view.gold_spans.get(entry.code_id, ())), note)
        return True

    def selected_span(self) -> Span | None:
        """The text selected in the gold column, else in a coder's column (code points)."""
        for column in (self.gold_panel.column, *self.columns):
            span = column.selected_span()
            if span is not None:
                return span
        return None

    def _decision_note(self, view: PostAdjudication, item: Item) -> str:
        if item.decision is None:
            return self.tr("agreed, not yet adopted") if item.agreed else self.tr("not decided")
        note = describe(item.decision, {c.uuid: c.name for c in view.coders})
        return f"{note}\n“{item.decision.note}”" if item.decision.note else note
