"""Undo for core operations: one thin ``QUndoCommand`` and the history that pushes it.

Core operations (``annotator.core.codebook.operations`` and friends) know how to
apply and revert themselves and return the :class:`Changes` they made; the Qt
side only stacks them and announces the changes on ``ProjectEvents.changed``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from annotator.core.changes import Changes
from annotator.core.errors import AnnotatorError
from annotator.ui.errors import show_error
from annotator.ui.events import ProjectEvents

if TYPE_CHECKING:
    from annotator.core.project import Project

log = logging.getLogger(__name__)


class Operation(Protocol):
    """What :class:`OperationCommand` needs of a core operation."""

    @property
    def text(self) -> str: ...

    def apply(self, project: Project) -> Changes: ...

    def revert(self, project: Project) -> Changes: ...


@runtime_checkable
class MergeableOperation(Protocol):
    """An operation whose consecutive steps may fold into one undo step.

    Steps fold when their ``merge_key`` values are equal and not ``None``;
    ``merged(later)`` is one operation doing both (see ``UpdateAnnotation``).
    """

    @property
    def merge_key(self) -> Any: ...

    def merged(self, later: Any) -> Any: ...


MERGE_ID = 1
"""``QUndoCommand.id()`` of every command that may merge; ``mergeWith`` compares the keys."""


class OperationCommand(QUndoCommand):
    """The only ``QUndoCommand`` subclass: redo applies ``op``, undo reverts it.

    Each emits ``events.changed`` with the Changes the core returned. With
    ``applied=True`` the first ``redo()`` (the one ``QUndoStack.push`` makes) is
    skipped, because the caller already applied the operation successfully.
    A failing redo or undo calls ``failed(exc)``; the core left the database as it was.
    Every later redo and every undo that worked calls ``replayed(changes)``.
    Consecutive operations with equal ``merge_key`` fold into one step.
    """

    def __init__(
        self,
        op: Operation,
        project: Project,
        events: ProjectEvents,
        failed: Callable[[BaseException], None],
        *,
        applied: bool = False,
        replayed: Callable[[Changes], None] | None = None,
    ) -> None:
        super().__init__(op.text)
        self._op, self._project, self._events, self._failed = op, project, events, failed
        self._replayed = replayed
        self._skip_redo = applied

    @property
    def operation(self) -> Operation:
        return self._op

    def id(self) -> int:  # Qt override
        return MERGE_ID if self._merge_key(self._op) is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # Qt override
        if not isinstance(other, OperationCommand) or not isinstance(self._op,
                                                                   MergeableOperation):
            return False
        key = self._merge_key(self._op)
        if key is None or key != self._merge_key(other.operation):
            return False
        self._op = self._op.merged(other.operation)
        return True

    def redo(self) -> None:  # Qt override
        if self._skip_redo:
            self._skip_redo = False
            return
        self._run(self._op.apply)

    def undo(self) -> None:  # Qt override
        self._run(self._op.revert)

    def _run(self, step: Callable[[Project], Changes]) -> None:
        try:
            changes = step(self._project)
        except Exception as exc:  # reported by the history, which then drops the stack
            self.setObsolete(True)
            self._failed(exc)
            return
        self._events.changed.emit(changes)
        if self._replayed is not None:
            self._replayed(changes)

    @staticmethod
    def _merge_key(op: Operation) -> Any:
        return op.merge_key if isinstance(op, MergeableOperation) else None


class UndoHistory(QObject):
    """Runs operations on the current project and keeps them on one ``QUndoStack``.

    GUI thread only. The stack belongs to the open project: it is cleared when a
    project opens or closes (``events.project_opened``/``project_closed``).
    """

    replayed = Signal(object)
    """replayed(changes: Changes): an undo or redo step ran (after ``events.changed``).

    Not emitted for the first application in :meth:`perform`, so listeners can
    bring what an undone step touched back into view.
    """

    def __init__(self, stack: QUndoStack, events: ProjectEvents, parent: QWidget) -> None:
        super().__init__(parent)
        self.stack = stack
        self._events = events
        self._widget = parent
        self._project: Project | None = None
        events.project_opened.connect(self._on_events_project_opened)
        events.project_closed.connect(self._on_events_project_closed)

    @property
    def project(self) -> Project | None:
        return self._project

    def perform(self, op: Operation) -> Changes | None:
        """Apply ``op`` now and, if that worked, push it for undo; returns its Changes.

        A refused operation (an :class:`AnnotatorError` such as ``Conflict``) is
        shown to the user and leaves the stack untouched; ``None`` is returned.
        """
        project = self._project
        if project is None:
            return None
        try:
            changes = op.apply(project)
        except AnnotatorError as exc:
            show_error(self._widget, exc)
            return None
        self.stack.push(OperationCommand(op, project, self._events, self._on_command_failed,
                                         applied=True, replayed=self.replayed.emit))
        self._events.changed.emit(changes)
        return changes

    def _on_command_failed(self, exc: BaseException) -> None:
        log.warning("undo or redo failed; clearing the undo history", exc_info=exc)
        # The database no longer matches what the other steps expect. Clear once the
        # stack has finished the current step (it is still executing the command).
        QTimer.singleShot(0, self.stack.clear)
        self._events.changed.emit(Changes(structure=True))
        show_error(self._widget, exc)

    def _on_events_project_opened(self, project: Project) -> None:
        self.stack.clear()
        self._project = project

    def _on_events_project_closed(self) -> None:
        self.stack.clear()
        self._project = None
