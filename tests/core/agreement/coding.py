"""A demo project coded by three coders, with the plan kept so tests can recompute by hand.

The plan is drawn from a seeded generator; tests build their expected reliability data
from the plan (never from the database) and compare it with what the report computed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from annotator.core.model import PostStatus
from annotator.core.project import Project
from annotator.core.spans import Span

CODERS = ("Ann", "Ben", "Cy")
SPAN_CODES = ("Framing/Threat", "Framing/Victimhood", "Rhetoric/Whataboutism")


@dataclass
class Plan:
    """Who finished which post and which spans and values each coder gave."""

    coder_ids: dict[str, int] = field(default_factory=dict)
    code_ids: dict[str, int] = field(default_factory=dict)
    finished: dict[int, set[str]] = field(default_factory=dict)
    """Post id -> coders who marked it done."""
    spans: dict[tuple[int, str, str], list[tuple[int, int]]] = field(default_factory=dict)
    """(post id, code path, coder) -> spans."""
    stance: dict[tuple[int, str], str] = field(default_factory=dict)
    """(post id, coder) -> level name of "Stance toward the West"."""
    unfinished_spans: int = 0


def code_demo(project: Project, seed: int = 7) -> Plan:
    """Code the demo project: posts 1-12 finished by two or three coders, the rest by one
    or none; coders mostly agree, sometimes shift, drop or add a span."""
    rng = random.Random(seed)
    plan = Plan()
    for name in CODERS:
        plan.coder_ids[name] = project.coders.create(name)[0].id
    for path in SPAN_CODES:
        plan.code_ids[path] = project.codes.by_path(path).id
    stance = project.codes.by_path("Stance toward the West")
    levels = [level.name for level in stance.levels]
    posts = project.posts.ids()
    for number, post_id in enumerate(posts):
        text = project.posts.get(post_id).text
        if number >= 15:
            who = []
        elif number >= 12:
            who = ["Ann"]
        else:
            who = list(CODERS) if number % 3 == 0 else list(CODERS[:2])
        base = _spans(rng, len(text))
        for coder in who:
            for path in SPAN_CODES:
                spans = _vary(rng, base.get(path, []), len(text))
                for start, end in spans:
                    project.annotations.add(post_id, plan.code_ids[path], plan.coder_ids[coder],
                                            Span(start, end))
                if spans:
                    plan.spans[(post_id, path, coder)] = spans
            level = levels[min(len(levels) - 1, number % 4 + (rng.random() < 0.2))]
            project.values.set(post_id, stance.id, plan.coder_ids[coder], level)
            plan.stance[(post_id, coder)] = level
            project.statuses.set(post_id, plan.coder_ids[coder], PostStatus.DONE)
        plan.finished[post_id] = set(who)
    # Cy starts a post nobody else finished and one the others did, without marking it done.
    unfinished = posts[1]
    project.annotations.add(unfinished, plan.code_ids[SPAN_CODES[0]], plan.coder_ids["Cy"],
                            Span(0, 3))
    plan.unfinished_spans = 1
    return plan


def _spans(rng: random.Random, length: int) -> dict[str, list[tuple[int, int]]]:
    out: dict[str, list[tuple[int, int]]] = {}
    for path in SPAN_CODES:
        if length > 20 and rng.random() < 0.6:
            start = rng.randrange(0, length - 10)
            out[path] = [(start, min(length, start + rng.randrange(5, 40)))]
    return out


def _vary(rng: random.Random, spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    draw = rng.random()
    if draw < 0.15:
        return []
    if draw < 0.3 and length > 20:
        start = rng.randrange(0, length - 10)
        return sorted({*spans, (start, start + 5)})
    if draw < 0.45:
        return [(max(0, s - 2), min(length, e + 3)) for s, e in spans]
    return list(spans)
