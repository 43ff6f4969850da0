"""Speed and peak memory of the Excel export, against a bare openpyxl dump of the same rows.

Builds a project of 20,000 posts (Cyrillic, emoji and flags), each finished by two coders
who applied 5 of 50 span codes: 200,000 annotations, then measures, in one run:

* ours: ``export_project(project, out.xlsx, ExportFormat.XLSX, ExportOptions(agreement=False))``
  (read the project, build every table, write the styled, sanitised workbook), and, for the
  breakdown, ``build_tables`` and ``write_workbook`` alone;
* the baseline: the same tables' frames dumped as plain values (NaN as empty cells) into
  ``openpyxl.Workbook(write_only=True)``, one sheet per table, no styles, no checks;

all in this process, best of ``--repeat`` runs each, and prints the ratio ours / baseline
(target <= 1.5).  Peak memory is the peak RSS (``ru_maxrss`` from ``os.wait4``) of a child
process that runs the full export once, of one that only builds the tables, and of one
that builds the tables and runs the baseline; each child also reports its peak before the
work starts (interpreter, imports, open project).  A child inherits its parent's peak RSS
at spawn (Linux keeps the pre-exec high-water mark), so the project is built in a child
too and the memory children run before this process loads anything large.

    python benchmarks/export_xlsx.py [--posts 20000] [--codes 50] [--per-post 5]
                                     [--repeat 2] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import resource
import subprocess
import sys
import tempfile
import time
import uuid as uuid_module
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openpyxl import Workbook  # noqa: E402

from annotator.core.export.excel import CHUNK_ROWS, write_workbook  # noqa: E402
from annotator.core.export.model import ExportTables  # noqa: E402
from annotator.core.export.options import ExportFormat, ExportOptions  # noqa: E402
from annotator.core.export.service import export_project  # noqa: E402
from annotator.core.export.tables import build_tables  # noqa: E402
from annotator.core.project import Project  # noqa: E402
from annotator.core.storage.schema import (  # noqa: E402
    AnnotationRow,
    PostStatusRow,
)
from benchmarks.synthetic import add_codebook, insert_posts, texts  # noqa: E402

RATIO_TARGET = 1.5
OPTIONS = ExportOptions(agreement=False)
_MEMOS = ["", "", "", "", "unsure: irony?", "=SUM(A1:A9) pasted by mistake", "- check later"]


def build_project(path: Path, posts: int, codes: int, per_post: int) -> int:
    """A project of ``posts`` posts, each finished by two coders who both applied the same
    ``per_post`` of ``codes`` span codes, with spans that mostly agree; bulk inserts."""
    rng = random.Random(7)
    start_date = datetime(2024, 1, 1, tzinfo=UTC)
    with Project.create(path) as project:
        coders = [project.coders.create(name)[0].id for name in ("Ann", "Ben")]
        code_ids = add_codebook(project, codes)
        bodies = texts(rng, posts)
        with project.sessions.begin() as session:
            post_ids = insert_posts(
                session, bodies, [start_date + timedelta(minutes=17 * i) for i in range(posts)],
                [{"views": rng.randint(100, 90_000)} for _ in range(posts)])
            annotations, statuses = [], []
            for post_id, text in zip(post_ids, bodies, strict=True):
                when = start_date + timedelta(days=400, seconds=post_id)
                for coder in coders:
                    statuses.append({"post_id": post_id, "coder_id": coder, "status": "done",
                                     "updated": when})
                for code in rng.sample(code_ids, per_post):
                    begin = rng.randrange(0, len(text) - 10)
                    end = min(len(text), begin + rng.randint(5, 60))
                    for coder in coders:
                        s = max(0, begin - rng.randint(1, 5)) if rng.random() < 0.2 else begin
                        annotations.append({
                            "uuid": str(uuid_module.uuid4()), "post_id": post_id,
                            "code_id": code, "coder_id": coder, "start": s, "end": end,
                            "quote": text[s:end], "memo": rng.choice(_MEMOS),
                            "created": when, "updated": when, "codebook_version": 1})
            session.execute(PostStatusRow.__table__.insert(), statuses)
            session.execute(AnnotationRow.__table__.insert(), annotations)
    return len(annotations)


def bare_dump(tables: ExportTables, path: Path) -> None:
    """The baseline: every table's frame as plain values, one write-only sheet each."""
    workbook = Workbook(write_only=True)
    about = workbook.create_sheet("About")
    about.append(["field", "value"])
    for row in tables.about:
        about.append(list(row))
    for table in tables.tables():
        sheet = workbook.create_sheet(table.name)
        frame = table.frame
        sheet.append([str(column) for column in frame.columns])
        for start in range(0, len(frame), CHUNK_ROWS):
            chunk = frame.iloc[start:start + CHUNK_ROWS].astype(object)
            for row in chunk.where(chunk.notna(), None).to_numpy().tolist():
                sheet.append(row)
    workbook.save(path)


