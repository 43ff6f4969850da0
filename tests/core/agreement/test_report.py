"""The agreement report on a real coded project, checked against reliability data built by
hand from the coding plan (not from the database) and the public coefficient functions."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from annotator.core.agreement import (
    cohen_kappa,
    fleiss_kappa,
    krippendorff_alpha,
    percent_agreement,
)
from annotator.core.agreement.options import ReportOptions
from annotator.core.agreement.report import AgreementReport, UnitKind
from annotator.core.agreement_service import agreement_report
from annotator.core.model import PostStatus
from annotator.core.progress import Cancelled, CancelToken
from annotator.core.project import Project
from annotator.core.spans import Span
from tests.core.agreement.coding import CODERS, SPAN_CODES, Plan, code_demo


@pytest.fixture
def coded(demo_project: Project) -> tuple[Project, Plan]:
    return demo_project, code_demo(demo_project)


def double_coded(plan: Plan) -> list[int]:
    return sorted(p for p, who in plan.finished.items() if len(who) >= 2)


def presence_frame(plan: Plan, path: str) -> pd.DataFrame:
    rows = []
    for post in double_coded(plan):
        rows.append([
            (1.0 if (post, path, c) in plan.spans else 0.0) if c in plan.finished[post]
            else math.nan for c in CODERS])
    return pd.DataFrame(rows, columns=list(CODERS))


def value(report: AgreementReport, path: str, key: str) -> float | None:
    row = next(r for r in report.rows if r.code_path == path)
    measure = row.measure(key)
    assert measure is not None
    return measure.result.value


def test_presence_rows_equal_the_coefficients_on_hand_built_data(
    coded: tuple[Project, Plan],
) -> None:
    project, plan = coded
    report = agreement_report(project, ReportOptions(resamples=200))
    assert report.scope.posts == len(double_coded(plan)) == 12
    assert report.scope.coders == CODERS
    for path in SPAN_CODES:
        frame = presence_frame(plan, path)
        assert value(report, path, "alpha") == pytest.approx(krippendorff_alpha(frame).value)
        assert value(report, path, "percent") == pytest.approx(percent_agreement(frame).value)
        assert value(report, path, "kappa") == pytest.approx(fleiss_kappa(frame).value)
    every = [c.path_text for c in project.codes.list() if not c.is_variable]
    pooled = pd.concat([presence_frame(plan, p) for p in every], ignore_index=True)
    assert value(report, "(all codes)", "alpha") == pytest.approx(
        krippendorff_alpha(pooled).value)


def test_scope_states_what_was_left_out(coded: tuple[Project, Plan]) -> None:
    project, plan = coded
    report = agreement_report(project, ReportOptions(resamples=0))
    excluded = report.scope.excluded
    assert excluded["posts not finished by two or more of the selected coders"] == 18 - 12
    alone = sum(len(spans) for (post, _, _), spans in plan.spans.items()
                if len(plan.finished[post]) < 2)
    assert excluded["annotations on posts their coder had not finished with another coder"] == (
        alone + plan.unfinished_spans)
    assert report.scope.resamples == 0
    assert all(m.interval is None for row in report.rows for m in row.measures)


def test_intervals_are_reproducible_and_bracket_the_estimate(
    coded: tuple[Project, Plan],
) -> None:
    project, _ = coded
    first = agreement_report(project, ReportOptions(resamples=300, seed=5))
    again = agreement_report(project, ReportOptions(resamples=300, seed=5))
    other = agreement_report(project, ReportOptions(resamples=300, seed=6))
    assert first.to_json() == again.to_json()
    assert first.to_json() != other.to_json()
    for row in first.rows:
        alpha = row.measure("alpha")
        assert alpha is not None
        if alpha.result.value is not None and alpha.interval is not None:
            assert alpha.interval.low <= alpha.result.value + 1e-9
            assert alpha.interval.high >= alpha.result.value - 1e-9
            assert alpha.interval.level == 0.95


def test_chosen_coders_and_codes(coded: tuple[Project, Plan]) -> None:
    project, plan = coded
    ids = plan.coder_ids
    threat = plan.code_ids["Framing/Threat"]
    report = agreement_report(project, ReportOptions(
        coders=(ids["Ann"], ids["Cy"]), codes=(threat,), resamples=0))
    assert report.scope.coders == ("Ann", "Cy")
    assert [row.code_path for row in report.rows] == ["Framing/Threat"]
    shared = [p for p in double_coded(plan) if {"Ann", "Cy"} <= plan.finished[p]]
    assert report.scope.posts == len(shared)
    frame = presence_frame(plan, "Framing/Threat").loc[
        [double_coded(plan).index(p) for p in shared], ["Ann", "Cy"]]
    kappa = value(report, "Framing/Threat", "kappa")
    expected = cohen_kappa(frame)
    assert kappa == expected.value or (kappa is None and expected.value is None)
    assert [(p.coder_a, p.coder_b) for p in report.pairwise] == [("Ann", "Cy")]


def test_variable_unit_uses_the_ordinal_levels(coded: tuple[Project, Plan]) -> None:
    project, plan = coded
    stance = project.codes.by_path("Stance toward the West")
    levels = [level.name for level in stance.levels]
    report = agreement_report(project, ReportOptions(unit=UnitKind.VARIABLE, resamples=0))
    rows = [[plan.stance.get((p, c)) if c in plan.finished[p] else None for c in CODERS]
            for p in double_coded(plan)]
    frame = pd.DataFrame(rows, columns=list(CODERS), dtype=object)
    expected = krippendorff_alpha(frame, "ordinal", categories=levels)
    assert value(report, "Stance toward the West", "alpha") == pytest.approx(expected.value)
    assert "free-text variables (no categories to compare)" in report.scope.excluded
    disagreements = [d for d in report.disagreements if d.code_path == "Stance toward the West"]
    expected_pairs = sum(
        1 for p in double_coded(plan)
        for i, a in enumerate(CODERS) for b in CODERS[i + 1:]
        if {a, b} <= plan.finished[p] and plan.stance[(p, a)] != plan.stance[(p, b)])
    assert len(disagreements) == expected_pairs
    assert all(d.a in levels and d.b in levels for d in disagreements)


def test_disagreements_show_both_coders_spans_with_quotes(coded: tuple[Project, Plan]) -> None:
    project, plan = coded
    report = agreement_report(project, ReportOptions(unit=UnitKind.CHARACTER, resamples=0))
    assert report.disagreements
    for row in report.disagreements:
        text = project.posts.get(row.post_id).text
        for start, end, quote in (*row.a_spans, *row.b_spans):
            assert quote == text[start:end]
            assert f'[{start}, {end}) "{quote.replace(chr(10), "⏎")}"' in row.a + row.b
        assert len(row.a.splitlines()) == len(row.a_spans)
        assert row.start is not None


def test_codebook_version_filter(coded: tuple[Project, Plan]) -> None:
    project, plan = coded
    before = project.codes.version()
    project.codes.update(plan.code_ids["Framing/Threat"], description="revised")
    post = double_coded(plan)[0]
    project.annotations.add(post, plan.code_ids["Framing/Victimhood"], plan.coder_ids["Ann"],
                            Span(0, 2))
    report = agreement_report(project, ReportOptions(codebook_version=before, resamples=0))
    assert report.scope.excluded["annotations made under another codebook version"] == 1
    assert report.scope.codebook_version == before


def test_unitized_and_segment_units_run_on_the_project(coded: tuple[Project, Plan]) -> None:
    project, _ = coded
    for unit in (UnitKind.UNITIZED, UnitKind.SEGMENT):
        report = agreement_report(project, ReportOptions(unit=unit, resamples=50))
        span_codes = [c for c in project.codes.list() if not c.is_variable]
        assert len(report.rows) == len(span_codes) + 1  # every span code, then all pooled
        assert report.notes[0]
        json.dumps(report.to_json())


def test_no_double_coded_post_gives_undefined_values_not_zero(demo_project: Project) -> None:
    for name in ("Ann", "Ben"):
        demo_project.coders.create(name)
    report = agreement_report(demo_project, ReportOptions(resamples=0))
    assert report.scope.posts == 0
    assert report.rows
    assert all(m.result.value is None and m.result.reason
               for row in report.rows for m in row.measures)


def test_unknown_ids_are_refused(coded: tuple[Project, Plan]) -> None:
    project, _ = coded
    with pytest.raises(ValueError, match="no coder with id 999"):
        agreement_report(project, ReportOptions(coders=(999, 1)))
    with pytest.raises(ValueError, match="no code with id 999"):
        agreement_report(project, ReportOptions(codes=(999,)))


def test_cancel_stops_the_computation(coded: tuple[Project, Plan]) -> None:
    project, _ = coded
    token = CancelToken()

    def progress(done: int, total: int) -> None:
        token.cancel()

    with pytest.raises(Cancelled):
        agreement_report(project, ReportOptions(), progress, token)


def test_posts_finished_by_one_selected_coder_do_not_enter(coded: tuple[Project, Plan]) -> None:
    project, plan = coded
    post = double_coded(plan)[0]
    for coder in plan.finished[post]:
        project.statuses.set(post, plan.coder_ids[coder], PostStatus.IN_PROGRESS)
    report = agreement_report(project, ReportOptions(resamples=0))
    assert report.scope.posts == 11
