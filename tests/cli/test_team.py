"""``annotator-cli package`` and ``merge``: outputs, refusals (exit 2, one line), dry runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.project import Project
from tests.cli.harness import Run, assert_one_line_error, sha256
from tests.core.team.package_support import THREAT, code, done, team_project, work_of


@pytest.fixture
def study(tmp_path: Path) -> Path:
    """A team project (Ann: posts 1-8, Ben: 5-12, Cy: nothing), closed."""
    with team_project(tmp_path / "study.annot").project as project:
        return project.path


def test_package_writes_one_coder_package(cli: Run, study: Path, tmp_path: Path) -> None:
    result = cli("package", study, "--coder", "ann", tmp_path / "ann.annot")
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        f"wrote the package for Ann to {tmp_path / 'ann.annot'}",
        "  8 assigned posts, 0 annotation(s), 0 post value(s), 0 post status(es)"]
    with Project.open(tmp_path / "ann.annot") as package:
        assert package.identity().is_package
        assert [c.name for c in package.coders.list()] == ["Ann"]

    folder = tmp_path / "out"
    folder.mkdir()
    assert cli("package", study, "--coder", "Ben", folder).code == 0
    assert (folder / "study-Ben.annot").exists()


def test_package_refusals_are_one_line(cli: Run, study: Path, tmp_path: Path) -> None:
    assert_one_line_error(cli("package", study, "--coder", "Cy", tmp_path / "cy.annot"),
                          "Cy has no assigned posts")
    assert not (tmp_path / "cy.annot").exists()
    assert cli("package", study, "--coder", "Cy", "--all-posts", tmp_path / "cy.annot").code == 0
    assert_one_line_error(cli("package", study, "--coder", "Dee", tmp_path / "d.annot"),
                          "no coder named Dee")
    assert_one_line_error(cli("package", study, "--coder", "Ann,Ben", tmp_path / "d.annot"),
                          "exactly one coder")
    digest = sha256(tmp_path / "cy.annot")
    assert_one_line_error(cli("package", study, "--coder", "Cy", "--all-posts",
                              tmp_path / "cy.annot"), "already exists")
    assert sha256(tmp_path / "cy.annot") == digest


def test_merge_prints_the_check_then_the_result(cli: Run, study: Path, tmp_path: Path) -> None:
    ann, ben = tmp_path / "ann.annot", tmp_path / "ben.annot"
    assert cli("package", study, "--coder", "Ann", ann).code == 0
    assert cli("package", study, "--coder", "Ben", ben).code == 0
    with Project.open(ann) as package:
        post = package.posts.ids()[0]
        coder = package.coders.by_name("Ann").id
        code(package, post, THREAT, coder, 0, 5, "memo")
        done(package, post, coder)
        expected = work_of(package, "Ann")

    dry = cli("merge", study, ann, ben, "--dry-run")
    assert dry.code == 0, dry.err
    lines = dry.out.splitlines()
    assert lines[:9] == [
        f"package {ann}",
        "  coder: Ann (known to the project)",
        "  origin: this project",
        "  posts: 8",
        "  codebook: version 2 at packaging, 2 in the package, 2 in the project",
        "  annotations: 1 added, 0 updated, 0 removed, 0 unchanged",
        "  values: 0 added, 0 updated, 0 removed, 0 unchanged",
        "  statuses: 1 added, 0 updated, 0 removed, 0 unchanged",
        "  memos written: 1"]
    assert lines[9] == f"package {ben}"
    assert lines[-1] == "dry run: nothing was written"
    with Project.open(study) as project:
        assert project.annotations.count() == 0

    result = cli("merge", study, ann, ben)
    assert result.code == 0, result.err
    tail = result.out.splitlines()[-3:]
    assert tail[0] == ("merged ann.annot for Ann: annotations +1 ~0 -0, values +0 ~0 -0, "
                       "statuses +1 ~0 -0")
    assert tail[1] == "ben.annot: nothing new for Ben"
    backup = Path(tail[2].removeprefix("backup of the project before the merge: "))
    assert backup.exists() and backup.parent == tmp_path
    with Project.open(study) as project:
        assert work_of(project, "Ann") == expected

    again = cli("merge", study, ann, ben)
    assert again.code == 0
    assert "  merged before: " in again.out
    assert again.out.splitlines()[-1] == ("nothing to merge: the project already holds every "
                                          "package's work; nothing was written")


def test_merge_refusals_exit_2_after_the_check(cli: Run, study: Path, tmp_path: Path) -> None:
    ann = tmp_path / "ann.annot"
    assert cli("package", study, "--coder", "Ann", ann).code == 0
    with Project.open(ann) as package:
        post = package.posts.ids()[0]
        coder = package.coders.by_name("Ann").id
        code(package, post, THREAT, coder, 0, 5, "package")
    with Project.open(study) as project:  # the supervisor codes the same span as Ann
        code(project, post, THREAT, coder, 0, 5, "project")
    before = sha256(study)

    result = cli("merge", study, ann)
    assert_one_line_error(result, "1 conflict(s) block the merge", "--prefer-package",
                          "--skip-conflicts")
    assert "  conflicts: 1" in result.out
    assert (f"    annotation on post {post} (Framing/Threat [0, 5)): the project has the same "
            "code on the same span already [blocks the merge]") in result.out
    assert sha256(study) == before
    assert not list(tmp_path.glob("*before-merge*"))

    skipped = cli("merge", study, ann, "--skip-conflicts")
    assert skipped.code == 0
    assert "  posts: 8 (1 skipped for conflicts)" in skipped.out
    assert "nothing to merge" in skipped.out
    preferred = cli("merge", study, ann, "--prefer-package")
    assert preferred.code == 0, preferred.err
    assert "[the package's version is taken]" in preferred.out
    with Project.open(study) as project:
        assert [a.memo for a in project.annotations.all()] == ["package"]

    other = tmp_path / "other.annot"
    assert cli("demo", other).code == 0
    assert_one_line_error(cli("merge", other, ann), "ann.annot was cut from another project",
                          "--allow-foreign")
    assert_one_line_error(cli("merge", study, tmp_path / "nowhere.annot"),
                          "nowhere.annot cannot be read")
    assert_one_line_error(cli("merge", ann, ann), "is a coder package")
