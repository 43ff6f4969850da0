"""Assignments in the main window.

For the supervisor: Team → "Assign posts…" (the planning dialog; storing a plan is one
undoable step) and Team → "Assignments…" (the overview, where a batch can be removed,
undoably). For the current coder, when they have assignments: "My assignment" in the filter
bar (checked whenever the coder is chosen or the project opened), their assigned posts
marked in the post list's status column, and "Assigned: 120 · done 45 · 38%" in the status
bar. Coders are not told which of their posts are in the reliability sample, so that they
code those like any other.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex
from PySide6.QtGui import QAction, QColor, QHelpEvent, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QMainWindow,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)

from annotator.core.changes import Changes
from annotator.core.model import Coder
from annotator.core.project import Project
from annotator.core.team.assignment_operations import AssignPosts, RemoveAssignments
from annotator.core.team.assignment_plan import AssignmentPlan
from annotator.ui.coding_workspace import STATUS_MESSAGE_MS, CodingWorkspace
from annotator.ui.commands import UndoHistory
from annotator.ui.dialogs.assign_dialog import AssignDialog
from annotator.ui.dialogs.assignments_dialog import AssignmentsDialog
from annotator.ui.events import ProjectEvents
from annotator.ui.menus import Actions
from annotator.ui.models.post_table import Column, PostTableModel, Role
from annotator.ui.views.post_list import PostListView

_Index = QModelIndex | QPersistentModelIndex


class AssignedPostsDelegate(QStyledItemDelegate):
    """Marks assigned posts in the status column: a dot, and "to do" while not started."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._assigned: frozenset[int] = frozenset()
        size = 10
        pixmap = QPixmap(size, size)
        pixmap.fill(QColor(0, 0, 0, 0))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(view.palette().color(QPalette.ColorRole.Highlight))
        painter.setPen(QColor(0, 0, 0, 0))
        painter.drawEllipse(1, 1, size - 2, size - 2)
        painter.end()
        self._dot = QIcon(pixmap)

    def set_assigned(self, post_ids: frozenset[int]) -> None:
        self._assigned = post_ids

    def is_marked(self, post_id: int) -> bool:
        return post_id in self._assigned

    def initStyleOption(self, option: QStyleOptionViewItem, index: _Index) -> None:  # Qt
        super().initStyleOption(option, index)
        if index.data(Role.POST_ID) in self._assigned:
            option.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration
            option.icon = self._dot
            if not option.text:
                option.text = self.tr("to do")

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView,
                  option: QStyleOptionViewItem, index: _Index) -> bool:  # Qt override
        if event.type() == QEvent.Type.ToolTip and index.data(Role.POST_ID) in self._assigned:
            QToolTip.showText(event.globalPos(), self.tr("Assigned to you"), view)
            return True
        return super().helpEvent(event, view, option, index)


