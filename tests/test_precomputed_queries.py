"""The metrics read figures' and events' precomputed city, day and outlet (schema 8) instead
of joining every row to its article. Same results as before: each function is compared with
the join-based version it replaced (metrics/ at commit JOINED, read from git), on a database
the real loader built from articles written here, with every filter set the pages use, and
after analysts' corrections that move a figure's place and date and an event's place."""
from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import io
import subprocess
import sys
import tarfile

import pandas as pd
import pytest

from conftest import ROOT, build_db, write
from loaders import corrections as corr
from metrics import city as mcity
from metrics import claims, evidence, export, overview
from metrics import db as mdb
from metrics.filters import Filters

JOINED = "2e732fe"   # the last commit whose metrics joined figures and events to articles

ARTICLES = {
    "bakhmut.txt": ("BAKHMUT, Ukraine — Ukraine's General Staff said on Monday that more than 1,100 Russian "
                    "soldiers had been killed near Bakhmut over the past week.\nRussia's defence ministry said "
                    "250 Ukrainian troops were killed in the area on Sunday.\nAbout 40 civilians were wounded "
                    "in shelling of Bakhmut, the regional governor said.\nRussian forces captured the village "
                    "of Klishchiivka on Tuesday, the ministry said."),
    "bakhmut-again.txt": ("Ukraine's General Staff said more than 1,100 Russian soldiers had been killed near "
                          "Bakhmut over the past week.\nSome 3,000 residents remain in Bakhmut, which is 5 km "
                          "from the front line, officials said.\nRussian troops shelled Chasiv Yar on Friday."),
    "pokrovsk.txt": ("POKROVSK — Officials said about 7,000 residents remain in Pokrovsk, which is 8 km from "
                     "the front line.\nThe regional governor said 14 civilians were wounded in shelling of "
                     "Pokrovsk on Friday.\nBefore the war, 60,000 people lived in Pokrovsk.\nUkraine's army "
                     "said 300 Russian soldiers were killed near Pokrovsk between 1 and 7 October."),
    "undated.txt": ("Ukraine's General Staff said 90 Russian soldiers were killed near Toretsk.\nRussian "
                    "forces struck Kramatorsk with missiles, the governor said.\nTwo people were killed."),
    "noplace.txt": ("The defence ministry in Moscow said 500 Ukrainian soldiers had been killed.\nKyiv said "
                    "the claim was false and that 12 of its soldiers were wounded."),
}
MANIFEST = ("file,title,source,published\n"
            "bakhmut.txt,Fighting near Bakhmut,Test Wire,2024-10-14\n"
            "bakhmut-again.txt,Bakhmut again,Other Wire,2024-10-20\n"
            "pokrovsk.txt,Pokrovsk under fire,Test Wire,2024-10-09\n"
            "noplace.txt,Claims and counterclaims,Third Wire,2024-11-02\n")


def _metrics_at(commit: str, package: str, tmp_path_factory):
    """metrics/ as it was at `commit`, importable as `package` (a generator for a fixture)."""
    out = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "metrics"], capture_output=True)
    assert out.returncode == 0, out.stderr.decode()
    d = tmp_path_factory.mktemp(package)
    tarfile.open(fileobj=io.BytesIO(out.stdout)).extractall(d)
    (d / "metrics").rename(d / package)
    sys.path.insert(0, str(d))
    mods = {}
    try:
        mods = {m: importlib.import_module(f"{package}.{m}")
                for m in ("city", "claims", "evidence", "export", "overview", "db")}
        yield mods
    finally:
        if "db" in mods:
            mods["db"].close_all()
        sys.path.remove(str(d))
        for name in [n for n in sys.modules if n.startswith(package)]:
            del sys.modules[name]


@pytest.fixture(scope="module")
def joined(tmp_path_factory):
    """metrics/ as it was at JOINED, importable as `metrics_joined`."""
    yield from _metrics_at(JOINED, "metrics_joined", tmp_path_factory)


