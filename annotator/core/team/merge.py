"""Merging coder packages back into their project: the rules, the options, the results.

Each item of a coder's work is compared in three states: the package's *baseline* (the
work as of packaging, stored in the package), the *package* now and the *project* now.
Items are annotations (by uuid; content = post, code, offsets, memo), post-level values
(by post and variable) and post statuses (by post), all of the package's coder on the
package's posts. :func:`decide` applies the rule:

- package = project: **unchanged**;
- project = baseline (only the coder changed it): the package's version is written:
  **added**, **updated** or **removed** (the coder deleted it);
- package = baseline (only the project changed it since packaging): the project's
  version is **kept** (this also keeps work the project gained after packaging);
- otherwise both changed it: a **conflict**. The project's version stays and the merge
  is blocked, unless ``prefer_package`` takes the package's version or
  ``skip_conflicts`` leaves every post with an unresolved conflict out of the merge.

Comparisons are by content, never by clock: laptops' clocks do not matter, and a merged
item equals the package's, so merging the same package again changes nothing.

Posts missing from the project or whose text hash differs, codes missing in the project
or of another kind, values a variable does not take, spans past the text and annotation
uuids the project uses elsewhere are conflicts that ``prefer_package`` cannot resolve
(only ``skip_conflicts`` can). An annotation that would duplicate another of the coder's
(same post, code and span) is a conflict that ``prefer_package`` resolves by dropping
the project's duplicate. Packages of another project (by ``origin_uuid``) are refused
unless ``allow_foreign``. Coders are matched by uuid: a coder missing from the project is
added (a number is appended if the name is taken); a renamed one keeps the project's name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from annotator.core.changes import Changes

KINDS = ("annotations", "values", "statuses")
"""The kinds of work, in the order counts are shown."""


@dataclass(frozen=True, slots=True)
class MergeOptions:
    prefer_package: bool = False
    """Resolve conflicts where both sides changed an item by taking the package's version."""
    skip_conflicts: bool = False
    """Leave posts with unresolved conflicts out of the merge instead of refusing it."""
    allow_foreign: bool = False
    """Merge packages cut from another project (matching posts and codes by uuid)."""


class Outcome(StrEnum):
    ADDED = "added"
    UPDATED = "updated"
    REMOVED = "removed"
    UNCHANGED = "unchanged"
    KEPT = "kept"
    CONFLICT = "conflict"


WRITES = (Outcome.ADDED, Outcome.UPDATED, Outcome.REMOVED)


class ConflictReason(StrEnum):
    POST_MISSING = "post_missing"
    TEXT_CHANGED = "text_changed"
    CODE_MISSING = "code_missing"
    CODE_KIND = "code_kind"
    INVALID_VALUE = "invalid_value"
    INVALID_SPAN = "invalid_span"
    UUID_IN_USE = "uuid_in_use"
    BOTH_CHANGED = "both_changed"
    DELETED_IN_PROJECT = "deleted_in_project"
    """The coder changed an item that the project deleted since packaging."""
    DELETED_IN_PACKAGE = "deleted_in_package"
    """The coder deleted an item that the project changed since packaging."""
    DUPLICATE = "duplicate"


RESOLVABLE = frozenset({ConflictReason.BOTH_CHANGED, ConflictReason.DELETED_IN_PROJECT,
                        ConflictReason.DELETED_IN_PACKAGE, ConflictReason.DUPLICATE})
"""Conflicts that ``prefer_package`` resolves; the others only ``skip_conflicts`` can."""

_REASON_TEXT = {
    ConflictReason.POST_MISSING: "the post is not in the project",
    ConflictReason.TEXT_CHANGED: "the post's text differs from the project's (text hash)",
    ConflictReason.CODE_MISSING: "its code is not in the project's codebook",
    ConflictReason.CODE_KIND: "its code is of another kind in the project",
    ConflictReason.INVALID_VALUE: "the project's variable does not take this value",
    ConflictReason.INVALID_SPAN: "the span does not fit the post's text",
    ConflictReason.UUID_IN_USE: "the project uses its uuid for another coder or post",
    ConflictReason.BOTH_CHANGED: "changed both in the package and in the project",
    ConflictReason.DELETED_IN_PROJECT: "changed in the package, deleted in the project",
    ConflictReason.DELETED_IN_PACKAGE: "deleted in the package, changed in the project",
    ConflictReason.DUPLICATE: "the project has the same code on the same span already",
}


def decide(baseline: Any, package: Any, project: Any) -> Outcome | ConflictReason:
    """The three-way rule of the module docstring for one item (``None`` = absent)."""
    if package == project:
        return Outcome.UNCHANGED
    if project == baseline:
        if project is None:
            return Outcome.ADDED
        return Outcome.REMOVED if package is None else Outcome.UPDATED
    if package == baseline:
        return Outcome.KEPT
    if package is None:
        return ConflictReason.DELETED_IN_PACKAGE
    return ConflictReason.DELETED_IN_PROJECT if project is None else ConflictReason.BOTH_CHANGED


def package_write(package: Any, project: Any) -> Outcome:
    """What taking the package's version writes (for a conflict resolved by the package)."""
    if package is None:
        return Outcome.REMOVED
    return Outcome.ADDED if project is None else Outcome.UPDATED


class Resolution(StrEnum):
    BLOCKS = "blocks"
    """Unresolved: the merge is refused until an option resolves it."""
    PACKAGE = "package"
    """``prefer_package``: the package's version is written."""
    SKIPPED = "skipped"
    """``skip_conflicts``: the post is left out of the merge."""


