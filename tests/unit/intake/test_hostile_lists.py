"""Lists written by an attacker or a careless list owner: every one refused with a report a person can act on
(the line or item, the field, why), nothing written, the refusal logged; never a traceback, never a hang."""

from __future__ import annotations

import hashlib
import json
import os
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from badges.fallback import use_font_folders
from desk_app.core.event import EventConfig
from desk_app.core.model import Action
from desk_app.errors import ImportRejected
from desk_app.intake.importer import import_list
from desk_app.intake.rows import COLUMNS, _badge_coverage
from desk_app.service import DeskService
from desk_app.store import Store
from tests.conftest import FIRST_MORNING, make_application, store_of
from tests.unit.intake.test_importer import people, row_of, write_csv


def write_json(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def one_item_with(tmp_path: Path, **raw_json_values: str) -> Path:
    """A JSON list of one valid application whose named fields hold the given JSON source text."""
    fields = {k: json.dumps(v) for k, v in row_of(people(1)[0]).items()}
    fields.update(raw_json_values)
    body = ", ".join(f"{json.dumps(k)}: {v}" for k, v in fields.items())
    return write_json(tmp_path / "list.json", f"[{{{body}}}]")


def rejected(store: Store, path: Path, photos: Path | None = None) -> list[str]:
    with pytest.raises(ImportRejected) as caught:
        import_list(store, path, FIRST_MORNING, photos)
    assert store.applications.count() == 0
    return [str(p) for p in caught.value.problems]


# --- strict typed JSON ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "source", "expected"),
    [
        ("reference", "12345", "item 1, reference: is a number (12345), not text"),
        ("family_name", '{"first": "A", "x": [1, 2]}', "item 1, family_name: is an object, not text"),
        ("given_names", '["a", "b"]', "item 1, given_names: is a list, not text"),
        ("organisation", "true", "item 1, organisation: is true, not text"),
        ("reference", "Infinity", "item 1, reference: is Infinity, not a number a person would write, not text"),
        ("reference", "NaN", "item 1, reference: is NaN, not a number a person would write, not text"),
        ("document_number", "1e400", "item 1, document_number: is a number (1e400), not text"),
        ("pool", '"maybe"', "item 1, pool: 'maybe' is not yes or no"),
        ("pool", "7", "item 1, pool: is a number (7), not yes or no"),
    ],
)
def test_json_values_must_be_text(
    store: Store, event: EventConfig, tmp_path: Path, field: str, source: str, expected: str
) -> None:
    assert rejected(store, one_item_with(tmp_path, **{field: source})) == [expected]


def test_json_yes_no_fields_take_true_and_false_and_optional_fields_take_null(
    store: Store, event: EventConfig, tmp_path: Path
) -> None:
    path = one_item_with(tmp_path, pool="true", editor_letter="false", given_names="null", photo="null")
    assert import_list(store, path, FIRST_MORNING).added == 1
    app = store.applications.get(people(1)[0].reference)
    assert app is not None and app.pool and app.given_names == ""


def test_a_5000_digit_number_is_a_row_problem_not_a_traceback(store: Store, event: EventConfig, tmp_path: Path) -> None:
    problems = rejected(store, one_item_with(tmp_path, annual_number="9" * 5000))
    assert problems == ["item 1, annual_number: is a number (99999999999999999999), not text"]


@pytest.mark.parametrize("where", ["top", "value"])
def test_json_nested_200000_deep_is_refused(store: Store, event: EventConfig, tmp_path: Path, where: str) -> None:
    deep = "[" * 200_000 + "]" * 200_000
    path = write_json(tmp_path / "l.json", deep) if where == "top" else one_item_with(tmp_path, email=deep)
    assert rejected(store, path) == ["item 1: is nested too deeply to be a row of the list"]


def test_items_that_are_not_objects_are_named_by_item(store: Store, event: EventConfig, tmp_path: Path) -> None:
    good = json.dumps(row_of(people(1)[0]))
    path = write_json(tmp_path / "l.json", f'[1, "x",\n {good}, null]')
    assert rejected(store, path) == [
        "item 1: is a number (1), not an object",
        "item 2: is text, not an object",
        "item 4: is null, not an object",
    ]


