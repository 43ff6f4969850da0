"""Import a REFI-QDA project exchange file (``.qdpx``) into a new, empty project.

Everything is stored in one transaction: the codebook (through
:func:`annotator.core.codebook.exchange.apply_spec`, in a savepoint of that
transaction), the coders, one source record (format ``refi-qda``) with one channel
named after the REFI project (or the file), one post per text source and one
annotation per coding. An error or a cancel leaves the project as it was.

The reader is lenient (see :mod:`.qdpx_archive`, :mod:`.qdpx_read`,
:mod:`.qdpx_text`, :mod:`.qdpx_plan` for the vendor variants it accepts) and says in
:attr:`QdpxImportReport.warnings` what it repaired or could not carry, with XML
paths. Input it cannot read at all — not a ZIP archive, no ``.qde``, malformed XML,
a root other than ``Project``, a text source whose file is missing — raises
:class:`~annotator.core.errors.InputFileError` naming the file and the archive member
or XML path.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree
from sqlalchemy import insert, select
from sqlalchemy.orm import Session, sessionmaker

from annotator.core.codebook.exchange import apply_spec
from annotator.core.codebook.qdc import is_annotator_origin
from annotator.core.codebook.spec import CodebookSpec, walk
from annotator.core.codebook.versions import current_version
from annotator.core.errors import AnnotatorError, InputFileError
from annotator.core.importers.base import ParsedChannel
from annotator.core.importers.channels import ChannelResolver
from annotator.core.importers.service import text_sha256
from annotator.core.progress import CancelToken, Progress, check_cancel, no_progress
from annotator.core.refi.qdpx_archive import QdpxArchive, Where, open_archive
from annotator.core.refi.qdpx_plan import Plan, Planner
from annotator.core.refi.qdpx_read import DocumentIn, LoadText, SourceIn, read_document
from annotator.core.refi.qdpx_text import SourceText, decode_source
from annotator.core.refi.report import Report
from annotator.core.refi.xml import (
    PROJECT_NAMESPACE,
    Element,
    attribute,
    line_of,
    local_name,
    namespace,
    parser,
    schema_problems,
)
from annotator.core.storage.bulk import insert_posts
from annotator.core.storage.schema import AnnotationRow, CodeRow, CoderRow, PostRow, SourceRow
from annotator.core.storage.types import utc_now
from annotator.core.textnorm import comparison_sha256

if TYPE_CHECKING:
    from annotator.core.project import Project

FORMAT = "refi-qda"
SCHEMA_NOTES = "not valid against the REFI-QDA schema Project.xsd (read anyway)"
PATH_NOTES = {
    Where.BARE: "source paths without internal:// read from the archive",
    Where.ELSEWHERE: "source files found outside the sources/ folder, by their name",
}
INLINE_TEXT = "sources whose file is missing read from their PlainTextContent"
NO_TEXT = "sources without a plain text (only a rich-text file, or nothing) were not imported"
EMPTY = "sources with an empty text were not imported"
ENCODING_NOTES = {
    "cp1252": "source files that are not UTF-8 read as Windows-1252",
    "utf-16": "source files in UTF-16 read",
}
BOM_REMOVED = "byte order marks removed from source files"
MISSING_NOTES = "notes whose text is not a .txt file of the archive were read without it"
_BATCH = 500


class ProjectNotEmpty(AnnotatorError):
    """A REFI-QDA project is imported into a new, empty project only."""

    def __str__(self) -> str:
        return "a REFI-QDA project (.qdpx) can only be imported into a new, empty project"


@dataclass(frozen=True, slots=True)
class QdpxImportReport:
    """What :func:`read_qdpx` stored, and what it repaired or dropped (with XML paths)."""

    path: Path
    origin: str | None
    sources: int
    """Posts created, one per text source."""
    codes: int
    users: int
    """Coders created (declared users plus stand-ins for undeclared ones)."""
    selections: int
    """Annotations created (one per coding)."""
    warnings: tuple[str, ...] = ()
    source_id: int | None = None

    def lines(self) -> list[str]:
        """A plain-text report for the command line: the counts, then every warning."""
        origin = f" (made by {self.origin})" if self.origin else ""
        return [
            f"imported {self.path.name} as REFI-QDA{origin}",
            f"texts: {self.sources}",
            f"codes: {self.codes}",
            f"coders: {self.users}",
            f"coded segments: {self.selections}",
            *(f"warning: {warning}" for warning in self.warnings),
        ]


def read_qdpx(
    path: Path,
    project: Project,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> QdpxImportReport:
    """Import the ``.qdpx`` at ``path`` into ``project``, all or nothing.

    Raises :class:`ProjectNotEmpty` unless the project has no posts, codes or coders,
    :class:`InputFileError` for unreadable input and
    :class:`~annotator.core.progress.Cancelled`; in each case nothing is written.
    Runs on any thread (it opens its own session).
    """
    path = Path(path)
    info = project.info()
    if info.sources or info.posts or info.codes or info.coders or info.annotations:
        raise ProjectNotEmpty()
    report = Report()
    with open_archive(path) as archive:
        root = _parse(archive)
        origin = attribute(root, "origin")
        _note_schema(root, report)
        doc = read_document(root, report, _note_loader(archive, report),
                            annotator=is_annotator_origin(origin))
        planner = Planner(doc, path.stem, report, annotator=is_annotator_origin(origin))
        for done, source in enumerate(doc.sources):
            check_cancel(cancel)
            text = _source_text(archive, source, report)
            if text is not None:
                planner.add_source(source, text)
            progress(done + 1, len(doc.sources) + 1)
    with path.open("rb") as handle:
        digest = hashlib.file_digest(handle, "sha256").hexdigest()
    warnings = tuple(report.notes())
    source_id = _store(project, path, digest, doc, planner.plan, warnings, cancel)
    progress(1, 1)
    return QdpxImportReport(
        path=path, origin=origin, sources=len(planner.plan.posts),
        codes=len(walk(doc.codes.codes)), users=len(planner.plan.coders),
        selections=sum(len(post.annotations) for post in planner.plan.posts),
        warnings=warnings, source_id=source_id)


def _parse(archive: QdpxArchive) -> Element:
    data = archive.read(archive.qde)
    try:
        root = etree.fromstring(data, parser())
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if isinstance(exc.lineno, int) and exc.lineno > 0 else None
        raise InputFileError(archive.path, f"{archive.qde}: not well-formed XML ({exc.msg})",
                             line=line) from exc
    if local_name(root) != "Project":
        raise InputFileError(archive.path, f"{archive.qde}: the root element is "
                             f"<{local_name(root)}>, not <Project>", line=line_of(root))
    return root


def _note_schema(root: Element, report: Report) -> None:
    found = namespace(root)
    if found != PROJECT_NAMESPACE:
        shown = "no namespace" if found is None else f"namespace {found!r}"
        report.add(f"{shown} read as the standard {PROJECT_NAMESPACE!r}")
    for line, message in schema_problems(root, "Project.xsd", PROJECT_NAMESPACE):
        report.add(SCHEMA_NOTES, f"line {line}: {message}" if line is not None else message)


def _note_loader(archive: QdpxArchive, report: Report) -> LoadText:
    def load(reference: str, where: str) -> str | None:
        resolved = archive.resolve(reference)
        if resolved.member is None or not resolved.member.lower().endswith(".txt"):
            report.add(MISSING_NOTES, f"{where} {reference!r}")
            return None
        return decode_source(archive.read(resolved.member)).text

    return load


def _source_text(archive: QdpxArchive, source: SourceIn, report: Report) -> SourceText | None:
    """The source's text, or ``None`` (noted) when it has none to import."""
    text: SourceText | None = None
    if source.plain_path is not None:
        resolved = archive.resolve(source.plain_path)
        if resolved.member is not None:
            text = decode_source(archive.read(resolved.member))
            if resolved.where in PATH_NOTES:
                report.add(PATH_NOTES[resolved.where], f"{source.where} {source.plain_path!r}")
        elif source.content is None:
            raise InputFileError(archive.path, f"{source.where}/@plainTextPath: "
                                 f"{source.plain_path!r} is not in the archive")
        else:
            report.add(INLINE_TEXT, source.where)
    if text is None and source.content is not None:
        text = SourceText(source.content, source.content.replace("\r\n", "\n"))
    if text is None:
        report.add(NO_TEXT, f"{source.where} {source.name!r}")
        return None
    if not text.text:
        report.add(EMPTY, f"{source.where} {source.name!r}")
        return None
    if text.encoding in ENCODING_NOTES:
        report.add(ENCODING_NOTES[text.encoding], source.where)
    if text.bom:
        report.add(BOM_REMOVED, source.where)
    return text


