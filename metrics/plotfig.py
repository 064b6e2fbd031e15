"""Plotly figures from plain dicts, without Plotly's per-property validation.

Validating a 2,500-point chart (every marker symbol against Plotly's list, every array)
took seconds; building the same figure unvalidated takes milliseconds. What the charts
send is checked by the tests (figure JSON) and drawn by the browser tests instead."""
from __future__ import annotations

import plotly.graph_objects as go


def figure(data: list, layout: dict, frames: list | None = None) -> go.Figure:
    return go.Figure(data=data, layout=layout, frames=frames or None, _validate=False)
