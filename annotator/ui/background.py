"""Read-only background work for dialogs: the latest read per key, cancellable, off the GUI thread.

A dialog that inspects files (lists the chats of an export, reads the head of a
table, parses a few rows) hands Qt-free callables to :class:`BackgroundReads`.
Each read has a key (an input's path, "preview"...); starting a read cancels the
previous one with the same key, and only the latest read of a key reports. Reads
never write to a project, so they run on a private pool beside the writer pool.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QThreadPool, Signal
from shiboken6 import isValid

from annotator.core.progress import CancelToken, Progress
from annotator.ui.jobs import Job

Read = Callable[[Progress, CancelToken], object]
"""``read(progress, cancel) -> result``: Qt-free, runs on a pool thread, raises Cancelled."""

READ_THREADS = 2


class BackgroundReads(QObject):
    """Runs :data:`Read` callables on a private pool; create and use on the GUI thread.

    Call :meth:`shutdown` before the owner goes away (dialogs do it in ``done``):
    it cancels every read and waits for the pool, so no work outlives the dialog.
    When the object is deleted without it (its parent went first), the reads are
    cancelled and the pool's destructor waits for them; nothing reports any more.
    """

    succeeded = Signal(str, object)
    """succeeded(key: str, result: object): the latest read of ``key`` returned ``result``."""

    failed = Signal(str, object)
    """failed(key: str, error: BaseException): the latest read of ``key`` raised ``error``
    (Cancelled when it was cancelled)."""

    progressed = Signal(str, int, int)
    """progressed(key: str, done: int, total: int): how far the latest read of ``key`` got."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(READ_THREADS)
        self._current: dict[str, tuple[Job, CancelToken]] = {}
        # Jobs are not auto-deleted: they stay referenced here until they finish.
        self._alive: set[Job] = set()
        self._closed = False
        self.destroyed.connect(partial(_cancel_tokens, self._current))

    def run(self, key: str, read: Read) -> None:
        """Start ``read`` for ``key``, cancelling (and silencing) the previous read of ``key``."""
        if self._closed:
            return
        self.cancel(key)
        token = CancelToken()

        def work(progress: Progress) -> object:
            # Runs on the pool thread: Qt-free core calls only.
            return read(progress, token)

        job = Job(work)
        job.signals.progressed.connect(partial(self._on_job_progressed, key, job))
        job.signals.succeeded.connect(partial(self._on_job_succeeded, key, job))
        job.signals.failed.connect(partial(self._on_job_failed, key, job))
        job.signals.finished.connect(partial(self._on_job_finished, job))
        self._current[key] = (job, token)
        self._alive.add(job)
        self.pool.start(job)

    def cancel(self, key: str) -> None:
        """Cancel the read of ``key``, if any; it reports nothing more."""
        current = self._current.pop(key, None)
        if current is not None:
            job, token = current
            token.cancel()
            if self.pool.tryTake(job):  # never started: it will not run at all
                self._alive.discard(job)

    def cancel_all(self) -> None:
        for key in list(self._current):
            self.cancel(key)

    def busy(self, key: str | None = None) -> bool:
        """Whether the read of ``key`` (or any read, for ``None``) has not reported yet."""
        return bool(self._current) if key is None else key in self._current

    def shutdown(self) -> None:
        """Cancel everything and wait for the pool; later :meth:`run` calls do nothing."""
        self._closed = True
        self.cancel_all()
        self.pool.waitForDone()

    def _is_current(self, key: str, job: Job) -> bool:
        # A result may arrive after the C++ side of self is gone: then it is dropped.
        current = self._current.get(key)
        return (not self._closed and current is not None and current[0] is job
                and isValid(self))

    def _on_job_progressed(self, key: str, job: Job, done: int, total: int) -> None:
        if self._is_current(key, job):
            self.progressed.emit(key, done, total)

    def _on_job_succeeded(self, key: str, job: Job, result: object) -> None:
        if self._is_current(key, job):
            del self._current[key]
            self.succeeded.emit(key, result)

    def _on_job_failed(self, key: str, job: Job, error: object) -> None:
        if self._is_current(key, job):
            del self._current[key]
            self.failed.emit(key, error)

    def _on_job_finished(self, job: Job) -> None:
        self._alive.discard(job)


def _cancel_tokens(current: dict[str, tuple[Job, CancelToken]]) -> None:
    """Cancel every read in ``current`` (called when its BackgroundReads is destroyed)."""
    for _job, token in current.values():
        token.cancel()
