"""Every way a person is found, turned into three answers: "this printout", "this passport zone" or "this card".

Scans from any scanner are told apart (``mrz_input``): a printout's code starts a check-in, a passport reader's
lines are put together into a zone for the ID check, and a zone left unfinished is reported. A scanned file is
decoded and a name searched on the controller's desk lane; the camera is switched on and off on demand. A card printed
the night before is known by its serial's shape (``cards.card_serial``), before the looser shape of a reference. The
check-in flow (``CheckinView``) only ever hears ``printout``, ``zone``, ``card``, ``found`` and ``message``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from desk_app.core.text import printable
from desk_app.core.wedge import looks_like_code
from desk_app.ui.checkin.cards import card_serial, looks_like_a_serial, not_a_serial_text
from desk_app.ui.checkin.controller import CheckinController
from desk_app.ui.checkin.mrz_input import MrzAssembler, ScanKind
from desk_app.ui.checkin.scan_bar import CameraSwitch
from desk_app.ui.checkin.search import SearchHit
from desk_app.ui.checkin.texts import fill


class ScanRouter(QObject):
    """Sends each scan, file, name and camera read where it belongs.

    Args:
        controller: decodes files and searches names off the GUI thread.
        clock: milliseconds, for putting a zone's lines together.

    Signals:
        printout(str): a printout's code or a reference: a check-in starts.
        zone(str): a whole passport zone, its lines joined by newlines.
        card(str): the serial on a card printed in advance (its barcode), upper-cased.
        found(object, str): the people found (a list of ``SearchHit``) for a name, and the name.
        search_cleared(): the name was erased: back to the person on screen.
        message(str, bool): news for the status line, and whether it is a problem.
    """

    printout = Signal(str)
    zone = Signal(str)
    card = Signal(str)
    found = Signal(object, str)
    search_cleared = Signal()
    message = Signal(str, bool)

    def __init__(
        self, controller: CheckinController, clock: Callable[[], float], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.mrz = MrzAssembler(clock)
        self.camera = CameraSwitch(self)
        self._search_ticket = self._decode_ticket = 0
        self._query = ""
        self._zone_timer = QTimer(self)
        self._zone_timer.setSingleShot(True)
        self._zone_timer.timeout.connect(self._on_zone_timer_timeout)
        self.camera.scanned.connect(self.route)
        self.camera.error.connect(self.on_scanner_error)
        controller.searched.connect(self._on_searched)
        controller.decoded.connect(self._on_decoded)
        controller.failed.connect(self._on_failed)

    def route(self, text: str) -> None:
        """One scan, from any scanner."""
        kind = self.mrz.classify(text)
        if kind is ScanKind.MRZ_LINE:
            zone = self.mrz.feed(text)
            if zone is None:
                self._zone_timer.start(round(self.mrz.window_ms))
                return
            self._zone_timer.stop()
            self.zone.emit(zone)
        elif kind is ScanKind.MRZ_ZONE:
            self._zone_timer.stop()
            self.zone.emit(text)
        elif (serial := card_serial(text)) is not None:
            self.card.emit(serial)
        elif looks_like_a_serial(text):
            self.message.emit(not_a_serial_text(text), True)
        elif looks_like_code(text):
            self.printout.emit(text)
        else:  # a press card's or ID card's barcode, say: the person on screen stays
            self.message.emit(self.tr("That was not a confirmation code or a passport zone: nothing changed."), True)

    def open_file(self, path: Path) -> None:
        """Read the code of a scanned printout (image or PDF)."""
        self._decode_ticket += 1
        self.message.emit(fill(self.tr("Reading %1…"), printable(path.name)), False)
        self.controller.decode(self._decode_ticket, path)

    def search(self, name: str) -> None:
        """Find people by name; an empty name stops searching."""
        self._search_ticket += 1
        self._query = name
        if name:
            self.controller.search(self._search_ticket, name)
        else:
            self.search_cleared.emit()

    def switch_camera(self, on: bool) -> None:
        if self.camera.switch(on):
            self.message.emit(self.tr("Camera on: hold the printout's code up to it."), False)
        elif not on:
            self.message.emit(self.tr("Camera off."), False)

    def clear(self) -> None:
        """Forget a zone half read (the next person is up)."""
        self.mrz.clear()
        self._zone_timer.stop()

    def close(self) -> None:
        self.camera.close()

    def on_scanner_error(self, message: str) -> None:
        self.message.emit(message, True)

    def _on_zone_timer_timeout(self) -> None:
        if self.mrz.pending:
            self.mrz.clear()
            self.message.emit(self.tr("Only part of the passport zone arrived: read the passport again."), True)

    def _on_searched(self, ticket: int, hits: list[SearchHit]) -> None:
        if ticket == self._search_ticket:
            self.found.emit(hits, self._query)

    def _on_decoded(self, ticket: int, texts: list[str]) -> None:
        if ticket != self._decode_ticket:
            return
        if not texts:
            self.message.emit(self.tr("No code found in that file."), True)
            return
        self.message.emit(self.tr("Code read from the file."), False)
        if (serial := card_serial(texts[0])) is not None:
            self.card.emit(serial)
        else:
            self.printout.emit(texts[0])

    def _on_failed(self, ticket: int, what: str, message: str) -> None:
        if (what, ticket) in (("search", self._search_ticket), ("decode", self._decode_ticket)):
            self.message.emit(message, True)
