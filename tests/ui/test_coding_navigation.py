"""Moving through posts while coding: done and next, next not done, undo across posts,
progress in the status bar, blind mode."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.core.model import PostStatus
from annotator.ui.models.post_table import Column
from annotator.ui.settings import Settings
from tests.ui.coding_support import activate, add_annotation, choose_coder, select_quote

M = Qt.KeyboardModifier


def row(window) -> int:  # type: ignore[no-untyped-def]
    return window.post_list.currentIndex().row()


def test_go_menu_lists_the_keys(coding_window):
    go = {a.text(): a.shortcut().toString() for a in coding_window.menu_actions.go_menu.actions()
          if not a.isSeparator()}
    assert go == {"&Next post": "J", "&Previous post": "K",
                  "Mark &done and next post": "Ctrl+Return",
                  "Next post &not done": "Ctrl+Shift+Return",
                  "&Find posts…": "Ctrl+F", "&Go to post #…": "Ctrl+G"}


def test_ctrl_return_marks_done_and_moves_on(coding_window, qtbot):
    window = coding_window
    view = window.reading_pane.text_view
    coder_id = window.coding.coder.id
    first = window.current_post_id()
    assert window.coding.progress_label.text() == "Alice: 0 of 18 posts done"
    qtbot.keyClick(view, Qt.Key.Key_Return, M.ControlModifier)
    assert row(window) == 1
    assert window.project.statuses.get(first, coder_id) is PostStatus.DONE
    assert window.post_model.data(window.post_model.index(0, Column.STATUS)) == "done"
    assert window.coding.progress_label.text() == "Alice: 1 of 18 posts done"
    qtbot.keyClick(view, Qt.Key.Key_Enter, M.ControlModifier | M.KeypadModifier)
    assert row(window) == 2
    assert window.coding.progress_label.text() == "Alice: 2 of 18 posts done"
    # Coding a done post leaves it done.
    window.post_list.select_row(0)
    select_quote(window, "June 25")
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert window.project.statuses.get(first, coder_id) is PostStatus.DONE


def test_next_not_done_skips_done_posts_and_wraps(coding_window, qtbot):
    window = coding_window
    view = window.reading_pane.text_view
    for _ in range(3):  # rows 0, 1, 2 done; row 3 shown
        qtbot.keyClick(view, Qt.Key.Key_Return, M.ControlModifier)
    window.post_list.select_row(1)
    qtbot.keyClick(view, Qt.Key.Key_Return, M.ControlModifier | M.ShiftModifier)
    assert row(window) == 3
    window.post_list.select_row(17)
    qtbot.keyClick(view, Qt.Key.Key_Return, M.ControlModifier | M.ShiftModifier)
    assert row(window) == 3  # wrapped past the done rows 0-2
    coder_id = window.coding.coder.id
    for post_id in window.project.posts.ids():
        window.events.changed.emit(window.project.statuses.set(post_id, coder_id,
                                                               PostStatus.DONE))
    assert window.coding.progress_label.text() == "Alice: 18 of 18 posts done"
    assert not window.coding.next_not_done()
    assert window.statusBar().currentMessage() == "Every post is done."


def test_undo_and_redo_bring_back_the_post_they_change(coding_window, qtbot):
    window = coding_window
    view = window.reading_pane.text_view
    first = window.current_post_id()
    select_quote(window, "June 25 marks")
    qtbot.keyClick(view, Qt.Key.Key_1)
    (on_first,) = window.project.annotations.for_post(first)
    qtbot.keyClick(window.post_list, Qt.Key.Key_J)
    second = window.current_post_id()
    stance = window.project.codes.by_path("Stance toward the West")
    window.coding.variables.editor(stance.id).buttons[0].click()
    assert window.project.values.for_post(second, window.coding.coder.id) == {
        stance.id: stance.levels[0].uuid}
    window.post_list.select_row(5)

    qtbot.keyClick(view, Qt.Key.Key_Z, M.ControlModifier)  # the value, on the second post
    assert window.current_post_id() == second
    assert window.project.values.for_post(second, window.coding.coder.id) == {}
    assert not window.coding.variables.editor(stance.id).buttons[0].isChecked()
    qtbot.keyClick(view, Qt.Key.Key_Z, M.ControlModifier)  # the annotation, on the first
    assert window.current_post_id() == first
    assert window.project.annotations.for_post(first) == []
    qtbot.keyClick(view, Qt.Key.Key_Z, M.ControlModifier | M.ShiftModifier)
    assert window.project.annotations.for_post(first) == [on_first]
    assert window.reading_pane.selected_annotation() == on_first
    window.post_list.select_row(9)
    qtbot.keyClick(view, Qt.Key.Key_Y, M.ControlModifier)
    assert window.current_post_id() == second
    assert window.coding.variables.editor(stance.id).buttons[0].isChecked()


def test_blind_mode_hides_other_coders_annotations(coding_window, qtbot):
    window = coding_window
    window.post_list.select_row(2)
    own = add_annotation(window, "Framing/Threat", "Foreign Minister")
    other = add_annotation(window, "Rhetoric/Whataboutism", "Sergey Lavrov", coder="Bob")
    pane = window.reading_pane
    runs = pane.text_view.highlighter.runs
    assert {a for r in runs for a in r.annotation_ids} == {own.id, other.id}
    blind = window.coding.blind_action
    assert blind in window.menu_actions.view_menu.actions()
    assert blind.shortcut().toString() == "Ctrl+Shift+B"
    qtbot.keyClick(pane.text_view, Qt.Key.Key_B, M.ControlModifier | M.ShiftModifier)
    assert blind.isChecked() and Settings().blind_mode()
    runs = pane.text_view.highlighter.runs
    assert [r.annotation_ids for r in runs] == [(own.id,)]
    assert all("Bob" not in r.tooltip for r in runs)
    assert pane.annotations() == [own]
    window.post_list.select_row(3)
    window.post_list.select_row(2)  # stays blind on other posts
    assert pane.annotations() == [own]
    blind.trigger()
    assert {a.id for a in pane.annotations()} == {own.id, other.id}


def test_blind_mode_is_remembered(make_window, demo_project, qtbot):
    Settings().set_blind_mode(True)
    window = make_window(demo_project.path)
    choose_coder(window, "Alice")
    activate(window, qtbot)
    window.post_list.select_row(2)
    add_annotation(window, "Rhetoric/Whataboutism", "Sergey Lavrov", coder="Bob")
    assert window.coding.blind_action.isChecked()
    assert window.reading_pane.annotations() == []
    assert window.reading_pane.text_view.highlighter.runs == []


def test_mark_done_is_undoable(coding_window, qtbot):
    window = coding_window
    view = window.reading_pane.text_view
    coder_id = window.coding.coder.id
    first = window.current_post_id()
    qtbot.keyClick(view, Qt.Key.Key_Return, M.ControlModifier)
    assert window.project.statuses.get(first, coder_id) is PostStatus.DONE
    window.undo_stack.undo()
    assert window.project.statuses.get(first, coder_id) is PostStatus.NOT_STARTED
    assert window.coding.progress_label.text() == "Alice: 0 of 18 posts done"
    window.undo_stack.redo()
    assert window.project.statuses.get(first, coder_id) is PostStatus.DONE
