"""The main window's side of adjudication: the Team menu entry and one window that follows
the open project and the chosen coder (who decides).

The window is made on first use and then kept (hidden when closed). Its decisions are
re-announced on the project's events so the workspace shows the gold layer at once; the
project's other changes (coding, merges) refresh the window while it is shown, and when
it is shown again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from annotator.core.changes import Changes
from annotator.core.model import Coder
from annotator.core.project import Project
from annotator.ui.adjudication.window import AdjudicationWindow
from annotator.ui.coder_choice import CoderChoice
from annotator.ui.events import ProjectEvents

OpenPost = Callable[[int, int | None], bool]
"""``open_post(post_id, start)``: show the post in the workspace; whether it is shown."""


class AdjudicationLink(QObject):
    """Adds "Adjudicate…" to ``menu`` and opens the window; GUI thread only."""

    def __init__(self, window: QMainWindow, events: ProjectEvents, coders: CoderChoice,
                 menu: QMenu, open_post: OpenPost) -> None:
        super().__init__(window)
        self._main, self._events, self._coders, self._open_post = (window, events, coders,
                                                                    open_post)
        self._project: Project | None = None
        self._forwarding = False
        self._stale = False
        self.window: AdjudicationWindow | None = None
        self.action = QAction(self.tr("A&djudicate…"), window)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.action.setStatusTip(self.tr("Settle the coders' disagreements into the "
                                         "adjudicated (gold) layer"))
        self.action.setEnabled(False)
        window.addAction(self.action)
        menu.addSeparator()
        menu.addAction(self.action)
        self.action.triggered.connect(self.show)
        events.project_opened.connect(self._on_events_project_opened)
        events.project_closed.connect(self._on_events_project_closed)
        events.changed.connect(self._on_events_changed)
        coders.coder_changed.connect(self._on_coders_coder_changed)

    def show(self) -> AdjudicationWindow | None:
        """Show (and raise) the adjudication window; ``None`` when no project is open."""
        if self._project is None:
            return None
        if self.window is None:
            self.window = AdjudicationWindow(self._main)
            self.window.changed.connect(self._on_window_changed)
            self.window.post_requested.connect(self._on_window_post_requested)
        if self.window.project is not self._project:
            self.window.set_project(self._project)
        elif self._stale:
            self.window.refresh()
        self._stale = False
        self.window.set_adjudicator(self._coders.coder)
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        return self.window

    # Slots

    def _on_events_project_opened(self, project: Project) -> None:
        self._project = project
        self.action.setEnabled(True)
        if self.window is not None:
            self.window.set_project(project)

    def _on_events_project_closed(self) -> None:
        self._project = None
        self.action.setEnabled(False)
        if self.window is not None:
            self.window.set_project(None)
            self.window.hide()

    def _on_events_changed(self, changes: Changes) -> None:
        window = self.window
        if self._forwarding or window is None or changes.empty:
            return
        if window.isVisible():
            window.refresh(changes)
        else:
            self._stale = True

    def _on_coders_coder_changed(self, coder: Coder | None) -> None:
        if self.window is not None:
            self.window.set_adjudicator(coder)

    def _on_window_changed(self, changes: Changes) -> None:
        self._forwarding = True  # the window already shows what it changed
        try:
            self._events.changed.emit(changes)
        finally:
            self._forwarding = False

    def _on_window_post_requested(self, post_id: int, start: int | None) -> None:
        if self._open_post(post_id, start):
            self._main.raise_()
            self._main.activateWindow()
