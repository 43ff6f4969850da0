"""Helpers for the command-line tests: run ``main`` in-process and inspect its output."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.core.importers.tg_text import parse_text
from annotator.core.progress import no_progress
from tests.conftest import SAMPLE


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()

    def json(self) -> Any:
        return json.loads(self.out)


Run = Callable[..., Result]


def sample_texts() -> list[str]:
    """The post texts of the sample file as the tg-text importer parses them."""
    parsed = parse_text(SAMPLE, SAMPLE.read_text(encoding="utf-8"), no_progress, None)
    return [post.text for post in parsed.posts]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_one_line_error(result: Result, *mentions: str) -> None:
    """Exit 2 and exactly one ``error:`` line on stderr naming ``mentions``."""
    assert result.code == 2, result
    assert "Traceback" not in result.err
    assert len(result.err_lines) == 1, result.err
    assert result.err_lines[0].startswith("error: ")
    for mention in mentions:
        assert mention in result.err_lines[0]
