"""Importer for a plain-text copy of a Telegram channel's web preview (``t.me/s/<channel>``).

The grammar is described in ``shared/formats/telegram-web-preview-text.md``: a header (title,
counter lines, description, ``Download Telegram``), then posts, each an optional
``Forwarded from NAME`` line, body lines and a reactions line such as ``👍431🔥1``.

Post bodies are kept verbatim (only ``\\r\\n`` becomes ``\\n`` and blank lines around a body are
trimmed). Posts get a content-derived identity (never a position), so a later, overlapping copy
of the same channel de-duplicates against an earlier one. Reaction counts glued together by the
copy are ambiguous; every consistent reading is stored, never a single guessed total.
``n_chars`` counts code points (Telegram counts UTF-16 units).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from annotator.core.errors import InputFileError
from annotator.core.importers.base import (
    ImportOptions,
    ImportWarning,
    ParsedChannel,
    ParsedPost,
    ParsedSource,
    Sample,
)
from annotator.core.importers.tg_reactions import (
    ReactionsLine,
    count_value,
    parse_reactions_line,
)
from annotator.core.progress import CancelToken, Progress, check_cancel, no_progress
from annotator.core.textfile import read_text

FORMAT_ID = "tg-text"
_PROGRESS_EVERY = 200
_SNIFF_LINES = 60
_DOWNLOAD = "Download Telegram"
_HASH_CHARS = 32
_SHOWN_READINGS = 3

_USERNAME_RE = re.compile(r"@([A-Za-z][A-Za-z0-9_]{3,31})")
_FWD_RE = re.compile(r"Forwarded from[ \u00a0]+(\S.*?)\s*")
_COUNTER_RE = re.compile(
    r"([0-9]+(?:[.,][0-9]+)?[KM]?)[ \u00a0]+(subscriber|photo|video|file|link)s?"
)
_TABLE_MIN_DELIMITERS = 2  # three columns
_TABLE_MIN_LINES = 2  # a header and a row
_ORPHAN_VS = "\ufe0e\ufe0f"
_DELIMITERS = ",;\t|"

_NO_POSTS = (
    "no posts found: expected a plain-text copy of a Telegram channel's web preview "
    "(t.me/s/<channel>): a header (channel title, counter lines such as '3.46K subscribers', "
    "the description, 'Download Telegram'), then posts, each optionally starting with a "
    "'Forwarded from <name>' line and ending with a reactions line such as '👍12🔥3'"
)


def _blank(line: str) -> bool:
    return not line.strip()  # NBSP counts as whitespace


def forwarded_name(line: str) -> str | None:
    """The NAME of a ``Forwarded from NAME`` line (space or NBSP after ``from``), else ``None``."""
    match = _FWD_RE.fullmatch(line)
    return match.group(1) if match else None


def normalise_body(text: str) -> str:
    """A normalised copy of a body for search and de-duplication (never for display).

    NFC; NBSP -> space; orphan VS15/VS16 at line starts dropped; trailing whitespace stripped
    per line (so whitespace-only lines become empty); runs of blank lines collapsed to one;
    the whole result trimmed.
    """
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ")
    out: list[str] = []
    for raw in text.split("\n"):
        line = raw.lstrip(_ORPHAN_VS).rstrip()
        if not line and out and not out[-1]:
            continue
        out.append(line)
    return "\n".join(out).strip()


def content_key(title: str, forwarded_from: str | None, text: str) -> str:
    """``tgtext:<first 32 hex of sha256>`` over title, forwarder and normalised body."""
    key = "\x1f".join([title, forwarded_from or "", normalise_body(text)])
    return "tgtext:" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:_HASH_CHARS]


def post_identity(title: str, forwarded_from: str | None, text: str, occurrence: int) -> str:
    """A post's identity: its :func:`content_key`, ``:``, and its 1-based occurrence number
    among posts of the same file with the same key (counted in file order)."""
    return f"{content_key(title, forwarded_from, text)}:{occurrence}"


class _Lines:
    """The file's lines with context-guarded classification (format notes, rules 1-2)."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self._cache: dict[int, ReactionsLine | None] = {}
        self._next_content = [len(lines)] * (len(lines) + 1)
        for j in range(len(lines) - 1, -1, -1):
            self._next_content[j] = j if not _blank(lines[j]) else self._next_content[j + 1]
        self._blank_separated, self._emoji_reactions = _reaction_style(lines)

    def reactions_at(self, j: int) -> ReactionsLine | None:
        if j not in self._cache:
            self._cache[j] = self._guarded(j)
        return self._cache[j]

    def _guarded(self, j: int) -> ReactionsLine | None:
        found = parse_reactions_line(self.lines[j])
        if found is None:
            return None
        after = j + 1
        if not found.has_emoji:
            if j > 0 and _blank(self.lines[j - 1]):
                return None  # e.g. a "2024" paragraph
            if not self._emoji_reactions:
                return found  # a copy whose reactions all lost their icons (or encoding)
            # Where other reactions lines have emoji, digits alone ("2024", "1") are body
            # text, unless only the end of the file or a forwarded post can follow.
            following = self._next_content[after]
            ends = following >= len(self.lines)
            if not ends and forwarded_name(self.lines[following]) is None:
                return None
            if following != after and not ends:
                return None
            return found
        blank_then_content = (
            after < len(self.lines)
            and _blank(self.lines[after])
            and self._next_content[after] < len(self.lines)
        )
        if blank_then_content and not self._blank_separated:
            return None  # a reactions line is followed by EOF or a post, never by a blank
        return found

    def boundary_after(self, start: int) -> int | None:
        """The first ``Forwarded from`` or reactions line at or after ``start``."""
        for j in range(start, len(self.lines)):
            if forwarded_name(self.lines[j]) is not None or self.reactions_at(j) is not None:
                return j
        return None


