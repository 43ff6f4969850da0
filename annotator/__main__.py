"""``python -m annotator`` starts the GUI."""

from annotator.ui.app import main

raise SystemExit(main())
