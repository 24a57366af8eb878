"""Fictional applicants for the demo database and for benchmarks: deterministic, valid and varied.

``generate_rows`` gives accreditation-list rows exactly as the platform would export them (every column of
``desk_app.intake.rows.COLUMNS``), so the demo and the benchmarks go through the real importer. The same
seed always gives the same rows. ``desk_app.demo.build`` turns them into a ready-to-try desk database.
"""

from __future__ import annotations

import csv
import random
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from functools import cache
from pathlib import Path
from typing import TypeVar

from desk_app.core.model import (
    AccreditationKind,
    Category,
    DocumentKind,
    Status,
)
from desk_app.demo.people import (
    BROADCAST_WORDS,
    BRUSSELS_OUTLETS,
    COUNTRIES,
    PHOTO_WORDS,
    POOLS,
    PRINT_WORDS,
    Country,
    NamePool,
    ascii_handle,
)
from desk_app.demo.photos import write_portrait
from desk_app.intake.rows import COLUMNS

Row = dict[str, str]
T = TypeVar("T")

# Rows hold the enums' text values; the hot loop works on those directly.
_MINISTERIAL, _ANNUAL = AccreditationKind.MINISTERIAL.value, AccreditationKind.ANNUAL.value
_KINDS = ((_MINISTERIAL, 70), (_ANNUAL, 30))
_STATUSES = tuple(
    (s.value, w)
    for s, w in (
        (Status.APPROVED, 85),
        (Status.PENDING, 6),
        (Status.REJECTED, 3),
        (Status.WITHDRAWN, 3),
        (Status.REVOKED, 3),
    )
)
_APPROVED, _PENDING, _REVOKED = Status.APPROVED.value, Status.PENDING.value, Status.REVOKED.value
_WRITER, _PHOTOGRAPHER, _CAMERA = Category.WRITER.value, Category.PHOTOGRAPHER.value, Category.CAMERA.value
_CATEGORIES = (
    (_WRITER, 45),
    (_PHOTOGRAPHER, 20),
    (_CAMERA, 18),
    (Category.RADIO.value, 9),
    (Category.TECHNICIAN.value, 8),
)
_PASSPORT, _ID_CARD = DocumentKind.PASSPORT.value, DocumentKind.ID_CARD.value
_REFERENCE_PREFIX = {_MINISTERIAL: "DM24-", _ANNUAL: "AN24-"}
_ANNUAL_PREFIX = "NATO-A24-"
# Documents avoid I, O and Q next to 1 and 0.
_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"
_DIGITS = "0123456789"
_SHAPE_CHARS = {"L": _LETTERS, "D": _DIGITS, "A": _LETTERS + _DIGITS}
_EMAIL_DOMAINS = ("example.org", "example.com", "example.net")
_IFJ = "International Federation of Journalists"

_BIRTHS = (date(1958, 1, 1), date(2001, 12, 31))
_EXPIRIES = (date(2024, 3, 1), date(2034, 1, 31))
_EXPIRED = (date(2023, 3, 1), date(2024, 2, 13))  # before the event's last day: refused at the desk

SHARE_EDITOR_LETTER = 0.08
SHARE_IFJ_CARD = 0.18
SHARE_EXPIRED_DOCUMENT = 0.03
SHARE_WITHOUT_PHOTO = 0.04
SHARE_ID_CARD = 0.35  # where the country's ID card is a travel document
SHARE_BRUSSELS_OUTLET = 0.12
SHARE_TWO_GIVEN_NAMES = 0.10
POOL_SHARE = {_PHOTOGRAPHER: 0.22, _CAMERA: 0.22}
POOL_SHARE_OTHERS = 0.03


def _lottery(pairs: Iterable[tuple[T, int]]) -> tuple[T, ...]:
    """Each value repeated by its weight: a weighted draw becomes one index, as cheap as a uniform one."""
    return tuple(value for value, weight in pairs for _ in range(weight))


@cache
def _day_texts(first: date, last: date) -> tuple[str, ...]:
    """Every day from first to last as ISO text, so drawing a date is drawing an index."""
    start = first.toordinal()
    return tuple(date.fromordinal(day).isoformat() for day in range(start, last.toordinal() + 1))


