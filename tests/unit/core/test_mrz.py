"""Machine-readable zones: the published specimens, their corruptions, reader noise, and generated zones."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from desk_app.core.identity import document_mismatches
from desk_app.core.model import DocumentKind, IdDocument
from desk_app.core.mrz import MrzFields, iso_nationality, parse_mrz, result_json, to_presented, truncated_parts
from tests.conftest import make_application
from tests.mrz_zones import mrv, td1, td2, td3

TODAY = date(2024, 2, 14)


# ------------------------------------------------------------------------------------------------------- specimens

TD3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
TD1 = "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<"
TD2 = "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6"
TD1_LONG = "I<UTOD23145890<7349<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<"
DE_ID = "IDD<<T220001293<<<<<<<<<<<<<<<\n6408125<2010315D<<<<<<<<<<<<<4\nMUSTERMANN<<ERIKA<<<<<<<<<<<<<"
DE_PASSPORT = "P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<\nC01X00T478D<<6408125F2702283<<<<<<<<<<<<<<<4"
NL_PASSPORT = "P<NLDDE<BRUIJN<<WILLEKE<LISELOTTE<<<<<<<<<<<\nSPECI20142NLD6503101F2401151999999990<<<<<82"
MRV_A = "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL8988901C4XXX4009078F96121096ZE184226B<<<<<<"
MRV_B = "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nL8988901C4XXX4009078F9612109<<<<<<<<"

ANNA = {"family_name": "ERIKSSON", "given_names": "ANNA MARIA", "date_of_birth": date(1974, 8, 12)}
SPECIMENS = {
    "ICAO TD3 passport": (TD3, "TD3", {**ANNA, "document_number": "L898902C3", "expiry": date(2012, 4, 15)}),
    "ICAO TD1 card": (TD1, "TD1", {**ANNA, "document_number": "D23145890", "expiry": date(2012, 4, 15)}),
    "ICAO TD2 card": (TD2, "TD2", {**ANNA, "document_number": "D23145890", "expiry": date(2012, 4, 15)}),
    "ICAO TD1 long document number": (
        TD1_LONG,
        "TD1",
        {**ANNA, "document_number": "D23145890734", "expiry": date(2012, 4, 15)},
    ),
    "German ID card": (
        DE_ID,
        "TD1",
        {
            "document_number": "T22000129",
            "family_name": "MUSTERMANN",
            "given_names": "ERIKA",
            "nationality": "D",
            "date_of_birth": date(1964, 8, 12),
            "expiry": date(2020, 10, 31),
            "sex": "X",
        },
    ),
    "German passport": (DE_PASSPORT, "TD3", {"document_number": "C01X00T47", "issuing_state": "D", "sex": "F"}),
    "Dutch passport": (
        NL_PASSPORT,
        "TD3",
        {"family_name": "DE BRUIJN", "given_names": "WILLEKE LISELOTTE", "optional_data": "999999990"},
    ),
    "ICAO MRV-A visa": (MRV_A, "MRVA", {**ANNA, "date_of_birth": date(1940, 9, 7), "nationality": "XXX"}),
    "ICAO MRV-B visa": (MRV_B, "MRVB", {"document_number": "L8988901C", "expiry": date(1996, 12, 10)}),
}


@pytest.mark.parametrize("name", SPECIMENS)
def test_specimens_parse_and_every_check_digit_holds(name: str) -> None:
    text, zone_format, expected = SPECIMENS[name]
    result = parse_mrz(text, TODAY)
    assert (result.valid, result.format, result.errors) == (True, zone_format, ())
    for field, value in expected.items():
        assert getattr(result.fields, field) == value, field


def test_the_zone_builders_of_these_tests_rebuild_the_specimens() -> None:
    assert td3(personal="ZE184226B") == TD3
    assert (td1(), td2(), td1(number="D23145890734")) == (TD1, TD2, TD1_LONG)
    assert mrv(width=36) == MRV_B


def test_specimen_fields_in_full() -> None:
    assert parse_mrz(TD3, TODAY).fields == MrzFields(
        document_code="P",
        issuing_state="UTO",
        document_number="L898902C3",
        family_name="ERIKSSON",
        given_names="ANNA MARIA",
        nationality="UTO",
        date_of_birth=date(1974, 8, 12),
        sex="F",
        expiry=date(2012, 4, 15),
        optional_data="ZE184226B",
    )


# ----------------------------------------------------------------------------------------------------- corruptions


def corrupt(text: str, line: int, column: int, new: str | None = None) -> str:
    lines = text.split("\n")
    old = lines[line][column]
    new = new or ("0" if old != "0" else "1")
    lines[line] = lines[line][:column] + new + lines[line][column + 1 :]
    return "\n".join(lines)


CHECK_DIGITS = [
    (TD3, 1, 9, "document_number_check"),
    (TD3, 1, 19, "date_of_birth_check"),
    (TD3, 1, 27, "expiry_check"),
    (TD3, 1, 42, "optional_data_check"),
    (TD1, 0, 14, "document_number_check"),
    (TD1, 1, 6, "date_of_birth_check"),
    (TD1, 1, 14, "expiry_check"),
    (TD2, 1, 9, "document_number_check"),
    (TD2, 1, 19, "date_of_birth_check"),
    (TD2, 1, 27, "expiry_check"),
    (TD1_LONG, 0, 18, "document_number_check"),
    (MRV_A, 1, 9, "document_number_check"),
    (MRV_B, 1, 27, "expiry_check"),
]


@pytest.mark.parametrize(("text", "line", "column", "error"), CHECK_DIGITS)
def test_each_wrong_check_digit_is_named(text: str, line: int, column: int, error: str) -> None:
    result = parse_mrz(corrupt(text, line, column), TODAY)
    assert not result.valid
    assert error in result.errors
    assert set(result.errors) <= {error, "composite_check"}  # the composite covers every other check digit


@pytest.mark.parametrize(("text", "line", "column"), [(TD3, 1, 43), (TD1, 1, 29), (TD2, 1, 35)])
def test_wrong_composite_check_digit_alone(text: str, line: int, column: int) -> None:
    assert parse_mrz(corrupt(text, line, column), TODAY).errors == ("composite_check",)


def test_visas_have_no_composite_check() -> None:
    assert parse_mrz(corrupt(MRV_A, 1, 43, "X"), TODAY).valid  # optional data, unchecked on a visa


def test_a_letter_changed_in_the_number_breaks_its_check_and_the_composite() -> None:
    result = parse_mrz(TD3.replace("L898902C3", "L898902O3"), TODAY)
    assert result.errors == ("document_number_check", "composite_check")
    assert result.fields.document_number == "L898902O3"


def test_long_document_number_with_the_rest_changed() -> None:
    result = parse_mrz(TD1_LONG.replace("<7349<", "<7359<"), TODAY)
    assert "document_number_check" in result.errors


@pytest.mark.parametrize(
    ("text", "zone_format"),
    [
        (TD3.split("\n")[0], "TD3"),
        (TD1.rsplit("\n", 1)[0], "TD1"),
        (TD2.split("\n")[1], "TD2"),
    ],
)
def test_a_missing_line_is_the_wrong_length(text: str, zone_format: str) -> None:
    result = parse_mrz(text, TODAY)
    assert (result.valid, result.format, result.errors) == (False, zone_format, ("wrong_length",))


@pytest.mark.parametrize("text", ["", "   \n\n", "hello world", "<" * 50, "P<UTO" * 40])
def test_what_is_no_zone_at_all(text: str) -> None:
    result = parse_mrz(text, TODAY)
    assert (result.valid, result.format, result.errors) == (False, "UNKNOWN", ("unknown_format",))
    assert result.fields == MrzFields()


def test_characters_outside_the_zone_alphabet_are_named() -> None:
    result = parse_mrz(TD3.replace("ANNA", "AN#A"), TODAY)
    assert "invalid_character" in result.errors and not result.valid


@pytest.mark.parametrize(("field", "value"), [("sex", "Q"), ("nationality", "U1O")])
def test_impossible_codes_are_named(field: str, value: str) -> None:
    zone = td3(**{field: value})
    assert parse_mrz(zone, TODAY).errors == (f"{field}_invalid",)


# ------------------------------------------------------------------------------------------------ reader noise


NOISY = {
    "lower case": TD3.lower(),
    "spaces everywhere": " ".join(TD3),
    "CRLF": TD1.replace("\n", "\r\n") + "\r\n",
    "CR": TD2.replace("\n", "\r"),
    "one line, no breaks": TD1.replace("\n", ""),
    "TD3 in one line": TD3.replace("\n", ""),
    "blank lines and tabs around": "\n\t" + TD3.replace("\n", "\n\n") + "\t\n",
    "'>' for '<' (a US reader on a German host)": TD3.replace("<", ">"),
    "';' for '<'": TD1.replace("<", ";"),
    "'\\' for '<'": TD2.replace("<", "\\"),
    "'|' for '<' and lower case": TD1_LONG.replace("<", "|").lower(),
    "trailing fillers dropped on the name line": TD3.replace("MARIA<<<<<<<<<<<<<<<<<<<", "MARIA"),
    "control characters a reader sends around": "\x02" + TD3 + "\x03\r",
}


@pytest.mark.parametrize("name", NOISY)
def test_reader_noise_still_parses_valid(name: str) -> None:
    result = parse_mrz(NOISY[name], TODAY)
    assert result.valid, result.errors
    assert result.fields.family_name == "ERIKSSON"
    assert result.fields.given_names == "ANNA MARIA"


def test_two_line_zones_tell_visas_by_their_first_letter() -> None:
    assert parse_mrz(MRV_B, TODAY).format == "MRVB"
    assert parse_mrz(TD2, TODAY).format == "TD2"
    assert parse_mrz(MRV_A, TODAY).format == "MRVA"
    assert parse_mrz(TD3, TODAY).format == "TD3"


# --------------------------------------------------------------------------------------------------------- dates


def test_two_digit_years() -> None:
    assert parse_mrz(td3(born="230101"), TODAY).fields.date_of_birth == date(2023, 1, 1)
    assert parse_mrz(td3(born="240215"), TODAY).fields.date_of_birth == date(1924, 2, 15)  # not tomorrow
    assert parse_mrz(td3(expires="740101"), TODAY).fields.expiry == date(2074, 1, 1)
    assert parse_mrz(td3(expires="750101"), TODAY).fields.expiry == date(1975, 1, 1)
    assert parse_mrz(td3(expires="730101"), date(2024, 1, 1)).fields.expiry == date(2073, 1, 1)


@pytest.mark.parametrize(
    ("born", "expires", "error"),
    [("741312", "290101", "date_of_birth_invalid"), ("740812", "290230", "expiry_invalid")],
)
def test_impossible_dates_are_named(born: str, expires: str, error: str) -> None:
    result = parse_mrz(td3(born=born, expires=expires), TODAY)
    assert result.errors == (error,)


def test_unknown_birth_date_left_blank_by_the_issuer_is_allowed() -> None:
    result = parse_mrz(td3(born="74<<<<"), TODAY)
    assert result.valid and result.fields.date_of_birth is None


# ------------------------------------------------------------------------------------------ presented and json


def test_json_has_exactly_the_documented_shape() -> None:
    out = result_json(parse_mrz(DE_ID, TODAY))
    assert out == {
        "valid": True,
        "format": "TD1",
        "fields": {
            "document_number": "T22000129",
            "family_name": "MUSTERMANN",
            "given_names": "ERIKA",
            "nationality": "D",
            "date_of_birth": "1964-08-12",
            "expiry": "2020-10-31",
            "sex": "X",
            "issuing_state": "D",
        },
        "errors": [],
    }
    json.dumps(result_json(parse_mrz("garbage", TODAY)))


def test_json_of_a_failed_zone() -> None:
    out = result_json(parse_mrz(corrupt(TD3, 1, 27), TODAY))
    assert out["valid"] is False and out["errors"] == ["expiry_check", "composite_check"]


@pytest.mark.parametrize(
    ("code", "iso"), [("D", "DEU"), ("D<<", "DEU"), ("GBN", "GBR"), ("GBD", "GBR"), ("RKS", "XKX"), ("FRA", "FRA")]
)
def test_mrz_nationality_codes_as_iso(code: str, iso: str) -> None:
    assert iso_nationality(code) == iso


MUELLER = td3(
    state="D<<",
    name="MUELLER<<JUERGEN<KARL",
    number="C01X00T47",
    nationality="D<<",
    born="810309",
    sex="M",
    expires="310801",
    personal_check="<",
)


def test_the_rules_compare_every_field_of_a_zone() -> None:
    application = make_application()  # Müller, Jürgen Karl, DEU, C01X00T47
    result = parse_mrz(MUELLER, TODAY)
    assert result.valid, result.errors
    presented = to_presented(result)
    assert presented.nationality == "DEU"
    assert (presented.number, presented.family_name, presented.given_names) == ("C01X00T47", "MUELLER", "JUERGEN KARL")
    assert document_mismatches(application, presented) == []
    other = make_application(date_of_birth=date(1981, 3, 10), nationality="AUT")
    assert [r.value for r in document_mismatches(other, presented)] == [
        "DATE_OF_BIRTH_MISMATCH",
        "NATIONALITY_MISMATCH",
    ]


def test_cyrillic_application_against_its_zone() -> None:
    application = make_application(
        family_name="Шевченко",
        given_names="Юлія",
        nationality="UKR",
        document=IdDocument(DocumentKind.PASSPORT, "FA123456", "UKR", date(2031, 8, 1)),
        date_of_birth=date(1990, 5, 17),
    )
    zone = td3(
        number="FA123456", state="UKR", nationality="UKR", name="SHEVCHENKO<<YULIIA", born="900517", expires="310801"
    )
    assert document_mismatches(application, to_presented(parse_mrz(zone, TODAY))) == []


def test_names_cut_at_a_full_name_field_still_match() -> None:
    application = make_application(family_name="Wolfeschlegelsteinhausen", given_names="Hubertus Blaine Maximilian")
    person = {"number": "C01X00T47", "nationality": "DEU", "born": "810309", "expires": "310801"}
    name = "WOLFESCHLEGELSTEINHAUSEN<<HUBERTUS<BLAINE<MAXIMILIAN"[:39]
    presented = to_presented(parse_mrz(td3(name=name, **person), TODAY))
    assert presented.given_names == "HUBERTUS BLAI"
    assert truncated_parts(presented.family_name, presented.given_names) == (False, True)
    assert document_mismatches(application, presented) == []
    # The same cut on a name field that is not full is a mismatch: nothing says the name was cut.
    short = to_presented(parse_mrz(td3(name="WOLFESCHLEGELSTEINHAUSEN<<HUBERTUS<B", **person), TODAY))
    assert [r.value for r in document_mismatches(application, short)] == ["GIVEN_NAMES_MISMATCH"]


def test_a_family_name_filling_the_whole_field_leaves_the_given_names_unread() -> None:
    family = "A" * 30
    zone = td1(name=family)
    presented = to_presented(parse_mrz(zone, TODAY))
    assert presented.family_name == family and presented.given_names is None
    assert truncated_parts(presented.family_name, presented.given_names) == (True, False)


# ------------------------------------------------------------------------------------------------- properties

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ALNUM = LETTERS + "0123456789"
words = st.lists(st.text(LETTERS, min_size=1, max_size=9), min_size=1, max_size=3)
codes = st.one_of(st.text(LETTERS, min_size=3, max_size=3), st.just("D<<"))


@dataclass(frozen=True)
class Person:
    family: list[str]
    given: list[str]
    number: str
    state: str
    nationality: str
    born: date
    expires: date
    sex: str
    optional: str

    def name_field(self) -> str:
        return "<".join(self.family) + "<<" + "<".join(self.given)

    def expected(self, code: str, optional: str) -> MrzFields:
        return MrzFields(
            document_code=code.replace("<", ""),
            issuing_state=self.state.replace("<", ""),
            document_number=self.number,
            family_name=" ".join(self.family),
            given_names=" ".join(self.given),
            nationality=self.nationality.replace("<", ""),
            date_of_birth=self.born,
            sex={"<": "X"}.get(self.sex, self.sex),
            expiry=self.expires,
            optional_data=optional,
        )


people = st.builds(
    Person,
    family=words,
    given=st.lists(st.text(LETTERS, min_size=1, max_size=8), max_size=3),
    number=st.text(ALNUM, min_size=1, max_size=9),
    state=codes,
    nationality=codes,
    born=st.dates(TODAY - timedelta(days=36_500 - 1), TODAY),
    expires=st.dates(TODAY - timedelta(days=49 * 365), TODAY + timedelta(days=49 * 365)),
    sex=st.sampled_from("MF<"),
    optional=st.text(ALNUM, max_size=7),
)


def yymmdd(day: date) -> str:
    return day.strftime("%y%m%d")


@given(people, st.sampled_from(["TD3", "TD2", "TD1", "MRVA", "MRVB"]), st.text(ALNUM, min_size=10, max_size=14))
def test_any_valid_zone_parses_back_to_its_fields(person: Person, zone_format: str, long: str) -> None:
    width = {"TD1": 30, "TD2": 31, "TD3": 39, "MRVA": 39, "MRVB": 31}[zone_format]
    assume(len(person.name_field()) <= width)
    common = {
        "state": person.state,
        "name": person.name_field(),
        "nationality": person.nationality,
        "born": yymmdd(person.born),
        "sex": person.sex,
        "expires": yymmdd(person.expires),
    }
    number, optional = person.number, person.optional
    if zone_format == "TD3":
        code, zone = "P<", td3(code="P<", number=number, personal=optional, **common)
    elif zone_format == "TD2":
        code, number = "C<", long if len(optional) % 2 else number  # some with long numbers
        zone = td2(code=code, number=number, optional=optional if len(number) <= 9 else "", **common)
        optional = optional if len(number) <= 9 else ""
    elif zone_format == "TD1":
        code, number = "ID", long if len(optional) % 2 else number
        zone = td1(code=code, number=number, optional2=optional, **common)
    else:
        code = "VD"
        zone = mrv(width=44 if zone_format == "MRVA" else 36, code=code, number=number, optional=optional, **common)
    result = parse_mrz(zone, TODAY)
    assert (result.valid, result.format, result.errors) == (True, zone_format, ())
    assert result.fields == Person(**{**person.__dict__, "number": number}).expected(code, optional)


@given(st.text())
def test_no_text_crashes_the_parser(text: str) -> None:
    result = parse_mrz(text, TODAY)
    assert result.valid is not None
    json.dumps(result_json(result))


mrz_like = st.text(alphabet=ALNUM + "<<<<<<>\n\r |", max_size=100)


@given(mrz_like)
def test_no_zone_like_text_crashes_the_parser(text: str) -> None:
    result = parse_mrz(text, TODAY)
    assert result.valid == (result.errors == ())
    json.dumps(result_json(result))


@given(people, st.sampled_from([*range(13, 19), *range(21, 27)]), st.integers(1, 9))
def test_any_one_date_digit_changed_is_caught(person: Person, position: int, shift: int) -> None:
    """The 7-3-1 weights are prime to 10, so a single changed digit always breaks its check digit."""
    top, bottom = td3(born=yymmdd(person.born), expires=yymmdd(person.expires)).split("\n")
    changed = bottom[:position] + str((int(bottom[position]) + shift) % 10) + bottom[position + 1 :]
    result = parse_mrz(top + "\n" + changed, TODAY)
    assert not result.valid
    assert ("date_of_birth_check" if position < 19 else "expiry_check") in result.errors


def test_a_document_number_with_a_filler_inside_is_not_read_as_valid() -> None:
    """Found by the fuzz suite: a TD1 whose number field starts with a filler had every check digit right."""
    zone = "00<<<<0<<<<<<<0<<<<<<<<<<<<<<<\n0001018M0001018<<<<<<<<<<<<<<6\n<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<"
    result = parse_mrz(zone, date(2000, 1, 1))
    assert not result.valid and result.errors == ("document_number_invalid",)
