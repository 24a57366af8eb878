"""Decoding real codes: QR codes and Code128 drawn by the libraries that print them, saved the way scans arrive
(PNG, JPEG, TIFF, PDF, raw camera frames) and read back through the one decoder entry point.
"""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import qrcode
from barcode import Code128
from barcode.writer import ImageWriter
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image, ImageFilter
from qrcode.constants import ERROR_CORRECT_M
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.renderPDF import draw as draw_drawing
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from desk_app.errors import DeskError
from desk_app.scan import Decoded, DecodeError, centre_region, decode_file, decode_grey, decode_image
from desk_app.scan.retries import RETRIES, Retry, binarise, halve, otsu_threshold

BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
REFERENCE = "DM24-000285"


def confirmation_code(seed: int = 0) -> str:
    """A signed confirmation code as the desk sees it: ~130 characters of the QR alphanumeric set."""
    rng = random.Random(seed)
    return f"A1:K7Q2:X4RT:M:{REFERENCE}:" + "".join(rng.choice(BASE32) for _ in range(103))


CODE = confirmation_code()


def qr_image(text: str, box: int = 4) -> Image.Image:
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=box, border=4)
    code.add_data(text)
    code.make(fit=True)
    return code.make_image().get_image().convert("L")


def code128_image(text: str, bar_height_mm: float = 10) -> Image.Image:
    options = {"module_width": 0.3, "module_height": bar_height_mm, "dpi": 200, "quiet_zone": 6.5, "write_text": False}
    return Code128(text, writer=ImageWriter()).render(options).convert("L")


def sheet(size: tuple[int, int], *placed: tuple[Image.Image, tuple[int, int]]) -> Image.Image:
    """White paper with each image pasted at its top-left corner."""
    paper = Image.new("L", size, 255)
    for image, corner in placed:
        paper.paste(image, corner)
    return paper


