"""``adjudicate``: adjudication progress, the open disagreements, the decision log, and
adopting what all coders agree on.

Deciding disagreements one by one is done in the GUI (Coding → Adjudicate…), where the
supervisor sees each coder's spans side by side; here the supervisor checks progress,
exports the open items as JSON, reads the decision log and seeds the gold layer with the
agreed entries (``--accept-agreed --adjudicator NAME``, logged under that person's name).
"""

from __future__ import annotations

import argparse
from typing import Any

from annotator.cli.console import (
    CliError,
    CommandFactory,
    add_project_argument,
    err,
    iso,
    json_text,
    open_project,
    out,
)
from annotator.core.errors import NotFound
from annotator.core.model import Code, Coder, Post
from annotator.core.project import Project
from annotator.core.team.adjudication import AdjudicationService
from annotator.core.team.adjudication_items import (
    Decision,
    Item,
    Progress,
    describe_value,
)


def _adjudicator(project: Project, name: str | None) -> Coder:
    """The person named by ``--adjudicator``, created when new (the gold layer refused)."""
    if not name:
        raise CliError("--accept-agreed needs --adjudicator NAME (who is deciding)")
    try:
        coder = project.coders.by_name(name)
    except NotFound:
        coder = project.coders.create(name)[0]
        err(f"note: created coder {coder.name!r} as the adjudicator")
    if coder.is_gold:
        raise CliError(f"{coder.name!r} is the adjudicated layer itself; name a person")
    return coder


def _progress_lines(progress: Progress) -> list[str]:
    lines = [
        f"Adjudicated {progress.decided} of {progress.total} items ({progress.open} open) on "
        f"{len(progress.posts)} posts finished by two or more coders; "
        f"{progress.complete_posts} posts complete.",
        f"Agreed entries adopted: {progress.seeded} of {progress.agreed}.",
    ]
    if progress.posts:
        lines += ["", "post\topen\tdecided\titems\tagreed\tadopted\tcomplete"]
        lines += [f"{p.label}\t{p.open}\t{p.decided}\t{p.total}\t{p.agreed}\t{p.seeded}\t"
                  f"{'yes' if p.complete else 'no'}" for p in progress.posts]
    return lines


def _progress_json(progress: Progress) -> dict[str, Any]:
    return {
        "items": progress.total, "decided": progress.decided, "open": progress.open,
        "agreed": progress.agreed, "adopted": progress.seeded,
        "complete_posts": progress.complete_posts,
        "posts": [{"post_id": p.post_id, "post": p.label, "items": p.total,
                   "decided": p.decided, "open": p.open, "agreed": p.agreed,
                   "adopted": p.seeded, "complete": p.complete} for p in progress.posts],
    }


def _version(code: Code, text: str, spans: Any, value: Any) -> dict[str, Any]:
    if code.is_variable:
        return {"value": value, "shown": describe_value(code, value)}
    return {"spans": [{"start": s.start, "end": s.end, "quote": text[s.start:s.end]}
                      for s in spans]}


def _decision_json(decision: Decision, codes: dict[int, Code]) -> dict[str, Any]:
    code = codes.get(decision.code_id)
    return {
        "uuid": decision.uuid, "post_id": decision.post_id,
        "code": code.path_text if code else None, "adjudicator": decision.adjudicator,
        "action": decision.action.value, "sources": list(decision.sources),
        "before": decision.before, "after": decision.after, "note": decision.note,
        "at": iso(decision.at),
    }


def _item_json(item: Item, post: Post, label: str, coders: dict[int, Coder],
               codes: dict[int, Code]) -> dict[str, Any]:
    entry = item.entry
    code = codes[entry.code_id]
    return {
        "post_id": entry.post_id, "post": label, "code": code.path_text,
        "code_uuid": code.uuid, "kind": "variable" if entry.is_variable else "span",
        "state": "decided" if item.decided else "open",
        "coders": [{"name": coders[c].name, "uuid": coders[c].uuid,
                    **_version(code, post.text, entry.spans_of(c), entry.value_of(c))}
                   for c in entry.coders],
        "decision": _decision_json(item.decision, codes) if item.decision else None,
    }


