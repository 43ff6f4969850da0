"""``annotator-cli``: create, import into, inspect and exchange projects without the GUI.

Never imports Qt (an import-linter contract checks it). Exit status: 0 on success; 2 for
anything the user can fix, reported as one ``error: ...`` line on stderr; 1 for an internal
error, whose traceback goes to a log file; 130 when interrupted (imports are atomic, so an
interrupted import leaves the project unchanged).
"""

from annotator.cli.main import build_parser, main

__all__ = ["build_parser", "main"]
