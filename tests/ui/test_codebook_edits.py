"""Codebook edits through the panel's actions, each undone and redone on the real database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox

from annotator.core.codebook.spec import Level
from annotator.core.errors import NotFound
from annotator.core.project import Project
from annotator.ui.main_window import MainWindow
from annotator.ui.models.code_tree import Column
from tests.ui.codebook_support import tree_paths


def select(window: MainWindow, path: str) -> int:
    code_id = window.project.codes.by_path(path).id
    window.codebook.panel.select_code(code_id)
    assert window.codebook.panel.current_code_id() == code_id
    return code_id


def test_add_code_and_subcode_undo_and_redo_with_the_same_ids(codebook_window):
    window = codebook_window
    panel, codes, stack = window.codebook.panel, window.project.codes, window.undo_stack
    before = tree_paths(window.project)
    panel.prompts.answers["code_name"] = "Populism"
    panel.add_code_action.trigger()
    populism = codes.by_path("Populism")
    assert panel.current_code_id() == populism.id
    panel.prompts.answers["code_name"] = "Anti-elite"
    panel.add_subcode_action.trigger()
    assert panel.prompts.asked[-1] == ("code_name", ("Add subcode", "Populism"))
    sub = codes.by_path("Populism/Anti-elite")
    assert sub.parent_id == populism.id
    assert [c.path_text for c in panel.model.codes()] == tree_paths(window.project)
    assert stack.count() == 2
    assert window.menu_actions.undo.isEnabled()

    stack.undo()
    with pytest.raises(NotFound):
        codes.get(sub.id)
    assert panel.model.code_by_id(sub.id) is None
    stack.undo()
    assert tree_paths(window.project) == before
    assert panel.model.index_of(populism.id).isValid() is False

    stack.redo()
    stack.redo()
    assert codes.by_path("Populism").id == populism.id
    assert codes.by_path("Populism").uuid == populism.uuid
    assert codes.by_path("Populism/Anti-elite").id == sub.id
    assert [c.path_text for c in panel.model.codes()] == tree_paths(window.project)
    with Project.open(window.project.path) as fresh:  # committed, seen by a new connection
        assert fresh.codes.by_path("Populism/Anti-elite").id == sub.id


def test_cancelled_prompt_changes_nothing(codebook_window):
    window = codebook_window
    panel = window.codebook.panel
    before = tree_paths(window.project)
    panel.prompts.answers["code_name"] = None
    panel.add_code_action.trigger()
    select(window, "Framing/Threat")
    panel.colour_action.trigger()
    panel.shortcut_action.trigger()
    panel.definition_action.trigger()
    assert tree_paths(window.project) == before
    assert window.undo_stack.count() == 0


def test_rename_in_place_with_f2_then_undo_and_redo(codebook_window, qtbot):
    window = codebook_window
    panel, codes = window.codebook.panel, window.project.codes
    code_id = select(window, "Framing/Threat")
    panel.rename_action.trigger()  # F2
    index = panel.tree.currentIndex().siblingAtColumn(Column.NAME)
    editor = panel.tree.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    assert editor.text() == "Threat"
    editor.setText("Danger")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on a queued call
    qtbot.waitUntil(lambda: codes.get(code_id).name == "Danger")
    assert panel.tree.currentIndex().data() == "Danger"
    assert window.undo_stack.undoText() == "edit name"

    window.menu_actions.undo.trigger()
    assert codes.get(code_id).name == "Threat"
    assert panel.model.index_of(code_id).data() == "Threat"
    window.menu_actions.redo.trigger()
    assert codes.get(code_id).path_text == "Framing/Danger"


def test_rename_to_a_sibling_name_is_refused_and_not_stacked(codebook_window, message_boxes):
    window = codebook_window
    panel = window.codebook.panel
    code_id = select(window, "Framing/Threat")
    assert not panel.rename_code(code_id, "Victimhood")
    assert window.project.codes.get(code_id).name == "Threat"
    assert window.undo_stack.count() == 0
    assert message_boxes[-1].icon == QMessageBox.Icon.Warning
    assert "already exists" in message_boxes[-1].text


def test_recolour_and_shortcut_through_actions_undo_and_redo(codebook_window, message_boxes):
    window = codebook_window
    panel, codes, stack = window.codebook.panel, window.project.codes, window.undo_stack
    code_id = select(window, "Framing/Threat")
    panel.prompts.answers["colour"] = "#00FF00"
    panel.colour_action.trigger()
    assert codes.get(code_id).colour == "#00ff00"
    assert panel.model.index_of(code_id).data(Qt.ItemDataRole.DecorationRole).name() == "#00ff00"

    panel.prompts.answers["shortcut"] = "x"
    panel.shortcut_action.trigger()
    name, (code, taken) = panel.prompts.asked[-1]
    assert name == "shortcut" and code.id == code_id
    assert taken["2"] == "Framing/Blame attribution" and "1" not in taken
    assert codes.get(code_id).shortcut == "x"
    assert panel.model.index_of(code_id, Column.SHORTCUT).data() == "x"

    panel.prompts.answers["shortcut"] = "2"  # taken: refused, shown, not stacked
    panel.shortcut_action.trigger()
    assert "already used" in message_boxes[-1].text
    assert codes.get(code_id).shortcut == "x"
    assert stack.count() == 2

    panel.prompts.answers["shortcut"] = ""  # no shortcut
    panel.shortcut_action.trigger()
    assert codes.get(code_id).shortcut is None

    stack.undo()
    assert codes.get(code_id).shortcut == "x"
    stack.undo()
    assert codes.get(code_id).shortcut == "1"
    stack.undo()
    assert codes.get(code_id).colour == "#d62728"
    assert panel.model.index_of(code_id).data(Qt.ItemDataRole.DecorationRole).name() == "#d62728"
    stack.redo()
    stack.redo()
    assert (codes.get(code_id).colour, codes.get(code_id).shortcut) == ("#00ff00", "x")


def test_edit_definition_through_the_action_then_undo(codebook_window):
    window = codebook_window
    panel, codes, stack = window.codebook.panel, window.project.codes, window.undo_stack
    code_id = select(window, "Framing/Threat")
    before = codes.get(code_id)
    fields = {"description": "Danger to order.", "inclusion": "Explicit danger.",
              "exclusion": "Mere criticism.", "examples": ("a grave threat", "menace"),
              "memo": "check with B."}
    panel.prompts.answers["definition"] = fields
    panel.definition_action.trigger()
    after = codes.get(code_id)
    assert {name: getattr(after, name) for name in fields} == fields
    assert "Mere criticism." in panel.model.index_of(code_id).data(Qt.ItemDataRole.ToolTipRole)
    assert "Mere criticism." in window.codebook.definition.text()

    stack.undo()
    assert codes.get(code_id) == before
    stack.redo()
    assert codes.get(code_id) == after


def test_a_span_code_becomes_a_variable_with_levels_and_back(codebook_window):
    window = codebook_window
    panel, codes, stack = window.codebook.panel, window.project.codes, window.undo_stack
    code_id = select(window, "Legitimation/Official voice")
    assert panel.update_code(code_id, kind="variable", variable_type="single",
                             levels=(Level("yes"), Level("no")))
    code = codes.get(code_id)
    assert code.is_variable and [level.name for level in code.levels] == ["yes", "no"]
    stack.undo()
    code = codes.get(code_id)
    assert not code.is_variable and code.levels == ()
    stack.redo()
    assert [level.name for level in codes.get(code_id).levels] == ["yes", "no"]


def test_actions_follow_the_selection_and_the_project(codebook_window):
    window = codebook_window
    panel = window.codebook.panel
    panel.select_code(None)
    assert panel.add_code_action.isEnabled()
    assert not panel.delete_action.isEnabled()
    assert not panel.rename_action.isEnabled()
    select(window, "Legitimation/Official voice")
    assert panel.delete_action.isEnabled()
    assert panel.merge_action.isEnabled()
    assert panel.rename_action.shortcut().toString() == "F2"
    window.close_project()
    assert not panel.add_code_action.isEnabled()
    assert panel.model.rowCount() == 0
    assert window.undo_stack.count() == 0


def test_keys_delete_and_rename_in_the_tree_but_edit_text_in_the_filter(
    codebook_window, qtbot, message_boxes
):
    window = codebook_window
    panel = window.codebook.panel
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    panel.filter_edit.setFocus()
    qtbot.keyClicks(panel.filter_edit, "xirony")
    qtbot.keyClick(panel.filter_edit, Qt.Key.Key_Home)
    qtbot.keyClick(panel.filter_edit, Qt.Key.Key_Delete)
    assert panel.filter_edit.text() == "irony"
    assert message_boxes == []
    panel.filter_edit.clear()

    code_id = select(window, "Rhetoric/Irony and scare quotes")
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_F2)
    editor = panel.tree.indexWidget(panel.tree.currentIndex())
    assert isinstance(editor, QLineEdit)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert message_boxes[-1].text.startswith("Delete “Rhetoric/Irony and scare quotes”?")
    with pytest.raises(NotFound):
        window.project.codes.get(code_id)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.project.codes.get(code_id).name == "Irony and scare quotes"
