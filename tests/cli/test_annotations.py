"""``annotator-cli annotations``: loading with full validation, dumping, and round trips."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from annotator.core.project import Project
from tests.cli.harness import Run, assert_one_line_error, sha256

HEADER = "post,coder,code,start,end,memo\n"
DUMP_COLUMNS = ["post", "coder", "code", "start", "end", "memo", "quote", "created", "updated"]


@pytest.fixture
def demo(cli: Run, tmp_path: Path) -> Path:
    path = tmp_path / "demo.annot"
    assert cli("demo", path).code == 0
    return path


def post_text(project: Path, post_id: int) -> str:
    with Project.open(project) as opened:
        return opened.posts.get(post_id).text


def stored(project: Path) -> set[tuple[int, str, str, int, int, str, str]]:
    """Every annotation as (post, coder, code path, start, end, memo, quote)."""
    with Project.open(project) as opened:
        coders = {c.id: c.name for c in opened.coders.list()}
        codes = {c.id: c.path_text for c in opened.codes.list()}
        return {
            (a.post_id, coders[a.coder_id], codes[a.code_id], a.span.start, a.span.end, a.memo,
             a.quote)
            for a in opened.annotations.all()
        }


def test_load_csv_with_spans_after_emoji(cli: Run, demo: Path, tmp_path: Path) -> None:
    text = post_text(demo, 1)
    assert text.startswith("🇷🇺🇧🇾 June 25")
    start = text.index("June 25")
    assert start == 5  # four regional indicators and a space, in code points
    belarus = text.index("Belarus")
    table = tmp_path / "spans.csv"
    table.write_text(
        HEADER
        + f"1,alice,Framing/Threat,{start},{start + 7},a date\n"
        + f'1, alice ,Framing / Friendship and alliance,{belarus},{belarus + 7},"memo, quoted"\n'
        + "2,bob,Legitimation/Official voice,0,1,\n",
        encoding="utf-8",
    )
    result = cli("annotations", demo, "--load", table)
    assert (result.code, result.out, result.err) == (0, "loaded 3 annotations\n", "")
    rows = stored(demo)
    assert (1, "alice", "Framing/Threat", start, start + 7, "a date", "June 25") in rows
    assert (1, "alice", "Framing/Friendship and alliance", belarus, belarus + 7, "memo, quoted",
            "Belarus") in rows
    second = post_text(demo, 2)
    assert (2, "bob", "Legitimation/Official voice", 0, 1, "", second[0]) in rows
    for post, _coder, _code, lo, hi, _memo, quote in rows:
        assert quote == post_text(demo, post)[lo:hi]
    info = cli("info", demo, "--json").json()
    assert (info["annotations"], info["coders"]) == (3, 2)

    again = cli("annotations", demo, "--load", table)  # already there: refused, nothing added
    assert again.code == 2
    assert "already exists" in again.err
    assert cli("info", demo, "--json").json()["annotations"] == 3


def test_load_json_with_quotes(cli: Run, demo: Path, tmp_path: Path) -> None:
    text = post_text(demo, 3)
    start = text.index("Lavrov")
    records = [
        {"post": 3, "coder": "карина", "code": "Rhetoric/Whataboutism", "start": start,
         "end": start + 6, "memo": "", "quote": "Lavrov"},
        {"post": "3", "coder": "карина", "code": "Legitimation/Official voice", "start": "0",
         "end": "2"},
    ]
    table = tmp_path / "spans.json"
    table.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    result = cli("annotations", demo, "--load", table)
    assert (result.code, result.out) == (0, "loaded 2 annotations\n")
    assert (3, "карина", "Rhetoric/Whataboutism", start, start + 6, "", "Lavrov") in stored(demo)


def test_bad_rows_are_all_reported_and_nothing_is_written(
    cli: Run, demo: Path, tmp_path: Path
) -> None:
    table = tmp_path / "bad.csv"
    table.write_text(
        HEADER
        + "1,alice,Framing/Threat,5,12,fine\n"  # row 1 is good
        + "999,alice,Framing/Threat,0,4,\n"  # row 2: unknown post
        + "1,alice,Framing/Nonsense,0,4,\n"  # row 3: unknown code
        + "1,alice,Framing/Threat,0,100000,\n"  # row 4: end past the text
        + "1,alice,Framing/Threat,9,3,\n"  # row 5: start >= end
        + "1,alice,Framing/Threat,four,9,\n"  # row 6: not a whole number
        + "1,alice,Framing/Threat,5,12,again\n",  # row 7: same as row 1
        encoding="utf-8",
    )
    digest = sha256(demo)
    result = cli("annotations", demo, "--load", table)
    assert result.code == 2
    assert result.out == ""
    assert "Traceback" not in result.err
    first, *problems = result.err_lines
    assert first.startswith(f"error: {table}: 6 invalid row(s), nothing written; row 2")
    assert [line.split(" [")[0].split(":")[0] for line in problems] == [
        f"  row {n}" for n in (2, 3, 4, 5, 6, 7)
    ]
    assert problems[0] == "  row 2 [post]: no post '999'"
    assert problems[1].startswith("  row 3 [code]: no code 'Framing/Nonsense'")
    assert problems[2].startswith("  row 4 [end]: ")
    assert problems[3].startswith("  row 5 [start]: ")
    assert problems[4].startswith("  row 6 [start]: ")
    assert "same annotation as row 1" in problems[5]
    info = cli("info", demo, "--json").json()
    assert (info["annotations"], info["coders"]) == (0, 0)
    assert sha256(demo) == digest


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("spans.txt", HEADER, "use a .csv or .json file"),
        ("missing.csv", None, "no such file"),
        ("empty.csv", "", "empty"),
        ("columns.csv", "post,coder,code,start\n1,a,Legitimation/Official voice,0\n",
         "missing column(s): end"),
        ("broken.json", '[{"post": 1,', "invalid JSON"),
        ("object.json", '{"post": 1}', "expected a JSON array"),
    ],
)
def test_unreadable_tables(
    cli: Run, demo: Path, tmp_path: Path, name: str, content: str | None, reason: str
) -> None:
    table = tmp_path / name
    if content is not None:
        table.write_text(content, encoding="utf-8")
    assert_one_line_error(cli("annotations", demo, "--load", table), name, reason)
    assert cli("info", demo, "--json").json()["annotations"] == 0


def _annotate(cli: Run, project: Path, folder: Path) -> None:
    text = post_text(project, 1)
    table = folder / "seed.csv"
    with table.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["post", "coder", "code", "start", "end", "memo"])
        writer.writerow([1, "alice", "Framing/Threat", 5, 12, "line one\nline two"])
        writer.writerow([1, "bob", "Framing/Threat", 0, 4, "flags"])
        writer.writerow([4, "alice", "Rhetoric/Irony and scare quotes", 2, 30, ""])
        writer.writerow([18, "bob", "Legitimation/Official voice", 0, 10, "«ёлки», 🎄"])
    assert cli("annotations", project, "--load", table).code == 0
    assert text[0:4] == "🇷🇺🇧🇾"


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_dump_and_load_round_trip(cli: Run, demo: Path, tmp_path: Path, suffix: str) -> None:
    _annotate(cli, demo, tmp_path)
    out = tmp_path / f"dump{suffix}"
    result = cli("annotations", demo, "--dump", out)
    assert (result.code, result.out) == (0, f"wrote 4 annotations to {out}\n")
    if suffix == ".csv":
        with out.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            assert reader.fieldnames == DUMP_COLUMNS
            records = list(reader)
    else:
        records = json.loads(out.read_text(encoding="utf-8"))
        assert all(list(record) == DUMP_COLUMNS for record in records)
    assert len(records) == 4
    assert {r["quote"] for r in records} >= {"June 25", "🇷🇺🇧🇾"}
    assert all(r["created"] and r["updated"] for r in records)

    fresh = tmp_path / "fresh.annot"
    assert cli("demo", fresh).code == 0
    loaded = cli("annotations", fresh, "--load", out)
    assert (loaded.code, loaded.out) == (0, "loaded 4 annotations\n")
    assert stored(fresh) == stored(demo)
    assert len(stored(fresh)) == 4


def test_dump_of_nothing(cli: Run, demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "none.json"
    assert cli("annotations", demo, "--dump", out).out == f"wrote 0 annotations to {out}\n"
    assert json.loads(out.read_text(encoding="utf-8")) == []


def test_dump_to_an_impossible_place(cli: Run, demo: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    assert_one_line_error(cli("annotations", demo, "--dump", blocker / "out.csv"), "out.csv")
    assert_one_line_error(cli("annotations", demo, "--dump", tmp_path / "out.xlsx"), ".csv")
