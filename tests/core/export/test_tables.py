"""The export tables: exact rows on a small hand-made project, ids that join, filters,
agreement and the reliability matrices checked against the report and ``krippendorff``."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

import krippendorff
import numpy as np
import pandas as pd
import pytest

from annotator.core.agreement.options import ReportOptions
from annotator.core.agreement.report import UnitKind
from annotator.core.agreement_service import agreement_report
from annotator.core.errors import NotFound
from annotator.core.export.model import ColumnKind, ExportTables
from annotator.core.export.options import ExportFormat, ExportOptions
from annotator.core.export.service import export_project
from annotator.core.export.tables import build_tables
from annotator.core.model import PostStatus
from annotator.core.progress import Cancelled, CancelToken
from annotator.core.project import Project
from annotator.core.spans import Span
from annotator.core.team.adjudication import AdjudicationService
from tests.core.agreement.coding import CODERS, Plan, code_demo
from tests.core.export.small import TEXTS, Small, make_small

POSTS_COLUMNS = [
    "post_id", "post_uuid", "channel", "channel_username", "channel_telegram_id",
    "external_id", "date_utc", "author", "forwarded_from", "text", "text_length", "views",
    "forwards", "reactions_total", "reactions", "url", "source_file", "finished_by",
    "in_progress_by", "n_finished", "metadata_json"]
ANNOTATIONS_COLUMNS = [
    "annotation_id", "annotation_uuid", "post_id", "external_id", "channel", "date_utc",
    "coder", "layer", "code_path", "code_level_1", "code_level_2", "code_level_3",
    "code_uuid", "start", "end", "quote", "memo", "created_utc", "updated_utc", "codebook_version"]
VARIABLES_COLUMNS = [
    "post_id", "external_id", "coder", "layer", "variable", "variable_uuid", "type", "value",
    "value_number", "codebook_version", "updated_utc"]
CODEBOOK_COLUMNS = [
    "code_path", "code_level_1", "code_level_2", "code_level_3", "depth", "kind",
    "variable_type", "levels", "description", "inclusion", "exclusion", "examples", "memo",
    "colour", "shortcut", "code_uuid", "n_uses", "n_posts", "n_coders"]
AGREEMENT_COLUMNS = [
    "code_path", "units", "prevalence", "percent_agreement", "alpha", "alpha_ci_low",
    "alpha_ci_high", "kappa", "kappa_ci_low", "kappa_ci_high", "pi", "ac1",
    "brennan_prediger", "warning"]
SPAN_PATHS = ["Frames", "Frames/Threat", "Frames/Threat/Military", "Frames/Blame"]


@pytest.fixture
def small(tmp_path: Path) -> Iterator[Small]:
    made = make_small(tmp_path / "small.annot")
    with made.project:
        yield made


@pytest.fixture
def coded(demo_project: Project) -> tuple[Project, Plan]:
    return demo_project, code_demo(demo_project)


def records(frame: pd.DataFrame, columns: list[str]) -> list[tuple[object, ...]]:
    """Rows as tuples, missing values as None (NaN never equals itself)."""
    part = frame[columns].astype(object)
    return [tuple(None if pd.isna(v) else v for v in row)
            for row in part.itertuples(index=False)]


def test_posts_rows(small: Small) -> None:
    posts = build_tables(small.project, ExportOptions(resamples=0)).posts
    assert list(posts.frame.columns) == POSTS_COLUMNS
    assert posts.frame["post_id"].tolist() == small.posts
    assert records(posts.frame, ["external_id", "channel", "channel_telegram_id", "author",
                                 "forwarded_from", "text", "text_length"]) == [
        ("10", "MID 🇷🇺", 42, "MID 🇷🇺", "Ministry 🇧🇾", TEXTS[0], 43),
        ("11", "MID 🇷🇺", 42, "MID 🇷🇺", None, TEXTS[1], 24),
        ("12", "MID 🇷🇺", 42, "MID 🇷🇺", None, TEXTS[2], 10)]
    # Flags and the family emoji are seven astral code points: seven more UTF-16 units.
    assert len(TEXTS[0]) == 43 and len(TEXTS[0].encode("utf-16-le")) // 2 == 50
    assert posts.frame["date_utc"].tolist() == [
        pd.Timestamp("2024-06-25 12:00"), pd.Timestamp("2024-06-26 08:30"),
        pd.Timestamp("2024-06-27 08:30")]
    assert posts.frame["date_utc"].dt.tz is None
    assert records(posts.frame, ["views", "reactions_total", "reactions", "finished_by",
                                 "in_progress_by", "n_finished"]) == [
        (None, 7, "👍 5; custom_emoji 2", "Ann; Ben", None, 2),
        (None, None, None, "Ann; Ben", None, 2),
        (None, None, None, None, "Ann", 0)]
    assert '"forwarded": true' in posts.frame["metadata_json"][0]
    assert posts.kinds["date_utc"] is ColumnKind.DATETIME
    assert posts.kinds["text"] is ColumnKind.LONG_TEXT


def test_annotations_rows_split_levels_and_join(small: Small) -> None:
    tables = build_tables(small.project, ExportOptions(resamples=0))
    ann = tables.annotations.frame
    assert list(ann.columns) == ANNOTATIONS_COLUMNS
    assert records(ann, ["post_id", "external_id", "coder", "code_path", "code_level_1",
                         "code_level_2", "code_level_3", "start", "end", "quote"]) == [
        (small.posts[0], "10", "Ann", "Frames/Threat/Military", "Frames", "Threat",
         "Military", 5, 14, "Statement"),
        (small.posts[0], "10", "Ann", "Frames/Blame", "Frames", "Blame", None, 34, 39,
         "👨‍👩‍👧"),
        (small.posts[0], "10", "Ben", "Frames/Threat/Military", "Frames", "Threat",
         "Military", 5, 14, "Statement"),
        (small.posts[1], "11", "Ben", "Frames/Blame", "Frames", "Blame", None, 12, 24,
         "second, line")]
    texts = dict(zip(tables.posts.frame["post_id"], tables.posts.frame["text"], strict=True))
    for row in ann.itertuples():
        assert texts[row.post_id][row.start:row.end] == row.quote
    assert ann["memo"][0] == 'memo, with "quotes"\nand a line'
    assert set(ann["code_uuid"]) <= set(tables.codebook.frame["code_uuid"])
    assert set(ann["code_path"]) <= set(tables.codebook.frame["code_path"])
    dates = dict(zip(tables.posts.frame["post_id"], tables.posts.frame["date_utc"],
                     strict=True))
    assert [dates[p] for p in ann["post_id"]] == ann["date_utc"].tolist()
    stored = small.project.annotations.get(int(ann["annotation_id"][0]))
    assert ann["annotation_uuid"][0] == stored.uuid
    assert ann["created_utc"][0] == pd.Timestamp(stored.created.replace(tzinfo=None))
    assert ann["created_utc"].dt.tz is None
    assert ann["codebook_version"].tolist() == [small.project.codes.version()] * 4


def test_variables_rows(small: Small) -> None:
    frame = build_tables(small.project, ExportOptions(resamples=0)).variables.frame
    assert list(frame.columns) == VARIABLES_COLUMNS
    assert records(frame, ["post_id", "coder", "variable", "type", "value",
                           "value_number"]) == [
        (small.posts[0], "Ann", "Tone", "single", "negative", None),
        (small.posts[0], "Ann", "Topics", "multiple", "war; economy", None),
        (small.posts[0], "Ann", "Sarcastic", "boolean", "yes", 1.0),
        (small.posts[0], "Ann", "Intensity", "ordinal", "high", 3.0),
        (small.posts[0], "Ann", "Score", "number", "2.5", 2.5),
        (small.posts[0], "Ann", "Note", "text", "a note\nover two lines", None),
        (small.posts[0], "Ben", "Sarcastic", "boolean", "no", 0.0)]


def test_matrix_rows_only_coders_who_worked(small: Small) -> None:
    matrix = build_tables(small.project, ExportOptions(resamples=0)).matrix
    assert list(matrix.frame.columns) == ["post_id", "external_id", "coder", "layer",
                                          "status", *SPAN_PATHS]
    first, second, third = small.posts
    assert records(matrix.frame, list(matrix.frame.columns)) == [
        (first, "10", "Ann", "coder", "done", 0, 0, 1, 1),
        (first, "10", "Ben", "coder", "done", 0, 0, 1, 0),
        (second, "11", "Ann", "coder", "done", 0, 0, 0, 0),
        (second, "11", "Ben", "coder", "done", 0, 0, 0, 1),
        (third, "12", "Ann", "coder", "in_progress", 0, 0, 0, 0)]
    assert all(matrix.kinds[path] is ColumnKind.FLAG for path in SPAN_PATHS)


def test_matrix_code_named_like_a_key_column_keeps_both(small: Small) -> None:
    status, _ = small.project.codes.add("status")
    small.project.annotations.add(small.posts[2], status.id, small.ann, Span(0, 4))
    frame = build_tables(small.project, ExportOptions(resamples=0)).matrix.frame
    assert list(frame.columns)[-1] == "status (code)"
    assert frame["status"].tolist()[-1] == "in_progress"
    assert frame["status (code)"].tolist() == [0, 0, 0, 0, 1]


def test_codebook_in_tree_order_with_uses(small: Small) -> None:
    codebook = build_tables(small.project, ExportOptions(resamples=0)).codebook.frame
    assert list(codebook.columns) == CODEBOOK_COLUMNS
    assert records(codebook, ["code_path", "code_level_1", "code_level_2", "code_level_3",
                              "depth", "kind", "variable_type", "levels", "n_uses",
                              "n_posts", "n_coders"]) == [
        ("Frames", "Frames", None, None, 1, "span", None, None, 0, 0, 0),
        ("Frames/Threat", "Frames", "Threat", None, 2, "span", None, None, 0, 0, 0),
        ("Frames/Threat/Military", "Frames", "Threat", "Military", 3, "span", None, None,
         2, 1, 2),
        ("Frames/Blame", "Frames", "Blame", None, 2, "span", None, None, 2, 2, 2),
        ("Tone", "Tone", None, None, 1, "variable", "single", "positive; negative", 1, 1, 1),
        ("Topics", "Topics", None, None, 1, "variable", "multiple", "war; economy; culture",
         1, 1, 1),
        ("Sarcastic", "Sarcastic", None, None, 1, "variable", "boolean", None, 2, 1, 2),
        ("Intensity", "Intensity", None, None, 1, "variable", "ordinal", "low; mid; high",
         1, 1, 1),
        ("Score", "Score", None, None, 1, "variable", "number", None, 1, 1, 1),
        ("Note", "Note", None, None, 1, "variable", "text", None, 1, 1, 1)]
    uuids = {code.path_text: code.uuid for code in small.project.codes.list()}
    assert codebook["code_uuid"].tolist() == [uuids[p] for p in codebook["code_path"]]


def test_about_names_the_project_choices_and_every_sheet(small: Small) -> None:
    tables = build_tables(small.project, ExportOptions(resamples=20, seed=5))
    about = dict(tables.about)
    assert about["Project file"] == "small.annot"
    assert about["Exported at (UTC)"].endswith("Z")
    assert about["Coders"] == f"Ann (id {small.ann}); Ben (id {small.ben})"
    assert about["Posts exported"] == "3 of 3"
    assert about["Annotations exported"] == "4"
    assert about["Agreement unit"].startswith("presence")
    assert (about["Bootstrap resamples"], about["Bootstrap seed"]) == ("20", "5")
    for table in tables.tables():
        assert about[f"Sheet {table.name}"] == table.description != ""


def test_filters_narrow_every_table(small: Small) -> None:
    first = small.posts[0]
    options = ExportOptions(coders=(small.ann,), codes=(small.military, small.variables["Tone"]),
                            post_ids=(first,), filters='text contains "Statement"')
    tables = build_tables(small.project, options)
    assert tables.posts.frame["post_id"].tolist() == [first]
    assert tables.posts.frame["finished_by"].tolist() == ["Ann"]
    assert records(tables.annotations.frame, ["coder", "code_path"]) == [
        ("Ann", "Frames/Threat/Military")]
    assert records(tables.variables.frame, ["coder", "variable", "value"]) == [
        ("Ann", "Tone", "negative")]
    assert list(tables.matrix.frame.columns) == ["post_id", "external_id", "coder", "layer",
                                                 "status", "Frames/Threat/Military"]
    assert records(tables.matrix.frame, list(tables.matrix.frame.columns)) == [
        (first, "10", "Ann", "coder", "done", 1)]
    assert tables.codebook.frame["code_path"].tolist() == ["Frames/Threat/Military", "Tone"]
    assert tables.agreement is None and tables.reliability == {}
    about = dict(tables.about)
    assert about["Filter"] == 'text contains "Statement"'
    assert about["Coders chosen"] == "Ann"
    assert about["Codes chosen"] == "Frames/Threat/Military; Tone"
    assert about["Posts exported"] == "1 of 3"
    assert about["Agreement"].startswith("not computed")


def test_unknown_ids_raise_not_found(small: Small) -> None:
    for options in (ExportOptions(coders=(999,)), ExportOptions(codes=(999,)),
                    ExportOptions(post_ids=(999,))):
        with pytest.raises(NotFound):
            build_tables(small.project, options)


def test_empty_project_gives_empty_tables_with_their_columns(project: Project) -> None:
    tables = build_tables(project, ExportOptions())
    assert list(tables.posts.frame.columns) == POSTS_COLUMNS
    assert list(tables.annotations.frame.columns) == [
        c for c in ANNOTATIONS_COLUMNS if c not in ("code_level_2", "code_level_3")]
    assert all(table.frame.empty for table in tables.tables())
    assert tables.agreement is None and tables.reliability == {}


def report_alphas(project: Project) -> dict[str, float | None]:
    """Code path -> alpha of the presence report (``None`` = undefined)."""
    report = agreement_report(project, ReportOptions(unit=UnitKind.PRESENCE, resamples=0))
    found: dict[str, float | None] = {}
    for row in report.rows:
        measure = row.measure("alpha")
        found[row.code_path] = None if measure is None else measure.result.value
    return found


def test_agreement_sheet_is_the_report(coded: tuple[Project, Plan]) -> None:
    project, _ = coded
    tables = build_tables(project, ExportOptions(resamples=50, seed=3))
    assert tables.agreement is not None
    sheet = tables.agreement
    assert (sheet.chart_column, sheet.label_column) == ("alpha", "code_path")
    frame = sheet.table.frame
    assert list(frame.columns) == AGREEMENT_COLUMNS
    report = agreement_report(project, ReportOptions(resamples=50, seed=3))
    assert frame["code_path"].tolist() == [row.code_path for row in report.rows]
    for row, got in zip(report.rows, frame.itertuples(), strict=True):
        alpha = row.measure("alpha")
        assert alpha is not None
        if alpha.result.value is None:
            assert math.isnan(got.alpha) and isinstance(got.warning, str)
            assert "alpha" in got.warning
        else:
            assert got.alpha == alpha.result.value
            assert alpha.interval is not None
            assert (got.alpha_ci_low, got.alpha_ci_high) == (alpha.interval.low,
                                                             alpha.interval.high)
        percent = row.measure("percent")
        assert percent is not None and got.percent_agreement == percent.result.value
    # Three coders: Scott's pi is undefined everywhere, shown empty and never as 0.
    assert frame["pi"].isna().all()
    assert sheet.table.kinds["prevalence"] is ColumnKind.PERCENT


def test_reliability_matrices_read_by_krippendorff_equal_the_report(
        coded: tuple[Project, Plan]) -> None:
    project, plan = coded
    tables = build_tables(project, ExportOptions(resamples=0))
    alphas = report_alphas(project)
    double = sorted(p for p, who in plan.finished.items() if len(who) >= 2)
    checked = 0
    for path, matrix in tables.reliability.items():
        assert matrix.index.tolist() == double
        assert matrix.columns.tolist() == list(CODERS)
        assert set(np.unique(matrix.to_numpy()[~np.isnan(matrix.to_numpy())])) <= {0.0, 1.0}
        for post in double:
            for coder in CODERS:
                value = matrix.loc[post, coder]
                if coder not in plan.finished[post]:
                    assert math.isnan(value)
                else:
                    assert value == (1.0 if plan.spans.get((post, path, coder)) else 0.0)
        expected = alphas[path]
        if expected is None:
            continue
        theirs = krippendorff.alpha(reliability_data=matrix.T.to_numpy(),
                                    level_of_measurement="nominal")
        assert theirs == pytest.approx(expected, abs=1e-12)
        checked += 1
    assert checked >= 2  # the demo coding gives defined alphas for several codes


def test_post_filter_narrows_agreement_and_matrices(coded: tuple[Project, Plan]) -> None:
    project, plan = coded
    chosen = tuple(sorted(plan.finished)[:6])
    tables = build_tables(project, ExportOptions(post_ids=chosen, resamples=0))
    assert tables.agreement is not None
    frame = tables.agreement.table.frame.set_index("code_path")
    for path, matrix in tables.reliability.items():
        assert set(matrix.index) <= set(chosen)
        alpha = frame.loc[path, "alpha"]
        if not math.isnan(alpha):
            assert krippendorff.alpha(reliability_data=matrix.T.to_numpy(),
                                      level_of_measurement="nominal") == pytest.approx(alpha)
    assert "outside the exported posts" in dict(tables.about)["Left out of agreement"]


def test_agreement_off_keeps_the_reliability_data(coded: tuple[Project, Plan]) -> None:
    project, _ = coded
    tables = build_tables(project, ExportOptions(agreement=False))
    assert tables.agreement is None
    assert "Framing/Threat" in tables.reliability
    assert dict(tables.about)["Agreement"] == "not computed: not requested"


def test_matrix_zero_is_not_absence_for_unfinished_work(coded: tuple[Project, Plan]) -> None:
    project, plan = coded
    matrix = build_tables(project, ExportOptions(resamples=0)).matrix.frame
    cy = matrix[(matrix["coder"] == "Cy") & (matrix["status"] != PostStatus.DONE.value)]
    # Cy's span on a post she did not finish is a row with status not_started and a 1.
    assert cy["Framing/Threat"].tolist() == [1]
    pairs = {(p, c) for p, who in plan.finished.items() for c in who}
    done = matrix[matrix["status"] == PostStatus.DONE.value]
    assert set(zip(done["post_id"], done["coder"], strict=True)) == pairs


def test_progress_per_table_and_cancel(small: Small) -> None:
    seen: list[tuple[int, int]] = []
    tables = build_tables(small.project, ExportOptions(resamples=0),
                          lambda done, total: seen.append((done, total)))
    assert isinstance(tables, ExportTables)
    assert seen == [(step, 8) for step in range(1, 9)]
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        build_tables(small.project, ExportOptions(), cancel=token)
    midway = CancelToken()

    def cancel_after_read(done: int, total: int) -> None:
        if done == 3:
            midway.cancel()

    with pytest.raises(Cancelled):
        build_tables(small.project, ExportOptions(), cancel_after_read, midway)


def adjudicate_small(small: Small) -> int:
    """Seed the agreed Military span, accept Ann's Blame on the first post, Ben's Sarcastic
    value, reject Ben's Blame on the second post; returns the gold coder's id."""
    service = AdjudicationService(small.project.sessions)
    boss = small.project.coders.create("Supervisor")[0].id
    first, second, _ = small.posts
    service.seed_agreed(boss)
    service.accept(first, small.blame, small.ann, boss)
    service.accept(first, small.variables["Sarcastic"], small.ben, boss)
    service.reject(second, small.blame, boss)
    return small.project.coders.gold().id


def test_gold_layer_joins_annotations_variables_and_matrix(small: Small) -> None:
    adjudicate_small(small)
    first, second, third = small.posts
    tables = build_tables(small.project, ExportOptions(resamples=0))
    ann = tables.annotations.frame
    assert records(ann, ["post_id", "coder", "layer", "code_path", "start", "end", "quote"]) == [
        (first, "Ann", "coder", "Frames/Threat/Military", 5, 14, "Statement"),
        (first, "Ann", "coder", "Frames/Blame", 34, 39, "👨‍👩‍👧"),
        (first, "Ben", "coder", "Frames/Threat/Military", 5, 14, "Statement"),
        (first, "Adjudicated", "adjudicated", "Frames/Threat/Military", 5, 14, "Statement"),
        (first, "Adjudicated", "adjudicated", "Frames/Blame", 34, 39, "👨‍👩‍👧"),
        (second, "Ben", "coder", "Frames/Blame", 12, 24, "second, line")]
    variables = tables.variables.frame
    assert records(variables[variables["layer"] == "adjudicated"],
                   ["post_id", "coder", "variable", "value"]) == [
        (first, "Adjudicated", "Sarcastic", "no")]
    assert set(variables[variables["layer"] == "coder"]["coder"]) == {"Ann", "Ben"}
    matrix = tables.matrix.frame
    assert records(matrix, list(matrix.columns)) == [
        (first, "10", "Ann", "coder", "done", 0, 0, 1, 1),
        (first, "10", "Ben", "coder", "done", 0, 0, 1, 0),
        (first, "10", "Adjudicated", "adjudicated", "in_progress", 0, 0, 1, 1),
        (second, "11", "Ann", "coder", "done", 0, 0, 0, 0),
        (second, "11", "Ben", "coder", "done", 0, 0, 0, 1),
        (second, "11", "Adjudicated", "adjudicated", "done", 0, 0, 0, 0),
        (third, "12", "Ann", "coder", "in_progress", 0, 0, 0, 0)]
    # The gold layer is no coder of the posts or the codebook counts.
    assert tables.posts.frame["finished_by"].tolist()[:2] == ["Ann; Ben", "Ann; Ben"]
    assert tables.posts.frame["n_finished"].tolist()[:2] == [2, 2]
    codebook = tables.codebook.frame.set_index("code_path")
    assert codebook.loc["Frames/Blame", "n_coders"] == 2
    # People only: the default agreement leaves the gold layer out.
    assert tables.reliability["Frames/Blame"].columns.tolist() == ["Ann", "Ben"]


def test_gold_layer_follows_the_coder_choice(small: Small) -> None:
    gold = adjudicate_small(small)
    first = small.posts[0]
    only_ann = build_tables(small.project, ExportOptions(coders=(small.ann,), resamples=0))
    assert set(only_ann.annotations.frame["layer"]) == {"coder"}
    assert set(only_ann.matrix.frame["coder"]) == {"Ann"}
    chosen = build_tables(small.project, ExportOptions(coders=(gold, small.ann), resamples=0))
    assert set(zip(chosen.annotations.frame["coder"], chosen.annotations.frame["layer"],
                   strict=True)) == {("Ann", "coder"), ("Adjudicated", "adjudicated")}
    # Chosen explicitly, the gold layer is compared with Ann: the second post only is
    # finished by both (the first is still in progress for the gold layer).
    blame = chosen.reliability["Frames/Blame"]
    assert blame.columns.tolist() == ["Adjudicated", "Ann"]
    assert blame.index.tolist() == [small.posts[1]]
    assert first not in blame.index


def test_gold_layer_in_csv_files(small: Small, tmp_path: Path) -> None:
    adjudicate_small(small)
    folder = tmp_path / "csv"
    export_project(small.project, folder, ExportFormat.CSV, ExportOptions(resamples=0))
    annotations = pd.read_csv(folder / "annotations.csv", keep_default_na=False)
    assert annotations["layer"].tolist() == ["coder", "coder", "coder", "adjudicated",
                                             "adjudicated", "coder"]
    matrix = pd.read_csv(folder / "matrix.csv", keep_default_na=False)
    assert "adjudicated" in set(matrix["layer"])
    assert "adjudicated" in (folder / "README.txt").read_text(encoding="utf-8")
