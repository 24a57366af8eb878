"""The desk's domain: applications, badges, evidence, verdicts and log entries.

Plain frozen dataclasses and enums, no I/O: every other layer speaks in these terms.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime

from desk_app.core.text import capitals


class AccreditationKind(enum.StrEnum):
    MINISTERIAL = "ministerial"
    ANNUAL = "annual"


class Status(enum.StrEnum):
    APPROVED = "approved"
    PENDING = "pending"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    REVOKED = "revoked"


class DocumentKind(enum.StrEnum):
    PASSPORT = "passport"
    ID_CARD = "id_card"


class Category(enum.StrEnum):
    WRITER = "writer"
    PHOTOGRAPHER = "photographer"
    CAMERA = "camera"
    RADIO = "radio"
    TECHNICIAN = "technician"


class Role(enum.StrEnum):
    COUNTER = "counter"
    PASS_OFFICE = "pass_office"
    SUPERVISOR = "supervisor"


@dataclass(frozen=True)
class IdDocument:
    kind: DocumentKind
    number: str
    country: str
    expiry: date


@dataclass(frozen=True)
class PressCredential:
    """A press card (number and issuer) or, when ``editor_letter`` is set, an editor's letter."""

    card_number: str = ""
    card_issuer: str = ""
    editor_letter: bool = False


@dataclass(frozen=True)
class Application:
    reference: str
    kind: AccreditationKind
    status: Status
    family_name: str
    given_names: str
    date_of_birth: date
    nationality: str
    document: IdDocument
    press: PressCredential
    organisation: str
    organisation_country: str
    category: Category
    email: str
    pool: bool = False
    annual_number: str = ""
    photo_sha256: str = ""

    @property
    def display_name(self) -> str:
        return f"{capitals(self.family_name)}, {self.given_names}".strip(", ")


class BadgeState(enum.StrEnum):
    """Where a badge stands. Only PRINTING and ISSUED hold the person's one badge."""

    PRINTING = "printing"  # the job is at the printer: the person is not served yet, nor can another desk serve them
    ISSUED = "issued"
    PRINT_FAILED = "print_failed"
    VOIDED = "voided"


@dataclass(frozen=True)
class Badge:
    """A badge with its serial; ``voided_at`` is set when it stops counting (voided, or its print failed)."""

    serial: str
    reference: str
    kind: AccreditationKind
    issued_at: datetime
    entrance: str
    desk: str
    staff: str
    voided_at: datetime | None = None
    state: BadgeState = BadgeState.ISSUED

    @property
    def active(self) -> bool:
        return self.voided_at is None


class CardState(enum.StrEnum):
    """Where a card printed the night before stands; RESERVED and PREPRINTED are the person's card to come."""

    RESERVED = "reserved"  # the serial is the person's, the card is not printed (yet, or its print failed)
    PREPRINTED = "preprinted"  # printed and in its box, waiting for its holder
    HANDED_OVER = "handed_over"  # its barcode was scanned at the counter: it is the holder's badge now
    VOIDED = "voided"  # lost, damaged, the holder served otherwise, or destroyed unclaimed at the close


@dataclass(frozen=True)
class Card:
    """A pre-printed card: a reserved serial, its place in the boxes (box 3, slot 17) and what became of it."""

    serial: str
    reference: str
    kind: AccreditationKind
    box: int
    slot: int
    state: CardState
    reserved_at: datetime
    printed_at: datetime | None = None
    handed_over_at: datetime | None = None
    voided_at: datetime | None = None
    void_reason: str = ""
    printed_details: str = ""  # what the card printed about its holder, as a digest (``rules.printed_details``)

    @property
    def waiting(self) -> bool:
        """Still the holder's card to come (reserved or in its box)."""
        return self.state in (CardState.RESERVED, CardState.PREPRINTED)


@dataclass(frozen=True)
class StaffMember:
    login: str
    full_name: str
    role: Role
    active: bool = True


class CodeStatus(enum.StrEnum):
    """What the desk made of the scanned or typed code."""

    SIGNED_VALID = "signed_valid"
    PLAIN_REFERENCE = "plain_reference"
    INVALID = "invalid"
    OTHER_EVENT = "other_event"
    KIND_MISMATCH = "kind_mismatch"


@dataclass(frozen=True)
class PresentedDocument:
    """The ID document at the counter, as read from its MRZ or typed by staff.

    Fields left ``None`` were not read (a typed document number gives only the number).
    """

    number: str
    family_name: str | None = None
    given_names: str | None = None
    date_of_birth: date | None = None
    nationality: str | None = None
    expiry: date | None = None


@dataclass(frozen=True)
class PresentedPress:
    card_number: str | None = None
    editor_letter_seen: bool = False


@dataclass(frozen=True)
class Evidence:
    """Everything shown at the counter for one check-in."""

    code: CodeStatus
    document: PresentedDocument | None = None
    press: PresentedPress | None = None
    face_matches: bool | None = None  # staff's comparison of the face with the photo; None: not said


class Outcome(enum.StrEnum):
    ISSUE = "ISSUE"
    REDIRECT = "REDIRECT"
    REFUSE = "REFUSE"
    NEEDS_SUPERVISOR = "NEEDS_SUPERVISOR"


