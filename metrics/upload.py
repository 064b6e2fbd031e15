"""Browser uploads: size limit, safe names, a temp dir under the data folder, the normal ingest."""
from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pandas as pd

ALLOWED = ("txt", "html", "htm", "json", "jsonl")
MAX_BYTES = 20 * 1024 * 1024   # per file; .streamlit/config.toml caps a request at 50 MB


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


def load(paths: list[Path], db) -> tuple[object, pd.DataFrame]:
    """Run the same library call as the CLI; return the report and one row per input."""
    from loaders.ingest import ingest
    report = ingest(paths, db)
    failed = {}
    for where, reason in getattr(report, "failed", []) or []:
        failed.setdefault(Path(str(where)).name.split(":")[0], []).append(f"{where}: {reason}")
    rows = [{"file": p.name, "result": "failed" if p.name in failed else "ok",
             "details": "; ".join(failed.get(p.name, []))} for p in paths]
    return report, pd.DataFrame(rows)
