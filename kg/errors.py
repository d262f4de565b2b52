"""User-facing errors and the exit codes the CLI documents.

Any stage raises ``KGError`` for a problem the user can fix (bad path, bad
file, bad query); the CLI prints its message on one line and exits with its
code. Everything else is a bug and is shown in full only with ``--verbose``.
"""
from __future__ import annotations

EXIT_OK = 0  # everything asked for was done
EXIT_PARTIAL = 1  # output written, but some inputs were skipped (each said on stderr)
EXIT_ERROR = 2  # nothing written: bad arguments, no usable input, unwritable output, bad query
EXIT_INTERRUPTED = 130  # SIGINT/SIGTERM: previous outputs left as they were


class KGError(Exception):
    """An error with a message meant for the user, and the exit code to use."""

    def __init__(self, message: str, code: int = EXIT_ERROR):
        super().__init__(message)
        self.code = code


class SkipDocument(KGError):
    """One input file cannot be read; the build goes on with the others."""

    def __init__(self, path: object, reason: str):
        super().__init__(f"skipped {path}: {reason}", EXIT_PARTIAL)
        self.path = path
        self.reason = reason
