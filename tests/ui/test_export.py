"""File → Export… and File → Import REFI-QDA project… on real widgets and real project files.

Exports run through the dialog and the window's writer pool, and their results are read
back from disk (openpyxl, the CSV files, a new project file). Settings live in the test's
own folder (tests/ui/conftest.py), so persistence is checked across new windows.
"""

from __future__ import annotations

import csv
import threading
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QRunnable, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox, QPushButton

from annotator.core.agreement.options import ReportOptions
from annotator.core.agreement.report import UnitKind
from annotator.core.errors import ProjectExists
from annotator.core.export.options import ExportFormat
from annotator.core.export.service import ExportSummary
from annotator.core.progress import Cancelled, CancelToken
from annotator.core.project import Project
from annotator.ui.dialogs.export_dialog import ExportDialog, ExportRequest, FilterScope
from annotator.ui.dialogs.export_summary import ExportSummaryBox
from annotator.ui.export_target import default_target, retarget, with_suffix_for
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings
from tests.core.agreement.coding import code_demo
from tests.ui.conftest import ShownBox

TIMEOUT_MS = 30_000


def make_dialog(qtbot, project: Project, filtered: FilterScope | None = None) -> ExportDialog:
    dialog = ExportDialog(Settings(), project.path, project.coders.list(),
                          project.posts.count(), filtered)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def press_export(dialog: ExportDialog) -> list[ExportRequest]:
    """Click Export; returns the requests the dialog emitted (none when it stayed open)."""
    emitted: list[ExportRequest] = []
    dialog.export_requested.connect(emitted.append)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    return emitted


# Where the export goes

def test_target_names_follow_the_format(tmp_path):
    project = tmp_path / "study.annot"
    assert default_target(project, ExportFormat.XLSX, tmp_path) == tmp_path / "study.xlsx"
    assert default_target(project, ExportFormat.QDPX, tmp_path) == tmp_path / "study.qdpx"
    assert default_target(project, ExportFormat.CSV, tmp_path) == tmp_path / "study-csv"
    book = tmp_path / "out" / "book.xlsx"
    assert retarget(book, ExportFormat.QDPX) == tmp_path / "out" / "book.qdpx"
    assert retarget(book, ExportFormat.CSV) == tmp_path / "out" / "book-csv"
    assert retarget(tmp_path / "book-csv", ExportFormat.XLSX) == tmp_path / "book.xlsx"
    assert retarget(tmp_path / "notes", ExportFormat.XLSX) == tmp_path / "notes.xlsx"
    assert with_suffix_for(tmp_path / "book", ExportFormat.XLSX) == tmp_path / "book.xlsx"
    assert with_suffix_for(tmp_path / "b.XLSX", ExportFormat.XLSX) == tmp_path / "b.XLSX"
    assert with_suffix_for(tmp_path / "v1.2", ExportFormat.CSV) == tmp_path / "v1.2"


def test_dialog_offers_the_project_name_and_follows_the_format(qtbot, demo_project, tmp_path):
    dialog = make_dialog(qtbot, demo_project)
    assert dialog.format() is ExportFormat.XLSX
    assert dialog.target() == tmp_path / "demo.xlsx"  # beside the project at first
    assert dialog.ok_button.isEnabled()
    dialog.format_radios[ExportFormat.QDPX].click()
    assert dialog.path_edit.text() == str(tmp_path / "demo.qdpx")
    dialog.format_radios[ExportFormat.XLSX].click()
    assert dialog.path_edit.text() == str(tmp_path / "demo.xlsx")
    dialog.format_radios[ExportFormat.CSV].click()
    assert dialog.target() == tmp_path / "demo-csv"
    assert dialog.agreement_check.isEnabled()
    dialog.format_radios[ExportFormat.QDPX].click()
    assert dialog.target() == tmp_path / "demo.qdpx"
    assert not dialog.agreement_check.isEnabled()
    assert dialog.options().agreement is False  # REFI-QDA carries no agreement table
    # A name typed by the user keeps its stem when the format changes.
    dialog.path_edit.setText(str(tmp_path / "out" / "mine"))
    assert dialog.target() == tmp_path / "out" / "mine.qdpx"
    dialog.format_radios[ExportFormat.XLSX].click()
    assert dialog.path_edit.text() == str(tmp_path / "out" / "mine.xlsx")
    dialog.path_edit.setText(str(tmp_path / "out" / "book.xlsx"))
    dialog.format_radios[ExportFormat.QDPX].click()
    assert dialog.path_edit.text() == str(tmp_path / "out" / "book.qdpx")
    dialog.path_edit.clear()
    assert not dialog.ok_button.isEnabled()
    assert dialog.problem_label.text() == "Choose where to save the export."


