"""Shared fixtures. Qt runs offscreen; projects are real temporary SQLite files."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests explore the same examples on every run: CI results must not depend on luck.
settings.register_profile("deterministic", derandomize=True, print_blob=True)
settings.load_profile("deterministic")

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from annotator.core.demo import create_demo  # noqa: E402
from annotator.core.project import Project  # noqa: E402

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "tg-web-preview-sample.txt"


def make_v1_project(path: Path) -> None:
    """A project file at schema version 1 (frozen DDL) holding one source, channel and post."""
    with sqlite3.connect(path) as conn:
        conn.executescript((DATA / "schema-v1.sql").read_text(encoding="utf-8"))
        conn.execute(
            "INSERT INTO source (uuid, file_name, format, sha256, imported_at, n_posts, n_added,"
            " n_duplicates, warnings, metadata) VALUES ('s1', 'old.txt', 'tg-text', 'ab',"
            " '2024-06-25 10:00:00', 1, 1, 0, '[]', '{}')"
        )
        conn.execute(
            "INSERT INTO channel (uuid, key, title, metadata) VALUES ('c1', 'k', 'K', '{}')"
        )
        conn.execute(
            "INSERT INTO post (uuid, source_id, channel_id, identity, text, text_sha256, metadata,"
            " position) VALUES ('p1', 1, 1, 'i1', 'Old post 🇷🇺 text', 'x', '{}', 0)"
        )
    conn.close()


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    """An empty project in a temporary folder."""
    with Project.create(tmp_path / "test.annot") as opened:
        yield opened


@pytest.fixture
def demo_project(tmp_path: Path) -> Iterator[Project]:
    """The demo project: the sample channel (18 posts) and the demo codebook."""
    with create_demo(tmp_path / "demo.annot") as opened:
        yield opened


@pytest.fixture(autouse=True)
def _private_log_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Crash logs of the command line go to a temporary folder, never the user's."""
    monkeypatch.setenv("ANNOTATOR_LOG_DIR", str(tmp_path_factory.mktemp("logs")))
