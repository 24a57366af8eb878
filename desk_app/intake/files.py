"""Opening the files a list names (the list itself, its photos) without ever waiting on something that is not a file.

A FIFO named ``list.csv`` or ``photo.jpg`` blocks an ordinary open for ever, a device never ends; only regular files
are read. The check is made on the open descriptor (opened without blocking), so a file swapped for a FIFO between a
check and the open cannot slip through.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import IO

_KINDS = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFDIR: "a folder",
}


class NotAFile(OSError):
    """``path`` is not a regular file; the message says what it is."""


def open_regular(path: Path) -> IO[bytes]:
    """``path`` open for reading in binary, if it is a regular file; ``NotAFile`` or ``OSError`` otherwise."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    kind = stat.S_IFMT(os.fstat(descriptor).st_mode)
    if kind != stat.S_IFREG:
        os.close(descriptor)
        raise NotAFile(f"{path.name} is {_KINDS.get(kind, 'not a regular file')}, not a file")
    os.set_blocking(descriptor, True)
    return os.fdopen(descriptor, "rb")
