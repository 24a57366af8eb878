"""Reprint a lost or damaged badge, or void one: a supervisor's PIN and a reason every time, both logged.

A reprint voids the earlier serial and prints a new one; the printer may take seconds, so it runs in a worker
thread on its own connection. A void is one quick transaction.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.model import Badge
from desk_app.errors import DeskError, StaffError
from desk_app.service import DeskService, PinRefused, PrintResult, Progress
from desk_app.ui.checkin.texts import fill
from desk_app.ui.focus import tab_chain
from desk_app.ui.i18n import Retranslates
from desk_app.ui.session import DeskSession
from desk_app.ui.words import kind_label
from desk_app.ui.worker import DeskJob


class BadgesPage(Retranslates, QWidget):
    """Find a badge by serial or by the holder's reference, then reprint or void it.

    Signals:
        changed(): a badge was voided or reprinted (the counts moved).
    """

    changed = Signal()

    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.badge: Badge | None = None
        self._holder = ""  # the badge holder's name, read when the badge is found
        self.result: PrintResult | None = None
        self._job: DeskJob | None = None
        self._message: tuple[str, str] = ("", "")
        self.find_label = QLabel()
        self.find_edit = QLineEdit()
        self.find_button = QPushButton()
        self.details_label = QLabel()
        self.details_label.setWordWrap(True)
        self.decide_box = QGroupBox()
        self.reason_label, self.supervisor_label, self.pin_label = QLabel(), QLabel(), QLabel()
        self.reason_edit, self.supervisor_edit, self.pin_edit = QLineEdit(), QLineEdit(), QLineEdit()
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.reprint_button, self.void_button = QPushButton(), QPushButton()
        self.message_label = QLabel()
        self.message_label.setProperty("role", "message")
        self.message_label.setWordWrap(True)
        self.find_label.setBuddy(self.find_edit)
        find_row = QHBoxLayout()
        find_row.addWidget(self.find_label)
        find_row.addWidget(self.find_edit, 1)
        find_row.addWidget(self.find_button)
        form = QFormLayout(self.decide_box)
        for label, edit in (
            (self.reason_label, self.reason_edit),
            (self.supervisor_label, self.supervisor_edit),
            (self.pin_label, self.pin_edit),
        ):
            label.setBuddy(edit)
            form.addRow(label, edit)
        actions = QHBoxLayout()
        actions.addStretch()
        actions.addWidget(self.reprint_button)
        actions.addWidget(self.void_button)
        form.addRow(actions)
        layout = QVBoxLayout(self)
        layout.addLayout(find_row)
        layout.addWidget(self.details_label)
        layout.addWidget(self.decide_box)
        layout.addWidget(self.message_label)
        layout.addStretch()
        tab_chain(
            self.find_edit,
            self.find_button,
            self.reason_edit,
            self.supervisor_edit,
            self.pin_edit,
            self.reprint_button,
            self.void_button,
        )
        self.find_edit.returnPressed.connect(self.on_find)
        self.find_button.clicked.connect(self.on_find)
        self.reprint_button.clicked.connect(self.on_reprint_clicked)
        self.void_button.clicked.connect(self.on_void_clicked)
        self.set_session(session)
        self._show_badge()
        self.retranslate()

    @property
    def busy(self) -> bool:
        return self._job is not None

    def set_session(self, session: DeskSession) -> None:
        self.session = session
        self.supervisor_edit.setText(session.staff.login if session.is_supervisor else "")

    def retranslate(self) -> None:
        self.find_label.setText(self.tr("&Badge serial or reference:"))
        self.find_edit.setPlaceholderText(self.tr("for example M-000042 or DM24-000285"))
        self.find_button.setText(self.tr("&Find"))
        self.decide_box.setTitle(self.tr("Supervisor decision"))
        self.reason_label.setText(self.tr("R&eason:"))
        self.reason_edit.setPlaceholderText(self.tr("required, for example: badge lost"))
        self.supervisor_label.setText(self.tr("Supervisor lo&gin:"))
        self.pin_label.setText(self.tr("&PIN:"))
        self.reprint_button.setText(self.tr("&Reprint badge"))
        self.void_button.setText(self.tr("&Void badge"))
        self._show_badge()
        self._say(*self._message)

    def on_find(self) -> None:
        text = self.find_edit.text().strip().upper()
        self.badge = self.session.desk.find_badge(text) if text else None
        self._read_holder()
        self._show_badge()
        self._say("" if self.badge else "not-found", text)
        if self.badge:
            self.reason_edit.setFocus()

    def on_void_clicked(self) -> None:
        decision = self._decision()
        if decision is None:
            return
        assert self.badge is not None
        supervisor, pin, reason = decision
        try:
            voided = self.session.desk.void_badge(self.session.station, supervisor, pin, self.badge.serial, reason)
        except StaffError as exc:
            self._pin_refused(exc)
            return
        except DeskError as exc:
            self._say("error", str(exc))
            return
        self._done("voided", voided.serial)

    def on_reprint_clicked(self) -> None:
        decision = self._decision()
        if decision is None:
            return
        assert self.badge is not None
        supervisor, pin, reason = decision
        session, serial = self.session, self.badge.serial
        issuer = session.issuer

        def work(desk: DeskService, _progress: Progress) -> PrintResult:
            mine = desk.issuer(issuer.printer, issuer.size, issuer.timeout_s)
            return mine.reprint(session.station, supervisor, pin, serial, reason)

        self._set_busy(True)
        self._say("printing", serial)
        job = DeskJob(session.desk, work, self)
        job.succeeded.connect(self.on_reprint_succeeded)
        job.failed.connect(self.on_reprint_failed)
        self._job = job
        job.start()

    def on_reprint_succeeded(self, result: PrintResult) -> None:
        old = self.badge.serial if self.badge else ""
        self._end_job()
        self.result = result
        if result.handed_over:
            self._done("reprinted", f"{result.badge.serial}|{old}")
        else:
            self._done("print-failed", f"{old}|{result.outcome.message}")

    def on_reprint_failed(self, error: DeskError) -> None:
        self._end_job()
        if isinstance(error, StaffError):
            self._pin_refused(error)
        else:
            self._say("error", str(error))

    def _decision(self) -> tuple[str, str, str] | None:
        if self.busy:
            return None
        if self.badge is None:
            self._say("find-first")
            self.find_edit.setFocus()
            return None
        reason = self.reason_edit.text().strip()
        if not reason:
            self._say("no-reason")
            self.reason_edit.setFocus()
            return None
        pin = self.pin_edit.text()
        self.pin_edit.clear()
        return self.supervisor_edit.text().strip(), pin, reason

    def _pin_refused(self, error: StaffError) -> None:
        if isinstance(error, PinRefused) and error.lock.wait_s > 0:
            self._say("wait", str(math.ceil(error.lock.wait_s)))
        else:
            self._say("refused")
        self.pin_edit.setFocus()

    def _done(self, what: str, detail: str) -> None:
        self.reason_edit.clear()
        self.badge = self.session.desk.badge(self.badge.serial) if self.badge else None
        self._read_holder()
        self._show_badge()
        self._say(what, detail)
        self.changed.emit()

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.reprint_button, self.void_button, self.find_button):
            widget.setEnabled(not busy)

    def _end_job(self) -> None:
        if self._job is not None:
            self._job.wait()
            self._job.deleteLater()
            self._job = None
        self._set_busy(False)

    def _read_holder(self) -> None:
        application = self.session.desk.application(self.badge.reference) if self.badge else None
        self._holder = application.display_name if application else ""

    def _show_badge(self) -> None:
        """Say which badge is chosen (no database access: this runs on every language switch)."""
        badge = self.badge
        if badge is None:
            self.details_label.setText(self.tr("No badge chosen."))
            return
        desk = self.session.desk
        name = self._holder
        when = desk.event.local(badge.issued_at).strftime("%Y-%m-%d %H:%M")
        state = self.tr("active") if badge.active else self.tr("void (no longer valid)")
        self.details_label.setText(
            fill(
                self.tr("Badge %1 (%2) of %3 %4; issued %5 at desk %6 by %7; %8."),
                badge.serial,
                kind_label(desk.event, badge.kind),
                badge.reference,
                name,
                when,
                badge.desk,
                badge.staff,
                state,
            )
        )

    def _say(self, what: str, detail: str = "") -> None:
        self._message = (what, detail)
        first, _, second = detail.partition("|")
        texts = {
            "": "",
            "not-found": self.tr("No badge with that serial, and no active badge for that reference."),
            "find-first": self.tr("Find the badge first."),
            "no-reason": self.tr("Give the reason: it goes into the log."),
            "wait": self.tr("Too many wrong PINs. Wait %1 seconds, then try again."),
            "refused": self.tr("Not accepted: this is not a supervisor's login and PIN."),
            "printing": self.tr("Printing a new badge to replace %1…"),
            "voided": self.tr("Badge %1 is void. The person can be served again at the check-in screen."),
            "reprinted": self.tr("New badge %1 printed; badge %2 is void."),
            "print-failed": self.tr(
                "Badge %1 is void, but the new badge did not print (%2). Serve the person again at the check-in screen."
            ),
            "error": self.tr("Not done: %1"),
        }
        self.message_label.setText(fill(texts[what], first, second))
