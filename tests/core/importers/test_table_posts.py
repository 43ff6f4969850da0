"""Tests for the table-of-posts importer (CSV/TSV/XLSX with a column mapping).

Fixtures in ``tests/data/tables/`` were written with Python's ``csv`` module the way the
tools write them (4CAT, telegram-tracker, telegram-scraper), with the column sets from the
format notes (section d). Expected values below are the fixture's cells, read by eye, and
line numbers counted from the fixture (a record with embedded newlines spans lines).
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import tracemalloc
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.errors import InputFileError
from annotator.core.importers.base import ImportOptions, ParsedPost, ParsedSource, Sample
from annotator.core.importers.mapping import MappingError, mapping_from_dict
from annotator.core.importers.table_cells import (
    CellError,
    DateReader,
    count,
    message_id,
    parse_zone,
    telegram_id,
    username,
)
from annotator.core.importers.table_posts import (
    TablePostsImporter,
    parse_table,
    read_preview,
    sniff_table,
)
from annotator.core.importers.table_reactions import emoji_clusters, reactions
from annotator.core.progress import Cancelled, CancelToken, no_progress

DATA = Path(__file__).resolve().parents[2] / "data"
TABLES = DATA / "tables"
FOURCAT = TABLES / "4cat-telegram.csv"
TRACKER = TABLES / "telegram-tracker.csv"
TELETHON = TABLES / "-1001234567890_example_news.csv"
CP1251 = TABLES / "posts-cp1251.csv"
UTF16 = TABLES / "posts-utf16.txt"
STATEMENT = (
    "Statement of the Embassy, 1 March:\n"
    '"We are deeply concerned", said the spokesman, "and we say so; again."\n\n'
    "🇷🇺 Read more: https://t.me/MID_Russia/1234"
)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def run(path: Path, mapping: Path | None = None, sheet: str | None = None
        ) -> tuple[ParsedSource, list[ParsedPost]]:
    source = TablePostsImporter().parse(path, ImportOptions(mapping=mapping, sheet=sheet),
                                        no_progress, None)
    return source, list(source.posts)


def run_dict(path: Path, data: dict[str, Any], sheet: str | None = None
             ) -> tuple[ParsedSource, list[ParsedPost]]:
    source = parse_table(path, mapping_from_dict(data), sheet)
    return source, list(source.posts)


def codes(source: ParsedSource) -> list[str]:
    return [w.code for w in source.warnings]


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ",",
              encoding: str = "utf-8") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


SIMPLE = {"version": 1, "columns": {"text": "text", "id": "id", "date": "date"},
          "date": {"timezone": "UTC"}}


# --- presets on real-shaped exports -------------------------------------------------


def test_4cat_preset() -> None:
    source, posts = run(FOURCAT)
    assert source.format == "table"
    assert source.metadata["preset"] == "4cat-telegram"
    assert [p.identity for p in posts] == ["4512", "4513", "4514", "77", "4512"]
    assert [p.external_id for p in posts] == ["4512", "4513", "4514", "77", "4512"]
    assert [p.line for p in posts] == [2, 9, 10, 11, 12]  # row 1 spans lines 2-8
    first = posts[0]
    assert first.text == STATEMENT
    assert first.channel == "rusembassy_uk"
    # unix_timestamp, not the naive server-local "2024-03-01 15:30:00"
    assert first.date == utc(2024, 3, 1, 14, 30)
    assert first.author is None  # author_name is empty for channel posts
    assert first.forwarded_from == "Russian MFA 🇷🇺"
    meta = first.metadata
    assert meta["forwarded_date"] == "2024-03-01T11:00:00+00:00"
    assert meta["edited"] == "2024-03-01T15:00:00+00:00"
    assert meta["views"] == 15234
    assert meta["from_id"] == "1227454012"
    assert meta["media"] == {"type": "photo"}
    assert meta["reactions"] == [
        {"type": "emoji", "emoji": "👍", "count": 3},
        {"type": "emoji", "emoji": "❤", "count": 2},
        {"type": "emoji", "emoji": "🔥", "count": 1},
        {"type": "custom_emoji", "emoji": None, "count": 3, "document_id": "5368324170671202286"},
    ]
    assert meta["reactions_raw"].startswith("👍👍👍❤❤🔥{'reaction'")
    assert meta["body_markdown"].startswith("**Statement of the Embassy, 1 March:**")
    assert meta["attachment_data"].startswith('{"id": 5431987')  # json_key reads only a part
    assert "timestamp" not in meta and "unix_timestamp" not in meta and "body" not in meta
    assert "forwarded" not in meta


def test_4cat_media_only_poll_reply_and_channels() -> None:
    source, posts = run(FOURCAT)
    video, poll, reply, again = posts[1:]
    assert video.text == "" and video.metadata["flags"] == ["media_only"]
    assert video.metadata["media"] == {"type": "video"}
    assert poll.text == "Do you agree with the statement?"
    assert poll.metadata["flags"] == ["poll"]
    assert poll.metadata["poll"] == {"question": "Do you agree with the statement?"}
    assert poll.metadata["reactions"] == [
        {"type": "emoji", "emoji": "❤\u200d🔥", "count": 2},
        {"type": "emoji", "emoji": "🤷\u200d♂", "count": 1},
        {"type": "paid", "emoji": None, "count": 7},
    ]
    assert reply.text == (
        "Привет, всем! Это ответ — с запятыми, «кавычками» и \"двойными\" кавычками.")
    assert reply.channel == "1987654321"
    assert reply.author == "Ivan Petrov"
    assert reply.metadata["from"] == "Ivan Petrov"
    assert reply.metadata["reply_to"] == "75"
    assert "views" not in reply.metadata
    assert reply.date == utc(2024, 3, 2, 9, 15)
    assert again.text == "A second collection of the same post, text edited later."
    assert source.channels["rusembassy_uk"].username == "rusembassy_uk"
    assert source.channels["rusembassy_uk"].telegram_id is None
    numeric = source.channels["1987654321"]
    assert (numeric.telegram_id, numeric.username, numeric.title) == (1987654321, None,
                                                                      "1987654321")
    duplicate = [w for w in source.warnings if w.code == "duplicate_id"]
    assert len(duplicate) == 1 and duplicate[0].line == 12 and duplicate[0].post == 4
    assert codes(source) == ["preset", "duplicate_id"]


def test_telegram_tracker_preset_comma_and_semicolon() -> None:
    source, posts = run(TRACKER)
    assert source.metadata["preset"] == "telegram-tracker"
    assert source.metadata["delimiter"] == ","
    channel = source.channels["1234567890"]
    assert (channel.telegram_id, channel.username, channel.title) == (
        1234567890, "example_news", "example_news")
    assert [p.identity for p in posts] == ["101", "102", "103", "104", "105"]
    assert posts[0].text == "Breaking: talks resume today.\nDetails follow; stay tuned, friends."
    assert posts[0].date == utc(2024, 3, 1, 14, 30)
    assert posts[0].metadata["forwards"] == 15
    assert posts[0].metadata["url"] == "https://t.me/example_news/101"
    # telegram-tracker's 'signature' is a made-up row key, not a post signature
    assert posts[0].author is None
    assert posts[0].metadata["column:signature"] == "msg_iteration.1.user.example_news.post.101"
    assert "cleaned_message" not in posts[0].metadata
    assert posts[1].text == 'Forwarded statement, with commas, semicolons; and "quotes".'
    assert posts[1].date == utc(2024, 3, 1, 15)  # written with +00:00
    assert posts[1].forwarded_from == "MID_Russia"
    assert posts[1].metadata["forwarded_date"] == "2024-03-01T11:00:00+00:00"
    assert posts[2].forwarded_from is None
    assert posts[2].metadata["forwarded"] is True
    assert posts[2].metadata["forwarded_from_unknown"] is True
    assert posts[3].text == "Which day suits you?"
    assert posts[3].metadata["flags"] == ["poll"]
    assert posts[4].metadata["reply_to"] == "101"
    assert posts[4].metadata["column:url"] == "https://example.org"
    semicolon, again = run(TABLES / "telegram-tracker-semicolon.csv")
    assert semicolon.metadata["delimiter"] == ";"
    assert again == posts


def test_telethon_scraper_preset_channel_from_file_name() -> None:
    source, posts = run(TELETHON)
    assert source.metadata["preset"] == "telethon-scraper"
    channel = source.channels["1234567890"]
    assert (channel.telegram_id, channel.username, channel.title) == (
        1234567890, "example_news", "example_news")
    assert "channel_from_file_name" in codes(source)
    first, media, reply = posts
    assert first.identity == "5001"  # message_id, not the scraper's row id
    assert first.metadata["id"] == "1"
    assert first.text == "Morning update:\n1) roads closed, 2) schools open."
    assert first.date == utc(2024, 3, 1, 14, 30)
    assert first.author == "Anna K."
    assert first.metadata["signature"] == "Anna K."
    assert first.metadata["reactions"] == [
        {"type": "emoji", "emoji": "👍", "count": 12},
        {"type": "emoji", "emoji": "❤", "count": 3},
        {"type": "emoji", "emoji": "🔥", "count": 1},
    ]
    assert (first.metadata["views"], first.metadata["forwards"]) == (2045, 3)
    assert media.text == "" and media.metadata["flags"] == ["media_only"]
    assert media.metadata["media"] == {"type": "MessageMediaPhoto"}
    assert reply.author == "Олег Смирнов"
    assert reply.metadata["reply_to"] == "5001"
    assert reply.metadata["username"] == "oleg_s"


# --- encodings and delimiters -------------------------------------------------------


def test_cp1251_with_a_mapping_file() -> None:
    source, posts = run(CP1251, TABLES / "posts-cp1251.mapping.yaml")
    assert source.metadata["encoding"] == "cp1251"
    assert source.metadata["delimiter"] == ";"
    assert source.metadata["mapping"] == str(TABLES / "posts-cp1251.mapping.yaml")
    assert "encoding" in codes(source)
    assert "cp1251" in source.warnings[0].message
    assert [p.text for p in posts] == [
        "Министерство иностранных дел сообщает: переговоры продолжатся завтра, в 10 часов утра.",
        "Заявление официального представителя;\nподробности — на сайте министерства.",
        "Доброе утро! Сегодня в программе: брифинг, встреча с журналистами и ответы на вопросы.",
    ]
    assert [p.line for p in posts] == [2, 3, 5]
    # Europe/Moscow is UTC+3
    assert [p.date for p in posts] == [utc(2024, 3, 1, 14, 30), utc(2024, 3, 1, 15, 5),
                                       utc(2024, 3, 2, 6)]
    assert posts[0].channel == "mid_russia_news"
    assert source.channels["mid_russia_news"].username == "mid_russia_news"
    digest = hashlib.sha256(f"mid_russia_news\x1f{posts[2].text}".encode()).hexdigest()[:32]
    assert posts[2].identity == f"table:{digest}:1"
    assert posts[2].external_id is None
    assert "no_id" in codes(source)


def test_utf16_tab_separated_with_a_json_mapping() -> None:
    source, posts = run(UTF16, TABLES / "generic.mapping.json")
    assert (source.metadata["encoding"], source.metadata["delimiter"]) == ("utf-16", "\t")
    assert [p.text for p in posts] == ["First post 😀 with emoji",
                                       "Second post\twith a tab inside, quoted"]
    assert [p.identity for p in posts] == ["11", "12"]  # "12.0" -> "12"
    assert [p.date for p in posts] == [utc(2024, 3, 1, 10), utc(2024, 3, 1, 9, 30)]
    assert posts[0].channel == "1987654321"
    assert source.channels["1987654321"].telegram_id == 1987654321  # -100 prefix removed
    assert [p.metadata for p in posts] == [{"notes": "ok"}, {}]


def test_utf8_bom_and_bomless_utf16(tmp_path: Path) -> None:
    rows = [["text", "id", "date"], ["Привет, мир", "1", "2024-01-01 10:00"]]
    bom = write_csv(tmp_path / "bom.csv", rows, encoding="utf-8-sig")
    assert bom.read_bytes().startswith(codecs.BOM_UTF8)
    source, posts = run_dict(bom, SIMPLE)
    assert source.metadata["headers"] == ["text", "id", "date"]
    assert posts[0].text == "Привет, мир"
    plain = write_csv(tmp_path / "le.csv", rows, encoding="utf-16-le")
    source, posts = run_dict(plain, SIMPLE)
    assert source.metadata["encoding"] == "utf-16-le"
    assert posts[0].text == "Привет, мир" and codes(source)[0] == "encoding"


def test_non_utf8_byte_after_the_first_megabyte_is_detected(tmp_path: Path) -> None:
    rows = [["text", "id", "date"]]
    rows += [[f"plain ascii post number {i}, with some words", str(i), "2024-01-01"]
             for i in range(1, 30_000)]
    rows += [["Министерство иностранных дел сообщает: переговоры продолжатся завтра.",
              "30000", "2024-01-02"]] * 40
    path = write_csv(tmp_path / "late.csv", rows, encoding="cp1251")
    assert path.stat().st_size > 1 << 20
    source, posts = run_dict(path, SIMPLE)
    assert source.metadata["encoding"] == "cp1251"
    assert "first non-UTF-8 byte on line 30001" in source.warnings[0].message
    assert posts[-1].text.startswith("Министерство")


def test_truncated_utf8_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "cut.csv"
    path.write_bytes("text,id\nпост,1\nещё".encode()[:-1])  # cut inside "ё"
    source, posts = run_dict(path, {"version": 1, "columns": {"text": "text", "id": "id"}})
    assert codes(source)[0] == "truncated"
    assert source.warnings[0].line == 3
    assert [p.text for p in posts] == ["пост", "ещ"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the file is empty"),
        (b"%PDF-1.4 rest", "a PDF document"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "old Excel .xls"),
        (b"text,id\x00\x01\x02\x03\x00\x00\x05", "binary file"),
        (b"text,id\n", "header row but no data rows"),
        (b"\n \n", "the file is empty"),
    ],
)
def test_unreadable_tables(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(InputFileError, match=reason):
        run_dict(path, {"version": 1, "columns": {"text": "text"}})


def test_zip_that_is_not_a_workbook_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "archive.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(InputFileError, match="ZIP archive but not an .xlsx"):
        run(path)
    with pytest.raises(InputFileError, match="no such file"):
        run(tmp_path / "absent.csv")


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiters_are_detected_despite_commas_in_posts(tmp_path: Path,
                                                         delimiter: str) -> None:
    rows = [["id", "text", "date"]]
    rows += [[str(i), f"One, two; three | four\tfive, post {i}", "2024-01-01"]
             for i in range(1, 6)]
    source, posts = run_dict(write_csv(tmp_path / "d.csv", rows, delimiter), SIMPLE)
    assert source.metadata["delimiter"] == delimiter
    assert posts[4].text == "One, two; three | four\tfive, post 5"


def test_quote_problems_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_text('text,id\n"fine, ""quoted""",1\n"open quote,2\nnext,3\n', encoding="utf-8")
    source = parse_table(path, mapping_from_dict({"version": 1, "columns": {"text": "text"}}))
    with pytest.raises(InputFileError) as caught:
        list(source.posts)
    assert caught.value.line == 3
    assert "never closed" in caught.value.reason


