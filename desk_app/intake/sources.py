"""Reading the accreditation list as spreadsheets and platforms write it, one record at a time.

CSV in UTF-8 with or without a byte-order mark, comma- or semicolon-separated (Excel in a French or Belgian
locale writes semicolons); or JSON, a list of objects with the same keys. Each record keeps the place a person
would look for: the spreadsheet line for CSV, the item number for JSON.

The file is read as a stream, so a list of 200,000 rows never sits in memory whole, and it is hashed as it is read,
so the log names exactly the bytes that were imported. Hostile files end cleanly: only regular files are opened
(a FIFO would block for ever), the size is capped, and JSON is parsed without turning numbers into Python integers
(a 5,000-digit number) or recursing without bound (a list nested 200,000 deep).
"""

from __future__ import annotations

import csv
import hashlib
import itertools
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from desk_app.core.text import printable, text_problem
from desk_app.errors import ImportRejected, RowProblem
from desk_app.files import NotAFile, open_regular
from desk_app.intake.json_items import NotText, Repeated, json_items

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_LINE_BYTES = 1 << 20
MAX_COLUMNS = 200
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class SourceRecord:
    line: int
    fields: dict[str, Any]


@dataclass
class Source:
    """A list being read: its columns, what its records are called, and the records as they are read.

    ``records`` yields a ``SourceRecord`` per row, or a ``RowProblem`` for a row that cannot be read at all;
    ``sha256`` follows the reading, complete once ``records`` is exhausted.
    """

    columns: tuple[str, ...] | None  # a CSV file's header; None for JSON, whose items each name their fields
    unit: str  # "line" for CSV, "item" for JSON
    records: Iterator[SourceRecord | RowProblem]
    expected_rows: int  # an estimate for progress; 0 when unknown
    _hash: Any = field(default_factory=hashlib.sha256)

    @property
    def sha256(self) -> str:
        return str(self._hash.hexdigest())

    def _consumed(self, data: bytes) -> bytes:
        self._hash.update(data)
        return data


def _open_list(path: Path) -> IO[bytes]:
    try:
        return open_regular(path)
    except NotAFile as exc:
        raise file_problem(f"{exc}: a list is a CSV or JSON file") from exc
    except OSError as exc:
        raise file_problem(f"cannot read {printable(str(path))}: {exc.strerror}") from exc


def file_problem(reason: str) -> ImportRejected:
    return ImportRejected([RowProblem(0, "", reason)])


def file_sha256(path: Path) -> str:
    """The SHA-256 of a regular file read in chunks, or "" when it cannot be read (for logging a refusal)."""
    digest = hashlib.sha256()
    try:
        with _open_list(path) as file:
            while chunk := file.read(1 << 20):
                digest.update(chunk)
    except (ImportRejected, OSError):
        return ""
    return digest.hexdigest()


@contextmanager
def open_source(path: Path) -> Iterator[Source]:
    """The list at ``path``, open for reading; ``ImportRejected`` when it cannot be read as a list at all."""
    with _open_list(path) as file:
        if os.fstat(file.fileno()).st_size > MAX_FILE_BYTES:
            raise file_problem(f"the file is larger than {MAX_FILE_BYTES // 2**20} MiB")
        head = file.read(4096).removeprefix(_BOM).lstrip()
        file.seek(0)
        if path.suffix.lower() == ".json" or head.startswith(b"["):
            yield _json_source(file)
        else:
            yield _csv_source(file)


def _csv_source(file: IO[bytes]) -> Source:
    source = Source((), "line", iter(()), _count_lines(file))
    lines = _decoded_lines(file, source._consumed)
    try:
        first = next(lines)
    except StopIteration:
        raise file_problem("the file is empty") from None
    if isinstance(first, RowProblem):
        raise ImportRejected([first])
    delimiter = ";" if first.count(";") > first.count(",") else ","
    try:
        header = [h.strip().lower() for h in next(csv.reader([first], delimiter=delimiter, strict=True))]
    except (csv.Error, StopIteration) as exc:
        raise ImportRejected([RowProblem(1, "", f"unreadable header: {exc}")]) from exc
    if problems := _header_problems(header):
        raise ImportRejected(problems)
    source.columns = tuple(header)
    source.records = _csv_records(lines, header, delimiter)
    return source


