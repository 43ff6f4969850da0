"""Shared fixtures. Qt runs offscreen; projects are real temporary SQLite files."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from annotator.core.demo import create_demo  # noqa: E402
from annotator.core.project import Project  # noqa: E402

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "tg-web-preview-sample.txt"


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
