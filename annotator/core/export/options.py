"""What to export: the formats, and which coders, codes and posts."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class ExportFormat(StrEnum):
    XLSX = "xlsx"
    """An analysis-ready Excel workbook."""
    CSV = "csv"
    """A folder of tidy UTF-8 CSV files plus per-code reliability matrices."""
    QDPX = "qdpx"
    """A REFI-QDA project exchange file for other QDA tools."""


def format_for(path: Path) -> ExportFormat:
    """The format a target path asks for: by suffix; a folder (or no suffix) means CSV."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix in ("xlsx", "qdpx"):
        return ExportFormat(suffix)
    if path.is_dir() or not suffix:
        return ExportFormat.CSV
    raise ValueError(f"{path.name}: cannot tell the export format from the name; use .xlsx, "
                     ".qdpx or a folder for CSV files")


@dataclass(frozen=True)
class ExportOptions:
    coders: tuple[int, ...] | None = None
    """Coder ids whose work is exported; ``None`` = every coder."""
    codes: tuple[int, ...] | None = None
    """Code ids whose annotations and values are exported; ``None`` = all codes."""
    post_ids: tuple[int, ...] | None = None
    """Posts to export (e.g. the GUI's current filter); ``None`` = every post."""
    filters: str = ""
    """The filter in words, for the About sheet (e.g. 'channel: MID; text contains "NATO"')."""
    agreement: bool = True
    """Add the agreement sheet when two or more coders finished the same posts."""
    resamples: int = 1000
    seed: int = 1
