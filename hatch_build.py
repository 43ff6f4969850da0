"""Hatch build hook: compiles ``resources/translations/*.ts`` into ``.qm`` files.

The ``.qm`` files are written beside their ``.ts`` (they are git-ignored), before hatch
collects the files, so the wheel's ``force-include`` of ``resources/`` carries them and an
editable install finds them in the checkout. The compiler is ``annotator/ui/linguist.py``,
loaded by path: the build environment has hatchling but not PySide6 (nor lrelease).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

TRANSLATIONS = Path("resources") / "translations"
COMPILER = Path("annotator") / "ui" / "linguist.py"


class TranslationsBuildHook(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        linguist = _load(root / COMPILER)
        sources = sorted((root / TRANSLATIONS).glob("*.ts"))
        for ts in sources:
            linguist.compile_file(ts, ts.with_suffix(".qm"))
        self.app.display_info(f"compiled {len(sources)} translation(s) in {TRANSLATIONS}")


def _load(path: Path) -> Any:
    spec = importlib.util.spec_from_file_location("_annotator_linguist", path)
    if spec is None or spec.loader is None:
        raise RuntimeError(f"cannot load the translation compiler {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being made
    spec.loader.exec_module(module)
    return module
