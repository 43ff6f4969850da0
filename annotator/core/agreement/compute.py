"""The agreement report from a reliability sample: units, measures, intervals, pairs, lists.

Pure: takes a :class:`~annotator.core.agreement_sample.ReliabilitySample` (plain data read
from a project) and :class:`~annotator.core.agreement.options.ReportOptions`, returns an
:class:`~annotator.core.agreement.report.AgreementReport`.  The same inputs and seed give
the same numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np
import pandas as pd

from annotator.core.agreement.alpha import Level
from annotator.core.agreement.bootstrap import bootstrap_interval
from annotator.core.agreement.data import MISSING, WeightedData
from annotator.core.agreement.disagreements import (
    level_names,
    span_disagreements,
    value_disagreements,
)
from annotator.core.agreement.interpretation import (
    HOW_TO_READ,
    paradox_warning,
    prevalence,
    unit_note,
)
from annotator.core.agreement.matching import match_segments
from annotator.core.agreement.measures import MEASURE_NAMES, MEASURES, compute_measure
from annotator.core.agreement.options import ReportOptions
from annotator.core.agreement.report import (
    AgreementReport,
    CodeAgreement,
    Disagreement,
    Measure,
    PairAgreement,
    Scope,
    UnitKind,
)
from annotator.core.agreement.result import AgreementResult
from annotator.core.agreement.span_units import (
    character_units,
    merge_patterns,
    pool,
    presence_units,
)
from annotator.core.agreement.unitized import Version, unitized_alpha
from annotator.core.agreement.variable_units import comparable, variable_units
from annotator.core.agreement_sample import ReliabilitySample
from annotator.core.model import Code
from annotator.core.progress import CancelToken, Progress, check_cancel, no_progress

INTERVAL_MEASURES = ("alpha", "kappa")
"""The measures that get a bootstrap interval (as the issue asks: alpha and kappa)."""
ALL_CODES = "(all codes)"
NO_DOUBLE_CODED = "no post was finished by two or more of the selected coders"
UNITIZED_MEASURES: tuple[tuple[str, Version], ...] = (
    ("unitized_alpha", 2004), ("unitized_alpha_2016", 2016))


@dataclass(frozen=True)
class _Units:
    """One row's reliability data."""

    code_id: int | None
    path: str
    data: WeightedData
    level: Level


