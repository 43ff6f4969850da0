"""Who codes in the open project: asked once per project, remembered in the settings."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from annotator.core.errors import AnnotatorError
from annotator.core.model import Coder
from annotator.core.project import Project
from annotator.core.team.packages import package_coder
from annotator.ui.dialogs.coder_dialog import CoderDialog
from annotator.ui.errors import show_error
from annotator.ui.events import ProjectEvents
from annotator.ui.settings import Settings


class CoderChoice(QObject):
    """Keeps the current coder of the current project. GUI thread only.

    When a project is set, the coder remembered for its path (by uuid) is used;
    without one, :class:`CoderDialog` opens (window-modal, not blocking) and
    coding stays disabled until a coder is chosen. A coder package is always coded by
    the coder it was made for: that coder is chosen at once and no other is offered.
    """

    coder_changed = Signal(object)
    """coder_changed(coder: Coder | None): the current coder changed (None: nobody codes)."""

    def __init__(self, window: QWidget, settings: Settings, events: ProjectEvents) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._events = events
        self._project: Project | None = None
        self._coder: Coder | None = None
        self._package_coder: Coder | None = None
        self.dialog: CoderDialog | None = None

    @property
    def coder(self) -> Coder | None:
        return self._coder

    def ask(self) -> CoderDialog | None:
        """Open the coder chooser for the current project; ``None`` without a project."""
        project = self._project
        if project is None:
            return None
        if self._package_coder is not None:
            self._explain_package(self._package_coder)
            return None
        if self.dialog is not None:
            self.dialog.reject()
        dialog = CoderDialog(project.path.name, project.coders.list(),
                             self._coder.id if self._coder is not None else None, self._window)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        dialog.open()
        return dialog

    def choose(self, choice: int | str) -> Coder | None:
        """Make coder ``choice`` (an id, or the name of a new coder) current and remember it."""
        project = self._project
        if project is None:
            return None
        if self._package_coder is not None and choice != self._package_coder.id:
            self._explain_package(self._package_coder)
            return None
        try:
            if isinstance(choice, str):
                coder, changes = project.coders.create(choice)
                self._events.changed.emit(changes)
            else:
                coder = project.coders.get(choice)
        except AnnotatorError as exc:
            show_error(self._window, exc)
            return None
        self._settings.set_project_coder(project.path, coder.uuid)
        self._set_coder(coder)
        return coder

    def _on_dialog_finished(self, result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is None:
            return
        choice = dialog.choice()
        if result == QDialog.DialogCode.Accepted and choice is not None:
            self.choose(choice)
        dialog.deleteLater()

    def set_project(self, project: Project | None) -> None:
        """Follow the current project: use its remembered coder, or ask who codes."""
        if self.dialog is not None:
            self.dialog.reject()
        self._project = project
        self._package_coder = package_coder(project) if project is not None else None
        if project is not None and self._package_coder is not None:
            self._settings.set_project_coder(project.path, self._package_coder.uuid)
            self._set_coder(self._package_coder)
            return
        self._set_coder(self._remembered(project) if project is not None else None)
        if project is not None and self._coder is None:
            self.ask()

    def _remembered(self, project: Project) -> Coder | None:
        uuid = self._settings.project_coder(project.path)
        if uuid is None:
            return None
        return next((c for c in project.coders.list() if c.uuid == uuid), None)

    def _explain_package(self, coder: Coder) -> None:
        QMessageBox(QMessageBox.Icon.Information, self.tr("Coder package"), self.tr(
            "This file is a coder package for {name}: it is coded as {name} only. Your work "
            "goes back into the main project when the package is merged."
        ).format(name=coder.name), QMessageBox.StandardButton.Ok, self._window).exec()

    def _set_coder(self, coder: Coder | None) -> None:
        self._coder = coder
        if self._project is not None and coder is not None:
            self._project.actor = coder.name  # names the coder in the codebook changelog
        self.coder_changed.emit(coder)
