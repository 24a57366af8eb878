"""Checked rows waiting for the write, kept in an anonymous temporary file instead of memory.

An import checks every row before it writes any, and it must not hold 200,000 applications in memory meanwhile
(they took 800 MB). The rows go to a file that has no name (deleted as it is made, readable by this process only)
in batches, and come back in the same batches for the write. The file holds only what this process wrote into it.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator
from types import TracebackType
from typing import Generic, TypeVar

T = TypeVar("T")


class Spill(Generic[T]):
    def __init__(self, batch_size: int = 2000) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 (closed by __exit__)
        self._pending: list[T] = []
        self._batch_size = batch_size
        self.count = 0

    def add(self, item: T) -> None:
        self._pending.append(item)
        self.count += 1
        if len(self._pending) >= self._batch_size:
            self._flush()

    def batches(self) -> Iterator[list[T]]:
        """Everything added, in the order added, a batch at a time."""
        self._flush()
        self._file.seek(0)
        while True:
            try:
                yield pickle.load(self._file)
            except EOFError:
                return

    def _flush(self) -> None:
        if self._pending:
            pickle.dump(self._pending, self._file, protocol=pickle.HIGHEST_PROTOCOL)
            self._pending = []

    def __enter__(self) -> Spill[T]:
        return self

    def __exit__(self, *_: type[BaseException] | BaseException | TracebackType | None) -> None:
        self._file.close()
