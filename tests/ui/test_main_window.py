"""The main window on real project files: listing, reading, opening, recent projects."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from annotator.core.project import Project
from annotator.ui.locations import demo_path
from annotator.ui.settings import MAX_RECENT, Settings
from tests.conftest import make_v1_project


def test_demo_lists_18_posts_and_shows_each_text_exactly(demo_window, demo_project):
    window = demo_window
    assert window.post_model.rowCount() == 18
    assert window.count_label.text() == "18 posts"
    assert window.path_label.text() == str(demo_project.path)
    view = window.reading_pane.text_view
    for row, post in enumerate(demo_project.posts.get_many(demo_project.posts.ids())):
        window.post_list.select_row(row)
        assert window.current_post_id() == post.id
        assert view.shown_text() == post.text
        if "\u00a0" not in post.text:  # toPlainText turns no-break spaces into spaces
            assert view.toPlainText() == post.text
        document = view.document()
        assert not document.isModified()
        assert not document.isUndoAvailable()
        assert document.availableUndoSteps() == 0
        assert view.isReadOnly()


def test_header_shows_facts_and_ambiguous_reactions(demo_window, demo_project):
    window = demo_window
    pane = window.reading_pane
    posts = demo_project.posts.get_many(demo_project.posts.ids())
    window.post_list.select_row(0)
    assert pane.channel_label.text() == "Russian Embassy to the UK"
    assert pane.forwarded_label.text() == "Russian MFA 🇷🇺"
    assert pane.date_label.text() == "date unknown"
    assert pane.reactions_label.text().startswith(posts[0].metadata["reactions_raw"])
    assert "👏 5" in pane.reactions_label.text()
    assert posts[2].metadata["reactions"] is None
    window.post_list.select_row(2)
    assert pane.reactions_label.text() == "🔥42👍2   →   ambiguous (2 readings)"
    window.post_list.select_row(3)  # not forwarded
    assert not pane.forwarded_label.isVisibleTo(pane)


def test_keyboard_moves_through_the_list(demo_window, qtbot):
    window = demo_window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    assert window.post_list.currentIndex().row() == 0
    assert window.menu_actions.next_post.shortcut().toString() == "J"
    assert window.menu_actions.previous_post.shortcut().toString() == "K"
    qtbot.keyClick(window.post_list, Qt.Key.Key_J)
    qtbot.keyClick(window.reading_pane.text_view, Qt.Key.Key_J)  # also while reading
    assert window.post_list.currentIndex().row() == 2
    qtbot.keyClick(window.post_list, Qt.Key.Key_K)
    assert window.post_list.currentIndex().row() == 1
    qtbot.keyClick(window.post_list, Qt.Key.Key_Down)
    assert window.post_list.currentIndex().row() == 2
    qtbot.keyClick(window.post_list, Qt.Key.Key_Up)
    qtbot.keyClick(window.post_list, Qt.Key.Key_Up)
    assert window.post_list.currentIndex().row() == 0
    window.menu_actions.previous_post.trigger()  # stays on the first post
    assert window.post_list.currentIndex().row() == 0
    window.post_list.select_row(17)
    window.menu_actions.next_post.trigger()  # stays on the last post
    assert window.post_list.currentIndex().row() == 17
    assert window.reading_pane.post.id == window.current_post_id()


def test_without_project_the_welcome_is_shown(make_window):
    window = make_window()
    assert window.project is None
    assert window.stack.currentWidget() is window.welcome
    assert not window.menu_actions.import_.isEnabled()
    assert window.path_label.text() == "No project open"


def test_open_demo_creates_it_in_the_data_folder(make_window, tmp_path):
    window = make_window()
    assert not demo_path().exists()
    window.welcome.demo_button.click()
    assert demo_path() == tmp_path / "data" / "demo.annot"
    assert window.project is not None and window.project.path == demo_path()
    assert window.post_model.rowCount() == 18
    window.close_project()
    assert window.open_demo()  # the second time it is opened, not re-created
    assert window.project.posts.count() == 18


def test_new_project_and_close(make_window, tmp_path, message_boxes):
    window = make_window()
    path = tmp_path / "fresh.annot"
    assert window.new_project(path)
    assert window.stack.currentWidget() is window.splitter
    assert window.post_model.rowCount() == 0
    assert window.count_label.text() == "0 posts"
    window.close_project()
    assert window.project is None
    assert window.stack.currentWidget() is window.welcome
    assert not window.new_project(path)  # never over an existing file
    assert "already exists" in message_boxes[-1].text


def test_opening_a_text_file_shows_an_error_and_leaves_it_alone(make_window, tmp_path,
                                                                 message_boxes):
    notes = tmp_path / "notes.txt"
    notes.write_text("just some notes\nnot a project\n", encoding="utf-8")
    before = notes.read_bytes()
    window = make_window()
    assert not window.open_project(notes)
    assert notes.read_bytes() == before
    assert [p.name for p in tmp_path.glob("notes*")] == ["notes.txt"]  # no -wal, -journal
    assert window.project is None
    [box] = message_boxes
    assert box.icon == QMessageBox.Icon.Warning
    assert str(notes) in box.text and "not an Annotator project" in box.text
    assert "NotAProject" in box.details  # the copyable traceback
    assert Settings().recent_projects() == []


def test_newer_schema_is_refused_and_unchanged(make_window, tmp_path, message_boxes):
    path = tmp_path / "future.annot"
    Project.create(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = path.read_bytes()
    window = make_window()
    assert not window.open_project(path)
    assert path.read_bytes() == before
    assert "newer version of Annotator" in message_boxes[-1].text
    assert "99" in message_boxes[-1].text


def test_missing_project_is_reported_and_dropped_from_recent(make_window, tmp_path,
                                                             message_boxes):
    path = tmp_path / "gone.annot"
    Project.create(path).close()
    window = make_window(path)
    window.close_project()
    path.unlink()
    assert not window.open_project(path)
    assert "does not exist" in message_boxes[-1].text
    assert Settings().recent_projects() == []


def test_upgraded_project_names_its_backup(make_window, tmp_path, message_boxes, qtbot):
    path = tmp_path / "old.annot"
    make_v1_project(path)
    window = make_window(path)
    assert window.project.upgraded_from == 1
    qtbot.waitUntil(lambda: len(message_boxes) == 1)  # shown once the event loop runs
    [box] = message_boxes
    assert box.icon == QMessageBox.Icon.Information
    assert str(window.project.backup) in box.text
    window.close_project()
    assert window.open_project(path)
    qtbot.wait(50)
    assert len(message_boxes) == 1  # only once


def test_recent_projects_update_and_drop_missing(make_window, tmp_path):
    paths = []
    for i in range(MAX_RECENT + 2):
        path = tmp_path / f"p{i}.annot"
        Project.create(path).close()
        paths.append(path)
    window = make_window()
    for path in paths[:3]:
        assert window.open_project(path)
    assert Settings().recent_projects() == [paths[2], paths[1], paths[0]]
    assert window.open_project(paths[0])
    assert Settings().recent_projects()[:2] == [paths[0], paths[2]]
    items = window.menu_actions.rebuild_recent()
    assert [a.data() for a in items] == [str(paths[0]), str(paths[2]), str(paths[1])]
    items[1].trigger()
    assert window.project.path == paths[2]

    paths[1].unlink()
    assert paths[1] not in Settings().recent_projects()
    for path in paths[3:]:
        window.open_project(path)
    assert len(Settings().recent_projects()) == MAX_RECENT
    assert Settings().last_project() == paths[-1]


def test_window_layout_is_remembered(make_window, demo_project):
    window = make_window(demo_project.path)
    window.splitter.setSizes([300, 700])
    sizes = window.splitter.sizes()
    window.close()
    again = make_window(demo_project.path)
    # The offscreen screen is small, so restoreGeometry may shrink the window: compare shares.
    left, right = again.splitter.sizes()
    assert abs(left / (left + right) - sizes[0] / sum(sizes)) < 0.02
    assert sizes[0] / sum(sizes) < 0.35  # not the default split
