"""wordprint: reproducible corpus comparison and stylometry.

The package holds the pure computations (text cleaning, tokenising, vocabulary statistics,
feature tables, distances, clustering, figures); the Snakemake workflow in ``workflow/`` calls
them. Only :mod:`wordprint.io` touches files.
"""

__version__ = "0.1.0"
