"""The dashboard's views below the pages: honest numbers, label placement, plain chart text,
time windows, the claims matrix and over-time data, the map. Pages in the real app are tested
in test_app_pages.py (AppTest) and test_browser.py (Chromium)."""
from __future__ import annotations

import datetime as dt
import json
import sys

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import test_metrics_synth as synth
from metrics import charts, claim_charts, claims, db as mdb, overview, place_map
from metrics.chart_text import markup_tags, plain, wrap
from metrics.filters import Filters, Window
from metrics.labels import spread
from metrics.style import fmt_claim, fmt_num, fmt_period, fmt_published, fmt_rate

F = Filters()
HOSTILE = '<a href="https://evil.example">x</a><b>bold</b><img src=x onerror=alert(1)>&amp;'


@pytest.fixture()
def db(tmp_path):
    path = synth.make_db(tmp_path / "synth.duckdb")
    yield str(path)
    mdb.close_all()


# --- numbers said honestly ----------------------------------------------------------------------

def test_rates_keep_the_bound_and_only_exist_for_a_stated_period():
    assert fmt_rate("more_than", 1100, 1100, None, 8) == "≥ 137/day"      # 137.5, rounded down
    assert fmt_rate("less_than", 1000, None, 1000, 7) == "≤ 143/day"      # 142.9, rounded up
    assert fmt_rate("approx", 6000, None, None, 6) == "~1,000/day"         # "nearly 6,000" stays approximate
    assert fmt_rate("range", None, 200, 300, 10) == "20–30/day"
    assert fmt_rate("exact", 700, None, None, 7) == "100/day"
    assert fmt_rate("exact", 1100, None, None, 8) == "~138/day"            # an average, rounded: says so
    assert fmt_rate("exact", 5, None, None, 2) == "2.5/day"                # below 10: one decimal
    assert fmt_rate("vague", None, 24, 99, 7) == "3.4–15/day (vague)"
    assert fmt_rate("more_than", 400000, 400000, None, None) == ""         # a total to date: no rate
    assert fmt_rate("exact", 10, None, None, 0) == ""


def test_claims_say_their_bound_and_whole_numbers_stay_whole():
    assert fmt_claim("more_than", 1100.0, 1100.0, None) == "≥ 1,100"
    assert fmt_claim("less_than", 5000.0) == "≤ 5,000"
    assert fmt_claim("approx", 6000.0) == "~6,000"
    assert fmt_claim("range", None, 200.0, 300.0) == "200–300"
    assert fmt_claim("vague", None, 24.0, 99.0) == "24–99 (vague)"
    assert fmt_claim("exact", 11000.0) == "11,000" and fmt_num(11000.0) == "11,000"
    assert fmt_period("2023-03-06", "2023-03-13") == "6–13 Mar 2023"
    assert fmt_published(dt.date(2024, 10, 9), "inferred", "month") == "Oct 2024 (inferred from the text)"
    assert fmt_published(None, "unknown") == "unknown"


def test_a_total_to_date_has_no_rate_and_says_as_of(db):
    c = claims.claims(db, F)
    total = c[c["qualifier"] == "more_than"].iloc[0]
    assert total["basis"] == "total to date" and total["per_day_text"] == "" and pd.isna(total["per_day"])
    assert total["period"] == "total as of 9 Oct 2024"


# --- labels never overlap -----------------------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(-50, 400), min_size=1, max_size=9), st.floats(8, 30))
def test_spread_labels_keep_their_gap_order_and_bounds(wanted, gap):
    lo, hi = 0.0, 400.0
    out = spread(wanted, gap, lo, hi)
    order = sorted(range(len(wanted)), key=lambda i: (wanted[i], i))
    ys = [out[i] for i in order]
    assert all(b - a >= gap - 1e-6 for a, b in zip(ys, ys[1:]))
    assert all(lo - 1e-6 <= y <= hi + 1e-6 for y in ys)