def _reaction_style(lines: list[str]) -> tuple[bool, bool]:
    """How this copy writes reactions lines: (blank line after each, any with emoji).

    Some copies (other browsers, other copy methods) put a blank line after every
    reactions line; the sample does not. Decided for the whole file: two thirds of the
    (at least three) emoji reactions lines are followed by a blank line.
    """
    followed = total = 0
    for j, line in enumerate(lines):
        found = parse_reactions_line(line)
        if found is not None and found.has_emoji:
            total += 1
            followed += j + 1 < len(lines) and _blank(lines[j + 1])
    return total >= 3 and followed * 3 >= total * 2, total > 0


@dataclass(slots=True)
class _Header:
    title: str
    username: str | None = None
    counters: dict[str, str] = field(default_factory=dict)
    description: str = ""
    complete: bool = False
    posts_start: int = 0


def _trim_blank(lines: list[str]) -> list[str]:
    lo, hi = 0, len(lines)
    while lo < hi and _blank(lines[lo]):
        lo += 1
    while hi > lo and _blank(lines[hi - 1]):
        hi -= 1
    return lines[lo:hi]


def _read_header(path: Path, doc: _Lines, warnings: list[ImportWarning]) -> _Header:
    lines = doc.lines
    first = next((j for j, line in enumerate(lines) if not _blank(line)), len(lines))
    if first == len(lines):
        raise InputFileError(path, "the file is empty; " + _NO_POSTS)
    if forwarded_name(lines[first]) is not None or doc.reactions_at(first) is not None:
        warnings.append(
            ImportWarning("header_incomplete", "no channel header; using the file name", first + 1)
        )
        return _Header(title=path.stem, posts_start=first)
    header = _Header(title=lines[first].strip())
    j = first + 1
    if j < len(lines) and (handle := _USERNAME_RE.fullmatch(lines[j].strip())):
        header.username = handle.group(1)  # some copies keep the @username line
        j += 1
    while j < len(lines) and (match := _COUNTER_RE.fullmatch(lines[j].strip())):
        header.counters[match.group(2) + "s"] = match.group(1)
        j += 1
    end = j
    while end < len(lines) and lines[end].strip() != _DOWNLOAD:
        if forwarded_name(lines[end]) is not None:
            end = len(lines)
            break
        end += 1
    if end < len(lines):
        header.complete = True
        header.posts_start = end + 1
        header.description = "\n".join(_trim_blank(lines[j:end]))
        return header
    boundary = doc.boundary_after(j)
    if boundary is not None and forwarded_name(lines[boundary]) is not None:
        header.description = "\n".join(_trim_blank(lines[j:boundary]))
        header.posts_start = boundary
        detail = "the header ends at the first 'Forwarded from' line"
    else:
        header.posts_start = j
        detail = "the description cannot be told apart from the first post; kept as a post"
    warnings.append(
        ImportWarning(
            "header_incomplete",
            f"no '{_DOWNLOAD}' line: {detail}",
            (boundary if boundary is not None else j) + 1,
        )
    )
    return header


