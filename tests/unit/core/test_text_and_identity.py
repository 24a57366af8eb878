"""Names and numbers compared the way documents write them."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk_app.core.pins import hash_pin, pin_matches, pin_problem
from desk_app.core.text import document_number_key, fold, nfc, same_name


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
