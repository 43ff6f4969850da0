"""The codebook: a tree of codes (the full editor and file format come later)."""
