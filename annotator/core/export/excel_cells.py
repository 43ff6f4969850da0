"""Turn table values into values an Excel cell can hold, safely.

Posts are untrusted content, so every value that reaches a worksheet passes through
:func:`clean_column` first:

* text that Excel would run or reinterpret (a leading ``=``, ``+``, ``-``, ``@``, tab or
  carriage return, or an error literal such as ``#N/A``) is reported in
  :attr:`CleanColumn.quoted`; the writer stores it as a string cell (never a formula)
  with Excel's quote-prefix flag, so the value stays exactly the original text;
* characters XML 1.0 forbids (C0 controls other than tab, newline and carriage return,
  U+FFFE, U+FFFF, lone surrogates) become U+FFFD, one for one, so annotation offsets
  still index the exported text;
* text longer than Excel's 32,767 characters (counted as Excel counts them, in UTF-16
  units) is cut to fit;
* missing and non-finite numbers (``None``, NaN, NaT, infinities) become empty cells;
  datetimes become timezone-naive UTC, and those Excel cannot show (before 1900-03-01)
  become ISO text.

Every replacement, cut and date written as text is counted in a :class:`TextAudit`,
whose :meth:`TextAudit.notes` say where it happened.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Final

import numpy as np
import pandas as pd

from annotator.core.export.model import ColumnKind

EXCEL_TEXT_LIMIT: Final = 32_767
"""Excel refuses a file holding a cell longer than this (in UTF-16 code units)."""

HOSTILE_PREFIXES: Final = frozenset("=+-@\t\r")
"""First characters that make Excel (or a user pressing F2, Enter) treat text as a formula."""

ERROR_LITERALS: Final = frozenset(
    ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"))
"""Text openpyxl would otherwise store as an Excel error value."""

ILLEGAL_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
"""Characters XML 1.0 cannot carry (openpyxl raises IllegalCharacterError or writes a
file Excel cannot open)."""

REPLACEMENT: Final = "\ufffd"

FIRST_EXCEL_DATE: Final = datetime(1900, 3, 1)
"""Excel's 1900 date system shows earlier dates wrongly (the 1900 leap-year bug) or not
at all (negative serials)."""

_SHORT_ENOUGH: Final = EXCEL_TEXT_LIMIT // 2
"""A string of at most this many code points cannot pass the limit in UTF-16 units."""


@dataclass
class CleanColumn:
    """One column's values, ready for openpyxl."""

    values: list[object]
    """``None`` (an empty cell), ``int``, ``float``, ``bool``, naive ``datetime``/``date``
    or ``str`` free of characters XML forbids and within Excel's length limit."""
    quoted: list[int] = field(default_factory=list)
    """Positions of strings that must be written as quote-prefixed text."""


@dataclass
class TextAudit:
    """Where values were changed on their way into the workbook, for the About notes."""

    replaced: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    """(sheet, column) -> [characters replaced, cells affected]."""
    truncated: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    """(sheet, column) -> Excel row numbers of the cut cells."""
    early_dates: dict[tuple[str, str], int] = field(default_factory=dict)
    """(sheet, column) -> datetimes before 1900-03-01 written as ISO text."""

    def notes(self) -> list[str]:
        """One English sentence per sheet column that was changed."""
        out = []
        for (sheet, column), (chars, cells) in self.replaced.items():
            out.append(
                f"{sheet}, column '{column}': {chars:,} character(s) that Excel files cannot "
                f"hold (control characters, U+FFFE, U+FFFF, lone surrogates) replaced by "
                f"U+FFFD in {cells:,} cell(s)")
        for (sheet, column), rows in self.truncated.items():
            shown = ", ".join(f"{row:,}" for row in rows[:10])
            more = f" and {len(rows) - 10:,} more" if len(rows) > 10 else ""
            out.append(
                f"{sheet}, column '{column}': {len(rows):,} cell(s) cut to Excel's limit of "
                f"{EXCEL_TEXT_LIMIT:,} characters (row(s) {shown}{more})")
        for (sheet, column), count in self.early_dates.items():
            out.append(
                f"{sheet}, column '{column}': {count:,} date(s) before 1900-03-01 written as "
                f"text (Excel cannot show them as dates)")
        return out


def needs_quote(text: str) -> bool:
    """True for text Excel would take as a formula or an error value."""
    return text[:1] in HOSTILE_PREFIXES or text in ERROR_LITERALS


def utf16_length(text: str) -> int:
    """The length of ``text`` in UTF-16 code units, the unit of Excel's cell limit."""
    return len(text.encode("utf-16-le")) // 2


def fit_excel(text: str) -> str:
    """``text`` cut to at most :data:`EXCEL_TEXT_LIMIT` UTF-16 units, never inside a
    character; unchanged when it fits."""
    cut = min(len(text), EXCEL_TEXT_LIMIT)
    while (excess := utf16_length(text[:cut]) - EXCEL_TEXT_LIMIT) > 0:
        cut -= (excess + 1) // 2  # each astral character counts two units
    return text[:cut]


def clean_text(text: str) -> tuple[str, int]:
    """``text`` with every character XML forbids replaced by U+FFFD, and how many."""
    cleaned, count = ILLEGAL_XML.subn(REPLACEMENT, text)
    return cleaned, count


def naive_utc(value: datetime) -> datetime:
    """A datetime as timezone-naive UTC (naive input is taken to be UTC already)."""
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value


