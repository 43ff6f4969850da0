"""Background jobs: Qt-free core callables run on a QThreadPool, results sent back by signal.

Make a :class:`Job` on the GUI thread (its :class:`JobSignals` then live there,
so connected slots run on the GUI thread) and start it on a pool. Every job
that writes to the project goes to the single-thread :func:`writer_pool`, so
writes never race one another.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from annotator.core.progress import Progress

log = logging.getLogger(__name__)


class JobSignals(QObject):
    """What a job reports; emitted from the worker thread, delivered on the GUI thread."""

    progressed = Signal(int, int)
    """progressed(done: int, total: int): work done so far; total 0 when unknown."""

    succeeded = Signal(object)
    """succeeded(result: object): the callable returned ``result``."""

    failed = Signal(object)
    """failed(error: BaseException): the callable raised ``error`` (including Cancelled)."""

    finished = Signal()
    """finished(): emitted after succeeded or failed, whichever happened."""


class Job(QRunnable):
    """Runs ``work(progress)`` once on a pool thread and reports by signal.

    ``work`` must not touch Qt objects; it gets a progress callback that is safe
    to call from the worker thread and throttled to changes of value.
    """

    def __init__(self, work: Callable[[Progress], object]) -> None:
        super().__init__()
        # Kept alive by the caller until finished; Qt must not delete the wrapper under it.
        self.setAutoDelete(False)
        self.signals = JobSignals()
        self._work = work
        self._last: tuple[int, int] | None = None

    def run(self) -> None:  # Qt override, called on the pool thread
        try:
            result = self._work(self._progress)
        except Exception as exc:  # reported to the GUI, never swallowed
            log.debug("job failed", exc_info=exc)
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(result)
        finally:
            self.signals.finished.emit()

    def _progress(self, done: int, total: int) -> None:
        if (done, total) != self._last:
            self._last = (done, total)
            self.signals.progressed.emit(done, total)


def writer_pool(parent: QObject | None = None) -> QThreadPool:
    """A pool with one thread, for jobs that write to the project."""
    pool = QThreadPool(parent)
    pool.setMaxThreadCount(1)
    return pool
