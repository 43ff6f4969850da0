"""The main window's side of the agreement view: one window, following the open project.

The window is made on first use and then kept (hidden when closed), so the options
chosen survive closing and reopening it; a project change resets what belongs to
the project (coders, codes, the report).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow

from annotator.core.changes import Changes
from annotator.core.project import Project
from annotator.ui.agreement.window import AgreementWindow
from annotator.ui.events import ProjectEvents

OpenPost = Callable[[int, int | None], bool]
"""``open_post(post_id, start)``: show the post in the workspace; whether it is shown."""


class AgreementLink(QObject):
    """Opens the agreement window for ``window``'s project; GUI thread only."""

    def __init__(self, window: QMainWindow, events: ProjectEvents, open_post: OpenPost) -> None:
        super().__init__(window)
        self._main, self._open_post = window, open_post
        self._project: Project | None = None
        self.window: AgreementWindow | None = None
        events.project_opened.connect(self._on_events_project_opened)
        events.project_closed.connect(self._on_events_project_closed)
        events.changed.connect(self._on_events_changed)

    def show(self) -> AgreementWindow | None:
        """Show (and raise) the agreement window; ``None`` when no project is open."""
        if self._project is None:
            return None
        if self.window is None:
            self.window = AgreementWindow(self._main)
            self.window.post_requested.connect(self._on_window_post_requested)
        if self.window.project is not self._project:
            self.window.set_project(self._project)
        elif not self.window.busy():
            self.window.options.refresh()  # coders may have finished posts meanwhile
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        return self.window

    def shutdown(self) -> None:
        """Stop any computation and wait for it (the main window is closing)."""
        if self.window is not None:
            self.window.shutdown()

    # Slots

    def _on_events_project_opened(self, project: Project) -> None:
        self._project = project
        if self.window is not None:
            self.window.set_project(project)

    def _on_events_project_closed(self) -> None:
        self._project = None
        if self.window is not None:
            self.window.set_project(None)
            self.window.hide()

    def _on_events_changed(self, changes: Changes) -> None:
        window = self.window
        if window is None or changes.empty:
            return
        window.coding_changed()
        if window.isVisible() and not window.busy():
            window.options.refresh()

    def _on_window_post_requested(self, post_id: int, start: int | None) -> None:
        if self._open_post(post_id, start):
            self._main.raise_()
            self._main.activateWindow()