def make_db(tmp):
    folder = tmp / "articles"
    for name, text in ARTICLES.items():
        write(folder, name, text)
    write(folder, "manifest.csv", MANIFEST)
    return build_db(tmp, paths=[folder], manifest=folder / "manifest.csv")


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory):
    db = make_db(tmp_path_factory.mktemp("precomputed"))
    yield db
    mdb.close_all()


def raw(fn):
    return getattr(fn, "__wrapped__", fn)


def filter_sets() -> list[Filters]:
    return [Filters(), Filters(city=("Bakhmut",)), Filters(city=("Pokrovsk", "Bakhmut")),
            Filters(start=dt.date(2024, 10, 10), end=dt.date(2024, 10, 31)),
            Filters(city=("Bakhmut",), start=dt.date(2024, 10, 15)),
            Filters(claimant_side=("ukraine",), kind=("killed",)), Filters(subject_side=("russia",)),
            Filters(outlet=("Test Wire",)), Filters(outlet=("Third Wire",), kind=("killed", "wounded")),
            Filters(city=("Nowhere",))]


def calls(m, db, f: Filters) -> dict:
    """Every metrics function the pages call whose SQL changed, as the pages call them."""
    city = f.city[0] if f.city else "Bakhmut"
    out = {
        "overview.counts": raw(m["overview"].counts)(db, f),
        "overview.timeline": raw(m["overview"].timeline)(db, f, "week"),
        "overview.undated": raw(m["overview"].undated)(db, f),
        "overview.map_points": raw(m["overview"].map_points)(db, f),
        "overview.map_frames": raw(m["overview"].map_frames)(db, f, "month"),
        # every claim, not the newest 10: the join-based version broke ties at the cut at random
        "overview.latest_claims": raw(m["overview"].latest_claims)(db, f, 1000),
        "city.casualty_kinds": m["city"].casualty_kinds(db, f, city),
        "city.casualties": m["city"].casualties(db, f, city, "killed"),
        "city.population": m["city"].population(db, f, city),
        "city.distances": m["city"].distances(db, f, city),
        "city.events": raw(m["city"].events)(db, f, city),
        "city.event_count": raw(m["city"].event_count)(db, f, city),
        "city.figures": m["city"].figures(db, f, city),
        "city.figures[all]": raw(m["city"]._city_figures)(db, f, city),
        "city.figure_count": raw(m["city"].figure_count)(db, f, city),
        "city.undated": m["city"].undated(db, f, city, ("killed",)),
        "claims.casualty_kinds_present": raw(m["claims"].casualty_kinds_present)(db, f),
        "claims.matrix": raw(m["claims"].matrix)(db, f),
        "claims.undated": raw(m["claims"].undated)(db, f, ("killed",)),
        "claims.over_time": raw(m["claims"].over_time)(db, f, "killed", "week"),
        "claims.rates": raw(m["claims"].rates)(db, f),
        "claims.claims": raw(m["claims"].claims)(db, f, ()),
        "claims.count": raw(m["claims"].count)(db, f, ("killed",)),
        "evidence.search": raw(m["evidence"].search)(db, f, "", ("figures", "events")),
        "evidence.search[text]": raw(m["evidence"].search)(db, f, "killed", ("figures", "events")),
        "evidence.search[title]": raw(m["evidence"].search)(db, f, "under fire", ("figures", "events")),
        "evidence.search[outlet]": raw(m["evidence"].search)(db, f, "other wire", ("figures",)),
        "export.facts": raw(m["export"]._facts)(db, f),
        "export.view": raw(m["export"].view)(db, f),
        "export.view_events": raw(m["export"].view_events)(db, f),
        "overview.options": raw(m["overview"].options)(db),
    }
    ids = tuple(out["claims.claims"]["claim_id"])
    out["claims.claim_figures"] = [raw(m["claims"].claim_figures)(db, f, (), c) for c in ids]
    return out


UNORDERED = ("claims.matrix", "overview.map_frames")   # no ORDER BY: the pages sort or pivot them


