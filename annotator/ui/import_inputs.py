"""The inputs of an import: what was detected for each one, and what reading it found.

Detection (:func:`detect`) reads at most 64 KiB and runs on the GUI thread. The
details (the chats of an export, the head of a table) may need a whole file, so
:func:`inspect_input` is a Qt-free read for :class:`~annotator.ui.background.BackgroundReads`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from annotator.core.importers import registry, table_posts, tg_html, tg_json, tg_text, tg_web
from annotator.core.importers.chats import ChatChoice, list_chats
from annotator.core.importers.table_posts import TablePreview, read_preview
from annotator.core.progress import CancelToken, Progress, check_cancel

TABLE_FORMAT = table_posts.FORMAT_ID

_LABELS_CONTEXT = "formats"
_LABELS = {
    tg_json.FORMAT_ID: QT_TRANSLATE_NOOP("formats", "Telegram Desktop export (JSON)"),
    tg_html.FORMAT_ID: QT_TRANSLATE_NOOP("formats", "Telegram Desktop export (HTML)"),
    tg_web.FORMAT_ID: QT_TRANSLATE_NOOP("formats", "Saved t.me/s web pages (HTML)"),
    TABLE_FORMAT: QT_TRANSLATE_NOOP("formats", "Table of posts (CSV or XLSX)"),
    tg_text.FORMAT_ID: QT_TRANSLATE_NOOP("formats", "Telegram web preview (text copy)"),
}


def format_label(format_id: str) -> str:
    """The translated name of an importer's format (the core's label for unknown ids)."""
    text = _LABELS.get(format_id)
    if text is not None:
        return QCoreApplication.translate(_LABELS_CONTEXT, text)
    return next((i.label for i in registry.importers() if i.format_id == format_id), format_id)


@dataclass(frozen=True, slots=True)
class InputDetails:
    """What reading an input found: its chats (empty for formats without chats) and, for
    a table, its head."""

    chats: tuple[ChatChoice, ...]
    preview: TablePreview | None = None


def inspect_input(
    path: Path, format_id: str, progress: Progress, cancel: CancelToken
) -> InputDetails:
    """The details of ``path`` read as ``format_id``. Qt-free: runs on a pool thread.

    May stream a whole JSON export. Raises InputFileError for unreadable input and
    Cancelled when ``cancel`` is set.
    """
    chats = tuple(list_chats(path, format_id, progress, cancel))
    check_cancel(cancel)
    preview = read_preview(path) if format_id == TABLE_FORMAT else None
    return InputDetails(chats, preview)


@dataclass(frozen=True, slots=True)
class InputState:
    """One input as the dialog knows it; replaced (never changed) as reading goes on.

    ``folder`` says whether the input is a folder; ``error`` is why the input cannot be
    imported (from detection or reading); ``details`` is ``None`` until read;
    ``cancelled`` when the user stopped the reading.
    """

    path: Path
    format_id: str | None = None
    folder: bool = False
    error: BaseException | None = None
    reading: bool = False
    done: int = 0
    total: int = 0
    details: InputDetails | None = None
    cancelled: bool = False

    @property
    def key(self) -> str:
        """The key of this input's background read."""
        return str(self.path)

    @property
    def chats(self) -> tuple[ChatChoice, ...]:
        return self.details.chats if self.details is not None else ()

    @property
    def needs_chat_choice(self) -> bool:
        """Whether the input holds several chats, so the user must choose."""
        return len(self.chats) > 1

    @property
    def is_table(self) -> bool:
        return self.format_id == TABLE_FORMAT and self.error is None

    @property
    def preview(self) -> TablePreview | None:
        return self.details.preview if self.details is not None else None


def detect(path: Path, format_id: str = registry.AUTO) -> InputState:
    """The input at ``path`` read as ``format_id`` (``AUTO``: detected by content).

    Errors are kept in the state, never raised: the dialog shows them beside the path.
    """
    folder = path.is_dir()
    try:
        importer = registry.choose(path, format_id)
    except Exception as exc:  # shown to the user beside the input
        return InputState(path, folder=folder, error=exc)
    return InputState(path, importer.format_id, folder)
