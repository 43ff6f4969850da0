"""The choices behind the mapping dialog's drop-downs, and the mapping they make (no Qt)."""

from __future__ import annotations

from annotator.core.importers.mapping import Column, Columns, DateOptions, Mapping, preset_by_id
from annotator.ui.column_assignment import (
    IGNORED,
    METADATA,
    ColumnAssignment,
    starting_mapping,
    suggested_mapping,
)

FOURCAT_HEADERS = (
    "id", "chat", "author", "author_name", "body", "timestamp", "unix_timestamp",
    "author_forwarded_from_name", "author_forwarded_from_username", "attachment_data", "extra",
)


def fourcat() -> Mapping:
    preset = preset_by_id("4cat-telegram")
    assert preset is not None
    return preset.mapping


def test_choices_start_from_the_mapping():
    assignment = ColumnAssignment.start(FOURCAT_HEADERS, fourcat())
    assert {h: assignment.choice(h) for h in FOURCAT_HEADERS} == {
        "id": "id", "chat": "channel", "author": "sender_id", "author_name": "sender",
        "body": "text", "timestamp": IGNORED, "unix_timestamp": "date",
        "author_forwarded_from_name": "forwarded_from",
        "author_forwarded_from_username": "forwarded_from",
        "attachment_data": "poll_question", "extra": METADATA,
    }
    assert not assignment.changed()


def test_untouched_fields_keep_what_drop_downs_cannot_show():
    preset = fourcat()
    assignment = ColumnAssignment.start(FOURCAT_HEADERS, preset)
    assert assignment.mapping(preset.date, None) == preset
    assignment.set_choice("author_forwarded_from_username", "author")
    mapping = assignment.mapping(preset.date, None)
    assert mapping is not None
    assert mapping.columns.id == preset.columns.id  # its pattern survives
    assert mapping.columns.poll_question == preset.columns.poll_question
    assert mapping.columns.forwarded_from == Column.of("author_forwarded_from_name")
    assert mapping.columns.author == Column.of("author_forwarded_from_username")
    assert (mapping.name, mapping.missing_columns) == (preset.name, "ignore")


def test_ignored_columns_become_the_exclude_list():
    assignment = ColumnAssignment.start(FOURCAT_HEADERS, fourcat())
    assignment.set_choice("extra", IGNORED)
    mapping = assignment.mapping(DateOptions(), None)
    assert mapping is not None
    assert (mapping.include, mapping.exclude) == (None, ("timestamp", "extra"))


def test_include_lists_read_as_ignored_columns():
    base = Mapping(Columns(text=Column.of("post_text")), include=("notes",))
    headers = ("post_text", "notes", "junk", "more")
    assignment = ColumnAssignment.start(headers, base)
    assert [assignment.choice(h) for h in headers] == ["text", METADATA, IGNORED, IGNORED]
    assert assignment.mapping(DateOptions(), None).include == ("notes",)
    assignment.set_choice("junk", METADATA)
    mapping = assignment.mapping(DateOptions(), None)
    assert (mapping.include, mapping.exclude) == (None, ("more",))


def test_no_text_column_makes_no_mapping_and_channel_value_needs_no_channel_column():
    headers = ("msg", "when", "who")
    assignment = ColumnAssignment.start(headers, None)
    assert [assignment.choice(h) for h in headers] == [METADATA] * 3
    assert assignment.mapping(DateOptions(), "x") is None
    assignment.set_choice("msg", "text")
    assert assignment.mapping(DateOptions(), "Notes").channel_value == "Notes"
    assignment.set_choice("who", "channel")
    assert assignment.mapping(DateOptions(), "Notes").channel_value is None
    assert assignment.headers_for("channel") == ("who",)


def test_starting_mappings():
    mapping, preset_id = starting_mapping(FOURCAT_HEADERS)
    assert (mapping, preset_id) == (fourcat(), "4cat-telegram")
    guess, preset_id = starting_mapping(("Message", "Date", "views"))
    assert preset_id is None and guess is not None
    assert {k: c.names for k, c in guess.columns.mapped().items()} == {
        "text": ("Message",), "date": ("Date",), "views": ("views",)}
    assert guess.date.timezone == "UTC"
    assert suggested_mapping(("a", "b")) is None
