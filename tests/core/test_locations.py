"""Detecting cloud-synced and network folders, with the computer's facts injected."""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from annotator.core.locations import LocationKind, detect, parse_mounts, reason

LOCAL_MOUNTS = "/dev/vda / ext4 rw,relatime 0 0\ntmpfs /tmp tmpfs rw 0 0\n"
NETWORK_MOUNTS = LOCAL_MOUNTS + (
    "server:/export/home /mnt/nfs nfs4 rw,vers=4.2 0 0\n"
    "//nas/team\\040share /mnt/team\\040share cifs rw 0 0\n"
    "user@host:/data /home/ann/remote fuse.sshfs rw 0 0\n"
    "gdrive: /home/ann/gdrive fuse.rclone rw 0 0\n"
    "/dev/sdb1 /mnt/nfs/local-disk ext4 rw 0 0\n"
    "portal /run/user/1000/doc fuse.portal rw 0 0\n"
)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


def check(path: Path | str, home: Path, **overrides: object):  # type: ignore[no-untyped-def]
    defaults: dict[str, object] = {"environ": {}, "mounts": LOCAL_MOUNTS, "system": "linux"}
    return detect(path, home=home, **{**defaults, **overrides})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("relative", "service"),
    [
        ("Dropbox/study/p.annot", "Dropbox"),
        ("Dropbox (Acme Research)/p.annot", "Dropbox"),
        ("OneDrive/Documents/p.annot", "OneDrive"),
        ("OneDrive - University of Somewhere/p.annot", "OneDrive"),
        ("Google Drive/My Drive/p.annot", "Google Drive"),
        ("Library/CloudStorage/GoogleDrive-ann@example.org/My Drive/p.annot", "Google Drive"),
        ("Library/CloudStorage/OneDrive-Personal/p.annot", "OneDrive"),
        ("Library/CloudStorage/SynologyDrive-work/p.annot", "SynologyDrive-work"),
        ("Library/Mobile Documents/com~apple~CloudDocs/p.annot", "iCloud Drive"),
        ("iCloudDrive/p.annot", "iCloud Drive"),
        ("Nextcloud/coding/p.annot", "Nextcloud"),
        ("ownCloud/p.annot", "ownCloud"),
        ("pCloudDrive/p.annot", "pCloud"),
        ("Box/p.annot", "Box"),
        ("Box Sync/p.annot", "Box"),
        ("MEGA/p.annot", "MEGA"),
        ("Yandex.Disk/p.annot", "Yandex.Disk"),
    ],
)
def test_synced_folders_by_name(home: Path, relative: str, service: str) -> None:
    found = check(home / relative, home)
    assert found is not None
    assert (found.kind, found.service) == (LocationKind.CLOUD, service)
    assert found.reason.startswith(f"the folder is synced by {service}")


def test_the_root_is_the_synced_folder(home: Path) -> None:
    found = check(home / "Dropbox" / "team" / "p.annot", home)
    assert found is not None and found.root == home / "Dropbox"


def test_common_names_count_only_in_the_home_folder(home: Path) -> None:
    assert check(home / "projects" / "Box" / "p.annot", home) is None
    assert check(home / "media" / "MEGA" / "p.annot", home) is None
    assert check(home / "Dropbox.annot", home) is None  # the file's own name is not a folder


def test_syncthing_marker_in_an_ancestor(home: Path) -> None:
    synced = home / "Sync"
    (synced / "deep" / "er").mkdir(parents=True)
    (synced / ".stfolder").mkdir()
    found = check(synced / "deep" / "er" / "p.annot", home)
    assert found is not None and (found.service, found.root) == ("Syncthing", synced)


def test_dropbox_info_json_names_a_renamed_folder(home: Path, tmp_path: Path) -> None:
    custom = tmp_path / "research-sync"
    (home / ".dropbox").mkdir()
    (home / ".dropbox" / "info.json").write_text(json.dumps(
        {"personal": {"path": str(custom), "host": 1}}), encoding="utf-8")
    found = check(custom / "p.annot", home)
    assert found is not None and (found.service, found.root) == ("Dropbox", custom)


