"""Finds the bundled ``resources/`` and ``schemas/`` folders.

Looked up in a PyInstaller bundle (``sys._MEIPASS``), then inside the installed
package (wheels carry them as ``annotator/_data/``), then in the source checkout.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _candidates(name: str) -> list[Path]:
    found = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        found.append(Path(bundle) / name)
    found += [_PACKAGE / "_data" / name, _PACKAGE.parent / name]
    return found


@cache
def _root(name: str) -> Path:
    for candidate in _candidates(name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"Annotator's {name}/ folder is missing from this installation")


def resource(relative: str) -> Path:
    """Path of a file under ``resources/``; raises ``FileNotFoundError`` when absent."""
    path = _root("resources") / relative
    if not path.exists():
        raise FileNotFoundError(f"missing resource: {relative}")
    return path


def schema(name: str) -> Path:
    """Path of a JSON schema under ``schemas/``."""
    path = _root("schemas") / name
    if not path.exists():
        raise FileNotFoundError(f"missing schema: {name}")
    return path
