"""The whole team workflow through the core, on real files (issue #8, item 5).

A supervisor's project → assignments with a reliability overlap → one package per coder →
each coder codes in their own package file → both packages merged → agreement on the
overlap → every disagreement adjudicated → everything exported (Excel and CSV), with the
gold layer in the exports and comparable with each coder in the agreement report.
"""

from __future__ import annotations

import random
from pathlib import Path

import openpyxl
import pandas as pd

from annotator.core.agreement.options import ReportOptions
from annotator.core.agreement_service import agreement_report
from annotator.core.demo import create_demo
from annotator.core.export.options import ExportFormat, ExportOptions
from annotator.core.export.service import export_project
from annotator.core.model import PostStatus
from annotator.core.project import Project
from annotator.core.spans import Span
from annotator.core.team.adjudication import AdjudicationService
from annotator.core.team.assignment_plan import plan
from annotator.core.team.merge_apply import apply_merge
from annotator.core.team.merge_plan import check_merge
from annotator.core.team.packages import write_package

CODES = ("Framing/Threat", "Framing/Victimhood", "Rhetoric/Whataboutism")


def code_package(path: Path, seed: int) -> dict[int, list[tuple[str, int, int]]]:
    """Open a coder's package as the app would and code every assigned post: spans of a
    few codes (seeded, so the two coders partly disagree), a variable, then mark done."""
    rng = random.Random(seed)
    coded: dict[int, list[tuple[str, int, int]]] = {}
    with Project.open(path) as package:
        identity = package.identity()
        assert identity.is_package and identity.package_coder_id is not None
        coder = identity.package_coder_id
        assert [c.id for c in package.coders.list()] == [coder]
        stance = package.codes.by_path("Stance toward the West")
        for post_id in package.posts.ids():
            text = package.posts.get(post_id).text
            spans = []
            for path_ in CODES:
                if len(text) > 40 and rng.random() < 0.5:
                    start = 10 * (post_id % 3)
                    end = start + 20 + (5 if rng.random() < 0.3 else 0)
                    package.annotations.add(post_id, package.codes.by_path(path_).id, coder,
                                            Span(start, end))
                    spans.append((path_, start, end))
            package.values.set(post_id, stance.id, coder, "neutral" if rng.random() < 0.7
                               else "critical")
            package.statuses.set(post_id, coder, PostStatus.DONE)
            coded[post_id] = spans
    return coded


def assign_and_package(main: Path, folder: Path) -> tuple[set[int], list[Path]]:
    """The supervisor's side: two coders, half the posts double-coded, two packages."""
    with create_demo(main) as project:
        ann = project.coders.create("Ann")[0].id
        ben = project.coders.create("Ben")[0].id
        project.coders.create("Supervisor")
        posts = project.posts.ids()
        made = plan(posts, [ann, ben], overlap="50%", seed=11)
        project.assignments.apply(made)
        shared = set(project.assignments.for_coder(ann)) & set(project.assignments.for_coder(ben))
        assert len(shared) == len(posts) // 2
        assert set(project.assignments.for_coder(ann)) | set(
            project.assignments.for_coder(ben)) == set(posts)
        packages = [write_package(project, coder, folder / f"{name}.annot").path
                    for coder, name in ((ann, "ann"), (ben, "ben"))]
    return shared, packages


def test_assign_package_code_merge_agree_adjudicate_export(tmp_path: Path) -> None:
    main = tmp_path / "study.annot"
    shared, packages = assign_and_package(main, tmp_path)
    work = {name: code_package(path, seed)
            for name, path, seed in (("Ann", packages[0], 1), ("Ben", packages[1], 2))}

    with Project.open(main) as project:
        check = check_merge(project, packages)
        assert check.problem() is None
        assert check.ready and check.has_changes
        summary = apply_merge(project, check)
        assert summary.backup is not None and summary.backup.exists()
        again = check_merge(project, packages)  # merging the same packages twice: no change
        assert again.ready and not again.has_changes
        expected = sum(len(spans) for coded in work.values() for spans in coded.values())
        assert project.annotations.count() == expected
        for name, coded in work.items():
            coder = project.coders.by_name(name).id
            for post_id in coded:
                assert project.statuses.get(post_id, coder) is PostStatus.DONE

        ann = project.coders.by_name("Ann").id
        supervisor = project.coders.by_name("Supervisor").id
        report = agreement_report(project, ReportOptions(resamples=200))
        assert report.scope.posts == len(shared)
        assert report.scope.coders == ("Ann", "Ben")

        adjudication = AdjudicationService(project.sessions)
        adjudication.seed_agreed(supervisor)
        for item in adjudication.items(open_only=True):
            entry = item.entry
            adjudication.accept(entry.post_id, entry.code_id, ann, supervisor,
                                note="Ann's reading")
        progress = adjudication.progress()
        assert progress.open == 0 and progress.total > 0
        gold = project.coders.gold()
        assert {p for p in shared if project.statuses.get(p, gold.id) is PostStatus.DONE} == shared

        versus = agreement_report(project, ReportOptions(coders=(gold.id, ann), resamples=0))
        threat = next(r for r in versus.rows if r.code_path == "Framing/Threat")
        alpha = threat.measure("alpha")
        assert alpha is not None
        assert alpha.result.value in (1.0, None)  # gold took Ann's version everywhere

        book = tmp_path / "study.xlsx"
        export_project(project, book, ExportFormat.XLSX, ExportOptions(resamples=100))
        folder = tmp_path / "csv"
        export_project(project, folder, ExportFormat.CSV, ExportOptions(resamples=100))

    sheets = openpyxl.load_workbook(book, read_only=True).sheetnames
    assert {"Annotations", "Matrix", "Agreement"} <= set(sheets)
    annotations = pd.read_csv(folder / "annotations.csv", keep_default_na=False)
    assert set(annotations["layer"]) == {"coder", "adjudicated"}
    assert set(annotations.loc[annotations["layer"] == "coder", "coder"]) == {"Ann", "Ben"}
    gold_rows = annotations[annotations["layer"] == "adjudicated"]
    ann_rows = annotations[(annotations["coder"] == "Ann")
                           & annotations["post_id"].isin(sorted(shared))]
    assert sorted(zip(gold_rows["post_id"], gold_rows["code_path"], gold_rows["start"],
                      gold_rows["end"], strict=True)) == sorted(
        zip(ann_rows["post_id"], ann_rows["code_path"], ann_rows["start"], ann_rows["end"],
            strict=True))
