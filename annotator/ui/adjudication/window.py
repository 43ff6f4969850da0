"""The adjudication window: posts with disagreements on the left, one post's codes on the right.

For the chosen code, each finisher's version stands in its own column (the post text with
that coder's spans highlighted in the coder's colour, the spans with offsets and quotes,
or the variable's value), beside the adjudicated (gold) version and its editing controls.
Every decision is one undoable step on the window's own undo stack (Ctrl+Z, Ctrl+Shift+Z)
and commits at once; its changes are re-announced through :attr:`changed` so the main
window follows. Who decides is the coder chosen in the main window.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from annotator.core.changes import Changes
from annotator.core.errors import AnnotatorError
from annotator.core.model import Code, Coder
from annotator.core.project import Project
from annotator.core.spans import Span
from annotator.core.team.adjudication import AdjudicationService, PostAdjudication
from annotator.core.team.adjudication_items import Action, Item
from annotator.core.team.adjudication_operations import Decide, SeedAgreed
from annotator.ui.adjudication.comparison import Comparison, colour_of
from annotator.ui.adjudication.decision_bar import DecisionBar
from annotator.ui.adjudication.item_list import ItemList
from annotator.ui.adjudication.post_panel import PostPanel
from annotator.ui.commands import UndoHistory
from annotator.ui.events import ProjectEvents
from annotator.ui.models.post_table import format_date


class AdjudicationWindow(QWidget):
    """A separate window over one project at a time; GUI thread only."""

    changed = Signal(object)
    """changed(changes: Changes): a decision, undo or redo here changed the project."""

    post_requested = Signal(int, object)
    """post_requested(post_id: int, start: int | None): show the post in the workspace."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Adjudication"))
        self._project: Project | None = None
        self._service: AdjudicationService | None = None
        self._adjudicator: Coder | None = None
        self._view: PostAdjudication | None = None
        self._codes: dict[int, Code] = {}
        self.local_events = ProjectEvents(self)
        self.undo_stack = QUndoStack(self)
        self.history = UndoHistory(self.undo_stack, self.local_events, self)
        self._make_widgets()
        self._make_actions()
        self._layout()
        self._connect()
        self.set_project(None)

    # Project, adjudicator and refresh

    @property
    def project(self) -> Project | None:
        return self._project

    def set_project(self, project: Project | None) -> None:
        """Work on ``project``: its posts, a fresh undo stack, nothing chosen."""
        self._project = project
        self._service = AdjudicationService(project.sessions) if project else None
        self._view = None
        if project is None:
            self.local_events.project_closed.emit()
        else:
            self.local_events.project_opened.emit(project)
        self.setWindowTitle(self.tr("Adjudication — {name}").format(name=project.path.name)
                            if project is not None else self.tr("Adjudication"))
        self.refresh()
        self.posts.show_first()

    def set_adjudicator(self, coder: Coder | None) -> None:
        """Who decides (a person coder); ``None`` disables deciding."""
        self._adjudicator = coder if coder is not None and not coder.is_gold else None
        self._update_enabled()

    def refresh(self, changes: Changes | None = None) -> None:
        """Re-read the progress and, when ``changes`` may touch it, the shown post."""
        service = self._service
        if service is None:
            self.posts.set_progress(None)
            self._show_post(None)
            return
        project = self._project
        assert project is not None
        self._codes = {code.id: code for code in project.codes.list()}
        gold = next((c for c in project.coders.list(include_gold=True) if c.is_gold), None)
        self.gold_panel.set_title(gold.name if gold is not None else self.tr("Adjudicated"))
        current = self._view.post.id if self._view is not None else None
        self.posts.set_progress(service.progress())
        shown = self.posts.current_post_id()
        if shown != current or changes is None or current in changes.posts \
                or changes.structure or changes.codes or changes.coders:
            self._show_post(shown)
        self._update_enabled()

    # Navigation

    def show_post(self, post_id: int) -> bool:
        """Choose ``post_id`` in the list (showing complete posts if needed)."""
        return self.posts.show_post(post_id)

    def choose_code(self, code_id: int) -> None:
        self.item_list.choose(code_id)

    def chosen_item(self) -> Item | None:
        return self.item_list.chosen()

    def next_open(self) -> bool:
        """Go to the next open disagreement: in this post, then in the following posts."""
        item = self.item_list.chosen()
        following = self.item_list.next_open_after(item.entry.code_id if item else None)
        if following is not None:
            self.item_list.choose(following)
            return True
        post_id = self.posts.next_open_post()
        if post_id is None:
            self.status_label.setText(self.tr("Every disagreement is decided."))
            return False
        if post_id == (self._view.post.id if self._view is not None else None):
            self.item_list.choose(self.item_list.next_open_after(None))
        else:
            self.show_post(post_id)
        return True

    # Deciding

    def decide(self, action: Action, coder_ids: tuple[int, ...] = (),
               version: Any = None) -> bool:
        """Apply one decision on the chosen code of the shown post (undoable)."""
        view, item, who = self._view, self.item_list.chosen(), self._adjudicator
        if view is None or item is None or who is None:
            return False
        op = Decide(view.post.id, item.entry.code_id, action, who.id, coder_ids, version,
                    self.decision_bar.take_note())
        if self.history.perform(op) is None:
            return False
        if action is not Action.EDIT and self.decision_bar.advance_box.isChecked():
            self.next_open()
        return True

    def adopt_agreed(self) -> bool:
        """Copy every agreed code not yet adopted into the gold layer (one undoable step)."""
        if self._adjudicator is None or self._project is None:
            return False
        return self.history.perform(SeedAgreed(self._adjudicator.id)) is not None

    # Slots

    def _on_posts_post_chosen(self, post_id: int | None) -> None:
        self._show_post(post_id)

    def _on_item_list_item_chosen(self, _code_id: int | None) -> None:
        self._show_item(self.item_list.chosen())

    def _on_accept_requested(self, coder_id: int) -> None:
        self.decide(Action.ACCEPT, (coder_id,))

    def _on_accept_all_requested(self) -> None:
        if self._view is not None:
            self.decide(Action.ACCEPT_BOTH, tuple(c.id for c in self._view.coders))

    def _on_reject_requested(self) -> None:
        self.decide(Action.REJECT)

    def _on_add_requested(self) -> None:
        span, gold = self.comparison.selected_span(), self._gold_spans()
        if span is None:
            self.status_label.setText(self.tr("Select text in a column first."))
        elif gold is not None and span not in gold:
            self.decide(Action.EDIT, version=[*gold, span])

    def _on_remove_requested(self, span: Span) -> None:
        gold = self._gold_spans()
        if gold is not None and span in gold:
            self.decide(Action.EDIT, version=[s for s in gold if s != span])

    def _on_remove_action_triggered(self) -> None:
        span = self.gold_panel.chosen_span()
        if span is not None:
            self._on_remove_requested(span)

    def _on_offsets_requested(self, old: Span, new: Span) -> None:
        gold = self._gold_spans()
        if gold is not None and self.decide(
                Action.EDIT, version=[new if s == old else s for s in gold]):
            self.gold_panel.choose_span(new)

    def _on_value_edited(self, value: Any) -> None:
        self.decide(Action.EDIT, version=value)

    def _on_local_events_changed(self, changes: Changes) -> None:
        self.refresh(changes)
        self.changed.emit(changes)

    def _on_history_replayed(self, changes: Changes) -> None:
        if len(changes.posts) == 1 and self._view is not None \
                and self._view.post.id not in changes.posts:
            self.show_post(next(iter(changes.posts)))

    def _on_show_button_clicked(self) -> None:
        if self._view is not None:
            self.post_requested.emit(self._view.post.id, None)

    # Internals

    def _show_post(self, post_id: int | None) -> None:
        service = self._service
        keep = self.item_list.chosen()
        self._view = None
        if service is not None and post_id is not None:
            try:
                self._view = service.post(post_id)
            except AnnotatorError:  # no longer double-finished; the list follows on refresh
                self._view = None
        view = self._view
        self._show_header(view)
        self.comparison.show_post(view)
        coders = list(view.coders) if view is not None else []
        self.decision_bar.set_coders(
            [(c.id, c.name, colour_of(n)) for n, c in enumerate(coders)], True)
        names = {c.uuid: c.name for c in coders}
        self.item_list.set_items(list(view.items) if view is not None else [], self._codes,
                                 names, keep.entry.code_id if keep is not None else None)
        self._update_enabled()

    def _show_item(self, item: Item | None) -> None:
        view = self._view
        if view is not None:
            code = self._codes.get(item.entry.code_id) if item is not None else None
            union = self.comparison.show_item(view, item, code)
            self.decision_bar.set_coders(
                [(c.id, c.name, colour_of(n)) for n, c in enumerate(view.coders)], union)
        self._update_enabled()

    def _gold_spans(self) -> list[Span] | None:
        view, item = self._view, self.item_list.chosen()
        if view is None or item is None or item.entry.is_variable:
            return None
        return list(view.gold_spans.get(item.entry.code_id, ()))

    def _show_header(self, view: PostAdjudication | None) -> None:
        if view is None:
            self.header_label.setText(self.tr("Choose a post on the left.")
                                      if self.posts.model.rowCount() else
                                      self.tr("No post was finished by two or more coders "
                                              "yet: there is nothing to adjudicate."))
            return
        post, progress = view.post, view.progress
        date = format_date(post.date) + " UTC" if post.date else self.tr("date unknown")
        self.header_label.setText(self.tr(
            "Post {label} · {channel} · {date}\nFinished by {coders} · {open} of {total} "
            "disagreements open · agreed codes adopted: {seeded} of {agreed}").format(
            label=progress.label, channel=post.channel_title, date=date,
            coders=", ".join(c.name for c in view.coders), open=progress.open,
            total=progress.total, seeded=progress.seeded, agreed=progress.agreed))

    def _update_enabled(self) -> None:
        chosen = self.item_list.chosen()
        deciding = self._adjudicator is not None and chosen is not None
        self.decision_bar.set_deciding(deciding)
        spans = deciding and chosen is not None and not chosen.entry.is_variable
        for widget in (self.gold_panel.add_button, self.edit_action, self.remove_action):
            widget.setEnabled(spans)
        if self.gold_panel.editor is not None:
            self.gold_panel.editor.setEnabled(deciding)
        self.posts.set_can_adopt(self._adjudicator is not None)
        self.show_button.setEnabled(self._view is not None)
        self.adjudicator_label.setText(
            self.tr("Deciding as {name}").format(name=self._adjudicator.name)
            if self._adjudicator is not None else
            self.tr("Choose who you are in the main window (Coding → Switch coder…) to "
                    "decide."))

    def _make_widgets(self) -> None:
        self.posts = PostPanel(self)
        self.header_label = QLabel(self)
        self.header_label.setWordWrap(True)
        self.header_label.setTextFormat(Qt.TextFormat.PlainText)
        self.adjudicator_label = QLabel(self)
        self.show_button = QPushButton(self.tr("Show in &workspace"), self)
        self.item_list = ItemList(self)
        self.comparison = Comparison(self)
        self.gold_panel = self.comparison.gold_panel
        self.decision_bar = DecisionBar(self)
        self.status_label = QLabel(self)

    def _make_actions(self) -> None:
        def action(text: str, keys: list[str]) -> QAction:
            made = QAction(text, self)
            made.setShortcuts([QKeySequence(k) for k in keys])
            self.addAction(made)
            return made

        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.addActions([self.undo_action, self.redo_action])
        self.edit_action = action(self.tr("Add selection"), ["E"])
        self.remove_action = action(self.tr("Remove span"), ["Delete"])
        self.close_action = action(self.tr("Close"), ["Ctrl+W"])
        self.undo_button = QPushButton(self.tr("Undo"), self)
        self.redo_button = QPushButton(self.tr("Redo"), self)

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.header_label, 1)
        side = QVBoxLayout()
        side.addWidget(self.adjudicator_label)
        side.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignRight)
        top.addLayout(side)
        undo_row = QHBoxLayout()
        undo_row.addWidget(self.status_label, 1)
        undo_row.addWidget(self.undo_button)
        undo_row.addWidget(self.redo_button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(top)
        right_layout.addWidget(self.item_list)
        right_layout.addWidget(self.comparison, 1)
        right_layout.addWidget(self.decision_bar)
        right_layout.addLayout(undo_row)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.posts)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setSizes([340, 980])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self.resize(1320, 820)

    def _connect(self) -> None:
        self.posts.post_chosen.connect(self._on_posts_post_chosen)
        self.posts.adopt_requested.connect(self.adopt_agreed)
        self.show_button.clicked.connect(self._on_show_button_clicked)
        self.item_list.item_chosen.connect(self._on_item_list_item_chosen)
        bar = self.decision_bar
        bar.accept_requested.connect(self._on_accept_requested)
        bar.accept_all_requested.connect(self._on_accept_all_requested)
        bar.reject_requested.connect(self._on_reject_requested)
        bar.next_requested.connect(self.next_open)
        self.gold_panel.add_requested.connect(self._on_add_requested)
        self.gold_panel.remove_requested.connect(self._on_remove_requested)
        self.gold_panel.offsets_requested.connect(self._on_offsets_requested)
        self.gold_panel.value_edited.connect(self._on_value_edited)
        self.edit_action.triggered.connect(self._on_add_requested)
        self.remove_action.triggered.connect(self._on_remove_action_triggered)
        self.close_action.triggered.connect(self.close)
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.redo_button.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        self.local_events.changed.connect(self._on_local_events_changed)
        self.history.replayed.connect(self._on_history_replayed)