def _spread(count: int, pairs: Sequence[tuple[T, int]], rng: random.Random) -> list[T]:
    """``count`` weighted draws in which, given room, every value appears at least once.

    A demo of 20 people must still show a revoked and a withdrawn application; a missing value takes the
    place of a draw of the most common value, which therefore never disappears.
    """
    lottery = _lottery(pairs)
    values = rng.choices(lottery, k=count)
    if count < len(pairs):
        return values
    counts = Counter(values)
    for missing in (value for value, _ in pairs if counts[value] == 0):
        common = counts.most_common(1)[0][0]
        index = rng.choice([i for i, v in enumerate(values) if v == common])
        values[index] = missing
        counts[common] -= 1
        counts[missing] += 1
    return values


@cache
def _runs(shape: str) -> tuple[tuple[str, int], ...]:
    """'LLDDDDDDD' as ((letters, 2), (digits, 7))."""
    runs: list[tuple[str, int]] = []
    for code in shape:
        chars = _SHAPE_CHARS[code]
        if runs and runs[-1][0] is chars:
            runs[-1] = (chars, runs[-1][1] + 1)
        else:
            runs.append((chars, 1))
    return tuple(runs)


class _Applicants:
    """Draws one fictional applicant after another from a seeded random source.

    Draws are written out as ``values[int(r() * len(values))]`` rather than a helper call: the benchmarks
    ask for 100,000 rows at a time and a call per draw would double the time.
    """

    def __init__(self, rng: random.Random) -> None:
        self.r = rng.random
        self._pools = _lottery((p, p.weight) for p in POOLS)
        self._categories = _lottery(_CATEGORIES)
        self._births = _day_texts(*_BIRTHS)
        self._expiries = _day_texts(*_EXPIRIES)
        self._expired = _day_texts(*_EXPIRED)
        self._handles: dict[tuple[str, str, str], str] = {}
        self._emails: Counter[str] = Counter()

    def row(self, reference: str, kind: str, status: str, annual_number: str) -> Row:
        r = self.r
        pool = self._pools[int(r() * len(self._pools))]
        family, given = self._name(pool)
        nationality = pool.nationalities[int(r() * len(pool.nationalities))]
        country = COUNTRIES[nationality]
        document_kind, document_number = self._document(country)
        category = self._categories[int(r() * len(self._categories))]
        organisation, organisation_country = self._organisation(country, category)
        card_number, card_issuer = self._press_card(country, organisation)
        expiries = self._expired if r() < SHARE_EXPIRED_DOCUMENT else self._expiries
        return {
            "reference": reference,
            "kind": kind,
            "status": status,
            "family_name": family,
            "given_names": given,
            "date_of_birth": self._births[int(r() * len(self._births))],
            "nationality": nationality,
            "document_kind": document_kind,
            "document_number": document_number,
            "document_country": nationality,
            "document_expiry": expiries[int(r() * len(expiries))],
            "press_card_number": card_number,
            "press_card_issuer": card_issuer,
            "editor_letter": "no" if card_number else "yes",
            "organisation": organisation,
            "organisation_country": organisation_country,
            "category": category,
            "email": self._email(pool, given, family),
            "pool": "yes" if r() < POOL_SHARE.get(category, POOL_SHARE_OTHERS) else "no",
            "annual_number": annual_number,
            "photo": "" if r() < SHARE_WITHOUT_PHOTO else f"{reference}.jpg",
        }

    def _name(self, pool: NamePool) -> tuple[str, str]:
        """Family and given names of one sex from one pool; sometimes two of either."""
        r = self.r
        families, givens = (pool.family_female, pool.given_female) if r() < 0.5 else (pool.family_male, pool.given_male)
        family = families[int(r() * len(families))]
        if r() < pool.double_family:
            second = families[int(r() * len(families))]
            family = family if second == family else f"{family} {second}"
        given = givens[int(r() * len(givens))]
        if r() < SHARE_TWO_GIVEN_NAMES:
            second = givens[int(r() * len(givens))]
            given = given if second == given else f"{given} {second}"
        return family, given

    def _document(self, country: Country) -> tuple[str, str]:
        if country.id_card_shape and self.r() < SHARE_ID_CARD:
            return _ID_CARD, self._shaped(country.id_card_shape)
        return _PASSPORT, self._shaped(country.passport_shape)

    def _shaped(self, shape: str) -> str:
        """A number of the given shape, drawn a run of like characters at a time (digits in one draw)."""
        r = self.r
        parts = []
        for chars, length in _runs(shape):
            if chars is _DIGITS:
                parts.append(f"{int(r() * 10**length):0{length}d}")
            else:
                parts.extend([chars[int(r() * len(chars))] for _ in range(length)])
        return "".join(parts)

    def _organisation(self, country: Country, category: str) -> tuple[str, str]:
        """A fictional outlet of the journalist's country, or a Brussels-based one."""
        r = self.r
        if r() < SHARE_BRUSSELS_OUTLET:
            return BRUSSELS_OUTLETS[int(r() * len(BRUSSELS_OUTLETS))], "BEL"
        if category == _WRITER:
            first, second = PRINT_WORDS
        elif category == _PHOTOGRAPHER:
            first, second = PHOTO_WORDS if r() < 0.7 else PRINT_WORDS
        else:
            first, second = BROADCAST_WORDS
        city = country.cities[int(r() * len(country.cities))]
        return f"{city} {first[int(r() * len(first))]} {second[int(r() * len(second))]}", country.code

    def _press_card(self, country: Country, organisation: str) -> tuple[str, str]:
        """Number and issuer of the press card; both empty for the few who bring an editor's letter."""
        draw = self.r()
        if draw < SHARE_EDITOR_LETTER:
            return "", ""
        digits = f"{int(self.r() * 1_000_000):06d}"
        if draw < SHARE_EDITOR_LETTER + SHARE_IFJ_CARD:
            return f"IFJ-{country.code}-{digits[1:]}", _IFJ
        if not country.press_issuer:  # no national press card: the employer issues one
            initials = "".join(w[0] for w in organisation.split() if w[0].isalpha()).upper()
            return f"{initials}-{digits}", organisation
        return f"{country.press_prefix}-{digits}", country.press_issuer

    def _email(self, pool: NamePool, given: str, family: str) -> str:
        """given.family@ an example domain, numbered from the second person of the same name."""
        key = (pool.key, given, family)
        handle = self._handles.get(key)
        if handle is None:
            first = ascii_handle(given.split()[0], pool.key) or "applicant"
            handle = self._handles[key] = f"{first}.{ascii_handle(family, pool.key)}"
        seen = self._emails[handle]
        self._emails[handle] = seen + 1
        numbered = f"{handle}{seen + 1}" if seen else handle
        return f"{numbered}@{_EMAIL_DOMAINS[int(self.r() * len(_EMAIL_DOMAINS))]}"