def test_browse_uses_a_file_or_a_folder_chooser(qtbot, demo_project, tmp_path, monkeypatch):
    asked: list[tuple[str, str]] = []

    def save_name(_parent, _title, start, file_filter, **_kwargs):  # type: ignore[no-untyped-def]
        asked.append((start, file_filter))
        return str(tmp_path / "picked"), file_filter

    def folder(_parent, _title, start):  # type: ignore[no-untyped-def]
        asked.append((start, "folder"))
        return str(tmp_path / "csv-here")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(folder))
    dialog = make_dialog(qtbot, demo_project)
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    assert asked[-1] == (str(tmp_path / "demo.xlsx"), "Excel workbooks (*.xlsx)")
    assert dialog.target() == tmp_path / "picked.xlsx"
    dialog.format_radios[ExportFormat.CSV].click()
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    assert asked[-1] == (str(tmp_path), "folder")
    assert dialog.target() == tmp_path / "csv-here"


def test_wrong_kind_of_target_is_refused(qtbot, demo_project, tmp_path):
    dialog = make_dialog(qtbot, demo_project)
    (tmp_path / "folder.xlsx").mkdir()
    dialog.set_target(tmp_path / "folder.xlsx")
    assert not dialog.ok_button.isEnabled()
    assert "is a folder" in dialog.problem_label.text()
    dialog.format_radios[ExportFormat.CSV].click()
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    dialog.set_target(tmp_path / "plain")
    assert "is a file" in dialog.problem_label.text()
    dialog.format_radios[ExportFormat.XLSX].click()
    dialog.set_target(tmp_path / "plain" / "inside" / "book.xlsx")
    assert dialog.problem_label.text() == "“plain” is a file, not a folder."
    assert press_export(dialog) == []


# Which posts and coders

def test_coders_default_to_everyone_and_need_one(qtbot, demo_project):
    plan = code_demo(demo_project)
    dialog = make_dialog(qtbot, demo_project)
    names = [dialog.coder_list.item(i).text() for i in range(dialog.coder_list.count())]
    assert names == ["Ann", "Ben", "Cy"]
    assert dialog.options().coders is None
    dialog.set_checked_coders({plan.coder_ids["Ben"]})
    assert dialog.options().coders == (plan.coder_ids["Ben"],)
    dialog.set_checked_coders(set())
    assert not dialog.ok_button.isEnabled()
    assert dialog.problem_label.text() == "Choose at least one coder."


def test_a_project_without_coders_exports_everything(qtbot, demo_project):
    dialog = make_dialog(qtbot, demo_project)
    assert not dialog.coder_list.isEnabled()
    assert dialog.ok_button.isEnabled()
    assert dialog.options().coders is None


def test_the_filter_scope_is_offered_only_with_a_filter(qtbot, demo_project):
    dialog = make_dialog(qtbot, demo_project)
    assert dialog.all_radio.isChecked() and not dialog.filtered_radio.isEnabled()
    assert dialog.all_radio.text() == "&All posts (18)"
    assert dialog.options().post_ids is None and dialog.options().filters == ""
    scope = FilterScope((3, 1, 2), 'text contains “NATO”')
    filtered = make_dialog(qtbot, demo_project, scope)
    assert filtered.all_radio.isChecked()  # everything unless asked
    filtered.filtered_radio.click()
    assert filtered.filtered_radio.text().endswith("(3)")
    assert filtered.filter_label.text() == 'text contains “NATO”'
    options = filtered.options()
    assert options.post_ids == (3, 1, 2) and options.filters == 'text contains “NATO”'


# Replacing and remembering

