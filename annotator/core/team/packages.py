"""Coder packages: a self-contained project file holding one coder's share of the work.

A package is a project file of kind ``package`` (see :mod:`annotator.core.project_identity`)
whose ``origin_uuid`` names the project it was cut from and whose ``package_coder_id`` is
the coder it is for. It holds, with the project's own ids and uuids:

- the whole codebook (codes with their tree, definitions, levels, shortcuts and colours;
  the codebook row with its version; the changelog);
- that coder's row and no other coder;
- the coder's assigned posts (text, hashes, identity, metadata, position, version) with
  their source and channel rows, and the coder's assignment rows;
- the coder's existing annotations, post-level values and statuses on those posts, so a
  package can be re-issued after partial work;
- the baseline: that same work as of packaging, for the merge (see
  :mod:`annotator.core.team.package_baseline`).

A coder without assigned posts is refused unless ``all_posts`` asks for every post of the
project. A package is written under a temporary name beside the target and renamed into
place when complete; an existing file is never overwritten.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from annotator.core.errors import Conflict, NotFound, ProjectExists, ProjectMissing
from annotator.core.model import Coder
from annotator.core.progress import CancelToken, Progress, check_cancel, no_progress
from annotator.core.project import PROJECT_SUFFIX, Project
from annotator.core.project_identity import identity_row
from annotator.core.refi.qdpx_project import remove_project_file
from annotator.core.storage import convert
from annotator.core.storage.schema import (
    AnnotationRow,
    AssignmentRow,
    Base,
    ChannelRow,
    CodebookChangeRow,
    CodebookRow,
    CodeRow,
    CoderRow,
    PostRow,
    PostStatusRow,
    PostValueRow,
    SourceRow,
)
from annotator.core.storage.table_copy import copy_rows, insert_rows, raw_copy, read_rows
from annotator.core.storage.types import utc_now
from annotator.core.team.coder_work import read_work
from annotator.core.team.package_baseline import write_baseline

_UNSAFE = re.compile(r'[\\/:*?"<>|\s\x00-\x1f]+')


@dataclass(frozen=True, slots=True)
class PackageSummary:
    """What one package holds."""

    path: Path
    package_uuid: str
    coder: Coder
    posts: int
    annotations: int
    values: int
    statuses: int
    all_posts: bool
    """Whether every post of the project was packaged (the coder had no assignment)."""


def package_file_name(project_path: Path, coder_name: str) -> str:
    """``<project>-<coder>.annot``, with characters that file systems refuse replaced."""
    coder = _UNSAFE.sub("_", coder_name).strip("._") or "coder"
    return f"{Path(project_path).stem}-{coder}{PROJECT_SUFFIX}"


def package_coder(project: Project) -> Coder | None:
    """The coder a package file is for; ``None`` for a project (or a package whose coder
    row is gone, which the app then treats like a project)."""
    identity = project.identity()
    if not identity.is_package or identity.package_coder_id is None:
        return None
    with project.sessions() as session:
        row = session.get(CoderRow, identity.package_coder_id)
        return convert.coder(row) if row is not None else None


def assigned_post_counts(project: Project) -> dict[int, int]:
    """``{coder id: number of assigned posts}`` for every coder with an assignment."""
    with project.sessions() as session:
        rows = session.execute(select(AssignmentRow.coder_id, func.count())
                               .group_by(AssignmentRow.coder_id))
        return {int(coder_id): int(count) for coder_id, count in rows}


def write_package(
    project: Project,
    coder_id: int,
    out_path: Path,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    *,
    all_posts: bool = False,
) -> PackageSummary:
    """Write the package of coder ``coder_id`` to ``out_path`` (a new file).

    Raises :class:`NotFound` for an unknown coder, :class:`Conflict` when the project is
    itself a package, the coder is the adjudicated layer, or the coder has no assigned
    posts (without ``all_posts``), :class:`ProjectExists` when ``out_path`` exists and
    :class:`Cancelled` when cancelled. On any failure no file is left behind.
    """
    out_path = Path(out_path)
    coder = _packable_coder(project, coder_id)
    origin = project.identity()
    if origin.is_package:
        raise Conflict(f"{project.path.name} is itself a coder package; "
                       "cut packages from the main project")
    if not all_posts and assigned_post_counts(project).get(coder_id, 0) == 0:
        raise Conflict(f"{coder.name} has no assigned posts; assign posts first, "
                       "or package every post of the project")
    if out_path.exists():
        raise ProjectExists(out_path, "a file already exists there; choose another name")
    if not out_path.parent.is_dir():
        raise ProjectMissing(out_path.parent, "no such folder")
    temp = out_path.with_name(f".{out_path.name}.packaging-{os.getpid()}")
    remove_project_file(temp)
    try:
        with (Project.create(temp) as package, project.sessions() as source,
              package.sessions.begin() as target):
            counts = _copy(source, target, coder_id, all_posts, progress, cancel)
            info = identity_row(target)
            info.kind, info.origin_uuid, info.package_coder_id = "package", origin.uuid, coder_id
            package_uuid = info.uuid
            version = int(target.scalar(select(CodebookRow.version)) or 1)
            write_baseline(target, package_uuid, coder_id, read_work(target, coder_id, None),
                           utc_now(), version)
            check_cancel(cancel)
        _move_into_place(temp, out_path)
    finally:
        remove_project_file(temp)
    progress(1, 1)
    return PackageSummary(out_path, package_uuid, coder, counts["post"], counts["annotation"],
                          counts["post_value"], counts["post_status"], all_posts)


def write_packages(
    project: Project,
    coder_ids: Sequence[int],
    folder: Path,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    *,
    all_posts: bool = False,
) -> list[PackageSummary]:
    """One package per coder in ``folder``, named by :func:`package_file_name`; all or
    nothing: when one fails (or the run is cancelled) the ones already written are removed.
    """
    folder = Path(folder)
    names = {cid: project.coders.get(cid).name for cid in coder_ids}
    written: list[PackageSummary] = []
    try:
        for number, coder_id in enumerate(coder_ids):
            def step(done: int, total: int, number: int = number) -> None:
                progress(number * 100 + (100 * done // total if total else 0),
                         100 * len(coder_ids))

            target = folder / package_file_name(project.path, names[coder_id])
            written.append(write_package(project, coder_id, target, step, cancel,
                                         all_posts=all_posts))
    except BaseException:
        for summary in written:
            remove_project_file(summary.path)
        raise
    return written


def _packable_coder(project: Project, coder_id: int) -> Coder:
    with project.sessions() as session:
        row = session.get(CoderRow, coder_id)
        if row is None:
            raise NotFound("coder", coder_id)
        if row.kind != "person":
            raise Conflict(f"{row.name} is the adjudicated layer, not a coder; "
                           "packages are for coders")
        return convert.coder(row)


def _copy(
    source: Session, target: Session, coder_id: int, all_posts: bool, progress: Progress,
    cancel: CancelToken | None,
) -> dict[str, int]:
    """Copy the package's rows, parents before children; returns rows per table."""
    tables = Base.metadata.tables
    scope = (select(PostRow.id) if all_posts
             else select(AssignmentRow.post_id).where(AssignmentRow.coder_id == coder_id))
    in_scope = PostRow.id.in_(scope)
    post_sources = select(PostRow.source_id).where(in_scope)
    post_channels = select(PostRow.channel_id).where(in_scope)
    steps: list[tuple[str, Select[Any] | None]] = [
        ("codebook", select(tables["codebook"])),
        ("codebook_change", select(tables["codebook_change"]).order_by(CodebookChangeRow.id)),
        ("code", None),  # parents first: see _copy_codes
        ("coder", select(tables["coder"]).where(CoderRow.id == coder_id)),
        ("source", select(tables["source"]).where(SourceRow.id.in_(post_sources))),
        ("channel", select(tables["channel"]).where(ChannelRow.id.in_(post_channels))),
        ("post", select(tables["post"]).where(in_scope).order_by(PostRow.id)),
        ("assignment", select(tables["assignment"]).where(AssignmentRow.coder_id == coder_id)),
        ("annotation", select(tables["annotation"]).where(
            AnnotationRow.coder_id == coder_id, AnnotationRow.post_id.in_(scope))),
        ("post_status", select(tables["post_status"]).where(
            PostStatusRow.coder_id == coder_id, PostStatusRow.post_id.in_(scope))),
        ("post_value", select(tables["post_value"]).where(
            PostValueRow.coder_id == coder_id, PostValueRow.post_id.in_(scope))),
    ]
    counts: dict[str, int] = {}
    for number, (name, statement) in enumerate(steps):
        check_cancel(cancel)
        counts[name] = (_copy_codes(source, target) if statement is None
                        else copy_rows(source, target, tables[name], statement))
        progress(number + 1, len(steps) + 1)
    return counts


