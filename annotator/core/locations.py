"""Is a project file in a cloud-synced or network folder, where SQLite files get corrupted?

Sync clients copy a database file while it is being written (and its ``-wal`` file
separately, or not at all), and network file systems often break the locking SQLite
relies on. Either can corrupt a project or split it into conflicting copies.
:func:`detect` looks, without writing anything, for:

Cloud-synced folders (:attr:`LocationKind.CLOUD`), by the names of the folders that
hold the file (case-insensitive):

- Dropbox: ``Dropbox``, ``Dropbox (Team name)``, ``Dropbox-…``; also the folders listed
  in Dropbox's own ``info.json`` (``~/.dropbox``, ``%APPDATA%``/``%LOCALAPPDATA%\\Dropbox``).
- OneDrive: ``OneDrive``, ``OneDrive - Org``, ``OneDrive-…``; also the folders in the
  ``OneDrive``, ``OneDriveConsumer`` and ``OneDriveCommercial`` environment variables.
- Google Drive: ``Google Drive``, ``GoogleDrive``, ``GoogleDrive-account``, ``My Drive``,
  ``Shared drives``.
- iCloud Drive: ``Library/Mobile Documents``, ``iCloud Drive``, ``iCloudDrive``,
  ``com~apple~CloudDocs``.
- anything under macOS's ``~/Library/CloudStorage/`` (named after its next folder).
- Nextcloud / ownCloud: ``Nextcloud``, ``ownCloud``.
- pCloud: ``pCloud Drive``, ``pCloudDrive``, ``pCloud Sync``.
- Box: ``Box Sync`` anywhere, ``Box`` directly in the home folder.
- MEGA: ``MEGAsync`` anywhere, ``MEGA`` directly in the home folder.
- Yandex.Disk: ``Yandex.Disk``, ``YandexDisk``, ``Yandex.Disk.localized``.
- Syncthing: a ``.stfolder`` marker in the file's folder or any folder above it.

Network folders (:attr:`LocationKind.NETWORK`):

- Linux: the mount holding the file (``/proc/self/mounts``, the longest mount point
  that contains it) has a network type: :data:`NETWORK_FILESYSTEMS` or a FUSE type in
  :data:`NETWORK_FUSE` (``fuse.sshfs``, ``fuse.rclone``…), or a virtual machine's shared
  folder (``vboxsf``…), which breaks locking the same way.
- Windows: UNC paths (``\\\\server\\share``) and drive letters whose drive type is
  remote (``GetDriveTypeW``).
- macOS: ``statfs`` says the volume is not local (``MNT_LOCAL`` unset).

Both the path as given and its resolved form (symbolic links followed) are checked.
Detection never raises: what cannot be checked counts as safe.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath


class LocationKind(StrEnum):
    CLOUD = "cloud"
    """A folder that a sync client copies to and from a cloud service."""
    NETWORK = "network"
    """A network file system, network share or virtual machine's shared folder."""


@dataclass(frozen=True, slots=True)
class RiskyLocation:
    """Why a project's folder is unsafe for SQLite: the kind, the service and where."""

    kind: LocationKind
    service: str
    """A product or file-system name ("Dropbox", "nfs4"), never translated."""
    root: PurePath | None
    """The synced folder or mount point that matched, when known."""

    @property
    def reason(self) -> str:
        """One English line for logs and the command line."""
        where = f" ({self.root})" if self.root is not None else ""
        if self.kind is LocationKind.CLOUD:
            return f"the folder is synced by {self.service}{where}"
        return f"the folder is on a network file system ({self.service}){where}"


NETWORK_FILESYSTEMS = frozenset({
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "smb2", "ncpfs", "afs", "9p", "ceph",
    "glusterfs", "lustre", "gpfs", "beegfs", "davfs", "sshfs", "coda", "afpfs", "webdav",
    "vboxsf", "vmhgfs", "prl_fs",
})
"""Mount types (Linux ``/proc/mounts``, macOS ``f_fstypename``) that are network file
systems or virtual machines' shared folders."""
NETWORK_FUSE = frozenset({
    "sshfs", "rclone", "s3fs", "gcsfuse", "davfs2", "glusterfs", "ceph-fuse", "gvfsd-fuse",
    "vmhgfs-fuse", "onedriver", "google-drive-ocamlfuse", "goofys", "juicefs", "smbnetfs",
    "curlftpfs", "kio-fuse",
})
"""FUSE subtypes (``fuse.<subtype>`` in ``/proc/mounts``) that reach over the network."""

