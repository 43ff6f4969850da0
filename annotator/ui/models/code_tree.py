"""The codebook as a tree model: codes by id, parents from ``Code.parent_id``.

The model never edits itself. A rename (``setData``) or a drop becomes a core
operation handed to ``perform`` (the undo history), and the model follows the
database when :meth:`CodeTreeModel.refresh` is called with the resulting
Changes: one insert, remove or move is told to views as such, pure edits as
``dataChanged``; anything else resets the model.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from annotator.core.changes import Changes
from annotator.core.codebook.operations import MoveCode, UpdateCode
from annotator.core.model import Code
from annotator.ui import code_summary
from annotator.ui.commands import Operation
from annotator.ui.models.code_structure import Structure
from annotator.ui.views.highlighter import FALLBACK_COLOUR

MIME_TYPE = "application/x-annotator-code-ids"
"""Drag payload: a JSON list of code ids."""

_Index = QModelIndex | QPersistentModelIndex
_ROLES_SHOWN = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole,
                Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole]


class CodeSource(Protocol):
    """The part of :class:`~annotator.core.codebook.service.CodeService` the model reads."""

    def list(self) -> list[Code]: ...


class Column(IntEnum):
    NAME = 0
    SHORTCUT = 1


class CodeRole(IntEnum):
    CODE_ID = Qt.ItemDataRole.UserRole + 1
    """The code's id (int), in every column."""
    PATH = Qt.ItemDataRole.UserRole + 2
    """``"Parent/Child"`` (str), used by the filter."""
    SHORTCUT = Qt.ItemDataRole.UserRole + 3
    """The code's key (str) or ``None``."""
    KIND = Qt.ItemDataRole.UserRole + 4
    """``"span"`` or ``"variable"``."""


