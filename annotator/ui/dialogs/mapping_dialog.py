"""The mapping dialog: which column of a table feeds each post field, checked on a live preview.

The table's first rows are shown with a drop-down under every column header; below,
the date and channel options and the first posts that the import would store with
the current choices (or the readable error it would raise). Reading the table and
parsing the preview run as background reads; the dialog never blocks.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.importers.mapping import (
    Mapping,
    MappingError,
    mapping_to_dict,
    validate_dict,
)
from annotator.core.importers.table_posts import TablePreview, read_preview
from annotator.ui.background import BackgroundReads
from annotator.ui.column_assignment import starting_mapping
from annotator.ui.dialogs.mapping_options import MappingOptionsBox
from annotator.ui.dialogs.table_sample import PostSample, sample_posts
from annotator.ui.errors import user_message
from annotator.ui.models.post_preview import Column as PostColumn
from annotator.ui.models.post_preview import PostPreviewModel
from annotator.ui.views.column_table import ColumnTable, compact_rows

PREVIEW_ROWS = 20
PREVIEW_DELAY_MS = 250
"""Typing pauses this long before the posts preview is parsed again."""
MAX_WARNINGS_SHOWN = 3
_TABLE, _POSTS = "table", "posts"


class MappingDialog(QDialog):
    """Edits a :class:`Mapping` for the table at ``path``; open it with ``open()``.

    ``mapping`` is where the choices start (``None``: the preset the header row matches,
    else a guess from the header names). After ``accepted``, :meth:`mapping` and
    :meth:`sheet` hold the result. OK is enabled while a column is the text, the options
    are valid and the preview parsed.
    """

    table_loaded = Signal()
    """table_loaded(): the table's first rows (or the error reading them) are shown."""

    preview_updated = Signal()
    """preview_updated(): the posts preview shows the current choices (posts or an error)."""

    def __init__(
        self,
        path: Path,
        mapping: Mapping | None = None,
        sheet: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Columns of “{name}”").format(name=path.name))
        self._path = path
        self._sheet = sheet
        self._base = mapping
        self._shown_base: Mapping | None = None
        self._preview: TablePreview | None = None
        self._result: Mapping | None = None
        self._problem: str | None = None
        self._posts_failed = False
        self.reads = BackgroundReads(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)

        self.info_label = QLabel(self)
        self.sheet_combo = QComboBox(self)
        self.sheet_label = QLabel(self.tr("&Sheet:"), self)
        self.sheet_label.setBuddy(self.sheet_combo)
        self.table_view = ColumnTable(self)
        self.options = MappingOptionsBox(self)
        self.posts_model = PostPreviewModel(self)
        self.posts_view = QTableView(self)
        self.posts_view.setModel(self.posts_model)
        self.posts_view.setWordWrap(False)
        self.posts_view.verticalHeader().setVisible(False)
        compact_rows(self.posts_view)
        posts_header = self.posts_view.horizontalHeader()
        posts_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        posts_header.setSectionResizeMode(PostColumn.TEXT, QHeaderView.ResizeMode.Stretch)
        self.posts_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.posts_status = QLabel(self)
        self.posts_status.setWordWrap(True)
        self.posts_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        self._lay_out()

        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.sheet_combo.currentTextChanged.connect(self._on_sheet_combo_changed)
        self.table_view.choice_changed.connect(self._on_table_view_choice_changed)
        self.options.changed.connect(self._on_options_changed)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.reads.succeeded.connect(self._on_reads_succeeded)
        self.reads.failed.connect(self._on_reads_failed)
        self.options.set_from(mapping)
        self.resize(1040, 700)
        self._load_table(sheet)

    def mapping(self) -> Mapping | None:
        """The mapping the current choices make, or ``None`` while they are incomplete or
        invalid."""
        return self._result

    def sheet(self) -> str | None:
        """The XLSX sheet shown (``None`` for CSV)."""
        return self._preview.sheet if self._preview is not None else self._sheet

    def field_combo(self, header: str) -> QComboBox:
        """The drop-down under the column ``header``."""
        return self.table_view.field_combo(header)

    def set_field(self, header: str, choice: str) -> None:
        """Choose ``choice`` (a field, METADATA or IGNORED) for ``header``, as the user would."""
        self.table_view.set_field(header, choice)

    # Qt overrides

    def accept(self) -> None:
        if self.ok_button.isEnabled():
            super().accept()

    def done(self, result: int) -> None:
        self._timer.stop()
        self.reads.shutdown()
        super().done(result)

    # Slots

    def _on_sheet_combo_changed(self, sheet: str) -> None:
        if sheet and self._preview is not None and sheet != self._preview.sheet:
            self._load_table(sheet)

    def _on_table_view_choice_changed(self, _header: str, _choice: str) -> None:
        self._choices_changed(delay=False)

    def _on_options_changed(self) -> None:
        self._choices_changed(delay=True)

    def _on_timer_timeout(self) -> None:
        self._refresh_posts()

    def _on_reads_succeeded(self, key: str, result: object) -> None:
        if key == _TABLE and isinstance(result, TablePreview):
            self._show_table(result)
        elif key == _POSTS and isinstance(result, PostSample):
            self._show_posts(result)

    def _on_reads_failed(self, key: str, error: BaseException) -> None:
        if key == _TABLE:
            self._preview = None
            self._result = None
            self.table_view.show_table(None, None)
            self.info_label.setText(user_message(error))
            self._update_ok()
            self.table_loaded.emit()
        elif key == _POSTS:
            self._posts_failed = True
            self.posts_model.set_posts([], {})
            self._set_status(user_message(error), error=True)
            self._update_ok()
            self.preview_updated.emit()

    # The table

    def _load_table(self, sheet: str | None) -> None:
        self.info_label.setText(self.tr("Reading “{name}”…").format(name=self._path.name))
        path = self._path
        self.reads.run(_TABLE, lambda _progress, _cancel: read_preview(path, sheet, PREVIEW_ROWS))

    def _show_table(self, preview: TablePreview) -> None:
        first = self._preview is None
        self._preview = preview
        base = self._base
        if base is None:  # each sheet starts from its own preset or guess
            base, _preset = starting_mapping(preview.headers)
            if first:
                self.options.set_from(base)
        self._shown_base = base
        self.table_view.show_table(preview, base)
        self._show_sheets(preview)
        self.info_label.setText(self._describe_table(preview))
        self.table_loaded.emit()
        self._choices_changed(delay=False)

    def _show_sheets(self, preview: TablePreview) -> None:
        shown = bool(preview.sheet_names)
        self.sheet_label.setVisible(shown)
        self.sheet_combo.setVisible(shown)
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.addItems(list(preview.sheet_names))
        self.sheet_combo.setCurrentText(preview.sheet or "")
        self.sheet_combo.blockSignals(False)

    def _describe_table(self, preview: TablePreview) -> str:
        if preview.kind == "xlsx":
            text = self.tr("Excel workbook, {columns} column(s).")
        else:
            text = self.tr(
                "CSV text ({encoding}, separated by “{delimiter}”), {columns} column(s).")
        text = text.format(columns=len(preview.headers), encoding=preview.encoding,
                           delimiter="⇥" if preview.delimiter == "\t" else preview.delimiter)
        base = self._shown_base
        if base is not None and base.name:
            text += " " + self.tr("The columns start from “{name}”.").format(name=base.name)
        text += " " + self.tr("Choose under each column header which post field it holds.")
        return text

    # The posts preview

    def _choices_changed(self, delay: bool) -> None:
        self._result, self._problem = self._current_mapping()
        self._posts_failed = False
        assignment = self.table_view.assignment
        has_channel = assignment is not None and bool(
            assignment.headers_for("channel") or assignment.headers_for("channel_id"))
        self.options.set_channel_column(has_channel, self._path.stem)
        if delay:
            self._timer.start()
        else:
            self._timer.stop()
            self._refresh_posts()
        self._update_ok()

    def _current_mapping(self) -> tuple[Mapping | None, str | None]:
        """(the mapping of the current choices, or ``None`` and why not)."""
        assignment = self.table_view.assignment
        if assignment is None:
            return None, None
        mapping = assignment.mapping(self.options.date_options(),
                                           self.options.channel_value())
        if mapping is None:
            return None, self.tr("Choose the column that holds the post text.")
        try:
            validate_dict(mapping_to_dict(mapping), self._path)
        except MappingError as exc:
            return None, exc.reason
        return mapping, None

    def _refresh_posts(self) -> None:
        mapping, path, sheet = self._result, self._path, self.sheet()
        if mapping is None:
            self.reads.cancel(_POSTS)
            self.posts_model.set_posts([], {})
            self._set_status(self._problem or "", error=True)
            self._update_ok()
            self.preview_updated.emit()
            return
        self._set_status(self.tr("Reading the first posts…"), error=False)
        self.reads.run(_POSTS, lambda _progress, cancel: sample_posts(path, mapping, sheet,
                                                                       cancel))

    def _show_posts(self, sample: PostSample) -> None:
        self._posts_failed = False
        self.posts_model.set_posts(sample.posts, sample.channels)
        if not sample.posts:
            status = self.tr("The table yields no posts with these columns.")
        else:
            status = self.tr("The first {count} post(s) as they would be imported.").format(
                count=len(sample.posts))
        for warning in sample.warnings[:MAX_WARNINGS_SHOWN]:
            status += "\n⚠ " + str(warning)
        if len(sample.warnings) > MAX_WARNINGS_SHOWN:
            status += "\n" + self.tr("…and {count} more warning(s).").format(
                count=len(sample.warnings) - MAX_WARNINGS_SHOWN)
        self._set_status(status, error=False)
        self._update_ok()
        self.preview_updated.emit()

    def _set_status(self, text: str, error: bool) -> None:
        self.posts_status.setText(text)
        self.posts_status.setStyleSheet("color: #b00020;" if error else "")

    def _update_ok(self) -> None:
        """OK needs a valid mapping whose preview parsed (and is not being parsed again)."""
        pending = self._timer.isActive() or self.reads.busy(_POSTS)
        self.ok_button.setEnabled(self._result is not None and not self._posts_failed
                                  and not pending)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.info_label, 1)
        top.addWidget(self.sheet_label)
        top.addWidget(self.sheet_combo)
        self.info_label.setWordWrap(True)
        self.sheet_label.hide()
        self.sheet_combo.hide()
        posts_box = QGroupBox(self.tr("Preview posts"), self)
        posts_layout = QVBoxLayout(posts_box)
        posts_layout.addWidget(self.posts_view, 1)
        posts_layout.addWidget(self.posts_status)
        lower = QWidget(self)
        lower_layout = QHBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.options, 0, Qt.AlignmentFlag.AlignTop)
        lower_layout.addWidget(posts_box, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table_view)
        splitter.addWidget(lower)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
