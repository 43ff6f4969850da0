"""Progress reporting and cooperative cancellation for long core operations.

Core functions take ``progress: Progress`` (a plain callable, called from the
worker thread) and ``cancel: CancelToken | None``; a cancelled operation raises
:class:`Cancelled` and leaves the project unchanged.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

Progress = Callable[[int, int], None]
"""``progress(done, total)``; ``total`` is 0 when unknown."""


def no_progress(done: int, total: int) -> None:
    """A progress callback that ignores every report."""


class Cancelled(Exception):  # noqa: N818 - a control-flow signal, not an error condition
    """Raised inside an operation whose :class:`CancelToken` was cancelled."""


class CancelToken:
    """A thread-safe flag that a GUI thread sets and a worker polls."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if cancellation was requested."""
        if self._event.is_set():
            raise Cancelled()


def check_cancel(cancel: CancelToken | None) -> None:
    """Raise :class:`Cancelled` when ``cancel`` is set; a ``None`` token never cancels."""
    if cancel is not None:
        cancel.check()
