"""The codebook side of the main window: the tree and definition docks, the Codebook
menu, the changelog dialog and the codebook version in the status bar."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMenu, QWidget

from annotator.core.changes import Changes
from annotator.core.project import Project
from annotator.ui.codebook_files import CodebookFiles
from annotator.ui.commands import UndoHistory
from annotator.ui.dialogs.changelog_dialog import ChangelogDialog
from annotator.ui.events import ProjectEvents
from annotator.ui.views.codebook_panel import CodebookPanel
from annotator.ui.views.definition_panel import DefinitionPanel


class CodebookDocks(QObject):
    """Builds the codebook docks on ``window`` and keeps them on the current project.

    Created before the window restores its saved state, so the docks' places
    (object names ``codebookDock`` and ``definitionDock``) are restored too.
    """

    def __init__(
        self, window: QMainWindow, events: ProjectEvents, history: UndoHistory, menu: QMenu
    ) -> None:
        super().__init__(window)
        self._window = window
        self._project: Project | None = None
        self.changelog_dialog: ChangelogDialog | None = None
        self.panel = CodebookPanel(history, window)
        self.definition = DefinitionPanel(window)
        self.codebook_dock = self._dock(self.tr("Codebook"), "codebookDock", self.panel)
        self.definition_dock = self._dock(self.tr("Definition"), "definitionDock",
                                          self.definition)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.codebook_dock)
        window.splitDockWidget(self.codebook_dock, self.definition_dock,
                               Qt.Orientation.Vertical)
        # The default layout; a saved window state restored later replaces it.
        window.resizeDocks([self.codebook_dock], [max(330, self.panel.sizeHint().width())],
                           Qt.Orientation.Horizontal)
        window.resizeDocks([self.codebook_dock, self.definition_dock], [420, 300],
                           Qt.Orientation.Vertical)

        self.changelog_action = QAction(self.tr("Change&log…"), window)
        self.changelog_action.triggered.connect(self._on_changelog_triggered)
        self.files = CodebookFiles(window, events, history)
        menu.addActions(self.files.actions())
        menu.addSeparator()
        actions = self.panel.edit_actions()
        menu.addActions(actions[:2])
        menu.addSeparator()
        menu.addActions(actions[2:7])
        menu.addSeparator()
        menu.addAction(actions[7])
        menu.addSeparator()
        menu.addAction(self.changelog_action)
        menu.addSeparator()
        menu.addAction(self.codebook_dock.toggleViewAction())
        menu.addAction(self.definition_dock.toggleViewAction())

        self.version_label = QLabel(window)
        window.statusBar().addPermanentWidget(self.version_label)

        self.panel.code_selected.connect(self.definition.show_code)
        events.changed.connect(self._on_events_changed)
        events.project_opened.connect(self._on_events_project_opened)
        events.project_closed.connect(self._on_events_project_closed)
        self._show_project(None)

    def show_changelog(self) -> ChangelogDialog | None:
        """Open the changelog (window-modal, not blocking); ``None`` without a project."""
        if self._project is None:
            return None
        codes = self._project.codes
        dialog = ChangelogDialog(codes.changelog(), codes.version(), self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._on_changelog_dialog_finished)
        self.changelog_dialog = dialog
        dialog.open()
        return dialog

    def _on_changelog_triggered(self) -> None:
        self.show_changelog()

    def _on_changelog_dialog_finished(self) -> None:
        self.changelog_dialog = None

    def _on_events_changed(self, changes: Changes) -> None:
        if changes.codes or changes.structure:  # coding itself leaves the codebook alone
            self.panel.refresh(changes)
            self.definition.refresh(changes)
            self._show_version()

    def _on_events_project_opened(self, project: Project) -> None:
        self._show_project(project)

    def _on_events_project_closed(self) -> None:
        self._show_project(None)

    def _show_project(self, project: Project | None) -> None:
        self._project = project
        self.panel.set_project(project)
        self.definition.set_project(project)
        self.changelog_action.setEnabled(project is not None)
        self._show_version()

    def _show_version(self) -> None:
        if self._project is None:
            self.version_label.clear()
            return
        self.version_label.setText(
            self.tr("codebook v{version}").format(version=self._project.codes.version()))

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self._window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea
                             | Qt.DockWidgetArea.RightDockWidgetArea)
        return dock
