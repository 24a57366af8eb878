"""Compare what is presented at the counter with the application, field by field.

Each field that differs is named, so staff see exactly what does not match. A press card is confirmed by its full
number or by its last four letters and digits: the clerk still has to read them off the card, in four keystrokes
rather than twelve.
"""

from __future__ import annotations

from desk_app.core.model import Application, PresentedDocument, PresentedPress, Reason
from desk_app.core.mrz import iso_nationality, truncated_parts
from desk_app.core.text import document_number_key, same_name


def document_mismatches(application: Application, presented: PresentedDocument) -> list[Reason]:
    """Every field of the presented document that differs from the application; fields not read are skipped.

    Names match in any MRZ spelling of the application's name (a name that filled the MRZ field may be cut short);
    nationalities compare as ISO codes, so a German zone's 'D' is DEU.
    """
    expected = application.document
    reasons: list[Reason] = []
    family_cut, given_cut = truncated_parts(presented.family_name, presented.given_names)
    if document_number_key(presented.number) != document_number_key(expected.number):
        reasons.append(Reason.DOCUMENT_NUMBER_MISMATCH)
    if presented.family_name is not None and not same_name(
        application.family_name, presented.family_name, truncated=family_cut
    ):
        reasons.append(Reason.FAMILY_NAME_MISMATCH)
    if presented.given_names is not None and not same_name(
        application.given_names, presented.given_names, truncated=given_cut
    ):
        reasons.append(Reason.GIVEN_NAMES_MISMATCH)
    if presented.date_of_birth is not None and presented.date_of_birth != application.date_of_birth:
        reasons.append(Reason.DATE_OF_BIRTH_MISMATCH)
    if presented.nationality is not None and iso_nationality(presented.nationality) != iso_nationality(
        application.nationality
    ):
        reasons.append(Reason.NATIONALITY_MISMATCH)
    if presented.expiry is not None and presented.expiry != expected.expiry:
        reasons.append(Reason.EXPIRY_MISMATCH)
    return reasons


def press_mismatches(application: Application, presented: PresentedPress) -> list[Reason]:
    if application.press.editor_letter:
        return [] if presented.editor_letter_seen else [Reason.EDITOR_LETTER_EXPECTED]
    if presented.card_number is None:
        return [Reason.PRESS_CARD_EXPECTED]
    if not same_press_card(presented.card_number, application.press.card_number):
        return [Reason.PRESS_CARD_MISMATCH]
    return []


PRESS_CARD_TAIL = 4


def same_press_card(presented: str, expected: str) -> bool:
    """The number read off the card is the application's: all of it, or its end, at least ``PRESS_CARD_TAIL``
    letters and digits (compared without case, spaces or dashes)."""
    typed, full = document_number_key(presented), document_number_key(expected)
    return bool(full) and (typed == full or (len(typed) >= PRESS_CARD_TAIL and full.endswith(typed)))


def press_presented(presented: PresentedPress | None) -> bool:
    return presented is not None and (presented.editor_letter_seen or bool(presented.card_number))
