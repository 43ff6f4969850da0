"""The command line in a fresh interpreter: entry point, no Qt, UTF-8 output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator import __version__

ROOT = Path(__file__).resolve().parents[2]

NO_QT = """
import importlib, pkgutil, sys
import annotator.cli
import annotator.core
for module in pkgutil.walk_packages(annotator.core.__path__, "annotator.core."):
    importlib.import_module(module.name)
loaded = sorted(m for m in sys.modules if m.split(".")[0] == "PySide6" or
                m.startswith(("annotator.ui", "shiboken6")))
assert not loaded, loaded
print(len([m for m in sys.modules if m.startswith("annotator.core.")]))
"""


def run_python(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **env}
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=environment, capture_output=True,
        text=True, encoding="utf-8", timeout=120, check=False,
    )


@pytest.mark.slow
def test_module_entry_point_prints_the_version() -> None:
    result = run_python("-m", "annotator.cli", "--version")
    assert (result.returncode, result.stdout, result.stderr) == (
        0, f"annotator-cli {__version__}\n", ""
    )


@pytest.mark.slow
def test_cli_and_core_never_import_qt() -> None:
    result = run_python("-c", NO_QT)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) >= 20  # every core module was imported


@pytest.mark.slow
def test_stdout_is_utf8_whatever_the_locale(tmp_path: Path) -> None:
    project = tmp_path / "demo.annot"
    ascii_env = {"PYTHONIOENCODING": "ascii", "LC_ALL": "C", "LANG": "C",
                 "PYTHONUTF8": "0"}
    assert run_python("-m", "annotator.cli", "demo", str(project), **ascii_env).returncode == 0
    result = run_python("-m", "annotator.cli", "posts", str(project), "--json", **ascii_env)
    assert result.returncode == 0, result.stderr
    posts = json.loads(result.stdout)
    assert posts[0]["forwarded_from"] == "Russian MFA 🇷🇺"
    table = run_python("-m", "annotator.cli", "posts", str(project), **ascii_env)
    assert table.returncode == 0, table.stderr
    assert "🇷🇺🇧🇾 June 25" in table.stdout
