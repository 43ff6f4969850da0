"""Static checks that the project promises: ruff everywhere, mypy --strict on the core and CLI."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_tool(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    tool = shutil.which(name, path=str(Path(sys.executable).parent))
    assert tool, f"{name} is a test dependency: pip install -e '.[test]'"
    return subprocess.run([tool, *args], cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_is_clean() -> None:
    result = run_tool("ruff", "check", "annotator", "tests", "benchmarks", "packaging", "scripts")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_is_clean_on_core_and_cli() -> None:
    result = run_tool("mypy", "--no-incremental")
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_module_is_a_grab_bag_or_too_long() -> None:
    modules = list((ROOT / "annotator").rglob("*.py"))
    assert not [m for m in modules if m.stem in {"utils", "helpers", "misc", "common"}]
    too_long = {str(m.relative_to(ROOT)): n for m in modules
                if (n := len(m.read_text(encoding="utf-8").splitlines())) > 600}
    assert too_long == {}
