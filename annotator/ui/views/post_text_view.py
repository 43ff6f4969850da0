"""The read-only text of one post: selectable, highlighted, with coding keys and clicks.

Positions here are UTF-16 units (Qt's, names end in ``_qt``); the reading pane
turns them into code points through :class:`~annotator.core.spans.Utf16Index`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QTextCharFormat,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import (
    QApplication,
    QPlainTextEdit,
    QTextEdit,
    QToolTip,
    QWidget,
)

from annotator.ui.views.highlighter import AnnotationHighlighter

_CODE_KEY_MODIFIERS = (
    Qt.KeyboardModifier.NoModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.KeypadModifier,
)

OUTLINE_COLOUR = "#202020"
"""Over- and underline of the selected annotation."""
HIT_COLOUR = "#ffe84d"
"""Background of search hits (painted below the selected annotation's outline)."""
SELECTED_ALPHA = 150
"""Opacity (0-255) of the selected annotation's own colour, stronger than any highlight."""


class PostTextView(QPlainTextEdit):
    """Read-only post text; code keys, clicks and the context menu are reported, not acted on."""

    code_key_pressed = Signal(str)
    """code_key_pressed(key: str): a key that is some code's shortcut was pressed (lower case)."""

    clicked = Signal(int)
    """clicked(position_qt: int): a click that selected no text, on the character at
    UTF-16 ``position_qt`` (the character left of the caret when the click was right of it)."""

    context_menu_opening = Signal(int)
    """context_menu_opening(position_qt: int): a context menu is about to open for the
    character at ``position_qt``; listeners may change the selection first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(8)
        self.highlighter = AnnotationHighlighter(self.document())
        self._code_keys: frozenset[str] = frozenset()
        self._press: QPoint | None = None
        self._outlines: list[QTextEdit.ExtraSelection] = []
        self._hits: list[QTextEdit.ExtraSelection] = []
        self.context_actions: list[QAction | None] = []
        """Added below the standard entries of the context menu (``None``: a separator)."""

    def set_code_keys(self, keys: frozenset[str]) -> None:
        """The keys (lower case) to report as ``code_key_pressed`` instead of typing them."""
        self._code_keys = keys

    def shown_text(self) -> str:
        """The document's text with block separators as ``\\n`` and nothing else replaced.

        (``toPlainText`` also turns no-break spaces into spaces.)
        """
        return self.document().toRawText().replace("\u2029", "\n")

    def selection_qt(self) -> tuple[int, int] | None:
        """The selected text as UTF-16 ``(start, end)``, or ``None`` when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return cursor.selectionStart(), cursor.selectionEnd()

    def select_qt(self, start_qt: int, end_qt: int) -> None:
        """Select UTF-16 ``[start_qt, end_qt)`` (tests and scripts)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(start_qt)
        cursor.setPosition(end_qt, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def character_at(self, point: QPoint) -> int:
        """The UTF-16 position of the character under viewport point ``point``."""
        cursor = self.cursorForPosition(point)
        position = cursor.position()
        # The cursor sits between characters; left of its caret means the previous one.
        if point.x() < self.cursorRect(cursor).x() and position > 0:
            position -= 1
        return position

    def tooltip_at(self, point: QPoint) -> str | None:
        """The tooltip for viewport point ``point``: the codes, coders and memos there."""
        run = self.highlighter.run_at(self.character_at(point))
        return run.tooltip if run is not None else None

    def set_outlines(self, ranges_qt: Sequence[tuple[int, int]], colour: str | None = None) -> None:
        """Outline the UTF-16 ranges (the selected annotation) with extra selections.

        Over- and underline, and the annotation's own ``colour`` (``#rrggbb``)
        stronger than the highlights below, so that of several overlapping
        annotations the selected one stands out. Nothing that moves the text (no
        font change), and the document is never touched.
        """
        fmt = QTextCharFormat()
        if colour is not None:
            background = QColor(colour)
            background.setAlpha(SELECTED_ALPHA)
            fmt.setBackground(background)
        fmt.setFontUnderline(True)
        fmt.setFontOverline(True)
        fmt.setUnderlineColor(QColor(OUTLINE_COLOUR))
        self._outlines = self._selections(ranges_qt, fmt)
        self.setExtraSelections(self._hits + self._outlines)

    def outlines(self) -> list[tuple[int, int]]:
        """The outlined UTF-16 ranges."""
        return _ranges(self._outlines)

    def set_hits(self, ranges_qt: Sequence[tuple[int, int]]) -> None:
        """Mark search hits (UTF-16 ranges) with a yellow background; the document and
        the annotation highlights are left alone."""
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(HIT_COLOUR))
        fmt.setForeground(QColor("#000000"))
        self._hits = self._selections(ranges_qt, fmt)
        self.setExtraSelections(self._hits + self._outlines)

    def hits(self) -> list[tuple[int, int]]:
        """The UTF-16 ranges marked as search hits."""
        return _ranges(self._hits)

    def _selections(
        self, ranges_qt: Sequence[tuple[int, int]], fmt: QTextCharFormat
    ) -> list[QTextEdit.ExtraSelection]:
        """One extra selection in ``fmt`` per UTF-16 range; the document is not touched."""
        selections = []
        for start_qt, end_qt in ranges_qt:
            cursor = QTextCursor(self.document())
            cursor.setPosition(start_qt)
            cursor.setPosition(end_qt, QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        return selections

    # Qt overrides

    def event(self, event: QEvent) -> bool:
        # A code key wins over window shortcuts on the same key (such as J for "next post").
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and self._code_key(event) is not None):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = self._code_key(event)
        if key is None:
            super().keyPressEvent(event)
            return
        event.accept()
        self.code_key_pressed.emit(key)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = (event.position().toPoint()
                       if event.button() == Qt.MouseButton.LeftButton else None)
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        point = event.position().toPoint()
        if (press is None or event.button() != Qt.MouseButton.LeftButton
                or (point - press).manhattanLength() >= QApplication.startDragDistance()
                or self.textCursor().hasSelection()):
            return
        self.clicked.emit(self.character_at(point))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.context_menu_opening.emit(self.character_at(event.pos()))
        menu = self.createStandardContextMenu(event.pos())
        if self.context_actions:
            menu.addSeparator()
        for action in self.context_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tooltip_at(event.pos())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def _code_key(self, event: QKeyEvent) -> str | None:
        text = event.text()
        if (len(text) != 1 or event.modifiers() not in _CODE_KEY_MODIFIERS
                or text.isspace()):
            return None
        key = text.lower()
        return key if key in self._code_keys else None


def _ranges(selections: Sequence[QTextEdit.ExtraSelection]) -> list[tuple[int, int]]:
    return [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in selections]
