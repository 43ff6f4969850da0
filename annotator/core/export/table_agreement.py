"""The Agreement table and the per-code reliability matrices.

Both come from the snapshot's reliability sample (posts finished by two or more of the
chosen coders, narrowed to the chosen posts) at the *presence* unit: did the coder apply
the code anywhere in the post.  The table is the agreement report's per-code rows
(:func:`~annotator.core.agreement.compute.build_report`, the computation behind
:func:`~annotator.core.agreement_service.agreement_report`); the matrices are its input
data, one units x coders frame per span code, in the layout that R's ``irr::kripp.alpha``
(after ``t()``) and Python's ``krippendorff.alpha(reliability_data=m.T)`` read.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from annotator.core.agreement.compute import build_report
from annotator.core.agreement.options import ReportOptions
from annotator.core.agreement.report import AgreementReport, CodeAgreement, UnitKind
from annotator.core.agreement_sample import ReliabilitySample
from annotator.core.export.columns import table
from annotator.core.export.model import AgreementSheet, ColumnKind
from annotator.core.export.options import ExportOptions
from annotator.core.model import Code
from annotator.core.progress import CancelToken, Progress

AGREEMENT_UNIT = UnitKind.PRESENCE
AGREEMENT_DESCRIPTION = (
    "Inter-coder agreement per span code (and pooled over all codes) on posts finished by two "
    "or more coders; the unit is a post: did the coder apply the code anywhere in it (1/0). "
    "kappa is Cohen's for two coders and Fleiss' for more; pi is Scott's (two coders only); "
    "ac1 is Gwet's AC1. ci_low/ci_high bound a bootstrap percentile interval. An empty cell "
    "means the coefficient is undefined for these data (warning says why), never zero.")
_MEASURE_COLUMNS = (("percent", "percent_agreement"), ("alpha", "alpha"), ("kappa", "kappa"),
                    ("pi", "pi"), ("ac1", "ac1"), ("bp", "brennan_prediger"))
_INTERVAL_COLUMNS = ("alpha", "kappa")


def agreement_report_of(
    sample: ReliabilitySample,
    options: ExportOptions,
    progress: Progress,
    cancel: CancelToken | None,
) -> AgreementReport:
    """The presence-unit report over ``sample`` for the export's codes, resamples and seed."""
    report_options = ReportOptions(
        unit=AGREEMENT_UNIT, coders=options.coders, codes=options.codes,
        resamples=options.resamples, seed=options.seed)
    return build_report(sample, report_options, progress, cancel)


def agreement_sheet(report: AgreementReport) -> AgreementSheet:
    """The report's per-code rows as a table (see :data:`AGREEMENT_DESCRIPTION`);
    ``alpha`` is the charted column, ``code_path`` the category labels."""
    columns: dict[str, list[object]] = {"code_path": [], "units": [], "prevalence": []}
    for key, name in _MEASURE_COLUMNS:
        columns[name] = []
        if key in _INTERVAL_COLUMNS:
            columns[f"{name}_ci_low"], columns[f"{name}_ci_high"] = [], []
    columns["warning"] = []
    for row in report.rows:
        columns["code_path"].append(row.code_path)
        columns["units"].append(row.units)
        columns["prevalence"].append(_number(row.prevalence))
        for key, name in _MEASURE_COLUMNS:
            measure = row.measure(key)
            columns[name].append(_number(None if measure is None else measure.result.value))
            if key in _INTERVAL_COLUMNS:
                interval = None if measure is None else measure.interval
                columns[f"{name}_ci_low"].append(_number(interval.low if interval else None))
                columns[f"{name}_ci_high"].append(
                    _number(interval.high if interval else None))
        columns["warning"].append(_warning(row))
    frame = pd.DataFrame(columns)
    for name, values in columns.items():
        if name not in ("code_path", "warning"):
            frame[name] = np.array(values, dtype=np.float64)
    kinds = {name: ColumnKind.NUMBER for name in frame.columns
             if name not in ("code_path", "warning")}
    kinds.update(prevalence=ColumnKind.PERCENT, percent_agreement=ColumnKind.PERCENT)
    sheet = table("Agreement", frame, kinds, AGREEMENT_DESCRIPTION)
    return AgreementSheet(sheet, chart_column="alpha", label_column="code_path")


def _number(value: float | None) -> float:
    """``None`` (undefined) as NaN, so it is written as an empty cell, never as 0."""
    return np.nan if value is None else float(value)


def _warning(row: CodeAgreement) -> str | None:
    """The kappa-paradox warning and why undefined coefficients are undefined."""
    reasons: dict[str, list[str]] = {}
    for measure in row.measures:
        if measure.result.value is None and measure.result.reason:
            reasons.setdefault(measure.result.reason, []).append(
                dict(_MEASURE_COLUMNS).get(measure.key, measure.key))
    parts = [row.paradox] if row.paradox else []
    if reasons:
        parts.append("Undefined: " + "; ".join(
            f"{', '.join(names)} ({reason})" for reason, names in reasons.items()) + ".")
    return " ".join(parts) or None


def reliability_matrices(sample: ReliabilitySample, codes: list[Code]) -> dict[str, pd.DataFrame]:
    """Code path -> units x coders presence matrix for each span code of ``codes``.

    Rows are the sample's posts (index ``post_id``, ascending), columns the sample's coders
    (names); 1 = the coder applied the code in the post, 0 = finished the post without it,
    NaN = did not finish the post.  Every row has at least two values.
    """
    docs = np.array(sorted(sample.coded_by), dtype=np.int64)
    coder_ids = list(sample.coders)
    finished = np.array([[coder in sample.coded_by[int(doc)] for coder in coder_ids]
                         for doc in docs], dtype=bool).reshape(len(docs), len(coder_ids))
    base = np.where(finished, 0.0, np.nan)
    spans = sample.spans
    doc_at = pd.Index(docs).get_indexer(spans["doc"].to_numpy())
    coder_at = pd.Index(coder_ids).get_indexer(spans["coder"].to_numpy())
    index = pd.Index(docs, name="post_id")
    columns = pd.Index(list(sample.coders.values()), name="coder")
    matrices: dict[str, pd.DataFrame] = {}
    for code in codes:
        if code.is_variable:
            continue
        values = base.copy()
        own = (spans["code"].to_numpy() == code.id) & (doc_at >= 0) & (coder_at >= 0)
        values[doc_at[own], coder_at[own]] = 1.0
        matrices[code.path_text] = pd.DataFrame(values, index=index, columns=columns)
    return matrices
