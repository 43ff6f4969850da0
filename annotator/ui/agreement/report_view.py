"""One agreement report on screen: the scope line above tabs for its table, chart, pairs,
disagreements and notes, with a button that copies what the current tab shows."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from annotator.core.agreement.report import AgreementReport
from annotator.ui.agreement import report_text as text
from annotator.ui.agreement.chart import AlphaChart
from annotator.ui.agreement.code_table import CodeTableModel
from annotator.ui.agreement.disagreements import DisagreementModel, DisagreementView
from annotator.ui.agreement.pair_table import PairMatrixModel
from annotator.ui.agreement.tsv import table_tsv

_CODE_WIDTH = 220
"""Widest the code column starts out (pixels)."""


class ReportView(QWidget):
    """Shows one :class:`AgreementReport` (or none); read-only."""

    post_requested = Signal(int, object)
    """post_requested(post_id: int, start: int | None): a disagreement was activated."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._report: AgreementReport | None = None
        self.scope_label = QLabel(self)
        self.scope_label.setWordWrap(True)
        self.scope_label.setTextFormat(Qt.TextFormat.PlainText)
        self.scope_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                                 | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.scope_label.setAccessibleName(self.tr("Scope of the report"))

        self.code_model = CodeTableModel(self)
        self.code_view = _table(self.code_model, self)
        self.code_view.setSortingEnabled(True)
        self.code_view.setAccessibleName(self.tr("Agreement per code and measure"))
        header = self.code_view.horizontalHeader()
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # report order at first

        chart_page = self._chart_page()

        self.pair_model = PairMatrixModel(self)
        self.pair_view = _table(self.pair_model, self)
        self.pair_view.verticalHeader().setVisible(True)
        self.pair_view.setAccessibleName(self.tr("Agreement per pair of coders"))
        self.pair_view.horizontalHeader().setStretchLastSection(False)
        self.pair_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)

        self.disagreement_model = DisagreementModel(self)
        self.disagreement_view = DisagreementView(self.disagreement_model, self)
        self.disagreement_view.setAccessibleName(self.tr("Disagreements"))

        self.notes = QTextBrowser(self)
        self.notes.setAccessibleName(self.tr("How to read this report"))
        self.notes.setOpenExternalLinks(True)
        self.notes.document().setDocumentMargin(12)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.code_view, self.tr("Code &table"))
        self.tabs.addTab(chart_page, self.tr("α c&hart"))
        self.tabs.addTab(self.pair_view, self.tr("Coder &pairs"))
        self.tabs.addTab(self.disagreement_view, self.tr("Disa&greements"))
        self.tabs.addTab(self.notes, self.tr("How to read th&is"))
        self.copy_button = QPushButton(self.tr("Cop&y"), self)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scope_label)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

        self.copy_button.clicked.connect(self.copy_current)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.disagreement_view.post_requested.connect(self.post_requested)
        self.show_report(None)

    @property
    def report(self) -> AgreementReport | None:
        return self._report

    def show_report(self, report: AgreementReport | None) -> None:
        """Show ``report``; ``None`` empties every tab."""
        self._report = report
        rows = report.rows if report is not None else ()
        # The pooled row first: the overall answer before the details.
        ordered = sorted(rows, key=lambda r: r.code_id is not None)  # stable: report order
        self.code_model.set_rows(ordered)
        header = self.code_view.horizontalHeader()
        if header.sortIndicatorSection() >= 0:
            self.code_model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.code_view.resizeColumnsToContents()
        # Long code paths are elided (the tooltip has them whole), so the measures fit.
        self.code_view.setColumnWidth(0, min(self.code_view.columnWidth(0), _CODE_WIDTH))
        self.chart.set_rows(ordered)
        self.pair_model.set_pairs(report.pairwise if report else (),
                                  report.scope.coders if report else ())
        self.pair_view.resizeColumnsToContents()
        self.disagreement_model.set_disagreements(report.disagreements if report else ())
        self.tabs.setTabText(3, self.tr("Disa&greements ({count})").format(
            count=len(report.disagreements) if report else 0))
        self.notes.setHtml(_notes_html(report.notes if report else ()))
        if report is None:
            self.scope_label.setText(self.tr(
                "No report yet: choose what to compare and press Compute."))
        else:
            self.scope_label.setText(text.scope_text(report.scope, _total_units(report)))
        self._on_tabs_current_changed(self.tabs.currentIndex())

    def copy_current(self) -> None:
        """Copy the current tab: a table as tab-separated text, the chart as an image,
        the notes as plain text."""
        clipboard = QApplication.clipboard()
        page = self.tabs.currentWidget()
        if page is self.code_view:
            clipboard.setText(table_tsv(self.code_model))
        elif page is self.pair_view:
            clipboard.setText(table_tsv(self.pair_model, row_headers=True))
        elif page is self.disagreement_view:
            clipboard.setText(table_tsv(self.disagreement_model))
        elif page is self.notes:
            clipboard.setText(self.notes.toPlainText())
        else:
            clipboard.setPixmap(self.chart.grab())

    def _chart_page(self) -> QWidget:
        """The chart in a scroll area under its caption."""
        self.chart = AlphaChart()
        self.chart_caption = QLabel(self.tr(
            "Krippendorff's α per code, pooled row first. Whiskers: bootstrap confidence "
            "interval. Dashed lines: 0.667 (tentative conclusions) and 0.800 (reliable). "
            "Hatched: α undefined, with the reason."), self)
        self.chart_caption.setWordWrap(True)
        self.chart_area = QScrollArea(self)
        self.chart_area.setWidget(self.chart)
        self.chart_area.setWidgetResizable(True)
        self.chart_area.setBackgroundRole(QPalette.ColorRole.Base)
        page = QWidget(self)
        chart_layout = QVBoxLayout(page)
        chart_layout.addWidget(self.chart_caption)
        chart_layout.addWidget(self.chart_area, 1)
        return page

    # Slots

    def _on_tabs_current_changed(self, _index: int) -> None:
        self.copy_button.setEnabled(self._report is not None)
        page = self.tabs.currentWidget()
        tips = {
            self.code_view: self.tr("Copy the table as tab-separated text"),
            self.pair_view: self.tr("Copy the matrix as tab-separated text"),
            self.disagreement_view: self.tr("Copy the list as tab-separated text"),
            self.notes: self.tr("Copy the notes as text"),
        }
        self.copy_button.setToolTip(tips.get(page, self.tr("Copy the chart as an image")))


def _table(model: CodeTableModel | PairMatrixModel, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab moves on to the next control
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _total_units(report: AgreementReport) -> float | None:
    """Units of the pooled row, or of the only row; ``None`` when neither exists."""
    pooled = [r for r in report.rows if r.code_id is None]
    if pooled:
        return pooled[0].units
    return report.rows[0].units if len(report.rows) == 1 else None


def _notes_html(notes: tuple[str, ...]) -> str:
    if not notes:
        return ""
    return "".join(f"<p>{html.escape(note)}</p>" for note in notes)
