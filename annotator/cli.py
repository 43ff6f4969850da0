"""``annotator-cli``: create, import into, inspect and exchange projects without the GUI.

Never imports Qt (an import-linter contract checks it). Exit status: 0 on success; 2 for
anything the user can fix, reported as one ``error: ...`` line on stderr; 1 for an internal
error, whose traceback goes to a log file; 130 when interrupted (imports are atomic, so an
interrupted import leaves the project unchanged).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import io
import json
import os
import sys
import threading
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import platformdirs

from annotator import __version__
from annotator.core.agreement import text as agreement_text
from annotator.core.agreement.options import ReportOptions
from annotator.core.agreement.report import UnitKind
from annotator.core.agreement_service import agreement_report
from annotator.core.annotations import table
from annotator.core.codebook.exchange import apply_spec, export_spec
from annotator.core.codebook.files import read_codebook, write_codebook
from annotator.core.demo import create_demo
from annotator.core.errors import AnnotatorError
from annotator.core.importers import registry
from annotator.core.importers.base import ImportOptions
from annotator.core.model import Post
from annotator.core.posts.service import PostSummary
from annotator.core.progress import Cancelled, CancelToken, no_progress
from annotator.core.project import PROJECT_SUFFIX, Project

PROG = "annotator-cli"
EXIT_OK, EXIT_INTERNAL, EXIT_USER, EXIT_CANCELLED = 0, 1, 2, 130
LOG_DIR_ENV = "ANNOTATOR_LOG_DIR"
PREVIEW_CHARS = 60
FORWARDER_CHARS = 24
NEWLINE_MARK = "⏎"

T = TypeVar("T")


class CliError(Exception):
    """A user error found by the command line itself; ``str()`` is the one-line message."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, with no usage block."""

    def error(self, message: str) -> NoReturn:
        raise CliError(f"{_one_line(message)} (see {self.prog} --help)")


def _one_line(text: str) -> str:
    return " ".join(part.strip() for part in text.splitlines() if part.strip())


def _out(line: str = "") -> None:
    print(line, file=sys.stdout)


def _err(line: str) -> None:
    print(line, file=sys.stderr, flush=True)



def _open(path: Path) -> Project:
    """Open a project; the core refuses missing, foreign and newer files (exit 2)."""
    project = Project.open(path)
    if project.upgraded_from is not None:
        _err(
            f"note: upgraded {path} from schema version {project.upgraded_from} to "
            f"{project.schema_version()}; backup at {project.backup}"
        )
    return project


