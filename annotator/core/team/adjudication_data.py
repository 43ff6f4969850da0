"""Reading what adjudication works on, inside a caller's session.

:func:`load` gathers, for the posts finished by two or more person coders, each finisher's
spans and values, the gold layer's own, and the decision log, and hands them to the pure
rules of :mod:`.adjudication_items`.  Queries name posts in batches, since backends limit
the bound parameters of one statement.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.core.codebook.service import tree
from annotator.core.model import Code, Coder, PostStatus
from annotator.core.spans import Span
from annotator.core.storage import convert
from annotator.core.storage.schema import (
    AnnotationRow,
    CoderRow,
    DecisionRow,
    PostRow,
    PostStatusRow,
    PostValueRow,
)
from annotator.core.team.adjudication_items import (
    Action,
    Decision,
    Entry,
    Item,
    SpanSet,
    find_entries,
    items_of,
    span_set,
)

_BATCH = 900


@dataclass(frozen=True)
class Loaded:
    """What adjudication knows about some posts (see :func:`load`)."""

    coders: dict[int, Coder]
    """Every coder, the gold one included, by id."""
    gold_id: int | None
    codes: dict[int, Code]
    """Every code, in codebook (tree) order."""
    post_order: list[int]
    """The posts with two or more finishers, in reading order."""
    labels: dict[int, str]
    """Post id -> external id, or ``#position`` when it has none."""
    finishers: dict[int, tuple[int, ...]]
    """Post id -> the person coders who finished it, in name order (two or more)."""
    entries: list[Entry]
    latest: dict[tuple[int, int], Decision]
    """(post id, code id) -> the decision in force."""
    gold_spans: dict[tuple[int, int], SpanSet]
    """(post id, code id) -> the gold layer's spans there."""
    gold_values: dict[tuple[int, int], Any]
    """(post id, code id) -> the gold layer's value there."""

    def items(self) -> list[Item]:
        return items_of(self.entries, self.latest)

    def decided_posts(self) -> set[int]:
        return {post for post, _ in self.latest}


def load(session: Session, post_ids: Collection[int] | None = None) -> Loaded:
    """Read adjudication data for ``post_ids`` (``None``: every post) in ``session``.

    Posts among ``post_ids`` with fewer than two finishers are left out.
    """
    coders = {row.id: convert.coder(row) for row in session.scalars(select(CoderRow))}
    gold_id = next((c.id for c in coders.values() if c.is_gold), None)
    people = {c.id for c in coders.values() if not c.is_gold}
    codes = {code.id: code for code in tree(session)}
    done: dict[int, set[int]] = {}
    query = select(PostStatusRow.post_id, PostStatusRow.coder_id).where(
        PostStatusRow.status == PostStatus.DONE.value)
    for post, coder in _rows(session, query, PostStatusRow.post_id, post_ids):
        if coder in people:
            done.setdefault(post, set()).add(coder)
    name_order = sorted(people, key=lambda c: (coders[c].name.casefold(), c))
    rank = {coder: number for number, coder in enumerate(name_order)}
    finishers = {post: tuple(sorted(who, key=rank.__getitem__))
                 for post, who in done.items() if len(who) >= 2}
    eligible = list(finishers)
    posts = list(_rows(session, select(PostRow.id, PostRow.source_id, PostRow.position,
                                       PostRow.external_id), PostRow.id, eligible))
    posts.sort(key=lambda row: (row[1], row[2], row[0]))
    spans: dict[tuple[int, int, int], list[Span]] = {}
    gold_spans: dict[tuple[int, int], list[Span]] = {}
    annotations = select(AnnotationRow.post_id, AnnotationRow.code_id, AnnotationRow.coder_id,
                         AnnotationRow.start, AnnotationRow.end)
    for post, code, coder, start, end in _rows(session, annotations, AnnotationRow.post_id,
                                                eligible):
        if coder == gold_id:
            gold_spans.setdefault((post, code), []).append(Span(start, end))
        elif coder in finishers[post]:
            spans.setdefault((post, code, coder), []).append(Span(start, end))
    values: dict[tuple[int, int, int], Any] = {}
    gold_values: dict[tuple[int, int], Any] = {}
    stored = select(PostValueRow.post_id, PostValueRow.code_id, PostValueRow.coder_id,
                    PostValueRow.value)
    for post, code, coder, value in _rows(session, stored, PostValueRow.post_id, eligible):
        if coder == gold_id:
            gold_values[(post, code)] = value
        elif coder in finishers[post]:
            values[(post, code, coder)] = value
    post_order = [row[0] for row in posts]
    entries = find_entries(
        post_order, finishers, name_order,
        [c.id for c in codes.values() if not c.is_variable],
        [c.id for c in codes.values() if c.is_variable], spans, values)
    return Loaded(
        coders=coders,
        gold_id=gold_id,
        codes=codes,
        post_order=post_order,
        labels={row[0]: row[3] or f"#{row[2] + 1}" for row in posts},
        finishers=finishers,
        entries=entries,
        latest=latest_decisions(session, coders, eligible),
        gold_spans={key: span_set(found) for key, found in gold_spans.items()},
        gold_values=gold_values,
    )


def decisions(session: Session, coders: dict[int, Coder],
              post_ids: Collection[int] | None) -> list[Decision]:
    """Logged decisions on ``post_ids`` (``None``: all), oldest first."""
    query = select(DecisionRow).order_by(DecisionRow.at, DecisionRow.id)
    found = [decision_of(row, coders) for row in _scalars(session, query, DecisionRow.post_id,
                                                            post_ids)]
    found.sort(key=lambda d: (d.at, d.id))
    return found


def latest_decisions(session: Session, coders: dict[int, Coder],
                     post_ids: Collection[int]) -> dict[tuple[int, int], Decision]:
    """(post id, code id) -> the newest decision there (later ids win ties)."""
    return {(d.post_id, d.code_id): d for d in decisions(session, coders, post_ids)}


def decision_of(row: DecisionRow, coders: dict[int, Coder]) -> Decision:
    adjudicator = coders.get(row.adjudicator_id)
    return Decision(
        id=row.id, uuid=row.uuid, post_id=row.post_id, code_id=row.code_id,
        adjudicator_id=row.adjudicator_id,
        adjudicator=adjudicator.name if adjudicator is not None else f"coder {row.adjudicator_id}",
        action=Action(row.action), sources=tuple(str(s) for s in row.sources or ()),
        before=row.before, after=row.after, note=row.note, at=row.at)


def _batches(post_ids: Collection[int] | None) -> Iterator[list[int] | None]:
    if post_ids is None:
        yield None
        return
    ordered = sorted(set(post_ids))
    for first in range(0, len(ordered), _BATCH):
        yield ordered[first:first + _BATCH]


def _rows(session: Session, query: Any, column: Any,
          post_ids: Collection[int] | None) -> Iterator[Sequence[Any]]:
    """The rows of ``query`` whose ``column`` is among ``post_ids`` (``None``: all)."""
    for batch in _batches(post_ids):
        yield from session.execute(query if batch is None else query.where(column.in_(batch)))


def _scalars(session: Session, query: Any, column: Any,
             post_ids: Collection[int] | None) -> Iterator[Any]:
    for batch in _batches(post_ids):
        yield from session.scalars(query if batch is None else query.where(column.in_(batch)))
