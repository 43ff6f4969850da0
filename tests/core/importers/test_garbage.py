"""Garbage in, a clean error out: property-based tests of the text importer and decoding."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.errors import InputFileError
from annotator.core.importers.tg_text import parse_text
from annotator.core.textfile import decode
from tests.conftest import SAMPLE

LINES = SAMPLE.read_text(encoding="utf-8").split("\n")
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.binary(max_size=2048))
def test_decode_takes_any_bytes(data: bytes) -> None:
    try:
        decoded = decode(Path("x.txt"), data)
    except InputFileError as exc:
        assert "x.txt" in str(exc)
    else:
        assert isinstance(decoded.text, str)


@FAST
@given(st.lists(st.sampled_from(LINES), max_size=80), st.text(max_size=40))
def test_tg_text_shuffled_lines_parse_or_fail_cleanly(lines: list[str], noise: str) -> None:
    text = "\n".join([*lines, noise])
    try:
        parsed = parse_text(Path("shuffled.txt"), text)
    except InputFileError as exc:
        assert "shuffled.txt" in str(exc)
    else:
        given_lines = set(text.replace("\r\n", "\n").split("\n"))
        for post in parsed.posts:  # bodies are made of input lines, verbatim
            assert all(line in given_lines for line in post.text.split("\n") if line)


@FAST
@given(st.integers(0, len(SAMPLE.read_text(encoding="utf-8"))), st.text(max_size=20))
def test_tg_text_cut_and_spliced_sample(cut: int, insert: str) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    spliced = text[:cut] + insert + text[cut : cut + 500]
    try:
        parsed = parse_text(Path("cut.txt"), spliced)
    except InputFileError as exc:
        assert "cut.txt" in str(exc)
    else:
        given_lines = set(spliced.replace("\r\n", "\n").split("\n"))
        for post in parsed.posts:
            assert all(line in given_lines for line in post.text.split("\n") if line)
