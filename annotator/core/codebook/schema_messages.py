"""Checking a codebook against its JSON Schema, with messages that say what was expected.

:func:`schema_problems` lists every violation of ``schemas/codebook.schema.json`` (all of
them, from ``Draft202012Validator.iter_errors``) as a JSON path and an English message:

* the schema's ``x-expected`` annotations word type, pattern and range errors:
  ``expected a colour like #1f77b4, got 'red'``;
* unknown keys are reported one by one at their own path, with a suggestion from a list
  of common synonyms or by spelling: ``unknown key 'descripton' (did you mean
  'description'?)``, else the keys allowed there;
* keys the schema forbids in a context (``{"not": {}}`` with ``x-forbidden``) say why:
  ``'levels' is not allowed here: only variables have levels (add kind: variable)``;
* values YAML reads as booleans or numbers where text was expected get a hint to quote them.
"""

from __future__ import annotations

import difflib
from typing import Any

from jsonschema import Draft202012Validator

from annotator.core.codebook.source_map import UNQUOTED_TYPES, YAML_HINT, JsonPath, describe

SchemaProblem = tuple[JsonPath, str]
"""A JSON path and what is wrong there."""

_TYPE_WORDS = {
    "string": "text", "integer": "a whole number", "number": "a number",
    "boolean": "true or false", "array": "a list", "object": "a mapping of keys",
    "null": "nothing",
}
_SYNONYMS = {
    "color": "colour", "colour_hex": "colour", "key": "shortcut", "hotkey": "shortcut",
    "shortcut_key": "shortcut", "keyboard_shortcut": "shortcut", "subcodes": "children",
    "codes": "children", "child": "children", "inclusion_criteria": "inclusion",
    "include": "inclusion", "exclusion_criteria": "exclusion", "exclude": "exclusion",
    "example": "examples", "values": "levels", "options": "levels", "choices": "levels",
    "categories": "levels", "notes": "memo", "note": "memo", "comment": "memo", "id": "uuid",
    "guid": "uuid", "variable_type": "type", "title": "name", "label": "name",
    "definition": "description", "format": "annotator_codebook", "version_format":
    "annotator_codebook", "remove": "removed", "removals": "removed", "merge": "merge_into",
    "merge_to": "merge_into", "into": "merge_into", "path": "code",
}
_REQUIRED_HINTS = {
    "annotator_codebook": " (write annotator_codebook: 1 at the top of the file)",
    "type": " (a variable's type: single, multiple, ordinal, boolean, number or text)",
    "levels": " (the values a single, multiple or ordinal variable takes)",
}


def schema_problems(data: Any, schema: dict[str, Any], *, yaml_hints: bool) -> list[SchemaProblem]:
    """Every schema violation of ``data``, in the validator's order, duplicates removed.

    ``yaml_hints`` adds the hint about quoting to booleans and numbers where text was
    expected (for data read from YAML).
    """
    found: list[SchemaProblem] = []
    for error in Draft202012Validator(schema).iter_errors(data):
        for problem in _explain(error, yaml_hints):
            if problem not in found:
                found.append(problem)
    return found


def suggestion(word: str, allowed: list[str]) -> str | None:
    """The allowed word closest to ``word`` (a known synonym first), if any is close."""
    synonym = _SYNONYMS.get(word.strip().lower().replace("-", "_").replace(" ", "_"))
    if synonym in allowed:
        return synonym
    close = difflib.get_close_matches(word, allowed, n=1)
    if not close:
        close = difflib.get_close_matches(word.lower(), allowed, n=1)
    return close[0] if close else None


def _expected(error: Any, fallback: str) -> str:
    found = error.schema.get("x-expected") if isinstance(error.schema, dict) else None
    return str(found) if found else fallback


def _got(value: Any, expected_text: bool, yaml_hints: bool) -> str:
    hint = yaml_hints and expected_text and isinstance(value, UNQUOTED_TYPES)
    return describe(value) + (YAML_HINT if hint else "")


def _explain(error: Any, yaml_hints: bool) -> list[SchemaProblem]:
    path: JsonPath = tuple(error.absolute_path)
    value, rule = error.instance, error.validator
    if rule == "additionalProperties":
        allowed = [key for key in error.schema.get("properties", {}) if key != "$schema"]
        return [((*path, key), _unknown_key(key, allowed)) for key in value if key not in allowed
                and key not in error.schema.get("properties", {})]
    if rule == "anyOf":
        if isinstance(value, dict | list):
            specific = [sub for sub in error.context if not (
                sub.validator == "type" and sub.absolute_path == error.absolute_path)]
            return [problem for sub in specific for problem in _explain(sub, yaml_hints)]
        return [(path, f"expected {_expected(error, 'another value')}, "
                       f"got {_got(value, True, yaml_hints)}")]
    if rule == "not":
        reason = error.schema.get("x-forbidden", "not allowed here")
        return [(path, f"{path[-1]!r} is not allowed here: {reason}" if path else reason)]
    if rule == "required":
        return [(path, f"missing required key {key!r}{_REQUIRED_HINTS.get(key, '')}")
                for key in error.validator_value if key not in value]
    if rule == "type":
        wanted = error.validator_value
        words = _TYPE_WORDS.get(wanted, wanted) if isinstance(wanted, str) else "another type"
        return [(path, f"expected {_expected(error, words)}, "
                       f"got {_got(value, wanted == 'string', yaml_hints)}")]
    if rule == "enum":
        options = ", ".join(repr(option) for option in error.validator_value)
        close = suggestion(value, [str(o) for o in error.validator_value]) if isinstance(
            value, str) else None
        tip = f" (did you mean {close!r}?)" if close else ""
        return [(path, f"expected one of {options}, got {_got(value, True, yaml_hints)}{tip}")]
    if rule == "const" and path == ("annotator_codebook",) and _newer(value):
        return [(path, f"this file is in codebook format {value}; this version of Annotator "
                       "reads format 1 (please update Annotator)")]
    if rule in ("const", "pattern", "minimum", "maximum", "minItems", "minLength"):
        fallback = {"const": repr(error.validator_value), "minItems": "a non-empty list",
                    "minLength": "non-empty text"}.get(rule, "another value")
        return [(path, f"expected {_expected(error, fallback)}, "
                       f"got {_got(value, rule not in ('minimum', 'maximum'), yaml_hints)}")]
    return [(path, str(error.message))]  # pragma: no cover - the schema uses no other rule


def _newer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 1


def _unknown_key(key: str, allowed: list[str]) -> str:
    close = suggestion(key, allowed)
    if close:
        return f"unknown key {key!r} (did you mean {close!r}?)"
    return f"unknown key {key!r}; expected one of: {', '.join(allowed)}"
