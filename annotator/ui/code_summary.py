"""Plain-text summaries of a code's definition, for tooltips in the tree and the text.

Only text is built here (translated); the definition panel lays out the same
facts itself.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from annotator.core.codebook.spec import VariableType
from annotator.core.model import Code

BRIEF_DESCRIPTION = 200
"""Characters of the description shown when hovering over coded text."""
BRIEF_EXAMPLES = 2
"""Examples shown when hovering over coded text."""
_TYPE_NAMES = {
    VariableType.SINGLE: QT_TRANSLATE_NOOP("code_summary", "single"),
    VariableType.MULTIPLE: QT_TRANSLATE_NOOP("code_summary", "multiple"),
    VariableType.ORDINAL: QT_TRANSLATE_NOOP("code_summary", "ordinal"),
    VariableType.BOOLEAN: QT_TRANSLATE_NOOP("code_summary", "boolean"),
    VariableType.NUMBER: QT_TRANSLATE_NOOP("code_summary", "number"),
    VariableType.TEXT: QT_TRANSLATE_NOOP("code_summary", "text"),
}
"""Each variable type's short name (its value), marked for translation."""


def kind_text(code: Code) -> str:
    """``"Span code"`` or ``"Variable (single)"``, translated."""
    if not code.is_variable:
        return QCoreApplication.translate("code_summary", "Span code")
    name = _TYPE_NAMES.get(code.variable_type or "")  # StrEnum keys match their values
    return QCoreApplication.translate("code_summary", "Variable ({type})").format(
        type=QCoreApplication.translate("code_summary", name) if name
        else code.variable_type or "?")


def clip(text: str, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis when longer."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def tooltip(code: Code) -> str:
    """The whole definition: path, kind, description, inclusion, exclusion, examples."""
    lines = [code.path_text, kind_text(code)]
    if code.shortcut:
        lines[-1] += " · " + QCoreApplication.translate("code_summary", "key {key}").format(
            key=code.shortcut)
    if code.description:
        lines += ["", code.description]
    if code.inclusion:
        lines += ["", QCoreApplication.translate("code_summary", "Include: {text}").format(
            text=code.inclusion)]
    if code.exclusion:
        lines += ["", QCoreApplication.translate("code_summary", "Exclude: {text}").format(
            text=code.exclusion)]
    if code.examples:
        lines += ["", QCoreApplication.translate("code_summary", "Examples:")]
        lines += [f"• {example}" for example in code.examples]
    if code.levels:
        lines += ["", QCoreApplication.translate("code_summary", "Levels: {levels}").format(
            levels=", ".join(level.name for level in code.levels))]
    return "\n".join(lines)


def brief(code: Code) -> list[str]:
    """The first part of the description and the first examples, one line each."""
    lines = []
    if code.description:
        lines.append(clip(code.description, BRIEF_DESCRIPTION))
    if code.examples:
        shown = "; ".join(f"“{clip(e, 80)}”" for e in code.examples[:BRIEF_EXAMPLES])
        lines.append(QCoreApplication.translate("code_summary", "e.g. {examples}").format(
            examples=shown))
    return lines
