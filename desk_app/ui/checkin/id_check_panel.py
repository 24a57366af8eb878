"""The ID check: the document (read by the passport reader or typed), the press credential and the face.

Every field is compared with the application as it is entered and marked with a symbol, a word and a colour
(✓ matches, ✗ differs, — not read), by the same comparison the rules use (``desk_app.core.identity``), so what the
panel shows is what the verdict will say. The face is the one thing only a person can check: "Face matches the
photo" must be ticked before a badge can be issued, and "Face does not match" stops the check-in until a supervisor
has seen the person (the rules know nothing of faces; see ``CheckinView``).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.event import EventConfig
from desk_app.core.identity import document_mismatches, press_mismatches, press_presented
from desk_app.core.model import Application, PresentedDocument, PresentedPress, Reason
from desk_app.core.mrz import MrzResult, parse_mrz, to_presented
from desk_app.ui.checkin.texts import fill, format_date, mrz_error_text, reason_text, sentence
from desk_app.ui.i18n import Retranslates

ZONE_POINT_SIZE = 11
BOX_SIZE = 22  # tick boxes big enough to see across the counter
ZONE_FIELDS = ("family", "given", "born", "nationality", "expiry")
_FIELD_REASON = {
    "number": Reason.DOCUMENT_NUMBER_MISMATCH,
    "family": Reason.FAMILY_NAME_MISMATCH,
    "given": Reason.GIVEN_NAMES_MISMATCH,
    "born": Reason.DATE_OF_BIRTH_MISMATCH,
    "nationality": Reason.NATIONALITY_MISMATCH,
    "expiry": Reason.EXPIRY_MISMATCH,
}


class Mark(enum.Enum):
    """A field's state: (symbol, colour)."""

    NOT_READ = ("—", "#5f6770")
    MATCH = ("✓", "#146c2e")
    DIFFERS = ("✗", "#b3121f")


