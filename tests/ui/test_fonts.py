"""The colour emoji font: the system's when installed, else the bundled Noto Color Emoji."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from annotator import assets
from annotator.ui.fonts import BUNDLED_EMOJI_FONT, ensure_emoji_font, system_emoji_family


def test_the_emoji_family_in_use_is_registered(qapp: QApplication) -> None:
    family = ensure_emoji_font(qapp)
    assert family is not None
    assert "Emoji" in family
    assert family in QFontDatabase.families()


def test_an_installed_emoji_font_is_used_as_is(qapp: QApplication) -> None:
    assert ensure_emoji_font(qapp, lambda: "Some Emoji") == "Some Emoji"


def test_without_a_system_emoji_font_the_bundled_one_is_loaded(qapp: QApplication) -> None:
    path = assets.resource(BUNDLED_EMOJI_FONT)
    assert path.stat().st_size > 1_000_000
    assert (path.parent / "OFL.txt").is_file()
    family = ensure_emoji_font(qapp, lambda: None)
    assert family == "Noto Color Emoji"
    assert family in QFontDatabase.families()
    assert system_emoji_family() is not None
    default = qapp.font().family()
    if hasattr(QFontDatabase, "applicationEmojiFontFamilies"):
        # Qt 6.9+: an emoji-only fallback, so digits and spaces keep the text font.
        assert family in QFontDatabase.applicationEmojiFontFamilies()
        assert family.lower() not in [each.lower() for each in QFont.substitutes(default)]
        ensure_emoji_font(qapp, lambda: None)
        assert QFontDatabase.applicationEmojiFontFamilies().count(family) == 1
        return
    assert family.lower() in [each.lower() for each in QFont.substitutes(default)]
    # A second call does not add the fallback twice.
    ensure_emoji_font(qapp, lambda: None)
    assert [each.lower() for each in QFont.substitutes(default)].count(family.lower()) == 1