def test_spread_moves_labels_only_as_much_as_needed():
    assert spread([10, 200, 390], 20, 0, 400) == [10, 200, 390]
    assert spread([100, 100], 20, 0, 400) == [90, 110]


# --- text from the data is plain text in every chart --------------------------------------------

def test_plain_escapes_markup_and_control_characters():
    assert plain(HOSTILE) == ('&lt;a href="https://evil.example"&gt;x&lt;/a&gt;&lt;b&gt;bold&lt;/b&gt;'
                              '&lt;img src=x onerror=alert(1)&gt;&amp;amp;')
    assert markup_tags(plain(HOSTILE)) == set()
    assert plain("a\nb\x00c\u2028d") == "a b c d"
    assert plain("x" * 50, 10) == "x" * 9 + "…"
    assert markup_tags(wrap(HOSTILE * 3, 20)) <= {"br"}


def hostile_claims(n: int = 6) -> pd.DataFrame:
    """Claims whose every text column carries markup."""
    rows = []
    for i in range(n):
        rows.append(dict(claim_id=f"c{i}", kind="killed", subject_side=["ukraine", "russia"][i % 2],
                         claimant_side=["russia", "ukraine", "third_party"][i % 3],
                         qualifier=["exact", "more_than", "less_than", "approx", "range", "vague"][i],
                         value=None if i in (4, 5) else 100.0 * (i + 1), value_low=50.0 if i in (4, 5) else None,
                         value_high=900.0 if i in (4, 5) else None, city=HOSTILE + str(i % 2),
                         period_start=dt.date(2024, 3, 1) if i % 2 else None,
                         period_end=dt.date(2024, 3, 7) if i % 2 else None, period_text=HOSTILE,
                         reports=1 + i, first_reported=dt.date(2024, 3, 7 + i), last_reported=dt.date(2024, 3, 9 + i),
                         claimant=HOSTILE, figure_id=f"f{i}", sentence=HOSTILE + " 7 km from " + HOSTILE,
                         rel_start=len(HOSTILE) + 1, rel_end=len(HOSTILE) + 5))
    df = claims.add_bounds(pd.DataFrame(rows))
    df["date"] = pd.to_datetime(df["first_reported"])
    return df


def all_text(fig) -> list[str]:
    data = json.loads(fig.to_json())
    out = []

    def walk(x, k=""):
        if isinstance(x, dict):
            for kk, v in x.items():
                walk(v, kk)
        elif isinstance(x, list):
            for v in x:
                walk(v, k)
        elif isinstance(x, str) and k in ("text", "hovertext", "name", "ticktext", "label", "prefix", "title",
                                          "y", "categoryarray"):   # a category axis draws its values
            out.append(x)
    walk(data)
    return out


def assert_plain(fig):
    strings = all_text(fig)
    assert strings
    for s in strings:
        assert markup_tags(s) <= {"br", "b"}, s
    assert any("&lt;a href" in s for s in strings)


def test_every_chart_shows_hostile_text_as_text():
    df = hostile_claims()
    assert_plain(claim_charts.over_time(df))
    pop = df.assign(kind=["population_prewar", "population_remaining"] * 3)
    assert_plain(charts.population(pop, 30000))
    assert_plain(charts.distances(df.assign(kind="distance_km")))
    ev = pd.DataFrame({"date": pd.to_datetime(["2024-03-01", "2024-03-09"]), "event_type": [HOSTILE, "strike"],
                       "actor_side": [HOSTILE, "russia"]})
    assert_plain(charts.events(ev))
    tl = pd.DataFrame({"city": [HOSTILE, "Bakhmut"], "bucket": pd.to_datetime(["2024-03-04", "2024-03-11"]),
                       "figures": [3, 1], "events": [0, 2]})
    assert_plain(charts.timeline(tl))
    pts = pd.DataFrame({"name": [HOSTILE, "Donetsk Oblast"], "kind": ["village", "oblast"], "oblast": [HOSTILE, None],
                        "lat": [48.1, 48.0], "lon": [37.7, 37.8], "population": [None, None],
                        "approximate": [True, False], "figures": [3, 4], "events": [1, 0], "activity": [4, 4],
                        "settlement": [True, False]})
    frames = pd.DataFrame({"bucket": pd.to_datetime(["2024-03-04"]), "name": [HOSTILE], "actor_side": ["russia"],
                           "event_type": ["capture"], "n": [2]})
    fig = place_map.place_map(pts, frames, "week", overview.geojson())
    assert_plain(fig)
    assert fig.frames and all("&lt;a href" in h for fr in fig.frames for h in fr.data[0].hovertext)


