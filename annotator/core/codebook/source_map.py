"""Reading YAML and JSON text into plain values together with the line of every value.

:func:`parse_yaml` and :func:`parse_json` return a :class:`Located`: the data as plain
Python values (dicts with text keys, lists, strings, numbers, booleans, ``None``; YAML may
also give dates), a map from each JSON path (a tuple of keys and list indexes, ``()`` for
the root) to its 1-based line, and the problems found while reading that do not stop it
(a key given twice, an unsupported YAML tag or merge key, a key that is not text). For a
mapping entry the line is the key's line; for a list item, the line where the item starts.
Text that is not YAML or JSON at all raises :class:`ParseFailure` with the line and column.

:func:`format_path` spells a JSON path (``$.codes[2].colour``) and :func:`line_of` finds
the line of a path or, when the path does not exist in the file (a missing key), of its
nearest ancestor. :func:`describe` names a value for messages ("number 3", "an empty list").
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

JsonPath = tuple[str | int, ...]
"""Keys and list indexes from the root of a document; ``()`` is the root."""

YAML_HINT = (
    " (YAML reads unquoted yes/no/on/off/true/false as booleans, digits as numbers and "
    "2024-06-25 as a date; put the text in quotes)"
)
UNQUOTED_TYPES = (bool, int, float, date)
"""What YAML makes of unquoted text that looks like a boolean, a number or a date."""
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_WHITESPACE = re.compile(r"[ \t\n\r]*")


@dataclass(frozen=True, slots=True)
class ReadProblem:
    """A problem found while reading: where (path and 1-based line) and what."""

    path: JsonPath
    line: int | None
    message: str
    replaced: bool = False
    """The value at ``path`` could not be read and stands as ``None`` in the data."""


@dataclass(slots=True)
class Located:
    """Plain data read from a document, the line of each path and the reading problems."""

    data: Any
    lines: dict[JsonPath, int] = field(default_factory=dict)
    problems: list[ReadProblem] = field(default_factory=list)


class ParseFailure(Exception):
    """The text is not YAML (or not JSON) at all; ``line``/``column`` are 1-based."""

    def __init__(self, message: str, line: int | None, column: int | None = None) -> None:
        super().__init__(message, line, column)
        self.message = message
        self.line = line
        self.column = column


def format_path(path: JsonPath) -> str:
    """``("codes", 2, "colour")`` → ``$.codes[2].colour``; odd keys as ``$['a key']``."""
    out = "$"
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _IDENTIFIER.fullmatch(part):
            out += f".{part}"
        else:
            out += f"[{part!r}]"
    return out


def line_of(lines: Mapping[JsonPath, int], path: JsonPath) -> int | None:
    """The line of ``path``, else of its nearest ancestor in ``lines``, else ``None``."""
    for end in range(len(path), -1, -1):
        found = lines.get(path[:end])
        if found is not None:
            return found
    return None


def describe(value: Any) -> str:
    """A short description of a value for messages: ``'red'``, ``number 3``, ``a list``."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"boolean {value}"
    if isinstance(value, int | float):
        return f"number {value!r}"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, list):
        return "a list" if value else "an empty list"
    if isinstance(value, dict):
        return "a mapping" if value else "an empty mapping"
    return f"{type(value).__name__} {value!s}"


# --- YAML ----------------------------------------------------------------------------


