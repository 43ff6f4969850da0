"""Project-wide notifications, re-emitting the core's :class:`Changes`."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class ProjectEvents(QObject):
    """One instance per main window; lives on the GUI thread.

    Whoever performs a core mutation emits ``changed`` with the Changes it
    returned; models and views refresh only the ids they show.
    """

    changed = Signal(object)
    """changed(changes: annotator.core.changes.Changes): data was created, edited or deleted."""

    project_opened = Signal(object)
    """project_opened(project: annotator.core.project.Project): a project became current."""

    project_closed = Signal()
    """project_closed(): the current project was closed; views should clear themselves."""