# --- XLSX ---------------------------------------------------------------------------


def make_workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    notes = book.active
    assert notes is not None
    notes.title = "Notes"
    notes.append(["Collected by hand"])
    sheet = book.create_sheet("Posts")
    sheet.append(["Message ID", "Text", "Posted", "Channel ID", "Views", "Edited"])
    sheet.append([123.0, "Первый пост\r\nвторая строка", datetime(2024, 3, 1, 15, 30),
                  -1001987654321.0, 1500.0, datetime(2024, 3, 1, 16, 0)])
    sheet.append([124, "Excel day number", 45352.6041666667, -1001987654321, "4.8K", None])
    sheet.append([])
    sheet.append([None, "No id, aware text date", "2024-03-02T10:00:00+03:00",
                  "-1001987654321", None, "yes"])
    book.save(path)
    return path


XLSX_MAPPING = {
    "version": 1,
    "columns": {"text": "Text", "id": "Message ID", "date": "Posted",
                "channel": "Channel ID", "views": "Views", "edited": "Edited"},
    "date": {"timezone": "Europe/Berlin", "unit": "excel"},
}


def test_xlsx_dates_float_ids_and_sheet_rows(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "posts.xlsx")
    source, posts = run_dict(path, XLSX_MAPPING, sheet="Posts")
    assert source.metadata["kind"] == "xlsx" and source.metadata["sheet"] == "Posts"
    assert [p.identity for p in posts] == ["123", "124", posts[2].identity]
    assert posts[2].identity.startswith("table:")
    assert [p.line for p in posts] == [2, 3, 5]  # sheet rows; row 4 is empty
    assert posts[0].text == "Первый пост\nвторая строка"
    # naive Excel datetimes are in the mapping's zone (Berlin, UTC+1 in March)
    assert posts[0].date == utc(2024, 3, 1, 14, 30)
    assert posts[0].metadata["edited"] == "2024-03-01T15:00:00+00:00"
    assert posts[1].date == utc(2024, 3, 1, 13, 30)  # serial 45352.604166 = 14:30 local
    assert posts[2].date == utc(2024, 3, 2, 7)
    assert posts[2].metadata["edited"] is True
    assert posts[0].metadata["views"] == 1500
    assert (posts[1].metadata["views"], posts[1].metadata["views_raw"]) == (4800, "4.8K")
    assert source.channels["1987654321"].telegram_id == 1987654321