def test_replacing_a_file_is_confirmed(qtbot, demo_project, tmp_path, message_boxes,
                                       monkeypatch):
    target = tmp_path / "old.xlsx"
    target.write_bytes(b"previous export")
    dialog = make_dialog(qtbot, demo_project)
    dialog.set_target(target)
    answer = [QMessageBox.StandardButton.Cancel]

    def reply(box: QMessageBox) -> int:
        message_boxes.append(ShownBox(box.icon(), box.windowTitle(), box.text(), ""))
        return int(answer[0].value)

    monkeypatch.setattr(QMessageBox, "exec", reply)
    assert press_export(dialog) == []  # declined: the dialog stays open
    assert dialog.isVisible() and target.read_bytes() == b"previous export"
    answer[0] = QMessageBox.StandardButton.Ok
    [request] = press_export(dialog)
    assert request.path == target and request.format is ExportFormat.XLSX
    assert not dialog.isVisible()
    assert len(message_boxes) == 2
    assert message_boxes[0].icon == QMessageBox.Icon.Question
    assert message_boxes[0].text == "“old.xlsx” already exists. Replace it?"


def test_a_csv_folder_with_files_is_confirmed_an_empty_one_is_not(qtbot, demo_project,
                                                                  tmp_path, message_boxes):
    dialog = make_dialog(qtbot, demo_project)
    dialog.format_radios[ExportFormat.CSV].click()
    empty = tmp_path / "empty"
    empty.mkdir()
    dialog.set_target(empty)
    assert len(press_export(dialog)) == 1
    assert message_boxes == []
    full = make_dialog(qtbot, demo_project)
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "Posts.csv").write_text("old", encoding="utf-8")
    full.set_target(tmp_path / "full")
    assert len(press_export(full)) == 1
    assert "already holds files" in message_boxes[0].text


def test_the_dialog_remembers_format_folder_and_agreement(qtbot, demo_project, tmp_path):
    first = make_dialog(qtbot, demo_project)
    first.format_radios[ExportFormat.CSV].click()
    first.agreement_check.setChecked(False)
    (tmp_path / "exports").mkdir()
    first.set_target(tmp_path / "exports" / "run-1")
    assert len(press_export(first)) == 1
    again = make_dialog(qtbot, demo_project)
    assert again.format() is ExportFormat.CSV
    assert again.target() == tmp_path / "exports" / "demo-csv"
    assert not again.agreement_check.isChecked()
    assert again.options().agreement is False


def test_settings_survive_a_restart_and_ignore_garbage(tmp_path):
    settings = Settings()
    settings.set_export_format(ExportFormat.QDPX)
    settings.set_export_folder(tmp_path)
    settings.set_export_agreement(False)
    chosen = ReportOptions(unit=UnitKind.SEGMENT, threshold=0.7, resamples=250, seed=42,
                           confidence=0.99)
    settings.set_agreement_options(chosen)
    settings.sync()
    fresh = Settings()
    assert fresh.export_format() is ExportFormat.QDPX
    assert fresh.export_folder() == tmp_path
    assert fresh.export_agreement() is False
    assert fresh.agreement_options() == chosen
    store = fresh._store
    store.setValue("persist/export/format", "docx")
    store.setValue("persist/agreement/threshold", "7")  # out of range
    assert fresh.export_format() is ExportFormat.XLSX
    assert fresh.agreement_options() == ReportOptions()


# The agreement view's options outlive the window

