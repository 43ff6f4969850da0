"""Undoable assignment changes (apply/revert, for the GUI's undo history)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from annotator.core.changes import Changes
from annotator.core.team.assignment_plan import AssignmentPlan
from annotator.core.team.assignments import Assignment

if TYPE_CHECKING:
    from annotator.core.project import Project


@dataclass
class AssignPosts:
    """Apply a plan; undo removes its batch and restores the rows it replaced.

    ``new_coders`` (placeholder id -> name, see ``AssignmentService.apply``) are created
    with the first apply; undo leaves them (a coder is no assignment), redo reuses them.
    """

    plan: AssignmentPlan
    new_coders: dict[int, str] = field(default_factory=dict)
    before: list[Assignment] | None = None

    @property
    def text(self) -> str:
        return f"assign {len(self.plan.planned)} posts"

    def apply(self, project: Project) -> Changes:
        if self.before is None:
            replaced = self.plan.replaced
            self.before = project.assignments.records(post_ids=replaced) if replaced else []
        changes = project.assignments.apply(self.plan, self.new_coders)
        if self.new_coders:
            self.plan = self.plan.with_coders({placeholder: project.coders.by_name(name).id
                                               for placeholder, name in self.new_coders.items()})
            self.new_coders = {}
        return changes

    def revert(self, project: Project) -> Changes:
        assert self.before is not None, "revert before apply"
        return project.assignments.remove(self.plan.batch, restore=self.before)


@dataclass
class RemoveAssignments:
    """Remove one batch, or every assignment of one coder; undo puts the rows back."""

    batch: str | None = None
    coder_id: int | None = None
    before: list[Assignment] | None = None

    def __post_init__(self) -> None:
        if (self.batch is None) == (self.coder_id is None):
            raise ValueError("give a batch or a coder, not both")

    @property
    def text(self) -> str:
        return "remove assignments"

    def apply(self, project: Project) -> Changes:
        service = project.assignments
        self.before = service.records(batch=self.batch, coder_id=self.coder_id)
        if self.batch is not None:
            return service.remove(self.batch)
        assert self.coder_id is not None
        return service.clear(self.coder_id)

    def revert(self, project: Project) -> Changes:
        assert self.before is not None, "revert before apply"
        return project.assignments.restore(self.before)
