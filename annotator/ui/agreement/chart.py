"""The alpha chart: one horizontal bar per code, with its confidence interval as whiskers.

Painted with QPainter (the app ships without QtCharts). Code names sit on the
left, reference lines mark Krippendorff's 0.667 and 0.800, and a code whose
alpha is undefined gets a hatched gap saying why, never a bar of length 0.
The widget grows with the number of codes; put it in a QScrollArea.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from annotator.core.agreement.report import CodeAgreement, Interval
from annotator.ui.agreement import report_text as text

# Okabe and Ito's colour-blind safe palette: below tentative, tentative, reliable.
LOW_COLOUR = "#d55e00"
TENTATIVE_COLOUR = "#e69f00"
RELIABLE_COLOUR = "#009e73"
GAP_COLOUR = "#9a9a9a"
REFERENCE_COLOUR = "#555555"

_PAD = 8
_MAX_LABEL_SHARE = 0.4
"""Code names take at most this share of the width; longer ones are elided."""
_VALUE_SPACE = 56
_TICK_STEP = 0.2


@dataclass(frozen=True)
class Bar:
    """One row of the chart: a code's alpha, or the reason it has none."""

    label: str
    value: float | None
    interval: Interval | None
    reason: str | None
    pooled: bool
    units: float

    def tooltip(self) -> str:
        if self.value is None:
            return QCoreApplication.translate(
                "agreement", "{code}: α undefined — {reason}.").format(
                code=self.label,
                reason=self.reason or QCoreApplication.translate("agreement", "no reason given"))
        tip = QCoreApplication.translate(
            "agreement", "{code}: α = {value} on {units} units").format(
            code=self.label, value=text.format_value(self.value),
            units=text.format_count(self.units))
        if self.interval is not None:
            tip += "\n" + QCoreApplication.translate(
                "agreement", "{level:g} % CI {interval}").format(
                level=100 * self.interval.level, interval=text.format_interval(self.interval))
        return tip


def chart_key(rows: Sequence[CodeAgreement]) -> str | None:
    """The alpha measure the report has: ``"alpha"``, else ``"unitized_alpha"``, else None."""
    keys = {m.key for row in rows for m in row.measures}
    return next((k for k in ("alpha", "unitized_alpha") if k in keys), None)


def bars_of(rows: Sequence[CodeAgreement]) -> list[Bar]:
    """One bar per row, in row order."""
    key = chart_key(rows)
    bars = []
    for row in rows:
        measure = row.measure(key) if key is not None else None
        if measure is None:
            bars.append(Bar(row.code_path, None, None,
                            QCoreApplication.translate("agreement", "alpha was not computed"),
                            row.code_id is None, row.units))
        else:
            bars.append(Bar(row.code_path, measure.result.value, measure.interval,
                            measure.result.reason, row.code_id is None, row.units))
    return bars


