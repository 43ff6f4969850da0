"""Copies of codes and the coded work on them, to undo a delete or a merge exactly.

A snapshot holds the rows as column values, ids included, so that restoring it
brings back the same codes, annotations and post values (same ids, same uuids)
and later undo steps that name them still apply.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, inspect, select
from sqlalchemy.orm import Session

from annotator.core.codebook.service import place, subtree_ids
from annotator.core.storage.schema import AnnotationRow, Base, CodeRow, PostValueRow


def _columns(row: Base) -> dict[str, Any]:
    mapper = inspect(type(row))
    return {attr.key: getattr(row, attr.key) for attr in mapper.column_attrs}


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Codes (parents first), their annotations and post values, and, for a merge, the
    keys of the post values the merge target already had."""

    codes: tuple[dict[str, Any], ...]
    annotations: tuple[dict[str, Any], ...]
    values: tuple[dict[str, Any], ...]
    target_id: int | None = None
    target_value_keys: frozenset[tuple[int, int]] = frozenset()


def capture(session: Session, code_id: int, target_id: int | None = None) -> Snapshot:
    """Snapshot ``code_id`` and its subtree (and, for a merge into ``target_id``, what the
    target already holds)."""
    ids = subtree_ids(session, code_id)
    codes = tuple(_columns(session.get_one(CodeRow, i)) for i in ids)
    annotations = tuple(_columns(r) for r in session.scalars(
        select(AnnotationRow).where(AnnotationRow.code_id.in_(ids))))
    values = tuple(_columns(r) for r in session.scalars(
        select(PostValueRow).where(PostValueRow.code_id.in_(ids))))
    keys: frozenset[tuple[int, int]] = frozenset()
    if target_id is not None:
        keys = frozenset((v.post_id, v.coder_id) for v in session.scalars(
            select(PostValueRow).where(PostValueRow.code_id == target_id)))
    return Snapshot(codes, annotations, values, target_id, keys)


def restore(session: Session, snapshot: Snapshot) -> None:
    """Put back what :func:`capture` saw, after a delete or a merge (same ids)."""
    if snapshot.target_id is not None:
        _undo_merged_values(session, snapshot)
    for record in snapshot.codes:
        row = session.get(CodeRow, record["id"])
        if row is None:
            row = CodeRow(**record)
            session.add(row)
        else:  # a child the merge moved under the target
            row.parent_id = record["parent_id"]
        session.flush()
        place(session, row, record["position"])
        session.flush()
    for record in snapshot.annotations:
        annotation = session.get(AnnotationRow, record["id"])
        if annotation is None:
            session.add(AnnotationRow(**record))
        else:  # moved to the merge target
            annotation.code_id = record["code_id"]
    for record in snapshot.values:
        session.add(PostValueRow(**record))
    session.flush()


def _undo_merged_values(session: Session, snapshot: Snapshot) -> None:
    """Remove the post values a merge copied onto its target."""
    for record in snapshot.values:
        key = (record["post_id"], record["coder_id"])
        if key not in snapshot.target_value_keys:
            session.execute(delete(PostValueRow).where(
                PostValueRow.post_id == key[0], PostValueRow.coder_id == key[1],
                PostValueRow.code_id == snapshot.target_id))
