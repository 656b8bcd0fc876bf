"""Counting: each document's tokens numbered and counted, word and character n-grams."""
