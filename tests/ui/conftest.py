"""UI fixtures: private settings and data folders, message boxes recorded instead of shown."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from annotator.core.project import Project
from annotator.ui import settings as settings_module
from annotator.ui import translations
from annotator.ui.dialogs.coder_dialog import CoderDialog
from annotator.ui.locations import DATA_DIR_ENV
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings
from tests.ui.codebook_support import ScriptedPrompts
from tests.ui.coding_support import activate, choose_coder


@pytest.fixture(autouse=True)
def _fresh_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QSettings and the app's data folder live in this test's tmp_path."""
    settings_module.use_folder(tmp_path / "settings")
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))


@pytest.fixture(autouse=True)
def _english_ui(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests read English texts whatever the machine's locale: the "system" language is
    English, translations compile into tmp_path, and any translator a test (or ``main``)
    installed is gone afterwards."""
    monkeypatch.setattr(translations, "system_languages", lambda: [translations.SOURCE_LANGUAGE])
    monkeypatch.setenv(translations.CACHE_DIR_ENV, str(tmp_path / "cache"))
    yield
    app = QCoreApplication.instance()
    if app is not None:
        translations.remove_translators(app)


@dataclass
class ShownBox:
    icon: QMessageBox.Icon
    title: str
    text: str
    details: str


@pytest.fixture(autouse=True)
def _collect_on_the_gui_thread() -> Iterator[None]:
    """As the app does (ui/collector.py): no cycle collection in worker threads, where it
    could destroy Qt objects of earlier tests off the GUI thread and crash."""
    gc.disable()
    yield
    gc.collect()  # here, on the GUI thread, before the next test starts workers
    gc.enable()


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[ShownBox]:
    """Every QMessageBox that would be shown modally, recorded instead (exec returns Ok)."""
    shown: list[ShownBox] = []

    def record(box: QMessageBox) -> int:
        shown.append(ShownBox(box.icon(), box.windowTitle(), box.text(), box.detailedText()))
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "exec", record)
    return shown


@pytest.fixture(autouse=True)
def coder_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[CoderDialog]:
    """Every coder chooser that would open, recorded instead of shown (it stays pending).

    Answer one with ``tests.ui.coding_support.choose_coder``, or ``show()`` it to click it.
    """
    opened: list[CoderDialog] = []

    def record(dialog: CoderDialog) -> None:
        opened.append(dialog)

    monkeypatch.setattr(CoderDialog, "open", record)
    return opened


@pytest.fixture
def make_window(qtbot) -> Iterator:  # type: ignore[no-untyped-def]
    """Builds main windows and, at teardown, closes them and waits for their pool work."""
    windows: list[MainWindow] = []

    def make(project_path: Path | None = None) -> MainWindow:
        window = MainWindow(Settings())
        qtbot.addWidget(window)
        window.show()
        if project_path is not None:
            assert window.open_project(project_path)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
        window.pool.waitForDone()
        assert window.project is None


@pytest.fixture
def demo_window(make_window, demo_project: Project) -> MainWindow:  # type: ignore[no-untyped-def]
    """A main window with its own connection to the demo project."""
    return make_window(demo_project.path)


@pytest.fixture
def codebook_window(demo_window: MainWindow) -> MainWindow:
    """The demo window whose codebook panel takes scripted answers (``panel.prompts``)."""
    panel = demo_window.codebook.panel
    panel.prompts = ScriptedPrompts(panel.prompts)
    return demo_window


@pytest.fixture
def coding_window(demo_window: MainWindow, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    """The demo window with coder "Alice" chosen, active, the post text focused."""
    choose_coder(demo_window, "Alice")
    activate(demo_window, qtbot)
    return demo_window
