"""Storing what importers parse: one transaction, channels and posts matched, a report.

An import either happens whole or not at all: every input of one call is stored
in one transaction, and an error or a cancel while an importer's posts are
consumed rolls all of it back. Posts stream through in batches, so memory stays
bounded by the importer, not by the size of the input.

Channels are matched by Telegram id, then username, then title. Posts are
matched by ``(channel, identity)``: the same identity with the same text (by
:func:`~annotator.core.textnorm.comparison_key`) is a duplicate; with another
text it becomes the next *version* of the post, so existing annotations never
shift. Line ends are stored as ``\\n`` (Qt folds ``\\r\\n`` into one paragraph
break, which would shift every offset after it).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from annotator.core.importers import registry
from annotator.core.importers.base import ImportOptions, ParsedPost, ParsedSource
from annotator.core.importers.channels import ChannelResolver
from annotator.core.importers.report import ImportReport, VersionNote, warning_record
from annotator.core.progress import CancelToken, Progress, check_cancel, no_progress
from annotator.core.storage.bulk import insert_posts
from annotator.core.storage.schema import PostRow, SourceRow, new_uuid
from annotator.core.textnorm import comparison_sha256

_BATCH = 500
_MAX_STORED_WARNINGS = 1000


def import_files(
    sessions: sessionmaker[Session],
    paths: list[Path],
    format_id: str = registry.AUTO,
    options: ImportOptions | Mapping[Path, ImportOptions] | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> list[ImportReport]:
    """Import ``paths`` (files or export folders) all or nothing; one report per input.

    ``options`` apply to every input, or are given per input (inputs missing from
    the mapping get the defaults).

    Runs on any thread (it opens its own session). Raises
    :class:`~annotator.core.errors.InputFileError` for unreadable input and
    :class:`~annotator.core.progress.Cancelled` when cancelled; in both cases the
    project is unchanged.
    """
    per_input = _options_per_input(paths, options)
    importers = [registry.choose(path, format_id) for path in paths]
    reports: list[ImportReport] = []
    with sessions.begin() as session:
        for step, (path, importer) in enumerate(zip(paths, importers, strict=True)):
            check_cancel(cancel)
            parsed = importer.parse(path, per_input[step], _scaled(progress, step, len(paths)),
                                    cancel)
            reports.append(_store(session, path, _fingerprint(path), parsed, cancel))
    progress(1, 1)
    return reports


def _options_per_input(
    paths: list[Path], options: ImportOptions | Mapping[Path, ImportOptions] | None
) -> list[ImportOptions]:
    if options is None or isinstance(options, ImportOptions):
        return [options or ImportOptions()] * len(paths)
    return [options.get(path, ImportOptions()) for path in paths]


def _scaled(progress: Progress, step: int, steps: int) -> Progress:
    """Map an input's ``(done, total)`` onto step ``step`` of ``steps`` equal steps, in %."""

    def report(done: int, total: int) -> None:
        fraction = done / total if total else 0.0
        progress(int(100 * (step + min(fraction, 1.0)) / steps), 100)

    return report


def _fingerprint(path: Path) -> str:
    """sha256 of a file, or of a folder's files (names and contents, in name order)."""
    digest = hashlib.sha256()
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for file in files:
        if path.is_dir():
            digest.update(str(file.relative_to(path)).encode("utf-8") + b"\0")
        with file.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    return digest.hexdigest()


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``; nothing else changes."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class _Tally:
    """Counts and notes gathered while one input is stored."""

    def __init__(self) -> None:
        self.seen = 0
        self.added: list[int] = []
        self.duplicates = 0
        self.versions: list[VersionNote] = []


@dataclass(slots=True)
class _Known:
    """What is stored under one ``(channel, identity)``: text hashes and the newest version."""

    hashes: set[str] = field(default_factory=set)
    version: int = 0
    last_id: int | None = None


