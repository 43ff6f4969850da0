"""The codebook in a project: reading the tree and editing it, every edit recorded.

Each edit is one transaction that also records a changelog entry and raises the
codebook version (:mod:`annotator.core.codebook.versions`). Names are unique
among siblings and shortcuts unique in the codebook; violations raise
:class:`Conflict` before anything is written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, sessionmaker

from annotator.core.changes import Changes
from annotator.core.codebook import versions
from annotator.core.codebook.spec import CHOICE_TYPES, CodeKind, VariableType
from annotator.core.errors import Conflict, NotFound
from annotator.core.model import Code
from annotator.core.storage import convert
from annotator.core.storage.schema import AnnotationRow, CodeRow, PostValueRow, new_uuid

_COLOUR = re.compile(r"^#([0-9a-f]{6}|[0-9a-f]{3})$")
PATH_SEPARATOR = "/"
EDITABLE = frozenset({"name", "description", "colour", "shortcut", "inclusion", "exclusion",
                      "examples", "memo", "kind", "variable_type", "levels"})
"""Fields :meth:`CodeService.update` accepts."""


def normalise_colour(colour: str | None) -> str | None:
    """``#rrggbb`` in lower case (``#rgb`` expanded), or ``None``; else :class:`Conflict`."""
    if colour is None or not colour.strip():
        return None
    value = colour.strip().lower()
    if not _COLOUR.match(value):
        raise Conflict(f"colour {colour!r} is not of the form #RRGGBB")
    if len(value) == 4:
        value = "#" + "".join(ch * 2 for ch in value[1:])
    return value


def split_path(path: str) -> tuple[str, ...]:
    """``"Parent/Child"`` → ``("Parent", "Child")``, ignoring blanks around names."""
    parts = tuple(part.strip() for part in path.split(PATH_SEPARATOR))
    if not parts or any(not p for p in parts):
        raise NotFound("code", path)
    return parts


@dataclass(frozen=True, slots=True)
class Usage:
    """How much coded work hangs on a code and its descendants."""

    codes: int
    annotations: int
    values: int


