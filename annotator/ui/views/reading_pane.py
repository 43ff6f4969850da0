"""The reading pane: a header with the post's facts above its read-only text.

The text is shown verbatim in a word-wrapped, selectable ``QPlainTextEdit``;
annotations are painted by :class:`AnnotationHighlighter` without editing it.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextOption
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QPlainTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from annotator.core.changes import Changes
from annotator.core.model import Post
from annotator.core.project import Project
from annotator.core.spans import Utf16Index
from annotator.ui.models.post_table import format_date
from annotator.ui.views.highlighter import AnnotationHighlighter, Run, build_runs

log = logging.getLogger(__name__)


class PostTextView(QPlainTextEdit):
    """Read-only post text with a tooltip naming the codes and coders under the mouse."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(8)
        self.highlighter = AnnotationHighlighter(self.document())

    def shown_text(self) -> str:
        """The document's text with block separators as ``\\n`` and nothing else replaced.

        (``toPlainText`` also turns no-break spaces into spaces.)
        """
        return self.document().toRawText().replace("\u2029", "\n")

    def tooltip_at(self, point: QPoint) -> str | None:
        """The tooltip for viewport point ``point``: the codes and coders of the run there."""
        cursor = self.cursorForPosition(point)
        position = cursor.position()
        # The cursor sits between characters; left of its caret means the previous one.
        if point.x() < self.cursorRect(cursor).x() and position > 0:
            position -= 1
        run = self.highlighter.run_at(position)
        return run.tooltip if run is not None else None

    def viewportEvent(self, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tooltip_at(event.pos())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)


class ReadingPane(QWidget):
    """Shows one post of the current project. GUI thread only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._project: Project | None = None
        self._post: Post | None = None

        header = QFrame(self)
        header.setObjectName("postHeader")
        self._form = QFormLayout(header)
        self._form.setContentsMargins(4, 4, 4, 4)
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.channel_label = self._add_row(self.tr("Channel:"))
        self.forwarded_label = self._add_row(self.tr("Forwarded from:"))
        self.date_label = self._add_row(self.tr("Date:"))
        self.reactions_label = self._add_row(self.tr("Reactions:"))
        self.views_label = self._add_row(self.tr("Views:"))
        self.edited_label = self._add_row(self.tr("Edited:"))

        self.text_view = PostTextView(self)
        self.text_view.setPlaceholderText(self.tr("Select a post in the list to read it."))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(header)
        layout.addWidget(self.text_view, 1)
        self._show_header(None)

    @property
    def post(self) -> Post | None:
        return self._post

    def set_project(self, project: Project | None) -> None:
        self._project = project
        self.show_post(None)

    def show_post(self, post_id: int | None) -> None:
        """Show post ``post_id`` of the current project, or nothing."""
        project = self._project
        self._post = project.posts.get(post_id) if project and post_id is not None else None
        self._show_header(self._post)
        view = self.text_view
        if self._post is None:
            view.highlighter.set_runs([], rehighlight=False)
            view.clear()
            return
        # Runs first, so setting the text highlights it in a single pass.
        view.highlighter.set_runs(self._runs(self._post), rehighlight=False)
        view.setPlainText(self._post.text)
        if view.document().characterCount() - 1 != Utf16Index(self._post.text).length_qt:
            # Qt folds "\r\n" into one separator; highlights would then drift.
            log.warning("post %s: Qt changed the text's length", self._post.id)

    def refresh(self, changes: Changes) -> None:
        """Follow ``changes``: re-highlight when the shown post, codes or coders changed."""
        if self._project is None:
            return
        post = self._post
        if post is None:
            return
        if post.id in changes.posts or changes.codes or changes.coders or changes.annotations:
            self.text_view.highlighter.set_runs(self._runs(post))


    def _runs(self, post: Post) -> list[Run]:
        assert self._project is not None
        codes = {c.id: c for c in self._project.codes.list()}
        coders = {c.id: c.name for c in self._project.coders.list()}
        return build_runs(post.text, self._project.annotations.for_post(post.id), codes, coders)

    def _add_row(self, caption: str) -> QLabel:
        label = QLabel(self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        self._form.addRow(caption, label)
        return label

    def _show_header(self, post: Post | None) -> None:
        meta = post.metadata if post is not None else {}
        self._set_row(self.channel_label, post.channel_title if post is not None else None)
        self._set_row(self.forwarded_label, post.forwarded_from if post is not None else None)
        self._set_row(self.date_label, None if post is None else
                      (format_date(post.date) + " UTC" if post.date else self.tr("date unknown")))
        self._set_row(self.reactions_label, self._reactions(meta))
        self._set_row(self.views_label, _plain(meta.get("views")))
        self._set_row(self.edited_label, _plain(meta.get("edited", meta.get("edits"))))

    def _set_row(self, label: QLabel, text: str | None) -> None:
        label.setText(text or "")
        self._form.setRowVisible(label, bool(text))

    def _reactions(self, meta: dict[str, Any]) -> str | None:
        raw = meta.get("reactions_raw")
        if not raw:
            return self.tr("none") if meta.get("reactions_missing") else None
        parsed = meta.get("reactions")
        if parsed is None:
            readings = len(meta.get("reactions_readings") or [])
            reading = (
                self.tr("ambiguous ({n} readings)").format(n=readings)
                if readings > 1 else self.tr("ambiguous")
            )
        else:
            reading = "  ".join(
                f"{item.get('emoji') or '?'} {item.get('count')}" for item in parsed
            )
        return f"{raw}   →   {reading}"


def _plain(value: object) -> str | None:
    if value is None or value is False or value == "":
        return None
    return str(value)
