"""A REFI-QDA project read into a new project file, all or nothing.

Used by the CLI's ``import-qdpx`` and as the work of the GUI's background run (safe on a
worker thread).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from annotator.core.progress import CancelToken, Progress
from annotator.core.project import Project
from annotator.core.refi.qdpx_import import QdpxImportReport, read_qdpx

SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")
"""Files SQLite keeps beside a database while it is open."""


def import_into_new_project(
    qdpx: Path, target: Path, progress: Progress, cancel: CancelToken | None
) -> QdpxImportReport:
    """Create a project at ``target`` and read ``qdpx`` into it; the project is closed on
    return (open it again to use it).

    Never touches an existing file at ``target`` (``ProjectExists``). When reading fails
    or is cancelled (``Cancelled``), the new file and its SQLite side files are deleted
    before the error is re-raised, so nothing half-made remains.
    """
    project = Project.create(target)
    try:
        with project:
            return read_qdpx(qdpx, project, progress, cancel)
    except BaseException:
        remove_project_file(target)
        raise


def remove_project_file(path: Path) -> None:
    """Delete the (closed) project file ``path`` and its SQLite side files, if present."""
    for candidate in (path, *(path.with_name(path.name + s) for s in SQLITE_SIDE_FILES)):
        with contextlib.suppress(FileNotFoundError):
            candidate.unlink()
