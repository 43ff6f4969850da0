"""The chats of an export as a checkable list: ticked chats are imported."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from annotator.core.importers.chats import ChatChoice

_Index = QModelIndex | QPersistentModelIndex
_CHECKED, _UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked


class Role(IntEnum):
    KEY = Qt.ItemDataRole.UserRole + 1
    """The chat's key for ImportOptions.chats (str)."""

    PRIVATE = Qt.ItemDataRole.UserRole + 2
    """Whether the chat is a personal chat or private group (bool)."""


class ChatListModel(QAbstractListModel):
    """One checkable row per chat; private chats start unticked, the others ticked.

    Ticking goes through ``setData(index, Qt.Checked, Qt.CheckStateRole)``, which
    emits ``dataChanged`` for the row.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._chats: list[ChatChoice] = []
        self._ticked: set[str] = set()

    def set_chats(self, chats: Sequence[ChatChoice]) -> None:
        """Show ``chats`` with the default ticks (a reset: the list is a new export's)."""
        self.beginResetModel()
        self._chats = list(chats)
        self._ticked = {chat.key for chat in chats if not chat.private}
        self.endResetModel()

    def chats(self) -> list[ChatChoice]:
        return list(self._chats)

    def ticked_keys(self) -> tuple[str, ...]:
        """Keys of the ticked chats, in list order."""
        return tuple(chat.key for chat in self._chats if chat.key in self._ticked)

    def set_all_ticked(self, ticked: bool) -> None:
        self._ticked = {chat.key for chat in self._chats} if ticked else set()
        if self._chats:
            self.dataChanged.emit(self.index(0), self.index(len(self._chats) - 1),
                                  [Qt.ItemDataRole.CheckStateRole])

    # Qt overrides

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._chats)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._chats):
            return None
        chat = self._chats[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if chat.private:
                return self.tr("{label} — private").format(label=chat.label)
            return chat.label
        if role == Qt.ItemDataRole.CheckStateRole:
            return _CHECKED if chat.key in self._ticked else _UNCHECKED
        if role == Qt.ItemDataRole.ToolTipRole and chat.private:
            return self.tr("A personal chat or private group: imported only when ticked.")
        if role == Role.KEY:
            return chat.key
        if role == Role.PRIVATE:
            return chat.private
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() \
                or not 0 <= index.row() < len(self._chats):
            return False
        key = self._chats[index.row()].key
        if Qt.CheckState(value) == _CHECKED:
            self._ticked.add(key)
        else:
            self._ticked.discard(key)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True