def same(name: str, new, old) -> None:
    if isinstance(new, tuple) and len(new) == 2 and isinstance(new[0], pd.DataFrame):
        same(name, new[0], old[0])
        assert new[1] == old[1], name
    elif isinstance(new, pd.DataFrame):
        assert list(new.columns) == list(old.columns), name
        if name.startswith(UNORDERED):
            new, old = (df.iloc[sorted(range(len(df)), key=lambda i: repr(df.iloc[i].tolist()))] for df in (new, old))
        pd.testing.assert_frame_equal(new.reset_index(drop=True), old.reset_index(drop=True), obj=name)
    else:
        assert new == old, name


def compare_all(joined, db) -> int:
    new = {"city": mcity, "claims": claims, "evidence": evidence, "export": export, "overview": overview}
    compared = 0
    mdb.close_all()
    joined["db"].close_all()
    for f in filter_sets():
        a, b = calls(new, str(db), f), calls(joined, str(db), f)
        for name in a:
            same(f"{name} {f.describe()}", a[name], b[name])
            compared += 1
    return compared


def test_the_precomputed_columns_give_what_the_joins_gave(corpus_db, joined):
    n = mdb.query(corpus_db, "SELECT count(*) AS n, count(*) FILTER (WHERE day IS NULL) AS undated, "
                             "count(*) FILTER (WHERE city IS NULL) AS placeless FROM figures").iloc[0]
    # the corpus has what the filters tell apart: undated and placeless figures among dated ones
    assert n["n"] >= 12 and n["undated"] > 0 and n["placeless"] > 0
    assert compare_all(joined, corpus_db) == len(filter_sets()) * 32
    # and the columns themselves equal the join, row for row
    for t, date in (("figures", "figure_date"), ("events", "event_date")):
        bad = mdb.query(corpus_db, f"""
            SELECT count(*) AS n FROM {t} x JOIN articles a USING (doc_id)
            WHERE x.city IS DISTINCT FROM coalesce(x.place, a.main_place)
               OR x.day IS DISTINCT FROM coalesce(x.{date}, a.published)
               OR x.outlet IS DISTINCT FROM a.outlet""")["n"].iloc[0]
        assert bad == 0, t


def test_corrected_places_and_dates_move_the_precomputed_columns(tmp_path, joined):
    db = make_db(tmp_path)
    mdb.close_all()
    fig = mdb.rows(db, "SELECT * FROM figures_raw WHERE kind = 'killed' AND place = 'Bakhmut' "
                       "ORDER BY figure_id LIMIT 1")[0]
    undated = mdb.rows(db, "SELECT * FROM figures_raw WHERE day IS NULL ORDER BY figure_id LIMIT 1")[0]
    ev = mdb.rows(db, "SELECT * FROM events_raw WHERE city IS NOT NULL ORDER BY event_id LIMIT 1")[0]
    corr.save(db, [
        corr.make("figure", fig, "correct", {"place": "Pokrovsk", "figure_date": dt.date(2024, 9, 1)}),
        corr.make("figure", undated, "correct", {"figure_date": dt.date(2024, 10, 16)}),
        corr.make("event", ev, "correct", {"place": "Avdiivka"}),
    ])
    mdb.close_all()
    moved = mdb.rows(db, "SELECT city, day FROM figures WHERE figure_id = ?", [fig["figure_id"]])[0]
    assert moved == {"city": "Pokrovsk", "day": dt.date(2024, 9, 1)}
    dated = mdb.rows(db, "SELECT day FROM figures WHERE figure_id = ?", [undated["figure_id"]])[0]
    assert dated == {"day": dt.date(2024, 10, 16)}
    assert mdb.rows(db, "SELECT city FROM events WHERE event_id = ?", [ev["event_id"]])[0] == {"city": "Avdiivka"}
    # Pokrovsk's page now lists the moved figure, Bakhmut's no longer does
    assert fig["figure_id"] in set(raw(mcity._city_figures)(db, Filters(), "Pokrovsk")["figure_id"])
    assert fig["figure_id"] not in set(raw(mcity._city_figures)(db, Filters(), "Bakhmut")["figure_id"])
    assert compare_all(joined, db) == len(filter_sets()) * 32
    mdb.close_all()


