"""The agreement window: options on the left, the report on the right, computed off the GUI thread.

Compute hands :func:`~annotator.core.agreement_service.agreement_report` to a
:class:`~annotator.ui.background.BackgroundReads` (the report only reads the project),
so the window and the main window stay responsive. Cancel sets the core's token and
silences the run at once; the report shown before stays, and the scope line always
describes the report shown, not the options being edited.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from annotator.core.agreement.options import ReportOptions
from annotator.core.agreement.report import AgreementReport
from annotator.core.agreement_service import agreement_report
from annotator.core.progress import Cancelled
from annotator.core.project import Project
from annotator.ui.agreement.options_panel import OptionsPanel
from annotator.ui.agreement.report_view import ReportView
from annotator.ui.background import BackgroundReads
from annotator.ui.errors import show_error

_KEY = "report"


class AgreementWindow(QWidget):
    """A separate window over one project at a time; hidden, not deleted, when closed."""

    post_requested = Signal(int, object)
    """post_requested(post_id: int, start: int | None): open a disagreement's post."""

    computation_finished = Signal(object)
    """computation_finished(result: AgreementReport | BaseException): a run ended and its
    report is shown, or its error was shown (Cancelled when the run was cancelled)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Agreement"))
        self._project: Project | None = None
        self._running: ReportOptions | None = None
        self._shown: ReportOptions | None = None
        """The options of the report shown (``None`` when none, or not computed here)."""
        self.reads = BackgroundReads(self)
        self.options = OptionsPanel(self)
        self.report_view = ReportView(self)
        self.compute_button = QPushButton(self.tr("&Compute"), self)
        self.compute_button.setToolTip(self.tr("Compute the report (Ctrl+Return)"))
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setToolTip(self.tr("Stop the computation (Esc)"))
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self._layout()

        QShortcut(QKeySequence("Ctrl+Return"), self, self.compute)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.compute)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self._on_escape)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        self.compute_button.clicked.connect(self.compute)
        self.cancel_button.clicked.connect(self.cancel)
        self.options.changed.connect(self._on_options_changed)
        self.report_view.post_requested.connect(self.post_requested)
        self.reads.progressed.connect(self._on_reads_progressed)
        self.reads.succeeded.connect(self._on_reads_succeeded)
        self.reads.failed.connect(self._on_reads_failed)
        self._set_busy(False)

    @property
    def project(self) -> Project | None:
        return self._project

    def set_project(self, project: Project | None) -> None:
        """Work on ``project`` (cancelling a run on the previous one and waiting for it to
        stop, as its project may be closing); clears the report."""
        self.reads.cancel(_KEY)
        self.reads.pool.waitForDone()
        self._project = project
        self.options.set_project(project)
        self._shown = None
        self.report_view.show_report(None)
        self.setWindowTitle(self.tr("Agreement — {name}").format(name=project.path.name)
                            if project is not None else self.tr("Agreement"))
        self._set_busy(False)
        self.status_label.clear()

    def busy(self) -> bool:
        return self.reads.busy(_KEY)

    def compute(self) -> bool:
        """Start computing the report for the chosen options; returns whether it started."""
        project = self._project
        if project is None or self.busy():
            return False
        problem = self.options.problem()
        if problem is not None:
            self.status_label.setText(problem)
            return False
        self._running = self.options.options()
        self.reads.run(_KEY, partial(agreement_report, project, self._running))
        self._set_busy(True)
        self.status_label.setText(self.tr("Computing…"))
        return True

    def cancel(self) -> None:
        """Stop the running computation; the report shown before (if any) stays."""
        if not self.busy():
            return
        self.reads.cancel(_KEY)
        self._set_busy(False)
        self.status_label.setText(self.tr("Cancelled. The report shown (if any) is the "
                                          "previous one."))
        self.computation_finished.emit(Cancelled())

    def show_report(self, report: AgreementReport | None) -> None:
        """Show ``report`` (computed elsewhere) as it is."""
        self._shown = None
        self.report_view.show_report(report)

    def coding_changed(self) -> None:
        """Say that the report shown may be out of date (the project's coding changed)."""
        if self.report_view.report is not None and not self.busy():
            self.status_label.setText(self.tr(
                "The coding changed since this report: press Compute to update it."))

    def shutdown(self) -> None:
        """Cancel any run and wait for the worker (before the project is closed)."""
        self.reads.shutdown()

    # Qt overrides

    def closeEvent(self, event: QCloseEvent) -> None:
        self.cancel()
        super().closeEvent(event)

    # Slots

    def _on_escape(self) -> None:
        if self.busy():
            self.cancel()
        else:
            self.close()

    def _on_options_changed(self) -> None:
        shown = self._shown
        if shown is None or self.busy() or self.options.problem() is not None:
            return
        changed = self.tr("The options changed: press Compute to update the report.")
        if self.options.options() != shown:
            self.status_label.setText(changed)
        elif self.status_label.text() == changed:  # changed back to what is shown
            self.status_label.setText(self.tr("The report shown matches these options."))

    def _on_reads_progressed(self, _key: str, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _on_reads_succeeded(self, _key: str, report: object) -> None:
        self._set_busy(False)
        assert isinstance(report, AgreementReport)
        self.report_view.show_report(report)
        self._shown = self._running
        self.status_label.setText(self.tr("Computed: {rows} rows, {count} disagreements.").format(
            rows=len(report.rows), count=len(report.disagreements)))
        self.computation_finished.emit(report)

    def _on_reads_failed(self, _key: str, error: object) -> None:
        self._set_busy(False)
        assert isinstance(error, BaseException)
        if isinstance(error, Cancelled):
            self.status_label.setText(self.tr("Cancelled."))
        else:
            self.status_label.setText(self.tr("The report could not be computed."))
            show_error(self, error)
        self.computation_finished.emit(error)

    # Internals

    def _set_busy(self, busy: bool) -> None:
        self.options.setEnabled(not busy)
        self.compute_button.setEnabled(not busy and self._project is not None)
        self.cancel_button.setEnabled(busy)
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)  # "working" until the first progress report

    def _layout(self) -> None:
        scroll = QScrollArea(self)
        scroll.setWidget(self.options)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        buttons = QHBoxLayout()
        buttons.addWidget(self.compute_button)
        buttons.addWidget(self.cancel_button)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(scroll, 1)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.progress)
        left_layout.addWidget(self.status_label)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.report_view)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        # As wide as the options need (their texts are longer in some languages).
        needed = (self.options.minimumSizeHint().width()
                  + scroll.verticalScrollBar().sizeHint().width()
                  + left_layout.contentsMargins().left() + left_layout.contentsMargins().right())
        self.splitter.setSizes([max(280, needed), 1000])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self.resize(1280, 760)
