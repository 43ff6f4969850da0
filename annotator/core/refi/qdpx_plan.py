"""Turning a read ``.qdpx`` into the coders, posts and annotations to store (no database).

* **Coders** come from ``Users``: uuid = the user's GUID (a new one when it is not a
  GUID or repeats), name kept (numbered when it repeats, ``User <GUID>`` when empty).
  A selection or coding that names an undeclared user gets a coder ``Unknown user
  <id>`` (keeping the GUID), one without any user gets a coder named after the file.
* **Posts**, one per text source: identity = the source GUID, uuid = the same when it
  is a GUID not used before; the source's name, GUID, memos and variables go to the
  post's metadata. In files written by Annotator the post details (external id,
  date, author, forwarded from) come back from their document variables.
* **Annotations**, one per coding of a selection: offsets through the reading
  :func:`~.qdpx_text.choose_reading` picked for the source, then checked against the
  text (reversed spans swapped, spans reaching past the text clipped, empty or
  outside ones dropped); the coder is the coding's ``creatingUser``, else the
  selection's; the memo joins the selection's description and notes. A coding of
  the whole source (``TextSource/Coding``) becomes an annotation over the whole text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from annotator.core.codebook.spec import CodeKind, walk
from annotator.core.refi.guids import new_uuid, normalise_guid
from annotator.core.refi.qdpx_read import CodingIn, DocumentIn, SelectionIn, SourceIn, key_of
from annotator.core.refi.qdpx_text import (
    Choice,
    SourceText,
    choose_reading,
    name_matches,
    usable_name,
)
from annotator.core.refi.report import Report

UNKNOWN_USERS = "selections by users the file does not declare: a coder was added for each"
NO_USER = "selections without a user attributed to a coder named after the file"
RENAMED_USERS = "users with the name of an earlier user renamed"
REPLACED_IDS = "ids that are not GUIDs, or repeat one, were given a new uuid"
READINGS = "sources whose offsets were read another way (their selection names match then)"
NAME_MISMATCH = "selections whose name is not the text they select (imported as positioned)"
REVERSED = "selections with start after end: the two were swapped"
CLIPPED = "selections reaching past the text were clipped to it"
OUTSIDE = "selections outside the text, or empty, were dropped"
NO_CODING = "selections without a code (comments) were not imported"
UNKNOWN_CODES = "codings of codes the codebook does not hold were dropped"
VARIABLE_CODES = "codings of post-level variables were dropped (they take no spans)"
DUPLICATES = "codings repeating another of the same coder, code and span were dropped"
WHOLE = "codings of a whole source imported as annotations over its whole text"

_DETAILS = {"external id": "external_id", "author": "author",
            "forwarded from": "forwarded_from", "date": "date"}


@dataclass(frozen=True, slots=True)
class CoderPlan:
    uuid: str
    name: str


@dataclass(frozen=True, slots=True)
class AnnotationPlan:
    uuid: str
    code: str
    """The code's uuid."""
    coder: int
    """Index into :attr:`Plan.coders`."""
    start: int
    end: int
    quote: str
    memo: str
    created: datetime | None
    updated: datetime | None


@dataclass(slots=True)
class PostPlan:
    uuid: str
    identity: str
    text: str
    fields: dict[str, Any]
    """``external_id``, ``author``, ``forwarded_from``, ``date`` when known."""
    metadata: dict[str, Any]
    annotations: list[AnnotationPlan] = field(default_factory=list)


@dataclass(slots=True)
class Plan:
    coders: list[CoderPlan] = field(default_factory=list)
    posts: list[PostPlan] = field(default_factory=list)


