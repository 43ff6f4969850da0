"""The codes of the shown post to adjudicate: disagreements first, then the agreed codes.

Each row names the code and its state: open, decided (how, by whom, when) or agreed
(adopted into the gold layer or not yet).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from annotator.core.model import Code
from annotator.core.team.adjudication_items import Action, Decision, Item

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
"""A row's code id."""
AGREED_COLOUR = "#707070"
VISIBLE_ROWS = 6
"""Rows shown without scrolling; the columns below get the rest of the height."""


class ItemList(QListWidget):
    """One row per entry of the shown post; GUI thread only."""

    item_chosen = Signal(object)
    """item_chosen(code_id: int | None): the chosen row changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Codes to adjudicate"))
        self._items: dict[int, Item] = {}
        self.currentItemChanged.connect(self._on_current_item_changed)

    def set_items(self, items: list[Item], codes: Mapping[int, Code],
                  coder_names: Mapping[str, str], keep: int | None) -> None:
        """Show ``items`` (disagreements, then agreed ones), choosing the row of code
        ``keep`` if shown, else the first open one. ``coder_names`` maps uuids to names."""
        ordered = [i for i in items if not i.agreed] + [i for i in items if i.agreed]
        self._items = {i.entry.code_id: i for i in ordered}
        self.blockSignals(True)
        self.clear()
        for item in ordered:
            code = codes.get(item.entry.code_id)
            row = QListWidgetItem(self._label(item, code, coder_names), self)
            row.setData(CODE_ROLE, item.entry.code_id)
            if item.agreed:
                row.setForeground(QBrush(QColor(AGREED_COLOUR)))
            elif not item.decided:
                font = QFont(row.font())
                font.setBold(True)
                row.setFont(font)
        self.blockSignals(False)
        rows = min(max(self.count(), 2), VISIBLE_ROWS)
        row_height = max(self.sizeHintForRow(0), self.fontMetrics().height() + 2)
        self.setFixedHeight(rows * row_height + 2 * self.frameWidth() + 4)
        wanted = keep if keep in self._items else next(
            (i.entry.code_id for i in ordered if not i.agreed and not i.decided),
            ordered[0].entry.code_id if ordered else None)
        self.choose(wanted)

    def choose(self, code_id: int | None) -> None:
        """Choose the row of ``code_id`` (``None``: none) and announce it."""
        for row in range(self.count()):
            if self.item(row).data(CODE_ROLE) == code_id:
                if self.currentRow() == row:
                    self.item_chosen.emit(code_id)
                else:
                    self.setCurrentRow(row)
                return
        self.setCurrentRow(-1)
        self.item_chosen.emit(None)

    def chosen(self) -> Item | None:
        row = self.currentItem()
        return self._items.get(row.data(CODE_ROLE)) if row is not None else None

    def next_open_after(self, code_id: int | None) -> int | None:
        """The next open disagreement after ``code_id`` in the list (``None``: none)."""
        codes = [self.item(r).data(CODE_ROLE) for r in range(self.count())]
        start = codes.index(code_id) + 1 if code_id in codes else 0
        return next((c for c in codes[start:] if not self._items[c].agreed
                     and not self._items[c].decided), None)

    def _on_current_item_changed(self, current: QListWidgetItem | None, *_: object) -> None:
        self.item_chosen.emit(current.data(CODE_ROLE) if current is not None else None)

    def _label(self, item: Item, code: Code | None,
               coder_names: Mapping[str, str]) -> str:
        path = code.path_text if code is not None else self.tr("(deleted code)")
        decision = item.decision
        if item.agreed:
            state = self.tr("agreed, adopted") if decision is not None and decision.seeded \
                else self.tr("agreed") if decision is None else describe(decision, coder_names)
        elif decision is None:
            state = self.tr("open")
        else:
            state = describe(decision, coder_names)
        return f"{path} — {state}"


def describe(decision: Decision, coder_names: Mapping[str, str]) -> str:
    """A decision in a few words: what, from whom, by whom, when (UTC)."""
    sources = " + ".join(coder_names.get(s, "?") for s in decision.sources)
    what = {
        Action.ACCEPT: QCoreApplication.translate("adjudication", "accepted {sources}"),
        Action.ACCEPT_BOTH: QCoreApplication.translate("adjudication", "accepted {sources}"),
        Action.EDIT: QCoreApplication.translate("adjudication", "edited"),
        Action.REJECT: QCoreApplication.translate("adjudication", "rejected"),
    }[decision.action].format(sources=sources)
    if decision.seeded:
        what = QCoreApplication.translate("adjudication", "adopted (all agreed)")
    when = decision.at.strftime("%Y-%m-%d %H:%M")
    return QCoreApplication.translate("adjudication", "{what} by {who}, {when} UTC").format(
        what=what, who=decision.adjudicator, when=when)
