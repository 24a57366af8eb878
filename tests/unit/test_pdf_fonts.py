"""The desk's other PDFs draw names in runs like the badges: markup for Paragraphs, draw_string for a canvas."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate

from badges.fallback import fallbacks
from desk_app.config import DEFAULT_EVENT_FILE, load_event_file
from desk_app.office.confirmations import write_confirmation
from desk_app.pdf_fonts import draw_string, markup, pdf_fonts, string_width, undrawable
from tests.conftest import make_application


def page_text(pdf: bytes) -> str:
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        textpage = page.get_textpage()
        text = str(textpage.get_text_range())
        textpage.close()
        page.close()
    finally:
        document.close()
    return text


def test_markup_wraps_what_dejavu_lacks_in_the_fallback_font_and_escapes_the_rest() -> None:
    fonts = pdf_fonts()
    fallback = fallbacks()[0].regular.name
    assert markup("A&B <王小明> Ελένη", fonts.regular) == f'A&amp;B &lt;<font name="{fallback}">王小明</font>&gt; Ελένη'


def test_a_paragraph_and_a_canvas_print_a_cjk_name_that_reads_back() -> None:
    fonts = pdf_fonts()
    out = io.BytesIO()
    style = ParagraphStyle("body", fontName=fonts.bold, fontSize=10)
    SimpleDocTemplate(out).build([Paragraph(markup("Dupont 王小明 & 김민준", fonts.bold), style)])
    assert "Dupont 王小明 & 김민준" in page_text(out.getvalue())

    out = io.BytesIO()
    canvas = Canvas(out)
    width = draw_string(canvas, 72, 720, "山田 太郎, Олена", fonts.regular, 12)
    canvas.save()
    assert "山田 太郎, Олена" in page_text(out.getvalue())
    assert width == string_width("山田 太郎, Олена", fonts.regular, 12) > 4 * 12


def test_undrawable_in_the_desk_pdfs_is_the_badges_rule() -> None:
    assert undrawable("Ali علي 🦄 王") == ["ع", "ل", "ي", "🦄"]


@pytest.mark.parametrize(("family", "given", "shown"), [("王", "小明", "王, 小明"), ("ბერიძე", "ნინო", "ბერიძე, ნინო")])
def test_a_confirmation_letter_prints_the_name_in_its_script(
    tmp_path: Path, family: str, given: str, shown: str
) -> None:
    """The letter's name line goes through draw_string: the name is in the page's text, so no glyph is a box
    (reportlab leaves a character its font lacks out of the text layer). Georgian stays in its letters: Python's
    upper() would make Mtavruli capitals, which no font here draws."""
    app = make_application(family_name=family, given_names=given)
    event = load_event_file(DEFAULT_EVENT_FILE)
    write_confirmation(app, event, Ed25519PrivateKey.generate(), tmp_path / "letter.pdf")
    assert shown in page_text((tmp_path / "letter.pdf").read_bytes())
