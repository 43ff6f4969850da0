"""Coders and codes named on the command line (``--coders A,B`` / ``--codes PATH,...``)."""

from __future__ import annotations

from annotator.cli.console import CliError
from annotator.core.project import Project


def names(text: str | None) -> list[str]:
    """The comma-separated items of an option, stripped; empty items dropped."""
    return [] if text is None else [part.strip() for part in text.split(",") if part.strip()]


def coder_ids(project: Project, text: str | None) -> tuple[int, ...] | None:
    """Coders by name (any case) or uuid, the adjudicated (gold) layer included; ``None``
    when the option was not given."""
    if text is None:
        return None
    by_key: dict[str, int] = {}
    for coder in project.coders.list(include_gold=True):
        by_key[coder.uuid] = by_key[coder.name.casefold()] = coder.id
    wanted = names(text)
    missing = [n for n in wanted if n.casefold() not in by_key and n not in by_key]
    if missing:
        raise CliError(f"no coder named {', '.join(missing)}")
    return tuple(dict.fromkeys(by_key.get(n, by_key.get(n.casefold(), 0)) for n in wanted))


def code_ids(project: Project, text: str | None) -> tuple[int, ...] | None:
    """Codes by path (a parent includes its subcodes) or uuid; ``None`` when not given."""
    if text is None:
        return None
    every = project.codes.list()
    chosen: list[int] = []
    for name in names(text):
        path = tuple(p.strip() for p in name.split("/"))
        found = [c.id for c in every if c.uuid == name or c.path[:len(path)] == path]
        if not found:
            raise CliError(f"no code {name!r} (give a path such as Frames/Threat, or a uuid)")
        chosen += found
    return tuple(dict.fromkeys(chosen))
