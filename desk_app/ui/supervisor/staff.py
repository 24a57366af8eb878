"""Staff accounts for supervisors: who may log in, in which role, and adding someone with their PIN.

The service adds the account and its log entry (naming the supervisor who added it) in one transaction, exactly as
``desk-app staff add`` does.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
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

from desk_app.core.model import Role, StaffMember
from desk_app.core.pins import MIN_PIN_LENGTH, MIN_SUPERVISOR_PIN_LENGTH, pin_problem
from desk_app.errors import StaffError
from desk_app.messages import QT_TRANSLATE_NOOP
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
        self.toggle_button = QPushButton()
        self.supervisor = session.staff.login  # who the log credits; the window sets it when a supervisor signs in
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
        toggle_row = QHBoxLayout()
        toggle_row.addStretch()
        toggle_row.addWidget(self.toggle_button)
        left.addLayout(toggle_row)
        layout.addLayout(left, 3)
        layout.addWidget(self.add_box, 2)
        tab_chain(
            self.table,
            self.toggle_button,
            self.login_edit,
            self.name_edit,
            self.role_combo,
            self.pin_edit,
            self.again_edit,
            self.add_button,
        )
        self.add_button.clicked.connect(self.on_add_clicked)
        self.toggle_button.clicked.connect(self.on_toggle_clicked)
        self.again_edit.returnPressed.connect(self.on_add_clicked)
        self._message = ("", "")
        self.retranslate()

    def set_session(self, session: DeskSession) -> None:
        self.session = session

    def refresh(self) -> None:
        self.model.set_rows(self.session.desk.staff_members())

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)

    def retranslate(self) -> None:
        self.list_heading.setText(self.tr("S&taff"))
        self.table.setAccessibleName(self.tr("Staff"))
        self.add_box.setTitle(self.tr("Add a member of staff"))
        self.login_label.setText(self.tr("L&ogin:"))
        self.name_label.setText(self.tr("Full &name:"))
        self.role_label.setText(self.tr("&Role:"))
        self.pin_label.setText(self.tr("&PIN:"))
        self.again_label.setText(self.tr("PIN a&gain:"))
        self.pin_edit.setPlaceholderText(self.tr("at least %n digits", "", MIN_PIN_LENGTH))
        for index in range(self.role_combo.count()):
            self.role_combo.setItemText(index, role_name(Role(self.role_combo.itemData(index))))
        self.add_button.setText(self.tr("&Add"))
        self.toggle_button.setText(self.tr("Disa&ble or enable the selected login"))
        self.model.retranslate()
        self._say(*self._message)

    def on_add_clicked(self) -> None:
        login, name = self.login_edit.text().strip(), self.name_edit.text().strip()
        pin, again = self.pin_edit.text(), self.again_edit.text()
        role = Role(self.role_combo.currentData())
        if not login or not name:
            self._say("missing")
            return
        if pin_problem(pin, supervisor=role is Role.SUPERVISOR):
            self._say("bad-pin")
            return
        if pin != again:
            self._say("pins-differ")
            return
        member = StaffMember(login, name, role)
        try:
            self.session.desk.add_staff(member, pin, by=self.supervisor, where=self.session.station)
        except StaffError:
            self._say("exists", login)
            return
        for edit in (self.login_edit, self.name_edit, self.pin_edit, self.again_edit):
            edit.clear()
        self.refresh()
        self._say("added", f"{name} ({login})")
        self.login_edit.setFocus()
        self.added.emit(member)

    def on_toggle_clicked(self) -> None:
        """Stop the selected login from logging in, or let it in again; the log says which supervisor did."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self._say("select-first")
            return
        member = self.model.row_at(rows[0].row())
        if member.login == self.supervisor:
            self._say("not-yourself")
            return
        try:
            self.session.desk.set_staff_active(
                member.login, not member.active, by=self.supervisor, where=self.session.station
            )
        except StaffError as exc:
            self._say("error", str(exc))
            return
        self.refresh()
        self._say("enabled" if not member.active else "disabled", f"{member.full_name} ({member.login})")

    def _say(self, what: str, detail: str = "") -> None:
        self._message = (what, detail)
        texts = {
            "": "",
            "missing": self.tr("Give the login and the full name."),
            "bad-pin": self.tr(
                "A PIN is at least %1 digits (%2 for a supervisor), not a repeated pattern or a straight run."
            ),
            "pins-differ": self.tr("The two PINs differ."),
            "exists": self.tr("There is already a member of staff with the login %1."),
            "added": self.tr("Added: %1."),
            "select-first": self.tr("Select a member of staff in the list first."),
            "not-yourself": self.tr("You cannot disable your own login."),
            "disabled": self.tr("%1 can no longer log in."),
            "enabled": self.tr("%1 can log in again."),
            "error": self.tr("Not done: %1"),
        }
        if what == "bad-pin":
            detail = str(MIN_PIN_LENGTH)
        self.message_label.setText(fill(texts[what], detail, str(MIN_SUPERVISOR_PIN_LENGTH)))

    def _active_text(self, member: StaffMember) -> str:
        return self.tr("yes") if member.active else self.tr("no (inactive)")
