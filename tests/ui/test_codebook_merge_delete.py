"""Merging and deleting codes with annotations on them, and undoing both exactly."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from annotator.core.errors import NotFound
from annotator.core.project import Project
from tests.ui.codebook_support import annotate, code_ids_of, tree_paths


def test_merge_moves_annotations_and_undo_puts_them_back(codebook_window):
    window = codebook_window
    project, panel, stack = window.project, window.codebook.panel, window.undo_stack
    threat = project.codes.by_path("Framing/Threat")
    victim = project.codes.by_path("Framing/Victimhood")
    on_threat = [annotate(project, "Framing/Threat", 0, 0, 5),
                 annotate(project, "Framing/Threat", 1, 2, 8)]
    on_victim = annotate(project, "Framing/Victimhood", 2, 0, 4)
    before = code_ids_of(project)

    panel.select_code(threat.id)
    panel.prompts.answers["merge_target"] = victim.id
    panel.merge_action.trigger()
    _, (source, candidates, own) = panel.prompts.asked[-1]
    assert source.id == threat.id
    paths = [c.path_text for c in candidates]
    assert "Framing/Threat" not in paths and "Framing" in paths
    assert "Legitimation/Official voice" in paths
    assert not {"Stance toward the West", "Topic", "Call to action", "Mentioned countries",
                "Main claim"} & set(paths)  # a span code is never merged into a variable
    assert own.annotations == 2
    assert code_ids_of(project) == {on_threat[0].id: victim.id, on_threat[1].id: victim.id,
                                    on_victim.id: victim.id}
    with pytest.raises(NotFound):
        project.codes.get(threat.id)
    assert panel.current_code_id() == victim.id
    assert panel.model.code_by_id(threat.id) is None

    stack.undo()
    assert code_ids_of(project) == before
    assert project.codes.get(threat.id).path_text == "Framing/Threat"
    assert panel.model.index_of(threat.id).isValid()
    stack.redo()
    assert set(code_ids_of(project).values()) == {victim.id}
    with Project.open(project.path) as fresh:
        assert {a.code_id for a in fresh.annotations.all()} == {victim.id}


def test_merge_into_a_subcode_is_not_offered_and_refused(codebook_window, message_boxes):
    window = codebook_window
    project, panel = window.project, window.codebook.panel
    framing = project.codes.by_path("Framing")
    threat = project.codes.by_path("Framing/Threat")
    panel.select_code(framing.id)
    panel.prompts.answers["merge_target"] = None
    panel.merge_action.trigger()
    _, (_, candidates, _) = panel.prompts.asked[-1]
    assert threat.id not in {c.id for c in candidates}
    assert not panel.merge_code(framing.id, threat.id)
    assert "cannot be merged" in message_boxes[-1].text
    assert window.undo_stack.count() == 0


def test_delete_states_the_counts_and_undo_restores_annotations_with_their_ids(
    codebook_window, message_boxes
):
    window = codebook_window
    project, panel, stack = window.project, window.codebook.panel, window.undo_stack
    annotations = [annotate(project, "Framing/Threat", 0, 0, 5),
                   annotate(project, "Framing/Threat", 1, 0, 5),
                   annotate(project, "Framing/Victimhood", 2, 1, 4)]
    kept = annotate(project, "Legitimation/Official voice", 3, 0, 5)
    before_paths, before = tree_paths(project), code_ids_of(project)
    framing = project.codes.by_path("Framing")

    panel.select_code(framing.id)
    panel.delete_action.trigger()
    box = message_boxes[-1]
    assert box.icon == QMessageBox.Icon.Warning
    assert box.text == ("Delete “Framing”? 3 annotation(s) and 0 post value(s) on 6 code(s) "
                        "will be deleted.")
    assert code_ids_of(project) == {kept.id: kept.code_id}
    assert not [p for p in tree_paths(project) if p.startswith("Framing")]
    assert panel.model.index_of(framing.id).isValid() is False
    assert window.post_model.rowCount() == 18

    stack.undo()
    assert code_ids_of(project) == before
    assert tree_paths(project) == before_paths
    restored = {a.id: a for a in project.annotations.all()}
    for annotation in annotations:
        assert restored[annotation.id].span == annotation.span
        assert restored[annotation.id].coder_id == annotation.coder_id
    assert [c.path_text for c in panel.model.codes()] == before_paths
    stack.redo()
    assert code_ids_of(project) == {kept.id: kept.code_id}


def test_delete_is_only_done_after_confirmation(codebook_window, monkeypatch, message_boxes):
    window = codebook_window
    project, panel = window.project, window.codebook.panel
    annotate(project, "Legitimation/Official voice", 0, 0, 5)
    code = project.codes.by_path("Legitimation/Official voice")
    monkeypatch.setattr(QMessageBox, "exec",
                        lambda box: int(QMessageBox.StandardButton.Cancel.value))
    panel.select_code(code.id)
    panel.delete_action.trigger()
    assert project.codes.get(code.id).path_text == "Legitimation/Official voice"
    assert project.annotations.count() == 1
    assert window.undo_stack.count() == 0


def test_delete_of_a_leaf_removes_one_row_and_selects_the_parent(codebook_window, qtbot):
    window = codebook_window
    project, panel = window.project, window.codebook.panel
    irony = project.codes.by_path("Rhetoric/Irony and scare quotes")
    panel.select_code(irony.id)
    with qtbot.waitSignal(panel.model.rowsRemoved), qtbot.assertNotEmitted(
            panel.model.modelReset):
        panel.delete_action.trigger()
    assert panel.current_code_id() == irony.parent_id
    assert window.codebook.definition.code.id == irony.parent_id
