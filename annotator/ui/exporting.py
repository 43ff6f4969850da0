"""File → Export… and File → Import REFI-QDA project…: dialogs, background runs, results.

:class:`Exporting` belongs to the main window. An export only reads the open project;
an import of a ``.qdpx`` writes a new project file and opens it when complete. Both run
as one :class:`~annotator.ui.progress_run.ProgressRun` at a time on the window's writer
pool (so they never race an import), and the window counts as busy meanwhile, so the
project can be neither closed nor swapped under them.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from annotator.core.export.service import ExportSummary, export_project
from annotator.core.progress import Cancelled, CancelToken
from annotator.core.project import PROJECT_SUFFIX
from annotator.core.refi.qdpx_import import QdpxImportReport
from annotator.core.refi.qdpx_project import import_into_new_project
from annotator.ui.dialogs.export_dialog import ExportDialog, ExportRequest
from annotator.ui.dialogs.export_summary import show_export_summary
from annotator.ui.dialogs.qdpx_report import show_qdpx_report
from annotator.ui.errors import show_error
from annotator.ui.export_scope import filter_scope
from annotator.ui.progress_run import ProgressRun

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow


class Exporting(QObject):
    """Runs ``window``'s exports and REFI-QDA imports; GUI thread only.

    Connects ``export_action`` and ``import_action`` itself; the window enables them.
    """

    busy_changed = Signal()
    """busy_changed(): a run started or ended (see :meth:`busy`)."""

    export_finished = Signal(object)
    """export_finished(result: ExportSummary | BaseException): an export ended and its
    summary or error was shown (Cancelled when cancelled: nothing was written)."""

    qdpx_import_finished = Signal(object)
    """qdpx_import_finished(result: QdpxImportReport | BaseException): an import ended;
    on success the new project is open and its report was shown, otherwise no new
    project file remains and the error was shown (Cancelled: only a status message)."""

    def __init__(self, window: MainWindow, export_action: QAction,
                 import_action: QAction) -> None:
        super().__init__(window)
        self._window = window
        self.dialog: ExportDialog | None = None
        self.run: ProgressRun | None = None
        self._closed = False
        export_action.triggered.connect(self._on_export_triggered)
        import_action.triggered.connect(self._on_import_triggered)

    def busy(self) -> bool:
        return self.run is not None

    def show_export_dialog(self) -> ExportDialog | None:
        """Open the export dialog (window-modal, not blocking) for the open project; its
        Export button starts :meth:`export`. ``None`` without a project or while busy."""
        window, project = self._window, self._window.project
        if project is None or window.is_busy() or self.dialog is not None:
            return None
        coders = project.coders.list(include_gold=True)
        dialog = ExportDialog(window.settings, project.path, coders, project.posts.count(),
                              filter_scope(project, window.post_model), window)
        dialog.export_requested.connect(self._on_dialog_export_requested)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        dialog.open()
        return dialog

    def export(self, request: ExportRequest, cancel: CancelToken | None = None
               ) -> ProgressRun | None:
        """Start writing the open project as ``request`` asks, off the GUI thread.

        Returns the run, or ``None`` without a project or while another run is going.
        """
        window, project = self._window, self._window.project
        if project is None or window.is_busy():
            return None
        work = partial(export_project, project, request.path, request.format, request.options)
        run = ProgressRun(work, self.tr("Export"),
                          self.tr("Exporting to “{name}”…").format(name=request.path.name),
                          window, cancel)
        run.succeeded.connect(self._on_export_succeeded)
        run.failed.connect(self._on_export_failed)
        self._start(run)
        return run

    def import_qdpx(self, qdpx: Path, target: Path, cancel: CancelToken | None = None
                    ) -> ProgressRun | None:
        """Start reading ``qdpx`` into a new project at ``target`` (never over an existing
        file), off the GUI thread; on success the new project replaces the open one.

        Returns the run, or ``None`` while the window is busy.
        """
        window = self._window
        if window.is_busy():
            return None
        qdpx, target = Path(qdpx), Path(target)
        run = ProgressRun(partial(import_into_new_project, qdpx, target), self.tr("Import"),
                          self.tr("Importing “{name}”…").format(name=qdpx.name), window, cancel)
        run.succeeded.connect(partial(self._on_import_succeeded, target))
        run.failed.connect(self._on_import_failed)
        self._start(run)
        return run

    def shutdown(self) -> None:
        """Close the dialog and cancel the run (the window is closing); results that
        arrive later are not shown. The caller waits for the pool."""
        self._closed = True
        if self.dialog is not None:
            self.dialog.reject()
        if self.run is not None:
            self.run.cancel()

    # Slots

    def _on_export_triggered(self) -> None:
        self.show_export_dialog()

    def _on_import_triggered(self) -> None:
        window = self._window
        if window.is_busy():
            return
        folder = window.settings.import_folder()
        name, _ = QFileDialog.getOpenFileName(
            window, self.tr("Import REFI-QDA project"), str(folder or ""),
            self.tr("REFI-QDA projects (*.qdpx)") + ";;" + self.tr("All files (*)"))
        if not name:
            return
        qdpx = Path(name)
        window.settings.set_import_folder(qdpx.parent)
        chosen, _ = QFileDialog.getSaveFileName(
            window, self.tr("Save the new project as"), str(qdpx.with_suffix(PROJECT_SUFFIX)),
            self.tr("Annotator projects (*{suffix})").format(suffix=PROJECT_SUFFIX),
            options=QFileDialog.Option.DontConfirmOverwrite)  # an existing file is refused
        if chosen:
            target = Path(chosen)
            if target.suffix != PROJECT_SUFFIX:
                target = target.with_name(target.name + PROJECT_SUFFIX)
            self.import_qdpx(qdpx, target)

    def _on_dialog_export_requested(self, request: ExportRequest) -> None:
        self.dialog = None  # closing; a new one may open once this export ends
        self.export(request)

    def _on_dialog_finished(self) -> None:
        dialog = self.sender()
        if dialog is self.dialog:
            self.dialog = None
        if isinstance(dialog, ExportDialog):
            dialog.deleteLater()

    def _on_export_succeeded(self, summary: ExportSummary) -> None:
        self._finish()
        if not self._closed:
            show_export_summary(self._window, summary)
        self.export_finished.emit(summary)

    def _on_export_failed(self, error: BaseException) -> None:
        self._finish()
        if isinstance(error, Cancelled):
            self._window.statusBar().showMessage(
                self.tr("Export cancelled; nothing was written."), 8000)
        elif not self._closed:
            show_error(self._window, error)
        self.export_finished.emit(error)

    def _on_import_succeeded(self, target: Path, report: QdpxImportReport) -> None:
        self._finish()
        if not self._closed and self._window.open_project(target):
            show_qdpx_report(self._window, report)
        self.qdpx_import_finished.emit(report)

    def _on_import_failed(self, error: BaseException) -> None:
        self._finish()
        if isinstance(error, Cancelled):
            self._window.statusBar().showMessage(
                self.tr("Import cancelled; no project was made."), 8000)
        elif not self._closed:
            show_error(self._window, error)
        self.qdpx_import_finished.emit(error)

    # Internals

    def _start(self, run: ProgressRun) -> None:
        self.run = run
        self.busy_changed.emit()
        run.start(self._window.pool)

    def _finish(self) -> None:
        run, self.run = self.run, None
        if run is not None:
            run.deleteLater()
        self.busy_changed.emit()

