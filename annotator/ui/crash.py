"""The handler of uncaught exceptions, from any thread: log, then show a readable box.

``app.main`` installs one :class:`CrashHandler` as ``sys.excepthook`` (exceptions that
escape slots and event handlers on the GUI thread, and, through PySide, from
``QRunnable.run`` on pool threads) and ``threading.excepthook`` (Python threads). Jobs
(:mod:`annotator.ui.jobs`) catch their own exceptions and report them to their owner by
signal, who shows them with :func:`~annotator.ui.errors.show_error`: a bug there gets
the same crash box. Exceptions from other threads are logged where they happen and
shown on the GUI thread.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from annotator.ui.errors import error_box

log = logging.getLogger(__name__)


class CrashHandler(QObject):
    """Logs every uncaught exception and shows each distinct one once per session.

    "Distinct": the exception type and the line it was raised at, so a failing paint
    or timer does not bury the user in boxes (all of them are logged). Only one box is
    open at a time. Create on the GUI thread.
    """

    caught_elsewhere = Signal(object)
    """caught_elsewhere(error: BaseException): an exception escaped on another thread
    (already logged); delivered on the GUI thread, which shows it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._seen: set[tuple[str, str, int]] = set()
        self._showing = False
        self._previous: tuple[object, object] | None = None
        self.caught_elsewhere.connect(self._on_caught_elsewhere)

    def install(self) -> None:
        """Become ``sys.excepthook`` and ``threading.excepthook`` (until :meth:`uninstall`)."""
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous  # type: ignore[assignment]
            self._previous = None

    def excepthook(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        """``sys.excepthook``: safe to call from any thread."""
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        if tb is not None and exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        log.error("uncaught exception", exc_info=(kind, exc, tb))
        if threading.current_thread() is threading.main_thread():
            self.show(exc)
        else:
            self.caught_elsewhere.emit(exc)

    def show(self, exc: BaseException) -> None:
        """Show ``exc`` in a modal box, unless this problem was shown already (GUI thread)."""
        if QApplication.instance() is None:
            return
        key = _where(exc)
        if self._showing or key in self._seen:
            log.info("not shown again: %s at %s:%s", *key)
            return
        self._seen.add(key)
        self._showing = True
        try:
            error_box(QApplication.activeWindow(), exc).exec()
        except Exception:  # a broken dialog must not hide the original error
            log.exception("could not show the error dialog")
        finally:
            self._showing = False

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    def _on_caught_elsewhere(self, exc: BaseException) -> None:
        self.show(exc)


def _where(exc: BaseException) -> tuple[str, str, int]:
    """The exception's type and the innermost place it was raised at."""
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return (type(exc).__qualname__, "", 0)
    return (type(exc).__qualname__, frames[-1].filename, frames[-1].lineno or 0)
