"""The DuckDB schema. Contract columns (../shared/eval/README.md) plus provenance.

Bump SCHEMA_VERSION and add a step to MIGRATIONS when a table changes; store.py
applies the steps in order to older databases.
"""
SCHEMA_VERSION = 8

TABLES = {
    "meta": """
        CREATE TABLE IF NOT EXISTS meta (
            key VARCHAR PRIMARY KEY,
            value VARCHAR
        )""",
    "articles": """
        CREATE TABLE IF NOT EXISTS articles (
            doc_id VARCHAR PRIMARY KEY,
            title VARCHAR,
            outlet VARCHAR,
            url VARCHAR,
            published DATE,
            published_how VARCHAR NOT NULL,     -- given, inferred, unknown
            dateline VARCHAR,
            dateline_place VARCHAR,
            main_place VARCHAR,
            text VARCHAR NOT NULL,              -- cleaned text; spans index into it
            original_text VARCHAR NOT NULL,
            content_hash VARCHAR NOT NULL,
            source_path VARCHAR,
            fmt VARCHAR,
            loaded_at TIMESTAMP NOT NULL,
            published_precision VARCHAR,        -- day, week, month
            source_hash VARCHAR                 -- digest of the raw input: unchanged files skip extraction
        )""",
    "figures": """
        CREATE TABLE IF NOT EXISTS figures (
            figure_id VARCHAR NOT NULL,      -- unique; no index: indexes slow bulk loads 3x
            doc_id VARCHAR NOT NULL,
            kind VARCHAR NOT NULL,
            value DOUBLE,
            value_low DOUBLE,
            value_high DOUBLE,
            qualifier VARCHAR NOT NULL,
            unit VARCHAR,
            subject_side VARCHAR,
            claimant VARCHAR,
            claimant_side VARCHAR NOT NULL,
            place VARCHAR,
            period_start DATE,
            period_end DATE,
            period_text VARCHAR,
            figure_date DATE,
            date_precision VARCHAR,
            sentence VARCHAR NOT NULL,
            sentence_start INTEGER NOT NULL,
            span_start INTEGER NOT NULL,
            span_end INTEGER NOT NULL,
            number_text VARCHAR NOT NULL,
            claim_key VARCHAR,              -- one claim however often repeated (pipeline.assign_claim_keys)
            claimant_how VARCHAR,           -- stated, context, default: how it was decided
            side_how VARCHAR,
            place_how VARCHAR,
            city VARCHAR,                   -- coalesce(place, article main_place): precomputed for queries
            day DATE,                       -- coalesce(figure_date, article published)
            outlet VARCHAR                  -- the article's outlet
        )""",
    "events": """
        CREATE TABLE IF NOT EXISTS events (
            event_id VARCHAR NOT NULL,       -- unique (store.py dedupes)
            doc_id VARCHAR NOT NULL,
            event_type VARCHAR NOT NULL,
            event_date DATE,
            date_precision VARCHAR,
            place VARCHAR,
            actor_side VARCHAR,
            claimant VARCHAR,
            claimant_side VARCHAR NOT NULL,
            sentence VARCHAR NOT NULL,
            sentence_start INTEGER NOT NULL,
            span_start INTEGER NOT NULL,
            span_end INTEGER NOT NULL,
            trigger VARCHAR NOT NULL,
            claimant_how VARCHAR,
            side_how VARCHAR,
            place_how VARCHAR,
            city VARCHAR,                   -- coalesce(place, article main_place)
            day DATE,                       -- coalesce(event_date, article published)
            outlet VARCHAR
        )""",
    # Derived at ingest from figures, never written directly: one row per claim and article
    # (a report of the claim), so claim counts read this instead of grouping every figure.
    # The `claims` view aggregates it per claim_key.
    "claim_reports": """
        CREATE TABLE IF NOT EXISTS claim_reports (
            claim_key VARCHAR NOT NULL,
            doc_id VARCHAR NOT NULL,
            kind VARCHAR,
            subject_side VARCHAR,
            claimant_side VARCHAR,
            qualifier VARCHAR,
            value DOUBLE,
            value_low DOUBLE,
            value_high DOUBLE,
            unit VARCHAR,
            city VARCHAR,                    -- first stated place in the article, else its main place
            period_start DATE,
            period_end DATE,
            period_text VARCHAR,
            claimant VARCHAR,
            outlet VARCHAR,
            day DATE,                        -- the newest date of its mentions in the article
            mentions INTEGER
        )""",
    # An analyst's correction of one figure or event (loaders/corrections.py). Ingests never
    # write here: a correction outlives re-ingest and re-extraction, and is matched again to
    # its row by the anchor (doc_id, words, sentence, span) when the row's id changes.
    "corrections": """
        CREATE TABLE IF NOT EXISTS corrections (
            correction_id VARCHAR PRIMARY KEY,
            item VARCHAR NOT NULL,             -- figure, event
            action VARCHAR NOT NULL,           -- correct, reject, confirm
            row_id VARCHAR NOT NULL,           -- figure_id / event_id when last matched
            doc_id VARCHAR NOT NULL,
            kind VARCHAR NOT NULL,             -- kind / event_type as extracted
            words VARCHAR NOT NULL,            -- number_text / trigger as written
            sentence VARCHAR NOT NULL,
            span_start INTEGER,
            span_end INTEGER,
            sentence_start INTEGER,
            fields VARCHAR[] NOT NULL,         -- which set_* columns apply
            set_kind VARCHAR,
            set_value DOUBLE,
            set_value_low DOUBLE,
            set_value_high DOUBLE,
            set_qualifier VARCHAR,
            set_unit VARCHAR,
            set_claimant VARCHAR,
            set_claimant_side VARCHAR,
            set_side VARCHAR,                  -- subject_side (figures) / actor_side (events)
            set_place VARCHAR,
            set_date DATE,
            original VARCHAR,                  -- JSON of the corrected fields as extracted
            note VARCHAR,
            author VARCHAR,
            created_at TIMESTAMP NOT NULL,
            updated_at TIMESTAMP NOT NULL
        )""",
    # The gazetteer (refreshed from data/reference on every ingest). `name` is the unique
    # key: the plain name for the most prominent place of that name, "Ivanivka (Kharkiv
    # Oblast)" for the others; figures.place and events.place hold plain names.
    "places": """
        CREATE TABLE IF NOT EXISTS places (
            name VARCHAR PRIMARY KEY,
            kind VARCHAR,          -- city, town, village, oblast, country, region
            oblast VARCHAR,
            lat DOUBLE,
            lon DOUBLE,
            population INTEGER,
            common_name VARCHAR,   -- the plain name ("Ivanivka") shared by same-name places
            raion VARCHAR,
            country VARCHAR,       -- ISO code: UA, RU, ...
            approximate BOOLEAN,   -- lat/lon are its hromada's or raion's centre, not its own
            coords VARCHAR         -- exact, curated, hromada, raion: where lat/lon come from
        )""",
    # Feed state (loaders/feeds.py): what each feed last said, and every entry it has listed,
    # so a feed run fetches only entries not seen before (and retries passing failures).
    "feeds": """
        CREATE TABLE IF NOT EXISTS feeds (
            feed VARCHAR PRIMARY KEY,      -- normalised feed URL, or the feed file's absolute path
            title VARCHAR,
            etag VARCHAR,                  -- for a conditional GET next time
            modified VARCHAR,
            checked_at TIMESTAMP NOT NULL,
            status VARCHAR NOT NULL        -- ok, not modified, or the failure
        )""",
    "feed_entries": """
        CREATE TABLE IF NOT EXISTS feed_entries (
            feed VARCHAR NOT NULL,
            entry_key VARCHAR NOT NULL,    -- the entry's id (guid), else its link
            link VARCHAR,
            title VARCHAR,
            published DATE,
            outcome VARCHAR NOT NULL,      -- loaded, unchanged, replaced, failed
            reason VARCHAR,
            retry BOOLEAN NOT NULL,        -- failed for a passing reason (timeout, 5xx): try again
            attempts INTEGER NOT NULL,
            first_seen TIMESTAMP NOT NULL,
            last_tried TIMESTAMP NOT NULL,
            PRIMARY KEY (feed, entry_key)
        )""",
}

