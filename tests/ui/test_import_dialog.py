"""The import dialog: detection of mixed inputs, errors, chat choice, folders, format override."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QRunnable, Qt
from PySide6.QtWidgets import QFileDialog

from annotator.core.importers import registry
from annotator.core.project import Project
from annotator.ui.dialogs.import_dialog import ImportDialog
from annotator.ui.models.chat_list import Role as ChatRole
from annotator.ui.models.import_inputs import Column
from annotator.ui.settings import Settings
from tests.conftest import DATA, SAMPLE

TIMEOUT_MS = 30_000
ACCOUNT = DATA / "tg_json" / "account" / "result.json"
CHANNEL_JSON = DATA / "cross" / "result.json"
CHANNEL_HTML = DATA / "cross" / "html"
FOURCAT = DATA / "tables" / "4cat-telegram.csv"


def cell(dialog: ImportDialog, row: int, column: Column) -> str:
    return dialog.inputs.index(row, column).data()


def make_dialog(qtbot, paths: list[Path]) -> ImportDialog:  # type: ignore[no-untyped-def]
    dialog = ImportDialog(Settings(), paths)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: not dialog.is_reading(), timeout=TIMEOUT_MS)
    return dialog


def channel_titles(path: Path) -> list[str]:
    with Project.open(path) as project:
        return sorted(channel.title for channel in project.posts.channels())


def posts_in(path: Path) -> list[str]:
    with Project.open(path) as project:
        return [post.text for post in project.posts.get_many(project.posts.ids())]


@pytest.fixture
def window(make_window, project: Project):  # type: ignore[no-untyped-def]
    return make_window(project.path)


def test_mixed_inputs_are_detected_and_read(qtbot):
    dialog = make_dialog(qtbot, [SAMPLE, CHANNEL_JSON, CHANNEL_HTML, FOURCAT])
    formats = [cell(dialog, row, Column.FORMAT) for row in range(4)]
    assert formats == [
        "Telegram web preview (text copy)",
        "Telegram Desktop export (JSON)",
        "Telegram Desktop export (HTML)",
        "Table of posts (CSV or XLSX)",
    ]
    assert cell(dialog, 1, Column.DETAILS).startswith("Chat: Example News (1987654321")
    assert cell(dialog, 3, Column.DETAILS) == "35 column(s); preset: 4CAT Telegram datasource"
    assert dialog.inputs.index(2, Column.INPUT).data(Qt.ItemDataRole.ToolTipRole) == str(
        CHANNEL_HTML)
    assert not dialog.chat_section.isVisibleTo(dialog)  # every export holds one chat
    assert dialog.table_section.isVisibleTo(dialog)
    assert "4CAT Telegram datasource" in dialog.table_section.status_label.text()
    assert dialog.problem() is None
    assert dialog.ok_button.isEnabled()
    assert all(o.mapping is None for o in dialog.options().values())  # the core picks the preset


def test_bad_inputs_show_their_error_and_disable_import(qtbot, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "random.bin"
    binary.write_bytes(bytes(range(256)) * 8)
    yaml_file = DATA / "tables" / "generic.mapping.json"
    dialog = make_dialog(qtbot, [SAMPLE, empty, binary, yaml_file])
    assert [cell(dialog, row, Column.FORMAT) for row in range(4)] == [
        "Telegram web preview (text copy)", "Cannot import", "Cannot import", "Cannot import"]
    assert cell(dialog, 1, Column.DETAILS) == f"Cannot import “{empty}”: the file is empty."
    assert "binary" in cell(dialog, 2, Column.DETAILS)
    assert "does not recognise the format" in cell(dialog, 3, Column.DETAILS)
    assert not dialog.ok_button.isEnabled()
    assert dialog.problem_label.isVisibleTo(dialog)
    assert dialog.problem_label.text() == (
        f"Cannot import “{empty}”: the file is empty. Remove it, or choose its format.")

    for _ in range(3):
        dialog.remove_row(1)
    assert dialog.paths() == [SAMPLE]
    assert dialog.ok_button.isEnabled()
    assert not dialog.problem_label.isVisibleTo(dialog)


def test_remove_button_removes_the_selected_inputs(qtbot):
    dialog = make_dialog(qtbot, [SAMPLE, CHANNEL_JSON])
    dialog.inputs_view.selectRow(0)
    dialog.remove_button.click()
    assert dialog.paths() == [CHANNEL_JSON]
    dialog.add_paths([CHANNEL_JSON])  # already listed: ignored
    assert dialog.paths() == [CHANNEL_JSON]


def test_account_export_lists_its_chats_private_ones_unticked(qtbot):
    dialog = make_dialog(qtbot, [ACCOUNT])
    assert cell(dialog, 0, Column.DETAILS) == "3 chats: choose below"
    section = dialog.chat_section
    assert section.isVisibleTo(dialog)
    model = section.model
    rows = {model.index(r).data(ChatRole.KEY): model.index(r) for r in range(model.rowCount())}
    assert set(rows) == {"1987654321", "42", "1500000001"}
    assert rows["42"].data(ChatRole.PRIVATE)
    assert rows["42"].data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert rows["42"].data().endswith("— private")
    assert section.ticked_keys() == ("1987654321", "1500000001")
    assert dialog.ok_button.isEnabled()

    section.none_button.click()
    assert not dialog.ok_button.isEnabled()
    assert dialog.problem() == "Tick at least one chat to import."
    model.setData(rows["42"], Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert dialog.options()[ACCOUNT].chats == ("42",)
    assert dialog.ok_button.isEnabled()


def test_an_account_export_shares_an_import_with_other_exports(qtbot):
    dialog = make_dialog(qtbot, [ACCOUNT, CHANNEL_JSON])
    assert dialog.problem() is None
    options = dialog.options()
    assert options[ACCOUNT].chats == ("1987654321", "1500000001")
    assert options[CHANNEL_JSON].chats == ()


def test_two_account_exports_are_imported_one_at_a_time(qtbot, tmp_path):
    other = tmp_path / "other.json"
    other.write_bytes(ACCOUNT.read_bytes())
    dialog = make_dialog(qtbot, [ACCOUNT, other])
    assert "one at a time" in (dialog.problem() or "")
    assert not dialog.ok_button.isEnabled()
    dialog.remove_row(1)
    assert dialog.ok_button.isEnabled()


def test_chats_ticked_are_exactly_the_chats_imported(window, qtbot, monkeypatch, message_boxes):
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *args, **kwargs: ([str(ACCOUNT)], ""))
    window.menu_actions.import_.trigger()
    dialog = window.import_dialog
    assert isinstance(dialog, ImportDialog) and dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.is_reading(), timeout=TIMEOUT_MS)
    model = dialog.chat_section.model
    for row in range(model.rowCount()):
        index = model.index(row)
        wanted = index.data(ChatRole.KEY) in ("42", "1987654321")
        state = Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked
        assert model.setData(index, state, Qt.ItemDataRole.CheckStateRole)
    with qtbot.waitSignal(window.import_finished, timeout=TIMEOUT_MS) as finished:
        dialog.ok_button.click()
    [report] = finished.args[0]
    assert report.added == 4
    assert channel_titles(window.project.path) == ["Иван Петров", "Новости 🇷🇺"]
    assert window.import_dialog is None
    assert "4 post(s) added" in message_boxes[-1].text


def test_export_folder_import_adds_its_posts(window, qtbot, monkeypatch):
    chosen: list[str] = []

    def choose_folder(*args: object, **kwargs: object) -> str:
        chosen.append("folder")
        return str(CHANNEL_HTML)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", choose_folder)
    action = window.menu_actions.import_folder
    assert action.isEnabled()
    action.trigger()
    dialog = window.import_dialog
    qtbot.waitUntil(lambda: not dialog.is_reading(), timeout=TIMEOUT_MS)
    assert cell(dialog, 0, Column.FORMAT) == "Telegram Desktop export (HTML)"
    assert dialog.focusWidget() is dialog.ok_button  # the common case is one key press
    with qtbot.waitSignal(window.import_finished, timeout=TIMEOUT_MS) as finished:
        dialog.ok_button.click()
    [report] = finished.args[0]
    assert (report.added, report.format) == (3, "tg-html")
    assert len(posts_in(window.project.path)) == 3
    assert chosen == ["folder"]
    assert Settings().import_folder() == CHANNEL_HTML.parent


def test_format_override_is_passed_to_the_import(window, qtbot, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *args, **kwargs: ([str(SAMPLE)], ""))
    window.menu_actions.import_.trigger()
    dialog = window.import_dialog
    dialog.set_format_id("tg-text")
    assert dialog.format_combo.currentText() == "Telegram web preview (text copy)"
    qtbot.waitUntil(lambda: not dialog.is_reading(), timeout=TIMEOUT_MS)
    requested: list[tuple[object, ...]] = []
    dialog.import_requested.connect(lambda *args: requested.append(args))
    with qtbot.waitSignal(window.import_finished, timeout=TIMEOUT_MS) as finished:
        dialog.ok_button.click()
    [(paths, format_id, options)] = requested
    assert (paths, format_id, options[SAMPLE].chats, options[SAMPLE].mapping) == (
        [SAMPLE], "tg-text", (), None)
    [report] = finished.args[0]
    assert (report.format, report.added) == ("tg-text", 18)


def test_format_override_replaces_detection(qtbot):
    dialog = make_dialog(qtbot, [FOURCAT])
    assert dialog.table_section.isVisibleTo(dialog)
    dialog.set_format_id("tg-text")
    qtbot.waitUntil(lambda: not dialog.is_reading(), timeout=TIMEOUT_MS)
    assert cell(dialog, 0, Column.FORMAT) == "Telegram web preview (text copy)"
    assert not dialog.table_section.isVisibleTo(dialog)
    dialog.set_format_id(registry.AUTO)
    qtbot.waitUntil(lambda: not dialog.is_reading(), timeout=TIMEOUT_MS)
    assert cell(dialog, 0, Column.FORMAT) == "Table of posts (CSV or XLSX)"
    assert dialog.table_section.isVisibleTo(dialog)


class Gate(QRunnable):
    """Occupies a pool thread until opened."""

    def __init__(self) -> None:
        super().__init__()
        self.entered = threading.Event()
        self.open = threading.Event()

    def run(self) -> None:
        self.entered.set()
        self.open.wait(TIMEOUT_MS / 1000)


def test_reading_shows_and_can_be_stopped_then_resumed(qtbot):
    dialog = make_dialog(qtbot, [])
    assert dialog.problem() == "Add the files or folders to import."
    pool = dialog.reads.pool
    pool.setMaxThreadCount(1)
    gate = Gate()
    pool.start(gate)
    assert gate.entered.wait(5)
    try:
        dialog.add_paths([ACCOUNT])  # its read waits behind the gate
        assert dialog.is_reading()
        assert cell(dialog, 0, Column.DETAILS) == "Reading…"
        assert dialog.reading_label.text() == "Reading the inputs…"
        assert dialog.problem() == "Reading “result.json”…"
        assert not dialog.ok_button.isEnabled()
        dialog.reading_button.click()
        assert not dialog.is_reading()
        assert cell(dialog, 0, Column.DETAILS) == "Not read (cancelled)"
        assert dialog.ok_button.isEnabled()  # the import itself will check the export
    finally:
        gate.open.set()
    assert dialog.reading_button.text() == "&Read again"
    dialog.reading_button.click()
    qtbot.waitUntil(lambda: not dialog.is_reading(), timeout=TIMEOUT_MS)
    assert dialog.chat_section.model.rowCount() == 3
    assert not dialog.reading_button.isVisibleTo(dialog)


def test_import_dialog_needs_a_project(make_window):
    window = make_window()
    assert window.show_import_dialog([SAMPLE]) is None
    assert not window.menu_actions.import_folder.isEnabled()


def test_import_actions_and_shortcuts(window):
    actions = window.menu_actions
    assert actions.import_.text() == "&Import…"
    assert actions.import_.shortcut().toString() == "Ctrl+I"
    assert actions.import_folder.text() == "Import e&xport folder…"
