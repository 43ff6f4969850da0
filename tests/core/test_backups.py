"""Rotating backups: real project files, fabricated times, WAL content included."""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from annotator.core import backups
from annotator.core.project import Project

NOW = datetime(2025, 3, 14, 9, 15, 2, tzinfo=UTC)


def fake_backup(folder: Path, stem: str, when: datetime) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stem}-{when.strftime('%Y%m%dT%H%M%SZ')}.annot"
    path.write_bytes(b"old backup")
    return path


def test_backup_is_beside_the_project_named_by_utc_time_and_opens(project: Project) -> None:
    coder, _ = project.coders.create("Ann")
    made = backups.make_backup(project.path, now=NOW)
    assert made == project.path.parent / "test.backups" / "test-20250314T091502Z.annot"
    with Project.open(made) as copy:
        assert [c.name for c in copy.coders.list()] == ["Ann"]
        assert copy.integrity_problems() == []
    # A second backup in the same second gets its own name; nothing is overwritten.
    again = backups.make_backup(project.path, now=NOW)
    assert again.name == "test-20250314T091502Z-2.annot"
    assert backups.latest(made.parent, "test") == NOW
    assert [b.path for b in backups.list_backups(made.parent, "test")] == [again, made]


def test_backup_includes_committed_rows_still_in_the_wal(project: Project) -> None:
    with contextlib.closing(sqlite3.connect(project.path)) as writer:
        writer.execute("PRAGMA wal_autocheckpoint = 0")
        writer.execute("INSERT INTO coder (uuid, name, created) "
                       "VALUES ('u-wal', 'Only in the WAL', '2025-01-01 00:00:00')")
        writer.commit()
        wal = project.path.with_name(project.path.name + "-wal")
        assert wal.stat().st_size > 0  # not checkpointed: the row lives in the WAL only
        made = backups.make_backup(project.path, now=NOW)
        with contextlib.closing(sqlite3.connect(made)) as copy:
            assert copy.execute("SELECT name FROM coder WHERE uuid = 'u-wal'").fetchone() == (
                "Only in the WAL",)
            assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert not made.with_name(made.name + "-wal").exists()


def test_backup_of_a_closed_project_and_a_path_with_uri_characters(tmp_path: Path) -> None:
    folder = tmp_path / "odd #1 ?%"
    folder.mkdir()
    Project.create(folder / "study.annot").close()
    made = backups.make_backup(folder / "study.annot", now=NOW)
    with Project.open(made) as copy:
        assert copy.info().posts == 0
    assert [p.name for p in made.parent.iterdir()] == [made.name]  # no partial file left


def test_rotation_keeps_the_newest_and_one_a_day_and_nothing_else_is_touched(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "study.backups"
    hourly = [fake_backup(folder, "study", NOW - timedelta(hours=h)) for h in range(1, 30)]
    old = [fake_backup(folder, "study", NOW - timedelta(days=d)) for d in (20, 40)]
    foreign = [folder / "notes.txt", folder / "other-20250314T000000Z.annot",
               folder / "study-copy.annot", folder / "study-20250314T091502Z.annot.bak"]
    for path in foreign:
        path.write_text("mine")
    deleted = backups.prune(folder, "study", keep=3, days=2, now=NOW)
    left = {b.path for b in backups.list_backups(folder, "study")}
    newest_of_yesterday = hourly[9]  # 2025-03-13 23:15
    assert newest_of_yesterday.name == "study-20250313T231502Z.annot"
    assert left == {*hourly[:3], newest_of_yesterday}
    assert set(deleted) == (set(hourly) | set(old)) - left
    assert all(path.exists() for path in foreign)


def test_rotation_keeps_at_least_the_newest(tmp_path: Path) -> None:
    folder = tmp_path / "b"
    made = [fake_backup(folder, "s", NOW - timedelta(days=d)) for d in (30, 31)]
    backups.prune(folder, "s", keep=0, days=0, now=NOW)
    assert [b.path for b in backups.list_backups(folder, "s")] == [made[0]]


def test_make_backup_rotates_with_keep(project: Project) -> None:
    for minutes in range(5):
        backups.make_backup(project.path, keep=2, days=0, now=NOW + timedelta(minutes=minutes))
    names = [b.path.name for b in backups.list_backups(project.path.with_suffix(".backups"),
                                                       "test")]
    assert names == ["test-20250314T091902Z.annot", "test-20250314T091802Z.annot"]


def test_unwritable_folder_falls_back_to_a_per_project_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "shared" / "study.annot"
    project.parent.mkdir()
    real_mkdir = Path.mkdir

    def refuse_beside(self: Path, *args: object, **kwargs: object) -> None:
        if self.name == "study.backups":
            raise PermissionError(13, "Permission denied", str(self))
        real_mkdir(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "mkdir", refuse_beside)
    with pytest.raises(PermissionError):
        backups.backup_folder(project)
    folder = backups.backup_folder(project, fallback_root=tmp_path / "data" / "backups")
    assert folder.parent == tmp_path / "data" / "backups"
    assert folder.name.startswith("study-") and folder.is_dir()


@pytest.mark.parametrize(
    ("last", "minutes", "expected"),
    [
        (None, 15, True),
        (None, 0, False),
        (NOW - timedelta(minutes=14), 15, False),
        (NOW - timedelta(minutes=15), 15, True),
        (NOW - timedelta(days=3), 0, False),
        (NOW + timedelta(hours=2), 15, True),  # the clock was turned back
    ],
)
def test_due(last: datetime | None, minutes: int, expected: bool) -> None:
    assert backups.due(last, timedelta(minutes=minutes), now=NOW) is expected
