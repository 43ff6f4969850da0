"""OperationCommand and the undo history: one stack per project, failures kept consistent."""

from __future__ import annotations

import importlib
import pkgutil

from PySide6.QtGui import QUndoCommand

from annotator import ui
from annotator.core.annotations.operations import AddAnnotation, UpdateAnnotation
from annotator.core.changes import Changes
from annotator.core.codebook.operations import UpdateCode
from annotator.core.spans import Span
from annotator.ui.commands import OperationCommand


def test_operation_command_is_the_only_undo_command_subclass():
    for module in pkgutil.walk_packages(ui.__path__, "annotator.ui."):
        importlib.import_module(module.name)
    ours = [c for c in QUndoCommand.__subclasses__() if c.__module__.startswith("annotator")]
    assert ours == [OperationCommand]


def test_perform_applies_once_and_emits_the_changes_each_step(demo_window, qtbot):
    window = demo_window
    codes = window.project.codes
    code = codes.by_path("Legitimation/Official voice")
    version = codes.version()
    with qtbot.waitSignal(window.events.changed) as emitted:
        changes = window.history.perform(UpdateCode(code.id, {"memo": "m"}))
    assert changes == emitted.args[0] == Changes(codes=frozenset({code.id}))
    assert codes.version() == version + 1  # applied once, not again by push()
    assert window.undo_stack.count() == 1 and window.undo_stack.undoText() == "edit memo"
    with qtbot.waitSignal(window.events.changed) as emitted:
        window.undo_stack.undo()
    assert emitted.args[0].codes == {code.id}
    assert codes.get(code.id).memo == ""
    with qtbot.waitSignal(window.events.changed):
        window.undo_stack.redo()
    assert codes.get(code.id).memo == "m"


def test_a_refused_operation_is_shown_and_not_stacked(demo_window, message_boxes):
    window = demo_window
    code = window.project.codes.by_path("Legitimation/Official voice")
    assert window.history.perform(UpdateCode(code.id, {"colour": "red"})) is None
    assert window.undo_stack.count() == 0
    assert message_boxes[-1].text.startswith("The change was refused: colour 'red'")


def test_a_failing_undo_is_shown_and_clears_the_history(demo_window, message_boxes, qtbot):
    window = demo_window
    codes = window.project.codes
    threat = codes.by_path("Framing/Threat")
    panel = window.codebook.panel
    assert panel.rename_code(threat.id, "Danger")
    codes.add("Threat", threat.parent_id)  # behind the history's back: undo now clashes
    window.undo_stack.undo()
    assert "already exists" in message_boxes[-1].text
    assert codes.get(threat.id).name == "Danger"  # the failed step changed nothing
    qtbot.waitUntil(lambda: window.undo_stack.count() == 0)
    assert not window.menu_actions.undo.isEnabled()
    assert not window.menu_actions.redo.isEnabled()


def test_history_is_per_project(demo_window, demo_project, make_window):
    window = demo_window
    panel = window.codebook.panel
    code = window.project.codes.by_path("Legitimation/Official voice")
    panel.recolour_code(code.id, "#000000")
    assert window.undo_stack.count() == 1
    assert window.open_project(demo_project.path)  # reopening starts a new history
    assert window.undo_stack.count() == 0
    panel.recolour_code(code.id, "#111111")
    window.close_project()
    assert window.undo_stack.count() == 0
    assert window.history.project is None
    assert window.history.perform(UpdateCode(code.id, {"memo": "x"})) is None


def test_consecutive_boundary_moves_of_one_annotation_merge(coding_window):
    window = coding_window
    project, history, stack = window.project, window.history, window.undo_stack
    post_id = project.posts.ids()[2]
    code_id = project.codes.by_path("Framing/Threat").id
    coder_id = window.coding.coder.id
    first = AddAnnotation(post_id, code_id, coder_id, Span(2, 10))
    second = AddAnnotation(post_id, code_id, coder_id, Span(20, 30))
    history.perform(first)
    history.perform(second)
    a, b = first.created.id, second.created.id
    history.perform(UpdateAnnotation(a, span=Span(2, 11)))
    history.perform(UpdateAnnotation(a, span=Span(1, 11)))
    assert stack.count() == 3 and stack.undoText() == "adjust an annotation"
    history.perform(UpdateAnnotation(b, span=Span(20, 31)))  # another annotation
    history.perform(UpdateAnnotation(b, memo="note"))  # not a boundary move
    history.perform(UpdateAnnotation(b, span=Span(20, 32)))
    assert stack.count() == 6
    stack.undo()
    stack.undo()
    assert project.annotations.get(b).span == Span(20, 31)
    stack.undo()
    stack.undo()
    assert project.annotations.get(a).span == Span(2, 10)  # both moves undone at once
    stack.redo()
    assert project.annotations.get(a).span == Span(1, 11)