def test_a_filtered_window_leaves_out_undated_rows_and_counts_them(corpus_db):
    f = Filters(start=dt.date(2024, 10, 1))
    shown = raw(evidence.search)(corpus_db, f, "", ("figures",))
    everything = raw(evidence.search)(corpus_db, dataclasses.replace(f, start=None), "", ("figures",))
    missing = raw(overview.undated)(corpus_db, f)["figures"]
    assert missing > 0 and shown["date"].notna().all()
    assert len(everything) - len(shown) >= missing


def test_over_time_keeps_the_same_latest_claim_per_group_when_there_are_too_many(corpus_db, joined, monkeypatch):
    """Over MAX_POINTS claims, the chart keeps each group's newest claim: the aggregate that
    picks it gives the window's choice (here with MAX_POINTS lowered so the corpus exceeds it)."""
    for limit in (1, 2, 3):
        monkeypatch.setattr(claims, "MAX_POINTS", limit)
        monkeypatch.setattr(joined["claims"], "MAX_POINTS", limit)
        for f in filter_sets():
            for kinds in (("killed",), ("killed", "wounded", "population_remaining", "distance_km")):
                new, info = raw(claims.over_time)(corpus_db, f, kinds, "week")
                old, old_info = raw(joined["claims"].over_time)(corpus_db, f, kinds, "week")
                same(f"over_time {limit} {kinds} {f.describe()}", new, old)
                assert info == old_info
    grouped = raw(claims.over_time)(corpus_db, Filters(), ("killed", "wounded"), "week")[1]
    assert grouped["grouped_by"] is not None and grouped["claims"] > 3


def test_sentence_lookup_with_a_wrong_city_hint_still_finds_every_figure(corpus_db):
    ids = tuple(sorted(mdb.query(corpus_db, "SELECT figure_id FROM figures")["figure_id"]))
    everywhere = raw(claims.details)(corpus_db, ids).sort_values("figure_id", ignore_index=True)
    for hint in (("Bakhmut",), ("Nowhere",), ()):
        hinted = raw(claims.details)(corpus_db, ids, hint).sort_values("figure_id", ignore_index=True)
        pd.testing.assert_frame_equal(hinted, everywhere)


def test_evidence_newest_rows_are_the_same_when_a_date_cutoff_narrows_the_scan(corpus_db, joined):
    """With more dated rows than the limit, the search reads only rows on or after the
    limit-th newest date: small limits make the corpus exercise it (ties on that date too)."""
    for limit in (1, 2, 3, 5, 8, 13, 40):
        for f in filter_sets():
            for items in (("figures", "events"), ("figures",)):
                new = raw(evidence.search)(corpus_db, f, "", items, limit)
                old = raw(joined["evidence"].search)(corpus_db, f, "", items, limit)
                same(f"search {limit} {items} {f.describe()}", new, old)
            # events alone (the join-based version could not sort them): the events of the whole list
            alone = raw(evidence.search)(corpus_db, f, "", ("events",), limit)
            every = raw(evidence.search)(corpus_db, f, "", ("figures", "events"), 10_000)
            expect = every[every["item"] == "event"].head(limit).reset_index(drop=True)
            # (the figure-only columns are all NULL for events, typed differently without figures)
            cols = [c for c in alone.columns if c not in ("qualifier", "value", "value_low", "value_high")]
            plain = [df[cols].astype(object).where(df[cols].notna(), None) for df in (alone, expect)]
            pd.testing.assert_frame_equal(*plain, obj=f"events {limit} {f.describe()}")
    assert evidence._cutoff(corpus_db, Filters(), ("figures", "events"), 3) is not None
    assert evidence._cutoff(corpus_db, Filters(), ("figures", "events"), 10_000) is None


# --- issue 15, third session: the claims queries read `figures_by_kind`, Evidence reads `evidence` ---
# (copies of figures and events in other orders, loaders/segments.py). Compared with metrics/ as it
# was before (BEFORE, read from git), which read figures and events only.

BEFORE = "639475e"   # metrics/ before figures_by_kind and evidence


