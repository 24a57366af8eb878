"""Characters reportlab cannot print correctly whatever the font: those that need shaping or right-to-left order.

reportlab's canvas draws one glyph per character, left to right, in the order of the string. Hebrew and Arabic
come out reversed (and Arabic unjoined); Indic, Thai, Tibetan, Myanmar and Khmer need glyphs reordered, joined
or stacked; emoji sequences, skin tones and flags need ligatures. reportlab 5 shapes Paragraphs only when the
optional uharfbuzz is installed, never bidi-reorders, and its canvas does neither, so a name in these scripts
would print wrong, which is as bad as empty boxes: they count as undrawable.
"""

from __future__ import annotations

import bisect
import unicodedata

# Inclusive code point ranges, sorted, that need a shaping engine (complex scripts, joiners, emoji sequences).
_SHAPED_RANGES = (
    (0x0590, 0x08FF),  # Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic, Arabic extensions
    (0x0900, 0x0DFF),  # Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam, Sinhala
    (0x0E00, 0x0FFF),  # Thai, Lao (stacked marks), Tibetan
    (0x1000, 0x109F),  # Myanmar
    (0x1100, 0x11FF),  # conjoining Hangul jamo (NFC composes the modern ones into syllables first)
    (0x1700, 0x18AF),  # Philippine scripts, Khmer, Mongolian
    (0x1900, 0x1AFF),  # Limbu, Tai Le, New Tai Lue, Buginese, Tai Tham
    (0x1B00, 0x1C4F),  # Balinese, Sundanese, Batak, Lepcha
    (0x1CD0, 0x1CFF),  # Vedic extensions
    (0x200C, 0x200F),  # zero-width non-joiner and joiner, left-to-right and right-to-left marks
    (0x202A, 0x202E),  # bidi embeddings and overrides
    (0x2066, 0x2069),  # bidi isolates
    (0xA800, 0xA82F),  # Syloti Nagri
    (0xA840, 0xA8FF),  # Phags-pa, Saurashtra, Devanagari extended
    (0xA900, 0xAAFF),  # Kayah Li, Rejang, Hangul jamo extended-A, Javanese, Myanmar extended, Cham, Tai Viet
    (0xABC0, 0xABFF),  # Meetei Mayek
    (0xD7B0, 0xD7FF),  # Hangul jamo extended-B
    (0xFB1D, 0xFDFF),  # Hebrew and Arabic presentation forms
    (0xFE70, 0xFEFE),  # Arabic presentation forms B
    (0x10800, 0x10FFF),  # right-to-left scripts of the supplementary plane
    (0x11000, 0x11FFF),  # Brahmi and its descendants
    (0x1E800, 0x1EFFF),  # Mende Kikakui, Adlam, Arabic mathematical letters
    (0x1F1E6, 0x1F1FF),  # regional indicators: flags are ligatures of two of them
    (0x1F3FB, 0x1F3FF),  # emoji skin-tone modifiers
)
_STARTS = tuple(start for start, _ in _SHAPED_RANGES)
_RIGHT_TO_LEFT = frozenset({"R", "AL", "RLE", "RLO", "RLI", "LRE", "LRO", "LRI", "FSI", "PDF", "PDI"})


def needs_shaping(char: str) -> bool:
    """Whether ``char`` prints wrong (reversed, unjoined, misplaced) without a shaping and bidi engine."""
    if unicodedata.bidirectional(char) in _RIGHT_TO_LEFT:
        return True
    point = ord(char)
    index = bisect.bisect_right(_STARTS, point) - 1
    return index >= 0 and point <= _SHAPED_RANGES[index][1]


def is_mark(char: str) -> bool:
    """A combining mark, which must come from the same font as the letter it sits on."""
    return unicodedata.category(char).startswith("M")
