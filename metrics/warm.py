"""Compute the default views of Overview, City and Claims in the background, once per database
version: after the first page a visitor opens, the others are ready when they get there (and
after a load publishes a new database, its views are rebuilt before anyone asks)."""
from __future__ import annotations

import atexit
import logging
import os
import threading

from . import city, claims, overview, views
from .db import version
from .filters import Filters

_lock = threading.Lock()
_started: set = set()
_threads: list[threading.Thread] = []
_stop = threading.Event()
log = logging.getLogger(__name__)


def start(db: str) -> threading.Thread | None:
    """Start warming `db`'s current version unless it already was; returns the thread."""
    key = (str(db), version(db))
    with _lock:
        if key[1] is None or key in _started:
            return None
        _started.add(key)
    t = threading.Thread(target=_background, args=(str(db),), name="frontline-warm", daemon=True)
    with _lock:
        _threads[:] = [x for x in _threads if x.is_alive()] + [t]
    t.start()
    return t


@atexit.register
def stop(timeout: float = 30) -> None:
    """Let running warm-ups finish their current query and end (a DuckDB query still running
    when the interpreter exits aborts the process)."""
    _stop.set()
    for t in list(_threads):
        t.join(timeout)
    _stop.clear()


def _background(db: str) -> None:
    """`run` at the lowest CPU priority: warming starts as the first page reaches the browser, and
    must not slow the drawing of the page someone is looking at (on Linux a thread has its own
    nice value; elsewhere this is a no-op)."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
    except (AttributeError, OSError):
        pass
    run(db)


def run(db: str, agg: str = "week") -> None:
    """The calls each page makes with no filters, in the order a visitor meets them."""
    f = Filters()
    steps = [
        lambda: overview.counts(db, f), lambda: views.overview_map(db, f, agg),
        lambda: views.overview_timeline(db, f, agg), lambda: overview.undated(db, f),
        lambda: overview.latest_claims(db, f, 10),
    ]
    kinds = claims.casualty_kinds_present(db, f)
    if kinds:
        k = kinds[0]
        steps += [lambda: claims.matrix(db, f), lambda: views.claims_chart(db, f, k, agg, None),
                  lambda: claims.undated(db, f, (k,)), lambda: claims.claims(db, f, (k,)),
                  lambda: claims.count(db, f, (k,))]
    names = [c for c in overview.options(db)["city"] if c != overview.NO_PLACE]
    if names:
        name = names[0]
        ck = city.casualty_kinds(db, f, name)
        if ck:
            steps += [lambda: views.city_casualties(db, f, name, ck[0], agg),
                      lambda: city.undated(db, f, name, (ck[0],), ())]
        steps += [lambda: city.info(db, name), lambda: views.city_population(db, f, name),
                  lambda: city.undated(db, f, name, city.POPULATION), lambda: city.events(db, f, name),
                  lambda: city.event_count(db, f, name), lambda: views.city_events(db, f, name, agg),
                  lambda: views.city_distances(db, f, name), lambda: city.undated(db, f, name, ("distance_km",)),
                  lambda: city.figures(db, f, name), lambda: city.figure_count(db, f, name)]
    for step in steps:
        if _stop.is_set():
            return
        try:
            step()
        except Exception:          # a view that fails here fails again, visibly, on its page
            log.debug("warm-up step failed", exc_info=True)