class CodeService:
    """Codebook queries and edits. ``actor`` names who edits, for the changelog."""

    def __init__(self, sessions: sessionmaker[Session], actor: Callable[[], str]) -> None:
        self._sessions = sessions
        self._actor = actor

    def list(self) -> list[Code]:
        """Every code, depth first in tree order (parents before their children)."""
        with self._sessions() as session:
            return tree(session)

    def get(self, code_id: int) -> Code:
        for code in self.list():
            if code.id == code_id:
                return code
        raise NotFound("code", code_id)

    def by_path(self, path: str) -> Code:
        wanted = split_path(path)
        for code in self.list():
            if code.path == wanted:
                return code
        raise NotFound("code", path)

    def version(self) -> int:
        with self._sessions.begin() as session:
            return versions.current_version(session)

    def changelog(self) -> tuple[versions.CodebookChange, ...]:
        """Every recorded change, oldest first."""
        with self._sessions() as session:
            return tuple(versions.changelog(session))

    def usage(self, code_id: int) -> Usage:
        """Codes, annotations and post values that deleting ``code_id`` would remove."""
        with self._sessions() as session:
            ids = subtree_ids(session, code_id)
            return Usage(
                codes=len(ids),
                annotations=_count(session, AnnotationRow.code_id, ids),
                values=_count(session, PostValueRow.code_id, ids),
            )

    def add(
        self,
        name: str,
        parent_id: int | None = None,
        *,
        position: int | None = None,
        uuid: str | None = None,
        **fields: Any,
    ) -> tuple[Code, Changes]:
        """Add one code under ``parent_id`` (``None``: top level), last unless ``position``."""
        with self._sessions.begin() as session:
            row = insert_code(session, name, parent_id, position=position, uuid=uuid, **fields)
            versions.record(session, self._actor(), "add", f"added {path_of(session, row)}",
                            code=row.uuid)
            code_id = row.id
        return self.get(code_id), Changes(codes=frozenset({code_id}))

    def add_tree(self, nodes: Iterable[Mapping[str, Any]]) -> Changes:
        """Add nested codes (``name``, optional fields, ``children``) in one transaction."""
        added: set[int] = set()
        with self._sessions.begin() as session:

            def add_all(items: Iterable[Mapping[str, Any]], parent: int | None) -> None:
                for node in items:
                    fields = {k: v for k, v in node.items() if k not in ("name", "children")}
                    row = insert_code(session, str(node["name"]), parent, **fields)
                    added.add(row.id)
                    add_all(node.get("children", ()), row.id)

            add_all(nodes, None)
            versions.record(session, self._actor(), "add", f"added {len(added)} codes")
        return Changes(codes=frozenset(added))

    def update(self, code_id: int, **fields: Any) -> Changes:
        """Change fields of one code (see :data:`EDITABLE`); recorded as one change."""
        unknown = set(fields) - EDITABLE
        if unknown:
            raise Conflict(f"cannot edit {', '.join(sorted(unknown))} of a code")
        with self._sessions.begin() as session:
            row = _row(session, code_id)
            before = {name: getattr(row, name) for name in fields}
            set_fields(session, row, fields)
            after = {name: getattr(row, name) for name in fields}
            changed = sorted(k for k in fields if before[k] != after[k])
            if changed:
                versions.record(session, self._actor(), _action(changed),
                                f"{', '.join(changed)} of {path_of(session, row)}",
                                code=row.uuid, before=_jsonable(before), after=_jsonable(after))
        return Changes(codes=frozenset({code_id}))

    def move(self, code_id: int, parent_id: int | None, position: int | None = None) -> Changes:
        """Move a code (and its subtree) under ``parent_id`` at ``position`` (default: last)."""
        with self._sessions.begin() as session:
            row = _row(session, code_id)
            old = path_of(session, row)
            move_row(session, row, parent_id, position)
            versions.record(session, self._actor(), "move",
                            f"moved {old} to {path_of(session, row)}", code=row.uuid)
        return Changes(codes=frozenset({code_id}))

    def merge(self, source_id: int, target_id: int) -> Changes:
        """Merge ``source`` into ``target``: its annotations and values move, its children
        move under ``target``, then ``source`` is deleted. Coded work identical to work
        already on ``target`` is dropped as a duplicate."""
        with self._sessions.begin() as session:
            source, target = _row(session, source_id), _row(session, target_id)
            if source_id == target_id or target_id in subtree_ids(session, source_id):
                raise Conflict("a code cannot be merged into itself or its own subcode")
            if source.kind != target.kind or source.variable_type != target.variable_type:
                raise Conflict("only codes of the same kind (and variable type) can be merged")
            summary = f"merged {path_of(session, source)} into {path_of(session, target)}"
            moved = merge_rows(session, source, target)
            versions.record(session, self._actor(), "merge", summary, code=source.uuid,
                            into=target.uuid, annotations=moved)
        return Changes(codes=frozenset({source_id, target_id}), structure=True)

    def delete(self, code_id: int) -> Changes:
        """Delete a code, its subcodes, and every annotation and post value on them."""
        with self._sessions.begin() as session:
            row = _row(session, code_id)
            summary = f"deleted {path_of(session, row)}"
            usage = delete_subtree(session, code_id)
            versions.record(session, self._actor(), "delete", summary, code=row.uuid,
                            annotations=usage.annotations, values=usage.values)
        return Changes(codes=frozenset({code_id}), structure=True)


def tree(session: Session) -> list[Code]:
    """Every code as a DTO, depth first (parents before children, siblings by position)."""
    rows = session.scalars(select(CodeRow).order_by(CodeRow.position, CodeRow.id)).all()
    children: dict[int | None, list[CodeRow]] = {}
    for row in rows:
        children.setdefault(row.parent_id, []).append(row)
    result: list[Code] = []

    def walk(parent: int | None, prefix: tuple[str, ...]) -> None:
        for row in children.get(parent, []):
            path = (*prefix, row.name)
            result.append(convert.code(row, path))
            walk(row.id, path)

    walk(None, ())
    return result


def path_of(session: Session, row: CodeRow) -> str:
    names = [row.name]
    parent = row.parent_id
    while parent is not None:
        parent_row = _row(session, parent)
        names.append(parent_row.name)
        parent = parent_row.parent_id
    return PATH_SEPARATOR.join(reversed(names))


def subtree_ids(session: Session, code_id: int) -> list[int]:
    """``code_id`` and every descendant, parents first."""
    found = [code_id]
    for current in found:
        found.extend(session.scalars(select(CodeRow.id).where(CodeRow.parent_id == current)))
    return found


