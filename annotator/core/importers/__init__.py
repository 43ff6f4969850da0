"""Importers: one module per input format behind the :class:`Importer` protocol."""