def _copy_codes(source: Session, target: Session) -> int:
    """Copy the code tree with every parent inserted before its children."""
    table = Base.metadata.tables["code"]
    raw = raw_copy(source, target)
    columns = [column.name for column in table.columns]
    rows = read_rows(source, select(table).order_by(CodeRow.id), raw)
    at_id, at_parent = columns.index("id"), columns.index("parent_id")
    children: dict[Any, list[tuple[Any, ...]]] = {}
    for row in rows:
        children.setdefault(row[at_parent], []).append(row)
    ordered: list[tuple[Any, ...]] = []
    level = children.get(None, [])
    while level:
        ordered += level
        level = [child for row in level for child in children.get(row[at_id], [])]
    insert_rows(target, table, columns, ordered, raw)
    return len(ordered)


def _move_into_place(temp: Path, path: Path) -> None:
    """Give the finished ``temp`` the name ``path``, never replacing an existing file."""
    try:
        os.link(temp, path)
    except FileExistsError as exc:
        raise ProjectExists(path, "a file already exists there; choose another name") from exc
    except OSError:  # a file system without hard links
        if path.exists():
            raise ProjectExists(path, "a file already exists there; choose another name"
                                ) from None
        os.replace(temp, path)
    else:
        with contextlib.suppress(OSError):
            temp.unlink()
