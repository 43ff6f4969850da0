"""``annotator-cli codebook``: load, dump (YAML, JSON, QDC), removals, changelog."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.project import Project
from annotator.core.spans import Span
from tests.cli.harness import Run, assert_one_line_error, sha256
from tests.conftest import DATA


@pytest.fixture
def demo(cli: Run, tmp_path: Path) -> Path:
    path = tmp_path / "demo.annot"
    assert cli("demo", path).code == 0
    return path


@pytest.mark.parametrize("suffix", [".yaml", ".json", ".qdc"])
def test_dump_then_load_into_another_project_reproduces_it(
    cli: Run, demo: Path, tmp_path: Path, suffix: str
) -> None:
    dumped = tmp_path / f"codebook{suffix}"
    result = cli("codebook", demo, "--dump", dumped)
    assert result.code == 0 and dumped.exists()
    other = tmp_path / "other.annot"
    cli("init", other)
    loaded = cli("codebook", other, "--load", dumped)
    assert loaded.code == 0, loaded.err
    assert "added: " in loaded.out
    with Project.open(demo) as a, Project.open(other) as b:
        assert [(c.uuid, c.path, c.colour, c.description) for c in a.codes.list()] == [
            (c.uuid, c.path, c.colour, c.description) for c in b.codes.list()]
    again = tmp_path / f"again{suffix}"
    cli("codebook", other, "--dump", again)
    if suffix != ".qdc":  # the QDC origin names the writing version; YAML/JSON are identical
        assert again.read_text(encoding="utf-8") == dumped.read_text(encoding="utf-8")


def test_removing_annotated_codes_needs_a_flag(cli: Run, demo: Path, tmp_path: Path) -> None:
    with Project.open(demo) as project:
        coder, _ = project.coders.create("Ann")
        code = project.codes.list()[1]  # a leaf code
        project.annotations.add(project.posts.ids()[0], code.id, coder.id, Span(0, 4))
        gone = code.path_text
        keep = next(c.path_text for c in project.codes.list()[2:] if not c.is_variable
                    and c.parent_id == code.parent_id)
    dumped = tmp_path / "cb.yaml"
    cli("codebook", demo, "--dump", dumped)
    text = dumped.read_text(encoding="utf-8")
    start = text.index(f"- name: {code.name}")
    end = text.index("    - name:", start + 1)
    edited = tmp_path / "edited.yaml"
    edited.write_text(text[:start] + text[end:].lstrip(" "), encoding="utf-8")
    digest = sha256(demo)
    refused = cli("codebook", demo, "--load", edited)
    assert_one_line_error(refused, gone, "--merge-into")
    assert sha256(demo) == digest
    dry = cli("codebook", demo, "--load", edited, "--merge-into", keep, "--dry-run")
    assert dry.code == 0 and "would be" in dry.out
    merged = cli("codebook", demo, "--load", edited, "--merge-into", keep)
    assert merged.code == 0, merged.err
    assert f"removed: {gone} (1 annotation(s), 0 value(s); merged into {keep})" in merged.out
    with Project.open(demo) as project:
        [annotation] = project.annotations.all()
        assert project.codes.get(annotation.code_id).path_text == keep
    log = cli("codebook", demo, "--changelog")
    assert log.code == 0 and "load: removed: " in log.out


def test_invalid_files_list_every_problem(cli: Run, demo: Path) -> None:
    bad = sorted((DATA / "codebooks").glob("*error*.yaml")) or sorted(
        (DATA / "codebooks").glob("*invalid*.yaml"))
    assert bad, "fixture with several errors"
    result = cli("codebook", demo, "--load", bad[0])
    assert result.code == 2
    lines = result.err.splitlines()
    assert lines[0].startswith("error: ") and "problems" in lines[0]
    assert len(lines) > 2 and all(line.startswith("  line ") or "line" in line
                                  for line in lines[1:])


def test_unknown_extension(cli: Run, demo: Path, tmp_path: Path) -> None:
    assert_one_line_error(cli("codebook", demo, "--dump", tmp_path / "cb.txt"), ".qdc")
