"""The Windows version resource (Explorer's Properties > Details) of the two executables.

Imported by ``packaging/annotator.spec`` on Windows only, so the version always comes from
``annotator/__init__.py`` and there is no hand-edited version file to fall out of date.
"""

from __future__ import annotations

import re

from PyInstaller.utils.win32.versioninfo import (
    FixedFileInfo,
    StringFileInfo,
    StringStruct,
    StringTable,
    VarFileInfo,
    VarStruct,
    VSVersionInfo,
)

LANGUAGE_US_ENGLISH_UNICODE = "040904B0"
"""String table key: language 0x0409 (US English), code page 0x04B0 (1200, UTF-16)."""


def numeric_version(version: str) -> tuple[int, int, int, int]:
    """``"1.2.3rc1"`` -> ``(1, 2, 3, 0)``: Windows wants four 16-bit numbers."""
    parts = [int(match) for match in re.findall(r"\d+", version.split("+", maxsplit=1)[0])[:3]]
    major, minor, patch = (parts + [0, 0, 0])[:3]
    return major, minor, patch, 0


def version_info(version: str, exe_name: str, description: str) -> VSVersionInfo:
    """The resource for ``exe_name`` (e.g. ``"annotator.exe"``) at ``version``."""
    numbers = numeric_version(version)
    return VSVersionInfo(
        ffi=FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[
            StringFileInfo([
                StringTable(LANGUAGE_US_ENGLISH_UNICODE, [
                    StringStruct("CompanyName", "Annotator developers"),
                    StringStruct("FileDescription", description),
                    StringStruct("FileVersion", version),
                    StringStruct("InternalName", exe_name.removesuffix(".exe")),
                    StringStruct("LegalCopyright", "MIT License, Annotator developers"),
                    StringStruct("OriginalFilename", exe_name),
                    StringStruct("ProductName", "Annotator"),
                    StringStruct("ProductVersion", version),
                ])
            ]),
            VarFileInfo([VarStruct("Translation", [0x0409, 1200])]),
        ],
    )