class _Column:
    """Cleans one chunk of one column and records what it changed."""

    def __init__(self, audit: TextAudit, kind: ColumnKind, sheet: str, column: str,
                 first_row: int) -> None:
        self._audit = audit
        self._whole = kind is ColumnKind.INTEGER or kind is ColumnKind.FLAG
        self._key = (sheet, column)
        self._first_row = first_row
        self.quoted: list[int] = []
        self._scan = True
        self._long = True

    def prepare(self, raw: Sequence[object]) -> None:
        """Decide once per chunk whether any text needs the slow checks at all."""
        texts = [value for value in raw if isinstance(value, str)]
        self._scan = ILLEGAL_XML.search("".join(texts)) is not None
        self._long = any(len(text) > _SHORT_ENOUGH for text in texts)

    def text(self, position: int, text: str) -> str | None:
        """``text`` made safe to store (``None`` when empty); notes a hostile start."""
        if not text:
            return None  # an empty string and a blank cell read back the same
        if self._scan:
            text, count = clean_text(text)
            if count:
                tally = self._audit.replaced.setdefault(self._key, [0, 0])
                tally[0] += count
                tally[1] += 1
        if self._long and len(text) > _SHORT_ENOUGH:
            cut = fit_excel(text)
            if len(cut) < len(text):
                rows = self._audit.truncated.setdefault(self._key, [])
                rows.append(self._first_row + position)
                text = cut
        if text[0] in HOSTILE_PREFIXES or text in ERROR_LITERALS:
            self.quoted.append(position)
        return text

    def value(self, position: int, value: object) -> object:
        """Any scalar a frame may hold, as a value openpyxl writes correctly."""
        if value is None or value is pd.NA or value is pd.NaT:
            return None
        if isinstance(value, str):
            return self.text(position, str(value))
        if isinstance(value, bool | np.bool_):
            return int(value) if self._whole else bool(value)  # FLAG columns hold 0/1
        if isinstance(value, int | np.integer):
            return int(value)
        if isinstance(value, float | np.floating):
            number = float(value)
            if not math.isfinite(number):
                return None  # Excel has no NaN or infinity; openpyxl would write "nan"
            return int(number) if self._whole and number.is_integer() else number
        if isinstance(value, datetime):
            return self.moment(naive_utc(value))
        if isinstance(value, date):
            return value if value >= FIRST_EXCEL_DATE.date() else self.early(value)
        return self.text(position, str(value))

    def moment(self, value: datetime) -> object:
        """A naive UTC datetime, or its ISO text when Excel cannot show it."""
        return value if value >= FIRST_EXCEL_DATE else self.early(value)

    def early(self, value: date) -> str:
        """A date Excel cannot show, as ISO text (counted for the notes)."""
        self._audit.early_dates[self._key] = self._audit.early_dates.get(self._key, 0) + 1
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()


def clean_column(
    series: pd.Series, kind: ColumnKind, audit: TextAudit, sheet: str, column: str,
    first_row: int,
) -> CleanColumn:
    """The values of ``series`` (one chunk of one column) ready for openpyxl.

    ``sheet``, ``column`` and ``first_row`` (the Excel row of the chunk's first value)
    say where changes are recorded in ``audit``.  Numeric and datetime columns of a
    numeric or datetime dtype take vectorised fast paths; everything else goes value
    by value.  A column of the "wrong" dtype (text in a number column) is still
    cleaned correctly, only slower.
    """
    cleaner = _Column(audit, kind, sheet, column, first_row)
    fast = _fast_path(series, kind, cleaner)
    if fast is not None:
        return CleanColumn(fast)
    raw = series.tolist()
    cleaner.prepare(raw)
    values = [cleaner.value(position, value) for position, value in enumerate(raw)]
    return CleanColumn(values, cleaner.quoted)


def _fast_path(series: pd.Series, kind: ColumnKind, cleaner: _Column) -> list[object] | None:
    """Vectorised conversion for the common dtypes, or ``None`` to go value by value."""
    dtype = series.dtype
    if kind is ColumnKind.DATETIME and pd.api.types.is_datetime64_any_dtype(dtype):
        if getattr(dtype, "tz", None) is not None:
            series = series.dt.tz_convert("UTC").dt.tz_localize(None)
        moments = list(series.dt.to_pydatetime())
        return [None if value is pd.NaT else cleaner.moment(value) for value in moments]
    if pd.api.types.is_bool_dtype(dtype) and not isinstance(dtype, pd.CategoricalDtype):
        if series.hasnans:
            return None
        if kind is ColumnKind.FLAG or kind is ColumnKind.INTEGER:
            return series.astype(np.int64).tolist()  # type: ignore[no-any-return]
        return series.tolist()  # type: ignore[no-any-return]
    if kind is ColumnKind.TEXT or kind is ColumnKind.LONG_TEXT:
        return None
    if pd.api.types.is_integer_dtype(dtype) and not isinstance(dtype, pd.CategoricalDtype):
        if series.hasnans:  # a nullable Int64 column with gaps
            return series.astype(object).where(series.notna(), None).tolist()  # type: ignore[no-any-return]
        return series.tolist()  # type: ignore[no-any-return]
    if pd.api.types.is_float_dtype(dtype):
        numbers = series.to_numpy(dtype=np.float64, na_value=np.nan)
        finite = np.isfinite(numbers)
        whole = kind is ColumnKind.INTEGER or kind is ColumnKind.FLAG
        if finite.all():
            if whole and (numbers == np.trunc(numbers)).all():
                return numbers.astype(np.int64).tolist()  # type: ignore[no-any-return]
            return numbers.tolist()  # type: ignore[no-any-return]
        # Excel has no NaN or infinity (openpyxl would write "nan", which Excel rejects).
        return [cleaner.value(0, n) if ok else None
                for n, ok in zip(numbers.tolist(), finite.tolist(), strict=True)]
    return None
