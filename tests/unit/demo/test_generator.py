"""The demo generator: valid, varied, deterministic rows; photos the importer accepts; a demo database that
behaves as its summary says."""

from __future__ import annotations

import re
import shutil
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import pairwise
from pathlib import Path

import pytest

from desk_app.config import DEFAULT_EVENT_FILE
from desk_app.core.model import (
    AccreditationKind,
    Action,
    CodeStatus,
    Outcome,
    PresentedDocument,
    PresentedPress,
    Reason,
    Status,
)
from desk_app.demo.build import MORNING_STARTS, DemoSample, DemoSummary, NotADemoDatabase, build_demo
from desk_app.demo.generator import generate_rows, write_csv, write_photos
from desk_app.demo.photos import portrait_jpeg
from desk_app.intake.photos import load_photo
from desk_app.intake.rows import COLUMNS, ParsedRow, parse_row
from desk_app.intake.sources import open_source
from desk_app.scan.decode import decode_file
from desk_app.service import DeskService
from desk_app.service.startup import event_of, install_event
from desk_app.store import open_store
from tests.conftest import BRUSSELS, FixedClock

GREEK_NATIONS = {"GRC", "CYP"}
CYRILLIC_NATIONS = {"UKR", "BGR", "SRB", "MNE"}


def scripts_of(text: str) -> set[str]:
    """'LATIN', 'GREEK' or 'CYRILLIC' for every letter; 'LATIN+' for a Latin letter with a diacritic."""
    found = set()
    for char in text:
        if not char.isalpha():
            continue
        name = unicodedata.name(char)
        script = name.split()[0]
        found.add("LATIN+" if script == "LATIN" and not char.isascii() else script)
    return found


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return generate_rows(300)


# --- rows ------------------------------------------------------------------------------------------------


def test_same_seed_gives_the_same_rows_and_another_seed_others() -> None:
    assert generate_rows(200, seed=7) == generate_rows(200, seed=7)
    assert generate_rows(200, seed=7) != generate_rows(200, seed=8)


def test_every_row_parses_into_the_application_it_describes(rows: list[dict[str, str]]) -> None:
    for line, row in enumerate(rows, start=2):
        assert list(row) == list(COLUMNS)
        parsed = parse_row(line, row)
        assert isinstance(parsed, ParsedRow), parsed
        app = parsed.application
        assert (app.reference, app.kind.value, app.status.value) == (row["reference"], row["kind"], row["status"])
        assert app.press.editor_letter == (row["editor_letter"] == "yes")


def test_three_hundred_rows_hold_every_status_both_kinds_and_three_scripts(rows: list[dict[str, str]]) -> None:
    assert {r["status"] for r in rows} == {s.value for s in Status}
    assert {r["kind"] for r in rows} == {k.value for k in AccreditationKind}
    scripts = set().union(*(scripts_of(r["family_name"] + r["given_names"]) for r in rows))
    assert {"LATIN+", "GREEK", "CYRILLIC"} <= scripts


@pytest.mark.parametrize("seed", range(10))
def test_even_a_list_of_twenty_holds_every_status_and_both_kinds(seed: int) -> None:
    small = generate_rows(20, seed=seed)
    assert {r["status"] for r in small} == {s.value for s in Status}
    assert {r["kind"] for r in small} == {k.value for k in AccreditationKind}


def test_names_are_written_in_the_script_of_their_nationality() -> None:
    for row in generate_rows(2000, seed=3):
        scripts = scripts_of(row["family_name"] + row["given_names"])
        if "GREEK" in scripts:
            assert row["nationality"] in GREEK_NATIONS, row
        elif "CYRILLIC" in scripts:
            assert row["nationality"] in CYRILLIC_NATIONS, row
        else:
            assert row["nationality"] not in GREEK_NATIONS | CYRILLIC_NATIONS, row
        assert row["document_country"] == row["nationality"]


def test_references_are_unique_and_say_the_kind() -> None:
    many = generate_rows(5000, seed=11)
    assert len({r["reference"] for r in many}) == len(many)
    assert len({r["annual_number"] for r in many if r["annual_number"]}) == sum(r["kind"] == "annual" for r in many)
    for row in many:
        if row["kind"] == "ministerial":
            assert re.fullmatch(r"DM24-\d{6}", row["reference"]) and not row["annual_number"]
        else:
            assert re.fullmatch(r"AN24-\d{6}", row["reference"])
            assert re.fullmatch(r"NATO-A24-\d{4}", row["annual_number"])


