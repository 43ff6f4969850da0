"""The post list: a table over post ids with a lazy, chunked cache of row summaries.

Only the id list is loaded up front; summaries are fetched in aligned chunks of
``CHUNK`` rows when Qt first asks about a row in the chunk, so 100,000 posts
open and scroll without loading every text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from enum import IntEnum
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from annotator.core.changes import Changes
from annotator.core.model import PostStatus
from annotator.core.posts.service import PostFilter, PostSummary

CHUNK = 200
"""Rows fetched per query."""

MAX_CACHED = 20 * CHUNK
"""The cache is emptied before a fetch that would take it past this many rows."""

_Index = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class PostSource(Protocol):
    """The part of :class:`~annotator.core.posts.service.PostService` the model needs."""

    def ids(self, where: PostFilter | None = None) -> list[int]: ...

    def summaries(self, post_ids: Sequence[int]) -> list[PostSummary]: ...


StatusLookup = Callable[[Sequence[int]], Mapping[int, PostStatus]]
"""The current coder's status of each of the given posts (missing: not started)."""


class Column(IntEnum):
    NUMBER = 0
    DATE = 1
    TEXT = 2
    FORWARDED_FROM = 3
    CHANNEL = 4
    LENGTH = 5
    ANNOTATIONS = 6
    STATUS = 7
    """The current coder's status for the post."""


_NUMERIC = frozenset({Column.NUMBER, Column.LENGTH, Column.ANNOTATIONS})


class Role(IntEnum):
    POST_ID = Qt.ItemDataRole.UserRole + 1
    """The post's id (int), in every column."""


def format_date(value: datetime | None) -> str:
    """A post date for display (UTC, to the minute); a dash when unknown."""
    return value.strftime("%Y-%m-%d %H:%M") if value is not None else "–"


class PostTableModel(QAbstractTableModel):
    """Posts in reading order; one row per post id. GUI thread only."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source: PostSource | None = None
        self._filter: PostFilter | None = None
        self._ids: list[int] = []
        self._rows: dict[int, int] = {}
        # None marks an id the service no longer knows, so it is not fetched again.
        self._cache: dict[int, PostSummary | None] = {}
        self._statuses: StatusLookup | None = None
        self._status_cache: dict[int, PostStatus] = {}
        self._headers = [
            self.tr("#"),
            self.tr("Date"),
            self.tr("Text"),
            self.tr("Forwarded from"),
            self.tr("Channel"),
            self.tr("Length"),
            self.tr("Annotations"),
            self.tr("Status"),
        ]
        self._status_texts = {
            PostStatus.NOT_STARTED: "",
            PostStatus.IN_PROGRESS: self.tr("in progress"),
            PostStatus.DONE: self.tr("done"),
        }
        self.fetches = 0
        """How many summary queries ran (for tests and profiling)."""

    # Loading

    def set_source(self, source: PostSource | None) -> None:
        """Show the posts of ``source`` (a project's post service), or nothing."""
        self._source = source
        self.reload()

    def set_filter(self, where: PostFilter | None) -> None:
        """Show only the posts ``where`` matches (``None``: every post), and reload."""
        self._filter = where
        self.reload()

    def post_filter(self) -> PostFilter | None:
        return self._filter

    def set_statuses(self, lookup: StatusLookup | None) -> None:
        """Show the statuses ``lookup`` gives (the current coder's), or none."""
        self._statuses = lookup
        self._status_cache.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, Column.STATUS),
                                  self.index(len(self._ids) - 1, Column.STATUS),
                                  [Qt.ItemDataRole.DisplayRole])

    def reload(self) -> None:
        """Re-read the id list and forget cached rows (after an import or on open)."""
        self.beginResetModel()
        source, where = self._source, self._filter
        if source is None:
            self._ids = []
        else:
            self._ids = source.ids(where) if where is not None else source.ids()
        self._rows = {post_id: row for row, post_id in enumerate(self._ids)}
        self._cache.clear()
        self._status_cache.clear()
        self.endResetModel()

    def apply(self, changes: Changes) -> None:
        """Refresh what ``changes`` touched: reload on structure, else only changed rows."""
        if changes.structure:
            self.reload()
            return
        rows = sorted(self._rows[p] for p in changes.posts if p in self._rows)
        for post_id in changes.posts:
            self._cache.pop(post_id, None)
            self._status_cache.pop(post_id, None)
        for row in rows:
            self.dataChanged.emit(
                self.index(row, 0),
                self.index(row, len(Column) - 1),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole],
            )

    # Lookups

    def post_id(self, row: int) -> int:
        return self._ids[row]

    def post_ids(self) -> list[int]:
        """Every post id, in row order."""
        return list(self._ids)

    def row_of(self, post_id: int) -> int | None:
        return self._rows.get(post_id)

    def cached_rows(self) -> int:
        return len(self._cache)

    # Qt overrides

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(Column):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
            if role == Qt.ItemDataRole.TextAlignmentRole and section in _NUMERIC:
                return _RIGHT
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        row, column = index.row(), Column(index.column())
        if role == Role.POST_ID:
            return self._ids[row]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in _NUMERIC else None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == Column.NUMBER and role == Qt.ItemDataRole.DisplayRole:
            return str(row + 1)
        if column == Column.STATUS:
            status = self._status(row)
            return self._status_texts[status] if status is not None else None
        summary = self._summary(row)
        if summary is None:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return summary.preview
        return self._display(summary, column)

    def _display(self, summary: PostSummary, column: Column) -> str:
        match column:
            case Column.DATE:
                return format_date(summary.date)
            case Column.CHANNEL:
                return summary.channel
            case Column.FORWARDED_FROM:
                return summary.forwarded_from or ""
            case Column.LENGTH:
                return str(summary.length)
            case Column.ANNOTATIONS:
                return str(summary.annotations) if summary.annotations else ""
            case Column.TEXT:
                return " ".join(summary.preview.split())
            case _:
                return ""

    def _summary(self, row: int) -> PostSummary | None:
        post_id = self._ids[row]
        if post_id not in self._cache and self._source is not None:
            self._fetch_around(row)
        return self._cache.get(post_id)

    def _status(self, row: int) -> PostStatus | None:
        if self._statuses is None:
            return None
        post_id = self._ids[row]
        if post_id not in self._status_cache:
            lo = row - row % CHUNK
            wanted = self._ids[lo : lo + CHUNK]
            if len(self._status_cache) + len(wanted) > MAX_CACHED:
                self._status_cache.clear()
            found = self._statuses(wanted)
            for each in wanted:
                self._status_cache[each] = found.get(each, PostStatus.NOT_STARTED)
        return self._status_cache[post_id]

    def _fetch_around(self, row: int) -> None:
        """Fetch the aligned chunk of ``CHUNK`` rows that holds ``row``."""
        assert self._source is not None
        lo = row - row % CHUNK
        wanted = self._ids[lo : lo + CHUNK]
        if len(self._cache) + len(wanted) > MAX_CACHED:
            self._cache.clear()
        self.fetches += 1
        found = {s.id: s for s in self._source.summaries(wanted)}
        for post_id in wanted:
            self._cache[post_id] = found.get(post_id)
