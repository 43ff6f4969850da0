"""The tidy CSV export: one UTF-8 CSV file per table, per-code reliability matrices, a README.

Format (stated again in the README for the people who read the files):

* UTF-8 without a byte-order mark (R and pandas read it as is; Excel users take the .xlsx),
  comma-separated, RFC 4180 quoting: a field holding a comma, a double quote or a line
  break is enclosed in double quotes and its quotes are doubled; records end with CRLF as
  the RFC says, and line breaks inside a text stay exactly as they were, inside the quotes;
* the first record holds the column names; there is no index column;
* an empty field is a missing value (an empty text looks the same);
* datetimes are ISO 8601 in UTC with a trailing ``Z`` (``2024-06-25T10:00:00Z``), with
  microseconds in a column where any value has them, so every value of a column has one
  form; whole numbers have no decimal point, other numbers keep full precision;
* values are written verbatim: no prefix protects a text starting with ``=`` because these
  files are data for R and Python, not spreadsheets.

Writes into a folder that exists and is empty (the export service writes to a temporary
folder and moves the files into place).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from annotator.core.export.columns import LIST_SEPARATOR
from annotator.core.export.csv_readme import readme_text
from annotator.core.export.model import ColumnKind, ExportTables, Table
from annotator.core.progress import CancelToken, Progress, check_cancel

RELIABILITY_FOLDER = "reliability"
RELIABILITY_INDEX = "index.csv"
README = "README.txt"
LINE_END = "\r\n"
_CHUNK_ROWS = 20_000
"""Rows written between two cancel checks."""
_MAX_STEM_CHARS = 80
_MAX_STEM_BYTES = 160
"""Well below the 255-byte name limit of common file systems, leaving room for " (2).csv"."""
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_SPACES = re.compile(r"\s+")
_WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", "conin$", "conout$"}
    | {f"{port}{n}" for port in ("com", "lpt") for n in (*"123456789", "¹", "²", "³")})


def table_files(tables: ExportTables) -> list[tuple[str, Table]]:
    """(file name, table) of every table file, in the order they are written."""
    files = [("posts.csv", tables.posts), ("annotations.csv", tables.annotations),
             ("variables.csv", tables.variables), ("matrix.csv", tables.matrix)]
    if tables.agreement is not None:
        files.append(("agreement.csv", tables.agreement.table))
    files.append(("codebook.csv", tables.codebook))
    return files


def write_csv(
    tables: ExportTables,
    folder: Path,
    progress: Progress,
    cancel: CancelToken | None,
) -> list[Path]:
    """Write every table of ``tables`` into ``folder`` (existing, empty); return the files.

    Files: ``about.csv``, one file per table (see :func:`table_files`),
    ``reliability/<code>.csv`` per span code plus ``reliability/index.csv`` (file name ->
    code path) when there are reliability matrices, and ``README.txt``.  Reports
    ``progress(files written, files)``; checks ``cancel`` between files and every
    20,000 rows, raising :class:`~annotator.core.progress.Cancelled` (the files already
    written stay in ``folder``, for the caller to discard).  ``OSError`` passes through.
    """
    folder = Path(folder)
    files = table_files(tables)
    names = reliability_file_names(list(tables.reliability))
    total = 2 + len(files) + (len(names) + 1 if names else 0)
    written: list[Path] = []

    def done(path: Path) -> None:
        written.append(path)
        progress(len(written), total)

    check_cancel(cancel)
    about = pd.DataFrame(tables.about, columns=["field", "value"], dtype="str")
    done(_write(about, folder / "about.csv", {}, cancel))
    for name, table in files:
        done(_write(table.frame, folder / name, table.kinds, cancel))
    if names:
        (folder / RELIABILITY_FOLDER).mkdir()
        for path_text, file_name in names.items():
            matrix = tables.reliability[path_text]
            frame = matrix.astype("Int64").reset_index()
            done(_write(frame, folder / RELIABILITY_FOLDER / file_name, {}, cancel))
        index = pd.DataFrame({
            "file": list(names.values()),
            "code_path": list(names),
            "posts": [len(tables.reliability[p]) for p in names],
            "coders": [LIST_SEPARATOR.join(map(str, tables.reliability[p].columns))
                       for p in names],
        })
        done(_write(index, folder / RELIABILITY_FOLDER / RELIABILITY_INDEX, {}, cancel))
    check_cancel(cancel)
    readme = folder / README
    readme.write_text(readme_text(tables, files, names), encoding="utf-8", newline=LINE_END)
    done(readme)
    return written


def _write(
    frame: pd.DataFrame, path: Path, kinds: dict[str, ColumnKind], cancel: CancelToken | None
) -> Path:
    """``frame`` as one CSV file (see the module docstring), in chunks between cancel checks."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        for first in range(0, max(len(frame), 1), _CHUNK_ROWS):
            check_cancel(cancel)
            chunk = _printable(frame.iloc[first:first + _CHUNK_ROWS], kinds)
            chunk.to_csv(handle, index=False, header=first == 0, lineterminator=LINE_END,
                         na_rep="")
    return path


