"""The JSON list read an item at a time, a chunk at a time: the same values as the standard library's whole-file
parse, wherever the chunks cut the text (in a number, in a multi-byte letter, in a string)."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desk_app.errors import RowProblem
from desk_app.intake import json_items as module
from desk_app.intake.json_items import json_items

VALUES = st.recursive(
    st.none() | st.booleans() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)


def read(data: bytes) -> list[tuple[int, Any] | RowProblem]:
    return list(json_items(io.BytesIO(data), lambda chunk: chunk))


@pytest.fixture(params=[1, 3, 7, 1 << 20], ids=lambda n: f"chunk{n}")
def chunk(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(module, "_CHUNK", request.param)
    return int(request.param)


@settings(max_examples=60, deadline=None)
@given(items=st.lists(VALUES, max_size=6), indent=st.sampled_from([None, 0, 2]), ascii_only=st.booleans())
def test_any_list_reads_as_the_standard_library_reads_it(
    items: list[Any], indent: int | None, ascii_only: bool
) -> None:
    for size in (1, 5, 1 << 20):
        module._CHUNK = size
        data = json.dumps(items, indent=indent, ensure_ascii=ascii_only).encode()
        assert read(data) == list(enumerate(items, start=1))
    module._CHUNK = 1 << 20


def test_numbers_cut_by_a_chunk_are_read_whole(chunk: int) -> None:
    [(_, value)] = read(b'[{"reference": 123456789}]')
    assert str(value["reference"]) == "a number (123456789)"
    assert read(b"[1234, 5]")[1][1].what == "a number (5)"


def test_problems_are_placed_by_line_across_chunks(chunk: int) -> None:
    assert read(b'[\n"a",\n"b"\n"c"]')[-1] == RowProblem(
        4, "", "not valid JSON (after item 2): expected ',' or ']'", "line"
    )
    assert read(b'["a"] x') == [(1, "a"), RowProblem(1, "", "not valid JSON: text after the end of the list", "line")]
    # with small chunks item 1 is read before the bad byte; with large ones the bad byte is met first
    assert read(b'[\n"\xc3\xa9",\n"\xff"]')[-1] == RowProblem(3, "", "not UTF-8 text (save the file as UTF-8)", "line")
    assert read(b"[]") == [] and read(b" [ ] \n") == []
    with pytest.raises(ValueError, match="must hold a list"):
        read(b'{"a": 1}')


def test_an_item_that_never_ends_stops_the_reading_early(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(module, "MAX_ITEM_CHARS", 1000)
    monkeypatch.setattr(module, "_CHUNK", 100)
    read_so_far: list[int] = []
    data = b'["a", "' + b"x" * 100_000
    items = list(json_items(io.BytesIO(data), lambda chunk: read_so_far.append(len(chunk)) or chunk))
    assert items == [(1, "a"), RowProblem(2, "", "is larger than 0 MB or never ends: not a row", "item")]
    assert sum(read_so_far) < 2000
