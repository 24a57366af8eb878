"""Rendering: long names stay in their boxes, output is byte-for-byte repeatable, batches, photos, bad data."""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from PIL import Image

import badges.render
from badges import BadgeError, page_size, render_badge, render_batch
from badges.fit import FittedText
from badges.layout import MM, Field, Text, template_for
from badges.photo import frame_pixels, prepare_photo
from tests.unit.badges.test_roundtrip import demo_photo, page_sizes, page_text, rasterise, sample, zbar_read

SAFE = 1.0 * MM  # no glyph closer than 1 mm to the card's edge
TOLERANCE = 0.5  # points: glyph boxes are measured from outlines, boxes are ideal
LONG_NAMES = {
    "spaced": "Wolfeschlegelsteinhausenbergerdorff Ramírez de la Cruz y Sáe",
    "one-word": "Ж" * 60,
    "greek": "Παπαδοπούλου-Καραγιαννοπούλου Αλεξανδροπούλου Χατζηδημητρίου",
}

Rect = tuple[float, float, float, float]  # left, bottom, right, top in points


def glyphs(pdf: bytes) -> list[tuple[str, Rect]]:
    """Every visible character of the first page with its glyph box."""
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        textpage = page.get_textpage()
        found = [(textpage.get_text_range(i, 1), textpage.get_charbox(i)) for i in range(textpage.count_chars())]
        textpage.close()
        page.close()
    finally:
        document.close()
    return [(char, box) for char, box in found if char.strip()]


def misplaced_glyphs(pdf: bytes, size: str, family_name: str) -> list[str]:
    """Glyphs closer than 1 mm to the page edge, and glyphs of the family name outside their template box."""
    width, height = page_size(size)
    found = glyphs(pdf)
    problems = [
        f"{char!r} at {box}"
        for char, box in found
        if box[0] < SAFE or box[1] < SAFE or box[2] > width - SAFE or box[3] > height - SAFE
    ]
    letters = "".join(char for char, _ in found)
    start = letters.find(family_name.replace(" ", ""))
    assert start >= 0, "the family name is not in the page's text"
    element = next(
        e for e in template_for("ministerial", size).elements if isinstance(e, Text) and e.field is Field.FAMILY_NAME
    )
    left, top = element.box.x * MM, height - element.box.y * MM
    right, bottom = element.box.right * MM, height - element.box.bottom * MM
    for char, box in found[start : start + len(family_name.replace(" ", ""))]:
        if (
            box[0] < left - TOLERANCE
            or box[2] > right + TOLERANCE
            or box[1] < bottom - TOLERANCE
            or box[3] > top + TOLERANCE
        ):
            problems.append(f"{char!r} of the family name at {box}, outside its box")
    return problems


@pytest.mark.parametrize("name", list(LONG_NAMES))
@pytest.mark.parametrize("size", ["card", "a6"])
def test_a_60_character_name_stays_inside_its_box_and_the_card(size: str, name: str) -> None:
    family = LONG_NAMES[name]
    assert len(family) == 60
    data = sample(family_name=family, given_names=family, organisation=family)
    pdf = render_badge(data, size)
    assert misplaced_glyphs(pdf, size, family) == []
    assert zbar_read(rasterise(pdf)) == {("QRCODE", data.serial), ("CODE128", data.serial)}


