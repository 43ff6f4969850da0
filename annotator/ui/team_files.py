"""Team → Create coder packages… and Team → Merge coder packages…, and the window title of
a package.

:class:`TeamFiles` belongs to the main window. Writing packages and merging run as one
:class:`~annotator.ui.progress_run.ProgressRun` at a time on the window's writer pool;
the window counts as busy meanwhile, so the project can be neither closed nor swapped.
A merge is not an undoable step: it writes a backup first, clears the undo history (its
steps may name annotations the merge replaced) and reports where the backup is.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from annotator.core.model import Coder
from annotator.core.progress import Cancelled, CancelToken
from annotator.core.project import PROJECT_SUFFIX, Project
from annotator.core.team.merge import MergePlan, MergeSummary
from annotator.core.team.merge_apply import apply_merge
from annotator.core.team.packages import (
    PackageSummary,
    assigned_post_counts,
    package_coder,
    write_packages,
)
from annotator.ui.dialogs.package_dialog import PackageDialog, PackageRequest
from annotator.ui.dialogs.package_merge_dialog import PackageMergeDialog
from annotator.ui.errors import show_error
from annotator.ui.progress_run import ProgressRun

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow


class TeamFiles(QObject):
    """Coder packages out of and back into ``window``'s project; GUI thread only.

    Adds its two actions to ``menu`` and enables them itself (see :meth:`update_state`).
    """

    busy_changed = Signal()
    """busy_changed(): a run started or ended (see :meth:`busy`)."""

    packages_finished = Signal(object)
    """packages_finished(result: list[PackageSummary] | BaseException): writing packages
    ended and the result or error was shown (on failure no package file remains)."""

    merge_finished = Signal(object)
    """merge_finished(result: MergeSummary | BaseException): a merge ended and its summary
    or error was shown (on failure the project is unchanged)."""

    def __init__(self, window: MainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self._window = window
        self.create_action = QAction(self.tr("Create coder &packages…"), window)
        self.merge_action = QAction(self.tr("&Merge coder packages…"), window)
        existing = menu.actions()
        if existing and not existing[-1].isSeparator():  # next to the assignment entries
            menu.addSeparator()
        menu.addAction(self.create_action)
        menu.addAction(self.merge_action)
        self.package_dialog: PackageDialog | None = None
        self.merge_dialog: PackageMergeDialog | None = None
        self.run: ProgressRun | None = None
        self._package_coder: Coder | None = None
        self._closed = False
        self.create_action.triggered.connect(self._on_create_action_triggered)
        self.merge_action.triggered.connect(self._on_merge_action_triggered)
        window.events.project_opened.connect(self._on_events_project_opened)
        window.events.project_closed.connect(self._on_events_project_closed)

    def busy(self) -> bool:
        return self.run is not None

    def window_title(self, file_name: str) -> str:
        """The main window's title for the open file (a package names its coder)."""
        if self._package_coder is not None:
            return self.tr("{name} — package for {coder} — Annotator").format(
                name=file_name, coder=self._package_coder.name)
        return self.tr("{name} — Annotator").format(name=file_name)

    def update_state(self, enabled: bool) -> None:
        """Enable the actions when ``enabled`` (a project is open, nothing runs) and the
        open file is a project, not a package."""
        allowed = enabled and self._package_coder is None
        self.create_action.setEnabled(allowed)
        self.merge_action.setEnabled(allowed)

    def show_package_dialog(self) -> PackageDialog | None:
        """Open the package dialog (window-modal, not blocking); its Create button starts
        :meth:`write_packages`. ``None`` without a project, for a package, or while busy."""
        project = self._usable_project()
        if project is None or self.package_dialog is not None:
            return None
        dialog = PackageDialog(project.path, project.coders.list(),
                               assigned_post_counts(project), project.path.parent, self._window)
        dialog.packages_requested.connect(self._on_package_dialog_packages_requested)
        dialog.finished.connect(self._on_package_dialog_finished)
        self.package_dialog = dialog
        dialog.open()
        return dialog

    def write_packages(self, request: PackageRequest, cancel: CancelToken | None = None
                       ) -> ProgressRun | None:
        """Start writing one package per coder of ``request`` off the GUI thread."""
        project = self._usable_project()
        if project is None:
            return None
        work = partial(write_packages, project, list(request.coder_ids), request.folder,
                       all_posts=request.all_posts)
        run = ProgressRun(work, self.tr("Coder packages"),
                          self.tr("Writing {count} coder package(s)…").format(
                              count=len(request.coder_ids)), self._window, cancel)
        run.succeeded.connect(self._on_packages_succeeded)
        run.failed.connect(self._on_packages_failed)
        self._start(run)
        return run

    def show_merge_dialog(self, paths: Sequence[Path]) -> PackageMergeDialog | None:
        """Open the merge preview for ``paths`` (window-modal, not blocking); its Merge
        button starts :meth:`merge`. ``None`` without a project, for a package, or while
        busy."""
        project = self._usable_project()
        if project is None or self.merge_dialog is not None:
            return None
        dialog = PackageMergeDialog(project, paths, self._window)
        dialog.merge_requested.connect(self._on_merge_dialog_merge_requested)
        dialog.finished.connect(self._on_merge_dialog_finished)
        self.merge_dialog = dialog
        dialog.open()
        return dialog

    def merge(self, plan: MergePlan, cancel: CancelToken | None = None) -> ProgressRun | None:
        """Start merging the checked ``plan`` into the project off the GUI thread."""
        project = self._usable_project()
        if project is None:
            return None
        run = ProgressRun(partial(apply_merge, project, plan), self.tr("Merge"),
                          self.tr("Merging {count} coder package(s)…").format(
                              count=len(plan.packages)), self._window, cancel)
        run.succeeded.connect(self._on_merge_succeeded)
        run.failed.connect(self._on_merge_failed)
        self._start(run)
        return run

    def shutdown(self) -> None:
        """Close the dialogs and cancel the run (the window is closing); the caller waits
        for the pool."""
        self._closed = True
        self._close_dialogs()
        if self.run is not None:
            self.run.cancel()

    # Slots

    def _on_create_action_triggered(self) -> None:
        self.show_package_dialog()

    def _on_merge_action_triggered(self) -> None:
        project = self._usable_project()
        if project is None:
            return
        names, _ = QFileDialog.getOpenFileNames(
            self._window, self.tr("Coder packages to merge"), str(project.path.parent),
            self.tr("Annotator projects (*{suffix})").format(suffix=PROJECT_SUFFIX))
        if names:
            self.show_merge_dialog([Path(name) for name in names])

    def _on_package_dialog_packages_requested(self, request: PackageRequest) -> None:
        self.package_dialog = None  # closing
        self.write_packages(request)

    def _on_package_dialog_finished(self) -> None:
        dialog = self.sender()
        if dialog is self.package_dialog:
            self.package_dialog = None
        if isinstance(dialog, PackageDialog):
            dialog.deleteLater()

    def _on_merge_dialog_merge_requested(self, plan: MergePlan) -> None:
        self.merge_dialog = None  # closing
        self.merge(plan)

    def _on_merge_dialog_finished(self) -> None:
        dialog = self.sender()
        if dialog is self.merge_dialog:
            self.merge_dialog = None
        if isinstance(dialog, PackageMergeDialog):
            dialog.deleteLater()

    def _on_packages_succeeded(self, summaries: list[PackageSummary]) -> None:
        self._finish()
        if not self._closed:
            lines = [self.tr("{coder}: {posts} post(s), {annotations} annotation(s) → {file}")
                     .format(coder=s.coder.name, posts=s.posts, annotations=s.annotations,
                             file=s.path.name) for s in summaries]
            folder = summaries[0].path.parent if summaries else ""
            self._inform(self.tr("Coder packages written"), self.tr(
                "Wrote {count} coder package(s) in “{folder}”:\n\n{lines}\n\nSend each coder "
                "their file; they open it in Annotator and code as usual.").format(
                count=len(summaries), folder=folder, lines="\n".join(lines)))
        self.packages_finished.emit(summaries)

    def _on_packages_failed(self, error: BaseException) -> None:
        self._finish()
        self._report_failure(error, self.tr("Cancelled; no package was written."))
        self.packages_finished.emit(error)

    def _on_merge_succeeded(self, summary: MergeSummary) -> None:
        self._finish()
        if summary.backup is not None:
            self._window.undo_stack.clear()  # undo steps may name replaced annotations
            self._window.events.changed.emit(summary.changes)
        if not self._closed:
            self._inform(self.tr("Merge"), self._summary_text(summary))
        self.merge_finished.emit(summary)

    def _on_merge_failed(self, error: BaseException) -> None:
        self._finish()
        self._report_failure(error, self.tr("Merge cancelled; the project was not changed."))
        self.merge_finished.emit(error)

    def _on_events_project_opened(self, project: Project) -> None:
        self._close_dialogs()
        self._package_coder = package_coder(project)

    def _on_events_project_closed(self) -> None:
        self._close_dialogs()
        self._package_coder = None

    # Internals

    def _summary_text(self, summary: MergeSummary) -> str:
        if summary.backup is None:
            return self.tr("Nothing to merge: the project already holds the packages' work. "
                           "Nothing was written.")
        lines = []
        for merged in summary.packages:
            a, v, s = (merged.counts[k] for k in ("annotations", "values", "statuses"))
            lines.append(self.tr(
                "{coder}: annotations {a_added} added, {a_updated} updated, {a_removed} "
                "removed; post values {v_writes} and statuses {s_writes} written").format(
                coder=merged.coder_name, a_added=a.added, a_updated=a.updated,
                a_removed=a.removed, v_writes=v.writes, s_writes=s.writes))
        return self.tr("Merged {count} coder package(s):\n\n{lines}\n\nA copy of the project "
                       "from before the merge was written to “{backup}”. Undo history was "
                       "cleared.").format(count=len(summary.packages), lines="\n".join(lines),
                                          backup=summary.backup)

    def _usable_project(self) -> Project | None:
        window = self._window
        if window.project is None or window.is_busy() or self._package_coder is not None:
            return None
        return window.project

    def _close_dialogs(self) -> None:
        for dialog in (self.package_dialog, self.merge_dialog):
            if dialog is not None:
                dialog.reject()

    def _report_failure(self, error: BaseException, cancelled: str) -> None:
        if isinstance(error, Cancelled):
            self._window.statusBar().showMessage(cancelled, 8000)
        elif not self._closed:
            show_error(self._window, error)

    def _inform(self, title: str, text: str) -> None:
        QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok,
                    self._window).exec()

    def _start(self, run: ProgressRun) -> None:
        self.run = run
        self.busy_changed.emit()
        run.start(self._window.pool)

    def _finish(self) -> None:
        run, self.run = self.run, None
        if run is not None:
            run.deleteLater()
        self.busy_changed.emit()
