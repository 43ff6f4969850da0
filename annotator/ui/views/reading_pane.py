"""The reading pane: a header with the post's facts above its read-only text.

The text is shown verbatim in a word-wrapped, selectable ``QPlainTextEdit``;
annotations are painted by :class:`AnnotationHighlighter` without editing it.
The pane also keeps which of the coder's annotations is selected (clicks cycle
through overlapping ones) and converts selections to code points.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QVBoxLayout, QWidget

from annotator.core.changes import Changes
from annotator.core.model import Annotation, Post
from annotator.core.posts.service import hit_spans
from annotator.core.project import Project
from annotator.core.spans import Span, Utf16Index
from annotator.ui.models.post_table import format_date
from annotator.ui.views.highlighter import FALLBACK_COLOUR, Run, build_runs
from annotator.ui.views.post_text_view import PostTextView

log = logging.getLogger(__name__)


class ReadingPane(QWidget):
    """Shows one post of the current project. GUI thread only.

    Only the current coder's annotations can be selected; in blind mode the
    other coders' annotations are not shown at all.
    """

    annotation_selected = Signal(object)
    """annotation_selected(annotation_id: int | None): the selected annotation changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._project: Project | None = None
        self._post: Post | None = None
        self._index = Utf16Index("")
        self._annotations: list[Annotation] = []
        self._colours: dict[int, str] = {}
        self._selected: int | None = None
        self._coder_id: int | None = None
        self._blind = False
        self._search = ""

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
        self.text_view.clicked.connect(self._on_text_view_clicked)
        self.text_view.context_menu_opening.connect(self._on_text_view_context_menu_opening)

    @property
    def post(self) -> Post | None:
        return self._post

    @property
    def index(self) -> Utf16Index:
        """Code points ↔ UTF-16 units of the shown post's text."""
        return self._index

    def set_project(self, project: Project | None) -> None:
        self._project = project
        self._coder_id = None
        self.show_post(None)

    def set_coder(self, coder_id: int | None, *, blind: bool = False) -> None:
        """Whose annotations can be selected, and whether only theirs are shown."""
        self._coder_id, self._blind = coder_id, blind
        self._reload(keep_selection=False)

    def show_post(self, post_id: int | None) -> None:
        """Show post ``post_id`` of the current project, or nothing."""
        project = self._project
        self._post = project.posts.get(post_id) if project and post_id is not None else None
        self._show_header(self._post)
        self._set_selected(None)
        view = self.text_view
        if self._post is None:
            self._index, self._annotations = Utf16Index(""), []
            view.highlighter.set_runs([], rehighlight=False)
            view.set_hits([])
            view.clear()
            return
        self._index = Utf16Index(self._post.text)
        self._annotations = self._load_annotations(self._post)
        # Runs first, so setting the text highlights it in a single pass.
        view.highlighter.set_runs(self._runs(self._post), rehighlight=False)
        view.setPlainText(self._post.text)
        if view.document().characterCount() - 1 != self._index.length_qt:
            # Qt folds "\r\n" into one separator; highlights would then drift.
            log.warning("post %s: Qt changed the text's length", self._post.id)
        self._show_hits(scroll=True)

    def set_search(self, query: str) -> None:
        """Mark the hits of full-text ``query`` in the shown post and the next ones
        (an empty query marks none); the first hit is scrolled into view."""
        if query != self._search:
            self._search = query
            self._show_hits(scroll=True)

    def hit_spans(self) -> list[Span]:
        """The marked search hits of the shown post, in code points."""
        return [self._index.span_from_qt(*r) for r in self.text_view.hits()]

    def refresh(self, changes: Changes) -> None:
        """Follow ``changes``: re-highlight when the shown post, codes or coders changed."""
        post = self._post
        if self._project is None or post is None:
            return
        if post.id in changes.posts or changes.codes or changes.coders or changes.annotations:
            self._reload(keep_selection=True)

    # Annotations and selections, in code points

    def annotations(self) -> list[Annotation]:
        """The shown post's annotations that are shown (all, or in blind mode the coder's)."""
        return list(self._annotations)

    def selected_annotation(self) -> Annotation | None:
        return next((a for a in self._annotations if a.id == self._selected), None)

    def select_annotation(self, annotation_id: int | None) -> None:
        """Select one of the coder's annotations on the shown post (others are ignored)."""
        if annotation_id is not None and annotation_id not in {
                a.id for a in self._selectable()}:
            annotation_id = None
        self._set_selected(annotation_id)

    def selected_span(self) -> Span | None:
        """The text selection in code points, or ``None`` when no text is selected."""
        selection = self.text_view.selection_qt()
        if selection is None or self._post is None:
            return None
        start_qt, end_qt = selection
        start = self._index.from_qt(min(start_qt, self._index.length_qt))
        end = self._index.from_qt(min(end_qt, self._index.length_qt))
        return Span(start, end) if start < end else None

    def select_span(self, span: Span) -> None:
        """Select the text of ``span`` (code points) in the view."""
        self.text_view.select_qt(*self._index.span_to_qt(span))

    # Slots

    def _on_text_view_clicked(self, position_qt: int) -> None:
        self._select_at(position_qt, cycle=True)

    def _on_text_view_context_menu_opening(self, position_qt: int) -> None:
        current = self.selected_annotation()
        if current is None or not self._covers(current, position_qt):
            self._select_at(position_qt, cycle=False)

    # Internals

    def _select_at(self, position_qt: int, *, cycle: bool) -> None:
        """Select the innermost of the coder's annotations at ``position_qt``; a repeated
        click (``cycle``) on a selected one moves on to the next one there."""
        here = sorted((a for a in self._selectable() if self._covers(a, position_qt)),
                      key=lambda a: (a.span.end - a.span.start, a.span.start, a.id))
        ids = [a.id for a in here]
        if not ids:
            self._set_selected(None)
        elif cycle and self._selected in ids:
            self._set_selected(ids[(ids.index(self._selected) + 1) % len(ids)])
        else:
            self._set_selected(ids[0])

    def _covers(self, annotation: Annotation, position_qt: int) -> bool:
        if not 0 <= position_qt < self._index.length_qt:
            return False
        point = self._index.from_qt(position_qt)
        return annotation.span.start <= point < annotation.span.end

    def _selectable(self) -> list[Annotation]:
        if self._coder_id is None:
            return []
        return [a for a in self._annotations if a.coder_id == self._coder_id]

    def _set_selected(self, annotation_id: int | None) -> None:
        changed = annotation_id != self._selected
        self._selected = annotation_id
        selected = self.selected_annotation()
        if selected is None:
            self.text_view.set_outlines([])
        else:
            self.text_view.set_outlines([self._index.span_to_qt(selected.span)],
                                        self._colours.get(selected.code_id, FALLBACK_COLOUR))
        if changed:
            self.annotation_selected.emit(annotation_id)

    def _reload(self, *, keep_selection: bool) -> None:
        post = self._post
        if self._project is None or post is None:
            return
        self._annotations = self._load_annotations(post)
        self.text_view.highlighter.set_runs(self._runs(post))
        keep = keep_selection and self._selected in {a.id for a in self._selectable()}
        self._set_selected(self._selected if keep else None)

    def _load_annotations(self, post: Post) -> list[Annotation]:
        assert self._project is not None
        found = self._project.annotations.for_post(post.id)
        if self._blind:
            found = [a for a in found if a.coder_id == self._coder_id]
        return found

    def _runs(self, post: Post) -> list[Run]:
        assert self._project is not None
        codes = {c.id: c for c in self._project.codes.list()}
        self._colours = {c.id: c.colour or FALLBACK_COLOUR for c in codes.values()}
        coders = {c.id: c.name for c in self._project.coders.list(include_gold=True)}
        return build_runs(post.text, self._annotations, codes, coders)

    def _show_hits(self, *, scroll: bool) -> None:
        post, view = self._post, self.text_view
        spans = hit_spans(post.text, self._search) if post and self._search.strip() else []
        view.set_hits([self._index.span_to_qt(s) for s in spans])
        if scroll and spans:
            cursor = QTextCursor(view.document())
            cursor.setPosition(self._index.to_qt(spans[0].start))
            view.setTextCursor(cursor)
            view.ensureCursorVisible()

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