def test_broken_json_is_placed_by_line(store: Store, event: EventConfig, tmp_path: Path) -> None:
    first, second, third = (json.dumps(row_of(a)) for a in people(3))
    assert rejected(store, write_json(tmp_path / "l.json", f"[{first},\n{second}\n{third}]")) == [
        "line 3: not valid JSON (after item 2): expected ',' or ']'"
    ]
    assert rejected(store, write_json(tmp_path / "m.json", f"[{first}] [")) == [
        "line 1: not valid JSON: text after the end of the list"
    ]
    assert rejected(store, write_json(tmp_path / "n.json", '{"reference": "X"}')) == [
        "file: the JSON file must hold a list of objects"
    ]


# --- the text policy --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "named"),
    [
        ("Dupont\x00", "U+0000 CONTROL CHARACTER"),
        ("\x1b[2J\x1b[31mDupont", "U+001B CONTROL CHARACTER"),
        ("Du\x07pont", "U+0007 CONTROL CHARACTER"),
        ("Dupont\x85", "U+0085 CONTROL CHARACTER"),
        ("\u202etnopuD", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("Du\u200bpont", "U+200B ZERO WIDTH SPACE"),
        ("Du\u2066pont\u2069", "U+2066 LEFT-TO-RIGHT ISOLATE, U+2069 POP DIRECTIONAL ISOLATE"),
        ("\ufeffDupont", "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
    ],
)
@pytest.mark.parametrize("column", ["family_name", "organisation"])
def test_controls_and_invisible_characters_are_refused_with_line_and_field(
    store: Store, event: EventConfig, tmp_path: Path, column: str, value: str, named: str
) -> None:
    row = {**row_of(people(1)[0]), column: value}
    problems = rejected(store, write_csv(tmp_path / "l.csv", [row]))
    assert problems == [f"line 2, {column}: holds {named}: controls and invisible characters are refused"]


def test_names_are_stored_in_nfc(store: Store, event: EventConfig, tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "Müller-Lüdenscheidt")
    assert decomposed != "Müller-Lüdenscheidt"
    import_list(
        store, write_csv(tmp_path / "l.csv", [{**row_of(people(1)[0]), "family_name": decomposed}]), FIRST_MORNING
    )
    app = store.applications.get(people(1)[0].reference)
    assert app is not None and app.family_name == "Müller-Lüdenscheidt"


def test_a_long_value_is_not_repeated_in_the_report(store: Store, event: EventConfig, tmp_path: Path) -> None:
    problems = rejected(store, write_csv(tmp_path / "l.csv", [{**row_of(people(1)[0]), "kind": "x" * 100_000}]))
    assert problems == ["line 2, kind: is longer than 200 characters"]


# --- files that never end ---------------------------------------------------------------------------------


@pytest.mark.timeout(20)
@pytest.mark.parametrize("name", ["list.csv", "list.json"])
def test_a_fifo_is_refused_at_once(store: Store, event: EventConfig, tmp_path: Path, name: str) -> None:
    os.mkfifo(tmp_path / name)
    assert rejected(store, tmp_path / name) == [
        f"file: {name} is a FIFO (named pipe), not a file: a list is a CSV or JSON file"
    ]


def test_a_folder_is_refused(store: Store, event: EventConfig, tmp_path: Path) -> None:
    (tmp_path / "list.csv").mkdir()
    assert rejected(store, tmp_path / "list.csv") == [
        "file: list.csv is a folder, not a file: a list is a CSV or JSON file"
    ]


@pytest.mark.timeout(20)
def test_a_fifo_among_the_photos_is_refused_at_once(store: Store, event: EventConfig, tmp_path: Path) -> None:
    photos = tmp_path / "photos"
    photos.mkdir()
    os.mkfifo(photos / "fifo.jpg")
    path = write_csv(tmp_path / "l.csv", [row_of(people(1)[0], "fifo.jpg")])
    assert rejected(store, path, photos) == [
        "line 2, photo: 'fifo.jpg' is not a photo: fifo.jpg is a FIFO (named pipe), not a file"
    ]


def test_a_file_wrong_throughout_lists_its_first_problems_and_counts_them_all(
    store: Store, event: EventConfig, tmp_path: Path
) -> None:
    rows = [{**row_of(a), "kind": "vip", "status": "maybe"} for a in people(1500)]
    with pytest.raises(ImportRejected) as caught:
        import_list(store, write_csv(tmp_path / "l.csv", rows), FIRST_MORNING)
    assert len(caught.value.problems) == ImportRejected.MAX_LISTED
    assert (caught.value.total, caught.value.rows) == (3000, 1500)
    assert "3000 problem(s) in 1500 row(s); the first 1000 are listed" in str(caught.value)


# --- rejected imports are logged --------------------------------------------------------------------------


def test_a_refused_list_is_logged_with_who_the_hash_and_the_count(desk: DeskService, tmp_path: Path) -> None:
    rows = [{**row_of(a), "kind": "vip"} for a in people(3)]
    path = write_csv(tmp_path / "l\x1b.csv", rows)
    with pytest.raises(ImportRejected):
        desk.import_list(path, by="sam")
    entries = [e for e in store_of(desk).log.for_reference("") if e.record.action is Action.IMPORT_REJECTED]
    assert len(entries) == 1
    assert entries[0].record.staff == "sam"
    assert entries[0].record.detail == {
        "file": "l\\x1b.csv",
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "problems": "3",
        "rows": "3",
        "first": "line 2, kind: 'vip' is not one of ministerial|annual",
    }
    assert store_of(desk).applications.count() == 0
    assert store_of(desk).log.verify().intact


def test_a_refused_fifo_is_logged_without_a_hash(desk: DeskService, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "list.csv")
    with pytest.raises(ImportRejected):
        desk.import_list(tmp_path / "list.csv", by="sam")
    entries = [e for e in store_of(desk).log.for_reference("") if e.record.action is Action.IMPORT_REJECTED]
    assert [e.record.detail["sha256"] for e in entries] == [""]


# --- no boxes on a badge ----------------------------------------------------------------------------------


@pytest.fixture
def no_fallback_fonts(tmp_path: Path) -> Iterator[None]:
    """A desk without fonts-wqy-zenhei: only the shipped DejaVu."""
    use_font_folders([tmp_path / "no-fonts"])
    _badge_coverage.cache_clear()
    yield
    use_font_folders(None)
    _badge_coverage.cache_clear()


def test_a_chinese_name_imports_and_the_report_names_its_font(store: Store, event: EventConfig, tmp_path: Path) -> None:
    rows = [{**row_of(a), "family_name": "王", "given_names": "小明"} for a in people(2)]
    rows[1]["family_name"] = "김"
    summary = import_list(
        store, write_csv(tmp_path / "l.csv", [*rows, row_of(make_application(reference="DM24-009999"))]), FIRST_MORNING
    )
    assert summary.fallback_fonts == (("Fallback-WenQuanYiZenHei", 2),)


def test_without_a_cjk_font_a_chinese_name_is_refused(
    store: Store, event: EventConfig, tmp_path: Path, no_fallback_fonts: None
) -> None:
    row = {**row_of(people(1)[0]), "family_name": "王"}
    assert rejected(store, write_csv(tmp_path / "l.csv", [row])) == [
        "line 2, family_name: cannot be printed on a badge: U+738B CJK UNIFIED IDEOGRAPH-738B (no font on this desk "
        "draws them (for Chinese, Japanese and Korean install fonts-wqy-zenhei)); give it in Latin letters, "
        "as in the passport's MRZ"
    ]


@pytest.mark.parametrize(
    ("column", "value", "why"),
    [
        ("family_name", "محمد", "the badge printer cannot lay out this script"),
        ("given_names", "דוד", "the badge printer cannot lay out this script"),
        ("organisation", "Press 🦄", "no font on this desk draws them"),
    ],
)
def test_names_the_badge_cannot_print_are_refused(
    store: Store, event: EventConfig, tmp_path: Path, column: str, value: str, why: str
) -> None:
    [problem] = rejected(store, write_csv(tmp_path / "l.csv", [{**row_of(people(1)[0]), column: value}]))
    assert problem.startswith(f"line 2, {column}: cannot be printed on a badge: U+") and why in problem


# --- found by an attacker's session -------------------------------------------------------------------------


def test_a_column_named_twice_or_with_an_invisible_character_is_refused(
    store: Store, event: EventConfig, tmp_path: Path
) -> None:
    path = tmp_path / "l.csv"
    header = ",".join(COLUMNS)
    line = ",".join(row_of(people(1)[0]).values())
    path.write_text(f"{header},Family_Name\n{line},Evil\n", encoding="utf-8")
    assert rejected(store, path) == ["line 1, family_name: is column 4 and column 22"]
    path.write_text(header.replace("photo", "photo\u200b") + "\n" + line + "\n", encoding="utf-8")
    assert rejected(store, path) == [
        "line 1, photo\\u200b: column 21's name holds U+200B ZERO WIDTH SPACE: controls and invisible characters "
        "are refused"
    ]


def test_a_json_field_named_twice_is_refused(store: Store, event: EventConfig, tmp_path: Path) -> None:
    path = one_item_with(tmp_path)
    path.write_text(path.read_text().replace('{"reference"', '{"Family_Name": "Evil", "reference"'))
    assert rejected(store, path) == ["item 1, family_name: is named twice in the item"]


def test_an_endless_line_or_header_is_refused_without_reading_it_whole(
    store: Store, event: EventConfig, tmp_path: Path
) -> None:
    path = tmp_path / "l.csv"
    path.write_bytes(",".join(COLUMNS).encode() + b"\n" + b"x" * (2 << 20) + b"\n")
    assert rejected(store, path) == ["line 2: is longer than 1 MiB: not a row of the list"]
    path.write_bytes(b"," * 5000 + b"\n")
    assert rejected(store, path) == ["line 1: the header has 5,001 columns: not the header of a list"]


def test_a_json_file_of_white_space_is_an_empty_list(store: Store, event: EventConfig, tmp_path: Path) -> None:
    path = write_json(tmp_path / "l.json", "[" + " \n" * (3 << 20) + "]")
    assert import_list(store, path, FIRST_MORNING).rows == 0


@pytest.mark.parametrize(("column", "value"), [("reference", "dı24-000001"), ("document_number", "ﬁx12345")])
def test_codes_must_be_written_in_ascii(
    store: Store, event: EventConfig, tmp_path: Path, column: str, value: str
) -> None:
    problems = rejected(store, write_csv(tmp_path / "l.csv", [{**row_of(people(1)[0]), column: value}]))
    assert problems == [f"line 2, {column}: {value!r} is not written in the letters A-Z and digits"]


@pytest.mark.parametrize("name", ["\u2800\u2800", "\u3164", "\u0301\u0301"])
def test_a_name_that_shows_no_letter_is_refused(store: Store, event: EventConfig, tmp_path: Path, name: str) -> None:
    problems = rejected(store, write_csv(tmp_path / "l.csv", [{**row_of(people(1)[0]), "family_name": name}]))
    assert problems == ["line 2, family_name: has no visible letter"]


def test_a_line_break_in_a_cell_is_folded_to_a_space(store: Store, event: EventConfig, tmp_path: Path) -> None:
    row = {**row_of(people(1)[0]), "organisation": "Le Monde\r\nParis\tBureau"}
    import_list(store, write_csv(tmp_path / "l.csv", [row], delimiter=";", bom=True), FIRST_MORNING)
    app = store.applications.get(people(1)[0].reference)
    assert app is not None and app.organisation == "Le Monde Paris Bureau"


def test_a_georgian_name_prints_in_its_own_letters(store: Store, event: EventConfig, tmp_path: Path) -> None:
    """Python's upper() turns Georgian into Mtavruli, which no badge font draws: the capitals keep Georgian."""
    import_list(
        store, write_csv(tmp_path / "l.csv", [{**row_of(people(1)[0]), "family_name": "ბერიძე"}]), FIRST_MORNING
    )
    app = store.applications.get(people(1)[0].reference)
    assert app is not None and app.display_name.startswith("ბერიძე, ")
