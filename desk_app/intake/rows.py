"""One row of the accreditation list turned into an ``Application``, or into every problem it has.

The columns are documented in the README. Problems are collected, not raised one by one, so the person
fixing the file sees everything wrong in one report.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache, lru_cache
from typing import Any, TypeVar

import pycountry

from badges import fallback_fonts, undrawable
from badges.scripts import needs_shaping
from desk_app.core.model import (
    AccreditationKind,
    Application,
    Category,
    DocumentKind,
    IdDocument,
    PressCredential,
    Status,
)
from desk_app.core.text import capitals, describe_characters, document_number_key, nfc, text_problem
from desk_app.errors import RowProblem
from desk_app.intake.sources import describe_json

COLUMNS = (
    "reference",
    "kind",
    "status",
    "family_name",
    "given_names",
    "date_of_birth",
    "nationality",
    "document_kind",
    "document_number",
    "document_country",
    "document_expiry",
    "press_card_number",
    "press_card_issuer",
    "editor_letter",
    "organisation",
    "organisation_country",
    "category",
    "email",
    "pool",
    "annual_number",
    "photo",
)
# Columns that may be absent from a file's header (their values are then empty).
OPTIONAL_COLUMNS = frozenset({"given_names", "press_card_number", "press_card_issuer", "annual_number", "photo"})

# Codes ICAO 9303 uses besides ISO 3166-1 alpha-3: UN staff, stateless persons, refugees, the EU, Kosovo...
_ICAO_EXTRA_CODES = frozenset(
    {"UNO", "UNA", "UNK", "XXA", "XXB", "XXC", "XXX", "EUE", "XOM", "XPO", "XES", "XCC", "XIM", "XDC", "RKS"}
)
_REFERENCE = re.compile(r"^[A-Z0-9][A-Z0-9-]{2,39}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_YES = {"yes", "y", "true", "1", "oui"}
_NO = {"no", "n", "false", "0", "non", ""}
MAX_TEXT = 200
_NAMES = frozenset({"family_name", "given_names"})  # must show a letter; other fields a letter or a digit

E = TypeVar("E", bound=StrEnum)


@cache
def country_codes() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.countries) | _ICAO_EXTRA_CODES


@dataclass(frozen=True)
class ParsedRow:
    """A valid row: the application, the photo file name it names (checked separately), and the system fonts its
    badge needs besides the shipped DejaVu (a Chinese name: WenQuanYi Zen Hei)."""

    line: int
    application: Application
    photo: str
    fallback_fonts: tuple[str, ...] = ()


class _RowReader:
    def __init__(self, line: int, raw: Mapping[str, Any]) -> None:
        self.line = line
        self.raw = raw
        self.problems: list[RowProblem] = []

    def problem(self, column: str, reason: str) -> None:
        self.problems.append(RowProblem(self.line, column, reason))

    def text(self, column: str, required: bool = True) -> str:
        raw = self.raw.get(column)
        if raw is not None and not isinstance(raw, str):
            self.problem(column, f"is {describe_json(raw)}, not text")
            return ""
        if raw and (problem := text_problem(raw, letters=column in _NAMES)):
            self.problem(column, problem)
            return ""
        value = "" if raw is None else nfc(raw)
        if required and not value:
            self.problem(column, "is empty")
        elif len(value) > MAX_TEXT:
            self.problem(column, f"is longer than {MAX_TEXT} characters")
            return ""
        return value

    def ascii(self, column: str) -> str:
        """A code written in ASCII letters and digits: checked before it is upper-cased, since ``str.upper`` makes
        'I' of a dotless 'ı' and 'FI' of the ligature 'ﬁ', a different code than the one written."""
        value = self.text(column)
        if not value.isascii():
            self.problem(column, f"{value!r} is not written in the letters A-Z and digits")
            return ""
        return value

    def choice(self, column: str, enum: type[E]) -> E | None:
        value = self.text(column).lower()
        if not value:
            return None
        try:
            return enum(value)
        except ValueError:
            self.problem(column, f"{value!r} is not one of {'|'.join(e.value for e in enum)}")
            return None

    def flag(self, column: str) -> bool:
        value = self.raw.get(column)
        if isinstance(value, bool):  # JSON's true and false
            return value
        if value is not None and not isinstance(value, str):
            self.problem(column, f"is {describe_json(value)}, not yes or no")
            return False
        text = "" if value is None else value.strip().lower()
        if text in _YES:
            return True
        if text not in _NO:
            self.problem(column, f"{text!r} is not yes or no")
        return False

    def day(self, column: str, check: Callable[[date], str | None] | None = None) -> date | None:
        value = self.text(column)
        if not value:
            return None
        try:
            parsed = date.fromisoformat(value)
            if len(value) != 10:
                raise ValueError(value)
        except ValueError:
            self.problem(column, f"{value!r} is not a date written YYYY-MM-DD")
            return None
        complaint = check(parsed) if check else None
        if complaint:
            self.problem(column, complaint)
        return parsed

    def printed(self, column: str, value: str) -> tuple[str, ...]:
        """Check that ``value``, printed on the badge, prints as written (never as boxes or letters reversed);
        the fallback fonts it needs."""
        if value.isascii():
            return ()
        fonts, missing = _badge_coverage(value)
        if missing:
            self.problem(column, _cannot_print(missing))
        return fonts

    def country(self, column: str) -> str:
        value = self.text(column).upper()
        if value and value not in country_codes():
            self.problem(column, f"{value!r} is not an ISO 3166-1 alpha-3 country code (e.g. BEL, FRA, UKR)")
        return value


@lru_cache(maxsize=65536)
def _badge_coverage(value: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(fallback fonts, characters no font prints correctly) of a text on the badge; names and organisations repeat."""
    return tuple(fallback_fonts(value)), tuple(undrawable(value))