def _header_problems(header: list[str]) -> list[RowProblem]:
    """A header must name each column once, in plain text: a repeated column or one named with an invisible
    character ('photo' and a zero-width space) would drop or mix up a column without a word."""
    if len(header) > MAX_COLUMNS:
        return [RowProblem(1, "", f"the header has {len(header):,} columns: not the header of a list")]
    problems = []
    first_at: dict[str, int] = {}
    for index, name in enumerate(header, start=1):
        if problem := text_problem(name, letters=False):
            problems.append(RowProblem(1, printable(name), f"column {index}'s name {problem}"))
        elif name in first_at:
            problems.append(RowProblem(1, name, f"is column {first_at[name]} and column {index}"))
        first_at.setdefault(name, index)
    return problems


def _count_lines(file: IO[bytes]) -> int:
    """Lines after the header, for progress: a quick count of line ends (quoted line breaks make it an over-count)."""
    count = 0
    while chunk := file.read(1 << 20):
        count += chunk.count(b"\n")
    file.seek(0)
    return max(count - 1, 0)


def _decoded_lines(file: IO[bytes], consumed: Callable[[bytes], bytes]) -> Iterator[str | RowProblem]:
    """Each line of ``file`` as text, or the problem of a line that is not UTF-8 (the BOM of the first dropped).

    A line longer than ``MAX_LINE_BYTES`` ends the reading with a problem: no row is that long, and a file of one
    endless line must not be read into memory whole.
    """
    for number in itertools.count(1):
        raw = consumed(file.readline(MAX_LINE_BYTES + 1))
        if not raw:
            return
        if len(raw) > MAX_LINE_BYTES:
            yield RowProblem(number, "", f"is longer than {MAX_LINE_BYTES >> 20} MiB: not a row of the list")
            return
        if number == 1:
            raw = raw.removeprefix(_BOM)
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError:
            yield RowProblem(number, "", "not UTF-8 text (save the file as CSV UTF-8)")


def _csv_records(
    lines: Iterator[str | RowProblem], header: list[str], delimiter: str
) -> Iterator[SourceRecord | RowProblem]:
    undecodable: list[RowProblem] = []

    def text_lines() -> Iterator[str]:
        for line in lines:
            if isinstance(line, RowProblem):
                undecodable.append(line)
                yield "\n"  # keeps the csv reader's line count with the file's
            else:
                yield line

    reader = csv.reader(text_lines(), delimiter=delimiter, strict=True)
    reader_line_offset = 1  # the header was read before the reader started
    line = reader_line_offset + 1
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield RowProblem(line, "", f"unreadable CSV: {exc}")
            line = reader.line_num + reader_line_offset + 1
            continue
        yield from undecodable
        undecodable.clear()
        if any(v.strip() for v in values):
            if len(values) > len(header):
                yield RowProblem(line, "", f"{len(values)} fields but the header has {len(header)} columns")
            else:
                yield SourceRecord(line, dict(zip(header, values, strict=False)))
        line = reader.line_num + reader_line_offset + 1
    yield from undecodable


def _json_source(file: IO[bytes]) -> Source:
    source = Source(None, "item", iter(()), 0)
    items = json_items(file, source._consumed)
    try:
        first = next(items, None)
    except ValueError as exc:
        raise file_problem(str(exc)) from exc
    source.records = _json_records(itertools.chain([first] if first else [], items))
    return source


def _json_records(items: Iterator[tuple[int, Any] | RowProblem]) -> Iterator[SourceRecord | RowProblem]:
    for entry in items:
        if isinstance(entry, RowProblem):
            yield entry
            continue
        number, item = entry
        if not isinstance(item, dict):
            yield RowProblem(number, "", f"is {describe_json(item)}, not an object", unit="item")
        elif problems := _key_problems(number, item):
            yield from problems
        else:
            yield SourceRecord(number, {key.strip().lower(): value for key, value in item.items()})


def _key_problems(number: int, item: dict[str, Any]) -> list[RowProblem]:
    repeated = item.repeated if isinstance(item, Repeated) else []
    problems = [RowProblem(number, printable(key), "is named twice in the item", unit="item") for key in repeated]
    problems += [
        RowProblem(number, printable(key), f"the field's name {problem}", unit="item")
        for key in item
        if (problem := text_problem(key, letters=False))
    ]
    return problems


def describe_json(value: Any) -> str:
    """What a JSON value is, for a problem report: 'a list', 'true', 'a number (12345)'."""
    if isinstance(value, NotText):
        return value.what
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "null"
    if isinstance(value, int | float):
        return f"a number ({value!r:.20})"
    return "text" if isinstance(value, str) else type(value).__name__
