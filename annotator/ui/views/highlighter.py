"""Annotation highlights in the reading pane, painted as layout formats.

The core's :func:`~annotator.core.spans.segments` splits overlapping annotations
into disjoint runs; :class:`~annotator.core.spans.Utf16Index` turns their
code-point bounds into Qt (UTF-16) positions. The highlighter only sets layout
formats, so the document text, its undo stack and its modified flag never change.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from annotator.core.model import Annotation, Code
from annotator.core.spans import Utf16Index, segments
from annotator.ui import code_summary

FALLBACK_COLOUR = "#9e9e9e"
"""Used for codes without a colour."""

SINGLE_ALPHA = 90
LAYERED_ALPHA = 130
"""Background opacity (0-255) of runs with one code and with several codes."""

MEMO_CHARACTERS = 200
"""Characters of an annotation's memo shown when hovering over it."""


@dataclass(frozen=True, slots=True)
class Run:
    """A highlighted stretch ``[start_qt, end_qt)`` in UTF-16 units of the post text."""

    start_qt: int
    end_qt: int
    annotation_ids: tuple[int, ...]
    code_ids: tuple[int, ...]
    """Distinct codes of the run, in annotation order."""
    format: QTextCharFormat
    tooltip: str


def blend(colours: Sequence[str], alpha: int) -> QColor:
    """The mean of ``colours`` (``#rrggbb``) with the given alpha."""
    parsed = [QColor(c) for c in colours] or [QColor(FALLBACK_COLOUR)]
    mean = QColor(
        round(sum(c.red() for c in parsed) / len(parsed)),
        round(sum(c.green() for c in parsed) / len(parsed)),
        round(sum(c.blue() for c in parsed) / len(parsed)),
    )
    mean.setAlpha(alpha)
    return mean


def build_runs(
    text: str,
    annotations: Sequence[Annotation],
    codes: Mapping[int, Code],
    coder_names: Mapping[int, str],
) -> list[Run]:
    """Disjoint highlight runs for ``annotations`` of a post whose text is ``text``.

    A run with one code gets that code's colour; a run where several annotations
    overlap gets the blend of their codes' colours and an underline in the last
    code's colour, so overlaps stay visible.
    """
    index = Utf16Index(text)
    runs: list[Run] = []
    for segment in segments((a.span, a) for a in annotations):
        marks = [m for m in segment.marks if isinstance(m, Annotation)]
        code_ids = tuple(dict.fromkeys(a.code_id for a in marks))
        colours = [_colour(codes.get(c)) for c in code_ids]
        fmt = QTextCharFormat()
        layered = len(marks) > 1
        fmt.setBackground(blend(colours, LAYERED_ALPHA if layered else SINGLE_ALPHA))
        if layered:
            fmt.setFontUnderline(True)
            fmt.setUnderlineColor(QColor(colours[-1]))
        runs.append(
            Run(
                start_qt=index.to_qt(segment.start),
                end_qt=index.to_qt(segment.end),
                annotation_ids=tuple(a.id for a in marks),
                code_ids=code_ids,
                format=fmt,
                tooltip=_tooltip(marks, codes, coder_names),
            )
        )
    return runs


def _colour(code: Code | None) -> str:
    return code.colour if code is not None and code.colour else FALLBACK_COLOUR


def _tooltip(
    marks: Sequence[Annotation], codes: Mapping[int, Code], coder_names: Mapping[int, str]
) -> str:
    """One block per code: its path and coders, their memos, then the start of its definition."""
    unknown = QCoreApplication.translate("highlighter", "(unknown)")
    coders: dict[int, list[str]] = {}
    memos: dict[int, list[str]] = {}
    for mark in marks:
        names = coders.setdefault(mark.code_id, [])
        name = coder_names.get(mark.coder_id, unknown)
        if name not in names:
            names.append(name)
        if mark.memo.strip():
            memos.setdefault(mark.code_id, []).append(
                QCoreApplication.translate("highlighter", "Memo ({coder}): {memo}").format(
                    coder=name, memo=code_summary.clip(mark.memo, MEMO_CHARACTERS)))
    lines = []
    for code_id, names in coders.items():
        code = codes.get(code_id)
        lines.append(f"{code.path_text if code is not None else unknown} — {', '.join(names)}")
        lines += [f"    {memo}" for memo in memos.get(code_id, [])]
        if code is not None:
            lines += [f"    {line}" for line in code_summary.brief(code)]
    return "\n".join(lines)


class AnnotationHighlighter(QSyntaxHighlighter):
    """Paints :class:`Run` formats over a read-only document; never edits it."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._runs: list[Run] = []
        self._ends: list[int] = []

    @property
    def runs(self) -> list[Run]:
        return list(self._runs)

    def set_runs(self, runs: Sequence[Run], *, rehighlight: bool = True) -> None:
        """Use ``runs`` (sorted, disjoint); rehighlight unless the text is about to be set."""
        self._runs = sorted(runs, key=lambda r: r.start_qt)
        self._ends = [r.end_qt for r in self._runs]
        if rehighlight:
            self.rehighlight()

    def run_at(self, position_qt: int) -> Run | None:
        """The run covering the character at UTF-16 ``position_qt``, if any."""
        i = bisect_right(self._ends, position_qt)
        if i < len(self._runs) and self._runs[i].start_qt <= position_qt:
            return self._runs[i]
        return None

    def highlightBlock(self, text: str) -> None:  # Qt override keeps Qt's name
        block = self.currentBlock()
        first = block.position()
        last = first + block.length() - 1  # UTF-16 units; not len(text)
        i = bisect_right(self._ends, first)
        while i < len(self._runs) and self._runs[i].start_qt < last:
            run = self._runs[i]
            lo, hi = max(run.start_qt, first), min(run.end_qt, last)
            if lo < hi:
                self.setFormat(lo - first, hi - lo, run.format)
            i += 1
