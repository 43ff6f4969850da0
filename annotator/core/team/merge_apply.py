"""Merging checked coder packages into the project: a backup, then one transaction.

:func:`apply_merge` takes the :class:`MergePlan` of :func:`~.merge_plan.check_merge`.
It refuses a plan that is not ready (a refused package, an unresolved conflict), writes
a backup copy of the project beside it, then, in ONE transaction, checks every package
again (refusing if a package or the project changed since the check) and writes what
the check announced, plus one ``merge_log`` row per package that changed something.
Any failure or a cancel rolls everything back and removes the backup. A plan with
nothing to change writes nothing at all, not even a backup: merging a package twice
changes nothing the second time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import and_, bindparam, delete, insert, select
from sqlalchemy.orm import Session

from annotator.core.changes import Changes
from annotator.core.errors import Conflict
from annotator.core.posts.values import normalise_value
from annotator.core.progress import CancelToken, Progress, check_cancel, no_progress
from annotator.core.project import Project
from annotator.core.storage import database
from annotator.core.storage.readonly import ReadOnlyFile
from annotator.core.storage.schema import (
    AnnotationRow,
    Base,
    CodeRow,
    CoderRow,
    MergeRow,
    PostRow,
    PostStatusRow,
    PostValueRow,
)
from annotator.core.storage.types import utc_now
from annotator.core.team.merge import MergedPackage, MergePlan, MergeSummary, PackageCheck
from annotator.core.team.merge_inputs import CoderRef, ProjectState, read_package, read_state
from annotator.core.team.merge_plan import PACKAGE_MINIMUM_SCHEMA, MergeActions, plan_package

_IN_CHUNK = 900


def apply_merge(
    project: Project,
    plan: MergePlan,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> MergeSummary:
    """Merge the packages of ``plan`` into ``project``, all or nothing (see the module
    docstring). Raises :class:`Conflict` for a plan that is not ready or is out of date,
    :class:`Cancelled` when cancelled."""
    problem = plan.problem()
    if problem is not None:
        raise Conflict(problem)
    if Path(plan.project_path).resolve() != project.path.resolve():
        raise Conflict("the merge check was made for another project; check again")
    if not plan.has_changes:
        return MergeSummary(None, tuple(_merged(check, False) for check in plan.packages))
    backup = backup_path(project.path)
    database.backup_copy(project.path, backup)
    order = sorted(plan.packages, key=lambda c: (c.coder_uuid, c.package_uuid))
    touched: set[int] = set()
    coders: set[int] = set()
    try:
        with project.sessions.begin() as session:
            state = read_state(session)
            for number, check in enumerate(order):
                check_cancel(cancel)
                coder_id = _merge_one(session, state, check, plan, backup, touched, cancel)
                if coder_id is not None:
                    coders.add(coder_id)
                progress(number + 1, len(order))
            check_cancel(cancel)
    except BaseException:
        backup.unlink(missing_ok=True)
        raise
    return MergeSummary(backup, tuple(_merged(check, check.writes > 0) for check in plan.packages),
                        Changes(posts=frozenset(touched), coders=frozenset(coders),
                                structure=True))


def backup_path(path: Path) -> Path:
    """``<name>.before-merge-<UTC time><suffix>`` beside ``path``, numbered if taken."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    candidate = path.with_name(f"{path.stem}.before-merge-{stamp}{path.suffix}")
    number = 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.stem}.before-merge-{stamp}-{number}{path.suffix}")
    return candidate


def _merged(check: PackageCheck, changed: bool) -> MergedPackage:
    return MergedPackage(check.path, check.project_coder_name or check.coder_name,
                         check.counts, check.skipped_posts, changed)


def _merge_one(
    session: Session, state: ProjectState, check: PackageCheck, plan: MergePlan, backup: Path,
    touched: set[int], cancel: CancelToken | None,
) -> int | None:
    """Check one package again and write it; returns the coder's id if anything changed."""
    stale = Conflict(f"{check.path.name} or the project changed since the merge check; "
                     "check again")
    with (ReadOnlyFile(check.path, PACKAGE_MINIMUM_SCHEMA, "not a coder package") as package,
          package.sessions() as source):
        content = read_package(source)
        if content is None or content.baseline is None or content.coder_id is None:
            raise stale
        fresh, actions = plan_package(session, state, content, check.path, plan.options)
        if fresh.refusal is not None or actions is None or fresh.fingerprint != check.fingerprint:
            raise stale
        if fresh.writes == 0:
            return None
        coder_id = _coder(session, state, actions)
        check_cancel(cancel)
        touched |= _annotations(session, source, state, actions, coder_id, content.coder_id)
        check_cancel(cancel)
        touched |= _values(session, source, state, actions, coder_id, content.coder_id)
        touched |= _statuses(session, source, state, actions, coder_id, content.coder_id)
    session.add(MergeRow(package_uuid=check.package_uuid, coder_id=coder_id,
                         file_name=check.path.name, at=utc_now(), summary={
                             "file": str(check.path), "origin_uuid": check.origin_uuid,
                             "coder_uuid": check.coder_uuid, "coder_name": actions.coder_name,
                             "options": {"prefer_package": plan.options.prefer_package,
                                         "skip_conflicts": plan.options.skip_conflicts,
                                         "allow_foreign": plan.options.allow_foreign},
                             "counts": {k: c.as_dict() for k, c in fresh.counts.items()},
                             "memos": fresh.memos, "skipped_posts": fresh.skipped_posts,
                             "conflicts": len(fresh.conflicts), "backup": str(backup)}))
    return coder_id


