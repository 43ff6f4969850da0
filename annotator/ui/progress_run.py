"""One long core call run in the background behind a cancellable progress dialog.

For any Qt-free ``work(progress, cancel)``: imports (:class:`~annotator.ui.importing.ImportRun`),
exports and REFI-QDA project imports use it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from annotator.core.progress import CancelToken, Progress
from annotator.ui.jobs import Job

PROGRESS_DELAY_MS = 400
"""Runs shorter than this finish without the progress dialog ever showing."""

Work = Callable[[Progress, CancelToken], object]
"""``work(progress, cancel) -> result``: Qt-free, runs on a pool thread, raises Cancelled."""


class ProgressRun(QObject):
    """Runs ``work`` on a pool thread; the dialog's Cancel sets the core token.

    Create it on the GUI thread, connect to its signals, then :meth:`start` it. The
    progress dialog is window-modal over ``parent`` (the rest of the app stays usable)
    and is closed before ``succeeded`` or ``failed`` is emitted.
    """

    succeeded = Signal(object)
    """succeeded(result: object): ``work`` returned ``result``."""

    failed = Signal(object)
    """failed(error: BaseException): ``work`` raised ``error`` (Cancelled when cancelled)."""

    def __init__(
        self,
        work: Work,
        title: str,
        label: str,
        parent: QWidget,
        cancel: CancelToken | None = None,
    ) -> None:
        super().__init__(parent)
        self.token = cancel if cancel is not None else CancelToken()
        token = self.token

        def run(progress: Progress) -> object:
            # Runs on the pool thread: core only, no Qt objects.
            return work(progress, token)

        self.job = Job(run)
        self.dialog = QProgressDialog(label, self.tr("Cancel"), 0, 100, parent)
        self.dialog.setWindowTitle(title)
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
        """Ask the work to stop; it then fails with Cancelled."""
        self.token.cancel()

    def _on_dialog_canceled(self) -> None:
        self.cancel()
        self.dialog.setLabelText(self.tr("Cancelling…"))

    def _on_job_progressed(self, done: int, total: int) -> None:
        if total > 0 and not self.token.cancelled:
            self.dialog.setValue(min(99, round(100 * done / total)))

    def _on_job_succeeded(self, result: object) -> None:
        self._close_dialog()
        self.succeeded.emit(result)

    def _on_job_failed(self, error: object) -> None:
        self._close_dialog()
        self.failed.emit(error)

    def _close_dialog(self) -> None:
        # closing a QProgressDialog emits canceled; the work is over, so ignore that.
        self.dialog.canceled.disconnect(self._on_dialog_canceled)
        self.dialog.close()
        self.dialog.deleteLater()