def insert_code(
    session: Session,
    name: str,
    parent_id: int | None,
    *,
    position: int | None = None,
    uuid: str | None = None,
    code_id: int | None = None,
    **fields: Any,
) -> CodeRow:
    """Insert one code inside an open transaction after checking it.

    ``uuid`` and ``code_id`` are for codes coming back (undo, a codebook file).
    """
    if parent_id is not None:
        _check_parent(_row(session, parent_id))
    count = session.scalar(select(func.count(CodeRow.id)).where(_siblings(parent_id))) or 0
    row = CodeRow(id=code_id, name="", parent_id=parent_id, description="", position=int(count),
                  kind=CodeKind.SPAN.value, inclusion="", exclusion="", memo="", examples=[],
                  levels=[])
    if uuid is not None:
        row.uuid = uuid.strip().strip("{}").lower()
    set_fields(session, row, {"name": name, **fields})
    session.add(row)
    session.flush()
    if position is not None:
        place(session, row, position)
    return row


def set_fields(session: Session, row: CodeRow, fields: Mapping[str, Any]) -> None:
    """Validate and set editable fields on ``row`` (inside an open transaction)."""
    for name, value in fields.items():
        if name == "name":
            row.name = _checked_name(session, str(value), row.parent_id, row.id)
        elif name == "colour":
            row.colour = normalise_colour(value)
        elif name == "shortcut":
            row.shortcut = _checked_shortcut(session, value, row.id)
        elif name == "examples":
            row.examples = [str(v) for v in value or ()]
        elif name == "levels":
            row.levels = [_level_record(level) for level in value or ()]
        elif name == "kind":
            row.kind = CodeKind(value).value
        elif name == "variable_type":
            row.variable_type = VariableType(value).value if value else None
        elif name in ("description", "inclusion", "exclusion", "memo"):
            setattr(row, name, str(value or ""))
        else:
            raise Conflict(f"unknown code field {name!r}")
    _check_kind(row)
    if row.id is not None and "kind" in fields:
        _check_kind_change(session, row)


def move_row(session: Session, row: CodeRow, parent_id: int | None, position: int | None) -> None:
    if parent_id is not None and parent_id in subtree_ids(session, row.id):
        raise Conflict("a code cannot move under itself or one of its subcodes")
    if parent_id is not None:
        _check_parent(_row(session, parent_id))
    if parent_id != row.parent_id:
        _checked_name(session, row.name, parent_id, row.id)
        old_parent = row.parent_id
        row.parent_id = parent_id
        row.position = 1 << 30
        session.flush()
        _renumber(session, old_parent)
    place(session, row, position if position is not None else 1 << 30)


def merge_rows(session: Session, source: CodeRow, target: CodeRow) -> int:
    """Move ``source``'s coded work and children to ``target`` and delete ``source``."""
    moved = 0
    for annotation in session.scalars(
        select(AnnotationRow).where(AnnotationRow.code_id == source.id)
    ).all():
        duplicate = session.scalar(select(AnnotationRow.id).where(
            AnnotationRow.post_id == annotation.post_id,
            AnnotationRow.code_id == target.id,
            AnnotationRow.coder_id == annotation.coder_id,
            AnnotationRow.start == annotation.start,
            AnnotationRow.end == annotation.end,
        ))
        if duplicate is None:
            annotation.code_id = target.id
            moved += 1
        else:
            session.delete(annotation)
    for value in session.scalars(select(PostValueRow).where(PostValueRow.code_id == source.id)):
        exists = session.get(PostValueRow, (value.post_id, target.id, value.coder_id))
        if exists is None:
            session.add(PostValueRow(post_id=value.post_id, code_id=target.id,
                                     coder_id=value.coder_id, value=value.value,
                                     codebook_version=value.codebook_version,
                                     created=value.created, updated=value.updated))
        session.delete(value)
    session.flush()
    for child in session.scalars(select(CodeRow).where(CodeRow.parent_id == source.id)).all():
        move_row(session, child, target.id, None)
    session.delete(source)
    session.flush()
    _renumber(session, source.parent_id)
    return moved


def delete_subtree(session: Session, code_id: int) -> Usage:
    ids = subtree_ids(session, code_id)
    usage = Usage(len(ids), _count(session, AnnotationRow.code_id, ids),
                  _count(session, PostValueRow.code_id, ids))
    session.execute(delete(AnnotationRow).where(AnnotationRow.code_id.in_(ids)))
    session.execute(delete(PostValueRow).where(PostValueRow.code_id.in_(ids)))
    parent = _row(session, code_id).parent_id
    for code in reversed(ids):
        session.delete(_row(session, code))
        session.flush()
    _renumber(session, parent)
    return usage


