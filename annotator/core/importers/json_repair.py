"""A streaming byte reader that repairs Telegram Desktop's invalid ``\\xNN`` string escapes.

Telegram Desktop escapes control characters other than ``\\n \\r \\t`` as ``\\xNN``, which is
not JSON (strict parsers stop with "invalid escape"). :class:`RepairingReader` wraps a binary
file and rewrites each such escape to ``\\u00NN`` while it is read, so a 1 GB ``result.json``
never has to be loaded or copied whole.

Escapes are scanned left to right, as a JSON lexer would: a backslash starts an escape and
the character after it belongs to that escape, so ``\\\\`` pairs are kept as they are and
``C:\\\\xfiles`` (a literal backslash followed by ``xfiles``) survives, which a blind regex
over the bytes would corrupt. Backslashes only occur inside strings in valid JSON, so the
scan needs no string tracking. An escape cut by a chunk boundary is held back until the next
read completes it.

The reader also remembers where it is (lines before the chunk the parser is working on) so a
parse error can be turned into a line number: :meth:`RepairingReader.error_line`.
:func:`open_json` puts it together for importers: a file opened for ijson with repair,
progress by bytes, cancellation, and :class:`InputFileError` for unreadable or malformed input.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import ijson

from annotator.core.errors import InputFileError
from annotator.core.progress import CancelToken, Progress, check_cancel, no_progress

_BACKSLASH = b"\\"
_X = 0x78  # "x"
_HEX = frozenset(b"0123456789abcdefABCDEF")
_CARET_COLUMN = 40
"""yajl's verbose error puts the failing offset at this column of its context line
(yajl_render_error_string pads with ``40 - offset`` spaces, or 10 when 30 bytes precede)."""
_CONTEXT_START = 10


def repair_escapes(data: bytes, final: bool = True) -> tuple[bytes, bytes, int]:
    """Rewrite every ``\\xHH`` escape of ``data`` to ``\\u00HH``.

    Returns ``(ready, held, repairs)``: ``ready`` is the repaired text up to the last escape
    that ``data`` completes; ``held`` is an escape cut off at the end (a lone trailing
    backslash, ``\\x`` or ``\\xH``), to be put in front of the next chunk; it is empty when
    ``final`` (the end of the input: an incomplete escape is left for the parser to report).
    A ``\\x`` not followed by two hex digits is left as it is (invalid either way).
    ``data`` must start outside an escape. Without repairs, ``data`` itself is returned.
    """
    # Hopping from backslash to backslash (memchr) is several times faster than searching
    # for b"\\x", and most chunks have only a few dozen escapes, nearly all \\n and \\".
    find = data.find
    size = len(data)
    out: list[bytes] | None = None
    start = repairs = 0
    i = find(_BACKSLASH)
    while i != -1:
        nxt = i + 2  # the escaped character belongs to this escape, even if it is a backslash
        if nxt > size or (data[i + 1] == _X and i + 4 > size):
            if final:
                break
            ready = data[:i] if out is None else b"".join([*out, data[start:i]])
            return ready, data[i:], repairs
        if data[i + 1] == _X and data[i + 2] in _HEX and data[i + 3] in _HEX:
            if out is None:
                out = []
            out.append(data[start:i])
            out.append(b"\\u00" + data[i + 2 : nxt + 2])
            start = nxt = i + 4
            repairs += 1
        i = find(_BACKSLASH, nxt)
    if out is None:
        return data, b"", 0
    out.append(data[start:])
    return b"".join(out), b"", repairs


class RepairingReader:
    """A read-only binary stream over ``raw`` with ``\\xNN`` escapes repaired.

    Strips a UTF-8 byte order mark at the start. ``on_read(raw_bytes_read)`` is called after
    every read from ``raw`` (for progress and cancellation; an exception it raises propagates
    to the caller of :meth:`read`). ``repairs`` counts the escapes rewritten so far.
    """

    def __init__(self, raw: BinaryIO, on_read: Callable[[int], None] | None = None) -> None:
        self._raw = raw
        self._on_read = on_read
        self._held = b""
        self._eof = False
        self._started = False
        self.raw_bytes_read = 0
        self.repairs = 0
        self.last_chunk = b""
        """The bytes :meth:`read` returned last (the parser's current buffer)."""
        self._last_start = 0  # where last_chunk starts in ``raw`` (for error lines)

    def read(self, size: int = -1) -> bytes:
        """Up to about ``size`` repaired bytes (a few more or fewer around an escape);
        ``b""`` only at the end of the input (or when ``size`` is 0: ijson probes with that)."""
        if size == 0:
            return b""
        chunk = b""
        start = self.raw_bytes_read - len(self._held)
        while not chunk and not self._eof:
            data = self._raw.read(size)
            self.raw_bytes_read += len(data)
            if not self._started and data:
                self._started = True
                data = data.removeprefix(codecs.BOM_UTF8)
            if self._on_read is not None:
                self._on_read(self.raw_bytes_read)
            if not data:
                self._eof = True
            if self._held:
                data = self._held + data
            chunk, self._held, repairs = repair_escapes(data, final=self._eof)
            self.repairs += repairs
        self._last_start = start
        self.last_chunk = chunk
        return chunk

    def error_line(self, message: str | bytes) -> int | None:
        """The 1-based line of the error that yajl (ijson's C backend) reported in ``message``,
        or ``None`` when the input cannot be re-read to count lines.

        The error lies in :attr:`last_chunk` (yajl stops in the buffer it was given); its
        verbose message quotes up to 30 bytes either side of the failing offset, which are
        looked up in that buffer. When they cannot be found, the line where the buffer ends.
        Lines before the buffer are counted only now, by re-reading the input (repairs never
        add or remove newlines), so that reading stays free of that work.
        """
        chunk = self.last_chunk
        position = self._error_offset(message, chunk)
        if position is None:
            position = len(chunk)
        before = self._lines_before(self._last_start)
        if before is None:
            return None
        return before + chunk.count(b"\n", 0, max(position - 1, 0)) + 1

    def _lines_before(self, offset: int) -> int | None:
        try:
            self._raw.seek(0)
            lines = 0
            while offset > 0:
                block = self._raw.read(min(offset, 1 << 20))
                if not block:
                    break
                lines += block.count(b"\n")
                offset -= len(block)
        except (OSError, ValueError):
            return None
        return lines

    @staticmethod
    def _error_offset(message: str | bytes, chunk: bytes) -> int | None:
        raw = message if isinstance(message, bytes) else message.encode("utf-8", "replace")
        lines = raw.split(b"\n")
        if len(lines) < 2 or len(lines[1]) < _CARET_COLUMN:
            return None
        context = lines[1]
        before = context[_CONTEXT_START:_CARET_COLUMN].lstrip(b" ")
        needle = before + context[_CARET_COLUMN:].rstrip(b" ")
        if not needle:
            return None
        flat = chunk.replace(b"\n", b" ").replace(b"\r", b" ")  # yajl shows them as spaces
        found = flat.find(needle)
        return None if found == -1 else found + len(before)


def _nowhere() -> str:
    return ""


@contextmanager
def open_json(
    path: Path, progress: Progress = no_progress, cancel: CancelToken | None = None,
    where: Callable[[], str] = _nowhere,
) -> Iterator[RepairingReader]:
    """``path`` opened for ijson through a :class:`RepairingReader`.

    Every read reports ``progress(bytes read, file size)`` and then checks ``cancel``
    (raising :class:`~annotator.core.progress.Cancelled`). Read errors and ijson's errors
    inside the block become :class:`InputFileError`; a JSON error carries its line and
    ``where()``, the caller's JSON path of the last item read completely ("" for none).
    """
    try:
        handle = path.open("rb")
        size = os.fstat(handle.fileno()).st_size
    except OSError as exc:
        raise InputFileError(path, f"cannot read the file: {exc.strerror or exc}") from exc

    def on_read(done: int) -> None:
        progress(done, size)
        check_cancel(cancel)

    with handle:
        reader = RepairingReader(handle, on_read)
        try:
            yield reader
        except ijson.JSONError as exc:
            raise _json_error(path, reader, exc, where()) from None
        except UnicodeDecodeError as exc:  # ijson decodes a lone \\udc00 escape and fails
            raise InputFileError(
                path, f"a JSON string holds an invalid character ({exc.reason}){_after(where())}",
                reader.error_line(b"")) from None
        except OSError as exc:
            raise InputFileError(path, f"cannot read the file: {exc.strerror or exc}") from exc


def _json_error(
    path: Path, reader: RepairingReader, exc: Exception, where: str
) -> InputFileError:
    message = exc.args[0] if exc.args and isinstance(exc.args[0], str | bytes) else ""
    first = (message.decode("utf-8", "replace") if isinstance(message, bytes)
             else message).split("\n", 1)[0].strip()
    if "premature EOF" in first:
        reason = "the JSON data ends too early (the file is truncated or still being written)"
    else:
        reason = f"invalid JSON ({first or exc})"
    return InputFileError(path, reason + _after(where), reader.error_line(message))


def _after(where: str) -> str:
    return f"; the last item read completely is {where}" if where else ""
