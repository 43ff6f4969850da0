"""Undoable codebook edits: each applies through the service and reverts exactly.

The GUI wraps these in one thin ``QUndoCommand``. An operation remembers the
ids it created or the snapshot it took, so undo then redo restores the same
ids and uuids, and the steps around it on the stack keep working. Every apply
and revert is recorded in the codebook changelog like any other edit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy.orm import Session

from annotator.core.changes import Changes
from annotator.core.codebook import snapshot, versions
from annotator.core.codebook.service import insert_code, subtree_ids
from annotator.core.storage.schema import CodeRow

if TYPE_CHECKING:
    from annotator.core.project import Project


class Operation(Protocol):
    """An edit that can be applied and reverted; ``text`` names it for an undo menu."""

    @property
    def text(self) -> str: ...

    def apply(self, project: Project) -> Changes: ...

    def revert(self, project: Project) -> Changes: ...


@dataclass
class AddCode:
    name: str
    parent_id: int | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    position: int | None = None
    _id: int | None = None
    _uuid: str | None = None

    @property
    def text(self) -> str:
        return f"add code {self.name!r}"

    def apply(self, project: Project) -> Changes:
        with project.sessions.begin() as session:
            row = _insert(session, self)
            versions.record(session, project.actor, "add", f"added {self.name}", code=row.uuid)
            self._id, self._uuid = row.id, row.uuid
        return Changes(codes=frozenset({row.id}))

    def revert(self, project: Project) -> Changes:
        assert self._id is not None
        return project.codes.delete(self._id)


def _insert(session: Session, op: AddCode) -> CodeRow:
    # On redo, take back the id and uuid that undo freed.
    return insert_code(session, op.name, op.parent_id, position=op.position, uuid=op._uuid,
                       code_id=op._id, **op.fields)


@dataclass
class UpdateCode:
    code_id: int
    fields: dict[str, Any]
    _before: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return f"edit {', '.join(sorted(self.fields))}"

    def apply(self, project: Project) -> Changes:
        code = project.codes.get(self.code_id)
        self._before = {name: getattr(code, name) for name in self.fields}
        return project.codes.update(self.code_id, **self.fields)

    def revert(self, project: Project) -> Changes:
        return project.codes.update(self.code_id, **self._before)


@dataclass
class MoveCode:
    code_id: int
    parent_id: int | None
    position: int | None = None
    _from: tuple[int | None, int] | None = None

    @property
    def text(self) -> str:
        return "move code"

    def apply(self, project: Project) -> Changes:
        code = project.codes.get(self.code_id)
        self._from = (code.parent_id, code.position)
        return project.codes.move(self.code_id, self.parent_id, self.position)

    def revert(self, project: Project) -> Changes:
        assert self._from is not None
        return project.codes.move(self.code_id, *self._from)


@dataclass
class DeleteCode:
    code_id: int
    _snapshot: snapshot.Snapshot | None = None

    @property
    def text(self) -> str:
        return "delete code"

    def apply(self, project: Project) -> Changes:
        with project.sessions() as session:
            self._snapshot = snapshot.capture(session, self.code_id)
        return project.codes.delete(self.code_id)

    def revert(self, project: Project) -> Changes:
        return _restore(project, self._snapshot, "undo delete", self.code_id)


@dataclass
class MergeCodes:
    source_id: int
    target_id: int
    _snapshot: snapshot.Snapshot | None = None

    @property
    def text(self) -> str:
        return "merge codes"

    def apply(self, project: Project) -> Changes:
        with project.sessions() as session:
            self._snapshot = snapshot.capture(session, self.source_id, self.target_id)
        return project.codes.merge(self.source_id, self.target_id)

    def revert(self, project: Project) -> Changes:
        changes = _restore(project, self._snapshot, "undo merge", self.source_id)
        return changes | Changes(codes=frozenset({self.target_id}))


def _restore(project: Project, saved: snapshot.Snapshot | None, action: str,
             code_id: int) -> Changes:
    assert saved is not None, "revert before apply"
    with project.sessions.begin() as session:
        snapshot.restore(session, saved)
        row = session.get_one(CodeRow, code_id)
        versions.record(session, project.actor, action, f"restored {row.name}", code=row.uuid)
        restored = subtree_ids(session, code_id)
    return Changes(codes=frozenset(restored), structure=True)
