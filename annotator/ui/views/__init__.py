"""Widgets that show project data."""
