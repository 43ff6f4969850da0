"""One import run: a writer job, its cancel token and its progress dialog."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from annotator.core.importers import registry
from annotator.core.importers.base import ImportOptions
from annotator.core.importers.report import ImportReport
from annotator.core.progress import CancelToken, Progress
from annotator.core.project import Project
from annotator.ui.jobs import Job

PROGRESS_DELAY_MS = 400
"""Imports shorter than this finish without the progress dialog ever showing."""


class ImportRun(QObject):
    """Imports ``paths`` into ``project`` on a pool thread; Cancel sets the core token.

    ``format_id`` and ``options`` (chats, table mapping) go to ``Project.import_files``.

    Create it on the GUI thread, connect to its signals, then :meth:`start` it.
    The project is unchanged unless ``succeeded`` fires. The progress dialog is
    closed before ``succeeded`` or ``failed`` is emitted.
    """

    succeeded = Signal(object)
    """succeeded(reports: list[ImportReport]): every file was imported, in one transaction."""

    failed = Signal(object)
    """failed(error: BaseException): nothing was imported (Cancelled when cancelled)."""

    def __init__(
        self,
        project: Project,
        paths: Sequence[Path],
        parent: QWidget,
        format_id: str = registry.AUTO,
        cancel: CancelToken | None = None,
        options: ImportOptions | Mapping[Path, ImportOptions] | None = None,
    ) -> None:
        super().__init__(parent)
        self.token = cancel if cancel is not None else CancelToken()
        self.paths = [Path(p) for p in paths]
        self.format_id = format_id
        self.options = options
        token, paths_ = self.token, self.paths

        def work(progress: Progress) -> list[ImportReport]:
            # Runs on the pool thread: core only, no Qt objects.
            return project.import_files(paths_, format_id, progress, token, options)

        self.job = Job(work)
        self.dialog = QProgressDialog(
            self.tr("Importing {count} file(s)…").format(count=len(self.paths)),
            self.tr("Cancel"),
            0,
            100,
            parent,
        )
        self.dialog.setWindowTitle(self.tr("Import"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setValue(0)
        self.dialog.canceled.connect(self._on_dialog_canceled)
        self.job.signals.progressed.connect(self._on_job_progressed)
        self.job.signals.succeeded.connect(self._on_job_succeeded)
        self.job.signals.failed.connect(self._on_job_failed)

    def start(self, pool: QThreadPool) -> None:
        pool.start(self.job)

    def cancel(self) -> None:
        """Ask the import to stop; it then fails with Cancelled and changes nothing."""
        self.token.cancel()

    def _on_dialog_canceled(self) -> None:
        self.cancel()
        self.dialog.setLabelText(self.tr("Cancelling…"))

    def _on_job_progressed(self, done: int, total: int) -> None:
        if total > 0 and not self.token.cancelled:
            self.dialog.setValue(min(99, round(100 * done / total)))

    def _on_job_succeeded(self, reports: object) -> None:
        self._close_dialog()
        self.succeeded.emit(reports)

    def _on_job_failed(self, error: object) -> None:
        self._close_dialog()
        self.failed.emit(error)

    def _close_dialog(self) -> None:
        # closing a QProgressDialog emits canceled; the job is over, so ignore that.
        self.dialog.canceled.disconnect(self._on_dialog_canceled)
        self.dialog.close()
        self.dialog.deleteLater()
