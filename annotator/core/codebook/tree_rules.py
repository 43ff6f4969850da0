"""Rules of a codebook file that its JSON Schema cannot express, and normal forms of values.

:func:`rule_problems` checks the plain data of a file (as read, before conversion) so that
its problems are listed together with the schema's; parts that are malformed (a name that
is not text, a colour that is not one) are skipped here because the schema reports them.

* Code names are unique among siblings, compared exactly (case-sensitively) after removing
  surrounding whitespace: ``Threat`` and ``threat`` are two codes, ``Threat `` and
  ``Threat`` the same name.
* Shortcuts are unique in the whole codebook, in normal form (letters in lower case, so
  ``A`` and ``a`` clash; a digit written as a number is the same key as the digit as text).
* Uuids are unique among the codes and levels of the file (the codebook's own uuid is
  apart), in normal form (lower case, no braces).
* Level names are unique within a variable (exactly, after removing surrounding whitespace).
* A removal names a code (uuid or path) that is not in the file's tree, at most once; its
  ``merge_into`` names a code that is; it does not both merge and delete.

What the schema does express (variables need a type and cannot have children, choice
variables need levels, span codes have neither, names contain no ``/``) is not repeated.
The ``normal_*`` functions give the form in which values are compared and stored.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from annotator.core.codebook.source_map import JsonPath, format_path, line_of

PATH_SEPARATOR = "/"
_UUID = re.compile(
    r"\{(?P<braced>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}"
    r"|(?P<plain>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})",
    re.IGNORECASE,
)
_SHORTCUT = re.compile(r"[!-~]")
_COLOUR = re.compile(r"#(?:[0-9a-f]{3}|[0-9a-f]{6})", re.IGNORECASE)


def is_uuid(text: str) -> bool:
    """Whether ``text`` is a uuid as the file format accepts it (any case, optional braces)."""
    return _UUID.fullmatch(text.strip()) is not None


def normal_uuid(text: str) -> str:
    """``{6F1C...}`` → ``6f1c...``: lower case without braces (``text`` must be a uuid)."""
    match = _UUID.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"not a uuid: {text!r}")
    return (match.group("braced") or match.group("plain")).lower()


def normal_colour(text: str) -> str:
    """``#ABC`` → ``#aabbcc``; ``#1F77B4`` → ``#1f77b4`` (``text`` must be such a colour)."""
    value = text.strip().lower()
    if _COLOUR.fullmatch(value) is None:
        raise ValueError(f"not a colour: {text!r}")
    return "#" + "".join(ch * 2 for ch in value[1:]) if len(value) == 4 else value


