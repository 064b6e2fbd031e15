"""Hostile inputs, class by class (issue 14): each in a batch next to good articles that must
load, each reported per file (and line) with a reason, none stopping or hanging the batch.

Special files, capped reads, deep nesting, symlinked folders, manifest rows without their
article, strict dates, typed fields, re-loads without the manifest, number look-alikes,
hidden HTML, deep HTML, a full disk. Sentences are written for these tests.
"""
from __future__ import annotations

import datetime as dt
import errno
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from conftest import ROOT, query

NOW = dt.datetime(2026, 1, 2, 3, 4, 5)
GOOD = ("Russian forces shelled the town of Kupiansk on Tuesday, regional governor Oleh Syniehubov said.\n"
        "Two people were wounded and a school was damaged, he said on Telegram.\n"
        "Ukrainian forces repelled 47 Russian attacks near Bakhmut over the past day, the General Staff said.\n")
GOOD2 = ("Officials in Kharkiv said on Monday that 14 people were wounded when a missile hit a "
         "residential block in the Saltivka district.\n")


def record(doc_id: str, **fields) -> dict:
    return {"id": doc_id, "text": f"Officials said {len(doc_id) + 3} people were wounded in Sumy on Friday.",
            **fields}


def make(folder: Path, files: dict) -> Path:
    """Write `files` (name -> str, bytes, dict/list as JSON) plus good.txt and good2.txt."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "good2.txt").write_text(GOOD2, encoding="utf-8")
    for name, content in files.items():
        p = folder / name
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            p.write_bytes(content)
        elif isinstance(content, (dict, list)):
            p.write_text(json.dumps(content), encoding="utf-8")
        else:
            p.write_text(content, encoding="utf-8")
    return folder


def ingest(paths, db, **kw):
    from loaders.ingest import ingest as run
    kw.setdefault("progress", False)
    kw.setdefault("now", NOW)
    return run([Path(p) for p in (paths if isinstance(paths, list) else [paths])], db, **kw)


def ids(db) -> set[str]:
    return {r[0] for r in query(db, "SELECT doc_id FROM articles")}


def failures(report, name: str) -> list[str]:
    """The reported failures of the input `name`: a file or folder name (any line), or
    "name:line" for that line only."""
    hits = [f"{where}: {why}" for where, why in report.failed
            if (where.endswith("/" + name) if ":" in name else Path(where.split(":")[0]).name == name)]
    assert hits, f"nothing reported for {name}: {report.failed}"
    return hits


def assert_good_loaded(db, *more: str) -> None:
    assert {"good", "good2", *more} <= ids(db), ids(db)


def run_cli(args: list[str], timeout: float, max_rss: float = 1.5 * 2**30, env=None) -> tuple[int, str, float]:
    """`python -m loaders ...` in its own session, killed past `timeout` seconds or `max_rss`
    bytes over its process tree. (returncode, output, peak RSS in bytes)."""
    psutil = pytest.importorskip("psutil")
    proc = subprocess.Popen([sys.executable, "-m", "loaders", *args], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, start_new_session=True,
                            env={**os.environ, **(env or {})})
    peak, t0 = 0, time.monotonic()
    ps = psutil.Process(proc.pid)
    try:
        while proc.poll() is None:
            try:
                peak = max(peak, ps.memory_info().rss + sum(c.memory_info().rss for c in ps.children(recursive=True)))
            except psutil.Error:
                pass
            assert peak < max_rss, f"uses {peak / 2**20:.0f} MB"
            assert time.monotonic() - t0 < timeout, f"still running after {timeout:g}s: a hang"
            time.sleep(0.05)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, 9)
        out, _ = proc.communicate()
    return proc.returncode, out, peak


# --- special files ----------------------------------------------------------------------

class OpenWatch:
    """Every file opened in this process (an audit hook sees builtins.open and os.open)."""
    active: list | None = None
    installed = False

    def __enter__(self):
        if not OpenWatch.installed:
            sys.addaudithook(OpenWatch._hook)
            OpenWatch.installed = True
        OpenWatch.active = []
        return OpenWatch.active

    def __exit__(self, *exc):
        OpenWatch.active = None

    @staticmethod
    def _hook(event, args):
        if event == "open" and OpenWatch.active is not None and isinstance(args[0], (str, bytes, os.PathLike)):
            OpenWatch.active.append(os.fsdecode(args[0]))


@pytest.mark.timeout(120)
def test_special_files_are_reported_without_being_opened(tmp_path):
    folder = make(tmp_path / "in", {})
    os.mkfifo(folder / "pipe.txt")
    os.mkfifo(folder / "feed.jsonl")
    os.mkfifo(folder / "records.json")
    os.mkfifo(folder / "manifest.csv")            # an auto-read manifest that is a pipe
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "random.jsonl").symlink_to("/dev/urandom")
    (folder / "null.html").symlink_to("/dev/null")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "sock.md"))
    named_pipe = tmp_path / "alone.txt"          # a special file named on the command line
    os.mkfifo(named_pipe)
    specials = ["pipe.txt", "feed.jsonl", "records.json", "manifest.csv", "zero.txt", "random.jsonl",
                "null.html", "sock.md", "alone.txt"]
    try:
        with OpenWatch() as opened:
            report = ingest([folder, named_pipe], tmp_path / "x.duckdb")
    finally:
        sock.close()
    assert_good_loaded(tmp_path / "x.duckdb")
    for name in specials:
        (msg,) = failures(report, name)
        assert "not a regular file" in msg, msg
    assert "named pipe" in failures(report, "pipe.txt")[0]
    assert "symlink to /dev/zero" in failures(report, "zero.txt")[0]
    assert "socket" in failures(report, "sock.md")[0]
    touched = [p for p in opened if Path(p).name in specials or p.startswith("/dev/")]
    assert touched == [], f"special files were opened: {touched}"


@pytest.mark.timeout(120)
def test_special_files_do_not_hang_the_cli(tmp_path):
    folder = make(tmp_path / "in", {})
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.jsonl").symlink_to("/dev/zero")
    code, out, peak = run_cli(["ingest", str(folder), "--db", str(tmp_path / "x.duckdb"), "--no-progress",
                               "--workers", "2"], timeout=90, max_rss=800 * 2**20)
    assert code == 0, out
    assert "pipe.txt: a named pipe (FIFO), not a regular file" in out
    assert "zero.jsonl: a character device, not a regular file (symlink to /dev/zero)" in out
    assert_good_loaded(tmp_path / "x.duckdb")


@pytest.mark.timeout(120)
def test_a_pipe_named_as_a_url_list_or_watched_manifest_is_refused(tmp_path):
    """Inputs beside the article files: `--urls FILE` and the watcher's manifests."""
    folder = make(tmp_path / "in", {})
    os.mkfifo(tmp_path / "urls.txt")
    code, out, _ = run_cli(["ingest", str(folder), "--urls", str(tmp_path / "urls.txt"), "--offline",
                            "--db", str(tmp_path / "x.duckdb"), "--no-progress", "--workers", "1"], timeout=90)
    assert code == 0, out
    assert "urls.txt: a named pipe (FIFO), not a regular file" in out
    assert_good_loaded(tmp_path / "x.duckdb")
    from loaders import watch
    os.mkfifo(folder / "manifest.csv")
    (tmp_path / "m.jsonl").write_text(json.dumps({"id": "good", "source": "Wire A"}) + "\n{broken\n"
                                      + "[" * 100_000 + "\n" + json.dumps({"id": "good2", "source": "Wire B"}) + "\n")
    merged = watch._merged_manifest([folder / "manifest.csv", tmp_path / "m.jsonl"], tmp_path / "merged.jsonl")
    rows = [json.loads(line) for line in merged.read_text().splitlines()]
    assert rows == [{"id": "good", "source": "Wire A"}, {"id": "good2", "source": "Wire B"}]