def test_xlsx_sheet_choice_and_preview(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "posts.xlsx")
    with pytest.raises(InputFileError) as caught:
        run_dict(path, XLSX_MAPPING, sheet="Sheet9")
    assert "no sheet named 'Sheet9'; the workbook has: 'Notes', 'Posts'" in caught.value.reason
    with pytest.raises(MappingError, match="column 'Text' is not in the table"):
        run_dict(path, XLSX_MAPPING)  # the first sheet is the default
    preview = read_preview(path, sheet="Posts", rows=2)
    assert preview.sheet_names == ("Notes", "Posts")
    assert preview.headers == ("Message ID", "Text", "Posted", "Channel ID", "Views", "Edited")
    assert preview.rows[0][0] == "123" and preview.rows[0][2] == "2024-03-01 15:30:00"
    assert preview.rows[1][4] == "4.8K" and preview.rows[1][5] == ""
    assert (preview.encoding, preview.delimiter, preview.kind) == (None, None, "xlsx")
    assert preview.row_numbers == (2, 3)
    assert preview.detected_preset is None


def test_csv_preview() -> None:
    preview = read_preview(FOURCAT, rows=3)
    assert preview.detected_preset == "4cat-telegram"
    assert (preview.encoding, preview.delimiter, preview.sheet_names) == ("utf-8", ",", ())
    assert len(preview.rows) == 3 and all(len(r) == len(preview.headers) for r in preview.rows)
    assert preview.rows[0][preview.headers.index("body")] == STATEMENT
    assert preview.row_numbers == (2, 9, 10)


