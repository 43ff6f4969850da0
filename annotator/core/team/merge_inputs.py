"""What a merge check reads: the project's side and one package's side, keyed by uuid.

Both readers only read; each runs inside the caller's session (a read snapshot for a
check, the write transaction for the merge itself).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from annotator.core.storage.schema import (
    CodebookRow,
    CodeRow,
    CoderRow,
    MergeRow,
    PostRow,
    ProjectInfoRow,
)
from annotator.core.team.coder_work import CoderWork, read_work
from annotator.core.team.merge import CodebookNote
from annotator.core.team.package_baseline import baseline_codebook_version, read_baseline


@dataclass(frozen=True, slots=True)
class CoderRef:
    id: int
    name: str
    kind: str


@dataclass(frozen=True, slots=True)
class CodeRef:
    """A code as a merge compares it: its path (names from the root), parent and kind."""

    path: str
    parent: str | None
    """The parent's uuid."""
    kind: str


@dataclass
class ProjectState:
    """The project as the merge sees it (the file's uuid is ``None`` when it has none yet)."""

    uuid: str | None
    kind: str
    posts: dict[str, tuple[int, str]]
    """post uuid -> (id, text hash)."""
    code_rows: dict[str, CodeRow]
    """code uuid -> row (read-only use: variable levels for checking values)."""
    codes: dict[str, CodeRef]
    coders: dict[str, CoderRef]
    """coder uuid -> coder."""
    merged_before: dict[str, list[datetime]] = field(default_factory=dict)
    """package uuid -> when it was merged."""
    codebook_version: int = 1

    def free_coder_name(self, name: str) -> str:
        """``name``, or ``name (2)``, ``name (3)``... whichever no coder of the project has."""
        taken = {coder.name for coder in self.coders.values()}
        candidate, number = name, 1
        while candidate in taken:
            number += 1
            candidate = f"{name} ({number})"
        return candidate


@dataclass
class PackageContent:
    """One package as the merge sees it."""

    uuid: str
    kind: str
    origin_uuid: str | None
    coder_id: int | None
    coder_uuid: str
    coder_name: str
    coder_kind: str
    posts: dict[str, tuple[int, str, int]]
    """post uuid -> (id in the package, text hash, text length in code points)."""
    codes: dict[str, CodeRef]
    baseline: CoderWork | None
    work: CoderWork
    codebook_version: int
    baseline_version: int | None


def read_state(session: Session) -> ProjectState:
    """The project's side of a merge check."""
    info = session.get(ProjectInfoRow, 1)
    code_rows = {row.uuid: row for row in session.scalars(select(CodeRow))}
    state = ProjectState(
        uuid=info.uuid if info is not None else None,
        kind=info.kind if info is not None else "project",
        posts={uuid: (int(pid), sha) for pid, uuid, sha in session.execute(
            select(PostRow.id, PostRow.uuid, PostRow.text_sha256))},
        code_rows=code_rows,
        codes=_code_refs((row.id, row.uuid, row.parent_id, row.name, row.kind)
                         for row in code_rows.values()),
        coders={row.uuid: CoderRef(row.id, row.name, row.kind)
                for row in session.scalars(select(CoderRow))},
        codebook_version=int(session.scalar(select(CodebookRow.version)) or 1),
    )
    for package_uuid, at in session.execute(select(MergeRow.package_uuid, MergeRow.at)
                                            .order_by(MergeRow.at)):
        state.merged_before.setdefault(package_uuid, []).append(at)
    return state


def read_package(session: Session) -> PackageContent | None:
    """One package's side of a merge check; ``None`` when the file is no coder package."""
    info = session.get(ProjectInfoRow, 1)
    if info is None or info.kind != "package" or info.package_coder_id is None:
        return None
    coder = session.get(CoderRow, info.package_coder_id)
    if coder is None:
        return None
    posts = {uuid: (int(pid), sha, int(length or 0)) for pid, uuid, sha, length in
             session.execute(select(PostRow.id, PostRow.uuid, PostRow.text_sha256,
                                    func.length(PostRow.text)))}
    codes = _code_refs(session.execute(select(CodeRow.id, CodeRow.uuid, CodeRow.parent_id,
                                              CodeRow.name, CodeRow.kind)))
    return PackageContent(
        uuid=info.uuid, kind=info.kind, origin_uuid=info.origin_uuid, coder_id=coder.id,
        coder_uuid=coder.uuid, coder_name=coder.name, coder_kind=coder.kind, posts=posts,
        codes=codes, baseline=read_baseline(session),
        work=read_work(session, coder.id, None),
        codebook_version=int(session.scalar(select(CodebookRow.version)) or 1),
        baseline_version=baseline_codebook_version(session),
    )


def codebook_notes(package: dict[str, CodeRef], project: dict[str, CodeRef]
                   ) -> list[CodebookNote]:
    """How the two codebooks differ, code by code (by uuid), in path order."""
    notes = []
    for uuid, ours in project.items():
        theirs = package.get(uuid)
        if theirs is None:
            notes.append(CodebookNote("only_in_project", "", ours.path))
        elif theirs.kind != ours.kind:
            notes.append(CodebookNote("kind", theirs.path, ours.path))
        elif theirs.parent != ours.parent:
            notes.append(CodebookNote("moved", theirs.path, ours.path))
        elif theirs.path != ours.path:
            notes.append(CodebookNote("renamed", theirs.path, ours.path))
    notes += [CodebookNote("only_in_package", theirs.path, "")
              for uuid, theirs in package.items() if uuid not in project]
    return sorted(notes, key=lambda n: (n.project_path or n.package_path, n.change))


def _code_refs(rows: Iterable[tuple[int, str, int | None, str, str]]) -> dict[str, CodeRef]:
    by_id = {cid: (uuid, parent, name, kind) for cid, uuid, parent, name, kind in rows}
    paths: dict[int, str] = {}

    def path(cid: int) -> str:
        if cid not in paths:
            _uuid, parent, name, _kind = by_id[cid]
            paths[cid] = name if parent is None else f"{path(parent)}/{name}"
        return paths[cid]

    return {uuid: CodeRef(path(cid), None if parent is None else by_id[parent][0], kind)
            for cid, (uuid, parent, _name, kind) in by_id.items()}
