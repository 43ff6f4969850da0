"""Garbage collection runs on the GUI thread only while the app runs."""

from __future__ import annotations

import gc

from annotator.ui.collector import MainThreadCollector


def test_collector_takes_over_and_gives_back(qtbot):
    was_enabled = gc.isenabled()
    collector = MainThreadCollector()
    try:
        assert not gc.isenabled()
        garbage = []
        garbage.append(garbage)  # a reference cycle
        del garbage
        collector.collect()  # runs when thresholds say so; must never raise
    finally:
        collector.stop()
    assert gc.isenabled()
    if not was_enabled:
        gc.disable()
