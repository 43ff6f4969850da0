"""The app's log files and the problem report built from them.

:func:`start_logging` (called by ``app.main``) sends the root logger's records to
rotating files ``annotator.log``, ``annotator.log.1``… (at most :data:`LOG_BYTES`
each, :data:`LOG_BACKUPS` old ones kept) in :func:`annotator.ui.locations.log_dir`,
and keeps the last :data:`RECENT_LINES` lines in memory. :func:`report` puts the
versions, a traceback and those recent lines into one text to copy into a bug report.
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime
from logging.handlers import RotatingFileHandler
from pathlib import Path

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtGui import QGuiApplication

import annotator

LOG_FILE = "annotator.log"
LOG_BYTES = 1_000_000
LOG_BACKUPS = 4
RECENT_LINES = 100
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s]: %(message)s"

log = logging.getLogger(__name__)


class RecentLines(logging.Handler):
    """Keeps the last records as one line each (tracebacks shortened to their type)."""

    def __init__(self, capacity: int = RECENT_LINES) -> None:
        super().__init__()
        self._lines: deque[str] = deque(maxlen=capacity)
        self._lock_lines = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            stamp = datetime.fromtimestamp(record.created, UTC).strftime("%H:%M:%S")
            line = f"{stamp} {record.levelname} {record.name}: {record.getMessage()}"
            if record.exc_info and record.exc_info[0] is not None:
                line += f" [{record.exc_info[0].__name__}]"
        except Exception:  # a broken record must not break logging
            self.handleError(record)
            return
        with self._lock_lines:
            self._lines.append(line)

    def lines(self) -> list[str]:
        with self._lock_lines:
            return list(self._lines)


@dataclass
class AppLog:
    """What :func:`start_logging` attached to the root logger; :meth:`close` detaches it."""

    path: Path | None
    """The current log file, ``None`` when it could not be opened."""
    recent: RecentLines
    handlers: list[logging.Handler] = field(default_factory=list)
    previous_level: int | None = None
    """The root logger's level before, when :func:`start_logging` lowered it."""

    def close(self) -> None:
        root = logging.getLogger()
        for handler in self.handlers:
            root.removeHandler(handler)
            handler.close()
        if self.previous_level is not None:
            root.setLevel(self.previous_level)
            self.previous_level = None


def start_logging(folder: Path, level: int = logging.INFO) -> AppLog:
    """Attach the rotating log file in ``folder`` and the recent lines to the root logger,
    which then passes on records of ``level`` and above.

    Never raises: when the folder cannot be written, only the recent lines are kept
    (and a warning is logged).
    """
    formatter = logging.Formatter(FORMAT)
    recent = RecentLines()
    handlers: list[logging.Handler] = [recent]
    path: Path | None = folder / LOG_FILE
    try:
        folder.mkdir(parents=True, exist_ok=True)
        file_handler = RotatingFileHandler(folder / LOG_FILE, maxBytes=LOG_BYTES,
                                           backupCount=LOG_BACKUPS, encoding="utf-8")
    except OSError as exc:
        path = None
        problem: OSError | None = exc
    else:
        file_handler.setFormatter(formatter)
        handlers.append(file_handler)
        problem = None
    root = logging.getLogger()
    previous = root.level if root.getEffectiveLevel() > level else None
    if previous is not None:
        root.setLevel(level)
    for handler in handlers:
        root.addHandler(handler)
    if problem is not None:
        log.warning("cannot write the log file in %s: %s", folder, problem)
    return AppLog(path, recent, handlers, previous)


def current() -> tuple[Path | None, list[str]]:
    """The log file and recent lines of the handlers attached to the root logger now."""
    path: Path | None = None
    lines: list[str] = []
    for handler in logging.getLogger().handlers:
        if isinstance(handler, RotatingFileHandler) and path is None:
            path = Path(handler.baseFilename)
        elif isinstance(handler, RecentLines):
            lines = handler.lines()
    return path, lines


def versions() -> list[str]:
    """The app's, Python's, Qt's and the operating system's versions, one per line."""
    app = QGuiApplication.instance()
    platform_name = QGuiApplication.platformName() if app is not None else "none"
    return [
        f"Annotator {annotator.__version__}",
        f"Python {platform.python_version()} ({platform.python_implementation()}, "
        f"{'frozen' if getattr(sys, 'frozen', False) else 'not frozen'})",
        f"Qt {qVersion()}, PySide6 {PySide6.__version__}, platform plugin {platform_name}",
        f"OS {platform.platform()} ({platform.machine()})",
    ]


def report(exc: BaseException) -> str:
    """A plain-text problem report: versions, time, log file, traceback, recent log lines."""
    path, lines = current()
    parts = [
        "Annotator problem report",
        *versions(),
        f"Time {datetime.now(UTC).strftime('%Y-%m-%d %H:%M:%S')} UTC",
        f"Log file {path if path is not None else '(none: logging to a file is off)'}",
        "",
        "".join(traceback.format_exception(exc)).rstrip(),
    ]
    if lines:
        parts += ["", f"Recent log lines ({len(lines)}):", *lines]
    return "\n".join(parts)