def normal_shortcut(value: str | float) -> str:
    """``"Q"`` → ``"q"``, ``1`` → ``"1"``: one printable ASCII character, letters in lower case."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # JSON 1.0 is the integer 1 to JSON Schema
    key = str(value).strip().lower()
    if _SHORTCUT.fullmatch(key) is None:
        raise ValueError(f"not a single key: {value!r}")
    return key


def normal_name(text: str) -> str:
    """A name without its surrounding whitespace."""
    return text.strip()


def normal_reference(text: str) -> str:
    """A code reference of a removal: a uuid in normal form, or a path whose names are trimmed
    (``" Rhetoric / Irony "`` → ``"Rhetoric/Irony"``)."""
    if is_uuid(text):
        return normal_uuid(text)
    return PATH_SEPARATOR.join(part.strip() for part in text.strip().split(PATH_SEPARATOR))


def rule_problems(data: Any, lines: Mapping[JsonPath, int]) -> list[tuple[JsonPath, str]]:
    """The problems of ``data`` (a codebook file's plain data) under the rules above.

    ``lines`` (JSON path → line, possibly empty) lets messages say where the other of two
    clashing values is ("line 7"); without a line they give its JSON path.
    """
    rules = _Rules(lines)
    if isinstance(data, dict):
        rules.codes(data.get("codes"), ("codes",), ())
        rules.removals(data.get("removed"))
    return rules.found


def _clean_name(value: Any, *, code: bool) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    if code and PATH_SEPARATOR in value:
        return None
    return normal_name(value)


def _shortcut_of(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    if isinstance(value, int | float) and not (0 <= value <= 9 and value == int(value)):
        return None
    try:
        return normal_shortcut(value)
    except ValueError:
        return None


def _uuid_of(value: Any) -> str | None:
    return normal_uuid(value) if isinstance(value, str) and is_uuid(value) else None


class _Rules:
    """Walks the data once, remembering names, shortcuts, uuids and paths as it goes."""

    def __init__(self, lines: Mapping[JsonPath, int]) -> None:
        self.lines = lines
        self.found: list[tuple[JsonPath, str]] = []
        self.shortcuts: dict[str, tuple[JsonPath, str]] = {}
        self.uuids: dict[str, tuple[JsonPath, str]] = {}
        self.code_uuids: dict[str, JsonPath] = {}
        self.paths: dict[str, JsonPath] = {}

    def where(self, path: JsonPath) -> str:
        line = line_of(self.lines, path) if self.lines else None
        return f"line {line}" if line is not None else format_path(path)

    def add(self, path: JsonPath, message: str) -> None:
        self.found.append((path, message))

    def codes(self, items: Any, at: JsonPath, prefix: tuple[str, ...] | None) -> None:
        if not isinstance(items, list):
            return
        siblings: dict[str, JsonPath] = {}
        for index, code in enumerate(items):
            here = (*at, index)
            if not isinstance(code, dict):
                continue
            name = _clean_name(code.get("name"), code=True)
            names = None if name is None or prefix is None else (*prefix, name)
            if name is not None:
                if name in siblings:
                    whose = "a sibling" if at != ("codes",) else "another top-level code"
                    self.add((*here, "name"), f"name {name!r} is already used by {whose} "
                                              f"({self.where(siblings[name])})")
                else:
                    siblings[name] = here
            if names is not None:
                self.paths.setdefault(PATH_SEPARATOR.join(names), here)
            label = (repr(PATH_SEPARATOR.join(names)) if names
                     else f"the code at {format_path(here)}")
            self.shortcut(code.get("shortcut"), (*here, "shortcut"), label)
            self.uuid(code.get("uuid"), (*here, "uuid"), f"code {label}", code=True)
            self.levels(code.get("levels"), (*here, "levels"), label)
            self.codes(code.get("children"), (*here, "children"), names)

    def shortcut(self, value: Any, at: JsonPath, label: str) -> None:
        key = _shortcut_of(value)
        if key is None:
            return
        if key in self.shortcuts:
            first, owner = self.shortcuts[key]
            self.add(at, f"shortcut {key!r} is already used by {owner} ({self.where(first)})")
        else:
            self.shortcuts[key] = (at, label)

    def uuid(self, value: Any, at: JsonPath, label: str, *, code: bool) -> None:
        uuid = _uuid_of(value)
        if uuid is None:
            return
        if uuid in self.uuids:
            first, owner = self.uuids[uuid]
            self.add(at, f"uuid {uuid} is already used by {owner} ({self.where(first)})")
            return
        self.uuids[uuid] = (at, label)
        if code:
            self.code_uuids[uuid] = at[:-1]

    def levels(self, items: Any, at: JsonPath, variable: str) -> None:
        if not isinstance(items, list):
            return
        seen: dict[str, JsonPath] = {}
        for index, level in enumerate(items):
            here: JsonPath = (*at, index)
            value = level
            if isinstance(level, dict):
                self.uuid(level.get("uuid"), (*here, "uuid"),
                          f"level {level.get('name')!r} of {variable}", code=False)
                value, here = level.get("name"), (*here, "name")
            name = _clean_name(value, code=False)
            if name is None:
                continue
            if name in seen:
                self.add(here, f"level {name!r} is already in this variable "
                               f"({self.where(seen[name])})")
            else:
                seen[name] = here

    def find(self, reference: str) -> JsonPath | None:
        """Where the code named by a normal reference (uuid or path) is in the tree."""
        if is_uuid(reference):
            return self.code_uuids.get(reference)
        return self.paths.get(reference)

    def removals(self, items: Any) -> None:
        if not isinstance(items, list):
            return
        seen: dict[str, JsonPath] = {}
        for index, removal in enumerate(items):
            here: JsonPath = ("removed", index)
            if not isinstance(removal, dict):
                continue
            code = removal.get("code")
            if isinstance(code, str) and code.strip():
                self.removed_code(normal_reference(code), (*here, "code"), seen)
            target = removal.get("merge_into")
            if isinstance(target, str) and target.strip():
                reference = normal_reference(target)
                if self.find(reference) is None:
                    self.add((*here, "merge_into"),
                             f"{reference!r} is not a code of this codebook (merge_into names "
                             "the code of this file, by uuid or path, that receives the "
                             "annotations)")
            if "merge_into" in removal and removal.get("delete") is True:
                self.add(here, "give either merge_into or delete: true, not both")

    def removed_code(self, reference: str, at: JsonPath, seen: dict[str, JsonPath]) -> None:
        if not is_uuid(reference) and "" in reference.split(PATH_SEPARATOR):
            self.add(at, f"{reference!r} is not a code path: a name between '/' is empty")
            return
        if reference in seen:
            self.add(at, f"{reference!r} is already removed ({self.where(seen[reference])})")
            return
        seen[reference] = at
        found = self.find(reference)
        if found is not None:
            self.add(at, f"{reference!r} is still in the codebook ({self.where(found)}); "
                         "only codes that are not in the tree can be removed")
