"""A comparison key for post texts, so that exports of one message in different formats match.

Two exports of the same message can differ in invisible ways: Unicode
normalisation, variation selectors that one format strips, no-break spaces,
line-break and indentation details. Those differences must not make a new
version of a post; a changed word must.
"""

from __future__ import annotations

import hashlib
import unicodedata

_INVISIBLE = "\ufe0e\ufe0f\u200b\u200c\u200d\u2060\ufeff"


def comparison_key(text: str) -> str:
    """NFC, invisible joiners and variation selectors removed, white space runs as one space."""
    cleaned = unicodedata.normalize("NFC", text)
    for char in _INVISIBLE:  # str.replace per character is far faster than str.translate
        if char in cleaned:
            cleaned = cleaned.replace(char, "")
    return " ".join(cleaned.split())


def comparison_sha256(text: str) -> str:
    """sha256 (hex) of :func:`comparison_key`; stored with each post."""
    return hashlib.sha256(comparison_key(text).encode("utf-8")).hexdigest()
