"""The main window: the post list beside the reading pane, menus and the project lifecycle."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

import annotator
from annotator.core.changes import Changes
from annotator.core.demo import create_demo
from annotator.core.importers import registry
from annotator.core.importers.base import ImportOptions
from annotator.core.importers.report import ImportReport
from annotator.core.progress import Cancelled, CancelToken
from annotator.core.project import PROJECT_SUFFIX, Project
from annotator.ui import locations
from annotator.ui.adjudication.link import AdjudicationLink
from annotator.ui.agreement.link import AgreementLink
from annotator.ui.agreement.post_reveal import Revealed, reveal_post
from annotator.ui.assignment_view import AssignmentWorkspace
from annotator.ui.autobackup import AutoBackup
from annotator.ui.codebook_docks import CodebookDocks
from annotator.ui.coding_workspace import CodingWorkspace
from annotator.ui.commands import UndoHistory
from annotator.ui.dialogs.import_dialog import ImportDialog, import_filter
from annotator.ui.dialogs.import_report import show_import_report
from annotator.ui.dialogs.settings_dialog import Preferences
from annotator.ui.errors import show_error
from annotator.ui.events import ProjectEvents
from annotator.ui.exporting import Exporting
from annotator.ui.importing import ImportRun
from annotator.ui.jobs import writer_pool
from annotator.ui.menus import Actions
from annotator.ui.models.post_table import PostTableModel
from annotator.ui.settings import Settings
from annotator.ui.sync_warning import SyncWarning
from annotator.ui.team_files import TeamFiles
from annotator.ui.views.post_list import PostListView
from annotator.ui.views.reading_pane import ReadingPane
from annotator.ui.views.welcome import WelcomePage

log = logging.getLogger(__name__)

_WELCOME, _WORKSPACE = 0, 1


class MainWindow(QMainWindow):
    """One window, at most one open project. GUI thread only.

    Core calls that write run as jobs on ``pool`` (one thread); everything
    else calls services directly, each call in its own short session.
    """

    import_finished = Signal(object)
    """import_finished(result: list[ImportReport] | BaseException): an import ended.

    Emitted after the views were refreshed and the report or error was shown.
    """

    def __init__(
        self,
        settings: Settings,
        pool: QThreadPool | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.pool = pool if pool is not None else writer_pool(self)
        self.events = ProjectEvents(self)
        self.project: Project | None = None
        self._imports: set[ImportRun] = set()
        self.import_dialog: ImportDialog | None = None

        self.post_model = PostTableModel(self)
        self.post_list = PostListView(self.post_model, self)
        self.reading_pane = ReadingPane(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.post_list)
        self.splitter.addWidget(self.reading_pane)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.welcome = WelcomePage(self)
        self.stack = QStackedWidget(self)
        self.stack.insertWidget(_WELCOME, self.welcome)
        self.stack.insertWidget(_WORKSPACE, self.splitter)
        self.setCentralWidget(self.stack)

        self.path_label = QLabel(self)
        self.count_label = QLabel(self)
        self.statusBar().addWidget(self.path_label, 1)
        self.statusBar().addPermanentWidget(self.count_label)

        self.undo_stack = QUndoStack(self)
        self.history = UndoHistory(self.undo_stack, self.events, self)
        self.menu_actions = Actions(self, settings, self.undo_stack)
        self.codebook = CodebookDocks(self, self.events, self.history,
                                      self.menu_actions.codebook_menu)
        self.coding = CodingWorkspace(self, settings, self.events, self.history,
                                      self.menu_actions, self.post_model, self.post_list,
                                      self.reading_pane, self.codebook)
        self.agreement = AgreementLink(self, self.events, self.show_post, settings)
        self.assignments = AssignmentWorkspace(self, self.events, self.history, self.menu_actions,
                                               self.coding, self.post_model, self.post_list)
        self.exporting = Exporting(self, self.menu_actions.export, self.menu_actions.import_qdpx)
        self.team_files = TeamFiles(self, self.menu_actions.team_menu)
        self.adjudication = AdjudicationLink(self, self.events, self.coding.coders,
                                             self.menu_actions.team_menu, self.show_post)
        acts = self.menu_actions
        self.autobackup = AutoBackup(self, settings, self.events, self.pool, acts.backup_now,
                                     acts.open_backups)
        self.preferences = Preferences(self, settings, acts.preferences,
                                       self.coding.snap_action, self.autobackup)
        self.sync_warning = SyncWarning(self, settings)
        self._connect()
        self._restore_layout()
        self._update_state()

    # Project lifecycle: each returns whether it worked; failures are shown, not raised.

    def open_project(self, path: Path) -> bool:
        """Open the project at ``path``, replacing the current one; the file is never harmed."""
        if self.is_busy():
            return False
        try:
            project = Project.open(Path(path))
        except Exception as exc:
            show_error(self, exc)
            if not Path(path).exists():
                self.settings.remove_recent_project(Path(path))
            return False
        self._set_project(project)
        if project.upgraded_from is not None:  # after the caller's own work, not inside it
            notice = self.tr(
                "This project was upgraded from an older format (schema version {old}). "
                "A copy of the original was kept at “{backup}”."
            ).format(old=project.upgraded_from, backup=project.backup)
            QTimer.singleShot(0, lambda: self._inform(notice))
        return True

    def new_project(self, path: Path) -> bool:
        """Create an empty project at ``path`` (never over an existing file) and open it."""
        if self.is_busy():
            return False
        try:
            project = Project.create(Path(path))
        except Exception as exc:
            show_error(self, exc)
            return False
        self._set_project(project)
        return True

    def open_demo(self) -> bool:
        """Open the demo project, creating it in the app's data folder on first use."""
        path = locations.demo_path()
        if self.is_busy():
            return False
        if path.exists():
            return self.open_project(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            project = create_demo(path)
        except Exception as exc:
            show_error(self, exc)
            return False
        self._set_project(project)
        return True

    def close_project(self) -> None:
        if self.project is None or self.is_busy():
            return
        project, self.project = self.project, None
        self.post_model.set_source(None)
        self.reading_pane.set_project(None)
        project.close()
        self.events.project_closed.emit()
        self._update_state()

    def is_busy(self) -> bool:
        """Whether an import or export is running (the project can then not be closed or
        swapped)."""
        return bool(self._imports) or self.exporting.busy() or self.team_files.busy()

    def import_files(
        self,
        paths: Sequence[Path],
        format_id: str = registry.AUTO,
        cancel: CancelToken | None = None,
        options: ImportOptions | Mapping[Path, ImportOptions] | None = None,
    ) -> ImportRun | None:
        """Start importing ``paths`` into the open project off the GUI thread.

        ``options`` holds the chats and table mapping chosen (see ImportOptions).
        Returns the run (its ``succeeded``/``failed`` signals fire on this
        thread), or ``None`` when there is no project or an import is running.
        """
        if self.project is None or self.is_busy() or not paths:
            return None
        run = ImportRun(self.project, paths, self, format_id, cancel, options)
        run.succeeded.connect(self._on_import_succeeded)
        run.failed.connect(self._on_import_failed)
        self._imports.add(run)
        self._update_state()
        run.start(self.pool)
        return run

    def show_import_dialog(self, paths: Sequence[Path]) -> ImportDialog | None:
        """Open the import dialog (window-modal, not blocking) for ``paths``; its Import
        button starts :meth:`import_files`. ``None`` when there is nothing to import into."""
        if self.project is None or self.is_busy():
            return None
        dialog = ImportDialog(self.settings, paths, self)
        dialog.import_requested.connect(self._on_import_dialog_import_requested)
        dialog.finished.connect(self._on_import_dialog_finished)
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def current_post_id(self) -> int | None:
        return self.post_list.current_post_id()

    def show_post(self, post_id: int, start: int | None = None) -> bool:
        """Select ``post_id`` with the caret at code point ``start``, clearing a post filter
        that hides it (the status bar says so); ``False`` when the post is gone."""
        return reveal_post(self.coding.filtering, self.post_model, self.post_list,
                           self.reading_pane, self.statusBar(), post_id,
                           start) is not Revealed.MISSING

    # Qt overrides

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.import_dialog is not None:
            self.import_dialog.reject()
        for run in self._imports:
            run.cancel()
        self.exporting.shutdown()
        self.team_files.shutdown()
        self.agreement.shutdown()
        self.pool.waitForDone()
        self.settings.set_window_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        self.settings.set_splitter_state(self.splitter.saveState())
        self.settings.sync()
        if self.project is not None:
            self.project.close()
            self.project = None
        super().closeEvent(event)

    # Slots

    def _on_new_triggered(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("New project"), "", self._project_filter()
        )
        if name:
            path = Path(name)
            if path.suffix != PROJECT_SUFFIX:
                path = path.with_name(path.name + PROJECT_SUFFIX)
            self.new_project(path)

    def _on_open_triggered(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open project"), "", self._project_filter()
        )
        if name:
            self.open_project(Path(name))

    def _on_open_demo_triggered(self) -> None:
        self.open_demo()

    def _on_recent_chosen(self, path: Path) -> None:
        self.open_project(path)

    def _on_close_triggered(self) -> None:
        self.close_project()

    def _on_import_triggered(self) -> None:
        folder = self.settings.import_folder()
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import posts"), str(folder or ""), import_filter())
        if names:
            self.settings.set_import_folder(Path(names[0]).parent)
            self.show_import_dialog([Path(n) for n in names])

    def _on_import_folder_triggered(self) -> None:
        folder = self.settings.import_folder()
        name = QFileDialog.getExistingDirectory(
            self, self.tr("Import an export folder"), str(folder or ""))
        if name:
            self.settings.set_import_folder(Path(name).parent)
            self.show_import_dialog([Path(name)])

    def _on_import_dialog_import_requested(
        self, paths: list[Path], format_id: str, options: Mapping[Path, ImportOptions]
    ) -> None:
        self.import_files(paths, format_id, options=options)

    def _on_import_dialog_finished(self) -> None:
        dialog, self.import_dialog = self.import_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def _on_about_triggered(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Annotator"),
            self.tr("Annotator {version}\n\nCorpus coding of Telegram posts.").format(
                version=annotator.__version__
            ),
        )

    def _on_post_list_post_selected(self, post_id: int | None) -> None:
        self.reading_pane.show_post(post_id)

    def _on_events_changed(self, changes: Changes) -> None:
        self.post_model.apply(changes)
        self.reading_pane.refresh(changes)
        self._update_state()

    def _on_import_succeeded(self, reports: list[ImportReport]) -> None:
        self._finish_import()
        changes = Changes()
        for report in reports:
            changes = changes | report.changes
        if not changes.empty:
            self.events.changed.emit(changes)
        show_import_report(self, reports)
        self.import_finished.emit(reports)

    def _on_import_failed(self, error: BaseException) -> None:
        self._finish_import()
        if isinstance(error, Cancelled):
            self.statusBar().showMessage(self.tr("Import cancelled; nothing was imported."), 8000)
        else:
            show_error(self, error)
        self.import_finished.emit(error)

    def _connect(self) -> None:
        acts = self.menu_actions
        acts.new.triggered.connect(self._on_new_triggered)
        acts.open.triggered.connect(self._on_open_triggered)
        acts.open_demo.triggered.connect(self._on_open_demo_triggered)
        acts.import_.triggered.connect(self._on_import_triggered)
        acts.import_folder.triggered.connect(self._on_import_folder_triggered)
        acts.close.triggered.connect(self._on_close_triggered)
        acts.quit.triggered.connect(self.close)
        acts.about.triggered.connect(self._on_about_triggered)
        acts.coding_menu.addSeparator()  # after the coding workspace's entries
        acts.coding_menu.addAction(acts.agreement)
        acts.agreement.triggered.connect(self.agreement.show)
        acts.next_post.triggered.connect(self.post_list.select_next)
        acts.previous_post.triggered.connect(self.post_list.select_previous)
        acts.recent_chosen.connect(self._on_recent_chosen)
        self.welcome.new_requested.connect(self._on_new_triggered)
        self.welcome.open_requested.connect(self._on_open_triggered)
        self.welcome.demo_requested.connect(self._on_open_demo_triggered)
        self.post_list.post_selected.connect(self._on_post_list_post_selected)
        self.events.changed.connect(self._on_events_changed)
        self.exporting.busy_changed.connect(self._update_state)
        self.team_files.busy_changed.connect(self._update_state)

    def _set_project(self, project: Project) -> None:
        if self.project is not None:
            self.project.close()
        self.project = project
        log.info("opened %s", project.path)
        self.settings.add_recent_project(project.path)
        self.sync_warning.check(project.path)  # shown after the project is on screen
        self.reading_pane.set_project(project)
        self.post_model.set_source(project.posts)
        self.events.project_opened.emit(project)
        self._update_state()
        self.post_list.select_row(0)
        self.post_list.setFocus()

    def _finish_import(self) -> None:
        run = self.sender()
        if isinstance(run, ImportRun):
            self._imports.discard(run)
            run.deleteLater()
        self._update_state()

    def _update_state(self) -> None:
        project, busy = self.project, self.is_busy()
        self.stack.setCurrentIndex(_WELCOME if project is None else _WORKSPACE)
        acts = self.menu_actions
        for action in (acts.import_, acts.import_folder, acts.close, acts.agreement, acts.export):
            action.setEnabled(project is not None and not busy)
        for action in (acts.new, acts.open, acts.open_demo, acts.import_qdpx):
            action.setEnabled(not busy)
        acts.recent_menu.setEnabled(not busy)
        self.team_files.update_state(project is not None and not busy)
        if project is None:
            self.setWindowTitle(self.tr("Annotator"))
            self.path_label.setText(self.tr("No project open"))
            self.count_label.clear()
            return
        self.setWindowTitle(self.team_files.window_title(project.path.name))
        self.path_label.setText(str(project.path))
        self.count_label.setText(self.tr("{count} posts").format(count=self.post_model.rowCount()))

    def _restore_layout(self) -> None:
        geometry = self.settings.window_geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1200, 760)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.splitter_state()
        if splitter is None or not self.splitter.restoreState(splitter):
            self.splitter.setSizes([560, 640])

    def _inform(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Annotator"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.exec()

    def _project_filter(self) -> str:
        return QCoreApplication.translate("MainWindow", "Annotator projects (*{suffix})").format(
            suffix=PROJECT_SUFFIX
        ) + ";;" + self.tr("All files (*)")