class AssignmentWorkspace(QObject):
    """Wires assignments into ``window`` (see the module docstring). GUI thread only."""

    def __init__(
        self,
        window: QMainWindow,
        events: ProjectEvents,
        history: UndoHistory,
        menus: Actions,
        coding: CodingWorkspace,
        post_model: PostTableModel,
        post_list: PostListView,
    ) -> None:
        super().__init__(window)
        self._window, self._history, self._coding = window, history, coding
        self._post_model, self._post_list = post_model, post_list
        self._mine: frozenset[int] = frozenset()
        self.dialog: AssignDialog | None = None
        self.overview: AssignmentsDialog | None = None
        self.delegate = AssignedPostsDelegate(post_list)
        post_list.setItemDelegateForColumn(Column.STATUS, self.delegate)
        self.progress_label = QLabel(window)
        self.progress_label.setHidden(True)
        window.statusBar().addPermanentWidget(self.progress_label)
        self.assign_action = QAction(self.tr("&Assign posts…"), window)
        self.overview_action = QAction(self.tr("Assign&ments…"), window)
        menus.team_menu.addAction(self.assign_action)
        menus.team_menu.addAction(self.overview_action)
        menus.team_menu.addSeparator()
        self.assign_action.triggered.connect(self.show_assign_dialog)
        self.overview_action.triggered.connect(self.show_overview)
        coding.coders.coder_changed.connect(self._on_coders_coder_changed)
        events.project_opened.connect(self._on_events_project_opened)
        events.project_closed.connect(self._on_events_project_closed)
        events.changed.connect(self._on_events_changed)
        self._enable(False)

    @property
    def project(self) -> Project | None:
        return self._history.project

    def assigned_posts(self) -> frozenset[int]:
        """The current coder's assigned posts (empty without a coder)."""
        return self._mine

    # Dialogs

    def show_assign_dialog(self) -> AssignDialog | None:
        """Open the planning dialog (window-modal, not blocking); ``None`` without a project."""
        project = self.project
        if project is None:
            return None
        if self.dialog is not None:
            self.dialog.reject()
        dialog = AssignDialog(project, self._post_model.post_filter(), self._window)
        dialog.assign_requested.connect(self._on_dialog_assign_requested)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        dialog.open()
        return dialog

    def show_overview(self) -> AssignmentsDialog | None:
        """Show the assignments overview (not modal); ``None`` without a project."""
        if self.project is None:
            return None
        if self.overview is None:
            self.overview = AssignmentsDialog(self._window)
            self.overview.remove_batch_requested.connect(self._on_overview_remove_requested)
        self._fill_overview()
        self.overview.show()
        self.overview.raise_()
        return self.overview

    # Slots

    def _on_dialog_assign_requested(self, plan: AssignmentPlan,
                                    new_coders: dict[int, str]) -> None:
        changes = self._history.perform(AssignPosts(plan, dict(new_coders)))
        if changes is None:
            return  # refused and shown; the dialog stays open to try again
        if self.dialog is not None:
            self.dialog.accept()
        self._window.statusBar().showMessage(self.tr(
            "Assigned {posts} posts to {coders} coders.").format(
            posts=len(plan.planned), coders=len(plan.coders)), STATUS_MESSAGE_MS)

    def _on_dialog_finished(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def _on_overview_remove_requested(self, batch: str) -> None:
        self._history.perform(RemoveAssignments(batch=batch))

    def _on_coders_coder_changed(self, _coder: Coder | None) -> None:
        self._refresh(check_mine=True)

    def _on_events_project_opened(self, _project: Project) -> None:
        self._enable(True)
        self._refresh(check_mine=True)

    def _on_events_project_closed(self) -> None:
        self._enable(False)
        if self.dialog is not None:
            self.dialog.reject()
        if self.overview is not None:
            self.overview.close()
        self._refresh(check_mine=False)

    def _on_events_changed(self, changes: Changes) -> None:
        if changes.posts or changes.coders or changes.structure:
            self._refresh(check_mine=False)
            self._fill_overview()

    # Internals

    def _refresh(self, check_mine: bool) -> None:
        """Re-read the coder's assignments; show the toggle, marks and progress.

        ``check_mine`` (a new coder or project) turns "My assignment" on when the coder
        has assignments; otherwise the user's choice stays.
        """
        project, coder = self.project, self._coding.coder
        mine = frozenset(project.assignments.for_coder(coder.id)) \
            if project is not None and coder is not None else frozenset()
        moved = mine != self._mine
        self._mine = mine
        self.delegate.set_assigned(mine)
        self._post_list.viewport().update()
        filtering = self._coding.filtering
        toggle = filtering.bar.mine_check
        checked = bool(mine) and (check_mine or toggle.isChecked())
        if check_mine or moved or checked != toggle.isChecked():
            before = self._post_model.post_filter()
            filtering.bar.set_assignment_choice(bool(mine), checked)
            filtering.apply()
            if moved and checked and self._post_model.post_filter() == before:
                self._reload_list()  # same filter, other posts: the list must follow
        self._show_progress(project, coder)

    def _reload_list(self) -> None:
        current = self._post_list.current_post_id()
        self._post_model.reload()
        if current is not None and self._post_model.row_of(current) is not None:
            self._post_list.select_post(current)
        else:
            self._post_list.select_row(0)
        self._coding.filtering.apply()  # the row count

    def _show_progress(self, project: Project | None, coder: Coder | None) -> None:
        if project is None or coder is None or not self._mine:
            self.progress_label.clear()
            self.progress_label.setHidden(True)
            return
        progress = project.assignments.progress(coder.id)
        self.progress_label.setText(self.tr("Assigned: {assigned} · done {done} · "
                                            "{percent}%").format(
            assigned=progress.assigned, done=progress.done,
            percent=f"{progress.percent_done:.0f}"))
        self.progress_label.setHidden(False)

    def _fill_overview(self) -> None:
        project, overview = self.project, self.overview
        if project is None or overview is None:
            return
        names = {c.id: c.name for c in project.coders.list(include_gold=True)}
        overview.show_assignments(project.assignments.summary(),
                                  project.assignments.batches(), names)

    def _enable(self, on: bool) -> None:
        for action in (self.assign_action, self.overview_action):
            action.setEnabled(on)
