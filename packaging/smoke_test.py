"""Smoke-test a PyInstaller bundle of Annotator by running its two programs.

    python packaging/smoke_test.py [BUNDLE]     # default: dist/annotator (dist/Annotator.app)

BUNDLE is the one-folder output (``dist/annotator``) or, on macOS, ``Annotator.app``. Any
Python 3.11+ runs this file (standard library only); the bundle runs with a clean environment
(fresh HOME, no PYTHONPATH, no LD_LIBRARY_PATH, no QT_PLUGIN_PATH), so it can only use what
it carries. The checks:

- ``annotator-cli --version`` and ``annotator --version`` print the source tree's version;
- ``annotator-cli demo`` and ``info --json`` work (resources/ and schemas/ found in the bundle);
- ``import`` of each format's test fixture (the importers are chosen by content at run
  time), ``codebook --load``, ``annotations --load``, ``agreement``, ``export`` to XLSX, CSV
  and REFI-QDA and ``import-qdpx`` back (lazy imports, jsonschema and XSD files);
- the GUI ``annotator --demo`` starts offscreen with a fresh HOME and quits by itself
  (ANNOTATOR_QUIT_AFTER_MS) with exit status 0 and no traceback on stderr, and draws
  its window (``--screenshot``);
- (Linux) with the installed emoji fonts hidden, the GUI loads the bundled one quietly;
- left-out Qt libraries and packages are really absent, and (Linux) every bundled Qt
  library and plugin finds the Qt libraries it links to.

Prints one line per check and ends with "N passed, N failed"; exits 1 when any check failed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data"
IS_WIN, IS_MAC = sys.platform == "win32", sys.platform == "darwin"
EXE_SUFFIX = ".exe" if IS_WIN else ""

FIXTURES = [
    ("tg-text", DATA / "tg-web-preview-sample.txt"),
    ("tg-json", DATA / "tg_json" / "channel" / "result.json"),
    ("tg-html", DATA / "tg_html" / "channel"),
    ("tg-web", DATA / "tg_web" / "dailydigest"),
    ("table", DATA / "tables" / "4cat-telegram.csv"),  # preset from resources/mappings/
]
"""One input per importer; each is detected by content, as a user's file would be."""

LEFT_OUT = [
    "*Qt6Network*", "*Qt6Qml*", "*Qt6Quick*", "*Qt6Pdf*", "*Qt6WebEngine*", "*Qt6Multimedia*",
    "*Qt6Sql*", "*Qt6Test*", "*Qt6Designer*", "*Qt6VirtualKeyboard*", "*QtNetwork*",
    "*QtQml*", "*QtQuick*", "opengl32sw.dll", "translations/qtbase_de.qm",
    "translations/qtbase_fr.qm", "translations/qt_help_*.qm",
    "PIL", "matplotlib", "scipy", "tkinter", "_tkinter*", "pytest", "IPython",
]
"""Globs (below the bundle's contents folder) that the spec leaves out on purpose."""

ENV_DROPPED = ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "LD_LIBRARY_PATH", "QT_PLUGIN_PATH",
               "QT_QPA_PLATFORM_PLUGIN_PATH", "QML2_IMPORT_PATH", "DYLD_LIBRARY_PATH",
               "DYLD_FRAMEWORK_PATH", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
               "XDG_STATE_HOME", "ANNOTATOR_DATA_DIR", "ANNOTATOR_QUIT_AFTER_MS")