def _describe(found: ReactionsLine) -> str:
    shown = [
        " ".join(f"{r.emoji or '?'}{r.count}" for r in reading)
        for reading in found.readings[:_SHOWN_READINGS]
    ]
    more = " | …" if len(found.readings) > _SHOWN_READINGS else ""
    amount = f"at least {len(found.readings)}" if found.capped else str(len(found.readings))
    capped = " (enumeration capped)" if found.capped else ""
    return (
        f"reactions line {found.raw.strip()!r} has {amount} readings{capped}; stored raw: "
        + " | ".join(shown)
        + more
    )


@dataclass(slots=True)
class _Open:
    start: int
    forwarded_from: str | None
    body: list[str] = field(default_factory=list)


class _Parser:
    def __init__(
        self, path: Path, text: str, progress: Progress, cancel: CancelToken | None
    ) -> None:
        self.path = path
        self.progress = progress
        self.cancel = cancel
        lines = text.removeprefix("\ufeff").replace("\r\n", "\n").split("\n")
        if len(lines) > 1 and lines[-1] == "":
            lines.pop()  # the newline ending the last line
        self.doc = _Lines(lines)
        self.warnings: list[ImportWarning] = []
        self.posts: list[ParsedPost] = []
        self.occurrences: Counter[str] = Counter()
        self.title = ""

    def run(self) -> ParsedSource:
        check_cancel(self.cancel)
        header = _read_header(self.path, self.doc, self.warnings)
        self.title = header.title
        self._read_posts(header.posts_start)
        if not self.posts:
            raise InputFileError(self.path, _NO_POSTS)
        if not (header.complete or header.counters or self._has_evidence()):
            raise InputFileError(self.path, "no Telegram header or reactions found; " + _NO_POSTS)
        channel = ParsedChannel(
            key=header.title,
            title=header.title,
            metadata={
                "counters": dict(header.counters),
                "counters_parsed": {k: count_value(v) for k, v in header.counters.items()},
                "description": header.description,
            },
            username=header.username,
        )
        return ParsedSource(
            format=FORMAT_ID,
            channels={channel.key: channel},
            posts=self.posts,
            warnings=self.warnings,
            metadata={"header_complete": header.complete},
        )

    def _has_evidence(self) -> bool:
        """Whether a post proves the format (a forwarder, or a reaction with an emoji)."""
        for post in self.posts:
            if post.forwarded_from is not None:
                return True
            for reading in post.metadata["reactions_readings"]:
                if any(reaction["emoji"] for reaction in reading):
                    return True
        return False

    def _read_posts(self, start: int) -> None:
        lines = self.doc.lines
        total = len(lines)
        current: _Open | None = None
        for j in range(start, total):
            if (j - start) % _PROGRESS_EVERY == 0:
                check_cancel(self.cancel)
                self.progress(j, total)
            name = forwarded_name(lines[j])
            if name is not None:
                if current is not None:
                    self._close(current, None, j)
                current = _Open(j, name)
                continue
            found = self.doc.reactions_at(j)
            if found is not None:
                self._close(current or _Open(j, None), found, j)
                current = None
            elif current is not None:
                current.body.append(lines[j])
            elif not _blank(lines[j]):
                current = _Open(j, None, [lines[j]])
        if current is not None:
            self._close(current, None, total)
        check_cancel(self.cancel)
        self.progress(total, total)

    def _close(self, post: _Open, found: ReactionsLine | None, end: int) -> None:
        index = len(self.posts)
        text = "\n".join(_trim_blank(post.body))
        line = post.start + 1
        key = content_key(self.title, post.forwarded_from, text)
        self.occurrences[key] += 1
        occurrence = self.occurrences[key]
        readings = [[r.as_dict() for r in reading] for reading in found.readings] if found else []
        self.posts.append(
            ParsedPost(
                channel=self.title,
                identity=f"{key}:{occurrence}",
                text=text,
                forwarded_from=post.forwarded_from,
                line=line,
                metadata={
                    "reactions_raw": found.raw if found else None,
                    "reactions": readings[0] if len(readings) == 1 else None,
                    "reactions_readings": readings,
                    "reactions_missing": found is None,
                    "n_chars": len(text),
                    "source_line": line,
                    "occurrence": occurrence,
                },
            )
        )
        if not text:
            self._warn("empty_body", "post has no text (a media-only post?)", line, index)
        if found is None:
            if end >= len(self.doc.lines):
                why = "the last post has no reactions line; the file may be truncated"
            else:
                why = f"post has no reactions line before the 'Forwarded from' line {end + 1}"
            self._warn("reactions_missing", why, line, index)
        elif not found.ordered:
            self._warn("reactions_unordered", f"reactions line {found.raw.strip()!r} is not in "
                       "descending order of counts; read as written", end + 1, index)
        elif len(found.readings) > 1:
            self._warn("reactions_ambiguous", _describe(found), end + 1, index)

    def _warn(self, code: str, message: str, line: int, post: int) -> None:
        self.warnings.append(ImportWarning(code, message, line, post))


