"""Dashboard loads: uploads (size limit, safe names, a temp dir under the data folder), pasted
URLs and feeds, run by the CLI in a subprocess.

The subprocess is `python -m loaders ingest ... --json`: the same code, limits and report
as a terminal load, and its CPU limit per article (`--timeout`) works there (signals only
work in a main thread, and Streamlit runs pages in other threads). A pathological upload
is stopped and reported instead of holding the writer lock; the dashboard process never
parses article text itself. The subprocess prints one JSON line per item as it finishes,
which the Load page reads for its progress bar and its per-item report.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

ALLOWED = ("txt", "html", "htm", "json", "jsonl")
MAX_BYTES = 20 * 1024 * 1024   # per file; .streamlit/config.toml caps a request at 50 MB
MAX_URLS = 1000                # pasted addresses per load
ROOT = Path(__file__).resolve().parent.parent


def safe_name(name: str, taken: set[str] | None = None) -> str:
    """A plain file name: no directories, no leading dots, only [A-Za-z0-9._-], known suffix."""
    base = re.split(r"[\\/]", name or "")[-1]
    stem, _, ext = base.rpartition(".")
    if not stem:
        stem, ext = ext, ""
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", stem).strip("._-")[:80] or "upload"
    ext = ext.lower()
    if ext not in ALLOWED:
        raise ValueError(f"{name!r}: only {', '.join(ALLOWED)} files can be loaded")
    out = f"{stem}.{ext}"
    n = 1
    while taken is not None and out in taken:
        n += 1
        out = f"{stem}_{n}.{ext}"
    if taken is not None:
        taken.add(out)
    return out


def save(files: list[tuple[str, bytes]], data_dir: Path) -> tuple[Path, list[Path], list[tuple[str, str]]]:
    """Write (name, bytes) uploads to a new temp dir under data_dir/uploads.
    Returns the dir, the saved paths and (name, reason) for rejected files."""
    root = Path(data_dir) / "uploads"
    root.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="upload-", dir=root))
    saved, rejected, taken = [], [], set()
    for name, data in files:
        if len(data) > MAX_BYTES:
            rejected.append((name, f"larger than {MAX_BYTES // 2**20} MB"))
            continue
        try:
            target = folder / safe_name(name, taken)
        except ValueError as e:
            rejected.append((name, str(e)))
            continue
        target.write_bytes(data)
        saved.append(target)
    return folder, saved, rejected


def parse_urls(text: str) -> tuple[list[str], list[tuple[str, str]]]:
    """Pasted addresses (one a line, or separated by spaces or commas, as copied from a
    spreadsheet) -> (http(s) URLs in order without repeats, (item, reason) for the rest)."""
    urls, rejected = [], []
    for item in re.split(r"[\s,;]+", text or ""):
        item = item.strip().strip("<>\"'")
        if not item:
            continue
        if not re.match(r"(?i)https?://[^\s/]+", item):
            rejected.append((item, "not a web address (http:// or https://)"))
        elif item not in urls:
            urls.append(item)
    if len(urls) > MAX_URLS:
        rejected += [(u, f"more than {MAX_URLS} addresses in one load") for u in urls[MAX_URLS:]]
        urls = urls[:MAX_URLS]
    return urls, rejected


def offline() -> bool:
    """FRONTLINE_OFFLINE set: the Load page offers no URL or feed input, the CLI fetches nothing."""
    return bool(os.environ.get("FRONTLINE_OFFLINE"))


def _timeout() -> float:
    from loaders.ingest import TIMEOUT
    return float(os.environ.get("FRONTLINE_LOAD_TIMEOUT") or TIMEOUT)


def _public_only() -> bool:
    """A browser user must not make the server fetch its own or its network's addresses,
    unless whoever runs it says so (FRONTLINE_FETCH_PRIVATE=1, e.g. an intranet news site)."""
    return os.environ.get("FRONTLINE_FETCH_PRIVATE", "").lower() not in ("1", "true", "yes")


@dataclass
class Job:
    """One load running in a subprocess; `poll()` reads what it reported so far."""
    proc: subprocess.Popen
    folder: Path
    inputs: list[tuple[str, str]]          # (what the report calls it, the `where` it reports)
    events: list[dict] = field(default_factory=list)
    _offset: int = 0

    @property
    def done(self) -> bool:
        return self.proc.poll() is not None

    def poll(self) -> list[dict]:
        """New complete JSON lines since the last call."""
        with (self.folder / "events.jsonl").open("rb") as fh:
            fh.seek(self._offset)
            data = fh.read()
        end = data.rfind(b"\n") + 1
        self._offset += end
        new = [json.loads(line) for line in data[:end].splitlines() if line.strip()]
        self.events += new
        return new

    def items(self) -> list[dict]:
        return [e for e in self.events if e.get("event") == "item"]

    def progress(self) -> tuple[int, int]:
        """(inputs with a result, inputs known): feed entries count once they report."""
        names = {self._name(e["where"]) for e in self.items()}
        known = {name for name, _ in self.inputs} | names
        return len(names), len(known)

    def _name(self, where: str | None) -> str:
        where = str(where)
        for name, key in self.inputs:
            if where == key or where.startswith(key + ":"):
                return name
        return where     # a feed's entry: its own row

    def wait(self, timeout: float | None = None) -> None:
        self.proc.wait(timeout)
        self.poll()

    def result(self):
        """(IngestReport, one row per input: input, result, details). Raises RuntimeError
        with the loader's own words when it could not run (e.g. the writer lock is busy)."""
        from loaders.ingest import IngestReport
        self.wait()
        summary = next((e for e in reversed(self.events) if e.get("event") == "summary"), None)
        if summary is None:
            err = (self.folder / "stderr.txt").read_text(errors="replace").strip().splitlines()
            raise RuntimeError(next((line[7:] for line in reversed(err) if line.startswith("error: ")),
                                    err[-1] if err else f"the loader stopped (exit {self.proc.returncode})"))
        report = IngestReport(loaded=summary["loaded"], unchanged=summary["unchanged"],
                              replaced=summary["replaced"], failed=[tuple(f) for f in summary["failed"]],
                              db=summary["db"])
        outcomes: dict[str, list[tuple[str, str | None]]] = {name: [] for name, _ in self.inputs}
        for e in self.items():
            outcomes.setdefault(self._name(e["where"]), []).append((e["outcome"], e.get("reason")))
        notes = {n.split(": ", 1)[0][5:]: n.split(": ", 1)[1] for n in summary.get("notes", []) if ": " in n}
        rows = []
        for name, got in outcomes.items():
            counts = {o: sum(1 for x, _ in got if x == o) for o in dict.fromkeys(x for x, _ in got)}
            result = (next(iter(counts)) if len(counts) == 1 and sum(counts.values()) == 1 else
                      ", ".join(f"{n} {o}" for o, n in counts.items()))
            details = "; ".join(r for o, r in got if o == "failed" and r)
            if name in notes:     # a feed: what it listed (its entries have rows of their own)
                result, details = result or "read", "; ".join(filter(None, [notes[name], details]))
            rows.append({"input": name, "result": result or "nothing found", "details": details})
        return report, pd.DataFrame(rows, columns=["input", "result", "details"])