# No secondary indexes: DuckDB scans columns fast, and ART indexes made bulk loads
# about three times slower (schema version 2 dropped them).
INDEXES: list[str] = []


def _rebuild(table: str) -> list[str]:
    """Recreate a table from its DDL above, keeping its rows (drops old constraints).
    A later layout change to that table needs its own step, not an edit here."""
    return [f"ALTER TABLE {table} RENAME TO {table}_old", TABLES[table],
            f"INSERT INTO {table} BY NAME SELECT * FROM {table}_old", f"DROP TABLE {table}_old"]


# version -> list of SQL statements that bring a database from version-1 to version
MIGRATIONS: dict[int, list[str]] = {
    2: ["DROP INDEX IF EXISTS figures_doc", "DROP INDEX IF EXISTS events_doc",
        *_rebuild("figures"), *_rebuild("events")],
    # figures.claim_key: old rows get a key from their own columns; re-ingesting an article
    # (any rule change re-extracts it) replaces it with the pipeline's key.
    3: ["ALTER TABLE figures ADD COLUMN IF NOT EXISTS claim_key VARCHAR",
        """UPDATE figures SET claim_key = substr(md5(concat_ws('|', kind, subject_side, claimant_side,
               value, value_low, value_high, place, period_start, period_end)), 1, 16)
           WHERE claim_key IS NULL"""],
    # how claimant, side and place were decided; the inferred date's precision
    4: ["ALTER TABLE articles ADD COLUMN IF NOT EXISTS published_precision VARCHAR",
        *[f"ALTER TABLE {t} ADD COLUMN IF NOT EXISTS {c} VARCHAR"
          for t in ("figures", "events") for c in ("claimant_how", "side_how", "place_how")]],
    # feed state: which entries of which feeds were fetched
    5: [TABLES["feeds"], TABLES["feed_entries"]],
    # the whole gazetteer: every settlement, with how exact its point is
    6: [f"ALTER TABLE places ADD COLUMN IF NOT EXISTS {c}" for c in (
        "common_name VARCHAR", "raion VARCHAR", "country VARCHAR", "approximate BOOLEAN", "coords VARCHAR")],
    # analysts' corrections, in a table of their own
    7: [TABLES["corrections"]],
    # raw-input digest (unchanged inputs skip extraction); city, day, outlet stored on figures and
    # events so queries need no join to articles
    8: ["ALTER TABLE articles ADD COLUMN IF NOT EXISTS source_hash VARCHAR",
        *[f"ALTER TABLE {t} ADD COLUMN IF NOT EXISTS {c} {ty}" for t in ("figures", "events")
          for c, ty in (("city", "VARCHAR"), ("day", "DATE"), ("outlet", "VARCHAR"))],
        """UPDATE figures f SET city = coalesce(f.place, a.main_place),
               day = coalesce(f.figure_date, a.published), outlet = a.outlet
           FROM articles a WHERE a.doc_id = f.doc_id""",
        """UPDATE events e SET city = coalesce(e.place, a.main_place),
               day = coalesce(e.event_date, a.published), outlet = a.outlet
           FROM articles a WHERE a.doc_id = e.doc_id"""],
}
