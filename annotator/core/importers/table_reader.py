"""Reading a table of posts (CSV/TSV or XLSX) as a stream of rows with their row numbers.

:func:`open_table` looks at a file once: its kind, encoding and delimiter (CSV), sheet
(XLSX) and header row. :func:`iter_rows` then streams the data rows, so a CSV of any size
is read in bounded memory; each :class:`Row` carries the number users see: the physical
line where a CSV record starts (records may span lines), or the XLSX sheet row.

CSV encodings: UTF-8 with or without BOM, UTF-16/32 with BOM, BOM-less UTF-16, and legacy
encodings such as cp1251 (detected as :mod:`annotator.core.textfile` does, with a warning).
Delimiters ``, ; TAB |`` are told apart by counting fields per record in the first records
with quotes respected (``csv.Sniffer`` guesses wrong on posts full of commas).
XLSX is read with openpyxl in read-only, values-only mode (formula results, not formulas).
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections.abc import Generator, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Literal

from annotator.core.errors import InputFileError
from annotator.core.importers.base import ImportWarning
from annotator.core.importers.table_encoding import detect_encoding

Cell = str | int | float | bool | datetime | date | time | timedelta | None
"""A cell value: always ``str`` for CSV; openpyxl's types for XLSX (``None`` when empty)."""

DELIMITERS = ",;\t|"
HEAD_BYTES = 65_536
_SAMPLE_RECORDS = 50
_MAX_FIELD = 16 << 20  # a cell larger than this is a broken quote, not a post
_XLSX_PART = "xl/workbook.xml"
_NOT_TABLES = {
    b"\xd0\xcf\x11\xe0": "an old Excel .xls (or other OLE) file; save it as .xlsx or CSV",
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"SQLite format 3\x00": "an SQLite database",
}

# csv's limit is process-wide; raising it once is harmless and lets long cells through.
csv.field_size_limit(_MAX_FIELD)


@dataclass(frozen=True, slots=True)
class Row:
    """A data row: ``number`` is the CSV line where the record starts, or the sheet row;
    ``done`` is how far reading has got, in the unit of :attr:`TableInfo.size`."""

    number: int
    cells: tuple[Cell, ...]
    done: int = 0


@dataclass(frozen=True, slots=True)
class TableInfo:
    """What :func:`open_table` found out about a table.

    ``headers`` are the header cells, stripped, with empty ones named ``column N`` and
    repeated ones suffixed `` (2)``; ``encoding``/``delimiter`` are ``None`` for XLSX and
    ``sheet``/``excel_epoch`` ``None`` for CSV. ``size`` is the file size (CSV) or the
    sheet's declared row count (XLSX, 0 when unknown), the total for progress reports.
    """

    path: Path
    kind: Literal["csv", "xlsx"]
    headers: tuple[str, ...]
    header_row: int
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    sheet_names: tuple[str, ...] = ()
    excel_epoch: datetime | None = None
    size: int = 0
    decode_errors: str = "strict"
    warnings: tuple[ImportWarning, ...] = ()


def is_xlsx(path: Path) -> bool:
    """Whether ``path`` is a ZIP archive holding an Excel workbook part."""
    try:
        with zipfile.ZipFile(path) as archive:
            return _XLSX_PART in archive.namelist()
    except (OSError, zipfile.BadZipFile, ValueError, NotImplementedError):
        return False  # not a ZIP we can read (NotImplementedError: an unknown ZIP version)


def open_table(path: Path, sheet: str | None = None) -> TableInfo:
    """Inspect ``path`` (CSV/TSV or XLSX, by content) and read its header row.

    Raises :class:`InputFileError` for a missing, empty, binary or undecodable file, an
    unknown ``sheet`` (the message lists the sheets) or a table without a header row.
    """
    head = _head(path)
    if head.startswith(b"PK\x03\x04"):
        if is_xlsx(path):
            return _open_xlsx(path, sheet)
        raise InputFileError(path, "this is a ZIP archive but not an .xlsx workbook")
    for magic, what in _NOT_TABLES.items():
        if head.startswith(magic):
            raise InputFileError(path, f"this is {what}, not a CSV or XLSX table")
    return _open_csv(path, head)