def start(db, paths: list[Path] = (), urls: list[str] = (), feeds: list[str] = (),
          timeout: float | None = None) -> Job:
    """Start `python -m loaders ingest` on uploaded files, URLs and feeds in a subprocess."""
    db = Path(db).resolve()
    db.parent.mkdir(parents=True, exist_ok=True)
    runs = db.parent / "uploads"
    runs.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="load-", dir=runs))
    cmd = [sys.executable, "-m", "loaders", "ingest", *[str(Path(p).resolve()) for p in paths],
           "--db", str(db), "--workers", "1", "--timeout", f"{timeout or _timeout():g}", "--json",
           "--no-progress"]
    if urls:
        (folder / "urls.txt").write_text("\n".join(urls) + "\n", encoding="utf-8")
        cmd += ["--urls", str(folder / "urls.txt")]
    for f in feeds:
        cmd += ["--feed", f]
    if _public_only():
        cmd.append("--public-only")
    if offline():
        cmd.append("--offline")
    inputs = [(Path(p).name, str(Path(p).resolve())) for p in paths] + [(u, u) for u in urls] + \
        [(f, f) for f in feeds]
    (folder / "events.jsonl").touch()
    with (folder / "events.jsonl").open("ab") as out, (folder / "stderr.txt").open("ab") as err:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                start_new_session=True)   # a dashboard restart does not kill a load
    return Job(proc=proc, folder=folder, inputs=inputs)


def load(paths: list[Path], db, urls: list[str] = (), feeds: list[str] = (), timeout: float | None = None):
    """Start a load and wait for it: (report, rows) as `Job.result`."""
    return start(db, paths, urls, feeds, timeout).result()
