"""Names in every script print without boxes: CJK from a system fallback font, the rest refused as undrawable.

The proof of "no box" reads the rendered PDF back: for every character pdfium finds, the font it was drawn in
(by its PostScript name) has a glyph for it in its cmap. A character a font lacks would be drawn as glyph 0,
the empty box, and the check names it.
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from PIL import Image, ImageChops
from reportlab.pdfbase import pdfmetrics

from badges import render_badge
from badges.fallback import KNOWN_FONTS, fallbacks, use_font_folders
from badges.fonts import Face, runs, text_width, undrawable
from badges.layout import MM, Field, Text, template_for
from badges.runs import Run
from tests.unit.badges.test_render import misplaced_glyphs
from tests.unit.badges.test_roundtrip import rasterise, sample

NAMES = ["王小明", "김민준", "山田 太郎", "Ελένη", "Олена"]
ZEN_HEI = "wqy-zenhei.ttc"


@pytest.fixture
def no_fallback_fonts(tmp_path: Path) -> Iterator[Path]:
    """A system without any fallback font: the search path is an empty folder."""
    use_font_folders([tmp_path])
    yield tmp_path
    use_font_folders(None)


def system_font(file_name: str) -> Path:
    found = [Path(root) / file_name for root, _, files in os.walk("/usr/share/fonts") if file_name in files]
    assert found, f"{file_name} is not installed: the Makefile's APT_TEST installs fonts-wqy-zenhei"
    return found[0]


def drawn_fonts(pdf: bytes) -> list[tuple[str, str]]:
    """Every visible character of the first page with the PostScript name of the font it is drawn in."""
    document = pdfium.PdfDocument(pdf)
    found = []
    try:
        page = document[0]
        textpage = page.get_textpage()
        for i in range(textpage.count_chars()):
            char = textpage.get_text_range(i, 1)
            size = pdfium_c.FPDFText_GetFontInfo(textpage.raw, i, None, 0, None)
            name = ctypes.create_string_buffer(size)
            pdfium_c.FPDFText_GetFontInfo(textpage.raw, i, name, size, None)
            if char.strip():
                found.append((char, name.value.decode()))
        textpage.close()
        page.close()
    finally:
        document.close()
    return found


def boxes(pdf: bytes, text: str) -> list[str]:
    """The characters of ``text`` that the page shows as empty boxes.

    A character counts when it is drawn in a font without a glyph for it, or when it is not found in the page's
    text at all: reportlab draws a character its font lacks as glyph 0 and leaves it out of the text layer.
    """
    cmaps = {}
    for name in [face.value for face in Face] + [f.name for fb in fallbacks() for f in (fb.regular, fb.bold) if f]:
        face = pdfmetrics.getFont(name).face
        cmaps[face.name.decode()] = face.charToGlyph
    # reportlab names the second and later 256-glyph subsets of a font NAME-1, NAME-2, and some NAME-0.
    drawn = [(char, font if font in cmaps else re.sub(r"-\d+$", "", font)) for char, font in drawn_fonts(pdf)]
    assert {font for _, font in drawn} <= set(cmaps), "a character is drawn in a font the badge does not know"
    wrong = [f"{char!r} in {font}" for char, font in drawn if ord(char) not in cmaps[font]]
    shown = {char for char, _ in drawn}
    return wrong + [f"{char!r} not in the text" for char in dict.fromkeys(text) if char.strip() and char not in shown]


def name_region(pdf: bytes) -> Image.Image:
    """The family name's box, rasterised at 300 dpi."""
    element = next(
        e for e in template_for("ministerial", "card").elements if isinstance(e, Text) and e.field is Field.FAMILY_NAME
    )
    scale = 300 / 72 * MM
    box = element.box
    crop = (int(box.x * scale), int(box.y * scale), int(box.right * scale), int(box.bottom * scale))
    return rasterise(pdf).crop(crop)


@pytest.mark.parametrize("name", NAMES)
def test_every_character_of_a_name_is_drawn_in_a_font_that_has_its_glyph(name: str) -> None:
    family, _, given = name.partition(" ")
    pdf = render_badge(sample(family_name=family, given_names=given or family, organisation=name))
    assert undrawable(name) == []
    assert boxes(pdf, name) == []


def test_the_box_check_sees_boxes_when_no_fallback_font_is_installed(no_fallback_fonts: Path) -> None:
    pdf = render_badge(sample(family_name="王", given_names="小明 Ελένη"))
    assert boxes(pdf, "王小明 Ελένη") == ["'王' not in the text", "'小' not in the text", "'明' not in the text"]


