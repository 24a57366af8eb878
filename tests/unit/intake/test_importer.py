"""Importing the accreditation list: every bad row reported, nothing half-imported, history kept."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest
from PIL import Image

from desk_app.core.event import EventConfig
from desk_app.core.model import Application, PresentedDocument, PresentedPress, Status
from desk_app.errors import ImportRejected
from desk_app.intake.importer import import_list
from desk_app.intake.rows import COLUMNS
from desk_app.service import DeskService, Station
from desk_app.store import Store
from tests.conftest import FIRST_MORNING, make_application, store_of


def row_of(app: Application, photo: str = "") -> dict[str, str]:
    return {
        "reference": app.reference,
        "kind": app.kind.value,
        "status": app.status.value,
        "family_name": app.family_name,
        "given_names": app.given_names,
        "date_of_birth": app.date_of_birth.isoformat(),
        "nationality": app.nationality,
        "document_kind": app.document.kind.value,
        "document_number": app.document.number,
        "document_country": app.document.country,
        "document_expiry": app.document.expiry.isoformat(),
        "press_card_number": app.press.card_number,
        "press_card_issuer": app.press.card_issuer,
        "editor_letter": "yes" if app.press.editor_letter else "no",
        "organisation": app.organisation,
        "organisation_country": app.organisation_country,
        "category": app.category.value,
        "email": app.email,
        "pool": "yes" if app.pool else "no",
        "annual_number": app.annual_number,
        "photo": photo,
    }


def write_csv(path: Path, rows: list[dict[str, str]], delimiter: str = ",", bom: bool = False) -> Path:
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]) if rows else list(COLUMNS), delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)
    return path


def people(count: int) -> list[Application]:
    return [make_application(reference=f"DM24-{i:06d}", family_name=f"Dvořák{i}") for i in range(1, count + 1)]


@pytest.mark.parametrize(("delimiter", "bom"), [(",", False), (";", False), (";", True), (",", True)])
def test_csv_as_spreadsheets_write_it(
    store: Store, event: EventConfig, tmp_path: Path, delimiter: str, bom: bool
) -> None:
    path = write_csv(tmp_path / "list.csv", [row_of(a) for a in people(3)], delimiter, bom)
    summary = import_list(store, path, FIRST_MORNING)
    assert (summary.rows, summary.added, summary.updated) == (3, 3, 0)
    assert store.applications.get("DM24-000002") == make_application(reference="DM24-000002", family_name="Dvořák2")


def test_json_list_of_objects(store: Store, event: EventConfig, tmp_path: Path) -> None:
    rows = [row_of(a) for a in people(2)]
    rows[0]["pool"] = True  # type: ignore[assignment]  # JSON booleans are accepted
    path = tmp_path / "list.json"
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    import_list(store, path, FIRST_MORNING)
    assert store.applications.get("DM24-000001").pool is True
    assert store.applications.get("DM24-000002").pool is False


def test_every_bad_row_is_reported_and_nothing_is_imported(store: Store, event: EventConfig, tmp_path: Path) -> None:
    rows = [row_of(a) for a in people(6)]
    rows[1]["kind"] = "vip"
    rows[1]["date_of_birth"] = "14/02/1980"
    rows[2]["nationality"] = "XYZ"
    rows[3]["email"] = "not an email"
    rows[4]["reference"] = "DM24-000001"
    rows[5]["press_card_number"] = ""
    path = write_csv(tmp_path / "list.csv", rows)
    with pytest.raises(ImportRejected) as caught:
        import_list(store, path, FIRST_MORNING)
    found = {(p.line, p.column) for p in caught.value.problems}
    assert found == {
        (3, "kind"),
        (3, "date_of_birth"),
        (4, "nationality"),
        (5, "email"),
        (6, "reference"),
        (7, "press_card_number"),
    }
    assert "line 3, kind: 'vip' is not one of ministerial|annual" in [str(p) for p in caught.value.problems]
    assert store.applications.count() == 0
    assert store.log.count() == 1  # only the event configuration


def test_missing_columns_are_named(store: Store, event: EventConfig, tmp_path: Path) -> None:
    rows = [{k: v for k, v in row_of(a).items() if k not in ("email", "category")} for a in people(1)]
    with pytest.raises(ImportRejected) as caught:
        import_list(store, write_csv(tmp_path / "l.csv", rows), FIRST_MORNING)
    assert {(p.line, p.column) for p in caught.value.problems} == {(1, "email"), (1, "category")}


def test_broken_files_are_rejected_with_a_place(store: Store, event: EventConfig, tmp_path: Path) -> None:
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes(",".join(COLUMNS).encode() + "\nDM24-1,ministerial,approved,Müller".encode("latin-1"))
    with pytest.raises(ImportRejected, match="nothing imported") as caught:
        import_list(store, latin1, FIRST_MORNING)
    assert caught.value.problems[0].line == 2 and "UTF-8" in caught.value.problems[0].reason
    bad_json = tmp_path / "bad.json"
    bad_json.write_text('[{"reference": "DM24-1",\n "kind": }]')
    with pytest.raises(ImportRejected) as caught:
        import_list(store, bad_json, FIRST_MORNING)
    assert caught.value.problems[0].line == 2
    assert store.applications.count() == 0


def test_reimport_updates_and_keeps_history(desk: DeskService, tmp_path: Path) -> None:
    store = store_of(desk)
    apps = people(2)
    import_list(store, write_csv(tmp_path / "v1.csv", [row_of(a) for a in apps]), FIRST_MORNING)
    served = desk.check_in(
        Station("groups", "G1", "anna"), "DM24-000001", PresentedDocument("C01X00T47"), PresentedPress("DJV-48213")
    )
    assert served.badge is not None
    newer = [row_of(apps[0]), {**row_of(apps[1]), "status": "revoked", "family_name": "Dvořáková"}]
    summary = import_list(store, write_csv(tmp_path / "v2.csv", newer), FIRST_MORNING)
    assert (summary.added, summary.updated) == (0, 2)
    assert store.applications.get("DM24-000002").status is Status.REVOKED
    assert store.applications.get("DM24-000002").family_name == "Dvořáková"
    assert store.badges.active_for("DM24-000001") == served.badge
    assert [e.record.action.value for e in store.log.for_reference("DM24-000001")] == ["CHECKIN", "ISSUE"]
    assert store.log.verify().intact


def save_image(path: Path, kind: str, size: tuple[int, int] = (300, 400)) -> Path:
    Image.new("RGB", size, (200, 180, 160)).save(path, kind)
    return path


def test_photos_are_stored_in_the_database(store: Store, event: EventConfig, tmp_path: Path) -> None:
    photos = tmp_path / "photos"
    photos.mkdir()
    save_image(photos / "a.jpg", "JPEG")
    save_image(photos / "b.png", "PNG")
    apps = people(3)
    rows = [row_of(apps[0], "a.jpg"), row_of(apps[1], "b.png"), row_of(apps[2])]
    summary = import_list(store, write_csv(tmp_path / "l.csv", rows), FIRST_MORNING, photos)
    assert summary.photos == 2
    stored = store.applications.get("DM24-000001")
    photo = store.applications.photo(stored.photo_sha256)
    assert photo.mime == "image/jpeg" and photo.data == (photos / "a.jpg").read_bytes()
    assert store.applications.photo(store.applications.get("DM24-000002").photo_sha256).mime == "image/png"
    assert store.applications.get("DM24-000003").photo_sha256 == ""


def test_bad_photos_are_bad_rows(store: Store, event: EventConfig, tmp_path: Path) -> None:
    photos = tmp_path / "photos"
    photos.mkdir()
    (tmp_path / "outside.jpg").write_bytes(save_image(tmp_path / "o.jpg", "JPEG").read_bytes())
    (photos / "fake.jpg").write_bytes(b"GIF89a not really a jpeg" * 10)
    save_image(photos / "tiny.png", "PNG", (20, 20))
    save_image(photos / "anim.gif", "GIF")
    truncated = save_image(photos / "cut.jpg", "JPEG").read_bytes()
    (photos / "cut.jpg").write_bytes(truncated[: len(truncated) // 2])
    os.symlink(tmp_path / "outside.jpg", photos / "link.jpg")
    names = ["../outside.jpg", "/etc/passwd", "fake.jpg", "tiny.png", "anim.gif", "cut.jpg", "link.jpg", "none.jpg"]
    rows = [row_of(a, n) for a, n in zip(people(len(names)), names, strict=True)]
    with pytest.raises(ImportRejected) as caught:
        import_list(store, write_csv(tmp_path / "l.csv", rows), FIRST_MORNING, photos)
    problems = {p.line: p.reason for p in caught.value.problems}
    assert all(p.column == "photo" for p in caught.value.problems)
    assert sorted(problems) == list(range(2, 2 + len(names)))
    assert "outside the photo folder" in problems[2] and "outside the photo folder" in problems[3]
    assert "not a readable JPEG or PNG" in problems[4]
    assert "pixels" in problems[5]
    assert "not JPEG or PNG" in problems[6]
    assert "outside the photo folder" in problems[8]
    assert "not in the photo folder" in problems[9]
    assert store.applications.count() == 0


def test_photo_named_without_a_folder(store: Store, event: EventConfig, tmp_path: Path) -> None:
    with pytest.raises(ImportRejected, match="nothing imported") as caught:
        import_list(store, write_csv(tmp_path / "l.csv", [row_of(people(1)[0], "a.jpg")]), FIRST_MORNING)
    assert "--photos" in caught.value.problems[0].reason


def test_progress_is_reported(store: Store, event: EventConfig, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    path = write_csv(tmp_path / "l.csv", [row_of(a) for a in people(1200)])
    import_list(store, path, FIRST_MORNING, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(500, 1200), (1000, 1200), (1200, 1200)]
