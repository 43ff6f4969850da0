"""Versioned, in-place schema upgrades (``PRAGMA user_version`` steps).

Each step upgrades from version ``n - 1`` to ``n`` in one transaction that also
sets ``user_version``; a backup copy of the file is written before the first.
Steps are frozen DDL: they must not use the ORM tables, which follow the newest
schema. A test checks that ``v1 → current`` equals a file created at current.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine

from annotator.core.storage.database import backup_copy
from annotator.core.storage.schema import SCHEMA_VERSION

Step = Callable[[Connection], None]


def _v2_post_status(conn: Connection) -> None:
    """Version 2: per-coder post status (not started / in progress / done)."""
    conn.exec_driver_sql(
        """
        CREATE TABLE post_status (
            post_id INTEGER NOT NULL,
            coder_id INTEGER NOT NULL,
            status VARCHAR(16) NOT NULL,
            updated DATETIME NOT NULL,
            CONSTRAINT pk_post_status PRIMARY KEY (post_id, coder_id),
            CONSTRAINT ck_post_status_status_known
                CHECK (status IN ('not_started', 'in_progress', 'done')),
            CONSTRAINT fk_post_status_post_id_post
                FOREIGN KEY(post_id) REFERENCES post (id) ON DELETE CASCADE,
            CONSTRAINT fk_post_status_coder_id_coder
                FOREIGN KEY(coder_id) REFERENCES coder (id) ON DELETE RESTRICT
        )
        """
    )
    conn.exec_driver_sql("CREATE INDEX ix_post_status_coder_id ON post_status (coder_id)")


STEPS: dict[int, Step] = {2: _v2_post_status}
"""Upgrade steps keyed by the version they produce."""

OLDEST_SUPPORTED = 1


def backup_path_for(path: Path, version: int, now: datetime | None = None) -> Path:
    """Where the pre-upgrade copy of ``path`` goes: beside it, named by version and UTC time."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    return path.with_name(f"{path.stem}.backup-v{version}-{stamp}{path.suffix}")


def upgrade(engine: Engine, path: Path, from_version: int) -> Path:
    """Upgrade the file behind ``engine`` from ``from_version`` to :data:`SCHEMA_VERSION`.

    Writes a backup copy first and returns its path. Each step commits on its own,
    so an interrupted upgrade leaves a file at an intermediate, consistent version.
    """
    backup = backup_path_for(path, from_version)
    backup_copy(path, backup)
    for version in range(from_version + 1, SCHEMA_VERSION + 1):
        with engine.begin() as conn:
            STEPS[version](conn)
            conn.exec_driver_sql(f"PRAGMA user_version = {version}")
    return backup