def _cannot_print(missing: tuple[str, ...]) -> str:
    if any(needs_shaping(c) for c in missing):
        why = "the badge printer cannot lay out this script (written right to left, or with joined letters)"
    else:
        why = "no font on this desk draws them (for Chinese, Japanese and Korean install fonts-wqy-zenhei)"
    listed = describe_characters(list(missing))
    return f"cannot be printed on a badge: {listed} ({why}); give it in Latin letters, as in the passport's MRZ"


def _plausible_birth(day: date) -> str | None:
    return None if date(1900, 1, 1) <= day <= date.today() else "is not a plausible date of birth"


def parse_row(line: int, raw: Mapping[str, Any]) -> ParsedRow | list[RowProblem]:
    """The application in one row, or every problem found in it."""
    r = _RowReader(line, raw)
    reference = r.ascii("reference").upper()
    if reference and not _REFERENCE.match(reference):
        r.problem("reference", f"{reference!r} is not a reference (3-40 letters, digits or dashes)")
    kind = r.choice("kind", AccreditationKind)
    status = r.choice("status", Status)
    family_name = r.text("family_name")
    given_names = r.text("given_names", required=False)
    # the family name prints as written (badge) and in capitals (letter, lists): both forms must print
    fonts = r.printed("family_name", f"{family_name} {capitals(family_name)}") + r.printed("given_names", given_names)
    date_of_birth = r.day("date_of_birth", _plausible_birth)
    nationality = r.country("nationality")
    document_kind = r.choice("document_kind", DocumentKind)
    document_number = r.ascii("document_number").upper()
    if document_number and not 3 <= len(document_number_key(document_number)) <= 30:
        r.problem("document_number", "must have 3 to 30 letters or digits")
    document_country = r.country("document_country")
    document_expiry = r.day("document_expiry")
    editor_letter = r.flag("editor_letter")
    press_card_number = r.text("press_card_number", required=not editor_letter)
    press_card_issuer = r.text("press_card_issuer", required=not editor_letter)
    organisation = r.text("organisation")
    fonts += r.printed("organisation", organisation)
    organisation_country = r.country("organisation_country")
    category = r.choice("category", Category)
    email = r.text("email")
    if email and not _EMAIL.match(email):
        r.problem("email", f"{email!r} is not an email address")
    pool = r.flag("pool")
    annual_number = r.text("annual_number", required=kind is AccreditationKind.ANNUAL)
    photo = r.text("photo", required=False)

    if r.problems:
        return r.problems
    assert kind and status and date_of_birth and document_kind and document_expiry and category
    application = Application(
        reference=reference,
        kind=kind,
        status=status,
        family_name=family_name,
        given_names=given_names,
        date_of_birth=date_of_birth,
        nationality=nationality,
        document=IdDocument(document_kind, document_number, document_country, document_expiry),
        press=PressCredential(press_card_number, press_card_issuer, editor_letter),
        organisation=organisation,
        organisation_country=organisation_country,
        category=category,
        email=email,
        pool=pool,
        annual_number=annual_number,
    )
    return ParsedRow(line, application, photo, tuple(dict.fromkeys(fonts)))
