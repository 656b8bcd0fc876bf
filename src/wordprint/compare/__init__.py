"""Comparing two sides of a corpus: keyness, Zeta, dispersion, concordances."""
