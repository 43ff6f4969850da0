"""The filter bar above the post list: full-text search, status, channel and code filters,
"My assignment", "go to post #" and how many posts the filter keeps.

The bar only collects the choices; :class:`~annotator.ui.post_filtering.PostFiltering`
applies them to the post model.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import Channel, Code, PostStatus
from annotator.core.posts.service import PostFilter

SEARCH_DELAY_MS = 300
"""Typing pauses this long before the search runs."""


class SearchField(QLineEdit):
    """A line edit that clears on Esc (before any window shortcut on Esc sees the key)."""

    escaped_empty = Signal()
    """Esc was pressed while the field was already empty."""

    def event(self, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Escape):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            if self.text():
                self.clear()
            else:
                self.escaped_empty.emit()
            return
        super().keyPressEvent(event)


class PostFilterBar(QWidget):
    """Search field and filter combos; emits ``filter_changed`` when the choice changes."""

    filter_changed = Signal()
    """The choices changed (the search text after a pause in typing)."""

    go_to_requested = Signal(int)
    """go_to_requested(row: int): the user asked for post number ``row + 1`` of the list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = SearchField(self)
        self.search.setPlaceholderText(self.tr("Search posts (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.status_combo = QComboBox(self)
        self.status_combo.setToolTip(self.tr("The current coder's status"))
        self.status_combo.addItem(self.tr("All statuses"), None)
        self.status_combo.addItem(self.tr("Not started"), PostStatus.NOT_STARTED.value)
        self.status_combo.addItem(self.tr("In progress"), PostStatus.IN_PROGRESS.value)
        self.status_combo.addItem(self.tr("Done"), PostStatus.DONE.value)
        self.channel_combo = QComboBox(self)
        self.channel_combo.setToolTip(self.tr("Channel"))
        self.code_combo = QComboBox(self)
        self.code_combo.setToolTip(self.tr("Posts with at least one annotation of this code"))
        self.go_to = QSpinBox(self)
        self.go_to.setPrefix("#")
        self.go_to.setToolTip(self.tr("Go to post number (Ctrl+G)"))
        self.go_to.setKeyboardTracking(False)
        self.count_label = QLabel(self)
        self.mine_check = QCheckBox(self.tr("My assignment"), self)
        self.mine_check.setToolTip(self.tr("Only the posts assigned to the current coder"))
        self.mine_check.setHidden(True)  # shown while the coder has assignments
        # Narrow minimums, so the bar never widens the list's side of the splitter.
        self.search.setMinimumWidth(60)
        self.setMinimumWidth(100)
        for combo in (self.status_combo, self.channel_combo, self.code_combo):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(2)
        self.set_choices([], [])
        self.set_row_count(0)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        top, bottom = QHBoxLayout(), QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.go_to)
        top.addWidget(self.count_label)
        bottom.addWidget(self.mine_check)
        for combo in (self.status_combo, self.channel_combo, self.code_combo):
            bottom.addWidget(combo, 1)
        layout.addLayout(top)
        layout.addLayout(bottom)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.filter_changed)
        self.search.textChanged.connect(self._on_search_text_changed)
        for combo in (self.status_combo, self.channel_combo, self.code_combo):
            combo.currentIndexChanged.connect(self._on_combo_changed)
        self.go_to.editingFinished.connect(self._on_go_to_editing_finished)
        self.mine_check.toggled.connect(self._on_combo_changed)

    # Choices

    def set_choices(self, channels: Sequence[Channel], codes: Sequence[Code]) -> None:
        """Offer ``channels`` (by title) and the span codes of ``codes`` (by path); the
        current choices stay when still offered. Emits nothing."""
        channel, code = self.channel_combo.currentData(), self.code_combo.currentData()
        for combo in (self.channel_combo, self.code_combo):
            combo.blockSignals(True)
            combo.clear()
        self.channel_combo.addItem(self.tr("All channels"), None)
        for each in sorted(channels, key=lambda c: c.title.casefold()):
            self.channel_combo.addItem(each.title, each.key)
        self.code_combo.addItem(self.tr("Any code"), None)
        for each in sorted((c for c in codes if not c.is_variable), key=lambda c: c.path):
            self.code_combo.addItem(each.path_text, each.id)
        for combo, data in ((self.channel_combo, channel), (self.code_combo, code)):
            combo.setCurrentIndex(max(0, combo.findData(data)))
            combo.blockSignals(False)

    def set_status_enabled(self, enabled: bool) -> None:
        """Enable the status combo (only with a coder); disabled, it shows "All"."""
        self.status_combo.setEnabled(enabled)
        if not enabled:
            self.status_combo.setCurrentIndex(0)

    def set_assignment_choice(self, offered: bool, checked: bool) -> None:
        """Show "My assignment" (only while the coder has assignments) and check it or not;
        emits nothing. Not offered, it is unchecked."""
        self.mine_check.blockSignals(True)
        self.mine_check.setHidden(not offered)
        self.mine_check.setChecked(offered and checked)
        self.mine_check.blockSignals(False)

    def reset(self) -> None:
        """Back to every post, without emitting ``filter_changed``."""
        self._timer.stop()
        widgets = (self.search, self.status_combo, self.channel_combo, self.code_combo,
                   self.mine_check)
        for widget in widgets:
            widget.blockSignals(True)
        self.search.clear()
        for combo in (self.status_combo, self.channel_combo, self.code_combo):
            combo.setCurrentIndex(0)
        self.mine_check.setChecked(False)
        for widget in widgets:
            widget.blockSignals(False)

    def search_text(self) -> str:
        return self.search.text().strip()

    def post_filter(self, coder_id: int | None) -> PostFilter | None:
        """The chosen filter for coder ``coder_id``, or ``None`` when nothing is chosen."""
        data = self.status_combo.currentData() if coder_id is not None else None
        status = PostStatus(data) if data is not None else None
        channel, code = self.channel_combo.currentData(), self.code_combo.currentData()
        text = self.search_text()
        mine = coder_id if self.mine_check.isChecked() else None
        if status is None and channel is None and code is None and not text and mine is None:
            return None
        # The coder only for the status: "has code" counts every coder's annotations.
        return PostFilter(coder_id=coder_id if status is not None else None, status=status,
                          channel=channel, has_code=code, text=text, assigned_to=mine)

    def apply_now(self) -> None:
        """Run a pending search at once (instead of after the pause)."""
        if self._timer.isActive():
            self._timer.stop()
            self.filter_changed.emit()

    # Counts and focus

    def set_row_count(self, shown: int, total: int | None = None) -> None:
        """``shown`` rows in the list; with ``total``, show "N of M posts"."""
        self.go_to.setRange(1 if shown else 0, max(shown, 0))
        self.go_to.setEnabled(shown > 0)
        if total is None:
            self.count_label.clear()
        else:
            self.count_label.setText(self.tr("{shown} of {total} posts").format(
                shown=shown, total=total))

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def focus_go_to(self) -> None:
        self.go_to.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.go_to.selectAll()

    # Slots

    def _on_search_text_changed(self, _text: str) -> None:
        self._timer.start()

    def _on_combo_changed(self, _index: int) -> None:
        self._timer.stop()
        self.filter_changed.emit()

    def _on_go_to_editing_finished(self) -> None:
        if self.go_to.isEnabled() and self.go_to.value() > 0:
            self.go_to_requested.emit(self.go_to.value() - 1)