def _store(
    session: Session, path: Path, sha256: str, parsed: ParsedSource, cancel: CancelToken | None
) -> ImportReport:
    """Insert the input's new posts and versions (and its source row when there are any)."""
    source = SourceRow(file_name=path.name, format=parsed.format, sha256=sha256, n_posts=0,
                       n_added=0, n_duplicates=0, warnings=[], meta={})
    session.add(source)
    session.flush()
    channels = ChannelResolver(session, parsed.channels)
    tally = _Tally()
    known: dict[tuple[int, str], _Known] = {}
    posts = iter(parsed.posts)
    while batch := list(islice(posts, _BATCH)):
        check_cancel(cancel)
        _store_batch(session, source.id, batch, channels, tally, known)
    check_cancel(cancel)
    source.n_posts = tally.seen
    source.n_added = len(tally.added)
    source.n_duplicates = tally.duplicates
    source.warnings = [warning_record(w) for w in parsed.warnings[:_MAX_STORED_WARNINGS]]
    source.meta = {**parsed.metadata, "skipped": dict(parsed.skipped),
                   "warnings_total": len(parsed.warnings), "versions": len(tally.versions)}
    source_id: int | None = source.id
    if not tally.added:
        session.delete(source)  # nothing new: no trace of the attempt
        source_id = None
    session.flush()
    return ImportReport(
        path=path,
        format=parsed.format,
        encoding=str(parsed.metadata.get("encoding") or "") or None,
        sha256=sha256,
        posts_in_file=tally.seen,
        added=len(tally.added),
        duplicates=tally.duplicates,
        versions=tuple(tally.versions),
        skipped=dict(parsed.skipped),
        warnings=tuple(parsed.warnings),
        channels=tuple(channels.titles()),
        source_id=source_id,
        added_ids=tuple(tally.added),
    )


def _store_batch(
    session: Session,
    source_id: int,
    batch: list[ParsedPost],
    channels: ChannelResolver,
    tally: _Tally,
    known: dict[tuple[int, str], _Known],
) -> None:
    """Classify a batch against the database and this import, then insert the new rows."""
    keyed = [(channels.row_id(post.channel), post) for post in batch]
    _load_known(session, keyed, known)
    values: list[dict[str, Any]] = []
    for channel_id, post in keyed:
        position = tally.seen
        tally.seen += 1
        text = normalise_newlines(post.text)
        comparison = comparison_sha256(text)
        entry = known[(channel_id, post.identity)]
        if comparison in entry.hashes:
            tally.duplicates += 1
            continue
        entry.hashes.add(comparison)
        entry.version += 1
        values.append(_post_values(source_id, channel_id, position, post, text, comparison,
                                   entry.version))
    if not values:
        return
    insert_posts(session, values)
    inserted = _ids_of(session, [v["uuid"] for v in values])
    for row, post_id in zip(values, inserted, strict=True):  # in insertion order
        tally.added.append(post_id)
        entry = known[(row["channel_id"], row["identity"])]
        if row["version"] > 1 and entry.last_id is not None:
            tally.versions.append(VersionNote(row["identity"], entry.last_id, post_id,
                                              row["version"]))
        entry.last_id = post_id


def _load_known(
    session: Session, keyed: list[tuple[int, ParsedPost]], known: dict[tuple[int, str], _Known]
) -> None:
    """Add the stored versions of the batch's new identities to ``known``."""
    wanted: dict[int, set[str]] = {}
    for channel_id, post in keyed:
        if (channel_id, post.identity) not in known:
            known[(channel_id, post.identity)] = _Known()
            wanted.setdefault(channel_id, set()).add(post.identity)
    for channel_id, identities in wanted.items():
        ordered = sorted(identities)
        for lo in range(0, len(ordered), 400):
            query = (
                select(PostRow.identity, PostRow.id, PostRow.comparison_sha256, PostRow.version)
                .where(PostRow.channel_id == channel_id,
                       PostRow.identity.in_(ordered[lo : lo + 400]))
                .order_by(PostRow.version)
            )
            for identity, post_id, comparison, version in session.execute(query):
                entry = known[(channel_id, identity)]
                entry.hashes.add(comparison)
                entry.version, entry.last_id = version, post_id


def _ids_of(session: Session, uuids: list[str]) -> list[int]:
    """Ids of the rows with ``uuids`` (just inserted), in that order; uses the uuid index."""
    query = select(PostRow.uuid, PostRow.id).where(PostRow.uuid.in_(uuids))
    by_uuid: dict[str, int] = {u: i for u, i in session.execute(query)}
    return [by_uuid[u] for u in uuids]


def _post_values(
    source_id: int,
    channel_id: int,
    position: int,
    post: ParsedPost,
    text: str,
    comparison: str,
    version: int,
) -> dict[str, Any]:
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
        "position": position,
        "version": version,
        "comparison_sha256": comparison,
    }
