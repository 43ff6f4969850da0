"""GUIDs in REFI-QDA files: lenient reading, one canonical form for writing.

Inside Annotator a uuid is the canonical lower-case ``8-4-4-4-12`` text. Files may
carry GUIDs in either letter case, wrapped in braces (NVivo, the spec's own Annex A),
or without hyphens; version and variant bits are never checked (qc and NVivo emit
MD5-derived GUIDs). Exports write upper case without braces, as ATLAS.ti and MAXQDA do.
"""

from __future__ import annotations

import re
import uuid as uuid_module

_HYPHENATED = re.compile(
    r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
)
_PLAIN = re.compile(r"[0-9a-fA-F]{32}")


def normalise_guid(text: str | None) -> str | None:
    """The canonical lower-case uuid for a GUID as a file writes it; ``None`` if it is none.

    Surrounding whitespace and one pair of braces are removed; 32 hex digits without
    hyphens are accepted too.
    """
    if text is None:
        return None
    value = text.strip()
    if len(value) >= 2 and value[0] == "{" and value[-1] == "}":
        value = value[1:-1].strip()
    if _HYPHENATED.fullmatch(value):
        return value.lower()
    if _PLAIN.fullmatch(value):
        low = value.lower()
        return f"{low[:8]}-{low[8:12]}-{low[12:16]}-{low[16:20]}-{low[20:]}"
    return None


def export_guid(uuid: str) -> str:
    """The form written to files: upper case, hyphenated, no braces.

    ``uuid`` is an Annotator uuid; anything that is not a GUID raises ``ValueError``
    (a bug in the caller, not a user error).
    """
    canonical = normalise_guid(uuid)
    if canonical is None:
        raise ValueError(f"not a uuid: {uuid!r}")
    return canonical.upper()


def new_uuid() -> str:
    """A fresh random (version 4) uuid in Annotator's canonical form."""
    return str(uuid_module.uuid4())
