"""The main window's side of the agreement view: one window, following the open project.

The window is made on first use and then kept (hidden when closed), so the options
chosen survive closing and reopening it; a project change resets what belongs to
the project (coders, codes, the report). The unit, threshold and resampling choices
also outlive the app: they are restored from the settings when the window is made and
stored when a report is computed, the window is closed or the app shuts down.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QMainWindow

from annotator.core.agreement.report import AgreementReport
from annotator.core.changes import Changes
from annotator.core.project import Project
from annotator.ui.agreement.window import AgreementWindow
from annotator.ui.events import ProjectEvents
from annotator.ui.settings import Settings

OpenPost = Callable[[int, int | None], bool]
"""``open_post(post_id, start)``: show the post in the workspace; whether it is shown."""


class AgreementLink(QObject):
    """Opens the agreement window for ``window``'s project; GUI thread only."""

    def __init__(self, window: QMainWindow, events: ProjectEvents, open_post: OpenPost,
                 settings: Settings) -> None:
        super().__init__(window)
        self._main, self._open_post, self._settings = window, open_post, settings
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
            self.window.options.restore(self._settings.agreement_options())
            self.window.post_requested.connect(self._on_window_post_requested)
            self.window.computation_finished.connect(self._on_window_computation_finished)
            self.window.installEventFilter(self)
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
            self.save_options()

    def save_options(self) -> None:
        """Store the window's unit, threshold and resampling choices in the settings."""
        if self.window is not None:
            self._settings.set_agreement_options(self.window.options.state())

    # Qt overrides

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.save_options()
        return super().eventFilter(watched, event)

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

    def _on_window_computation_finished(self, result: object) -> None:
        if isinstance(result, AgreementReport):
            self.save_options()

    def _on_window_post_requested(self, post_id: int, start: int | None) -> None:
        if self._open_post(post_id, start):
            self._main.raise_()
            self._main.activateWindow()
