"""Team → Merge coder packages…: the check as a readable preview, then Merge.

The dialog checks the chosen package files against the project in the background (a
pure read) and shows, per package, the coder, the origin, the posts, what happens to
annotations, values and statuses, codebook differences and the conflicts with how they
are resolved. Changing the files or an option checks again. Merge is enabled only for
a check that is ready and changes something; it emits ``merge_requested`` with that
check, and whoever opened the dialog runs the merge.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.progress import Cancelled
from annotator.core.project import PROJECT_SUFFIX, Project
from annotator.core.team.merge import (
    KINDS,
    CoderMatch,
    ConflictReason,
    MergeConflict,
    MergeOptions,
    MergePlan,
    PackageCheck,
    RefusalReason,
    Resolution,
)
from annotator.core.team.merge_plan import check_merge
from annotator.ui.background import BackgroundReads
from annotator.ui.errors import user_message

SHOWN_CONFLICTS = 200
"""Conflicts listed per package in the preview; the rest are counted."""
_CONTEXT = "PackageMergeDialog"
"""The translation context of this module's texts (written out in each call for lupdate)."""


def _reason(reason: ConflictReason) -> str:
    text = {
        ConflictReason.POST_MISSING: QT_TRANSLATE_NOOP(
            "PackageMergeDialog", "the post is not in this project"),
        ConflictReason.TEXT_CHANGED: QT_TRANSLATE_NOOP(
            "PackageMergeDialog", "the post's text differs from this project's"),
        ConflictReason.CODE_MISSING: QT_TRANSLATE_NOOP(
            "PackageMergeDialog", "its code is not in this project's codebook"),
        ConflictReason.CODE_KIND: QT_TRANSLATE_NOOP(
            "PackageMergeDialog", "its code is of another kind in this project"),
        ConflictReason.INVALID_VALUE: QT_TRANSLATE_NOOP(
            "PackageMergeDialog", "this project's variable does not take the value"),
        ConflictReason.INVALID_SPAN: QT_TRANSLATE_NOOP(
            "PackageMergeDialog", "the span does not fit the post's text"),
        ConflictReason.UUID_IN_USE: QT_TRANSLATE_NOOP(
            "PackageMergeDialog", "this project uses its id for other work"),
        ConflictReason.BOTH_CHANGED: QT_TRANSLATE_NOOP(
            "PackageMergeDialog", "changed both in the package and in this project"),
        ConflictReason.DELETED_IN_PROJECT: QT_TRANSLATE_NOOP(
            "PackageMergeDialog", "changed in the package, deleted here"),
        ConflictReason.DELETED_IN_PACKAGE: QT_TRANSLATE_NOOP(
            "PackageMergeDialog", "deleted in the package, changed here"),
        ConflictReason.DUPLICATE: QT_TRANSLATE_NOOP(
            "PackageMergeDialog", "the same code on the same span exists here"),
    }[reason]
    return QCoreApplication.translate(_CONTEXT, text)


def _refusal(check: PackageCheck) -> str:
    assert check.refusal is not None
    text = QCoreApplication.translate(_CONTEXT, {
        RefusalReason.UNREADABLE: QT_TRANSLATE_NOOP("PackageMergeDialog", "cannot be read"),
        RefusalReason.NOT_PACKAGE: QT_TRANSLATE_NOOP(
            "PackageMergeDialog", "is not a coder package"),
        RefusalReason.FOREIGN: QT_TRANSLATE_NOOP(
            "PackageMergeDialog", "was cut from another project (allow it below to merge "
            "it anyway)"),
        RefusalReason.LISTED_TWICE: QT_TRANSLATE_NOOP("PackageMergeDialog", "is listed twice"),
        RefusalReason.SAME_CODER: QT_TRANSLATE_NOOP(
            "PackageMergeDialog", "is for the same coder as another package here; merge "
            "them one at a time"),
        RefusalReason.NOT_A_PERSON: QT_TRANSLATE_NOOP(
            "PackageMergeDialog", "is for the adjudicated layer, not a coder"),
    }[check.refusal.reason])
    detail = check.refusal.detail
    return text + (f" ({detail})" if detail and check.refusal.reason is
                   RefusalReason.UNREADABLE else "")


def conflict_text(conflict: MergeConflict) -> str:
    """One conflict as a readable line, with how it is resolved."""
    where = QCoreApplication.translate(_CONTEXT, {
        "post": QT_TRANSLATE_NOOP("PackageMergeDialog", "Post {post}"),
        "annotation": QT_TRANSLATE_NOOP("PackageMergeDialog", "Annotation on post {post}"),
        "value": QT_TRANSLATE_NOOP("PackageMergeDialog", "Post value on post {post}"),
        "status": QT_TRANSLATE_NOOP("PackageMergeDialog", "Status of post {post}"),
    }[conflict.kind]).format(post=conflict.post_id)
    detail = f" ({conflict.detail})" if conflict.detail else ""
    how = QCoreApplication.translate(_CONTEXT, {
        Resolution.BLOCKS: QT_TRANSLATE_NOOP("PackageMergeDialog", "blocks the merge"),
        Resolution.PACKAGE: QT_TRANSLATE_NOOP(
            "PackageMergeDialog", "the package's version is taken"),
        Resolution.SKIPPED: QT_TRANSLATE_NOOP("PackageMergeDialog", "post left out"),
    }[conflict.resolution])
    return f"{where}{detail}: {_reason(conflict.reason)} — {how}"


