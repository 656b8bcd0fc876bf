"""The attribution stage on the workflow's side: its settings read from the config (see
config/README.md), and a plan that prints safely as a rule parameter.

The library (:mod:`wordprint.attribute`) takes plain arguments and small dataclasses; this
module is the one place that reads the config's ``attribution`` block and its nested
``impostors`` and ``rolling`` blocks, filling in what a block leaves out with the library's
defaults.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wordprint.attribute.classify import CLASSIFIERS, Options
from wordprint.attribute.plan import AttributionSettings, Plan
from wordprint.workflow.compare import escaped_dataclass_repr

__all__ = ["ShownPlan", "attribution_settings", "classifier_options"]


def attribution_settings(block: Mapping[str, Any]) -> AttributionSettings:
    """The config's ``attribution`` block as the plan's settings.

    >>> s = attribution_settings({"questioned": ["q"], "rolling": {"documents": ["d"]}})
    >>> s.questioned, s.rolling, s.enabled, s.impostors
    (('q',), ('d',), 'auto', True)
    """
    default = AttributionSettings()
    impostors, rolling = block.get("impostors", {}), block.get("rolling", {})
    return AttributionSettings(
        enabled=block.get("enabled", default.enabled),
        role_column=block.get("role_column", default.role_column),
        questioned=tuple(block.get("questioned", default.questioned)),
        views=tuple(block.get("views", default.views)),
        min_documents=block.get("min_documents", default.min_documents),
        impostors=bool(impostors.get("enabled", default.impostors)),
        candidates=tuple(impostors.get("candidates", default.candidates)),
        impostors_mfw=impostors.get("mfw", default.impostors_mfw),
        rolling=tuple(rolling.get("documents", default.rolling)),
        rolling_candidates=tuple(rolling.get("candidates", default.rolling_candidates)),
        rolling_view=rolling.get("view", default.rolling_view),
        rolling_mfw=rolling.get("mfw", default.rolling_mfw),
    )


def classifier_options(block: Mapping[str, Any]) -> Options:
    """The classifiers' options named in the config's ``attribution`` block.

    >>> classifier_options({"measure": "cosine_delta", "k": 3, "svm_cost": 1.0,
    ...                     "nsc_threshold": 0.5})
    Options(measure='cosine_delta', k=3, cost=1.0, shrink_threshold=0.5)
    """
    unknown = [c for c in block.get("classifiers", ()) if c not in CLASSIFIERS]
    if unknown:
        raise ValueError(f"unknown classifiers {unknown}; choose among {', '.join(CLASSIFIERS)}")
    default = Options()
    return Options(
        measure=block.get("measure", default.measure),
        k=block.get("k", default.k),
        cost=block.get("svm_cost", default.cost),
        shrink_threshold=block.get("nsc_threshold", default.shrink_threshold),
    )


class ShownPlan(Plan):
    """A :class:`~wordprint.attribute.plan.Plan` that prints as one, with the catalog's labels'
    markup escaped: Snakemake's report shows rule parameters unescaped inside ``<script>``
    (:mod:`wordprint.workflow.params`), and the figures record them. A class of the workflow's
    own, so that the jobs' scripts, which receive it pickled, print it escaped too.

    >>> str(ShownPlan.of(Plan(True, labels={"a": "<b>"}))).count("\\\\u003cb\\\\u003e")
    1
    """

    @classmethod
    def of(cls, plan: Plan) -> ShownPlan:
        return cls(**vars(plan))

    def __repr__(self) -> str:
        return escaped_dataclass_repr(self, "Plan")
