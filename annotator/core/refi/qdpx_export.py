"""Export a project as a REFI-QDA project exchange file (``.qdpx``).

The archive holds ``project.qde`` at the root and ``sources/<post uuid>.txt``, one
UTF-8 file per post (no BOM; Annotator stores ``\\n`` line ends only), byte for byte
the text the offsets count. What goes where:

=====================  ============================================================
Annotator              REFI-QDA
=====================  ============================================================
project file name      ``Project@name``; ``@origin`` = ``Annotator <version>``;
                       ``@creationDateTime`` = the export time (the only part that
                       changes between two exports of the same project)
coder                  ``Users/User@guid`` (coder uuid) ``@name``
code tree              ``CodeBook/Codes/Code`` nested (uuid, name, colour,
                       description; Annotator's other fields in a text block, see
                       :mod:`.code_text`); post-level variables as codes with their
                       levels as sub-codes
post                   ``Sources/TextSource@guid`` (post uuid) ``@name`` (channel and
                       external id, else date, else ``#<id>``; unique and safe as a
                       file name) ``@plainTextPath="internal://<uuid>.txt"``
                       ``@creationDateTime`` (when its file was imported)
post details, values   ``Variables`` + ``TextSource/VariableValue``
                       (:mod:`.qdpx_variables`)
annotation             ``PlainTextSelection@guid`` (annotation uuid)
                       ``@startPosition/@endPosition`` (code points, end exclusive)
                       ``@name`` (the quote) ``@creatingUser`` (coder)
                       ``@creationDateTime/@modifiedDateTime``, holding one ``Coding``
                       (GUID derived from the annotation's) with a ``CodeRef``
annotation memo        ``PlainTextSelection/Description``
=====================  ============================================================

``TextSource@creatingUser`` is left out: no coder created a post, and a pseudo-user
(as ATLAS.ti adds) would become a spurious coder in every tool that imports it.
The document is validated against ``schemas/refi-qda/Project.xsd`` and the semantic
checks of :mod:`.qdpx_checks` before anything is written; a failure there is a bug
(:class:`InvalidQdpx`), never the user's.
"""

from __future__ import annotations

import dataclasses
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree
from sqlalchemy import select

from annotator import __version__
from annotator.core.codebook.exchange import export_spec
from annotator.core.codebook.qdc import FIELDS_AS_TEXT, VARIABLES_AS_CODES
from annotator.core.codebook.spec import CodebookSpec, CodeSpec
from annotator.core.export.options import ExportOptions
from annotator.core.model import Annotation, Code, Coder, Post
from annotator.core.progress import CancelToken, Progress, check_cancel, no_progress
from annotator.core.refi.qdpx_archive import QDE_NAME, SOURCES_FOLDER
from annotator.core.refi.qdpx_checks import document_problems
from annotator.core.refi.qdpx_document import (
    DocumentOut,
    SelectionOut,
    SourceOut,
    UserOut,
    build_document,
)
from annotator.core.refi.qdpx_variables import VariableTable
from annotator.core.refi.report import Report, quoted
from annotator.core.refi.xml import parser, schema_problems
from annotator.core.storage.schema import CodebookRow, PostStatusRow, PostValueRow
from annotator.core.storage.types import utc_now

if TYPE_CHECKING:
    from annotator.core.project import Project

ORIGIN = f"Annotator {__version__}"
_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
_BATCH = 500
_UNSAFE_IN_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
_NAME_LIMIT = 120

VALUES_AS_VARIABLES = (
    "post-level variable values written as document variables, one per variable and coder "
    "(a REFI-QDA value has no coder)"
)
METADATA_LEFT_OUT = "post metadata fields not exported (REFI-QDA has no place for them)"
STATUSES_LEFT_OUT = "coders' post statuses (in progress, done) are not part of REFI-QDA"
CODEBOOK_DETAILS = (
    "the codebook's name, description and version, and the codebook version of each "
    "annotation, are not part of a REFI-QDA project"
)
VALUES_LEFT_OUT = "post-level values that REFI-QDA cannot hold were left out"


class InvalidQdpx(RuntimeError):
    """The document :func:`write_qdpx` built fails the schema or its checks: a bug."""


@dataclass(frozen=True, slots=True)
class _Scope:
    """What the options select, resolved against the project."""

    coders: tuple[Coder, ...]
    codes: tuple[Code, ...]
    post_ids: tuple[int, ...]


