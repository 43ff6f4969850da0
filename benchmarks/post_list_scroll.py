"""Scrolling the post list through 100,000 posts: model cost against a raw SQLite baseline.

Builds a project of ``--posts`` synthetic posts, then, in one process, times
(a) opening the post table model (loading the id list) and scrolling it from top to
bottom a screenful at a time, asking for every visible cell as a view would, and
(b) the baseline: one raw ``sqlite3`` query per screenful for the same columns.
Prints both and their ratio; compare ratios between runs, not seconds.

    QT_QPA_PLATFORM=offscreen python benchmarks/post_list_scroll.py [--posts 100000]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from annotator.core.project import Project  # noqa: E402
from annotator.ui.models.post_table import PostTableModel  # noqa: E402

SCREEN = 40  # rows a view shows at once


def build(path: Path, posts: int) -> None:
    text = "Benchmark channel\n12K subscribers\nDownload Telegram\n" + "".join(
        f"🇷🇺 Post {i}: a statement on matter {i % 97} with details.\n👍{i % 50 + 1}\n"
        for i in range(posts))
    source = path.with_suffix(".txt")
    source.write_text(text, encoding="utf-8")
    with Project.create(path) as project:
        project.import_file(source)


def scroll_model(path: Path) -> tuple[float, int]:
    started = time.perf_counter()
    with Project.open(path) as project:
        model = PostTableModel()
        model.set_source(project.posts)
        rows = model.rowCount()
        cells = 0
        for top in range(0, rows, SCREEN):
            for row in range(top, min(top + SCREEN, rows)):
                for column in range(model.columnCount()):
                    model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
                    cells += 1
        model.set_source(None)
    return time.perf_counter() - started, cells


def scroll_baseline(path: Path) -> float:
    started = time.perf_counter()
    with sqlite3.connect(path) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM post ORDER BY source_id, position")]
        for top in range(0, len(ids), SCREEN):
            chunk = ids[top : top + SCREEN]
            marks = ",".join("?" * len(chunk))
            conn.execute(
                f"SELECT id, date, forwarded_from, length(text), substr(text, 1, 160) "
                f"FROM post WHERE id IN ({marks})", chunk).fetchall()
    conn.close()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=100_000)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.annot"
        build(path, args.posts)
        base = scroll_baseline(path)
        ours, cells = scroll_model(path)
    del app
    print(f"posts: {args.posts}, cells asked: {cells}")
    print(f"baseline (raw sqlite3, one query per screenful): {base:.2f} s")
    print(f"post table model (ids loaded, lazy blocks, every visible cell): {ours:.2f} s")
    print(f"per screenful of {SCREEN} rows: {1000 * ours / max(1, args.posts // SCREEN):.2f} ms")
    print(f"ratio: {ours / base:.1f}x")


if __name__ == "__main__":
    main()
