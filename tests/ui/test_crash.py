"""Unexpected exceptions: a readable box with a copyable report, and the log files."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

import annotator
from annotator.ui import app, app_log
from annotator.ui.crash import CrashHandler


@pytest.fixture
def logs(tmp_path: Path) -> Iterator[app_log.AppLog]:
    started = app_log.start_logging(tmp_path / "logs")
    yield started
    started.close()


@pytest.fixture
def handler() -> Iterator[CrashHandler]:
    installed = CrashHandler()
    installed.install()
    yield installed
    installed.uninstall()


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[QMessageBox]:
    """The boxes that would be shown modally, kept for clicking (exec returns Close)."""
    shown: list[QMessageBox] = []

    def keep(box: QMessageBox) -> int:
        shown.append(box)
        return int(QMessageBox.StandardButton.Close.value)

    monkeypatch.setattr(QMessageBox, "exec", keep)
    return shown


class Source(QObject):
    fired = Signal()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_shows_a_readable_box_with_a_copyable_report(
    qtbot, logs, handler, boxes
):
    logging.getLogger("annotator.test").info("coded post 7")
    source = Source()

    def broken_slot() -> None:
        {}["no-such-key"]

    source.fired.connect(broken_slot)
    source.fired.emit()
    [box] = boxes
    assert box.text() == ("Annotator ran into a problem it did not expect (KeyError), so what "
                          "you just did may not have been completed.")
    assert "Traceback" not in box.text() and "Traceback" not in box.informativeText()
    assert box.informativeText().startswith("Your work is saved: Annotator stores every change")
    assert str(logs.path.parent) in box.informativeText()
    copy = next(b for b in box.buttons() if b.text() == "Copy report")
    box.show()
    copy.click()
    assert box.isVisible()  # copying does not close the box
    assert copy.text() == "Report copied"
    report = QGuiApplication.clipboard().text()
    assert report == box.detailedText()
    assert "Traceback (most recent call last)" in report and "no-such-key" in report
    assert "broken_slot" in report
    assert f"Annotator {annotator.__version__}" in report
    assert f"Qt {qVersion()}, PySide6 {PySide6.__version__}" in report
    assert "Python 3." in report and "\nOS " in report
    assert f"Log file {logs.path}" in report
    assert "INFO annotator.test: coded post 7" in report
    box.close()
    # The log file holds the traceback.
    text = logs.path.read_text(encoding="utf-8")
    assert "uncaught exception" in text and "no-such-key" in text


@pytest.mark.qt_no_exception_capture
def test_the_same_problem_is_shown_once_and_logged_each_time(qtbot, logs, handler, boxes):
    def tick() -> None:
        raise RuntimeError("paint failed")

    for _ in range(3):
        QTimer.singleShot(0, tick)
    qtbot.wait(50)
    assert len(boxes) == 1
    assert logs.path.read_text(encoding="utf-8").count("RuntimeError: paint failed") == 3


@pytest.mark.qt_no_exception_capture
def test_exceptions_on_other_threads_are_shown_on_the_gui_thread(qtbot, logs, handler, boxes):
    shown_on = []
    real_show = handler.show

    def show(exc: BaseException) -> None:
        shown_on.append(threading.current_thread() is threading.main_thread())
        real_show(exc)

    handler.show = show  # type: ignore[method-assign]

    class Broken(QRunnable):
        def run(self) -> None:
            raise ZeroDivisionError("in a pool thread")

    pool = QThreadPool()
    pool.start(Broken())
    pool.waitForDone()
    def read() -> None:
        raise IndexError("in a Python thread")

    thread = threading.Thread(target=read, name="reader")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(boxes) == 2, timeout=2000)
    assert shown_on == [True, True]
    assert "(ZeroDivisionError)" in boxes[0].text() and "(IndexError)" in boxes[1].text()
    assert "in a pool thread" in boxes[0].detailedText()


def test_known_errors_keep_their_own_message(qapp, boxes):
    error = FileNotFoundError(2, "No such file or directory", "/x/posts.json")
    CrashHandler().show(error)
    [box] = boxes
    assert box.text() == "Cannot read or write “/x/posts.json”: No such file or directory."
    assert not any(b.text() == "Copy report" for b in box.buttons())


def test_main_writes_the_log_file_and_restores_the_hooks(qtbot, monkeypatch, tmp_path):
    monkeypatch.setenv("ANNOTATOR_LOG_DIR", str(tmp_path / "logs"))
    windows: list[app.MainWindow] = []

    def record(window: app.MainWindow) -> None:  # instead of showing it
        windows.append(window)

    monkeypatch.setattr(app.MainWindow, "show", record)
    monkeypatch.setattr(app.QApplication, "exec", lambda self: 0)
    hook, root_handlers = sys.excepthook, list(logging.getLogger().handlers)
    assert app.main([]) == 0
    [window] = windows
    qtbot.addWidget(window)
    log_file = tmp_path / "logs" / app_log.LOG_FILE
    assert log_file.is_file()
    assert f"Annotator {annotator.__version__}" in log_file.read_text(encoding="utf-8")
    assert sys.excepthook is hook
    assert logging.getLogger().handlers == root_handlers
    window.close()


def test_an_unwritable_log_folder_keeps_the_recent_lines_only(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the log folder should be")
    started = app_log.start_logging(blocker / "logs")
    try:
        assert started.path is None
        logging.getLogger("annotator.test").warning("still remembered")
        path, lines = app_log.current()
        assert path is None
        assert any("cannot write the log file" in line for line in lines)
        assert lines[-1].endswith("WARNING annotator.test: still remembered")
    finally:
        started.close()
