"""A project's codebook against a codebook file: export, compare, apply.

Codes of the file are matched with the project's by uuid, then by path.
Applying reports what was added, renamed, moved, changed and removed. A code
the file drops that has coded work on it is only removed when the file (its
``removed`` list) or the caller says where the work goes: merged into another
code, or deleted. Everything happens in one transaction, as one new version.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from annotator.core.changes import Changes
from annotator.core.codebook import versions
from annotator.core.codebook.service import (
    PATH_SEPARATOR,
    delete_subtree,
    insert_code,
    merge_rows,
    move_row,
    set_fields,
    subtree_ids,
    tree,
)
from annotator.core.codebook.spec import (
    CodebookSpec,
    CodeKind,
    CodeSpec,
    Removal,
    VariableType,
    walk,
)
from annotator.core.errors import AnnotatorError
from annotator.core.model import Code
from annotator.core.storage.schema import AnnotationRow, CodeRow, PostValueRow

_FIELDS = ("description", "colour", "shortcut", "inclusion", "exclusion", "examples", "memo",
           "kind", "variable_type", "levels")


@dataclass(frozen=True, slots=True)
class Removed:
    path: str
    annotations: int
    values: int
    fate: str
    """``"removed"`` (no coded work), ``"merged into <path>"``, ``"deleted"`` or ``"refused"``."""


@dataclass(frozen=True, slots=True)
class CodebookDiff:
    """What applying a codebook file does (or did) to the project's codebook."""

    added: tuple[str, ...] = ()
    renamed: tuple[tuple[str, str], ...] = ()
    moved: tuple[tuple[str, str], ...] = ()
    changed: tuple[tuple[str, tuple[str, ...]], ...] = ()
    removed: tuple[Removed, ...] = ()
    version: int | None = None

    @property
    def empty(self) -> bool:
        return not (self.added or self.renamed or self.moved or self.changed or self.removed)

    def lines(self) -> list[str]:
        out = [f"added: {path}" for path in self.added]
        out += [f"renamed: {old} -> {new}" for old, new in self.renamed]
        out += [f"moved: {old} -> {new}" for old, new in self.moved]
        out += [f"changed: {path} ({', '.join(fields)})" for path, fields in self.changed]
        out += [f"removed: {r.path} ({r.annotations} annotation(s), {r.values} value(s); "
                f"{r.fate})" for r in self.removed]
        return out or ["no changes"]


class RemovalRefused(AnnotatorError):
    """The file drops codes that carry coded work and nothing says where it goes."""

    def __init__(self, diff: CodebookDiff) -> None:
        super().__init__(diff)
        self.diff = diff

    def __str__(self) -> str:
        refused = [r for r in self.diff.removed if r.fate == "refused"]
        listing = "; ".join(f"{r.path} ({r.annotations} annotation(s), {r.values} value(s))"
                            for r in refused)
        return (f"the codebook file removes codes that have coded work: {listing}; say where it "
                "goes with --merge-into CODE or --delete-removed, or in the file's 'removed' list")


def export_spec(sessions: sessionmaker[Session]) -> CodebookSpec:
    """The project's codebook as a :class:`CodebookSpec`, uuids included."""
    with sessions.begin() as session:
        book = versions.codebook_row(session)
        codes = tree(session)
        meta = (book.name, book.version, book.description, book.uuid)
    children: dict[int | None, list[Code]] = {}
    for code in codes:
        children.setdefault(code.parent_id, []).append(code)

    def build(parent: int | None) -> tuple[CodeSpec, ...]:
        return tuple(_spec_of(code, build(code.id)) for code in children.get(parent, []))

    return CodebookSpec(name=meta[0], version=meta[1], description=meta[2], codes=build(None),
                        uuid=meta[3])


def _spec_of(code: Code, children: tuple[CodeSpec, ...]) -> CodeSpec:
    return CodeSpec(
        name=code.name, uuid=code.uuid, kind=CodeKind(code.kind), description=code.description,
        inclusion=code.inclusion, exclusion=code.exclusion, examples=code.examples,
        colour=code.colour, shortcut=code.shortcut, memo=code.memo,
        variable_type=None if code.variable_type is None else VariableType(code.variable_type),
        levels=code.levels, children=children,
    )


