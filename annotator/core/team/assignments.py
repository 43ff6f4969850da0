"""Stored assignments: which coder codes which post, in batches, with a reliability flag.

A plan from :func:`~.assignment_plan.plan` becomes rows of the ``assignment`` table in one
transaction (:meth:`AssignmentService.apply`); the rows of one apply share a batch uuid,
so a batch can be removed as a whole. Progress counts a coder's assigned posts by that
coder's post status (no status row: not started).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, delete, func, insert, select
from sqlalchemy.orm import Session, sessionmaker

from annotator.core.changes import Changes
from annotator.core.coders.service import clean_name
from annotator.core.errors import Conflict, NotFound
from annotator.core.model import Coder, PostStatus
from annotator.core.storage import convert
from annotator.core.storage.schema import (
    AssignmentRow,
    Base,
    ChannelRow,
    CoderRow,
    PostRow,
    PostStatusRow,
)
from annotator.core.storage.types import utc_now
from annotator.core.team.assignment_plan import AssignmentPlan

_BATCH = 900
"""Ids per ``IN (...)`` list, well below every database's parameter limit."""


@dataclass(frozen=True, slots=True)
class Assignment:
    """One stored assignment row."""

    post_id: int
    coder_id: int
    reliability: bool
    batch: str
    created: datetime


@dataclass(frozen=True, slots=True)
class AssignmentProgress:
    """Where a coder stands with their assigned posts."""

    assigned: int
    done: int
    in_progress: int

    @property
    def not_started(self) -> int:
        return self.assigned - self.done - self.in_progress

    @property
    def percent_done(self) -> float:
        """Done as a percentage of assigned (0 when nothing is assigned)."""
        return 100 * self.done / self.assigned if self.assigned else 0.0


@dataclass(frozen=True, slots=True)
class CoderAssignments:
    """One coder's assignments: ``reliability`` of the ``assigned`` posts are in the sample."""

    coder: Coder
    assigned: int
    reliability: int
    done: int
    in_progress: int

    @property
    def progress(self) -> AssignmentProgress:
        return AssignmentProgress(self.assigned, self.done, self.in_progress)


@dataclass(frozen=True, slots=True)
class BatchInfo:
    """One applied plan: its posts, coders and reliability posts (distinct posts)."""

    batch: str
    created: datetime
    posts: int
    assignments: int
    reliability_posts: int
    coder_ids: tuple[int, ...]


