"""``python -m annotator.cli``."""

from annotator.cli.main import main

raise SystemExit(main())
