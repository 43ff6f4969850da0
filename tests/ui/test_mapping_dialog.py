"""The mapping dialog: drop-downs per column, date options, the live posts preview, the import."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QFileDialog

from annotator.core.importers.mapping import load_mapping, preset_by_id
from annotator.core.project import Project
from annotator.ui.column_assignment import IGNORED
from annotator.ui.dialogs.import_dialog import ImportDialog
from annotator.ui.dialogs.mapping_dialog import MappingDialog
from annotator.ui.dialogs.table_section import Origin
from annotator.ui.locations import import_mapping_path
from annotator.ui.settings import Settings
from tests.conftest import DATA

TIMEOUT_MS = 30_000
FOURCAT = DATA / "tables" / "4cat-telegram.csv"


@pytest.fixture
def plain_csv(tmp_path: Path) -> Path:
    """A table no preset knows, with dates in a local format."""
    path = tmp_path / "field-notes.csv"
    path.write_text(
        "msg,when,who\n"
        "Морning post 🇺🇦,01.03.2024 17:30,Anna\n"
        '"Second post,\nwith two lines",02.03.2024 09:05,Boris\n'
        "Third post,03.03.2024 23:59,\n",
        encoding="utf-8",
    )
    return path


def open_dialog(qtbot, path: Path, mapping=None, sheet=None) -> MappingDialog:  # type: ignore[no-untyped-def]
    dialog = MappingDialog(path, mapping, sheet)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.preview_updated, timeout=TIMEOUT_MS):
        dialog.open()
    return dialog


def settle(qtbot, dialog: MappingDialog) -> None:  # type: ignore[no-untyped-def]
    """Wait until the preview shows the current choices (typing waits for a pause)."""
    qtbot.waitUntil(lambda: not dialog.reads.busy() and not dialog._timer.isActive(),
                    timeout=TIMEOUT_MS)


def choose_columns(qtbot, dialog: MappingDialog) -> None:  # type: ignore[no-untyped-def]
    dialog.set_field("when", "date")
    dialog.set_field("who", "author")
    dialog.options.format_edit.setText("%d.%m.%Y %H:%M")
    dialog.options.zone_combo.setEditText("Europe/Moscow")
    settle(qtbot, dialog)


def test_drop_downs_set_the_columns_and_the_preview_shows_the_posts(qtbot, plain_csv):
    dialog = open_dialog(qtbot, plain_csv)
    assert dialog.table_view.preview_model.rowCount() == 3
    assert dialog.table_view.headers() == ("msg", "when", "who")
    # no preset: the text column is guessed from its name, the rest are metadata
    assert [dialog.field_combo(h).currentData() for h in ("msg", "when", "who")] == [
        "text", "(metadata)", "(metadata)"]
    assert dialog.options.zone_combo.currentText() == "UTC"
    assert dialog.ok_button.isEnabled()
    assert "no date column" in dialog.posts_status.text()

    choose_columns(qtbot, dialog)
    posts = dialog.posts_model.posts()
    assert [p.text for p in posts] == ["Морning post 🇺🇦", "Second post,\nwith two lines",
                                       "Third post"]
    assert [p.author for p in posts] == ["Anna", "Boris", None]
    assert [p.date for p in posts] == [
        datetime(2024, 3, 1, 14, 30, tzinfo=UTC),
        datetime(2024, 3, 2, 6, 5, tzinfo=UTC),
        datetime(2024, 3, 3, 20, 59, tzinfo=UTC),
    ]
    assert dialog.posts_model.index(0, 2).data() == "2024-03-01 14:30:00 UTC"
    assert dialog.posts_model.index(1, 0).data() == "Second post, ⏎ with two lines"
    assert "field-notes" in dialog.posts_model.index(0, 4).data()
    mapping = dialog.mapping()
    assert mapping is not None
    assert {name: col.names for name, col in mapping.columns.mapped().items()} == {
        "text": ("msg",), "date": ("when",), "author": ("who",)}
    assert (mapping.date.timezone, mapping.date.format) == ("Europe/Moscow", "%d.%m.%Y %H:%M")
    assert dialog.ok_button.isEnabled()


def test_channel_name_is_used_only_without_a_channel_column(qtbot, plain_csv):
    dialog = open_dialog(qtbot, plain_csv)
    assert dialog.options.channel_edit.isEnabled()
    dialog.options.channel_edit.setText("Field notes")
    settle(qtbot, dialog)
    assert dialog.posts_model.index(0, 4).data() == "Field notes"
    assert dialog.mapping().channel_value == "Field notes"
    dialog.set_field("who", "channel")
    settle(qtbot, dialog)
    assert not dialog.options.channel_edit.isEnabled()
    assert dialog.mapping().channel_value is None


def test_bad_choices_show_a_readable_reason_and_disable_ok(qtbot, plain_csv):
    dialog = open_dialog(qtbot, plain_csv)
    dialog.options.zone_combo.setEditText("Mars/Olympus")
    settle(qtbot, dialog)
    assert "unknown time zone 'Mars/Olympus'" in dialog.posts_status.text()
    assert not dialog.ok_button.isEnabled()
    assert dialog.mapping() is None
    dialog.options.zone_combo.setEditText("+03:00")
    settle(qtbot, dialog)
    assert dialog.ok_button.isEnabled()

    dialog.set_field("msg", IGNORED)
    settle(qtbot, dialog)
    assert dialog.posts_status.text() == "Choose the column that holds the post text."
    assert dialog.posts_model.rowCount() == 0
    assert not dialog.ok_button.isEnabled()
    dialog.accept()  # refused while OK is disabled
    assert dialog.isVisible()


def test_a_preset_table_starts_from_the_preset(qtbot):
    preset = preset_by_id("4cat-telegram").mapping
    dialog = open_dialog(qtbot, FOURCAT, preset)
    assert "4CAT Telegram datasource" in dialog.info_label.text()
    assert dialog.field_combo("body").currentData() == "text"
    assert dialog.field_combo("unix_timestamp").currentData() == "date"
    assert dialog.field_combo("timestamp").currentData() == "(ignored)"
    assert dialog.options.unit_combo.currentData() == "seconds"
    assert dialog.mapping() == preset  # untouched choices keep the id pattern and all
    assert [p.external_id for p in dialog.posts_model.posts()][:3] == ["4512", "4513", "4514"]
    dialog.set_field("timestamp", "(metadata)")
    assert dialog.mapping().exclude == ("timestamp_edited", "timestamp_forwarded_from")
    assert dialog.mapping().columns.id == preset.columns.id


def test_workbook_sheets_can_be_chosen(qtbot, tmp_path):
    path = tmp_path / "posts.xlsx"
    book = openpyxl.Workbook()
    first = book.active
    first.title = "Summary"
    first.append(["note"])
    first.append(["nothing to see"])
    posts = book.create_sheet("Posts")
    posts.append(["message", "date"])
    posts.append(["From the workbook", datetime(2024, 5, 1, 12, 0)])
    book.save(path)

    dialog = open_dialog(qtbot, path)
    assert dialog.sheet_combo.isVisibleTo(dialog)
    assert [dialog.sheet_combo.itemText(i) for i in range(2)] == ["Summary", "Posts"]
    assert dialog.sheet() == "Summary"
    assert not dialog.ok_button.isEnabled()  # no column looks like a text
    with qtbot.waitSignal(dialog.table_loaded, timeout=TIMEOUT_MS):
        dialog.sheet_combo.setCurrentText("Posts")
    settle(qtbot, dialog)
    assert dialog.sheet() == "Posts"
    assert dialog.field_combo("message").currentData() == "text"
    assert dialog.field_combo("date").currentData() == "date"
    [post] = dialog.posts_model.posts()
    assert (post.text, post.date) == ("From the workbook", datetime(2024, 5, 1, 12, tzinfo=UTC))
    assert dialog.ok_button.isEnabled()


def test_columns_set_in_the_dialog_are_imported(make_window, project, qtbot, monkeypatch,
                                                 plain_csv):
    window = make_window(project.path)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *args, **kwargs: ([str(plain_csv)], ""))
    window.menu_actions.import_.trigger()
    dialog = window.import_dialog
    qtbot.waitUntil(lambda: not dialog.is_reading(), timeout=TIMEOUT_MS)
    section = dialog.table_section
    assert section.choice.origin == Origin.GUESSED
    assert "No preset matched “field-notes.csv”" in section.status_label.text()

    section.columns_button.click()
    mapping_dialog = section.mapping_dialog
    assert isinstance(mapping_dialog, MappingDialog) and mapping_dialog.isVisible()
    settle(qtbot, mapping_dialog)
    mapping_dialog.set_field("msg", "text")
    choose_columns(qtbot, mapping_dialog)
    mapping_dialog.ok_button.click()
    assert section.mapping_dialog is None
    assert section.choice.origin == Origin.EDITED
    assert "date ← when" in section.status_label.text()

    with qtbot.waitSignal(window.import_finished, timeout=TIMEOUT_MS) as finished:
        dialog.ok_button.click()
    [report] = finished.args[0]
    assert report.added == 3
    assert load_mapping(import_mapping_path()).columns.author.names == ("who",)
    with Project.open(project.path) as reopened:
        posts = reopened.posts.get_many(reopened.posts.ids())
    assert [(p.text, p.date, p.author) for p in posts] == [
        ("Морning post 🇺🇦", datetime(2024, 3, 1, 14, 30, tzinfo=UTC), "Anna"),
        ("Second post,\nwith two lines", datetime(2024, 3, 2, 6, 5, tzinfo=UTC), "Boris"),
        ("Third post", datetime(2024, 3, 3, 20, 59, tzinfo=UTC), None),
    ]


def import_dialog(qtbot, path: Path) -> ImportDialog:  # type: ignore[no-untyped-def]
    dialog = ImportDialog(Settings(), [path])
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: not dialog.is_reading(), timeout=TIMEOUT_MS)
    return dialog


def test_an_unchanged_preset_stays_the_preset(qtbot):
    dialog = import_dialog(qtbot, FOURCAT)
    section = dialog.table_section
    assert section.choice.origin == Origin.PRESET
    section.columns_button.click()
    mapping_dialog = section.mapping_dialog
    settle(qtbot, mapping_dialog)
    assert mapping_dialog.ok_button.isEnabled()
    mapping_dialog.ok_button.click()
    assert section.choice.origin == Origin.PRESET
    assert dialog.options()[FOURCAT].mapping is None  # the core picks the preset itself


def test_mappings_are_saved_and_loaded(qtbot, monkeypatch, tmp_path, plain_csv, message_boxes):
    dialog = import_dialog(qtbot, plain_csv)
    section = dialog.table_section
    saved = tmp_path / "notes.mapping.yaml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    section.save_button.click()
    assert load_mapping(saved).columns.text.names == ("msg",)
    assert section.choice.file == saved
    assert dialog.options()[plain_csv].mapping == saved

    for bad, reason in ((DATA / "tables" / "bad-unknown-key.yaml", "unknown key"),
                        (DATA / "tables" / "generic.mapping.json", "post_text")):
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, b=bad, **k: (str(b), ""))
        section.load_button.click()
        assert reason in message_boxes[-1].text
        assert section.choice.file == saved  # unchanged

    good = tmp_path / "good.yaml"
    good.write_text("version: 1\ncolumns: {text: msg, author: who}\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(good), ""))
    section.load_button.click()
    assert section.choice.origin == Origin.LOADED
    assert "Columns from “good.yaml”: text ← msg, author ← who." in section.status_label.text()
    assert dialog.options()[plain_csv].mapping == good
