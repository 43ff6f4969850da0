"""The coder-pair matrix: coders × coders, each cell alpha and percent agreement of the pair.

The matrix is symmetric (a pair's agreement does not depend on the order of its
coders); the diagonal is empty, and a pair that shares no unit shows
:data:`~annotator.ui.agreement.report_text.UNDEFINED`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from annotator.core.agreement.report import PairAgreement
from annotator.ui.agreement import report_text as text

_Index = QModelIndex | QPersistentModelIndex


class PairMatrixModel(QAbstractTableModel):
    """Rows and columns are the coders of the report's pairs, in order of first appearance."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._coders: list[str] = []
        self._pairs: dict[frozenset[str], PairAgreement] = {}

    def set_pairs(self, pairs: Sequence[PairAgreement], coders: Sequence[str] = ()) -> None:
        """Show ``pairs``; ``coders`` (the scope's) fixes the order and adds coders without
        pairs, who then show only empty cells."""
        self.beginResetModel()
        names = list(coders) + [n for p in pairs for n in (p.coder_a, p.coder_b)]
        self._coders = list(dict.fromkeys(names))
        self._pairs = {frozenset((p.coder_a, p.coder_b)): p for p in pairs}
        self.endResetModel()

    def coders(self) -> list[str]:
        return list(self._coders)

    def pair(self, row: int, column: int) -> PairAgreement | None:
        """The pair shown at (``row``, ``column``); ``None`` on the diagonal or when missing."""
        if row == column or not (0 <= row < len(self._coders) and 0 <= column < len(self._coders)):
            return None
        return self._pairs.get(frozenset((self._coders[row], self._coders[column])))

    # Qt overrides

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._coders)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._coders)

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._coders):
            return self._coders[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and index.row() == index.column():
            return QApplication.palette().brush(QPalette.ColorGroup.Disabled,
                                                QPalette.ColorRole.Window)
        pair = self.pair(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if pair is None else cell_text(pair)
        if role == Qt.ItemDataRole.ToolTipRole and pair is not None:
            return cell_tooltip(pair)
        return None


def cell_text(pair: PairAgreement) -> str:
    """``"α 0.712 · 85.0 %"``; an undefined part is :data:`~report_text.UNDEFINED`."""
    alpha = text.UNDEFINED if pair.alpha is None else text.format_value(pair.alpha)
    percent = text.UNDEFINED if pair.percent is None else text.format_percent(pair.percent)
    return f"α {alpha} · {percent}"


def cell_tooltip(pair: PairAgreement) -> str:
    lines = [QCoreApplication.translate(
        "agreement", "{a} and {b}: {units} units coded by both.").format(
        a=pair.coder_a, b=pair.coder_b, units=text.format_count(pair.units))]
    if pair.alpha is None:
        lines.append(QCoreApplication.translate(
            "agreement", "α {undefined}: undefined for this pair (no unit coded by both, or "
            "a single category throughout).").format(undefined=text.UNDEFINED))
    if pair.percent is None:
        lines.append(QCoreApplication.translate(
            "agreement", "% {undefined}: not computed for this pair (no shared unit, or the "
            "unit has no percent agreement).").format(undefined=text.UNDEFINED))
    return "\n".join(lines)