# --- mapping behaviour --------------------------------------------------------------


def test_no_mapping_and_no_preset_explains_how_to_write_one(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "own.csv", [["Message", "When", "Where"], ["hi", "x", "y"]])
    with pytest.raises(InputFileError) as caught:
        run(path)
    reason = caught.value.reason
    assert "The table's columns are: Message, When, Where" in reason
    assert "schemas/import-mapping.schema.json" in reason
    example = reason[reason.index("{version"):reason.index(", and give")]
    assert yaml.safe_load(example) == {
        "version": 1, "columns": {"text": "Message", "id": "<the message id column>",
                                  "date": "<the date column>", "channel": "<the channel column>"},
        "date": {"timezone": "UTC"}}


def test_empty_text_skip_and_hash_occurrences(tmp_path: Path) -> None:
    rows = [["text", "channel"], ["same", "a"], ["", "a"], ["same", "a"], ["same", "b"]]
    path = write_csv(tmp_path / "t.csv", rows)
    mapping = {"version": 1, "columns": {"text": "text", "channel": "channel"}}
    source, posts = run_dict(path, mapping)
    ids = [p.identity.rsplit(":", 1) for p in posts]
    assert [p.text for p in posts] == ["same", "", "same", "same"]
    assert ids[0][0] == ids[2][0] != ids[3][0]  # the channel is part of the hash
    assert [i[1] for i in ids] == ["1", "1", "2", "1"]
    assert "no date column" in source.warnings[0].message
    assert any(w.code == "no_id" and w.message.startswith("4 rows") for w in source.warnings)
    source, posts = run_dict(path, mapping | {"skip_empty_text": True})
    assert len(posts) == 3 and source.skipped["empty text"] == 1