def best(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


_CHILD = """
import resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from benchmarks.export_xlsx import OPTIONS, bare_dump, build_project
from annotator.core.export.options import ExportFormat
from annotator.core.export.service import export_project
from annotator.core.export.tables import build_tables
from annotator.core.project import Project
if sys.argv[4] == "build":
    posts, codes, per_post = map(int, sys.argv[5:8])
    print(build_project(Path(sys.argv[2]), posts, codes, per_post))
    sys.exit()
with Project.open(Path(sys.argv[2])) as project:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    started = time.perf_counter()
    if sys.argv[4] == "ours":
        export_project(project, Path(sys.argv[3]), ExportFormat.XLSX, OPTIONS)
    elif sys.argv[4] == "tables":
        build_tables(project, OPTIONS)
    else:
        bare_dump(build_tables(project, OPTIONS), Path(sys.argv[3]))
    print(before, time.perf_counter() - started)
"""


def run_child(project: Path, out: Path, which: str, *extra: str) -> tuple[list[str], int]:
    """Run the child script in mode ``which``: its printed words and its own peak RSS in
    bytes (``os.wait4`` returns that one child's rusage; ``ru_maxrss`` is KiB on Linux)."""
    root = str(Path(__file__).resolve().parent.parent)
    log = out.with_suffix(".log")
    with log.open("wb") as output:
        child = subprocess.Popen(
            [sys.executable, "-c", _CHILD, root, str(project), str(out), which, *extra],
            stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    text = log.read_text(encoding="utf-8", errors="replace")
    if child.returncode != 0:
        sys.exit(f"child {which} failed:\n{text}")
    return text.split(), usage.ru_maxrss * 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=20_000)
    parser.add_argument("--codes", type=int, default=50)
    parser.add_argument("--per-post", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--profile", action="store_true", help="cProfile write_workbook once")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = folder / "bench.annot"
        started = time.perf_counter()
        words, _ = run_child(path, folder / "build.out", "build", str(args.posts),
                             str(args.codes), str(args.per_post))
        print(f"project: {args.posts:,} posts, {args.codes} codes, {int(words[-1]):,} "
              f"annotations, 2 coders (built in {time.perf_counter() - started:.1f} s)")
        floor = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        peaks = {}
        for which in ("ours", "tables", "baseline"):
            words, peak = run_child(path, folder / f"child-{which}.xlsx", which)
            peaks[which] = (int(words[-2]), float(words[-1]), peak)
        ours_path, base_path = folder / "ours.xlsx", folder / "baseline.xlsx"
        with Project.open(path) as project:
            tables = build_tables(project, OPTIONS)
            rows = {table.name: len(table.frame) for table in tables.tables()}
            cells = sum(table.frame.size for table in tables.tables())
            print("rows: " + ", ".join(f"{k} {v:,}" for k, v in rows.items())
                  + f"; {cells:,} cells")
            build = best(lambda: build_tables(project, OPTIONS), args.repeat)
            base = best(lambda: bare_dump(tables, base_path), args.repeat)
            writer = best(lambda: write_workbook(tables, ours_path), args.repeat)
            full = best(lambda: export_project(project, ours_path, ExportFormat.XLSX, OPTIONS),
                        args.repeat)
            if args.profile:
                stats = str(folder / "write.prof")
                cProfile.runctx("write_workbook(tables, ours_path)", globals(),
                                {"tables": tables, "ours_path": ours_path}, stats)
                pstats.Stats(stats).sort_stats("tottime").print_stats(20)
        print(f"baseline, bare openpyxl write-only dump of the same frames (best of "
              f"{args.repeat}): {base:.2f} s, {base_path.stat().st_size / 1e6:.1f} MB")
        print(f"build_tables alone: {build:.2f} s; write_workbook alone: {writer:.2f} s "
              f"(ratio to baseline {writer / base:.2f})")
        ratio = full / base
        verdict = "OK" if ratio <= RATIO_TARGET else "MISSED"
        print(f"ours, export_project (read + tables + workbook, best of {args.repeat}): "
              f"{full:.2f} s, {ours_path.stat().st_size / 1e6:.1f} MB; ratio {ratio:.2f} "
              f"(target <= {RATIO_TARGET}) {verdict}")
        labels = {"ours": "export_project", "tables": "build_tables alone",
                  "baseline": "build_tables + baseline dump"}
        for which, (before, seconds, peak) in peaks.items():
            print(f"peak RSS of a child running {labels[which]} once ({seconds:.1f} s): "
                  f"{peak / 1e6:.0f} MB; {before / 1e6:.0f} MB before it started "
                  f"(interpreter, imports, open project)")
        print(f"(children were spawned while this process peaked at {floor / 1e6:.0f} MB, "
              "an upper bound of what they inherited)")


if __name__ == "__main__":
    main()
