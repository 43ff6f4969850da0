"""Import speed and peak memory of the Telegram Desktop JSON importer, in one run.

Generates a realistic single-chat ``result.json`` (Cyrillic, emoji and flags in texts of
50-2000 characters, entities, reactions, forwards, service messages, written with Telegram
Desktop's layout and key order), then measures:

* ``annotator-cli import PROJECT FILE --format tg-json`` run as a subprocess after ``init``:
  wall time and peak RSS of the child (``getrusage(RUSAGE_CHILDREN).ru_maxrss``, taken before
  and after, so only the import's own peak counts);
* the importer's parse alone (every post iterated) in a child process, time and peak RSS;
* the baseline, in this process: ``json.load`` of the file plus one ``sqlite3`` ``executemany``
  of the same rows (id, text, date, author, forwarded_from, metadata JSON) into a bare table.

and prints whether the targets hold: ratio (CLI import / baseline) <= 2.5, CLI import under
15 s, peak memory <= 3x the file size. When the CLI cannot import the file yet (the import
service is not wired to this importer), the parse-alone figures stand in and the script says so.

    python benchmarks/import_json.py [--messages 100000] [--keep FOLDER] [--profile]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

RATIO_TARGET = 2.5
SECONDS_TARGET = 15.0
MEMORY_TARGET = 3.0
CHANNEL_ID = 1987654321
CHANNEL_NAME = "Новости 🇷🇺 Benchmark"

_WORDS = [
    "заявление", "министерство", "иностранных", "дел", "россии", "сегодня", "брифинг",
    "переговоры", "санкции", "экономика", "граница", "делегация", "президент", "встреча",
    "вопрос", "позиция", "безопасность", "информация", "сотрудничество", "развитие", "регион",
    "правительство", "официальный", "представитель", "комментарий", "the", "statement",
    "press", "briefing", "talks",
]
_EMOJI = ["👍", "🔥", "❤️", "😂", "🤔", "⚡️", "✅", "❗️", "📌", "👉", "🙏", "1️⃣", "👨‍👩‍👧"]
_FLAGS = ["🇷🇺", "🇺🇦", "🇺🇸", "🇧🇾", "🇨🇳", "🇩🇪", "🇫🇷"]
_SOURCES = ["Russian MFA 🇷🇺", "МИД России", "РИА Новости", "Deleted Account", None]
_PLACEHOLDER = "(File not included. Change data exporting settings to download.)"


def _words(rng: random.Random, chars: int) -> str:
    out: list[str] = []
    size = 0
    while size < chars:
        roll = rng.random()
        if roll < 0.05:
            piece = rng.choice(_EMOJI)
        elif roll < 0.08:
            piece = rng.choice(_FLAGS)
        elif roll < 0.1:
            piece = ".\n\n"
        else:
            piece = rng.choice(_WORDS)
        out.append(piece)
        size += len(piece) + 1
    return " ".join(out)


def _length(rng: random.Random) -> int:
    """50-2000 characters, skewed short like real channels (median about 400)."""
    return min(2000, max(50, int(rng.lognormvariate(6.0, 0.8))))


def _text(rng: random.Random) -> list[Any] | str:
    """A message text: a plain string (a fifth of them) or an array with entities."""
    body = _words(rng, _length(rng))
    if rng.random() < 0.2:
        return body
    parts: list[Any] = [f"{rng.choice(_FLAGS)}{rng.choice(_EMOJI)} "]
    parts.append({"type": "bold", "text": "Заявление МИД"})
    parts.append(" " + body[: len(body) // 2] + " ")
    parts.append({"type": "hashtag", "text": "#новости"})
    parts.append(" " + body[len(body) // 2 :] + " ")
    roll = rng.random()
    if roll < 0.4:
        parts.append({"type": "text_link", "text": "подробнее", "href": "https://mid.ru/ru/1"})
    elif roll < 0.7:
        parts.append({"type": "mention", "text": "@MID_Russia"})
    else:
        parts.append({"type": "custom_emoji", "text": "🔥", "document_id": ""})
    return parts


def _entities(text: list[Any] | str) -> list[dict[str, Any]]:
    pieces = [text] if isinstance(text, str) else text
    return [
        {"type": "plain", "text": piece} if isinstance(piece, str) else piece for piece in pieces
    ]


def _reactions(rng: random.Random, date: int) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for emoji in rng.sample(["👍", "🔥", "❤", "😁", "🤬", "👏"], rng.randint(1, 4)):
        item: dict[str, Any] = {"type": "emoji", "count": rng.randint(1, 900), "emoji": emoji}
        if rng.random() < 0.1:
            item["recent"] = [
                {"from": "Иван", "from_id": "user42", "date": "2024-06-25T10:00:00"}
            ]
        out.append(item)
    if rng.random() < 0.2:
        out.append({"type": "custom_emoji", "count": rng.randint(1, 50), "document_id": ""})
    if rng.random() < 0.1:
        out.append({"type": "paid", "count": rng.randint(1, 10)})
    return out


def _message(rng: random.Random, msg_id: int, date: int) -> dict[str, Any]:
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(date))
    if rng.random() < 0.03:
        return {
            "id": msg_id, "type": "service", "date": stamp, "date_unixtime": str(date),
            "actor": CHANNEL_NAME, "actor_id": f"channel{CHANNEL_ID}", "action": "pin_message",
            "message_id": msg_id - 1, "text": "", "text_entities": [],
        }
    msg: dict[str, Any] = {"id": msg_id, "type": "message", "date": stamp,
                           "date_unixtime": str(date)}
    if rng.random() < 0.1:
        msg["edited"] = stamp
        msg["edited_unixtime"] = str(date + 600)
    msg["from"] = CHANNEL_NAME
    msg["from_id"] = f"channel{CHANNEL_ID}"
    if rng.random() < 0.2:
        msg["author"] = "Мария Захарова"
    if rng.random() < 0.2:
        msg["forwarded_from"] = rng.choice(_SOURCES)
    if rng.random() < 0.05:
        msg["reply_to_message_id"] = msg_id - rng.randint(1, 50)
    if rng.random() < 0.3:
        msg.update(photo=_PLACEHOLDER, photo_file_size=183_456, width=1280, height=853)
    text: list[Any] | str = "" if rng.random() < 0.03 else _text(rng)
    msg["text"] = text
    msg["text_entities"] = _entities(text) if text else []
    if rng.random() < 0.6:
        msg["reactions"] = _reactions(rng, date)
    return msg


def messages(count: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    date = 1_600_000_000
    for msg_id in range(1, count + 1):
        date += rng.randint(30, 3000)
        yield _message(rng, msg_id, date)


def write_export(path: Path, count: int) -> None:
    """Write ``count`` messages with Telegram Desktop's layout (1-space indent, raw UTF-8)."""
    with path.open("w", encoding="utf-8") as out:
        out.write(
            f'{{\n "name": {json.dumps(CHANNEL_NAME, ensure_ascii=False)},\n'
            f' "type": "public_channel",\n "id": {CHANNEL_ID},\n "messages": [\n'
        )
        for index, msg in enumerate(messages(count)):
            body = json.dumps(msg, ensure_ascii=False, indent=1).replace("\n", "\n  ")
            out.write(("  " if index == 0 else ",\n  ") + body)
        out.write("\n ]\n}")


