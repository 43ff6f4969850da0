"""Reading typed values out of table cells: message ids, dates, counts, flags, channels.

Cells are ``str`` (CSV) or openpyxl values (XLSX: numbers, ``datetime``, ``bool``...). A
cell that cannot be read raises :class:`CellError`, whose message says what was expected;
the importer turns it into a warning with the row number.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from annotator.core.importers.table_reader import Cell

NULLS = frozenset({"nan", "nat", "none", "null", "<na>"})
"""Cell texts that pandas and databases write for "no value"; empty for typed fields."""

EXCEL_EPOCH = datetime(1899, 12, 30)
_INTEGER_RE = re.compile(r"([+-]?\d+)(?:\.0*)?")
_NUMBER_RE = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_OFFSET_RE = re.compile(r"(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?", re.IGNORECASE)
_USERNAME_RE = re.compile(r"@?([A-Za-z][A-Za-z0-9_]{3,31})")
_ABBREVIATED_RE = re.compile(r"(\d+(?:[.,]\d+)?)([KkMm])")
_GROUPED_RE = re.compile(r"\d{1,3}(?:,\d{3})+")
_TRUE = frozenset({"true", "1", "yes", "y", "t"})
_FALSE = frozenset({"false", "0", "no", "n", "f", "0.0"})
_CHANNEL_PREFIX = "-100"
_MIN_CHANNEL_API_ID = 13  # "-100" and at least nine digits
_MAX_EXACT_FLOAT = 2**53
_EXCEL_LAST_DAY = 2_958_466  # 9999-12-31
_EXCEL_FAKE_LEAP_DAY = 60


class CellError(ValueError):
    """A cell does not hold what its column is mapped to; the message says what was expected."""


def cell_text(cell: Cell) -> str:
    """The cell as text, the way a spreadsheet shows it (``123.0`` as ``123``)."""
    if cell is None:
        return ""
    if isinstance(cell, str):
        return cell
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, float):
        if not math.isfinite(cell):
            return ""
        return str(int(cell)) if cell.is_integer() and abs(cell) < _MAX_EXACT_FLOAT else repr(cell)
    if isinstance(cell, datetime):
        return cell.isoformat(sep=" ")
    if isinstance(cell, date | time):
        return cell.isoformat()
    return str(cell)


def json_value(cell: Cell) -> Any:
    """The cell as a JSON-compatible metadata value (dates as ISO text)."""
    if isinstance(cell, bool | int | str):
        return cell
    if isinstance(cell, float):
        return cell if math.isfinite(cell) else cell_text(cell)
    return cell_text(cell)


def is_null(cell: Cell) -> bool:
    """Whether a cell is empty or holds one of :data:`NULLS` (for typed fields only)."""
    text = cell_text(cell).strip()
    return not text or text.casefold() in NULLS


def integer_text(text: str) -> str | None:
    """``"123"``, ``"123.0"``, ``"-45"`` -> the integer as decimal text (exact at any size);
    ``None`` otherwise. Scientific notation (``1.23E+11``, Excel's way of showing long
    numbers) is refused: its digits are already lost."""
    match = _INTEGER_RE.fullmatch(text.strip())
    return str(int(match.group(1))) if match else None


def message_id(cell: Cell) -> str | None:
    """A message id as decimal text (XLSX ``123.0`` -> ``"123"``); non-numeric ids are
    returned stripped; ``None`` for an empty cell."""
    if is_null(cell):
        return None
    text = cell_text(cell).strip()
    return integer_text(text) or text


def count(cell: Cell) -> tuple[int, bool]:
    """(count, abbreviated): ``"1,234"`` -> 1234; ``"12.0"`` -> 12; ``"4.85K"`` -> 4850 (True)."""
    text = "".join(cell_text(cell).split())
    if _GROUPED_RE.fullmatch(text):
        text = text.replace(",", "")
    whole = integer_text(text)
    if whole is not None and int(whole) >= 0:
        return int(whole), False
    match = _ABBREVIATED_RE.fullmatch(text)
    if match:
        number = float(match.group(1).replace(",", "."))
        factor = 1_000 if match.group(2) in "Kk" else 1_000_000
        return round(number * factor), True
    raise CellError(f"{text!r} is not a count (expected a whole number such as 1234 or 4.8K)")


def flag(cell: Cell) -> bool:
    """Whether a flag cell says yes: true/1/yes, or any value other than empty, 0, false, no."""
    if isinstance(cell, bool):
        return cell
    if isinstance(cell, int | float):
        return cell != 0 and not (isinstance(cell, float) and math.isnan(cell))
    text = cell_text(cell).strip().casefold()
    return bool(text) and text not in NULLS and text not in _FALSE


def bool_word(cell: Cell) -> bool | None:
    """``True``/``False`` for cells that are only a yes/no word, else ``None``."""
    if isinstance(cell, bool):
        return cell
    text = cell_text(cell).strip().casefold()
    if text in _TRUE - {"1"}:
        return True
    if text in _FALSE - {"0", "0.0"}:
        return False
    return None


def telegram_id(text: str) -> int | None:
    """The bare Telegram peer id of a numeric channel value: ``-1001987654321`` (an API
    channel id) -> 1987654321, ``-123`` (a basic group) -> 123; ``None`` if not numeric."""
    digits = integer_text(text)
    if digits is None:
        return None
    if digits.startswith(_CHANNEL_PREFIX) and len(digits) >= _MIN_CHANNEL_API_ID:
        digits = digits[len(_CHANNEL_PREFIX) :]
    value = abs(int(digits))
    return value or None


def username(text: str) -> str | None:
    """The username (without ``@``) when ``text`` looks like a Telegram username."""
    match = _USERNAME_RE.fullmatch(text.strip())
    return match.group(1) if match else None


def parse_zone(name: str) -> tzinfo:
    """``UTC``, an IANA zone name, or a fixed offset (``+03:00``, ``UTC-5``).

    Raises :class:`CellError` naming what is accepted.
    """
    text = name.strip()
    if text.upper() in {"UTC", "Z", "GMT"}:
        return UTC
    match = _OFFSET_RE.fullmatch(text)
    if match:
        sign = -1 if match.group(1) == "-" else 1
        hours, minutes = int(match.group(2)), int(match.group(3) or 0)
        if hours < 24 and minutes < 60:
            return timezone(sign * timedelta(hours=hours, minutes=minutes))
    try:
        return ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise CellError(
            f"unknown time zone {name!r} (expected 'UTC', an IANA name such as "
            "'Europe/Moscow', or an offset such as '+03:00')"
        ) from exc


@dataclass(frozen=True, slots=True)
class DateReader:
    """How date cells are read (see the ``date`` key of the mapping schema).

    ``zone`` applies to naive values; ``None`` means UTC and makes :meth:`read` report
    the value as naive so the importer can say once that it assumed UTC.
    """

    zone: tzinfo | None = None
    format: str | None = None
    unit: str | None = None
    excel_epoch: datetime = EXCEL_EPOCH

    def read(self, cell: Cell) -> tuple[datetime, bool] | None:
        """(UTC datetime, whether a zone had to be assumed) or ``None`` for an empty cell."""
        if isinstance(cell, datetime):
            return self._utc(cell)
        if isinstance(cell, date):
            return self._utc(datetime.combine(cell, time()))
        if is_null(cell):
            return None
        if isinstance(cell, int | float) and not isinstance(cell, bool):
            return self._number(float(cell), cell_text(cell))
        text = cell_text(cell).strip()
        if self.format:
            try:
                return self._utc(datetime.strptime(text, self.format))
            except ValueError:
                pass
        if _NUMBER_RE.fullmatch(text):
            return self._number(float(text), text)
        try:
            return self._utc(datetime.fromisoformat(text))
        except ValueError:
            pass
        raise CellError(f"{text!r} is not a date (expected {self._expected()})")

    def _expected(self) -> str:
        forms = [f"the format {self.format!r}"] if self.format else []
        forms.append("ISO 8601 such as 2024-05-01 13:45:00")
        if self.unit:
            forms.append(f"a number of {self.unit}" if self.unit != "excel" else "an Excel day")
        return " or ".join(forms)

    def _utc(self, value: datetime) -> tuple[datetime, bool]:
        if value.tzinfo is not None:
            return value.astimezone(UTC), False
        return value.replace(tzinfo=self.zone or UTC).astimezone(UTC), self.zone is None

    def _number(self, value: float, text: str) -> tuple[datetime, bool]:
        if self.unit is None:
            raise CellError(
                f"{text!r} is a number in a date column; set date.unit in the mapping "
                "(seconds or milliseconds for Unix time, excel for Excel day numbers)"
            )
        try:
            if self.unit == "excel":
                return self._utc(self._excel_day(value, text))
            seconds = value / 1000 if self.unit == "milliseconds" else value
            return datetime.fromtimestamp(seconds, UTC), False
        except (OverflowError, OSError, ValueError) as exc:
            raise CellError(f"{text!r} is out of range for a date in {self.unit}") from exc

    def _excel_day(self, value: float, text: str) -> datetime:
        if not 0 < value < _EXCEL_LAST_DAY:
            raise CellError(f"{text!r} is not an Excel day number")
        day, fraction = divmod(value, 1)
        if self.excel_epoch == EXCEL_EPOCH and value < _EXCEL_FAKE_LEAP_DAY:
            day += 1  # Excel's 1900 calendar counts a 29 February 1900 that never was
        clock = timedelta(milliseconds=round(fraction * 86_400_000))
        return self.excel_epoch + timedelta(days=day) + clock