def _coder(session: Session, state: ProjectState, actions: MergeActions) -> int:
    if actions.add_coder:
        row = CoderRow(uuid=actions.coder_uuid, name=actions.coder_name, kind="person")
        session.add(row)
        session.flush()
        state.coders[row.uuid] = CoderRef(row.id, row.name, row.kind)
    return state.coders[actions.coder_uuid].id


def _annotations(session: Session, source: Session, state: ProjectState,
                 actions: MergeActions, coder_id: int, package_coder_id: int) -> set[int]:
    puts, removes = actions.annotation_puts, actions.annotation_removes
    if not puts and not removes:
        return set()
    meta = {uuid: (created, updated, version) for uuid, created, updated, version in
            source.execute(select(AnnotationRow.uuid, AnnotationRow.created,
                                  AnnotationRow.updated, AnnotationRow.codebook_version)
                           .where(AnnotationRow.coder_id == package_coder_id))}
    existing = {uuid: (aid, post_id) for uuid, aid, post_id in session.execute(
        select(AnnotationRow.uuid, AnnotationRow.id, AnnotationRow.post_id)
        .where(AnnotationRow.coder_id == coder_id))}
    gone = [uuid for uuid in (*removes, *puts) if uuid in existing]
    for chunk in _chunks(gone):
        session.execute(delete(AnnotationRow).where(AnnotationRow.uuid.in_(chunk)))
    post_ids = {state.posts[span.post][0] for span in puts.values()}
    texts = {post_id: text for post_id, text in
             _rows_for(session, select(PostRow.id, PostRow.text), PostRow.id, post_ids)}
    code_ids = {uuid: row.id for uuid, row in state.code_rows.items()}
    again: list[dict[str, Any]] = []
    new: list[dict[str, Any]] = []
    for uuid, span in puts.items():
        post_id = state.posts[span.post][0]
        created, updated, version = meta[uuid]
        row = {"uuid": uuid, "post_id": post_id, "code_id": code_ids[span.code],
               "coder_id": coder_id, "start": span.start, "end": span.end,
               "quote": texts[post_id][span.start:span.end], "memo": span.memo,
               "created": created, "updated": updated, "codebook_version": version}
        if uuid in existing:  # an update keeps the annotation's id in the project
            again.append({"id": existing[uuid][0], **row})
        else:
            new.append(row)
    for rows in (again, new):
        if rows:
            session.execute(insert(AnnotationRow), rows)
    return post_ids | {existing[uuid][1] for uuid in removes if uuid in existing}


def _values(session: Session, source: Session, state: ProjectState, actions: MergeActions,
            coder_id: int, package_coder_id: int) -> set[int]:
    puts, removes = actions.value_puts, actions.value_removes
    if not puts and not removes:
        return set()
    meta = {(post, code): (created, updated, version) for post, code, created, updated, version
            in source.execute(select(PostRow.uuid, CodeRow.uuid, PostValueRow.created,
                                     PostValueRow.updated, PostValueRow.codebook_version)
                              .join(PostRow, PostValueRow.post_id == PostRow.id)
                              .join(CodeRow, PostValueRow.code_id == CodeRow.id)
                              .where(PostValueRow.coder_id == package_coder_id))}
    keys = [(state.posts[post][0], state.code_rows[code].id) for post, code in (*removes, *puts)]
    table = Base.metadata.tables["post_value"]
    if keys:
        session.execute(delete(table).where(and_(
            table.c.post_id == bindparam("p"), table.c.code_id == bindparam("c"),
            table.c.coder_id == coder_id)), [{"p": p, "c": c} for p, c in keys])
    rows = []
    for (post, code), value in puts.items():
        created, updated, version = meta[(post, code)]
        rows.append({"post_id": state.posts[post][0], "code_id": state.code_rows[code].id,
                     "coder_id": coder_id, "codebook_version": version,
                     # in the project's terms (its order of levels)
                     "value": normalise_value(state.code_rows[code], value),
                     "created": created, "updated": updated})
    if rows:
        session.execute(insert(PostValueRow), rows)
    return {post_id for post_id, _code in keys}


def _statuses(session: Session, source: Session, state: ProjectState, actions: MergeActions,
              coder_id: int, package_coder_id: int) -> set[int]:
    puts, removes = actions.status_puts, actions.status_removes
    if not puts and not removes:
        return set()
    updated = {post: at for post, at in source.execute(
        select(PostRow.uuid, PostStatusRow.updated)
        .join(PostRow, PostStatusRow.post_id == PostRow.id)
        .where(PostStatusRow.coder_id == package_coder_id))}
    post_ids = [state.posts[post][0] for post in (*removes, *puts)]
    table = Base.metadata.tables["post_status"]
    session.execute(delete(table).where(and_(table.c.post_id == bindparam("p"),
                                             table.c.coder_id == coder_id)),
                    [{"p": p} for p in post_ids])
    rows = [{"post_id": state.posts[post][0], "coder_id": coder_id, "status": status,
             "updated": updated[post]} for post, status in puts.items()]
    if rows:
        session.execute(insert(PostStatusRow), rows)
    return set(post_ids)


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), _IN_CHUNK):
        yield items[start:start + _IN_CHUNK]


def _rows_for(session: Session, statement: Any, column: Any, ids: set[int]
              ) -> Iterable[tuple[Any, ...]]:
    ordered = sorted(ids)
    for start in range(0, len(ordered), _IN_CHUNK):
        yield from session.execute(statement.where(column.in_(ordered[start:start + _IN_CHUNK])))