# --- sizes: checked before reading, reads capped --------------------------------------------

@pytest.mark.timeout(300)
def test_huge_json_and_jsonl_are_refused_without_being_read_whole(tmp_path):
    """150 MB in one .json record, in one record of a list (records around it load), and a
    40 MB JSONL line without a newline: each reported, the process tree staying small."""
    body = "Two people were wounded in Kupiansk on Monday, the governor said. " * (150 * 2**20 // 66 + 2)
    folder = make(tmp_path / "in", {})
    with open(folder / "huge.json", "w") as f:
        json.dump({"id": "huge", "text": body}, f)
    with open(folder / "list.json", "w") as f:
        f.write("[" + json.dumps(record("before")) + ",\n" + json.dumps({"id": "huge2", "text": body})
                + ",\n" + json.dumps(record("after")) + "]")
    with open(folder / "line.jsonl", "w") as f:
        f.write(json.dumps(record("line1")) + "\n" + json.dumps({"id": "big", "text": body[:40 * 2**20]})[:-2])
    assert (folder / "huge.json").stat().st_size > 150 * 2**20
    db = tmp_path / "x.duckdb"
    code, out, peak = run_cli(["ingest", str(folder), "--db", str(db), "--no-progress", "--workers", "1"],
                              timeout=240, max_rss=600 * 2**20)
    assert code == 0, out
    assert_good_loaded(db, "before", "after", "line1")
    assert "huge.json: JSON record too large (150.0 MB > 10 MB limit)" in out
    assert "list.json:2: record 2: record too large (150.0 MB > 10 MB limit)" in out
    assert "line.jsonl:2: line too large (40.0 MB > 10 MB limit)" in out
    assert peak < 600 * 2**20


def test_a_json_list_is_read_record_by_record(tmp_path):
    """Records of a .json list load one by one: a bad one is reported with its number and line,
    and the list's own breakage (not closed) is reported after the records before it load."""
    text = ("[\n" + json.dumps(record("r1")) + ",\n" + '{"id": "r2", "text": }' + ",\n"
            + json.dumps(record("r3")) + ",\n" + json.dumps(record("r4")))   # never closed
    report = ingest(make(tmp_path / "in", {"list.json": text}), tmp_path / "x.duckdb")
    assert_good_loaded(tmp_path / "x.duckdb", "r1", "r3")
    msgs = failures(report, "list.json")
    assert any(m.startswith(str(tmp_path / "in" / "list.json") + ":3: record 2: invalid JSON") for m in msgs), msgs
    assert any("the list is not closed" in m for m in msgs), msgs
    assert "r4" not in ids(tmp_path / "x.duckdb")   # a record the file broke off is not guessed at


# --- deep nesting ----------------------------------------------------------------------------

def test_deep_json_nesting_is_reported_per_file_and_line(tmp_path):
    deep_list = "[" * 100_000 + "]" * 100_000
    deep_obj = '{"a":' * 50_000 + "1" + "}" * 50_000
    files = {
        "deep.json": deep_list,
        "deep-record.json": '{"id": "dr", "text": "x", "extra": ' + deep_list + "}",
        "list.json": "[" + json.dumps(record("list-ok")) + ",\n" + deep_obj + "]",
        "feed.jsonl": json.dumps(record("line-1")) + "\n" + deep_obj + "\n" + json.dumps(record("line-3")) + "\n",
        "manifest.jsonl": json.dumps({"id": "good2", "source": "Manifest Wire", "published": "2024-03-05"}) + "\n"
                          + deep_list + "\n",
    }
    db = tmp_path / "x.duckdb"
    report = ingest(make(tmp_path / "in", files), db)
    assert_good_loaded(db, "list-ok", "line-1", "line-3")
    for name in ("deep.json", "deep-record.json", "list.json:2", "feed.jsonl:2", "manifest.jsonl:2"):
        msgs = failures(report, name)
        assert any("nested too deeply" in m for m in msgs), msgs
    # the manifest's good row still applies
    assert query(db, "SELECT outlet, published::VARCHAR FROM articles WHERE doc_id = 'good2'") == [
        ("Manifest Wire", "2024-03-05")]


# --- symlinked folders ---------------------------------------------------------------------------

def test_symlinked_folders_are_followed_once_and_loops_reported(tmp_path):
    folder = make(tmp_path / "in", {"real/a.txt": GOOD.replace("47", "48")})
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "b.txt").write_text(GOOD.replace("47", "49"), encoding="utf-8")
    (tmp_path / "elsewhere" / "manifest.csv").write_text("doc_id,source\nb,Linked Wire\n", encoding="utf-8")
    (folder / "linked").symlink_to(tmp_path / "elsewhere")      # outside the folder: followed
    (folder / "again").symlink_to("real")                        # a second way into real/
    (folder / "real" / "loop").symlink_to("..")                  # back to in/: a loop
    (folder / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    db = tmp_path / "x.duckdb"
    report = ingest(folder, db)
    assert_good_loaded(db, "a", "b")
    assert query(db, "SELECT outlet FROM articles WHERE doc_id = 'b'") == [("Linked Wire",)]
    assert "links to" in failures(report, "again")[0] and "already read" in failures(report, "again")[0]
    assert "symlink loop" in failures(report, "loop")[0]
    assert "broken symlink" in failures(report, "broken.txt")[0]
    assert len([w for w, _ in report.failed if "duplicate doc_id" in _]) == 0, report.failed


# --- manifests -------------------------------------------------------------------------------------

def test_manifest_rows_for_missing_files_are_reported(tmp_path):
    manifest = ("file,published,source\n"
                "good.txt,2024-03-05,Wire A\n"
                "gone.txt,2024-03-06,Wire B\n"       # line 3: no such file
                "good2,2024-03-07,Wire C\n"
                "typo-good,2024-03-08,Wire D\n")     # line 5: a misspelt id
    db = tmp_path / "x.duckdb"
    report = ingest(make(tmp_path / "in", {"manifest.csv": manifest}), db)
    assert_good_loaded(db)
    assert [m.split(": ", 1)[0].rsplit("/", 1)[1] for m in failures(report, "manifest.csv")] == [
        "manifest.csv:3", "manifest.csv:5"]
    assert "'gone.txt'" in failures(report, "manifest.csv:3")[0]
    assert query(db, "SELECT doc_id, outlet FROM articles ORDER BY 1") == [("good", "Wire A"), ("good2", "Wire C")]


def test_many_unmatched_manifest_rows_are_summed_up(tmp_path):
    from loaders import sources
    rows = "".join(f"ghost-{i},Wire\n" for i in range(sources.MAX_UNMATCHED + 5))
    report = ingest(make(tmp_path / "in", {"manifest.csv": "doc_id,source\ngood,Wire\n" + rows}),
                    tmp_path / "x.duckdb")
    msgs = failures(report, "manifest.csv")
    assert len(msgs) == sources.MAX_UNMATCHED + 1
    assert "5 more rows match no article" in msgs[-1]


# --- dates --------------------------------------------------------------------------------------------

BAD_DATES = ["10", "2024", "March", "2024-01-01garbage", "12/11/2024", "2099-01-01", "2024-02-30",
             "0999-01-01", "2024-1-5", "5 March 2024", "2026-01-04"]   # NOW is 2026-01-02


def test_manifest_dates_are_strict_iso_and_never_far_in_the_future(tmp_path):
    files = {f"d{i}.txt": GOOD.replace("47", str(50 + i)) for i in range(len(BAD_DATES) + 3)}
    rows = [f"d{i},{d}" for i, d in enumerate(BAD_DATES)]
    n = len(BAD_DATES)
    rows += [f"d{n},2024-03-05", f"d{n + 1},2024-03-05T10:30:00Z", f"d{n + 2},2026-01-03"]   # good; a day of slack
    db = tmp_path / "x.duckdb"
    report = ingest(make(tmp_path / "in", {**files, "manifest.csv": "doc_id,published\n" + "\n".join(rows) + "\n"}), db)
    assert_good_loaded(db, *(f"d{i}" for i in range(n + 3)))     # bad dates never stop an article
    for i, bad in enumerate(BAD_DATES):
        (msg,) = failures(report, f"manifest.csv:{i + 2}")
        assert f"unreadable published date {bad!r}" in msg, msg
    given = dict(query(db, "SELECT doc_id, published::VARCHAR FROM articles WHERE published_how = 'given'"))
    assert given == {f"d{n}": "2024-03-05", f"d{n + 1}": "2024-03-05", f"d{n + 2}": "2026-01-03"}
    assert query(db, "SELECT max(published) FROM articles")[0][0] <= dt.date(2026, 1, 3)


def test_record_dates_are_strict_too(tmp_path):
    lines = [json.dumps(record(f"r{i}", published=d)) for i, d in enumerate(["March", "2024-03-05", "12/11/2024"])]
    report = ingest(make(tmp_path / "in", {"feed.jsonl": "\n".join(lines) + "\n"}), tmp_path / "x.duckdb")
    assert_good_loaded(tmp_path / "x.duckdb", "r1")
    assert "r0" not in ids(tmp_path / "x.duckdb") and "r2" not in ids(tmp_path / "x.duckdb")
    assert "not a YYYY-MM-DD date" in failures(report, "feed.jsonl:1")[0]
    assert "not a YYYY-MM-DD date" in failures(report, "feed.jsonl:3")[0]


# --- typed fields ----------------------------------------------------------------------------------------

def test_record_fields_of_the_wrong_type_fail_that_record_not_the_batch(tmp_path):
    bad = [record("x", id={"nested": "object"}), record("t", title=["a", "list"]), record("s", source=7),
           record("u", url=True), record("p", published=20240305), record("n", title={"a": 1})]
    good = [record("ok-1", title="A real title", source="Wire"), {**record("ok-2"), "id": 42}]
    lines = [json.dumps(r) for r in good[:1] + bad + good[1:]]
    db = tmp_path / "x.duckdb"
    report = ingest(make(tmp_path / "in", {"feed.jsonl": "\n".join(lines) + "\n",
                                           "one.json": record("j", title=[1, 2])}), db)
    assert_good_loaded(db, "ok-1", "42")
    for line, kind in ((2, "an object"), (3, "a list"), (4, "a number"), (5, "true/false"), (6, "a number"),
                       (7, "an object")):
        (msg,) = failures(report, f"feed.jsonl:{line}")
        assert f"is {kind}, not a string" in msg, msg
    assert "\"title\" is a list, not a string" in failures(report, "one.json")[0]
    stored = query(db, "SELECT doc_id, title, outlet, url FROM articles")
    assert not any(isinstance(v, str) and v.startswith(("[", "{", "True")) for row in stored for v in row), stored


def test_manifest_fields_of_the_wrong_type_are_reported_and_the_rest_applies(tmp_path):
    rows = [{"id": "good", "title": ["not", "a", "title"], "source": "Wire A", "published": "2024-03-05"},
            {"id": {"x": 1}, "source": "Wire B"}]
    db = tmp_path / "x.duckdb"
    report = ingest(make(tmp_path / "in", {"manifest.jsonl": "\n".join(map(json.dumps, rows)) + "\n"}), db)
    assert_good_loaded(db)
    assert "\"title\" is a list, not a string" in failures(report, "manifest.jsonl:1")[0]
    assert "\"id\" is an object, not a string" in failures(report, "manifest.jsonl:2")[0]
    assert query(db, "SELECT outlet, published::VARCHAR FROM articles WHERE doc_id = 'good'") == [
        ("Wire A", "2024-03-05")]


# --- re-loading without the manifest -------------------------------------------------------------------------

def test_reloading_a_file_without_its_manifest_keeps_its_metadata(tmp_path):
    folder = make(tmp_path / "in", {"manifest.csv": "doc_id,published,source,url\n"
                                                    "good,2024-03-05,Wire A,https://example.org/good\n"})
    db = tmp_path / "x.duckdb"
    first = ingest(folder, db)
    assert first.loaded == 2
    before = query(db, "SELECT published, published_how, outlet, url, content_hash FROM articles WHERE doc_id = 'good'")
    lone = tmp_path / "lone" / "good.txt"                        # the same file, no manifest beside it
    lone.parent.mkdir()
    shutil.copy(folder / "good.txt", lone)
    again = ingest(lone, db)
    assert (again.unchanged, again.replaced, again.failed) == (1, 0, [])
    assert query(db, "SELECT published, published_how, outlet, url, content_hash FROM articles "
                     "WHERE doc_id = 'good'") == before
    # a changed text is replaced, and still keeps the metadata it is not given
    lone.write_text(GOOD.replace("47", "52"), encoding="utf-8")
    changed = ingest(lone, db)
    assert changed.replaced == 1
    assert query(db, "SELECT published::VARCHAR, published_how, outlet, url FROM articles WHERE doc_id = 'good'") == [
        ("2024-03-05", "given", "Wire A", "https://example.org/good")]
    # metadata that is given wins
    (lone.parent / "manifest.csv").write_text("doc_id,source\ngood,Wire B\n", encoding="utf-8")
    ingest(lone.parent, db)
    assert query(db, "SELECT outlet, published::VARCHAR FROM articles WHERE doc_id = 'good'") == [("Wire B", "2024-03-05")]


# --- numbers -------------------------------------------------------------------------------------------------

NUMBER_TRAPS = [
    ("10^100 soldiers were killed near Bakhmut, the blogger wrote.", None),
    ("Some 10 ^ 6 soldiers were killed near Bakhmut, the blogger wrote.", None),
    ("1e5 soldiers were killed near Bakhmut, the blogger wrote.", None),
    ("2E+6 soldiers were killed near Bakhmut, the blogger wrote.", None),
    ("-5 soldiers were killed near Bakhmut, the blogger wrote.", None),
    ("\u22127 soldiers were killed near Bakhmut, the blogger wrote.", None),
    ("+9 soldiers were killed near Bakhmut, the blogger wrote.", None),
    ("1,00,000 soldiers were killed near Bakhmut, the blogger wrote.", None),
    ("1,0000 soldiers were killed near Bakhmut, the blogger wrote.", None),
    ("1'000 soldiers were killed near Bakhmut, the blogger wrote.", None),
    ("000 soldiers were killed near Bakhmut, the blogger wrote.", None),
    ("1\u2009200 soldiers were killed near Bakhmut, the officials said.", 1200),
    ("1 300 soldiers were killed near Bakhmut, the officials said.", 1300),
    ("1,400 soldiers were killed near Bakhmut, the officials said.", 1400),
]


@pytest.mark.parametrize("sentence,value", NUMBER_TRAPS, ids=[s[:14] for s, _ in NUMBER_TRAPS])
def test_number_look_alikes_are_read_right_or_not_read(sentence, value):
    from loaders.numbers import find_numbers
    got = [q.value for q in find_numbers(sentence) if q.trap is None]
    assert got == ([] if value is None else [value]), [(q.text, q.value) for q in find_numbers(sentence)]


def test_number_look_alikes_yield_no_figures_through_the_ingest(tmp_path):
    text = "\n".join(s for s, _ in NUMBER_TRAPS) + "\n"
    db = tmp_path / "x.duckdb"
    ingest(make(tmp_path / "in", {"traps.txt": text}), db)
    assert_good_loaded(db, "traps")
    values = sorted(v for (v,) in query(db, "SELECT value FROM figures WHERE doc_id = 'traps' AND kind = 'killed'"))
    assert values == [1200, 1300, 1400], values


# --- HTML ----------------------------------------------------------------------------------------------------

PARAS = ("<p>Ukrainian forces repelled 47 Russian attacks near Bakhmut over the past day, the General Staff "
         "said in its morning report.</p><p>Two people were wounded in Kupiansk when shells hit a school, the "
         "regional governor said on Telegram.</p>")


def test_noscript_and_template_text_is_not_article_text(tmp_path):
    page = ("<html><head><title>Attacks near Bakhmut</title></head><body>"
            "<noscript><p>Enable JavaScript to see that 77 attacks were repelled near Avdiivka today.</p></noscript>"
            f"<article><h1>Attacks near Bakhmut</h1>{PARAS}"
            "<template><p>Template text: 88 soldiers were killed near Avdiivka, officials said.</p>"
            "<template><p>Nested: 99 people were wounded.</p></template></template>"
            "<NOSCRIPT>Upper case: 66 drones were shot down over Kyiv overnight.</NOSCRIPT></article>"
            "<noscript>Never closed: 55 civilians were evacuated from Kupiansk on Monday.</body></html>")
    only_hidden = "<html><body><noscript><p>Only 44 attacks in a noscript block today.</p></noscript></body></html>"
    db = tmp_path / "x.duckdb"
    report = ingest(make(tmp_path / "in", {"page.html": page, "hidden.html": only_hidden,
                                           "rec.jsonl": json.dumps({"id": "rec", "html": page}) + "\n"}), db)
    assert_good_loaded(db, "page", "rec")
    assert "no article text" in failures(report, "hidden.html")[0]
    for doc in ("page", "rec"):
        (text,) = query(db, "SELECT text FROM articles WHERE doc_id = ?", [doc])[0]
        assert "repelled 47 Russian attacks" in text
        for hidden in ("77", "88", "99", "66", "55", "Enable JavaScript", "Template text"):
            assert hidden not in text, (doc, hidden, text)
    values = {v for (v,) in query(db, "SELECT value FROM figures WHERE doc_id IN ('page', 'rec')")}
    assert 47 in values and not values & {77, 88, 99, 66, 55}, values


@pytest.mark.parametrize("depth", [300, 5000])
def test_a_page_nested_thousands_of_divs_deep_yields_its_text(tmp_path, depth):
    deep = ("<html><head><title>Deep</title></head><body><nav><a href='/'>Home</a></nav>"
            + "<div class='wrap'>" * depth + f"<article>{PARAS}</article>" + "</div>" * depth
            + "<footer>Contact us</footer></body></html>")
    db = tmp_path / "x.duckdb"
    report = ingest(make(tmp_path / "in", {"deep.html": deep}), db)
    assert report.failed == []
    assert_good_loaded(db, "deep")
    (text,) = query(db, "SELECT text FROM articles WHERE doc_id = 'deep'")[0]
    assert "repelled 47 Russian attacks near Bakhmut" in text and "Two people were wounded in Kupiansk" in text
    assert "\n" in text   # paragraphs stay paragraphs


def test_html_preparation_survives_tag_soup():
    """Malformed tags (no ">", stray end tags, unclosed comments and hidden blocks) are
    tokenised in one pass without a parser's depth limit."""
    from loaders import htmlprep
    assert htmlprep.prepare("<p>plain</p>") == "<p>plain</p>"
    assert htmlprep.prepare("<noscript>" * 20_000 + "77 attacks").strip() == ""
    assert htmlprep.prepare("x<!--" * 1000).startswith("x<!--")
    for soup in ("<div>" * 5000 + "</span>" * 50_000 + "text", "</span>" * 50_000 + "<div>" * 5000 + "text"):
        out = htmlprep.prepare(soup)
        assert out.count("<div>") == htmlprep.MAX_DEPTH and out.endswith("text"), out.count("<div>")
    out = htmlprep.prepare("<a " * 50_000 + "<div>" * 5000 + "text")   # unclosed tags nest too
    assert out.count("<a ") + out.count("<div>") == htmlprep.MAX_DEPTH and out.endswith("text")


# --- a full disk ----------------------------------------------------------------------------------------------

def _no_leftovers(db: Path) -> None:
    """No staging file of the failed writer is left to fill the disk further."""
    assert not [p for p in db.parent.glob(db.name + ".tmp-*") if p.is_file()], list(db.parent.iterdir())


def _enospc(*a, **k):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _duckdb_enospc(*a, **k):
    raise duckdb.IOException('IO Error: Could not write file "x.duckdb.tmp-1": No space left on device')


def test_disk_full_while_opening_the_database(tmp_path, monkeypatch):
    from loaders import store
    from loaders.errors import StoreWriteError
    db = tmp_path / "x.duckdb"
    folder = make(tmp_path / "in", {})
    ingest(folder, db)
    before = (store.db_version(db), ids(db))
    (folder / "new.txt").write_text(GOOD.replace("47", "61"), encoding="utf-8")
    monkeypatch.setattr(store, "_prepare", _enospc)
    with pytest.raises(StoreWriteError) as e:
        ingest(folder, db)
    assert str(e.value).startswith(f"could not write {db}: No space left on device (while opening the database); "
                                   "the database is as it was")
    assert "NOT SAVED (No space left on device while opening the database" in e.value.report.summary()
    assert (store.db_version(db), ids(db)) == before
    _no_leftovers(db)
    monkeypatch.undo()
    assert ingest(folder, db).loaded == 1        # space freed: the same batch loads
    assert_good_loaded(db, "new")


def test_disk_full_while_writing_articles_is_one_error_not_one_per_article(tmp_path, monkeypatch):
    from loaders import store
    from loaders.errors import StoreWriteError
    db = tmp_path / "x.duckdb"
    folder = make(tmp_path / "in", {f"a{i}.txt": GOOD.replace("47", str(70 + i)) for i in range(5)})
    calls = []

    def full(con, batch):
        calls.append(len(batch.doc_ids))
        _duckdb_enospc()
    monkeypatch.setattr(store, "_insert_batch", full)
    with pytest.raises(StoreWriteError) as e:
        ingest(folder, db)
    assert calls == [7], "the batch must not be retried article by article on a full disk"
    assert str(e.value).startswith(f"could not write {db}: No space left on device (while writing articles); "
                                   "the database is as it was")
    assert "cannot rollback" not in str(e.value)
    assert not db.exists()
    _no_leftovers(db)
    monkeypatch.undo()
    assert ingest(folder, db).loaded == 7


def test_disk_full_while_saving(tmp_path, monkeypatch):
    from loaders import store
    from loaders.errors import StoreWriteError
    db = tmp_path / "x.duckdb"
    folder = make(tmp_path / "in", {})
    monkeypatch.setattr(store, "write_segment", _enospc)
    with pytest.raises(StoreWriteError, match=r"No space left on device \(while saving the database\); "
                                              r"the database is as it was"):
        ingest(folder, db)
    assert not db.exists()
    _no_leftovers(db)
    monkeypatch.undo()
    assert ingest(folder, db).loaded == 2


def test_disk_full_after_a_partial_save_says_what_was_kept(tmp_path, monkeypatch):
    """The store publishes every FLUSH_ARTICLES articles: a disk that fills after the first
    publication keeps it, and the message says so instead of claiming nothing changed."""
    from loaders import store
    from loaders.errors import StoreWriteError
    db = tmp_path / "x.duckdb"
    folder = make(tmp_path / "in", {f"a{i}.txt": GOOD.replace("47", str(80 + i)) for i in range(4)})
    monkeypatch.setattr(store, "FLUSH_ARTICLES", 2)
    monkeypatch.setattr("loaders.ingest.BATCH", 2)
    monkeypatch.setattr("loaders.ingest.CHUNKSIZE", 1)
    real, calls = store.write_segment, []

    def second_fails(*a, **k):
        calls.append(1)
        if len(calls) > 1:
            _enospc()
        return real(*a, **k)
    monkeypatch.setattr(store, "write_segment", second_fails)
    with pytest.raises(StoreWriteError) as e:
        ingest(folder, db, compact=False)
    assert "the database holds what was saved before the stop" in str(e.value)
    kept = ids(db)
    assert len(kept) == 2 and kept < {"good", "good2", "a0", "a1", "a2", "a3"}
    monkeypatch.undo()
    assert ingest(folder, db).loaded == 4 and len(ids(db)) == 6


def test_disk_full_through_the_cli_prints_the_summary_and_one_clear_line(tmp_path, monkeypatch):
    """The CLI's handling: the summary on stdout, then one `error:` line naming the real cause."""
    from loaders import __main__ as cli
    from loaders import store
    folder = make(tmp_path / "in", {})
    monkeypatch.setattr(store, "_insert_batch", _duckdb_enospc)
    import contextlib
    import io
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["ingest", str(folder), "--db", str(tmp_path / "x.duckdb"), "--no-progress",
                         "--workers", "1"])
    assert code == 2
    assert "NOT SAVED (No space left on device while writing articles; the database is as it was)" in out.getvalue()
    lines = err.getvalue().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: could not write") and "No space left on device" in lines[0]
    assert "Traceback" not in out.getvalue() + err.getvalue()