def parse_yaml(text: str) -> Located:
    """Read one YAML document (see the module docstring); an empty one gives ``None``."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        context = f" ({exc.context})" if exc.context else ""
        where = f" at column {mark.column + 1}" if mark is not None else ""
        last_line = text.count("\n") + (0 if text.endswith("\n") else 1)
        raise ParseFailure(
            f"not valid YAML{where}: {exc.problem}{context}{_yaml_hint(exc.problem or '')}",
            min(mark.line + 1, max(last_line, 1)) if mark is not None else None,
            mark.column + 1 if mark is not None else None,
        ) from exc
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        raise ParseFailure(
            f"not valid YAML: the character {chr(exc.character)!r} (#x{exc.character:04x}) "
            "is not allowed in YAML text; remove it or write it as an escape in double quotes",
            line,
        ) from exc
    except RecursionError as exc:
        raise ParseFailure("the YAML is nested too deeply", None) from exc
    except yaml.YAMLError as exc:  # pragma: no cover - other YAML errors carry marks
        raise ParseFailure(f"not valid YAML: {exc}", None) from exc
    if root is None:
        return Located(None)
    reader = _YamlReader()
    reader.lines[()] = root.start_mark.line + 1
    try:
        data = reader.value(root, ())
    except RecursionError as exc:
        raise ParseFailure("the YAML is nested too deeply", None) from exc
    return Located(data, reader.lines, reader.problems)


def _yaml_hint(problem: str) -> str:
    """Advice for the syntax errors hand-written files run into most."""
    if "<block" in problem:
        return "; check the indentation (keys of one mapping start in the same column)"
    if "'\\t'" in problem:
        return "; YAML indents with spaces, not tabs"
    if problem == "mapping values are not allowed here":
        return "; put text that contains ': ' in quotes"
    return ""


class _YamlReader:
    """Turns composed YAML nodes into plain values, recording lines and problems."""

    def __init__(self) -> None:
        self.constructor = SafeConstructor()
        self.lines: dict[JsonPath, int] = {}
        self.problems: list[ReadProblem] = []
        self._open: set[int] = set()

    def problem(self, path: JsonPath, node: Node, message: str, *, replaced: bool = False) -> None:
        line = self.lines.get(path, node.start_mark.line + 1) if replaced else (
            node.start_mark.line + 1)
        self.problems.append(ReadProblem(path, line, message, replaced))

    def scalar(self, node: ScalarNode, path: JsonPath, *, key: bool = False) -> Any:
        try:
            return self.constructor.construct_object(node)
        except ConstructorError:
            self.problem(path, node, f"unsupported YAML tag {node.tag!r}; remove the tag",
                         replaced=not key)
            return None

    def value(self, node: Node, path: JsonPath) -> Any:
        if isinstance(node, ScalarNode):
            return self.scalar(node, path)
        if id(node) in self._open:
            self.problem(path, node, "this alias refers to a mapping or list that contains it",
                         replaced=True)
            return None
        if node.tag not in (_MAP_TAG, _SEQ_TAG):
            self.problem(path, node, f"unsupported YAML tag {node.tag!r}; remove the tag",
                         replaced=True)
            return None
        self._open.add(id(node))
        try:
            if isinstance(node, SequenceNode):
                return self.sequence(node, path)
            assert isinstance(node, MappingNode)
            return self.mapping(node, path)
        finally:
            self._open.discard(id(node))

    def sequence(self, node: SequenceNode, path: JsonPath) -> list[Any]:
        items: list[Any] = []
        for index, item in enumerate(node.value):
            self.lines[(*path, index)] = item.start_mark.line + 1
            items.append(self.value(item, (*path, index)))
        return items

    def mapping(self, node: MappingNode, path: JsonPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if key_node.tag == _MERGE_TAG:
                self.problem(path, key_node,
                             "YAML merge keys ('<<') are not supported; write the keys out")
                continue
            if not isinstance(key_node, ScalarNode):
                self.problem(path, key_node, "a key must be text, not a list or a mapping")
                continue
            key = self.scalar(key_node, path, key=True)
            if not isinstance(key, str):
                hint = YAML_HINT if isinstance(key, UNQUOTED_TYPES) else ""
                self.problem(path, key_node, f"a key must be text, got {describe(key)}{hint}")
                continue
            if key in first:
                self.problem((*path, key), key_node,
                             f"key {key!r} is given twice (first on line {first[key]}); "
                             "remove one of them")
                continue
            first[key] = line
            self.lines[(*path, key)] = line
            result[key] = self.value(value_node, (*path, key))
        return result


# --- JSON ----------------------------------------------------------------------------


def parse_json(text: str) -> Located:
    """Read a JSON document (see the module docstring); a key given twice is a problem."""
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        raise ParseFailure(
            f"not valid JSON at column {exc.colno}: {exc.msg}", exc.lineno, exc.colno) from exc
    except RecursionError as exc:
        raise ParseFailure("the JSON is nested too deeply", None) from exc
    reader = _JsonReader(text)
    start = _WHITESPACE.match(text, 0)
    position = start.end() if start else 0
    reader.lines[()] = reader.line(position)
    try:
        data, _end = reader.value(position, (), record=True)
    except RecursionError as exc:  # pragma: no cover - json.loads refuses such depth first
        raise ParseFailure("the JSON is nested too deeply", None) from exc
    return Located(data, reader.lines, reader.problems)


class _JsonReader:
    """A second pass over text that ``json.loads`` accepted, recording where values are."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.breaks = [match.start() for match in re.finditer("\n", text)]
        self.decoder = json.JSONDecoder()
        self.lines: dict[JsonPath, int] = {}
        self.problems: list[ReadProblem] = []

    def line(self, position: int) -> int:
        return bisect.bisect_left(self.breaks, position) + 1

    def skip(self, position: int) -> int:
        match = _WHITESPACE.match(self.text, position)
        return match.end() if match else position

    def value(self, position: int, path: JsonPath, *, record: bool) -> tuple[Any, int]:
        """The value starting at ``position`` and the position after it."""
        opening = self.text[position]
        if opening == "[":
            return self.array(position, path, record=record)
        if opening == "{":
            return self.object(position, path, record=record)
        found: tuple[Any, int] = self.decoder.raw_decode(self.text, position)
        return found

    def array(self, position: int, path: JsonPath, *, record: bool) -> tuple[list[Any], int]:
        items: list[Any] = []
        position = self.skip(position + 1)
        if self.text[position] == "]":
            return items, position + 1
        while True:
            child = (*path, len(items))
            if record:
                self.lines[child] = self.line(position)
            item, position = self.value(position, child, record=record)
            items.append(item)
            position = self.skip(position)
            if self.text[position] == "]":
                return items, position + 1
            position = self.skip(position + 1)  # after ','

    def object(self, position: int, path: JsonPath, *, record: bool) -> tuple[dict[str, Any], int]:
        result: dict[str, Any] = {}
        first: dict[str, int] = {}
        position = self.skip(position + 1)
        if self.text[position] == "}":
            return result, position + 1
        while True:
            line = self.line(position)
            key, position = self.decoder.raw_decode(self.text, position)
            position = self.skip(self.skip(position) + 1)  # after ':'
            child = (*path, key)
            repeated = key in first
            if repeated and record:
                self.problems.append(ReadProblem(
                    child, line, f"key {key!r} is given twice (first on line {first[key]}); "
                    "remove one of them"))
            keep = record and not repeated
            if keep:
                first[key] = line
                self.lines[child] = line
            value, position = self.value(position, child, record=keep)
            if not repeated:
                result[key] = value
            position = self.skip(position)
            if self.text[position] == "}":
                return result, position + 1
            position = self.skip(position + 1)  # after ','