@pytest.fixture(scope="module")
def before(tmp_path_factory):
    """metrics/ as it was at BEFORE, importable as `metrics_before`."""
    yield from _metrics_at(BEFORE, "metrics_before", tmp_path_factory)


def compare_before(before, db) -> int:
    new = {"city": mcity, "claims": claims, "evidence": evidence, "export": export, "overview": overview}
    mdb.close_all()
    before["db"].close_all()
    n = 0
    for f in filter_sets():
        a, b = calls(new, str(db), f), calls(before, str(db), f)
        for name in a:
            same(f"{name} {f.describe()}", a[name], b[name])
            n += 1
        for text in ("killed", "SAID", "under fire", "wire", "no such words"):
            for limit in (1, 2, 3, 5, 8, 40):
                for items in (("figures", "events"), ("figures",)):
                    same(f"search {text!r} {limit} {items} {f.describe()}",
                         raw(evidence.search)(db, f, text, items, limit),
                         raw(before["evidence"].search)(db, f, text, items, limit))
                    n += 1
        for limit in (1, 2, 3, 1000):
            same(f"claims {limit} {f.describe()}", raw(claims.claims)(db, f, ("killed",), limit),
                 raw(before["claims"].claims)(db, f, ("killed",), limit))
    # the stamp's content digest, now from the digests each segment keeps in the catalog
    assert raw(export.content_hash)(db) == raw(before["export"].content_hash)(db)
    return n


def test_the_sorted_copies_give_what_figures_and_events_gave(corpus_db, before):
    # the corpus database was written by the current store: it has both copies
    assert mdb.query(corpus_db, "SELECT count(*) AS n FROM live._segments WHERE figures_by_kind > 0 "
                                "AND evidence > 0")["n"].iloc[0] >= 1
    assert compare_before(before, corpus_db) == len(filter_sets()) * (32 + 5 * 6 * 2)


def test_the_sorted_copies_carry_the_corrections(tmp_path, before):
    db = make_db(tmp_path)
    mdb.close_all()
    figs = mdb.rows(db, "SELECT * FROM figures_raw ORDER BY figure_id")
    killed = next(r for r in figs if r["kind"] == "killed" and r["place"] == "Bakhmut")
    other = next(r for r in figs if r["kind"] == "wounded")
    undated = next(r for r in figs if r["day"] is None)
    ev = mdb.rows(db, "SELECT * FROM events_raw ORDER BY event_id LIMIT 1")[0]
    corr.save(db, [
        corr.make("figure", killed, "correct", {"kind": "wounded", "place": "Pokrovsk", "value": 1200}),
        corr.make("figure", other, "reject", note="not a casualty figure"),
        corr.make("figure", undated, "correct", {"figure_date": dt.date(2024, 10, 30)}),
        corr.make("event", ev, "correct", {"place": "Avdiivka", "event_date": dt.date(2024, 10, 29)}),
    ])
    mdb.close_all()
    from loaders.segments import BY_KIND_COLS, EVIDENCE_EVENTS, EVIDENCE_FIGURES, by_kind_select
    cols = ", ".join(BY_KIND_COLS)
    for copy, plain in (
            (f"SELECT {cols} FROM figures_by_kind", f"SELECT {by_kind_select()} FROM figures"),
            ("SELECT * FROM evidence", f"{EVIDENCE_FIGURES}, review_status FROM figures "
                                       f"UNION ALL BY NAME {EVIDENCE_EVENTS}, review_status FROM events")):
        a = mdb.query(db, f"SELECT * FROM ({copy}) ORDER BY ALL")
        b = mdb.query(db, f"SELECT * FROM ({plain}) ORDER BY ALL")
        pd.testing.assert_frame_equal(a, b[list(a.columns)])
    # claims.claims narrows its second scan by the picked claims' kinds: a key has one kind,
    # also after a correction changes the kind (the corrected figure gets a new key)
    assert mdb.query(db, "SELECT count(*) AS n FROM (SELECT ck FROM figures_by_kind GROUP BY ck "
                         "HAVING count(DISTINCT kind) > 1)")["n"].iloc[0] == 0
    assert killed["figure_id"] in set(mdb.query(db, "SELECT figure_id FROM figures_by_kind WHERE kind = 'wounded' "
                                                    "AND city = 'Pokrovsk'")["figure_id"])
    assert other["figure_id"] not in set(mdb.query(db, "SELECT id FROM evidence")["id"])
    assert compare_before(before, db) == len(filter_sets()) * (32 + 5 * 6 * 2)
    mdb.close_all()