class AssignmentService:
    """Reads and writes assignments; every call runs in its own short session."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    # Writing

    def apply(self, plan: AssignmentPlan, new_coders: Mapping[int, str] | None = None) -> Changes:
        """Store ``plan`` as one batch, all or nothing.

        ``plan.replaced`` posts lose their earlier assignments first. ``new_coders`` maps
        placeholder ids used in the plan (negative numbers) to the names of coders to
        create in the same transaction. Refused with :class:`Conflict`: a batch applied
        before, a plan that assigns nothing, the adjudicated layer as a coder, a name
        already taken, or posts assigned since the plan was made (not in ``replaced``);
        unknown posts or coders raise :class:`NotFound`.
        """
        rows = list(plan.rows())
        if not rows:
            raise Conflict("the plan assigns no posts")
        created = dict(new_coders or {})
        with self._sessions.begin() as session:
            if session.scalar(select(AssignmentRow.batch)
                              .where(AssignmentRow.batch == plan.batch).limit(1)):
                raise Conflict(f"assignment batch {plan.batch} was already applied")
            ids = _coder_ids(session, plan.coders, created)
            _check_posts(session, plan.planned)
            assigned = set(_chunked_scalars(session, plan.planned, lambda chunk: select(
                AssignmentRow.post_id).where(AssignmentRow.post_id.in_(chunk))))
            late = assigned - set(plan.replaced)
            if late:
                raise Conflict(f"{len(late)} of the planned posts were assigned since the "
                               "plan was made; plan again")
            for chunk in _chunks(plan.replaced):
                session.execute(delete(AssignmentRow).where(AssignmentRow.post_id.in_(chunk)))
            now = utc_now()
            _insert(session, (Assignment(post, ids[coder], reliable, plan.batch, now)
                              for post, coder, reliable in rows))
        return Changes(posts=frozenset(plan.planned), coders=frozenset(
            ids[c] for c in plan.coders if c in created))

    def remove(self, batch: str, restore: Sequence[Assignment] = ()) -> Changes:
        """Remove the rows of ``batch`` and put ``restore`` back, in one transaction (the
        undo of an apply that replaced rows); an unknown batch raises :class:`NotFound`."""
        with self._sessions.begin() as session:
            posts = set(session.scalars(select(AssignmentRow.post_id)
                                        .where(AssignmentRow.batch == batch)))
            if not posts:
                raise NotFound("assignment batch", batch)
            session.execute(delete(AssignmentRow).where(AssignmentRow.batch == batch))
            _insert(session, restore)
        return Changes(posts=frozenset(posts | {a.post_id for a in restore}))

    def clear(self, coder_id: int) -> Changes:
        """Remove every assignment of the coder (their coding stays)."""
        with self._sessions.begin() as session:
            if session.get(CoderRow, coder_id) is None:
                raise NotFound("coder", coder_id)
            posts = set(session.scalars(select(AssignmentRow.post_id)
                                        .where(AssignmentRow.coder_id == coder_id)))
            session.execute(delete(AssignmentRow).where(AssignmentRow.coder_id == coder_id))
        return Changes(posts=frozenset(posts))

    def restore(self, records: Sequence[Assignment]) -> Changes:
        """Put back rows that :meth:`records` returned before a removal (for undo)."""
        with self._sessions.begin() as session:
            _insert(session, records)
        return Changes(posts=frozenset(a.post_id for a in records))

    # Reading

    def records(self, *, post_ids: Sequence[int] | None = None, batch: str | None = None,
                coder_id: int | None = None) -> list[Assignment]:
        """The stored rows matching every condition given, in post order."""
        query = select(AssignmentRow).join(PostRow, PostRow.id == AssignmentRow.post_id)
        if batch is not None:
            query = query.where(AssignmentRow.batch == batch)
        if coder_id is not None:
            query = query.where(AssignmentRow.coder_id == coder_id)
        query = query.order_by(PostRow.source_id, PostRow.position, AssignmentRow.coder_id)
        with self._sessions() as session:
            if post_ids is None:
                found = list(session.scalars(query))
            else:
                found = sorted(_chunked_scalars(session, post_ids, lambda chunk: query.where(
                    AssignmentRow.post_id.in_(chunk))), key=_post_order(session))
            return [Assignment(r.post_id, r.coder_id, r.reliability, r.batch, r.created)
                    for r in found]

    def assigned_posts(self) -> frozenset[int]:
        """Ids of the posts assigned to anyone (the planner's ``existing``)."""
        with self._sessions() as session:
            return frozenset(session.scalars(select(AssignmentRow.post_id).distinct()))

    def has_any(self, coder_id: int | None = None) -> bool:
        """Whether anything (or anything for ``coder_id``) is assigned."""
        query = select(AssignmentRow.post_id)
        if coder_id is not None:
            query = query.where(AssignmentRow.coder_id == coder_id)
        with self._sessions() as session:
            return session.scalar(query.limit(1)) is not None

    def for_coder(self, coder_id: int) -> list[int]:
        """The coder's assigned post ids, in post order."""
        with self._sessions() as session:
            return list(session.scalars(
                select(AssignmentRow.post_id)
                .join(PostRow, PostRow.id == AssignmentRow.post_id)
                .where(AssignmentRow.coder_id == coder_id)
                .order_by(PostRow.source_id, PostRow.position)))

    def progress(self, coder_id: int) -> AssignmentProgress:
        """How many posts are assigned to the coder, and how many of them they have done or
        started (by their own post status)."""
        query = (select(PostStatusRow.status, func.count())
                 .select_from(AssignmentRow)
                 .outerjoin(PostStatusRow, _status_of_assignment())
                 .where(AssignmentRow.coder_id == coder_id)
                 .group_by(PostStatusRow.status))
        with self._sessions() as session:
            counts = {status: int(n) for status, n in session.execute(query)}
        return AssignmentProgress(sum(counts.values()), counts.get(PostStatus.DONE.value, 0),
                                  counts.get(PostStatus.IN_PROGRESS.value, 0))

    def summary(self) -> list[CoderAssignments]:
        """Every coder with assignments, by name: assigned, reliability, done, in progress."""
        query = (select(AssignmentRow.coder_id, AssignmentRow.reliability,
                        PostStatusRow.status, func.count())
                 .select_from(AssignmentRow)
                 .outerjoin(PostStatusRow, _status_of_assignment())
                 .group_by(AssignmentRow.coder_id, AssignmentRow.reliability,
                           PostStatusRow.status))
        tally: dict[int, Counter[str]] = {}
        with self._sessions() as session:
            for coder_id, reliable, status, n in session.execute(query):
                counts = tally.setdefault(coder_id, Counter())
                counts["assigned"] += n
                counts["reliability"] += n if reliable else 0
                counts[status or PostStatus.NOT_STARTED.value] += n
            coders = [convert.coder(r) for r in session.scalars(
                select(CoderRow).where(CoderRow.id.in_(list(tally))).order_by(CoderRow.name))]
        return [CoderAssignments(c, tally[c.id]["assigned"], tally[c.id]["reliability"],
                                 tally[c.id][PostStatus.DONE.value],
                                 tally[c.id][PostStatus.IN_PROGRESS.value]) for c in coders]

    def reliability_posts(self) -> dict[int, tuple[int, ...]]:
        """Post id -> the coders assigned to it as part of a reliability sample, in post order."""
        with self._sessions() as session:
            rows = session.execute(
                select(AssignmentRow.post_id, AssignmentRow.coder_id)
                .join(PostRow, PostRow.id == AssignmentRow.post_id)
                .where(AssignmentRow.reliability.is_(True))
                .order_by(PostRow.source_id, PostRow.position, AssignmentRow.coder_id))
            found: dict[int, tuple[int, ...]] = {}
            for post_id, coder_id in rows:
                found[post_id] = (*found.get(post_id, ()), coder_id)
        return found

    def batches(self) -> list[BatchInfo]:
        """Every applied batch, oldest first."""
        reliable = case((AssignmentRow.reliability.is_(True), AssignmentRow.post_id))
        totals = (select(AssignmentRow.batch, func.min(AssignmentRow.created),
                         func.count(AssignmentRow.post_id.distinct()), func.count(),
                         func.count(reliable.distinct()))
                  .group_by(AssignmentRow.batch))
        pairs = select(AssignmentRow.batch, AssignmentRow.coder_id).distinct()
        with self._sessions() as session:
            coders: dict[str, list[int]] = {}
            for batch, coder_id in session.execute(pairs):
                coders.setdefault(batch, []).append(coder_id)
            infos = [BatchInfo(batch, created, int(posts), int(n), int(reliability),
                               tuple(sorted(coders.get(batch, []))))
                     for batch, created, posts, n, reliability in session.execute(totals)]
        return sorted(infos, key=lambda b: (b.created, b.batch))

    def channel_strata(self) -> dict[int, str]:
        """Post id -> its channel's key, for every post (strata for the planner)."""
        with self._sessions() as session:
            rows = session.execute(select(PostRow.id, ChannelRow.key)
                                   .join(ChannelRow, ChannelRow.id == PostRow.channel_id))
            return {post_id: key for post_id, key in rows}


def _status_of_assignment() -> Any:
    """Join condition: the assigned coder's own status of the assigned post."""
    return and_(PostStatusRow.post_id == AssignmentRow.post_id,
                PostStatusRow.coder_id == AssignmentRow.coder_id)


def _coder_ids(session: Session, coders: Sequence[int],
               new_coders: Mapping[int, str]) -> dict[int, int]:
    """Plan coder id -> stored coder id, creating ``new_coders``; checks every coder."""
    ids: dict[int, int] = {}
    for coder in coders:
        if coder in new_coders:
            name = clean_name(new_coders[coder])
            if session.scalar(select(CoderRow.id).where(CoderRow.name == name)) is not None:
                raise Conflict(f"a coder named {name!r} already exists")
            row = CoderRow(name=name)
            session.add(row)
            session.flush()
            ids[coder] = row.id
            continue
        found = session.get(CoderRow, coder)
        if found is None:
            raise NotFound("coder", coder)
        if found.kind != "person":
            raise Conflict(f"posts cannot be assigned to {found.name!r}, the adjudicated layer")
        ids[coder] = coder
    return ids


def _check_posts(session: Session, post_ids: Sequence[int]) -> None:
    known = set(_chunked_scalars(session, post_ids, lambda chunk: select(PostRow.id).where(
        PostRow.id.in_(chunk))))
    missing = [p for p in post_ids if p not in known]
    if missing:
        raise NotFound("post", missing[0])


def _insert(session: Session, records: Iterable[Assignment]) -> None:
    """Insert ``records`` in one executemany (a Core insert: the ORM's per-row work would
    double the time for a large plan)."""
    values = [{"post_id": a.post_id, "coder_id": a.coder_id, "reliability": a.reliability,
               "batch": a.batch, "created": a.created} for a in records]
    if values:
        session.execute(insert(Base.metadata.tables["assignment"]), values)


def _post_order(session: Session) -> Any:
    """A sort key for assignment rows: reading order of their posts, then coder."""
    order = {post_id: i for i, post_id in enumerate(session.scalars(
        select(PostRow.id).order_by(PostRow.source_id, PostRow.position)))}
    return lambda row: (order.get(row.post_id, -1), row.coder_id)


def _chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    for lo in range(0, len(ids), _BATCH):
        yield list(ids[lo:lo + _BATCH])


def _chunked_scalars(session: Session, ids: Sequence[int], query: Any) -> Iterator[Any]:
    """The scalars of ``query(chunk)`` for every chunk of ``ids``."""
    for chunk in _chunks(ids):
        yield from session.scalars(query(chunk))
