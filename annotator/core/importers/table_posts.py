"""Importer for tables of posts (CSV/TSV or XLSX) with a column mapping.

The mapping (``ImportOptions.mapping``, a YAML/JSON file; see
:mod:`annotator.core.importers.mapping`) says which column holds each field; without one,
a preset is chosen from the header row (4CAT, telegram-tracker, Telethon scrapers), and a
table that matches none is refused with a message listing its headers and explaining how to
write a mapping. Rows stream from :mod:`annotator.core.importers.table_reader`, so a large
CSV is never held in memory.

Identity is the Telegram message id as a decimal string (``external_id`` the same), so a
post matches the same message from a Telegram JSON or HTML export; rows without an id get
``table:<sha256 of channel and normalised text>:<occurrence>``. Row numbers in warnings
are the CSV line where the record starts, or the sheet row.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import ClassVar

from annotator.core.errors import InputFileError
from annotator.core.importers.base import (
    ImportOptions,
    ImportWarning,
    ParsedPost,
    ParsedSource,
    Sample,
)
from annotator.core.importers.mapping import Mapping, detect_preset, load_mapping, presets
from annotator.core.importers.table_cells import cell_text
from annotator.core.importers.table_columns import bind, suggest_columns
from annotator.core.importers.table_fields import RowReader
from annotator.core.importers.table_reader import (
    HEAD_BYTES,
    TableInfo,
    detect_delimiter,
    is_xlsx,
    iter_rows,
    open_table,
    records,
)
from annotator.core.progress import CancelToken, Progress, check_cancel, no_progress
from annotator.core.textfile import bomless_utf16

FORMAT_ID = "table"
_PROGRESS_EVERY = 200
_SNIFF_CONSISTENCY = 0.9
_MAX_HEADER_CHARS = 100


@dataclass(frozen=True, slots=True)
class TablePreview:
    """The start of a table, for a mapping dialog.

    ``rows`` are the first data rows as displayed text, one cell per header; ``encoding``
    and ``delimiter`` are ``None`` for XLSX, ``sheet_names`` empty for CSV;
    ``detected_preset`` is the id of the preset the header row matches (see
    :func:`~annotator.core.importers.mapping.presets`), or ``None``.
    """

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    encoding: str | None
    delimiter: str | None
    sheet_names: tuple[str, ...]
    detected_preset: str | None
    kind: str = "csv"
    sheet: str | None = None
    row_numbers: tuple[int, ...] = ()
    warnings: tuple[ImportWarning, ...] = ()


def read_preview(path: Path, sheet: str | None = None, rows: int = 20) -> TablePreview:
    """Headers and the first ``rows`` data rows of a CSV/XLSX table; raises
    :class:`InputFileError` for an unreadable table or an unknown ``sheet``."""
    info = open_table(path, sheet)
    with closing(iter_rows(info)) as stream:  # releases the file or workbook now
        shown = list(islice(stream, max(0, rows)))
    width = len(info.headers)
    preset = detect_preset(info.headers)
    return TablePreview(
        headers=info.headers,
        rows=tuple(
            tuple(cell_text(cell) for cell in (*row.cells, *[None] * width)[:width])
            for row in shown
        ),
        encoding=info.encoding,
        delimiter=info.delimiter,
        sheet_names=info.sheet_names,
        detected_preset=preset.id if preset else None,
        kind=info.kind,
        sheet=info.sheet,
        row_numbers=tuple(row.number for row in shown),
        warnings=info.warnings,
    )


def _no_mapping(info: TableInfo) -> InputFileError:
    guess = suggest_columns(info.headers)
    columns = ", ".join(
        f"{field}: {json.dumps(guess.get(field, f'<the {what} column>'), ensure_ascii=False)}"
        for field, what in (("text", "post text"), ("id", "message id"), ("date", "date"),
                            ("channel", "channel"))
    )
    known = ", ".join(preset.name for preset in presets())
    return InputFileError(
        info.path,
        "no column mapping was given and the header row matches no preset "
        f"({known}). The table's columns are: {', '.join(info.headers)}. Write a mapping "
        "file (YAML or JSON, described by schemas/import-mapping.schema.json), for example "
        f"{{version: 1, columns: {{{columns}}}, date: {{timezone: UTC}}}}, "
        "and give it as the import's mapping.",
    )


def parse_table(
    path: Path,
    mapping: Mapping | None = None,
    sheet: str | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> ParsedSource:
    """Parse ``path`` with ``mapping`` (``None``: the preset its header row matches).

    The header, the mapping and its columns are checked now (raising
    :class:`InputFileError`, or :class:`~annotator.core.importers.mapping.MappingError`);
    posts are read lazily while ``ParsedSource.posts`` is consumed, adding channels,
    warnings and skipped rows to the source as they are met.
    """
    check_cancel(cancel)
    info = open_table(path, sheet)
    preset_id = None
    warnings = list(info.warnings)
    if mapping is None:
        preset = detect_preset(info.headers)
        if preset is None:
            raise _no_mapping(info)
        mapping, preset_id = preset.mapping, preset.id
        warnings.append(ImportWarning(
            "preset", f"columns read with the preset {preset.name!r} (chosen by the header row)"
        ))
    bound = bind(mapping, info.headers, path)
    source = ParsedSource(
        format=FORMAT_ID,
        channels={},
        posts=(),
        warnings=warnings,
        metadata={
            "kind": info.kind,
            "encoding": info.encoding,
            "delimiter": info.delimiter,
            "sheet": info.sheet,
            "headers": list(info.headers),
            "preset": preset_id,
            "mapping": mapping.source if preset_id is None else None,
        },
    )
    source.posts = _posts(info, RowReader(bound, info, source), progress, cancel)
    return source


def _posts(
    info: TableInfo, reader: RowReader, progress: Progress, cancel: CancelToken | None
) -> Iterator[ParsedPost]:
    check_cancel(cancel)
    progress(0, info.size)
    rows = 0
    for rows, row in enumerate(iter_rows(info), start=1):
        if rows % _PROGRESS_EVERY == 0:
            check_cancel(cancel)
            progress(row.done, info.size)
        post = reader.post(row)
        if post is not None:
            yield post
    check_cancel(cancel)
    reader.finish()
    if rows == 0:
        raise InputFileError(info.path, "the table has a header row but no data rows",
                             info.header_row)
    progress(info.size, info.size)


def _head_text(head: bytes) -> str | None:
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"),
                       (b"\xfe\xff", "utf-16")):
        if head.startswith(bom):
            return head.decode(codec, errors="replace")
    utf16 = bomless_utf16(head)
    if utf16:
        return head[: len(head) // 2 * 2].decode(utf16, errors="replace")
    if b"\x00" in head:
        return None
    try:
        return codecs.getincrementaldecoder("utf-8")().decode(head)  # a cut last char is fine
    except UnicodeDecodeError:
        return head.decode("latin-1")  # some legacy encoding: keeps every byte distinct


def sniff_table(sample: Sample) -> bool:
    """Whether the input is an XLSX workbook, or text whose header row has at least two
    delimited columns, followed by records with (nearly always) as many fields."""
    if sample.head.startswith(b"PK\x03\x04"):
        return is_xlsx(sample.path)
    text = sample.text if sample.text is not None else _head_text(sample.head)
    if text is None:
        return False
    text = text.lstrip("\ufeff")
    stripped = text.lstrip()
    if not stripped or stripped[0] in "{[<":
        return False
    complete = len(sample.head) < HEAD_BYTES
    delimiter, share, width = detect_delimiter(text, complete)
    found = records(text, delimiter, complete, 50)
    if width < 2 or len(found) < 2 or share < _SNIFF_CONSISTENCY:
        return False
    header = [cell.strip() for cell in found[0]]
    named = [cell for cell in header if cell]
    # column labels, not prose that happens to have a comma per line
    return (
        len(header) - len(named) <= 1
        and len({cell.casefold() for cell in named}) == len(named)
        and all(len(cell) <= _MAX_HEADER_CHARS and "\n" not in cell and cell[-1] not in ".!?:"
                for cell in named)
    )


class TablePostsImporter:
    """Reads CSV/TSV/XLSX tables of posts with a column mapping (see the module docstring)."""

    format_id: ClassVar[str] = FORMAT_ID
    label: ClassVar[str] = "Table of posts (CSV or XLSX)"

    def sniff(self, sample: Sample) -> bool:
        return sniff_table(sample)

    def parse(
        self,
        path: Path,
        options: ImportOptions,
        progress: Progress,
        cancel: CancelToken | None,
    ) -> ParsedSource:
        """Parse ``path`` with the mapping file ``options.mapping`` (``None``: detect a
        preset) and the sheet ``options.sheet``; see :func:`parse_table`."""
        mapping = load_mapping(options.mapping) if options.mapping is not None else None
        return parse_table(path, mapping, options.sheet, progress, cancel)

