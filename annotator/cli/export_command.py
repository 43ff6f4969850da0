"""``export`` (Excel, CSV folder, REFI-QDA .qdpx) and ``import-qdpx`` (a new project)."""

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
    with_progress,
)
from annotator.cli.selection import code_ids, coder_ids
from annotator.core.export.options import ExportFormat, ExportOptions, format_for
from annotator.core.export.service import export_project
from annotator.core.project import PROJECT_SUFFIX
from annotator.core.refi.qdpx_project import import_into_new_project


def _cmd_export(args: argparse.Namespace) -> None:
    target: Path = args.target
    try:
        fmt = ExportFormat(args.format) if args.format else format_for(target)
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    with open_project(args.project) as project:
        options = ExportOptions(
            coders=coder_ids(project, args.coders), codes=code_ids(project, args.codes),
            filters=_filters_text(args), agreement=not args.no_agreement,
            resamples=args.resamples, seed=args.seed)
        summary = with_progress("exporting", lambda progress, cancel: export_project(
            project, target, fmt, options, progress, cancel))
    out(f"wrote {fmt.value} export to {summary.path}")
    for name, count in summary.rows.items():
        out(f"  {name}: {count} rows")
    if len(summary.files) > 1:
        out(f"  {len(summary.files)} files")
    for note in summary.notes:
        err(f"note: {note}")
    for warning in summary.warnings:
        err(f"warning: {warning}")


def _filters_text(args: argparse.Namespace) -> str:
    parts = []
    if args.coders:
        parts.append(f"coders: {args.coders}")
    if args.codes:
        parts.append(f"codes: {args.codes}")
    return "; ".join(parts)


def _cmd_import_qdpx(args: argparse.Namespace) -> None:
    source: Path = args.file
    target: Path = args.project
    if target.exists():
        raise CliError(f"{target} exists; import-qdpx creates a new project")
    if not source.is_file():
        raise CliError(f"{source}: no such file")
    report = with_progress("importing", lambda progress, cancel: import_into_new_project(
        source, target, progress, cancel))
    for line in report.lines():
        out(line)
    if target.suffix != PROJECT_SUFFIX:
        err(f"note: Annotator project files usually end in {PROJECT_SUFFIX}")


def register(command: CommandFactory) -> None:
    sub = command("export", _cmd_export, "Export a project: an Excel workbook (.xlsx), a "
                  "folder of tidy CSV files, or a REFI-QDA project (.qdpx) for other QDA tools.")
    add_project_argument(sub, "an existing project file")
    sub.add_argument("target", type=Path, metavar="OUT",
                     help="out.xlsx, out.qdpx, or a folder for CSV files")
    sub.add_argument("--format", choices=[f.value for f in ExportFormat],
                     help="the format (default: from OUT's suffix; a folder means csv)")
    sub.add_argument("--coders", metavar="A,B,...", help="only these coders' work "
                     "(names or uuids; default: all)")
    sub.add_argument("--codes", metavar="PATH,...", help="only these codes (paths or uuids; a "
                     "parent includes its subcodes; default: all)")
    sub.add_argument("--no-agreement", action="store_true",
                     help="leave out the agreement sheet / file")
    sub.add_argument("--resamples", type=int, default=1000, metavar="N",
                     help="bootstrap resamples for the agreement intervals (default: "
                     "%(default)s)")
    sub.add_argument("--seed", type=int, default=1, help="bootstrap seed (default: %(default)s)")
    sub = command("import-qdpx", _cmd_import_qdpx, "Create a new project from a REFI-QDA "
                  "project (.qdpx) exported by ATLAS.ti, NVivo, MAXQDA, QualCoder or Annotator.")
    sub.add_argument("file", type=Path, metavar="FILE", help="the .qdpx file")
    add_project_argument(sub, f"the new project file, e.g. study{PROJECT_SUFFIX}")
