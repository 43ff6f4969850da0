"""``package`` and ``merge``: offline coder packages out of a project, and back in.

``package`` writes one coder's package (see :mod:`annotator.core.team.packages`).
``merge`` checks packages against the project, prints the check, and merges them in one
transaction after writing a backup (the rules: :mod:`annotator.core.team.merge`).
Refusals (a foreign or unreadable package, unresolved conflicts) exit with status 2 and
one ``error:`` line after the check; ``--dry-run`` only prints the check.
"""

from __future__ import annotations

import argparse
from functools import partial
from pathlib import Path

from annotator.cli.console import (
    CliError,
    CommandFactory,
    add_project_argument,
    iso,
    open_project,
    out,
    with_progress,
)
from annotator.cli.selection import coder_ids
from annotator.core.project import PROJECT_SUFFIX
from annotator.core.team.merge import (
    KINDS,
    CoderMatch,
    MergeOptions,
    MergePlan,
    MergeSummary,
    PackageCheck,
    RefusalReason,
)
from annotator.core.team.merge_apply import apply_merge
from annotator.core.team.merge_plan import check_merge
from annotator.core.team.packages import package_file_name, write_package

FIRST_CONFLICTS = 10
"""Conflicts listed per package; the rest are counted."""
_BUCKETS = ("added", "updated", "removed", "unchanged", "kept", "conflicts", "skipped")


def _cmd_package(args: argparse.Namespace) -> None:
    with open_project(args.project) as project:
        found = coder_ids(project, args.coder)
        assert found is not None
        if len(found) != 1:
            raise CliError("name exactly one coder with --coder")
        coder = project.coders.get(found[0])
        target: Path = args.out
        if target.is_dir():
            target = target / package_file_name(project.path, coder.name)
        summary = with_progress("packaging", partial(
            write_package, project, coder.id, target, all_posts=args.all_posts))
    out(f"wrote the package for {summary.coder.name} to {summary.path}")
    scope = "every post of the project" if summary.all_posts else "assigned posts"
    out(f"  {summary.posts} {scope}, {summary.annotations} annotation(s), "
        f"{summary.values} post value(s), {summary.statuses} post status(es)")
    if target.suffix != PROJECT_SUFFIX:
        out(f"  note: the coder opens it in Annotator; project files usually end in "
            f"{PROJECT_SUFFIX}")


def _cmd_merge(args: argparse.Namespace) -> None:
    options = MergeOptions(prefer_package=args.prefer_package,
                           skip_conflicts=args.skip_conflicts, allow_foreign=args.allow_foreign)
    with open_project(args.project) as project:
        plan = with_progress("checking", lambda progress, cancel: check_merge(
            project, args.packages, options, progress, cancel))
        for check in plan.packages:
            _print_check(check)
        problem = plan.problem()
        if problem is not None:
            raise CliError(_with_hint(plan, problem))
        if args.dry_run:
            out("dry run: nothing was written")
            return
        summary = with_progress("merging", partial(apply_merge, project, plan))
    _print_summary(summary)


def _print_check(check: PackageCheck) -> None:
    out(f"package {check.path}")
    if check.refusal is not None and check.refusal.reason in (
            RefusalReason.UNREADABLE, RefusalReason.NOT_PACKAGE):
        out(f"  refused: {check.refusal}")
        return
    out(f"  coder: {_coder_line(check)}")
    out(f"  origin: {'this project' if check.origin_ok else _foreign(check)}")
    if check.refusal is not None:
        out(f"  refused: {check.refusal}")
        return
    posts = [f"{check.posts}"]
    if check.posts_missing:
        posts.append(f"{check.posts_missing} missing in the project")
    if check.posts_changed:
        posts.append(f"{check.posts_changed} with another text in the project")
    if check.skipped_posts:
        posts.append(f"{check.skipped_posts} skipped for conflicts")
    out(f"  posts: {posts[0]}" + (f" ({', '.join(posts[1:])})" if posts[1:] else ""))
    at_cut, in_package, in_project = check.codebook_versions
    line = f"  codebook: version {at_cut} at packaging, {in_package} in the package, " \
           f"{in_project} in the project"
    out(line + (f"; {len(check.codebook)} difference(s)" if check.codebook else ""))
    for note in check.codebook[:FIRST_CONFLICTS]:
        out(f"    {note}")
    for kind in KINDS:
        counts = check.counts[kind].as_dict()
        shown = [f"{counts[b]} {b}" for b in _BUCKETS if counts[b] or b in _BUCKETS[:4]]
        out(f"  {kind}: {', '.join(shown)}")
    out(f"  memos written: {check.memos}")
    if check.merged_before:
        out(f"  merged before: {', '.join(iso(at) or '' for at in check.merged_before)}")
    if check.conflicts:
        out(f"  conflicts: {len(check.conflicts)}")
        for conflict in check.conflicts[:FIRST_CONFLICTS]:
            out(f"    {conflict} [{_resolution(conflict.resolution.value)}]")
        if len(check.conflicts) > FIRST_CONFLICTS:
            out(f"    … and {len(check.conflicts) - FIRST_CONFLICTS} more")