def test_channel_value_and_file_name_channel(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "Some Channel.csv", [["text"], ["a"]])
    source, posts = run_dict(path, {"version": 1, "columns": {"text": "text"},
                                    "channel_value": "@durov"})
    assert posts[0].channel == "durov" and source.channels["durov"].username == "durov"
    source, posts = run_dict(path, {"version": 1, "columns": {"text": "text"}})
    assert posts[0].channel == "Some Channel"
    assert source.channels["Some Channel"].title == "Some Channel"
    assert "channel_from_file_name" in codes(source)


def test_bad_cells_become_warnings_with_rows_and_a_cap(tmp_path: Path) -> None:
    rows = [["text", "id", "date", "views", "reactions"], ["ok", "1", "2024-01-01", "5", "👍 1"]]
    rows += [[f"p{i}", str(i), "yesterday", "many", "(x)"] for i in range(2, 32)]
    path = write_csv(tmp_path / "w.csv", rows)
    mapping = {"version": 1, "columns": {"text": "text", "id": "id", "date": "date",
                                         "views": "views", "reactions": "reactions"}}
    source, posts = run_dict(path, mapping)
    assert len(posts) == 31 and posts[1].date is None
    bad = [w for w in source.warnings if w.code == "bad_date"]
    assert len(bad) == 21 and bad[0].line == 3 and bad[0].post == 1
    assert bad[-1].message == "and 10 more rows like the above"
    assert "'yesterday' is not a date (expected ISO 8601" in bad[0].message
    assert posts[1].metadata["views_raw"] == "many"
    assert posts[1].metadata["reactions_raw"] == "(x)" and "reactions" not in posts[1].metadata
    assert "naive_dates" in codes(source)  # no timezone in the mapping
    assert {"bad_number", "reactions_unparsed"} <= set(codes(source))


