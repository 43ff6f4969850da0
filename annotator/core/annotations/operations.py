"""Undoable coding actions: add, delete and change annotations.

The GUI wraps them in its one ``OperationCommand``. An operation keeps the
annotation it created or removed, so undo then redo restores the same id and
uuid and later steps that name it keep working. ``merge_key`` lets an undo
stack fold a run of boundary nudges on one annotation into a single step.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from annotator.core.changes import Changes
from annotator.core.model import Annotation
from annotator.core.spans import Span

if TYPE_CHECKING:
    from annotator.core.project import Project


@dataclass
class AddAnnotation:
    post_id: int
    code_id: int
    coder_id: int
    span: Span
    memo: str = ""
    created: Annotation | None = None

    @property
    def text(self) -> str:
        return "code a span"

    def apply(self, project: Project) -> Changes:
        if self.created is not None:  # redo: the same annotation again
            return project.annotations.restore(self.created)
        self.created, changes = project.annotations.add(
            self.post_id, self.code_id, self.coder_id, self.span, self.memo)
        return changes

    def revert(self, project: Project) -> Changes:
        assert self.created is not None, "revert before apply"
        return project.annotations.delete(self.created.id)


@dataclass
class DeleteAnnotation:
    annotation_id: int
    removed: Annotation | None = None

    @property
    def text(self) -> str:
        return "remove an annotation"

    def apply(self, project: Project) -> Changes:
        self.removed = project.annotations.get(self.annotation_id)
        return project.annotations.delete(self.annotation_id)

    def revert(self, project: Project) -> Changes:
        assert self.removed is not None, "revert before apply"
        return project.annotations.restore(self.removed)


@dataclass
class UpdateAnnotation:
    """Change the code, the boundaries or the memo of one annotation."""

    annotation_id: int
    code_id: int | None = None
    span: Span | None = None
    memo: str | None = None
    before: Annotation | None = None

    @property
    def text(self) -> str:
        if self.span is not None:
            return "adjust an annotation"
        return "change an annotation's code" if self.code_id is not None else "edit a memo"

    @property
    def merge_key(self) -> tuple[str, int] | None:
        """Equal keys on consecutive steps may be folded into one undo step."""
        return ("span", self.annotation_id) if self.span is not None else None

    def apply(self, project: Project) -> Changes:
        if self.before is None:
            self.before = project.annotations.get(self.annotation_id)
        _, changes = project.annotations.update(
            self.annotation_id, code_id=self.code_id, span=self.span, memo=self.memo)
        return changes

    def revert(self, project: Project) -> Changes:
        assert self.before is not None, "revert before apply"
        _, changes = project.annotations.update(
            self.annotation_id, code_id=self.before.code_id, span=self.before.span,
            memo=self.before.memo)
        return changes

    def merged(self, later: UpdateAnnotation) -> UpdateAnnotation:
        """One step doing this and then ``later`` (same ``merge_key``)."""
        return UpdateAnnotation(self.annotation_id, later.code_id or self.code_id,
                                later.span or self.span, later.memo if later.memo is not None
                                else self.memo, self.before)
