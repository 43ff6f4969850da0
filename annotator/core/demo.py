"""The demo project: the bundled sample channel and the demo codebook."""

from __future__ import annotations

from pathlib import Path

from annotator.assets import resource
from annotator.core.codebook.exchange import apply_spec
from annotator.core.codebook.io import load_codebook
from annotator.core.project import Project

DEMO_CORPUS = "demo/tg-web-preview-sample.txt"
DEMO_CODEBOOK = "demo/codebook.yaml"


def create_demo(path: Path) -> Project:
    """Create a demo project at ``path`` (refusing to overwrite) and return it open."""
    project = Project.create(path)
    try:
        project.import_file(resource(DEMO_CORPUS), "tg-text")
        apply_spec(project.sessions, load_codebook(resource(DEMO_CODEBOOK)),
                   lambda: "Annotator demo")
    except BaseException:
        project.close()
        # Never leave a half-built demo behind: the next "open demo" would open it.
        for leftover in (path, path.with_name(path.name + "-wal"),
                         path.with_name(path.name + "-shm")):
            leftover.unlink(missing_ok=True)
        raise
    return project