def _items(project: Project, service: AdjudicationService, everything: bool
           ) -> list[dict[str, Any]]:
    codes = {code.id: code for code in project.codes.list()}
    coders = {coder.id: coder for coder in project.coders.list(include_gold=True)}
    labels = {p.post_id: p.label for p in service.progress().posts}
    found = service.items(open_only=not everything, agreed=everything)
    posts = {post_id: project.posts.get(post_id)
             for post_id in dict.fromkeys(i.entry.post_id for i in found)}
    return [_item_json(i, posts[i.entry.post_id], labels[i.entry.post_id], coders, codes)
            for i in found]


def _item_line(item: dict[str, Any]) -> str:
    versions = []
    for coder in item["coders"]:
        if "spans" in coder:
            shown = ", ".join(f"[{s['start']}, {s['end']}) {s['quote']!r}"
                              for s in coder["spans"]) or "no spans"
        else:
            shown = coder["shown"]
        versions.append(f"{coder['name']}: {shown}")
    return f"{item['post']}\t{item['code']}\t{item['state']}\t" + " | ".join(versions)


def _cmd_adjudicate(args: argparse.Namespace) -> None:
    modes = [name for name in ("status", "items", "log", "accept_agreed") if getattr(args, name)]
    if len(modes) > 1:
        raise CliError("choose one of --status, --items, --log and --accept-agreed")
    mode = modes[0] if modes else ("items" if args.json else "status")
    with open_project(args.project) as project:
        service = AdjudicationService(project.sessions)
        if mode == "accept_agreed":
            adjudicator = _adjudicator(project, args.adjudicator)
            change = service.seed_agreed(adjudicator.id)
            progress = service.progress()
            gold = project.coders.gold()
            out(f"adopted {len(change.steps)} agreed entries into {gold.name!r} as "
                f"{adjudicator.name}; {progress.complete_posts} of {len(progress.posts)} "
                f"posts complete, {progress.open} items open")
        elif mode == "status":
            progress = service.progress()
            out(json_text(_progress_json(progress)) if args.json
                else "\n".join(_progress_lines(progress)))
        elif mode == "items":
            items = _items(project, service, args.all)
            if args.json:
                out(json_text(items))
            else:
                for item in items:
                    out(_item_line(item))
        else:
            codes = {code.id: code for code in project.codes.list()}
            log = [_decision_json(d, codes) for d in service.decisions()]
            if args.json:
                out(json_text(log))
            else:
                for entry in log:
                    out(f"{entry['at']}\t{entry['adjudicator']}\t{entry['action']}\t"
                        f"post {entry['post_id']}\t{entry['code']}\t{entry['note']}")


def register(command: CommandFactory) -> None:
    sub = command("adjudicate", _cmd_adjudicate, "Adjudication of the posts two or more "
                  "coders finished: progress, open disagreements, the decision log, and "
                  "adopting what all coders agree on. Disagreements are decided in the GUI.")
    add_project_argument(sub, "an existing project file")
    sub.add_argument("--status", action="store_true",
                     help="progress per post and overall (the default)")
    sub.add_argument("--items", action="store_true",
                     help="the open disagreements with each coder's version (the default "
                     "with --json)")
    sub.add_argument("--all", action="store_true",
                     help="with --items: decided and agreed entries too")
    sub.add_argument("--log", action="store_true",
                     help="the decision log: who decided what, and when (UTC)")
    sub.add_argument("--accept-agreed", action="store_true",
                     help="copy every entry all finishers agree on into the adjudicated "
                     "layer, logged as decisions of --adjudicator")
    sub.add_argument("--adjudicator", metavar="NAME",
                     help="who decides (a coder name; created when new)")
    sub.add_argument("--json", action="store_true", help="print JSON")