def build_report(
    sample: ReliabilitySample,
    options: ReportOptions,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> AgreementReport:
    """Compute the report for ``options.unit`` over ``sample`` (see the module docstring)."""
    codes = _selected_codes(sample, options)
    coders = list(sample.coders)
    excluded = dict(sample.excluded)
    if len(coders) < 2:
        keys = [key for key, _ in UNITIZED_MEASURES] if options.unit is UnitKind.UNITIZED \
            else list(MEASURES)
        rows = [_undefined_row(code, keys) for code in codes]
        pairwise: list[PairAgreement] = []
        disagreements: list[Disagreement] = []
    elif options.unit is UnitKind.UNITIZED:
        rows, pairwise, disagreements = _unitized(sample, codes, coders, progress, cancel)
    elif options.unit is UnitKind.VARIABLE:
        rows, pairwise, disagreements = _variables(sample, codes, options, progress, cancel)
        free_text = [c for c in _of_kind(sample, options, variable=True) if not comparable(c)]
        if free_text:
            excluded["free-text variables (no categories to compare)"] = len(free_text)
    else:
        rows, pairwise, disagreements = _binary(sample, codes, options, progress, cancel)
    scope = Scope(
        unit=options.unit,
        posts=len(sample.coded_by),
        coders=tuple(sample.coders.values()),
        codes=len(codes),
        codebook_version=options.codebook_version,
        threshold=options.threshold if options.unit is UnitKind.SEGMENT else None,
        resamples=0 if options.unit is UnitKind.UNITIZED else options.resamples,
        seed=options.seed,
        excluded=excluded,
    )
    threshold = options.threshold if options.unit is UnitKind.SEGMENT else None
    notes = (unit_note(str(options.unit), threshold), *HOW_TO_READ)
    return AgreementReport(scope, tuple(rows), tuple(pairwise), tuple(disagreements), notes)


def _undefined_row(code: Code, keys: Sequence[str]) -> CodeAgreement:
    """A row for a sample without any post finished by two coders."""
    measures = tuple(
        Measure(key, AgreementResult.undefined(MEASURE_NAMES.get(key, key), NO_DOUBLE_CODED))
        for key in keys)
    return CodeAgreement(code.id, code.path_text, 0.0, None, measures)


def _of_kind(sample: ReliabilitySample, options: ReportOptions, variable: bool) -> list[Code]:
    chosen = None if options.codes is None else set(options.codes)
    return [c for c in sample.codes
            if c.is_variable == variable and (chosen is None or c.id in chosen)]


def _selected_codes(sample: ReliabilitySample, options: ReportOptions) -> list[Code]:
    if options.codes is not None:
        known = {c.id for c in sample.codes}
        unknown = sorted(set(options.codes) - known)
        if unknown:
            raise ValueError(f"no code with id {', '.join(map(str, unknown))}")
    variable = options.unit is UnitKind.VARIABLE
    codes = _of_kind(sample, options, variable)
    return [c for c in codes if comparable(c)] if variable else codes


def _row(units: _Units, options: ReportOptions) -> CodeAgreement:
    data = units.data
    measures = []
    for key in MEASURES:
        result = compute_measure(key, data, level=units.level)
        interval = None
        if key in INTERVAL_MEASURES and options.resamples and result.value is not None:
            interval = bootstrap_interval(
                key, data, level=units.level, resamples=options.resamples,
                seed=options.seed, confidence=options.confidence)
        measures.append(Measure(key, result, interval))
    share = prevalence(data)
    percent = measures[MEASURES.index("percent")].result.value
    kappa = measures[MEASURES.index("kappa")].result.value
    return CodeAgreement(
        code_id=units.code_id, code_path=units.path, units=_pairable_units(data),
        prevalence=share, measures=tuple(measures),
        paradox=paradox_warning(percent, kappa, share))


def _pairable_units(data: WeightedData) -> float:
    """Units with at least two values (the ones any coefficient can use)."""
    if data.weights.size == 0:
        return 0.0
    enough = np.count_nonzero(data.codes != MISSING, axis=1) >= 2
    return float(data.weights[enough].sum())


def _binary(
    sample: ReliabilitySample,
    codes: Sequence[Code],
    options: ReportOptions,
    progress: Progress,
    cancel: CancelToken | None,
) -> tuple[list[CodeAgreement], list[PairAgreement], list[Disagreement]]:
    """Presence, character and segment units: one binary row per span code, then all."""
    coders = list(sample.coders)
    spans = sample.spans
    rows: list[CodeAgreement] = []
    datas: list[WeightedData] = []
    unmatched: set[tuple[int, int, int, int]] = set()
    for done, code in enumerate(codes):
        check_cancel(cancel)
        own = spans[spans["code"] == code.id]
        if options.unit is UnitKind.PRESENCE:
            data = presence_units(own, coders, sample.coded_by, code.id)
        elif options.unit is UnitKind.CHARACTER:
            data = character_units(own, sample.lengths, coders, sample.coded_by, code.id)
        else:
            matched = match_segments(own, coders, sample.coded_by, code.id, options.threshold)
            data = pool([matched.data])  # one row per segment group: merge equal patterns
            unmatched |= _unmatched_pairs(matched.groups, coders, code.id)
        datas.append(data)
        rows.append(_row(_Units(code.id, code.path_text, data, "nominal"), options))
        progress(done + 1, len(codes) + 2)
    if len(datas) > 1:
        rows.append(_row(_Units(None, ALL_CODES, pool(datas), "nominal"), options))
    check_cancel(cancel)
    pairwise = _pairs(sample, datas)
    progress(len(codes) + 1, len(codes) + 2)
    disagreements = span_disagreements(
        spans, options.unit, sample.coded_by, sample.coders, sample.labels,
        {c.id: c.path_text for c in codes}, unmatched)
    return rows, pairwise, disagreements


def _unmatched_pairs(
    groups: pd.DataFrame, coders: Sequence[int], code_id: int
) -> set[tuple[int, int, int, int]]:
    """(doc, code, coder a, coder b) where a group holds a segment of exactly one of them."""
    found: set[tuple[int, int, int, int]] = set()
    docs = groups["doc"].to_numpy()
    for a, b in combinations(coders, 2):
        has_a = groups[_column(groups, a)].to_numpy() >= 0
        has_b = groups[_column(groups, b)].to_numpy() >= 0
        for doc in np.unique(docs[has_a != has_b]):
            found.add((int(doc), code_id, a, b))
            found.add((int(doc), code_id, b, a))
    return found


def _column(groups: pd.DataFrame, coder: int) -> object:
    return coder if coder in groups.columns else str(coder)


def _pairs(sample: ReliabilitySample, datas: Sequence[WeightedData]) -> list[PairAgreement]:
    """Percent agreement and nominal alpha of each coder pair, pooled over the rows."""
    if not datas:
        return []
    pooled = _pool_distinct(datas)
    coders = list(sample.coders)
    pairs = []
    for i, j in combinations(range(len(coders)), 2):
        both = _restrict(pooled, [i, j])
        percent = compute_measure("percent", both)
        alpha = compute_measure("alpha", both)
        pairs.append(PairAgreement(
            coder_a=sample.coders[coders[i]], coder_b=sample.coders[coders[j]],
            units=_pairable_units(both), percent=percent.value, alpha=alpha.value))
    return pairs


def _pool_distinct(datas: Sequence[WeightedData]) -> WeightedData:
    """Stack rows whose categories differ, keeping each row's categories apart."""
    if all(d.categories == datas[0].categories for d in datas):
        return pool(datas)
    offset, parts = 0, []
    categories: list[Hashable] = []
    for number, data in enumerate(datas):
        shifted = np.where(data.codes == MISSING, MISSING, data.codes + offset)
        parts.append(shifted)
        categories.extend((number, category) for category in data.categories)
        offset += len(data.categories)
    codes = np.concatenate(parts) if parts else np.zeros((0, 0), dtype=np.int64)
    weights = np.concatenate([d.weights for d in datas])
    return merge_patterns(codes.astype(np.int64), weights, tuple(categories))


def _restrict(data: WeightedData, columns: Sequence[int]) -> WeightedData:
    """``data`` seen through the given coder columns only."""
    return merge_patterns(data.codes[:, list(columns)], data.weights, data.categories)


def _variables(
    sample: ReliabilitySample,
    codes: Sequence[Code],
    options: ReportOptions,
    progress: Progress,
    cancel: CancelToken | None,
) -> tuple[list[CodeAgreement], list[PairAgreement], list[Disagreement]]:
    coders = list(sample.coders)
    rows: list[CodeAgreement] = []
    datas: list[WeightedData] = []
    disagreements: list[Disagreement] = []
    for done, code in enumerate(codes):
        check_cancel(cancel)
        for units in variable_units(code, sample.values, coders, sample.coded_by):
            datas.append(units.data)
            rows.append(_row(_Units(code.id, units.label, units.data, units.level), options))
        names: dict[Hashable, str] = {lv.uuid: lv.name for lv in code.levels if lv.uuid}
        if code.variable_type == "boolean":
            names = {False: "no", True: "yes"}
        show: Callable[[object], str] = level_names(names)
        disagreements += value_disagreements(
            sample.values, code.id, code.path_text, sample.coded_by, sample.coders,
            sample.labels, show)
        progress(done + 1, len(codes) + 1)
    return rows, _pairs(sample, datas), disagreements


def _unitized(
    sample: ReliabilitySample,
    codes: Sequence[Code],
    coders: Sequence[int],
    progress: Progress,
    cancel: CancelToken | None,
) -> tuple[list[CodeAgreement], list[PairAgreement], list[Disagreement]]:
    """Unitized alpha per code and over all codes (no bootstrap: see the scope note)."""
    ids = {c.id for c in codes}
    spans = sample.spans[sample.spans["code"].isin(ids)]
    frame = spans[["coder", "doc", "start", "end", "code"]]
    lengths = sample.lengths
    rows = []
    for done, code in enumerate(codes):
        check_cancel(cancel)
        rows.append(_unitized_row(code.id, code.path_text, frame, lengths, sample.coded_by))
        progress(done + 1, len(codes) + 2)
    if len(codes) > 1:
        rows.append(_unitized_row(None, ALL_CODES, frame, lengths, sample.coded_by))
    pairs = []
    for a, b in combinations(coders, 2):
        check_cancel(cancel)
        both = {doc: who & {a, b} for doc, who in sample.coded_by.items() if {a, b} <= who}
        result = unitized_alpha(frame[frame["coder"].isin([a, b])], lengths, None,
                                coders_by_doc=both, version=2016)
        pairs.append(PairAgreement(sample.coders[a], sample.coders[b], float(result.units),
                                   None, result.value))
    progress(len(codes) + 1, len(codes) + 2)
    disagreements = span_disagreements(
        sample.spans, UnitKind.UNITIZED, sample.coded_by, sample.coders, sample.labels,
        {c.id: c.path_text for c in codes})
    return rows, pairs, disagreements


def _unitized_row(
    code_id: int | None,
    path: str,
    spans: pd.DataFrame,
    lengths: Mapping[int, int],
    coded_by: Mapping[int, frozenset[int]],
) -> CodeAgreement:
    """Both published unitized alphas: Krippendorff's (2004) and the binary one of
    Krippendorff et al. (2016), which ATLAS.ti reports."""
    measures = tuple(
        Measure(key, unitized_alpha(spans, lengths, code_id, coders_by_doc=coded_by,
                                    version=version))
        for key, version in UNITIZED_MEASURES)
    return CodeAgreement(code_id=code_id, code_path=path, units=float(measures[0].result.units),
                         prevalence=None, measures=measures)
