"""Applications (the accreditation list) and their photos."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from desk_app.core.model import (
    AccreditationKind,
    Application,
    Category,
    DocumentKind,
    IdDocument,
    PressCredential,
    Status,
)
from desk_app.core.text import fold
from desk_app.store.db import Database, escape_like

_COLUMNS = (
    "reference, kind, status, family_name, given_names, date_of_birth, nationality, document_kind, "
    "document_number, document_country, document_expiry, press_card_number, press_card_issuer, editor_letter, "
    "organisation, organisation_country, category, email, pool, annual_number, photo_sha256"
)
PURGED_DATE = "0001-01-01"  # stands for an erased date; the columns stay NOT NULL
_UPDATABLE = [*[c.strip() for c in _COLUMNS.split(",")][1:], "search_key", "updated_at"]


@dataclass(frozen=True)
class Photo:
    sha256: str
    mime: str
    data: bytes


def search_key(application: Application) -> str:
    """What name search matches against: both names in either order, plus the organisation."""
    return fold(
        f"{application.family_name} {application.given_names} | {application.given_names} "
        f"{application.family_name} | {application.organisation}"
    )


PreparedRow = tuple[Any, ...]


def prepare_row(app: Application, updated_at: str) -> PreparedRow:
    """An application as the row ``Applications.upsert_prepared`` writes, its search key computed."""
    return (
        app.reference,
        app.kind.value,
        app.status.value,
        app.family_name,
        app.given_names,
        app.date_of_birth.isoformat(),
        app.nationality,
        app.document.kind.value,
        app.document.number,
        app.document.country,
        app.document.expiry.isoformat(),
        app.press.card_number,
        app.press.card_issuer,
        int(app.press.editor_letter),
        app.organisation,
        app.organisation_country,
        app.category.value,
        app.email,
        int(app.pool),
        app.annual_number,
        app.photo_sha256,
        search_key(app),
        updated_at,
    )


def _from_row(row: Sequence[Any]) -> Application:
    return Application(
        reference=row[0],
        kind=AccreditationKind(row[1]),
        status=Status(row[2]),
        family_name=row[3],
        given_names=row[4],
        date_of_birth=date.fromisoformat(row[5]),
        nationality=row[6],
        document=IdDocument(DocumentKind(row[7]), row[8], row[9], date.fromisoformat(row[10])),
        press=PressCredential(row[11], row[12], bool(row[13])),
        organisation=row[14],
        organisation_country=row[15],
        category=Category(row[16]),
        email=row[17],
        pool=bool(row[18]),
        annual_number=row[19],
        photo_sha256=row[20],
    )


class Applications:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, reference: str) -> Application | None:
        row = self._db.one(f"SELECT {_COLUMNS} FROM applications WHERE reference = ?", (reference,))
        return _from_row(row) if row else None

    def search(self, text: str, limit: int = 20) -> list[Application]:
        """Applications whose names or organisation contain every word of ``text``, accents and case aside."""
        words = fold(text).split()
        if not words:
            return []
        where = " AND ".join("search_key LIKE ? ESCAPE '\\'" for _ in words)
        params: list[Any] = [f"%{escape_like(w)}%" for w in words]
        rows = self._db.all(
            f"SELECT {_COLUMNS} FROM applications WHERE {where} ORDER BY family_name, given_names LIMIT ?",
            [*params, limit],
        )
        return [_from_row(r) for r in rows]

    def without_card(self, kind: AccreditationKind) -> list[Application]:
        """Approved applications of ``kind`` whose holder has no badge and never had a card printed in advance:
        the people a pre-print reserves a card for."""
        rows = self._db.all(
            f"SELECT {_COLUMNS} FROM applications WHERE kind = ? AND status = 'approved'"
            " AND NOT EXISTS (SELECT 1 FROM badges WHERE badges.reference = applications.reference"
            " AND badges.voided_at IS NULL)"
            " AND NOT EXISTS (SELECT 1 FROM cards WHERE cards.reference = applications.reference)",
            (kind.value,),
        )
        return [_from_row(r) for r in rows]

    def all(self) -> Iterator[Application]:
        """Every application, by reference, streamed."""
        return (_from_row(r) for r in self._db.iterate(f"SELECT {_COLUMNS} FROM applications ORDER BY reference"))

    def references(self) -> set[str]:
        return {r[0] for r in self._db.all("SELECT reference FROM applications")}

    def upsert_many(self, applications: Iterable[Application], updated_at: str) -> tuple[int, int]:
        """Insert new applications and update known ones. Returns (added, updated)."""
        return self.upsert_prepared([[prepare_row(a, updated_at) for a in applications]])

    def upsert_prepared(self, batches: Iterable[list[PreparedRow]]) -> tuple[int, int]:
        """``upsert_many`` of rows made beforehand by ``prepare_row``, in batches: an import prepares its rows
        before taking the write lock, then writes them without holding them all in memory. Returns (added, updated).
        """
        added = updated = 0
        with self._db.write():
            known = self.references()
            for rows in batches:
                new = [r for r in rows if r[0] not in known]
                old = [(*r[1:], r[0]) for r in rows if r[0] in known]
                if new:
                    placeholders = ", ".join("?" * len(new[0]))
                    self._db.execute_many(
                        f"INSERT INTO applications ({_COLUMNS}, search_key, updated_at) VALUES ({placeholders})",
                        new,
                    )
                if old:
                    assignments = ", ".join(f"{c} = ?" for c in _UPDATABLE)
                    self._db.execute_many(f"UPDATE applications SET {assignments} WHERE reference = ?", old)
                known.update(r[0] for r in new)
                added, updated = added + len(new), updated + len(old)
        return added, updated

    def count(self) -> int:
        row = self._db.one("SELECT COUNT(*) FROM applications")
        return int(row[0]) if row else 0

    def identifying_samples(self, limit: int = 50) -> list[str]:
        """Some of the values a purge erases (names, document numbers, emails), to check the files for afterwards."""
        rows = self._db.all(
            "SELECT family_name, document_number, email FROM applications WHERE email != '' OR family_name != ''"
            " ORDER BY reference LIMIT ?",
            (limit,),
        )
        return [value for row in rows for value in row if len(value) >= 6]

    def purge_personal_data(self) -> int:
        """Erase what identifies a person (names, birth, documents, press card, email, photos); keep the
        reference, kind, status, organisation and category so badges, the log and the day's figures still add up.
        Returns the number of applications purged."""
        with self._db.write():
            changed = self._db.execute(
                f"UPDATE applications SET family_name = '', given_names = '', date_of_birth = '{PURGED_DATE}', "
                f"nationality = '', document_number = '', document_country = '', document_expiry = '{PURGED_DATE}', "
                "press_card_number = '', press_card_issuer = '', email = '', annual_number = '', photo_sha256 = '', "
                "search_key = '' WHERE email != '' OR family_name != ''"
            )
            self._db.execute("DELETE FROM photos")
        return changed

    def counts_by_kind_and_status(self) -> dict[tuple[AccreditationKind, Status], int]:
        rows = self._db.all("SELECT kind, status, COUNT(*) FROM applications GROUP BY kind, status")
        return {(AccreditationKind(k), Status(s)): n for k, s, n in rows}

    def put_photos(self, photos: Iterable[Photo]) -> None:
        with self._db.write():
            self._db.execute_many(
                "INSERT INTO photos (sha256, mime, data) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
                [(p.sha256, p.mime, p.data) for p in photos],
            )

    def photo(self, sha256: str) -> Photo | None:
        row = self._db.one("SELECT sha256, mime, data FROM photos WHERE sha256 = ?", (sha256,))
        return Photo(row[0], row[1], bytes(row[2])) if row else None
