"""``annotator-cli agreement``: the report as text and JSON, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.agreement.options import ReportOptions
from annotator.core.agreement.report import UnitKind
from annotator.core.agreement_service import agreement_report
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


def test_json_report_equals_the_core_report(cli: Run, coded_path: Path) -> None:
    result = cli("agreement", coded_path, "--json", "--resamples", "100", "--seed", "3")
    assert result.code == 0, result.err
    with Project.open(coded_path) as project:
        expected = agreement_report(project, ReportOptions(resamples=100, seed=3)).to_json()
    assert result.json() == expected
    assert result.json()["scope"]["unit"] == "presence"


def test_text_report_states_unit_scope_tables_and_notes(cli: Run, coded_path: Path) -> None:
    result = cli("agreement", coded_path, "--unit", "segment", "--threshold", "0.6",
                 "--resamples", "50")
    assert result.code == 0, result.err
    out = result.out
    assert "Unit: segment (Jaccard >= 0.6)" in out
    assert "Posts finished by two or more coders: 12" in out
    assert "Coders: Ann, Ben, Cy" in out
    assert "Left out: 6 posts not finished by two or more of the selected coders" in out
    assert "Framing/Threat" in out and "(all codes)" in out
    assert "Coder pairs" in out and "How to read this" in out
    assert "0.667" in out


def test_selected_coders_codes_and_variable_unit(cli: Run, coded_path: Path) -> None:
    result = cli("agreement", coded_path, "--unit", "variable", "--coders", "ann, Cy",
                 "--codes", "Stance toward the West", "--json", "--resamples", "0")
    assert result.code == 0, result.err
    report = result.json()
    assert report["scope"]["coders"] == ["Ann", "Cy"]
    assert [row["code_path"] for row in report["rows"]] == ["Stance toward the West"]
    with Project.open(coded_path) as project:
        ids = {c.name: c.id for c in project.coders.list()}
        stance = project.codes.by_path("Stance toward the West").id
        expected = agreement_report(project, ReportOptions(
            unit=UnitKind.VARIABLE, coders=(ids["Ann"], ids["Cy"]), codes=(stance,),
            resamples=0))
    assert report == expected.to_json()


def test_a_parent_code_includes_its_subcodes(cli: Run, coded_path: Path) -> None:
    result = cli("agreement", coded_path, "--codes", "Framing", "--json", "--resamples", "0")
    assert result.code == 0, result.err
    paths = [row["code_path"] for row in result.json()["rows"]]
    assert paths[0] == "Framing" and "Framing/Threat" in paths
    assert all(p.startswith("Framing") or p == "(all codes)" for p in paths)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--coders", "Ann"], "error: --coders needs at least two coders"),
        (["--coders", "Ann,Zed"], "error: no coder named Zed"),
        (["--codes", "Nope/Never"], "error: no code 'Nope/Never'"),
        (["--threshold", "0"], "error: the overlap threshold must be in (0, 1]"),
        (["--unit", "words"], "error: argument --unit: invalid choice: 'words'"),
    ],
)
def test_user_errors_are_one_line(
    cli: Run, coded_path: Path, arguments: list[str], message: str
) -> None:
    result = cli("agreement", coded_path, *arguments)
    assert result.code == 2
    assert result.err_lines[0].startswith(message)
