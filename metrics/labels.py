"""Direct labels that never overlap: positions on one axis spread apart by a minimum gap.

Charts put their labels in a margin beside each panel (where no data is drawn) at the
height of the point they name; when two would touch, `spread` moves them apart as little
as possible, keeping their order and staying inside the panel. Heights are in pixels: the
charts set their own height and axis ranges, so a value's pixel height is known before the
browser draws it.
"""
from __future__ import annotations


def spread(wanted: list[float], gap: float, lo: float, hi: float) -> list[float]:
    """Positions closest (least squares) to `wanted`, each at least `gap` from its
    neighbours, all within [lo, hi]. Order is kept. If they cannot all fit, they are packed
    evenly from lo (the caller should drop labels first; see `fit`)."""
    n = len(wanted)
    if n == 0:
        return []
    order = sorted(range(n), key=lambda i: (wanted[i], i))
    if (n - 1) * gap > hi - lo:
        step = (hi - lo) / max(n - 1, 1)
        out = [0.0] * n
        for k, i in enumerate(order):
            out[i] = lo + k * step
        return out
    # clusters of labels that touch; each sits where its members want it on average
    clusters: list[list[float]] = []   # [first index k0, count, sum of (wanted_k - k * gap)]
    for k, i in enumerate(order):
        clusters.append([k, 1, wanted[i] - k * gap])
        while len(clusters) > 1 and _start(clusters[-2], gap, lo, hi) + clusters[-2][1] * gap \
                > _start(clusters[-1], gap, lo, hi) + 1e-9:
            a, b = clusters[-2], clusters[-1]
            clusters[-2:] = [[a[0], a[1] + b[1], a[2] + b[2]]]
    out = [0.0] * n
    for c in clusters:
        s = _start(c, gap, lo, hi)
        for j in range(int(c[1])):
            out[order[int(c[0]) + j]] = s + j * gap
    return out


def _start(c, gap, lo, hi) -> float:
    """Where a cluster's first label goes: the least-squares fit, clamped inside [lo, hi]."""
    k0, count, total = c
    return min(max(total / count + k0 * gap, lo), hi - (count - 1) * gap)


def fit(wanted: list[float], priority: list[float], gap: float, lo: float, hi: float) -> list[int]:
    """Indices of the labels to keep so they fit between lo and hi at `gap` apart: the
    highest priority ones (e.g. the newest or largest)."""
    room = int((hi - lo) // gap) + 1 if hi >= lo else 0
    keep = sorted(range(len(wanted)), key=lambda i: -priority[i])[:max(room, 0)]
    return sorted(keep)
