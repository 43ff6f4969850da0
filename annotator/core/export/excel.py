"""Write an export's tables as an analysis-ready Excel workbook.

Sheets, in order: About (the ``tables.about`` rows, then the notes this writer adds), then
``tables.tables()``: Posts, Annotations, Variables, Matrix, Agreement (when present),
Codebook.  Each data sheet has a styled, frozen header row, an autofilter over the used
range, column widths from the column kinds and the first rows, wrapped long texts, real
Excel datetimes and number formats (:mod:`.excel_styles`).  Every value passes through
:mod:`.excel_cells` first: text is never written as a formula, characters XML forbids are
replaced, over-long text is cut to Excel's limit.  A table longer than an Excel sheet
continues on "Name (2)", "Name (3)" ..., each with its own header.

openpyxl's write-only mode streams each sheet's rows to a temporary file, so memory stays
bounded by one chunk of rows (:data:`CHUNK_ROWS`) however large the tables are.  In that
mode the column widths and frozen pane must be set before the first row, the autofilter,
conditional formatting and charts before the sheet is closed (at save).
"""

from __future__ import annotations

import re
from collections import defaultdict
from contextlib import suppress
from pathlib import Path
from typing import Any, Final

import pandas as pd
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from annotator.core.export.excel_agreement import decorate_agreement
from annotator.core.export.excel_cells import (
    TextAudit,
    clean_column,
    clean_text,
    fit_excel,
    needs_quote,
)
from annotator.core.export.excel_styles import WIDTH_SAMPLE, Styles, column_width
from annotator.core.export.model import ColumnKind, ExportTables, Table
from annotator.core.progress import CancelToken, Progress, check_cancel, no_progress

EXCEL_MAX_ROWS: Final = 1_048_576
"""Rows of an Excel sheet, the header row included."""
CHUNK_ROWS: Final = 5_000
"""Rows cleaned and written between two progress reports and cancel checks."""
SHEET_TITLE_LIMIT: Final = 31
ABOUT: Final = "About"

_FORBIDDEN_TITLE: Final = re.compile(r"[\[\]:*?/\\]")
_RESERVED_TITLES: Final = frozenset({"history"})
"""Excel keeps "History" for its change tracking."""


def write_workbook(
    tables: ExportTables,
    path: Path,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    *,
    max_rows: int = EXCEL_MAX_ROWS,
) -> list[str]:
    """Write ``tables`` to ``path`` as an .xlsx workbook and return the notes for the user.

    The notes (also written at the end of the About sheet) say which tables continued on
    a next sheet and which values were changed to fit a workbook (see
    :mod:`.excel_cells`).  ``max_rows`` is the rows per sheet, header included (tests
    lower it).  Reports ``progress(rows written, rows in all)`` and checks ``cancel``
    every :data:`CHUNK_ROWS` rows, raising :class:`~annotator.core.progress.Cancelled`;
    then, as after any error, nothing is saved and the temporary sheet files are
    deleted, but the caller owns ``path`` (the export service writes to a staging file).
    """
    if max_rows < 2:
        raise ValueError(f"max_rows must leave room for a header and a row, not {max_rows}")
    workbook = Workbook(write_only=True)
    try:
        notes = _Writer(workbook, max_rows, progress or no_progress, cancel).write(tables)
        check_cancel(cancel)
        workbook.save(path)
    except BaseException:
        _discard(workbook)
        raise
    return notes


