"""The known importers, and choosing one by name or by content."""

from __future__ import annotations

from pathlib import Path

from annotator.core.errors import InputFileError, UnknownFormat
from annotator.core.importers.base import Importer, Sample
from annotator.core.importers.table_posts import TablePostsImporter
from annotator.core.importers.tg_html import TgHtmlImporter
from annotator.core.importers.tg_json import TgJsonImporter
from annotator.core.importers.tg_text import TgTextImporter
from annotator.core.importers.tg_web import TgWebImporter
from annotator.core.textfile import decode_head

AUTO = "auto"
SAMPLE_BYTES = 65_536


def importers() -> list[Importer]:
    """Every importer, most specific first (detection tries them in this order).

    The plain-text web-preview copy comes last: it is the most permissive.
    """
    return [TgJsonImporter(), TgHtmlImporter(), TgWebImporter(), TablePostsImporter(),
            TgTextImporter()]


def format_ids() -> list[str]:
    return [AUTO, *(imp.format_id for imp in importers())]


def by_id(format_id: str, path: Path | None = None) -> Importer:
    for importer in importers():
        if importer.format_id == format_id:
            return importer
    raise InputFileError(
        path or Path(format_id),
        f"unknown format {format_id!r}; choose one of: {', '.join(format_ids())}",
    )


def sample(path: Path) -> Sample:
    """The start of ``path`` for detection; a folder has an empty head.

    Raises :class:`InputFileError` for a missing, unreadable or empty file.
    """
    try:
        if path.is_dir():
            return Sample(path, b"", None)
        if not path.exists():
            raise InputFileError(path, "no such file")
        with path.open("rb") as handle:
            head = handle.read(SAMPLE_BYTES)
    except OSError as exc:
        raise InputFileError(path, f"cannot read the file: {exc.strerror or exc}") from exc
    if not head.strip():
        raise InputFileError(path, "the file is empty")
    return Sample(path, head, decode_head(head))


def choose(path: Path, format_id: str = AUTO) -> Importer:
    """The importer named ``format_id``, or the first whose ``sniff`` accepts the content."""
    found = sample(path)
    if format_id != AUTO:
        return by_id(format_id, path)
    for importer in importers():
        if importer.sniff(found):
            return importer
    if path.is_dir():
        raise UnknownFormat(path, "is a folder, but not a Telegram Desktop export folder "
                            "(messages.html ...) nor a folder of saved t.me/s pages")
    if found.text is None:
        decode_head(found.head, path=path)  # raises the specific reason (an image, binary...)
    known = ", ".join(imp.label for imp in importers())
    raise UnknownFormat(path, f"the content is not in a format Annotator can import ({known})")
