"""The message shown after a REFI-QDA project was imported into a new project."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.core.refi.qdpx_import import QdpxImportReport


def report_box(parent: QWidget | None, report: QdpxImportReport) -> QMessageBox:
    """An information box with the counts; a warning box listing what was left out."""
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("qdpx_report", "REFI-QDA project imported"))
    box.setIcon(QMessageBox.Icon.Warning if report.warnings else QMessageBox.Icon.Information)
    text = QCoreApplication.translate(
        "qdpx_report", "Imported {texts} text(s) as posts, {codes} code(s), {coders} coder(s) "
        "and {selections} coded segment(s) from “{name}”.").format(
        texts=report.sources, codes=report.codes, coders=report.users,
        selections=report.selections, name=report.path.name)
    if report.origin:
        text += " " + QCoreApplication.translate(
            "qdpx_report", "It was made by {origin}.").format(origin=report.origin)
    if report.warnings:
        text += "\n\n" + "\n".join(f"• {warning}" for warning in report.warnings)
    box.setText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def show_qdpx_report(parent: QWidget | None, report: QdpxImportReport) -> None:
    report_box(parent, report).exec()
