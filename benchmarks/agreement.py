"""Speed of the agreement library and of the full agreement report, in one run.

1. Nominal Krippendorff's alpha on 100,000 units x 5 coders with 10% missing values:
   our ``krippendorff_alpha`` against the ``krippendorff`` package on the same data in the
   same process (best of several repeats each); target ratio <= 1.0.
2. The full report (``agreement_report``: read the project, 50 codes, six measures per code,
   bootstrap intervals of alpha and kappa with 1,000 resamples, pairwise matrix, disagreement
   list) on a project of 20,000 posts double-coded with 50 span codes; target <= 5 s for
   the presence unit.  The other units are timed too, for the record.

    python benchmarks/agreement.py [--posts 20000] [--codes 50] [--repeat 5]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import uuid as uuid_module
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import krippendorff
import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.core.agreement import krippendorff_alpha  # noqa: E402
from annotator.core.agreement.options import ReportOptions  # noqa: E402
from annotator.core.agreement.report import UnitKind  # noqa: E402
from annotator.core.agreement_service import agreement_report  # noqa: E402
from annotator.core.project import Project  # noqa: E402
from annotator.core.storage.schema import (  # noqa: E402
    AnnotationRow,
    PostStatusRow,
)
from benchmarks.synthetic import add_codebook, insert_posts, texts  # noqa: E402

RATIO_TARGET = 1.0
REPORT_TARGET = 5.0


def best(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def alpha_ratio(repeat: int) -> None:
    rng = np.random.default_rng(42)
    data = rng.integers(0, 4, size=(100_000, 5)).astype(np.float64)
    data[rng.random(data.shape) < 0.10] = np.nan
    frame = pd.DataFrame(data)
    ours = krippendorff_alpha(frame).value
    theirs = krippendorff.alpha(reliability_data=data.T, level_of_measurement="nominal")
    assert ours is not None and abs(ours - theirs) < 1e-9, (ours, theirs)
    our_time = best(lambda: krippendorff_alpha(frame), repeat)
    their_time = best(
        lambda: krippendorff.alpha(reliability_data=data.T, level_of_measurement="nominal"),
        repeat)
    ratio = our_time / their_time
    verdict = "OK" if ratio <= RATIO_TARGET else "MISSED"
    print(f"alpha 100,000 units x 5 coders, 10% missing: ours {our_time * 1000:.1f} ms, "
          f"krippendorff {their_time * 1000:.1f} ms, ratio {ratio:.2f} "
          f"(target <= {RATIO_TARGET}) {verdict}")


def build_project(path: Path, posts: int, codes: int) -> None:
    """A project of ``posts`` posts, each finished by two coders who applied about a third
    of ``codes`` span codes with mostly, but not always, the same spans."""
    rng = random.Random(7)
    now = datetime(2026, 1, 1, tzinfo=UTC)
    with Project.create(path) as project:
        ann = project.coders.create("Ann")[0].id
        ben = project.coders.create("Ben")[0].id
        code_ids = add_codebook(project, codes)
        bodies = texts(rng, posts)
        with project.sessions.begin() as session:
            post_ids = insert_posts(session, bodies, [now] * posts)
            annotations, statuses = [], []
            for post_id, text in zip(post_ids, bodies, strict=True):
                for coder in (ann, ben):
                    statuses.append({"post_id": post_id, "coder_id": coder, "status": "done",
                                     "updated": now})
                for code in rng.sample(code_ids, len(code_ids) // 3):
                    start = rng.randrange(0, len(text) - 10)
                    end = min(len(text), start + rng.randint(5, 60))
                    for coder in (ann, ben):
                        if rng.random() < 0.1:
                            continue
                        s, e = start, end
                        if rng.random() < 0.2:
                            s = max(0, s - rng.randint(1, 5))
                        annotations.append({
                            "uuid": str(uuid_module.uuid4()), "post_id": post_id,
                            "code_id": code, "coder_id": coder, "start": s, "end": e,
                            "quote": text[s:e], "memo": "", "created": now, "updated": now,
                            "codebook_version": 1})
            session.execute(PostStatusRow.__table__.insert(), statuses)
            session.execute(AnnotationRow.__table__.insert(), annotations)
        print(f"project: {posts:,} posts, {len(code_ids)} codes, {len(annotations):,} "
              f"annotations, 2 coders")


def report_times(path: Path) -> None:
    with Project.open(path) as project:
        for unit in UnitKind:
            start = time.perf_counter()
            report = agreement_report(project, ReportOptions(unit=unit))
            seconds = time.perf_counter() - start
            if unit is UnitKind.VARIABLE:
                continue
            verdict = ""
            if unit is UnitKind.PRESENCE:
                verdict = f" (target <= {REPORT_TARGET:g} s) " + (
                    "OK" if seconds <= REPORT_TARGET else "MISSED")
            print(f"full report, unit {unit}: {seconds:.2f} s, {len(report.rows)} rows, "
                  f"{len(report.disagreements):,} disagreements{verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=20_000)
    parser.add_argument("--codes", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    alpha_ratio(args.repeat)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.annot"
        build_project(path, args.posts, args.codes)
        report_times(path)


if __name__ == "__main__":
    main()
