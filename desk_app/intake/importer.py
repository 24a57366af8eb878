"""Import the accreditation list: validate every row, then write all of it in one transaction, or nothing.

A newer list re-imported updates the applications it names (a status turned to revoked, a corrected name) and
leaves the check-in history and issued badges as they are.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desk_app.core.clock import to_utc_text
from desk_app.errors import ImportRejected, RowProblem
from desk_app.intake.photos import PhotoProblem, load_photo
from desk_app.intake.rows import COLUMNS, OPTIONAL_COLUMNS, ParsedRow, parse_row
from desk_app.intake.sources import read_source
from desk_app.store import Store
from desk_app.store.applications import Photo

Progress = Callable[[int, int], None]
_PROGRESS_EVERY = 500


@dataclass(frozen=True)
class ImportSummary:
    file: str
    rows: int
    added: int
    updated: int
    photos: int
    file_sha256: str


def import_list(
    store: Store,
    path: Path,
    at: datetime,
    photos_dir: Path | None = None,
    progress: Progress | None = None,
    on_commit: Callable[[ImportSummary], object] | None = None,
) -> ImportSummary:
    """Validate ``path`` completely; raise ``ImportRejected`` with every problem, or import it all.

    ``on_commit`` runs inside the import's transaction (the service logs the import there), so the list and its
    log entry are written together or not at all.
    """
    source = read_source(path)
    missing = [c for c in COLUMNS if c not in source.columns and c not in OPTIONAL_COLUMNS]
    if missing:
        raise ImportRejected([RowProblem(1, c, "column missing from the header") for c in missing])

    total = len(source.records)
    parsed: list[ParsedRow] = []
    problems: list[RowProblem] = []
    photos: dict[str, Photo] = {}
    first_line_of: dict[str, int] = {}
    for done, record in enumerate(source.records, start=1):
        result = parse_row(record.line, record.fields)
        if isinstance(result, list):
            problems.extend(result)
        else:
            reference = result.application.reference
            if reference in first_line_of:
                problems.append(
                    RowProblem(record.line, "reference", f"{reference} is already on line {first_line_of[reference]}")
                )
            first_line_of.setdefault(reference, record.line)
            photo_problem = _attach_photo(result, photos_dir, photos)
            if photo_problem:
                problems.append(RowProblem(record.line, "photo", photo_problem))
            else:
                parsed.append(result)
        if progress and (done % _PROGRESS_EVERY == 0 or done == total):
            progress(done, total)
    if problems:
        raise ImportRejected([dataclasses.replace(p, unit=source.line_label) for p in problems])

    applications = [
        dataclasses.replace(p.application, photo_sha256=photos[p.photo].sha256 if p.photo else "") for p in parsed
    ]
    file_sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    with store.transaction():
        store.applications.put_photos(photos.values())
        added, updated = store.applications.upsert_many(applications, to_utc_text(at))
        summary = ImportSummary(path.name, total, added, updated, len(photos), file_sha256)
        if on_commit is not None:
            on_commit(summary)
    return summary


def _attach_photo(row: ParsedRow, photos_dir: Path | None, photos: dict[str, Photo]) -> str | None:
    """Load the row's photo into ``photos`` (once per file name); the problem, if any."""
    if not row.photo or row.photo in photos:
        return None
    if photos_dir is None:
        return f"names {row.photo!r} but no photo folder was given (--photos DIR)"
    try:
        photos[row.photo] = load_photo(photos_dir, row.photo)
    except PhotoProblem as exc:
        return str(exc)
    return None
