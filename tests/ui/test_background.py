"""Background reads: latest result per key, cancellation, and nothing reported after the end."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject

from annotator.core.progress import Cancelled, CancelToken, Progress
from annotator.ui.background import BackgroundReads

TIMEOUT_MS = 10_000


def test_only_the_latest_read_of_a_key_reports(qtbot):
    reads = BackgroundReads()
    release = threading.Event()
    seen_cancel: list[bool] = []

    def slow(progress: Progress, cancel: CancelToken) -> str:
        release.wait(5)
        seen_cancel.append(cancel.cancelled)
        return "old"

    results: list[tuple[str, object]] = []
    reads.succeeded.connect(lambda key, result: results.append((key, result)))
    reads.run("k", slow)
    assert reads.busy("k") and reads.busy()
    with qtbot.waitSignal(reads.succeeded, timeout=TIMEOUT_MS):
        reads.run("k", lambda progress, cancel: "new")
        release.set()
    reads.shutdown()
    assert results == [("k", "new")]
    assert seen_cancel == [True]  # the superseded read was told to stop
    assert not reads.busy()


def test_failures_and_progress_are_reported(qtbot):
    reads = BackgroundReads()
    progress_seen: list[tuple[str, int, int]] = []
    reads.progressed.connect(lambda key, done, total: progress_seen.append((key, done, total)))

    def failing(progress: Progress, cancel: CancelToken) -> None:
        progress(1, 2)
        raise ValueError("bad input")

    with qtbot.waitSignal(reads.failed, timeout=TIMEOUT_MS) as failed:
        reads.run("k", failing)
    assert failed.args[0] == "k"
    assert isinstance(failed.args[1], ValueError)
    assert progress_seen == [("k", 1, 2)]
    reads.shutdown()


def test_shutdown_cancels_and_waits_then_ignores_new_reads(qtbot):
    reads = BackgroundReads()
    started = threading.Event()
    outcome: list[str] = []

    def until_cancelled(progress: Progress, cancel: CancelToken) -> None:
        started.set()
        while not cancel.cancelled:
            threading.Event().wait(0.01)
        outcome.append("cancelled")
        raise Cancelled()

    reported: list[object] = []
    reads.failed.connect(lambda key, error: reported.append(error))
    reads.run("k", until_cancelled)
    assert started.wait(5)
    reads.shutdown()
    assert outcome == ["cancelled"]
    reads.run("k", lambda progress, cancel: "late")
    assert not reads.busy()
    qtbot.wait(50)
    assert reported == []


def test_deleting_the_owner_cancels_its_reads(qtbot):
    owner = QObject()
    reads = BackgroundReads(owner)
    started = threading.Event()
    outcome: list[str] = []

    def until_cancelled(progress: Progress, cancel: CancelToken) -> None:
        started.set()
        for _ in range(500):
            if cancel.cancelled:
                outcome.append("cancelled")
                raise Cancelled()
            threading.Event().wait(0.01)

    reads.run("k", until_cancelled)
    assert started.wait(5)
    del owner  # deletes reads and its pool, which waits for the cancelled read
    assert outcome == ["cancelled"]
    qtbot.wait(50)  # queued results of the deleted reads are dropped without errors