def test_symbolic_links_are_followed(home: Path, tmp_path: Path) -> None:
    real = home / "Dropbox" / "study"
    real.mkdir(parents=True)
    link = tmp_path / "study-link"
    link.symlink_to(real)
    found = check(link / "p.annot", home)
    assert found is not None and found.service == "Dropbox"


def test_a_local_folder_is_safe(tmp_path: Path, home: Path) -> None:
    assert check(tmp_path / "work" / "p.annot", home) is None
    # And with this computer's real mount table (the test folder is local).
    assert detect(tmp_path / "work" / "p.annot", home=home, environ={}) is None
    assert reason(tmp_path / "p.annot", home=home, environ={}, mounts=LOCAL_MOUNTS) is None


@pytest.mark.parametrize(
    ("path", "fstype", "root"),
    [
        ("/mnt/nfs/study/p.annot", "nfs4", "/mnt/nfs"),
        ("/mnt/team share/p.annot", "cifs", "/mnt/team share"),
        ("/home/ann/remote/p.annot", "fuse.sshfs", "/home/ann/remote"),
        ("/home/ann/gdrive/p.annot", "fuse.rclone", "/home/ann/gdrive"),
    ],
)
def test_network_mounts_on_linux(home: Path, path: str, fstype: str, root: str) -> None:
    found = check(path, home, mounts=NETWORK_MOUNTS)
    assert found is not None
    assert (found.kind, found.service, found.root) == (
        LocationKind.NETWORK, fstype, PurePosixPath(root))
    assert fstype in found.reason


def test_the_innermost_mount_decides(home: Path) -> None:
    assert check("/mnt/nfs/local-disk/p.annot", home, mounts=NETWORK_MOUNTS) is None
    assert check("/run/user/1000/doc/p.annot", home, mounts=NETWORK_MOUNTS) is None
    assert check("/mnt/nfsother/p.annot", home, mounts=NETWORK_MOUNTS) is None


def test_mount_lines_are_unescaped() -> None:
    [*_, (point, fstype, source)] = parse_mounts("//nas/a\\040b /mnt/a\\040b\\134c cifs rw 0 0")
    assert (point, fstype, source) == (PurePosixPath("/mnt/a b\\c"), "cifs", "//nas/a b")


def test_windows_unc_paths_and_remote_drives() -> None:
    def drive_type(root: str) -> int:
        return {"Z:\\": 4, "C:\\": 3}[root]

    def win(path: str):  # type: ignore[no-untyped-def]
        return detect(path, home=Path("C:/Users/ann"), environ={}, system="win32",
                      drive_type=drive_type)

    unc = win(r"\\fileserver\research\study\p.annot")
    assert unc is not None and unc.kind is LocationKind.NETWORK
    assert unc.root == PureWindowsPath(r"\\fileserver\research")
    mapped = win(r"Z:\study\p.annot")
    assert mapped is not None and mapped.service == "network drive"
    assert win(r"C:\Users\ann\Documents\p.annot") is None
    onedrive = win(r"C:\Users\ann\OneDrive - Uni\p.annot")
    assert onedrive is not None and onedrive.service == "OneDrive"
    google = win(r"G:\My Drive\p.annot")
    assert google is not None and google.service == "Google Drive"


def test_windows_onedrive_folder_from_the_environment() -> None:
    found = detect(r"D:\Sync\Work\p.annot", home=Path("C:/Users/ann"), system="win32",
                   environ={"OneDriveCommercial": r"D:\Sync\Work"}, drive_type=lambda root: 3)
    assert found is not None and found.service == "OneDrive"
    assert detect(r"D:\Sync\Workshop\p.annot", home=Path("C:/Users/ann"), system="win32",
                  environ={"OneDriveCommercial": r"D:\Sync\Work"},
                  drive_type=lambda root: 3) is None
