"""Codebook → Load codebook file… and Export codebook…: YAML, JSON and REFI-QDA ``.qdc``.

A file with problems is refused with every problem listed; a valid file is
compared with the project first and loaded only after the user confirms (and
says where the coded work of removed codes goes).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from annotator.core.codebook.exchange import RemovalRefused, apply_spec, export_spec
from annotator.core.codebook.files import read_codebook, write_codebook
from annotator.core.codebook.io import CodebookInvalid
from annotator.core.errors import AnnotatorError
from annotator.core.project import Project
from annotator.ui.commands import UndoHistory
from annotator.ui.dialogs.codebook_load_dialog import CodebookLoadDialog
from annotator.ui.errors import show_error
from annotator.ui.events import ProjectEvents

Decide = Callable[[CodebookLoadDialog], bool]
"""Shows the confirmation dialog and returns whether the user accepted (injectable)."""

def _exec(dialog: CodebookLoadDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


class CodebookFiles(QObject):
    """The load and export actions of the Codebook menu, on the current project."""

    def __init__(self, window: QWidget, events: ProjectEvents, history: UndoHistory) -> None:
        super().__init__(window)
        self._window = window
        self._events = events
        self._history = history
        self._project: Project | None = None
        self.load_action = QAction(self.tr("&Load codebook file…"), window)
        self.export_action = QAction(self.tr("&Export codebook…"), window)
        self.load_action.triggered.connect(self._on_load_triggered)
        self.export_action.triggered.connect(self._on_export_triggered)
        events.project_opened.connect(self._on_events_project_opened)
        events.project_closed.connect(self._on_events_project_closed)
        self._enable()

    def actions(self) -> list[QAction]:
        return [self.load_action, self.export_action]

    def load_file(self, path: Path, decide: Decide = _exec) -> bool:
        """Load ``path`` after confirmation; returns whether the codebook was replaced."""
        project = self._project
        if project is None:
            return False
        try:
            read = read_codebook(path)
        except CodebookInvalid as exc:
            self.problems_box(exc).exec()
            return False
        except AnnotatorError as exc:
            show_error(self._window, exc)
            return False
        actor = lambda: project.actor  # noqa: E731 - read when the load happens
        try:
            diff, _ = apply_spec(project.sessions, read.spec, actor, dry_run=True)
        except RemovalRefused as refused:
            diff = refused.diff
        dialog = CodebookLoadDialog(path.name, diff, read.spec, read.notes, self._window)
        if not decide(dialog):
            return False
        try:
            _diff, changes = apply_spec(project.sessions, read.spec, actor,
                                        merge_into=dialog.merge_into(),
                                        delete_removed=dialog.delete_removed())
        except AnnotatorError as exc:
            show_error(self._window, exc)
            return False
        self._history.stack.clear()  # the steps on it may name codes the file replaced
        self._events.changed.emit(changes)
        return True

    def export_file(self, path: Path) -> tuple[str, ...] | None:
        """Write the codebook to ``path``; returns what the format could not carry."""
        if self._project is None:
            return None
        try:
            return write_codebook(export_spec(self._project.sessions), path)
        except (AnnotatorError, OSError) as exc:
            show_error(self._window, exc)
            return None

    def problems_box(self, exc: CodebookInvalid) -> QMessageBox:
        """A box listing every problem of a codebook file (not shown yet)."""
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Codebook not loaded"))
        box.setText(self.tr("“{name}” has {count} problem(s); the codebook was not changed.")
                    .format(name=exc.path.name, count=len(exc.problems)))
        listing = exc.listing()
        box.setInformativeText("\n".join(listing[:12]) + ("\n…" if len(listing) > 12 else ""))
        box.setDetailedText("\n".join(listing))
        return box

    def _on_load_triggered(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self._window, self.tr("Load codebook file"), "",
                                              self._file_filter())
        if name:
            self.load_file(Path(name))

    def _file_filter(self) -> str:
        return self.tr("Codebooks (*.yaml *.yml *.json *.qdc);;REFI-QDA codebook (*.qdc);;"
                       "All files (*)")

    def _on_export_triggered(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self._window, self.tr("Export codebook"),
                                              "codebook.yaml", self._file_filter())
        if not name:
            return
        notes = self.export_file(Path(name))
        if notes:
            QMessageBox.information(self._window, self.tr("Codebook exported"), self.tr(
                "Written. What this format could not carry:\n{notes}").format(
                notes="\n".join(f"• {n}" for n in notes)))

    def _on_events_project_opened(self, project: Project) -> None:
        self._project = project
        self._enable()

    def _on_events_project_closed(self) -> None:
        self._project = None
        self._enable()

    def _enable(self) -> None:
        for action in self.actions():
            action.setEnabled(self._project is not None)
