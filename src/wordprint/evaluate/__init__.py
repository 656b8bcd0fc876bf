"""Evaluation: which settings recover the known groups, and how robust an answer is."""
