"""The demo project."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core import demo
from annotator.core.project import Project


def test_demo_has_the_sample_and_nine_shortcut_codes(demo_project: Project) -> None:
    info = demo_project.info()
    assert (info.posts, info.channels, info.sources, info.annotations) == (18, 1, 1, 0)
    shortcuts = sorted(c.shortcut for c in demo_project.codes.list() if c.shortcut)
    assert shortcuts == [str(n) for n in range(1, 10)]
    assert all(c.colour for c in demo_project.codes.list())


def test_a_failed_demo_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(demo, "DEMO_CODEBOOK", "demo/missing.json")
    path = tmp_path / "demo.annot"
    with pytest.raises(FileNotFoundError):
        demo.create_demo(path)
    assert list(tmp_path.iterdir()) == []
