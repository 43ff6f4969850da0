"""Where the app keeps its own files (the demo project, the last import mapping, logs, backups
of projects whose own folder is read-only); not where projects live."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

DATA_DIR_ENV = "ANNOTATOR_DATA_DIR"
"""Environment variable that overrides the data folder (tests, portable installs)."""

LOG_DIR_ENV = "ANNOTATOR_LOG_DIR"
"""Environment variable that overrides the log folder (as for ``annotator-cli``)."""

DEMO_FILE = "demo.annot"


def data_dir() -> Path:
    """The per-user data folder, ``$ANNOTATOR_DATA_DIR`` when set; not created here."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    return platformdirs.user_data_path("annotator", appauthor=False)


def log_dir() -> Path:
    """The per-user log folder (shared with ``annotator-cli``), ``$ANNOTATOR_LOG_DIR`` when
    set; not created here."""
    override = os.environ.get(LOG_DIR_ENV)
    if override:
        return Path(override)
    return platformdirs.user_log_path("annotator")


def backups_fallback_dir() -> Path:
    """Where backups go when the folder beside a project cannot be written (one
    subfolder per project, see :mod:`annotator.core.backups`); not created here."""
    return data_dir() / "backups"


def demo_path() -> Path:
    """Where the demo project lives (created on first use by the caller)."""
    return data_dir() / DEMO_FILE


def import_mapping_path() -> Path:
    """Where the import dialog writes the column mapping of an import the user did not save
    elsewhere (overwritten by the next such import); the folder is created by the writer."""
    return data_dir() / "mappings" / "last-import.yaml"
