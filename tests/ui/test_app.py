"""The entry point, the crash hook, error messages, jobs and settings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool

import annotator
from annotator.core.errors import (
    InputFileError,
    NewerSchema,
    NotAProject,
    ProjectMissing,
    RowProblem,
    RowsInvalid,
)
from annotator.core.progress import Cancelled
from annotator.ui import app
from annotator.ui.crash import CrashHandler
from annotator.ui.errors import show_error, user_message
from annotator.ui.jobs import Job
from annotator.ui.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def run_gui(args: list[str], tmp_path: Path, timeout: int = 60) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "ANNOTATOR_DATA_DIR": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),  # keep QSettings away from the user's
        "PYTHONPATH": str(ROOT),
    }
    return subprocess.run(
        [sys.executable, *args], env=env, cwd=tmp_path, capture_output=True, text=True,
        timeout=timeout, check=False,
    )


def test_version_prints_and_returns_zero(capsys):
    assert app.main(["--version"]) == 0
    assert capsys.readouterr().out == f"annotator {annotator.__version__}\n"


@pytest.mark.slow
def test_version_does_not_start_qt(tmp_path):
    code = (
        "import sys; from annotator.ui.app import main; rc = main(['--version']); "
        "from PySide6.QtWidgets import QApplication; "
        "assert QApplication.instance() is None; sys.exit(rc)"
    )
    result = run_gui(["-c", code], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"annotator {annotator.__version__}"


@pytest.mark.slow
def test_smoke_demo_starts_and_quits(tmp_path):
    result = run_gui(["-m", "annotator", "--demo", "--quit-after-ms", "500"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "data" / "demo.annot").is_file()
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_smoke_screenshot_and_reopen_last_project(tmp_path):
    shot = tmp_path / "shot.png"
    demo = run_gui(["-m", "annotator", "--demo", "--screenshot", str(shot)], tmp_path)
    assert demo.returncode == 0, demo.stderr
    assert shot.read_bytes().startswith(b"\x89PNG")
    # No arguments: the last project (the demo) is reopened.
    again = run_gui(["-m", "annotator", "--quit-after-ms", "300"], tmp_path)
    assert again.returncode == 0, again.stderr
    assert f"opened {tmp_path / 'data' / 'demo.annot'}" in again.stderr


def test_project_argument_opens_that_file(qtbot, demo_project, monkeypatch):
    windows = []

    def record(window):
        windows.append(window)

    monkeypatch.setattr(app.MainWindow, "show", record)
    monkeypatch.setattr(app.QApplication, "exec", lambda self: 0)
    assert app.main([str(demo_project.path)]) == 0
    [window] = windows
    qtbot.addWidget(window)
    assert window.project.path == demo_project.path
    assert window.post_model.rowCount() == 18
    window.close()


def test_excepthook_shows_a_readable_dialog(qapp, message_boxes):
    try:
        raise InputFileError(Path("/data/posts.txt"), "bad reactions line", line=12)
    except InputFileError as exc:
        CrashHandler().excepthook(type(exc), exc, exc.__traceback__)
    [box] = message_boxes
    assert box.text == "Cannot import “/data/posts.txt”, line 12: bad reactions line."
    assert "Traceback" in box.details and "bad reactions line" in box.details


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (NotAProject(Path("/x/a.txt"), "not an SQLite database"), "“/x/a.txt” is not an"),
        (NewerSchema(Path("/x/new.annot"), 9, 2), "schema version 9"),
        (ProjectMissing(Path("/x/gone.annot"), "no such file"), "“/x/gone.annot” does not"),
        (InputFileError(Path("/x/p.txt"), "the file is empty"), "“/x/p.txt”: the file is empty"),
        (InputFileError(Path("/x/p.txt"), "bad", line=7), "“/x/p.txt”, line 7: bad"),
        (RowsInvalid(Path("/x/t.csv"), [RowProblem(3, "date", "not a date")]),
         "row 3 [date]: not a date"),
        (Cancelled(), "cancelled"),
        (FileNotFoundError(2, "No such file or directory", "/x/missing"), "“/x/missing”"),
        (ZeroDivisionError("division by zero"), "did not expect (ZeroDivisionError)"),
    ],
)
def test_user_messages_name_files_and_lines(qapp, error, expected):
    assert expected in user_message(error)


def test_show_error_has_copyable_details(qapp, message_boxes):
    try:
        {}["missing"]
    except KeyError as exc:
        show_error(None, exc)
    [box] = message_boxes
    assert "KeyError" in box.text
    assert "Traceback" in box.details and "missing" in box.details


def test_job_reports_progress_and_result_on_the_gui_thread(qtbot):
    pool = QThreadPool()
    pool.setMaxThreadCount(1)

    def work(progress):
        for i in range(3):
            progress(i, 3)
            progress(i, 3)  # repeated reports are dropped
        return "done"

    job = Job(work)
    seen = []
    job.signals.progressed.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignal(job.signals.succeeded, timeout=5000) as blocker:
        pool.start(job)
    assert blocker.args == ["done"]
    assert seen == [(0, 3), (1, 3), (2, 3)]
    pool.waitForDone()


def test_job_reports_failure(qtbot):
    pool = QThreadPool()
    job = Job(lambda progress: 1 / 0)
    with qtbot.waitSignal(job.signals.failed, timeout=5000) as blocker:
        pool.start(job)
    assert isinstance(blocker.args[0], ZeroDivisionError)
    pool.waitForDone()


def test_settings_keep_one_recent_path_through_ini(tmp_path):
    path = tmp_path / "one.annot"
    path.write_bytes(b"x")
    Settings().add_recent_project(path)
    Settings().sync()
    assert Settings().recent_projects() == [path]
    assert (tmp_path / "settings").is_dir()  # the autouse fixture's folder, not the user's