@dataclass(frozen=True, slots=True)
class MergeConflict:
    """One conflict; ``post_id`` is the project's id of the post (the package's if the
    project lacks it); ``detail`` names the code or quote involved."""

    kind: str
    """``post``, ``annotation``, ``value`` or ``status``."""
    post_uuid: str
    post_id: int
    reason: ConflictReason
    detail: str
    resolution: Resolution

    def __str__(self) -> str:
        what = "post" if self.kind == "post" else f"{self.kind} on post"
        detail = f" ({self.detail})" if self.detail else ""
        return f"{what} {self.post_id}{detail}: {_REASON_TEXT[self.reason]}"


@dataclass(slots=True)
class KindCounts:
    """What happens to the items of one kind; every item is in exactly one bucket."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    kept: int = 0
    conflicts: int = 0
    skipped: int = 0

    @property
    def writes(self) -> int:
        return self.added + self.updated + self.removed

    def as_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in
                ("added", "updated", "removed", "unchanged", "kept", "conflicts", "skipped")}


class CoderMatch(StrEnum):
    SAME = "same"
    RENAMED = "renamed"
    """The project knows the coder (by uuid) under another name, which it keeps."""
    NEW = "new"
    """The project does not know the coder; the merge adds them."""


class RefusalReason(StrEnum):
    UNREADABLE = "unreadable"
    NOT_PACKAGE = "not_package"
    FOREIGN = "foreign"
    LISTED_TWICE = "listed_twice"
    SAME_CODER = "same_coder"
    NOT_A_PERSON = "not_a_person"


_REFUSAL_TEXT = {
    RefusalReason.UNREADABLE: "cannot be read",
    RefusalReason.NOT_PACKAGE: "is not a coder package",
    RefusalReason.FOREIGN: "was cut from another project",
    RefusalReason.LISTED_TWICE: "is listed twice",
    RefusalReason.SAME_CODER: "is for the same coder as another package of this merge; "
                              "merge them one at a time",
    RefusalReason.NOT_A_PERSON: "is for the adjudicated layer, not a coder",
}


@dataclass(frozen=True, slots=True)
class Refusal:
    reason: RefusalReason
    detail: str = ""

    def __str__(self) -> str:
        detail = f" ({self.detail})" if self.detail else ""
        return f"{_REFUSAL_TEXT[self.reason]}{detail}"


@dataclass(frozen=True, slots=True)
class CodebookNote:
    """A difference between the package's codebook and the project's, by code uuid."""

    change: str
    """``only_in_package``, ``only_in_project``, ``renamed``, ``moved`` or ``kind``."""
    package_path: str
    project_path: str

    def __str__(self) -> str:
        match self.change:
            case "only_in_package":
                return f"{self.package_path}: only in the package"
            case "only_in_project":
                return f"{self.project_path}: only in the project"
            case "kind":
                return f"{self.project_path}: another kind in the package"
        verb = "renamed" if self.change == "renamed" else "moved"
        return f"{self.project_path}: {verb} (the package has {self.package_path})"


@dataclass(frozen=True)
class PackageCheck:
    """The check of one package against the project: what a merge would do."""

    path: Path
    refusal: Refusal | None = None
    package_uuid: str = ""
    origin_uuid: str | None = None
    origin_ok: bool = False
    coder_uuid: str = ""
    coder_name: str = ""
    project_coder_name: str | None = None
    """The name the coder gets or keeps in the project."""
    coder_match: CoderMatch = CoderMatch.SAME
    posts: int = 0
    posts_missing: int = 0
    posts_changed: int = 0
    skipped_posts: int = 0
    counts: dict[str, KindCounts] = field(default_factory=dict)
    memos: int = 0
    """Annotations whose memo the merge writes or changes."""
    conflicts: tuple[MergeConflict, ...] = ()
    codebook: tuple[CodebookNote, ...] = ()
    codebook_versions: tuple[int | None, int, int] = (None, 1, 1)
    """(at packaging, in the package now, in the project now)."""
    merged_before: tuple[datetime, ...] = ()
    fingerprint: str = ""
    """Identifies what the merge would write; a merge re-checks it inside its transaction."""

    @property
    def blocking(self) -> list[MergeConflict]:
        return [c for c in self.conflicts if c.resolution is Resolution.BLOCKS]

    @property
    def writes(self) -> int:
        return sum(c.writes for c in self.counts.values()) + (self.coder_match is CoderMatch.NEW)


@dataclass(frozen=True)
class MergePlan:
    """The check of every package, under ``options``; pass it to ``apply_merge``."""

    project_path: Path
    options: MergeOptions
    packages: tuple[PackageCheck, ...]

    @property
    def refused(self) -> list[PackageCheck]:
        return [p for p in self.packages if p.refusal is not None]

    @property
    def blocked(self) -> bool:
        return any(p.blocking for p in self.packages)

    @property
    def ready(self) -> bool:
        return bool(self.packages) and not self.refused and not self.blocked

    @property
    def has_changes(self) -> bool:
        return any(p.writes for p in self.packages)

    def problem(self) -> str | None:
        """Why the merge cannot run, in one line; ``None`` when it can."""
        if not self.packages:
            return "no packages to merge"
        for check in self.refused:
            return f"{check.path.name} {check.refusal}"
        blocking = sum(len(p.blocking) for p in self.packages)
        if blocking:
            return (f"{blocking} conflict(s) block the merge; take the packages' version "
                    "or skip the posts with conflicts")
        return None


@dataclass(frozen=True, slots=True)
class MergedPackage:
    path: Path
    coder_name: str
    counts: dict[str, KindCounts]
    skipped_posts: int
    changed: bool


@dataclass(frozen=True)
class MergeSummary:
    """What a merge did; ``backup`` is the copy written before (``None`` when nothing
    needed changing, so nothing was written at all)."""

    backup: Path | None
    packages: tuple[MergedPackage, ...]
    changes: Changes = field(default_factory=Changes)
