"""Codebook files (YAML or JSON): reading them into a :class:`CodebookSpec`, writing one out.

The format is ``schemas/codebook.schema.json``, which describes every key. In short::

    annotator_codebook: 1            # the file format version (required, always 1)
    name: Framing in diplomatic channels
    version: 3                       # the codebook's own version, a whole number >= 1
    uuid: 6f1c2e4a-0b3d-4e5f-8a9b-0c1d2e3f4a5b
    description: ...
    codes:
      - name: Framing                # a span code (kind: span is the default)
        colour: "#4c72b0"
        children:
          - name: Threat
            shortcut: "1"
            description: ...
            inclusion: ...
            exclusion: ...
            examples: ["...", "..."]
            memo: ...
      - name: Stance toward the West
        kind: variable               # a post-level variable
        type: ordinal                # single | multiple | ordinal | boolean | number | text
        levels: [hostile, critical, neutral, {name: positive, description: ...}]
    removed:                         # codes of the project this file drops (optional)
      - {code: Rhetoric/Irony, merge_into: Rhetoric/Accusation}
      - {code: 0b6e...-uuid, delete: true}

:func:`load_codebook` reads ``.yaml``/``.yml``/``.json`` files (by extension; decoded by
:func:`annotator.core.textfile.read_text`, so a BOM, UTF-16 or a detected legacy encoding
is fine). Every problem is collected before anything is refused: YAML/JSON keys given
twice, every JSON Schema violation (worded by
:mod:`~annotator.core.codebook.schema_messages`) and the rules of
:mod:`~annotator.core.codebook.tree_rules`; :class:`CodebookInvalid` lists them, each with
its line (from :mod:`~annotator.core.codebook.source_map`), JSON path and what was expected.
:func:`codebook_from_dict` and :func:`codebook_problems` do the same for plain data (the
GUI's, another format's) without lines; :func:`codebook_to_dict`, :func:`render_codebook`
and :func:`dump_codebook` go the other way.

Rules, in short: a code is a span code or a variable (``kind``); a variable has a
``type`` and no children (its values are its levels), and only single, multiple and
ordinal variables have (and need) ``levels``; a span code has neither ``type`` nor
``levels`` but may have children of both kinds. Names are non-empty, contain no ``/`` and
are unique among siblings, compared exactly (case-sensitively) after trimming; shortcuts
are one printable ASCII character, unique in the codebook; uuids are unique among codes
and levels; removals name codes that are not in the tree.

Values are read into normal form: names (of the codebook, codes and levels) lose their
surrounding whitespace; colours become lower-case ``#rrggbb``; shortcuts one character,
letters in lower case; uuids lower case without braces; removal paths ``A/B`` with trimmed
names. Free texts (descriptions, criteria, examples, memos) are kept exactly as written
(in YAML, ``|-`` avoids the final line break that ``|`` keeps). A spec in normal form
survives :func:`dump_codebook` then :func:`load_codebook` unchanged (dataclass equality).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml

from annotator import __version__
from annotator.assets import schema
from annotator.core.atomic_file import atomic_write_text
from annotator.core.codebook.schema_messages import schema_problems
from annotator.core.codebook.source_map import (
    JsonPath,
    Located,
    ParseFailure,
    ReadProblem,
    describe,
    format_path,
    line_of,
    parse_json,
    parse_yaml,
)
from annotator.core.codebook.spec import (
    CodebookSpec,
    CodeKind,
    CodeSpec,
    Level,
    Removal,
    VariableType,
)
from annotator.core.codebook.tree_rules import (
    normal_colour,
    normal_name,
    normal_reference,
    normal_shortcut,
    normal_uuid,
    rule_problems,
)
from annotator.core.errors import InputFileError
from annotator.core.textfile import read_text

SCHEMA_NAME = "codebook.schema.json"
FORMAT_VERSION = 1
"""The value of ``annotator_codebook`` this version reads and writes."""
SUFFIXES: dict[str, Literal["yaml", "json"]] = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}
"""File extensions (lower case) and the syntax they are read and written in."""


@dataclass(frozen=True, slots=True)
class CodebookProblem:
    """One problem of a codebook file: the 1-based ``line`` (``None`` when unknown, as for
    dicts that come from no file), the ``json_path`` of the bad value (``$.codes[2].colour``;
    empty for syntax errors) and a ``message`` that says what was expected."""

    line: int | None
    json_path: str
    message: str

    def __str__(self) -> str:
        where = [f"line {self.line}"] if self.line is not None else []
        return ": ".join([*where, *([self.json_path] if self.json_path else []), self.message])


class CodebookInvalid(InputFileError):
    """A codebook file (or dict) that cannot be used; ``problems`` lists every problem,
    ordered by line. ``str()`` is one line: the file and the first problem, with the count
    when there are several; :meth:`listing` gives one line per problem. ``line`` is the
    first problem's line."""

    def __init__(self, path: Path | str, problems: list[CodebookProblem]) -> None:
        if not problems:
            raise ValueError("CodebookInvalid needs at least one problem")
        count = len(problems)
        summary = str(problems[0]) if count == 1 else (
            f"{count} problems in the codebook; the first: {problems[0]}")
        super().__init__(path, summary, problems[0].line)
        self.problems = list(problems)
        self.args = (path, self.problems)  # so that copying and pickling rebuild it

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"

    def listing(self) -> list[str]:
        """Every problem as ``file:line: $.path: message`` (for the command line)."""
        lines = []
        for problem in self.problems:
            where = f"{self.path}:{problem.line}" if problem.line is not None else f"{self.path}"
            path = f" {problem.json_path}:" if problem.json_path else ""
            lines.append(f"{where}:{path} {problem.message}")
        return lines


