"""``assign`` and ``assignments``: hand out posts to coders, with a reliability sample.

``assign`` picks the posts (filter, then range, then random sample; see
:mod:`annotator.core.team.assignment_selection`), plans the split (the rules are in
:mod:`annotator.core.team.assignment_plan`) and stores it as one batch, printing the plan.
Coders are named by name or uuid; unknown names are an error unless ``--create-coders``,
which creates them in the same transaction as the assignments (never with ``--dry-run``).
``assignments`` lists each coder's assigned posts and progress, and removes a batch or a
coder's assignments.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
from typing import Any

from annotator.cli.console import (
    CliError,
    CommandFactory,
    add_project_argument,
    iso,
    json_text,
    open_project,
    out,
)
from annotator.cli.selection import coder_ids, names
from annotator.core.model import Coder
from annotator.core.posts.service import PostFilter
from annotator.core.project import Project
from annotator.core.team.assignment_plan import AssignmentPlan, Overlap, new_seed, plan
from annotator.core.team.assignment_selection import PostChoice, PostRange, choose_posts


def _coders(project: Project, text: str, create: bool) -> tuple[list[int], dict[int, str]]:
    """The coders of ``--coders``: ids, and placeholder ids (< 0) -> names of new coders."""
    gold = [c for c in project.coders.list(include_gold=True) if c.is_gold]
    for coder in gold:
        if coder.name.casefold() in (n.casefold() for n in names(text)) or coder.uuid in text:
            raise CliError(f"{coder.name!r} is the adjudicated layer; posts are assigned to "
                           "coders")
    if not create:
        found = coder_ids(project, text)
        assert found is not None
        return list(found), {}
    known: dict[str, int] = {}
    for coder in project.coders.list():
        known[coder.uuid] = known[coder.name.casefold()] = coder.id
    ids: list[int] = []
    new: dict[int, str] = {}
    for name in names(text):
        coder_id = known.get(name, known.get(name.casefold()))
        if coder_id is None:
            coder_id = -1 - len(new)
            new[coder_id] = name
            known[name.casefold()] = coder_id
        ids.append(coder_id)
    return list(dict.fromkeys(ids)), new


def _channel(project: Project, text: str | None) -> str | None:
    """The key of the channel named ``text`` (its key, title or @username, any case)."""
    if text is None:
        return None
    wanted = text.strip().removeprefix("@").casefold()
    channels = project.posts.channels()
    for channel in channels:
        if wanted in (channel.key.casefold(), channel.title.casefold(),
                      channel.key.removeprefix("@").casefold()):
            return channel.key
    listed = ", ".join(c.title for c in channels) or "none"
    raise CliError(f"no channel {text!r} (channels: {listed})")


def _choice(project: Project, args: argparse.Namespace) -> PostChoice:
    channel = _channel(project, args.channel)
    text = args.filter or ""
    where = PostFilter(channel=channel, text=text) if channel or text.strip() else None
    span = PostRange.parse(args.range) if args.range is not None else None
    return PostChoice(where, span, args.sample)


def _cmd_assign(args: argparse.Namespace) -> None:
    if args.overlap is None and args.overlap_coders is not None:
        raise CliError("--overlap-coders needs --overlap")
    overlap = Overlap.parse(args.overlap) if args.overlap is not None else None
    seed = args.seed if args.seed is not None else new_seed()
    with open_project(args.project) as project:
        coders, new = _coders(project, args.coders, args.create_coders)
        if not coders:
            raise CliError("--coders names no coder")
        post_ids = choose_posts(project.posts, _choice(project, args), seed)
        if not post_ids:
            raise CliError("no posts match the filter")
        strata = project.assignments.channel_strata() if args.stratify else None
        made = plan(post_ids, coders, overlap, args.overlap_coders, seed, strata,
                    project.assignments.assigned_posts(), args.replace)
        people = {c.id: c for c in project.coders.list()}
        titles = {c.key: c.title for c in project.posts.channels()}
        if not args.dry_run:
            project.assignments.apply(made, new)
            people = {c.id: c for c in project.coders.list()}
            by_name = {c.name: c.id for c in people.values()}
            people.update({placeholder: people[by_name[" ".join(name.split())]]
                           for placeholder, name in new.items()})
    if args.json:
        out(json_text(_plan_record(made, people, new, titles, applied=not args.dry_run)))
        return
    for line in _plan_lines(made, people, new, titles):
        out(line)
    if args.dry_run:
        out("dry run: nothing was written")
    else:
        out(f"assigned {len(made.planned)} posts ({made.assignments} assignments) to "
            f"{len(made.coders)} coders in batch {made.batch}")


def _name(coder_id: int, people: Mapping[int, Coder], new: Mapping[int, str]) -> str:
    if coder_id in people:
        return people[coder_id].name
    return f"{new[coder_id]} (new)"


def _plan_lines(made: AssignmentPlan, people: Mapping[int, Coder], new: Mapping[int, str],
                titles: Mapping[str, str]) -> list[str]:
    lines = [f"plan: {len(made.planned)} posts for {len(made.coders)} coder"
             f"{'' if len(made.coders) == 1 else 's'} (seed {made.seed}, batch {made.batch})"]
    if made.reliability:
        k, m = made.overlap_coders, len(made.coders)
        who = f"{k} of the {m} coders" if k < m else "both coders" if m == 2 else f"all {m} coders"
        lines.append(f"reliability sample: {len(made.reliability)} posts ({made.overlap}), "
                     f"each coded by {who}")
    else:
        lines.append("reliability sample: none")
    if made.strata:
        lines.append("stratified by channel: " + "; ".join(
            f"{titles.get(s.stratum, s.stratum)} {s.posts} posts ({s.reliability} reliability)"
            for s in made.strata))
    rows = [("coder", "posts", "reliability")]
    rows += [(_name(s.coder_id, people, new), str(s.posts), str(s.reliability))
             for s in made.shares()]
    lines += _aligned(rows)
    if made.skipped:
        lines.append(f"skipped {len(made.skipped)} posts already assigned "
                     "(--replace assigns them anew)")
    if made.replaced:
        lines.append(f"replacing the earlier assignments of {len(made.replaced)} posts")
    return lines


def _plan_record(made: AssignmentPlan, people: Mapping[int, Coder], new: Mapping[int, str],
                 titles: Mapping[str, str], applied: bool) -> dict[str, Any]:
    return {
        "applied": applied,
        "batch": made.batch,
        "seed": made.seed,
        "posts": len(made.planned),
        "assignments": made.assignments,
        "overlap": None if made.overlap is None else str(made.overlap),
        "reliability_posts": len(made.reliability),
        "coders_per_reliability_post": made.overlap_coders,
        "coders": [{"name": people[s.coder_id].name if s.coder_id in people
                    else new[s.coder_id],
                    "uuid": people[s.coder_id].uuid if s.coder_id in people else None,
                    "posts": s.posts, "reliability": s.reliability} for s in made.shares()],
        "strata": [{"channel": titles.get(s.stratum, s.stratum), "posts": s.posts,
                    "reliability": s.reliability} for s in made.strata],
        "skipped": len(made.skipped),
        "replaced": len(made.replaced),
    }


def _cmd_assignments(args: argparse.Namespace) -> None:
    with open_project(args.project) as project:
        if args.remove_batch is not None:
            found = [b for b in project.assignments.batches() if b.batch == args.remove_batch]
            if not found:
                raise CliError(f"no assignment batch {args.remove_batch!r}")
            project.assignments.remove(args.remove_batch)
            out(f"removed batch {args.remove_batch} ({found[0].posts} posts, "
                f"{found[0].assignments} assignments)")
            return
        if args.clear is not None:
            chosen = coder_ids(project, args.clear)
            assert chosen is not None
            for coder_id in chosen:
                count = len(project.assignments.for_coder(coder_id))
                project.assignments.clear(coder_id)
                out(f"removed {count} assignments of {project.coders.get(coder_id).name}")
            return
        summary = project.assignments.summary()
        batches = project.assignments.batches()
        people = {c.id: c.name for c in project.coders.list(include_gold=True)}
        totals = {"posts": project.posts.count(),
                  "assigned_posts": len(project.assignments.assigned_posts()),
                  "reliability_posts": len(project.assignments.reliability_posts())}
    if args.json:
        out(json_text({
            **totals,
            "coders": [{"name": s.coder.name, "uuid": s.coder.uuid, "assigned": s.assigned,
                        "reliability": s.reliability, "in_progress": s.in_progress,
                        "done": s.done} for s in summary],
            "batches": [{"batch": b.batch, "created": iso(b.created), "posts": b.posts,
                         "assignments": b.assignments, "reliability_posts": b.reliability_posts,
                         "coders": [people.get(c, str(c)) for c in b.coder_ids]}
                        for b in batches],
        }))
        return
    if not summary:
        out("(no assignments)")
        return
    rows = [("coder", "assigned", "reliability", "in progress", "done", "done %")]
    rows += [(s.coder.name, str(s.assigned), str(s.reliability), str(s.in_progress),
              str(s.done), f"{s.progress.percent_done:.0f}%") for s in summary]
    for line in _aligned(rows):
        out(line)
    out(f"{totals['assigned_posts']} of {totals['posts']} posts assigned, "
        f"{totals['reliability_posts']} of them in a reliability sample")
    out("batches:")
    for b in batches:
        when = b.created.strftime("%Y-%m-%d %H:%M UTC")
        out(f"  {b.batch}  {when}  {b.posts} posts, {b.reliability_posts} "
            f"reliability; {', '.join(people.get(c, str(c)) for c in b.coder_ids)}")


def _aligned(rows: Sequence[Sequence[str]]) -> list[str]:
    """The rows as columns: the first left-aligned, the others right-aligned."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                      for i, (cell, w) in enumerate(zip(row, widths, strict=True))).rstrip()
            for row in rows]


