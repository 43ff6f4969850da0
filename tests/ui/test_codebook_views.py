"""The codebook docks: filtering, kept expansion, the definition panel, the changelog,
the version in the status bar and the menus."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDockWidget

from annotator.ui.main_window import MainWindow
from annotator.ui.models.changelog import Column, local_time
from annotator.ui.models.code_tree import CodeRole


def visible_paths(window: MainWindow) -> list[str]:
    panel = window.codebook.panel
    found: list[str] = []

    def walk(parent: QModelIndex) -> None:
        for row in range(panel.proxy.rowCount(parent)):
            index = panel.proxy.index(row, 0, parent)
            found.append(index.data(CodeRole.PATH))
            if panel.tree.isExpanded(index):
                walk(index)

    walk(QModelIndex())
    return found


def test_docks_sit_right_with_the_tree_expanded(demo_window):
    window = demo_window
    docks = window.findChildren(QDockWidget)
    assert {d.objectName() for d in docks} == {"codebookDock", "definitionDock",
                                               "variablesDock"}
    for dock in docks:
        assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea
        assert dock.isVisible()
    # Every code is shown, the five post-level variables last at the top level.
    paths = visible_paths(window)
    assert paths == [c.path_text for c in window.project.codes.list()]
    assert len(paths) == 19
    assert paths[-5:] == ["Stance toward the West", "Topic", "Call to action",
                          "Mentioned countries", "Main claim"]


def test_filter_as_you_type_keeps_parents_and_restores_expansion(demo_window, qtbot):
    window = demo_window
    panel = window.codebook.panel
    framing = panel.proxy.mapFromSource(
        panel.model.index_of(window.project.codes.by_path("Framing").id))
    panel.tree.collapse(framing)
    qtbot.keyClicks(panel.filter_edit, "IRON")
    assert visible_paths(window) == ["Rhetoric", "Rhetoric/Irony and scare quotes"]
    panel.filter_edit.clear()
    qtbot.keyClicks(panel.filter_edit, "blam")
    assert visible_paths(window) == ["Framing", "Framing/Blame attribution"]
    panel.filter_edit.setText("west")  # variables are filtered like span codes
    assert visible_paths(window) == ["Stance toward the West"]
    panel.filter_edit.setText("framing")  # a parent's name matches its whole branch
    assert len(visible_paths(window)) == 6
    panel.filter_edit.setText("nothing like this")
    assert visible_paths(window) == []
    panel.filter_edit.clear()
    assert "Framing/Threat" not in visible_paths(window)  # collapsed again, as before
    assert len(visible_paths(window)) == 14  # 19 codes less Framing's 5 subcodes


def test_expansion_and_selection_survive_a_reset(codebook_window):
    window = codebook_window
    project, panel = window.project, window.codebook.panel
    framing = project.codes.by_path("Framing")
    rhetoric = project.codes.by_path("Rhetoric")
    panel.tree.collapse(panel.proxy.mapFromSource(panel.model.index_of(rhetoric.id)))
    panel.select_code(project.codes.by_path("Framing/Victimhood").id)
    before = visible_paths(window)
    panel.merge_code(project.codes.by_path("Framing/Threat").id,
                     project.codes.by_path("Framing/Victimhood").id)  # a reset
    assert visible_paths(window) == [p for p in before if p != "Framing/Threat"]
    window.undo_stack.undo()  # a reset again
    assert visible_paths(window) == before
    assert panel.tree.isExpanded(panel.proxy.mapFromSource(panel.model.index_of(framing.id)))


def test_definition_panel_follows_the_selection_and_edits(codebook_window):
    window = codebook_window
    project, panel = window.project, window.codebook.panel
    definition = window.codebook.definition
    threat = project.codes.by_path("Framing/Threat")
    panel.select_code(threat.id)
    text = definition.text()
    for expected in ("Framing/Threat", "Span code", "key 1", "#d62728", "Description",
                     "Presents an actor, weapon or development as a danger to the security",
                     "Include when", "Warnings of retaliation", "Examples",
                     "brings them closer to a point of no return"):
        assert expected in text
    panel.update_code(threat.id, inclusion="Explicit danger.", exclusion="Mere criticism.",
                      examples=("a grave threat", "menace"), memo="Ask B.")
    text = definition.text()
    for expected in ("Include when", "Explicit danger.", "Exclude when", "Mere criticism.",
                     "Examples", "a grave threat", "menace", "Memo", "Ask B."):
        assert expected in text
    assert "Warnings of retaliation" not in text and "point of no return" not in text
    voice = project.codes.by_path("Legitimation/Official voice")
    panel.update_code(voice.id, kind="variable", variable_type="ordinal",
                      levels=({"name": "low"}, {"name": "high", "description": "loud"}))
    definition.show_code(voice.id)  # as coding will, for the code under the cursor
    text = definition.text()
    assert "Variable (ordinal)" in text and "low" in text and "high — loud" in text
    panel.delete_code(voice.id)  # the tree selects its parent, and the panel follows
    assert definition.code is not None and definition.code.path_text == "Legitimation"
    assert "Official voice" not in definition.text()
    stance = project.codes.by_path("Stance toward the West")
    definition.show_code(stance.id)  # a variable of the demo, at the top level
    text = definition.text()
    for expected in ("Stance toward the West", "Variable (ordinal)", "#393b79",
                     "hostile — Accuses, threatens or denounces", "critical", "conciliatory"):
        assert expected in text
    panel.delete_code(stance.id)  # no parent to select: the panel empties
    assert definition.code is None and definition.text() == ""
    definition.show_code(None)
    assert definition.text() == ""


def test_changelog_lists_changes_newest_first(codebook_window):
    window = codebook_window
    project, panel = window.project, window.codebook.panel
    start = project.codes.version()
    threat = project.codes.by_path("Framing/Threat").id
    panel.rename_code(threat, "Danger")
    panel.recolour_code(threat, "#123456")
    assert window.codebook.version_label.text() == f"codebook v{start + 2}"
    window.undo_stack.undo()
    assert window.codebook.version_label.text() == f"codebook v{start + 3}"

    window.codebook.changelog_action.trigger()
    dialog = window.codebook.changelog_dialog
    assert dialog is not None and dialog.isVisible()
    model = dialog.model
    assert model.rowCount() == len(project.codes.changelog())
    rows = [[model.index(r, c).data() for c in Column] for r in range(3)]
    assert [row[Column.VERSION] for row in rows] == [str(start + 3), str(start + 2),
                                                    str(start + 1)]
    assert [row[Column.ACTION] for row in rows] == ["recolour", "recolour", "rename"]
    assert "Framing/Danger" in rows[2][Column.SUMMARY]
    assert rows[0][Column.AUTHOR] == project.actor
    latest = project.codes.changelog()[-1]
    assert rows[0][Column.TIME] == local_time(latest.at)
    assert model.headerData(Column.SUMMARY, Qt.Orientation.Horizontal) == "Summary"
    dialog.reject()
    assert window.codebook.changelog_dialog is None


def test_local_time_converts_from_utc():
    at = datetime(2024, 6, 25, 10, 0, tzinfo=UTC)
    assert local_time(at) == at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    assert local_time(at.replace(tzinfo=None)) == local_time(at)


def test_menus_hold_undo_redo_and_the_codebook_actions(codebook_window):
    window = codebook_window
    acts = window.menu_actions
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Codebook", "C&oding", "&Team", "&Go",
                      "&Help"]
    assert acts.undo.shortcut().toString() == "Ctrl+Z"
    assert [s.toString() for s in acts.redo.shortcuts()] == ["Ctrl+Shift+Z", "Ctrl+Y"]
    assert not acts.undo.isEnabled()
    texts = [a.text() for a in acts.codebook_menu.actions() if not a.isSeparator()]
    assert texts[:10] == ["&Load codebook file…", "&Export codebook…",
                          "&Add code…", "Add &subcode…", "&Rename", "&Colour…", "Short&cut…",
                          "Edit &definition…", "&Merge into…", "&Delete…"]
    assert "Change&log…" in texts
    panel = window.codebook.panel
    code = window.project.codes.by_path("Legitimation/Official voice")
    panel.recolour_code(code.id, "#000000")
    assert acts.undo.isEnabled() and acts.undo.text() == "&Undo edit colour"
    acts.undo.trigger()
    assert window.project.codes.get(code.id).colour == "#aec7e8"
    assert acts.redo.isEnabled()


def test_status_bar_shows_the_codebook_version_only_with_a_project(demo_window):
    window = demo_window
    assert window.codebook.version_label.text() == (
        f"codebook v{window.project.codes.version()}")
    window.close_project()
    assert window.codebook.version_label.text() == ""
    assert not window.codebook.changelog_action.isEnabled()
    assert window.codebook.show_changelog() is None
