"""The About rows of an export: what was exported, from what, when, with which choices.

Human-readable (field, value) pairs, first sheet of the workbook and ``about.csv``: the
project, the export time in UTC, versions, coders, counts, the filter and choices, how
agreement was computed, and one line per table saying what it holds.
"""

from __future__ import annotations

from datetime import datetime

import annotator
from annotator.core.export.columns import LIST_SEPARATOR
from annotator.core.export.model import ExportTables
from annotator.core.export.options import ExportOptions
from annotator.core.export.snapshot import Snapshot
from annotator.core.export.table_agreement import AGREEMENT_UNIT

ABOUT_DESCRIPTION = "What was exported, from which project, when (UTC), and with which choices."


def about_rows(
    snapshot: Snapshot, options: ExportOptions, tables: ExportTables, now: datetime
) -> list[tuple[str, str]]:
    """The About rows for ``tables`` built from ``snapshot`` at ``now`` (aware, UTC)."""
    name = snapshot.codebook_name or "(unnamed)"
    rows = [
        ("Project file", snapshot.project_name),
        ("Exported at (UTC)", now.strftime("%Y-%m-%dT%H:%M:%SZ")),
        ("Annotator version", annotator.__version__),
        ("Project schema version", str(snapshot.schema_version)),
        ("Codebook", f"{name}, version {snapshot.codebook_version}"),
        ("Coders", LIST_SEPARATOR.join(f"{coder} (id {cid})"
                                       for cid, coder in snapshot.coders.items()) or "none"),
        ("Posts exported", f"{len(snapshot.posts):,} of {snapshot.n_posts_total:,}"),
        ("Annotations exported", f"{len(snapshot.annotations):,}"),
        ("Variable values exported", f"{len(snapshot.values):,}"),
        *_gold_rows(snapshot),
        ("Filter", options.filters or "none"),
        ("Coders chosen", "all" if options.coders is None
         else LIST_SEPARATOR.join(snapshot.coders.values())),
        ("Codes chosen", "all" if options.codes is None
         else LIST_SEPARATOR.join(code.path_text for code in snapshot.codes)),
        ("Posts chosen", "all" if options.post_ids is None
         else f"{len(snapshot.posts):,} chosen posts"),
        *_agreement_rows(snapshot, options, tables),
        ("Sheet About", ABOUT_DESCRIPTION),
    ]
    rows.extend((f"Sheet {table.name}", table.description) for table in tables.tables())
    return rows


def _agreement_rows(
    snapshot: Snapshot, options: ExportOptions, tables: ExportTables
) -> list[tuple[str, str]]:
    sample = snapshot.sample
    double = 0 if sample is None else len(sample.coded_by)
    if not double or sample is None:
        return [("Agreement", "not computed: no post was finished by two or more of the "
                              "chosen coders")]
    rows = [("Posts finished by two or more coders", f"{double:,}"),
            ("Reliability matrices", f"{len(tables.reliability)} span codes; unit: post "
                                     "(presence of the code), 1/0, empty = not finished")]
    if tables.agreement is None:
        reason = "not requested" if not options.agreement else "no span code chosen"
        return [*rows, ("Agreement", f"not computed: {reason}")]
    excluded = LIST_SEPARATOR.join(f"{what}: {count:,}"
                                   for what, count in sample.excluded.items())
    return [
        *rows,
        ("Agreement unit", f"{AGREEMENT_UNIT} (a post: did the coder apply the code in it)"),
        ("Agreement coders", LIST_SEPARATOR.join(sample.coders.values())),
        ("Bootstrap resamples", str(options.resamples)),
        ("Bootstrap seed", str(options.seed)),
        ("Left out of agreement", excluded or "nothing"),
    ]


def _gold_rows(snapshot: Snapshot) -> list[tuple[str, str]]:
    """The adjudicated layer, counted apart from the people's work."""
    gold = snapshot.gold
    if gold is None:
        return []
    return [("Adjudicated layer", f"{gold.name}: {len(gold.annotations):,} annotations, "
             f"{len(gold.values):,} variable values (rows with layer = adjudicated)")]