def _looks_tabular(lines: list[str]) -> bool:
    sample = [line for line in lines if line.strip()][:10]
    if len(sample) < _TABLE_MIN_LINES:
        return False
    for delim in _DELIMITERS:
        if sample[0].count(delim) >= _TABLE_MIN_DELIMITERS:
            rows = sum(1 for line in sample if line.count(delim) >= _TABLE_MIN_DELIMITERS)
            if rows * 2 >= len(sample):
                return True
    return False


def sniff_text(head: str) -> bool:
    """Whether ``head`` (the first few KB of decoded text) looks like a web-preview copy."""
    text = head.removeprefix("\ufeff")
    stripped = text.lstrip()
    if not stripped or stripped[0] in "{[<":
        return False
    lines = text.replace("\r\n", "\n").split("\n")[:_SNIFF_LINES]
    if _looks_tabular(lines):
        return False
    content = [line.strip() for line in lines if not _blank(line)]
    counters_at = 2 if len(content) > 1 and _USERNAME_RE.fullmatch(content[1]) else 1
    if len(content) > counters_at and _COUNTER_RE.fullmatch(content[counters_at]):
        return True
    if _DOWNLOAD in content and any(_COUNTER_RE.fullmatch(line) for line in content):
        return True
    has_forward = any(forwarded_name(line) is not None for line in lines)
    return has_forward and any(
        (found := parse_reactions_line(line)) is not None and found.has_emoji for line in lines
    )


class TgTextImporter:
    """Reads a plain-text copy of a ``t.me/s/<channel>`` page (see the module docstring)."""

    format_id: ClassVar[str] = FORMAT_ID
    label: ClassVar[str] = "Telegram web preview (text copy)"

    def sniff(self, sample: Sample) -> bool:
        return sample.text is not None and sniff_text(sample.text)

    def parse(
        self,
        path: Path,
        options: ImportOptions,
        progress: Progress,
        cancel: CancelToken | None,
    ) -> ParsedSource:
        """Read and parse the file; see :class:`~annotator.core.importers.base.Importer`.

        The file is decoded whole (these copies are small). Raises
        :class:`InputFileError` when no post is found and
        :class:`~annotator.core.progress.Cancelled` when ``cancel`` is set.
        """
        decoded = read_text(path)
        parsed = parse_text(path, decoded.text, progress, cancel)
        parsed.warnings[:0] = decoded.warnings
        parsed.metadata["encoding"] = decoded.encoding
        return parsed


def parse_text(
    path: Path, text: str, progress: Progress = no_progress, cancel: CancelToken | None = None
) -> ParsedSource:
    """Parse decoded ``text`` (the content of ``path``, named in errors)."""
    return _Parser(path, text, progress, cancel).run()
