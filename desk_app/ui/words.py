"""The desk's domain words in the language in use: roles, outcomes, log actions, entrances, badge kinds.

The domain enums keep their stable English values (they go to the log and the reports); people see these. Each
table marks its texts with ``QT_TRANSLATE_NOOP`` so that ``pyside6-lupdate`` collects them, and they are
translated when shown, so a language switch takes effect on the next call.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from desk_app.core.event import EventConfig
from desk_app.core.model import AccreditationKind, Action, Outcome, Role
from desk_app.messages import QT_TRANSLATE_NOOP

CONTEXT = "Words"

ROLE = {
    Role.COUNTER: QT_TRANSLATE_NOOP("Words", "Counter staff"),
    Role.PASS_OFFICE: QT_TRANSLATE_NOOP("Words", "Pass-office staff"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("Words", "Supervisor"),
}

OUTCOME = {
    Outcome.ISSUE: QT_TRANSLATE_NOOP("Words", "Issue badge"),
    Outcome.REDIRECT: QT_TRANSLATE_NOOP("Words", "Wrong entrance"),
    Outcome.REFUSE: QT_TRANSLATE_NOOP("Words", "Refused"),
    Outcome.NEEDS_SUPERVISOR: QT_TRANSLATE_NOOP("Words", "Supervisor needed"),
}

ACTION = {
    Action.CHECKIN: QT_TRANSLATE_NOOP("Words", "Check-in"),
    Action.LOOKUP: QT_TRANSLATE_NOOP("Words", "Lookup"),
    Action.ISSUE: QT_TRANSLATE_NOOP("Words", "Badge handed over"),
    Action.PRINT: QT_TRANSLATE_NOOP("Words", "Print sent"),
    Action.PRINT_FAILED: QT_TRANSLATE_NOOP("Words", "Print failed"),
    Action.REPRINT: QT_TRANSLATE_NOOP("Words", "Reprint"),
    Action.VOID: QT_TRANSLATE_NOOP("Words", "Badge voided"),
    Action.OVERRIDE: QT_TRANSLATE_NOOP("Words", "Supervisor override"),
    Action.IMPORT: QT_TRANSLATE_NOOP("Words", "List imported"),
    Action.IMPORT_REJECTED: QT_TRANSLATE_NOOP("Words", "List refused"),
    Action.EVENT_CONFIGURED: QT_TRANSLATE_NOOP("Words", "Event configured"),
    Action.STAFF_ADDED: QT_TRANSLATE_NOOP("Words", "Staff added"),
    Action.STAFF_DISABLED: QT_TRANSLATE_NOOP("Words", "Staff disabled"),
    Action.STAFF_ENABLED: QT_TRANSLATE_NOOP("Words", "Staff enabled"),
    Action.LOGIN: QT_TRANSLATE_NOOP("Words", "PIN accepted"),
    Action.LOGIN_FAILED: QT_TRANSLATE_NOOP("Words", "PIN refused"),
    Action.BACKUP: QT_TRANSLATE_NOOP("Words", "Backup made"),
    Action.KEY_INSTALLED: QT_TRANSLATE_NOOP("Words", "Key installed"),
    Action.PURGE: QT_TRANSLATE_NOOP("Words", "Personal data purged"),
    Action.ABANDONED: QT_TRANSLATE_NOOP("Words", "Check-in left unfinished"),
    Action.SCAN_IGNORED: QT_TRANSLATE_NOOP("Words", "Scan not taken"),
    Action.CARD_RESERVED: QT_TRANSLATE_NOOP("Words", "Card reserved"),
    Action.CARD_PRINTED: QT_TRANSLATE_NOOP("Words", "Card pre-printed"),
    Action.CARD_PRINT_FAILED: QT_TRANSLATE_NOOP("Words", "Card not printed"),
    Action.CARD_VOIDED: QT_TRANSLATE_NOOP("Words", "Card voided"),
    Action.STOCK_CLOSED: QT_TRANSLATE_NOOP("Words", "Card stock closed"),
}

SCANNER = {
    "keyboard": QT_TRANSLATE_NOOP("Words", "USB scanner that types (keyboard)"),
    "serial": QT_TRANSLATE_NOOP("Words", "Serial scanner"),
    "camera": QT_TRANSLATE_NOOP("Words", "Webcam"),
}

BADGE_SIZE = {
    "card": QT_TRANSLATE_NOOP("Words", "ID card (85.6 × 54 mm)"),
    "a6": QT_TRANSLATE_NOOP("Words", "A6 sheet"),
}


def word(source: str) -> str:
    """One of the texts above, in the language in use."""
    return QCoreApplication.translate(CONTEXT, source)


def role_name(role: Role) -> str:
    return word(ROLE[role])


def outcome_name(outcome: str) -> str:
    """A log entry's outcome (empty for entries that are not verdicts) in words."""
    try:
        return word(OUTCOME[Outcome(outcome)])
    except ValueError:
        return outcome


def action_name(action: Action) -> str:
    return word(ACTION[action])


def in_french() -> bool:
    """Whether the desk speaks French now, for the event's own bilingual texts (``name`` / ``name_fr``).

    ``desk_app.ui.i18n.Translations`` keeps Qt's default locale on the language in use.
    """
    return QLocale().language() == QLocale.Language.French


def entrance_name(event: EventConfig, key: str) -> str:
    entrance = event.entrances.get(key)
    if entrance is None:
        return key
    return entrance.name_fr if in_french() else entrance.name


def kind_label(event: EventConfig, kind: AccreditationKind) -> str:
    badge = event.badge_kinds.get(kind)
    if badge is None:
        return kind.value
    return badge.label_fr if in_french() else badge.label


def event_name(event: EventConfig) -> str:
    return event.name_fr if in_french() else event.name