def test_a_date_column_without_dates_stops_the_import(tmp_path: Path) -> None:
    rows = [["text", "date"]] + [[f"p{i}", str(1709303400 + i)] for i in range(30)]
    path = write_csv(tmp_path / "n.csv", rows)
    source = parse_table(path, mapping_from_dict(
        {"version": 1, "columns": {"text": "text", "date": "date"}}))
    with pytest.raises(InputFileError) as caught:
        list(source.posts)
    assert caught.value.line == 21
    assert "set date.unit" in caught.value.reason
    _, posts = run_dict(path, {"version": 1, "columns": {"text": "text", "date": "date"},
                               "date": {"unit": "seconds"}})
    assert posts[0].date == utc(2024, 3, 1, 14, 30)


def test_row_width_problems_and_pattern_mismatch(tmp_path: Path) -> None:
    path = tmp_path / "w.csv"
    path.write_text("text,id\nok,chat-1\nextra,chat-2,spill\nshort\nplain,7x\n",
                    encoding="utf-8")
    source, posts = run_dict(path, {"version": 1, "columns": {
        "text": "text", "id": {"column": "id", "pattern": r"-(\d+)$"}}})
    assert [p.identity for p in posts[:2]] == ["1", "2"]
    assert posts[3].identity == "7x"
    found = {(w.code, w.line) for w in source.warnings}
    assert {("extra_cells", 3), ("short_row", 4), ("pattern_unmatched", 5),
            ("id_not_numeric", 5)} <= found


def test_ids_in_scientific_notation_are_not_trusted(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "e.csv", [["text", "id"], ["a", "1.23457E+11"], ["b", "7.0"]])
    source, posts = run_dict(path, {"version": 1, "columns": {"text": "text", "id": "id"}})
    assert [p.identity for p in posts] == ["1.23457E+11", "7"]
    assert [(w.code, w.line) for w in source.warnings if w.code == "id_not_numeric"] == [
        ("id_not_numeric", 2)]


def test_identity_matches_telegram_exports() -> None:
    """The same message gets the identity a Telegram JSON/HTML export gives it: its id."""
    _, fourcat = run(FOURCAT)
    _, tracker = run(TRACKER)
    assert fourcat[0].identity == "4512" and tracker[0].identity == "101"
    assert all(p.identity.isdigit() for p in fourcat + tracker)


# --- sniffing -----------------------------------------------------------------------


def sample(path: Path) -> Sample:
    head = path.read_bytes()[:65_536]
    try:
        text: str | None = head.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    return Sample(path, head, text)


def test_sniff_accepts_tables(tmp_path: Path) -> None:
    for path in (FOURCAT, TRACKER, TELETHON, CP1251, UTF16,
                 TABLES / "telegram-tracker-semicolon.csv",
                 make_workbook(tmp_path / "book.xlsx")):
        assert TablePostsImporter().sniff(sample(path)), path.name


