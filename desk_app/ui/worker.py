"""Long jobs (import, export, a reprint waiting for the printer) run off the GUI thread, each on its own connection.

A job gets a desk service of its own (``DeskService.reopen``) rather than the window's: the desk keeps checking
people in on its connection meanwhile, and two threads never share one database connection.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal

from desk_app.errors import DeskError
from desk_app.service import DeskService, Progress

Work = Callable[[DeskService, Progress], object]

log = logging.getLogger(__name__)


class DeskJob(QThread):
    """Runs ``work(desk, progress)`` in a thread on a connection of its own, closed afterwards.

    Signals:
        progressed(int, int): ``(done, total)`` as the work reports it; total 0 when not known yet.
        succeeded(object): what the work returned.
        failed(object): the ``DeskError`` it raised (its message is for staff). An unexpected exception is
            logged with its traceback and reported as a ``DeskError`` saying the job failed.
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, desk: DeskService, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._work = work

    def run(self) -> None:
        try:
            with self._desk.reopen() as own:
                result = self._work(own, self.progressed.emit)
        except DeskError as exc:
            self.failed.emit(exc)
        except Exception as exc:  # a bug: staff get a sentence, the log gets the traceback
            log.exception("job failed")
            self.failed.emit(DeskError(f"the job stopped on an unexpected error ({type(exc).__name__}: {exc})"))
        else:
            self.succeeded.emit(result)
