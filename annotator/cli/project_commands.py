"""Project commands: ``init``, ``demo``, ``import``, ``posts`` and ``info``."""

from __future__ import annotations

import argparse
import dataclasses
from datetime import UTC
from pathlib import Path
from typing import Any

from annotator.cli.console import (
    CommandFactory,
    add_project_argument,
    err,
    iso,
    json_text,
    open_project,
    out,
    with_progress,
)
from annotator.core.demo import create_demo
from annotator.core.importers import registry
from annotator.core.importers.base import ImportOptions
from annotator.core.model import Post
from annotator.core.posts.service import PostSummary
from annotator.core.project import PROJECT_SUFFIX, Project

PREVIEW_CHARS = 60
FORWARDER_CHARS = 24
NEWLINE_MARK = "⏎"


def _post_record(post: Post) -> dict[str, Any]:
    return {
        "id": post.id,
        "uuid": post.uuid,
        "external_id": post.external_id,
        "channel": post.channel,
        "author": post.author,
        "forwarded_from": post.forwarded_from,
        "date": iso(post.date),
        "text": post.text,
        "metadata": post.metadata,
        "position": post.position,
        "source_id": post.source_id,
    }


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _table_rows(summaries: list[PostSummary]) -> list[tuple[str, str, str, str]]:
    rows = [("id", "date (UTC)", "forwarded from", "text")]
    for post in summaries:
        date = post.date.astimezone(UTC).strftime("%Y-%m-%d %H:%M") if post.date else "-"
        preview = post.preview[:PREVIEW_CHARS].replace("\r\n", "\n").replace("\n", NEWLINE_MARK)
        if post.length > PREVIEW_CHARS:
            preview += "…"
        forwarder = _clip(post.forwarded_from or "-", FORWARDER_CHARS)
        rows.append((str(post.id), date, forwarder, preview))
    return rows


def _cmd_init(args: argparse.Namespace) -> None:
    with Project.create(args.project) as project:
        out(f"created empty project {project.path}")
    if args.project.suffix != PROJECT_SUFFIX:
        err(f"note: Annotator project files usually end in {PROJECT_SUFFIX}")


def _cmd_demo(args: argparse.Namespace) -> None:
    with create_demo(args.project) as project:
        info = project.info()
        shortcuts = sorted(code.shortcut for code in project.codes.list() if code.shortcut)
    out(f"created demo project {info.path}")
    out(f"  {info.posts} posts in {info.channels} channel(s), from the bundled sample corpus")
    out(f"  {info.codes} codes in the demo codebook (shortcuts {', '.join(shortcuts)})")


def _cmd_import(args: argparse.Namespace) -> None:
    files: list[Path] = args.files
    with open_project(args.project) as project:
        options = ImportOptions(chats=tuple(args.chat), mapping=args.mapping, sheet=args.sheet)
        reports = with_progress("importing", lambda progress, cancel: project.import_files(
            files, args.format, progress, cancel, options))
    for report in reports:
        for line in report.lines():
            out(line)


def _cmd_posts(args: argparse.Namespace) -> None:
    with open_project(args.project) as project:
        if args.json:
            out(json_text([_post_record(post) for post in project.posts.iter_posts()]))
            return
        summaries = project.posts.summaries(project.posts.ids())
    if not summaries:
        out("(no posts)")
        return
    rows = _table_rows(summaries)
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for post_id, date, forwarder, text in rows:
        out(f"{post_id:>{widths[0]}}  {date:<{widths[1]}}  {forwarder:<{widths[2]}}  {text}")


def _cmd_info(args: argparse.Namespace) -> None:
    with open_project(args.project) as project:
        info = dataclasses.asdict(project.info())
    if args.json:
        out(json_text(info))
        return
    for key, value in info.items():
        out(f"{key.replace('_', ' ')}: {value}")


def register(command: CommandFactory) -> None:
    sub = command("init", _cmd_init, "Create an empty project file (never overwrites a file).")
    add_project_argument(sub, f"the new project file, e.g. corpus{PROJECT_SUFFIX}")
    sub = command("demo", _cmd_demo, "Create a demo project: the sample channel (18 posts) "
                  "and a demo codebook with shortcuts 1-9.")
    add_project_argument(sub, f"the new project file, e.g. demo{PROJECT_SUFFIX}")
    sub = command("import", _cmd_import, "Import files into a project, all in one transaction "
                  "(every file or none).")
    add_project_argument(sub, "an existing project file")
    sub.add_argument("files", type=Path, nargs="+", metavar="FILE",
                     help="files or export folders to import")
    sub.add_argument("--format", choices=registry.format_ids(), default=registry.AUTO,
                     help="the input format (default: %(default)s, detected from the content)")
    sub.add_argument("--chat", action="append", default=[], metavar="NAME|ID",
                     help="for an export of a whole account: a chat to import (repeatable)")
    sub.add_argument("--mapping", type=Path, metavar="FILE",
                     help="for CSV/XLSX: the column mapping (YAML or JSON; see "
                     "schemas/import-mapping.schema.json); default: a detected preset")
    sub.add_argument("--sheet", metavar="NAME", help="for XLSX: the sheet (default: the first)")
    sub = command("posts", _cmd_posts, "List the posts of a project.")
    add_project_argument(sub, "an existing project file")
    sub.add_argument("--json", action="store_true", help="print a JSON array of whole posts")
    sub = command("info", _cmd_info, "Show a project's counts and schema version.")
    add_project_argument(sub, "an existing project file")
    sub.add_argument("--json", action="store_true", help="print a JSON object")
