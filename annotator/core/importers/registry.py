"""The known importers, and choosing one by name or by content."""

from __future__ import annotations

from pathlib import Path

from annotator.core.errors import InputFileError, UnknownFormat
from annotator.core.importers.base import Importer
from annotator.core.importers.tg_text import TgTextImporter

AUTO = "auto"
_SNIFF_CHARS = 16_384


def importers() -> list[Importer]:
    """Every importer, most specific first (detection tries them in this order)."""
    return [TgTextImporter()]


def format_ids() -> list[str]:
    return [AUTO, *(imp.format_id for imp in importers())]


def choose(path: Path, text: str, format_id: str = AUTO) -> Importer:
    """The importer named ``format_id``, or the first whose ``sniff`` accepts the content."""
    if format_id != AUTO:
        for importer in importers():
            if importer.format_id == format_id:
                return importer
        raise InputFileError(
            path, f"unknown format {format_id!r}; choose one of: {', '.join(format_ids())}"
        )
    head = text[:_SNIFF_CHARS]
    for importer in importers():
        if importer.sniff(path, head):
            return importer
    known = ", ".join(imp.label for imp in importers())
    raise UnknownFormat(path, f"the content is not in a format Annotator can import ({known})")
