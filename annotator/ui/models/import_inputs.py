"""The inputs of the import dialog as a table: path, detected format, what reading found."""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication, QStyle

from annotator.core.importers.mapping import preset_by_id
from annotator.ui.errors import user_message
from annotator.ui.import_inputs import InputState, format_label

_Index = QModelIndex | QPersistentModelIndex
ERROR_COLOR = QColor(176, 0, 32)


class Column(IntEnum):
    INPUT = 0
    FORMAT = 1
    DETAILS = 2


class Role(IntEnum):
    PATH = Qt.ItemDataRole.UserRole + 1
    """The input's path (pathlib.Path), in every column."""


class InputListModel(QAbstractTableModel):
    """One row per input, in the order added; rows change as detection and reading go on."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._states: list[InputState] = []
        self._headers = [self.tr("Input"), self.tr("Format"), self.tr("Details")]

    # Qt overrides

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._states)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._states):
            return None
        state = self._states[index.row()]
        column = Column(index.column())
        if role == Role.PATH:
            return state.path
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(state, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(state.path) if column == Column.INPUT else self._text(state, column)
        if role == Qt.ItemDataRole.ForegroundRole and state.error is not None \
                and column != Column.INPUT:
            return QBrush(ERROR_COLOR)
        if role == Qt.ItemDataRole.DecorationRole and column != Column.DETAILS:
            return self._icon(state, column)
        return None

    # The inputs

    def states(self) -> list[InputState]:
        return list(self._states)

    def paths(self) -> list[Path]:
        return [state.path for state in self._states]

    def state(self, row: int) -> InputState:
        return self._states[row]

    def row_of(self, path: Path) -> int | None:
        return next((row for row, s in enumerate(self._states) if s.path == path), None)

    def add(self, state: InputState) -> None:
        row = len(self._states)
        self.beginInsertRows(QModelIndex(), row, row)
        self._states.append(state)
        self.endInsertRows()

    def remove(self, row: int) -> InputState:
        self.beginRemoveRows(QModelIndex(), row, row)
        state = self._states.pop(row)
        self.endRemoveRows()
        return state

    def replace(self, state: InputState) -> None:
        """Show ``state`` in the row of its path (no-op when the input was removed)."""
        row = self.row_of(state.path)
        if row is None:
            return
        self._states[row] = state
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    def _text(self, state: InputState, column: Column) -> str:
        if column == Column.INPUT:
            return state.path.name or str(state.path)
        if column == Column.FORMAT:
            if state.error is not None:
                return self.tr("Cannot import")
            return format_label(state.format_id) if state.format_id else ""
        if state.error is not None:
            return user_message(state.error)
        return self._details(state)

    def _details(self, state: InputState) -> str:
        if state.reading:
            if state.total > 0:
                return self.tr("Reading… {percent}%").format(
                    percent=min(99, 100 * state.done // state.total))
            return self.tr("Reading…")
        if state.cancelled:
            return self.tr("Not read (cancelled)")
        if state.details is None:
            return ""
        if state.needs_chat_choice:
            return self.tr("{count} chats: choose below").format(count=len(state.chats))
        if state.chats:
            return self.tr("Chat: {label}").format(label=state.chats[0].label)
        preview = state.preview
        if preview is None:
            return ""
        if preview.detected_preset is not None:
            preset = preset_by_id(preview.detected_preset)
            name = preset.name if preset is not None else preview.detected_preset
            return self.tr("{columns} column(s); preset: {name}").format(
                columns=len(preview.headers), name=name)
        return self.tr("{columns} column(s); no preset matched").format(
            columns=len(preview.headers))

    def _icon(self, state: InputState, column: Column) -> Any:
        style = QApplication.style()
        if column == Column.FORMAT:
            if state.error is None:
                return None
            return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        kind = QStyle.StandardPixmap.SP_DirIcon if state.folder \
            else QStyle.StandardPixmap.SP_FileIcon
        return style.standardIcon(kind)
