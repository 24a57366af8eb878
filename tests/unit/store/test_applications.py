"""Applications and photos on both backends: round trips, upserts, search, purge."""

from __future__ import annotations

from datetime import date

from desk_app.core.model import AccreditationKind, Category, DocumentKind, IdDocument, PressCredential, Status
from desk_app.store import Store
from desk_app.store.applications import PURGED_DATE, Photo
from tests.conftest import make_application

AT = "2024-02-01T00:00:00.000000Z"


def test_every_field_round_trips(store: Store) -> None:
    application = make_application(
        kind=AccreditationKind.ANNUAL,
        status=Status.PENDING,
        document=IdDocument(DocumentKind.ID_CARD, "T22000129", "FRA", date(2030, 12, 31)),
        press=PressCredential("", "", editor_letter=True),
        category=Category.PHOTOGRAPHER,
        pool=True,
        annual_number="A-17",
        photo_sha256="ab" * 32,
    )
    store.applications.upsert_many([application], AT)
    assert store.applications.get("DM24-000001") == application
    assert store.applications.get("DM24-404") is None


def test_upsert_adds_and_updates(store: Store) -> None:
    assert store.applications.upsert_many([make_application(), make_application(reference="DM24-000002")], AT) == (
        2,
        0,
    )
    added, updated = store.applications.upsert_many(
        [make_application(status=Status.REVOKED), make_application(reference="DM24-000003")], AT
    )
    assert (added, updated) == (1, 1)
    assert store.applications.count() == 3
    assert store.applications.get("DM24-000001").status is Status.REVOKED  # type: ignore[union-attr]
    assert [a.reference for a in store.applications.all()] == ["DM24-000001", "DM24-000002", "DM24-000003"]
    assert store.applications.references() == {"DM24-000001", "DM24-000002", "DM24-000003"}
    assert store.applications.upsert_many([], AT) == (0, 0)


def test_search_ignores_accents_case_and_order_and_takes_wildcards_literally(store: Store) -> None:
    store.applications.upsert_many(
        [
            make_application(),
            make_application(reference="DM24-000002", family_name="Muller", given_names="Anna"),
            make_application(reference="DM24-000003", family_name="Dupont_Ré", given_names="Zoé", organisation="50%"),
        ],
        AT,
    )
    assert [a.reference for a in store.applications.search("MULLER")] == ["DM24-000002", "DM24-000001"]
    assert [a.reference for a in store.applications.search("karl müller")] == ["DM24-000001"]
    assert [a.reference for a in store.applications.search("zoe dupont_re")] == ["DM24-000003"]
    assert [a.reference for a in store.applications.search("50%")] == ["DM24-000003"]
    assert store.applications.search("_") == [store.applications.get("DM24-000003")]
    assert store.applications.search("%") == [store.applications.get("DM24-000003")]
    assert store.applications.search("  ") == []
    assert len(store.applications.search("rheinische", limit=1)) == 1


def test_photos_are_kept_in_the_database_byte_for_byte(store: Store) -> None:
    portrait = Photo("cd" * 32, "image/jpeg", bytes(range(256)) * 40 + b"\x00\xff\x00")
    store.applications.put_photos([portrait, Photo("ef" * 32, "image/png", b"")])
    store.applications.put_photos([portrait])  # the same photo again is not an error
    assert store.applications.photo("cd" * 32) == portrait
    assert store.applications.photo("ef" * 32) == Photo("ef" * 32, "image/png", b"")
    assert store.applications.photo("00" * 32) is None


def test_purge_erases_people_and_keeps_the_figures(store: Store) -> None:
    store.applications.upsert_many([make_application(), make_application(reference="DM24-000002")], AT)
    store.applications.put_photos([Photo("cd" * 32, "image/jpeg", b"jpeg")])
    assert store.applications.purge_personal_data() == 2
    purged = store.applications.get("DM24-000001")
    assert purged is not None and purged.family_name == "" and purged.email == ""
    assert purged.date_of_birth.isoformat() == PURGED_DATE
    assert store.applications.photo("cd" * 32) is None
    assert store.applications.counts_by_kind_and_status() == {(AccreditationKind.MINISTERIAL, Status.APPROVED): 2}
    assert store.applications.purge_personal_data() == 0
