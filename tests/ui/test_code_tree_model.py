"""The code tree model: Qt's model tests, narrow refreshes, drag-and-drop moves, filtering."""

from __future__ import annotations

import json

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from annotator.core.changes import Changes
from annotator.ui.models.code_structure import Structure
from annotator.ui.models.code_tree import MIME_TYPE, CodeRole, CodeTreeModel, Column
from tests.ui.codebook_support import tree_paths

MOVE = Qt.DropAction.MoveAction


def test_model_passes_qt_model_tester(qtmodeltester, demo_project):
    model = CodeTreeModel(lambda op: None)
    model.set_source(demo_project.codes)
    qtmodeltester.check(model, force_py=True)
    # Three groups of span codes, then the five post-level variables, all at the top level.
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [
        "Framing", "Rhetoric", "Legitimation", "Stance toward the West", "Topic",
        "Call to action", "Mentioned countries", "Main claim"]
    framing = model.index(0, 0)
    assert framing.data() == "Framing"
    assert model.rowCount(framing) == 5
    threat = model.index(0, Column.NAME, framing)
    assert threat.parent() == framing
    assert threat.data(CodeRole.PATH) == "Framing/Threat"
    assert model.index(0, Column.SHORTCUT, framing).data() == "1"
    assert threat.data(Qt.ItemDataRole.DecorationRole).name() == "#d62728"
    assert "danger to the security" in threat.data(Qt.ItemDataRole.ToolTipRole)
    assert threat.data(CodeRole.KIND) == "span"
    stance = model.index(3, Column.NAME)
    assert stance.data(CodeRole.PATH) == "Stance toward the West"
    assert stance.data(CodeRole.KIND) == "variable"
    assert model.rowCount(stance) == 0  # variables have no children (their levels are no rows)
    assert model.index(3, Column.SHORTCUT).data() == ""
    assert stance.data(Qt.ItemDataRole.DecorationRole).name() == "#393b79"
    assert model.headerData(Column.SHORTCUT, Qt.Orientation.Horizontal) == "Key"


def test_panel_models_pass_the_model_tester_through_edits(codebook_window, qtmodeltester,
                                                          pytestconfig):
    window = codebook_window
    panel = window.codebook.panel
    proxy_tester = ModelTester(pytestconfig)  # one tester follows one model
    qtmodeltester.check(panel.model, force_py=True)
    proxy_tester.check(panel.proxy, force_py=True)
    framing = window.project.codes.by_path("Framing").id
    added = panel.add_code("Extra", framing)
    panel.rename_code(added, "Extra 2")
    panel.delete_code(window.project.codes.by_path("Rhetoric/Irony and scare quotes").id)
    panel.filter_edit.setText("o")
    window.undo_stack.undo()
    qtmodeltester.check(panel.model, force_py=True)
    proxy_tester.check(panel.proxy, force_py=True)


def drag(model: CodeTreeModel, code_id: int) -> QMimeData:
    data = model.mimeData([model.index_of(code_id), model.index_of(code_id, Column.SHORTCUT)])
    assert data.formats() == [MIME_TYPE]
    assert json.loads(bytes(data.data(MIME_TYPE).data())) == [code_id]
    return data


def test_drop_moves_under_another_code_and_undo_moves_back(codebook_window, qtbot):
    window = codebook_window
    project, panel = window.project, window.codebook.panel
    model = panel.model
    threat = project.codes.by_path("Framing/Threat")
    rhetoric = project.codes.by_path("Rhetoric")
    data = drag(model, threat.id)
    assert model.canDropMimeData(data, MOVE, 1, 0, model.index_of(rhetoric.id))
    with qtbot.waitSignal(model.rowsMoved), qtbot.assertNotEmitted(model.modelReset):
        assert model.dropMimeData(data, MOVE, 1, 0, model.index_of(rhetoric.id))
    moved = project.codes.get(threat.id)
    assert moved.path_text == "Rhetoric/Threat"
    assert [c.name for c in project.codes.list() if c.parent_id == rhetoric.id] == [
        "Whataboutism", "Threat", "Irony and scare quotes", "Labelling"]
    assert model.index_of(threat.id).parent() == model.index_of(rhetoric.id)
    assert model.index_of(threat.id).row() == 1
    assert model.index_of(threat.id).data(CodeRole.PATH) == "Rhetoric/Threat"
    assert window.undo_stack.undoText() == "move code"

    with qtbot.waitSignal(model.rowsMoved):
        window.undo_stack.undo()
    assert project.codes.get(threat.id).path_text == "Framing/Threat"
    assert project.codes.get(threat.id).position == 0
    assert model.index_of(threat.id).row() == 0
    window.undo_stack.redo()
    assert project.codes.get(threat.id).path_text == "Rhetoric/Threat"


