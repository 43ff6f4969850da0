"""Coders: the people who annotate, as rows with ids and uuids."""
