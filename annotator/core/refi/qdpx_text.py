"""Source texts of a ``.qdpx`` and how their selection offsets are counted (README §5).

REFI-QDA offsets are 0-based, end-exclusive Unicode code points over the exact
decoded ``.txt`` (no BOM). Vendors drift from that: ATLAS.ti counts a CRLF as one
position, .NET and Qt tools may count UTF-16 units (an emoji is two), and a BOM may
or may not be counted. Annotator stores texts with ``\\n`` line ends only (see
:func:`annotator.core.importers.service.normalise_newlines`), so every reading of a
vendor offset ends as an offset in that normalised text.

:func:`choose_reading` tries the readings the text makes possible and keeps the one
under which most selection ``name`` attributes match the text they select
(ATLAS.ti and QualCoder write the quote there, ATLAS.ti truncated with "…"); ties
and texts without usable names get the default: code points as written, except
CRLF counted once for ATLAS.ti files that contain CRLF (README §5.5).
"""

from __future__ import annotations

import codecs
import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from annotator.core.importers.service import normalise_newlines

_LINE_NAME = re.compile(r"line:\s*\d+", re.IGNORECASE)
_ELLIPSES = ("\u2026", "...")
_CODECS = {codecs.BOM_UTF16_LE: "utf-16-le", codecs.BOM_UTF16_BE: "utf-16-be"}


@dataclass(frozen=True, slots=True)
class SourceText:
    """A decoded source file.

    ``raw`` is the file's text without a BOM, line ends as written; ``text`` is what
    Annotator stores (``\\r\\n`` and ``\\r`` as ``\\n``). ``encoding`` is ``utf-8``,
    ``utf-16`` (only with a BOM) or ``cp1252`` (the fallback for bytes that are not
    UTF-8, as ATLAS.ti wrote transcripts).
    """

    raw: str
    text: str
    bom: bool = False
    encoding: str = "utf-8"


def decode_source(data: bytes) -> SourceText:
    """Decode a source file's bytes (see :class:`SourceText`)."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                raw = data[len(bom):].decode(_CODECS.get(bom, encoding))
            except UnicodeDecodeError:
                break
            return SourceText(raw, normalise_newlines(raw), bom=True, encoding=encoding)
    try:
        raw, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        try:
            raw = data.decode("cp1252")
        except UnicodeDecodeError:
            # cp1252 leaves five bytes undefined; latin-1 reads them as C1 controls.
            raw = data.decode("latin-1")
        encoding = "cp1252"
    return SourceText(raw, normalise_newlines(raw), bom=False, encoding=encoding)


@dataclass(frozen=True, slots=True)
class Reading:
    """One way a tool may have counted positions."""

    crlf_once: bool = False
    """A CRLF pair is one position (ATLAS.ti)."""
    utf16: bool = False
    """Positions are UTF-16 code units (an astral character such as an emoji is two)."""
    bom_counted: bool = False
    """The byte order mark was position 0."""

    @property
    def standard(self) -> bool:
        return not (self.crlf_once or self.utf16 or self.bom_counted)

    def describe(self) -> str:
        parts = [text for flag, text in ((self.crlf_once, "CRLF counted as one position"),
                                         (self.utf16, "UTF-16 code units"),
                                         (self.bom_counted, "the byte order mark counted"))
                 if flag]
        return ", ".join(parts) or "code points"


class Offsets:
    """Maps a tool's positions, under one :class:`Reading`, to offsets in ``text``.

    Results may fall outside ``0..len(text)`` when the position was out of range;
    callers check.
    """

    def __init__(self, source: SourceText, reading: Reading) -> None:
        self.reading = reading
        counted = source.text if reading.crlf_once else source.raw
        astral = [i for i, ch in enumerate(counted) if ord(ch) > 0xFFFF]
        self._astral_utf16 = [i + k for k, i in enumerate(astral)]
        # In the raw text, the CR of each CRLF pair disappears from the stored text.
        self._dropped = [] if reading.crlf_once else [
            m.start() for m in re.finditer("\r\n", source.raw)]

    def offset(self, position: int) -> int:
        value = position - 1 if self.reading.bom_counted else position
        if self.reading.utf16:
            # Each astral character starting before ``value`` took a second unit; inside
            # a pair this rounds down to the pair's start, as spans.Utf16Index does.
            value -= bisect_right(self._astral_utf16, value - 1)
        return value - bisect_left(self._dropped, value)


def usable_name(name: str | None) -> str | None:
    """A selection name that may be its quote, white space collapsed; ``None`` otherwise."""
    if name is None:
        return None
    collapsed = " ".join(name.split())
    if not collapsed or _LINE_NAME.fullmatch(collapsed):
        return None
    return collapsed


def name_matches(name: str, quote: str) -> bool:
    """Whether a usable ``name`` is ``quote``, or its start followed by an ellipsis."""
    shown = " ".join(quote.split())
    if name == shown:
        return True
    for ellipsis in _ELLIPSES:
        if name.endswith(ellipsis):
            head = name[: -len(ellipsis)].rstrip()
            return bool(head) and shown.startswith(head)
    return False


@dataclass(frozen=True, slots=True)
class Choice:
    """The reading chosen for one source, and how many usable names matched under it."""

    offsets: Offsets
    matched: int
    named: int

    @property
    def reading(self) -> Reading:
        return self.offsets.reading


def choose_reading(
    source: SourceText, selections: Sequence[tuple[int, int, str | None]], origin: str | None
) -> Choice:
    """The reading under which most selection names match (see the module docstring).

    ``selections`` are ``(start, end, name)`` as the file writes them.
    """
    has_crlf = "\r\n" in source.raw
    options = [(False, True) if has_crlf else (False,),
               (False, True) if any(ord(ch) > 0xFFFF for ch in source.raw) else (False,),
               (False, True) if source.bom else (False,)]
    default = Reading(crlf_once=has_crlf and (origin or "").startswith("ATLAS.ti"))
    candidates = [default] + [Reading(*flags) for flags in itertools.product(*options)
                              if Reading(*flags) != default]
    named = [(start, end, usable) for start, end, name in selections
             if (usable := usable_name(name)) is not None]
    best: Choice | None = None
    for reading in candidates:
        offsets = Offsets(source, reading)
        score = sum(1 for start, end, name in named
                    if _quote_matches(source.text, offsets, start, end, name))
        if best is None or score > best.matched:
            best = Choice(offsets, score, len(named))
        if best.matched == len(named):
            break
    assert best is not None  # candidates is never empty
    return best


def _quote_matches(text: str, offsets: Offsets, start: int, end: int, name: str) -> bool:
    lo, hi = offsets.offset(start), offsets.offset(end)
    return 0 <= lo < hi <= len(text) and name_matches(name, text[lo:hi])
