"""Storing a parsed file: one transaction, de-duplicated, with a report.

The import either happens whole or not at all: the parse runs before anything
is written, and the writes share one transaction that a cancel rolls back.

Texts are stored as the importer gives them, except that line ends become
``\n`` (``\r\n`` and lone ``\r``): Qt folds ``\r\n`` into one paragraph break,
which would shift every offset after it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, sessionmaker

from annotator.core.changes import Changes
from annotator.core.importers import registry
from annotator.core.importers.base import ImportWarning, ParsedPost, ParsedSource
from annotator.core.progress import CancelToken, Progress, check_cancel, no_progress
from annotator.core.storage.schema import Base, ChannelRow, PostRow, SourceRow, new_uuid
from annotator.core.textfile import decode, read_bytes

_BATCH = 500
_INSERT_POST = insert(Base.metadata.tables["post"])
"""A Core insert: executemany of plain rows, much faster than ORM units of work."""


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did. ``source_id`` is ``None`` when nothing new was added."""

    path: Path
    format: str
    encoding: str
    sha256: str
    posts_in_file: int
    added: int
    duplicates: int
    warnings: tuple[ImportWarning, ...]
    source_id: int | None
    added_ids: tuple[int, ...] = field(repr=False, default=())

    @property
    def changes(self) -> Changes:
        return Changes(
            posts=frozenset(self.added_ids),
            sources=frozenset({self.source_id}) if self.source_id is not None else frozenset(),
            structure=bool(self.added_ids),
        )

    def lines(self) -> list[str]:
        """A plain-text report for the command line."""
        out = [
            f"imported {self.path.name} as {self.format} ({self.encoding})",
            f"posts in file: {self.posts_in_file}",
            f"added: {self.added}",
            f"duplicates skipped: {self.duplicates}",
            f"warnings: {len(self.warnings)}",
        ]
        out += [f"  {w}" for w in self.warnings]
        return out


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class PreparedFile:
    """A file read and parsed, not yet stored."""

    path: Path
    sha256: str
    encoding: str
    parsed: ParsedSource
    warnings: tuple[ImportWarning, ...]


def prepare(
    path: Path,
    format_id: str = registry.AUTO,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> PreparedFile:
    """Read and parse ``path`` without touching any project.

    Raises :class:`~annotator.core.errors.InputFileError` for unreadable input
    and :class:`~annotator.core.progress.Cancelled` when cancelled.
    """
    data = read_bytes(path)
    decoded = decode(path, data)
    importer = registry.choose(path, decoded.text, format_id)
    parsed = importer.parse(path, decoded.text, progress, cancel)
    return PreparedFile(path, sha256_hex(data), decoded.encoding, parsed,
                        (*decoded.warnings, *parsed.warnings))


def import_files(
    sessions: sessionmaker[Session],
    paths: list[Path],
    format_id: str = registry.AUTO,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> list[ImportReport]:
    """Read, parse and store ``paths``, all in one transaction: all files or none.

    Runs on any thread (it opens its own session). Every file is parsed before
    anything is written. Raises :class:`~annotator.core.errors.InputFileError`
    for unreadable input and :class:`~annotator.core.progress.Cancelled` when
    cancelled; in both cases the project is unchanged.
    """
    steps = 2 * len(paths)
    prepared = [
        prepare(path, format_id, _scaled(progress, i, steps), cancel)
        for i, path in enumerate(paths)
    ]
    reports: list[ImportReport] = []
    with sessions.begin() as session:
        for i, item in enumerate(prepared, start=len(paths)):
            reports.append(_store(session, item, _scaled(progress, i, steps), cancel))
    progress(1, 1)
    return reports


def _scaled(progress: Progress, step: int, steps: int) -> Progress:
    """Map a sub-task's ``(done, total)`` onto step ``step`` of ``steps`` equal steps, in %."""

    def report(done: int, total: int) -> None:
        fraction = done / total if total else 0.0
        progress(int(100 * (step + min(fraction, 1.0)) / steps), 100)

    return report


def _store(
    session: Session, item: PreparedFile, progress: Progress, cancel: CancelToken | None
) -> ImportReport:
    """Insert the file's new posts (and a source row when there are any) in ``session``."""
    parsed = item.parsed
    channels = {c.key: _channel(session, c.key, c.title, c.metadata) for c in parsed.channels}
    known = _known_identities(session, [row.id for row in channels.values()])
    fresh: list[tuple[int, ParsedPost]] = []
    for index, post in enumerate(parsed.posts):
        key = (channels[post.channel].id, post.identity)
        if key not in known:
            known.add(key)
            fresh.append((index, post))
    duplicates = len(parsed.posts) - len(fresh)
    added: list[int] = []
    source_id: int | None = None
    if fresh:
        source = SourceRow(
            file_name=item.path.name,
            format=parsed.format,
            sha256=item.sha256,
            n_posts=len(parsed.posts),
            n_added=len(fresh),
            n_duplicates=duplicates,
            warnings=[_warning_record(w) for w in item.warnings],
            meta={"encoding": item.encoding, **parsed.metadata},
        )
        session.add(source)
        session.flush()
        source_id = source.id
        for lo in range(0, len(fresh), _BATCH):
            check_cancel(cancel)
            progress(lo, len(fresh))
            batch = [
                _post_values(source.id, channels[post.channel].id, index, post)
                for index, post in fresh[lo : lo + _BATCH]
            ]
            session.execute(_INSERT_POST, batch)
        added = list(session.scalars(
            select(PostRow.id).where(PostRow.source_id == source.id).order_by(PostRow.position)
        ))
    check_cancel(cancel)
    return ImportReport(
        path=item.path,
        format=parsed.format,
        encoding=item.encoding,
        sha256=item.sha256,
        posts_in_file=len(parsed.posts),
        added=len(added),
        duplicates=duplicates,
        warnings=item.warnings,
        source_id=source_id,
        added_ids=tuple(added),
    )


def normalise_newlines(text: str) -> str:
    """``\r\n`` and lone ``\r`` become ``\n``; nothing else changes."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _post_values(source_id: int, channel_id: int, index: int, post: ParsedPost) -> dict[str, Any]:
    text = normalise_newlines(post.text)
    return {
        "uuid": new_uuid(),
        "source_id": source_id,
        "channel_id": channel_id,
        "identity": post.identity,
        "external_id": post.external_id,
        "author": post.author,
        "forwarded_from": post.forwarded_from,
        "date": post.date,
        "text": text,
        "text_sha256": text_sha256(text),
        "metadata": post.metadata,
        "position": index,
    }


def _channel(session: Session, key: str, title: str, metadata: dict[str, object]) -> ChannelRow:
    row = session.scalar(select(ChannelRow).where(ChannelRow.key == key))
    if row is None:
        row = ChannelRow(key=key, title=title, meta=metadata)
        session.add(row)
        session.flush()
    else:
        # The newest import describes the channel best (counters grow); keep older keys.
        merged = {**(row.meta or {}), **metadata}
        if merged != row.meta:
            row.meta = merged
        if title != row.title:
            row.title = title
    return row


def _known_identities(session: Session, channel_ids: list[int]) -> set[tuple[int, str]]:
    query = select(PostRow.channel_id, PostRow.identity).where(
        PostRow.channel_id.in_(channel_ids)
    )
    return {(cid, ident) for cid, ident in session.execute(query)}


def _warning_record(warning: ImportWarning) -> dict[str, object]:
    return {"code": warning.code, "message": warning.message, "line": warning.line,
            "post": warning.post}