def check_heading(check: PackageCheck) -> str:
    """The package's line in the preview: file, coder and verdict."""
    name = check.path.name
    if check.refusal is not None:
        return QCoreApplication.translate(
            "PackageMergeDialog", "{file}: refused — it {why}").format(
            file=name, why=_refusal(check))
    if check.blocking:
        state = QCoreApplication.translate(
            "PackageMergeDialog", "{count} conflict(s) block the merge").format(
            count=len(check.blocking))
    elif check.writes:
        state = QCoreApplication.translate(
            "PackageMergeDialog", "ready, {count} change(s)").format(count=check.writes)
    else:
        state = QCoreApplication.translate("PackageMergeDialog", "nothing new")
    return QCoreApplication.translate("PackageMergeDialog", "{file} — {coder}: {state}").format(
        file=name, coder=check.coder_name, state=state)


def check_lines(check: PackageCheck) -> list[tuple[str, list[str]]]:
    """The package's details: (line, sub-lines) pairs."""
    if check.refusal is not None and not check.coder_uuid:
        return []
    coder = QCoreApplication.translate(_CONTEXT, {
        CoderMatch.SAME: QT_TRANSLATE_NOOP(
            "PackageMergeDialog", "Coder: {name} (known to this project)"),
        CoderMatch.RENAMED: QT_TRANSLATE_NOOP(
            "PackageMergeDialog", "Coder: {name} (called “{ours}” here; that name is kept)"),
        CoderMatch.NEW: QT_TRANSLATE_NOOP(
            "PackageMergeDialog", "Coder: {name} (new: added as “{ours}”)"),
    }[check.coder_match])
    origin = (QCoreApplication.translate("PackageMergeDialog", "Origin: this project")
              if check.origin_ok else QCoreApplication.translate(
                  "PackageMergeDialog", "Origin: ANOTHER project ({uuid})").format(
                  uuid=check.origin_uuid))
    lines = [(coder.format(name=check.coder_name, ours=check.project_coder_name), []),
             (origin, [])]
    if check.refusal is not None:
        return lines
    posts = QCoreApplication.translate("PackageMergeDialog", "Posts: {count}").format(
        count=check.posts)
    extra = [QCoreApplication.translate(_CONTEXT, text).format(count=count)
             for text, count in (
        (QT_TRANSLATE_NOOP("PackageMergeDialog", "{count} missing here"), check.posts_missing),
        (QT_TRANSLATE_NOOP("PackageMergeDialog", "{count} with another text here"),
         check.posts_changed),
        (QT_TRANSLATE_NOOP("PackageMergeDialog", "{count} left out for conflicts"),
         check.skipped_posts)) if count]
    lines.append((posts + (f" ({', '.join(extra)})" if extra else ""), []))
    names = {"annotations": QCoreApplication.translate("PackageMergeDialog", "Annotations"),
             "values": QCoreApplication.translate("PackageMergeDialog", "Post values"),
             "statuses": QCoreApplication.translate("PackageMergeDialog", "Statuses")}
    for kind in KINDS:
        c = check.counts[kind]
        text = QCoreApplication.translate(
            "PackageMergeDialog", "{kind}: {added} added, {updated} updated, {removed} "
            "removed, {unchanged} unchanged, {kept} kept (changed here since packaging), "
            "{conflicts} in conflict, {skipped} left out").format(
            kind=names[kind], **c.as_dict())
        lines.append((text, []))
    lines.append((QCoreApplication.translate(
        "PackageMergeDialog", "Memos written: {count}").format(count=check.memos), []))
    at_cut, in_package, here = check.codebook_versions
    lines.append((QCoreApplication.translate(
        "PackageMergeDialog", "Codebook: version {cut} at packaging, {package} in the "
        "package, {here} here; {count} difference(s)").format(
        cut=at_cut, package=in_package, here=here, count=len(check.codebook)),
        [str(note) for note in check.codebook]))
    if check.merged_before:
        lines.append((QCoreApplication.translate(
            "PackageMergeDialog", "Merged before: {dates}").format(dates=", ".join(
            at.astimezone().strftime("%Y-%m-%d %H:%M") for at in check.merged_before)), []))
    if check.conflicts:
        shown = [conflict_text(c) for c in check.conflicts[:SHOWN_CONFLICTS]]
        if len(check.conflicts) > SHOWN_CONFLICTS:
            shown.append(QCoreApplication.translate(
                "PackageMergeDialog", "… and {count} more").format(
                count=len(check.conflicts) - SHOWN_CONFLICTS))
        lines.append((QCoreApplication.translate(
            "PackageMergeDialog", "Conflicts: {count}").format(count=len(check.conflicts)),
            shown))
    return lines