def test_agreement_options_survive_a_new_window(make_window, demo_project, qtbot):
    code_demo(demo_project)
    first = make_window(demo_project.path)
    first.menu_actions.agreement.trigger()
    agreement = first.agreement.window
    assert agreement is not None
    qtbot.addWidget(agreement)
    panel = agreement.options
    panel.set_unit(UnitKind.SEGMENT)
    panel.threshold_spin.setValue(0.75)
    panel.resamples_spin.setValue(50)
    panel.seed_spin.setValue(99)
    panel.confidence_combo.setCurrentIndex(panel.confidence_combo.findData(0.9))
    agreement.close()  # closing the agreement window stores them
    assert Settings().agreement_options() == ReportOptions(
        unit=UnitKind.SEGMENT, threshold=0.75, resamples=50, seed=99, confidence=0.9)
    panel.resamples_spin.setValue(60)
    with qtbot.waitSignal(agreement.computation_finished, timeout=TIMEOUT_MS):
        assert agreement.compute()  # so does computing a report
    assert Settings().agreement_options().resamples == 60
    first.close()

    second = make_window(demo_project.path)
    second.menu_actions.agreement.trigger()
    restored = second.agreement.window
    assert restored is not None and restored is not agreement
    qtbot.addWidget(restored)
    state = restored.options.state()
    assert state == ReportOptions(unit=UnitKind.SEGMENT, threshold=0.75, resamples=60,
                                  seed=99, confidence=0.9)
    assert restored.options.unit_combo.currentData() == "segment"
    assert restored.options.threshold_spin.isEnabled()



# Through the window: background runs, results on disk

class Gate(QRunnable):
    """Occupies the window's single writer thread until opened."""

    def __init__(self) -> None:
        super().__init__()
        self.entered = threading.Event()
        self.open = threading.Event()

    def run(self) -> None:
        self.entered.set()
        self.open.wait(TIMEOUT_MS / 1000)


def open_export_dialog(window: MainWindow) -> ExportDialog:
    window.menu_actions.export.trigger()
    dialog = window.exporting.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def export_through_dialog(window: MainWindow, qtbot, target: Path,
                          fmt: ExportFormat = ExportFormat.XLSX,
                          filtered: bool = False) -> object:
    """Choose ``fmt`` and ``target`` in the dialog, press Export, wait for the end."""
    dialog = open_export_dialog(window)
    dialog.format_radios[fmt].click()
    dialog.set_target(target)
    if filtered:
        dialog.filtered_radio.click()
    with qtbot.waitSignal(window.exporting.export_finished, timeout=TIMEOUT_MS) as finished:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert window.is_busy()
        assert not window.menu_actions.export.isEnabled()
        assert not window.menu_actions.close.isEnabled()
    assert not window.is_busy() and window.menu_actions.export.isEnabled()
    return finished.args[0]


def sheet_rows(path: Path, sheet: str) -> list[tuple[object, ...]]:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return [tuple(row) for row in book[sheet].iter_rows(values_only=True)]
    finally:
        book.close()


@pytest.fixture
def coded_window(make_window, demo_project):  # type: ignore[no-untyped-def]
    code_demo(demo_project)
    return make_window(demo_project.path)


def test_file_menu_entries_and_shortcut(make_window, demo_project):
    window = make_window()
    acts = window.menu_actions
    file_menu = window.menuBar().actions()[0].menu()
    assert acts.export in file_menu.actions() and acts.import_qdpx in file_menu.actions()
    assert acts.export.shortcut().toString() == "Ctrl+E"
    assert not acts.export.isEnabled() and acts.import_qdpx.isEnabled()
    assert window.exporting.show_export_dialog() is None
    assert window.open_project(demo_project.path)
    assert acts.export.isEnabled()


def test_excel_export_writes_every_sheet(coded_window, qtbot, tmp_path, message_boxes):
    target = tmp_path / "out" / "coded.xlsx"
    summary = export_through_dialog(coded_window, qtbot, target)
    assert isinstance(summary, ExportSummary), summary
    assert summary.path == target and target.is_file()
    book = openpyxl.load_workbook(target, read_only=True)
    names = book.sheetnames
    book.close()
    assert names == ["About", "Posts", "Annotations", "Variables", "Matrix", "Agreement",
                     "Codebook"]
    assert len(sheet_rows(target, "Posts")) == 18 + 1  # header row
    annotations = coded_window.project.info().annotations
    assert len(sheet_rows(target, "Annotations")) == annotations + 1
    [box] = message_boxes
    assert box.icon == QMessageBox.Icon.Information
    assert box.title == "Export finished"
    assert f"“{target}”" in box.text and "Posts: 18" in box.text
    assert sorted(p.name for p in target.parent.iterdir()) == ["coded.xlsx"]  # no leftovers


