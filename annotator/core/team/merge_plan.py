"""The merge check: what merging coder packages would do, computed without writing.

:func:`check_merge` opens the packages read-only and applies the rules of
:mod:`annotator.core.team.merge` item by item. :func:`plan_package` is the same check for
one package inside a given session; the merge runs it again inside its own transaction.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.core.errors import AnnotatorError, Conflict
from annotator.core.posts.values import normalise_value
from annotator.core.progress import CancelToken, Progress, check_cancel, no_progress
from annotator.core.project import Project
from annotator.core.storage.readonly import ReadOnlyFile
from annotator.core.storage.schema import AnnotationRow
from annotator.core.team.coder_work import CoderWork, SpanWork, read_work
from annotator.core.team.merge import (
    RESOLVABLE,
    WRITES,
    CoderMatch,
    ConflictReason,
    KindCounts,
    MergeConflict,
    MergeOptions,
    MergePlan,
    Outcome,
    PackageCheck,
    Refusal,
    RefusalReason,
    Resolution,
    decide,
    package_write,
)
from annotator.core.team.merge_inputs import (
    PackageContent,
    ProjectState,
    codebook_notes,
    read_package,
    read_state,
)

PACKAGE_MINIMUM_SCHEMA = 6
"""Coder packages exist since schema version 6."""
_IN_CHUNK = 900
_STATUSES = ("in_progress", "done")
_KIND_OF = {"annotation": "annotations", "value": "values", "status": "statuses"}


@dataclass
class MergeActions:
    """What the merge of one package writes, by uuid (the coder's name is not included:
    it is settled when the coder is added)."""

    coder_uuid: str
    coder_name: str
    add_coder: bool
    annotation_puts: dict[str, SpanWork] = field(default_factory=dict)
    annotation_removes: set[str] = field(default_factory=set)
    value_puts: dict[tuple[str, str], Any] = field(default_factory=dict)
    value_removes: set[tuple[str, str]] = field(default_factory=set)
    status_puts: dict[str, str] = field(default_factory=dict)
    status_removes: set[str] = field(default_factory=set)

    def fingerprint(self) -> str:
        record = [self.coder_uuid, self.add_coder,
                  sorted((k, v.to_json()) for k, v in self.annotation_puts.items()),
                  sorted(self.annotation_removes),
                  sorted([list(k), v] for k, v in self.value_puts.items()),
                  sorted(list(k) for k in self.value_removes),
                  sorted(self.status_puts.items()), sorted(self.status_removes)]
        text = json.dumps(record, ensure_ascii=False, sort_keys=True, default=str)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class _Item:
    kind: str
    """``annotation``, ``value`` or ``status``."""
    key: Any
    post: str
    base: Any
    package: Any
    project: Any
    verdict: Outcome | ConflictReason = Outcome.UNCHANGED
    resolution: Resolution | None = None

    @property
    def effective(self) -> Outcome:
        """What happens to the item unless its post is skipped."""
        if isinstance(self.verdict, Outcome):
            return self.verdict
        if self.resolution is Resolution.PACKAGE:
            return package_write(self.package, self.project)
        return Outcome.CONFLICT


def check_merge(
    project: Project,
    package_paths: Sequence[Path],
    options: MergeOptions | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> MergePlan:
    """Check each package against ``project`` without writing to either.

    Raises :class:`Conflict` when ``project`` is itself a coder package. Problems with a
    package (unreadable, not a package, of another project, listed twice, a second
    package for the same coder) are reported as its :class:`Refusal`.
    """
    options = options or MergeOptions()
    paths = [Path(p) for p in package_paths]
    checks: list[PackageCheck] = []
    with project.sessions() as session:
        state = read_state(session)
        if state.kind == "package":
            raise Conflict(f"{project.path.name} is a coder package; "
                           "merge packages into the main project")
        for number, path in enumerate(paths):
            check_cancel(cancel)
            checks.append(check_package(session, state, path, options)[0])
            progress(number + 1, len(paths))
    return MergePlan(project.path, options, tuple(_refuse_repeats(checks)))


def check_package(
    session: Session, state: ProjectState, path: Path, options: MergeOptions
) -> tuple[PackageCheck, MergeActions | None]:
    """Open the package at ``path`` read-only and plan its merge (see :func:`plan_package`)."""
    try:
        with (ReadOnlyFile(path, PACKAGE_MINIMUM_SCHEMA, "not a coder package") as package,
              package.sessions() as package_session):
            content = read_package(package_session)
    except AnnotatorError as exc:
        return PackageCheck(path, Refusal(RefusalReason.UNREADABLE, _reason(exc))), None
    if content is None or content.baseline is None:
        return PackageCheck(path, Refusal(RefusalReason.NOT_PACKAGE)), None
    return plan_package(session, state, content, path, options)


def plan_package(
    session: Session, state: ProjectState, content: PackageContent, path: Path,
    options: MergeOptions,
) -> tuple[PackageCheck, MergeActions | None]:
    """The check and the writes of one package; ``session`` reads the project."""
    head = PackageCheck(
        path=path, package_uuid=content.uuid, origin_uuid=content.origin_uuid,
        origin_ok=content.origin_uuid is not None and content.origin_uuid == state.uuid,
        coder_uuid=content.coder_uuid, coder_name=content.coder_name,
        posts=len(content.posts), merged_before=tuple(state.merged_before.get(content.uuid, ())))
    known = state.coders.get(content.coder_uuid)
    if content.coder_kind != "person" or (known is not None and known.kind != "person"):
        return dataclasses.replace(head, refusal=Refusal(RefusalReason.NOT_A_PERSON)), None
    if not head.origin_ok and not options.allow_foreign:
        detail = f"package origin {content.origin_uuid}, this project {state.uuid}"
        return dataclasses.replace(head, refusal=Refusal(RefusalReason.FOREIGN, detail)), None
    assert content.baseline is not None
    project_work = read_work(session, known.id if known else None, content.posts)
    items = _items(content.baseline, content.work, project_work)
    bad_posts = _bad_posts(state, content)
    for item in items:
        _judge(item, state, content, bad_posts, options)
    _refuse_uuids_in_use(session, items)
    _duplicates(items, project_work, bad_posts, options)
    blocked = set(bad_posts) | {i.post for i in items if i.resolution is Resolution.BLOCKS}
    skipped = blocked if options.skip_conflicts else set()
    if known is None:
        match, name = CoderMatch.NEW, state.free_coder_name(content.coder_name)
    else:
        match = CoderMatch.SAME if known.name == content.coder_name else CoderMatch.RENAMED
        name = known.name
    actions = MergeActions(content.coder_uuid, name, known is None)
    counts = {kind: KindCounts() for kind in _KIND_OF.values()}
    memos = 0
    for item in items:
        outcome, kind_counts = item.effective, counts[_KIND_OF[item.kind]]
        if item.post in skipped and (outcome in WRITES or outcome is Outcome.CONFLICT):
            kind_counts.skipped += 1
            if item.resolution is not None:
                item.resolution = Resolution.SKIPPED
            continue
        bucket = "conflicts" if outcome is Outcome.CONFLICT else outcome.value
        setattr(kind_counts, bucket, getattr(kind_counts, bucket) + 1)
        if outcome in WRITES:
            _add_write(actions, item, outcome)
            if item.kind == "annotation" and outcome is not Outcome.REMOVED:
                memos += item.package.memo != (item.project.memo if item.project else "")
    conflicts = _conflict_list(items, bad_posts, state, content, skipped)
    check = dataclasses.replace(
        head, project_coder_name=name, coder_match=match,
        posts_missing=sum(r is ConflictReason.POST_MISSING for r in bad_posts.values()),
        posts_changed=sum(r is ConflictReason.TEXT_CHANGED for r in bad_posts.values()),
        skipped_posts=len(skipped), counts=counts, memos=memos, conflicts=tuple(conflicts),
        codebook=tuple(codebook_notes(content.codes, state.codes)),
        codebook_versions=(content.baseline_version, content.codebook_version,
                           state.codebook_version),
        fingerprint=actions.fingerprint())
    return check, actions


def _items(base: CoderWork, package: CoderWork, project: CoderWork) -> list[_Item]:
    items: list[_Item] = []
    for uuid in sorted(base.annotations.keys() | package.annotations.keys()
                       | project.annotations.keys()):
        b, p, m = (w.annotations.get(uuid) for w in (base, package, project))
        post = next(s for s in (b, p, m) if s is not None).post
        items.append(_Item("annotation", uuid, post, base=b, package=p, project=m))
    for key in sorted(base.values.keys() | package.values.keys() | project.values.keys()):
        items.append(_Item("value", key, key[0], base=base.values.get(key),
                           package=package.values.get(key), project=project.values.get(key)))
    for post in sorted(base.statuses.keys() | package.statuses.keys() | project.statuses.keys()):
        items.append(_Item("status", post, post, base=base.statuses.get(post),
                           package=package.statuses.get(post),
                           project=project.statuses.get(post)))
    return items


def _bad_posts(state: ProjectState, content: PackageContent) -> dict[str, ConflictReason]:
    bad = {}
    for uuid, (_id, sha, _length) in content.posts.items():
        ours = state.posts.get(uuid)
        if ours is None:
            bad[uuid] = ConflictReason.POST_MISSING
        elif ours[1] != sha:
            bad[uuid] = ConflictReason.TEXT_CHANGED
    return bad


def _judge(item: _Item, state: ProjectState, content: PackageContent,
           bad_posts: dict[str, ConflictReason], options: MergeOptions) -> None:
    """Set the item's verdict and, for a conflict, its resolution."""
    verdict = decide(item.base, item.package, item.project)
    writes_package = item.package is not None and (
        verdict in (Outcome.ADDED, Outcome.UPDATED) or isinstance(verdict, ConflictReason))
    if item.post in bad_posts:
        if verdict in WRITES or isinstance(verdict, ConflictReason):
            verdict = bad_posts[item.post]
    elif writes_package:
        verdict = _invalid(item, state, content) or verdict
    item.verdict = verdict
    if isinstance(verdict, ConflictReason):
        resolvable = verdict in RESOLVABLE and options.prefer_package
        item.resolution = Resolution.PACKAGE if resolvable else Resolution.BLOCKS


