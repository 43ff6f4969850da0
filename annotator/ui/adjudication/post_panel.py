"""The left side of the adjudication window: the posts to adjudicate and the progress.

A table of the posts finished by two or more coders (open and total disagreements, state),
optionally only those with something left to do, the progress bar "Adjudicated 34 of 120
items", and the button that adopts every code all coders agree on.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.team.adjudication_items import Progress
from annotator.ui.adjudication.post_model import (
    POST_ID_ROLE,
    Column,
    OpenPostsFilter,
    PostProgressModel,
)


class PostPanel(QWidget):
    """Posts and progress; GUI thread only."""

    post_chosen = Signal(object)
    """post_chosen(post_id: int | None): the current post changed."""

    adopt_requested = Signal()
    """adopt_requested(): adopt every agreed code not yet in the gold layer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PostProgressModel(self)
        self.filter = OpenPostsFilter(self)
        self.filter.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.filter)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.POST, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Posts to adjudicate"))
        self.open_only_box = QCheckBox(self.tr("Only posts with &open items"), self)
        self.progress_bar = QProgressBar(self)
        self.progress_label = QLabel(self)
        self.progress_label.setWordWrap(True)
        self.seed_button = QPushButton(self.tr("Adopt agreed codes"), self)
        self.seed_button.setToolTip(self.tr(
            "Copy every code all coders agree on into the adjudicated version (logged as "
            "decisions; undoable)"))
        self._can_adopt = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Posts finished by two or more coders"), self))
        layout.addWidget(self.open_only_box)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.seed_button)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.open_only_box.toggled.connect(self._on_open_only_toggled)
        self.seed_button.clicked.connect(self.adopt_requested)
        self.set_progress(None)

    def set_progress(self, progress: Progress | None) -> None:
        """Show ``progress``, keeping the current post when it is still listed."""
        current = self.current_post_id()
        self.model.set_progress(progress)
        if current is not None and self.current_post_id() != current:
            self.show_post(current)
        self._show_totals()

    def totals(self) -> Progress:
        return self.model.totals()

    def current_post_id(self) -> int | None:
        post_id = self.table.currentIndex().data(POST_ID_ROLE)
        return int(post_id) if post_id is not None else None

    def show_post(self, post_id: int) -> bool:
        """Make ``post_id`` current (showing complete posts if needed); whether it is listed."""
        row = self.model.row_of(post_id)
        if row is None:
            return False
        index = self.filter.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.open_only_box.setChecked(False)
            index = self.filter.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def show_first(self) -> None:
        if self.filter.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def next_open_post(self) -> int | None:
        """The first post after the current one (wrapping around) with open items."""
        rows = self.model.rowCount()
        current = self.current_post_id()
        start = self.model.row_of(current) if current is not None else None
        for step in range(1, rows + 1):
            row = ((start if start is not None else -1) + step) % rows
            if self.model.progress_at(row).open:
                return self.model.progress_at(row).post_id
        return None

    def set_can_adopt(self, can: bool) -> None:
        """Whether someone may decide (the button also needs agreed codes to adopt)."""
        self._can_adopt = can
        self._show_totals()

    # Slots

    def _on_table_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.post_chosen.emit(current.data(POST_ID_ROLE) if current.isValid() else None)

    def _on_open_only_toggled(self, checked: bool) -> None:
        current = self.current_post_id()
        self.filter.set_open_only(checked)
        row = self.model.row_of(current) if current is not None else None
        if row is not None and self.filter.mapFromSource(self.model.index(row, 0)).isValid():
            self.show_post(self.model.progress_at(row).post_id)
        else:
            self.show_first()

    def _show_totals(self) -> None:
        totals = self.model.totals()
        bar = self.progress_bar
        if totals.total:
            bar.setRange(0, totals.total)
            bar.setValue(totals.decided)
            bar.setFormat(self.tr("Adjudicated %v of %m items"))
        else:
            bar.setRange(0, 1)
            bar.setValue(0)
            bar.setFormat(self.tr("No disagreements to adjudicate"))
        self.progress_label.setText(self.tr(
            "{complete} of {posts} posts complete · agreed codes adopted: {seeded} of "
            "{agreed}").format(complete=totals.complete_posts, posts=len(totals.posts),
                               seeded=totals.seeded, agreed=totals.agreed))
        self.seed_button.setText(self.tr("Adopt agreed codes ({n})").format(
            n=totals.agreed - totals.seeded))
        self.seed_button.setEnabled(self._can_adopt and totals.seeded < totals.agreed)
