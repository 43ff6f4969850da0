"""Rows to frozen DTOs. The only place that reads ORM rows for the outside world."""

from __future__ import annotations

from annotator.core.codebook.spec import Level
from annotator.core.importers.base import ImportWarning
from annotator.core.model import Annotation, Channel, Code, Coder, Post, Source
from annotator.core.spans import Span
from annotator.core.storage.schema import (
    AnnotationRow,
    ChannelRow,
    CodeRow,
    CoderRow,
    PostRow,
    SourceRow,
)


def post(row: PostRow, channel: ChannelRow) -> Post:
    return Post(
        id=row.id,
        uuid=row.uuid,
        source_id=row.source_id,
        channel=channel.key,
        channel_title=channel.title,
        external_id=row.external_id,
        author=row.author,
        forwarded_from=row.forwarded_from,
        date=row.date,
        text=row.text,
        text_sha256=row.text_sha256,
        metadata=dict(row.meta or {}),
        position=row.position,
    )


def source(row: SourceRow) -> Source:
    return Source(
        id=row.id,
        uuid=row.uuid,
        file_name=row.file_name,
        format=row.format,
        sha256=row.sha256,
        imported_at=row.imported_at,
        n_posts=row.n_posts,
        n_added=row.n_added,
        n_duplicates=row.n_duplicates,
        warnings=tuple(_warning_text(w) for w in row.warnings or ()),
        metadata=dict(row.meta or {}),
    )


def channel(row: ChannelRow) -> Channel:
    return Channel(id=row.id, uuid=row.uuid, key=row.key, title=row.title,
                   metadata=dict(row.meta or {}))


def coder(row: CoderRow) -> Coder:
    return Coder(id=row.id, uuid=row.uuid, name=row.name, kind=row.kind)


def code(row: CodeRow, path: tuple[str, ...]) -> Code:
    return Code(
        id=row.id,
        uuid=row.uuid,
        parent_id=row.parent_id,
        name=row.name,
        description=row.description,
        colour=row.colour,
        shortcut=row.shortcut,
        position=row.position,
        path=path,
        kind=row.kind,
        variable_type=row.variable_type,
        inclusion=row.inclusion,
        exclusion=row.exclusion,
        examples=tuple(str(e) for e in row.examples or ()),
        memo=row.memo,
        levels=tuple(
            Level(name=str(level["name"]), uuid=level.get("uuid"),
                  description=str(level.get("description", "")))
            for level in row.levels or ()
        ),
    )


def annotation(row: AnnotationRow) -> Annotation:
    return Annotation(
        id=row.id,
        uuid=row.uuid,
        post_id=row.post_id,
        code_id=row.code_id,
        coder_id=row.coder_id,
        span=Span(row.start, row.end),
        quote=row.quote,
        memo=row.memo,
        created=row.created,
        updated=row.updated,
        codebook_version=row.codebook_version,
    )


def _warning_text(record: object) -> str:
    if isinstance(record, dict):
        fields = {k: record.get(k) for k in ("line", "post", "json_path", "file")}
        return str(ImportWarning(str(record.get("code", "")), str(record.get("message", "")),
                                 **fields))
    return str(record)