def faded_skewed_blurred(image: Image.Image) -> Image.Image:
    """A printout from a dying toner cartridge, put on the glass crooked, out of focus."""
    faded = image.point(lambda level: 100 + level * 60 // 255)
    skewed = faded.rotate(12, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=160)
    return skewed.filter(ImageFilter.GaussianBlur(1.9))


# Image files


@pytest.mark.parametrize("suffix", [".png", ".jpg", ".tif"])
def test_a_qr_code_is_read_back_from_each_image_format(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"scan{suffix}"
    sheet((400, 400), (qr_image(CODE), (100, 100))).convert("RGB").save(path)

    assert decode_file(path) == [Decoded(CODE, "QRCODE", None)]


def test_a_code128_is_read_back(tmp_path: Path) -> None:
    path = tmp_path / "badge.png"
    code128_image(REFERENCE).save(path)

    assert decode_file(path) == [Decoded(REFERENCE, "CODE128", None)]


def test_every_frame_of_a_multipage_tiff_is_read_with_its_page(tmp_path: Path) -> None:
    path = tmp_path / "two-pages.tif"
    first = sheet((500, 400), (qr_image(CODE), (50, 50)))
    second = sheet((500, 400), (code128_image(REFERENCE), (20, 100)))
    first.save(path, save_all=True, append_images=[second])

    assert decode_file(path) == [Decoded(CODE, "QRCODE", 1), Decoded(REFERENCE, "CODE128", 2)]


def test_transparent_and_16_bit_images_are_read_as_on_white_paper(tmp_path: Path) -> None:
    qr = qr_image(CODE)
    transparent = Image.new("RGBA", qr.size, (0, 0, 0, 0))  # black where it is see-through: read as is, all black
    transparent.paste((0, 0, 0, 255), mask=qr.point(lambda level: 255 - level))
    transparent.save(tmp_path / "transparent.png")
    qr.convert("I").point(lambda level: level * 257).convert("I;16").save(tmp_path / "sixteen.png")

    for name in ("transparent.png", "sixteen.png"):
        assert decode_file(tmp_path / name) == [Decoded(CODE, "QRCODE", None)], name


def test_codes_come_in_reading_order_and_once_each() -> None:
    other = confirmation_code(1)
    page = sheet(
        (1100, 900),
        (qr_image(CODE), (40, 40)),
        (code128_image(REFERENCE), (600, 60)),  # starts lower than the QR beside it: same line
        (qr_image(other), (40, 480)),
        (qr_image(CODE), (600, 480)),  # the first code again
    )

    assert decode_image(page) == [
        Decoded(CODE, "QRCODE"),
        Decoded(REFERENCE, "CODE128"),
        Decoded(other, "QRCODE"),
    ]


def test_text_is_utf8_and_latin1_when_not() -> None:
    for data, text in ((" Müller Ελλάδα\n".encode(), "Müller Ελλάδα"), ("Müller".encode("latin-1"), "Müller")):
        code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=4)
        code.add_data(data)
        assert decode_image(code.make_image().get_image()) == [Decoded(text, "QRCODE")]


def test_an_image_without_a_code_gives_nothing(tmp_path: Path) -> None:
    path = tmp_path / "blank.png"
    page = Image.new("L", (600, 400), 255)
    page.paste(0, (100, 100, 500, 120))  # a rule, not a barcode
    page.save(path)

    assert decode_file(path) == []


# PDF


def draw_vector_qr(canvas: Canvas, text: str, side: float, corner: tuple[float, float]) -> None:
    """The QR as reportlab draws it (vector squares), ``side`` points wide with its quiet zone."""
    widget = QrCodeWidget(text, barLevel="M")
    left, bottom, right, top = widget.getBounds()
    drawing = Drawing(side, side, transform=[side / (right - left), 0, 0, side / (top - bottom), 0, 0])
    drawing.add(widget)
    draw_drawing(drawing, canvas, *corner)


def pdf_with_code_on_page_two(path: Path, vector: bool) -> None:
    canvas = Canvas(str(path), pagesize=A4)
    canvas.drawString(72, 760, "European Council - media accreditation: what to bring")
    canvas.showPage()
    canvas.drawString(72, 760, "Your confirmation code")
    if vector:
        draw_vector_qr(canvas, CODE, 30 * mm, (72, 600))
    else:
        canvas.drawImage(ImageReader(qr_image(CODE, box=2)), 72, 600, 25 * mm, 25 * mm)
    canvas.drawString(72, 580, REFERENCE)
    canvas.showPage()
    canvas.save()


@pytest.mark.parametrize("vector", [False, True], ids=["qr-image", "qr-vector"])
def test_a_pdf_is_read_page_by_page(tmp_path: Path, vector: bool) -> None:
    path = tmp_path / "confirmation.pdf"
    pdf_with_code_on_page_two(path, vector)

    assert decode_file(path) == [Decoded(CODE, "QRCODE", 2)]


def test_a_qr_too_small_for_200_dpi_is_read_at_300(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "small.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    draw_vector_qr(canvas, CODE, 10 * mm, (72, 600))
    canvas.save()

    assert decode_file(path, retries=False) == [Decoded(CODE, "QRCODE", 1)]
    monkeypatch.setattr("desk_app.scan.decode.PDF_RETRY_DPI", 200)
    assert decode_file(path, retries=False) == []


# Raw camera frames


def camera_frame(padding: int = 0) -> tuple[bytes, int, int, int]:
    """A 1280x720 grey frame with a QR in the middle, each row followed by ``padding`` junk bytes."""
    qr = qr_image(CODE, box=5)
    frame = sheet((1280, 720), (qr, ((1280 - qr.width) // 2, (720 - qr.height) // 2)))
    rows = frame.tobytes()
    padded = b"".join(rows[y * 1280 : (y + 1) * 1280] + b"\x7f" * padding for y in range(720))
    return padded, 1280, 720, 1280 + padding


@pytest.mark.parametrize("padding", [0, 64])
def test_a_raw_grey_frame_is_read_with_or_without_stride_padding(padding: int) -> None:
    data, width, height, stride = camera_frame(padding)

    rows = memoryview(data).cast("B", (height, stride))  # how some camera APIs shape their buffers

    for buffer in (data, memoryview(data), rows):
        assert decode_grey(buffer, width, height, stride) == [Decoded(CODE, "QRCODE")]
        region = centre_region(buffer, width, height, stride=stride)
        assert decode_grey(*region) == [Decoded(CODE, "QRCODE")]


def test_the_centre_region_of_a_camera_frame_holds_the_code() -> None:
    data, width, height, stride = camera_frame(padding=32)

    region, region_width, region_height = centre_region(data, width, height, stride=stride)

    assert (region_width, region_height) == (768, 432)
    assert decode_grey(region, region_width, region_height) == [Decoded(CODE, "QRCODE")]


@given(
    width=st.integers(1, 40),
    height=st.integers(1, 40),
    padding=st.integers(0, 7),
    fraction=st.floats(0.05, 1.0),
)
def test_centre_region_is_the_centred_crop(width: int, height: int, padding: int, fraction: float) -> None:
    stride = width + padding
    data = bytes((x * 7 + y * 13) % 256 for y in range(height) for x in range(stride))
    image = Image.frombytes("L", (width, height), data, "raw", "L", stride)

    region, region_width, region_height = centre_region(data, width, height, fraction, stride=stride)

    left, top = (width - region_width) // 2, (height - region_height) // 2
    assert region == image.crop((left, top, left + region_width, top + region_height)).tobytes()
    assert (region_width, region_height) == (max(1, round(width * fraction)), max(1, round(height * fraction)))


def test_frames_decode_in_parallel_threads() -> None:
    data, width, height, _ = camera_frame()
    region = centre_region(data, width, height)

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: decode_grey(*region), range(16)))

    assert results == [[Decoded(CODE, "QRCODE")]] * 16


@pytest.mark.parametrize(
    ("size", "width", "height", "stride"),
    [(100, 10, 10, 9), (99, 10, 10, None), (100, 0, 10, None), (100, 10, -1, None)],
)
def test_bad_frame_geometry_is_a_programming_error(size: int, width: int, height: int, stride: int | None) -> None:
    with pytest.raises(ValueError):
        decode_grey(bytes(size), width, height, stride)


# Unreadable files


def test_unreadable_files_are_refused_naming_the_file(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a scan\n")
    truncated = tmp_path / "truncated.png"
    qr_image(CODE).save(truncated)
    truncated.write_bytes(truncated.read_bytes()[:300])
    broken_pdf = tmp_path / "broken.pdf"
    broken_pdf.write_bytes(b"%PDF-1.7\n this is not a PDF body\n")

    for path in (notes, truncated, broken_pdf, tmp_path / "missing.png", tmp_path):
        with pytest.raises(DecodeError, match=path.name) as caught:
            decode_file(path)
        assert isinstance(caught.value, DeskError)
        assert caught.value.exit_code == 2


def test_an_image_too_large_for_a_scan_is_refused_not_warned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 10_000)
    for name, size in (("warned.png", (120, 100)), ("refused.png", (200, 200))):
        Image.new("L", size, 255).save(tmp_path / name)
        with pytest.raises(DecodeError, match="too large"):
            decode_file(tmp_path / name)


# Retries


def test_a_faded_skewed_blurred_printout_is_read_only_thanks_to_the_retries(tmp_path: Path) -> None:
    path = tmp_path / "bad-scan.png"
    faded_skewed_blurred(qr_image(CODE)).save(path)

    assert decode_file(path, retries=False) == []
    assert decode_file(path) == [Decoded(CODE, "QRCODE")]


def test_a_short_code128_skewed_by_14_degrees_is_read_only_by_turning_it() -> None:
    skewed = code128_image(REFERENCE, bar_height_mm=5).rotate(14, expand=True, fillcolor=255)

    assert decode_image(skewed, retries=False) == []
    assert decode_image(skewed) == [Decoded(REFERENCE, "CODE128")]


def recorded_retries(tried: list[str]) -> tuple[Retry, ...]:
    """The decoder's retries, each noting its name in ``tried`` when it runs."""

    def recorded(retry: Retry) -> Retry:
        def rework(image: Image.Image) -> Image.Image | None:
            tried.append(retry.name)
            return retry.rework(image)

        return Retry(retry.name, rework)

    return tuple(recorded(retry) for retry in RETRIES)


def test_retries_run_in_order_only_when_the_first_pass_finds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    tried: list[str] = []
    monkeypatch.setattr("desk_app.scan.decode.RETRIES", recorded_retries(tried))
    clean = qr_image(CODE)

    decode_image(clean)
    assert tried == []
    decode_image(faded_skewed_blurred(clean))
    assert tried == ["halve", "binarise", "sharpen and binarise"]


def test_otsu_splits_ink_from_paper_and_halving_spares_small_images() -> None:
    faded = sheet((100, 100), (Image.new("L", (50, 100), 0), (0, 0))).point(lambda level: 90 + level * 80 // 255)

    assert 90 <= otsu_threshold(faded) < 170
    assert sorted(set(binarise(faded).tobytes())) == [0, 255]
    assert halve(Image.new("L", (1280, 720))) is None
    reduced = halve(Image.new("L", (2480, 3508)))
    assert reduced is not None and reduced.size == (1240, 1754)
