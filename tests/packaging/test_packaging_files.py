"""The packaging files are well-formed and agree with each other (fast: nothing is built).

The PyInstaller spec runs here against stand-ins for PyInstaller's classes, once per platform,
so what it would collect, leave out and name is checked without PyInstaller installed.
"""

from __future__ import annotations

import configparser
import importlib.util
import shutil
import struct
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

import annotator

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP = ROOT / "resources" / "app"
APP_ID = "io.github.annotator.Annotator"
DESKTOP = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


# --- the spec, run against stand-ins

class Recorded:
    """Stands in for a PyInstaller build class (or version-info class): keeps its arguments."""

    calls: list[Recorded]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args, self.kwargs = args, kwargs
        self.calls.append(self)


def stand_ins() -> dict[str, type[Recorded]]:
    calls: list[Recorded] = []

    def kind(name: str) -> type[Recorded]:
        return type(name, (Recorded,), {"calls": calls})

    class Analysis(kind("AnalysisBase")):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.pure, self.scripts, self.binaries, self.datas = [], [], [], []

    names = ("PYZ", "EXE", "COLLECT", "BUNDLE", "VSVersionInfo", "FixedFileInfo",
             "StringFileInfo", "StringTable", "StringStruct", "VarFileInfo", "VarStruct")
    return {"Analysis": Analysis, **{name: kind(name) for name in names}}


class FakeQtLibraryInfo:
    """PyInstaller's QtLibraryInfo, reduced to the method the spec wraps."""

    offered: list[str] = []

    def collect_plugins(self, plugin_type: str) -> list[tuple[str, str]]:
        return [(f"/qt/plugins/{plugin_type}/{name}", f"PySide6/Qt/plugins/{plugin_type}")
                for name in self.offered]


