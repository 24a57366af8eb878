"""The applicant as the accreditation list has them: the photo large, the names large, then every detail staff compare.

Read-only and out of the tab order: staff look at it, they never type in it.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desk_app.core.event import EventConfig
from desk_app.core.model import Application, CodeStatus, Status
from desk_app.core.text import capitals, printable
from desk_app.ui.checkin.texts import (
    category_text,
    code_status_text,
    document_kind_text,
    fill,
    format_date,
    status_text,
)
from desk_app.ui.i18n import Retranslates
from desk_app.ui.words import kind_label

PHOTO_SIZE = QSize(216, 270)
FAMILY_POINT_SIZE = 22
GIVEN_POINT_SIZE = 16
FIELDS = (
    "reference",
    "born",
    "nationality",
    "document",
    "expiry",
    "press",
    "press_issuer",
    "organisation",
    "category",
    "accreditation",
    "pool",
)


class ApplicantPanel(Retranslates, QFrame):
    """Photo, names and details of the person looked up; empty (with a hint) when nobody is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.application: Application | None = None
        self._event: EventConfig | None = None
        self._code = CodeStatus.PLAIN_REFERENCE
        self._photo: QImage | None = None
        self.photo = QLabel(self)
        self.photo.setFixedSize(PHOTO_SIZE)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.family = QLabel(self)
        self.family.setFont(_font(FAMILY_POINT_SIZE, bold=True))
        self.family.setWordWrap(True)
        self.given = QLabel(self)
        self.given.setFont(_font(GIVEN_POINT_SIZE))
        self.given.setWordWrap(True)
        self.captions = {name: QLabel(self) for name in FIELDS}
        self.values = {name: QLabel(self) for name in FIELDS}
        form = QFormLayout()
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(0)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for name in FIELDS:
            self.values[name].setWordWrap(True)
            self.values[name].setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[name].setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            self.captions[name].setStyleSheet("color: #4a535c;")
            form.addRow(self.captions[name], self.values[name])
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self.family)
        words.addWidget(self.given)
        words.addSpacing(4)
        words.addLayout(form)
        words.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(16)
        layout.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(words, 1)
        self.retranslate()

    def show_applicant(
        self, application: Application | None, photo: QImage | None, event: EventConfig, code: CodeStatus
    ) -> None:
        self.application, self._photo, self._event, self._code = application, photo, event, code
        self.retranslate()

    def clear(self) -> None:
        self.application, self._photo = None, None
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Applicant"))
        self.photo.setAccessibleName(self.tr("Photo in the application"))
        captions = {
            "reference": self.tr("Reference"),
            "born": self.tr("Date of birth"),
            "nationality": self.tr("Nationality"),
            "document": self.tr("ID document"),
            "expiry": self.tr("Document expiry"),
            "press": self.tr("Press credential"),
            "press_issuer": self.tr("Issued by"),
            "organisation": self.tr("Organisation"),
            "category": self.tr("Category"),
            "accreditation": self.tr("Accreditation"),
            "pool": self.tr("Pool position"),
        }
        for name, caption in captions.items():
            self.captions[name].setText(caption)
            self.values[name].setAccessibleName(caption)
        self._show_photo()
        self.values["reference"].setStyleSheet("")
        self.values["accreditation"].setStyleSheet("")
        app = self.application
        if app is None or self._event is None:
            self.family.setText(self.tr("No applicant"))
            self.given.setText(self.tr("Scan the printout, or type a reference or a name."))
            for label in self.values.values():
                label.setText("")
            return
        # printable: a database written before the text policy may hold a U+202E that would reverse the label
        self.family.setText(printable(capitals(app.family_name)))
        self.given.setText(printable(app.given_names))
        self.family.setAccessibleName(self.tr("Family name"))
        self.given.setAccessibleName(self.tr("Given names"))
        document = app.document
        values = {
            "reference": f"{app.reference} · {code_status_text(self._code)}",
            "born": format_date(app.date_of_birth),
            "nationality": app.nationality,
            "document": fill(
                self.tr("%1 %2 (%3)"), document_kind_text(document.kind), document.number, document.country
            ),
            "expiry": format_date(document.expiry),
            "press": self.tr("editor's letter")
            if app.press.editor_letter
            else fill(self.tr("press card %1"), app.press.card_number),
            "press_issuer": "" if app.press.editor_letter else app.press.card_issuer,
            "organisation": printable(
                f"{app.organisation} ({app.organisation_country})" if app.organisation_country else app.organisation
            ),
            "category": category_text(app.category),
            "accreditation": f"{kind_label(self._event, app.kind)} — {status_text(app.status)}"
            + (f" — {app.annual_number}" if app.annual_number else ""),
            "pool": self.tr("YES — pool position") if app.pool else self.tr("no"),
        }
        for name, value in values.items():
            self.values[name].setText(value)
        not_approved = app.status is not Status.APPROVED
        self.values["accreditation"].setStyleSheet("color: #b3121f; font-weight: bold;" if not_approved else "")
        unverified = self._code is not CodeStatus.SIGNED_VALID
        self.values["reference"].setStyleSheet(
            "background: #ffd24d; color: #1d1d1d; font-weight: bold;" if unverified else ""
        )

    def _show_photo(self) -> None:
        if self._photo is not None and not self._photo.isNull():
            scaled = self._photo.scaled(
                PHOTO_SIZE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
            self.photo.setPixmap(QPixmap.fromImage(scaled))
            self.photo.setAccessibleDescription(self.tr("The applicant's photo"))
            return
        self.photo.setPixmap(_no_photo(self.tr("No photo") if self.application is not None else ""))
        self.photo.setAccessibleDescription(self.tr("No photo"))


def _no_photo(text: str) -> QPixmap:
    pixmap = QPixmap(PHOTO_SIZE)
    pixmap.fill(QColor("#e4e7eb"))
    painter = QPainter(pixmap)
    painter.setPen(QColor("#6b747d"))
    painter.setFont(_font(14))
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return pixmap


def _font(points: int, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSize(points)
    font.setBold(bold)
    return font
