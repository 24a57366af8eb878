"""Staff accounts for supervisors: who may log in, in which role, and adding someone with their PIN.

An account is added with its log entry in one transaction, as ``desk-app staff add`` does.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.model import Action, LogRecord, Role, StaffMember
from desk_app.core.pins import MIN_PIN_LENGTH, pin_problem
from desk_app.errors import StaffError
from desk_app.ui.checkin.texts import fill
from desk_app.ui.focus import tab_chain
from desk_app.ui.i18n import Retranslates
from desk_app.ui.session import DeskSession
from desk_app.ui.table_model import Column, ListTableModel
from desk_app.ui.words import role_name

CONTEXT = "StaffPage"


class StaffPage(Retranslates, QWidget):
    """The staff list, and a form to add a member.

    Signals:
        added(object): the ``StaffMember`` just added.
    """

    added = Signal(object)

    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model: ListTableModel[StaffMember] = ListTableModel(
            CONTEXT,
            [
                Column(QT_TRANSLATE_NOOP("StaffPage", "Login"), lambda m: m.login),
                Column(QT_TRANSLATE_NOOP("StaffPage", "Name"), lambda m: m.full_name),
                Column(QT_TRANSLATE_NOOP("StaffPage", "Role"), lambda m: role_name(m.role)),
                Column(QT_TRANSLATE_NOOP("StaffPage", "Can log in"), self._active_text),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAlternatingRowColors(True)
        self.add_box = QGroupBox()
        self.login_label, self.name_label, self.role_label = QLabel(), QLabel(), QLabel()
        self.pin_label, self.again_label = QLabel(), QLabel()
        self.login_edit, self.name_edit = QLineEdit(), QLineEdit()
        self.login_edit.setMaxLength(32)
        self.role_combo = QComboBox()
        for role in Role:
            self.role_combo.addItem("", role.value)
        self.pin_edit, self.again_edit = QLineEdit(), QLineEdit()
        for edit in (self.pin_edit, self.again_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_button = QPushButton()
        self.message_label = QLabel()
        self.message_label.setProperty("role", "message")
        self.message_label.setWordWrap(True)
        form = QFormLayout(self.add_box)
        for label, widget in (
            (self.login_label, self.login_edit),
            (self.name_label, self.name_edit),
            (self.role_label, self.role_combo),
            (self.pin_label, self.pin_edit),
            (self.again_label, self.again_edit),
        ):
            label.setBuddy(widget)
            form.addRow(label, widget)
        button_row = QHBoxLayout()
        button_row.addWidget(self.message_label, 1)
        button_row.addWidget(self.add_button)
        form.addRow(button_row)
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        self.list_heading = QLabel()
        self.list_heading.setBuddy(self.table)
        left.addWidget(self.list_heading)
        left.addWidget(self.table)
        layout.addLayout(left, 3)
        layout.addWidget(self.add_box, 2)
        tab_chain(
            self.table,
            self.login_edit,
            self.name_edit,
            self.role_combo,
            self.pin_edit,
            self.again_edit,
            self.add_button,
        )
        self.add_button.clicked.connect(self.on_add_clicked)
        self.again_edit.returnPressed.connect(self.on_add_clicked)
        self._message = ("", "")
        self.retranslate()

    def set_session(self, session: DeskSession) -> None:
        self.session = session

    def refresh(self) -> None:
        self.model.set_rows(self.session.desk.store.staff.all())

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)

    def retranslate(self) -> None:
        self.list_heading.setText(self.tr("&Staff"))
        self.table.setAccessibleName(self.tr("Staff"))
        self.add_box.setTitle(self.tr("Add a member of staff"))
        self.login_label.setText(self.tr("&Login:"))
        self.name_label.setText(self.tr("Full &name:"))
        self.role_label.setText(self.tr("&Role:"))
        self.pin_label.setText(self.tr("&PIN:"))
        self.again_label.setText(self.tr("PIN &again:"))
        self.pin_edit.setPlaceholderText(self.tr("at least %n digits", "", MIN_PIN_LENGTH))
        for index in range(self.role_combo.count()):
            self.role_combo.setItemText(index, role_name(Role(self.role_combo.itemData(index))))
        self.add_button.setText(self.tr("&Add"))
        self.model.retranslate()
        self._say(*self._message)

    def on_add_clicked(self) -> None:
        login, name = self.login_edit.text().strip(), self.name_edit.text().strip()
        pin, again = self.pin_edit.text(), self.again_edit.text()
        role = Role(self.role_combo.currentData())
        if not login or not name:
            self._say("missing")
            return
        if pin_problem(pin):
            self._say("bad-pin")
            return
        if pin != again:
            self._say("pins-differ")
            return
        member = StaffMember(login, name, role)
        store, now = self.session.desk.store, self.session.desk.clock.now()
        try:
            with store.transaction():
                store.staff.add(member, pin, now)
                store.log.append(
                    LogRecord(
                        now,
                        Action.STAFF_ADDED,
                        staff=self.session.staff.login,
                        detail={"login": login, "role": role.value},
                    )
                )
        except StaffError:
            self._say("exists", login)
            return
        for edit in (self.login_edit, self.name_edit, self.pin_edit, self.again_edit):
            edit.clear()
        self.refresh()
        self._say("added", f"{name} ({login})")
        self.login_edit.setFocus()
        self.added.emit(member)

    def _say(self, what: str, detail: str = "") -> None:
        self._message = (what, detail)
        texts = {
            "": "",
            "missing": self.tr("Give the login and the full name."),
            "bad-pin": self.tr("A PIN is at least %n digits, not all the same digit.", "", MIN_PIN_LENGTH),
            "pins-differ": self.tr("The two PINs differ."),
            "exists": self.tr("There is already a member of staff with the login %1."),
            "added": self.tr("Added: %1."),
        }
        self.message_label.setText(fill(texts[what], detail))

    def _active_text(self, member: StaffMember) -> str:
        return self.tr("yes") if member.active else self.tr("no (inactive)")