def _count(session: Session, column: Any, ids: list[int]) -> int:
    return int(session.scalar(select(func.count()).where(column.in_(ids))) or 0)


def _row(session: Session, code_id: int) -> CodeRow:
    row = session.get(CodeRow, code_id)
    if row is None:
        raise NotFound("code", code_id)
    return row


def _siblings(parent_id: int | None) -> Any:
    return CodeRow.parent_id.is_(None) if parent_id is None else CodeRow.parent_id == parent_id


def _checked_name(session: Session, name: str, parent_id: int | None, own_id: int | None) -> str:
    clean = name.strip()
    if not clean or PATH_SEPARATOR in clean:
        raise Conflict(f"code name {name!r} must be non-empty and without '/'")
    clash = session.scalar(select(CodeRow.id).where(CodeRow.name == clean, _siblings(parent_id)))
    if clash is not None and clash != own_id:
        raise Conflict(f"a code named {clean!r} already exists at that place in the tree")
    return clean


def _checked_shortcut(session: Session, value: Any, own_id: int | None) -> str | None:
    if value is None or not str(value).strip():
        return None
    key = str(value).strip()
    key = key.lower() if len(key) == 1 else key
    if len(key) != 1:
        raise Conflict(f"shortcut {value!r} must be a single key")
    clash = session.scalar(select(CodeRow.id).where(CodeRow.shortcut == key))
    if clash is not None and clash != own_id:
        raise Conflict(f"shortcut {key!r} is already used by another code")
    return key


def _level_record(level: Any) -> dict[str, Any]:
    if isinstance(level, Mapping):
        name, uuid, description = level["name"], level.get("uuid"), level.get("description", "")
    else:
        name, uuid, description = level.name, level.uuid, level.description
    return {"uuid": (uuid or new_uuid()).lower(), "name": str(name),
            "description": str(description or "")}


def _check_parent(parent: CodeRow) -> None:
    if parent.kind == CodeKind.VARIABLE.value:
        raise Conflict(f"variable {parent.name!r} cannot have subcodes")


def _check_kind_change(session: Session, row: CodeRow) -> None:
    """A code may change kind only while nothing depends on its old kind."""
    if row.kind == CodeKind.VARIABLE.value:
        if session.scalar(select(CodeRow.id).where(CodeRow.parent_id == row.id)) is not None:
            raise Conflict(f"{row.name!r} has subcodes, so it cannot become a variable")
        if _count(session, AnnotationRow.code_id, [row.id]):
            raise Conflict(f"{row.name!r} has span annotations, so it cannot become a variable")
    elif _count(session, PostValueRow.code_id, [row.id]):
        raise Conflict(f"{row.name!r} has post values, so it cannot become a span code")


def _check_kind(row: CodeRow) -> None:
    if row.kind == CodeKind.SPAN.value:
        if row.variable_type is not None or row.levels:
            raise Conflict(f"span code {row.name!r} cannot have a variable type or levels")
        return
    if row.variable_type is None:
        raise Conflict(f"variable {row.name!r} needs a type")
    choice = VariableType(row.variable_type) in CHOICE_TYPES
    if choice and not row.levels:
        raise Conflict(f"variable {row.name!r} of type {row.variable_type} needs levels")
    if not choice and row.levels:
        raise Conflict(f"variable {row.name!r} of type {row.variable_type} takes no levels")


def place(session: Session, row: CodeRow, position: int) -> None:
    """Put ``row`` at ``position`` among its siblings and renumber them densely."""
    siblings = [r for r in session.scalars(
        select(CodeRow).where(_siblings(row.parent_id)).order_by(CodeRow.position, CodeRow.id)
    ) if r.id != row.id]
    siblings.insert(max(0, min(position, len(siblings))), row)
    for index, sibling in enumerate(siblings):
        sibling.position = index


def _renumber(session: Session, parent_id: int | None) -> None:
    rows = session.scalars(
        select(CodeRow).where(_siblings(parent_id)).order_by(CodeRow.position, CodeRow.id)
    ).all()
    for index, row in enumerate(rows):
        row.position = index


def _action(changed: list[str]) -> str:
    if changed == ["name"]:
        return "rename"
    if changed == ["colour"]:
        return "recolour"
    if changed == ["shortcut"]:
        return "shortcut"
    return "edit"


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in values.items()}