_ANYWHERE = {
    "dropbox": "Dropbox",
    "onedrive": "OneDrive",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "my drive": "Google Drive",
    "shared drives": "Google Drive",
    "icloud drive": "iCloud Drive",
    "iclouddrive": "iCloud Drive",
    "com~apple~clouddocs": "iCloud Drive",
    "nextcloud": "Nextcloud",
    "owncloud": "ownCloud",
    "pcloud drive": "pCloud",
    "pclouddrive": "pCloud",
    "pcloud sync": "pCloud",
    "box sync": "Box",
    "megasync": "MEGA",
    "yandex.disk": "Yandex.Disk",
    "yandexdisk": "Yandex.Disk",
    "yandex.disk.localized": "Yandex.Disk",
}
"""Folder names (lower case) that mark a synced folder wherever they are."""
_PREFIXES = {
    "dropbox (": "Dropbox", "dropbox-": "Dropbox", "onedrive - ": "OneDrive",
    "onedrive-": "OneDrive", "googledrive-": "Google Drive",
}
_IN_HOME = {"box": "Box", "mega": "MEGA"}
"""Names too common to trust anywhere: only directly inside the home folder."""
_CLOUD_STORAGE = {  # the next folder's name under ~/Library/CloudStorage (macOS)
    "dropbox": "Dropbox", "onedrive": "OneDrive", "googledrive": "Google Drive",
    "box": "Box", "pcloud": "pCloud", "mega": "MEGA", "yandex": "Yandex.Disk",
    "nextcloud": "Nextcloud", "owncloud": "ownCloud",
}
_ONEDRIVE_ENV = ("OneDrive", "OneDriveConsumer", "OneDriveCommercial")
_DRIVE_REMOTE = 4
"""``GetDriveTypeW``'s value for a network drive."""
_MNT_LOCAL = 0x00001000


def detect(
    path: str | os.PathLike[str],
    *,
    home: Path | None = None,
    environ: Mapping[str, str] | None = None,
    mounts: str | None = None,
    system: str | None = None,
    drive_type: Callable[[str], int] | None = None,
) -> RiskyLocation | None:
    """Whether the folder of the file at ``path`` is cloud-synced or on a network.

    The keyword arguments replace what is otherwise read from this computer (for
    tests): the home folder, the environment, the text of ``/proc/self/mounts``,
    ``sys.platform`` and Windows' ``GetDriveTypeW``. Never raises.
    """
    system = system if system is not None else sys.platform
    windows = system == "win32"
    environ = environ if environ is not None else os.environ
    try:
        home = home if home is not None else Path.home()
    except (OSError, RuntimeError, KeyError):  # no home folder in this environment
        home = None
    candidates = _candidates(path, windows)
    for candidate in candidates:
        found = _by_name(candidate, home, windows) or _by_roots(
            candidate, _known_roots(home, environ, windows), windows)
        if found is not None:
            return found
    if isinstance(candidates[-1], Path):  # a real path on this computer
        found = _syncthing(candidates[-1])
        if found is not None:
            return found
    try:
        if windows:
            return _windows_network(candidates[-1], drive_type)
        if system.startswith("linux"):
            return _linux_network(candidates[-1], mounts)
        if system == "darwin":
            return _mac_network(candidates[-1])
    except Exception:  # detection is advice: never fail the open over it
        return None
    return None


def reason(path: str | os.PathLike[str], **overrides: object) -> str | None:
    """:func:`detect`'s finding as one English line, or ``None`` when the folder is safe."""
    found = detect(path, **overrides)  # type: ignore[arg-type]
    return found.reason if found is not None else None


def parse_mounts(text: str) -> list[tuple[PurePosixPath, str, str]]:
    """``(mount point, type, source)`` of each line of ``/proc/mounts``-style ``text``."""
    mounts = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            mounts.append((PurePosixPath(_unescape(fields[1])), fields[2], _unescape(fields[0])))
    return mounts


