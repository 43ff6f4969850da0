"""The issue's acceptance check, with an oracle independent of the parser.

After ``annotator-cli import`` of the sample, ``posts --json`` lists exactly 18 posts whose
texts are the bodies in the file. The bodies are cut here from hand-checked line numbers of
the sample (first line of each post, its reactions line), not by the importer; the output is
also validated against ``schemas/posts-v1.schema.json``.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from annotator.assets import schema
from tests.cli.harness import Run
from tests.conftest import SAMPLE

FIRST_LINES = [11, 26, 39, 62, 84, 113, 123, 134, 153, 178, 187, 214, 229, 256, 269, 301, 322, 346]
REACTIONS_LINES = [25, 38, 61, 83, 112, 122, 133, 152, 177, 186, 213, 228, 255, 268, 300, 321,
                   345, 368]
OWN_POSTS = {62, 113}


def expected_bodies() -> list[tuple[str | None, str, str]]:
    """(forwarded from, body, reactions line) for every post, cut by line numbers."""
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    posts = []
    for first, reactions in zip(FIRST_LINES, REACTIONS_LINES, strict=True):
        forwarded = None
        body_from = first
        if first not in OWN_POSTS:
            assert lines[first - 1].startswith("Forwarded from\u00a0")
            forwarded = lines[first - 1].removeprefix("Forwarded from\u00a0")
            body_from = first + 1
        body = lines[body_from - 1 : reactions - 1]
        while body and not body[-1].strip():
            body.pop()
        posts.append((forwarded, "\n".join(body), lines[reactions - 1]))
    return posts


def test_import_then_posts_json_gives_the_18_bodies(cli: Run, tmp_path: Path) -> None:
    project = tmp_path / "p.annot"
    assert cli("init", project).code == 0
    imported = cli("import", project, SAMPLE)
    assert imported.code == 0, imported.err
    assert "added: 18" in imported.out
    listed = cli("posts", project, "--json")
    assert listed.code == 0
    posts = json.loads(listed.out)
    jsonschema.validate(posts, json.loads(schema("posts-v1.schema.json").read_text("utf-8")))
    assert [(p["forwarded_from"], p["text"], p["metadata"]["reactions_raw"]) for p in posts] == (
        expected_bodies()
    )
    assert sum(p["forwarded_from"] == "Russian MFA 🇷🇺" for p in posts) == 16
    assert all(p["date"] is None for p in posts)
