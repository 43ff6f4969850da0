"""Every acknowledged coding action survives the process being killed (SIGKILL).

A child process opens the project and codes: spans, post variables, statuses.
It prints an acknowledgement after each action returns (committed), and the
test kills it with SIGKILL mid-stream, then reopens the project and checks that
every acknowledged action is there and that SQLite finds the file intact.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from annotator.core.project import Project

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from annotator.core.model import PostStatus
    from annotator.core.project import Project
    from annotator.core.spans import Span

    project = Project.open(Path(sys.argv[1]))
    coder = project.coders.get_or_create("Killed coder")
    spans = [c for c in project.codes.list() if not c.is_variable and c.shortcut]
    call = next(c for c in project.codes.list() if c.variable_type == "boolean")
    n = 0
    while True:  # until killed
        for post_id in project.posts.ids():
            text = project.posts.get(post_id).text
            code = spans[n % len(spans)]
            start = n % max(1, len(text) - 10)
            annotation, _ = project.annotations.add(post_id, code.id, coder.id,
                                                    Span(start, start + 5))
            print(json.dumps({"annotation": annotation.uuid}), flush=True)
            project.values.set(post_id, call.id, coder.id, n % 2 == 0)
            print(json.dumps({"value": [post_id, n % 2 == 0]}), flush=True)
            project.statuses.set(post_id, coder.id, PostStatus.DONE)
            print(json.dumps({"done": post_id}), flush=True)
            n += 1
""")


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL exists on POSIX only")
def test_acknowledged_actions_survive_sigkill(demo_project: Project, tmp_path: Path) -> None:
    path = demo_project.path
    demo_project.close()
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, str(script), str(path)], stdout=subprocess.PIPE,
                             text=True, env=env)
    acks: list[dict[str, object]] = []
    assert child.stdout is not None
    for line in child.stdout:
        acks.append(json.loads(line))
        if len(acks) >= 150:  # well into the second pass over the 18 posts
            child.send_signal(signal.SIGKILL)
            break
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    acks += [json.loads(line) for line in child.stdout if line.strip()]  # sent before the kill

    with Project.open(path) as project:
        assert project.integrity_problems() == []
        coder = project.coders.by_name("Killed coder")
        stored = {a.uuid for a in project.annotations.all()}
        call = next(c for c in project.codes.list() if c.variable_type == "boolean")
        for ack in acks:
            if "annotation" in ack:
                assert ack["annotation"] in stored
            elif "value" in ack:
                post_id, _value = ack["value"]  # type: ignore[misc]
                assert project.values.get(post_id, call.id, coder.id) is not None
            else:
                done = int(str(ack["done"]))
                assert project.statuses.get(done, coder.id).value == "done"
        assert len(stored) >= sum("annotation" in a for a in acks)