def test_the_mix_is_close_to_the_intended_shares() -> None:
    many = generate_rows(5000, seed=5)

    def share(test: Callable[[dict[str, str]], bool]) -> float:
        return sum(1 for r in many if test(r)) / len(many)

    assert 0.65 < share(lambda r: r["kind"] == "ministerial") < 0.75
    assert 0.80 < share(lambda r: r["status"] == "approved") < 0.90
    assert 0.05 < share(lambda r: r["editor_letter"] == "yes") < 0.11
    assert 0.07 < share(lambda r: r["pool"] == "yes") < 0.13
    assert 0.0 < share(lambda r: r["document_expiry"] < "2024-02-15") < 0.06
    assert 0.0 < share(lambda r: not r["photo"]) < 0.08
    pooled = Counter(r["category"] for r in many if r["pool"] == "yes")
    assert pooled["photographer"] + pooled["camera"] > 0.7 * sum(pooled.values())


def test_credentials_emails_and_photo_names_have_realistic_shapes() -> None:
    many = generate_rows(3000, seed=9)
    assert len({r["email"] for r in many}) == len(many)
    for row in many:
        assert re.fullmatch(r"[a-z]+\.[a-z]+\d*@example\.(org|com|net)", row["email"]), row["email"]
        if row["document_kind"] == "passport":
            assert re.fullmatch(r"[A-Z0-9]{9}", row["document_number"]), row
        if row["editor_letter"] == "yes":
            assert row["press_card_number"] == row["press_card_issuer"] == ""
        else:
            assert re.fullmatch(r"[A-Z]+-([A-Z]{3}-)?\d{5,6}", row["press_card_number"]), row
            assert row["press_card_issuer"]
        assert row["photo"] in ("", f"{row['reference']}.jpg")


# --- files -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_the_csv_reads_back_as_the_rows(tmp_path: Path, rows: list[dict[str, str]], delimiter: str) -> None:
    path = tmp_path / "list.csv"
    write_csv(rows, path, delimiter=delimiter)
    with open_source(path) as source:
        assert source.columns == COLUMNS
        assert [record.fields for record in source.records] == rows  # type: ignore[union-attr]


def test_photos_are_written_for_rows_naming_one_and_pass_the_importers_checks(
    tmp_path: Path, rows: list[dict[str, str]]
) -> None:
    some = rows[:40]
    assert write_photos(some, tmp_path) == sum(1 for r in some if r["photo"])
    named = [r for r in some if r["photo"]]
    photos = [load_photo(tmp_path, r["photo"]) for r in named]
    assert {p.mime for p in photos} == {"image/jpeg"}
    assert len({p.sha256 for p in photos}) == len(photos)
    assert portrait_jpeg(named[0]["reference"]) == (tmp_path / named[0]["photo"]).read_bytes()


# --- the demo database -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Built:
    summary: DemoSummary
    rows: list[dict[str, str]]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    out = tmp_path_factory.mktemp("demo")
    return Built(build_demo(out / "demo.sqlite", out, count=300, seed=2024), generate_rows(300, seed=2024))


def test_the_demo_database_holds_every_row_with_its_photo(built: Built) -> None:
    summary = built.summary
    with open_store(summary.db_path) as store:
        assert store.applications.count() == len(built.rows) == summary.applications
        assert sum(summary.counts.values()) == len(built.rows)
        with_photo = next(r for r in built.rows if r["photo"])
        app = store.applications.get(with_photo["reference"])
        assert app is not None and app.photo_sha256
        photo = store.applications.photo(app.photo_sha256)
        assert photo is not None and photo.mime == "image/jpeg" and photo.data.startswith(b"\xff\xd8")
        assert store.log.verify().intact
        assert store.log.count() == summary.log_entries
    assert summary.csv_path.exists() and summary.photos == len(list(summary.photos_dir.glob("*.jpg")))