def _join(text: list[Any] | str) -> str:
    if isinstance(text, str):
        return text
    return "".join(piece if isinstance(piece, str) else piece["text"] for piece in text)


def baseline(path: Path, folder: Path) -> float:
    """``json.load`` + one ``executemany`` of the same six columns into a bare table."""
    (folder / "baseline.db").unlink(missing_ok=True)
    started = time.perf_counter()
    with path.open("rb") as handle:
        data = json.load(handle)
    rows = [
        (
            str(m["id"]), _join(m.get("text", "")), m.get("date_unixtime"),
            m.get("author") or m.get("from"), m.get("forwarded_from"),
            json.dumps({"reactions": m.get("reactions"), "entities": m.get("text_entities")},
                       ensure_ascii=False),
        )
        for m in data["messages"] if m.get("type") == "message"
    ]
    conn = sqlite3.connect(folder / "baseline.db")
    with conn:
        conn.execute(
            "CREATE TABLE post (id TEXT, text TEXT, date TEXT, author TEXT, "
            "forwarded_from TEXT, metadata TEXT)"
        )
        conn.executemany("INSERT INTO post VALUES (?, ?, ?, ?, ?, ?)", rows)
    conn.close()
    return time.perf_counter() - started


def run_child(command: list[str], folder: Path) -> tuple[float, int, int, str]:
    """Run ``command``: its wall time, peak RSS in bytes, exit status and stdout+stderr.

    The peak is the child's own (``os.wait4`` returns that one child's rusage, unlike
    ``RUSAGE_CHILDREN``, which keeps the largest peak of every child waited for so far).
    """
    out_path = folder / "child.out"
    with out_path.open("wb") as out:
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    text = out_path.read_text(encoding="utf-8", errors="replace")
    return elapsed, usage.ru_maxrss * 1024, child.returncode, text  # ru_maxrss is KiB on Linux


