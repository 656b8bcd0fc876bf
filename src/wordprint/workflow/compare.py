"""The compare stage on the workflow's side: its settings read from the config (see
config/README.md), and comparisons that print safely as rule parameters.

The library (:mod:`wordprint.compare`) takes :class:`~wordprint.compare.results.KeynessSettings`;
this module is the one place that reads the config's ``keyness`` block.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from typing import Any

from wordprint.compare.results import KeynessSettings
from wordprint.compare.sides import Comparison
from wordprint.workflow.params import escape_markup

__all__ = ["ShownComparison", "escaped_dataclass_repr", "keyness_settings"]


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


def escaped_dataclass_repr(value: Any, name: str) -> str:
    """``value``'s dataclass ``repr``, named ``name`` (its library class), markup escaped.

    >>> from wordprint.compare.sides import Side
    >>> escaped_dataclass_repr(Side("<b>", "group", ()), "Side")
    "Side(label='\\\\u003cb\\\\u003e', kind='group', samples=())"
    """
    shown = ", ".join(f"{f.name}={getattr(value, f.name)!r}" for f in fields(value) if f.repr)
    return escape_markup(f"{name}({shown})")


class ShownComparison(Comparison):
    """A :class:`~wordprint.compare.sides.Comparison` that prints as one, with its labels'
    markup escaped: Snakemake's report shows rule parameters unescaped inside ``<script>``
    (:mod:`wordprint.workflow.params`), and the figures record them.

    A class of the workflow's own (not a patch of the library's), so that the job's script,
    which receives it pickled, prints it escaped too.

    >>> from wordprint.compare.sides import Side
    >>> side = Side("<b>", "group", (("a", "full"),))
    >>> str(ShownComparison.of(Comparison("c", side, side))).count("\\\\u003cb\\\\u003e")
    2
    """

    @classmethod
    def of(cls, comparison: Comparison) -> ShownComparison:
        return cls(comparison.name, comparison.target, comparison.reference)

    def __repr__(self) -> str:
        return escaped_dataclass_repr(self, "Comparison")
