"""The export dialog: format, target, which posts and coders, and the agreement sheet.

The dialog never exports: on OK (after asking before it replaces anything) it emits
:attr:`ExportDialog.export_requested` with an :class:`ExportRequest`, remembers the
choices worth remembering in the settings, and closes. Where the target goes follows
the format until the user types or browses a path of their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.export.options import ExportFormat, ExportOptions
from annotator.core.model import Coder
from annotator.ui.export_target import (
    PathKind,
    default_target,
    holds_files,
    path_kind,
    retarget,
    with_suffix_for,
)
from annotator.ui.settings import Settings

_ID = Qt.ItemDataRole.UserRole
ERROR_STYLE = "color: #b00020;"


@dataclass(frozen=True)
class FilterScope:
    """The posts the post list's filter keeps, and that filter in words."""

    post_ids: tuple[int, ...]
    description: str


@dataclass(frozen=True)
class ExportRequest:
    """What the user asked for: write ``options`` of the project to ``path`` as ``format``."""

    path: Path
    format: ExportFormat
    options: ExportOptions


class ExportDialog(QDialog):
    """Collects an export's choices; open it with ``open()`` (window-modal)."""

    export_requested = Signal(object)
    """export_requested(request: ExportRequest): the user pressed Export and agreed to
    replace what the target holds; emitted just before the dialog closes as accepted."""

    def __init__(
        self,
        settings: Settings,
        project: Path,
        coders: Sequence[Coder],
        total_posts: int,
        filtered: FilterScope | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self._settings = settings
        self._project = Path(project)
        self._filtered = filtered
        self._auto_target: Path | None = None
        """The target last filled in for the format; a path typed over it is kept."""

        self.format_buttons = QButtonGroup(self)
        self.format_radios: dict[ExportFormat, QRadioButton] = {}
        self.format_box = QGroupBox(self.tr("Format"), self)
        self._make_formats()

        self.path_edit = QLineEdit(self)
        self.path_edit.setAccessibleName(self.tr("Export to"))
        self.path_edit.setClearButtonEnabled(True)
        self.browse_button = QPushButton(self.tr("&Browse…"), self)

        self.all_radio = QRadioButton(self.tr("&All posts ({count})").format(
            count=total_posts), self)
        self.filtered_radio = QRadioButton(self)
        self.filter_label = QLabel(self)
        self._describe_filter()
        self.all_radio.setChecked(True)

        self.coder_list = QListWidget(self)
        self.coder_list.setAccessibleName(self.tr("Coders to export"))
        self._fill_coders(coders)
        self.agreement_check = QCheckBox(self.tr("Include the a&greement sheet (when two or "
                                                 "more coders finished the same posts)"), self)
        self.agreement_check.setChecked(settings.export_agreement())

        self.problem_label = QLabel(self)
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Export"))
        self.ok_button.setDefault(True)
        self._lay_out()

        self.format_buttons.idToggled.connect(self._on_format_toggled)
        self.path_edit.textChanged.connect(self._on_choice_changed)
        self.browse_button.clicked.connect(self._on_browse_clicked)
        self.coder_list.itemChanged.connect(self._on_choice_changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        self.set_format(settings.export_format())  # fills in the target
        self.path_edit.setFocus()
        # The explanations wrap: as tall as they need at this width, no taller.
        width = 620
        height = self._layout.heightForWidth(width) if self._layout.hasHeightForWidth() else -1
        self.resize(width, height if height > 0 else self.sizeHint().height())

    # Choices

    def format(self) -> ExportFormat:
        return list(ExportFormat)[self.format_buttons.checkedId()]

    def set_format(self, fmt: ExportFormat) -> None:
        self.format_radios[fmt].setChecked(True)

    def target(self) -> Path | None:
        """The target as typed, with the format's suffix; ``None`` when empty."""
        text = self.path_edit.text().strip()
        if not text:
            return None
        return with_suffix_for(Path(text).expanduser(), self.format())

    def set_target(self, path: Path) -> None:
        self.path_edit.setText(str(path))

    def checked_coders(self) -> list[int]:
        return [int(item.data(_ID)) for item in self._coder_items()
                if item.checkState() == Qt.CheckState.Checked]

    def set_checked_coders(self, coder_ids: set[int]) -> None:
        for item in self._coder_items():
            item.setCheckState(Qt.CheckState.Checked if int(item.data(_ID)) in coder_ids
                               else Qt.CheckState.Unchecked)

    def options(self) -> ExportOptions:
        """The chosen coders, posts and agreement sheet; every coder is ``None``."""
        coders = self.checked_coders()
        everyone = len(coders) == self.coder_list.count() or not self.coder_list.isEnabled()
        filtered = self._filtered if self.filtered_radio.isChecked() else None
        return ExportOptions(
            coders=None if everyone else tuple(coders),
            post_ids=filtered.post_ids if filtered is not None else None,
            filters=filtered.description if filtered is not None else "",
            agreement=self.agreement_check.isChecked() and self.format() is not ExportFormat.QDPX,
        )

    def request(self) -> ExportRequest | None:
        """The export asked for, or ``None`` while :meth:`problem` says why not."""
        path = self.target()
        if path is None or self.problem() is not None:
            return None
        return ExportRequest(path, self.format(), self.options())

    def problem(self) -> str | None:
        """Why the export cannot start (shown above the buttons), or ``None``."""
        path = self.target()
        if path is None:
            return self.tr("Choose where to save the export.")
        if self.coder_list.isEnabled() and not self.checked_coders():
            return self.tr("Choose at least one coder.")
        blocking = next((p for p in path.parents if path_kind(p) is not None), None)
        if blocking is not None and path_kind(blocking) is PathKind.FILE:
            return self.tr("“{name}” is a file, not a folder.").format(name=blocking.name)
        if self.format() is ExportFormat.CSV:
            if path_kind(path) is PathKind.FILE:
                return self.tr("“{name}” is a file; CSV files go into a folder.").format(
                    name=path.name)
        elif path_kind(path) is PathKind.FOLDER:
            return self.tr("“{name}” is a folder; choose a file name.").format(name=path.name)
        return None

    # Qt overrides

    def accept(self) -> None:
        request = self.request()
        if request is None or not self._confirm_replace(request):
            return
        self._remember(request)
        self.export_requested.emit(request)
        super().accept()

    # Slots

    def _on_format_toggled(self, _id: int, checked: bool) -> None:
        if not checked:
            return
        fmt = self.format()
        self.agreement_check.setEnabled(fmt is not ExportFormat.QDPX)
        self.agreement_check.setToolTip("" if fmt is not ExportFormat.QDPX else self.tr(
            "REFI-QDA projects carry no agreement table."))
        text = self.path_edit.text().strip()
        typed = Path(text).expanduser() if text else None  # as typed, before any suffix
        if typed is None or typed == self._auto_target:
            self._set_auto_target()
        else:
            self.set_target(retarget(typed, fmt))
        self._refresh()

    def _on_browse_clicked(self) -> None:
        fmt = self.format()
        current = self.target() or default_target(self._project, fmt, self._start_folder())
        if fmt is ExportFormat.CSV:
            name = QFileDialog.getExistingDirectory(
                self, self.tr("Export CSV files into folder"), str(current.parent))
        else:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export to"), str(current), self._file_filter(fmt),
                options=QFileDialog.Option.DontConfirmOverwrite)  # asked on Export instead
        if name:
            self.set_target(with_suffix_for(Path(name), fmt))

    def _on_choice_changed(self) -> None:
        self._refresh()

    # Internals

    def _refresh(self) -> None:
        problem = self.problem()
        self.problem_label.setText(problem or "")
        self.problem_label.setVisible(problem is not None)
        self.ok_button.setEnabled(problem is None)

    def _set_auto_target(self) -> None:
        self._auto_target = default_target(self._project, self.format(), self._start_folder())
        self.set_target(self._auto_target)

    def _start_folder(self) -> Path:
        return self._settings.export_folder() or self._project.parent

    def _confirm_replace(self, request: ExportRequest) -> bool:
        """Ask before replacing a file, or files in a folder that holds some already."""
        path = request.path
        if request.format is ExportFormat.CSV:
            if path_kind(path) is not PathKind.FOLDER or not holds_files(path):
                return True
            text = self.tr("The folder “{name}” already holds files. Files with the names the "
                           "export uses will be replaced.").format(name=path.name)
        else:
            if path_kind(path) is None:
                return True
            text = self.tr("“{name}” already exists. Replace it?").format(name=path.name)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Export"), text,
                          QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
                          self)
        box.button(QMessageBox.StandardButton.Ok).setText(self.tr("&Replace"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Ok.value

    def _remember(self, request: ExportRequest) -> None:
        self._settings.set_export_format(request.format)
        self._settings.set_export_folder(request.path.parent)
        if self.agreement_check.isEnabled():
            self._settings.set_export_agreement(self.agreement_check.isChecked())

    def _coder_items(self) -> list[QListWidgetItem]:
        return [self.coder_list.item(row) for row in range(self.coder_list.count())]

    def _fill_coders(self, coders: Sequence[Coder]) -> None:
        for coder in sorted(coders, key=lambda c: (c.is_gold, c.name.casefold(), c.id)):
            name = self.tr("{name} (adjudicated layer)").format(name=coder.name) \
                if coder.is_gold else coder.name
            item = QListWidgetItem(name, self.coder_list)
            item.setData(_ID, coder.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        if not coders:
            self.coder_list.addItem(self.tr("(no coders yet)"))
            self.coder_list.setEnabled(False)
        rows = min(max(self.coder_list.count(), 2), 5)
        height = max(self.coder_list.sizeHintForRow(0), self.fontMetrics().height() + 4)
        self.coder_list.setMaximumHeight(rows * height + 2 * self.coder_list.frameWidth() + 4)

    def _describe_filter(self) -> None:
        filtered = self._filtered
        self.filter_label.setWordWrap(True)
        self.filter_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.filter_label.setTextFormat(Qt.TextFormat.PlainText)
        if filtered is None:
            self.filtered_radio.setText(self.tr("Only the posts of the current &filter"))
            self.filtered_radio.setEnabled(False)
            self.filter_label.setText(self.tr("The post list is not filtered."))
            return
        self.filtered_radio.setText(self.tr("Only the posts of the current &filter "
                                            "({count})").format(count=len(filtered.post_ids)))
        self.filter_label.setText(filtered.description)

    def _make_formats(self) -> None:
        grid = QGridLayout(self.format_box)
        grid.setColumnStretch(1, 1)
        explained = (
            (ExportFormat.XLSX, self.tr("E&xcel workbook (.xlsx)"),
             self.tr("Styled sheets for reading and analysis: posts, annotations, "
                     "variables, code matrix, agreement, codebook.")),
            (ExportFormat.CSV, self.tr("&CSV folder"),
             self.tr("The same tables as UTF-8 CSV files, plus per-code reliability "
                     "matrices for R and Python.")),
            (ExportFormat.QDPX, self.tr("&REFI-QDA project (.qdpx)"),
             self.tr("Texts, codebook, coders and coded segments for other QDA tools "
                     "(ATLAS.ti, MAXQDA, NVivo, QualCoder).")),
        )
        for row, (fmt, name, line) in enumerate(explained):
            radio = QRadioButton(name, self.format_box)
            label = QLabel(line, self.format_box)
            label.setWordWrap(True)
            label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            self.format_buttons.addButton(radio, list(ExportFormat).index(fmt))
            self.format_radios[fmt] = radio
            grid.addWidget(radio, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, row, 1)

    def _file_filter(self, fmt: ExportFormat) -> str:
        if fmt is ExportFormat.XLSX:
            return self.tr("Excel workbooks (*.xlsx)")
        return self.tr("REFI-QDA projects (*.qdpx)")

    def _lay_out(self) -> None:
        target = QGroupBox(self.tr("Save &to"), self)
        target_layout = QHBoxLayout(target)
        target_layout.addWidget(self.path_edit, 1)
        target_layout.addWidget(self.browse_button)
        posts = QGroupBox(self.tr("Posts"), self)
        posts_layout = QVBoxLayout(posts)
        posts_layout.addWidget(self.all_radio)
        posts_layout.addWidget(self.filtered_radio)
        self.filter_label.setContentsMargins(22, 0, 0, 0)
        posts_layout.addWidget(self.filter_label)
        coders = QGroupBox(self.tr("C&oders"), self)
        coders_layout = QVBoxLayout(coders)
        coders_layout.addWidget(self.coder_list)
        self._layout = layout = QVBoxLayout(self)
        layout.addWidget(self.format_box)
        layout.addWidget(target)
        layout.addWidget(posts)
        layout.addWidget(coders)
        layout.addWidget(self.agreement_check)
        layout.addStretch(1)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
