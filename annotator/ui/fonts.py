"""A colour emoji font for post texts: the system's, else the bundled Noto Color Emoji.

Telegram posts are full of emoji and flags; without an emoji font Qt draws
empty boxes. :func:`ensure_emoji_font` runs once at start, after the
QApplication exists.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from annotator import assets

log = logging.getLogger(__name__)

BUNDLED_EMOJI_FONT = "fonts/NotoColorEmoji.ttf"
"""The bundled font, relative to ``resources/``."""


def system_emoji_family() -> str | None:
    """The first installed family with "Emoji" in its name (e.g. "Noto Color Emoji")."""
    for family in QFontDatabase.families():
        if "emoji" in family.lower():
            return family
    return None


def load_bundled_emoji_font(path: Path | None = None) -> str | None:
    """Register the bundled emoji font; its family, or ``None`` when it cannot be loaded."""
    try:
        path = path or assets.resource(BUNDLED_EMOJI_FONT)
    except FileNotFoundError:
        log.warning("the bundled emoji font is missing")
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("could not load the emoji font %s", path)
        return None
    return families[0]


def ensure_emoji_font(
    app: QGuiApplication,
    find_installed: Callable[[], str | None] = system_emoji_family,
) -> str | None:
    """Make emoji render in ``app``'s default font; returns the emoji family in use.

    Uses the installed emoji family ``find_installed`` reports, else loads the
    bundled one and registers it as the emoji font (Qt 6.9+), or, with older Qt, adds it
    as a substitute of the default UI family.  A plain substitute also catches digits and
    spaces, which the emoji font covers too, so the emoji registration is preferred.
    """
    installed = find_installed()
    if installed is not None:
        return installed
    registered = getattr(QFontDatabase, "applicationEmojiFontFamilies", None)
    if registered is not None and registered():
        return str(registered()[0])  # done on an earlier call
    family = load_bundled_emoji_font()
    if family is None:
        return None
    if registered is not None:  # Qt 6.9+: used for emoji only, never for digits and spaces
        QFontDatabase.addApplicationEmojiFontFamily(family)
        return family
    general = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
    defaults = {app.font().family(), general.family()}
    for default in defaults:
        if family.lower() not in (each.lower() for each in QFont.substitutes(default)):
            QFont.insertSubstitution(default, family)
    return family
