"""How the agreement report reads in words: unit names, numbers, intervals and the scope line.

One place decides how a value is written, so the table, the chart, the pair matrix
and a copied table show the same text for the same number. An undefined value is
always :data:`UNDEFINED` with its reason beside it, never a 0.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.core.agreement.report import Interval, Measure, Scope, UnitKind

UNDEFINED = "—"
"""Shown for an undefined coefficient (its reason goes in the tooltip)."""

TENTATIVE = 0.667
"""Krippendorff (2004, p. 241): the lowest alpha from which tentative conclusions may be drawn."""
RELIABLE = 0.800
"""Krippendorff (2004, p. 241): alpha from which data are customarily called reliable."""

MEASURE_ORDER = ("percent", "alpha", "unitized_alpha", "kappa", "pi", "ac1", "bp")
"""Measure keys in the order their columns appear; unknown keys follow, in report order."""

INTERVAL_MEASURES = ("alpha", "unitized_alpha", "kappa")
"""Measures whose confidence interval gets a column of its own (when any row has one)."""

_CONTEXT = "agreement"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def unit_name(unit: UnitKind) -> str:
    """The unit's short name, for the options combo."""
    names = {
        UnitKind.PRESENCE: _tr("Presence (post × code)"),
        UnitKind.VARIABLE: _tr("Post variable"),
        UnitKind.CHARACTER: _tr("Character"),
        UnitKind.SEGMENT: _tr("Matched segment"),
        UnitKind.UNITIZED: _tr("Unitized (αᵤ)"),
    }
    return names[unit]


def unit_explanation(unit: UnitKind) -> str:
    """One line saying what one unit of agreement is."""
    lines = {
        UnitKind.PRESENCE: _tr("One unit per post and code: did the coder apply the code "
                               "anywhere in the post (yes or no)."),
        UnitKind.VARIABLE: _tr("One unit per post and variable: the value each coder gave "
                               "the post-level variable."),
        UnitKind.CHARACTER: _tr("One unit per character of a post and code: did the coder's "
                                "spans cover that character (yes or no)."),
        UnitKind.SEGMENT: _tr("One unit per segment: spans of different coders are paired when "
                              "they overlap enough (Jaccard ≥ threshold), else stand alone."),
        UnitKind.UNITIZED: _tr("Krippendorff's unitized alpha on the spans themselves: where "
                               "coders put boundaries counts, character by character."),
    }
    return lines[unit]


def unit_noun(unit: UnitKind) -> str:
    """What the units of ``unit`` are called when counted (``"{n} characters"``)."""
    nouns = {
        UnitKind.PRESENCE: _tr("post × code units"),
        UnitKind.VARIABLE: _tr("post × variable units"),
        UnitKind.CHARACTER: _tr("characters"),
        UnitKind.SEGMENT: _tr("segments"),
        UnitKind.UNITIZED: _tr("posts"),  # unitized alpha counts the documents that entered
    }
    return nouns[unit]


def measure_label(key: str) -> str:
    """The column header of measure ``key`` (the key itself when unknown)."""
    labels = {
        "percent": _tr("% agree"),
        "alpha": _tr("α"),
        "unitized_alpha": _tr("αᵤ"),
        "kappa": _tr("κ"),
        "pi": _tr("π"),
        "ac1": _tr("AC1"),
        "bp": _tr("BP"),
    }
    return labels.get(key, key)


def measure_name(key: str) -> str:
    """The measure's full name, for header tooltips and copied tables."""
    names = {
        "percent": _tr("Percent agreement: the share of agreeing coder pairs (not chance "
                       "corrected)"),
        "alpha": _tr("Krippendorff's alpha (nominal); tolerates missing values"),
        "unitized_alpha": _tr("Krippendorff's unitized alpha on the spans"),
        "kappa": _tr("Cohen's kappa for two coders, Fleiss' kappa for more"),
        "pi": _tr("Scott's pi"),
        "ac1": _tr("Gwet's AC1"),
        "bp": _tr("Brennan and Prediger's kappa (uniform chance)"),
    }
    return names.get(key, key)


def ordered_keys(keys: list[str]) -> list[str]:
    """``keys`` without repeats, known measures first in :data:`MEASURE_ORDER`."""
    unique = list(dict.fromkeys(keys))
    known = [k for k in MEASURE_ORDER if k in unique]
    return known + [k for k in unique if k not in MEASURE_ORDER]


def format_value(value: float) -> str:
    """A coefficient to three decimals (ASCII minus, so copied tables stay numeric)."""
    return f"{value:.3f}"


def format_percent(share: float) -> str:
    """A share in [0, 1] as a percentage with one decimal."""
    return f"{100 * share:.1f} %"


def format_count(count: float) -> str:
    """A count of units; whole numbers without decimals."""
    return str(int(count)) if float(count).is_integer() else f"{count:.1f}"


def measure_text(measure: Measure) -> str:
    """The cell text of ``measure``: its value, or :data:`UNDEFINED`."""
    value = measure.result.value
    if value is None:
        return UNDEFINED
    return format_percent(value) if measure.key == "percent" else format_value(value)


def measure_tooltip(measure: Measure) -> str:
    """Why the value is undefined, or what entered it."""
    result = measure.result
    if result.value is None:
        return _tr("Undefined: {reason}.").format(reason=result.reason or _tr("no reason given"))
    return _tr("{name}: computed on {units} units ({pairable} values).").format(
        name=measure_name(measure.key), units=result.units, pairable=result.pairable)


def format_interval(interval: Interval) -> str:
    return f"[{format_value(interval.low)}, {format_value(interval.high)}]"


def interval_tooltip(interval: Interval) -> str:
    return _tr("{level:g} % bootstrap percentile interval from {resamples} resamples that gave "
               "a defined value.").format(level=100 * interval.level,
                                          resamples=interval.resamples)


def version_text(version: int | None) -> str:
    if version is None:
        return _tr("all codebook versions")
    return _tr("codebook version {version} only").format(version=version)


def scope_text(scope: Scope, units: float | None) -> str:
    """The scope line, as three lines: the unit in words; what entered; how intervals were
    drawn and what was left out and why."""
    unit = _tr("Unit: {name}. {explanation}").format(
        name=unit_name(scope.unit), explanation=unit_explanation(scope.unit))
    entered = _tr("{posts} posts finished by at least two of {count} coders ({names}); "
                  "{codes} codes; {version}.").format(
        posts=scope.posts, count=len(scope.coders), names=", ".join(scope.coders),
        codes=scope.codes, version=version_text(scope.codebook_version))
    if units is not None:
        entered += " " + _tr("{units} {noun} in all.").format(
            units=format_count(units), noun=unit_noun(scope.unit))
    if scope.resamples:
        method = _tr("Intervals from {resamples} bootstrap resamples (seed {seed}).").format(
            resamples=scope.resamples, seed=scope.seed)
    else:
        method = _tr("No confidence intervals.")
    if scope.threshold is not None:
        method += " " + _tr("Segments matched at Jaccard ≥ {threshold:g}.").format(
            threshold=scope.threshold)
    if scope.excluded:
        left_out = "; ".join(f"{reason}: {count}" for reason, count in scope.excluded.items())
        method += " " + _tr("Left out — {items}.").format(items=left_out)
    else:
        method += " " + _tr("Nothing was left out.")
    return "\n".join((unit, entered, method))
