"""Opening the files people hand the desk (a list, its photos, a scan) without ever waiting on something that is not
a file.

A FIFO named ``list.csv`` or ``scan.pdf`` blocks an ordinary open for ever, a device never ends; only regular files
are read. The path is checked before the open (opening some devices does something), and the open descriptor again
(opened without blocking), so a file swapped for a FIFO between the check and the open cannot slip through.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

_KINDS = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFDIR: "a folder",
}


class NotAFile(OSError):
    """``path`` is not a regular file; ``kind`` says what it is ("a FIFO (named pipe)")."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(f"{path.name} is {kind}, not a file")
        self.kind = kind


def open_regular(path: Path) -> BinaryIO:
    """``path`` open for reading in binary if it is a regular file (a symbolic link to one is fine); ``NotAFile``,
    or the ``OSError`` of the open, otherwise."""
    _check(path, os.stat(path))
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    try:
        _check(path, os.fstat(descriptor))
        os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def _check(path: Path, status: os.stat_result) -> None:
    if not stat.S_ISREG(status.st_mode):
        raise NotAFile(path, _KINDS.get(stat.S_IFMT(status.st_mode), "not a regular file"))