@pytest.mark.parametrize(
    "content",
    [
        '{"name": "Chan", "type": "public_channel", "id": 1, "messages": []}',
        '[{"id": 1, "text": "a, b"}, {"id": 2, "text": "c, d"}]',
        "<!DOCTYPE html><html><head><title>Exported Data</title></head></html>",
        "Hello, world.\nThis is a sentence, with a comma.\n",
        "just one column\nand another line\n",
        "id,text\n",
    ],
)
def test_sniff_rejects_other_formats(tmp_path: Path, content: str) -> None:
    path = tmp_path / "x.txt"
    path.write_text(content, encoding="utf-8")
    assert not sniff_table(sample(path))


def test_sniff_rejects_the_web_preview_copy() -> None:
    assert not sniff_table(sample(DATA / "tg-web-preview-sample.txt"))


# --- streaming, progress, cancel ----------------------------------------------------


def test_large_csv_streams_in_bounded_memory(tmp_path: Path) -> None:
    body = "A long post, with commas; and words. " * 50
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text", "date"])
        for i in range(12_000):
            writer.writerow([i, f"{body}{i}", "2024-01-01 10:00:00"])
    assert path.stat().st_size > 20_000_000
    reports: list[tuple[int, int]] = []
    tracemalloc.start()
    try:
        source = parse_table(path, mapping_from_dict(SIMPLE),
                             progress=lambda done, total: reports.append((done, total)))
        seen = sum(1 for _ in source.posts)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert seen == 12_000
    assert peak < 8_000_000, peak
    size = path.stat().st_size
    assert reports[-1] == (size, size)
    assert all(total == size for _, total in reports)
    assert [done for done, _ in reports] == sorted(done for done, _ in reports)


def test_cancel_from_progress_raises_cancelled(tmp_path: Path) -> None:
    rows = [["text", "id", "date"]] + [[f"p{i}", str(i), "2024-01-01"] for i in range(600)]
    path = write_csv(tmp_path / "c.csv", rows)
    token = CancelToken()
    mapping_file = tmp_path / "m.yaml"
    mapping_file.write_text("version: 1\ncolumns: {text: text, id: id, date: date}\n",
                            encoding="utf-8")
    parsed = TablePostsImporter().parse(path, ImportOptions(mapping=mapping_file),
                                        lambda done, total: token.cancel(), token)
    with pytest.raises(Cancelled):
        list(parsed.posts)
    token2 = CancelToken()
    token2.cancel()
    with pytest.raises(Cancelled):
        TablePostsImporter().parse(path, ImportOptions(mapping=mapping_file), no_progress,
                                   token2)


# --- cells --------------------------------------------------------------------------


def test_cell_readers() -> None:
    assert [message_id(v) for v in (123.0, "123.0", " 42 ", "1.23E+5", "nan", None, "x-1")] == [
        "123", "123", "42", "1.23E+5", None, None, "x-1"]
    assert message_id("12345678901234567890") == "12345678901234567890"  # exact, no float
    assert [count(v) for v in ("1,234", "12.0", "4.85K", "3.1M", 7)] == [
        (1234, False), (12, False), (4850, True), (3100000, True), (7, False)]
    with pytest.raises(CellError, match="not a count"):
        count("-3")
    assert [telegram_id(v) for v in ("-1001987654321", "1987654321.0", "-123", "abc", "0")] == [
        1987654321, 1987654321, 123, None, None]
    assert [username(v) for v in ("@durov", "MID_Russia", "a b", "123abc", "abc")] == [
        "durov", "MID_Russia", None, None, None]
    assert parse_zone("+03:00").utcoffset(None).total_seconds() == 10_800  # type: ignore[union-attr]
    assert parse_zone("UTC-5").utcoffset(None).total_seconds() == -18_000  # type: ignore[union-attr]


def test_date_reader() -> None:
    moscow = DateReader(zone=parse_zone("Europe/Moscow"), format="%d.%m.%Y %H:%M")
    assert moscow.read("01.03.2024 17:30") == (utc(2024, 3, 1, 14, 30), False)
    assert moscow.read("2024-03-01T17:30:00Z") == (utc(2024, 3, 1, 17, 30), False)
    assert moscow.read(datetime(2024, 7, 1, 12)) == (utc(2024, 7, 1, 9), False)
    assert DateReader().read("2024-03-01 10:00") == (utc(2024, 3, 1, 10), True)
    assert DateReader(unit="milliseconds").read("1709303400000") == (utc(2024, 3, 1, 14, 30),
                                                                    False)
    assert DateReader(unit="excel").read(1.5) == (utc(1900, 1, 1, 12), True)
    assert DateReader(unit="excel").read("") is None
    with pytest.raises(CellError, match="set date.unit"):
        DateReader().read(45352)
    with pytest.raises(CellError, match="out of range"):
        DateReader(unit="seconds").read("1e20")