def test_csv_export_fills_the_folder(coded_window, qtbot, tmp_path, message_boxes):
    target = tmp_path / "tables"
    summary = export_through_dialog(coded_window, qtbot, target, ExportFormat.CSV)
    assert isinstance(summary, ExportSummary), summary
    written = {p.name for p in target.iterdir() if p.is_file()}
    assert {"about.csv", "posts.csv", "annotations.csv", "variables.csv", "matrix.csv",
            "agreement.csv", "codebook.csv"} <= written
    assert any((target / "reliability").glob("*.csv"))  # per-code matrices for irr
    assert set(summary.files) <= set(target.rglob("*"))
    with (target / "posts.csv").open(encoding="utf-8") as posts:
        assert sum(1 for _line in csv.reader(posts)) == 18 + 1
    assert "CSV file(s) were saved" in message_boxes[0].text
    assert [p.name for p in tmp_path.iterdir() if "partial" in p.name] == []


def test_the_filter_scope_exports_only_the_filtered_posts(coded_window, qtbot, tmp_path):
    window = coded_window
    bar = window.coding.filtering.bar
    bar.code_combo.setCurrentIndex(bar.code_combo.findText("Framing/Threat"))
    shown = window.post_model.rowCount()
    assert 0 < shown < 18
    dialog = open_export_dialog(window)
    assert dialog.filtered_radio.isEnabled()
    assert dialog.filter_label.text() == "has code: Framing/Threat"
    dialog.reject()
    target = tmp_path / "threat.xlsx"
    summary = export_through_dialog(window, qtbot, target, filtered=True)
    assert isinstance(summary, ExportSummary), summary
    assert len(sheet_rows(target, "Posts")) == shown + 1
    about = " ".join(str(cell) for row in sheet_rows(target, "About") for cell in row)
    assert "has code: Framing/Threat" in about


def test_export_then_import_of_a_qdpx_opens_an_equal_project(coded_window, qtbot, tmp_path,
                                                              message_boxes):
    window = coded_window
    before = window.project.info()
    qdpx = tmp_path / "exchange.qdpx"
    summary = export_through_dialog(window, qtbot, qdpx, ExportFormat.QDPX)
    assert isinstance(summary, ExportSummary), summary
    target = tmp_path / "imported.annot"
    with qtbot.waitSignal(window.exporting.qdpx_import_finished, timeout=TIMEOUT_MS) as done:
        assert window.exporting.import_qdpx(qdpx, target) is not None
        assert window.is_busy() and not window.menu_actions.import_qdpx.isEnabled()
    report = done.args[0]
    assert not isinstance(report, BaseException), report
    assert window.project is not None and window.project.path == target
    after = window.project.info()
    assert (after.posts, after.annotations, after.coders) == (
        before.posts, before.annotations, before.coders)
    assert window.post_model.rowCount() == before.posts
    assert message_boxes[-1].title == "REFI-QDA project imported"
    assert f"{before.annotations} coded segment(s)" in message_boxes[-1].text


def test_import_menu_proposes_a_project_beside_the_qdpx(coded_window, qtbot, tmp_path,
                                                        monkeypatch):
    window = coded_window
    qdpx = tmp_path / "in" / "study.qdpx"
    assert isinstance(export_through_dialog(window, qtbot, qdpx, ExportFormat.QDPX),
                      ExportSummary)
    proposed: list[str] = []

    def open_name(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        return str(qdpx), ""

    def save_name(_parent, _title, start, *_args, **_kwargs):  # type: ignore[no-untyped-def]
        proposed.append(start)
        return str(tmp_path / "in" / "chosen"), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_name))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    with qtbot.waitSignal(window.exporting.qdpx_import_finished, timeout=TIMEOUT_MS):
        window.menu_actions.import_qdpx.trigger()
    assert proposed == [str(tmp_path / "in" / "study.annot")]
    assert window.project.path == tmp_path / "in" / "chosen.annot"
    assert Settings().import_folder() == tmp_path / "in"


