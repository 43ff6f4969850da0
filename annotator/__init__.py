"""Annotator: corpus coding of exported social-media posts."""

__version__ = "0.1.0"
