"""Fuzzing the machine-readable zone reader: whatever a passport reader types, ``parse_mrz`` answers with a result
(never an exception), and the result is only valid when it reads as a zone of clean fields."""

from __future__ import annotations

import json
import re
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from desk_app.core.mrz import (
    MrzResult,
    iso_nationality,
    parse_mrz,
    result_json,
    to_presented,
    truncated_parts,
)
from tests.fuzz.mutations import FUZZ, examples, mutated_text
from tests.mrz_zones import mrv, td1, td2, td3

TODAY = date(2024, 2, 14)
ZONE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"
SEEDS = {
    "TD1": td1(),
    "TD1 long number": td1(number="D23145890734"),
    "TD2": td2(),
    "TD2 long number": td2(number="D23145890734"),
    "TD3": td3(),
    "TD3 personal number": td3(personal="ZE184226B"),
    "MRVA": mrv(width=44),
    "MRVB": mrv(width=36),
}
FORMATS = {"TD1", "TD2", "TD3", "MRVA", "MRVB", "UNKNOWN"}
_FIELD = re.compile(r"[A-Z0-9 ]*")


def reader_noise(zone: str, noise: str) -> str:
    """The zone as one of the ways readers type it."""
    lines = zone.split("\n")
    return {
        "as is": zone,
        "crlf": "\r\n".join(lines),
        "lower": zone.lower(),
        "one line": "".join(lines),
        # one line full: with every line cut short, the zone's width is anyone's guess
        "fillers dropped": "\n".join([lines[0].rstrip("<"), *lines[1:]]),
        "other filler": zone.replace("<", ">"),
        "spaces": " ".join(zone) + "\n\n",
    }[noise]


NOISES = st.sampled_from(["as is", "crlf", "lower", "one line", "fillers dropped", "other filler", "spaces"])


def check(text: str, today: date = TODAY) -> MrzResult:
    result = parse_mrz(text, today)
    assert result.format in FORMATS
    assert result.valid == (not result.errors)
    if result.valid:
        fields = result.fields
        for value in (fields.document_number, fields.family_name, fields.given_names, fields.optional_data):
            assert _FIELD.fullmatch(value), (text, value)
        assert fields.sex in {"M", "F", "X"}
    json.dumps(result_json(result), allow_nan=False)
    presented = to_presented(result)
    iso_nationality(result.fields.nationality)
    truncated_parts(presented.family_name, presented.given_names)
    return result


@settings(FUZZ, max_examples=examples(300))
@given(st.sampled_from(sorted(SEEDS)), NOISES)
def test_reader_noise_does_not_change_a_reading(seed: str, noise: str) -> None:
    zone = SEEDS[seed]
    assert check(reader_noise(zone, noise)) == check(zone)


@settings(FUZZ, max_examples=examples(1500))
@given(st.sampled_from(sorted(SEEDS)), NOISES, st.data())
def test_a_mutated_zone_reads_without_raising(seed: str, noise: str, data: st.DataObject) -> None:
    noisy = reader_noise(SEEDS[seed], noise)
    text = data.draw(mutated_text(noisy, ZONE_ALPHABET + "\n>|;ßÅ٣²", max_edits=6), label="zone")
    check(text, data.draw(st.dates(), label="today") if data.draw(st.booleans()) else TODAY)


def field(size: int) -> st.SearchStrategy[str]:
    return st.text(alphabet=ZONE_ALPHABET, min_size=size, max_size=size)


@settings(FUZZ, max_examples=examples(500))
@given(
    st.sampled_from(["td1", "td2", "td3"]),
    st.fixed_dictionaries(
        {
            "code": field(2),
            "state": field(3),
            "name": st.text(alphabet=ZONE_ALPHABET, max_size=30),
            "number": st.text(alphabet=ZONE_ALPHABET, min_size=1, max_size=14),
            "nationality": field(3),
            "born": field(6) | st.dates().map(lambda d: d.strftime("%y%m%d")),
            "sex": st.sampled_from("MFX<1"),
            "expires": field(6) | st.dates().map(lambda d: d.strftime("%y%m%d")),
        }
    ),
    st.dates(),
)
def test_a_generated_zone_reads_without_raising(kind: str, fields: dict[str, str], today: date) -> None:
    build = {"td1": td1, "td2": td2, "td3": td3}[kind]
    check(build(**fields), today)


@settings(FUZZ, max_examples=examples(300))
@given(st.text(max_size=200) | st.text(alphabet=ZONE_ALPHABET + "\n\r \t>", max_size=120))
def test_any_text_reads_without_raising(text: str) -> None:
    check(text)
