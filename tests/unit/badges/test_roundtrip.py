"""Render, rasterise at 300 dpi, read back: both codes with two independent decoders, the names from the text.

Every kind at both sizes, for names in Latin with diacritics, Greek and Cyrillic, with and without a photo.
pyzbar (ZBar) and zxing-cpp share no code, so a code both read is one that the scanners at security will read.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from functools import cache

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PIL import Image
from pyzbar import pyzbar

from badges import BadgeData, page_size, render_badge
from desk_app.demo.photos import portrait_jpeg

SCRIPTS = {
    "latin": ("Dąbrowska-Nørgaard", "Zoë Ágnes Çelik"),
    "greek": ("Παπαδοπούλου", "Ελένη Αικατερίνη"),
    "cyrillic": ("Шевченко", "Олександра Іванівна"),
}
KINDS = {
    "ministerial": ("M-000042", "MINISTERIAL", "MINISTÉRIEL", "#C8102E", "14–15 February 2024", "14–15 février 2024"),
    "annual": ("A-000007", "ANNUAL 2024", "ANNUEL 2024", "#004990", "Valid 2024", "Valable 2024"),
    "pool": ("M-000042", "POOL POSITION", "POSITION POOL", "#FFC72C", "14–15 February 2024", "14–15 février 2024"),
}


@cache
def demo_photo() -> bytes:
    return portrait_jpeg("DM24-000001", (360, 450))


def sample(kind: str = "ministerial", script: str = "latin", with_photo: bool = True, **changes: object) -> BadgeData:
    """A badge of ``kind`` for a person whose names are in ``script``; pass fields to change."""
    serial, label_en, label_fr, colour, valid_en, valid_fr = KINDS[kind]
    family, given = SCRIPTS[script]
    data = BadgeData(
        serial=serial,
        kind=kind,
        label_en=label_en,
        label_fr=label_fr,
        colour=colour,
        event_name_en="Meeting of NATO Ministers of Defence",
        event_name_fr="Réunion des ministres de la Défense des pays de l'OTAN",
        family_name=family,
        given_names=given,
        organisation="Rheinische Post",
        category="Writer · Rédacteur",
        validity_en=valid_en,
        validity_fr=valid_fr,
        pool=kind == "pool",
        photo=demo_photo() if with_photo else None,
        issued_at="Issued · Émis 14.02.2024 09:12",
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def rasterise(pdf: bytes, index: int = 0, dpi: int = 300) -> Image.Image:
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[index]
        bitmap = page.render(scale=dpi / 72, grayscale=True)
        image = bitmap.to_pil().copy()
        bitmap.close()
        page.close()
    finally:
        document.close()
    return image


def page_text(pdf: bytes, index: int = 0) -> list[str]:
    """The page's text as pdfium extracts it, one entry per line."""
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[index]
        textpage = page.get_textpage()
        text = textpage.get_text_range()
        textpage.close()
        page.close()
    finally:
        document.close()
    return text.split("\r\n")


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    document = pdfium.PdfDocument(pdf)
    try:
        return [document.get_page_size(i) for i in range(len(document))]
    finally:
        document.close()


def zbar_read(image: Image.Image) -> set[tuple[str, str]]:
    return {(found.type, found.data.decode("ascii")) for found in pyzbar.decode(image)}


def zxing_read(image: Image.Image) -> set[tuple[str, str]]:
    return {(found.format.name, found.text) for found in zxingcpp.read_barcodes(image)}


@pytest.mark.parametrize("with_photo", [True, False], ids=["photo", "no-photo"])
@pytest.mark.parametrize("script", list(SCRIPTS))
@pytest.mark.parametrize("size", ["card", "a6"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_badge_reads_back(kind: str, size: str, script: str, with_photo: bool) -> None:
    data = sample(kind, script, with_photo)
    pdf = render_badge(data, size)

    assert page_sizes(pdf) == [pytest.approx(page_size(size), abs=0.01)]
    image = rasterise(pdf)
    assert zbar_read(image) == {("QRCODE", data.serial), ("CODE128", data.serial)}
    assert zxing_read(image) == {("QRCode", data.serial), ("Code128", data.serial)}
    lines = page_text(pdf)
    assert data.family_name in lines and data.given_names in lines
    assert data.label_en in lines and data.label_fr in lines
    assert ("POOL" in lines) is data.pool


def test_decomposed_names_are_printed_composed() -> None:
    """A name typed with combining accents (NFD) comes back from the PDF in NFC, as the desk searches it."""
    family, given = "Dąbrowska-Nørgaard", "Ελένη Ζωή"
    data = sample(family_name=unicodedata.normalize("NFD", family), given_names=unicodedata.normalize("NFD", given))
    assert data.family_name != family
    lines = page_text(render_badge(data))
    assert family in lines and given in lines


def test_a_ministerial_badge_of_a_pool_position_holder_shows_pool() -> None:
    lines = page_text(render_badge(sample("ministerial", pool=True)))
    assert "POOL" in lines and "MINISTERIAL" in lines
