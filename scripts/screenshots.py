"""Render the user guide's screenshots (docs/images/*.png) offscreen from a coded demo project.

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [--out docs/images]

The demo project is coded by three coders with a seeded generator, so the pictures are the
same on every run (apart from fonts: install fonts-noto-color-emoji for emoji glyphs).
Settings go to a temporary folder, never to the user's own.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.core.agreement_service import agreement_report  # noqa: E402
from annotator.core.demo import create_demo  # noqa: E402
from annotator.core.model import PostStatus  # noqa: E402
from annotator.core.project import Project  # noqa: E402
from annotator.core.spans import Span  # noqa: E402
from annotator.ui.adjudication.window import AdjudicationWindow  # noqa: E402
from annotator.ui.agreement.window import AgreementWindow  # noqa: E402
from annotator.ui.dialogs.assign_dialog import AssignDialog  # noqa: E402
from annotator.ui.main_window import MainWindow  # noqa: E402
from annotator.ui.settings import Settings  # noqa: E402

CODERS = ("Alice", "Bob", "Carol")


def code_project(project: Project, seed: int = 7) -> None:
    """Three coders who mostly agree; Carol finishes half of the posts."""
    rng = random.Random(seed)
    coders = [project.coders.get_or_create(name).id for name in CODERS]
    codes = [c for c in project.codes.list() if not c.is_variable and c.parent_id is not None]
    stance = project.codes.by_path("Stance toward the West")
    levels = [level.name for level in stance.levels]
    for post in project.posts.get_many(project.posts.ids()):
        truth = {c.id for c in codes if rng.random() < 0.3}
        for coder in coders:
            if coder == coders[2] and rng.random() < 0.5:
                continue
            for code in codes:
                has = (code.id in truth) != (rng.random() < 0.08)
                if has and len(post.text) > 60:
                    anchor = (post.id * 37 + code.id * 11) % (len(post.text) // 2)
                    start = max(0, anchor + rng.randrange(-3, 4))
                    end = min(len(post.text), anchor + 45 + rng.randrange(-3, 4))
                    project.annotations.add(post.id, code.id, coder, Span(start, end))
            project.values.set(post.id, stance.id, coder, rng.choice(levels[:3]))
            project.statuses.set(post.id, coder, PostStatus.DONE)


def save(widget: QWidget, path: Path) -> None:
    QApplication.processEvents()
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(f"wrote {path}")


def analysis_windows(project: Project, out: Path) -> None:
    """The agreement window (table and chart) and the adjudication window."""
    agreement = AgreementWindow()
    agreement.set_project(project)
    agreement.resize(1280, 760)
    agreement.show()
    agreement.show_report(agreement_report(project, agreement.options.options()))
    save(agreement, out / "agreement-table.png")
    agreement.report_view.tabs.setCurrentIndex(1)
    save(agreement, out / "agreement-chart.png")
    agreement.shutdown()

    adjudication = AdjudicationWindow()
    adjudication.set_project(project)
    adjudication.resize(1320, 820)
    adjudication.show()
    save(adjudication, out / "adjudication.png")
    adjudication.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("docs/images"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = Path(tempfile.mkdtemp())
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    app = QApplication(sys.argv)
    app.setApplicationName("Annotator")
    path = folder / "demo.annot"
    with create_demo(path) as project:
        code_project(project)

    window = MainWindow(Settings())
    window.resize(1400, 860)
    window.show()
    window.open_project(path)
    chooser = window.coding.coders.dialog
    if chooser is not None:
        chooser.new_name.setText("Alice")
        chooser.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    window.post_list.select_row(1)
    save(window, args.out / "main-window.png")
    project = window.project
    assert project is not None

    analysis_windows(project, args.out)

    assign = AssignDialog(project, None, window)
    assign.check_coders(list(CODERS))
    assign.show()
    save(assign, args.out / "assign-dialog.png")
    assign.close()

    export = window.exporting.show_export_dialog()
    if export is not None:
        save(export, args.out / "export-dialog.png")
        export.close()
    window.close()
    window.pool.waitForDone()


if __name__ == "__main__":
    main()
