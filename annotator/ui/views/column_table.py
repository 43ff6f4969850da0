"""The first rows of a table with a drop-down under each header: which post field it feeds."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QTableView, QWidget

from annotator.core.importers.mapping import Mapping, field_descriptions
from annotator.core.importers.table_posts import TablePreview
from annotator.ui.column_assignment import CHOICES, IGNORED, METADATA, ColumnAssignment
from annotator.ui.models.table_preview import TablePreviewModel
from annotator.ui.views.field_header import FieldHeader

MAX_COLUMN_WIDTH = 260
COMBO_CHARS = 11
"""Drop-downs are this many characters wide at least (the longest field name fits)."""


def compact_rows(view: QTableView) -> None:
    """One line of text per row, at a fixed height (rows are never measured)."""
    vertical = view.verticalHeader()
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(view.fontMetrics().height() + 8)


class ColumnTable(QTableView):
    """Shows a :class:`TablePreview` and keeps a :class:`ColumnAssignment` of its headers."""

    choice_changed = Signal(str, str)
    """choice_changed(header: str, choice: str): the user chose ``choice`` (a field,
    METADATA or IGNORED) for the column ``header``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview_model = TablePreviewModel(self)
        self.field_header = FieldHeader(self)
        self.setHorizontalHeader(self.field_header)
        self.setModel(self.preview_model)
        self.setWordWrap(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        compact_rows(self)
        self.assignment: ColumnAssignment | None = None
        self._descriptions = field_descriptions()

    def show_table(self, preview: TablePreview | None, base: Mapping | None) -> None:
        """Show ``preview`` (``None``: nothing) with choices read from ``base``."""
        self.preview_model.set_preview(preview)
        if preview is None:
            self.assignment = None
            self.field_header.set_widgets([])
            return
        self.assignment = ColumnAssignment.start(preview.headers, base)
        assignment = self.assignment
        self.field_header.set_widgets([self._combo(h, assignment.choice(h))
                                       for h in preview.headers])
        self.resizeColumnsToContents()
        for column in range(self.preview_model.columnCount()):
            self.setColumnWidth(column, min(self.columnWidth(column), MAX_COLUMN_WIDTH))

    def headers(self) -> tuple[str, ...]:
        return self.preview_model.headers()

    def field_combo(self, header: str) -> QComboBox:
        """The drop-down under the column ``header``."""
        return self.field_header.widgets()[self.headers().index(header)]

    def set_field(self, header: str, choice: str) -> None:
        """Choose ``choice`` for ``header`` through its drop-down, as the user would."""
        self.field_combo(header).setCurrentIndex(CHOICES.index(choice))

    def _on_field_combo_changed(self, header: str, index: int) -> None:
        if self.assignment is None or not 0 <= index < len(CHOICES):
            return
        self.assignment.set_choice(header, CHOICES[index])
        combo = self.field_combo(header)
        combo.setToolTip(self._tip(CHOICES[index]))
        self._emphasise(combo, CHOICES[index])
        self.choice_changed.emit(header, CHOICES[index])

    def _combo(self, header: str, choice: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(f"field:{header}")
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(COMBO_CHARS)
        for item in CHOICES:
            combo.addItem(self._text(item), item)
            combo.setItemData(combo.count() - 1, self._tip(item), Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(CHOICES.index(choice))
        combo.setToolTip(self._tip(choice))
        self._emphasise(combo, choice)
        combo.currentIndexChanged.connect(partial(self._on_field_combo_changed, header))
        return combo

    def _text(self, choice: str) -> str:
        if choice == METADATA:
            return self.tr("— metadata —")
        if choice == IGNORED:
            return self.tr("— ignored —")
        return choice

    def _tip(self, choice: str) -> str:
        if choice == METADATA:
            return self.tr("Not a post field: stored with each post as metadata under the "
                           "column's name.")
        if choice == IGNORED:
            return self.tr("Left out of the import.")
        return self._descriptions.get(choice, "")

    @staticmethod
    def _emphasise(combo: QComboBox, choice: str) -> None:
        """Columns that feed a field stand out in bold from metadata and ignored ones."""
        font = combo.font()
        font.setBold(choice not in (METADATA, IGNORED))
        combo.setFont(font)
