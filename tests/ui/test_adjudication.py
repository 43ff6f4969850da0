"""The adjudication window: keys and buttons decide, the database follows, undo restores,
spans are edited in code points (emoji and flags), and the agreement options offer the gold
layer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from annotator.core.agreement.report import UnitKind
from annotator.core.project import Project
from annotator.core.spans import Span
from annotator.core.team.adjudication import AdjudicationService
from annotator.core.team.adjudication_items import Action
from annotator.ui.adjudication.post_model import PostProgressModel
from annotator.ui.adjudication.window import AdjudicationWindow
from annotator.ui.agreement.options_panel import OptionsPanel
from annotator.ui.main_window import MainWindow
from annotator.ui.views.variable_editors import ChoiceEditor
from tests.core.agreement.coding import Plan, code_demo
from tests.core.export.small import TEXTS, Small, make_small
from tests.ui.coding_support import choose_coder, utf16_len


def dump(project: Project) -> list[list[tuple[Any, ...]]]:
    """Every row adjudication writes, exactly as stored."""
    with project.sessions() as session:
        return [[tuple(r) for r in session.execute(text(sql))] for sql in (
            "SELECT * FROM annotation ORDER BY id", "SELECT * FROM decision ORDER BY id",
            "SELECT * FROM post_status ORDER BY post_id, coder_id",
            "SELECT * FROM post_value ORDER BY post_id, code_id, coder_id")]


def gold_spans(project: Project, post_id: int, code_id: int) -> list[tuple[int, int, str]]:
    gold = project.coders.gold().id
    return [(a.span.start, a.span.end, a.quote) for a in project.annotations.for_post(post_id)
            if a.coder_id == gold and a.code_id == code_id]


def open_window(qtbot, project: Project, adjudicator: str = "Supervisor"  # type: ignore[no-untyped-def]
                ) -> AdjudicationWindow:
    window = AdjudicationWindow()
    qtbot.addWidget(window)
    window.set_project(project)
    window.set_adjudicator(project.coders.get_or_create(adjudicator))
    window.decision_bar.advance_box.setChecked(False)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    return window


@pytest.fixture
def coded(demo_project: Project) -> tuple[Project, Plan]:
    return demo_project, code_demo(demo_project)


@pytest.fixture
def small(tmp_path: Path) -> Iterator[Small]:
    made = make_small(tmp_path / "small.annot")
    with made.project:
        yield made


def test_posts_and_progress_are_listed(qtbot, coded, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    project, _ = coded
    window = open_window(qtbot, project)
    progress = AdjudicationService(project.sessions).progress()
    model = window.posts.model
    assert [model.progress_at(r).post_id for r in range(model.rowCount())] == [
        p.post_id for p in progress.posts]
    assert window.posts.progress_bar.text() == f"Adjudicated 0 of {progress.total} items"
    assert window.posts.seed_button.text() == f"Adopt agreed codes ({progress.agreed})"
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(window.posts.filter, force_py=True)
    assert window.posts.current_post_id() == progress.posts[0].post_id
    assert window.item_list.count() == progress.posts[0].total + progress.posts[0].agreed


def test_key_accepts_a_coder_and_undo_restores(qtbot, coded) -> None:  # type: ignore[no-untyped-def]
    project, _ = coded
    window = open_window(qtbot, project)
    service = AdjudicationService(project.sessions)
    entry = next(i.entry for i in service.items() if not i.entry.is_variable)
    before = dump(project)
    window.show_post(entry.post_id)
    window.choose_code(entry.code_id)
    assert [c.title_label.text() for c in window.comparison.columns] == [
        f"{n} · {project.coders.get(c).name}" for n, c in enumerate(entry.coders, start=1)]
    assert window.comparison.columns[0].spans_shown() == list(entry.spans_of(entry.coders[0]))
    qtbot.keyClick(window.item_list, Qt.Key.Key_1)
    text_of = project.posts.get(entry.post_id).text
    assert gold_spans(project, entry.post_id, entry.code_id) == [
        (s.start, s.end, text_of[s.start:s.end]) for s in entry.spans_of(entry.coders[0])]
    (decision,) = service.decisions()
    assert (decision.action, decision.adjudicator) == (Action.ACCEPT, "Supervisor")
    assert decision.sources == (project.coders.get(entry.coders[0]).uuid,)
    assert window.posts.progress_bar.text().startswith("Adjudicated 1 of ")
    chosen = window.chosen_item()
    assert chosen is not None and chosen.decided
    qtbot.keyClick(window.item_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dump(project) == before
    assert window.posts.progress_bar.text().startswith("Adjudicated 0 of ")
    window.redo_action.trigger()
    assert gold_spans(project, entry.post_id, entry.code_id) != []
    assert service.decisions() == [decision]  # the same row again


def test_buttons_reject_accept_both_and_note(qtbot, coded) -> None:  # type: ignore[no-untyped-def]
    project, _ = coded
    window = open_window(qtbot, project)
    service = AdjudicationService(project.sessions)
    entry = next(i.entry for i in service.items() if not i.entry.is_variable)
    window.show_post(entry.post_id)
    window.choose_code(entry.code_id)
    window.decision_bar.note_edit.setText("  nothing here  ")
    qtbot.mouseClick(window.decision_bar.reject_button, Qt.MouseButton.LeftButton)
    assert gold_spans(project, entry.post_id, entry.code_id) == []
    assert (service.decisions()[-1].action, service.decisions()[-1].note) == (
        Action.REJECT, "nothing here")
    assert window.decision_bar.note_edit.text() == ""
    qtbot.mouseClick(window.decision_bar.accept_all_button, Qt.MouseButton.LeftButton)
    union = sorted({s for c in entry.coders for s in entry.spans_of(c)})
    assert [(s, e) for s, e, _ in gold_spans(project, entry.post_id, entry.code_id)] == [
        (s.start, s.end) for s in union]
    assert service.decisions()[-1].action is Action.ACCEPT_BOTH


def test_next_open_and_the_open_only_filter(qtbot, coded) -> None:  # type: ignore[no-untyped-def]
    project, _ = coded
    window = open_window(qtbot, project)
    window.decision_bar.advance_box.setChecked(True)
    service = AdjudicationService(project.sessions)
    first_post = service.progress().posts[0]
    window.show_post(first_post.post_id)
    for _ in range(first_post.total):
        chosen = window.chosen_item()
        assert chosen is not None and not chosen.decided and not chosen.agreed
        qtbot.keyClick(window.item_list, Qt.Key.Key_R)
    # Deciding the last open item moved on to the next post with open items.
    assert window.posts.current_post_id() == service.progress().posts[1].post_id
    qtbot.mouseClick(window.posts.seed_button, Qt.MouseButton.LeftButton)
    assert service.progress().posts[0].complete
    window.posts.open_only_box.setChecked(True)
    shown = [window.posts.filter.index(r, 0).data() for r in range(window.posts.filter.rowCount())]
    assert first_post.label not in shown
    assert len(shown) == len(service.progress().posts) - 1
    assert window.show_post(first_post.post_id)  # still reachable: the filter is cleared
    assert not window.posts.open_only_box.isChecked()


def test_edit_a_span_with_flags_in_code_points(qtbot, small) -> None:  # type: ignore[no-untyped-def]
    project = small.project
    window = open_window(qtbot, project)
    first = small.posts[0]
    window.show_post(first)
    window.choose_code(small.blame)
    chosen = window.chosen_item()
    assert chosen is not None and chosen.entry.code_id == small.blame
    body = TEXTS[0]
    quote = "🇧🇾 Statement"
    start = body.index(quote)
    view = window.gold_panel.column.text_view
    cursor = QTextCursor(view.document())
    cursor.setPosition(utf16_len(body[:start]))  # UTF-16 positions computed here
    cursor.setPosition(utf16_len(body[:start + len(quote)]), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    qtbot.keyClick(view, Qt.Key.Key_E)
    assert gold_spans(project, first, small.blame) == [(2, 14, quote)]
    assert AdjudicationService(project.sessions).decisions()[-1].after == [[2, 14]]
    window.gold_panel.choose_span(Span(2, 14))
    window.gold_panel.start_spin.setValue(0)
    qtbot.mouseClick(window.gold_panel.offsets_button, Qt.MouseButton.LeftButton)
    assert gold_spans(project, first, small.blame) == [(0, 14, "🇷🇺🇧🇾 Statement")]
    family = body.index("👨")
    column = window.comparison.columns[0]  # Ann's column: select there, add to the gold
    cursor = QTextCursor(column.text_view.document())
    cursor.setPosition(utf16_len(body[:family]))
    cursor.setPosition(utf16_len(body[:family + 5]), QTextCursor.MoveMode.KeepAnchor)
    column.text_view.setTextCursor(cursor)
    view.setTextCursor(QTextCursor(view.document()))  # nothing selected in the gold column
    qtbot.mouseClick(window.gold_panel.add_button, Qt.MouseButton.LeftButton)
    assert gold_spans(project, first, small.blame) == [(0, 14, "🇷🇺🇧🇾 Statement"),
                                                       (family, family + 5, "👨‍👩‍👧")]
    window.gold_panel.choose_span(Span(0, 14))
    qtbot.mouseClick(window.gold_panel.remove_button, Qt.MouseButton.LeftButton)
    assert gold_spans(project, first, small.blame) == [(family, family + 5, "👨‍👩‍👧")]
    for _ in range(3):
        window.undo_action.trigger()
    assert gold_spans(project, first, small.blame) == [(2, 14, quote)]


def test_variable_value_is_edited_with_its_editor(qtbot, small) -> None:  # type: ignore[no-untyped-def]
    project = small.project
    window = open_window(qtbot, project)
    first = small.posts[0]
    tone = small.variables["Tone"]
    window.show_post(first)
    window.choose_code(tone)
    assert [c.summary_label.text() for c in window.comparison.columns] == ["negative",
                                                                            "no value"]
    assert window.decision_bar.accept_all_button.isHidden()  # one value only
    editor = window.gold_panel.editor
    assert isinstance(editor, ChoiceEditor)
    editor.buttons[0].click()  # "positive"
    gold = project.coders.gold().id
    code = project.codes.get(tone)
    assert project.values.get(first, tone, gold) == code.levels[0].uuid
    qtbot.mouseClick(window.decision_bar.accept_buttons()[0], Qt.MouseButton.LeftButton)
    assert project.values.get(first, tone, gold) == code.levels[1].uuid
    assert [d.action for d in AdjudicationService(project.sessions).decisions()] == [
        Action.EDIT, Action.ACCEPT]


def test_without_an_adjudicator_nothing_can_be_decided(qtbot, small) -> None:  # type: ignore[no-untyped-def]
    project = small.project
    window = open_window(qtbot, project)
    window.set_adjudicator(None)
    window.show_post(small.posts[0])
    assert "Choose who you are" in window.adjudicator_label.text()
    assert not window.decision_bar.reject_button.isEnabled()
    state = dump(project)
    qtbot.keyClick(window.item_list, Qt.Key.Key_1)
    qtbot.keyClick(window.item_list, Qt.Key.Key_R)
    assert dump(project) == state


def test_team_menu_opens_the_window_for_the_chosen_coder(make_window, coded, qtbot) -> None:  # type: ignore[no-untyped-def]
    project, _ = coded
    main: MainWindow = make_window(project.path)
    choose_coder(main, "Supervisor")
    action = main.adjudication.action
    assert action in main.menu_actions.team_menu.actions() and action.isEnabled()
    action.trigger()
    window = main.adjudication.window
    assert window is not None and window.isVisible()
    qtbot.addWidget(window)
    assert window.adjudicator_label.text() == "Deciding as Supervisor"
    entry = next(i.entry for i in AdjudicationService(project.sessions).items()
                 if not i.entry.is_variable)
    window.show_post(entry.post_id)
    window.choose_code(entry.code_id)
    with qtbot.waitSignal(main.events.changed):
        qtbot.mouseClick(window.decision_bar.accept_buttons()[1], Qt.MouseButton.LeftButton)
    decision = AdjudicationService(project.sessions).decisions()[-1]
    assert (decision.adjudicator, decision.sources) == (
        "Supervisor", (project.coders.get(entry.coders[1]).uuid,))
    assert main.undo_stack.count() == 0 and window.undo_stack.count() == 1
    with qtbot.waitSignal(main.events.changed):
        window.undo_action.trigger()
    assert AdjudicationService(project.sessions).decisions() == []
    main.close_project()
    assert not window.isVisible() and not action.isEnabled()
    assert QApplication.activeModalWidget() is None


def test_agreement_options_offer_the_gold_layer_unchecked(qtbot, coded) -> None:  # type: ignore[no-untyped-def]
    project, _ = coded
    service = AdjudicationService(project.sessions)
    boss = project.coders.create("Boss")[0].id
    service.seed_agreed(boss)
    ann = project.coders.by_name("Ann").id
    for item in service.items():
        service.accept(item.entry.post_id, item.entry.code_id, ann, boss)
    gold = project.coders.gold()
    panel = OptionsPanel()
    qtbot.addWidget(panel)
    panel.set_project(project)
    rows = [panel.coder_list.item(r) for r in range(panel.coder_list.count())]
    assert rows[-1].text() == "Adjudicated (gold) (12 posts complete)"
    assert rows[-1].checkState() == Qt.CheckState.Unchecked
    assert panel.options().coders is None  # every person, not the gold layer
    panel.set_checked_coders({gold.id, ann})
    assert panel.options().coders == (ann, gold.id)
    panel.refresh()
    assert set(panel.checked_coders()) == {gold.id, ann}  # kept
    panel.set_unit(UnitKind.PRESENCE)
    assert panel.problem() is None


def test_post_model_notifies_only_changed_rows(qtbot, coded) -> None:  # type: ignore[no-untyped-def]
    project, _ = coded
    service = AdjudicationService(project.sessions)
    model = PostProgressModel()
    model.set_progress(service.progress())
    item = service.items()[0]
    service.reject(item.entry.post_id, item.entry.code_id,
                   project.coders.create("Boss")[0].id)
    with qtbot.assertNotEmitted(model.modelReset), \
            qtbot.waitSignal(model.dataChanged) as changed:
        model.set_progress(service.progress())
    assert changed.args[0].row() == model.row_of(item.entry.post_id)