def _store(
    project: Project, path: Path, digest: str, doc: DocumentIn, plan: Plan,
    warnings: tuple[str, ...], cancel: CancelToken | None,
) -> int:
    with project.sessions.begin() as session:
        if doc.codes.codes:
            # apply_spec opens its own transaction: join it to this one as a savepoint.
            joined = sessionmaker(bind=session.connection(), expire_on_commit=False,
                                  join_transaction_mode="create_savepoint")
            spec = CodebookSpec(name=doc.name or path.stem, codes=doc.codes.codes,
                                origin=doc.origin)
            apply_spec(joined, spec, lambda: project.actor)
        codes = {uuid: code_id for uuid, code_id in session.execute(
            select(CodeRow.uuid, CodeRow.id))}
        coders = [CoderRow(uuid=c.uuid, name=c.name) for c in plan.coders]
        session.add_all(coders)
        source = SourceRow(file_name=path.name, format=FORMAT, sha256=digest,
                           n_posts=len(plan.posts), n_added=len(plan.posts), n_duplicates=0,
                           warnings=list(warnings),
                           meta={"origin": doc.origin, "project": doc.name,
                                 "description": doc.description})
        session.add(source)
        session.flush()
        title = doc.name or path.stem
        channel = ChannelResolver(session, {title: ParsedChannel(title, title)}).row_id(title)
        version = current_version(session)
        for lo in range(0, len(plan.posts), _BATCH):
            check_cancel(cancel)
            _store_posts(session, source.id, channel, plan, lo, codes,
                         [c.id for c in coders], version)
        check_cancel(cancel)
        return source.id


