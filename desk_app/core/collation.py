"""The order cards are boxed in: family name, then given names, as a counter in Brussels alphabetises them.

The event's languages are English and French, so the order is the Latin alphabet's: accents and case do not count
(Émile files with Emile, Łukasiewicz with L, Ørsted with O), particles stay where they are written (van Dijk under
V), Greek and Cyrillic names file under their passport spelling (ICAO 9303, ELOT 743: Παπαδοπούλου under P,
Шевченко under S), which is also what the clerk reads in the MRZ. Names of other scripts file after Z, in code
point order. Ties fall back to the names as written, then to the reference, so the order is total and the same on
every run.
"""

from __future__ import annotations

from desk_app.core.text import fold
from desk_app.core.transliteration import CYRILLIC_TABLES, greek_to_latin, is_cyrillic, is_greek, name_words

CollationKey = tuple[str, str, str, str, str]


def latin_form(name: str) -> str:
    """The name's words in the Latin alphabet, case-folded without accents: 'Шевченко' -> 'shevchenko'."""
    words = []
    for word in name_words(name):
        if any(is_greek(c) for c in word):
            word = greek_to_latin(word)
        elif any(is_cyrillic(c) for c in word):
            segments = (segment for segment in CYRILLIC_TABLES[0].segments(word) if segment)
            word = "".join(segment[0] for segment in segments)
        words.append(fold(word))
    return " ".join(words)


def collation_key(family_name: str, given_names: str, reference: str) -> CollationKey:
    """Sort key of one card: family name, given names, then the names as written and the reference."""
    return (latin_form(family_name), latin_form(given_names), fold(family_name), fold(given_names), reference)
