"""File → Import through the window: a writer job, a progress dialog, all-or-nothing results."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QRunnable
from PySide6.QtWidgets import QMessageBox, QPushButton

from annotator.core.importers.service import ImportReport
from annotator.core.progress import Cancelled, CancelToken
from annotator.core.project import Project
from tests.conftest import SAMPLE

TIMEOUT_MS = 30_000


def posts_in(path: Path) -> int:
    """The number of posts in the project file, read through a fresh connection."""
    with Project.open(path) as project:
        return project.posts.count()


def synthetic_channel(path: Path, posts: int) -> Path:
    lines = ["Synthetic Channel", "1.2K subscribers", "A test channel", "Download Telegram"]
    for i in range(posts):
        lines.append(f"Post number {i}: 🇺🇦 some text about topic {i % 97}.")
        lines.append(f"👍{i % 9 + 1}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def window(make_window, project: Project):  # type: ignore[no-untyped-def]
    return make_window(project.path)


def test_import_adds_posts_and_refreshes_the_list(window, qtbot, message_boxes):
    path = window.project.path
    with qtbot.waitSignal(window.import_finished, timeout=TIMEOUT_MS) as finished:
        assert window.import_files([SAMPLE]) is not None
        assert window.is_busy()
        assert not window.menu_actions.import_.isEnabled()
    [report] = finished.args[0]
    assert isinstance(report, ImportReport)
    assert report.added == 18
    assert posts_in(path) == 18
    assert window.post_model.rowCount() == 18
    assert window.count_label.text() == "18 posts"
    assert not window.is_busy()
    assert window.menu_actions.import_.isEnabled()
    [box] = message_boxes
    assert "18 post(s) added, 0 duplicate(s) skipped" in box.text
    assert "added: 18" in box.details

    window.post_list.select_row(17)
    last = window.project.posts.get(window.project.posts.ids()[17])
    assert window.reading_pane.text_view.shown_text() == last.text

    with qtbot.waitSignal(window.import_finished, timeout=TIMEOUT_MS):
        window.import_files([SAMPLE])
    assert "0 post(s) added, 18 duplicate(s) skipped" in message_boxes[-1].text
    assert posts_in(path) == 18


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n", "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG"),
        ("random.bin", bytes(range(256)) * 8, "binary"),
    ],
)
def test_bad_file_shows_the_error_and_changes_nothing(
    window, qtbot, message_boxes, tmp_path, name, content, reason
):
    bad = tmp_path / name
    bad.write_bytes(content)
    with qtbot.waitSignal(window.import_finished, timeout=TIMEOUT_MS) as finished:
        window.import_files([bad])
    assert isinstance(finished.args[0], Exception)
    [box] = message_boxes
    assert box.icon == QMessageBox.Icon.Warning
    assert str(bad) in box.text
    assert reason in box.text
    assert "Traceback" in box.details
    assert posts_in(window.project.path) == 0
    assert window.post_model.rowCount() == 0
    assert bad.read_bytes() == content


def test_missing_file_shows_the_error(window, qtbot, message_boxes, tmp_path):
    missing = tmp_path / "gone.txt"
    with qtbot.waitSignal(window.import_finished, timeout=TIMEOUT_MS):
        window.import_files([missing])
    [box] = message_boxes
    assert str(missing) in box.text and "no such file" in box.text
    assert posts_in(window.project.path) == 0


def test_one_bad_file_among_good_ones_imports_nothing(window, qtbot, message_boxes, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    with qtbot.waitSignal(window.import_finished, timeout=TIMEOUT_MS):
        window.import_files([SAMPLE, bad])
    assert "empty" in message_boxes[-1].text
    assert posts_in(window.project.path) == 0


def test_cancelled_import_changes_nothing(window, qtbot, message_boxes, tmp_path):
    big = synthetic_channel(tmp_path / "big.txt", 20_000)
    token = CancelToken()
    token.cancel()  # deterministic: the job sees the cancel before it reads anything
    with qtbot.waitSignal(window.import_finished, timeout=TIMEOUT_MS) as finished:
        window.import_files([big], cancel=token)
    assert isinstance(finished.args[0], Cancelled)
    assert message_boxes == []  # a cancel is not an error
    assert "cancelled" in window.statusBar().currentMessage()
    assert posts_in(window.project.path) == 0
    assert window.post_model.rowCount() == 0


class Gate(QRunnable):
    """Occupies the single writer thread until opened."""

    def __init__(self) -> None:
        super().__init__()
        self.entered = threading.Event()
        self.open = threading.Event()

    def run(self) -> None:
        self.entered.set()
        self.open.wait(TIMEOUT_MS / 1000)


def test_cancel_button_of_the_progress_dialog_cancels(window, qtbot, message_boxes, tmp_path):
    big = synthetic_channel(tmp_path / "big.txt", 20_000)
    gate = Gate()
    window.pool.start(gate)
    assert gate.entered.wait(5)
    with qtbot.waitSignal(window.import_finished, timeout=TIMEOUT_MS) as finished:
        run = window.import_files([big])
        assert run is not None
        run.dialog.findChild(QPushButton).click()  # Cancel, while the job is still queued
        assert run.token.cancelled
        gate.open.set()
    assert isinstance(finished.args[0], Cancelled)
    assert message_boxes == []
    assert posts_in(window.project.path) == 0


def test_large_import_reports_progress(window, qtbot, tmp_path):
    big = synthetic_channel(tmp_path / "big.txt", 20_000)
    seen: list[float] = []
    with qtbot.waitSignal(window.import_finished, timeout=TIMEOUT_MS):
        run = window.import_files([big])
        run.job.signals.progressed.connect(lambda done, total: seen.append(done / total))
    assert len(seen) > 2 and seen == sorted(seen) and seen[-1] == 1
    assert posts_in(window.project.path) == 20_000
    assert window.post_model.rowCount() == 20_000


def test_import_needs_a_project(make_window):
    window = make_window()
    assert window.import_files([SAMPLE]) is None
