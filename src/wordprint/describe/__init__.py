"""Describing documents: vocabulary statistics and their bootstrap intervals."""