class CodeTreeModel(QAbstractItemModel):
    """Every code of the open project; GUI thread only.

    ``perform`` applies an operation undoably and returns its Changes (or
    ``None`` when refused); without it the model is read-only.
    """

    def __init__(
        self,
        perform: Callable[[Operation], Changes | None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._perform = perform
        self._source: CodeSource | None = None
        self._tree = Structure.of([])

    # Feeding

    def set_source(self, source: CodeSource | None) -> None:
        """Show the codes of ``source`` (a project's ``codes``), or nothing."""
        self.beginResetModel()
        self._source = source
        self._tree = Structure.of(source.list() if source is not None else [])
        self.endResetModel()

    def refresh(self, changes: Changes | None = None) -> None:
        """Re-read the codebook after ``changes`` (or anything); sends the narrowest signals."""
        if changes is not None and not (changes.codes or changes.structure):
            return
        new = Structure.of(self._source.list() if self._source is not None else [])
        old = self._tree
        if new.children != old.children and not self._apply_single_edit(old, new):
            self.beginResetModel()
            self._tree = new
            self.endResetModel()
            return
        self._tree = new
        for code_id in sorted(new.shown_differently(old)):
            self.dataChanged.emit(self.index_of(code_id),
                                  self.index_of(code_id, Column.SHORTCUT), _ROLES_SHOWN)

    # Lookups

    def code(self, index: _Index) -> Code | None:
        if not index.isValid():
            return None
        return self._tree.codes.get(index.internalId())

    def code_by_id(self, code_id: int) -> Code | None:
        return self._tree.codes.get(code_id)

    def codes(self) -> list[Code]:
        """Every shown code, depth first."""
        return self._tree.ordered()

    def index_of(self, code_id: int | None, column: int = Column.NAME) -> QModelIndex:
        """The index of ``code_id`` (invalid for ``None`` or an unknown id)."""
        if code_id is None or code_id not in self._tree.codes:
            return QModelIndex()
        return self.createIndex(self._tree.row_of(code_id), column, code_id)

    # Qt overrides: reading

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        children = self._tree.children[self._id_of(parent)]
        return self.createIndex(row, column, children[row])

    def parent(self, child: _Index | None = None) -> Any:  # Qt override (and QObject.parent)
        if child is None:
            return super().parent()
        if not child.isValid():
            return QModelIndex()
        return self.index_of(self._tree.parent_of(child.internalId()))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.column() > 0:
            return 0
        return len(self._tree.children.get(self._id_of(parent), ()))

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(Column)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        code = self.code(index)
        if code is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return code.name if column == Column.NAME else (code.shortcut or "")
        if role == Qt.ItemDataRole.DecorationRole and column == Column.NAME:
            return QColor(code.colour or FALLBACK_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole:
            return code_summary.tooltip(code)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Column.SHORTCUT:
            return int(Qt.AlignmentFlag.AlignCenter)
        return {
            CodeRole.CODE_ID: code.id,
            CodeRole.PATH: code.path_text,
            CodeRole.SHORTCUT: code.shortcut,
            CodeRole.KIND: code.kind,
        }.get(role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == Column.NAME:
            return QCoreApplication.translate("CodeTreeModel", "Code")
        if section == Column.SHORTCUT:
            return QCoreApplication.translate("CodeTreeModel", "Key")
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        flags |= Qt.ItemFlag.ItemIsDragEnabled
        code = self.code(index)
        if code is None or not code.is_variable:  # a variable holds no subcodes
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        if index.column() == Column.NAME and self._perform is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # Qt overrides: editing becomes operations

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        code = self.code(index)
        if (code is None or role != Qt.ItemDataRole.EditRole or index.column() != Column.NAME
                or self._perform is None):
            return False
        name = str(value).strip()
        if name == code.name:
            return False
        return self._perform(UpdateCode(code.id, {"name": name})) is not None

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids = list(dict.fromkeys(i.internalId() for i in indexes if self.code(i) is not None))
        data = QMimeData()
        data.setData(MIME_TYPE, QByteArray(json.dumps(ids).encode("ascii")))
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        return self._move_for(data, action, row, parent) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        """Push a :class:`MoveCode` for the dragged code; the refresh that follows moves rows."""
        if action == Qt.DropAction.IgnoreAction:
            return True
        move = self._move_for(data, action, row, parent)
        if move is None or self._perform is None:
            return False
        return self._perform(move) is not None

    # Internals

    def _id_of(self, index: _Index) -> int | None:
        return index.internalId() if index.isValid() else None

    def _move_for(
        self, data: QMimeData, action: Qt.DropAction, row: int, parent: _Index
    ) -> MoveCode | None:
        """The move a drop would make, or ``None`` when it is no move or not allowed."""
        if action != Qt.DropAction.MoveAction or self._perform is None:
            return None
        ids = _decode(data)
        if len(ids) != 1 or ids[0] not in self._tree.codes:
            return None
        code_id, new_parent = ids[0], self._id_of(parent)
        if new_parent is not None and code_id in self._tree.ancestors_and_self(new_parent):
            return None
        siblings = self._tree.children.get(new_parent, ())
        row = len(siblings) if row < 0 or row > len(siblings) else row
        old_parent, old_row = self._tree.parent_of(code_id), self._tree.row_of(code_id)
        # Qt counts the row among siblings that still include the dragged code;
        # the core places it among the others.
        position = row - 1 if old_parent == new_parent and old_row < row else row
        if old_parent == new_parent and position == old_row:
            return None
        return MoveCode(code_id, new_parent, position)

    def _apply_single_edit(self, old: Structure, new: Structure) -> bool:
        """Tell views about one insert, remove or move from ``old`` to ``new``, if it is one."""
        if (added := new.single_insert(old)) is not None:
            row = new.row_of(added)
            self.beginInsertRows(self.index_of(new.parent_of(added)), row, row)
            self._tree = new
            self.endInsertRows()
            return True
        if (removed := new.single_removal(old)) is not None:
            row = old.row_of(removed)
            self.beginRemoveRows(self.index_of(old.parent_of(removed)), row, row)
            self._tree = new
            self.endRemoveRows()
            return True
        if (moved := new.single_move(old)) is not None:
            old_parent, new_parent = old.parent_of(moved), new.parent_of(moved)
            old_row, new_row = old.row_of(moved), new.row_of(moved)
            # Qt wants the destination row as counted before the move.
            destination = new_row + 1 if old_parent == new_parent and new_row > old_row \
                else new_row
            if not self.beginMoveRows(self.index_of(old_parent), old_row, old_row,
                                      self.index_of(new_parent), destination):
                return False
            self._tree = new
            self.endMoveRows()
            return True
        return False


def _decode(data: QMimeData) -> list[int]:
    if not data.hasFormat(MIME_TYPE):
        return []
    try:
        ids = json.loads(bytes(data.data(MIME_TYPE).data()).decode("ascii"))
    except (ValueError, UnicodeDecodeError):
        return []
    return [i for i in ids if isinstance(i, int)] if isinstance(ids, list) else []
