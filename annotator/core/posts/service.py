"""Queries over posts. Posts are created only by importers and never edited."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, sessionmaker

from annotator.core.errors import NotFound
from annotator.core.model import Channel, Post, PostStatus
from annotator.core.spans import Span
from annotator.core.storage import convert
from annotator.core.storage.schema import (
    AnnotationRow,
    AssignmentRow,
    ChannelRow,
    PostRow,
    PostStatusRow,
)
from annotator.core.storage.search import bring_up_to_date, matching_posts, query_terms

_PREVIEW_CHARS = 160


@dataclass(frozen=True, slots=True)
class PostFilter:
    """Which posts to list; every condition given must hold.

    ``status`` is about ``coder_id`` (a post without a status row is not started);
    ``has_code`` keeps posts with at least one annotation of that code (by anyone,
    or by ``coder_id`` when given); ``text`` is a full-text query (every word, as a
    prefix; "quoted phrases"); ``assigned_to`` keeps the posts assigned to that coder.
    """

    coder_id: int | None = None
    status: PostStatus | None = None
    channel: str | None = None
    has_code: int | None = None
    text: str = ""
    sort: str = "position"
    """One of :data:`SORT_KEYS`; ties keep reading order."""
    descending: bool = False
    assigned_to: int | None = None


SORT_KEYS = ("position", "date", "channel", "forwarded_from", "length", "annotations")
"""What the post list can be sorted by (``position``: reading order)."""


@dataclass(frozen=True, slots=True)
class PostSummary:
    """What the post list shows for one post; ``length`` is in code points."""

    id: int
    position: int
    date: datetime | None
    channel: str
    forwarded_from: str | None
    length: int
    annotations: int
    preview: str


class PostService:
    """Read-only access to posts. Each call runs in its own short session."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def count(self) -> int:
        with self._sessions() as session:
            return int(session.scalar(select(func.count(PostRow.id))) or 0)

    def ids(self, where: PostFilter | None = None) -> list[int]:
        """Post ids in reading order (by source, then position), filtered by ``where``."""
        if where is not None and where.text.strip():
            self.index_for_search()
        with self._sessions() as session:
            query = select(PostRow.id)
            if where is not None:
                query = _sorted(_filtered(session, query, where), where)
            query = query.order_by(PostRow.source_id, PostRow.position)
            return list(session.scalars(query))

    def index_for_search(self) -> int:
        """Add posts imported since the last search to the full-text index (any thread).

        Returns how many were indexed. Searching calls it; the GUI also calls it
        in the background after an import so the first search is instant.
        """
        with self._sessions.begin() as session:
            return bring_up_to_date(session)

    def get(self, post_id: int) -> Post:
        with self._sessions() as session:
            row = session.get(PostRow, post_id)
            if row is None:
                raise NotFound("post", post_id)
            return convert.post(row, self._channel(session, row.channel_id))

    def find(self, key: str) -> Post:
        """The post named by ``key``: its numeric id, its external id, or its uuid.

        A numeric id wins over an external id that looks the same.
        """
        with self._sessions() as session:
            row: PostRow | None = None
            if key.isdigit():
                row = session.get(PostRow, int(key))
            if row is None:
                matches = session.scalars(
                    select(PostRow).where(
                        (PostRow.external_id == key) | (PostRow.uuid == key.lower())
                    )
                ).all()
                if len(matches) > 1:
                    raise NotFound("unique post for external id", key)
                row = matches[0] if matches else None
            if row is None:
                raise NotFound("post", key)
            return convert.post(row, self._channel(session, row.channel_id))

    def iter_posts(self, batch: int = 500) -> Iterator[Post]:
        """Every post in reading order, fetched in batches."""
        ids = self.ids()
        for lo in range(0, len(ids), batch):
            yield from self.get_many(ids[lo : lo + batch])

    def get_many(self, post_ids: Sequence[int]) -> list[Post]:
        """Posts for ``post_ids``, in that order; unknown ids are left out."""
        with self._sessions() as session:
            rows = session.execute(
                select(PostRow, ChannelRow)
                .join(ChannelRow, PostRow.channel_id == ChannelRow.id)
                .where(PostRow.id.in_(list(post_ids)))
            ).all()
            by_id = {row.id: convert.post(row, channel) for row, channel in rows}
        return [by_id[i] for i in post_ids if i in by_id]

    def summaries(self, post_ids: Sequence[int]) -> list[PostSummary]:
        """List rows for ``post_ids``, in that order, without loading whole texts."""
        counts = (
            select(AnnotationRow.post_id, func.count(AnnotationRow.id).label("n"))
            .group_by(AnnotationRow.post_id)
            .subquery()
        )
        query = (
            select(
                PostRow.id,
                PostRow.position,
                PostRow.date,
                ChannelRow.title,
                PostRow.forwarded_from,
                func.length(PostRow.text),
                func.coalesce(counts.c.n, 0),
                func.substr(PostRow.text, 1, _PREVIEW_CHARS),
            )
            .join(ChannelRow, PostRow.channel_id == ChannelRow.id)
            .outerjoin(counts, counts.c.post_id == PostRow.id)
            .where(PostRow.id.in_(list(post_ids)))
        )
        with self._sessions() as session:
            found = {
                r[0]: PostSummary(r[0], r[1], r[2], r[3], r[4], int(r[5]), int(r[6]), r[7])
                for r in session.execute(query)
            }
        return [found[i] for i in post_ids if i in found]

    def channels(self) -> list[Channel]:
        with self._sessions() as session:
            rows = session.scalars(select(ChannelRow).order_by(ChannelRow.title))
            return [convert.channel(r) for r in rows]

    @staticmethod
    def _channel(session: Session, channel_id: int) -> ChannelRow:
        channel = session.get(ChannelRow, channel_id)
        if channel is None:  # impossible while the foreign key holds
            raise NotFound("channel", channel_id)
        return channel


