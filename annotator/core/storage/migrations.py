"""Versioned, in-place schema upgrades (``PRAGMA user_version`` steps).

Each step upgrades from version ``n - 1`` to ``n`` in one transaction that also
sets ``user_version``; a backup copy of the file is written before the first.
Steps run with foreign keys off (a table rebuild must not cascade) and check
every key before they commit. Steps are frozen DDL: they must not use the ORM
tables, which follow the newest schema. A test checks that ``v1 → current``
equals a file created at current.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, text

from annotator.core.errors import ProjectError
from annotator.core.storage.database import backup_copy, make_engine
from annotator.core.storage.schema import SCHEMA_VERSION
from annotator.core.storage.search import FTS_STATEMENTS
from annotator.core.textnorm import comparison_sha256

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


_POST_V3 = """
CREATE TABLE post_v3 (
    id INTEGER NOT NULL,
    uuid VARCHAR(36) NOT NULL,
    source_id INTEGER NOT NULL,
    channel_id INTEGER NOT NULL,
    identity TEXT NOT NULL,
    external_id TEXT,
    author TEXT,
    forwarded_from TEXT,
    date DATETIME,
    text TEXT NOT NULL,
    text_sha256 VARCHAR(64) NOT NULL,
    metadata JSON NOT NULL,
    position INTEGER NOT NULL,
    version INTEGER NOT NULL,
    comparison_sha256 VARCHAR(64) NOT NULL,
    CONSTRAINT pk_post PRIMARY KEY (id),
    CONSTRAINT uq_post_channel_id_identity_version UNIQUE (channel_id, identity, version),
    CONSTRAINT uq_post_uuid UNIQUE (uuid),
    CONSTRAINT fk_post_source_id_source
        FOREIGN KEY(source_id) REFERENCES source (id) ON DELETE RESTRICT,
    CONSTRAINT fk_post_channel_id_channel
        FOREIGN KEY(channel_id) REFERENCES channel (id) ON DELETE RESTRICT
)
"""
_POST_COLUMNS = (
    "id, uuid, source_id, channel_id, identity, external_id, author, forwarded_from, date, "
    "text, text_sha256, metadata, position"
)


def _v3_versions_and_channel_ids(conn: Connection) -> None:
    """Version 3: post versions (a changed text is a new row) and channel ids/usernames."""
    conn.exec_driver_sql("ALTER TABLE channel ADD COLUMN telegram_id BIGINT")
    conn.exec_driver_sql("ALTER TABLE channel ADD COLUMN username TEXT")
    conn.exec_driver_sql("CREATE UNIQUE INDEX uq_channel_telegram_id ON channel (telegram_id)")
    conn.exec_driver_sql("CREATE UNIQUE INDEX uq_channel_username ON channel (username)")
    conn.exec_driver_sql(_POST_V3)
    conn.exec_driver_sql(
        f"INSERT INTO post_v3 ({_POST_COLUMNS}, version, comparison_sha256) "
        f"SELECT {_POST_COLUMNS}, 1, '' FROM post"
    )
    conn.exec_driver_sql("DROP TABLE post")
    conn.exec_driver_sql("ALTER TABLE post_v3 RENAME TO post")
    for column in ("source_id", "external_id", "channel_id", "date"):
        conn.exec_driver_sql(f"CREATE INDEX ix_post_{column} ON post ({column})")
    conn.exec_driver_sql(
        "CREATE TRIGGER post_text_immutable BEFORE UPDATE OF text ON post "
        "WHEN NEW.text IS NOT OLD.text "
        "BEGIN SELECT RAISE(ABORT, 'post text is immutable after import'); END"
    )
    rows = conn.exec_driver_sql("SELECT id, text FROM post").all()
    if rows:
        conn.execute(
            text("UPDATE post SET comparison_sha256 = :hash WHERE id = :id"),
            [{"id": row[0], "hash": comparison_sha256(row[1])} for row in rows],
        )


_V4_CODE_COLUMNS = (
    "kind VARCHAR(16) DEFAULT 'span' NOT NULL",
    "variable_type VARCHAR(16)",
    "inclusion TEXT DEFAULT '' NOT NULL",
    "exclusion TEXT DEFAULT '' NOT NULL",
    "examples JSON DEFAULT '[]' NOT NULL",
    "memo TEXT DEFAULT '' NOT NULL",
    "levels JSON DEFAULT '[]' NOT NULL",
)
_V4_TABLES = (
    """
    CREATE TABLE codebook (
        id INTEGER NOT NULL,
        uuid VARCHAR(36) NOT NULL,
        name TEXT NOT NULL,
        description TEXT NOT NULL,
        version INTEGER NOT NULL,
        CONSTRAINT pk_codebook PRIMARY KEY (id),
        CONSTRAINT uq_codebook_uuid UNIQUE (uuid)
    )
    """,
    """
    CREATE TABLE codebook_change (
        id INTEGER NOT NULL,
        version INTEGER NOT NULL,
        at DATETIME NOT NULL,
        author TEXT NOT NULL,
        action VARCHAR(32) NOT NULL,
        summary TEXT NOT NULL,
        details JSON NOT NULL,
        CONSTRAINT pk_codebook_change PRIMARY KEY (id)
    )
    """,
    "CREATE INDEX ix_codebook_change_version ON codebook_change (version)",
    """
    CREATE TABLE post_value (
        post_id INTEGER NOT NULL,
        code_id INTEGER NOT NULL,
        coder_id INTEGER NOT NULL,
        value JSON NOT NULL,
        codebook_version INTEGER NOT NULL,
        created DATETIME NOT NULL,
        updated DATETIME NOT NULL,
        CONSTRAINT pk_post_value PRIMARY KEY (post_id, code_id, coder_id),
        CONSTRAINT fk_post_value_post_id_post
            FOREIGN KEY(post_id) REFERENCES post (id) ON DELETE CASCADE,
        CONSTRAINT fk_post_value_code_id_code
            FOREIGN KEY(code_id) REFERENCES code (id) ON DELETE RESTRICT,
        CONSTRAINT fk_post_value_coder_id_coder
            FOREIGN KEY(coder_id) REFERENCES coder (id) ON DELETE RESTRICT
    )
    """,
    "CREATE INDEX ix_post_value_code_id ON post_value (code_id)",
    "CREATE INDEX ix_post_value_coder_id ON post_value (coder_id)",
)


def _v4_codebook(conn: Connection) -> None:
    """Version 4: code kinds and definitions, codebook versions and changelog, post values."""
    for column in _V4_CODE_COLUMNS:
        conn.exec_driver_sql(f"ALTER TABLE code ADD COLUMN {column}")
    conn.exec_driver_sql(
        "ALTER TABLE annotation ADD COLUMN codebook_version INTEGER DEFAULT '1' NOT NULL"
    )
    for statement in _V4_TABLES:
        conn.exec_driver_sql(statement)


def _v5_search(conn: Connection) -> None:
    """Version 5: the full-text index of post texts (SQLite FTS5), filled on first search."""
    for statement in FTS_STATEMENTS:
        conn.exec_driver_sql(statement)


_V6_TABLES = (
    """
    CREATE TABLE project_info (
        id INTEGER NOT NULL,
        uuid VARCHAR(36) NOT NULL,
        kind VARCHAR(16) NOT NULL,
        origin_uuid VARCHAR(36),
        package_coder_id INTEGER,
        created DATETIME NOT NULL,
        CONSTRAINT pk_project_info PRIMARY KEY (id),
        CONSTRAINT ck_project_info_kind_known CHECK (kind IN ('project', 'package')),
        CONSTRAINT ck_project_info_single_row CHECK (id = 1),
        CONSTRAINT uq_project_info_uuid UNIQUE (uuid),
        CONSTRAINT fk_project_info_package_coder_id_coder
            FOREIGN KEY(package_coder_id) REFERENCES coder (id) ON DELETE RESTRICT
    )
    """,
    """
    CREATE TABLE assignment (
        post_id INTEGER NOT NULL,
        coder_id INTEGER NOT NULL,
        reliability BOOLEAN DEFAULT 0 NOT NULL,
        batch VARCHAR(36) NOT NULL,
        created DATETIME NOT NULL,
        CONSTRAINT pk_assignment PRIMARY KEY (post_id, coder_id),
        CONSTRAINT fk_assignment_post_id_post
            FOREIGN KEY(post_id) REFERENCES post (id) ON DELETE CASCADE,
        CONSTRAINT fk_assignment_coder_id_coder
            FOREIGN KEY(coder_id) REFERENCES coder (id) ON DELETE RESTRICT
    )
    """,
    "CREATE INDEX ix_assignment_batch ON assignment (batch)",
    "CREATE INDEX ix_assignment_coder_id ON assignment (coder_id)",
    """
    CREATE TABLE decision (
        id INTEGER NOT NULL,
        uuid VARCHAR(36) NOT NULL,
        post_id INTEGER NOT NULL,
        code_id INTEGER NOT NULL,
        adjudicator_id INTEGER NOT NULL,
        action VARCHAR(16) NOT NULL,
        sources JSON NOT NULL,
        "before" JSON NOT NULL,
        "after" JSON NOT NULL,
        note TEXT DEFAULT '' NOT NULL,
        at DATETIME NOT NULL,
        CONSTRAINT pk_decision PRIMARY KEY (id),
        CONSTRAINT ck_decision_action_known
            CHECK (action IN ('accept', 'accept_both', 'edit', 'reject')),
        CONSTRAINT uq_decision_uuid UNIQUE (uuid),
        CONSTRAINT fk_decision_post_id_post
            FOREIGN KEY(post_id) REFERENCES post (id) ON DELETE CASCADE,
        CONSTRAINT fk_decision_code_id_code
            FOREIGN KEY(code_id) REFERENCES code (id) ON DELETE RESTRICT,
        CONSTRAINT fk_decision_adjudicator_id_coder
            FOREIGN KEY(adjudicator_id) REFERENCES coder (id) ON DELETE RESTRICT
    )
    """,
    "CREATE INDEX ix_decision_post_id ON decision (post_id)",
    "CREATE INDEX ix_decision_code_id ON decision (code_id)",
    """
    CREATE TABLE merge_log (
        id INTEGER NOT NULL,
        package_uuid VARCHAR(36) NOT NULL,
        coder_id INTEGER,
        file_name TEXT NOT NULL,
        at DATETIME NOT NULL,
        summary JSON NOT NULL,
        CONSTRAINT pk_merge_log PRIMARY KEY (id),
        CONSTRAINT fk_merge_log_coder_id_coder
            FOREIGN KEY(coder_id) REFERENCES coder (id) ON DELETE RESTRICT
    )
    """,
    "CREATE INDEX ix_merge_log_package_uuid ON merge_log (package_uuid)",
)


def _v6_team(conn: Connection) -> None:
    """Version 6: the team workflow. The file's identity (``project_info``), assignments,
    adjudication decisions, the merge log, and coder kinds (``gold`` = adjudicated layer)."""
    conn.exec_driver_sql(
        "ALTER TABLE coder ADD COLUMN kind VARCHAR(16) DEFAULT 'person' NOT NULL "
        "CONSTRAINT ck_coder_kind_known CHECK (kind IN ('person', 'gold'))"
    )
    for statement in _V6_TABLES:
        conn.exec_driver_sql(statement)


STEPS: dict[int, Step] = {
    2: _v2_post_status,
    3: _v3_versions_and_channel_ids,
    4: _v4_codebook,
    5: _v5_search,
    6: _v6_team,
}
"""Upgrade steps keyed by the version they produce."""

OLDEST_SUPPORTED = 1


def backup_path_for(path: Path, version: int, now: datetime | None = None) -> Path:
    """Where the pre-upgrade copy of ``path`` goes: beside it, named by version and UTC time."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    return path.with_name(f"{path.stem}.backup-v{version}-{stamp}{path.suffix}")


def upgrade(path: Path, from_version: int) -> Path:
    """Upgrade the file at ``path`` from ``from_version`` to :data:`SCHEMA_VERSION`.

    Writes a backup copy first and returns its path. Each step commits on its own,
    so an interrupted upgrade leaves a file at an intermediate, consistent version.
    """
    backup = backup_path_for(path, from_version)
    backup_copy(path, backup)
    engine = make_engine(path, foreign_keys=False)
    try:
        for version in range(from_version + 1, SCHEMA_VERSION + 1):
            with engine.begin() as conn:
                STEPS[version](conn)
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
                if broken:
                    raise ProjectError(
                        path, f"upgrade to schema version {version} found broken references "
                        f"({len(broken)}); the file was left at version {version - 1}"
                    )
                conn.exec_driver_sql(f"PRAGMA user_version = {version}")
    finally:
        engine.dispose()
    return backup
