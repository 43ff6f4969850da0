"""Tests for column mappings: the schema, loading and validating files, presets, binding.

Fixtures are under ``tests/data/tables/``; the presets under ``resources/mappings/``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from annotator.assets import resource
from annotator.core.importers.mapping import (
    FIELDS,
    Column,
    Columns,
    DateOptions,
    Mapping,
    MappingError,
    detect_preset,
    field_descriptions,
    load_mapping,
    mapping_from_dict,
    mapping_schema,
    mapping_to_dict,
    preset_by_id,
    presets,
    save_mapping,
    validate_dict,
)
from annotator.core.importers.table_columns import bind, find_column, suggest_columns

TABLES = Path(__file__).resolve().parents[2] / "data" / "tables"
HEADERS_4CAT = (
    "id", "thread_id", "chat", "author", "author_username", "author_name", "author_is_bot",
    "body", "body_markdown", "is_reply", "reply_to", "views", "reactions", "timestamp",
    "unix_timestamp", "timestamp_edited", "unix_timestamp_edited",
    "author_forwarded_from_name", "author_forwarded_from_username",
    "unix_timestamp_forwarded_from", "attachment_type", "attachment_data",
)
TABLE = Path("table.csv")


def minimal(**extra: Any) -> dict[str, Any]:
    return {"version": 1, "columns": {"text": "body"}, **extra}


def error_of(data: Any) -> MappingError:
    with pytest.raises(MappingError) as caught:
        mapping_from_dict(data, "m.yaml")
    return caught.value


# --- the schema ---------------------------------------------------------------------


def test_schema_is_valid_2020_12_and_documents_every_key() -> None:
    schema = mapping_schema()
    Draft202012Validator.check_schema(schema)
    undocumented: list[str] = []

    def walk(node: Any, path: str) -> None:
        if isinstance(node, dict):
            for name, sub in node.get("properties", {}).items():
                if "description" not in sub:
                    undocumented.append(f"{path}.{name}")
                walk(sub, f"{path}.{name}")
            for key, sub in node.items():
                if key != "properties":
                    walk(sub, f"{path}/{key}")
        elif isinstance(node, list):
            for item in node:
                walk(item, path)

    walk(schema, "$")
    assert undocumented == []
    assert set(schema["properties"]["columns"]["properties"]) == set(FIELDS)
    assert all(field_descriptions()[name] for name in FIELDS)


def test_every_preset_is_a_valid_mapping_file_and_round_trips() -> None:
    found = presets()
    assert [p.id for p in found] == ["4cat-telegram", "telegram-tracker", "telethon-scraper"]
    validator = Draft202012Validator(mapping_schema())
    for preset in found:
        import yaml

        raw = yaml.safe_load(resource(f"mappings/{preset.id}.yaml").read_text(encoding="utf-8"))
        assert list(validator.iter_errors(raw)) == []
        assert preset.mapping.detect
        again = mapping_from_dict(mapping_to_dict(preset.mapping))
        assert again == preset.mapping


# --- validation errors: file, JSON path, what was expected -------------------------


def test_unknown_key_names_the_file_the_path_and_a_suggestion() -> None:
    with pytest.raises(MappingError) as caught:
        load_mapping(TABLES / "bad-unknown-key.yaml")
    err = caught.value
    assert err.path == TABLES / "bad-unknown-key.yaml"
    assert err.json_path == "$.columns.txet"
    assert "unknown key (did you mean 'text'?)" in err.reason
    assert "expected one of: text, id, date" in err.reason
    assert str(err).startswith(f"{TABLES / 'bad-unknown-key.yaml'}: $.columns.txet: unknown key")


def test_wrong_types_are_all_listed_with_their_paths() -> None:
    with pytest.raises(MappingError) as caught:
        load_mapping(TABLES / "bad-wrong-type.yaml")
    err = caught.value
    assert err.json_path == "$.date.unit"
    assert "expected one of 'seconds', 'milliseconds', 'excel', got string 'hours'" in err.reason
    assert "$.skip_empty_text: expected boolean, got string 'no'" in err.reason


def test_duplicate_yaml_key_and_syntax_errors_name_the_line() -> None:
    with pytest.raises(MappingError) as caught:
        load_mapping(TABLES / "bad-duplicate-key.yaml")
    assert caught.value.line == 4
    assert "key 'text' is given twice" in caught.value.reason
    with pytest.raises(MappingError) as caught:
        load_mapping(TABLES / "bad-syntax.yaml")
    assert caught.value.line is not None
    assert caught.value.reason.startswith("not valid YAML")
    with pytest.raises(MappingError, match="no such mapping file"):
        load_mapping(TABLES / "nothing-here.yaml")


def test_json_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    path.write_text('{"version": 1,\n "columns": {"text": "body",}}\n', encoding="utf-8")
    with pytest.raises(MappingError) as caught:
        load_mapping(path)
    assert caught.value.line == 2
    assert "not valid JSON" in caught.value.reason


@pytest.mark.parametrize(
    ("data", "path", "expected"),
    [
        ({"version": 1, "columns": {"text": True}}, "$.columns.text",
         "expected a column name, a list of column names, or an object"),
        ({"version": 1, "columns": {"text": {"column": "a", "patern": "x"}}},
         "$.columns.text.patern", "unknown key (did you mean 'pattern'?)"),
        ({"version": 1, "columns": {"text": "a", "reactions": {"column": "r", "format": "x"}}},
         "$.columns.reactions.format", "expected one of 'auto', 'repeated'"),
        ({"version": 1, "columns": {"text": "a", "id": {"column": "a", "format": "json"}}},
         "$.columns.id.format", "unknown key"),
        ({"version": 1, "columns": {"text": []}}, "$.columns.text", "expected a non-empty list"),
        ({"version": 2, "columns": {"text": "a"}}, "$.version", "expected 1, got number 2"),
        ({"columns": {"text": "a"}}, "$", "missing required key 'version'"),
        ({"version": 1, "columns": {}}, "$.columns", "missing required key 'text'"),
        (minimal(metadata={"include": ["a"], "exclude": ["b"]}), "$.metadata",
         "give either 'include' or 'exclude', not both"),
        (minimal(date={"timezone": "Mars/Olympus"}), "$.date.timezone", "unknown time zone"),
        (minimal(date={"format": "%Y-%Q"}), "$.date.format", "not a usable strptime format"),
        (minimal(date={"format": "no percent"}), "$.date.format", "expected text containing '%'"),
        (minimal(detect={"headers": ["a", "a"]}), "$.detect.headers", "without repeated"),
        (minimal(channel_value=""), "$.channel_value", "expected a non-empty string"),
        ({"version": 1, "columns": {"text": {"column": "a", "pattern": "(x"}}},
         "$.columns.text.pattern", "not a valid regular expression"),
        (minimal(channel_from_file_name="[x"), "$.channel_from_file_name",
         "not a valid regular expression"),
        ([1, 2], "$", "expected object, got list"),
    ],
)
def test_invalid_mappings(data: Any, path: str, expected: str) -> None:
    err = error_of(data)
    assert err.json_path == path
    assert expected in err.reason
    assert str(err.path) == "m.yaml"


def test_yaml_booleans_as_column_names_get_a_hint() -> None:
    err = error_of({"version": 1, "columns": {"text": "body", "forwarded": True}})
    assert err.json_path == "$.columns.forwarded"
    assert "put the name in quotes" in err.reason


# --- building, saving ---------------------------------------------------------------


def full_mapping() -> Mapping:
    return Mapping(
        columns=Columns(
            text=Column.of("body"),
            id=Column(("id",), pattern=r"-(?P<id>\d+)$"),
            date=Column.of("when"),
            sender=Column(("first", "last"), join=" "),
            forwarded_from=Column.of("fwd_name", "fwd_user"),
            reactions=Column(("reactions",), format="counted"),
            poll_question=Column(("data",), json_key="question"),
        ),
        date=DateOptions(timezone="Europe/Moscow", format="%d.%m.%Y %H:%M", unit="seconds"),
        channel_value="some_channel",
        channel_from_file_name=r"^(?P<title>.+)$",
        skip_empty_text=True,
        missing_columns="ignore",
        exclude=("noise",),
        name="Test",
        description="A mapping using every key.",
        detect=("body", "when"),
    )


@pytest.mark.parametrize("suffix", [".yaml", ".yml", ".json"])
def test_save_and_load_round_trip(tmp_path: Path, suffix: str) -> None:
    mapping = full_mapping()
    path = tmp_path / f"mapping{suffix}"
    save_mapping(mapping, path)
    if suffix == ".json":
        assert json.loads(path.read_text(encoding="utf-8"))["columns"]["text"] == "body"
    loaded = load_mapping(path)
    assert loaded == mapping
    assert loaded.source == str(path)


def test_mapping_to_dict_is_minimal_and_valid() -> None:
    gui_built = Mapping(columns=Columns(text=Column.of("Text"), date=Column.of("Posted")))
    data = mapping_to_dict(gui_built)
    assert data == {"version": 1, "columns": {"text": "Text", "date": "Posted"}}
    validate_dict(data)
    full = mapping_to_dict(full_mapping())
    validate_dict(full)
    assert full["columns"]["sender"] == {"column": ["first", "last"], "join": " "}
    assert full["columns"]["forwarded_from"] == ["fwd_name", "fwd_user"]
    assert full["metadata"] == {"exclude": ["noise"]}
    assert mapping_to_dict(Mapping(columns=Columns(text=Column.of("a")), include=()))[
        "metadata"] == {"include": []}


# --- presets ------------------------------------------------------------------------


def test_presets_are_detected_by_header_names() -> None:
    preset = detect_preset(HEADERS_4CAT)
    assert preset is not None and preset.id == "4cat-telegram"
    assert preset.name == "4CAT Telegram datasource"
    # an older 4CAT without the optional columns, in another order and case, plus extras
    older = ("Body", "unix_timestamp", "chat", "id", "extra_column")
    assert detect_preset(older) is not None
    tracker = ("signature", "channel_id", "channel_name", "msg_id", "message", "date")
    found_tracker = detect_preset(tracker)
    assert found_tracker is not None and found_tracker.id == "telegram-tracker"
    telethon = ("id", "message_id", "date", "sender_id", "message", "views")
    assert (found := detect_preset(telethon)) is not None and found.id == "telethon-scraper"
    assert detect_preset(("text", "date", "channel")) is None
    assert preset_by_id("telegram-tracker") == found_tracker
    assert preset_by_id("nope") is None
    assert detect_preset(("id", "chat", "body")) is None  # 4CAT needs unix_timestamp


# --- binding to a header row --------------------------------------------------------


def test_missing_column_names_the_column_the_key_and_the_headers() -> None:
    mapping = load_mapping(TABLES / "bad-missing-column.yaml")
    with pytest.raises(MappingError) as caught:
        bind(mapping, ("id", "body", "date"), TABLE)
    err = caught.value
    assert err.json_path == "$.columns.id"
    assert err.path == TABLES / "bad-missing-column.yaml"
    assert err.reason == (
        "column 'message_id' is not in the table table.csv; its columns are: id, body, date"
    )


def test_missing_columns_ignore_drops_fields_but_text_stays_required() -> None:
    data = minimal(missing_columns="ignore")
    data["columns"] |= {"id": "nope", "views": ["views", "view_count"]}
    bound = bind(mapping_from_dict(data), ("body", "view_count"), TABLE)
    assert set(bound.fields) == {"text", "views"}
    assert bound.fields["views"].indices == (1,)
    with pytest.raises(MappingError, match="column 'body' is not in the table"):
        bind(mapping_from_dict(data), ("text", "view_count"), TABLE)


def test_metadata_columns_include_exclude_and_reserved_names() -> None:
    headers = ("body", "views", "url", "lang", "noise", "data")
    data = minimal()
    data["columns"]["poll_question"] = {"column": "data", "json_key": "question"}
    bound = bind(mapping_from_dict(data), headers, TABLE)
    # unmapped 'views'/'url' would clash with metadata keys that fields set
    assert bound.metadata == (("column:views", 1), ("column:url", 2), ("lang", 3),
                              ("noise", 4), ("data", 5))
    bound = bind(mapping_from_dict(minimal(metadata={"exclude": ["noise", "URL"]})), headers,
                 TABLE)
    assert [key for key, _ in bound.metadata] == ["column:views", "lang", "data"]
    bound = bind(mapping_from_dict(minimal(metadata={"include": ["lang"]})), headers, TABLE)
    assert bound.metadata == (("lang", 3),)
    with pytest.raises(MappingError) as caught:
        bind(mapping_from_dict(minimal(metadata={"include": ["lang", "gone"]})), headers, TABLE)
    assert caught.value.json_path == "$.metadata.include[1]"


def test_column_values_first_non_empty_join_json_key_and_pattern() -> None:
    headers = ("a", "b", "id", "data")
    mapping = mapping_from_dict({
        "version": 1,
        "columns": {
            "text": ["a", "b"],
            "sender": {"column": ["a", "b"], "join": " "},
            "id": {"column": "id", "pattern": r"-(?P<id>\d+)$"},
            "url": {"column": "id", "pattern": r"^(\w+)-"},
            "channel": {"column": "id", "pattern": r"(?P<value>^\w+)"},
            "author": {"column": "id", "pattern": r"\d+"},
            "poll_question": {"column": "data", "json_key": "question"},
        },
    })
    fields = bind(mapping, headers, TABLE).fields
    row: tuple[Any, ...] = ("", "second", "chat_x-42", '{"question": "Why?", "n": [1]}')
    assert fields["text"].value(row) == ("second", False)
    assert fields["sender"].value(("Ivan", "Petrov", "", "")) == ("Ivan Petrov", False)
    assert fields["id"].value(row) == ("42", False)
    assert fields["url"].value(row) == ("chat_x", False)
    assert fields["channel"].value(row) == ("chat_x", False)
    assert fields["author"].value(row) == ("42", False)
    assert fields["poll_question"].value(row) == ("Why?", False)
    assert fields["poll_question"].value(("", "", "", "not json")) == (None, False)
    assert fields["id"].value(("", "", "plain", "")) == ("plain", True)
    assert fields["text"].value(("", None, "", "")) == (None, False)


def test_header_lookup_and_suggestions() -> None:
    headers = ("Message", "Date", "message_id", "Channel", "VIEWS")
    assert find_column(headers, "date") == 1
    assert find_column(("x", "X"), "x") == 0
    assert find_column(("X", "x "), "x") == 0  # exact, then the only case-insensitive match
    assert find_column(("A", "a"), "A") == 0
    assert find_column(("Ab", "aB"), "ab") is None
    assert suggest_columns(headers) == {
        "text": "Message", "id": "message_id", "date": "Date", "channel": "Channel",
        "views": "VIEWS",
    }


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8)
    | st.sampled_from(["body", "(", "UTC", "%d", "seconds", "repeated", "ignore"]),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.sampled_from([*FIELDS, "column", "join", "pattern", "json_key",
                                       "format", "version", "columns", "date", "timezone",
                                       "unit", "metadata", "include", "detect", "x"]),
                      inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(st.fixed_dictionaries({"version": st.just(1), "columns": JSONISH}, optional={
    "date": JSONISH, "metadata": JSONISH, "channel_from_file_name": JSONISH,
    "missing_columns": JSONISH}))
def test_random_mapping_dicts_validate_or_raise_mapping_error(data: dict[str, Any]) -> None:
    try:
        mapping = mapping_from_dict(data)
    except MappingError as err:
        assert err.json_path and err.json_path.startswith("$")
        return
    assert mapping_from_dict(mapping_to_dict(mapping)) == mapping
