"""Where each coder stands with each post: not started, in progress, done."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from annotator.core.changes import Changes
from annotator.core.errors import NotFound
from annotator.core.model import PostStatus
from annotator.core.storage.schema import CoderRow, PostRow, PostStatusRow
from annotator.core.storage.types import utc_now


class PostStatusService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def get(self, post_id: int, coder_id: int) -> PostStatus:
        """The coder's status for the post; posts never touched are ``NOT_STARTED``."""
        with self._sessions() as session:
            status = session.scalar(
                select(PostStatusRow.status).where(
                    PostStatusRow.post_id == post_id, PostStatusRow.coder_id == coder_id
                )
            )
        return PostStatus(status) if status else PostStatus.NOT_STARTED

    def set(self, post_id: int, coder_id: int, status: PostStatus) -> Changes:
        """Record ``status`` at once; an unknown post or coder raises :class:`NotFound`."""
        with self._sessions.begin() as session:
            if session.get(PostRow, post_id) is None:
                raise NotFound("post", post_id)
            if session.get(CoderRow, coder_id) is None:
                raise NotFound("coder", coder_id)
            row = session.get(PostStatusRow, (post_id, coder_id))
            if row is None:
                session.add(PostStatusRow(post_id=post_id, coder_id=coder_id,
                                          status=status.value, updated=utc_now()))
            elif row.status != status.value:
                row.status = status.value
                row.updated = utc_now()
        return Changes(posts=frozenset({post_id}))

    def counts(self, coder_id: int) -> Counter[PostStatus]:
        """How many posts the coder has in each status (untouched posts count as not started)."""
        with self._sessions() as session:
            total = int(session.scalar(select(func.count(PostRow.id))) or 0)
            rows = session.execute(
                select(PostStatusRow.status, func.count())
                .where(PostStatusRow.coder_id == coder_id)
                .group_by(PostStatusRow.status)
            ).all()
        counts: Counter[PostStatus] = Counter({PostStatus(s): int(n) for s, n in rows})
        counts[PostStatus.NOT_STARTED] += total - sum(counts.values())
        return counts
