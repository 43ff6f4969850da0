"""Where an export goes: default names per format, renaming on a change of format, and
what is already at a path. Pure path logic for the export dialog; no Qt.
"""

from __future__ import annotations

import stat
from enum import Enum
from pathlib import Path

from annotator.core.export.options import ExportFormat

CSV_FOLDER_SUFFIX = "-csv"
"""A CSV export's default folder is the project's stem plus this."""
FILE_SUFFIXES = {ExportFormat.XLSX: ".xlsx", ExportFormat.QDPX: ".qdpx"}


def default_target(project: Path, fmt: ExportFormat, folder: Path) -> Path:
    """``folder`` / the project's stem plus the format's suffix (a folder name for CSV)."""
    if fmt is ExportFormat.CSV:
        return folder / f"{project.stem}{CSV_FOLDER_SUFFIX}"
    return folder / f"{project.stem}{FILE_SUFFIXES[fmt]}"


def retarget(path: Path, fmt: ExportFormat) -> Path:
    """``path`` renamed for ``fmt``: a file suffix swapped, added or (for CSV) dropped.

    ``book.xlsx`` becomes ``book.qdpx`` or the folder ``book-csv``, and back.
    """
    stem = path.stem if path.suffix.lower() in FILE_SUFFIXES.values() else path.name
    if fmt is ExportFormat.CSV:
        return path.with_name(f"{stem}{CSV_FOLDER_SUFFIX}")
    stem = stem.removesuffix(CSV_FOLDER_SUFFIX) or stem
    return path.with_name(f"{stem}{FILE_SUFFIXES[fmt]}")


def with_suffix_for(path: Path, fmt: ExportFormat) -> Path:
    """``path`` with the format's file suffix appended when it lacks it (CSV: as it is)."""
    if fmt is ExportFormat.CSV or path.suffix.lower() == FILE_SUFFIXES[fmt]:
        return path
    return path.with_name(path.name + FILE_SUFFIXES[fmt])


class PathKind(Enum):
    FILE = "file"
    FOLDER = "folder"


def path_kind(path: Path) -> PathKind | None:
    """What is at ``path``; ``None`` when nothing is or it cannot be looked at (a name too
    long, no permission): the export then fails with the system's reason, shown readably."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    return PathKind.FOLDER if stat.S_ISDIR(mode) else PathKind.FILE


def holds_files(folder: Path) -> bool:
    """Whether ``folder`` holds anything (``False`` when it cannot be listed)."""
    try:
        return any(folder.iterdir())
    except OSError:
        return False