def _printable(frame: pd.DataFrame, kinds: dict[str, ColumnKind]) -> pd.DataFrame:
    """``frame`` with datetimes as ISO 8601 UTC text (see :func:`iso_utc`)."""
    dated = [column for column in frame.columns
             if kinds.get(column) is ColumnKind.DATETIME
             or pd.api.types.is_datetime64_any_dtype(frame[column])]
    if not dated:
        return frame
    return frame.assign(**{column: iso_utc(frame[column]) for column in dated})


def iso_utc(values: pd.Series) -> list[str | None]:
    """Timezone-naive UTC datetimes as ``2024-06-25T10:00:00Z`` (``.ffffffZ`` for every value
    when any value has a fraction of a second); NaT as ``None``."""
    stamps = values.to_numpy(dtype="datetime64[us]")
    missing = np.isnat(stamps)
    whole = stamps.astype("datetime64[s]").astype("datetime64[us]") == stamps
    unit: Literal["s", "us"] = "s" if bool(whole[~missing].all()) else "us"
    text = np.datetime_as_string(stamps, unit=unit)
    return [None if gap else f"{stamp}Z" for stamp, gap in zip(text, missing, strict=True)]


def reliability_file_names(paths: Iterable[str]) -> dict[str, str]:
    """Code path -> a file name safe on Windows, macOS and Linux, unique even where the file
    system ignores case or Unicode normalisation (``index.csv`` stays free).

    ``Framing/Threat`` becomes ``Framing__Threat.csv``: the path separator turns into
    ``__``, characters that some system forbids into ``_``, runs of white space into one
    space; leading dots and spaces and trailing dots and spaces go; reserved device names
    (``CON``, ``COM1.txt``...) get ``_`` after the device name; long names are shortened.
    A name already taken (compared case- and normalisation-insensitively) gets `` (2)``,
    `` (3)``...
    """
    taken = {_key(Path(RELIABILITY_INDEX).stem)}
    names: dict[str, str] = {}
    for path in paths:
        stem = safe_stem(path)
        candidate, number = stem, 1
        while _key(candidate) in taken:
            number += 1
            candidate = f"{stem} ({number})"
        taken.add(_key(candidate))
        names[path] = f"{candidate}.csv"
    return names


def safe_stem(path: str) -> str:
    """The file-name stem for code path ``path`` (see :func:`reliability_file_names`)."""
    name = unicodedata.normalize("NFC", path).replace("/", "__")
    name = _FORBIDDEN.sub("_", _SPACES.sub(" ", name))
    name = name.lstrip(". ").rstrip(". ")
    name = _shortened(name).rstrip(". ")
    if not name:
        return "code"
    device, dot, rest = name.partition(".")
    if device.rstrip().casefold() in _WINDOWS_RESERVED:
        name = f"{device}_{dot}{rest}"
    return name


def _shortened(name: str) -> str:
    name = name[:_MAX_STEM_CHARS]
    while len(name.encode("utf-8")) > _MAX_STEM_BYTES:
        name = name[:-1]
    return name


def _key(stem: str) -> str:
    """How a case-insensitive, normalising file system compares names."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", stem).casefold())
