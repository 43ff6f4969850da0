"""Refresh the Qt Linguist sources in resources/translations/ from the code, and build .qm.

    python scripts/update_translations.py            # lupdate annotator/ui into every .ts
    python scripts/update_translations.py --drop-vanished   # also drop messages gone from code
    python scripts/update_translations.py --release  # then compile every .ts into its .qm
    python scripts/update_translations.py --qm-only  # only compile (before a PyInstaller build)
    python scripts/update_translations.py --check    # exit 1 when the .ts files are out of date

lupdate (``pyside6-lupdate``, shipped with PySide6-Essentials) finds every ``self.tr(...)``,
``QCoreApplication.translate("context", ...)`` and ``QT_TRANSLATE_NOOP`` in the ``.py`` files
of annotator/ui. English is the source language: new messages of ``annotator_en.ts`` get their
source as a finished translation (plural messages excepted: write their two forms by hand).
Then translate the unfinished messages of the other files in Qt Linguist
(``pyside6-linguist resources/translations/annotator_ru.ts``) or an editor, and mark them
finished. ``--release`` and ``--qm-only`` compile with annotator/ui/linguist.py, which writes
what lrelease writes; wheel builds (hatch_build.py) and the app itself (when a .qm is missing
or stale, see annotator/ui/translations.py) compile on their own too.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "annotator" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
SOURCE_LANGUAGE = "en"
_LUPDATE = "from PySide6.scripts.pyside_tool import lupdate; lupdate()"
_MESSAGE = re.compile(r"<message>(?P<body>.*?)</message>", re.S)
_UNFINISHED = '<translation type="unfinished"></translation>'


def linguist() -> ModuleType:
    """annotator/ui/linguist.py, loaded by path (it needs no Qt and no installed package)."""
    spec = importlib.util.spec_from_file_location("_linguist", SOURCES / "linguist.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def source_files() -> list[Path]:
    return sorted(SOURCES.rglob("*.py"))


def ts_files() -> list[Path]:
    return sorted(TRANSLATIONS.glob("annotator_*.ts"))


def lupdate_available() -> bool:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        return False
    folder = Path(spec.origin).parent
    return any((folder / name).is_file() for name in ("lupdate", "lupdate.exe"))


def run_lupdate(ts_file: Path, *, drop_vanished: bool = False) -> None:
    """Merge the messages of annotator/ui into ``ts_file`` (created when missing)."""
    language = ts_file.stem.removeprefix("annotator_")
    command = [sys.executable, "-c", _LUPDATE, *map(str, source_files()),
               "-locations", "none", "-source-language", SOURCE_LANGUAGE,
               "-target-language", language, "-silent", "-ts", str(ts_file)]
    if drop_vanished:
        command.insert(-2, "-no-obsolete")
    subprocess.run(command, check=True, cwd=ROOT)


def code_messages() -> set[tuple[str, str, str]]:
    """(context, source, disambiguation) of every message lupdate finds in annotator/ui."""
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / f"annotator_{SOURCE_LANGUAGE}.ts"
        run_lupdate(fresh)
        return {(m.context, m.source, m.comment) for m in linguist().read_ts(fresh).messages}


def fill_source_language(ts_file: Path) -> int:
    """Give each new singular message of the English file its source as a finished
    translation; returns how many were filled."""
    text = ts_file.read_text(encoding="utf-8")
    filled = 0

    def fill(match: re.Match[str]) -> str:
        nonlocal filled
        body = match["body"]
        source = re.search(r"<source>(.*?)</source>", body, re.S)
        if _UNFINISHED not in body or source is None:
            return match[0]
        filled += 1
        return match[0].replace(_UNFINISHED, f"<translation>{source[1]}</translation>")

    text = _MESSAGE.sub(fill, text)
    ts_file.write_text(text, encoding="utf-8")
    return filled


def report(ts_file: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    for message in linguist().read_ts(ts_file).messages:
        counts[message.state] = counts.get(message.state, 0) + 1
    return counts


def compile_all() -> list[Path]:
    """Compile every .ts into the .qm beside it (git-ignored); returns the .qm paths."""
    compiler = linguist()
    written = []
    for ts_file in ts_files():
        compiler.compile_file(ts_file, ts_file.with_suffix(".qm"))
        written.append(ts_file.with_suffix(".qm"))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drop-vanished", action="store_true",
                        help="remove messages that are no longer in the code")
    parser.add_argument("--release", action="store_true",
                        help="after updating, compile every .ts into its .qm")
    parser.add_argument("--qm-only", action="store_true",
                        help="only compile the .qm files (no lupdate, no PySide6 needed): "
                             "run this before a PyInstaller build")
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 when the code has messages the .ts lack "
                             "or a .ts has unfinished, vanished or stale ones")
    args = parser.parse_args(argv)
    if not args.qm_only:
        if not lupdate_available():
            print("lupdate is missing: install PySide6-Essentials", file=sys.stderr)
            return 2
        if args.check:
            return _check()
        for ts_file in ts_files():
            run_lupdate(ts_file, drop_vanished=args.drop_vanished)
            if ts_file.stem == f"annotator_{SOURCE_LANGUAGE}":
                fill_source_language(ts_file)
            print(f"{ts_file.relative_to(ROOT)}: {report(ts_file)}")
    if args.release or args.qm_only:
        for qm_file in compile_all():
            print(f"{qm_file.relative_to(ROOT)} written")
    return 0


def _check() -> int:
    wanted = code_messages()
    status = 0
    for ts_file in ts_files():
        messages = linguist().read_ts(ts_file).messages
        have = {(m.context, m.source, m.comment) for m in messages if m.active}
        problems = [f"missing: {key}" for key in sorted(wanted - have)]
        problems += [f"no longer in the code: {key}" for key in sorted(have - wanted)]
        problems += [f"{m.state}: {(m.context, m.source)}" for m in messages
                     if m.state != "finished"]
        for problem in problems:
            print(f"{ts_file.relative_to(ROOT)}: {problem}")
        status = status or int(bool(problems))
    return status


if __name__ == "__main__":
    sys.exit(main())
