"""Column mappings for tables of posts: the format, loading, validating, saving, presets.

A mapping says which columns of a CSV/XLSX table hold a post's fields; the format is
``schemas/import-mapping.schema.json`` (every key is described there). Files are YAML or
JSON and are validated with jsonschema: errors name the mapping file, the JSON path of the
bad key and what was expected; unknown keys are errors. :class:`Mapping` is a frozen
dataclass that the GUI can build from drop-downs (:func:`mapping_from_dict`) and save
(:func:`mapping_to_dict`, :func:`save_mapping`).

Presets are mapping files under ``resources/mappings/`` whose ``detect.headers`` are
matched against a table's header row (:func:`detect_preset`). Binding a mapping to one
table's headers is :mod:`annotator.core.importers.table_columns`.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field, fields
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml
from jsonschema import Draft202012Validator

from annotator.assets import resource, schema
from annotator.core.atomic_file import atomic_write_text
from annotator.core.errors import InputFileError
from annotator.core.importers.table_cells import CellError, parse_zone

SCHEMA_NAME = "import-mapping.schema.json"
FIELDS = (
    "text", "id", "date", "channel", "channel_id", "channel_title", "author", "sender",
    "sender_id", "forwarded_from", "forwarded", "forwarded_date", "reply_to", "views",
    "forwards", "edited", "url", "reactions", "media_type", "poll_question",
)
"""The post fields a column can be mapped to, in the order a dialog should offer them."""
_OPTION_KEYS = ("column", "join", "pattern", "json_key")
_YAML_HINT = (
    " (YAML reads unquoted yes/no/on/off/true/false as booleans and digits as numbers; "
    "put the name in quotes)"
)


class MappingError(InputFileError):
    """A mapping that is not valid; ``json_path`` (such as ``$.columns.text``) is the bad key."""

    def __init__(
        self, path: Path | str, reason: str, json_path: str | None = None, line: int | None = None
    ) -> None:
        super().__init__(path, reason, line)
        self.json_path = json_path

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else f"{self.path}"
        return f"{where}: {self.json_path}: {self.reason}" if self.json_path else super().__str__()


@dataclass(frozen=True, slots=True)
class Column:
    """Where a field's value is: the first non-empty of ``names`` (or all of them joined by
    ``join``), then the value under ``json_key`` of a JSON cell, then the part matched by
    ``pattern``. ``format`` is the reactions notation (reactions only)."""

    names: tuple[str, ...]
    join: str | None = None
    pattern: str | None = None
    json_key: str | None = None
    format: str | None = None

    @classmethod
    def of(cls, *names: str) -> Column:
        return cls(tuple(names))


@dataclass(frozen=True, slots=True)
class Columns:
    """One optional :class:`Column` per post field (see :data:`FIELDS`); ``text`` is required."""

    text: Column
    id: Column | None = None
    date: Column | None = None
    channel: Column | None = None
    channel_id: Column | None = None
    channel_title: Column | None = None
    author: Column | None = None
    sender: Column | None = None
    sender_id: Column | None = None
    forwarded_from: Column | None = None
    forwarded: Column | None = None
    forwarded_date: Column | None = None
    reply_to: Column | None = None
    views: Column | None = None
    forwards: Column | None = None
    edited: Column | None = None
    url: Column | None = None
    reactions: Column | None = None
    media_type: Column | None = None
    poll_question: Column | None = None

    def mapped(self) -> dict[str, Column]:
        """The fields that have a column, in :data:`FIELDS` order."""
        return {name: col for name in FIELDS if (col := getattr(self, name)) is not None}


@dataclass(frozen=True, slots=True)
class DateOptions:
    """How date cells are read: see the ``date`` key of the schema."""

    timezone: str | None = None
    format: str | None = None
    unit: Literal["seconds", "milliseconds", "excel"] | None = None


@dataclass(frozen=True, slots=True)
class Mapping:
    """A validated column mapping (see the schema for each key's meaning).

    ``include``/``exclude`` are ``metadata.include``/``metadata.exclude`` (``include`` is
    ``None`` when absent); ``detect`` is ``detect.headers``; ``source`` is the file the
    mapping was read from (not part of equality).
    """

    columns: Columns
    date: DateOptions = DateOptions()
    channel_value: str | None = None
    channel_from_file_name: str | None = None
    skip_empty_text: bool = False
    missing_columns: Literal["error", "ignore"] = "error"
    include: tuple[str, ...] | None = None
    exclude: tuple[str, ...] = ()
    name: str | None = None
    description: str | None = None
    detect: tuple[str, ...] = ()
    source: str | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Preset:
    """A bundled mapping chosen by a table's header row; ``id`` is its file name stem."""

    id: str
    mapping: Mapping

    @property
    def name(self) -> str:
        return self.mapping.name or self.id


# --- schema validation ---------------------------------------------------------------


@cache
def mapping_schema() -> dict[str, Any]:
    """The JSON schema of mapping files (its descriptions document every key)."""
    loaded: dict[str, Any] = json.loads(schema(SCHEMA_NAME).read_text(encoding="utf-8"))
    return loaded


def field_descriptions() -> dict[str, str]:
    """Each post field's description from the schema, for tooltips in a mapping dialog."""
    props = mapping_schema()["properties"]["columns"]["properties"]
    return {name: str(props[name].get("description", "")) for name in FIELDS}


def _kind(value: Any) -> str:
    names = {bool: "boolean", int: "number", float: "number", str: "string", list: "list",
             dict: "object", type(None): "null"}
    kind = names.get(type(value), type(value).__name__)
    return f"{kind} {value!r}" if isinstance(value, bool | int | float | str) else kind


def _did_you_mean(key: str, allowed: list[str]) -> str:
    close = difflib.get_close_matches(key, allowed, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _problems(error: Any) -> list[tuple[str, str]]:
    """(JSON path, what was expected) for one jsonschema error."""
    path, value, rule = error.json_path, error.instance, error.validator
    if rule in ("additionalProperties", "unevaluatedProperties"):
        own = list(error.schema.get("properties", {}))
        # a column object's keys come from the $ref'd columnOptions, plus its own
        allowed = own if rule == "additionalProperties" else [*_OPTION_KEYS, *own]
        return [(f"{path}.{key}", f"unknown key{_did_you_mean(key, allowed)}; expected one of: "
                 f"{', '.join(allowed)}") for key in value if key not in allowed]
    if rule in ("anyOf", "oneOf"):
        specific = [sub for sub in error.context if sub.validator != "type"]
        if specific and isinstance(value, dict | list):
            best = max(specific, key=lambda sub: len(sub.absolute_path))
            return _problems(best)
        hint = _YAML_HINT if isinstance(value, bool | int | float) else ""
        expected = error.schema.get("x-expected", "another value")
        return [(path, f"expected {expected}, got {_kind(value)}{hint}")]
    if rule == "type":
        hint = _YAML_HINT if error.validator_value == "string" and not isinstance(
            value, str | list | dict) else ""
        return [(path, f"expected {error.validator_value}, got {_kind(value)}{hint}")]
    if rule == "required":
        missing = [key for key in error.validator_value if key not in value]
        return [(path, f"missing required key {key!r}") for key in missing]
    if rule == "enum":
        options = ", ".join(repr(option) for option in error.validator_value)
        return [(path, f"expected one of {options}, got {_kind(value)}")]
    if rule == "const":
        return [(path, f"expected {error.validator_value!r}, got {_kind(value)}")]
    if rule in ("minItems", "minLength", "uniqueItems", "pattern"):
        what = {"minItems": "a non-empty list", "minLength": "a non-empty string",
                "uniqueItems": "a list without repeated items",
                "pattern": f"text containing {error.validator_value!r}"}[rule]
        return [(path, f"expected {what}, got {_kind(value)}")]
    if rule == "maxProperties" and path.endswith("metadata"):
        return [(path, "give either 'include' or 'exclude', not both")]
    return [(path, error.message)]


def validate_dict(data: Any, source: str | Path = "mapping") -> None:
    """Check ``data`` against the schema and the rules it cannot express (regular
    expressions, time zones, date formats); raise :class:`MappingError` listing every
    problem, the first one as ``json_path``."""
    validator = Draft202012Validator(mapping_schema())
    found: list[tuple[str, str]] = []
    for error in sorted(validator.iter_errors(data), key=lambda e: e.json_path):
        found += _problems(error)
    if not found:
        found = _semantic_problems(data)
    if found:
        listed = "; ".join(f"{path}: {reason}" for path, reason in found[1:])
        more = f" (also: {listed})" if listed else ""
        raise MappingError(source, f"{found[0][1]}{more}", json_path=found[0][0])


def _semantic_problems(data: dict[str, Any]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    patterns = [(f"$.columns.{name}.pattern", spec["pattern"])
                for name, spec in data["columns"].items()
                if isinstance(spec, dict) and "pattern" in spec]
    if "channel_from_file_name" in data:
        patterns.append(("$.channel_from_file_name", data["channel_from_file_name"]))
    for path, pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            found.append((path, f"not a valid regular expression: {exc}"))
    dates = data.get("date", {})
    if "timezone" in dates:
        try:
            parse_zone(dates["timezone"])
        except CellError as exc:
            found.append(("$.date.timezone", str(exc)))
    if "format" in dates:
        sample = datetime(2024, 11, 28, 17, 5, 9)
        try:
            datetime.strptime(sample.strftime(dates["format"]), dates["format"])
        except ValueError as exc:
            found.append(("$.date.format", f"not a usable strptime format: {exc}"))
    return found


# --- dicts, files --------------------------------------------------------------------


def _column(spec: Any) -> Column:
    if isinstance(spec, str):
        return Column((spec,))
    if isinstance(spec, list):
        return Column(tuple(spec))
    names = spec["column"]
    return Column(
        (names,) if isinstance(names, str) else tuple(names),
        join=spec.get("join"), pattern=spec.get("pattern"),
        json_key=spec.get("json_key"), format=spec.get("format"),
    )


def mapping_from_dict(data: Any, source: str | Path = "mapping") -> Mapping:
    """A :class:`Mapping` from the dict form of a mapping file (validated first)."""
    validate_dict(data, source)
    cols = data["columns"]
    dates = data.get("date", {})
    meta = data.get("metadata", {})
    return Mapping(
        columns=Columns(**{name: _column(spec) for name, spec in cols.items()}),
        date=DateOptions(dates.get("timezone"), dates.get("format"), dates.get("unit")),
        channel_value=data.get("channel_value"),
        channel_from_file_name=data.get("channel_from_file_name"),
        skip_empty_text=data.get("skip_empty_text", False),
        missing_columns=data.get("missing_columns", "error"),
        include=tuple(meta["include"]) if "include" in meta else None,
        exclude=tuple(meta.get("exclude", ())),
        name=data.get("name"),
        description=data.get("description"),
        detect=tuple(data.get("detect", {}).get("headers", ())),
        source=str(source),
    )


def _column_dict(col: Column) -> Any:
    names: Any = col.names[0] if len(col.names) == 1 else list(col.names)
    options = {key: value for key in ("join", "pattern", "json_key", "format")
               if (value := getattr(col, key)) is not None}
    return {"column": names, **options} if options else names


def mapping_to_dict(mapping: Mapping) -> dict[str, Any]:
    """The dict form of ``mapping`` (defaults left out), ready for YAML or JSON; it
    validates against the schema."""
    out: dict[str, Any] = {"version": 1}
    out |= {key: value for key in ("name", "description") if (value := getattr(mapping, key))}
    if mapping.detect:
        out["detect"] = {"headers": list(mapping.detect)}
    out["columns"] = {name: _column_dict(col) for name, col in mapping.columns.mapped().items()}
    dates = {f.name: value for f in fields(DateOptions)
             if (value := getattr(mapping.date, f.name)) is not None}
    if dates:
        out["date"] = dates
    for key in ("channel_value", "channel_from_file_name"):
        if getattr(mapping, key) is not None:
            out[key] = getattr(mapping, key)
    if mapping.skip_empty_text:
        out["skip_empty_text"] = True
    if mapping.missing_columns != "error":
        out["missing_columns"] = mapping.missing_columns
    if mapping.include is not None:
        out["metadata"] = {"include": list(mapping.include)}
    elif mapping.exclude:
        out["metadata"] = {"exclude": list(mapping.exclude)}
    return out


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses a key given twice (PyYAML silently keeps the last)."""


def _no_duplicates(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _value in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"key {key!r} is given twice", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node)


_StrictLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _no_duplicates)


def load_mapping(path: Path) -> Mapping:
    """Read and validate a mapping file (``.json`` as JSON, anything else as YAML)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise MappingError(path, "no such mapping file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise MappingError(path, f"cannot read the mapping file as UTF-8 text: {exc}") from exc
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(text)
        else:
            data = yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a safe loader
    except json.JSONDecodeError as exc:
        raise MappingError(path, f"not valid JSON: {exc.msg}", line=exc.lineno) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise MappingError(path, f"not valid YAML: {problem}", line=line) from exc
    return mapping_from_dict(data, path)


def save_mapping(mapping: Mapping, path: Path) -> None:
    """Write ``mapping`` as JSON (``.json``) or YAML (other suffixes), atomically."""
    data = mapping_to_dict(mapping)
    if path.suffix.lower() == ".json":
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    atomic_write_text(path, text)


# --- presets -------------------------------------------------------------------------


@cache
def presets() -> tuple[Preset, ...]:
    """The bundled presets (``resources/mappings/*.yaml``), in file name order."""
    try:
        folder = resource("mappings")
    except FileNotFoundError:
        return ()
    return tuple(Preset(path.stem, load_mapping(path)) for path in sorted(folder.glob("*.yaml")))


def preset_by_id(preset_id: str) -> Preset | None:
    """The bundled preset called ``preset_id`` (as in :attr:`TablePreview.detected_preset`)."""
    return next((preset for preset in presets() if preset.id == preset_id), None)


def detect_preset(headers: tuple[str, ...] | list[str]) -> Preset | None:
    """The preset whose ``detect.headers`` are all in ``headers`` (ignoring case); when
    several are, the one that requires most, then the one with most mapped columns present."""
    have = {header.casefold() for header in headers}
    best: tuple[int, int, Preset] | None = None
    for preset in presets():
        needed = {name.casefold() for name in preset.mapping.detect}
        if not needed or not needed <= have:
            continue
        present = sum(1 for col in preset.mapping.columns.mapped().values()
                      if any(name.casefold() in have for name in col.names))
        if best is None or (len(needed), present) > best[:2]:
            best = (len(needed), present, preset)
    return best[2] if best else None