def _store_posts(
    session: Session, source_id: int, channel_id: int, plan: Plan, lo: int,
    codes: dict[str, int], coders: list[int], version: int,
) -> None:
    batch = plan.posts[lo : lo + _BATCH]
    insert_posts(session, [{
        "uuid": post.uuid, "source_id": source_id, "channel_id": channel_id,
        "identity": post.identity, "external_id": post.fields.get("external_id"),
        "author": post.fields.get("author"), "forwarded_from": post.fields.get("forwarded_from"),
        "date": post.fields.get("date"), "text": post.text, "text_sha256": text_sha256(post.text),
        "metadata": post.metadata, "position": lo + index, "version": 1,
        "comparison_sha256": comparison_sha256(post.text),
    } for index, post in enumerate(batch)])
    ids = {uuid: post_id for uuid, post_id in session.execute(
        select(PostRow.uuid, PostRow.id).where(PostRow.uuid.in_([p.uuid for p in batch])))}
    now = utc_now()
    rows = [{
        "uuid": a.uuid, "post_id": ids[post.uuid], "code_id": codes[a.code],
        "coder_id": coders[a.coder], "start": a.start, "end": a.end, "quote": a.quote,
        "memo": a.memo, "created": a.created or now, "updated": a.updated or a.created or now,
        "codebook_version": version,
    } for post in batch for a in post.annotations]
    if rows:
        session.execute(insert(AnnotationRow), rows)