def test_the_demo_morning_played_as_scripted(built: Built) -> None:
    summary = built.summary
    assert summary.unexpected == ()
    assert 38 <= summary.checkins[Outcome.ISSUE] <= 45
    assert summary.checkins[Outcome.REFUSE] >= 3
    assert summary.checkins[Outcome.REDIRECT] >= 1
    assert summary.checkins[Outcome.NEEDS_SUPERVISOR] == 1
    with open_store(summary.db_path) as store:
        event = event_of(store)
        assert event is not None
        morning = list(store.log.between(*event.day_bounds(date(2024, 2, 14))))
    times = [e.record.time for e in morning if e.record.action is Action.CHECKIN]
    assert len(times) == sum(summary.checkins.values())
    assert MORNING_STARTS < times[0] <= MORNING_STARTS + timedelta(seconds=90)
    assert all(30 <= (later - earlier).total_seconds() <= 90 for earlier, later in pairwise(times))


def test_the_samples_behave_as_the_summary_says(built: Built, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite"
    shutil.copy(built.summary.db_path, copy)
    samples = [built.summary.issue_at_groups, built.summary.annual_at_visitors, built.summary.revoked,
               built.summary.already_served]  # fmt: skip
    assert all(s is not None for s in samples)
    with open_store(copy) as store:
        event = event_of(store)
        assert event is not None
        desk = DeskService(store, event, FixedClock(datetime(2024, 2, 14, 10, 0, tzinfo=BRUSSELS)))

        def check_in(sample: DemoSample | None) -> tuple[Outcome, tuple[Reason, ...]]:
            assert sample is not None
            press = PresentedPress(sample.press_card) if sample.press_card else PresentedPress(editor_letter_seen=True)
            document = PresentedDocument(sample.document_number)
            result = desk.check_in(sample.staff.station, sample.reference, document, press)
            return result.verdict.outcome, result.verdict.reasons

        to_issue, annual, revoked, served = samples
        assert to_issue and store.badges.active_for(to_issue.reference) is None
        assert check_in(to_issue)[0] is Outcome.ISSUE and to_issue.staff.entrance == "groups"
        assert annual and store.badges.active_for(annual.reference) is None
        assert annual.reference.startswith("AN24-") and annual.staff.entrance == "visitors"
        assert check_in(annual)[0] is Outcome.ISSUE
        assert revoked and store.badges.active_for(revoked.reference) is None
        assert check_in(revoked) == (Outcome.REFUSE, (Reason.REVOKED,))
        assert served and store.badges.active_for(served.reference) is not None
        assert check_in(served) == (Outcome.REFUSE, (Reason.ALREADY_ISSUED,))


def test_the_printouts_carry_signed_codes_the_desk_accepts(built: Built, tmp_path: Path) -> None:
    summary = built.summary
    sample = summary.issue_at_groups
    assert sample is not None
    printouts = sorted(summary.confirmations_dir.glob("*.pdf"))
    assert (
        len(printouts)
        == summary.confirmations
        == summary.counts[AccreditationKind.MINISTERIAL, Status.APPROVED]
        + summary.counts[AccreditationKind.ANNUAL, Status.APPROVED]
    )
    [decoded] = decode_file(summary.confirmations_dir / f"{sample.reference}.pdf")
    copy = tmp_path / "copy.sqlite"
    shutil.copy(summary.db_path, copy)
    with open_store(copy) as store:
        event = event_of(store)
        assert event is not None
        desk = DeskService(store, event, FixedClock(datetime(2024, 2, 14, 10, 0, tzinfo=BRUSSELS)))
        reading = desk.read_code(decoded.text)
    assert (reading.status, reading.reference) == (CodeStatus.SIGNED_VALID, sample.reference)


def test_building_again_on_the_same_path_starts_afresh(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite"
    build_demo(db, tmp_path, count=40, seed=1)
    again = build_demo(db, tmp_path, count=30, seed=2)
    assert again.applications == 30
    with open_store(db) as store:
        assert store.applications.count() == 30
        assert store.log.verify().intact
        assert store.log.count() == again.log_entries


def test_a_database_it_did_not_make_is_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "desk.sqlite"
    with open_store(db) as store:
        install_event(store, DEFAULT_EVENT_FILE.read_text(encoding="utf-8"), "default", datetime.now(BRUSSELS))
    with pytest.raises(NotADemoDatabase, match="not a demo database"):
        build_demo(db, tmp_path / "out", count=20)
    with open_store(db) as store:
        assert event_of(store) is not None and store.log.count() == 1
    assert not (tmp_path / "out").exists()
