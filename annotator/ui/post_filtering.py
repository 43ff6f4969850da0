"""Filtering the post list: puts the filter bar above the list and applies its choices.

The post model reloads its ids with the chosen :class:`PostFilter`; the post
shown stays selected when the filter keeps it; the reading pane marks the hits
of the search text. Ctrl+F focuses the search, Ctrl+G "go to post #".
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QSplitter, QVBoxLayout, QWidget

from annotator.core.changes import Changes
from annotator.core.model import Coder
from annotator.core.project import Project
from annotator.ui.events import ProjectEvents
from annotator.ui.menus import Actions
from annotator.ui.models.post_table import PostTableModel
from annotator.ui.views.post_filter_bar import PostFilterBar
from annotator.ui.views.post_list import PostListView
from annotator.ui.views.reading_pane import ReadingPane


class PostFiltering(QObject):
    """Owns the filter bar of ``window``'s post list."""

    def __init__(
        self,
        window: QMainWindow,
        events: ProjectEvents,
        menus: Actions,
        post_model: PostTableModel,
        post_list: PostListView,
        pane: ReadingPane,
    ) -> None:
        super().__init__(window)
        self._model, self._list, self._pane = post_model, post_list, pane
        self._project: Project | None = None
        self._coder: Coder | None = None
        self.bar = PostFilterBar()
        self._wrap_list(post_list)

        self.find_action = QAction(self.tr("&Find posts…"), window)
        self.find_action.setShortcut(QKeySequence("Ctrl+F"))
        self.find_action.triggered.connect(self.bar.focus_search)
        self.go_to_action = QAction(self.tr("&Go to post #…"), window)
        self.go_to_action.setShortcut(QKeySequence("Ctrl+G"))
        self.go_to_action.triggered.connect(self.bar.focus_go_to)
        for action in (self.find_action, self.go_to_action):
            window.addAction(action)
        menus.go_menu.addSeparator()
        menus.go_menu.addAction(self.find_action)
        menus.go_menu.addAction(self.go_to_action)

        self.bar.filter_changed.connect(self.apply)
        self.bar.go_to_requested.connect(self._on_bar_go_to_requested)
        self.bar.search.escaped_empty.connect(self._on_search_escaped_empty)
        post_model.modelReset.connect(self._show_count)
        events.project_opened.connect(self._on_events_project_opened)
        events.project_closed.connect(self._on_events_project_closed)
        events.changed.connect(self._on_events_changed)
        self.set_coder(None)

    def set_coder(self, coder: Coder | None) -> None:
        """Filter statuses by ``coder``'s (no status filter without a coder)."""
        had_status = self.bar.status_combo.currentData() is not None
        self._coder = coder
        self.bar.blockSignals(True)
        self.bar.set_status_enabled(coder is not None)
        self.bar.blockSignals(False)
        if had_status:
            self.apply()

    def apply(self) -> None:
        """Show the posts the bar's choices keep, keeping the shown post when it is kept."""
        if self._project is None:
            return
        where = self.bar.post_filter(self._coder.id if self._coder else None)
        current = self._list.current_post_id()
        self._pane.set_search(self.bar.search_text())
        if where != self._model.post_filter():
            self._model.set_filter(where)
            if current is not None and self._model.row_of(current) is not None:
                self._list.select_post(current)
            else:
                self._list.select_row(0)
        self._show_count()

    # Slots

    def _on_bar_go_to_requested(self, row: int) -> None:
        self._list.select_row(row)
        self._list.setFocus()

    def _on_search_escaped_empty(self) -> None:
        self._list.setFocus()

    def _on_events_project_opened(self, project: Project) -> None:
        self._project = project
        self.bar.reset()
        self._pane.set_search("")
        self._refresh_choices()
        if self._model.post_filter() is not None:
            self._model.set_filter(None)
        self._show_count()

    def _on_events_project_closed(self) -> None:
        self._project = None
        self.bar.reset()
        self._pane.set_search("")
        self._model.set_filter(None)
        self._refresh_choices()

    def _on_events_changed(self, changes: Changes) -> None:
        if self._project is not None and (changes.codes or changes.structure):
            self._refresh_choices()
            self._show_count()

    # Internals

    def _refresh_choices(self) -> None:
        project = self._project
        if project is None:
            self.bar.set_choices([], [])
        else:
            self.bar.set_choices(project.posts.channels(), project.codes.list())

    def _show_count(self) -> None:
        shown = self._model.rowCount()
        filtered = self._project is not None and self._model.post_filter() is not None
        total = self._project.posts.count() if filtered and self._project else None
        self.bar.set_row_count(shown, total)

    def _wrap_list(self, post_list: PostListView) -> None:
        """Put the bar above ``post_list`` in the splitter that holds the list."""
        splitter = post_list.parentWidget()
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.bar)
        box.setSizePolicy(post_list.sizePolicy())  # with the splitter's stretch factor
        if isinstance(splitter, QSplitter):
            index = splitter.indexOf(post_list)
            splitter.replaceWidget(index, box)
        layout.addWidget(post_list)
        self.box = box
