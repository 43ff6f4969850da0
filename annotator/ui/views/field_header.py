"""A table header with a drop-down under each column's name (the mapping dialog's columns)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QComboBox, QHeaderView, QWidget

_MARGIN = 2


class FieldHeader(QHeaderView):
    """A horizontal header whose sections show the column name above a widget (a combo box).

    The widgets are children of the header's viewport, so they scroll with it; they are
    placed again whenever a section moves or changes size. Section ``i`` gets
    ``widgets[i]``; sections are never narrower than their widget's minimum.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._widgets: list[QComboBox] = []
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setSectionsClickable(False)
        self.setHighlightSections(False)
        self.sectionResized.connect(self._on_header_section_resized)

    def set_widgets(self, widgets: Sequence[QComboBox]) -> None:
        """Put ``widgets`` under the sections, replacing (and deleting) the previous ones."""
        for old in self._widgets:
            old.hide()
            old.deleteLater()
        self._widgets = list(widgets)
        for widget in self._widgets:
            widget.setParent(self.viewport())
            widget.show()
        self.setMinimumSectionSize(self._widget_width())
        self.updateGeometry()
        self._place()

    def widgets(self) -> list[QComboBox]:
        return list(self._widgets)

    # Qt overrides

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        label = self.fontMetrics().height() + 2 * _MARGIN + 4
        return QSize(hint.width(), label + self._widget_height() + 2 * _MARGIN)

    def updateGeometries(self) -> None:
        super().updateGeometries()
        self._place()

    # Slots

    def _on_header_section_resized(self, _index: int, _old: int, _new: int) -> None:
        self._place()

    def _place(self) -> None:
        height = self._widget_height()
        top = self.height() - height - _MARGIN
        for index, widget in enumerate(self._widgets):
            if index >= self.count() or self.isSectionHidden(index):
                widget.hide()
                continue
            x = self.sectionViewportPosition(index)
            widget.setGeometry(x + _MARGIN, top, self.sectionSize(index) - 2 * _MARGIN, height)
            widget.show()

    def _widget_height(self) -> int:
        return max((w.sizeHint().height() for w in self._widgets), default=0)

    def _widget_width(self) -> int:
        return max((w.minimumSizeHint().width() for w in self._widgets), default=40) \
            + 2 * _MARGIN