def _candidates(path: str | os.PathLike[str], windows: bool) -> list[PurePath]:
    """The path as given (absolute) and resolved, the resolved one last."""
    if windows and not isinstance(path, Path | PurePosixPath):
        pure: PurePath = PureWindowsPath(path)
        if sys.platform == "win32":
            with contextlib.suppress(OSError, RuntimeError):
                return [pure, Path(os.path.realpath(path))]
        return [pure]
    given = Path(path).expanduser()
    absolute = given if given.is_absolute() else Path.cwd() / given
    try:
        resolved = absolute.resolve()
    except (OSError, RuntimeError):
        return [absolute]
    return [absolute] if resolved == absolute else [absolute, resolved]


def _folders(path: PurePath) -> tuple[str, ...]:
    """The folder names above ``path`` (without its drive or root, without its own name)."""
    parts = path.parent.parts
    return parts[1:] if parts and (path.anchor and parts[0] == path.anchor) else parts


def _by_name(path: PurePath, home: Path | None, windows: bool) -> RiskyLocation | None:
    folders = _folders(path)
    lower = [name.lower() for name in folders]
    for index, name in enumerate(lower):
        service = _ANYWHERE.get(name) or next(
            (s for prefix, s in _PREFIXES.items() if name.startswith(prefix)), None)
        end = index + 1
        if service is None and index >= 1 and lower[index - 1] == "library":
            if name == "mobile documents":
                service = "iCloud Drive"
            elif name == "cloudstorage" and index + 1 < len(folders):
                provider = lower[index + 1]
                service = next((s for key, s in _CLOUD_STORAGE.items()
                                if provider.startswith(key)), folders[index + 1])
                end += 1
        if (service is None and name in _IN_HOME and home is not None
                and _same(_root_of(path, folders[:index]), home, windows)):
            service = _IN_HOME[name]
        if service is not None:
            return RiskyLocation(LocationKind.CLOUD, service, _root_of(path, folders[:end]))
    return None


def _by_roots(
    path: PurePath, roots: Iterable[tuple[str, PurePath]], windows: bool
) -> RiskyLocation | None:
    for service, root in roots:
        if _within(path, root, windows):
            return RiskyLocation(LocationKind.CLOUD, service, root)
    return None