class _TtyProgress:
    """``label NN%`` rewritten in place on stderr (used only when stderr is a terminal)."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.shown = -1

    def __call__(self, done: int, total: int) -> None:
        percent = min(100, 100 * done // total) if total > 0 else 0
        if percent != self.shown:
            self.shown = percent
            sys.stderr.write(f"\r{self.label} {percent:3d}%")
            sys.stderr.flush()

    def clear(self) -> None:
        if self.shown >= 0:
            sys.stderr.write("\r" + " " * (len(self.label) + 5) + "\r")
            sys.stderr.flush()


def _cancellable(work: Callable[[CancelToken], T]) -> T:
    """Run ``work`` on a worker thread so that Ctrl+C cancels it through its token.

    If the work finished anyway, its result stands; if it was cancelled, the core's
    :class:`Cancelled` propagates (and becomes exit status 130).
    """
    cancel = CancelToken()
    results: list[T] = []
    failures: list[BaseException] = []
    finished = threading.Event()  # not Thread.join: an interrupted join can return early

    def run() -> None:
        try:
            results.append(work(cancel))
        except BaseException as exc:  # re-raised on the main thread below
            failures.append(exc)
        finally:
            finished.set()

    threading.Thread(target=run, name="annotator-cli-worker", daemon=True).start()
    try:
        while not finished.wait(0.1):
            pass
    except KeyboardInterrupt:
        cancel.cancel()
        while not finished.wait(0.1):  # a second Ctrl+C exits at once; SQLite rolls back
            pass
    if failures:
        raise failures[0]
    return results[0]


def _iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _post_record(post: Post) -> dict[str, Any]:
    return {
        "id": post.id,
        "uuid": post.uuid,
        "external_id": post.external_id,
        "channel": post.channel,
        "author": post.author,
        "forwarded_from": post.forwarded_from,
        "date": _iso(post.date),
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


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1)



def _cmd_init(args: argparse.Namespace) -> None:
    with Project.create(args.project) as project:
        _out(f"created empty project {project.path}")
    if args.project.suffix != PROJECT_SUFFIX:
        _err(f"note: Annotator project files usually end in {PROJECT_SUFFIX}")


def _cmd_demo(args: argparse.Namespace) -> None:
    with create_demo(args.project) as project:
        info = project.info()
        shortcuts = sorted(code.shortcut for code in project.codes.list() if code.shortcut)
    _out(f"created demo project {info.path}")
    _out(f"  {info.posts} posts in {info.channels} channel(s), from the bundled sample corpus")
    _out(f"  {info.codes} codes in the demo codebook (shortcuts {', '.join(shortcuts)})")


def _cmd_import(args: argparse.Namespace) -> None:
    files: list[Path] = args.files
    with _open(args.project) as project:
        progress = _TtyProgress("importing") if sys.stderr.isatty() else None
        try:
            options = ImportOptions(chats=tuple(args.chat), mapping=args.mapping,
                                    sheet=args.sheet)
            reports = _cancellable(
                lambda cancel: project.import_files(
                    files, args.format, progress or no_progress, cancel, options
                )
            )
        finally:
            if progress is not None:
                progress.clear()
    for report in reports:
        for line in report.lines():
            _out(line)


def _cmd_posts(args: argparse.Namespace) -> None:
    with _open(args.project) as project:
        if args.json:
            _out(_json([_post_record(post) for post in project.posts.iter_posts()]))
            return
        summaries = project.posts.summaries(project.posts.ids())
    if not summaries:
        _out("(no posts)")
        return
    rows = _table_rows(summaries)
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for post_id, date, forwarder, text in rows:
        _out(f"{post_id:>{widths[0]}}  {date:<{widths[1]}}  {forwarder:<{widths[2]}}  {text}")


def _cmd_info(args: argparse.Namespace) -> None:
    with _open(args.project) as project:
        info = dataclasses.asdict(project.info())
    if args.json:
        _out(_json(info))
        return
    for key, value in info.items():
        _out(f"{key.replace('_', ' ')}: {value}")


def _cmd_codebook(args: argparse.Namespace) -> None:
    with _open(args.project) as project:
        if args.dump is not None:
            notes = write_codebook(export_spec(project.sessions), args.dump)
            _out(f"wrote codebook version {project.codes.version()} "
                 f"({len(project.codes.list())} codes) to {args.dump}")
        elif args.changelog:
            notes = ()
            for change in project.codes.changelog():
                when = change.at.strftime("%Y-%m-%d %H:%M UTC")
                _out(f"v{change.version}  {when}  {change.author}  {change.action}: "
                     f"{change.summary}")
        else:
            read = read_codebook(args.load)
            notes = read.notes
            diff, _changes = apply_spec(project.sessions, read.spec, lambda: project.actor,
                                        merge_into=args.merge_into,
                                        delete_removed=args.delete_removed,
                                        dry_run=args.dry_run)
            for line in diff.lines():
                _out(line)
            verb = "would be" if args.dry_run else "is now"
            _out(f"codebook {verb} version {diff.version}")
    for note in notes:
        _err(f"note: {note}")


def _cmd_annotations(args: argparse.Namespace) -> None:
    with _open(args.project) as project:
        if args.load is not None:
            count, _changes = table.load(args.load, project.sessions)
            _out(f"loaded {count} annotations")
            return
        try:
            count = table.dump(args.dump, project.sessions)
        except OSError as exc:
            raise CliError(f"{args.dump}: cannot write the file: {exc.strerror or exc}") from exc
    _out(f"wrote {count} annotations to {args.dump}")



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
    with _open(args.project) as project:
        options = _agreement_options(project, args)
        progress = _TtyProgress("computing") if sys.stderr.isatty() else None
        try:
            report = _cancellable(lambda cancel: agreement_report(
                project, options, progress or no_progress, cancel))
        finally:
            if progress is not None:
                progress.clear()
    if args.json:
        _out(_json(report.to_json()))
    else:
        sys.stdout.write(agreement_text.render(report, None if args.all else 50))


def _add_agreement(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("project", type=Path, metavar="PROJECT", help="an existing project file")
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


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Annotator without the GUI: create projects, import Telegram posts, "
        "list posts, and load or dump annotations.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", required=True, parser_class=_Parser
    )

    def command(name: str, run: Callable[[argparse.Namespace], None], summary: str) -> Any:
        sub = commands.add_parser(name, help=summary, description=summary)
        sub.set_defaults(run=run, subparser=sub)
        return sub

    def project_argument(sub: argparse.ArgumentParser, what: str) -> None:
        sub.add_argument("project", type=Path, metavar="PROJECT", help=what)

    sub = command("init", _cmd_init, "Create an empty project file (never overwrites a file).")
    project_argument(sub, f"the new project file, e.g. corpus{PROJECT_SUFFIX}")
    sub = command("demo", _cmd_demo, "Create a demo project: the sample channel (18 posts) "
                  "and a demo codebook with shortcuts 1-9.")
    project_argument(sub, f"the new project file, e.g. demo{PROJECT_SUFFIX}")
    sub = command("import", _cmd_import, "Import files into a project, all in one transaction "
                  "(every file or none).")
    project_argument(sub, "an existing project file")
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
    project_argument(sub, "an existing project file")
    sub.add_argument("--json", action="store_true", help="print a JSON array of whole posts")
    sub = command("info", _cmd_info, "Show a project's counts and schema version.")
    project_argument(sub, "an existing project file")
    sub.add_argument("--json", action="store_true", help="print a JSON object")
    sub = command("codebook", _cmd_codebook, "Load a codebook file into a project, dump the "
                  "project's codebook, or show its changelog (.yaml, .yml, .json, .qdc).")
    project_argument(sub, "an existing project file")
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
    project_argument(sub, "an existing project file")
    action = sub.add_mutually_exclusive_group(required=True)
    action.add_argument("--load", type=Path, metavar="FILE", help="add the annotations in FILE "
                        "(columns post, coder, code, start, end, memo; every row or none)")
    action.add_argument("--dump", type=Path, metavar="FILE", help="write every annotation to FILE")
    _add_agreement(command("agreement", _cmd_agreement, "Inter-coder agreement on the posts "
                           "that two or more coders marked done: per code, per coder pair, "
                           "with intervals and the disagreements."))
    return parser



def _use_utf8() -> None:
    for stream, errors in ((sys.stdout, "strict"), (sys.stderr, "backslashreplace")):
        if isinstance(stream, io.TextIOWrapper):
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(encoding="utf-8", errors=errors)


def _log_dir() -> Path:
    return Path(os.environ.get(LOG_DIR_ENV) or platformdirs.user_log_dir("annotator"))


def _write_log(exc: BaseException, argv: list[str]) -> Path:
    folder = _log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    details = (
        f"{PROG} {__version__} on Python {sys.version.split()[0]} ({sys.platform})\n"
        f"arguments: {argv!r}\n\n" + "".join(traceback.format_exception(exc))
    )
    for attempt in range(1, 1000):
        path = folder / f"{PROG}-{stamp}{'' if attempt == 1 else f'-{attempt}'}.log"
        try:
            with path.open("x", encoding="utf-8") as handle:
                handle.write(details)
        except FileExistsError:
            continue
        return path
    raise FileExistsError(folder / f"{PROG}-{stamp}.log")


def _internal_error(exc: BaseException, argv: list[str]) -> int:
    summary = f"{type(exc).__name__}: {_one_line(str(exc))}"
    try:
        path = _write_log(exc, argv)
    except OSError as log_exc:
        _err(f"internal error: {summary}; could not write details to {_log_dir()}: {log_exc}")
    else:
        _err(f"internal error: {summary}; details written to {path}")
    return EXIT_INTERNAL


def _exit_code(code: object) -> int:
    if code is None:
        return EXIT_OK
    return code if isinstance(code, int) else EXIT_USER


def main(argv: list[str] | None = None) -> int:
    """Run ``annotator-cli`` with ``argv`` (default: ``sys.argv[1:]``); returns the exit status."""
    _use_utf8()
    arguments = sys.argv[1:] if argv is None else list(argv)
    try:
        try:
            args, extra = build_parser().parse_known_args(arguments)
        except SystemExit as exc:  # --help and --version
            return _exit_code(exc.code)
        if extra:
            args.subparser.error(f"unrecognized arguments: {' '.join(extra)}")
        args.run(args)
        sys.stdout.flush()
    except CliError as exc:
        _err(f"error: {exc}")
        return EXIT_USER
    except AnnotatorError as exc:
        _err(f"error: {_one_line(str(exc))}")
        for problem in getattr(exc, "problems", None) or ():  # every problem of a file
            _err(f"  {problem}")
        return EXIT_USER
    except (KeyboardInterrupt, Cancelled):
        _err("cancelled")
        return EXIT_CANCELLED
    except BrokenPipeError:  # e.g. `annotator-cli posts x | head`
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_INTERNAL
    except OSError as exc:
        if exc.filename is None:  # not about a path the user named
            return _internal_error(exc, arguments)
        _err(f"error: {exc.filename}: {exc.strerror or exc}")
        return EXIT_USER
    except Exception as exc:
        return _internal_error(exc, arguments)
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
