"""The questions coding asks, each a modal dialog.

Kept apart so that tests (and scripts) can answer them without blocking:
replace ``CodingActions.prompts`` with a subclass that returns values.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QWidget

from annotator.core.model import Annotation
from annotator.ui.code_summary import clip


class CodingPrompts:
    """Asks the user; every method returns ``None`` when cancelled."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent

    def memo(self, annotation: Annotation, code_path: str) -> str | None:
        """The new memo of ``annotation`` (empty to remove it)."""
        text, ok = QInputDialog.getMultiLineText(
            self._parent, QCoreApplication.translate("CodingPrompts", "Memo"),
            QCoreApplication.translate("CodingPrompts", "Memo on “{quote}” ({code}):").format(
                quote=clip(annotation.quote, 60), code=code_path),
            annotation.memo)
        return text.strip() if ok else None