def _known_roots(
    home: Path | None, environ: Mapping[str, str], windows: bool
) -> list[tuple[str, PurePath]]:
    """Synced folders that their clients name: Dropbox's info.json, OneDrive's variables."""
    make: Callable[[str], PurePath] = PureWindowsPath if windows else PurePosixPath
    roots = [("OneDrive", make(environ[name])) for name in _ONEDRIVE_ENV if environ.get(name)]
    infos = [home / ".dropbox" / "info.json"] if home is not None else []
    infos += [Path(environ[v]) / "Dropbox" / "info.json"
              for v in ("APPDATA", "LOCALAPPDATA") if environ.get(v)]
    for info in infos:
        try:
            accounts = json.loads(info.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(accounts, dict):
            roots += [("Dropbox", make(account["path"])) for account in accounts.values()
                      if isinstance(account, dict) and isinstance(account.get("path"), str)]
    return roots


def _syncthing(path: PurePath) -> RiskyLocation | None:
    folder = Path(path).parent
    for candidate in (folder, *folder.parents):
        with contextlib.suppress(OSError):
            if (candidate / ".stfolder").exists():
                return RiskyLocation(LocationKind.CLOUD, "Syncthing", candidate)
    return None


def _linux_network(path: PurePath, mounts: str | None) -> RiskyLocation | None:
    if mounts is None:
        try:
            mounts = Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    target = PurePosixPath(path)
    best: tuple[PurePosixPath, str, str] | None = None
    for point, fstype, source in parse_mounts(mounts):
        if (target == point or point in target.parents) and (
                best is None or len(point.parts) >= len(best[0].parts)):
            best = (point, fstype, source)
    if best is None:
        return None
    point, fstype, _source = best
    subtype = fstype.removeprefix("fuse.") if fstype.startswith("fuse.") else None
    if fstype in NETWORK_FILESYSTEMS or (subtype is not None and subtype in NETWORK_FUSE):
        return RiskyLocation(LocationKind.NETWORK, fstype, point)
    return None


def _windows_network(
    path: PurePath, drive_type: Callable[[str], int] | None
) -> RiskyLocation | None:
    drive = PureWindowsPath(path).drive
    if drive.startswith(("\\\\", "//")):
        return RiskyLocation(LocationKind.NETWORK, "Windows network share", PureWindowsPath(drive))
    if not drive:
        return None
    if drive_type is None:
        if sys.platform != "win32":
            return None
        import ctypes  # noqa: PLC0415 - Windows only

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
        kernel32.GetDriveTypeW.argtypes = [ctypes.c_wchar_p]
        kernel32.GetDriveTypeW.restype = ctypes.c_uint

        def drive_type(root: str) -> int:
            return int(kernel32.GetDriveTypeW(root))

    root = drive + "\\"
    if drive_type(root) == _DRIVE_REMOTE:
        return RiskyLocation(LocationKind.NETWORK, "network drive", PureWindowsPath(root))
    return None


def _mac_network(path: PurePath) -> RiskyLocation | None:
    """``statfs`` of the nearest existing folder: not local means a network volume."""
    import ctypes  # noqa: PLC0415 - macOS only
    import ctypes.util  # noqa: PLC0415

    class StatFs(ctypes.Structure):  # struct statfs with 64-bit inodes (macOS 10.6+)
        _fields_ = [
            ("f_bsize", ctypes.c_uint32), ("f_iosize", ctypes.c_int32),
            ("f_blocks", ctypes.c_uint64), ("f_bfree", ctypes.c_uint64),
            ("f_bavail", ctypes.c_uint64), ("f_files", ctypes.c_uint64),
            ("f_ffree", ctypes.c_uint64), ("f_fsid", ctypes.c_int32 * 2),
            ("f_owner", ctypes.c_uint32), ("f_type", ctypes.c_uint32),
            ("f_flags", ctypes.c_uint32), ("f_fssubtype", ctypes.c_uint32),
            ("f_fstypename", ctypes.c_char * 16), ("f_mntonname", ctypes.c_char * 1024),
            ("f_mntfromname", ctypes.c_char * 1024), ("f_flags_ext", ctypes.c_uint32),
            ("f_reserved", ctypes.c_uint32 * 7),
        ]

    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    statfs = getattr(libc, "statfs$INODE64", None) or libc.statfs
    statfs.argtypes = [ctypes.c_char_p, ctypes.POINTER(StatFs)]
    folder = Path(path).parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    result = StatFs()
    if statfs(os.fsencode(folder), ctypes.byref(result)) != 0:
        return None
    if result.f_flags & _MNT_LOCAL:
        return None
    fstype = result.f_fstypename.decode("utf-8", "replace") or "network volume"
    return RiskyLocation(LocationKind.NETWORK, fstype,
                         PurePosixPath(result.f_mntonname.decode("utf-8", "replace")))


def _root_of(path: PurePath, folders: tuple[str, ...]) -> PurePath:
    return type(path)(path.anchor, *folders)


def _within(path: PurePath, root: PurePath, windows: bool) -> bool:
    if windows:
        return _within_text(str(PureWindowsPath(path)).lower(), str(root).lower(), "\\")
    return root == path or root in path.parents


def _within_text(path: str, root: str, separator: str) -> bool:
    root = root.rstrip(separator)
    return path == root or path.startswith(root + separator)


def _same(one: PurePath, other: PurePath, windows: bool) -> bool:
    if windows:
        return str(PureWindowsPath(one)).lower() == str(PureWindowsPath(other)).lower()
    return one == other


def _unescape(field: str) -> str:
    r"""Undo the octal escapes of /proc/mounts (``\040`` for a space, ``\134`` for ``\``)."""
    if "\\" not in field:
        return field
    out, index = [], 0
    while index < len(field):
        chunk = field[index:index + 4]
        if len(chunk) == 4 and chunk[0] == "\\" and chunk[1:].isdigit():
            out.append(chr(int(chunk[1:], 8)))
            index += 4
        else:
            out.append(field[index])
            index += 1
    return "".join(out)