def _invalid(item: _Item, state: ProjectState, content: PackageContent) -> ConflictReason | None:
    """Why the package's version of ``item`` cannot go into the project, if it cannot."""
    if item.kind == "status":
        return None if item.package in _STATUSES else ConflictReason.INVALID_VALUE
    code_uuid = item.package.code if item.kind == "annotation" else item.key[1]
    code = state.code_rows.get(code_uuid)
    wanted = "span" if item.kind == "annotation" else "variable"
    if code is None:
        return ConflictReason.CODE_MISSING
    if code.kind != wanted:
        return ConflictReason.CODE_KIND
    if item.kind == "annotation":
        span: SpanWork = item.package
        length = content.posts[item.post][2]
        return None if 0 <= span.start < span.end <= length else ConflictReason.INVALID_SPAN
    try:
        valid = normalise_value(code, item.package) is not None
    except AnnotatorError:
        valid = False
    return None if valid else ConflictReason.INVALID_VALUE


def _refuse_uuids_in_use(session: Session, items: list[_Item]) -> None:
    """New annotations whose uuid the project already uses (for another coder or post)."""
    new = {i.key: i for i in items if i.kind == "annotation" and i.project is None
           and i.effective is Outcome.ADDED}
    keys = sorted(new)
    for start in range(0, len(keys), _IN_CHUNK):
        chunk = keys[start:start + _IN_CHUNK]
        for uuid in session.scalars(select(AnnotationRow.uuid).where(
                AnnotationRow.uuid.in_(chunk))):
            new[uuid].verdict = ConflictReason.UUID_IN_USE
            new[uuid].resolution = Resolution.BLOCKS


