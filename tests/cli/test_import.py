"""``annotator-cli import``: reports, de-duplication, bad input and atomicity."""

from __future__ import annotations

import _thread
import time
from pathlib import Path
from typing import Any

import pytest

from annotator.core.progress import CancelToken
from annotator.core.project import Project
from tests.cli.harness import Run, assert_one_line_error, sample_texts, sha256
from tests.conftest import SAMPLE

CYRILLIC = (
    "Канал Посольства\n"
    "12 subscribers\n"
    "Официальный канал о новостях и событиях.\n"
    "Download Telegram\n"
    "Привет, мир! Сегодня мы рассказываем о важных событиях недели.\n"
    "Вторая строка этого поста, тоже на русском языке.\n"
    "5\n"
    "Ещё один пост: посольство поздравляет всех с праздником.\n"
    "7\n"
)


@pytest.fixture
def empty(cli: Run, tmp_path: Path) -> Path:
    path = tmp_path / "p.annot"
    assert cli("init", path).code == 0
    return path


def texts(cli: Run, project: Path) -> list[str]:
    return [post["text"] for post in cli("posts", project, "--json").json()]


def report(out: str) -> dict[str, str]:
    """The ``key: value`` lines of an import report."""
    lines = [line for line in out.splitlines() if ": " in line and not line.startswith(" ")]
    return dict(line.split(": ", 1) for line in lines)


def test_import_then_reimport(cli: Run, empty: Path) -> None:
    first = cli("import", empty, SAMPLE)
    assert first.code == 0
    assert first.err == ""  # no progress when stderr is not a terminal
    assert first.out.startswith(f"imported {SAMPLE.name} as tg-text (utf-8)")
    assert report(first.out)["added"] == "18"
    assert report(first.out)["posts in file"] == "18"
    assert report(first.out)["duplicates skipped"] == "0"
    assert texts(cli, empty) == sample_texts()

    again = cli("import", empty, SAMPLE, "--format", "tg-text")
    assert again.code == 0
    assert report(again.out)["added"] == "0"
    assert report(again.out)["duplicates skipped"] == "18"
    assert cli("info", empty, "--json").json()["posts"] == 18


def test_several_files_in_one_command(cli: Run, empty: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text(CYRILLIC, encoding="utf-8")
    result = cli("import", empty, SAMPLE, other)
    assert result.code == 0
    assert result.out.count("imported ") == 2
    assert cli("info", empty, "--json").json()["posts"] == 20


def _bad_inputs(folder: Path) -> dict[str, tuple[Path, str]]:
    empty = folder / "empty.txt"
    empty.write_bytes(b"")
    blank = folder / "blank.txt"
    blank.write_bytes(b" \n\n \r\n")
    binary = folder / "binary.dat"
    binary.write_bytes(bytes(range(256)) * 8)
    png = folder / "picture.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    prose = folder / "prose.txt"
    prose.write_text("Dear diary,\nnothing happened today.\n", encoding="utf-8")
    return {
        "missing": (folder / "missing.txt", "no such file"),
        "empty": (empty, "empty"),
        "blank": (blank, "empty"),
        "binary": (binary, "binary"),
        "png": (png, "PNG"),
        "prose": (prose, "not in a format Annotator can import"),
        "folder": (folder, "folder"),
    }


@pytest.mark.parametrize("case", ["missing", "empty", "blank", "binary", "png", "prose", "folder"])
def test_bad_input_leaves_the_project_unchanged(
    cli: Run, empty: Path, tmp_path: Path, case: str
) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    bad, reason = _bad_inputs(inputs)[case]
    assert cli("import", empty, SAMPLE).code == 0
    counts = cli("info", empty, "--json").json()
    digest = sha256(empty)

    assert_one_line_error(cli("import", empty, bad), bad.name, reason)
    # Atomic across files: the good file given first is not imported either.
    assert_one_line_error(cli("import", empty, SAMPLE, bad), bad.name)

    assert cli("info", empty, "--json").json() == counts
    assert sha256(empty) == digest
    assert sorted(p.name for p in empty.parent.iterdir()) == ["inputs", "p.annot"]


def test_cp1251_imports_with_an_encoding_warning(cli: Run, empty: Path, tmp_path: Path) -> None:
    source = tmp_path / "cyrillic.txt"
    source.write_bytes(CYRILLIC.encode("cp1251"))
    result = cli("import", empty, source)
    assert result.code == 0, result.err
    assert "(cp1251)" in result.out.splitlines()[0]
    warnings = [line for line in result.out.splitlines() if line.startswith("  ")]
    assert any("not UTF-8" in line and "cp1251" in line for line in warnings)
    assert texts(cli, empty) == [
        "Привет, мир! Сегодня мы рассказываем о важных событиях недели.\n"
        "Вторая строка этого поста, тоже на русском языке.",
        "Ещё один пост: посольство поздравляет всех с праздником.",
    ]
    channel = cli("posts", empty, "--json").json()[0]["channel"]
    assert channel == "Канал Посольства"


def test_utf16_with_bom_reads_the_same(cli: Run, empty: Path, tmp_path: Path) -> None:
    source = tmp_path / "utf16.txt"
    source.write_bytes(SAMPLE.read_text(encoding="utf-8").encode("utf-16"))
    assert source.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")
    result = cli("import", empty, source)
    assert result.code == 0
    assert "(utf-16)" in result.out.splitlines()[0]
    assert texts(cli, empty) == sample_texts()


@pytest.mark.parametrize("cut", ["half", "mid-character"])
def test_truncated_copy_warns_never_crashes(
    cli: Run, empty: Path, tmp_path: Path, cut: str
) -> None:
    data = SAMPLE.read_bytes()
    middle = len(data) // 2
    if cut == "mid-character":  # stop inside a multi-byte character
        middle = data.index("🤝".encode(), middle) + 2
    source = tmp_path / "truncated.txt"
    source.write_bytes(data[:middle])
    result = cli("import", empty, source)
    assert "Traceback" not in result.err
    if result.code == 2:
        assert_one_line_error(result, source.name)
        return
    assert result.code == 0
    assert "truncated" in result.out
    added = int(report(result.out)["added"])
    assert 0 < added < 18
    full = sample_texts()
    stored = texts(cli, empty)
    assert stored[:-1] == full[: len(stored) - 1]
    assert full[len(stored) - 1].startswith(stored[-1])


def test_progress_only_on_a_terminal(
    cli: Run, empty: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    result = cli("import", empty, SAMPLE)
    assert result.code == 0
    assert "importing 100%" in result.err
    assert "importing" not in result.out


def test_cancelled_import_changes_nothing(
    cli: Run, empty: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+C during an import cancels it through the token; nothing is stored."""
    digest = sha256(empty)
    real = Project.import_files

    def slow(self: Project, paths: list[Path], format_id: str, progress: Any,
             cancel: CancelToken | None, options: Any = None) -> Any:
        assert cancel is not None
        _thread.interrupt_main()  # what Ctrl+C does to the main thread
        deadline = time.monotonic() + 10
        while not cancel.cancelled and time.monotonic() < deadline:
            time.sleep(0.01)
        return real(self, paths, format_id, progress, cancel, options)

    monkeypatch.setattr(Project, "import_files", slow)
    result = cli("import", empty, SAMPLE)
    assert (result.code, result.out, result.err) == (130, "", "cancelled\n")
    monkeypatch.undo()
    assert cli("info", empty, "--json").json()["posts"] == 0
    assert sha256(empty) == digest
