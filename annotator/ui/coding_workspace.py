"""The coding side of the main window: coder, coding actions, post variables and progress.

Builds the post variables dock and the Coding menu, adds to the View and Go
menus and the status bar, and keeps them on the current project and coder.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow

from annotator.core.changes import Changes
from annotator.core.model import Coder, PostStatus
from annotator.core.posts.status import SetPostStatus
from annotator.core.posts.values import SetPostValue
from annotator.core.project import Project
from annotator.ui.codebook_docks import CodebookDocks
from annotator.ui.coder_choice import CoderChoice
from annotator.ui.coding_actions import CodingActions
from annotator.ui.commands import UndoHistory
from annotator.ui.events import ProjectEvents
from annotator.ui.menus import Actions
from annotator.ui.models.post_table import PostTableModel
from annotator.ui.post_filtering import PostFiltering
from annotator.ui.settings import Settings
from annotator.ui.views.post_list import PostListView
from annotator.ui.views.reading_pane import ReadingPane
from annotator.ui.views.variables_panel import VariablesPanel

STATUS_MESSAGE_MS = 6000


class CodingWorkspace(QObject):
    """Wires coding into ``window``; created before the window restores its state."""

    def __init__(
        self,
        window: QMainWindow,
        settings: Settings,
        events: ProjectEvents,
        history: UndoHistory,
        menus: Actions,
        post_model: PostTableModel,
        post_list: PostListView,
        pane: ReadingPane,
        codebook_docks: CodebookDocks,
    ) -> None:
        super().__init__(window)
        self._window, self._settings, self._events = window, settings, events
        self._history, self._post_list, self._pane = history, post_list, pane
        self._post_model = post_model
        self._project: Project | None = None
        self.filtering = PostFiltering(window, events, menus, post_model, post_list, pane)
        self.coders = CoderChoice(window, settings, events)
        self.actions = CodingActions(window, pane, history, events, settings)
        self.variables = VariablesPanel(window)
        self.variables_dock = QDockWidget(self.tr("Post variables"), window)
        self.variables_dock.setObjectName("variablesDock")
        self.variables_dock.setWidget(self.variables)
        self.variables_dock.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea
                                            | Qt.DockWidgetArea.RightDockWidgetArea)
        # Below the codebook, in a tab beside the definition (a third dock in the column
        # would leave each too short); the variables are the tab shown at first.
        window.tabifyDockWidget(codebook_docks.definition_dock, self.variables_dock)
        self.variables_dock.raise_()
        self.progress_label = QLabel(window)
        window.statusBar().addPermanentWidget(self.progress_label)
        self._make_actions(window, menus)

        self.coders.coder_changed.connect(self._on_coders_coder_changed)
        self.actions.message.connect(self._on_actions_message)
        self.variables.value_edited.connect(self._on_variables_value_edited)
        codebook_docks.panel.code_activated.connect(self._on_codebook_code_activated)
        post_list.post_selected.connect(self._on_post_list_post_selected)
        history.replayed.connect(self._on_history_replayed)
        events.project_opened.connect(self._on_events_project_opened)
        events.project_closed.connect(self._on_events_project_closed)
        events.changed.connect(self._on_events_changed)
        self._show_coder(None)

    @property
    def coder(self) -> Coder | None:
        return self.coders.coder

    # Navigation

    def mark_done_and_next(self) -> bool:
        """Mark the shown post done for the coder and show the next post."""
        post, coder = self._pane.post, self.coder
        if self._project is None or post is None or coder is None:
            return False
        self.variables.commit_pending()
        if self._history.perform(SetPostStatus(post.id, coder.id, PostStatus.DONE)) is None:
            return False
        self._post_list.select_next()
        return True

    def next_not_done(self) -> bool:
        """Show the first post after the shown one (wrapping around) the coder has not
        marked done; returns whether there was one."""
        if self._project is None or self.coder is None:
            return False
        ids = self._post_model.post_ids()
        current = self._post_list.current_post_id()
        start = ids.index(current) + 1 if current in ids else 0
        order = ids[start:] + ids[:start]
        statuses = self._statuses_of(order)
        target = next((p for p in order if statuses.get(p) is not PostStatus.DONE), None)
        if target is None:
            self._window.statusBar().showMessage(
                self.tr("Every post is done."), STATUS_MESSAGE_MS)
            return False
        self._post_list.select_post(target)
        return True

    # Slots

    def _on_coders_coder_changed(self, coder: Coder | None) -> None:
        self._show_coder(coder)

    def _on_actions_message(self, text: str) -> None:
        self._window.statusBar().showMessage(text, STATUS_MESSAGE_MS)

    def _on_variables_value_edited(self, post_id: int, code_id: int, value: Any) -> None:
        coder = self.coder
        if coder is None:
            return
        op = SetPostValue(post_id, code_id, coder.id, value)
        if self.actions.perform(op, post_id) is None:
            self._show_values(post_id)  # refused: show what is stored

    def _on_codebook_code_activated(self, code_id: int) -> None:
        self.actions.apply_code(code_id)

    def _on_post_list_post_selected(self, post_id: int | None) -> None:
        self._show_values(post_id)

    def _on_history_replayed(self, changes: Changes) -> None:
        if len(changes.posts) != 1:
            return
        (post_id,) = changes.posts
        post = self._pane.post
        if post is None or post.id != post_id:
            self._post_list.select_post(post_id)
        if len(changes.annotations) == 1:
            self._pane.select_annotation(next(iter(changes.annotations)))

    def _on_blind_action_toggled(self, on: bool) -> None:
        self._settings.set_blind_mode(on)
        self._pane.set_coder(self.coder.id if self.coder else None, blind=on)

    def _on_snap_action_toggled(self, on: bool) -> None:
        self._settings.set_snap_to_words(on)

    def _on_events_project_opened(self, project: Project) -> None:
        self._project = project
        self.variables.set_variables(project.codes.list())
        self.coders.set_project(project)  # shows the coder, or asks who codes

    def _on_events_project_closed(self) -> None:
        self._project = None
        self.variables.set_variables([])
        self.coders.set_project(None)

    def _on_events_changed(self, changes: Changes) -> None:
        if self._project is None:
            return
        if changes.codes or changes.structure:
            self.variables.set_variables(self._project.codes.list())
        post_id = self._shown_post_id()
        if changes.codes or changes.structure or post_id in changes.posts:
            self._show_values(post_id)
        if changes.posts or changes.structure:
            self._show_progress()

    # Internals

    def _show_coder(self, coder: Coder | None) -> None:
        self.actions.set_coder(coder)
        self.filtering.set_coder(coder)
        self._pane.set_coder(coder.id if coder else None, blind=self._settings.blind_mode())
        self._post_model.set_statuses(
            self._statuses_of if coder is not None and self._project is not None else None)
        for action in (self.done_next_action, self.next_not_done_action):
            action.setEnabled(coder is not None)
        self.switch_coder_action.setEnabled(self._project is not None)
        self.variables.setEnabled(coder is not None)
        self._show_values(self._shown_post_id())
        self._show_progress()

    def _show_values(self, post_id: int | None) -> None:
        """Show the coder's values of ``post_id`` in the variables panel."""
        coder = self.coder
        values: Mapping[int, Any] = {}
        if self._project is not None and post_id is not None and coder is not None:
            values = self._project.values.for_post(post_id, coder.id)
        self.variables.show_values(post_id, values)

    def _shown_post_id(self) -> int | None:
        return self._pane.post.id if self._pane.post is not None else None

    def _show_progress(self) -> None:
        project, coder = self._project, self.coder
        if project is None:
            self.progress_label.clear()
        elif coder is None:
            self.progress_label.setText(self.tr("No coder chosen"))
        else:
            counts = project.statuses.counts(coder.id)
            self.progress_label.setText(self.tr("{coder}: {done} of {total} posts done").format(
                coder=coder.name, done=counts[PostStatus.DONE], total=sum(counts.values())))

    def _statuses_of(self, post_ids: Sequence[int]) -> dict[int, PostStatus]:
        project, coder = self._project, self.coder
        if project is None or coder is None:
            return {}
        return project.statuses.for_posts(post_ids, coder.id)

    def _make_actions(self, window: QMainWindow, menus: Actions) -> None:
        def action(text: str, keys: Sequence[str] = ()) -> QAction:
            made = QAction(text, window)
            made.setShortcuts([QKeySequence(k) for k in keys])
            window.addAction(made)
            return made

        self.done_next_action = action(self.tr("Mark &done and next post"),
                                       ("Ctrl+Return", "Ctrl+Enter"))
        self.done_next_action.triggered.connect(self.mark_done_and_next)
        self.next_not_done_action = action(self.tr("Next post &not done"),
                                           ("Ctrl+Shift+Return", "Ctrl+Shift+Enter"))
        self.next_not_done_action.triggered.connect(self.next_not_done)
        self.switch_coder_action = action(self.tr("&Switch coder…"))
        self.switch_coder_action.triggered.connect(self.coders.ask)
        self.blind_action = action(self.tr("&Blind mode (hide other coders)"), ("Ctrl+Shift+B",))
        self.blind_action.setCheckable(True)
        self.blind_action.setChecked(self._settings.blind_mode())
        self.blind_action.toggled.connect(self._on_blind_action_toggled)
        self.snap_action = action(self.tr("S&nap selections to words"))
        self.snap_action.setCheckable(True)
        self.snap_action.setChecked(self._settings.snap_to_words())
        self.snap_action.toggled.connect(self._on_snap_action_toggled)

        go = menus.go_menu
        go.addSeparator()
        go.addAction(self.done_next_action)
        go.addAction(self.next_not_done_action)
        coding = menus.coding_menu
        coding.addAction(self.switch_coder_action)
        coding.addSeparator()
        coding.addActions(self.actions.edit_actions()[:2])
        boundaries = coding.addMenu(self.tr("Adjust &boundaries"))
        boundaries.addActions(self.actions.edit_actions()[2:])
        coding.addSeparator()
        coding.addAction(self.snap_action)
        view = menus.view_menu
        view.addAction(self.blind_action)
        view.addSeparator()
        view.addAction(self.variables_dock.toggleViewAction())
        self._pane.text_view.context_actions = [*self.actions.edit_actions()[:2]]