# --- claims over time ---------------------------------------------------------------------------

def test_over_time_panels_never_mix_totals_and_periods():
    fig = claim_charts.over_time(hostile_claims())
    titles = [a["text"] for a in fig.layout.annotations if not a.showarrow]
    assert any("totals to date" in t for t in titles) and any("counts for a stated period" in t for t in titles)
    panel_of = {}
    for t in fig.data:
        if t.mode == "markers":
            panel_of.setdefault(t.yaxis or "y", set())
    for tr in fig.data:      # a line never joins a stated-period count to a total
        if tr.mode == "lines" and tr.line.shape == "hv":
            assert tr.yaxis in {"y", "y3", None}


def test_over_time_direct_labels_fit_their_panel_apart(db):
    df = hostile_claims()
    fig = claim_charts.over_time(df)
    labels = [a for a in fig.layout.annotations if a.showarrow]
    assert {a.font.color for a in labels} >= {t.marker.color for t in fig.data if t.mode == "markers"}
    for ref in {a.yref for a in labels}:
        axis = fig.layout["yaxis" + ref[1:]]
        r0, r1 = axis.range
        px = sorted((a.ay - r0) / (r1 - r0) * claim_charts.ROW_PX for a in labels if a.yref == ref)
        assert all(b - a >= claim_charts.LINE_PX - 1e-6 for a, b in zip(px, px[1:]))


def test_log_scale_when_claims_span_orders_of_magnitude():
    df = hostile_claims()
    df.loc[0, ["value", "point"]] = 3.0
    df.loc[2, ["value", "point", "high"]] = 90000.0
    fig = claim_charts.over_time(df)
    types = {fig.layout[k].type for k in fig.layout if k.startswith("yaxis")}
    assert "log" in types
    log_axis = next(fig.layout[k] for k in fig.layout if k.startswith("yaxis") and fig.layout[k].type == "log")
    assert all(t[0].isdigit() for t in log_axis.ticktext)      # ticks written in full


def test_over_time_groups_when_there_are_too_many_points(db, monkeypatch):
    df, info = claims.over_time(db, F, "killed", "week")
    assert info == {"claims": 3, "grouped_by": None} and len(df) == 3     # the repeated claim is one
    monkeypatch.setattr(claims, "MAX_POINTS", 2)
    mdb._cache.clear()
    df, info = claims.over_time(db, Filters(city=("Toretsk",)), "killed", "week")
    assert info == {"claims": 2, "grouped_by": None}
    df, info = claims.over_time(db, F, "killed", "week")
    # three claims in three cities/side pairs: no period groups them below 3, so the coarsest is used
    assert info == {"claims": 3, "grouped_by": "year"} and len(df) <= 4


def test_identical_claims_are_set_apart():
    df = hostile_claims(2)
    df["qualifier"], df["subject_side"], df["period_start"], df["period_end"] = "exact", "ukraine", None, None
    df = claims.add_bounds(df.assign(value=100.0, value_low=None, value_high=None))
    df["date"] = pd.Timestamp("2024-03-07")
    fig = claim_charts.over_time(df)
    xs = [x for t in fig.data if t.mode == "markers" for x in t.x]
    assert len(xs) == 2 and xs[0] != xs[1]


# --- the claims matrix --------------------------------------------------------------------------

