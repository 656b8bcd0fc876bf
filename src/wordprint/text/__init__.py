"""Texts: decoding, cleaning (Gutenberg, quotations, splitting), tokens and sentences."""
