"""Finding and opening input files without trusting them.

- `walk(folder)` lists the files under a folder in sorted order. Symlinked folders are
  followed, once: a link back to a folder already being read (a loop) or already read
  is reported, as are broken links and folders that cannot be listed.
- `read_capped(path, limit)` reads a regular file of at most `limit` bytes. The size is
  checked with stat before the file is opened; named pipes, devices and sockets (or
  symlinks to them) are refused without being opened for reading, so a FIFO cannot hang
  a batch and /dev/zero cannot fill memory. The read itself stops at `limit` + 1 bytes,
  so a file that grows while it is read is still refused.
- `open_regular(path)` is the same check for files read in a stream (JSONL).
"""
from __future__ import annotations

import os
import stat
from collections import deque
from pathlib import Path
from typing import BinaryIO, Iterator

from .errors import LoadError

_SPECIAL = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
            (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))
_FIX = "only regular files are read; copy the article into a file"


def _what(mode: int) -> str:
    return next((name for test, name in _SPECIAL if test(mode)), "not a regular file")


def check_regular(path: Path) -> os.stat_result:
    """stat() of a regular file (symlinks followed), else a LoadError saying what it is."""
    path = Path(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if path.is_symlink():
            raise LoadError(path, f"broken symlink (points to {os.readlink(path)})",
                            fix="fix or remove the link") from None
        raise LoadError(path, "no such file", fix="check the path") from None
    except OSError as e:
        raise LoadError(path, f"cannot read file ({e.strerror})", fix="check permissions") from None
    if not stat.S_ISREG(st.st_mode):
        via = f" (symlink to {os.path.realpath(path)})" if path.is_symlink() else ""
        raise LoadError(path, f"{_what(st.st_mode)}, not a regular file{via}", fix=_FIX)
    return st


def too_big(path, size: int, limit: int, line: int | None = None, what: str = "file",
            fix: str = "split it, or keep only the article text") -> LoadError:
    return LoadError(path, f"{what} too large ({size / 2**20:.1f} MB > {limit / 2**20:g} MB limit)",
                     line=line, fix=fix)


def open_regular(path: Path) -> BinaryIO:
    """A binary file object for a regular file. O_NONBLOCK: if the path was swapped for a
    FIFO after the stat, opening it does not wait for a writer (and fstat refuses it)."""
    check_regular(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as e:
        raise LoadError(path, f"cannot read file ({e.strerror})", fix="check permissions") from None
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        raise LoadError(path, f"{_what(st.st_mode)}, not a regular file", fix=_FIX)
    os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def read_capped(path: Path, limit: int, what: str = "file",
                fix: str = "split it, or keep only the article text") -> bytes:
    st = check_regular(path)
    if st.st_size > limit:
        raise too_big(path, st.st_size, limit, what=what, fix=fix)
    with open_regular(path) as fh:
        try:
            data = fh.read(limit + 1)
        except OSError as e:
            raise LoadError(path, f"cannot read file ({e.strerror})", fix="check the disk") from None
    if len(data) > limit:
        raise too_big(path, len(data), limit, what=what, fix=fix)
    return data


def read_line(fh: BinaryIO, limit: int) -> tuple[bytes | None, int]:
    """The next line (up to b"\\n") if it is at most `limit` bytes, else (None, its length),
    skipping the rest of it in bounded pieces. (b"", 0) at the end of the file."""
    line = fh.readline(limit + 1)
    if len(line) <= limit or line.endswith(b"\n"):
        return line, len(line)
    size = len(line)
    while True:
        piece = fh.readline(2**20)
        size += len(piece)
        if not piece or piece.endswith(b"\n"):
            return None, size


# --- walking ----------------------------------------------------------------------------

def walk(folder: Path) -> Iterator[Path | LoadError]:
    """Files under `folder` (hidden names skipped), depth first in sorted order: a folder's
    files before its subfolders. Symlinked folders are walked after the real tree, so a
    folder reached both ways is read at its real place and the link is what is reported.
    Errors are yielded in place, so one bad entry never stops the walk; an explicit stack,
    so a deep tree does not hit the recursion limit."""
    folder = Path(folder)
    seen: dict[tuple[int, int], Path] = {}
    try:
        st = os.stat(folder)
    except OSError as e:
        yield LoadError(folder, f"cannot read folder ({e.strerror})", fix="check permissions")
        return
    seen[(st.st_dev, st.st_ino)] = folder
    stack, links = [folder], deque()
    while stack or links:
        if not stack:
            link = links.popleft()
            try:
                st = os.stat(link)
            except OSError as e:
                yield LoadError(link, f"cannot read folder ({e.strerror})", fix="check permissions")
                continue
            first = seen.get((st.st_dev, st.st_ino))
            if first is None:
                seen[(st.st_dev, st.st_ino)] = link
                stack.append(link)
            elif _inside(link, first):
                yield LoadError(link, f"symlink loop: links back to {first}, a folder it is in",
                                fix="remove the link; those files are read once already")
            else:
                yield LoadError(link, f"links to {first}, already read; not read twice",
                                fix="remove the link if it is not wanted")
            continue
        d = stack.pop()
        try:
            with os.scandir(d) as it:
                entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
        except OSError as e:
            yield LoadError(d, f"cannot read folder ({e.strerror})", fix="check permissions")
            continue
        subdirs = []
        for entry in entries:
            try:
                is_dir = entry.is_dir()   # follows symlinks
            except OSError:
                is_dir = False
            if not is_dir:
                yield Path(entry.path)    # files, special files and broken links: the reader reports those
            elif entry.is_symlink():
                links.append(Path(entry.path))
            else:
                st = entry.stat()
                seen.setdefault((st.st_dev, st.st_ino), Path(entry.path))
                subdirs.append(Path(entry.path))
        stack.extend(reversed(subdirs))


def _inside(path: Path, ancestor: Path) -> bool:
    return ancestor == path or ancestor in path.parents