def test_a_cjk_name_leaves_ink_and_differs_from_the_boxes_drawn_without_the_fallback(tmp_path: Path) -> None:
    data = sample(family_name="王小明")
    with_font = name_region(render_badge(data))
    assert with_font.getextrema()[0] < 64, "the name's box is blank"
    use_font_folders([tmp_path])
    try:
        without = name_region(render_badge(data))
    finally:
        use_font_folders(None)
    assert ImageChops.difference(with_font, without).getbbox() is not None


def test_undrawable_names_the_cjk_characters_when_no_fallback_font_is_found(no_fallback_fonts: Path) -> None:
    assert fallbacks() == ()
    assert undrawable("Wang 王小明, 山田 太郎 and 김민준 Ελένη") == list("王小明山田太郎김민준")


def test_the_fallback_font_is_found_in_a_given_folder_and_on_the_system(no_fallback_fonts: Path) -> None:
    (no_fallback_fonts / "cjk").mkdir()
    (no_fallback_fonts / "cjk" / ZEN_HEI).symlink_to(system_font(ZEN_HEI))
    use_font_folders([no_fallback_fonts])
    assert [fb.regular.path.name for fb in fallbacks()] == [ZEN_HEI]
    assert undrawable("王小明") == []
    use_font_folders(None)
    assert fallbacks()[0].regular.path.name == ZEN_HEI


def test_a_damaged_fallback_font_is_skipped(no_fallback_fonts: Path) -> None:
    (no_fallback_fonts / ZEN_HEI).write_bytes(b"not a font" * 100)
    shutil.copy(system_font(ZEN_HEI), no_fallback_fonts / KNOWN_FONTS[1].file_name)
    use_font_folders([no_fallback_fonts])
    assert [fb.regular.name for fb in fallbacks()] == [KNOWN_FONTS[1].name]


@pytest.mark.parametrize("name", ["Anna 🦄", "Tom 🎉", "Bea 👍🏻", "Lou 🇧🇪"])
def test_an_emoji_no_font_draws_is_undrawable(name: str) -> None:
    assert undrawable(name) == list(name.split(" ")[1])


@pytest.mark.parametrize(
    "name",
    ["مريم", "שרה", "प्रिया", "สมชาย", "ພອນ", "សុខា"],
    ids=["arabic", "hebrew", "devanagari", "thai", "lao", "khmer"],
)
def test_scripts_that_need_shaping_or_right_to_left_order_are_undrawable(name: str) -> None:
    """DejaVu has Arabic and Hebrew glyphs, but reportlab would draw them reversed and unjoined."""
    assert undrawable(f"Ali {name}") == list(dict.fromkeys(name))


def test_hidden_joiners_and_direction_marks_are_undrawable() -> None:
    assert undrawable("Ann\u200de \u202eEva") == ["\u200d", "\u202e"]


def test_a_combining_mark_prints_with_its_letter_and_text_is_taken_as_printed() -> None:
    assert undrawable("Jose\u0301 n\u0308 Zoë\t ") == []
    assert runs("n\u0308", Face.CONDENSED) == (Run("n\u0308", Face.CONDENSED.value),)


def test_a_mixed_name_is_split_into_runs_and_bold_cjk_is_faked() -> None:
    fallback = fallbacks()[0].regular.name
    assert runs("Dupont 王小明", Face.CONDENSED_BOLD) == (
        Run("Dupont ", Face.CONDENSED_BOLD.value),
        Run("王小明", fallback, fake_bold=True),
    )
    assert runs("山田 太郎", Face.CONDENSED) == (Run("山田 太郎", fallback),)


def test_width_is_measured_in_the_fonts_that_draw_the_text() -> None:
    fallback = fallbacks()[0].regular.name
    expected = pdfmetrics.stringWidth("Li ", Face.CONDENSED.value, 10) + pdfmetrics.stringWidth("王小明", fallback, 10)
    assert text_width("Li 王小明", Face.CONDENSED, 10) == pytest.approx(expected)
    assert text_width("王小明", Face.CONDENSED, 10) == pytest.approx(30)  # one em each in Zen Hei


@pytest.mark.parametrize("size", ["card", "a6"])
def test_a_long_cjk_name_stays_inside_its_box(size: str) -> None:
    family = "欧阳司马上官诸葛东方慕容皇甫长孙宇文" * 2
    pdf = render_badge(sample(family_name=family, given_names="山田 太郎 김민준", organisation=family), size)
    assert misplaced_glyphs(pdf, size, family) == []
    assert boxes(pdf, family + "山田 太郎 김민준") == []


def test_without_fontconfig_the_system_font_folders_are_searched(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("badges.fallback.shutil.which", lambda name: None)
    use_font_folders(None)
    try:
        assert fallbacks()[0].regular.path.name == ZEN_HEI
    finally:
        monkeypatch.undo()
        use_font_folders(None)
