"""Clustering and maps: trees, flat clusters, MDS, PCA, k-medoids, consensus."""
