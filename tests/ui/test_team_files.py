"""Team → Create coder packages… / Merge coder packages…, and coding inside a package."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem

from annotator.core.model import PostStatus
from annotator.core.posts.status import SetPostStatus
from annotator.core.project import Project
from annotator.core.team.merge import MergeSummary
from annotator.core.team.packages import PackageSummary, write_package
from annotator.ui.main_window import MainWindow
from tests.core.team.package_support import (
    THREAT,
    VICTIM,
    Team,
    code,
    done,
    team_project,
    work_of,
)
from tests.ui.coding_support import select_quote, show_post


@pytest.fixture
def team(tmp_path: Path) -> Team:
    """The team project, closed again: windows open it themselves."""
    made = team_project(tmp_path / "study.annot")
    made.project.close()
    return made


def packages(team: Team, folder: Path) -> tuple[Path, Path]:
    with Project.open(team.path) as project:
        return (write_package(project, team.ann.id, folder / "ann.annot").path,
                write_package(project, team.ben.id, folder / "ben.annot").path)


def tree_lines(item: QTreeWidgetItem) -> list[str]:
    return [item.child(i).text(0) for i in range(item.childCount())]


def test_a_package_opens_with_its_coder_chosen_and_no_other(
        make_window, team: Team, tmp_path: Path, coder_dialogs, message_boxes) -> None:
    ann_path, _ = packages(team, tmp_path)
    window: MainWindow = make_window(ann_path)
    assert coder_dialogs == []
    assert window.coding.coder == team.ann
    assert window.windowTitle() == "ann.annot — package for Ann — Annotator"
    assert not window.team_files.create_action.isEnabled()
    assert not window.team_files.merge_action.isEnabled()

    assert window.coding.coders.ask() is None  # "switch coder" explains instead
    assert coder_dialogs == []
    assert message_boxes[-1].title == "Coder package"
    assert "coder package for Ann" in message_boxes[-1].text
    assert window.coding.coders.choose("Someone else") is None
    assert window.coding.coder == team.ann

    post_id = show_post(window, 0)  # codes as usual
    span = select_quote(window, "June 25")
    threat = window.project.codes.by_path(THREAT)
    assert window.coding.actions.apply_code(threat.id)
    [annotation] = window.project.annotations.for_post(post_id)
    assert (annotation.coder_id, annotation.span) == (team.ann.id, span)

    assert window.open_project(team.path)  # the main project asks who codes again
    assert len(coder_dialogs) == 1
    assert window.windowTitle() == "study.annot — Annotator"
    assert window.team_files.create_action.isEnabled()


def test_create_packages_writes_one_file_per_checked_coder(
        make_window, team: Team, tmp_path: Path, qtbot, message_boxes) -> None:
    window: MainWindow = make_window(team.path)
    window.team_files.create_action.trigger()
    dialog = window.team_files.package_dialog
    assert dialog is not None
    rows = [dialog.coder_list.item(i) for i in range(dialog.coder_list.count())]
    assert [(r.text(), r.checkState()) for r in rows] == [
        ("Ann — 8 assigned post(s)", Qt.CheckState.Checked),
        ("Ben — 8 assigned post(s)", Qt.CheckState.Checked),
        ("Cy — no assignment", Qt.CheckState.Unchecked)]
    out = tmp_path / "out"
    out.mkdir()
    dialog.folder.setText(str(out))
    assert dialog.create_button.isEnabled()
    assert dialog.files.text() == "Files to write: study-Ann.annot, study-Ben.annot"

    rows[2].setCheckState(Qt.CheckState.Checked)
    assert not dialog.create_button.isEnabled()
    assert dialog.files.text().startswith("Cy: no assigned posts.")
    dialog.all_posts.setChecked(True)
    assert dialog.create_button.isEnabled()
    rows[2].setCheckState(Qt.CheckState.Unchecked)
    (out / "study-Ben.annot").write_text("in the way")
    dialog.create_button.click()  # checked again on the click: nothing is written
    assert not dialog.create_button.isEnabled() and dialog.isVisible()
    assert "study-Ben.annot" in dialog.files.text()
    (out / "study-Ben.annot").unlink()
    dialog.all_posts.setChecked(False)

    with qtbot.waitSignal(window.team_files.packages_finished, timeout=20000) as finished:
        dialog.create_button.click()
    result = finished.args[0]
    assert [type(s) for s in result] == [PackageSummary, PackageSummary]
    assert sorted(p.name for p in out.iterdir()) == ["study-Ann.annot", "study-Ben.annot"]
    assert message_boxes[-1].title == "Coder packages written"
    assert "Ann: 8 post(s), 0 annotation(s) → study-Ann.annot" in message_boxes[-1].text
    assert not window.is_busy() and window.team_files.package_dialog is None


def test_merge_previews_the_check_then_merges_in_the_background(
        make_window, team: Team, tmp_path: Path, qtbot, message_boxes) -> None:
    ann_path, ben_path = packages(team, tmp_path)
    with Project.open(ann_path) as package:
        code(package, team.posts[0], THREAT, team.ann.id, 0, 5, "memo")
        done(package, team.posts[0], team.ann.id)
        expected = work_of(package, "Ann")
    window: MainWindow = make_window(team.path)
    window.history.perform(SetPostStatus(team.posts[15], team.cy.id, PostStatus.DONE))
    assert window.undo_stack.count() == 1  # a merge clears the undo history
    dialog = window.team_files.show_merge_dialog([ann_path, ben_path])
    assert dialog is not None
    with qtbot.waitSignal(dialog.checked, timeout=20000):
        pass  # the check started in the background; its result arrives on this thread
    top = [dialog.report.topLevelItem(i) for i in range(dialog.report.topLevelItemCount())]
    assert [item.text(0) for item in top] == ["ann.annot — Ann: ready, 2 change(s)",
                                             "ben.annot — Ben: nothing new"]
    lines = tree_lines(top[0])
    assert lines[:3] == ["Coder: Ann (known to this project)", "Origin: this project",
                         "Posts: 8"]
    assert lines[3].startswith("Annotations: 1 added, 0 updated, 0 removed, 0 unchanged")
    assert dialog.status.text() == "Ready to merge."
    assert dialog.merge_button.isEnabled()

    with qtbot.waitSignal(window.team_files.merge_finished, timeout=20000) as finished:
        dialog.merge_button.click()
    summary = finished.args[0]
    assert isinstance(summary, MergeSummary) and summary.backup is not None
    assert summary.backup.exists()
    assert work_of(window.project, "Ann") == expected
    assert message_boxes[-1].title == "Merge"
    assert str(summary.backup) in message_boxes[-1].text
    assert window.undo_stack.count() == 0 and not window.is_busy()


def test_conflicts_block_the_merge_until_an_option_resolves_them(
        make_window, team: Team, tmp_path: Path, qtbot) -> None:
    ann_path, ben_path = packages(team, tmp_path)
    with Project.open(ann_path) as package:
        code(package, team.posts[0], VICTIM, team.ann.id, 0, 5, "package")
    with Project.open(team.path) as project:
        code(project, team.posts[0], VICTIM, team.ann.id, 0, 5, "project")
    not_a_package = tmp_path / "notes.annot"
    not_a_package.write_text("hello")
    window: MainWindow = make_window(team.path)
    dialog = window.team_files.show_merge_dialog([ann_path, not_a_package])
    with qtbot.waitSignal(dialog.checked, timeout=20000):
        pass
    top = [dialog.report.topLevelItem(i) for i in range(dialog.report.topLevelItemCount())]
    assert top[0].text(0) == "ann.annot — Ann: 1 conflict(s) block the merge"
    assert top[1].text(0).startswith("notes.annot: refused — it cannot be read")
    conflicts = next(top[0].child(i) for i in range(top[0].childCount())
                     if top[0].child(i).text(0).startswith("Conflicts"))
    assert tree_lines(conflicts) == [
        f"Annotation on post {team.posts[0]} (Framing/Victimhood [0, 5)): the same code on "
        "the same span exists here — blocks the merge"]
    assert not dialog.merge_button.isEnabled()
    assert dialog.status.text() == "Remove or fix the refused package(s) to merge."

    dialog.file_list.item(1).setSelected(True)
    with qtbot.waitSignal(dialog.checked, timeout=20000):
        dialog.remove_button.click()
    assert dialog.paths() == [ann_path]
    assert dialog.status.text().startswith("1 conflict(s) block the merge.")
    assert not dialog.merge_button.isEnabled()

    with qtbot.waitSignal(dialog.checked, timeout=20000):
        dialog.prefer_package.setChecked(True)
    assert dialog.merge_button.isEnabled()
    assert top_text(dialog) == "ann.annot — Ann: ready, 2 change(s)"
    with qtbot.waitSignal(window.team_files.merge_finished, timeout=20000):
        dialog.merge_button.click()
    memos = [a.memo for a in window.project.annotations.all()]
    assert memos == ["package"]

    dialog = window.team_files.show_merge_dialog([ann_path, ben_path])
    with qtbot.waitSignal(dialog.checked, timeout=20000):
        pass
    assert dialog.status.text() == ("Nothing to merge: this project already holds the "
                                    "packages' work.")
    assert not dialog.merge_button.isEnabled()
    dialog.reject()


def top_text(dialog) -> str:  # type: ignore[no-untyped-def]
    return dialog.report.topLevelItem(0).text(0)