_PARSE_ONLY = """
import sys, time
from pathlib import Path
from annotator.core.importers.base import ImportOptions
from annotator.core.importers.tg_json import TgJsonImporter
from annotator.core.progress import no_progress
started = time.perf_counter()
source = TgJsonImporter().parse(Path(sys.argv[1]), ImportOptions(), no_progress, None)
posts = sum(1 for _ in source.posts)
elapsed = time.perf_counter() - started
print(posts, elapsed, sum(source.skipped.values()))
"""

_PROFILE = """
import cProfile, pstats, sys
from pathlib import Path
from annotator.core.importers.base import ImportOptions
from annotator.core.importers.tg_json import TgJsonImporter
from annotator.core.progress import no_progress
def run():
    source = TgJsonImporter().parse(Path(sys.argv[1]), ImportOptions(), no_progress, None)
    for _ in source.posts:
        pass
cProfile.run("run()", sys.argv[2])
pstats.Stats(sys.argv[2]).sort_stats("tottime").print_stats(15)
"""


def _verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def _own_peak() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="write the files here and keep them")
    parser.add_argument("--profile", action="store_true", help="also cProfile the parse")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = args.keep or Path(name)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "result.json"
        started = time.perf_counter()
        write_export(path, args.messages)
        size = path.stat().st_size
        print(f"generated {args.messages} messages: {size / 1e6:.1f} MB "
              f"in {time.perf_counter() - started:.1f} s")
        # A child inherits its parent's peak RSS (Linux keeps the pre-exec high-water mark),
        # so the children run while this process is small, before the json.load baseline.
        floor = _own_peak()

        _, parse_peak, status, output = run_child(
            [sys.executable, "-c", _PARSE_ONLY, str(path)], folder)
        if status != 0:
            sys.exit(f"parse failed:\n{output}")
        posts, parse_time, skipped = output.split()
        parse_s = float(parse_time)

        project = folder / "bench.annot"
        project.unlink(missing_ok=True)
        cli = [sys.executable, "-m", "annotator.cli"]
        subprocess.run([*cli, "init", str(project)], check=True, capture_output=True)
        wall, peak, status, output = run_child(
            [*cli, "import", str(project), str(path), "--format", "tg-json"], folder)

        base = min(baseline(path, folder) for _ in range(2))  # the machine is noisy
        print(f"baseline (json.load + sqlite3 executemany, in this process, best of 2): "
              f"{base:.2f} s")
        print(f"parse alone (TgJsonImporter, every post iterated): {posts} posts, {skipped} "
              f"skipped, {parse_s:.2f} s, peak RSS {parse_peak / 1e6:.0f} MB "
              f"({parse_peak / size:.2f}x file), ratio to baseline {parse_s / base:.2f}")
        if status == 0:
            label, seconds, memory = "annotator-cli import", wall, peak
            print(f"{label} (subprocess, wall): {wall:.2f} s, peak RSS {peak / 1e6:.0f} MB; "
                  f"of which parsing {parse_s:.2f} s")
        else:
            reason = (output.strip().splitlines() or ["?"])[-1]
            print(f"annotator-cli import failed (exit {status}): {reason}")
            print("targets below use the parse-alone figures")
            label, seconds, memory = "parse alone", parse_s, parse_peak
        print(f"(peak RSS figures include at most {floor / 1e6:.0f} MB inherited from this "
              "process at spawn)")

        ratio = seconds / base
        print(f"file size: {size / 1e6:.1f} MB")
        print(f"{label}: ratio {ratio:.2f} (target <= {RATIO_TARGET}): "
              f"{_verdict(ratio <= RATIO_TARGET)}")
        print(f"{label}: {seconds:.2f} s (target < {SECONDS_TARGET:.0f} s): "
              f"{_verdict(seconds < SECONDS_TARGET)}")
        print(f"{label}: peak memory {memory / size:.2f}x file (target <= {MEMORY_TARGET}x): "
              f"{_verdict(memory <= MEMORY_TARGET * size)}")
        if args.profile:
            stats = folder / "parse.prof"
            subprocess.run([sys.executable, "-c", _PROFILE, str(path), str(stats)], check=True)


if __name__ == "__main__":
    main()