@cache
def codebook_schema() -> dict[str, Any]:
    """The JSON Schema of codebook files (its descriptions document every key)."""
    loaded: dict[str, Any] = json.loads(schema(SCHEMA_NAME).read_text(encoding="utf-8"))
    return loaded


def syntax_of(path: Path) -> Literal["yaml", "json"]:
    """``"yaml"`` or ``"json"`` by the file's extension; others raise :class:`InputFileError`."""
    found = SUFFIXES.get(path.suffix.lower())
    if found is None:
        what = f"{path.suffix!r} files" if path.suffix else "files without an extension"
        raise InputFileError(path, f"cannot read or write codebooks as {what}; "
                                   "use .yaml, .yml or .json")
    return found


# --- reading -------------------------------------------------------------------------


def load_codebook(path: Path) -> CodebookSpec:
    """Read and check a ``.yaml``/``.yml``/``.json`` codebook file.

    Raises :class:`InputFileError` for an unsupported extension or a file that is missing,
    empty or not text, and :class:`CodebookInvalid` listing every problem otherwise.
    """
    syntax = syntax_of(path)
    text = read_text(path).text
    try:
        located = parse_yaml(text) if syntax == "yaml" else parse_json(text)
    except ParseFailure as exc:
        raise CodebookInvalid(path, [CodebookProblem(exc.line, "", exc.message)]) from exc
    return _checked(located, path, yaml_hints=syntax == "yaml")


def codebook_from_dict(data: Any, source: Path | str) -> CodebookSpec:
    """The spec described by ``data`` (the plain form of a file, as from ``json.load``).

    Checked like a file (problems have no lines); ``source`` names it in errors.
    """
    return _checked(Located(data), source, yaml_hints=False)


def codebook_problems(data: Any, lines: dict[JsonPath, int] | None = None, *,
                      yaml_hints: bool = False) -> list[CodebookProblem]:
    """Every problem of ``data`` (the plain form of a file), ordered by line; ``lines`` maps
    JSON paths to lines when they are known."""
    return _problems(Located(data, dict(lines or {})), yaml_hints=yaml_hints)


def _checked(located: Located, source: Path | str, *, yaml_hints: bool) -> CodebookSpec:
    problems = _problems(located, yaml_hints=yaml_hints)
    if problems:
        raise CodebookInvalid(source, problems)
    return _spec(located.data)


def _problems(located: Located, *, yaml_hints: bool) -> list[CodebookProblem]:
    data, lines = located.data, located.lines
    found: list[ReadProblem] = list(located.problems)
    unread = [problem.path for problem in found if problem.replaced]
    if isinstance(data, dict):
        for path, message in [*schema_problems(data, codebook_schema(), yaml_hints=yaml_hints),
                              *rule_problems(data, lines)]:
            if not any(path[:len(bad)] == bad for bad in unread):
                found.append(ReadProblem(path, line_of(lines, path), message))
    elif data is None:
        found.append(ReadProblem((), None, "the file holds no codebook (it is empty or only "
                                           "comments); expected a mapping of keys such as "
                                           "annotator_codebook, name and codes"))
    else:
        found.append(ReadProblem((), line_of(lines, ()), (
            "expected a codebook: a mapping of keys such as annotator_codebook, name and "
            f"codes; got {describe(data)}")))
    ordered = sorted(found, key=lambda p: (p.line is None, p.line or 0, _path_key(p.path)))
    problems: list[CodebookProblem] = []
    for problem in ordered:
        item = CodebookProblem(problem.line, format_path(problem.path), problem.message)
        if item not in problems:
            problems.append(item)
    return problems


def _path_key(path: JsonPath) -> tuple[tuple[int, int, str], ...]:
    """Orders paths within a line: list items by index, keys by name, parents first."""
    return tuple((0, part, "") if isinstance(part, int) else (1, 0, part) for part in path)


def _spec(data: dict[str, Any]) -> CodebookSpec:
    version = data.get("version")
    return CodebookSpec(
        name=normal_name(data.get("name", "")),
        version=int(version) if version is not None else None,
        description=data.get("description", ""),
        codes=tuple(_code(code) for code in data.get("codes", ())),
        removals=tuple(_removal(removal) for removal in data.get("removed", ())),
        uuid=normal_uuid(data["uuid"]) if "uuid" in data else None,
        origin=data.get("origin"),
    )


