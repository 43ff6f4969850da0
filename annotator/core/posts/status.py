"""Where each coder stands with each post: not started, in progress, done."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from annotator.core.changes import Changes
from annotator.core.errors import NotFound
from annotator.core.model import PostStatus
from annotator.core.storage.schema import CoderRow, PostRow, PostStatusRow
from annotator.core.storage.types import utc_now

if TYPE_CHECKING:
    from annotator.core.project import Project


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

    def for_posts(self, post_ids: Sequence[int], coder_id: int) -> dict[int, PostStatus]:
        """The coder's status of each of ``post_ids`` in one query (untouched: not started)."""
        with self._sessions() as session:
            rows = session.execute(select(PostStatusRow.post_id, PostStatusRow.status).where(
                PostStatusRow.coder_id == coder_id, PostStatusRow.post_id.in_(list(post_ids))))
            found = {post_id: PostStatus(status) for post_id, status in rows}
        return {post_id: found.get(post_id, PostStatus.NOT_STARTED) for post_id in post_ids}

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


@dataclass
class SetPostStatus:
    """An undoable change of one coder's status for one post (e.g. "mark done")."""

    post_id: int
    coder_id: int
    status: PostStatus
    before: PostStatus | None = None

    @property
    def text(self) -> str:
        return f"mark post {self.status.value.replace('_', ' ')}"

    def apply(self, project: Project) -> Changes:
        if self.before is None:
            self.before = project.statuses.get(self.post_id, self.coder_id)
        return project.statuses.set(self.post_id, self.coder_id, self.status)

    def revert(self, project: Project) -> Changes:
        assert self.before is not None, "revert before apply"
        return project.statuses.set(self.post_id, self.coder_id, self.before)
