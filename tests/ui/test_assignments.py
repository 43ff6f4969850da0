"""Assignments in the GUI: the planning dialog stores rows, the overview removes batches,
and the current coder sees "My assignment", marks on their posts and their progress."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem

from annotator.core.model import PostStatus
from annotator.core.posts.service import PostFilter
from annotator.core.posts.status import SetPostStatus
from annotator.core.team.assignment_plan import Overlap, plan
from annotator.core.team.assignment_selection import PostRange, narrow
from annotator.ui.main_window import MainWindow
from annotator.ui.models.post_table import Column
from tests.ui.coding_support import choose_coder

ALL = 18


def add_coders(window: MainWindow, *names: str) -> list[int]:
    assert window.project is not None
    return [window.project.coders.create(name)[0].id for name in names]


def preview(dialog) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    table = dialog.preview
    return [tuple(table.item(row, column).text() for column in range(3))
            for row in range(table.rowCount())]


def open_dialog(window: MainWindow, *coders: str, seed: int = 5):  # type: ignore[no-untyped-def]
    dialog = window.assignments.show_assign_dialog()
    assert dialog is not None and dialog.isVisible()
    dialog.check_coders(list(coders))
    dialog.seed.setValue(seed)
    return dialog


def stored(window: MainWindow) -> set[tuple[int, int, bool]]:
    assert window.project is not None
    return {(r.post_id, r.coder_id, r.reliability) for r in window.project.assignments.records()}


def test_the_dialog_previews_the_plan_and_assign_stores_it_undoably(demo_window):
    window = demo_window
    ann, ben, cy = add_coders(window, "Ann", "Ben", "Cy")
    dialog = open_dialog(window, "Ann", "Ben", "Cy")
    expected = plan(window.project.posts.ids(), [ann, ben, cy], Overlap.share(20), seed=5)
    assert dialog.current_plan() == expected
    assert preview(dialog) == [(name, str(len(expected.posts[c])), "4")
                               for name, c in (("Ann", ann), ("Ben", ben), ("Cy", cy))]
    assert dialog.summary_label.text().startswith(f"{ALL} posts, 26 assignments. "
                                                  "Reliability sample: 4 posts, each coded by 3")
    assert dialog.assign_button.isEnabled()
    dialog.assign_button.click()
    assert not dialog.isVisible()
    assert stored(window) == set(expected.rows())
    assert window.statusBar().currentMessage() == f"Assigned {ALL} posts to 3 coders."
    window.undo_stack.undo()
    assert stored(window) == set()
    window.undo_stack.redo()
    assert stored(window) == set(expected.rows())


def test_choices_change_the_plan(demo_window):
    window = demo_window
    ann, ben, cy = add_coders(window, "Ann", "Ben", "Cy")
    dialog = open_dialog(window, "Ann", "Ben", "Cy")
    dialog.by_some_radio.setChecked(True)
    dialog.overlap_coders.setValue(2)
    dialog.overlap_unit.setCurrentIndex(1)  # posts
    dialog.overlap_size.setValue(6)
    dialog.stratify_check.setChecked(True)
    made = dialog.current_plan()
    strata = window.project.assignments.channel_strata()
    assert made == plan(window.project.posts.ids(), [ann, ben, cy], 6, 2, 5, strata)
    assert [row[2] for row in preview(dialog)] == ["4", "4", "4"]
    assert len(made.strata) == 1
    dialog.range_check.setChecked(True)
    dialog.range_first.setValue(3)
    dialog.range_last.setValue(14)
    dialog.sample_check.setChecked(True)
    dialog.sample_size.setValue(10)
    expected_posts = narrow(window.project.posts.ids(), PostRange(3, 14), 10, seed=5)
    assert list(dialog.current_plan().planned) == expected_posts
    seed = dialog.seed.value()
    dialog.new_seed_button.click()
    assert dialog.seed.value() != seed
    assert dialog.current_plan().seed == dialog.seed.value()
    dialog.reliability_box.setChecked(False)
    assert dialog.current_plan().reliability == {}
    dialog.reject()


def test_impossible_choices_are_explained_and_cannot_be_assigned(demo_window):
    window = demo_window
    add_coders(window, "Ann", "Ben")
    dialog = open_dialog(window)
    assert dialog.error_label.text() == "choose at least one coder"
    assert not dialog.assign_button.isEnabled()
    dialog.check_coders(["Ann"])
    assert dialog.error_label.text() == "a reliability overlap needs at least two coders " \
                                        "(1 chosen)"
    assert dialog.preview.rowCount() == 0
    dialog.reliability_box.setChecked(False)
    assert dialog.error_label.isHidden() and dialog.assign_button.isEnabled()
    dialog.check_coders(["Ann", "Ben"])
    dialog.reliability_box.setChecked(True)
    dialog.overlap_unit.setCurrentIndex(1)
    dialog.overlap_size.setValue(10)
    dialog.range_check.setChecked(True)
    dialog.range_last.setValue(5)
    assert "sample (10 posts) is larger than the 5 posts" in dialog.error_label.text()
    dialog.range_check.setChecked(False)
    dialog.assign_button.click()
    dialog = open_dialog(window, "Ann")
    assert dialog.error_label.text().startswith("all 18 chosen posts are already assigned")
    dialog.replace_check.setChecked(True)
    dialog.reliability_box.setChecked(False)
    assert dialog.summary_label.text().endswith("18 posts already assigned are assigned anew.")
    dialog.reject()


def test_new_coders_are_created_only_when_assigning(demo_window):
    window = demo_window
    (ann,) = add_coders(window, "Ann")
    dialog = open_dialog(window, "Ann")
    dialog.new_coder_name.setText("  Dora ")
    dialog.new_coder_button.click()
    assert dialog.new_coder_name.text() == ""
    assert [row[0] for row in preview(dialog)] == ["Ann", "Dora (new)"]
    dialog.new_coder_name.setText("ann")  # a listed name checks that coder
    dialog.new_coder_button.click()
    assert dialog.coder_list.count() == 2
    dialog.reject()
    assert [c.name for c in window.project.coders.list()] == ["Ann"]
    dialog = open_dialog(window, "Ann")
    dialog.new_coder_name.setText("Dora")
    dialog.new_coder_button.click()
    dialog.assign_button.click()
    dora = window.project.coders.by_name("Dora")
    assert len(window.project.assignments.for_coder(dora.id)) == 11  # (18 + 4) / 2
    assert len(window.project.assignments.for_coder(ann)) == 11
    window.undo_stack.undo()
    assert stored(window) == set()
    window.undo_stack.redo()  # the same coder, not a second one
    assert len(window.project.assignments.for_coder(dora.id)) == 11
    assert [c.name for c in window.project.coders.list()] == ["Ann", "Dora"]


def test_the_current_filter_is_offered(demo_window, qtbot):
    window = demo_window
    add_coders(window, "Ann", "Ben")
    bar = window.coding.filtering.bar
    qtbot.keyClicks(bar.search, "ukraine")
    bar.apply_now()
    hits = window.project.posts.ids(PostFilter(text="ukraine"))
    dialog = open_dialog(window, "Ann", "Ben")
    assert dialog.filter_radio.isChecked()
    assert dialog.filter_radio.text() == f"Posts of the current filter ({len(hits)})"
    dialog.reliability_box.setChecked(False)
    assert list(dialog.current_plan().planned) == hits
    dialog.all_radio.setChecked(True)
    assert len(dialog.current_plan().planned) == ALL
    dialog.reject()


def test_my_assignment_filter_marks_and_progress(demo_window, qtbot):
    window = demo_window
    choose_coder(window, "Alice")
    alice = window.coding.coder.id
    (bob,) = add_coders(window, "Bob")
    bar = window.coding.filtering.bar
    assert bar.mine_check.isHidden()
    assert window.assignments.progress_label.isHidden()

    dialog = open_dialog(window, "Alice", "Bob")
    dialog.reliability_box.setChecked(False)
    made = dialog.current_plan()
    dialog.assign_button.click()
    mine = list(made.posts[alice])
    assert len(mine) == 9
    assert not bar.mine_check.isHidden() and not bar.mine_check.isChecked()
    assert window.assignments.progress_label.text() == "Assigned: 9 · done 0 · 0%"

    bar.mine_check.setChecked(True)
    assert window.post_model.post_ids() == mine
    assert bar.count_label.text() == f"9 of {ALL} posts"
    window.history.perform(SetPostStatus(mine[0], alice, PostStatus.DONE))
    window.history.perform(SetPostStatus(made.posts[bob][0], alice, PostStatus.DONE))
    assert window.assignments.progress_label.text() == "Assigned: 9 · done 1 · 11%"

    delegate = window.post_list.itemDelegateForColumn(Column.STATUS)
    texts = {}
    for row in range(window.post_model.rowCount()):
        option = QStyleOptionViewItem()
        delegate.initStyleOption(option, window.post_model.index(row, Column.STATUS))
        assert not option.icon.isNull()
        texts[window.post_model.post_id(row)] = option.text
    assert texts[mine[0]] == "done" and texts[mine[1]] == "to do"

    # Another coder: their own (empty) assignment; the toggle goes away.
    window.coding.coders.choose(window.project.coders.create("Cora")[0].id)
    assert bar.mine_check.isHidden()
    assert window.post_model.post_ids() == window.project.posts.ids()
    assert window.assignments.progress_label.isHidden()
    option = QStyleOptionViewItem()
    delegate.initStyleOption(option, window.post_model.index(0, Column.STATUS))
    assert option.icon.isNull()

    # Choosing a coder with assignments turns "My assignment" on.
    window.coding.coders.choose(bob)
    assert bar.mine_check.isChecked()
    assert window.post_model.post_ids() == list(made.posts[bob])
    assert window.assignments.progress_label.text() == "Assigned: 9 · done 0 · 0%"
    window.coding.coders.choose(alice)
    assert window.post_model.post_ids() == mine

    # Assignments that change under the filter update the list at once.
    window.undo_stack.undo()  # Alice's second status
    window.undo_stack.undo()  # Alice's first status
    window.undo_stack.undo()  # the assignment
    assert bar.mine_check.isHidden()
    assert window.post_model.rowCount() == ALL


def test_reopening_the_project_shows_the_coders_assignment(make_window, demo_project):
    alice = demo_project.coders.create("Alice")[0]
    demo_project.assignments.apply(plan(demo_project.posts.ids()[:4], [alice.id], seed=1))
    window = make_window(demo_project.path)
    choose_coder(window, "Alice")
    assert window.coding.filtering.bar.mine_check.isChecked()
    assert window.post_model.post_ids() == demo_project.posts.ids()[:4]
    window.close_project()
    assert window.assignments.progress_label.isHidden()
    assert window.open_project(demo_project.path)
    assert window.post_model.post_ids() == demo_project.posts.ids()[:4]
    assert window.assignments.progress_label.text() == "Assigned: 4 · done 0 · 0%"


def test_the_overview_lists_coders_and_removes_a_batch_undoably(demo_window):
    window = demo_window
    ann, ben = add_coders(window, "Ann", "Ben")
    first = plan(window.project.posts.ids()[:10], [ann, ben], 2, seed=1)
    window.project.assignments.apply(first)
    overview = window.assignments.show_overview()
    assert overview is not None and overview.isVisible()
    table = overview.coder_table
    rows = [[table.item(r, c).text() for c in range(6)] for r in range(table.rowCount())]
    assert rows == [["Ann", "6", "2", "0", "0", "0%"], ["Ben", "6", "2", "0", "0", "0%"]]
    assert overview.batch_table.rowCount() == 1
    assert overview.batch_table.item(0, 3).text() == "Ann, Ben"
    assert not overview.remove_button.isEnabled()
    overview.batch_table.selectRow(0)
    overview.remove_button.click()
    assert stored(window) == set()
    assert overview.batch_table.rowCount() == 0 and not overview.empty_label.isHidden()
    window.undo_stack.undo()
    assert stored(window) == set(first.rows())
    assert overview.coder_table.rowCount() == 2
    window.close_project()
    assert not overview.isVisible()


def test_team_menu_holds_the_assignment_actions(demo_window, make_window):
    menu = demo_window.menu_actions.team_menu
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[:2] == ["&Assign posts…", "Assign&ments…"]
    assert demo_window.assignments.assign_action.isEnabled()
    empty = make_window()
    assert not empty.assignments.assign_action.isEnabled()
    assert empty.assignments.show_assign_dialog() is None
    demo_window.assignments.assign_action.trigger()
    dialog = demo_window.assignments.dialog
    assert dialog is not None and dialog.windowModality() == Qt.WindowModality.WindowModal
    dialog.reject()
    assert demo_window.assignments.dialog is None
