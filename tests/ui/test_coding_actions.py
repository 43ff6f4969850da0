"""Coding in the reading pane with real keys and clicks; results read from the database."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu

from annotator.core.model import PostStatus
from annotator.core.spans import Span
from annotator.ui.models.post_table import Column
from annotator.ui.settings import Settings
from tests.ui.coding_support import (
    ScriptedCodingPrompts,
    add_annotation,
    click_character,
    highlighted,
    outlined,
    select_quote,
    show_post,
    utf16_len,
)

M = Qt.KeyboardModifier


def code_of(window, path: str):  # type: ignore[no-untyped-def]
    return window.project.codes.by_path(path)


def test_a_code_key_codes_the_selection_at_once(coding_window, qtbot):
    window = coding_window
    post_id = show_post(window, 2)
    view = window.reading_pane.text_view
    span = select_quote(window, "Sergey Lavrov")
    qtbot.keyClick(view, Qt.Key.Key_2)
    (annotation,) = window.project.annotations.for_post(post_id)
    assert annotation.code_id == code_of(window, "Framing/Blame attribution").id
    assert (annotation.span, annotation.quote) == (span, "Sergey Lavrov")
    assert annotation.coder_id == window.coding.coder.id
    # Coding marks the post in progress for the coder; the list shows it.
    coder_id = window.coding.coder.id
    assert window.project.statuses.get(post_id, coder_id) is PostStatus.IN_PROGRESS
    model = window.post_model
    assert model.data(model.index(2, Column.STATUS)) == "in progress"
    assert model.data(model.index(3, Column.STATUS)) == ""
    # The new annotation is selected (outlined), and the text stays selected for more codes.
    assert window.reading_pane.selected_annotation() == annotation
    assert outlined(window) == [(span.start, span.end)]
    qtbot.keyClick(view, Qt.Key.Key_5)
    assert len(window.project.annotations.for_post(post_id)) == 2
    assert window.menu_actions.undo.text() == "&Undo code a span"


def test_codebook_double_click_and_filter_enter_apply_codes(coding_window, qtbot):
    window = coding_window
    panel = window.codebook.panel
    post_id = show_post(window, 2)
    select_quote(window, "opening remarks")
    threat = code_of(window, "Framing/Threat")
    panel.select_code(threat.id)
    rect = panel.tree.visualRect(panel.tree.currentIndex())
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.project.annotations.for_post(post_id) == []  # a click only selects
    qtbot.mouseDClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert [a.code_id for a in window.project.annotations.for_post(post_id)] == [threat.id]

    qtbot.keyClicks(panel.filter_edit, "whatab")
    qtbot.keyClick(panel.filter_edit, Qt.Key.Key_Return)
    whataboutism = code_of(window, "Rhetoric/Whataboutism")
    codes = sorted(a.code_id for a in window.project.annotations.for_post(post_id))
    assert codes == sorted([threat.id, whataboutism.id])
    assert all(a.quote == "opening remarks"
               for a in window.project.annotations.for_post(post_id))

    panel.filter_edit.clear()
    qtbot.keyClicks(panel.filter_edit, "topic")  # a post-level variable: not a span code
    qtbot.keyClick(panel.filter_edit, Qt.Key.Key_Return)
    assert len(window.project.annotations.for_post(post_id)) == 2
    assert "post-level variable" in window.statusBar().currentMessage()


def test_clicks_select_and_cycle_through_overlapping_annotations(coding_window, qtbot):
    window = coding_window
    show_post(window, 2)
    outer = add_annotation(window, "Legitimation/Official voice",
                           "Russia's Foreign Minister Sergey Lavrov’s opening remarks")
    inner = add_annotation(window, "Framing/Threat", "Sergey Lavrov")
    bobs = add_annotation(window, "Rhetoric/Whataboutism", "Lavrov", coder="Bob")
    pane = window.reading_pane
    assert {a.id for a in pane.annotations()} == {outer.id, inner.id, bobs.id}
    inside = inner.span.start + 8  # in "Lavrov": all three overlap here
    click_character(window, qtbot, inside)
    assert pane.selected_annotation() == inner  # the innermost of the coder's first
    assert outlined(window) == [(inner.span.start, inner.span.end)]
    click_character(window, qtbot, inside)
    assert pane.selected_annotation() == outer  # Bob's is skipped: not the coder's
    click_character(window, qtbot, inside)
    assert pane.selected_annotation() == inner
    click_character(window, qtbot, outer.span.start + 1)  # only the outer one there
    assert pane.selected_annotation() == outer
    click_character(window, qtbot, outer.span.end + 5)  # uncoded text
    assert pane.selected_annotation() is None and outlined(window) == []
    click_character(window, qtbot, inside)
    qtbot.keyClick(pane.text_view, Qt.Key.Key_Escape)
    assert pane.selected_annotation() is None


def test_delete_key_removes_and_undo_restores_the_same_annotation(coding_window, qtbot):
    window = coding_window
    post_id = show_post(window, 0)
    view = window.reading_pane.text_view
    select_quote(window, "June 25 marks")
    qtbot.keyClick(view, Qt.Key.Key_4)
    (annotation,) = window.project.annotations.for_post(post_id)
    click_character(window, qtbot, annotation.span.start + 2)
    assert view.textCursor().hasSelection() is False
    assert window.coding.actions.delete_action.isEnabled()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert window.project.annotations.for_post(post_id) == []
    assert highlighted(window) == {}
    assert not window.coding.actions.delete_action.isEnabled()  # nothing selected now
    qtbot.keyClick(view, Qt.Key.Key_Z, M.ControlModifier)
    assert window.project.annotations.for_post(post_id) == [annotation]  # same id and uuid
    assert window.reading_pane.selected_annotation() == annotation


def test_a_code_key_without_selected_text_changes_the_selected_annotation(coding_window,
                                                                          qtbot):
    window = coding_window
    post_id = show_post(window, 2)
    view = window.reading_pane.text_view
    select_quote(window, "Sergey Lavrov")
    qtbot.keyClick(view, Qt.Key.Key_1)
    (annotation,) = window.project.annotations.for_post(post_id)
    click_character(window, qtbot, annotation.span.start + 1)  # clears the text selection
    qtbot.keyClick(view, Qt.Key.Key_8)
    (changed,) = window.project.annotations.for_post(post_id)
    assert changed.id == annotation.id and changed.span == annotation.span
    assert changed.code_id == code_of(window, "Legitimation/Historical analogy").id
    assert window.reading_pane.selected_annotation() == changed
    qtbot.keyClick(view, Qt.Key.Key_Z, M.ControlModifier)
    assert window.project.annotations.get(annotation.id).code_id == annotation.code_id
    window.reading_pane.select_annotation(None)
    qtbot.keyClick(view, Qt.Key.Key_3)  # neither text nor an annotation selected
    assert len(window.project.annotations.for_post(post_id)) == 1
    assert window.statusBar().currentMessage().startswith("Select text to code")


def test_boundary_keys_move_by_one_code_point_in_one_undo_step(coding_window, qtbot):
    window = coding_window
    post_id = show_post(window, 0)  # "🇷🇺🇧🇾 June 25 marks ..."
    view = window.reading_pane.text_view
    text = window.reading_pane.post.text
    select_quote(window, "June 25")
    qtbot.keyClick(view, Qt.Key.Key_1)
    (annotation,) = window.project.annotations.for_post(post_id)
    assert annotation.span == Span(5, 12)
    steps = window.undo_stack.count()
    for _ in range(2):  # over the space, then onto the whole 🇾 (two UTF-16 units)
        qtbot.keyClick(view, Qt.Key.Key_Left, M.AltModifier | M.ControlModifier)
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Right, M.AltModifier | M.ShiftModifier)
    qtbot.keyClick(view, Qt.Key.Key_Left, M.AltModifier | M.ShiftModifier)
    qtbot.keyClick(view, Qt.Key.Key_Right, M.AltModifier | M.ControlModifier)
    moved = window.project.annotations.get(annotation.id)
    assert moved.span == Span(4, 14)
    assert moved.quote == text[4:14] == " June 25 m"
    assert set(highlighted(window)) == set(range(4, 14))
    assert outlined(window) == [(4, 14)]
    assert window.undo_stack.count() == steps + 1  # all the nudges are one step
    qtbot.keyClick(view, Qt.Key.Key_Left, M.AltModifier | M.ControlModifier)
    assert window.project.annotations.get(annotation.id).quote == "🇾 June 25 m"
    cursor = QTextCursor(view.document())
    cursor.setPosition(utf16_len(text[:3]))
    cursor.setPosition(utf16_len(text[:14]), QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "🇾 June 25 m"
    qtbot.keyClick(view, Qt.Key.Key_Z, M.ControlModifier)
    assert window.project.annotations.get(annotation.id).span == Span(5, 12)
    qtbot.keyClick(view, Qt.Key.Key_Z, M.ControlModifier | M.ShiftModifier)
    assert window.project.annotations.get(annotation.id).span == Span(3, 14)
    for _ in range(4):  # cannot start before the text
        qtbot.keyClick(view, Qt.Key.Key_Left, M.AltModifier | M.ControlModifier)
    assert window.project.annotations.get(annotation.id).span == Span(0, 14)
    assert "cannot grow" in window.statusBar().currentMessage()


def test_memo_by_key_and_context_menu_shows_on_hover(coding_window, qtbot):
    window = coding_window
    actions = window.coding.actions
    actions.prompts = ScriptedCodingPrompts(actions.prompts, "Speaker line")
    post_id = show_post(window, 2)
    view = window.reading_pane.text_view
    select_quote(window, "Sergey Lavrov")
    qtbot.keyClick(view, Qt.Key.Key_9)
    (annotation,) = window.project.annotations.for_post(post_id)
    qtbot.keyClick(view, Qt.Key.Key_M)
    assert window.project.annotations.get(annotation.id).memo == "Speaker line"
    assert actions.prompts.asked[0][1] == "Legitimation/Official voice"
    assert window.menu_actions.undo.text() == "&Undo edit a memo"
    run = view.highlighter.run_at(utf16_len(window.reading_pane.post.text[
        :annotation.span.start]))
    assert run.tooltip.splitlines()[:2] == ["Legitimation/Official voice — Alice",
                                            "    Memo (Alice): Speaker line"]

    window.reading_pane.select_annotation(None)
    cursor = QTextCursor(view.document())
    cursor.setPosition(utf16_len(window.reading_pane.post.text[:annotation.span.start + 2]))
    point = view.cursorRect(cursor).center()
    QApplication.sendEvent(view.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point,
                                                   view.viewport().mapToGlobal(point)))
    menu = next(w for w in QApplication.topLevelWidgets()
                if isinstance(w, QMenu) and w.isVisible())
    texts = [a.text() for a in menu.actions()]
    assert "&Memo…" in texts and "&Delete annotation" in texts
    assert window.reading_pane.selected_annotation().id == annotation.id  # right-click selects
    actions.prompts.memo_answer = ""
    next(a for a in menu.actions() if a.text() == "&Memo…").trigger()
    menu.close()
    assert window.project.annotations.get(annotation.id).memo == ""


def test_snapping_to_words_is_a_remembered_setting(coding_window, qtbot):
    window = coding_window
    post_id = show_post(window, 2)
    view = window.reading_pane.text_view
    snap = window.coding.snap_action
    assert snap in window.menu_actions.coding_menu.actions() and not snap.isChecked()
    snap.trigger()
    assert Settings().snap_to_words()
    select_quote(window, "oreign Minis")
    qtbot.keyClick(view, Qt.Key.Key_1)
    (annotation,) = window.project.annotations.for_post(post_id)
    assert annotation.quote == "Foreign Minister"
    snap.trigger()
    assert not Settings().snap_to_words()
    select_quote(window, "oreign Minis")
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert sorted(a.quote for a in window.project.annotations.for_post(post_id)) == [
        "Foreign Minister", "oreign Minis"]


def test_code_keys_beat_the_navigation_keys_only_in_the_text(coding_window, qtbot):
    window = coding_window
    code = code_of(window, "Framing/Multipolar world order")
    assert window.codebook.panel.set_shortcut(code.id, "j")
    post_id = show_post(window, 2)
    view = window.reading_pane.text_view
    select_quote(window, "opening remarks")
    qtbot.keyClick(view, Qt.Key.Key_J)
    assert window.post_list.currentIndex().row() == 2  # coded, not moved on
    assert [a.code_id for a in window.project.annotations.for_post(post_id)] == [code.id]
    qtbot.keyClick(window.post_list, Qt.Key.Key_J)
    assert window.post_list.currentIndex().row() == 3
