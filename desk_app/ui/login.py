"""Staff log in by login and PIN; the desk locks itself when left alone and opens again for a PIN.

The service checks the PIN, logs every attempt and locks a login for a while after wrong PINs in a row (the same
lock-out as on the command line); the form says why, and counts down a wait.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.model import StaffMember
from desk_app.errors import StaffError
from desk_app.service import DeskService, NotAtThisDesk, PinRefused, StationConfig
from desk_app.ui.checkin.texts import fill
from desk_app.ui.focus import tab_chain
from desk_app.ui.i18n import Retranslates
from desk_app.ui.words import entrance_name, event_name


class LoginForm(Retranslates, QWidget):
    """Login and PIN, checked by the service, and against this station (role and entrance).

    Args:
        desk: the service; it checks the PIN, logs the attempt and keeps the lock-out.
        config: the station, whose entrance the member must be allowed to work at.
        monotonic: the clock the countdown of a wait runs on (tests pass a fake).
        unlocking: the form unlocks a locked desk (its button says so) rather than starting a shift.

    Signals:
        accepted(object): the ``StaffMember`` whose PIN matched and who may work at this station.
    """

    accepted = Signal(object)

    def __init__(
        self,
        desk: DeskService,
        config: StationConfig,
        parent: QWidget | None = None,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        unlocking: bool = False,
    ) -> None:
        super().__init__(parent)
        self.unlocking = unlocking
        self.desk = desk
        self.config = config
        self._monotonic = monotonic
        self._wait_until = 0.0  # the moment (on ``monotonic``) before which the service has said to wait
        self.login_label = QLabel()
        self.login_edit = QLineEdit()
        self.login_label.setBuddy(self.login_edit)
        self.pin_label = QLabel()
        self.pin_edit = QLineEdit()
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData)
        self.pin_label.setBuddy(self.pin_edit)
        self.submit_button = QPushButton()
        self.submit_button.setDefault(True)
        self.message_label = QLabel()
        self.message_label.setProperty("role", "message")
        self.message_label.setWordWrap(True)
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self.on_countdown_timeout)

        form = QFormLayout()
        form.addRow(self.login_label, self.login_edit)
        form.addRow(self.pin_label, self.pin_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.submit_button)
        layout.addLayout(buttons)
        self.login_edit.returnPressed.connect(self.pin_edit.setFocus)
        self.pin_edit.returnPressed.connect(self.on_submit)
        self.submit_button.clicked.connect(self.on_submit)
        tab_chain(self.login_edit, self.pin_edit, self.submit_button)
        self.retranslate()

    def set_login(self, login: str) -> None:
        self.login_edit.setText(login)

    def reset(self) -> None:
        """Empty the PIN and the message, and put the cursor where the next person starts."""
        self.pin_edit.clear()
        self._say("")
        (self.pin_edit if self.login_edit.text() else self.login_edit).setFocus()

    def retranslate(self) -> None:
        self.login_label.setText(self.tr("L&ogin:"))
        self.pin_label.setText(self.tr("&PIN:"))
        self.login_edit.setAccessibleName(self.tr("Login"))
        self.pin_edit.setAccessibleName(self.tr("PIN"))
        self.submit_button.setText(self.tr("Unlock") if self.unlocking else self.tr("Log in"))
        if self._countdown.isActive():
            self._say_wait()

    def on_submit(self) -> None:
        if self._wait_s() > 0:
            self._say_wait()
            return
        login, pin = self.login_edit.text().strip(), self.pin_edit.text()
        if not login:
            self._say(self.tr("Type your login."))
            self.login_edit.setFocus()
            return
        if not pin:
            self._say(self.tr("Type your PIN."))
            self.pin_edit.setFocus()
            return
        self.pin_edit.clear()
        try:
            member = self.desk.log_in(self.config.entrance, self.config.desk, login, pin)
        except PinRefused as exc:
            self._wrong_pin(exc)
            return
        except NotAtThisDesk as exc:
            self._say(self._not_here(exc))
            return
        except StaffError as exc:
            self._say(fill(self.tr("This login cannot work at this desk (%1)."), str(exc)))
            return
        self._say("")
        self.accepted.emit(member)

    def on_countdown_timeout(self) -> None:
        if self._wait_s() > 0:
            self._say_wait()
            return
        self._countdown.stop()
        self._set_inputs_enabled(True)
        self._say(self.tr("You can try again now."))
        self.pin_edit.setFocus()

    def _wrong_pin(self, refused: PinRefused) -> None:
        if refused.lock.wait_s > 0:
            self._wait_until = self._monotonic() + refused.lock.wait_s
            self._set_inputs_enabled(False)
            self._countdown.start()
            self._say_wait()
            return
        left = refused.lock.attempts_left
        self._say(self.tr("Login or PIN not accepted. %n more try(s) before a 30-second wait.", "", left))
        self.pin_edit.setFocus()

    def _wait_s(self) -> float:
        return max(0.0, self._wait_until - self._monotonic())

    def _say_wait(self) -> None:
        seconds = math.ceil(self._wait_s())
        self._say(self.tr("Too many wrong PINs. Wait %n second(s), then try again.", "", seconds))

    def _not_here(self, refused: NotAtThisDesk) -> str:
        member = refused.member
        if member is not None and refused.home_entrance:
            home = entrance_name(self.desk.event, refused.home_entrance)
            return fill(self.tr("%1 does not work at this entrance: their desk is at the %2."), member.full_name, home)
        return fill(self.tr("This login cannot work at this desk (%1)."), str(refused))

    def _set_inputs_enabled(self, enabled: bool) -> None:
        for widget in (self.login_edit, self.pin_edit, self.submit_button):
            widget.setEnabled(enabled)

    def _say(self, message: str) -> None:
        self.message_label.setText(message)
        self.message_label.setAccessibleDescription(message)


class LoginDialog(Retranslates, QDialog):
    """The first thing staff see once the station is known: the event, this desk, and the login form.

    Args:
        hint: a line under the form (the demo says which login and PIN to use).
    """

    def __init__(self, desk: DeskService, config: StationConfig, hint: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.member: StaffMember | None = None
        self.config = config
        self.event_config = desk.event
        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.heading.setWordWrap(True)
        self.place_label = QLabel()
        self.form = LoginForm(desk, config, parent=self)
        self.hint_label = QLabel(hint)
        self.hint_label.setWordWrap(True)
        self.hint_label.setVisible(bool(hint))
        self.hint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.place_label)
        layout.addSpacing(12)
        layout.addWidget(self.form)
        layout.addWidget(self.hint_label)
        self.form.accepted.connect(self.on_form_accepted)
        self.setMinimumWidth(560)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Log in — accreditation desk"))
        self.heading.setText(event_name(self.event_config))
        self.place_label.setText(
            fill(self.tr("%1, desk %2"), entrance_name(self.event_config, self.config.entrance), self.config.desk)
        )

    def set_hint(self, hint: str) -> None:
        self.hint_label.setText(hint)
        self.hint_label.setVisible(bool(hint))

    def on_form_accepted(self, member: StaffMember) -> None:
        self.member = member
        self.accept()


class LockScreen(Retranslates, QWidget):
    """What a locked desk shows instead of its work: nothing personal, only a way back in.

    The member of staff who was working unlocks with their PIN; anyone else on the staff may log in instead, and
    the desk then works in their name.

    Signals:
        unlocked(object): the ``StaffMember`` who unlocked the desk.
    """

    unlocked = Signal(object)

    def __init__(self, desk: DeskService, config: StationConfig, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.form = LoginForm(desk, config, parent=self, unlocking=True)
        self.form.setFixedWidth(560)
        self.form.accepted.connect(self.unlocked)
        self._minutes = 0
        layout = QVBoxLayout(self)
        layout.addStretch()
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addSpacing(16)
        layout.addWidget(self.form, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch()
        self.retranslate()

    def lock_for(self, member: StaffMember, idle_minutes: int = 0) -> None:
        """Show the lock for ``member`` (``idle_minutes`` 0: locked on purpose, not for being idle)."""
        self._minutes = idle_minutes
        self.form.set_login(member.login)
        self.retranslate()
        self.form.reset()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Desk locked"))
        carry_on = self.tr("Type your PIN to carry on, or log in as another member of staff.")
        if self._minutes:
            carry_on = self.tr("Nobody used the desk for %n minute(s).", "", self._minutes) + " " + carry_on
        self.explanation.setText(carry_on)
