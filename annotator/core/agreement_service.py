"""The agreement report of a project: read the reliability sample, then compute (pure)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.core.agreement.compute import build_report
from annotator.core.agreement.options import ReportOptions
from annotator.core.agreement.report import AgreementReport
from annotator.core.agreement_sample import load_sample
from annotator.core.progress import CancelToken, Progress, check_cancel, no_progress

if TYPE_CHECKING:
    from annotator.core.project import Project

__all__ = ["ReportOptions", "agreement_report"]


def agreement_report(
    project: Project,
    options: ReportOptions,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> AgreementReport:
    """The agreement report for ``options`` (see :mod:`annotator.core.agreement.compute`).

    Reads in one short read transaction, so coding may go on meanwhile; unknown coder or
    code ids raise ``ValueError``.  Safe to call from a worker thread.
    """
    with project.sessions() as session:
        sample = load_sample(session, options.coders, options.codebook_version)
    check_cancel(cancel)
    return build_report(sample, options, progress or no_progress, cancel)
