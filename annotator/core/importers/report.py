"""What an import did, for people (the command line, the GUI) and for the source record."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.changes import Changes
from annotator.core.importers.base import ImportWarning

_SHOWN_WARNINGS = 50


@dataclass(frozen=True, slots=True)
class VersionNote:
    """A message whose text changed since an earlier import: stored as a new version."""

    identity: str
    previous_id: int
    post_id: int
    version: int


@dataclass(frozen=True, slots=True)
class ImportReport:
    """The outcome of importing one input. ``source_id`` is ``None`` when nothing was added."""

    path: Path
    format: str
    encoding: str | None
    sha256: str
    posts_in_file: int
    added: int
    duplicates: int
    versions: tuple[VersionNote, ...]
    skipped: dict[str, int]
    warnings: tuple[ImportWarning, ...]
    channels: tuple[str, ...]
    source_id: int | None
    added_ids: tuple[int, ...] = field(repr=False, default=())

    @property
    def changes(self) -> Changes:
        return Changes(
            posts=frozenset(self.added_ids),
            sources=frozenset({self.source_id}) if self.source_id is not None else frozenset(),
            structure=bool(self.added_ids),
        )

    def lines(self) -> list[str]:
        """A plain-text report for the command line (at most 50 warnings listed)."""
        encoding = f" ({self.encoding})" if self.encoding else ""
        out = [
            f"imported {self.path.name} as {self.format}{encoding}",
            f"channels: {', '.join(self.channels) or '-'}",
            f"posts in file: {self.posts_in_file}",
            f"added: {self.added}",
            f"duplicates skipped: {self.duplicates}",
            f"new versions of changed posts: {len(self.versions)}",
        ]
        skipped = ", ".join(f"{reason} {n}" for reason, n in sorted(self.skipped.items()))
        out.append(f"skipped: {skipped or 0}")
        out += [f"  changed text: {v.identity} (post {v.previous_id} -> post {v.post_id}, "
                f"version {v.version})" for v in self.versions[:_SHOWN_WARNINGS]]
        out.append(f"warnings: {len(self.warnings)}")
        out += [f"  {w}" for w in self.warnings[:_SHOWN_WARNINGS]]
        if len(self.warnings) > _SHOWN_WARNINGS:
            out.append(f"  ... and {len(self.warnings) - _SHOWN_WARNINGS} more")
        return out


def warning_record(warning: ImportWarning) -> dict[str, object]:
    """A warning as stored in the source row (JSON)."""
    record: dict[str, object] = {"code": warning.code, "message": warning.message}
    for key in ("line", "post", "json_path", "file"):
        value = getattr(warning, key)
        if value is not None:
            record[key] = value
    return record
