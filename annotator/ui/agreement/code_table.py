"""The per-code × measure table: one row per code, one column per measure and interval.

The pooled row ("all codes", ``code_id`` ``None``) stays first whatever the sort;
undefined values sort last in both directions, so they never pass for the
lowest or the highest agreement.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum, IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from annotator.core.agreement.report import CodeAgreement
from annotator.ui.agreement import report_text as text

_Index = QModelIndex | QPersistentModelIndex


class TableRole(IntEnum):
    SORT = Qt.ItemDataRole.UserRole + 1
    """The cell's number (float) for sorting, ``None`` when undefined or not a number."""
    CODE_ID = Qt.ItemDataRole.UserRole + 2
    """The row's code id (``None`` for the pooled row), in every column."""


class Kind(Enum):
    CODE = "code"
    UNITS = "units"
    PREVALENCE = "prevalence"
    MEASURE = "measure"
    INTERVAL = "interval"
    PARADOX = "paradox"


@dataclass(frozen=True)
class ColumnSpec:
    kind: Kind
    key: str = ""
    """The measure key, for MEASURE and INTERVAL columns."""


class CodeTableModel(QAbstractTableModel):
    """Shows the rows of one report; read-only, sortable through :meth:`sort`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CodeAgreement] = []
        self._columns: list[ColumnSpec] = []

    def set_rows(self, rows: Sequence[CodeAgreement]) -> None:
        """Show ``rows`` (a report's rows, in report order); columns follow their measures."""
        self.beginResetModel()
        self._rows = list(rows)
        self._columns = _columns(self._rows)
        self.endResetModel()

    def rows(self) -> list[CodeAgreement]:
        """The rows in the order shown."""
        return list(self._rows)

    def column_of(self, kind: Kind, key: str = "") -> int | None:
        """The column showing ``kind`` (and measure ``key``), or ``None`` when absent."""
        spec = ColumnSpec(kind, key)
        return self._columns.index(spec) if spec in self._columns else None

    # Qt overrides

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        spec = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return _header(spec)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _header_tooltip(spec)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        spec = self._columns[index.column()]
        if role == TableRole.CODE_ID:
            return row.code_id
        if role == Qt.ItemDataRole.FontRole and row.code_id is None:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and spec.kind not in (Kind.CODE,
                                                                             Kind.PARADOX):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole and row.paradox and (
                spec.kind is Kind.PARADOX or spec == ColumnSpec(Kind.MEASURE, "kappa")):
            return _warning_icon()  # also on kappa itself: the value the warning is about
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell(row, spec).display
        if role == Qt.ItemDataRole.ToolTipRole:
            return _cell(row, spec).tooltip
        if role == TableRole.SORT:
            return _cell(row, spec).sort
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        spec = self._columns[column]
        descending = order == Qt.SortOrder.DescendingOrder
        pooled = [r for r in self._rows if r.code_id is None]
        codes = [r for r in self._rows if r.code_id is not None]
        if spec.kind in (Kind.CODE, Kind.PARADOX):
            codes.sort(key=lambda r: _cell(r, spec).display.casefold(), reverse=descending)
        else:
            cells = {id(r): _cell(r, spec).sort for r in codes}
            defined = [r for r in codes if cells[id(r)] is not None]
            defined.sort(key=lambda r: cells[id(r)] or 0.0, reverse=descending)
            codes = defined + [r for r in codes if cells[id(r)] is None]
        self.layoutAboutToBeChanged.emit()
        old = {id(r): i for i, r in enumerate(self._rows)}
        self._rows = pooled + codes
        moved_from = [self.index(old[id(r)], c) for r in self._rows
                      for c in range(len(self._columns))]
        moved_to = [self.index(i, c) for i in range(len(self._rows))
                    for c in range(len(self._columns))]
        self.changePersistentIndexList(moved_from, moved_to)
        self.layoutChanged.emit()


def _columns(rows: Sequence[CodeAgreement]) -> list[ColumnSpec]:
    keys = text.ordered_keys([m.key for row in rows for m in row.measures])
    columns = [ColumnSpec(Kind.CODE), ColumnSpec(Kind.UNITS), ColumnSpec(Kind.PREVALENCE)]
    with_interval = {m.key for row in rows for m in row.measures if m.interval is not None}
    for key in keys:
        columns.append(ColumnSpec(Kind.MEASURE, key))
        if key in text.INTERVAL_MEASURES and key in with_interval:
            columns.append(ColumnSpec(Kind.INTERVAL, key))
    columns.append(ColumnSpec(Kind.PARADOX))
    return columns


def _header(spec: ColumnSpec) -> str:
    match spec.kind:
        case Kind.CODE:
            return QCoreApplication.translate("agreement", "Code")
        case Kind.UNITS:
            return QCoreApplication.translate("agreement", "Units")
        case Kind.PREVALENCE:
            return QCoreApplication.translate("agreement", "Prevalence")
        case Kind.MEASURE:
            return text.measure_label(spec.key)
        case Kind.INTERVAL:
            return QCoreApplication.translate("agreement", "{measure} CI").format(
                measure=text.measure_label(spec.key))
        case Kind.PARADOX:
            return QCoreApplication.translate("agreement", "Warning")


def _header_tooltip(spec: ColumnSpec) -> str:
    match spec.kind:
        case Kind.CODE:
            return QCoreApplication.translate(
                "agreement", "The code's path in the codebook; the first row pools all codes.")
        case Kind.UNITS:
            return QCoreApplication.translate("agreement", "Units that entered the computation.")
        case Kind.PREVALENCE:
            return QCoreApplication.translate(
                "agreement", "Share of the values that say “present” (for variables: share of "
                "the most frequent value). Kappa-type measures drop when it is near 0 % or "
                "100 %.")
        case Kind.MEASURE:
            return text.measure_name(spec.key)
        case Kind.INTERVAL:
            return QCoreApplication.translate(
                "agreement", "Bootstrap percentile confidence interval of {measure}."
            ).format(measure=text.measure_label(spec.key))
        case Kind.PARADOX:
            return QCoreApplication.translate(
                "agreement", "Warns when agreement is high but kappa is low (the kappa paradox "
                "of skewed prevalence).")


@dataclass(frozen=True)
class Cell:
    display: str
    tooltip: str | None = None
    sort: float | None = None
    """The number sorted on; ``None`` sorts last."""


def _cell(row: CodeAgreement, spec: ColumnSpec) -> Cell:
    match spec.kind:
        case Kind.CODE:
            return Cell(row.code_path, row.code_path)
        case Kind.UNITS:
            return Cell(text.format_count(row.units), sort=row.units)
        case Kind.PREVALENCE:
            if row.prevalence is None:
                return Cell(text.UNDEFINED, QCoreApplication.translate(
                    "agreement", "No prevalence: no unit has two values, or the unit has no "
                    "categories (unitized alpha)."))
            return Cell(text.format_percent(row.prevalence), sort=row.prevalence)
        case Kind.MEASURE:
            measure = row.measure(spec.key)
            if measure is None:
                return Cell("", QCoreApplication.translate(
                    "agreement", "Not computed for this row."))
            tip = text.measure_tooltip(measure)
            if spec.key == "kappa" and row.paradox:
                tip += "\n\n" + row.paradox
            return Cell(text.measure_text(measure), tip, measure.result.value)
        case Kind.INTERVAL:
            return _interval_cell(row, spec.key)
        case Kind.PARADOX:
            return Cell(QCoreApplication.translate("agreement", "paradox") if row.paradox
                        else "", row.paradox)


def _interval_cell(row: CodeAgreement, key: str) -> Cell:
    measure = row.measure(key)
    if measure is None:
        return Cell("", QCoreApplication.translate("agreement", "Not computed for this row."))
    if measure.result.value is None:
        return Cell(text.UNDEFINED, text.measure_tooltip(measure))
    interval = measure.interval
    if interval is None:
        return Cell("", QCoreApplication.translate("agreement", "No interval was computed."))
    # Sorted by width: the narrowest interval is the most precise estimate.
    return Cell(text.format_interval(interval), text.interval_tooltip(interval),
                interval.high - interval.low)


def _warning_icon() -> QIcon:
    style = QApplication.style()
    return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
