"""Coder identity: asked once per project, remembered per project path, switchable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from annotator.core.project import Project
from annotator.ui.settings import Settings
from tests.ui.coding_support import choose_coder, select_quote, show_post


def test_coder_is_asked_once_per_project_and_remembered(make_window, demo_project,
                                                        coder_dialogs, tmp_path, qtbot):
    window = make_window(demo_project.path)
    assert len(coder_dialogs) == 1 and coder_dialogs[0] is window.coding.coders.dialog
    assert window.coding.coder is None
    # Nothing can be coded until a coder is chosen.
    assert window.coding.progress_label.text() == "No coder chosen"
    assert not window.coding.done_next_action.isEnabled()
    assert not window.coding.variables.isEnabled()
    post_id = show_post(window, 0)
    select_quote(window, "June 25")
    qtbot.keyClick(window.reading_pane.text_view, Qt.Key.Key_1)
    assert window.project.annotations.for_post(post_id) == []
    assert not window.coding.actions.apply_code(window.project.codes.by_path("Framing/Threat").id)
    assert window.statusBar().currentMessage().startswith("Choose a coder first")

    choose_coder(window, "Alice")
    alice = demo_project.coders.by_name("Alice")  # created in the project file
    assert window.coding.coder == alice
    assert window.project.actor == "Alice"
    assert window.coding.progress_label.text() == "Alice: 0 of 18 posts done"
    assert Settings().project_coder(demo_project.path) == alice.uuid

    window.close_project()
    assert window.coding.coder is None
    assert window.open_project(demo_project.path)
    assert len(coder_dialogs) == 1  # remembered: not asked again
    assert window.coding.coder == alice
    again = make_window(demo_project.path)  # a new window (a new session) remembers too
    assert len(coder_dialogs) == 1 and again.coding.coder == alice

    other = tmp_path / "other.annot"
    Project.create(other).close()
    assert window.open_project(other)
    assert len(coder_dialogs) == 2  # another project: asked again
    assert window.coding.coder is None


def test_chooser_lists_the_coders_and_a_double_click_picks_one(make_window, demo_project,
                                                               coder_dialogs, qtbot):
    bob, _ = demo_project.coders.create("Bob")
    carol, _ = demo_project.coders.create("Carol")
    window = make_window(demo_project.path)
    dialog = coder_dialogs[-1]
    dialog.show()
    qtbot.waitExposed(dialog)
    names = [dialog.coder_list.item(i).text() for i in range(dialog.coder_list.count())]
    assert names == ["Bob", "Carol"]
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # nobody chosen yet
    qtbot.keyClicks(dialog.new_name, "Dora")
    assert ok.isEnabled() and dialog.choice() == "Dora"
    dialog.new_name.clear()
    item = dialog.coder_list.item(1)
    rect = dialog.coder_list.visualItemRect(item)
    qtbot.mouseClick(dialog.coder_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dialog.coder_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.coding.coder == carol
    assert [c.name for c in demo_project.coders.list()] == ["Bob", "Carol"]  # none created
    assert window.coding.coders.dialog is None


def test_a_typed_existing_name_picks_that_coder(make_window, demo_project, coder_dialogs):
    bob, _ = demo_project.coders.create("Bob")
    window = make_window(demo_project.path)
    choose_coder(window, "  Bob ")  # spaces are tidied, as the core does
    assert window.coding.coder == bob
    assert [c.name for c in demo_project.coders.list()] == ["Bob"]


def test_switching_coder_from_the_menu(coding_window, coder_dialogs, qtbot):
    window = coding_window
    texts = [a.text() for a in window.menu_actions.coding_menu.actions()]
    assert texts[0] == "&Switch coder…"
    post_id = show_post(window, 2)
    select_quote(window, "Foreign Minister")
    assert window.coding.actions.apply_code(window.project.codes.by_path("Framing/Threat").id)
    (alices,) = window.project.annotations.for_post(post_id)

    window.coding.switch_coder_action.trigger()
    assert len(coder_dialogs) == 2
    window.coding.coders.dialog.reject()  # cancelling keeps the coder
    assert window.coding.coder.name == "Alice"
    window.coding.switch_coder_action.trigger()
    choose_coder(window, "Bob")
    assert window.project.actor == "Bob"
    assert Settings().project_coder(window.project.path) == window.coding.coder.uuid
    # Bob sees Alice's annotation but cannot select (and so not edit) it.
    assert window.reading_pane.annotations() == [alices]
    window.reading_pane.select_annotation(alices.id)
    assert window.reading_pane.selected_annotation() is None
    assert window.coding.progress_label.text() == "Bob: 0 of 18 posts done"


def test_codebook_changelog_names_the_coder(coding_window):
    window = coding_window
    code = window.project.codes.by_path("Framing/Threat")
    assert window.codebook.panel.rename_code(code.id, "Danger")
    assert window.project.codes.changelog()[-1].author == "Alice"
