"""Annotations: span × code × coder rows, and their table exchange format."""
