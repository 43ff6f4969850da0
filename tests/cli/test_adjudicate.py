"""``annotator-cli adjudicate``: progress, open items as JSON, the log, seeding agreed
entries, and the gold layer in ``agreement`` and ``export``."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from annotator.core.demo import create_demo
from annotator.core.project import Project
from annotator.core.team.adjudication import AdjudicationService
from annotator.core.team.adjudication_items import SEED_NOTE
from tests.cli.harness import Run, assert_one_line_error
from tests.core.agreement.coding import code_demo


@pytest.fixture
def coded_path(tmp_path: Path) -> Path:
    path = tmp_path / "coded.annot"
    with create_demo(path) as project:
        code_demo(project)
    return path


def test_status_lists_progress_per_post(cli: Run, coded_path: Path) -> None:
    with Project.open(coded_path) as project:
        progress = AdjudicationService(project.sessions).progress()
    result = cli("adjudicate", coded_path)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == (f"Adjudicated 0 of {progress.total} items ({progress.total} open) on "
                        "12 posts finished by two or more coders; 0 posts complete.")
    assert lines[1] == f"Agreed entries adopted: 0 of {progress.agreed}."
    assert lines[3] == "post\topen\tdecided\titems\tagreed\tadopted\tcomplete"
    assert lines[4:] == [f"{p.label}\t{p.total}\t0\t{p.total}\t{p.agreed}\t0\tno"
                         for p in progress.posts]
    as_json = cli("adjudicate", coded_path, "--status", "--json").json()
    assert (as_json["items"], as_json["open"], as_json["agreed"]) == (
        progress.total, progress.total, progress.agreed)
    assert [p["post_id"] for p in as_json["posts"]] == [p.post_id for p in progress.posts]


def test_accept_agreed_seeds_once_and_is_logged(cli: Run, coded_path: Path) -> None:
    result = cli("adjudicate", coded_path, "--accept-agreed", "--adjudicator", "Supervisor")
    assert result.code == 0, result.err
    assert result.err == "note: created coder 'Supervisor' as the adjudicator\n"
    with Project.open(coded_path) as project:
        service = AdjudicationService(project.sessions)
        progress = service.progress()
        log = service.decisions()
    assert progress.seeded == progress.agreed == len(log) > 0
    assert result.out.startswith(f"adopted {progress.agreed} agreed entries into "
                                 "'Adjudicated' as Supervisor;")
    again = cli("adjudicate", coded_path, "--accept-agreed", "--adjudicator", "supervisor")
    assert again.code == 0 and again.out.startswith("adopted 0 agreed entries")
    logged = cli("adjudicate", coded_path, "--log", "--json").json()
    assert len(logged) == len(log)
    assert {(e["adjudicator"], e["action"], e["note"]) for e in logged} == {
        ("Supervisor", "accept", SEED_NOTE)}
    text = cli("adjudicate", coded_path, "--log").out.splitlines()
    assert len(text) == len(log) and text[0].split("\t")[1:3] == ["Supervisor", "accept"]


def test_json_lists_open_items_with_quotes(cli: Run, coded_path: Path) -> None:
    result = cli("adjudicate", coded_path, "--json")
    assert result.code == 0, result.err
    items = result.json()
    with Project.open(coded_path) as project:
        service = AdjudicationService(project.sessions)
        assert len(items) == service.progress().total
        first = items[0]
        text = project.posts.get(first["post_id"]).text
        item = service.items()[0]
        code = project.codes.get(item.entry.code_id)
        boss = project.coders.create("Boss")[0].id
        service.reject(item.entry.post_id, item.entry.code_id, boss)
    assert (first["post_id"], first["code"], first["state"]) == (
        item.entry.post_id, code.path_text, "open")
    assert [c["name"] for c in first["coders"]] == ["Ann", "Ben", "Cy"][:len(first["coders"])]
    for coder in first["coders"]:
        for span in coder.get("spans", []):
            assert text[span["start"]:span["end"]] == span["quote"]
    left = cli("adjudicate", coded_path, "--items", "--json").json()
    assert len(left) == len(items) - 1
    everything = cli("adjudicate", coded_path, "--items", "--all", "--json").json()
    decided = [e for e in everything if e["state"] == "decided"]
    assert len(decided) == 1 and decided[0]["decision"]["action"] == "reject"
    lines = cli("adjudicate", coded_path, "--items").out.splitlines()
    assert len(lines) == len(left) and lines[0].count("\t") == 3


def test_errors_are_one_line(cli: Run, coded_path: Path) -> None:
    assert_one_line_error(cli("adjudicate", coded_path, "--accept-agreed"), "--adjudicator")
    assert_one_line_error(cli("adjudicate", coded_path, "--status", "--log"), "choose one")
    with Project.open(coded_path) as project:
        gold = project.coders.gold().name
    assert_one_line_error(cli("adjudicate", coded_path, "--accept-agreed", "--adjudicator",
                              gold), "adjudicated layer")
    assert_one_line_error(cli("adjudicate", coded_path.with_name("missing.annot")))


def test_gold_layer_in_agreement_and_export(cli: Run, coded_path: Path,
                                            tmp_path: Path) -> None:
    with Project.open(coded_path) as project:
        service = AdjudicationService(project.sessions)
        boss = project.coders.create("Boss")[0].id
        ann = project.coders.by_name("Ann").id
        service.seed_agreed(boss)
        for item in service.items():
            service.accept(item.entry.post_id, item.entry.code_id, ann, boss)
    result = cli("agreement", coded_path, "--coders", "Adjudicated,Ann", "--json",
                 "--resamples", "0")
    assert result.code == 0, result.err
    report = result.json()
    assert report["scope"]["coders"] == ["Adjudicated", "Ann"]
    assert report["scope"]["posts"] == 12
    assert report["disagreements"] == []
    folder = tmp_path / "out"
    exported = cli("export", coded_path, folder, "--resamples", "0")
    assert exported.code == 0, exported.err
    annotations = pd.read_csv(folder / "annotations.csv", keep_default_na=False)
    gold = annotations[annotations["layer"] == "adjudicated"]
    assert set(gold["coder"]) == {"Adjudicated"} and len(gold) > 0
    matrix = pd.read_csv(folder / "matrix.csv", keep_default_na=False)
    assert set(matrix[matrix["layer"] == "adjudicated"]["status"]) == {"done"}