def test_cancelled_export_leaves_nothing_behind(coded_window, qtbot, tmp_path, message_boxes):
    window = coded_window
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine", encoding="utf-8")
    gate = Gate()
    window.pool.start(gate)
    assert gate.entered.wait(5)
    dialog = open_export_dialog(window)
    dialog.set_target(folder / "never.xlsx")
    with qtbot.waitSignal(window.exporting.export_finished, timeout=TIMEOUT_MS) as finished:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        run = window.exporting.run
        assert run is not None
        run.dialog.findChild(QPushButton).click()  # Cancel, while the export is queued
        assert run.token.cancelled
        gate.open.set()
    assert isinstance(finished.args[0], Cancelled)
    assert sorted(p.name for p in folder.iterdir()) == ["keep.txt"]
    assert message_boxes == []  # a cancel is not an error
    assert "cancelled" in window.statusBar().currentMessage()


def test_cancelled_qdpx_import_leaves_no_project(coded_window, qtbot, tmp_path,
                                                 message_boxes):
    window = coded_window
    opened = window.project.path
    qdpx = tmp_path / "exchange.qdpx"
    assert isinstance(export_through_dialog(window, qtbot, qdpx, ExportFormat.QDPX),
                      ExportSummary)
    folder = tmp_path / "new"
    folder.mkdir()
    cancel = CancelToken()
    cancel.cancel()
    with qtbot.waitSignal(window.exporting.qdpx_import_finished, timeout=TIMEOUT_MS) as done:
        window.exporting.import_qdpx(qdpx, folder / "half.annot", cancel)
    assert isinstance(done.args[0], Cancelled)
    assert list(folder.iterdir()) == []  # neither the file nor its -wal/-shm
    assert window.project.path == opened
    assert len(message_boxes) == 1  # only the export's summary


def test_export_errors_are_shown_readably(coded_window, qtbot, tmp_path, message_boxes):
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / ("x" * 300 + ".xlsx")  # longer than file systems allow
    result = export_through_dialog(coded_window, qtbot, target)
    assert isinstance(result, OSError)
    [box] = message_boxes
    assert box.icon == QMessageBox.Icon.Warning
    assert box.text.startswith("Cannot read or write") and "Traceback" not in box.text
    assert "Traceback" in box.details
    assert list(folder.iterdir()) == []


def test_a_bad_qdpx_is_an_error_and_leaves_no_project(coded_window, qtbot, tmp_path,
                                                      message_boxes):
    window = coded_window
    bad = tmp_path / "broken.qdpx"
    bad.write_text("this is not a zip file", encoding="utf-8")
    target = tmp_path / "broken.annot"
    with qtbot.waitSignal(window.exporting.qdpx_import_finished, timeout=TIMEOUT_MS) as done:
        window.exporting.import_qdpx(bad, target)
    assert isinstance(done.args[0], Exception)
    assert not target.exists()
    assert not any(p.name.startswith("broken.annot") for p in tmp_path.iterdir())
    [box] = message_boxes
    assert box.icon == QMessageBox.Icon.Warning and "Traceback" not in box.text


def test_an_existing_project_file_is_never_replaced_by_an_import(coded_window, qtbot,
                                                                 tmp_path, message_boxes):
    window = coded_window
    existing = tmp_path / "taken.annot"
    existing.write_bytes(b"someone's work")
    with qtbot.waitSignal(window.exporting.qdpx_import_finished, timeout=TIMEOUT_MS) as done:
        window.exporting.import_qdpx(tmp_path / "whatever.qdpx", existing)
    assert isinstance(done.args[0], ProjectExists)
    assert existing.read_bytes() == b"someone's work"
    assert "already exists" in message_boxes[0].text


def test_summary_buttons_open_the_file_or_its_folder(qtbot, tmp_path, monkeypatch):
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    target = tmp_path / "book.xlsx"
    summary = ExportSummary(target, ExportFormat.XLSX, (target,), {"Posts": 3},
                            ("Annotations continued on sheet 'Annotations (2)'",),
                            ("post metadata",))
    for button, expected in (("open_button", target), ("folder_button", tmp_path)):
        box = ExportSummaryBox(summary)
        qtbot.addWidget(box)
        box.show()
        getattr(box, button).click()
        box.follow_up()
        assert opened[-1] == QUrl.fromLocalFile(str(expected))
    assert box.icon() == QMessageBox.Icon.Warning  # something was not exported
    assert "Annotations continued" in box.text() and "Not exported: post metadata" in box.text()