def generate_rows(count: int, seed: int = 2024) -> list[Row]:
    """``count`` fictional applications as list rows keyed by ``COLUMNS``; the same seed, the same rows."""
    rng = random.Random(seed)
    kinds = _spread(count, _KINDS, rng)
    statuses = _spread(count, _STATUSES, rng)
    applicants = _Applicants(rng)
    numbers = {_MINISTERIAL: 100, _ANNUAL: 100}
    annual_number = 0
    rows: list[Row] = []
    for kind, status in zip(kinds, statuses, strict=True):
        numbers[kind] += 1 + int(rng.random() * 4)  # gaps, as withdrawn drafts leave on the platform
        annual = ""
        if kind == _ANNUAL:
            annual_number += 1
            annual = f"{_ANNUAL_PREFIX}{annual_number:04d}"
        rows.append(applicants.row(f"{_REFERENCE_PREFIX[kind]}{numbers[kind]:06d}", kind, status, annual))
    return rows


def write_csv(rows: Iterable[Row], path: Path, delimiter: str = ",") -> None:
    """The rows as the platform exports them: UTF-8, a header of ``COLUMNS``."""
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=delimiter)
        writer.writerow(COLUMNS)
        writer.writerows([row.get(column, "") for column in COLUMNS] for row in rows)


def write_photos(rows: Iterable[Row], folder: Path, size: tuple[int, int] = (360, 450)) -> int:
    """One placeholder portrait per row that names a photo, under that name; the number written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for row in rows:
        if row.get("photo"):
            write_portrait(folder / row["photo"], row["reference"], size)
            written += 1
    return written
