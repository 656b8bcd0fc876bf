"""The compare stage's settings, read from the workflow's config (see config/README.md).

The library (:mod:`wordprint.compare`) takes :class:`~wordprint.compare.results.KeynessSettings`;
this module is the one place that reads the config's ``keyness`` block.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from typing import Any

from wordprint.compare.results import KeynessSettings

__all__ = ["keyness_settings"]


def keyness_settings(block: Mapping[str, Any]) -> KeynessSettings:
    """The config's ``keyness`` block as the library's settings (keys left out: the defaults).

    >>> keyness_settings({"min_freq": 3}).min_freq, keyness_settings({}).top
    (3, 20)
    """
    known = {f.name for f in fields(KeynessSettings)}
    unknown = sorted(set(block) - known)
    if unknown:  # the schema refuses them; a caller that skipped it learns here
        raise ValueError(f"config 'keyness' has no key {', '.join(map(repr, unknown))}")
    return KeynessSettings(**block)
