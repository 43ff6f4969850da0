"""Reliability data from post-level variables: one unit per double-finished post.

Single-choice and yes/no variables are nominal, ordinal variables ordinal (in the
codebook's level order), numbers interval.  A multiple-choice variable becomes one binary
unit per level ("Topic: economy" chosen or not), because a set of levels has no single
category; since an empty choice cannot be stored apart from "not set", a coder who finished
the post without choosing is taken to have chosen none.  Free-text variables have no
categories and are left out.  A coder who finished a post but left a single-choice,
ordinal, yes/no or number variable empty is *missing* for that unit.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from annotator.core.agreement.alpha import Level
from annotator.core.agreement.data import WeightedData, compress, encode
from annotator.core.model import Code


@dataclass(frozen=True)
class VariableUnits:
    """The reliability data of one variable (or one level of a multiple-choice one)."""

    code: Code
    label: str
    """The code path, plus ``: level`` for a level of a multiple-choice variable."""
    level: Level
    data: WeightedData
    display: Mapping[Hashable, str]
    """Category -> what to show (level names instead of stored level uuids)."""


def comparable(code: Code) -> bool:
    """Whether agreement can be computed on ``code`` (a variable with categories)."""
    return code.is_variable and code.variable_type != "text"


def variable_units(
    code: Code,
    values: pd.DataFrame,
    coders: Sequence[int],
    coded_by: Mapping[int, frozenset[int]],
) -> list[VariableUnits]:
    """The units of ``code`` from ``values`` (columns coder, doc, code, value)."""
    own = values[values["code"] == code.id]
    docs = sorted(coded_by)
    stored = {(doc, coder): value for coder, doc, value in
              zip(own["coder"], own["doc"], own["value"], strict=True)}
    names = {level.uuid: level.name for level in code.levels}
    kind = code.variable_type
    if kind == "multiple":
        return [_level_units(code, level.uuid or level.name, level.name, stored, docs, coders,
                             coded_by) for level in code.levels]
    level: Level = "nominal"
    categories: list[Hashable] | None
    if kind in ("single", "ordinal"):
        categories = [lv.uuid or lv.name for lv in code.levels]
        level = "ordinal" if kind == "ordinal" else "nominal"
    elif kind == "boolean":
        categories = [False, True]
    else:
        categories = None
        level = "interval"
    frame = _frame(docs, coders, coded_by, lambda doc, coder: stored.get((doc, coder)))
    display: dict[Hashable, str] = {}
    if kind in ("single", "ordinal"):
        display = {uuid: name for uuid, name in names.items() if uuid is not None}
    elif kind == "boolean":
        display = {False: "no", True: "yes"}
    data = compress(encode(frame, categories))
    return [VariableUnits(code, code.path_text, level, data, display)]


def _level_units(
    code: Code,
    key: str,
    name: str,
    stored: Mapping[tuple[int, int], Any],
    docs: Sequence[int],
    coders: Sequence[int],
    coded_by: Mapping[int, frozenset[int]],
) -> VariableUnits:
    def chosen(doc: int, coder: int) -> int:
        value = stored.get((doc, coder))
        return int(isinstance(value, list) and key in value)

    frame = _frame(docs, coders, coded_by, chosen)
    data = compress(encode(frame, [0, 1]))
    return VariableUnits(code, f"{code.path_text}: {name}", "nominal", data,
                         {0: "not chosen", 1: "chosen"})


def _frame(
    docs: Sequence[int],
    coders: Sequence[int],
    coded_by: Mapping[int, frozenset[int]],
    value: Any,
) -> pd.DataFrame:
    """Units x coders: ``value(doc, coder)`` where the coder finished the doc, else missing."""
    columns: dict[int, list[Any]] = {coder: [] for coder in coders}
    for doc in docs:
        finished = coded_by[doc]
        for coder in coders:
            columns[coder].append(value(doc, coder) if coder in finished else None)
    return pd.DataFrame({str(c): pd.Series(v, dtype=object) for c, v in columns.items()})