def iter_rows(info: TableInfo) -> Generator[Row, None, None]:
    """The data rows after the header, in file order; rows whose cells are all empty are
    left out. Raises :class:`InputFileError` (with the line) for malformed CSV or bytes
    that do not decode, and for an XLSX file that cannot be read."""
    if info.kind == "xlsx":
        return _xlsx_rows(info)
    return _csv_rows(info)


def blank(cell: Cell) -> bool:
    """Whether a cell is empty (``None``, or a string of white space only)."""
    return cell is None or (isinstance(cell, str) and not cell.strip())


def clean_headers(cells: tuple[Cell, ...]) -> tuple[str, ...]:
    """Header names: stripped text, ``column N`` for empty cells, `` (2)`` for repeats
    (compared without case); empty cells after the last named one are dropped."""
    width = len(cells)
    while width > 1 and blank(cells[width - 1]):
        width -= 1
    names: list[str] = []
    seen: set[str] = set()
    for index, cell in enumerate(cells[:width], start=1):
        name = "" if cell is None else str(cell).strip().lstrip("\ufeff").strip()
        name = name or f"column {index}"
        unique, n = name, 1
        while unique.casefold() in seen:
            n += 1
            unique = f"{name} ({n})"
        seen.add(unique.casefold())
        names.append(unique)
    return tuple(names)


# --- CSV -----------------------------------------------------------------------------


def _head(path: Path) -> bytes:
    try:
        if not path.exists():
            raise InputFileError(path, "no such file")
        if path.is_dir():
            raise InputFileError(path, "is a folder, not a file")
        with path.open("rb") as stream:
            head = stream.read(HEAD_BYTES)
    except OSError as exc:
        raise InputFileError(path, f"cannot read the file: {exc.strerror or exc}") from exc
    if not head.strip():
        raise InputFileError(path, "the file is empty")
    return head