def register(command: CommandFactory) -> None:
    sub = command("assign", _cmd_assign, "Assign posts to coders, with a reliability sample "
                  "that several coders code; prints the plan (posts chosen by filter, then "
                  "range, then random sample).")
    add_project_argument(sub, "an existing project file")
    sub.add_argument("--coders", required=True, metavar="A,B,...",
                     help="the coders, by name or uuid")
    sub.add_argument("--overlap", metavar="SIZE", help="the reliability sample: a share of "
                     "the posts (20%%) or a number of posts (50), coded by several coders")
    sub.add_argument("--overlap-coders", type=int, metavar="K", help="coders per reliability "
                     "post (default: all chosen coders; at least 2)")
    sub.add_argument("--seed", type=int, metavar="N", help="the random seed (default: a new "
                     "one, printed, so the plan can be repeated)")
    sub.add_argument("--filter", metavar="TEXT", help="only posts matching this full-text "
                     "search (every word, as a prefix; \"quoted phrases\")")
    sub.add_argument("--channel", metavar="NAME", help="only posts of this channel (title, "
                     "key or @username)")
    sub.add_argument("--range", metavar="A-B", help="only posts A to B (1-based, in post order "
                     "after the filter; B may be left out: to the end)")
    sub.add_argument("--sample", type=int, metavar="N", help="only a random sample of N posts "
                     "(after the filter and range; seeded)")
    sub.add_argument("--stratify", choices=["channel"], help="draw the reliability sample in "
                     "proportion to each channel and split each channel evenly")
    sub.add_argument("--replace", action="store_true", help="also plan posts already assigned, "
                     "dropping their earlier assignments (default: leave them out)")
    sub.add_argument("--create-coders", action="store_true", help="create coders named in "
                     "--coders that do not exist yet")
    sub.add_argument("--dry-run", action="store_true", help="show the plan, write nothing")
    sub.add_argument("--json", action="store_true", help="print the plan as a JSON object")
    sub = command("assignments", _cmd_assignments, "List each coder's assigned posts and "
                  "progress and the assignment batches, or remove a batch or a coder's "
                  "assignments.")
    add_project_argument(sub, "an existing project file")
    action = sub.add_mutually_exclusive_group()
    action.add_argument("--json", action="store_true", help="print a JSON object")
    action.add_argument("--remove-batch", metavar="UUID", help="remove the assignments of "
                        "one batch (their coding stays)")
    action.add_argument("--clear", metavar="CODER,...", help="remove every assignment of "
                        "these coders (their coding stays)")
