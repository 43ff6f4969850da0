"""One editor per post-level variable type; each shows a value and reports the user's edits.

Values are in the core's terms (see ``annotator.core.posts.values``): a level
uuid for single and ordinal variables, a list of level uuids for multiple
choice, ``True``/``False``, a number, or text; ``None`` is "no value".
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QDoubleSpinBox,
    QGridLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.codebook.spec import Level, VariableType
from annotator.core.model import Code

NO_NUMBER = -1e12
"""The spin box minimum, shown as "no value"; real numbers lie above it."""
NUMBER_DECIMALS = 4
SHORT_LEVEL = 16
"""Levels no longer than this many characters are laid out in two columns."""


def level_key(level: Level) -> str:
    """How a stored value names ``level``: its uuid (its name when it has none)."""
    return level.uuid or level.name


class VariableEditor(QWidget):
    """Base of the editors: ``set_value`` shows a value without emitting ``edited``."""

    edited = Signal(object)
    """edited(value: Any): the user changed the value (``None``: no value)."""

    def __init__(self, code: Code, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = code
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        """Report an edit still being typed (only the text editor has one)."""


class ChoiceEditor(VariableEditor):
    """Single and ordinal variables: one radio button per level, in level order."""

    def __init__(self, code: Code, parent: QWidget | None = None) -> None:
        super().__init__(code, parent)
        self.group = QButtonGroup(self)
        self.buttons: list[QRadioButton] = []
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(0)
        columns = 2 if all(len(lv.name) <= SHORT_LEVEL for lv in code.levels) else 1
        rows = -(-len(code.levels) // columns)
        for i, level in enumerate(code.levels):
            button = QRadioButton(level.name, self)
            button.setToolTip(level.description)
            self.group.addButton(button, i)
            self.buttons.append(button)
            # Column by column, so an ordinal scale reads from top to bottom.
            grid.addWidget(button, i % rows, i // rows)
        self._layout.addLayout(grid)
        self.group.buttonClicked.connect(self._on_group_button_clicked)

    def set_value(self, value: Any) -> None:
        self.group.setExclusive(False)  # an exclusive group cannot uncheck its last button
        for button, level in zip(self.buttons, self.code.levels, strict=True):
            button.setChecked(value is not None and value in (level.uuid, level.name))
        self.group.setExclusive(True)

    def _on_group_button_clicked(self, button: QAbstractButton) -> None:
        self.edited.emit(level_key(self.code.levels[self.group.id(button)]))


class MultipleEditor(VariableEditor):
    """Multiple-choice variables: one check box per level."""

    def __init__(self, code: Code, parent: QWidget | None = None) -> None:
        super().__init__(code, parent)
        self.boxes: list[QCheckBox] = []
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(0)
        columns = 2 if all(len(lv.name) <= SHORT_LEVEL for lv in code.levels) else 1
        rows = -(-len(code.levels) // columns)
        for i, level in enumerate(code.levels):
            box = QCheckBox(level.name, self)
            box.setToolTip(level.description)
            box.clicked.connect(self._on_box_clicked)
            self.boxes.append(box)
            grid.addWidget(box, i % rows, i // rows)
        self._layout.addLayout(grid)

    def set_value(self, value: Any) -> None:
        chosen = set(value) if isinstance(value, list | tuple | set) else set()
        for box, level in zip(self.boxes, self.code.levels, strict=True):
            box.setChecked(bool({level.uuid, level.name} & chosen))

    def _on_box_clicked(self) -> None:
        chosen = [level_key(level) for box, level in zip(self.boxes, self.code.levels,
                                                          strict=True) if box.isChecked()]
        self.edited.emit(chosen or None)


class YesNoBox(QCheckBox):
    """A check box whose third, partial state means "not coded"; clicks give yes or no."""

    def nextCheckState(self) -> None:  # Qt override
        checked = self.checkState() != Qt.CheckState.Checked
        self.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


class BooleanEditor(VariableEditor):
    """Yes/no variables: one check box, partly checked while the post has no value."""

    def __init__(self, code: Code, parent: QWidget | None = None) -> None:
        super().__init__(code, parent)
        self.box = YesNoBox(self)
        self.box.setTristate(True)
        self.box.clicked.connect(self._on_box_clicked)
        self._layout.addWidget(self.box)
        self.set_value(None)

    def set_value(self, value: Any) -> None:
        state = (Qt.CheckState.PartiallyChecked if not isinstance(value, bool)
                 else Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
        self.box.setCheckState(state)
        texts = {Qt.CheckState.Checked: self.tr("yes"), Qt.CheckState.Unchecked: self.tr("no"),
                 Qt.CheckState.PartiallyChecked: self.tr("not coded")}
        self.box.setText(texts[state])
        self.box.setToolTip(self.tr("Click for yes, again for no"))

    def _on_box_clicked(self) -> None:
        value = self.box.checkState() == Qt.CheckState.Checked
        self.set_value(value)
        self.edited.emit(value)


class NumberEditor(VariableEditor):
    """Number variables: a spin box whose lowest value reads "no value"."""

    def __init__(self, code: Code, parent: QWidget | None = None) -> None:
        super().__init__(code, parent)
        self.spin = QDoubleSpinBox(self)
        self.spin.setDecimals(NUMBER_DECIMALS)
        self.spin.setRange(NO_NUMBER, -NO_NUMBER)
        self.spin.setSpecialValueText(self.tr("no value"))
        self.spin.setKeyboardTracking(False)  # one edit per Enter or focus change, not per key
        self.spin.setAccelerated(True)
        self.spin.valueChanged.connect(self._on_spin_value_changed)
        self._layout.addWidget(self.spin)
        self.set_value(None)

    def set_value(self, value: Any) -> None:
        number = value if isinstance(value, int | float) and not isinstance(value, bool) else None
        self.spin.blockSignals(True)
        self.spin.setValue(NO_NUMBER if number is None else float(number))
        self.spin.blockSignals(False)

    def _on_spin_value_changed(self, value: float) -> None:
        if value <= NO_NUMBER:
            self.edited.emit(None)
        else:
            self.edited.emit(int(value) if value.is_integer() else value)


class TextEditor(VariableEditor):
    """Text variables: one line, saved when editing finishes (Enter or leaving the field)."""

    def __init__(self, code: Code, parent: QWidget | None = None) -> None:
        super().__init__(code, parent)
        self.line = QLineEdit(self)
        self.line.setClearButtonEnabled(True)
        self.line.setPlaceholderText(self.tr("not coded"))
        self.line.editingFinished.connect(self.commit)
        self._layout.addWidget(self.line)
        self._shown = ""

    def set_value(self, value: Any) -> None:
        self._shown = "" if value is None else str(value)
        self.line.setText(self._shown)

    def commit(self) -> None:
        text = self.line.text().strip()
        if text != self._shown:
            self._shown = text
            self.edited.emit(text or None)


_EDITORS: dict[VariableType, type[VariableEditor]] = {
    VariableType.SINGLE: ChoiceEditor,
    VariableType.ORDINAL: ChoiceEditor,
    VariableType.MULTIPLE: MultipleEditor,
    VariableType.BOOLEAN: BooleanEditor,
    VariableType.NUMBER: NumberEditor,
    VariableType.TEXT: TextEditor,
}


def make_editor(code: Code, parent: QWidget | None = None) -> VariableEditor:
    """The editor for variable ``code`` (text when its type is unknown)."""
    try:
        kind = VariableType(code.variable_type or VariableType.TEXT)
    except ValueError:
        kind = VariableType.TEXT
    return _EDITORS[kind](code, parent)
