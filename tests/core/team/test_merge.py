"""Merging coder packages: the check, the three-way rules, atomicity and idempotency."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import delete, select, update

from annotator.core.demo import create_demo
from annotator.core.errors import Conflict
from annotator.core.model import PostStatus
from annotator.core.progress import Cancelled, CancelToken
from annotator.core.project import Project
from annotator.core.spans import Span
from annotator.core.storage import database
from annotator.core.storage.schema import CoderRow, MergeRow, PostRow
from annotator.core.team.merge import (
    CoderMatch,
    ConflictReason,
    MergeOptions,
    Outcome,
    PackageCheck,
    RefusalReason,
    Resolution,
    decide,
)
from annotator.core.team.merge_apply import apply_merge
from annotator.core.team.merge_plan import check_merge
from annotator.core.team.packages import write_package
from tests.core.team.package_support import (
    STANCE,
    THREAT,
    VICTIM,
    Team,
    assign,
    code,
    done,
    dump,
    sql,
    stance,
    team_project,
    work_of,
)


@pytest.fixture
def team(tmp_path: Path) -> Iterator[Team]:
    made = team_project(tmp_path / "study.annot")
    yield made
    made.project.close()


def cut(team: Team, folder: Path) -> tuple[Path, Path]:
    ann = write_package(team.project, team.ann.id, folder / "ann.annot").path
    ben = write_package(team.project, team.ben.id, folder / "ben.annot").path
    return ann, ben


def counts(check: PackageCheck, kind: str) -> dict[str, int]:
    return check.counts[kind].as_dict()


def test_the_three_way_rule() -> None:
    assert decide("b", "b", "b") is Outcome.UNCHANGED
    assert decide(None, "p", None) is Outcome.ADDED
    assert decide("b", "p", "b") is Outcome.UPDATED
    assert decide("b", None, "b") is Outcome.REMOVED
    assert decide("b", "b", "m") is Outcome.KEPT
    assert decide(None, None, "m") is Outcome.KEPT  # the project's own later work
    assert decide("b", None, None) is Outcome.UNCHANGED  # deleted on both sides
    assert decide("b", "p", "m") is ConflictReason.BOTH_CHANGED
    assert decide(None, "p", "m") is ConflictReason.BOTH_CHANGED
    assert decide("b", "p", None) is ConflictReason.DELETED_IN_PROJECT
    assert decide("b", None, "m") is ConflictReason.DELETED_IN_PACKAGE


def test_round_trip_brings_back_exactly_the_coders_work(team: Team, tmp_path: Path) -> None:
    project, posts, ann, ben, cy = team.project, team.posts, team.ann, team.ben, team.cy
    code(project, posts[0], THREAT, ann.id, 0, 5, "kept as is")
    edited = code(project, posts[1], THREAT, ann.id, 2, 8)
    deleted = code(project, posts[2], VICTIM, ann.id, 1, 3)
    code(project, posts[3], THREAT, cy.id, 0, 2)
    stance(project, posts[0], ann.id, 1)
    done(project, posts[0], ann.id)
    ann_path, ben_path = cut(team, tmp_path)

    with Project.open(ann_path) as package:  # Ann codes offline through the core services
        package.annotations.update(edited, span=Span(3, 9), memo="moved")
        package.annotations.delete(deleted)
        code(package, posts[4], VICTIM, ann.id, 0, 4, "a new one")
        stance(package, posts[0], ann.id, 2)
        stance(package, posts[4], ann.id, 0)
        package.statuses.set(posts[0], ann.id, PostStatus.IN_PROGRESS)
        done(package, posts[4], ann.id)
        expected_ann = work_of(package, "Ann")
    with Project.open(ben_path) as package:
        code(package, posts[5], THREAT, ben.id, 0, 6)
        code(package, posts[6], VICTIM, ben.id, 2, 7, "Ben's memo")
        stance(package, posts[5], ben.id, 3)
        done(package, posts[5], ben.id)
        expected_ben = work_of(package, "Ben")
    cy_before = work_of(project, "Cy")

    plan = check_merge(project, [ann_path, ben_path])
    assert plan.ready and plan.has_changes and plan.problem() is None
    ann_check, ben_check = plan.packages
    assert (ann_check.coder_match, ann_check.origin_ok, ann_check.posts) == (
        CoderMatch.SAME, True, 8)
    assert counts(ann_check, "annotations") == dict(
        added=1, updated=1, removed=1, unchanged=1, kept=0, conflicts=0, skipped=0)
    assert counts(ann_check, "values") == dict(
        added=1, updated=1, removed=0, unchanged=0, kept=0, conflicts=0, skipped=0)
    assert counts(ann_check, "statuses") == dict(
        added=1, updated=1, removed=0, unchanged=0, kept=0, conflicts=0, skipped=0)
    assert ann_check.memos == 2 and ben_check.memos == 1
    assert ann_check.conflicts == () and ann_check.codebook == ()
    assert counts(ben_check, "annotations")["added"] == 2

    summary = apply_merge(project, plan)

    assert work_of(project, "Ann") == expected_ann
    assert work_of(project, "Ben") == expected_ben
    assert work_of(project, "Cy") == cy_before
    assert project.annotations.get(edited).span == Span(3, 9)  # updated in place: same id
    assert summary.backup is not None and summary.backup.exists()
    assert [m.changed for m in summary.packages] == [True, True]
    assert summary.changes.posts == {posts[i] for i in (0, 1, 2, 4, 5, 6)}
    with project.sessions() as session:
        log = sorted(session.scalars(select(MergeRow)), key=lambda row: row.file_name)
    assert [(row.file_name, row.coder_id) for row in log] == [("ann.annot", ann.id),
                                                              ("ben.annot", ben.id)]
    assert log[0].summary["counts"]["annotations"]["removed"] == 1
    assert log[0].package_uuid == ann_check.package_uuid
    assert project.integrity_problems() == []


def test_merging_twice_changes_nothing_the_second_time(team: Team, tmp_path: Path) -> None:
    ann_path, ben_path = cut(team, tmp_path)
    with Project.open(ann_path) as package:
        code(package, team.posts[0], THREAT, team.ann.id, 0, 5, "memo")
        done(package, team.posts[0], team.ann.id)
    apply_merge(team.project, check_merge(team.project, [ann_path, ben_path]))
    before = dump(team.path)

    again = check_merge(team.project, [ann_path, ben_path])
    assert again.ready and not again.has_changes
    assert counts(again.packages[0], "annotations")["unchanged"] == 1
    assert len(again.packages[0].merged_before) == 1
    summary = apply_merge(team.project, again)
    assert summary.backup is None and not any(m.changed for m in summary.packages)
    assert dump(team.path) == before
    assert not list(tmp_path.glob("study.before-merge-*-2.annot"))

    with Project.open(ann_path) as package:  # more work later: only that is new
        code(package, team.posts[1], VICTIM, team.ann.id, 1, 2)
    third = check_merge(team.project, [ann_path])
    assert counts(third.packages[0], "annotations") == dict(
        added=1, updated=0, removed=0, unchanged=1, kept=0, conflicts=0, skipped=0)


def test_the_order_of_packages_does_not_matter(team: Team, tmp_path: Path) -> None:
    ann_path, ben_path = cut(team, tmp_path)
    overlap = team.posts[5]  # in both assignments
    with Project.open(ann_path) as package:
        code(package, overlap, THREAT, team.ann.id, 0, 5)
        stance(package, overlap, team.ann.id, 1)
    with Project.open(ben_path) as package:
        code(package, overlap, THREAT, team.ben.id, 0, 5)
        stance(package, overlap, team.ben.id, 2)
        done(package, overlap, team.ben.id)
    twin = tmp_path / "twin.annot"
    database.backup_copy(team.path, twin)
    for path in (ann_path, ben_path):
        apply_merge(team.project, check_merge(team.project, [path]))
    with Project.open(twin) as other:
        for path in (ben_path, ann_path):
            apply_merge(other, check_merge(other, [path]))
        for name in ("Ann", "Ben", "Cy"):
            assert work_of(other, name) == work_of(team.project, name)
    batch = tmp_path / "batch.annot"
    database.backup_copy(twin, batch)  # already merged: a batch in any order changes nothing
    with Project.open(batch) as third:
        assert not check_merge(third, [ben_path, ann_path]).has_changes


def test_the_check_reports_a_changed_text_and_a_missing_post(team: Team, tmp_path: Path) -> None:
    ann_path, _ = cut(team, tmp_path)
    sql(ann_path, "UPDATE post SET text_sha256 = ? WHERE id = ?", "0" * 64, team.posts[1])
    with team.project.sessions.begin() as session:
        session.execute(delete(PostRow).where(PostRow.id == team.posts[2]))
    with Project.open(ann_path) as package:
        code(package, team.posts[0], THREAT, team.ann.id, 0, 3)
        code(package, team.posts[2], THREAT, team.ann.id, 0, 3)

    plan = check_merge(team.project, [ann_path])
    check = plan.packages[0]
    assert (check.posts_changed, check.posts_missing) == (1, 1)
    assert [(c.kind, c.post_id, c.reason, c.resolution) for c in check.conflicts] == [
        ("post", team.posts[1], ConflictReason.TEXT_CHANGED, Resolution.BLOCKS),
        ("post", team.posts[2], ConflictReason.POST_MISSING, Resolution.BLOCKS)]
    assert str(check.conflicts[0]).startswith(f"post {team.posts[1]}: the post's text differs")
    assert plan.blocked and not plan.ready and "2 conflict(s)" in (plan.problem() or "")
    before = dump(team.path)
    with pytest.raises(Conflict, match="block the merge"):
        apply_merge(team.project, plan)
    assert dump(team.path) == before

    skipping = check_merge(team.project, [ann_path], MergeOptions(skip_conflicts=True))
    check = skipping.packages[0]
    assert skipping.ready and check.skipped_posts == 2
    assert {c.resolution for c in check.conflicts} == {Resolution.SKIPPED}
    assert counts(check, "annotations")["skipped"] == 1
    assert counts(check, "annotations")["added"] == 1
    apply_merge(team.project, skipping)
    assert [a.post_id for a in team.project.annotations.all()] == [team.posts[0]]


def test_the_check_reports_codebook_differences_and_a_missing_code(
        team: Team, tmp_path: Path) -> None:
    ann_path, _ = cut(team, tmp_path)
    project = team.project
    project.codes.update(project.codes.by_path(VICTIM).id, name="Victims")
    with Project.open(ann_path) as package:
        new_code, _ = package.codes.add("Irony")
        package.annotations.add(team.posts[0], new_code.id, team.ann.id, Span(0, 4))
        code(package, team.posts[1], THREAT, team.ann.id, 0, 4)

    check = check_merge(project, [ann_path]).packages[0]
    assert [str(n) for n in check.codebook] == [
        "Framing/Victims: renamed (the package has Framing/Victimhood)",
        "Irony: only in the package"]
    assert check.codebook_versions == (2, 3, 3)
    assert [(c.kind, c.post_id, c.reason, c.detail) for c in check.conflicts] == [
        ("annotation", team.posts[0], ConflictReason.CODE_MISSING, "Irony [0, 4)")]
    # prefer_package cannot put a code into the codebook: only skipping resolves it.
    assert check_merge(project, [ann_path], MergeOptions(prefer_package=True)).blocked
    apply_merge(project, check_merge(project, [ann_path], MergeOptions(skip_conflicts=True)))
    assert [a.post_id for a in project.annotations.all()] == [team.posts[1]]


def test_a_package_of_another_project_is_refused_unless_allowed(
        team: Team, tmp_path: Path) -> None:
    with create_demo(tmp_path / "other.annot") as other:
        dee, _ = other.coders.create("Ann")
        assign(other, dee.id, other.posts.ids()[:3])
        foreign = write_package(other, dee.id, tmp_path / "foreign.annot").path
    plan = check_merge(team.project, [foreign])
    check = plan.packages[0]
    assert check.refusal is not None and check.refusal.reason is RefusalReason.FOREIGN
    assert not check.origin_ok and plan.problem() == (
        f"foreign.annot was cut from another project (package origin {check.origin_uuid}, "
        f"this project {team.project.identity().uuid})")
    allowed = check_merge(team.project, [foreign], MergeOptions(allow_foreign=True))
    check = allowed.packages[0]
    assert check.refusal is None and check.posts_missing == 3
    assert check.coder_match is CoderMatch.NEW and check.project_coder_name == "Ann (2)"


def test_coders_are_matched_by_uuid(team: Team, tmp_path: Path) -> None:
    project = team.project
    twin = tmp_path / "twin.annot"
    database.backup_copy(team.path, twin)  # the same project, used elsewhere
    with Project.open(twin) as other:
        dee, _ = other.coders.create("Dee")
        assign(other, dee.id, team.posts[:2])
        dee_path = write_package(other, dee.id, tmp_path / "dee.annot").path
    with Project.open(dee_path) as package:
        code(package, team.posts[0], THREAT, dee.id, 0, 3)
    ann_path, _ = cut(team, tmp_path)
    with project.sessions.begin() as session:
        session.execute(update(CoderRow).where(CoderRow.id == team.ann.id)
                        .values(name="Ann Smith"))

    plan = check_merge(project, [ann_path, dee_path])
    ann_check, dee_check = plan.packages
    assert (ann_check.coder_match, ann_check.project_coder_name) == (
        CoderMatch.RENAMED, "Ann Smith")
    assert (dee_check.coder_match, dee_check.project_coder_name) == (CoderMatch.NEW, "Dee")
    summary = apply_merge(project, plan)
    assert project.coders.by_uuid(dee.uuid).name == "Dee"
    assert project.coders.get(team.ann.id).name == "Ann Smith"  # the project's name stays
    assert project.coders.by_uuid(dee.uuid).id in summary.changes.coders
    assert work_of(project, "Dee")["annotations"] != set()


def test_both_sides_changed_is_a_conflict_the_options_resolve(team: Team,
                                                              tmp_path: Path) -> None:
    project, posts, ann = team.project, team.posts, team.ann.id
    both = code(project, posts[0], THREAT, ann, 0, 5)
    kept = code(project, posts[1], THREAT, ann, 0, 5)
    gone_here = code(project, posts[2], THREAT, ann, 0, 5)
    gone_there = code(project, posts[3], THREAT, ann, 0, 5)
    stance(project, posts[4], ann, 1)
    ann_path, _ = cut(team, tmp_path)
    # The supervisor keeps working in the project as Ann after packaging...
    project.annotations.update(both, memo="project")
    project.annotations.update(kept, memo="project")
    project.annotations.delete(gone_here)
    project.annotations.update(gone_there, memo="project")
    stance(project, posts[4], ann, 2)
    code(project, posts[5], VICTIM, ann, 1, 4, "project twin")
    # ...while Ann codes the package.
    with Project.open(ann_path) as package:
        package.annotations.update(both, memo="package")
        package.annotations.update(gone_here, memo="package")
        package.annotations.delete(gone_there)
        stance(package, posts[4], ann, 3)
        code(package, posts[5], VICTIM, ann, 1, 4, "package twin")
        code(package, posts[6], THREAT, ann, 0, 2)

    plan = check_merge(project, [ann_path])
    check = plan.packages[0]
    assert [(c.kind, c.post_id, c.reason) for c in check.conflicts] == [
        ("annotation", posts[0], ConflictReason.BOTH_CHANGED),
        ("annotation", posts[2], ConflictReason.DELETED_IN_PROJECT),
        ("annotation", posts[3], ConflictReason.DELETED_IN_PACKAGE),
        ("value", posts[4], ConflictReason.BOTH_CHANGED),
        ("annotation", posts[5], ConflictReason.DUPLICATE)]
    assert counts(check, "annotations") == dict(
        added=1, updated=0, removed=0, unchanged=0, kept=2, conflicts=4, skipped=0)
    before = dump(team.path)
    with pytest.raises(Conflict):
        apply_merge(project, plan)
    assert dump(team.path) == before
    assert not list(tmp_path.glob("*before-merge*"))

    preferring = check_merge(project, [ann_path], MergeOptions(prefer_package=True))
    check = preferring.packages[0]
    assert preferring.ready
    assert {c.resolution for c in check.conflicts} == {Resolution.PACKAGE}
    assert counts(check, "annotations") == dict(
        added=3, updated=1, removed=2, unchanged=0, kept=1, conflicts=0, skipped=0)
    apply_merge(project, preferring)
    memos = {(a.post_id, a.memo) for a in project.annotations.all() if a.coder_id == ann}
    assert memos == {(posts[0], "package"), (posts[1], "project"), (posts[2], "package"),
                     (posts[5], "package twin"), (posts[6], "")}
    stance_id = project.codes.by_path("Stance toward the West")
    assert project.values.get(posts[4], stance_id.id, ann) == stance_id.levels[3].uuid
    assert not check_merge(project, [ann_path]).has_changes


def test_skipping_conflicts_leaves_those_posts_as_they_are(team: Team, tmp_path: Path) -> None:
    project, posts, ann = team.project, team.posts, team.ann.id
    both = code(project, posts[0], THREAT, ann, 0, 5)
    ann_path, _ = cut(team, tmp_path)
    project.annotations.update(both, memo="project")
    with Project.open(ann_path) as package:
        package.annotations.update(both, memo="package")
        code(package, posts[0], VICTIM, ann, 0, 3)  # same post: skipped with it
        done(package, posts[0], ann)
        code(package, posts[1], VICTIM, ann, 0, 3)
    plan = check_merge(project, [ann_path], MergeOptions(skip_conflicts=True))
    check = plan.packages[0]
    assert check.skipped_posts == 1 and plan.ready
    assert counts(check, "annotations")["skipped"] == 2
    assert counts(check, "statuses")["skipped"] == 1
    apply_merge(project, plan)
    assert {(a.post_id, a.memo) for a in project.annotations.all()} == {
        (posts[0], "project"), (posts[1], "")}
    assert project.statuses.get(posts[0], ann) is PostStatus.NOT_STARTED


def test_a_cancelled_or_stale_merge_changes_nothing(team: Team, tmp_path: Path) -> None:
    ann_path, ben_path = cut(team, tmp_path)
    with Project.open(ann_path) as package:
        code(package, team.posts[0], THREAT, team.ann.id, 0, 5)
    with Project.open(ben_path) as package:
        code(package, team.posts[5], THREAT, team.ben.id, 0, 5)
    plan = check_merge(team.project, [ann_path, ben_path])
    before = dump(team.path)
    cancel = CancelToken()

    def cancel_after_the_first(done_count: int, total: int) -> None:
        cancel.cancel()  # the first package is written by now; the second never comes

    with pytest.raises(Cancelled):
        apply_merge(team.project, plan, cancel_after_the_first, cancel)
    assert dump(team.path) == before
    assert not list(tmp_path.glob("*before-merge*"))

    with Project.open(ben_path) as package:  # the package changes after the check
        code(package, team.posts[6], THREAT, team.ben.id, 0, 5)
    with pytest.raises(Conflict, match="ben.annot or the project changed since"):
        apply_merge(team.project, plan)
    assert dump(team.path) == before
    assert not list(tmp_path.glob("*before-merge*"))


def test_the_backup_holds_the_project_as_it_was(team: Team, tmp_path: Path) -> None:
    ann_path, _ = cut(team, tmp_path)
    with Project.open(ann_path) as package:
        code(package, team.posts[0], THREAT, team.ann.id, 0, 5)
    before = dump(team.path)
    summary = apply_merge(team.project, check_merge(team.project, [ann_path]))
    assert summary.backup is not None
    assert summary.backup.name.startswith("study.before-merge-")
    assert dump(summary.backup) == before != dump(team.path)
    with Project.open(summary.backup) as copy:
        assert copy.annotations.count() == 0


def test_packages_that_cannot_be_merged_are_refused(team: Team, tmp_path: Path) -> None:
    ann_path, ben_path = cut(team, tmp_path)
    second_ann = write_package(team.project, team.ann.id, tmp_path / "ann2.annot").path
    text = tmp_path / "notes.annot"
    text.write_text("not a database")
    twin = tmp_path / "twin.annot"
    database.backup_copy(team.path, twin)

    plan = check_merge(team.project, [ann_path, ann_path, second_ann, text, twin, ben_path])
    reasons = [c.refusal.reason if c.refusal else None for c in plan.packages]
    assert reasons == [None, RefusalReason.LISTED_TWICE, RefusalReason.SAME_CODER,
                       RefusalReason.UNREADABLE, RefusalReason.NOT_PACKAGE, None]
    assert plan.problem() == "ann.annot is listed twice"
    with pytest.raises(Conflict, match="listed twice"):
        apply_merge(team.project, plan)
    with Project.open(ann_path) as package, pytest.raises(Conflict, match="is a coder package"):
        check_merge(package, [ben_path])
    assert check_merge(team.project, []).problem() == "no packages to merge"


def test_values_are_checked_against_the_projects_variables(team: Team, tmp_path: Path) -> None:
    project, posts, ann = team.project, team.posts, team.ann.id
    countries = project.codes.by_path("Mentioned countries")
    ann_path, _ = cut(team, tmp_path)
    with Project.open(ann_path) as package:
        package.values.set(posts[0], countries.id, ann, ["Ukraine", "Russia"])
        stance(package, posts[1], ann, 3)  # "conciliatory"
    project.codes.update(countries.id, levels=list(reversed(countries.levels)))
    variable = project.codes.by_path(STANCE)
    project.codes.update(variable.id, levels=list(variable.levels[:3]))  # drops it

    check = check_merge(project, [ann_path]).packages[0]
    assert [(c.kind, c.post_id, c.reason, c.detail) for c in check.conflicts] == [
        ("value", posts[1], ConflictReason.INVALID_VALUE, STANCE)]
    skipping = MergeOptions(skip_conflicts=True)
    apply_merge(project, check_merge(project, [ann_path], skipping))
    levels = {level.name: level.uuid for level in countries.levels}
    # stored in the project's own order of levels (now reversed)
    assert project.values.get(posts[0], countries.id, ann) == [levels["Ukraine"],
                                                               levels["Russia"]]
    assert project.values.get(posts[1], variable.id, ann) is None
    assert not check_merge(project, [ann_path], skipping).has_changes
