"""The post list: a table over post ids with a lazy, chunked cache of row summaries.

Only the id list is loaded up front; summaries are fetched in aligned chunks of
``CHUNK`` rows when Qt first asks about a row in the chunk, so 100,000 posts
open and scroll without loading every text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
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
from annotator.core.posts.service import SORT_KEYS, PostFilter, PostSummary

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

SORT_KEY_OF: dict[Column, str] = {
    Column.NUMBER: "position",
    Column.DATE: "date",
    Column.FORWARDED_FROM: "forwarded_from",
    Column.CHANNEL: "channel",
    Column.LENGTH: "length",
    Column.ANNOTATIONS: "annotations",
}
"""The sort key of each sortable column (the text and status columns do not sort)."""

COLUMN_OF_SORT_KEY = {key: column for column, key in SORT_KEY_OF.items()}


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
        self._sort, self._descending = "position", False
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
        """Show only the posts ``where`` matches (``None``: every post), and reload.

        The rows keep the model's sort (:meth:`set_sort`); ``where``'s own sort is ignored.
        """
        self._filter = where
        self.reload()

    def post_filter(self) -> PostFilter | None:
        """The filter given to :meth:`set_filter` (without the sort)."""
        return self._filter

    def sort_order(self) -> tuple[str, bool]:
        """The sort key (one of ``SORT_KEYS``) and whether it is descending."""
        return self._sort, self._descending

    def set_sort(self, key: str, descending: bool = False) -> None:
        """Order the rows by ``key`` (one of ``SORT_KEYS``; ties in reading order).

        Persistent indexes (the view's selection and current index) follow their posts.
        """
        if key not in SORT_KEYS:
            raise ValueError(f"unknown sort key: {key!r}")
        if (key, descending) == (self._sort, self._descending):
            return
        self._sort, self._descending = key, descending
        if self._source is None:
            return
        ids = self._load_ids()
        if sorted(ids) != sorted(self._ids):  # the posts changed too: start over
            self.reload()
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        moved = [self._ids[index.row()] for index in old]
        self._ids = ids
        self._rows = {post_id: row for row, post_id in enumerate(ids)}
        self.changePersistentIndexList(
            old, [self.index(self._rows[p], i.column()) for p, i in zip(moved, old, strict=True)]
        )
        self.layoutChanged.emit()

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
        self._ids = self._load_ids()
        self._rows = {post_id: row for row, post_id in enumerate(self._ids)}
        self._cache.clear()
        self._status_cache.clear()
        self.endResetModel()

    def _load_ids(self) -> list[int]:
        """The source's ids for the filter, in the model's sort."""
        if self._source is None:
            return []
        where = self._filter
        if where is None and (self._sort, self._descending) == ("position", False):
            return self._source.ids()
        return self._source.ids(
            replace(where or PostFilter(), sort=self._sort, descending=self._descending)
        )

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

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Qt's sort: by the column's sort key (see :data:`SORT_KEY_OF`); others are ignored."""
        key = SORT_KEY_OF.get(Column(column)) if 0 <= column < len(Column) else None
        if key is not None:
            self.set_sort(key, order == Qt.SortOrder.DescendingOrder)

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
