"""Writing the gold layer inside a caller's transaction, and undoing or redoing it exactly.

Every decision replaces the gold layer's version for one post and code (its spans, or its
value) and appends a row to the decision log; the post's gold status then follows the
rule of :func:`~annotator.core.team.adjudication_items.gold_status`.  What was written is
kept in a :class:`GoldChange` holding the rows removed and added (ids, uuids and
timestamps included), so undo puts back exactly what was there and redo restores the very
same rows, decision included.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.core.changes import Changes
from annotator.core.codebook.versions import current_version
from annotator.core.errors import NotFound
from annotator.core.model import Annotation
from annotator.core.storage import convert
from annotator.core.storage.schema import (
    AnnotationRow,
    CodeRow,
    CoderRow,
    DecisionRow,
    PostRow,
    PostStatusRow,
    PostValueRow,
)
from annotator.core.storage.types import utc_now
from annotator.core.team.adjudication_data import decision_of, load
from annotator.core.team.adjudication_items import (
    Action,
    Decision,
    SpanSet,
    gold_status,
    span_set,
    spans_json,
)


@dataclass(frozen=True, slots=True)
class StoredValue:
    """A gold ``post_value`` row's content, for an exact restore."""

    value: Any
    codebook_version: int
    created: datetime
    updated: datetime


@dataclass(frozen=True, slots=True)
class StoredStatus:
    """A gold ``post_status`` row's content, for an exact restore."""

    status: str
    updated: datetime


@dataclass(frozen=True, slots=True)
class GoldStep:
    """One decision: the gold rows it removed and added for one post and code."""

    decision: Decision
    removed: tuple[Annotation, ...] = ()
    added: tuple[Annotation, ...] = ()
    value_before: StoredValue | None = None
    value_after: StoredValue | None = None


@dataclass(frozen=True, slots=True)
class StatusStep:
    post_id: int
    before: StoredStatus | None
    after: StoredStatus | None


@dataclass(frozen=True)
class GoldChange:
    """What one user action (a decision, or seeding the agreed entries) did."""

    gold_id: int
    steps: tuple[GoldStep, ...]
    statuses: tuple[StatusStep, ...]

    @property
    def decisions(self) -> list[Decision]:
        return [step.decision for step in self.steps]

    @property
    def changes(self) -> Changes:
        posts = {s.decision.post_id for s in self.steps} | {s.post_id for s in self.statuses}
        annotations = {a.id for s in self.steps for a in (*s.removed, *s.added)}
        return Changes(posts=frozenset(posts), annotations=frozenset(annotations))


def write_spans(session: Session, gold_id: int, post: PostRow, code: CodeRow,
                adjudicator_id: int, action: Action, sources: Sequence[str],
                spans: SpanSet, note: str) -> GoldStep:
    """Replace the gold spans of ``code`` on ``post`` with ``spans`` (checked against the
    text; quotes taken from it) and log the decision."""
    for span in spans:
        span.check_within(len(post.text))
    rows = list(session.scalars(select(AnnotationRow).where(
        AnnotationRow.post_id == post.id, AnnotationRow.code_id == code.id,
        AnnotationRow.coder_id == gold_id).order_by(AnnotationRow.start, AnnotationRow.end)))
    removed = tuple(convert.annotation(row) for row in rows)
    for row in rows:
        session.delete(row)
    session.flush()  # the new rows may repeat a removed span (unique per coder)
    now, version = utc_now(), current_version(session)
    added: list[Annotation] = []
    for span in spans:
        row = AnnotationRow(post_id=post.id, code_id=code.id, coder_id=gold_id,
                            start=span.start, end=span.end, quote=span.quote(post.text),
                            created=now, updated=now, codebook_version=version)
        session.add(row)
        session.flush()
        added.append(convert.annotation(row))
    before = spans_json(span_set([a.span for a in removed]))
    decision = _log(session, post.id, code.id, adjudicator_id, action, sources, before,
                    spans_json(spans), note)
    return GoldStep(decision, removed=removed, added=tuple(added))


def write_value(session: Session, gold_id: int, post: PostRow, code: CodeRow,
                adjudicator_id: int, action: Action, sources: Sequence[str],
                value: Any, note: str) -> GoldStep:
    """Set the gold value of variable ``code`` on ``post`` (``None``: none; already in
    stored form) and log the decision."""
    row = session.get(PostValueRow, (post.id, code.id, gold_id))
    before = _stored_value(row)
    if row is not None:
        session.delete(row)
        session.flush()
    after = None
    if value is not None:
        now = utc_now()
        after = StoredValue(value, current_version(session), now, now)
        _put_value(session, post.id, code.id, gold_id, after)
    decision = _log(session, post.id, code.id, adjudicator_id, action, sources,
                    None if before is None else before.value, value, note)
    return GoldStep(decision, value_before=before, value_after=after)