def test_sentences_looked_up_by_date_are_those_looked_up_everywhere(corpus_db):
    ids = tuple(sorted(mdb.query(corpus_db, "SELECT figure_id FROM figures")["figure_id"]))
    everywhere = raw(claims.details)(corpus_db, ids).sort_values("figure_id", ignore_index=True)
    days = sorted(d for d in mdb.query(corpus_db, "SELECT DISTINCT day FROM figures")["day"] if d == d)
    for since in (days[0].date(), days[len(days) // 2].date(), days[-1].date(), dt.date(2100, 1, 1)):
        for recent in (False, True):
            hinted = raw(claims.details)(corpus_db, ids, None, since, recent).sort_values("figure_id",
                                                                                         ignore_index=True)
            pd.testing.assert_frame_equal(hinted, everywhere)


# --- issue 15, fourth session: one stored row per claim (per_claim, per_claim_outlet) ---
# The claims queries without a city or time filter read per-claim partial aggregates written with
# each segment, merged across segments, with replaced articles and corrections re-aggregated on
# top (loaders/segments.py). Compared with metrics/ before them (PER_CLAIM, read from git) as the
# database goes through several segments sharing claims, a replaced article, and corrections.

PER_CLAIM = "cd24eec"   # metrics/ before the per-claim tables

MORE = {   # a second ingest: claims already reported (by other outlets), and new ones
    "bakhmut-wire.txt": ("Ukraine's General Staff said more than 1,100 Russian soldiers had been killed near "
                         "Bakhmut over the past week.\nRussia's defence ministry said 250 Ukrainian troops were "
                         "killed in the area on Sunday."),
    "pokrovsk-late.txt": ("Officials said about 7,000 residents remain in Pokrovsk, which is 8 km from the front "
                          "line.\nUkraine's army said 300 Russian soldiers were killed near Pokrovsk between 1 and "
                          "7 October.\nThe governor said 9 civilians were killed in Pokrovsk."),
}
MORE_MANIFEST = ("file,title,source,published\n"
                 "bakhmut-wire.txt,Bakhmut claims repeated,Fourth Wire,2024-10-21\n"
                 "pokrovsk-late.txt,Pokrovsk later,Other Wire,2024-10-25\n")
REPLACED = ("POKROVSK — Officials said about 6,500 residents remain in Pokrovsk, which is 8 km from the front "
            "line.\nThe regional governor said 14 civilians were wounded in shelling of Pokrovsk on Friday.\n"
            "Ukraine's army said 300 Russian soldiers were killed near Pokrovsk between 1 and 7 October.")


@pytest.fixture(scope="module")
def before_claims(tmp_path_factory):
    """metrics/ as it was at PER_CLAIM, importable as `metrics_per_claim`."""
    yield from _metrics_at(PER_CLAIM, "metrics_per_claim", tmp_path_factory)


def claim_filters() -> list[Filters]:
    return filter_sets() + [Filters(outlet=("Test Wire", "Other Wire")), Filters(outlet=("Fourth Wire",)),
                            Filters(kind=("killed",), subject_side=("russia",), outlet=("Other Wire", "Fourth Wire"))]


def compare_claims(before, db) -> int:
    """Every function that reads the per-claim rows, beside the version that grouped figures."""
    mdb.close_all()
    before["db"].close_all()
    n = 0
    for f in claim_filters():
        for kinds in ((), ("killed", "wounded", "population_remaining")):
            for limit in (2, 1000):
                same(f"claims {kinds} {limit} {f.describe()}", raw(claims.claims)(db, f, kinds, limit),
                     raw(before["claims"].claims)(db, f, kinds, limit))
                n += 1
            same(f"claims.matrix {kinds} {f.describe()}", raw(claims.matrix)(db, f, kinds or claims.CASUALTY_KINDS),
                 raw(before["claims"].matrix)(db, f, kinds or claims.CASUALTY_KINDS))
            new, info = raw(claims.over_time)(db, f, kinds or ("killed",), "week")
            old, old_info = raw(before["claims"].over_time)(db, f, kinds or ("killed",), "week")
            same(f"over_time {kinds} {f.describe()}", new, old)
            assert info == old_info
            n += 2
        for limit in (1, 10, 1000):
            same(f"latest {limit} {f.describe()}", raw(overview.latest_claims)(db, f, limit),
                 raw(before["overview"].latest_claims)(db, f, limit))
        same(f"counts {f.describe()}", raw(overview.counts)(db, f), raw(before["overview"].counts)(db, f))
        for kinds in ((), ("killed",), ("killed", "wounded")):
            for rep in (True, False):
                same(f"count {kinds} {rep} {f.describe()}", raw(claims.count)(db, f, kinds, rep),
                     raw(before["claims"].count)(db, f, kinds, rep))
    # a claim's reports, with the claim's city (and with a wrong one: looked up everywhere)
    for f in (Filters(), Filters(outlet=("Test Wire", "Other Wire"))):
        for _, row in raw(claims.claims)(db, f, (), 1000).iterrows():
            ids = tuple(row["figure_ids"])
            want = raw(before["claims"].reports)(db, ids)
            for city in (row["city"], "Nowhere", None):
                same(f"reports {ids} {city}", raw(claims.reports)(db, ids, city), want)
                n += 1
    return n


def cells_match(db) -> None:
    """The matrix reads the stored cells (matrix_cells), and they are the cells of the live
    (merged, corrected) claims: what grouping the per-claim rows of every figure gives."""
    from loaders import segments
    mdb.close_all()
    assert raw(claims.cells_stored)(db)
    got = mdb.query(db, "SELECT * FROM matrix_cells ORDER BY ALL")
    cells = segments.cells_sql(segments.claim_partials_sql("per_claim", "figures_by_kind"))
    want = mdb.query(db, f"SELECT * FROM {cells} ORDER BY ALL")
    assert len(got) > 10
    pd.testing.assert_frame_equal(got, want, obj="matrix_cells")


def test_the_per_claim_rows_give_what_grouping_figures_gave(tmp_path, before_claims, monkeypatch):
    from loaders import segments
    monkeypatch.setattr(segments, "STORED_SHARE", 0.0)     # read them whatever the segments' sizes
    db = make_db(tmp_path)
    assert raw(claims.claims_stored)(db)
    cells_match(db)
    assert compare_claims(before_claims, db) > 100
    # a second segment: claims reported in both (their counts, dates and lists merge)
    folder = tmp_path / "more"
    for name, text in MORE.items():
        write(folder, name, text)
    write(folder, "manifest.csv", MORE_MANIFEST)
    build_db(tmp_path, paths=[folder], manifest=folder / "manifest.csv")
    mdb.close_all()
    assert mdb.query(db, "SELECT count(*) AS n FROM live._segments")["n"].iloc[0] == 2
    shared = mdb.query(db, "SELECT count(*) AS n FROM per_claim WHERE len(outlets) > 1")["n"].iloc[0]
    assert shared >= 2
    cells_match(db)     # the cells the second segment's claims fall in: re-aggregated when the reader opens
    assert mdb.query(db, "SELECT count(*) AS n FROM matrix_cells_touched")["n"].iloc[0] >= 2
    assert compare_claims(before_claims, db) > 100
    # a replaced article (a tombstone in the first segment): its claims lose that report
    write(tmp_path / "articles", "pokrovsk.txt", REPLACED)
    build_db(tmp_path, paths=[tmp_path / "articles"], manifest=tmp_path / "articles" / "manifest.csv")
    mdb.close_all()
    assert mdb.query(db, "SELECT count(*) AS n FROM live._tombstones")["n"].iloc[0] == 1
    cells_match(db)
    assert compare_claims(before_claims, db) > 100
    # with fewer points allowed, over_time picks each group's newest claim from the rows too
    for limit in (1, 2, 3):
        monkeypatch.setattr(claims, "MAX_POINTS", limit)
        monkeypatch.setattr(before_claims["claims"], "MAX_POINTS", limit)
        for f in claim_filters():
            new, info = raw(claims.over_time)(db, f, ("killed", "wounded", "population_remaining"), "week")
            old, old_info = raw(before_claims["claims"].over_time)(db, f, ("killed", "wounded",
                                                                               "population_remaining"), "week")
            same(f"over_time {limit} {f.describe()}", new, old)
            assert info == old_info
    monkeypatch.setattr(claims, "MAX_POINTS", 400)
    monkeypatch.setattr(before_claims["claims"], "MAX_POINTS", 400)
    # corrections: a claim's figure moved to another claim (kind, place, value), one rejected, a date
    # given to an undated one: the claims they leave and join are re-aggregated when the reader opens
    figs = mdb.rows(db, "SELECT * FROM figures_raw ORDER BY figure_id")
    shared_fig = next(r for r in figs if r["kind"] == "killed" and r["place"] == "Bakhmut")
    other = next(r for r in figs if r["kind"] == "wounded")
    undated = next(r for r in figs if r["day"] is None)
    corr.save(db, [
        corr.make("figure", shared_fig, "correct", {"kind": "wounded", "place": "Pokrovsk", "value": 1200}),
        corr.make("figure", other, "reject", note="not a casualty figure"),
        corr.make("figure", undated, "correct", {"figure_date": dt.date(2024, 10, 30), "claimant": "an official"}),
    ])
    mdb.close_all()
    assert mdb.query(db, "SELECT count(*) AS n FROM claim_fix_keys")["n"].iloc[0] >= 3
    assert mdb.query(db, "SELECT count(*) AS n FROM cell_fix_groups")["n"].iloc[0] >= 3
    cells_match(db)
    assert compare_claims(before_claims, db) > 100
    # the stored rows, merged and corrected, are what grouping the live (corrected) figures gives
    for t in segments.CLAIM_BY:
        norm = ("SELECT * REPLACE (list_sort(outlets) AS outlets, list_sort(claimants) AS claimants, "
                "list_sort(figure_ids) AS figure_ids) FROM {} ORDER BY ALL")
        got = mdb.query(db, norm.format(t))
        want = mdb.query(db, norm.format(segments.claim_partials_sql(t, "figures_by_kind")))
        assert len(got) > 10
        pd.testing.assert_frame_equal(got, want, obj=t)
    mdb.close_all()


def test_per_claim_rows_are_read_when_one_segment_holds_most_figures(tmp_path, monkeypatch):
    from loaders import segments
    db = make_db(tmp_path)
    mdb.close_all()
    assert raw(claims.claims_stored)(db) and claims.claim_table(db, Filters()) == "per_claim"
    assert raw(claims.cells_stored)(db)
    assert claims.claim_table(db, Filters(outlet=("Test Wire",))) == "per_claim_outlet"
    assert claims.claim_table(db, Filters(city=("Bakhmut",))) is None
    assert claims.claim_table(db, Filters(start=dt.date(2024, 10, 1))) is None
    folder = tmp_path / "more"           # a second segment of about the same size: grouping figures is cheaper
    for name, text in MORE.items():
        write(folder, name, text)
    write(folder, "manifest.csv", MORE_MANIFEST)
    build_db(tmp_path, paths=[folder], manifest=folder / "manifest.csv")
    mdb.close_all()
    share = mdb.query(db, "SELECT max(figures) / sum(figures) AS s FROM live._segments")["s"].iloc[0]
    assert share < segments.STORED_SHARE and not raw(claims.claims_stored)(db)
    assert not raw(claims.cells_stored)(db)     # the matrix groups figures too
    monkeypatch.setattr(segments, "STORED_SHARE", share)
    assert raw(claims.claims_stored)(db) and raw(claims.cells_stored)(db)
    mdb.close_all()
