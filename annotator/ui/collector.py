"""Garbage collection on the GUI thread only.

Python's cycle collector runs in whichever thread happens to allocate. When a
background job (an import, a chat listing) triggers it, it can destroy Qt
objects of the GUI (widgets caught in reference cycles) off the GUI thread,
which crashes Qt. So the app turns automatic collection off and collects on a
GUI-thread timer instead, as Anki does.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


class MainThreadCollector(QObject):
    """Owns garbage collection while it lives: automatic collection off, a timer on."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start(INTERVAL_MS)

    def collect(self) -> None:
        """Collect what the thresholds say is due, as automatic collection would."""
        first, second, third = gc.get_count()
        threshold = gc.get_threshold()
        if third > threshold[2]:
            gc.collect(2)
        elif second > threshold[1]:
            gc.collect(1)
        elif first > threshold[0]:
            gc.collect(0)

    def stop(self) -> None:
        """Give collection back to Python (at exit, after a final collection here)."""
        self._timer.stop()
        gc.collect()
        gc.enable()

    def _on_timer_timeout(self) -> None:
        self.collect()
