"""The first posts a table yields with the mapping being edited: what the import would store."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from annotator.core.importers.base import ParsedPost
from annotator.ui.models.table_preview import one_line

_Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    TEXT = 0
    ID = 1
    DATE = 2
    AUTHOR = 3
    CHANNEL = 4


def utc_text(post: ParsedPost) -> str:
    """The post's date in UTC to the second, or a dash when it has none."""
    return post.date.strftime("%Y-%m-%d %H:%M:%S UTC") if post.date is not None else "–"


class PostPreviewModel(QAbstractTableModel):
    """Read-only rows of parsed posts: text, message id, date (UTC), author, channel."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._posts: list[ParsedPost] = []
        self._channels: dict[str, str] = {}
        self._headers = [self.tr("Text"), self.tr("ID"), self.tr("Date (UTC)"),
                         self.tr("Author"), self.tr("Channel")]

    def set_posts(self, posts: Sequence[ParsedPost], channels: dict[str, str]) -> None:
        """Show ``posts``; ``channels`` maps a post's channel key to the title to show."""
        self.beginResetModel()
        self._posts = list(posts)
        self._channels = dict(channels)
        self.endResetModel()

    def posts(self) -> list[ParsedPost]:
        return list(self._posts)

    # Qt overrides

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._posts)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._posts):
            return None
        post = self._posts[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return one_line(self._text(post, column)) if column == Column.TEXT \
                else self._text(post, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._text(post, column) or None
        return None

    def _text(self, post: ParsedPost, column: Column) -> str:
        match column:
            case Column.TEXT:
                return post.text
            case Column.ID:
                return post.external_id or "–"
            case Column.DATE:
                return utc_text(post)
            case Column.AUTHOR:
                return post.author or "–"
            case Column.CHANNEL:
                return self._channels.get(post.channel, post.channel)