def _duplicates(items: list[_Item], project: CoderWork, bad_posts: dict[str, ConflictReason],
                options: MergeOptions) -> None:
    """Mark package annotations that would duplicate one of the project's (same post, code
    and span). ``prefer_package`` resolves it when the project's duplicates are only kept
    (not themselves in conflict): they are then removed."""
    final = {uuid: (span, False) for uuid, span in project.annotations.items()}
    for item in items:
        if item.kind != "annotation" or item.post in bad_posts:
            continue
        if item.effective is Outcome.REMOVED:
            final.pop(item.key, None)
        elif item.effective in (Outcome.ADDED, Outcome.UPDATED):
            final[item.key] = (item.package, True)
    groups: dict[tuple[str, str, int, int], list[tuple[str, bool]]] = {}
    for uuid, (span, from_package) in final.items():
        groups.setdefault((span.post, span.code, span.start, span.end), []).append(
            (uuid, from_package))
    by_uuid = {i.key: i for i in items if i.kind == "annotation"}
    for members in groups.values():
        puts = [by_uuid[uuid] for uuid, from_package in members if from_package]
        others = [by_uuid[uuid] for uuid, from_package in members if not from_package]
        if len(members) < 2 or not puts:
            continue
        resolvable = (options.prefer_package and len(puts) == 1
                      and all(o.verdict is Outcome.KEPT for o in others))
        for item in puts + (others if resolvable else []):
            item.verdict = ConflictReason.DUPLICATE
            item.resolution = Resolution.PACKAGE if resolvable else Resolution.BLOCKS