def test_the_overflow_check_catches_a_name_that_is_not_fitted(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without fitting, the same name runs off the card, and the check above says so."""
    monkeypatch.setattr(
        badges.render, "fit_text", lambda text, face, w, h, largest, *rest: FittedText(largest, (text,))
    )
    family = LONG_NAMES["spaced"]
    assert misplaced_glyphs(render_badge(sample(family_name=family)), "card", family)


def test_the_same_data_gives_the_same_bytes() -> None:
    data = sample()
    assert render_badge(data) == render_badge(data)
    assert render_badge(data, "a6") == render_badge(data, "a6")


def test_the_same_data_gives_the_same_bytes_in_another_process(tmp_path: Path) -> None:
    """Nothing of the process (font registration order, caches, time) leaks into the file."""
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(demo_photo())
    script = (
        "import hashlib, sys\n"
        "from tests.unit.badges.test_roundtrip import sample\n"
        "from badges import render_badge\n"
        "data = sample(with_photo=False, family_name='Шевченко')\n"
        "from dataclasses import replace\n"
        "data = replace(data, photo=open(sys.argv[1], 'rb').read())\n"
        "print(hashlib.sha256(render_badge(data)).hexdigest())\n"
    )
    root = Path(__file__).resolve().parents[3]
    done = subprocess.run(
        [sys.executable, "-c", script, str(photo)], cwd=root, capture_output=True, text=True, check=True
    )
    here = hashlib.sha256(render_badge(sample(family_name="Шевченко"))).hexdigest()
    assert done.stdout.strip() == here


def test_a_different_serial_gives_different_bytes() -> None:
    assert render_badge(sample()) != render_badge(sample(serial="M-000043"))


def test_a_batch_has_one_page_per_badge_in_order() -> None:
    items = [sample(serial=f"M-{n:06d}", family_name=f"Name{n}") for n in (1, 2, 3)]
    pdf = render_batch(items, "card")
    assert page_sizes(pdf) == [pytest.approx(page_size("card"), abs=0.01)] * 3
    for index, item in enumerate(items):
        assert item.family_name in page_text(pdf, index)
        assert ("CODE128", item.serial) in zbar_read(rasterise(pdf, index))


def test_an_empty_batch_is_refused() -> None:
    with pytest.raises(BadgeError, match="no badges"):
        render_batch([])


def _embedded_photo(pdf: bytes) -> tuple[tuple[int, int], tuple[float, float, float, float]]:
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        (image,) = list(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]))
        found = image.get_px_size(), image.get_bounds()
        page.close()
    finally:
        document.close()
    return found


def _jpeg(image: Image.Image, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", **options)
    return out.getvalue()


@pytest.mark.parametrize("size", ["card", "a6"])
def test_a_big_photo_is_cropped_and_scaled_to_300_dpi_of_its_frame(size: str) -> None:
    photo = _jpeg(Image.new("RGB", (3000, 4000), (90, 100, 110)))
    (frame,) = [e.box for e in template_for("ministerial", size).elements if type(e).__name__ == "Photo"]
    pixels, bounds = _embedded_photo(render_badge(sample(photo=photo), size))
    assert pixels == frame_pixels(frame.w, frame.h)
    height = page_size(size)[1]
    expected = (frame.x * MM, height - frame.bottom * MM, frame.right * MM, height - frame.y * MM)
    assert bounds == pytest.approx(expected, abs=0.01)


def test_a_small_photo_is_cropped_but_never_enlarged() -> None:
    pixels, _ = _embedded_photo(render_badge(sample(photo=_jpeg(Image.new("RGB", (120, 150), "grey")))))
    assert pixels == (117, 150)  # cropped to the 22 x 28.3 mm frame's proportion, not scaled


def test_a_wide_photo_is_cropped_around_its_centre() -> None:
    image = Image.new("RGB", (900, 450), (128, 128, 128))
    image.paste((255, 0, 0), (0, 0, 250, 450))
    image.paste((0, 0, 255), (650, 0, 900, 450))
    prepared = prepare_photo(_jpeg(image, quality=95), 22.0, 28.3)
    with Image.open(io.BytesIO(prepared.jpeg)) as cropped:
        colours = cropped.convert("RGB").getcolors(1 << 16) or []
    assert all(abs(r - g) < 40 and abs(b - g) < 40 for _, (r, g, b) in colours)


def test_a_photo_is_turned_upright_from_its_exif_orientation() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # stored sideways: the camera was turned a quarter
    photo = _jpeg(Image.new("RGB", (400, 300), "grey"), exif=exif.tobytes())
    assert (prepare_photo(photo, 22.0, 28.3).width, prepare_photo(photo, 22.0, 28.3).height) == (260, 334)


def test_a_transparent_png_gets_a_white_background() -> None:
    out = io.BytesIO()
    Image.new("RGBA", (360, 450), (0, 0, 0, 0)).save(out, "PNG")
    prepared = prepare_photo(out.getvalue(), 22.0, 28.3)
    with Image.open(io.BytesIO(prepared.jpeg)) as image:
        assert image.convert("L").getextrema()[0] > 245


def test_an_unreadable_photo_is_a_clear_error() -> None:
    with pytest.raises(BadgeError, match="photo cannot be read"):
        render_badge(sample(photo=b"not an image"))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"colour": "red"}, "#RRGGBB"),
        ({"kind": "visitor"}, "unknown badge kind"),
        ({"serial": "М-000042"}, "printable ASCII"),  # a Cyrillic М
        ({"serial": " "}, "needs a serial"),
        ({"family_name": "", "given_names": " "}, "no name"),
    ],
)
def test_bad_badge_data_is_refused_with_a_reason(changes: dict[str, object], message: str) -> None:
    with pytest.raises(BadgeError, match=message):
        replace(sample(), **changes)  # type: ignore[arg-type]


def test_unknown_size_is_refused() -> None:
    with pytest.raises(BadgeError, match="unknown badge size"):
        render_badge(sample(), "a4")