class _Writer:
    """Writes one workbook; holds its styles, sheet titles, audit and progress count."""

    def __init__(self, workbook: Any, max_rows: int, progress: Progress,
                 cancel: CancelToken | None) -> None:
        self._workbook = workbook
        self._max_rows = max_rows
        self._progress = progress
        self._cancel = cancel
        self._titles: set[str] = set()
        self._about = workbook.create_sheet(self._title(ABOUT))
        self._styles = Styles(self._about)
        self._audit = TextAudit()
        self._done = 0
        self._total = 0

    def write(self, tables: ExportTables) -> list[str]:
        """Fill every sheet (not yet saved); return the notes, also appended to About."""
        data = tables.tables()
        self._total = len(tables.about) + sum(len(table.frame) for table in data)
        kinds = {"field": ColumnKind.TEXT, "value": ColumnKind.LONG_TEXT}
        about = pd.DataFrame(tables.about, columns=["field", "value"], dtype=object)
        self._start(self._about, ["field", "value"], [ColumnKind.TEXT, ColumnKind.LONG_TEXT],
                    [column_width(kind, name, about[name].head(WIDTH_SAMPLE))
                     for name, kind in kinds.items()], frozen=False)
        self._rows(self._about, Table(ABOUT, about, dict(kinds)), 0, len(about))
        notes: list[str] = []
        for table in data:
            sheets = self._table(table, notes)
            if tables.agreement is not None and table is tables.agreement.table:
                decorate_agreement(sheets[0], tables.agreement,
                                   min(len(table.frame), self._max_rows - 1))
        notes.extend(self._audit.notes())
        if notes:
            # The notes name sheets and columns, which may hold users' code names.
            frame = pd.DataFrame({"field": ["Note"] * len(notes), "value": notes}, dtype=object)
            self._rows(self._about, Table(ABOUT, frame, dict(kinds)), 0, len(frame),
                       first_row=len(about) + 2, counted=False)
        return notes

    def _table(self, table: Table, notes: list[str]) -> list[Any]:
        """Write ``table`` on as many sheets as it needs; return them in order."""
        frame = table.frame
        per_sheet = self._max_rows - 1
        headers = [self._header(table.name, column) for column in frame.columns]
        kinds = [table.kinds.get(column, ColumnKind.TEXT) for column in frame.columns]
        widths = [column_width(kind, header, frame.iloc[:WIDTH_SAMPLE, position].tolist())
                  for position, (kind, header) in enumerate(zip(kinds, headers, strict=True))]
        sheets = []
        for part, low in enumerate(range(0, max(len(frame), 1), per_sheet), start=1):
            title = self._title(table.name, part)
            sheet = self._workbook.create_sheet(title)
            high = min(len(frame), low + per_sheet)
            self._start(sheet, headers, kinds, widths)
            self._rows(sheet, table, low, high)
            if headers:
                sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{high - low + 1}"
            if part > 1:
                notes.append(f"{table.name} continued on sheet '{title}' after {low:,} rows")
            sheets.append(sheet)
        return sheets

    def _start(self, sheet: Any, headers: list[str], kinds: list[ColumnKind],
               widths: list[float], frozen: bool = True) -> None:
        """Column widths, frozen pane and the header row: what must precede the rows."""
        for position, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(position)].width = width
        if frozen:
            sheet.freeze_panes = "A2"
        if not headers:
            return
        cells = []
        for header in headers:
            quoted = bool(header) and needs_quote(header)
            cell = self._styles.cell(
                self._styles.quoted(self._styles.header) if quoted else self._styles.header,
                sheet)
            cell.value = header or None
            cell.data_type = "s"
            cells.append(cell)
        sheet.append(cells)

    def _rows(self, sheet: Any, table: Table, low: int, high: int, *, first_row: int = 2,
              counted: bool = True) -> None:
        """Append ``table.frame`` rows ``low`` to ``high`` (exclusive) to ``sheet``,
        whose next row is Excel row ``first_row``, chunk by chunk."""
        frame = table.frame
        kinds = [table.kinds.get(column, ColumnKind.TEXT) for column in frame.columns]
        names = [str(column) for column in frame.columns]
        styled = [(position, self._styles.cell(self._styles.data(kind), sheet))
                  for position, kind in enumerate(kinds) if self._styles.data(kind) is not None]
        quoted_cells = [self._styles.cell(self._styles.quoted(self._styles.data(kind)), sheet)
                        for kind in kinds]
        for start in range(low, high, CHUNK_ROWS):
            check_cancel(self._cancel)
            stop = min(high, start + CHUNK_ROWS)
            chunk = frame.iloc[start:stop]
            row_number = first_row + start - low
            columns = [clean_column(chunk.iloc[:, position], kind, self._audit, sheet.title,
                                    names[position], row_number)
                       for position, kind in enumerate(kinds)]
            quoted: defaultdict[int, list[int]] = defaultdict(list)
            for position, column in enumerate(columns):
                for offset in column.quoted:
                    quoted[offset].append(position)
            rows = zip(*(column.values for column in columns), strict=True)
            for offset, values in enumerate(rows):
                if not styled and offset not in quoted:
                    sheet.append(values)
                    continue
                row: list[object] = list(values)
                for position, cell in styled:
                    value = values[position]
                    if value is not None:
                        cell.value = value
                        if value.__class__ is str:
                            # Hostile text goes through quoted_cells below; this keeps
                            # "every str is a string cell" true whatever openpyxl infers.
                            cell.data_type = "s"
                        row[position] = cell
                for position in quoted.get(offset, ()):
                    cell = quoted_cells[position]
                    cell.value = values[position]
                    cell.data_type = "s"
                    row[position] = cell
                sheet.append(row)
            if counted:
                self._done += stop - start
                self._progress(self._done, self._total)

    def _header(self, sheet: str, column: object) -> str:
        """A column name as header text: XML-safe and within Excel's cell limit."""
        text, replaced = clean_text(str(column))
        if replaced:
            tally = self._audit.replaced.setdefault((sheet, "(header)"), [0, 0])
            tally[0] += replaced
            tally[1] += 1
        return fit_excel(text)

    def _title(self, name: str, part: int = 1) -> str:
        """A unique, valid sheet title for part ``part`` of table ``name``: at most 31
        characters, none of ``[]:*?/\\``, no apostrophe at either end."""
        base = _FORBIDDEN_TITLE.sub("_", clean_text(name)[0]).strip().strip("'") or "Sheet"
        suffix = f" ({part})" if part > 1 else ""
        title = base[:SHEET_TITLE_LIMIT - len(suffix)].rstrip(" '") + suffix
        copy = 2
        while title.casefold() in self._titles or title.casefold() in _RESERVED_TITLES:
            tag = f"~{copy}{suffix}"
            title = base[:SHEET_TITLE_LIMIT - len(tag)].rstrip(" '") + tag
            copy += 1
        self._titles.add(title.casefold())
        return title


def _discard(workbook: Any) -> None:
    """Delete the temporary files of a workbook that will not be saved.

    openpyxl deletes them only at interpreter exit; a long-running app that cancels a
    large export would otherwise keep hundreds of megabytes in the temp folder.  Best
    effort: this runs while another exception propagates, which must not be masked.
    """
    for sheet in workbook.worksheets:
        writer = getattr(sheet, "_writer", None)
        if writer is None:
            continue
        with suppress(Exception):
            if not sheet.closed:
                sheet.close()
            writer.cleanup()
