"""The Snakemake runtime of wordprint: what the workflow needs beyond the library's computations
(which analysis a run is, where its files go). Imported by the workflow, never by the library."""
