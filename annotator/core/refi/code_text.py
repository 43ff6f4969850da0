"""Annotator's own code fields, carried in a REFI-QDA code ``Description``.

REFI-QDA codes have a name, a colour and one ``Description``. Annotator's codes also
have inclusion and exclusion criteria, examples, a memo, a keyboard shortcut and a
kind (span code or post variable with a type and levels). They are written after the
description as a plain-text block that other tools show as it is::

    Explicit expressions of anger.

    [Annotator]
    Inclusion:
        Insults, threats, all-caps shouting.
    Example:
        "Shame on you!!"
    Shortcut:
        a

The block starts at the last line that is exactly ``[Annotator]``; before it come
the description and one blank line (nothing when the description is empty). Each
field is a label line from :data:`LABELS` followed by its value, every line of which
is indented by four spaces (an empty value has no lines). ``Example`` may repeat.
A level of a post variable is written as a child code whose block has ``Level of``.

A block is written whenever a field differs from its default, or when the
description itself has an ``[Annotator]`` line (then an empty block follows, so the
last such line is always the block's), which makes reading back exact. Readers
decode the block only in files whose ``origin`` is Annotator's.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.codebook.spec import CodeKind, VariableType

MARKER = "[Annotator]"
INDENT = "    "

INCLUSION = "Inclusion"
EXCLUSION = "Exclusion"
EXAMPLE = "Example"
MEMO = "Memo"
SHORTCUT = "Shortcut"
KIND = "Kind"
VARIABLE_TYPE = "Variable type"
LEVEL_OF = "Level of"
LABELS = (INCLUSION, EXCLUSION, EXAMPLE, MEMO, SHORTCUT, KIND, VARIABLE_TYPE, LEVEL_OF)


@dataclass(frozen=True, slots=True)
class CodeFields:
    """The fields a ``Description`` cannot hold by itself (defaults: nothing to carry)."""

    inclusion: str = ""
    exclusion: str = ""
    examples: tuple[str, ...] = ()
    memo: str = ""
    shortcut: str | None = None
    kind: CodeKind = CodeKind.SPAN
    variable_type: VariableType | None = None
    level_of: str | None = None
    """For a level written as a child code: the name of its variable."""

    def pairs(self) -> list[tuple[str, str]]:
        """The fields that differ from their defaults, as (label, value), in label order."""
        found: list[tuple[str, str]] = []
        if self.inclusion:
            found.append((INCLUSION, self.inclusion))
        if self.exclusion:
            found.append((EXCLUSION, self.exclusion))
        found.extend((EXAMPLE, example) for example in self.examples)
        if self.memo:
            found.append((MEMO, self.memo))
        if self.shortcut is not None:
            found.append((SHORTCUT, self.shortcut))
        if self.kind is not CodeKind.SPAN:
            found.append((KIND, self.kind.value))
        if self.variable_type is not None:
            found.append((VARIABLE_TYPE, self.variable_type.value))
        if self.level_of is not None:
            found.append((LEVEL_OF, self.level_of))
        return found


def compose(description: str, fields: CodeFields) -> str:
    """The ``Description`` text for a code: ``description`` plus a block when needed."""
    pairs = fields.pairs()
    if not pairs and MARKER not in description.split("\n"):
        return description
    lines = [MARKER]
    for label, value in pairs:
        lines.append(f"{label}:")
        if value:
            lines.extend(INDENT + line for line in value.split("\n"))
    block = "\n".join(lines)
    return f"{description}\n\n{block}" if description else block


def decompose(text: str) -> tuple[str, CodeFields] | None:
    """The description and fields of a ``Description`` text; ``None`` without a valid block."""
    lines = text.split("\n")
    starts = [i for i, line in enumerate(lines) if line == MARKER]
    if not starts:
        return None
    start = starts[-1]
    if start == 0:
        description = ""
    elif start >= 2 and lines[start - 1] == "":  # noqa: PLR2004 - description, blank line
        description = "\n".join(lines[: start - 1])
    else:
        return None
    values = _values(lines[start + 1 :])
    if values is None:
        return None
    return description, values


def _values(lines: list[str]) -> CodeFields | None:
    fields: list[tuple[str, list[str]]] = []
    for line in lines:
        if line.startswith(INDENT) and fields:
            fields[-1][1].append(line[len(INDENT) :])
        elif line == "" and fields:  # an indented empty line whose spaces an editor removed
            fields[-1][1].append("")
        elif line.endswith(":") and line[:-1] in LABELS:
            fields.append((line[:-1], []))
        else:
            return None
    single: dict[str, str] = {}
    examples: list[str] = []
    for label, value_lines in fields:
        value = "\n".join(value_lines)
        if label == EXAMPLE:
            examples.append(value)
        elif label in single:
            return None
        else:
            single[label] = value
    try:
        kind = CodeKind(single[KIND]) if KIND in single else CodeKind.SPAN
        variable_type = (
            VariableType(single[VARIABLE_TYPE]) if VARIABLE_TYPE in single else None
        )
    except ValueError:
        return None
    return CodeFields(
        inclusion=single.get(INCLUSION, ""),
        exclusion=single.get(EXCLUSION, ""),
        examples=tuple(examples),
        memo=single.get(MEMO, ""),
        shortcut=single.get(SHORTCUT),
        kind=kind,
        variable_type=variable_type,
        level_of=single.get(LEVEL_OF),
    )
