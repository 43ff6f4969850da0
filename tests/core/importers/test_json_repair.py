"""The streaming repair of Telegram Desktop's invalid ``\\xNN`` escapes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import ijson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.errors import InputFileError
from annotator.core.importers.json_repair import RepairingReader, open_json, repair_escapes
from annotator.core.progress import Cancelled, CancelToken


def tg_escape(text: str) -> str:
    """A JSON string literal as Telegram Desktop writes it (export_output_json.cpp:26-70)."""
    out = ['"']
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch in "\n\r\t":
            out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t"}[ch])
        elif ch in "\u2028\u2029":
            out.append(f"\\u{ord(ch):04x}")
        elif ord(ch) < 0x20:
            out.append(f"\\x{ord(ch):02x}")  # the invalid escape
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


class Chunks(io.RawIOBase):
    """A stream that returns at most ``size`` bytes per read (chunk boundaries everywhere)."""

    def __init__(self, data: bytes, size: int) -> None:
        self.data, self.size, self.pos = data, size, 0

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        n = self.size if n < 0 else min(n, self.size)
        out = self.data[self.pos : self.pos + n]
        self.pos += len(out)
        return out


def read_all(reader: RepairingReader, size: int = 7) -> bytes:
    parts = []
    while chunk := reader.read(size):
        parts.append(chunk)
    return b"".join(parts)


def test_invalid_escapes_become_unicode_escapes() -> None:
    ready, held, repairs = repair_escapes(rb'"a\x0bb\x1F"')
    assert (ready, held, repairs) == (rb'"a\u000bb\u001F"', b"", 2)
    assert json.loads(ready) == "a\x0bb\x1f"


def test_a_literal_backslash_before_x_survives() -> None:
    # JSON source "C:\\xfiles": the text is C, colon, backslash, "xfiles"
    ready, _, repairs = repair_escapes(rb'"C:\\xfiles"')
    assert repairs == 0
    assert json.loads(ready) == "C:\\xfiles"
    # an escaped backslash followed by an invalid escape: backslash + vertical tab
    ready, _, repairs = repair_escapes(rb'"\\\x0b and \\\\x41"')
    assert repairs == 1
    assert json.loads(ready) == "\\\x0b and \\\\x41"


def test_other_escapes_and_bad_hex_are_left_alone() -> None:
    data = rb'"\u00e9 \n \" \/ \xZZ"'
    assert repair_escapes(data) == (data, b"", 0)
    assert repair_escapes(b"no escapes at all") == (b"no escapes at all", b"", 0)


@pytest.mark.parametrize(
    ("data", "ready", "held"),
    [
        (b'"ab\\', b'"ab', b"\\"),
        (b'"ab\\x', b'"ab', b"\\x"),
        (b'"ab\\x0', b'"ab', b"\\x0"),
        (b'"ab\\\\', b'"ab\\\\', b""),  # a complete pair is not held
        (b'"ab\\\\\\', b'"ab\\\\', b"\\"),
        (b'"a\\x0b\\x0', b'"a\\u000b', b"\\x0"),
    ],
)
def test_an_escape_cut_by_the_chunk_end_is_held_back(
    data: bytes, ready: bytes, held: bytes
) -> None:
    assert repair_escapes(data, final=False)[:2] == (ready, held)


def test_at_the_end_an_incomplete_escape_is_left_for_the_parser() -> None:
    assert repair_escapes(b'"ab\\x0', final=True) == (b'"ab\\x0', b"", 0)


TRICKY = "C:\\xfiles \x0b\\\x0b \\\\x41 \x01\x1f\t\n\"\u2028 Заявление 🇷🇺"


@pytest.mark.parametrize("size", range(1, 24))
def test_every_chunk_boundary_gives_the_same_text(size: int) -> None:
    source = tg_escape(TRICKY).encode("utf-8")
    reader = RepairingReader(Chunks(source, size))  # type: ignore[arg-type]
    assert json.loads(read_all(reader, size)) == TRICKY
    assert reader.repairs == 4


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from(list("\\x0b1Fa\"\n\x00\x0b\x1f\x7f Жé🇷🇺"))),
    size=st.integers(1, 9),
)
def test_repaired_stream_parses_to_the_exported_text(text: str, size: int) -> None:
    source = ("[" + tg_escape(text) + "]").encode("utf-8")
    reader = RepairingReader(Chunks(source, size))  # type: ignore[arg-type]
    assert list(ijson.items(reader, "item", buf_size=size)) == [text]


def test_a_byte_order_mark_is_dropped_and_zero_reads_are_empty() -> None:
    reader = RepairingReader(io.BytesIO(b'\xef\xbb\xbf{"a": "\\x01"}'))
    assert reader.read(0) == b""
    assert json.loads(read_all(reader, 64)) == {"a": "\x01"}


def test_on_read_reports_raw_bytes() -> None:
    seen: list[int] = []
    reader = RepairingReader(io.BytesIO(b"x" * 10), seen.append)
    read_all(reader, 4)
    assert seen == [4, 8, 10, 10]


BROKEN = b'{\n "messages": [\n  {\n   "id": 1\n  },\n  {\n   "id": 2,,\n  }\n ]\n}'


@pytest.mark.parametrize("size", [1, 2, 5, 16, 64, 65536])
def test_error_line_is_the_line_of_the_bad_byte(size: int) -> None:
    reader = RepairingReader(io.BytesIO(BROKEN))
    with pytest.raises(ijson.JSONError) as caught:
        list(ijson.parse(reader, buf_size=size))
    assert reader.error_line(caught.value.args[0]) == 7


def test_error_line_of_a_truncated_file_is_its_last_line() -> None:
    reader = RepairingReader(io.BytesIO(BROKEN[:40]))
    with pytest.raises(ijson.JSONError) as caught:
        list(ijson.parse(reader))
    assert reader.error_line(caught.value.args[0]) == BROKEN[:40].count(b"\n") + 1


def test_open_json_turns_json_errors_into_input_file_errors(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_bytes(BROKEN)
    with pytest.raises(InputFileError) as caught, open_json(
        path, where=lambda: "messages[0]"
    ) as reader:
        list(ijson.parse(reader))
    assert caught.value.line == 7
    assert "messages[0]" in caught.value.reason
    assert "invalid JSON" in caught.value.reason


def test_open_json_reports_progress_and_cancels(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_bytes(b'{"a": 1}')
    token = CancelToken()
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        calls.append((done, total))
        token.cancel()

    with pytest.raises(Cancelled), open_json(path, progress, token) as reader:
        list(ijson.parse(reader))
    assert calls == [(8, 8)]


def test_open_json_names_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="cannot read"), open_json(tmp_path / "nope.json"):
        pass