def test_reaction_notations() -> None:
    custom = "{'reaction': {'document_id': 5, '_type': 'ReactionCustomEmoji'}, 'count': 3}, "
    assert reactions("👍👍❤️❤️👨‍👩‍👧🇺🇦" + custom, "repeated") == [
        {"type": "emoji", "emoji": "👍", "count": 2},
        {"type": "emoji", "emoji": "❤️", "count": 2},
        {"type": "emoji", "emoji": "👨‍👩‍👧", "count": 1},
        {"type": "emoji", "emoji": "🇺🇦", "count": 1},
        {"type": "custom_emoji", "emoji": None, "count": 3, "document_id": "5"},
    ]
    assert reactions("👍12❤3", "auto") == [{"type": "emoji", "emoji": "👍", "count": 12},
                                         {"type": "emoji", "emoji": "❤", "count": 3}]
    assert reactions('{"👍": 4, "🔥": 1}') == [{"type": "emoji", "emoji": "👍", "count": 4},
                                               {"type": "emoji", "emoji": "🔥", "count": 1}]
    assert reactions('[{"type": "paid", "count": 9}]', "json") == [
        {"type": "paid", "emoji": None, "count": 9}]
    assert reactions("  ") == []
    for bad, notation in (("abc", "repeated"), ("👍 x", "counted"), ("{'a': 1}", "repeated"),
                          ("[1]", "json"), ("{broken", "auto"), ("👍{", "repeated")):
        with pytest.raises(CellError):
            reactions(bad, notation)
    assert emoji_clusters("1️⃣👍🏽 🏴󠁧󠁢󠁳󠁣󠁴󠁿") == ["1️⃣", "👍🏽", "🏴󠁧󠁢󠁳󠁣󠁴󠁿"]


# --- robustness ---------------------------------------------------------------------


def consume(path: Path, mapping: Path | None) -> None:
    try:
        source = TablePostsImporter().parse(path, ImportOptions(mapping=mapping),
                                            no_progress, None)
        for _ in source.posts:
            pass
    except InputFileError:
        pass


FIXTURE_BYTES = {path.name: path.read_bytes() for path in (FOURCAT, TRACKER, TELETHON, UTF16)}
MUTATION = st.tuples(
    st.sampled_from(sorted(FIXTURE_BYTES)),
    st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(
        [b'"', b",", b";", b"\n", b"\r", b"\x00", b"\xff", b"\xd0", b"{", b"\t", b""])),
        max_size=8),
    st.integers(1, 10_000),
)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(MUTATION)
def test_mutated_tables_parse_or_raise_input_file_error(
    tmp_path: Path, mutation: tuple[str, list[tuple[int, bytes]], int]
) -> None:
    name, edits, cut = mutation
    data = bytearray(FIXTURE_BYTES[name])
    for position, piece in edits:
        at = position % (len(data) + 1)
        data[at:at + (1 if not piece else 0)] = piece
    path = tmp_path / name
    path.write_bytes(bytes(data[:cut]))
    mapping = TABLES / "generic.mapping.json" if name == UTF16.name else None
    consume(path, mapping)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=2_000), st.booleans())
def test_random_bytes_parse_or_raise_input_file_error(
    tmp_path: Path, data: bytes, as_text: bool
) -> None:
    path = tmp_path / "random.csv"
    path.write_bytes(b"text,id,date\n" + data if as_text else data)
    consume(path, TABLES / "posts-cp1251.mapping.yaml")
    consume(path, None)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 100_000), st.integers(0, 255)), min_size=1,
                max_size=6))
def test_damaged_workbooks_raise_input_file_error(
    tmp_path: Path, flips: list[tuple[int, int]]
) -> None:
    original = make_workbook(tmp_path / "good.xlsx").read_bytes()
    data = bytearray(original)
    for position, value in flips:
        data[position % len(data)] = value
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(bytes(data))
    mapping = tmp_path / "x.json"
    mapping.write_text('{"version": 1, "columns": {"text": "Text"}}', encoding="utf-8")
    consume(path, mapping)