def source_version() -> str:
    text = (REPO / "annotator" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"', text, re.M)
    assert found, "annotator/__init__.py has no __version__"
    return found.group(1)


class Bundle:
    """Where the programs and the data folder of a bundle are."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.programs = root / "Contents" / "MacOS" if root.suffix == ".app" else root
        self.contents = root / "Contents" / "Frameworks" if root.suffix == ".app" \
            else root / "_internal"
        self.gui = self.programs / f"annotator{EXE_SUFFIX}"
        self.cli = self.programs / f"annotator-cli{EXE_SUFFIX}"


class Run:
    """Runs the bundle's programs in a sandbox: temporary HOME, logs and data folders."""

    def __init__(self, bundle: Bundle, work: Path, timeout: float) -> None:
        self.bundle, self.work, self.timeout = bundle, work, timeout
        self.home = work / "home"
        self.home.mkdir()
        self.env = {k: v for k, v in os.environ.items() if k not in ENV_DROPPED}
        self.env.update(HOME=str(self.home), ANNOTATOR_LOG_DIR=str(work / "logs"),
                        PYTHONIOENCODING="utf-8")
        if IS_WIN:  # platformdirs asks Windows, not HOME, for the data folder
            self.env.update(USERPROFILE=str(self.home), ANNOTATOR_DATA_DIR=str(work / "data"))

    def data_dir(self) -> Path:
        if IS_WIN:
            return self.work / "data"
        if IS_MAC:
            return self.home / "Library" / "Application Support" / "annotator"
        return self.home / ".local" / "share" / "annotator"

    def __call__(self, program: Path, *args: object, env: dict[str, str] | None = None,
                 ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(program), *map(str, args)], cwd=self.work, env={**self.env, **(env or {})},
            capture_output=True, text=True, encoding="utf-8", errors="replace",
            timeout=self.timeout, check=False,
        )

    def cli(self, *args: object) -> subprocess.CompletedProcess[str]:
        """``annotator-cli ARGS``; raises with its output unless it exits 0."""
        done = self(self.bundle.cli, *args)
        if done.returncode != 0:
            logs = "".join(p.read_text(encoding="utf-8", errors="replace")
                           for p in sorted((self.work / "logs").glob("*.log")))
            raise CheckFailed(f"annotator-cli {' '.join(map(str, args))} exited "
                              f"{done.returncode}\n{done.stdout}{done.stderr}{logs}")
        return done


class CheckFailed(Exception):
    pass


