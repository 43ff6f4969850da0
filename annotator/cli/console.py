"""Console plumbing shared by the commands: output, one-line errors, progress, Ctrl+C.

Never imports Qt.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from annotator.core.progress import CancelToken, Progress, no_progress
from annotator.core.project import Project

T = TypeVar("T")
CommandFactory = Callable[[str, Callable[[argparse.Namespace], None], str], Any]
"""``command(name, run, summary)`` adds a subcommand and returns its parser."""


class CliError(Exception):
    """A user error found by the command line itself; ``str()`` is the one-line message."""


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, with no usage block."""

    def error(self, message: str) -> NoReturn:
        raise CliError(f"{one_line(message)} (see {self.prog} --help)")


def one_line(text: str) -> str:
    return " ".join(part.strip() for part in text.splitlines() if part.strip())


def out(line: str = "") -> None:
    print(line, file=sys.stdout)


def err(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def json_text(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1)


def iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def open_project(path: Path) -> Project:
    """Open a project; the core refuses missing, foreign and newer files (exit 2)."""
    project = Project.open(path)
    if project.upgraded_from is not None:
        err(
            f"note: upgraded {path} from schema version {project.upgraded_from} to "
            f"{project.schema_version()}; backup at {project.backup}"
        )
    return project


def add_project_argument(sub: argparse.ArgumentParser, what: str) -> None:
    sub.add_argument("project", type=Path, metavar="PROJECT", help=what)


class TtyProgress:
    """``label NN%`` rewritten in place on stderr (used only when stderr is a terminal)."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.shown = -1

    def __call__(self, done: int, total: int) -> None:
        percent = min(100, 100 * done // total) if total > 0 else 0
        if percent != self.shown:
            self.shown = percent
            sys.stderr.write(f"\r{self.label} {percent:3d}%")
            sys.stderr.flush()

    def clear(self) -> None:
        if self.shown >= 0:
            sys.stderr.write("\r" + " " * (len(self.label) + 5) + "\r")
            sys.stderr.flush()


def cancellable(work: Callable[[CancelToken], T]) -> T:
    """Run ``work`` on a worker thread so that Ctrl+C cancels it through its token.

    If the work finished anyway, its result stands; if it was cancelled, the core's
    :class:`Cancelled` propagates (and becomes exit status 130).
    """
    cancel = CancelToken()
    results: list[T] = []
    failures: list[BaseException] = []
    finished = threading.Event()  # not Thread.join: an interrupted join can return early

    def run() -> None:
        try:
            results.append(work(cancel))
        except BaseException as exc:  # re-raised on the main thread below
            failures.append(exc)
        finally:
            finished.set()

    threading.Thread(target=run, name="annotator-cli-worker", daemon=True).start()
    try:
        while not finished.wait(0.1):
            pass
    except KeyboardInterrupt:
        cancel.cancel()
        while not finished.wait(0.1):  # a second Ctrl+C exits at once; SQLite rolls back
            pass
    if failures:
        raise failures[0]
    return results[0]


def with_progress(label: str, work: Callable[[Progress, CancelToken], T]) -> T:
    """Run ``work(progress, cancel)`` cancellably, showing ``label NN%`` on a terminal."""
    progress = TtyProgress(label) if sys.stderr.isatty() else None
    try:
        return cancellable(lambda cancel: work(progress or no_progress, cancel))
    finally:
        if progress is not None:
            progress.clear()
