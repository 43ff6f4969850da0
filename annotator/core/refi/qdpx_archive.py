"""The ``.qdpx`` container: a ZIP with one ``.qde`` document and a flat ``sources/`` folder.

Reading is lenient about names (README §2.2): the document is the single ``*.qde`` at
the root in any letter case (``project.qde`` preferred when there are several, as
ATLAS.ti 26 names it after the project), or one folder down for an archive that was
re-zipped inside a folder; ``sources/`` and ``Sources/`` are both found, because every
member is looked up without regard to case. Paths come only from the document's path
attributes (``internal://<file>``, or a bare file name as early qc exports wrote),
never from a source's GUID.

Reading is also careful (README §7.1): nothing is extracted to disk, an entry name
that is absolute or climbs with ``..`` (zip-slip) makes the archive unreadable, and
declared sizes are capped (zip bombs). Problems raise :class:`InputFileError` naming
the archive and the member.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path, PurePosixPath
from types import TracebackType

from annotator.core.errors import InputFileError

QDE_NAME = "project.qde"
SOURCES_FOLDER = "sources"
INTERNAL = "internal://"
"""The scheme of a file inside the archive's ``sources/`` folder."""
MAX_MEMBER_BYTES = 2**31 - 1
"""REFI-QDA §8.5: no internal file may be larger."""
MAX_TOTAL_BYTES = 8 * 2**30
"""What the members of one archive may add up to, uncompressed."""


class Where(StrEnum):
    """How a path attribute was resolved to a member."""

    SOURCES = "sources"
    """``internal://<file>`` found in ``sources/`` (any case): the standard."""
    BARE = "bare"
    """A file name without ``internal://``, found in ``sources/`` or beside the document."""
    ELSEWHERE = "elsewhere"
    """Found beside the document or under another folder, by its file name."""
    EXTERNAL = "external"
    """``relative://``, ``absolute://`` or another scheme: a file outside the archive."""
    MISSING = "missing"


@dataclass(frozen=True, slots=True)
class Resolved:
    member: str | None
    where: Where


class QdpxArchive:
    """An open ``.qdpx`` file; use as a context manager (:func:`open_archive`)."""

    def __init__(self, path: Path, archive: zipfile.ZipFile) -> None:
        self.path = path
        self._zip = archive
        names = [info.filename for info in archive.infolist() if not info.is_dir()]
        self._by_lower: dict[str, str] = {}
        for name in names:
            self._by_lower.setdefault(name.lower(), name)
        self.qde = _find_qde(path, names)
        self._base = self.qde.rpartition("/")[0] + "/" if "/" in self.qde else ""
        self._by_file: dict[str, list[str]] = {}
        for name in names:
            self._by_file.setdefault(PurePosixPath(name).name.lower(), []).append(name)

    def __enter__(self) -> QdpxArchive:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._zip.close()

    def read(self, member: str) -> bytes:
        """The bytes of ``member``; a damaged member raises :class:`InputFileError`."""
        try:
            return self._zip.read(member)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError) as exc:
            # BadZipFile covers CRC mismatches; NotImplementedError an unknown compression.
            raise InputFileError(self.path, f"archive member {member!r} cannot be read: {exc}",
                                 line=None) from exc

    def resolve(self, reference: str) -> Resolved:
        """The member a ``plainTextPath``/``path`` attribute names (see the module docstring)."""
        value = reference.strip().replace("\\", "/")
        scheme, found, rest = value.partition("://")
        if found and scheme.lower() != "internal":
            return Resolved(None, Where.EXTERNAL)
        name = (rest if found else value).lstrip("/")
        if not name:
            return Resolved(None, Where.MISSING)
        in_sources = self._by_lower.get(f"{self._base}{SOURCES_FOLDER}/{name}".lower())
        if in_sources is not None:
            return Resolved(in_sources, Where.SOURCES if found else Where.BARE)
        beside = self._by_lower.get(f"{self._base}{name}".lower())
        if beside is not None:
            return Resolved(beside, Where.ELSEWHERE if found else Where.BARE)
        same_name = self._by_file.get(PurePosixPath(name).name.lower(), [])
        if len(same_name) == 1:
            return Resolved(same_name[0], Where.ELSEWHERE)
        return Resolved(None, Where.MISSING)


def open_archive(path: Path) -> QdpxArchive:
    """Open ``path`` as a ``.qdpx`` archive and find its document.

    Raises :class:`InputFileError` when the file is missing, is not a ZIP archive, has
    an unsafe or oversized member, or holds no (or no single) ``.qde`` document.
    """
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError as exc:
        raise InputFileError(path, "no such file") from exc
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise InputFileError(
            path, "not a REFI-QDA project (.qdpx): the file is not a ZIP archive") from exc
    try:
        _check_members(path, archive)
        return QdpxArchive(path, archive)
    except BaseException:
        archive.close()
        raise


def _check_members(path: Path, archive: zipfile.ZipFile) -> None:
    total = 0
    for info in archive.infolist():
        name = info.filename.replace("\\", "/")
        parts = PurePosixPath(name).parts
        if name.startswith("/") or ".." in parts or (parts and parts[0].endswith(":")):
            raise InputFileError(path, f"unsafe archive member name {info.filename!r} "
                                 "(absolute or climbing out of the archive)")
        if info.file_size > MAX_MEMBER_BYTES:
            raise InputFileError(path, f"archive member {info.filename!r} is larger than "
                                 "REFI-QDA allows (2 GiB)")
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise InputFileError(path, "the archive unpacks to more than 8 GiB; refusing to read it")


def _find_qde(path: Path, names: list[str]) -> str:
    """The document member: at the root, else one folder down (see the module docstring)."""
    for depth in (1, 2):
        found = [n for n in names
                 if n.lower().endswith(".qde") and len(PurePosixPath(n).parts) == depth]
        if len(found) == 1:
            return found[0]
        preferred = [n for n in found if PurePosixPath(n).name.lower() == QDE_NAME]
        if len(preferred) == 1:
            return preferred[0]
        if found:
            listing = ", ".join(sorted(found))
            raise InputFileError(path, f"the archive holds several .qde documents ({listing}) "
                                 f"and none is named {QDE_NAME}")
    raise InputFileError(path, "the archive holds no .qde document; not a REFI-QDA project")
