"""Names and numbers compared the way documents write them."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk_app.core.identity import document_mismatches
from desk_app.core.model import PresentedDocument, Reason
from desk_app.core.pins import hash_pin, pin_matches, pin_problem
from desk_app.core.text import document_number_key, fold, nfc, same_name
from tests.conftest import make_application


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Müller", "MUELLER"),
        ("Müller", "MULLER"),
        ("Ångström", "AANGSTROEM"),
        ("Øster", "OSTER"),
        ("Łukasz", "LUKASZ"),
        ("Straße", "STRASSE"),
        ("Dvořák", "DVORAK"),
        ("Jean-Luc", "JEAN LUC"),
        ("O'Brien", "OBRIEN"),
        ("Şahin", "SAHIN"),
    ],
)
def test_icao_forms_of_latin_names_match(left: str, right: str) -> None:
    assert same_name(left, right)


@pytest.mark.parametrize(("left", "right"), [("Müller", "MILLER"), ("Anna", "Hanna"), ("Dvořák", "DVORAKOVA")])
def test_different_names_do_not_match(left: str, right: str) -> None:
    assert not same_name(left, right)


@pytest.mark.parametrize(
    ("application", "document"),
    [
        ("Шевченко", "SHEVCHENKO"),
        ("Юлія", "YULIIA"),
        ("Юлія", "IULIIA"),
        ("Олена Григорівна", "OLENA HRYHORIVNA"),
        ("Мария", "MARIA"),
        ("Παπαδοπούλου", "PAPADOPOULOU"),
        ("Ευάγγελος", "EVANGELOS"),
        ("Anna-Maria", "ANNA MARIA"),
        ("van der Berg", "VANDERBERG"),
    ],
)
def test_names_in_other_scripts_match_their_mrz_spelling(application: str, document: str) -> None:
    assert same_name(application, document)


def test_a_cut_name_matches_only_when_the_field_was_full() -> None:
    assert not same_name("Dvořáková", "DVORAK")
    assert same_name("Dvořáková", "DVORAK", truncated=True)
    assert not same_name("Dvořáková", "DVORZAK", truncated=True)
    assert not same_name("Dvořák", "DVORAKOVA", truncated=True)  # the document's name is never the longer one


def test_names_without_a_transliteration_never_match() -> None:
    assert not same_name("李小龍", "LI")
    assert not same_name("李小龍", "")
    assert same_name("", "")  # a document with no given names, an application with none


def test_mrz_nationality_codes_compare_as_iso() -> None:
    application = make_application(nationality="DEU")
    assert document_mismatches(application, PresentedDocument("C01X00T47", nationality="D")) == []
    british = make_application(nationality="GBR")
    assert document_mismatches(british, PresentedDocument("C01X00T47", nationality="GBN")) == []
    assert document_mismatches(application, PresentedDocument("C01X00T47", nationality="DNK")) == [
        Reason.NATIONALITY_MISMATCH
    ]


def test_fold_ignores_case_accents_and_composition() -> None:
    decomposed = unicodedata.normalize("NFD", "Παπαδοπούλου Éloïse")
    assert fold(decomposed) == fold("ΠΑΠΑΔΟΠΟΥΛΟΥ ELOISE") == "παπαδοπουλου eloise"
    assert fold("ШЕВЧЕНКО") == "шевченко"
    assert nfc("  Jürgen \t Karl ") == "Jürgen Karl"


def test_document_numbers_ignore_spacing_case_and_fillers() -> None:
    assert document_number_key("c01 x00-t47<<") == "C01X00T47"


@given(st.text())
def test_fold_is_stable(text: str) -> None:
    assert fold(fold(text)) == fold(text)


def test_pins_are_salted_slow_hashes() -> None:
    first, second = hash_pin("2468", n=2**10), hash_pin("2468", n=2**10)
    assert first != second and first.startswith("scrypt$1024$8$1$")
    assert pin_matches("2468", first) and not pin_matches("2469", first)
    assert not pin_matches("2468", "garbage") and not pin_matches("2468", "md5$x$y$z$a$b")


@pytest.mark.parametrize(
    ("pin", "problem"), [("12", "at least"), ("12a4", "at least"), ("1111", "repeated"), ("2468", None)]
)
def test_weak_pins_are_refused(pin: str, problem: str | None) -> None:
    found = pin_problem(pin)
    assert (found is None) if problem is None else (problem in (found or ""))
