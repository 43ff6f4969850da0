"""Post-level variables: each coder's value of each variable for each post.

Values are stored as JSON in the variable's own terms: a level uuid (single
choice, ordinal), a list of level uuids in the codebook's level order (multiple
choice), ``true``/``false``, a number, or text. Levels may be given by name
too. Setting ``None`` clears the value. Every call commits at once.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from annotator.core.changes import Changes
from annotator.core.codebook.spec import VariableType
from annotator.core.codebook.versions import current_version
from annotator.core.errors import Conflict, NotFound
from annotator.core.storage.schema import CodeRow, CoderRow, PostRow, PostValueRow
from annotator.core.storage.types import utc_now

if TYPE_CHECKING:
    from annotator.core.project import Project


class PostValueService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def for_post(self, post_id: int, coder_id: int) -> dict[int, Any]:
        """``{variable code id: value}`` of one coder for one post."""
        with self._sessions() as session:
            rows = session.scalars(select(PostValueRow).where(
                PostValueRow.post_id == post_id, PostValueRow.coder_id == coder_id))
            return {row.code_id: row.value for row in rows}

    def get(self, post_id: int, code_id: int, coder_id: int) -> Any:
        return self.for_post(post_id, coder_id).get(code_id)

    def set(self, post_id: int, code_id: int, coder_id: int, value: Any) -> Changes:
        """Store (or, with ``None``, clear) a value; raises :class:`Conflict` for a value
        the variable does not take and :class:`NotFound` for unknown ids."""
        with self._sessions.begin() as session:
            code = session.get(CodeRow, code_id)
            if code is None or code.kind != "variable":
                raise NotFound("post-level variable", code_id)
            if session.get(PostRow, post_id) is None:
                raise NotFound("post", post_id)
            if session.get(CoderRow, coder_id) is None:
                raise NotFound("coder", coder_id)
            stored = normalise_value(code, value)
            row = session.get(PostValueRow, (post_id, code_id, coder_id))
            if stored is None:
                if row is not None:
                    session.delete(row)
            elif row is None:
                now = utc_now()
                session.add(PostValueRow(post_id=post_id, code_id=code_id, coder_id=coder_id,
                                         value=stored, codebook_version=current_version(session),
                                         created=now, updated=now))
            elif row.value != stored:
                row.value, row.updated = stored, utc_now()
                row.codebook_version = current_version(session)
        return Changes(posts=frozenset({post_id}))


def normalise_value(code: CodeRow, value: Any) -> Any:
    """``value`` as stored for variable ``code``, or ``None`` for "no value"."""
    if value is None or (isinstance(value, str | list | tuple | set) and not value):
        return None
    kind = VariableType(code.variable_type or VariableType.TEXT)
    name = code.name
    if kind in (VariableType.SINGLE, VariableType.ORDINAL):
        return _level(code, value)
    if kind is VariableType.MULTIPLE:
        if not isinstance(value, list | tuple | set | frozenset):
            raise Conflict(f"{name!r} takes a list of levels")
        chosen = {_level(code, item) for item in value}
        return [level["uuid"] for level in code.levels if level["uuid"] in chosen]
    if kind is VariableType.BOOLEAN:
        if not isinstance(value, bool):
            raise Conflict(f"{name!r} takes yes or no")
        return value
    if kind is VariableType.NUMBER:
        if isinstance(value, bool) or not isinstance(value, int | float) or (
                isinstance(value, float) and not math.isfinite(value)):
            raise Conflict(f"{name!r} takes a number")
        return value
    return str(value)


def _level(code: CodeRow, value: Any) -> str:
    for level in code.levels:
        if value in (level["uuid"], level["name"]):
            return str(level["uuid"])
    names = ", ".join(str(level["name"]) for level in code.levels)
    raise Conflict(f"{code.name!r} has no level {value!r}; its levels are: {names}")


@dataclass
class SetPostValue:
    """An undoable change of one coder's value of one variable for one post."""

    post_id: int
    code_id: int
    coder_id: int
    value: Any
    before: Any = None
    applied: bool = False

    @property
    def text(self) -> str:
        return "set a post variable"

    def apply(self, project: Project) -> Changes:
        if not self.applied:
            self.before = project.values.get(self.post_id, self.code_id, self.coder_id)
            self.applied = True
        return project.values.set(self.post_id, self.code_id, self.coder_id, self.value)

    def revert(self, project: Project) -> Changes:
        return project.values.set(self.post_id, self.code_id, self.coder_id, self.before)