def _add_write(actions: MergeActions, item: _Item, outcome: Outcome) -> None:
    if item.kind == "annotation":
        if outcome is Outcome.REMOVED:
            actions.annotation_removes.add(item.key)
        else:
            actions.annotation_puts[item.key] = item.package
    elif item.kind == "value":
        if outcome is Outcome.REMOVED:
            actions.value_removes.add(item.key)
        else:
            actions.value_puts[item.key] = item.package
    elif outcome is Outcome.REMOVED:
        actions.status_removes.add(item.key)
    else:
        actions.status_puts[item.key] = item.package


def _conflict_list(items: list[_Item], bad_posts: dict[str, ConflictReason],
                   state: ProjectState, content: PackageContent, skipped: set[str]
                   ) -> list[MergeConflict]:
    def post_id(uuid: str) -> int:
        ours = state.posts.get(uuid)
        return ours[0] if ours is not None else content.posts[uuid][0]

    def code_path(uuid: str) -> str:
        code = state.codes.get(uuid) or content.codes.get(uuid)
        return code.path if code is not None else uuid

    conflicts = [MergeConflict("post", uuid, post_id(uuid), reason, "",
                               Resolution.SKIPPED if uuid in skipped else Resolution.BLOCKS)
                 for uuid, reason in bad_posts.items()]
    for item in items:
        if not isinstance(item.verdict, ConflictReason) or item.post in bad_posts:
            continue
        assert item.resolution is not None
        if item.kind == "annotation":
            span = item.package or item.project
            detail = f"{code_path(span.code)} [{span.start}, {span.end})"
        else:
            detail = code_path(item.key[1]) if item.kind == "value" else ""
        conflicts.append(MergeConflict(item.kind, item.post, post_id(item.post), item.verdict,
                                       detail, item.resolution))
    return sorted(conflicts, key=lambda c: (c.post_id, c.kind != "post", c.kind, c.detail))


def _refuse_repeats(checks: list[PackageCheck]) -> list[PackageCheck]:
    """A package listed twice, or a second package for the same coder, is refused."""
    packages: set[str] = set()
    coders: set[str] = set()
    out = []
    for check in checks:
        refusal = check.refusal
        if refusal is None:
            if check.package_uuid in packages:
                refusal = Refusal(RefusalReason.LISTED_TWICE)
            elif check.coder_uuid in coders:
                refusal = Refusal(RefusalReason.SAME_CODER, check.coder_name)
            packages.add(check.package_uuid)
            coders.add(check.coder_uuid)
        out.append(dataclasses.replace(check, refusal=refusal))
    return out


def _reason(exc: AnnotatorError) -> str:
    return str(getattr(exc, "reason", exc))