def test_matrix_table_puts_belligerents_first_and_keeps_ids_aligned(db):
    from metrics.style import kind_label
    long = claims.matrix(db, F)
    cells, ids = claims.matrix_table(long, kind_label)
    assert list(cells.columns[:2]) == ["City", "What"]
    assert cells.columns[2:4].tolist() == ["Ukraine says · Russia's losses", "Russia says · Ukraine's losses"]
    assert cells.shape == ids.shape
    for r in range(len(cells)):
        for c in cells.columns[2:]:
            assert pd.isna(cells.iloc[r][c]) == pd.isna(ids.iloc[r][c])
    ru = cells.loc[cells["City"] == "Toretsk", "Russia says · Ukraine's losses"].iloc[0]
    assert ru == "≥ 1,100 total · 9 Oct 2024"
    ua = cells.loc[cells["City"] == "Toretsk", "Ukraine says · Russia's losses"].iloc[0]
    assert ua == "200–300 in 1–10 Oct 2024"


# --- time controls ------------------------------------------------------------------------------

def test_time_window_presets_as_of_and_links():
    lo, hi = dt.date(2024, 1, 1), dt.date(2024, 4, 30)
    assert Window("30d").bounds(lo, hi) == (dt.date(2024, 4, 1), None)
    assert Window("7d", asof=dt.date(2024, 3, 10)).bounds(lo, hi) == (dt.date(2024, 3, 4), dt.date(2024, 3, 10))
    assert Window("all", asof=dt.date(2024, 3, 10)).bounds(lo, hi) == (None, dt.date(2024, 3, 10))
    assert Window("all").bounds(lo, hi) == (None, None)         # undated rows stay in tables
    assert Window("90d").bounds(lo, hi) == (dt.date(2024, 2, 1), None)
    w = Window("30d", asof=dt.date(2024, 3, 10), agg="month")
    assert Window.from_params(w.to_params()) == w
    old = Window.from_params({"start": "2024-02-01", "end": "2024-02-10"})
    assert old.period == "custom" and old.bounds(lo, hi) == (dt.date(2024, 2, 1), dt.date(2024, 2, 10))
    assert Window.from_params({"period": "bogus", "agg": "decade"}) == Window()
    assert Window("30d", asof=dt.date(2024, 3, 10)).describe(lo, hi) == "the 30 days to 10 Mar 2024"


def test_undated_claims_are_counted_whatever_the_window(db):
    assert claims.undated(db, F, ("population_remaining",)) == 1
    assert claims.undated(db, Filters(start=dt.date(2024, 10, 1)), ("population_remaining",)) == 1
    assert claims.undated(db, F, ("killed",)) == 0


# --- the City page's short distance labels ------------------------------------------------------

@pytest.mark.parametrize("sentence, number, want", [
    ("Russian troops are now 7 miles from Kupiansk, Kremlin spokesman Dmitry Peskov reported.", "7 miles",
     "from Kupiansk"),
    ("The town of Izium, five kilometres west of the front line, is under constant fire.", "five kilometres",
     "west of the front line"),
    ("Pokrovsk, which is 8 km from the front line, after 60,000 lived there.", "8 km", "from the front line"),
    ("It was 12 km.", "12 km", ""),
])
def test_distance_labels_are_the_words_after_the_number(sentence, number, want):
    end = sentence.index(number) + len(number.split()[0])
    assert charts.distance_label(sentence, end) == want


# --- the map --------------------------------------------------------------------------------------

def test_map_is_offline_and_framed_on_the_front(db):
    pts = overview.map_points(db, F)
    frames, unit = overview.map_frames(db, F, "week")
    fig = place_map.place_map(pts, frames, unit, overview.geojson())
    style = fig.layout.map.style
    assert style["sources"] == {} and "glyphs" not in style and "sprite" not in style
    assert all(t.type in ("scattermap", "choroplethmap") for t in fig.data)
    assert all((t.mode or "markers") == "markers" for t in fig.data if t.type == "scattermap")   # no map text
    c = fig.layout.map.center
    assert 47 < c.lat < 50 and 36 < c.lon < 39 and 4 <= fig.layout.map.zoom <= 8.5
    click = {c[0] for t in fig.data if t.type == "scattermap" for c in (t.customdata or [])}
    assert {"Toretsk", "Pokrovsk"} <= click
    assert [f.name for f in fig.frames] == ["week of 7 Oct 2024", "week of 28 Oct 2024"]


