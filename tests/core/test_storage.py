"""The project file: creation, constraints, refusal of foreign files, migrations."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from annotator.core.errors import (
    NewerSchema,
    NotAProject,
    ProjectError,
    ProjectExists,
    ProjectMissing,
)
from annotator.core.model import PostStatus
from annotator.core.project import Project
from annotator.core.spans import Span
from annotator.core.storage.schema import SCHEMA_VERSION, AnnotationRow, PostRow, PostStatusRow
from tests.conftest import SAMPLE, make_v1_project


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pragma(path: Path, name: str) -> object:
    with sqlite3.connect(path) as conn:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]


def test_new_project_is_wal_with_foreign_keys_and_current_version(tmp_path: Path) -> None:
    path = tmp_path / "p.annot"
    with Project.create(path) as project:
        assert project.schema_version() == SCHEMA_VERSION
        with project.sessions() as session:
            conn = session.connection()
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert project.integrity_problems() == []
    assert pragma(path, "user_version") == SCHEMA_VERSION


def test_create_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "p.annot"
    path.write_text("precious")
    with pytest.raises(ProjectExists):
        Project.create(path)
    assert path.read_text() == "precious"
    assert list(tmp_path.iterdir()) == [path]


def test_database_constraints(demo_project: Project) -> None:
    coder, _ = demo_project.coders.create("Alice")
    post_id = demo_project.posts.ids()[0]
    code = demo_project.codes.by_path("Framing/Threat")
    with demo_project.sessions.begin() as session:
        session.add(AnnotationRow(post_id=post_id, code_id=code.id, coder_id=coder.id,
                                  start=5, end=2, quote=""))
        with pytest.raises(IntegrityError, match="ck_annotation_span"):
            session.flush()
        session.rollback()
    with demo_project.sessions.begin() as session:
        session.add(AnnotationRow(post_id=post_id, code_id=code.id, coder_id=9999,
                                  start=0, end=2, quote="🇷"))
        with pytest.raises(IntegrityError, match="FOREIGN KEY"):
            session.flush()
        session.rollback()
    demo_project.annotations.add(post_id, code.id, coder.id, Span(0, 2))
    with demo_project.sessions.begin() as session:
        session.add(AnnotationRow(post_id=post_id, code_id=code.id, coder_id=coder.id,
                                  start=0, end=2, quote="x"))
        with pytest.raises(IntegrityError, match="UNIQUE"):
            session.flush()
        session.rollback()


def test_post_text_is_immutable(demo_project: Project) -> None:
    post_id = demo_project.posts.ids()[0]
    with demo_project.sessions.begin() as session:
        row = session.get(PostRow, post_id)
        assert row is not None
        row.text = "rewritten"
        with pytest.raises(IntegrityError, match="immutable"):
            session.flush()
        session.rollback()
    assert demo_project.posts.get(post_id).text.startswith("🇷🇺🇧🇾 June 25")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"just some notes\n", "not an SQLite database"),
        (SAMPLE.read_bytes(), "not an SQLite database"),
        (b"\x00\x01\x02" * 100, "not an SQLite database"),
    ],
)
def test_non_projects_are_refused_and_untouched(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "x.annot"
    path.write_bytes(content)
    with pytest.raises(NotAProject, match=reason):
        Project.open(path)
    assert path.read_bytes() == content
    assert list(tmp_path.iterdir()) == [path]


def test_foreign_sqlite_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE post (id INTEGER PRIMARY KEY, text TEXT)")
        conn.execute("INSERT INTO post (text) VALUES ('hello')")
    conn.close()
    before = sha(path)
    with pytest.raises(NotAProject, match="not an Annotator project"):
        Project.open(path)
    assert sha(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ProjectMissing):
        Project.open(tmp_path / "nope.annot")
    with pytest.raises(NotAProject, match="not a file"):
        Project.open(tmp_path)


def test_newer_schema_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "future.annot"
    Project.create(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    before = sha(path)
    with pytest.raises(NewerSchema) as caught:
        Project.open(path)
    assert f"schema version {SCHEMA_VERSION + 5}" in str(caught.value)
    assert "newer Annotator" in str(caught.value)
    assert sha(path) == before


def _schema(path: Path) -> dict[str, object]:
    """Structure of a database: columns, indexes, foreign keys, checks and triggers."""
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        shape: dict[str, object] = {}
        for table in tables:
            shape[table] = {
                "columns": conn.execute(f"PRAGMA table_info({table})").fetchall(),
                "fks": sorted(conn.execute(f"PRAGMA foreign_key_list({table})").fetchall()),
                "indexes": sorted(
                    (r[1], r[2], tuple(c[2] for c in conn.execute(f"PRAGMA index_info('{r[1]}')")))
                    for r in conn.execute(f"PRAGMA index_list({table})")
                ),
            }
        shape["triggers"] = sorted(r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='trigger'"))
    conn.close()
    return shape


def test_old_file_is_upgraded_in_place_after_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "old.annot"
    make_v1_project(path)
    with Project.open(path) as project:
        assert project.upgraded_from == 1
        assert project.backup is not None and project.backup.exists()
        assert project.backup.parent == tmp_path
        assert "backup-v1" in project.backup.name
        assert project.schema_version() == SCHEMA_VERSION
        post = project.posts.get(1)
        assert post.text == "Old post 🇷🇺 text"
        coder, _ = project.coders.create("Alice")
        with project.sessions.begin() as session:
            session.add(PostStatusRow(post_id=1, coder_id=coder.id, status=PostStatus.DONE))
        assert project.integrity_problems() == []
        backup = project.backup
    assert pragma(backup, "user_version") == 1
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT text FROM post").fetchone()[0] == "Old post 🇷🇺 text"
    conn.close()
    with Project.open(path) as again:
        assert again.upgraded_from is None


def test_upgraded_schema_equals_fresh_schema(tmp_path: Path) -> None:
    old, fresh = tmp_path / "old.annot", tmp_path / "fresh.annot"
    make_v1_project(old)
    Project.open(old).close()
    Project.create(fresh).close()
    assert _schema(old) == _schema(fresh)


def test_unusable_locations_give_project_errors(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file.txt"
    not_a_folder.write_text("x")
    with pytest.raises(ProjectMissing, match="no such folder"):
        Project.create(not_a_folder / "p.annot")
    too_long = tmp_path / ("n" * 300 + ".annot")
    with pytest.raises(ProjectError, match="cannot create the project file here"):
        Project.create(too_long)
    with pytest.raises(NotAProject, match="cannot read the file"):
        Project.open(too_long)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.txt"]


def test_a_project_has_a_stable_identity(tmp_path: Path) -> None:
    path = tmp_path / "id.annot"
    with Project.create(path) as project:
        first = project.identity()
    with Project.open(path) as project:
        assert project.identity() == first
    assert first.kind == "project" and not first.is_package
    assert len(first.uuid) == 36 and first.origin_uuid is None


def test_upgraded_file_gets_an_identity_and_person_coders(tmp_path: Path) -> None:
    path = tmp_path / "old.annot"
    make_v1_project(path)
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO coder (uuid, name, created) VALUES ('u1', 'Ann', "
                     "'2024-06-25 10:00:00')")
    conn.close()
    with Project.open(path) as project:
        assert [(c.name, c.kind) for c in project.coders.list()] == [("Ann", "person")]
        assert project.identity().kind == "project"


def test_the_gold_layer_is_one_coder_kept_out_of_the_people(project: Project) -> None:
    project.coders.create("Adjudicated")
    gold = project.coders.gold()
    assert gold.is_gold and gold.name == "Adjudicated 2"
    assert project.coders.gold() == gold
    assert [c.name for c in project.coders.list()] == ["Adjudicated"]
    assert gold in project.coders.list(include_gold=True)
