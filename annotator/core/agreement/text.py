"""The agreement report as plain text (the CLI's output): scope, tables, list, notes."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from annotator.core.agreement.report import AgreementReport, CodeAgreement, Measure

UNDEFINED = "—"
COLUMNS: tuple[tuple[str, str], ...] = (
    ("percent", "% agree"),
    ("kappa", "kappa"),
    ("alpha", "alpha"),
    ("pi", "pi"),
    ("ac1", "AC1"),
    ("bp", "B-P"),
    ("unitized_alpha", "u-alpha 2004"),
    ("unitized_alpha_2016", "|u-alpha 2016"),
)


def number(value: float | None, digits: int = 3) -> str:
    """A coefficient as text; undefined is a dash, never 0."""
    return UNDEFINED if value is None else f"{value:.{digits}f}"


def with_interval(measure: Measure | None) -> str:
    if measure is None:
        return ""
    text = number(measure.result.value)
    if measure.interval is not None:
        text += f" [{measure.interval.low:.3f}, {measure.interval.high:.3f}]"
    return text


def render(report: AgreementReport, max_disagreements: int | None = 50) -> str:
    """The whole report; the disagreement list is cut at ``max_disagreements`` rows."""
    lines = _scope(report)
    lines += ["", "Agreement per code", *_table(report.rows)]
    lines += _partial_units(report.rows)
    lines += _undefined(report.rows)
    warnings = [row for row in report.rows if row.paradox]
    if warnings:
        lines += ["", "Warnings"]
        for row in warnings:
            lines += _wrapped(f"{row.code_path}: {row.paradox}", "  ")
    lines += ["", "Coder pairs (pooled over the codes above)", *_pairs(report)]
    lines += ["", *_disagreements(report, max_disagreements)]
    lines += ["", "How to read this"]
    for note in report.notes:
        lines += [*_wrapped(note, "  "), ""]
    return "\n".join(lines).rstrip() + "\n"


def _scope(report: AgreementReport) -> list[str]:
    scope = report.scope
    version = "all" if scope.codebook_version is None else str(scope.codebook_version)
    lines = [
        f"Unit: {scope.unit}"
        + (f" (Jaccard >= {scope.threshold:g})" if scope.threshold is not None else ""),
        f"Posts finished by two or more coders: {scope.posts}",
        f"Coders: {', '.join(scope.coders) or '(none)'}",
        f"Codes: {scope.codes}    codebook version: {version}",
        f"Intervals: {scope.resamples} bootstrap resamples of units, seed {scope.seed}"
        if scope.resamples else "Intervals: none",
    ]
    for reason, count in scope.excluded.items():
        lines.append(f"Left out: {count} {reason}")
    return lines


def _table(rows: Sequence[CodeAgreement]) -> list[str]:
    keys = [(key, title) for key, title in COLUMNS
            if any(row.measure(key) is not None for row in rows)]
    header = ["code", "units", "prevalence", *[title for _, title in keys]]
    body = [[row.code_path, f"{row.units:g}", number(row.prevalence, 2),
             *[with_interval(row.measure(key)) for key, _ in keys]] for row in rows]
    return _columns([header, *body]) if body else ["  (no code to compare)"]


def _undefined(rows: Sequence[CodeAgreement]) -> list[str]:
    """Undefined values grouped by coefficient and reason (one line when every row shares it)."""
    found: dict[tuple[str, str], list[str]] = {}
    for row in rows:
        for m in row.measures:
            if m.result.value is None:
                key = (m.result.coefficient, m.result.reason or "undefined")
                found.setdefault(key, []).append(row.code_path)
    if not found:
        return []
    lines = ["", "Undefined values"]
    for (coefficient, reason), paths in found.items():
        where = "every row" if len(paths) == len(rows) else ", ".join(paths)
        lines += _wrapped(f"{coefficient}: {reason} ({where})", "  ")
    return lines


def _partial_units(rows: Sequence[CodeAgreement]) -> list[str]:
    """Say so when a coefficient used fewer units than the row (units not coded by all)."""
    partial = sorted({m.result.coefficient for row in rows for m in row.measures
                      if m.result.value is not None and 0 < m.result.units < row.units})
    if not partial:
        return []
    return ["", *_wrapped(
        f"{', '.join(partial)} use only the units that every coder coded, so they rest on "
        "fewer units than the row's count where a coder is missing; percent agreement and "
        "alpha use every unit with two or more values.", "")]


def _pairs(report: AgreementReport) -> list[str]:
    if not report.pairwise:
        return ["  (fewer than two coders)"]
    header = ["coder A", "coder B", "units", "% agree", "alpha"]
    body = [[p.coder_a, p.coder_b, f"{p.units:g}", number(p.percent), number(p.alpha)]
            for p in report.pairwise]
    return _columns([header, *body])


def _disagreements(report: AgreementReport, limit: int | None) -> list[str]:
    rows = report.disagreements
    shown = rows if limit is None else rows[:limit]
    lines = [f"Disagreements: {len(rows)}"
             + (f" (first {len(shown)} shown; --all lists every one)" if len(shown) < len(rows)
                else "")]
    for row in shown:
        lines.append(f"  post {row.post_label} · {row.code_path}")
        for name, what in ((row.coder_a, row.a), (row.coder_b, row.b)):
            parts = what.splitlines() or ["(nothing)"]
            lines.append(f"    {name}: {parts[0]}")
            lines += [f"    {' ' * len(name)}  {part}" for part in parts[1:]]
    return lines


def _columns(rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    out = []
    for row in rows:
        cells = [cell.ljust(widths[0]) if i == 0 else cell.rjust(widths[i])
                 for i, cell in enumerate(row)]
        out.append("  " + "  ".join(cells).rstrip())
    return out


def _wrapped(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, 92, initial_indent=indent, subsequent_indent=indent) or [indent]
