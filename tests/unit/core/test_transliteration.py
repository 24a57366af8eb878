"""ICAO 9303 transliteration: the MRZ spellings of names in Latin, Cyrillic and Greek script."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk_app.core.transliteration import MAX_FORMS, greek_to_latin, mrz_forms


@pytest.mark.parametrize(
    ("name", "forms"),
    [
        # German
        ("Müller", {"MULLER", "MUELLER"}),
        ("Straße", {"STRASSE"}),
        ("Jürgen-Karl", {"JURGENKARL", "JUERGENKARL"}),
        # Nordic and Icelandic
        ("Ångström", {"AANGSTROEM", "AANGSTROM", "ANGSTROEM", "ANGSTROM"}),
        ("Søren", {"SOEREN", "SOREN"}),
        ("Ærø", {"AEROE", "AERO"}),
        ("Þórunn Guðrún", {"THORUNNGUDRUN"}),
        # Polish, Czech, Slovak, Hungarian
        ("Łukasz Wałęsa", {"LUKASZWALESA"}),
        ("Grzegorz Brzęczyszczykiewicz", {"GRZEGORZBRZECZYSZCZYKIEWICZ"}),
        ("Dvořák", {"DVORAK"}),
        ("Šťastný Kůň", {"STASTNYKUN"}),
        ("Ľubomír Ďurovič", {"LUBOMIRDUROVIC"}),
        ("Erdős Űrhajó", {"ERDOSURHAJO"}),
        # Turkish
        ("Şahin", {"SAHIN"}),
        ("Çağlar Işık", {"CAGLARISIK"}),
        ("İlkay", {"ILKAY"}),
        ("Öztürk", {"OZTURK", "OEZTUERK", "OZTUERK", "OEZTURK"}),
        # French, Dutch, Spanish, Croatian
        ("Lætitia Cœur", {"LAETITIACOEUR"}),
        ("François", {"FRANCOIS"}),
        ("Ĳsbrand", {"IJSBRAND"}),
        ("Muñoz", {"MUNOZ", "MUNXXOZ"}),
        ("Đurić", {"DURIC", "DJURIC"}),
        ("O'Brien", {"OBRIEN"}),
    ],
)
def test_latin_letters(name: str, forms: set[str]) -> None:
    assert mrz_forms(name) == forms


@pytest.mark.parametrize(
    ("name", "forms"),
    [
        ("Шевченко", {"SHEVCHENKO"}),
        ("Олена", {"OLENA"}),
        ("Тарасенко", {"TARASENKO"}),
        ("Жукова", {"ZHUKOVA"}),
    ],
)
def test_cyrillic_names_every_table_spells_alike(name: str, forms: set[str]) -> None:
    assert mrz_forms(name) == forms


@pytest.mark.parametrize(
    ("name", "icao", "national"),
    [
        ("Юлія", "IULIIA", "YULIIA"),  # Ukraine 2010: Ю at the start of a word is YU
        ("Євген", "IEVGEN", "YEVHEN"),  # Ukraine 2010: Є -> YE at the start, Г -> H
        ("Григорій", "GRIGORII", "HRYHORII"),  # Ukraine 2010: И -> Y
        ("Згурський", "ZGURSKII", "ZGHURSKYI"),  # Ukraine 2010: ЗГ -> ZGH, kept apart from Ж
        ("Мар'яна", "MARIANA", "MARIANA"),  # the apostrophe vanishes, the Я after it is not word-initial
        ("Юрий", "IURII", "YURIY"),  # Russian passports before the ICAO table
        ("Подъячев", "PODIEIACHEV", "PODYACHEV"),  # Ъ is IE in ICAO, dropped in the older Russian table
        ("Мария", "MARIIA", "MARIA"),  # Bulgaria 2009: -ИЯ at the end of a word is IA
        ("Щерев", "SHCHEREV", "SHTEREV"),  # Bulgaria 2009: Щ -> SHT
        ("Хрущёв", "KHRUSHCHEV", "HRUSHTEV"),  # Bulgaria 2009: Х -> H; Ё is E everywhere
        ("Ъгълов", "IEGIELOV", "AGALOV"),  # Bulgaria 2009: Ъ -> A
        ("Ђоковић", "DOKOVIC", "DJOKOVIC"),  # Serbian Latin: Ђ -> DJ
        ("Милошевић", "MILOSHEVIC", "MILOSEVIC"),  # Serbian Latin: Ш -> S, tried because of the Ћ
    ],
)
def test_cyrillic_icao_and_national_tables(name: str, icao: str, national: str) -> None:
    forms = mrz_forms(name)
    assert {icao, national} <= forms
    assert len(forms) <= 5


def test_serbian_table_only_for_names_with_serbian_letters() -> None:
    assert "SEVCENKO" not in mrz_forms("Шевченко")


@pytest.mark.parametrize(
    ("name", "form"),
    [
        ("Παπαδοπούλου", "PAPADOPOULOU"),
        ("Ευάγγελος", "EVANGELOS"),  # ΕΥ before a voiced letter is EV; ΓΓ is NG
        ("Ευθυμίου", "EFTHYMIOU"),  # ΕΥ before a voiceless letter is EF
        ("Ναύπλιο", "NAFPLIO"),
        ("Γεώργιος", "GEORGIOS"),
        ("Θεόδωρος Χρυσοχόος", "THEODOROSCHRYSOCHOOS"),
        ("Ψαρρός Ξανθή", "PSARROSXANTHI"),
        ("Ταΰγετος", "TAYGETOS"),  # the diaeresis keeps Α and Υ apart
        ("Ελένη", "ELENI"),
        ("ΜΠΑΚΟΓΙΑΝΝΗ", "MPAKOGIANNI"),
    ],
)
def test_greek_names_as_greek_passports_write_them(name: str, form: str) -> None:
    assert mrz_forms(name) == {form}


def test_greek_passes_other_letters_through() -> None:
    assert greek_to_latin("ΑΒΓ-X") == "AVG-X"


def test_variants_are_capped_but_keep_the_consistent_spellings() -> None:
    forms = mrz_forms("Jürgen Käthe Östrøm Müller Sjögren")
    assert len(forms) == MAX_FORMS
    assert {"JUERGENKAETHEOESTROEMMUELLERSJOEGREN", "JURGENKATHEOSTROMMULLERSJOGREN"} <= forms


def test_empty_and_untransliterable_names() -> None:
    assert mrz_forms("") == {""}
    assert mrz_forms(" - ' ") == {""}
    assert mrz_forms("李小龍") == set()  # no table: matches nothing rather than everything


def test_compatibility_and_decomposed_forms() -> None:
    assert mrz_forms("Mu\u0308ller") == {"MULLER", "MUELLER"}
    assert mrz_forms("ＡＮＮＡ") == {"ANNA"}


@given(st.text())
def test_any_text_gives_few_forms_of_mrz_letters(text: str) -> None:
    forms = mrz_forms(text)
    assert len(forms) <= MAX_FORMS
    assert all(form == "" or (form.isascii() and form.isalpha() and form.isupper()) for form in forms)


@given(st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ <-", min_size=1))
def test_a_name_already_in_mrz_letters_is_its_own_only_form(name: str) -> None:
    letters = "".join(c for c in name if c.isalpha())
    assert mrz_forms(name) == {letters}
