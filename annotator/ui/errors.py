"""Readable, translated messages for errors, and the dialog that shows them.

The core raises typed errors that carry data (paths, lines); only this module
turns them into sentences. Unknown exceptions get a generic message, and every
dialog carries the traceback as copyable details.
"""

from __future__ import annotations

import logging
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

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

log = logging.getLogger(__name__)
_CONTEXT = "errors"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def _name(path: Path) -> str:
    return str(path)


def user_message(exc: BaseException) -> str:
    """One or two readable sentences about ``exc``, naming the file and line when known."""
    match exc:
        case NewerSchema(path=path, found=found, supported=supported):
            return _tr(
                "“{path}” was saved by a newer version of Annotator (schema version {found}; "
                "this version reads up to {supported}). Please update Annotator. "
                "The file was not changed."
            ).format(path=_name(path), found=found, supported=supported)
        case NotAProject(path=path, reason=reason):
            return _tr(
                "“{path}” is not an Annotator project ({reason}). The file was not changed."
            ).format(path=_name(path), reason=reason)
        case ProjectMissing(path=path):
            return _tr("The project “{path}” does not exist (it may have been moved or "
                       "deleted).").format(path=_name(path))
        case ProjectExists(path=path):
            return _tr("“{path}” already exists; a new project needs a new file name.").format(
                path=_name(path)
            )
        case UnknownFormat(path=path, reason=reason):
            return _tr("Annotator does not recognise the format of “{path}”: {reason}.").format(
                path=_name(path), reason=reason
            )
        case InputFileError(path=path, reason=reason, line=int() as line):
            return _tr("Cannot import “{path}”, line {line}: {reason}.").format(
                path=_name(path), line=line, reason=reason
            )
        case InputFileError(path=path, reason=reason):
            return _tr("Cannot import “{path}”: {reason}.").format(
                path=_name(path), reason=reason
            )
        case RowsInvalid(path=path, problems=problems):
            return _tr(
                "{count} row(s) of “{path}” are invalid, so nothing was imported. "
                "First problem: {first}."
            ).format(count=len(problems), path=_name(path), first=problems[0])
        case InvalidSpan() | NotFound() | Conflict():
            return _tr("The change was refused: {reason}.").format(reason=exc)
        case Cancelled():
            return _tr("The operation was cancelled; nothing was changed.")
        case OSError(filename=str() as filename, strerror=str() as reason):
            return _tr("Cannot read or write “{path}”: {reason}.").format(
                path=filename, reason=reason
            )
        case _:
            return _tr(
                "Something went wrong that Annotator did not expect ({kind}). "
                "Please report it with the details below."
            ).format(kind=type(exc).__name__)


def details(exc: BaseException) -> str:
    """The traceback of ``exc`` as text, for copying into a bug report."""
    return "".join(traceback.format_exception(exc)).rstrip()


def error_box(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """A warning box with the readable message and the traceback as details."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_tr("Annotator"))
    box.setText(user_message(exc))
    box.setDetailedText(details(exc))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return box


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Log ``exc`` and show it in a modal dialog with copyable details."""
    log.warning("%s", user_message(exc), exc_info=exc)
    error_box(parent, exc).exec()