def _sorted(query: Select[Any], where: PostFilter) -> Select[Any]:
    """Order by ``where.sort`` first (posts without a date sort last), reading order after."""
    if where.sort not in SORT_KEYS:
        raise ValueError(f"unknown sort key {where.sort!r}")
    if where.sort == "position":
        return query.order_by(PostRow.source_id.desc(), PostRow.position.desc()) \
            if where.descending else query
    key: Any
    if where.sort == "date":
        key = PostRow.date
    elif where.sort == "channel":
        key = select(ChannelRow.title).where(ChannelRow.id == PostRow.channel_id) \
            .scalar_subquery()
    elif where.sort == "forwarded_from":
        key = PostRow.forwarded_from
    elif where.sort == "length":
        key = func.length(PostRow.text)
    else:
        key = select(func.count(AnnotationRow.id)).where(
            AnnotationRow.post_id == PostRow.id).scalar_subquery()
    return query.order_by(key.is_(None), key.desc() if where.descending else key.asc())


def _filtered(session: Session, query: Select[Any], where: PostFilter) -> Select[Any]:
    if where.channel is not None:
        channel_ids = select(ChannelRow.id).where(ChannelRow.key == where.channel)
        query = query.where(PostRow.channel_id.in_(channel_ids))
    if where.has_code is not None:
        coded = select(AnnotationRow.post_id).where(AnnotationRow.code_id == where.has_code)
        if where.coder_id is not None:
            coded = coded.where(AnnotationRow.coder_id == where.coder_id)
        query = query.where(PostRow.id.in_(coded))
    if where.status is not None and where.coder_id is not None:
        statused = select(PostStatusRow.post_id).where(PostStatusRow.coder_id == where.coder_id)
        if where.status is PostStatus.NOT_STARTED:
            settled = statused.where(PostStatusRow.status != PostStatus.NOT_STARTED.value)
            query = query.where(PostRow.id.not_in(settled))
        else:
            query = query.where(PostRow.id.in_(
                statused.where(PostStatusRow.status == where.status.value)))
    if where.text.strip():
        query = query.where(PostRow.id.in_(matching_posts(session, where.text)))
    if where.assigned_to is not None:
        query = query.where(PostRow.id.in_(select(AssignmentRow.post_id).where(
            AssignmentRow.coder_id == where.assigned_to)))
    return query


def hit_spans(text: str, query: str) -> list[Span]:
    """Where the words and phrases of ``query`` occur in ``text`` (for highlighting hits).

    Case-insensitive; a word matches as a prefix of a word in the text, as the
    search does. Spans are in code points, sorted, not overlapping.
    """
    found: list[Span] = []
    folded = text.casefold()
    for term in query_terms(query):
        pattern = r"\b" + r"\W+".join(re.escape(w.casefold()) for w in term.split()) + r"\w*"
        found.extend(Span(m.start(), m.end()) for m in re.finditer(pattern, folded)
                     if m.end() > m.start())
    merged: list[Span] = []
    for span in sorted(found):
        if merged and span.start <= merged[-1].end:
            merged[-1] = Span(merged[-1].start, max(merged[-1].end, span.end))
        else:
            merged.append(span)
    return merged
