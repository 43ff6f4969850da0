"""The error tree of the core.

Every error a user can cause is an :class:`AnnotatorError`. Errors carry data
(paths, line numbers, values) and an English one-line ``str()`` that the command
line prints as ``error: ...``; the GUI maps types to translated messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class AnnotatorError(Exception):
    """Base of every error caused by user input or by the state of a file."""


class ProjectError(AnnotatorError):
    """A project file cannot be created or opened."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(path, reason)
        self.path = path
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class NotAProject(ProjectError):
    """The file exists but is not an Annotator project (left untouched)."""


class ProjectExists(ProjectError):
    """Refusing to create a project over an existing file."""


class ProjectMissing(ProjectError):
    """The project file does not exist."""


class NewerSchema(ProjectError):
    """The file was written by a newer Annotator; this version cannot read it."""

    def __init__(self, path: Path, found: int, supported: int) -> None:
        super().__init__(
            path,
            f"this project was saved by a newer Annotator (schema version {found}; "
            f"this version reads up to {supported}). Please update Annotator.",
        )
        self.found = found
        self.supported = supported


class InputFileError(AnnotatorError):
    """An input file is missing, empty, binary, undecodable or malformed.

    ``line`` is 1-based when known.
    """

    def __init__(self, path: Path | str, reason: str, line: int | None = None) -> None:
        super().__init__(path, reason, line)
        self.path = Path(path)
        self.reason = reason
        self.line = line

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else f"{self.path}"
        return f"{where}: {self.reason}"


class UnknownFormat(InputFileError):
    """No importer recognises the file's content."""


class InvalidSpan(AnnotatorError):
    """A span is not a half-open code-point range inside its post's text."""

    def __init__(self, start: int, end: int, length: int | None = None) -> None:
        super().__init__(start, end, length)
        self.start = start
        self.end = end
        self.length = length

    def __str__(self) -> str:
        if self.length is None:
            return f"invalid span [{self.start}, {self.end}): need 0 <= start < end"
        return (
            f"invalid span [{self.start}, {self.end}): need 0 <= start < end <= {self.length} "
            "(the post's length in code points)"
        )


class NotFound(AnnotatorError):
    """An entity named by the user does not exist."""

    def __init__(self, kind: str, key: object) -> None:
        super().__init__(kind, key)
        self.kind = kind
        self.key = key

    def __str__(self) -> str:
        return f"no {self.kind} {self.key!r}"


class Conflict(AnnotatorError):
    """An edit would break a uniqueness rule (a duplicate name, shortcut or annotation)."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what

    def __str__(self) -> str:
        return self.what


@dataclass(frozen=True, slots=True)
class RowProblem:
    """One bad row of a tabular input; ``row`` is the 1-based data row (header excluded)."""

    row: int
    column: str | None
    reason: str

    def __str__(self) -> str:
        col = f" [{self.column}]" if self.column else ""
        return f"row {self.row}{col}: {self.reason}"


class RowsInvalid(AnnotatorError):
    """Some rows of a tabular input are invalid; nothing was written."""

    def __init__(self, path: Path, problems: list[RowProblem]) -> None:
        super().__init__(path, problems)
        self.path = path
        self.problems = problems

    def __str__(self) -> str:
        first = self.problems[0]
        more = len(self.problems) - 1
        tail = f" (and {more} more problem{'s' if more != 1 else ''})" if more else ""
        return f"{self.path}: {len(self.problems)} invalid row(s), nothing written; {first}{tail}"
