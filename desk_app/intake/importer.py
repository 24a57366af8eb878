"""Import the accreditation list: validate every row, then write all of it in one transaction, or nothing.

The file is read once, as a stream; checked rows wait in an anonymous temporary file (``spill``), so memory stays
flat however long the list, and the database's write lock is held only while the checked rows are written. A newer
list re-imported updates the applications it names (a status turned to revoked, a corrected name) and leaves the
check-in history and issued badges as they are.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desk_app.core.clock import to_utc_text
from desk_app.core.text import printable
from desk_app.errors import ImportRejected, RowProblem
from desk_app.intake.photos import PhotoProblem, load_photo
from desk_app.intake.rows import COLUMNS, OPTIONAL_COLUMNS, ParsedRow, parse_row
from desk_app.intake.sources import Source, open_source
from desk_app.intake.spill import Spill
from desk_app.store import Store
from desk_app.store.applications import Photo, PreparedRow, prepare_row

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
    # (font, rows): the system fonts some badges need besides the shipped DejaVu, for the import report
    fallback_fonts: tuple[tuple[str, int], ...] = ()


class _Problems:
    """The problems found so far: all counted, the first ``ImportRejected.MAX_LISTED`` kept for the report."""

    def __init__(self, unit: str) -> None:
        self.unit = unit  # what a row is called: "line" (CSV) or "item" (JSON)
        self.listed: list[RowProblem] = []
        self.total = 0
        self.rows: set[int] = set()

    def add(self, problem: RowProblem) -> None:
        self.total += 1
        self.rows.add(problem.line)
        if len(self.listed) < ImportRejected.MAX_LISTED:
            self.listed.append(problem)

    def in_row(self, problem: RowProblem) -> None:
        """A problem of a row's content, placed as the file's rows are numbered."""
        self.add(dataclasses.replace(problem, unit=self.unit))

    def rejection(self) -> ImportRejected:
        return ImportRejected(self.listed, self.total, len(self.rows))


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
    with open_source(path) as source, Spill[PreparedRow]() as rows, Spill[Photo](batch_size=50) as photos:
        if source.columns is not None:
            missing = [c for c in COLUMNS if c not in source.columns and c not in OPTIONAL_COLUMNS]
            if missing:
                raise ImportRejected([RowProblem(1, c, "column missing from the header") for c in missing])
        photo_count, fonts = _check_rows(source, at, photos_dir, rows, photos, progress)
        with store.transaction():
            for batch in photos.batches():
                store.applications.put_photos(batch)
            added, updated = store.applications.upsert_prepared(rows.batches())
            summary = ImportSummary(
                printable(path.name),  # as the log and the report can hold it: a name need not be UTF-8
                rows.count,
                added,
                updated,
                photo_count,
                source.sha256,
                tuple(fonts.items()),
            )
            if on_commit is not None:
                on_commit(summary)
    return summary


def _check_rows(
    source: Source,
    at: datetime,
    photos_dir: Path | None,
    rows: Spill[PreparedRow],
    photos: Spill[Photo],
    progress: Progress | None,
) -> tuple[int, Counter[str]]:
    """Parse and check every record into ``rows`` and ``photos``; raise ``ImportRejected`` listing the problems.
    Returns how many distinct photos the list names, and how many rows need each fallback font."""
    updated_at = to_utc_text(at)
    problems = _Problems(source.unit)
    first_line_of: dict[str, int] = {}
    photo_of: dict[str, str] = {}  # file name -> sha256, each photo loaded once
    fonts: Counter[str] = Counter()
    done = 0
    for record in source.records:
        done += 1
        if progress and done % _PROGRESS_EVERY == 0:
            progress(done, max(done, source.expected_rows))
        if isinstance(record, RowProblem):
            problems.add(record)
            continue
        result = parse_row(record.line, record.fields)
        if isinstance(result, list):
            for problem in result:
                problems.in_row(problem)
            continue
        reference = result.application.reference
        if reference in first_line_of:
            first = f"{source.unit} {first_line_of[reference]}"
            problems.in_row(RowProblem(record.line, "reference", f"{reference} is already on {first}"))
            continue
        first_line_of[reference] = record.line
        photo_problem = _load_photo(result, photos_dir, photo_of, photos)
        if photo_problem:
            problems.in_row(RowProblem(record.line, "photo", photo_problem))
        elif not problems.total:
            fonts.update(result.fallback_fonts)
            sha256 = photo_of[result.photo] if result.photo else ""
            rows.add(prepare_row(dataclasses.replace(result.application, photo_sha256=sha256), updated_at))
    if progress:
        progress(done, done)
    if problems.total:
        raise problems.rejection()
    return len(photo_of), fonts


def _load_photo(row: ParsedRow, photos_dir: Path | None, photo_of: dict[str, str], photos: Spill[Photo]) -> str | None:
    """Check the row's photo and set it aside for the write (once per file name); the problem, if any."""
    if not row.photo or row.photo in photo_of:
        return None
    if photos_dir is None:
        return f"names {row.photo!r} but no photo folder was given (--photos DIR)"
    try:
        photo = load_photo(photos_dir, row.photo)
    except PhotoProblem as exc:
        return str(exc)
    photo_of[row.photo] = photo.sha256
    photos.add(photo)
    return None