def _coder_line(check: PackageCheck) -> str:
    match check.coder_match:
        case CoderMatch.SAME:
            return f"{check.coder_name} (known to the project)"
        case CoderMatch.RENAMED:
            return (f"{check.coder_name} (the project calls them {check.project_coder_name!r} "
                    "and keeps that name)")
    return f"{check.coder_name} (new: added to the project as {check.project_coder_name!r})"


def _foreign(check: PackageCheck) -> str:
    return f"ANOTHER project (origin {check.origin_uuid})"


def _resolution(value: str) -> str:
    return {"blocks": "blocks the merge", "package": "the package's version is taken",
            "skipped": "post skipped"}[value]


def _with_hint(plan: MergePlan, problem: str) -> str:
    if any(c.refusal is not None and c.refusal.reason is RefusalReason.FOREIGN
           for c in plan.refused):
        return f"{problem}; merge it into its own project, or pass --allow-foreign"
    if plan.blocked and not plan.refused:
        return (f"{problem} (--prefer-package takes the package's version, "
                "--skip-conflicts leaves those posts out)")
    return problem


def _print_summary(summary: MergeSummary) -> None:
    if summary.backup is None:
        out("nothing to merge: the project already holds every package's work; "
            "nothing was written")
        return
    for merged in summary.packages:
        if not merged.changed:
            out(f"{merged.path.name}: nothing new for {merged.coder_name}")
            continue
        parts = [f"{kind} +{c.added} ~{c.updated} -{c.removed}"
                 for kind, c in merged.counts.items()]
        out(f"merged {merged.path.name} for {merged.coder_name}: {', '.join(parts)}")
    out(f"backup of the project before the merge: {summary.backup}")


def register(command: CommandFactory) -> None:
    sub = command("package", _cmd_package,
                  "Write a coder package: a project file with the codebook and one coder's "
                  "assigned posts, for coding offline.")
    add_project_argument(sub, "the project file")
    sub.add_argument("--coder", required=True, metavar="NAME",
                     help="the coder (name or uuid)")
    sub.add_argument("out", type=Path, metavar="OUT",
                     help="the package file to write (never overwritten), or a folder to "
                          "write <project>-<coder>.annot in")
    sub.add_argument("--all-posts", action="store_true",
                     help="package every post of the project (for a coder without an "
                          "assignment)")

    sub = command("merge", _cmd_merge,
                  "Check coder packages against the project and merge them in (one "
                  "transaction, after writing a backup).")
    add_project_argument(sub, "the project file")
    sub.add_argument("packages", nargs="+", type=Path, metavar="PACKAGE",
                     help="coder package files")
    sub.add_argument("--dry-run", action="store_true", help="only print the check")
    sub.add_argument("--prefer-package", action="store_true",
                     help="where both the package and the project changed an item, take "
                          "the package's version")
    sub.add_argument("--skip-conflicts", action="store_true",
                     help="leave posts with unresolved conflicts out of the merge")
    sub.add_argument("--allow-foreign", action="store_true",
                     help="merge packages cut from another project (matched by uuid)")