class Reason(enum.StrEnum):
    """Why a verdict is what it is. Names are stable: they go to the log, JSON and reports."""

    NOT_FOUND = "NOT_FOUND"
    INVALID_CODE = "INVALID_CODE"
    CODE_FOR_OTHER_EVENT = "CODE_FOR_OTHER_EVENT"
    CODE_KIND_MISMATCH = "CODE_KIND_MISMATCH"
    UNSIGNED_REFERENCE_NOT_ALLOWED = "UNSIGNED_REFERENCE_NOT_ALLOWED"
    NOT_APPROVED = "NOT_APPROVED"
    REJECTED = "REJECTED"
    WITHDRAWN = "WITHDRAWN"
    REVOKED = "REVOKED"
    OUTSIDE_VALIDITY = "OUTSIDE_VALIDITY"
    ALREADY_ISSUED = "ALREADY_ISSUED"
    WRONG_ENTRANCE = "WRONG_ENTRANCE"
    ID_DOCUMENT_NOT_PRESENTED = "ID_DOCUMENT_NOT_PRESENTED"
    PRESS_CREDENTIAL_NOT_PRESENTED = "PRESS_CREDENTIAL_NOT_PRESENTED"
    DOCUMENT_EXPIRED = "DOCUMENT_EXPIRED"
    DOCUMENT_NUMBER_MISMATCH = "DOCUMENT_NUMBER_MISMATCH"
    FAMILY_NAME_MISMATCH = "FAMILY_NAME_MISMATCH"
    GIVEN_NAMES_MISMATCH = "GIVEN_NAMES_MISMATCH"
    DATE_OF_BIRTH_MISMATCH = "DATE_OF_BIRTH_MISMATCH"
    NATIONALITY_MISMATCH = "NATIONALITY_MISMATCH"
    EXPIRY_MISMATCH = "EXPIRY_MISMATCH"
    PRESS_CARD_MISMATCH = "PRESS_CARD_MISMATCH"
    EDITOR_LETTER_EXPECTED = "EDITOR_LETTER_EXPECTED"
    PRESS_CARD_EXPECTED = "PRESS_CARD_EXPECTED"
    FACE_MISMATCH = "FACE_MISMATCH"
    HELD_AFTER_FORGERY = "HELD_AFTER_FORGERY"
    REFERENCE_NOT_VERIFIED = "REFERENCE_NOT_VERIFIED"
    SUPERVISOR_OVERRIDE = "SUPERVISOR_OVERRIDE"
    WRONG_CARD = "WRONG_CARD"  # the card scanned at the hand-over is not this person's pre-printed card
    CARD_WITHHELD = "CARD_WITHHELD"  # this person's card, but void or no longer what the list says: not handed over


@dataclass(frozen=True)
class ForgeryAttempt:
    """A printout for this reference that was refused as forged, tampered or of another event: where and when."""

    seq: int
    at: datetime
    entrance: str
    desk: str
    staff: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Verdict:
    """The one answer the desk gives. ``reasons`` explain it; for ISSUE they are notes only."""

    outcome: Outcome
    reasons: tuple[Reason, ...] = ()
    redirect_to: str | None = None
    prior_badge: Badge | None = None
    prior_forgery: ForgeryAttempt | None = None

    @property
    def issues_badge(self) -> bool:
        return self.outcome is Outcome.ISSUE


class Action(enum.StrEnum):
    """What a log entry records."""

    CHECKIN = "CHECKIN"
    LOOKUP = "LOOKUP"
    ISSUE = "ISSUE"
    PRINT = "PRINT"
    PRINT_FAILED = "PRINT_FAILED"
    REPRINT = "REPRINT"
    VOID = "VOID"
    OVERRIDE = "OVERRIDE"
    IMPORT = "IMPORT"
    IMPORT_REJECTED = "IMPORT_REJECTED"  # a list refused, nothing imported: who tried, the file's hash, how much
    EVENT_CONFIGURED = "EVENT_CONFIGURED"
    STAFF_ADDED = "STAFF_ADDED"
    STAFF_DISABLED = "STAFF_DISABLED"
    STAFF_ENABLED = "STAFF_ENABLED"
    LOGIN = "LOGIN"
    LOGIN_FAILED = "LOGIN_FAILED"
    BACKUP = "BACKUP"
    KEY_INSTALLED = "KEY_INSTALLED"
    PURGE = "PURGE"
    ABANDONED = "ABANDONED"  # a check-in left unfinished: the next person's printout was scanned, or Escape
    SCAN_IGNORED = "SCAN_IGNORED"  # a scan the desk did not take (locked, at the login, a form open)
    CARD_RESERVED = "CARD_RESERVED"  # a serial reserved for a card printed the night before (box and slot)
    CARD_PRINTED = "CARD_PRINTED"  # the card's print job completed: it is in its box
    CARD_PRINT_FAILED = "CARD_PRINT_FAILED"  # the card was not printed: its serial stays reserved, unprinted
    CARD_VOIDED = "CARD_VOIDED"  # a card that never reached its holder is void (lost, damaged, unclaimed)
    STOCK_CLOSED = "STOCK_CLOSED"  # the end of the event: every unclaimed card destroyed, the stock signed off


@dataclass(frozen=True)
class LogRecord:
    """A log line before it is appended: the store adds the sequence number and hashes."""

    time: datetime
    action: Action
    entrance: str = ""
    desk: str = ""
    staff: str = ""
    reference: str = ""
    outcome: str = ""
    reasons: tuple[str, ...] = ()
    detail: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class LogEntry:
    """A log line as stored: its place in the chain and the hashes that make it tamper-evident."""

    seq: int
    record: LogRecord
    prev_hash: str
    entry_hash: str
