"""Automatic backups from the window, and the warning about synced or network folders."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from annotator.core import backups
from annotator.core.project import Project
from annotator.ui.settings import Settings

TIMEOUT_MS = 10_000


def backup_names(project_path: Path) -> list[str]:
    folder = project_path.with_name(project_path.stem + ".backups")
    return [b.path.name for b in backups.list_backups(folder, project_path.stem)]


def settle(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not window.autobackup.busy(), timeout=TIMEOUT_MS)


def test_open_backs_up_then_the_timer_backs_up_after_a_change(make_window, demo_project,
                                                               qtbot):
    Settings().set_backup_minutes(5)
    window = make_window(demo_project.path)
    auto = window.autobackup
    settle(window, qtbot)
    assert len(backup_names(demo_project.path)) == 1  # none existed: one on open
    assert auto.timer.isActive() and auto.timer.interval() == 5 * 60_000
    assert auto.label.text().startswith("Backed up ")
    assert str(demo_project.path.with_name("demo.backups")) in auto.label.toolTip()
    assert "every 5 minutes" in auto.label.toolTip()

    auto._on_timer_timeout()  # nothing changed since: no backup
    assert not auto.busy()

    coder, changes = window.project.coders.create("Zoë")
    window.events.changed.emit(changes)
    with qtbot.waitSignal(auto.backed_up, timeout=TIMEOUT_MS) as done:
        auto._on_timer_timeout()
    made = done.args[0]
    assert made is not None and made.parent == demo_project.path.with_name("demo.backups")
    with Project.open(made) as copy:
        assert "Zoë" in [c.name for c in copy.coders.list()]
    assert len(backup_names(demo_project.path)) == 2
    auto._on_timer_timeout()  # the change is backed up: nothing more
    assert not auto.busy()


def test_no_backup_on_open_when_a_recent_one_exists_or_when_off(make_window, demo_project,
                                                                qtbot):
    Settings().set_backup_minutes(60)
    backups.make_backup(demo_project.path)
    window = make_window(demo_project.path)
    with qtbot.waitSignal(window.autobackup.backed_up, timeout=TIMEOUT_MS) as done:
        pass
    assert done.args == [None] and len(backup_names(demo_project.path)) == 1
    assert window.autobackup.last_backup is not None
    window.close()
    Settings().set_backup_minutes(0)
    off = make_window(demo_project.path)
    assert not off.autobackup.busy() and not off.autobackup.timer.isActive()
    assert "off" in off.autobackup.label.toolTip()


def test_back_up_now_and_open_the_folder(make_window, demo_project, qtbot, monkeypatch):
    Settings().set_backup_minutes(0)
    opened = []
    monkeypatch.setattr("annotator.ui.autobackup.QDesktopServices.openUrl",
                        lambda url: opened.append(url.toLocalFile()))
    window = make_window()
    acts = window.menu_actions
    assert not acts.backup_now.isEnabled() and not acts.open_backups.isEnabled()
    assert window.open_project(demo_project.path)
    assert acts.backup_now.isEnabled()
    with qtbot.waitSignal(window.autobackup.backed_up, timeout=TIMEOUT_MS) as done:
        acts.backup_now.trigger()
    assert done.args[0].name in backup_names(demo_project.path)
    assert window.statusBar().currentMessage().startswith("Backed up to ")
    acts.open_backups.trigger()
    assert opened == [str(demo_project.path.with_name("demo.backups"))]
    file_menu = window.menuBar().actions()[0].menu()
    assert {acts.backup_now, acts.open_backups} <= set(file_menu.actions())


def test_a_failed_automatic_backup_is_shown_in_the_status_bar(make_window, demo_project,
                                                              qtbot, monkeypatch,
                                                              message_boxes):
    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device", "/backups/x.annot")

    monkeypatch.setattr(backups, "make_backup", broken)
    window = make_window(demo_project.path)
    with qtbot.waitSignal(window.autobackup.backup_failed, timeout=TIMEOUT_MS):
        pass
    assert message_boxes == []  # not a box every few minutes
    assert window.autobackup.label.text() == "Backup failed"
    assert "No space left on device" in window.autobackup.label.toolTip()
    with qtbot.waitSignal(window.autobackup.backup_failed, timeout=TIMEOUT_MS):
        window.menu_actions.backup_now.trigger()
    [box] = message_boxes  # an explicit one is
    assert "No space left on device" in box.text


def project_in(folder: Path) -> Path:
    folder.mkdir(parents=True)
    path = folder / "study.annot"
    Project.create(path).close()
    return path


def test_cloud_warning_once_per_path_until_dont_warn_again(make_window, tmp_path, qtbot,
                                                           message_boxes, monkeypatch):
    monkeypatch.setattr(Path, "home", lambda: tmp_path / "home")
    path = project_in(tmp_path / "home" / "Dropbox" / "thesis")
    window = make_window(path)
    qtbot.waitUntil(lambda: len(message_boxes) == 1, timeout=2000)
    [box] = message_boxes
    assert box.icon is QMessageBox.Icon.Warning
    assert box.title == "Project in a synced folder"
    assert box.text == "“study.annot” is in a folder synced by Dropbox."
    assert window.project is not None  # a warning, not a refusal
    assert window.open_project(path)
    qtbot.wait(20)
    assert len(message_boxes) == 1  # once per path and session

    ticked = []

    def tick(box: QMessageBox) -> int:
        ticked.append(box.informativeText())
        box.checkBox().setChecked(True)
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "exec", tick)
    make_window(path)  # a new session warns again; this time "don't warn again"
    qtbot.waitUntil(lambda: len(ticked) == 1, timeout=2000)
    assert "local folder" in ticked[0] and "coder packages" in ticked[0]
    assert Settings().sync_warning_off(path)
    make_window(path)
    qtbot.wait(20)
    assert len(ticked) == 1


def test_no_warning_for_a_local_folder(make_window, tmp_path, qtbot, message_boxes):
    make_window(project_in(tmp_path / "local"))
    qtbot.wait(20)
    assert message_boxes == []


def test_a_project_opened_during_a_backup_is_checked_after_it(make_window, tmp_path, qtbot):
    first, second = project_in(tmp_path / "a"), project_in(tmp_path / "b")
    window = make_window(first)
    assert window.autobackup.busy()  # the first project's backup on open
    assert window.open_project(second)  # before that job reported
    qtbot.waitUntil(lambda: len(backup_names(second)) == 1, timeout=TIMEOUT_MS)
    settle(window, qtbot)
    assert len(backup_names(first)) == 1
    assert str(second.with_name("study.backups")) in window.autobackup.label.toolTip()