class AlphaChart(QWidget):
    """Horizontal bars of alpha per code; read-only, tooltips on every row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[Bar] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.setAccessibleName(QCoreApplication.translate("agreement", "Alpha per code"))

    def set_rows(self, rows: Sequence[CodeAgreement]) -> None:
        """Show the alpha of each of ``rows`` (a report's rows, in order)."""
        self._bars = bars_of(rows)
        self.setFixedHeight(self.sizeHint().height())
        self.updateGeometry()
        self.update()

    def bars(self) -> list[Bar]:
        return list(self._bars)

    def bar_rect(self, row: int) -> QRectF | None:
        """Where the bar of ``row`` is painted; ``None`` for an undefined value (a gap)."""
        bar = self._bars[row]
        if bar.value is None:
            return None
        scale = self._scale()
        top = self._row_top(row) + self._row_height() * 0.2
        left, right = sorted((scale.x(0.0), scale.x(bar.value)))
        return QRectF(left, top, max(right - left, 1.0), self._row_height() * 0.6)

    def row_at(self, y: float) -> int | None:
        row = math.floor((y - self._header_height()) / self._row_height())
        return row if 0 <= row < len(self._bars) else None

    # Qt overrides

    def sizeHint(self) -> QSize:
        rows = max(len(self._bars), 1)
        height = self._header_height() + rows * self._row_height() + self._footer_height()
        return QSize(640, math.ceil(height))

    def minimumSizeHint(self) -> QSize:
        return QSize(360, self.sizeHint().height())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            row = self.row_at(event.pos().y())
            if row is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self._bars[row].tooltip(), self)
            return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            if not self._bars:
                painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
                painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                                 QCoreApplication.translate(
                                     "agreement", "Compute a report to see alpha per code."))
                return
            scale = self._scale()
            self._paint_grid(painter, scale)
            for row, bar in enumerate(self._bars):
                self._paint_row(painter, scale, row, bar)
            self._paint_references(painter, scale)
        finally:
            painter.end()

    # Painting

    def _paint_grid(self, painter: QPainter, scale: _Scale) -> None:
        grid = QColor(self.palette().color(QPalette.ColorRole.Text))
        grid.setAlpha(40)
        top, bottom = self._header_height(), self._plot_bottom()
        metrics = self.fontMetrics()
        for tick in scale.ticks():
            x = scale.x(tick)
            painter.setPen(QPen(grid, 1.5 if tick == 0 else 1.0))
            painter.drawLine(QPointF(x, top), QPointF(x, bottom))
            label = f"{tick:.1f}"
            painter.setPen(self.palette().color(QPalette.ColorRole.Text))
            width = metrics.horizontalAdvance(label)
            painter.drawText(QPointF(x - width / 2, bottom + metrics.ascent() + 4), label)

    def _paint_references(self, painter: QPainter, scale: _Scale) -> None:
        metrics = self.fontMetrics()
        top, bottom = self._header_height(), self._plot_bottom()
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        painter.drawText(QRectF(scale.right + 6, 0, self.width() - scale.right - 10, top),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         QCoreApplication.translate("agreement", "α"))
        pen = QPen(QColor(REFERENCE_COLOUR), 1.5, Qt.PenStyle.DashLine)
        baseline = top - 6
        for value, caption, align_right in (
            (text.TENTATIVE, QCoreApplication.translate("agreement", "{value} tentative"), True),
            (text.RELIABLE, QCoreApplication.translate("agreement", "{value} reliable"), False),
        ):
            x = scale.x(value)
            painter.setPen(pen)
            painter.drawLine(QPointF(x, top - 4), QPointF(x, bottom))
            label = caption.format(value=text.format_value(value))
            width = metrics.horizontalAdvance(label)
            # The two lines are close: one label ends at its line, the other starts at it.
            painter.setPen(self.palette().color(QPalette.ColorRole.Text))
            painter.drawText(QPointF(x - width - 3 if align_right else x + 3, baseline), label)

    def _paint_row(self, painter: QPainter, scale: _Scale, row: int, bar: Bar) -> None:
        top, height = self._row_top(row), self._row_height()
        font = QFont(self.font())
        font.setBold(bar.pooled)
        painter.setFont(font)
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        label_rect = QRectF(_PAD, top, self._label_width() - _PAD, height)
        label = QFontMetrics(font).elidedText(bar.label, Qt.TextElideMode.ElideMiddle,
                                               int(label_rect.width()))
        painter.drawText(label_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         label)
        painter.setFont(self.font())
        rect = self.bar_rect(row)
        if rect is None or bar.value is None:
            self._paint_gap(painter, scale, top, height, bar)
            return
        painter.fillRect(rect, QColor(_band_colour(bar.value)))
        centre = top + height / 2
        if bar.interval is not None:
            low, high = scale.x(bar.interval.low), scale.x(bar.interval.high)
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Text), 1.5))
            painter.drawLine(QPointF(low, centre), QPointF(high, centre))
            for x in (low, high):
                painter.drawLine(QPointF(x, centre - height * 0.22),
                                 QPointF(x, centre + height * 0.22))
        # Values in a column of their own: beside a whisker they would read as its end.
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        column = QRectF(scale.right + 6, top, self.width() - scale.right - 10, height)
        painter.drawText(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         text.format_value(bar.value))

    def _paint_gap(self, painter: QPainter, scale: _Scale, top: float, height: float,
                   bar: Bar) -> None:
        gap = QRectF(scale.left, top + height * 0.2, scale.right - scale.left, height * 0.6)
        painter.fillRect(gap, QBrush(QColor(GAP_COLOUR), Qt.BrushStyle.BDiagPattern))
        font = QFont(self.font())
        font.setItalic(True)
        painter.setFont(font)
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        note = QCoreApplication.translate("agreement", "{undefined} undefined: {reason}").format(
            undefined=text.UNDEFINED,
            reason=bar.reason or QCoreApplication.translate("agreement", "no reason given"))
        note = QFontMetrics(font).elidedText(note, Qt.TextElideMode.ElideRight,
                                              int(gap.width()) - 8)
        back = QRectF(gap.left() + 4, gap.top(), QFontMetrics(font).horizontalAdvance(note) + 8,
                      gap.height())
        painter.fillRect(back, self.palette().color(QPalette.ColorRole.Base))
        painter.drawText(back, Qt.AlignmentFlag.AlignCenter, note)
        painter.setFont(self.font())

    # Geometry

    def _row_height(self) -> float:
        return float(self.fontMetrics().height() + 12)

    def _header_height(self) -> float:
        return float(self.fontMetrics().height() + 12)

    def _footer_height(self) -> float:
        return float(self.fontMetrics().height() + 10)

    def _row_top(self, row: int) -> float:
        return self._header_height() + row * self._row_height()

    def _plot_bottom(self) -> float:
        return self._row_top(len(self._bars))

    def _label_width(self) -> float:
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        widest = max((metrics.horizontalAdvance(b.label) for b in self._bars), default=0)
        return min(widest + 2 * _PAD, self.width() * _MAX_LABEL_SHARE)

    def _scale(self) -> _Scale:
        lows = [b.interval.low for b in self._bars if b.interval is not None]
        values = [b.value for b in self._bars if b.value is not None]
        lowest = min([0.0, *lows, *values])
        # Whole ticks below zero, so a negative alpha has an axis label under it.
        minimum = math.floor(lowest / _TICK_STEP) * _TICK_STEP
        left = self._label_width() + _PAD
        right = max(left + 80.0, self.width() - _VALUE_SPACE)
        return _Scale(minimum, 1.0, left, right)


@dataclass(frozen=True)
class _Scale:
    minimum: float
    maximum: float
    left: float
    right: float

    def x(self, value: float) -> float:
        share = (value - self.minimum) / (self.maximum - self.minimum)
        return self.left + share * (self.right - self.left)

    def ticks(self) -> list[float]:
        count = round((self.maximum - self.minimum) / _TICK_STEP)
        return [round(self.minimum + i * _TICK_STEP, 6) for i in range(count + 1)]


def _band_colour(value: float) -> str:
    if value >= text.RELIABLE:
        return RELIABLE_COLOUR
    return TENTATIVE_COLOUR if value >= text.TENTATIVE else LOW_COLOUR
