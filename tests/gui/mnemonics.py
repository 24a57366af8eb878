"""Alt+letter keys (mnemonics) that clash: two things on one window answering the same Alt+letter.

Qt makes a mnemonic of the letter after ``&`` in a button's, tick box's or group box's text, in a label's text when
the label has a buddy, in a tab's text and in a menu title of the window's menu bar (open from anywhere in the
window). When two of them share a letter, Alt+letter cycles between them instead of doing the one thing the clerk
wants; inside one menu, the first item with the letter wins and the other cannot be reached by its key.
"""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMainWindow, QMenu, QTabBar, QWidget


def mnemonic(text: str) -> str:
    """The letter after a single ``&`` (``&&`` is a literal ampersand), lower case; "" when there is none."""
    index = 0
    while (index := text.find("&", index)) != -1 and index + 1 < len(text):
        if text[index + 1] != "&":
            return text[index + 1].lower()
        index += 2
    return ""


def clashes(window: QWidget) -> list[str]:
    """Every letter used more than once on ``window`` (or within one of its menus), with who uses it."""
    users: dict[str, list[str]] = defaultdict(list)
    for owner, text in _keyed(window):
        if letter := mnemonic(text):
            users[letter].append(f"{owner} {text!r}")
    found = [f"Alt+{letter.upper()}: {', '.join(names)}" for letter, names in users.items() if len(names) > 1]
    if isinstance(window, QMainWindow):
        for menu in window.menuBar().findChildren(QMenu) + window.findChildren(QMenu):
            found += _menu_clashes(menu)
    return sorted(set(found))


def _keyed(window: QWidget) -> list[tuple[str, str]]:
    keyed: list[tuple[str, str]] = []
    if isinstance(window, QMainWindow):
        keyed += [("menu", action.text()) for action in window.menuBar().actions() if action.isVisible()]
    for widget in window.findChildren(QWidget):
        if widget.window() is not window or not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QAbstractButton):
            keyed.append((type(widget).__name__, widget.text()))
        elif isinstance(widget, QGroupBox):
            keyed.append(("group", widget.title()))
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            keyed.append(("label", widget.text()))
        elif isinstance(widget, QTabBar):
            keyed += [("tab", widget.tabText(i)) for i in range(widget.count()) if widget.isTabVisible(i)]
    return keyed


def _menu_clashes(menu: QMenu) -> list[str]:
    users: dict[str, list[str]] = defaultdict(list)
    for action in menu.actions():
        if action.isVisible() and (letter := mnemonic(action.text())):
            users[letter].append(repr(action.text()))
    return [
        f"menu {menu.title()!r} Alt+{letter.upper()}: {', '.join(names)}"
        for letter, names in users.items()
        if len(names) > 1
    ]
