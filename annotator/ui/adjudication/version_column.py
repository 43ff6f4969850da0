"""One column of the adjudication view: a coder's (or the gold layer's) version of one code.

The post text is shown read-only with that version's spans highlighted in the column's
colour (overlaps darker and underlined), and below it the spans with their offsets (code
points) and quotes, or the variable's value. Offsets become Qt positions only through
:class:`~annotator.core.spans.Utf16Index`.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QFrame, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from annotator.core.spans import Span, Utf16Index, segments
from annotator.ui.views.highlighter import Run, blend
from annotator.ui.views.post_text_view import PostTextView

COLOURS = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1", "#9c755f",
           "#ff9da7", "#bab0ac")
"""Coder colours, by the coder's position among the post's finishers."""
GOLD_COLOUR = "#d4a017"
SPAN_ALPHA = 140
LAYERED_ALPHA = 210
"""Background opacity (0-255) of one span and of overlapping spans: stronger than in the
reading pane, since one column shows one code of one coder."""
QUOTE_CHARACTERS = 80
SPAN_ROLE = Qt.ItemDataRole.UserRole + 1
"""A span row's :class:`Span`."""


def span_runs(text: str, spans: Sequence[Span], colour: str) -> list[Run]:
    """Highlight runs for ``spans`` of ``text`` in ``colour`` (overlaps layered)."""
    index = Utf16Index(text)
    runs = []
    for segment in segments((span, number) for number, span in enumerate(spans)):
        fmt = QTextCharFormat()
        layered = len(segment.marks) > 1
        fmt.setBackground(blend([colour], LAYERED_ALPHA if layered else SPAN_ALPHA))
        if layered:
            fmt.setFontUnderline(True)
            fmt.setUnderlineColor(QColor(colour))
        runs.append(Run(index.to_qt(segment.start), index.to_qt(segment.end), (), (), fmt,
                        QCoreApplication.translate("adjudication", "{n} spans here").format(
                            n=len(segment.marks)) if layered else ""))
    return runs


def clipped(quote: str, limit: int = QUOTE_CHARACTERS) -> str:
    """``quote`` on one line, shortened in the middle past ``limit`` characters; white
    space at either end shows as "␣", since it is part of the span's boundaries."""
    flat = " ".join(quote.split())
    if len(flat) > limit:
        half = (limit - 1) // 2
        flat = f"{flat[:half]}…{flat[-half:]}"
    lead = "␣" if quote[:1].isspace() else ""
    trail = "␣" if quote[-1:].isspace() and quote.strip() else ""
    return f"{lead}{flat}{trail}"


class VersionColumn(QFrame):
    """Shows one version; GUI thread only. :attr:`text_view` may be selected in."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title_label = QLabel(self)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.title_label.font())
        font.setBold(True)
        self.title_label.setFont(font)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.text_view = PostTextView(self)
        self.span_list = QListWidget(self)
        self.span_list.setAccessibleName(self.tr("Spans"))
        self.span_list.setMaximumHeight(84)
        self.span_list.setWordWrap(True)
        self.span_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._index = Utf16Index("")
        self._text = ""
        self._colour = COLOURS[0]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.text_view, 1)
        layout.addWidget(self.span_list)

    @property
    def index(self) -> Utf16Index:
        return self._index

    def set_title(self, title: str, colour: str) -> None:
        self.title_label.setText(title)
        self.title_label.setStyleSheet(f"color: {colour}; border-bottom: 3px solid {colour};")
        self._colour = colour

    def set_text(self, text: str) -> None:
        """Show the post text (nothing highlighted); call before :meth:`show_spans`."""
        if text != self._text or self.text_view.document().isEmpty():
            self._text, self._index = text, Utf16Index(text)
            self.text_view.highlighter.set_runs([], rehighlight=False)
            self.text_view.setPlainText(text)

    def show_spans(self, spans: Sequence[Span], shared: Collection[Span] = (),
                   note: str = "") -> None:
        """Highlight ``spans``; list them, spans outside ``shared`` (the ones not every
        coder has) in bold; ``note`` goes below the title."""
        self.text_view.highlighter.set_runs(span_runs(self._text, spans, self._colour))
        self.span_list.clear()
        for span in spans:
            quote = span.quote(self._text)
            item = QListWidgetItem(f"[{span.start}, {span.end})  “{clipped(quote)}”")
            item.setData(SPAN_ROLE, span)
            item.setToolTip(quote)
            if span not in shared:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            self.span_list.addItem(item)
        self.span_list.setVisible(True)
        count = len(spans)
        self.summary_label.setText(note or (self.tr("no spans") if count == 0 else
                                            self.tr("%n span(s)", "", count)))
        if spans:
            self.scroll_to(spans[0])

    def show_value(self, shown: str, note: str = "") -> None:
        """A variable's value in words, over the unhighlighted post text."""
        self.text_view.highlighter.set_runs([])
        self.span_list.clear()
        self.span_list.setVisible(False)
        self.summary_label.setText(f"{shown}\n{note}" if note else shown)

    def selected_span(self) -> Span | None:
        """The text selected in this column, in code points (``None``: nothing)."""
        selection = self.text_view.selection_qt()
        if selection is None:
            return None
        start_qt, end_qt = (min(value, self._index.length_qt) for value in selection)
        start, end = self._index.from_qt(start_qt), self._index.from_qt(end_qt)
        return Span(start, end) if start < end else None

    def scroll_to(self, span: Span) -> None:
        cursor = QTextCursor(self.text_view.document())
        cursor.setPosition(self._index.to_qt(min(span.start, len(self._text))))
        self.text_view.setTextCursor(cursor)
        self.text_view.centerCursor()

    def spans_shown(self) -> list[Span]:
        return [self.span_list.item(row).data(SPAN_ROLE)
                for row in range(self.span_list.count())]
