"""What the questioned-texts figure draws, from the attribution stage's tables."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any


def figure_data(
    summary: Sequence[Mapping[str, str]],
    impostors: Sequence[Mapping[str, str]] = (),
    calibration: Sequence[Mapping[str, str]] = (),
) -> dict[str, Any]:
    """What the questioned-texts figure draws, from the stage's tables as read from CSV.

    ``summary`` is :func:`~wordprint.attribute.questioned.attribution_summary`'s table,
    ``impostors`` and ``calibration`` :func:`~wordprint.attribute.verification.verification`'s
    (optional). Authors are ordered by their total share of settings
    (then name), candidates not named by any setting after them.

    Returns
    -------
    dict
        ``samples``, ``shares`` (author -> share per sample), ``settings`` (settings per
        sample), ``verification`` (candidate -> score per sample, NaN when not verified),
        ``grey_zone`` ((p1, p2) or None) and ``rows`` (the plotted values, long, for the CSV
        beside the figure).

    Examples
    --------
    >>> summary = [{"id": "q", "author": "M", "settings": "3", "of": "4", "share": "0.75"},
    ...            {"id": "q", "author": "H", "settings": "1", "of": "4", "share": "0.25"}]
    >>> data = figure_data(summary)
    >>> data["samples"], data["shares"], data["settings"]
    (['q'], {'M': [0.75], 'H': [0.25]}, 4)
    """
    samples = list(dict.fromkeys(r["id"] for r in summary))
    total: Counter = Counter()
    for r in summary:
        total[r["author"]] += float(r["share"])
    authors = sorted(total, key=lambda a: (-total[a], a))
    share = {(r["id"], r["author"]): float(r["share"]) for r in summary}
    shares = {a: [share.get((s, a), 0.0) for s in samples] for a in authors}
    rows = [
        {"panel": "attribution", "id": s, "author": a, "value": shares[a][k]}
        for a in authors
        for k, s in enumerate(samples)
    ]
    score = {(r["id"], r["candidate"]): float(r["score"]) for r in impostors}
    candidates = list(dict.fromkeys(r["candidate"] for r in impostors))
    verification_scores = {
        c: [score.get((s, c), float("nan")) for s in samples] for c in candidates
    }
    rows += [
        {"panel": "impostors", "id": s, "author": c, "value": score[(s, c)]}
        for c in candidates
        for s in samples
        if (s, c) in score
    ]
    zone = None
    for r in calibration:
        if r["calibration"] == "grey_zone" and r["evaluation"] == "in_sample":
            zone = (float(r["p1"]), float(r["p2"]))
            rows += [{"panel": "grey_zone", "id": "", "author": "", "value": v} for v in zone]
    return {
        "samples": samples,
        "shares": shares,
        "settings": max((int(r["of"]) for r in summary), default=0),
        "verification": verification_scores,
        "grey_zone": zone,
        "rows": rows,
    }
