"""Adjudication: settling coders' disagreements into the gold layer (window, models, link)."""
