"""Stylometric distances: the Delta family and general measures, by name."""
