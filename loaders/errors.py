"""The one error type a loader reports per input: where it is, what is wrong, how to fix it."""
from __future__ import annotations


class LoadError(Exception):
    """An input that could not be loaded. Sources yield these as values so a batch continues."""

    def __init__(self, path: object, reason: str, line: int | None = None, fix: str | None = None):
        self.path = str(path)
        self.line = line
        self.reason = reason
        self.fix = fix
        super().__init__(str(self))

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line is not None else self.path

    def __str__(self) -> str:
        msg = f"{self.where}: {self.reason}"
        return f"{msg} \u2014 {self.fix}" if self.fix else msg

    def __reduce__(self):  # picklable across worker processes
        return (LoadError, (self.path, self.reason, self.line, self.fix))


class StoreBusy(RuntimeError):
    """Another process holds the database writer lock."""


class StoreWriteError(OSError):
    """The database could not be written (disk full, read-only, I/O error). Nothing of the
    run was published: the live file is as it was. `report` holds what was read before
    the stop, for the summary."""

    def __init__(self, message: str, report=None):
        super().__init__(message)
        self.message = message
        self.report = report

    def __str__(self) -> str:
        return self.message
