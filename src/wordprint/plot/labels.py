"""Point labels that overlap no other label, marker or leader line.

:func:`place_labels` chooses each label's position (in display units, drawing nothing);
:func:`label_points` (the MDS map) and :func:`place_and_annotate` (the biplot, Zeta and growth
figures) measure the labels of a drawn axes, place them and draw them, a thin grey leader line
joining a label that had to move away from its point.

References
----------
Christensen, J., Marks, J. & Shieber, S. (1995). An empirical study of algorithms for
point-feature label placement. *ACM Transactions on Graphics* 14(3), 203-232.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from wordprint.plot.style import COLUMN_WIDTHS, FONT_SMALL, plain_text, text_colour

# Label candidates around a point, tried in this order (the cartographers' preference:
# right, left, above, below, then the diagonals, then the directions in between), each at
# growing distances ("rings").
# Ring distances in label heights: close rings first, then wider steps out to open space.
_RING_STEPS = np.array([0.0, 1.2, 2.4, 3.6, 5.0, 7.0, 9.5, 12.5, 16.0, 20.0])
_ANGLES: tuple[float, ...] = (
    0,
    180,
    90,
    270,
    45,
    135,
    315,
    225,
    22.5,
    157.5,
    337.5,
    202.5,
    67.5,
    112.5,
    292.5,
    247.5,
)

# A leader line: thin and grey, from a point to its moved label.
_LEADER = {"arrowstyle": "-", "color": "#888888", "linewidth": 0.4, "shrinkA": 0, "shrinkB": 2}
# Labels sit on a faint white box, so that an arrow passing beneath does not cut the text.
LABEL_BOX = {"boxstyle": "square,pad=0.05", "facecolor": "white", "edgecolor": "none",
             "alpha": 0.75}


def _overlaps(boxes: np.ndarray, others: np.ndarray) -> np.ndarray:
    """Overlap areas of each box (rows x0, y0, x1, y1) with each of ``others``: (C, m)."""
    lo = np.maximum(boxes[:, None, :2], others[None, :, :2])
    hi = np.minimum(boxes[:, None, 2:], others[None, :, 2:])
    return np.prod(np.clip(hi - lo, 0, None), axis=-1)


def _box_distances(boxes: np.ndarray, pts: np.ndarray) -> np.ndarray:
    """Distance from each box (C, 4) to each point (P, 2), 0 inside: (C, P)."""
    lo, hi = boxes[:, None, :2], boxes[:, None, 2:]
    gap = np.maximum(np.maximum(lo - pts[None], pts[None] - hi), 0)
    return np.hypot(gap[..., 0], gap[..., 1])


def _segments_hit_boxes(p: np.ndarray, q: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """Whether segment p-q passes through the interior of a box (Liang-Barsky clipping).

    ``p``, ``q`` (..., 2) and ``boxes`` (..., 4) broadcast against each other.
    """
    t0 = np.zeros(np.broadcast_shapes(p.shape[:-1], boxes.shape[:-1]))
    t1 = np.ones_like(t0)
    d = q - p
    for k in (0, 1):
        lo, hi, dk, pk = boxes[..., k], boxes[..., k + 2], d[..., k], p[..., k]
        with np.errstate(divide="ignore", invalid="ignore"):
            ta, tb = (lo - pk) / dk, (hi - pk) / dk
        flat = dk == 0  # parallel to this axis: inside the slab or never
        in_slab = (pk > lo) & (pk < hi)
        t0 = np.maximum(t0, np.where(flat, np.where(in_slab, -np.inf, np.inf), np.minimum(ta, tb)))
        t1 = np.minimum(t1, np.where(flat, np.where(in_slab, np.inf, -np.inf), np.maximum(ta, tb)))
    return t0 < t1


def _crossings(p: np.ndarray, q: np.ndarray, segments: np.ndarray) -> np.ndarray:
    """For segments p[c]-q[c] (C, 2): how many of ``segments`` (m, 4) each properly crosses."""
    if len(segments) == 0:
        return np.zeros(len(p))
    a, b = segments[None, :, :2], segments[None, :, 2:]
    p, q = p[:, None, :], q[:, None, :]

    def orient(u, v, w):
        return np.sign(
            (v[..., 0] - u[..., 0]) * (w[..., 1] - u[..., 1])
            - (v[..., 1] - u[..., 1]) * (w[..., 0] - u[..., 0])
        )

    cross = (orient(p, q, a) * orient(p, q, b) < 0) & (orient(a, b, p) * orient(a, b, q) < 0)
    return cross.sum(axis=1)


def place_labels(
    points: np.ndarray,
    sizes: np.ndarray,
    *,
    radius: float,
    bounds: tuple[float, float, float, float],
    passes: int = 10,
    lines: np.ndarray | None = None,
) -> list[tuple[float, float, str, str, int]]:
    """Deterministic point-label placement (all values in display units).

    Every label has candidate positions around its point (``_ANGLES``) at growing distances
    (``_RING_STEPS``). A candidate's cost, in label areas, ranks what a reader minds most: a
    label partly outside the axes, then a label on another label, on another point's marker,
    a leader line through a label or a marker or across another leader, a label nearer to
    another point than to its own (ambiguous), and last the distance. Labels are placed
    greedily from the most crowded point outwards, then improved by passes that move each
    label to its cheapest position given all the others (discrete gradient descent), until
    nothing moves. Line segments drawn on the map (``lines``, rows x0, y0, x1, y1: group
    hulls) are avoided too, at a lower cost than markers. Returns, per point, the offset (dx, dy) of the text anchor, its alignment
    (ha, va) and its ring (0 = beside the point; further rings get a leader line).

    References
    ----------
    Christensen, J., Marks, J. & Shieber, S. (1995). An empirical study of algorithms for
    point-feature label placement. *ACM Transactions on Graphics* 14(3), 203-232.
    """
    n = len(points)
    angles = np.radians(np.array(_ANGLES))
    rings = len(_RING_STEPS)
    ux, uy = np.tile(np.cos(angles), rings), np.tile(np.sin(angles), rings)
    ring_of = np.repeat(np.arange(rings), len(angles))
    far = ring_of > 0
    ha = np.where(ux > 0.3, "left", np.where(ux < -0.3, "right", "center"))
    va = np.where(uy > 0.3, "bottom", np.where(uy < -0.3, "top", "center"))
    fx = np.where(ha == "left", 0.0, np.where(ha == "right", 1.0, 0.5))
    fy = np.where(va == "bottom", 0.0, np.where(va == "top", 1.0, 0.5))
    margin = radius + 1.5  # keep labels a little clear of other markers
    pt_boxes = np.column_stack([points - margin, points + margin])
    x0, y0, x1, y1 = bounds
    areas = sizes[:, 0] * sizes[:, 1]

    offsets, boxes, ends, static = [], [], [], []
    for i in range(n):
        (w, h), area = sizes[i], areas[i]
        gap = radius + 2.0 + _RING_STEPS[ring_of] * h
        dx, dy = ux * gap, uy * gap
        bx0 = points[i, 0] + dx - fx * w
        by0 = points[i, 1] + dy - fy * h
        box = np.column_stack([bx0, by0, bx0 + w, by0 + h])
        # A leader runs from the point to the nearest point of its label.
        end = np.clip(points[i], box[:, :2], box[:, 2:])
        others = np.delete(pt_boxes, i, axis=0)
        inside_w = np.clip(np.minimum(box[:, 2], x1) - np.maximum(box[:, 0], x0), 0, None)
        inside_h = np.clip(np.minimum(box[:, 3], y1) - np.maximum(box[:, 1], y0), 0, None)
        outside = area - inside_w * inside_h
        cost = 4.0 * outside + 2.0 * area * (outside > 1e-6 * area)
        cost += 0.8 * area * (_overlaps(box, others) > 0).sum(axis=1)
        through = _segments_hit_boxes(points[i][None, None], end[:, None], others[None])
        cost += 0.5 * area * (through.sum(axis=1) * far)
        own = _box_distances(box, points[i : i + 1])[:, 0]
        closer = _box_distances(box, np.delete(points, i, axis=0)) < own[:, None] + 1.0
        cost += 0.3 * area * closer.any(axis=1)
        cost += 1e-3 * area * ring_of
        if lines is not None and len(lines):
            crossed = _segments_hit_boxes(lines[None, :, :2], lines[None, :, 2:], box[:, None])
            cost += 0.2 * area * crossed.sum(axis=1)
        offsets.append(np.column_stack([dx, dy]))
        boxes.append(box)
        ends.append(end)
        static.append(cost)

    def total(i: int, chosen: dict[int, int]) -> np.ndarray:
        cost = static[i].copy()
        others = [j for j in chosen if j != i]
        if not others:
            return cost
        area = areas[i]
        other_boxes = np.array([boxes[j][chosen[j]] for j in others])
        hit = _overlaps(boxes[i], other_boxes)
        cost += hit.sum(axis=1) + area * (hit > 0).sum(axis=1)
        # My leader through their labels.
        mine = _segments_hit_boxes(points[i][None, None], ends[i][:, None], other_boxes[None])
        cost += 0.5 * area * (mine.sum(axis=1) * far)
        led = [j for j in others if far[chosen[j]]]
        if led:
            segs = np.array([np.concatenate([points[j], ends[j][chosen[j]]]) for j in led])
            # Their leaders through my label, and leaders crossing.
            theirs = _segments_hit_boxes(segs[None, :, :2], segs[None, :, 2:], boxes[i][:, None])
            cost += 0.5 * area * theirs.sum(axis=1)
            starts = np.broadcast_to(points[i], ends[i].shape)
            cost += 0.5 * area * np.where(far, _crossings(starts, ends[i], segs), 0)
        return cost

    dist = np.linalg.norm(points[:, None, :] - points[None, :, :], axis=-1)
    reach = 3.0 * float(np.max(sizes[:, 1])) + 2 * radius
    crowd = (dist < reach).sum(axis=1)
    order = sorted(range(n), key=lambda i: (-crowd[i], i))
    chosen: dict[int, int] = {}
    for i in order:
        chosen[i] = int(np.argmin(total(i, chosen)))
    for _ in range(passes):
        moved = False
        for i in order:
            cost = total(i, chosen)
            best = int(np.argmin(cost))
            if cost[best] < cost[chosen[i]] - 1e-9 * areas[i]:
                chosen[i], moved = best, True
        if not moved:
            break
    placement = []
    for i in range(n):
        c = chosen[i]
        dx, dy = float(offsets[i][c, 0]), float(offsets[i][c, 1])
        placement.append((dx, dy, str(ha[c]), str(va[c]), int(ring_of[c])))
    return placement


def label_points(
    fig: Figure,
    ax: Axes,
    xy: np.ndarray,
    labels: list[str],
    colours: list[str],
    lines: np.ndarray | None = None,
) -> None:
    """Add non-overlapping labels to the points of ``ax`` (see :func:`place_labels`), keeping
    them off the data-coordinate segments ``lines`` (rows x0, y0, x1, y1) where they can."""
    single = fig.get_figwidth() <= COLUMN_WIDTHS["single"]
    font = (FONT_SMALL if len(labels) <= 20 else FONT_SMALL - 0.5) - (0.5 if single else 0.0)
    fig.draw_without_rendering()  # final axes geometry and limits
    renderer = fig.canvas.get_renderer()
    px_per_pt = fig.dpi / 72.0
    texts = [fig.text(0, 0, s, fontsize=font) for s in labels]
    plain_text(fig)  # catalog labels are measured as they will be drawn: '$' is no maths
    sizes = np.array(
        [[t.get_window_extent(renderer).width, t.get_window_extent(renderer).height] for t in texts]
    )
    for t in texts:
        t.remove()
    points = ax.transData.transform(xy)
    bbox = ax.get_window_extent(renderer)
    if lines is not None and len(lines):
        ends = ax.transData.transform(lines.reshape(-1, 2))
        lines = ends.reshape(-1, 4)
    placement = place_labels(
        points,
        sizes,
        radius=3.0 * px_per_pt,
        bounds=(bbox.x0, bbox.y0, bbox.x1, bbox.y1),
        lines=lines,
    )
    for (x, y), s, c, (dx, dy, ha, va, ring) in zip(xy, labels, colours, placement):
        ax.annotate(
            s,
            xy=(x, y),
            xytext=(dx / px_per_pt, dy / px_per_pt),
            textcoords="offset points",
            ha=ha,
            va=va,
            fontsize=font,
            color=text_colour(c),
            annotation_clip=False,
            arrowprops=(_LEADER if ring > 0 else None),
            zorder=4,
        ).set_in_layout(False)


def place_and_annotate(
    fig: Figure,
    ax: Axes,
    xy: np.ndarray,
    labels: Sequence[str],
    styles: Sequence[Mapping[str, object]],
) -> None:
    """Labels for the points ``xy`` of ``ax``, placed together so none overlaps another
    (:func:`place_labels`); ``styles`` gives each label's text properties (fontsize, color,
    fontstyle, ...)."""
    fig.draw_without_rendering()  # final axes geometry and limits
    renderer = fig.canvas.get_renderer()
    px_per_pt = fig.dpi / 72.0
    texts = [fig.text(0, 0, s, **style) for s, style in zip(labels, styles)]
    plain_text(fig)
    sizes = np.array([[t.get_window_extent(renderer).width,
                       t.get_window_extent(renderer).height] for t in texts])
    for t in texts:
        t.remove()
    bbox = ax.get_window_extent(renderer)
    placement = place_labels(
        ax.transData.transform(xy), sizes, radius=3.0 * px_per_pt,
        bounds=(bbox.x0, bbox.y0, bbox.x1, bbox.y1),
    )
    for (x, y), s, style, (dx, dy, ha, va, ring) in zip(xy, labels, styles, placement):
        ax.annotate(
            s, xy=(x, y), xytext=(dx / px_per_pt, dy / px_per_pt), textcoords="offset points",
            ha=ha, va=va, annotation_clip=False, arrowprops=(_LEADER if ring > 0 else None),
            zorder=4, **style,
        ).set_in_layout(False)
