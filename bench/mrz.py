"""Benchmark of the ID check: parse a machine-readable zone as a reader types it and compare it with the application.

Each sample is one check: ``parse_mrz`` on the typed text, then ``document_mismatches`` against the application,
names transliterated on both sides. The samples rotate over a Latin, a Cyrillic and a Greek applicant and over the
three zone formats, so no one spelling path is measured alone.
"""

from __future__ import annotations

import statistics
import time
from datetime import date

from bench.foundation import Figure, percentile
from desk_app.core.identity import document_mismatches
from desk_app.core.model import (
    AccreditationKind,
    Application,
    Category,
    DocumentKind,
    IdDocument,
    PressCredential,
    Status,
)
from desk_app.core.mrz import check_digit, parse_mrz, to_presented

TODAY = date(2024, 2, 14)


def application(family: str, given: str, born: date, nationality: str, number: str, expiry: date) -> Application:
    """An approved ministerial application, as tests/conftest.py builds one."""
    return Application(
        reference="DM24-000001",
        kind=AccreditationKind.MINISTERIAL,
        status=Status.APPROVED,
        family_name=family,
        given_names=given,
        date_of_birth=born,
        nationality=nationality,
        document=IdDocument(DocumentKind.PASSPORT, number, nationality, expiry),
        press=PressCredential("DJV-48213", "Deutscher Journalisten-Verband"),
        organisation="Rheinische Post",
        organisation_country=nationality,
        category=Category.WRITER,
        email="press@example.org",
    )


def _with_check(field: str) -> str:
    return field + str(check_digit(field))


def td3(name: str, number: str, state: str, born: date, expiry: date) -> str:
    """A passport zone as a reader types it: two lines, CRLF ends."""
    bottom = _with_check(number.ljust(9, "<")) + state.ljust(3, "<") + _with_check(born.strftime("%y%m%d")) + "M"
    bottom += _with_check(expiry.strftime("%y%m%d")) + "<" * 14 + "0"  # no personal number
    bottom += str(check_digit(bottom[0:10] + bottom[13:20] + bottom[21:43]))
    return ("P<" + state.ljust(3, "<") + name).ljust(44, "<") + "\r\n" + bottom


def td1(name: str, number: str, state: str, born: date, expiry: date) -> str:
    """An identity card zone typed in lower case on one line, as some readers do."""
    top = ("I<" + state.ljust(3, "<") + _with_check(number.ljust(9, "<"))).ljust(30, "<")
    middle = _with_check(born.strftime("%y%m%d")) + "F" + _with_check(expiry.strftime("%y%m%d"))
    middle = (middle + state.ljust(3, "<")).ljust(29, "<")
    middle += str(check_digit(top[5:30] + middle[0:7] + middle[8:15] + middle[18:29]))
    return (top + middle + name.ljust(30, "<")).lower()


def td2(name: str, number: str, state: str, born: date, expiry: date) -> str:
    """A TD2 card zone with '>' for every filler, as a reader set to another keyboard layout types it."""
    bottom = _with_check(number.ljust(9, "<")) + state.ljust(3, "<") + _with_check(born.strftime("%y%m%d")) + "F"
    bottom = (bottom + _with_check(expiry.strftime("%y%m%d"))).ljust(35, "<")
    bottom += str(check_digit(bottom[0:10] + bottom[13:20] + bottom[21:35]))
    return (("I<" + state.ljust(3, "<") + name).ljust(36, "<") + "\n" + bottom).replace("<", ">")


def cases() -> list[tuple[Application, str]]:
    """Applicants in three scripts, each with the zone of the document they show."""
    mueller = application("Müller", "Jürgen Karl", date(1981, 3, 9), "DEU", "C01X00T47", date(2031, 8, 1))
    shevchenko = application("Шевченко", "Юлія Олегівна", date(1990, 5, 17), "UKR", "FA123456", date(2030, 1, 9))
    papadopoulou = application("Παπαδοπούλου", "Ευαγγελία", date(1975, 11, 2), "GRC", "AN1234567", date(2029, 6, 30))
    return [
        (mueller, td3("MUELLER<<JUERGEN<KARL", "C01X00T47", "D", mueller.date_of_birth, mueller.document.expiry)),
        (shevchenko, td1("SHEVCHENKO<<YULIIA<OLEHIVNA", "FA123456", "UKR", date(1990, 5, 17), date(2030, 1, 9))),
        (papadopoulou, td2("PAPADOPOULOU<<EVANGELIA", "AN1234567", "GRC", date(1975, 11, 2), date(2029, 6, 30))),
    ]


def bench_parse_and_compare(iterations: int) -> Figure:
    pairs = cases()
    for person, zone in pairs:  # the benchmark measures a passing check, not a failing one
        result = parse_mrz(zone, TODAY)
        assert result.valid, result.errors
        assert document_mismatches(person, to_presented(result)) == [], person.family_name
    samples = []
    for i in range(iterations):
        person, zone = pairs[i % len(pairs)]
        start = time.perf_counter()
        document_mismatches(person, to_presented(parse_mrz(zone, TODAY)))
        samples.append((time.perf_counter() - start) * 1000)
    median = statistics.median(samples)
    return Figure(
        "MRZ parse and compare with the application (TD1/TD2/TD3; Latin, Cyrillic, Greek names)",
        median,
        "ms p50",
        "< 0.2 ms",
        median < 0.2,
        f"p99 {percentile(samples, 0.99):.3f} ms over {iterations:,} checks",
    )


def run_all(quick: bool = False) -> list[Figure]:
    return [bench_parse_and_compare(2_000 if quick else 20_000)]
