"""The text size and colour theme of the running app, applied at once, without a restart.

Text size: a font for the reading pane and every list, table and tree (Qt's class fonts
for ``QPlainTextEdit``, ``QTextEdit`` and ``QAbstractItemView``), so existing and new
views change together; menus, buttons and labels keep the platform's size. Size 0 is
the platform's default.

Theme: :attr:`Theme.LIGHT` and :attr:`Theme.DARK` use the Fusion style with a light or
dark palette. :attr:`Theme.SYSTEM` is the platform's own style and palette, as the app
started with them; it follows the operating system's colour scheme
(``QStyleHints.colorScheme``, Qt 6.5+): when the system is dark but the platform style
only offers a light palette, Fusion's dark palette is used, and a change of the system's
scheme while the app runs is followed.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from annotator.ui.settings import Settings, Theme

log = logging.getLogger(__name__)

FONT_CLASSES = ("QPlainTextEdit", "QTextEdit", "QAbstractItemView")
"""The widget classes whose text follows the text size setting."""
FUSION = "Fusion"
_Role = QPalette.ColorRole
_Group = QPalette.ColorGroup

_LIGHT = {
    _Role.Window: "#efefef", _Role.WindowText: "#000000", _Role.Base: "#ffffff",
    _Role.AlternateBase: "#f7f7f7", _Role.ToolTipBase: "#ffffdc", _Role.ToolTipText: "#000000",
    _Role.PlaceholderText: "#7f7f7f", _Role.Text: "#000000", _Role.Button: "#efefef",
    _Role.ButtonText: "#000000", _Role.BrightText: "#ffffff", _Role.Light: "#ffffff",
    _Role.Midlight: "#cacaca", _Role.Mid: "#b8b8b8", _Role.Dark: "#9f9f9f",
    _Role.Shadow: "#767676", _Role.Highlight: "#308cc6", _Role.HighlightedText: "#ffffff",
    _Role.Link: "#0000ff", _Role.LinkVisited: "#ff00ff",
}
_LIGHT_DISABLED = {
    _Role.WindowText: "#bebebe", _Role.Text: "#bebebe", _Role.ButtonText: "#bebebe",
    _Role.Base: "#efefef", _Role.Highlight: "#919191",
}
_DARK = {
    _Role.Window: "#353535", _Role.WindowText: "#f0f0f0", _Role.Base: "#252525",
    _Role.AlternateBase: "#2f2f2f", _Role.ToolTipBase: "#454545", _Role.ToolTipText: "#f0f0f0",
    _Role.PlaceholderText: "#8c8c8c", _Role.Text: "#f0f0f0", _Role.Button: "#3a3a3a",
    _Role.ButtonText: "#f0f0f0", _Role.BrightText: "#ff6b6b", _Role.Light: "#505050",
    _Role.Midlight: "#444444", _Role.Mid: "#2b2b2b", _Role.Dark: "#202020",
    _Role.Shadow: "#141414", _Role.Highlight: "#2a82da", _Role.HighlightedText: "#ffffff",
    _Role.Link: "#6cb4ff", _Role.LinkVisited: "#c49cff",
}
_DARK_DISABLED = {
    _Role.WindowText: "#7f7f7f", _Role.Text: "#7f7f7f", _Role.ButtonText: "#7f7f7f",
    _Role.Base: "#303030", _Role.Highlight: "#505050", _Role.HighlightedText: "#b0b0b0",
}


def palette(dark: bool) -> QPalette:
    """Fusion's light palette, or a dark one with the same roles."""
    result = QPalette()
    for role, colour in (_DARK if dark else _LIGHT).items():
        result.setColor(role, QColor(colour))
    for role, colour in (_DARK_DISABLED if dark else _LIGHT_DISABLED).items():
        result.setColor(_Group.Disabled, role, QColor(colour))
    return result


def is_dark(colours: QPalette) -> bool:
    """Whether ``colours`` has light text on a dark window."""
    return colours.color(_Role.Window).lightness() < colours.color(_Role.WindowText).lightness()


class Appearance(QObject):
    """Applies theme and text size to ``app``; one per application (see :func:`of`).

    Remembers the platform's style and fonts as they were when it was made, so
    :attr:`Theme.SYSTEM` and size 0 can go back to them. GUI thread only.
    """

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("annotatorAppearance")
        self._app = app
        self._system_style = app.style().name()
        self._system_fonts = {name: QFont(QApplication.font(name)) for name in FONT_CLASSES}
        self.theme = Theme.SYSTEM
        self.font_size = 0
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):  # Qt 6.5+
            hints.colorSchemeChanged.connect(self._on_hints_color_scheme_changed)

    def apply_settings(self, settings: Settings) -> None:
        """Apply the theme and text size stored in ``settings``."""
        self.apply(settings.theme(), settings.font_size())

    def apply(self, theme: Theme, font_size: int) -> None:
        """Use ``theme`` and ``font_size`` points (0: the platform's size) from now on."""
        self.set_font_size(font_size)
        self.set_theme(theme)

    def set_font_size(self, points: int) -> None:
        self.font_size = points
        for name, system in self._system_fonts.items():
            font = QFont(system)
            if points > 0:
                font.setPointSize(points)
            QApplication.setFont(font, name)

    def set_theme(self, theme: Theme, scheme: Qt.ColorScheme | None = None) -> None:
        """Use ``theme``; ``scheme`` is the system's colour scheme (default: as reported)."""
        self.theme = theme
        hints = QGuiApplication.styleHints()
        if theme is Theme.SYSTEM:
            if hasattr(hints, "unsetColorScheme"):  # Qt 6.8+
                hints.unsetColorScheme()
            if scheme is None:
                scheme = hints.colorScheme() if hasattr(hints, "colorScheme") else None
            self._use_style(self._system_style)
            self._app.setPalette(QPalette())  # nothing set: the platform's palette
            if scheme == Qt.ColorScheme.Dark and not is_dark(self._app.palette()):
                log.info("the system is dark but style %s is not: using Fusion dark",
                         self._system_style)
                self._use_style(FUSION)
                self._app.setPalette(palette(dark=True))
            return
        dark = theme is Theme.DARK
        if hasattr(hints, "setColorScheme"):  # Qt 6.8+: native parts (title bars) follow
            hints.setColorScheme(Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light)
        self._use_style(FUSION)
        self._app.setPalette(palette(dark))

    def _use_style(self, name: str) -> None:
        if self._app.style().name().lower() == name.lower():
            return
        available = [key.lower() for key in QStyleFactory.keys()]  # noqa: SIM118 - not a dict
        if name.lower() not in available:
            log.warning("the style %s is not available", name)
            return
        QApplication.setStyle(name)

    def _on_hints_color_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        if self.theme is Theme.SYSTEM:
            self.set_theme(Theme.SYSTEM, scheme)


def of(app: QApplication) -> Appearance:
    """The :class:`Appearance` of ``app``, made on first use (as a child of ``app``)."""
    found = app.findChild(Appearance, "annotatorAppearance")
    return found if found is not None else Appearance(app)
