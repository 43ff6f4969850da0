"""Plain-text summaries of a code's definition, for tooltips in the tree and the text.

Only text is built here (translated); the definition panel lays out the same
facts itself.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.core.model import Code

BRIEF_DESCRIPTION = 200
"""Characters of the description shown when hovering over coded text."""
BRIEF_EXAMPLES = 2
"""Examples shown when hovering over coded text."""
_CONTEXT = "code_summary"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def kind_text(code: Code) -> str:
    """``"Span code"`` or ``"Variable (single)"``, translated."""
    if not code.is_variable:
        return _tr("Span code")
    return _tr("Variable ({type})").format(type=code.variable_type or "?")


def clip(text: str, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis when longer."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def tooltip(code: Code) -> str:
    """The whole definition: path, kind, description, inclusion, exclusion, examples."""
    lines = [code.path_text, kind_text(code)]
    if code.shortcut:
        lines[-1] += " · " + _tr("key {key}").format(key=code.shortcut)
    if code.description:
        lines += ["", code.description]
    if code.inclusion:
        lines += ["", _tr("Include: {text}").format(text=code.inclusion)]
    if code.exclusion:
        lines += ["", _tr("Exclude: {text}").format(text=code.exclusion)]
    if code.examples:
        lines += ["", _tr("Examples:")] + [f"• {example}" for example in code.examples]
    if code.levels:
        lines += ["", _tr("Levels: {levels}").format(
            levels=", ".join(level.name for level in code.levels))]
    return "\n".join(lines)


def brief(code: Code) -> list[str]:
    """The first part of the description and the first examples, one line each."""
    lines = []
    if code.description:
        lines.append(clip(code.description, BRIEF_DESCRIPTION))
    if code.examples:
        shown = "; ".join(f"“{clip(e, 80)}”" for e in code.examples[:BRIEF_EXAMPLES])
        lines.append(_tr("e.g. {examples}").format(examples=shown))
    return lines