def test_drop_reorders_siblings_and_onto_the_top_level(codebook_window):
    window = codebook_window
    project, model = window.project, window.codebook.panel.model
    framing = project.codes.by_path("Framing")
    threat = project.codes.by_path("Framing/Threat")
    # Dropped before the 4th sibling (row 3): Qt counts the dragged row, the core does not.
    assert model.dropMimeData(drag(model, threat.id), MOVE, 3, 0, model.index_of(framing.id))
    assert [c.name for c in project.codes.list() if c.parent_id == framing.id] == [
        "Blame attribution", "Victimhood", "Threat", "Friendship and alliance",
        "Multipolar world order"]
    # Dropped on the viewport: last at the top level, after the variables.
    assert model.dropMimeData(drag(model, threat.id), MOVE, -1, -1, QModelIndex())
    assert tree_paths(project)[-1] == "Threat"
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [
        "Framing", "Rhetoric", "Legitimation", "Stance toward the West", "Topic",
        "Call to action", "Mentioned countries", "Main claim", "Threat"]
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert project.codes.get(threat.id).position == 0


def test_drops_that_are_no_move_or_not_allowed_are_refused(codebook_window):
    window = codebook_window
    project, model = window.project, window.codebook.panel.model
    framing = project.codes.by_path("Framing")
    threat = project.codes.by_path("Framing/Threat")
    data = drag(model, framing.id)
    assert not model.canDropMimeData(data, MOVE, 0, 0, model.index_of(threat.id))
    assert not model.dropMimeData(data, MOVE, 0, 0, model.index_of(framing.id))
    assert not model.canDropMimeData(drag(model, threat.id), MOVE, 0, 0,
                                     model.index_of(framing.id))  # already there
    assert not model.canDropMimeData(drag(model, threat.id), Qt.DropAction.CopyAction, 0, 0,
                                     QModelIndex())
    junk = QMimeData()
    junk.setData(MIME_TYPE, QByteArray(b"not json"))
    assert not model.canDropMimeData(junk, MOVE, 0, 0, QModelIndex())
    assert window.undo_stack.count() == 0


def test_drop_through_the_filter_proxy_maps_rows(codebook_window):
    window = codebook_window
    project, panel = window.project, window.codebook.panel
    irony = project.codes.by_path("Rhetoric/Irony and scare quotes")
    panel.filter_edit.setText("i")  # hides nothing that matters here; rows map through
    proxy = panel.proxy
    framing = proxy.mapFromSource(panel.model.index_of(project.codes.by_path("Framing").id))
    data = proxy.mimeData([proxy.mapFromSource(panel.model.index_of(irony.id))])
    assert proxy.dropMimeData(data, MOVE, 0, 0, framing)
    assert project.codes.get(irony.id).path_text == "Framing/Irony and scare quotes"
    assert project.codes.get(irony.id).position == 0


def test_external_changes_refresh_narrowly(demo_project, qtbot):
    model = CodeTreeModel()
    model.set_source(demo_project.codes)
    framing = demo_project.codes.by_path("Framing")
    with qtbot.waitSignal(model.dataChanged) as changed, qtbot.assertNotEmitted(model.modelReset):
        model.refresh(demo_project.codes.update(framing.id, colour="#000000"))
    assert changed.args[0] == model.index_of(framing.id)
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        code, changes = demo_project.codes.add("New", framing.id)
        model.refresh(changes)
    assert inserted.args[0] == model.index_of(framing.id)
    assert inserted.args[1] == 5
    with qtbot.assertNotEmitted(model.layoutChanged), qtbot.assertNotEmitted(model.dataChanged):
        model.refresh(Changes(posts=frozenset({1})))  # not about codes
    with qtbot.waitSignal(model.modelReset):  # a merge reshapes the tree: reset
        model.refresh(demo_project.codes.merge(framing.id, demo_project.codes.by_path(
            "Rhetoric").id))
    assert [c.path_text for c in model.codes()] == tree_paths(demo_project)
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable  # read-only model


def test_structure_finds_single_edits():
    def shape(pairs: list[tuple[int, int | None]]) -> Structure:
        from annotator.core.model import Code

        return Structure.of(Code(i, str(i), parent, str(i), "", None, None, 0, (str(i),))
                            for i, parent in pairs)

    tree = shape([(1, None), (2, 1), (3, 1), (4, None)])
    assert shape([(1, None), (2, 1), (3, 1), (5, 3), (4, None)]).single_insert(tree) == 5
    assert shape([(4, None)]).single_removal(tree) == 1
    assert shape([(1, None), (3, 1), (2, 1), (4, None)]).single_move(tree) in (2, 3)
    assert shape([(1, None), (3, 1), (4, None), (2, 4)]).single_move(tree) == 2
    swapped = shape([(1, None), (3, 1), (4, None), (2, None)])
    assert swapped.single_insert(tree) is None and swapped.single_removal(tree) is None