def _code(data: dict[str, Any]) -> CodeSpec:
    return CodeSpec(
        name=normal_name(data["name"]),
        uuid=normal_uuid(data["uuid"]) if "uuid" in data else None,
        kind=CodeKind(data.get("kind", CodeKind.SPAN.value)),
        description=data.get("description", ""),
        inclusion=data.get("inclusion", ""),
        exclusion=data.get("exclusion", ""),
        examples=tuple(data.get("examples", ())),
        colour=normal_colour(data["colour"]) if "colour" in data else None,
        shortcut=normal_shortcut(data["shortcut"]) if "shortcut" in data else None,
        memo=data.get("memo", ""),
        variable_type=VariableType(data["type"]) if "type" in data else None,
        levels=tuple(_level(level) for level in data.get("levels", ())),
        children=tuple(_code(child) for child in data.get("children", ())),
    )


def _level(data: str | dict[str, Any]) -> Level:
    if isinstance(data, str):
        return Level(normal_name(data))
    return Level(
        name=normal_name(data["name"]),
        uuid=normal_uuid(data["uuid"]) if "uuid" in data else None,
        description=data.get("description", ""),
    )


def _removal(data: dict[str, Any]) -> Removal:
    target = data.get("merge_into")
    return Removal(
        code=normal_reference(data["code"]),
        merge_into=normal_reference(target) if target is not None else None,
        delete=bool(data.get("delete", False)),
    )


# --- writing -------------------------------------------------------------------------


def codebook_to_dict(spec: CodebookSpec) -> dict[str, Any]:
    """The plain form of ``spec`` for YAML or JSON: keys in a fixed readable order, empty
    optional values left out, uuids written when known, ``origin`` when set. A level with
    only a name is written as its name. Not checked (see :func:`codebook_problems`)."""
    out: dict[str, Any] = {"annotator_codebook": FORMAT_VERSION}
    if spec.name:
        out["name"] = spec.name
    if spec.version is not None:
        out["version"] = spec.version
    if spec.uuid is not None:
        out["uuid"] = spec.uuid
    if spec.origin is not None:
        out["origin"] = spec.origin
    if spec.description:
        out["description"] = spec.description
    if spec.codes:
        out["codes"] = [_code_dict(code) for code in spec.codes]
    if spec.removals:
        out["removed"] = [_removal_dict(removal) for removal in spec.removals]
    return out


def _code_dict(code: CodeSpec) -> dict[str, Any]:
    out: dict[str, Any] = {"name": code.name}
    if code.uuid is not None:
        out["uuid"] = code.uuid
    if code.kind is not CodeKind.SPAN:
        out["kind"] = code.kind.value
    if code.variable_type is not None:
        out["type"] = code.variable_type.value
    for key in ("shortcut", "colour"):
        if getattr(code, key) is not None:
            out[key] = getattr(code, key)
    for key in ("description", "inclusion", "exclusion"):
        if getattr(code, key):
            out[key] = getattr(code, key)
    if code.examples:
        out["examples"] = list(code.examples)
    if code.memo:
        out["memo"] = code.memo
    if code.levels:
        out["levels"] = [_level_dict(level) for level in code.levels]
    if code.children:
        out["children"] = [_code_dict(child) for child in code.children]
    return out


def _level_dict(level: Level) -> str | dict[str, Any]:
    if level.uuid is None and not level.description:
        return level.name
    out: dict[str, Any] = {"name": level.name}
    if level.uuid is not None:
        out["uuid"] = level.uuid
    if level.description:
        out["description"] = level.description
    return out


def _removal_dict(removal: Removal) -> dict[str, Any]:
    out: dict[str, Any] = {"code": removal.code}
    if removal.merge_into is not None:
        out["merge_into"] = removal.merge_into
    if removal.delete:
        out["delete"] = True
    return out


def render_codebook(spec: CodebookSpec, syntax: Literal["yaml", "json"]) -> str:
    """The text :func:`dump_codebook` writes (without checking ``spec``)."""
    data = codebook_to_dict(spec)
    if syntax == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=88)
    return f"# Annotator codebook; every key is described in {SCHEMA_NAME}\n{body}"


def dump_codebook(spec: CodebookSpec, path: Path) -> None:
    """Write ``spec`` as YAML or JSON (by the extension of ``path``), UTF-8, atomically.

    ``origin`` is written as this Annotator. A spec that breaks the format's rules (a
    duplicate sibling name, a span code with levels...) raises :class:`CodebookInvalid`
    naming ``path`` and nothing is written: every file written can be read back.
    """
    syntax = syntax_of(path)
    spec = replace(spec, origin=f"Annotator {__version__}")
    problems = codebook_problems(codebook_to_dict(spec))
    if problems:
        raise CodebookInvalid(path, problems)
    atomic_write_text(path, render_codebook(spec, syntax))


class _Dumper(yaml.SafeDumper):
    """Block style with list items indented under their key; multi-line text as ``|``."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


_OTHER_BREAKS = frozenset("\r\x85\u2028\u2029\ufeff")
"""Characters YAML may read as line breaks (or drop): such text is written with escapes."""


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = None
    if _OTHER_BREAKS.intersection(value):
        style = '"'
    elif "\n" in value:
        style = "|"  # PyYAML falls back to quotes when a block cannot hold the text exactly
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_text)
