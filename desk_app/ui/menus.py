"""Every action of the desk window, its keyboard shortcut, and the menus that list them.

The actions are added to the window itself too, so their shortcuts work on every page and while the menu bar is
closed. F1 lists them (``help_dialog``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from desk_app.ui.i18n import LANGUAGES


class DeskWindow(Protocol):
    """What the menus need of the window: its slots (the window is a ``QMainWindow`` that has them)."""

    def on_search(self) -> None: ...
    def on_show_checkin(self) -> None: ...
    def lock(self) -> None: ...
    def on_supervisor_sign_in(self) -> None: ...
    def on_supervisor_sign_out(self) -> None: ...
    def on_show_counts(self) -> None: ...
    def on_show_log(self) -> None: ...
    def on_show_staff(self) -> None: ...
    def on_show_badges(self) -> None: ...
    def on_show_stock(self) -> None: ...
    def on_preprint(self) -> None: ...
    def on_export(self) -> None: ...
    def on_import(self) -> None: ...
    def on_help(self) -> None: ...
    def on_about(self) -> None: ...
    def switch_language(self, language: str) -> None: ...


LANGUAGE_SHORTCUTS = {"en": "Ctrl+Shift+E", "fr": "Ctrl+Shift+F"}


class DeskMenus(QObject):
    """The window's actions (attributes named for what they do) and its four menus."""

    def __init__(self, window: QMainWindow, slots: DeskWindow) -> None:
        super().__init__(window)
        self._window = window

        def action(shortcut: str, slot: Callable[[], object]) -> QAction:
            made = QAction(window)
            made.setShortcut(QKeySequence(shortcut))
            made.triggered.connect(slot)
            window.addAction(made)
            return made

        self.search = action("F2", slots.on_search)
        self.checkin = action("F4", slots.on_show_checkin)
        self.lock = action("Ctrl+L", slots.lock)
        self.quit = action("Ctrl+Q", window.close)
        self.sign_in = action("Ctrl+Shift+S", slots.on_supervisor_sign_in)
        self.sign_out = action("Ctrl+Shift+X", slots.on_supervisor_sign_out)
        self.counts = action("F5", slots.on_show_counts)
        self.log = action("F6", slots.on_show_log)
        self.staff = action("F7", slots.on_show_staff)
        self.badges = action("F8", slots.on_show_badges)
        self.stock = action("F9", slots.on_show_stock)
        self.preprint = action("Ctrl+Shift+P", slots.on_preprint)
        self.export = action("Ctrl+E", slots.on_export)
        self.import_list = action("Ctrl+I", slots.on_import)
        self.help = action("F1", slots.on_help)
        self.about = action("", slots.on_about)
        self.language_group = QActionGroup(self)
        self.language: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            made = action(LANGUAGE_SHORTCUTS[code], _switcher(slots, code))
            made.setText(name)
            made.setCheckable(True)
            self.language_group.addAction(made)
            self.language[code] = made
        self.supervisor_only = [
            self.counts,
            self.log,
            self.staff,
            self.badges,
            self.stock,
            self.export,
            self.import_list,
            self.preprint,
        ]
        self.working = [self.search, self.checkin, self.lock, self.help, self.about]  # off while locked

        bar = window.menuBar()
        self.desk_menu = QMenu(window)
        self.desk_menu.addActions([self.search, self.checkin])
        self.desk_menu.addSeparator()
        self.desk_menu.addActions([self.lock, self.quit])
        self.supervisor_menu = QMenu(window)
        self.supervisor_menu.addActions([self.sign_in, self.sign_out])
        self.supervisor_menu.addSeparator()
        self.supervisor_menu.addActions([self.counts, self.log, self.badges, self.staff, self.stock])
        self.supervisor_menu.addSeparator()
        self.supervisor_menu.addActions([self.export, self.import_list, self.preprint])
        self.language_menu = QMenu(window)
        self.language_menu.addActions(list(self.language.values()))
        self.help_menu = QMenu(window)
        self.help_menu.addActions([self.help, self.about])
        for menu in (self.desk_menu, self.supervisor_menu, self.language_menu, self.help_menu):
            bar.addMenu(menu)

    def show_language(self, language: str) -> None:
        self.language[language].setChecked(True)

    def enable(self, *, locked: bool, supervisor_open: bool, own_supervisor: bool) -> None:
        """Which actions can be used: nothing but the lock screen while locked; supervisors' behind the PIN."""
        for made in self.working:
            made.setEnabled(not locked)
        for made in self.supervisor_only:
            made.setEnabled(supervisor_open and not locked)
        self.sign_in.setEnabled(not supervisor_open and not locked)
        self.sign_out.setEnabled(supervisor_open and not locked and not own_supervisor)

    def retranslate(self) -> None:
        self.desk_menu.setTitle(self.tr("&Desk"))
        self.supervisor_menu.setTitle(self.tr("&Supervisor"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        texts = {
            self.search: self.tr("&Search by name or reference"),
            self.checkin: self.tr("&Check-in screen"),
            self.lock: self.tr("&Lock the desk"),
            self.quit: self.tr("&Quit"),
            self.sign_in: self.tr("Supervisor &sign-in…"),
            self.sign_out: self.tr("Close the supervisor &area"),
            self.counts: self.tr("Live &counts"),
            self.log: self.tr("Check-in &log"),
            self.staff: self.tr("S&taff"),
            self.badges: self.tr("&Reprint or void a badge"),
            self.stock: self.tr("Cards printed in advance (stoc&k)"),
            self.preprint: self.tr("&Pre-print cards…"),
            self.export: self.tr("&Export the day's log…"),
            self.import_list: self.tr("&Import the accreditation list…"),
            self.help: self.tr("&Keyboard shortcuts"),
            self.about: self.tr("&About the desk"),
        }
        for made, text in texts.items():
            made.setText(text)


def _switcher(slots: DeskWindow, code: str) -> Callable[[], None]:
    """A slot switching to ``code``; triggered(bool) passes ``checked``, which would take the code's place."""

    def switch(_checked: bool = False) -> None:
        slots.switch_language(code)

    return switch
