"""The definition panel: everything a coder needs to know about one code, read-only.

It follows the codebook tree's current code and, while coding, the code under
the cursor (:meth:`DefinitionPanel.show_code`).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from annotator.core.changes import Changes
from annotator.core.errors import NotFound
from annotator.core.model import Code
from annotator.core.project import Project
from annotator.ui import code_summary
from annotator.ui.views.highlighter import FALLBACK_COLOUR


class DefinitionPanel(QWidget):
    """Shows the definition of one code of the current project. GUI thread only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._project: Project | None = None
        self._code: Code | None = None
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setPlaceholderText(self.tr("Select a code to see its definition."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.browser)

    def sizeHint(self) -> QSize:  # Qt override: the dock's width before any saved layout
        return QSize(320, 260)

    @property
    def code(self) -> Code | None:
        return self._code

    def set_project(self, project: Project | None) -> None:
        self._project = project
        self.show_code(None)

    def show_code(self, code_id: int | None) -> None:
        """Show the definition of ``code_id`` of the current project, or nothing."""
        code = None
        if self._project is not None and code_id is not None:
            try:
                code = self._project.codes.get(code_id)
            except NotFound:
                code = None
        self._code = code
        if code is None:
            self.browser.clear()
        else:
            self.browser.setHtml(self._html(code))

    def refresh(self, changes: Changes) -> None:
        """Re-read the shown code when ``changes`` may have touched it."""
        if self._code is not None and (changes.structure or changes.codes):
            self.show_code(self._code.id)

    def text(self) -> str:
        """What the panel shows, as plain text."""
        return self.browser.toPlainText()

    def _html(self, code: Code) -> str:
        colour = code.colour or FALLBACK_COLOUR
        facts = [code_summary.kind_text(code)]
        facts.append(self.tr("key {key}").format(key=code.shortcut) if code.shortcut
                     else self.tr("no key"))
        facts.append(code.colour or self.tr("no colour"))
        parts = [
            f"<h3><span style='color:{colour}'>&#9632;</span> {escape(code.path_text)}</h3>",
            f"<p><i>{escape(' · '.join(facts))}</i></p>",
        ]
        parts += _section(self.tr("Description"), code.description)
        parts += _section(self.tr("Include when"), code.inclusion)
        parts += _section(self.tr("Exclude when"), code.exclusion)
        parts += _items(self.tr("Examples"), code.examples)
        parts += _items(self.tr("Levels"), [
            f"{level.name} — {level.description}" if level.description else level.name
            for level in code.levels])
        parts += _section(self.tr("Memo"), code.memo)
        if not (code.description or code.inclusion or code.exclusion or code.examples):
            empty = escape(self.tr("No definition yet."))  # outside the f-string for lupdate
            parts.append(f"<p><i>{empty}</i></p>")
        return "".join(parts)


def _section(title: str, text: str) -> list[str]:
    if not text:
        return []
    body = escape(text).replace("\n", "<br>")
    return [f"<p><b>{escape(title)}</b><br>{body}</p>"]


def _items(title: str, items: list[str] | tuple[str, ...]) -> list[str]:
    if not items:
        return []
    listed = "".join(f"<li>{escape(item)}</li>" for item in items)
    return [f"<p><b>{escape(title)}</b></p><ul style='margin-top:0'>{listed}</ul>"]
