"""Coder packages: a self-contained project file with one coder's share, same uuids."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from annotator.core.errors import Conflict, NotFound, ProjectExists
from annotator.core.progress import Cancelled, CancelToken
from annotator.core.project import Project
from annotator.core.storage.schema import AssignmentRow, CodebookRow, SourceRow
from annotator.core.team.package_baseline import read_baseline
from annotator.core.team.packages import (
    package_coder,
    package_file_name,
    write_package,
    write_packages,
)
from tests.core.team.package_support import (
    THREAT,
    VICTIM,
    Team,
    code,
    done,
    stance,
    team_project,
    work_of,
)


@pytest.fixture
def team(tmp_path: Path) -> Iterator[Team]:
    made = team_project(tmp_path / "study.annot")
    yield made
    made.project.close()


def test_a_package_holds_the_codebook_the_coder_and_their_posts_with_the_same_uuids(
        team: Team, tmp_path: Path) -> None:
    project, ann, posts = team.project, team.ann, team.posts
    code(project, posts[0], THREAT, ann.id, 0, 5, "first memo")
    code(project, posts[9], THREAT, ann.id, 0, 5)  # not assigned to Ann: stays behind
    code(project, posts[0], VICTIM, team.ben.id, 1, 4)  # Ben's: stays behind
    stance(project, posts[1], ann.id, 2)
    done(project, posts[0], ann.id)

    summary = write_package(project, ann.id, tmp_path / "ann.annot")

    assert (summary.posts, summary.annotations, summary.values, summary.statuses) == (8, 1, 1, 1)
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("study")] == [
        "ann.annot"]  # no temporary file is left
    with Project.open(tmp_path / "ann.annot") as package:
        identity = package.identity()
        assert identity.kind == "package" and identity.is_package
        assert identity.origin_uuid == project.identity().uuid
        assert identity.uuid == summary.package_uuid != project.identity().uuid
        assert package_coder(package) == ann
        assert package.coders.list(include_gold=True) == [ann]
        # The codebook: every code with every field, ids and uuids included.
        assert package.codes.list() == project.codes.list()
        assert package.codes.version() == project.codes.version()
        assert package.codes.changelog() == project.codes.changelog()
        with package.sessions() as a, project.sessions() as b:
            header = [(r.uuid, r.name, r.description, r.version)
                      for r in a.scalars(select(CodebookRow))]
            assert header == [(r.uuid, r.name, r.description, r.version)
                              for r in b.scalars(select(CodebookRow))]
            assert {(r.post_id, r.coder_id, r.batch) for r in a.scalars(select(AssignmentRow))} \
                == {(p, ann.id, "b1") for p in posts[:8]}
            assert [r.uuid for r in a.scalars(select(SourceRow))] == \
                [r.uuid for r in b.scalars(select(SourceRow))]
        # Ann's posts, identical down to ids, hashes, metadata and positions.
        assert package.posts.get_many(package.posts.ids()) == project.posts.get_many(posts[:8])
        assert package.posts.channels() == project.posts.channels()
        # Ann's work on her posts only.
        mine = work_of(project, "Ann")
        mine["annotations"] = {a for a in mine["annotations"]
                               if a[1] != project.posts.get(posts[9]).uuid}
        assert work_of(package, "Ann") == mine
        assert package.integrity_problems() == []
        assert package.posts.find(project.posts.get(posts[2]).uuid).id == posts[2]
        with package.sessions() as session:
            baseline = read_baseline(session)
        assert baseline is not None and len(baseline.annotations) == 1
        assert baseline.statuses == {project.posts.get(posts[0]).uuid: "done"}


def test_a_coder_without_assignment_is_refused_unless_every_post_is_asked_for(
        team: Team, tmp_path: Path) -> None:
    with pytest.raises(Conflict, match="Cy has no assigned posts"):
        write_package(team.project, team.cy.id, tmp_path / "cy.annot")
    assert not (tmp_path / "cy.annot").exists()
    summary = write_package(team.project, team.cy.id, tmp_path / "cy.annot", all_posts=True)
    assert summary.all_posts and summary.posts == len(team.posts)
    with Project.open(summary.path) as package:
        assert package.posts.count() == len(team.posts)


def test_packages_never_overwrite_and_leave_nothing_behind_on_failure(
        team: Team, tmp_path: Path) -> None:
    out = tmp_path / "ann.annot"
    out.write_bytes(b"precious")
    with pytest.raises(ProjectExists):
        write_package(team.project, team.ann.id, out)
    assert out.read_bytes() == b"precious"

    cancel = CancelToken()

    def cancel_midway(done: int, total: int) -> None:
        if done >= 3:
            cancel.cancel()

    target = tmp_path / "ann2.annot"
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(Cancelled):
        write_package(team.project, team.ann.id, target, cancel_midway, cancel)
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no temp files either
    with pytest.raises(NotFound):
        write_package(team.project, 999, tmp_path / "x.annot")


def test_neither_packages_of_packages_nor_of_the_adjudicated_layer(
        team: Team, tmp_path: Path) -> None:
    gold = team.project.coders.gold()
    with pytest.raises(Conflict, match="adjudicated layer"):
        write_package(team.project, gold.id, tmp_path / "gold.annot", all_posts=True)
    write_package(team.project, team.ann.id, tmp_path / "ann.annot")
    with Project.open(tmp_path / "ann.annot") as package, \
            pytest.raises(Conflict, match="itself a coder package"):
        write_package(package, team.ann.id, tmp_path / "again.annot")


def test_several_packages_are_written_all_or_nothing(team: Team, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    written = write_packages(team.project, [team.ann.id, team.ben.id], folder)
    assert [s.path.name for s in written] == ["study-Ann.annot", "study-Ben.annot"]
    for summary in written:
        summary.path.unlink()
    (folder / "study-Ben.annot").write_text("in the way")
    with pytest.raises(ProjectExists):
        write_packages(team.project, [team.ann.id, team.ben.id], folder)
    assert sorted(p.name for p in folder.iterdir()) == ["study-Ben.annot"]


def test_package_file_names_are_safe() -> None:
    assert package_file_name(Path("/x/study.annot"), "Ann Smith") == "study-Ann_Smith.annot"
    assert package_file_name(Path("study.annot"), 'a/b:c*?"<>|') == "study-a_b_c.annot"
    assert package_file_name(Path("study.annot"), "Анна") == "study-Анна.annot"
    assert package_file_name(Path("study.annot"), "..") == "study-coder.annot"


def test_a_package_can_be_reissued_after_partial_work(team: Team, tmp_path: Path) -> None:
    """Work already in the project travels in a later package, with the same uuids."""
    first = write_package(team.project, team.ann.id, tmp_path / "one.annot")
    with Project.open(first.path) as package:
        code(package, team.posts[2], THREAT, team.ann.id, 2, 9, "from the road")
    second = write_package(team.project, team.ann.id, tmp_path / "two.annot")
    assert second.annotations == 0  # not merged yet: the project has nothing of it
    assert dataclasses.replace(first, path=second.path, package_uuid=second.package_uuid) \
        == second