def run_spec(monkeypatch: pytest.MonkeyPatch, platform: str) -> dict[str, Any]:
    """Execute packaging/annotator.spec as PyInstaller would on ``platform``."""
    classes = stand_ins()
    qt = types.ModuleType("PyInstaller.utils.hooks.qt")
    qt.QtLibraryInfo = type("QtLibraryInfo", (FakeQtLibraryInfo,), {})  # type: ignore[attr-defined]
    versioninfo = types.ModuleType("PyInstaller.utils.win32.versioninfo")
    for name, value in classes.items():
        setattr(versioninfo, name, value)
    for name in ("PyInstaller", "PyInstaller.utils", "PyInstaller.utils.hooks",
                 "PyInstaller.utils.win32"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks.qt", qt)
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.win32.versioninfo", versioninfo)
    namespace: dict[str, Any] = {"SPECPATH": str(PACKAGING), "__file__": "annotator.spec",
                                 **classes}
    code = compile((PACKAGING / "annotator.spec").read_text(encoding="utf-8"),
                   "annotator.spec", "exec")
    with monkeypatch.context() as patch:
        patch.setattr(sys, "platform", platform)
        exec(code, namespace)
    namespace["_calls"] = classes["PYZ"].calls
    namespace["_qt"] = qt.QtLibraryInfo  # type: ignore[attr-defined]
    return namespace


def made(spec: dict[str, Any], kind: str) -> list[Recorded]:
    return [call for call in spec["_calls"] if type(call).__name__ == kind]


@pytest.fixture(scope="module")
def linux_spec() -> dict[str, Any]:
    with pytest.MonkeyPatch.context() as patch:
        return run_spec(patch, "linux")


def test_spec_bundles_resources_and_schemas_for_both_programs(
    linux_spec: dict[str, Any],
) -> None:
    analyses = made(linux_spec, "Analysis")
    scripts = sorted(Path(a.args[0][0]).relative_to(ROOT).as_posix() for a in analyses)
    assert scripts == ["annotator/__main__.py", "annotator/cli/__main__.py"]
    for analysis in analyses:
        datas = {(Path(src).relative_to(ROOT).as_posix(), dest.replace("\\", "/"))
                 for src, dest in analysis.kwargs["datas"]}
        assert ("resources/demo/codebook.yaml", "resources/demo") in datas
        assert ("resources/app/annotator.svg", "resources/app") in datas
        assert ("resources/fonts/NotoColorEmoji.ttf", "resources/fonts") in datas
        assert ("schemas/codebook.schema.json", "schemas") in datas
        shipped = {src for src, _ in datas}
        for folder in ("resources", "schemas"):  # every file but caches and sources
            for path in (ROOT / folder).rglob("*"):
                relative = path.relative_to(ROOT).as_posix()
                hidden = any(part.startswith(".") for part in path.parts[len(ROOT.parts):])
                junk = hidden or "__pycache__" in relative or path.suffix == ".ts"
                if path.is_file() and not junk:
                    assert relative in shipped


def test_spec_names_the_programs_and_the_bundle(linux_spec: dict[str, Any]) -> None:
    exes = {call.kwargs["name"]: call.kwargs for call in made(linux_spec, "EXE")}
    assert set(exes) == {"annotator", "annotator-cli"}
    assert exes["annotator"]["console"] is False
    assert exes["annotator-cli"]["console"] is True
    assert all(kwargs["upx"] is False and kwargs["exclude_binaries"] for kwargs in exes.values())
    (collect,) = made(linux_spec, "COLLECT")
    assert collect.kwargs["name"] == "annotator"
    assert linux_spec["APP_ID"] == APP_ID
    assert linux_spec["VERSION"] == annotator.__version__
    assert not made(linux_spec, "BUNDLE")


def test_spec_leaves_out_unused_qt_and_test_packages(linux_spec: dict[str, Any]) -> None:
    excludes = set(made(linux_spec, "Analysis")[0].kwargs["excludes"])
    for module in ("PySide6.QtNetwork", "PySide6.QtWebEngineCore", "PySide6.QtQml",
                   "PySide6.QtQuick", "PySide6.QtMultimedia", "PySide6.QtPdf", "PySide6.QtTest",
                   "PySide6.Qt3DCore", "PySide6.QtCharts", "tkinter", "pytest", "matplotlib"):
        assert module in excludes
    used = {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets"}
    assert not used & excludes


@pytest.mark.parametrize(
    ("entry", "kept"),
    [
        (("PySide6/Qt/plugins/platforms/libqxcb.so", "", "BINARY"), True),
        (("PySide6/Qt/plugins/platforms/libqwayland.so", "", "BINARY"), True),
        (("PySide6/Qt/plugins/platforms/libqoffscreen.so", "", "BINARY"), True),
        (("PySide6/Qt/plugins/platforms/libqvnc.so", "", "BINARY"), False),
        (("PySide6/Qt/plugins/imageformats/libqsvg.so", "", "BINARY"), True),
        (("PySide6/Qt/plugins/imageformats/libqpdf.so", "", "BINARY"), False),
        (("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", "", "BINARY"), False),
        (("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "", "BINARY"), False),
        (("PySide6/Qt/lib/libQt6Gui.so.6", "", "BINARY"), True),
        (("PySide6/Qt/lib/libQt6Svg.so.6", "", "BINARY"), True),
        (("PySide6/Qt/lib/libQt6Network.so.6", "", "BINARY"), False),
        (("PySide6/Qt/lib/libQt6QuickControls2.so.6", "", "BINARY"), False),
        (("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"), False),
        (("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"), True),
        (("PySide6/Qt/translations/qtbase_de.qm", "", "DATA"), False),
        (("PySide6/plugins/platforms/qwindows.dll", "", "BINARY"), True),
        (("PySide6/plugins/styles/qmodernwindowsstyle.dll", "", "BINARY"), True),
        (("PySide6/plugins/platforms/qdirect2d.dll", "", "BINARY"), False),
        (("PySide6/Qt6Widgets.dll", "", "BINARY"), True),
        (("PySide6/Qt6Pdf.dll", "", "BINARY"), False),
        (("PySide6/opengl32sw.dll", "", "BINARY"), False),
        (("PySide6/Qt/lib/QtGui.framework/Versions/A/QtGui", "", "BINARY"), True),
        (("PySide6/Qt/lib/QtNetwork.framework/Versions/A/QtNetwork", "", "BINARY"), False),
        (("PySide6/Qt/plugins/platforms/libqcocoa.dylib", "", "BINARY"), True),
        (("numpy/_core/_multiarray_umath.so", "", "EXTENSION"), True),
        (("resources/demo/codebook.yaml", "", "DATA"), True),
    ],
)
def test_spec_filter(linux_spec: dict[str, Any], entry: tuple[str, str, str], kept: bool) -> None:
    assert linux_spec["keep"](entry) is kept


def test_spec_limits_the_plugins_pyinstaller_collects(linux_spec: dict[str, Any]) -> None:
    info = linux_spec["_qt"]()
    info.offered = ["libqxcb.so", "libqvnc.so", "libqeglfs.so", "libqwayland.so"]
    assert [Path(src).name for src, _ in info.collect_plugins("platforms")] == [
        "libqxcb.so", "libqwayland.so"]
    assert info.collect_plugins("sqldrivers") == []


def test_spec_on_macos_makes_an_app_bundle(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = run_spec(monkeypatch, "darwin")
    (bundle,) = made(spec, "BUNDLE")
    assert bundle.kwargs["bundle_identifier"] == APP_ID
    assert bundle.kwargs["name"] == "Annotator.app"
    assert Path(bundle.kwargs["icon"]) == APP / "annotator.icns"
    plist = bundle.kwargs["info_plist"]
    assert plist["CFBundleShortVersionString"] == annotator.__version__
    assert plist["NSHighResolutionCapable"] is True
    assert {Path(exe.kwargs["icon"]).name for exe in made(spec, "EXE")} == {"annotator.icns"}


def test_spec_on_windows_sets_icon_and_version_resource(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = run_spec(monkeypatch, "win32")
    exes = {call.kwargs["name"]: call.kwargs for call in made(spec, "EXE")}
    for name, kwargs in exes.items():
        assert Path(kwargs["icon"]) == APP / "annotator.ico"
        resource = kwargs["version"]
        assert type(resource).__name__ == "VSVersionInfo"
        numbers = resource.kwargs["ffi"].kwargs["filevers"]
        assert numbers == (*map(int, annotator.__version__.split(".")[:3]), 0)
        table = resource.kwargs["kids"][0].args[0][0]
        strings = {s.args[0]: s.args[1] for s in table.args[1]}
        assert strings["OriginalFilename"] == f"{name}.exe"
        assert strings["ProductVersion"] == annotator.__version__
    assert not made(spec, "BUNDLE")


# --- Linux desktop integration

def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    assert parser.sections() == ["Desktop Entry"]
    return parser["Desktop Entry"]


def metainfo() -> Any:
    return etree.parse(str(METAINFO)).getroot()


def test_desktop_file_is_consistent() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "annotator"
    assert entry["TryExec"] == "annotator"
    assert entry["Icon"] == APP_ID  # installed as hicolor/<size>/apps/<app id>.{svg,png}
    assert entry["Terminal"] == "false"
    assert entry["StartupWMClass"] == "Annotator"  # QApplication.applicationName() on X11
    for key in ("Categories", "Keywords"):
        assert entry[key].endswith(";")


def test_metainfo_matches_the_desktop_file_and_version() -> None:
    entry, root = desktop_entry(), metainfo()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    assert root.findtext("name") == entry["Name"]
    assert root.findtext("icon[@type='stock']") == entry["Icon"]
    assert {b.text for b in root.iterfind("provides/binary")} == {"annotator", "annotator-cli"}
    desktop_categories = set(filter(None, entry["Categories"].split(";")))
    assert {c.text for c in root.iterfind("categories/category")} <= desktop_categories
    latest = root.find("releases/release")
    assert latest is not None and latest.get("version") == annotator.__version__
    assert root.findtext("metadata_license") == "CC0-1.0"


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("desktop-file-validate"),
                    reason="desktop-file-validate is not installed (Debian: desktop-file-utils); "
                    "the tests above check the file's keys without it")
def test_desktop_file_validates() -> None:
    done = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("appstreamcli"),
                    reason="appstreamcli is not installed (Debian: appstream); the tests above "
                    "check the metainfo's XML without it")
def test_metainfo_validates() -> None:
    done = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


# --- icons

def png_header(data: bytes) -> tuple[int, int, int]:
    """(width, height, colour type) from a PNG's IHDR."""
    assert data[:8] == PNG_SIGNATURE and data[12:16] == b"IHDR"
    width, height, _depth, colour = struct.unpack(">IIBB", data[16:26])
    return width, height, colour


def ico_sizes(data: bytes) -> list[int]:
    """The square sizes in an ICO file, checking every entry's bounds and image header."""
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1) and count > 0
    sizes = []
    for index in range(count):
        width, height, _, _, planes, bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index: 22 + 16 * index])
        size = width or 256
        assert height == width and planes == 1 and bits == 32
        assert 6 + 16 * count <= offset and offset + length <= len(data)
        image = data[offset: offset + length]
        if image[:8] == PNG_SIGNATURE:
            assert png_header(image)[:2] == (size, size)
        else:  # BITMAPINFOHEADER: height counts the AND mask too
            header, bmp_width, bmp_height, _, bmp_bits = struct.unpack("<IiiHH", image[:16])
            assert (header, bmp_width, bmp_height, bmp_bits) == (40, size, 2 * size, 32)
            mask_row = (size + 31) // 32 * 4
            assert length == 40 + 4 * size * size + mask_row * size
        sizes.append(size)
    return sizes


ICNS_SIZES = {"ic11": 32, "ic12": 64, "ic07": 128, "ic13": 256, "ic08": 256, "ic14": 512,
              "ic09": 512, "ic10": 1024, "icp4": 16, "icp5": 32, "icp6": 64}


def icns_sizes(data: bytes) -> dict[str, int]:
    """The element types and PNG sizes of an ICNS file, checking that elements tile the file."""
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    found, position = {}, 8
    while position < len(data):
        kind = data[position: position + 4].decode("ascii")
        (length,) = struct.unpack(">I", data[position + 4: position + 8])
        assert length > 8 and position + length <= len(data)
        width, height, _ = png_header(data[position + 8: position + length])
        assert width == height == ICNS_SIZES[kind]
        found[kind] = width
        position += length
    assert position == len(data)
    return found


def test_svg_icon_is_square_svg() -> None:
    root = etree.parse(str(APP / "annotator.svg")).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 256 256"


def test_png_icons_have_their_sizes() -> None:
    assert png_header((APP / "annotator.png").read_bytes()) == (256, 256, 6)  # 6: RGBA
    assert png_header((APP / "annotator@2x.png").read_bytes()) == (512, 512, 6)


def test_ico_holds_the_windows_sizes() -> None:
    sizes = ico_sizes((APP / "annotator.ico").read_bytes())
    assert sorted(sizes) == [16, 20, 24, 32, 40, 48, 64, 128, 256]


def test_icns_holds_the_macos_sizes() -> None:
    found = icns_sizes((APP / "annotator.icns").read_bytes())
    assert {"ic07", "ic08", "ic09", "ic10"} <= set(found)  # 128, 256, 512, 1024


def test_make_icons_writes_the_same_set(tmp_path: Path) -> None:
    loaded = importlib.util.spec_from_file_location("make_icons", PACKAGING / "make_icons.py")
    assert loaded is not None and loaded.loader is not None
    module = importlib.util.module_from_spec(loaded)
    loaded.loader.exec_module(module)
    written = module.make_icons(APP / "annotator.svg", tmp_path)
    assert sorted(p.name for p in written) == sorted(
        p.name for p in APP.iterdir() if p.suffix in {".png", ".ico", ".icns"})
    assert sorted(ico_sizes((tmp_path / "annotator.ico").read_bytes())) == sorted(
        ico_sizes((APP / "annotator.ico").read_bytes()))
    assert icns_sizes((tmp_path / "annotator.icns").read_bytes()) == icns_sizes(
        (APP / "annotator.icns").read_bytes())


# --- the build and smoke-test scripts

@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("bash"), reason="bash")
def test_build_script_is_valid_bash() -> None:
    done = subprocess.run(["bash", "-n", str(PACKAGING / "build_linux.sh")],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_smoke_test_fixtures_exist() -> None:
    loaded = importlib.util.spec_from_file_location("smoke_test", PACKAGING / "smoke_test.py")
    assert loaded is not None and loaded.loader is not None
    module = importlib.util.module_from_spec(loaded)
    loaded.loader.exec_module(module)
    assert all(path.exists() for _, path in module.FIXTURES)
    assert module.source_version() == annotator.__version__
