"""The agreement view on real widgets: options, computing off the GUI thread, the report shown.

End to end, the numbers shown are checked against the agreement library run here on the
same coding (built independently as units x coders tables); the display tests use a
report built by hand, so every case (undefined values, the paradox flag, a pair with no
shared unit) is shown at least once.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QMessageBox

from annotator.core.agreement import (
    ONE_CATEGORY,
    AgreementResult,
    cohen_kappa,
    krippendorff_alpha,
    percent_agreement,
)
from annotator.core.agreement.report import (
    AgreementReport,
    CodeAgreement,
    Disagreement,
    Interval,
    Measure,
    PairAgreement,
    Scope,
    UnitKind,
)
from annotator.core.model import PostStatus
from annotator.core.progress import Cancelled
from annotator.core.project import Project
from annotator.core.spans import Span
from annotator.ui.agreement import chart as chart_module
from annotator.ui.agreement.code_table import Kind, TableRole
from annotator.ui.agreement.report_text import UNDEFINED
from annotator.ui.agreement.window import AgreementWindow
from annotator.ui.main_window import MainWindow

TIMEOUT_MS = 20_000
CATEGORIES = [0, 1]


# A hand-built report: every case the view must show.

def _measure(key: str, value: float | None, interval: tuple[float, float] | None = None,
             reason: str | None = None) -> Measure:
    result = (AgreementResult(key, value, 40, 80) if value is not None
              else AgreementResult.undefined(key, reason or ONE_CATEGORY, 40, 80))
    return Measure(key, result, Interval(*interval, 0.95, 1000) if interval else None)


def _row(code_id: int | None, path: str, alpha: float | None, kappa: float | None,
         percent: float, prevalence: float | None, paradox: str | None = None) -> CodeAgreement:
    return CodeAgreement(
        code_id=code_id, code_path=path, units=40.0, prevalence=prevalence,
        measures=(
            _measure("percent", percent),
            _measure("alpha", alpha, (alpha - 0.1, min(1.0, alpha + 0.08)) if alpha else None),
            _measure("kappa", kappa, (kappa - 0.12, min(1.0, kappa + 0.1)) if kappa else None),
            _measure("pi", alpha),
            _measure("ac1", percent - 0.02),
            _measure("bp", percent - 0.05),
        ),
        paradox=paradox)


PARADOX = "Agreement is 95 % but kappa is low: the code is rare (prevalence 3 %)."


def made_report(post_ids: list[int]) -> AgreementReport:
    rows = (
        _row(1, "Framing/Threat", 0.842, 0.838, 0.925, 0.35),
        _row(2, "Framing/Blame attribution", 0.702, 0.69, 0.85, 0.3),
        _row(3, "Rhetoric/Whataboutism", None, None, 1.0, 0.0),
        _row(4, "Rhetoric/Labelling", 0.21, 0.2, 0.95, 0.03, PARADOX),
        _row(None, "(all codes)", 0.655, 0.65, 0.93, 0.17),
    )
    pairs = (
        PairAgreement("Alice", "Bob", 40.0, 0.9, 0.71),
        PairAgreement("Alice", "Carol", 38.0, 0.88, 0.64),
        PairAgreement("Bob", "Carol", 0.0, None, None),
    )
    disagreements = (
        Disagreement(post_ids[2], "#3", 1, "Framing/Threat", "Alice", "Bob",
                     '[12, 30) "a point of no return"', "", 12),
        Disagreement(post_ids[5], "#6", 2, "Framing/Blame attribution", "Alice", "Carol",
                     '[0, 9) "Washington"\n[40, 52) "the EU"', '[0, 9) "Washington"', 40),
    )
    scope = Scope(UnitKind.PRESENCE, 18, ("Alice", "Bob", "Carol"), 4, None, None, 1000, 1,
                  {"posts not finished by two or more of the selected coders": 2})
    notes = ("Presence: one unit per post and code.", "Alpha corrects for chance & missing.")
    return AgreementReport(scope, rows, pairs, disagreements, notes)


def cell(window: AgreementWindow, path: str, kind: Kind, key: str = "",
         role: int = Qt.ItemDataRole.DisplayRole) -> object:
    model = window.report_view.code_model
    column = model.column_of(kind, key)
    assert column is not None, (kind, key)
    for row in range(model.rowCount()):
        if model.data(model.index(row, 0)) == path:
            return model.data(model.index(row, column), role)
    raise AssertionError(f"no row {path!r}")


@pytest.fixture
def window(qtbot) -> AgreementWindow:
    made = AgreementWindow()
    qtbot.addWidget(made)
    made.show()
    return made


# The report as shown

def test_the_table_shows_every_value_of_the_report(window):
    report = made_report(list(range(1, 10)))
    window.show_report(report)
    model = window.report_view.code_model
    assert model.rowCount() == len(report.rows)
    assert model.data(model.index(0, 0)) == "(all codes)"  # pooled first
    for row in report.rows:
        for measure in row.measures:
            value = measure.result.value
            shown = cell(window, row.code_path, Kind.MEASURE, measure.key)
            if value is None:
                assert shown == UNDEFINED
            elif measure.key == "percent":
                assert shown == f"{100 * value:.1f} %"
            else:
                assert shown == f"{value:.3f}"
            if measure.interval is not None:
                interval = cell(window, row.code_path, Kind.INTERVAL, measure.key)
                assert interval == f"[{measure.interval.low:.3f}, {measure.interval.high:.3f}]"
        assert cell(window, row.code_path, Kind.UNITS) == "40"
        prevalence = cell(window, row.code_path, Kind.PREVALENCE)
        assert prevalence == f"{100 * row.prevalence:.1f} %"
    assert cell(window, "Rhetoric/Labelling", Kind.PARADOX) == "paradox"
    assert cell(window, "Rhetoric/Labelling", Kind.PARADOX,
                role=Qt.ItemDataRole.ToolTipRole) == PARADOX
    assert cell(window, "Framing/Threat", Kind.PARADOX) == ""


def test_undefined_is_a_dash_with_its_reason_never_a_zero(window):
    window.show_report(made_report(list(range(1, 10))))
    for key in ("alpha", "kappa", "pi"):
        assert cell(window, "Rhetoric/Whataboutism", Kind.MEASURE, key) == UNDEFINED
        tip = cell(window, "Rhetoric/Whataboutism", Kind.MEASURE, key,
                   Qt.ItemDataRole.ToolTipRole)
        assert ONE_CATEGORY in str(tip)
    assert cell(window, "Rhetoric/Whataboutism", Kind.INTERVAL, "alpha") == UNDEFINED
    # Percent agreement is defined (1.0): a real observation, shown as such.
    assert cell(window, "Rhetoric/Whataboutism", Kind.MEASURE, "percent") == "100.0 %"
    assert cell(window, "Rhetoric/Whataboutism", Kind.MEASURE, "alpha",
                TableRole.SORT) is None


@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_sorting_keeps_the_pooled_row_first_and_undefined_last(window, order):
    window.show_report(made_report(list(range(1, 10))))
    model = window.report_view.code_model
    column = model.column_of(Kind.MEASURE, "alpha")
    window.report_view.code_view.sortByColumn(column, order)
    shown = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    expected = ["Rhetoric/Labelling", "Framing/Blame attribution", "Framing/Threat"]
    if order == Qt.SortOrder.DescendingOrder:
        expected.reverse()
    assert shown == ["(all codes)", *expected, "Rhetoric/Whataboutism"]


def test_scope_line_states_unit_posts_coders_and_what_was_left_out(window):
    window.show_report(made_report(list(range(1, 10))))
    scope = window.report_view.scope_label.text()
    assert "Presence" in scope
    assert "18 posts finished by at least two of 3 coders (Alice, Bob, Carol)" in scope
    assert "4 codes" in scope and "all codebook versions" in scope
    assert "40 post × code units" in scope
    assert "posts not finished by two or more of the selected coders: 2" in scope


def test_chart_paints_one_bar_per_row_coloured_by_band_with_gaps(window, qtbot):
    report = made_report(list(range(1, 10)))
    window.show_report(report)
    window.report_view.tabs.setCurrentIndex(1)
    chart = window.report_view.chart
    chart.resize(700, chart.height())
    bars = chart.bars()
    assert len(bars) == window.report_view.code_model.rowCount() == len(report.rows)
    pixmap = chart.grab()
    assert not pixmap.isNull() and pixmap.height() >= chart.sizeHint().height() - 1
    image = pixmap.toImage()
    ratio = pixmap.devicePixelRatio()
    colours = {"(all codes)": chart_module.LOW_COLOUR, "Framing/Threat":
               chart_module.RELIABLE_COLOUR, "Framing/Blame attribution":
               chart_module.TENTATIVE_COLOUR}
    for row, bar in enumerate(bars):
        rect = chart.bar_rect(row)
        if bar.value is None:
            assert rect is None
            assert ONE_CATEGORY in bar.tooltip()
            continue
        assert rect is not None
        if bar.label in colours:
            # A little right of the bar's start: the whisker runs through its middle.
            x, y = rect.left() + 3, rect.top() + 3
            pixel = image.pixelColor(int(x * ratio), int(y * ratio))
            assert pixel == QColor(colours[bar.label]), bar.label
    widths = {b.label: chart.bar_rect(i).width() for i, b in enumerate(bars) if b.value}
    assert widths["Framing/Threat"] > widths["Framing/Blame attribution"] > widths[
        "Rhetoric/Labelling"]


def test_chart_scrolls_when_there_are_many_codes(window):
    rows = tuple(_row(i, f"Group/Code {i}", 0.5 + i / 200, 0.5, 0.9, 0.2) for i in range(1, 60))
    report = made_report(list(range(1, 10)))
    window.show_report(AgreementReport(report.scope, rows, (), (), ()))
    window.report_view.tabs.setCurrentIndex(1)
    area = window.report_view.chart_area
    assert len(window.report_view.chart.bars()) == 59
    assert area.verticalScrollBar().maximum() > 0


def test_pair_matrix_is_symmetric_with_alpha_and_percent(window):
    window.show_report(made_report(list(range(1, 10))))
    model = window.report_view.pair_model
    assert model.coders() == ["Alice", "Bob", "Carol"]

    def shown(a: int, b: int) -> str:
        return model.data(model.index(a, b))

    assert shown(0, 1) == shown(1, 0) == "α 0.710 · 90.0 %"
    assert shown(0, 2) == "α 0.640 · 88.0 %"
    assert shown(1, 2) == f"α {UNDEFINED} · {UNDEFINED}"
    assert all(shown(i, i) == "" for i in range(3))


def test_notes_and_disagreements_are_listed(window):
    report = made_report(list(range(1, 10)))
    window.show_report(report)
    assert "Alpha corrects for chance &amp; missing." not in window.report_view.notes.toPlainText()
    assert "Alpha corrects for chance & missing." in window.report_view.notes.toPlainText()
    model = window.report_view.disagreement_model
    assert model.rowCount() == 2
    second = [model.data(model.index(1, c)) for c in range(model.columnCount())]
    assert second == ["#6", "Framing/Blame attribution", "Alice",
                      '[0, 9) "Washington"; [40, 52) "the EU"', "Carol", '[0, 9) "Washington"']
    assert model.data(model.index(0, 5)) == "(nothing)"
    assert window.report_view.tabs.tabText(3) == "Disa&greements (2)"


def test_copy_puts_the_table_on_the_clipboard_as_tsv(window, qtbot):
    window.show_report(made_report(list(range(1, 10))))
    window.report_view.tabs.setCurrentIndex(0)
    qtbot.mouseClick(window.report_view.copy_button, Qt.MouseButton.LeftButton)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert len(lines) == 1 + 5
    assert lines[0].split("\t")[:3] == ["Code", "Units", "Prevalence"]
    whataboutism = next(line for line in lines if line.startswith("Rhetoric/Whataboutism"))
    assert UNDEFINED in whataboutism.split("\t")


def test_models_pass_the_model_tester(window, qtmodeltester):
    window.show_report(made_report(list(range(1, 10))))
    view = window.report_view
    for model in (view.code_model, view.pair_model, view.disagreement_model):
        qtmodeltester.check(model, force_py=True)


# Options

def test_options_need_two_coders_and_map_everyone_to_none(window, demo_project):
    alice, bob, carol = (demo_project.coders.get_or_create(n) for n in ("Alice", "Bob", "Carol"))
    window.set_project(demo_project)
    panel = window.options
    assert panel.options().coders is None and panel.options().codes is None
    panel.set_checked_coders({alice.id})
    assert not window.compute()
    assert window.status_label.text() == "Choose at least two coders."
    assert not panel.coder_hint.isHidden()
    panel.set_checked_coders({alice.id, carol.id})
    assert panel.options().coders == (alice.id, carol.id)
    assert bob.id not in panel.options().coders


def test_units_choose_their_codes_and_the_threshold(window, demo_project):
    window.set_project(demo_project)
    panel = window.options
    codes = demo_project.codes.list()
    spans = [c.id for c in codes if not c.is_variable]
    assert panel.checked_codes() == spans
    assert not panel.threshold_spin.isEnabled()
    panel.set_unit(UnitKind.SEGMENT)
    assert panel.threshold_spin.isEnabled()
    panel.threshold_spin.setValue(0.75)
    assert panel.options().threshold == 0.75
    panel.set_unit(UnitKind.VARIABLE)
    variables = [c.id for c in codes if c.is_variable and c.variable_type != "text"]
    assert panel.checked_codes() == variables
    assert "Main claim" not in {panel.code_tree.topLevelItem(i).text(0)
                                for i in range(panel.code_tree.topLevelItemCount())}
    panel.set_checked_codes({variables[0]})
    assert panel.options().codes == (variables[0],)
    panel.set_unit(UnitKind.PRESENCE)  # span choices were kept
    assert panel.options().codes is None
    assert panel.version_combo.itemData(1) == demo_project.codes.version()
    panel.version_combo.setCurrentIndex(1)
    assert panel.options().codebook_version == demo_project.codes.version()


# End to end on a real project

@dataclass
class Coding:
    """Who coded what on the demo project, to recompute the numbers independently."""

    coders: dict[str, int]
    posts: list[int]
    done: dict[str, list[int]]
    spans: dict[tuple[str, str], dict[int, Span]]
    """(coder, code path) -> post id -> span."""


def code_demo(project: Project) -> Coding:
    """Alice and Bob finish posts 1-6, Alice post 7 alone, Carol posts 1-2."""
    coders = {n: project.coders.get_or_create(n).id for n in ("Alice", "Bob", "Carol")}
    posts = project.posts.ids()
    done = {"Alice": posts[:7], "Bob": posts[:6], "Carol": posts[:2]}
    plan = {
        ("Alice", "Framing/Threat"): [0, 1, 2, 6],
        ("Bob", "Framing/Threat"): [0, 1, 3],
        ("Alice", "Framing/Blame attribution"): [0, 4],
        ("Bob", "Framing/Blame attribution"): [0, 4, 5],
        ("Carol", "Framing/Threat"): [1],
        ("Alice", "Rhetoric/Labelling"): [3],
        ("Bob", "Rhetoric/Labelling"): [3],
    }
    spans: dict[tuple[str, str], dict[int, Span]] = {}
    for (coder, path), rows in plan.items():
        code_id = project.codes.by_path(path).id
        for row in rows:
            post_id = posts[row]
            span = Span(5 + 3 * row, 25 + 3 * row)
            project.annotations.add(post_id, code_id, coders[coder], span)
            spans.setdefault((coder, path), {})[post_id] = span
    for coder, post_ids in done.items():
        for post_id in post_ids:
            project.statuses.set(post_id, coders[coder], PostStatus.DONE)
    return Coding(coders, posts, done, spans)


def presence_table(coding: Coding, path: str, coders: list[str]) -> pd.DataFrame:
    """Units x coders: 1 when the coder applied ``path`` in the post, 0 when not, missing
    when the coder did not finish it; posts finished by at least two of ``coders``."""
    posts = [p for p in coding.posts if sum(p in coding.done[c] for c in coders) >= 2]
    table = {c: [(1 if p in coding.spans.get((c, path), {}) else 0) if p in coding.done[c]
                 else None for p in posts] for c in coders}
    return pd.DataFrame(table, index=posts, dtype="Float64")


def open_agreement(main: MainWindow, qtbot) -> AgreementWindow:
    main.menu_actions.agreement.trigger()
    agreement = main.agreement.window
    assert agreement is not None and agreement.isVisible()
    qtbot.addWidget(agreement)
    return agreement


def compute(agreement: AgreementWindow, qtbot) -> AgreementReport:
    with qtbot.waitSignal(agreement.computation_finished, timeout=TIMEOUT_MS) as finished:
        qtbot.mouseClick(agreement.compute_button, Qt.MouseButton.LeftButton)
    report = finished.args[0]
    assert isinstance(report, AgreementReport), report
    return report


def test_compute_shows_the_numbers_of_the_agreement_library(make_window, demo_project, qtbot):
    coding = code_demo(demo_project)
    main = make_window(demo_project.path)
    assert main.menu_actions.agreement.shortcut().toString() == "Ctrl+Shift+A"
    agreement = open_agreement(main, qtbot)
    agreement.options.set_checked_coders({coding.coders["Alice"], coding.coders["Bob"]})
    agreement.options.resamples_spin.setValue(200)
    report = compute(agreement, qtbot)
    assert agreement.report_view.report is report
    assert report.scope.posts == 6 and report.scope.coders == ("Alice", "Bob")
    assert report.scope.unit is UnitKind.PRESENCE
    tables = []
    for code in demo_project.codes.list():
        if code.is_variable:
            continue
        table = presence_table(coding, code.path_text, ["Alice", "Bob"])
        tables.append(table)
        alpha = krippendorff_alpha(table, "nominal", CATEGORIES)
        kappa = cohen_kappa(table, CATEGORIES)
        percent = percent_agreement(table, CATEGORIES).value
        for key, result in (("alpha", alpha), ("kappa", kappa)):
            expected = UNDEFINED if result.value is None else f"{result.value:.3f}"
            assert cell(agreement, code.path_text, Kind.MEASURE, key) == expected, code.path
        assert cell(agreement, code.path_text, Kind.MEASURE, "percent") == f"{100 * percent:.1f} %"
        assert cell(agreement, code.path_text, Kind.UNITS) == str(len(table))
    threat = krippendorff_alpha(presence_table(coding, "Framing/Threat", ["Alice", "Bob"]),
                                "nominal", CATEGORIES).value
    assert threat is not None and 0 < threat < 1  # a real, non-trivial value was compared
    unused = cell(agreement, "Framing/Victimhood", Kind.MEASURE, "alpha",
                  Qt.ItemDataRole.ToolTipRole)
    assert "Undefined" in str(unused)
    pooled = krippendorff_alpha(pd.concat(tables, ignore_index=True), "nominal", CATEGORIES)
    assert cell(agreement, "(all codes)", Kind.MEASURE, "alpha") == f"{pooled.value:.3f}"
    assert len(agreement.report_view.chart.bars()) == len(report.rows)
    assert not agreement.report_view.chart.grab().isNull()
    assert "6 posts finished by at least two of 2 coders (Alice, Bob)" in (
        agreement.report_view.scope_label.text())
    agreement.options.set_unit(UnitKind.SEGMENT)
    assert agreement.status_label.text().startswith("The options changed")
    assert agreement.report_view.report is report  # the scope still describes what is shown
    agreement.options.set_unit(UnitKind.PRESENCE)
    assert agreement.status_label.text() == "The report shown matches these options."
    post_id = coding.posts[7]
    _annotation, changes = main.project.annotations.add(
        post_id, main.project.codes.by_path("Framing/Threat").id, coding.coders["Bob"],
        Span(0, 4))
    main.events.changed.emit(changes)
    assert agreement.status_label.text().startswith("The coding changed")


def test_unitized_alpha_is_charted_without_intervals(make_window, demo_project, qtbot):
    code_demo(demo_project)
    main = make_window(demo_project.path)
    agreement = open_agreement(main, qtbot)
    agreement.options.set_unit(UnitKind.UNITIZED)
    report = compute(agreement, qtbot)
    model = agreement.report_view.code_model
    assert model.column_of(Kind.MEASURE, "unitized_alpha") is not None
    assert model.column_of(Kind.INTERVAL, "unitized_alpha") is None
    assert "No confidence intervals." in agreement.report_view.scope_label.text()
    bars = agreement.report_view.chart.bars()
    assert len(bars) == len(report.rows)
    by_path = {row.code_path: row.measure("unitized_alpha").result.value for row in report.rows}
    assert {bar.label: bar.value for bar in bars} == by_path
    assert not agreement.report_view.chart.grab().isNull()


def test_double_click_or_enter_on_a_disagreement_opens_its_post(make_window, demo_project,
                                                                 qtbot):
    coding = code_demo(demo_project)
    main = make_window(demo_project.path)
    agreement = open_agreement(main, qtbot)
    report = compute(agreement, qtbot)
    view = agreement.report_view.disagreement_view
    target = coding.posts[2]  # Threat: Alice only
    row = next(i for i, d in enumerate(report.disagreements)
               if d.post_id == target and d.code_path == "Framing/Threat")
    start = report.disagreements[row].start
    assert start == coding.spans[("Alice", "Framing/Threat")][target].start
    main.post_list.select_row(10)
    agreement.report_view.tabs.setCurrentWidget(view)
    index = view.model().index(row, 1)
    view.scrollTo(index)
    point = view.visualRect(index).center()
    # Qt's views act on a double-click only where the press before it was.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert main.current_post_id() != target  # a single click opens nothing
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert main.current_post_id() == target
    assert main.reading_pane.post.id == target
    assert main.reading_pane.text_view.textCursor().position() == (
        main.reading_pane.index.to_qt(start))
    # Enter on another row does the same.
    other = next(i for i, d in enumerate(report.disagreements) if d.post_id != target)
    view.setCurrentIndex(view.model().index(other, 0))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert main.current_post_id() == report.disagreements[other].post_id


def test_a_post_hidden_by_the_filter_is_shown_after_clearing_it(make_window, demo_project,
                                                                qtbot):
    posts = demo_project.posts.ids()
    main = make_window(demo_project.path)
    agreement = open_agreement(main, qtbot)
    bar = main.coding.filtering.bar
    bar.search.setText("no such words anywhere in the corpus")
    bar.apply_now()
    assert main.post_model.rowCount() == 0
    agreement.show_report(made_report(posts))
    agreement.report_view.disagreement_view.request(1)
    assert main.post_model.post_filter() is None and bar.search_text() == ""
    assert main.current_post_id() == posts[5]
    assert "filter" in main.statusBar().currentMessage()


def test_cancel_stops_the_run_and_keeps_the_previous_report(make_window, demo_project, qtbot):
    code_demo(demo_project)
    main = make_window(demo_project.path)
    agreement = open_agreement(main, qtbot)
    agreement.options.resamples_spin.setValue(20_000)
    first = compute(agreement, qtbot)
    agreement.options.set_unit(UnitKind.CHARACTER)
    with qtbot.waitSignal(agreement.computation_finished, timeout=TIMEOUT_MS) as finished:
        assert agreement.compute()
        assert agreement.busy() and agreement.cancel_button.isEnabled()
        assert not agreement.options.isEnabled() and agreement.progress.isVisible()
        assert not agreement.compute_button.isEnabled()
        qtbot.mouseClick(agreement.cancel_button, Qt.MouseButton.LeftButton)
    assert isinstance(finished.args[0], Cancelled)
    assert not agreement.busy() and agreement.compute_button.isEnabled()
    assert agreement.status_label.text().startswith("Cancelled")
    agreement.reads.pool.waitForDone()
    qtbot.wait(50)  # a late result of the cancelled run would arrive now; it must not
    assert agreement.report_view.report is first
    assert first.scope.unit is UnitKind.PRESENCE


def test_a_failing_computation_is_shown_as_an_error(make_window, demo_project, qtbot,
                                                    message_boxes):
    code_demo(demo_project)
    main = make_window(demo_project.path)
    agreement = open_agreement(main, qtbot)
    victimhood = demo_project.codes.by_path("Framing/Victimhood").id
    agreement.options.set_checked_codes({victimhood})
    demo_project.codes.delete(victimhood)  # after it was chosen
    with qtbot.waitSignal(agreement.computation_finished, timeout=TIMEOUT_MS) as finished:
        assert agreement.compute()
    assert isinstance(finished.args[0], ValueError)
    assert len(message_boxes) == 1 and message_boxes[0].icon == QMessageBox.Icon.Warning
    assert "ValueError" in message_boxes[0].details
    assert agreement.report_view.report is None
    assert agreement.compute_button.isEnabled()


def test_the_window_follows_the_project_and_needs_one(make_window, demo_project, qtbot):
    main = make_window()
    assert not main.menu_actions.agreement.isEnabled()
    assert main.agreement.show() is None
    assert main.open_project(demo_project.path)
    agreement = open_agreement(main, qtbot)
    assert agreement.project is main.project
    assert agreement.windowTitle() == f"Agreement — {demo_project.path.name}"
    main.close_project()
    assert agreement.project is None and not agreement.isVisible()
    assert agreement.report_view.code_model.rowCount() == 0
    assert agreement.report_view.code_model.index(0, 0) == QModelIndex()


def test_new_coders_appear_and_earlier_choices_stay(make_window, demo_project, qtbot):
    coding = code_demo(demo_project)
    main = make_window(demo_project.path)
    agreement = open_agreement(main, qtbot)
    panel = agreement.options
    panel.set_checked_coders({coding.coders["Alice"], coding.coders["Bob"]})
    dan, changes = main.project.coders.create("Dan")
    main.events.changed.emit(changes)
    labels = [panel.coder_list.item(i).text() for i in range(panel.coder_list.count())]
    assert labels == ["Alice (7 posts done)", "Bob (6 posts done)", "Carol (2 posts done)",
                      "Dan (0 posts done)"]
    assert set(panel.checked_coders()) == {coding.coders["Alice"], coding.coders["Bob"], dan.id}


def test_keyboard_computes_and_escape_closes(make_window, demo_project, qtbot):
    code_demo(demo_project)
    main = make_window(demo_project.path)
    agreement = open_agreement(main, qtbot)
    agreement.activateWindow()
    qtbot.waitUntil(agreement.isActiveWindow, timeout=2000)
    agreement.options.unit_combo.setFocus()
    with qtbot.waitSignal(agreement.computation_finished, timeout=TIMEOUT_MS) as finished:
        qtbot.keyClick(agreement.options.unit_combo, Qt.Key.Key_Return,
                       Qt.KeyboardModifier.ControlModifier)
    assert isinstance(finished.args[0], AgreementReport)
    qtbot.keyClick(agreement.options.unit_combo, Qt.Key.Key_Escape)
    assert not agreement.isVisible()
    assert main.agreement.show() is agreement  # reopened with its report
    assert agreement.report_view.report is finished.args[0]