def apply_spec(
    sessions: sessionmaker[Session],
    spec: CodebookSpec,
    actor: Callable[[], str],
    *,
    merge_into: str | None = None,
    delete_removed: bool = False,
    dry_run: bool = False,
) -> tuple[CodebookDiff, Changes]:
    """Make the project's codebook equal to ``spec`` (see the module docstring).

    ``merge_into`` (a path or uuid in ``spec``) receives the coded work of every
    removed code the file gives no fate; ``delete_removed`` deletes it instead.
    ``dry_run`` computes the difference and writes nothing. Raises
    :class:`RemovalRefused` (nothing written) when coded work has nowhere to go.
    """
    with sessions.begin() as session:
        diff, touched = _apply(session, spec, actor(), merge_into, delete_removed)
        if any(r.fate == "refused" for r in diff.removed):
            raise RemovalRefused(diff)
        if dry_run:
            session.rollback()
            return diff, Changes()
    return diff, Changes(codes=frozenset(touched), structure=True)


def _apply(
    session: Session, spec: CodebookSpec, author: str, merge_into: str | None,
    delete_removed: bool,
) -> tuple[CodebookDiff, set[int]]:
    existing = {c.id: c for c in tree(session)}
    by_uuid = {c.uuid: c for c in existing.values()}
    wanted = walk(spec.codes)
    matched = _match(existing, wanted)
    kept = {code.id for code in matched.values()}
    # Free names and shortcuts first, so renames and swaps cannot collide on the way.
    for code_id in existing:
        row = session.get_one(CodeRow, code_id)
        row.shortcut = None
        if code_id in kept:
            row.name = f"\u2060{row.uuid}"  # a placeholder no real name equals
    session.flush()
    upserted = _upsert(session, spec, wanted, matched)
    removed = _remove(session, existing, kept, spec.removals, upserted.ids, by_uuid,
                      merge_into, delete_removed)
    book = versions.codebook_row(session)
    if spec.name != book.name or spec.description != book.description:
        book.name, book.description = spec.name, spec.description
        versions.record(session, author, "codebook", "codebook name or description changed")
    if spec.uuid and spec.uuid.lower() != book.uuid:
        book.uuid = spec.uuid.lower()  # the file's codebook identity travels with it
    result = CodebookDiff(tuple(upserted.added), tuple(upserted.renamed), tuple(upserted.moved),
                          tuple(upserted.changed), removed)
    for line in [] if result.empty else result.lines():
        versions.record(session, author, "load", line)
    if spec.version is not None and spec.version > book.version:
        book.version = spec.version
    return replace(result, version=book.version), set(upserted.ids.values()) | set(existing)


def _match(
    existing: dict[int, Code], wanted: list[tuple[tuple[str, ...], CodeSpec]]
) -> dict[tuple[str, ...], Code]:
    """The project code each code of the file stands for: same uuid, else same path."""
    by_uuid = {c.uuid: c for c in existing.values()}
    by_path = {c.path: c for c in existing.values()}
    matched: dict[tuple[str, ...], Code] = {}
    taken: set[int] = set()
    for path, code in wanted:
        found = by_uuid.get(code.uuid.lower()) if code.uuid else None
        if found is None and path in by_path and by_path[path].id not in taken:
            found = by_path[path]
        if found is not None and found.id not in taken:
            matched[path] = found
            taken.add(found.id)
    return matched


@dataclass
class _Upserted:
    added: list[str]
    renamed: list[tuple[str, str]]
    moved: list[tuple[str, str]]
    changed: list[tuple[str, tuple[str, ...]]]
    ids: dict[tuple[str, ...], int]


def _upsert(
    session: Session,
    spec: CodebookSpec,
    wanted: list[tuple[tuple[str, ...], CodeSpec]],
    matched: dict[tuple[str, ...], Code],
) -> _Upserted:
    """Create or update every code of the file, parents first, in the file's order."""
    done = _Upserted([], [], [], [], {})
    for path, code in wanted:
        parent_id = done.ids.get(path[:-1]) if len(path) > 1 else None
        index = _sibling_index(spec, path)
        fields = _fields(code)
        old = matched.get(path)
        shown = PATH_SEPARATOR.join(path)
        if old is None:
            row = insert_code(session, code.name, parent_id, position=index, uuid=code.uuid,
                              **fields)
            done.added.append(shown)
        else:
            row = session.get_one(CodeRow, old.id)
            if row.parent_id != parent_id:
                move_row(session, row, parent_id, index)
                done.moved.append((old.path_text, shown))
            else:
                row.position = index
            set_fields(session, row, {"name": code.name})
            if old.name != code.name:
                done.renamed.append((old.path_text, shown))
            differs = tuple(f for f in _FIELDS if _current(old, f) != _wanted(fields, f))
            set_fields(session, row, fields)
            if differs:
                done.changed.append((shown, differs))
        session.flush()
        done.ids[path] = row.id
    return done


