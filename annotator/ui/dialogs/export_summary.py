"""The message shown after a successful export, with buttons to open what was written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from annotator.core.export.options import ExportFormat
from annotator.core.export.service import ExportSummary


def summary_text(summary: ExportSummary) -> str:
    """Where the export went, and how many rows its main tables hold."""
    if summary.format is ExportFormat.CSV:
        text = QCoreApplication.translate(
            "export_summary", "{count} CSV file(s) were saved in “{path}”.").format(
            count=len(summary.files), path=summary.path)
    else:
        text = QCoreApplication.translate(
            "export_summary", "The export was saved as “{path}”.").format(path=summary.path)
    rows = "; ".join(f"{name}: {count:,}" for name, count in summary.rows.items())
    if rows:
        text += "\n" + QCoreApplication.translate("export_summary", "Rows: {rows}.").format(
            rows=rows)
    return text


def remarks(summary: ExportSummary) -> str:
    """The summary's notes and warnings, one per line (empty when there are none)."""
    lines = list(summary.notes)
    lines += [QCoreApplication.translate("export_summary", "Not exported: {warning}").format(
        warning=w) for w in summary.warnings]
    return "\n".join(f"• {line}" for line in lines)


class ExportSummaryBox(QMessageBox):
    """Says where the export went, lists its notes and warnings, and offers to open it.

    After ``exec()``, :meth:`follow_up` opens the file (or CSV folder) or the folder
    holding it when the user pressed one of those buttons.
    """

    def __init__(self, summary: ExportSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = summary
        self.setWindowTitle(self.tr("Export finished"))
        self.setIcon(QMessageBox.Icon.Warning if summary.warnings
                     else QMessageBox.Icon.Information)
        notes = remarks(summary)
        self.setText(summary_text(summary) + ("\n\n" + notes if notes else ""))
        folder = summary.format is ExportFormat.CSV
        self.open_button: QPushButton = self.addButton(
            self.tr("&Open folder") if folder else self.tr("&Open file"),
            QMessageBox.ButtonRole.ActionRole)
        self.folder_button: QPushButton = self.addButton(
            self.tr("&Show in folder"), QMessageBox.ButtonRole.ActionRole)
        self.close_button = self.addButton(QMessageBox.StandardButton.Close)
        self.setDefaultButton(self.close_button)
        self.setEscapeButton(self.close_button)

    def target(self) -> Path | None:
        """What the button pressed asks to open, or ``None``."""
        clicked = self.clickedButton()
        if clicked is self.open_button:
            return self.summary.path
        if clicked is self.folder_button:
            return self.summary.path.parent
        return None

    def follow_up(self) -> None:
        """Open :meth:`target` with the desktop's default application, if any."""
        target = self.target()
        if target is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))


def show_export_summary(parent: QWidget | None, summary: ExportSummary) -> ExportSummaryBox:
    """Show the summary modally and open what the user asked for; returns the box."""
    box = ExportSummaryBox(summary, parent)
    box.exec()
    box.follow_up()
    return box
