"""Import speed of the tg-text importer against a raw-SQLite baseline, in one process.

Prints the ratio ``annotator import time / baseline time`` where the baseline
reads the same file, splits it into the same bodies with ``str.split`` and
inserts them with one ``executemany`` into a bare SQLite table. The ratio, not
the seconds, is what to compare between runs (these machines are noisy).

    python benchmarks/import_tg_text.py [--posts 20000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
from pathlib import Path

from annotator.core.project import Project

HEADER = (
    "Benchmark channel\n12.5K subscribers\n1 file\nA channel made for timing.\n"
    "Download Telegram\n"
)


def synthetic(posts: int) -> str:
    chunks = [HEADER]
    for i in range(posts):
        forwarded = "Forwarded from\u00a0Russian MFA 🇷🇺\n" if i % 3 else ""
        chunks.append(
            f"{forwarded}🇷🇺🇧🇾 Post {i}: statement on matter {i * 7 % 101}.\n\n"
            f"Second paragraph ⚡️ with details {i}.\n👍{i % 50 + 1}🔥1\n"
        )
    return "".join(chunks)


def baseline(path: Path, folder: Path, run: int) -> float:
    started = time.perf_counter()
    text = path.read_text(encoding="utf-8")
    bodies = text.split("\n\n")
    with sqlite3.connect(folder / f"baseline-{run}.db") as conn:
        conn.execute("CREATE TABLE post (id INTEGER PRIMARY KEY, text TEXT)")
        conn.executemany("INSERT INTO post (text) VALUES (?)", ((b,) for b in bodies))
    conn.close()
    return time.perf_counter() - started


def annotator_import(path: Path, folder: Path, run: int) -> float:
    with Project.create(folder / f"bench-{run}.annot") as project:
        started = time.perf_counter()
        report = project.import_file(path)
        elapsed = time.perf_counter() - started
    assert report.added > 0
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = folder / "channel.txt"
        path.write_text(synthetic(args.posts), encoding="utf-8")
        base = min(baseline(path, folder, run) for run in range(args.repeat))
        ours = min(annotator_import(path, folder, run) for run in range(args.repeat))
    print(f"posts: {args.posts}")
    print(f"baseline (split + executemany): {base:.3f} s")
    print(f"annotator import (parse + dedup + store): {ours:.3f} s")
    print(f"ratio: {ours / base:.1f}x")


if __name__ == "__main__":
    main()