class Planner:
    """Builds a :class:`Plan`; feed it the sources one by one with :meth:`add_source`."""

    def __init__(self, doc: DocumentIn, file_stem: str, report: Report, *, annotator: bool):
        self.doc = doc
        self.report = report
        self.annotator = annotator
        self.file_stem = file_stem
        self.plan = Plan()
        self.users: dict[str, int] = {}
        self.names: set[str] = set()
        self.uuids: dict[str, set[str]] = {"coder": set(), "post": set(), "annotation": set()}
        self.identities: set[str] = set()
        self.codes = {spec.uuid: spec.kind for _, spec in walk(doc.codes.codes)}
        self.no_user: int | None = None
        for user in doc.users:
            fallback = f"User {user.key[:8]}" if user.key else "Unnamed user"
            self._coder(user.key, user.uuid, user.name or fallback, user.where)

    def _unique(self, kind: str, wanted: str | None, where: str, raw: str) -> str:
        """``wanted`` when it is a uuid not taken by another ``kind``; else a new one.

        ``raw`` is the id as the file writes it, for the note."""
        taken = self.uuids[kind]
        uuid = wanted if wanted is not None and wanted not in taken else new_uuid()
        if uuid != wanted:
            self.report.add(REPLACED_IDS, f"{where} ({raw!r}) → {uuid}")
        taken.add(uuid)
        return uuid

    def _coder(self, key: str, uuid: str | None, name: str, where: str) -> int:
        uuid = self._unique("coder", uuid, where, key)
        unique, number = name, 2
        while unique in self.names:
            unique, number = f"{name} ({number})", number + 1
        if unique != name:
            self.report.add(RENAMED_USERS, f"{where} {name!r} → {unique!r}")
        self.names.add(unique)
        self.plan.coders.append(CoderPlan(uuid, unique))
        self.users.setdefault(key, len(self.plan.coders) - 1)
        return len(self.plan.coders) - 1

    def coder_for(self, reference: str | None, where: str) -> int:
        key = key_of(reference)
        if key is None:
            if self.no_user is None:
                self.no_user = self._coder("", new_uuid(), self.file_stem or "Imported", where)
            self.report.add(NO_USER, where)
            return self.no_user
        if key not in self.users:
            self.report.add(UNKNOWN_USERS, f"{where} ({reference})")
            self._coder(key, normalise_guid(reference), f"Unknown user {key[:8].upper()}",
                        where)
        return self.users[key]

    def add_source(self, source: SourceIn, text: SourceText) -> None:
        uuid = self._unique("post", source.guid, source.where, source.raw_guid)
        identity = source.guid or source.raw_guid
        if not identity or identity in self.identities:
            identity = uuid
        self.identities.add(identity)
        metadata: dict[str, Any] = {"refi_name": source.name, **source.metadata}
        post = PostPlan(uuid, identity, text.text, self._details(metadata), metadata)
        choice = choose_reading(text, [(s.start, s.end, s.name) for s in source.selections],
                                self.doc.origin)
        if not choice.reading.standard:
            self.report.add(READINGS, f"{source.where}: {choice.reading.describe()} "
                            f"({choice.matched} of {choice.named} names match)")
        seen: set[tuple[str, int, int, int]] = set()
        for selection in source.selections:
            self._selection(post, selection, choice, seen)
        for coding in source.whole:
            if text.text:
                self.report.add(WHOLE, coding.where)
                self._coding(post, coding, (0, len(text.text)), coding.guid, "", seen)
        self.plan.posts.append(post)

    def _details(self, metadata: dict[str, Any]) -> dict[str, Any]:
        variables = metadata.get("refi_variables")
        if not self.annotator or not isinstance(variables, dict):
            return {}
        fields: dict[str, Any] = {}
        for name, column in _DETAILS.items():
            value = variables.pop(name, None)
            if value and column == "date":
                try:
                    moment = datetime.fromisoformat(value)
                except ValueError:
                    variables[name] = value
                else:
                    fields[column] = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
            elif value:
                fields[column] = value
        variables.pop("channel", None)
        if not variables:
            del metadata["refi_variables"]
        return fields

    def _selection(
        self, post: PostPlan, selection: SelectionIn, choice: Choice,
        seen: set[tuple[str, int, int, int]],
    ) -> None:
        start, end = choice.offsets.offset(selection.start), choice.offsets.offset(selection.end)
        span = self._checked(start, end, len(post.text), selection.where)
        if span is None:
            return
        name = usable_name(selection.name)
        if name is not None and not name_matches(name, post.text[span[0]:span[1]]):
            self.report.add(NAME_MISMATCH, selection.where)
        if not selection.codings:
            self.report.add(NO_CODING, selection.where)
        memo = "\n\n".join(selection.memos)
        for coding in selection.codings:
            guid = selection.guid if len(selection.codings) == 1 else coding.guid
            self._coding(post, coding, span, guid, memo, seen,
                         created=selection.created, updated=selection.modified)

    def _checked(self, start: int, end: int, length: int, where: str) -> tuple[int, int] | None:
        if start > end:
            self.report.add(REVERSED, f"{where} [{start}, {end})")
            start, end = end, start
        clipped = (max(start, 0), min(end, length))
        if clipped[0] >= clipped[1]:
            self.report.add(OUTSIDE, f"{where} [{start}, {end}) in 0..{length}")
            return None
        if clipped != (start, end):
            self.report.add(CLIPPED, f"{where} [{start}, {end}) → [{clipped[0]}, {clipped[1]})")
        return clipped

    def _coding(
        self, post: PostPlan, coding: CodingIn, span: tuple[int, int], guid: str | None,
        memo: str, seen: set[tuple[str, int, int, int]],
        created: datetime | None = None, updated: datetime | None = None,
    ) -> None:
        code = self.doc.codes.resolve(coding.code)
        if code is None:
            self.report.add(UNKNOWN_CODES, f"{coding.where} ({coding.code})")
            return
        if self.codes.get(code) is CodeKind.VARIABLE:
            self.report.add(VARIABLE_CODES, coding.where)
            return
        coder = self.coder_for(coding.user, coding.where)
        if (code, coder, *span) in seen:
            self.report.add(DUPLICATES, coding.where)
            return
        seen.add((code, coder, *span))
        taken = self.uuids["annotation"]
        uuid = guid if guid is not None and guid not in taken else new_uuid()
        taken.add(uuid)
        when = coding.created or created
        post.annotations.append(AnnotationPlan(
            uuid, code, coder, span[0], span[1], post.text[span[0]:span[1]], memo, when,
            updated or when))
