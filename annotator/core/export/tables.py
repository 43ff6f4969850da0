"""The export's tables: exactly the frames an analyst would otherwise build by hand.

:func:`build_tables` reads one consistent snapshot of the project (:mod:`.snapshot`) and
builds every sheet from it, column-wise.  Conventions shared by every table:

* column names are lower_snake_case and stable from one export to the next (except the
  Matrix's per-code columns, named by code path, and the reliability matrices' coder
  columns);
* ``post_id`` joins every table to Posts; ``coder`` is the coder's (unique) name;
  ``code_path`` and ``code_uuid`` join the coding tables to Codebook, and the path is also
  split into ``code_level_1`` ... ``code_level_N`` (:mod:`.table_codebook`);
* dates are timezone-naive UTC datetimes in columns whose names end in ``_utc``;
* offsets and lengths count Unicode code points (Python's ``len``), never UTF-16 units;
* missing values are ``None``/NaN (an empty cell), and an undefined coefficient is NaN,
  never 0.

The options narrow everything: only the chosen coders' work, the chosen codes (their
annotations, values, Codebook rows and Matrix columns) and the chosen posts appear.  The
adjudicated (gold) layer counts as a coder here: exported with "every coder" or when its
coder id is chosen, it adds rows with ``layer`` "adjudicated" to Annotations, Variables and
Matrix; it enters agreement only when chosen explicitly.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pandas as pd

from annotator.core.export.about import about_rows
from annotator.core.export.columns import max_depth
from annotator.core.export.model import AgreementSheet, ExportTables, Table
from annotator.core.export.options import ExportOptions
from annotator.core.export.snapshot import Snapshot, read_snapshot
from annotator.core.export.table_agreement import (
    agreement_report_of,
    agreement_sheet,
    reliability_matrices,
)
from annotator.core.export.table_codebook import codebook_table
from annotator.core.export.table_coding import (
    annotations_table,
    coder_layer,
    gold_layer,
    matrix_table,
    variables_table,
)
from annotator.core.export.table_posts import posts_table
from annotator.core.progress import CancelToken, Progress, check_cancel, no_progress

if TYPE_CHECKING:
    from annotator.core.project import Project

_STEPS = 8
"""Progress steps: read, posts, annotations, variables, matrix, codebook, agreement, about."""


def build_tables(
    project: Project,
    options: ExportOptions,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> ExportTables:
    """Every table of an export of ``project`` narrowed by ``options``.

    Reads in one short read transaction (coding may go on meanwhile); safe to call from a
    worker thread.  Reports ``progress(step, 8)`` after each table and checks ``cancel``
    between them (and inside the agreement computation), raising
    :class:`~annotator.core.progress.Cancelled`.  Unknown coder, code or post ids raise
    :class:`~annotator.core.errors.NotFound`.  The Agreement table is built when
    ``options.agreement`` is set and two or more chosen coders finished the same chosen
    posts; the reliability matrices whenever such posts exist.
    """
    report = progress or no_progress
    check_cancel(cancel)
    snapshot = read_snapshot(project, options)
    report(1, _STEPS)
    depth = max_depth(snapshot.codes)
    makers: list[Callable[[], Table]] = [
        lambda: posts_table(snapshot),
        lambda: annotations_table(snapshot, depth),
        lambda: variables_table(snapshot),
        lambda: matrix_table(snapshot, [layer for layer in (coder_layer(snapshot),
                                                             gold_layer(snapshot)) if layer]),
        lambda: codebook_table(snapshot, depth),
    ]
    built: list[Table] = []
    for step, make in enumerate(makers, start=2):
        check_cancel(cancel)
        built.append(make())
        report(step, _STEPS)
    posts, annotations, variables, matrix, codebook = built
    check_cancel(cancel)
    agreement, reliability = _agreement(snapshot, options, cancel)
    report(7, _STEPS)
    tables = ExportTables(
        about=[],
        posts=posts,
        annotations=annotations,
        variables=variables,
        matrix=matrix,
        codebook=codebook,
        agreement=agreement,
        reliability=reliability,
    )
    tables.about.extend(about_rows(snapshot, options, tables, datetime.now(UTC)))
    report(8, _STEPS)
    return tables


def _agreement(
    snapshot: Snapshot, options: ExportOptions, cancel: CancelToken | None
) -> tuple[AgreementSheet | None, dict[str, pd.DataFrame]]:
    sample = snapshot.sample
    if sample is None or len(sample.coders) < 2 or not sample.coded_by \
            or not snapshot.span_codes:
        return None, {}
    reliability = reliability_matrices(sample, list(snapshot.span_codes))
    if not options.agreement:
        return None, reliability
    report = agreement_report_of(sample, options, no_progress, cancel)
    return agreement_sheet(report), reliability
