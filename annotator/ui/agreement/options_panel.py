"""The agreement options: unit, coders, codes, codebook version, threshold and resampling.

The panel reads the project's coders and codebook once per :meth:`OptionsPanel.set_project`
and turns the user's choices into a :class:`ReportOptions`. "Everyone" and "every code"
become ``None``, so the report says "every coder who finished a post" rather than a list
frozen when the panel was filled. The adjudicated (gold) layer is listed last, unchecked
until chosen, so that a supervisor can compare it with each coder; "everyone" means every
person, without it. The unit, threshold and resampling choices outlive a
project change; coders and codes do not (their ids belong to one project).
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from annotator.core.agreement.options import ReportOptions
from annotator.core.agreement.report import UnitKind
from annotator.core.agreement.variable_units import comparable
from annotator.core.model import Code, PostStatus
from annotator.core.project import Project
from annotator.ui.agreement import report_text as text

_ID = Qt.ItemDataRole.UserRole
_GOLD = Qt.ItemDataRole.UserRole + 1
"""Whether a coder row is the adjudicated (gold) layer."""
_MAX_SEED = 2**31 - 1
CONFIDENCE_LEVELS = (0.90, 0.95, 0.99)
_CODER_ROWS = 6
"""Coders shown without scrolling; the codes get the rest of the height."""


class OptionsPanel(QWidget):
    """Choices for one agreement report; GUI thread only."""

    changed = Signal()
    """changed(): any choice changed (the shown report may no longer match the options)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._project: Project | None = None
        self._codes: list[Code] = []
        self._checked: dict[int, bool] = {}
        """Code id -> checked, kept while the unit changes (absent: checked)."""
        self.unit_combo = QComboBox(self)
        for unit in UnitKind:
            self.unit_combo.addItem(text.unit_name(unit), str(unit))
        self.unit_help = QLabel(self)
        self.unit_help.setWordWrap(True)
        self.unit_help.setTextFormat(Qt.TextFormat.PlainText)

        self.coder_list = QListWidget(self)
        self.coder_list.setAccessibleName(self.tr("Coders to compare"))
        self.coder_hint = QLabel(self)
        self.coder_hint.setWordWrap(True)

        self.code_tree = QTreeWidget(self)
        self.code_tree.setHeaderHidden(True)
        self.code_tree.setAccessibleName(self.tr("Codes to compare"))
        self.all_codes_button = QPushButton(self.tr("&All"), self)
        self.no_codes_button = QPushButton(self.tr("N&one"), self)

        self.version_combo = QComboBox(self)
        self.threshold_spin = QDoubleSpinBox(self)
        self.threshold_spin.setRange(0.05, 1.0)
        self.threshold_spin.setSingleStep(0.05)
        self.threshold_spin.setDecimals(2)
        self.threshold_spin.setValue(ReportOptions.threshold)
        self.threshold_spin.setToolTip(self.tr(
            "Two segments of different coders match when their overlap divided by their "
            "union (the Jaccard index) reaches this value."))

        self._make_advanced()
        self._layout()

        self.unit_combo.currentIndexChanged.connect(self._on_unit_combo_changed)
        self.coder_list.itemChanged.connect(self._on_coder_list_item_changed)
        self.code_tree.itemChanged.connect(self._on_code_tree_item_changed)
        self.all_codes_button.clicked.connect(self._on_all_codes_clicked)
        self.no_codes_button.clicked.connect(self._on_no_codes_clicked)
        self.advanced_button.toggled.connect(self._on_advanced_toggled)
        for combo in (self.version_combo, self.confidence_combo):
            combo.currentIndexChanged.connect(self._on_choice_changed)
        for spin in (self.threshold_spin, self.resamples_spin, self.seed_spin):
            spin.valueChanged.connect(self._on_choice_changed)
        self.set_project(None)

    # Project and choices

    def set_project(self, project: Project | None) -> None:
        """Offer ``project``'s coders, codes and codebook versions, everything chosen."""
        self._project = project
        self._checked = {}
        self._fill(unchecked=set(), version=None)

    def refresh(self) -> None:
        """Re-read the project's coders, codes and versions, keeping the choices made;
        coders and codes that are new come checked."""
        if self._project is None:
            return
        unchecked = {int(item.data(_ID)) for item in self._coder_items()
                     if item.checkState() != Qt.CheckState.Checked}
        gold = {int(item.data(_ID)) for item in self._coder_items()
                if item.data(_GOLD) and item.checkState() == Qt.CheckState.Checked}
        self._fill(unchecked, self.version_combo.currentData(), gold)

    def unit(self) -> UnitKind:
        return UnitKind(self.unit_combo.currentData())

    def set_unit(self, unit: UnitKind) -> None:
        self.unit_combo.setCurrentIndex(self.unit_combo.findData(str(unit)))

    def checked_coders(self) -> list[int]:
        return [int(item.data(_ID)) for item in self._coder_items()
                if item.checkState() == Qt.CheckState.Checked]

    def set_checked_coders(self, coder_ids: set[int]) -> None:
        for item in self._coder_items():
            item.setCheckState(Qt.CheckState.Checked if int(item.data(_ID)) in coder_ids
                               else Qt.CheckState.Unchecked)

    def checked_codes(self) -> list[int]:
        """The checked codes that the unit applies to, in tree order."""
        return [int(item.data(0, _ID)) for item in self._code_items()
                if item.checkState(0) == Qt.CheckState.Checked]

    def set_checked_codes(self, code_ids: set[int]) -> None:
        """Check exactly ``code_ids`` among the codes shown (the others keep their state)."""
        self.code_tree.blockSignals(True)
        for item in self._code_items():
            code_id = int(item.data(0, _ID))
            self._checked[code_id] = code_id in code_ids
            item.setCheckState(0, Qt.CheckState.Checked if code_id in code_ids
                               else Qt.CheckState.Unchecked)
        self.code_tree.blockSignals(False)
        self._choice_changed()

    def problem(self) -> str | None:
        """Why no report can be computed with these choices, or ``None``."""
        if len(self.checked_coders()) < 2:
            return self.tr("Choose at least two coders.")
        if not self.checked_codes():
            if self.unit() is UnitKind.VARIABLE:
                return self.tr("Choose at least one post variable with categories.")
            return self.tr("Choose at least one span code.")
        return None

    def options(self) -> ReportOptions:
        """The chosen options; call only when :meth:`problem` is ``None``."""
        coders = self.checked_coders()
        codes = self.checked_codes()
        shown = sum(1 for _item in self._code_items())
        people = {int(item.data(_ID)) for item in self._coder_items() if not item.data(_GOLD)}
        return ReportOptions(
            unit=self.unit(),
            coders=None if set(coders) == people else tuple(coders),
            codes=None if len(codes) == shown else tuple(codes),
            codebook_version=self.version_combo.currentData(),
            threshold=self.threshold_spin.value(),
            resamples=self.resamples_spin.value(),
            seed=self.seed_spin.value(),
            confidence=float(self.confidence_combo.currentData()),
        )

    def state(self) -> ReportOptions:
        """The choices worth remembering between sessions: unit, threshold and resampling
        (coders, codes and version belong to one project and stay ``None``)."""
        return ReportOptions(
            unit=self.unit(),
            threshold=self.threshold_spin.value(),
            resamples=self.resamples_spin.value(),
            seed=self.seed_spin.value(),
            confidence=float(self.confidence_combo.currentData()),
        )

    def restore(self, state: ReportOptions) -> None:
        """Choose ``state``'s unit, threshold and resampling (values out of the widgets'
        ranges are clamped; an unknown confidence level keeps the current one)."""
        self.set_unit(state.unit)
        self.threshold_spin.setValue(state.threshold)
        self.resamples_spin.setValue(state.resamples)
        self.seed_spin.setValue(state.seed)
        index = self.confidence_combo.findData(state.confidence)
        if index >= 0:
            self.confidence_combo.setCurrentIndex(index)

    # Slots

    def _on_unit_combo_changed(self, _index: int = 0) -> None:
        unit = self.unit()
        self.unit_help.setText(text.unit_explanation(unit))
        self.threshold_spin.setEnabled(unit is UnitKind.SEGMENT)
        self._fill_codes()
        self._choice_changed()

    def _on_coder_list_item_changed(self, _item: QListWidgetItem) -> None:
        self._choice_changed()

    def _on_code_tree_item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        self._checked[int(item.data(0, _ID))] = item.checkState(0) == Qt.CheckState.Checked
        self._choice_changed()

    def _on_all_codes_clicked(self) -> None:
        self.set_checked_codes({int(item.data(0, _ID)) for item in self._code_items()})

    def _on_no_codes_clicked(self) -> None:
        self.set_checked_codes(set())

    def _on_advanced_toggled(self, shown: bool) -> None:
        self.advanced_box.setVisible(shown)
        self.advanced_button.setArrowType(Qt.ArrowType.DownArrow if shown
                                          else Qt.ArrowType.RightArrow)

    def _on_choice_changed(self) -> None:
        self._choice_changed()

    # Internals

    def _choice_changed(self) -> None:
        problem = self.problem() if self.coder_list.count() else self.tr(
            "No coders yet: agreement needs posts finished by two or more coders.")
        self.coder_hint.setText(problem or "")
        self.coder_hint.setVisible(bool(problem))
        self.changed.emit()

    def _fill(self, unchecked: set[int], version: int | None,
              checked_gold: set[int] | None = None) -> None:
        project = self._project
        self.coder_list.blockSignals(True)
        self.coder_list.clear()
        for name, coder_id, done, gold in _coders(project):
            label = (self.tr("Adjudicated (gold) ({done} posts complete)") if gold
                     else self.tr("{name} ({done} posts done)")).format(name=name, done=done)
            item = QListWidgetItem(label, self.coder_list)
            item.setData(_ID, coder_id)
            item.setData(_GOLD, gold)
            if gold:
                item.setToolTip(self.tr("The adjudicated layer ({name}); choose it with a "
                                        "coder to see how far that coder's work stands from "
                                        "the settled version").format(name=name))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            chosen = coder_id in (checked_gold or set()) if gold else coder_id not in unchecked
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
        self.coder_list.blockSignals(False)
        shown = min(max(self.coder_list.count(), 2), _CODER_ROWS)
        row = max(self.coder_list.sizeHintForRow(0), self.fontMetrics().height() + 4)
        self.coder_list.setMaximumHeight(shown * row + 2 * self.coder_list.frameWidth() + 4)
        self._codes = project.codes.list() if project is not None else []
        self.version_combo.blockSignals(True)
        self.version_combo.clear()
        self.version_combo.addItem(self.tr("All versions"), None)
        current = project.codes.version() if project is not None else 0
        for number in range(current, 0, -1):
            label = (self.tr("Version {n} (current)") if number == current
                     else self.tr("Version {n}")).format(n=number)
            self.version_combo.addItem(label, number)
        self.version_combo.setCurrentIndex(max(0, self.version_combo.findData(version)))
        self.version_combo.blockSignals(False)
        self._on_unit_combo_changed()

    def _fill_codes(self) -> None:
        """Show the codes the unit applies to: the span codes as their tree, or the
        variables with categories as a list of paths (variables may sit in span groups)."""
        variable = self.unit() is UnitKind.VARIABLE
        self.code_tree.blockSignals(True)
        self.code_tree.clear()
        items: dict[int, QTreeWidgetItem] = {}
        for code in self._codes:  # tree order: parents come first
            if variable != code.is_variable or (variable and not comparable(code)):
                continue
            parent = items.get(code.parent_id) if code.parent_id is not None else None
            item = QTreeWidgetItem(parent) if parent is not None else QTreeWidgetItem(
                self.code_tree)
            item.setText(0, code.path_text if variable else code.name)
            item.setToolTip(0, code.path_text)
            item.setData(0, _ID, code.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked if self._checked.get(code.id, True)
                               else Qt.CheckState.Unchecked)
            items[code.id] = item
        self.code_tree.expandAll()
        self.code_tree.blockSignals(False)

    def _coder_items(self) -> Iterator[QListWidgetItem]:
        for row in range(self.coder_list.count()):
            item = self.coder_list.item(row)
            if item is not None:
                yield item

    def _code_items(self) -> Iterator[QTreeWidgetItem]:
        iterator = QTreeWidgetItemIterator(self.code_tree)
        while iterator.value() is not None:
            yield iterator.value()
            iterator += 1

    def _make_advanced(self) -> None:
        """The resampling choices, folded away under the "Advanced" button."""
        self.advanced_button = QToolButton(self)
        self.advanced_button.setText(self.tr("Advanc&ed"))
        self.advanced_button.setCheckable(True)
        self.advanced_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_button.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced_box = QWidget(self)
        self.resamples_spin = QSpinBox(self.advanced_box)
        self.resamples_spin.setRange(0, 100_000)
        self.resamples_spin.setSingleStep(500)
        self.resamples_spin.setValue(ReportOptions.resamples)
        self.resamples_spin.setSpecialValueText(self.tr("none (no intervals)"))
        self.resamples_spin.setToolTip(self.tr(
            "Bootstrap resamples of the units for the confidence intervals of alpha and "
            "kappa; more are steadier and slower."))
        self.seed_spin = QSpinBox(self.advanced_box)
        self.seed_spin.setRange(0, _MAX_SEED)
        self.seed_spin.setValue(ReportOptions.seed)
        self.seed_spin.setToolTip(self.tr("The same seed gives the same intervals again."))
        self.confidence_combo = QComboBox(self.advanced_box)
        for level in CONFIDENCE_LEVELS:
            self.confidence_combo.addItem(f"{100 * level:g} %", level)
        self.confidence_combo.setCurrentIndex(CONFIDENCE_LEVELS.index(ReportOptions.confidence))

    def _layout(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Unit:"), self.unit_combo)
        form.addRow(self.unit_help)
        coders = QGroupBox(self.tr("C&oders"), self)
        coder_layout = QVBoxLayout(coders)
        coder_layout.addWidget(self.coder_list)
        coder_layout.addWidget(self.coder_hint)
        codes = QGroupBox(self.tr("Co&des"), self)
        code_layout = QVBoxLayout(codes)
        code_layout.addWidget(self.code_tree)
        buttons = QHBoxLayout()
        buttons.addWidget(self.all_codes_button)
        buttons.addWidget(self.no_codes_button)
        buttons.addStretch(1)
        code_layout.addLayout(buttons)
        lower = QFormLayout()
        lower.addRow(self.tr("Codebook &version:"), self.version_combo)
        lower.addRow(self.tr("&Jaccard threshold:"), self.threshold_spin)
        advanced = QFormLayout(self.advanced_box)
        advanced.setContentsMargins(12, 0, 0, 0)
        advanced.addRow(self.tr("&Resamples:"), self.resamples_spin)
        advanced.addRow(self.tr("&Seed:"), self.seed_spin)
        advanced.addRow(self.tr("Confidence &level:"), self.confidence_combo)
        self.advanced_box.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(coders)
        layout.addWidget(codes, 1)
        layout.addLayout(lower)
        layout.addWidget(self.advanced_button)
        layout.addWidget(self.advanced_box)


def _coders(project: Project | None) -> list[tuple[str, int, int, bool]]:
    """(name, id, posts done, is gold) of every coder of ``project``: the people by name,
    then the adjudicated layer if there is one."""
    if project is None:
        return []
    found = [(c.name, c.id, project.statuses.counts(c.id)[PostStatus.DONE], c.is_gold)
             for c in project.coders.list(include_gold=True)]
    return sorted(found, key=lambda c: (c[3], c[0].casefold(), c[1]))