def test_map_frames_coarsen_to_stay_playable(db, monkeypatch):
    monkeypatch.setattr(overview, "MAX_FRAMES", 1)
    mdb._cache.clear()
    frames, unit = overview.map_frames(db, F, "week")
    assert unit in ("quarter", "year") and frames["bucket"].nunique() == 1


def test_approximate_places_are_drawn_as_rings():
    pts = pd.DataFrame({"name": ["A", "B"], "kind": ["village", "village"], "oblast": ["X", "X"],
                        "lat": [48.1, 48.2], "lon": [37.7, 37.8], "population": [None, None],
                        "approximate": [True, False], "figures": [1, 1], "events": [0, 0], "activity": [1, 1],
                        "settlement": [True, True]})
    fig = place_map.place_map(pts, pd.DataFrame(), "week", overview.geojson())
    names = [t.name for t in fig.data]
    assert "Location approximate" in names
    ring = [t for t in fig.data if t.type == "scattermap" and list(t.lat) == [48.1]]
    assert len(ring) == 2 and ring[1].marker.color == place_map.LAND


def test_no_outbound_ip_lookup_at_start(monkeypatch):
    """Streamlit looks up the machine's public IP at start unless the URL it prints is set by
    hand (.streamlit/config.toml: browser.serverAddress); the lookup must never happen."""
    from streamlit import config, net_util
    from streamlit.web import bootstrap

    from conftest import ROOT
    monkeypatch.chdir(ROOT)
    config.get_config_options(force_reparse=True, options_from_flags={"server.headless": True})
    try:
        def no_lookup():
            raise AssertionError("outbound IP lookup")
        monkeypatch.setattr(net_util, "get_external_ip", no_lookup)
        assert config.is_manually_set("browser.serverAddress")
        bootstrap._print_url(False)
    finally:
        config.get_config_options(force_reparse=True)


def test_warm_up_computes_the_default_views_once_per_version(db, monkeypatch):
    from metrics import city, views, warm
    t = warm.start(db)
    assert t is not None and warm.start(db) is None       # once per database version
    t.join(60)

    def no_db(*a, **k):
        raise AssertionError("a default view was not warmed")
    monkeypatch.setattr(mdb, "_connection", no_db)
    overview.counts(db, F)
    views.overview_map(db, F, "week")
    views.overview_timeline(db, F, "week")
    claims.matrix(db, F)
    views.claims_chart(db, F, "killed", "week", None)
    name = overview.options(db)["city"][0]
    views.city_casualties(db, F, name, city.casualty_kinds(db, F, name)[0], "week")
    city.figures(db, F, name)


@pytest.mark.skipif(sys.platform != "linux", reason="per-thread nice values are Linux's")
def test_warm_up_runs_at_the_lowest_cpu_priority_and_the_pages_do_not(monkeypatch):
    import os
    import threading
    from metrics import warm
    seen = []
    monkeypatch.setattr(warm, "run", lambda db: seen.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id())))
    t = threading.Thread(target=warm._background, args=("unused.duckdb",))
    t.start()
    t.join(10)
    assert seen == [19]
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) < 19   # the page's thread is untouched


def test_concurrent_calls_of_one_view_compute_it_once(db, monkeypatch):
    import threading
    import time
    calls = []
    real = mdb.query

    def slow(*a, **k):
        calls.append(a[1][:40])
        time.sleep(0.3)
        return real(*a, **k)
    monkeypatch.setattr(overview, "query", slow)
    threads = [threading.Thread(target=overview.map_points, args=(db, F)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert calls and len(calls) == len(set(calls))      # each query ran once, not once per thread
