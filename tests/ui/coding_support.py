"""Helpers for the coding UI tests: choosing a coder, selecting text, reading highlights."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialogButtonBox

from annotator.core.model import Annotation
from annotator.core.spans import Span
from annotator.ui.main_window import MainWindow
from annotator.ui.views.coding_prompts import CodingPrompts


def choose_coder(window: MainWindow, name: str) -> None:
    """Answer the pending coder chooser with ``name`` (typed as a new coder's name)."""
    dialog = window.coding.coders.dialog
    assert dialog is not None, "no coder chooser is open"
    dialog.new_name.setText(name)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    coder = window.coding.coder
    assert coder is not None and coder.name == " ".join(name.split())


def activate(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Make ``window`` the active window and give the post text the focus."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    view = window.reading_pane.text_view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus, timeout=2000)


def show_post(window: MainWindow, row: int) -> int:
    """Show the post in list row ``row``; returns its id."""
    window.post_list.select_row(row)
    post = window.reading_pane.post
    assert post is not None
    return post.id


def utf16_len(text: str) -> int:
    """UTF-16 code units of ``text``, computed without the app's converter."""
    return len(text.encode("utf-16-le")) // 2


def select_quote(window: MainWindow, quote: str, occurrence: int = 0) -> Span:
    """Select ``quote`` in the post text through a QTextCursor in UTF-16 positions
    computed here; returns its span in code points."""
    text = window.reading_pane.post.text
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    end = start + len(quote)
    cursor = QTextCursor(window.reading_pane.text_view.document())
    cursor.setPosition(utf16_len(text[:start]))
    cursor.setPosition(utf16_len(text[:end]), QTextCursor.MoveMode.KeepAnchor)
    window.reading_pane.text_view.setTextCursor(cursor)
    return Span(start, end)


def selected_text(window: MainWindow) -> str:
    """The view's selected text with Qt's paragraph separators turned back into newlines."""
    return window.reading_pane.text_view.textCursor().selectedText().replace("\u2029", "\n")


def click_character(window: MainWindow, qtbot, index: int) -> None:  # type: ignore[no-untyped-def]
    """Left-click the middle of the character at code point ``index`` of the shown post."""
    view = window.reading_pane.text_view
    text = window.reading_pane.post.text
    cursor = QTextCursor(view.document())
    cursor.setPosition(utf16_len(text[:index]))
    left = view.cursorRect(cursor)
    cursor.setPosition(utf16_len(text[: index + 1]))
    right = view.cursorRect(cursor)
    point = QPoint((left.x() + right.x()) // 2 if right.y() == left.y() else left.x() + 2,
                   left.center().y())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def highlighted(window: MainWindow) -> dict[int, str]:
    """Code point → background (#aarrggbb) of every character the highlighter painted,
    read from the layout formats of each block."""
    view = window.reading_pane.text_view
    text = window.reading_pane.post.text
    starts = [0]
    for ch in text:  # the UTF-16 position of every code point, counted independently
        starts.append(starts[-1] + utf16_len(ch))
    at = {position: i for i, position in enumerate(starts)}
    result: dict[int, str] = {}
    block = view.document().firstBlock()
    while block.isValid():
        for fmt_range in block.layout().formats():
            start_qt = block.position() + fmt_range.start
            colour = fmt_range.format.background().color()
            for i in range(at[start_qt], at[start_qt + fmt_range.length]):
                result[i] = colour.name(colour.NameFormat.HexArgb)
        block = block.next()
    return result


def annotation_of(window: MainWindow, annotation_id: int) -> Annotation:
    return window.project.annotations.get(annotation_id)


class ScriptedCodingPrompts(CodingPrompts):
    """Answers the memo question with ``memo_answer`` and records what was asked."""

    def __init__(self, prompts: CodingPrompts, memo_answer: str | None) -> None:
        super().__init__(prompts._parent)
        self.memo_answer = memo_answer
        self.asked: list[tuple[Annotation, str]] = []

    def memo(self, annotation: Annotation, code_path: str) -> str | None:
        self.asked.append((annotation, code_path))
        return self.memo_answer


def add_annotation(window: MainWindow, code_path: str, quote: str,
                   coder: str = "Alice") -> Annotation:
    """Add an annotation through the core (behind the UI) and tell the views."""
    project = window.project
    post = window.reading_pane.post
    start = post.text.index(quote)
    coder_id = project.coders.get_or_create(coder).id
    annotation, changes = project.annotations.add(
        post.id, project.codes.by_path(code_path).id, coder_id,
        Span(start, start + len(quote)))
    window.events.changed.emit(changes)
    return annotation


def outlined(window: MainWindow) -> list[tuple[int, int]]:
    """The outlined ranges in code points (converted independently of the app)."""
    text = window.reading_pane.post.text
    starts = [0]
    for ch in text:
        starts.append(starts[-1] + utf16_len(ch))
    at = {position: i for i, position in enumerate(starts)}
    return [(at[a], at[b]) for a, b in window.reading_pane.text_view.outlines()]
