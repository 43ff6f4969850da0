"""Coding the shown post: apply codes to selections and edit the coder's annotations.

Every edit is a core operation run through :class:`~annotator.ui.commands.UndoHistory`,
so it is committed at once and can be undone. Offsets cross from Qt to the core
only through the reading pane (code points, via ``Utf16Index``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from annotator.core.annotations.operations import (
    AddAnnotation,
    DeleteAnnotation,
    UpdateAnnotation,
)
from annotator.core.changes import Changes
from annotator.core.model import Code, Coder, PostStatus
from annotator.core.project import Project
from annotator.core.spans import Span, snap_to_words
from annotator.ui.commands import Operation, UndoHistory
from annotator.ui.events import ProjectEvents
from annotator.ui.settings import Settings
from annotator.ui.views.coding_prompts import CodingPrompts
from annotator.ui.views.reading_pane import ReadingPane

Edge = Literal["start", "end"]


class CodingActions(QObject):
    """The coding actions of the current coder on the post in ``pane``. GUI thread only.

    Keyboard: a code's key codes the selected text, or, with no text selected,
    gives the selected annotation that code. The edit actions' shortcuts work
    while the text has the focus; they are disabled until a coder is chosen.
    """

    message = Signal(str)
    """message(text: str): why a coding request did nothing, for the status bar."""

    def __init__(self, window: QWidget, pane: ReadingPane, history: UndoHistory,
                 events: ProjectEvents, settings: Settings) -> None:
        super().__init__(window)
        self.prompts = CodingPrompts(window)
        self._pane, self._history, self._events, self._settings = pane, history, events, settings
        self._project: Project | None = None
        self._coder: Coder | None = None
        self._codes: dict[int, Code] = {}
        self._make_actions(pane.text_view)
        pane.text_view.code_key_pressed.connect(self._on_text_view_code_key_pressed)
        pane.annotation_selected.connect(self._on_pane_annotation_selected)
        events.project_opened.connect(self._on_events_project_opened)
        events.project_closed.connect(self._on_events_project_closed)
        events.changed.connect(self._on_events_changed)
        self._update()

    @property
    def coder(self) -> Coder | None:
        return self._coder

    def set_coder(self, coder: Coder | None) -> None:
        self._coder = coder
        self._update()

    def edit_actions(self) -> list[QAction]:
        """Delete, memo and the four boundary moves, in menu order."""
        return [self.delete_action, self.memo_action, *self.boundary_actions]

    # Coding

    def perform(self, op: Operation, post_id: int) -> Changes | None:
        """Run ``op`` (undoable) for the coder; a post coded for the first time is then
        marked in progress. ``None`` when refused (the refusal was shown)."""
        changes = self._history.perform(op)
        if changes is not None:
            self._mark_in_progress(post_id)
        return changes

    def apply_code(self, code_id: int) -> bool:
        """Code the selected text with ``code_id`` or, with no text selected, give the
        selected annotation that code. Returns whether something changed."""
        post, coder, code = self._pane.post, self._coder, self._codes.get(code_id)
        if coder is None:
            self.message.emit(self.tr("Choose a coder first (Coding → Switch coder…)."))
            return False
        if post is None or code is None:
            return False
        if code.is_variable:
            self.message.emit(self.tr("“{name}” is a post-level variable: set it in the "
                                      "Post variables panel.").format(name=code.name))
            return False
        span = self._pane.selected_span()
        selected = self._pane.selected_annotation()
        if span is not None:
            if self._settings.snap_to_words():
                span = snap_to_words(post.text, span)
            changes = self.perform(AddAnnotation(post.id, code.id, coder.id, span), post.id)
            if changes is None:
                return False
            self._pane.select_annotation(next(iter(changes.annotations), None))
            return True
        if selected is not None:
            if selected.code_id == code.id:
                return False
            op = UpdateAnnotation(selected.id, code_id=code.id)
            return self.perform(op, post.id) is not None
        self.message.emit(self.tr("Select text to code, or click one of your annotations."))
        return False

    def delete_selected(self) -> bool:
        selected, post = self._pane.selected_annotation(), self._pane.post
        if selected is None or post is None or self._coder is None:
            return False
        return self.perform(DeleteAnnotation(selected.id), post.id) is not None

    def set_memo(self, memo: str) -> bool:
        """Give the selected annotation ``memo`` (empty removes it)."""
        selected, post = self._pane.selected_annotation(), self._pane.post
        if selected is None or post is None or self._coder is None or memo == selected.memo:
            return False
        return self.perform(UpdateAnnotation(selected.id, memo=memo), post.id) is not None

    def move_edge(self, edge: Edge, delta: int) -> bool:
        """Move the selected annotation's start or end by ``delta`` code points.

        Code points, so a surrogate pair is never split; consecutive moves of
        one annotation fold into one undo step.
        """
        selected, post = self._pane.selected_annotation(), self._pane.post
        if selected is None or post is None or self._coder is None:
            return False
        start, end = selected.span.start, selected.span.end
        if edge == "start":
            start += delta
        else:
            end += delta
        if not 0 <= start < end <= len(post.text):
            self.message.emit(self.tr("The annotation cannot grow or shrink further."))
            return False
        op = UpdateAnnotation(selected.id, span=Span(start, end))
        return self.perform(op, post.id) is not None

    # Slots

    def _on_text_view_code_key_pressed(self, key: str) -> None:
        code = next((c for c in self._codes.values()
                     if c.shortcut == key and not c.is_variable), None)
        if code is not None:
            self.apply_code(code.id)

    def _on_pane_annotation_selected(self) -> None:
        self._update()

    def _on_delete_triggered(self) -> None:
        self.delete_selected()

    def _on_memo_triggered(self) -> None:
        selected = self._pane.selected_annotation()
        if selected is None or self._coder is None:
            return
        code = self._codes.get(selected.code_id)
        memo = self.prompts.memo(selected, code.path_text if code is not None else "")
        if memo is not None:
            self.set_memo(memo)

    def _on_deselect_triggered(self) -> None:
        self._pane.select_annotation(None)

    def _on_events_project_opened(self, project: Project) -> None:
        self._project = project
        self._load_codes()

    def _on_events_project_closed(self) -> None:
        self._project = None
        self._load_codes()

    def _on_events_changed(self, changes: Changes) -> None:
        if changes.codes or changes.structure:
            self._load_codes()

    # Internals

    def _mark_in_progress(self, post_id: int) -> None:
        if self._project is None or self._coder is None:
            return
        statuses = self._project.statuses
        if statuses.get(post_id, self._coder.id) is PostStatus.NOT_STARTED:
            self._events.changed.emit(
                statuses.set(post_id, self._coder.id, PostStatus.IN_PROGRESS))

    def _load_codes(self) -> None:
        project = self._project
        self._codes = {c.id: c for c in project.codes.list()} if project is not None else {}
        self._update()

    def _update(self) -> None:
        coding = self._coder is not None and self._project is not None
        keys = {c.shortcut for c in self._codes.values() if c.shortcut and not c.is_variable}
        self._pane.text_view.set_code_keys(frozenset(keys) if coding else frozenset())
        selected = coding and self._pane.selected_annotation() is not None
        for action in (*self.edit_actions(), self.deselect_action):
            action.setEnabled(selected)

    def _make_actions(self, view: QWidget) -> None:
        def action(text: str, keys: str, slot: Callable[[], object]) -> QAction:
            made = QAction(text, self)
            made.setShortcuts([QKeySequence(k) for k in keys.split(",")])
            made.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            made.triggered.connect(slot)
            view.addAction(made)
            return made

        def mover(text: str, keys: str, edge: Edge, delta: int) -> QAction:
            return action(text, keys, lambda: self.move_edge(edge, delta))

        self.delete_action = action(self.tr("&Delete annotation"), "Del,Backspace",
                                    self._on_delete_triggered)
        self.memo_action = action(self.tr("&Memo…"), "M", self._on_memo_triggered)
        self.deselect_action = action(self.tr("Deselect annotation"), "Esc",
                                      self._on_deselect_triggered)
        self.boundary_actions = [
            mover(self.tr("Extend end"), "Alt+Shift+Right", "end", 1),
            mover(self.tr("Shrink end"), "Alt+Shift+Left", "end", -1),
            mover(self.tr("Extend start"), "Alt+Ctrl+Left", "start", -1),
            mover(self.tr("Shrink start"), "Alt+Ctrl+Right", "start", 1),
        ]