def _can_mount_tmpfs() -> bool:
    if not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=1m tmpfs /mnt"],
                           capture_output=True, timeout=20)
    return probe.returncode == 0


@pytest.mark.timeout(300)
def test_a_real_full_disk(tmp_path):
    """A real 'No space left on device' from the kernel: a 6 MB tmpfs in a private mount
    namespace (unprivileged, via a user namespace). First a batch too big for the disk,
    then an ingest whose copy of the existing database does not fit."""
    if not _can_mount_tmpfs():
        pytest.skip("cannot mount a tmpfs here (no user namespaces); the injected-error tests cover it")
    import random
    rnd = random.Random(5)
    noise = lambda: " ".join("".join(rnd.choices("abcdefghijklmnopqrstuvwxyz", k=7)) for _ in range(6000))  # noqa: E731
    big = make(tmp_path / "big", {f"a{i}.txt": GOOD.replace("47", str(100 + i)) + noise() for i in range(120)})
    small = make(tmp_path / "small", {})
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    py, db = sys.executable, mnt / "x.duckdb"
    script = f"""
set -u
mount -t tmpfs -o size=6m tmpfs {mnt}
cd {ROOT}
echo "== big"; {py} -m loaders ingest {big} --db {db} --no-progress --workers 1; echo "rc=$?"
echo "== small"; {py} -m loaders ingest {small} --db {db} --no-progress --workers 1; echo "rc=$?"
ls {mnt} > {tmp_path}/listing-1
head -c $(( $(stat -c %s {db}) )) /dev/zero > {mnt}/filler 2>/dev/null
echo "== again"; {py} -m loaders ingest {big} --db {db} --no-progress --workers 1; echo "rc=$?"
ls {mnt} > {tmp_path}/listing-2
{py} -m loaders stats --db {db}
"""
    res = subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True, timeout=280)
    out = res.stdout + res.stderr
    assert "== again" in out, out
    big_part, rest = out.split("== small")
    small_part, again = rest.split("== again")
    assert "rc=2" in big_part and "No space left on device" in big_part, out
    assert "NOT SAVED (No space left on device while" in big_part, out
    assert "Traceback" not in out and "cannot rollback" not in out, out
    assert "rc=0" in small_part and "loaded 2" in small_part, out    # the disk is usable again
    assert "rc=2" in again and "No space left on device" in again, out
    assert "articles         2" in again, out                        # the live database held
    for listing in ("listing-1", "listing-2"):
        assert not [n for n in (tmp_path / listing).read_text().split() if ".tmp-" in n], out
