"""The items of a JSON list, decoded one at a time from a file read a megabyte at a time.

The standard library parses a whole document at once: a list of 200,000 applications (130 MB of text) would sit in
memory three times over (bytes, text, objects). Here each item is handed to ``json``'s decoder as soon as its text
has been read, and the text before it is dropped. Numbers are never converted (a 5,000-digit integer stays a short
description, NaN never becomes a value) and nesting deeper than Python's recursion limit is a problem, not a crash.
"""

from __future__ import annotations

import codecs
import itertools
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from desk_app.errors import RowProblem

_CHUNK = 1 << 20
# A row of the list is a few hundred characters; text read this far past an item's start without completing it
# is a hostile or broken file, reported without reading the rest.
MAX_ITEM_CHARS = 4 << 20
_NOT_SPACE = re.compile(r"[^ \t\r\n]")


@dataclass(frozen=True)
class NotText:
    """A JSON value that is not a string, kept as what it is rather than converted: ``a number (12345)``."""

    what: str

    def __str__(self) -> str:
        return self.what


class Repeated(dict[str, Any]):
    """A JSON object that names a field twice (``family_name`` and ``Family_Name``): which one the list owner meant
    is unknown, so the item is a problem. ``repeated`` are the names given again, as the list writes them."""

    def __init__(self, pairs: list[tuple[str, Any]], repeated: list[str]) -> None:
        super().__init__(pairs)
        self.repeated = repeated


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: set[str] = set()
    repeated = []
    for key, _ in pairs:
        folded = key.strip().lower()
        if folded in seen:
            repeated.append(key)
        seen.add(folded)
    return Repeated(pairs, repeated) if repeated else dict(pairs)


_DECODER = json.JSONDecoder(
    object_pairs_hook=_object,
    parse_int=lambda literal: NotText(f"a number ({literal[:20]})"),
    parse_float=lambda literal: NotText(f"a number ({literal[:20]})"),
    parse_constant=lambda literal: NotText(f"{literal}, not a number a person would write"),
    strict=True,
)


class NotUtf8(ValueError):
    """The file is not UTF-8; ``line`` is where the first bad byte is."""

    def __init__(self, line: int) -> None:
        super().__init__(f"not UTF-8 text at line {line}")
        self.line = line


class ItemTooLarge(ValueError):
    """An item's text goes on past ``MAX_ITEM_CHARS`` without being a complete JSON value."""


class _Text:
    """The file's text from ``pos`` on, read as far as needed; what lies before ``pos`` is dropped now and then."""

    def __init__(self, file: IO[bytes], consumed: Callable[[bytes], bytes]) -> None:
        self._file = file
        self._consumed = consumed
        self._decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self.text = ""
        self.pos = 0
        self.ended = False
        self._lines_dropped = 0

    def more(self) -> bool:
        """Read the next chunk onto the text; False at the end of the file."""
        if self.ended:
            return False
        chunk = self._consumed(self._file.read(_CHUNK))
        try:
            self.text += self._decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as exc:
            raise NotUtf8(self.line_at(len(self.text)) + chunk[: exc.start].count(b"\n")) from exc
        self.ended = not chunk
        return bool(chunk)

    def peek(self) -> str:
        """The first character at or after ``pos`` that is not white space (``pos`` moves to it); "" at the end.
        White space read past is dropped at once: a file of nothing but spaces stays a chunk in memory."""
        while True:
            found = _NOT_SPACE.search(self.text, self.pos)
            if found:
                self.pos = found.start()
                return self.text[self.pos]
            self.pos = len(self.text)
            self._drop(always=True)
            if not self.more():
                return ""

    def value(self) -> Any:
        """Decode the value at ``pos``, reading more until it is complete (a value that ends where the text read so
        far ends may go on: a number cut in two)."""
        self.peek()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.text, self.pos)
            except json.JSONDecodeError:
                if len(self.text) - self.pos > MAX_ITEM_CHARS:
                    raise ItemTooLarge from None
                if self.more():
                    continue
                raise
            if end < len(self.text) or not self.more():
                self.pos = end
                self._drop()
                return value

    def line_at(self, pos: int) -> int:
        return self._lines_dropped + self.text.count("\n", 0, pos) + 1

    def _drop(self, always: bool = False) -> None:
        if self.pos > _CHUNK or (always and self.pos):
            self._lines_dropped += self.text.count("\n", 0, self.pos)
            self.text, self.pos = self.text[self.pos :], 0


def json_items(file: IO[bytes], consumed: Callable[[bytes], bytes]) -> Iterator[tuple[int, Any] | RowProblem]:
    """(item number, value) for each item of the JSON list in ``file``, or the problem that ends the reading.

    ``consumed`` sees every byte as it is read (the file's hash). Raises ``ValueError`` when the file does not start
    with a list.
    """
    text = _Text(file, consumed)
    try:
        if text.peek() != "[":
            raise ValueError("the JSON file must hold a list of objects")
        text.pos += 1
        yield from _items(text)
    except NotUtf8 as exc:
        yield RowProblem(exc.line, "", "not UTF-8 text (save the file as UTF-8)", unit="line")


def _items(text: _Text) -> Iterator[tuple[int, Any] | RowProblem]:
    if text.peek() == "]":
        text.pos += 1
        yield from _after_the_list(text)
        return
    for number in itertools.count(1):
        try:
            value = text.value()
        except json.JSONDecodeError as exc:
            line = text.line_at(exc.pos)
            yield RowProblem(line, "", f"not valid JSON (item {number}): {exc.msg}", unit="line")
            return
        except RecursionError:
            yield RowProblem(number, "", "is nested too deeply to be a row of the list", unit="item")
            return
        except ItemTooLarge:
            megabytes = MAX_ITEM_CHARS >> 20
            yield RowProblem(number, "", f"is larger than {megabytes} MB or never ends: not a row", unit="item")
            return
        yield number, value
        after = text.peek()
        text.pos += 1
        if after == "]":
            yield from _after_the_list(text)
            return
        if after != ",":
            line = text.line_at(text.pos - 1)
            yield RowProblem(line, "", f"not valid JSON (after item {number}): expected ',' or ']'", unit="line")
            return


def _after_the_list(text: _Text) -> Iterator[RowProblem]:
    """Nothing but white space may follow the list's closing bracket."""
    if text.peek():
        yield RowProblem(text.line_at(text.pos), "", "not valid JSON: text after the end of the list", unit="line")
