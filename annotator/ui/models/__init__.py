"""Qt item models over core query services."""
