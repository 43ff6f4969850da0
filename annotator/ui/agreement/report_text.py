"""How the agreement report reads in words: unit names, numbers, intervals and the scope line.

One place decides how a value is written, so the table, the chart, the pair matrix
and a copied table show the same text for the same number. An undefined value is
always :data:`UNDEFINED` with its reason beside it, never a 0.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

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
"""The translation context of these texts (written out in each call for lupdate)."""


def unit_name(unit: UnitKind) -> str:
    """The unit's short name, for the options combo."""
    names = {
        UnitKind.PRESENCE: QT_TRANSLATE_NOOP("agreement", "Presence (post × code)"),
        UnitKind.VARIABLE: QT_TRANSLATE_NOOP("agreement", "Post variable"),
        UnitKind.CHARACTER: QT_TRANSLATE_NOOP("agreement", "Character"),
        UnitKind.SEGMENT: QT_TRANSLATE_NOOP("agreement", "Matched segment"),
        UnitKind.UNITIZED: QT_TRANSLATE_NOOP("agreement", "Unitized (αᵤ)"),
    }
    return QCoreApplication.translate(_CONTEXT, names[unit])


def unit_explanation(unit: UnitKind) -> str:
    """One line saying what one unit of agreement is."""
    lines = {
        UnitKind.PRESENCE: QT_TRANSLATE_NOOP(
            "agreement", "One unit per post and code: did the coder apply the code "
            "anywhere in the post (yes or no)."),
        UnitKind.VARIABLE: QT_TRANSLATE_NOOP(
            "agreement", "One unit per post and variable: the value each coder gave "
            "the post-level variable."),
        UnitKind.CHARACTER: QT_TRANSLATE_NOOP(
            "agreement", "One unit per character of a post and code: did the coder's "
            "spans cover that character (yes or no)."),
        UnitKind.SEGMENT: QT_TRANSLATE_NOOP(
            "agreement", "One unit per segment: spans of different coders are paired when "
            "they overlap enough (Jaccard ≥ threshold), else stand alone."),
        UnitKind.UNITIZED: QT_TRANSLATE_NOOP(
            "agreement", "Krippendorff's unitized alpha on the spans themselves: where "
            "coders put boundaries counts, character by character."),
    }
    return QCoreApplication.translate(_CONTEXT, lines[unit])


def unit_noun(unit: UnitKind) -> str:
    """What the units of ``unit`` are called when counted (``"{n} characters"``)."""
    nouns = {
        UnitKind.PRESENCE: QT_TRANSLATE_NOOP("agreement", "post × code units"),
        UnitKind.VARIABLE: QT_TRANSLATE_NOOP("agreement", "post × variable units"),
        UnitKind.CHARACTER: QT_TRANSLATE_NOOP("agreement", "characters"),
        UnitKind.SEGMENT: QT_TRANSLATE_NOOP("agreement", "segments"),
        # unitized alpha counts the documents that entered
        UnitKind.UNITIZED: QT_TRANSLATE_NOOP("agreement", "posts"),
    }
    return QCoreApplication.translate(_CONTEXT, nouns[unit])


def measure_label(key: str) -> str:
    """The column header of measure ``key`` (the key itself when unknown)."""
    labels = {
        "percent": QT_TRANSLATE_NOOP("agreement", "% agree"),
        "alpha": QT_TRANSLATE_NOOP("agreement", "α"),
        "unitized_alpha": QT_TRANSLATE_NOOP("agreement", "αᵤ"),
        "kappa": QT_TRANSLATE_NOOP("agreement", "κ"),
        "pi": QT_TRANSLATE_NOOP("agreement", "π"),
        "ac1": QT_TRANSLATE_NOOP("agreement", "AC1"),
        "bp": QT_TRANSLATE_NOOP("agreement", "BP"),
    }
    return QCoreApplication.translate(_CONTEXT, labels[key]) if key in labels else key


def measure_name(key: str) -> str:
    """The measure's full name, for header tooltips and copied tables."""
    names = {
        "percent": QT_TRANSLATE_NOOP(
            "agreement", "Percent agreement: the share of agreeing coder pairs (not chance "
            "corrected)"),
        "alpha": QT_TRANSLATE_NOOP(
            "agreement", "Krippendorff's alpha (nominal); tolerates missing values"),
        "unitized_alpha": QT_TRANSLATE_NOOP(
            "agreement", "Krippendorff's unitized alpha on the spans"),
        "kappa": QT_TRANSLATE_NOOP(
            "agreement", "Cohen's kappa for two coders, Fleiss' kappa for more"),
        "pi": QT_TRANSLATE_NOOP("agreement", "Scott's pi"),
        "ac1": QT_TRANSLATE_NOOP("agreement", "Gwet's AC1"),
        "bp": QT_TRANSLATE_NOOP("agreement", "Brennan and Prediger's kappa (uniform chance)"),
    }
    return QCoreApplication.translate(_CONTEXT, names[key]) if key in names else key


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
        return QCoreApplication.translate("agreement", "Undefined: {reason}.").format(
            reason=result.reason or QCoreApplication.translate("agreement", "no reason given"))
    return QCoreApplication.translate(
        "agreement", "{name}: computed on {units} units ({pairable} values).").format(
        name=measure_name(measure.key), units=result.units, pairable=result.pairable)


def format_interval(interval: Interval) -> str:
    return f"[{format_value(interval.low)}, {format_value(interval.high)}]"


def interval_tooltip(interval: Interval) -> str:
    return QCoreApplication.translate(
        "agreement", "{level:g} % bootstrap percentile interval from {resamples} resamples "
        "that gave a defined value.").format(level=100 * interval.level,
                                             resamples=interval.resamples)


def version_text(version: int | None) -> str:
    if version is None:
        return QCoreApplication.translate("agreement", "all codebook versions")
    return QCoreApplication.translate("agreement", "codebook version {version} only").format(
        version=version)


def scope_text(scope: Scope, units: float | None) -> str:
    """The scope line, as three lines: the unit in words; what entered; how intervals were
    drawn and what was left out and why."""
    unit = QCoreApplication.translate("agreement", "Unit: {name}. {explanation}").format(
        name=unit_name(scope.unit), explanation=unit_explanation(scope.unit))
    entered = QCoreApplication.translate(
        "agreement", "{posts} posts finished by at least two of {count} coders ({names}); "
        "{codes} codes; {version}.").format(
        posts=scope.posts, count=len(scope.coders), names=", ".join(scope.coders),
        codes=scope.codes, version=version_text(scope.codebook_version))
    if units is not None:
        entered += " " + QCoreApplication.translate("agreement", "{units} {noun} in all.").format(
            units=format_count(units), noun=unit_noun(scope.unit))
    if scope.resamples:
        method = QCoreApplication.translate(
            "agreement", "Intervals from {resamples} bootstrap resamples (seed {seed})."
        ).format(resamples=scope.resamples, seed=scope.seed)
    else:
        method = QCoreApplication.translate("agreement", "No confidence intervals.")
    if scope.threshold is not None:
        method += " " + QCoreApplication.translate(
            "agreement", "Segments matched at Jaccard ≥ {threshold:g}.").format(
            threshold=scope.threshold)
    if scope.excluded:
        left_out = "; ".join(f"{reason}: {count}" for reason, count in scope.excluded.items())
        method += " " + QCoreApplication.translate("agreement", "Left out — {items}.").format(
            items=left_out)
    else:
        method += " " + QCoreApplication.translate("agreement", "Nothing was left out.")
    return "\n".join((unit, entered, method))
