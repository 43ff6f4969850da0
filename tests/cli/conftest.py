"""The ``cli`` fixture: run ``annotator-cli`` in-process with captured output."""

from __future__ import annotations

import pytest

from annotator.cli import main
from tests.cli.harness import Result, Run


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Run:
    """``cli("info", path)`` runs ``annotator-cli info path`` in-process."""

    def run(*argv: object) -> Result:
        capsys.readouterr()
        code = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return run
