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
from annotator.core.agreement.options import ReportOptions
from annotator.core.agreement.report import UnitKind
from annotator.core.agreement.text import render
from annotator.core.agreement_service import agreement_report
from annotator.core.project import Project


def _names(text: str | None) -> list[str]:
    return [] if text is None else [part.strip() for part in text.split(",") if part.strip()]


def _agreement_options(project: Project, args: argparse.Namespace) -> ReportOptions:
    coders = None
    if args.coders is not None:
        by_key: dict[str, int] = {}
        for coder in project.coders.list():
            by_key[coder.uuid] = by_key[coder.name.casefold()] = coder.id
        wanted = _names(args.coders)
        missing = [n for n in wanted if n.casefold() not in by_key and n not in by_key]
        if missing:
            raise CliError(f"no coder named {', '.join(missing)}")
        coders = tuple(dict.fromkeys(by_key.get(n, by_key.get(n.casefold(), 0)) for n in wanted))
        if len(coders) < 2:
            raise CliError("--coders needs at least two coders")
    codes = None
    if args.codes is not None:
        every = project.codes.list()
        chosen: list[int] = []
        for name in _names(args.codes):
            path = tuple(p.strip() for p in name.split("/"))
            found = [c.id for c in every if c.uuid == name or c.path[:len(path)] == path]
            if not found:
                raise CliError(f"no code {name!r} (give a path such as Frames/Threat, or a uuid)")
            chosen += found
        codes = tuple(dict.fromkeys(chosen))
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
