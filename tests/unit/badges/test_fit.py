"""Fitting text: shrink first, then two lines, and never wider or taller than the box."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from badges.fit import LINE_HEIGHT, fit_text, split_points
from badges.fonts import Face, text_width

WIDTH, HEIGHT = 136.0, 30.0  # the card's family-name box, in points (48 x 10.6 mm)


def test_a_short_name_gets_the_largest_size_on_one_line() -> None:
    fitted = fit_text("Li", Face.CONDENSED_BOLD, WIDTH, HEIGHT, 20, 12, max_lines=2)
    assert fitted.lines == ("Li",) and fitted.size == 20


def test_a_longer_name_shrinks_before_it_wraps() -> None:
    fitted = fit_text("Müller-Lüdenscheidt", Face.CONDENSED_BOLD, WIDTH, HEIGHT, 20, 12, max_lines=2)
    assert len(fitted.lines) == 1 and 12 <= fitted.size < 20
    assert text_width(fitted.lines[0], Face.CONDENSED_BOLD, fitted.size) <= WIDTH


def test_a_name_too_long_for_the_smallest_size_wraps_at_a_space() -> None:
    name = "Wolfeschlegelsteinhausenbergerdorff Ramírez de la Cruz y Sáez"
    fitted = fit_text(name, Face.CONDENSED_BOLD, WIDTH, HEIGHT, 20, 12, max_lines=2)
    assert len(fitted.lines) == 2 and " ".join(fitted.lines) == name


def test_one_unbroken_word_is_cut_between_letters_rather_than_overflow() -> None:
    word = "Ж" * 60
    fitted = fit_text(word, Face.CONDENSED_BOLD, WIDTH, HEIGHT, 20, 12, max_lines=2)
    assert "".join(fitted.lines) == word
    assert all(text_width(line, Face.CONDENSED_BOLD, fitted.size) <= WIDTH for line in fitted.lines)


def test_break_points_prefer_spaces_then_hyphens() -> None:
    assert split_points("Anna Maria") == [4]
    assert split_points("Lüdenscheidt-Müller") == [13]
    assert split_points("Ελένη") == [1, 2, 3, 4]


def test_a_single_line_box_never_wraps() -> None:
    fitted = fit_text("Frankfurter Allgemeine Zeitung " * 3, Face.CONDENSED, WIDTH, 9.0, 8.5, 5)
    assert len(fitted.lines) == 1 and fitted.size < 5


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(st.characters(codec="utf-8", categories=("L", "Zs", "Pd")), min_size=1, max_size=80).map(str.strip),
    lines=st.integers(1, 2),
)
def test_fitted_text_is_never_wider_or_taller_than_its_box(text: str, lines: int) -> None:
    fitted = fit_text(text, Face.CONDENSED_BOLD, WIDTH, HEIGHT, 20, 12, max_lines=lines)
    assert len(fitted.lines) <= lines
    assert all(text_width(line, Face.CONDENSED_BOLD, fitted.size) <= WIDTH for line in fitted.lines)
    assert len(fitted.lines) * fitted.size * LINE_HEIGHT <= HEIGHT + 1e-9
    assert "".join(fitted.lines).replace(" ", "") == text.replace(" ", "")
