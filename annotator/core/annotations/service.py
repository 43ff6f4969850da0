"""Adding, removing and reading annotations; one transaction per call."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from annotator.core.changes import Changes
from annotator.core.codebook.versions import current_version
from annotator.core.errors import Conflict, NotFound
from annotator.core.model import Annotation
from annotator.core.spans import Span
from annotator.core.storage import convert
from annotator.core.storage.schema import AnnotationRow, CodeRow, CoderRow, PostRow
from annotator.core.storage.types import utc_now


class AnnotationService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def add(
        self, post_id: int, code_id: int, coder_id: int, span: Span, memo: str = ""
    ) -> tuple[Annotation, Changes]:
        """Store one annotation, committed at once, with the quote taken from the post.

        Raises :class:`NotFound` for an unknown post, code or coder,
        :class:`InvalidSpan` when the span passes the end of the text and
        :class:`Conflict` when the same annotation already exists.
        """
        with self._sessions.begin() as session:
            row = add_row(session, post_id, code_id, coder_id, span, memo)
            annotation = convert.annotation(row)
        return annotation, Changes(
            posts=frozenset({post_id}), annotations=frozenset({annotation.id})
        )

    def get(self, annotation_id: int) -> Annotation:
        with self._sessions() as session:
            row = session.get(AnnotationRow, annotation_id)
            if row is None:
                raise NotFound("annotation", annotation_id)
            return convert.annotation(row)

    def update(
        self,
        annotation_id: int,
        *,
        code_id: int | None = None,
        span: Span | None = None,
        memo: str | None = None,
    ) -> tuple[Annotation, Changes]:
        """Change an annotation's code, boundaries (the quote follows) or memo, at once.

        Raises :class:`NotFound`, :class:`InvalidSpan` (past the end of the text) or
        :class:`Conflict` (it would duplicate another annotation, or a variable code).
        """
        with self._sessions.begin() as session:
            row = session.get(AnnotationRow, annotation_id)
            if row is None:
                raise NotFound("annotation", annotation_id)
            new_code = row.code_id if code_id is None else code_id
            new_span = Span(row.start, row.end) if span is None else span
            if new_code != row.code_id:
                _check_span_code(session, new_code)
            quote = new_span.quote(session.get_one(PostRow, row.post_id).text)
            _refuse_duplicate(session, row, new_code, new_span)
            row.code_id, row.start, row.end, row.quote = (new_code, new_span.start,
                                                          new_span.end, quote)
            if memo is not None:
                row.memo = memo
            row.updated = utc_now()
            annotation = convert.annotation(row)
        return annotation, Changes(posts=frozenset({annotation.post_id}),
                                   annotations=frozenset({annotation_id}))

    def restore(self, annotation: Annotation) -> Changes:
        """Put back a deleted annotation exactly (same id and uuid), for undo."""
        with self._sessions.begin() as session:
            session.add(AnnotationRow(
                id=annotation.id, uuid=annotation.uuid, post_id=annotation.post_id,
                code_id=annotation.code_id, coder_id=annotation.coder_id,
                start=annotation.span.start, end=annotation.span.end, quote=annotation.quote,
                memo=annotation.memo, created=annotation.created, updated=annotation.updated,
                codebook_version=annotation.codebook_version,
            ))
        return Changes(posts=frozenset({annotation.post_id}),
                       annotations=frozenset({annotation.id}))

    def delete(self, annotation_id: int) -> Changes:
        with self._sessions.begin() as session:
            row = session.get(AnnotationRow, annotation_id)
            if row is None:
                raise NotFound("annotation", annotation_id)
            post_id = row.post_id
            session.delete(row)
        return Changes(posts=frozenset({post_id}), annotations=frozenset({annotation_id}))

    def for_post(self, post_id: int) -> list[Annotation]:
        """The post's annotations ordered by start, then end."""
        with self._sessions() as session:
            rows = session.scalars(
                select(AnnotationRow)
                .where(AnnotationRow.post_id == post_id)
                .order_by(AnnotationRow.start, AnnotationRow.end, AnnotationRow.id)
            )
            return [convert.annotation(r) for r in rows]

    def all(self) -> list[Annotation]:
        with self._sessions() as session:
            rows = session.scalars(
                select(AnnotationRow).order_by(
                    AnnotationRow.post_id, AnnotationRow.start, AnnotationRow.id
                )
            )
            return [convert.annotation(r) for r in rows]

    def count(self) -> int:
        with self._sessions() as session:
            return int(session.scalar(select(func.count(AnnotationRow.id))) or 0)


def add_row(
    session: Session, post_id: int, code_id: int, coder_id: int, span: Span, memo: str = ""
) -> AnnotationRow:
    """Insert one annotation inside an open transaction, after checking it fully."""
    post = session.get(PostRow, post_id)
    if post is None:
        raise NotFound("post", post_id)
    _check_span_code(session, code_id)
    if session.get(CoderRow, coder_id) is None:
        raise NotFound("coder", coder_id)
    quote = span.quote(post.text)
    duplicate = select(AnnotationRow.id).where(
        AnnotationRow.post_id == post_id,
        AnnotationRow.code_id == code_id,
        AnnotationRow.coder_id == coder_id,
        AnnotationRow.start == span.start,
        AnnotationRow.end == span.end,
    )
    if session.scalar(duplicate) is not None:
        raise Conflict(
            f"post {post_id} already has this annotation [{span.start}, {span.end}) "
            "with the same code and coder"
        )
    now = utc_now()
    row = AnnotationRow(
        post_id=post_id,
        code_id=code_id,
        coder_id=coder_id,
        start=span.start,
        end=span.end,
        quote=quote,
        memo=memo,
        created=now,
        updated=now,
        codebook_version=current_version(session),
    )
    session.add(row)
    session.flush()
    return row


def _check_span_code(session: Session, code_id: int) -> None:
    code = session.get(CodeRow, code_id)
    if code is None:
        raise NotFound("code", code_id)
    if code.kind != "span":
        raise Conflict(f"{code.name!r} is a post-level variable; spans take span codes")


def _refuse_duplicate(session: Session, row: AnnotationRow, code_id: int, span: Span) -> None:
    clash = session.scalar(select(AnnotationRow.id).where(
        AnnotationRow.post_id == row.post_id,
        AnnotationRow.code_id == code_id,
        AnnotationRow.coder_id == row.coder_id,
        AnnotationRow.start == span.start,
        AnnotationRow.end == span.end,
        AnnotationRow.id != row.id,
    ))
    if clash is not None:
        raise Conflict("the same coder already has this code on exactly this span")
