"""``agreement``: the inter-coder agreement report as text or JSON."""

from __future__ import annotations

import argparse
import sys

from annotator.cli.console import (
    CliError,
    CommandFactory,
    add_project_argument,
    json_text,
    open_project,
    out,
    with_progress,
)
from annotator.cli.selection import code_ids, coder_ids
from annotator.core.agreement.options import ReportOptions
from annotator.core.agreement.report import UnitKind
from annotator.core.agreement.text import render
from annotator.core.agreement_service import agreement_report
from annotator.core.project import Project


def _agreement_options(project: Project, args: argparse.Namespace) -> ReportOptions:
    coders = coder_ids(project, args.coders)
    if coders is not None and len(coders) < 2:
        raise CliError("--coders needs at least two coders")
    codes = code_ids(project, args.codes)
    try:
        return ReportOptions(unit=UnitKind(args.unit), coders=coders, codes=codes,
                             codebook_version=args.codebook_version, threshold=args.threshold,
                             resamples=args.resamples, seed=args.seed,
                             confidence=args.confidence)
    except ValueError as exc:
        raise CliError(str(exc)) from exc


def _cmd_agreement(args: argparse.Namespace) -> None:
    with open_project(args.project) as project:
        options = _agreement_options(project, args)
        report = with_progress("computing", lambda progress, cancel: agreement_report(
            project, options, progress, cancel))
    if args.json:
        out(json_text(report.to_json()))
    else:
        sys.stdout.write(render(report, None if args.all else 50))


def register(command: CommandFactory) -> None:
    sub = command("agreement", _cmd_agreement, "Inter-coder agreement on the posts that two "
                  "or more coders marked done: per code, per coder pair, with intervals and "
                  "the disagreements.")
    add_project_argument(sub, "an existing project file")
    sub.add_argument("--unit", choices=[u.value for u in UnitKind], default="presence",
                     help="the unit of analysis: post x code presence, post-level variables, "
                     "characters, segments matched by overlap, or unitized alpha "
                     "(default: %(default)s)")
    sub.add_argument("--coders", metavar="A,B,...", help="coder names or uuids (default: all)")
    sub.add_argument("--codes", metavar="PATH,...", help="code paths or uuids; a parent "
                     "includes its subcodes (default: every code the unit applies to)")
    sub.add_argument("--codebook-version", type=int, metavar="N",
                     help="only annotations and values made under codebook version N")
    sub.add_argument("--threshold", type=float, default=0.5, metavar="J",
                     help="segment unit: the Jaccard overlap segments need to match "
                     "(default: %(default)s)")
    sub.add_argument("--resamples", type=int, default=1000, metavar="N",
                     help="bootstrap resamples for the intervals, 0 for none "
                     "(default: %(default)s)")
    sub.add_argument("--seed", type=int, default=1, help="bootstrap seed (default: %(default)s)")
    sub.add_argument("--confidence", type=float, default=0.95,
                     help="interval coverage (default: %(default)s)")
    sub.add_argument("--all", action="store_true", help="list every disagreement (default: "
                     "the first 50)")
    sub.add_argument("--json", action="store_true", help="print the report as JSON")
