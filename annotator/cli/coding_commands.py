"""Codebook and annotation exchange: ``codebook`` and ``annotations``."""

from __future__ import annotations

import argparse
from pathlib import Path

from annotator.cli.console import (
    CliError,
    CommandFactory,
    add_project_argument,
    err,
    open_project,
    out,
)
from annotator.core.annotations import table
from annotator.core.codebook.exchange import apply_spec, export_spec
from annotator.core.codebook.files import read_codebook, write_codebook


def _cmd_codebook(args: argparse.Namespace) -> None:
    with open_project(args.project) as project:
        if args.dump is not None:
            notes = write_codebook(export_spec(project.sessions), args.dump)
            out(f"wrote codebook version {project.codes.version()} "
                 f"({len(project.codes.list())} codes) to {args.dump}")
        elif args.changelog:
            notes = ()
            for change in project.codes.changelog():
                when = change.at.strftime("%Y-%m-%d %H:%M UTC")
                out(f"v{change.version}  {when}  {change.author}  {change.action}: "
                     f"{change.summary}")
        else:
            read = read_codebook(args.load)
            notes = read.notes
            diff, _changes = apply_spec(project.sessions, read.spec, lambda: project.actor,
                                        merge_into=args.merge_into,
                                        delete_removed=args.delete_removed,
                                        dry_run=args.dry_run)
            for line in diff.lines():
                out(line)
            verb = "would be" if args.dry_run else "is now"
            out(f"codebook {verb} version {diff.version}")
    for note in notes:
        err(f"note: {note}")


def _cmd_annotations(args: argparse.Namespace) -> None:
    with open_project(args.project) as project:
        if args.load is not None:
            count, _changes = table.load(args.load, project.sessions)
            out(f"loaded {count} annotations")
            return
        try:
            count = table.dump(args.dump, project.sessions)
        except OSError as exc:
            raise CliError(f"{args.dump}: cannot write the file: {exc.strerror or exc}") from exc
    out(f"wrote {count} annotations to {args.dump}")


def register(command: CommandFactory) -> None:
    sub = command("codebook", _cmd_codebook, "Load a codebook file into a project, dump the "
                  "project's codebook, or show its changelog (.yaml, .yml, .json, .qdc).")
    add_project_argument(sub, "an existing project file")
    action = sub.add_mutually_exclusive_group(required=True)
    action.add_argument("--load", type=Path, metavar="FILE", help="make the project's codebook "
                        "equal to FILE; codes are matched by uuid, then by path")
    action.add_argument("--dump", type=Path, metavar="FILE", help="write the codebook to FILE")
    action.add_argument("--changelog", action="store_true", help="list every codebook change")
    fate = sub.add_mutually_exclusive_group()
    fate.add_argument("--merge-into", metavar="CODE", help="with --load: move the annotations "
                      "of removed codes to CODE (a path or uuid in the file)")
    fate.add_argument("--delete-removed", action="store_true", help="with --load: delete the "
                      "annotations of removed codes")
    sub.add_argument("--dry-run", action="store_true",
                     help="with --load: show the difference and change nothing")
    sub = command("annotations", _cmd_annotations, "Load annotations from, or dump them to, "
                  "a CSV or JSON file (chosen by the extension).")
    add_project_argument(sub, "an existing project file")
    action = sub.add_mutually_exclusive_group(required=True)
    action.add_argument("--load", type=Path, metavar="FILE", help="add the annotations in FILE "
                        "(columns post, coder, code, start, end, memo; every row or none)")
    action.add_argument("--dump", type=Path, metavar="FILE", help="write every annotation to FILE")