def write_qdpx(
    project: Project,
    path: Path,
    options: ExportOptions | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> list[str]:
    """Write the selected part of ``project`` to ``path`` as a ``.qdpx`` archive.

    ``options`` choose coders, codes (their ancestors come along to keep the tree)
    and posts. Returns warnings about what REFI-QDA could not carry. Writes ``path``
    directly (callers stage and rename; see :mod:`annotator.core.export.service`).
    Raises :class:`~annotator.core.progress.Cancelled` before anything is written, and
    ``OSError``, which may leave a partial file. Runs on any thread. The texts of the
    exported posts are held in memory until the document has been checked.
    """
    options = options or ExportOptions()
    report = Report()
    exported_at = utc_now()
    scope = _scope(project, options)
    spec = export_spec(project.sessions)
    codes = _codebook(project, spec, scope, report)
    table, annotations = _values_and_annotations(project, spec.uuid or project.path.name,
                                                 scope, report)
    total = len(scope.post_ids) + 1
    sources, texts, metadata_keys = _sources(project, scope, annotations, table,
                                             lambda done: progress(done, total), cancel)
    for key in sorted(metadata_keys):
        report.add(METADATA_LEFT_OUT, key)
    _note_statuses(project, scope, report)
    doc = DocumentOut(name=project.path.stem, origin=ORIGIN, created=exported_at,
                      users=tuple(UserOut(c.uuid, c.name) for c in scope.coders), codes=codes,
                      variables=table.variables(), sources=tuple(sources))
    data = _serialise(doc, texts, report)
    check_cancel(cancel)
    _write_archive(path, data, [(s.file_name, texts[s.file_name]) for s in sources],
                   exported_at)
    progress(total, total)
    return report.notes()


def _sources(
    project: Project,
    scope: _Scope,
    annotations: dict[int, list[Annotation]],
    table: VariableTable,
    progress: Callable[[int], None],
    cancel: CancelToken | None,
) -> tuple[list[SourceOut], dict[str, bytes], set[str]]:
    """One source per post in reading order, the texts by file name, the metadata keys."""
    sources: list[SourceOut] = []
    texts: dict[str, bytes] = {}
    metadata_keys: set[str] = set()
    names: set[str] = set()
    code_uuids = {code.id: code.uuid for code in scope.codes}
    coder_uuids = {coder.id: coder.uuid for coder in scope.coders}
    imported = {source.id: source.imported_at for source in project.sources.list()}
    for lo in range(0, len(scope.post_ids), _BATCH):
        check_cancel(cancel)
        for post in project.posts.get_many(scope.post_ids[lo : lo + _BATCH]):
            metadata_keys.update(post.metadata)
            table.add_details(post)
            file_name = f"{post.uuid.upper()}.txt"
            texts[file_name] = post.text.encode("utf-8")
            selections = tuple(_selection(a, code_uuids, coder_uuids)
                               for a in annotations.get(post.id, ()))
            sources.append(SourceOut(post.uuid, _source_name(post, names), file_name,
                                     imported.get(post.source_id), selections,
                                     table.values(post.id)))
        progress(min(lo + _BATCH, len(scope.post_ids)))
    return sources, texts, metadata_keys


def _scope(project: Project, options: ExportOptions) -> _Scope:
    coders = tuple(c for c in project.coders.list()
                   if options.coders is None or c.id in options.coders)
    all_codes = project.codes.list()
    if options.codes is None:
        codes = tuple(all_codes)
    else:
        by_id = {code.id: code for code in all_codes}
        wanted: set[int] = set()
        for code_id in options.codes:
            current = by_id.get(code_id)
            while current is not None and current.id not in wanted:
                wanted.add(current.id)
                current = by_id.get(current.parent_id) if current.parent_id else None
        codes = tuple(code for code in all_codes if code.id in wanted)
    ordered = project.posts.ids()
    if options.post_ids is not None:
        chosen = set(options.post_ids)
        ordered = [post_id for post_id in ordered if post_id in chosen]
    return _Scope(coders, codes, tuple(ordered))


def _codebook(
    project: Project, spec: CodebookSpec, scope: _Scope, report: Report
) -> tuple[CodeSpec, ...]:
    """The exported code tree (with uuids), and the notes on what it cannot hold."""
    keep = {code.uuid for code in scope.codes}

    def kept(codes: tuple[CodeSpec, ...]) -> tuple[CodeSpec, ...]:
        return tuple(dataclasses.replace(c, children=kept(c.children))
                     for c in codes if c.uuid in keep)

    for code in scope.codes:
        if code.is_variable:
            report.add(VARIABLES_AS_CODES, quoted(code.path))
    for code in scope.codes:
        if (code.inclusion or code.exclusion or code.examples or code.memo
                or code.shortcut is not None):
            report.add(FIELDS_AS_TEXT, quoted(code.path))
    with project.sessions() as session:
        book = session.scalar(select(CodebookRow).limit(1))
        if book is not None and (book.name or book.description or book.version > 1):
            report.add(CODEBOOK_DETAILS)
    return kept(spec.codes)


def _values_and_annotations(
    project: Project, seed: str, scope: _Scope, report: Report
) -> tuple[VariableTable, dict[int, list[Annotation]]]:
    """The document variables and, per post, the annotations to export (by start, end)."""
    posts = set(scope.post_ids)
    coders = {coder.id: coder for coder in scope.coders}
    codes = {code.id: code for code in scope.codes}
    annotations: dict[int, list[Annotation]] = {}
    for annotation in project.annotations.all():
        if (annotation.post_id in posts and annotation.coder_id in coders
                and annotation.code_id in codes):
            annotations.setdefault(annotation.post_id, []).append(annotation)
    for found in annotations.values():
        found.sort(key=lambda a: (a.span.start, a.span.end, codes[a.code_id].path,
                                  coders[a.coder_id].name, a.uuid))
    table = VariableTable(seed)
    values = _stored_values(project, posts, set(coders), set(codes))
    pairs = {(code_id, coder_id) for _, code_id, coder_id, _ in values}
    for code in scope.codes:
        for coder in scope.coders:
            if (code.id, coder.id) in pairs:
                table.declare_value(code, coder)
    for post_id, code_id, coder_id, value in values:
        if not table.add_value(post_id, codes[code_id], coders[coder_id], value):
            report.add(VALUES_LEFT_OUT, f"post {post_id}, {quoted(codes[code_id].path)}, "
                       f"{coders[coder_id].name}: {value!r}")
    if pairs:
        report.add(VALUES_AS_VARIABLES)
    return table, annotations


def _stored_values(
    project: Project, posts: set[int], coders: set[int], codes: set[int]
) -> list[tuple[int, int, int, object]]:
    with project.sessions() as session:
        rows = session.execute(select(PostValueRow.post_id, PostValueRow.code_id,
                                      PostValueRow.coder_id, PostValueRow.value)
                               .order_by(PostValueRow.post_id, PostValueRow.code_id,
                                         PostValueRow.coder_id))
        return [(p, c, k, v) for p, c, k, v in rows if p in posts and k in coders and c in codes]


def _note_statuses(project: Project, scope: _Scope, report: Report) -> None:
    with project.sessions() as session:
        rows = session.execute(select(PostStatusRow.post_id, PostStatusRow.coder_id)
                               .where(PostStatusRow.status != "not_started"))
        posts, coders = set(scope.post_ids), {c.id for c in scope.coders}
        if any(p in posts and c in coders for p, c in rows):
            report.add(STATUSES_LEFT_OUT)


def _selection(
    annotation: Annotation, codes: dict[int, str], coders: dict[int, str]
) -> SelectionOut:
    return SelectionOut(uuid=annotation.uuid, start=annotation.span.start,
                        end=annotation.span.end, quote=annotation.quote,
                        code=codes[annotation.code_id], coder=coders[annotation.coder_id],
                        memo=annotation.memo, created=annotation.created,
                        updated=annotation.updated)


def _source_name(post: Post, taken: set[str]) -> str:
    """Channel plus external id, else date, else ``#<id>``; safe as a file name, unique."""
    if post.external_id:
        detail = post.external_id
    elif post.date is not None:
        detail = post.date.astimezone(UTC).strftime("%Y-%m-%d %H-%M-%S")
    else:
        detail = f"#{post.id}"
    base = " ".join(_UNSAFE_IN_NAME.sub("_", f"{post.channel_title} {detail}").split())
    base = base[:_NAME_LIMIT].rstrip(" .") or f"post {post.id}"
    name, number = base, 2
    while name in taken:
        name, number = f"{base} ({number})", number + 1
    taken.add(name)
    return name


def _serialise(doc: DocumentOut, texts: dict[str, bytes], report: Report) -> bytes:
    """``project.qde``'s bytes, after the schema and the semantic checks passed."""
    root = build_document(doc, report)
    data = _DECLARATION + etree.tostring(root, encoding="UTF-8", pretty_print=True)
    reparsed = etree.fromstring(data, parser())
    problems = [message for _, message in schema_problems(reparsed, "Project.xsd")]
    problems += document_problems(reparsed, texts.get)
    if problems:
        shown = "; ".join(problems[:10])
        raise InvalidQdpx(f"the exported project.qde is not valid ({len(problems)}): {shown}")
    return data


def _write_archive(
    path: Path, document: bytes, texts: Sequence[tuple[str, bytes]], moment: datetime
) -> None:
    stamp = moment.astimezone(UTC).timetuple()[:6]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(_entry(QDE_NAME, stamp), document)
        for file_name, data in texts:
            archive.writestr(_entry(f"{SOURCES_FOLDER}/{file_name}", stamp), data)


def _entry(name: str, stamp: tuple[int, ...]) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=stamp)  # type: ignore[arg-type]
    info.compress_type = zipfile.ZIP_DEFLATED
    return info