class MarkLabel(QLabel):
    """✓/✗/— with words, in colour; ``mark`` tells tests and screen readers the state."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mark = Mark.NOT_READ
        self.words = ""
        self.setMinimumWidth(150)

    def set_mark(self, mark: Mark, words: str) -> None:
        self.mark, self.words = mark, words
        symbol, colour = mark.value
        self.setText(f"{symbol} {words}" if words else "")
        self.setStyleSheet(f"color: {colour}; font-weight: {'bold' if mark is not Mark.NOT_READ else 'normal'};")
        self.setAccessibleName(words)


class IdCheckPanel(Retranslates, QFrame):
    """What the person shows at the counter, compared with their application.

    Args:
        today: the event's date today (settles an MRZ's two-digit years).

    Signals:
        changed(): anything entered or ticked changed (the marks are already up to date).
        press_confirmed(): the press card number being typed now matches the application (all of it, or its end:
            four letters and digits or more): the clerk can go on to the face.
    """

    changed = Signal()
    press_confirmed = Signal()

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._today = today
        self.application: Application | None = None
        self.event_config: EventConfig | None = None
        self.zone: MrzResult | None = None
        self.reader_first = False  # a passport reader is at the desk: the document comes by its zone
        self._number_from_zone = ""
        self.zone_label, self.zone_edit, self.zone_status = _heading(self), QPlainTextEdit(self), QLabel(self)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSize(ZONE_POINT_SIZE)
        self.zone_edit.setFont(mono)
        self.zone_edit.setTabChangesFocus(True)
        three_lines = self.zone_edit.fontMetrics().lineSpacing() * 3 + 14  # a TD1 card has three
        self.zone_edit.setFixedHeight(max(three_lines, self.zone_edit.minimumSizeHint().height()))
        self.zone_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.zone_status.setWordWrap(True)
        self.zone_label.setBuddy(self.zone_edit)
        self.number_edit, self.press_edit = QLineEdit(self), QLineEdit(self)
        self.letter_box = QCheckBox(self)
        self.face_ok, self.face_wrong = QCheckBox(self), QCheckBox(self)
        for box in (self.letter_box, self.face_ok, self.face_wrong):
            box.setStyleSheet(f"QCheckBox::indicator {{ width: {BOX_SIZE}px; height: {BOX_SIZE}px; }}")
        self.captions = {name: QLabel(self) for name in ("number", *ZONE_FIELDS, "press")}
        self.captions["number"].setBuddy(self.number_edit)
        self.captions["press"].setBuddy(self.press_edit)
        self.read = {name: QLabel(self) for name in ZONE_FIELDS}
        for label in self.read.values():
            label.setWordWrap(True)  # a long name takes two lines rather than widening the panel
        self.marks = {name: MarkLabel(self) for name in ("number", *ZONE_FIELDS, "press")}
        self.press_message = QLabel(self)  # why the press card does not match, in a sentence, under the field
        self.press_message.setWordWrap(True)
        self.press_message.setStyleSheet(f"color: {Mark.DIFFERS.value[1]};")
        self.press_message.hide()
        self._lay_out()
        self.zone_edit.textChanged.connect(self._on_zone_text_changed)
        self.number_edit.textChanged.connect(self.refresh)
        self.press_edit.textChanged.connect(self.refresh)
        self.letter_box.toggled.connect(self.refresh)
        self.face_ok.toggled.connect(self._on_face_ok_toggled)
        self.face_wrong.toggled.connect(self._on_face_wrong_toggled)
        self.retranslate()

    def _lay_out(self) -> None:
        """Captions, values and marks in three columns; a message spans them under its field, never beside it."""
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(0)
        grid.setColumnStretch(1, 1)
        heading = QHBoxLayout()
        heading.setSpacing(16)
        heading.addWidget(self.zone_label)
        heading.addWidget(self.zone_status, 1)
        grid.addLayout(heading, 0, 0, 1, 3)
        grid.addWidget(self.zone_edit, 1, 0, 1, 3)
        row = 2
        for name in ("number", *ZONE_FIELDS, "press"):
            grid.addWidget(self.captions[name], row, 0)
            grid.addWidget(
                self.number_edit if name == "number" else self.press_edit if name == "press" else self.read[name],
                row,
                1,
            )
            grid.addWidget(self.marks[name], row, 2)
            row += 1
        grid.addWidget(self.press_message, row, 0, 1, 3)
        grid.addWidget(self.letter_box, row + 1, 1, 1, 2)
        faces = QHBoxLayout()
        faces.setSpacing(24)
        faces.addWidget(self.face_ok)
        faces.addWidget(self.face_wrong)
        faces.addStretch(1)
        grid.addLayout(faces, row + 2, 0, 1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 4)
        layout.addLayout(grid)
        layout.addStretch(1)

    # --- what the screen asks ---------------------------------------------------------------------------------

    def set_application(self, application: Application | None, event: EventConfig) -> None:
        """Compare what is entered (kept as it is) with ``application`` from now on."""
        self.application, self.event_config = application, event
        self.refresh()

    def take_zone(self, text: str) -> bool:
        """A passport reader's zone, scanned: shown and read as if typed in the zone field. True when it reads."""
        self.zone_edit.setPlainText(text)
        return self.zone is not None

    def clear(self, *, keep_zone: bool = False) -> None:
        """Empty for the next person; ``keep_zone`` keeps a passport read before the printout was scanned."""
        self.application = None
        for widget in (self.number_edit, self.press_edit):
            widget.blockSignals(True)
            widget.clear()
            widget.blockSignals(False)
        for box in (self.letter_box, self.face_ok, self.face_wrong):
            box.blockSignals(True)
            box.setChecked(False)
            box.blockSignals(False)
        if keep_zone and self.zone is not None:
            self.number_edit.setText(self.zone.fields.document_number)
        else:
            self.zone_edit.blockSignals(True)
            self.zone_edit.clear()
            self.zone_edit.blockSignals(False)
            self.zone, self._number_from_zone = None, ""
            self._show_zone_status(None)
        self.refresh()

    def document(self) -> PresentedDocument | None:
        """The document as presented: the zone's fields, with the number as it stands in the number field."""
        number = self.number_edit.text().strip()
        if self.zone is not None:
            presented = to_presented(self.zone)
            return PresentedDocument(
                number or presented.number,
                presented.family_name,
                presented.given_names,
                presented.date_of_birth,
                presented.nationality,
                presented.expiry,
            )
        return PresentedDocument(number) if number else None

    def press(self) -> PresentedPress | None:
        presented = PresentedPress(self.press_edit.text().strip() or None, self.letter_box.isChecked())
        return presented if press_presented(presented) else None

    @property
    def face_confirmed(self) -> bool:
        return self.face_ok.isChecked()

    @property
    def face_rejected(self) -> bool:
        return self.face_wrong.isChecked()

    def missing(self) -> list[tuple[str, QWidget]]:
        """What must still be done before a badge can be issued, in words, with the widget to do it in."""
        missing: list[tuple[str, QWidget]] = []
        if self.document() is None:
            where = self.zone_edit if self.reader_first else self.number_edit
            missing.append((self.tr("the document number (or the passport read by the reader)"), where))
        if self.press() is None:
            missing.append((self.tr("the press card number (or the editor's letter ticked)"), self.press_edit))
        if not self.face_confirmed:
            missing.append((self.tr("“Face matches the photo” ticked"), self.face_ok))
        return missing

    # --- marks ------------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Mark every field against the application."""
        document, app = self.document(), self.application
        values = self._zone_values(document)
        for name in ZONE_FIELDS:
            self.read[name].setText(values[name] or "—")
        if app is None or self.event_config is None:
            for mark in self.marks.values():
                mark.set_mark(Mark.NOT_READ, "")
            self._say_under_press("")
            self.changed.emit()
            return
        reasons = set(document_mismatches(app, document)) if document is not None else set()
        self._mark("number", bool(self.number_edit.text().strip()) or document is not None, reasons)
        for name in ZONE_FIELDS:
            self._mark(name, bool(values[name]), reasons)
        if document is not None and document.expiry is not None and document.expiry < self.event_config.last_day:
            self.marks["expiry"].set_mark(Mark.DIFFERS, self.tr("expires too soon"))
            self.marks["expiry"].setToolTip(reason_text(Reason.DOCUMENT_EXPIRED))
        press = self.press()
        problems = press_mismatches(app, press) if press is not None else []
        confirmed = press is not None and not problems and self.marks["press"].mark is not Mark.MATCH
        if press is None:
            self.marks["press"].set_mark(Mark.NOT_READ, self.tr("not checked"))
        elif problems:
            self.marks["press"].set_mark(Mark.DIFFERS, self.tr("differs"))
        else:
            self.marks["press"].set_mark(Mark.MATCH, self.tr("matches"))
        self._say_under_press(sentence(reason_text(problems[0])) if problems else "")
        self.changed.emit()
        if confirmed and self.press_edit.hasFocus():
            self.press_confirmed.emit()

    def _say_under_press(self, text: str) -> None:
        self.press_message.setText(text)
        self.press_message.setVisible(bool(text))
        self.marks["press"].setToolTip(text)

    def _mark(self, name: str, entered: bool, reasons: set[Reason]) -> None:
        mark = self.marks[name]
        mark.setToolTip("")
        if not entered:
            mark.set_mark(Mark.NOT_READ, self.tr("not entered") if name == "number" else self.tr("not read"))
        elif _FIELD_REASON[name] in reasons:
            mark.set_mark(Mark.DIFFERS, self.tr("differs"))
            mark.setToolTip(reason_text(_FIELD_REASON[name]))
        else:
            mark.set_mark(Mark.MATCH, self.tr("matches"))

    def _zone_values(self, document: PresentedDocument | None) -> dict[str, str]:
        if self.zone is None or document is None:
            return dict.fromkeys(ZONE_FIELDS, "")
        return {
            "family": document.family_name or "",
            "given": document.given_names or "",
            "born": format_date(document.date_of_birth) if document.date_of_birth else "",
            "nationality": document.nationality or "",
            "expiry": format_date(document.expiry) if document.expiry else "",
        }

    # --- slots ------------------------------------------------------------------------------------------------

    def _on_zone_text_changed(self) -> None:
        text = self.zone_edit.toPlainText()
        result = parse_mrz(text, self._today()) if text.strip() else None
        self.zone = result if result is not None and result.valid else None
        number = self.zone.fields.document_number if self.zone is not None else ""
        current = self.number_edit.text().strip()
        if number and current in ("", self._number_from_zone):
            self.number_edit.blockSignals(True)
            self.number_edit.setText(number)
            self.number_edit.blockSignals(False)
        self._number_from_zone = number
        self._show_zone_status(result)
        self.refresh()

    def _on_face_ok_toggled(self, checked: bool) -> None:
        if checked:
            self.face_wrong.setChecked(False)
        self.changed.emit()

    def _on_face_wrong_toggled(self, checked: bool) -> None:
        if checked:
            self.face_ok.setChecked(False)
        self.changed.emit()

    def _show_zone_status(self, result: MrzResult | None) -> None:
        if result is None:
            self.zone_status.setText("")
        elif result.valid:
            self.zone_status.setText(fill(self.tr("✓ read (%1), check digits hold"), result.format))
            self.zone_status.setStyleSheet(f"color: {Mark.MATCH.value[1]}; font-weight: bold;")
        else:
            problems = "; ".join(mrz_error_text(error) for error in result.errors)
            self.zone_status.setText(
                fill(self.tr("✗ not read correctly: %1. Read it again or type the number."), problems)
            )
            self.zone_status.setStyleSheet(f"color: {Mark.DIFFERS.value[1]}; font-weight: bold;")
        self.zone_status.setAccessibleName(self.zone_status.text())

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("ID check"))
        self.zone_label.setText(self.tr("ID document: passport &zone"))
        self.zone_edit.setAccessibleName(self.tr("Machine-readable zone of the passport or ID card"))
        self.zone_edit.setPlaceholderText(self.tr("the passport reader types it here"))
        captions = {
            "number": self.tr("Document &number"),
            "family": self.tr("Family name"),
            "given": self.tr("Given names"),
            "born": self.tr("Date of birth"),
            "nationality": self.tr("Nationality"),
            "expiry": self.tr("Expiry"),
            "press": self.tr("&Press card number"),
        }
        for name, caption in captions.items():
            self.captions[name].setText(caption)
        self.number_edit.setAccessibleName(self.tr("Document number"))
        self.number_edit.setPlaceholderText(self.tr("type or read it"))
        self.press_edit.setAccessibleName(self.tr("Press card number"))
        self.press_edit.setPlaceholderText(self.tr("last 4, or all"))
        self.letter_box.setText(self.tr("&Editor's letter seen"))
        self.face_ok.setText(self.tr("&Face matches the photo"))
        self.face_ok.setAccessibleName(self.tr("Face matches the photo (required)"))
        self.face_wrong.setText(self.tr("Face does not &match"))
        self._show_zone_status(
            parse_mrz(self.zone_edit.toPlainText(), self._today()) if self.zone_edit.toPlainText().strip() else None
        )
        self.refresh()


def _heading(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSize(max(15, font.pointSize()))
    label.setFont(font)
    return label
