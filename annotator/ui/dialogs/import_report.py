"""The message shown after a successful import."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.core.importers.report import ImportReport


def summary(reports: Sequence[ImportReport]) -> str:
    """One readable paragraph: posts added, duplicates skipped, warnings."""
    added = sum(r.added for r in reports)
    duplicates = sum(r.duplicates for r in reports)
    warnings = sum(len(r.warnings) for r in reports)
    text = QCoreApplication.translate(
        "import_report", "Imported {files} file(s): {added} post(s) added, {duplicates} "
        "duplicate(s) skipped.").format(files=len(reports), added=added, duplicates=duplicates)
    if warnings:
        text += " " + QCoreApplication.translate(
            "import_report", "{count} warning(s); see the details.").format(count=warnings)
    return text


def report_box(parent: QWidget | None, reports: Sequence[ImportReport]) -> QMessageBox:
    """An information box with the summary, and every report line (warnings too) as details."""
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("import_report", "Import finished"))
    has_warnings = any(r.warnings for r in reports)
    box.setIcon(QMessageBox.Icon.Warning if has_warnings else QMessageBox.Icon.Information)
    box.setText(summary(reports))
    box.setDetailedText("\n\n".join("\n".join(r.lines()) for r in reports))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def show_import_report(parent: QWidget | None, reports: Sequence[ImportReport]) -> None:
    report_box(parent, reports).exec()
