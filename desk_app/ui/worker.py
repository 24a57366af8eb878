"""Long jobs (import, export, a reprint waiting for the printer) run off the GUI thread, each on its own store.

A job gets a store of its own (opened by ``open_store``) rather than the desk's: the desk keeps checking people
in on its connection meanwhile, and two threads never share one database connection.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal

from desk_app.errors import DeskError
from desk_app.store import Store

StoreOpener = Callable[[], Store]
"""Opens another connection to the desk's database (the same location, for a worker thread)."""

Progress = Callable[[int, int], None]
Work = Callable[[Store, Progress], object]

log = logging.getLogger(__name__)


class StoreJob(QThread):
    """Runs ``work(store, progress)`` in a thread with a store of its own; the store is closed afterwards.

    Signals:
        progressed(int, int): ``(done, total)`` as the work reports it; total 0 when not known yet.
        succeeded(object): what the work returned.
        failed(object): the ``DeskError`` it raised (its message is for staff). An unexpected exception is
            logged with its traceback and reported as a ``DeskError`` saying the job failed.
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, open_store: StoreOpener, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._open_store = open_store
        self._work = work

    def run(self) -> None:
        try:
            with self._open_store() as store:
                result = self._work(store, self.progressed.emit)
        except DeskError as exc:
            self.failed.emit(exc)
        except Exception as exc:  # a bug: staff get a sentence, the log gets the traceback
            log.exception("job failed")
            self.failed.emit(DeskError(f"the job stopped on an unexpected error ({type(exc).__name__}: {exc})"))
        else:
            self.succeeded.emit(result)