def _remove(
    session: Session,
    existing: dict[int, Code],
    kept: set[int],
    removals: tuple[Removal, ...],
    ids: dict[tuple[str, ...], int],
    by_uuid: dict[str, Code],
    merge_into: str | None,
    delete_removed: bool,
) -> tuple[Removed, ...]:
    gone = [c for c in existing.values() if c.id not in kept]
    gone_ids = {c.id for c in gone}
    roots = [c for c in gone if c.parent_id not in gone_ids]  # subtrees go as a whole
    fates = {_key(r.code, by_uuid): r for r in removals}
    result: list[Removed] = []
    for code in roots:
        sub = subtree_ids(session, code.id)
        annotations = _count(session, AnnotationRow, sub)
        values = _count(session, PostValueRow, sub)
        rule = fates.get(code.id)
        target = (rule.merge_into if rule else None) or (None if rule and rule.delete
                                                          else merge_into)
        deleting = (rule.delete if rule else False) or (delete_removed and target is None)
        if not annotations and not values:
            delete_subtree(session, code.id)
            result.append(Removed(code.path_text, 0, 0, "removed"))
        elif target is not None:
            target_id = _target(target, ids, by_uuid)
            if target_id is None:
                result.append(Removed(code.path_text, annotations, values, "refused"))
                continue
            for child_id in reversed(sub[1:]):
                merge_rows(session, session.get_one(CodeRow, child_id),
                           session.get_one(CodeRow, target_id))
            merge_rows(session, session.get_one(CodeRow, code.id),
                       session.get_one(CodeRow, target_id))
            result.append(Removed(code.path_text, annotations, values, f"merged into {target}"))
        elif deleting:
            delete_subtree(session, code.id)
            result.append(Removed(code.path_text, annotations, values, "deleted"))
        else:
            result.append(Removed(code.path_text, annotations, values, "refused"))
    return tuple(result)


def _key(reference: str, by_uuid: dict[str, Code]) -> int | None:
    ref = reference.strip().strip("{}").lower()
    if ref in by_uuid:
        return by_uuid[ref].id
    for code in by_uuid.values():
        if code.path_text == PATH_SEPARATOR.join(p.strip() for p in reference.split("/")):
            return code.id
    return None


def _target(reference: str, ids: dict[tuple[str, ...], int],
            by_uuid: dict[str, Code]) -> int | None:
    path = tuple(p.strip() for p in reference.split(PATH_SEPARATOR))
    if path in ids:
        return ids[path]
    found = by_uuid.get(reference.strip().strip("{}").lower())
    return found.id if found is not None and found.id in ids.values() else None


def _count(session: Session, table: type[AnnotationRow] | type[PostValueRow],
           ids: list[int]) -> int:
    return int(session.scalar(select(func.count()).select_from(table)
                              .where(table.code_id.in_(ids))) or 0)


def _sibling_index(spec: CodebookSpec, path: tuple[str, ...]) -> int:
    siblings = spec.codes
    for name in path[:-1]:
        siblings = next(c for c in siblings if c.name == name).children
    return next(i for i, c in enumerate(siblings) if c.name == path[-1])


def _fields(code: CodeSpec) -> dict[str, Any]:
    return {
        "description": code.description, "colour": code.colour, "shortcut": code.shortcut,
        "inclusion": code.inclusion, "exclusion": code.exclusion,
        "examples": list(code.examples), "memo": code.memo, "kind": code.kind.value,
        "variable_type": code.variable_type.value if code.variable_type else None,
        "levels": [{"uuid": lv.uuid, "name": lv.name, "description": lv.description}
                   for lv in code.levels],
    }


def _current(code: Code, name: str) -> Any:
    value = getattr(code, name)
    if name == "examples":
        return list(value)
    if name == "levels":
        return [(lv.name, lv.description) for lv in value]
    return value


def _wanted(fields: dict[str, Any], name: str) -> Any:
    if name == "levels":
        return [(lv["name"], lv["description"]) for lv in fields["levels"]]
    return fields[name]