def records(text: str, delimiter: str, complete: bool, limit: int) -> list[list[str]]:
    """The first ``limit`` non-blank records of ``text`` split on ``delimiter`` with quotes
    respected; the last record is dropped when ``text`` is only the start of a file."""
    found: list[list[str]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for record in reader:
            if any(cell.strip() for cell in record):
                found.append(record)
            if len(found) > limit:
                break
    except csv.Error:
        complete = False
    if not complete and len(found) > 1:
        found.pop()
    return found[:limit]


def detect_delimiter(text: str, complete: bool) -> tuple[str, float, int]:
    """(delimiter, share of records with the header's field count, header field count).

    Each candidate splits the first records with quotes respected; the one whose header has
    at least two fields and whose records agree best with it (then: more fields) wins. A
    table with a single column gets ``,`` with one field.
    """
    best = (",", 0.0, 1)
    for delimiter in DELIMITERS:
        found = records(text, delimiter, complete, _SAMPLE_RECORDS)
        if not found or len(found[0]) < 2:
            continue
        width = len(found[0])
        body = found[1:]
        share = sum(1 for record in body if len(record) == width) / len(body) if body else 1.0
        if (share, width) > best[1:]:
            best = (delimiter, share, width)
    return best


def _open_csv(path: Path, head: bytes) -> TableInfo:
    encoding, errors, warnings = detect_encoding(path, head)
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    size = path.stat().st_size
    text = decoder.decode(head, final=len(head) >= size)
    delimiter, _share, _width = detect_delimiter(text, complete=len(head) >= size)
    info = TableInfo(
        path=path, kind="csv", headers=(), header_row=0, encoding=encoding,
        delimiter=delimiter, size=size, decode_errors=errors, warnings=tuple(warnings),
    )
    for number, cells, _done in _csv_records(info):
        if not all(blank(cell) for cell in cells):
            return _with_header(info, number, tuple(cells))
    raise InputFileError(path, "no header row: the table has no non-empty line")


def _csv_records(info: TableInfo) -> Iterator[tuple[int, list[str], int]]:
    """Every record with the line it starts on and the bytes read so far; decoding and CSV
    errors name the line."""
    label = (info.encoding or "").replace("-sig", "").upper()
    with info.path.open("rb") as raw:
        text = io.TextIOWrapper(
            raw, encoding=info.encoding, errors=info.decode_errors, newline=""
        )
        # strict: a quote left open would otherwise swallow every later row silently
        reader = csv.reader(text, delimiter=info.delimiter or ",", strict=True)
        line = 0
        try:
            for record in reader:
                # the buffer's position, not the text wrapper's (disabled while iterating)
                yield line + 1, record, raw.tell()
                line = reader.line_num
        except UnicodeDecodeError as exc:
            raise InputFileError(
                info.path, f"not valid {label} text (undecodable bytes in this record)",
                line + 1,
            ) from exc
        except csv.Error as exc:
            why = ("a quoted cell that starts in this record is never closed"
                   if "end of data" in str(exc) else f"malformed CSV record ({exc})")
            raise InputFileError(
                info.path, f"{why}; check the quotes in this record", line + 1
            ) from exc


def _csv_rows(info: TableInfo) -> Generator[Row, None, None]:
    for number, cells, done in _csv_records(info):
        if number <= info.header_row or all(blank(cell) for cell in cells):
            continue
        yield Row(number, tuple(cells), done)


# --- XLSX ----------------------------------------------------------------------------


def _load(path: Path) -> Any:  # openpyxl has no type hints
    from openpyxl import load_workbook  # noqa: PLC0415 - only XLSX input pays for the import

    try:
        return load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types on damaged workbooks
        raise InputFileError(path, f"cannot read this .xlsx workbook ({_why(exc)})") from exc


def _why(exc: Exception) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def _pick_sheet(path: Path, book: Any, sheet: str | None) -> Any:
    sheets = list(book.worksheets)
    if not sheets:
        raise InputFileError(path, "the workbook has no worksheet")
    if sheet is None:
        return sheets[0]
    for candidate in sheets:
        if candidate.title == sheet:
            return candidate
    names = ", ".join(repr(s.title) for s in sheets)
    raise InputFileError(path, f"no sheet named {sheet!r}; the workbook has: {names}")


def _sheet_rows(path: Path, worksheet: Any) -> Iterator[Row]:
    """Every sheet row from row 1 (openpyxl pads missing rows, so the count is the row)."""
    worksheet.reset_dimensions()  # some writers declare a wrong size; read what is there
    rows = worksheet.iter_rows(min_row=1, values_only=True)
    number = 0
    while True:
        try:
            values = next(rows, None)
        except Exception as exc:  # openpyxl raises many types on damaged sheet XML
            raise InputFileError(
                path, f"cannot read this .xlsx sheet ({_why(exc)})", number + 1
            ) from exc
        if values is None:
            return
        number += 1
        yield Row(number, tuple(values), number)


def _open_xlsx(path: Path, sheet: str | None) -> TableInfo:
    book = _load(path)
    try:
        worksheet = _pick_sheet(path, book, sheet)
        declared = worksheet.max_row or 0
        info = TableInfo(
            path=path, kind="xlsx", headers=(), header_row=0, sheet=worksheet.title,
            sheet_names=tuple(s.title for s in book.worksheets), excel_epoch=book.epoch,
            size=declared,
        )
        for row in _sheet_rows(path, worksheet):
            if not all(blank(cell) for cell in row.cells):
                return _with_header(info, row.number, row.cells)
    finally:
        book.close()
    raise InputFileError(path, f"no header row: sheet {info.sheet!r} is empty")


def _xlsx_rows(info: TableInfo) -> Generator[Row, None, None]:
    book = _load(info.path)
    try:
        worksheet = _pick_sheet(info.path, book, info.sheet)
        for row in _sheet_rows(info.path, worksheet):
            if row.number > info.header_row and not all(blank(cell) for cell in row.cells):
                yield row
    finally:
        book.close()


def _with_header(info: TableInfo, number: int, cells: tuple[Cell, ...]) -> TableInfo:
    return replace(info, headers=clean_headers(cells), header_row=number)
