"""Feature tables: the most frequent words (MFW), culling, length-fair samples."""
