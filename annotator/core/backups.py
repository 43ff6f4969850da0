"""Rotating automatic backups of a project file.

Where: a folder ``<stem>.backups/`` beside the project (``study.annot`` →
``study.backups/``). When that folder cannot be created or written (a read-only
share, a locked-down folder), the caller's ``fallback_root`` is used instead, with one
subfolder per project: ``<fallback_root>/<stem>-<hash of the project's path>/`` (the GUI
passes the per-user data folder).

Names: ``<stem>-<UTC time>.annot``, e.g. ``study-20250314T091502Z.annot`` (``-2``,
``-3``... added when a second backup falls in the same second). Each backup is a
complete project that opens as it is, made with SQLite's online backup API, so it holds
every committed change, including those still in the write-ahead log.

Rotation, after each new backup: the ``keep`` newest backups stay, and so does the
newest backup of each of the last ``days`` UTC days (today included). Every other
backup of this project in the folder is deleted. Only files whose names follow the
pattern above are ever considered; anything else in the folder is never touched.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from annotator.core.storage import database

FREQUENCIES = (0, 5, 15, 30, 60)
"""The automatic backup frequencies offered, in minutes (0: off)."""
DEFAULT_FREQUENCY = 15
DEFAULT_KEEP = 10
"""How many of the newest backups stay by default."""
MAX_KEEP = 100
DAILY_DAYS = 7
"""For how many days (today included) the newest backup of each day stays as well."""

FOLDER_SUFFIX = ".backups"
_STAMP = "%Y%m%dT%H%M%SZ"
_NAME = re.compile(r"-(\d{8}T\d{6}Z)(?:-(\d+))?\.annot")


@dataclass(frozen=True, slots=True)
class Backup:
    """One backup file and the UTC time in its name."""

    path: Path
    time: datetime


def backup_folder(project_path: Path, fallback_root: Path | None = None) -> Path:
    """The folder that holds ``project_path``'s backups, created if missing.

    ``<stem>.backups/`` beside the project, or, when that cannot be created or written,
    a per-project folder under ``fallback_root`` (see the module docstring). Raises
    ``OSError`` when neither works.
    """
    project_path = Path(project_path)
    beside = project_path.with_name(project_path.stem + FOLDER_SUFFIX)
    try:
        beside.mkdir(exist_ok=True)
        if not os.access(beside, os.W_OK):
            raise PermissionError(13, "the backups folder is not writable", str(beside))
    except OSError:
        if fallback_root is None:
            raise
        digest = hashlib.sha256(str(project_path.resolve()).encode("utf-8")).hexdigest()[:8]
        fallback = Path(fallback_root) / f"{project_path.stem}-{digest}"
        fallback.mkdir(parents=True, exist_ok=True)
        return fallback
    return beside


def list_backups(folder: Path, stem: str) -> list[Backup]:
    """The backups of the project named ``stem`` in ``folder``, newest first."""
    found: list[Backup] = []
    try:
        entries = list(Path(folder).iterdir())
    except FileNotFoundError:
        return []
    prefix = stem
    for entry in entries:
        name = entry.name
        if not name.startswith(prefix):
            continue
        match = _NAME.fullmatch(name[len(prefix):])
        if match is None or not entry.is_file():
            continue
        time = datetime.strptime(match[1], _STAMP).replace(tzinfo=UTC)
        found.append(Backup(entry, time))
    found.sort(key=lambda b: (b.time, _sequence(b.path, stem)), reverse=True)
    return found


def latest(folder: Path, stem: str) -> datetime | None:
    """The UTC time of the newest backup of ``stem`` in ``folder``, if there is one."""
    backups = list_backups(folder, stem)
    return backups[0].time if backups else None


def due(last: datetime | None, frequency: timedelta, now: datetime | None = None) -> bool:
    """Whether a backup is due, ``frequency`` after the ``last`` one (UTC).

    Never due when ``frequency`` is zero or negative (automatic backups are off); always
    due when there is no backup yet, or when ``last`` lies in the future (the clock was
    turned back, so the times in the names cannot be trusted).
    """
    if frequency <= timedelta(0):
        return False
    if last is None:
        return True
    now = now if now is not None else datetime.now(UTC)
    return last > now or now - last >= frequency


def make_backup(
    project_path: Path,
    folder: Path | None = None,
    keep: int = DEFAULT_KEEP,
    days: int = DAILY_DAYS,
    now: datetime | None = None,
    fallback_root: Path | None = None,
) -> Path:
    """Back up ``project_path`` into ``folder`` and rotate; returns the new backup's path.

    ``folder`` defaults to :func:`backup_folder` (with ``fallback_root``). Safe to call
    while the project is open and being written to; runs in any thread (it opens its own
    read-only connection). The new file appears only when complete. Raises ``OSError``
    or ``sqlite3.Error`` when the copy fails (nothing is rotated away then).
    """
    project_path = Path(project_path)
    folder = Path(folder) if folder is not None else backup_folder(project_path, fallback_root)
    folder.mkdir(parents=True, exist_ok=True)
    now = now if now is not None else datetime.now(UTC)
    target = _free_name(folder, project_path.stem, now)
    database.snapshot(project_path, target)
    prune(folder, project_path.stem, keep=keep, days=days, now=now)
    return target


def prune(
    folder: Path, stem: str, keep: int = DEFAULT_KEEP, days: int = DAILY_DAYS,
    now: datetime | None = None,
) -> list[Path]:
    """Delete the backups of ``stem`` that the rotation does not keep; returns them.

    Keeps the ``keep`` newest (at least one) and the newest of each of the last ``days``
    UTC days up to ``now``; never touches files that are not backups of ``stem``.
    """
    now = now if now is not None else datetime.now(UTC)
    backups = list_backups(folder, stem)
    kept = {b.path for b in backups[: max(1, keep)]}
    recent_days = {(now - timedelta(days=n)).date() for n in range(max(0, days))}
    for backup in backups:  # newest first, so the first of a day is its newest
        day = backup.time.date()
        if day in recent_days:
            kept.add(backup.path)
            recent_days.discard(day)
    deleted = []
    for backup in backups:
        if backup.path not in kept:
            backup.path.unlink(missing_ok=True)
            deleted.append(backup.path)
    return deleted


def _free_name(folder: Path, stem: str, now: datetime) -> Path:
    base = f"{stem}-{now.astimezone(UTC).strftime(_STAMP)}"
    target = folder / f"{base}.annot"
    sequence = 2
    while target.exists():
        target = folder / f"{base}-{sequence}.annot"
        sequence += 1
    return target


def _sequence(path: Path, stem: str) -> int:
    match = _NAME.fullmatch(path.name[len(stem):])
    return int(match[2]) if match is not None and match[2] else 1
