"""The demo project: the bundled sample channel and a small demo codebook."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.assets import resource
from annotator.core.project import Project

DEMO_CORPUS = "demo/tg-web-preview-sample.txt"
DEMO_CODEBOOK = "demo/codebook.json"


def create_demo(path: Path) -> Project:
    """Create a demo project at ``path`` (refusing to overwrite) and return it open."""
    project = Project.create(path)
    try:
        project.import_file(resource(DEMO_CORPUS), "tg-text")
        codebook = json.loads(resource(DEMO_CODEBOOK).read_text(encoding="utf-8"))
        project.codes.add_tree(codebook["codes"])
    except BaseException:
        project.close()
        # Never leave a half-built demo behind: the next "open demo" would open it.
        for leftover in (path, path.with_name(path.name + "-wal"),
                         path.with_name(path.name + "-shm")):
            leftover.unlink(missing_ok=True)
        raise
    return project
