"""Fuzzing the decoder entry point: a damaged PNG or PDF, however damaged, gives codes or a ``DecodeError`` naming
the file, within the time one file may take; never another exception, never a hang."""

from __future__ import annotations

import io
import struct
import time
import zlib
from pathlib import Path

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from desk_app.scan import Decoded, DecodeError, decode_file
from desk_app.scan.decode import DECODE_BUDGET_S
from tests.fuzz.mutations import FUZZ, examples, mutated_bytes
from tests.unit.scan.test_decode import CODE, qr_image, sheet

# Some seconds over the budget: it is checked between pages and retries, and this machine is shared.
SLOWEST_S = DECODE_BUDGET_S + 5


def qr_png(mode: str) -> bytes:
    out = io.BytesIO()
    sheet((160, 160), (qr_image("DM24-000285", box=3), (10, 10))).convert(mode).save(out, "PNG")
    return out.getvalue()


def qr_pdf() -> bytes:
    """A page just larger than its QR: a whole A4 page at 300 dpi would make each example cost a second."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(130, 130))
    canvas.drawImage(ImageReader(qr_image(CODE, box=2)), 10, 10, 110, 110)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


SEEDS = {"png-grey": qr_png("L"), "png-palette": qr_png("P"), "png-rgb": qr_png("RGB"), "pdf": qr_pdf()}


def chunks(png: bytes) -> list[tuple[bytes, bytes]]:
    found, at = [], 8
    while at + 8 <= len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        found.append((png[at + 4 : at + 8], png[at + 8 : at + 8 + length]))
        at += 12 + length
    return found


def png_of(parts: list[tuple[bytes, bytes]]) -> bytes:
    body = b"".join(struct.pack(">I", len(d)) + k + d + struct.pack(">I", zlib.crc32(k + d)) for k, d in parts)
    return b"\x89PNG\r\n\x1a\n" + body


@st.composite
def well_formed_damage(draw: st.DrawFn, png: bytes) -> bytes:
    """A PNG whose chunks are damaged inside but carry right checksums, so the damage reaches the decoder: a header
    claiming other sizes or depths, a palette cut short, pixel data changed before or after it is compressed."""
    parts = chunks(png)
    index = draw(st.integers(0, len(parts) - 1))
    kind, data = parts[index]
    if kind == b"IDAT" and draw(st.booleans()):
        raw = zlib.decompress(data)
        data = zlib.compress(draw(mutated_bytes(raw, max_edits=3)))
    else:
        data = draw(mutated_bytes(data, max_edits=3))
    parts[index] = (kind, data)
    if draw(st.booleans()):
        parts.insert(draw(st.integers(1, len(parts))), (draw(st.sampled_from([b"IDAT", b"tRNS", b"PLTE"])), b"\0"))
    return png_of(parts)


def check(path: Path) -> None:
    started = time.monotonic()
    try:
        found = decode_file(path)
    except DecodeError as error:
        event("refused")
        assert str(error)
    else:
        event("read, with codes" if found else "read, no code")
        assert all(isinstance(d, Decoded) and d.text for d in found)
    assert time.monotonic() - started < SLOWEST_S


@settings(FUZZ, max_examples=examples(300))
@given(seed=st.sampled_from(sorted(SEEDS)), data=st.data())
def test_a_damaged_file_is_read_or_refused(tmp_path: Path, seed: str, data: st.DataObject) -> None:
    path = tmp_path / ("scan.pdf" if seed == "pdf" else "scan.png")
    path.write_bytes(data.draw(mutated_bytes(SEEDS[seed]), label="contents"))
    check(path)


@settings(FUZZ, max_examples=examples(300))
@given(seed=st.sampled_from(["png-grey", "png-palette", "png-rgb"]), data=st.data())
def test_a_png_damaged_inside_its_checksums_is_read_or_refused(tmp_path: Path, seed: str, data: st.DataObject) -> None:
    path = tmp_path / "scan.png"
    path.write_bytes(data.draw(well_formed_damage(SEEDS[seed]), label="contents"))
    check(path)


def test_the_seeds_hold_their_codes(tmp_path: Path) -> None:
    """The damage starts from files that read: otherwise the fuzzing would never get past the first check."""
    for name, contents in SEEDS.items():
        path = tmp_path / ("scan.pdf" if name == "pdf" else "scan.png")
        path.write_bytes(contents)
        assert decode_file(path), name


# Found by the fuzzer: pdfium opens this file (a version it cannot read, a vertical tab where a line break ended an
# object) but cannot load its page, and its PdfiumError came out of decode_file instead of a DecodeError.
def test_a_pdf_whose_page_cannot_be_loaded_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    damaged = SEEDS["pdf"].replace(b"%PDF-1.3", b"%PDF-.3").replace(b"endobj\n4 0 obj", b"endobj\x0b4 0 obj")
    assert damaged != SEEDS["pdf"]
    path.write_bytes(damaged)
    with pytest.raises(DecodeError, match="page 1"):
        decode_file(path)
