"""Readable, translated messages for errors, and the dialog that shows them.

The core raises typed errors that carry data (paths, lines); only this module
turns them into sentences. Unknown exceptions (bugs) get the crash box: a readable
sentence, the reassurance that the work is saved, and a "Copy report" button; every
dialog carries the traceback as copyable details.
"""

from __future__ import annotations

import logging
import traceback
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from annotator.core.errors import (
    Conflict,
    InputFileError,
    InvalidSpan,
    NewerSchema,
    NotAProject,
    NotFound,
    ProjectExists,
    ProjectMissing,
    RowsInvalid,
    UnknownFormat,
)
from annotator.core.progress import Cancelled
from annotator.ui import app_log

log = logging.getLogger(__name__)


def _name(path: Path) -> str:
    return str(path)


def user_message(exc: BaseException) -> str:
    """One or two readable sentences about ``exc``, naming the file and line when known."""
    match exc:
        case NewerSchema(path=path, found=found, supported=supported):
            return QCoreApplication.translate(
                "errors",
                "“{path}” was saved by a newer version of Annotator (schema version {found}; "
                "this version reads up to {supported}). Please update Annotator. "
                "The file was not changed."
            ).format(path=_name(path), found=found, supported=supported)
        case NotAProject(path=path, reason=reason):
            return QCoreApplication.translate(
                "errors",
                "“{path}” is not an Annotator project ({reason}). The file was not changed."
            ).format(path=_name(path), reason=reason)
        case ProjectMissing(path=path):
            return QCoreApplication.translate(
                "errors", "The project “{path}” does not exist (it may have been moved or "
                "deleted).").format(path=_name(path))
        case ProjectExists(path=path):
            return QCoreApplication.translate(
                "errors", "“{path}” already exists; a new project needs a new file name."
            ).format(path=_name(path))
        case UnknownFormat(path=path, reason=reason):
            return QCoreApplication.translate(
                "errors", "Annotator does not recognise the format of “{path}”: {reason}."
            ).format(path=_name(path), reason=reason)
        case InputFileError(path=path, reason=reason, line=int() as line):
            return QCoreApplication.translate(
                "errors", "Cannot import “{path}”, line {line}: {reason}."
            ).format(path=_name(path), line=line, reason=reason)
        case InputFileError(path=path, reason=reason):
            return QCoreApplication.translate(
                "errors", "Cannot import “{path}”: {reason}."
            ).format(path=_name(path), reason=reason)
        case RowsInvalid(path=path, problems=problems):
            return QCoreApplication.translate(
                "errors",
                "{count} row(s) of “{path}” are invalid, so nothing was imported. "
                "First problem: {first}."
            ).format(count=len(problems), path=_name(path), first=problems[0])
        case InvalidSpan() | NotFound() | Conflict():
            return QCoreApplication.translate(
                "errors", "The change was refused: {reason}.").format(reason=exc)
        case Cancelled():
            return QCoreApplication.translate(
                "errors", "The operation was cancelled; nothing was changed.")
        case OSError(filename=str() as filename, strerror=str() as reason):
            return QCoreApplication.translate(
                "errors", "Cannot read or write “{path}”: {reason}."
            ).format(path=filename, reason=reason)
        case _:
            return _unexpected_message(exc)


def _unexpected_message(exc: BaseException) -> str:
    return QCoreApplication.translate(
        "errors",
        "Something went wrong that Annotator did not expect ({kind}). "
        "Please report it with the details below."
    ).format(kind=type(exc).__name__)


def is_unexpected(exc: BaseException) -> bool:
    """Whether ``exc`` is a bug (no readable message of its own) rather than a failure
    Annotator knows how to explain (bad input, a file problem, a refused change)."""
    return user_message(exc) == _unexpected_message(exc)


def details(exc: BaseException) -> str:
    """The traceback of ``exc`` as text, for copying into a bug report."""
    return "".join(traceback.format_exception(exc)).rstrip()


def error_box(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """A warning box with the readable message and the traceback as details; for a bug
    (:func:`is_unexpected`), the :func:`crash_box`."""
    if is_unexpected(exc):
        return crash_box(parent, exc)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("errors", "Annotator"))
    box.setText(user_message(exc))
    box.setDetailedText(details(exc))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return box


def crash_box(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """The box for a bug: what happened in one sentence, that the work is saved, what to
    do, and a "Copy report" button (the report, see :func:`app_log.report`, is also the
    box's details). The traceback is never the message."""
    report = app_log.report(exc)
    log_file, _lines = app_log.current()
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("errors", "Annotator: unexpected problem"))
    box.setText(QCoreApplication.translate(
        "errors", "Annotator ran into a problem it did not expect ({kind}), so what you just "
        "did may not have been completed.").format(kind=type(exc).__name__))
    advice = QCoreApplication.translate(
        "errors", "Your work is saved: Annotator stores every change in the project file the "
        "moment you make it. You can carry on; if the problem comes back, restart Annotator. "
        "To help fix it, click “Copy report” and send the report to the developers.")
    if log_file is not None:
        advice += " " + QCoreApplication.translate(
            "errors", "The log is in “{folder}”.").format(folder=log_file.parent)
    box.setInformativeText(advice)
    box.setDetailedText(report)
    copy = box.addButton(QCoreApplication.translate("errors", "Copy report"),
                         QMessageBox.ButtonRole.ActionRole)
    copy.clicked.disconnect()  # a QMessageBox closes on any button: this one copies only
    copy.clicked.connect(partial(_copy_report, copy, report))
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.setDefaultButton(QMessageBox.StandardButton.Close)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return box


def _copy_report(button: QAbstractButton, report: str) -> None:
    QGuiApplication.clipboard().setText(report)
    button.setText(QCoreApplication.translate("errors", "Report copied"))


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Log ``exc`` and show it in a modal dialog with copyable details."""
    log.warning("%s", user_message(exc), exc_info=exc)
    error_box(parent, exc).exec()
