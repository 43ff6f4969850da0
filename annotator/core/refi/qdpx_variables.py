"""Document variables of an exported ``.qdpx``: post details and post-level variable values.

REFI-QDA puts what describes a whole document into ``Variables`` declared once and a
``VariableValue`` on each ``TextSource`` (README §4); MAXQDA, QualCoder and NVivo read
them as document variables / attributes / classifications. Annotator writes:

* post details, one variable each, when some exported post has a value: ``channel``
  (Text, the channel's title), ``external id`` (Text), ``date`` (DateTime, UTC),
  ``author`` (Text), ``forwarded from`` (Text);
* post-level variables, **one variable per variable and coder**, named
  ``<code path> [<coder>]``, because a REFI-QDA value has no author and coders
  disagree: choice and ordinal values as Text (the level's name; several levels of a
  multiple choice joined by ``"; "`` in the codebook's order), yes/no as Boolean,
  numbers as Float (``xsd:decimal``: plain digits, no exponent), text as Text.

Whole-document codings (a ``TextSource/Coding``, or a selection over the whole text)
were the alternative; they carry only choices, and other tools count them as coded
segments, which distorts their coding statistics. The variable codes themselves stay
in the codebook (levels as sub-codes), so the scheme is still visible there.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from annotator.core.model import Code, Coder, Post
from annotator.core.refi.qdpx_document import ValueOut, VariableOut, derived_uuid, refi_time

DETAILS = ("channel", "external id", "date", "author", "forwarded from")
"""Names of the post-detail variables, in the order they are declared."""
_DETAIL_KINDS = {"date": "DateTime"}
_VALUE_ELEMENTS = {"Text": "TextValue", "Boolean": "BooleanValue", "Float": "FloatValue",
                   "DateTime": "DateTimeValue"}
_TYPES = {"boolean": "Boolean", "number": "Float"}
VARIABLE_NAME = "{path} [{coder}]"


def detail_values(post: Post) -> dict[str, str]:
    """The post-detail variables of ``post`` that have a value, as written."""
    found = {
        "channel": post.channel_title,
        "external id": post.external_id,
        "date": refi_time(post.date) if post.date is not None else None,
        "author": post.author,
        "forwarded from": post.forwarded_from,
    }
    return {name: value for name, value in found.items() if value}


def value_text(code: Code, value: Any) -> tuple[str, str] | None:
    """``(REFI type, text)`` of a stored post value, or ``None`` when it has no form.

    A level uuid the codebook no longer knows is written as the uuid itself.
    """
    names = {level.uuid: level.name for level in code.levels}
    kind = _TYPES.get(code.variable_type or "", "Text")
    if isinstance(value, list):
        return kind, "; ".join(names.get(str(item), str(item)) for item in value)
    if kind == "Boolean" and isinstance(value, bool):
        return kind, "true" if value else "false"
    if kind == "Float" and isinstance(value, int | float) and not isinstance(value, bool):
        if isinstance(value, float) and not math.isfinite(value):
            return None
        return kind, format(Decimal(repr(value)), "f")
    if code.levels and isinstance(value, str):
        return kind, names.get(value, value)
    return "Text", str(value)


class VariableTable:
    """The variables of one export and each post's values, in a stable order.

    Post details come first, in :data:`DETAILS` order, declared when a post has them;
    value variables follow in the order :meth:`declare_value` was called (callers
    go in codebook and coder order). A post's values follow the same order.
    """

    def __init__(self, seed: str) -> None:
        self._seed = seed  # makes variable GUIDs unique to the project, yet stable
        self._variables: dict[str, VariableOut] = {}
        self._rank: dict[str, tuple[int, int]] = {}
        self._posts: dict[int, list[tuple[str, str]]] = {}

    def declare_value(self, code: Code, coder: Coder) -> None:
        kind = _TYPES.get(code.variable_type or "", "Text")
        self._declare(f"value:{code.uuid}:{coder.uuid}", (1, len(self._rank)),
                      VARIABLE_NAME.format(path=code.path_text, coder=coder.name), kind,
                      f"Post-level variable '{code.path_text}' as coded by {coder.name} "
                      "(Annotator)")

    def _declare(self, key: str, rank: tuple[int, int], name: str, kind: str,
                 description: str) -> None:
        if key not in self._variables:
            self._rank[key] = rank
            uuid = derived_uuid(self._seed, "variable", key)
            self._variables[key] = VariableOut(uuid, name, kind, description)

    def add_details(self, post: Post) -> None:
        for name, text in detail_values(post).items():
            key = f"detail:{name}"
            self._declare(key, (0, DETAILS.index(name)), name, _DETAIL_KINDS.get(name, "Text"),
                          f"The post's {name} (Annotator)")
            self._posts.setdefault(post.id, []).append((key, text))

    def add_value(self, post_id: int, code: Code, coder: Coder, value: Any) -> bool:
        """Record one coder's value; ``False`` when it has no form of the variable's type
        (a number that is not finite, or a stored value of another type)."""
        key = f"value:{code.uuid}:{coder.uuid}"
        written = value_text(code, value)
        if written is None or written[0] != self._variables[key].kind:
            return False
        self._posts.setdefault(post_id, []).append((key, written[1]))
        return True

    def variables(self) -> tuple[VariableOut, ...]:
        return tuple(self._variables[key] for key in sorted(self._rank, key=self._rank.__getitem__))

    def values(self, post_id: int) -> tuple[ValueOut, ...]:
        found = sorted(self._posts.get(post_id, ()), key=lambda pair: self._rank[pair[0]])
        return tuple(ValueOut(self._variables[key].uuid,
                              _VALUE_ELEMENTS[self._variables[key].kind], text)
                     for key, text in found)