class PackageMergeDialog(QDialog):
    """Checks ``paths`` against ``project`` and previews the merge (see the module)."""

    merge_requested = Signal(object)
    """merge_requested(plan: MergePlan): Merge was clicked on this (ready) check."""

    checked = Signal(object)
    """checked(result: MergePlan | BaseException): a check finished and is shown."""

    def __init__(self, project: Project, paths: Sequence[Path],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge coder packages"))
        self.resize(760, 600)
        self._project = project
        self.plan: MergePlan | None = None
        self.reads = BackgroundReads(self)
        intro = QLabel(self.tr(
            "Each package is checked against this project first: nothing is written until "
            "you click Merge. The merge writes a backup of the project, then brings every "
            "package in at once, or nothing."), self)
        intro.setWordWrap(True)
        self.file_list = QListWidget(self)
        for path in paths:
            self.file_list.addItem(str(path))
        self.add_button = QPushButton(self.tr("Add packages…"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.prefer_package = QCheckBox(self.tr(
            "Where both sides changed something, take the package's version"), self)
        self.skip_conflicts = QCheckBox(self.tr("Leave posts with conflicts out"), self)
        self.allow_foreign = QCheckBox(self.tr("Allow packages cut from another project"),
                                       self)
        self.report = QTreeWidget(self)
        self.report.setHeaderHidden(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.merge_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.merge_button.setText(self.tr("Merge"))

        file_buttons = QVBoxLayout()
        file_buttons.addWidget(self.add_button)
        file_buttons.addWidget(self.remove_button)
        file_buttons.addStretch(1)
        files = QHBoxLayout()
        files.addWidget(self.file_list, 1)
        files.addLayout(file_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(files)
        for box in (self.prefer_package, self.skip_conflicts, self.allow_foreign):
            layout.addWidget(box)
        layout.addWidget(self.report, 3)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        for box in (self.prefer_package, self.skip_conflicts, self.allow_foreign):
            box.toggled.connect(self._on_option_toggled)
        self.reads.succeeded.connect(self._on_reads_succeeded)
        self.reads.failed.connect(self._on_reads_failed)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.recheck()

    def paths(self) -> list[Path]:
        return [Path(self.file_list.item(row).text()) for row in range(self.file_list.count())]

    def add_paths(self, paths: Sequence[Path]) -> None:
        known = set(self.paths())
        for path in paths:
            if Path(path) not in known:
                self.file_list.addItem(str(path))
        self.recheck()

    def options(self) -> MergeOptions:
        return MergeOptions(prefer_package=self.prefer_package.isChecked(),
                            skip_conflicts=self.skip_conflicts.isChecked(),
                            allow_foreign=self.allow_foreign.isChecked())

    def recheck(self) -> None:
        """Check the listed files again with the current options (in the background)."""
        self.plan = None
        self.merge_button.setEnabled(False)
        self.report.clear()
        paths = self.paths()
        if not paths:
            self.reads.cancel("check")
            self.status.setText(self.tr("Add the coder packages to merge."))
            return
        self.status.setText(self.tr("Checking…"))
        self.reads.run("check", partial(check_merge, self._project, paths, self.options()))

    def done(self, result: int) -> None:  # Qt override: no check outlives the dialog
        self.reads.shutdown()
        super().done(result)

    def _show(self, plan: MergePlan) -> None:
        self.report.clear()
        for check in plan.packages:
            top = QTreeWidgetItem(self.report, [check_heading(check)])
            for line, details in check_lines(check):
                item = QTreeWidgetItem(top, [line])
                for detail in details:
                    QTreeWidgetItem(item, [detail])
            top.setExpanded(True)
        problem_count = sum(len(c.blocking) for c in plan.packages)
        if plan.refused:
            self.status.setText(self.tr("Remove or fix the refused package(s) to merge."))
        elif problem_count:
            self.status.setText(self.tr(
                "{count} conflict(s) block the merge. Take the packages' version, or leave "
                "those posts out, with the options above.").format(count=problem_count))
        elif not plan.has_changes:
            self.status.setText(self.tr("Nothing to merge: this project already holds the "
                                        "packages' work."))
        else:
            self.status.setText(self.tr("Ready to merge."))
        self.merge_button.setEnabled(plan.ready and plan.has_changes)

    # Slots

    def _on_add_button_clicked(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Coder packages"), str(self._project.path.parent),
            self.tr("Annotator projects (*{suffix})").format(suffix=PROJECT_SUFFIX))
        if names:
            self.add_paths([Path(name) for name in names])

    def _on_remove_button_clicked(self) -> None:
        for item in self.file_list.selectedItems():
            self.file_list.takeItem(self.file_list.row(item))
        self.recheck()

    def _on_option_toggled(self) -> None:
        self.recheck()

    def _on_reads_succeeded(self, _key: str, plan: MergePlan) -> None:
        self.plan = plan
        self._show(plan)
        self.checked.emit(plan)

    def _on_reads_failed(self, _key: str, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            return
        self.status.setText(user_message(error))
        self.checked.emit(error)

    def _on_buttons_accepted(self) -> None:
        plan = self.plan
        if plan is not None and plan.ready and plan.has_changes:
            self.merge_requested.emit(plan)
            self.accept()
