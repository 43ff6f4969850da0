"""The codebook dialogs, opened for real and driven through their widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from annotator.core.codebook.service import Usage
from annotator.ui.dialogs.definition_dialog import DefinitionDialog
from annotator.ui.dialogs.merge_dialog import MergeDialog, merge_candidates
from annotator.ui.dialogs.shortcut_dialog import ShortcutDialog, key_of
from annotator.ui.views.codebook_prompts import CodebookPrompts

OK = QDialogButtonBox.StandardButton.Ok


def test_shortcut_dialog_takes_one_free_key(demo_window, qtbot):
    project = demo_window.project
    code = project.codes.by_path("Framing/Threat")
    taken = {c.shortcut: c.path_text for c in project.codes.list() if c.shortcut}
    dialog = ShortcutDialog(code, taken, demo_window)
    dialog.open()
    qtbot.waitExposed(dialog)
    ok = dialog.buttons.button(OK)
    assert dialog.key() == "1" and ok.isEnabled()  # its own key is fine
    dialog.editor.clear()
    qtbot.keyClick(dialog.editor, Qt.Key.Key_2)
    qtbot.waitUntil(lambda: not dialog.editor.keySequence().isEmpty())
    assert "already used by Framing/Blame attribution" in dialog.message.text()
    assert not ok.isEnabled()
    dialog.editor.clear()
    qtbot.keyClick(dialog.editor, Qt.Key.Key_X)
    qtbot.waitUntil(ok.isEnabled)
    assert dialog.key() == "x"
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    demo_window.codebook.panel.set_shortcut(code.id, dialog.key())
    assert project.codes.get(code.id).shortcut == "x"


def test_shortcut_keys_must_be_single_and_plain():
    assert key_of(QKeySequence("A")) == "a"
    assert key_of(QKeySequence("7")) == "7"
    assert key_of(QKeySequence("Ctrl+A")) is None
    assert key_of(QKeySequence("F5")) is None
    assert key_of(QKeySequence("Space")) is None
    assert key_of(QKeySequence()) is None


def test_definition_dialog_reports_changed_fields(demo_window, qtbot):
    code = demo_window.project.codes.by_path("Framing/Threat")
    dialog = DefinitionDialog(code, demo_window)
    dialog.open()
    qtbot.waitExposed(dialog)
    assert dialog.description.toPlainText() == code.description
    assert not dialog.levels.isVisibleTo(dialog)
    assert dialog.changed_fields() == {}
    assert dialog.inclusion.toPlainText() == code.inclusion != ""
    dialog.inclusion.setFocus()
    dialog.inclusion.selectAll()  # typing replaces the demo's inclusion
    qtbot.keyClicks(dialog.inclusion, "Names a danger.")
    dialog.examples.setPlainText("first\n\n  second  \n")
    assert dialog.changed_fields() == {"inclusion": "Names a danger.",
                                       "examples": ("first", "second")}
    dialog.kind.setCurrentIndex(dialog.kind.findData("variable"))
    assert dialog.variable_type.isVisibleTo(dialog) and dialog.levels.isVisibleTo(dialog)
    dialog.levels.setPlainText("low\nhigh")
    fields = dialog.changed_fields()
    assert fields["kind"] == "variable" and fields["variable_type"] == "single"
    assert [level.name for level in fields["levels"]] == ["low", "high"]
    assert all(level.uuid for level in fields["levels"])
    dialog.variable_type.setCurrentIndex(dialog.variable_type.findData("number"))
    assert not dialog.levels.isVisibleTo(dialog)
    fields = dialog.changed_fields()
    assert fields["variable_type"] == "number" and "levels" not in fields  # none, as before
    dialog.reject()


def test_definition_dialog_keeps_level_uuids(demo_window):
    panel = demo_window.codebook.panel
    codes = demo_window.project.codes
    voice = codes.by_path("Legitimation/Official voice")
    panel.update_code(voice.id, kind="variable", variable_type="single",
                      levels=({"name": "yes"}, {"name": "no"}))
    voice = codes.get(voice.id)
    dialog = DefinitionDialog(voice, demo_window)
    dialog.levels.setPlainText("no\nyes\nmaybe")
    levels = dialog.changed_fields()["levels"]
    assert [level.uuid for level in levels[:2]] == [voice.levels[1].uuid, voice.levels[0].uuid]
    assert panel.update_code(voice.id, levels=levels)
    demo_window.undo_stack.undo()
    demo_window.undo_stack.redo()
    assert codes.get(voice.id).levels == levels  # same uuids after redo


def test_definition_prompt_runs_the_real_dialog(codebook_window, qtbot):
    window = codebook_window
    panel = window.codebook.panel
    panel.prompts = CodebookPrompts(panel)  # the real one, not the scripted answers
    code = window.project.codes.by_path("Framing/Threat")
    panel.select_code(code.id)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, DefinitionDialog)
        dialog.memo.setPlainText("Seen on a modal dialog.")
        QTest.mouseClick(dialog.buttons.button(OK), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    panel.definition_action.trigger()
    assert window.project.codes.get(code.id).memo == "Seen on a modal dialog."
    assert window.undo_stack.count() == 1


def test_merge_dialog_lists_candidates_and_filters(demo_window, qtbot):
    codes = demo_window.project.codes.list()
    source = next(c for c in codes if c.path_text == "Framing")
    candidates = merge_candidates(source, codes)
    # Span codes outside Framing only: no Framing subcode, no post-level variable.
    assert [c.path_text for c in candidates] == [
        "Rhetoric", "Rhetoric/Whataboutism", "Rhetoric/Irony and scare quotes",
        "Rhetoric/Labelling", "Legitimation", "Legitimation/Appeal to international law",
        "Legitimation/Historical analogy", "Legitimation/Official voice"]
    variables = [c for c in codes if c.kind == "variable"]
    assert len(variables) == 5 and not set(variables) & set(candidates)
    dialog = MergeDialog(source, candidates, Usage(1, 4, 0), demo_window)
    dialog.open()
    qtbot.waitExposed(dialog)
    ok = dialog.buttons.button(OK)
    assert "Its 4 annotation(s) and 0 post value(s) move there" in dialog.explanation.text()
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.filter, "iron")
    shown = [dialog.list.item(r).text() for r in range(dialog.list.count())
             if not dialog.list.item(r).isHidden()]
    assert shown == ["Rhetoric/Irony and scare quotes"]
    irony = next(c.id for c in candidates if c.name == "Irony and scare quotes")
    dialog.select(irony)
    assert ok.isEnabled()
    assert dialog.target_id() == irony
    dialog.filter.setText("official")
    assert dialog.target_id() is None and not ok.isEnabled()
    dialog.reject()
