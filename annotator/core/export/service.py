"""Export a project: build the tables, write them, and only then put the result in place.

Every export is written to a temporary file (or folder) beside the target and renamed at
the end, so a failed or cancelled export never leaves a half-written file where the user
looks, and a previous export at that path stays intact until the new one is complete.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core.export.csv_files import write_csv
from annotator.core.export.excel import write_workbook
from annotator.core.export.options import ExportFormat, ExportOptions
from annotator.core.export.tables import build_tables
from annotator.core.progress import CancelToken, Progress, check_cancel, no_progress
from annotator.core.refi.qdpx_export import write_qdpx

if TYPE_CHECKING:
    from annotator.core.project import Project


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    format: ExportFormat
    files: tuple[Path, ...]
    """Every file written (one for a workbook or .qdpx; the CSV files of a folder)."""
    rows: dict[str, int]
    """Rows per table (Excel and CSV)."""
    notes: tuple[str, ...] = ()
    """What the user should know, e.g. a sheet continued on a next sheet."""
    warnings: tuple[str, ...] = ()
    """What the format could not carry (REFI-QDA)."""


def export_project(
    project: Project,
    path: Path,
    fmt: ExportFormat,
    options: ExportOptions | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> ExportSummary:
    """Export ``project`` to ``path`` as ``fmt`` (a file, or a folder for CSV).

    Raises ``OSError`` for a target that cannot be written and :class:`Cancelled` when
    cancelled; in both cases nothing at ``path`` has changed.
    """
    options = options or ExportOptions()
    report = progress or no_progress
    if fmt is ExportFormat.QDPX:
        with _staged_file(path) as staging:
            warnings = write_qdpx(project, staging, options, report, cancel)
            check_cancel(cancel)
        return ExportSummary(path, fmt, (path,), {}, (), tuple(warnings))
    tables = build_tables(project, options, _share(report, 0, 40), cancel)
    rows = {table.name: len(table.frame) for table in tables.tables()}
    if fmt is ExportFormat.XLSX:
        with _staged_file(path) as staging:
            notes = write_workbook(tables, staging, _share(report, 40, 100), cancel)
            check_cancel(cancel)
        return ExportSummary(path, fmt, (path,), rows, tuple(notes))
    with _staged_folder(path) as staging:
        written = write_csv(tables, staging, _share(report, 40, 100), cancel)
        check_cancel(cancel)
        names = [p.relative_to(staging) for p in written]
    return ExportSummary(path, fmt, tuple(path / name for name in names), rows)


def _share(progress: Progress, low: int, high: int) -> Progress:
    """Map a step's own progress onto ``low``..``high`` percent of the whole export."""
    def report(done: int, total: int) -> None:
        fraction = done / total if total > 0 else 0.0
        progress(low + round((high - low) * min(1.0, fraction)), 100)
    return report


@contextmanager
def _staged_file(path: Path) -> Iterator[Path]:
    """A temporary path in ``path``'s folder, renamed onto ``path`` when the block ends
    normally and deleted otherwise (same folder, so the rename is atomic)."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=".export-", suffix=".partial", dir=folder)
    except OSError as exc:  # name the user's target, not the hidden temporary file
        raise OSError(exc.errno, exc.strerror, str(path)) from exc
    os.close(handle)
    staging = Path(name)
    try:
        yield staging
        try:
            os.replace(staging, path)
        except OSError as exc:
            raise OSError(exc.errno, exc.strerror, str(path)) from exc
    finally:
        staging.unlink(missing_ok=True)


@contextmanager
def _staged_folder(path: Path) -> Iterator[Path]:
    """A temporary folder beside ``path`` whose files move into ``path`` (created if
    needed; same-named files replaced) when the block ends normally."""
    if path.exists() and not path.is_dir():
        raise NotADirectoryError(20, "a CSV export needs a folder, not a file", str(path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".export-", suffix=".partial", dir=path.parent))
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(path)) from exc
    try:
        yield staging
        path.mkdir(exist_ok=True)
        for source in sorted(staging.rglob("*")):
            target = path / source.relative_to(staging)
            if source.is_dir():
                target.mkdir(exist_ok=True)
            else:
                os.replace(source, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