def follow_statuses(session: Session, gold_id: int, post_ids: Sequence[int]) -> list[StatusStep]:
    """Bring the gold status of ``post_ids`` in line with their items; the steps that
    changed something."""
    session.flush()
    loaded = load(session, post_ids)
    by_post: dict[int, list[Any]] = {post: [] for post in loaded.post_order}
    for item in loaded.items():
        by_post[item.entry.post_id].append(item)
    decided = loaded.decided_posts()
    steps = []
    for post, items in by_post.items():
        wanted = gold_status(items, post in decided)
        row = session.get(PostStatusRow, (post, gold_id))
        before = None if row is None else StoredStatus(row.status, row.updated)
        if (before.status if before else None) == (wanted.value if wanted else None):
            continue
        after = None if wanted is None else StoredStatus(wanted.value, utc_now())
        _put_status(session, post, gold_id, after)
        steps.append(StatusStep(post, before, after))
    return steps


def revert(session: Session, change: GoldChange) -> None:
    """Undo ``change``: the gold rows, the logged decisions and the statuses as before."""
    for status in reversed(change.statuses):
        _put_status(session, status.post_id, change.gold_id, status.before)
    for step in reversed(change.steps):
        _delete(session, DecisionRow, step.decision.id, "decision")
        _swap(session, change.gold_id, step, step.added, step.removed, step.value_before)


def replay(session: Session, change: GoldChange) -> None:
    """Redo ``change`` after :func:`revert`, with the very same rows."""
    for step in change.steps:
        _swap(session, change.gold_id, step, step.removed, step.added, step.value_after)
        d = step.decision
        session.add(DecisionRow(
            id=d.id, uuid=d.uuid, post_id=d.post_id, code_id=d.code_id,
            adjudicator_id=d.adjudicator_id, action=d.action.value, sources=list(d.sources),
            before=d.before, after=d.after, note=d.note, at=d.at))
        session.flush()
    for status in change.statuses:
        _put_status(session, status.post_id, change.gold_id, status.after)


def _swap(session: Session, gold_id: int, step: GoldStep, drop: Sequence[Annotation],
          restore: Sequence[Annotation], value: StoredValue | None) -> None:
    for annotation in drop:
        _delete(session, AnnotationRow, annotation.id, "annotation")
    session.flush()
    for a in restore:
        session.add(AnnotationRow(
            id=a.id, uuid=a.uuid, post_id=a.post_id, code_id=a.code_id, coder_id=a.coder_id,
            start=a.span.start, end=a.span.end, quote=a.quote, memo=a.memo, created=a.created,
            updated=a.updated, codebook_version=a.codebook_version))
    d = step.decision
    if step.value_before is not None or step.value_after is not None:
        row = session.get(PostValueRow, (d.post_id, d.code_id, gold_id))
        if row is not None:
            session.delete(row)
            session.flush()
        if value is not None:
            _put_value(session, d.post_id, d.code_id, gold_id, value)
    session.flush()


def _log(session: Session, post_id: int, code_id: int, adjudicator_id: int, action: Action,
         sources: Sequence[str], before: Any, after: Any, note: str) -> Decision:
    row = DecisionRow(post_id=post_id, code_id=code_id, adjudicator_id=adjudicator_id,
                      action=action.value, sources=list(sources), before=before, after=after,
                      note=note, at=utc_now())
    session.add(row)
    session.flush()
    adjudicator = session.get_one(CoderRow, adjudicator_id)
    return decision_of(row, {adjudicator_id: convert.coder(adjudicator)})


def _stored_value(row: PostValueRow | None) -> StoredValue | None:
    if row is None:
        return None
    return StoredValue(row.value, row.codebook_version, row.created, row.updated)


def _put_value(session: Session, post_id: int, code_id: int, gold_id: int,
               value: StoredValue) -> None:
    session.add(PostValueRow(post_id=post_id, code_id=code_id, coder_id=gold_id,
                             value=value.value, codebook_version=value.codebook_version,
                             created=value.created, updated=value.updated))


def _put_status(session: Session, post_id: int, gold_id: int, status: StoredStatus | None) -> None:
    row = session.get(PostStatusRow, (post_id, gold_id))
    if status is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(PostStatusRow(post_id=post_id, coder_id=gold_id, status=status.status,
                                  updated=status.updated))
    else:
        row.status, row.updated = status.status, status.updated
    session.flush()


def _delete(session: Session, table: type[Any], row_id: int, kind: str) -> None:
    row = session.get(table, row_id)
    if row is None:  # changed behind the undo stack's back; the transaction rolls back
        raise NotFound(kind, row_id)
    session.delete(row)
