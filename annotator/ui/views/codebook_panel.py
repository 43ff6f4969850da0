"""The codebook panel: the code tree with a filter, and the actions that edit it.

Every edit becomes a core operation run through the undo history
(:class:`~annotator.ui.commands.UndoHistory`); the tree follows the database
when ``refresh`` receives the Changes. The ``*_code`` methods take values and
do the edit; the ``_on_*_triggered`` slots first ask through ``prompts``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, QSize, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QMenu,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.changes import Changes
from annotator.core.codebook.operations import AddCode, DeleteCode, MergeCodes, UpdateCode
from annotator.core.codebook.service import Usage
from annotator.core.model import Code
from annotator.core.project import Project
from annotator.ui.commands import UndoHistory
from annotator.ui.dialogs.merge_dialog import merge_candidates
from annotator.ui.models.code_tree import CodeRole, CodeTreeModel, Column
from annotator.ui.views.codebook_prompts import CodebookPrompts


class CodeFilterModel(QSortFilterProxyModel):
    """Shows codes whose path contains the filter text (any case), with their parents."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterRole(CodeRole.PATH)
        self.setFilterKeyColumn(Column.NAME)


class CodebookPanel(QWidget):
    """The editable code tree of the current project. GUI thread only."""

    code_selected = Signal(object)
    """code_selected(code_id: int | None): the current code of the tree changed."""

    code_activated = Signal(int)
    """code_activated(code_id: int): a code was double-clicked or chosen with Enter (in the
    filter: the current code if it matches, else the first match), to apply it."""

    def __init__(self, history: UndoHistory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history = history
        self.prompts = CodebookPrompts(self)
        self._project: Project | None = None
        self._expanded: set[int] = set()
        self._expanded_before_filter: set[int] | None = None
        self._current_before_reset: int | None = None

        self.model = CodeTreeModel(history.perform, self)
        self.proxy = CodeFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter codes…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.tree = self._make_tree()
        self._make_actions()
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.add_code_action, self.add_subcode_action, self.delete_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        more = QMenu(self.tr("More"), self)
        more.addActions(self.edit_actions()[2:7])
        self.toolbar.addAction(more.menuAction())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.tree, 1)

        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        self.filter_edit.returnPressed.connect(self._on_filter_edit_return_pressed)
        self.tree.activated.connect(self._on_tree_activated)
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        self.tree.customContextMenuRequested.connect(self._on_tree_context_menu_requested)
        self.proxy.modelAboutToBeReset.connect(self._on_proxy_about_to_be_reset)
        self.proxy.modelReset.connect(self._on_proxy_reset)
        self._update_actions()

    def sizeHint(self) -> QSize:  # Qt override: the dock's width before any saved layout
        # Wide enough for the whole toolbar, whose texts are longer in some languages.
        return QSize(max(320, self.toolbar.sizeHint().width() + 8), 420)

    # Following the project

    def set_project(self, project: Project | None) -> None:
        self._project = project
        self.filter_edit.clear()
        self._current_before_reset, self._expanded = None, set()
        self.model.set_source(project.codes if project is not None else None)
        self.tree.expandAll()
        self.setEnabled(project is not None)
        self._update_actions()

    def refresh(self, changes: Changes) -> None:
        """Follow ``changes`` made by anyone (the panel, undo, an import)."""
        self.model.refresh(changes)
        if self.filter_edit.text():
            self.tree.expandAll()
        self._update_actions()

    # Selection

    def current_code_id(self) -> int | None:
        index = self.tree.currentIndex()
        return index.data(CodeRole.CODE_ID) if index.isValid() else None

    def current_code(self) -> Code | None:
        return self.model.code_by_id(self.current_code_id() or 0)

    def select_code(self, code_id: int | None) -> None:
        """Make ``code_id`` current (revealing it), or clear the selection."""
        index = self.proxy.mapFromSource(self.model.index_of(code_id))
        if not index.isValid():
            self.tree.setCurrentIndex(QModelIndex())
            self.tree.clearSelection()
            return
        parent = index.parent()
        while parent.isValid():
            self.tree.expand(parent)
            parent = parent.parent()
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)

    def edit_actions(self) -> list[QAction]:
        """The edit actions in menu order (for the Codebook menu and the context menu)."""
        return [self.add_code_action, self.add_subcode_action, self.rename_action,
                self.colour_action, self.shortcut_action, self.definition_action,
                self.merge_action, self.delete_action]

    # Edits with values; each returns whether the codebook changed.

    def add_code(self, name: str, parent_id: int | None = None, **fields: Any) -> int | None:
        """Add ``name`` under ``parent_id`` (last); returns the new code's id."""
        changes = self.history.perform(AddCode(name, parent_id, dict(fields)))
        if changes is None or len(changes.codes) != 1:
            return None
        (code_id,) = changes.codes
        self.select_code(code_id)
        return code_id

    def rename_code(self, code_id: int, name: str) -> bool:
        return self.update_code(code_id, name=name.strip())

    def recolour_code(self, code_id: int, colour: str | None) -> bool:
        return self.update_code(code_id, colour=colour.lower() if colour else None)

    def set_shortcut(self, code_id: int, key: str | None) -> bool:
        return self.update_code(code_id, shortcut=key or None)

    def update_code(self, code_id: int, **fields: Any) -> bool:
        """Change fields of a code (see ``CodeService.update``); unchanged ones are left out."""
        code = self.model.code_by_id(code_id)
        if code is None:
            return False
        changed = {k: v for k, v in fields.items() if getattr(code, k, object()) != v}
        return bool(changed) and self.history.perform(UpdateCode(code_id, changed)) is not None

    def merge_code(self, source_id: int, target_id: int) -> bool:
        """Merge ``source_id`` into ``target_id`` (its annotations move there)."""
        done = self.history.perform(MergeCodes(source_id, target_id)) is not None
        if done:
            self.select_code(target_id)
        return done

    def delete_code(self, code_id: int) -> bool:
        """Delete a code with its subcodes and coded work, without asking."""
        code = self.model.code_by_id(code_id)
        done = self.history.perform(DeleteCode(code_id)) is not None
        if done and code is not None and code.parent_id is not None:
            self.select_code(code.parent_id)
        return done

    # Action slots: ask, then edit.

    def _on_add_code_triggered(self) -> None:
        name = self.prompts.code_name(self.tr("Add code"), None)
        if name:
            self.add_code(name)

    def _on_add_subcode_triggered(self) -> None:
        parent = self.current_code()
        if parent is None:
            return
        name = self.prompts.code_name(self.tr("Add subcode"), parent.path_text)
        if name:
            self.add_code(name, parent.id)

    def _on_rename_triggered(self) -> None:
        index = self.tree.currentIndex()
        if index.isValid():
            self.tree.edit(index.siblingAtColumn(Column.NAME))

    def _on_colour_triggered(self) -> None:
        code = self.current_code()
        colour = self.prompts.colour(code) if code is not None else None
        if code is not None and colour is not None:
            self.recolour_code(code.id, colour)

    def _on_shortcut_triggered(self) -> None:
        code = self.current_code()
        if code is None:
            return
        taken = {c.shortcut: c.path_text for c in self.model.codes()
                 if c.shortcut and c.id != code.id}
        key = self.prompts.shortcut(code, taken)
        if key is not None:
            self.set_shortcut(code.id, key or None)

    def _on_definition_triggered(self) -> None:
        code = self.current_code()
        fields = self.prompts.definition(code) if code is not None else None
        if code is not None and fields:
            self.update_code(code.id, **fields)

    def _on_merge_triggered(self) -> None:
        code = self.current_code()
        if code is None or self._project is None:
            return
        candidates = merge_candidates(code, self.model.codes())
        target = self.prompts.merge_target(code, candidates, self._own_usage(code))
        if target is not None:
            self.merge_code(code.id, target)

    def _on_delete_triggered(self) -> None:
        code = self.current_code()
        if code is None or self._project is None:
            return
        if self.prompts.confirm_delete(code, self._project.codes.usage(code.id)):
            self.delete_code(code.id)

    # Other slots

    def _on_filter_edit_text_changed(self, text: str) -> None:
        if text and self._expanded_before_filter is None:
            self._expanded_before_filter = self._expanded_ids()
        self.proxy.setFilterFixedString(text.strip())
        if text:
            self.tree.expandAll()
        elif self._expanded_before_filter is not None:
            self._expand_only(self._expanded_before_filter)
            self._expanded_before_filter = None
            self.select_code(self.current_code_id())

    def _on_filter_edit_return_pressed(self) -> None:
        text = self.filter_edit.text().strip().lower()
        current = self.current_code()
        if current is None or text not in current.path_text.lower():
            current = next((c for c in self.model.codes() if text in c.path_text.lower()), None)
        if current is not None:
            self.select_code(current.id)
            self.code_activated.emit(current.id)

    def _on_tree_activated(self, index: QModelIndex) -> None:
        self.code_activated.emit(index.data(CodeRole.CODE_ID))

    def _on_tree_current_changed(self, current: QModelIndex) -> None:
        self._update_actions()
        self.code_selected.emit(current.data(CodeRole.CODE_ID) if current.isValid() else None)

    def _on_tree_context_menu_requested(self, point: QPoint) -> None:
        menu = QMenu(self)
        actions = self.edit_actions()
        menu.addActions(actions[:2])
        menu.addSeparator()
        menu.addActions(actions[2:7])
        menu.addSeparator()
        menu.addAction(actions[7])
        menu.popup(self.tree.viewport().mapToGlobal(point))

    def _on_proxy_about_to_be_reset(self) -> None:
        self._expanded = self._expanded_ids()
        self._current_before_reset = self.current_code_id()

    def _on_proxy_reset(self) -> None:
        self._expand_only(self._expanded)
        if self._current_before_reset is not None:
            self.select_code(self._current_before_reset)
        self._current_before_reset = None

    # Internals

    def _make_tree(self) -> QTreeView:
        tree = QTreeView(self)
        tree.setModel(self.proxy)
        tree.setUniformRowHeights(True)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        tree.setDropIndicatorShown(True)
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.setAllColumnsShowFocus(True)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(Column.SHORTCUT, QHeaderView.ResizeMode.ResizeToContents)
        return tree

    def _make_actions(self) -> None:
        def action(text: str, slot: Any, shortcut: QKeySequence | None = None) -> QAction:
            made = QAction(text, self)
            if shortcut is not None:
                made.setShortcut(shortcut)
                made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            made.triggered.connect(slot)
            self.addAction(made)
            return made

        key = QKeySequence.StandardKey
        self.add_code_action = action(self.tr("&Add code…"), self._on_add_code_triggered)
        self.add_subcode_action = action(self.tr("Add &subcode…"),
                                         self._on_add_subcode_triggered,
                                         QKeySequence(Qt.Key.Key_Insert))
        self.rename_action = action(self.tr("&Rename"), self._on_rename_triggered,
                                    QKeySequence(Qt.Key.Key_F2))
        self.colour_action = action(self.tr("&Colour…"), self._on_colour_triggered)
        self.shortcut_action = action(self.tr("Short&cut…"), self._on_shortcut_triggered)
        self.definition_action = action(self.tr("Edit &definition…"),
                                        self._on_definition_triggered)
        self.merge_action = action(self.tr("&Merge into…"), self._on_merge_triggered)
        self.delete_action = action(self.tr("&Delete…"), self._on_delete_triggered,
                                    QKeySequence(key.Delete))
        self.add_code_action.setToolTip(self.tr("Add a code at the top level"))
        self.add_subcode_action.setToolTip(self.tr("Add a code under the selected code"))

    def _update_actions(self) -> None:
        code = self.current_code() if self._project is not None else None
        self.add_code_action.setEnabled(self._project is not None)
        for action in self.edit_actions()[1:]:
            action.setEnabled(code is not None)
        if code is not None:
            self.merge_action.setEnabled(bool(merge_candidates(code, self.model.codes())))
            self.add_subcode_action.setEnabled(not code.is_variable)  # variables hold values

    def _own_usage(self, code: Code) -> Usage:
        """The coded work on ``code`` itself, without its subcodes'."""
        assert self._project is not None
        codes = self._project.codes
        total = codes.usage(code.id)
        children = [codes.usage(c.id) for c in self.model.codes() if c.parent_id == code.id]
        return Usage(1, total.annotations - sum(u.annotations for u in children),
                     total.values - sum(u.values for u in children))

    def _expanded_ids(self) -> set[int]:
        found: set[int] = set()

        def walk(parent: QModelIndex) -> None:
            for row in range(self.proxy.rowCount(parent)):
                index = self.proxy.index(row, 0, parent)
                if self.tree.isExpanded(index):
                    found.add(index.data(CodeRole.CODE_ID))
                walk(index)

        walk(QModelIndex())
        return found

    def _expand_only(self, code_ids: set[int]) -> None:
        def walk(parent: QModelIndex) -> None:
            for row in range(self.proxy.rowCount(parent)):
                index = self.proxy.index(row, 0, parent)
                self.tree.setExpanded(index, index.data(CodeRole.CODE_ID) in code_ids)
                walk(index)

        walk(QModelIndex())
