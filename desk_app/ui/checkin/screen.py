"""The check-in screen's look: its parts laid out, the tab order, the keys, large type. No decisions here.

From the top: the scan bar (look up, open a scan, camera, status line), the verdict banner, then either the applicant
and ID check side by side or the people found by a name search, and the action bar (what Enter and Escape do, the
print job). ``CheckinView`` (the flow of a check-in) builds on this.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from desk_app.ui.checkin import banner_words
from desk_app.ui.checkin.action_bar import ActionBar
from desk_app.ui.checkin.applicant_panel import ApplicantPanel
from desk_app.ui.checkin.id_check_panel import IdCheckPanel
from desk_app.ui.checkin.scan_bar import ScanBar
from desk_app.ui.checkin.search import SearchHit, SearchResults
from desk_app.ui.checkin.texts import fill
from desk_app.ui.checkin.verdict_banner import BannerContent, VerdictBanner
from desk_app.ui.focus import tab_chain
from desk_app.ui.i18n import Retranslates

BASE_POINT_SIZE = 14
PANELS, RESULTS = 0, 1
LOUD_MS = 4000  # how long a verdict fills the middle of the screen before the panels come back


class CheckinScreen(Retranslates, QWidget):
    """The parts of the check-in screen, laid out for the keyboard; ``on_enter`` and ``on_escape`` are the flow's.

    Args:
        today: the event's date today, for the ID check.
    """

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        font = QFont(self.font())
        font.setPointSize(max(BASE_POINT_SIZE, font.pointSize()))
        self.setFont(font)
        self.scan_bar = ScanBar(self)
        self.banner = VerdictBanner(self)
        self.applicant = ApplicantPanel(self)
        self.id_check = IdCheckPanel(today, self)
        self.results_heading = QLabel(self)
        self.results = SearchResults(self)
        self.action_bar = ActionBar(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._panels())
        self.stack.addWidget(self._found())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(6)
        layout.addWidget(self.scan_bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.action_bar)
        self._chain_tabs()
        self.setFocusProxy(self.scan_bar.field)  # the window focusing the screen puts the cursor where a look-up starts
        self.shortcuts = {
            "find": QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self),
            "open": QShortcut(QKeySequence(QKeySequence.StandardKey.Open), self),
            "camera": QShortcut(QKeySequence("Ctrl+K"), self),
        }
        for shortcut in self.shortcuts.values():
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.shortcuts["find"].activated.connect(self.focus_search)
        self.shortcuts["camera"].activated.connect(self.scan_bar.camera_button.toggle)
        self.results.leave.connect(self.scan_bar.field.setFocus)
        self.scan_bar.results_requested.connect(self._on_results_requested)
        self._banner_content: Callable[[], BannerContent] = banner_words.ready
        self.loud_timer = QTimer(self)
        self.loud_timer.setSingleShot(True)
        self.loud_timer.setInterval(LOUD_MS)
        self.loud_timer.timeout.connect(self.quiet_banner)
        self.banner.clicked.connect(self.quiet_banner)

    def _panels(self) -> QWidget:
        panels = QWidget(self)
        row = QHBoxLayout(panels)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.applicant, 11)  # the application's values on one line each; the ID check's fields in
        row.addWidget(self.id_check, 9)  # three columns, its messages wrapping under them
        scroller = QScrollArea(self)  # scrolls only on a screen too small for the panels, rather than cutting them
        scroller.setWidget(panels)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        return scroller

    def _found(self) -> QWidget:
        found = QWidget(self)
        column = QVBoxLayout(found)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.results_heading)
        column.addWidget(self.results, 1)
        return found

    def _chain_tabs(self) -> None:
        """Tab goes the way of a check-in: the document, the press card, the face, then the actions."""
        chain = [
            self.scan_bar.field,
            self.id_check.number_edit,
            self.id_check.press_edit,
            self.id_check.letter_box,
            self.id_check.face_ok,
            self.id_check.face_wrong,
            self.action_bar.issue_button,
            self.action_bar.override_button,
            self.action_bar.retry_button,
            self.action_bar.next_button,
            self.id_check.zone_edit,
            self.scan_bar.open_button,
            self.scan_bar.camera_button,
            self.results,
        ]
        tab_chain(*chain)

    # --- what the flow uses ---------------------------------------------------------------------------------

    def on_enter(self) -> None:
        """Enter pressed anywhere a field does not take it itself."""

    def on_escape(self) -> None:
        """Escape pressed."""

    def show_banner(self, content: Callable[[], BannerContent]) -> None:
        """Show what ``content`` makes; made again in the new language when the language changes. A loud content
        (a verdict) fills the middle of the screen for ``LOUD_MS``, then the panels come back under it; one that
        holds stays large until the next content (or a click)."""
        self._banner_content = content
        shown = content()
        self.banner.show_content(shown)
        self._set_loud(shown.loud)
        if shown.loud and not shown.hold:
            self.loud_timer.start()

    def quiet_banner(self) -> None:
        """The banner back to a strip, the applicant and the ID check under it."""
        self._set_loud(False)

    def _set_loud(self, loud: bool) -> None:
        self.loud_timer.stop()
        self.banner.set_loud(loud)
        self.stack.setVisible(not loud)

    @property
    def banner_content(self) -> BannerContent:
        return self.banner.content

    def show_panels(self) -> None:
        self.stack.setCurrentIndex(PANELS)

    def showing_results(self) -> bool:
        return self.stack.currentIndex() == RESULTS

    def show_results(self, hits: list[SearchHit], query: str) -> None:
        self.quiet_banner()  # the list takes the middle of the screen
        self.results.show_hits(hits, query)
        self.results_heading.setText(
            fill(self.tr("%1 found for “%2” — Down arrow to choose, Enter to look up"), str(len(hits)), query)
            if hits
            else fill(self.tr("Nobody found for “%1”."), query)
        )
        self.stack.setCurrentIndex(RESULTS)

    def focus_first_missing(self) -> None:
        """Focus what the ID check still needs, or the issue button when nothing is missing."""
        missing = self.id_check.missing()
        (missing[0][1] if missing else self.action_bar.issue_button).setFocus()

    # --- keys and language ----------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not modifiers:
            if not event.isAutoRepeat():  # Enter held down is one Enter: it never issues a second time
                self.on_enter()
            event.accept()
        elif key == Qt.Key.Key_Escape and not modifiers:
            self.on_escape()
            event.accept()
        else:
            super().keyPressEvent(event)

    def focus_search(self) -> None:
        """The cursor in the look-up field, its text selected (F2, Ctrl+F): typing replaces it."""
        self.scan_bar.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.scan_bar.field.selectAll()

    def _on_results_requested(self) -> None:
        if self.showing_results() and self.results.count():
            self.results.setFocus()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Check-in"))
        self.banner.setAccessibleName(self.tr("Verdict"))
        self.banner.show_content(self._banner_content())
