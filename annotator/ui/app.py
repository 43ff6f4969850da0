"""The GUI entry point and composition root: ``annotator [PROJECT]``, ``python -m annotator``.

Arguments are parsed before Qt starts, so ``--version`` never creates a
QApplication. Then the app, the settings, the writer pool and the main window
are built here and nowhere else.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

import annotator
from annotator import assets
from annotator.ui import app_log, appearance, locations
from annotator.ui.collector import MainThreadCollector
from annotator.ui.crash import CrashHandler
from annotator.ui.fonts import ensure_emoji_font
from annotator.ui.jobs import writer_pool
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings
from annotator.ui.translations import install_translator

log = logging.getLogger("annotator")

APP_NAME = "Annotator"
APP_ID = "io.github.annotator.Annotator"
"""The reverse-DNS id of packaging/linux/*.desktop and *.metainfo.xml."""
QUIT_AFTER_ENV = "ANNOTATOR_QUIT_AFTER_MS"
"""Environment variable: quit the event loop this many ms after start (smoke tests)."""


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="annotator", description="Corpus coding of Telegram posts."
    )
    parser.add_argument("project", nargs="?", type=Path, help="project file (.annot) to open")
    parser.add_argument("--demo", action="store_true", help="open the demo project")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument("--quit-after-ms", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--screenshot", type=Path, default=None, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the desktop app; returns the exit status."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.version:
        print(f"annotator {annotator.__version__}")
        return 0
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    logs = app_log.start_logging(locations.log_dir())
    log.info("%s", "; ".join(app_log.versions()))

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(annotator.__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(QIcon(str(assets.resource("app/annotator.svg"))))
    ensure_emoji_font(app)
    collector = MainThreadCollector(app)
    crash = CrashHandler(app)
    crash.install()

    settings = Settings()
    install_translator(app, settings.language())  # before any widget exists
    appearance.of(app).apply_settings(settings)
    pool = writer_pool(app)
    window = MainWindow(settings, pool)
    window.show()
    _open_initial(window, args)

    quit_after = args.quit_after_ms
    if quit_after is None and os.environ.get(QUIT_AFTER_ENV):
        quit_after = int(os.environ[QUIT_AFTER_ENV])
    if args.screenshot is not None:
        QTimer.singleShot(300, lambda: _screenshot(window, args.screenshot))
    elif quit_after is not None:
        QTimer.singleShot(quit_after, app.closeAllWindows)  # dialogs too, then the window
    try:
        return app.exec()
    finally:
        pool.waitForDone()
        collector.stop()
        crash.uninstall()
        logs.close()


def _open_initial(window: MainWindow, args: argparse.Namespace) -> None:
    """Open what the command line asked for, else the last project, else show the welcome."""
    if args.project is not None:
        window.open_project(args.project)
    elif args.demo:
        window.open_demo()
    else:
        last = window.settings.last_project()
        if last is not None:
            window.open_project(last)


def _screenshot(window: MainWindow, path: Path) -> None:
    if not window.grab().save(str(path)):
        log.error("could not save the screenshot to %s", path)
    window.close()

