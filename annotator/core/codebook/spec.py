"""A codebook as a file describes it: the storage-independent form that formats read and write.

Codebook files (YAML/JSON, REFI-QDA ``.qdc``) are read into a :class:`CodebookSpec`
and written from one; :mod:`annotator.core.codebook.service` compares a spec
with a project's codebook and applies the difference. Uuids are canonical
lower-case ``8-4-4-4-12`` text when known, ``None`` for codes new to the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class CodeKind(StrEnum):
    SPAN = "span"
    """Applied to spans of a post's text."""
    VARIABLE = "variable"
    """Applied to a whole post (a post-level variable)."""


class VariableType(StrEnum):
    SINGLE = "single"
    """One of the levels (nominal)."""
    MULTIPLE = "multiple"
    """Any set of the levels."""
    ORDINAL = "ordinal"
    """One of the levels, which are ordered (first = lowest)."""
    BOOLEAN = "boolean"
    """Yes or no."""
    NUMBER = "number"
    TEXT = "text"


CHOICE_TYPES = frozenset({VariableType.SINGLE, VariableType.MULTIPLE, VariableType.ORDINAL})
"""Variable types whose values are levels."""


@dataclass(frozen=True, slots=True)
class Level:
    """A value of a choice or ordinal variable; levels keep their order."""

    name: str
    uuid: str | None = None
    description: str = ""


@dataclass(frozen=True, slots=True)
class CodeSpec:
    """One code of the tree.

    ``kind`` says what it applies to; for variables ``variable_type`` is set and
    choice types list their ``levels``. ``examples`` are short quotes or
    descriptions of typical cases. ``shortcut`` is a single key (``1``-``9``,
    ``a``-``z``...).
    """

    name: str
    uuid: str | None = None
    kind: CodeKind = CodeKind.SPAN
    description: str = ""
    inclusion: str = ""
    exclusion: str = ""
    examples: tuple[str, ...] = ()
    colour: str | None = None
    shortcut: str | None = None
    memo: str = ""
    variable_type: VariableType | None = None
    levels: tuple[Level, ...] = ()
    children: tuple[CodeSpec, ...] = ()


@dataclass(frozen=True, slots=True)
class Removal:
    """What a codebook file says about a code it no longer has.

    ``code`` is a uuid or a path (``Parent/Child``) in the project's codebook.
    ``merge_into`` (uuid or path in the new codebook) receives its annotations;
    ``delete=True`` deletes them. One of the two is needed when the code has
    annotations.
    """

    code: str
    merge_into: str | None = None
    delete: bool = False


@dataclass(frozen=True, slots=True)
class CodebookSpec:
    """A whole codebook: metadata and the tree of codes, in order."""

    name: str = ""
    version: int | None = None
    description: str = ""
    codes: tuple[CodeSpec, ...] = ()
    removals: tuple[Removal, ...] = ()
    uuid: str | None = None
    origin: str | None = field(default=None, compare=False)
    """The tool that wrote the file, when it says (REFI-QDA ``origin``)."""


def walk(
    codes: tuple[CodeSpec, ...], prefix: tuple[str, ...] = ()
) -> list[tuple[tuple[str, ...], CodeSpec]]:
    """Every code with its path, depth first, parents before children."""
    found: list[tuple[tuple[str, ...], CodeSpec]] = []
    for code in codes:
        path = (*prefix, code.name)
        found.append((path, code))
        found.extend(walk(code.children, path))
    return found
