"""Edit → Preferences…: stored values, applied at once (text size, theme, snapping, backups)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from annotator.core import backups
from annotator.ui import appearance, translations
from annotator.ui.appearance import is_dark
from annotator.ui.settings import Key, Settings, Theme
from tests.ui.coding_support import select_quote, show_post

Button = QDialogButtonBox.StandardButton


@pytest.fixture
def looks(qapp) -> Iterator[appearance.Appearance]:  # type: ignore[no-untyped-def]
    """The app's appearance, put back to the platform's at the end of the test."""
    found = appearance.of(qapp)
    yield found
    found.apply(Theme.SYSTEM, 0)


def window_colour(widget=None) -> QPalette:  # type: ignore[no-untyped-def]
    return widget.palette() if widget is not None else QApplication.palette()


def test_defaults_and_invalid_stored_values_fall_back() -> None:
    settings = Settings()
    assert (settings.font_size(), settings.theme(), settings.snap_to_words()) == (
        0, Theme.SYSTEM, False)
    assert settings.backup_minutes() == backups.DEFAULT_FREQUENCY
    assert settings.backups_kept() == backups.DEFAULT_KEEP
    assert settings.language() == translations.SYSTEM
    store = QSettings()
    for key, value in ((Key.FONT_SIZE, "huge"), (Key.THEME, "purple"),
                       (Key.BACKUP_MINUTES, 7), (Key.BACKUPS_KEPT, 0), (Key.LANGUAGE, 3)):
        store.setValue(key, value)
    store.sync()
    again = Settings()
    assert (again.font_size(), again.theme()) == (0, Theme.SYSTEM)
    assert again.backup_minutes() == backups.DEFAULT_FREQUENCY
    assert again.backups_kept() == backups.DEFAULT_KEEP
    assert again.language() == translations.SYSTEM
    store.setValue(Key.FONT_SIZE, 99)
    assert Settings().font_size() == 0
    with pytest.raises(ValueError):
        again.set_backup_minutes(7)


def test_preferences_menu_entry_and_shortcut(demo_window) -> None:
    action = demo_window.menu_actions.preferences
    assert action.text() == "&Preferences…"
    assert QKeySequence("Ctrl+,") in action.shortcuts()
    edit_menu = demo_window.menuBar().actions()[1].menu()
    assert action in edit_menu.actions()


def test_round_trip_saves_and_applies_at_once(coding_window, qtbot, looks) -> None:
    window = coding_window
    view = window.reading_pane.text_view
    system_size = view.font().pointSize()
    dialog = window.preferences.open()
    assert dialog.isVisible() and dialog.font_size.text() == "Default"
    assert dialog.language.count() == len(translations.available_languages())
    dialog.font_size.setValue(system_size + 8)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.snap.setChecked(True)
    dialog.backup_minutes.setCurrentIndex(dialog.backup_minutes.findData(5))
    dialog.backups_kept.setValue(3)
    dialog.buttons.button(Button.Ok).click()

    stored = Settings()
    assert (stored.font_size(), stored.theme(), stored.snap_to_words()) == (
        system_size + 8, Theme.DARK, True)
    assert (stored.backup_minutes(), stored.backups_kept()) == (5, 3)
    # Applied without a restart: the reading pane and the lists...
    qtbot.waitUntil(lambda: view.font().pointSize() == system_size + 8, timeout=2000)
    assert window.post_list.font().pointSize() == system_size + 8
    rows = window.post_list.verticalHeader().defaultSectionSize()
    assert rows == window.post_list.fontMetrics().height() + 8
    assert window.menuBar().font().pointSize() == system_size  # menus keep theirs
    # ...the theme...
    assert is_dark(window_colour())
    qtbot.waitUntil(lambda: is_dark(window_colour(view)), timeout=2000)  # widgets follow
    assert looks.theme is Theme.DARK
    # ...the backup timer...
    assert window.autobackup.timer.interval() == 5 * 60_000
    # ...and word snapping, on a real selection.
    assert window.coding.snap_action.isChecked()
    post_id = show_post(window, 2)
    select_quote(window, "oreign Minis")
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert [a.quote for a in window.project.annotations.for_post(post_id)] == [
        "Foreign Minister"]

    # The dialog shows what was stored; Apply applies and keeps it open.
    dialog = window.preferences.open()
    assert dialog.font_size.value() == system_size + 8 and dialog.snap.isChecked()
    assert dialog.theme.currentData() == "dark" and dialog.backups_kept.value() == 3
    dialog.font_size.setValue(dialog.font_size.minimum())  # "Default"
    dialog.theme.setCurrentIndex(dialog.theme.findData("light"))
    dialog.snap.setChecked(False)
    dialog.buttons.button(Button.Apply).click()
    assert dialog.isVisible()
    dialog.buttons.button(Button.Cancel).click()
    assert Settings().font_size() == 0 and not Settings().snap_to_words()
    qtbot.waitUntil(lambda: view.font().pointSize() == system_size, timeout=2000)
    assert not is_dark(window_colour()) and looks.theme is Theme.LIGHT
    qtbot.waitUntil(lambda: not is_dark(window_colour(view)), timeout=2000)
    assert not window.coding.snap_action.isChecked()
    select_quote(window, "oreign Minis")
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert sorted(a.quote for a in window.project.annotations.for_post(post_id)) == [
        "Foreign Minister", "oreign Minis"]


def test_cancel_changes_nothing(demo_window, looks) -> None:
    dialog = demo_window.preferences.open()
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.buttons.button(Button.Cancel).click()
    assert Settings().theme() is Theme.SYSTEM and not is_dark(window_colour())


def test_system_theme_follows_the_system_colour_scheme(looks) -> None:
    looks.apply(Theme.SYSTEM, 0)
    assert not is_dark(window_colour())  # the offscreen platform's style is light
    looks.set_theme(Theme.SYSTEM, Qt.ColorScheme.Dark)  # the system turned dark
    assert is_dark(window_colour())
    looks._on_hints_color_scheme_changed(Qt.ColorScheme.Light)  # and light again
    assert not is_dark(window_colour())
    looks.apply(Theme.LIGHT, 0)
    looks._on_hints_color_scheme_changed(Qt.ColorScheme.Dark)  # an explicit theme stays
    assert not is_dark(window_colour())


def test_open_log_folder(demo_window, monkeypatch, tmp_path) -> None:
    opened = []
    monkeypatch.setattr("annotator.ui.dialogs.settings_dialog.QDesktopServices.openUrl",
                        lambda url: opened.append(url.toLocalFile()))
    monkeypatch.setenv("ANNOTATOR_LOG_DIR", str(tmp_path / "logs"))
    dialog = demo_window.preferences.open()
    dialog.open_log_folder.click()
    assert opened == [str(tmp_path / "logs")] and (tmp_path / "logs").is_dir()
    dialog.reject()
