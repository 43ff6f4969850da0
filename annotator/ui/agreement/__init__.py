"""The agreement view: choose what to compare, compute off the GUI thread, read the report.

:class:`~annotator.ui.agreement.window.AgreementWindow` ties together the options
panel, the per-code table, the alpha chart, the coder-pair matrix, the list of
disagreements and the "how to read this" notes; :class:`~annotator.ui.agreement.
link.AgreementLink` is the main window's side (its menu action, project changes,
and opening a disagreement's post in the workspace).
"""
