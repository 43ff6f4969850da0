"""``annotator-cli export`` and ``import-qdpx``: files on disk, formats, clear errors."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from annotator.core.demo import create_demo
from annotator.core.project import Project
from tests.cli.harness import Run
from tests.core.agreement.coding import code_demo


@pytest.fixture
def coded_path(tmp_path: Path) -> Path:
    path = tmp_path / "coded.annot"
    with create_demo(path) as project:
        code_demo(project)
    return path


def test_excel_export_has_every_sheet_and_no_leftovers(
    cli: Run, coded_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out" / "study.xlsx"
    result = cli("export", coded_path, target, "--resamples", "50")
    assert result.code == 0, result.err
    assert f"wrote xlsx export to {target}" in result.out
    book = openpyxl.load_workbook(target, read_only=True)
    assert book.sheetnames[:4] == ["About", "Posts", "Annotations", "Variables"]
    assert {"Matrix", "Agreement", "Codebook"} <= set(book.sheetnames)
    with Project.open(coded_path) as project:
        annotations = project.annotations.count()
    rows = sum(1 for _ in book["Annotations"].iter_rows(values_only=True))
    book.close()
    assert rows == annotations + 1
    assert sorted(p.name for p in target.parent.iterdir()) == ["study.xlsx"]


def test_csv_export_to_a_folder_with_chosen_coders(
    cli: Run, coded_path: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "csv"
    result = cli("export", coded_path, folder, "--coders", "Ann,Ben", "--no-agreement")
    assert result.code == 0, result.err
    names = {p.name for p in folder.iterdir()}
    assert {"annotations.csv", "posts.csv", "codebook.csv", "README.txt"} <= names
    assert "agreement.csv" not in names
    annotations = pd.read_csv(folder / "annotations.csv", keep_default_na=False)
    assert set(annotations["coder"]) == {"Ann", "Ben"}
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]


def test_qdpx_export_then_import_into_a_new_project(
    cli: Run, coded_path: Path, tmp_path: Path
) -> None:
    qdpx = tmp_path / "study.qdpx"
    result = cli("export", coded_path, qdpx)
    assert result.code == 0, result.err
    assert "project.qde" in zipfile.ZipFile(qdpx).namelist()
    copy = tmp_path / "copy.annot"
    result = cli("import-qdpx", qdpx, copy)
    assert result.code == 0, result.err
    with Project.open(coded_path) as original, Project.open(copy) as imported:
        def spans(project: Project) -> set[tuple[str, str, str, int, int]]:
            coders = {c.id: c.name for c in project.coders.list()}
            codes = {c.id: c.path_text for c in project.codes.list()}
            texts = {p: project.posts.get(p).text for p in project.posts.ids()}
            return {(texts[a.post_id], codes[a.code_id], coders[a.coder_id], a.span.start,
                     a.span.end) for a in project.annotations.all()}
        assert spans(imported) == spans(original)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["out.txt"], "error: out.txt: cannot tell the export format from the name"),
        (["out.xlsx", "--coders", "Zed"], "error: no coder named Zed"),
        (["out.xlsx", "--format", "pdf"], "error: argument --format: invalid choice: 'pdf'"),
    ],
)
def test_export_user_errors_are_one_line(
    cli: Run, coded_path: Path, tmp_path: Path, arguments: list[str], message: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("export", coded_path, *arguments)
    assert result.code == 2
    assert result.err_lines[0].startswith(message)
    assert not (tmp_path / "out.xlsx").exists()


def test_import_qdpx_refuses_bad_input_and_leaves_nothing(cli: Run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.qdpx"
    bad.write_bytes(b"not a zip at all")
    target = tmp_path / "new.annot"
    result = cli("import-qdpx", bad, target)
    assert result.code == 2
    assert result.err_lines[0].startswith("error: ")
    assert "bad.qdpx" in result.err_lines[0]
    assert not list(tmp_path.glob("new.annot*"))
    existing = tmp_path / "existing.annot"
    existing.write_bytes(b"keep me")
    result = cli("import-qdpx", bad, existing)
    assert result.code == 2
    assert existing.read_bytes() == b"keep me"
