"""Headless core of Annotator: storage, importers, services. Never imports Qt."""
