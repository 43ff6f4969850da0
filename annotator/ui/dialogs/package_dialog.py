"""Team → Create coder packages…: which coders, which folder; one package file per coder.

The dialog only asks; its Create button emits ``packages_requested`` and whoever opened
it writes the packages (in the background). Files are named ``<project>-<coder>.annot``;
existing files are never overwritten, so the button stays off while one is in the way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import Coder
from annotator.core.team.packages import package_file_name


@dataclass(frozen=True, slots=True)
class PackageRequest:
    coder_ids: tuple[int, ...]
    folder: Path
    all_posts: bool
    """Package every post for coders without an assignment (their only option)."""


class PackageDialog(QDialog):
    """Lists ``coders`` with their number of assigned posts (``assigned``: coder id ->
    count); coders with an assignment start checked."""

    packages_requested = Signal(object)
    """packages_requested(request: PackageRequest): Create was clicked."""

    def __init__(
        self,
        project_path: Path,
        coders: Sequence[Coder],
        assigned: Mapping[int, int],
        folder: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Create coder packages"))
        self.resize(520, 480)
        self._project_path = Path(project_path)
        self._assigned = dict(assigned)
        self._names = {coder.id: coder.name for coder in coders}
        intro = QLabel(self.tr(
            "A coder package is a project file with the codebook and one coder's assigned "
            "posts. The coder opens it in Annotator, codes offline and sends it back; "
            "Team → Merge coder packages… brings the work into this project."), self)
        intro.setWordWrap(True)
        self.coder_list = QListWidget(self)
        for coder in coders:
            count = self._assigned.get(coder.id, 0)
            label = (self.tr("{name} — {count} assigned post(s)").format(name=coder.name,
                                                                         count=count)
                     if count else self.tr("{name} — no assignment").format(name=coder.name))
            item = QListWidgetItem(label, self.coder_list)
            item.setData(Qt.ItemDataRole.UserRole, coder.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if count else Qt.CheckState.Unchecked)
        self.all_posts = QCheckBox(self.tr("Give coders without an assignment every post"),
                                   self)
        self.folder = QLineEdit(str(folder), self)
        self.browse = QPushButton(self.tr("Choose…"), self)
        self.files = QLabel(self)
        self.files.setWordWrap(True)
        self.files.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText(self.tr("Create packages"))

        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel(self.tr("Folder:"), self))
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Coders:"), self))
        layout.addWidget(self.coder_list, 1)
        layout.addWidget(self.all_posts)
        layout.addLayout(folder_row)
        layout.addWidget(self.files)
        layout.addWidget(self.buttons)

        self.coder_list.itemChanged.connect(self._on_coder_list_item_changed)
        self.all_posts.toggled.connect(self._on_all_posts_toggled)
        self.folder.textChanged.connect(self._on_folder_text_changed)
        self.browse.clicked.connect(self._on_browse_clicked)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self._update()

    def request(self) -> PackageRequest:
        """What the dialog asks for now."""
        return PackageRequest(tuple(self._checked()), Path(self.folder.text().strip()),
                              self.all_posts.isChecked())

    def targets(self) -> list[Path]:
        """The files the packages would be written to, for the checked coders."""
        folder = Path(self.folder.text().strip())
        return [folder / package_file_name(self._project_path, self._names[cid])
                for cid in self._checked()]

    def _checked(self) -> list[int]:
        items = (self.coder_list.item(row) for row in range(self.coder_list.count()))
        return [int(item.data(Qt.ItemDataRole.UserRole)) for item in items
                if item.checkState() == Qt.CheckState.Checked]

    def _problem(self) -> str | None:
        checked = self._checked()
        folder = self.folder.text().strip()
        if not checked:
            return self.tr("Check at least one coder.")
        if not folder or not Path(folder).is_dir():
            return self.tr("Choose an existing folder.")
        unassigned = [self._names[c] for c in checked if not self._assigned.get(c)]
        if unassigned and not self.all_posts.isChecked():
            return self.tr("{names}: no assigned posts. Assign posts first (Team menu), or "
                           "give them every post.").format(names=", ".join(unassigned))
        taken = [path.name for path in self.targets() if path.exists()]
        if taken:
            return self.tr("Already in the folder (never overwritten): {names}.").format(
                names=", ".join(taken))
        return None

    def _update(self) -> None:
        problem = self._problem()
        self.create_button.setEnabled(problem is None)
        if problem is not None:
            self.files.setText(problem)
        else:
            self.files.setText(self.tr("Files to write: {names}").format(
                names=", ".join(path.name for path in self.targets())))

    def _on_coder_list_item_changed(self) -> None:
        self._update()

    def _on_all_posts_toggled(self) -> None:
        self._update()

    def _on_folder_text_changed(self) -> None:
        self._update()

    def _on_browse_clicked(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the packages"),
                                                  self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def _on_buttons_accepted(self) -> None:
        if self._problem() is not None:  # e.g. a file appeared in the folder meanwhile
            self._update()
            return
        self.packages_requested.emit(self.request())
        self.accept()
