"""Reading the accreditation list as spreadsheets and platforms write it.

CSV in UTF-8 with or without a byte-order mark, comma- or semicolon-separated (Excel in a French or Belgian
locale writes semicolons); or JSON, a list of objects with the same keys. Each record keeps the line number a
person would look for: the spreadsheet row for CSV, the item number for JSON.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desk_app.errors import ImportRejected, RowProblem

MAX_FILE_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class SourceRecord:
    line: int
    fields: dict[str, Any]


@dataclass(frozen=True)
class Source:
    columns: tuple[str, ...]
    records: list[SourceRecord]
    line_label: str  # "line" for CSV, "item" for JSON


def read_source(path: Path) -> Source:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise _file_problem(f"the file is larger than {MAX_FILE_BYTES // 2**20} MiB")
        data = path.read_bytes()
    except OSError as exc:
        raise _file_problem(f"cannot read {path}: {exc.strerror}") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportRejected([RowProblem(line, "", "not UTF-8 text (save the file as CSV UTF-8)")]) from exc
    if path.suffix.lower() == ".json" or text.lstrip().startswith("["):
        return _read_json(text)
    return _read_csv(text)


def _file_problem(reason: str) -> ImportRejected:
    return ImportRejected([RowProblem(0, "", reason)])


def _read_csv(text: str) -> Source:
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(text.splitlines(keepends=True), delimiter=delimiter, strict=True)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise _file_problem("the file is empty") from None
    except csv.Error as exc:
        raise ImportRejected([RowProblem(1, "", f"unreadable header: {exc}")]) from exc
    records: list[SourceRecord] = []
    problems: list[RowProblem] = []
    line = reader.line_num + 1
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(RowProblem(line, "", f"unreadable CSV: {exc}"))
            line = reader.line_num + 1
            continue
        if any(v.strip() for v in values):
            if len(values) > len(header):
                problems.append(RowProblem(line, "", f"{len(values)} fields but the header has {len(header)} columns"))
            records.append(SourceRecord(line, dict(zip(header, values, strict=False))))
        line = reader.line_num + 1
    if problems:
        raise ImportRejected(problems)
    return Source(tuple(header), records, "line")


def _read_json(text: str) -> Source:
    try:
        items = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportRejected([RowProblem(exc.lineno, "", f"not valid JSON: {exc.msg}")]) from exc
    if not isinstance(items, list):
        raise _file_problem("the JSON file must hold a list of objects")
    records: list[SourceRecord] = []
    problems: list[RowProblem] = []
    columns: dict[str, None] = {}
    for index, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            problems.append(RowProblem(index, "", "is not an object"))
            continue
        fields = {str(k).strip().lower(): v for k, v in item.items()}
        columns.update(dict.fromkeys(fields))
        records.append(SourceRecord(index, fields))
    if problems:
        raise ImportRejected(problems)
    return Source(tuple(columns), records, "item")
