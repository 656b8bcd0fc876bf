"""The attribution stage's settings as the workflow reads them (wordprint.workflow.attribute)."""

import pytest

from wordprint.attribute.classify import Options
from wordprint.workflow.attribute import classifier_options


def test_classifier_options():
    assert classifier_options({}) == Options(measure="burrows", k=1, cost=1.0,
                                             shrink_threshold=1.0)
    with pytest.raises(ValueError, match="unknown classifiers"):
        classifier_options({"classifiers": ["forest"]})
