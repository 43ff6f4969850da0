"""Assign posts to coders: which coders, which posts, the reliability sample, a live preview.

The dialog only plans (with the pure planner, on every change); its Assign button emits
``assign_requested`` and whoever opened it stores the plan (undoably) and closes it.
New coders named here are created together with the assignments, never before.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.posts.service import PostFilter
from annotator.core.project import Project
from annotator.core.team.assignment_plan import (
    SEED_LIMIT,
    AssignmentPlan,
    Overlap,
    new_seed,
    plan,
)
from annotator.core.team.assignment_selection import PostRange, narrow

_PERCENT, _POSTS = 0, 1


class AssignDialog(QDialog):
    """Plans an assignment for ``project``; ``where`` is the post list's current filter."""

    assign_requested = Signal(object, object)
    """assign_requested(plan: AssignmentPlan, new_coders: dict[int, str]): Assign was
    clicked; ``new_coders`` maps the plan's placeholder ids (< 0) to names to create."""

    def __init__(self, project: Project, where: PostFilter | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Assign posts"))
        self.setMinimumWidth(560)
        self._every = project.posts.ids()
        self._filtered = project.posts.ids(replace(where, sort="position", descending=False)) \
            if where is not None else None
        self._assigned = project.assignments.assigned_posts()
        self._project = project
        self._strata: dict[int, str] | None = None
        self._names = {c.id: c.name for c in project.coders.list()}
        self._new: dict[int, str] = {}
        self._plan: AssignmentPlan | None = None
        self._building = True

        layout = QVBoxLayout(self)
        layout.addWidget(self._coders_box())
        layout.addWidget(self._posts_box())
        layout.addWidget(self._reliability_box())
        layout.addWidget(self._preview_box(), 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.assign_button = self.buttons.addButton(self.tr("Assign"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._building = False
        self.refresh()

    # What the dialog planned

    def current_plan(self) -> AssignmentPlan | None:
        """The plan previewed now, or ``None`` when the choices cannot be planned."""
        return self._plan

    def new_coders(self) -> dict[int, str]:
        """Placeholder id -> name of the new coders the current plan uses."""
        return {i: name for i, name in self._new.items()
                if self._plan is not None and i in self._plan.coders}

    def check_coders(self, names: list[str]) -> None:
        """Check exactly the coders called ``names`` (a convenience for scripts and tests)."""
        wanted = {name.casefold() for name in names}
        for item in self._coder_items():
            item.setCheckState(Qt.CheckState.Checked if self._item_name(item).casefold()
                               in wanted else Qt.CheckState.Unchecked)

    def refresh(self) -> None:
        """Plan again from the current choices and show the preview (or why not)."""
        if self._building:
            return
        self._enable_parts()
        try:
            self._plan = self._make_plan()
        except AnnotatorError as exc:
            self._plan = None
            self.error_label.setText(str(exc))
        else:
            self.error_label.clear()
        self.error_label.setVisible(self._plan is None)
        self._show_preview()
        self.assign_button.setEnabled(self._plan is not None)

    # Parts

    def _coders_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Coders"), self)
        self.coder_list = QListWidget(box)
        self.coder_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        for coder_id, name in self._names.items():
            self._add_coder_item(coder_id, name, checked=False)
        self.new_coder_name = QLineEdit(box)
        self.new_coder_name.setPlaceholderText(self.tr("New coder: type a name"))
        self.new_coder_button = QPushButton(self.tr("Add coder"), box)
        self.new_coder_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.new_coder_name, 1)
        row.addWidget(self.new_coder_button)
        inner = QVBoxLayout(box)
        inner.addWidget(self.coder_list)
        inner.addLayout(row)
        self.coder_list.itemChanged.connect(self.refresh)
        self.new_coder_name.textChanged.connect(self._on_new_coder_name_text_changed)
        self.new_coder_name.returnPressed.connect(self._on_new_coder_button_clicked)
        self.new_coder_button.clicked.connect(self._on_new_coder_button_clicked)
        return box

    def _posts_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Posts"), self)
        self.all_radio = QRadioButton(self.tr("All posts ({count})").format(
            count=len(self._every)), box)
        self.filter_radio = QRadioButton(
            self.tr("Posts of the current filter ({count})").format(count=len(self._filtered))
            if self._filtered is not None else self.tr("Posts of the current filter (none is "
                                                       "set in the post list)"), box)
        self.filter_radio.setEnabled(self._filtered is not None)
        (self.filter_radio if self._filtered is not None else self.all_radio).setChecked(True)
        self._source_group = QButtonGroup(box)
        self._source_group.addButton(self.all_radio)
        self._source_group.addButton(self.filter_radio)
        self.range_check = QCheckBox(self.tr("Only posts number"), box)
        self.range_first = QSpinBox(box)
        self.range_last = QSpinBox(box)
        for spin in (self.range_first, self.range_last):
            spin.setRange(1, max(1, len(self._every)))
        self.range_last.setValue(max(1, len(self._every)))
        self.sample_check = QCheckBox(self.tr("Random sample of"), box)
        self.sample_size = QSpinBox(box)
        self.sample_size.setRange(1, max(1, len(self._every)))
        self.sample_size.setValue(min(100, max(1, len(self._every))))
        self.sample_size.setSuffix(self.tr(" posts"))
        self.replace_check = QCheckBox(self.tr("Also reassign posts already assigned "
                                               "(their earlier assignments are dropped)"), box)
        inner = QVBoxLayout(box)
        inner.addWidget(self.all_radio)
        inner.addWidget(self.filter_radio)
        row = QHBoxLayout()
        row.addWidget(self.range_check)
        row.addWidget(self.range_first)
        row.addWidget(QLabel(self.tr("to"), box))
        row.addWidget(self.range_last)
        row.addStretch(1)
        inner.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(self.sample_check)
        row.addWidget(self.sample_size)
        row.addStretch(1)
        inner.addLayout(row)
        inner.addWidget(self.replace_check)
        self._source_group.buttonToggled.connect(self.refresh)
        for check in (self.range_check, self.sample_check, self.replace_check):
            check.toggled.connect(self.refresh)
        for spin in (self.range_first, self.range_last, self.sample_size):
            spin.valueChanged.connect(self.refresh)
        return box

    def _reliability_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Reliability sample (coded by several coders)"), self)
        box.setCheckable(True)
        box.setChecked(True)
        self.reliability_box = box
        self.overlap_size = QSpinBox(box)
        self.overlap_size.setRange(1, 100)
        self.overlap_size.setValue(20)
        self.overlap_unit = QComboBox(box)
        self.overlap_unit.addItem(self.tr("% of the posts"), _PERCENT)
        self.overlap_unit.addItem(self.tr("posts"), _POSTS)
        self.by_all_radio = QRadioButton(self.tr("Coded by every chosen coder"), box)
        self.by_some_radio = QRadioButton(self.tr("Coded by"), box)
        self.by_all_radio.setChecked(True)
        self._coders_group = QButtonGroup(box)
        self._coders_group.addButton(self.by_all_radio)
        self._coders_group.addButton(self.by_some_radio)
        self.overlap_coders = QSpinBox(box)
        self.overlap_coders.setRange(2, 2)
        self.overlap_coders.setSuffix(self.tr(" coders each"))
        self.stratify_check = QCheckBox(self.tr("Stratify by channel (each channel gives its "
                                                "share of the sample)"), box)
        self.seed = QSpinBox(box)
        self.seed.setRange(0, SEED_LIMIT)
        self.seed.setValue(new_seed())
        self.seed.setToolTip(self.tr("The same choices and seed give the same plan"))
        self.new_seed_button = QPushButton(self.tr("New seed"), box)
        form = QFormLayout(box)
        row = QHBoxLayout()
        row.addWidget(self.overlap_size)
        row.addWidget(self.overlap_unit)
        row.addStretch(1)
        form.addRow(self.tr("Size:"), row)
        row = QHBoxLayout()
        row.addWidget(self.by_all_radio)
        row.addWidget(self.by_some_radio)
        row.addWidget(self.overlap_coders)
        row.addStretch(1)
        form.addRow(self.tr("Coders:"), row)
        form.addRow(self.stratify_check)
        row = QHBoxLayout()
        row.addWidget(self.seed)
        row.addWidget(self.new_seed_button)
        row.addStretch(1)
        form.addRow(self.tr("Random seed:"), row)
        box.toggled.connect(self.refresh)
        self.overlap_unit.currentIndexChanged.connect(self._on_overlap_unit_changed)
        self._coders_group.buttonToggled.connect(self.refresh)
        self.stratify_check.toggled.connect(self.refresh)
        for spin in (self.overlap_size, self.overlap_coders, self.seed):
            spin.valueChanged.connect(self.refresh)
        self.new_seed_button.clicked.connect(self._on_new_seed_button_clicked)
        return box

    def _preview_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Preview"), self)
        self.summary_label = QLabel(box)
        self.summary_label.setWordWrap(True)
        self.error_label = QLabel(box)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b3261e;")
        self.preview = QTableWidget(0, 3, box)
        self.preview.setHorizontalHeaderLabels([self.tr("Coder"), self.tr("Posts"),
                                                self.tr("Of which reliability")])
        self.preview.verticalHeader().setVisible(False)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.preview.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.preview.setMinimumHeight(150)
        inner = QVBoxLayout(box)
        inner.addWidget(self.summary_label)
        inner.addWidget(self.error_label)
        inner.addWidget(self.preview)
        return box

    # Planning

    def _chosen_coders(self) -> list[int]:
        return [item.data(Qt.ItemDataRole.UserRole) for item in self._coder_items()
                if item.checkState() == Qt.CheckState.Checked]

    def _make_plan(self) -> AssignmentPlan:
        base = self._filtered if self.filter_radio.isChecked() and self._filtered is not None \
            else self._every
        span = PostRange(self.range_first.value(), self.range_last.value()) \
            if self.range_check.isChecked() else None
        seed = self.seed.value()
        posts = narrow(base, span, self.sample_size.value() if self.sample_check.isChecked()
                       else None, seed)
        overlap: Overlap | None = None
        per_post: int | None = None
        if self.reliability_box.isChecked():
            size = self.overlap_size.value()
            overlap = Overlap.share(size) if self.overlap_unit.currentData() == _PERCENT \
                else Overlap.posts(size)
            per_post = self.overlap_coders.value() if self.by_some_radio.isChecked() else None
        strata = self._channel_strata() if self.stratify_check.isChecked() else None
        return plan(posts, self._chosen_coders(), overlap, per_post, seed, strata,
                    self._assigned, self.replace_check.isChecked())

    def _channel_strata(self) -> dict[int, str]:
        if self._strata is None:
            self._strata = self._project.assignments.channel_strata()
        return self._strata

    def _enable_parts(self) -> None:
        chosen = len(self._chosen_coders())
        self.overlap_coders.setRange(2, max(2, chosen))
        self.overlap_coders.setEnabled(self.by_some_radio.isChecked())
        for widget in (self.range_first, self.range_last):
            widget.setEnabled(self.range_check.isChecked())
        self.sample_size.setEnabled(self.sample_check.isChecked())

    def _show_preview(self) -> None:
        made = self._plan
        self.preview.setRowCount(0)
        if made is None:
            self.summary_label.clear()
            return
        shares = made.shares()
        self.preview.setRowCount(len(shares))
        for row, share in enumerate(shares):
            name = self._names.get(share.coder_id) or self.tr("{name} (new)").format(
                name=self._new.get(share.coder_id, "?"))
            for column, value in enumerate((name, str(share.posts), str(share.reliability))):
                item = QTableWidgetItem(value)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.preview.setItem(row, column, item)
        parts = [self.tr("{posts} posts, {count} assignments.").format(
            posts=len(made.planned), count=made.assignments)]
        if made.reliability:
            parts.append(self.tr("Reliability sample: {posts} posts, each coded by {k} "
                                 "coders.").format(posts=len(made.reliability),
                                                   k=made.overlap_coders))
        if made.skipped:
            parts.append(self.tr("{count} posts already assigned are left out.").format(
                count=len(made.skipped)))
        if made.replaced:
            parts.append(self.tr("{count} posts already assigned are assigned anew.").format(
                count=len(made.replaced)))
        self.summary_label.setText(" ".join(parts))

    # Slots

    def _on_new_coder_name_text_changed(self, text: str) -> None:
        self.new_coder_button.setEnabled(bool(text.strip()))

    def _on_new_coder_button_clicked(self) -> None:
        name = " ".join(self.new_coder_name.text().split())
        if not name:
            return
        same = [item for item in self._coder_items()
                if self._item_name(item).casefold() == name.casefold()]
        if same:  # a coder of that name is listed: choose it
            same[0].setCheckState(Qt.CheckState.Checked)
        else:
            placeholder = -1 - len(self._new)
            self._new[placeholder] = name
            self._add_coder_item(placeholder, self.tr("{name} (new)").format(name=name),
                                 checked=True)
            self.refresh()
        self.new_coder_name.clear()

    def _on_overlap_unit_changed(self) -> None:
        percent = self.overlap_unit.currentData() == _PERCENT
        self.overlap_size.setRange(1, 100 if percent else max(1, len(self._every)))
        self.refresh()

    def _on_new_seed_button_clicked(self) -> None:
        self.seed.setValue(new_seed())

    def _on_buttons_accepted(self) -> None:
        self.refresh()
        if self._plan is not None:
            self.assign_requested.emit(self._plan, self.new_coders())

    # Internals

    def _add_coder_item(self, coder_id: int, text: str, checked: bool) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, coder_id)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.coder_list.addItem(item)

    def _coder_items(self) -> list[QListWidgetItem]:
        return [self.coder_list.item(row) for row in range(self.coder_list.count())]

    def _item_name(self, item: QListWidgetItem) -> str:
        coder_id = item.data(Qt.ItemDataRole.UserRole)
        return self._names.get(coder_id) or self._new.get(coder_id, "")
