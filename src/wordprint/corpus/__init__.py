"""The corpus as analysed: its documents and their samples (views, segments)."""
