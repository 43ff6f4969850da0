"""Codebook > Load codebook file… and Export codebook… in the main window."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from annotator.core.codebook.exchange import export_spec
from annotator.core.codebook.files import write_codebook
from annotator.core.project import Project
from annotator.core.spans import Span
from annotator.ui.dialogs.codebook_load_dialog import CodebookLoadDialog
from tests.conftest import DATA


def accept(dialog: CodebookLoadDialog) -> bool:
    return True


def test_a_file_with_problems_is_listed_and_changes_nothing(demo_window, message_boxes):
    files = demo_window.codebook.files
    before = demo_window.project.codes.version()
    assert not files.load_file(DATA / "codebooks" / "many-errors.yaml", accept)
    [box] = message_boxes
    assert box.icon == QMessageBox.Icon.Warning
    assert "problem(s)" in box.text and "many-errors.yaml" in box.text
    assert len(box.details.splitlines()) > 3
    assert all(":" in line for line in box.details.splitlines())
    assert demo_window.project.codes.version() == before


def test_export_then_load_elsewhere_with_a_removal_choice(demo_window, make_window, tmp_path):
    project: Project = demo_window.project
    coder, _ = project.coders.create("Ann")
    irony = project.codes.by_path("Rhetoric/Irony and scare quotes")
    project.annotations.add(project.posts.ids()[0], irony.id, coder.id, Span(0, 4))
    exported = tmp_path / "book.qdc"
    assert demo_window.codebook.files.export_file(exported) is not None
    assert exported.read_text(encoding="utf-8").startswith("<?xml")

    spec = export_spec(project.sessions)
    rhetoric = next(c for c in spec.codes if c.name == "Rhetoric")
    smaller = replace(spec, codes=tuple(
        replace(c, children=tuple(k for k in c.children if k.uuid != irony.uuid))
        if c is rhetoric else c for c in spec.codes))
    edited = tmp_path / "edited.yaml"
    write_codebook(smaller, edited)
    seen: list[CodebookLoadDialog] = []

    def choose_merge(dialog: CodebookLoadDialog) -> bool:
        seen.append(dialog)
        assert dialog.needs_choice
        index = dialog.target_combo.findText("Rhetoric/Whataboutism")
        dialog.target_combo.setCurrentIndex(index)
        return True

    assert demo_window.codebook.files.load_file(edited, choose_merge)
    text = seen[0].changes_view.toPlainText()
    assert "removed: Rhetoric/Irony and scare quotes (1 annotation(s)" in text
    [annotation] = project.annotations.all()
    assert project.codes.get(annotation.code_id).path_text == "Rhetoric/Whataboutism"
    assert demo_window.undo_stack.count() == 0


def test_cancel_changes_nothing(demo_window, tmp_path):
    project: Project = demo_window.project
    path = tmp_path / "same.json"
    write_codebook(export_spec(project.sessions), path)
    before = project.codes.version()
    assert not demo_window.codebook.files.load_file(path, lambda dialog: False)
    assert project.codes.version() == before


def test_menu_has_the_file_actions(demo_window):
    texts = [a.text() for a in demo_window.codebook.files.actions()]
    assert texts == ["&Load codebook file…", "&Export codebook…"]
    assert all(a.isEnabled() for a in demo_window.codebook.files.actions())


def test_variables_take_no_subcodes_in_the_tree(demo_window):
    panel = demo_window.codebook.panel
    model = panel.model
    stance = demo_window.project.codes.by_path("Stance toward the West")
    threat = demo_window.project.codes.by_path("Framing/Threat")
    stance_index = next(model.index(r, 0) for r in range(model.rowCount())
                        if model.code(model.index(r, 0)).id == stance.id)
    assert not model.flags(stance_index) & Qt.ItemFlag.ItemIsDropEnabled
    panel.select_code(stance.id)
    assert not panel.add_subcode_action.isEnabled()
    panel.select_code(threat.id)
    assert panel.add_subcode_action.isEnabled()