def expect(condition: object, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    expect(head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR", f"{path} is no PNG")
    width, height = struct.unpack(">II", head[16:24])
    return width, height


# --- the checks

def check_layout(run: Run) -> str:
    contents = run.bundle.contents
    for program in (run.bundle.gui, run.bundle.cli):
        expect(program.is_file() and os.access(program, os.X_OK), f"no program {program}")
    for needed in ("resources/demo/codebook.yaml", "resources/mappings",
                   "resources/translations/annotator_ru.qm",
                   "resources/app/annotator.svg", "resources/fonts/NotoColorEmoji.ttf",
                   "schemas/codebook.schema.json", "schemas/import-mapping.schema.json",
                   "schemas/refi-qda"):
        expect((contents / needed).exists(), f"{needed} is missing from {contents}")
    return f"resources/ and schemas/ in {contents.relative_to(run.bundle.root)}"


def check_versions(run: Run) -> str:
    version = source_version()
    shown = run.cli("--version").stdout.strip()
    expect(shown == f"annotator-cli {version}", f"annotator-cli --version printed {shown!r}")
    if not IS_WIN:  # the windowed annotator.exe has no stdout to print to
        gui = run(run.bundle.gui, "--version")
        expect(gui.returncode == 0 and gui.stdout.strip() == f"annotator {version}",
               f"annotator --version: {gui.returncode} {gui.stdout!r} {gui.stderr!r}")
    return shown


def check_demo_info(run: Run) -> str:
    run.cli("demo", run.work / "demo.annot")
    info = json.loads(run.cli("info", "--json", run.work / "demo.annot").stdout)
    expect(info["posts"] > 0 and info["codes"] > 0, f"the demo project is empty: {info}")
    return f"{info['posts']} posts, {info['codes']} codes"


def check_imports(run: Run) -> str:
    project = run.work / "imports.annot"
    run.cli("init", project)
    formats = []
    for expected, path in FIXTURES:
        out = run.cli("import", project, path).stdout
        expect(f" as {expected}" in out, f"{path.name} was not read as {expected}:\n{out}")
        formats.append(expected)
    run.cli("codebook", project, "--load", DATA / "codebooks" / "full.yaml")
    posts = json.loads(run.cli("info", "--json", project).stdout)["posts"]
    return f"{', '.join(formats)} -> {posts} posts; codebook loaded"


def check_coding_and_exports(run: Run) -> str:
    demo = run.work / "demo.annot"
    if not demo.exists():
        run.cli("demo", demo)
    coded = run.work / "coded.csv"
    coded.write_text("post,coder,code,start,end\n1,Ann,Framing/Threat,0,10\n"
                     "1,Ben,Framing/Threat,2,12\n", encoding="utf-8")
    run.cli("annotations", demo, "--load", coded)
    json.loads(run.cli("agreement", demo, "--json").stdout)
    run.cli("export", demo, run.work / "demo.xlsx")
    run.cli("export", demo, run.work / "csv")
    run.cli("export", demo, run.work / "demo.qdpx")
    run.cli("import-qdpx", run.work / "demo.qdpx", run.work / "back.annot")
    back = json.loads(run.cli("info", "--json", run.work / "back.annot").stdout)
    expect(back["annotations"] == 2, f"the REFI-QDA round trip lost annotations: {back}")
    sizes = {p.name: p.stat().st_size for p in (run.work / "demo.xlsx", run.work / "demo.qdpx")}
    expect(all(sizes.values()) and (run.work / "csv").is_dir(), f"empty exports: {sizes}")
    return "annotations, agreement, XLSX, CSV, REFI-QDA out and back"


def gui_env(quit_after_ms: int) -> dict[str, str]:
    return {"QT_QPA_PLATFORM": "offscreen", "ANNOTATOR_QUIT_AFTER_MS": str(quit_after_ms)}


def stderr_problems(stderr: str) -> list[str]:
    bad = ("Traceback", "ERROR ", "CRITICAL ", "Could not load the Qt platform plugin",
           "Cannot load library", "This application failed to start")
    return [line for line in stderr.splitlines() if any(word in line for word in bad)]


def check_gui(run: Run, quit_after_ms: int) -> str:
    started = time.monotonic()
    done = run(run.bundle.gui, "--demo", env=gui_env(quit_after_ms))
    seconds = time.monotonic() - started
    expect(done.returncode == 0, f"annotator --demo exited {done.returncode}\n{done.stderr}")
    problems = stderr_problems(done.stderr)
    expect(not problems, "errors on stderr:\n" + done.stderr)
    expect((run.data_dir() / "demo.annot").exists(), f"no demo project in {run.data_dir()}")
    return f"exit 0 after {seconds:.1f} s (quit at {quit_after_ms} ms)"


def check_screenshot(run: Run, keep: Path | None) -> str:
    shot = run.work / "window.png"
    done = run(run.bundle.gui, "--demo", "--screenshot", shot, env=gui_env(60_000))
    expect(done.returncode == 0, f"annotator --screenshot exited {done.returncode}\n{done.stderr}")
    expect(not stderr_problems(done.stderr), "errors on stderr:\n" + done.stderr)
    width, height = png_size(shot)
    expect(width >= 400 and height >= 300, f"the window is {width} x {height}")
    if keep is not None:
        shutil.copyfile(shot, keep)
    return f"window {width} x {height}" + (f", saved to {keep}" if keep else "")


NO_SYSTEM_EMOJI = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont>
    <glob>/usr/share/fonts/*Emoji*</glob>
    <glob>/usr/local/share/fonts/*Emoji*</glob>
  </rejectfont></selectfont>
</fontconfig>
"""
"""A fontconfig setup that hides installed emoji fonts (not the bundled one)."""


def check_bundled_emoji_font(run: Run) -> str:
    """Linux: with no emoji font installed, the GUI loads resources/fonts/ without a warning."""
    config = run.work / "no-system-emoji.conf"
    config.write_text(NO_SYSTEM_EMOJI, encoding="utf-8")
    env = {**gui_env(1000), "FONTCONFIG_FILE": str(config)}
    listed = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True,
                            env={**run.env, **env}, check=False).stdout
    expect("emoji" not in listed.lower(), "could not hide the installed emoji fonts")
    done = run(run.bundle.gui, "--demo", env=env)
    expect(done.returncode == 0, f"annotator --demo exited {done.returncode}\n{done.stderr}")
    warnings = [line for line in done.stderr.splitlines() if "emoji font" in line]
    expect(not warnings and not stderr_problems(done.stderr), "stderr:\n" + done.stderr)
    return "installed emoji fonts hidden; the bundled one loaded"


def check_left_out(run: Run) -> str:
    found = sorted({str(p.relative_to(run.bundle.contents)) for pattern in LEFT_OUT
                    for p in run.bundle.contents.rglob(pattern)})
    expect(not found, "left-out parts are in the bundle:\n  " + "\n  ".join(found))
    return f"none of {len(LEFT_OUT)} left-out patterns present"


def check_linked_libraries(run: Run) -> str:
    """Linux: ``ldd`` on every bundled shared library; a missing Qt library is a failure."""
    missing: dict[str, set[str]] = {}
    libraries = [p for p in run.bundle.contents.rglob("*.so*") if p.is_file()]
    for library in libraries:
        done = subprocess.run(["ldd", str(library)], capture_output=True, text=True, check=False)
        for line in done.stdout.splitlines():
            if "not found" in line:
                missing.setdefault(line.split()[0], set()).add(library.name)
    qt = {name: users for name, users in missing.items() if "Qt6" in name}
    expect(not qt, f"Qt libraries left out but needed: {qt}")
    note = f"{len(libraries)} libraries resolve their Qt dependencies"
    if missing:  # system libraries the user's desktop provides (e.g. libxcb-* for X11)
        note += "; from the system at run time: " + ", ".join(sorted(missing))
    return note


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = REPO / "dist" / ("Annotator.app" if IS_MAC else "annotator")
    parser.add_argument("bundle", nargs="?", type=Path, default=default)
    parser.add_argument("--timeout", type=float, default=120, help="seconds per program run")
    parser.add_argument("--quit-after-ms", type=int, default=3000, help="GUI run length")
    parser.add_argument("--screenshot", type=Path, help="keep the GUI's screenshot here")
    args = parser.parse_args(argv)
    bundle = Bundle(args.bundle.resolve())
    if not bundle.programs.is_dir():
        parser.error(f"no bundle at {args.bundle} (build it first: packaging/build_linux.sh)")

    checks: list[tuple[str, Callable[[Run], str]]] = [
        ("bundle layout", check_layout),
        ("--version", check_versions),
        ("annotator-cli demo + info --json", check_demo_info),
        ("annotator-cli import (every format)", check_imports),
        ("annotator-cli coding and exports", check_coding_and_exports),
        ("annotator --demo offscreen", lambda run: check_gui(run, args.quit_after_ms)),
        ("annotator --screenshot", lambda run: check_screenshot(run, args.screenshot)),
        ("left-out parts absent", check_left_out),
    ]
    if sys.platform.startswith("linux") and shutil.which("fc-list"):
        checks.append(("bundled emoji font", check_bundled_emoji_font))
    if sys.platform.startswith("linux") and shutil.which("ldd"):
        checks.append(("linked libraries (ldd)", check_linked_libraries))

    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix="annotator-smoke-") as work:
        run = Run(bundle, Path(work), args.timeout)
        print(f"smoke test of {bundle.root}")
        for name, check in checks:
            started = time.monotonic()
            try:
                note = check(run)
            except (CheckFailed, subprocess.TimeoutExpired, OSError, ValueError,
                    KeyError) as exc:
                failed += 1
                print(f"FAIL {name}: {exc}")
            else:
                passed += 1
                print(f"ok   {name} ({time.monotonic() - started:.1f} s): {note}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
