"""The post variables panel: one editor per type, each change an undoable SetPostValue."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget

from annotator.core.model import PostStatus
from annotator.ui.views.variable_editors import (
    BooleanEditor,
    ChoiceEditor,
    MultipleEditor,
    NumberEditor,
    TextEditor,
)
from tests.ui.coding_support import show_post

M = Qt.KeyboardModifier


def click(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    """A real left click on ``widget``'s indicator (its left end)."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton,
                     pos=QPoint(min(8, widget.width() // 2), widget.height() // 2))


def values(window) -> dict:  # type: ignore[no-untyped-def,type-arg]
    return window.project.values.for_post(window.current_post_id(), window.coding.coder.id)


def variable(window, path: str):  # type: ignore[no-untyped-def]
    return window.project.codes.by_path(path)


def undo(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window.reading_pane.text_view, Qt.Key.Key_Z, M.ControlModifier)


def test_one_editor_per_variable_in_codebook_order(coding_window):
    panel = coding_window.coding.variables
    kinds = {c.name: type(panel.editor(c.id)) for c in coding_window.project.codes.list()
             if c.is_variable}
    assert kinds == {"Stance toward the West": ChoiceEditor, "Topic": ChoiceEditor,
                     "Call to action": BooleanEditor, "Mentioned countries": MultipleEditor,
                     "Main claim": TextEditor}
    dock = coding_window.coding.variables_dock
    assert dock.toggleViewAction() in coding_window.menu_actions.view_menu.actions()


def test_radio_buttons_set_single_and_ordinal_values(coding_window, qtbot):
    window = coding_window
    post_id = show_post(window, 3)
    stance = variable(window, "Stance toward the West")
    editor = window.coding.variables.editor(stance.id)
    assert [b.text() for b in editor.buttons] == ["hostile", "critical", "neutral",
                                                  "conciliatory"]
    click(qtbot, editor.buttons[1])
    assert values(window) == {stance.id: stance.levels[1].uuid}
    assert window.project.statuses.get(post_id, window.coding.coder.id) is (
        PostStatus.IN_PROGRESS)
    click(qtbot, editor.buttons[3])
    assert values(window) == {stance.id: stance.levels[3].uuid}
    undo(qtbot, window)
    assert values(window) == {stance.id: stance.levels[1].uuid}
    assert editor.buttons[1].isChecked() and not editor.buttons[3].isChecked()
    clear = window.coding.variables.clear_button(stance.id)
    assert clear.isEnabled()
    click(qtbot, clear)
    assert values(window) == {}
    assert not any(b.isChecked() for b in editor.buttons) and not clear.isEnabled()
    topic = variable(window, "Topic")
    click(qtbot, window.coding.variables.editor(topic.id).buttons[4])
    assert values(window) == {topic.id: topic.levels[4].uuid}


def test_check_boxes_set_multiple_choice_values_in_level_order(coding_window, qtbot):
    window = coding_window
    countries = variable(window, "Mentioned countries")
    editor = window.coding.variables.editor(countries.id)
    click(qtbot, editor.boxes[3])
    click(qtbot, editor.boxes[0])
    assert values(window) == {countries.id: [countries.levels[0].uuid,
                                             countries.levels[3].uuid]}
    click(qtbot, editor.boxes[0])
    click(qtbot, editor.boxes[3])
    assert values(window) == {}  # no level ticked: no value
    undo(qtbot, window)
    assert values(window) == {countries.id: [countries.levels[3].uuid]}
    assert [b.isChecked() for b in editor.boxes] == [False, False, False, True, False, False,
                                                     False]


def test_yes_no_box_tells_no_from_not_coded(coding_window, qtbot):
    window = coding_window
    call = variable(window, "Call to action")
    box = window.coding.variables.editor(call.id).box
    assert box.checkState() == Qt.CheckState.PartiallyChecked and box.text() == "not coded"
    click(qtbot, box)
    assert values(window) == {call.id: True} and box.text() == "yes"
    click(qtbot, box)
    assert values(window) == {call.id: False} and box.text() == "no"
    assert box.checkState() == Qt.CheckState.Unchecked
    click(qtbot, window.coding.variables.clear_button(call.id))
    assert values(window) == {}
    assert box.checkState() == Qt.CheckState.PartiallyChecked


def test_spin_box_sets_numbers(coding_window, qtbot):
    window = coding_window
    panel = window.codebook.panel
    code_id = panel.add_code("Sources cited", kind="variable", variable_type="number")
    editor = window.coding.variables.editor(code_id)
    assert isinstance(editor, NumberEditor)
    spin = editor.spin
    assert spin.text() == "no value"
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "12")
    assert values(window) == {}  # nothing stored while typing
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)
    assert values(window) == {code_id: 12}
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert values(window) == {code_id: 13}
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "2.5")
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)
    assert values(window) == {code_id: 2.5}
    click(qtbot, window.coding.variables.clear_button(code_id))
    assert values(window) == {} and spin.text() == "no value"


def test_line_edit_sets_text_and_is_saved_before_moving_on(coding_window, qtbot):
    window = coding_window
    claim = variable(window, "Main claim")
    line = window.coding.variables.editor(claim.id).line
    first = window.current_post_id()
    qtbot.keyClicks(line, "Belarus is a close ally")
    assert values(window) == {}
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert values(window) == {claim.id: "Belarus is a close ally"}
    line.selectAll()
    qtbot.keyClicks(line, "Belarus is the closest ally")
    qtbot.keyClick(line, Qt.Key.Key_Return, M.ControlModifier)  # done and next, still typing
    assert window.current_post_id() != first
    assert window.project.values.for_post(first, window.coding.coder.id) == {
        claim.id: "Belarus is the closest ally"}
    assert line.text() == ""  # the next post has no value yet


def test_panel_shows_each_post_and_only_the_coders_values(coding_window, qtbot):
    window = coding_window
    project = window.project
    stance = variable(window, "Stance toward the West")
    editor = window.coding.variables.editor(stance.id)
    second = project.posts.ids()[1]
    bob = project.coders.get_or_create("Bob")
    project.values.set(second, stance.id, bob.id, "hostile")
    project.values.set(second, stance.id, window.coding.coder.id, "neutral")
    show_post(window, 0)
    assert not any(b.isChecked() for b in editor.buttons)
    show_post(window, 1)
    assert [b.isChecked() for b in editor.buttons] == [False, False, True, False]
    window.close_project()
    assert not window.coding.variables.isEnabled()


def test_a_short_panel_scrolls_instead_of_squeezing_the_levels(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = demo_window
    window.resize(1400, 860)
    window.coding.variables_dock.raise_()
    show_post(window, 1)
    qtbot.waitUntil(window.coding.variables.isVisible)
    qtbot.wait(50)
    panel = window.coding.variables
    body = panel.widget()
    assert body.height() >= body.minimumSizeHint().height()
    topic = next(c for c in window.project.codes.list() if c.name == "Topic")
    buttons = panel.editor(topic.id).buttons
    tops = [button.geometry().top() for button in buttons]
    step = buttons[0].sizeHint().height() - 1
    assert all(b - a >= step for a, b in zip(tops, tops[1:], strict=False))
